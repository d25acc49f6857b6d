"""The clause being read as a deployment: what every stage after its trigger reads."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.deployments.cues import Cues
from kg.extract.entities import Draft, Entities, Mention
from kg.extract.lang import LangResources
from kg.extract.text import Layout, Sentence
from kg.extract.trace import Step

__all__ = ["Clause"]


@dataclass
class Clause:
    """One clause of a story sentence with its trigger found, and the article around it.

    The stages (destination, sender, resolution, status, dates, the row) read it and add
    the rules that decide to ``why``.
    """

    lay: Layout
    lang: LangResources
    lp: Cues  # the language's patterns for deployments
    ents: Entities
    s: Sentence  # the clause
    index: int  # its sentence's position in the layout
    verb: re.Match[str]  # its trigger
    leaving: re.Match[str] | None  # the verb of leaving, for troops that leave a place
    mentions: list[tuple[Mention, Draft]]  # the names in it, news outlets left out
    why: list[Step]  # every decision, as (rule, start, end), for kg extract --explain

    def unpack(
        self,
    ) -> tuple[
        Layout,
        LangResources,
        Cues,
        Entities,
        Sentence,
        int,
        re.Match[str],
        re.Match[str] | None,
        list[tuple[Mention, Draft]],
        list[Step],
    ]:
        """The fields in their order, for a stage to name them as locals."""
        return (
            self.lay,
            self.lang,
            self.lp,
            self.ents,
            self.s,
            self.index,
            self.verb,
            self.leaving,
            self.mentions,
            self.why,
        )

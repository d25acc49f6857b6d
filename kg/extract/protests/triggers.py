"""What makes a sentence tell of a protest: the protest word, and the words around it that
make it another act or deny it."""

from __future__ import annotations

import functools
import re

from kg.extract.lang import LangResources


def protest_noun(text: str, lang: LangResources, start: int, end: int) -> re.Match[str] | None:
    """The first word of a protest in ``text[start:end]`` that tells of one held."""
    other_act, negated, diplomatic, troops_act, armed = _noun_filters(lang)
    return next(
        (
            hit
            for hit in lang.pattern("protest_nouns").finditer(text, start, end)
            # rule another-act: "aksi kelompok bersenjata", "aksi teror" are no protest
            if not other_act.match(text, hit.end())
            # rule a-month-is-no-march: "in March 2007"
            and not (hit.group()[:1].isupper() and hit.group().lower() in lang.months)
            # rule no-protest: "There has been no groundswell of protest in Kenya"
            and not negated.search(text, max(start, hit.start() - 30), hit.start())
            # rule a-government-s-complaint: "melayangkan nota protes", "lodged a protest"
            and not diplomatic.search(text, max(start, hit.start() - 30), hit.start())
            # rule troops-act: "pasukan akan segera melakukan aksi": an act of troops
            and not troops_act.search(text, max(start, hit.start() - 40), hit.start())
            # rule an-armed-uprising: "a jihadist uprising", "an armed revolt"
            and not armed.search(text, max(start, hit.start() - 30), hit.start())
        ),
        None,
    )


@functools.cache
def _noun_filters(lang: LangResources) -> tuple[re.Pattern[str], ...]:
    """The words after a protest noun that make it another act, and before it that deny it
    or make it a government's complaint; compiled once per language."""
    return (
        re.compile(rf"\s+(?:{lang.pattern('not_protest_after').pattern})", re.IGNORECASE),
        re.compile(
            rf"(?<![\w-])(?:{lang.pattern('protest_negations').pattern})(?:\s+[\w-]+){{0,2}}\s+$",
            re.IGNORECASE,
        ),
        re.compile(
            rf"(?<![\w-])(?:{lang.pattern('diplomatic_protests').pattern})\s+$", re.IGNORECASE
        ),
        re.compile(
            rf"(?<![\w-])(?:{lang.pattern('troop_nouns').pattern})(?:\s+[\w-]+){{0,3}}?\s+"
            rf"(?:{lang.pattern('acting_verbs').pattern})\s+$",
            re.IGNORECASE,
        ),
        re.compile(rf"(?<![\w-])(?:{lang.pattern('armed_before').pattern})\s+$", re.IGNORECASE),
    )

"""Protests that troops are sent to guard: where a deployment with no destination goes."""

from __future__ import annotations

import datetime as dt

from kg.extract.entities import Entities
from kg.extract.lang import LangResources
from kg.extract.protests.facts import finished
from kg.extract.protests.rows import ProtestDraft
from kg.extract.protests.triggers import protest_noun
from kg.extract.text import Layout
from kg.extract.trace import Step, Trace
from kg.facts.model import Deployment, DeploymentStatus, Protest


def protests_they_guard(
    lay: Layout,
    lang: LangResources,
    ents: Entities,
    published: dt.date | None,
    deployments: list[Deployment],
    trace: Trace | None = None,
) -> list[Protest]:
    """Rule the-protest-they-guard-is-where-they-go: an article that tells of no protest
    but of forces sent "untuk mengamankan jalannya unjuk rasa ... hari ini" to a place
    tells of a protest there, on the day they went; the first such deployment's. Not one
    still to come, nor one they only guard against ("mengantisipasi unjuk rasa")."""
    text = lay.clean
    guards = lang.pattern("guard_verbs")
    for dep in deployments:
        if dep.status is DeploymentStatus.DENIED or dep.start is None or dep.to is None:
            continue
        if published is not None and dep.start.earliest > published:
            continue
        place = ents.by_id(dep.to)
        for ev in dep.evidence:
            guard = guards.search(text, ev.start, ev.end)
            noun = protest_noun(text, lang, guard.end(), ev.end) if guard else None
            if place is None or guard is None or noun is None:
                continue
            protest = ProtestDraft(place, dep.start, ev.start, evidence=[(ev.start, ev.end)])
            protest.why += [
                Step("trigger", *noun.span()),
                Step("location:the-protest-they-guard-is-where-they-go", *guard.span()),
                Step("start:the-day-they-went", ev.start, ev.end),
            ]
            return finished(lay, lang, ents, published, [protest], trace)
    return []

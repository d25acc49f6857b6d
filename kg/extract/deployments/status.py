"""Whether a deployment is planned, done or over, and the dates its status rules compute."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from kg.extract.deployments.rows import DepDraft
from kg.extract.lang import LangResources
from kg.extract.text import Sentence
from kg.extract.trace import Step
from kg.facts.model import DateValue, DeploymentStatus


def completed_withdrawal(
    text: str, finishing: re.Pattern[str], leaving: re.Match[str] | None, s: Sentence
) -> bool:
    """A withdrawal said to be completed ("completed its withdrawal from Niger",
    "menyelesaikan penarikan dari Niger")."""
    return leaving is not None and bool(
        finishing.search(text, max(s.start, leaving.start() - 25), leaving.start())
    )


def a_plan(
    planned: re.Pattern[str], not_a_plan: re.Pattern[str], today: re.Pattern[str], clause: str
) -> bool:
    """A word of a plan in ``clause`` that no word before it makes something else ("bangga
    akan melepas" is proud of sending them off), nor a word of this day after it ("will
    today start the deployment": it starts on the day it is told)."""
    return any(
        not not_a_plan.search(clause, 0, hedge.start()) and not today.match(clause, hedge.end())
        for hedge in planned.finditer(clause)
    )


def gone_since(
    dep: DepDraft,
    status: DeploymentStatus,
    start: DateValue | None,
    published: dt.date | None,
    s: Sentence,
) -> None:
    """Rule planned-then-gone: a planned deployment told again as gone on a day before
    the article ("... yang akan diterjunkan ke Papua. ... diberangkatkan ke Papua, Jumat
    (4/6)") happened; the day is when it began."""
    if (
        dep.status is DeploymentStatus.PLANNED
        and status is DeploymentStatus.HAPPENED
        and start is not None
        and published is not None
        and start.latest <= published
    ):
        dep.status, dep.start = status, start
        dep.why.append(Step("status:planned-then-gone", *s.span))


def told_before(text: str, lang: LangResources, verb: re.Match[str]) -> bool:
    """The trigger is a deployment noun made definite ("The deployment", "the deployments",
    "Pengerahan tersebut"), or the troops made definite by the verb ("the deployed
    troops"): it points back at a deployment the article told of."""
    definite = lang.pattern("definite_before").pattern
    if re.search(
        rf"(?<![\w-])(?:{definite})\s+$", text[max(0, verb.start() - 12) : verb.start()], re.I
    ) and lang.pattern("troop_nouns").match(text, verb.end() + 1):
        return True  # "the deployed troops would work closely with the police"
    if verb.group().lower() not in {w.lower() for w in lang.words("deployment_nouns")}:
        return False
    # "The deployment", "their deployment in the country": one told of already
    before = re.search(
        rf"(?<![\w-])(?:{lang.pattern('definite_before').pattern}|{lang.pattern('its_words').pattern})"
        rf"\s+(?:[a-z]+\s+)?$",
        text[max(0, verb.start() - 24) : verb.start()],
        re.IGNORECASE,
    )
    # "Pengerahan tersebut"; "Pengiriman pasukan ini": the troop noun between
    after = re.match(
        rf"(?:\s+(?:{lang.pattern('troop_nouns').pattern})(?:\s+[a-z]+)?)?"
        rf"\s+(?:{lang.pattern('definite_after').pattern})(?![\w-])",
        text[verb.end() : verb.end() + 40],
        re.I,
    )
    # "the alleged deployment of Wagnerian warriors to Mali" names its own troops
    own = re.match(
        rf"\s+(?:{lang.pattern('part_preps').pattern})\s+(?-i:[A-Z])",
        text[verb.end() : verb.end() + 16],
        re.I,
    )
    return (before is not None and own is None) or after is not None


def completed(text: str, lang: LangResources, verb: re.Match[str], date: int, s: Sentence) -> bool:
    """Rule withdrawal-completed: the withdrawal told is complete ("completed their
    withdrawal", "pasukan terakhir ditarik") or ends by the date ("until January 19"), so
    its date is when the last troops left; not
    when the completion is a mission's before it ("misi selesai ... mulai menarik diri")."""
    near = lang.pattern("completion_cues").search(text, max(s.start, verb.start() - 40), date)
    begun = lang.pattern("protest_start_cues").search(text, max(s.start, verb.start() - 25), date)
    # "will be withdrawn from X until January 19", "ditarik paling lambat 19 Januari": the
    # date by which the last troops leave
    ends = re.search(rf"(?:{lang.pattern('end_preps').pattern})\s+$", text[verb.end() : date], re.I)
    # "demanded that the troops be withdrawn by March 15": a demand, not the end
    demanded = lang.pattern("demand_verbs").search(
        text, max(s.start, verb.start() - 60), verb.start()
    )
    return (near is not None or (ends is not None and demanded is None)) and begun is None


def a_year_later(d: DateValue) -> DateValue:
    """The same day or month a year later (29 February becomes 28 February)."""

    def later(day: dt.date) -> dt.date:
        try:
            return day.replace(year=day.year + 1)
        except ValueError:
            return day.replace(year=day.year + 1, day=28)

    return replace(d, value=later(d.value), earliest=later(d.earliest), latest=later(d.latest))


def days_later(d: DateValue, days: int) -> DateValue:
    """The same date ``days`` later."""
    step = dt.timedelta(days=days)
    return replace(d, value=d.value + step, earliest=d.earliest + step, latest=d.latest + step)

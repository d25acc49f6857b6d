"""Whether a deployment is planned, done or over, and the dates its status rules compute."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from kg.extract.dates import DateMatch
from kg.extract.deployments.clause import Clause
from kg.extract.deployments.cues import Cues
from kg.extract.deployments.requests import asked_to_send
from kg.extract.deployments.rows import DepDraft
from kg.extract.deployments.triggers import goes_toward, points_back
from kg.extract.entities import LOC, ORG, Draft
from kg.extract.frames import force_of_unit
from kg.extract.lang import LangResources
from kg.extract.story import country_of, event_dates
from kg.extract.text import Sentence
from kg.extract.trace import Step
from kg.facts.model import DateValue, DeploymentStatus


def a_plan(lp: Cues, clause: str) -> bool:
    """A word of a plan in ``clause`` that no word before it makes something else ("bangga
    akan melepas" is proud of sending them off), nor a word of this day after it ("will
    today start the deployment": it starts on the day it is told), nor a word of staying
    (rule troops-that-stay: "the marines will remain deployed in the port" are there)."""
    return any(
        not lp.not_a_plan.search(clause, 0, hedge.start())
        and not lp.today.match(clause, hedge.end())
        and not lp.stays.match(clause, hedge.end())
        for hedge in lp.planned.finditer(clause)
    )


def stays_on(lp: Cues, clause: str) -> re.Match[str] | None:
    """Rule troops-that-stay: a word of a plan with a word of staying after it ("will
    remain deployed", "will continue to be stationed", "akan tetap bersiaga") tells troops
    that are there now, so their deployment happened; the words, or None."""
    for hedge in lp.planned.finditer(clause):
        stay = lp.stays.match(clause, hedge.end())
        if stay is not None:
            return stay
    return None


def gone_since(
    dep: DepDraft,
    status: DeploymentStatus,
    start: DateValue | None,
    published: dt.date | None,
    s: Sentence,
) -> None:
    """Rule planned-then-gone: a planned deployment told again as gone on a day before
    the article ("... yang akan diterjunkan ke Papua. ... diberangkatkan ke Papua, Jumat
    (4/6)") happened; the day is when it began. And one told as gone, told again as
    going on a day after the article, is planned."""
    if (
        dep.status is DeploymentStatus.PLANNED
        and status is DeploymentStatus.HAPPENED
        and start is not None
        and published is not None
        and start.latest <= published
    ):
        dep.status, dep.start = status, start
        dep.why.append(Step("status:planned-then-gone", *s.span))
    elif (
        dep.status is DeploymentStatus.HAPPENED
        and status is DeploymentStatus.PLANNED
        and start is not None
        and published is not None
        and start.earliest > published
        and dep.start in (None, start)
    ):
        # rule a-later-date-is-a-plan, told on: "1.200 personel dikirim ke X. 'Mereka akan
        # diberangkatkan mulai Senin (12/4)'", told on the Saturday before: not gone yet
        dep.status, dep.start = status, start
        dep.why.append(Step("status:a-date-after-the-publication", *s.span))


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
    # ("by the end of June": the article and a word of the month's part between)
    the = lang.pattern("definite_before").pattern or "(?!x)x"
    part = lang.pattern("month_preps").pattern
    ends = re.search(
        rf"(?:{lang.pattern('end_preps').pattern})\s+(?:(?:{the})\s+)?(?:(?:{part})\s+)?$",
        text[verb.end() : date],
        re.I,
    )
    # "demanded that the troops be withdrawn by March 15": a demand, not the end
    demanded = lang.pattern("demand_verbs").search(
        text, max(s.start, verb.start() - 60), verb.start()
    )
    return (near is not None or (ends is not None and demanded is None)) and begun is None


def left_when(
    text: str,
    lang: LangResources,
    lp: Cues,
    verb: re.Match[str],
    date: DateMatch,
    s: Sentence,
    published: dt.date | None,
) -> tuple[DateValue | None, DateValue | None, list[Step]]:
    """The day the pull-out began and the day the last troops left, from ``date``, the
    first date after the verb of withdrawing ``verb``, and the rules that said so."""
    steps: list[Step] = []
    value = date.value
    # the words before the verb, past the clause's start ("will wind down its operations
    # and withdraw"), not past its sentence's
    before = text[max(0, verb.start() - 40) : verb.start()]
    stop = max(before.rfind(". "), before.rfind("\n"))
    cut = verb.start() - len(before) + stop + 1 if stop >= 0 else verb.start() - len(before)
    # "the withdrawal is expected to be completed by the end of January": the plan's word
    # may come after the noun of withdrawing
    planned = a_plan(lp, text[cut : verb.start()]) or a_plan(lp, text[verb.end() : date.start])
    if planned and (ahead := month_ahead(text, lang, date, published)) is not None:
        # rule a-plan-looks-ahead, for a withdrawal: "will withdraw its troops from Mali
        # by June 30", told in March, leaves this June
        value = ahead
        steps.append(Step("withdrawal:a-plan-looks-ahead", date.start, date.end))
    partial = lang.pattern("partial_cues").search(text, s.start, date.start)
    if partial is not None:
        # rule a-step-of-the-withdrawal: "the second phase of 3,000 troops will be
        # withdrawn by the end of September": no end of the deployment, and a step still
        # to come tells no day the pull-out began
        steps.append(Step("withdrawal:a-step-of-the-withdrawal", *partial.span()))
        return (None if planned else value), None, steps
    if completed(text, lang, verb, date.start, s):
        steps.append(Step("end:the-withdrawal-completed", *s.span))
        return None, value, steps
    steps.append(Step("withdrawal:date-after-a-withdrawal-verb", *s.span))
    return value, None, steps


def a_year_later(d: DateValue) -> DateValue:
    """The same day or month a year later (29 February becomes 28 February)."""

    def later(day: dt.date) -> dt.date:
        try:
            return day.replace(year=day.year + 1)
        except ValueError:
            return day.replace(year=day.year + 1, day=28)

    return replace(d, value=later(d.value), earliest=later(d.earliest), latest=later(d.latest))


def month_ahead(
    text: str, lang: LangResources, d: DateMatch, published: dt.date | None
) -> DateValue | None:
    """The date a year later, when ``d`` names a month without its year and is gone by
    the publication day (for a plan, which looks ahead), else None."""
    if published is None or d.value.latest >= published:
        return None
    told = text[d.start : d.end]
    if re.search(r"\d{4}", told):
        return None
    # a month named without its year, not a weekday or a numeric date
    if not any(w.lower() in lang.months for w in re.findall(r"[^\W\d_]+", told)):
        return None
    return a_year_later(d.value)


def days_later(d: DateValue, days: int) -> DateValue:
    """The same date ``days`` later."""
    step = dt.timedelta(days=days)
    return replace(d, value=d.value + step, earliest=d.earliest + step, latest=d.latest + step)


def clause_status(
    c: Clause,
    *,
    to: Draft | None,
    by: Draft | None,
) -> tuple[DeploymentStatus, Draft | None]:
    """The status the clause gives its deployment (troops that leave a place were there),
    and who asked for the troops when the clause asks another to send them ("The EU asked
    Malaysia to deploy troops"); the rules that chose are added to the clause's ``why``."""
    lang, lp, s, verb, leaving, mentions = c.lang, c.lp, c.s, c.verb, c.leaving, c.mentions
    text = c.lay.clean
    why = c.why
    asker: Draft | None = None
    # from a word's start: not "akan" of "mengatakan" cut in two
    # "announced the imposition of a curfew and the deployment of the military": a
    # deployment noun is an object, and what governs it may stand further back
    cut = max(s.start, verb.start() - (60 if lp.deploy_nouns.fullmatch(verb.group()) else 40))
    while cut > s.start and cut < verb.start() and re.match(r"[\w-]", text[cut - 1]):
        cut += 1
    clause = text[cut : verb.end()]
    status = DeploymentStatus.HAPPENED
    hedge = lp.denied.search(text, s.start, s.end) if leaving is None else None
    if hedge is not None and lp.negated.search(
        text, max(s.start, hedge.start() - 20), hedge.start()
    ):
        # rule a-denial-denied: "sending ground troops could not be ruled out", "has not
        # ruled out sending troops": a sending kept open, planned at most
        status = DeploymentStatus.PLANNED
        why.append(Step("status:a-denial-denied", *hedge.span()))
    elif hedge is not None:
        status = DeploymentStatus.DENIED
        why.append(Step("status:denied-hedge", *hedge.span()))
    elif (
        leaving is None
        # "will reduce the number of its soldiers serving in Latvia": the troops
        # to be cut are there now
        and lp.withdraw.search(clause) is None
    ) and (
        # "akan mulai kami berangkatkan hari ini": they go on the day it is told
        (a_plan(lp, clause) and not lp.today.match(text, verb.end()))
        or lp.planned.fullmatch(verb.group())
        # "are headed to Tijuana in coming months": a time still to come, also
        # before the verb ("malam ini jam 22.00 WITA berangkat ke Papua Barat")
        or lp.future.search(text, verb.end(), min(s.end, verb.end() + 50)) is not None
        or (lp.future.search(clause) is not None and not lp.done.search(clause))
    ):
        status = DeploymentStatus.PLANNED
        why.append(Step("status:planned-hedge", max(s.start, verb.start() - 40), verb.end()))
    elif leaving is None and (stay := stays_on(lp, clause)) is not None:
        why.append(Step("status:troops-that-stay", cut + stay.start(), cut + stay.end()))
    elif (
        leaving is None
        # troops that arrived on their way are not only readied: "arrived in
        # Nairobi to be deployed to Mombasa", "tiba di Jayapura untuk diberangkatkan"
        and not lp.arrivals.fullmatch(verb.group())
        and (purpose := lp.purposes.search(text, verb.end(), min(s.end, verb.end() + 80)))
    ):
        # rule readied-to-be-sent: "menyiapkan 150 personel untuk diberangkatkan ke
        # Papua": troops readied to go have not gone yet
        status = DeploymentStatus.PLANNED
        why.append(Step("status:readied-to-be-sent", *purpose.span()))
    elif lp.alert.fullmatch(verb.group()) and to is not None and goes_toward(text, lang, verb, to):
        # rule on-alert-to-go: "menyiagakan 2.000 prajurit ke Timur Tengah" puts
        # troops on alert to go there, they have not gone ("disiagakan di" is there)
        status = DeploymentStatus.PLANNED
        why.append(Step("status:on-alert-to-go", verb.start(), verb.end()))
    asked = asked_to_send(text, lp.asked_to, s, verb, mentions, by)
    if asked is not None and status is DeploymentStatus.HAPPENED:
        # rule asked-to-send: "Uni Eropa meminta Malaysia mengerahkan pasukan ke
        # Armenia", "The EU asked Malaysia to deploy troops": asked, not yet sent
        status = DeploymentStatus.PLANNED
        why.append(Step("status:asked-to-send", *asked[0].span()))
        asker = asked[1]
    return status, asker


def told_on(c: Clause, date: DateMatch) -> bool:
    """Rule a-plan-s-day-of-telling: ``date`` is the day the plan of the clause was told:
    right after a word of saying or reporting, no verb of deploying between ("said on
    Friday it will send"), or closing a sentence, after a comma, that a word of saying
    opens before the verb ("menyatakan akan mengerahkan 600 tentara ke UEA, Minggu
    (14/9)")."""
    text, s, lp = c.lay.clean, c.s, c.lp
    said = [m for m in lp.telling.finditer(text, s.start, date.start)]
    if not said:
        return False
    if not lp.verbs.search(text, said[-1].end(), date.start):
        return True
    closing = re.fullmatch(r"[\s.\"”')]*", text[date.end : s.end]) is not None
    return closing and text[: date.start].rstrip().endswith(",") and said[0].end() <= c.verb.start()


def decided_on(c: Clause, date: DateMatch) -> bool:
    """Rule a-plan-s-day-of-deciding: ``date`` goes with a verb of deciding that comes
    before the clause's verb of deploying, right before it or right after it with no
    clause break between ("parliament on Monday approved the deployment of 1,000
    officers", "DPR pada Senin (8/5) menyetujui pengiriman"): the day the plan was
    decided, which the codebook says is no start."""
    text, s, lp = c.lay.clean, c.s, c.lp
    if date.start >= c.verb.end():
        # "France had offered in January to send troops", "menawarkan pada Januari untuk
        # mengirim": the day of the verb of deciding that is the trigger, before the
        # purpose it decides
        return (
            lp.deciding.fullmatch(text, c.verb.start(), c.verb.end()) is not None
            and len(text[c.verb.end() : date.start]) <= 12
            and re.match(
                rf"\s+(?:{c.lang.pattern('purpose_words').pattern})\s", text[date.end : s.end], re.I
            )
            is not None
        )
    if date.end > c.verb.start():
        return False
    for m in lp.deciding.finditer(text, s.start, c.verb.end()):
        # the words between the date and the verb, whichever comes first
        gap = text[date.end : m.start()] if date.end <= m.start() else text[m.end() : date.start]
        if len(gap) <= 25 and not re.search(r"[,;:()]", gap) and not lp.verbs.search(gap):
            return True
    return False


def clause_start(
    c: Clause,
    *,
    published: dt.date | None,
    status: DeploymentStatus,
) -> tuple[list[DateMatch], DeploymentStatus, DateValue | None]:
    """The dates of the clause of ``verb`` that are its deployment's (not those of when
    troops left, nor of the event the deployment answers), the status a later date makes
    a plan, the start (none for a denial or a plan made in the past; a plan's month or
    weekday already gone looks ahead); the rules that chose are added to the clause's
    ``why``."""
    lang, lp, s, verb, leaving = c.lang, c.lp, c.s, c.verb, c.leaving
    text = c.lay.clean
    why = c.why
    dates = event_dates(text, lang, published, s)
    if leaving is None and (later := lp.withdraw.search(text, verb.end(), s.end)):
        # "troops stationed in X left on Friday": Friday is when they left
        dates = [d for d in dates if d.start < later.start()]
    if lp.place_relative is not None:
        told_there = lp.place_relative.search(text, verb.end(), s.end)
        if told_there is not None:
            # rule the-day-of-what-happened-there: "500 soldiers had been sent to Puno,
            # where 17 protesters were killed on Jan. 9": the day of the clause about
            # the place, not of the troops
            dates = [d for d in dates if d.start < told_there.start()]
    answered = lp.prior_event.search(text, verb.end(), s.end)
    if answered is not None:
        # rule the-day-of-the-event-it-answers: "mengirim 1.800 personel ke Ambon
        # menyusul bentrokan pada Kamis": Thursday is the clashes' day
        # ... up to the next comma at least ("menyusul serangan KKB yang menewaskan dua
        # anggota TNI pada Sabtu (15/4)"); "menyusul serangan KKB, Senin (17/4)" is the day
        # told after it
        comma = text.find(",", answered.end(), s.end)
        reach = max(answered.end() + 60, comma if comma >= 0 else s.end)
        dates = [d for d in dates if not answered.start() <= d.start < reach]
    if leaving is None and (earlier := lp.withdraw.search(text, s.start, verb.start())):
        # "began leaving X on Thursday, a week after they flew in": Thursday is when
        # they left, not when they came
        dates = [d for d in dates if not earlier.end() <= d.start < verb.start()]
    # rule an-end-date-is-no-start: "deployed 3,000 troops to Belarus until March 20":
    # the day they are to leave (see clause_end), not the day they came or go
    starts = [
        d for d in dates if not lp.ends_before.search(text, max(s.start, d.start - 15), d.start)
    ]
    if (
        status is DeploymentStatus.HAPPENED
        and leaving is None  # troops that leave later were there
        and starts
        and published is not None
        and starts[0].value.earliest > published
    ):
        # rule a-later-date-is-a-plan: troops that go "next month" have not gone
        status = DeploymentStatus.PLANNED
        why.append(Step("status:a-date-after-the-publication", starts[0].start, starts[0].end))
    if not starts:
        return dates, status, None
    first = starts[0]
    after_verb = [
        d
        for d in dates
        if d.start >= verb.end()
        and lp.since_before.search(text, max(s.start, d.start - 15), d.start)
    ]
    if status is DeploymentStatus.PLANNED and after_verb and first.end <= verb.start():
        # rule a-plan-s-own-day: "on Monday approved a plan to send ... from April 10":
        # the day they go from, after the verb; the one before it is when it was decided
        first = after_verb[0]
        why.append(Step("start:a-plan-s-own-day", first.start, first.end))
    start = first.value if status is not DeploymentStatus.DENIED else None
    if (
        start is not None
        and status is DeploymentStatus.PLANNED
        and lp.past.search(text, max(s.start, first.start - 12), first.end + 8)
    ):
        # rule a-plan-made-in-the-past: "resolved last June to send ...": the day
        # it was decided, not the day the troops go
        start = None
        why.append(Step("start:a-plan-s-past-day-is-no-start", first.start, first.end))
    if start is not None and status is DeploymentStatus.PLANNED and told_on(c, first):
        # rule a-plan-s-day-of-telling: "Rwanda said on Friday it will send troops",
        # "akan mengerahkan 600 tentara ke UEA, kata Abbott, Minggu (14/9)": the day the
        # plan was told, not the day the troops go
        start = None
        why.append(Step("start:a-plan-s-day-of-telling", first.start, first.end))
    if start is not None and status is DeploymentStatus.PLANNED and decided_on(c, first):
        # rule a-plan-s-day-of-deciding: "parliament on Monday approved the deployment":
        # the day it was decided, not the day the troops go
        start = None
        why.append(Step("start:a-plan-s-day-of-deciding", first.start, first.end))
    if (
        start is not None
        and status is DeploymentStatus.PLANNED
        and (ahead := month_ahead(text, lang, first, published)) is not None
    ):
        # rule a-plan-looks-ahead: "will deploy ... in January", told in March, is
        # next January
        start = ahead
    elif (
        start is not None
        and status is DeploymentStatus.PLANNED
        and published is not None
        and start.latest < published
        and first.start > verb.end()  # not "As of Thursday, ... ordered"
        and not re.search(r"\d", text[first.start : first.end])
        and any(
            w.lower() in lang.weekdays
            for w in re.findall(r"[^\W\d_]+", text[first.start : first.end])
        )
    ):
        # rule a-plan-looks-ahead, for a weekday: "will depart on Monday", told on a
        # Tuesday, is next Monday
        start = days_later(start, 7)
    return dates, status, start


def clause_end(
    c: Clause,
    *,
    by: Draft | None,
    to: Draft | None,
    start: DateValue | None,
    dates: list[DateMatch],
    pulled: re.Match[str] | None,
    published: dt.date | None,
) -> tuple[Draft | None, Draft | None, DateValue | None, DateValue | None, DateValue | None]:
    """When the troops of the clause of ``verb`` came and went: troops back home from a
    duty (the place of the duty, told here or in the sentence before, and the day they came
    back), troops withdrawn, served from one day until another, or leaving after serving
    since a day. Returns the sender and the destination (a return home tells them anew),
    the start, the day the withdrawal began and the day the last troops left; the rules
    that chose are added to ``why``."""
    lay, lang, lp, ents, s, index, verb, leaving, mentions, why = c.unpack()
    text = lay.clean
    withdrawal = None
    # "berangkat dari Lebanon untuk kembali ke Indonesia": a journey home
    home_bound = lp.back_home.search(text, verb.end(), s.end) if leaving is None else None
    # "tiba di Bandara Soekarno-Hatta usai bertugas setahun di Kongo": arrived home
    after_duty = (
        lp.duty_done.search(text, verb.end(), s.end)
        if leaving is None and lp.arrivals.fullmatch(verb.group())
        else None
    )
    duty_mentions = mentions
    if (
        after_duty is None
        and leaving is None
        and lp.arrivals.fullmatch(verb.group())
        and index > 0
        and points_back(text, lang, s)
    ):
        # rule home-after-the-duty-told-before: "KRI X telah menyelesaikan tugasnya
        # selama satu tahun di Lebanon. ... 110 prajurit itu tiba di Surabaya"
        duty_told = lay.sentences[index - 1]
        after_duty = lp.duty_done.search(text, duty_told.start, duty_told.end)
        duty_mentions = ents.mentions_in(duty_told.start, duty_told.end, longest=True)
    # "The soldiers stationed in X returned home on Friday": the troops there came back
    back_later = lp.returning.search(text, verb.end(), s.end) if leaving is None else None
    if leaving is None and (
        lp.returning.match(text, verb.start())
        or home_bound is not None
        or after_duty is not None
        or back_later is not None
    ):
        # "tiba di Tanah Air ... setelah bertugas di X": back home from X
        start, withdrawal = None, dates[0].value if dates else None
        served = lp.served_in.search(text, s.start, s.end) or after_duty
        there = next(
            (
                d
                for m, d in (duty_mentions if served is after_duty else mentions)
                if served and m.start >= served.end() and d.type is LOC
            ),
            None,
        )
        if there is None:
            # "berangkat dari Republik Demokratik Kongo untuk kembali ke Indonesia",
            # "returned home from Kosovo": the place they set out from is where they
            # served
            home_at = home_bound.start() if home_bound is not None else s.end
            the = lang.pattern("definite_before").pattern or "(?!x)x"
            the_only = re.compile(rf"\s*(?:(?:{the})\s+)?", re.IGNORECASE)
            served = next(
                (
                    p
                    for p in lp.source_preps.finditer(text, verb.end(), home_at)
                    if p.end() - verb.end() <= 40
                ),
                None,
            )
            there = next(
                (
                    d
                    for m, d in mentions
                    if served
                    and d.type is LOC
                    and m.start >= served.end()
                    # "returned home from the Central African Republic"
                    and the_only.fullmatch(text, served.end(), m.start)
                ),
                None,
            )
        if there is None and to is None:
            # rule where-the-troops-back-home-were: "The soldiers who were deployed to the
            # Central African Republic have returned home": the place the clause about
            # them names
            kept = next(
                (
                    (m, d)
                    for m, d in reversed(mentions)
                    if m.end <= verb.start()
                    and d.type is LOC
                    and lp.placed_before.search(text, max(s.start, m.start - 20), m.start)
                ),
                None,
            )
            if kept is not None:
                to = kept[1]
                why.append(Step("destination:where-the-troops-back-home-were", *kept[0].span))
        if served is not None and there is not None and there is not to:
            # rule back-from-where-they-served: "tiba kembali di markasnya di Malang
            # ... setelah 12 bulan bertugas di Kabupaten Maybrat": Maybrat, not home
            to = there
            why.append(Step("destination:back-from-where-they-served", *served.span()))
            if by is to:
                # "Kontingen Garuda yang bertugas di Lebanon ... berangkat": the
                # place was read as the subject; the body before it is the sender
                body = next(
                    (d for m, d in mentions if m.end <= served.start() and d.type is ORG),
                    None,
                )
                if body is not None:
                    by = country_of(force_of_unit(body, ents), ents)
                    why.append(Step("sender:the-body-back-from-duty", s.start, served.start()))
    if pulled is not None:
        # rule withdrawn-before-a-relative-clause: "menarik kembali 1.200 personel
        # yang sebelumnya di-BKO-kan ... di Kabupaten Garut": the troops of that
        # deployment leave it, on the sentence's day
        start, withdrawal = None, dates[0].value if dates else None
        why.append(Step("withdrawal:withdrawn-before-a-relative-clause", *pulled.span()))
    ended = None  # when the last troops left
    if withdrawal is not None and leaving is None and pulled is None:
        # rule home-again-is-the-end: the troops told of are back, so their
        # deployment there ended that day ("tiba kembali di Manado usai bertugas di
        # Papua, Senin (4/7/2022)")
        ended = withdrawal
    until = next(
        (d for d in dates if lp.ends_before.search(text, max(s.start, d.start - 15), d.start)),
        None,
    )
    opened = [
        d
        for d in dates
        if until is not None
        and d.start < until.start
        and lp.since_before.search(text, max(s.start, d.start - 15), d.start)
    ]
    if leaving is None and until is not None and opened:
        # rule served-from-until: "bertugas BKO di Puncak sejak 1 September 2020
        # hingga 25 Mei 2021": when the troops began and when they left
        start, ended, withdrawal = opened[-1].value, until.value, None
        why.append(Step("dates:served-from-until", opened[-1].start, until.end))
    elif (
        leaving is None
        and until is not None
        and until.start > verb.end()
        and ended is None
        # "had not been expected to deploy until September": not before then, no end
        and not lang.pattern("negation_words").search(text, s.start, until.start)
    ):
        # rule an-announced-end: "has deployed 3,000 troops to Belarus until March 20": the
        # day the deployment is to end (the codebook's announced completion date)
        ended = month_ahead(text, lang, until, published) or until.value  # it looks ahead
        why.append(Step("end:an-announced-end", until.start, until.end))
    if leaving is not None:
        arrived = [
            d for d in dates if lp.since_before.search(text, max(s.start, d.start - 15), d.start)
        ]
        after = [d for d in dates if d.start >= leaving.end() and d not in arrived]
        start, withdrawal = None, None
        if after:
            withdrawal, ended, steps = left_when(text, lang, lp, leaving, after[0], s, published)
            why.extend(steps)
        if arrived and after and arrived[0].value.latest < after[0].value.earliest:
            # rule left-after-serving-since: "kembali dari Lebanon, Senin (5/11/2018),
            # setelah bertugas di Lebanon sejak 23 September 2017": there from then
            # until they left
            start, ended, withdrawal = arrived[0].value, after[0].value, None
            why.append(Step("dates:left-after-serving-since", arrived[0].start, arrived[0].end))
    return by, to, start, withdrawal, ended

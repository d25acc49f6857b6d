"""Deployments, sentence by sentence (clause by clause), with their status, counts and dates.

Each clause of a story sentence goes through the stages of this package in turn: its
trigger (``triggers``: a verb of sending, receiving, guarding, being there or leaving, with
a troop noun), its destination (``places``), its sender (``senders``), both completed from
beyond the clause (``resolve``), its status and dates (``status``), its troop count
(``counts``), and then it becomes a row or adds to one told (``merge``). Once every sentence
is read, the passes of ``passes`` merge withdrawals into what they end, add missions and
counted contingents, and take what later sentences tell of counts, starts, requests and
returns.
"""

from __future__ import annotations

import datetime as dt
import re

from kg.extract.contingents import find_place_shares
from kg.extract.deployments.clause import Clause
from kg.extract.deployments.counts import (
    count_cut_from,
    counts_per_place,
    counts_per_sender,
    counts_told_on,
    owned_count,
    reinforcement,
    subjects_split_the_count,
    troop_count,
)
from kg.extract.deployments.cues import Cues, cues
from kg.extract.deployments.gapped import gapped_rows
from kg.extract.deployments.guards import guarded_protest_days
from kg.extract.deployments.merge import add_row
from kg.extract.deployments.passes import (
    a_town_of_the_country,
    contingent_rows,
    duty_places_told_on,
    ends_of_a_range,
    left_rows_merged,
    members_counted_after_their_bloc,
    mission_rows,
    parts_follow_their_force,
    returns_home,
    starts_told_on,
    the_operation_s_region,
    the_period_told_apart,
    withdrawals,
)
from kg.extract.deployments.places import clause_destination
from kg.extract.deployments.requests import request_of, requests_told
from kg.extract.deployments.resolve import (
    back_home,
    flight_home,
    place_of_unplaced_troops,
    resolve_destination,
    resolve_sender,
)
from kg.extract.deployments.rows import (
    DepDraft,
    a_pledge_only,
    a_state_s_force,
    better_count,
    is_country,
    leads,
    names_within,
    to_deployment,
)
from kg.extract.deployments.senders import clause_sender
from kg.extract.deployments.status import (
    clause_end,
    clause_start,
    clause_status,
    gone_since,
    told_before,
)
from kg.extract.deployments.triggers import (
    clause_trigger,
    points_back,
    split_clauses,
    troops_told_back,
)
from kg.extract.entities import LOC, PER, Draft, Entities
from kg.extract.frames import stateless_region
from kg.extract.lang import LangResources
from kg.extract.story import main_country, nationwide_in
from kg.extract.text import Kind, Layout, Sentence
from kg.extract.trace import Step, Trace
from kg.facts.model import Deployment, DeploymentStatus, Protest, Quantity, Role

__all__ = ["find_deployments"]


def find_deployments(
    lay: Layout,
    lang: LangResources,
    ents: Entities,
    published: dt.date | None,
    roles: tuple[Role, ...],
    trace: Trace | None = None,
    protests: list[Protest] | None = None,
) -> list[Deployment]:
    """Deployments stated in the story sentences; ``trace`` gets the rules behind each;
    ``protests`` (of the same article) are where troops sent to guard one go."""
    lp = cues(lang)
    text = lay.clean
    # "Sebelumnya, TNI ...", "Earlier, ...": a sentence about what came before
    earlier = re.compile(rf"[\"“]?(?:{lang.pattern('earlier_openers').pattern})\s*,", re.IGNORECASE)
    home = main_country(ents)
    datelined = set(lay.dateline_places)
    dateline = next(
        (ents.by_mention[span] for span in lay.dateline_places if span in ents.by_mention), None
    )
    deps: list[DepDraft] = []
    pairs: dict[tuple[int, int], DepDraft] = {}  # (sender, destination) by identity -> first
    # a sender whose troops went nowhere named: it, its sentence and its troop count
    unplaced: tuple[Draft, int, Quantity | None] | None = None
    for index, sentence in enumerate(lay.sentences):
        if sentence.kind is not Kind.STORY:
            continue
        subject: Draft | None = None  # the sender of the sentence's earlier clause
        shares = (
            find_place_shares(lay, lang, ents, sentence)
            if unplaced is not None
            and 0 < index - unplaced[1] <= 2
            and not _senders_of_their_own(text, lp, ents, sentence)
            else []
        )
        if unplaced is not None and shares:
            # rule a-place-s-share: "Mabes Polri mengirim 1.500 personel Brimob BKO.
            # Rinciannya, 500 personel ke Sulawesi Barat, 400 personel ke Maluku Utara ...":
            # the sender's troops, shared out to each place with its count
            for place, share, share_start, share_end in shares:
                row = DepDraft(
                    unplaced[0],
                    place,
                    DeploymentStatus.HAPPENED,
                    share,
                    None,
                    index,
                    sentence.para,
                    [sentence.span],
                )
                row.why = [Step("destination:a-place-s-share", share_start, share_end)]
                deps.append(row)
                pairs.setdefault((id(unplaced[0]), id(place)), row)
            unplaced = None
            continue
        clauses = split_clauses(
            text, sentence, lp.verbs, lp.clause_joins, lp.withdraw, lp.fronted_opener
        )
        for part, s in enumerate(clauses):
            trigger = clause_trigger(text, lang, lp, ents, s, part=part, index=index, deps=deps)
            if trigger is None:
                continue
            verb, leaving, pulled = trigger.verb, trigger.leaving, trigger.pulled
            troop, sent, untrooped = trigger.troop, trigger.sent, trigger.untrooped
            back_to = lp.returning_to.search(text, verb.end(), s.end)
            if back_to is not None and leaving is None and lp.deploy_nouns.fullmatch(verb.group()):
                # "Having completed their deployment with UNIFIL, the unit has returned to
                # the Republic of Serbia": the clause tells the return, not the deployment
                verb = back_to
            if deps and leaving is None and told_before(text, lang, verb):
                # rule the-deployment-told-before: "The deployment followed Monday's
                # meeting between Ugandan and Congolese forces": the one told already
                deps[-1].evidence.append((s.start, s.end))
                deps[-1].why.append(Step("merge:the-deployment-told-before", *verb.span()))
                asker, asked_at = request_of(text, lang, s, ents, roles)
                if asker is not None and deps[-1].requested_by is None and asker is not deps[-1].by:
                    # rule the-request-told-after: "pengiriman personel itu atas permintaan
                    # Mabes Polri": who asked for the deployment told before
                    deps[-1].requested_by = asker
                    deps[-1].why.append(Step("request:the-request-told-after", *asked_at[0]))
                continue
            # rule an-outlet-is-no-actor: "Dilansir dari DW, Moskwa memutuskan ...
            # mengirimkan 100 staf militer": the outlet reports, it sends no one
            mentions = [
                (m, d)
                for m, d in ents.mentions_in(s.start, s.end, longest=True)
                if d.entry is None or d.entry.kind != "news"
            ]
            request, request_spans = request_of(text, lang, s, ents, roles)

            def in_request(pos: int, spans: list[tuple[int, int]] = request_spans) -> bool:
                return any(a <= pos < b for a, b in spans)

            # every decision, as (rule, start, end), for kg extract --explain
            why: list[Step] = [Step("trigger", verb.start(), verb.end())]
            passed = lp.verbs.search(text, s.start, verb.start())
            if passed is not None and lp.stationed_troops.search(text, s.start, passed.end()):
                # "forces currently stationed in X would be redeployed to Y" (triggers)
                rule = "trigger:where-the-troops-are-stationed-is-no-destination"
                why.append(Step(rule, *passed.span()))
            c = Clause(lay, lang, lp, ents, s, index, verb, leaving, mentions, why)
            found_to = clause_destination(
                c,
                troop=troop,
                in_request=in_request,
                deps=deps,
                protests=protests,
                dateline=dateline,
                home=home,
            )
            if found_to is None:
                continue
            to, to_end, also = found_to.to, found_to.to_end, found_to.also
            mission, received = found_to.mission, found_to.received
            capital, topic = found_to.capital, found_to.topic
            sender = clause_sender(
                c,
                sentence=sentence,
                part=part,
                roles=roles,
                sent=sent,
                in_request=in_request,
                to=to,
                to_end=to_end,
                mission=mission,
                received=received,
                subject=subject,
                home=home,
                datelined=datelined,
            )
            by, led, co_senders = sender.by, sender.led, sender.co_senders
            whole, owned = sender.whole, sender.owned
            placed = resolve_destination(
                c,
                by=by,
                to=to,
                also=also,
                to_end=to_end,
                capital=capital,
                deps=deps,
                protests=protests,
                home=home,
                dateline=dateline,
                datelined=datelined,
            )
            if placed is None:
                continue
            to, also = placed
            by, to = resolve_sender(
                c,
                by=by,
                to=to,
                sent=sent,
                owned=owned,
                topic=topic,
                deps=deps,
                protests=protests,
                roles=roles,
                home=home,
                dateline=dateline,
            )
            subject = by or subject
            carried = None
            if by is None and to is not None and unplaced is not None and index - unplaced[1] <= 2:
                # "Chad has deployed 1,000 soldiers along its border ... The troops were sent to
                # the Ouaddai province on Saturday": whose troops, and how many, was said before
                by, _, carried = unplaced
                why.append(Step("sender:troops-of-the-sentence-before", s.start, s.end))
            if by is None and to is not None and not deps and sender.corps is not None:
                # rule a-corps-sent: "Sebanyak 500 personel Brimob diberangkatkan ke Papua",
                # the article's first troops, no other body named: the corps sends them
                by = sender.corps[1]
                why.append(Step("sender:a-corps-sent", *sender.corps[0].span))
            unplaced = None
            if untrooped and not (
                by is not None and (is_country(by) or (by.entry and by.entry.kind == "alliance"))
            ):
                continue  # "McDonald's completed its withdrawal from Russia": no troops
            if (
                to is None
                and leaving is None
                and by is not None
                and by is home
                and verb.re is lp.verbs
                and (protest := lp.protest_nouns.search(text, verb.end(), s.end)) is not None
                # "deployed the military to ... contain protests", not police facing them
                and lp.military.search(text, verb.end(), protest.start()) is not None
            ):
                # rule troops-against-the-country-s-own-protests: "Kenya deployed the
                # military to assist police in containing tax protests": inside the country
                to = by
                why.append(Step("destination:the-country-s-own-protests", verb.end(), s.end))
            if (
                by is not None
                and to is None
                and leaving is None
                # "an offer by Romania to deploy forces there": no troops went yet
                and not lp.planned.search(text, max(s.start, verb.start() - 40), verb.end())
            ):
                unplaced = (by, index, troop_count(text, lang, s, lp.troops_p))
            status, asker = clause_status(c, to=to, by=by)
            if request is None and asker is not None:
                request = asker
            # troops
            count = troop_count(text, lang, s, lp.troops_p) or carried
            owner = next((w for w in why if w.rule == "sender:owner-of-the-troops"), None)
            own = owned_count(text, lang, s, lp.troops_p, owner.start) if owner else None
            if (
                owner is not None
                and own is not None
                and count is not None
                and own[0].value != count.value
                # "600 personel, meliputi 450 personel Polres Madiun dan ...": the whole,
                # then its parts (rule each-counted-force's), not one force's count
                and lp.composed.search(text, s.start, owner.start) is None
            ):
                # rule the-owner-s-own-count: "menurunkan 1.200 personel Polrestabes dan
                # 300 personel Brimob Polda Jateng": the count of the troops it owns
                count = own[0]
                why.append(Step("troops:the-owner-s-own-count", own[1], owner.end))
            cut_from = count_cut_from(text, lang, s, lp.withdraw)
            if cut_from is not None:
                # rule a-cut-counts-the-troops-there: "memangkas jumlah pasukannya di Irak
                # dari 2.500 menjadi 2.000 personel": 2.500 are there
                count = cut_from
                why.append(Step("troops:the-strength-before-the-cut", s.start, s.end))
            dates, status, start = clause_start(c, published=published, status=status)
            by, to, start, withdrawal, ended = clause_end(
                c,
                by=by,
                to=to,
                start=start,
                dates=dates,
                pulled=pulled,
                published=published,
            )
            returned = lp.returning_to.fullmatch(verb.group()) is not None
            if returned and by is not None and to is None:
                to = by  # "returned to the country" and no place named: home
            if returned and by is not None and to is not None:
                # "returned to the country": a place not named after the verb is home
                anaphora = not any(
                    w.rule in ("destination:after-preposition", "destination:inner-place")
                    for w in why
                )
                back = back_home(c, by=by, to=to, deps=deps, anaphora=anaphora)
                if back is None:
                    continue  # "Kenyan soldiers returned to Nairobi": home, no deployment
                if back != (by, to):
                    # rule back-home: where they served, left on the day they came back
                    (by, to), start = back, None
                    withdrawal = withdrawal or (dates[0].value if dates else None)
                    why.append(Step("destination:back-home", s.start, s.end))
            left_for_home = (
                flight_home(c, by=by, to=to, deps=deps)
                if leaving is None and not returned and by is not None and to is not None
                else None
            )
            if left_for_home is not None:
                # rule a-flight-home: the place the troops flew home from is the one they
                # leave, on the day they flew
                to, start = left_for_home, None
                withdrawal = withdrawal or (dates[0].value if dates else None)
                why.append(Step("destination:a-flight-home", s.start, s.end))
            if (
                deps
                and deps[-1].para == s.para
                and index - deps[-1].sentence == 1
                and to is not None
                and to is not deps[-1].to
                and leaving is None
                and lp.arrivals.fullmatch(text[deps[-1].why[0].start : deps[-1].why[0].end])
                and points_back(text, lang, s)
            ):
                # rule where-the-troops-that-arrived-go-on-to: "... tiba di Bandara Sentani,
                # Jayapura. Pasukan Brimob ... tersebut secepatnya akan diberangkatkan ke
                # Wamena": the town they arrived in was a stop
                prev = deps[-1]
                pairs.pop((id(prev.by), id(prev.to)), None)
                prev.to = to
                pairs.setdefault((id(prev.by), id(to)), prev)
                prev.why += [Step("destination:where-the-troops-that-arrived-go-on-to", *s.span)]
                prev.evidence.append((s.start, s.end))
                prev.sentence = index
                continue
            if (
                deps
                and deps[-1].para == s.para
                and index - deps[-1].sentence <= 2
                # another sender, the sentence's subject, that denies or plans what the last
                # one did is another story
                and not (
                    by is not None
                    and by is not deps[-1].by
                    and not a_state_s_force(by, deps[-1].by)
                    and status is not deps[-1].status
                    and leads(mentions, by, ents)
                )
                # another sender, the subject, that sends its own number of troops is
                # another deployment: "Burundi deployed about 10,000 soldiers to eastern
                # DR Congo. Rwanda sent 500 troops to eastern DR Congo."
                and not (
                    by is not None
                    and deps[-1].by is not None
                    and by is not deps[-1].by
                    and not names_within(deps[-1].by, by)
                    and not names_within(by, deps[-1].by)
                    and count is not None
                    and deps[-1].troops is not None
                    and count.value != deps[-1].troops.value
                    and leads(mentions, by, ents)
                )
                # rule an-earlier-deployment: "Sebelumnya, TNI telah mengirim 300 prajurit
                # ke X pada Maret lalu" after 1.200 TNI-Polri sent there: another one
                and not (
                    count is not None
                    and deps[-1].troops is not None
                    and count.value != deps[-1].troops.value
                    and earlier.match(text, s.start, s.end) is not None
                )
                and (to is None or to is deps[-1].to or by is None)
                # a later clause of one sentence that names its own destination or its own
                # sender is a frame of its own
                and not (part > 0 and to is not None and to is not deps[-1].to)
                and not (part > 0 and by is not None and by is not deps[-1].by)
                # rule another-count-another-status, for waves told one after the other
                and not (
                    status is not deps[-1].status
                    and DeploymentStatus.DENIED not in (status, deps[-1].status)
                    and reinforcement(text, lang, s, lp.troops_p)
                )
            ):
                prev = deps[-1]
                if (
                    to is not None
                    and to is not prev.to
                    and by is None
                    and any(w.rule == "destination:the-force-s-own-area" for w in prev.why)
                ):
                    # rule where-the-troops-readied-go: "Polda Maluku telah menyiapkan ...
                    # mereka akan diberangkatkan ke Papua": not the force's own area
                    pairs.pop((id(prev.by), id(prev.to)), None)
                    prev.to, prev.status = to, status
                    pairs.setdefault((id(prev.by), id(to)), prev)
                    why.append(Step("destination:where-the-troops-readied-go", *s.span))
                prev.why += [Step("merge:same-deployment-told-on", *s.span), *why[1:]]
                pledge = lang.pattern("pledge_verbs").search(text, s.start, s.end)
                if a_pledge_only(prev, status, count, pledge is not None):
                    prev.why.append(Step("troops:a-pledge-counts-no-arrival", *s.span))
                else:
                    prev.troops = better_count(prev.troops, count)
                # the rows of the same sentence and rules (its destinations listed: "ke
                # Kabupaten Nduga dan Kabupaten Puncak") take its day too
                for row in [prev, *(d for d in deps if d is not prev and d.why is prev.why)]:
                    row.start = row.start or start
                    row.withdrawal = row.withdrawal or withdrawal
                    row.end = row.end or ended
                prev.requested_by = prev.requested_by or request
                if not lp.deploy_nouns.fullmatch(verb.group()):
                    # "Pengiriman pasukan ...": a noun tells no tense, the plan stands
                    gone_since(prev, status, start, published, s)
                prev.evidence.append((s.start, s.end))
                prev.sentence = index
                continue
            if (
                deps
                and deps[-1].para == s.para
                and index - deps[-1].sentence == 1
                and leaving is None
                and deps[-1].status is DeploymentStatus.HAPPENED
                and lp.arrivals.fullmatch(verb.group())
                and troops_told_back(text, lang, lp.troops_p, s.start, verb.start(), words=2)
            ):
                # rule the-arrival-of-the-troops-told: "... di-BKO-kan ke Polda Papua untuk
                # membantu pengamanan di Kabupaten Nduga. ... pasukan tambahan itu tiba di
                # Timika pada Rabu": the troops just sent, arriving on their way; the
                # day they arrived is their start
                prev = deps[-1]
                prev.start = prev.start or start
                prev.why.append(Step("start:the-arrival-of-the-troops-told", *s.span))
                prev.evidence.append((s.start, s.end))
                prev.sentence = index
                continue
            to = place_of_unplaced_troops(
                c,
                by=by,
                to=to,
                count=count,
                deps=deps,
            )
            if (
                by is None
                or to is None
                # rule a-continent-sends-no-one: "pasukan Afrika di Port-au-Prince", "European
                # troops": a region no state's, no sender
                or (by.type is LOC and stateless_region(by))
                # rule leaving-home-is-setting-off: "A C-130 left New Zealand on Saturday
                # morning, transporting army personnel" (the New Zealand Defence Force's):
                # troops that leave their own country withdraw from nowhere
                or (leaving is not None and a_state_s_force(by, to))
                or (
                    by is to
                    and not nationwide_in(lp.nationwide, text, ents, s.start, s.end)
                    and not any(
                        w.rule
                        in (
                            "destination:the-sender-s-own-border",
                            "destination:the-country-s-own-protests",
                            "destination:across-the-country",
                            "sender:the-government-of-the-story",
                            "sender:the-story-country-s-own-troops",
                        )
                        for w in why
                    )
                )
            ):
                continue
            add_row(
                c,
                by=by,
                to=to,
                also=also,
                status=status,
                count=count,
                start=start,
                withdrawal=withdrawal,
                ended=ended,
                request=request,
                led=led,
                whole=whole,
                mission=mission,
                co_senders=co_senders,
                deps=deps,
                pairs=pairs,
            )
    left_rows_merged(ents, deps)
    mission_rows(lay, lang, ents, deps, pairs)
    contingent_rows(lay, lang, ents, deps, pairs)
    gapped_rows(lay, lang, ents, deps, pairs)
    members_counted_after_their_bloc(lang, deps)
    subjects_split_the_count(lay, lang, ents, deps, pairs)
    the_operation_s_region(lay, lang, ents, deps, pairs)
    a_town_of_the_country(lay, lang, ents, deps, pairs)
    requests_told(lay, lang, ents, deps)
    withdrawals(lay, lang, ents, published, deps)
    returns_home(lay, lang, ents, deps)
    counts_told_on(lay, lang, ents, deps)
    counts_per_sender(lay, lang, ents, deps)
    counts_per_place(lay, lang, deps)
    starts_told_on(lay, lang, ents, published, deps)
    duty_places_told_on(lay, lang, ents, published, deps)
    ends_of_a_range(lay, published, deps)
    the_period_told_apart(lay, lang, published, deps)
    guarded_protest_days(lay, lang, deps, protests or [])
    parts_follow_their_force(deps)
    # a sender is a body or a place (the facts schema's and the shapes'), never a person:
    # a row that found no other is no fact
    deps = [d for d in deps if PER not in (d.by.type, d.part_of.type if d.part_of else None)]
    # rule a-civil-agency-sends-no-troops: "30 personel Basarnas dan 10 personel BNPB
    # diberangkatkan ke Nepal": rescuers, no armed force or police (the codebook's)
    deps = [d for d in deps if d.by.entry is None or d.by.entry.kind != "civil"]
    for d in deps:
        if (
            d.part_of is not None
            and d.part_of.entry is not None
            and d.part_of.entry.kind == "civil"
        ):
            d.part_of = None  # a force's troops in a rescue team are the force's own
    for d in deps:
        ents.adopt_later(d.by)  # a force named by a common noun is an entity once it sends
    out = [to_deployment(lay, i, d) for i, d in enumerate(deps, 1)]
    if trace is not None:
        for fact, dep in zip(out, deps, strict=True):
            trace.add(f"deployments/{fact.id}", dep.why)
    return out


def _senders_of_their_own(text: str, lp: Cues, ents: Entities, s: Sentence) -> bool:
    """The sentence names who sends troops, right before its verb ("Kenya sent about 900
    troops to Goma, while Uganda deployed 1,000 soldiers to Bunagana"): its places are
    their senders' destinations, no share of a force told before."""
    for verb in lp.verbs.finditer(text, s.start, s.end):
        found = ents.mentions_in(max(s.start, verb.start() - 30), verb.start(), longest=True)
        if found and found[-1][1].type is not PER:
            m = found[-1][0]
            if re.fullmatch(r"\s+(?:[a-z]+\s+){0,2}", text[m.end : verb.start()]):
                return True
    return False

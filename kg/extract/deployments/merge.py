"""Telling a clause's deployment: a new row, or more of a row already told (the same
sender and place, a region or a town of the place told, troops said to be there), with the
rows its counts and lists give the other forces and places."""

from __future__ import annotations

from kg.extract.contingents import find_place_shares
from kg.extract.deployments.clause import Clause
from kg.extract.deployments.counts import reinforcement
from kg.extract.deployments.rows import DepDraft, a_pledge_only, better_count, move_to
from kg.extract.deployments.senders import counted_forces
from kg.extract.entities import Draft
from kg.extract.story import in_country, region_of
from kg.extract.trace import Step
from kg.facts.model import DateValue, DeploymentStatus, Quantity


def add_the_whole(
    c: Clause,
    dep: DepDraft,
    whole: Draft | None,
    mission: Draft | None,
    deps: list[DepDraft],
    pairs: dict[tuple[int, int], DepDraft],
) -> None:
    """Rule contingent-of-a-force: the force ``whole`` is deployed where ``dep`` goes, the
    country's contingent ``dep`` is its part; a standing mission began before the
    contingent it gets."""
    if whole is None or whole is dep.by or (id(whole), id(dep.to)) in pairs:
        return
    s, why = c.s, c.why
    began = None if whole is mission else dep.start
    collective = DepDraft(whole, dep.to, dep.status, None, began, c.index, s.para, [s.span])
    collective.why = [*why, Step("sender:the-force-of-a-contingent", *s.span)]
    collective.requested_by = dep.requested_by
    deps.append(collective)
    pairs[(id(whole), id(dep.to))] = collective
    dep.part_of = whole


def add_row(
    c: Clause,
    *,
    by: Draft,
    to: Draft,
    also: list[Draft],
    status: DeploymentStatus,
    count: Quantity | None,
    start: DateValue | None,
    withdrawal: DateValue | None,
    ended: DateValue | None,
    request: Draft | None,
    led: Draft | None,
    whole: Draft | None,
    mission: Draft | None,
    co_senders: list[Draft],
    deps: list[DepDraft],
    pairs: dict[tuple[int, int], DepDraft],
) -> None:
    """Add the deployment of the clause of ``verb`` (sentence ``index``) to ``deps``, or
    merge it into the row already told of it; ``pairs`` finds the first row of each sender
    and destination. A contingent adds its force's row, counted forces and places their
    own rows, forces named together and places listed together rows of their own."""
    lay, lang, lp, ents, s, index, verb, leaving, _, why = c.unpack()
    text = lay.clean
    inside = region_of(to, ents)
    narrower = next(
        (d for d in deps if d.by is by and (d.to is inside or region_of(d.to, ents) is to)),
        None,
    )
    if narrower is not None:
        # rule a-region-of-the-country-deployed-to: "sent troops to Russia ... moved
        # them to eastern Russia" is one deployment, to the region
        if narrower.to is inside:
            move_to(narrower, to, pairs)
        narrower.evidence.append((s.start, s.end))
        narrower.troops = narrower.troops or count
        narrower.start = narrower.start or start
        narrower.why.append(Step("merge:a-region-of-the-country-deployed-to", *s.span))
        return
    wider = next((d for d in deps if d.by is by and in_country(to, d.to)), None)
    if wider is not None:
        # rule a-town-of-the-country-deployed-to: the same sender's troops in a town
        # of the country it deploys to ("deployed across Chile ... patrolled the
        # capital") are that deployment
        wider.evidence.append((s.start, s.end))
        wider.why.append(Step("merge:a-town-of-the-country-deployed-to", *s.span))
        if (
            wider.status is DeploymentStatus.PLANNED
            and status is DeploymentStatus.HAPPENED
            and start
        ):
            # rule planned-then-gone: "said on Thursday it would send peacekeepers to
            # Kazakhstan. The bloc's troops arrived in Almaty on Friday" (a day the clause
            # did not find after the publication)
            wider.status, wider.start = status, start
            wider.why.append(Step("status:planned-then-gone", *s.span))
        wider.start = wider.start or start
        if wider.troops is None and count is not None:
            # rule the-town-the-counted-troops-go-to: "siap mengirim pasukan ke Palestina
            # ... mengirim 8.000 pasukan ke Gaza": the count tells where they go, the town
            move_to(wider, to, pairs)
            wider.troops = count
            wider.why.append(Step("destination:the-town-the-counted-troops-go-to", *s.span))
        return
    inner = next((d for d in deps if d.by is by and d.to is not to and in_country(d.to, to)), None)
    if (
        inner is not None
        and (count is None or inner.troops == count)
        and DeploymentStatus.DENIED not in (inner.status, status)
    ):
        # rule the-country-of-the-town-deployed-to: "France sent 500 troops to
        # Constanta ... had offered in January to send troops to Romania": the country
        # of the town its troops went to is that deployment, told again
        inner.evidence.append((s.start, s.end))
        inner.start = inner.start or start
        inner.why.append(Step("merge:the-country-of-the-town-deployed-to", *s.span))
        return
    told = next((d for d in deps if d.to is to), None)
    if verb.re is lp.troops_p and told is not None:
        # troops only said to be there ("Pasukan Indonesia di X") are those of the
        # deployment to X already told, whoever it named as their sender
        told.evidence.append((s.start, s.end))
        told.why.append(Step("merge:troops-there-are-the-deployment-s", *s.span))
        said = start.text if start is not None and start.text else None
        at = text.find(said, s.start, s.end) if said is not None else -1
        if (
            told.start is None
            and start is not None
            and said is not None
            and told.status is DeploymentStatus.HAPPENED
            and at >= 0
            and lp.since_before.search(text, max(s.start, at - 15), at)
        ):
            # rule troops-there-since-a-day: "Swedish troops have been present in Latvia
            # as of Saturday": the troops of the row told are there from that day
            told.start = start
            told.why.append(Step("start:troops-there-since-a-day", at, at + len(said)))
        return
    dep = DepDraft(by, to, status, count, start, index, s.para, [(s.start, s.end)], request)
    dep.withdrawal, dep.left, dep.why = withdrawal, leaving is not None, why
    dep.end, dep.leader = ended, led
    same = pairs.get((id(by), id(to)))
    if (
        same is not None
        and same.status is not status
        and DeploymentStatus.DENIED not in (same.status, status)
        and (
            (count is not None and same.troops is not None and count.value != same.troops.value)
            # a quote that tells of more troops again restates them ("akan menambah
            # tiga batalyon ... 'Kami memutuskan untuk menambah ... tiga batalyon'")
            or (
                reinforcement(text, lang, s, lp.troops_p)
                and not (count is None and text[s.start : s.start + 1] in '"“”')
            )
        )
    ):
        # rule another-count-another-status: "20 soldiers arrived ... it would deploy
        # roughly 4,800 troops": the advance party and the planned brigade; "decided
        # to send 50 more companies ... had rushed 20 additional companies": two waves
        same = None
        why.append(Step("split:another-count-and-status", *s.span))
    if same is not None:
        same.why += [Step("merge:same-sender-and-destination", *s.span), *why]
        same.left = same.left and dep.left  # sent there: more than known from leaving
        if a_pledge_only(
            same,
            status,
            count,
            lang.pattern("pledge_verbs").search(text, s.start, s.end) is not None,
        ):
            same.why.append(Step("troops:a-pledge-counts-no-arrival", *s.span))
        elif same.shared is None or count is None or count.value != same.shared.value:
            same.troops = better_count(same.troops, count)  # not the shared one
        same.start = same.start or start
        same.withdrawal = same.withdrawal or withdrawal
        same.end = same.end or ended
        same.requested_by = same.requested_by or request
        if status is DeploymentStatus.DENIED:
            same.status = status
        same.evidence.append((s.start, s.end))
        if same.part_of is None:
            # rule a-row-told-again-as-a-part: "Jerman masih memiliki 1.100 tentara di
            # Afghanistan ... Jerman mengerahkan 1.100 tentara sebagai bagian dari misi
            # NATO": the row told first is the force's part too
            add_the_whole(c, same, whole, mission, deps, pairs)
            if same.part_of is not None:
                same.why.append(Step("merge:a-row-told-again-as-a-part", *s.span))
        return
    add_the_whole(c, dep, whole, mission, deps, pairs)
    deps.append(dep)
    pairs.setdefault((id(by), id(to)), dep)
    counted = (
        counted_forces(text, lang, ents, s, lp.troops_p, verb.start()) if not co_senders else []
    )
    if len(counted) > 1 and any(force is by for _, force in counted):
        # rule each-counted-force: "Sebanyak 9.700 personel Polri dan 3.600
        # personel TNI disiagakan di Bali": each force sends its own count
        for count_of, force in counted:
            if force is by:
                dep.troops = count_of
                continue
            if force is to or (id(force), id(to)) in pairs:
                continue
            row = DepDraft(force, to, status, count_of, start, index, s.para, [s.span])
            row.withdrawal, row.left, row.end = dep.withdrawal, dep.left, dep.end
            row.why = [*why, Step("sender:each-counted-force", *s.span)]
            deps.append(row)
            pairs[(id(force), id(to))] = row
    for force in co_senders:  # "dari TNI dan Polri": one count for all is no one's
        if force is to or (id(force), id(to)) in pairs:
            continue
        dep.shared, dep.troops = dep.shared or dep.troops, None
        row = DepDraft(force, to, status, None, start, index, s.para, [(s.start, s.end)])
        row.shared = dep.shared
        row.withdrawal, row.left, row.end = dep.withdrawal, dep.left, dep.end
        row.why = [*why, Step("sender:troops-from-forces", s.start, s.end)]
        deps.append(row)
        pairs[(id(force), id(to))] = row
    own_shares = (
        [sh for sh in find_place_shares(lay, lang, ents, s) if sh[2] >= verb.start()]
        if leaving is None and not also
        else []
    )
    if any(sh[0] is to for sh in own_shares):
        # rule a-place-s-share, in the sentence that sends them: "Italia menempatkan
        # 400 tentara di Niger dan 300 tentara di Libya"
        for place, share, share_start, share_end in own_shares:
            if place is to:
                dep.troops = share
            elif (id(by), id(place)) not in pairs and place is not by:
                row = DepDraft(by, place, status, share, start, index, s.para, [s.span], request)
                row.why = [
                    *why,
                    Step("destination:a-place-s-share", share_start, share_end),
                ]
                deps.append(row)
                pairs[(id(by), id(place))] = row
    for place in also:  # "to Poland and Germany": one count for all is no one's count
        if place is by or (id(by), id(place)) in pairs:
            continue
        dep.troops = None
        more = DepDraft(by, place, status, None, start, index, s.para, [(s.start, s.end)], request)
        more.why = why
        deps.append(more)
        pairs[(id(by), id(place))] = more

"""Deployments, sentence by sentence (clause by clause), with their status, counts and dates.

Deployment: a deployment verb and a troop noun in a sentence; the sender is the troops'
nationality ("pasukan India", "Indian soldiers") or the nearest organization or place
before the verb; the destination is the first place after a destination preposition.
A capital the destination rules reach for stands for its country; one named after the verb
is where the troops went. Hedges make it planned ("akan", "will",
"pledged"), denials make it denied ("membantah", "rejected"). Sentences of one paragraph
that continue a deployment add to it.
"""

from __future__ import annotations

import datetime as dt
import re

from kg.extract.contingents import (
    contingent_cues,
    find_named_contingents,
    find_parts,
    find_place_shares,
    is_collective,
)
from kg.extract.deployments.counts import (
    count_cut_from,
    counts_per_place,
    counts_per_sender,
    counts_told_on,
    reinforcement,
    subjects_split_the_count,
    troop_count,
)
from kg.extract.deployments.cues import cues
from kg.extract.deployments.guards import (
    guarded_protest,
    guarded_protest_days,
    protest_just_told,
    town_of_the_protest_told,
)
from kg.extract.deployments.passes import (
    duty_places_told_on,
    returns_home,
    starts_told_on,
    the_operation_s_region,
    withdrawals,
)
from kg.extract.deployments.places import (
    clause_destination,
    place_of_the_sentence,
    place_of_the_story,
    place_struck,
    topic_country,
)
from kg.extract.deployments.requests import request_of, requests_told
from kg.extract.deployments.rows import (
    DepDraft,
    a_state_s_force,
    better_count,
    is_country,
    leads,
    names_within,
    to_deployment,
    within,
)
from kg.extract.deployments.senders import (
    body_of_its_council,
    clause_sender,
    composed_force,
    counted_forces,
    country_helped,
    force_sent,
    force_serving,
    force_that_runs_it,
    owner_pointed_back_to,
    speaker_force,
    state_s_forces_named,
    subject_before,
)
from kg.extract.deployments.status import (
    clause_start,
    clause_status,
    completed,
    gone_since,
    told_before,
)
from kg.extract.deployments.triggers import clause_trigger, points_back, split_clauses
from kg.extract.entities import LOC, ORG, PER, Draft, Entities
from kg.extract.frames import (
    alliance_for_leader,
    area_of_body,
    force_of_unit,
    is_site,
    is_town,
    stateless_region,
    town_of_a_provincial_office,
)
from kg.extract.lang import LangResources
from kg.extract.missions import find_missions
from kg.extract.story import (
    capital_of_country,
    country_of,
    country_of_town,
    in_country,
    main_country,
    nationwide_in,
    region_of,
)
from kg.extract.text import Kind, Layout
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
            if unplaced is not None and 0 < index - unplaced[1] <= 2
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
            if deps and leaving is None and told_before(text, lang, verb):
                # rule the-deployment-told-before: "The deployment followed Monday's
                # meeting between Ugandan and Congolese forces": the one told already
                deps[-1].evidence.append((s.start, s.end))
                deps[-1].why.append(Step("merge:the-deployment-told-before", *verb.span()))
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
            found_to = clause_destination(
                lay,
                lang,
                lp,
                ents,
                s,
                verb,
                index=index,
                leaving=leaving,
                troop=troop,
                mentions=mentions,
                in_request=in_request,
                deps=deps,
                protests=protests,
                dateline=dateline,
                home=home,
                why=why,
            )
            if found_to is None:
                continue
            to, to_end, also = found_to.to, found_to.to_end, found_to.also
            mission, received = found_to.mission, found_to.received
            capital, topic = found_to.capital, found_to.topic
            sender = clause_sender(
                text,
                lang,
                lp,
                ents,
                s,
                verb,
                sentence=sentence,
                part=part,
                roles=roles,
                leaving=leaving,
                sent=sent,
                mentions=mentions,
                in_request=in_request,
                to=to,
                to_end=to_end,
                mission=mission,
                received=received,
                subject=subject,
                home=home,
                datelined=datelined,
                why=why,
            )
            by, led, co_senders = sender.by, sender.led, sender.co_senders
            whole, owned = sender.whole, sender.owned
            by_country = by is not None and by.entry is not None and by.entry.kind == "country"
            chosen_by = [w.rule for w in why if w.rule.startswith("destination:")]
            if (
                to is not None
                and by_country
                and to.entry is not None
                and to.entry.capital_of
                # named as the place the troops went: "ke Ouagadougou", "to South Sudan's
                # capital Juba"
                and chosen_by[-1:]
                not in (["destination:after-preposition"], ["destination:inner-place"])
            ):
                # a capital the rules reached for (the-capital, a town named after the
                # country) stands for the country; troops sent "ke Ouagadougou" went there,
                # the most specific place the text names
                country = country_of(to, ents)
                if country is not by:
                    to = country
            if to is None and capital is not None and by is not None and is_country(by):
                # rule the-sender-s-capital: "DHAKA - Bangladeshi authorities deployed troops
                # in the streets of the capital": the capital of the state that sends them,
                # when the article names it
                seat = capital_of_country(by, ents)
                if seat is not by:
                    to = seat
                    why.append(Step("destination:the-sender-s-capital", *capital.span()))
            if to is None and by is not None and lp.anaphora.search(text, verb.end(), s.end):
                # "to the region": where the last deployment went, else the story's last country
                last = deps[-1].to if deps and deps[-1].to is not by else None
                # a country the sentence names before the verb comes first ("Chad ended its
                # pact with France, which has 1,000 troops in the country")
                here = next(
                    (
                        d
                        for m, d in reversed(mentions)
                        if m.end <= verb.start()
                        and d is not by
                        and d.entry is not None
                        and d.entry.kind == "country"
                        # not the owner of a body ("Russia's Defence Ministry said") nor
                        # the leader of the sender ("the Russia-led alliance")
                        and not re.match(r"['’]s?\s", text[m.end : m.end + 3])
                        and alliance_for_leader(text, lang, d, ents, s.start, s.end) is d
                    ),
                    None,
                )
                to = here or last or topic_country(lay, ents, index, by)
                why.append(Step("destination:anaphora", verb.end(), s.end))
            back = lp.sent_back.search(text, verb.end(), s.end) if leaving is None else None
            if back is not None and (
                to is None or any(m.start == back.end() - 1 for m, d in mentions if d is to)
            ):
                # rule sent-back-home: "sending the 3rd Brigade back to Ohio": troops going
                # home, no deployment
                continue
            if (
                to is None
                and by is not None
                and deps
                and deps[-1].to is not by
                # the deployment told just before, or one the sentence says it joins
                and (
                    deps[-1].para == s.para
                    or index - deps[-1].sentence <= 2
                    or lp.joining.search(text, s.start, s.end) is not None
                )
            ):
                to = deps[-1].to
                why.append(Step("destination:the-last-deployment-s", s.start, s.end))
            onward = lp.onward_p.search(text, to_end, s.end) if to_end is not None else None
            if onward is not None and leaving is None:
                went_on = next(
                    (
                        (m, d)
                        for m, d in mentions
                        if m.start > onward.end()
                        and d.type is LOC
                        and d is not to
                        # "sebelum dikerahkan dalam perang di Ukraina": no place they went
                        and not lp.not_dest.search(
                            text[max(onward.end(), m.start - 30) : m.start].lower()
                        )
                        and (
                            lp.toward_before.search(text, max(onward.end(), m.start - 12), m.start)
                            # "lalu tiba di kota Poso": a verb of arriving, then where
                            or (
                                lp.verbs.search(text, onward.end(), m.start) is not None
                                and lp.dest_before.search(
                                    text, max(onward.end(), m.start - 12), m.start
                                )
                            )
                        )
                    ),
                    None,
                )
                if went_on is not None:
                    # rule where-they-went-on-to: "tiba di Bandara Sentani, Jayapura, lalu
                    # diterbangkan ke Kabupaten Yahukimo": the first place was a stop
                    to = went_on[1]
                    why.append(Step("destination:where-they-went-on-to", *went_on[0].span))
            if to is not None and to_end is not None and leaving is None:
                attached = next(
                    (
                        (m, area)
                        for m, d in mentions
                        if verb.end() <= m.start < to_end
                        and d.type is ORG
                        and lp.attached_to.fullmatch(text, verb.end(), m.start)
                        and (area := area_of_body(lang, ents, d)) is not None
                    ),
                    None,
                )
                if attached is not None:
                    # rule the-area-of-the-force-they-are-attached-to: "diberangkatkan BKO
                    # Polda Papua untuk ikut mengamankan ... di Provinsi Papua dan Papua
                    # Barat": where the force they are put under serves, not the places of
                    # their task
                    to, also = attached[1], []
                    ents.adopt_later(to)
                    why.append(
                        Step("destination:the-area-of-the-force-they-join", *attached[0].span)
                    )
            if to is None and leaving is None:
                guarded = guarded_protest(text, lang, verb, s, ents, protests or [])
                if guarded is not None:
                    to = guarded
                    why.append(Step("destination:the-protest-they-guard", verb.end(), s.end))
            if (
                to is None
                and leaving is None
                and troop_count(text, lang, s, lp.troops_p) is not None
            ):
                protest_place = protest_just_told(lay, lang, ents, index, protests or [])
                if protest_place is not None:
                    # rule the-protest-just-told: "Bentrokan pecah ... Dari Polda Sumut,
                    # diturunkan 200 personel": troops counted as sent, to no place named,
                    # right after a protest is told of go where it is
                    to = protest_place
                    why.append(Step("destination:the-protest-just-told", s.start, s.end))
            if to is None and leaving is None and by is not None:
                edge = lp.borders.search(text, verb.end(), s.end)
                own = by if is_country(by) else home
                if (
                    edge is not None
                    and own is not None
                    and len(text[verb.end() : edge.start()].split()) <= 6
                ):
                    # rule the-sender-s-own-border: "Mexico deployed 10,000 soldiers to its
                    # northern border": into Mexico (the border is a place in it)
                    to = own
                    why.append(Step("destination:the-sender-s-own-border", *edge.span()))
                    across = next(
                        (d.to for d in reversed(deps) if d.by is by and d.to is not own), None
                    )
                    if across is not None and is_country(across):
                        # rule the-border-told-before: "tentara Rusia yang disiagakan di
                        # perbatasan Ukraina", then "jumlah tentara Rusia di perbatasan": the
                        # border of the country they were sent toward
                        to = across
                        why.append(Step("destination:the-border-told-before", *edge.span()))
            if to is None and leaving is None:
                joined = next(
                    (
                        (m, area)
                        for m, d in mentions
                        if m.start > verb.end()
                        and d is not by
                        and (
                            lp.toward_before.search(text, max(s.start, m.start - 12), m.start)
                            # "untuk memback up Polres Kepulauan Talaud", "membantu
                            # pengamanan di wilayah Polres X": the force they back up
                            or lp.backing.search(text, max(s.start, m.start - 50), m.start)
                        )
                        and (area := area_of_body(lang, ents, d)) is not None
                    ),
                    None,
                )
                if joined is not None:
                    # rule the-area-of-the-force-they-join: "diberangkatkan ke Polda Papua
                    # Barat", "BKO ke Polda Metro Jaya": into the area that force serves
                    to = joined[1]
                    ents.adopt_later(to)
                    why.append(Step("destination:the-area-of-the-force-they-join", *joined[0].span))
            if to is None and leaving is None:
                helped = country_helped(text, ents, lp.backing, verb.end(), s.end, by)
                if helped is not None:
                    # rule the-country-whose-forces-they-help: "deployed 1,000 troops to help
                    # Mozambique's army", "dikerahkan untuk menopang pasukan militer Mozambik":
                    # into that country
                    to = helped[0]
                    why.append(Step("destination:the-country-whose-forces-they-help", *helped[1]))
            # troops back at their base ("kembali ke satuan") are not sent to its area, nor
            # are troops it sends off ("diberangkatkan", "melepas keberangkatan")
            if (
                to is None
                and leaving is None
                and by is not None
                and not lp.returning.match(text, verb.start())
                and not lp.send_off.fullmatch(verb.group())
            ):
                area = area_of_body(lang, ents, by)
                if area is not None:
                    # rule the-force-s-own-area: "Polres Bantul menerjunkan 550 personel
                    # untuk Operasi Ketupat": into the area the force serves
                    to = area
                    ents.adopt_later(area)
                    why.append(Step("destination:the-force-s-own-area", *area.mentions[0].span))
            if (
                to is None
                and leaving is None
                and dateline is not None
                # no place but the dateline's, and the sender's ("KARACHI - Pakistan
                # deployed 500 troops")
                and not any(
                    d.type is LOC and m.span not in datelined and not (d is by and is_country(d))
                    for m, d in mentions
                )
                and not deps  # the article's first deployment, not one told on
                # a country's troops against its protests are sent into it (see
                # troops-against-the-country-s-own-protests)
                and not (by is home and lp.protest_nouns.search(text, verb.end(), s.end))
                and (
                    troop_count(text, lang, s, lp.troops_p) is not None
                    or lp.force_nouns.search(text, verb.end(), s.end) is not None  # "the army"
                )
                and (home is None or in_country(dateline, home) or dateline is home)
            ):
                # rule the-dateline-town: "TEMPO.CO, Jakarta - ... polisi akan menerjunkan
                # 4.200 personel untuk menjaga perhelatan May Day": a domestic deployment
                # that names no place is in the town the story was written in
                to = dateline
                why.append(Step("destination:the-dateline-town", s.start, s.end))
            if (
                by is None
                and to is not None
                and nationwide_in(lp.nationwide, text, ents, s.start, s.end)
                and (state_of := to if is_country(to) else country_of_town(to, ents)) is not None
            ):
                # the country's own deployment across it ("a town is no sender")
                by = state_of
                ents.adopt_later(by)
                why.append(Step("sender:a-nationwide-deployment-is-the-country-s", *s.span))
            if (
                by is None
                and topic is not None
                and troop_count(text, lang, s, lp.troops_p) is not None  # a share counted
            ):
                before_by = (
                    deps[-1].by
                    if deps and index - deps[-1].sentence <= 4 and deps[-1].to is not to
                    else subject_before(lay, ents, index)
                )
                home_area = (
                    area_of_body(lang, ents, before_by)
                    if before_by is not None and before_by.type is ORG
                    else None
                )
                if home_area is not None and to is not None and not within(to, home_area):
                    # "Polda Aceh ... 10.085 personel di Aceh. Sementara untuk pengamanan di
                    # Sumatera Utara, ada 4.970 personel": a regional force serves its own
                    # area; the place told is another force's
                    before_by = force_serving(lang, ents, to)
                if before_by is not None:
                    # rule each-place-s-share: "Polri menyiapkan pengamanan ... Untuk wilayah
                    # Jawa Barat, ada 1.100 personel ... Sedangkan Jawa Tengah, terdapat
                    # 2.300": the force told of before, in each place
                    by = before_by
                    why.append(Step("sender:the-force-told-of-before", *s.span))
            if by is None and to is not None:
                whose = owner_pointed_back_to(lay, lang, ents, index, s, verb, lp.troops_p)
                if whose is not None:
                    # rule the-troops-pointed-back-to: "... will consist of 20 German
                    # soldiers. They will arrive in Vilnius on Monday": Germany's
                    by = whose
                    why.append(Step("sender:the-troops-pointed-back-to", s.start, verb.start()))
            fronted = lp.fronted_source.match(text, s.start, verb.start())
            at_front = ents.starting_at(fronted.end(), verb.start()) if fronted else None
            if (
                by is None
                and at_front is not None
                and at_front[1].type is ORG
                and re.match(r"\s*,", text[at_front[0].end : verb.start()])
            ):
                # rule the-force-they-come-from: "Dari Polda Sulbar, diturunkan 150 personel
                # Brimob": the force named first, as where the troops come from, sends them
                by = at_front[1]
                why.append(Step("sender:the-force-they-come-from", *at_front[0].span))
            if by is None and (
                to is not None
                # the article's first troops counted, with no place: the story's place
                # below (the-place-the-story-is-about)
                or (
                    not deps
                    and (counted_here := troop_count(text, lang, s, lp.troops_p)) is not None
                    and counted_here.value is not None
                )
            ):
                force = speaker_force(lay, lang, ents, roles, index)
                if force is not None:
                    by = force  # "900 personel gabungan diterjunkan ...", kata Kapolda X
                    why.append(Step("sender:the-force-of-who-speaks-of-it", *s.span))
            if by is None and to is not None:
                parts = composed_force(lay, lang, ents, index, verb.end())
                if parts is not None:
                    by = parts  # "900 personel gabungan ... terdiri dari Polda Sumsel, ..."
                    why.append(Step("sender:the-forces-it-is-made-of", *s.span))
            # the country a place inside it is sent to lies in, else the story's: "The
            # Tatmadaw moved troops into northern Rakhine State" in a story about refugees in
            # Bangladesh is Myanmar's military
            state = country_of_town(to, ents) or home
            bare = (
                next(
                    (
                        b
                        for b in lp.military.finditer(text, s.start, s.end)
                        # "almost 40 military vehicles": a kind of vehicle, not the force
                        if not lp.modified_noun.match(text, b.end())
                    ),
                    None,
                )
                if by is None
                else None
            )
            if state is None and to is not None and bare is not None:
                # "The army has been deployed ... in Dhaka": Bangladesh's, though the
                # article never names it, when the army is what the verb sends
                between = text[min(bare.end(), verb.end()) : max(bare.start(), verb.start())]
                if len(between.split()) <= 3 and not re.search(r"[,;]", between):
                    state = ents.country_of_town(to)
            if (
                bare is not None
                and to is not None
                and deps
                and index - deps[-1].sentence <= 2
                and lp.owned_by_it.search(text[max(s.start, bare.start() - 12) : bare.start()])
            ):
                # rule its-forces-are-the-last-sender-s: "The Israeli military said ... It
                # said its air force supported ground troops ... in southern Lebanon": the
                # forces of the actor just told of, not of the country the story is in
                by = deps[-1].by
                why.append(Step("sender:its-forces-are-the-last-sender-s", *bare.span()))
            named_state: Draft | None = None
            if bare is not None and by is None:
                named_state = next(
                    (
                        d
                        for m, d in ents.mentions_in(max(s.start, bare.start() - 40), bare.start())
                        if is_country(d)
                        and re.fullmatch(r"(?:['’]s?)?\s+", text[m.end : bare.start()])
                    ),
                    None,
                )
                demonym = next(
                    (
                        (ds, de, entry)
                        for ds, de, entry in ents.demonyms_in(
                            max(s.start, bare.start() - 30), bare.start()
                        )
                        if re.fullmatch(r"\s+", text[de : bare.start()])
                    ),
                    None,
                )
                if named_state is None and demonym is not None and demonym[2].kind == "country":
                    # "aboard two Egyptian Military C-130 aircraft": Egypt's military
                    named_state = ents.country(demonym[2], demonym[0], demonym[1])
            if bare is not None and named_state is not None and named_state is not to:
                # rule the-named-country-s-military: "The US military had been deployed in
                # Niger": the country written before it, not the one it is in
                by = named_state
                why.append(Step("sender:the-named-country-s-military", *bare.span()))
            if (
                by is None
                and to is not None
                and state is not None
                and to is not state
                and bare is not None
                and not ents.mentions_in(bare.end(), bare.end() + 2)
            ):
                # rule the-story-country-s-military: "Tank-tank militer dikerahkan di
                # Yangon" in a story about Myanmar, "sent the army onto the streets of
                # Dhaka" (Dhaka's country), with no other sender named
                by = state
                ents.adopt_later(state)
                why.append(Step("sender:the-story-country-s-military", *bare.span()))
            if by is None and to is not None and leaving is None:
                # a town's (a country may be where foreign troops went)
                state_of_to = None if is_country(to) else ents.country_of_town(to)
                named_forces = state_s_forces_named(text, ents, lp.troops_p, state_of_to)
                if state_of_to is not None and named_forces is not None:
                    # rule the-state-whose-forces-are-named: "Polisi Belanda menangkap 40
                    # orang ... 2.000 polisi telah dikerahkan di Amsterdam": the state whose
                    # police the article names deploys them at home
                    by = state_of_to
                    ents.adopt_later(by)
                    why.append(Step("sender:the-state-whose-forces-are-named", *named_forces))
            if leaving is None and (by is None or by.type is PER or is_country(by)):
                sent = force_sent(text, lp.military, ents, verb, s)
                if (
                    sent is not None
                    and by is not None
                    and is_country(by)
                    and lp.military.fullmatch(sent[0].text)
                    and any(d is by for _, d in ents.mentions_in(s.start, verb.start()))
                ):
                    # "Senegal also sent Air Force jets": the state's own air force, named
                    # by no more than its kind, is the state's
                    sent = None
                if sent is not None and sent[1] is not to:
                    # rule the-force-sent: "Trump deployed the National Guard to Los
                    # Angeles": the force the text names as sent
                    by = sent[1]
                    why.append(Step("sender:the-force-sent", *sent[0].span))
            whole_body = body_of_its_council(lang, ents, by, s) if by is not None else None
            if whole_body is not None:
                # rule a-council-decides-for-its-body: "Dewan Keamanan CSTO memutuskan
                # mengerahkan pasukan": the alliance sends, not its council
                by = whole_body
                why.append(Step("sender:the-body-of-the-council", *s.span))
            if to is not None and by is not None and is_site(lang, to.names[0]):
                area = area_of_body(lang, ents, by)
                rally_town = town_of_the_protest_told(ents, s, protests or [])
                if (
                    area is not None
                    and area is not to
                    and rally_town is not None
                    and rally_town is not area
                ):
                    # rule a-site-of-the-protest-is-in-its-town: "Polda Sumatera Barat
                    # menurunkan 892 personel ... di Gedung DPRD Sumbar" in a sentence that
                    # tells of a rally in Padang: the building is in that town, not across
                    # the province the force serves
                    to = rally_town
                    why.append(Step("destination:a-site-of-the-protest-is-in-its-town", *s.span))
                elif area is not None and area is not to:
                    # rule a-site-is-in-the-force-s-area: "Polda Metro Jaya menyiagakan
                    # 6.142 personel di Istana Negara": a building in the force's area
                    to = area
                    ents.adopt_later(area)
                    why.append(Step("destination:a-site-is-in-the-force-s-area", s.start, s.end))
                elif area is None and rally_town is not None and rally_town is not to:
                    # "7.500 personel cadangan disiagakan di Monas ... oleh TNI" after a
                    # rally told in Jakarta Pusat: the site is in the rally's town
                    to = rally_town
                    why.append(Step("destination:a-site-of-the-protest-is-in-its-town", *s.span))
                elif (
                    area is None
                    and deps
                    and deps[-1].by is not None
                    and deps[-1].to is not to
                    and is_town(deps[-1].to)
                    and not is_site(lang, deps[-1].to.names[0])
                ):
                    # rule a-site-is-in-the-town-told-before: "Egyptian Armed Forces have
                    # started arriving in Mogadishu. The two arrived ... at Aden Adde
                    # International Airport": the airport is in that town
                    to = deps[-1].to
                    why.append(Step("destination:a-site-is-in-the-town-told-before", *s.span))
                elif area is None and dateline is not None and dateline is not to:
                    # rule a-site-is-in-the-dateline-town: a site no town is named with is in
                    # the town the story was written in
                    to = dateline
                    why.append(Step("destination:a-site-is-in-the-dateline-town", *s.span))
            office_town = town_of_a_provincial_office(
                text, lang, s, ents, to, dateline, bodies=False
            )
            if office_town is not None:
                # rule the-town-of-a-provincial-office: "200 personel ... di depan Kantor
                # Gubernur Sulawesi Barat" stand in the town the office is in
                to = office_town
                why.append(Step("destination:the-town-of-a-provincial-office", s.start, s.end))
            datelined_to = any(w.rule == "destination:the-dateline-town" for w in why)
            # "Polresta Palu menyiapkan pengamanan untuk aksi mahasiswa. Sebanyak 600 personel
            # gabungan disiagakan untuk mengamankan aksi tersebut": the protest is the place
            guarded_to = any(w.rule == "destination:the-protest-they-guard" for w in why)
            composition = lp.composed.search(text, verb.end(), s.end)
            part_owner = (
                # "Sebanyak 850 personel dikerahkan dalam operasi itu, terdiri dari 700
                # personel Polri ...": a part's force, not who sent the whole
                to is None
                and owned is not None
                and owned.rule == "sender:owner-of-the-troops"
                and composition is not None
                and owned.start >= composition.end()
            )
            if (
                (by is None or part_owner)
                and (to is None or datelined_to or guarded_to)
                and leaving is None
            ):
                runner = force_that_runs_it(lay, lang, ents, index, s)
                if runner is not None:
                    # rule the-force-that-runs-the-operation: "Polda Jawa Barat memulai
                    # Operasi Lilin Lodaya 2018. Sebanyak 9 ribu lebih personel diterjunkan
                    # untuk pengamanan libur Natal": the force's troops, in its own area
                    by = runner[0]
                    if not guarded_to:
                        to = runner[1]
                        ents.adopt_later(to)
                    why.append(Step("sender:the-force-that-runs-the-operation", s.start, s.end))
            topical = any(w.rule == "destination:the-place-the-sentence-is-about" for w in why)
            if by is None and to is not None and topical and leaving is None:
                place_force = force_serving(lang, ents, to)
                if place_force is not None:
                    # rule the-force-of-the-place-told: "Polda Sumut menggelar Operasi ...
                    # Sementara untuk pengamanan di Sumatera Utara, ada 4.970 personel
                    # gabungan yang dikerahkan": the one force of the article that serves it
                    by = place_force
                    why.append(Step("sender:the-force-of-the-place-told", s.start, s.end))
            if by is None and to is not None and leaving is None:
                runner = force_that_runs_it(lay, lang, ents, index, s)
                if runner is not None and within(to, runner[1]):
                    # rule the-operation-s-force-in-its-area: "Polres Sleman menggelar Operasi
                    # Lilin. Sebanyak 850 personel dikerahkan di Kabupaten Sleman": the
                    # force's troops, where the sentence puts them
                    by = runner[0]
                    why.append(Step("sender:the-operation-s-force-in-its-area", s.start, s.end))
            subject = by or subject
            carried = None
            if by is None and to is not None and unplaced is not None and index - unplaced[1] <= 2:
                # "Chad has deployed 1,000 soldiers along its border ... The troops were sent to
                # the Ouaddai province on Saturday": whose troops, and how many, was said before
                by, _, carried = unplaced
                why.append(Step("sender:troops-of-the-sentence-before", s.start, s.end))
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
            status, status_why, asker = clause_status(
                text, lang, lp, s, verb, leaving=leaving, to=to, mentions=mentions, by=by
            )
            why += status_why
            if request is None and asker is not None:
                request = asker
            # troops
            count = troop_count(text, lang, s, lp.troops_p) or carried
            cut_from = count_cut_from(text, lang, s, lp.withdraw)
            if cut_from is not None:
                # rule a-cut-counts-the-troops-there: "memangkas jumlah pasukannya di Irak
                # dari 2.500 menjadi 2.000 personel": 2.500 are there
                count = cut_from
                why.append(Step("troops:the-strength-before-the-cut", s.start, s.end))
            dates, status, start, dates_why = clause_start(
                text, lang, lp, s, verb, published=published, leaving=leaving, status=status
            )
            why += dates_why
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
            if leaving is None and (
                lp.returning.match(text, verb.start())
                or home_bound is not None
                or after_duty is not None
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
                            and not text[served.end() : m.start].strip()
                        ),
                        None,
                    )
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
                            why.append(
                                Step("sender:the-body-back-from-duty", s.start, served.start())
                            )
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
                (
                    d
                    for d in dates
                    if lp.ends_before.search(text, max(s.start, d.start - 15), d.start)
                ),
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
            if leaving is not None:
                arrived = [
                    d
                    for d in dates
                    if lp.since_before.search(text, max(s.start, d.start - 15), d.start)
                ]
                after = [d for d in dates if d.start >= leaving.end() and d not in arrived]
                start, withdrawal = None, after[0].value if after else None
                if after and completed(text, lang, leaving, after[0].start, s):
                    ended, withdrawal = withdrawal, None  # rule withdrawal-completed
                if arrived and after and arrived[0].value.latest < after[0].value.earliest:
                    # rule left-after-serving-since: "kembali dari Lebanon, Senin (5/11/2018),
                    # setelah bertugas di Lebanon sejak 23 September 2017": there from then
                    # until they left
                    start, ended, withdrawal = arrived[0].value, after[0].value, None
                    why.append(
                        Step("dates:left-after-serving-since", arrived[0].start, arrived[0].end)
                    )
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
                prev.troops = better_count(prev.troops, count)
                prev.start = prev.start or start
                prev.withdrawal = prev.withdrawal or withdrawal
                prev.end = prev.end or ended
                prev.requested_by = prev.requested_by or request
                gone_since(prev, status, start, published, s)
                prev.evidence.append((s.start, s.end))
                prev.sentence = index
                continue
            struck = (
                place_struck(text, lang, ents, s, by, verb.end())
                if to is None and by is not None and leaving is None
                else None
            )
            if struck is not None:
                # rule the-place-the-disaster-struck: "TNI berencana mengerahkan prajurit
                # untuk membantu penanggulangan bencana gempa bumi yang melanda Myanmar"
                to = struck[1]
                why.append(Step("destination:the-place-the-disaster-struck", *struck[0].span))
            if to is None and by is not None and leaving is None and count is not None:
                kept_at = place_of_the_sentence(
                    text, lang, ents, s, by, lp.place_preps, lp.not_dest
                )
                if kept_at is not None:
                    # rule the-place-the-sentence-names: "Untuk mengamankan pelantikan
                    # presiden di Jakarta, Polri mengerahkan 15.000 personel": counted troops
                    # sent nowhere the clause says are where the sentence's place is
                    to = kept_at[1]
                    why.append(Step("destination:the-place-the-sentence-names", *kept_at[0].span))
                elif (
                    not deps
                    and count.value is not None
                    and (story_place := place_of_the_story(lang, ents, by)) is not None
                ):
                    # rule the-place-the-story-is-about: "Sebanyak 651 prajurit TNI AD
                    # diterjunkan untuk memperkuat penanganan pascaerupsi" in a story about
                    # Lumajang: the article's first counted troops go where the story is
                    to = story_place
                    why.append(Step("destination:the-place-the-story-is-about", *s.span))
            if (
                by is None
                or to is None
                # rule a-continent-sends-no-one: "pasukan Afrika di Port-au-Prince", "European
                # troops": a region no state's, no sender
                or (by.type is LOC and stateless_region(by))
                or (
                    by is to
                    and not nationwide_in(lp.nationwide, text, ents, s.start, s.end)
                    and not any(
                        w.rule
                        in (
                            "destination:the-sender-s-own-border",
                            "destination:the-country-s-own-protests",
                            "sender:the-government-of-the-story",
                        )
                        for w in why
                    )
                )
            ):
                continue
            inside = region_of(to, ents)
            narrower = next(
                (d for d in deps if d.by is by and (d.to is inside or region_of(d.to, ents) is to)),
                None,
            )
            if narrower is not None:
                # rule a-region-of-the-country-deployed-to: "sent troops to Russia ... moved
                # them to eastern Russia" is one deployment, to the region
                if narrower.to is inside:
                    pairs.pop((id(by), id(narrower.to)), None)
                    narrower.to = to
                    pairs[(id(by), id(to))] = narrower
                narrower.evidence.append((s.start, s.end))
                narrower.troops = narrower.troops or count
                narrower.start = narrower.start or start
                narrower.why.append(Step("merge:a-region-of-the-country-deployed-to", *s.span))
                continue
            wider = next((d for d in deps if d.by is by and in_country(to, d.to)), None)
            if wider is not None:
                # rule a-town-of-the-country-deployed-to: the same sender's troops in a town
                # of the country it deploys to ("deployed across Chile ... patrolled the
                # capital") are that deployment
                wider.evidence.append((s.start, s.end))
                wider.start = wider.start or start
                wider.why.append(Step("merge:a-town-of-the-country-deployed-to", *s.span))
                continue
            told = next((d for d in deps if d.to is to), None)
            if verb.re is lp.troops_p and told is not None:
                # troops only said to be there ("Pasukan Indonesia di X") are those of the
                # deployment to X already told, whoever it named as their sender
                told.evidence.append((s.start, s.end))
                told.why.append(Step("merge:troops-there-are-the-deployment-s", *s.span))
                continue
            dep = DepDraft(by, to, status, count, start, index, s.para, [(s.start, s.end)], request)
            dep.withdrawal, dep.left, dep.why = withdrawal, leaving is not None, why
            dep.end, dep.leader = ended, led
            same = pairs.get((id(by), id(to)))
            if (
                same is not None
                and same.status is not status
                and DeploymentStatus.DENIED not in (same.status, status)
                and (
                    (
                        count is not None
                        and same.troops is not None
                        and count.value != same.troops.value
                    )
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
                if same.shared is None or count is None or count.value != same.shared.value:
                    same.troops = better_count(same.troops, count)  # not the shared one
                same.start = same.start or start
                same.withdrawal = same.withdrawal or withdrawal
                same.end = same.end or ended
                same.requested_by = same.requested_by or request
                if status is DeploymentStatus.DENIED:
                    same.status = status
                same.evidence.append((s.start, s.end))
                continue
            if whole is not None and whole is not by and (id(whole), id(to)) not in pairs:
                # rule contingent-of-a-force: the force is deployed, the country's
                # contingent is its part
                # a standing mission began before the contingent it gets
                began = None if whole is mission else start
                collective = DepDraft(whole, to, status, None, began, index, s.para, [s.span])
                collective.why = [*why, Step("sender:the-force-of-a-contingent", *s.span)]
                collective.requested_by = request
                deps.append(collective)
                pairs[(id(whole), id(to))] = collective
                dep.part_of = whole
            deps.append(dep)
            pairs.setdefault((id(by), id(to)), dep)
            counted = (
                counted_forces(text, lang, ents, s, lp.troops_p, verb.start())
                if not co_senders
                else []
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
                        row = DepDraft(
                            by, place, status, share, start, index, s.para, [s.span], request
                        )
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
                more = DepDraft(
                    by, place, status, None, start, index, s.para, [(s.start, s.end)], request
                )
                more.why = why
                deps.append(more)
                pairs[(id(by), id(place))] = more
    for dep in [d for d in deps if d.left]:
        # the troops that leave are those another sentence sends there, by its sender
        sent_there = [
            d for d in deps if not d.left and (d.to is dep.to or region_of(d.to, ents) is dep.to)
        ]
        other = next(
            (d for d in sent_there if d.by is dep.by), sent_there[0] if sent_there else None
        )
        if (
            other is not None
            and other.by is not dep.by
            and is_country(other.by)
            and is_country(dep.by)
            and dep.leader is None
        ):
            # rule another-state-s-withdrawal: "Jerman telah merampungkan penarikan
            # pasukannya dari Afghanistan", beside "pasukan Amerika Serikat" there: Germany
            # left, the United States' deployment does not end with it
            other = None
        if other is not None:
            other.withdrawal = other.withdrawal or dep.withdrawal
            other.evidence.extend(dep.evidence)
            if dep.leader is not None and other.by is dep.leader:
                # "2.000 tentara pimpinan Rusia mulai menarik diri dari Kazakhstan ...
                # pasukan Rusia dikerahkan": the alliance's deployment, told by its leader
                other.by, other.troops = dep.by, other.troops or dep.troops
                other.why.append(Step("sender:led-is-not-the-sender", *dep.evidence[0]))
            deps.remove(dep)
    frames = find_missions(lay, lang, ents)
    for frame in frames:
        if frame.owner is None or frame.owner is frame.by:
            continue
        for dep in deps:
            if dep.by is frame.owner and dep.to is frame.to:
                dep.by = frame.by
                dep.why.append(Step("sender:the-mission-not-its-owner", frame.start, frame.end))
                pairs.setdefault((id(dep.by), id(dep.to)), dep)
    told_places = {id(d.to) for d in deps}
    for frame in frames:
        if (id(frame.by), id(frame.to)) in pairs:
            continue
        if frame.rule == "mission-in-a-place" and id(frame.to) in told_places:
            # a mission the story's own deployment there serves ("Satgas ... TNI ke
            # Republik Afrika Tengah ... Misi Stabilisasi PBB di Republik Afrika Tengah",
            # "prajurit yang bertugas sebagai pasukan penjaga perdamaian PBB di Sudan
            # Selatan", "Satgas KONGA MTF ... unit tugas dalam pasukan perdamaian PBB di
            # Lebanon (UNIFIL)"): the context of that deployment, not another one
            continue
        s = lay.sentences[frame.sentence]
        dep = DepDraft(
            frame.by, frame.to, DeploymentStatus.HAPPENED, None, None, frame.sentence, s.para
        )
        dep.evidence.append(s.span)
        dep.why = [Step(f"presence:{frame.rule}", frame.start, frame.end)]
        deps.append(dep)
        pairs[(id(frame.by), id(frame.to))] = dep
    listed_cues = contingent_cues(lay, lang)  # once an article, not once a deployment
    for dep in list(deps):
        if dep.by.type is not ORG or dep.status is DeploymentStatus.DENIED:
            continue
        # not past another deployment's sentence: its parts are its own
        told_later = [d.sentence for d in deps if d.sentence > dep.sentence and d.to is not dep.to]
        pieces = find_parts(
            lay,
            lang,
            ents,
            dep.sentence,
            dep.by,
            dep.to,
            dep.troops,
            until=min(told_later) if told_later else None,
        )
        if is_collective(lang, dep.by) and dep.part_of is None:
            counted_parts = {id(p.by) for p in pieces}
            pieces += [
                p
                for p in find_named_contingents(lay, lang, ents, dep.by, dep.to, listed_cues)
                if id(p.by) not in counted_parts
            ]
        for piece in pieces:
            # the sender's own share is a part only in a list of others' shares
            own_share = piece.by is dep.by
            if own_share and not any(
                p.by is not dep.by and p.sentence == piece.sentence for p in pieces
            ):
                continue
            if (id(piece.by), id(dep.to)) in pairs and not own_share:
                continue
            # a part of the force went when the force went
            row = DepDraft(
                piece.by, dep.to, dep.status, piece.troops, dep.start, piece.sentence, dep.para
            )
            row.evidence.append((piece.start, piece.end))
            row.part_of = dep.by
            row.why = [Step("contingent:counted-part", piece.start, piece.end)]
            deps.append(row)
            if not own_share:
                pairs[(id(piece.by), id(dep.to))] = row
    subjects_split_the_count(lay, lang, ents, deps, pairs)
    the_operation_s_region(lay, lang, ents, deps, pairs)
    requests_told(lay, lang, ents, deps)
    withdrawals(lay, lang, ents, published, deps)
    returns_home(lay, lang, ents, deps)
    counts_told_on(lay, lang, ents, deps)
    counts_per_sender(lay, lang, ents, deps)
    counts_per_place(lay, lang, deps)
    starts_told_on(lay, lang, ents, published, deps)
    duty_places_told_on(lay, lang, ents, published, deps)
    guarded_protest_days(lay, lang, deps, protests or [])
    for row in deps:  # a part of a force went, and leaves, when the force does
        went = next((d for d in deps if d.by is row.part_of and d.to is row.to), None)
        if row.part_of is None or went is None:
            continue
        if row.start is None:
            row.start = went.start
        if row.end is None and row.withdrawal is None:
            row.end, row.withdrawal = went.end, went.withdrawal
    # a sender is a body or a place (the facts schema's and the shapes'), never a person:
    # a row that found no other is no fact
    deps = [d for d in deps if PER not in (d.by.type, d.part_of.type if d.part_of else None)]
    out = [to_deployment(lay, i, d) for i, d in enumerate(deps, 1)]
    if trace is not None:
        for fact, dep in zip(out, deps, strict=True):
            trace.add(f"deployments/{fact.id}", dep.why)
    return out

"""Resolution beyond the clause: a deployment's sender and destination completed and
corrected from what else the sentence, the sentences before and the story tell."""

from __future__ import annotations

import re

from kg.extract.deployments.clause import Clause
from kg.extract.deployments.counts import troop_count
from kg.extract.deployments.cues import Cues
from kg.extract.deployments.guards import (
    guarded_protest,
    protest_just_told,
    town_of_the_protest_told,
    unrest_place,
)
from kg.extract.deployments.places import (
    place_of_the_sentence,
    place_of_the_story,
    place_struck,
    served_country,
    topic_country,
)
from kg.extract.deployments.rows import DepDraft, a_state_s_force, is_country, within
from kg.extract.deployments.senders import (
    body_of_its_council,
    composed_force,
    country_helped,
    force_sent,
    force_serving,
    force_that_runs_it,
    headline_name_steps,
    owner_pointed_back_to,
    speaker_force,
    state_s_forces_named,
    state_that_reports,
    subject_before,
)
from kg.extract.entities import LOC, ORG, PER, Draft, Entities, Mention
from kg.extract.frames import (
    alliance_for_leader,
    area_of_body,
    is_site,
    is_town,
    town_of_a_provincial_office,
)
from kg.extract.story import (
    capital_of_country,
    country_of,
    country_of_town,
    in_country,
    nationwide_in,
)
from kg.extract.text import Sentence
from kg.extract.trace import Step
from kg.facts.model import Protest, Quantity, Role


def resolve_destination(
    c: Clause,
    *,
    by: Draft | None,
    to: Draft | None,
    also: list[Draft],
    to_end: int | None,
    capital: re.Match[str] | None,
    deps: list[DepDraft],
    protests: list[Protest] | None,
    home: Draft | None,
    dateline: Draft | None,
    datelined: set[tuple[int, int]],
) -> tuple[Draft | None, list[Draft]] | None:
    """The destination of the clause of ``verb`` (sentence ``index``) as the clause found it
    (``to``, with ``also`` listed), completed and corrected with its sender ``by`` known: a
    capital the rules reached for stands for its country, the sender's capital or the place
    pointed back to, where the troops went on to, the area of the force they join or serve,
    the town the story was written in. The rules that chose are added to ``why``. None when
    the troops go back home: no deployment."""
    lay, lang, lp, ents, s, index, verb, leaving, mentions, why = c.unpack()
    text = lay.clean
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
        not in (
            ["destination:after-preposition"],
            ["destination:inner-place"],
            ["destination:a-departure-for-a-place"],
        )
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
    if to is None and by is not None and by.type is ORG and leaving is None:
        # rule the-place-in-the-force-s-name: "The African Union Mission in Somalia has
        # 20,000 troops": where the mission its name says is
        named = next((m for m, d in mentions if d is by), None)
        inside = ents.mentions_in(named.start, named.end) if named is not None else []
        held = next(((m, d) for m, d in inside if d.type is LOC and m.cue == "in-name"), None)
        if held is not None:
            to = held[1]
            why.append(Step("destination:the-place-in-the-force-s-name", *held[0].span))
    if (
        to is None
        # a deployment noun's sender may be the force it names, found later ("the
        # deployment of 50 additional CAPF companies ... in the state")
        and (by is not None or lp.deploy_nouns.fullmatch(verb.group()))
        and lp.anaphora.search(text, verb.end(), s.end)
    ):
        # "to the region": where the last deployment went, else the story's last country
        last = deps[-1].to if deps and deps[-1].to is not by else None
        # a country the sentence names before the verb comes first ("Chad ended its
        # pact with France, which has 1,000 troops in the country")
        # "in the state", "to the province": a region the sentence named before will do
        pointed = lp.anaphora.search(text, verb.end(), s.end)
        kinds = {"country"} | (
            {"region"}
            if pointed is not None and lp.place_noun_end.search(pointed.group()) is not None
            else set()
        )
        here = next(
            (
                d
                for m, d in reversed(mentions)
                if m.end <= verb.start()
                and d is not by
                and d.entry is not None
                and d.entry.kind in kinds
                # not the owner of a body ("Russia's Defence Ministry said") nor
                # the leader of the sender ("the Russia-led alliance")
                and not lp.owns_next.match(text[m.end : m.end + 3])
                and alliance_for_leader(text, lang, d, ents, s.start, s.end) is d
            ),
            None,
        )
        to = here or last or (topic_country(lay, lp, ents, index, by) if by is not None else None)
        why.append(Step("destination:anaphora", verb.end(), s.end))
    back = lp.sent_back.search(text, verb.end(), s.end) if leaving is None else None
    if back is not None and (
        to is None or any(m.start == back.end() - 1 for m, d in mentions if d is to)
    ):
        # rule sent-back-home: "sending the 3rd Brigade back to Ohio": troops going
        # home, no deployment
        return None
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
                and not lp.not_dest.search(text[max(onward.end(), m.start - 30) : m.start].lower())
                and (
                    lp.toward_before.search(text, max(onward.end(), m.start - 12), m.start)
                    # "lalu tiba di kota Poso": a verb of arriving, then where
                    or (
                        lp.verbs.search(text, onward.end(), m.start) is not None
                        and lp.dest_before.search(text, max(onward.end(), m.start - 12), m.start)
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
            why.append(Step("destination:the-area-of-the-force-they-join", *attached[0].span))
    if to is None and leaving is None:
        guarded = guarded_protest(text, lang, verb, s, ents, protests or [])
        if guarded is not None:
            to = guarded
            why.append(Step("destination:the-protest-they-guard", verb.end(), s.end))
    unowned = False
    if (
        to is None
        and leaving is None
        and (
            troop_count(text, lang, s, lp.troops_p) is not None
            # "formally deploying the Pakistan Army to assist civilian authorities": a
            # named force sent, counted or not
            or force_sent(text, lp.military, ents, verb, s) is not None
            or (unowned := unowned_troops_passive(text, lp, s, verb))
        )
    ):
        protest_place = protest_just_told(lay, lang, ents, index, protests or [])
        if protest_place is not None:
            # rule the-protest-just-told: "Bentrokan pecah ... Dari Polda Sumut,
            # diturunkan 200 personel": troops counted as sent, to no place named,
            # right after a protest is told of go where it is
            to = protest_place
            why.append(Step("destination:the-protest-just-told", s.start, s.end))
            if unowned:
                # "as security forces were deployed to the streets"
                why.append(Step("destination:unowned-troops-at-the-protest", *verb.span()))
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
            across = next((d.to for d in reversed(deps) if d.by is by and d.to is not own), None)
            if across is not None and (
                is_country(across)
                # "perbatasan Ukraina": the border told before is a place of its own
                or (lang.words("edge_nouns") and lang.pattern("edge_nouns").search(across.names[0]))
            ):
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
        unrest = unrest_place(ents, protests or []) if area is not None else None
        if unrest is not None:
            # rule the-unrest-the-force-answers: a force sending troops to no place
            # named, in an article of unrest in one place, sends them there
            to = unrest
            why.append(Step("destination:the-unrest-the-force-answers", *s.span))
        elif area is not None:
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
    return to, also


def resolve_sender(
    c: Clause,
    *,
    by: Draft | None,
    to: Draft | None,
    sent: tuple[Mention, Draft] | None,
    owned: Step | None,
    topic: tuple[Mention, Draft] | None,
    deps: list[DepDraft],
    protests: list[Protest] | None,
    roles: tuple[Role, ...],
    home: Draft | None,
    dateline: Draft | None,
) -> tuple[Draft | None, Draft | None]:
    """The sender of the clause of ``verb`` (sentence ``index``) as the clause found it
    (``by``), completed from beyond the clause with its destination ``to`` known: the
    country of a nationwide deployment, the force told of before, the owner of the troops
    pointed back to, the force they come from, the force of who speaks of it, the forces it
    is made of, the story country's military, the force that runs the operation; a site sent
    to becomes the sender's area. Returns the sender and the destination; the rules that
    chose are added to ``why``."""
    lay, lang, lp, ents, s, index, verb, leaving, _, why = c.unpack()
    text = lay.clean
    if (
        by is None
        and to is not None
        and (
            nationwide_in(lp.nationwide, text, ents, s.start, s.end)
            or any(w.rule == "destination:across-the-country" for w in why)
        )
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
        reported = state_that_reports(text, lp, ents, s) if by is None else None
        if reported is not None:
            by = reported[0]  # "... were deployed to Lima, the Peruvian defence ministry said"
            ents.adopt_later(by)
            why.append(Step("sender:the-state-of-the-body-that-reports-it", *reported[1]))
    if by is None and to is not None:
        parts = composed_force(lay, lang, ents, index, verb.end())
        if parts is not None:
            by = parts  # "900 personel gabungan ... terdiri dari Polda Sumsel, ..."
            why.append(Step("sender:the-forces-it-is-made-of", *s.span))
            why.extend(headline_name_steps(parts))
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
                if is_country(d) and lp.owner_gap.fullmatch(text[m.end : bare.start()])
            ),
            None,
        )
        demonym = next(
            (
                (ds, de, entry)
                for ds, de, entry in ents.demonyms_in(max(s.start, bare.start() - 30), bare.start())
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
    if leaving is None and (
        by is None
        or by.type is PER
        or is_country(by)
        # "the Ministry of Interior ..., formally deploying the Pakistan Army": a body that
        # is no force sends the force it names
        or (by.type is ORG and lp.force_words.search(by.names[0]) is None)
    ):
        # rule the-force-a-deployment-names: "prompted the deployment of the Rapid Action
        # Battalion to Dhaka": the body named as what is deployed
        sent = force_sent(
            text,
            lp.military,
            ents,
            verb,
            s,
            named_by=lp.deployment_of if lp.deploy_nouns.fullmatch(verb.group()) else None,
            forces=lp.force_names,
        )
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
    office_town = town_of_a_provincial_office(text, lang, s, ents, to, dateline, bodies=False)
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
    home_state = (to if is_country(to) else country_of_town(to, ents)) if to else None
    if by is None and home_state is not None and home_state is home and leaving is None:
        # only in a story of unrest there: troops told of elsewhere ("1,500 troops have
        # arrived in Russia", North Korea's) are owned by the story's actor
        unowned = unowned_troops_subject(text, lp, s, verb) if protests else None
        if unowned is not None:
            # rule the-story-country-s-own-troops: "Riots shook Peru. Soldiers patrolled
            # the streets of Cusco": troops no one owns, inside the country of a story
            # of unrest, are that country's
            by = home_state
            ents.adopt_later(by)
            why.append(Step("sender:the-story-country-s-own-troops", *unowned))
    if by is None and to is not None:
        joint = lp.joint_subject.search(text, s.start, verb.start())
        if joint is not None:
            # rule the-joint-troops-as-named: "Sebanyak 1.200 personel gabungan disiagakan
            # di Jakarta", when nothing else tells whose: the joint force as the text names
            # it (the codebook's sender as the text names it)
            by = ents.named_force(*joint.span(1), lay.body[joint.start(1) : joint.end(1)])
            ents.adopt_later(by)
            why.append(Step("sender:the-joint-troops-as-named", *joint.span(1)))
    return by, to


def unowned_troops_subject(
    text: str, lp: Cues, s: Sentence, verb: re.Match[str]
) -> tuple[int, int] | None:
    """The troops right before the verb ("Soldiers patrolled", "security forces were
    deployed") when no name, demonym or possessive owns them, or None."""
    found = lp.troops_subject.search(text[s.start : verb.start()])
    if found is None:
        return None
    before = text[s.start : s.start + found.start()].split()
    last = before[-1] if before else ""
    if (last[:1].isupper() and len(before) > 1) or lp.owned_by_it.search(last + " "):
        return None  # "Tunisian soldiers", "its troops": owned
    return s.start + found.start(), s.start + found.end()


def unowned_troops_passive(text: str, lp: Cues, s: Sentence, verb: re.Match[str]) -> bool:
    """Rule unowned-troops-at-the-protest: troops no one owns as the subject of a
    passive verb of sending ("The rally ended as security forces were deployed to the
    streets"): no count, no name, yet sent where the protest just told is."""
    subject = unowned_troops_subject(text, lp, s, verb)
    if subject is None or lp.deploy_nouns.fullmatch(verb.group()):
        return False
    troops = lp.troops_p.match(text, subject[0])
    # an auxiliary between: "were deployed", not "police moved in"
    return troops is not None and bool(text[troops.end() : verb.start()].strip())


def place_of_unplaced_troops(
    c: Clause,
    *,
    by: Draft | None,
    to: Draft | None,
    count: Quantity | None,
    deps: list[DepDraft],
) -> Draft | None:
    """Where troops a sender sends with no destination in the clause go: the place a
    disaster struck, the place the sentence names for counted troops, or, for the
    article's first counted troops, the place the story is about; ``to`` when the clause
    named one. The rule that chose is added to ``why``."""
    lang, lp, ents, s, verb, leaving, why = c.lang, c.lp, c.ents, c.s, c.verb, c.leaving, c.why
    text = c.lay.clean
    struck = (
        place_struck(text, lang, ents, s, by, verb.end())
        if to is None and by is not None and leaving is None
        else None
    )
    served = served_country(lang, ents, by) if to is None and by is not None else None
    if served is not None:
        # rule a-mission-s-country: "The MINUSMA mission, deployed in 2013 to help
        # stabilise the Sahel country": a mission serves in its own country, when the
        # article names it
        to = served
        why.append(Step("destination:a-mission-s-country", *verb.span()))
    if struck is not None:
        # rule the-place-the-disaster-struck: "TNI berencana mengerahkan prajurit
        # untuk membantu penanggulangan bencana gempa bumi yang melanda Myanmar"
        to = struck[1]
        why.append(Step("destination:the-place-the-disaster-struck", *struck[0].span))
    if to is None and by is not None and leaving is None and count is not None:
        kept_at = place_of_the_sentence(
            text, lang, ents, s, by, lp.place_preps, lp.not_dest, lp.background
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
    return to


def home_of(by: Draft, ents: Entities) -> Draft | None:
    """The country troops of ``by`` belong to: the country itself, or the state whose
    force it is ("Fijian army": Fiji), when the article names it."""
    if is_country(by):
        return by
    return next((d for d in ents.drafts if is_country(d) and a_state_s_force(d, by)), None)


def at_home(to: Draft, home: Draft | None, ents: Entities) -> bool:
    """``to`` is the country ``home`` or a town of it."""
    return home is not None and (to is home or country_of_town(to, ents) is home)


def place_came_back_from(c: Clause, home: Draft, deps: list[DepDraft], by: Draft) -> Draft | None:
    """The place abroad troops travelling home come from: after "from" ("a flight from
    Somalia to ...", "returned to Delhi from South Sudan"; the deployment told there, when
    one is), else where the clause says they served ("after completing their tour in South
    Sudan", "deployed in Somalia ... has returned")."""
    ents, text = c.ents, c.lay.clean
    the = c.lang.pattern("definite_before").pattern or "(?!x)x"

    def abroad(d: Draft) -> bool:
        return d.type is LOC and d is not home and country_of_town(d, ents) is not home

    for prep in c.lp.source_preps.finditer(text, c.verb.end(), c.s.end):
        came = next(
            (
                d
                for m, d in c.mentions
                if m.start >= prep.end()
                and re.fullmatch(rf"\s*(?:(?:{the})\s+)?", text[prep.end() : m.start], re.I)
            ),
            None,
        )
        if came is None or not abroad(came):
            continue
        state = country_of_town(came, ents)
        told = next((d.to for d in reversed(deps) if d.by is by and d.to in (came, state)), None)
        return told or came
    for served in c.lp.served_in.finditer(text, c.s.start, c.s.end):
        came = next((d for m, d in c.mentions if m.start >= served.end() and d.type is LOC), None)
        if came is not None and abroad(came):
            return came
    return None


def flight_home(c: Clause, *, by: Draft, to: Draft, deps: list[DepDraft]) -> Draft | None:
    """Rule a-flight-home: troops that travel from abroad to their own country ("about 200
    soldiers boarded a flight from Somalia to Burundi's capital, Bujumbura") leave the place
    they came from or served in; returns that place, or None when the clause is no journey
    home. (A verb of going back, "returned to", is :func:`back_home`'s.)"""
    home = home_of(by, c.ents)
    if home is None or not at_home(to, home, c.ents):
        return None
    return place_came_back_from(c, home, deps, by)


def back_home(
    c: Clause, *, by: Draft, to: Draft, deps: list[DepDraft], anaphora: bool
) -> tuple[Draft, Draft] | None:
    """Rule back-home: troops that "returned to" their own country ("KDF soldiers deployed
    in Somalia have returned to Kenya", "returned to the country") end a deployment where
    they served, and a place they served in is no sender ("... the peacekeeping mission in
    South Sudan have returned to Japan": Japan's troops). Returns the sender and place of
    that deployment; the clause's own when it tells no return home ("troops returned to
    Jenin"); None when it tells one but not where from (no deployment)."""
    text = c.lay.clean
    the = c.lang.pattern("definite_before").pattern or "(?!x)x"
    named = next((m for m, d in c.mentions if d is by), None)
    served = (
        named is not None
        and is_country(to)
        and to is not by
        and any(
            re.fullmatch(rf"\s*(?:(?:{the})\s+)?", text[m.end() : named.start], re.I)
            for m in c.lp.served_in.finditer(text, c.s.start, named.start)
        )
    )
    if served:
        return to, by  # the mission's place was read as the subject
    home = home_of(by, c.ents)
    if not anaphora and not at_home(to, home, c.ents):
        return by, to
    came = place_came_back_from(c, home or to, deps, by)
    return (by, came) if came is not None else None

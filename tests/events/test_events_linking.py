"""Linking reports into real-world events (kg/events/linking.py and kg/events/reports.py)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from kg.events import Decisions, Report, Resolver, compare, link_reports, reports_of
from kg.events.review import parse_decisions
from kg.facts import load_facts
from kg.rdf.iris import Iris

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "facts"
RESOLVER = Resolver()
D = dt.date


def day(text: str) -> tuple[dt.date, dt.date]:
    value = D.fromisoformat(text)
    return (value, value)


def deployment(
    ref: str,
    *,
    by: str = "CSTO",
    to: str = "Kazakhstan",
    published: str = "2022-01-10",
    start: tuple[dt.date, dt.date] | None = None,
    end: tuple[dt.date, dt.date] | None = None,
    status: str = "happened",
    part_of: str | None = None,
) -> Report:
    article = ref.split("/")[0]
    return Report(
        ref=ref,
        iri=f"https://example.org/kg/article/{ref}",
        kind="deployment",
        article=article,
        published=D.fromisoformat(published),
        actor=RESOLVER.tokens(names=(by,)),
        actor_name=by,
        part_of=RESOLVER.tokens(names=(part_of,)) if part_of else frozenset(),
        place=RESOLVER.place(names=(to,)),
        status=status,
        start=start,
        end=end,
    )


def protest(
    ref: str,
    *,
    at: str = "Almaty",
    published: str = "2022-01-06",
    start: tuple[dt.date, dt.date] | None = None,
    causes: tuple[str, ...] = (),
    places: tuple[str, ...] = (),
) -> Report:
    return Report(
        ref=ref,
        iri=f"https://example.org/kg/article/{ref}",
        kind="protest",
        article=ref.split("/")[0],
        published=D.fromisoformat(published),
        place=RESOLVER.place(names=(at,)),
        places=tuple(RESOLVER.place(names=(p,)) for p in places),
        start=start,
        causes=causes,
    )


def example_reports() -> list[Report]:
    return [r for p in sorted(EXAMPLES.glob("*.yaml")) for r in reports_of(load_facts(p), Iris())]


def groups(events: list) -> list[list[str]]:  # type: ignore[type-arg]
    return sorted(sorted(r.ref for r in e.reports) for e in events)


def test_the_english_and_indonesian_csto_reports_are_one_event() -> None:
    events = link_reports(example_reports())
    csto = next(e for e in events if len(e.reports) == 2 and e.kind == "deployment")
    assert (
        csto.iri
        == "https://example.org/kg/event/deployment/id-csto-kazakhstan-2022/csto_kazakhstan"
    )
    assert [r.article for r in csto.reports] == [
        "id-csto-kazakhstan-2022",
        "en-csto-kazakhstan-2022",
    ]
    first, second = csto.links
    assert first.rules == ("first-report",)
    assert second.rules == ("same-actor", "same-place", "status-fits", "dates-overlap")
    assert second.reason.startswith("sender key:csto; destination key:kazakhstan;")
    assert second.compared_with == first.report
    unrest = [e for e in events if e.kind == "protest" and len(e.reports) == 2]
    assert len(unrest) == 1 and "shared-cause" in unrest[0].links[1].rules
    assert len(events) == 9  # 11 reports, two pairs linked


def test_linking_does_not_depend_on_the_order_of_files() -> None:
    reports = example_reports()
    expected = link_reports(reports)
    for seed in range(5):
        random.Random(seed).shuffle(reports)
        assert link_reports(reports) == expected


def test_removing_an_article_renames_no_unrelated_event() -> None:
    reports = example_reports()
    before = {r.ref: e.iri for e in link_reports(reports) for r in e.reports}
    without = [r for r in reports if r.article != "en-peacekeepers-fictional"]
    after = {r.ref: e.iri for e in link_reports(without) for r in e.reports}
    assert all(before[ref] == iri for ref, iri in after.items())
    # removing the first report of the CSTO event renames that event only
    without = [r for r in reports if r.article != "id-csto-kazakhstan-2022"]
    after = {r.ref: e.iri for e in link_reports(without) for r in e.reports}
    changed = {ref for ref, iri in after.items() if before[ref] != iri}
    assert changed == {
        "en-csto-kazakhstan-2022/deployment/csto_kazakhstan",
        "en-csto-kazakhstan-2022/protest/kazakhstan_unrest",
    }


def test_a_later_report_keeps_the_event_iri() -> None:
    first = deployment("a/deployment/d", start=day("2022-01-06"))
    events = link_reports([first])
    later = deployment("b/deployment/d", published="2022-01-20", start=day("2022-01-07"))
    assert link_reports([first, later])[0].iri == events[0].iri


def test_actors_match_across_languages_and_through_wikidata() -> None:
    a = deployment("a/deployment/d", by="CSTO", start=day("2022-01-06"))
    b = deployment("b/deployment/d", by="Organisasi Perjanjian Keamanan Kolektif")
    match = compare(a, b)
    assert match is not None and match.rules[0] == "same-actor"
    russia = deployment("c/deployment/d", by="Rusia", start=day("2022-01-06"))
    assert compare(a, russia) is None


def test_a_city_inside_the_country_another_report_names() -> None:
    a = deployment("a/deployment/d", to="Kazakhstan", start=day("2022-01-06"))
    b = deployment("b/deployment/d", to="Almaty", start=day("2022-01-07"))
    match = compare(a, b)
    assert match is not None and "place-in-country" in match.rules
    assert "Almaty in Kazakhstan" in "; ".join(match.reasons)
    elsewhere = deployment("c/deployment/d", to="Moscow", start=day("2022-01-07"))
    assert compare(a, elsewhere) is None


def test_dates_overlap_at_the_precision_each_states() -> None:
    month = (D(2022, 1, 1), D(2022, 1, 31))
    a = deployment("a/deployment/d", start=month)
    b = deployment("b/deployment/d", start=day("2022-01-20"))
    assert compare(a, b) is not None
    c = deployment("c/deployment/d", start=day("2022-03-20"), published="2022-03-21")
    assert compare(a, c) is None


def test_planned_and_happened_link_denied_and_happened_do_not() -> None:
    planned = deployment("a/deployment/d", status="planned", start=day("2022-01-06"))
    happened = deployment("b/deployment/d", start=day("2022-01-07"))
    denied = deployment("c/deployment/d", status="denied", start=day("2022-01-07"))
    assert compare(planned, happened) is not None
    assert compare(happened, denied) is None
    assert compare(planned, denied) is not None


def test_a_withdrawal_report_links_to_the_deployment_it_ends() -> None:
    sent = deployment("a/deployment/d", start=day("2022-01-06"))
    withdrawn = deployment("b/deployment/d", end=day("2022-01-13"), published="2022-01-14")
    match = compare(sent, withdrawn)
    assert match is not None and "ends-after-start" in match.rules
    before = deployment("c/deployment/d", end=day("2021-06-01"), published="2021-06-02")
    assert compare(sent, before) is None


def test_contingents_of_different_deployments_do_not_link() -> None:
    a = deployment("a/deployment/d", by="Russia", part_of="CSTO", start=day("2022-01-06"))
    b = deployment("b/deployment/d", by="Russia", part_of="NATO", start=day("2022-01-06"))
    assert compare(a, b) is None


def test_reports_of_one_article_never_link() -> None:
    a = deployment("a/deployment/d1", start=day("2022-01-06"))
    b = deployment("a/deployment/d2", start=day("2022-01-06"))
    assert compare(a, b) is None


def test_protests_link_by_place_date_and_cause() -> None:
    a = protest("a/protest/p", start=day("2022-01-05"), causes=("fuel price increase",))
    b = protest("b/protest/p", start=day("2022-01-06"), causes=("rising fuel prices",))
    match = compare(a, b)
    assert match is not None and match.rules == ("same-place", "dates-overlap", "shared-cause")
    other = protest("c/protest/p", start=day("2022-01-06"), causes=("election fraud",))
    assert compare(a, other) is None
    late = protest("d/protest/p", start=day("2022-01-20"), published="2022-01-21")
    assert compare(a, late) is None
    in_places = protest("e/protest/p", at="Kazakhstan", places=("Almaty",), start=day("2022-01-05"))
    assert compare(a, in_places) is not None


def test_undated_reports_are_placed_before_their_publication() -> None:
    a = protest("a/protest/p", published="2022-01-06")
    b = protest("b/protest/p", published="2022-01-08")
    match = compare(a, b)
    assert match is not None and "published-close" in match.rules
    assert compare(a, protest("c/protest/p", published="2022-03-01")) is None


def test_every_report_of_an_event_is_compatible_with_every_other() -> None:
    # a chain a~b~c where a and c are too far apart makes two events, not one
    a = protest("a/protest/p", start=day("2022-01-01"), published="2022-01-02")
    b = protest("b/protest/p", start=day("2022-01-03"), published="2022-01-04")
    c = protest("c/protest/p", start=day("2022-01-05"), published="2022-01-06")
    assert groups(link_reports([c, b, a])) == [["a/protest/p", "b/protest/p"], ["c/protest/p"]]


REVIEW = """\
format: kg-events/1
events:
  - id: almaty-2022
    same:
      - a/protest/p
      - c/protest/p
    by: Ayu Lestari
  - different:
      - a/deployment/d
      - b/deployment/d
"""


def test_reviewed_decisions_win_over_the_rules() -> None:
    a = protest("a/protest/p", start=day("2022-01-05"), causes=("fuel prices",))
    c = protest("c/protest/p", start=day("2022-02-20"), published="2022-02-21")
    d1 = deployment("a/deployment/d", start=day("2022-01-06"))
    d2 = deployment("b/deployment/d", start=day("2022-01-06"))
    assert groups(link_reports([a, c, d1, d2])) == [
        ["a/deployment/d", "b/deployment/d"],
        ["a/protest/p"],
        ["c/protest/p"],
    ]
    decisions = parse_decisions(REVIEW, "facts/events.yaml")
    events = link_reports([a, c, d1, d2], decisions=decisions)
    assert groups(events) == [
        ["a/deployment/d"],
        ["a/protest/p", "c/protest/p"],
        ["b/deployment/d"],
    ]
    merged = next(e for e in events if e.kind == "protest")
    assert merged.iri == "https://example.org/kg/event/almaty-2022"
    assert merged.links[0].rules == ("reviewed",)
    assert merged.links[0].reviewed == "facts/events.yaml:3"
    assert merged.links[0].reason == "reviewed in facts/events.yaml:3 by Ayu Lestari"


def test_an_automatic_report_joins_a_reviewed_event_only_if_it_fits_all_its_reports() -> None:
    a = protest("a/protest/p", start=day("2022-01-05"))
    c = protest("c/protest/p", start=day("2022-02-20"), published="2022-02-21")
    b = protest("b/protest/p", start=day("2022-01-05"))
    events = link_reports([a, b, c], decisions=parse_decisions(REVIEW, "events.yaml"))
    assert groups(events) == [["a/protest/p", "c/protest/p"], ["b/protest/p"]]


def test_no_decisions_is_the_default() -> None:
    assert link_reports([], decisions=Decisions()) == []


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("events: []\n", ":1:1", "format: kg-events/1"),
        (
            "format: kg-events/1\nevents:\n  - same: [a/protest/p]\n    by: x\n    why: y\n",
            ":3:5",
            "unknown key 'why'",
        ),
        (
            "format: kg-events/1\nevents:\n  - same: [a/protest/p]\n    different: [b/protest/p]\n",
            ":3:5",
            "exactly one of",
        ),
        (
            "format: kg-events/1\nevents:\n  - same:\n      - a/protest/p\n      - Almaty riot\n",
            ":5:9",
            "'Almaty riot' is no report id",
        ),
        (
            "format: kg-events/1\nevents:\n  - different: [a/protest/p]\n    id: x\n",
            ":4:9",
            "'id' names a 'same' event",
        ),
    ],
)
def test_review_file_errors_name_file_line_and_fix(text: str, where: str, message: str) -> None:
    from kg.errors import InputError

    with pytest.raises(InputError) as caught:
        parse_decisions(text, "facts/events.yaml")
    assert str(caught.value).startswith(f"facts/events.yaml{where}: ")
    assert message in str(caught.value)


def test_a_place_named_after_a_known_place_lies_in_it() -> None:
    city = deployment(
        "a/deployment/d", by="Polda Metro Jaya", to="Jakarta", start=day("2020-10-20")
    )
    part = deployment(
        "b/deployment/d", by="Polda Metro Jaya", to="Jakarta Pusat", start=day("2020-10-20")
    )
    match = compare(city, part)
    assert match is not None and "same-place" in match.rules
    assert "Jakarta Pusat in Jakarta" in "; ".join(match.reasons)
    assert RESOLVER.place(names=("Jakarta Pusat",)).country == "indonesia"
    other = deployment(
        "c/deployment/d", by="Polda Metro Jaya", to="Surabaya", start=day("2020-10-20")
    )
    assert compare(part, other) is None


def test_compass_regions_of_one_country_are_one_place() -> None:
    east = deployment("a/deployment/d", by="Korea Utara", to="Rusia timur", start=day("2024-10-08"))
    far_east = deployment(
        "b/deployment/d", by="North Korea", to="Russia's Far East", start=day("2024-10-08")
    )
    match = compare(east, far_east)
    assert match is not None and "same-place" in match.rules
    russia = deployment("c/deployment/d", by="North Korea", to="Russia", start=day("2024-10-08"))
    assert compare(east, russia) is not None  # the region lies in the country
    west = deployment(
        "d/deployment/d", by="North Korea", to="western Russia", start=day("2024-10-08")
    )
    assert compare(east, west) is None


def test_indonesian_police_units_match_however_they_are_written() -> None:
    a = deployment("a/deployment/d", by="Polres Pati", to="Pati", start=day("2025-08-13"))
    b = deployment(
        "b/deployment/d", by="Kepolisian Resor Kota Pati", to="Pati", start=day("2025-08-13")
    )
    match = compare(a, b)
    assert match is not None and "police:resor:pati" in match.reasons[0]
    metro = deployment("c/deployment/d", by="Polres Metro Jakarta Pusat", to="Jakarta")
    plain = deployment("d/deployment/d", by="Polres Jakarta Pusat", to="Jakarta")
    assert compare(metro, plain) is not None
    regional = deployment("e/deployment/d", by="Polda Metro Jaya", to="Jakarta")
    assert compare(metro, regional) is None  # a regional command is not its district unit


def test_a_state_and_its_force_are_one_sender() -> None:
    state = deployment("a/deployment/d", by="Bangladesh", to="Dhaka", start=day("2024-07-20"))
    army = deployment(
        "b/deployment/d", by="Bangladesh Army", to="Bangladesh", start=day("2024-07-20")
    )
    match = compare(state, army)
    assert match is not None and match.reasons[0] == "sender Bangladesh Army, a force of Bangladesh"
    indian = deployment("c/deployment/d", by="Indian troops", to="Dhaka", start=day("2024-07-20"))
    assert compare(state, indian) is None
    assert compare(army, indian) is None  # forces are matched to their state, not each other


def test_a_force_named_without_its_country_is_the_home_force() -> None:
    state = deployment("a/deployment/d", by="Pakistan", to="Islamabad", published="2024-11-26")
    army = deployment("b/deployment/d", by="the army", to="Islamabad", start=day("2024-11-26"))
    assert compare(state, army) is not None
    abroad = deployment("c/deployment/d", by="India", to="Islamabad", published="2024-11-26")
    assert compare(abroad, army) is None
    events = link_reports([state, army])
    assert len(events) == 1  # the blocking finds the pair


def test_an_undated_report_links_to_the_withdrawal_that_ends_it() -> None:
    planned = deployment("a/deployment/d", status="planned", published="2022-01-06")
    withdrawn = deployment("b/deployment/d", end=day("2022-01-19"), published="2022-01-13")
    match = compare(planned, withdrawn)
    assert match is not None and "ends-after-start" in match.rules
    assert "undated: 2021-12-07..2022-01-06 before end 2022-01-19" in match.reasons
    later = deployment("c/deployment/d", status="planned", published="2022-03-06")
    assert compare(later, withdrawn) is None


def test_protests_link_through_a_venue_both_name() -> None:
    a = protest("a/protest/p", at="Jakarta", places=("gedung DPR RI",), start=day("2025-03-20"))
    b = protest("b/protest/p", at="Senayan", places=("Gedung DPR RI",), start=day("2025-03-19"))
    match = compare(a, b)
    assert match is not None and match.reasons[0] == "place name:gedung dpr ri"
    abroad = protest(
        "c/protest/p", at="Nairobi", places=("Gedung DPR RI",), start=day("2025-03-19")
    )
    assert compare(a, abroad) is None  # a venue's name does not cross countries


def test_causes_share_short_words_and_plurals() -> None:
    a = protest("a/protest/p", at="Nairobi", start=day("2024-06-25"), causes=("tax hikes",))
    b = protest("b/protest/p", at="Nairobi", start=day("2024-06-25"), causes=("new taxes",))
    match = compare(a, b)
    assert match is not None and match.reasons[-1] == "cause tax"
    c = protest("c/protest/p", at="Nairobi", start=day("2024-06-25"), causes=("the new law",))
    assert compare(a, c) is None  # short function words are not shared causes


def test_an_undated_protest_is_placed_in_the_two_weeks_before_publication() -> None:
    dated = protest("a/protest/p", at="Kazakhstan", start=day("2022-01-02"))
    undated = protest("b/protest/p", at="Kazakhstan", published="2022-01-13")
    assert compare(dated, undated) is not None
    assert compare(dated, protest("c/protest/p", at="Kazakhstan", published="2022-01-20")) is None


def _brute_force(reports: list[Report], decisions: Decisions) -> list[list[tuple[str, ...]]]:
    """Clustering as the rules define it, comparing each report with every earlier event
    (no index): each event's refs and each link's rules, first report first."""
    ordered = sorted({r.ref: r for r in reports}.values(), key=lambda r: r.order)
    by_ref = {r.ref: r for r in ordered}
    apart = {
        frozenset((x, y))
        for d in decisions.different
        for x, _ in d.refs
        for y, _ in d.refs
        if x != y
    }
    clusters: list[list[tuple[Report, tuple[str, ...]]]] = []
    placed: set[str] = set()
    for decision in decisions.same:
        members = [by_ref[ref] for ref, _ in decision.refs if ref in by_ref and ref not in placed]
        if members:
            clusters.append([(m, ("reviewed",)) for m in sorted(members, key=lambda r: r.order)])
            placed.update(m.ref for m in members)
    for report in ordered:
        if report.ref in placed:
            continue
        for cluster in clusters:
            members = [m for m, _ in cluster]
            if members[0].kind != report.kind:
                continue
            if any(frozenset((report.ref, m.ref)) in apart for m in members):
                continue
            matches = [compare(report, m) for m in members]
            if all(matches):
                assert matches[0] is not None
                cluster.append((report, matches[0].rules))
                break
        else:
            clusters.append([(report, ("first-report",))])
    return sorted(
        [[(r.ref, *rules) for r, rules in sorted(c, key=lambda x: x[0].order)] for c in clusters]
    )


def _random_report(rng: random.Random, n: int) -> Report:
    def when() -> tuple[dt.date, dt.date] | None:
        first = D(2022, 1, 1) + dt.timedelta(days=rng.randrange(240))
        width = rng.choice([None, 0, 0, 3, 30, 365])
        return None if width is None else (first, first + dt.timedelta(days=width))

    article = f"a{rng.randrange(n // 2 + 1)}"
    published = rng.choice([None, D(2022, 1, 1) + dt.timedelta(days=rng.randrange(260))])
    place = RESOLVER.place(names=(rng.choice(["Kazakhstan", "Almaty", "Russia", "Moscow"]),))
    if rng.random() < 0.5:
        actor = rng.choice(["CSTO", "Russia", "Russian troops", "the army", "Kazakhstan"])
        return Report(
            ref=f"{article}/deployment/d{n}",
            iri=f"https://example.org/kg/article/{article}/deployment/d{n}",
            kind="deployment",
            article=article,
            published=published,
            actor=RESOLVER.tokens(names=(actor,)),
            actor_name=actor,
            place=place,
            status=rng.choice(["happened", "happened", "planned", "denied"]),
            start=when() if rng.random() < 0.6 else None,
            end=when() if rng.random() < 0.3 else None,
        )
    return Report(
        ref=f"{article}/protest/p{n}",
        iri=f"https://example.org/kg/article/{article}/protest/p{n}",
        kind="protest",
        article=article,
        published=published,
        place=place,
        places=tuple(RESOLVER.place(names=(p,)) for p in rng.sample(["Almaty", "Moscow"], 1)),
        start=when() if rng.random() < 0.6 else None,
        end=when() if rng.random() < 0.2 else None,
        causes=rng.choice([(), ("fuel prices",), ("tax hikes",)]),
    )


@pytest.mark.parametrize("seed", range(6))
def test_the_candidate_index_finds_what_comparing_with_every_event_finds(seed: int) -> None:
    # the index compares a report only with events that share a block key and whose first
    # report's dates come near its own; the result must be that of comparing with all
    rng = random.Random(seed)
    reports = [_random_report(rng, n) for n in range(160)]
    refs = [r.ref for r in reports]
    decisions = Decisions()
    if seed % 2:
        decisions = parse_decisions(
            "format: kg-events/1\nevents:\n"
            f"  - same: [{refs[0]}, {refs[1]}]\n  - different: [{refs[2]}, {refs[3]}]\n",
            Path("events.yaml"),
        )
    found = sorted(
        [(link.report.ref, *link.rules) for link in event.links]
        for event in link_reports(reports, decisions=decisions)
    )
    assert found == _brute_force(reports, decisions)
    assert sum(len(e) > 1 for e in found) >= 5  # the reports do link


def test_a_resolver_given_the_towns_an_earlier_one_used_does_not_load_the_gazetteer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A rebuild's resolver starts from the towns the build cache kept (Resolver.used)."""
    first = Resolver()
    place = first.place(names=("Kisumu",))
    assert place.country == "kenya"
    assert first.used == {"kisumu": "kenya"}

    def no_gazetteer() -> object:
        raise AssertionError("the gazetteer was loaded")

    monkeypatch.setattr("kg.gazetteer.cities", no_gazetteer)
    again = Resolver(towns=first.used)
    assert again.place(names=("Kisumu",)).country == "kenya"
    assert again.used == {"kisumu": "kenya"}
    with pytest.raises(AssertionError, match="gazetteer"):
        Resolver().place(names=("Kisumu",))

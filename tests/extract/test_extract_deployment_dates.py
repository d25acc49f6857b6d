"""Dates and status of the deployment and protest rows kg pairs, each rule on sentences
written for the tests (invented forces, people and places)."""

from __future__ import annotations

from kg.articles import ArticleText
from kg.extract import extract
from kg.facts.model import Facts


def _facts(lang: str, body: str, published: str | None = "2021-06-10") -> Facts:
    meta = {"title": "T", "language": lang}
    if published is not None:
        meta["published"] = published
    return extract(ArticleText(meta, body + "\n"))


# -- start-told-between-its-sentences --------------------------------------------------------


def test_a_day_told_between_the_row_s_sentences_is_its_start() -> None:
    f = _facts(
        "id",
        "Sebanyak 150 personel Brimob Polda Sumatera Barat diberangkatkan ke Papua. "
        "Pengiriman pasukan ini dalam rangka membantu Polda Papua menjaga keamanan. "
        "Proses pemberangkatan ini dilakukan di Bandara Minangkabau, Padang, Selasa (8/6/2021) "
        "pagi. Kapolda mengatakan, pengiriman personel ini dilakukan guna menjaga situasi.",
    )
    (d,) = f.deployments
    assert d.start is not None and d.start.iso == "2021-06-08"


# -- troops-there-since-a-day ------------------------------------------------------------------

_TOLD = (
    "Norwegian troops deployed in Latvia to strengthen the allied presence.\n\n"
    "Latvia lies on the Baltic Sea between Lithuania and Estonia.\n\n"
    "It is the first time Norway has done so.\n\n"
)


def test_troops_there_since_a_day_date_the_row_told() -> None:
    for since in ("as of Saturday", "since Saturday"):
        f = _facts(
            "en",
            _TOLD + f"Norwegian troops have been present in Latvia {since} as part of "
            "the allied eastern force.",
        )
        (d,) = f.deployments
        assert d.start is not None and d.start.iso == "2021-06-05"


def test_troops_there_on_a_day_are_not_there_since_it() -> None:
    f = _facts(
        "en",
        _TOLD + "Norwegian troops in Latvia held an exercise on Saturday as part of "
        "the allied eastern force.",
    )
    (d,) = f.deployments
    assert d.start is None


# -- a-count-after-and-is-another-s, some-of-them-between-commas ------------------------------


def _counts(lang: str, text: str) -> dict[str, str]:
    from kg.extract.lang import resources
    from kg.extract.protests.counts import read_counts

    found = read_counts(text, resources(lang), 0, len(text))
    return {slot: c.quantity.text for slot, c in found.items()}


def test_a_count_after_and_is_another_trigger_s() -> None:
    counts = _counts(
        "en",
        "Curfew was imposed in Norwick, where three people were killed and nearly 80, "
        "including police officers, were injured in clashes.",
    )
    assert counts["deaths"] == "three"
    assert counts["injuries"] == "nearly 80"


def test_some_of_them_between_commas_are_no_gap() -> None:
    counts = _counts(
        "en", "Police said 35 students, including two union leaders, were detained in Norwick."
    )
    assert counts == {"arrests": "35"}
    counts = _counts(
        "id",
        "Sebanyak 40 mahasiswa, termasuk dua ketua organisasi, ditangkap polisi di Kota Mentari.",
    )
    assert counts.get("arrests") == "40"


# -- arrest nouns (arrest_verbs: "the arrest of", "penangkapan terhadap") ----------------------


def test_the_arrest_of_a_count_is_an_arrest_count() -> None:
    counts = _counts(
        "en",
        "The unrest in Norwick has claimed two lives and led to the arrest of at least 60 people.",
    )
    assert counts == {"deaths": "two", "arrests": "at least 60"}
    counts = _counts(
        "id", "Kerusuhan di Kota Mentari berujung pada penangkapan terhadap 45 orang pemuda."
    )
    assert counts.get("arrests") == "45"


# -- a-running-total ---------------------------------------------------------------------------


def test_a_running_total_replaces_a_smaller_count() -> None:
    f = _facts(
        "en",
        "Thousands protested in Norwick on Monday against the fuel price rise. "
        "Police raids continued overnight and 12 more protesters were arrested in Norwick. "
        "With this, 90 people have been arrested so far, a police officer said.",
    )
    (p,) = f.protests
    assert p.arrests is not None and p.arrests.value == 90


def test_a_later_smaller_count_is_not_a_total() -> None:
    f = _facts(
        "en",
        "Thousands protested in Norwick on Monday against the fuel price rise. "
        "Police said 90 protesters were arrested in Norwick. "
        "So far, 12 of them have been released on bail, a police officer said.",
    )
    (p,) = f.protests
    assert p.arrests is not None and p.arrests.value == 90


# -- another-sender-s-day ---------------------------------------------------------------------


def test_what_another_sends_later_tells_no_start() -> None:
    """Rule start-told-on reads the day of a later sentence about the deployment; not one
    in which another sender sends something ("Sementara itu, Inggris mengirim senjata ke
    Ukraina pekan ini")."""
    f = _facts(
        "id",
        "Rusia telah mengerahkan sekitar 100.000 tentara ke dekat Ukraina. Sementara itu, "
        "Inggris mengirim senjata antitank ke Ukraina pekan ini.",
    )
    (d,) = f.deployments
    assert d.start is None
    f = _facts(
        "id",
        "Rusia telah mengerahkan sekitar 100.000 tentara ke dekat Ukraina. Pengiriman itu "
        "dilakukan pada Senin (7/6/2021).",
    )
    assert str(f.deployments[0].start.value) == "2021-06-07"  # type: ignore[union-attr]

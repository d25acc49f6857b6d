"""Absolute and relative dates, resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extract.dates import began_before, find_dates, find_durations, weekday_anchor
from kg.extract.lang import resources
from kg.facts.model import Precision

PUB = dt.date(2021, 6, 10)  # a Thursday


@pytest.mark.parametrize(
    ("text", "lang", "iso", "precision"),
    [
        ("pada 4 Juni 2021", "id", "2021-06-04", Precision.DAY),
        ("Rabu (9/6/2021)", "id", "2021-06-09", Precision.DAY),
        # a part of the day between the weekday and its date: the date, a day ahead
        ("Jumat dini hari (11/6)", "id", "2021-06-11", Precision.DAY),
        ("hari Senin", "id", "2021-06-07", Precision.DAY),
        # "besok" between the weekday and its date: the date, ahead
        ("pada Senin besok (14/6/2021)", "id", "2021-06-14", Precision.DAY),
        ("Senin besok", "id", "2021-06-14", Precision.DAY),
        ("kemarin", "id", "2021-06-09", Precision.DAY),
        ("bulan lalu", "id", "2021-05", Precision.MONTH),
        ("awal Maret 2021", "id", "2021-03", Precision.MONTH),
        ("20 Desember lalu", "id", "2020-12-20", Precision.DAY),
        ("on Tuesday", "en", "2021-06-08", Precision.DAY),
        ("June 2, 2021", "en", "2021-06-02", Precision.DAY),
        ("May 30", "en", "2021-05-30", Precision.DAY),
        ("last year", "en", "2020", Precision.YEAR),
        ("yesterday", "en", "2021-06-09", Precision.DAY),
        ("a withdrawal that began in October", "en", "2020-10", Precision.MONTH),
        ("will arrive in July", "en", "2021-07", Precision.MONTH),
        ("sejak Maret", "id", "2021-03", Precision.MONTH),
        ("sejak Maret 2019", "id", "2019-03", Precision.MONTH),
        ("pada bulan Juli", "id", "2021-07", Precision.MONTH),
        # an end month after the publication's lies ahead; one before it has passed
        ("to be completed by October", "en", "2021-10", Precision.MONTH),
        ("ditarik hingga Desember", "id", "2021-12", Precision.MONTH),
        ("stayed until March", "en", "2021-03", Precision.MONTH),
    ],
)
def test_dates(text: str, lang: str, iso: str, precision: Precision) -> None:
    found = find_dates(text, resources(lang), PUB)
    assert found, text
    assert (found[0].value.iso, found[0].value.precision) == (iso, precision)


@pytest.mark.parametrize(("text", "lang"), [("pekan lalu", "id"), ("last week", "en")])
def test_last_week_has_bounds(text: str, lang: str) -> None:
    d = find_dates(text, resources(lang), PUB)[0].value
    assert d.approximate
    assert (d.earliest, d.latest) == (dt.date(2021, 5, 31), dt.date(2021, 6, 6))


@pytest.mark.parametrize(
    ("text", "lang"),
    [("June Smith said so.", "en"), ("the October Revolution", "en"), ("Operasi Mei", "id")],
)
def test_a_month_alone_is_a_date_only_after_a_time_word(text: str, lang: str) -> None:
    assert find_dates(text, resources(lang), PUB) == []


def test_a_month_alone_spans_the_month_not_the_preposition() -> None:
    text = "It began in October."
    (found,) = find_dates(text, resources("en"), PUB)
    assert text[found.start : found.end].rstrip(".") == "October"


@pytest.mark.parametrize(
    ("text", "lang", "first", "last"),
    [
        ("antara tanggal 8 dan 13 Oktober 2024", "id", "2024-10-08", "2024-10-13"),
        ("pada 12-14 Mei 2023", "id", "2023-05-12", "2023-05-14"),
        ("between 8 and 13 October 2024", "en", "2024-10-08", "2024-10-13"),
    ],
)
def test_a_range_of_days_begins_on_its_first(text: str, lang: str, first: str, last: str) -> None:
    (d,) = find_dates(text, resources(lang), dt.date(2024, 12, 1))
    assert d.value.iso == first and d.value.latest.isoformat() == last


@pytest.mark.parametrize(
    ("text", "lang", "days"),
    [
        ("Unjuk rasa telah berlangsung selama empat hari.", "id", 4),
        ("demonstrasi yang telah terjadi dua belas hari berturut-turut", "id", 12),
        ("Protesters marched for a fourth straight day.", "en", 4),
        ("on the 12th consecutive day of rallies", "en", 12),
    ],
)
def test_durations_in_days(text: str, lang: str, days: int) -> None:
    (d,) = find_durations(text, resources(lang))
    assert d.days == days


def test_what_is_on_its_fourth_day_began_three_days_before() -> None:
    d = began_before(dt.date(2021, 2, 9), 4, "selama empat hari")
    assert d.iso == "2021-02-06" and d.approximate


def test_an_article_without_a_publication_date_is_dated_by_a_weekday_it_states() -> None:
    """ "Jumat (27/12)" with "1 Januari 2025" past the opening: 27 December is a Friday in 2024 only
    (of 2024, 2025, 2026), so the protest began on 2024-12-27; the facts claim no
    publication date."""
    from kg.articles import ArticleText
    from kg.extract import extract

    filler = "Para mahasiswa membawa spanduk dan bergantian berorasi di depan barikade. " * 9
    body = (
        "Ratusan mahasiswa menggelar aksi unjuk rasa di kawasan Patung Kuda, Jakarta Pusat, "
        f"Jumat (27/12).\n\n{filler}\n\nMereka akan bertahan hingga 1 Januari 2025.\n"
    )
    f = extract(ArticleText({"title": "T", "published": "unknown", "language": "id"}, body))
    assert f.article.published is None
    (p,) = f.protests
    assert p.start is not None and p.start.value == dt.date(2024, 12, 27)
    # a weekday that fits no year near the stated ones places nothing
    f = extract(
        ArticleText(
            {"title": "T", "published": "unknown", "language": "id"},
            body.replace("Jumat (27/12)", "Senin (27/12)"),
        )
    )
    assert [p.start for p in f.protests] == [None]


def test_a_weekday_of_a_week_told_and_a_weekday_that_picks_the_year() -> None:
    import datetime as dt

    from kg.extract.dates import find_dates
    from kg.extract.lang import resources

    published = dt.date(2025, 3, 20)  # a Thursday
    lang = resources("id")
    for text, day in (
        ("pada Senin pekan depan.", dt.date(2025, 3, 24)),
        ("pada Jumat pekan lalu.", dt.date(2025, 3, 14)),
        ("Senin (24/3)", dt.date(2025, 3, 24)),  # 24 March 2024 was a Sunday
    ):
        (found,) = find_dates(text, lang, published, 0, len(text))
        assert found.value.value == day, text


@pytest.mark.parametrize(
    ("text", "lang", "first", "last"),
    [
        ("On May 26, 27, and 28, 2021, the capital was calm", "en", "2021-05-26", "2021-05-28"),
        ("from May 3-5, 2021", "en", "2021-05-03", "2021-05-05"),
        ("on May 3 and 4", "en", "2021-05-03", "2021-05-04"),
        ("pada 26, 27, dan 28 Mei 2021", "id", "2021-05-26", "2021-05-28"),
        ("pada 26, 27 dan 28 Mei", "id", "2021-05-26", "2021-05-28"),
    ],
)
def test_a_list_or_range_of_days_begins_on_its_first(
    text: str, lang: str, first: str, last: str
) -> None:
    """ "June 26, 27, and 28, 2025": the days of a list or a range, with the month before
    them or after; the first is the date, the last its latest day."""
    (d,) = find_dates(text, resources(lang), PUB)
    assert (d.value.value.isoformat(), d.value.latest.isoformat()) == (first, last)


def test_an_abbreviated_month_with_a_day_after_since_is_that_day() -> None:
    """ "since Oct. 17": the day, not the month alone (the abbreviation's dot stands between)."""
    (d,) = find_dates("protests since Oct. 17 have spread", resources("en"), PUB)
    assert (d.value.value.isoformat(), d.value.precision) == ("2020-10-17", Precision.DAY)


@pytest.mark.parametrize(
    ("lang", "text", "dates"),
    [
        ("id", "menolak UU Nomor 6 Tahun 2023 tentang Cipta Kerja", []),
        ("id", "menolak Perppu No. 2 Tahun 2022 di Jakarta pada Senin (7/6/2021)", ["2021-06-07"]),
        ("en", "against Law No. 6 of 2020 on job creation", []),
        # a year that no document number closes is still a date
        ("id", "sejak tahun 2019", ["2019"]),
    ],
)
def test_the_year_of_a_law_s_number_is_no_date(lang: str, text: str, dates: list[str]) -> None:
    """Rule a-document-s-number: "UU Nomor 6 Tahun 2023" names a law, not a day in 2023."""
    assert [d.value.iso for d in find_dates(text, resources(lang), PUB)] == dates


def test_a_date_match_starts_at_the_date_not_in_the_spaces_before_it() -> None:
    """Blanked credits leave long runs of spaces; a match that could start on any of them
    was tried at each (a 25 KB text without a publication date took seconds)."""
    text = "Aksi itu digelar di Bandung" + " " * 40 + "(13/1/2022) oleh buruh."
    found = find_dates(text, resources("id"), dt.date(2022, 1, 14))
    assert [d.start for d in found] == [text.index("(")]


def test_a_decade_gives_no_year_to_anchor_a_weekday() -> None:
    """Without a publication date, "Thursday, February 16" is placed only in a year next to
    one the text states; "since the end of the 1990s" states a decade, not 1990 (which put
    the day in 1989)."""
    text = "Clashes broke out Thursday, February 16, as under every regime since the 1990s."
    assert weekday_anchor(text, resources("en")) is None
    assert (
        weekday_anchor("Aksi digelar Jumat (27/12), seperti era 1990-an.", resources("id")) is None
    )


def test_a_header_with_only_the_month_is_an_unknown_day() -> None:
    import pytest

    from kg.articles import ArticleText
    from kg.errors import ArticleError
    from kg.extract import extract

    body = "Chad sent 300 soldiers to Niger on Monday.\n"
    for partial in ("2021-07", "2021"):
        meta = {"title": "T", "published": partial, "language": "en"}
        f = extract(ArticleText(meta, body))
        assert f.article.published is None
        # extracted, and "on Monday" is left unresolved, as with "unknown"
        assert [(d.troops.value if d.troops else None, d.start) for d in f.deployments] == [
            (300, None)
        ]
    with pytest.raises(ArticleError, match="is not a date"):
        extract(ArticleText({"title": "T", "published": "2021-13", "language": "en"}, body))

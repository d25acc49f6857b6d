"""Bylines, photo credits, editors and "Baca juga" links are not entities of the story;
without a 'published' header, the dateline gives the article's date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.articles import ArticleText
from kg.authority import Authority
from kg.cli import cli
from kg.errors import ArticleError
from kg.extract import extract
from kg.extract.lang import resources
from kg.extract.text import layout


def _names(lang: str, body: str, publisher: str = "Warta Harian") -> set[str]:
    meta = {"title": "Judul", "published": "2021-06-10", "language": lang, "publisher": publisher}
    f = extract(ArticleText(meta, body))
    return {n for e in f.entities for n in e.names}


def test_indonesian_metadata() -> None:
    body = (
        "Judul\n\nPolisi berjaga di Bandung, Senin (7/6/2021). (Foto: ANTARA/Rudi Hartono)\n\n"
        "BANDUNG, WARTAHARIAN.COM — Ratusan buruh berunjuk rasa di depan Gedung Sate.\n\n"
        "Baca juga: Presiden Joko Widodo Resmikan Tol Baru\n\n"
        "Pilihan Editor: Partai Hijau Sebut 50 Ribu Massa Datangi Istana\n\n"
        "Penulis: Sinta Dewi | Editor: Anton Wijaya\n"
    )
    names = _names("id", body)
    assert "Gedung Sate" in names
    assert not names & {
        "Rudi Hartono",
        "Joko Widodo",
        "Sinta Dewi",
        "Anton Wijaya",
        "WARTAHARIAN.COM",
        "Partai Hijau Sebut",
        "Partai Hijau",
    }


def test_a_note_that_the_story_ran_elsewhere_is_metadata() -> None:
    """ "Berita ini telah tayang di Kabarkota.com dengan judul: ..." repeats the headline
    under another outlet's name: no place, no deployment."""
    body = (
        "Polisi mengerahkan 500 personel ke Bandung, Senin (7/6/2021).\n\n"
        "Berita ini telah tayang di Kabarkota.com dengan judul: Polda Jabar kerahkan 900 "
        "personel amankan demo\n"
    )
    meta = {"title": "Judul", "published": "2021-06-10", "language": "id"}
    f = extract(ArticleText(meta, body))
    assert not {n for e in f.entities for n in e.names} & {"Kabarkota.com", "Polda Jabar"}
    assert f.deployments == ()


def test_english_metadata() -> None:
    body = (
        "Headline\n\nBy JOHN SMITH\nAssociated Press\n\nLIMA, Peru (AP) — Farmers marched in Lima on Tuesday.\n\n"
        "(Reporting by Ana Gomez; Editing by Paul Reed)\n"
    )
    names = _names("en", body, publisher="Associated Press")
    assert "Lima" in names or "LIMA" in names
    assert not names & {"JOHN SMITH", "Ana Gomez", "Paul Reed", "AP"}


def test_an_author_note_at_the_end_is_metadata() -> None:
    body = (
        "Protesters marched in Lusaka on Monday.\n\n"
        "Grace Phiri is a correspondent for the Copper Courier.\n"
    )
    names = _names("en", body)
    assert "Lusaka" in names
    assert not names & {"Grace Phiri", "Copper Courier"}


def test_a_long_dateline_with_the_publisher_in_parentheses() -> None:
    body = (
        "PORT LOUIS, Mauritius, Jan. 12 (Warta Harian) - Fishermen protested in Port Louis "
        "on Monday.\n"
    )
    names = _names("en", body)
    assert "PORT LOUIS" in names
    assert not names & {"PORT", "LOUIS", "Warta Harian"}


def _published(meta: dict[str, str], body: str) -> dt.date:
    return extract(ArticleText(meta, body)).article.published


@pytest.mark.parametrize(
    ("language", "opening", "date"),
    [
        ("en", "NAIROBI, June 25, 2024 (Daily Ledger) - Kenya sent police to Haiti.", "2024-06-25"),
        ("id", "Kompas dunia | 13 Januari 2022, 16:46 WIB\nPasukan CSTO pulang.", "2022-01-13"),
        ("id", "JAKARTA, KOMPAS - Polri mengirim personel pada Senin (4/3/2024).", "2024-03-04"),
    ],
    ids=["english-dateline", "indonesian-dateline", "first-sentence"],
)
def test_without_a_published_header_the_dateline_gives_the_date(
    language: str, opening: str, date: str
) -> None:
    body = f"Headline\n\n{opening}\n\nThe rest of the story, on Tuesday.\n"
    assert _published({"language": language}, body) == dt.date.fromisoformat(date)


def test_a_date_far_into_the_text_is_not_a_dateline() -> None:
    body = "Headline\n\n" + "Troops stayed in the north. " * 30 + "They left on 3 May 2021.\n"
    assert _published({"language": "en"}, body) is None


@pytest.mark.parametrize("header", ["unknown", "Unknown", ""])
def test_an_unknown_date_extracts_with_relative_dates_unresolved(header: str) -> None:
    body = (
        "Headline\n\nChad sent 300 soldiers to Niger on Tuesday. "
        + "The talks went on. " * 40  # past the opening, where a dateline would be
        + "\n\nNiger sent 200 police officers to Mali on 3 May 2021.\n"
    )
    meta = {"title": "T", "published": header, "language": "en"}
    facts = extract(ArticleText(meta, body))
    assert facts.article.published is None
    starts = {(d.by, d.to): d.start for d in facts.deployments}
    assert starts[("chad", "niger")] is None  # "on Tuesday" of an unknown week
    dated = starts[("niger", "mali")]
    assert dated is not None and dated.value == dt.date(2021, 5, 3)


def test_kg_extract_says_the_date_is_unknown(tmp_path: Path) -> None:
    article = tmp_path / "chad.txt"
    article.write_text(
        "title: T\npublished: unknown\nlanguage: en\n---\nChad sent 300 soldiers to Niger.\n"
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["extract", str(article), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "publication date is unknown; relative dates" in result.output
    assert "published" not in (out / "chad.yaml").read_text().split("review:")[0]
    build = CliRunner().invoke(cli, ["build", str(out), "--out", str(tmp_path / "kg")])
    assert build.exit_code == 0, build.output


def test_a_wrong_published_header_is_an_error_even_with_a_dateline() -> None:
    body = "Headline\n\nNAIROBI, June 25, 2024 - Kenya sent police to Haiti.\n"
    with pytest.raises(ArticleError, match=r"got '2024-13-01'"):
        _published({"language": "en", "published": "2024-13-01"}, body)


def test_kg_extract_says_where_the_date_came_from(tmp_path: Path) -> None:
    article = tmp_path / "kenya.txt"
    article.write_text("Headline\n\nNAIROBI, June 25, 2024 - Kenya sent 400 police officers.\n")
    result = CliRunner().invoke(cli, ["extract", str(article), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert (
        f"note: {tmp_path / 'out' / 'kenya.yaml'}: the article's 'published' header is "
        "missing; its date, 2024-06-25, was taken from the text's opening"
    ) in result.output
    assert "published: '2024-06-25'" in (tmp_path / "out" / "kenya.yaml").read_text()
    # a header that says the date is not known is not called missing
    article.write_text(
        "published: unknown\n---\nHeadline\n\nNAIROBI, June 25, 2024 - Kenya sent police.\n"
    )
    result = CliRunner().invoke(cli, ["extract", str(article), "--out", str(tmp_path / "o2")])
    assert result.exit_code == 0, result.output
    assert "'published' header says 'unknown'; its date, 2024-06-25, was taken" in result.output


def test_an_outlet_after_the_dateline_city_is_not_a_place() -> None:
    body = "JAKARTA, KOMPAS - Ratusan buruh berunjuk rasa di depan Gedung Sate.\n"
    names = _names("id", body, publisher="")
    assert "JAKARTA" in names and "KOMPAS" not in names


def test_a_known_place_or_a_longer_name_after_the_city_stays_a_place() -> None:
    body = "KUPANG, NUSA TENGGARA TIMUR - Nelayan berunjuk rasa di Kupang, Senin.\n"
    assert "NUSA TENGGARA TIMUR" in _names("id", body, publisher="")
    body = "NAIROBI, KENYA - Traders protested in Nairobi on Monday.\n"
    assert "KENYA" in _names("en", body, publisher="")


def test_an_outlet_domain_before_the_dateline_city_is_metadata() -> None:
    body = "jpnn.com - PALEMBANG — Sebanyak 900 personel diterjunkan ke Palembang, Senin.\n"
    f = extract(ArticleText({"title": "T", "published": "2021-06-10", "language": "id"}, body))
    types = {n: e.type.value for e in f.entities for n in e.names}
    assert types["PALEMBANG"] == "Location" and "jpnn.com" not in " ".join(types)


def test_photo_credits_name_no_agency() -> None:
    """ "| Photo Credit: AFP", "/ AP" ending a caption, "(AP Photo)", "Foto: AP/...": the
    agency credits a photo, it is not cited in the story."""
    english = (
        "Soldiers patrol a street in Dhaka on Saturday as the curfew imposed by the "
        "government continues. | Photo Credit: AFP\n"
        "Protesters hold a placard reading 'get out without delay' in front of the base in "
        "Goma. / AP\n"
        "The army patrolled Dhaka on Saturday, officials said.\n"
    )
    assert {"AFP", "AP"}.isdisjoint(_names("en", english))
    indonesian = (
        "Polisi berjaga saat mahasiswa menggelar aksi unjuk rasa di Jalan Merdeka, Senin "
        "(7/6/2021). Foto: ANTARA/Aditia Noviansyah\nPolisi berjaga di Jakarta.\n"
    )
    assert "ANTARA" not in _names("id", indonesian)


def test_a_credit_in_brackets_names_no_one() -> None:
    """Rule a-credit-in-brackets: "(Photo by AFP)", "(Credit: AFP via Getty Images)", "(Photo
    by Ana Ruiz)" credit a photo; neither the agency nor the photographer is an entity of the
    story, and the caption's place still is."""
    body = (
        "Riot police block a road in Lumen City on Sunday. (Photo by AFP)\n"
        "A burned bus near the Lumen City market. (Credit: AFP via Getty Images)\n"
        "Masked protesters run from tear gas in Lumen City. (Photo by Kara Vellin)\n"
        "Police arrested 20 people in Lumen City on Sunday, officials said.\n"
    )
    names = _names("en", body)
    assert "Lumen City" in names
    assert not names & {"AFP", "Kara Vellin", "Getty Images"}, names


def test_an_agency_s_photo_desk_and_its_trailing_credit() -> None:
    """Rule an-agency-s-photo-desk: "ANTARA FOTO/Ana Ruiz" credits a photo as "ANTARA/Ana Ruiz"
    does; rule a-credit-after-a-caption: "... on Monday. — AFP pic", "REUTERS/Ana Ruiz -
    REUTERS", "(AP Photo)" and a lone "REUTERS" after an Indonesian caption credit it too."""
    english = (
        "Protesters march in Lumen City on Monday. — AFP pic\n"
        "Floodwater covers houses in Lumen City, May 1, 2024. REUTERS/Kara Vellin - REUTERS\n"
        "The army sent 300 soldiers to Lumen City on Tuesday, officials said.\n"
    )
    assert {"AFP", "REUTERS"}.isdisjoint(_names("en", english))
    indonesian = (
        "Massa berunjuk rasa di Kota Lumen, Kamis (29/8/2024). ANTARA FOTO/Kara Vellin/tom.\n"
        "Demonstran bereaksi di depan polisi di Kota Lumen, 29 Juli 2024. REUTERS\n"
        "Polisi berjaga di Kota Lumen, Senin. (AP Photo) Foto: AP/\n"
        "Sebanyak 300 personel dikerahkan ke Kota Lumen, kata polisi.\n"
    )
    names = _names("id", indonesian)
    assert "Kota Lumen" in names
    assert not names & {"ANTARA", "REUTERS", "AP", "Kara Vellin"}, names


def test_stamped_teasers_are_metadata() -> None:
    """Rule stamped-teasers: a list of other stories' headlines, each followed by its own
    stamp (weekday, date and time), is no story, however long a headline; one stamp alone
    (the article's own) leaves the line before it be."""
    body = (
        "SORONG, WARTA - Ratusan mahasiswa berunjuk rasa di Sorong, Senin (7/6/2021).\n\n"
        "Populer\n\n"
        "Gara-gara Tertawa di Samping Ustaz Karim, KH Budi Hartono Kehilangan 40 Job Ceramah\n\n"
        "Senin, 27 Januari 2025 | 02:16\n\n"
        "Viral, Kurs Dolar Anjlok ke Rp8.170, Santoso Effect?\n\n"
        "Minggu, 26 Januari 2025 | 10:03\n"
    )
    names = _names("id", body)
    assert "Sorong" in names
    assert not any("Budi" in n or "Karim" in n or "Santoso" in n for n in names), names
    english = (
        "LUMEN CITY - Police fired tear gas at protesters in Lumen City on Monday.\n\n"
        "Most read\n\n"
        "Singer Kara Vellin says she lost forty jobs after laughing at a rally in Port Amsel\n\n"
        "Monday, January 27, 2025 | 02:16\n\n"
        "Markets fall as the dollar slides, says Santoso\n\n"
        "Sunday, January 26, 2025 | 10:03\n"
    )
    names = _names("en", english)
    assert "Lumen City" in names
    assert not any("Vellin" in n or "Amsel" in n for n in names), names


def test_teasers_of_other_stories_cut_short_are_metadata() -> None:
    body = (
        "SORONG, WARTA - Ratusan mahasiswa berunjuk rasa di Sorong, Senin (7/6/2021).\n\n"
        "WARTA, Jakarta - Kementerian Agama memastikan distribusi zakat nasional semakin…\n"
        "WARTA, Medan - Menteri Keuangan Budi Hartono menyampaikan realisasi anggaran…\n"
    )
    names = _names("id", body)
    assert "Sorong" in names
    assert not names & {"Jakarta", "Kementerian Agama", "Medan", "Budi Hartono"}


def test_a_saved_page_s_date_label_is_metadata_before_the_dateline() -> None:
    """Rule a-date-label: " date 2024-05-16 TBILISI, Georgia — ..." is a saved page's date,
    then the dateline, whose town the story is written in."""
    body = (
        " date 2024-05-16 TBILISI, Georgia — Protesters rallied outside the parliament building "
        "on Wednesday.\n"
    )
    lay = layout(body, resources("en"), {"title": "T"}, Authority.load())
    assert [body[s:e] for s, e in lay.dateline_places] == ["TBILISI", "Georgia"]
    assert "date" not in lay.clean and "2024" not in lay.clean


def test_a_clause_before_a_dash_is_no_dateline() -> None:
    """ "Georgian parliament on Tuesday passed the bill - a divisive law ...": lower-case
    words make it a clause, whose names stay."""
    body = (
        "Georgian parliament on Tuesday passed the agents bill - a divisive law that sparked "
        "weeks of protests.\n"
    )
    assert "Georgian parliament" in _names("en", body)


def test_the_publisher_written_as_one_word_opens_no_dateline_place() -> None:
    """ "HARIANINDONESIA, JAKARTA –" from the publisher "HARIAN Indonesia": the outlet, not a
    place."""
    body = "HARIANINDONESIA, JAKARTA – Para prajurit TNI berangkat menuju Lebanon, Senin.\n"
    names = _names("id", body, publisher="HARIAN Indonesia")
    assert "JAKARTA" in names and "HARIANINDONESIA" not in names


def test_a_photo_credit_with_spaces_around_its_slash_names_no_one() -> None:
    """ "EFE / KARA VELLIN", "Reuters/Tomas Berelo": an agency and its photographer credit a
    photo, in either language; neither is an entity of the story, and the caption's place
    still is."""
    for lang, body, place in (
        (
            "en",
            "Protesters gather in Lumen City on Monday. EFE / KARA\nPolice arrested 20.\n",
            "Lumen City",
        ),
        (
            "id",
            "Mahasiswa berdemo di Kota Lumen, Senin. EPA / KARA VELLIN\nPolisi berjaga.\n",
            "Kota Lumen",
        ),
    ):
        f = extract(ArticleText({"title": "T", "published": "2021-06-10", "language": lang}, body))
        names = {n for e in f.entities for n in e.names}
        assert names == {place}, (lang, names)


def test_a_credit_that_opens_a_line_is_a_caption_s_not_a_dateline() -> None:
    """ "AFP/NAME SURNAME - People flee ...": an agency and its photographer open a caption
    whose dash only follows the credit; the credit is no place of the story (a dateline's
    agencies in brackets after its town still are the dateline's)."""
    body = (
        "LUMEN CITY (AFP) - Protesters marched in Lumen City on Monday.\n"
        "AFP/KARA VELLIN - People flee as police arrive in Lumen City on July 11.\n"
    )
    f = extract(ArticleText({"title": "T", "published": "2021-06-10", "language": "en"}, body))
    names = {n for e in f.entities for n in e.names}
    assert not any("VELLIN" in n for n in names), names
    assert {"LUMEN CITY", "Lumen City"} & names

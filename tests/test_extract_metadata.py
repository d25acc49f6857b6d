"""Bylines, photo credits, editors and "Baca juga" links are not entities of the story."""

from __future__ import annotations

from kg.articles import ArticleText
from kg.extract import extract


def _names(lang: str, body: str, publisher: str = "Warta Harian") -> set[str]:
    meta = {"title": "Judul", "published": "2021-06-10", "language": lang, "publisher": publisher}
    f = extract(ArticleText(meta, body))
    return {n for e in f.entities for n in e.names}


def test_indonesian_metadata() -> None:
    body = (
        "Judul\n\nPolisi berjaga di Bandung, Senin (7/6/2021). (Foto: ANTARA/Rudi Hartono)\n\n"
        "BANDUNG, WARTAHARIAN.COM — Ratusan buruh berunjuk rasa di depan Gedung Sate.\n\n"
        "Baca juga: Presiden Joko Widodo Resmikan Tol Baru\n\nPenulis: Sinta Dewi | Editor: Anton Wijaya\n"
    )
    names = _names("id", body)
    assert "Gedung Sate" in names
    assert not names & {
        "Rudi Hartono",
        "Joko Widodo",
        "Sinta Dewi",
        "Anton Wijaya",
        "WARTAHARIAN.COM",
    }


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

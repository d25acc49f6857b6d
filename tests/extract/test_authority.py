"""The authority file and extra authority files."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.authority import Authority, AuthorityEntry
from kg.errors import InputError
from kg.extract.pipeline import load_authority
from kg.facts.model import EntityType


def test_aliases_in_several_languages() -> None:
    auth = Authority.load()
    assert auth.lookup("Amerika Serikat") is auth.lookup("United States")
    assert auth.lookup("Organisasi Perjanjian Keamanan Kolektif") is auth.lookup("CSTO")
    assert auth.lookup("Tiongkok").wikidata == "Q148"  # type: ignore[union-attr]
    assert auth.by_demonym("French").key == "france"  # type: ignore[union-attr]


def test_short_acronyms_match_only_in_capitals() -> None:
    auth = Authority.load()
    assert auth.lookup("AS") is not None and auth.lookup("as") is None


def test_extra_file_adds_entries(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text("entities:\n  - {key: acme, type: Organization, names: [Acme Corp, ACME]}\n")
    auth = Authority.load(extra=[extra])
    entry = auth.lookup("Acme Corp")
    assert entry is not None and entry.type is EntityType.ORGANIZATION


def test_bad_entry_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("entities:\n  - {key: x, type: Planet, names: [X]}\n")
    with pytest.raises(InputError, match="type must be one of"):
        Authority.load(extra=[bad])


def test_a_key_given_twice_in_one_file_is_reported(tmp_path: Path) -> None:
    twice = tmp_path / "twice.yaml"
    twice.write_text(
        "entities:\n  - {key: acme, type: Organization, names: [Acme]}\n"
        "  - {key: acme, type: Organization, names: [ACME Corp]}\n"
    )
    with pytest.raises(InputError, match="entity #2: key 'acme' is also entity #1's"):
        Authority.load(extra=[twice])


def test_the_alliances_the_shipped_file_knows() -> None:
    auth = Authority.load()
    for name in ("NATO", "CSTO", "SADC", "ECOWAS"):
        entry = auth.lookup(name)
        assert entry is not None and entry.kind == "alliance", name


def test_the_gazetteer_adds_every_country_in_every_language() -> None:
    from kg.gazetteer import country_names

    auth = Authority.load()
    assert auth.lookup("Maldives") is None  # not in the file
    auth.add_countries(country_names(("en", "id")))
    maldives = auth.lookup("Maldives")
    assert maldives is not None and auth.lookup("Maladewa") is maldives
    assert maldives.kind == "country" and maldives.key == "maldives"
    russia = auth.lookup("Rusia")
    assert russia is not None and russia.key == "russia" and russia.wikidata == "Q159"
    assert auth.lookup("Russia") is russia  # the file's entry gains names, keeps its key


def test_kg_extract_knows_countries_missing_from_the_file(tmp_path: Path) -> None:
    from kg.articles import ArticleText
    from kg.extract import extract

    meta = {"title": "T", "published": "2024-03-11", "language": "id"}
    facts = extract(ArticleText(meta, "India menarik 25 tentara dari Maladewa pada Senin.\n"))
    places = {e.names[0]: e for e in facts.entities}
    assert places["Maladewa"].authority == "maldives"


def test_a_gazetteer_country_written_with_another_name_in_brackets_is_the_known_one() -> None:
    from kg.extract.pipeline import load_authority

    auth = load_authority()
    entry = auth.country_by_iso("MM")
    assert entry is not None and entry.key == auth.lookup("Myanmar").key


def test_a_shared_short_name_is_the_entry_the_article_names_in_full() -> None:
    from kg.extract.pipeline import load_authority

    auth = load_authority()
    drc = "Uganda sent troops to east Congo. The Democratic Republic of Congo said so."
    assert auth.by_short_name("Congo", drc).key == "dr_congo"
    assert auth.by_short_name("Congo", "Troops went to Congo.") is None
    both = "Congo-Kinshasa and the Republic of the Congo met in Congo."
    assert auth.by_short_name("Congo", both) is None


def test_the_gazetteer_knows_first_level_regions_of_their_country() -> None:
    from kg.extract.pipeline import load_authority
    from kg.gazetteer import regions

    found = regions()
    assert "Jawa Timur" in found["ID"] and "Cabo Delgado" in found["MZ"]
    assert "Arizona" in found["US"] and "Ituri" in found["CD"]
    assert not any("Central" in names for names in found.values())  # several countries'
    auth = load_authority()
    entry = auth.lookup("Cabo Delgado")
    assert entry is not None and entry.kind == "region" and entry.country == "mozambique"
    georgia = auth.lookup("Georgia")
    assert georgia is not None and georgia.kind == "country"  # the state stays the country's
    assert auth.lookup("North") is None  # a direction is a word first


def test_a_region_keeps_the_names_it_begins_and_ends() -> None:
    from kg.articles import ArticleText
    from kg.extract import extract

    f = extract(
        ArticleText(
            {"title": "T", "published": "2024-03-02", "language": "id"},
            "Demo mahasiswa di depan Gedung DPRD Jawa Timur, Surabaya, Jumat (1/3/2024), "
            "berakhir ricuh. Polisi dikirim ke Nduga, Papua Pegunungan.\n",
        )
    )
    names = {n for e in f.entities for n in e.names}
    assert {"Gedung DPRD Jawa Timur", "Surabaya", "Papua Pegunungan"} <= names
    (p,) = f.protests
    assert f.entity(p.location).names[0] == "Surabaya"


def test_guinea_bissau_is_known_without_its_hyphen() -> None:
    """ "Guinea Bissau", as outlets also write it, is Guinea-Bissau, not Guinea."""
    entry = Authority.load().lookup("Guinea Bissau")
    assert entry is not None and entry.key == "guinea_bissau"


def test_a_person_is_found_by_the_first_word_of_a_longer_name() -> None:
    auth = Authority()
    auth.add(AuthorityEntry("prabowo_subianto", EntityType.PERSON, ("Prabowo Subianto",)))
    auth.add(AuthorityEntry("jakarta", EntityType.LOCATION, ("Jakarta Raya",)))
    found = auth.person_by_first_word("PRABOWO")
    assert found is not None and found.key == "prabowo_subianto"
    assert auth.person_by_first_word("Jakarta") is None  # a place, not a person
    assert auth.person_by_first_word("Subianto") is None  # the last word is not the first


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Libanon", "lebanon"),
        ("Yaman", "yemen"),
        ("Srilanka", "sri_lanka"),
        ("Chili", "chile"),
        ("Hungaria", "hungary"),
        ("Nikaragua", "nicaragua"),
        ("Hongkong", "hong_kong"),
    ],
)
def test_indonesian_spellings_that_cldr_lacks(name: str, key: str) -> None:
    """Indonesian news spells these places so; CLDR's Indonesian names differ."""
    entry = Authority.load().lookup(name)
    assert entry is not None and entry.key == key


def test_cldr_typography_finds_the_authority_s_country() -> None:
    """Rule a-country-as-the-news-writes-it: "Congo - Kinshasa", "Bosnia & Herzegovina",
    "Côte d’Ivoire" are the file's countries, not second entries of their own."""
    auth = Authority.load()
    auth.add_countries(
        {
            "CD": ("Congo - Kinshasa",),
            "BA": ("Bosnia & Herzegovina",),
            "CI": ("Côte d’Ivoire",),
            "PS": ("Palestinian Territories",),
        }
    )
    keys = {iso: auth.country_by_iso(iso).key for iso in ("CD", "BA", "CI", "PS")}  # type: ignore[union-attr]
    assert keys == {"CD": "dr_congo", "BA": "bosnia", "CI": "ivory_coast", "PS": "palestine"}


def test_the_authority_s_towns_lie_in_the_gazetteer_s_country() -> None:
    """A town the authority file lists without its country ("Almaty") gets the gazetteer's
    (Kazakhstan); a capital keeps its own tie, and a country gets none."""
    authority = load_authority()
    almaty = authority.lookup("Almaty")
    assert almaty is not None and almaty.country == "kazakhstan"
    astana = authority.lookup("Astana")
    assert astana is not None and astana.capital_of == "kazakhstan"
    kazakhstan = authority.lookup("Kazakhstan")
    assert kazakhstan is not None and kazakhstan.country is None

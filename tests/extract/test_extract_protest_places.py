"""Where a protest is (codebook: the most specific place that holds every site of it), on
sentences written for the tests."""

from __future__ import annotations

import pytest

from kg.articles import ArticleText
from kg.extract import extract
from kg.facts.model import Facts


def _facts(lang: str, body: str, published: str = "2021-06-10") -> Facts:
    meta = {"title": "T", "published": published, "language": lang}
    return extract(ArticleText(meta, body))


def _locations(facts: Facts) -> list[str]:
    return [facts.entity(p.location).names[0] for p in facts.protests if p.location]


@pytest.mark.parametrize(
    ("lang", "body", "town"),
    [
        (
            "en",
            "Thousands of protesters marched to Marrow House in Velmora on Tuesday, demanding "
            "new elections.\n",
            "Velmora",
        ),
        (
            "en",
            "Protesters stormed the Amber Zone in Corvia on Tuesday as police fired tear gas.\n",
            "Corvia",
        ),
        (
            "en",
            "Police said 30 demonstrators were arrested in Lisbon on Tuesday. The protest at "
            "Corven House was dispersed at dawn on Wednesday.\n",
            "Lisbon",
        ),
        (
            "id",
            "BAGHDAD - Ribuan demonstran berunjuk rasa di Zona Hijau pada Selasa (8/6/2021) "
            "untuk menuntut pemilu baru.\n",
            "BAGHDAD",
        ),
    ],
)
def test_a_house_a_zone_an_intersection_are_sites_in_their_town(
    lang: str, body: str, town: str
) -> None:
    """Rule a-house-a-zone-an-intersection-are-sites: "Government House", "the Green Zone",
    "Ratchaprasong intersection" are sites (site_words), so a protest there is in the town
    that holds them, not at the site itself."""
    assert set(_locations(_facts(lang, body))) == {town}


def test_a_protest_in_a_suburb_is_the_town_s() -> None:
    """Rule the-town-of-its-suburb: "the Lisbon suburb of Corvale" is a part of Lisbon, so
    a protest there, and one told later at "Corvale" alone, is Lisbon's."""
    body = (
        "Hundreds of protesters marched on Tuesday in the eastern Lisbon suburb of Corvale, "
        "demanding lower rents.\n"
    )
    assert _locations(_facts("en", body)) == ["Lisbon"]
    body = (
        "Police fired tear gas at demonstrators on Tuesday in the Nairobi neighbourhood of "
        "Tambala.\n\nWitnesses at Tuesday's Tambala protest said the crowd chanted for an "
        "hour.\n"
    )
    assert _locations(_facts("en", body)) == ["Nairobi"]


def test_a_district_of_a_country_is_no_part_of_a_town() -> None:
    """Rule the-town-of-its-suburb holds only for a town before the part noun."""
    body = "A protest broke out on Tuesday in the Kenyan district of Tambala.\n"
    assert _locations(_facts("en", body)) == ["Tambala"]


@pytest.mark.parametrize(
    ("lang", "body", "town"),
    [
        (
            "en",
            "After two nights of rioting that injured 20 officers, the police said "
            "reinforcements would be requested from Norway and Denmark on Tuesday.\n\n"
            "The unrest in Bergen began after a video was shared online.\n",
            "Bergen",
        ),
        (
            "id",
            "Setelah dua malam kerusuhan yang melukai 20 polisi, polisi meminta tambahan "
            "personel dari Bandung dan Bogor pada Selasa (8/6/2021).\n\n"
            "Kerusuhan di Cirebon bermula dari sebuah video.\n",
            "Cirebon",
        ),
    ],
)
def test_the_places_others_come_from_hold_no_protest(lang: str, body: str, town: str) -> None:
    """Rule where-others-come-from: places after "from"/"dari" in a protest sentence
    (and those listed with them) say whence officers or help come, not where the protest
    is; the town the article places it in holds it."""
    assert _locations(_facts(lang, body)) == [town]


def test_a_protest_that_spread_from_a_town_keeps_it() -> None:
    """Rule where-others-come-from leaves a spread ("spread from Lisbon to Porto") alone."""
    body = "Protests that began in Lisbon on Tuesday spread from Lisbon to Porto and Braga.\n"
    assert _locations(_facts("en", body)) == ["Portugal"]


def test_a_protest_told_in_a_part_of_the_dateline_town_goes_on_there() -> None:
    """Rule a-part-of-the-dateline-town: after a protest placed in a part of the
    dateline's town ("Jakarta Pusat" under "JAKARTA"), a sentence of it that names no place
    tells more of that protest, not of another one in the town."""
    body = (
        "JAKARTA - Ribuan buruh berunjuk rasa di depan Gedung Sate Baru, Jakarta Pusat, "
        "Kamis (5/6/2025). Polisi menangkap 40 orang dalam kericuhan yang pecah pada malam "
        "hari.\n"
    )
    f = _facts("id", body, published="2025-06-06")
    assert _locations(f) == ["Jakarta Pusat"]
    assert f.protests[0].arrests is not None and f.protests[0].arrests.value == 40


def test_students_occupying_a_compound_protest() -> None:
    """ "menduduki kompleks Gedung X": an occupation is a protest, as "menduduki gedung" is."""
    body = "Ribuan mahasiswa menduduki kompleks Gedung Dewan di Kota Malang, Senin (4/5/2025).\n"
    f = _facts("id", body, published="2025-05-05")
    assert _locations(f) == ["Kota Malang"]


def test_a_clash_between_residents_written_as_one_word_is_a_protest() -> None:
    """ "Bentrokan antarwarga" (as "communal clashes" in English): a clash between
    residents, villages or hamlets is a protest row, as "bentrokan antara warga" is."""
    body = "Bentrokan antarwarga pecah di Kota Tual, Maluku, Senin (4/3/2024) malam.\n"
    f = _facts("id", body, published="2024-03-05")
    assert _locations(f) == ["Kota Tual"]


def test_the_place_and_day_of_what_set_a_protest_off_are_not_its_own() -> None:
    """Rule what-set-it-off (new key ``trigger_cues``): "The protests, sparked by alleged
    racist abuse of students in the city of Surabaya on Aug. 17, ..." happened in Papua,
    told before; Surabaya and Aug. 17 are the abuse's."""
    body = (
        "Protests broke out in Jayapura on Monday. The protests, sparked by alleged racist "
        "abuse of students in the city of Surabaya on Aug. 17, have left two people dead.\n"
    )
    f = _facts("en", body, published="2019-09-02")
    assert _locations(f) == ["Jayapura"]
    assert str(f.protests[0].start.value) == "2019-09-02"  # type: ignore[union-attr]


def test_a_place_someone_went_to_before_the_protest_noun_is_not_its_place() -> None:
    """Rule a-place-gone-to: "melarikan diri ke India pada Senin setelah berminggu-minggu
    unjuk rasa": where the prime minister fled is no place of the protests."""
    body = (
        "Perdana Menteri Bangladesh Sheikh Hasina melarikan diri ke India pada Senin (5/8/2024) "
        "setelah berminggu-minggu unjuk rasa yang menewaskan sekitar 300 orang.\n"
    )
    f = _facts("id", body, published="2024-08-06")
    assert "India" not in _locations(f)


def test_where_protesters_came_from_is_not_where_they_marched() -> None:
    """Rule where-protesters-come-from, after them: "protesters from Peru's southern Andes
    marched in the capital, Lima": Lima; "protests spread from Maputo to Beira and Nampula"
    is still a wave, its towns no origin of protesters."""
    body = (
        "Thousands of protesters from Peru's southern Andes marched in the capital, Lima, on "
        "Thursday.\n"
    )
    assert _locations(_facts("en", body, published="2023-01-20")) == ["Lima"]
    body = "Protests over the disputed election spread from Maputo to Beira and Nampula.\n"
    assert _locations(_facts("en", body)) == ["Mozambique"]


def test_where_someone_went_is_no_protest_place() -> None:
    """Rule where-someone-went: "resigned ... after weeks of protests over a disputed
    election and flew to Mexico": where the president went, not where the protests were
    (they had been put in Mexico)."""
    f = _facts(
        "en",
        "Thousands rallied in Velmora on Monday. President Tomas Ordel resigned on Sunday "
        "after weeks of protests over a disputed election and flew to Mexico.\n",
    )
    assert "Mexico" not in _locations(f)
    # nor is the verb of going a cause listed after the election
    assert all("flew" not in c for p in f.protests for c in p.causes)


def test_clashes_with_security_forces_are_a_protest() -> None:
    """ "Supporters of the ousted president clashed with security forces in La Paz": a
    riot, as "clashed with police" is."""
    f = _facts("en", "Supporters of the ousted president clashed with security forces in La Paz.\n")
    assert _locations(f) == ["La Paz"]
    f = _facts("id", "Pendukung presiden bentrok dengan aparat keamanan di La Paz, Senin.\n")
    assert _locations(f) == ["La Paz"]


def test_a_law_s_day_and_its_parliament_are_not_the_protest_s() -> None:
    """Rule the-day-of-what-is-protested: "against the jobs law, which parliament passed on
    Monday" and "menolak UU Cipta Kerja yang disahkan DPR pada Senin" date the law, not
    the protest; and rule a-state-s-seat-is-in-its-capital does not read the parliament of
    that clause, nor of a wave that "spread across" the country."""
    f = _facts(
        "en",
        "Protests against the jobs law, which parliament passed on Monday, spread across "
        "Indonesia. Rallies were held in Jakarta, Bandung and Medan on Thursday.\n",
        published="2020-10-09",
    )
    assert [
        (f.entity(p.location).names[0], str(p.start.value) if p.start else None) for p in f.protests
    ] == [("Indonesia", "2020-10-08")]
    f = _facts(
        "id",
        "Gelombang unjuk rasa menolak UU Cipta Kerja yang disahkan DPR pada Senin (5/10/2020) "
        "meluas ke berbagai daerah. Aksi berlangsung di Jakarta, Bandung dan Medan pada Kamis "
        "(8/10/2020).\n",
        published="2020-10-09",
    )
    assert [str(p.start.value) if p.start else None for p in f.protests] == ["2020-10-08"]


def test_the_capital_by_its_noun_is_the_capital_the_article_names() -> None:
    """Rule the-capital-by-its-noun: "mengamankan aksi di Ibu Kota" is Jakarta, the capital
    the article names; with no capital named it stays a name of its own."""
    f = _facts(
        "id",
        "Polisi menangkap 50 orang di Jakarta. Sebanyak 18.000 personel gabungan TNI-Polri "
        "dikerahkan untuk mengamankan aksi di Ibu Kota.\n",
    )
    (d,) = f.deployments
    assert f.entity(d.to).names == ("Jakarta", "Ibu Kota")
    f = _facts(
        "id",
        "Polisi menangkap 50 orang di Bandung. Sebanyak 18.000 personel gabungan TNI-Polri "
        "dikerahkan untuk mengamankan aksi di Ibu Kota.\n",
    )
    assert all("Bandung" not in e.names or "Ibu Kota" not in e.names for e in f.entities)


def test_where_some_protesters_come_from_is_no_protest_place() -> None:
    """Rule where-protesters-come-from, in an aside: "Protesters, many from the neighbouring
    island of Malaita, set fire to ..." come from Malaita; and rule
    the-known-town-told-first: the riot told in Honiara before is the protest, the unknown
    "Chinatown district" of the later sentence a part of it."""
    f = _facts(
        "en",
        "Rioters torched buildings in the capital Honiara for a second day. Protesters, many "
        "from the neighbouring island of Malaita, set fire to shops in the Chinatown district "
        "on Wednesday, police said.\n",
        published="2021-11-25",
    )
    assert _locations(f) == ["Honiara"]


def test_a_site_is_in_the_area_of_the_force_of_its_sentence() -> None:
    """Rule a-site-in-the-area-of-the-force: "aparat yang dikerahkan Polda Metro Jaya untuk
    mengamankan aksi di Patung Kuda": the site (no town named) is in Jakarta, the area the
    regional force serves."""
    f = _facts(
        "id",
        "Jumlah aparat yang dikerahkan Polda Metro Jaya untuk mengamankan aksi di Patung Kuda "
        "mencapai 3.000 personel, Kamis (6/1/2022).\n",
        published="2022-01-07",
    )
    assert _locations(f) == ["Jakarta"]


def test_a_protest_told_in_a_relative_clause_is_the_one_told_before() -> None:
    """Rule a-protest-told-in-a-relative-clause: "Bandara kota itu, yang sempat diduduki
    pengunjuk rasa, kembali beroperasi pada Kamis" is no protest of Thursday's: the one told
    before, in a clause about the airport."""
    f = _facts(
        "id",
        "Gelombang unjuk rasa bermula pada 2 Januari di wilayah barat Kazakhstan. Bandara "
        "Almaty, yang sempat diduduki pengunjuk rasa, kembali beroperasi pada Kamis (13/1/2022).\n",
        published="2022-01-14",
    )
    assert [(f.entity(p.location).names[0], str(p.start.value)) for p in f.protests if p.start] == [
        ("Kazakhstan", "2022-01-02")
    ]


def test_the_wave_s_other_towns_are_the_wave() -> None:
    """Rule the-wave-s-other-towns: "protests across Argentina ... Similar rallies were held
    in Cordoba, Rosario and Mendoza" that day are the wave's towns, not three protests of
    their own; after one town's rally, similar ones in other towns are each their own."""
    f = _facts(
        "en",
        "Unions staged a general strike on Wednesday, and more than a million people joined "
        "protests across Argentina. Similar rallies were held in Cordoba, Rosario and "
        "Mendoza.\n",
        published="2024-01-24",
    )
    assert _locations(f) == ["Argentina"]
    f = _facts(
        "en",
        "Thousands rallied in Buenos Aires on Wednesday. Similar rallies were held in "
        "Cordoba, Rosario and Mendoza.\n",
        published="2024-01-24",
    )
    assert len(f.protests) == 4

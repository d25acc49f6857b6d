"""Entity names and types, in both languages, on sentences written for the tests."""

from __future__ import annotations

import pytest

from kg.articles import ArticleText
from kg.authority import Authority
from kg.extract import extract
from kg.extract.entities import Draft, Entities, Mention
from kg.facts.model import EntityType, Facts
from kg.gazetteer import cities


def _facts(lang: str, body: str) -> Facts:
    meta = {"title": "T", "published": "2021-06-10", "language": lang}
    return extract(ArticleText(meta, body + "\n"))


def _types(lang: str, body: str) -> dict[str, EntityType]:
    return {n: e.type for e in _facts(lang, body).entities for n in e.names}


def test_place_nouns_make_places() -> None:
    types = _types(
        "en", "Rebels seized the northern town of Kumbo, while Bafut, a village nearby, was calm."
    )
    assert types["Kumbo"] is EntityType.LOCATION and types["Bafut"] is EntityType.LOCATION
    types = _types("id", "Banjir melanda Sukamaju, sebuah desa di lereng gunung itu, pada Senin.")
    assert types["Sukamaju"] is EntityType.LOCATION


def test_adjectives_and_demonyms_are_not_names() -> None:
    types = _types(
        "en", "Hezbollah-linked fighters and a West African force met the Southeast Asian envoys."
    )
    assert types.get("Hezbollah") is EntityType.ORGANIZATION
    assert "West African" not in types and "Hezbollah-linked" not in types


def test_acronym_after_title_and_initials() -> None:
    types = _types("id", "Ketua KPU Budi Santoso bertemu dengan Duta Besar Kenya A.B. Otieno.")
    assert types["KPU"] is EntityType.ORGANIZATION
    assert types["Budi Santoso"] is EntityType.PERSON
    assert types["A.B. Otieno"] is EntityType.PERSON


def test_currency_country_is_not_an_entity() -> None:
    types = _types("id", "Harga naik hingga Rp 15.000 per dolar AS di pasar Bandung.")
    assert "AS" not in types


def test_name_with_acronym_stays_whole() -> None:
    types = _types("en", "The Multinational Task Force of Lake Chad (MTFLC) reached Niamey.")
    assert types["Multinational Task Force of Lake Chad"] is EntityType.ORGANIZATION


def test_group_nouns_make_organizations() -> None:
    types = _types(
        "en",
        "Several armed groups, including Jund Sahel, attacked the convoy. Harakat Nour, a rebel "
        "group, denied any role, and the Kata Rimal group said nothing.",
    )
    assert types["Jund Sahel"] is EntityType.ORGANIZATION
    assert types["Harakat Nour"] is EntityType.ORGANIZATION
    assert types["Kata Rimal group"] is EntityType.ORGANIZATION  # names keep their head
    types = _types("id", "Kelompok militan Jund Sahel menyerang konvoi itu pada Senin.")
    assert types["Jund Sahel"] is EntityType.ORGANIZATION
    types = _types("id", "Beberapa milisi, termasuk Harakat Nour, menguasai jalan itu.")
    assert types["Harakat Nour"] is EntityType.ORGANIZATION


def test_a_capitalised_preposition_begins_a_place_name() -> None:
    types = _types("en", "Gunmen seized an oil field at In Salah in southern Algeria on Monday.")
    assert types["In Salah"] is EntityType.LOCATION
    types = _types("en", "In Paris, police arrested 20 people.")
    assert "In Paris" not in types and types["Paris"] is EntityType.LOCATION


def test_a_long_run_of_capitalised_words_is_cut_in_one_pass() -> None:
    # 2,000 words in one run: looking up every stretch of it would never end
    types = _types("en", "Delegates of " + "Alpha Beta Gamma Delta " * 500 + "arrived in Mali.")
    assert types == {"Mali": EntityType.LOCATION}


def test_a_repeated_article_gives_the_facts_of_one() -> None:
    meta = {"title": "T", "published": "2021-06-10", "language": "en"}
    body = (
        "LONDON (Reuters) - France has pledged about 2,000 troops to Mali, Foreign Minister "
        "Laurent Fabius said on Monday.\n\nProtests began on March 3 in Bamako over rising "
        "fuel prices. Police said more than 40 people were arrested.\n\n"
    )
    one, many = extract(ArticleText(meta, body)), extract(ArticleText(meta, body * 50))
    assert [(e.id, e.type, e.names) for e in many.entities] == [
        (e.id, e.type, e.names) for e in one.entities
    ]
    assert [(d.by, d.to) for d in many.deployments] == [("france", "mali")]
    assert [(r.person, r.role, r.of) for r in many.roles] == [
        (r.person, r.role, r.of) for r in one.roles
    ]
    assert len(many.protests) == len(one.protests) == 1


def test_laws_treaties_and_operations_are_not_entities() -> None:
    types = _types(
        "id",
        "Para petani menolak Undang-Undang Pertanahan Baru dan memprotes Operasi Tertib "
        "Kota di Bandung.",
    )
    assert "Bandung" in types
    assert not any(name.startswith(("Undang-Undang", "Operasi")) for name in types)
    types = _types("en", "Farmers in Lusaka rejected the Land Reform Act and the Harare Accords.")
    assert "Lusaka" in types
    assert not any(name.endswith(("Act", "Accords")) for name in types)


def test_the_body_of_a_title_before_a_rank_is_no_person() -> None:
    types = _types(
        "id", "Kapolres Tanjung Mas AKBP Hendra Wijaya mengatakan situasi sudah kondusif."
    )
    assert types["Hendra Wijaya"] is EntityType.PERSON
    assert types["Polres Tanjung Mas"] is EntityType.ORGANIZATION


def test_a_title_names_the_body_it_heads() -> None:
    """Rule title-body: "Wakapolda Lembayung" is the deputy chief of Polda Lembayung,
    whatever follows the place."""
    types = _types("id", "Wakapolda Lembayung juga berharap situasi tetap kondusif.")
    assert types == {"Polda Lembayung": EntityType.ORGANIZATION}


def test_places_joined_after_a_place_noun() -> None:
    types = _types("en", "Farmers blocked roads in the provinces of Velmor and Tarrash on Monday.")
    assert types["Velmor"] is EntityType.LOCATION and types["Tarrash"] is EntityType.LOCATION


def test_a_province_noun_after_the_name() -> None:
    types = _types("en", "Fighting spread in Mozambique's Niassa province on Sunday.")
    assert types["Niassa province"] is EntityType.LOCATION  # the head stays with the name


def test_names_keep_their_head_nouns() -> None:
    types = _types(
        "en",
        "The Russian Defence Ministry said the Nur Otan party and Almaty police met. "
        "The Georgian parliament passed the law.",
    )
    assert types["Russian Defence Ministry"] is EntityType.ORGANIZATION
    assert types["Nur Otan party"] is EntityType.ORGANIZATION
    assert types["Almaty police"] is EntityType.ORGANIZATION
    assert types["Georgian parliament"] is EntityType.ORGANIZATION
    types = _types("id", "Warga berkumpul di gedung DPR dan di wilayah Mangystau, kata polisi.")
    assert types["gedung DPR"] is EntityType.LOCATION
    assert types["wilayah Mangystau"] is EntityType.LOCATION


def test_a_place_keeps_its_lower_case_head() -> None:
    """Names keep their head word ("Roraima state", "Sirsa town", "Epworth township"), as
    the codebook's "Cabo Delgado province" does; not a country ("Iran state television"),
    nor a head that another place's "of" follows ("the West Bank city of Hebron")."""
    types = _types(
        "en",
        "Brazil sent 200 soldiers to Roraima state. Protesters gathered in Sirsa town and in "
        "Epworth township. Iran state television said clashes broke out in the West Bank city "
        "of Hebron.",
    )
    for name in ("Roraima state", "Sirsa town", "Epworth township", "Iran", "West Bank", "Hebron"):
        assert types[name] is EntityType.LOCATION
    assert "Iran state" not in types and "West Bank city" not in types


def test_an_acronym_of_a_common_noun_is_no_entity() -> None:
    types = _types(
        "id", "Harga bahan bakar minyak (BBM) naik, kata Badan Pusat Statistik (BPS) di Medan."
    )
    assert "BBM" not in types
    assert types["BPS"] is EntityType.ORGANIZATION


def test_a_place_ending_in_a_direction_is_cut_from_the_name_after_it() -> None:
    types = _types("id", "Gubernur Jawa Barat Ridwan Salim meninjau banjir di Bekasi.")
    assert types["Jawa Barat"] is EntityType.LOCATION
    assert types["Ridwan Salim"] is EntityType.PERSON


def test_a_republic_of_somewhere_is_a_place() -> None:
    types = _types("en", "Troops entered the Federal Republic of Velmoria on Monday.")
    assert types["Federal Republic of Velmoria"] is EntityType.LOCATION


def test_a_time_zone_is_no_organization() -> None:
    types = _types("id", "Aksi di Kendal berlangsung sejak pukul 08.00 WIB hingga siang.")
    assert "WIB" not in types


def test_a_place_name_may_end_in_two_direction_words() -> None:
    types = _types("id", "Gubernur Nusa Tenggara Timur Viktor Laiskodat tiba di Kupang, Senin.")
    assert types["Nusa Tenggara Timur"] is EntityType.LOCATION
    assert types["Viktor Laiskodat"] is EntityType.PERSON
    assert "Timur" not in types and "Nusa Tenggara" not in types


def test_indonesian_unit_and_division_names_are_organizations() -> None:
    types = _types(
        "id",
        "Polri mengirim 300 personel Brigade Mobil (Brimob) ke Nduga, kata Kepala Divisi Humas "
        "Polri Sandi Nugroho. Batalyon Infanteri 751 ikut berjaga.",
    )
    assert types["Brigade Mobil"] is EntityType.ORGANIZATION
    assert types["Divisi Humas Polri"] is EntityType.ORGANIZATION
    assert types["Batalyon Infanteri 751"] is EntityType.ORGANIZATION
    assert types["Sandi Nugroho"] is EntityType.PERSON


def test_roman_numbered_units_are_not_photo_credits() -> None:
    types = _types("id", "Kodam XIV/Hasanuddin mengerahkan 500 prajurit ke Makassar, Jumat.")
    assert types["Kodam XIV/Hasanuddin"] is EntityType.ORGANIZATION
    types = _types(
        "id", "Polisi berjaga di Bandung. ANTARA/Rudi Hartono\n\nBuruh berdemo di Bandung."
    )
    assert "Rudi Hartono" not in types


def test_a_sentence_opening_adverb_is_not_part_of_a_name() -> None:
    types = _types("id", "Kemarin Kodam Jaya/Jayakarta mengerahkan 300 prajurit ke Bekasi.")
    assert types["Kodam Jaya/Jayakarta"] is EntityType.ORGANIZATION
    types = _types("en", "Yesterday Mwangi Kiunjuri said police would stay in Lamu.")
    assert types["Mwangi Kiunjuri"] is EntityType.PERSON


def test_a_force_named_by_its_demonym_is_an_organization() -> None:
    types = _types("en", "The troops flew in aboard Indian air force planes to Jaffna on Friday.")
    assert types["Indian air force"] is EntityType.ORGANIZATION
    f = _facts("en", "Russian army units arrived in Minsk on Friday.")
    assert {n for e in f.entities for n in e.names} >= {"Russian army", "Russia"}
    (d,) = f.deployments
    assert f.entity(d.by).authority == "russia"  # the sender is still the country


def test_an_organization_of_a_country_keeps_its_whole_name() -> None:
    types = _types("en", "Police arrested 200 people, according to the Law Society of Kenya.")
    assert types["Law Society of Kenya"] is EntityType.ORGANIZATION
    types = _types("en", "Troops from the Democratic Republic of the Congo (DRC) arrived.")
    assert types["Democratic Republic of the Congo"] is EntityType.LOCATION
    assert types["DRC"] is EntityType.LOCATION  # the same entity, by its acronym


def test_every_place_of_a_list_is_a_place() -> None:
    types = _types("en", "Kenyans protested in Nairobi, Mombasa and Kisumu on Thursday.")
    assert all(types[n] is EntityType.LOCATION for n in ("Nairobi", "Mombasa", "Kisumu"))
    types = _types("id", "Buruh berunjuk rasa di Bandung, Cimahi dan Garut pada Senin.")
    assert all(types[n] is EntityType.LOCATION for n in ("Bandung", "Cimahi", "Garut"))


def test_an_acronym_after_a_country_names_the_force_not_the_country() -> None:
    f = _facts(
        "id",
        "TNI mengirim 1.090 prajurit ke Lebanon untuk bergabung dengan Pasukan Sementara PBB "
        "di Lebanon (UNIFIL), Senin. Pasukan dari Republik Demokratik Kongo (RDK) juga tiba.",
    )
    names = {e.id: e.names for e in f.entities}
    lebanon = next(e for e in f.entities if "Lebanon" in e.names)
    assert "UNIFIL" not in lebanon.names
    assert any(n == ("UNIFIL",) for n in names.values())
    congo = next(e for e in f.entities if "Republik Demokratik Kongo" in e.names)
    assert "RDK" in congo.names  # its initials: the country's own acronym


def test_a_corps_after_a_rank_is_not_part_of_the_name() -> None:
    types = _types(
        "id", "Komandan Kontingen Garuda Letnan Kolonel Infanteri Aulia Dalimunthe tiba di Beirut."
    )
    assert types["Aulia Dalimunthe"] is EntityType.PERSON
    assert "Infanteri Aulia Dalimunthe" not in types


def test_a_place_with_its_head_noun_is_the_same_place() -> None:
    f = _facts("id", "Massa berkumpul di Kota Jayapura pada Senin. Polisi berjaga di Jayapura.")
    (place,) = [e for e in f.entities if "Jayapura" in e.names]
    assert set(place.names) == {"Kota Jayapura", "Jayapura"}


def test_a_state_prefix_names_the_country() -> None:
    f = _facts("en", "ECOWAS threatened the Republic of Niger. Niger's junta refused.")
    (niger,) = [e for e in f.entities if e.authority == "niger"]
    assert "Republic of Niger" in niger.names


def test_common_acronyms_weekdays_and_years_are_no_entities() -> None:
    types = _types("id", "Harga BBM dan LPG naik sejak 2019, kata Polda Riau pada Senin.")
    assert "BBM" not in types and "LPG" not in types and "2019" not in types
    assert types["Polda Riau"] is EntityType.ORGANIZATION
    types = _types("en", "On Sunday, Indian military personnel left the Maldives.")
    assert "Sunday" not in types and "Indian military" not in types


def test_places_in_a_list_after_a_preposition_or_a_list_word() -> None:
    for lang, body in [
        ("id", "Protes menyebar ke Atyrau, Aktobe dan Oral pada Selasa."),
        ("en", "Protests spread to Atyrau, Aktobe and Oral on Tuesday."),
        ("en", "Unrest hit cities including Atyrau, Aktobe and Oral."),
    ]:
        types = _types(lang, body)
        assert all(types[n] is EntityType.LOCATION for n in ("Atyrau", "Aktobe", "Oral")), body


def test_a_country_named_before_a_body_is_part_of_its_name() -> None:
    types = _types("en", "The Bangladesh Army patrolled Dhaka, according to the Daily Star.")
    assert types["Bangladesh Army"] is EntityType.ORGANIZATION
    assert types["Daily Star"] is EntityType.ORGANIZATION  # a newspaper, by its head
    assert "Bangladesh" not in types


def test_known_forces_joined_by_a_hyphen_are_their_joint_force() -> None:
    types = _types("id", "Aparat gabungan TNI-Polri berjaga di Jayapura, kata polisi.")
    assert types["TNI-Polri"] is EntityType.ORGANIZATION


def test_a_name_set_in_capitals_is_no_acronym() -> None:
    """Rule caps-is-no-acronym: "LEMBAYUNG" is the town the article also writes
    "Lembayung", not an organization's acronym."""
    types = _types("id", "Personel disiagakan. LEMBAYUNG juga siaga. Warga di Lembayung berkumpul.")
    assert set(types.values()) == {EntityType.LOCATION}


def test_a_town_of_the_gazetteer_is_a_place_without_a_cue() -> None:
    """Rule gazetteer-town: no cue says "Zhanaozen" or "Myitkyina" is a place, the gazetteer
    does, with its country; a sentence-initial word ("Nanti") and the adjective of another
    name ("Meridian" beside "Meridia") are no towns."""
    f = _facts(
        "en", "Both Zhanaozen and Myitkyina were quiet while Meridia shut its Meridian border."
    )
    towns = {e.names[0]: e for e in f.entities}
    assert towns["Zhanaozen"].type is EntityType.LOCATION
    assert towns["Myitkyina"].type is EntityType.LOCATION
    assert "Meridian" not in towns
    assert "Nanti" not in _types("id", "Nanti warga berkumpul lagi di alun-alun.")


def test_a_suburb_is_no_town_of_its_own() -> None:
    """The gazetteer leaves out a town within a few kilometres of a much bigger one: it is
    a district ("Abepura" of Jayapura) and its name is as often another place's."""
    from kg.gazetteer import cities

    assert "jayapura" in cities() and "abepura" not in cities()


def test_an_alias_of_a_mention_a_later_step_replaced_still_joins() -> None:
    """Clustering follows a mention that a later step widened or trimmed (its alias was
    recorded on the old mention), instead of failing on it."""
    from kg.extract.entities import Mention, _cluster

    old = Mention(0, 20, "Satuan Brimob Polda", 0, EntityType.ORGANIZATION)
    wider = Mention(0, 27, "Satuan Brimob Polda Sultra", 0, EntityType.ORGANIZATION)
    acronym = Mention(29, 32, "SBP", 0, EntityType.ORGANIZATION)
    drafts = _cluster([wider, acronym], [(old, acronym)])
    assert [sorted(d.names) for d in drafts] == [["SBP", "Satuan Brimob Polda Sultra"]]


def test_a_body_s_name_keeps_the_places_after_its_head() -> None:
    """ "Pemprov DKI Jakarta" and "Polres Jakarta Pusat" are one name each: a body's name
    takes the known places, acronyms and place suffixes that follow its head word."""
    types = _types(
        "id", "Pengamanan melibatkan Pemprov DKI Jakarta dan Polres Jakarta Pusat hari ini."
    )
    assert types == {
        "Pemprov DKI Jakarta": EntityType.ORGANIZATION,
        "Polres Jakarta Pusat": EntityType.ORGANIZATION,
    }


def test_bodies_and_outlets_named_by_their_last_word() -> None:
    types = _types(
        "en",
        "South Korea's National Intelligence Service told Business Insider on Monday that "
        "troops had moved.",
    )
    assert types["National Intelligence Service"] is EntityType.ORGANIZATION
    assert types["Business Insider"] is EntityType.ORGANIZATION


def test_indonesian_head_words_of_bodies() -> None:
    types = _types(
        "id", "Departemen Pertahanan dan Konfederasi Serikat Buruh Indonesia menolak rencana itu."
    )
    assert types["Departemen Pertahanan"] is EntityType.ORGANIZATION
    assert types["Konfederasi Serikat Buruh Indonesia"] is EntityType.ORGANIZATION


def test_an_indonesian_holiday_is_no_town() -> None:
    """ "Natal" is Christmas here, although the gazetteer has a town of that name."""
    types = _types("id", "Polisi mengamankan perayaan Natal dan Tahun Baru di Semarang.")
    assert "Natal" not in types and types.get("Semarang") is EntityType.LOCATION


def test_a_common_word_the_article_also_writes_in_lower_case_is_no_town() -> None:
    """ "Mobile" is a town in Alabama; in an article that also writes "mobile", it is the
    common word."""
    types = _types("en", "The army cut Mobile services in the city as mobile networks went down.")
    assert "Mobile" not in types


def test_a_unit_keeps_its_number() -> None:
    """Rule names-keep-their-head: an ordinal before (English) or after (Indonesian) a unit."""
    types = _types("en", "The brigade takes over the 122nd Armoured Infantry Battalion in May.")
    assert types["122nd Armoured Infantry Battalion"] is EntityType.ORGANIZATION
    types = _types("id", "Polisi dibantu Divisi Infanteri Cahaya ke-77 di kota itu.")
    assert types["Divisi Infanteri Cahaya ke-77"] is EntityType.ORGANIZATION


def test_a_media_name_ends_with_a_place_or_a_word_after_its_acronym() -> None:
    types = _types(
        "id", "Hal itu dikutip dari Channel News Asia, Selasa. Ia bicara kepada ABC News."
    )
    assert types["Channel News Asia"] is EntityType.ORGANIZATION
    assert types["ABC News"] is EntityType.ORGANIZATION


def test_the_publisher_is_no_party_to_its_story() -> None:
    meta = {"title": "T", "published": "2021-06-10", "language": "en", "publisher": "Lake Post"}
    body = "He told Lake Post that 300 troops from Kenya had arrived. KTN reported the same.\n"
    names = {n for e in extract(ArticleText(meta, body)).entities for n in e.names}
    assert "Lake Post" not in names and "KTN" in names


def test_an_acronym_head_takes_its_place_but_not_a_person() -> None:
    """A body named by an acronym head and its place ("DPRD Provinsi Sumatera Selatan",
    "DPRD Papua Barat") is one name; a person after a bare acronym is not part of it."""
    types = _types(
        "id",
        "Mahasiswa berdemo di gedung DPRD Provinsi Sumatera Selatan di Palembang. Ketua DPRD "
        "Papua Barat Pieters Kondjol hadir. Wakil Ketua DPRD Budi Santoso juga.",
    )
    assert types["gedung DPRD Provinsi Sumatera Selatan"] is EntityType.LOCATION
    assert types["DPRD Papua Barat"] is EntityType.ORGANIZATION
    assert types["Pieters Kondjol"] is EntityType.PERSON
    assert types["Budi Santoso"] is EntityType.PERSON


def test_an_amount_is_no_name_and_an_area_noun_leaves_a_body_named() -> None:
    types = _types(
        "id",
        "Harga naik menjadi Rp8.170 per liter. Untuk wilayah Polda Jawa Barat ada 1.019 "
        "personel, dan massa menuju gedung DPR.",
    )
    assert not any(n.startswith("Rp") for n in types)
    assert types["Polda Jawa Barat"] is EntityType.ORGANIZATION
    assert types["gedung DPR"] is EntityType.LOCATION


def test_a_body_s_head_word_at_a_sentence_start_begins_its_name() -> None:
    types = _types(
        "id",
        "Mereka dibantu pasukan Rwanda. Pasukan Pertahanan Rwanda dalam sebuah tweet "
        "menyampaikan kabar itu.",
    )
    assert types["Pasukan Pertahanan Rwanda"] is EntityType.ORGANIZATION


def test_a_branch_after_a_known_body_is_part_of_its_name() -> None:
    types = _types("id", "Pengamanan ini melibatkan unsur Polri, TNI AD, serta instansi pendukung.")
    assert types["TNI AD"] is EntityType.ORGANIZATION and "AD" not in types


def test_an_acronym_the_text_spells_out_as_something_else_is_not_the_known_body() -> None:
    types = _types(
        "id",
        "Warga memprotes kenaikan Pajak Bumi dan Bangunan (PBB) di Pati. Perserikatan "
        "Bangsa-Bangsa (PBB) mengecam kekerasan itu.",
    )
    assert types["Perserikatan Bangsa-Bangsa"] is EntityType.ORGANIZATION
    assert "Bangunan" not in types and "Pajak Bumi" not in types


def test_an_arabic_article_joined_to_a_name_is_part_of_it() -> None:
    types = _types("en", "President Bashar al-Assad fled Damascus on Sunday.")
    assert types["Bashar al-Assad"] is EntityType.PERSON


def test_a_demonym_and_a_generic_force_noun_name_no_body() -> None:
    types = _types(
        "en", "The Russian military left the base, and the Indian air force flew in supplies."
    )
    assert "Russian military" not in types
    assert types["Indian air force"] is EntityType.ORGANIZATION


def test_a_known_place_named_only_in_the_headline_is_an_entity() -> None:
    meta = {"title": "Curfew in Tanzania after the vote", "published": "2025-10-30"}
    body = (
        "Curfew in Tanzania after the vote\n\n"
        "Police declared a curfew in the largest city on Wednesday after hundreds "
        "protested against the count.\n"
    )
    f = extract(ArticleText({**meta, "language": "en"}, body))
    names = {n for e in f.entities for n in e.names}
    assert "Tanzania" in names
    assert "Curfew" not in names  # a capitalised headline word the authority does not know


def test_a_body_already_named_takes_no_lower_case_head_after_it() -> None:
    types = _types(
        "en",
        "Leaders of the KNDP party and of the Farmers League party met in Limbe on Monday.",
    )
    assert types["KNDP"] is EntityType.ORGANIZATION and "KNDP party" not in types
    assert types["Farmers League"] is EntityType.ORGANIZATION
    assert "Farmers League party" not in types


def test_an_acronym_with_a_number_is_one_name() -> None:
    types = _types("id", "Massa GRB 313 berkumpul di depan gedung itu sejak pagi.")
    assert types["GRB 313"] is EntityType.ORGANIZATION and "GRB" not in types


def test_a_hyphenated_acronym_in_parentheses_keeps_the_whole_name() -> None:
    types = _types(
        "id",
        "Kemarin Front Pembebasan Rakyat Jawa Tengah Gerakan Merdeka (FPRJT-GM) menyerang pos.",
    )
    name = "Front Pembebasan Rakyat Jawa Tengah Gerakan Merdeka"
    assert types[name] is EntityType.ORGANIZATION


def test_a_stopword_after_a_body_head_stays_in_the_name() -> None:
    types = _types("id", "Negara anggota Dewan Perdamaian bertemu di Jakarta pada Senin.")
    assert types["Dewan Perdamaian"] is EntityType.ORGANIZATION


def test_a_police_district_is_a_body() -> None:
    types = _types("en", "Officers of the Quezon Police District arrested nine men on Friday.")
    assert types["Quezon Police District"] is EntityType.ORGANIZATION


def test_a_country_s_possessive_belongs_to_its_ministry() -> None:
    types = _types("en", "Estonia's Ministry of Defence said on Friday that the exercise was over.")
    assert types["Estonia's Ministry of Defence"] is EntityType.ORGANIZATION
    assert types["Estonia"] is EntityType.LOCATION
    types = _types("en", "According to Kenya's Daily Nation, the exercise was over.")
    assert "Kenya's Daily Nation" not in types


def test_known_names_written_otherwise() -> None:
    types = _types("en", "The summit in Washington DC asked Nato to send more troops.")
    assert types["Washington DC"] is EntityType.LOCATION and "DC" not in types
    assert types["Nato"] is EntityType.ORGANIZATION


def test_a_common_acronym_with_a_number_and_capitalised_function_words_are_no_entities() -> None:
    """'PPN 12 persen' and 'UMP 2025' name a tax and a wage; 'AT LEAST 17' in an upper-case
    lede and 'LEBIH DARI' are no names."""
    types = _types(
        "id",
        "LEBIH DARI seribu buruh menolak PPN 12 persen dan UMP 2025 di Pekanbaru, kata Polda "
        "Riau, Senin.",
    )
    assert not {"PPN 12", "UMP 2025", "PPN", "LEBIH", "LEBIH DARI"} & set(types), types
    assert "Polda Riau" in types
    english = _types("en", "MANILA - AT LEAST 17 people were arrested by the Manila Police.")
    assert not any("LEAST" in name for name in english), english


def test_the_places_after_a_chief_s_title_are_no_speaker_s_name() -> None:
    """ "ujar Kapolres Pelabuhan Tanjung Perak Surabaya" names the body the chief heads:
    the town at its end stays a town elsewhere in the article."""
    body = (
        "Massa berunjuk rasa di depan Gedung Negara Grahadi, Surabaya, pada Senin.\n\n"
        '"Kami membubarkan massa," ujar Kapolres Pelabuhan Tanjung Perak Surabaya, '
        "AKBP Budi Santoso."
    )
    assert _types("id", body)["Surabaya"] is EntityType.LOCATION


def test_brimob_heads_the_name_of_a_police_unit() -> None:
    types = _types(
        "id",
        "Brimob Sorong mengirim 25 personel ke Kaimana. Brimob Polda Sulawesi Tengah bersiaga.",
    )
    assert types["Brimob Sorong"] is EntityType.ORGANIZATION
    assert types["Brimob Polda Sulawesi Tengah"] is EntityType.ORGANIZATION


def test_platforms_fuels_and_a_religion_are_no_entities() -> None:
    """Capitalised, but none of the codebook's entities: a rumour on Instagram is no place."""
    types = _types(
        "id", "Kabar itu menyebar di Instagram dan TikTok, kata warga yang antre Solar di Medan."
    )
    assert not {"Instagram", "TikTok", "Solar"} & set(types)
    assert types["Medan"] is EntityType.LOCATION
    types = _types("en", "The rumour spread on Instagram, residents of Lagos told Al-Jazeera.")
    assert "Instagram" not in types and types["Al-Jazeera"] is EntityType.ORGANIZATION


def test_the_first_words_of_a_person_s_name_are_that_person() -> None:
    f = _facts(
        "id",
        "Kapolda Sumsel Irjen Pol Rudi Hartono Wibisono tiba di Palembang. "
        '"Warga harap tenang," kata Rudi Hartono.',
    )
    persons = [e.names for e in f.entities if e.type is EntityType.PERSON]
    assert persons == [("Rudi Hartono Wibisono", "Rudi Hartono")]


def test_a_place_head_keeps_a_known_name_after_it_in_the_place_s_name() -> None:
    """ "Simpang Lima" is a square, not the head word and Peru's capital."""
    types = _types(
        "id", "Massa berhenti di Simpang Lima dan Patung Kuda, lalu ke Kampung Jalai di Papua."
    )
    assert {"Simpang Lima", "Patung Kuda", "Kampung Jalai"} <= set(types)
    assert "Lima" not in types and "Simpang" not in types


def test_english_titles_of_secretaries_and_clerics_and_es_inside_a_name() -> None:
    f = _facts(
        "en",
        "Tanks were stationed in Dar es Salaam, said Interior Secretary Jonas Remo. "
        "Archbishop Bagrat Vardan led the march.",
    )
    types = {n: e.type for e in f.entities for n in e.names}
    assert types["Dar es Salaam"] is EntityType.LOCATION and "Dar" not in types
    assert types["Jonas Remo"] is EntityType.PERSON and types["Bagrat Vardan"] is EntityType.PERSON
    roles = {(f.entity(r.person).names[0], r.role) for r in f.roles}
    assert {("Jonas Remo", "Interior Secretary"), ("Bagrat Vardan", "Archbishop")} <= roles


def test_a_demonym_names_a_state_s_ministry_written_in_lower_case() -> None:
    types = _types(
        "en", "The Ukrainian defense ministry denied it, the Russian foreign ministry said."
    )
    assert types["Ukrainian defense ministry"] is EntityType.ORGANIZATION
    assert types["Russian foreign ministry"] is EntityType.ORGANIZATION


def test_a_town_in_the_dateline_stays_a_place_though_the_outlet_is_named_after_it() -> None:
    """ "BATAMTODAY.COM, Batam - 252 Personel Sat Brimob Polda Kepri ...": Batam is the
    dateline's town, and the capitalised troop noun is no part of the unit's name."""
    body = (
        "BATAMTODAY.COM, Batam - 252 Personel Sat Brimob Polda Kepri diberangkatkan ke "
        "Provinsi Papua.\n"
    )
    meta = {"title": "T", "published": "2019-08-31", "language": "id", "publisher": "Batamtoday"}
    f = extract(ArticleText(meta, body))
    types = {n: e.type for e in f.entities for n in e.names}
    assert types["Batam"] is EntityType.LOCATION
    assert types["Sat Brimob Polda Kepri"] is EntityType.ORGANIZATION


def test_a_body_s_name_goes_on_through_in_or_to_a_place() -> None:
    f = extract(
        ArticleText(
            {"title": "T", "published": "2024-01-10", "language": "en"},
            "Troops of the UN Mission in South Sudan (UNMISS) and the United Nations Support "
            "Office in Somalia met the African Union Mission to Somalia on Friday.\n",
        )
    )
    names = {n for e in f.entities for n in e.names}
    assert {
        "UN Mission in South Sudan",
        "United Nations Support Office in Somalia",
        "African Union Mission to Somalia",
    } <= names
    assert "Support Office in Somalia" not in names


def test_a_body_s_name_goes_on_through_in_the_to_a_country_named_with_its_article() -> None:
    # "the DR Congo", "the DRC": the country is known without its article
    for place in ("the DR Congo", "the DRC", "the Democratic Republic of the Congo"):
        f = extract(
            ArticleText(
                {"title": "T", "published": "2024-01-10", "language": "en"},
                f"The UN Organization Stabilization Mission in {place} sent 300 peacekeepers "
                "to Goma on Monday.\n",
            )
        )
        (d,) = f.deployments
        assert f.entity(d.by).names == (f"UN Organization Stabilization Mission in {place}",)
        assert f.entity(d.to).names == ("Goma",)


def test_a_force_and_its_short_name_are_one_body() -> None:
    f = extract(
        ArticleText(
            {"title": "T", "published": "2024-01-10", "language": "id"},
            "Kepolisian Resor Kota Pati menerjunkan 2.684 personel. Kapolresta Pati mengatakan "
            "Polresta Pati siap.\n",
        )
    )
    (body,) = [e for e in f.entities if "Kepolisian Resor Kota Pati" in e.names]
    assert "Polresta Pati" in body.names


def test_a_battalion_and_its_short_name_are_one_body() -> None:
    f = extract(
        ArticleText(
            {"title": "T", "published": "2021-06-05", "language": "id"},
            "Sebanyak 450 personel Yonif 410/Alugoro akan diterjunkan ke Papua. Sebanyak 450 "
            "prajurit Batalyon Infanteri 410/Alugoro diberangkatkan ke Papua, Jumat (4/6).\n",
        )
    )
    (body,) = [e for e in f.entities if "Yonif 410/Alugoro" in e.names]
    assert "Batalyon Infanteri 410/Alugoro" in body.names
    assert [d.by for d in f.deployments] == [body.id]


def test_a_site_written_with_its_town_is_the_site_and_the_town() -> None:
    f = extract(
        ArticleText(
            {"title": "T", "published": "2024-01-10", "language": "id"},
            "Ratusan mahasiswa berunjuk rasa di Jalan Sultan Alauddin Makassar, Senin (8/1/2024).\n",
        )
    )
    names = {n for e in f.entities for n in e.names}
    assert {"Jalan Sultan Alauddin", "Makassar"} <= names
    (p,) = f.protests
    assert f.entity(p.location).names == ("Makassar",)


def test_a_place_word_ends_a_place_s_name() -> None:
    f = extract(
        ArticleText(
            {"title": "T", "published": "2024-01-10", "language": "en"},
            "Nigeria deployed 500 soldiers to Niger State on Monday.\n",
        )
    )
    names = {n for e in f.entities for n in e.names}
    assert "Niger State" in names and "Niger" not in names


def test_a_province_s_short_name_is_that_province() -> None:
    types = _types("id", "Warga NTB dan Kalteng berunjuk rasa di Mataram.")
    assert types == dict.fromkeys(("NTB", "Kalteng", "Mataram"), EntityType.LOCATION)
    # "Sulteng" fits Sulawesi Tengah and Sulawesi Tenggara: no province; nor a word in
    # capitals whose letters merely occur in one ("PPN", the value-added tax)
    types = _types("id", "Warga Sulteng memprotes kenaikan PPN di depan kantor DPRD.")
    assert types.get("Sulteng") is not EntityType.LOCATION
    assert types.get("PPN") is not EntityType.LOCATION
    types = _types("id", "KRI Teluk Parigi mengangkut 450 prajurit ke Jayapura.")
    assert types.get("KRI") is not EntityType.LOCATION  # a navy ship, no Kepulauan Riau
    types = _types("id", "Kabar terbaru dari Pontianak menyebutkan demo berlangsung damai.")
    assert types.get("Kabar") is not EntityType.LOCATION  # a word of the language, no Kalbar
    # the force's own short name stays the force's ("Wakapolda Kepri")
    types = _types("id", "Wakapolda Kepri Yan Fitri Halimansyah melepas 100 personel ke Papua.")
    assert types.get("Kepri") is not EntityType.LOCATION


def test_the_place_after_the_office_of_its_head_is_a_place() -> None:
    types = _types("id", "Bupati Bima menghadiri rapat di Mataram.")
    assert types["Bima"] is EntityType.LOCATION
    for office, place in (
        ("Kantor Bupati Pati", "Pati"),
        ("Kantor Wali Kota Kupang", "Kupang"),
        ("Kantor Gubernur Jawa Timur", "Jawa Timur"),
    ):
        f = _facts("id", f"Ratusan warga berunjuk rasa di {office}, Selasa (8/6/2021).")
        assert [f.entity(p.location).names for p in f.protests if p.location] == [(place,)]
    types = _types("id", "Bupati Pati Sudewo menghadiri rapat.")
    assert types["Pati"] is EntityType.LOCATION and types["Sudewo"] is EntityType.PERSON


def test_a_body_s_town_before_a_speech_verb_is_no_speaker() -> None:
    types = _types(
        "id",
        "Demo digelar di depan Gedung Negara Grahadi, Surabaya, Senin. Jauhar Kurniawan, "
        "perwakilan Lembaga Bantuan Hukum (LBH) Surabaya, menyebut aksi itu damai.",
    )
    assert types["Surabaya"] is EntityType.LOCATION
    types = _types(
        "id",
        "Demo digelar di Surabaya, Senin. Jauhar, perwakilan LBH Surabaya, menyebut aksi itu damai.",
    )
    assert types["Surabaya"] is EntityType.LOCATION


def test_a_known_place_adopted_twice_is_one_entity_with_one_id() -> None:
    # the country of a town, then the state whose army a sentence names: one Indonesia
    authority = Authority.load()
    entry = authority.lookup("Indonesia")
    assert entry is not None
    ents = Entities([], [], [], authority=authority)
    first, second = (
        Draft(entry.key, entry.type, entry, [Mention(0, 4, "Aceh", -1, entry.type, entry)])
        for _ in range(2)
    )
    ents.adopt_later(first)
    ents.adopt_later(second)
    assert first.id == second.id
    ents.adopt_pending()
    assert [d.id for d in ents.drafts] == [first.id]


def test_a_regency_named_with_a_compass_word_is_not_its_province() -> None:
    f = _facts(
        "id", "Polda Maluku mengirim satu peleton Brimob ke Pulau Haruku, Maluku Tengah, Maluku."
    )
    places = [e.names for e in f.entities if e.type is EntityType.LOCATION]
    assert ("Maluku Tengah",) in places and ("Maluku",) in places


def test_places_of_several_words_in_a_list() -> None:
    types = _types("id", "Batalyon baru dibentuk di Kabupaten Nagan Raya, Pidie, dan Aceh Timur.")
    assert types["Pidie"] is EntityType.LOCATION and types["Aceh Timur"] is EntityType.LOCATION


def test_a_speaker_after_a_place_and_a_comma_is_no_place_of_a_list() -> None:
    types = _types(
        "id",
        "Untuk pengamanan di Kalimantan Barat, Waluyo menjelaskan ada 900 personel gabungan.",
    )
    assert types.get("Waluyo") is not EntityType.LOCATION
    assert types["Kalimantan Barat"] is EntityType.LOCATION


def test_a_town_s_own_name_beats_another_town_s_old_name() -> None:
    assert cities()["montgomery"].country == "US"  # not Sahiwal, once called Montgomery
    assert cities()["bombay"].name == "Mumbai"  # an old name still finds its town


def test_a_unit_s_name_goes_on_after_its_number_s_slash() -> None:
    f = extract(
        ArticleText(
            {"title": "T", "published": "2022-07-11", "language": "id"},
            "Yonif 126/Kala Cakti dan Yonif 721/Makkasau Kodam XIV/Hasanuddin tiba di Papua.\n",
        )
    )
    names = [e.names[0] for e in f.entities]
    assert names[:3] == ["Yonif 126/Kala Cakti", "Yonif 721/Makkasau", "Kodam XIV/Hasanuddin"]


def test_a_rank_after_a_town_named_with_kota_is_a_rank() -> None:
    f = extract(
        ArticleText(
            {"title": "T", "published": "2022-11-11", "language": "id"},
            "Kapolresta Jayapura Kota Komisaris Besar Polisi Victor Mackbon mengatakan aksi "
            "itu ricuh.\n",
        )
    )
    assert [e.names[0] for e in f.entities] == ["Polresta Jayapura Kota", "Victor Mackbon"]


def test_a_plural_by_reduplication_is_no_name_but_a_town_so_spelled_is() -> None:
    f = extract(
        ArticleText(
            {"title": "T", "published": "2023-06-29", "language": "id"},
            "Kerusuhan pecah di Kota-Kota Jerman. Polisi dikirim ke Fak-Fak.\n",
        )
    )
    names = {e.names[0] for e in f.entities}
    assert "Kota-Kota" not in names and "Fak-Fak" in names


def test_indonesian_spellings_of_belarus_and_the_congo() -> None:
    f = extract(
        ArticleText(
            {"title": "T", "published": "2021-06-10", "language": "id"},
            "Militer Belarusia berjaga di Minsk. TNI mengirim 1.000 prajurit ke Republik "
            "Demokratik Kongo. Pasukan itu tiba di Kongo.\n",
        )
    )
    keys = {e.names[0]: e.authority for e in f.entities if e.authority}
    assert keys.get("Belarusia") == "belarus"
    (congo,) = [e for e in f.entities if e.authority == "dr_congo"]
    assert "Kongo" in congo.names and not [e for e in f.entities if e.authority == "congo"]


def test_an_event_s_roman_number_before_a_place_is_no_part_of_it() -> None:
    f = extract(
        ArticleText(
            {"title": "T", "published": "2021-09-20", "language": "id"},
            "Sebanyak 9.986 personel TNI-Polri dikerahkan untuk mengamankan PON XX Papua.\n",
        )
    )
    assert "Papua" in {e.names[0] for e in f.entities}
    assert [f.entity(d.to).names[0] for d in f.deployments] == ["Papua"]


def test_a_street_abbreviation_is_no_place_of_its_own() -> None:
    types = _types("id", "Massa berorasi di Jl. Medan Merdeka Barat, Jakarta Pusat, Senin.\n")
    assert "Jl" not in types and "Jakarta Pusat" in types


def test_an_adjective_that_is_also_a_small_town_is_no_place() -> None:
    types = _types("en", "Farmers in Madurai protested against the new Central farm laws.\n")
    assert "Central" not in types and types["Madurai"] is EntityType.LOCATION


def test_a_unit_named_after_its_number_without_a_slash() -> None:
    types = _types(
        "id", "Sebanyak 70 prajurit Yonif 733 Masariku Kodam XVI Pattimura tiba di Kota Tual.\n"
    )
    assert types["Yonif 733 Masariku"] is EntityType.ORGANIZATION


def test_a_body_named_by_two_kinds_keeps_its_first_word() -> None:
    """Rule a-body-named-by-its-kinds: "police" alone is no name, "Police Service" is."""
    types = _types(
        "en", "The Police Service of Northern Ireland (PSNI) sent officers to Ballymena.\n"
    )
    assert types.get("Police Service of Northern Ireland") is EntityType.ORGANIZATION
    assert "Police" not in _types("en", "Police said 20 people were arrested in Ballymena.\n")


def test_a_spelled_out_body_with_its_acronym_and_place_is_one_body() -> None:
    """Rule a-spelled-out-body-and-its-place: the body, and the same as its short name."""
    body = (
        "Kepolisian Daerah (Polda) Jawa Barat mengerahkan 2.000 personel ke Kota Bandung.\n"
        "Sebanyak 100 personel Brimob Polda Jawa Barat tiba lebih dulu.\n"
    )
    facts = _facts("id", body)
    polda = next(e for e in facts.entities if "Kepolisian Daerah (Polda) Jawa Barat" in e.names)
    assert polda.type is EntityType.ORGANIZATION
    assert "Kepolisian Daerah" not in {n for e in facts.entities for n in e.names}
    (d,) = facts.deployments
    assert d.by == polda.id  # the force of its Brimob unit too


def test_a_name_after_the_state_of_is_a_place() -> None:
    body = "Brazil ordered 300 troops to the southeastern state of Espirito Santo on Monday.\n"
    assert _types("en", body).get("Espirito Santo") is EntityType.LOCATION


def test_a_possessive_inside_a_name_does_not_cut_it() -> None:
    types = _types("en", "Soldiers clashed with the New People's Army (NPA) in Samar.\n")
    assert types.get("New People's Army") is EntityType.ORGANIZATION
    assert "Army" not in types


def test_an_area_word_before_a_name_with_its_own_head_stays_out_of_it() -> None:
    types = _types(
        "id", "Personel diterjunkan ke tujuh kabupaten wilayah Provinsi Sulawesi Tengah.\n"
    )
    assert types.get("Provinsi Sulawesi Tengah") is EntityType.LOCATION
    assert _types("id", "Pasukan tiba di wilayah Mangystau.\n").get("wilayah Mangystau") is (
        EntityType.LOCATION
    )


def test_a_source_after_according_to_is_no_place() -> None:
    """ "according to Northland Rights Watch": "to" cites a source, it does not lead to a
    place; a body whose name ends in "Watch" is an organization."""
    types = _types(
        "en",
        "At least 30 people were killed in Mozambique during weeks of protests, according to "
        "Northland Rights Watch.",
    )
    assert types["Northland Rights Watch"] is EntityType.ORGANIZATION


def test_two_letters_the_authority_does_not_know_name_nothing() -> None:
    """Rule two-letters-name-nothing-unknown: "PM Israel", a suspect "RZ (25)" and "KH" before
    a cleric's name are a title, initials and an honorific; "AS" and "PBB" stay known."""
    types = _types(
        "id",
        "PM Israel Benjamin Netanyahu bertemu utusan AS dan PBB. Polisi menangkap RZ (25) dan "
        "KH Ahmad Fauzi memimpin doa.",
    )
    assert not {"PM", "RZ", "KH"} & set(types)
    assert types["AS"] is EntityType.LOCATION and types["PBB"] is EntityType.ORGANIZATION


def test_members_of_a_body_and_a_cabinet_secretary() -> None:
    """Rule members-of-a-body: "Members of Kenya Defence Forces" name the body; a Kenyan
    "Interior Cabinet Secretary" is a title before a person, no organization."""
    types = _types(
        "en",
        "Members of Kenya Defence Forces prepare to leave Goma. Interior Cabinet Secretary "
        "Kithure Kindiki said so.",
    )
    assert types["Kenya Defence Forces"] is EntityType.ORGANIZATION
    assert types["Kithure Kindiki"] is EntityType.PERSON
    assert not any(name.startswith(("Members", "Interior")) for name in types)


def test_an_agency_dateline_with_no_dash() -> None:
    """ "Kathmandu, Mar 28 (PTI) The Army ...": the town is a place, the agency no entity."""
    types = _types("en", "Kathmandu, Mar 28 (PTI) The Army was called out on Friday.")
    assert types["Kathmandu"] is EntityType.LOCATION
    assert "PTI" not in types


def test_a_site_and_its_short_name_are_one_place() -> None:
    """Rule a-site-and-its-short-name: "Gedung Negara Grahadi" then "Grahadi" is one site;
    "Bandara Almaty" is no Almaty."""
    f = _facts(
        "id",
        "Massa berkumpul di depan Gedung Negara Grahadi, Surabaya. Situasi di sekitar Grahadi "
        "kondusif. Pesawat mendarat di Bandar Udara Internasional Almaty, Almaty.",
    )
    names = [e.names for e in f.entities]
    assert any({"Gedung Negara Grahadi", "Grahadi"} <= set(n) for n in names)
    assert not any("Almaty" in n and len(n) > 1 for n in names)


def test_a_body_named_by_its_country_or_its_demonym_is_one_body() -> None:
    """Rule a-body-named-by-demonym-or-country: "Kenyan Defence Forces" and "Kenya Defence
    Forces" are one entity with both names."""
    f = _facts(
        "en",
        "Kenyan Defence Forces soldiers left Goma on Sunday. Members of Kenya Defence Forces "
        "prepare to leave.",
    )
    assert [set(e.names) for e in f.entities if e.type is EntityType.ORGANIZATION] == [
        {"Kenyan Defence Forces", "Kenya Defence Forces"}
    ]


def test_an_acronym_inside_a_unit_s_name_before_its_number_is_part_of_the_name() -> None:
    """ "Batalyon Infanteri (Yonif) 122/Tombak Sakti": one unit, its name as written."""
    f = extract(
        ArticleText(
            {"title": "T", "published": "2023-03-08", "language": "id"},
            "Batalyon Infanteri (Yonif) 412/Bharata Eka Sakti diberangkatkan ke Papua.\n",
        )
    )
    assert [e.names[0] for e in f.entities] == [
        "Batalyon Infanteri (Yonif) 412/Bharata Eka Sakti",
        "Papua",
    ]


def test_two_forces_written_side_by_side_are_their_joint_force() -> None:
    """ "personel gabungan TNI Polri": the joint force, as "TNI-Polri" is; each alone
    elsewhere is itself."""
    f = extract(
        ArticleText(
            {"title": "T", "published": "2022-03-08", "language": "id"},
            "Sebanyak 300 personel gabungan TNI Polri diterjunkan ke Pulau Haruku. TNI juga "
            "menyiagakan kapal.\n",
        )
    )
    assert [e.names[0] for e in f.entities if e.type is EntityType.ORGANIZATION] == [
        "TNI Polri",
        "TNI",
    ]


def test_a_surname_that_is_also_a_town_is_the_person() -> None:
    """ "President Carlos Moreno ... until Moreno restores fuel subsidies": the president,
    not the town of Moreno the gazetteer knows."""
    f = extract(
        ArticleText(
            {"title": "T", "published": "2024-03-11", "language": "en"},
            "Riot police clashed with farmers in Quito on Sunday after a curfew imposed by "
            "President Carlos Moreno. Protesters vowed to continue until Moreno restores fuel "
            "subsidies.\n",
        )
    )
    types = {e.names[0]: e.type for e in f.entities}
    assert types["Carlos Moreno"] is EntityType.PERSON and "Moreno" not in types
    assert not any("Moreno" in e.names for e in f.entities if e.type is EntityType.LOCATION)


def test_an_acronym_of_a_body_told_in_full_is_that_body() -> None:
    """ "The NZDF said" after "New Zealand Defence Force personnel departed": one body,
    though the text never wrote "(NZDF)"."""
    f = extract(
        ArticleText(
            {"title": "T", "published": "2021-12-04", "language": "en"},
            "New Zealand Defence Force personnel departed for Honiara on Thursday. The NZDF "
            "said 15 personnel would deploy first.\n",
        )
    )
    bodies = [e.names for e in f.entities if e.type is EntityType.ORGANIZATION]
    assert bodies == [("New Zealand Defence Force", "NZDF")]


def test_a_force_s_head_word_in_lower_case_is_part_of_its_name() -> None:
    """ "160 personil polres Lombok Barat": the force, not the regency, though its head word
    is written in lower case."""
    f = extract(
        ArticleText(
            {"title": "T", "published": "2024-06-04", "language": "id"},
            "Sebanyak 160 personil polres Lombok Barat dikirim ke Kecamatan Sekongkang.\n",
        )
    )
    first = f.entities[0]
    assert (first.names[0], first.type) == ("polres Lombok Barat", EntityType.ORGANIZATION)


@pytest.mark.parametrize(
    ("lang", "body", "place"),
    [
        ("en", "India sent 500 troops to Jammu and Kashmir on Monday.", "Jammu and Kashmir"),
        ("id", "TNI mengirim 200 prajurit ke Bosnia dan Herzegovina.", "Bosnia dan Herzegovina"),
    ],
)
def test_a_place_named_with_a_coordinator_inside_is_one_place(
    lang: str, body: str, place: str
) -> None:
    """ "Jammu and Kashmir", "Bosnia dan Herzegovina": one region or country, not two."""
    f = extract(
        ArticleText({"title": "T", "published": "2024-05-21", "language": lang}, body + "\n")
    )
    places = [e.names[0] for e in f.entities if e.type is EntityType.LOCATION]
    assert place in places and not {"Jammu", "Kashmir", "Bosnia", "Herzegovina"} & set(places)


def test_a_body_s_name_may_end_in_a_word_that_alone_is_no_name() -> None:
    """ "the Federal Police": a body, though "police" alone names nothing; "Kenyan Police"
    stays the demonym's police."""
    f = extract(
        ArticleText(
            {"title": "T", "published": "2024-05-21", "language": "en"},
            "Some 40 companies of the Federal Police will be deployed in Arequipa. Kenyan "
            "Police fired tear gas in Nairobi.\n",
        )
    )
    names = [e.names[0] for e in f.entities if e.type is EntityType.ORGANIZATION]
    assert names == ["Federal Police"]


def test_army_battalions_and_special_forces_by_their_acronyms_are_bodies() -> None:
    """Rule a-numbered-unit for the arms' battalions ("Yonzipur 8", "Yonarhanud 11",
    "Yonmarhanlan V") and the authority's special forces ("Kopassus", "Densus 88")."""
    types = _types(
        "id",
        "Sebanyak 200 prajurit Yonzipur 8, 150 prajurit Yonarhanud 11 dan 100 prajurit "
        "Yonmarhanlan V diberangkatkan ke Palu bersama 50 personel Kopassus dan Densus 88.\n",
    )
    for name in ("Yonzipur 8", "Yonarhanud 11", "Yonmarhanlan V", "Kopassus", "Densus 88"):
        assert types.get(name) is EntityType.ORGANIZATION, name


def test_indonesian_provinces_by_their_english_names_are_the_provinces() -> None:
    """The authority's English names of Indonesia's provinces ("Central Java" is Jawa
    Tengah, no person), and a regional police named after one is a body."""
    f = _facts(
        "en",
        "Students rallied in Central Java and South Sulawesi on Monday, while 100 officers "
        "from East Nusa Tenggara Police were sent to West Papua.",
    )
    kinds = {n: (e.type, e.id) for e in f.entities for n in e.names}
    for name in ("Central Java", "South Sulawesi", "West Papua"):
        assert kinds[name][0] is EntityType.LOCATION, name
    assert kinds["Central Java"][1] == "jawa_tengah"
    assert kinds["East Nusa Tenggara Police"][0] is EntityType.ORGANIZATION


def test_a_site_before_a_jakarta_city_is_two_places() -> None:
    """ "Patung Kuda Jakarta Pusat": the site, then the city of Jakarta it is in."""
    types = _types("id", "Ribuan buruh berunjuk rasa di Patung Kuda Jakarta Pusat, Senin.")
    assert types.get("Patung Kuda") is EntityType.LOCATION
    assert types.get("Jakarta Pusat") is EntityType.LOCATION


def test_a_name_after_waters_or_a_coast_is_a_place() -> None:
    """ "ke perairan Natuna", "to the waters of Natuna": the name is a place."""
    assert (
        _types("id", "China mengerahkan kapal ke perairan Natuna, Senin.").get("Natuna")
        is EntityType.LOCATION
    )
    assert (
        _types("en", "China sent ships to the waters of Natuna on Monday.").get("Natuna")
        is EntityType.LOCATION
    )


def test_a_numbered_command_of_a_force_branch_is_one_name() -> None:
    """ "Komando Armada I TNI AL": the command's number is no acronym ending the name, and
    the branch suffix stays."""
    names = {
        n
        for e in _facts(
            "id", "Komando Armada I TNI AL menyiagakan tiga kapal perang di Natuna."
        ).entities
        for n in e.names
    }
    assert "Komando Armada I TNI AL" in names


@pytest.mark.parametrize(
    ("body", "names"),
    [
        (
            "Ketegangan di perbatasan Armenia-Azerbaijan meningkat.",
            ["perbatasan Armenia-Azerbaijan", "Armenia", "Azerbaijan"],
        ),
        (
            "Pasukan berjaga di perbatasan Rusia-Ukraina.",
            ["perbatasan Rusia-Ukraina", "Rusia", "Ukraina"],
        ),
    ],
)
def test_places_joined_by_a_hyphen_are_each_a_place(body: str, names: list[str]) -> None:
    """Rule paired-places: "perbatasan Armenia-Azerbaijan" names both countries, and the
    border between them is a place of its own (rule a-country-s-edge-before-it)."""
    f = _facts("id", body + "\n")
    assert [e.names[0] for e in f.entities] == names
    assert all(e.type is EntityType.LOCATION for e in f.entities)


@pytest.mark.parametrize(
    ("body", "names"),
    [
        (
            "Warga mengungsi ke Oksibil Kabupaten Pegunungan Bintang.",
            ["Oksibil", "Kabupaten Pegunungan Bintang"],
        ),
        ("Aksi digelar di Desa Wadu Kecamatan Sape.", ["Desa Wadu", "Kecamatan Sape"]),
        # a body's name keeps the head inside (rule a-local-government-s-name: the body)
        ("Pemerintah Kabupaten Bima menolak.", ["Pemerintah Kabupaten Bima"]),
    ],
)
def test_a_town_glued_to_its_region_is_two_places(body: str, names: list[str]) -> None:
    """Rule a-town-before-its-regency: "Oksibil Kabupaten Pegunungan Bintang" names the
    town and the regency it lies in."""
    assert [e.names[0] for e in _facts("id", body + "\n").entities] == names


def test_well_known_leaders_are_persons_without_a_title() -> None:
    """The authority file knows well-known leaders: "Joko Widodo dan Ma'ruf Amin akan
    hadir" names two persons with no title nor verb of speech to tell it."""
    f = _facts("id", "Joko Widodo dan Ma'ruf Amin akan hadir di Jakarta pada Senin.\n")
    persons = [e.names[0] for e in f.entities if e.type is EntityType.PERSON]
    assert persons == ["Joko Widodo", "Ma'ruf Amin"]


def test_a_word_before_a_known_leader_is_no_name_of_its_own() -> None:
    """ "Pemimpin Militer Min Aung Hlaing", "Sheikh Hassan Nasrallah": the word before the
    name belongs to the title, it is no entity."""
    f = _facts("id", "Pemimpin Militer Min Aung Hlaing dan Sheikh Hassan Nasrallah berbicara.\n")
    assert [e.names[0] for e in f.entities] == ["Min Aung Hlaing", "Hassan Nasrallah"]


@pytest.mark.parametrize(
    ("lang", "body", "outlet"),
    [
        (
            "id",
            "Ribuan buruh berunjuk rasa di Bandung, dilansir dari laman Warta.id, Senin.",
            "Warta.id",
        ),
        (
            "id",
            "Polda Jabar mengirim 200 personel ke Cimahi, dikutip Kabarkota.com.",
            "Kabarkota.com",
        ),
        ("id", "Massa memadati Cimahi pada Senin, demikian dilaporkan Sinar Pagi.", "Sinar Pagi"),
        ("id", "Menurut harian Sinar Pagi, polisi berjaga di Cimahi.", "Sinar Pagi"),
        ("en", "Police fired tear gas in Lagos, according to the Sunline publication.", "Sunline"),
        ("en", "According to a report by Daybreak newspaper, troops left Kano.", "Daybreak"),
    ],
)
def test_an_outlet_cited_as_a_source_is_an_organization(lang: str, body: str, outlet: str) -> None:
    assert _types(lang, body).get(outlet) is EntityType.ORGANIZATION


def test_an_outlet_sends_no_one_and_a_body_quoted_keeps_its_name() -> None:
    facts = _facts(
        "id",
        "Dilansir dari Warta Kini, Paris memutuskan membantu junta dengan mengirimkan 100 "
        "tentara ke Bangui.",
    )
    names = {e.id: e.names[0] for e in facts.entities}
    assert [names[d.by] for d in facts.deployments if d.by] == ["Paris"]
    facts = _facts(
        "id",
        "Badan Intelijen Nasional (BIN) menyatakan hal itu. Media lokal, mengutip BIN, "
        "melaporkan hal yang sama.",
    )
    # the acronym stays the body's, no outlet of its own
    assert [e.names[0] for e in facts.entities] == ["Badan Intelijen Nasional"]


def test_a_pair_of_persons_joined_by_a_hyphen_is_two_persons() -> None:
    types = _types("id", "Massa kecewa karena pemerintahan Prabowo-Gibran tidak menemui mereka.")
    assert types.get("Prabowo") is EntityType.PERSON and types.get("Gibran") is EntityType.PERSON
    facts = _facts(
        "id",
        "Polisi mengamankan pelantikan Prabowo Subianto-Gibran Rakabuming Raka di Jakarta. "
        "Pemerintahan Prabowo-Gibran dimulai hari itu.",
    )
    persons = sorted(e.names[0] for e in facts.entities if e.type is EntityType.PERSON)
    assert persons == ["Gibran Rakabuming Raka", "Prabowo Subianto"]
    # places and one person's double name stay whole
    types = _types("en", "Jean-Lucien Savi said troops left the town of Nagorno-Karabakh.")
    assert "Nagorno-Karabakh" in types and "Jean-Lucien Savi" in types


def test_a_name_before_founded_or_funded_is_the_name() -> None:
    types = _types("en", "Thousands of members of the Imran Khan-founded party marched on Monday.")
    assert types.get("Imran Khan") is EntityType.PERSON and "Imran Khan-founded" not in types


def test_a_weekday_after_a_name_is_no_part_of_it() -> None:
    types = _types("id", "Ribuan mahasiswa berunjuk rasa di Kota Mataram Jumat (23/8/2024).")
    assert "Kota Mataram" in types and not any("Jumat" in n for n in types)
    types = _types("en", "Thousands of people protested in Kabul Friday against the ban.")
    assert "Kabul" in types and "Kabul Friday" not in types


def test_indonesian_national_security_bodies_are_known_by_their_short_names() -> None:
    types = _types("id", "Paspampres, Bakamla dan BNPB menyiapkan pengamanan di Jakarta.")
    assert all(types.get(n) is EntityType.ORGANIZATION for n in ("Paspampres", "Bakamla", "BNPB"))


def test_a_number_after_a_force_named_after_its_area_is_a_count() -> None:
    """ "Polresta Padang 450": a force named after its area has no number; "Kodim 0312
    Padang" is a command named with its number."""
    body = (
        "Sebanyak 892 personel itu gabungan dari Polda Sumbar sebanyak 442 dan Polresta Padang "
        "450. Selain itu ada back up dari Kodim 0312 Padang sebanyak 100 personel.\n"
    )
    names = {e.names[0] for e in _facts("id", body).entities}
    assert "Polresta Padang" in names and "Kodim 0312 Padang" in names
    assert not any("450" in n for n in names)


@pytest.mark.parametrize(
    "body",
    [
        "Twenty Indian troops are deployed in the southernmost atoll of Gaafu.\n",
        "Fighting spread to the eastern governorate of Deir Hafir on Monday.\n",
    ],
)
def test_a_name_after_a_place_noun_and_of_is_a_place(body: str) -> None:
    """place_nouns: "the atoll of X", "the governorate of X" name a place."""
    f = _facts("en", body)
    assert any(
        e.type is EntityType.LOCATION and e.names[0] in ("Gaafu", "Deir Hafir") for e in f.entities
    )


def test_a_draft_s_names_follow_its_mentions() -> None:
    """Draft.names is kept between calls, and computed again when a mention is added."""
    draft = Draft("csto", EntityType.ORGANIZATION, None, [Mention(0, 4, "CSTO", 0, None)])
    assert draft.names == ["CSTO"]
    draft.mentions.append(Mention(10, 23, "the alliance", 1, None, cue="alliance-reference"))
    draft.mentions.append(Mention(30, 34, "ODKB", 2, None))
    assert draft.names == ["CSTO", "ODKB", "the alliance"]
    draft.names.append("changed by a caller")
    assert draft.names == ["CSTO", "ODKB", "the alliance"]


def test_a_sentence_s_first_word_is_no_name_with_a_head_after_it() -> None:
    """Rule a-sentence-s-first-word-is-no-name: "Heavy police presence" and a quote that
    opens "Adequate police presence" name no body; a town the gazetteer knows still does,
    and so does the first word when no noun follows the head."""
    types = _types(
        "en",
        "Heavy police presence was seen in Mumbai. The chief said, “Adequate police presence "
        "will keep the peace.” Nairobi police said two people were held. Elite police were "
        "sent to the port.",
    )
    assert "Heavy police" not in types and "Adequate police" not in types
    assert types["Nairobi police"] is EntityType.ORGANIZATION
    assert types["Elite police"] is EntityType.ORGANIZATION  # no noun after: the force


def test_grounds_parks_and_maidans_are_places() -> None:
    """A month that begins a name ("August Kranti Maidan") is no date when the name ends in
    a place word; parks and grounds are places."""
    types = _types(
        "en",
        "The march left National College Grounds for Freedom Park, while police guarded "
        "August Kranti Maidan.",
    )
    for name in ("National College Grounds", "Freedom Park", "August Kranti Maidan"):
        assert types[name] is EntityType.LOCATION
    types = _types("en", "Police were sent to the Federal Capital Territory on Monday.")
    assert types["Federal Capital Territory"] is EntityType.LOCATION


def test_an_acronym_the_article_spells_out_is_that_name_s() -> None:
    """Rule an-acronym-spelled-out-is-the-name-s: "Armed Forces of the Philippines (AFP)"
    is no news agency, there or later ("AFP spokesperson"); the article before "the" is
    part of the spelled-out name."""
    f = _facts(
        "en",
        "The Armed Forces of the Philippines (AFP) sent 900 troops to Mindanao. AFP "
        "spokesperson Col. Maria Cruz said they arrived on Monday.",
    )
    (forces,) = [e for e in f.entities if "Armed Forces of the Philippines" in e.names]
    assert forces.type is EntityType.ORGANIZATION and "AFP" in forces.names
    assert not any(e.type is EntityType.ORGANIZATION and e.names == ("AFP",) for e in f.entities)
    (d,) = f.deployments
    assert d.by == forces.id
    f = _facts(
        "en", "The Armed Forces of the Philippines (AFP) has deployed 900 troops to Mindanao."
    )
    assert [f.entity(d.by).names[0] for d in f.deployments] == ["Armed Forces of the Philippines"]


def test_a_body_of_the_country_keeps_its_whole_name() -> None:
    """ "Armed Forces of the Philippines", "Bank of the Philippines": one name each, not a
    body "Armed Forces of the" and the country."""
    types = _types(
        "en", "The Armed Forces of the Philippines and the Bank of the Philippines met in Manila."
    )
    assert types["Armed Forces of the Philippines"] is EntityType.ORGANIZATION
    assert types["Bank of the Philippines"] is EntityType.ORGANIZATION
    assert "Armed Forces of the" not in types


def test_radio_stations_and_squares_written_in_lower_case() -> None:
    """ "according to Radio Farda" is a station, not a person; "Martyrs’ square" is one
    place with its lower-case head noun."""
    types = _types(
        "en",
        "Ten people died, according to Radio Azadi. Police fired tear gas at protesters in "
        "Shohada square in the capital, Tehran.",
    )
    assert types["Radio Azadi"] is EntityType.ORGANIZATION
    assert types["Shohada square"] is EntityType.LOCATION


def test_an_office_s_name_before_its_short_name_is_no_person() -> None:
    """Rule an-office-s-portfolio: "Direktur Reserse Kriminal Umum (Direskrimum) Polda
    Riau, Kombes X": the office's name, not a person; a nickname in brackets after a
    president's name keeps the name ("Presiden Joko Widodo (Jokowi) Senin")."""
    types = _types(
        "id",
        "Direktur Reserse Kriminal Umum (Direskrimum) Polda Riau, Kombes Pol Andi Rahman, "
        "menjelaskan. Komisioner Bawaslu Siti Nurjanah hadir. Presiden Joko Widodo (Jokowi) "
        "Senin mengatakan hal itu.",
    )
    assert "Reserse Kriminal Umum" not in types
    assert types["Andi Rahman"] is EntityType.PERSON
    assert types["Joko Widodo"] is EntityType.PERSON
    assert "Komisioner Bawaslu Siti Nurjanah" not in types


def test_a_name_with_an_age_after_it_is_a_person() -> None:
    """Rule an-age-makes-a-person: "dievakuasi ke RS Bhayangkara, Rahmat (43) yang ..." is a
    victim, not a place listed after the hospital."""
    types = _types(
        "id",
        "Korban meninggal yakni Sarinah (26) yang dievakuasi ke RS Bhayangkara, Rahmat (43) "
        "yang meninggal di RS Grestelina, serta seorang pria bernama Abay.",
    )
    assert types["Rahmat"] is EntityType.PERSON and types["Sarinah"] is EntityType.PERSON


@pytest.mark.parametrize(
    ("town", "country"), [("Port Sudan", "Sudan"), ("Guatemala City", "Guatemala")]
)
def test_a_town_named_after_its_country_is_not_the_country(town: str, country: str) -> None:
    """Rule a-place-with-its-head-is-the-place stops at a country: "Port Sudan" and
    "Sudan" in one article are a town and a country, not one place with two names."""
    f = _facts(
        "en",
        f"Protesters marched in {town} on Saturday. The military detained {country}'s "
        "civilian leadership.\n",
    )
    assert {n for e in f.entities for n in e.names} >= {town, country}
    assert not any({town, country} <= set(e.names) for e in f.entities)


def test_a_name_led_by_a_site_word_is_no_person() -> None:
    """Rule a-site-is-no-person: "Menurut Andi Lubis, direktur Rumah Sakit Harapan Kita,
    ..." reads as if the hospital spoke; a name led by a site's word is a place."""
    f = _facts(
        "id",
        "Menurut Andi Lubis, direktur eksekutif Rumah Sakit Layanan Umum, dua orang meninggal "
        "dunia dalam kerusuhan hari ini.\n",
    )
    types = {e.names[0]: e.type.value for e in f.entities}
    assert types.get("Rumah Sakit Layanan Umum") == "Location"


def test_a_name_ending_in_a_site_word_is_no_person_where_heads_come_last() -> None:
    """Rule a-site-is-no-person, in English: a name a site's word ends is a place, even
    after a royal title ("King Fahd Hospital") and though it seems to speak."""
    types = _types(
        "en",
        "Hundreds marched to the Queen Ratana Convention Center on Friday. King Fahd Hospital "
        "said 40 were hurt.",
    )
    assert types["Queen Ratana Convention Center"] is EntityType.LOCATION
    assert types["King Fahd Hospital"] is EntityType.LOCATION


def test_indonesian_police_ranks_in_english_are_no_persons() -> None:
    """ "Sr. Comr. Awi Setiyono", "Insp. Gen. Boy Rafli Amar": ranks of the Indonesian
    police as English-language papers write them; "Sr" and "Insp" are no persons."""
    f = _facts(
        "en",
        "Police spokesman Sr. Comr. Budi Santoso and Insp. Gen. Andi Lubis showed the "
        "evidence in Jakarta on Saturday.\n",
    )
    names = {n for e in f.entities for n in e.names}
    assert {"Budi Santoso", "Andi Lubis"} <= names
    assert not names & {"Sr", "Insp", "Comr"}


def test_a_number_word_begins_no_name() -> None:
    # rule a-number-begins-no-name: a count opening the sentence is no part of a name
    f = _facts("en", "Eighty Irish soldiers were deployed to Lebanon on Monday.")
    assert "Eighty Irish" not in {n for e in f.entities for n in e.names}
    rows = [(f.entity(d.by).names[0], f.entity(d.to).names[0]) for d in f.deployments]
    assert rows == [("Ireland", "Lebanon")]
    assert f.deployments[0].troops is not None and f.deployments[0].troops.value == 80


def test_a_region_is_known_without_its_diacritics() -> None:
    # ISO 3166-2 writes "Mahārāshtra" and "Rājasthān"; the news writes them plain
    types = _types("en", "Maharashtra sent a delegation to the talks with Rajasthan.")
    assert types.get("Maharashtra") is EntityType.LOCATION
    assert types.get("Rajasthan") is EntityType.LOCATION


def test_disputed_regions_and_a_country_s_short_name_are_known() -> None:
    f = _facts("en", "Fiji deployed 60 soldiers to the Golan Heights on Monday.")
    assert [(f.entity(d.by).names[0], f.entity(d.to).names[0]) for d in f.deployments] == [
        ("Fiji", "Golan Heights")
    ]
    # "CAR" is the Central African Republic in an article that names it in full
    f = _facts(
        "en",
        "Zambia has troops in the Central African Republic. Its battalion arrived in CAR on "
        "Friday.",
    )
    car = [e for e in f.entities if "CAR" in e.names]
    assert len(car) == 1 and car[0].type is EntityType.LOCATION
    assert "Central African Republic" in car[0].names


def test_national_bodies_of_indonesia_are_known() -> None:
    types = _types(
        "id",
        "Ketua Bawaslu Rudi Hartono meminta Satpol PP dan Basarnas bersiaga di lokasi pemilu.",
    )
    assert types.get("Bawaslu") is EntityType.ORGANIZATION
    assert types.get("Satpol PP") is EntityType.ORGANIZATION
    assert types.get("Basarnas") is EntityType.ORGANIZATION
    assert "Bawaslu Rudi Hartono" not in types


def test_a_body_named_after_a_rank_is_no_person() -> None:
    # rule a-body-named-after-a-rank: "the General Service Unit" is a police unit
    types = _types("en", "Officers of the General Service Unit patrolled Kisumu on Monday.")
    assert types.get("General Service Unit") is EntityType.ORGANIZATION
    assert "Service Unit" not in types
    types = _types("en", "General Moses Kariuki inspected the troops in Kisumu on Monday.")
    assert types.get("Moses Kariuki") is EntityType.PERSON


def test_a_squadron_written_skadron_is_a_unit() -> None:
    types = _types("id", "Sebanyak 150 prajurit dari Skadron Udara 9 dikirim ke Kabupaten Garut.")
    assert types.get("Skadron Udara 9") is EntityType.ORGANIZATION


def test_a_count_in_thousands_after_a_name_is_no_part_of_it() -> None:
    # "Di Surabaya 4 ribu personel": a count of 4,000, not "Surabaya 4"
    types = _types("id", '"Di Surabaya 4 ribu personel berjaga di TPS," kata dia.')
    assert types.get("Surabaya") is EntityType.LOCATION and "Surabaya 4" not in types
    types = _types("en", "In Mombasa 2 thousand officers were on duty on Monday.")
    assert "Mombasa 2" not in types


def test_a_place_its_name_calls_one_is_no_person_after_a_title() -> None:
    # rule a-place-its-name-calls-one: "Bupati Sukalaras" is the regent of the regency
    body = (
        "Polda Sulawesi Tengah mengirim 150 personel ke Sukalaras, Sulawesi Tengah, usai unjuk "
        "rasa berujung pembakaran kantor bupati. Personel itu akan bergeser ke Kabupaten "
        "Sukalaras. Massa membakar kantor Bupati Sukalaras dan rumah jabatan Bupati Sukalaras."
    )
    facts = _facts("id", body)
    types = {n: e.type for e in facts.entities for n in e.names}
    assert types["Sukalaras"] is EntityType.LOCATION
    names = {e.id: e.names for e in facts.entities}
    assert all("Sukalaras" not in names[r.person] for r in facts.roles)
    (dep,) = facts.deployments
    assert "Sukalaras" in names[dep.to]


def test_a_hyphenated_rank_is_no_part_of_the_name() -> None:
    # rule a-hyphenated-rank
    types = _types("en", "Lieutenant-Colonel Amos Kiprono told reporters the convoy had left.")
    assert types.get("Amos Kiprono") is EntityType.PERSON
    assert not any("Lieutenant" in name for name in types)


def test_the_polite_you_is_no_town() -> None:
    # "Anda" is also a town of the gazetteer; in Indonesian it is the polite "you"
    types = _types(
        "id", "Jika Anda datang ke Bandung pada Senin, Anda akan melihat unjuk rasa itu."
    )
    assert "Anda" not in types and types["Bandung"] is EntityType.LOCATION


def test_an_office_named_before_its_lower_case_body_is_no_person() -> None:
    # rule an-office-s-portfolio, with the body's head word in lower case
    body = (
        "Kepala Bidang Hubungan Masyarakat (Kabid Humas) kepolisian Daerah (Polda) Sulteng, "
        "Komisaris Besar Budi Santoso, membenarkan kejadian itu."
    )
    types = _types("id", body)
    assert "Bidang Hubungan Masyarakat" not in types
    assert types["Budi Santoso"] is EntityType.PERSON


def test_a_breadcrumb_that_cuts_the_title_short_is_no_story() -> None:
    # rule the-title-cut-short
    meta = {
        "title": "Chad Sends Troops to Niger in Wake of Border Clashes",
        "published": "2021-06-10",
        "language": "en",
    }
    body = (
        "Home Sahel Chad Sends Troops to Niger in Wake...\n\n"
        "Chad Sends Troops to Niger in Wake of Border Clashes\n\n"
        "Chad sent 300 soldiers to Niger on Monday after clashes on the border.\n"
    )
    names = {n for e in extract(ArticleText(meta, body)).entities for n in e.names}
    assert names == {"Chad", "Niger"}


def test_the_government_of_a_state_is_the_state() -> None:
    # rule the-government-of-a-state
    facts = _facts("en", "The Government of Malawi has deployed 200 soldiers to Mozambique.")
    names = {e.id: (e.type, e.names) for e in facts.entities}
    (dep,) = facts.deployments
    assert names[dep.by] == (EntityType.LOCATION, ("Malawi",))
    types = _types("en", "The Government of National Unity sent 300 troops to Sirte.")
    assert types["Government of National Unity"] is EntityType.ORGANIZATION


def test_a_corps_named_by_its_head_word_alone() -> None:
    """Rule a-corps-named-by-its-head: "Brimob" alone names the corps, though a head word
    alone ("Dewan") names nothing; rule a-corps-and-its-one-unit: with one unit of it
    named, the corps is that unit, whose own name stays first."""
    body = (
        "Polda Jateng menurunkan Sabhara, Brimob dan intelijen ke Pati. Brimob Polda Lampung "
        "dan Brimob Polda Maluku juga membantu.\n"
    )
    names = [e.names for e in _facts("id", body).entities if "Brimob" in e.names]
    assert names == [("Brimob",)]
    body = "Polda Sulut mengirim 200 personel Brimob. Brimob Polda Sulut tiba di Gorontalo.\n"
    names = [e.names for e in _facts("id", body).entities if "Brimob" in e.names]
    assert names == [("Brimob Polda Sulut", "Brimob")]


def test_a_corps_after_troops_is_their_kind_not_their_sender() -> None:
    """Rule a-corps-is-the-troops-kind: "dua kompi Brimob diterjunkan" after "Polri
    mengirimkan pasukan" tells what troops Polri sent; Brimob sends no row of its own."""
    body = (
        "Polri mengirimkan pasukan tambahan ke Papua. Sebanyak dua kompi Brimob diterjunkan "
        "untuk perbantuan keamanan di provinsi paling timur Indonesia itu.\n"
    )
    f = _facts("id", body)
    assert any(e.names == ("Brimob",) for e in f.entities)
    assert [f.entity(d.by).names for d in f.deployments] == [("Polri",)]


def test_a_force_named_with_its_area_s_short_name() -> None:
    """Rule a-force-and-its-area-s-short-name: "Polda Kalimantan Tengah" and "Polda
    Kalteng", "Polda Nusa Tenggara Barat" and "Polda NTB" are one body each."""
    body = (
        "Polda Kalimantan Tengah mengirim 300 personel ke Palangka Raya. Polda Kalteng juga "
        "mengirim kendaraan. Polda NTB dan Polda Nusa Tenggara Barat ikut membantu.\n"
    )
    names = sorted(e.names for e in _facts("id", body).entities if e.names[0].startswith("Polda"))
    assert names == [
        ("Polda Kalimantan Tengah", "Polda Kalteng"),
        ("Polda NTB", "Polda Nusa Tenggara Barat"),
    ]


def test_another_name_of_a_town_of_a_country_the_article_never_tells() -> None:
    """Rule another-name-of-a-town-of-a-country-the-article-tells: "Bone" (once Annaba's
    name) is a place of its own in a story that names no Algeria; the site's town and the
    office's place are one entity."""
    f = _facts(
        "id", "Warga berkumpul di Masjid Raya Bone.\nPolisi berjaga di kantor Bupati Bone.\n"
    )
    assert [e.id for e in f.entities if e.names == ("Bone",)] == ["bone"]
    f = _facts("id", "Warga berkumpul di Masjid Raya Bone, Aljazair.\n")
    assert [e.id for e in f.entities if e.names == ("Bone",)] == ["annaba"]


def test_another_name_of_a_town_is_that_town_beside_a_city_of_its_country() -> None:
    """Rule another-name-of-a-town-of-a-country-the-article-tells: a city the authority
    file places in the town's country tells the country too ("Dhaka and Chittagong":
    Chittagong, another name of Chattogram, is the Bangladeshi town), so its mentions are
    one entity and a protest in both towns is a wave in Bangladesh."""
    body = (
        "Thousands marched through Dhaka and Chittagong on Friday against fuel prices. "
        "Two protesters were killed in Chittagong.\n"
    )
    f = _facts("en", body)
    assert [e.id for e in f.entities if e.names == ("Chittagong",)] == ["chattogram"]
    assert [f.entity(p.location).names[0] for p in f.protests] == ["Bangladesh"]
    f = _facts("en", "Thousands marched through Chittagong on Friday against fuel prices.\n")
    assert [e.id for e in f.entities if e.names == ("Chittagong",)] == ["chittagong"]


def test_a_body_for_a_cause() -> None:
    """Rule a-body-for-a-cause: a body's head word, "for" and the capitalised words after it
    are one name, a place among them too."""
    types = _types(
        "en",
        "The Federation for Fair Fishing said police were sent to Dover. The Movement for "
        "the Defence of Liberty called a march in Lagos. The Police Federation for Northern "
        "Ireland warned of attacks.",
    )
    for name in (
        "Federation for Fair Fishing",
        "Movement for the Defence of Liberty",
        "Police Federation for Northern Ireland",
    ):
        assert types.get(name) is EntityType.ORGANIZATION, name
    assert "Police Federation" not in types


def test_a_body_on_what_it_is_about() -> None:
    """A body's head word, "on" and the capitalised words of what it is about are one name
    (``topic_links``); a known place after "on" is where, no part of it."""
    types = _types(
        "en",
        "The Kenya National Commission on Human Rights said 50 people were held. The Army on "
        "Kenya's border was calm.",
    )
    assert types.get("Kenya National Commission on Human Rights") is EntityType.ORGANIZATION
    assert "Human Rights" not in types and "Army on Kenya" not in types
    assert types.get("Kenya") is EntityType.LOCATION


def test_a_minister_s_portfolio_is_no_part_of_the_name() -> None:
    """Rule a-minister-s-portfolio: "Minister for Fisheries and Ports Ann Lee": the portfolio
    after "of"/"for" belongs to the title, and "Secretary" is a title; the person's name is
    what comes after."""
    types = _types(
        "en",
        "Minister for Fisheries and Ports Ann Lee told reporters that the army was sent to "
        "Dover. Secretary Carla Ruiz agreed, and the Minister of Defense Omar Khalid was in "
        "Lagos.",
    )
    for name in ("Ann Lee", "Carla Ruiz", "Omar Khalid"):
        assert types.get(name) is EntityType.PERSON, name
    assert not any(n.startswith(("Ports", "Secretary", "Defense")) for n in types)


def test_a_demonym_s_government_is_a_body() -> None:
    """Rule a-demonym-s-government: "the Peruvian government" is an organization the article
    names; "Peruvian authorities" are not, and the state still sends the troops."""
    f = _facts(
        "en",
        "The Peruvian government sent 2,000 soldiers to Cusco on Monday. Peruvian "
        "authorities closed the roads. The Peruvian government said troops were sent to Puno.",
    )
    types = {n: e.type for e in f.entities for n in e.names}
    assert types.get("Peruvian government") is EntityType.ORGANIZATION
    assert "Peruvian authorities" not in types
    # rule the-state-of-the-body-that-reports-it: the troops it says were sent are Peru's
    assert [(f.entity(d.by).names[0], f.entity(d.to).names[0]) for d in f.deployments] == [
        ("Peru", "Cusco"),
        ("Peru", "Puno"),
    ]
    g = _facts("en", "The Peruvian government said on Monday that soldiers were sent to Cusco.")
    assert [g.entity(d.by).names[0] for d in g.deployments] == ["Peru"]


def test_a_legislature_by_its_word() -> None:
    """Rule a-legislature-by-its-word: "Parliament", "Congress" written alone with a capital
    name the state's legislature, an organization; with a demonym or a country's possessive
    before it, the name takes them ("the Peruvian Parliament", "Chile's Parliament")."""
    types = _types(
        "en",
        "Parliament voted on Monday to extend the curfew in Lima. The lower house of Congress "
        "approved it. The Peruvian Parliament met again, and Chile's Parliament said nothing.",
    )
    for name in ("Parliament", "Congress", "Peruvian Parliament", "Chile's Parliament"):
        assert types.get(name) is EntityType.ORGANIZATION, name


def test_a_speaker_s_name_with_its_article() -> None:
    """Rule a-speaker-s-name-with-its-article: "Ali al-Sadr said": a speaker's name may hold
    a word that begins with an Arabic article in lower case."""
    types = _types("en", "Ali al-Sadr said he would leave politics on Monday.")
    assert types.get("Ali al-Sadr") is EntityType.PERSON


def test_a_country_s_part() -> None:
    """Rule a-country-s-part: a part of a country that a direction names ("southern Chile")
    is a place of the article even where no deployment goes there."""
    types = _types("en", "Protesters blocked roads in southern Chile on Monday, police said.")
    assert types.get("southern Chile") is EntityType.LOCATION
    assert types.get("Chile") is EntityType.LOCATION


def test_a_holder_s_office() -> None:
    """Rule a-holder-s-office: an office its holder's possessive names is a body ("the
    ombudsman's office", "Mendoza's office"), the holder keeps its own entity, and the
    run "Office of Chile" after the possessive is part of the one name."""
    types = _types(
        "en",
        "The ombudsman's office said 12 people were hurt in Valparaiso. Ana Mendoza's office "
        "denied it. According to the Comptroller's Office of Chile, it's office work.",
    )
    assert types.get("ombudsman's office") is EntityType.ORGANIZATION
    assert types.get("Ana Mendoza's office") is EntityType.ORGANIZATION
    assert types.get("Ana Mendoza") is EntityType.PERSON
    assert types.get("Comptroller's Office of Chile") is EntityType.ORGANIZATION
    assert "Office of Chile" not in types
    assert not any(n.lower().startswith("it") for n in types)


def test_a_credit_after_a_caption() -> None:
    """Rule a-credit-after-a-caption: an agency after a caption's last sentence ("... in
    Lima. AP", "... on Monday. — AFP") or after the photographer's slash ("Image: Ana
    Ruiz / REUTERS") took the photo; it is no source of the story."""
    types = _types(
        "en",
        "Soldiers stand guard at a checkpoint in Lima. AP\n\n"
        "Police officers walk past a burning car in Cusco on Monday. — AFP\n\n"
        "Image: Ana Ruiz / REUTERS Protesters march in Arequipa.\n\n"
        "Peru deployed 500 soldiers to Lima on Tuesday, the army said.",
    )
    assert {"AP", "AFP", "REUTERS"}.isdisjoint(types)
    assert types.get("Lima") is EntityType.LOCATION


def test_the_sources_after_the_editors() -> None:
    """Rule the-sources-after-the-editors: a closing line of editors' initials with the
    agencies in brackets ("ab/cd (AFP, Reuters)") cites those agencies as sources; the
    initials are no names."""
    types = _types(
        "en",
        "Police in Nairobi fired tear gas at hundreds of protesters on Tuesday.\n\n"
        "ab/cd (AFP, Reuters)",
    )
    assert types.get("AFP") is EntityType.ORGANIZATION
    assert types.get("Reuters") is EntityType.ORGANIZATION
    assert not any("/" in n for n in types)


def test_a_rank_written_short_is_no_part_of_the_body() -> None:
    # rule a-rank-written-short: "Komisaris" and "Brigjend" are ranks before a name
    types = _types(
        "id",
        "Wakil Kepala Polresta Garut Komisaris Andi Saputra meminta massa bubar. "
        "Wakapolda Sumbar Brigjend Pol Budi Hartono hadir di lokasi.",
    )
    assert types.get("Andi Saputra") is EntityType.PERSON
    assert types.get("Budi Hartono") is EntityType.PERSON
    assert "Polresta Garut Komisaris Andi" not in types


def test_a_local_government_by_its_word() -> None:
    # rule a-local-government-by-its-word: "Pemda" alone is the local government
    types = _types(
        "id",
        "Pengamanan pawai melibatkan personel TNI, Polri, dan Pemda. Pemkot juga menyiapkan "
        "petugas dari Pemerintah Kota (Pemkot) Bogor.",
    )
    assert types.get("Pemda") is EntityType.ORGANIZATION
    assert types.get("Pemkot") is not EntityType.PERSON
    assert "Dewan" not in _types("id", "Dewan menolak usulan itu pada Senin.")


def test_initials_before_syllables() -> None:
    # rule initials-before-syllables: "FPM" is the name its initials spell
    facts = _facts(
        "id",
        "Massa Front Pemuda Maluku menolak keputusan Federasi Pembela. "
        "Kemudian FPM menggelar aksi di Ambon pada Senin.",
    )
    owner = next(e for e in facts.entities if "FPM" in e.names)
    assert "Front Pemuda Maluku" in owner.names


def test_a_local_government_s_name() -> None:
    # rule a-local-government-s-name: "Pemerintah" with a tier of the state is a body
    types = _types(
        "id",
        "Warga menolak kebijakan Pemerintah Kabupaten Sleman soal pajak. Keputusan itu "
        "juga dikritik Pemerintah Pusat pada Senin. Massa berkumpul di depan Kantor "
        "Pemerintah Provinsi Jambi.",
    )
    assert types.get("Pemerintah Kabupaten Sleman") is EntityType.ORGANIZATION
    assert types.get("Pemerintah Pusat") is EntityType.ORGANIZATION
    assert types.get("Pemerintah Provinsi Jambi") is not EntityType.ORGANIZATION


def test_a_unit_by_its_number() -> None:
    # rule a-unit-by-its-number: a unit's head word with its number names the unit
    facts = _facts(
        "id",
        "Militer Jerman mengirim divisi komando ke-12 dan brigade 304 ke Vilnius pada Senin. "
        "Divisi ke-12 tiba lebih dulu, sementara satu kompi 150 personel menyusul.",
    )
    units = {n: e for e in facts.entities for n in e.names}
    assert "divisi komando ke-12" in units and "Divisi ke-12" not in units
    assert units["brigade 304"].type is EntityType.ORGANIZATION
    assert not any("kompi" in n for n in units)
    types = _types("en", "Germany moved the 12th division to Vilnius on Monday.")
    assert types.get("12th division") is EntityType.ORGANIZATION


def test_an_outlet_cited_after_more_report_cues() -> None:
    # rule an-outlet-cited: "seperti dimuat" and "dihimpun dari" cite a news outlet
    types = _types(
        "id",
        "Seperti dimuat Kabar Timur, Jumat (2/6), massa membakar ban di Makassar. "
        "Fakta-fakta berikut dihimpun dari Warta Selatan: polisi menangkap tiga orang.",
    )
    assert types.get("Kabar Timur") is EntityType.ORGANIZATION
    assert types.get("Warta Selatan") is EntityType.ORGANIZATION


def test_a_site_by_its_noun() -> None:
    """Rule a-site-by-its-noun: a lower-case site noun after a place's name makes one site,
    a Location: beside a known town a place of its own (the airport and Nairobi), else
    another name of the place ("Lamira base" and "Lamira"); "police station" is a site,
    no police force; never before "of"."""
    f = _facts(
        "en",
        "The soldiers landed at Nairobi airport on Monday and drove to Lamira base. "
        "Lamira lies far to the north. Police held ten men in Kivoro and took them to the "
        "Kivoro police station. Another rally was held in the Nairobi suburb of Kibera.",
    )
    names = {frozenset(e.names): e.type for e in f.entities}
    assert names.get(frozenset({"Nairobi airport"})) is EntityType.LOCATION
    assert frozenset({"Nairobi"}) in names
    assert names.get(frozenset({"Lamira base", "Lamira"})) is EntityType.LOCATION
    assert names.get(frozenset({"Kivoro", "Kivoro police station"})) is EntityType.LOCATION
    assert all("Nairobi suburb" not in n and "Kivoro police" not in n for n in names)


def test_a_force_s_area_is_its_name() -> None:
    """Rule a-force-s-area-is-its-name: after a title, "Metro Jakarta Barat" is the area of
    the force the title heads (Polres Metro Jakarta Barat), no place of the article."""
    types = _types(
        "id",
        "Kapolres Metro Jakarta Barat Kombes Andi Wijaya mengatakan 300 personel berjaga "
        "di Jakarta Barat pada Senin (3/2/2025).",
    )
    assert "Metro Jakarta Barat" not in types
    assert types.get("Polres Metro Jakarta Barat") is EntityType.ORGANIZATION


def test_a_bloc_s_edge() -> None:
    """Rule a-bloc-s-edge: "the Pact's southern flank" is a place; named again after the
    continent ("Asia's southern flank") it is the same place."""
    f = _facts(
        "en",
        "The Pact will station a new brigade on the Pact's southern flank, officials said. "
        "Two battalions already guard Asia's southern flank.",
    )
    places = [set(e.names) for e in f.entities if e.type is EntityType.LOCATION]
    assert {"Pact's southern flank", "Asia's southern flank"} in places


def test_an_edge_sends_no_troops() -> None:
    """Rule an-edge-sends-no-troops: the subject before a verb of stationing that is a
    bloc's edge ("troops stationed on Asia's southern flank including soldiers who were
    to be stationed at ...") is where the troops are, never their sender."""
    f = _facts(
        "en",
        "Poland was told of US plans to cut the number of troops stationed on Asia's southern "
        "flank including soldiers who were to be stationed at Poland's Lamira air base, the "
        "ministry said on Monday.",
    )
    senders = {f.entity(d.by).names[0] for d in f.deployments if d.by}
    assert senders and "Asia's southern flank" not in senders


def test_a_hall_is_a_site_named_after_its_town() -> None:
    """Rule a-site-named-after-its-town: "Balai Kota Bandung" (a hall is a site's head word)
    keeps its whole name, the town's prefix making the town a word of it; Bandung is a
    place of its own. "Balai Musyawarah Sukamaju" is a site too, no body."""
    types = _types(
        "id",
        "Ratusan buruh berunjuk rasa di depan Balai Kota Bandung pada Senin (3/2/2025). "
        "Sebagian lagi berkumpul di Balai Musyawarah Sukamaju.",
    )
    assert types.get("Balai Kota Bandung") is EntityType.LOCATION
    assert types.get("Bandung") is EntityType.LOCATION
    assert types.get("Balai Musyawarah Sukamaju") is EntityType.LOCATION


def test_a_regency_and_its_town() -> None:
    """Rule a-regency-and-its-town: an article that names both "Kota Kupang" and "Kabupaten
    Kupang" tells of two places, the town (also "Kupang") and the regency around it."""
    f = _facts(
        "id",
        "Polisi berjaga di Kota Kupang pada Senin (3/2/2025). Di Kabupaten Kupang, ratusan "
        "warga juga berunjuk rasa di Kupang.",
    )
    places = [set(e.names) for e in f.entities if e.type is EntityType.LOCATION]
    assert {"Kabupaten Kupang"} in places
    assert {"Kota Kupang", "Kupang"} in places


def test_a_person_s_surname_is_no_region() -> None:
    """Rule a-person-s-surname-is-no-region: "Maria Lara, a nurse at the clinic", then
    "Lara said": the person, not the region of that name the authority file knows."""
    types = _types(
        "en",
        "Two men were hurt, said Maria Lara, a nurse at the clinic in Cusco. Lara said the "
        "police fired first.",
    )
    assert types.get("Lara") is EntityType.PERSON


def test_a_body_without_its_country_is_the_body() -> None:
    # rule a-body-without-its-country
    f = _facts(
        "en",
        "Lawmakers of the National Assembly of Chile met on Monday. Later the National "
        "Assembly voted against the plan.",
    )
    assert {"National Assembly of Chile", "National Assembly"} in [set(e.names) for e in f.entities]
    f = _facts(
        "id",
        "Ratusan orang berunjuk rasa di depan Istana Kepresidenan Kenya pada Senin. Polisi "
        "menjaga Istana Kepresidenan hingga malam.",
    )
    assert {"Istana Kepresidenan Kenya", "Istana Kepresidenan"} in [
        set(e.names) for e in f.entities
    ]
    f = _facts(
        "en",
        "The National Assembly of Chile and the National Assembly of Peru met. The National "
        "Assembly voted.",
    )
    assert {"National Assembly"} in [set(e.names) for e in f.entities]  # which one is not told


def test_a_unit_s_number_is_optional() -> None:
    # rule a-unit-s-number-is-optional
    f = _facts(
        "id",
        "Komando Daerah Militer IX Udayana mengirim 100 prajurit ke Bima pada Senin. Juru "
        "bicara Kodam Udayana membenarkan hal itu.",
    )
    assert {"Komando Daerah Militer IX Udayana", "Kodam Udayana"} <= {
        n for e in f.entities if "Kodam Udayana" in e.names for n in e.names
    }
    f = _facts(
        "id",
        "Kodam IX Udayana dan Kodam XVI Udayana mengirim prajurit ke Bima pada Senin. Juru "
        "bicara Kodam Udayana membenarkan hal itu.",
    )
    assert {"Kodam Udayana"} in [set(e.names) for e in f.entities]  # which one is not told


def test_a_person_by_what_they_are() -> None:
    """Rule a-person-by-what-they-are: a noun that tells what someone is, no office, right
    before a name makes the name a person ("the singer Ilse Varnado Quen", "pegiat lingkungan,
    Rina Hapsari")."""
    types = _types(
        "en",
        "The curfew was criticised by the singer Ilse Varnado Quen on Monday.",
    )
    assert types.get("Ilse Varnado Quen") is EntityType.PERSON
    types = _types(
        "id",
        "Polisi di pelabuhan menahan pegiat lingkungan, Rina Hapsari, pada Senin malam.",
    )
    assert types.get("Rina Hapsari") is EntityType.PERSON


def test_persons_in_a_list() -> None:
    """Rule persons-in-a-list: a name no rule types that comes next in a list after a person
    is a person ("the singer Ilse Varnado Quen, Tomas Berelo and Koro Namaka"); after a comma
    alone only when the list goes on."""
    types = _types(
        "en",
        "The curfew was criticised by the singer Ilse Varnado Quen, Tomas Berelo Sanz and "
        "Koro Namaka Ruiz on Monday.",
    )
    assert types.get("Tomas Berelo Sanz") is EntityType.PERSON
    assert types.get("Koro Namaka Ruiz") is EntityType.PERSON


def test_an_age_by_the_name_makes_a_person() -> None:
    """Rule an-age-by-the-name-makes-a-person: an age right before a name or between commas
    right after it makes the name a person."""
    types = _types(
        "en",
        "Ilse Varnado Quen, 31, was hurt on Monday. The march was led by the 40-year-old "
        "Tomas Berelo Sanz.",
    )
    assert types.get("Ilse Varnado Quen") is EntityType.PERSON
    assert types.get("Tomas Berelo Sanz") is EntityType.PERSON
    types = _types("id", "Polisi menahan Rina Hapsari Kanta, 22 tahun, pada Senin malam.")
    assert types.get("Rina Hapsari Kanta") is EntityType.PERSON


def test_two_particles_in_a_name() -> None:
    """Rule two-particles-in-a-name: "von der", "de la" inside a name keep it whole."""
    types = _types(
        "en", "Defence Minister Ilse von der Varn said on Monday that the troops would stay."
    )
    assert types.get("Ilse von der Varn") is EntityType.PERSON
    assert "Ilse" not in types


def test_a_leader_s_name_is_a_person() -> None:
    """Rule a-leader-s-name-is-a-person: a name no rule types right after "led by",
    "dipimpin" is the person who leads."""
    types = _types("id", "Kelompok yang dipimpin Koro Namaka berhasil mendekat ke gedung itu.")
    assert types.get("Koro Namaka") is EntityType.PERSON
    types = _types("en", "The interim government led by Ilse Varnado is a dictatorship, he said.")
    assert types.get("Ilse Varnado") is EntityType.PERSON
    # "headed by", "commanded by", "diketuai" as "led by"
    types = _types("en", "The government, headed by Koro Namaka, welcomed the deployment.")
    assert types.get("Koro Namaka") is EntityType.PERSON
    types = _types("id", "Tim yang diketuai Koro Namaka tiba di lokasi pada Senin.")
    assert types.get("Koro Namaka") is EntityType.PERSON


def test_a_regional_secretary_is_a_place_s_title() -> None:
    """'Sekda' (regional secretary), acting ('Pj', 'Plt'), is held over the place named
    after it: "Pj Sekda Sukamaju Rina Hapsari" is Rina Hapsari, acting secretary of
    Sukamaju."""
    f = _facts("id", "Dialog yang dihadiri Pj Sekda Garut Koro Namaka berlangsung alot pada Senin.")
    types = {n: e.type for e in f.entities for n in e.names}
    assert types.get("Koro Namaka") is EntityType.PERSON
    assert types.get("Garut") is EntityType.LOCATION
    assert any(r.role == "Acting Regional Secretary" for r in f.roles)


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "id",
            "Ribuan buruh berunjuk rasa di Lumbara, Senin (7/6/2021).\n\n"
            "Sumber: Reuters | Editor: Sinta Dewi",
        ),
        ("en", "Police in Lumbara fired tear gas at hundreds of protesters.\n\nSource: AFP"),
    ],
)
def test_the_agency_a_source_line_names(lang: str, body: str) -> None:
    """Rule the-agency-a-source-line-names: "Sumber: Reuters | Editor: X" closes a story
    taken from an agency: the agency is a source the story cites, the editor no name."""
    types = _types(lang, body)
    agency = "Reuters" if lang == "id" else "AFP"
    assert types.get(agency) is EntityType.ORGANIZATION
    assert "Sinta Dewi" not in types


def test_the_publisher_in_its_own_source_line_is_no_source() -> None:
    # rule the-agency-a-source-line-names: the publisher's own name is no source it cites
    meta = {"title": "Judul", "published": "2021-06-10", "language": "id", "publisher": "Antara"}
    body = "Ribuan buruh berunjuk rasa di Lumbara, Senin (7/6/2021).\n\nSumber: Antara"
    f = extract(ArticleText(meta, body))
    assert "Antara" not in {n for e in f.entities for n in e.names}


def test_a_body_of_an_area() -> None:
    """Rule a-body-of-an-area: a body's name, then an administrative head and its place, is
    the body of that area ("Satpol PP Kota X", "SKPD Kabupaten X"); the place is an entity
    too."""
    types = _types(
        "id",
        "Satpol PP Kota Sukamaju dan SKPD Kabupaten Tanah Merah menemui massa. Buruh yang "
        "tergabung dalam Garda Metal FSPMI Kota Batam berdemo.",
    )
    assert types.get("Satpol PP Kota Sukamaju") is EntityType.ORGANIZATION
    assert types.get("Kota Sukamaju") is EntityType.LOCATION
    assert types.get("SKPD Kabupaten Tanah Merah") is EntityType.ORGANIZATION
    assert types.get("Kabupaten Tanah Merah") is EntityType.LOCATION
    assert types.get("Garda Metal FSPMI Kota Batam") is EntityType.ORGANIZATION
    assert not {"Satpol PP", "SKPD", "Garda Metal FSPMI"} & set(types)


def test_a_direction_of_two_words() -> None:
    """Rule a-direction-of-two-words: "Nigeria timur laut", "Turki tenggara": a compound
    direction after a country names that part of it, not the country's east."""
    types = _types(
        "id",
        "Tentara dikirim ke Nigeria timur laut pada Senin. Pengungsi tiba di Turki tenggara.",
    )
    assert types.get("Nigeria timur laut") is EntityType.LOCATION
    assert types.get("Turki tenggara") is EntityType.LOCATION
    assert "Nigeria timur" not in types
    # written with capitals too
    types = _types("id", "Israel mengerahkan 300 prajurit ke Lebanon Barat Daya pada Senin.")
    assert types.get("Lebanon Barat Daya") is EntityType.LOCATION


def test_a_body_s_name_goes_on_through_of_the() -> None:
    """Rule a-body-s-name-goes-on: a body's name with its head word ("Front") goes on
    through "of the" after a word that is no head ("... for the Defence of the Charter")."""
    types = _types(
        "en",
        "The Popular Front for the Defence of the Charter (PFDC) called for protests in "
        "Lumbria on Monday.",
    )
    assert types.get("Popular Front for the Defence of the Charter") is EntityType.ORGANIZATION
    assert "Popular Front for the Defence" not in types
    assert "Charter" not in types


def test_a_title_before_a_surname_told() -> None:
    """Rule a-title-before-a-surname-told: "Kapolda Wiratama" after "Kapolda Sumut Irjen Pol
    Bayu Wiratama" is the chief again, not a Polda Wiratama."""
    types = _types(
        "id",
        "Kapolda Sumut Irjen Pol Bayu Wiratama mengirim 200 personel ke Lumbara, Senin "
        "(7/6/2021). Kapolda Wiratama mengatakan situasi sudah aman.",
    )
    assert types.get("Bayu Wiratama") is EntityType.PERSON
    assert "Polda Wiratama" not in types


def test_a_command_then_its_seat() -> None:
    """Rule a-command-then-its-seat: a command named after no place, then a town ("Kodam
    III Sangkala Bandung"), is the command and its seat, each a name of its own."""
    types = _types(
        "id",
        "Sebanyak 300 prajurit dari Kodam III Sangkala Bandung tiba di Lumbara, Senin (7/6/2021).",
    )
    assert types.get("Kodam III Sangkala") is EntityType.ORGANIZATION
    assert types.get("Bandung") is EntityType.LOCATION
    assert "Kodam III Sangkala Bandung" not in types


def test_a_faith_or_community_is_no_body() -> None:
    """Rule a-faith-or-community-is-no-body: "Shia militias", "hard-line Buddhist groups",
    "Indigenous people", "the Sunni cleric": a faith, sect or community written with a capital
    is none of the codebook's bodies or places; a body named after one keeps its name."""
    types = _types(
        "en",
        "An alliance of Shia militias vowed revenge in Varnesk. Some hard-line Buddhist groups and "
        "Indigenous people marched in Varnesk, while the Sunni cleric of Varnesk called for "
        "calm. The Muslim Brotherhood of Varnesk denied it.",
    )
    assert {"Shia", "Buddhist", "Indigenous", "Sunni"}.isdisjoint(types), types
    assert types.get("Varnesk") is EntityType.LOCATION
    assert any("Muslim Brotherhood" in n for n in types), types


def test_an_honorific_begins_no_name() -> None:
    """Rule an-honorific-begins-no-name: "Ms Opolose" (no dot) is Opolose, as "Mr" is;
    "Bapak Presiden Joko Widodo" and "Anggota kelompok Lima" begin no name with their first
    word."""
    types = _types("en", "The march was led by Ms Kalinde Opolose, who said police beat them.")
    assert not any(n.startswith("Ms") for n in types), types
    types = _types(
        "id",
        "Proyek itu menjadi komitmen dari Bapak Presiden Budi Santoso. Beberapa negara, "
        "termasuk Amerika Serikat, Anggota kelompok Lima, mendukung rencana itu.",
    )
    assert "Bapak" not in types and "Anggota" not in types, types
    assert types.get("Budi Santoso") is EntityType.PERSON


def test_a_roman_numeral_is_no_acronym() -> None:
    """Rule a-roman-numeral-is-no-acronym: "Pekan Olahraga Nasional (PON) XXI", "memasuki
    tahap III": a Roman numeral alone numbers an event or a phase, no body."""
    types = _types(
        "id",
        "Polisi mengamankan Pekan Olahraga Nasional (PON) XXI di Kota Lumen. Operasi Karang "
        "Jaya yang kini memasuki tahap III itu terus berjalan di Kota Lumen.",
    )
    assert "XXI" not in types and "III" not in types, types
    assert types.get("Kota Lumen") is EntityType.LOCATION


def test_a_body_named_by_its_leader_may_be_described_between() -> None:
    # rule a-body-named-by-its-leader: lower-case words between "-led" and the group noun,
    # and one after the group noun before "pimpinan", still name the body, not its leader
    for lang, body, name in (
        (
            "en",
            "A Kenyan-led multinational force deployed 400 police officers to Port-au-Prince "
            "on Monday.",
            "Kenyan-led multinational force",
        ),
        (
            "id",
            "Pasukan multinasional pimpinan Kenya mengerahkan 400 polisi ke Port-au-Prince, "
            "Senin (10/1/2022).",
            "Pasukan multinasional pimpinan Kenya",
        ),
    ):
        f = extract(
            ArticleText({"title": "T", "published": "2022-01-11", "language": lang}, body + "\n")
        )
        (d,) = f.deployments
        assert f.entity(d.by).names == (name,)
        assert d.troops is not None and d.troops.value == 400


def test_a_force_named_by_its_head_alone() -> None:
    # rule a-force-named-by-its-head: "Polda", "Kodim" written alone name a force
    f = extract(
        ArticleText(
            {"title": "T", "published": "2023-06-20", "language": "id"},
            "Polda mengirim 300 personel ke Jambi, Senin (19/6/2023).\n",
        )
    )
    (d,) = f.deployments
    assert f.entity(d.by).names == ("Polda",) and d.troops.value == 300
    # the one such force the article names in full is the one meant (rule
    # a-corps-and-its-one-unit)
    f = extract(
        ArticleText(
            {"title": "T", "published": "2023-06-20", "language": "id"},
            "Polres Sleman mengerahkan 500 personel ke Kabupaten Sleman. Personel Polres "
            "berjaga di sana.\n",
        )
    )
    assert [e.names for e in f.entities if e.type is EntityType.ORGANIZATION] == [
        ("Polres Sleman", "Polres")
    ]
    # a lower-case head is no name
    f = extract(
        ArticleText(
            {"title": "T", "published": "2023-06-20", "language": "id"},
            "Anggota polres berjaga di Kabupaten Sleman.\n",
        )
    )
    assert all(e.type is not EntityType.ORGANIZATION for e in f.entities)


def test_a_place_s_head_word_in_lower_case_is_part_of_its_name() -> None:
    # "ke kecamatan Amahai": the codebook keeps head words, as the gold writes them
    f = extract(
        ArticleText(
            {"title": "T", "published": "2023-11-03", "language": "id"},
            "Polres Maluku Tengah mengirim 100 personel ke kecamatan Amahai, Kamis (2/11/2023).\n",
        )
    )
    (d,) = f.deployments
    assert f.entity(d.to).names == ("kecamatan Amahai",)
    # in English a lower-case word before a name is no head of it
    f = extract(
        ArticleText(
            {"title": "T", "published": "2023-11-03", "language": "en"},
            "Police sent 100 officers to the district Amahai on Thursday.\n",
        )
    )
    assert all(not n.startswith("district") for e in f.entities for n in e.names)


def test_a_mission_named_after_a_country_whose_name_ends_in_a_place_word_is_a_body() -> None:
    """ "Stabilization Mission in the Central African Republic": the country's own last word
    ("Republic") neither cuts the mission's name nor makes it a place."""
    types = _types(
        "en",
        "The UN Multidimensional Integrated Stabilization Mission in the Central African "
        "Republic sent 300 troops to Bangui.",
    )
    name = "UN Multidimensional Integrated Stabilization Mission in the Central African Republic"
    assert types[name] is EntityType.ORGANIZATION
    assert "the Central African Republic" not in types


def test_a_body_named_head_first_in_english() -> None:
    """Rule a-body-named-head-first: "Police Scotland" is a body in English, where heads come
    last; "Polisi Malaysia" is Malaysia's police in Indonesian, which puts them first."""
    types = _types("en", "On Monday, Police Scotland said it sent 120 officers to Belfast.")
    assert types["Police Scotland"] is EntityType.ORGANIZATION
    assert "Scotland" not in types
    types = _types("id", "Polisi Malaysia mengirim 120 personel ke Sabah pada Senin.")
    assert "Polisi Malaysia" not in types and types["Malaysia"] is EntityType.LOCATION


def test_a_town_written_in_capitals_is_the_town() -> None:
    """Rule a-town-in-capitals: "di JAYAPURA", "to GOMA": a town of the gazetteer written
    in capitals is the town, not an acronym; only by its own name ("KONI" is a body, though
    "Koni" is another name of Konya), and short capitals stay acronyms."""
    types = _types("id", "Polisi tiba di JAYAPURA dan BALIKPAPAN. KONI dan AMAN bertemu.")
    assert types["JAYAPURA"] is EntityType.LOCATION
    assert types["BALIKPAPAN"] is EntityType.LOCATION
    assert types["KONI"] is EntityType.ORGANIZATION
    types = _types("en", "Kenya sent 900 troops to GOMA on Monday.")
    assert types["GOMA"] is EntityType.LOCATION


def test_a_region_ending_in_a_country_s_name_goes_on_in_a_body_s_name() -> None:
    """ "Police Service of Northern Ireland": "Ireland" ends the region's name, which belongs
    to the body's; the country is no name of its own there."""
    types = _types("en", "The Police Service of Northern Ireland sent 300 officers to Ballymena.")
    assert types["Police Service of Northern Ireland"] is EntityType.ORGANIZATION
    assert "Ireland" not in types and "Police Service of Northern" not in types


def test_a_demonym_and_a_body_s_word_name_a_body() -> None:
    """Rule a-body-named-by-its-demonym: "the European Commission", "the African Commission"
    are bodies; a demonym before a force, a government or a site only qualifies it."""
    types = _types(
        "en",
        "The European Commission said so. The African Commission agreed. "
        "The Turkish Police said so. The Indonesian Embassy said so.\n",
    )
    assert types.get("European Commission") is EntityType.ORGANIZATION
    assert types.get("African Commission") is EntityType.ORGANIZATION
    assert "Turkish Police" not in types and "Indonesian Embassy" not in types


def test_a_body_s_possessive_keeps_its_head_word() -> None:
    """ "Harbour Rights Watch's report": the possessive is no part of the head word, which
    still types the name as a body."""
    types = _types("en", "Harbour Rights Watch's report was read. It was wrong.\n")
    assert types.get("Harbour Rights Watch") is EntityType.ORGANIZATION


@pytest.mark.parametrize(
    "body",
    [
        "Pasukan dikirim ke Timika, Intan Jaya, dan Nduga pekan lalu.\n",
        # a relative clause between the place noun and the list word; the list word far back
        "Personel akan disebar ke sejumlah kabupaten yang dinilai rawan, di antaranya "
        "Puncak Jaya, Intan Jaya, dan Nduga.\n",
    ],
)
def test_a_listed_place_of_more_words_is_a_place(body: str) -> None:
    """Rule places-in-a-list: a name of two words in a list's middle ("Intan Jaya") is a
    place as one word is; "kabupaten yang dinilai rawan, di antaranya X" opens one."""
    types = _types("id", body)
    assert types.get("Intan Jaya") is EntityType.LOCATION
    assert types.get("Nduga") is EntityType.LOCATION


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "id",
            "Personel dari berbagai Polda dikirim ke Papua. Setiap Polres menyiapkan pasukan.\n",
        ),
        ("en", "Officers from several Ministries were sent to Velmora.\n"),
    ],
)
def test_a_body_s_word_after_a_quantifier_names_no_body(lang: str, body: str) -> None:
    """ "berbagai Polda", "setiap Polres", "several Ministries": the kind of body, counted,
    none of them by name (new key ``quantifiers``)."""
    types = _types(lang, body)
    assert not {"Polda", "Polres", "Ministries"} & set(types)


def test_a_body_spelled_out_with_its_initials_and_place_is_one_body() -> None:
    """Rule a-spelled-out-body-and-its-place, for any body whose bracketed initials spell
    the words before them: "Badan Pengusahaan (BP) Batam" is one body, the office before
    it no part of it; rule the-holder-after-the-body-s-place: "Kepala BP Batam Muhammad
    Rudi" is the body, then its head."""
    body = (
        "Warga berunjuk rasa di depan Kantor Badan Pengusahaan (BP) Batam, Senin (7/6/2021). "
        "Kepala BP Batam Muhammad Rudi menemui warga.\n"
    )
    f = _facts("id", body)
    types = {e.names[0]: e.type for e in f.entities}
    assert types.get("Badan Pengusahaan (BP) Batam") is EntityType.ORGANIZATION
    assert types.get("Muhammad Rudi") is EntityType.PERSON
    roles = {
        (f.entity(r.person).names[0], r.role, f.entity(r.of).names[0]) for r in f.roles if r.of
    }
    assert ("Muhammad Rudi", "Head", "Badan Pengusahaan (BP) Batam") in roles
    # no body's words first: one name, though a town of the gazetteer is called Abu
    f = _facts("en", "Its leader Abu Muhammad al-Julani said so.\n")
    assert [e.names[0] for e in f.entities if e.type is EntityType.PERSON] == [
        "Abu Muhammad al-Julani"
    ]


def test_a_town_s_police_a_state_site_and_a_lower_house_are_named() -> None:
    """ "Jakarta Police spokesman X" at a sentence's start: the police of a known town are
    a body, as those of a region are; "the State Palace": "state" alone is no name, but with
    a site's word it is one; "the House of Representatives", "the Chamber of Deputies":
    bodies by their last word."""
    body = (
        "Jakarta Police spokesman Yusri Yunus said 6,000 personnel had been deployed to "
        "secure the State Palace and the House of Representatives. The Chamber of Deputies "
        "met.\n"
    )
    types = _types("en", body)
    assert types.get("Jakarta Police") is EntityType.ORGANIZATION
    assert types.get("State Palace") is EntityType.LOCATION
    assert types.get("House of Representatives") is EntityType.ORGANIZATION
    assert types.get("Chamber of Deputies") is EntityType.ORGANIZATION


def test_a_head_first_body_s_name_goes_on_through_its_purpose() -> None:
    """Rule a-head-first-body-s-name-goes-on: "Asosiasi Bantuan untuk Tahanan Politik
    (AAPP)" is one body, its head word first, its purpose after "untuk" (it had been cut
    into "Asosiasi Bantuan" and a body "AAPP"); "di" still ends the name before a place."""
    types = _types(
        "id",
        "Menurut Asosiasi Bantuan untuk Tahanan Politik (AAPP), 220 orang ditangkap. Polda "
        "Metro Jaya di Jakarta mengerahkan 300 personel.",
    )
    assert types.get("Asosiasi Bantuan untuk Tahanan Politik") is EntityType.ORGANIZATION
    assert "Polda Metro Jaya di Jakarta" not in types


@pytest.mark.parametrize("name", ["KontraS", "Walhi", "Ombudsman RI", "Kompolnas", "LBH Jakarta"])
def test_indonesian_rights_and_oversight_bodies_are_bodies(name: str) -> None:
    """Bodies Indonesian news cites as sources ("Menurut KontraS, ..."), and a legal aid
    office with its town ("LBH Jakarta", its head word "LBH"), are organizations (they had
    been no entity, or a body and a town)."""
    types = _types("id", f"Menurut {name}, aksi itu berlangsung damai.")
    assert types.get(name) is EntityType.ORGANIZATION


@pytest.mark.parametrize("name", ["NetBlocks", "Tatmadaw", "Frontex", "Europol", "Interpol"])
def test_bodies_wire_stories_cite_are_bodies(name: str) -> None:
    """Bodies wire stories cite or report on ("According to NetBlocks", "the Tatmadaw")
    are organizations (they had been no entity)."""
    types = _types("en", f"According to {name}, the protest was peaceful.")
    assert types.get(name) is EntityType.ORGANIZATION


def test_a_rank_s_word_in_a_body_s_name() -> None:
    """Rule a-rank-s-word-in-a-body-s-name: "the General Confederation of Labour", "the UN
    General Assembly": "General" before a body's word is part of the name, no rank (the
    body had lost it); a rank before a person stays one."""
    types = _types(
        "en",
        "The General Confederation of Labour (CGT) called a strike. The UN General Assembly "
        "voted. General Ilya Markov spoke.",
    )
    assert types.get("General Confederation of Labour") is EntityType.ORGANIZATION
    assert types.get("UN General Assembly") is EntityType.ORGANIZATION
    assert types.get("Ilya Markov") is EntityType.PERSON

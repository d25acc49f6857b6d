"""Roles from titles in both languages."""

from __future__ import annotations

import pytest

from kg.articles import ArticleText
from kg.extract import extract


def _roles(lang: str, body: str) -> set[tuple[str, str, str | None]]:
    f = extract(ArticleText({"title": "T", "published": "2021-06-10", "language": lang}, body))
    return {
        (f.entity(r.person).names[0], r.role, f.entity(r.of).names[0] if r.of else None)
        for r in f.roles
    }


def test_indonesian_titles() -> None:
    body = (
        "Menteri Pertahanan Jepang Taro Yamada bertemu Presiden Kenya Daniel Mwangi di Nairobi.\n"
    )
    roles = _roles("id", body)
    assert ("Taro Yamada", "Defence Minister", "Jepang") in roles
    assert ("Daniel Mwangi", "President", "Kenya") in roles


def test_english_demonym_and_possessive() -> None:
    body = (
        "In Spain, Spanish Foreign Minister Elena Ruiz met Peru's interim President Jorge Vega.\n"
    )
    roles = _roles("en", body)
    assert ("Elena Ruiz", "Foreign Minister", "Spain") in roles
    assert ("Jorge Vega", "Interim President", "Peru") in roles


def test_a_title_of_a_force_and_a_place_heads_the_force_the_article_names() -> None:
    """Rule the-body-the-title-heads-there: "Kapolda Jawa Timur" heads Polda Jawa Timur,
    named so or only spelled by the title (rule the-title-spells-its-body, the codebook's
    "Kapolda Papua" = chief of Polda Papua)."""
    said = "Kapolda Jawa Timur Irjen Nanang Avianto mengatakan hal itu.\n"
    assert _roles("id", said) == {("Nanang Avianto", "Chief of Police", "Polda Jawa Timur")}
    metro = "Kapolres Metro Jakarta Utara Kombes Pol Nanang Avianto mengatakan hal itu.\n"
    assert _roles("id", metro) == {
        ("Nanang Avianto", "Chief of Police", "Polres Metro Jakarta Utara")
    }
    body = "Polda Jawa Timur mengerahkan 500 personel ke Surabaya.\n" + said
    assert _roles("id", body) == {("Nanang Avianto", "Chief of Police", "Polda Jawa Timur")}


def test_apposition() -> None:
    body = "Kolonel Budi Santoso, Komandan Pasukan Garuda, memimpin upacara itu.\n"
    assert any(r[0] == "Budi Santoso" and r[1] == "Commander" for r in _roles("id", body))


def test_the_place_an_apposition_ends_with_is_no_speaker() -> None:
    # "Basra, said": the place of the title, not who speaks; the gazetteer's town
    body = "John Smith, the mayor of Basra, said the situation was calm.\n"
    assert _roles("en", body) == {("John Smith", "Mayor", "Basra")}
    # the speaker before the verb with no title of a place before is still one
    body = "The situation was calm, Basra said.\n"
    f = extract(ArticleText({"title": "T", "published": "2021-06-10", "language": "en"}, body))
    assert all("Basra" not in e.names or e.type.value != "Location" for e in f.entities)


def test_a_commander_s_numbered_command() -> None:
    # rule a-commander-s-numbered-command: the number after "Danrem", "Dandim" opens the
    # name of the command (rule title-body names it)
    body = "Danrem 172/PWY Brigjen TNI Jo Sembiring hadir di Jayapura.\n"
    assert ("Jo Sembiring", "Commander", "Korem 172/PWY") in _roles("id", body)
    body = "Dandim 1701/Jayapura Letkol Inf Jo Sembiring hadir di Jayapura.\n"
    assert ("Jo Sembiring", "Commander", "Kodim 1701/Jayapura") in _roles("id", body)
    # a year after another title is still no name
    f = extract(
        ArticleText(
            {"title": "T", "published": "2021-06-10", "language": "id"},
            "Kapolda 2019 itu hadir di Jayapura.\n",
        )
    )
    assert all(not n[:1].isdigit() for e in f.entities for n in e.names)


def test_a_country_s_name_ending_in_a_head_word_before_a_title() -> None:
    # "Republic President": in English a head word before a title names no place (as
    # "Istana Presiden" does in Indonesian)
    body = "Central African Republic President Touadera said the situation was calm.\n"
    assert _roles("en", body) == {("Touadera", "President", "Central African Republic")}
    body = "Presiden memberi keterangan di Istana Presiden, Jakarta.\n"
    assert _roles("id", body) == set()


def test_initials_without_their_dots_begin_the_name() -> None:
    # "A D Singh": two single capitals are initials, not the article "a"
    body = "CRPF chief A D Singh said the situation was calm.\n"
    assert _roles("en", body) == {("A D Singh", "Chief", "CRPF")}
    f = extract(
        ArticleText(
            {"title": "T", "published": "2021-06-10", "language": "en"},
            "A US soldier was killed in Baghdad.\n",
        )
    )
    assert all(not n.startswith("A ") for e in f.entities for n in e.names)


def test_a_modified_title_of_a_place_is_held_over_it() -> None:
    # "Pj Gubernur Papua X": the acting governor's place before his name, as for "Gubernur"
    body = "Pj Gubernur Papua Ridwan Rumasukun meninjau lokasi di Jayapura.\n"
    assert ("Ridwan Rumasukun", "Acting Governor", "Papua") in _roles("id", body)


def test_royal_title_is_part_of_the_name() -> None:
    body = "Britain's King Charles III arrived in Nairobi on Tuesday for a state visit.\n"
    assert ("King Charles III", "King", "Britain") in _roles("en", body)


def test_bare_title_needs_agreeing_country() -> None:
    body = (
        "KAMPALA, Uganda (AP) — Protests spread across Uganda on Monday.\n\n"
        "Kenyan officials watched closely. President Samuel Okello said the army would not "
        "be used against protesters in Uganda.\n"
    )
    # the country named last before the title (Kenya) is not the story's (Uganda): no role
    assert not any(r[0] == "Samuel Okello" for r in _roles("en", body))


def test_rank_of_a_country_is_a_role() -> None:
    body = "Letnan Jenderal Mesir Ahmed Farouk, Komandan Misi PBB, tiba di Juba pada Senin.\n"
    roles = _roles("id", body)
    assert ("Ahmed Farouk", "Lieutenant General (military rank)", "Mesir") in roles
    assert any(r[0] == "Ahmed Farouk" and r[1] == "Commander" for r in roles)
    body = "Peru's Vice Admiral Jorge Salas inspected the fleet in Lima on Monday.\n"
    assert ("Jorge Salas", "Vice Admiral (military rank)", "Peru") in _roles("en", body)


def test_rank_without_a_country_or_with_a_demonym_is_no_role() -> None:
    body = "Kolonel Budi Santoso memimpin upacara di Jakarta.\n"
    assert not any("military rank" in r[1] for r in _roles("id", body))
    body = "Kenyan Maj. Gen. Peter Otieno will command the force in Haiti.\n"
    assert not any("military rank" in r[1] for r in _roles("en", body))


def test_an_organization_or_country_written_before_the_title() -> None:
    body = (
        "ASEAN Secretary General Lim Wei Ming and Chile President Rosa Campos spoke in "
        "Santiago on Monday.\n"
    )
    roles = _roles("en", body)
    assert ("Lim Wei Ming", "Secretary-General", "ASEAN") in roles
    assert ("Rosa Campos", "President", "Chile") in roles


def test_a_police_title_with_its_region_and_rank() -> None:
    body = "Kapolda Sulawesi Tengah Irjen Agus Salim memimpin pengamanan di Palu, Senin.\n"
    roles = _roles("id", body)
    assert any(r[0] == "Agus Salim" and r[1] == "Chief of Police" for r in roles)


def test_a_governor_of_a_province_and_a_regional_police_spokesperson() -> None:
    body = (
        "Gubernur Jawa Barat Ridwan Salim meninjau lokasi. Kabid Humas Polda Jawa Barat "
        "Kombes Ibrahim Tompo mengatakan situasi aman.\n"
    )
    roles = _roles("id", body)
    assert ("Ridwan Salim", "Governor", "Jawa Barat") in roles
    assert ("Ibrahim Tompo", "Spokesperson", "Polda Jawa Barat") in roles


def test_a_district_police_spokesperson_names_the_force_that_sends() -> None:
    """The spokesperson of a Polres ("Kasi Humas Polres X, Iptu Y,") names the force, and so
    the sender of the troops he says were sent."""
    body = (
        "Kasi Humas Polres Lembayung, Iptu Sri Wahyuni, menyebut 300 personel diterjunkan "
        "untuk mengamankan aksi mahasiswa di depan kantor DPRD Lembayung, Senin (7/6/2021).\n"
    )
    meta = {"title": "T", "published": "2021-06-08", "language": "id"}
    f = extract(ArticleText(meta, body))
    names = {e.id: e.names[0] for e in f.entities}
    assert [(names[r.person], r.role, names[r.of or ""]) for r in f.roles] == [
        ("Sri Wahyuni", "Spokesperson", "Polres Lembayung")
    ]
    assert [(names[d.by], d.troops.value if d.troops else None) for d in f.deployments] == [
        ("Polres Lembayung", 300)
    ]


def test_a_bare_title_speaking_for_another_country_gets_no_country() -> None:
    body = (
        "Spain will withdraw its 300 troops from Mali by the end of the year, President "
        "Carlos Vega said on Sunday.\n\n"
        "Mali's elected president, Ibrahim Keita, was ousted in a coup in Mali.\n"
    )
    roles = _roles("en", body)
    assert not any(r[0] == "Carlos Vega" for r in roles)


def test_a_regent_title_is_not_part_of_the_name() -> None:
    meta = {"title": "T", "published": "2021-06-10", "language": "id"}
    f = extract(ArticleText(meta, "Bupati Dewi Lestari menemui warga di Semarang, Senin.\n"))
    assert "Dewi Lestari" in {n for e in f.entities for n in e.names}


def test_a_person_named_again_is_cut_off_the_body_before_him() -> None:
    meta = {"title": "T", "published": "2023-03-15", "language": "id"}
    body = (
        "Presiden Partai Buruh Said Iqbal mengatakan aksi digelar di 20 provinsi. "
        '"Kami menuntut DPR membatalkan Perpu tersebut," kata Said Iqbal.\n'
    )
    f = extract(ArticleText(meta, body))
    (r,) = f.roles
    assert f.entity(r.person).names == ("Said Iqbal",)
    assert (r.role, f.entity(r.of).names) == ("President", ("Partai Buruh",))


def test_a_title_its_country_and_acronym_then_the_name() -> None:
    meta = {"title": "T", "published": "2022-02-04", "language": "id"}
    body = "Presiden Amerika Serikat (AS) Joe Biden mengirim 2.000 tentara ke Polandia.\n"
    f = extract(ArticleText(meta, body))
    (role,) = f.roles
    assert (f.entity(role.person).names[0], role.role, role.of) == ("Joe Biden", "President", "usa")


def test_a_modifier_before_a_title_is_part_of_the_role() -> None:
    """Rule title-modifier: a deputy is not the chief, a former minister no longer one."""
    en = _roles("en", "Peru's former President Jorge Vega met Deputy Governor Ana Ruiz of Cusco.\n")
    assert ("Jorge Vega", "former President", "Peru") in en
    idn = _roles("id", "Wakil Gubernur Papua Barat Lukas Mandacan hadir di Manokwari.\n")
    assert ("Lukas Mandacan", "Deputy Governor", "Papua Barat") in idn
    # rule head-of-a-body keeps the modifier: the deputy head of a Polda is its deputy chief
    idn = _roles("id", "Wakil Kepala Polda Maluku Brigjen Rudi Hartono tiba di Ambon.\n")
    assert ("Rudi Hartono", "Deputy Chief of Police", "Polda Maluku") in idn
    # a caretaker holds the office for now, after the name as before it
    body = "Najib Mikati, the caretaker prime minister of Lebanon, said it was calm.\n"
    assert _roles("en", body) == {("Najib Mikati", "Caretaker Prime Minister", "Lebanon")}


def test_a_title_after_the_name_with_an_article() -> None:
    """Rule title-after: "X, the general secretary of the ruling Y"."""
    body = "Nadia Okafor, the general secretary of the ruling Unity Party, spoke in Lagos.\n"
    assert ("Nadia Okafor", "General Secretary", "Unity Party") in _roles("en", body)


def test_the_title_of_a_body_before_the_name() -> None:
    """Rule title-of-body: "the chairman of X, Name"."""
    body = "The chairman of the Sahel Council, Idrissa Kone, said troops would stay.\n"
    assert ("Idrissa Kone", "Chairman", "Sahel Council") in _roles("en", body)


def test_a_bare_title_has_no_body_unless_countries_are_named() -> None:
    """Rule bare-title: with no country in the article, "Presiden X" is kept without one;
    with countries named, whose president X is the text does not say."""
    alone = _roles("id", "Presiden Joko Widodo meminta aparat menjaga Jayapura.\n")
    assert alone == {("Joko Widodo", "President", None)}
    named = _roles(
        "en", "President Lena Hart spoke in Oslo after Norway and Sweden signed the pact.\n"
    )
    assert not any(r[0] == "Lena Hart" for r in named)


def test_a_title_that_names_the_body_it_heads() -> None:
    """Rule title-body: "Kapolda X" is the chief of Polda X."""
    body = "Kapolda Sultra Irjen Pol Teguh Pratama mengatakan situasi kondusif.\n"
    assert ("Teguh Pratama", "Chief of Police", "Polda Sultra") in _roles("id", body)


def test_the_head_of_a_police_body_is_its_chief_of_police() -> None:
    """Rule head-of-a-body: "Kepala Polda X" is X's Chief of Police, not its "Head"."""
    body = "Kepala Polda Sultra Irjen Pol Teguh Pratama meninjau lokasi itu.\n"
    assert ("Teguh Pratama", "Chief of Police", "Polda Sultra") in _roles("id", body)


def test_the_nation_s_title_and_a_former_state_title_belong_to_the_story_country() -> None:
    """Rules the-nation-s-title and home-country (a modifier does not hide a state title)."""
    body = (
        "Protests grew in Moldova on Monday. The nation's president Ana Rusu vowed to veto the "
        "law.\nThousands in Moldova backed imprisoned former Prime Minister Ion Lupu.\n"
    )
    roles = _roles("en", body)
    assert ("Ana Rusu", "President", "Moldova") in roles
    assert ("Ion Lupu", "former Prime Minister", "Moldova") in roles


def test_army_general_is_a_rank_not_a_body() -> None:
    body = "Russian Defense Minister, Army General Sergei Shoigu reported to the president.\n"
    assert ("Sergei Shoigu", "Defence Minister", "Russia") in _roles("en", body)


def test_a_body_named_with_a_common_word_and_a_head_before_a_title() -> None:
    body = "State Department spokesperson Matthew Miller said no troops would be sent.\n"
    assert ("Matthew Miller", "Spokesperson", "State Department") in _roles("en", body)


def test_a_head_noun_that_begins_a_title_is_the_title_s() -> None:
    meta = {"title": "T", "published": "2024-11-26", "language": "en"}
    body = "Punjab police chief Usman Anwar said officers were injured in Lahore.\n"
    names = {n for e in extract(ArticleText(meta, body)).entities for n in e.names}
    assert "Punjab police" not in names


def test_a_town_after_a_regional_title_is_the_place_not_the_person() -> None:
    body = "Setelah mendapat banyak tentangan, Bupati Pati Sudewo membatalkan kenaikan tarif.\n"
    assert ("Sudewo", "Regent", "Pati") in _roles("id", body)


def test_a_town_before_a_mayor_is_the_mayor_s_place_and_ministers_keep_their_portfolio() -> None:
    roles = _roles("en", "Thousands protested the arrest of Istanbul Mayor Ekrem Imamoglu.\n")
    assert ("Ekrem Imamoglu", "Mayor", "Istanbul") in roles
    roles = _roles("en", "Justice Minister Yilmaz Tunc said the probe continues.\n")
    assert ("Yilmaz Tunc", "Justice Minister", None) in roles


def test_a_minister_with_a_portfolio_belongs_to_the_story_country() -> None:
    body = (
        "Protests spread across Turkey on Thursday.\nIn Turkey, Justice Minister Yilmaz Tunc "
        "said the probe continues.\n"
    )
    assert ("Yilmaz Tunc", "Justice Minister", "Turkey") in _roles("en", body)


def test_police_and_army_abbreviated_titles() -> None:
    """Abbreviated police offices: "Karopenmas", "KabagOps"."""
    body = (
        "Karopenmas Divisi Humas Polri Brigjen Pol Rudi Hartono mengatakan pasukan tiba.\n"
        "KabagOps Polres Sorong, Kompol Andi Lubis menyebut jalur aman.\n"
    )
    roles = _roles("id", body)
    assert ("Rudi Hartono", "Head of Public Information Bureau", "Divisi Humas Polri") in roles
    assert ("Andi Lubis", "Head of Operations", "Polres Sorong") in roles


def test_a_police_rank_written_with_polisi_is_still_a_rank() -> None:
    body = "Kepala Polresta Bogor Komisaris Besar Polisi Agus Salim meninjau lokasi.\n"
    assert ("Agus Salim", "Chief of Police", "Polresta Bogor") in _roles("id", body)


def test_a_title_that_names_its_whole_body() -> None:
    """Rule title-owner: "Kapolri" heads Polri, "KSAD" the army of the TNI the text names."""
    body = (
        "Polri dan TNI mengirim pasukan ke Nduga. Kapolri Jenderal Polisi Andi Wijaya memberi "
        "perintah itu.\nKSAD Joko Susilo juga mengirim pasukan.\n"
    )
    roles = _roles("id", body)
    assert ("Andi Wijaya", "Chief of Police", "Polri") in roles
    assert ("Joko Susilo", "Army Chief of Staff", "TNI") in roles


def test_a_unit_commander_heads_the_unit_as_the_article_names_it() -> None:
    """Rule title-body with two head nouns: "Dansat Brimob X" commands Satuan (or Sat) Brimob X,
    written the way the article writes it."""
    body = (
        "Sebanyak 100 personel Satuan Brimob Polda Sultra berangkat. Dansat Brimob Polda Sultra "
        "Kombes Pol Rudi Hartono memimpin apel.\n"
    )
    assert ("Rudi Hartono", "Commander", "Satuan Brimob Polda Sultra") in _roles("id", body)
    body = (
        "Sebanyak 100 personel Sat Brimob Polda Sultra berangkat. Dansat Brimob Polda Sultra "
        "Kombes Pol Rudi Hartono memimpin apel.\n"
    )
    assert ("Rudi Hartono", "Commander", "Sat Brimob Polda Sultra") in _roles("id", body)


def test_a_sea_named_with_a_demonym_names_no_country() -> None:
    """A demonym that begins a place's name ("Indian Ocean") is no country named before a
    bare title, and the place is a location."""
    body = (
        "Protests spread across Comoros on Friday. Comoros, an island nation in the Indian "
        "Ocean, is poor, and many blame President Ali Said for the power cuts.\n"
    )
    meta = {"title": "T", "published": "2021-06-10", "language": "en"}
    f = extract(ArticleText(meta, body))
    assert any(e.names[0] == "Indian Ocean" and e.type.value == "Location" for e in f.entities)
    assert ("Ali Said", "President", "Comoros") in _roles("en", body)


def test_a_title_after_the_name_owned_by_a_body() -> None:
    """Rule title-after-owner: "Name, Country's Title"."""
    body = "Talks stalled, said Amina Diallo, Senegal's Foreign Minister, on Monday.\n"
    assert ("Amina Diallo", "Foreign Minister", "Senegal") in _roles("en", body)


def test_a_chief_minister_of_a_province_named_before_the_title() -> None:
    body = "Convoys led by NWFP Chief Minister Sara Malik reached Lahore.\n"
    assert ("Sara Malik", "Chief Minister", "NWFP") in _roles("en", body)


def test_a_title_in_an_apposition_after_the_name() -> None:
    # rule person-needs-a-cue: the office after the name makes it a person
    assert _roles("en", "William Ruto, Kenya's president, said the troops would leave.") == {
        ("William Ruto", "President", "Kenya")
    }
    # rule bare-title-after: the office with no body, in an article that names no country
    assert _roles("en", "Aden Duale, the defence minister, told reporters on Monday.") == {
        ("Aden Duale", "Defence Minister", None)
    }
    # a title that only begins a longer office is no role
    assert _roles("en", "Kuldiep Singh, the chief security advisor to the state, spoke.") == set()


def test_a_minister_s_country_named_only_after_the_title() -> None:
    assert _roles(
        "id", "Menteri Luar Negeri Retno Marsudi mengatakan Indonesia siap mengirim pasukan."
    ) == {("Retno Marsudi", "Foreign Minister", "Indonesia")}


def test_a_title_its_body_and_a_rank_with_its_corps() -> None:
    assert _roles(
        "id",
        "Komandan Kodim 0828/Sampang Letkol Inf Eko Syah Putra mengatakan 400 prajurit siaga.",
    ) == {("Eko Syah Putra", "Commander", "Kodim 0828/Sampang")}


def test_an_assistant_to_a_title_holder_does_not_hold_the_title() -> None:
    body = "Amanat itu dibacakan oleh Asisten Operasi Panglima TNI Mayjen Budi Santoso.\n"
    assert _roles("id", body) == {("Budi Santoso", "Assistant to the Commander", "TNI")}
    # an adviser in lower case is a description: the title after it is the person's
    body = "Pengacara itu adalah penasihat hukum Presiden Joko Widodo.\n"
    assert ("Joko Widodo", "President", None) in _roles("id", body)


@pytest.mark.parametrize(
    ("body", "role"),
    [
        (
            "Kasie Humas Polresta Bogor Kota, Ipda Rina Sari, menjelaskan hal itu.",
            ("Rina Sari", "Spokesperson", "Polresta Bogor Kota"),
        ),
        (
            "Hal itu dikatakan Kapolres Metro Jakarta Barat Kombes Polisi Dedi Hartono.",
            ("Dedi Hartono", "Chief of Police", None),
        ),
    ],
)
def test_title_and_rank_variants(body: str, role: tuple[str, str, str | None]) -> None:
    """ "Kasie Humas" spells "Kasi Humas"; "Kombes Polisi" is the rank "Kombes Pol" written
    out: the person is named after them, with the title's role."""
    f = extract(
        ArticleText({"title": "T", "published": "2021-06-10", "language": "id"}, body + "\n")
    )
    found = [(f.entity(r.person).names[0], r.role) for r in f.roles]
    assert (role[0], role[1]) in found
    if role[2] is not None:
        of = [f.entity(r.of).names[0] for r in f.roles if r.of]
        assert role[2] in of


def test_police_titles_written_out_in_full() -> None:
    roles = _roles(
        "id",
        '"Kami menurunkan personel gabungan," kata Kepala Bagian Operasi Polresta Kendari, '
        "Kompol Budi Santoso di Kendari, Kamis.",
    )
    assert ("Budi Santoso", "Head of Operations", "Polresta Kendari") in roles


@pytest.mark.parametrize(
    ("body", "role"),
    [
        (
            "Ravi Menon, deputy commissioner of police (operations), said the march was calm.",
            ("Ravi Menon", "Deputy Commissioner of Police"),
        ),
        (
            "Deputy Commissioner of Police (Northwest) KL Verma said no one was hurt.",
            ("KL Verma", "Deputy Commissioner of Police"),
        ),
        (
            "Joint Commissioner of Police (Law & Order) Anil Sharma said, “We are ready.”",
            ("Anil Sharma", "Joint Commissioner of Police"),
        ),
        (
            "Police Commissioner Suresh Gowda said 400 home guards would watch the route.",
            ("Suresh Gowda", "Commissioner of Police"),
        ),
    ],
)
def test_police_commissioners_and_the_bracket_after_a_title(
    body: str, role: tuple[str, str]
) -> None:
    """Rule title-qualifier: a bracket right after a title ("(Southeast)", "(Law & Order)")
    belongs to the title, so the name after it, or the comma, is still the holder's; police
    commissioners are titles."""
    roles = _roles("en", body)
    assert (role[0], role[1]) in [(person, label) for person, label, _ in roles]


def test_a_list_of_titled_names_gives_each_name_its_own_title() -> None:
    """Rule a-listed-title-is-the-next-name-s: in "Kapolri Jenderal A, Panglima TNI
    Marsekal B, Menteri Perhubungan C, ..." the title after A's comma is B's; and a rank
    between a title and its holder ("Kapolri Jenderal A") keeps the title the holder's."""
    roles = _roles(
        "id",
        "Kapolri Jenderal Budi Santoso, Panglima TNI Marsekal Agus Salim, Menteri Perhubungan "
        "Rudi Hartono, dan Menteri Kesehatan Siti Aminah mengecek pasukan di Monas.",
    )
    found = {(person, label) for person, label, _ in roles}
    assert ("Budi Santoso", "Chief of Police") in found
    assert ("Agus Salim", "Commander") in found
    assert ("Rudi Hartono", "Transport Minister") in found
    assert not any(p == "Budi Santoso" and label == "Commander" for p, label in found)


def test_coordinated_titles_are_not_both_the_first_name_s() -> None:
    """Rule coordinated-titles: "Presiden dan Wakil Presiden Indonesia, Joko Widodo-Jusuf
    Kalla" does not make Joko Widodo the vice president."""
    roles = _roles(
        "id",
        "Mahasiswa mengkritik pemerintahan Presiden dan Wakil Presiden Indonesia, Joko "
        "Widodo-Jusuf Kalla, pada Jumat.\n",
    )
    assert ("Joko Widodo", "Vice President") not in {(p, label) for p, label, _ in roles}


def test_a_list_of_offices_names_no_person() -> None:
    """ "memo dari Presiden kepada Menteri Pertahanan, Jaksa Agung, dan Menteri Keamanan
    Dalam Negeri": offices, no one holding "Menteri Pertahanan" named "Jaksa Agung"."""
    f = extract(
        ArticleText(
            {"title": "T", "published": "2025-06-08", "language": "id"},
            "Presiden mengirim memo kepada Menteri Pertahanan, Jaksa Agung, dan Menteri "
            "Keamanan Dalam Negeri. Jaksa Agung Siti Rahma hadir.\n",
        )
    )
    names = {n for e in f.entities for n in e.names}
    assert "Jaksa Agung" not in names and "Keamanan Dalam Negeri" not in names
    assert ("Siti Rahma", "Attorney General") in [
        (f.entity(r.person).names[0], r.role) for r in f.roles
    ]


def test_the_public_information_bureau_of_police_public_relations() -> None:
    """ "Karo Penmas Humas Polri Brigjen Pol. Budi Santoso": the title takes the division's
    short name ("Humas", no person), and the rank's "Pol." ends no sentence."""
    assert _roles(
        "id",
        "Karo Penmas Humas Polri Brigjen Pol. Budi Santoso mengatakan 34 ribu personel "
        "dikerahkan ke Jakarta.\n",
    ) == {("Budi Santoso", "Head of Public Information Bureau", "Polri")}
    assert _roles(
        "id", "Kapolda Riau Irjen Pol. Budi Santoso mengatakan 900 personel disiagakan.\n"
    ) == {("Budi Santoso", "Chief of Police", "Polda Riau")}


def test_a_place_s_head_of_a_place_named_before() -> None:
    """ "Camat Lambu Muhaimin" after "di Lambu": the district no gazetteer knows, named
    before as a place, then its head."""
    assert _roles(
        "id",
        "Warga berunjuk rasa di Lambu pada Kamis (10/2). Camat Lambu Muhaimin menolak "
        "tuntutan warga.\n",
    ) == {("Muhaimin", "District Head", "Lambu")}


def test_a_state_s_home_minister_and_chief_secretary() -> None:
    body = (
        "Rajasthan Home Minister Harjit Singh said a curfew had been imposed in Jodhpur. "
        "Rajasthan's Additional Chief Secretary (Home) had written to the Centre for more forces."
    )
    assert _roles("en", body) == {("Harjit Singh", "Home Minister", "Rajasthan")}
    facts = extract(ArticleText({"title": "T", "published": "2023-08-01", "language": "en"}, body))
    assert not {"Home", "Secretary"} & {n for e in facts.entities for n in e.names}


def test_a_title_the_text_gives_a_country_is_not_the_story_country_s() -> None:
    """Rule a-title-s-own-country-first: the president of the US named again in a story
    about Indonesia is not Indonesia's."""
    body = (
        "Presiden Amerika Serikat Donald Trump tiba di Jakarta pada Senin.\n"
        "Indonesia menyambut kunjungan itu. Warga Indonesia memadati jalan.\n"
        "Di Indonesia, Presiden Trump menyebut Indonesia mitra penting.\n"
    )
    roles = _roles("id", body)
    assert ("Donald Trump", "President", "Amerika Serikat") in roles
    assert ("Donald Trump", "President", "Indonesia") not in roles


def test_a_chief_minister_governs_a_region_not_the_story_country() -> None:
    """Rule a-region-s-minister: "Chief Minister X" in a story about India is not India's."""
    body = (
        "Protests spread across India on Monday.\nIn India, Chief Minister Ravi Kumar said "
        "the state would stay calm.\n"
    )
    roles = _roles("en", body)
    assert not any(r[0] == "Ravi Kumar" and r[2] == "India" for r in roles)


def test_a_state_title_belongs_to_the_country_acting_in_its_sentence() -> None:
    """Rule the-country-acting-in-the-sentence: in a story mostly about Chile, a president
    who says what Argentina does, Chile only the place, is Argentina's; a clause on him
    ("who met Argentine envoys") does not make him Argentina's."""
    body = (
        "Argentina closed its border with Chile on Monday.\nArgentina sent police to the "
        "border, and crowds gathered in Chile and in Chile's north.\nPresident Luis Torres "
        "said Argentina would not send troops into Chile.\n"
    )
    assert _roles("en", body) == {("Luis Torres", "President", "Argentina")}
    body = (
        "Argentina sent no police on Monday.\nProtests spread across Chile, and Chile's unions "
        "joined them. Chile's police fired tear gas.\nPresident Luis Torres, who met Argentine "
        "envoys, said the protests in Chile were peaceful.\n"
    )
    assert _roles("en", body) == {("Luis Torres", "President", "Chile")}


def test_a_misspelt_general_is_a_rank_not_part_of_the_name() -> None:
    """ "Jendral" is the press's common spelling of "Jenderal"."""
    body = "Kapolri Jendral Polisi Budi Santoso meninjau kesiapan personel Polri di Jakarta.\n"
    assert _roles("id", body) == {("Budi Santoso", "Chief of Police", "Polri")}


def test_a_rank_s_force_is_not_the_body_of_the_title_before() -> None:
    """Rule a-rank-s-force: in "Pangdam XII/Tanjungpura, Mayjen TNI X", TNI is the force
    whose major general X is; the title before is still his."""
    body = "Pangdam XII/Tanjungpura, Mayjen TNI Budi Santoso, mengatakan pasukan siap.\n"
    assert ("Budi Santoso", "Commander", "Kodam XII/Tanjungpura") in _roles("id", body)


def test_a_title_before_the_next_name_is_not_the_last_name_s() -> None:
    """Rule a-title-before-a-name-is-not-the-last-name-s: "X, Panglima Kogabwilhan
    (Pangkogabwilhan) I Laksamana Y": the title found after X's comma is the one found
    right before Y, so it is Y's only."""
    from kg.extract.entities import ORG, PER, Draft
    from kg.extract.roles import RoleDraft, _titles_of_the_next_name

    x, y, body = Draft("x", PER, None), Draft("y", PER, None), Draft("kogab", ORG, None)
    after = RoleDraft(x, "Commander", body, 0, 60, "title-after")
    before = RoleDraft(y, "Commander", body, 20, 90, "title-before")
    out = {("x", "Commander", "kogab"): after, ("y", "Commander", "kogab"): before}
    said_at = {("x", "Commander", "kogab"): 20, ("y", "Commander", "kogab"): 20}
    assert list(_titles_of_the_next_name(out, said_at).values()) == [before]
    said_at[("x", "Commander", "kogab")] = 10  # a title of its own
    assert len(_titles_of_the_next_name(out, said_at)) == 2


def test_a_numbered_command_and_its_name_are_one_body() -> None:
    """Rule a-numbered-command-s-name: "Pangdam XII Tanjungpura" heads Kodam XII
    Tanjungpura; Tanjungpura is no person."""
    body = "Pangdam XII Tanjungpura, Mayjen TNI Budi Santoso, mengatakan pasukan siap.\n"
    assert _roles("id", body) == {("Budi Santoso", "Commander", "Kodam XII Tanjungpura")}


def test_a_unit_commander_heads_the_unit_named_with_its_own_head() -> None:
    """Rule a-titled-name-with-its-own-head: "Dansat Brimob Polda Papua Barat X" commands
    Brimob Polda Papua Barat, a body (not a place for the "Barat" that ends it)."""
    body = (
        "Polda Papua Barat mengirim 100 personel ke Kota Sorong. Dansat Brimob Polda Papua "
        "Barat Kombes Pol Andi Wijaya memimpin apel.\n"
    )
    assert ("Andi Wijaya", "Commander", "Brimob Polda Papua Barat") in _roles("id", body)
    f = extract(ArticleText({"title": "T", "published": "2021-06-10", "language": "id"}, body))
    unit = next(e for e in f.entities if "Brimob Polda Papua Barat" in e.names)
    assert unit.type.value == "Organization"


def test_a_unit_word_before_a_headed_name_is_optional() -> None:
    """Rule a-unit-word-is-optional: "Satuan Brimob Polda Sultra", "Sat Brimob Polda
    Sultra" and "Brimob Polda Sultra" are one body."""
    body = (
        "Sebanyak 100 personel Satuan Brimob Polda Sultra berangkat ke Kendari. Sat Brimob "
        "Polda Sultra bertugas di sana, kata Kepala Brimob Polda Sultra kepada wartawan.\n"
    )
    f = extract(ArticleText({"title": "T", "published": "2021-06-10", "language": "id"}, body))
    units = [e.names for e in f.entities if any("Brimob" in n for n in e.names)]
    assert len(units) == 1
    assert set(units[0]) >= {"Satuan Brimob Polda Sultra", "Sat Brimob Polda Sultra"}


def test_a_state_body_named_by_its_noun_alone() -> None:
    """Rule a-state-body-by-its-noun: "Interior ministry spokesman X" speaks for the
    interior ministry, an organization though the text names it in lower case."""
    body = (
        "Interior ministry spokesman Ali Mansour said 300 people were held in Sfax. The "
        "curfew stays, said defence ministry spokesman Karim Nouri.\n"
    )
    roles = _roles("en", body)
    assert ("Ali Mansour", "Spokesperson", "Interior ministry") in roles
    assert ("Karim Nouri", "Spokesperson", "defence ministry") in roles


def test_a_spokesperson_s_title_spelled_out_or_in_one_word() -> None:
    """Rule spokesperson-spellings: "Kepala Bidang Hubungan Masyarakat" is "Kabid Humas"
    spelled out, and "Jurubicara" is "Juru bicara" in one word: both are Spokesperson."""
    body = (
        "Kepala Bidang Hubungan Masyarakat Polda Jawa Barat Kombes Ibrahim Tompo mengatakan "
        "situasi aman. Jurubicara Gedung Putih, Tom Walker, menolak berkomentar.\n"
    )
    roles = _roles("id", body)
    assert ("Ibrahim Tompo", "Spokesperson", "Polda Jawa Barat") in roles
    assert ("Tom Walker", "Spokesperson", "Gedung Putih") in roles


def test_an_opposition_leader_is_the_story_s_country_s() -> None:
    """Rule an-opposition-leader-s-country: the opposition leader of a story about one
    country leads that country's opposition, in both languages."""
    en = "Police in Chad fired tear gas at supporters of detained opposition leader Ali Musa.\n"
    assert ("Ali Musa", "Opposition Leader", "Chad") in _roles("en", en)
    id_ = "Polisi Chad menahan ratusan orang. Pemimpin oposisi Ali Musa mengecam penangkapan.\n"
    assert ("Ali Musa", "Opposition Leader", "Chad") in _roles("id", id_)


def test_a_known_leader_s_title_is_his_country_s() -> None:
    """Rule a-known-leader-s-country: a state title with no country beside it, before a
    person the authority file knows as a country's leader, is that country's when the
    article names it, not the story's country."""
    en = (
        "Germany will move 300 soldiers to Poland, the United States said.\n"
        "The decision followed a call in which President Joe Biden urged Germany to act.\n"
    )
    assert ("Joe Biden", "President", "United States") in _roles("en", en)
    id_ = (
        "Jerman menarik 500 tentara dari Mali. Rusia menyambut langkah itu.\n"
        "Presiden Vladimir Putin mengatakan Jerman salah menilai keadaan.\n"
    )
    roles = _roles("id", id_)
    assert ("Vladimir Putin", "President", "Rusia") in roles
    assert not any(r[0] == "Vladimir Putin" and r[2] == "Jerman" for r in roles)


def test_a_south_west_place_keeps_its_daya() -> None:
    """'Barat Daya' (south-west) ends a place's name as 'Barat' does (id place_suffixes):
    the title's place is the province 'Papua Barat Daya', not 'Papua Barat', and 'Daya'
    is no first name of the holder."""
    body = "Gubernur Papua Barat Daya Yohanes Lende meninjau lokasi banjir pada Senin.\n"
    assert ("Yohanes Lende", "Governor", "Papua Barat Daya") in _roles("id", body)


def test_a_police_commander_is_a_chief_of_police() -> None:
    """'police commander' is the police's chief (en titles), as 'police chief' is: the
    title is not a Commander of a body 'X police'."""
    body = "Police commander Ana Ruiz said ten people were detained after the march.\n"
    roles = _roles("en", body)
    assert ("Ana Ruiz", "Chief of Police", None) in roles
    assert not any(r[1] == "Commander" for r in roles)


def test_nkri_is_indonesia() -> None:
    """'NKRI' and 'Negara Kesatuan Republik Indonesia' are names of Indonesia (authority):
    a place, and the country of a president the authority knows as Indonesia's."""
    body = (
        "Presiden Joko Widodo meminta 300 prajurit menjaga perbatasan NKRI dengan Malaysia.\n"
        "Mereka bersumpah setia kepada Negara Kesatuan Republik Indonesia.\n"
    )
    f = extract(ArticleText({"title": "T", "published": "2021-06-10", "language": "id"}, body))
    places = {e.names for e in f.entities if e.type.value == "Location"}
    assert ("NKRI", "Negara Kesatuan Republik Indonesia") in places
    assert ("Joko Widodo", "President", "NKRI") in _roles("id", body)


def test_a_state_title_belongs_to_the_one_country_acting_in_its_sentence() -> None:
    """Rule the-one-country-acting-in-the-sentence: where the story's country does not say
    whose a state title is (another country named last before it), the one country that
    acts in its sentence; a demonym's country counts, a country after a preposition of
    place does not."""
    body = (
        "Peru and Chile signed a border deal on Monday.\nPeru received ten helicopters "
        "bought from Spain, and Defence Minister Carla Ortiz said they would patrol the "
        "border.\n"
    )
    assert ("Carla Ortiz", "Defence Minister", "Peru") in _roles("en", body)
    body = (
        "Chad asked Europe for help against migration.\nAccording to Defence Minister Ana "
        "Kovacs, the Hungarian government will send 200 soldiers to Chad.\n"
    )
    assert ("Ana Kovacs", "Defence Minister", "Hungary") in _roles("en", body)


def test_a_country_that_modifies_a_word_or_two_countries_give_no_title() -> None:
    """Rule the-one-country-acting-in-the-sentence: a country in a compound ("a US-backed
    coup") or describing the story's country ("the West African nation") does not act;
    sentences that give one person's title two countries do not tell whose it is."""
    body = (
        "Protests hit Honduras and Guatemala on Monday.\nThe 2009 US-backed coup "
        "overthrew President Ramon Castillo.\n"
    )
    assert not any(r[0] == "Ramon Castillo" for r in _roles("en", body))
    body = (
        "Protests hit Chad and Niger on Monday.\nThe Central African nation has been in "
        "crisis since the death of President Ramon Castillo.\n"
    )
    assert not any(r[0] == "Ramon Castillo" for r in _roles("en", body))
    body = (
        "Protests hit Chad and Niger on Monday.\nKenya backed President Ramon Castillo.\n"
        "Later Ghana thanked President Ramon Castillo.\n"
    )
    assert not any(r[0] == "Ramon Castillo" for r in _roles("en", body))


def test_a_region_s_demonym_names_no_country() -> None:
    """Rule a-region-s-demonym-names-no-country: "the African country's police" names no
    country besides the story's, so the title before the first country named is its."""
    body = (
        "Crowds demanded the resignation of President Amadou Sanogo on Friday.\n"
        "Protests spread across Mali, and the African country's police fired tear gas.\n"
    )
    assert ("Amadou Sanogo", "President", "Mali") in _roles("en", body)


def test_a_unit_title_without_its_body_serves_in_the_one_body_named() -> None:
    """Rule a-unit-title-s-one-body: "Kabid Humas AKBP X" in a story that names one Polda
    is its spokesperson; with two Poldas named, whose it is the text does not say."""
    body = (
        "Polda Sulawesi Barat mengirim 200 personel ke Mamuju, Indonesia.\n"
        "Kabid Humas AKBP Budi Hartono mengatakan pasukan tiba pada Senin.\n"
    )
    assert ("Budi Hartono", "Spokesperson", "Polda Sulawesi Barat") in _roles("id", body)
    body = (
        "Polda Sulawesi Barat dan Polda Gorontalo mengirim 200 personel ke Mamuju, "
        "Indonesia.\nKabid Humas AKBP Budi Hartono mengatakan pasukan tiba pada Senin.\n"
    )
    assert not any(r[0] == "Budi Hartono" and r[2] for r in _roles("id", body))


def test_a_defence_secretary_is_a_defence_minister() -> None:
    """Rule a-defence-secretary-is-a-defence-minister: the office has one label, whatever the
    country calls it, and it is a state title."""
    body = "According to Defense Secretary Ana Morales, Chile will send 300 troops to Peru.\n"
    assert ("Ana Morales", "Defence Minister", "Chile") in _roles("en", body)


@pytest.mark.parametrize(
    ("body", "role"),
    [
        (
            "Mirza Tolegen, the current chair of the CSTO, asked the bloc for help.\n",
            ("Mirza Tolegen", "Chair", "CSTO"),
        ),
        (
            "The plan was criticised by Alan Hartley, himself a former defence minister.\n",
            ("Alan Hartley", "former Defence Minister", None),
        ),
    ],
)
def test_two_words_may_tie_a_name_to_the_title_after_its_comma(
    body: str, role: tuple[str, str, str | None]
) -> None:
    """A title after a name's comma may follow two words of ``title_articles`` ("the
    current chair of", "himself a former defence minister"), as the codebook's examples of
    roles given by description have it."""
    assert role in _roles("en", body)


def test_a_body_s_short_name_in_brackets_may_stand_before_the_title() -> None:
    """Rule a-body-s-short-name-between: "the Arctic Council (AC) Spokesperson X" is the
    council's spokesperson, as "the Arctic Council Spokesperson X" is."""
    body = "The Arctic Council (AC) Spokesperson Mira Holt said the talks were over.\n"
    assert ("Mira Holt", "Spokesperson", "Arctic Council") in _roles("en", body)
    body = "Riot police moved in. (AFP) Spokesperson Mira Holt said the talks were over.\n"
    assert ("Mira Holt", "Spokesperson", None) in _roles("en", body)


def test_a_place_before_a_modified_place_title_or_a_police_title_is_its_place() -> None:
    """A place's own titles keep their place when a modifier comes first ("Interim
    Governor") and include the police of a town or province ("Dhaka Police Commissioner")."""
    body = (
        "Fighting spread in Ituri on Monday. Ituri province Interim Governor Luc Mbeki said the "
        "roads were closed.\nIn Dhaka, Dhaka Police Commissioner Karim Uddin said 40 were held.\n"
    )
    roles = _roles("en", body)
    assert ("Luc Mbeki", "Interim Governor", "Ituri") in roles
    assert ("Karim Uddin", "Commissioner of Police", "Dhaka") in roles


@pytest.mark.parametrize(
    ("body", "role"),
    [
        (
            "Lena Varga, an opposition MP, said the deal was bad.\n",
            ("Lena Varga", "Opposition MP", None),
        ),
        (
            "Omar Diallo, a member of parliament, said the deal was bad.\n",
            ("Omar Diallo", "Member of Parliament", None),
        ),
        (
            "UN peacekeeping chief Anna Reyes said the mission would stay.\n",
            ("Anna Reyes", "Peacekeeping Chief", "UN"),
        ),
        (
            "Chile's national police chief Hugo Soto said 20 were held.\n",
            ("Hugo Soto", "National Police Chief", "Chile"),
        ),
        (
            "Vikram Rao, the Director General of Police of Manipur, said the curfew stays.\n",
            ("Vikram Rao", "Director General of Police", "Manipur"),
        ),
        (
            "Kenya Chief of Defence Forces Francis Okello said the troops were ready.\n",
            ("Francis Okello", "Chief of Defence Forces", "Kenya"),
        ),
        (
            "Rwanda Defence Force Army Chief of Staff Paul Muganga said so.\n",
            ("Paul Muganga", "Army Chief of Staff", "Rwanda Defence Force"),
        ),
        (
            "PSNI Assistant Chief Constable Ryan Hale said 15 were arrested.\n",
            ("Ryan Hale", "Assistant Chief Constable", "PSNI"),
        ),
    ],
)
def test_members_candidates_police_and_army_heads_are_titles(
    body: str, role: tuple[str, str, str | None]
) -> None:
    """Members of parliament, a national police chief, a state's director general of
    police, the heads of armies and constabularies hold offices the codebook records as
    roles."""
    assert role in _roles("en", body)


def test_a_title_inside_a_body_s_name_starts_after_the_body_s_head_word() -> None:
    """Rule a-title-inside-a-body-s-name: "Haitian National Police chief X" heads the
    Haitian National Police; the title's own first word may still be a head word ("ATMIS
    Force Commander X"), and a possessive owner keeps the whole title."""
    body = (
        "Haitian National Police chief Marc Joseph said the gangs had retreated.\n"
        "ATMIS Force Commander Sam Okello said the troops had arrived.\n"
        "Peru's national police chief Hugo Soto said 20 were held.\n"
    )
    roles = _roles("en", body)
    assert ("Marc Joseph", "Chief", "Haitian National Police") in roles
    assert ("Sam Okello", "Force Commander", "ATMIS") in roles
    assert ("Hugo Soto", "National Police Chief", "Peru") in roles


def test_a_town_before_its_mayor_at_a_sentence_s_start_is_the_mayor_s_town() -> None:
    """Rule a-place-before-its-head-s-title: a capital begins every sentence, but "Basra
    Mayor X" still names Basra, the town of the gazetteer whose mayor X is."""
    roles = _roles("en", "Basra Mayor Asaad Kareem said the situation was calm.\n")
    assert ("Asaad Kareem", "Mayor", "Basra") in roles


def test_a_spokesperson_for_a_body_is_its_spokesperson() -> None:
    """'X, a spokeswoman for the Y', 'a spokesperson for the Y, X': "for" ties a title to
    its body as "of" does."""
    roles = _roles("en", "Ana Torres, a spokeswoman for the Peruvian National Police, spoke.\n")
    assert ("Ana Torres", "Spokesperson", "Peruvian National Police") in roles
    roles = _roles("en", "A spokesperson for the Arctic Council, Lena Berg, said so.\n")
    assert ("Lena Berg", "Spokesperson", "Arctic Council") in roles


def test_a_centre_of_a_force_is_a_body_its_head_heads() -> None:
    """ "Kepala Pusat Penerangan TNI Mayjen X": a "Pusat" (centre, bureau) of the TNI is a
    body, which X heads; "Jakarta Pusat" stays a place."""
    body = (
        "Kepala Pusat Penerangan TNI Mayjen Hariyanto menyebut 300 prajurit dikirim ke Papua. "
        "Warga Jakarta Pusat berunjuk rasa.\n"
    )
    roles = _roles("id", body)
    assert ("Hariyanto", "Head", "Pusat Penerangan TNI") in roles


def test_an_area_s_title_belongs_to_the_body_after_or_before_it() -> None:
    """Rule an-area-s-title-of-a-body: "X, Central Africa director at Human Rights Watch"
    and "Amnesty International's Kenya director X" direct the body, not the place; the
    area stays in the title, as the text gives it."""
    body = (
        "Lena Berg, Central Africa director at Arctic Watch, said the vote was unfair.\n"
        "Ana Torres, the Kenya director of the Lake Region Institute, said so too.\n"
        "Civic Rights Watch's East Africa director Sam Okello said the same.\n"
    )
    roles = _roles("en", body)
    assert ("Lena Berg", "Central Africa Director", "Arctic Watch") in roles
    assert ("Ana Torres", "Kenya Director", "Lake Region Institute") in roles
    assert ("Sam Okello", "East Africa Director", "Civic Rights Watch") in roles


def test_a_short_name_of_more_words_from_brackets_is_the_title_s_body() -> None:
    """ "Badan Eksekutif Mahasiswa Seluruh Indonesia (BEM SI)", then "Koordinator Pusat BEM
    SI Herianto": the bracketed short name is the body, then its central coordinator
    (a title kg lacked, as "koordinator lapangan" was); "(Kabid Humas)" spells no initials
    and names no body."""
    body = (
        "Ribuan mahasiswa yang tergabung dalam Badan Eksekutif Mahasiswa Seluruh Indonesia "
        "(BEM SI) menggelar aksi. Koordinator Pusat BEM SI Herianto mengatakan hal itu. "
        "Kepala Bidang Hubungan Masyarakat (Kabid Humas) Polda Sulteng membenarkannya.\n"
    )
    roles = _roles("id", body)
    assert (
        "Herianto",
        "Central Coordinator",
        "Badan Eksekutif Mahasiswa Seluruh Indonesia",
    ) in roles


def test_a_particle_goes_on_with_the_name_and_a_body_s_kind_names_it() -> None:
    """Rule a-particle-goes-on-with-the-name: "Turki al-Maliki" is one name, though "Turki"
    alone is a country's name in another language; rule a-body-by-its-kind: "coalition
    spokesman X" after "the Saudi-led coalition" speaks for that one coalition."""
    body = (
        "The Saudi-led coalition has deployed more than 3,000 troops to Aden, coalition "
        "spokesman Turki al-Maliki said on Sunday.\n"
    )
    roles = _roles("en", body)
    assert ("Turki al-Maliki", "Spokesperson", "Saudi-led coalition") in roles


def test_a_title_before_a_body_that_ends_in_a_country_is_the_body_s() -> None:
    """ "juru bicara militer Israel Laksamana Muda Daniel Hagari": the body whose name ends
    with the country is the title's, not the country alone (which held the role nobody)."""
    body = (
        "Hal itu disampaikan juru bicara militer Senegal Laksamana Muda Koro Namaka, Sabtu "
        "(5/6/2021).\n"
    )
    roles = _roles("id", body)
    assert ("Koro Namaka", "Spokesperson", "militer Senegal") in roles
    # capitalised, the force's word is no holder of the title
    body = "Hal itu disampaikan juru bicara Militer Senegal, Koro Namaka.\n"
    f = extract(ArticleText({"title": "T", "published": "2021-06-10", "language": "id"}, body))
    assert [e.names[0] for e in f.entities if e.type.value == "Person"] == ["Koro Namaka"]


def test_a_title_s_modifier_before_its_body_qualifies_the_title() -> None:
    """Rule a-title-s-modifier-before-its-body: "Deputy National Police Chief X" is the
    deputy chief of the National Police, and "Former Ghana President X" the former
    president of Ghana; the modifier is no word of the body's name. A police rank
    abbreviated with its dots ("Pol. Gen.") stands between the title and the name."""
    roles = _roles(
        "en",
        "Deputy National Police Chief Pol. Gen. Anan Sukprasert said 200 were held. "
        "Former Ghana President Tomas Ordel was not there. Former National Security "
        "Council Secretary General Dara Kol spoke later.\n",
    )
    assert ("Anan Sukprasert", "Deputy Chief", "National Police") in roles
    assert ("Tomas Ordel", "former President", "Ghana") in roles
    assert ("Dara Kol", "former Secretary-General", "National Security Council") in roles


def test_who_asked_for_the_troops_is_not_of_the_sending_country() -> None:
    """ "Australia will send 100 police to the Solomon Islands after a request from Prime
    Minister Tomas Ordel": the one country acting in the sentence sends, and the one who
    asked is not its prime minister (rule the-one-country-acting-in-the-sentence)."""
    roles = _roles(
        "en",
        "Australia will send 100 police to the Solomon Islands after a request from Prime "
        "Minister Tomas Ordel.\n",
    )
    assert not any(r[0] == "Tomas Ordel" and r[2] == "Australia" for r in roles)


def test_a_commissioner_s_portfolio_is_part_of_the_title() -> None:
    """Rule a-minister-s-portfolio, for commissioners, coordinators and envoys: "UN High
    Commissioner for Refugees Ana Roth" holds that title; "Human Rights" and "Refugees" are
    no part of a person's name (they had made "Refugees Ana Roth" a person)."""
    roles = _roles(
        "en",
        "UN High Commissioner for Refugees Ana Roth and the Commissioner for Human Rights "
        "Dara Kol spoke on Monday.\n",
    )
    assert ("Ana Roth", "High Commissioner for Refugees", "UN") in roles
    assert any(r[0] == "Dara Kol" and r[1] == "Commissioner for Human Rights" for r in roles)


def test_a_role_told_by_its_verb() -> None:
    """Rule a-role-told-by-its-verb: "X, who heads the Northern Command", "Y, who chairs the
    Defence Committee", "Z, yang memimpin Komnas HAM": the position the verb states, of the
    body after it; and "Komnas" heads a body ("Komnas HAM" had been a person)."""
    roles = _roles(
        "en",
        "General Ilya Markov, who heads the Northern Command, said troops were ready. Maria "
        "Lind, who chairs the Defence Committee, objected.\n",
    )
    assert ("Ilya Markov", "Head", "Northern Command") in roles
    assert ("Maria Lind", "Chair", "Defence Committee") in roles
    roles = _roles("id", "Dara Kusuma, yang memimpin Komnas HAM, mengatakan 20 orang ditangkap.\n")
    assert ("Dara Kusuma", "Head", "Komnas HAM") in roles

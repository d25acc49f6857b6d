"""The named rules of kg/extract/frames.py, each on sentences written for the tests."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from kg.articles import ArticleText
from kg.cli import cli
from kg.extract import extract
from kg.facts.model import DeploymentStatus, Facts


def _facts(lang: str, body: str) -> Facts:
    meta = {"title": "T", "published": "2021-06-10", "language": lang}
    return extract(ArticleText(meta, body + "\n"))


def _rows(f: Facts) -> set[tuple[str, str]]:
    return {(f.entity(d.by).names[0], f.entity(d.to).names[0]) for d in f.deployments}


# -- coordinated-destinations ---------------------------------------------------------------


def test_every_listed_destination_gets_a_row() -> None:
    f = _facts("en", "Norway is sending about 2,000 troops to Latvia and Estonia this week.")
    assert _rows(f) == {("Norway", "Latvia"), ("Norway", "Estonia")}
    assert all(d.troops is None for d in f.deployments)  # one count for both is no one's
    assert all(d.status is DeploymentStatus.PLANNED for d in f.deployments)  # "is sending"


def test_listed_destinations_in_indonesian() -> None:
    f = _facts("id", "Jepang mengirim 300 tentara ke Vietnam, Laos dan Kamboja pada Senin.")
    assert _rows(f) == {("Jepang", "Vietnam"), ("Jepang", "Laos"), ("Jepang", "Kamboja")}


def test_a_place_named_again_as_its_region_is_an_address() -> None:
    """Rule a-bare-comma-says-where: "to Gao, Gao region, Mali" is one place and where it
    lies, so the count stays with it."""
    f = _facts("en", "Ghana sent 200 soldiers to Gao, Gao region, Mali, on Monday.")
    assert _rows(f) == {("Ghana", "Gao")}
    assert [d.troops.value if d.troops else None for d in f.deployments] == [200]


def test_a_country_after_a_place_says_where_it_is() -> None:
    f = _facts("id", "Jepang akan mengirim 300 tentara ke Herat, Afganistan, bulan depan.")
    assert _rows(f) == {("Jepang", "Herat")}
    (d,) = f.deployments
    assert d.troops is not None and d.troops.value == 300  # one place: the count is its own
    f = _facts("en", "Norway sent 500 troops to Latvia, Estonia and Lithuania on Monday.")
    assert _rows(f) == {("Norway", "Latvia"), ("Norway", "Estonia"), ("Norway", "Lithuania")}


def test_troops_past_the_destination_are_other_forces() -> None:
    f = _facts(
        "en",
        "Chad deployed about 4,000 soldiers to northern Mali to fight alongside a "
        "coalition that included troops from the African Union and French mercenaries.",
    )
    (d,) = f.deployments
    assert f.entity(d.by).names[0] == "Chad"
    assert d.troops is not None and d.troops.value == 4000


def test_a_single_destination_keeps_its_count() -> None:
    f = _facts("en", "Norway sent 2,000 troops to Latvia on Monday, officials said.")
    (d,) = f.deployments
    assert d.troops is not None and d.troops.value == 2000


# -- site-is-no-destination ----------------------------------------------------------------


def test_a_building_is_no_destination_the_town_with_it_is() -> None:
    f = _facts(
        "id",
        "Polda Riau menerjunkan 900 personel untuk mengamankan demo di Gedung Sate, Jakarta, "
        "Senin (7/6/2021).",
    )
    assert _rows(f) == {("Polda Riau", "Jakarta")}


def test_a_site_alone_stays_the_destination() -> None:
    f = _facts("en", "Chad sent 200 soldiers to the Faya air base on Monday.")
    assert {to for _, to in _rows(f)} <= {"Faya air base", "Faya"}


# -- led-is-not-the-sender ------------------------------------------------------------------


def test_the_leader_of_an_alliance_is_not_the_sender() -> None:
    f = _facts(
        "id",
        "Aliansi militer yang dipimpin Rusia mengirim pasukan ke Kazakhstan, Kamis (6/1/2022). "
        "CSTO menyebut misi itu sementara.",
    )
    (d,) = f.deployments
    sender = f.entity(d.by)
    assert sender.authority == "csto"  # the alliance, not Russia
    assert "Aliansi militer yang dipimpin Rusia" in sender.names  # one of the CSTO's names


def test_an_x_led_alliance_sends_in_english() -> None:
    f = _facts(
        "en",
        "The Russian-led alliance sent troops to Kazakhstan on Thursday. The CSTO said "
        "the mission was temporary.",
    )
    assert _rows(f) == {("CSTO", "Kazakhstan")}


def test_a_leader_without_a_named_alliance_names_the_force() -> None:
    f = _facts("en", "A Russian-led force sent troops to Kazakhstan on Thursday.")
    assert _rows(f) == {("Russian-led force", "Kazakhstan")}  # the force, never Russia


# -- protests: sites and causes --------------------------------------------------------------


def _protest_places(f: Facts) -> set[str]:
    return {f.entity(p.location).names[0] for p in f.protests if p.location}


def test_a_rally_at_a_site_is_in_the_town_named_with_it() -> None:
    f = _facts(
        "id",
        "Ribuan mahasiswa berdemonstrasi di Gedung Sate, Jakarta, pada Senin (7/6/2021) "
        "menolak kenaikan harga BBM.",
    )
    assert _protest_places(f) == {"Jakarta"}


def test_a_rally_at_a_site_alone_is_in_the_dateline_town() -> None:
    f = _facts(
        "id",
        "JAKARTA, KOMPAS - Ribuan buruh berunjuk rasa di depan Istana Merdeka pada Senin "
        "(7/6/2021) menolak kenaikan harga BBM.",
    )
    assert _protest_places(f) == {"JAKARTA"}


def test_causes_name_who_the_protesters_want_freed() -> None:
    f = _facts(
        "en",
        "Thousands protested in Yangon on Monday, June 7, demanding the release of Aung San "
        "Suu Kyi and a return to democracy.",
    )
    (p,) = f.protests
    assert set(p.causes) == {"release of Aung San Suu Kyi", "restoration of democracy"}
    f = _facts(
        "id",
        "Ribuan orang berunjuk rasa di Yangon pada Senin (7/6/2021) menuntut pembebasan "
        "Aung San Suu Kyi.",
    )
    (p,) = f.protests
    assert p.causes == ("release of Aung San Suu Kyi",)


# -- one-frame-per-clause (kg/extract/deployments/triggers.py) -------------------------------


def test_each_clause_with_its_own_verb_is_its_own_deployment() -> None:
    f = _facts(
        "id",
        "Presiden Norwegia mengirim 2.000 tentara yang berpangkalan di Norwegia ke Latvia, "
        "dan memindahkan 1.000 tentara dari Jerman ke Estonia pada Senin.",
    )
    rows = {(f.entity(d.by).names[0], f.entity(d.to).names[0]): d for d in f.deployments}
    assert set(rows) == {("Norwegia", "Latvia"), ("Norwegia", "Estonia")}
    estonia = rows[("Norwegia", "Estonia")].troops
    assert estonia is not None and estonia.value == 1000


def test_troops_based_somewhere_are_sent_elsewhere() -> None:
    f = _facts("en", "Norway sent 300 troops based in Germany to Latvia on Monday.")
    assert _rows(f) == {("Norway", "Latvia")}


def test_troops_sent_then_leaving_stay_the_sender_s_deployment() -> None:
    f = _facts(
        "id",
        "Pasukan CSTO mulai ditarik dari Kazakhstan pada Kamis (10/6/2021).\n\n"
        "CSTO mengirim sekitar 2.500 personel ke Kazakhstan pekan lalu.\n\n"
        "Rusia menyumbang bagian terbesar personel, sedangkan negara lain mengirim kontingen.",
    )
    csto = next(d for d in f.deployments if d.by == "csto")
    assert csto.troops is not None and csto.troops.value == 2500
    assert csto.withdrawal is not None and csto.withdrawal.iso == "2021-06-10"


# -- kg extract --explain ---------------------------------------------------------------------


def test_explain_names_the_rules_behind_each_fact(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "title: T\npublished: 2022-01-13\nlanguage: en\n---\n"
        "The Russian-led alliance sent 2,500 troops to Kazakhstan and Kyrgyzstan on Thursday. "
        "The CSTO said so.\n"
    )
    result = CliRunner().invoke(cli, ["extract", str(article), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0 and "sender:" not in result.output  # only when asked
    result = CliRunner().invoke(
        cli, ["extract", str(article), "--out", str(tmp_path / "o"), "--explain"]
    )
    assert result.exit_code == 0, result.output
    out = result.output
    assert "deployments/deployment_1: CSTO -> Kazakhstan, happened" in out
    assert 'trigger  "sent"' in out
    assert 'sender:subject-before-the-verb  "Russian-led alliance"' in out
    assert 'entity:led-group  "Russian-led alliance"' in out  # a name of the CSTO
    assert 'destination:coordinated-destinations  "Kazakhstan"' in out
    assert 'entity:authority  "CSTO"' in out


# -- a-unit-is-sent-by-its-force, and places that are no sender --------------------------------


def test_a_unit_is_sent_by_the_force_it_belongs_to() -> None:
    f = _facts(
        "id",
        "Sebanyak 300 personel Satuan Brimob Polda Riau dikirim ke Papua pada Senin (7/6/2021). "
        "Polda Riau menyebut mereka akan bertugas sebulan.",
    )
    assert _rows(f) == {("Polda Riau", "Papua")}


def test_a_unit_named_with_an_acronym_is_sent_by_its_force() -> None:
    """The unit's region is written in full and then as an acronym ("Sulawesi Tenggara
    (Sultra)"); the force is named with the acronym only."""
    f = _facts(
        "id",
        "Sebanyak 150 personel Satuan Brimob Polda Sulawesi Tenggara (Sultra) diberangkatkan "
        "ke Papua. Wakapolda Sultra Brigjen Pol Andi Saputra mengatakan, pengiriman personel "
        "ini untuk membantu Polda Papua.",
    )
    assert _rows(f) == {("Polda Sultra", "Papua")}
    assert [d.troops.value for d in f.deployments if d.troops] == [150]


def test_where_somebody_spoke_is_no_sender() -> None:
    f = _facts(
        "id",
        "Kapolda Riau Irjen Budi Santoso di Pekanbaru, Senin, mengatakan pengiriman 300 personel "
        "ke Papua berjalan lancar.",
    )
    assert all(f.entity(d.by).names[0] != "Pekanbaru" for d in f.deployments)


def test_passive_troops_belong_to_the_force_whose_officer_speaks_of_them() -> None:
    f = _facts(
        "id",
        "Sebanyak 900 personel gabungan diterjunkan ke Palembang pada Senin (7/6/2021). "
        "Kabid Humas Polda Sumsel Kombes Budi Santoso mengatakan pengamanan berjalan lancar.",
    )
    assert _rows(f) == {("Polda Sumsel", "Palembang")}


def test_officers_of_a_force_and_of_its_unit_speak_for_one_force() -> None:
    f = _facts(
        "id",
        "Sebanyak 200 personel diberangkatkan ke Papua pada Senin. Wakapolda Sumsel Brigjen "
        "Pol Budi Santoso melepas pasukan yang dipimpin Dansat Brimob Polda Sumsel Kombes Pol "
        "Andi Lubis.",
    )
    assert _rows(f) == {("Polda Sumsel", "Papua")}


def test_sending_now_is_planned_and_will_not_enter_is_denied() -> None:
    f = _facts("en", "Norway is sending about 2,000 troops to Latvia this week.")
    assert [d.status for d in f.deployments] == [DeploymentStatus.PLANNED]
    f = _facts("id", "Pasukan Norwegia tidak akan memasuki Ukraina, kata juru bicara, Senin.")
    assert [d.status for d in f.deployments] == [DeploymentStatus.DENIED]


def test_a_count_told_in_the_next_sentence_is_the_deployment_s() -> None:
    f = _facts(
        "id",
        "Tentara Norwegia tiba di Latvia, Kamis malam (10/6/2021). "
        "Seperti dikutip dari kantor berita, jumlahnya mencapai 2.500 orang.",
    )
    (d,) = f.deployments
    assert d.troops is not None and d.troops.value == 2500


def test_a_start_told_in_a_later_sentence_is_the_deployment_s() -> None:
    f = _facts(
        "en",
        "Norway has begun deploying 1,000 troops to Latvia. The government said the request "
        "came from Riga. The deployment begins on Friday, June 11.",
    )
    (d,) = f.deployments
    assert d.start is not None and d.start.iso == "2021-06-11"


def test_causes_name_whose_release_or_resignation_is_demanded() -> None:
    f = _facts(
        "id",
        "Ribuan orang berunjuk rasa di Yangon pada Senin (7/6/2021) menyerukan pembebasan "
        "pemimpin terpilih Aung San Suu Kyi.",
    )
    assert [p.causes for p in f.protests] == [("release of Aung San Suu Kyi",)]
    f = _facts(
        "en",
        "Thousands protested in Dhaka on Monday, June 7, demanding the resignation of Sheikh "
        "Hasina and against the 'foreign agents' bill.",
    )
    (p,) = f.protests
    assert set(p.causes) == {"resignation of Sheikh Hasina", "foreign agents bill"}


def test_troops_said_to_be_somewhere_are_deployed_there() -> None:
    f = _facts("en", "Currently, there are around 70 Norwegian military personnel in Latvia.")
    assert _rows(f) == {("Norway", "Latvia")}
    (d,) = f.deployments
    assert d.troops is not None and d.troops.value == 70
    f = _facts("en", "At least 75 Norwegian soldiers are believed to be in Latvia, officials said.")
    assert _rows(f) == {("Norway", "Latvia")}
    f = _facts("en", "Five soldiers were killed in Latvia on Monday.")  # a toll, not a presence
    assert not f.deployments


def test_military_advisers_and_mercenaries_are_troops() -> None:
    f = _facts("en", "Norwegian military advisers have arrived in Latvia in recent weeks.")
    assert _rows(f) == {("Norway", "Latvia")}


def test_a_force_made_of_others_is_sent_by_who_speaks_for_it() -> None:
    f = _facts(
        "id",
        "Sebanyak 900 personel gabungan yang terdiri dari Polri dan TNI disiapkan untuk "
        "mengamankan demo di Istana Negara dan gedung DPR RI, Jakarta, Senin (7/6/2021).\n\n"
        "Kabid Humas Polda Metro Jaya Kombes Budi Santoso mengatakan pengamanan lancar.",
    )
    assert _rows(f) == {("Polda Metro Jaya", "Jakarta")}
    (d,) = f.deployments
    assert d.troops is not None and d.troops.value == 900
    assert any("gedung DPR RI" in e.names for e in f.entities)


def test_units_counted_send_troops_but_give_no_troop_count() -> None:
    f = _facts(
        "id",
        "Polda Riau mengirim bantuan 2 SSK ke Papua Barat, Senin (7/6/2021). "
        "Jika ditotalkan, terdapat 300 personel yang dikirim ke Papua Barat.",
    )
    (d,) = f.deployments
    assert (f.entity(d.by).names[0], f.entity(d.to).names[0]) == ("Polda Riau", "Papua Barat")
    assert d.troops is not None and d.troops.value == 300


def test_the_subject_of_a_passive_verb_is_the_troops_not_their_sender() -> None:
    """Rule passive-subject-is-the-troops: the place before "diterjunkan" sent nobody;
    rule the-force-of-who-speaks-of-it then gives the sender."""
    f = _facts(
        "id",
        "Di Lembayung, sebanyak 500 personel diterjunkan ke Kota Baru pada Senin (7/6/2021). "
        '"Personel kami siaga," kata Kabid Humas Polda Lembayung Kombes Pol Ari Wibowo.',
    )
    assert _rows(f) == {("Polda Lembayung", "Kota Baru")}


def test_the_head_of_a_force_the_article_does_not_name_sends_its_troops() -> None:
    """Rule the-force-of-who-speaks-of-it: "kata Kapolres Kota Baru X" with no Polres Kota
    Baru named gives the body his title spells (a sender is never a person, as the facts
    schema and the shapes say); with the body named, the article's body."""
    speaker = '"Kami melibatkan 700 personel," kata Kapolres Kota Baru Kombes Ari Wibowo.'
    sent = "Sebanyak 700 personel gabungan dikerahkan ke Kota Baru, Senin (7/6/2021). "
    facts = _facts("id", sent + speaker)
    assert _rows(facts) == {("Polres Kota Baru", "Kota Baru")}
    (d,) = facts.deployments
    assert facts.entity(d.by).type.value == "Organization"
    named = "Personel berasal dari Polres Kota Baru dan TNI. "
    assert _rows(_facts("id", sent + named + speaker)) == {("Polres Kota Baru", "Kota Baru")}


def test_the_agent_of_a_passive_verb_sent_the_troops() -> None:
    """Rule agent-of-the-passive: "sent to X by Y": Y sent them."""
    f = _facts("en", "In Nairobi, 300 soldiers were sent to Somalia by Kenya, officials said.")
    assert _rows(f) == {("Kenya", "Somalia")}


def test_troops_sent_to_guard_a_protest_go_where_the_protest_is() -> None:
    """Rule the-protest-they-guard: no place in the sentence; the protest told before it
    has one."""
    f = _facts(
        "id",
        "Ribuan mahasiswa menggelar unjuk rasa di Kota Baru pada Senin (7/6/2021) menolak "
        "kenaikan harga BBM.\nPolda Lembayung menerjunkan 800 personel untuk mengamankan aksi "
        "unjuk rasa itu.",
    )
    assert _rows(f) == {("Polda Lembayung", "Kota Baru")}


def test_a_mission_named_in_a_place_is_deployed_there() -> None:
    """Rule mission-in-a-place, with the name the text gives the mission."""
    f = _facts(
        "en",
        "The UN peacekeeping mission in Somalia, known as UNSOM, opened a base on Monday.",
    )
    assert _rows(f) == {("UNSOM", "Somalia")}
    assert [d.status for d in f.deployments] == [DeploymentStatus.HAPPENED]


def test_a_mission_s_owner_when_it_has_no_name() -> None:
    """Rule mission-in-a-place: "misi perdamaian PBB di X" belongs to the UN."""
    f = _facts("id", "Misi perdamaian PBB di Lebanon akan diperpanjang setahun lagi.")
    assert _rows(f) == {("PBB", "Lebanon")}


def test_a_contributor_to_a_mission_is_deployed_where_it_is() -> None:
    """Rule contributor-to-a-mission."""
    f = _facts(
        "en",
        "Kenya is a major contributor to the UN's peacekeeping force in South Sudan, "
        "officials said.",
    )
    assert _rows(f) == {("UN", "South Sudan"), ("Kenya", "South Sudan")}


def test_what_the_owner_has_there_is_the_named_mission_s() -> None:
    """Rule the-mission-not-its-owner."""
    f = _facts(
        "en",
        "The UN peacekeeping mission in Somalia, known as UNSOM, opened a base on Monday. "
        "The UN has about 3,000 peacekeepers in Somalia.",
    )
    assert _rows(f) == {("UNSOM", "Somalia")}
    assert [d.troops.value for d in f.deployments if d.troops] == [3000]


def test_the_military_of_the_story_country_sends_when_nobody_else_is_named() -> None:
    """Rule the-story-country-s-military: "Tank-tank militer dikerahkan di X" in a story
    about Myanmar is Myanmar's deployment."""
    f = _facts(
        "id",
        "Myanmar kembali diguncang protes. Militer Myanmar menutup jalan di Naypyidaw. "
        "Tank-tank militer dikerahkan di Yangon pada Minggu (14/2/2021).",
    )
    assert ("Myanmar", "Yangon") in _rows(f)


def test_the_day_a_sender_spoke_is_no_start() -> None:
    """Rule statement-date: "X pada Rabu (3/2) mengatakan ..." dates the statement, not
    the deployment."""
    f = _facts(
        "id",
        "Kementerian Pertahanan pada Rabu (2/6/2021) mengatakan Kenya mengirim 300 tentara "
        "ke Somalia.",
    )
    assert _rows(f) == {("Kenya", "Somalia")}
    assert [d.start for d in f.deployments] == [None]


def test_asking_for_a_withdrawal_or_a_question_is_no_request() -> None:
    """Rules in requested-by: "asked India to withdraw" and "asked whether" request no
    troops; "appealed for help when ..." does."""
    f = _facts(
        "en",
        "India sent 80 troops to the Maldives in 2021. In January, President Ali Nasheed "
        "asked India to withdraw its troops. A spokesman, asked whether India could send more "
        "troops, declined to comment.",
    )
    assert [d.requested_by for d in f.deployments] == [None]
    g = _facts(
        "en",
        "France sent 500 troops to Mali on Friday after President Amadou Traore appealed for "
        "help when rebels took the town.",
    )
    assert [g.entity(d.requested_by).names[0] for d in g.deployments if d.requested_by] == [
        "Amadou Traore"
    ]


def test_counted_contingents_are_rows_of_their_own() -> None:
    """Rule counted-part: each part the text counts is a row, ``part_of`` the collective
    sender."""
    f = _facts(
        "en",
        "The Example Alliance sent about 2,000 troops to Somalia on Tuesday. Kenya contributed "
        "1,500 of them and Uganda 500.",
    )
    rows = {
        (f.entity(d.by).names[0], d.troops.value if d.troops else None, d.part_of)
        for d in f.deployments
    }
    assert rows == {
        ("Example Alliance", 2000, None),
        ("Kenya", 1500, "example_alliance"),
        ("Uganda", 500, "example_alliance"),
    }


def test_counted_units_of_a_domestic_force_and_a_bare_agent() -> None:
    """Rules counted-part and agent-of-the-passive ("diterjunkan Polda Sumsel")."""
    f = _facts(
        "id",
        "Sebanyak 900 personel gabungan diterjunkan Polda Sumsel ke Palembang, Senin "
        "(5/9/2022). Personel itu terdiri dari 600 personel Polrestabes Palembang.",
    )
    rows = {(f.entity(d.by).names[0], d.part_of) for d in f.deployments}
    assert rows == {("Polda Sumsel", None), ("Polrestabes Palembang", "polda_sumsel")}


def test_a_breakdown_by_count_cue_gives_contingents() -> None:
    """Rule counted-part: "rinciannya X sebanyak N personel, Y sebanyak M personel"; a town
    or a civil administration in the list is no contingent."""
    f = _facts(
        "id",
        "Polda Metro Jaya mengerahkan 2.554 personel ke Jakarta Pusat, Kamis (10/6/2021), "
        "rinciannya TNI sebanyak 320 personel, Brigade Mobil sebanyak 230 personel, Bekasi "
        "sebanyak 91 personel, Pemprov Jakarta sebanyak 50 personel.",
    )
    rows = {(f.entity(d.by).names[0], d.part_of) for d in f.deployments}
    assert rows == {
        ("Polda Metro Jaya", None),
        ("TNI", "polda_metro_jaya"),
        ("Brigade Mobil", "polda_metro_jaya"),
    }
    # a part of the force went when the force went
    assert {d.start.iso if d.start else None for d in f.deployments} == {"2021-06-10"}


def test_a_state_s_troops_placed_somewhere_are_deployed_there() -> None:
    """Rule owned-troops-are-there: no verb and no count, but "French troops in X"."""
    f = _facts("en", "Officials said French troops in Gabon would stay for now.")
    assert _rows(f) == {("France", "Gabon")}
    g = _facts("id", "Kehadiran pasukan Prancis di Gabon masih dibutuhkan, kata pejabat itu.")
    assert _rows(g) == {("Prancis", "Gabon")}


def test_troops_from_forces_are_sent_by_each_force() -> None:
    """Rule troops-from-forces: "6.000 personel dari TNI dan Polri" is one row per force,
    with no count for either; "1.000 tentara dari Jerman ke Romania" comes from a place."""
    f = _facts(
        "id",
        "JAKARTA - Sebanyak 6.000 personel dari TNI dan Polri dikerahkan ke Monas, Senin "
        "(1/5/2023).",
    )
    assert {(f.entity(d.by).names[0], d.troops) for d in f.deployments} == {
        ("TNI", None),
        ("Polri", None),
    }


def test_troops_in_the_capital_of_the_country_deployed_to_are_that_deployment() -> None:
    """Rules the-capital and a-town-of-the-country-deployed-to."""
    alone = _facts(
        "en",
        "Protests spread from Nairobi on Monday. Kenya's government has deployed the army in "
        "the capital, officials said.",
    )
    assert _rows(alone) == {("Kenya", "Nairobi")}
    f = _facts(
        "en",
        "Chile deployed about 9,500 soldiers across the country on Saturday.\n"
        "Fares were frozen. Shops closed early. The curfew held.\n"
        "Chilean troops have patrolled Santiago since Saturday.",
    )
    assert _rows(f) == {("Chile", "Chile")}


def _one(lang: str, body: str) -> tuple[str, str, str, str | None, str | None]:
    (d,) = _facts(lang, body).deployments
    f = _facts(lang, body)
    return (
        f.entity(d.by).names[0],
        f.entity(d.to).names[0],
        d.status.value,
        d.end.iso if d.end else None,
        d.withdrawal.iso if d.withdrawal else None,
    )


def test_a_completed_withdrawal_dates_the_end() -> None:
    """Rule withdrawal-completed: the date is when the last troops left; a withdrawal that
    only begins dates its start."""
    done = "The United States completed the withdrawal of its troops from Niger on June 9, 2024."
    assert _one("en", done) == ("United States", "Niger", "happened", "2024-06-09", None)
    out = "France pulled its last soldiers out of Mali in August 2022."
    assert _one("en", out) == ("France", "Mali", "happened", "2022-08", None)
    begins = "France began withdrawing its troops from Mali on June 1, 2021."
    assert _one("en", begins)[3:] == (None, "2021-06-01")


def test_a_country_or_body_named_before_the_troops_sends_them() -> None:
    """Rule name-before-the-troops ("US soldiers", "National Guard troops"); a body's troops
    sent to a capital go to that town, not its country."""
    us = "The Pentagon said about 100 US soldiers would be sent to Israel."
    assert _one("en", us)[:3] == ("US", "Israel", "planned")
    guard = "About 800 National Guard troops were mobilized for the mission in Washington."
    assert _one("en", guard)[:2] == ("National Guard", "Washington")


def test_the_country_a_sentence_names_is_the_country_it_points_back_to() -> None:
    """Rule anaphora: "Chad ended its pact with France, which has 1,000 troops in the
    country" is about Chad, not the country of the deployment told before."""
    body = (
        "NATO will send 700 more troops to Kosovo, the alliance said. Chad ended its defence "
        "pact with France, which has about 1,000 troops in the country."
    )
    assert ("France", "Chad") in _rows(_facts("en", body))


def test_a_mission_named_before_its_apposition() -> None:
    """Rule mission-in-a-place: "UNIFIL, the UN peacekeeping force in Lebanon"."""
    f = _facts(
        "en",
        "The council extended the mandate of UNIFIL, the UN peacekeeping force in Lebanon, "
        "on Thursday.",
    )
    assert _rows(f) == {("UNIFIL", "Lebanon")}


def test_a_named_unit_sent_in_the_passive_is_its_own_sender() -> None:
    """Rule passive-subject-is-the-troops, for a unit: "Kontingen Garuda XXXIX-B
    diberangkatkan ke Lebanon"."""
    f = _facts("id", "Kontingen Garuda XXXIX-B diberangkatkan ke Lebanon pada Jumat (4/6/2021).")
    assert _rows(f) == {("Kontingen Garuda XXXIX-B", "Lebanon")}


def test_a_place_noun_may_stand_between_the_preposition_and_the_destination() -> None:
    f = _facts("en", "About 300 Nigerien soldiers were sent to the border town of Agadez.")
    assert _rows(f) == {("Niger", "Agadez")}


def test_troops_ordered_to_prepare_are_planned() -> None:
    (d,) = _facts(
        "en", "The Pentagon ordered 2,000 troops to prepare to deploy to Kuwait."
    ).deployments
    assert d.status is DeploymentStatus.PLANNED


def test_a_deployment_far_from_the_last_one_does_not_borrow_its_place() -> None:
    """Rule the-last-deployment-s: only the deployment told just before, or one the
    sentence joins ("also"), lends its place."""
    body = (
        "Britain will send 900 more troops to Estonia, officials said.\n"
        "Prices rose. Markets fell. Talks stalled.\n"
        "Burundi has sent thousands of soldiers to fight the rebels.\n"
        "Uganda also sent 500 soldiers."
    )
    rows = _rows(_facts("en", body))
    assert ("Burundi", "Estonia") not in rows and ("Britain", "Estonia") in rows


def test_the_army_sent_onto_the_streets_of_a_town_is_the_state_s() -> None:
    """Rule the-story-country-s-military, with "onto the streets of"."""
    f = _facts(
        "en",
        "Bangladesh imposed a curfew on Saturday. The government sent the army onto the "
        "streets of Dhaka after days of deadly protests.",
    )
    assert _rows(f) == {("Bangladesh", "Dhaka")}


def test_a_mission_whose_name_begins_with_the_phrase() -> None:
    """Rule mission-in-a-place: "Pasukan Perdamaian PBB di Lebanon (UNIFIL)" is UNIFIL's;
    a named mission that the story's own deployment there serves adds no row."""
    f = _facts("id", "Pasukan Perdamaian PBB di Lebanon (UNIFIL) akan ditarik pada akhir 2026.")
    assert _rows(f) == {("UNIFIL", "Lebanon")}
    g = _facts(
        "id",
        "TNI mengirim 200 prajurit ke Lebanon pada Jumat (4/6/2021). Mereka bergabung dengan "
        "Misi Stabilisasi PBB di Lebanon.",
    )
    assert _rows(g) == {("TNI", "Lebanon")}


def test_bko_is_a_deployment_and_a_sending_verb_is_no_contribution() -> None:
    """ "di-BKO-kan" (placed under another command) sends troops; "Polri mengirim 300
    personel ke Ambon" is a deployment of its own, not a contingent of the one before."""
    f = _facts(
        "id",
        "Sebanyak dua SSK Brimob Polda Jatim di-BKO-kan untuk mengamankan Pilkada di Sampang, "
        "Senin (7/6/2021).\nPolda Jateng menerjunkan 15.000 personel ke Semarang.\n"
        "Polri mengirim 300 personel Brimob ke Ambon.",
    )
    rows = {(f.entity(d.by).names[0], f.entity(d.to).names[0], d.part_of) for d in f.deployments}
    assert ("Brimob Polda Jatim", "Sampang", None) in rows
    assert ("Polri", "Ambon", None) in rows
    assert all(part_of is None for _, _, part_of in rows)


def test_agreed_approved_set_to_or_dated_later_is_planned_and_ruled_out_is_denied() -> None:
    cases = {
        ("en", "Rwanda agreed to send 500 soldiers to Mozambique."): "planned",
        ("en", "Kenya sends 1,000 officers to Haiti next month."): "planned",
        ("en", "France ruled out sending ground troops to Haiti."): "denied",
        ("id", "DPR menyetujui pengiriman 1.000 prajurit TNI ke Lebanon."): "planned",
        ("en", "Russian troops began leaving Syria on June 1, 2021."): "happened",
    }
    for (code, body), status in cases.items():
        (d,) = _facts(code, body).deployments
        assert d.status.value == status, body


def test_a_country_s_contingent_of_a_force_is_a_part_of_the_force_s_deployment() -> None:
    """Rule contingent-of-a-force: "the Russian contingent of the CSTO peacekeeping forces"."""
    f = _facts(
        "en",
        "An aircraft delivered the first units of the Russian contingent of the CSTO "
        "peacekeeping forces to the territory of the Republic of Kazakhstan on Thursday.",
    )
    rows = {(f.entity(d.by).names[0], d.part_of) for d in f.deployments}
    assert rows == {("CSTO", None), ("Russia", "csto")}


def test_a_news_agency_is_no_alliance_a_leader_leads() -> None:
    """Rule led-is-not-the-sender takes the alliance the article names, never a news
    agency the authority file knows (kind: news)."""
    f = _facts(
        "en",
        "A Kremlin-led alliance of former Soviet states said its troops arrived in Kazakhstan "
        "on Thursday, the New York Times reported, citing Bloomberg and Bloomberg News.\n",
    )
    senders = {f.entity(d.by).authority for d in f.deployments}
    assert not senders & {"nyt", "bloomberg"}


def test_an_address_chain_is_one_destination() -> None:
    f = _facts(
        "id",
        "Polda Sulteng mengirim 300 personel ke Desa Kalora, Kecamatan Poso Pesisir Utara, "
        "Kabupaten Poso, Provinsi Sulawesi Tengah, Senin (7/6/2021).",
    )
    assert _rows(f) == {("Polda Sulteng", "Desa Kalora")}


# -- the-mission-s-country ------------------------------------------------------------------


def test_troops_sent_to_a_mission_go_to_the_country_its_name_places_it_in() -> None:
    f = _facts(
        "en",
        "Ghana on Tuesday started the deployment of a battalion of 700 soldiers to the United "
        "Nations Mission in South Sudan (UNMISS), the army said.",
    )
    mission = "United Nations Mission in South Sudan"
    assert _rows(f) == {("Ghana", "South Sudan"), (mission, "South Sudan")}
    ghana = next(d for d in f.deployments if f.entity(d.by).names[0] == "Ghana")
    assert ghana.part_of is not None and f.entity(ghana.part_of).names[0] == mission
    assert ghana.troops is not None and ghana.troops.value == 700
    whole = next(d for d in f.deployments if d is not ghana)
    assert whole.start is None  # the mission stood before this battalion joined it


def test_a_party_led_by_an_officer_is_no_alliance_s() -> None:
    """Rule led-is-not-the-sender reads leaders that are states or bodies, not commanders:
    the advance party stays the contingent's, not the UN's; "Brig Gen" is a rank."""
    f = _facts(
        "en",
        "Zambia sent a battalion of 750 soldiers to the UN mission in the Central African "
        "Republic. An advance party of 200 peacekeepers led by Lt Col John Banda was "
        "airlifted from Lusaka to Bangui on Tuesday. The group was seen off by the Division "
        "Commander, Brig Gen Peter Mwale.",
    )
    assert {by for by, _ in _rows(f)} == {"Zambia"}


def test_an_address_ending_with_its_province_is_one_destination() -> None:
    """Rule a-bare-comma-says-where: "Desa A, Kecamatan B, Kabupaten C, Province" is an
    address of one place, however it ends."""
    f = _facts(
        "id",
        "Dua kompi Brimob Polda Sulteng tiba di Desa Toboli, Kecamatan Parigi Utara, Kabupaten "
        "Parigi Moutong, Sulawesi Tengah, Senin (30/8/2010).",
    )
    assert _rows(f) == {("Brimob Polda Sulteng", "Desa Toboli")}


def test_the_town_where_an_officer_spoke_is_no_destination() -> None:
    """Rule where-it-was-said: "kata <title> <name> di <town>"; "said the operations in X"
    is not where anyone spoke."""
    f = _facts(
        "id",
        "Polda Kalbar memberangkatkan 180 personel Brimob ke Papua. "
        '"Kami kembali memberangkatkan 180 personel Brimob," kata Kapolda Kalbar Irjen Didi '
        "Haryono di Pontianak, Minggu (1/9/2019).",
    )
    assert {to for _, to in _rows(f)} == {"Papua"}
    f = _facts("en", "Israel said its troops entered Lebanon on Monday.")
    assert _rows(f) == {("Israel", "Lebanon")}


def test_troops_sent_against_the_unrest_go_where_the_protest_is() -> None:
    """Rule troops-against-the-unrest: a purpose of quelling unrest or helping the police,
    with no place named, sends the troops to the article's protest."""
    f = _facts(
        "en",
        "Thousands protested in Durban on Monday. The South African army was sending 2,500 "
        "soldiers to help the overwhelmed police.",
    )
    assert _rows(f) == {("South African army", "Durban")}
    f = _facts(
        "id",
        "Ribuan warga berunjuk rasa di Kota Ambon, Senin (7/6/2021). Polda Maluku mengirim "
        "100 personel Brimob untuk meredam kerusuhan.",
    )
    assert _rows(f) == {("Polda Maluku", "Kota Ambon")}


def test_bodies_each_with_its_count_are_parts_of_the_joint_force() -> None:
    """Rule counted-part, for "X sebanyak N, Y sebanyak M" with no cue; a count as large as
    the whole ("Di Jawa Tengah sebanyak 4.319", after 1.019) is another deployment's."""
    f = _facts(
        "id",
        "Sebanyak 300 personel gabungan TNI-Polri disiagakan di Kabupaten Poso. Untuk Polres "
        "Poso sebanyak 100 personel, Polres Sigi sebanyak 80 personel serta 50 personel dari TNI.",
    )
    parts = {
        (f.entity(d.by).names[0], d.troops.value if d.troops else None)
        for d in f.deployments
        if d.part_of is not None
    }
    assert parts == {("Polres Poso", 100), ("Polres Sigi", 80), ("TNI", 50)}
    f = _facts(
        "id",
        "Polda Jawa Barat menerjunkan 1.019 personel gabungan ke Kota Bandung. Di Jawa Tengah "
        "sebanyak 4.319 personel gabungan, dan Polda Jawa Timur sebanyak 3.360 personel gabungan.",
    )
    assert all(d.part_of is None for d in f.deployments)


def test_a_force_ordered_to_a_town_is_sent_there_not_named_after_it() -> None:
    """A force name ends before "to" ("National Force to Recife" is no body), and a
    national or security force is troops."""
    f = _facts("en", "Brazil ordered the deployment of the National Force to Recife on Wednesday.")
    assert _rows(f) == {("Brazil", "Recife")}
    assert "National Force" in {n for e in f.entities for n in e.names}
    f = _facts("en", "The UN Interim Force in Lebanon said patrols went on.")
    assert "UN Interim Force in Lebanon" in {n for e in f.entities for n in e.names}
    f = _facts("en", "Thousands marched in Sudan. Security forces were deployed in Khartoum.")
    assert _rows(f) == {("Sudan", "Khartoum")}


def test_troops_moved_towards_a_town_go_there() -> None:
    f = _facts("en", "The Indian Army moved two units towards Delhi in January.")
    assert _rows(f) == {("Indian Army", "Delhi")}


def test_troops_readied_then_said_to_leave_for_a_place_go_there() -> None:
    """Rule where-the-troops-readied-go: "mereka" are the troops just readied; their
    place replaces the force's own area."""
    f = _facts(
        "id",
        "Polda Maluku telah menyiapkan satu SSK personel Brimob. Dalam waktu dekat mereka akan "
        "diberangkatkan ke Papua untuk membantu pengamanan Pilkada.",
    )
    assert _rows(f) == {("Polda Maluku", "Papua")}
    assert f.deployments[0].status is DeploymentStatus.PLANNED


def test_a_head_s_title_before_a_province_acronym_names_the_force() -> None:
    """Rule title-body, for an acronym ("Kapolda NTT Irjen X": Polda NTT); troops a force
    sends off are not sent to its own area."""
    f = _facts(
        "id",
        "Sebanyak 105 personel Sat Brimob Polda NTT dikirim ke Jakarta, Rabu (20/4/2022) malam. "
        "Kapolda NTT Irjen Setyo Budiyanto melepas keberangkatan mereka.",
    )
    assert _rows(f) == {("Polda NTT", "Jakarta")}


def test_a_spelled_out_force_with_no_place_named_deploys_in_its_own_area() -> None:
    f = _facts(
        "id",
        "Kepolisian Resor (Polres) Pringsewu, Lampung, menurunkan 300 personel untuk "
        "mengamankan Pilkada, Senin (12/10/2020).",
    )
    assert _rows(f) == {("Kepolisian Resor (Polres) Pringsewu", "Pringsewu")}


def test_a_preposition_of_a_day_leads_to_no_destination() -> None:
    f = _facts(
        "en",
        "Turkey has sent reinforcements to the border with Syria, media reported on Monday after "
        "Washington ordered the withdrawal of its forces.",
    )
    assert "Washington" not in {to for _, to in _rows(f)}


def test_joint_troops_made_of_forces_listed_before_the_verb_are_the_first_force_s() -> None:
    """Rule the-forces-it-is-made-of, with the make-up right after the troops and before
    the verb ("personel gabungan dari A, B, dan C diterjunkan")."""
    f = _facts(
        "id",
        "Sebanyak 200 personel gabungan dari Polres Buru, pasukan Brimob, dan TNI diterjunkan "
        "ke Desa Namlea, Senin (3/6/2024).",
    )
    assert _rows(f) == {("Polres Buru", "Desa Namlea")}


def test_a_base_or_an_airport_sends_no_troops() -> None:
    """Rule a-site-sends-no-troops: a camp or an airport before the verb is where troops
    are, never who sends them."""
    f = _facts(
        "en",
        "Currently there are 200 guardsmen in Austin, 150 in Camp Mabry and 100 arrived in Dallas.",
    )
    assert "Camp Mabry" not in {by for by, _ in _rows(f)}


def test_a_police_rank_before_a_name_sends_no_troops() -> None:
    f = _facts(
        "en",
        "AIG John Okafor, deployed from the zone headquarters to oversee the elections, spoke "
        "to journalists at the police headquarters in Lokoja.",
    )
    assert "AIG" not in {by for by, _ in _rows(f)}
    assert "AIG" not in {n for e in f.entities for n in e.names}


# -- named-contingents ----------------------------------------------------------------------


def _parts(f: Facts) -> set[tuple[str, str, str | None]]:
    return {(f.entity(d.by).names[0], f.entity(d.to).names[0], d.part_of) for d in f.deployments}


def test_contingents_listed_anywhere_are_parts_of_the_mission() -> None:
    """Rule named-contingents: countries the article names as a collective force's
    contingents, after the cue, before a copula and as demonyms, are parts of its row; the
    parts leave when the force leaves."""
    f = _facts(
        "en",
        "The Example Alliance deployed troops to Northland in March 2020. Its forces began "
        "withdrawing on Tuesday. The mission's three contingents, Kenya, Malawi, and Ghana, are "
        "packing up. Angola and Namibia are the latest troop contributing countries to leave. A "
        "ceremony for the Zambian contingent was held in the capital.",
    )
    alliance = "example_alliance"
    assert _parts(f) == {
        ("Example Alliance", "Northland", None),
        *((c, "Northland", alliance) for c in ("Kenya", "Malawi", "Ghana", "Angola", "Namibia")),
        ("Zambia", "Northland", alliance),
    }
    whole = next(d for d in f.deployments if d.part_of is None)
    assert whole.withdrawal is not None
    assert all(d.withdrawal == whole.withdrawal for d in f.deployments)


def test_contingents_from_listed_countries_in_indonesian() -> None:
    """Rule named-contingents in Indonesian, "kontingen dari X, Y dan Z"; the country the force
    is sent to is its host, not a contingent."""
    f = _facts(
        "id",
        "Aliansi Contoh mengirim pasukan ke Mogadishu pada Januari. Kontingen dari "
        "Uganda, Kenya dan Somalia sudah tiba.",
    )
    rows = _parts(f)
    assert ("Uganda", "Mogadishu", "aliansi_contoh") in rows
    assert ("Kenya", "Mogadishu", "aliansi_contoh") in rows
    assert not any(by == "Somalia" for by, _, _ in rows)


def test_a_national_force_has_no_listed_contingents() -> None:
    """Rule named-contingents serves only forces of several states: a country's own army
    with "the Kenyan contingent" nearby gets no parts."""
    f = _facts(
        "en",
        "The Northland Army deployed 300 troops to Southland on Monday. The Kenyan contingent "
        "of the UN force stayed in its base.",
    )
    assert not any(d.part_of for d in f.deployments)


def test_a_force_drawing_troops_from_countries_has_them_as_contingents() -> None:
    """Rules named-contributors ("will draw troops from X, Y and Z") and named-contingents
    ("a force from X and Y"): each country is a part of the alliance's row; "the force was
    deployed" is a force sent."""
    f = _facts(
        "en",
        "The Example Alliance deployed troops to Northland on Sunday. The force will draw "
        "troops from Kenya, Ghana and Togo.",
    )
    alliance = "example_alliance"
    assert _parts(f) == {
        ("Example Alliance", "Northland", None),
        *((c, "Northland", alliance) for c in ("Kenya", "Ghana", "Togo")),
    }
    f = _facts(
        "en",
        "The Example Alliance force was deployed to Northland in December. A force from Malawi "
        "and Zambia is deployed in support of the local army.",
    )
    assert _parts(f) == {
        ("Example Alliance", "Northland", None),
        *((c, "Northland", alliance) for c in ("Malawi", "Zambia")),
    }


def test_parts_listed_after_antara_lain_are_counted_parts() -> None:
    """Rule counted-part with the cue "antara lain" (among others) in the sentence after the
    force: "... melibatkan TNI, antara lain Kodim 1417/Kendari 60 orang"."""
    f = _facts(
        "id",
        "Polda Sultra mengerahkan 350 personel gabungan ke Kendari, Senin (1/9/2025). Selain "
        "itu, pengamanan melibatkan TNI, antara lain Kodim 1417/Kendari 60 orang.",
    )
    rows = {
        (f.entity(d.by).names[0], d.troops.value if d.troops else None, d.part_of)
        for d in f.deployments
    }
    assert ("Kodim 1417/Kendari", 60, "polda_sultra") in rows


def test_the_counted_troops_go_to_the_town_of_the_country() -> None:
    """Rules a-country-as-the-news-writes-it and the-town-the-counted-troops-go-to: Goma is
    a town of the Democratic Republic of Congo of the authority file (CLDR writes "Congo -
    Kinshasa"), and the count sent there says the deployment goes to the town."""
    f = _facts(
        "en",
        "Kenya is ready to send troops to the Democratic Republic of Congo, the minister said.\n"
        "Kenya will send 900 soldiers to Goma next month.",
    )
    assert _rows(f) == {("Kenya", "Goma")}
    (d,) = f.deployments
    assert d.troops is not None and d.troops.value == 900

"""Deployments, protests and status, in both languages, on sentences written for the tests."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.articles import ArticleText
from kg.extract import extract
from kg.extract.trace import Trace
from kg.facts.model import DeploymentStatus, Facts


def _facts(lang: str, body: str, published: str = "2021-06-10") -> Facts:
    meta = {"title": "T", "published": published, "language": lang}
    return extract(ArticleText(meta, body))


def _names(facts: Facts, entity_id: str | None) -> tuple[str, ...]:
    return facts.entity(entity_id).names if entity_id else ()


def _traced(lang: str, body: str, published: str = "2021-06-10") -> tuple[Facts, Trace]:
    """The facts of ``body`` and the trace of the rules behind them (``kg extract
    --explain``)."""
    meta = {"title": "T", "published": published, "language": lang}
    trace = Trace()
    return extract(ArticleText(meta, body), trace=trace), trace


def _rules(trace: Trace, section: str, fact_id: str) -> list[str]:
    """The names of the rules the trace recorded for one fact ("deployments", "deployment_1")."""
    return [step.rule for step in trace.steps.get(f"{section}/{fact_id}", [])]


def test_deployment_id() -> None:
    f = _facts("id", "NATO mengirim sekitar 1.200 tentara ke Latvia pada Senin (7/6/2021).\n")
    (d,) = f.deployments
    assert _names(f, d.by) == ("NATO",) and _names(f, d.to) == ("Latvia",)
    assert (
        d.troops is not None
        and d.troops.value == 1200
        and d.troops.qualifier.value == "approximately"
    )
    assert d.start is not None and d.start.value == dt.date(2021, 6, 7)
    assert d.status is DeploymentStatus.HAPPENED


def test_deployment_en_demonym_sender() -> None:
    f = _facts("en", "About 800 Polish soldiers landed in Estonia on Tuesday.\n")
    (d,) = f.deployments
    assert _names(f, d.by) == ("Poland",) or f.entity(d.by).authority == "poland"
    assert f.entity(d.to).authority == "estonia"


def test_planned_and_denied() -> None:
    planned = _facts("id", "Jepang akan mengirim 300 personel ke Filipina.\n")
    assert planned.deployments[0].status is DeploymentStatus.PLANNED
    denied = _facts("en", "Canada denied reports that it sent troops to Haiti.\n")
    assert denied.deployments[0].status is DeploymentStatus.DENIED


def test_a_capital_named_after_the_verb_is_the_destination() -> None:
    """The codebook's most specific place: a city over its country, a capital too."""
    f = _facts("en", "Ghana flew 150 soldiers into Bamako on Monday, officials in Mali said.\n")
    (d,) = f.deployments
    assert f.entity(d.to).authority == "bamako"


def test_protest_id() -> None:
    body = (
        "Unjuk rasa di Kenya pecah sejak 3 Juni, ketika ribuan warga marah dengan kenaikan harga "
        "bahan bakar. Polisi menangkap lebih dari 120 orang dan sedikitnya empat demonstran tewas.\n"
    )
    f = _facts("id", body)
    (p,) = f.protests
    assert f.entity(p.location).authority == "kenya"  # type: ignore[arg-type]
    assert p.start is not None and p.start.iso == "2021-06-03"
    assert "fuel price rise" in p.causes
    assert p.arrests is not None and p.arrests.value == 120
    assert p.deaths is not None and p.deaths.value == 4


def test_protest_en_vague_deaths() -> None:
    body = (
        "Protests began on June 1 in Peru over rising fuel prices. Dozens of people were killed.\n"
    )
    f = _facts("en", body)
    (p,) = f.protests
    assert p.deaths is not None and p.deaths.value is None and p.deaths.min == 24


def test_withdrawal_dates() -> None:
    body = (
        "Rusia mengirim 400 tentara ke Armenia pada Senin (7/6/2021). "
        "Pada hari Selasa menteri itu mengatakan pasukan akan ditarik pada 20 Juni.\n"
    )
    (d,) = _facts("id", body).deployments
    assert d.withdrawal is not None and d.withdrawal.iso == "2021-06-20"
    body = (
        "Kenya sent 300 police officers to Haiti on Monday. "
        "Officials said on Wednesday the police would withdraw on June 30.\n"
    )
    (d,) = _facts("en", body).deployments
    assert d.withdrawal is not None and d.withdrawal.iso == "2021-06-30"


def test_a_date_just_before_the_withdrawal_verb() -> None:
    # rule a-date-just-before-the-withdrawal: "will today start withdrawing"
    for said in ("The alliance will today start", "The CSTO on Thursday began"):
        body = (
            "The CSTO sent about 2,500 troops to Kazakhstan on January 6. "
            f"{said} withdrawing its troops from Kazakhstan.\n"
        )
        (d,) = _facts("en", body, published="2022-01-13").deployments
        assert d.withdrawal is not None and d.withdrawal.iso == "2022-01-13"
    # a date told before a comma is another clause's
    body = (
        "The CSTO sent about 2,500 troops to Kazakhstan on January 6. On Thursday, the "
        "alliance's leaders met, and it will start withdrawing its troops from Kazakhstan.\n"
    )
    (d,) = _facts("en", body, published="2022-01-13").deployments
    assert d.withdrawal is None


def test_longest_mention_is_the_destination() -> None:
    body = "NATO denied that it was massing troops near Belarus's western border.\n"
    (d,) = _facts("en", body).deployments
    assert _names(_facts("en", body), d.to) == ("Belarus's western border",)
    assert d.status is DeploymentStatus.DENIED


def test_presence_and_country_named_before() -> None:
    body = (
        "Rebels advanced on the port of Palma in northern Mozambique on Friday.\n\n"
        "Rwanda now has about 4,000 troops on the ground, a figure officials in Kigali say "
        "will not rise.\n"
    )
    f = _facts("en", body)
    (d,) = f.deployments
    assert f.entity(d.by).authority == "rwanda"
    assert f.entity(d.to).authority == "mozambique"  # not Kigali, where officials spoke
    assert d.troops is not None and d.troops.value == 4000


def test_a_protest_dated_in_the_sentence_after_its_place() -> None:
    body = (
        "Two officers were hurt in clashes with protesters in the town of Oldbridge. "
        "The protesters gathered on Tuesday outside the town hall. Police detained 12 people.\n"
    )
    f = _facts("en", body)
    (p,) = f.protests
    assert _names(f, p.location) == ("Oldbridge",)
    assert p.start is not None and p.start.iso == "2021-06-08"
    assert p.arrests is not None and p.arrests.value == 12


def test_a_unit_after_the_troops_is_not_the_sender() -> None:
    body = "Angkatan Darat Kenya mengirim 300 prajurit Batalyon Simba ke Somalia pada Senin (7/6/2021).\n"
    f = _facts("id", body)
    (d,) = f.deployments
    assert _names(f, d.to) == ("Somalia",)
    assert _names(f, d.by) == ("Angkatan Darat Kenya",)


def test_a_protest_start_told_without_its_place() -> None:
    body = (
        "Protests spread across Ghana on Wednesday after fuel prices doubled. "
        "Four people have died since the protests began last Sunday.\n"
    )
    f = _facts("en", body, published="2021-06-10")
    (p,) = f.protests
    assert p.start is not None and p.start.iso == "2021-06-06"
    assert p.deaths is not None and p.deaths.value == 4


def test_to_the_region_is_where_the_last_deployment_went() -> None:
    body = (
        "Kenya said it would send 900 troops to Somalia next month. "
        "Uganda's Defence Minister Grace Akello welcomed the move. "
        "Ethiopia denied that it had sent troops to the region.\n"
    )
    f = _facts("en", body)
    denied = [d for d in f.deployments if d.status is DeploymentStatus.DENIED]
    assert [(_names(f, d.by), _names(f, d.to)) for d in denied] == [(("Ethiopia",), ("Somalia",))]


def test_troops_leaving_a_place_were_deployed_there() -> None:
    body = (
        "Pakistan mulai menarik pasukan penjaga perdamaiannya dari wilayah Sahelia, "
        "Rabu (9/6/2021).\n\n"
        "Sekitar 1.200 tentara Pakistan ditempatkan di kawasan itu sejak Maret 2019.\n"
    )
    f = _facts("id", body)
    (d,) = f.deployments
    assert (_names(f, d.by), _names(f, d.to)) == (("Pakistan",), ("wilayah Sahelia",))
    assert d.status is DeploymentStatus.HAPPENED
    assert d.withdrawal is not None and d.withdrawal.iso == "2021-06-09"
    assert d.troops is not None and d.troops.value == 1200
    assert d.start is not None and d.start.iso == "2019-03"


def test_troops_leaving_join_the_deployment_that_sent_them() -> None:
    body = (
        "Kementerian Pertahanan Mesir mengumumkan pasukan aliansi itu akan ditarik dari "
        "Libya, Senin (7/6/2021).\n\n"
        "Liga Arab mengirim 3.000 tentara ke Libya bulan lalu.\n"
    )
    f = _facts("id", body)
    (d,) = f.deployments
    assert (_names(f, d.by)[0], _names(f, d.to)) == ("Liga Arab", ("Libya",))


def test_a_request_by_a_government_named_by_its_demonym() -> None:
    body = (
        "Ghana deployed 500 police officers to Liberia in May at the request of the Liberian "
        "government.\n"
    )
    f = _facts("en", body)
    (d,) = f.deployments
    assert _names(f, d.requested_by) == ("Liberia",)


def test_a_comparison_gives_no_start_and_a_cause_is_no_place() -> None:
    body = (
        "Tens of thousands of people marched in Lima on Thursday, in the largest protest "
        "since 2015.\n"
    )
    (p,) = _facts("en", body).protests
    assert p.start is not None and p.start.iso == "2021-06-10"
    body = (
        "Ribuan warga menggelar aksi solidaritas untuk Sudan di kawasan Monas, Jakarta Pusat, "
        "Minggu (6/6/2021).\n"
    )
    f = _facts("id", body)
    (p,) = f.protests
    assert _names(f, p.location) == ("Jakarta Pusat",)  # the town the Monas area lies in


def test_a_protest_referred_back_to_is_the_same_protest() -> None:
    body = (
        "Unjuk rasa menolak kenaikan harga BBM di Kendari berujung ricuh pada Rabu (9/6/2021). "
        "Aksi yang diikuti ratusan mahasiswa itu dimulai sejak Senin lalu di depan Kantor "
        "Gubernur Sulawesi Tenggara. Polisi menangkap 20 orang.\n"
    )
    f = _facts("id", body)
    (p,) = f.protests
    assert _names(f, p.location) == ("Kendari",)
    assert p.start is not None and p.start.iso == "2021-06-07"
    assert p.participants is not None and p.participants.min == 200
    assert p.arrests is not None and p.arrests.value == 20


def test_no_plans_to_deploy_is_a_denial() -> None:
    body = "Kenya said on Monday it had no plans to deploy troops to Somalia.\n"
    (d,) = _facts("en", body).deployments
    assert d.status is DeploymentStatus.DENIED
    body = "Malaysia menyatakan tidak berencana mengirim pasukan ke Myanmar, Senin (7/6/2021).\n"
    (d,) = _facts("id", body).deployments
    assert d.status is DeploymentStatus.DENIED


def test_a_protest_in_the_capital_is_in_the_capital_of_the_story_country() -> None:
    body = (
        "Riots broke out in the capital on Monday, and at least 9 people were killed. "
        "Kenya's government blamed the rising fuel prices. Police in Nairobi said the city "
        "was calm again.\n"
    )
    f = _facts("en", body)
    (p,) = f.protests
    assert _names(f, p.location)[0] == "Nairobi"
    assert p.deaths is not None and p.deaths.value == 9


def test_requested_by_and_a_protest_verb() -> None:
    body = (
        "Kenya sent about 100 soldiers to the Democratic Republic of Congo on Saturday, the "
        "first contingent of a force requested by Kinshasa.\n\n"
        "Thousands of residents protested in Goma on Monday, and two people were killed.\n"
    )
    f = _facts("en", body)
    (d,) = f.deployments
    assert f.entity(d.to).authority == "dr_congo"  # type: ignore[arg-type]
    assert _names(f, d.requested_by) == ("Kinshasa",)
    (p,) = f.protests
    assert _names(f, p.location) == ("Goma",)
    assert p.deaths is not None and p.deaths.value == 2


def test_supporters_who_rallied_are_a_protest_with_participants() -> None:
    body = (
        "Thousands of supporters of the junta rallied outside the French embassy in Niamey on "
        "Friday, demanding that the troops leave.\n"
    )
    f = _facts("en", body)
    (p,) = f.protests
    assert _names(f, p.location) == ("Niamey",)
    assert p.participants is not None and p.participants.min == 2000


@pytest.mark.parametrize(
    ("lang", "sentence", "cause"),
    [
        (
            "en",
            "Thousands protested in Nairobi on Tuesday against a finance bill.",
            "finance bill",
        ),
        (
            "en",
            "Thousands protested in Nairobi on Tuesday against tax hikes.",
            "tax increase",
        ),
        # the fraud or the rigging the text names, each as the development gold writes it
        (
            "en",
            "Thousands protested in Harare on Tuesday against alleged election fraud.",
            "alleged election fraud",
        ),
        (
            "en",
            "Thousands protested in Harare on Tuesday, saying the count was rigged.",
            "alleged election rigging",
        ),
        ("en", "Workers protested in Lagos on Monday demanding a higher minimum wage.", "wages"),
        (
            "en",
            "Students rallied in Bamako on Friday against the military presence of France.",
            "deployment of troops",
        ),
        (
            "en",
            "Protests in Lima on Monday called for the resignation of the cabinet.",
            "resignation of the cabinet",  # whose resignation, when the text says
        ),
        (
            "en",
            "Protests in Lima on Monday called for his resignation.",
            "demand for the resignation",
        ),
        (
            "en",
            "Farmers blocked highways near Brussels on Monday in protest at EU trade policy.",
            "EU trade policy",
        ),
        ("en", "Crowds protested in Khartoum on Sunday against the coup.", "military coup"),
        (
            "id",
            "Ribuan buruh berunjuk rasa di Bandung pada Senin (7/6/2021) menuntut kenaikan upah.",
            "wages",
        ),
        (
            "id",
            "Ribuan mahasiswa berunjuk rasa di Jayapura pada Selasa (8/6/2021) menolak pengiriman pasukan.",
            "deployment of troops",
        ),
        (
            "id",
            "Mahasiswa berdemonstrasi di Jakarta pada Senin (7/6/2021) menuntut menteri itu meletakkan jabatan.",
            "demand for the resignation",
        ),
    ],
)
def test_common_causes(lang: str, sentence: str, cause: str) -> None:
    (p,) = _facts(lang, sentence + "\n").protests
    assert p.causes == (cause,)


def test_a_curfew_after_protests_is_not_their_cause() -> None:
    body = (
        "Protesters marched in Santiago on Friday over a metro fare increase. The government "
        "imposed a curfew after the protests.\n"
    )
    (p,) = _facts("en", body).protests
    assert p.causes == ("metro fare increase",)


def test_troops_that_left_keep_the_date_they_were_sent() -> None:
    body = (
        "The last of about 1,500 French troops stationed in Niger left the country on Friday, "
        "completing a withdrawal that began in October.\n\n"
        "France had deployed the soldiers to Niger in 2022 to fight jihadist groups.\n"
    )
    (d,) = _facts("en", body, published="2023-12-23").deployments
    assert d.start is not None and d.start.iso == "2022"
    assert d.withdrawal is not None and d.withdrawal.iso == "2023-10"


def test_a_date_in_a_comparison_is_not_the_protest_start() -> None:
    body = (
        "Police arrested 457 people during nationwide protests in France on Thursday, the most "
        "violent day of protest since the movement began in January.\n"
    )
    (p,) = _facts("en", body, published="2023-03-24").protests
    assert p.start is not None and p.start.iso == "2023-03-23"


@pytest.mark.parametrize(
    ("lang", "sentence", "sender", "place"),
    [
        (
            "en",
            "The British Army, which leads the NATO battlegroup in Estonia, already has about "
            "900 troops stationed at Tapa.",
            "British Army",
            "Tapa",
        ),
        (
            "id",
            "Jerman, yang memimpin pasukan NATO di Lituania, mengirim 500 tentara ke Rukla "
            "pada Senin.",
            "Jerman",
            "Rukla",
        ),
    ],
)
def test_a_clause_about_the_sender_does_not_name_the_sender(
    lang: str, sentence: str, sender: str, place: str
) -> None:
    f = _facts(lang, sentence + "\n")
    (d,) = f.deployments
    assert sender in _names(f, d.by) and _names(f, d.to) == (place,)


def test_a_protest_in_a_named_countrys_capital() -> None:
    body = (
        "JAKARTA, Indonesia - Thousands of students clashed with police in Indonesia's capital "
        "on Thursday in a third day of protests against a new law.\n"
    )
    (p,) = _facts("en", body, published="2020-10-09").protests
    # "on Thursday in a third day of protests": the protests began on the Tuesday (rule
    # the-nth-day-of-the-protest)
    assert p.location == "jakarta" and p.start is not None and p.start.iso == "2020-10-06"
    body = "Ribuan warga berunjuk rasa di ibu kota Armenia pada Selasa (10/11/2020).\n"
    f = _facts("id", "Warga berkumpul di Yerevan kemarin.\n\n" + body, published="2020-11-10")
    (p,) = f.protests
    assert f.entity(p.location).authority == "yerevan"  # type: ignore[arg-type]


def test_a_counted_crowd_protesting_is_a_protest_without_a_date() -> None:
    body = (
        "Sementara itu, ribuan warga Armenia berunjuk rasa di Yerevan menolak kesepakatan itu "
        "dan menuntut Perdana Menteri Nikol Pashinyan mundur. Polisi menangkap sedikitnya 10 "
        "orang.\n"
    )
    (p,) = _facts("id", body, published="2020-11-10").protests
    assert p.start is None and p.arrests is not None and p.arrests.value == 10
    assert p.causes == ("demand for the resignation",)
    # rule an-undated-protest: the only protest an article tells of is recorded, undated
    (p,) = _facts("en", "The law was debated amid protests in Yerevan.\n").protests
    assert p.start is None


def test_troops_sent_in_the_next_sentence_are_those_of_the_sender_before() -> None:
    """Chad deploys "around 1,000 soldiers along its eastern border", then "the troops were
    sent to the Ouaddai province on Saturday": one deployment, Chad's, with the count told
    first and the place and day of the next sentence. Rule subject-before-the-verb
    (sender:subject-before-the-verb) gives Chad; rule the-sender-s-own-border
    (destination:the-sender-s-own-border) places the troops in Chad, then rule
    the-duty-place-told-on (destination:the-duty-place-told-on) moves them to the Ouaddai
    province and takes Saturday as the start. The troops being placed already, rule
    troops-of-the-sentence-before does not act here;
    test_troops_placed_a_sentence_later_are_the_unplaced_sender_s checks it."""
    body = (
        "Chad has deployed around 1,000 soldiers along its eastern border with Sudan, as "
        "fighting between the army and the Rapid Support Forces (RSF) entered its second "
        "week.\n\nA spokesman said the troops were sent to the Ouaddai province on Saturday.\n"
    )
    f = _facts("en", body, published="2023-04-25")
    (d,) = f.deployments
    assert _names(f, d.by) == ("Chad",) and _names(f, d.to) == ("Ouaddai province",)
    assert d.troops is not None and d.troops.value == 1000
    assert d.start is not None and d.start.iso == "2023-04-22"


def test_troops_placed_a_sentence_later_are_the_unplaced_sender_s() -> None:
    """Rule troops-of-the-sentence-before (sender:troops-of-the-sentence-before): a sender
    whose troops went nowhere named, then a sentence that sends troops of no one to a
    place: the sender's troops, with the count told before."""
    f, trace = _traced(
        "en",
        "Niger has mobilised 1,200 soldiers after a string of attacks by armed groups. The "
        "soldiers were flown to the Tillaberi region on Tuesday.\n",
    )
    (d,) = f.deployments
    assert _names(f, d.by) == ("Niger",) and _names(f, d.to) == ("Tillaberi region",)
    assert d.troops is not None and d.troops.value == 1200
    assert "sender:troops-of-the-sentence-before" in _rules(trace, "deployments", d.id)


def test_troops_back_home_give_the_date_they_left() -> None:
    body = (
        "Sebanyak 175 prajurit Kontingen Garuda tiba di Tanah Air pada Selasa (1/8/2023) "
        "setelah bertugas selama satu tahun di Republik Demokratik Kongo.\n"
    )
    f = _facts("id", body, published="2023-08-02")
    (d,) = f.deployments
    assert d.start is None and d.withdrawal is not None and d.withdrawal.iso == "2023-08-01"
    assert "Tanah Air" not in {n for e in f.entities for n in e.names}


def test_troops_go_to_the_place_inside_the_country_named_first() -> None:
    body = (
        "Rwanda said on Friday it would deploy 1,000 soldiers and police officers to "
        "Mozambique's northern Cabo Delgado province.\n"
    )
    f = _facts("en", body, published="2021-07-10")
    (d,) = f.deployments
    assert _names(f, d.by) == ("Rwanda",) and _names(f, d.to) == ("Cabo Delgado province",)
    assert d.status is DeploymentStatus.PLANNED


def test_withdrawing_is_a_withdrawal() -> None:
    body = (
        "Kenya sent 400 police officers to Haiti in June 2024.\n\n"
        "Kenya began withdrawing its officers from Haiti on Monday.\n"
    )
    (d,) = _facts("en", body, published="2025-03-05").deployments
    assert d.withdrawal is not None and d.withdrawal.iso == "2025-03-03"


def test_protests_in_a_town_and_in_its_country_are_one_wave() -> None:
    """Rule a-wave-across-the-country: the town's protest and the country's, with no date
    apart, are one row at the country."""
    body = (
        "Thousands of protesters rallied in Zhanaozen against the fuel price rise.\n"
        "The unrest in Kazakhstan left 12 people dead, officials said.\n"
    )
    f = _facts("en", body)
    assert [_names(f, p.location)[0] for p in f.protests] == ["Kazakhstan"]


def test_an_undated_protest_with_casualties_is_the_article_s_protest() -> None:
    """Rule an-undated-protest: never dated, but its dead and arrested are counted."""
    body = (
        "Ribuan tentara dikirim untuk meredakan kerusuhan besar di Kazakhstan.\n"
        "Sebanyak 16 demonstran tewas dan lebih dari 3.000 orang ditahan.\n"
    )
    (p,) = _facts("id", body).protests
    assert _names(_facts("id", body), p.location) == ("Kazakhstan",) and p.start is None


def test_a_protest_called_for_a_later_day_has_not_happened() -> None:
    """Rule called-not-held: a protest dated after the publication is a call, not an event."""
    body = "Mahasiswa akan menggelar aksi unjuk rasa di Bandung pekan depan menolak kenaikan BBM.\n"
    assert _facts("id", body).protests == ()


def test_a_protest_with_no_place_is_in_the_dateline_town_of_a_domestic_story() -> None:
    """Rule the-dateline-town: "JAKARTA - ... demo hari ini" is in Jakarta; a foreign
    dateline ("MOSCOW - ... protests in the west of the country") is not the place."""
    home = _facts(
        "id",
        "JAKARTA - Ribuan pengemudi ojek online menggelar demo hari ini, "
        "Selasa (20/5/2025), menuntut tarif baru.\n",
        published="2025-05-20",
    )
    assert [_names(home, p.location)[0] for p in home.protests] == ["JAKARTA"]
    abroad = _facts(
        "en",
        "MOSCOW (Example News) - Kazakhstan declared a state of emergency. The protests broke "
        "out on January 2 in the west of the country.\n",
        published="2022-01-14",
    )
    assert [_names(abroad, p.location)[0] for p in abroad.protests if p.location] != ["MOSCOW"]


def test_a_rally_told_later_to_have_spread_across_the_country_is_a_wave() -> None:
    """Rule a-wave-across-the-country, told after the town's rally."""
    body = (
        "Thousands of protesters rallied in Nairobi on Tuesday against tax increases in "
        "Kenya.\nThe protests later spread to more than 30 counties, officials said.\n"
    )
    f = _facts("en", body)
    assert [_names(f, p.location)[0] for p in f.protests] == ["Kenya"]


def test_a_protest_at_a_place_in_a_town_is_the_town_s() -> None:
    """Rule the-town-that-holds-it: "at the Lekki toll gate in Lagos" is in Lagos."""
    f = _facts(
        "en",
        "Soldiers opened fire on protesters at the Lekki toll gate in Lagos on Tuesday night.\n",
        published="2020-10-21",
    )
    assert [_names(f, p.location)[0] for p in f.protests] == ["Lagos"]


def test_seorang_counts_one() -> None:
    body = "Demonstrasi di Jakarta ricuh pada Kamis (3/6/2021). Seorang pengemudi tewas.\n"
    (p,) = _facts("id", body).protests
    assert p.deaths is not None and p.deaths.value == 1


def test_more_causes_are_normalised() -> None:
    body = (
        "Ribuan mahasiswa berunjuk rasa di Jakarta pada Kamis (3/6/2021) menolak revisi UU "
        "Pilkada dan menuntut pembubaran DPR.\n"
    )
    (p,) = _facts("id", body).protests
    assert set(p.causes) == {"revision of the Pilkada law", "dissolution of parliament"}
    english = "Thousands protested in Lome on Friday against constitutional reforms.\n"
    (q,) = _facts("en", english).protests
    assert q.causes == ("constitutional reform",)


def test_a_direction_before_a_country_names_a_region_as_destination() -> None:
    f = _facts("en", "Kenya deployed 400 soldiers in eastern Uganda on Monday.\n")
    (d,) = f.deployments
    assert _names(f, d.to) == ("eastern Uganda",)


def test_a_region_of_the_country_told_later_is_the_same_deployment() -> None:
    body = (
        "Korea Utara mengirim sekitar 1.500 pasukan ke Rusia, kata dinas intelijen, Jumat "
        "(18/10/2024).\nKorea Utara memindahkan pasukan itu ke Rusia timur antara tanggal 8 dan "
        "13 Oktober.\n"
    )
    f = _facts("id", body, "2024-10-19")
    (d,) = f.deployments
    assert _names(f, d.to) == ("Rusia timur",)
    assert d.troops is not None and d.troops.value == 1500
    # the day it was said is no start; a range of days starts on its first
    assert d.start is not None and d.start.value == dt.date(2024, 10, 8)


def test_a_possessive_region_is_a_place() -> None:
    f = _facts("en", "Belarus sent 300 troops to Russia's Far East on Monday.\n")
    (d,) = f.deployments
    assert _names(f, d.to) == ("Russia's Far East",)


def test_fake_identities_are_no_denial() -> None:
    f = _facts("id", "Korea Utara mengirim 1.500 tentara ke Rusia dengan identitas palsu.\n")
    assert f.deployments[0].status is DeploymentStatus.HAPPENED
    f = _facts("id", "Kabar bahwa Korea Utara mengirim tentara ke Rusia adalah kabar palsu.\n")
    assert f.deployments[0].status is DeploymentStatus.DENIED


def test_the_withdrawal_date_is_not_the_date_the_troops_came() -> None:
    body = (
        "Tanzania deployed 900 troops to Malawi in March 2023.\n"
        "The withdrawal of the troops, which had been deployed in Malawi from March 2023, is "
        "under way.\n"
    )
    (d,) = _facts("en", body, "2024-06-01").deployments
    assert d.withdrawal is None


def test_protests_that_spread_across_the_country_are_one_wave() -> None:
    body = (
        "Aksi protes pecah pada Ahad (2/1/2022) di Kota Zhanaozen karena kenaikan harga bahan "
        "bakar.\nAksi protes kemudian menyebar ke Kota Aktau.\nSaat protes menyebar ke seluruh "
        "negeri, Presiden Kazakhstan mengumumkan keadaan darurat di kota Almaty dari 5-19 "
        "Januari.\n"
    )
    f = _facts("id", body, "2022-01-10")
    (p,) = f.protests
    assert f.entity(p.location).authority == "kazakhstan"
    assert p.start is not None and p.start.value == dt.date(2022, 1, 2)


def test_a_place_in_a_relative_clause_is_no_destination() -> None:
    body = (
        "Seribu tentara Rwanda dikerahkan untuk menopang pasukan militer Mozambik, yang "
        "merupakan salah satu yang terbesar di Afrika.\n"
    )
    f = _facts("id", body)
    assert all("Afrika" not in _names(f, d.to) for d in f.deployments)


def test_a_town_of_the_destination_named_after_it_is_the_destination() -> None:
    body = "Kenya began a deployment in Somalia on Monday, with 200 soldiers arriving in Kismayo.\n"
    (d,) = _facts("en", body).deployments
    assert d.to == "kismayo"


def test_an_advance_party_and_a_planned_force_are_two_rows() -> None:
    body = (
        "Germany on Monday deployed 20 soldiers to Estonia as an advance party.\n"
        "Berlin said last year it would deploy roughly 4,800 troops in Estonia.\n"
    )
    rows = {
        (d.status, d.troops.value if d.troops else None) for d in _facts("en", body).deployments
    }
    assert rows == {(DeploymentStatus.HAPPENED, 20), (DeploymentStatus.PLANNED, 4800)}


def test_reinforcements_told_with_another_status_are_another_wave() -> None:
    """Rule another-count-another-status, with a count of units the cue makes a new wave."""
    body = (
        "The Home Ministry decided on Monday to send 40 more CRPF companies to Assam.\n"
        "Last week it had rushed 12 additional CRPF companies to Assam.\n"
    )
    statuses = sorted(d.status.value for d in _facts("en", body, "2024-03-05").deployments)
    assert statuses == ["happened", "planned"]
    body = (
        "Sebanyak 300 personel Brimob Polda Maluku tiba di Ambon, Senin (4/3/2024).\n"
        "Polda Maluku juga akan mengirim dua kompi tambahan ke Ambon.\n"
    )
    statuses = sorted(d.status.value for d in _facts("id", body, "2024-03-05").deployments)
    assert statuses == ["happened", "planned"]


def test_countries_that_still_have_troops_on_the_ground_each_deploy() -> None:
    """Rule troops-are-there: "on the ground" may stand between the troops and the place."""
    facts = _facts(
        "en", "Malawi, Tanzania and Zambia still have troops on the ground in Cabo Delgado.\n"
    )
    rows = {(_names(facts, d.by)[0], _names(facts, d.to)[0]) for d in facts.deployments}
    assert rows == {
        ("Malawi", "Cabo Delgado"),
        ("Tanzania", "Cabo Delgado"),
        ("Zambia", "Cabo Delgado"),
    }


def test_every_country_listed_as_withdrawing_keeps_its_own_row() -> None:
    """Rows of co-senders leave as the row they are listed with: each stays its own row."""
    body = (
        "Angola and Namibia have withdrawn their troops from Cabo Delgado.\n"
        "Botswana was the first country to pull its troops out of Cabo Delgado.\n"
    )
    facts = _facts("en", body)
    senders = sorted(_names(facts, d.by)[0] for d in facts.deployments)
    assert senders == ["Angola", "Botswana", "Namibia"]


def test_a_protest_that_has_lasted_days_began_that_many_days_before() -> None:
    """Rule began-days-before; a lockdown that lasted is no protest's duration."""
    body = (
        "Pengunjuk rasa kembali turun ke jalan di seluruh negeri Myanmar, Selasa (9/2/2021).\n"
        "Unjuk rasa antikudeta di Myanmar telah berlangsung selama empat hari.\n"
    )
    (p,) = _facts("id", body, "2021-02-09").protests
    assert p.start is not None and p.start.iso == "2021-02-06"
    body = (
        "Thousands of protesters marched to Islamabad across the country.\n"
        "The capital had been under a lockdown for three days following the call to march.\n"
    )
    (p,) = _facts("en", body, "2024-11-26").protests
    assert p.start is None


def test_the_nth_day_of_a_protest_began_that_many_days_before() -> None:
    """Rule the-nth-day-of-the-protest: the count of days may come before the protest's
    noun ("the sixth day of the general strike", "a third night of riots"), and an
    Indonesian ordinal day or night ("hari keempat", "malam ketiga") counts too."""
    body = (
        "On the sixth day of the general strike in Bolivia, roads to the capital stayed closed.\n"
    )
    (p,) = _facts("en", body, "2022-03-12").protests
    assert p.start is not None and p.start.iso == "2022-03-07"
    body = "Troops patrolled Lusaka after a third night of riots in Zambia on Friday.\n"
    (p,) = _facts("en", body, "2022-03-12").protests
    assert p.start is not None and p.start.iso == "2022-03-09"
    body = "Demonstrasi mahasiswa di Kota Kupang berlanjut pada hari keempat, Sabtu (12/3/2022).\n"
    (p,) = _facts("id", body, "2022-03-12").protests
    assert p.start is not None and p.start.iso == "2022-03-09"


def test_the_one_placed_protest_takes_the_day_told_later_without_a_place() -> None:
    """Rule its-day-told-without-a-place: a protest placed but undated, and a protest dated
    sentences later with no place: the day is the placed protest's start."""
    body = (
        "Kerusuhan di Kota Nabire mengakibatkan tiga orang terluka.\n"
        "Kapolres Nabire meminta warga tetap tenang.\n"
        "Situasi kota kini berangsur pulih.\n"
        "Toko-toko mulai dibuka kembali.\n"
        "Kerusuhan itu bermula pada Senin (7/3/2022) siang setelah beredar kabar bohong.\n"
    )
    (p,) = _facts("id", body, "2022-03-08").protests
    assert p.start is not None and p.start.iso == "2022-03-07"
    body = (
        "Riots in Kisumu left three people injured.\n"
        "The police chief urged residents to stay calm.\n"
        "Shops have since reopened.\n"
        "Schools remain closed.\n"
        "The unrest broke out on Monday after a rumour spread.\n"
    )
    (p,) = _facts("en", body, "2022-03-08").protests
    assert p.start is not None and p.start.iso == "2022-03-07"


def test_a_past_year_far_from_the_protest_is_another_event_s() -> None:
    """Rule a-past-year-far-from-the-protest: the year a ban or a promise dates is not the
    protest's start; a year next to the protest's noun is."""
    body = (
        "Hundreds of protesters gathered in Maseru, although rallies have been banned in the "
        "kingdom since 2019.\n"
    )
    (p,) = _facts("en", body, "2022-03-08").protests
    assert p.start is None
    body = (
        "Ratusan warga berunjuk rasa di Kota Kupang menuntut lahan yang sejak tahun 2015 telah "
        "dijanjikan perusahaan.\n"
    )
    (p,) = _facts("id", body, "2022-03-08").protests
    assert p.start is None
    (p,) = _facts("en", "Protests in 2019 shook Maseru for weeks.\n", "2022-03-08").protests
    assert p.start is not None and p.start.iso == "2019"


@pytest.mark.parametrize(
    "body",
    [
        "Ratusan mahasiswa menggelar demontrasi di Kota Kupang, Senin (7/3/2022).\n",
        "Ribuan buruh berunjukrasa di Kota Kupang, Senin (7/3/2022).\n",
        "Ratusan pengunjukrasa memblokade jalan di Kota Kupang, Senin (7/3/2022).\n",
    ],
)
def test_common_misspellings_of_protest_nouns(body: str) -> None:
    """'demontrasi', 'unjukrasa', 'pengunjukrasa' written as Indonesian news often does."""
    (p,) = _facts("id", body, "2022-03-08").protests
    assert p.location == "kupang" and p.start is not None and p.start.iso == "2022-03-07"


def test_a_counted_protest_takes_the_day_of_a_later_sentence_that_opens_with_it() -> None:
    """Rule its-day-told-without-a-place, for a protest found undated: a later sentence that
    opens with the protest and dates it gives its start."""
    body = (
        "Sekitar 300 pendemo berunjuk rasa di depan kantor klub di Kota Kediri.\n"
        "Kapolres meminta warga tetap tenang.\n"
        '"Kami masih memeriksa mereka," katanya.\n'
        "Aksi unjuk rasa itu terjadi pada Minggu 6 Maret 2022 dan berakhir ricuh.\n"
    )
    (p,) = _facts("id", body, "2022-03-08").protests
    assert p.start is not None and p.start.iso == "2022-03-06"
    body = (
        "About 300 protesters rallied outside the club's office in Kediri.\n"
        "The police chief urged calm.\n"
        '"We are still questioning them," he said.\n'
        "The protest took place on Sunday, March 6, 2022, and turned violent.\n"
    )
    (p,) = _facts("en", body, "2022-03-08").protests
    assert p.start is not None and p.start.iso == "2022-03-06"


@pytest.mark.parametrize(
    ("lang", "body", "start", "end"),
    [
        # rule an-end-date-is-no-start and rule an-announced-end, which looks ahead
        ("en", "Russia has deployed 3,000 troops to Belarus until March 20.", None, "2022-03-20"),
        (
            "en",
            "Russia sent 3,000 troops to Belarus on Monday for drills lasting until March 20.",
            "2022-01-10",
            "2022-03-20",
        ),
        (
            "id",
            "Polda Papua menerjunkan 1.000 personel ke Wamena hingga 20 Maret 2022.",
            None,
            "2022-03-20",
        ),
        # "not ... until": not before then, which ends nothing
        (
            "en",
            "Togo flew 100 soldiers into Bamako on Thursday; they had not been expected to "
            "deploy until September.",
            "2022-01-13",
            None,
        ),
    ],
)
def test_a_date_after_until_is_the_announced_end(
    lang: str, body: str, start: str | None, end: str | None
) -> None:
    (d,) = _facts(lang, body + "\n", published="2022-01-14").deployments
    assert (d.start.iso if d.start else None, d.end.iso if d.end else None) == (start, end)
    assert d.status is DeploymentStatus.HAPPENED


def test_a_withdrawal_until_a_date_ends_then_unless_it_is_a_demand() -> None:
    body = (
        "Russia sent 2,000 troops to Armenia on Monday (10/1/2022).\n"
        "The troops will be withdrawn from Armenia until January 19, the ministry said.\n"
    )
    (d,) = _facts("en", body, "2022-01-13").deployments
    assert d.end is not None and d.end.iso == "2022-01-19"
    body = (
        "About 75 Indian soldiers are stationed in Maldives.\n"
        "The new president demanded that the soldiers be withdrawn from Maldives by March 15.\n"
    )
    (d,) = _facts("en", body, "2024-02-08").deployments
    assert d.end is None


def test_the_place_of_a_war_is_no_destination() -> None:
    f = _facts("en", "North Korea sent 1,500 troops to Russia to support the war in Ukraine.\n")
    assert {f.entity(d.to).names[0] for d in f.deployments} == {"Russia"}
    g = _facts(
        "id",
        "Korea Utara mengirim ribuan tentaranya untuk membantu Rusia dalam perang di Ukraina.\n",
    )
    assert all("Ukraina" not in g.entity(d.to).names for d in g.deployments)


def test_protesters_are_not_the_sender_of_the_troops_they_face() -> None:
    body = (
        "Tehreek Party (TP) protesters pushed back a heavy deployment of police in Lahore on "
        "Monday.\n"
    )
    f = _facts("en", body, "2024-11-26")
    assert all("Tehreek Party" not in f.entity(d.by).names for d in f.deployments)


def test_troops_en_route_and_a_possible_deployment_being_prepared() -> None:
    f = _facts("id", "Sekitar 2.000 Marinir AS saat ini dalam perjalanan menuju Laut Merah.\n")
    (d,) = f.deployments
    assert _names(f, d.to) == ("Laut Merah",) and d.status is DeploymentStatus.HAPPENED
    body = (
        "Sekitar 2.000 tentara AS telah diperintahkan untuk mempersiapkan kemungkinan penempatan "
        "ke Timur Tengah.\n"
    )
    (d,) = _facts("id", body).deployments
    assert d.status is DeploymentStatus.PLANNED and d.troops is not None


def test_a_domestic_deployment_that_names_no_place_is_in_the_dateline_town() -> None:
    """Rule the-dateline-town; a planned deployment keeps the date it is planned for."""
    body = (
        "WARTA.CO, BANDUNG - Kepala Polrestabes Bandung Kombes Budi Santoso mengatakan polisi "
        "akan menerjunkan 4.200 personel untuk menjaga perhelatan May Day besok, 1 Mei 2023.\n"
    )
    f = _facts("id", body, "2023-04-30")
    (d,) = f.deployments
    assert _names(f, d.to) == ("BANDUNG",)
    assert d.status is DeploymentStatus.PLANNED
    assert d.start is not None and d.start.iso == "2023-05-01"


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "id",
            "Ribuan orang berunjuk rasa di Yangon, Senin (8/2/2021), dan meminta pemimpin "
            "terpilih, Aung San Suu Kyi, dibebaskan.\n",
        ),
        (
            "en",
            "Thousands of protesters rallied in Yangon on Monday, demanding that leader Aung San "
            "Suu Kyi be released.\n",
        ),
    ],
)
def test_a_demand_that_somebody_be_released_is_a_cause(lang: str, body: str) -> None:
    (p,) = _facts(lang, body, "2021-02-09").protests
    assert "release of Aung San Suu Kyi" in p.causes


def test_a_town_s_protest_in_a_wave_that_is_not_said_to_spread_stays_and_shares_its_causes() -> (
    None
):
    body = (
        "Polisi membubarkan pengunjuk rasa antikudeta di Naypyidaw, Selasa (9/2/2021).\n"
        "Protes terus terjadi di berbagai daerah di Myanmar menentang kudeta militer.\n"
    )
    f = _facts("id", body, "2021-02-09")
    places = {f.entity(p.location).names[0]: p for p in f.protests}
    assert set(places) == {"Naypyidaw", "Myanmar"}
    assert "military coup" in places["Naypyidaw"].causes


def test_troops_on_alert_to_go_somewhere_have_not_gone() -> None:
    """Rule on-alert-to-go: "menyiagakan ... ke X" is planned, "disiagakan di X" is there."""
    (d,) = _facts("id", "Militer Kenya menyiagakan 2.000 prajurit ke Somalia.\n").deployments
    assert d.status is DeploymentStatus.PLANNED
    (d,) = _facts("id", "Sebanyak 2.000 prajurit Kenya disiagakan di Somalia.\n").deployments
    assert d.status is DeploymentStatus.HAPPENED


def test_a_troop_deployment_is_a_cause_only_when_protested() -> None:
    body = "Ribuan warga berunjuk rasa di Biak, Senin (7/6/2021), menolak pengiriman pasukan.\n"
    (p,) = _facts("id", body).protests
    assert "deployment of troops" in p.causes
    body = (
        "Ribuan warga berunjuk rasa di Biak, Senin (7/6/2021). Pengiriman pasukan ini untuk "
        "membantu polisi.\n"
    )
    (p,) = _facts("id", body).protests
    assert "deployment of troops" not in p.causes


def test_troops_that_guard_a_protest_named_before_the_verb_go_where_it_is() -> None:
    body = (
        "Untuk pengamanan unjuk rasa terkait kebijakan pajak di Kabupaten Pati, Rabu "
        "(13/8/2025), Polres Pati siapkan skema pengamanan yang melibatkan 2.684 personel.\n"
    )
    f = _facts("id", body, "2025-08-13")
    (d,) = f.deployments
    assert _names(f, d.to) == ("Kabupaten Pati",) and d.troops is not None


def test_the_eastern_region_of_a_country_is_the_destination() -> None:
    body = (
        "Sources said Uganda has deployed over 1,000 extra soldiers in the eastern region of the "
        "Democratic Republic of Congo, near where the army is fighting rebels.\n"
    )
    f = _facts("en", body, "2025-02-04")
    (d,) = f.deployments
    assert _names(f, d.to) == ("eastern region of the Democratic Republic of Congo",)


def test_a_short_name_shared_by_two_countries_is_the_one_the_article_names() -> None:
    body = (
        "Uganda has deployed more than 1,000 extra soldiers into east Congo in the last week, "
        "sources said.\nDemocratic Republic of Congo President Felix Tshisekedi thanked them.\n"
    )
    f = _facts("en", body, "2025-02-04")
    (d,) = f.deployments
    assert _names(f, d.to) == ("east Congo",)


def test_a_withdrawal_and_a_deployment_joined_by_and_are_two_clauses() -> None:
    body = (
        "The director said that Russian forces have begun withdrawing from Syria and a fleet "
        "of planes has been dispatched to the air base to help.\n"
    )
    f = _facts("en", body, "2024-12-10")
    assert {(f.entity(d.by).authority, f.entity(d.to).authority) for d in f.deployments} == {
        ("russia", "syria")
    }


def test_the_deployment_told_before_is_no_new_one() -> None:
    """Rule the-deployment-told-before; "the alleged deployment of Wagner fighters to Mali"
    names its own troops."""
    body = (
        "On Tuesday, Ugandan troops entered the city of Bunia to assist local forces.\n\n"
        "The deployment followed a meeting between Ugandan and Congolese forces in Bunia.\n"
    )
    f = _facts("en", body, "2025-02-18")
    assert {f.entity(d.by).authority for d in f.deployments} == {"uganda"}
    body = (
        "Russia deployed 400 soldiers to Mali on Monday.\n\nWestern countries condemned the "
        "alleged deployment of Wagner Group mercenaries to Mali.\n"
    )
    f = _facts("en", body, "2022-01-10")
    assert {f.entity(d.by).names[0] for d in f.deployments} == {"Russia", "Wagner Group"}


def test_the_place_of_a_title_is_no_protest_place_and_an_arrest_is_a_cause() -> None:
    body = (
        "On Thursday police dispersed thousands protesting the arrest of Istanbul Mayor Ekrem "
        "İmamoğlu in Ankara.\n"
    )
    f = _facts("en", body, "2025-03-21")
    (p,) = f.protests
    assert f.entity(p.location).names[0] == "Ankara"
    assert p.causes == ("arrest of Istanbul Mayor Ekrem İmamoğlu",)


def test_a_protest_about_a_town_s_mayor_is_not_in_that_town() -> None:
    body = (
        "Turkish police deployed water cannons on Thursday to disperse thousands protesting the "
        "arrest of Istanbul Mayor Ekrem İmamoğlu, a rival of the president.\n"
    )
    f = _facts("en", body, "2025-03-21")
    assert all(f.entity(p.location).names[0] != "Istanbul" for p in f.protests)


def test_the_capital_named_after_the_capital_word_is_the_protest_s_place() -> None:
    body = (
        "The government of Madagascar has imposed a curfew in the capital city of Antananarivo "
        "following violent protests over frequent power outages.\n"
    )
    f = _facts("en", body, "2025-09-26")
    (p,) = f.protests
    assert f.entity(p.location).names[0] == "Antananarivo"
    assert p.causes == ("power outages",)


def test_a_protest_at_a_state_s_building_is_in_its_capital() -> None:
    body = (
        "Police patrolled Belgrade on Monday.\nThe unrest broke out late Sunday near Serbia's "
        "parliament building, police said.\n"
    )
    f = _facts("en", body, "2025-11-03")
    (p,) = f.protests
    assert f.entity(p.location).names[0] == "Belgrade"


def test_a_land_and_building_tax_rise_is_a_cause() -> None:
    body = (
        "Aksi unjuk rasa warga di Kabupaten Blora, Rabu (13/8/2025), memprotes kenaikan pajak "
        "bumi dan bangunan hingga 250 persen.\n"
    )
    (p,) = _facts("id", body, "2025-08-13").protests
    assert p.causes == ("land and building tax rise",)


def test_troops_with_no_sender_are_sent_by_the_first_force_they_are_made_of() -> None:
    f = _facts(
        "id",
        "Sebanyak 700 personel gabungan diterjunkan ke Jambi, Senin (7/6). "
        "Personel itu terdiri dari Polda Jambi, Kodim 0415 dan Satpol PP.",
    )
    (d,) = f.deployments
    assert _names(f, d.by)[0] == "Polda Jambi" and _names(f, d.to)[0] == "Jambi"
    assert d.troops is not None and d.troops.value == 700
    # "termasuk" names some of those who help, not what the troops are made of: the
    # joint troops as the text names them (rule the-joint-troops-as-named)
    f = _facts(
        "id",
        "Sebanyak 700 personel gabungan diterjunkan ke Jambi, Senin (7/6). "
        "Mereka membantu polisi, termasuk Kodim 0415.",
    )
    assert [(_names(f, d.by), d.troops.value if d.troops else None) for d in f.deployments] == [
        (("personel gabungan",), 700)
    ]


def test_a_state_that_has_troops_somewhere_deployed_them_there() -> None:
    f = _facts("en", "Chad has troops in Niger. Ugandan forces have been in Ituri since 2021.")
    rows = {(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments}
    assert rows == {("Chad", "Niger"), ("Uganda", "Ituri")}
    assert all(d.status is DeploymentStatus.HAPPENED and d.troops is None for d in f.deployments)


def test_the_subject_of_two_coordinated_verbs_sends_the_troops() -> None:
    f = _facts("en", "Chad backs the FACT rebels and also has troops in Niger.")
    (d,) = f.deployments
    assert _names(f, d.by)[0] == "Chad" and _names(f, d.to)[0] == "Niger"


def test_troops_led_by_a_member_leave_the_alliance_s_deployment() -> None:
    f = _facts(
        "id",
        "Lebih dari 1.500 tentara pimpinan Rusia mulai menarik diri dari Armenia.\n\n"
        "Sebelumnya pasukan Rusia dikerahkan untuk meredam kerusuhan di negara itu.\n\n"
        "Misi itu adalah yang pertama bagi Organisasi Perjanjian Keamanan Kolektif (CSTO) "
        "yang dipimpin Moskow.",
    )
    (d,) = f.deployments
    assert "CSTO" in _names(f, d.by) and _names(f, d.to) == ("Armenia",)
    assert d.troops is not None and d.troops.value == 1500


def test_troops_in_a_force_they_serve_in_are_sent_by_their_state() -> None:
    f = _facts(
        "id",
        "Presiden menyatakan kesiapan Indonesia untuk mengirimkan hingga 1.000 pasukan "
        "dalam UNIFIL ke Lebanon.",
    )
    (d,) = f.deployments
    assert _names(f, d.by)[0] == "Indonesia" and _names(f, d.to)[0] == "Lebanon"
    assert d.status is DeploymentStatus.PLANNED  # "kesiapan ... untuk mengirimkan"


@pytest.mark.parametrize(
    ("lang", "sentence", "sender", "place"),
    [
        ("en", "Denmark has shipped 800 troops to Estonia for exercises.", "Denmark", "Estonia"),
        ("en", "Its army rushed 300 soldiers to Goma on Monday, Uganda said.", "Uganda", "Goma"),
        ("id", "TNI melakukan penambahan 400 prajurit ke Nduga pekan lalu.", "TNI", "Nduga"),
    ],
)
def test_more_verbs_of_sending(lang: str, sentence: str, sender: str, place: str) -> None:
    f = _facts(lang, sentence)
    assert {(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments} == {(sender, place)}


@pytest.mark.parametrize(
    ("lang", "sentence", "causes"),
    [
        (
            "en",
            "Thousands protested in Accra on Monday over the price of fuel.",
            {"fuel price rise"},
        ),
        (
            "en",
            "Drivers protested in Abuja on Monday after the government lifted price controls "
            "on diesel.",
            {"lifting of diesel price controls"},
        ),
        (
            "en",
            "Students rallied in Nairobi on Friday demanding better education and healthcare.",
            {"better education", "better healthcare"},
        ),
        (
            "en",
            "Crowds protested in Kinshasa on Monday, demanding the departure of UN peacekeepers.",
            {"departure of UN peacekeepers"},
        ),
        ("en", "Protesters in Belgrade on Sunday called for snap elections.", {"snap elections"}),
        (
            "id",
            "Ribuan mahasiswa berunjuk rasa di Makassar pada Senin (7/6/2021) menuntut "
            "pemerintah menurunkan harga BBM dan sembako serta penegakan supremasi hukum.",
            {"fuel price rise", "staple food prices", "rule of law"},
        ),
        (
            "id",
            "Demonstran di Medan pada Senin (7/6/2021) memprotes ketimpangan sosial dan "
            "menyerukan pemberantasan korupsi.",
            {"social inequality", "corruption"},
        ),
        (
            "id",
            "Mahasiswa berdemonstrasi di Bandung pada Senin (7/6/2021) menuntut perbaikan "
            "layanan pendidikan dan kesehatan.",
            {"better education", "better health services"},
        ),
        (
            "id",
            "Warga berunjuk rasa di Ambon pada Senin (7/6/2021) memprotes kenaikan bahan bakar.",
            {"fuel price rise"},
        ),
    ],
)
def test_more_common_causes(lang: str, sentence: str, causes: set[str]) -> None:
    (p,) = _facts(lang, sentence + "\n").protests
    assert set(p.causes) == causes


def test_a_demand_told_after_the_protest_with_a_demand_verb_is_a_cause() -> None:
    body = (
        "Ribuan orang berunjuk rasa di Yangon pada Senin (7/6/2021). Mereka meminta "
        "pemerintahan sementara militer diakhiri.\n"
    )
    (p,) = _facts("id", body).protests
    assert p.causes == ("end of military rule",)


@pytest.mark.parametrize(
    ("lang", "sentence", "country"),
    [
        (
            "en",
            "Thousands of protesters marched in Quito and other cities of Ecuador on Monday.",
            "ecuador",
        ),
        (
            "id",
            "Ribuan buruh berunjuk rasa di Surabaya dan kota-kota lain di Indonesia pada Senin "
            "(7/6/2021).",
            "indonesia",
        ),
    ],
)
def test_a_town_and_other_towns_is_a_wave_across_the_country(
    lang: str, sentence: str, country: str
) -> None:
    f = _facts(lang, sentence + "\n")
    (p,) = f.protests
    assert f.entity(p.location or "").authority == country


def test_units_counted_after_a_name_are_no_troop_count_and_a_decision_is_a_plan() -> None:
    f = _facts(
        "en",
        "The ministry has decided to send 40 CRPF companies comprising more than 4,000 "
        "personnel to Manipur, officials said on Monday.",
    )
    (d,) = f.deployments
    assert d.troops is not None and d.troops.value == 4000
    assert d.status is DeploymentStatus.PLANNED


def test_a_ground_operation_into_a_place_is_a_deployment() -> None:
    f = _facts("en", "Israel said its troops had launched raids into southern Syria on Tuesday.")
    (d,) = f.deployments
    assert _names(f, d.by)[0] == "Israel" and "Syria" in _names(f, d.to)[0]
    assert d.status is DeploymentStatus.HAPPENED


def test_troops_sent_to_the_state_go_where_the_story_is_not_to_a_later_place() -> None:
    f = _facts(
        "en",
        "India sent 1,000 soldiers to Manipur last week.\n\nThe ministry rushed 2,000 CRPF "
        "personnel to the state on Monday after clashes in Jiribam district.",
    )
    places = {_names(f, d.to)[0] for d in f.deployments}
    assert places == {"Manipur"}


def test_national_in_a_name_is_no_nationwide_deployment() -> None:
    f = _facts(
        "id",
        "Kerumunan massa berusaha memasuki gedung Majelis Nasional di Seoul setelah "
        "darurat militer diumumkan, Selasa (3/12/2024).",
    )
    assert not f.deployments


def test_counts_per_place_of_a_force_sent_to_several_places() -> None:
    """Rule count-per-place: a later sentence counts the troops of each listed place."""
    body = (
        "Ribuan personel gabungan TNI-Polri dikerahkan di Jawa Barat, Jawa Tengah dan Jawa "
        "Timur pada Senin (1/5). Untuk wilayah Polda Jawa Barat ada 1.019 personel gabungan. "
        "Di Jawa Tengah sebanyak 4.319 personel gabungan, dan Polda Jawa Timur sebanyak 3.360 "
        "personel gabungan.\n"
    )
    f = _facts("id", body, published="2023-05-01")
    counts = {_names(f, d.to)[0]: d.troops.value if d.troops else None for d in f.deployments}
    assert counts == {"Jawa Barat": 1019, "Jawa Tengah": 4319, "Jawa Timur": 3360}


def test_bodies_named_together_each_send_their_part_of_the_count() -> None:
    f = _facts(
        "id",
        "MEDANG, Kabar Kota - Markas Besar TNI dan Mabes Polri mengerahkan total 12 ribu "
        "personel yang terdiri atas 9 ribu prajurit TNI dan 3 ribu polisi untuk mengamankan "
        "festival itu.\n",
    )
    sent = {_names(f, d.by)[0]: d for d in f.deployments}
    assert set(sent) == {"Markas Besar TNI", "Mabes Polri"}
    tni, polri = sent["Markas Besar TNI"], sent["Mabes Polri"]
    assert tni.troops is not None and tni.troops.value == 9000
    assert polri.troops is not None and polri.troops.value == 3000
    assert tni.part_of is None and polri.part_of is None
    assert {_names(f, d.to)[0] for d in f.deployments} == {"MEDANG"}
    # the parts must add up to the count, or the count stays one sender's
    f = _facts(
        "id",
        "MEDANG, Kabar Kota - Markas Besar TNI dan Mabes Polri mengerahkan total 12 ribu "
        "personel yang terdiri atas 9 ribu prajurit TNI dan 2 ribu polisi untuk mengamankan "
        "festival itu.\n",
    )
    assert len(f.deployments) == 1 and f.deployments[0].troops.value == 12000  # type: ignore[union-attr]


def test_a_body_s_headquarters_is_a_place_only_after_a_place_word() -> None:
    acting = _facts("id", "Markas Besar TNI mengirim 300 prajurit ke Poso pada Senin.\n")
    seat = _facts("id", "Rapat para jenderal digelar di Markas Besar TNI pada Senin.\n")
    assert [e.type.value for e in acting.entities if "Markas Besar TNI" in e.names] == [
        "Organization"
    ]
    assert [e.type.value for e in seat.entities if "Markas Besar TNI" in e.names] == ["Location"]


def test_its_forces_are_those_of_the_sender_just_told_of() -> None:
    f = _facts(
        "en",
        "MOGADISHU: Kenya said its troops had crossed into Somalia on Tuesday.\n\n"
        "It said its air force supported ground raids by troops in southern Somalia.\n",
    )
    (d,) = f.deployments
    assert f.entity(d.by).authority == "kenya"
    assert _names(f, d.to) == ("southern Somalia",)


def test_a_later_operation_of_the_sender_places_it_in_a_region_of_the_country() -> None:
    body = (
        "The Chadian army crossed the border into Niger on Monday night.\n\n"
        "The Chadian army launched an operation against rebel bases in western Niger, "
        "a spokesman said.\n"
    )
    f = _facts("en", body)
    (d,) = f.deployments
    assert _names(f, d.to) == ("western Niger",)
    # a region named by someone else is not where the sender went
    f = _facts("en", body.replace("The Chadian army launched", "Rebels launched"))
    (d,) = f.deployments
    assert f.entity(d.to).authority == "niger"


def test_the_town_of_a_body_s_branch_is_no_protest_s_place() -> None:
    f = _facts(
        "id",
        "Ratusan mahasiswa menggelar aksi unjuk rasa di kawasan Patung Kuda, Jakarta Pusat.\n\n"
        "Aksi yang dimulai pukul 15.30 WIB ini diikuti oleh Himpunan Mahasiswa Islam (HMI) "
        "Cabang Jakarta Raya.\n",
    )
    assert [_names(f, p.location) for p in f.protests] == [("Jakarta Pusat",)]


def test_the_owner_of_troops_named_with_their_kind_sends_them() -> None:
    """ "1.200 pasukan operasi khusus Korea Utara": two words of the troops' kind between
    them and their owner; the navy that carries them sends nobody."""
    f = _facts(
        "id",
        "Kapal Angkatan Laut Rusia memindahkan 1.200 pasukan operasi khusus Korea Utara ke "
        "Rusia pada Senin (7/6/2021).\n",
    )
    (d,) = f.deployments
    assert _names(f, d.by) == ("Korea Utara",) and _names(f, d.to) == ("Rusia",)
    f = _facts("id", "Polri mengirim 300 personel tambahan ke Papua pada Senin (7/6/2021).\n")
    (d,) = f.deployments
    assert _names(f, d.by) == ("Polri",) and _names(f, d.to) == ("Papua",)


def test_troops_that_guard_a_protest_began_on_its_day() -> None:
    f = _facts(
        "id",
        "Ribuan buruh menggelar aksi unjuk rasa di Medan pada Senin (7/6/2021).\n\n"
        "Polda Sumut menerjunkan 900 personel ke Medan untuk mengamankan aksi buruh itu.\n",
    )
    (d,) = f.deployments
    assert d.start is not None and d.start.value == dt.date(2021, 6, 7)


def test_troops_sent_to_guard_a_protest_tell_of_it_where_they_go_on_their_day() -> None:
    body = (
        "Polresta Pati menerjunkan 2.684 personel gabungan untuk mengamankan jalannya unjuk "
        "rasa terkait kebijakan tarif pajak hari ini (13/8).\n"
    )
    f = _facts("id", body, "2025-08-13")
    (d,) = f.deployments
    (p,) = f.protests
    assert p.location == d.to and _names(f, p.location)[0] == "Pati"
    assert p.start is not None and p.start.value == dt.date(2025, 8, 13)
    # troops that only guard against a protest, or go after the article was written, tell
    # of none
    guarded_against = body.replace("mengamankan jalannya", "mengamankan potensi")
    assert _facts("id", guarded_against, "2025-08-13").protests == ()
    tomorrow = body.replace("hari ini (13/8)", "besok (14/8)")
    assert _facts("id", tomorrow, "2025-08-13").protests == ()


def test_a_start_told_in_the_sentence_before_of_the_same_force() -> None:
    body = (
        "Polri bersama TNI mengerahkan ribuan personel pada hari ini, Senin (1/5).\n\n"
        "Ribuan personel gabungan TNI-Polri dikerahkan di Jawa Barat.\n"
    )
    (d,) = _facts("id", body, "2023-05-01").deployments
    assert d.start is not None and d.start.value == dt.date(2023, 5, 1)
    # another force's troops, dated before, do not date these
    other = body.replace("Ribuan personel gabungan TNI-Polri", "Ribuan personel Polda Jabar")
    assert [d.start for d in _facts("id", other, "2023-05-01").deployments] == [None]


def test_a_region_named_by_two_names_of_its_country_is_one_region() -> None:
    f = _facts(
        "en",
        "Burundi deployed about 10,000 soldiers to eastern DR Congo in 2023.\n\n"
        "Burundi sent more troops to eastern Congo in January.\n",
        "2025-02-18",
    )
    regions = [e.names for e in f.entities if e.names[0].startswith("eastern")]
    assert regions == [("eastern DR Congo", "eastern Congo")]
    (d,) = f.deployments
    assert d.troops is not None and d.troops.value == 10000


def test_another_sender_with_its_own_count_is_another_deployment() -> None:
    f = _facts(
        "en",
        "Burundi deployed about 10,000 soldiers to eastern DR Congo in 2023. Rwanda sent 500 "
        "troops to eastern DR Congo in January.\n",
        "2025-02-18",
    )
    rows = [(_names(f, d.by)[0], d.troops.value if d.troops else None) for d in f.deployments]
    assert rows == [("Burundi", 10000), ("Rwanda", 500)]


def test_machines_sent_are_no_troops() -> None:
    body = (
        "Sejumlah personel Polda Jambi masih berada di Kabupaten Muaro Jambi mengawal sebuah "
        "perusahaan yang mengerahkan alat berat untuk membuka lahan.\n"
    )
    f = _facts("id", body)
    assert [_names(f, d.to) for d in f.deployments] == [("Kabupaten Muaro Jambi",)]


def test_a_measure_ordered_is_no_troops_sent() -> None:
    """Rule machines-are-no-troops for measures: "Police have ordered a nationwide curfew"
    sends nobody; troops sent and a curfew imposed beside them are still sent."""
    f = _facts("en", "Police have ordered a nationwide curfew in Malawi from Monday.\n")
    assert f.deployments == ()
    f = _facts(
        "en",
        "Kathmandu, Mar 28 - The Army was called out and a curfew imposed on parts of "
        "Kathmandu on Friday.\n",
    )
    assert [_names(f, d.to) for d in f.deployments] == [("Kathmandu",)]
    f = _facts("id", "Polda Jambi mengerahkan 300 personel dan alat berat ke Muaro Jambi.\n")
    assert [_names(f, d.to) for d in f.deployments] == [("Muaro Jambi",)]


def test_a_planned_deployment_told_again_as_gone_before_the_article_happened() -> None:
    body = (
        "Ada sebanyak 450 personel Yonif 410 yang akan diterjunkan ke Papua. "
        "Sebanyak 450 personel Yonif 410 diberangkatkan ke Papua, Selasa (8/6).\n"
    )
    (d,) = _facts("id", body).deployments
    assert d.status is DeploymentStatus.HAPPENED
    assert d.start is not None and d.start.value == dt.date(2021, 6, 8)
    # gone after the article was written: still a plan
    (d,) = _facts("id", body.replace("Selasa (8/6)", "Sabtu (12/6)")).deployments
    assert d.status is DeploymentStatus.PLANNED


@pytest.mark.parametrize(
    ("lang", "body", "place"),
    [
        (
            "id",
            "Rusia menarik dua pertiga pasukannya di sekitar Kota Kharkiv, Senin (7/6).",
            "Kharkiv",
        ),
        ("en", "Russia withdrew two thirds of its troops around Kyiv on Monday.", "Kyiv"),
    ],
)
def test_troops_withdrawn_where_they_are_left_that_place(lang: str, body: str, place: str) -> None:
    f = _facts(lang, body + "\n")
    (d,) = f.deployments
    assert place in _names(f, d.to)[0] and f.entity(d.by).authority == "russia"
    assert d.troops is None  # two thirds are no count


def test_each_unit_listed_before_the_verb_is_sent() -> None:
    body = (
        "Yonif 123/Rajawali, Yonif 125/Simbisa dan Yonif 126/Kala Cakti telah tiba di "
        "Papua pada Minggu (6/6/2021).\n"
    )
    f = _facts("id", body)
    assert [_names(f, d.by)[0] for d in f.deployments] == [
        "Yonif 123/Rajawali",
        "Yonif 125/Simbisa",
        "Yonif 126/Kala Cakti",
    ]
    assert {_names(f, d.to) for d in f.deployments} == {("Papua",)}
    # a kind of unit, not named by its number, sends no one by itself
    assert _facts("id", "Satuan Tugas akan ditempatkan di Papua.\n").deployments == ()


def test_the_day_the_troops_told_of_left_dates_the_deployment() -> None:
    body = (
        "Polri mengirimkan pasukan tambahan ke Nduga.\n\nKadiv Humas Polri menerangkan, "
        "personel tambahan tersebut sudah diberangkatkan pada Sabtu (5/6/2021).\n"
    )
    (d,) = _facts("id", body).deployments
    assert d.start is not None and d.start.value == dt.date(2021, 6, 5)


@pytest.mark.parametrize(
    ("lang", "body", "place"),
    [
        (
            "en",
            "About 100 Kenyan soldiers arrived in Nairobi on Sunday to be deployed to Mombasa.",
            "Mombasa",
        ),
        (
            "id",
            "Sebanyak 100 personel Brimob Polda Jawa Timur tiba di Jayapura pada Senin (7/6). "
            "Pasukan Brimob bantuan dari Polda Jawa Timur tersebut akan diberangkatkan ke Wamena.",
            "Wamena",
        ),
    ],
)
def test_troops_that_arrived_on_their_way_go_where_they_go_on_to(
    lang: str, body: str, place: str
) -> None:
    f = _facts(lang, body + "\n")
    (d,) = f.deployments
    assert _names(f, d.to) == (place,) and d.status is DeploymentStatus.HAPPENED
    assert d.troops is not None and d.troops.value == 100


def test_a_capital_named_after_its_country_is_the_place() -> None:
    f = _facts("en", "Uganda has deployed 300 troops to South Sudan's capital Juba.\n")
    assert [_names(f, d.to) for d in f.deployments] == [("Juba",)]
    body = (
        "Demonstrators in Kenya stormed government buildings in the capital Nairobi on Tuesday.\n"
    )
    f = _facts("en", body)
    assert [_names(f, p.location) for p in f.protests] == [("Nairobi",)]
    # one of several towns: a wave across the country
    wave = (
        "Protests broke out in several cities in Kenya, including the capital Nairobi, on "
        "Tuesday.\n"
    )
    f = _facts("en", wave)
    assert [_names(f, p.location) for p in f.protests] == [("Kenya",)]


def test_troops_sent_to_help_from_a_force_are_its_not_the_speaker_s() -> None:
    body = (
        "Kabag Ops Polres Mimika Komisaris Polisi I Nyoman Punia di Timika, Senin, mengatakan "
        "pasukan Brimob bantuan dari Polda Jawa Barat tersebut akan diberangkatkan ke Wamena.\n"
    )
    f = _facts("id", body)
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [
        (("Polda Jawa Barat",), ("Wamena",))
    ]
    # "Komisaris Polisi" is a rank: no part of the force's name
    assert "Polres Mimika" in {e.names[0] for e in f.entities}


def test_a_state_s_force_announcing_what_the_state_did_is_the_same_deployment() -> None:
    body = (
        "South African soldiers were deployed to Durban on Thursday. The South African "
        "National Defence Force said last Friday it would deploy a battalion to Durban.\n"
    )
    f = _facts("en", body, "2019-07-19")
    assert [(_names(f, d.by), d.status) for d in f.deployments] == [
        (("South Africa",), DeploymentStatus.HAPPENED)
    ]


def test_counts_each_from_a_body_are_its_parts() -> None:
    body = "The AU sent 900 troops to Goma on Monday, 600 from Kenya and 300 from Uganda.\n"
    f = _facts("en", body)
    rows = [
        (_names(f, d.by)[0], d.troops.value if d.troops else None, _names(f, d.part_of))
        for d in f.deployments
    ]
    assert rows == [("AU", 900, ()), ("Kenya", 600, ("AU",)), ("Uganda", 300, ("AU",))]
    # companies are counted, not troops
    units = (
        "The ministry rushed 20 additional CAPF companies, 15 from the CRPF and five from the "
        "BSF, to Manipur on Monday.\n"
    )
    f = _facts("en", units)
    rows = [(_names(f, d.by)[0], d.troops, _names(f, d.part_of)) for d in f.deployments]
    assert rows == [("CAPF", None, ()), ("CRPF", None, ("CAPF",)), ("BSF", None, ("CAPF",))]


def test_troops_that_entered_a_town_described_went_there() -> None:
    body = "On Tuesday, Ugandan troops entered the eastern Congolese city of Bunia.\n"
    f = _facts("en", body)
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [
        (("Uganda",), ("Bunia",))
    ]


@pytest.mark.parametrize(
    ("body", "row"),
    [
        # a clause about the troops before the verb of leaving
        (
            "Sebanyak 200 personel Brimob yang diperbantukan Mabes Polri ditarik dari "
            "Kabupaten Puncak, Senin (7/6/2021).",
            ("Kabupaten Puncak", 200),
        ),
        (
            "Amerika Serikat menarik seluruh pasukannya yang berjumlah sekitar 1.000 orang dari "
            "Irak, Senin (7/6/2021).",
            ("Irak", 1000),
        ),
        # sent home from where they served
        (
            "Sebanyak 150 personel Brimob Polda Sulsel dipulangkan dari Kabupaten Mappi, Senin "
            "(7/6/2021).",
            ("Kabupaten Mappi", 150),
        ),
        # platoons are troops, counted as units
        (
            "PALEMBANG - Dua peleton Brimob Polda Sumsel dikirim ke Kabupaten Lahat.",
            ("Kabupaten Lahat", None),
        ),
    ],
)
def test_indonesian_withdrawals_and_units_from_a_probe(body: str, row: tuple[str, int]) -> None:
    f = _facts("id", body + "\n")
    assert [(_names(f, d.to)[0], d.troops.value if d.troops else None) for d in f.deployments] == [
        row
    ]


def test_proud_of_sending_troops_off_is_no_plan() -> None:
    body = "BOGOR - Indonesia bangga akan melepas kontingen Garuda ke Lebanon, Jumat (4/6).\n"
    (d,) = _facts("id", body).deployments
    assert d.status is DeploymentStatus.HAPPENED
    (d,) = _facts("id", body.replace("bangga akan", "akan")).deployments
    assert d.status is DeploymentStatus.PLANNED


def test_troops_guarding_a_protest_a_force_prepares_for_are_its() -> None:
    """Rule the-force-that-runs-the-operation, where the troops go to the protest they
    guard: "Polres X menyiapkan pengamanan untuk aksi ... Sebanyak 600 personel ...
    dikerahkan untuk mengamankan aksi tersebut"."""
    body = (
        "PALU - Polres Lembah menyiapkan pengamanan untuk aksi mahasiswa pada Senin "
        "(7/6/2021). Sebanyak 600 personel gabungan dikerahkan untuk mengamankan aksi "
        "tersebut.\n"
    )
    f = _facts("id", body)
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [
        (("Polres Lembah",), ("PALU",))
    ]


def test_troops_counted_after_a_force_starts_an_operation_are_its() -> None:
    body = (
        "Hari ini, Polda Jawa Barat memulai Operasi Lilin Lodaya. Sebanyak 9.000 personel "
        "diterjunkan untuk pengamanan libur Natal dan tahun baru.\n"
    )
    f = _facts("id", body)
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [
        (("Polda Jawa Barat",), ("Jawa Barat",))
    ]
    # no force that serves an area begins it: no sender
    other = body.replace("Polda Jawa Barat", "Presiden Joko Widodo")
    assert _facts("id", other).deployments == ()
    # the force's area, not the town the story was written in
    f = _facts("id", "JAKARTA - " + body)
    assert [_names(f, d.to) for d in f.deployments] == [("Jawa Barat",)]
    # the force named first in the composition told after the count
    composed = (
        "Sebanyak 20.000 personel dikerahkan dalam Operasi Ketupat Lodaya ini. Personel itu "
        "terdiri dari 16.000 anggota Polda Jawa Barat dan 4.000 personel instansi terkait.\n"
    )
    f = _facts("id", composed)
    rows = [(_names(f, d.by), d.troops.value if d.troops else None) for d in f.deployments]
    assert rows == [(("Polda Jawa Barat",), 20000)]


def test_the_area_of_a_force_a_title_implies_is_quoted_from_the_text() -> None:
    body = (
        "Kapolres Bantul AKBP Novita Eka Sari memimpin apel Operasi Ketupat. Sebanyak 550 "
        "personel akan dikerahkan dalam operasi ini.\n"
    )
    f = _facts("id", body)
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [
        (("Polres Bantul",), ("Bantul",))
    ]
    for e in f.entities:
        for ev in e.evidence:
            assert ev.text and ev.text == body[ev.start : ev.end], (e.id, ev)


@pytest.mark.parametrize(
    ("body", "count"),
    [
        ("About 100 Papua New Guinea security personnel have arrived in Porgera.", 100),
        ("The Pentagon sent 500 U.S. Army soldiers to Poland on Monday.", 500),
        # a count of the sentence before is not these troops'
        (
            "India sent police to Manipur after fighting killed 200 people. These officers "
            "will stay a month.",
            None,
        ),
    ],
)
def test_a_troop_count_with_a_name_between(body: str, count: int | None) -> None:
    (d,) = _facts("en", body + "\n").deployments
    assert (d.troops.value if d.troops else None) == count


def test_farmers_taking_to_the_streets_is_a_protest() -> None:
    body = "Ribuan petani turun ke jalanan Ibu Kota Belgia, Brussels, pada Kamis (3/6/2021).\n"
    (p,) = _facts("id", body).protests
    assert p.start is not None and p.start.iso == "2021-06-03"


def test_a_unit_is_sent_by_the_widest_force_its_name_ends_with() -> None:
    f = _facts(
        "id",
        "Sebanyak 200 personel Satuan Brimob Polda Sultra diberangkatkan ke Papua pada Senin "
        "(7/6/2021). Komandan Brimob Polda Sultra memimpin apel itu. Polda Sultra menyebut "
        "mereka bertugas sebulan.\n",
    )
    assert [_names(f, d.by) for d in f.deployments] == [("Polda Sultra",)]


def test_a_protest_is_in_the_town_whose_streets_it_fills() -> None:
    body = (
        "Thousands of Georgians took to the streets of the capital, Tbilisi, on Monday to "
        "protest against a bill that Georgia adopted in March.\n"
    )
    f = _facts("en", body)
    assert [_names(f, p.location) for p in f.protests] == [("Tbilisi",)]
    # the streets of a town and of other towns are a wave across the country
    f = _facts("en", body.replace("the capital, Tbilisi,", "Tbilisi and other cities"))
    assert [f.entity(p.location).authority for p in f.protests] == ["georgia"]


def test_a_count_senders_share_is_split_among_them_later() -> None:
    f = _facts(
        "id",
        "Sebanyak 3.000 personel dari TNI dan Polri dikerahkan ke Medan pada Senin (7/6/2021).\n\n"
        "Kapolda merinci dari 3.000 personel itu 1.800 personel di antaranya kepolisian dan "
        "1.200 lainnya merupakan anggota TNI.\n",
    )
    counts = {_names(f, d.by)[0]: d.troops.value if d.troops else None for d in f.deployments}
    assert counts == {"TNI": 1200, "Polri": 1800}
    # parts that do not add up to the count leave each sender without one
    f = _facts(
        "id",
        "Sebanyak 3.000 personel dari TNI dan Polri dikerahkan ke Medan pada Senin (7/6/2021).\n\n"
        "Kapolda merinci 1.800 personel di antaranya kepolisian dan 1.000 anggota TNI.\n",
    )
    assert [d.troops for d in f.deployments] == [None, None]


# -- the-state-s-forces, ordered troops, a-bare-comma-says-where ----------------------------


def test_a_state_s_forces_named_by_its_demonym_send_for_the_state() -> None:
    f = _facts("en", "The Chilean military said it sent 300 troops to Tacna on Friday.\n")
    (d,) = f.deployments
    assert f.entity(d.by).authority == "chile" and _names(f, d.to) == ("Tacna",)
    # another state's forces in an earlier clause are not the sender
    f = _facts(
        "en",
        "Peruvian forces shelled the hills on Monday, and the Chilean military said it "
        "moved 300 troops to Tacna.\n",
    )
    assert [f.entity(d.by).authority for d in f.deployments] == ["chile"]


def test_troops_ordered_to_a_place_are_a_planned_deployment() -> None:
    f = _facts("en", "Canada ordered 400 troops to Latvia, the minister said.\n")
    (d,) = f.deployments
    assert _names(f, d.by) == ("Canada",) and _names(f, d.to) == ("Latvia",)
    assert d.status is DeploymentStatus.PLANNED


def test_a_bare_comma_after_a_destination_says_where_it_is() -> None:
    f = _facts("id", "Polri mengirim 200 personel ke Wamena, Papua Pegunungan, Senin (7/6/2021).\n")
    assert [_names(f, d.to) for d in f.deployments] == [("Wamena",)]
    # a list goes on past a bare comma: every place in it is a destination
    f = _facts("id", "Polri mengirim 200 personel ke Wamena, Timika, Jayapura dan Nabire.\n")
    assert len(f.deployments) == 4


def test_an_address_is_one_destination_though_the_dateline_names_its_regency() -> None:
    """Rule a-bare-comma-says-where: "ke Desa Suka, Kecamatan Bener, Kabupaten Purworejo,
    Jawa Tengah" is an address, each item as the sentence writes it, though the dateline
    ("PURWOREJO, KOMPAS.com -") gave the regency its first name."""
    body = (
        "Sekitar 250 personel gabungan TNI-Polri diterjunkan ke Desa Suka, Kecamatan Bener, "
        "Kabupaten Purworejo, Jawa Tengah, Selasa (8/6/2021).\n"
    )
    for text in (body, "PURWOREJO, KOMPAS.com - " + body):
        f = _facts("id", text)
        rows = [(_names(f, d.to)[0], d.troops.value if d.troops else None) for d in f.deployments]
        assert rows == [("Desa Suka", 250)]


# -- towns-listed-are-a-wave, protest verbs, counts ------------------------------------------


def test_protests_in_a_list_of_towns_are_a_wave_in_their_country() -> None:
    f = _facts(
        "id",
        "Unjuk rasa buruh berlangsung di Medan, Surabaya dan Makassar, Senin (7/6/2021).\n",
    )
    (p,) = f.protests
    country = f.entity(p.location)
    assert country.authority == "indonesia"  # the article never names it
    assert country.evidence[0].text == "Medan"  # implied by its towns
    # towns of different countries are no wave of one country
    f = _facts("en", "Protests were held in Manila and Jakarta on Monday.\n")
    assert all(f.entity(p.location).authority != "indonesia" for p in f.protests)


def test_the_streets_of_listed_towns_are_a_wave_in_their_country() -> None:
    """Rule towns-listed-are-a-wave before the-streets-of-a-town: the streets of several
    towns of one country are a wave across it; one town's streets are that town."""
    f = _facts(
        "en",
        "Thousands took to the streets of Nairobi, Mombasa and Kisumu on Tuesday to protest.\n",
    )
    (p,) = f.protests
    assert f.entity(p.location).authority == "kenya"
    f = _facts("en", "Thousands took to the streets of Nairobi on Tuesday to protest.\n")
    (p,) = f.protests
    assert f.entity(p.location).authority == "nairobi"


def test_the_towns_of_a_demonym_s_country_are_a_wave_across_it() -> None:
    """Rule the-towns-of-a-demonym-s-country: "in several Kenyan cities" is Kenya; and "Gen
    Z" (rule one-letter-is-no-name) names no general Z."""
    f = _facts("en", "Gen Z protesters marched in several Kenyan cities on Tuesday.\n")
    (p,) = f.protests
    assert f.entity(p.location).authority == "kenya"
    assert all(e.type.value != "Person" for e in f.entities)


def test_english_protest_verbs_and_counts() -> None:
    f = _facts(
        "en",
        "Students marched in Dhaka on Sunday, and clashes with police followed, killing at "
        "least 12 people.\n",
    )
    (p,) = f.protests
    assert _names(f, p.location) == ("Dhaka",)
    assert p.start is not None and p.start.value == dt.date(2021, 6, 6)
    assert p.deaths is not None and p.deaths.value == 12


# -- senders: an address between commas, a place's own force, the subject's troops ----------


def test_a_place_between_commas_is_the_unit_s_address_not_its_sender() -> None:
    f = _facts(
        "en",
        "Soldiers from the 89th Military Police Brigade, Fort Riley, Kansas, arrived in "
        "Harlingen on Friday.\n",
    )
    (d,) = f.deployments
    assert _names(f, d.by) == ("89th Military Police Brigade",)


def test_a_state_s_guard_is_no_unit_of_the_national_guard() -> None:
    f = _facts(
        "en",
        "The Arizona National Guard sent 60 soldiers to Nogales on Friday. The National "
        "Guard has helped before.\n",
    )
    (d,) = f.deployments
    assert _names(f, d.by) == ("Arizona National Guard",)


def test_the_subject_sends_the_troops_of_the_force_they_serve_in() -> None:
    f = _facts(
        "id", "Kodam VI/Mulawarman memberangkatkan 450 prajurit TNI ke Papua, Senin (7/6/2021).\n"
    )
    (d,) = f.deployments
    assert _names(f, d.by) == ("Kodam VI/Mulawarman",)
    assert d.troops is not None and d.troops.value == 450
    # with an auxiliary between the subject and its verb
    f = _facts("id", "Indonesia akan mengirim 1.000 prajurit TNI ke Gaza.\n")
    (d,) = f.deployments
    assert _names(f, d.by) == ("Indonesia",)


def test_troops_of_a_numbered_unit_keep_their_count_and_the_unit_its_name() -> None:
    f = _facts(
        "id",
        "Sebanyak 400 personel dari Batalyon Infanteri 315/Garuda dikirim ke Papua, Senin "
        "(7/6/2021).\n",
    )
    (d,) = f.deployments
    assert _names(f, d.by) == ("Batalyon Infanteri 315/Garuda",)
    assert d.troops is not None and d.troops.value == 400


def test_gendarmes_are_troops() -> None:
    f = _facts("en", "France deployed 4,000 gendarmes in Paris on Saturday.\n")
    (d,) = f.deployments
    assert d.troops is not None and d.troops.value == 4000


# -- protest places: a title's country, a thrown cocktail -------------------------------------


def test_the_country_of_a_title_is_not_where_a_protest_is() -> None:
    f = _facts(
        "id",
        "Aksi unjuk rasa mengkritik pemerintahan Presiden dan Wakil Presiden Indonesia "
        "digelar di Jakarta, Senin (7/6/2021).\n",
    )
    (p,) = f.protests
    assert _names(f, p.location) == ("Jakarta",)


def test_a_molotov_cocktail_is_no_place_and_demonym_police_no_body() -> None:
    f = _facts("en", "Protesters threw Molotov cocktails at Turkish police in Ankara on Monday.\n")
    names = {n for e in f.entities for n in e.names}
    assert "Molotov" not in names and "Turkish police" not in names
    (p,) = f.protests
    assert _names(f, p.location) == ("Ankara",)


def test_a_direction_after_a_preposition_names_a_region_of_a_place() -> None:
    f = _facts("en", "Burundi has quietly deployed about 1,000 soldiers to eastern Congo.\n")
    (d,) = f.deployments
    assert _names(f, d.by) == ("Burundi",) and _names(f, d.to) == ("eastern Congo",)


def test_the_army_sent_in_a_town_is_its_country_s_though_the_article_names_none() -> None:
    # "the army" as the subject is the army as named (rule the-force-as-named); sent by
    # the government, it is the state's
    f = _facts("en", "The government deployed the army to restore order in Dhaka on Friday.\n")
    (d,) = f.deployments
    sender = f.entity(d.by)
    assert sender.authority == "bangladesh" and _names(f, d.to) == ("Dhaka",)
    assert sender.evidence[0].text == "Dhaka"  # implied by its town


def test_a_protest_with_no_place_of_its_own_is_in_the_sentence_s_one_place() -> None:
    f = _facts(
        "en",
        "Police in Bangladesh arrested more than 2,500 people after days of deadly protests "
        "over job quotas.\n",
    )
    (p,) = f.protests
    assert f.entity(p.location).authority == "bangladesh"
    assert p.arrests is not None and p.arrests.value == 2500


def test_a_regional_force_sends_troops_to_the_area_it_serves() -> None:
    # rule the-force-s-own-area: no place named, the area in the force's name
    f = _facts(
        "id",
        "Polres Bantul menerjunkan 550 personel untuk pengamanan Operasi Ketupat, Senin "
        "(7/6/2021).\n",
    )
    (d,) = f.deployments
    assert _names(f, d.by) == ("Polres Bantul",) and _names(f, d.to) == ("Bantul",)
    # the article's own name of the area, by its acronym, and a force named by no place
    f = _facts(
        "id",
        "Pekan Olahraga Nasional digelar di Sumatera Utara. Polda Sumut mengerahkan 4.970 "
        "personel untuk pengamanan.\n",
    )
    (d,) = f.deployments
    assert _names(f, d.to) == ("Sumatera Utara",)  # the article's name of it
    f = _facts("id", "Polda Metro Jaya menurunkan 2.000 personel untuk pengamanan May Day.\n")
    (d,) = f.deployments
    assert _names(f, d.to) == ("Jakarta",)  # a force named by no place


def test_an_armed_group_s_act_is_no_protest() -> None:
    f = _facts(
        "id", "Aksi kelompok bersenjata di Intan Jaya menewaskan dua warga, Senin (7/6/2021).\n"
    )
    assert not f.protests


def test_counts_in_hundreds_plans_and_departures() -> None:
    f = _facts("en", "Kenya deployed over six hundred police officers to Haiti on Friday.\n")
    (d,) = f.deployments
    assert d.troops is not None and d.troops.value == 600
    f = _facts("en", "The UK is planning to send around 300 troops to South Sudan.\n")
    (d,) = f.deployments
    assert d.status is DeploymentStatus.PLANNED
    f = _facts(
        "id",
        "Pangdam melepas keberangkatan 450 prajurit Yonif 512/QY ke Kabupaten Nduga, Senin "
        "(7/6/2021).\n",
    )
    (d,) = f.deployments
    assert _names(f, d.to) == ("Kabupaten Nduga",) and d.troops is not None


def test_a_cause_keeps_the_name_after_an_abbreviated_title() -> None:
    # rule an-arrest-with-who-he-is: the cause keeps the title before the name, as the
    # gold writes it ("arrest of opposition leader X", "arrest of TLP chief X")
    f = _facts(
        "en",
        "Protesters in Kampala on Friday denounced the violent arrest of opposition leader "
        "Dr. Kizza Besigye.\n",
    )
    (p,) = f.protests
    assert p.causes == ("arrest of opposition leader Dr. Kizza Besigye",)
    f = _facts(
        "en", "Thousands marched in Multan on Monday against the arrest of PML chief Ali Raza.\n"
    )
    (p,) = f.protests
    assert p.causes == ("arrest of PML chief Ali Raza",)


def test_a_clause_after_sedangkan_has_its_own_sender_and_count() -> None:
    f = _facts(
        "id",
        "Polda Jawa Timur akan menerjunkan 15.840 personel ke Surabaya, sedangkan personil TNI "
        "akan diterjunkan sebanyak 5.445 orang.\n",
    )
    rows = {(_names(f, d.by)[0], d.troops.value if d.troops else None) for d in f.deployments}
    assert rows == {("Polda Jawa Timur", 15840), ("TNI", 5445)}


def test_an_order_to_act_and_an_owner_after_to_are_no_deployment_nor_place() -> None:
    f = _facts(
        "en",
        "The Ministry of Defense said the troops had been ordered to shoot looters in Colombo.\n",
    )
    assert not f.deployments
    f = _facts(
        "en",
        "A hotel that is said to belong to Rajapaksa's relatives was burned by protesters on "
        "Monday.\n",
    )
    assert all(e.names != ("Rajapaksa",) or e.type.value != "Location" for e in f.entities)


def test_the_post_of_troops_told_of_in_the_next_sentence_is_where_they_went() -> None:
    f = _facts(
        "id",
        "TNI mengirim 300 prajurit ke Papua, Senin (7/6/2021). Mereka akan bertugas di "
        "Kabupaten Maybrat, Papua Barat Daya.\n",
    )
    (d,) = f.deployments
    assert _names(f, d.to) == ("Kabupaten Maybrat",)
    # troops sent to a town went there already
    f = _facts(
        "en",
        "Kenya sent 400 police officers to Port-au-Prince on Monday. They will serve in "
        "Cap-Haitien later.\n",
    )
    (d,) = f.deployments
    assert _names(f, d.to) == ("Port-au-Prince",)


def test_a_building_with_no_town_named_is_in_the_force_s_area() -> None:
    f = _facts(
        "id",
        "Polda Metro Jaya menyiagakan 6.142 personel di Istana Negara, Senin (7/6/2021).\n",
    )
    (d,) = f.deployments
    assert _names(f, d.to) == ("Jakarta",)


def test_a_town_troops_come_from_is_not_their_sender() -> None:
    f = _facts("id", "Sebanyak 25 personel Brimob dari Sorong tiba di Kaimana, Senin (7/6/2021).\n")
    assert all(_names(f, d.by) != ("Sorong",) for d in f.deployments)


def test_troops_sent_to_the_sender_s_own_border_went_into_its_country() -> None:
    # a border named with its other country is a place of its own (rule
    # a-country-s-edge-before-it); one named by the sender's alone is in its country
    f = _facts("en", "Guatemala sent 3,000 soldiers to its border with Honduras on Monday.\n")
    (d,) = f.deployments
    assert _names(f, d.by) == ("Guatemala",) and _names(f, d.to) == ("border with Honduras",)
    f = _facts("en", "Guatemala sent 3,000 soldiers to its northern border on Monday.\n")
    (d,) = f.deployments
    assert _names(f, d.by) == ("Guatemala",) and _names(f, d.to) == ("Guatemala",)


def test_protests_elsewhere_and_where_protesters_come_from() -> None:
    f = _facts(
        "id",
        "Tiga orang ditangkap saat demo di Palu, Senin (7/6/2021). Di tempat berbeda, dua orang "
        "diamankan saat demo di Donggala, Senin (7/6/2021).\n",
    )
    assert {
        (_names(f, p.location)[0], p.arrests.value if p.arrests else None) for p in f.protests
    } == {
        ("Palu", 3),
        ("Donggala", 2),
    }
    f = _facts("id", "Demo mahasiswa Aceh di Medan berlangsung Senin (7/6/2021).\n")
    assert [_names(f, p.location) for p in f.protests] == [("Medan",)]
    f = _facts("id", "Massa mengamuk dan membakar kantor camat di Sinjai, Senin (7/6/2021).\n")
    assert [_names(f, p.location) for p in f.protests] == [("Sinjai",)]


def test_an_age_is_no_count() -> None:
    f = _facts(
        "en", "The 24-year-old died in police custody, sparking protests in Quetta on Monday.\n"
    )
    (p,) = f.protests
    assert p.deaths is None


def test_a_capital_named_after_its_country_is_the_destination() -> None:
    f = _facts(
        "en",
        "The first 200 Kenyan police officers landed in Haiti's capital, Port-au-Prince, on "
        "Tuesday.\n",
    )
    (d,) = f.deployments
    assert _names(f, d.to) == ("Port-au-Prince",)


def test_strength_of_a_force_serving_troops_and_a_direction_after_the_verb() -> None:
    f = _facts("en", "The European Union has deployed a 1,000-strong force to Mozambique.\n")
    (d,) = f.deployments
    assert _names(f, d.by) == ("European Union",) and d.troops is not None
    assert d.troops.value == 1000
    f = _facts("en", "About 2,500 Kenyan soldiers serve in Somalia under the African Union.\n")
    (d,) = f.deployments
    assert f.entity(d.by).authority == "kenya" and _names(f, d.to) == ("Somalia",)
    f = _facts("en", "Turkish troops entered northern Syria on Wednesday.\n")
    (d,) = f.deployments
    assert _names(f, d.to) == ("northern Syria",)


def test_a_participle_clause_after_the_subject_names_other_parties() -> None:
    f = _facts(
        "en",
        "UNIFIL, expanded this summer to monitor the ceasefire between Hizbollah and Israel, "
        "now has around 9,700 troops in Lebanon.\n",
    )
    (d,) = f.deployments
    assert _names(f, d.by) == ("UNIFIL",) and _names(f, d.to) == ("Lebanon",)


def test_indonesian_orders_and_shootings() -> None:
    f = _facts("id", "Presiden memerintahkan TNI mengirim 500 prajurit ke Gaza.\n")
    (d,) = f.deployments
    assert d.status is DeploymentStatus.PLANNED
    f = _facts("id", "Polisi Kenya menembak mati 10 demonstran di Nairobi, Senin (7/6/2021).\n")
    (p,) = f.protests
    assert p.deaths is not None and p.deaths.value == 10


def test_a_month_is_no_march_and_a_state_after_a_town_holds_it() -> None:
    f = _facts("en", "In March 2007, the government in Tbilisi changed the law.\n")
    assert not f.protests
    f = _facts("en", "Hundreds rallied in Rochester, New York, on Saturday.\n")
    (p,) = f.protests
    assert _names(f, p.location) == ("Rochester",)


def test_an_offered_sender_is_not_carried_to_the_next_sentence() -> None:
    f = _facts(
        "en",
        "The ministers welcomed an offer by Romania to deploy forces there. They will also "
        "approve the deployment of four battalions in Estonia and Latvia.\n",
    )
    assert all(_names(f, d.by) != ("Romania",) for d in f.deployments)


def test_a_size_of_unit_is_no_sender_and_new_troop_nouns() -> None:
    f = _facts(
        "id",
        "Sebanyak dua Satuan Setingkat Kompi diterjunkan ke Indonesia timur, Senin (7/6/2021).\n",
    )
    assert all(_names(f, d.by) != ("Satuan Setingkat Kompi",) for d in f.deployments)
    f = _facts("en", "The Philippines sent 132 commandos to Marawi on Monday.\n")
    (d,) = f.deployments
    assert d.troops is not None and d.troops.value == 132


def test_contributors_listed_with_and_without_their_counts() -> None:
    f = _facts(
        "en",
        "The African Union has deployed 11,000 troops to Somalia, including 4,500 soldiers "
        "from Uganda, 2,500 from Ethiopia and 1,000 from Kenya.\n",
    )
    parts = {
        (_names(f, d.by)[0], d.troops.value if d.troops else None)
        for d in f.deployments
        if d.part_of
    }
    assert parts == {("Uganda", 4500), ("Ethiopia", 2500), ("Kenya", 1000)}
    f = _facts(
        "en",
        "NATO sent 4,000 troops to Lithuania. The force includes troops from the Czech "
        "Republic, Portugal and Norway.\n",
    )
    parts = {(_names(f, d.by)[0], d.troops) for d in f.deployments if d.part_of}
    assert parts == {("Czech Republic", None), ("Portugal", None), ("Norway", None)}


def test_more_cause_phrases() -> None:
    f = _facts(
        "en",
        "Thousands of protesters, who are calling for the fall of President Dina Boluarte, "
        "marched in Lima on Monday.\n",
    )
    (p,) = f.protests
    assert p.causes == ("resignation of President Dina Boluarte",)
    f = _facts(
        "id", "Massa demo memprotes tunjangan mewah anggota DPR RI di Jakarta, Senin (7/6/2021).\n"
    )
    (p,) = f.protests
    assert p.causes == ("parliament members' allowances",)


def test_warships_and_sailors_and_a_clash_of_residents() -> None:
    f = _facts(
        "id",
        "Amerika Serikat mengerahkan kapal perang dan 4.000 pelaut ke perairan Karibia dekat "
        "Venezuela.\n",
    )
    (d,) = f.deployments
    assert _names(f, d.to) == ("Karibia",) and d.troops is not None and d.troops.value == 4000
    f = _facts(
        "id",
        "Bentrokan antara warga dan aparat terjadi di Pulau Rempang, Batam, Senin (7/6/2021).\n",
    )
    assert len(f.protests) == 1


def test_guard_members_are_troops_and_a_mining_contract_is_a_cause() -> None:
    f = _facts("en", "About 300 National Guard members arrived in Chicago on Tuesday.\n")
    (d,) = f.deployments
    assert d.troops is not None and d.troops.value == 300
    f = _facts(
        "en",
        "Police in Panama arrested more than 100 people during protests against a copper "
        "mining contract.\n",
    )
    (p,) = f.protests
    assert p.causes == ("mining contract",)


def test_indonesian_parts_counts_and_causes_from_fresh_articles() -> None:
    f = _facts(
        "id",
        "Ratusan personel, tepatnya 465 personel Brimob, dikirim Polda Sulsel ke Papua, Senin "
        "(7/6/2021).\n",
    )
    (d,) = f.deployments
    assert d.troops is not None and d.troops.value == 465  # the exact count, not "ratusan"
    f = _facts(
        "id",
        "Sebanyak 1.925 personel dikerahkan Polda Bali ke Denpasar, terdiri dari 1.824 Polri "
        "dan 101 TNI.\n",
    )
    parts = {
        (_names(f, d.by)[0], d.troops.value if d.troops else None)
        for d in f.deployments
        if d.part_of
    }
    assert parts == {("Polri", 1824), ("TNI", 101)}
    f = _facts(
        "id",
        "Polda Sulbar mengirim 200 personel ke Mamuju. Kepolisian Daerah Sulawesi Barat "
        "menyebut pasukan tiba Senin (7/6/2021).\n",
    )
    (body,) = [e for e in f.entities if "Polda Sulbar" in e.names]
    assert "Kepolisian Daerah Sulawesi Barat" in body.names
    f = _facts(
        "id",
        "Ratusan warga berunjuk rasa di Banyuwangi menolak penambangan emas, Senin (7/6/2021).\n",
    )
    (p,) = f.protests
    assert p.causes == ("mining",)


def test_english_fresh_article_patterns_round_six() -> None:
    f = _facts("en", "Mexico sent 1,000 soldiers to the state of Jalisco on Monday.\n")
    assert [(_names(f, d.to)) for d in f.deployments] == [("Jalisco",)]
    f = _facts("en", "The Mexican government has sent 1,500 troops to Sinaloa.\n")
    (d,) = f.deployments
    assert f.entity(d.by).authority == "mexico"
    f = _facts("en", "Iraq sent 2,000 troops to violence-ridden Diyala Governorate on Monday.\n")
    (d,) = f.deployments
    assert _names(f, d.to) == ("Diyala Governorate",)
    f = _facts(
        "en",
        "There has been no groundswell of protest in Kenya, unlike in Uganda where thousands "
        "marched in Kampala on Monday.\n",
    )
    assert [_names(f, p.location) for p in f.protests] == [("Kampala",)]


def test_a_number_word_starting_a_sentence_is_no_name() -> None:
    f = _facts("en", "Two CRPF companies were deployed to Bengaluru on Monday.\n")
    (d,) = f.deployments
    assert _names(f, d.by) == ("CRPF",)


def test_troops_of_two_forces_named_together_are_their_joint_force() -> None:
    # rule a-joint-force-of-national-forces: the troops of the state's two national forces
    # alone, counted once, are their joint force's (the codebook's "2.500 TNI-Polri")
    f = _facts(
        "id",
        "Sebanyak 2.000 personel Polri dan TNI dikerahkan ke Ambon, Senin (7/6/2021).\n",
    )
    assert [(_names(f, d.by)[0], d.troops.value if d.troops else None) for d in f.deployments] == [
        ("Polri dan TNI", 2000)
    ]
    # with a third body listed, each sends its own, and the one count is no one's
    f = _facts(
        "id",
        "Sebanyak 2.000 personel TNI, Polri dan Satpol PP dikerahkan ke Ambon, Senin (7/6/2021).\n",
    )
    assert {_names(f, d.by)[0] for d in f.deployments} == {"TNI", "Polri", "Satpol PP"}
    assert all(d.troops is None for d in f.deployments)
    # rule joint-troops-are-one-force: "personel gabungan Polri dan TNI" are one force's
    f = _facts(
        "id",
        "Sebanyak 2.000 personel gabungan Polri dan TNI dikerahkan ke Ambon, Senin (7/6/2021).\n",
    )
    # rule a-joint-force-of-national-forces: the joint force of the two, as listed
    assert [(_names(f, d.by)[0], d.troops.value if d.troops else None) for d in f.deployments] == [
        ("Polri dan TNI", 2000)
    ]


def test_two_national_forces_as_the_subject_send_their_joint_force() -> None:
    # rule the-national-forces-together
    f, trace = _traced(
        "id",
        "TNI dan Polri mengerahkan 6.000 personel ke Papua untuk mengamankan kunjungan "
        "Presiden, Jumat (8/5/2015).\n",
    )
    (d,) = f.deployments
    assert (_names(f, d.by), d.troops.value if d.troops else None) == (("TNI dan Polri",), 6000)
    assert "sender:the-national-forces-together" in _rules(trace, "deployments", d.id)
    # a body the article names by the two joined is that force
    f = _facts(
        "id",
        "Ribuan aparat TNI-Polri bersiaga di Jayapura. TNI dan Polri mengerahkan 6.000 personel ke "
        "Papua, Jumat (8/5/2015).\n",
    )
    assert [_names(f, d.by) for d in f.deployments] == [("TNI-Polri",)]
    # two states so joined each send their own, as before
    f = _facts("en", "Russia and Belarus sent 3,000 troops to Kazakhstan on Monday.\n")
    assert {_names(f, d.by)[0] for d in f.deployments} == {"Russia", "Belarus"}


def test_a_hyphenated_adjective_before_the_inner_place_and_riots() -> None:
    f = _facts(
        "en",
        "India sent 500 paramilitary personnel to Uttar Pradesh's violence-hit Saharanpur "
        "district on Monday.\n",
    )
    (d,) = f.deployments
    assert _names(f, d.to) == ("Saharanpur district",)
    f = _facts(
        "en", "A mob attacked a police station in Jos on Monday, and 110 people were detained.\n"
    )
    (p,) = f.protests
    assert _names(f, p.location) == ("Jos",) and p.arrests is not None
    f = _facts("en", "Hundreds of youths rioted in Kisumu on Tuesday, blocking roads.\n")
    assert [_names(f, p.location) for p in f.protests] == [("Kisumu",)]


def test_a_cause_written_out_after_a_cue() -> None:
    f = _facts("en", "Thousands rallied against a proposed water tariff in Accra on Monday.\n")
    (p,) = f.protests
    assert p.causes == ("proposed water tariff",)
    f = _facts("en", "Police dispersed protesting residents in Accra on Monday.\n")
    assert all(not p.causes for p in f.protests)  # who protests is no cause


@pytest.mark.parametrize(
    ("body", "causes"),
    [
        # a head that says little without its complement keeps it past the stop word
        (
            "Thousands rallied in Accra on Monday against the killing of three students.",
            ("killing of three students",),
        ),
        (
            "Thousands rallied in Accra on Monday against a ban on street trading.",
            ("ban on street trading",),
        ),
        # the complement may name another head's, up to eight words in all
        (
            "Thousands rallied in Accra on Monday, demanding justice for the victims of the fire.",
            ("justice for the victims of the fire",),
        ),
        (
            "Thousands rallied in Accra on Monday against the arrest of opposition leader Kofi "
            "Mensah.",
            ("arrest of opposition leader Kofi Mensah",),
        ),
        # a head before "of" keeps its complement too, past five words
        (
            "Thousands rallied in Accra on Monday against the anniversary of the Kumasi market "
            "fire.",
            ("anniversary of the Kumasi market fire",),
        ),
        # the articles before the head are no words of the cause
        (
            "Thousands rallied in Accra on Monday against the delay in release of official "
            "presidential election results.",
            ("delay in release of official presidential election results",),
        ),
        # rule a-listed-cause-with-its-complement: a listed cause ("corruption") whose
        # complement follows is written out with it
        (
            "Thousands rallied in Accra on Monday against the corruption in road building "
            "contracts.",
            ("corruption in road building contracts",),
        ),
        # a word after the head that opens no complement ends the cause there
        (
            "Thousands rallied in Accra on Monday against the bill and rising rents.",
            ("bill", "rising rents"),
        ),
        # a complement too long to write leaves the head alone
        (
            "Thousands rallied in Accra on Monday, demanding justice for the families of the "
            "victims of the deadly market fire.",
            ("justice",),
        ),
    ],
)
def test_a_written_cause_keeps_its_head_s_complement(body: str, causes: tuple[str, ...]) -> None:
    (p,) = _facts("en", body + "\n").protests
    assert p.causes == causes


@pytest.mark.parametrize(
    ("body", "causes"),
    [
        # rule a-cause-after-the-place-and-day: "against" after the verb, its place and day
        (
            "Thousands of people protested in Havana on Monday against high prices.",
            ("high prices",),
        ),
        ("Students marched in Lagos on Monday against the fee rise.", ("fee rise",)),
        ("Thousands protested in the U.S. on Saturday against the new law.", ("new law",)),
        # initials with their dots are one word of the cause
        ("Thousands marched in Boston on Saturday against U.S. policy.", ("U.S. policy",)),
        # a comma between: another clause, whose "against" is no cause
        ("Protesters gathered in Havana, where police used tear gas against them.", ()),
        # too far from the verb
        (
            "Thousands protested in Havana on Monday as night fell over the old city and the "
            "police stood by against the wall.",
            (),
        ),
    ],
)
def test_a_cause_after_the_protest_s_place_and_day(body: str, causes: tuple[str, ...]) -> None:
    (p,) = _facts("en", body + "\n").protests
    assert p.causes == causes


def test_round_eight_patterns() -> None:
    f = _facts("en", "Pakistan sent 200 peacekeepers to the capital, Monrovia, on Monday.\n")
    (d,) = f.deployments
    assert _names(f, d.to) == ("Monrovia",)
    f = _facts(
        "id",
        "Mahasiswa berdemo di depan gedung Komisi Pemberantasan Korupsi di Jakarta, Senin "
        "(7/6/2021).\n",
    )
    (p,) = f.protests
    assert p.causes == ()  # a word of a body's name is no cause
    f = _facts("en", "Iran will ship fuel to the Gulf, and 300 troops guard the port.\n")
    assert not f.deployments  # "ship" is no verb of sending troops
    f = _facts("en", "Hundreds marched in Boston on Monday in protest of the new tariff law.\n")
    (p,) = f.protests
    assert p.causes == ("new tariff law",)


def test_protests_spreading_from_town_to_town_are_a_wave() -> None:
    f = _facts(
        "en",
        "Protests over the disputed election spread from Maputo to Beira and Nampula on "
        "Thursday.\n",
    )
    (p,) = f.protests
    assert f.entity(p.location).authority == "mozambique"


def test_a_planned_deployment_in_a_month_already_past_is_next_year_s() -> None:
    f = _facts("en", "Kenya will deploy 1,000 police officers to Haiti in January.\n", "2024-03-02")
    (d,) = f.deployments
    assert d.status is DeploymentStatus.PLANNED and d.start is not None
    assert d.start.iso == "2025-01"
    f = _facts(
        "en", "Kenya will deploy 1,000 police officers to Haiti in January 2024.\n", "2024-03-02"
    )
    (d,) = f.deployments
    assert d.start is not None and d.start.iso == "2024-01"  # the year the text gives


def test_a_building_s_owner_is_not_where_the_protest_is() -> None:
    f = _facts(
        "id", "Ratusan orang berunjuk rasa di depan konsulat Iran di Karbala, Senin (7/6/2021).\n"
    )
    assert [_names(f, p.location) for p in f.protests] == [("Karbala",)]
    f = _facts("en", "Hundreds protested outside the US embassy in Nairobi on Monday.\n")
    assert [_names(f, p.location) for p in f.protests] == [("Nairobi",)]


def test_calling_out_the_army_is_a_deployment() -> None:
    f = _facts("en", "The government called out the army in Dhaka on Monday.\n")
    (d,) = f.deployments
    assert f.entity(d.by).authority == "bangladesh" and _names(f, d.to) == ("Dhaka",)


def test_a_date_after_a_town_and_a_town_named_by_its_region() -> None:
    f = _facts(
        "en",
        "Israeli troops clashed with Palestinian protesters in the West Bank city of Hebron "
        "October 13, 2015.\n",
        "2015-10-14",
    )
    (p,) = f.protests
    assert _names(f, p.location) == ("Hebron",)
    assert p.start is not None and p.start.iso == "2015-10-13"


def test_indonesian_causes_of_this_round() -> None:
    for cause, label in (
        ("menolak kenaikan UKT", "education costs"),
        ("menolak revisi UU KPK", "revision of the KPK law"),
        ("menolak putusan MK", "Constitutional Court ruling"),
        ("memprotes dinasti politik", "political dynasty"),
        ("menolak kenaikan PPN 12 persen", "VAT increase"),
    ):
        f = _facts(
            "id", f"Ratusan mahasiswa berunjuk rasa di Makassar, Senin (7/6/2021), {cause}.\n"
        )
        (p,) = f.protests
        assert p.causes == (label,), cause


def test_english_causes_of_this_round() -> None:
    for cause, label in (
        ("against the war in Gaza", "war in Gaza"),
        ("against a ban on social media", "social media ban"),
        ("over the killing of a student by police", "police brutality"),
    ):
        f = _facts("en", f"Thousands of people rallied in Nairobi on Tuesday {cause}.\n")
        (p,) = f.protests
        assert p.causes == (label,), cause


def test_each_place_left_and_a_mayor_s_full_name() -> None:
    f = _facts(
        "en", "France pulled its forces out of Mali, Burkina Faso and Niger over two years.\n"
    )
    assert {_names(f, d.to)[0] for d in f.deployments} == {"Mali", "Burkina Faso", "Niger"}
    f = _facts(
        "en",
        "Chicago Mayor Brandon Johnson said 300 National Guard members arrived in Chicago on "
        "Monday.\n",
    )
    assert {(f.entity(r.person).names[0], r.role) for r in f.roles} == {
        ("Brandon Johnson", "Mayor")
    }


def test_an_order_to_send_is_planned_and_a_demand_to_leave_no_withdrawal() -> None:
    f = _facts(
        "en",
        "The president on Saturday signed an order to send 2,000 National Guard troops to "
        "Los Angeles.\n",
    )
    (d,) = f.deployments
    assert d.status is DeploymentStatus.PLANNED
    f = _facts("en", "Serbia was requested to withdraw its police from northern Kosovo.\n")
    assert not f.deployments


def test_initials_after_a_title_and_a_person_who_speaks_of_a_deployment() -> None:
    f = _facts(
        "en",
        "Illinois Governor JB Pritzker criticised the deployment of 300 troops to Chicago.\n",
    )
    assert {n for e in f.entities for n in e.names} >= {"JB Pritzker", "Illinois"}
    assert not f.deployments  # no sender named: not Illinois, nor "JB"


def test_a_withdrawal_told_as_a_noun_with_whose_troops() -> None:
    f = _facts("en", "The withdrawal of US troops from Niger is complete, the Pentagon said.\n")
    (d,) = f.deployments
    assert f.entity(d.by).authority == "usa" and _names(f, d.to) == ("Niger",)


def test_a_battalion_sent_to_join_a_mission() -> None:
    f = _facts("en", "Turkey sent a commando battalion to join KFOR in Kosovo on Monday.\n")
    (d,) = f.deployments
    assert _names(f, d.by) == ("Turkey",) and _names(f, d.to) == ("Kosovo",)


def test_a_country_s_army_named_without_a_possessive() -> None:
    f = _facts("en", "The Nepal Army deployed soldiers in Kathmandu on Tuesday.\n")
    (d,) = f.deployments
    assert _names(f, d.by) == ("Nepal Army",)


def test_a_mission_joined_is_not_the_sender_before_it() -> None:
    f = _facts(
        "id",
        "Indonesia telah berpartisipasi dalam misi UNIFIL sejak mengirimkan 1.000 prajurit ke "
        "Lebanon pada 2006.\n",
    )
    (d,) = f.deployments
    assert _names(f, d.by) == ("Indonesia",)


def test_holding_a_position_is_no_occupation() -> None:
    f = _facts(
        "id",
        "Indonesia ditunjuk untuk menduduki posisi wakil komandan di Jakarta, Senin (7/6/2021).\n",
    )
    assert not f.protests
    f = _facts("id", "Ratusan mahasiswa menduduki gedung DPRD di Medan, Senin (7/6/2021).\n")
    assert [_names(f, p.location) for p in f.protests] == [("Medan",)]


def test_a_government_s_complaint_is_no_protest() -> None:
    f = _facts(
        "id",
        "Kementerian Luar Negeri melayangkan nota protes kepada Israel di Jakarta, Senin (7/6/2021).\n",
    )
    assert not f.protests
    f = _facts(
        "en",
        "The foreign ministry lodged a formal protest with the embassy in Jakarta on Monday.\n",
    )
    assert not f.protests


def test_guarding_against_a_protest_is_no_protest() -> None:
    f = _facts(
        "id",
        "Polisi menyiagakan 500 personel untuk mengantisipasi demo di Medan, Senin (7/6/2021).\n",
    )
    assert not f.protests
    f = _facts(
        "en",
        "Police deployed 500 officers in Lagos on Monday to prevent protests.\n",
    )
    assert not f.protests


def test_a_continent_s_description_is_no_protest_place() -> None:
    f = _facts(
        "en",
        "Students protested on Monday against the king of Africa's last absolute monarchy.\n",
    )
    assert not f.protests


def test_troops_sent_to_help_a_country_go_there() -> None:
    f = _facts("id", "Korea Utara mengirim ribuan tentaranya untuk membantu Rusia.\n")
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [
        (("Korea Utara",), ("Rusia",))
    ]


def test_troops_sent_to_a_regional_force_go_to_its_area_and_readied_ones_are_planned() -> None:
    f = _facts(
        "id",
        "Polda NTT menyiapkan 150 personel Brimob untuk diberangkatkan ke Polda Papua Barat.\n",
    )
    (d,) = f.deployments
    assert _names(f, d.by) == ("Polda NTT",) and _names(f, d.to) == ("Papua Barat",)
    assert d.status is DeploymentStatus.PLANNED
    f = _facts("id", "Polda NTT mengirim 150 personel Brimob ke Polda Papua Barat.\n")
    (d,) = f.deployments
    assert _names(f, d.to) == ("Papua Barat",) and d.status is DeploymentStatus.HAPPENED


def test_the_headquarters_troops_come_from_is_the_body_that_sent_them() -> None:
    f = _facts(
        "id",
        "Sebanyak 300 personel Brimob dari Mabes Polri telah berada di Ternate sejak Jumat "
        "(4/6/2021).\n",
    )
    (d,) = f.deployments
    assert _names(f, d.by) == ("Mabes Polri",) and _names(f, d.to) == ("Ternate",)
    assert d.troops is not None and d.troops.value == 300
    assert f.entity(d.by).type.value == "Organization"
    f = _facts("id", "Mahasiswa berunjuk rasa di Mabes Polri, Jakarta, Senin (7/6/2021).\n")
    assert [_names(f, p.location) for p in f.protests] == [("Jakarta",)]


def test_a_protest_in_a_town_named_with_its_province_is_in_the_town() -> None:
    f = _facts(
        "id",
        "Ratusan buruh di Palangka Raya, Kalimantan Tengah, berdemo di depan Kantor DPRD "
        "Kalteng, Rabu (9/6/2021).\n",
    )
    assert [_names(f, p.location) for p in f.protests] == [("Palangka Raya",)]
    f = _facts("id", "Warga berunjuk rasa di Kalimantan Tengah, Rabu (9/6/2021).\n")
    assert [_names(f, p.location) for p in f.protests] == [("Kalimantan Tengah",)]


def test_a_dateline_glued_to_the_first_word_is_a_dateline() -> None:
    f = _facts(
        "id",
        "Kupang, Lensa.com-Demo mahasiswa di depan kantor DPRD berakhir ricuh, Selasa "
        "(8/6/2021).\n",
    )
    assert [_names(f, p.location) for p in f.protests] == [("Kupang",)]
    f = _facts("id", "Ambon,KabarNEWS.ID-Sebanyak 200 personel Polda Maluku dikirim ke Papua.\n")
    assert {n for e in f.entities for n in e.names} == {"Ambon", "Polda Maluku", "Papua"}
    f = _facts("id", "Kabar.com, JAKARTA—Polda Metro Jaya mengerahkan 2.554 personel ke Bekasi.\n")
    assert {n for e in f.entities for n in e.names} == {"JAKARTA", "Polda Metro Jaya", "Bekasi"}


def test_a_known_town_in_capitals_before_a_colon_is_a_dateline() -> None:
    body = "LUSAKA: Police fired tear gas after hundreds protested on Wednesday.\n"
    f = _facts("en", body)
    assert [_names(f, p.location) for p in f.protests] == [("LUSAKA",)]
    # a word that is no known town is no dateline
    f = _facts("en", body.replace("LUSAKA", "UPDATE"))
    assert f.protests == ()


@pytest.mark.parametrize(
    "body",
    ["KARACHI - Pakistan deployed 500 troops on Tuesday.", "KARACHI: Pakistan deployed the army."],
)
def test_a_country_sending_troops_to_no_place_named_sends_them_to_its_dateline_town(
    body: str,
) -> None:
    f = _facts("en", body + "\n")
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [
        (("Pakistan",), ("KARACHI",))
    ]


def test_a_town_sends_no_troops() -> None:
    f = _facts(
        "id", "Pasukan itu sempat singgah di Manado sebelum tiba di Ternate, Senin (7/6/2021).\n"
    )
    assert all(d.by is None or _names(f, d.by) != ("Manado",) for d in f.deployments)
    f = _facts(
        "id", "Yonif 725/Woroagi Kendari, Sulawesi Tenggara, tiba di Atambua dengan 450 prajurit.\n"
    )
    assert all(d.by is None or _names(f, d.by) != ("Kendari",) for d in f.deployments)
    # a capital stands for its state
    f = _facts("en", "Moscow sent 2,000 troops to Kazakhstan on Monday.\n")
    assert [_names(f, d.by) for d in f.deployments] == [("Moscow",)]


def test_a_protest_at_a_site_with_no_town_is_in_the_town_told_before() -> None:
    f = _facts(
        "id",
        "Mahasiswa dari berbagai kampus di Surabaya berkumpul sejak pagi. Mereka kemudian "
        "berunjuk rasa di depan Gedung Negara Grahadi, Senin (7/6/2021).\n",
    )
    assert [_names(f, p.location) for p in f.protests] == [("Surabaya",)]


def test_a_site_s_town_may_follow_the_name_of_its_area() -> None:
    f = _facts(
        "id",
        "Ratusan mahasiswa berunjuk rasa di kawasan Patung Kuda, Monas, Jakarta Pusat, Jumat "
        "(4/6/2021).\n",
    )
    assert [_names(f, p.location) for p in f.protests] == [("Jakarta Pusat",)]
    f = _facts(
        "id",
        "Ratusan mahasiswa berunjuk rasa di kawasan Patung Kuda, Jakarta Pusat, Jumat (4/6/2021).\n",
    )
    assert [_names(f, p.location) for p in f.protests] == [("Jakarta Pusat",)]


def test_agencies_in_a_dateline_are_no_photo_credit_and_a_town_abroad_holds_no_protest() -> None:
    f = _facts(
        "en",
        "Zagreb, 3 June 2021 (Hina/MIA) - Supporters of the jailed mayor began a hunger strike "
        "in protest on Sunday. Rallies were also held on Sunday in Novi Sad and Belgrade.\n",
    )
    names = {n for e in f.entities for n in e.names}
    assert "Zagreb" in names  # the paragraph is the story, not a photo caption
    assert all(_names(f, p.location) != ("Zagreb",) for p in f.protests if p.location)


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("id", "Tidak ada pengerahan pasukan TNI ke Wamena, kata juru bicara Kodam, Senin.\n"),
        ("id", "KSAL menyatakan Indonesia tidak akan lagi mengirim kontingen ke Sinai.\n"),
        ("en", "Kenya will no longer send troops to Somalia, the minister said on Monday.\n"),
    ],
)
def test_no_more_troops_is_a_denial(lang: str, sentence: str) -> None:
    (d,) = _facts(lang, sentence).deployments
    assert d.status is DeploymentStatus.DENIED and d.start is None


def test_troops_that_went_on_from_a_stop_went_to_the_later_place() -> None:
    f = _facts(
        "id",
        "Sebanyak 150 personel Brimob Polda Bali tiba di Bandara Sentani, Jayapura, Selasa "
        "(8/6/2021), lalu diterbangkan ke Kabupaten Yahukimo.\n",
    )
    assert [_names(f, d.to) for d in f.deployments] == [("Kabupaten Yahukimo",)]
    f = _facts("en", "Ugandan troops landed in Entebbe on Monday before heading to Mogadishu.\n")
    assert [_names(f, d.to) for d in f.deployments] == [("Mogadishu",)]
    # a war they may later be sent to is no place they went
    f = _facts(
        "id",
        "Korea Utara mengirim 1.500 pasukan ke Rusia untuk pelatihan sebelum dikerahkan dalam "
        "perang di Ukraina.\n",
    )
    assert [_names(f, d.to) for d in f.deployments] == [("Rusia",)]


def test_a_count_with_another_count_before_its_troops_is_not_theirs() -> None:
    f = _facts("id", "Setelah berlayar 10 hari, 450 prajurit Yonif 700 tiba di Jayapura.\n")
    (d,) = f.deployments
    assert d.troops is not None and d.troops.value == 450


def test_contingents_named_before_their_counts() -> None:
    f = _facts(
        "id",
        "Mabes Polri mengirim 400 personel Brimob ke Intan Jaya, terdiri atas Brimob Polda "
        "Jabar 200 orang, Brimob Polda Banten 120 orang dan Brimob Polda Lampung 80 orang.\n",
    )
    rows = {
        (_names(f, d.by)[0], d.troops.value if d.troops else None, _names(f, d.part_of))
        for d in f.deployments
    }
    assert rows == {
        ("Mabes Polri", 400, ()),
        ("Brimob Polda Jabar", 200, ("Mabes Polri",)),
        ("Brimob Polda Banten", 120, ("Mabes Polri",)),
        ("Brimob Polda Lampung", 80, ("Mabes Polri",)),
    }


def test_troops_back_from_where_they_served_and_their_span_of_service() -> None:
    f = _facts(
        "id",
        "Sebanyak 250 prajurit Yonif 512 tiba kembali di markasnya di Malang, Kamis (3/6/2021), "
        "setelah 12 bulan bertugas di Kabupaten Maybrat.\n",
    )
    assert [_names(f, d.to) for d in f.deployments] == [("Kabupaten Maybrat",)]
    f = _facts(
        "id",
        "Sebanyak 90 personel Brimob Polda NTT tiba kembali di Kupang, Senin (7/6/2021), "
        "setelah bertugas BKO di Puncak sejak 1 September 2020 hingga 25 Mei 2021.\n",
    )
    (d,) = f.deployments
    assert _names(f, d.to) == ("Puncak",)
    assert (d.start and d.start.iso, d.end and d.end.iso) == ("2020-09-01", "2021-05-25")
    f = _facts("en", "Kenya deployed 1,000 troops to Haiti from June 2020 until March 2021.\n")
    (d,) = f.deployments
    assert (d.start and d.start.iso, d.end and d.end.iso) == ("2020-06", "2021-03")


def test_a_rally_at_a_provincial_office_is_in_a_town() -> None:
    f = _facts(
        "id",
        "Puluhan mahasiswa berunjuk rasa di depan Kantor Gubernur Sulawesi Tenggara (Sultra), "
        "Kendari, Senin (7/6/2021).\n",
    )
    assert [_names(f, p.location) for p in f.protests] == [("Kendari",)]
    f = _facts(
        "id",
        "MATARAM - Mahasiswa menggelar aksi unjuk rasa di depan Kantor Gubernur Nusa Tenggara "
        "Barat (NTB), Kamis (3/6/2021).\n",
    )
    assert [_names(f, p.location) for p in f.protests] == [("MATARAM",)]
    # with no town to be had, the province
    f = _facts(
        "id", "Ratusan warga berunjuk rasa di Kantor Gubernur Jawa Timur, Selasa (8/6/2021).\n"
    )
    assert [_names(f, p.location) for p in f.protests] == [("Jawa Timur",)]


def test_troops_at_a_provincial_office_stand_in_the_agency_dateline_s_town() -> None:
    """Troops and a rally "di depan Kantor Gubernur Sulawesi Barat" stand in the town of a
    news agency's dateline the gazetteer does not know ("Lembah (ANTARA) -"); troops sent
    to a province's police (no building, no title) serve across the province. The rally's
    place is rule the-town-of-a-provincial-office's (location:the-town-of-a-provincial-office).
    The troops' is not: "Kantor Gubernur ..." is read as a building, so rule
    a-site-is-in-the-force-s-area (destination:a-site-is-in-the-force-s-area) puts them in
    Lembah, the area of Polres Lembah, and the-town-of-a-provincial-office, which acts only
    when the destination is the province itself, does nothing;
    test_troops_around_a_governor_s_residence_stand_in_the_dateline_s_town checks it for
    troops. "BKO ke Polda Sulawesi Barat": rule the-area-of-the-force-they-join
    (destination:the-area-of-the-force-they-join)."""
    f = _facts(
        "id",
        "Lembah (ANTARA) - Polres Lembah mengerahkan 200 personel untuk mengamankan aksi unjuk "
        "rasa mahasiswa di depan Kantor Gubernur Sulawesi Barat, Senin (7/6/2021).\n",
    )
    assert [_names(f, p.location) for p in f.protests] == [("Lembah",)]
    assert [_names(f, d.to) for d in f.deployments] == [("Lembah",)]
    f = _facts(
        "id",
        "Lembah (ANTARA) - Polda Sulsel mengirim 200 personel Brimob BKO ke Polda Sulawesi Barat, "
        "Senin (7/6/2021).\n",
    )
    assert [_names(f, d.to) for d in f.deployments] == [("Sulawesi Barat",)]


def test_troops_around_a_governor_s_residence_stand_in_the_dateline_s_town() -> None:
    """Rule the-town-of-a-provincial-office (destination:the-town-of-a-provincial-office):
    troops posted by a governor's residence, named after the province ("kediaman Gubernur
    Maluku Utara"), stand in the town the story is written in, not across the province."""
    f, trace = _traced(
        "id",
        "Weda (ANTARA) - Polres Weda menyiagakan 150 personel di sekitar kediaman Gubernur "
        "Maluku Utara, Kamis (10/6/2021).\n",
    )
    (d,) = f.deployments
    assert _names(f, d.by) == ("Polres Weda",) and _names(f, d.to) == ("Weda",)
    assert "destination:the-town-of-a-provincial-office" in _rules(trace, "deployments", d.id)


def test_a_rally_at_a_council_s_office_is_in_the_council_s_area() -> None:
    f = _facts(
        "id", "Mahasiswa berunjuk rasa di depan Kantor DPRD Kota Bitung, Selasa (8/6/2021).\n"
    )
    assert [_names(f, p.location) for p in f.protests] == [("Kota Bitung",)]
    f = _facts("id", "Ratusan buruh berdemo di depan gedung DPRD Sumsel, Selasa (8/6/2021).\n")
    (p,) = f.protests
    assert _names(f, p.location) == ("Sumsel",)
    assert f.entity(p.location or "").type.value == "Location"
    f = _facts(
        "id",
        "PALEMBANG - Ratusan buruh berdemo di depan gedung DPRD Sumsel, Selasa (8/6/2021).\n",
    )
    assert [_names(f, p.location) for p in f.protests] == [("PALEMBANG",)]


@pytest.mark.parametrize(
    ("sentence", "place", "causes"),
    [
        (
            "Ribuan mahasiswa turun ke jalan di Malang, Senin (7/6/2021), menolak RKUHP.",
            "Malang",
            {"criminal code bill"},
        ),
        (
            "Warga menggelar aksi penolakan proyek panas bumi di Wae Sano, Rabu (2/6/2021).",
            "Wae Sano",
            {"geothermal project"},
        ),
    ],
)
def test_more_indonesian_protests_and_causes(sentence: str, place: str, causes: set[str]) -> None:
    f = _facts("id", sentence + "\n")
    assert [(_names(f, p.location), set(p.causes)) for p in f.protests] == [((place,), causes)]


@pytest.mark.parametrize(
    ("sentence", "sender", "place"),
    [
        (
            "Panglima TNI Jenderal Agus Subiyanto melepas 1.090 prajurit Satgas Garuda ke "
            "Lebanon, Senin (7/6/2021).",
            "TNI",
            "Lebanon",
        ),
        (
            "Sebanyak 200 prajurit TNI berangkat ke Afrika Tengah, Senin (7/6/2021).",
            "TNI",
            "Afrika Tengah",
        ),
        (
            "Kapolri mengerahkan 4 SSK personel Brimob ke Pulau Rempang, Senin (7/6/2021).",
            "Polri",
            "Pulau Rempang",
        ),
        (
            # the head sends the troops of the body he leads: a sender is never a person
            "Kapolri Jenderal Listyo Sigit Prabowo menerjunkan 15 ribu personel ke Jakarta, Senin "
            "(7/6/2021).",
            "Polri",
            "Jakarta",
        ),
        (
            "Polda Kepri menarik mundur 200 personel Brimob dari Pulau Rempang, Senin (7/6/2021).",
            "Polda Kepri",
            "Pulau Rempang",
        ),
    ],
)
def test_more_indonesian_ways_of_sending(sentence: str, sender: str, place: str) -> None:
    f = _facts("id", sentence + "\n")
    assert [(_names(f, d.by)[-1], _names(f, d.to)[0]) for d in f.deployments] == [(sender, place)]


def test_pension_reform_is_a_cause() -> None:
    f = _facts(
        "id", "Gelombang protes melanda Prancis menentang reformasi pensiun, Senin (7/6/2021).\n"
    )
    assert [p.causes for p in f.protests] == [("pension reform",)]


def test_the_force_named_as_sent_sends_and_ends_its_name_before_the_place() -> None:
    f = _facts(
        "en",
        "Trump deployed the National Guard to Los Angeles on Saturday as immigration protests "
        "escalated.\n",
    )
    names = {n for e in f.entities for n in e.names}
    assert {"National Guard", "Los Angeles"} <= names
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [
        (("National Guard",), ("Los Angeles",))
    ]
    # a state that sends its forces named by no more than their kind stays the sender
    f = _facts("en", "Senegal also sent Air Force jets to Gambia on Monday.\n")
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [
        (("Senegal",), ("Gambia",))
    ]
    # a body named after where it works keeps its place
    assert "UN Mission in South Sudan" in {
        n
        for e in _facts("en", "The UN Mission in South Sudan said so on Monday.\n").entities
        for n in e.names
    }


def test_a_country_s_military_against_its_own_protests_and_protesters_by_their_country() -> None:
    f = _facts(
        "en",
        "NAIROBI - Kenya deployed the military to assist police in containing tax protests on "
        "Wednesday.\n",
    )
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [(("Kenya",), ("Kenya",))]
    # police that face the protest are not sent into the country
    f = _facts(
        "en",
        "Turkish riot police fired water cannons to disperse thousands protesting on Thursday.\n",
    )
    assert not f.deployments
    f = _facts(
        "en", "Panamanian protesters broke into a port used by a mining company on Monday.\n"
    )
    assert [_names(f, p.location) for p in f.protests] == [("Panama",)]


def test_indonesian_protests_at_a_state_s_seat_a_bridge_and_told_after_the_crowd() -> None:
    f = _facts(
        "id",
        "Liputan6.com, Nairobi - Ribuan demonstran di Kenya menyerbu gedung parlemen, Selasa "
        "(8/6/2021). Sedikitnya lima orang tewas.\n",
    )
    assert [_names(f, p.location) for p in f.protests] == [("Nairobi",)]
    f = _facts(
        "id",
        "BATAM - Bentrokan terjadi antara warga dan aparat gabungan di Jembatan 4 Barelang, "
        "Kamis (3/6/2021).\n",
    )
    assert [_names(f, p.location) for p in f.protests] == [("BATAM",)]
    f = _facts(
        "id",
        "JAKARTA - Ribuan mahasiswa memadati Jalan Gatot Subroto di depan Gedung DPR, Selasa "
        "(8/6/2021).\nAksi yang semula damai berakhir ricuh menjelang malam.\n",
    )
    assert [(_names(f, p.location), p.start and p.start.iso) for p in f.protests] == [
        (("JAKARTA",), "2021-06-08")
    ]


def test_a_protest_dated_before_it_is_placed() -> None:
    f = _facts(
        "en",
        "At least 10 people were killed during Saba Saba protests on Monday, the Kenya National "
        "Commission on Human Rights said. Police fired tear gas at protesters in Nairobi on the "
        "same day.\n",
    )
    assert [(_names(f, p.location), p.start and p.start.iso) for p in f.protests] == [
        (("Nairobi",), "2021-06-07")
    ]


def test_the_place_troops_are_asked_to_leave_is_no_protest_place() -> None:
    f = _facts(
        "en",
        "BANGUI - Hundreds of residents of Bangui staged protests on Friday to demand the "
        "withdrawal of UN peacekeepers from the Central African Republic.\n",
    )
    assert [_names(f, p.location)[0] for p in f.protests] == ["BANGUI"]


@pytest.mark.parametrize(
    ("sentence", "sender", "place"),
    [
        (
            "Panglima TNI melepas keberangkatan 600 prajuritnya ke Juba, Rabu (2/6/2021).",
            "TNI",
            "Juba",
        ),
        (
            "Puluhan prajurit terpilih dari Kostrad bergerak ke Kabupaten Puncak, Rabu (2/6/2021).",
            "Kostrad",
            "Kabupaten Puncak",
        ),
        (
            "Polda Jawa Tengah mendapat perintah dan instruksi dari Mabes Polri untuk mengirimkan "
            "anggotanya ke Kota Kupang.",
            "Polda Jawa Tengah",
            "Kota Kupang",
        ),
    ],
)
def test_indonesian_senders_from_a_probe(sentence: str, sender: str, place: str) -> None:
    f = _facts("id", sentence + "\n")
    assert [(_names(f, d.by)[-1], _names(f, d.to)[0]) for d in f.deployments] == [(sender, place)]


def test_land_reclamation_is_a_cause() -> None:
    f = _facts(
        "id",
        "Puluhan nelayan berunjuk rasa di Manado, Rabu (2/6/2021). Massa itu protes terkait "
        "proyek reklamasi yang merugikan nelayan.\n",
    )
    assert [p.causes for p in f.protests] == [("land reclamation",)]


def test_the_deployed_troops_are_those_told_before_and_a_taxi_strike_is_a_protest() -> None:
    f = _facts(
        "en",
        "Four Kenya Army battalions were deployed in Marsabit on Sunday. Eastern Command "
        "Commander John Otieno said the deployed troops would work closely with the police.\n",
    )
    assert [_names(f, d.by) for d in f.deployments] == [("Kenya Army",)]
    f = _facts(
        "en",
        "More than 1,200 people were arrested in Luanda after a taxi strike over fuel prices "
        "turned violent on Monday.\n",
    )
    assert [(_names(f, p.location), p.causes) for p in f.protests] == [
        (("Luanda",), ("fuel price rise",))
    ]


@pytest.mark.parametrize(
    ("sentence", "sender", "place"),
    [
        (
            "Six Philippine Army battalions were deployed in Negros Oriental on Sunday.",
            "Philippine Army",
            "Negros Oriental",
        ),
        (
            "France has sent a team of riot police to the Indian Ocean territory of Mayotte on "
            "Monday.",
            "France",
            "Mayotte",
        ),
    ],
)
def test_english_deployments_from_a_probe(sentence: str, sender: str, place: str) -> None:
    f = _facts("en", sentence + "\n")
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [(sender, place)]


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        (
            "BRASILIA - Demonstrators protested against the government of Brazil at the National "
            "Congress building on Monday.",
            "BRASILIA",
        ),
        (
            "Thousands protested in Tel Aviv on Monday, with 20 protesters reported hospitalized "
            "at Ichilov Hospital.",
            "Tel Aviv",
        ),
        (
            "At least one protester is dead in Paraguay's capital after demonstrators stormed the "
            "congressional building on Monday. Police in Asunción fired rubber bullets.",
            "Asunción",
        ),
    ],
)
def test_english_protest_places_from_a_probe(sentence: str, place: str) -> None:
    f = _facts("en", sentence + "\n")
    assert [_names(f, p.location)[0] for p in f.protests] == [place]


@pytest.mark.parametrize(
    ("body", "place"),
    [
        # a town and its country: the town
        ("Sekitar 40 ribu warga Lyon, Prancis, turun ke jalan, Kamis (5/12).", "Lyon"),
        # the farmers' home before the protest, the site after it: the dateline's town
        (
            "PADANG - Ratusan petani Kabupaten Pasaman menggelar demonstrasi di depan Polda "
            "Sumatera Barat, Jumat (6/12/2019).",
            "PADANG",
        ),
        # "Aksi unjuk rasa ini" is the protest told of before, not one in the country
        (
            "Ribuan warga Marseille berunjuk rasa pada Kamis (5/12).\n\nAksi unjuk rasa ini "
            "berawal dari rencana pemerintah mengubah sistem pensiun di Prancis.",
            "Marseille",
        ),
    ],
)
def test_indonesian_protest_places_from_a_probe(body: str, place: str) -> None:
    f = _facts("id", body + "\n", "2019-12-06")
    assert [_names(f, p.location)[0] for p in f.protests] == [place]


@pytest.mark.parametrize(
    ("body", "places"),
    [
        # the place narrowed: "di Indonesia tepatnya di Kota Medan"
        (
            "MEDAN - Aksi demonstrasi mahasiswa di Indonesia tepatnya di Kota Medan, Rabu "
            "(4/12/2019), berakhir ricuh.",
            ["MEDAN"],
        ),
        # the towns the workers come from are no wave across the country
        (
            "Ribuan buruh berunjuk rasa di Bandung pada Rabu (4/12/2019).\n\nPada unjuk rasa "
            "hari ini, sekitar 2.000 buruh dari Bekasi, Bogor, dan Depok ikut serta.",
            ["Bandung"],
        ),
        # protests "in several regions" are not only in the dateline's town
        (
            "JAKARTA - Aksi mahasiswa di Palu, Rabu (4/12/2019), ricuh.\n\nDemonstrasi "
            "mahasiswa masih digelar hari ini di sejumlah wilayah.",
            ["Palu"],
        ),
        # more told of the protest, and where a witness said it: not the dateline's town
        (
            "JAKARTA - Aksi warga menolak tambang di Kabupaten Lebak, Rabu (4/12/2019), "
            "berakhir ricuh.\n\nSeorang aktivis menuturkan aksi warga ini sudah terjadi tiga "
            'kali.\n\n"Protes sudah ada sejak Juli," ucapnya di kantor Walhi, Jakarta, Kamis '
            "(5/12/2019).",
            ["Kabupaten Lebak"],
        ),
        # a sentence that goes on with the protest, with no day of its own
        (
            "Warta Nusa, JAKARTA - Unjuk rasa mahasiswa di Kota Ternate berujung ricuh, Rabu "
            "(4/12/2019).\n\nAksi mulai memanas ketika mahasiswa mendorong pagar kantor wali "
            "kota.",
            ["Kota Ternate"],
        ),
    ],
)
def test_a_protest_is_not_where_its_people_come_from_nor_where_it_is_told_of(
    body: str, places: list[str]
) -> None:
    f = _facts("id", body + "\n", "2019-12-05")
    assert [_names(f, p.location)[0] for p in f.protests] == places


def test_where_an_organiser_told_reporters_is_no_protest() -> None:
    body = (
        'Thousands protested in Lagos on Monday.\n\n"The protests will go on until the tax is '
        'dropped," an organiser told reporters in Abuja on Tuesday.\n'
    )
    f = _facts("en", body, "2019-12-05")
    assert [_names(f, p.location)[0] for p in f.protests] == ["Lagos"]


@pytest.mark.parametrize(
    ("lang", "threat"),
    [
        (
            "id",
            "Ketua serikat menjelaskan bahwa jika tuntutan tidak dipenuhi, buruh akan menggelar "
            "aksi lanjutan dalam mogok nasional di seluruh Indonesia.",
        ),
        ("en", "The union said workers will stage a national strike across Indonesia."),
    ],
)
def test_a_protest_still_to_come_on_no_day_is_none(lang: str, threat: str) -> None:
    rally = {
        "id": "Ribuan buruh berunjuk rasa di Bandung pada Rabu (9/6/2021).",
        "en": "Thousands of workers rallied in Bandung on Wednesday.",
    }[lang]
    f = _facts(lang, rally + "\n\n" + threat + "\n")
    assert [_names(f, p.location)[0] for p in f.protests] == ["Bandung"]


def test_a_protest_the_town_s_police_speak_of_is_in_that_town_not_the_dateline_s() -> None:
    body = (
        "JAKARTA, KOMPAS.TV - Sebanyak 9 mahasiswa ditangkap di halaman kampus, Kamis "
        "(10/11/2022).\n\nUnjuk rasa itu diwarnai kericuhan, kata Kapolresta Manado.\n"
    )
    f = _facts("id", body, "2022-11-11")
    assert [_names(f, p.location)[0] for p in f.protests] == ["Manado"]
    # a province's police speak for no town
    f = _facts("id", body.replace("Kapolresta Manado", "Kapolda Sulawesi Utara"), "2022-11-11")
    assert [_names(f, p.location)[0] for p in f.protests] == ["JAKARTA"]


def test_an_unlawful_act_is_no_protest() -> None:
    body = (
        'TERNATE - Polisi memeriksa 15 saksi bentrok di Desa Lelilef. "Warga jangan mudah '
        'terprovokasi isu yang berdampak pada aksi melawan hukum," katanya.\n'
    )
    assert _facts("id", body).protests == ()


def test_a_death_told_in_a_clause_about_someone_does_not_date_the_protest() -> None:
    body = (
        "Thousands of people protested in Chad against the council headed by the son of the "
        "late President, who was killed last week.\n"
    )
    (p,) = _facts("en", body, "2021-04-28").protests
    assert p.start is None
    (p,) = _facts("en", body.replace("protested", "protested on Tuesday"), "2021-04-28").protests
    assert p.start is not None and p.start.iso == "2021-04-27"


def test_a_plan_to_change_the_pension_system_is_a_pension_reform() -> None:
    body = "Ribuan warga berunjuk rasa di Marseille menolak rencana mengubah sistem pensiun.\n"
    (p,) = _facts("id", body, "2019-12-06").protests
    assert p.causes == ("pension reform",)


def test_a_protest_voiced_at_a_town_s_airport_and_a_show_of_commitment() -> None:
    f = _facts(
        "id",
        "Ribuan orang memadati Bandara Internasional Lisbon untuk menyatakan protes terhadap "
        "penahanan para pemimpin serikat, Senin (7/6).\n",
    )
    assert [(_names(f, p.location), p.start and p.start.iso) for p in f.protests] == [
        (("Lisbon",), "2021-06-07")
    ]
    f = _facts(
        "id",
        "Pengerahan pasukan Jerman ke Lituania merupakan demonstrasi komitmen terhadap sekutu, "
        "Senin (7/6/2021).\n",
    )
    assert not f.protests


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        (
            "id",
            "India mengerahkan ribuan tentara tambahan tidak hanya di Ladakh tetapi juga di "
            "Sikkim dan Arunachal Pradesh, Kamis (3/6/2021).",
        ),
        (
            "en",
            "India deployed thousands of additional troops not only in Ladakh but also in Sikkim "
            "and Arunachal Pradesh on Thursday.",
        ),
    ],
)
def test_not_only_here_but_also_there(lang: str, sentence: str) -> None:
    f = _facts(lang, sentence + "\n")
    assert [_names(f, d.to)[0] for d in f.deployments] == ["Ladakh", "Sikkim", "Arunachal Pradesh"]


@pytest.mark.parametrize(
    ("body", "cause"),
    [
        (
            "Ribuan orang berunjuk rasa di Beirut, Senin (7/6/2021), menuntut perubahan rezim.",
            "regime change",
        ),
        (
            "Ribuan orang berunjuk rasa di Tel Aviv, Senin (7/6/2021), menentang reformasi peradilan.",
            "judicial overhaul",
        ),
        (
            "Massa berunjuk rasa di Jakarta, Senin (7/6/2021), menolak hasil rekapitulasi nasional "
            "pemilu.",
            "election results",
        ),
    ],
)
def test_indonesian_causes_from_a_probe(body: str, cause: str) -> None:
    f = _facts("id", body + "\n")
    assert [p.causes for p in f.protests] == [(cause,)]


def test_a_protest_in_the_dateline_s_sentence_that_names_no_other_place() -> None:
    f = _facts(
        "en", "DAR ES SALAAM - Police imposed a curfew after hundreds protested on Monday.\n"
    )
    assert [_names(f, p.location) for p in f.protests] == [("DAR ES SALAAM",)]


def test_a_town_s_namesake_in_the_region_the_article_names() -> None:
    # Birmingham in Alabama, not in England; and the army deployed across a state is the
    # country's, not the town's
    f = _facts(
        "en",
        "The government deployed the army in Birmingham on Tuesday as protests spread across "
        "Alabama.\n",
    )
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [
        (("United States",), ("Birmingham",))
    ]


@pytest.mark.parametrize("prefix", ["Satgas Pamtas ", "Satgas ", ""])
def test_a_border_task_force_s_battalion_is_the_sender(prefix: str) -> None:
    body = (
        f"JAKARTA - Sebanyak 52 personel {prefix}Yonif 611/Awang Long tiba di pos-pos "
        "perbatasan Kalimantan Utara, Sabtu (16/5/2020).\n"
    )
    f = _facts("id", body, published="2020-05-17")
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("Yonif 611/Awang Long", "Kalimantan Utara")
    ]


@pytest.mark.parametrize(
    ("body", "row"),
    [
        # a numbered unit, the object of the verb, is sent even with no troops counted
        (
            "Presiden melepas Kontingen Garuda XXIII-R ke Lebanon, Jumat (4/6).",
            ("Kontingen Garuda XXIII-R", "Lebanon"),
        ),
        # a contingent numbered in Roman numerals is a body, not a person
        (
            "Sebanyak 850 prajurit Konga XXXIX-A tiba di Kongo, Jumat (4/6).",
            ("Konga XXXIX-A", "Kongo"),
        ),
        # the body that sends it comes first when the text names one
        ("Panglima TNI melepas Konga XXXIX-A ke Kongo, Jumat (4/6).", ("TNI", "Kongo")),
    ],
)
def test_a_numbered_contingent_sent_off(body: str, row: tuple[str, str]) -> None:
    f = _facts("id", body + "\n")
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [row]


@pytest.mark.parametrize(
    ("lang", "body", "row"),
    [
        # rule a-unit-sent: the unit the verb sends, after the definite article
        ("en", "The US sent the 82nd Airborne Division to Poland on Monday.", ("US", "Poland")),
        # and a unit named by a name rather than a number
        ("en", "Israel sent the Golani Brigade to Gaza on Monday.", ("Israel", "Gaza")),
        ("id", "IDF mengerahkan Brigade Nahal ke Jalur Gaza, Senin (4/12).", ("IDF", "Jalur Gaza")),
    ],
)
def test_a_unit_the_verb_sends_is_troops(lang: str, body: str, row: tuple[str, str]) -> None:
    f = _facts(lang, body + "\n")
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [row]
    (d,) = f.deployments
    assert d.troops is None


def test_a_kind_of_unit_alone_is_not_sent() -> None:
    # an unnumbered kind of unit after the verb names no unit that went
    f = _facts("id", "Presiden melepas satgas ke Lebanon, Jumat (4/6).\n")
    assert f.deployments == ()


def test_a_withdrawal_noun_owned_by_the_country_after_the_troops() -> None:
    # "penarikan pasukan X dari Y": X's troops leave Y, told with no subject
    body = (
        "WASHINGTON - Penarikan pasukan Amerika Serikat dari Irak dimulai pada Ahad (23/12/2018).\n"
    )
    f = _facts("id", body, published="2018-12-23")
    assert [
        (_names(f, d.by)[0], _names(f, d.to)[0], d.withdrawal and d.withdrawal.iso)
        for d in f.deployments
    ] == [("Amerika Serikat", "Irak", "2018-12-23")]


def test_troops_back_from_where_they_served_since_a_date() -> None:
    body = (
        "JAKARTA - Sebanyak 100 prajurit Kontingen Garuda XXVIII-J kembali dari Lebanon, Senin "
        "(5/11/2018), setelah bertugas di Lebanon sejak 23 September 2017.\n"
    )
    (d,) = _facts("id", body, published="2018-11-05").deployments
    assert d.troops is not None and d.troops.value == 100
    assert (d.start and d.start.iso, d.end and d.end.iso) == ("2017-09-23", "2018-11-05")


def test_a_peace_mission_carried_out_somewhere_is_a_deployment() -> None:
    body = (
        "Sebanyak 100 prajurit TNI mengemban misi perdamaian di Lebanon sejak 23 September "
        "2017 hingga 30 September 2018.\n"
    )
    f = _facts("id", body, published="2018-11-05")
    assert [
        (_names(f, d.by)[0], _names(f, d.to)[0], d.start and d.start.iso, d.end and d.end.iso)
        for d in f.deployments
    ] == [("TNI", "Lebanon", "2017-09-23", "2018-09-30")]


def test_an_unowned_army_sent_inside_a_country_is_that_country_s() -> None:
    body = (
        "The United States has criticised the government of Venezuela. The United States said "
        "the United States would keep its sanctions. Army units were sent to Zulia, a state on "
        "the border.\n"
    )
    f = _facts("en", body, published="2019-02-20")
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("Venezuela", "Zulia")
    ]


def test_the_dateline_town_sends_no_troops() -> None:
    body = "BRUSSELS - The decision to send four battalions to Estonia was announced on Friday.\n"
    f = _facts("en", body, published="2017-03-20")
    assert all(_names(f, d.by)[0] != "BRUSSELS" for d in f.deployments)


@pytest.mark.parametrize(
    ("lang", "body", "senders"),
    [
        (
            "en",
            "NATO leaders met on Monday. The alliance's decision to send four battalions to "
            "Estonia was announced on Friday.",
            [("NATO", "Estonia")],
        ),
        (
            "id",
            "Para pemimpin NATO bertemu pada Senin. Aliansi tersebut mengirim 1.000 tentara ke "
            "Polandia, Jumat (17/3).",
            [("NATO", "Polandia")],
        ),
        # with two alliances named, "the alliance" could be either
        (
            "en",
            "NATO and the CSTO met on Monday. The alliance's decision to send four battalions "
            "to Estonia was announced on Friday.",
            [],
        ),
    ],
)
def test_the_alliance_is_the_one_the_article_names(
    lang: str, body: str, senders: list[tuple[str, str]]
) -> None:
    f = _facts(lang, body + "\n", published="2017-03-20")
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == senders


@pytest.mark.parametrize(
    ("body", "row"),
    [
        # an arrival still expected is a plan
        (
            "A battalion of Kenyan troops is expected to arrive in Freetown on Monday.",
            ("Kenya", "Freetown", DeploymentStatus.PLANNED),
        ),
        (
            "The main body of the Indian battalion will be arriving in Haiti this month.",
            ("India", "Haiti", DeploymentStatus.PLANNED),
        ),
        # "the region of X" names X
        (
            "North Korean troops are expected to arrive in Russia's western region of Kursk "
            "on Wednesday.",
            ("North Korea", "Kursk", DeploymentStatus.PLANNED),
        ),
        # "They" are the troops the sentence before counted
        (
            "The advance party of the brigade will consist of 20 German soldiers. They will "
            "arrive in Vilnius on Monday with General Alfons Mais, chief of the German Army.",
            ("Germany", "Vilnius", DeploymentStatus.PLANNED),
        ),
    ],
)
def test_arrivals_still_to_come(body: str, row: tuple[str, str, DeploymentStatus]) -> None:
    f = _facts("en", body + "\n", published="2024-04-04")
    assert [(_names(f, d.by)[0], _names(f, d.to)[0], d.status) for d in f.deployments] == [row]


@pytest.mark.parametrize(
    ("lang", "body", "row"),
    [
        (
            "id",
            "Sekitar 5.000 buruh pabrik ikan melakukan mogok massal di Kota Bitung, Senin "
            "(3/4/2023).",
            ("Kota Bitung", "2023-04-03"),
        ),
        (
            "id",
            "Ratusan sopir angkot mogok beroperasi di Kota Palembang.",
            ("Kota Palembang", None),
        ),
        (
            "en",
            "Nearly 600 teachers in Oakland went on a strike on Monday, May 20, 2019.",
            ("Oakland", "2019-05-20"),
        ),
    ],
)
def test_a_strike_is_a_protest(lang: str, body: str, row: tuple[str, str | None]) -> None:
    f = _facts(lang, body + "\n", published="2023-04-04" if lang == "id" else "2019-05-21")
    assert [(_names(f, p.location)[0], p.start and p.start.iso) for p in f.protests] == [row]


def test_a_stalled_engine_is_no_strike() -> None:
    f = _facts("id", "Truk itu mogok di Jalan Sudirman, Kota Palembang, Senin (3/4/2023).\n")
    assert f.protests == ()


@pytest.mark.parametrize(
    ("body", "rows"),
    [
        # the port of a send-off, with its address, is where the troops sail from
        (
            "Panglima TNI melepas keberangkatan 650 prajurit di Pelabuhan Tanjung Perak, "
            "Surabaya, Jawa Timur, Senin (10/7/2023).",
            [],
        ),
        (
            "Panglima TNI melepas keberangkatan 650 prajurit ke Nusa Tenggara Timur di "
            "Pelabuhan Tanjung Perak, Surabaya, Senin (10/7/2023).",
            [("TNI", "Nusa Tenggara Timur")],
        ),
        # an airport they fly to is where they go
        (
            "Sebanyak 100 personel Brimob Polda Maluku Utara berangkat dari Ternate menuju "
            "Bandara Mozes Kilangin Timika, Kamis (22/8/2019).",
            [("Brimob Polda Maluku Utara", "Timika")],
        ),
    ],
)
def test_a_send_off_port_is_no_destination(body: str, rows: list[tuple[str, str]]) -> None:
    f = _facts("id", body + "\n", published="2023-07-11")
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == rows


@pytest.mark.parametrize(
    "body",
    [
        "Mabes Polri menegaskan tidak akan melakukan penambahan personel di Maluku.",
        "Polri memastikan tidak akan menambah pasukan di Maluku.",
        "TNI memastikan tidak akan melakukan penarikan maupun penambahan pasukan di Papua.",
    ],
)
def test_adding_no_troops_is_a_denial(body: str) -> None:
    (d,) = _facts("id", body + "\n").deployments
    assert d.status is DeploymentStatus.DENIED


def test_coordinated_demonyms_each_send_their_troops() -> None:
    f = _facts("en", "Chilean, Ecuadorian and Peruvian troops arrived in Haiti on Monday.\n")
    assert sorted(_names(f, d.by)[0] for d in f.deployments) == ["Chile", "Ecuador", "Peru"]
    assert {_names(f, d.to)[0] for d in f.deployments} == {"Haiti"}


def test_polda_metro_jakarta_serves_jakarta() -> None:
    body = "Polda Bali memberangkatkan 120 personel Brimob ke Polda Metro Jakarta, Jumat (18/10/2019).\n"
    f = _facts("id", body, published="2019-10-19")
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("Polda Bali", "Jakarta")
    ]


@pytest.mark.parametrize(
    ("body", "row"),
    [
        ("The Ethiopian army has been deployed to Tigray.", ("Ethiopia", "Tigray")),
        ("The Nepal Army was deployed to Kathmandu on Tuesday.", ("Nepal Army", "Kathmandu")),
    ],
)
def test_an_army_sent_in_the_passive_is_the_sender(body: str, row: tuple[str, str]) -> None:
    f = _facts("en", body + "\n")
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [row]


def test_sentences_glued_without_a_space_are_two() -> None:
    # the casualties of the next sentence are no troop count
    body = (
        "Polda Sulteng mengerahkan dua pleton Brimob ke Poso.Sebelumnya seorang warga tewas "
        "dan tiga polisi luka-luka.\n"
    )
    f = _facts("id", body)
    assert [(_names(f, d.to)[0], d.troops) for d in f.deployments] == [("Poso", None)]


def test_a_company_abbreviation_ends_no_sentence() -> None:
    body = (
        "KENDARI - Massa berunjuk rasa di tambang nikel PT. Sinar Jaya di Kecamatan Lasolo, "
        "Kamis (6/6/2019).\n"
    )
    f = _facts("id", body, published="2019-06-07")
    assert [(_names(f, p.location)[0], p.start and p.start.iso) for p in f.protests] == [
        ("Kecamatan Lasolo", "2019-06-06")
    ]


def test_battle_groups_are_units_sent() -> None:
    f = _facts("en", "NATO will deploy four new battle groups to Romania and Slovakia.\n")
    assert [(_names(f, d.by)[0], _names(f, d.to)[0], d.troops) for d in f.deployments] == [
        ("NATO", "Romania", None),
        ("NATO", "Slovakia", None),
    ]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "en",
            "According to the Defence Ministry, the decision to deploy troops to Bulgaria was "
            "taken last year.",
        ),
        ("id", "Dilansir dari AFP, pengiriman 5.000 tentara ke Rusia sudah dimulai."),
    ],
)
def test_a_source_cited_sends_no_troops(lang: str, body: str) -> None:
    f = _facts(lang, body + "\n")
    assert not {"Defence Ministry", "AFP"} & {_names(f, d.by)[0] for d in f.deployments}


def test_a_cause_told_with_lantaran_and_the_long_name_of_fuel() -> None:
    body = (
        "Ratusan pengemudi ojek melakukan aksi mogok di Kota Jayapura, Senin (5/9/2022). Mogok "
        "ini diduga lantaran belum ada kepastian tarif setelah harga bahan bakar minyak (BBM) "
        "naik.\n"
    )
    (p,) = _facts("id", body, published="2022-09-06").protests
    assert p.causes == ("fuel price rise",)


@pytest.mark.parametrize(
    ("lang", "body", "troops"),
    [
        ("en", "China will send a 700-member battalion to Juba, the UN said.", 700),
        # "several hundred" is vague: no count, and "100 km" is a distance
        (
            "en",
            "Poland deployed several hundred soldiers to Lithuania, 100 km from the border.",
            None,
        ),
        ("id", "Polri mengirim beberapa ratus personel ke Kota Ambon, Senin (21/3/2022).", None),
    ],
)
def test_strengths_and_vague_hundreds(lang: str, body: str, troops: int | None) -> None:
    (d,) = _facts(lang, body + "\n").deployments
    assert (d.troops.value if d.troops else None) == troops


@pytest.mark.parametrize(
    ("body", "senders"),
    [
        # the protesters arrive; the police who stop them are sent nowhere
        (
            "Ratusan petani berunjuk rasa di kantor Bupati Garut, Selasa (2/4/2024). Setelah "
            "tiba, massa petani yang dihalangi personel Polres Garut mencoba menerobos pagar.",
            [],
        ),
        (
            "Warga menyambut 200 personel Brimob Polda Maluku yang tiba di Kota Ambon, Selasa "
            "(2/4/2024).",
            ["Brimob Polda Maluku"],
        ),
    ],
)
def test_the_crowd_that_arrives_is_no_troops(body: str, senders: list[str]) -> None:
    f = _facts("id", body + "\n", published="2024-04-03")
    assert [_names(f, d.by)[0] for d in f.deployments] == senders


def test_a_border_crossing_that_completes_a_withdrawal_sends_no_troops() -> None:
    body = (
        "The last US combat troops based in Iraq crossed the border into Kuwait on Sunday, "
        "completing their withdrawal from Iraq.\n"
    )
    f = _facts("en", body, published="2011-12-19")
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [("US", "Iraq")]


@pytest.mark.parametrize(
    ("body", "place"),
    [
        # the country of what they protest is not where, when the text says where
        (
            "WASHINGTON -- A rally on Saturday to protest the war in Afghanistan ended with 40 "
            "arrests near the Capitol.",
            "WASHINGTON",
        ),
        (
            "BOSTON -- Thousands of protesters marched on Saturday against U.S. policy in the "
            "Middle East.",
            "BOSTON",
        ),
        # with nowhere else named, a town after the cause is where they rallied
        ("Thousands rallied against the new law in Lagos on Saturday.", "Lagos"),
    ],
)
def test_a_place_inside_the_cause_is_no_protest_place(body: str, place: str) -> None:
    f = _facts("en", body + "\n", published="2007-09-16")
    assert [_names(f, p.location)[0] for p in f.protests] == [place]


def test_troops_home_again_end_their_deployment_where_they_served() -> None:
    body = (
        "Sebanyak 450 prajurit Yonif 712/Wiratama tiba kembali di Manado usai bertugas "
        "sembilan bulan di Papua, Senin (4/7/2022).\n"
    )
    (d,) = _facts("id", body, published="2022-07-05").deployments
    assert d.end is not None and d.end.iso == "2022-07-04" and d.start is None
    f = _facts("id", body, published="2022-07-05")
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("Yonif 712/Wiratama", "Papua")
    ]


def test_the_unit_sends_not_the_task_force_it_joined() -> None:
    body = (
        "Sebanyak 450 prajurit Yonif 712/Wiratama yang tergabung dalam Satuan Tugas Pengamanan "
        "Perbatasan (Satgas Pamtas) Republik Indonesia-Papua Nugini tiba di Kabupaten Keerom, "
        "Senin (4/7/2022).\n"
    )
    f = _facts("id", body, published="2022-07-05")
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("Yonif 712/Wiratama", "Kabupaten Keerom")
    ]


def test_a_send_off_venue_is_no_destination() -> None:
    body = (
        "Panglima TNI melepas keberangkatan 200 prajurit TNI, bertempat di Stadion Mabes TNI, "
        "Cilangkap, Jakarta Timur, Senin (6/11/2023).\n"
    )
    f = _facts("id", body, published="2023-11-07")
    assert all(_names(f, d.to)[0] not in ("Jakarta Timur", "Cilangkap") for d in f.deployments)


@pytest.mark.parametrize(
    "body",
    [
        "NATO memastikan tak akan mengerahkan pasukan ke Ukraina.",
        "Jerman tidak memiliki rencana untuk mengirim pasukan darat ke Ukraina.",
    ],
)
def test_a_negated_plan_is_a_denial(body: str) -> None:
    (d,) = _facts("id", body + "\n").deployments
    assert d.status is DeploymentStatus.DENIED


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("en", "Spain, Poland and the Czech Republic sent troops to Lithuania on Monday."),
        ("id", "Spanyol, Polandia, dan Republik Ceko mengirim pasukan ke Lituania, Senin (4/3)."),
    ],
)
def test_each_country_of_a_coordinated_subject_sends(lang: str, body: str) -> None:
    f = _facts(lang, body + "\n", published="2024-03-05")
    assert len(f.deployments) == 3
    assert len({d.by for d in f.deployments}) == 3


def test_the_movement_s_earlier_start_does_not_replace_the_day_told() -> None:
    body = (
        "Thousands of protesters marched in Madrid on Thursday against the pension reform. "
        "The protests have drawn huge crowds since January.\n"
    )
    (p,) = _facts("en", body, published="2023-03-24").protests
    assert p.start is not None and p.start.iso == "2023-03-23"


def test_a_building_demonstrated_against_in_the_passive() -> None:
    body = "Gedung DPRD Kabupaten Tuban didemo ratusan mahasiswa, Selasa (24/9/2019).\n"
    f = _facts("id", body, published="2019-09-25")
    assert [(_names(f, p.location)[0], p.start and p.start.iso) for p in f.protests] == [
        ("Kabupaten Tuban", "2019-09-24")
    ]


def test_not_a_sending_of_troops_is_a_denial() -> None:
    body = "Menurut penelusuran, video itu bukan pengiriman pasukan TNI ke Papua.\n"
    (d,) = _facts("id", body).deployments
    assert d.status is DeploymentStatus.DENIED


def test_countries_fielding_a_unit_send_it() -> None:
    f = _facts("en", "Chile and Ecuador will be fielding a company of 150 troops in Haiti.\n")
    assert [(_names(f, d.by)[0], _names(f, d.to)[0], d.status) for d in f.deployments] == [
        ("Chile", "Haiti", DeploymentStatus.PLANNED),
        ("Ecuador", "Haiti", DeploymentStatus.PLANNED),
    ]


def test_a_complex_or_a_building_with_its_district_lies_in_the_town_after_them() -> None:
    """Rule site-is-no-destination and site-is-no-location: the area between the site and
    the town may be a name of several words ("Tanah Abang")."""
    body = (
        "Polri mengerahkan 900 personel untuk mengamankan aksi unjuk rasa di depan Kompleks "
        "Parlemen Senayan, Jakarta Pusat, Jumat (20/9/2019).\n"
    )
    facts = _facts("id", body, "2019-09-21")
    assert [_names(facts, d.to)[0] for d in facts.deployments] == ["Jakarta Pusat"]
    assert [_names(facts, p.location)[0] for p in facts.protests] == ["Jakarta Pusat"]
    body = "Ribuan buruh berunjuk rasa di depan Gedung DPR Tanah Abang, Jakarta Pusat, Jumat (1/3/2024).\n"
    facts = _facts("id", body, "2024-03-02")
    assert [_names(facts, p.location)[0] for p in facts.protests] == ["Jakarta Pusat"]


def test_members_from_all_over_a_country_rally_in_one_town() -> None:
    """Rule members-from-all-over: "mahasiswa seluruh Indonesia" says where the students
    come from; "di seluruh Indonesia" is where the protests are."""
    body = (
        "Aksi unjuk rasa mahasiswa seluruh Indonesia berlangsung di Jakarta, Selasa (5/3/2024).\n"
    )
    facts = _facts("id", body, "2024-03-06")
    assert [_names(facts, p.location)[0] for p in facts.protests] == ["Jakarta"]
    body = "Aksi unjuk rasa digelar di seluruh Indonesia, Selasa (5/3/2024).\n"
    facts = _facts("id", body, "2024-03-06")
    assert [_names(facts, p.location)[0] for p in facts.protests] == ["Indonesia"]


def test_riots_at_a_town_s_offices_are_protests_in_that_town() -> None:
    """Rule the-office-s-place (also "Kantor Bupati Kabupaten X"), a site in front of which
    a crowd rallies is a place, and crowds that riot or storm an office protest."""
    cases = {
        "Ratusan sopir angkot berunjuk rasa di depan Balai Kota Bandung, Senin (2/3/2020).": "Bandung",
        "Kerusuhan terjadi di Kantor Bupati Kabupaten Nabire, Senin (2/3/2020).": "Kabupaten Nabire",
        "Massa merusuh di Kantor Bupati Nabire, Senin (2/3/2020).": "Nabire",
        "Ratusan warga menyerang kantor KPU di Kota Ternate, Senin (2/3/2020).": "Kota Ternate",
    }
    for body, town in cases.items():
        facts = _facts("id", body + "\n", "2020-03-03")
        assert [
            (_names(facts, p.location)[0], p.start.iso if p.start else None) for p in facts.protests
        ] == [(town, "2020-03-02")], body


def test_troops_put_under_another_command_are_sent_there() -> None:
    body = "Sebanyak 100 personel Sat Brimob Polda Kalteng di-BKO ke Polda Jawa Tengah, Jumat (15/2/2019).\n"
    facts = _facts("id", body, "2019-02-16")
    assert [_names(facts, d.to)[0] for d in facts.deployments] == ["Jawa Tengah"]


def test_a_joint_force_written_with_a_slash_is_no_photo_credit() -> None:
    """A lead that names "TNI/Polri" is the story, not a captioned photo, even as its own
    paragraph before a quote; a spelled-out Polda with its short name sends the troops."""
    body = (
        "Kepolisian Daerah (Polda) Jawa Tengah (Jateng) mengerahkan 21.000 personel gabungan "
        "TNI/Polri untuk menjaga Pilkada di Jateng.\n\n"
        '"Mereka akan mengawal pilkada," kata Kapolda Jateng Irjen Pol Budi Santoso, Senin '
        "(25/6/2018).\n"
    )
    facts = _facts("id", body, "2018-06-26")
    rows = [(_names(facts, d.by)[0], _names(facts, d.to)[0]) for d in facts.deployments]
    assert rows == [("Kepolisian Daerah (Polda) Jawa Tengah (Jateng)", "Jawa Tengah")]


def test_troops_back_at_their_base_end_the_deployment_where_they_served() -> None:
    """Rule back-from-where-they-served, with "kembali ke markas" and duty told as guarding
    or a task; the base they return to, or its area, is no destination."""
    body = (
        "Sebanyak 400 prajurit Yonif 312 tiba kembali di Pelabuhan Tanjung Perak, Surabaya, "
        "Senin (3/6/2024), setelah sembilan bulan menjaga perbatasan di Kabupaten Belu.\n"
    )
    facts = _facts("id", body, "2024-06-04")
    (d,) = facts.deployments
    assert _names(facts, d.to)[0] == "Kabupaten Belu"
    assert d.end is not None and d.end.iso == "2024-06-03" and d.start is None
    body = (
        "Sebanyak 200 personel Brimob Polda Riau kembali ke markas setelah tugas BKO "
        "pengamanan pemilu di Jakarta, Rabu (3/7/2024).\n"
    )
    facts = _facts("id", body, "2024-07-04")
    (d,) = facts.deployments
    assert _names(facts, d.to)[0] == "Jakarta" and d.end is not None
    body = "Sebanyak 300 personel Polda Bengkulu kembali ke satuan, Rabu (3/7/2024).\n"
    assert _facts("id", body, "2024-07-04").deployments == ()


def test_troops_withdrawn_that_a_relative_clause_places_leave_that_place() -> None:
    """Rule withdrawn-before-a-relative-clause: the deployment told inside the clause is
    the one the troops leave, on the sentence's day."""
    body = (
        "Polda Jawa Barat menarik kembali 1.200 personel yang sebelumnya di-BKO-kan untuk "
        "mengamankan pilkada di Kabupaten Garut, Rabu (4/12/2024).\n"
    )
    facts = _facts("id", body, "2024-12-05")
    (d,) = facts.deployments
    assert _names(facts, d.to)[0] == "Kabupaten Garut" and d.start is None
    assert d.withdrawal is not None and d.withdrawal.iso == "2024-12-04"
    body = "Russia withdrew 500 troops that had been deployed to Syria on Monday.\n"
    (d,) = _facts("en", body, "2024-12-05").deployments
    assert d.start is None and d.withdrawal is not None


def test_troops_setting_out_to_return_home_end_the_deployment_they_leave() -> None:
    """Rule back-from-where-they-served (destination:back-from-where-they-served), for a
    journey home ("untuk kembali ke"): where they served or set out from is the deployment,
    home is none, the day is its end (rule home-again-is-the-end, which records no step).
    The sender is read as it stands: "Kontingen Garuda TNI" by rule subject-before-the-verb
    (sender:subject-before-the-verb), the TNI of "Kompi zeni TNI" by rule
    owner-of-the-troops (sender:owner-of-the-troops); neither is first read as the place
    they served in, so rule the-body-back-from-duty does not act here;
    test_a_place_read_as_the_subject_of_troops_back_home_gives_way_to_their_body checks it."""
    body = (
        "Kontingen Garuda TNI yang bertugas di Lebanon berangkat dari Beirut untuk kembali ke "
        "Indonesia pada Senin (5/2/2024).\n"
    )
    facts = _facts("id", body, "2024-02-06")
    rows = [(_names(facts, d.by)[0], _names(facts, d.to)[0]) for d in facts.deployments]
    assert rows == [("Kontingen Garuda TNI", "Lebanon")]
    assert facts.deployments[0].end is not None and facts.deployments[0].start is None
    body = "Kompi zeni TNI berangkat dari Republik Afrika Tengah untuk kembali ke Indonesia, Senin (5/2/2024).\n"
    facts = _facts("id", body, "2024-02-06")
    assert [_names(facts, d.to)[0] for d in facts.deployments] == ["Republik Afrika Tengah"]


def test_a_place_read_as_the_subject_of_troops_back_home_gives_way_to_their_body() -> None:
    """Rule the-body-back-from-duty (sender:the-body-back-from-duty): "Satgas ... TNI di
    Kongo tiba kembali ... setelah bertugas di Kongo": the place was read as the subject;
    the body named before it is the sender, and the place is where they served."""
    f, trace = _traced(
        "id",
        "Satgas Kompi Zeni TNI di Kongo tiba kembali di Jakarta, Senin (5/2/2024), setelah "
        "setahun bertugas di Kongo.\n",
        published="2024-02-06",
    )
    (d,) = f.deployments
    assert _names(f, d.by) == ("Kompi Zeni TNI",) and _names(f, d.to) == ("Kongo",)
    assert "sender:the-body-back-from-duty" in _rules(trace, "deployments", d.id)


def test_a_district_then_its_city_places_the_protest_in_the_city() -> None:
    """Rule the-town-that-holds-it, with a city that is also a territory ("Hong Kong")."""
    body = "Police fired tear gas at protesters near the Legislative Council in Admiralty, Hong Kong, on Wednesday.\n"
    facts = _facts("en", body, "2019-06-13")
    assert [_names(facts, p.location)[0] for p in facts.protests] == ["Hong Kong"]


def test_crowds_that_pour_onto_the_streets_protest() -> None:
    body = (
        "Huge crowds poured onto the streets of Warsaw on Wednesday, enraged over a court ruling.\n"
    )
    facts = _facts("en", body, "2020-10-29")
    assert [
        (_names(facts, p.location)[0], p.start.iso if p.start else None) for p in facts.protests
    ] == [("Warsaw", "2020-10-28")]


def test_common_grievances_are_read_as_causes_in_both_languages() -> None:
    cases = [
        (
            "en",
            "Thousands protested in Hong Kong on Wednesday against plans to allow extradition to China.",
            "extradition bill",
        ),
        (
            "en",
            "Citizens rallied in Conakry on Monday against a third term for the president.",
            "third term for the president",
        ),
        (
            "id",
            "Ribuan warga berunjuk rasa di Lagos, Senin (20/3/2023), mengecam meningkatnya biaya hidup.",
            "cost of living",
        ),
        (
            "id",
            "Petani berunjuk rasa di Blitar, Senin (20/3/2023), menuntut penyelesaian konflik agraria.",
            "agrarian conflicts",
        ),
        (
            "id",
            "Warga berunjuk rasa di Bojonegoro, Senin (20/3/2023), menolak aktivitas tambang di desa mereka.",
            "mining",
        ),
    ]
    for lang, sentence, cause in cases:
        (p,) = _facts(lang, sentence + "\n", "2023-03-21").protests
        assert cause in p.causes, sentence


def test_troops_that_left_for_a_place_went_there_and_has_withdrawn_is_a_withdrawal() -> None:
    """ "left for X" is a verb of going (no withdrawal); "has withdrawn N" is no presence."""
    body = (
        "A new group of 300 Kenyan soldiers on Sunday left for a peacekeeping mission in Somalia.\n"
    )
    (d,) = _facts("en", body, "2024-03-11").deployments
    assert d.status is DeploymentStatus.HAPPENED and d.withdrawal is None
    assert d.start is not None and d.start.iso == "2024-03-10"
    body = "Burundi has withdrawn 734 soldiers from Somalia on Monday.\n"
    (d,) = _facts("en", body, "2024-03-12").deployments
    assert d.withdrawal is not None and d.withdrawal.iso == "2024-03-11"


def test_a_protest_at_a_regent_s_office_is_in_the_regency_known_or_not() -> None:
    """Rule the-office-s-place: the place after "kantor Bupati" is the regency, whole
    ("Lampung Timur", not the province) and even when the gazetteer lacks it; a statue of
    a governor names no place."""
    for body, place in [
        (
            "Ratusan petani berunjuk rasa di depan kantor Bupati Lampung Timur, Senin (3/3/2025).",
            "Lampung Timur",
        ),
        (
            "Ratusan petani berunjuk rasa di halaman Kantor Bupati Sambas, Senin (3/3/2025).",
            "Sambas",
        ),
    ]:
        facts = _facts("id", body + "\n", "2025-03-04")
        assert [_names(facts, p.location)[0] for p in facts.protests] == [place], body
    body = "Massa berunjuk rasa di Surabaya, Senin (3/3/2025), hingga ke taman patung Gubernur Suryo.\n"
    facts = _facts("id", body, "2025-03-04")
    assert [_names(facts, p.location)[0] for p in facts.protests] == ["Surabaya"]


def test_a_contingent_that_will_depart_on_a_weekday_goes_the_next_one() -> None:
    """Rule a-plan-looks-ahead, for a weekday; "depart for" is a verb of going; units
    counted are no troops."""
    body = "The 270-strong Kenyan contingent will depart for Mogadishu on Monday.\n"
    (d,) = _facts("en", body, "2024-03-12").deployments
    assert d.status is DeploymentStatus.PLANNED and d.start is not None
    assert d.start.iso == "2024-03-18" and d.troops is not None and d.troops.value == 270
    (d,) = _facts("en", "Rwanda sent two units to the Central African Republic.\n").deployments
    assert d.troops is None


def test_the_day_an_agency_reported_dates_a_protest_only_when_nothing_else_does() -> None:
    """Report dates ("Mengutip laporan IRNA, Sabtu (19/11/2022)") give way to the event's
    own day; a founding year is no event date."""
    body = (
        "Mengutip laporan kantor berita IRNA, Sabtu (19/11/2022), kerusuhan terjadi di kota "
        "Sahneh pada Jumat.\n"
    )
    (p,) = _facts("id", body, "2022-11-19").protests
    assert p.start is not None and p.start.iso == "2022-11-18"
    body = "Dilansir AFP, Minggu (21/9/2025), demo di Manila itu diikuti ribuan warga.\n"
    (p,) = _facts("id", body, "2025-09-22").protests
    assert p.start is not None and p.start.iso == "2025-09-21"
    body = "Menurut lembaga yang didirikan pada 2009 itu, unjuk rasa terjadi di Baghdad.\n"
    (p,) = _facts("id", body, "2025-09-22").protests
    assert p.start is None


def test_undated_protests_in_towns_of_a_country_wave_are_part_of_it() -> None:
    """Rule a-wave-across-the-country: a town's undated protest after the country's dated
    wave is part of the wave; one of another year is not."""
    body = (
        "Thousands of garment workers in Bangladesh walked off the job on Monday to protest "
        "low wages. Police said 10,000 workers staged protests in Gazipur.\n"
    )
    facts = _facts("en", body, "2023-10-31")
    assert [_names(facts, p.location)[0] for p in facts.protests] == ["Bangladesh"]
    body = (
        "Thousands of workers in Kazakhstan protested on Monday against fuel prices. In 2011, "
        "oil workers protested in Zhanaozen.\n"
    )
    facts = _facts("en", body, "2022-01-04")
    assert [_names(facts, p.location)[0] for p in facts.protests] == ["Kazakhstan", "Zhanaozen"]


def test_a_dateline_glued_with_two_hyphens_ends_before_the_story() -> None:
    body = "AMBON--Polda Maluku mengirim 100 personel Brimob ke Papua, Senin (11/3/2024).\n"
    facts = _facts("id", body, "2024-03-12")
    assert [(_names(facts, d.by)[0], _names(facts, d.to)[0]) for d in facts.deployments] == [
        ("Polda Maluku", "Papua")
    ]


def test_a_toll_the_text_settles_on_beats_a_rounded_one_told_before() -> None:
    body = (
        "More than 70 people have been killed over several days. Looters hit stores in Durban "
        "on Tuesday in unrest that has killed at least 72 people.\n"
    )
    (p,) = _facts("en", body, "2021-07-14").protests
    assert p.deaths is not None and p.deaths.value == 72
    body = (
        "More than 70 people have been killed over several days. Looters hit stores in Durban "
        "on Tuesday in unrest that has killed at least 300 people.\n"
    )
    (p,) = _facts("en", body, "2021-07-14").protests
    assert p.deaths is not None and p.deaths.value == 70  # another toll, not a finer one


def test_a_state_that_will_double_its_troops_somewhere_plans_a_deployment_there() -> None:
    body = "Inggris mengatakan akan menggandakan kekuatan pasukannya di Estonia.\n"
    facts = _facts("id", body, "2024-03-12")
    rows = [(_names(facts, d.by)[0], _names(facts, d.to)[0], d.status) for d in facts.deployments]
    assert rows == [("Inggris", "Estonia", DeploymentStatus.PLANNED)]


def test_troops_returning_home_from_a_mission_end_the_deployment_there() -> None:
    """Rule back-from-where-they-served, in English: "returning home after a mission in
    X", "returned home from X"."""
    for body in (
        "About 300 Alabama National Guard troops are returning home after a six-month "
        "peacekeeping mission in Kosovo. They were deployed in September.\n",
        "About 300 Alabama National Guard troops returned home from Kosovo over the weekend.\n",
    ):
        facts = _facts("en", body, "2002-03-05")
        rows = [(_names(facts, d.by)[0], _names(facts, d.to)[0]) for d in facts.deployments]
        assert rows == [("Alabama National Guard", "Kosovo")], body


def test_troops_headed_somewhere_in_coming_months_are_planned() -> None:
    body = "About 1,500 Mexican National Guard troops are headed to Tijuana in coming months.\n"
    (d,) = _facts("en", body, "2024-03-12").deployments
    assert d.status is DeploymentStatus.PLANNED
    body = "An advance team landed in Juba on Friday, while the rest will arrive in the coming weeks.\n"
    facts = _facts("en", "The UN sent troops to South Sudan. " + body, "2024-03-12")
    assert all(d.status is DeploymentStatus.HAPPENED for d in facts.deployments)


def test_a_24_hour_strike_is_a_protest_with_no_arrests() -> None:
    body = "Workers in Lagos held a 24-hour strike on Monday against the fuel price rise.\n"
    (p,) = _facts("en", body, "2024-03-12").protests
    assert p.start is not None and p.start.iso == "2024-03-11" and p.arrests is None


def test_troops_withdrawn_that_stood_guard_somewhere_leave_that_place() -> None:
    body = (
        "Polda Jawa Barat menarik sekitar 200 personel Brimob yang selama dua minggu berjaga "
        "di Kabupaten Garut, Minggu (5/3/2023).\n"
    )
    facts = _facts("id", body, "2023-03-06")
    (d,) = facts.deployments
    assert _names(facts, d.to)[0] == "Kabupaten Garut"
    assert d.withdrawal is not None and d.withdrawal.iso == "2023-03-05"


def test_an_undated_stop_on_the_route_of_a_protest_is_no_protest_of_its_own() -> None:
    body = (
        "Ratusan mahasiswa berunjuk rasa di Kabupaten Pringsewu menolak UU Cipta Kerja, Senin "
        "(12/10/2020). Aksi dimulai dari kantor bupati lalu berjalan kaki melewati Bundaran "
        "Gadingrejo menuju gedung DPRD.\n"
    )
    facts = _facts("id", body, "2020-10-13")
    assert [_names(facts, p.location)[0] for p in facts.protests] == ["Kabupaten Pringsewu"]


def test_the_toll_of_last_month_s_protests_is_not_today_s() -> None:
    body = (
        "Thousands protested in Dhaka on Friday, demanding the resignation of the prime "
        "minister. Last month's protests over the job quota system killed 150 people.\n"
    )
    (p,) = _facts("en", body, "2024-08-03").protests
    assert p.deaths is None


def test_a_law_written_out_as_a_cause_keeps_what_it_is_about() -> None:
    body = "A strike in La Paz began on Monday in protest of a law on illicit profits.\n"
    (p,) = _facts("en", body, "2024-03-12").protests
    assert "law on illicit profits" in p.causes


def test_related_videos_after_their_running_time_are_other_stories() -> None:
    body = (
        "Thousands protested in Madrid on Monday against austerity.\n"
        "01:17\n"
        "Nepal police kills at least 17 people protesting corruption and social media ban\n"
    )
    facts = _facts("en", body, "2024-03-12")
    (p,) = facts.protests
    assert p.causes == ("austerity",) and p.deaths is None
    assert {n for e in facts.entities for n in e.names} == {"Madrid"}


def test_a_call_to_protest_is_no_protest_held() -> None:
    body = (
        "Seruan aksi beredar di media sosial dan mengajak warga turun ke jalan untuk "
        "berdemonstrasi di gedung DPRD Kudus.\n"
    )
    assert _facts("id", body, "2025-09-02").protests == ()
    body = "The opposition called for protests in Nairobi.\n"
    assert _facts("en", body, "2025-09-02").protests == ()


def test_troops_received_go_where_the_force_that_takes_them_in_serves() -> None:
    # rule troops-received, rule the-receiving-force-s-area
    body = (
        "Polres Sigi menerima 200 personel BKO dari Polda Sulawesi Selatan untuk pengamanan "
        "Pilkada, Senin (4/11/2024).\n"
    )
    f = _facts("id", body, "2024-11-05")
    (d,) = f.deployments
    assert _names(f, d.by) == ("Polda Sulawesi Selatan",) and _names(f, d.to) == ("Sigi",)
    assert d.troops is not None and d.troops.value == 200
    body = "Polres Sigi kedatangan 200 personel bantuan dari Polda Sulawesi Selatan.\n"
    f = _facts("id", body, "2024-11-05")
    (d,) = f.deployments
    assert _names(f, d.by) == ("Polda Sulawesi Selatan",) and _names(f, d.to) == ("Sigi",)
    # the receiver sends no troops when nobody is named as their sender
    body = "Polres Sigi menerima 200 personel tambahan dari pusat.\n"
    f = _facts("id", body, "2024-11-05")
    assert all(_names(f, d.by) != ("Polres Sigi",) for d in f.deployments)
    # a report received is no troops received
    body = "Polres Sigi menerima laporan dari warga, Senin (4/11/2024).\n"
    assert _facts("id", body, "2024-11-05").deployments == ()


def test_the_sender_s_own_share_in_a_list_of_shares_is_a_part() -> None:
    # rule the-sender-s-own-share
    body = (
        "Polda Kalimantan Barat mengerahkan 1.500 personel gabungan untuk mengamankan unjuk "
        "rasa di Pontianak, Senin (19/5/2025). Personel tersebut terdiri atas Polda Kalimantan "
        "Barat sebanyak 1.100 personel, Polresta Pontianak 250 personel, dan TNI 150 personel.\n"
    )
    f = _facts("id", body, "2025-05-19")
    rows = sorted(
        (_names(f, d.by)[0], d.troops.value if d.troops else None, _names(f, d.part_of))
        for d in f.deployments
    )
    assert rows == [
        ("Polda Kalimantan Barat", 1100, ("Polda Kalimantan Barat",)),
        ("Polda Kalimantan Barat", 1500, ()),
        ("Polresta Pontianak", 250, ("Polda Kalimantan Barat",)),
        ("TNI", 150, ("Polda Kalimantan Barat",)),
    ]
    # alone in its list, the share is the whole's: no second row
    body = (
        "Polda Kalimantan Barat mengerahkan 1.500 personel yang terdiri atas 1.100 personel "
        "Polda Kalimantan Barat dan 400 polisi dari daerah lain ke Pontianak.\n"
    )
    f = _facts("id", body, "2025-05-19")
    assert [d.troops.value for d in f.deployments if d.troops] == [1500]


def test_a_cause_written_out_in_another_language_is_glossed_in_english() -> None:
    # rule a-cause-glossed, rule a-cause-s-acronym
    def causes(body: str) -> tuple[str, ...]:
        (p,) = _facts("id", body, "2025-03-25").protests
        return p.causes

    body = "Massa berunjuk rasa menolak perluasan wewenang TNI di Kota Malang, Senin (24/3/2025).\n"
    assert causes(body) == ("TNI authority expansion",)
    body = (
        "Ratusan warga berdemo memprotes kenaikan pajak bumi dan bangunan di Kabupaten "
        "Blora, Senin (24/3/2025).\n"
    )
    assert causes(body) == ("land and building tax rise",)
    body = (
        "Mahasiswa berdemo menolak pengesahan Undang-Undang Penyiaran Nasional (UU PN) di "
        "Kota Malang, Senin (24/3/2025).\n"
    )
    assert causes(body) == ("PN law passage",)
    # a word the gloss lacks writes no cause; a capital in a headline is no name
    body = "Mahasiswa berdemo menolak wacana berkepanjangan di Kota Malang, Senin (24/3/2025).\n"
    assert causes(body) == ()
    body = "Demo Ricuh, Mahasiswa Tolak Dibubarkan di Kota Malang, Senin (24/3/2025).\n"
    assert causes(body) == ()


def test_a_cause_whose_words_another_holds_is_dropped() -> None:
    # written out from the long name first, then the listed cause of the same words
    body = (
        "Ribuan buruh berdemo menolak revisi Undang-Undang Tentara Nasional Indonesia (UU "
        "TNI) di Kota Malang, Senin (24/3/2025). Buruh menilai revisi UU TNI berbahaya.\n"
    )
    (p,) = _facts("id", body, "2025-03-25").protests
    assert p.causes == ("revision of the TNI law",)


def test_links_after_a_read_also_line_are_other_stories() -> None:
    # rule links-after-a-read-also
    body = (
        "Polda Maluku mengirim 100 personel Brimob ke Kabupaten Buru.\n"
        "Baca juga:\n"
        "- Bentrokan Warga di Kabupaten Seram yang Tewaskan 3 Orang Dipicu Sengketa Lahan "
        "Antardesa\n"
    )
    f = _facts("id", body, "2024-10-08")
    assert f.protests == () and len(f.deployments) == 1
    assert "Kabupaten Seram" not in {n for e in f.entities for n in e.names}


def test_an_illustration_label_is_no_dateline() -> None:
    body = (
        "ILUSTRASI - Personel gabungan.\n\n"
        "Medan, Antara - Ratusan buruh berunjuk rasa di depan Gedung DPRD Sumut, Kamis "
        "(3/10/2024).\n"
    )
    (p,) = _facts("id", body, "2024-10-03").protests
    assert p.start is not None and p.start.value == dt.date(2024, 10, 3)
    assert "ILUSTRASI" not in {
        n for e in _facts("id", body, "2024-10-03").entities for n in e.names
    }


def test_riot_words_are_protests() -> None:
    f = _facts("id", "Rusuh pecah di Kota Nabire pada Senin (7/6/2021). Sebanyak 12 orang tewas.\n")
    (p,) = f.protests
    assert _names(f, p.location) == ("Kota Nabire",) and p.deaths and p.deaths.value == 12
    (p,) = _facts("id", "Kericuhan terjadi di Kota Timika pada Senin (7/6/2021).\n").protests
    assert p.start is not None and p.start.value == dt.date(2021, 6, 7)


def test_troops_coming_down_and_a_crowd_told_to_pull_back_are_no_resignations() -> None:
    body = (
        "Ratusan mahasiswa berdemo menolak kenaikan harga BBM di Makassar, Senin (7/10/2024). "
        "Bentrokan terhindar setelah koordinator aksi meminta massa mundur.\n"
    )
    (p,) = _facts("id", body, "2024-10-08").protests
    assert p.causes == ("fuel price rise",)
    body = (
        "Kerusuhan melanda Kota Ambon pada Senin (7/10/2024). Turunnya dua SSK dari Batalyon "
        "733 untuk mengantisipasi kerusuhan susulan di Kota Ambon.\n"
    )
    (p,) = _facts("id", body, "2024-10-08").protests
    assert p.causes == ()
    body = (
        "Ribuan warga berdemo di Kabupaten Pati menuntut Bupati Sudewo mundur, Senin (7/10/2024).\n"
    )
    (p,) = _facts("id", body, "2024-10-08").protests
    assert p.causes == ("demand for the resignation",)


def test_troops_brought_in_and_added() -> None:
    # "mendatangkan ... dari X ke Y": the subject takes the troops in, X sends them
    f = _facts(
        "id",
        "Polda Sulsel mendatangkan 500 personel Brimob dari Polda Bali ke Kota Palopo, Senin "
        "(7/6/2021).\n",
    )
    (d,) = f.deployments
    assert _names(f, d.by) == ("Polda Bali",) and _names(f, d.to) == ("Kota Palopo",)
    f = _facts("id", "Sebanyak 129 personel TNI didatangkan ke Kota Sorong, Senin (7/6/2021).\n")
    (d,) = f.deployments
    assert _names(f, d.to) == ("Kota Sorong",) and d.troops is not None and d.troops.value == 129
    f = _facts("id", "Setidaknya 250 prajurit TNI ditambahkan ke Kabupaten Intan Jaya.\n")
    (d,) = f.deployments
    assert _names(f, d.to) == ("Kabupaten Intan Jaya",) and d.troops is not None
    # "NIS menambahkan ...": a speaker adds a remark, not troops
    f = _facts("id", "NIS menambahkan bahwa Korea Utara mengirim 1.500 tentara ke Rusia.\n")
    assert [_names(f, d.by) for d in f.deployments] == [("Korea Utara",)]


def test_a_roll_call_where_troops_were_sent_off_is_no_destination() -> None:
    body = (
        "Polri mengerahkan 20 ribu personel Brimob untuk mengamankan Pemilu, kata Kabaharkam "
        "dalam apel gelar pasukan di Cikeas, Jawa Barat, Rabu (9/6/2021).\n"
    )
    f = _facts("id", body, "2021-06-10")
    assert all(_names(f, d.to) != ("Cikeas",) for d in f.deployments)


def test_a_rejection_of_a_law_is_its_cause() -> None:
    body = (
        "Ribuan mahasiswa menggelar aksi penolakan atas UU Penyiaran di Kota Semarang, Kamis "
        "(3/6/2021).\n"
    )
    (p,) = _facts("id", body, "2021-06-04").protests
    assert p.causes == ("Penyiaran law",)


def test_a_send_off_told_in_the_next_sentence_dates_the_deployment() -> None:
    body = (
        "TNI memberangkatkan 300 prajurit ke Sudan Selatan. Upacara pelepasan digelar pada "
        "Selasa, 9 Mei 2023, di Cilangkap.\n"
    )
    (d,) = _facts("id", body, "2023-05-10").deployments
    assert d.start is not None and d.start.value == dt.date(2023, 5, 9)


def test_task_forces_counted_apart_in_the_next_sentence_are_parts() -> None:
    body = (
        "Mabes TNI melepas 900 prajurit ke Sudan. Mereka terdiri dari 700 personel Satgas "
        "Batalyon Mekanis dan 200 personel Satgas Kompi Zeni.\n"
    )
    f = _facts("id", body, "2023-05-10")
    parts = sorted((d.troops.value, _names(f, d.part_of)) for d in f.deployments if d.troops)
    assert parts == [(200, ("Mabes TNI",)), (700, ("Mabes TNI",)), (900, ())]


def test_troops_relocated_are_sent() -> None:
    (d,) = _facts(
        "id", "Kenya telah merelokasi 400 polisi ke Haiti pada Senin (8/5/2023).\n"
    ).deployments
    assert d.troops is not None and d.troops.value == 400


def test_troops_back_in_the_homeland_end_the_deployment_where_they_served() -> None:
    body = (
        "Sebanyak 173 prajurit TNI kembali ke tanah air pada Kamis (11/5/2023) setelah setahun "
        "bertugas di Kongo.\n"
    )
    f = _facts("id", body, "2023-05-11")
    (d,) = f.deployments
    assert _names(f, d.to) == ("Kongo",) and d.end is not None
    assert d.end.value == dt.date(2023, 5, 11)


def test_a_contingent_serving_as_part_of_a_force_is_its_part() -> None:
    # rule a-contingent-of-the-force-it-serves
    f = _facts(
        "en",
        "About 300 Zambian soldiers arrived in Beira on Monday as part of the SADC mission.\n",
        "2024-03-10",
    )
    rows = {(_names(f, d.by)[0], _names(f, d.part_of)) for d in f.deployments}
    assert rows == {("SADC", ()), ("Zambia", ("SADC",))}
    # lower-case words between: "as part of a joint SADC force"
    f = _facts(
        "en",
        "About 300 Zambian soldiers arrived in Beira on Monday as part of a joint SADC force.\n",
        "2024-03-10",
    )
    rows = {(_names(f, d.by)[0], _names(f, d.part_of)) for d in f.deployments}
    assert rows == {("SADC", ()), ("Zambia", ("SADC",))}
    f = _facts(
        "id",
        "Sebanyak 500 prajurit Uganda tiba di Kota Goma sebagai bagian dari EACRF, Senin "
        "(4/3/2024).\n",
        "2024-03-10",
    )
    rows = {(_names(f, d.by)[0], _names(f, d.part_of)) for d in f.deployments}
    assert rows == {("EACRF", ()), ("Uganda", ("EACRF",))}
    # a unit of another army is no force the contingent serves
    f = _facts(
        "id",
        "Sekitar 500 tentara Belarus dikerahkan di Donetsk sebagai bagian dari unit artileri.\n",
    )
    assert {_names(f, d.by)[0] for d in f.deployments} == {"Belarus"}


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("en", "Kenya's parliament on Monday approved the deployment of 900 police to Haiti.\n"),
        ("en", "Kenya's cabinet approved on Monday a plan to send 900 police to Haiti.\n"),
        ("id", "DPR pada Senin (8/5/2023) menyetujui pengiriman 900 polisi ke Haiti.\n"),
    ],
)
def test_the_day_a_plan_was_decided_is_no_start(lang: str, body: str) -> None:
    """Rule a-plan-s-day-of-deciding: a date that goes with a verb of deciding before the
    verb of deploying is the day the plan was decided; the codebook's start is the day
    the troops go, which these sentences do not give."""
    f, trace = _traced(lang, body, "2023-05-09")
    (d,) = f.deployments
    assert d.status is DeploymentStatus.PLANNED and d.start is None
    assert "start:a-plan-s-day-of-deciding" in _rules(trace, "deployments", d.id)


def test_a_plan_s_own_day_and_a_deployment_after_a_decision_keep_their_start() -> None:
    """Rule a-plan-s-day-of-deciding leaves the day troops go, and the day of a deployment
    that happened after a decision."""
    (d,) = _facts(
        "en", "Kenya will send 900 police to Haiti on Friday.\n", "2023-05-09"
    ).deployments
    assert d.start is not None and d.start.iso == "2023-05-12"
    body = "Kenya sent 900 police to Haiti on Monday after parliament approved the plan.\n"
    (d,) = _facts("en", body, "2023-05-09").deployments
    assert d.status is DeploymentStatus.HAPPENED
    assert d.start is not None and d.start.iso == "2023-05-08"


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("en", "Senegal has withdrawn the rest of its 300 soldiers from Gambia.\n"),
        (
            "en",
            "Senegal said on Monday it had pulled the last of the 300 soldiers out of Gambia.\n",
        ),
        ("id", "Senegal telah menarik sisa 300 tentaranya yang terakhir dari Gambia.\n"),
    ],
)
def test_a_long_object_that_ends_with_the_troops_still_leaves_its_place(
    lang: str, body: str
) -> None:
    """Rule the-troops-end-the-object-left-from: the place after "from" is the one the
    troops leave however many words open their phrase ("the rest of its 300 soldiers")."""
    f = _facts(lang, body, "2023-05-09")
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [
        (("Senegal",), ("Gambia",))
    ]
    assert f.deployments[0].troops is not None and f.deployments[0].troops.value == 300


def test_a_bloc_s_members_are_no_troops() -> None:
    body = "The 12-member bloc agreed on Wednesday that SADC will deploy troops to Mozambique.\n"
    (d,) = _facts("en", body, "2024-03-10").deployments
    assert d.troops is None
    (d,) = _facts("en", "Kenya sent a 400-member contingent to Haiti on Sunday.\n").deployments
    assert d.troops is not None and d.troops.value == 400


def test_planes_that_touched_down_brought_troops() -> None:
    body = "Two planes carrying about 150 Zambian troops touched down in Beira on Sunday.\n"
    f = _facts("en", body, "2024-03-10")
    (d,) = f.deployments
    assert _names(f, d.to) == ("Beira",) and d.troops is not None and d.troops.value == 150


def test_a_completed_withdrawal_needs_no_troop_noun() -> None:
    # rule a-withdrawal-completed
    f = _facts("en", "France completed its withdrawal from Niger on Friday.\n", "2024-03-10")
    (d,) = f.deployments
    assert _names(f, d.by) == ("France",) and _names(f, d.to) == ("Niger",)
    assert d.end is not None and d.end.value == dt.date(2024, 3, 8)
    f = _facts("id", "AS menyelesaikan penarikan dari Niger pada Jumat (8/3/2024).\n", "2024-03-10")
    (d,) = f.deployments
    assert d.end is not None and d.end.value == dt.date(2024, 3, 8)
    # a company's withdrawal from a market moves no troops
    f = _facts(
        "en", "Acme Holdings completed its withdrawal from Russia on Friday.\n", "2024-03-10"
    )
    assert f.deployments == ()


def test_a_time_of_day_and_a_day_of_the_month_count_nobody() -> None:
    body = (
        "Students marched in Lagos on Monday against the fee rise. The police detained a "
        "number of people from the spot around 12:30 pm.\n"
    )
    (p,) = _facts("en", body).protests
    assert p.arrests is None or p.arrests.value is None
    body = "A protester was on Tuesday May 18 shot dead during the rally against the new tax in Accra.\n"
    (p,) = _facts("en", body).protests
    assert p.deaths is None or p.deaths.value != 18
    (p,) = _facts("en", "Police arrested 18 protesters in Accra on May 18.\n").protests
    assert p.arrests is not None and p.arrests.value == 18
    body = "Polisi menangkap 20 demonstran di Medan pada pukul 12.30 WIB, Senin (7/6/2021).\n"
    (p,) = _facts("id", body).protests
    assert p.arrests is not None and p.arrests.value == 20


def test_a_protest_also_held_in_another_town_is_its_own_row() -> None:
    # rule also-in-another-town
    body = (
        "Thousands rallied in Kigali on Friday against the land law. There were also protests "
        "in Huye, the second-largest city.\n"
    )
    f = _facts("en", body)
    assert [(_names(f, p.location)[0], p.start.value if p.start else None) for p in f.protests] == [
        ("Kigali", dt.date(2021, 6, 4)),
        ("Huye", dt.date(2021, 6, 4)),
    ]
    body = (
        "Ribuan mahasiswa berdemo di Kota Medan, Senin (7/6/2021). Aksi serupa juga digelar di "
        "Kota Binjai.\n"
    )
    assert len(_facts("id", body).protests) == 2
    # "juga" about something else, in the same town: no second protest
    body = (
        "Ribuan pengemudi berdemo di Jakarta Pusat, Senin (7/6/2021). Polisi juga meminta "
        "peserta aksi menjaga ketertiban.\n"
    )
    assert len(_facts("id", body).protests) == 1


def test_protests_also_held_in_a_list_of_towns_are_a_row_each() -> None:
    # rule also-in-other-towns: the towns listed after "also" or a similar protest are each
    # a protest on the day told before, not a wave that swallows the first
    body = (
        "Ribuan mahasiswa berunjuk rasa di Jakarta, Kamis (10/6/2021), menolak kenaikan "
        "tunjangan anggota DPR. Aksi serupa juga terjadi di Makassar, Surabaya, dan Medan.\n"
    )
    f = _facts("id", body)
    rows = [(_names(f, p.location)[0], p.start.value if p.start else None) for p in f.protests]
    day = dt.date(2021, 6, 10)
    assert rows == [("Jakarta", day), ("Makassar", day), ("Surabaya", day), ("Medan", day)]
    assert all(p.causes == f.protests[0].causes for p in f.protests)
    body = (
        "Thousands rallied in Nairobi on Friday over tax increases. Demonstrations also took "
        "place in Mombasa, Kisumu and Nakuru.\n"
    )
    f = _facts("en", body)
    assert [_names(f, p.location)[0] for p in f.protests] == [
        "Nairobi",
        "Mombasa",
        "Kisumu",
        "Nakuru",
    ]
    # towns of several countries, on a day of their own
    body = (
        "Thousands of farmers rallied in Brussels on Monday to protest against EU farm "
        "policies. Similar protests took place in Paris and Madrid on Friday.\n"
    )
    f = _facts("en", body)
    rows = [(_names(f, p.location)[0], p.start.value if p.start else None) for p in f.protests]
    friday = dt.date(2021, 6, 4)
    assert rows == [("Brussels", dt.date(2021, 6, 7)), ("Paris", friday), ("Madrid", friday)]
    assert f.protests[0].causes == ("EU farm policies",)
    # smaller rallies elsewhere are each a rally of their town, as similar ones are
    body = (
        "Tens of thousands rallied in Belgrade on Saturday. Smaller rallies were held in Nis "
        "and Kragujevac.\n"
    )
    f = _facts("en", body)
    assert [_names(f, p.location)[0] for p in f.protests] == ["Belgrade", "Nis", "Kragujevac"]


def test_a_head_s_title_before_a_place_names_his_body_as_the_sender() -> None:
    # rule the-body-a-title-names
    body = (
        "Kapolda Maluku Irjen Anton Lesnussa mengatakan, ada penambahan 300 personel di Kota "
        "Tual, Selasa (8/6/2021).\n"
    )
    f = _facts("id", body, "2021-06-09")
    (d,) = f.deployments
    assert _names(f, d.by) == ("Polda Maluku",) and _names(f, d.to) == ("Kota Tual",)
    assert f.entity(d.by).type.value == "Organization"


def test_troops_sent_to_the_place_pointed_back_to() -> None:
    # rule the-place-pointed-back-to
    body = (
        "Bentrokan antarwarga pecah di Pulau Seram, Maluku. Polda Maluku mengirim satu kompi "
        "Brimob ke lokasi pada Senin (7/6/2021) untuk meredam situasi.\n"
    )
    f = _facts("id", body)
    (d,) = f.deployments
    assert _names(f, d.to) == ("Pulau Seram",)
    body = (
        "Kerusuhan pecah di Kota Sorong, Kamis (3/6/2021). Polda Papua Barat mengirim 200 "
        "personel ke sana, Senin (7/6/2021).\n"
    )
    f = _facts("id", body)
    (d,) = f.deployments
    assert _names(f, d.to) == ("Kota Sorong",)


def test_places_a_general_destination_stands_for_are_the_destinations() -> None:
    # rule places-a-destination-stands-for
    body = "Korps Brimob mengerahkan 500 personel ke dua provinsi, yakni Aceh dan Riau.\n"
    f = _facts("id", body)
    assert {_names(f, d.to)[0] for d in f.deployments} == {"Aceh", "Riau"}
    body = "Kenya sent 300 officers to two cities, namely Port-au-Prince and Cap-Haitien.\n"
    f = _facts("en", body)
    assert {_names(f, d.to)[0] for d in f.deployments} == {"Port-au-Prince", "Cap-Haitien"}
    # a mission present in places it lists was not sent there
    body = (
        "MONUSCO, which has around 15,000 peacekeepers in Congo, is still present in three "
        "provinces, namely South Kivu, North Kivu and Ituri.\n"
    )
    f = _facts("en", body)
    assert "Ituri" not in {_names(f, d.to)[0] for d in f.deployments}


def test_a_total_told_after_a_vague_count_is_the_count() -> None:
    body = (
        "Polres Solo mengerahkan ribuan personel ke Kota Solo, Senin (7/10/2024). Total personel "
        "yang dikerahkan mencapai 1.320.\n"
    )
    (d,) = _facts("id", body, "2024-10-08").deployments
    assert d.troops is not None and d.troops.value == 1320


def test_an_exact_count_told_again_beats_a_vague_one() -> None:
    body = (
        "Italia mengirim ribuan tentara ke Kosovo. Pejabat mengatakan Italia mengirim 3.000 "
        "tentara ke Kosovo.\n"
    )
    (d,) = _facts("id", body, "2024-10-08").deployments
    assert d.troops is not None and d.troops.value == 3000


def test_a_protest_by_a_people_is_in_their_country_and_a_law_is_no_place() -> None:
    body = (
        "Several protesters were on Tuesday shot dead during the shutdown protest by Kenyans "
        "over higher taxes in Finance Act 2023.\n"
    )
    f = _facts("en", body)
    (p,) = f.protests
    assert f.entity(p.location).authority == "kenya"
    assert "Finance Act 2023" not in {n for e in f.entities for n in e.names}


def test_a_written_out_cause_ends_before_the_sentence_s_verb() -> None:
    (p,) = _facts("en", "Protests against the president continued in southern Peru.\n").protests
    assert p.causes == ("president",)
    body = "Thousands protested against the proposed tax in Lima on Monday.\n"
    (p,) = _facts("en", body).protests
    assert p.causes == ("proposed tax",)


def test_a_plan_for_today_happens_and_a_past_decision_day_is_no_start() -> None:
    body = "The Government of Rwanda will today start the deployment of 700 troops to Bangui.\n"
    (d,) = _facts("en", body, "2024-03-10").deployments
    assert d.status is DeploymentStatus.HAPPENED
    body = "Kenya resolved last June to send 300 troops to Haiti.\n"
    (d,) = _facts("en", body, "2024-03-10").deployments
    assert d.status is DeploymentStatus.PLANNED and d.start is None
    body = "Kenya will send 300 troops to Haiti in June.\n"
    (d,) = _facts("en", body, "2024-03-10").deployments
    assert d.start is not None and d.start.value == dt.date(2024, 6, 1)


def test_an_area_a_site_word_names_lies_in_the_place_after_it() -> None:
    body = (
        "Mahasiswa menggelar demo di kawasan Kebon Sirih, Jakarta Pusat, Senin (8/5/2023), "
        "menolak UU Cipta Kerja.\n"
    )
    (p,) = (f := _facts("id", body, "2023-05-09")).protests
    assert _names(f, p.location) == ("Jakarta Pusat",)


def test_a_council_named_by_one_word_of_its_area_is_one_name() -> None:
    body = "Ratusan mahasiswa berdemo di depan kantor DPRD Sigi, Senin (8/5/2023).\n"
    f = _facts("id", body, "2023-05-09")
    (p,) = f.protests
    assert _names(f, p.location) == ("Sigi",)
    # a title's holder after the council is still a person
    f = _facts("id", "Ketua DPRD Budi Santoso mengatakan itu.\n")
    assert ("Budi Santoso",) in {e.names for e in f.entities}


def test_parts_listed_after_meliputi_and_lent_bko_are_counted_parts() -> None:
    body = (
        "Polres Madiun mengerahkan 600 personel ke Kabupaten Madiun, meliputi 450 personel "
        "Polres Madiun dan 150 personel BKO Polda Jatim.\n"
    )
    f = _facts("id", body, "2024-04-11")
    parts = {(_names(f, d.by)[0], d.troops.value) for d in f.deployments if d.part_of and d.troops}
    assert parts == {("Polres Madiun", 450), ("Polda Jatim", 150)}


def test_a_joint_force_counted_by_its_parts_is_sent_by_the_first() -> None:
    body = (
        "Sebanyak 640 personel gabungan disiagakan di wilayah Maluku Utara, terdiri dari 400 "
        "personel Polri dan 240 personel TNI.\n"
    )
    f = _facts("id", body, "2024-12-19")
    rows = {(_names(f, d.by)[0], d.troops.value if d.troops else None) for d in f.deployments}
    assert rows == {("Polri", 640), ("Polri", 400), ("TNI", 240)}


def test_the_owner_of_what_is_protested_is_no_place_and_the_capital_is_the_sender_s() -> None:
    # rule whose-act-is-protested
    body = "About 20,000 people gathered in Kowloon on Sunday to protest China's crackdown on the press.\n"
    f = _facts("en", body, "2023-05-15")
    (p,) = f.protests
    assert _names(f, p.location) == ("Kowloon",) and any("crackdown" in c for c in p.causes)
    # rule the-sender-s-capital
    body = (
        "DHAKA (AP) — Bangladeshi authorities deployed armored vehicles and troops in the "
        "streets of the capital on Wednesday.\n"
    )
    f = _facts("en", body, "2023-05-15")
    (d,) = f.deployments
    assert f.entity(d.by).authority == "bangladesh" and f.entity(d.to).authority == "dhaka"


def test_a_plan_word_inside_a_longer_word_is_no_plan() -> None:
    body = (
        "Jubir itu mengatakan AS telah mengonfirmasi bahwa Rusia menambah 5.000 tentara di "
        "perbatasan Ukraina.\n"
    )
    (d,) = _facts("id", body).deployments
    assert d.status is DeploymentStatus.HAPPENED  # "akan" of "mengatakan" is no plan
    (d,) = _facts("id", "Rusia akan menambah 5.000 tentara di perbatasan Ukraina.\n").deployments
    assert d.status is DeploymentStatus.PLANNED


def test_the_ages_of_those_arrested_are_no_count_of_them() -> None:
    body = (
        "Police said 52 people aged between 15 and 60 years old were arrested on Monday during "
        "a protest in Kowloon.\n"
    )
    (p,) = _facts("en", body, "2023-05-15").protests
    assert p.arrests is not None and p.arrests.value == 52
    body = "Polisi menangkap 52 demonstran berusia antara 15 dan 60 tahun di Medan, Senin (8/5/2023).\n"
    (p,) = _facts("id", body, "2023-05-15").protests
    assert p.arrests is not None and p.arrests.value == 52


def test_troops_who_guard_what_a_place_holds_are_sent_there() -> None:
    # rule guarded-by-troops, rule the-place-of-what-they-guard
    body = (
        "Upacara pelantikan gubernur di Kota Palu akan dijaga oleh sekitar 2.000 personel "
        "gabungan TNI-Polri.\n"
    )
    f = _facts("id", body, "2024-05-02")
    (d,) = f.deployments
    assert _names(f, d.to) == ("Kota Palu",) and d.troops is not None and d.troops.value == 2000
    assert d.status is DeploymentStatus.PLANNED
    # students held by the police were arrested, not guarded
    body = "Sebanyak 32 mahasiswa diamankan oleh polisi dalam unjuk rasa di Kota Makassar.\n"
    assert _facts("id", body, "2024-05-02").deployments == ()


def test_each_place_a_sentence_opens_with_gets_its_share() -> None:
    # rule the-place-a-sentence-is-about, rule each-place-s-share
    body = (
        "Polri menyiapkan pengamanan May Day di dua provinsi. Untuk wilayah Jawa Barat, ada "
        "1.100 personel gabungan yang akan dikerahkan. Sedangkan Jawa Tengah, terdapat 2.300 "
        "personel gabungan.\n"
    )
    f = _facts("id", body, "2023-04-30")
    rows = {
        (_names(f, d.by)[0], _names(f, d.to)[0], d.troops.value) for d in f.deployments if d.troops
    }
    assert rows == {("Polri", "Jawa Barat", 1100), ("Polri", "Jawa Tengah", 2300)}


def test_a_count_told_before_each_place_is_that_place_s() -> None:
    body = (
        "Polri menambah 600 personel di Kota Tual dan Kota Ambon, Selasa (8/6/2021). "
        "Pembagiannya, 400 personel di Tual dan 200 personel di Ambon.\n"
    )
    f = _facts("id", body)
    rows = {(_names(f, d.to)[0], d.troops.value if d.troops else None) for d in f.deployments}
    assert rows == {("Kota Tual", 400), ("Kota Ambon", 200)}
    # units counted are no troops, and the next place's count is not this one's
    body = body.replace("400 personel di Tual dan 200 personel", "4 SST di Tual dan 2 SST")
    f = _facts("id", body)
    assert all(d.troops is None for d in f.deployments)


def test_a_protest_in_the_town_a_sentence_opens_with_is_that_town_s() -> None:
    # rule the-town-the-sentence-opens-with
    body = (
        "Buruh berunjuk rasa menolak kenaikan harga BBM di Jakarta, Senin (8/5/2023).\n"
        "Di Palembang, buruh berunjuk rasa di depan kantor DPRD Sumatera Selatan.\n"
        "Sementara, di Pontianak, mahasiswa berunjuk rasa di depan kantor gubernur.\n"
    )
    f = _facts("id", body, "2023-05-09")
    rows = [(_names(f, p.location)[0], p.start.value if p.start else None) for p in f.protests]
    day = dt.date(2023, 5, 8)
    assert rows == [("Jakarta", day), ("Palembang", day), ("Pontianak", day)]
    # a raid in the town a sentence opens with sends no troops counted by nobody
    body = (
        "Thousands marched in Lima on Monday against the president. Meanwhile, in Cusco, "
        "the police entered the university.\n"
    )
    assert _facts("en", body, "2023-05-09").deployments == ()


def test_a_crowd_pushed_back_and_a_demand_to_pull_back_are_no_withdrawals() -> None:
    body = (
        "Polisi memukul mundur massa demo di depan Balai Kota Surabaya pada Senin (6/3/2023). "
        "Polres Surabaya mengerahkan 800 personel untuk mengawal aksi unjuk rasa di kawasan "
        "Balai Kota Surabaya.\n"
    )
    (d,) = _facts("id", body, "2023-03-10").deployments
    assert d.withdrawal is None and d.troops is not None and d.troops.value == 800
    body = (
        "Ratusan mahasiswa berdemo di Jayapura, Senin (6/3/2023). Mereka menuntut tarik mundur "
        "polisi dan tentara di Nduga.\n"
    )
    assert _facts("id", body, "2023-03-10").deployments == ()
    # troops that pull back from a town still leave it
    (d,) = _facts("id", "Pasukan Rusia mundur dari Kherson pada Jumat (11/11/2022).\n").deployments
    assert d.withdrawal is not None


def test_an_act_of_troops_is_no_protest() -> None:
    # rule troops-act
    body = (
        "Menteri Pertahanan Israel mengatakan pasukan akan segera melakukan aksi di dekat "
        "perbatasan Lebanon.\n"
    )
    assert _facts("id", body, "2023-05-10").protests == ()
    body = "Israel melancarkan aksi militer di Gaza, Senin (8/5/2023).\n"
    assert _facts("id", body, "2023-05-10").protests == ()
    body = "Ratusan mahasiswa menggelar aksi di depan DPRD Kota Bitung, Senin (8/5/2023).\n"
    assert len(_facts("id", body, "2023-05-10").protests) == 1


def test_troops_operating_in_a_country_are_deployed_there() -> None:
    """ "N mercenaries have operated in X since ...", "N tentara ... beroperasi di X sejak ...":
    presence with no verb of sending is a deployment that happened, from the day told."""
    for lang, body in (
        ("en", "Some 800 Northland mercenaries have operated in Southland since March 2023.\n"),
        ("id", "Sekitar 800 tentara bayaran Rusia beroperasi di Niger sejak Maret 2023.\n"),
    ):
        f = _facts(lang, body, published="2025-03-01")
        (d,) = f.deployments
        assert d.status is DeploymentStatus.HAPPENED
        assert d.troops is not None and d.troops.value == 800
        assert d.start is not None and (d.start.value.year, d.start.value.month) == (2023, 3)


def test_a_blocked_deployment_has_not_happened() -> None:
    """ "A judge blocked the deployment of ...": troops ordered out but stopped are planned."""
    f = _facts("en", "A judge blocked the deployment of the National Guard in Portland.\n")
    assert [d.status for d in f.deployments] == [DeploymentStatus.PLANNED]
    f = _facts("en", "Oregon sued to block the deployment of 200 Guard troops to Portland.\n")
    assert [d.status for d in f.deployments] == [DeploymentStatus.PLANNED]


def test_troops_that_flew_out_of_a_country_withdraw_from_it() -> None:
    """ "Senegalese troops flew out of Gambia on Sunday": a withdrawal from Gambia that began
    on Sunday, not troops flown to a place."""
    f = _facts(
        "en",
        "Senegalese troops flew out of Gambia on Sunday, marking the start of the withdrawal.\n",
        "2024-03-05",
    )
    (d,) = f.deployments
    assert (_names(f, d.by), _names(f, d.to)) == (("Senegal",), ("Gambia",))
    assert d.withdrawal is not None and d.withdrawal.value == dt.date(2024, 3, 3)


def test_troops_withdrawn_from_around_a_town() -> None:
    """ "mundur dari sekitar Lachin": "sekitar" before a name leads to a place, as "dekat"."""
    f = _facts("id", "Pasukan Armenia mundur dari sekitar Lachin pada Rabu.\n", "2022-08-26")
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [
        (("Armenia",), ("Lachin",))
    ]


def test_troops_that_enter_a_country_are_deployed_there() -> None:
    """ "Ribuan tentara Azerbaijan masuk ke Armenia": an incursion, as "entered" is."""
    f = _facts("id", "Ribuan tentara Azerbaijan masuk ke Armenia pada Selasa (13/9/2022).\n")
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [
        (("Azerbaijan",), ("Armenia",))
    ]


def test_the_military_of_a_country_written_before_it_is_that_country_s() -> None:
    """Rule the-named-country-s-military: "The US military had been deployed in Niger" is
    the United States', not Niger's own army."""
    f = _facts(
        "en",
        "The US military had been deployed in Niger to combat terrorism and kept a drone base "
        "in Agadez.\n",
        "2024-07-10",
    )
    assert {_names(f, d.by)[0] for d in f.deployments} == {"US"}


def test_a_head_of_state_titled_in_the_sentence_sends_the_state_s_troops() -> None:
    """Rule a-head-of-state-sends-the-state-s-troops: "President Ana Lopes deployed 700
    soldiers to Porto" sends her state's (the country of the place, here); a bare name with
    no title in the sentence sends nothing, and nobody is ever a sender."""
    f = _facts(
        "en",
        "President Ana Lopes deployed 700 soldiers to Lisbon on Monday, officials said.\n",
        "2025-06-10",
    )
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [
        (("Portugal",), ("Lisbon",))
    ]
    f = _facts("en", "Lopes sends 700 soldiers to Lisbon on Monday.\n", "2025-06-10")
    assert all(f.entity(d.by).type.value != "Person" for d in f.deployments)


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "en",
            "LUMEN CITY, Corvenna (Harbour Wire) - Valdoria sent about 800 soldiers to "
            "Corvenna on Monday, its defence ministry said.\n",
        ),
        ("id", "Valdoria mengirim sekitar 800 tentara ke Corvenna pada Senin (8/5/2023).\n"),
    ],
)
def test_an_unknown_name_that_sends_troops_is_a_state_or_a_body(lang: str, body: str) -> None:
    """Rule the-subject-of-a-sending-is-a-body: one capitalised word no gazetteer knows,
    right before a verb of sending troops, is the sender (the learned typer says a state
    here, by its ending), not left out while the dateline's town is taken instead."""
    f, trace = _traced(lang, body, "2023-05-09")
    (d,) = f.deployments
    assert (_names(f, d.by), _names(f, d.to)) == (("Valdoria",), ("Corvenna",))
    assert d.troops is not None and d.troops.value == 800
    assert f.entity(d.by).type.value == "Location"
    assert "entity:sender" in _rules(trace, "entities", d.by)


@pytest.mark.parametrize(
    "body",
    [
        "Officials sent 200 police officers to Kalo on Monday.\n",  # a noun, capitalised
        "Lopes sends 700 soldiers to Lisbon on Monday.\n",  # a surname nobody introduced
        "Marta sent 300 soldiers to Lisbon on Monday.\n",  # a given name
    ],
)
def test_a_word_before_a_sending_that_is_no_body_sends_nothing(body: str) -> None:
    """Rule the-subject-of-a-sending-is-a-body does not make a sender of a capitalised
    common noun, a surname or a given name."""
    f = _facts("en", body, "2025-06-10")
    assert [_names(f, d.by) for d in f.deployments] == []
    assert not any(e.names[0] in ("Officials", "Lopes", "Marta") for e in f.entities)


def test_a_place_after_the_unit_troops_came_from_is_no_destination() -> None:
    """ "deployed from the 152nd Airlift Wing in Reno": the unit's home, far behind "from",
    is where they came from; the sentence before says where they went."""
    f = _facts(
        "en",
        "Governor Jane Smith sent 300 Nevada National Guard troops to Laughlin on Monday. "
        "The troops were activated and deployed from the 152nd Airlift Wing in Reno, Nevada.\n",
        "2024-10-01",
    )
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [
        (("Nevada National Guard",), ("Laughlin",))
    ]


def test_the_capital_of_a_country_is_its_capital_town() -> None:
    """ "the capital of Togo was rocked by a wave of protests", in an article that names
    Lomé: a protest in Lomé, not across Togo."""
    f = _facts(
        "en",
        "Two traders were killed during the protests in Lomé on May 26, 27 and 28.\n\n"
        "On May 26, 27 and 28, 2021, the capital of Togo was rocked by a wave of protests "
        "against the regime.\n",
    )
    assert [(_names(f, p.location), str(p.start.value)) for p in f.protests] == [
        (("Lomé",), "2021-05-26")
    ]


def test_protests_on_days_an_undated_article_cannot_give_are_still_protests() -> None:
    """ "opened fire yesterday to disperse protesters in Chiang Mai" with the publication
    date unknown: a protest in Chiang Mai on no day kg can give, and another in Khon Kaen,
    not one protest in the dateline's town."""
    f = _facts(
        "en",
        "BANGKOK: Security forces opened fire yesterday to disperse protesters in the city of "
        "Chiang Mai. A protest yesterday led by students in Khon Kaen was met with force.\n",
        "unknown",
    )
    assert [(_names(f, p.location), p.start) for p in f.protests] == [
        (("Chiang Mai",), None),
        (("Khon Kaen",), None),
    ]


def test_a_dateline_abroad_is_not_where_the_protest_was() -> None:
    """ "JAKARTA - Unjuk rasa menuntut pemilu ulang berlanjut di Bolivia": an Indonesian
    outlet's dateline on news from Bolivia is where it was written; the protest is in
    Bolivia, and the building they rally at is there too."""
    f = _facts(
        "id",
        "JAKARTA - Unjuk rasa menuntut pemilu ulang berlanjut di Bolivia. Demonstrasi pada "
        "Kamis (10/6/2021) menewaskan tiga orang.\n",
    )
    assert [_names(f, p.location) for p in f.protests] == [("Bolivia",)]
    f = _facts(
        "id",
        "JAKARTA - Polisi Bolivia menembakkan gas air mata ke arah pengunjuk rasa. Presiden "
        "Bolivia menyuarakan dukungannya terhadap demonstrasi di depan istana pada Kamis.\n",
    )
    assert [_names(f, p.location) for p in f.protests] == [("Bolivia",)]


def test_the_government_of_the_story_sends_its_military() -> None:
    """ "Reuters reporters saw army trucks after the government deployed the military": the
    state the story is in sends them, not the news agency named before the verb."""
    f = _facts(
        "en",
        "Protests continued in Bolivia on Thursday. Reuters reporters saw army trucks after the "
        "government deployed the military to help police.\n",
    )
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [
        (("Bolivia",), ("Bolivia",))
    ]
    f = _facts(
        "id",
        "Unjuk rasa berlanjut di Bolivia pada Kamis. Wartawan Reuters melihat truk tentara "
        "setelah pemerintah mengerahkan militer untuk membantu polisi.\n",
    )
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [
        (("Bolivia",), ("Bolivia",))
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Yonif 321 dan Yonif 712 diberangkatkan ke Papua, Senin (7/6/2021).",
        "Yonif 321 milik Kodam III dan Yonif 712 milik Kodam XIII diberangkatkan ke Papua, "
        "Senin (7/6/2021).",
    ],
)
def test_each_unit_named_as_the_subject_of_a_passive_is_sent(body: str) -> None:
    """ "Yonif 321 milik Kodam III dan Yonif 712 milik Kodam XIII diberangkatkan ke Papua":
    each battalion goes, named with its command or not; the command sends nothing."""
    f = _facts("id", body + "\n")
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [
        (("Yonif 321",), ("Papua",)),
        (("Yonif 712",), ("Papua",)),
    ]


def test_a_withdrawal_said_not_to_be_is_none() -> None:
    """'"This is not an American withdrawal from Europe"': no troops leave Europe; troops
    counted that will not be withdrawn ("tak akan menarik 7.000 anggotanya dari Papua") are
    still there."""
    f = _facts(
        "en",
        'The US is pulling some troops out of Greece. "This is not an American withdrawal '
        'from Europe," the Army said.\n',
    )
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [(("US",), ("Greece",))]
    f = _facts("id", "Polri tak akan menarik sekitar 7.000 anggotanya dari Papua hingga 2022.\n")
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [(("Polri",), ("Papua",))]


@pytest.mark.parametrize(
    "body",
    [
        "Polda Sulawesi Tengah mengerahkan 90 personel BKO untuk memback up Polres Banggai "
        "Kepulauan, Senin (7/6/2021).",
        "Polda Sulawesi Tengah mengirim 90 personel Brimob untuk membantu pengamanan di wilayah "
        "Polres Banggai Kepulauan, Senin (7/6/2021).",
    ],
)
def test_troops_sent_to_back_up_a_local_force_go_to_its_area(body: str) -> None:
    """ "untuk memback up Polres Banggai Kepulauan": into the area that force serves, not the
    sender's own province."""
    f = _facts("id", body + "\n")
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [
        (("Polda Sulawesi Tengah",), ("Banggai Kepulauan",))
    ]


def test_troops_arriving_home_after_duty_end_the_deployment_where_they_served() -> None:
    """ "tiba di Bandara Soekarno-Hatta usai bertugas setahun di Sudan Selatan": a return
    from Sudan Selatan, not a deployment to the airport; the relief sent "untuk melanjutkan
    tugas di sana" goes there too."""
    f = _facts(
        "id",
        "Sebanyak 180 prajurit TNI tiba di Bandara Soekarno-Hatta usai bertugas setahun di "
        "Sudan Selatan. Pada hari yang sama, Indonesia mengirim 175 personel pengganti untuk "
        "melanjutkan tugas di sana.\n",
    )
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [
        (("TNI",), ("Sudan Selatan",)),
        (("Indonesia",), ("Sudan Selatan",)),
    ]


def test_troops_home_after_months_of_duty_end_the_deployment_where_they_served() -> None:
    """ "tiba di Pelabuhan X, Surabaya, ... setelah sembilan bulan bertugas menjaga perbatasan
    di Kabupaten Y": the months of duty before the verb still tell a return."""
    f = _facts(
        "id",
        "Sebanyak 450 prajurit Yonif 509 tiba di Pelabuhan Tanjung Perak, Surabaya, Senin "
        "(7/6/2021), setelah sembilan bulan bertugas menjaga perbatasan di Kabupaten Merauke.\n",
    )
    ((d, end),) = [(d, d.end) for d in f.deployments]
    assert (_names(f, d.by), _names(f, d.to)) == (("Yonif 509",), ("Kabupaten Merauke",))
    assert end is not None and end.value == dt.date(2021, 6, 7)


def test_the_post_told_on_may_be_a_local_force_s_area() -> None:
    """ "... ke Polda Papua. Mereka akan ditempatkan di wilayah Polres Mimika": the troops
    went to Mimika, the area of the force they are posted with."""
    f = _facts(
        "id",
        "Polda Gorontalo memberangkatkan 120 personel Brimob ke Polda Papua, Senin (7/6/2021). "
        "Mereka akan ditempatkan di wilayah Polres Mimika.\n",
    )
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [
        (("Polda Gorontalo",), ("Mimika",))
    ]


def test_a_site_with_no_town_before_is_in_the_town_named_next() -> None:
    """ "berdemo di depan Gedung Pakuan ... di pusat Kota Bandung": a site is no location;
    with no dateline, the town the text names next holds it."""
    f = _facts(
        "id",
        "Ribuan mahasiswa berdemo di depan Gedung Pakuan menolak revisi UU Pilkada, Kamis "
        "(10/6/2021). Polisi membawa 80 orang ke markas polisi di pusat Kota Bandung.\n",
    )
    assert [_names(f, p.location) for p in f.protests] == [("Kota Bandung",)]


def test_news_from_abroad_that_names_no_town_is_in_the_story_country() -> None:
    """ "JAKARTA - Polisi Bolivia menembakkan gas air mata ke arah ratusan pengunjuk rasa":
    news from abroad naming no town puts the protest in the story's country, not in the
    dateline's town; a later sentence about it adds nothing new."""
    f = _facts(
        "id",
        "JAKARTA - Polisi Bolivia menembakkan gas air mata ke arah ratusan pengunjuk rasa yang "
        "menuntut pemilu ulang, Selasa (8/6/2021). Para pengunjuk rasa melempari polisi dengan "
        "batu.\n",
    )
    assert [(_names(f, p.location), str(p.start.value)) for p in f.protests] == [
        (("Bolivia",), "2021-06-08")
    ]


def test_pedemo_and_perusuh_are_protesters() -> None:
    """ "Para pedemo membakar kantor wali kota Garoua": "pedemo" (and "pendemo", "perusuh")
    are protesters, as "pengunjuk rasa" are."""
    f = _facts("id", "Para pedemo membakar kantor wali kota Garoua, Rabu (9/6/2021).\n")
    assert [(_names(f, p.location), str(p.start.value)) for p in f.protests] == [
        (("Garoua",), "2021-06-09")
    ]


def test_the_sentence_that_counts_a_place_s_troops_sends_no_others() -> None:
    """ "Sementara untuk wilayah Polda Jawa Barat, Andi menambahkan, ada 1.019 personel
    gabungan yang diterjunkan": the count of the joint force's troops in Jawa Barat, told
    on; not also a deployment of the man who speaks, or of the province's force."""
    body = (
        "Ribuan personel gabungan TNI-Polri dikerahkan di sejumlah lokasi di Provinsi Banten, "
        "Jawa Barat, Jawa Tengah, hingga Jawa Timur.\n\n"
        "Sementara untuk wilayah Polda Jawa Barat, Andi menambahkan, ada 1.019 personel "
        "gabungan yang diterjunkan. Di Jawa Tengah sebanyak 4.319 personel gabungan, dan Polda "
        "Jawa Timur sebanyak 3.360 personel gabungan.\n"
    )
    f = _facts("id", body, published="2023-05-01")
    rows = {(_names(f, d.by)[0], _names(f, d.to)[0]): d.troops for d in f.deployments}
    assert all(by == "TNI-Polri" for by, _ in rows)
    assert rows[("TNI-Polri", "Jawa Barat")] is not None


def test_a_withdrawal_of_troops_and_counted_equipment_leaves_the_place_after() -> None:
    """ "menarik 900 personel militer dan 12 pesawat tempur dari Mauritania": the place
    after the troops and the counted machines is the one they leave."""
    f = _facts(
        "id",
        "Pemerintah Norwegia telah menarik 900 personel militer dan 12 pesawat tempur dari "
        "Mauritania.\n",
    )
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [
        (("Norwegia",), ("Mauritania",))
    ]


def test_korut_and_korsel_are_the_two_koreas() -> None:
    f = _facts("id", "Korut telah mengirimkan lebih dari 4.000 tentaranya ke Belarus.\n")
    assert [(f.entity(d.by).wikidata, _names(f, d.to)) for d in f.deployments] == [
        ("Q423", ("Belarus",))
    ]


def test_each_force_counted_in_the_subject_sends_its_own_count() -> None:
    """ "Sebanyak 9.700 personel Polri dan 3.600 personel TNI disiagakan di Bali": two
    rows, each with its own count."""
    f = _facts(
        "id",
        "Sebanyak 9.700 personel Polri dan 3.600 personel TNI disiagakan di Bali, Senin "
        "(7/6/2021).\n",
    )
    rows = [
        (_names(f, d.by)[0], _names(f, d.to)[0], d.troops.value if d.troops else None)
        for d in f.deployments
    ]
    assert rows == [("Polri", "Bali", 9700), ("TNI", "Bali", 3600)]
    # the owner before the troop noun: its demonym ("1,200 Polish soldiers")
    f = _facts(
        "en",
        "About 1,200 Polish soldiers and 300 Lithuanian troops were deployed to Vilnius on "
        "Thursday.\n",
    )
    rows = [
        (_names(f, d.by)[0], _names(f, d.to)[0], d.troops.value if d.troops else None)
        for d in f.deployments
    ]
    assert rows == [("Poland", "Vilnius", 1200), ("Lithuania", "Vilnius", 300)]
    # a demonym before something else counted owns no troops and adds no country
    f = _facts(
        "en", "About 1,200 Polish soldiers and 300 Lithuanian-made trucks were sent to Vilnius.\n"
    )
    assert [_names(f, d.by)[0] for d in f.deployments] == ["Poland"]
    assert all("Lithuania" not in e.names for e in f.entities)


def test_the_cause_of_a_protest_of_another_year_is_not_today_s() -> None:
    """ "The unrest recalls the 2017 protests against a fuel tax": that protest's cause, not
    the cause of the riot told before."""
    f = _facts(
        "en",
        "In Cebu, a mob attacked a police station on Tuesday and one protester died. The "
        "unrest recalls the 2017 protests against a fuel tax, which authorities crushed.\n",
    )
    (p,) = f.protests
    assert _names(f, p.location) == ("Cebu",) and p.causes == ()


def test_troops_assigned_to_a_place_are_deployed_there() -> None:
    """ "Polda Aceh menugaskan 500 personel ke Kabupaten Pidie": assigned there, sent there."""
    f = _facts("id", "Polda Aceh menugaskan 500 personel ke Kabupaten Pidie, Senin (7/6/2021).\n")
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [
        (("Polda Aceh",), ("Kabupaten Pidie",))
    ]


@pytest.mark.parametrize(
    ("lang", "body", "row"),
    [
        (
            "en",
            "Britain has boosted its military presence in Cyprus, sending hundreds of troops.",
            ("Britain", "Cyprus"),
        ),
        (
            "id",
            "Misi EUFOR telah meningkatkan kehadirannya di Bosnia sejak Maret dengan "
            "mengerahkan sekitar 400 tentara.",
            ("Misi EUFOR", "Bosnia"),
        ),
    ],
)
def test_a_presence_boosted_in_a_place_is_a_deployment_there(
    lang: str, body: str, row: tuple[str, str]
) -> None:
    """ "boosted its military presence in Cyprus", "meningkatkan kehadirannya di Bosnia":
    troops sent there."""
    f = _facts(lang, body + "\n")
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [row]


def test_a_continent_sends_no_one() -> None:
    """ "pasukan Afrika di Port-au-Prince": troops of a continent are no state's; Kenya's
    row stays."""
    f = _facts(
        "id",
        "Kenya mengirim tambahan 600 polisi ke Haiti pada Senin. Penambahan ini menjadikan "
        "pasukan Afrika di Port-au-Prince mencapai 1.500 personel.\n",
    )
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [(("Kenya",), ("Haiti",))]


def test_more_troops_told_twice_uncounted_are_one_deployment() -> None:
    """ "akan ... menambah tiga batalyon di Araucania" then the spokesman's quote "Kami
    memutuskan untuk menambah ... dengan tambahan tiga batalyon": one planned deployment."""
    f = _facts(
        "id",
        "Tentara Chile mengumumkan akan memperkuat pasukannya dengan menambah tiga batalyon di "
        "Araucania. “Kami memutuskan untuk menambah jumlah pasukan di Araucania dengan tambahan "
        "tiga batalyon,” kata juru bicara militer.\n",
    )
    assert [(_names(f, d.to), d.status.value) for d in f.deployments] == [
        (("Araucania",), "planned")
    ]


def test_a_mission_that_will_end_is_a_deployment_with_its_end() -> None:
    """ "will end its military mission in Iraq by September 2025": the coalition is there,
    and September 2025 is when it ends."""
    f = _facts(
        "en",
        "The US-led coalition will end its military mission in Iraq by September 2025, the two "
        "governments said.\n",
        "2024-09-28",
    )
    (d,) = f.deployments
    assert (_names(f, d.by)[0], _names(f, d.to)[0]) == ("US-led coalition", "Iraq")
    assert d.end is not None and d.end.value == dt.date(2025, 9, 1)


def test_a_region_called_a_nation_is_the_country_told_of() -> None:
    """ "a final withdrawal from the Sahel nation", after "a base in northeastern Niger":
    no region is a nation; Niger is."""
    f = _facts(
        "en",
        "Belgian troops on Monday handed back a military base in northeastern Niger ahead of a "
        "final withdrawal from the Sahel nation.\n",
    )
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [
        (("Belgium",), ("Niger",))
    ]


def test_a_base_with_its_acronym_is_in_the_place_named_after_it() -> None:
    """ "the Temporary Operating Base (TOB) in Kiriba, Lira district": the base is no
    destination, its acronym may stand before "in", and the district holds the place."""
    f = _facts(
        "en",
        "About 150 Kenyan troops were stationed at the Temporary Operating Base (TOB) in "
        "Kiriba, Lira district, on Monday.\n",
    )
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [
        (("Kenya",), ("Kiriba",))
    ]


def test_troops_sent_back_home_are_no_deployment() -> None:
    """ "The Army is sending the 3rd Brigade back to Ohio": troops going home; the
    withdrawal told before stays the only row."""
    f = _facts(
        "en",
        "The US is withdrawing some troops from Hungary. The Army is sending the 3rd Brigade "
        "back to Ohio after its rotation.\n",
    )
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [(("US",), ("Hungary",))]
    # "back to the front near Kharkiv": no home named after "back to", a deployment
    f = _facts("en", "The Army sent the brigade back to the front near Kharkiv on Monday.\n")
    assert [_names(f, d.to) for d in f.deployments] == [("Kharkiv",)]


def test_a_verb_after_and_ends_a_list_of_places() -> None:
    """ "di perbatasan Montenegro dan mendesak Tirana untuk menarik pasukan tersebut": a
    verb after "dan" opens another clause; Tirana is no second place of the troops."""
    f = _facts(
        "id",
        "Gedung Putih mendeteksi penumpukan pasukan Albania di perbatasan Montenegro dan "
        "mendesak Tirana untuk menarik pasukan tersebut.\n",
    )
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [
        (("Albania",), ("perbatasan Montenegro",))
    ]


def test_a_town_and_other_major_towns_are_a_wave_across_the_country() -> None:
    """ "protests continued in Gulu and other major towns in Uganda": a wave across Uganda,
    not Gulu's protest."""
    f = _facts(
        "en", "Pockets of protests continued on Thursday in Gulu and other major towns in Uganda.\n"
    )
    assert [_names(f, p.location) for p in f.protests] == [("Uganda",)]


def test_a_force_named_by_its_acronym_in_a_passive_is_sent() -> None:
    """ "The Kenya Defence Forces (KDF) was deployed to Nairobi": the mention before the
    verb is the acronym; the body it stands for is a force, and it went."""
    f = _facts("en", "The Kenya Defence Forces (KDF) was deployed to Nairobi on Monday.\n")
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("Kenya Defence Forces", "Nairobi")
    ]


@pytest.mark.parametrize(
    ("body", "place", "deaths", "arrests"),
    [
        (
            "Ratusan warga membakar kantor camat di Kecamatan Sambelia, Senin (7/6/2021). Polisi "
            "menangkap lima orang.",
            "Kecamatan Sambelia",
            None,
            5,
        ),
        (
            "Satu warga tewas dan empat orang ditahan dalam bentrok antara petugas dan massa di "
            "Desa Lalonggasu, Senin (7/6/2021).",
            "Desa Lalonggasu",
            1,
            4,
        ),
    ],
)
def test_a_riot_told_by_what_people_did_is_a_protest(
    body: str, place: str, deaths: int | None, arrests: int | None
) -> None:
    """ "Ratusan warga membakar kantor camat", "bentrok antara petugas dan massa": a riot,
    though no word for a protest is written."""
    f = _facts("id", body + "\n")
    (p,) = f.protests
    assert _names(f, p.location)[0] == place
    assert (p.deaths.value if p.deaths else None, p.arrests.value if p.arrests else None) == (
        deaths,
        arrests,
    )


def test_the_place_in_a_group_s_name_is_not_where_it_rallied() -> None:
    """ "aliansi pemuda peduli tanah adat Papua di Abepura": Papua names the group; the
    rally was in Abepura."""
    f = _facts(
        "id",
        "Demo yang dilakukan aliansi pemuda peduli tanah adat Papua di Abepura, Senin "
        "(7/6/2021), berakhir ricuh.\n",
    )
    assert [_names(f, p.location) for p in f.protests] == [("Abepura",)]


def test_a_cause_that_needs_its_complement_keeps_it() -> None:
    """ "calling for a return to civilian rule": "return" alone says nothing; the cause goes
    on past "to"."""
    f = _facts(
        "en", "Protesters marched in Khartoum on Monday calling for a return to civilian rule.\n"
    )
    (p,) = f.protests
    assert p.causes == ("return to civilian rule",)


def test_a_protest_placed_by_its_country_is_in_the_town_whose_streets_it_filled() -> None:
    """ "Security forces in Niger killed two people during a protest ... Opposition
    supporters flooded Niamey's streets to protest": the protest was in Niamey."""
    f = _facts(
        "en",
        "Security forces in Niger killed two people on Monday during a protest against the "
        "president. Opposition supporters flooded Niamey's streets again on Monday to protest "
        "the election result.\n",
    )
    assert [(_names(f, p.location), p.deaths.value if p.deaths else None) for p in f.protests] == [
        (("Niamey",), 2)
    ]


def test_a_region_s_superlative_describes_a_country_and_is_no_destination() -> None:
    """ "deployed soldiers ... in southern Africa's last absolute monarchy": a description
    of the sender's own country, not a place they went."""
    f = _facts(
        "en",
        "Eswatini deployed soldiers on Monday to quell protests in southern Africa's last "
        "absolute monarchy.\n",
    )
    assert all(_names(f, d.to) != ("Africa",) for d in f.deployments)


def test_troops_withdrawn_and_sent_on_go_where_they_were_sent() -> None:
    """ "withdrew six police companies from Cusco and sent them to Arequipa": "them" are the
    companies of the clause before; they went to Arequipa."""
    f = _facts(
        "en",
        "The Interior Ministry withdrew six police companies from Cusco and sent them to "
        "Arequipa on Monday.\n",
    )
    assert ("Arequipa",) in [_names(f, d.to) for d in f.deployments]


def test_a_place_a_distance_is_measured_from_is_not_the_protest_s() -> None:
    """ "in Mollendo in Arequipa region, 1,000 km from the capital Lima, to control unrest":
    Lima measures the way; the unrest was in Mollendo."""
    f = _facts(
        "en",
        "Elite police were deployed in Mollendo in Arequipa region, 1,000 km from the capital "
        "Lima, to control unrest after a mob burnt a shop on Sunday.\n",
    )
    assert [_names(f, p.location) for p in f.protests] == [("Mollendo",)]


def test_a_withdrawal_told_as_a_departure_leaves_the_place() -> None:
    """ "The departure of some 300 Chilean soldiers from Bolivia": Chile's troops leave
    Bolivia, though no verb of leaving is written."""
    f = _facts(
        "en",
        "The departure of some 300 Chilean soldiers from Bolivia follows the end of the mission.\n",
    )
    assert [(_names(f, d.by), _names(f, d.to)) for d in f.deployments] == [
        (("Chile",), ("Bolivia",))
    ]


def test_protests_an_article_likens_its_own_to_are_not_its_own() -> None:
    """ "inspired by similar youth-led protests in Asia and Latin America": other protests,
    not a place for the protest movement told of next."""
    f = _facts(
        "en",
        "The movement is inspired by similar youth-led protests in Asia and Latin America. "
        "Membership of its online group surged on Thursday as the protest movement grew.\n",
    )
    assert [_names(f, p.location) for p in f.protests] == []


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "id",
            "JAKARTA - TNI memberangkatkan 450 prajurit yang akan bertugas menjadi pasukan "
            "penjaga perdamaian PBB di Lebanon, Selasa (8/6/2021).",
        ),
        (
            "id",
            "JAKARTA - TNI memberangkatkan 450 prajurit yang akan bertugas sebagai pasukan "
            "penjaga perdamaian PBB di Lebanon, Selasa (8/6/2021).",
        ),
        (
            "en",
            "JAKARTA - Indonesia sent 450 soldiers on Tuesday to serve as UN peacekeepers in "
            "Lebanon.",
        ),
    ],
)
def test_troops_sent_to_serve_as_a_mission_s_are_the_sender_s(lang: str, body: str) -> None:
    """Rule troops-as-what-they-serve: troops sent to serve as the UN's peacekeepers are sent
    by the subject, and the mission they serve in is no second deployment."""
    f = _facts(lang, body + "\n")
    rows = [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments]
    assert rows == [({"id": "TNI", "en": "Indonesia"}[lang], "Lebanon")]


@pytest.mark.parametrize(
    "body",
    [
        "Sebanyak 120 personel Kostrad tiba di Bandara Sultan Hasanuddin, Makassar, Selasa "
        "(8/6/2021). Kedatangan pasukan Kostrad itu untuk bergabung dengan Satgas Tinombala "
        "di Kabupaten Luwu.",
        "Sebanyak 120 personel Kostrad tiba di Kota Makassar, Selasa (8/6/2021), dan akan "
        "bergabung dengan Satgas Tinombala di Kabupaten Luwu.",
    ],
)
def test_troops_that_arrive_to_join_a_force_go_where_it_works(body: str) -> None:
    """Rule the-force-they-join: the town troops arrived in was on their way to the place
    of the force they join."""
    f = _facts("id", body + "\n")
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("Kostrad", "Kabupaten Luwu")
    ]


def test_a_send_off_ceremony_s_name_sends_no_one_to_its_town() -> None:
    """Rule a-ceremony-s-name: "upacara ... Pemberangkatan Satgas Pamtas di Palembang" names
    the send-off, held where the troops left from."""
    f = _facts(
        "id",
        "Panglima TNI melepas 850 prajurit Satgas Pamtas ke Provinsi Papua, Selasa (8/6/2021). "
        '"Pasukan tersebut terdiri atas 450 prajurit Yonif 200 dan 400 prajurit Yonif 133," '
        "kata Panglima usai upacara Pemeriksaan Kesiapan Operasi dan Pemberangkatan Satgas "
        "Pamtas di Palembang, Selasa.\n",
    )
    assert {_names(f, d.to)[0] for d in f.deployments} == {"Provinsi Papua"}


@pytest.mark.parametrize(
    ("lang", "body", "state"),
    [
        (
            "id",
            "Polisi Belanda menangkap 40 orang dalam unjuk rasa menolak pembatasan, Selasa "
            "(8/6/2021). Otoritas setempat menyebutkan 2.000 polisi telah dikerahkan di "
            "Amsterdam.",
            "Belanda",
        ),
        (
            "en",
            "Dutch police arrested 40 people at a protest against the restrictions on Tuesday. "
            "Some 2,000 police officers were deployed in Amsterdam.",
            "Netherlands",
        ),
    ],
)
def test_police_sent_with_no_sender_are_the_state_s_whose_police_the_story_names(
    lang: str, body: str, state: str
) -> None:
    """Rule the-state-whose-forces-are-named: police deployed in a town, with no sender in
    the sentence, are the police of the town's state the article names ("Polisi Belanda",
    "Dutch police")."""
    f = _facts(lang, body + "\n")
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        (state, "Amsterdam")
    ]


def test_counted_parts_whose_names_carry_a_short_form_in_brackets() -> None:
    """Rule counted-part: "Polres Tanah Merah (Tamer) 80 personel" is a part with its count;
    the bracketed short form is the force's, no number of a unit's name."""
    f = _facts(
        "id",
        "Sebanyak 320 personel gabungan dikerahkan untuk mengamankan aksi unjuk rasa di Kota "
        "Lembayung, Selasa (8/6/2021). Personel tersebut terdiri dari Polresta Lembayung 200 "
        "personel, Polres Tanah Merah (Tamer) 80 personel, dan Polres Sungai Dalam (Sudal) 40 "
        "personel.\n",
    )
    parts = {
        (_names(f, d.by)[0], d.troops.value if d.troops else None)
        for d in f.deployments
        if d.part_of
    }
    assert {("Polres Tanah Merah", 80), ("Polres Sungai Dalam", 40)} <= parts


def test_troops_counted_after_a_protest_with_no_place_go_where_it_is() -> None:
    """Rules the-force-they-come-from and the-protest-just-told: "Dari Polda X, diturunkan
    200 personel" right after a protest is told of: Polda X sends them where it is."""
    f = _facts(
        "id",
        "Aksi unjuk rasa mahasiswa menolak kenaikan harga BBM di depan Gedung DPRD, Kota "
        "Lembayung, Selasa (8/6/2021), berakhir ricuh.\n\nDari Polda Sulawesi Barat, "
        "diturunkan 200 personel Brimob untuk menghalau massa.\n",
    )
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("Polda Sulawesi Barat", "Kota Lembayung")
    ]


def test_troops_with_no_place_long_after_any_protest_go_nowhere_told() -> None:
    """The protest must be told of in the sentence or the two before it (a national force
    here: a regional one with no place named goes to the article's one unrest, rule
    the-unrest-the-force-answers)."""
    f = _facts(
        "id",
        "Aksi unjuk rasa mahasiswa menolak kenaikan harga BBM digelar di Kota Lembayung, Selasa "
        "(8/6/2021).\n\nGubernur meresmikan jembatan baru.\n\nIa juga membuka pasar.\n\nWarga "
        "menyambut gembira.\n\nPolri menyiagakan 200 personel Brimob.\n",
    )
    assert not any(_names(f, d.to) == ("Kota Lembayung",) for d in f.deployments)


@pytest.mark.parametrize(
    ("lang", "body", "country"),
    [
        (
            "id",
            "Aksi unjuk rasa menolak pembekuan upah masih berpusat di Lisbon, Selasa (8/6/2021). "
            "Sekitar 30.000 orang berdemonstrasi di seluruh Portugal dan 40 orang ditangkap.",
            "Portugal",
        ),
        (
            "en",
            "The protests against the wage freeze were centred in Lisbon on Tuesday. Some 30,000 "
            "people demonstrated across Portugal and 40 were arrested.",
            "Portugal",
        ),
    ],
)
def test_a_town_s_protest_and_an_undated_one_across_its_country_are_one_wave(
    lang: str, body: str, country: str
) -> None:
    """Rule a-wave-across-the-country: "di seluruh Portugal" / "across Portugal" tells the
    wave the town's protest belongs to; "from across Armenia" tells where police came from."""
    f = _facts(lang, body + "\n")
    ((p, arrests),) = [(p, p.arrests) for p in f.protests]
    assert _names(f, p.location)[0] == country
    assert arrests is not None and arrests.value == 40


def test_police_from_across_the_country_make_no_wave_of_a_town_s_protest() -> None:
    f = _facts(
        "en",
        "Riot police clashed with protesters in Yerevan on Tuesday.\n\nThe protesters could "
        "not reach the building, guarded by police officers from across Armenia.\n",
    )
    assert [_names(f, p.location)[0] for p in f.protests] == ["Yerevan"]


def test_troops_put_under_a_force_go_where_it_serves_not_where_their_task_is() -> None:
    """Rule the-area-of-the-force-they-are-attached-to: "diberangkatkan BKO Polda Maluku
    untuk ikut mengamankan ... di Provinsi Maluku dan Maluku Utara": one deployment, to the
    area of the force they are put under."""
    f = _facts(
        "id",
        "Sebanyak 150 personel Satuan Brimob Polda Lembayung diberangkatkan BKO Polda Maluku "
        "untuk ikut menjaga keamanan di Provinsi Maluku dan Maluku Utara, Selasa (8/6/2021).\n",
    )
    rows = [(_names(f, d.to)[0], d.troops.value if d.troops else None) for d in f.deployments]
    assert len(rows) == 1 and rows[0][1] == 150 and "Maluku" in rows[0][0]


def test_a_total_told_two_sentences_on_with_the_destination_is_the_count() -> None:
    """Rule count-told-on: "Jika ditotalkan, terdapat 300 personel yang dikirim ke X", two
    sentences after the sending, names X again: the deployment's count."""
    f = _facts(
        "id",
        "Polda Lembayung mengirim bantuan 2 SSK ke Papua Barat, Selasa (8/6/2021).\n\nKabid "
        "Humas Polda Lembayung mengatakan, setiap SSK berisi sekitar 150 personel Brimob.\n\n"
        "Jika ditotalkan, terdapat 300 personel yang dikirim ke Papua Barat.\n",
    )
    ((d,),) = [f.deployments]
    assert d.troops is not None and d.troops.value == 300


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("id", "Sebanyak 300 personel Brimob Polda Lembayung malam ini berangkat ke Papua Barat."),
        ("en", "Indonesia sends 300 police officers to West Papua tonight."),
    ],
)
def test_troops_leaving_later_the_same_day_are_planned(lang: str, body: str) -> None:
    """A time later on the day told ("malam ini", "tonight"), before or after the verb:
    the troops have not gone yet."""
    f = _facts(lang, body + "\n")
    assert [d.status for d in f.deployments] == [DeploymentStatus.PLANNED]


def test_troops_already_in_place_tonight_are_no_plan() -> None:
    """A time later the same day before a verb said done ("telah") makes no plan."""
    f = _facts("id", "Polda Lembayung malam ini telah menyiagakan 500 personel di Makassar.\n")
    assert [d.status for d in f.deployments] == [DeploymentStatus.HAPPENED]


def test_troops_counted_for_the_security_of_a_place_are_its_force_s() -> None:
    """ "Polda Sumut menggelar Operasi ...", then "Sementara untuk pengamanan di Sumatera
    Utara, ... 4.970 personel gabungan yang dikerahkan": Polda Sumut, the force that serves
    the place, sends them there. Rule the-place-the-sentence-is-about
    (destination:the-place-the-sentence-is-about) gives the place; the sender is the force
    that opens the sentence before (sender:the-force-told-of-before, rule
    each-place-s-share), so rule the-force-of-the-place-told, which acts only when no
    sender is found, does nothing here;
    test_troops_for_a_place_no_sender_names_are_the_one_force_serving_it checks it."""
    f = _facts(
        "id",
        "Polda Sumut menggelar Operasi Hatra Toba untuk mengamankan pekan olahraga, Selasa "
        "(8/6/2021).\n\nSementara untuk pengamanan di Sumatera Utara, Sandi menjelaskan ada "
        "4.970 personel gabungan yang dikerahkan.\n",
    )
    rows = [
        (_names(f, d.by)[0], _names(f, d.to)[0], d.troops.value if d.troops else None)
        for d in f.deployments
    ]
    assert ("Polda Sumut", "Sumatera Utara", 4970) in rows


def test_troops_for_a_place_no_sender_names_are_the_one_force_serving_it() -> None:
    """Rule the-force-of-the-place-told (sender:the-force-of-the-place-told): "Sementara
    untuk pengamanan di Jawa Tengah, ... personel gabungan yang disiagakan", with no force
    opening the sentences before: the article's one force that serves the place sends
    them."""
    f, trace = _traced(
        "id",
        "Ribuan atlet mengikuti pembukaan pekan olahraga provinsi di Semarang, Selasa "
        "(8/6/2021).\n\nPengamanan acara itu menjadi tanggung jawab Polda Jateng bersama "
        "pemerintah daerah.\n\nSementara untuk pengamanan di Jawa Tengah, panitia menyebut "
        "ada 3.200 personel gabungan yang disiagakan.\n",
    )
    (d,) = f.deployments
    assert _names(f, d.by) == ("Polda Jateng",) and _names(f, d.to) == ("Jawa Tengah",)
    assert d.troops is not None and d.troops.value == 3200
    assert "sender:the-force-of-the-place-told" in _rules(trace, "deployments", d.id)


def test_reinforcements_posted_in_a_provincial_capital_went_there() -> None:
    """Rule the-duty-place-told-on: "The reinforcements will be deployed in the provincial
    capital Ambon": the town named after a few words of what it is."""
    f = _facts(
        "en",
        "Indonesia has sent 1,800 police officers and soldiers to Maluku province. The "
        "reinforcements will be deployed in the provincial capital Ambon.\n",
    )
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("Indonesia", "Ambon")
    ]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("id", "Polri mengirim 1.800 personel ke Ambon menyusul bentrokan pada Senin (7/6/2021)."),
        ("en", "Indonesia has sent 1,800 police officers to Ambon after clashes last week."),
        # rule the-day-of-what-happened-there: the day of a clause about the place
        (
            "en",
            "Peru has sent 500 soldiers to Puno, where 17 protesters were killed on Monday.",
        ),
        ("id", "Peru mengirim 500 tentara ke Puno, di mana 17 orang tewas pada Senin (7/6/2021)."),
        # a shooting, told with what happened ("setelah terjadi penembakan")
        (
            "id",
            "Polda Papua mengirim 200 personel ke Intan Jaya setelah terjadi penembakan "
            "terhadap warga sipil pada Sabtu (5/6/2021).",
        ),
    ],
)
def test_the_day_of_the_clashes_troops_answer_is_not_their_start(lang: str, body: str) -> None:
    """Rule the-day-of-the-event-it-answers: a date after "menyusul bentrokan" / "after
    clashes" is the clashes' day."""
    f = _facts(lang, body + "\n")
    assert [d.start for d in f.deployments] == [None]


def test_a_country_named_as_a_people_is_no_destination() -> None:
    """ "ke daerah kantong etnis Armenia di Azerbaijan": Armenians live there; the troops go
    to Azerbaijan."""
    f = _facts(
        "id",
        "Rusia mengerahkan hampir 2.000 tentara ke daerah kantong etnis Armenia di Azerbaijan, "
        "Selasa (8/6/2021).\n",
    )
    assert [_names(f, d.to)[0] for d in f.deployments] == ["Azerbaijan"]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "id",
            "Dalam siaran Kamis, televisi pemerintah menunjukkan pesawat militer yang sedang "
            "menurunkan perlengkapannya di bandara Niamey.",
        ),
        ("en", "A military plane deployed its cargo at the airport in Niamey on Thursday."),
    ],
)
def test_a_plane_unloading_its_equipment_sends_no_troops(lang: str, body: str) -> None:
    """Rule machines-are-no-troops: equipment, supplies and cargo are no troops."""
    assert _facts(lang, body + "\n").deployments == ()


def test_a_day_before_a_trailing_attribution_is_the_day_of_what_is_told() -> None:
    """ "tiba di Niger pada Selasa (8/6/2021), kata televisi pemerintah": the day they
    arrived; "Pentagon pada Selasa mengatakan" stays the day of saying."""
    f = _facts(
        "id",
        "Instruktur militer Rusia tiba di Niger pada Selasa (8/6/2021), kata televisi "
        "pemerintah Niger.\n",
    )
    assert [d.start.value if d.start else None for d in f.deployments] == [dt.date(2021, 6, 8)]
    said = _facts(
        "id", "Pentagon pada Selasa (8/6/2021) mengatakan AS mengirim 100 tentara ke Niger.\n"
    )
    assert [d.start for d in said.deployments] == [None]


def test_the_force_of_an_officer_s_rank_sends_no_one() -> None:
    """ "Pangdam XVII/Cenderawasih Mayjen TNI X mengerahkan ...": the Kodam the title names
    sends the troops, not TNI of his rank."""
    f = _facts(
        "id",
        "Pangdam XVII/Cenderawasih Mayjen TNI Budi Santoso mengerahkan Yonif 751 ke Distrik "
        "Kiwirok sebanyak 3 SST atau sekitar 90 personel, Selasa (8/6/2021).\n",
    )
    assert [(_names(f, d.by)[0], d.troops.value if d.troops else None) for d in f.deployments] == [
        ("Kodam XVII/Cenderawasih", 90)
    ]


def test_units_listed_after_one_count_share_it_with_the_whole() -> None:
    """Rule count-the-units-share: "terdiri dari 900 personel Yonif 411 dan Yonif 412": the
    troops number 900; neither battalion is counted apart."""
    f = _facts(
        "id",
        "TNI mengirim pasukan ke Papua, Selasa (8/6/2021). Pasukan itu terdiri dari 900 "
        "personel Yonif 411 dan Yonif 412.\n",
    )
    rows = [(_names(f, d.by)[0], d.troops.value if d.troops else None) for d in f.deployments]
    assert rows == [("TNI", 900)]


def test_a_battalion_spelled_batalion_and_a_raider_battalion_are_sent() -> None:
    """ "satu batalion" (the other spelling of "batalyon") is troops, counted in units; in
    "500 prajurit Raider Yonif 411" the battalion is named after its kind."""
    f = _facts("id", "Kodam IV/Diponegoro mengirim satu batalion ke Papua, Selasa (8/6/2021).\n")
    assert [(_names(f, d.by)[0], d.troops) for d in f.deployments] == [
        ("Kodam IV/Diponegoro", None)
    ]
    f = _facts(
        "id", "Sebanyak 500 prajurit Raider Yonif 411 diberangkatkan ke Papua, Selasa (8/6/2021).\n"
    )
    assert [(_names(f, d.by)[0], d.troops.value if d.troops else None) for d in f.deployments] == [
        ("Yonif 411", 500)
    ]


@pytest.mark.parametrize(
    ("lang", "body", "rows"),
    [
        (
            "id",
            "Angkatan Laut India mengirimkan kapal perusak INS Vela ke Laut Arab pada Selasa "
            "(8/6/2021).",
            [("Angkatan Laut India", "Laut Arab")],
        ),
        (
            "id",
            "Belanda dan Denmark telah mengerahkan kapal-kapal perangnya ke pesisir Somalia, "
            "Selasa (8/6/2021).",
            [("Belanda", "Somalia"), ("Denmark", "Somalia")],
        ),
        (
            "en",
            "India sent the destroyer INS Vela to the Arabian Sea on Tuesday.",
            [("India", "Arabian Sea")],
        ),
    ],
)
def test_warships_of_every_kind_are_sent_forces(
    lang: str, body: str, rows: list[tuple[str, str]]
) -> None:
    """Destroyers, submarines, frigates, fighter jets, "kapal-kapal perangnya": forces sent,
    as "kapal perang" and "warships" are."""
    f = _facts(lang, body + "\n")
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == rows


def test_the_named_mission_a_sent_contingent_joins_is_no_second_deployment() -> None:
    """The mission of the place troops were sent to, named with its owner ("pasukan
    perdamaian PBB di Lebanon (UNIFIL)"), is the context of that deployment."""
    f = _facts(
        "id",
        "Sebanyak 120 prajurit TNI diberangkatkan ke Lebanon pada Selasa (8/6/2021). Satgas itu "
        "merupakan salah satu unit tugas dalam pasukan perdamaian PBB di Lebanon (UNIFIL).\n",
    )
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [("TNI", "Lebanon")]


def test_troops_seen_off_and_the_navy_s_share_of_them() -> None:
    """ "dilepas ke" sends troops off; "20 personel TNI AL" is the navy's share ("AL" ends
    the name, though "al" links Arabic names)."""
    f = _facts(
        "id",
        "Sebanyak 180 prajurit TNI dilepas ke Republik Demokratik Kongo, Selasa (8/6/2021). "
        "Pasukan itu terdiri atas 150 personel TNI AD, 20 personel TNI AL dan 10 personel TNI "
        "AU.\n",
    )
    rows = {(_names(f, d.by)[0], d.troops.value if d.troops else None) for d in f.deployments}
    assert rows == {("TNI", 180), ("TNI AD", 150), ("TNI AL", 20), ("TNI AU", 10)}


def test_troops_paraded_before_they_go_are_deployed() -> None:
    """ "mengapelkan 900 personel" (musters them for duty) deploys them."""
    f = _facts(
        "id",
        "Polres Kediri mengapelkan 900 personel gabungan di Kabupaten Kediri, Selasa (8/6/2021).\n",
    )
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("Polres Kediri", "Kabupaten Kediri")
    ]


def test_a_warship_docked_in_a_port_is_deployed_there() -> None:
    """ "kapal induk ... berlabuh di Stockholm": a ship at anchor is deployed where it lies
    ("berada di" was tried and dropped: too many things are somewhere)."""
    f = _facts("id", "Kapal induk Amerika Serikat berlabuh di Stockholm pada Selasa (8/6/2021).\n")
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("Amerika Serikat", "Stockholm")
    ]


@pytest.mark.parametrize(
    ("lang", "body", "row"),
    [
        (
            "id",
            "Militer Prancis telah menggandakan upayanya untuk menghadapi ancaman Iran dan "
            "Pakistan dengan mengerahkan dua kapal induk ke Samudra Hindia.",
            ("Prancis", "Samudra Hindia"),
        ),
        (
            "en",
            "France doubled its efforts against threats from Iran by deploying two aircraft "
            "carriers to the Indian Ocean.",
            ("France", "Indian Ocean"),
        ),
    ],
)
def test_a_sending_told_as_the_means_is_the_main_subject_s(
    lang: str, body: str, row: tuple[str, str]
) -> None:
    """Rule the-subject-of-the-means, and efforts are no troops: "menggandakan upayanya ...
    dengan mengerahkan", "doubled its efforts ... by deploying"."""
    f = _facts(lang, body + "\n")
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [row]


def test_troops_home_after_the_duty_told_before_end_that_deployment() -> None:
    """Rule home-after-the-duty-told-before: "... telah menyelesaikan tugasnya selama satu
    tahun di Lebanon. Sebanyak 110 prajurit TNI itu tiba di Surabaya": back from Lebanon."""
    f = _facts(
        "id",
        "Satgas Maritim TNI telah menyelesaikan tugasnya selama satu tahun di Lebanon. "
        "Sebanyak 110 prajurit TNI itu tiba di Surabaya, Selasa (8/6/2021).\n",
    )
    ((d,),) = [f.deployments]
    assert (_names(f, d.by)[0], _names(f, d.to)[0]) == ("TNI", "Lebanon")
    assert d.end is not None and d.end.value == dt.date(2021, 6, 8)


def test_a_composition_s_part_is_no_sender_of_the_operation_s_troops() -> None:
    """Rule the-force-that-runs-the-operation, past a composition: "Sebanyak 640 personel
    dikerahkan dalam operasi itu, terdiri dari 500 personel Polri dan 140 personel TNI" are
    the troops of the force that runs it; Polri and TNI are its parts."""
    body = (
        "Polres Bantul menggelar Operasi Lilin Progo di wilayahnya sejak Sabtu (21/12/2024). "
        "Sebanyak 640 personel gabungan dikerahkan dalam operasi itu, terdiri dari 500 "
        "personel Polri dan 140 personel TNI.\n"
    )
    f = _facts("id", body)
    rows = [
        (_names(f, d.by)[0], _names(f, d.to)[0], d.troops.value if d.troops else None)
        for d in f.deployments
    ]
    assert rows[0] == ("Polres Bantul", "Bantul", 640)
    assert {r[0] for r in rows[1:]} == {"Polri", "TNI"}
    assert all(_names(f, d.part_of)[0] == "Polres Bantul" for d in f.deployments[1:])


def test_troops_placed_in_the_operation_s_area_are_its_force_s() -> None:
    """Rule the-operation-s-force-in-its-area: "Polres Bantul menggelar Operasi Lilin ...
    Sebanyak 640 personel gabungan dikerahkan di Kabupaten Bantul": no sender in the
    sentence, a place in the area of the force that runs the operation."""
    body = (
        "Polres Bantul menggelar Operasi Lilin Progo sejak Sabtu (21/12/2024). Sebanyak 640 "
        "personel gabungan dikerahkan di Kabupaten Bantul.\n"
    )
    f = _facts("id", body)
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("Polres Bantul", "Kabupaten Bantul")
    ]
    # a place outside the force's area: not its troops; the joint troops as named (rule
    # the-joint-troops-as-named)
    elsewhere = body.replace("di Kabupaten Bantul", "di Kabupaten Sleman")
    g = _facts("id", elsewhere)
    assert [(_names(g, d.by)[0], _names(g, d.to)[0]) for d in g.deployments] == [
        ("personel gabungan", "Kabupaten Sleman")
    ]


@pytest.mark.parametrize(
    ("lang", "body", "row"),
    [
        (
            "id",
            "Polda Bali memulai Operasi Ketupat Agung di Provinsi Bali pada Kamis (4/4/2024). "
            "Operasi itu melibatkan 2.750 personel gabungan.",
            ("Polda Bali", "Provinsi Bali", 2750),
        ),
        (
            "id",
            "Operasi Patuh Candi yang digelar Polda Jawa Tengah melibatkan 1.200 personel.",
            ("Polda Jawa Tengah", "Jawa Tengah", 1200),
        ),
    ],
)
def test_an_operation_involves_the_troops_of_its_force(
    lang: str, body: str, row: tuple[str, str, int]
) -> None:
    """Rule an-operation-involves-troops: "Operasi itu melibatkan 2.750 personel" sends the
    troops of the force that runs the operation."""
    f = _facts(lang, body + "\n")
    assert [
        (_names(f, d.by)[0], _names(f, d.to)[0], d.troops.value if d.troops else None)
        for d in f.deployments
    ] == [row]
    # a body that involves people, no operation: no sending
    other = _facts(lang, "Pemerintah melibatkan 1.200 personel dalam rapat itu.\n")
    assert other.deployments == ()


def test_a_named_operation_is_run_by_the_force_an_earlier_paragraph_says_holds_it() -> None:
    """Rule the-holder-of-the-named-operation: "Polda Riau menggelar Operasi Lilin Muara
    ... (another paragraph) Menurut Yusuf, Operasi Lilin Muara melibatkan 900 personel";
    and rule a-phrase-is-no-name: "Antara lain 100 prajurit TNI" names no news agency."""
    body = (
        "Polda Riau menggelar Operasi Lilin Muara sejak Senin (21/12/2020).\n\n"
        "Kabid Humas Polda Riau Kombes Yusuf Hadi mengatakan, 80 gereja dijaga.\n\n"
        "Menurut Yusuf, Operasi Lilin Muara melibatkan 900 personel gabungan. Antara lain "
        "100 prajurit TNI dan 800 personel Polri.\n"
    )
    f = _facts("id", body, published="2020-12-24")
    rows = [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments]
    assert rows[0] == ("Polda Riau", "Riau")
    assert f.deployments[0].troops is not None and f.deployments[0].troops.value == 900
    assert not any(e.names[0] == "Antara" for e in f.entities)


@pytest.mark.parametrize(
    "shares",
    [
        "Rinciannya, 300 personel ke Bengkulu, 250 personel ke Lampung dan 250 personel ke Jambi.",
        "Untuk Bengkulu 300 personel, Lampung 250 personel dan Jambi sebanyak 250 personel.",
    ],
)
def test_a_count_shared_out_to_places_gives_each_place_its_share(shares: str) -> None:
    """Rule a-place-s-share: troops sent to no place named, then listed by place with a
    count each, went to each place in that number."""
    body = (
        f"Korps Brimob mengirim 800 personel untuk pengamanan pemilu, Senin (5/2/2024). {shares}\n"
    )
    f = _facts("id", body, published="2024-02-06")
    rows = [
        (_names(f, d.by)[0], _names(f, d.to)[0], d.troops.value if d.troops else None)
        for d in f.deployments
    ]
    assert rows == [
        ("Korps Brimob", "Bengkulu", 300),
        ("Korps Brimob", "Lampung", 250),
        ("Korps Brimob", "Jambi", 250),
    ]
    # one place with a count is no list of shares
    one = body.replace(shares, "Sebanyak 300 personel di antaranya berasal dari Bengkulu.")
    assert all(_names(f, d.to)[0] != "Bengkulu" for d in _facts("id", one).deployments)


def test_parts_sent_to_help_from_other_forces_are_counted_parts() -> None:
    """Rule counted-part: "Dari jumlah itu, 120 personel BKO dari Polda Jambi dan 60
    personel dari Mabes Polri": the parts the collective deployment counts, each sent by
    the force it comes from."""
    body = (
        "Polda Bengkulu menerjunkan 1.400 personel untuk mengamankan lomba lari di Kota "
        "Bengkulu, Rabu (1/3/2023). Dari jumlah itu, 120 personel BKO dari Polda Jambi dan "
        "60 personel dari Mabes Polri.\n"
    )
    f = _facts("id", body, published="2023-03-02")
    rows = [
        (_names(f, d.by)[0], d.troops.value if d.troops else None, _names(f, d.part_of))
        for d in f.deployments
    ]
    assert rows == [
        ("Polda Bengkulu", 1400, ()),
        ("Polda Jambi", 120, ("Polda Bengkulu",)),
        ("Mabes Polri", 60, ("Polda Bengkulu",)),
    ]


def test_warships_in_a_place_are_no_war_in_it() -> None:
    """ "kapal perang di Kupang": warships there, not "perang di" (a war in) that keeps a
    place from being the destination; troops once at war in Suriah are still not sent
    there."""
    f = _facts(
        "id",
        "TNI AL menyiagakan 600 prajurit dan tiga kapal perang di Kupang untuk mengamankan "
        "pertemuan itu, Sabtu (11/5/2024).\n",
        published="2024-05-12",
    )
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("TNI AL", "Kupang")
    ]
    war = _facts("id", "Rusia mengirim 800 tentara yang pernah ikut perang di Suriah ke Mali.\n")
    assert [_names(war, d.to)[0] for d in war.deployments] == ["Mali"]


def test_troops_sent_to_the_protest_just_told_began_on_its_day() -> None:
    """Rule the-day-of-the-protest-they-guard, for troops sent where the protest just told
    is: "Demo ... pada Kamis (13/3/2025) berujung ricuh. Untuk mengendalikan situasi, Polda
    Bengkulu menurunkan 300 personel" began on 13 March."""
    f = _facts(
        "id",
        "Demo mahasiswa menolak kenaikan tarif air di Kota Bengkulu pada Kamis (13/3/2025) "
        "berujung ricuh. Untuk mengendalikan situasi, Polda Bengkulu menurunkan sekitar 300 "
        "personel gabungan.\n",
        published="2025-03-14",
    )
    ((d,),) = [f.deployments]
    assert _names(f, d.to) == ("Kota Bengkulu",)
    assert d.start is not None and d.start.value == dt.date(2025, 3, 13)


@pytest.mark.parametrize(
    "cue", ["Dikutip Warta Buruh dari berbagai sumber", "Dilansir Warta Buruh"]
)
def test_the_day_a_report_was_quoted_is_not_the_protest_s(cue: str) -> None:
    """The day after "Dikutip X dari ..." is when the report was quoted: the strike's own
    day, told after it, is its start."""
    f = _facts(
        "id",
        f"{cue}, Sabtu (7/6/2025), ribuan buruh mogok kerja di seluruh Indonesia pada "
        "Kamis (5/6) lalu untuk menuntut kenaikan upah.\n",
        published="2025-06-08",
    )
    assert [p.start.value for p in f.protests if p.start] == [dt.date(2025, 6, 5)]


@pytest.mark.parametrize(
    ("lang", "body", "row"),
    [
        (
            "id",
            "Norwegia akan mengurangi separuh dari 1.800 tentaranya di Estonia tahun depan.",
            ("Norwegia", "Estonia", 1800),
        ),
        (
            "id",
            "Jerman akan memangkas jumlah pasukannya di Mali dari 1.100 menjadi 600 personel.",
            ("Jerman", "Mali", 1100),
        ),
        (
            "en",
            "Norway will reduce the number of its soldiers serving in Estonia from 1,800 to 900.",
            ("Norway", "Estonia", 1800),
        ),
        (
            "en",
            "Germany will draw down its forces in Mali from 1,100 to 600.",
            ("Germany", "Mali", 1100),
        ),
    ],
)
def test_troops_to_be_cut_are_there_now(lang: str, body: str, row: tuple[str, str, int]) -> None:
    """Rule a-cut-counts-the-troops-there: a plan to cut, halve or draw down troops in a
    place tells that they are there (happened), as many as the cut starts from."""
    f = _facts(lang, body + "\n", published="2024-06-01")
    assert [
        (_names(f, d.by)[0], _names(f, d.to)[0], d.troops.value if d.troops else None, d.status)
        for d in f.deployments
    ] == [(*row, DeploymentStatus.HAPPENED)]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("id", "Uni Eropa meminta Malaysia ikut mengerahkan pasukan ke Armenia."),
        ("en", "The EU asked Malaysia to deploy troops to Armenia."),
    ],
)
def test_a_state_asked_to_send_troops_has_not_sent_them(lang: str, body: str) -> None:
    """Rule asked-to-send: "meminta Malaysia mengerahkan pasukan", "asked Malaysia to
    deploy troops": planned, at the asker's request."""
    f = _facts(lang, body + "\n")
    ((d,),) = [f.deployments]
    assert (_names(f, d.by)[0], _names(f, d.to)[0]) == ("Malaysia", "Armenia")
    assert d.status is DeploymentStatus.PLANNED
    assert _names(f, d.requested_by)[0] in ("Uni Eropa", "EU")


def test_a_force_the_troops_are_sent_to_help_is_not_their_sender() -> None:
    """ "Polda Maluku akan mengirim dua peleton Brimob guna menambah kekuatan personel guna
    membantu Polres Buru": the subject sends them; the troops' purpose names no owner."""
    f = _facts(
        "id",
        "Polda Maluku akan mengirim dua peleton Brimob guna menambah kekuatan personel guna "
        "membantu Polres Buru menangani keamanan setelah kericuhan di Namlea.\n",
    )
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("Polda Maluku", "Namlea")
    ]


def test_members_counted_in_a_composition_are_a_force_s_part() -> None:
    """Rule counted-part with members: "terdiri dari 70 anggota Polres Buru, 60 personel
    Brimob Polda Maluku dan 40 anggota Kodim 1506"."""
    f = _facts(
        "id",
        "Sebanyak 170 personel gabungan dikerahkan Polda Maluku ke Namlea, Senin (3/3/2025). "
        "Personel itu terdiri dari 70 anggota Polres Buru, 60 personel Brimob Polda Maluku "
        "dan 40 anggota Kodim 1506.\n",
        published="2025-03-04",
    )
    parts = {_names(f, d.by)[0]: d.troops.value for d in f.deployments if d.part_of and d.troops}
    assert parts == {"Polres Buru": 70, "Brimob Polda Maluku": 60, "Kodim 1506": 40}


def test_a_riot_in_a_town_before_its_regency_is_in_the_town() -> None:
    """Rule the-town-of-its-province, through a regency: "ke Oksibil Kabupaten Pegunungan
    Bintang, Papua Pegunungan seusai kerusuhan": the riot and the troops are in Oksibil."""
    f = _facts(
        "id",
        "Satu peleton Brimob Polda Papua digeser ke Oksibil Kabupaten Pegunungan Bintang, "
        "Papua Pegunungan seusai kerusuhan yang terjadi pada Kamis (3/6/2021) siang.\n",
    )
    assert [_names(f, p.location)[0] for p in f.protests] == ["Oksibil"]
    assert [_names(f, d.to)[0] for d in f.deployments] == ["Oksibil"]


def test_people_counted_by_what_they_are_name_no_cause() -> None:
    """Rule counted-people: "terdiri atas tujuh pelajar dan tiga pengangguran" counts the
    arrested, it names no protest against unemployment; and the tax rise is the cause,
    not a fare increase ("kenaikan tarif PBB")."""
    f = _facts(
        "id",
        "Polisi menangkap 10 orang, terdiri atas tujuh pelajar dan tiga pengangguran, saat "
        "demo tolak kenaikan tarif PBB di Kabupaten Kudus, Senin (7/6/2021), berujung ricuh.\n",
    )
    ((p,),) = [f.protests]
    assert list(p.causes) == ["land and building tax rise"]
    assert p.arrests is not None and p.arrests.value == 10


def test_a_rally_at_a_police_seat_is_in_the_town_it_serves() -> None:
    """ "di depan Mapolres Ternate": the seat of Polres Ternate (force_seats), a site in
    Ternate, where the protest is."""
    f = _facts(
        "id",
        "Ratusan pelajar berunjuk rasa di depan Mapolres Ternate, Jumat (4/6/2021), dan "
        "melempari kantor polisi itu dengan batu.\n",
    )
    assert [_names(f, p.location)[0] for p in f.protests] == ["Ternate"]


def test_the_crowd_told_of_protests_on_the_protest_told() -> None:
    """Rule the-crowd-told-of-protests-on: "Mereka turun ke jalan guna memprotes penganiayaan
    seorang pelajar di Kota Tidore pada 1 Juni": the protest told before, in its own place
    and on its own day; Tidore and 1 June are those of what they protest."""
    f = _facts(
        "id",
        "Ratusan pelajar berunjuk rasa di Kota Ternate, Jumat (4/6/2021). Mereka turun ke "
        "jalan guna memprotes penganiayaan seorang pelajar di Kota Tidore pada 1 Juni 2021.\n",
    )
    assert [(_names(f, p.location)[0], p.start.value if p.start else None) for p in f.protests] == [
        ("Kota Ternate", dt.date(2021, 6, 4))
    ]


@pytest.mark.parametrize(
    "opening",
    [
        "Selain sekitar 700 personel militer Spanyol yang disiagakan di Afrika Barat, ",
        "Hingga tahun lalu, selain sekitar 700 personel militer Spanyol yang disiagakan di "
        "Afrika Barat, ",
    ],
)
def test_a_fronted_clause_is_a_clause_of_its_own(opening: str) -> None:
    """Rule a-fronted-clause: "Selain 700 personel ... di Afrika Barat, Madrid menempatkan
    1.500 personel di kawasan Sahel": two deployments, each with its place; the area noun
    "kawasan" makes no office's building of the Sahel."""
    f = _facts("id", opening + "Spanyol menempatkan 1.500 personel di kawasan Sahel.\n")
    rows = [(_names(f, d.to)[0], d.troops.value if d.troops else None) for d in f.deployments]
    assert rows == [("Afrika Barat", 700), ("Sahel", 1500)]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (
            '"Kami berangkatkan 120 personel ke Jakarta untuk penebalan pasukan," kata Kabid '
            "Humas Polda Jambi Kombes Budi Hartono.",
            DeploymentStatus.HAPPENED,
        ),
        (
            '"Sebanyak 400 prajurit akan mulai kami berangkatkan hari ini ke Nduga," kata '
            "Kapendam XVII/Cenderawasih Kolonel Budi Hartono.",
            DeploymentStatus.HAPPENED,
        ),
        (
            '"Sebanyak 400 prajurit akan kami berangkatkan ke Nduga pekan depan," kata '
            "Kapendam XVII/Cenderawasih Kolonel Budi Hartono.",
            DeploymentStatus.PLANNED,
        ),
    ],
)
def test_troops_the_speaker_s_force_sends_in_plain_words(
    body: str, status: DeploymentStatus
) -> None:
    """ "Kami berangkatkan 120 personel ke Jakarta": the bare verb sends too, the speaker's
    force; "akan mulai ... hari ini" starts on the day it is told."""
    f = _facts("id", body + "\n")
    ((d,),) = [f.deployments]
    assert d.status is status


@pytest.mark.parametrize(
    ("lang", "body", "rows"),
    [
        (
            "id",
            "Spanyol menempatkan 500 tentara di Mali dan 250 tentara di Chad.",
            [("Mali", 500), ("Chad", 250)],
        ),
        (
            "en",
            "Spain deployed 500 troops to Mali and 250 to Chad.",
            [("Mali", 500), ("Chad", 250)],
        ),
    ],
)
def test_each_place_of_one_sending_gets_its_own_count(
    lang: str, body: str, rows: list[tuple[str, int]]
) -> None:
    """Rule a-place-s-share, in the sentence that sends them: "500 tentara di Mali dan 250
    tentara di Chad" are two deployments, each with its count."""
    f = _facts(lang, body + "\n")
    assert [
        (_names(f, d.to)[0], d.troops.value if d.troops else None) for d in f.deployments
    ] == rows


def test_a_battalion_spelled_batalion_sends_its_troops() -> None:
    """ "200 prajurit dari Batalion Infanteri 112/Darma Jaya diberangkatkan ke Kota Sorong":
    the battalion is a body (spelled "batalion" as often as "batalyon"), not a place."""
    f = _facts(
        "id",
        "Sebanyak 200 prajurit dari Batalion Infanteri 112/Darma Jaya diberangkatkan ke Kota "
        "Sorong, Senin (7/6/2021).\n",
    )
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("Batalion Infanteri 112/Darma Jaya", "Kota Sorong")
    ]


def test_counted_troops_that_guard_a_place_are_sent_there() -> None:
    """Rule counted-troops-guard: "Sebanyak 420 personel gabungan TNI dan Polri akan
    mengawal aksi mahasiswa di Kota Yogyakarta": the troops' forces, there, planned; a
    purpose ("untuk mengawal") is no verb of its own."""
    f = _facts(
        "id",
        "Sebanyak 420 personel gabungan TNI dan Polri akan mengawal aksi mahasiswa di Kota "
        "Yogyakarta, Senin (7/6/2021).\n",
    )
    rows = {(_names(f, d.by)[0], _names(f, d.to)[0], d.status) for d in f.deployments}
    # rule joint-troops-are-one-force: the joint troops are sent once, by their joint
    # force (rule a-joint-force-of-national-forces)
    assert rows == {("TNI dan Polri", "Kota Yogyakarta", DeploymentStatus.PLANNED)}


def test_a_regional_force_s_troops_then_another_place_s_share() -> None:
    """After "... Jadi total sebanyak 10.000 personel gabungan mengamankan PON di Aceh" (Polda
    Aceh's), "Sementara untuk pengamanan di Sumatera Utara, ada 4.900 personel" are the
    share of the force that serves Sumatera Utara, whose composition, told after, names no
    sender of Aceh's troops."""
    f = _facts(
        "id",
        '"Untuk pengamanan dari Polda Aceh jumlah personel yang dikerahkan sebanyak 6.000, '
        "personel TNI sebanyak 4.000. Jadi total sebanyak 10.000 personel gabungan "
        'mengamankan PON di Aceh," kata Sandi.\nSementara untuk pengamanan di Sumatera Utara, '
        "Sandi menjelaskan ada 4.900 personel gabungan yang dikerahkan. Terdiri dari 4.500 "
        "personel Polda Sumut dan TNI sebanyak 400 personel.\n",
    )
    rows = {(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments if not d.part_of}
    assert rows == {("Polda Aceh", "Aceh"), ("Polda Sumut", "Sumatera Utara")}


@pytest.mark.parametrize(
    "caption",
    [
        "UNJUK RASA DI ALUN-ALUN KOTA CILEGON - Petugas berjaga di depan kantor wali kota.",
        "Foto arsip: Ribuan buruh berunjuk rasa di Jalan Pemuda, Kota Tegal, Kamis (8/10/2020).",
    ],
)
def test_a_photo_s_label_or_archive_caption_tells_no_protest(caption: str) -> None:
    """A line that opens with a label in capitals and a dash, or with "Foto arsip:", is a
    photo's caption: no protest of its own, no place nor day for the story's."""
    f = _facts(
        "id",
        f"{caption}\nRatusan mahasiswa berunjuk rasa di Kota Pekalongan, Senin (7/6/2021).\n",
    )
    assert [(_names(f, p.location)[0], p.start.value if p.start else None) for p in f.protests] == [
        ("Kota Pekalongan", dt.date(2021, 6, 7))
    ]


@pytest.mark.parametrize(
    ("lang", "body", "row"),
    [
        (
            "en",
            "Nepal is one of the largest troop contributors to the UN mission in Lebanon.",
            ("Nepal", "Lebanon"),
        ),
        (
            "id",
            "Nepal merupakan salah satu kontributor pasukan terbesar untuk misi PBB di Lebanon.",
            ("Nepal", "Lebanon"),
        ),
    ],
)
def test_a_troop_contributor_to_a_mission_has_troops_there(
    lang: str, body: str, row: tuple[str, str]
) -> None:
    """ "one of the largest troop contributors to the UN mission in Lebanon": the state's
    troops serve there; "salah satu" (one of) counts no troops."""
    f = _facts(lang, body + "\n")
    ((d,),) = [f.deployments]
    assert (_names(f, d.by)[0], _names(f, d.to)[0]) == row
    assert d.troops is None


def test_the_unit_relieved_does_not_send_the_troops() -> None:
    """Rule the-replaced-unit-sends-not: "400 prajurit Yonif 731 menggantikan Yonif 732
    menjaga perbatasan di Kabupaten Belu": Yonif 731's troops, not the unit they relieve."""
    f = _facts(
        "id",
        "Sebanyak 400 prajurit Yonif 731 menggantikan Yonif 732 menjaga perbatasan di "
        "Kabupaten Belu, Rabu (9/6/2021).\n",
    )
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("Yonif 731", "Kabupaten Belu")
    ]


def test_a_body_s_mission_sent_in_a_passive_is_the_body_s() -> None:
    """ "The EU naval mission has been deployed in Djibouti since 2016": the body whose
    mission is named right after it sends it, as "the Ethiopian army has been deployed"."""
    f = _facts(
        "en",
        "The EU naval mission, with about 900 personnel, has been deployed in Djibouti since 2016.\n",
    )
    ((d,),) = [f.deployments]
    assert (_names(f, d.by)[0], _names(f, d.to)[0]) == ("EU", "Djibouti")
    assert d.start is not None and d.start.value == dt.date(2016, 1, 1)


@pytest.mark.parametrize(
    ("lang", "body", "sender", "country"),
    [
        (
            "en",
            "Zambia deployed 600 troops to help Malawi's army fight the rebels.",
            "Zambia",
            "Malawi",
        ),
        ("en", "Ghana sent 300 police officers to support Liberian forces.", "Ghana", "Liberia"),
        ("en", "Kenya sent 400 police officers to help Haiti restore order.", "Kenya", "Haiti"),
        (
            "id",
            "Lima ratus tentara Uganda dikerahkan untuk menopang pasukan militer Sudan Selatan.",
            "Uganda",
            "Sudan Selatan",
        ),
    ],
)
def test_troops_sent_to_help_a_country_s_forces_go_to_that_country(
    lang: str, body: str, sender: str, country: str
) -> None:
    f = _facts(lang, body)
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [(sender, country)]


def test_a_rally_at_an_office_named_at_length_or_by_a_province_s_short_name_is_in_a_town() -> None:
    f = _facts(
        "id",
        "Medan: Ratusan mahasiswa Universitas Negeri Medan melakukan unjuk rasa di depan kantor "
        "Dewan Perwakilan Rakyat (DPR) Provinsi Sumatera Utara, Senin (7/6/2021).\n",
    )
    assert [_names(f, p.location)[0] for p in f.protests] == ["Medan"]
    f = _facts(
        "id",
        "Aksi unjuk rasa mahasiswa dipusatkan di Kantor DPRD Provinsi Kalbar.\n"
        "Polresta Pontianak mengerahkan 300 personel ke Kota Pontianak untuk mengamankan aksi.\n",
    )
    assert [_names(f, p.location)[0] for p in f.protests] == ["Kota Pontianak"]


def test_troops_at_a_building_of_a_rally_in_a_town_are_in_that_town() -> None:
    f = _facts(
        "id",
        "PADANG, KOMPAS.com - Aksi demonstrasi mahasiswa di Gedung DPRD Sumbar berlangsung "
        "Senin (7/6/2021).\n"
        "Sebelumnya, Polda Sumatera Barat menurunkan 800 personel untuk mengamankan aksi "
        "demonstrasi di Gedung DPRD Sumbar.\n",
    )
    assert [_names(f, p.location)[0] for p in f.protests] == ["PADANG"]
    assert [_names(f, d.to)[0] for d in f.deployments] == ["PADANG"]


def test_counted_police_securing_a_rally_belong_to_the_force_whose_officer_speaks_next() -> None:
    f = _facts(
        "id",
        "Kendari (ANTARA) - Sebanyak 900 personel Kepolisian mengamankan demonstrasi mahasiswa "
        "di Kantor Gubernur Sulawesi Tenggara, Kamis (10/6/2021).\n\n"
        '"Kami menurunkan personel gabungan," kata Kepala Bagian Operasi Polresta Kendari, '
        "Kompol Budi Santoso di Kendari, Kamis.\n",
    )
    rows = [(_names(f, d.by)[0], _names(f, d.to)[0], d.troops) for d in f.deployments]
    assert [(by, to, t.value if t else None) for by, to, t in rows] == [
        ("Polresta Kendari", "Kendari", 900)
    ]


def test_a_dateline_of_a_town_and_an_outlet_ended_by_a_bar() -> None:
    f = _facts(
        "id",
        "SORONG, WARTAKITA.ID | Suasana depan kampus berubah ketika ratusan mahasiswa turun ke "
        "jalan menggelar aksi, Rabu (10/9/2025).\n",
        "2025-09-10",
    )
    assert [_names(f, p.location)[0] for p in f.protests] == ["SORONG"]
    assert not any("WARTAKITA" in e.names[0] for e in f.entities)


def test_troops_added_from_another_force_are_not_the_verb_s_and_anticipating_a_rally_guards_it() -> (
    None
):
    f = _facts(
        "id",
        "Ratusan mahasiswa berunjuk rasa di Kota Jambi, Senin (7/6/2021).\n"
        "Untuk mengantisipasi aksi unjuk rasa itu, Polda Jambi mengerahkan 900 personel, "
        "ditambah 300 personel dari Polresta Jambi.\n",
    )
    rows = [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments if d.troops]
    assert rows[0] == ("Polda Jambi", "Kota Jambi")
    assert f.deployments[0].troops is not None and f.deployments[0].troops.value == 900


def test_a_regional_brimob_unit_written_satbrimobda_is_a_body_that_sends() -> None:
    f = _facts(
        "id",
        "SERANG - Tiga kompi atau 300 personel Satbrimobda Banten ditarik dari Jakarta, "
        "Senin (21/10/2019).\n",
        "2019-10-21",
    )
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("Satbrimobda Banten", "Jakarta")
    ]


def test_a_quote_that_opens_with_the_sender_s_name_keeps_it() -> None:
    f = _facts(
        "id",
        '"Mabes TNI mengirimkan 1 SSK (Satuan Setingkat Kompi) yang berjumlah 100 pasukan ke '
        'Kecamatan Rupat," kata Kolonel Budi Santoso.\n',
    )
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("Mabes TNI", "Kecamatan Rupat")
    ]
    assert not any(e.names[0] == "Satuan Setingkat Kompi" for e in f.entities)


def test_a_council_that_decides_a_deployment_is_its_body_s() -> None:
    f = _facts(
        "id",
        'Pasukan CSTO tiba di Almaty. "Dewan Keamanan CSTO memutuskan mengerahkan pasukan '
        'penjaga perdamaian ke Kazakhstan," ujar Pashinyan.\n',
    )
    rows = {(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments}
    # the council's deployment to Kazakhstan is the one told in its town Almaty (rule
    # the-country-of-the-town-deployed-to), the bloc's, not its council's
    assert rows == {("CSTO", "Almaty")}


def test_troops_leaving_a_numbered_base_leave_the_town_it_is_in() -> None:
    f = _facts("en", "US troops will now focus on withdrawing from Air Base 201 in Agadez.\n")
    assert [_names(f, d.to)[0] for d in f.deployments] == ["Agadez"]


@pytest.mark.parametrize(
    ("lang", "body", "to"),
    [
        (
            "id",
            "Untuk mengamankan pelantikan bupati di Kota Wamena, Polri mengerahkan 1.250 "
            "personel.\n",
            "Kota Wamena",
        ),
        (
            "en",
            "To secure the governor's inauguration in Kisumu, Kenya deployed 640 police "
            "officers.\n",
            "Kisumu",
        ),
    ],
)
def test_counted_troops_sent_nowhere_are_at_the_one_place_the_sentence_names(
    lang: str, body: str, to: str
) -> None:
    """Rule the-place-the-sentence-names: the clause names no destination, the sentence one
    town after a preposition of place."""
    f = _facts(lang, body)
    (d,) = f.deployments
    assert _names(f, d.to)[0] == to
    assert d.troops is not None and d.troops.value in (1250, 640)


def test_a_ceremony_site_is_not_where_counted_troops_go() -> None:
    """Rule the-place-the-sentence-names takes no site: a send-off on a field is no
    destination."""
    f = _facts("id", "TNI memberangkatkan 215 prajurit dalam upacara di Lapangan Merdeka.\n")
    assert all("Lapangan Merdeka" not in _names(f, d.to) for d in f.deployments)


def test_the_first_counted_troops_that_name_no_place_go_where_the_story_is() -> None:
    """Rule the-place-the-story-is-about: the article's first counted troops, with no place
    in their sentence, are in the place the story names most."""
    body = (
        "Banjir merendam ratusan rumah di Kabupaten Sintang sejak Senin (7/6/2021).\n\n"
        "Sebanyak 340 prajurit TNI AD diterjunkan untuk membantu warga yang terdampak banjir.\n\n"
        "Menurut BPBD, air di Kabupaten Sintang mulai surut pada Rabu.\n"
    )
    f = _facts("id", body)
    (d,) = f.deployments
    assert _names(f, d.by) == ("TNI AD",) and _names(f, d.to) == ("Kabupaten Sintang",)


def test_no_story_place_when_two_places_are_named_as_often() -> None:
    """Rule the-place-the-story-is-about wants one place named more than any other."""
    body = (
        "Banjir merendam Kabupaten Sintang dan Kabupaten Melawi sejak Senin (7/6/2021).\n\n"
        "Sebanyak 340 prajurit TNI AD diterjunkan untuk membantu warga.\n"
    )
    f = _facts("id", body)
    assert f.deployments == [] or all(d.to is None for d in f.deployments)


def test_the_first_counted_troops_of_no_sender_or_place_are_the_speaking_force_s() -> None:
    """Rule the-force-of-who-speaks-of-it also for troops with no place named: the speaker's
    force sends them, to the place the story is about."""
    body = (
        "Banjir bandang melanda Kabupaten Sintang sejak Senin (7/6/2021).\n\n"
        "Sebanyak 420 personel gabungan diterjunkan untuk membantu warga terdampak banjir, kata "
        "Kapolres Sintang AKBP Ade Kuncoro.\n\n"
        "Air di Kabupaten Sintang mulai surut pada Rabu.\n"
    )
    f = _facts("id", body)
    (d,) = f.deployments
    assert _names(f, d.by)[0] == "Polres Sintang"
    assert _names(f, d.to) == ("Kabupaten Sintang",)


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "id",
            "Sebanyak 420 personel TNI diterjunkan untuk membantu evakuasi warga di Kabupaten "
            "Sintang.\n",
        ),
        ("en", "About 420 Kenyan soldiers were deployed to help the evacuation in Garissa.\n"),
    ],
)
def test_a_measure_after_a_purpose_word_is_no_object_of_the_verb(lang: str, body: str) -> None:
    """ "diterjunkan untuk membantu evakuasi": the evacuation is what they help with, not
    the measure the verb deploys (as in "ordered a curfew")."""
    (d,) = _facts(lang, body).deployments
    assert d.troops is not None and d.troops.value == 420


def test_troops_another_force_adds_are_its_own_row() -> None:
    """Rule counted-part, for troops added ("ditambah 1.031 personel dari X"): the force
    that adds them sends them where the others go."""
    f = _facts(
        "id",
        "Polda Sultra mengerahkan 2.076 personel ke Kota Kendari, ditambah 1.031 personel dari "
        "Polresta Kendari.\n",
    )
    rows = {
        (_names(f, d.by)[0], _names(f, d.to)[0], d.troops.value if d.troops else None)
        for d in f.deployments
    }
    assert rows == {
        ("Polda Sultra", "Kota Kendari", 2076),
        ("Polresta Kendari", "Kota Kendari", 1031),
    }


def test_a_list_of_bodies_each_before_its_count_of_troops_gives_the_parts() -> None:
    """Rule counted-part, with no composition cue: "Polresta Padang 533 personel, Polres
    Pariaman 250 personel dan ..." lists the parts of the deployment told before."""
    body = (
        "Sebanyak 1.000 personel Polresta Padang mengamankan demonstrasi mahasiswa di Padang, "
        "Kamis.\n\n"
        '"Kami menurunkan personel gabungan. Polresta Padang 533 personel, Polres Pariaman 250 '
        'personel dan Satbrimob Polda Sumbar 200 personel," kata Kompol Alwi Haskar.\n'
    )
    f = _facts("id", body)
    parts = {
        (_names(f, d.by)[0], d.troops.value if d.troops else None)
        for d in f.deployments
        if d.part_of is not None
    }
    assert parts == {
        ("Polresta Padang", 533),
        ("Polres Pariaman", 250),
        ("Satbrimob Polda Sumbar", 200),
    }
    # one body with its count is no list
    one = body.replace("Polres Pariaman 250 personel dan Satbrimob Polda Sumbar 200 personel", "")
    assert all(d.part_of is None for d in _facts("id", one).deployments)


def test_a_backup_from_another_force_is_a_part() -> None:
    """Rule counted-part: "ada back up dari Kodim 0312 Padang sebanyak 100 personel" after a
    deployment is a part of it from that force."""
    body = (
        "Polda Sumbar menerjunkan 892 personel untuk mengamankan aksi mahasiswa di Padang. "
        "Selain itu juga ada back up dari Kodim 0312 Padang sebanyak 100 personel.\n"
    )
    f = _facts("id", body)
    parts = [(_names(f, d.by)[0], d.troops) for d in f.deployments if d.part_of is not None]
    assert [(name, q.value if q else None) for name, q in parts] == [("Kodim 0312 Padang", 100)]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "id",
            "Polisi mewaspadai kemungkinan adanya aksi massa di Kota Medan, Senin (7/6/2021).\n",
        ),
        (
            "en",
            "Police are bracing for potential protests in Mombasa on Monday.\n",
        ),
    ],
)
def test_a_possible_protest_is_no_protest(lang: str, body: str) -> None:
    """protest_negations: a protest the police expect may happen is no event."""
    assert _facts(lang, body).protests == ()


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("id", "Pasukan Rusia dikerahkan untuk mengatasi protes damai pada Senin (3/1/2022).\n"),
        ("en", "Russian troops were deployed to quell the protests on Monday, January 3, 2022.\n"),
    ],
)
def test_the_country_whose_troops_quell_a_protest_is_not_its_place(lang: str, body: str) -> None:
    """ "pasukan Rusia dikerahkan untuk mengatasi protes": Russia's troops, not a protest in
    Russia."""
    f = _facts(lang, body, "2022-01-13")
    assert all(f.entity(p.location).authority != "russia" for p in f.protests if p.location)


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "en",
            "Students in Bangladesh marched in Dhaka on Monday, July 1, 2024. The unrest began "
            "over anger at quotas for the families of those who fought for independence from "
            "Pakistan.\n",
        ),
        (
            "id",
            "Kerusuhan pecah di Dhaka, Senin (1/7/2024). Kerusuhan itu dipicu kuota bagi "
            "keluarga pejuang kemerdekaan dari Pakistan.\n",
        ),
    ],
)
def test_a_place_the_cause_comes_from_is_not_the_protest_s(lang: str, body: str) -> None:
    """ "over ... quotas for those who fought for independence from Pakistan": the cause
    names Pakistan; no protest there."""
    f = _facts(lang, body, "2024-07-02")
    assert all(f.entity(p.location).authority != "pakistan" for p in f.protests if p.location)


def test_an_armed_uprising_is_no_protest() -> None:
    """Rule an-armed-uprising (armed_before): "a jihadist uprising that began in 2012" is
    an insurgency."""
    body = (
        "Mali is the epicenter of a jihadist uprising that began in the north of the country "
        "in 2012 and spread to neighboring Niger.\n"
    )
    assert _facts("en", body, "2022-01-13").protests == ()
    unarmed = _facts("en", body.replace("jihadist ", "popular "), "2022-01-13")
    assert len(unarmed.protests) == 1


def test_a_site_is_in_the_one_town_the_story_names() -> None:
    """Rule a-site-is-in-the-story-s-one-town: a rally "di Istana Negara", with no town
    named near it, is in the only town the article names."""
    body = (
        "Hari ini (12/9/2022) massa buruh berencana menggelar demo di Istana Negara terkait "
        "kenaikan harga BBM.\n\n"
        "Para buruh menilai kenaikan harga bahan bakar memberatkan masyarakat kecil, terutama "
        "pengemudi ojek, nelayan dan pedagang kaki lima yang setiap hari membutuhkan bahan "
        "bakar untuk bekerja. Mereka meminta pemerintah membatalkan keputusan itu dan "
        "mengalihkan anggaran subsidi kepada warga yang paling membutuhkan. Menurut mereka, "
        "bantuan langsung tunai yang dijanjikan pemerintah tidak cukup untuk menutup kenaikan "
        "biaya hidup.\n\n"
        "Polisi di Jakarta menyiapkan pengamanan sejak pagi.\n"
    )
    f = _facts("id", body, "2022-09-12")
    places = {_names(f, p.location)[0] for p in f.protests}
    assert "Istana Negara" not in places and "Jakarta" in places


def test_a_monument_is_a_site_in_its_town() -> None:
    """site_words: "rallied at Democracy Monument" is in the town the text names next."""
    body = (
        "Dozens of protesters rallied at Democracy Monument on Tuesday, October 13, 2020. "
        "Police in Bangkok arrested 21 people.\n"
    )
    f = _facts("en", body, "2020-10-14")
    assert [_names(f, p.location)[0] for p in f.protests] == ["Bangkok"]


@pytest.mark.parametrize(
    ("lang", "body", "place"),
    [
        (
            "id",
            "TNI berencana mengerahkan prajurit beserta alutsista untuk membantu penanggulangan "
            "bencana gempa bumi yang melanda Myanmar.\n",
            "Myanmar",
        ),
        (
            "en",
            "Pakistan deployed 400 soldiers to help victims of the floods that hit Sindh.\n",
            "Sindh",
        ),
    ],
)
def test_troops_sent_to_help_after_a_disaster_go_where_it_struck(
    lang: str, body: str, place: str
) -> None:
    """Rule the-place-the-disaster-struck (struck_verbs)."""
    f = _facts(lang, body, "2025-03-31")
    (d,) = f.deployments
    assert _names(f, d.to) == (place,)


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "id",
            "PALU - Gempa mengguncang Kota Palu, Senin (7/6/2021). Sebanyak 300 personel TNI "
            "yang terdiri dari 200 personel Yonif 711/Raksatama dan 100 personel dari Kodim "
            "1306/Donggala mendirikan tenda pengungsian di Kota Palu.\n",
        ),
        (
            "en",
            "An earthquake struck Palu on Monday. A force of 300 Indonesian soldiers made up of "
            "200 troops from Yonif 711 and 100 from Kodim 1306 set up tents in Palu.\n",
        ),
    ],
)
def test_counted_troops_made_up_of_counted_parts_are_deployed(lang: str, body: str) -> None:
    """deploy_verbs: "300 personel TNI yang terdiri dari 200 personel Yonif 711 dan 100
    personel dari Kodim 1306 mendirikan tenda": troops counted with their parts are there,
    with no verb of sending."""
    f = _facts(lang, body)
    whole = [d for d in f.deployments if d.part_of is None]
    parts = [d for d in f.deployments if d.part_of is not None]
    assert len(whole) == 1 and whole[0].troops is not None and whole[0].troops.value == 300
    assert "palu" in _names(f, whole[0].to)[0].lower()
    if lang == "id":
        assert sorted(d.troops.value for d in parts if d.troops) == [100, 200]


def test_a_bare_count_after_a_count_cue_counts_the_troops_of_the_clause() -> None:
    """Rule troops-counted-as-people: "Personel Polres diterjunkan sebanyak 430, ..." counts
    430 troops, with no noun after the number."""
    body = "Personel Polres Bitung diterjunkan ke Kota Bitung sebanyak 430, kata Kapolres.\n"
    (d,) = _facts("id", body).deployments
    assert d.troops is not None and d.troops.value == 430


@pytest.mark.parametrize(
    ("lang", "body", "to"),
    [
        (
            "id",
            "Mabes TNI mengirimkan 100 prajurit untuk membantu pemadaman karhutla di Bengkalis, "
            "yakni di Kecamatan Rupat.\n",
            "Kecamatan Rupat",
        ),
        (
            "en",
            "Indonesia sent 100 soldiers to fight the fires in Riau, specifically in Dumai.\n",
            "Dumai",
        ),
    ],
)
def test_a_destination_narrowed_to_a_place_inside_it(lang: str, body: str, to: str) -> None:
    """Rule the-place-narrowed-to; a list after "yakni" is not narrowed to its first."""
    f = _facts(lang, body)
    (d,) = f.deployments
    assert _names(f, d.to) == (to,)
    listed = _facts(
        "id",
        "Polda mengirimkan 192 personel ke beberapa wilayah Sulawesi Tengah, yakni di Kabupaten "
        "Poso, Sigi, dan Parigi Moutong.\n",
    )
    assert all(_names(listed, d.to) != ("Kabupaten Poso",) for d in listed.deployments)


def test_a_site_with_no_town_near_it_is_in_the_town_the_story_names_most() -> None:
    """Rule a-site-is-in-the-story-s-town: a protest "on Hill Road" whose town is not named
    near it is in the town the story names twice, not in one it names once."""
    f = _facts(
        "en",
        "Students held a protest against the new law on Hill Road on Wednesday.\n\n"
        "Police said more than 900 officers would be on duty for the second march, which "
        "organisers expect to be the largest yet, and the two marches in the city had been "
        "calm so far. Residents, teachers and shopkeepers are expected to join the students, "
        "and the organisers have asked every marcher to carry water and to keep to the route "
        "that the traffic police have agreed with them. A senior officer said the force had "
        "talked with the organisers every day this week and that both sides wanted a calm "
        "march.\n\nOfficials in Pune said they had talked with the organisers.\n\n"
        "Unlike the clashes in Delhi last week, the march was peaceful, and Pune's traders "
        "kept their shops open.\n",
    )
    assert [_names(f, p.location) for p in f.protests][:1] == [("Pune",)]


def test_a_national_strike_is_a_wave_in_the_story_s_country() -> None:
    """ "The national strike on Thursday" and "aksi serentak di berbagai wilayah" tell of a
    wave across the country, whose place is the story's country."""
    f = _facts(
        "en",
        "Peru's unions said the national strike on Thursday was joined by farmers and "
        "students. Officials in Peru counted 40 road blocks.\n",
    )
    assert [_names(f, p.location)[0] for p in f.protests] == ["Peru"]
    f = _facts(
        "id",
        "Para buruh di Indonesia menolak aturan itu. Selain itu, ada aksi serentak di berbagai "
        "wilayah pada Senin (7/6/2021).\n",
    )
    assert [_names(f, p.location)[0] for p in f.protests] == ["Indonesia"]


def test_the_story_s_country_when_countries_named_once_tie() -> None:
    """Rule main-country: "countries like Chile, Spain and Italy" each named once do not
    outweigh the country whose demonyms and towns the story names ("Bolivian", "in the
    town of Oruro", "Potosí"): the national strike is Bolivia's."""
    f = _facts(
        "en",
        "Bolivian Interior Minister Juan Rojas said three people died during the national "
        "strike on Thursday. Two died in the town of Oruro and one in Potosí. Bolivians "
        "abroad, in countries like Chile, Spain and Italy, rejected the violence.\n",
    )
    assert [_names(f, p.location)[0] for p in f.protests] == ["Bolivia"]


def test_a_border_between_two_countries_is_one_destination() -> None:
    """Rule a-border-between-is-one-place: troops sent "di perbatasan antara Libanon dan
    Israel" / "to the border between Chad and Sudan" go to one place, not to both."""
    f = _facts(
        "id",
        "TNI akan mengirim 850 prajurit untuk menjaga perdamaian di perbatasan antara Libanon "
        "dan Israel pada November 2021.\n",
    )
    assert [_names(f, d.to)[0] for d in f.deployments] == ["Libanon"]
    f = _facts("en", "France sent 300 soldiers to the border between Chad and Sudan on Monday.\n")
    assert [_names(f, d.to)[0] for d in f.deployments] == ["Chad"]


def test_the_crowd_that_enters_is_no_deployment() -> None:
    """Rule the-crowd-moves: "mencegah massa aksi masuk ke dalam Gedung DPR RI" tells of the
    crowd going in, not of troops sent there; a building they are posted around is no
    destination either (codebook: buildings are places)."""
    f = _facts(
        "id",
        "JAKARTA - Sebanyak 3.000 personel gabungan dikerahkan untuk mengamankan aksi demo "
        "buruh di depan Gedung DPR RI, Kamis (10/6/2021).\n\nPersonel gabungan tersebut "
        "terdiri dari Polda Metro Jaya, Polres Metro Jakarta Pusat dan TNI.\n\nMereka "
        "ditempatkan di sejumlah titik sekitar Gedung DPR RI.\n\n"
        '"Pengamanan juga dilakukan untuk mencegah massa aksi masuk ke dalam Gedung DPR RI," '
        "kata Kapolres Metro Jakarta Pusat Kombes Budi Santoso.\n",
    )
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("Polda Metro Jaya", "JAKARTA")
    ]


def test_a_site_with_no_town_is_in_the_dateline_town() -> None:
    """Rule a-site-is-in-the-dateline-town: troops on standby "di Monas dan Tugu Tani" by a
    force that serves no area are in the town the story was written in; Monas and a
    "tugu" are sites."""
    f = _facts(
        "id",
        "Berita.com, Jakarta - Sebanyak 2.000 personel cadangan disiagakan di Monas dan Tugu "
        "Tani oleh TNI pada Jumat (11/6/2021).\n",
    )
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [("TNI", "Jakarta")]


def test_where_a_spokesman_spoke_is_no_protest_s_place() -> None:
    """Rule where-it-was-said: '"...," kata Kabid Humas Polda Metro Jaya Kombes X di
    Jakarta, Senin, mengenai dua peserta unjuk rasa' is where the spokesman spoke, not a
    second protest; and "Polisi X di Jakarta" (a rank and its holder) sends no troops."""
    f = _facts(
        "id",
        "Jakarta (Berita) - Polisi menahan dua demonstran yang terlibat unjuk rasa berujung "
        "ricuh di depan Istana Kepresidenan, Jakarta Pusat, Jumat (4/6) malam.\n\n"
        '"Sudah diperiksa, ditahan dua orang," kata Kepala Bidang Humas Polda Metro Jaya '
        "Komisaris Besar Polisi Andi Rahman di Jakarta, Senin, mengenai dua peserta unjuk "
        "rasa mahasiswa untuk memprotes pemerintah pada Jumat malam.\n",
    )
    assert f.deployments == ()
    assert [_names(f, p.location)[0] for p in f.protests] == ["Jakarta Pusat"]


def test_a_name_made_an_adjective_is_no_protest_s_place() -> None:
    """Rule a-name-made-an-adjective: "demonstrators supporting Iran-backed militias
    withdrew from the square" after a rally in Basra protest nowhere in Iran."""
    f = _facts(
        "en",
        "Protesters rallied in Basra on Monday. Demonstrators supporting Iran-backed "
        "militias withdrew from the square on Thursday evening.\n",
    )
    assert "Iran" not in [_names(f, p.location)[0] for p in f.protests]


def test_the_town_the_troops_patrol_and_the_count_that_arrived_there() -> None:
    """Rules the-place-pointed-back-to (its town anaphora, with no place told before, is
    the dateline's town) and counted-arrival-told-on: "TORREON, Mexico - Mexico sent in
    special forces to patrol the town. More than 300 soldiers turned up in Torreon"."""
    f = _facts(
        "en",
        "TORREON, Mexico (Wire) - Mexico acted on Sunday after a gang attack on a prison, "
        "sending in special forces to patrol the town and asking neighbours for help.\n\n"
        "More than 300 soldiers turned up in Torreon over the weekend after the attack.\n",
    )
    rows = [(_names(f, d.by)[0], _names(f, d.to)[0], d.troops) for d in f.deployments]
    assert [(by, to, q.value if q else None) for by, to, q in rows] == [("Mexico", "TORREON", 300)]


def test_troops_that_started_arriving_and_the_airport_they_landed_at() -> None:
    """ "have started arriving in Mogadishu" is a deployment; "aboard two Egyptian Military
    aircraft" names Egypt's military, not the story country's (rule
    the-named-country-s-military, with a demonym); and the airport they landed at is in the
    town told before (rule a-site-is-in-the-town-told-before)."""
    f = _facts(
        "en",
        "Kenyan Armed Forces and equipment have started arriving in Mogadishu, weeks after "
        "the council approved the mission in Somalia.\n\nThe soldiers arrived this week "
        "aboard two Kenyan Military transport aircraft at Aden Adde International Airport.\n",
    )
    rows = {(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments}
    assert ("Kenyan Armed Forces", "Mogadishu") in rows
    assert all(to == "Mogadishu" and by != "Somalia" for by, to in rows)


def test_the_capital_an_apposition_describes() -> None:
    """Rule the-capital-named-before: "When Termez, the capital of the Surxondaryo region,
    erupted in unrest" places the unrest in Termez, not in the country's capital."""
    f = _facts(
        "en",
        "Uzbekistan is calm. When Termez, the capital of the southern Surxondaryo region, "
        "erupted in unrest on July 1, security forces killed 18 people.\n",
        published="2022-07-08",
    )
    assert [_names(f, p.location)[0] for p in f.protests] == ["Termez"]


def test_a_dated_protest_with_no_place_in_a_story_of_one_country() -> None:
    """Rule a-dated-protest-in-the-story-country: protesters who "stormed the barricades on
    Thursday (31/3/2022)" in a story that names Sri Lanka and no town protested there; a
    year alone dates nothing; a country named only as the owner of troops is not enough
    ("Pasukan Rusia dikerahkan untuk mengatasi protes")."""
    f = _facts(
        "id",
        "Polisi Sri Lanka menembakkan gas air mata ke demonstran.\n\nPara pengunjuk rasa "
        "menyerbu barikade pada Kamis (31/3/2022) malam.\n\nSri Lanka berada di tengah "
        "krisis devisa.\n",
        published="2022-04-01",
    )
    assert [(_names(f, p.location)[0], str(p.start.value)) for p in f.protests] == [
        ("Sri Lanka", "2022-03-31")
    ]


def test_military_vehicles_name_no_force() -> None:
    """ "About 100 infantry troops and 40 military vehicles were shipped across the Baltic
    Sea" in a story about Lithuania: "military" describes the vehicles, it is not
    Lithuania's military sending them."""
    f = _facts(
        "en",
        "Lithuania welcomed its allies on Sunday. About 100 infantry troops and almost 40 "
        "military vehicles were transferred by ship across the Baltic Sea on Saturday.\n",
    )
    assert not any(_names(f, d.by)[0] == "Lithuania" for d in f.deployments)


def test_a_place_before_a_pronoun_subject_sends_no_troops() -> None:
    """Rule a-pronoun-is-the-subject: "the battalion that stabilised the capital of Bangui
    when they first deployed": they deployed, not Bangui (nor its country)."""
    f = _facts(
        "en",
        "It was a joyous homecoming for 142 soldiers who flew back yesterday after their tour "
        "in the Central African Republic (CAR), mostly in Bangui.\n\nBangui has been calm "
        "since last year.\n\nThose being welcomed back home are part of the battalion of 850 "
        "troops that helped stabilise the CAR capital of Bangui when they first deployed "
        "early last year.\n",
        published="2015-01-22",
    )
    assert not any(
        _names(f, d.by)[0] in ("Bangui", "Central African Republic") for d in f.deployments
    )


def test_the_defence_forces_a_government_deploys_send_themselves() -> None:
    """Rule the-force-sent: "The Ugandan government has deployed the Uganda Defence Forces
    to support the police in Kampala": the defence forces are the force named as sent."""
    f = _facts(
        "en",
        "The Ugandan government has deployed the Uganda Defence Forces (UPDF) to support the "
        "police in Kampala on Monday.\n",
    )
    assert [_names(f, d.by)[0] for d in f.deployments] == ["Uganda Defence Forces"]


def test_an_undated_arrival_home_is_no_second_deployment() -> None:
    """Rule the-arrival-home-ends-the-tour: troops of Polda NTT sent to Papua who "tiba di
    Kupang" (where the story is written, their force's home) came home: no second
    deployment, to Kupang. The article is undated, so the arrival has no day: the rule
    drops the second row but sets no end on the first and records no step
    (end:the-arrival-home); test_the_day_troops_arrive_home_ends_their_tour checks the end
    and the step."""
    f = _facts(
        "id",
        "Kupang, Berita - Sebanyak 100 personel Brimob Polda NTT yang dikirim ke Papua "
        "kembali ke Kupang dengan selamat.\n\nMereka tiba di Kupang, NTT, Selasa petang "
        "(25/1), menggunakan pesawat komersial, dan sejumlah personel Brimob itu langsung "
        "disambut rekan-rekan mereka.\n\nKepala Polda NTT, Inspektur Jenderal Polisi Budi "
        "Santoso, yang menyambut mereka, mengatakan tugas mereka sudah selesai.\n",
        published="unknown",
    )
    assert [_names(f, d.to)[0] for d in f.deployments] == ["Papua"]


def test_the_day_troops_arrive_home_ends_their_tour() -> None:
    """Rule the-arrival-home-ends-the-tour (end:the-arrival-home): troops of Polres Lembata
    sent to Halmahera Tengah who "tiba di Kabupaten Lembata" on a day came home that day:
    no second deployment, and the first ends on the day of arrival."""
    f, trace = _traced(
        "id",
        "Polres Lembata mengirim 45 personel ke Kabupaten Halmahera Tengah pada Senin "
        "(3/5/2021) untuk membantu pengamanan pilkada.\n\nSetelah sebulan bertugas, puluhan "
        "personel Polres Lembata itu tiba di Kabupaten Lembata, Rabu (9/6/2021), dengan "
        "kapal penumpang.\n",
    )
    (d,) = f.deployments
    assert _names(f, d.to) == ("Kabupaten Halmahera Tengah",)
    assert d.start is not None and d.start.iso == "2021-05-03"
    assert d.end is not None and d.end.iso == "2021-06-09"
    assert "end:the-arrival-home" in _rules(trace, "deployments", d.id)


def test_a_mall_named_with_its_town_is_a_site() -> None:
    """ "dari titik kumpul di Cito Mall Surabaya": a mall is a site, also with its town after
    its head word; the rally is the town's, not a second protest at the mall."""
    f = _facts(
        "id",
        "Ribuan buruh dari berbagai kawasan industri di Jawa Timur memadati jalanan Kota "
        "Surabaya, Kamis (10/6/2021).\n\nAksi yang dimulai sejak pukul 11.00 WIB dari titik "
        "kumpul di Royal Mall Surabaya menuju Gedung Negara Grahadi berjalan tertib.\n",
        published="2021-06-11",
    )
    assert [_names(f, p.location)[0] for p in f.protests] == ["Kota Surabaya"]


def test_the_national_guard_named_in_indonesian_is_the_force_sent() -> None:
    """ "pengerahan 2.000 personel Garda Nasional ke Los Angeles": the National Guard is a
    body and the force sent, not the United States."""
    f = _facts(
        "id",
        "Presiden AS Donald Trump memerintahkan pengerahan 2.000 personel Garda Nasional ke "
        "Los Angeles pada Sabtu (5/6/2021).\n",
    )
    assert [_names(f, d.by)[0] for d in f.deployments] == ["Garda Nasional"]


@pytest.mark.parametrize(
    "body",
    [
        "Pasukan dikirim setelah aksi baku tembak di Kecamatan Sausu pada Senin (7/6/2021).\n",
        "Polisi mewaspadai aksi kriminalitas dan aksi perusakan fasilitas umum di Semarang.\n",
        "Ia menampik kaitan dengan aksi penyerobotan tapal batas di Skouw pada Senin (7/6/2021).\n",
    ],
)
def test_a_gunfight_a_crime_or_vandalism_is_no_protest(body: str) -> None:
    """Rule another-act: "aksi baku tembak", "aksi kriminalitas", "aksi perusakan fasilitas
    umum" are acts, not protests."""
    assert _facts("id", body).protests == ()


def test_an_unknown_place_of_the_town_told_before_is_part_of_its_protest() -> None:
    """ "Thousands of demonstrators broke police cordons at Ratnagar and Bhotaghat" after a
    dated rally in Kathmandu: undated places no gazetteer knows are parts of that town's
    protest, not protests of their own."""
    f = _facts(
        "en",
        "Over 600 activists were arrested in Kathmandu on Tuesday in a police crackdown on "
        "protestors.\n\nThousands of demonstrators broke police cordons to enter restricted "
        "areas at Ratnagar, Bhotaghat and Baghgaon.\n",
    )
    assert [_names(f, p.location)[0] for p in f.protests] == ["Kathmandu"]


def test_a_parliament_named_as_the_sender_stands_for_its_state() -> None:
    """Rule a-parliament-sends-no-troops: "The Turkish parliament extended the mandate to
    deploy troops in Iraq": Turkey deploys them."""
    f = _facts(
        "en",
        "The Turkish parliament on Thursday extended the mandate permitting to deploy troops "
        "in Iraq.\n",
    )
    assert [_names(f, d.by)[0] for d in f.deployments] == ["Turkey"]


def test_the_town_told_first_over_an_undated_country_wave() -> None:
    """Rule the-town-told-first: the one undated protest an article tells of happened in
    the town it named first ("Bentrokan ... terjadi di Bangkok"), though it goes on to the
    wave across the country ("Gelombang protes di Thailand sudah muncul tahun lalu")."""
    f = _facts(
        "id",
        "Bentrokan antara polisi dan pengunjuk rasa terjadi di Bangkok. Polisi menangkap 20 "
        "demonstran.\n\nGelombang protes di Thailand sudah muncul tahun lalu, menuntut "
        "reformasi konstitusi.\n",
        published="unknown",
    )
    assert [_names(f, p.location)[0] for p in f.protests] == ["Bangkok"]


def test_this_sending_of_troops_is_the_one_told() -> None:
    """Rule the-deployment-told-before: "Pengiriman pasukan ini" points back at the
    deployment told; the troops of another act later in its sentence ("masuknya pasukan
    Malaysia ke wilayah Indonesia") are no new deployment."""
    f = _facts(
        "id",
        "Kodam Jaya mengirim 300 prajurit ke Ambon pada Senin (2/3/2020). Pengiriman pasukan "
        "ini tidak terkait dengan masuknya pasukan Malaysia ke wilayah Indonesia.\n",
    )
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("Kodam Jaya", "Ambon")
    ]


def test_who_sees_the_troops_off_sends_none() -> None:
    """Rules where-the-subject-is and examples-are-no-owner: "Unsur pimpinan di Jakarta
    turut mengantar keberangkatan pasukan seperti Polda Metro Jaya": the officials are in
    Jakarta, and the bodies after "seperti" are examples of them, not the troops' owners."""
    f = _facts(
        "id",
        "Kodam Jaya mengirim 300 prajurit ke Ambon pada Senin (2/3/2020).\n\nUnsur pimpinan "
        "di Jakarta turut mengantar keberangkatan pasukan seperti Polda Metro Jaya dan Pemkot "
        "Jakarta.\n",
    )
    assert [_names(f, d.by)[0] for d in f.deployments] == ["Kodam Jaya"]


def test_troops_moved_out_of_a_country_leave_it() -> None:
    """Rule troops-moved-out: "has begun moving troops out of Freedonia" is a withdrawal
    from Freedonia; troops that move out of one town toward another go somewhere."""
    f = _facts(
        "en",
        "Russia has begun moving troops out of Afghanistan as it looks to reduce its "
        "military presence.\n",
    )
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("Russia", "Afghanistan")
    ]


def test_the_country_left_is_the_one_told_before_its_subject() -> None:
    """Rules the-country-left-told-before and a-list-ends-with-and: "Amid chaos in Mali,
    France has started pulling out troops of the restive country": Mali is left, and "Mali,
    France" is no list of senders."""
    f = _facts(
        "en",
        "Amid political chaos in Mali, France has started pulling out troops of the restive "
        "country on Monday.\n",
    )
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [("France", "Mali")]


def test_protests_told_on_in_a_story_of_one_town_are_that_town_s() -> None:
    """Rule the-one-town-of-a-protest-told-on: protests told in several sentences and
    placed in none, in a story whose one town is named where its crowd is, are that
    town's."""
    f = _facts(
        "en",
        "Riot police used force to disperse tens of thousands of protesters against the "
        "media law.\n\nCrowds flocked to parliament after the announcement, moving to the "
        "main avenue of Tbilisi around 17:00.\n\nProtesters remained in the streets well "
        "into the night.\n",
        published="unknown",
    )
    assert [_names(f, p.location)[0] for p in f.protests] == ["Tbilisi"]


def test_a_town_named_only_as_a_distance_holds_no_protest() -> None:
    """A town the story names only as a distance ("berjarak 247 km dari Kota Gorontalo")
    is no place of the protests it tells of without a place."""
    f = _facts(
        "id",
        "Kantor bupati dirusak dan dibakar massa yang menggelar aksi unjuk rasa.\n\nAksi "
        "demonstrasi itu berlangsung hingga malam.\n\nKabupaten itu berjarak 247 km dari "
        "Kota Gorontalo.\n",
        published="unknown",
    )
    assert f.protests == ()


def test_who_backs_a_contingent_sends_none() -> None:
    """Rule who-backs-sends-not: "The first U.N.-backed contingent of foreign police
    arrived in Haiti": the U.N. backs the force, it does not send it."""
    f = _facts(
        "en",
        "The first U.N.-backed contingent of foreign police arrived in Haiti on Tuesday.\n",
    )
    assert not any(_names(f, d.by)[0] == "U.N." for d in f.deployments)


def test_a_couple_hundred_is_no_count() -> None:
    """ "A couple hundred police officers" is a vague count: no number of troops."""
    f = _facts(
        "en",
        "A couple hundred police officers from Kenya landed in Port-au-Prince on Tuesday.\n",
    )
    [d] = f.deployments
    assert d.troops is not None and d.troops.value is None
    assert d.troops.text == "A couple hundred"


def test_a_date_owned_by_another_event_dates_no_protest() -> None:
    """Rule a-date-owned-by-another-event: "against last week's military coup" dates the
    coup, not the demonstrations."""
    f = _facts(
        "en",
        "In Sudan, three protesters were killed as security forces opened fire on "
        "demonstrations across the country against last week's military coup.\n",
    )
    [p] = f.protests
    assert p.start is None


def test_counts_before_another_past_event_are_the_protest_s() -> None:
    """Rule counts-before-another-past-event: the dead told before "last week's military
    coup" are the protest's; the toll after "last year's deadly roof collapse" is not."""
    f = _facts(
        "en",
        "In Sudan, three protesters were killed on demonstrations against last week's "
        "military coup.\n",
    )
    [p] = f.protests
    assert p.deaths is not None and p.deaths.value == 3
    f = _facts(
        "en",
        "Hundreds of protesters gathered in Belgrade on Sunday to demand accountability over "
        "last year's roof collapse, a tragedy that killed 16 people.\n",
    )
    [p] = f.protests
    assert p.deaths is None


def test_the_border_told_before_is_the_country_they_went_toward() -> None:
    """Rule the-border-told-before: "tentara Rusia yang disiagakan di perbatasan Ukraina",
    then "jumlah tentara Rusia di perbatasan hanya sekitar 90 ribu": the border is
    Ukraine's, told before (a place of its own: rule a-country-s-edge-before-it), not
    Russia's own."""
    f = _facts(
        "id",
        "Sinyal perang diperkuat dengan jumlah tentara Rusia yang disiagakan di perbatasan "
        "Ukraina mencapai 100 ribu.\n\nPresiden Ukraina mengatakan, ada 100.000 tentara Rusia "
        "di dekat perbatasan Ukraina.\n\nJumlah tentara Rusia di perbatasan Ukraina meningkat "
        "sejak 3 November. Menurut Kementerian Pertahanan Ukraina, kala itu jumlah tentara "
        "Rusia di perbatasan hanya sekitar 90 ribu.\n",
    )
    assert {(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments} == {
        ("Rusia", "perbatasan Ukraina")
    }


def test_troops_moved_on_go_where_the_main_verb_sends_them() -> None:
    """Rules the-verb-after-a-clause-about-the-troops and where-they-were-sent-before:
    "381 pasukan Brimob yang semula diperbantukan ke Provinsi Papua Barat digeser ke
    Nabire": Brimob's troops go to Nabire; Papua Barat is where they were, no sender."""
    f = _facts(
        "id",
        "Sebanyak 381 pasukan Brigade Mobil (Brimob) yang semula diperbantukan ke Provinsi "
        "Papua Barat digeser ke Nabire, Papua, Sabtu (31/8/2019).\n",
    )
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("Brigade Mobil", "Nabire")
    ]


def test_troops_that_are_somewhere_are_not_sent_by_it() -> None:
    """ "personel BKO yang ada di Papua Barat tersisa 875 orang, 381 sudah digeser ke
    Nabire": Papua Barat is where the troops are, not who moves them."""
    f = _facts(
        "id",
        "Saat personel BKO yang ada di Papua Barat tersisa 875 orang, 381 sudah digeser ke "
        "Nabire.\n",
    )
    assert not any(_names(f, d.by)[0] == "Papua Barat" for d in f.deployments)


def test_the_people_asked_to_protest_ask_for_no_troops() -> None:
    """Rule the-people-asked-are-no-sender: "Odinga meminta warga Kenya untuk bergabung
    dengan demonstrasi" asks Kenyans to protest; Kenya's police were not requested by
    him."""
    f = _facts(
        "id",
        "Polisi Kenya menembakkan gas air mata untuk membubarkan protes pada Senin "
        "(27/3/2023).\n\nKeamanan diperketat, dengan polisi anti huru hara ditempatkan di "
        "titik-titik strategis di Nairobi.\n\nPemimpin oposisi Raila Odinga hari Minggu "
        "meminta warga Kenya untuk bergabung dengan demonstrasi.\n",
    )
    assert [d.requested_by for d in f.deployments] == [None]


def test_an_opening_including_is_no_list_of_parts() -> None:
    """ "Termasuk pula, Polda Kalbar mengirimkan 180 personel Brimob ke Papua": "termasuk"
    opens the sentence, it lists no parts of a force; Polda Kalbar sends its own."""
    f = _facts(
        "id",
        "Sebanyak 250 personel Brimob Polda Jambi turut dikirim ke Papua. Termasuk pula, "
        "Polda Kalbar mengirimkan 180 personel Brimob ke Papua.\n",
    )
    assert {(_names(f, d.by)[0], d.troops.value if d.troops else None) for d in f.deployments} == {
        ("Brimob Polda Jambi", 250),
        ("Polda Kalbar", 180),
    }


def test_a_written_out_cause_stops_at_the_verb() -> None:
    """Rule cause:written-out stops at an auxiliary ("free_cause_stops"): "protesters
    demanding the President's resignation have been camping" demand the resignation."""
    f = _facts(
        "en",
        "Anti-government protesters demanding the President's resignation have been camping "
        "outside his office in Colombo since April 9.\n",
    )
    assert [p.causes for p in f.protests] == [("President's resignation",)]
    f = _facts(
        "en",
        "Nine police officers were injured in clashes with people protesting government "
        "policy late Saturday in the city of Montpellier.\n",
    )
    assert [p.causes for p in f.protests] == [("government policy",)]


def test_one_state_s_withdrawal_ends_no_other_state_s_deployment() -> None:
    """Rules another-state-s-withdrawal and a-duration-is-no-count: Germany's withdrawal
    from Afghanistan is Germany's, not the end of the US deployment named beside it, and
    "hampir 20 tahun pengerahan pasukan" counts years, not troops."""
    f = _facts(
        "id",
        "Jerman telah merampungkan penarikan pasukannya dari Afghanistan, dimulai pada Mei, "
        "seperti diumumkan Kementerian Pertahanan Jerman pada Selasa. Penarikan ini "
        "mengakhiri hampir 20 tahun pengerahan pasukan ke negara tersebut bersama dengan "
        "pasukan Amerika Serikat dan pasukan internasional lainnya.\n",
    )
    rows = {(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments}
    assert ("Jerman", "Afghanistan") in rows
    assert all(d.troops is None for d in f.deployments)


def test_a_numbered_command_names_no_area() -> None:
    """Rule the-force-s-own-area reads an area after a regional force's head ("Polres
    Bantul"), not a command's number: "Kodam XV/Pattimura" serves no place "XV/Pattimura"."""
    f = _facts("id", "Kodam XV/Pattimura menerjunkan 645 personel untuk pengamanan pilkada.\n")
    assert not any(_names(f, d.to)[0] == "XV/Pattimura" for d in f.deployments)
    assert not any(e.names[0] == "XV/Pattimura" for e in f.entities)


def test_a_nationality_in_another_noun_s_agent_sends_nothing() -> None:
    """Rule agent-of-the-passive: in "deployed ... after protests against a visit by Indian
    Prime Minister Narendra Modi" the demonym is the visitor's nationality; India sends
    nothing."""
    f = _facts(
        "en",
        "Five people were killed in clashes in Bangladesh on Friday.\n\nBorder Guard "
        "Bangladesh (BGB) personnel have been deployed across the country including the "
        "capital after deadly protests by hardline Islamists against a visit by Indian Prime "
        "Minister Narendra Modi.\n",
    )
    assert not any(_names(f, d.by)[0] == "India" for d in f.deployments)


def test_the_contingent_told_before_is_its_owner_s() -> None:
    """Rule the-owner-of-the-troops-told-before: "Bhutan's second peacekeeping contingent"
    and then "The contingent ... boarded a flight to the Central African Republic": Bhutan
    sends it."""
    f = _facts(
        "en",
        "The King graced the ceremony to see off Bhutan's second United Nations "
        "Peacekeeping contingent. The contingent of 90 members boarded a special flight to "
        "the Central African Republic (CAR) on Tuesday.\n",
    )
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("Bhutan", "Central African Republic")
    ]


def test_a_source_with_its_owner_is_no_sender() -> None:
    """Rule a-source-is-no-sender: "According to the Nepali Army's Directorate of Public
    Relations, the 216-member team boarded a flight": the office reports, it sends no one."""
    f = _facts(
        "en",
        "According to the Nepali Army's Directorate of Public Relations and Information, the "
        "216-member team boarded a chartered flight to South Sudan on Monday.\n",
    )
    assert not any(_names(f, d.by)[0].startswith("Directorate") for d in f.deployments)


def test_their_deployment_is_the_one_told() -> None:
    """Rule the-deployment-told-before: "their deployment in the country" points back at
    the deployment told; the UN of the "UN Peace Medal" before it sends no one."""
    f = _facts(
        "en",
        "The contingent of 90 members from Bhutan boarded a special flight to the Central "
        "African Republic (CAR) yesterday.\n\nIn October this year, the first contingent was "
        "awarded the UN Peace Medal for its service towards peace and stabilization of their "
        "deployment in the country.\n",
        published="2024-11-20",
    )
    assert [_names(f, d.by)[0] for d in f.deployments] == ["Bhutan"]


def test_arrests_told_by_the_police_and_a_fuel_price_raised() -> None:
    """ "Iya kita amankan 4 orang mahasiswa" counts arrests as "kami amankan" does, and a
    government "menaikan harga BBM" (so spelled) is the fuel price rise protested."""
    f = _facts(
        "id",
        'Unjuk rasa mahasiswa di Ciputat, Kamis (20/11/2014) berujung ricuh. "Iya kita '
        'amankan 4 orang mahasiswa yang menyebabkan keributan itu," kata Suyanto. Mahasiswa '
        "menilai pemerintah menyengsarakan rakyat dengan menaikan harga BBM.\\n",
        published="2014-11-21",
    )
    [p] = f.protests
    assert p.arrests is not None and p.arrests.value == 4
    assert p.causes == ("fuel price rise",)


def test_an_announced_deployment_noun_is_planned() -> None:
    """ "announced the imposition of a curfew and the deployment of the military": what
    governs a deployment noun may stand further back than a verb's hedge; it is planned."""
    f = _facts(
        "en",
        "DHAKA: Bangladesh on Friday announced the imposition of a curfew and the deployment "
        "of the military across the country.\n",
    )
    assert [d.status.value for d in f.deployments] == ["planned"]


def test_a_protest_in_a_place_inside_the_one_named_is_there() -> None:
    # rule the-place-inside-the-one-named: "in Bihar's Gaya district": the district
    f = _facts(
        "en",
        "Three people were killed in Bihar's Gaya district on Monday following clashes "
        "linked to the protests. Over 60 people have been arrested.\n",
    )
    places = [f.entity(p.location).names[0] for p in f.protests]
    assert places == ["Gaya district"]
    f = _facts("en", "Thousands protested in Kenya's Nakuru on Monday against the tax bill.\n")
    assert [f.entity(p.location).names[0] for p in f.protests] == ["Nakuru"]


def test_a_place_a_demand_names_is_no_protest_place() -> None:
    # rule a-place-a-demand-names: "in support of the inclusion of Bihar": what they
    # demand, not where; the unrest is the one told in Patna
    f = _facts(
        "en",
        "Thousands protested in Patna on Tuesday against the new law. The unrest erupted again "
        "on Wednesday when a strike called in support of the inclusion of Bihar in the scheme "
        "spiraled into violence.\n",
    )
    assert [f.entity(p.location).names[0] for p in f.protests] == ["Patna"]


def _rows(f: Facts) -> list[tuple[str, str]]:
    return [(f.entity(d.by).names[0], f.entity(d.to).names[0]) for d in f.deployments]


def test_a_departure_for_a_place_goes_there() -> None:
    # rule a-departure-for-a-place: where they set off for, not a withdrawal from home
    f = _facts("en", "A contingent of 120 Ghanaian soldiers left Accra on Monday for Juba.\n")
    assert _rows(f) == [("Ghana", "Juba")]
    assert f.deployments[0].withdrawal is None and f.deployments[0].end is None
    f = _facts("en", "Another 90 Zambian soldiers have left for the Central African Republic.\n")
    assert _rows(f) == [("Zambia", "Central African Republic")]
    f = _facts("id", "Sebanyak 200 prajurit TNI meninggalkan Jakarta menuju Lebanon pada Senin.\n")
    assert _rows(f) == [("TNI", "Lebanon")]


def test_leaving_home_is_setting_off() -> None:
    # rule leaving-home-is-setting-off: the force's own country is no place it withdraws from
    f = _facts(
        "en",
        "Ghana Armed Forces personnel departed for Liberia on Saturday. A transport plane left "
        "Ghana on Saturday morning, carrying Ghana Armed Forces personnel and vehicles.\n",
    )
    assert ("Ghana Armed Forces", "Ghana") not in _rows(f)
    assert ("Ghana Armed Forces", "Liberia") in _rows(f)


def test_troops_back_home_were_deployed_where_they_came_from() -> None:
    # "returned home from the X": the article before a name no longer hides the place
    f = _facts(
        "en",
        "The Zambian soldiers have returned home from the Central African Republic on Monday.\n",
    )
    assert _rows(f) == [("Zambia", "Central African Republic")]
    assert f.deployments[0].end is not None and f.deployments[0].start is None
    # a return told after the troops' place: the day they came back ends it, no start
    f = _facts(
        "en",
        "The Zambian soldiers stationed in the Central African Republic returned home on Monday.\n",
    )
    assert _rows(f) == [("Zambia", "Central African Republic")]
    assert f.deployments[0].end is not None and f.deployments[0].start is None
    # rule where-the-troops-back-home-were: the place the clause about them names
    f = _facts(
        "en",
        "The Zambian soldiers who were deployed to the Central African Republic have returned home.\n",
    )
    assert _rows(f) == [("Zambia", "Central African Republic")]


def test_the_force_a_deployment_names_sends_it() -> None:
    # rule the-force-a-deployment-names: the force or unit named as what is deployed
    f = _facts(
        "en",
        "The riots prompted the deployment of the Rapid Action Battalion to Khulna on Monday.\n",
    )
    assert _rows(f) == [("Rapid Action Battalion", "Khulna")]
    # not a body that names no force ("Wagnerian" as an organization)
    f = _facts(
        "en", "Paris said that any deployment of Wagnerian militias to Timbuktu was unacceptable.\n"
    )
    assert ("Wagnerian", "Timbuktu") not in _rows(f)


def test_an_agency_s_dateline_glued_to_the_story_is_no_sender() -> None:
    # "Town, Month Day (Agency)--The ...": a dateline, the dash glued to the next word
    f = _facts(
        "en",
        "Nairobi, June 4 (Xinhua)--Kenya Defence Forces said on Friday it would send 300 "
        "soldiers to Haiti.\n",
    )
    assert [f.entity(d.by).names[0] for d in f.deployments] == ["Kenya Defence Forces"]
    assert "Xinhua" not in {n for e in f.entities for n in e.names}


def test_a_strike_begun_is_a_protest() -> None:
    f = _facts("en", "Nurses in Kisumu began to strike on Monday over unpaid wages.\n")
    assert [f.entity(p.location).names[0] for p in f.protests] == ["Kisumu"]


def test_a_place_noun_may_stand_between_a_country_and_its_place() -> None:
    # "in Sudan's disputed region of Abyei": the region, not the country
    f = _facts(
        "en",
        "The Ghana Army on Monday deployed a company of peacekeepers in Sudan's disputed "
        "region of Abyei.\n",
    )
    assert _rows(f) == [("Ghana Army", "Abyei")]


def test_a_force_that_fields_troops_somewhere_has_them_there() -> None:
    f = _facts("en", "UNMISS now fields more than 12,000 peacekeepers in southern Sudan.\n")
    assert _rows(f) == [("UNMISS", "southern Sudan")]


def test_troops_that_join_a_mission_are_sent_to_its_place() -> None:
    # rule troops-join-a-mission
    f = _facts(
        "en", "Forty Ghanaian soldiers will join the UN mission in South Sudan next month.\n"
    )
    assert _rows(f) == [("Ghana", "South Sudan")]
    assert f.deployments[0].status is DeploymentStatus.PLANNED
    f = _facts(
        "id",
        "Pasukan Kostrad itu tiba untuk bergabung dengan Satgas Madago Raya di Poso pada Senin.\n",
    )
    assert _rows(f) == [("Kostrad", "Poso")]
    # joining others is no mission: "joined other embassies in calling on the military"
    f = _facts(
        "en",
        "The US joined other Western embassies in Myanmar in calling on the military to "
        "refrain from violence.\n",
    )
    assert f.deployments == ()


def test_a_gendarmerie_or_a_constabulary_is_a_force() -> None:
    f = _facts("en", "The National Gendarmerie was deployed to Zinder on Monday.\n")
    assert _rows(f) == [("National Gendarmerie", "Zinder")]
    f = _facts(
        "en",
        "Security agencies, including the Frontier Constabulary and police units from three "
        "districts, were dispatched to Sialkot on Monday.\n",
    )
    assert ("Frontier Constabulary", "Sialkot") in _rows(f)


def test_the_place_pointed_back_to_is_no_dateline_town() -> None:
    # "ke lokasi gempa": the place told before, not the town the story was written in
    f = _facts(
        "id",
        "JAKARTA - Gempa bermagnitudo 5,6 yang mengguncang Kabupaten Garut menewaskan "
        "puluhan warga. TNI mengirimkan 300 prajurit menuju ke lokasi gempa.\n",
    )
    assert _rows(f) == [("TNI", "Kabupaten Garut")]


def test_troops_leaving_a_mission_leave_its_place_as_its_part() -> None:
    # rule the-place-of-the-mission-left: "from the UN mission in Mali" is Mali; the
    # country's row is a part of the mission's owner, whose own row stays
    for lang, body in (
        ("en", "Sweden will withdraw its 220 soldiers from the UN mission in Mali.\n"),
        ("id", "Swedia akan menarik 220 tentaranya dari misi PBB di Mali.\n"),
    ):
        f = _facts(lang, body, "2024-03-04")
        sweden = next(d for d in f.deployments if f.entity(d.by).names[0] in ("Sweden", "Swedia"))
        assert _names(f, sweden.to) == ("Mali",), body
        assert sweden.troops is not None and sweden.troops.value == 220
        assert sweden.part_of is not None and _names(f, sweden.part_of)[0] in ("UN", "PBB")
    # a place right after "from" is left as before, no part of anything
    f = _facts("en", "Sweden will withdraw its 220 soldiers from Mali.\n", "2024-03-04")
    assert _rows(f) == [("Sweden", "Mali")] and f.deployments[0].part_of is None


def test_a_planned_withdrawal_s_month_looks_ahead() -> None:
    # rule a-plan-looks-ahead, for a withdrawal: "will withdraw ... by the end of June",
    # told in March, is this June, and "by" makes it the end
    f = _facts(
        "en", "Estonia will withdraw its troops from Mali by the end of June.\n", "2024-03-04"
    )
    (d,) = f.deployments
    assert str(d.end.value) == "2024-06-01" and d.withdrawal is None  # type: ignore[union-attr]
    f = _facts("en", "Estonia will withdraw its troops from Mali by June 30.\n", "2024-03-04")
    assert str(f.deployments[0].end.value) == "2024-06-30"  # type: ignore[union-attr]
    # the plan's word after the noun of withdrawing, told in December
    body = (
        "Estonia began withdrawing its troops from Mali on Thursday. The withdrawal is expected "
        "to be completed by the end of January.\n"
    )
    f = _facts("en", body, "2024-12-27")
    assert str(f.deployments[0].end.value) == "2025-01-01"  # type: ignore[union-attr]
    # a withdrawal told as done is in the past
    f = _facts("en", "Estonia completed its withdrawal from Mali on June 30.\n", "2024-03-04")
    assert str(f.deployments[0].end.value) == "2023-06-30"  # type: ignore[union-attr]


def test_a_step_of_a_withdrawal_is_no_end() -> None:
    # rule a-step-of-the-withdrawal: a phase or a half of the troops leaving by a day
    # ends nothing, and a step still to come tells no day the pull-out began
    f = _facts(
        "en",
        "The second phase of 3,000 AMISOM troops will be withdrawn from Somalia by September 30.\n",
        "2023-08-29",
    )
    (d,) = f.deployments
    assert d.end is None and d.withdrawal is None
    f = _facts("en", "Ghana withdrew half of its 800 troops from Mali on Monday.\n", "2024-03-06")
    (d,) = f.deployments
    assert d.end is None and str(d.withdrawal.value) == "2024-03-04"  # type: ignore[union-attr]


def test_troops_flying_home_leave_the_place_they_flew_from() -> None:
    # rule a-flight-home: from abroad to their own country is a withdrawal from there
    f = _facts(
        "en",
        "Kenya has begun pulling its troops out of Somalia. About 300 Kenyan soldiers "
        "boarded a flight from Mogadishu to Nairobi on Friday.\n",
        "2024-03-04",
    )
    assert _rows(f) == [("Kenya", "Somalia")]
    assert str(f.deployments[0].withdrawal.value) == "2024-03-01"  # type: ignore[union-attr]
    # within the country it is a deployment as any other
    f = _facts("en", "Kenya sent 300 police officers from Mombasa to Nairobi on Friday.\n")
    assert _rows(f) == [("Kenya", "Nairobi")]


def test_a_place_of_the_background_is_no_destination() -> None:
    # rule a-place-of-the-background: the place of another event the sentence sets the
    # deployment against ("di tengah ancaman invasi ...", "amid fears of an invasion of")
    f = _facts(
        "id",
        "Belanda mengirim 200 tentara untuk meyakinkan sekutu di tengah ancaman invasi Rusia "
        "di Ukraina.\n",
        "2024-03-12",
    )
    assert f.deployments == ()
    f = _facts(
        "en",
        "The Netherlands sent 200 soldiers to reassure its allies amid fears of an invasion of "
        "Ukraine.\n",
        "2024-03-12",
    )
    assert f.deployments == ()
    # "berdatangan": troops arriving in numbers, not the invasion after it
    f = _facts(
        "id",
        "Sekitar 200 tentara Belanda mulai berdatangan ke Estonia pada Minggu (10/3), menyusul "
        "invasi Rusia ke Ukraina.\n",
        "2024-03-12",
    )
    assert _rows(f) == [("Belanda", "Estonia")]


def test_a_deployment_noun_tells_no_tense() -> None:
    # a plan told again with a noun ("Pengiriman pasukan itu") stays a plan on the day
    # the article was told
    f = _facts(
        "id",
        "Presiden telah menyetujui pengerahan 3.000 tentara Amerika ke Polandia. Pengiriman "
        "pasukan untuk meyakinkan sekutu NATO pada Kamis (3/2/2022).\n",
        "2022-02-04",
    )
    assert [d.status for d in f.deployments] == [DeploymentStatus.PLANNED]


def test_the_items_of_a_gapped_list_are_deployments() -> None:
    # rule a-gapped-list-item: the verb left out, each sender with its count ...
    for body in (
        "Malawi deployed 600 troops to Bangui on Monday, Zambia 400 and Nepal 300.\n",
        "Malawi sent 600 troops to Bangui, Zambia sent 400 and Nepal sent 300.\n",
    ):
        f = _facts("en", body, "2024-03-12")
        assert _rows(f) == [("Malawi", "Bangui"), ("Zambia", "Bangui"), ("Nepal", "Bangui")]
        assert [d.troops.value for d in f.deployments] == [600, 400, 300]  # type: ignore[union-attr]
    # ... or each place with its count, listed places sharing it
    f = _facts(
        "id",
        "Saat ini ada 2.000 tentara Inggris yang dikerahkan ke Estonia, serta sekitar 150 "
        "pasukan Inggris di Polandia, dan 80 di Latvia dan Lituania.\n",
        "2024-03-12",
    )
    assert _rows(f) == [
        ("Inggris", "Estonia"),
        ("Inggris", "Polandia"),
        ("Inggris", "Latvia"),
        ("Inggris", "Lituania"),
    ]
    assert [d.troops.value for d in f.deployments] == [2000, 150, 80, 80]  # type: ignore[union-attr]
    # a count that is no item ends the list
    f = _facts("en", "Malawi deployed 600 troops to Bangui, where they fought 400 rebels.\n")
    assert _rows(f) == [("Malawi", "Bangui")]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "en",
            "SADC sent about 2,500 troops to Mozambique on Thursday. Malawi sent about 1,700 "
            "soldiers, Zambia 500 and Nepal 300.\n",
        ),
        (
            "id",
            "SADC mengirim sekitar 2.500 tentara ke Mozambik pada Kamis. Malawi mengirim "
            "sekitar 1.700 tentara, Zambia 500 dan Nepal 300.\n",
        ),
    ],
)
def test_a_gapped_list_after_a_count_whose_place_was_told_before(lang: str, body: str) -> None:
    """Rule a-gapped-list-item: the list may follow the first item's count alone when its
    place was told in a sentence before."""
    f = _facts(lang, body, "2024-03-12")
    rows = [
        (by, d.troops.value if d.troops else None)
        for (by, _), d in zip(_rows(f), f.deployments, strict=True)
    ]
    assert ("Malawi", 1700) in rows and ("Zambia", 500) in rows and ("Nepal", 300) in rows
    assert {to for by, to in _rows(f) if by in ("Malawi", "Zambia", "Nepal")} == {
        {"en": "Mozambique", "id": "Mozambik"}[lang]
    }


def test_members_counted_after_their_bloc_are_its_contingents() -> None:
    """Rule a-member-counted-after-its-bloc: countries' counted rows to the bloc's place,
    told in its sentence or the next two with fewer troops each, are ``part_of`` the bloc
    and went when it went; a larger count is a deployment of its own."""
    body = (
        "SADC sent about 2,500 troops to Mozambique on Thursday. Malawi sent about 1,700 "
        "soldiers, Zambia 500 and Nepal 300.\n"
    )
    f, trace = _traced("en", body, "2024-03-12")
    parts = {_names(f, d.by)[0]: d for d in f.deployments if d.part_of is not None}
    assert set(parts) == {"Malawi", "Zambia", "Nepal"}
    assert {_names(f, d.part_of)[0] for d in parts.values()} == {"SADC"}
    assert {d.start.iso if d.start else None for d in parts.values()} == {"2024-03-07"}
    assert "contingent:a-member-counted-after-its-bloc" in _rules(
        trace, "deployments", parts["Malawi"].id
    )
    body = (
        "NATO sent 3,000 troops to Lithuania on Monday. Germany sent 5,000 troops to Lithuania.\n"
    )
    f = _facts("en", body, "2024-03-12")
    assert [d.part_of for d in f.deployments] == [None, None]


def test_troops_from_a_state_abroad_are_its_own() -> None:
    # rule troops-from-a-state: "from Malawi" sends them, each state listed with it
    f = _facts("en", "Police officers from Malawi will be deployed to Bangui next month.\n")
    assert _rows(f) == [("Malawi", "Bangui")]
    f = _facts(
        "en",
        "Several hundred police officers from Malawi, Zambia and Nepal will be deployed to "
        "the Central African Republic.\n",
    )
    assert {by for by, _ in _rows(f)} == {"Malawi", "Zambia", "Nepal"}
    # a journey's leg is no sender: from where they were, to where they go
    f = _facts(
        "id",
        "Amerika Serikat akan memindahkan 1.000 tentara dari Jerman ke Rumania.\n",
    )
    assert _rows(f) == [("Amerika Serikat", "Rumania")]


def test_a_news_agency_is_no_sender() -> None:
    # "according to the dpa, there are 1,800 troops in Chad": the agency reports
    f = _facts(
        "en",
        "According to the latest information from the DPA, there are already 1,800 troops in "
        "Chad.\n",
    )
    assert all(f.entity(d.by).names[0] != "DPA" for d in f.deployments)


def test_a_mission_is_where_its_name_says() -> None:
    # rule a-mission-s-place: the place a mission's name holds is a place of the article;
    # rule the-place-in-the-force-s-name: a mission with troops and no place told is there
    f = _facts("en", "The African Union Mission in Somalia has 20,000 troops.\n", "2024-03-12")
    assert ("Somalia",) in [e.names for e in f.entities]
    assert _rows(f) == [("African Union Mission in Somalia", "Somalia")]
    # "includes" tells a force's strength; a count after "from" counts its origins
    f = _facts(
        "en",
        "KFOR currently includes more than 4,500 troops from 29 NATO and partner countries "
        "in Kosovo.\n",
        "2024-03-12",
    )
    assert _rows(f) == [("KFOR", "Kosovo")]
    assert f.deployments[0].troops.value == 4500  # type: ignore[union-attr]


def test_forces_called_in_are_sent() -> None:
    # rule the-force-called-in: the forces named after "called in", not who called them
    f = _facts(
        "en",
        "Pakistan's provincial government called in the army and the Frontier Corps to end "
        "the tribal clashes in Orakzai district.\n",
        "2024-03-12",
    )
    assert _rows(f) == [("Pakistan", "Orakzai district"), ("Frontier Corps", "Orakzai district")]


def test_troops_patrolling_the_streets_of_a_town_are_there() -> None:
    f = _facts("en", "Chilean soldiers were patrolling the streets of Valparaiso on Sunday.\n")
    assert _rows(f) == [("Chile", "Valparaiso")]


def test_a_written_cause_ends_at_the_protest_s_verb() -> None:
    # rule a-cause-written-out: the verb of the protest after its subject ends the cause
    f = _facts(
        "en", "Protests over the rising cost of cooking oil broke out in Lilongwe on Monday.\n"
    )
    assert [p.causes for p in f.protests] == [("rising cost of cooking oil",)]
    # "riots over", "angry at" are cues too; a hunger strike's cause is not the protest's
    f = _facts(
        "en",
        "Police fought nightly riots over the fatal shooting of a teenager in Lyon on Monday.\n",
    )
    assert [p.causes for p in f.protests] == [("fatal shooting of a teenager",)]
    f = _facts(
        "en",
        "Clashes broke out in Belgrade on Sunday as supporters confronted citizens backing a "
        "woman who began a hunger strike over her son's death.\n",
    )
    assert all("son's death" not in p.causes for p in f.protests)


def test_a_protest_at_a_site_is_in_the_place_told_before() -> None:
    # rule a-site-is-in-the-place-told-before: a gate or a post of a plant is no location
    f = _facts(
        "id",
        "Polisi menangkap 40 pekerja setelah bentrokan di PT Sinar Logam, Kolaka Timur. Pada "
        "Sabtu (4/3/2023), serikat pekerja berunjuk rasa di Pos 2 dan Pos 3 kawasan "
        "perusahaan.\n",
        "2023-03-06",
    )
    assert [f.entity(p.location).names[0] for p in f.protests] == ["Kolaka Timur"]
    # not a place the troops or the people came from
    f = _facts(
        "id",
        "Sebanyak 200 personel itu berasal dari Polda Bali dan Kalimantan Timur. Mahasiswa "
        "berunjuk rasa di Gerbang 2 kampus pada Sabtu (4/3/2023).\n",
        "2023-03-06",
    )
    assert all(f.entity(p.location).names[0] != "Kalimantan Timur" for p in f.protests)


def test_forces_listed_as_the_subject_each_send_troops() -> None:
    # "Odisha Police, the Rapid Action Force and other security personnel": each force;
    # a place's police begins a sentence as its name ("Delhi Police deployed")
    f = _facts(
        "en",
        "Odisha Police, the Rapid Action Force and other security personnel rushed to Cuttack "
        "on Monday.\n",
    )
    assert _rows(f) == [("Odisha Police", "Cuttack"), ("Rapid Action Force", "Cuttack")]
    f = _facts("en", "Delhi Police deployed 500 officers to Shaheen Bagh on Monday.\n")
    assert _rows(f) == [("Delhi Police", "Shaheen Bagh")]
    # a demonym and more of the name, too ("Haitian National Police deployed")
    f = _facts("en", "Haitian National Police deployed 500 officers to Cite Soleil on Monday.\n")
    assert _rows(f) == [("Haitian National Police", "Cite Soleil")]
    # Portuguese names keep their "do": "Mato Grosso do Sul"
    f = _facts("en", "Brazil sent police officers to Mato Grosso do Sul on Monday.\n")
    assert _rows(f) == [("Brazil", "Mato Grosso do Sul")]


def test_a_clause_about_the_subject_without_commas_names_no_sender() -> None:
    # "Kanada yang memimpin kelompok tempur NATO di Latvia telah mengerahkan ...": the
    # clause about Canada, up to the verb, is no sender's
    f = _facts(
        "id",
        "Kanada yang memimpin kelompok tempur NATO di Latvia telah mengerahkan sekitar 700 "
        "tentaranya di Latvia.\n",
    )
    assert _rows(f) == [("Kanada", "Latvia")]


def test_a_civil_agency_sends_no_troops() -> None:
    # rule a-civil-agency-sends-no-troops: rescuers are no armed force or police
    f = _facts(
        "id",
        "Sebanyak 30 personel Basarnas dan 100 prajurit TNI diberangkatkan ke Nepal pada Senin "
        "(11/3/2024).\n",
        "2024-03-12",
    )
    assert _rows(f) == [("TNI", "Nepal")]
    assert f.deployments[0].part_of is None


def test_communal_clashes_are_riots() -> None:
    f = _facts(
        "en",
        "Curfew was imposed in Bhadrak town on Monday after stone pelting between two "
        "communities. Police arrested 14 people for rioting.\n",
    )
    assert [
        (f.entity(p.location).names[0], p.arrests.value if p.arrests else None) for p in f.protests
    ] == [("Bhadrak town", 14)]


def test_a_plan_approved_on_a_day_goes_from_its_own() -> None:
    # rule a-plan-s-own-day: the day of the decision is no start; "from April 10" is
    f = _facts(
        "en",
        "The South Korean government on Monday approved a plan to send 30 army engineers to "
        "South Sudan from April 10.\n",
        "2024-03-12",
    )
    (d,) = f.deployments
    assert _rows(f) == [("South Korea", "South Sudan")]
    assert d.troops.value == 30 and str(d.start.value) == "2024-04-10"  # type: ignore[union-attr]


def test_troops_back_in_their_own_country_end_where_they_served() -> None:
    # rule back-home: "returned to Fiji after completing their tour in South Sudan"
    f = _facts(
        "en",
        "Around 150 Fijian soldiers returned to Fiji last week after completing their "
        "peacekeeping tour in South Sudan.\n",
        "2024-06-14",
    )
    assert _rows(f) == [("Fiji", "South Sudan")]
    assert f.deployments[0].start is None and f.deployments[0].withdrawal is not None
    # the place of the mission read as the subject sends no one: Japan's troops
    f = _facts(
        "en",
        "Troops of the peacekeeping mission in South Sudan have returned to Japan, the "
        "Self-Defense Forces said on Saturday.\n",
        "2024-06-14",
    )
    assert _rows(f) == [("Japan", "South Sudan")]
    # home with no place they came back from is no deployment; another place is one
    assert _facts("en", "Kenyan soldiers returned to Nairobi on Monday.\n").deployments == ()
    f = _facts("en", "Israeli troops returned to Jenin on Monday.\n")
    assert _rows(f) == [("Israel", "Jenin")]
    # from abroad to home, the place told after it
    f = _facts(
        "en",
        "Around 200 Indian soldiers had returned to Delhi from South Sudan this month.\n",
        "2024-06-14",
    )
    assert _rows(f) == [("India", "South Sudan")]


def test_troops_spread_across_a_region_are_there_and_securing_is_no_protest() -> None:
    f = _facts(
        "id",
        "Polda Sulsel menyiapkan pasukan pengamanan yang berjumlah 45.000 personel dan "
        "tersebar di seluruh wilayah Sulawesi Selatan.\n",
    )
    assert _rows(f) == [("Polda Sulsel", "Sulawesi Selatan")]
    # rule another-act: "aksi pengamanan" is a security operation, no protest
    f = _facts("id", "Polres Bima mengerahkan 400 personel untuk aksi pengamanan di Kota Bima.\n")
    assert f.protests == ()


def test_a_command_named_by_an_epithet_is_no_place() -> None:
    # "Pangdam Udayana": Kodam IX/Udayana's commander; Udayana is no area
    f = _facts(
        "id", "KUPANG - Pangdam Udayana mengerahkan 1.200 prajurit untuk pengamanan Pemilu.\n"
    )
    assert all(e.names[0] != "Udayana" for e in f.entities)
    assert all(f.entity(d.to).names[0] != "Udayana" for d in f.deployments)


def test_a_town_and_several_provincial_towns_are_a_wave() -> None:
    # rule a-town-and-other-towns-is-a-wave: "in Lome and several provincial towns of Togo"
    f = _facts(
        "en",
        "A third day of protests took place on Wednesday in Lome and several provincial towns "
        "of Togo.\n",
    )
    assert [f.entity(p.location).names[0] for p in f.protests] == ["Togo"]


def test_a_deployment_completed_before_a_return_is_no_new_one() -> None:
    # the clause tells the return ("has returned to"), not the deployment it completed
    f = _facts(
        "en",
        "Having successfully completed their deployment with the United Nations Interim "
        "Force in Lebanon, the Serbian Armed Forces unit has returned to the Republic of "
        "Serbia.\n",
    )
    assert all(f.entity(d.to).names[0] != "Republic of Serbia" for d in f.deployments)


def test_a_count_of_units_in_a_counted_list_is_no_count_of_troops() -> None:
    # "600 personel Polri dan 3 SSK TNI": three companies, not three soldiers
    f = _facts(
        "id",
        "Sebanyak 600 personel Polri dan 3 SSK TNI diterjunkan ke Kota Ambon pada Senin "
        "(11/3/2024).\n",
        "2024-03-12",
    )
    counts = {f.entity(d.by).names[0]: d.troops for d in f.deployments}
    assert counts["Polri"] is not None and counts["Polri"].value == 600
    assert counts["TNI"] is None


def test_a_deployment_of_a_force_s_companies_to_the_state_told_before() -> None:
    # the force a deployment noun names, past a count; "in the state" points back to the
    # region named before; companies are no count of troops, the personnel are
    f = _facts(
        "en",
        "Amid escalating violence in Manipur, the Centre on Monday announced the deployment of "
        "50 additional Central Armed Police Forces (CAPF) companies, comprising over 5,000 "
        "personnel, to address the security situation in the state.\n",
        "2024-11-18",
    )
    (d,) = [d for d in f.deployments if d.part_of is None]
    assert (f.entity(d.by).names[0], f.entity(d.to).names[0]) == (
        "Central Armed Police Forces",
        "Manipur",
    )
    assert d.troops is not None and d.troops.value == 5000


def test_the_place_of_an_event_before_is_not_the_sentence_s_place() -> None:
    # rule the-place-the-sentence-names skips "after violence erupted in Jiribam district"
    f = _facts(
        "en",
        "Violence spread across Manipur last week. The Ministry of Home Affairs sent 20 Central "
        "Reserve Police Force companies after violence erupted in Jiribam district on "
        "November 12.\n",
        "2024-11-18",
    )
    assert all(f.entity(d.to).names[0] != "Jiribam district" for d in f.deployments)


def test_a_named_force_sent_during_a_protest_goes_where_it_is() -> None:
    # rule the-protest-just-told, for a named force with no count; a body that is no force
    # sends the force it names
    f = _facts(
        "en",
        "Thousands of protesters marched towards D-Chowk in Islamabad on Tuesday. A "
        "notification issued by the Ministry of Interior invoked Article 245, formally "
        "deploying the Pakistan Army to assist civilian authorities.\n",
        "2024-11-26",
    )
    assert _rows(f) == [("Pakistan Army", "Islamabad")]


def test_districts_listed_then_their_city_place_the_protest_in_the_city() -> None:
    """Rule the-town-that-holds-it, after a list of districts the gazetteer does not know."""
    body = (
        "Ratusan mahasiswa berunjuk rasa di beberapa titik Distrik Sukamaju dan Distrik "
        "Sukajadi, Kota Jayapura, Papua, Kamis (14/7/2022).\n"
    )
    facts = _facts("id", body, "2022-07-14")
    assert [_names(facts, p.location)[0] for p in facts.protests] == ["Kota Jayapura"]
    # a district with its head and without it is one place
    names = [e.names for e in _facts("id", body + "Situasi di Sukamaju kini aman.\n").entities]
    assert ("Distrik Sukamaju", "Sukamaju") in names


def test_troops_across_the_country_went_to_the_country() -> None:
    """Rule across-the-country-is-the-country: a town's share is no destination, the
    country is no owner of the troops, and its own forces across it are a deployment."""
    f = _facts(
        "en",
        "Sixty thousand police officers were deployed across Spain, including 6,000 in Madrid.\n",
    )
    assert [
        (_names(f, d.by)[0], _names(f, d.to)[0], d.troops.value) for d in f.deployments if d.troops
    ] == [("Spain", "Spain", 60000)]
    f = _facts(
        "en",
        "Protests began in Santiago on Saturday after officials deployed thousands of police "
        "officers throughout Chile and armoured vehicles in the capital.\n",
    )
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [("Chile", "Chile")]


def test_a_country_s_town_named_after_its_possessive_is_the_place() -> None:
    """Rule a-country-s-town-named: "Zimbabwe's second city Bulawayo" is Bulawayo."""
    f = _facts(
        "en",
        "Protests over fuel prices turned deadly in Mozambique on Monday. Witnesses reported "
        "security forces deploying in Maputo and Mozambique's second city Beira.\n",
    )
    assert sorted(_names(f, d.to)[0] for d in f.deployments) == ["Beira", "Maputo"]


def test_an_officer_who_says_nothing_names_no_sender() -> None:
    """Rule the-force-of-who-speaks-of-it, not for a spokesman who could not comment."""
    f = _facts(
        "en",
        "Protests over fuel prices turned deadly in Zambia on Monday. Witnesses reported "
        "security forces deploying in Lusaka. Zambia Army spokesman John Banda said he "
        "could not immediately comment.\n",
    )
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("Zambia", "Lusaka")
    ]


def test_a_list_of_counts_each_of_a_body_s_troops_is_a_list_of_parts() -> None:
    """Rule counted-part, with no composition cue: "sebanyak 2.100 personel Polri, 450
    personel TNI, dan 90 personel Satpol PP" counts the joint force's parts, each by its own
    body; one count of one body's troops is no list."""
    body = (
        "TNI-Polri mengerahkan 2.640 personel gabungan untuk mengamankan pawai di Kota "
        "Semarang, Sabtu (6/5/2023). Kapolrestabes mengatakan, sebanyak 2.100 personel "
        "Polri, 450 personel TNI, dan 90 personel Satpol PP disebar di lima titik.\n"
    )
    f = _facts("id", body, published="2023-05-07")
    rows = [
        (_names(f, d.by)[0], d.troops.value if d.troops else None, _names(f, d.part_of))
        for d in f.deployments
    ]
    assert rows == [
        ("TNI-Polri", 2640, ()),
        ("Polri", 2100, ("TNI-Polri",)),
        ("TNI", 450, ("TNI-Polri",)),
        ("Satpol PP", 90, ("TNI-Polri",)),
    ]
    one = body.replace(", 450 personel TNI, dan 90 personel Satpol PP", "")
    alone = _facts("id", one)
    assert [_names(alone, d.by)[0] for d in alone.deployments] == ["TNI-Polri"]


def test_the_security_apparatus_are_troops() -> None:
    """ "Ratusan aparat gabungan TNI-Polri diterjunkan ke Kecamatan X": "aparat" (the
    security apparatus) names troops as "personel" does."""
    f = _facts(
        "id",
        "Ratusan aparat gabungan TNI-Polri diterjunkan ke Kecamatan Leihitu, Kabupaten "
        "Maluku Tengah, Selasa (8/2/2022).\n",
        published="2022-02-09",
    )
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("TNI-Polri", "Kecamatan Leihitu")
    ]


def test_troops_posted_or_assigned_to_a_place_are_deployed_there() -> None:
    """ "were posted in", "posted to", "have been assigned to": verbs of sending, for
    troops; a person assigned to a task is no deployment."""
    f = _facts(
        "en",
        "Elite officers of the GIGN were posted in Nantes, Rennes and Brest on Friday. "
        "Bangladesh said 300 soldiers of its army have been assigned to Sylhet ahead of the "
        "vote.\n",
    )
    assert [
        (_names(f, d.by)[0], _names(f, d.to)[0], d.troops.value if d.troops else None)
        for d in f.deployments
    ] == [
        ("GIGN", "Nantes", None),
        ("GIGN", "Rennes", None),
        ("GIGN", "Brest", None),
        ("Bangladesh", "Sylhet", 300),
    ]
    task = _facts("en", "Judge Amina Rahman was assigned to the Sylhet case on Friday.\n")
    assert task.deployments == ()


def test_troops_sent_to_a_country_and_on_to_one_of_its_towns_went_to_the_town() -> None:
    """Rule a-town-of-the-country: the most specific place the troops are sent to: a town
    of the country named after "to" or "arriving in" in the deployment's own sentences;
    a town they are only "based in" leaves the country."""
    cases = {
        "Germany began the deployment of a brigade in Lithuania on Monday, with 20 "
        "soldiers arriving in Vilnius.\n": ("Germany", "Vilnius"),
        "Rwanda said on Friday it would send 1,000 troops to Mozambique. The troops will "
        "be flown to Pemba next week.\n": ("Rwanda", "Pemba"),
        "Ghana sent 300 soldiers to Mali on Monday, officials in Bamako said. Its troops "
        "are based in Gao.\n": ("Ghana", "Mali"),
    }
    for body, row in cases.items():
        f = _facts("en", body, published="2024-04-09")
        assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [row]


def test_a_force_named_by_a_common_noun_sends_itself() -> None:
    """Rule the-force-as-named: "riot police were deployed in X" with no state or body
    named before the force: the force as the text names it is the sender; a demonym
    before it ("Chilean riot police") keeps the state."""
    cases = {
        "Dozens of riot police were deployed in Lima on Friday as marchers gathered.\n": [
            ("riot police", "Lima")
        ],
        "Protests spread across Kenya, and elite police have been deployed in Nairobi.\n": [
            ("elite police", "Nairobi")
        ],
        "Hundreds of Chilean riot police were deployed in Valparaiso on Friday.\n": [
            ("Chile", "Valparaiso")
        ],
    }
    for body, rows in cases.items():
        f = _facts("en", body, published="2024-04-09")
        assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == rows


def test_troops_stationed_somewhere_and_sent_on_go_where_they_are_sent() -> None:
    """Rule where-the-troops-are-stationed-is-no-destination: "troops currently stationed
    in X will be redeployed to Y": the verb after the participle tells where they go."""
    f = _facts(
        "en",
        "Some Canadian troops currently stationed in Latvia will be redeployed to Estonia "
        "and Finland next year.\n",
        published="2024-04-09",
    )
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("Canada", "Estonia"),
        ("Canada", "Finland"),
    ]


def _part_rows(f: Facts) -> list[tuple[str, str, int | None, str | None]]:
    return [
        (
            _names(f, d.by)[0],
            _names(f, d.to)[0],
            d.troops.value if d.troops else None,
            _names(f, d.part_of)[0] if d.part_of else None,
        )
        for d in f.deployments
    ]


def test_a_joint_force_written_apart_is_no_unit_of_its_last_force() -> None:
    """Rule a-joint-force-is-no-unit: "TNI Polri" is the joint force, not a unit of Polri,
    though the article names Polri on its own too."""
    f = _facts(
        "id",
        "Sebanyak 300 personel TNI Polri diterjunkan ke Pulau Seram. Personel gabungan ini "
        "terdiri dari 150 personel Kodam XVI Pattimura, 50 personel Lantamal IX Ambon, serta "
        "sejumlah personel Polri.\n",
    )
    assert _part_rows(f)[:3] == [
        ("TNI Polri", "Pulau Seram", 300, None),
        ("Kodam XVI Pattimura", "Pulau Seram", 150, "TNI Polri"),
        ("Lantamal IX Ambon", "Pulau Seram", 50, "TNI Polri"),
    ]


def test_a_preposition_glued_to_a_place_by_a_typo_still_sends_there() -> None:
    """Rule a-glued-preposition: "keKota Sorong" is "ke Kota Sorong"."""
    f = _facts("id", "Sebanyak 300 personel TNI diterjunkan keKota Sorong pada Senin.\n")
    assert _part_rows(f) == [("TNI", "Kota Sorong", 300, None)]


def test_counted_members_of_a_force_are_its_troops() -> None:
    """Rule counted-members-are-troops: "300 anggota TNI Polri" counts the joint force's
    troops, and the parts counted after them are its parts."""
    f = _facts(
        "id",
        "Sebanyak 300 anggota TNI Polri diterjunkan ke Pulau Seram. Personel gabungan ini "
        "terdiri dari 150 personel Kodam XVI Pattimura dan 50 personel Lantamal IX Ambon.\n",
    )
    assert _part_rows(f) == [
        ("TNI Polri", "Pulau Seram", 300, None),
        ("Kodam XVI Pattimura", "Pulau Seram", 150, "TNI Polri"),
        ("Lantamal IX Ambon", "Pulau Seram", 50, "TNI Polri"),
    ]
    # no count, no troops: "anggota" alone is no troop noun
    assert _facts("id", "Anggota DPR berkunjung ke Pulau Seram.\n").deployments == ()


def test_joint_troops_are_one_force_s_row() -> None:
    """Rule joint-troops-are-one-force: the forces listed after "personel gabungan"
    contribute to one joint force, sent once (by the subject, else the first force)."""
    f = _facts(
        "id",
        "Polres Kota Baru menurunkan 600 personel gabungan yang terdiri dari personel Polres "
        "Kota Baru, Polres Bintan, TNI dan Satpol PP ke Desa Watu.\n",
    )
    assert _part_rows(f) == [("Polres Kota Baru", "Desa Watu", 600, None)]
    f = _facts(
        "id", "Sebanyak 800 personel gabungan TNI, Polri dan Satpol PP dikerahkan ke Desa Watu.\n"
    )
    # rule a-joint-force-of-national-forces: TNI and Polri first, their joint force
    assert _part_rows(f) == [("TNI, Polri dan Satpol PP", "Desa Watu", 800, None)]
    # troops not called joint, of the two national forces alone: their joint force still
    f = _facts("id", "Sebanyak 800 personel TNI dan Polri dikerahkan ke Desa Watu.\n")
    assert _part_rows(f) == [("TNI dan Polri", "Desa Watu", 800, None)]
    # of other bodies: each force named sends its own
    f = _facts("id", "Sebanyak 800 personel Polres Bintan dan Satpol PP dikerahkan ke Desa Watu.\n")
    assert [r[0] for r in _part_rows(f)] == ["Polres Bintan", "Satpol PP"]


def test_another_total_told_after_the_parts_ends_them() -> None:
    """Rule another-total-ends-the-parts: "tim VVIP berjumlah 5.000 personel dengan rincian
    ..." told after a deployment's parts counts another whole, whose parts are not the
    deployment's."""
    f = _facts(
        "id",
        "Polda Sumut mengerahkan 4.900 personel ke Kota Medan. Terdiri dari 4.500 personel "
        "Polda Sumut dan 400 personel TNI. Selain itu, tim VVIP berjumlah 5.000 personel "
        "dengan rincian 3.700 dari Kodam Bukit Barisan dan 1.000 dari Polri.\n",
    )
    assert _part_rows(f) == [
        ("Polda Sumut", "Kota Medan", 4900, None),
        ("Polda Sumut", "Kota Medan", 4500, "Polda Sumut"),
        ("TNI", "Kota Medan", 400, "Polda Sumut"),
    ]


def test_the_total_told_again_reopens_its_parts() -> None:
    """Rule the-total-told-again: the whole's count told again further on ("Operasi itu
    melibatkan 3.000 personel gabungan. Rinciannya, ...") is followed by its parts."""
    f = _facts(
        "id",
        "Sebanyak 3.000 personel gabungan dari TNI dan Polri dikerahkan ke Kota Samarinda. "
        "Operasi ini berlangsung 16 hari. Pengamanan meliputi arus mudik. Kapolda meminta "
        "warga tertib. Operasi itu melibatkan 3.000 personel gabungan. Rinciannya, 2.000 "
        "prajurit dari Kodam VI/Mulawarman turut membantu kepolisian.\n",
    )
    assert _part_rows(f) == [
        ("TNI dan Polri", "Kota Samarinda", 3000, None),
        ("Kodam VI/Mulawarman", "Kota Samarinda", 2000, "TNI dan Polri"),
    ]


def test_a_hyphenated_site_is_in_its_town() -> None:
    """A site whose head word is joined by a hyphen ("D-Chowk") is no destination: the town
    named after it is."""
    f = _facts("en", "Pakistan deployed troops to D-Chowk in Islamabad.\n")
    (d,) = f.deployments
    assert _names(f, d.to) == ("Islamabad",)


def test_a_name_of_troops_is_a_force() -> None:
    """Rule a-name-of-troops-is-a-force: one capitalised word before a noun of troops, or
    after a count of units, names the force that is sent."""
    f = _facts("en", "The governor said Scouts personnel were deployed in Quetta.\n")
    (d,) = f.deployments
    assert _names(f, d.by) == ("Scouts",) and _names(f, d.to) == ("Quetta",)
    f = _facts("en", "Officials said three companies of Lancers were sent to Kohat.\n")
    (d,) = f.deployments
    assert _names(f, d.by) == ("Lancers",)


def test_towns_a_plural_noun_includes() -> None:
    """Rule towns-a-plural-noun-includes: the towns listed after "cities of X including"
    are the destinations, not the area that holds them."""
    f = _facts(
        "en",
        "Pakistan deployed troops in three cities of Sindh including Karachi, Sukkur and Larkana.\n",
    )
    assert sorted(_names(f, d.to)[0] for d in f.deployments) == ["Karachi", "Larkana", "Sukkur"]


def test_a_title_before_a_person_told_is_no_body() -> None:
    """Rule a-title-before-a-person-told: "Pangdam Andi Wirawan" after the commander's full
    name is the commander, not a Kodam called Andi Wirawan."""
    f = _facts(
        "id",
        "Pangdam XII/Tanjungpura Mayjen TNI Andi Wirawan Saputra hadir di Pontianak. "
        "Pangdam Andi Wirawan mengatakan pihaknya siap membantu.\n",
    )
    assert not any(
        "Andi" in n for e in f.entities if e.type.value == "Organization" for n in e.names
    )


def test_a_named_cause_s_title_is_written_in_english() -> None:
    f = _facts(
        "id",
        "Ribuan warga berunjuk rasa di Kota Medan pada Senin (7/6/2021). Massa menuntut "
        "pengunduran diri Perdana Menteri Budi Santoso.\n",
    )
    (p,) = f.protests
    assert "resignation of Prime Minister Budi Santoso" in p.causes


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "id",
            "Ribuan mahasiswa berunjuk rasa di Kota Bandung pada Senin (7/6/2021). Mereka "
            "menuntut mundurnya pemimpin Jawa Barat.\n",
        ),
        (
            "en",
            "Thousands of students rallied in Nairobi on Monday, June 7. They demanded the "
            "removal of the governor of Kenya's central region.\n",
        ),
    ],
)
def test_a_place_neither_resigns_nor_is_freed(lang: str, body: str) -> None:
    (p,) = _facts(lang, body).protests
    assert not any(c.startswith("resignation of") for c in p.causes)


def test_the_omnibus_law_is_the_job_creation_law() -> None:
    f = _facts(
        "id",
        "Ratusan buruh berunjuk rasa di Kota Semarang pada Senin (7/6/2021) menolak "
        "Undang-Undang Cipta Kerja.\n",
    )
    (p,) = f.protests
    assert p.causes == ("Job Creation Law",)


@pytest.mark.parametrize(
    ("lang", "body", "cause"),
    [
        (
            "en",
            "Hundreds rioted in Sfax on Monday, June 7. The unrest came after the government "
            "imposed a lockdown on Friday.\n",
            False,
        ),
        ("en", "Hundreds rallied in Sfax on Monday, June 7, against the new lockdown.\n", True),
        (
            "id",
            "Ratusan warga berunjuk rasa di Kota Medan pada Senin (7/6/2021). Kerusuhan terjadi "
            "setelah pemerintah memberlakukan lockdown.\n",
            False,
        ),
        (
            "id",
            "Ratusan warga berunjuk rasa di Kota Medan pada Senin (7/6/2021) menolak lockdown.\n",
            True,
        ),
    ],
)
def test_a_lockdown_is_a_cause_only_when_protested(lang: str, body: str, cause: bool) -> None:
    (p,) = _facts(lang, body).protests
    assert ("lockdown measures" in p.causes) is cause


def test_a_town_and_its_province_before_the_protest() -> None:
    f = _facts(
        "id",
        "Polisi masih berjaga di Kota Bima (Bima) Nusa Tenggara Barat (NTB) menyusul aksi "
        "amuk massa.\n",
    )
    (p,) = f.protests
    assert f.entity(p.location).names[0] == "Kota Bima"


@pytest.mark.parametrize(
    ("lang", "body", "end"),
    [
        (
            "id",
            "Polri akan mengerahkan 500 personel ke Kota Medan untuk mengamankan konferensi "
            "pada 14-17 Juni 2021.\n",
            dt.date(2021, 6, 17),
        ),
        (
            "en",
            "Kenya will deploy 300 police officers to Nairobi to guard the summit on June "
            "14-17, 2021.\n",
            dt.date(2021, 6, 17),
        ),
        # a run of days already past is when the troops came, not when they left
        (
            "en",
            "Russia moved 300 troops to Vladivostok from 1-5 June 2021.\n",
            None,
        ),
    ],
)
def test_the_last_day_of_a_range_ends_the_deployment(
    lang: str, body: str, end: dt.date | None
) -> None:
    (d,) = _facts(lang, body).deployments
    assert d.start is not None and d.start.value.day in (1, 14)
    assert (d.end.value if d.end is not None else None) == end


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "id",
            "Polri akan mengerahkan 500 personel ke Kota Medan untuk mengamankan konferensi. "
            "Operasi pengamanan itu akan berlangsung mulai 14 Juni hingga 20 Juni 2021.\n",
        ),
        (
            "en",
            "Kenya will deploy 300 police officers to Nairobi to guard the summit. "
            "They will remain on duty from 14-20 June.\n",
        ),
    ],
)
def test_the_operation_s_period_dates_the_deployment(lang: str, body: str) -> None:
    (d,) = _facts(lang, body).deployments
    assert d.start is not None and d.start.value == dt.date(2021, 6, 14)
    assert d.end is not None and d.end.value == dt.date(2021, 6, 20)


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("id", "Seorang pejabat Kenya mengatakan pasukan Kenya telah tiba di Somalia.\n"),
        ("en", "One official said Kenyan troops had arrived in Somalia.\n"),
    ],
)
def test_one_is_a_person_not_a_force(lang: str, body: str) -> None:
    (d,) = _facts(lang, body).deployments
    assert d.troops is None


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "id",
            "Kenya mengerahkan pasukan ke Nairobi pada Senin (7/6/2021), di mana tujuh tentara tewas.\n",
        ),
        (
            "id",
            "Kenya mengerahkan pasukan ke Nairobi pada Senin (7/6/2021). Sebanyak 7 prajurit terluka.\n",
        ),
        ("en", "Kenya deployed troops to Nairobi on Monday, where seven soldiers were killed.\n"),
    ],
)
def test_a_toll_is_no_strength(lang: str, body: str) -> None:
    (d,) = _facts(lang, body).deployments
    assert d.troops is None


def test_troops_that_stay_are_no_plan() -> None:
    en = _facts("en", "About 500 Dutch marines will remain deployed in Curacao after the storm.\n")
    (d,) = en.deployments
    assert d.status is DeploymentStatus.HAPPENED
    idn = _facts("id", "Sebanyak 300 personel TNI akan tetap ditempatkan di Kabupaten Puncak.\n")
    (d,) = idn.deployments
    assert d.status is DeploymentStatus.HAPPENED


def test_a_law_approved_to_deploy_is_a_plan() -> None:
    f = _facts(
        "id",
        "Pada Rabu (9/6), parlemen Chad telah mengesahkan undang-undang untuk mengerahkan "
        "pasukan ke Niger.\n",
    )
    (d,) = f.deployments
    assert d.status is DeploymentStatus.PLANNED


def test_a_plan_s_day_of_telling_is_no_start() -> None:
    f = _facts(
        "id",
        "Perdana Menteri Kanada menyatakan pihaknya akan mengerahkan 300 tentara ke Latvia "
        "untuk bergabung dengan koalisi internasional, Senin (7/6/2021).\n",
    )
    (d,) = f.deployments
    assert d.status is DeploymentStatus.PLANNED and d.start is None
    en = _facts("en", "Canada said on Monday it will send 300 troops to Latvia.\n")
    (d,) = en.deployments
    assert d.status is DeploymentStatus.PLANNED and d.start is None


def test_the_army_named_by_a_common_noun_sends_itself() -> None:
    """Rule the-force-as-named, for the army: "the army was deployed in X" with no state
    or body before it is the army as the text names it (the codebook's "sender as the text
    names it"), not the country; "the Peruvian army" keeps the state."""
    cases = {
        "Looting spread in Peru. The army was deployed in Arequipa on Friday.\n": [
            ("army", "Arequipa")
        ],
        "Looting spread in Peru. The military has deployed reinforcements in Cusco.\n": [
            ("military", "Cusco")
        ],
        "Looting spread in Peru. The Peruvian army was deployed in Arequipa on Friday.\n": [
            ("Peru", "Arequipa")
        ],
    }
    for body, rows in cases.items():
        f = _facts("en", body, published="2024-04-09")
        assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == rows


def test_troops_sent_to_several_areas_go_to_the_story_country() -> None:
    """Rule nationwide-is-the-story-country, for "in several areas (of the country)": the
    areas are not named, so the troops go to the country the story is in."""
    f = _facts(
        "en",
        "Riots shook Peru for a third night. The army deployed reinforcements in several "
        "areas of the country, a defence ministry spokesman said.\n",
        published="2024-04-09",
    )
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [("army", "Peru")]


def test_unowned_troops_in_a_country_of_unrest_are_its_own() -> None:
    """Rule the-story-country-s-own-troops: troops that no name, demonym or 'its' owns,
    sent inside the country of a story of unrest, are that country's ("by is the sending
    actor": the state); troops of a named state stay that state's."""
    cases = {
        "Thousands of protesters rallied in Peru on Sunday against fuel prices. Soldiers "
        "patrolled the streets of Cusco on Monday.\n": [("Peru", "Cusco")],
        "Thousands of protesters rallied in Peru on Sunday against fuel prices. Chilean "
        "soldiers patrolled the streets of Cusco on Monday.\n": [("Chile", "Cusco")],
    }
    for body, rows in cases.items():
        f = _facts("en", body, published="2024-04-09")
        assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == rows


def test_an_office_of_a_place_head_is_a_site_of_its_own() -> None:
    body = (
        "Ratusan warga berunjuk rasa di depan kantor Bupati Sleman, Kamis (10/6/2021). "
        "Massa kemudian bergerak ke Kantor Gubernur Provinsi Jawa Tengah.\n"
        "Polisi menjaga kantor Gubernur Jawa Tengah hingga malam.\n"
    )
    f = _facts("id", body)
    names = [e.names for e in f.entities]
    assert ("kantor Bupati Sleman",) in names
    assert any("Sleman" in n for n in names)
    office = [n for n in names if "Kantor Gubernur Provinsi Jawa Tengah" in n]
    assert office and "kantor Gubernur Jawa Tengah" in office[0]
    (p,) = [p for p in f.protests if "Sleman" in _names(f, p.location)]
    assert _names(f, p.location) != ("kantor Bupati Sleman",)


def test_a_company_is_named_with_its_legal_form() -> None:
    body = (
        "Ratusan pekerja PT Sinar Karya Abadi (SKA) berunjuk rasa di Kendari, Senin "
        "(7/6/2021). Jembatan itu dibangun oleh PT Karya Bumi dan CV Maju Bersama.\n"
        "Kemudian manajemen PT SKA menemui para pekerja.\n"
    )
    names = [e.names for e in _facts("id", body).entities]
    company = [n for n in names if "PT Sinar Karya Abadi" in n]
    assert company and "PT SKA" in company[0]
    assert ("PT Karya Bumi",) in names and ("CV Maju Bersama",) in names


def test_a_police_corps_is_named_by_its_head_alone() -> None:
    body = (
        "Polda Sulawesi Tenggara mengirim dua peleton Sabhara ke Kolaka, Senin (7/6/2021). "
        "Pengamanan juga dibantu personel Sabhara Polda Sulawesi Tenggara.\n"
    )
    names = [e.names for e in _facts("id", body).entities]
    assert ("Sabhara Polda Sulawesi Tenggara", "Sabhara") in names


def test_a_romance_particle_inside_a_name_id() -> None:
    # rule a-romance-particle-inside-a-name: "da" joins a Portuguese name in Indonesian text too
    f = _facts("id", "Portugal mengirim 300 polisi ke Vila Nova da Barca pada Senin (7/6/2021).\n")
    assert _rows(f) == [("Portugal", "Vila Nova da Barca")]
    f = _facts("id", '"Kami tetap di sini," kata Joaquim Pereira da Costa kepada wartawan.\n')
    people = [e.names for e in f.entities if e.type.value == "Person"]
    assert people == [("Joaquim Pereira da Costa",)]


def test_bodies_listed_after_the_troops() -> None:
    # rule bodies-listed-after-the-troops, with a-list-goes-on-with-as-well-as
    f = _facts(
        "en",
        "Kenyan soldiers, as well as the General Service Unit, were deployed in Nakuru "
        "on Monday.\n",
    )
    senders = {_names(f, d.by)[0] for d in f.deployments}
    assert "General Service Unit" in senders


def test_unowned_troops_in_a_passive_go_to_the_protest_just_told() -> None:
    """Rule unowned-troops-at-the-protest: "security forces were deployed to the streets"
    with no count, no name and no owner, right after a protest in Paraguay is told: the
    country's own forces, where the protest is; "police moved in" sends no one."""
    f = _facts(
        "en",
        "Thousands of people protested across Paraguay on Sunday against rising bread "
        "prices.\n\nThe rallies had largely ended by the evening, as security forces were "
        "deployed to the streets.\n",
    )
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("Paraguay", "Paraguay")
    ]
    g = _facts(
        "en",
        "Thousands of people protested across Paraguay on Sunday against rising bread "
        "prices.\n\nThe rallies turned violent, and police moved in to break them up.\n",
    )
    assert not g.deployments


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("en", "The United States will send 2,400 additional service members to Qatar.\n"),
        ("en", "Australia has deployed 2,400 service personnel to Qatar.\n"),
        ("id", "Amerika Serikat akan mengirim 2.400 anggota militer ke Qatar.\n"),
    ],
)
def test_service_members_are_troops(lang: str, body: str) -> None:
    """'service members', 'service personnel', 'anggota militer' are troop nouns: their
    count is the deployment's strength."""
    f = _facts(lang, body)
    (d,) = f.deployments
    assert _names(f, d.to)[0] == "Qatar"
    assert d.troops is not None and d.troops.value == 2400


def test_a_police_presence_is_troops() -> None:
    """'police presence', 'military presence', 'security presence' are troop nouns: "a
    heavy police presence was deployed in the streets" after a protest in Paraguay sends
    the country's police where the protest is (with rule unowned-troops-at-the-protest)."""
    f = _facts(
        "en",
        "Thousands of people protested across Paraguay on Sunday against rising bread "
        "prices.\n\nShops closed, and a heavy police presence was deployed in the streets.\n",
    )
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("Paraguay", "Paraguay")
    ]


def test_deployment_the_unrest_the_force_answers() -> None:
    """Rule the-unrest-the-force-answers: a force sends troops to no place named, in an
    article whose riot is in one town: they go to that town, not the force's own area."""
    f = _facts(
        "id",
        "Kerusuhan pecah di Kota Sorong pada Senin (7/6/2021). Warga membakar sejumlah "
        "kios.\n\nKepala bidang humas menyebut situasi mulai terkendali.\n\n"
        "Sementara itu, Polda Papua Barat mengirim satu kompi Brimob untuk memulihkan "
        "keamanan.\n",
    )
    rows = [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments]
    assert rows == [("Polda Papua Barat", "Kota Sorong")]


def test_deployment_a_place_that_locates_another() -> None:
    """Rule a-place-that-locates-another: after a place and a comma, the place a word of
    where introduces only tells where the first one is; it is no destination."""
    f = _facts(
        "id",
        "Sebanyak 5.000 tentara Mesir dikerahkan mengepung kota Giza, di pinggiran Kairo, "
        "Sabtu (5/6/2021).\n",
    )
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [("Mesir", "Giza")]
    f = _facts(
        "en",
        "Some 5,000 Egyptian soldiers were deployed around the city of Giza, on the outskirts "
        "of Cairo, on Saturday.\n",
    )
    assert not any(_names(f, d.to) == ("Cairo",) for d in f.deployments)


def test_a_protest_by_a_place_s_body_is_not_in_that_place() -> None:
    f = _facts(
        "en",
        "NAIROBI: Amid growing unrest during protests by the Kenya Sauti-ya-Haki (KSH), the "
        "government has sent the army into the capital.\n",
    )
    assert [f.entity(p.location).names[0] for p in f.protests] == ["NAIROBI"]


def test_a_province_by_its_head_word_holds_no_town() -> None:
    f = _facts(
        "id",
        "GORONTALO - Ratusan penambang berunjuk rasa di Kabupaten Boalemo, Provinsi Gorontalo, "
        "Senin (7/6/2021).\n",
    )
    assert [f.entity(p.location).names[0] for p in f.protests] == ["Kabupaten Boalemo"]


def test_a_distance_in_two_units_keeps_the_capital_out() -> None:
    f = _facts(
        "en",
        "Soldiers were deployed in Kisumu district 350 km (217 miles) from the capital Nairobi "
        "to contain riots on Monday.\n",
    )
    assert [f.entity(p.location).names[0] for p in f.protests] == ["Kisumu district"]


def test_the_capital_in_apposition_places_the_protest() -> None:
    f = _facts(
        "id", "Ribuan warga berunjuk rasa di ibu kota Indonesia, Nusantara, Senin (7/6/2021).\n"
    )
    assert [f.entity(p.location).names[0] for p in f.protests] == ["Nusantara"]


def test_a_flag_s_country_is_no_protest_place() -> None:
    f = _facts(
        "en",
        "Thousands of protesters waving Palestine flags marched in Kuala Lumpur on Monday.\n",
    )
    assert [f.entity(p.location).names[0] for p in f.protests] == ["Kuala Lumpur"]


def test_a_legislature_stormed_is_in_the_capital() -> None:
    f = _facts(
        "en",
        "LUSAKA, Zambia — Police arrested dozens of people on Friday in demonstrations in Zambia "
        "that saw crowds storm the legislature.\n",
    )
    assert [f.entity(p.location).names[0] for p in f.protests] == ["LUSAKA"]


def test_an_outlet_named_after_a_place_is_no_protest_place() -> None:
    f = _facts(
        "id",
        "Ribuan buruh turun ke jalan di pusat kota Yangon, Sabtu (5/6/2021). "
        '"Saya juga ikut berdemo," kata seorang buruh yang kemarin juga ikut berdemo, '
        "seperti dimuat Myanmar Now, Minggu (6/6/2021).\n",
    )
    assert [f.entity(p.location).names[0] for p in f.protests] == ["Yangon"]


def test_a_name_opening_with_a_given_name_is_a_person() -> None:
    """Rule a-name-opening-with-a-given-name: a run no cue types that opens with a given
    name (from every locale's lists) is a person's name; not a day named with a common word
    ("Hari Buruh") nor a ship's name ("USS Marta Velen")."""
    f = _facts(
        "en",
        "Protesters marched in Lumen City on Monday. Teodoro Vasquel addressed the crowd "
        "near the carrier USS Marta Velen.\n",
    )
    persons = {n for e in f.entities if e.type.value == "Person" for n in e.names}
    assert persons == {"Teodoro Vasquel"}
    f = _facts(
        "id",
        "Ribuan buruh berunjuk rasa di Kota Lumen pada Hari Buruh, Senin. Rina Kartasari "
        "memimpin aksi itu.\n",
    )
    persons = {n for e in f.entities if e.type.value == "Person" for n in e.names}
    assert persons == {"Rina Kartasari"}


@pytest.mark.parametrize(
    ("body", "sender"),
    [
        (
            "Sebanyak 1.200 personel gabungan TNI dan Polri dikerahkan ke Kota Sungai Raya "
            "untuk mengamankan pawai budaya.\n",
            ("TNI dan Polri", "personel gabungan"),
        ),
        (
            "Ratusan aparat gabungan dari TNI, Polri dan Satpol PP dikerahkan ke Kota Sungai "
            "Raya untuk mengamankan pawai budaya.\n",
            ("TNI, Polri dan Satpol PP", "aparat gabungan"),
        ),
        (
            "Pawai budaya digelar di Kota Sungai Raya. Sebanyak 800 personel gabungan TNI-Polri "
            "berjaga di Kota Sungai Raya. Personel gabungan TNI dan Polri itu dikerahkan ke "
            "Kota Sungai Raya sejak pagi.\n",
            ("TNI-Polri",),
        ),
    ],
)
def test_a_joint_force_of_national_forces(body: str, sender: tuple[str, ...]) -> None:
    """Rule a-joint-force-of-national-forces: joint troops of TNI and Polri listed together
    are the joint force's, named by the list and the troops' words, or by the name the
    article gives it ("TNI-Polri"); not the first force listed."""
    f = _facts("id", body)
    assert {_names(f, d.by) for d in f.deployments} == {sender}


def test_joint_troops_of_regional_forces_are_the_first_s() -> None:
    """Regional commands listed after joint troops are no national pair: the first force
    listed sends them (rule joint-troops-are-one-force)."""
    f = _facts(
        "id",
        "Sebanyak 500 personel gabungan Polda Kalbar dan Polres Sungai Raya dikerahkan ke "
        "Kota Sungai Raya untuk mengamankan pawai budaya.\n",
    )
    assert [_names(f, d.by)[0] for d in f.deployments] == ["Polda Kalbar"]


def test_the_force_served_after_a_few_lower_case_words() -> None:
    """Rule part-of-the-force-it-serves: up to five lower-case words may stand between
    "as part of" and the force ("as part of its contribution to the ECOWAS force"): the
    force's row, the country's a part of it."""
    f = _facts(
        "en",
        "Ghana will send 800 troops to northern Mali as part of its contribution to the "
        "ECOWAS standby force, the ministry said.\n",
    )
    assert ("Ghana", "Mali", 800, "ECOWAS") in {
        (r[0], r[1].split()[-1], r[2], r[3]) for r in _part_rows(f)
    }
    assert "ECOWAS" in {r[0] for r in _part_rows(f)}


def test_a_row_told_again_as_a_part_joins_the_force() -> None:
    """Rule a-row-told-again-as-a-part: the same sender's troops at the same place told
    again as part of a force ("sebagai bagian dari misi pelatihan NATO") make the row told
    first that force's part, and the force deploys there too."""
    f = _facts(
        "id",
        "Belanda masih memiliki sekitar 600 tentara di Irak.\n\nParlemen membahas anggaran "
        "pertahanan pekan lalu.\n\nSebelum penarikan itu, Belanda mengerahkan 600 tentara ke "
        "Irak sebagai bagian dari misi pelatihan NATO.\n",
    )
    rows = {(r[0], r[1], r[3]) for r in _part_rows(f)}
    assert ("Belanda", "Irak", "NATO") in rows and ("NATO", "Irak", None) in rows


def test_an_article_s_name_in_a_place() -> None:
    # rule an-article-s-name-in-a-place: "El X" after a place cue is a place, a body elsewhere
    body = (
        "Hundreds of people marched in El Tambor on Monday. Traders rallied in the border "
        "enclave of Al Rimaya. Al Nahda said it would join the strike.\n"
    )
    types = {e.names[0]: e.type.value for e in _facts("en", body).entities}
    assert types.get("El Tambor") == "Location" and types.get("Al Rimaya") == "Location"
    assert types.get("Al Nahda") == "Organization"


def test_a_namesake_town_ends_no_site() -> None:
    # rule a-namesake-town-ends-no-site: a far country's town is a word of the site's name
    body = (
        "Rombongan tiba di Bandara Internasional Soekarno Hatta, Tangerang, pada Senin "
        "(7/6/2021). Ribuan warga berkumpul di Stadion Gelora Bung Karno. Massa lain "
        "berunjuk rasa di Jalan Sudirman Makassar.\n"
    )
    names = [e.names[0] for e in _facts("id", body).entities]
    assert "Bandara Internasional Soekarno Hatta" in names and "Hatta" not in names
    assert "Stadion Gelora Bung Karno" in names
    assert "Jalan Sudirman" in names and "Makassar" in names


def test_a_head_word_as_a_short_name() -> None:
    # rule a-head-word-as-a-short-name: a head word in brackets after a body's name is its own
    body = (
        "Personel Satuan Tugas (Satgas) Nusa Damai tiba di Ambon pada Senin (7/6/2021). "
        "Batalyon Marinir Pertahanan Pangkalan (Yonmarhanlan) IV ikut berjaga.\n"
    )
    names = [e.names for e in _facts("id", body).entities]
    assert ("Satuan Tugas", "Satgas") in names
    assert all("Yonmarhanlan" not in n[1:] for n in names)


def test_an_armed_group_the_authority_knows_by_a_place_word() -> None:
    # the authority file's Mujahidin Indonesia Timur: a group, though 'Timur' ends places
    body = "Polisi memburu sisa anggota Mujahidin Indonesia Timur di pegunungan Poso.\n"
    types = {e.names[0]: e.type.value for e in _facts("id", body).entities}
    assert types.get("Mujahidin Indonesia Timur") == "Organization"


def test_a_body_of_what() -> None:
    # rule a-body-of-what: a head word and 'of' make the capitalised words after it its name
    body = (
        "The Ministry of Public Security said on Monday that 300 police were deployed in Quito. "
        "The U.S. Department of State approved the sale. The strike was called by the "
        "Federation of Free Traders of Chad.\n"
    )
    orgs = {e.names[0] for e in _facts("en", body).entities if e.type.value == "Organization"}
    assert "Ministry of Public Security" in orgs and "U.S. Department of State" in orgs
    assert "Federation of Free Traders of Chad" in orgs


def test_diy_is_the_province_of_yogyakarta() -> None:
    # the authority file's Daerah Istimewa Yogyakarta (DIY): a province, no acronym of a body
    body = "Ribuan pemudik diperkirakan masuk ke DIY pada akhir pekan, Senin (7/6/2021).\n"
    types = {e.names[0]: e.type.value for e in _facts("id", body).entities}
    assert types.get("DIY") == "Location"


def test_a_university_named_in_portuguese_or_spanish() -> None:
    # 'Universidade', 'Universidad' head a body's name as 'Universitas' does
    body = "Mahasiswa Universidade Nova de Lisboa berunjuk rasa di Lisboa, Senin (7/6/2021).\n"
    types = {e.names[0]: e.type.value for e in _facts("id", body).entities}
    assert types.get("Universidade Nova de Lisboa") == "Organization"


def test_the_red_cross_is_a_body() -> None:
    """The authority file knows the Red Cross (and Palang Merah Indonesia): never a person
    named Red Cross."""
    f = _facts(
        "en",
        "Police fired tear gas at protesters in Lumen City on Monday. The Red Cross said 12 "
        "people were treated.\n",
    )
    assert ("Organization", ("Red Cross",)) in {(e.type.value, e.names) for e in f.entities}


@pytest.mark.parametrize(
    ("lang", "body", "row"),
    [
        # rule the-state-of-the-body-that-reports-it: its demonym, its possessive, the
        # state's name ending the body's, or "according to"
        (
            "en",
            "About 2,000 soldiers were deployed to Cusco on Monday, the Peruvian defence "
            "ministry said.",
            ("Peru", "Cusco"),
        ),
        (
            "en",
            "About 2,000 soldiers were deployed to Cusco on Monday, Peru's defence ministry said.",
            ("Peru", "Cusco"),
        ),
        (
            "en",
            "About 500 soldiers were sent to Lithuania, according to the German defence ministry.",
            ("Germany", "Lithuania"),
        ),
        (
            "id",
            "Sebanyak 2.000 tentara dikerahkan ke Cusco, kata Kementerian Pertahanan Peru.",
            ("Peru", "Cusco"),
        ),
    ],
)
def test_troops_a_state_s_body_reports_are_the_state_s(
    lang: str, body: str, row: tuple[str, str]
) -> None:
    f, trace = _traced(lang, body + "\n")
    (d,) = f.deployments
    assert (_names(f, d.by)[0], _names(f, d.to)[0]) == row
    assert "sender:the-state-of-the-body-that-reports-it" in _rules(trace, "deployments", d.id)


def test_troops_a_state_s_body_says_arrived_are_the_state_s() -> None:
    # the body is the subject of a speech verb, the troops of what it says
    f, trace = _traced(
        "en", "The Russian Defence Ministry said troops arrived in Cabo Delgado on Monday.\n"
    )
    (d,) = f.deployments
    assert _names(f, d.by) == ("Russia",)
    assert "sender:the-state-of-the-body-that-reports-it" in _rules(trace, "deployments", d.id)
    # the body itself sends: it stays the sender
    f = _facts(
        "en", "The Russian Defence Ministry said it sent 300 troops to Cabo Delgado on Monday.\n"
    )
    assert [_names(f, d.by) for d in f.deployments] == [("Russian Defence Ministry",)]
    # a withdrawal it announces of others' troops makes no state of it an entity
    f = _facts(
        "id",
        "Kementerian Pertahanan Mesir mengumumkan pasukan aliansi itu akan ditarik dari "
        "Libya, Senin (7/6/2021).\n\nLiga Arab mengirim 3.000 tentara ke Libya bulan lalu.\n",
    )
    assert all("Egypt" not in e.names for e in f.entities)


def test_troops_bodies_of_two_states_report_are_no_one_s() -> None:
    f = _facts(
        "en",
        "About 500 soldiers were sent to Vilnius, the German defence ministry said, and the "
        "Polish government said so too.\n",
    )
    assert f.deployments == ()


def test_the_counts_and_causes_of_an_event_in_another_country_are_not_the_protest_s() -> None:
    # rule another-country-s-event
    f = _facts(
        "en",
        "India has rushed 5,000 paramilitary personnel to Manipur, where ethnic clashes have "
        "killed more than 50 people. Thousands of protesters took to the streets of Nairobi on "
        "Tuesday against a new finance bill.\n",
        published="2023-05-06",
    )
    (p,) = f.protests
    assert (_names(f, p.location), p.deaths) == (("Nairobi",), None)
    # a foreign country named otherwise than as where it happens does not stop them
    f = _facts(
        "en",
        "Thousands of protesters rallied in Jakarta on Friday in support of Palestine. Police "
        "said 20 people were arrested near the embassy of the United States.\n",
        published="2023-05-06",
    )
    (p,) = f.protests
    assert p.arrests is not None and p.arrests.value == 20
    # where it happens in the protest's country, or where from, they are the protest's
    f = _facts(
        "en",
        "Students marched in Dhaka on Monday. The unrest began over anger at quotas for the "
        "families of those who fought for independence from Pakistan; 12 people were killed "
        "in Dhaka.\n",
        published="2023-05-06",
    )
    (p,) = f.protests
    assert p.deaths is not None and p.deaths.value == 12


def test_the_owner_of_later_troops_gets_their_own_count() -> None:
    # rule the-owner-s-own-count: the first count is another group's, unowned by a name
    f, trace = _traced(
        "id",
        "Polisi menurunkan 1.200 personel gabungan dan 300 personel Brimob Polda Jateng ke "
        "Kota Semarang, Kamis (22/8/2024).\n",
    )
    rows = [(_names(f, d.by)[0], d.troops.value if d.troops else None) for d in f.deployments]
    assert ("Brimob Polda Jateng", 300) in rows and ("Brimob Polda Jateng", 1200) not in rows
    assert any(
        "troops:the-owner-s-own-count" in _rules(trace, "deployments", d.id) for d in f.deployments
    )
    # a whole and its make-up: the whole's count stays (rule each-counted-force)
    f = _facts(
        "id",
        "Polres Madiun mengerahkan 600 personel ke Kabupaten Madiun, meliputi 450 personel "
        "Polres Madiun dan 150 personel BKO Polda Jatim.\n",
    )
    assert (_names(f, f.deployments[0].by)[0], f.deployments[0].troops.value) == (
        "Polres Madiun",
        600,
    )


@pytest.mark.parametrize(
    ("body", "country", "towns"),
    [
        # rule towns-listed-are-a-wave, with counties the language's regions know listed
        # among the towns, and a town the gazetteer knows read as a place
        (
            "Protesters blocked roads in the towns of Nakuru, Eldoret, Kisumu, Nyeri, Embu, "
            "Meru and Machakos on Tuesday.",
            "Kenya",
            ("Nakuru", "Eldoret", "Kisumu"),
        ),
        # the last town of the list before ", organisers said" is a town, not who spoke
        (
            "Rallies took place on Friday in Kumasi, Tamale, Takoradi, Cape Coast, Sunyani, "
            "Bolgatanga and Koforidua, organisers said.",
            "Ghana",
            ("Kumasi", "Tamale", "Koforidua"),
        ),
    ],
)
def test_a_long_list_of_one_country_s_towns_is_a_wave(
    body: str, country: str, towns: tuple[str, ...]
) -> None:
    f = _facts("en", body + "\n", published="2024-08-23")
    (p,) = f.protests
    assert _names(f, p.location) == (country,)
    names = {n for e in f.entities for n in e.names if e.type.value == "Location"}
    assert set(towns) <= names


def test_two_places_of_a_list_are_not_a_town_and_what_holds_it() -> None:
    # rule the-town-that-holds-it reads "Lekki, Lagos"; a town the list goes on after is
    # no town holding the first
    f = _facts("en", "Protesters gathered at the Lekki toll gate in Lagos on Tuesday.\n")
    assert [_names(f, p.location) for p in f.protests] == [("Lagos",)]
    f = _facts("en", "Protesters blocked roads in Nakuru, Eldoret and Kisumu on Tuesday.\n")
    assert [_names(f, p.location) for p in f.protests] == [("Kenya",)]


def test_the_owner_of_the_troops_after_the_verb_is_no_destination() -> None:
    # "to send US troops to Israel": "US" owns the troops; the place is after "to", and the
    # "to" before the verb points at no place after it
    f = _facts("en", "The Pentagon said it has no plans to send US troops to Israel.\n")
    (d,) = f.deployments
    assert _names(f, d.to) == ("Israel",) and d.status is DeploymentStatus.DENIED
    # a place right after a verb of entering is still where they went
    f = _facts("en", "Russian troops entered Syria on Monday.\n")
    assert [_names(f, d.to) for d in f.deployments] == [("Syria",)]


def test_an_arrival_in_the_capital_a_pledge_and_the_count_of_those_who_landed() -> None:
    body = (
        "PORT-AU-PRINCE, Haiti - The first contingent of Kenyan police officers arrived in "
        "Haiti's capital on Tuesday. About 400 officers landed at Toussaint Louverture "
        "International Airport, officials said. Kenya has pledged 1,000 officers to the "
        "mission.\n"
    )
    f, trace = _traced("en", body, published="2024-06-26")
    (d,) = f.deployments
    # rule the-capital-the-article-names: the dateline names Haiti's capital
    assert _names(f, d.to) == ("PORT-AU-PRINCE",)
    # rule counted-arrival-told-on, at a site; rule a-pledge-counts-no-arrival
    assert d.troops is not None and d.troops.value == 400
    assert d.status is DeploymentStatus.HAPPENED
    assert "destination:the-capital-the-article-names" in _rules(trace, "deployments", d.id)
    # rule a-pledge-counts-no-arrival: told before any count of those who came
    f, trace = _traced(
        "en",
        "Kenyan police officers arrived in Port-au-Prince on Tuesday. Kenya has pledged 1,000 "
        "officers to the mission.\n",
        published="2024-06-26",
    )
    (d,) = f.deployments
    assert (d.troops, d.status) == (None, DeploymentStatus.HAPPENED)
    assert "troops:a-pledge-counts-no-arrival" in _rules(trace, "deployments", d.id)
    # a plan that promises nothing counts those who went ("15 would deploy first")
    f = _facts(
        "en",
        "New Zealand Defence Force personnel departed for Honiara on Thursday. The NZDF said "
        "15 personnel would deploy first.\n",
    )
    assert [d.troops.value if d.troops else None for d in f.deployments] == [15]
    # a capital the article does not name leaves the country
    f = _facts("en", "Kenyan police officers arrived in Haiti's capital on Tuesday.\n")
    assert [_names(f, d.to) for d in f.deployments] == [("Haiti",)]


def test_the_request_told_after_the_deployment() -> None:
    # rule the-request-told-after: the deployment told again, and who asked for it
    f, trace = _traced(
        "id",
        "Polda Kepri mengirim 252 personel Brimob ke Papua, Sabtu (31/8/2019). Wakapolda Kepri "
        "mengatakan, pengiriman personel itu atas permintaan Mabes Polri.\n",
        published="2019-08-31",
    )
    (d,) = f.deployments
    assert _names(f, d.requested_by) == ("Mabes Polri",)
    assert "request:the-request-told-after" in _rules(trace, "deployments", d.id)
    # no request told: none
    f = _facts(
        "id",
        "Polda Kepri mengirim 252 personel Brimob ke Papua, Sabtu (31/8/2019). Wakapolda Kepri "
        "mengatakan, pengiriman personel itu berjalan lancar.\n",
        published="2019-08-31",
    )
    assert [d.requested_by for d in f.deployments] == [None]


@pytest.mark.parametrize(
    ("lang", "body", "causes"),
    [
        # rule a-similar-protest-shares-its-causes
        (
            "id",
            "Aksi unjuk rasa menolak kenaikan harga BBM berlangsung di Makassar, Senin "
            "(5/9/2022). Aksi serupa juga berlangsung di Gowa.",
            [("fuel price rise",), ("fuel price rise",)],
        ),
        (
            "en",
            "Thousands rallied in Nairobi on Tuesday against the finance bill. Similar "
            "protests were also held in Kisumu.",
            [("finance bill",), ("finance bill",)],
        ),
        # not similar: its own causes, or none
        (
            "en",
            "Thousands rallied in Nairobi on Tuesday against the finance bill. Protests were "
            "also held in Kisumu.",
            [("finance bill",), ()],
        ),
    ],
)
def test_a_similar_protest_shares_the_causes_of_the_one_before(
    lang: str, body: str, causes: list[tuple[str, ...]]
) -> None:
    f = _facts(lang, body + "\n", published="2022-09-06")
    assert [p.causes for p in f.protests] == causes


def test_a_council_authorising_the_deployment_of_a_led_force_sends_none() -> None:
    # rule the-force-a-deployment-names, after "the deployment of a": the force named; a
    # body named by its leader is no other name of a council the article names
    f = _facts(
        "en",
        "The UN Security Council on Monday authorised the deployment of a Kenyan-led force "
        "to Haiti.\n",
    )
    (d,) = f.deployments
    assert (_names(f, d.by), _names(f, d.to)) == (("Kenyan-led force",), ("Haiti",))
    assert d.status is DeploymentStatus.PLANNED
    # an alliance the article names is still the one its leader leads
    f = _facts(
        "en", "The CSTO said the Russian-led alliance sent troops to Kazakhstan on Thursday.\n"
    )
    assert [_names(f, d.by)[0] for d in f.deployments] == ["CSTO"]


def test_a_direction_before_a_province_names_the_region_troops_go_to() -> None:
    # rule a-region-of-the-country, for a province the language's regions know, as
    # for a country ("eastern Slovakia")
    f = _facts("en", "India has deployed 35,000 soldiers to eastern Ladakh.\n")
    (d,) = f.deployments
    assert _names(f, d.to) == ("eastern Ladakh",)
    f = _facts("en", "NATO has deployed 2,100 soldiers to eastern Slovakia.\n")
    assert [_names(f, d.to) for d in f.deployments] == [("eastern Slovakia",)]
    # the centre of a country is a part of it too
    f = _facts("en", "NATO has deployed 2,100 soldiers to central Slovakia.\n")
    assert [_names(f, d.to) for d in f.deployments] == [("central Slovakia",)]


def test_a_border_named_by_a_demonym_and_the_state_that_deploys_its_force() -> None:
    # rule a-country-s-border-by-its-demonym; rule the-state-deploys-its-force
    f, trace = _traced(
        "en", "Mexico has deployed 6,000 National Guard troops to the Guatemalan border.\n"
    )
    (d,) = f.deployments
    assert (_names(f, d.by), _names(f, d.to)) == (("Mexico",), ("Guatemalan border",))
    assert "sender:the-state-deploys-its-force" in _rules(trace, "deployments", d.id)
    assert "Guatemalan border" in {n for e in f.entities for n in e.names}
    # a person deploying them: the force named
    f = _facts("en", "Trump deployed 2,000 National Guard troops to Los Angeles.\n")
    assert [_names(f, d.by) for d in f.deployments] == [("National Guard",)]


def test_troops_seconded_to_a_force_go_to_its_area() -> None:
    # rule the-area-of-the-force-they-join, after "diperbantukan" (seconded)
    f = _facts(
        "id",
        "Polda Jatim memberangkatkan 300 personel Brimob untuk diperbantukan di Polda Papua "
        "Barat, Senin (2/9/2019).\n",
    )
    (d,) = f.deployments
    assert (_names(f, d.by), _names(f, d.to)) == (("Polda Jatim",), ("Papua Barat",))


@pytest.mark.parametrize(
    ("lang", "body", "row"),
    [
        ("en", "Benin has offered 2,000 troops to Haiti.", ("Benin", "Haiti", 2000)),
        # "has" before the verb is its auxiliary, not a presence ("Benin has 2,000 troops")
        ("en", "Benin has promised 2,000 troops to Haiti.", ("Benin", "Haiti", 2000)),
        ("id", "Benin menawarkan 2.000 tentara ke Haiti.", ("Benin", "Haiti", 2000)),
        ("id", "Kenya menjanjikan 1.000 personel polisi ke Haiti.", ("Kenya", "Haiti", 1000)),
    ],
)
def test_troops_offered_or_promised_are_a_planned_deployment(
    lang: str, body: str, row: tuple[str, str, int]
) -> None:
    """Troops a state offers or promises are a deployment it plans, as pledged ones are."""
    f = _facts(lang, body + "\n")
    (d,) = f.deployments
    assert (_names(f, d.by)[0], _names(f, d.to)[0], d.troops.value if d.troops else None) == row
    assert d.status is DeploymentStatus.PLANNED


def test_a_sentence_s_own_speaker_speaks_of_its_troops_not_an_officer_told_after() -> None:
    """Rule the-force-of-who-speaks-of-it: a sentence whose own titled speaker speaks of
    the troops ("... none will," Defence Minister X told parliament) takes no sender from
    an officer of a body speaking in the sentences after."""
    body = (
        '"Not a single soldier has entered Meridian territory, and none will," Defence '
        "Minister Petra Lind told parliament. The spokesperson of the Coastal States Union, "
        "Daniel Rowe, said the bloc had no information.\n"
    )
    f = _facts("en", body)
    assert [(_names(f, d.by)[0] if d.by else None) for d in f.deployments] == []


def test_army_columns_are_troops_but_no_count_of_them() -> None:
    """ "55 columns of the Army" (Indian English): troops sent, in units; the number counts
    the columns, not the soldiers."""
    f = _facts("en", "Assam Rifles rushed 12 columns to Churachandpur on Thursday.\n")
    (d,) = f.deployments
    assert (_names(f, d.by)[0], _names(f, d.to)[0]) == ("Assam Rifles", "Churachandpur")
    assert d.troops is None or d.troops.value is None


def test_the_arrival_of_the_troops_just_sent_is_no_new_deployment() -> None:
    """Rule the-arrival-of-the-troops-told: troops pointed back to ("pasukan tambahan itu")
    that arrive somewhere on their way are the ones just sent, not another force's, whoever
    speaks of them; their arrival dates them."""
    body = (
        "Sebanyak 100 personel Brimob Polda Sulawesi Selatan dikirim untuk membantu pengamanan "
        "di Kabupaten Nduga. Kapolda Papua Irjen Mathius Fakhiri mengatakan pasukan tambahan "
        "itu tiba di Timika pada Rabu (9/6/2021).\n"
    )
    f = _facts("id", body)
    (d,) = f.deployments
    assert _names(f, d.to)[0] == "Kabupaten Nduga"
    assert d.start is not None and d.start.value == dt.date(2021, 6, 9)


def test_troops_deployed_by_a_state_s_government_are_the_state_s() -> None:
    """Rule a-demonym-s-government, as the agent of the passive: "deployed by the
    Ecuadorian government" is Ecuador's deployment, as "The Ecuadorian government deployed"
    is."""
    for body in (
        "Soldiers were deployed by the Ecuadorian government to Guayaquil on Monday.\n",
        "The Ecuadorian government deployed 300 soldiers to Guayaquil on Monday.\n",
    ):
        f = _facts("en", body)
        assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
            ("Ecuador", "Guayaquil")
        ]


def test_senders_named_in_the_sentence_send_their_own_troops_not_a_share() -> None:
    """After a force told with no place, a sentence whose places each have a sender of
    their own ("Kenya sent 900 troops to Goma, while Uganda deployed 1,000 soldiers to
    Bunagana") gives those senders' rows, not shares of the force (rule a-place-s-share
    is for lists with no sender: "Rinciannya, 500 personel ke X, 400 personel ke Y")."""
    body = (
        "The LCF force, which was deployed in November to help end the fighting, includes "
        "soldiers from Kenya and Uganda. Kenya sent about 900 troops to Goma in November, "
        "while Uganda deployed 1,000 soldiers to Bunagana in March.\n"
    )
    f = _facts("en", body)
    rows = {(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments if d.by and d.to}
    assert {("Kenya", "Goma"), ("Uganda", "Bunagana")} <= rows


@pytest.mark.parametrize(
    ("lang", "body", "place"),
    [
        (
            "en",
            "Burundian troops serving in the regional force began withdrawing from positions "
            "in North Kivu on Friday.",
            "North Kivu",
        ),
        (
            "id",
            "Pasukan Burundi mulai ditarik dari pos-pos di Kivu Utara pada Jumat.",
            "Kivu Utara",
        ),
    ],
)
def test_troops_leave_the_place_their_posts_are_in(lang: str, body: str, place: str) -> None:
    """ "from positions in North Kivu": the place left is where the posts are (new key
    ``post_nouns``); "troops serving in the force" is a clause about the troops, the
    sentence's verb is the withdrawal (rule withdrawn-after-a-relative-clause)."""
    f = _facts(lang, body + "\n")
    (d,) = f.deployments
    assert (_names(f, d.by)[0], _names(f, d.to)[0]) == ("Burundi", place)
    assert d.withdrawal is not None


def test_the_country_the_troops_units_are_in_sends_none() -> None:
    """Rule where-the-troops-source-is: "600 personel Brimob dari berbagai Polda di
    Indonesia tiba di Jayapura": the troops' body sends them, not the country their units
    are in; with no body named ("officers from several provinces in Indonesia") the
    country is still theirs."""
    body = "Sebanyak 600 personel Brimob dari berbagai Polda di Indonesia tiba di Jayapura.\n"
    f = _facts("id", body)
    assert [_names(f, d.by)[0] for d in f.deployments if d.by] == ["Brimob"]
    body = "Some 600 police officers from several provinces in Indonesia arrived in Jayapura.\n"
    f = _facts("en", body)
    assert [_names(f, d.by)[0] for d in f.deployments if d.by] == ["Indonesia"]


def test_a_contingent_s_number_may_name_its_mission_and_its_mission_is_no_second_row() -> None:
    """ "Satgas Konga XXIII-R/UNIFIL": the number of a contingent may end in its mission
    (rule a-numbered-unit); "misi perdamaian PBB di Lebanon selatan" after the troops sent
    to Lebanon is the context of that deployment, in a part of its place, not a row of the
    UN's (rule mission-in-a-place)."""
    body = (
        "Sebanyak 1.090 prajurit Satgas Konga XXIII-R/UNIFIL diberangkatkan ke Lebanon, Kamis "
        "(3/6/2021). Para prajurit tersebut akan bertugas selama satu tahun dalam misi "
        "perdamaian PBB di Lebanon selatan.\n"
    )
    f = _facts("id", body)
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("Konga XXIII-R/UNIFIL", "Lebanon")
    ]


@pytest.mark.parametrize(
    ("lang", "body", "to"),
    [
        (
            "en",
            "Russia has deployed about 100,000 troops near Ukraine's border.",
            "Ukraine's border",
        ),
        ("en", "Moscow massed troops near the border of Ukraine.", "border of Ukraine"),
        (
            "en",
            "Guatemala sent 3,000 soldiers to its border with Honduras.",
            "border with Honduras",
        ),
        (
            "id",
            "Rusia mengerahkan 100.000 tentara di dekat perbatasan Ukraina.",
            "perbatasan Ukraina",
        ),
        # the border named by both its countries
        ("id", "Rusia mengirim pasukan ke perbatasan Rusia-Ukraina.", "perbatasan Rusia-Ukraina"),
    ],
)
def test_a_country_s_edge_is_a_place_of_its_own(lang: str, body: str, to: str) -> None:
    """Rule a-country-s-edge-before-it (and its possessive: "Ukraine's border"): troops sent
    to a country's border are not in the country; the border is the place, as the text
    names it (new key ``edge_links``: "the border of", "the border with", "perbatasan
    dengan")."""
    f = _facts(lang, body + "\n")
    assert [_names(f, d.to)[0] for d in f.deployments] == [to]


def test_troops_guarding_the_protest_the_sentence_tells_more_of_go_there() -> None:
    """Rule the-protest-they-guard: "... untuk mengamankan aksi tersebut" guards the protest
    that this sentence tells more of (the rally in Jakarta Pusat, a part of the dateline's
    town), not a wave told just before it."""
    body = (
        "JAKARTA - Ribuan mahasiswa menggelar aksi di kawasan Patung Kuda, Jakarta Pusat, Kamis "
        "(3/6/2021). Koordinator aksi mengatakan, aksi serupa digelar serentak di sejumlah "
        "daerah di Indonesia. Sebanyak 1.623 personel gabungan dikerahkan untuk mengamankan aksi tersebut, "
        "kata Kapolres Metro Jakarta Pusat Kombes Susatyo.\n"
    )
    f = _facts("id", body)
    assert [_names(f, d.to)[0] for d in f.deployments] == ["Jakarta Pusat"]


def test_a_mission_serves_in_its_country_and_opens_the_sentence_before_an_aside() -> None:
    """Rule a-mission-s-country (the authority file's country of a mission): "The MINUSMA
    mission ... will withdraw its troops" leaves Mali, named before; rule
    the-subject-before-an-aside: the mission that opens the sentence, before a participle's
    clause between commas, is who withdraws; the plan's "will" before the verb it shares
    looks ahead."""
    body = (
        "The Security Council voted to end the peacekeeping mission in Mali. The MINUSMA "
        "mission, deployed in 2013 to help stabilise the country, will wind down its "
        "operations and withdraw its troops by December 31.\n"
    )
    f = _facts("en", body, "2023-07-01")
    (d,) = f.deployments
    assert (_names(f, d.by)[0], _names(f, d.to)[0]) == ("MINUSMA", "Mali")
    assert str(d.end.value) == "2023-12-31"  # type: ignore[union-attr]
    # a mission whose country the article does not name, before the aside, withdraws
    body = (
        "The UNMISS mission, deployed in 2011 to protect civilians, will wind down its "
        "operations and withdraw its troops from Juba by December 31.\n"
    )
    f = _facts("en", body, "2023-07-01")
    (d,) = f.deployments
    assert (_names(f, d.by)[0], _names(f, d.to)[0]) == ("UNMISS", "Juba")
    # sent with no place named: to its country too
    body = (
        "The Security Council voted to end the peacekeeping mission in Mali. MINUSMA deployed "
        "13,000 troops in 2013 to help stabilise the country.\n"
    )
    f = _facts("en", body, "2023-07-01")
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("MINUSMA", "Mali")
    ]


def test_troops_from_a_body_are_its_own_though_a_demonym_comes_first() -> None:
    """Rule troops-from-forces, with an article after "from": "Russian mercenaries from the
    Wagner Group have expanded their presence in Mali" are the Wagner Group's (the demonym
    is where they are from); "expanded their presence" sends troops as "boosted its
    presence" does; "withdraw its 220 soldiers from the UN mission" still leaves it."""
    body = "Russian mercenaries from the Wagner Group have expanded their presence in Mali.\n"
    f = _facts("en", body)
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("Wagner Group", "Mali")
    ]
    f = _facts("en", "Sweden will withdraw its 220 soldiers from the UN mission in Mali.\n")
    assert ("Sweden", "Mali") in [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments]


def test_a_destination_after_a_long_adjective_is_still_after_its_preposition() -> None:
    """ "to the easternmost provinces of Papua and West Papua": five words between the
    preposition and the place, however long, and both places listed are destinations."""
    body = (
        "Indonesia has sent an additional 6,000 police and military personnel to the "
        "easternmost provinces of Papua and West Papua.\n"
    )
    f = _facts("en", body)
    assert [_names(f, d.to)[0] for d in f.deployments] == ["Papua", "West Papua"]


def test_states_that_said_they_had_no_plans_deny_each_and_a_denial_denied_is_none() -> None:
    """Rule the-speaker-the-pronoun-is: "Germany, Poland and Britain quickly said they had
    no plans to send troops to Ukraine": each state that spoke denies; rule
    a-denial-denied: "has not ruled out sending troops" keeps the sending open (planned),
    no denial."""
    body = (
        "Germany, Poland, Britain and the Czech Republic quickly said they had no plans to send "
        "troops to Ukraine.\n"
    )
    f = _facts("en", body)
    assert [(_names(f, d.by)[0], d.status) for d in f.deployments] == [
        (name, DeploymentStatus.DENIED)
        for name in ("Germany", "Poland", "Britain", "Czech Republic")
    ]
    f = _facts("en", "France has not ruled out sending troops to Ukraine.\n")
    assert [d.status for d in f.deployments] == [DeploymentStatus.PLANNED]


def test_a_force_subject_sends_its_unit_s_troops_and_listed_destinations_share_a_day() -> None:
    """Rule the-force-sends-its-unit-s-troops: "TNI juga mengerahkan 200 prajurit dari
    Batalyon Infanteri 751/Raider": the force that is the subject sends them; the rows of
    one sentence's listed destinations all take the day a later sentence tells."""
    body = (
        "Sebanyak 500 personel Brimob Nusantara diberangkatkan ke Kabupaten Nduga dan Kabupaten "
        "Puncak. Kapolda Papua mengatakan, personel akan ditempatkan mulai Senin (7/6/2021). "
        "Selain itu, TNI juga mengerahkan 200 prajurit dari Batalyon Infanteri 751/Raider ke "
        "Distrik Paro.\n"
    )
    f = _facts("id", body)
    rows = [(_names(f, d.by)[0], _names(f, d.to)[0], d.start) for d in f.deployments]
    day = [str(start.value) if start else None for _, _, start in rows]
    assert [(by, to) for by, to, _ in rows] == [
        ("Brimob Nusantara", "Kabupaten Nduga"),
        ("Brimob Nusantara", "Kabupaten Puncak"),
        ("TNI", "Distrik Paro"),
    ]
    assert day[:2] == ["2021-06-07", "2021-06-07"]


def test_a_corps_sends_the_article_s_first_troops_when_no_other_body_is_named() -> None:
    """Rule a-corps-sent: "Sebanyak 500 personel Brimob diberangkatkan ke Papua" (no other
    body named, the article's first troops) is Brimob's; after "Polri mengirimkan pasukan",
    "dua SST Brimob" still names what troops, no sender (rule a-corps-is-the-troops-kind)."""
    f = _facts("id", "Sebanyak 500 personel Brimob diberangkatkan ke Papua.\n")
    assert [(_names(f, d.by)[0], _names(f, d.to)[0]) for d in f.deployments] == [
        ("Brimob", "Papua")
    ]
    body = "Polri mengirimkan pasukan ke Papua. Sebanyak dua SST Brimob diterjunkan ke Nduga.\n"
    f = _facts("id", body)
    assert [_names(f, d.by)[0] for d in f.deployments] == ["Polri"]


def test_an_offer_s_day_is_no_start() -> None:
    """Rule a-plan-s-day-of-deciding, for a trigger that decides: "had offered in January
    to send troops" tells the day of the offer, not the day the troops go (it had been
    read as next January)."""
    for lang, body in (
        ("en", "Belgium had offered in January to send troops to Romania.\n"),
        ("id", "Belgia menawarkan pada Januari untuk mengirim pasukan ke Rumania.\n"),
        ("id", "Belgia pada Januari menawarkan untuk mengirim pasukan ke Rumania.\n"),
    ):
        (d,) = _facts(lang, body, published="2022-03-01").deployments
        assert d.start is None and d.status is DeploymentStatus.PLANNED
    (d,) = _facts(
        "en", "Belgium will send troops to Romania in January.\n", "2022-03-01"
    ).deployments
    assert d.start is not None and d.start.value == dt.date(2023, 1, 1)


def test_a_base_named_by_a_lower_case_noun_is_no_destination() -> None:
    """Rules a-site-by-its-noun and site-is-no-destination: "the Ion Alba air base" is a
    place (two capitalised words had made a person of it), and troops stationed there go
    to the town named after it, past "near the" and a place noun's own name ("the Black
    Sea port of Constanta")."""
    f = _facts(
        "en",
        "About 500 Belgian soldiers will be stationed at the Ion Alba air base near the "
        "Black Sea port of Constanta.\n",
        published="2022-03-01",
    )
    base = next(e for e in f.entities if "Ion Alba air base" in e.names)
    assert base.type.value == "Location"
    assert [_names(f, d.to)[0] for d in f.deployments] == ["Constanta"]


def test_the_country_of_the_town_deployed_to_is_that_deployment() -> None:
    """Rule the-country-of-the-town-deployed-to: "sent 500 troops to Constanta ... had
    offered to send troops to Romania" is one deployment, to the town; another count or a
    denial is not merged so."""
    f = _facts(
        "en",
        "Belgium sent 500 troops to Constanta on Tuesday. Belgium had offered in January to "
        "send troops to Romania.\n",
        published="2022-03-01",
    )
    assert [(_names(f, d.to)[0], d.status.value) for d in f.deployments] == [
        ("Constanta", "happened")
    ]
    f = _facts(
        "en",
        "Belgium sent 500 troops to Constanta on Tuesday. Belgium said it had no plans to "
        "send more troops to Romania.\n",
        published="2022-03-01",
    )
    assert sorted(d.status.value for d in f.deployments) == ["denied", "happened"]


def test_troops_contributed_to_a_mission_are_sent() -> None:
    """ "Belgium will contribute 300 troops to the NATO mission in Romania", "Belgia akan
    menyumbangkan 300 tentara untuk misi NATO di Rumania": a verb of contributing sends
    the troops (it had made no row); money contributed sends none."""
    for lang, body in (
        ("en", "Belgium will contribute 300 troops to the NATO mission in Romania.\n"),
        ("id", "Belgia akan menyumbangkan 300 tentara untuk misi NATO di Rumania.\n"),
    ):
        (d,) = _facts(lang, body, published="2022-03-01").deployments
        assert d.troops is not None and d.troops.value == 300
        assert d.status is DeploymentStatus.PLANNED
    f = _facts("en", "Japan contributed $5 million to the mission in Romania.\n")
    assert not f.deployments


def test_a_part_beside_its_own_earlier_row_is_still_a_part() -> None:
    """Rule a-part-beside-its-own-earlier-row: "terdiri dari ... 400 prajurit TNI" is a part
    of the joint force though a later sentence tells of TNI's 300 soldiers sent there in
    March, another deployment (the part had been dropped as told already); and rule
    an-earlier-deployment: that sentence, opened by "Sebelumnya," with its own count, is
    not the joint force told on (it had been merged into it, giving it March's start)."""
    f = _facts(
        "id",
        "Sebanyak 1.200 personel gabungan TNI-Polri dikirim ke Kabupaten Sorong. Pasukan "
        "tersebut terdiri dari 600 personel Brimob Polri, 400 prajurit TNI dan 200 personel "
        "Polres Sorong. Sebelumnya, TNI telah mengirim 300 prajurit ke Kabupaten Sorong pada "
        "Maret lalu.\n",
        published="2021-04-10",
    )
    rows = {(_names(f, d.by)[0], d.troops.value if d.troops else None) for d in f.deployments}
    assert ("TNI", 400) in rows and ("TNI", 300) in rows
    joint = next(d for d in f.deployments if _names(f, d.by)[0] == "TNI-Polri")
    assert joint.start is None


def test_a_later_sentence_s_day_after_the_publication_makes_a_plan() -> None:
    """Rule a-later-date-is-a-plan, for a start told in a later sentence: "1.200 personel
    dikirim ke X ... akan diberangkatkan mulai Senin (12/4/2021)", published on the
    Saturday before, have not gone yet."""
    f = _facts(
        "id",
        'Sebanyak 1.200 personel gabungan TNI-Polri dikirim ke Kabupaten Sorong. "Mereka '
        'akan diberangkatkan secara bertahap mulai Senin (12/4/2021)," kata Kapolda.\n',
        published="2021-04-10",
    )
    (d,) = f.deployments
    assert d.start is not None and d.start.value == dt.date(2021, 4, 12)
    assert d.status is DeploymentStatus.PLANNED


def test_a_mission_named_for_its_country_is_its_troops() -> None:
    """Rules a-mission-is-its-troops and a-mission-s-country, by the name: "The U.N.
    Mission in Velmora (UNMIV) was deployed in 2003" is a deployment of the mission to
    Velmora's country told by the name (it had made no row: no troop noun, no
    destination); a mission of the authority file the same ("MINUSMA ... deployed in
    2013")."""
    f = _facts(
        "en",
        "The U.N. Mission in Liberia (UNMIV) was deployed in 2003 at the end of a civil war.\n",
        published="2018-03-30",
    )
    (d,) = f.deployments
    assert _names(f, d.by)[0] == "U.N. Mission in Liberia" and _names(f, d.to) == ("Liberia",)
    assert d.start is not None and d.start.value == dt.date(2003, 1, 1)
    # a body whose name has no mission's word is no troops by its place
    f = _facts("en", "The Bank of Liberia was founded in 1999.\n", published="2018-03-30")
    assert not f.deployments


def test_a_country_s_unit_counted_is_a_part_of_the_mission() -> None:
    """Rule a-part-by-its-demonym, before its unit: "A Nigerian battalion of about 800
    troops withdrew in February" is Nigeria's contingent of the mission, which left then
    (the month had gone to the Ghanaian contingent, and Nigeria had no row)."""
    f = _facts(
        "en",
        "The U.N. Mission in Liberia (UNMIV) was deployed in 2003. A Nigerian battalion of "
        "about 800 troops withdrew in February, and the remaining Ghanaian contingent will "
        "leave next month, the mission said.\n",
        published="2018-03-30",
    )
    nigeria = next(d for d in f.deployments if _names(f, d.by)[0] == "Nigeria")
    assert nigeria.part_of is not None and nigeria.troops is not None
    assert nigeria.troops.value == 800
    assert nigeria.withdrawal is not None and nigeria.withdrawal.value == dt.date(2018, 2, 1)
    ghana = next(d for d in f.deployments if _names(f, d.by)[0] == "Ghana")
    assert ghana.withdrawal is None


def test_a_town_of_the_authority_lies_in_its_country() -> None:
    """The authority's towns have the gazetteer's country ("Almaty": Kazakhstan), so the
    bloc's troops that "arrived in Almaty on Friday" are the deployment it said it "would
    send" to Kazakhstan (rule a-town-of-the-country-deployed-to), which is then gone (rule
    planned-then-gone)."""
    f = _facts(
        "en",
        "The Collective Security Treaty Organization said on Thursday it would send "
        "peacekeepers to Kazakhstan. The bloc's troops arrived in Almaty on Friday.\n",
        published="2022-01-07",
    )
    (d,) = f.deployments
    assert _names(f, d.to)[0] == "Almaty" and d.status is DeploymentStatus.HAPPENED
    assert d.start is not None and d.start.value == dt.date(2022, 1, 7)


def test_a_security_minister_sends_the_state_s_troops() -> None:
    """Rule a-head-of-state-sends-the-state-s-troops, for ministers of the interior and of
    defence: "Interior Minister X deployed 4,000 police officers to Lima" is Peru's
    deployment, the country of the place (it had made no row)."""
    f = _facts(
        "en",
        "Interior Minister Tomas Ordel deployed 4,000 police officers to Lima on Saturday.\n",
        published="2020-11-15",
    )
    (d,) = f.deployments
    assert f.entity(d.by).authority == "peru" and _names(f, d.to) == ("Lima",)


def test_a_circuit_is_a_site_and_the_police_corps_a_body() -> None:
    """Rule site-is-no-destination, for a racing circuit: "ke Sirkuit Mandalika, Lombok
    Tengah" sends the troops to the regency; and "Korbrimob" (the police's mobile brigade
    corps) is a body that sends, not a place troops come from."""
    f = _facts(
        "id",
        "Polda NTB menyiagakan 5.723 personel untuk mengamankan balapan di Sirkuit Mandalika, "
        "Lombok Tengah. Mabes Polri juga mengirimkan bantuan 1.000 personel Brimob dari "
        "Korbrimob.\n",
    )
    assert {_names(f, d.to)[0] for d in f.deployments} == {"Lombok Tengah"}
    korbrimob = next(e for e in f.entities if "Korbrimob" in e.names)
    assert korbrimob.type.value == "Organization"


def test_each_verb_of_withdrawing_reads_its_own_date() -> None:
    """Rule each-verb-of-withdrawing-its-dates: "began leaving Abyei in March, and the last
    are expected to leave by Dec. 31": the pull-out began in March and ends by December 31
    (the second verb's date had been read by no one)."""
    f = _facts(
        "en",
        "Ethiopian peacekeepers began leaving Abyei in March, and the last are expected to "
        "leave by Dec. 31.\n",
        published="2022-09-15",
    )
    (d,) = f.deployments
    assert d.withdrawal is not None and d.withdrawal.value == dt.date(2022, 3, 1)
    assert d.end is not None and d.end.value == dt.date(2022, 12, 31)


def test_a_duty_place_told_on_after_how_long() -> None:
    """Rule the-duty-place-told-on, past a duration: "Mereka akan bertugas selama 14 hari
    di Hatay", "They will serve for two weeks in Hatay": the town they went to in the
    country told before."""
    for lang, body in (
        (
            "id",
            "TNI memberangkatkan 140 personel ke Turkiye, Rabu (8/2/2023). Mereka akan "
            "bertugas selama 14 hari di Hatay.\n",
        ),
        (
            "en",
            "Indonesia sent 140 troops to Turkey on Wednesday. They will serve for two weeks "
            "in Hatay.\n",
        ),
    ):
        f = _facts(lang, body, published="2023-02-08")
        (d,) = f.deployments
        assert _names(f, d.to) == ("Hatay",)


def test_those_killed_are_no_part_and_the_attack_s_day_no_start() -> None:
    """Rule victims-are-no-part: "serangan KKB yang menewaskan dua anggota TNI" counts the
    dead, not TNI's share of the force (it had been a part of two); rule
    the-day-of-the-event-it-answers reads up to the next comma ("... TNI pada Sabtu
    (15/4/2023)" is the attack's day); and "dari tiga Polda" names no body "Polda"."""
    f = _facts(
        "id",
        "Mabes Polri mengirim 400 personel Brimob dari tiga Polda untuk memperkuat pengamanan "
        "di Kabupaten Puncak, menyusul serangan kelompok kriminal bersenjata (KKB) yang "
        "menewaskan dua anggota TNI pada Sabtu (15/4/2023). Personel tersebut berasal dari "
        "Polda Sumatera Utara sebanyak 150 personel, Polda Sulawesi Selatan 150 personel dan "
        "Polda Jawa Timur 100 personel.\n",
        published="2023-04-18",
    )
    senders = {_names(f, d.by)[0] for d in f.deployments}
    assert "TNI" not in senders and "Polda Jawa Timur" in senders
    assert all(d.start is None for d in f.deployments)
    assert all("Polda" not in e.names for e in f.entities)

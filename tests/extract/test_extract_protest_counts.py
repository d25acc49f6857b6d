"""Protest injuries and participants (and their deaths and arrests), on sentences written here."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kg.articles import ArticleText
from kg.extract import extract
from kg.extract.lang import LANG_DIR, load_resources, resources
from kg.extract.protests.counts import read_counts
from kg.facts.model import Facts, Protest, Qualifier


def _facts(lang: str, body: str) -> Facts:
    meta = {"title": "T", "published": "2021-06-10", "language": lang}
    return extract(ArticleText(meta, body))


def _slots(lang: str, sentence: str) -> dict[str, tuple[int | None, Qualifier, int | None]]:
    found = read_counts(sentence, resources(lang), 0, len(sentence))
    return {
        slot: (c.quantity.value, c.quantity.qualifier, c.quantity.min) for slot, c in found.items()
    }


def _protest(facts: Facts, authority: str) -> Protest:
    return next(p for p in facts.protests if facts.entity(p.location or "").authority == authority)


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        (
            "id",
            "Sedikitnya 17 orang luka-luka dan dua orang tewas dalam bentrokan itu.",
            {"injuries": (17, Qualifier.AT_LEAST, 17), "deaths": (2, Qualifier.EXACT, 2)},
        ),
        (
            "id",
            "Tiga orang tewas, 25 orang terluka.",
            {"deaths": (3, Qualifier.EXACT, 3), "injuries": (25, Qualifier.EXACT, 25)},
        ),
        (
            "id",
            "Ratusan orang terluka akibat gas air mata.",
            {"injuries": (None, Qualifier.VAGUE, 200)},
        ),
        (
            "id",
            "Sekitar 3.000 mahasiswa berunjuk rasa di depan gedung dewan.",
            {"participants": (3000, Qualifier.APPROXIMATELY, None)},
        ),
        ("id", "Puluhan demonstran ditangkap polisi.", {"arrests": (None, Qualifier.VAGUE, 20)}),
        ("id", "Sekitar 2.000 polisi berjaga di sekitar lokasi aksi.", {}),
        # police who secure ("mengamankan") a protest are not arrested; people "diamankan" are
        ("id", "Polisi mengerahkan 1.200 personel gabungan untuk mengamankan aksi itu.", {}),
        ("id", "Belasan orang diamankan polisi.", {"arrests": (None, Qualifier.VAGUE, 11)}),
        (
            "id",
            "Aksi yang diikuti sekitar 1.500 mahasiswa itu berlangsung damai.",
            {"participants": (1500, Qualifier.APPROXIMATELY, None)},
        ),
        (
            "en",
            "The rally, attended by more than 5,000 people, ended peacefully.",
            {"participants": (5000, Qualifier.MORE_THAN, 5001)},
        ),
        (
            "en",
            "More than 100 people were injured and five were killed.",
            {"injuries": (100, Qualifier.MORE_THAN, 101), "deaths": (5, Qualifier.EXACT, 5)},
        ),
        ("en", "Dozens were hurt in the clashes.", {"injuries": (None, Qualifier.VAGUE, 24)}),
        (
            "en",
            "Tens of thousands marched through the capital.",
            {"participants": (None, Qualifier.VAGUE, 20000)},
        ),
        (
            "en",
            "Hundreds of protesters blocked the main road.",
            {"participants": (None, Qualifier.VAGUE, 200)},
        ),
        ("en", "About 4,000 police officers were deployed to guard the rally.", {}),
        (
            "en",
            "Some 30 protesters were detained.",
            {"arrests": (30, Qualifier.APPROXIMATELY, None)},
        ),
    ],
)
def test_each_count_has_one_slot(
    lang: str, sentence: str, expected: dict[str, tuple[int | None, Qualifier, int | None]]
) -> None:
    got = _slots(lang, sentence)
    assert set(got) == set(expected)
    for slot, (value, qualifier, low) in expected.items():
        assert got[slot][:2] == (value, qualifier)
        if low is not None:
            assert got[slot][2] == low


def test_protest_counts_id() -> None:
    body = (
        "Unjuk rasa di Ekuador pecah sejak 3 Juni, ketika sekitar 3.000 mahasiswa berunjuk rasa "
        "menolak kenaikan harga bahan bakar. Sedikitnya 17 orang luka-luka dan dua orang tewas, "
        "sementara polisi menangkap 40 orang.\n"
    )
    p = _protest(_facts("id", body), "ecuador")
    assert p.participants is not None and p.participants.value == 3000
    assert p.participants.qualifier is Qualifier.APPROXIMATELY
    assert p.participants.text == "sekitar 3.000"
    assert p.injuries is not None and p.injuries.value == 17
    assert p.injuries.qualifier is Qualifier.AT_LEAST
    assert p.deaths is not None and p.deaths.value == 2
    assert p.arrests is not None and p.arrests.value == 40
    assert any("luka-luka" in e.text for e in p.evidence)


def test_protest_counts_en_vague() -> None:
    body = (
        "Protests erupted in Ghana on Monday over rising fuel prices. Tens of thousands marched "
        "through Accra on Tuesday. Dozens were hurt when police fired tear gas.\n"
    )
    p = _protest(_facts("en", body), "ghana")
    assert p.participants is not None and p.participants.value is None
    assert (p.participants.min, p.participants.max) == (20000, 99999)
    assert p.injuries is not None and p.injuries.value is None and p.injuries.min == 24
    assert p.deaths is None and p.arrests is None


def test_troops_are_not_participants() -> None:
    body = (
        "Protests began in Kenya on Monday over fuel prices. About 2,000 police officers were "
        "deployed in Nairobi on Tuesday.\n"
    )
    p = _protest(_facts("en", body), "kenya")
    assert p.participants is None


def test_counts_go_to_the_protest_the_sentence_names() -> None:
    body = (
        "Unjuk rasa di Chile pecah sejak 1 Juni. Unjuk rasa di Peru juga pecah sejak 2 Juni.\n\n"
        "Di Chile, ratusan orang terluka dalam bentrokan dengan polisi.\n"
    )
    f = _facts("id", body)
    chile, peru = _protest(f, "chile"), _protest(f, "peru")
    assert chile.injuries is not None and chile.injuries.min == 200
    assert peru.injuries is None


def test_a_count_that_is_another_trigger_s_subject_is_that_one_s() -> None:
    """ "At least 12 people were killed and nearly 400 were arrested": 12 deaths, 400
    arrests (not the other way round); the active voice and Indonesian keep working."""
    cases = {
        ("en", "At least 12 people were killed and nearly 400 were arrested."): {
            "deaths": "At least 12",
            "arrests": "nearly 400",
        },
        ("en", "Police killed 23 people and arrested 300."): {"deaths": "23", "arrests": "300"},
        ("id", "Bentrokan menewaskan 3 orang dan melukai 25 lainnya."): {
            "deaths": "3",
            "injuries": "25",
        },
    }
    for (code, text), expected in cases.items():
        found = read_counts(text, resources(code), 0, len(text))
        assert {k: v.quantity.text for k, v in found.items()} == expected, text


def test_two_groups_killed_in_one_list_are_summed() -> None:
    text = "Di hari yang sama, sebanyak 28 polisi dan 16 demonstran dilaporkan tewas."
    found = read_counts(text, resources("id"), 0, len(text))
    assert found["deaths"].quantity.value == 44


def test_a_number_listed_before_a_vague_count_is_not_summed() -> None:
    """ "lebih dari 40 orang dan ratusan orang terluka": a vague count has no value to add
    to (the sum had failed on such a list, and the whole article with it)."""
    text = "Korban bertambah menjadi lebih dari 40 orang dan ratusan orang terluka."
    found = read_counts(text, resources("id"), 0, len(text))
    assert found["injuries"].quantity.value is None
    assert found["injuries"].quantity.text == "ratusan"


def test_a_number_told_later_beats_a_vague_count() -> None:
    body = (
        "Protests in Bangladesh turned violent on Friday and scores were killed.\n"
        "This week's violence has killed at least 115 people so far.\n"
    )
    meta = {"title": "T", "published": "2024-07-20", "language": "en"}
    (p,) = extract(ArticleText(meta, body)).protests
    assert p.deaths is not None and p.deaths.value == 115


def test_the_dead_of_the_tragedy_protested_are_no_deaths_at_the_protest() -> None:
    text = (
        "Hundreds gathered to demand accountability over the roof collapse, a tragedy that "
        "killed 16 people."
    )
    assert "deaths" not in read_counts(text, resources("en"), 0, len(text))
    text = "Police said 16 protesters were killed in the clashes."
    assert read_counts(text, resources("en"), 0, len(text))["deaths"].quantity.value == 16
    for text in (
        "Thousands demanded accountability for the train collision that killed 57 people.",
        "Riots broke out as the town reeled from a knife attack that killed two children.",
    ):
        assert "deaths" not in read_counts(text, resources("en"), 0, len(text))


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # a relative clause between the count and its verb, and a count of days after it
        (
            "id",
            "Lebih dari 150 pengunjuk rasa, yang kebanyakan pelajar, telah ditangkap selama "
            "dua hari terakhir.",
            {"arrests": (150, Qualifier.MORE_THAN, 151)},
        ),
        (
            "en",
            "Sixteen of the marchers, the oldest of whom was 70 years old, were detained.",
            {"arrests": (16, Qualifier.EXACT, 16)},
        ),
        ("en", "At least sixty arrests were reported.", {"arrests": (60, Qualifier.AT_LEAST, 60)}),
        # a day of a month is no count of people held
        ("id", "Aktivis itu, yang ditahan sejak 3 Maret, akhirnya dibebaskan.", {}),
        # guarding a protest is no arrest; being held over a riot is
        ("id", "Petugas berjaga di Simpang 4 untuk mengamankan aksi mahasiswa.", {}),
        (
            "id",
            "Lebih dari 500 orang telah ditahan akibat kerusuhan itu.",
            {"arrests": (500, Qualifier.MORE_THAN, 501)},
        ),
    ],
)
def test_counts_of_time_and_asides_are_skipped(
    lang: str, sentence: str, expected: dict[str, tuple[int | None, Qualifier, int | None]]
) -> None:
    got = _slots(lang, sentence)
    assert {k: v for k, v in got.items() if k != "participants"} == expected


def test_the_death_of_a_number_of_people_counts_them() -> None:
    got = _slots("en", "The force used tear gas, which resulted in the death of three protesters.")
    assert got.get("deaths") == (3, Qualifier.EXACT, 3)


def test_others_who_suffered_wounds_are_injured_not_dead() -> None:
    got = _slots("en", "At least seven people were killed and 32 others suffered gunshot wounds.")
    assert got["deaths"][:2] == (7, Qualifier.AT_LEAST)
    assert got["injuries"][0] == 32


@pytest.mark.parametrize(
    "sentence",
    ['"Ada 25 pendemo yang kami amankan," kata Kapolres.', "Kami tangkap 25 orang provokator."],
)
def test_arrests_told_by_the_police_in_the_first_person(sentence: str) -> None:
    """ "yang kami amankan", "kami tangkap": the police speaking of those they arrested."""
    assert _slots("id", sentence)["arrests"][0] == 25


@pytest.mark.parametrize(
    ("sentence", "slot", "value"),
    [
        ("The clashes in Lusaka have claimed three lives.", "deaths", 3),
        ("More than a dozen protesters were taken into custody in Lusaka.", "arrests", 12),
    ],
)
def test_deaths_and_arrests_told_in_other_words(sentence: str, slot: str, value: int) -> None:
    """ "claimed three lives" are deaths; "a dozen" is a count."""
    assert _slots("en", sentence)[slot][0] == value


def test_a_war_s_running_toll_is_no_protest_s_deaths() -> None:
    """ "The insurgency has claimed more than 6,000 lives since 1983": a toll counted since
    a year long past, not the deaths at the protest told."""
    assert "deaths" not in _slots(
        "en", "The insurgency has claimed more than 6,000 lives since 1983."
    )


@pytest.mark.parametrize(
    ("lang", "sentence", "other_language_s"),
    [
        (
            "en",
            "Two people were injured but 40 stayed in the square.",
            "Two people were injured tetapi 40 stayed in the square.",
        ),
        (
            "id",
            "Dua demonstran terluka tetapi 40 orang bertahan di lokasi.",
            "Dua demonstran terluka but 40 orang bertahan di lokasi.",
        ),
    ],
)
def test_the_words_that_end_a_count_s_clause_are_the_language_file_s(
    tmp_path: Path, lang: str, sentence: str, other_language_s: str
) -> None:
    """ "but", "tetapi" (clause_breaks) end the clause of the injured: the 40 after them
    stayed. The other language's word, or a file without the key's words, ends nothing,
    and the 40, nearer the trigger, are taken as the injured."""
    assert _slots(lang, sentence)["injuries"][0] == 2
    assert _slots(lang, other_language_s)["injuries"][0] == 40
    raw = yaml.safe_load((LANG_DIR / f"{lang}.yaml").read_text(encoding="utf-8"))
    raw["clause_breaks"] = []
    path = tmp_path / f"{lang}.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    without = read_counts(sentence, load_resources(lang, path), 0, len(sentence))
    assert without["injuries"].quantity.value == 40


@pytest.mark.parametrize(
    ("lang", "sentence", "slot", "value"),
    [
        # rule a-person-counts-one: the indefinite article before a person is one
        ("en", "A protester was killed when a police truck hit him.", "deaths", 1),
        ("en", "An unarmed student was arrested outside the palace.", "arrests", 1),
        # rule a-name-between-commas: who the one counted is, between commas
        ("id", "Seorang pengemudi ojek, Rudi Hartono (21), tewas dilindas truk.", "deaths", 1),
        ("en", "One protester, Ama Owusu, 19, was killed on the bridge.", "deaths", 1),
    ],
)
def test_one_person_counted(lang: str, sentence: str, slot: str, value: int) -> None:
    assert _slots(lang, sentence).get(slot, (None,))[0] == value


def test_an_article_before_no_person_is_no_count() -> None:
    slots = _slots("en", "A curfew was imposed and a rally was banned; police arrested many.")
    assert "arrests" not in slots or slots["arrests"][0] is None


@pytest.mark.parametrize(
    ("sentence", "deaths"),
    [
        # rule deaths-they-protest: the deaths the crowd demands justice for are a cause
        (
            "Thousands marched in Velmora, demanding accountability for the deaths of 15 "
            "people in a bridge collapse.",
            None,
        ),
        ("Crowds rallied over the deaths of 3 students in Velmora.", None),
        # the protest's own deaths, though a cause cue comes before them
        ("Protesters against the plan clashed with police, and the deaths of 3 were reported.", 3),
    ],
)
def test_the_deaths_a_protest_is_about_are_not_its_deaths(
    sentence: str, deaths: int | None
) -> None:
    assert _slots("en", sentence).get("deaths", (None,))[0] == deaths

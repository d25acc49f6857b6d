"""Causes of protests written out after a cue: lists of causes and the gloss of Indonesian
words, on sentences written for the tests."""

from __future__ import annotations

import pytest

from kg.articles import ArticleText
from kg.extract import extract
from kg.facts.model import Facts


def _facts(lang: str, body: str, published: str = "2024-06-11") -> Facts:
    meta = {"title": "T", "published": published, "language": lang}
    return extract(ArticleText(meta, body))


def _causes(lang: str, body: str) -> tuple[str, ...]:
    (p,) = _facts(lang, body + "\n").protests
    return p.causes


@pytest.mark.parametrize(
    ("lang", "sentence", "causes"),
    [
        (
            "id",
            "Ratusan warga berunjuk rasa di Purworejo, Senin, menolak rencana penambangan batu "
            "andesit di desa mereka.",
            ("andesite stone mining plan",),
        ),
        (
            "en",
            "Hundreds of farmers rallied against rising seed costs and unpaid subsidies in "
            "Velmora on Monday.",
            ("rising seed costs", "unpaid subsidies"),
        ),
        (
            "en",
            "Protests over harbour fees, bait prices and licence delays broke out in Port Adel "
            "on Monday.",
            ("harbour fees", "bait prices", "licence delays"),
        ),
        (
            "id",
            "Ratusan warga berunjuk rasa di Kota Tanjung Lepa pada Senin (10/6/2024) menolak "
            "relokasi rumah sakit dan penghapusan layanan kesehatan.",
            ("hospital relocation", "health services abolition"),
        ),
    ],
)
def test_a_list_of_causes_gives_each_its_own(lang: str, sentence: str, causes: tuple) -> None:
    # rule a-list-of-causes
    assert _causes(lang, sentence) == causes


@pytest.mark.parametrize(
    ("lang", "sentence", "causes"),
    [
        # a list needs its conjunction: after a bare comma comes another clause
        (
            "en",
            "On Monday, hundreds of farmers in Velmora rallied against rising seed costs, a "
            "spokesman of the union said.",
            ("rising seed costs",),
        ),
        # an item that opens with a participle or a cue is a clause of its own
        (
            "en",
            "Hundreds of farmers rallied against rising seed costs and burned tyres in Velmora "
            "on Monday.",
            ("rising seed costs",),
        ),
        (
            "en",
            "Hundreds of farmers rallied against rising seed costs and demanding cheaper loans "
            "in Velmora on Monday.",
            ("rising seed costs",),
        ),
    ],
)
def test_a_clause_after_a_cause_is_no_list(lang: str, sentence: str, causes: tuple) -> None:
    assert _causes(lang, sentence) == causes


@pytest.mark.parametrize(
    ("sentence", "cause"),
    [
        ("menolak kehadiran pengungsi di wilayah mereka", "refugees presence"),
        ("menuntut reformasi dalam pemilihan umum", "reform"),
        ("menuntut penyelesaian pelanggaran HAM", "human rights violations resolution"),
        (
            "memprotes rencana pengadaan mobil dinas bagi anggota dewan",
            "official cars purchase plan",
        ),
        ("menuntut pertanggungjawaban perusahaan", "company accountability"),
        ("menolak pembubaran serikat pekerja", None),  # a word the gloss lacks: no cause
    ],
)
def test_more_words_of_protest_topics_are_glossed(sentence: str, cause: str | None) -> None:
    # rule a-cause-glossed: words of frequent protest topics (refugees, elections, pay,
    # land, services) in the language file's cause_gloss
    body = f"Ratusan warga berunjuk rasa di Kota Tanjung Lepa pada Senin (10/6/2024) {sentence}."
    assert _causes("id", body) == (() if cause is None else (cause,))


@pytest.mark.parametrize(
    ("lang", "sentence", "cause"),
    [
        (
            "en",
            "Thousands rallied against the Harbour (Special Zones) Act in Velmora on Monday.",
            "Harbour (Special Zones) Act",
        ),
        (
            "en",
            "Thousands rallied against the controversial Harbour (Special Zones) Act in Velmora "
            "on Monday.",
            "Harbour (Special Zones) Act",
        ),
        (
            "en",
            "Thousands rallied against the divisive land registry plan in Velmora on Monday.",
            "land registry plan",
        ),
        (
            "id",
            "Ratusan warga berunjuk rasa di Kota Tanjung Lepa pada Senin (10/6/2024) menolak "
            "revisi undang-undang kontroversial.",
            "law revision",
        ),
    ],
)
def test_a_name_keeps_its_bracket_and_a_cause_drops_its_hedge(
    lang: str, sentence: str, cause: str
) -> None:
    # rule a-bracket-inside-a-name, rule a-cause-without-its-hedge
    assert _causes(lang, sentence) == (cause,)


def test_what_an_app_takes_from_drivers_is_a_cause() -> None:
    """ "menuntut ... menurunkan potongan aplikasi": ride-hailing drivers protest the
    commission their apps cut from fares."""
    body = (
        "Ratusan pengemudi ojek online berunjuk rasa di Kota Medan, Selasa (10/6/2025). "
        "Mereka menuntut aplikator menurunkan potongan aplikasi menjadi 10 persen."
    )
    (p,) = _facts("id", body + "\n", published="2025-06-11").protests
    assert "app commission cuts" in p.causes


def test_budget_cuts_and_a_meals_programme_are_glossed() -> None:
    """ "memprotes pemangkasan anggaran pendidikan dan program makan bergizi gratis": two
    causes, each word glossed, turned round as English writes them."""
    body = (
        "Ribuan mahasiswa berunjuk rasa di Kota Medan, Kamis (20/2/2025). Mereka memprotes "
        "pemangkasan anggaran pendidikan dan program makan bergizi gratis.\n"
    )
    (p,) = _facts("id", body, published="2025-02-21").protests
    assert p.causes == ("education budget cuts", "free nutritious meals programme")


def test_a_complemented_cause_beside_another_is_listed_too() -> None:
    """Rule a-complemented-cause-beside-another: "demanding his resignation over the
    economic crisis": the resignation is a cause beside the crisis, not lost because a
    complement seemed to follow it."""
    body = (
        "Thousands of protesters stormed the residence in Velmora on Saturday, demanding his "
        "resignation over the country's worst economic crisis in decades."
    )
    assert set(_causes("en", body)) == {"economic crisis", "demand for the resignation"}


def test_a_head_a_name_qualifies_keeps_its_complement() -> None:
    """ "against the Meitei demand for tribal status": a name before the head does not stop
    its complement; an adjective still does ("the new law in Lagos" is the new law)."""
    body = "Thousands marched in Velmora on Wednesday against the Meitei demand for tribal status."
    assert _causes("en", body) == ("Meitei demand for tribal status",)
    assert _causes("en", "Thousands rallied against the new law in Lagos on Saturday.") == (
        "new law",
    )


def test_a_list_goes_on_after_a_cause_the_language_knows() -> None:
    """Rule a-list-after-a-known-cause: "demanding the resignation of Prime Minister X and
    reforms to the monarchy": after a cause the language's patterns know, the list goes on
    with causes written out, up to the next cause a pattern knows (no cause twice)."""
    causes = _causes(
        "en",
        "Thousands of students rallied in Velmora on Wednesday, demanding the resignation of "
        "Prime Minister Tomas Ordel and reforms to the monarchy.",
    )
    assert causes == ("resignation of Prime Minister Tomas Ordel", "reforms to the monarchy")
    causes = _causes(
        "en",
        "Thousands rallied in Velmora on Wednesday, demanding the resignation of Prime "
        "Minister Tomas Ordel, a new constitution and an end to arrests of critics.",
    )
    assert causes[1:] == ("new constitution", "end to arrests of critics")


def test_a_cause_s_owner_is_the_person_named_last() -> None:
    """Rule a-cause-s-owner-named: "demanding his return" is the return of the person the
    article named last ("his return" alone matches no gold cause), as is "demanding his
    resignation"; with no person named before, the pronoun stays unresolved."""
    body = (
        "President Tomas Ordel resigned on Sunday. His supporters rallied in Velmora on "
        "Monday, demanding his return."
    )
    assert _causes("en", body) == ("return of Tomas Ordel",)
    body = (
        "Thousands protested against President Tomas Ordel in Velmora, demanding his resignation."
    )
    assert _causes("en", body) == ("demand for the resignation of Tomas Ordel",)
    body = "Thousands protested in Velmora on Monday, demanding his resignation."
    assert _causes("en", body) == ("demand for the resignation",)


def test_a_list_after_a_known_cause_is_of_noun_phrases() -> None:
    """Rule a-list-after-a-known-cause reads no verb of another clause: "demanded Tomas Ordel
    resign and set fire to a police station" has one cause."""
    causes = _causes(
        "en",
        "Protesters in Velmora demanded Tomas Ordel resign and set fire to a police station "
        "on Wednesday.",
    )
    assert causes == ("resignation of Tomas Ordel",)

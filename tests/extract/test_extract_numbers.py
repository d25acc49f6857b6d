"""Counts and their hedges, in both languages."""

from __future__ import annotations

import pytest

from kg.extract.lang import resources
from kg.extract.numbers import find_counts, parse_number
from kg.facts.model import Qualifier


@pytest.mark.parametrize(
    ("text", "lang", "value", "qualifier"),
    [
        ("kira-kira 3.200 personel", "id", 3200, Qualifier.APPROXIMATELY),
        ("hampir 1.500 orang", "id", 1500, Qualifier.NEARLY),
        ("lebih dari 40 warga", "id", 40, Qualifier.MORE_THAN),
        ("setidaknya lima orang", "id", 5, Qualifier.AT_LEAST),
        ("2,5 juta jiwa", "id", 2_500_000, Qualifier.EXACT),
        ("roughly 4,100 marines", "en", 4100, Qualifier.APPROXIMATELY),
        ("more than 600 people", "en", 600, Qualifier.MORE_THAN),
        ("at least three protesters", "en", 3, Qualifier.AT_LEAST),
        ("1.2 million people", "en", 1_200_000, Qualifier.EXACT),
        ("a thousand soldiers", "en", 1000, Qualifier.EXACT),
        ("two thousand soldiers", "en", 2000, Qualifier.EXACT),
    ],
)
def test_counts(text: str, lang: str, value: int, qualifier: Qualifier) -> None:
    count = find_counts(text, resources(lang))[0]
    assert (count.quantity.value, count.quantity.qualifier) == (value, qualifier)


@pytest.mark.parametrize(
    ("text", "lang", "low", "high"),
    [
        ("puluhan orang", "id", 20, 99),
        ("ratusan polisi", "id", 200, 999),
        ("dozens of people", "en", 24, 99),
        ("thousands of workers", "en", 2000, 9999),
    ],
)
def test_vague_counts_have_bounds_and_no_value(text: str, lang: str, low: int, high: int) -> None:
    q = find_counts(text, resources(lang))[0].quantity
    assert q.value is None and q.qualifier is Qualifier.VAGUE and (q.min, q.max) == (low, high)


def test_years_are_not_counts() -> None:
    assert find_counts("sejak 1998", resources("id")) == []


def test_number_conventions() -> None:
    assert parse_number("4.750", resources("id")) == 4750
    assert parse_number("4,750", resources("en")) == 4750


def test_pieces_of_dates_and_amounts_are_no_counts() -> None:
    for text in ("date 2024-07-20 DHAKA: Police", "harga Rp8.170 per liter", "(18/10/2024)"):
        assert find_counts(text, resources("id")) == [], text
    assert [c.quantity.value for c in find_counts("a 1,500-strong force", resources("en"))] == [
        1500
    ]


def test_a_unit_s_number_is_no_count() -> None:
    from kg.extract.lang import resources
    from kg.extract.numbers import find_counts

    text = "personel Kodim 0426 dan 300 polisi"
    assert [c.quantity.value for c in find_counts(text, resources("id"))] == [300]
    text = "soldiers of Battalion 3 and 200 police officers"
    assert [c.quantity.value for c in find_counts(text, resources("en"))] == [200]


def test_a_share_or_not_even_one_is_no_count() -> None:
    text = "menarik dua pertiga pasukannya dan 40 persen dari 300 polisi"
    assert [c.quantity.value for c in find_counts(text, resources("id"))] == [300]
    text = "tidak berkurang satu pun personel dari 100 personel"  # not even one
    assert [c.quantity.value for c in find_counts(text, resources("id"))] == [100]
    text = "withdrew two thirds of its 1,200 troops, 40 percent of them by air"
    assert [c.quantity.value for c in find_counts(text, resources("en"))] == [1200]


def test_thousands_spaced_after_the_comma_are_one_number_not_a_date() -> None:
    text = "deployed over 11, 000 men and 1, 500 officers on July 20, 2024"
    # "July 20, 2024" stays a date: its day is no count, its year no thousands
    assert [c.quantity.value for c in find_counts(text, resources("en"))] == [11000, 1500]
    # in a language that writes decimals with a comma, "2, 500" stays two numbers
    assert [c.quantity.value for c in find_counts("2, 500", resources("id"))] == [2, 500]


def test_a_number_joined_to_a_unit_of_time_is_a_length_not_a_count() -> None:
    text = "held a 24-hour strike and a three-day sit-in after a 1,000-strong march"
    assert [c.quantity.value for c in find_counts(text, resources("en"))] == [1000]


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("en", "deployed 12 000 soldiers", 12000),
        ("en", "some 25\u00a0000 troops", 25000),
        ("id", "sebanyak 2 500 personel", 2500),
    ],
)
def test_thousands_set_apart_by_a_space(lang: str, text: str, value: int) -> None:
    """ "12 000 soldiers": a number whose thousands a space sets apart is one count."""
    assert [c.quantity.value for c in find_counts(text, resources(lang))] == [value]


def test_a_year_and_a_count_side_by_side_stay_apart() -> None:
    """ "In 2019 500 people died": a year of four digits starts no spaced number."""
    assert [c.quantity.value for c in find_counts("In 2019 500 people died", resources("en"))] == [
        500
    ]

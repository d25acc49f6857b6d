"""Parts of a deployment and joint forces, on sentences written for the tests."""

from __future__ import annotations

from kg.articles import ArticleText
from kg.extract import extract
from kg.extract.trace import Trace
from kg.facts.model import Facts


def _facts(lang: str, body: str, published: str = "2021-06-10") -> Facts:
    meta = {"title": "T", "published": published, "language": lang}
    return extract(ArticleText(meta, body))


def _name(facts: Facts, entity_id: str | None) -> str | None:
    return facts.entity(entity_id).names[0] if entity_id else None


def test_a_part_counted_in_units_has_no_count_of_troops() -> None:
    # rule a-part-counted-in-units
    body = (
        "Polda Sulawesi Tengah mengerahkan 300 personel ke Kota Lembara, Selasa (8/6/2021). "
        "Pasukan itu terdiri dari satu peleton Brimob dan satu peleton Sabhara.\n"
    )
    f = _facts("id", body)
    parts = {(_name(f, d.by), d.troops) for d in f.deployments if d.part_of}
    assert parts == {("Brimob", None), ("Sabhara", None)}


def test_the_trace_names_the_rule_of_a_part_counted_in_units() -> None:
    body = (
        "Polda Sulawesi Tengah mengerahkan 300 personel ke Kota Lembara, Selasa (8/6/2021). "
        "Pasukan itu terdiri dari satu peleton Brimob dan satu peleton Sabhara.\n"
    )
    trace = Trace()
    extract(
        ArticleText({"title": "T", "published": "2021-06-10", "language": "id"}, body), trace=trace
    )
    rules = {step.rule for steps in trace.steps.values() for step in steps}
    assert "contingent:a-part-counted-in-units" in rules


def test_a_joint_force_written_joined_only_in_the_headline_is_named_so() -> None:
    # rule a-joint-force-named-in-the-headline
    title = "Ratusan Aparat TNI-Polri Dikerahkan ke Kota Lembara"
    body = (
        f"{title}\n\n"
        "Ratusan aparat gabungan dari TNI dan Polri dikerahkan ke Kota Lembara, Senin "
        "(7/6/2021), untuk mencegah bentrokan warga meluas.\n"
    )
    meta = {"title": title, "published": "2021-06-10", "language": "id"}
    trace = Trace()
    f = extract(ArticleText(meta, body), trace=trace)
    (d,) = f.deployments
    assert "TNI-Polri" in f.entity(d.by).names
    assert "TNI dan Polri" in f.entity(d.by).names
    rules = {step.rule for steps in trace.steps.values() for step in steps}
    assert "sender:a-joint-force-named-in-the-headline" in rules


def test_the_troops_of_the_make_up_are_not_whose_the_whole_is() -> None:
    # rule the-make-up-is-no-owner: TNI's 400 are a part, it sends none of the 900
    body = (
        "Polda Sulawesi Tengah mendatangkan personel Brimob ke Kota Lembara, Senin (7/6/2021). "
        "Polda Sulawesi Tengah di Lembara juga akan menurunkan anggotanya sebanyak 900 personel "
        "pada Selasa, yang terdiri dari 500 polisi, 400 personel TNI.\n"
    )
    f = _facts("id", body)
    assert not [d for d in f.deployments if _name(f, d.by) == "TNI" and d.part_of is None]


def test_the_make_up_leaves_bodies_named_together_to_split_the_count() -> None:
    # rule the-make-up-is-no-owner does not read past bodies joined as the subject: they
    # split the count (rule subjects-split-the-count), no share a part of the other
    body = (
        "Markas Besar TNI dan Mabes Polri mengerahkan total 11 ribu personel yang terdiri atas "
        "10 ribu prajurit TNI dan 1 ribu polisi untuk mengamankan acara di Kota Lembara.\n"
    )
    f = _facts("id", body)
    rows = {(_name(f, d.by), d.troops.value if d.troops else None) for d in f.deployments}
    assert rows == {("Markas Besar TNI", 10000), ("Mabes Polri", 1000)}


def test_a_country_s_share_after_from_or_an_auxiliary_is_a_part() -> None:
    """ "including 2,900 from South Africa": the share's country after "from"; "South
    Africa is contributing 2,900 soldiers": an auxiliary before the verb of contributing."""
    for body in (
        "SADC has deployed about 5,000 troops to eastern Congo, including 2,900 from "
        "South Africa.\n",
        "SADC has deployed about 5,000 troops to eastern Congo. South Africa is "
        "contributing 2,900 soldiers.\n",
    ):
        f = _facts("en", body)
        parts = [(_name(f, d.by), d.troops.value if d.troops else None) for d in f.deployments]
        parts = [p for p, d in zip(parts, f.deployments, strict=True) if d.part_of]
        assert parts == [("South Africa", 2900)], body


def test_a_part_counted_by_its_demonym_is_its_country_s() -> None:
    """Rule a-part-by-its-demonym: "The reinforcements include a contingent of about 800
    Sudanese soldiers": Sudan's part of the coalition's deployment."""
    body = (
        "The Saudi-led coalition has deployed more than 3,000 troops to Aden on Sunday. The "
        "reinforcements include a contingent of about 800 Sudanese soldiers.\n"
    )
    f = _facts("en", body)
    parts = [(_name(f, d.by), _name(f, d.part_of)) for d in f.deployments if d.part_of]
    assert parts == [("Sudan", "Saudi-led coalition")]

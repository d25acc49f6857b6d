"""The learned name typer: features, training and the shipped model."""

from __future__ import annotations

from kg.extract.typer import LABELS, Candidate, NameTyper, features, train


def _c(text: str, before: str = "", after: str = "", language: str = "en") -> Candidate:
    return Candidate(text, before, after, language)


def test_features_read_the_name_and_its_neighbours() -> None:
    fs = features(_c("Velmor Defence Agency", "according to the", "said on Monday"))
    assert {"w=velmor", "last=agency", "s3=ncy", "prev=the", "next=said", "n=3"} <= set(fs)
    assert "shape=Xx Xx Xx" in fs and "lang=en" in fs


def test_a_model_learned_from_examples_types_new_names_like_them() -> None:
    examples = [
        (_c("Arden Intelligence Agency", "the"), "Organization"),
        (_c("Coastal Security Agency", "the"), "Organization"),
        (_c("Border Guard Agency", "the"), "Organization"),
        (_c("Tomas Varga", "", "said"), "Person"),
        (_c("Lena Holt", "", "said"), "Person"),
        (_c("Ivo Marsh", "", "told"), "Person"),
        (_c("Partai Buruh Sebut", "", "", "id"), "none"),
    ]
    model = NameTyper(train(examples))
    label, probability = model.classify(_c("Northern Weather Agency", "the"))
    assert label == "Organization" and probability > 0.5
    assert model.classify(_c("Mara Quint", "", "said"))[0] == "Person"


def test_the_shipped_model_has_every_label_and_counts() -> None:
    typer = NameTyper.shipped()
    assert list(typer.labels) == list(LABELS)
    assert all(typer.log_p[label] for label in LABELS)
    label, probability = typer.classify(_c("Imaginary Name", "", "said"))
    assert label in LABELS and 0.25 <= probability <= 1.0

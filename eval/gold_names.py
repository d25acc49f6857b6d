"""Real names in sentences of our own: the development part's gold, probed without its texts.

The real-news texts are not in the repository, and a machine may have no local copy of them
(see docs/extraction.md). Their gold files are: every deployment's sender and destination,
every protest's place and cause, every role's person, title and body, by the names the
articles wrote. This script puts those names into one-sentence articles written from
templates of our own ("{sender} sent {troops} troops to {destination}.", "{sender} mengirim
{troops} personel ke {destination}."), extracts them with kg, and scores
them with ``../shared/eval/score.py`` against gold made from the same names. It measures
what the names alone do to the extractor (a name no rule reads as a sender, a place typed
as a body, a title kg does not know), not the extractor on real text: the sentences are
the simplest of their kind, and the names are often not the form a sentence would use. A
protest's start is not in the gold made here: its "on Monday" scores as a false positive.

Only the development part is read, never the sealed one.

    python eval/gold_names.py deployments     # the senders' and destinations' names
    python eval/gold_names.py protests        # the places' names, and the causes
    python eval/gold_names.py roles           # the English articles' persons, titles, bodies
    python eval/gold_names.py deployments --misses   # the sentences whose row is missed

Exit codes: 0 fine, 2 usage or input error.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REAL = Path(__file__).resolve().parent / "real"
REPO = REAL.parent.parent
SCORER = REPO.parent / "shared" / "eval" / "score.py"
UNDATED = "2020-06-01"  # the publication date of an article whose gold has none

DEPLOYMENTS = {
    "en": ["{by} sent {n} troops to {to}.", "{by} has deployed {n} soldiers to {to}."],
    "id": [
        "{by} mengirim {n} personel ke {to}.",
        "{by} mengerahkan {n} prajurit ke {to}.",
    ],
}
PROTESTS = {
    "en": [
        "Thousands of people protested in {place} on Monday against the {cause}.",
        "Hundreds of demonstrators rallied in {place} on Monday to protest the {cause}.",
    ],
    "id": [
        "Ribuan warga berunjuk rasa di {place} pada Senin menolak {cause}.",
        "Ratusan mahasiswa menggelar demonstrasi di {place}, Senin, memprotes {cause}.",
    ],
}
ROLES = [
    "{person}, the {role} of {of}, said the situation was calm.",
    "{of} {role} {person} said the situation was calm.",
]


def development() -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """Each development article's manifest entry and gold."""
    split = json.loads((REAL / "split.json").read_text(encoding="utf-8"))
    stories = set(split["dev"])
    for line in (REAL / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        if entry["story"] in stories:
            gold = json.loads((REAL / "gold" / f"{entry['id']}.json").read_text(encoding="utf-8"))
            yield entry, gold


def _entity(e: dict[str, Any], ident: str) -> dict[str, Any]:
    return {"id": ident, "type": e["type"], "names": e["names"], "wikidata": None}


def _count(n: float | None, lang: str) -> str:
    text = f"{int(n or 300):,}"
    return text.replace(",", ".") if lang == "id" else text


def probes(kind: str) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """(id, language, sentence, gold) for every row of ``kind`` the development gold has."""
    for entry, gold in development():
        lang, ents = entry["language"], {e["id"]: e for e in gold["entities"]}
        published = gold.get("published")
        published = published if published not in (None, "unknown") else UNDATED
        empty = {
            "article": "",
            "published": published,
            "deployments": [],
            "protests": [],
            "roles": [],
        }
        if kind == "deployments":
            for i, d in enumerate(gold["deployments"]):
                if d["by"] not in ents or d["to"] not in ents:
                    continue
                by, to = ents[d["by"]], ents[d["to"]]
                row = {
                    "by": "by",
                    "to": "to",
                    "troops": d["troops"] or 300,
                    "troops_approx": False,
                    "requested_by": None,
                    "start": None,
                    "end": None,
                    "status": "happened",
                }
                for t, template in enumerate(DEPLOYMENTS[lang]):
                    text = template.format(
                        by=by["names"][0], to=to["names"][0], n=_count(d["troops"], lang)
                    )
                    facts = {
                        **empty,
                        "entities": [_entity(by, "by"), _entity(to, "to")],
                        "deployments": [row],
                    }
                    yield f"{entry['id']}--{i}-{t}", lang, text, facts
        elif kind == "protests":
            for i, p in enumerate(gold["protests"]):
                if p["location"] not in ents:
                    continue
                place = ents[p["location"]]
                said = p["causes"][:1] if lang == "en" else (p.get("causes_text") or [])[:1]
                if not said:
                    continue
                row = {
                    "location": "place",
                    "places": [],
                    "start": None,
                    "causes": p["causes"][:1],
                    "deaths": None,
                    "deaths_approx": False,
                    "arrests": None,
                    "arrests_approx": False,
                }
                for t, template in enumerate(PROTESTS[lang]):
                    text = template.format(place=place["names"][0], cause=said[0])
                    facts = {**empty, "entities": [_entity(place, "place")], "protests": [row]}
                    yield f"{entry['id']}--{i}-{t}", lang, text, facts
        elif kind == "roles" and lang == "en":
            for i, r in enumerate(gold["roles"]):
                if r["person"] not in ents or r.get("of") not in ents:
                    continue
                person, of = ents[r["person"]], ents[r["of"]]
                row = {"person": "person", "role": r["role"], "of": "of"}
                for t, template in enumerate(ROLES):
                    text = template.format(
                        person=person["names"][0], role=r["role"], of=of["names"][0]
                    )
                    facts = {
                        **empty,
                        "entities": [_entity(person, "person"), _entity(of, "of")],
                        "roles": [row],
                    }
                    yield f"{entry['id']}--{i}-{t}", lang, text, facts


def run(kind: str, misses: bool) -> int:
    if not SCORER.is_file():
        print(f"error: the scorer is not at {SCORER}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        gold_dir, pred = work / "gold", work / "pred"
        gold_dir.mkdir()
        sentences: dict[str, str] = {}
        with (work / "probes.jsonl").open("w", encoding="utf-8") as out:
            for ident, lang, text, facts in probes(kind):
                sentences[ident] = text
                meta = {
                    "id": ident,
                    "title": "Probe",
                    "published": facts["published"],
                    "language": lang,
                }
                out.write(json.dumps({**meta, "text": text}) + "\n")
                (gold_dir / f"{ident}.json").write_text(
                    json.dumps({**facts, "article": ident}), "utf-8"
                )
        extract = [
            sys.executable,
            "-m",
            "kg",
            "extract",
            str(work / "probes.jsonl"),
            "--out",
            str(pred),
            "--format",
            "json",
            "-j",
            "2",
        ]
        done = subprocess.run(extract, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 2
        for path in pred.glob("probes-*.json"):  # a JSONL line's file is named after its id
            path.rename(pred / path.name.removeprefix("probes-"))
        score = [sys.executable, str(SCORER), str(gold_dir), str(pred)] + (
            ["--verbose"] if misses else []
        )
        shown = subprocess.run(score, capture_output=True, text=True, check=False)
        report = shown.stdout
        if misses:
            missed = "roles.role" if kind == "roles" else f"{kind}.unpaired gold"
            lines = [line for line in report.splitlines() if "MISS" in line and missed in line]
            for line in lines:
                ident = line.split()[0].rstrip(":")
                print(f"{line}\n    {sentences.get(ident, '')}")
        else:
            print(report.split("\nPer file")[0])
        print(f"{len(sentences)} sentences of our own, with the development part's {kind}' names")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=("deployments", "protests", "roles"))
    parser.add_argument("--misses", action="store_true", help="list the gold rows missed")
    args = parser.parse_args(argv)
    return run(args.kind, args.misses)


if __name__ == "__main__":
    sys.exit(main())

"""The real-news corpus: manifest, gold facts and a development/sealed split, without the texts.

The articles are other people's text, so the repository keeps only what points at them
(``manifest.jsonl``: url, outlet, date, language, story, the search words that find the page,
and the SHA-256 of the text used) and the gold facts, whose evidence is a pair of character
offsets into the text, never the quoted text. A local copy of the texts (one
``ID.txt`` per article in kg's header format) lives outside the repository, by default in
``../realnews/articles`` beside the clone, or wherever ``--texts`` or ``KG_REAL_TEXTS`` says.

    python eval/real_corpus.py check                 # every name occurs, every offset fits
    python eval/real_corpus.py score --part dev      # kg extract + ../shared/eval/score.py
    python eval/real_corpus.py score --part sealed   # only when an extractor change is done
    python eval/real_corpus.py score --part dev --only p25,p26   # one batch's part
    python eval/real_corpus.py import QUOTED_GOLD_DIR MANIFEST.jsonl...   # add annotations
    python eval/real_corpus.py restore ID SAVED_TEXT [--escaped]      # write a local text
    python eval/real_corpus.py diff BASE [--only p25] [--ids FILE]   # errors fixed and new

``diff`` extracts the development part (or the articles of ``--ids``, one id a line: a
list fixed when a rule pass begins, so that batches imported meanwhile stay out of it)
with another checkout, BASE (a directory holding ``kg/``, or a git revision of this
repository), and with this one, and prints the scorer's error lines that are gone and
those that are new: what a change did, fact by fact. The sealed part is never diffed.

A local text is the page's text as it was annotated (the text of the page the search
tool's ``pages`` corpus stored, found by the manifest's url and search words) followed by
one newline, under a header made from the manifest. The copy must come from a source whose
terms allow keeping one: the search tool's results say never to copy them verbatim, so it
finds and shows a page but does not supply the copy. ``restore`` writes a saved text when
its SHA-256 is the one annotated, and refuses it otherwise.

The split is by story, fixed in ``split.json``: every article of a story is on one side.
Rules are written from the development part only; the sealed part is scored, never read.
Exit codes: 0 fine, 1 the check found problems, 2 usage or input error.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent / "real"
REPO = HERE.parent.parent
SCORER = REPO.parent / "shared" / "eval" / "score.py"
MANIFEST = HERE / "manifest.jsonl"
SPLIT = HERE / "split.json"
GOLD = HERE / "gold"


def quoted(key: str) -> bool:
    """A key whose value is quoted evidence (``evidence``, ``withdrawal_evidence``,
    ``deaths_evidence`` ...): stored as offsets."""
    return key == "evidence" or key.endswith("_evidence")


class CorpusError(Exception):
    """A problem with the corpus files or the local texts; the message says which file."""


def default_texts() -> Path:
    """Where the local copy of the texts is looked for."""
    return Path(os.environ.get("KG_REAL_TEXTS", REPO.parent / "realnews" / "articles"))


def body_of(path: Path) -> str:
    """The article body: the text after the header's ``---`` line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{path}: cannot read the article: {exc}") from None
    _, sep, body = text.partition("\n---\n")
    if not sep:
        raise CorpusError(f"{path}: no '---' line ends the header")
    return body


def digest(body: str) -> str:
    """The SHA-256 of a body, as the manifest records it."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def read_manifest() -> list[dict[str, Any]]:
    """The manifest's entries, in file order."""
    entries = []
    for number, line in enumerate(MANIFEST.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                entries.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise CorpusError(f"{MANIFEST}:{number}: invalid JSON: {exc}") from None
    return entries


def part_ids(part: str) -> list[str]:
    """The article ids of one part of the split (``dev``, ``sealed`` or ``all``)."""
    split = json.loads(SPLIT.read_text(encoding="utf-8"))
    stories = set(split["dev"]) | set(split["sealed"]) if part == "all" else set(split[part])
    return [e["id"] for e in read_manifest() if e["story"] in stories]


# -- offsets ------------------------------------------------------------------------------


def _span(body: str, quote: str, where: str) -> dict[str, int]:
    start = body.find(quote)
    if start < 0:
        raise CorpusError(f"{where}: the evidence is not in the text: {quote[:60]!r}")
    return {"start": start, "end": start + len(quote)}


def to_offsets(gold: dict[str, Any], body: str, where: str) -> dict[str, Any]:
    """``gold`` with every quoted evidence replaced by its offsets in ``body``.

    ``*_text`` phrases (the verbatim count or date) become offsets too when they occur in
    the body; annotators' paraphrases that do not are dropped (``notes`` explain them).
    """

    def fact(item: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in item.items():
            if quoted(key):
                quotes = [value] if isinstance(value, str) else list(value or [])
                out[key] = [_span(body, q, where) for q in quotes]
            elif key.endswith("_text"):
                phrases = [value] if isinstance(value, str) else list(value or [])
                spans = [_span(body, v, where) for v in phrases if v and v in body]
                if spans:
                    name = key.removesuffix("_text") + "_span"
                    out[name] = spans[0] if isinstance(value, str) else spans
            else:
                out[key] = value
        return out

    result = dict(gold)
    for section in ("deployments", "protests", "roles"):
        result[section] = [fact(item) for item in gold.get(section, [])]
    return result


# -- commands -----------------------------------------------------------------------------


def check(texts: Path) -> list[str]:
    """Every problem of the local texts against the manifest and gold (empty: all fine)."""
    problems: list[str] = []
    entries = read_manifest()
    ids = [e["id"] for e in entries]
    if len(set(ids)) != len(ids):
        problems.append(f"{MANIFEST}: duplicate ids")
    split = json.loads(SPLIT.read_text(encoding="utf-8"))
    both = set(split["dev"]) & set(split["sealed"])
    if both:
        problems.append(f"{SPLIT}: stories on both sides: {sorted(both)}")
    for entry in entries:
        aid = entry["id"]
        if entry["story"] not in set(split["dev"]) | set(split["sealed"]):
            problems.append(f"{aid}: story {entry['story']!r} is in neither part of the split")
        try:
            body = body_of(texts / f"{aid}.txt")
        except CorpusError as exc:
            problems.append(str(exc))
            continue
        if digest(body) != entry["sha256"]:
            problems.append(f"{aid}: the local text differs from the one annotated (sha256)")
        gold = json.loads((GOLD / f"{aid}.json").read_text(encoding="utf-8"))
        for entity in gold["entities"]:
            for name in entity["names"]:
                if name not in body:
                    problems.append(f"{aid}: entity {entity['id']}: name not in text: {name!r}")
        for section in ("deployments", "protests", "roles"):
            for number, item in enumerate(gold[section], 1):
                for key, value in item.items():
                    spans = value if isinstance(value, list) else [value]
                    if not (quoted(key) or key.endswith("_span")):
                        continue
                    for span in spans:
                        if not 0 <= span["start"] < span["end"] <= len(body):
                            problems.append(f"{aid}: {section}[{number}].{key}: {span} outside")
    return problems


def header(entry: dict[str, Any]) -> str:
    """The header of a local text, from its manifest entry."""
    return (
        f"title: {entry.get('title', '')}\npublisher: {entry['outlet']}\n"
        f"published: {entry['published']}\nlanguage: {entry['language']}\n"
        f"url: {entry['url']}\n---\n"
    )


def restore(aid: str, saved: Path, texts: Path, *, escaped: bool) -> Path:
    """Write the local text of ``aid`` from a saved copy of its text (``escaped``: still a JSON
    string's content), when it is the text annotated."""
    entry = next((e for e in read_manifest() if e["id"] == aid), None)
    if entry is None:
        raise CorpusError(f"{MANIFEST}: no article {aid!r}")
    try:
        raw = saved.read_text(encoding="utf-8")
        text = json.loads(f'"{raw.rstrip(chr(10))}"') if escaped else raw
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorpusError(f"{saved}: cannot read the copy: {exc}") from None
    if digest(text + "\n") != entry["sha256"]:
        raise CorpusError(f"{saved}: not the text annotated for {aid} (sha256 differs)")
    texts.mkdir(parents=True, exist_ok=True)
    path = texts / f"{aid}.txt"
    path.write_text(header(entry) + text + "\n", encoding="utf-8")
    return path


def import_gold(quoted: Path, manifests: list[Path], texts: Path) -> int:
    """Add quoted gold files and manifest lines to the corpus, quotes turned into offsets."""
    known = {e["id"] for e in read_manifest()} if MANIFEST.exists() else set()
    added = []
    for manifest in manifests:
        for line in manifest.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            entry = json.loads(line)
            aid = entry["id"]
            if aid in known:
                continue
            body = body_of(texts / f"{aid}.txt")
            gold = json.loads((quoted / f"{aid}.json").read_text(encoding="utf-8"))
            (GOLD / f"{aid}.json").write_text(
                json.dumps(to_offsets(gold, body, aid), ensure_ascii=False, indent=1) + "\n",
                encoding="utf-8",
            )
            entry["sha256"] = digest(body)
            added.append(entry)
            known.add(aid)
    with MANIFEST.open("a", encoding="utf-8") as out:
        for entry in added:
            out.write(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")
    return len(added)


def score(
    part: str, texts: Path, *, verbose: bool, as_json: bool, only: tuple[str, ...] = ()
) -> int:
    """Extract the part's texts with kg and score them with the project's scorer; with
    ``only``, the part's articles whose ids start with one of those prefixes (a batch)."""
    ids = [aid for aid in part_ids(part) if not only or aid.startswith(only)]
    if not ids:
        raise CorpusError(f"no article of the {part} part starts with {', '.join(only)}")
    absent = [aid for aid in ids if not (texts / f"{aid}.txt").exists()]
    if absent:
        # a partial copy is scored on the articles it has, and says which it lacks
        print(
            f"{len(absent)} article(s) have no local text in {texts} and are left out of "
            f"the score: {', '.join(absent)}",
            file=sys.stderr,
        )
        ids = [aid for aid in ids if aid not in absent]
    with tempfile.TemporaryDirectory() as tmp:
        gold, pred = Path(tmp, "gold"), Path(tmp, "pred")
        gold.mkdir()
        for aid in ids:
            (gold / f"{aid}.json").write_bytes((GOLD / f"{aid}.json").read_bytes())
        files = [str(texts / f"{aid}.txt") for aid in ids]
        # An article kg refuses is scored as an empty prediction; kg says which on stderr.
        subprocess.run(
            [sys.executable, "-m", "kg", "extract", *files, "--out", str(pred), "--format", "json"],
            stdout=subprocess.DEVNULL,
        )
        if part == "dev":
            flags = (["--verbose"] if verbose else []) + (["--json"] if as_json else [])
            return subprocess.run(
                [sys.executable, str(SCORER), str(gold), str(pred), *flags]
            ).returncode
        # the sealed part's articles are never shown one by one: totals only
        done = subprocess.run(
            [sys.executable, str(SCORER), str(gold), str(pred), "--json"],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            sys.stderr.write(done.stderr)
            return done.returncode
        totals = json.loads(done.stdout)
        totals = {k: totals[k] for k in ("overall", "categories", "n_files")}
        print(json.dumps(totals, indent=1) if as_json else _totals_table(totals))
        return 0


#: a line of the scorer's --verbose listing that names one error of one article
_ERROR_LINE = re.compile(r"^\s+\S+\s+(?:MISS|FP|WRONG)\s")


def error_lines(listing: str) -> Counter[str]:
    """The error lines of the scorer's ``--verbose`` listing, stripped, with their counts."""
    return Counter(line.strip() for line in listing.splitlines() if _ERROR_LINE.match(line))


def _checkout(base: str, tmp: Path) -> Path:
    """A directory holding ``base``'s ``kg`` package: ``base`` itself, or the git revision
    ``base`` of this repository written into ``tmp``."""
    if (Path(base) / "kg").is_dir():
        return Path(base).resolve()
    tree = tmp / "base"
    tree.mkdir()
    archive = subprocess.run(["git", "-C", str(REPO), "archive", base, "kg"], capture_output=True)
    if archive.returncode != 0:
        raise CorpusError(f"{base!r} is neither a checkout nor a git revision of {REPO}")
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    return tree


def _errors_with(code: Path, ids: list[str], texts: Path, gold: Path, tmp: Path) -> Counter[str]:
    """Extract ``ids`` with the kg package of ``code`` and return the scorer's error lines."""
    pred = Path(tempfile.mkdtemp(dir=tmp))
    env = {**os.environ, "PYTHONPATH": str(code)}
    # run from a directory of no checkout, so that ``-m kg`` is the one of PYTHONPATH
    subprocess.run(
        [
            sys.executable,
            "-m",
            "kg",
            "extract",
            *[str(texts / f"{a}.txt") for a in ids],
            "--out",
            str(pred),
            "--format",
            "json",
        ],
        cwd=tmp,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    listing = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(pred), "--verbose"],
        capture_output=True,
        text=True,
    )
    return error_lines(listing.stdout)


def diff(
    base: str, texts: Path, *, only: tuple[str, ...] = (), ids_file: Path | None = None
) -> int:
    """Print the development part's error lines that ``base``'s code makes and this
    checkout's does not (``-``), and the converse (``+``)."""
    ids = part_ids("dev")
    if ids_file is not None:
        wanted = set(ids_file.read_text(encoding="utf-8").split())
        outside = sorted(wanted - set(ids))
        if outside:
            raise CorpusError(f"{ids_file}: not articles of the dev part: {', '.join(outside)}")
        ids = [aid for aid in ids if aid in wanted]
    ids = [aid for aid in ids if not only or aid.startswith(only)]
    ids = [aid for aid in ids if (texts / f"{aid}.txt").exists()]
    if not ids:
        raise CorpusError("no development article with a local text to diff")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        gold = tmp / "gold"
        gold.mkdir()
        for aid in ids:
            (gold / f"{aid}.json").write_bytes((GOLD / f"{aid}.json").read_bytes())
        before = _errors_with(_checkout(base, tmp), ids, texts, gold, tmp)
        after = _errors_with(REPO, ids, texts, gold, tmp)
    fixed, new = before - after, after - before
    for line in sorted(fixed.elements()):
        print(f"- {line}")
    for line in sorted(new.elements()):
        print(f"+ {line}")
    print(f"{len(ids)} articles: {fixed.total()} error lines gone, {new.total()} new")
    return 0


def _totals_table(totals: dict[str, Any]) -> str:
    """Overall and per-category precision, recall and F1 (and paired rows), one line each."""
    lines = [f"{totals['n_files']} articles"]
    rows = [("overall", totals["overall"]), *totals["categories"].items()]
    for name, c in rows:
        items = c.get("items")
        paired = f"  rows: {items}" if items else ""
        lines.append(f"{name:<12} P {c['p']:.3f}  R {c['r']:.3f}  F1 {c['f1']:.4f}{paired}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=None, help="local copy of the texts")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="check the local texts against manifest and gold")
    scoring = sub.add_parser("score", help="extract and score one part")
    scoring.add_argument("--part", choices=("dev", "sealed", "all"), default="dev")
    scoring.add_argument("--verbose", action="store_true", help="list errors (dev only)")
    scoring.add_argument("--json", action="store_true")
    scoring.add_argument(
        "--only", default="", help="comma-separated id prefixes: score that batch (p25,p26)"
    )
    importing = sub.add_parser("import", help="add quoted gold files to the corpus")
    importing.add_argument("quoted", type=Path)
    importing.add_argument("manifests", type=Path, nargs="+")
    restoring = sub.add_parser("restore", help="write a local text from a saved copy of the page")
    restoring.add_argument("id")
    restoring.add_argument("saved", type=Path)
    restoring.add_argument(
        "--escaped", action="store_true", help="the text is still a JSON string's content"
    )
    diffing = sub.add_parser("diff", help="the dev part's errors fixed and new against BASE")
    diffing.add_argument("base", help="a checkout holding kg/, or a git revision")
    diffing.add_argument("--only", default="", help="comma-separated id prefixes")
    diffing.add_argument("--ids", type=Path, default=None, help="a file of dev ids, one a line")
    args = parser.parse_args(argv)
    texts = args.texts or default_texts()
    try:
        if args.command == "check":
            problems = check(texts)
            for problem in problems:
                print(problem)
            print(f"{len(read_manifest())} articles, {len(problems)} problem(s)")
            return 1 if problems else 0
        if args.command == "restore":
            print(f"wrote {restore(args.id, args.saved, texts, escaped=args.escaped)}")
            return 0
        if args.command == "import":
            print(f"added {import_gold(args.quoted, args.manifests, texts)} article(s)")
            return 0
        only = tuple(p.strip() for p in args.only.split(",") if p.strip())
        if args.command == "diff":
            return diff(args.base, texts, only=only, ids_file=args.ids)
        if args.part == "sealed" and args.verbose:
            parser.error("the sealed part is scored, never read: no --verbose")
        return score(args.part, texts, verbose=args.verbose, as_json=args.json, only=only)
    except (CorpusError, OSError, KeyError) as exc:
        print(f"real_corpus: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

"""Whether two kg source trees build the same dataset: every file byte for byte (the build
cache less the hash of kg's code, which it records) and the same quads in the store.

Each tree builds the same generated corpus (``bench_build.py``'s) in its own process,
from scratch, with two workers; prints each build's time and one line a file.

    python bench/compare_builds.py OLD_TREE NEW_TREE --articles 300 1000
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

BUILD = """
import sys, time
from pathlib import Path
from kg.api import build_dataset
start = time.perf_counter()
built = build_dataset(Path(sys.argv[1]), out=Path(sys.argv[2]), jobs=2, full=True)
print(f"{built.triples} triples, {time.perf_counter() - start:.1f} s")
"""

STORE = """
import hashlib, sys
import pyoxigraph
store = pyoxigraph.Store.read_only(sys.argv[1])
lines = sorted(str(quad) for quad in store)
print(len(lines), hashlib.sha256("\\n".join(lines).encode()).hexdigest())
"""


def run(tree: Path, code: str, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, cwd=tree, capture_output=True, text=True
    )
    if done.returncode:
        sys.exit(f"{tree}: {done.stderr}")
    return done.stdout.strip()


def same_cache(old: Path, new: Path) -> bool:
    a, b = json.loads(old.read_text()), json.loads(new.read_text())
    a["key"].pop("code", None)
    b["key"].pop("code", None)
    return bool(a == b)


def compare(old_tree: Path, new_tree: Path, count: int, work: Path) -> bool:
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_build import write_corpus

    corpus = work / f"corpus-{count}"
    write_corpus(corpus, count)
    outs = {}
    for name, tree in (("old", old_tree), ("new", new_tree)):
        outs[name] = work / f"{name}-{count}"
        print(
            f"{count} articles, {name} ({tree}): {run(tree, BUILD, str(corpus), str(outs[name]))}"
        )
    ok = True
    for path in sorted(outs["old"].iterdir()):
        other = outs["new"] / path.name
        if path.name == "store":
            same = run(old_tree, STORE, str(path)) == run(old_tree, STORE, str(other))
        elif path.name == "build-cache.json":
            same = same_cache(path, other)
        else:
            same = other.exists() and _digest(path) == _digest(other)
        ok &= same
        print(f"  {'same' if same else 'DIFFERENT'}: {path.name}")
    return ok


def _digest(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--articles", type=int, nargs="+", default=[300, 1000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-compare-") as work:
        results = [compare(args.old, args.new, n, Path(work)) for n in args.articles]
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()

"""Extracting many articles in parallel processes and writing their files.

Each output is written to a temporary file and renamed, so a failed run leaves the
previous output intact.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from kg.articles import read_articles
from kg.errors import FactsError, KgError, UsageError
from kg.extract.bench import to_bench
from kg.extract.merge import merge
from kg.extract.pipeline import explain as explain_facts
from kg.extract.pipeline import extract, is_date, load_authority
from kg.extract.trace import Trace
from kg.facts.dump import dump_facts
from kg.facts.load import load_facts
from kg.signals import held_signals
from kg.workers import worker_pool

__all__ = ["OutputFormat", "Report", "run_batch"]


class OutputFormat(StrEnum):
    """What ``kg extract`` writes: facts files (YAML) or the benchmark shape (JSON)."""

    YAML = "yaml"
    JSON = "json"

    @property
    def extension(self) -> str:
        """The file extension."""
        return ".yaml" if self is OutputFormat.YAML else ".json"


@dataclass
class Report:
    """What a batch run did."""

    written: list[Path] = field(default_factory=list)
    skipped: dict[Path, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    explanations: list[str] = field(default_factory=list)  # with explain=True

    def add(self, other: Report) -> None:
        """Add what another run (of other articles) did."""
        self.written += other.written
        self.skipped.update(other.skipped)
        self.notes += other.notes
        self.errors += other.errors
        self.explanations += other.explanations

    def lines(self, out_dir: Path | None = None) -> list[str]:
        """A human-readable summary (saying where the files went, given ``out_dir``)."""
        where = f" to {out_dir}" if out_dir is not None and self.written else ""
        out = [f"wrote {len(self.written)} file(s){where}"]
        for path, changes in self.skipped.items():
            out.append(f"{path}: reviewed, left unchanged; " + ("; ".join(changes) or "no changes"))
        out.extend(f"note: {n}" for n in self.notes)
        out.extend(f"error: {e}" for e in self.errors)
        return out


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with held_signals():  # a signal now would leave the temporary file behind
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)


def _stem(path: Path) -> str:
    """The name of an article's facts file, without its extension ("a.b.txt": "a")."""
    return path.name.split(".")[0]


def _one(job: tuple[Path, Path, OutputFormat, tuple[Path, ...], bool, float | None]) -> Report:
    path, out_dir, fmt, extra, explaining, min_confidence = job
    report = Report()
    written, skipped, errors = report.written, report.skipped, report.errors
    try:
        authority = load_authority(extra)
        for article in read_articles(path):  # one at a time: a JSON Lines file may be large
            stem = _stem(path)
            if "line" in article.extra:
                stem = f"{stem}-{article.meta.get('id') or article.extra['line']}"
            target = out_dir / f"{stem}{fmt.extension}"
            source = os.path.relpath(path.resolve(), out_dir.resolve())
            trace = Trace() if explaining else None
            facts = extract(
                article,
                authority=authority,
                source=source,
                trace=trace,
                min_confidence=min_confidence,
            )
            if trace is not None:
                text = explain_facts(facts, trace, article.text)
                report.explanations.append(f"== {path} -> {target}\n{text}")
            if facts.article.published is None:
                report.notes.append(
                    f"{target}: the article's publication date is unknown; relative dates "
                    "('last week', 'Kamis') were left unresolved and are not in the facts"
                )
            elif not is_date(article.meta.get("published", "")):
                header = article.meta.get("published", "").strip()
                told = f"says {header!r}" if header else "is missing"
                report.notes.append(
                    f"{target}: the article's 'published' header {told}; its date, "
                    f"{facts.article.published}, was taken from the text's opening"
                )
            if fmt is OutputFormat.JSON:
                _write(target, json.dumps(to_bench(facts), ensure_ascii=False, indent=1) + "\n")
                written.append(target)
                continue
            existing = None
            if target.exists():
                try:
                    existing = load_facts(target, check_evidence=False)
                except FactsError as exc:
                    errors.append(f"{target}: not replaced, it has problems: {exc}")
                    continue
            result = merge(existing, facts)
            if result.facts is None:
                skipped[target] = result.changes
                continue
            _write(target, dump_facts(result.facts))
            written.append(target)
    except KgError as exc:
        errors.append(str(exc))
    except Exception as exc:  # one odd article must not stop a batch
        errors.append(
            f"{path}: extraction failed ({type(exc).__name__}: {exc}); the other articles "
            "were extracted; please report this article"
        )
    return report


def _one_file_each(paths: list[Path], out_dir: Path, fmt: OutputFormat) -> None:
    """Refuse, before anything is written, two articles that would write one facts file
    ("a/report.txt" and "b/report.txt" both give ``report.yaml``): the second would replace
    the first without a word. A JSON Lines file names its files by line."""
    seen: dict[str, Path] = {}
    for path in paths:
        if path.suffix.lower() == ".jsonl":
            continue
        stem = _stem(path)
        first = seen.setdefault(stem, path)
        if first.resolve() != path.resolve():
            raise UsageError(
                f"{first} and {path} would both be written to "
                f"{out_dir / (stem + fmt.extension)}; rename one, or extract them into "
                "different --out folders"
            )


def run_batch(
    paths: Iterable[Path],
    out_dir: Path,
    *,
    fmt: OutputFormat = OutputFormat.YAML,
    jobs: int = 1,
    authority_files: tuple[Path, ...] = (),
    progress: Callable[[int, int], None] | None = None,
    explain: bool = False,
    min_confidence: float | None = None,
) -> Report:
    """Extract every article and write one file per article into ``out_dir``.

    Reviewed facts files are never overwritten (see :mod:`kg.extract.merge`). With
    ``explain`` the report holds, per article, every fact with the rules that made it.
    ``min_confidence`` replaces the learned confidence's thresholds (see
    :func:`kg.extract.pipeline.extract`).
    """
    paths = list(paths)
    _one_file_each(paths, out_dir, fmt)
    created = not out_dir.exists()
    out_dir.mkdir(parents=True, exist_ok=True)
    work = [(p, out_dir, fmt, authority_files, explain, min_confidence) for p in paths]
    report = Report()
    results: Iterable[Report]
    try:
        with ExitStack() as stack:
            if jobs > 1 and len(work) > 1:
                pool = stack.enter_context(worker_pool(jobs))
                results = pool.map(_one, work, chunksize=max(1, len(work) // (jobs * 8)))
            else:
                results = map(_one, work)
            for done, one in enumerate(results, 1):
                report.add(one)
                if progress is not None:
                    progress(done, len(work))
    finally:
        if created and not any(out_dir.iterdir()):
            out_dir.rmdir()  # nothing was written: leave no empty directory behind
    return report

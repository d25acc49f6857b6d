"""The Python API: what the ``kg`` commands do, for notebooks and scripts.

The commands are thin shells over these functions (``kg build`` is :func:`build_dataset`,
``kg validate`` is :func:`validate_facts`); everything raises the exception tree of
:mod:`kg.errors` and returns typed values, never dictionaries. The package exports them
(``kg.extract``, ``kg.build`` and ``kg.validate`` are the modules of those stages, so the
functions say what they make)::

    import kg

    facts = kg.extract_facts("article.txt")        # a Facts, ready to review
    report = kg.validate_facts("examples/facts")    # SHACL, .conforms and .violations
    built = kg.build_dataset("examples/facts", out="build/kg")
    with kg.open("build/kg") as dataset:
        rows = dataset.query("deployments")          # a named query of the library
        frame = rows.to_dataframe()                  # with pandas installed
        n = dataset.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").scalar()
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from kg.errors import KgError, UsageError
from kg.progress import Costs, Progress
from kg.rdf.namespaces import DEFAULT_BASE, XSD
from kg.store.base import SelectResult, Term

if TYPE_CHECKING:
    import pandas

    from kg.facts.model import Facts
    from kg.queries import NamedQuery
    from kg.store.embedded import EmbeddedStore
    from kg.validate import ValidationReport

__all__ = [
    "DEFAULT_DATASET",
    "Built",
    "Dataset",
    "DraftsRefused",
    "Rows",
    "ValidationFailed",
    "build_dataset",
    "extract_facts",
    "open_dataset",
    "validate_facts",
]

DEFAULT_DATASET = Path("build/kg")
"""Where ``kg build`` examples and ``kg query`` look for a dataset by default."""

_INTEGERS = {
    f"{XSD}{t}"
    for t in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
}

Paths = str | Path | Sequence[str | Path]


class ValidationFailed(KgError):
    """:func:`build_dataset` found SHACL violations: nothing was written; ``report`` says
    which."""

    exit_code = 1

    def __init__(self, report: ValidationReport, out: Path) -> None:
        super().__init__(f"{out} was not written: {len(report.violations)} violation(s)")
        self.report = report


class DraftsRefused(KgError):
    """:func:`build_dataset` with ``reviewed_only`` met draft facts files (``drafts``);
    nothing was written."""

    exit_code = 1

    def __init__(self, drafts: Sequence[str], out: Path) -> None:
        super().__init__(
            f"{out} was not written: {len(drafts)} facts file(s) are drafts (--reviewed-only)"
        )
        self.drafts = tuple(drafts)


@dataclass(frozen=True)
class Built:
    """What :func:`build_dataset` wrote: the dataset directory and what is in it."""

    out: Path
    articles: int
    triples: int
    graphs: int
    drafts: tuple[str, ...] = ()
    """Facts files that are not marked reviewed."""
    reused: int = 0
    """Articles taken unchanged from the previous build (see :mod:`kg.build.cache`)."""
    full_reason: str = ""
    """Why every article was built anew, when none could be reused."""
    costs: Costs | None = None
    """Wall time, CPU time and peak memory of each stage."""


def _paths(facts: Paths) -> list[Path]:
    items = [facts] if isinstance(facts, str | Path) else list(facts)
    return [Path(p) for p in items]


def extract_facts(article: str | Path, *, min_confidence: float | None = None) -> Facts:
    """The facts of one article file (``.txt`` or ``.md`` with or without kg's header,
    ``.html``; the language detected when the header gives none), as a draft to review.
    For many articles, or JSON Lines, use ``kg extract`` or :func:`kg.extract.run_batch`.
    ``min_confidence`` (0 to 1) leaves out the facts whose learned confidence is lower, as
    ``kg extract --min-confidence`` does.

    Raises:
        ArticleError: the article cannot be read.
        UsageError: no such file, a file of more than one article, or a minimum outside 0-1.
    """
    from kg.articles import read_articles
    from kg.extract import extract as run

    path = Path(article)
    if min_confidence is not None and not 0.0 <= min_confidence <= 1.0:
        raise UsageError(f"min_confidence must be between 0 and 1, not {min_confidence}")
    if not path.is_file():
        raise UsageError(f"{path}: no such article file")
    found = list(read_articles(path))
    if len(found) != 1:
        raise UsageError(
            f"{path}: {len(found)} articles; extract_facts reads one (kg extract reads many)"
        )
    return run(found[0], min_confidence=min_confidence)


def validate_facts(
    facts: Paths,
    *,
    base: str = DEFAULT_BASE,
    jobs: int | None = None,
    batch_size: int | None = None,
    shapes: str | Path | None = None,
    engine: str = "compiled",
) -> ValidationReport:
    """Check facts files (or directories of them) against the shapes.

    Returns the report; ``report.conforms`` is False when a fact violates a shape, and each
    violation names the facts file and line. The review file (``events.yaml``) of each
    directory is checked too: a decision naming a report no facts file states is a
    violation. ``shapes`` replaces ``shapes/kg-shapes.ttl``
    (a project's stricter copy, say). ``engine`` is the SHACL engine: ``compiled`` (fast)
    or ``pyshacl`` (the reference); both report the same violations.

    Raises:
        FactsError: a facts file cannot be loaded (with every problem, file and line).
    """
    from kg.build import compile_facts, facts_files, review_files
    from kg.workers import DEFAULT_BATCH_SIZE

    given = _paths(facts)
    paths = facts_files(given)
    size = batch_size or DEFAULT_BATCH_SIZE
    extra = Path(shapes) if shapes else None
    review = review_files(given)
    return compile_facts(
        paths, base=base, jobs=jobs, batch_size=size, shapes=extra, review=review, engine=engine
    ).report


def build_dataset(
    facts: Paths,
    *,
    out: str | Path = DEFAULT_DATASET,
    base: str = DEFAULT_BASE,
    jobs: int | None = None,
    batch_size: int | None = None,
    store: bool = True,
    reviewed_only: bool = False,
    discard_server_updates: bool = False,
    shapes: str | Path | None = None,
    progress: Progress | None = None,
    full: bool = False,
    engine: str = "compiled",
) -> Built:
    """Map, validate and write the dataset of ``facts`` into ``out``, all or nothing.

    A rebuild of ``out`` reuses the articles whose facts files did not change (see
    :mod:`kg.build.cache`) and writes the same bytes as a clean build.

    Args:
        facts: facts files or directories of them.
        out: the dataset directory (replaced only when the build succeeds).
        base: the IRI base of the data.
        jobs: worker processes (None: one per CPU).
        batch_size: articles per validation batch (None: the default).
        store: also write the embedded store (``out/store``) that :func:`open_dataset`
            (``kg.open``) and ``kg serve`` read.
        reviewed_only: refuse draft facts files (for CI).
        discard_server_updates: replace ``out`` although a running ``kg serve`` changed it.
        shapes: a shapes file instead of ``shapes/kg-shapes.ttl``.
        progress: called with (stage, done, total) as each stage advances.
        full: build every article anew, reusing nothing of the previous build.
        engine: the SHACL engine, ``compiled`` (fast) or ``pyshacl`` (the reference).

    Raises:
        ValidationFailed: SHACL violations (``.report``); ``out`` is as it was.
        DraftsRefused: drafts with ``reviewed_only``; ``out`` is as it was.
        FactsError, BuildError: unreadable facts, or the dataset could not be written.
    """
    from kg.build import compile_facts, facts_files, review_files
    from kg.build.cache import BuildCache, cache_key
    from kg.build.dataset import DatasetWriter
    from kg.validate import SHAPES_PATH
    from kg.workers import DEFAULT_BATCH_SIZE

    target = Path(out)
    given = _paths(facts)
    paths = facts_files(given)
    costs = Costs()
    key = cache_key(base=base, shapes=Path(shapes) if shapes else SHAPES_PATH, engine=engine)
    cache, reason = (None, "--full was given") if full else BuildCache.open(target, key)
    try:
        with DatasetWriter(
            target,
            base=base,
            load_store=store,
            discard_server_updates=discard_server_updates,
            cache_key=key,
            progress=progress,
            costs=costs,
            reuse=cache,
        ) as writer:
            compiled = compile_facts(
                paths,
                base=base,
                jobs=jobs,
                batch_size=batch_size or DEFAULT_BATCH_SIZE,
                shapes=Path(shapes) if shapes else None,
                progress=progress,
                sink=writer.add,
                review=review_files(given),
                cache=cache,
                engine=engine,
                mapped=writer.articles_written,
            )
            costs.merge(compiled.costs)
            if not compiled.report.conforms:
                raise ValidationFailed(compiled.report, target)
            drafts = tuple(sorted(a.path for a in compiled.articles if a.draft))
            if drafts and reviewed_only:
                raise DraftsRefused(drafts, target)
            manifest = writer.finish(compiled)
    finally:
        if cache is not None:
            cache.close()
    return Built(
        target,
        int(manifest["articles"]),
        int(manifest["triples"]),
        len(manifest["graphs"]),
        drafts,
        reused=compiled.reused,
        full_reason=reason,
        costs=costs,
    )


def _python(term: Term | None) -> object:
    """A term as a Python value: numbers, booleans and dates as such, the rest as text."""
    if term is None:
        return None
    if term.kind != "literal" or term.datatype is None:
        return term.value
    try:
        if term.datatype in _INTEGERS:
            return int(term.value)
        if term.datatype == f"{XSD}decimal":
            return Decimal(term.value)
        if term.datatype in (f"{XSD}double", f"{XSD}float"):
            return float(term.value)
        if term.datatype == f"{XSD}boolean":
            return term.value in ("true", "1")
        if term.datatype == f"{XSD}date":
            return dt.date.fromisoformat(term.value)
        if term.datatype == f"{XSD}dateTime":
            return dt.datetime.fromisoformat(term.value.replace("Z", "+00:00"))
    except ValueError:
        return term.value  # an ill-typed literal keeps its text
    return term.value


@dataclass(frozen=True)
class Rows(Sequence[dict[str, object]]):
    """The solutions of a SELECT query: each row a dict of variable to Python value
    (numbers, booleans and dates converted, IRIs and other literals as text, None where
    unbound); :attr:`result` keeps the RDF terms."""

    result: SelectResult
    _rows: list[dict[str, object]] = field(default_factory=list, repr=False)

    @classmethod
    def of(cls, result: SelectResult) -> Rows:
        """The rows of ``result``."""
        rows = [{v: _python(row.get(v)) for v in result.variables} for row in result.rows]
        return cls(result, rows)

    @property
    def variables(self) -> list[str]:
        """The variables, in the query's order."""
        return list(self.result.variables)

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index: int) -> dict[str, object]:  # type: ignore[override]
        return self._rows[index]

    def __iter__(self) -> Iterator[dict[str, object]]:
        return iter(self._rows)

    def scalar(self) -> object:
        """The single value of a one-row, one-column answer (a COUNT, say).

        Raises:
            UsageError: the answer is not one value.
        """
        if len(self._rows) != 1 or len(self.variables) != 1:
            raise UsageError(
                f"not a single value: {len(self._rows)} row(s) of {len(self.variables)} column(s)"
            )
        return self._rows[0][self.variables[0]]

    def to_dataframe(self) -> pandas.DataFrame:
        """The rows as a pandas DataFrame (columns in the query's order).

        Raises:
            UsageError: pandas is not installed.
        """
        try:
            import pandas
        except ImportError:
            raise UsageError("to_dataframe needs pandas: pip install pandas") from None
        return pandas.DataFrame(self._rows, columns=self.variables)


class Dataset:
    """A dataset written by :func:`build_dataset`, opened read-only: run named queries or SPARQL.

    Use it as a context manager, or call :meth:`close`.
    """

    def __init__(self, path: str | Path = DEFAULT_DATASET) -> None:
        from kg.store.embedded import EmbeddedStore

        self.path = Path(path)
        if not (self.path / "store").is_dir():
            raise UsageError(
                f"no dataset store in {self.path}/store: build it first "
                f"(kg.build_dataset(FACTS, out={str(self.path)!r}) or kg build FACTS --out "
                f"{self.path})"
            )
        self._store: EmbeddedStore | None = EmbeddedStore(self.path / "store", read_only=True)

    def __enter__(self) -> Dataset:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def queries(self) -> list[NamedQuery]:
        """The named query library (name, description, parameters, text)."""
        from kg.queries import library

        return library()

    def query(self, name_or_sparql: str, /, **params: Any) -> Rows | bool | str:
        """Run a named query of the library (parameters as keyword arguments, bound as
        typed RDF terms) or a SPARQL query text.

        Returns:
            :class:`Rows` for SELECT, a bool for ASK, Turtle text for CONSTRUCT/DESCRIBE.

        Raises:
            UsageError: an unknown query name or parameter, or the dataset is closed.
            QueryError: the SPARQL is invalid.
        """
        from kg.queries import find_query, query_form

        if self._store is None:
            raise UsageError(f"the dataset {self.path} is closed")
        if not any(c.isspace() for c in name_or_sparql.strip()):
            named = find_query(name_or_sparql)
            text = named.text
            bindings = named.bind({k: str(v) for k, v in params.items()})
        else:
            text, bindings = name_or_sparql, _no_bindings(params)
        form = query_form(text)
        if form == "ASK":
            return self._store.ask(text, bindings=bindings)
        if form in ("CONSTRUCT", "DESCRIBE"):
            return self._store.construct(text, bindings=bindings)
        return Rows.of(self._store.select(text, bindings=bindings))

    def close(self) -> None:
        """Close the store (later queries raise UsageError)."""
        if self._store is not None:
            self._store.close()
            self._store = None


def _no_bindings(params: Mapping[str, Any]) -> dict[str, Term]:
    if params:
        raise UsageError(
            "parameters are for named queries; write the values into your SPARQL text "
            f"(got {', '.join(sorted(params))})"
        )
    return {}


def open_dataset(path: str | Path = DEFAULT_DATASET) -> Dataset:
    """The dataset in ``path`` (default ``build/kg``), read-only; see :class:`Dataset`.
    Exported as ``kg.open``."""
    return Dataset(path)

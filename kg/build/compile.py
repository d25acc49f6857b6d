"""Compiling facts files: load, map and validate them in parallel batches.

Work is streamed article by article: worker processes each take a batch of facts files,
map them to N-Quads and validate them in one SHACL engine call, and hand back text, never
rdflib graphs. The parent only merges the (small) entity graph and writes files, so memory
stays flat as the corpus grows.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from rdflib import Graph, URIRef

from kg.errors import FactsError, KgError, Problem, UsageError
from kg.events import (
    REVIEW_FILE,
    Decisions,
    Report,
    Resolver,
    events_triples,
    link_reports,
    load_decisions,
    reports_of,
    stale,
)
from kg.facts.load import fact_lines, load_facts
from kg.facts.model import Facts, ReviewStatus
from kg.mapping import MappedTriples, Triple, entity_iri, map_triples, preferred_names
from kg.progress import Costs, Progress, Stage
from kg.rdf.iris import Iris
from kg.rdf.namespaces import DEFAULT_BASE
from kg.rdf.ntriples import write_triples
from kg.validate import (
    SHAPES_PATH,
    ArticleGraphs,
    Engine,
    ValidationReport,
    Violation,
    validate_batch,
)
from kg.workers import DEFAULT_BATCH_SIZE, worker_pool

if TYPE_CHECKING:
    from kg.build.cache import BuildCache

__all__ = [
    "ArticleResult",
    "BatchResult",
    "Compiled",
    "compile_facts",
    "facts_files",
    "process_batch",
    "review_files",
]

FACTS_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class ArticleResult:
    """One article, mapped: its named graph as N-Quads and its entity triples as N-Triples."""

    key: str
    path: str
    graph: str
    nquads: str
    entities_nt: str
    triples: int
    sha256: str
    draft: bool = False  # the facts file is not marked reviewed
    reports: tuple[Report, ...] = ()  # its deployments and protests, for event linking
    input_sha256: str = ""  # of the facts file's bytes
    source: str | None = None  # the article text its ``source`` names
    source_sha256: str | None = None
    violations: tuple[Violation, ...] = ()  # its SHACL results (a build keeps warnings)
    # its reports as the build cache keeps them, when known: the JSON text of their
    # kg.build.cache.encode_report forms (kg.build.cache.encode_reports), decoded only to
    # link events again, and hashed as it is for the events digest
    reports_json: str | None = None
    # the countries of the towns its reports name, as the gazetteer gave them (see
    # kg.events.reports.Resolver): kept by the build cache
    towns: dict[str, str | None] = field(default_factory=dict)


@dataclass
class BatchResult:
    """What a worker hands back for one batch."""

    articles: list[ArticleResult] = field(default_factory=list)
    report: ValidationReport = field(default_factory=ValidationReport)
    problems: list[Problem] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    costs: Costs = field(default_factory=Costs)


def facts_files(paths: Sequence[Path]) -> list[Path]:
    """Facts files named on the command line: ``*.yaml``/``*.yml`` files, or directories
    searched for them. Other files are passed over, so ``kg build examples/*`` works.

    Raises:
        UsageError: a path does not exist, or no facts file was found at all.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.suffix in FACTS_SUFFIXES and p.name != REVIEW_FILE
                )
            )
        elif path.exists():
            if path.suffix in FACTS_SUFFIXES and path.name != REVIEW_FILE:
                found.append(path)
        else:
            raise UsageError(f"{path}: no such file or directory")
    if not found:
        names = ", ".join(str(p) for p in paths)
        raise UsageError(f"no facts files (*.yaml) in {names}; run kg extract to make some")
    return found


def review_files(paths: Sequence[Path]) -> list[Path]:
    """The review files (``events.yaml``) of the facts named on the command line: one in
    each directory given, or named itself. Missing ones are passed over."""
    found = []
    for path in paths:
        candidate = path / REVIEW_FILE if path.is_dir() else path
        if candidate.name == REVIEW_FILE and candidate.is_file():
            found.append(candidate)
    return found


def _article_result(
    path: Path,
    mapped: MappedTriples,
    draft: bool = False,
    reports: tuple[Report, ...] = (),
    as_graphs: bool = False,
) -> tuple[ArticleResult, ArticleGraphs]:
    written = write_triples(mapped.facts)
    lines = written.lines
    graph = f"<{mapped.graph_iri}> .\n"
    nquads = "".join([line[:-1] + graph for line in lines])
    entity_lines = write_triples(mapped.entities).lines
    entities_nt = "\n".join(entity_lines) + "\n"
    nodes = {str(s) for s, _, _ in mapped.facts if type(s) is URIRef}
    nodes.update(str(s) for s, _, _ in mapped.entities if type(s) is URIRef)
    result = ArticleResult(
        key=mapped.key,
        path=str(path),
        graph=str(mapped.graph_iri),
        nquads=nquads,
        entities_nt=entities_nt,
        triples=len(lines),
        sha256=written.sha256,
        draft=draft,
        reports=reports,
    )
    facts: Graph | list[Triple] = mapped.facts
    entities: Graph | list[Triple] = mapped.entities
    if as_graphs:
        facts, entities = Graph(), Graph()
        for triple in mapped.facts:
            facts.add(triple)
        for triple in mapped.entities:
            entities.add(triple)
    # The compiled engine only iterates over the triples; pyshacl (as_graphs) gets graphs.
    graphs = ArticleGraphs(mapped.key, cast(Graph, facts), cast(Graph, entities), frozenset(nodes))
    return result, graphs


def _locate(
    violation: Violation, path: Path, facts: Facts, iris: Iris, lines: dict[str, int]
) -> Violation:
    """Point a violation at the line of its fact or entity in the facts file."""
    prefix = str(iris.article(facts.article.key)) + "/"
    fact_id: str | None = None
    if violation.focus.startswith(prefix):
        parts = violation.focus[len(prefix) :].split("/")
        if len(parts) >= 2:
            fact_id = parts[1]
    else:
        for entity in facts.entities:
            if violation.focus.startswith(str(entity_iri(entity, iris))):
                fact_id = entity.id
                break
    line = lines.get(fact_id) if fact_id else None
    return replace(violation, source=f"{path}:{line}" if line else str(path))


def _with_inputs(article: ArticleResult, path: Path, facts: Facts) -> ArticleResult:
    """The article with the hashes of what it was made from: its facts file and the
    article text its ``source`` names."""
    source: Path | None = None
    if facts.article.source is not None:
        source = path.parent / facts.article.source
    found = source is not None and source.is_file()
    return replace(
        article,
        input_sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        source=str(source) if found else None,
        source_sha256=hashlib.sha256(source.read_bytes()).hexdigest()
        if found and source is not None
        else None,
    )


def process_batch(
    paths: Sequence[str],
    base: str,
    shapes: str | None,
    validate: bool,
    engine: str = "compiled",
    towns: Mapping[str, str | None] | None = None,
) -> BatchResult:
    """Load, map and validate a batch of facts files (runs in a worker process).

    Problems in facts files are collected, not raised, so one bad file does not hide others.
    ``towns``: countries of towns an earlier build found (see :class:`Resolver`).
    """
    from kg.build.cache import encode_reports  # the cache module imports this one

    iris = Iris(base)
    resolver = Resolver(towns=towns)
    result = BatchResult()
    costs = result.costs
    loaded: dict[str, tuple[Path, Facts]] = {}
    to_validate: list[ArticleGraphs] = []
    costs.reset_peak()
    for name in paths:
        path = Path(name)
        try:
            with costs.measure(Stage.LOAD, peak=False):
                facts = load_facts(path)
            with costs.measure(Stage.MAP, peak=False):
                mapped = map_triples(facts, iris=iris)
                resolver.used = {}
                reports = reports_of(facts, iris, resolver)
                article, graphs = _article_result(
                    path,
                    mapped,
                    draft=facts.review.status is not ReviewStatus.REVIEWED,
                    reports=reports,
                    as_graphs=engine in (Engine.PYSHACL, Engine.PYSHACL.value),
                )
                # encoded here, in parallel, for the build cache the parent writes
                article = replace(
                    article,
                    reports_json=encode_reports(reports),
                    towns=dict(sorted(resolver.used.items())),
                )
            with costs.measure(Stage.LOAD, peak=False):
                article = _with_inputs(article, path, facts)
        except FactsError as exc:
            result.problems.extend(exc.problems)
            continue
        except KgError as exc:
            result.errors.append(str(exc))
            continue
        except OSError as exc:
            result.errors.append(f"{path}: cannot read: {exc.strerror or exc}")
            continue
        result.articles.append(article)
        loaded[mapped.key] = (path, facts)
        to_validate.append(graphs)
    costs.note_peak(Stage.LOAD, Stage.MAP)  # interleaved, article by article
    if validate and to_validate:
        with costs.measure(Stage.VALIDATE):
            report = validate_batch(
                to_validate, shapes_path=Path(shapes) if shapes else SHAPES_PATH, engine=engine
            )
            located = []
            cache: dict[str, dict[str, int]] = {}
            for violation in report.violations:
                path, facts = loaded[violation.article]
                if violation.article not in cache:
                    cache[violation.article] = fact_lines(path.read_text(encoding="utf-8-sig"))
                located.append(_locate(violation, path, facts, iris, cache[violation.article]))
            report.violations = located
            result.report = report
            per_article: dict[str, list[Violation]] = {}
            for violation in located:
                per_article.setdefault(violation.article, []).append(violation)
            result.articles = [
                replace(a, violations=tuple(per_article.get(a.key, ()))) for a in result.articles
            ]
    else:
        result.report = ValidationReport(articles=len(to_validate))
    return result


@dataclass
class Compiled:
    """Every article of a build, mapped and validated, in input order."""

    articles: list[ArticleResult] = field(default_factory=list)
    entities: set[str] = field(default_factory=set)
    report: ValidationReport = field(default_factory=ValidationReport)
    events: list[str] = field(default_factory=list)  # the events graph, N-Triples lines
    event_count: int = 0
    reused: int = 0  # articles taken from the previous build's cache
    events_sha256: str = ""  # the content hash of the events graph, when validated
    events_violations: list[Violation] = field(default_factory=list)  # its SHACL results
    events_digest: str = ""  # of what event linking read (see _events_digest)
    costs: Costs = field(default_factory=Costs)


def _chunks(items: Sequence[Path], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield [str(p) for p in items[start : start + size]]


def compile_facts(
    paths: Sequence[Path],
    *,
    base: str = DEFAULT_BASE,
    jobs: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    validate: bool = True,
    shapes: Path | None = None,
    progress: Progress | None = None,
    sink: Callable[[ArticleResult], None] | None = None,
    review: Sequence[Path] = (),
    cache: BuildCache | None = None,
    engine: str = "compiled",
    mapped: Callable[[], None] | None = None,
) -> Compiled:
    """Load, map and validate facts files, in parallel batches.

    Args:
        paths: facts files.
        base: the IRI base.
        jobs: worker processes (default: the number of CPUs; 1 runs in this process).
        batch_size: articles per pyshacl call.
        validate: run SHACL validation.
        shapes: a shapes file other than ``shapes/kg-shapes.ttl``.
        progress: called with (stage, done, total) as articles are loaded, mapped and
            validated, and when event linking starts and ends.
        sink: receives each article's N-Quads, in input order, as soon as it is mapped
            (e.g. :meth:`kg.build.dataset.DatasetWriter.add`); the result then keeps only the
            articles' metadata, so memory does not grow with the corpus.
        review: review files (``events.yaml``) whose decisions the event linking applies;
            a decision naming a report that no facts file states is a violation.
        cache: the previous build's articles (:class:`kg.build.cache.BuildCache`, opened
            with the same base, shapes and validation): an article whose facts file is
            unchanged is taken from it instead of being loaded, mapped and validated.
        engine: the SHACL engine (``compiled``, the default, or ``pyshacl``).
        mapped: called once every article went to ``sink``, before events are linked
            (e.g. :meth:`kg.build.dataset.DatasetWriter.articles_written`).

    Raises:
        FactsError: with the problems of every bad facts file.
        KgError: another error while reading facts.
    """
    iris = Iris(base)  # check the base before starting workers
    decisions = load_decisions(review)
    jobs = jobs or os.cpu_count() or 1
    paths = list(dict.fromkeys(paths))  # a file named twice is built once
    compiled = Compiled()
    problems: list[Problem] = []
    errors: list[str] = []
    reused = {str(p) for p in paths if cache is not None and cache.reusable(p)}
    todo = [p for p in paths if str(p) not in reused]
    chunks = list(_chunks(todo, max(1, batch_size)))
    shapes_arg = str(shapes) if shapes else None
    total = len(paths)
    done = len(reused)
    if progress:
        for stage in (Stage.LOAD, Stage.MAP, Stage.VALIDATE):
            progress(stage, done, total)

    def take(article: ArticleResult) -> None:
        compiled.entities.update(line for line in article.entities_nt.split("\n") if line)
        if sink is not None:
            sink(article)
            article = replace(article, nquads="", entities_nt="")
        compiled.articles.append(article)

    towns = cache.towns() if cache is not None else {}  # what the last build looked up

    def batches() -> Generator[BatchResult, None, None]:
        if jobs <= 1 or len(chunks) <= 1:
            for chunk in chunks:
                yield process_batch(chunk, base, shapes_arg, validate, engine, towns)
            return
        work = partial(
            process_batch,
            base=base,
            shapes=shapes_arg,
            validate=validate,
            engine=engine,
            towns=towns,
        )
        with worker_pool(min(jobs, len(chunks))) as pool:
            yield from pool.map(work, chunks)

    # Articles go to the sink in input order: cached ones at once, the others as their
    # batch comes back (batches come back in order, so at most one batch waits here).
    finished: dict[str, ArticleResult | None] = {}
    pending = batches()
    chunk_paths = iter(chunks)
    try:
        for path in paths:
            name = str(path)
            if name in reused:
                assert cache is not None
                article = cache.article(path)
                compiled.report.articles += 1
                compiled.report.violations.extend(article.violations)
                compiled.reused += 1
                take(article)
                continue
            while name not in finished:
                batch = next(pending)
                compiled.costs.merge(batch.costs)
                finished.update(dict.fromkeys(next(chunk_paths)))
                finished.update((a.path, a) for a in batch.articles)
                compiled.report.extend(batch.report)
                problems.extend(batch.problems)
                errors.extend(batch.errors)
                done += len(batch.articles) + len({p.path for p in batch.problems})
                if progress:
                    for stage in (Stage.LOAD, Stage.MAP, Stage.VALIDATE):
                        progress(stage, min(done, total), total)
            found = finished.pop(name)
            if found is not None:
                take(found)
        # Every batch is in: let the pool end as work that is done (its workers exit at
        # once) rather than be stopped (idle workers hold signals and are killed a second
        # later).
        for _ in pending:
            raise KgError("a batch came back that no facts file was sent in")
    finally:
        pending.close()  # shuts the worker pool down
    compiled.entities.update(preferred_names(compiled.entities))
    if problems:
        raise FactsError(problems)
    if errors:
        raise KgError("\n".join(errors))
    keys: dict[str, str] = {}
    for article in compiled.articles:
        if article.key in keys:
            raise UsageError(
                f"{article.path}: article id '{article.key}' is also used by {keys[article.key]}; "
                "give each article a distinct id"
            )
        keys[article.key] = article.path
    if mapped is not None:
        mapped()
    if progress:
        progress(Stage.LINK, 0, 1)
    with compiled.costs.measure(Stage.LINK):
        _link_events(
            compiled,
            iris,
            decisions,
            validate=validate,
            shapes=shapes,
            cache=cache,
            engine=engine,
            digest=_events_digest(compiled.articles, review),
        )
    if progress:
        progress(Stage.LINK, 1, 1)
    return compiled


def _reports(article: ArticleResult) -> tuple[Report, ...]:
    """An article's reports; a cached article's are decoded only when linking needs them."""
    if article.reports or not article.reports_json:
        return article.reports
    from kg.build.cache import decode_report  # the cache module imports this one

    return tuple(decode_report(r) for r in json.loads(article.reports_json))


def _events_digest(articles: Sequence[ArticleResult], review: Sequence[Path]) -> str:
    """A hash of what event linking reads: every article's reports, in order, and the
    review files (kg's code and the gazetteer are in the build cache's key)."""
    from kg.build.cache import encode_reports, file_key  # the cache module imports this one

    digest = hashlib.sha256()
    for article in articles:
        encoded = article.reports_json
        if encoded is None:
            encoded = encode_reports(article.reports)
        digest.update(encoded.encode("utf-8") + b"\n")
    for path in review:  # named as the build cache names files (however the build named it)
        digest.update(file_key(path).encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _link_events(
    compiled: Compiled,
    iris: Iris,
    decisions: Decisions,
    *,
    validate: bool,
    shapes: Path | None,
    cache: BuildCache | None = None,
    engine: str = "compiled",
    digest: str = "",
) -> None:
    """Link the reports of every article into events; validate the events graph (unless the
    previous build validated the same graph) and the review file's decisions. When the
    reports and decisions are those of the previous build (``digest``), its events graph
    is taken as it was."""
    compiled.events_digest = digest
    previous = cache.events_graph(digest) if cache is not None and digest else None
    known: list[Violation] | None = None
    if previous is not None and cache is not None and validate:
        compiled.events_sha256 = cache.events_sha256()
        known = cache.events_results(compiled.events_sha256)
        if known is None:
            previous = None  # not validated then: linked and validated now
    refs: list[str]
    if previous is not None:
        compiled.events, compiled.event_count = previous
        # only a review file's decisions need them: decoding every article's costs
        refs = (
            [
                str(r.ref if isinstance(r, Report) else r["ref"])
                for article in compiled.articles
                for r in (article.reports or json.loads(article.reports_json or "[]"))
            ]
            if decisions.all()
            else []
        )
    else:
        reports = [r for article in compiled.articles for r in _reports(article)]
        refs = [r.ref for r in reports]
        events = link_reports(reports, iris=iris, decisions=decisions)
        triples = events_triples(events, iris)
        written = write_triples(triples)
        compiled.events = written.lines
        compiled.event_count = len(events)
        if not validate:
            return
        compiled.events_sha256 = written.sha256
        known = cache.events_results(compiled.events_sha256) if cache is not None else None
        if known is None:
            graph: Graph | list[Triple] = triples
            if engine in (Engine.PYSHACL, Engine.PYSHACL.value):
                graph = Graph()
                for triple in triples:
                    graph.add(triple)
            known = validate_batch(
                [ArticleGraphs("events", cast(Graph, graph), Graph())],
                shapes_path=shapes or SHAPES_PATH,
                engine=engine,
            ).violations
    if not validate or known is None:
        return
    compiled.events_violations = list(known)
    compiled.report.violations.extend(known)
    for decision, ref, line in stale(decisions, refs):
        compiled.report.violations.append(
            Violation(
                article="events",
                focus=ref,
                path=None,
                value=ref,
                message=(
                    f"the reviewed '{decision.kind}' decision names report '{ref}', which no "
                    "facts file states; correct the id (article/kind/fact id) or remove it"
                ),
                component="ReviewedDecision",
                source=f"{decision.path}:{line}",
            )
        )

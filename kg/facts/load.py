"""Loading facts files (YAML) into :class:`~kg.facts.model.Facts`, reporting every problem.

The YAML is composed into nodes, never constructed into Python objects: tags other than the
plain YAML ones, anchors and aliases, and duplicate keys are refused, so a facts file can
neither run code nor expand into gigabytes. Every problem is collected with its line and
column and raised together as one :class:`~kg.errors.FactsError`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kg.articles import ArticleText, read_article
from kg.errors import ArticleError, FactsError, InputError, Problem
from kg.facts import schema
from kg.facts.model import (
    FORMAT,
    Article,
    DateValue,
    Deployment,
    Entity,
    EntityType,
    Evidence,
    Facts,
    Membership,
    Precision,
    Protest,
    Qualifier,
    Quantity,
    Review,
    ReviewStatus,
    Role,
)
from kg.facts.rules import date_bounds, default_bounds
from kg.rdf.iris import is_absolute_iri, slug

__all__ = ["MAX_COUNT", "MAX_FACTS_BYTES", "fact_lines", "load_facts", "parse_facts"]

MAX_FACTS_BYTES = 10 * 1024 * 1024
MAX_COUNT = schema.MAX_COUNT
#: An id: lower-case letters, digits, "_", "-", "." and at most MAX_ID characters (an id
#: becomes part of IRIs and file names).
MAX_ID = schema.MAX_ID
_ID = re.compile(schema.ID_PATTERN)
_QID = re.compile(schema.QID_PATTERN)
_LANG = re.compile(schema.LANGUAGE_PATTERN)
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
T = TypeVar("T")
# libyaml's composer when available (five times faster); the same nodes and marks either way.
_BASE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = yaml.resolver.Resolver()


@functools.lru_cache(maxsize=4096)
def _scalar_tag(value: str, implicit: tuple[bool, bool]) -> str:
    # a scalar's tag depends only on its text and quoting (facts files have no path
    # resolvers), and the same keys and values recur in every file
    return str(_RESOLVER.resolve(ScalarNode, value, implicit))  # type: ignore[no-untyped-call]


class _Loader(_BASE_LOADER):  # type: ignore[valid-type,misc]
    """The composer, with the tags of scalars remembered."""

    def resolve(self, kind: type[Node], value: Any, implicit: Any) -> str:
        if kind is ScalarNode and isinstance(value, str) and len(value) <= 64:
            return _scalar_tag(value, tuple(implicit))
        return str(super().resolve(kind, value, implicit))


class _Skip(Exception):
    """A value was wrong; the problem is recorded, the field is left out."""


class _Reader:
    """Walks composed YAML nodes, converting values and recording problems."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.problems: list[Problem] = []

    # -- problems ----------------------------------------------------------------------------
    def problem(self, node: Node | None, message: str) -> None:
        if node is None:
            self.problems.append(Problem(self.path, None, None, message))
        else:
            mark = node.start_mark
            self.problems.append(Problem(self.path, mark.line + 1, mark.column + 1, message))

    def fail(self, node: Node | None, message: str) -> _Skip:
        self.problem(node, message)
        return _Skip()

    # -- structure ---------------------------------------------------------------------------
    def mapping(
        self, node: Node, what: str, *, required: tuple[str, ...] = (), allowed: tuple[str, ...]
    ) -> dict[str, tuple[Node, Node]]:
        """A mapping's entries by key, with their key and value nodes."""
        if not isinstance(node, MappingNode):
            raise self.fail(node, f"{what} must be a mapping of 'key: value' lines")
        entries: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.problem(key_node, f"{what}: keys must be plain words")
                continue
            key = key_node.value
            if key in entries:
                first = entries[key][0].start_mark.line + 1
                self.problem(
                    key_node, f"{what}: duplicate key '{key}' (first given on line {first})"
                )
                continue
            if key not in allowed:
                hint = ", ".join(allowed)
                self.problem(key_node, f"{what}: unknown key '{key}'; expected one of: {hint}")
                continue
            entries[key] = (key_node, value_node)
        for key in required:
            if key not in entries or _is_null(entries[key][1]):
                self.problem(node, f"{what}: '{key}' is required")
        return entries

    def sequence(self, node: Node, what: str) -> list[Node]:
        if _is_null(node):
            return []
        if not isinstance(node, SequenceNode):
            raise self.fail(node, f"{what} must be a list (lines starting with '- ')")
        return list(node.value)

    def each(self, nodes: list[Node], convert: Callable[[Node], T]) -> Iterator[T]:
        for item in nodes:
            try:
                yield convert(item)
            except _Skip:
                continue

    def optional(
        self, entries: dict[str, tuple[Node, Node]], key: str, convert: Callable[[Node], T]
    ) -> T | None:
        if key not in entries or _is_null(entries[key][1]):
            return None
        try:
            return convert(entries[key][1])
        except _Skip:
            return None

    # -- scalars -----------------------------------------------------------------------------
    def string(self, node: Node, what: str) -> str:
        if not isinstance(node, ScalarNode) or _is_null(node):
            raise self.fail(node, f"{what} must be text")
        value = str(node.value)
        if not value.strip():
            raise self.fail(node, f"{what} must not be empty")
        return value

    def identifier(self, node: Node, what: str) -> str:
        value = self.string(node, what)
        if not _ID.fullmatch(value):
            raise self.fail(
                node,
                f"{what} {value[:60]!r}{'...' if len(value) > 60 else ''} is not a valid id: use "
                f"at most {MAX_ID} lower-case letters, digits, '_', '-', '.', starting with a "
                "letter or digit (e.g. russia_mod)",
            )
        return value

    def integer(self, node: Node, what: str) -> int:
        text = node.value if isinstance(node, ScalarNode) else None
        if not isinstance(text, str) or not re.fullmatch(r"[+-]?\d+", text.replace("_", "")):
            raise self.fail(
                node,
                f"{what} must be a whole number, got {text!r}; write digits only "
                "(2500, not '2.500' or '2.5k') and give the hedge as qualifier",
            )
        value = int(text.replace("_", ""))
        if value < 0:
            raise self.fail(node, f"{what} must not be negative, got {value}")
        if value > MAX_COUNT:
            raise self.fail(node, f"{what} is implausibly large ({value}); at most {MAX_COUNT}")
        return value

    def boolean(self, node: Node, what: str) -> bool:
        text = node.value.lower() if isinstance(node, ScalarNode) else None
        if text in ("true", "yes"):
            return True
        if text in ("false", "no"):
            return False
        raise self.fail(node, f"{what} must be true or false")

    def choice(self, node: Node, what: str, enum: type[T]) -> T:
        value = self.string(node, what)
        try:
            return enum(value)  # type: ignore[call-arg]
        except ValueError:
            options = ", ".join(str(m.value) for m in enum)  # type: ignore[attr-defined]
            raise self.fail(node, f"{what} must be one of {options}; got '{value}'") from None

    def day(self, node: Node, what: str) -> dt.date:
        value = self.string(node, what)
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise self.fail(
                node, f"{what} '{value}' is not a real date; write YYYY-MM-DD, e.g. 2022-01-13"
            ) from None


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag.endswith(":null")


def _problem_at(path: Path | None, node: Node, message: str) -> Problem:
    mark = node.start_mark
    return Problem(path, mark.line + 1, mark.column + 1, message)


def _compose(text: str, path: Path | None) -> Node | None:
    """Compose YAML into nodes, refusing aliases and non-plain tags."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = f"invalid YAML: {exc.problem or exc.context}"
        if mark is None:
            raise FactsError([Problem(path, None, None, message)]) from None
        raise FactsError([Problem(path, mark.line + 1, mark.column + 1, message)]) from None
    except yaml.reader.ReaderError as exc:  # a control character: no mark, a position
        line = text.count("\n", 0, exc.position) + 1
        char = exc.character
        code = ord(char) if isinstance(char, str) else int(char)
        message = f"invalid YAML: the control character U+{code:04X} is not allowed; remove it"
        raise FactsError([Problem(path, line, None, message)]) from None
    except yaml.YAMLError as exc:
        raise FactsError([Problem(path, None, None, f"invalid YAML: {exc}")]) from None
    if root is None:
        return None
    seen: set[int] = set()
    problems: list[Problem] = []
    stack: list[Node] = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            problems.append(_problem_at(path, node, "anchors and aliases (&, *) are not allowed"))
            continue
        seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            message = f"tag '{node.tag}' is not allowed in a facts file"
            problems.append(_problem_at(path, node, message))
            continue
        if isinstance(node, MappingNode):
            for key, value in node.value:
                stack.extend((value, key))
        elif isinstance(node, SequenceNode):
            stack.extend(reversed(node.value))
    if problems:  # an alias reports at its anchor, once however often it is used
        raise FactsError(sorted(set(problems), key=lambda p: (p.line or 0, p.column or 0)))
    return root


def parse_facts(
    text: str, *, path: Path | None = None, article_text: ArticleText | None = None
) -> Facts:
    """Parse the YAML text of a facts file.

    Args:
        text: the YAML.
        path: the file it came from, for messages and to find the article by ``source``.
        article_text: the article, to check evidence offsets; read from ``source`` if None.

    Raises:
        FactsError: with every problem found.
    """
    root = _compose(text, path)
    reader = _Reader(path)
    if root is None:
        raise FactsError([Problem(path, None, None, "the facts file is empty")])
    try:
        facts = _facts(reader, root, article_text)
    except _Skip:
        facts = None
    if reader.problems or facts is None:
        raise FactsError(sorted(reader.problems, key=lambda p: (p.line or 0, p.column or 0)))
    return facts


def load_facts(path: Path, *, check_evidence: bool = True) -> Facts:
    """Read and check a facts file.

    Args:
        path: the YAML file.
        check_evidence: read the article named by ``article.source`` and check that every
            evidence span quotes it at its offsets.

    Raises:
        FactsError: every problem in the file, each with line and column.
        InputError: the file cannot be read.
    """
    try:
        size = path.stat().st_size
        if size > MAX_FACTS_BYTES:
            raise InputError(f"facts file is larger than {MAX_FACTS_BYTES} bytes", path=path)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read facts file: {exc.strerror}", path=path) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"facts files must be UTF-8 (byte {data[exc.start]:#04x} at offset {exc.start} is "
            "not); convert the file, e.g. iconv -f WINDOWS-1252 -t UTF-8 (or -f UTF-16)",
            path=path,
            line=line,
        ) from None
    if not check_evidence:
        return parse_facts(text, path=path, article_text=_NO_ARTICLE)
    return parse_facts(text, path=path)


_NO_ARTICLE = ArticleText(meta={}, text="")

# The keys each mapping may have, and must have: derived from the dataclass fields' metadata.
_TOP = schema.TOP_KEYS
_ARTICLE = schema.yaml_keys(Article)
_REVIEW = schema.yaml_keys(Review)
_EVIDENCE = schema.yaml_keys(Evidence)
_QUANTITY = schema.yaml_keys(Quantity)
_DATE_KEYS = schema.yaml_keys(DateValue)
_ENTITY = schema.yaml_keys(Entity)
_DEPLOYMENT = schema.yaml_keys(Deployment)
_PROTEST = schema.yaml_keys(Protest)
_ROLE = schema.yaml_keys(Role)
_MEMBERSHIP = schema.yaml_keys(Membership)
_COUNTS = tuple(k.name for k in schema.keys(Protest) if k.kind == "quantity")


def _facts(r: _Reader, root: Node, article_text: ArticleText | None) -> Facts:
    top = r.mapping(root, "facts file", required=schema.required_keys(Facts), allowed=_TOP)
    if "format" in top:
        fmt = r.optional(top, "format", lambda n: r.string(n, "format"))
        if fmt is not None and fmt != FORMAT:
            r.problem(top["format"][1], f"unsupported format '{fmt}'; this kg reads {FORMAT}")
    article = r.optional(top, "article", lambda n: _article(r, n))
    review = r.optional(top, "review", lambda n: _review(r, n)) or Review()
    if article is None:  # already reported; read on to report the rest too
        article = Article("invalid", "", dt.date(1970, 1, 1), "und")
        article_text = _NO_ARTICLE
    elif article_text is None:
        article_text = _read_source(r, top["article"][1], article)
    text = article_text.text if article_text is not _NO_ARTICLE else None

    def listed(key: str, convert: Callable[[Node], T]) -> tuple[T, ...]:
        if key not in top:
            return ()
        try:
            nodes = r.sequence(top[key][1], key)
        except _Skip:
            return ()
        return tuple(r.each(nodes, convert))

    entities = listed("entities", lambda n: _entity(r, n, text))
    deployments = listed("deployments", lambda n: _deployment(r, n, text, article.published))
    protests = listed("protests", lambda n: _protest(r, n, text, article.published))
    roles = listed("roles", lambda n: _role(r, n, text))
    memberships = listed("memberships", lambda n: _membership(r, n, text))
    facts = Facts(article, review, entities, deployments, protests, roles, memberships)
    _check_references(r, top, facts)
    return facts


def _read_source(r: _Reader, node: Node, article: Article) -> ArticleText:
    if article.source is None:
        return _NO_ARTICLE
    base = r.path.parent if r.path is not None else Path.cwd()
    source = base / article.source
    try:
        return read_article(source)
    except ArticleError as exc:
        r.problem(node, f"article.source '{article.source}': {exc.message}")
        return _NO_ARTICLE


def _article(r: _Reader, node: Node) -> Article:
    e = r.mapping(node, "article", required=schema.required_keys(Article), allowed=_ARTICLE)
    key = r.optional(e, "id", lambda n: r.identifier(n, "article.id"))
    title = r.optional(e, "title", lambda n: r.string(n, "article.title"))
    published = r.optional(e, "published", lambda n: r.day(n, "article.published"))
    language = r.optional(e, "language", lambda n: _language(r, n))
    authors: tuple[str, ...] = ()
    if "authors" in e:
        try:
            nodes = r.sequence(e["authors"][1], "article.authors")
            authors = tuple(r.each(nodes, lambda n: r.string(n, "an author")))
        except _Skip:
            pass
    url = r.optional(e, "url", lambda n: _url(r, n))
    if title is None or language is None:
        raise _Skip()
    if key is None:
        if url is None and r.path is None:
            raise r.fail(node, "article: give an 'id' (or a 'url') so the article has a stable IRI")
        key = _key_from(url, r.path)
    return Article(
        key=key,
        title=title,
        published=published,
        language=language,
        publisher=r.optional(e, "publisher", lambda n: r.string(n, "article.publisher")),
        url=url,
        authors=authors,
        source=r.optional(e, "source", lambda n: r.string(n, "article.source")),
        sha256=r.optional(e, "sha256", lambda n: r.string(n, "article.sha256")),
    )


def _key_from(url: str | None, path: Path | None) -> str:
    import hashlib

    if path is not None:
        stem = re.sub(r"[^a-z0-9_.-]+", "-", path.name.split(".")[0].lower()).strip("-.")
        if stem and _ID.fullmatch(stem):
            return stem
    assert url is not None or path is not None
    return hashlib.sha256((url or str(path)).encode()).hexdigest()[:16]


def _language(r: _Reader, node: Node) -> str:
    value = r.string(node, "article.language")
    if not _LANG.fullmatch(value):
        raise r.fail(node, f"article.language '{value}' must be a language code such as id or en")
    return value


def _url(r: _Reader, node: Node) -> str:
    value = r.string(node, "article.url")
    # the same check as every IRI kg mints or accepts: a URL that passes here also passes
    # kg build and every store (no spaces, control characters, '<>"{}|^`', bad %-escapes)
    if not re.match(r"https?://", value) or not is_absolute_iri(value):
        raise r.fail(
            node,
            f"article.url {value!r} must be an http(s) URL without spaces, control "
            'characters or any of <>"{}|^` and with valid %-escapes',
        )
    return value


def _review(r: _Reader, node: Node) -> Review:
    e = r.mapping(node, "review", allowed=_REVIEW)
    return Review(
        status=r.optional(e, "status", lambda n: r.choice(n, "review.status", ReviewStatus))
        or ReviewStatus.DRAFT,
        by=r.optional(e, "by", lambda n: r.string(n, "review.by")),
        date=r.optional(e, "date", lambda n: r.day(n, "review.date")),
        tool=r.optional(e, "tool", lambda n: r.string(n, "review.tool")),
    )


def _evidence_list(
    r: _Reader, e: dict[str, tuple[Node, Node]], text: str | None
) -> tuple[Evidence, ...]:
    if "evidence" not in e:
        return ()
    try:
        nodes = r.sequence(e["evidence"][1], "evidence")
    except _Skip:
        return ()
    return tuple(r.each(nodes, lambda n: _evidence(r, n, text)))


def _evidence(r: _Reader, node: Node, text: str | None) -> Evidence:
    e = r.mapping(node, "evidence", required=schema.required_keys(Evidence), allowed=_EVIDENCE)
    start = r.optional(e, "start", lambda n: r.integer(n, "evidence.start"))
    end = r.optional(e, "end", lambda n: r.integer(n, "evidence.end"))
    quote = r.optional(e, "text", lambda n: r.string(n, "evidence.text"))
    if start is None or end is None or quote is None:
        raise _Skip()
    if end <= start:
        raise r.fail(node, f"evidence: end ({end}) must be greater than start ({start})")
    if end - start != len(quote):
        raise r.fail(
            node,
            f"evidence: end - start is {end - start} "
            f"but the quoted text has {len(quote)} characters",
        )
    if text is not None:
        if end > len(text):
            raise r.fail(
                node,
                f"evidence: offsets {start}:{end} are outside the article ({len(text)} characters)",
            )
        if text[start:end] != quote:
            found = text.find(quote)
            hint = f"; the quote is found at {found}:{found + len(quote)}" if found >= 0 else ""
            raise r.fail(
                node,
                f"evidence: the article at {start}:{end} reads {text[start:end][:60]!r}, "
                f"not the quoted text{hint}",
            )
    return Evidence(start, end, quote)


def _entity(r: _Reader, node: Node, text: str | None) -> Entity:
    e = r.mapping(node, "entity", required=schema.required_keys(Entity), allowed=_ENTITY)
    entity_id = r.optional(e, "id", lambda n: r.identifier(n, "entity id"))
    kind = r.optional(e, "type", lambda n: r.choice(n, "entity type", EntityType))
    names: tuple[str, ...] = ()
    if "names" in e:
        with contextlib.suppress(_Skip):
            names = tuple(
                r.each(r.sequence(e["names"][1], "names"), lambda n: r.string(n, "a name"))
            )
        if not names and not _is_null(e["names"][1]):
            r.problem(e["names"][1], "entity: give at least one name")
    wikidata = r.optional(e, "wikidata", lambda n: _qid(r, n))
    evidence = _evidence_list(r, e, text)
    if entity_id is None or kind is None or not names:
        raise _Skip()
    return Entity(
        id=entity_id,
        type=kind,
        names=names,
        authority=r.optional(e, "authority", lambda n: r.identifier(n, "entity authority")),
        wikidata=wikidata,
        evidence=evidence,
        reviewed=r.optional(e, "reviewed", lambda n: r.boolean(n, "reviewed")) or False,
    )


def _qid(r: _Reader, node: Node) -> str:
    value = r.string(node, "wikidata")
    if not _QID.fullmatch(value):
        raise r.fail(node, f"wikidata {value!r} must be a Wikidata item id such as Q232")
    return value


def _quantity(r: _Reader, node: Node, what: str) -> Quantity:
    if isinstance(node, ScalarNode):
        exact = r.integer(node, what)
        return Quantity(Qualifier.EXACT, exact, exact, exact)
    e = r.mapping(node, what, required=schema.required_keys(Quantity), allowed=_QUANTITY)
    qualifier = r.optional(e, "qualifier", lambda n: r.choice(n, f"{what}.qualifier", Qualifier))
    value = r.optional(e, "value", lambda n: r.integer(n, f"{what}.value"))
    low = r.optional(e, "min", lambda n: r.integer(n, f"{what}.min"))
    high = r.optional(e, "max", lambda n: r.integer(n, f"{what}.max"))
    verbatim = r.optional(e, "text", lambda n: r.string(n, f"{what}.text"))
    if qualifier is None:
        raise _Skip()
    vague = qualifier == Qualifier.VAGUE
    if vague and value is not None:
        raise r.fail(
            node,
            f"{what}: a vague count has no value; give min and max bounds instead "
            "(e.g. 'puluhan' is 20..99)",
        )
    if not vague and value is None:
        if "value" in e and not _is_null(e["value"][1]):
            raise _Skip()  # the value itself was wrong, and is reported already
        raise r.fail(node, f"{what}: a count qualified '{qualifier.value}' needs a value")
    if vague and low is None and high is None:
        raise r.fail(node, f"{what}: a vague count needs min or max bounds")
    low, high = default_bounds(qualifier, value, low, high)
    if low is not None and high is not None and low > high:
        raise r.fail(node, f"{what}: min ({low}) is greater than max ({high})")
    stated = value if qualifier is not Qualifier.MORE_THAN else None  # "more than N" excludes N
    if stated is not None and (
        (low is not None and stated < low) or (high is not None and stated > high)
    ):
        raise r.fail(node, f"{what}: value {stated} lies outside its bounds {low}..{high}")
    return Quantity(qualifier, value, low, high, verbatim)


def _date(r: _Reader, node: Node, what: str, published: dt.date | None) -> DateValue:
    if isinstance(node, ScalarNode):
        value, precision = _date_text(r, node, what)
        earliest, latest = date_bounds(value, precision)
        _check_not_too_late(r, node, what, earliest, published)
        return DateValue(value, precision, earliest, latest)
    e = r.mapping(node, what, required=schema.required_keys(DateValue), allowed=_DATE_KEYS)
    if "date" not in e:
        raise _Skip()
    value, precision = _date_text(r, e["date"][1], f"{what}.date")
    if "precision" in e:
        given = r.optional(e, "precision", lambda n: r.choice(n, f"{what}.precision", Precision))
        if given is not None and given is not precision:
            raise r.fail(
                e["precision"][1],
                f"{what}: precision {given.value} does not match the date '{e['date'][1].value}'",
            )
    earliest, latest = date_bounds(value, precision)
    low = r.optional(e, "earliest", lambda n: r.day(n, f"{what}.earliest")) or earliest
    high = r.optional(e, "latest", lambda n: r.day(n, f"{what}.latest")) or latest
    if low > high:
        raise r.fail(node, f"{what}: earliest {low} is after latest {high}")
    if not low <= latest or not high >= earliest:
        raise r.fail(node, f"{what}: the bounds {low}..{high} do not contain the date")
    _check_not_too_late(r, node, what, low, published)
    return DateValue(
        value=value,
        precision=precision,
        earliest=low,
        latest=high,
        approximate=r.optional(e, "approximate", lambda n: r.boolean(n, f"{what}.approximate"))
        or False,
        text=r.optional(e, "text", lambda n: r.string(n, f"{what}.text")),
    )


def _check_not_too_late(
    r: _Reader, node: Node, what: str, earliest: dt.date, published: dt.date | None
) -> None:
    if (
        published is not None and earliest.toordinal() > published.toordinal() + 3660
    ):  # no overflow near year 9999
        raise r.fail(
            node, f"{what}: {earliest} is more than ten years after the article was published"
        )


def _date_text(r: _Reader, node: Node, what: str) -> tuple[dt.date, Precision]:
    text = node.value if isinstance(node, ScalarNode) else None
    match = _DATE.match(text) if isinstance(text, str) else None
    if match is None:
        raise r.fail(node, f"{what} must be YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        value = dt.date(year, month or 1, day or 1)
    except ValueError as exc:
        raise r.fail(node, f"{what} '{text}' is not a real date ({exc})") from None
    precision = Precision.DAY if day else Precision.MONTH if month else Precision.YEAR
    return value, precision


def _deployment(r: _Reader, node: Node, text: str | None, published: dt.date | None) -> Deployment:
    e = r.mapping(
        node, "deployment", required=schema.required_keys(Deployment), allowed=_DEPLOYMENT
    )
    values = _declared_fields(r, e, Deployment, text, published)
    if any(values.get(k.attr) is None for k in schema.keys(Deployment) if k.required):
        raise _Skip()
    return Deployment(**values)


def _declared_fields(
    r: _Reader,
    e: dict[str, tuple[Node, Node]],
    cls: type,
    text: str | None,
    published: dt.date | None,
) -> dict[str, Any]:
    """The fields of ``cls`` read from a mapping's entries by their declared kind; a field
    left out (or wrong, which is reported) gets its default."""
    values: dict[str, Any] = {}
    for key in schema.keys(cls):
        value = _declared_value(r, e, key, text, published)
        if value is not None:
            values[key.attr] = value
    for name in _without_default(cls):  # optional without a default (Role.of): None
        values.setdefault(name, None)
    return values


@functools.cache
def _without_default(cls: type) -> tuple[str, ...]:
    return tuple(
        f.name
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    )


def _declared_value(
    r: _Reader,
    e: dict[str, tuple[Node, Node]],
    key: schema.Key,
    text: str | None,
    published: dt.date | None,
) -> Any:
    name, kind = key.name, key.kind
    if kind == "evidence":
        return _evidence_list(r, e, text)
    if kind in ("id", "ref", "key"):
        return r.optional(e, name, lambda n: r.identifier(n, name))
    if kind == "enum":
        enum = key.enum
        assert enum is not None
        return r.optional(e, name, lambda n: r.choice(n, name, enum))
    if kind == "quantity":
        return r.optional(e, name, lambda n: _quantity(r, n, name))
    if kind == "date":
        return r.optional(e, name, lambda n: _date(r, n, name, published))
    if kind == "bool":
        return r.optional(e, name, lambda n: r.boolean(n, name))
    if kind == "text":
        return r.optional(e, name, lambda n: r.string(n, name))
    if kind == "count":
        return r.optional(e, name, lambda n: r.integer(n, name))
    if kind == "day":
        return r.optional(e, name, lambda n: r.day(n, name))
    if kind in ("refs", "texts"):
        if name not in e:
            return None
        try:
            nodes = r.sequence(e[name][1], name)
        except _Skip:
            return None
        if kind == "refs":
            return tuple(r.each(nodes, lambda n: r.identifier(n, f"an item of {name}")))
        return tuple(r.each(nodes, lambda n: r.string(n, f"an item of {name}")))
    raise TypeError(f"{key.attr}: the loader cannot read a field of kind {kind!r} by itself")


def _protest(r: _Reader, node: Node, text: str | None, published: dt.date | None) -> Protest:
    e = r.mapping(node, "protest", required=schema.required_keys(Protest), allowed=_PROTEST)
    ref = _ref_reader(r, e)
    fid = ref("id")
    places: tuple[str, ...] = ()
    causes: tuple[str, ...] = ()
    if "places" in e:
        try:
            nodes = r.sequence(e["places"][1], "places")
            places = tuple(r.each(nodes, lambda n: r.identifier(n, "a place")))
        except _Skip:
            pass
    if "causes" in e:
        try:
            nodes = r.sequence(e["causes"][1], "causes")
            causes = tuple(r.each(nodes, lambda n: _cause(r, n)))
        except _Skip:
            pass
    counts = {
        key: r.optional(e, key, lambda n, k=key: _quantity(r, n, k))  # type: ignore[misc]
        for key in _COUNTS
    }
    evidence = _evidence_list(r, e, text)
    result = dict(
        location=ref("location"),
        places=places,
        causes=causes,
        start=r.optional(e, "start", lambda n: _date(r, n, "start", published)),
        end=r.optional(e, "end", lambda n: _date(r, n, "end", published)),
        reviewed=r.optional(e, "reviewed", lambda n: r.boolean(n, "reviewed")) or False,
        **counts,
    )
    if fid is None:
        raise _Skip()
    return Protest(id=fid, evidence=evidence, **result)  # type: ignore[arg-type]


def _cause(r: _Reader, node: Node) -> str:
    value = r.string(node, "a cause")
    if len(value.strip()) < 2:
        raise r.fail(node, f"a cause is a short phrase such as 'fuel prices', got {value!r}")
    return value


def _role(r: _Reader, node: Node, text: str | None) -> Role:
    e = r.mapping(node, "role", required=schema.required_keys(Role), allowed=_ROLE)
    values = _declared_fields(r, e, Role, text, None)
    if any(values.get(k.attr) is None for k in schema.keys(Role) if k.required):
        raise _Skip()
    return Role(**values)


def _membership(r: _Reader, node: Node, text: str | None) -> Membership:
    e = r.mapping(
        node, "membership", required=schema.required_keys(Membership), allowed=_MEMBERSHIP
    )
    values = _declared_fields(r, e, Membership, text, None)
    if any(values.get(k.attr) is None for k in schema.keys(Membership) if k.required):
        raise _Skip()
    member, org = values["member"], values["organization"]
    if member == org:
        raise r.fail(
            e["organization"][1],
            f"membership: '{org}' cannot be a member of itself; "
            "the member is another organization or a country",
        )
    return Membership(**values)


def _ref_reader(r: _Reader, e: dict[str, tuple[Node, Node]]) -> Callable[[str], str | None]:
    return lambda key: r.optional(e, key, lambda n: r.identifier(n, key))


# Which entity types each reference may point to (the fields' ``refers`` metadata).
_REFS = schema.REFERENCES


def _check_references(r: _Reader, top: dict[str, tuple[Node, Node]], facts: Facts) -> None:
    """Unknown or ill-typed entity references and duplicate ids, at their YAML positions."""
    types = {}
    seen: dict[str, int] = {}
    declared_entities: set[str] = set()
    for section in schema.SECTIONS:
        if section not in top or not isinstance(top[section][1], SequenceNode):
            continue
        for item in top[section][1].value:
            if not isinstance(item, MappingNode):
                continue
            entries = {k.value: (k, v) for k, v in item.value if isinstance(k, ScalarNode)}
            if "id" in entries and isinstance(entries["id"][1], ScalarNode):
                fid = entries["id"][1].value
                if fid in seen:
                    r.problem(
                        entries["id"][1], f"duplicate id '{fid}' (first used on line {seen[fid]})"
                    )
                else:
                    seen[fid] = entries["id"][1].start_mark.line + 1
                if section == "entities":
                    declared_entities.add(fid)
    for entity in facts.entities:
        types[entity.id] = entity.type
    invalid = declared_entities - set(types)  # declared, but wrong: reported already
    _check_same_node(r, top, facts)
    _check_membership_cycles(r, top, facts)
    for section, refs in _REFS.items():
        if section not in top or not isinstance(top[section][1], SequenceNode):
            continue
        for item in top[section][1].value:
            if not isinstance(item, MappingNode):
                continue
            for key_node, value_node in item.value:
                if key_node.value not in refs:
                    continue
                targets = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
                for target in targets:
                    if not isinstance(target, ScalarNode) or _is_null(target):
                        continue
                    if target.value not in invalid:
                        _check_ref(r, target, key_node.value, refs[key_node.value], types)


def _check_membership_cycles(r: _Reader, top: dict[str, tuple[Node, Node]], facts: Facts) -> None:
    """Memberships that go round in a circle ("a" in "b", "b" in "a"), at the one that
    closes it."""
    organization_node: dict[str, Node] = {}
    if "memberships" in top and isinstance(top["memberships"][1], SequenceNode):
        for item in top["memberships"][1].value:
            if isinstance(item, MappingNode):
                entries = {k.value: v for k, v in item.value if isinstance(k, ScalarNode)}
                fid = entries.get("id")
                if isinstance(fid, ScalarNode) and "organization" in entries:
                    organization_node[fid.value] = entries["organization"]
    within: dict[str, list[str]] = {}  # a member -> the organizations it is in
    for m in facts.memberships:
        back = _chain(within, m.organization, m.member)
        if back is None:
            within.setdefault(m.member, []).append(m.organization)
            continue
        circle = " -> ".join([m.member, *back])
        r.problem(
            organization_node[m.id],
            f"membership '{m.id}' closes a circle of memberships ({circle}): an organization "
            "cannot be, even through others, a member of one of its members",
        )


def _chain(within: dict[str, list[str]], start: str, goal: str) -> list[str] | None:
    """The members-of path from ``start`` to ``goal`` (both included), if there is one."""
    came_from: dict[str, str | None] = {start: None}
    todo = [start]
    while todo:
        here = todo.pop()
        if here == goal:
            path = [here]
            while (prev := came_from[path[-1]]) is not None:
                path.append(prev)
            return path[::-1]
        for there in within.get(here, []):
            if there not in came_from:
                came_from[there] = here
                todo.append(there)
    return None


def _check_ref(
    r: _Reader,
    node: ScalarNode,
    key: str,
    allowed: frozenset[EntityType],
    types: dict[str, EntityType],
) -> None:
    ref = node.value
    if ref not in types:
        known = ", ".join(sorted(types)[:8]) or "none"
        r.problem(node, f"{key}: unknown entity '{ref}'; add it under entities (known: {known})")
    elif types[ref] not in allowed:
        wanted = " or ".join(sorted(t.value for t in allowed))
        r.problem(node, f"{key}: '{ref}' is a {types[ref].value}, but {key} must be a {wanted}")


def fact_lines(text: str) -> dict[str, int]:
    """The line of each fact and entity id in a facts file's YAML (for pointing at facts).

    >>> fact_lines("entities:\\n  - id: csto\\n    type: Organization\\n")
    {'csto': 2}
    """
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return {}
    lines: dict[str, int] = {}
    if not isinstance(root, MappingNode):
        return lines
    for _, section in root.value:
        if not isinstance(section, SequenceNode):
            continue
        for item in section.value:
            if not isinstance(item, MappingNode):
                continue
            for key, value in item.value:
                if key.value == "id" and isinstance(value, ScalarNode):
                    lines.setdefault(value.value, item.start_mark.line + 1)
    return lines


def _check_same_node(r: _Reader, top: dict[str, tuple[Node, Node]], facts: Facts) -> None:
    """Two entities that would get the same IRI (same type and authority key, or same type
    and first name without one) would silently merge: say so, where the second is."""
    nodes = (
        {
            item.start_mark.line: item
            for item in top["entities"][1].value
            if isinstance(top["entities"][1], SequenceNode)
        }
        if "entities" in top
        else {}
    )
    first: dict[tuple[str, str], str] = {}
    lines = sorted(nodes)
    for entity in facts.entities:
        key = (entity.type.value, entity.authority or slug(entity.names[0]))
        if key not in first:
            first[key] = entity.id
            continue
        where = next((nodes[line] for line in lines if _entity_id(nodes[line]) == entity.id), None)
        how = f"authority key '{entity.authority}'" if entity.authority else "first name"
        r.problem(
            where,
            f"entities '{first[key]}' and '{entity.id}' have the same type and {how}, so they "
            "would be one node: merge them into one entity (all names under one id)",
        )


def _entity_id(node: Node) -> str | None:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value == "id" and isinstance(value, ScalarNode):
                return str(value.value)
    return None

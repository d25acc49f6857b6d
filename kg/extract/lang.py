"""Language resources: one YAML file per language in ``kg/resources/lang/``.

Adding a language is adding a file; the code only reads the lists and tables it holds.
Resources are loaded once per process and their patterns compiled once. An article
without a language is given the one whose function words it uses most
(:func:`detect_language`).

>>> detect_language("Pasukan itu dikirim ke Kazakhstan dan tiba pada hari Kamis.")
'id'

>>> res = resources("id")
>>> res.titles["menteri pertahanan"], res.vague_counts["puluhan"]
('Defence Minister', (20, 99))
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kg.errors import InputError
from kg.languages import LANG_DIR, available

__all__ = [
    "LANG_DIR",
    "LangResources",
    "available",
    "detect_language",
    "load_resources",
    "phrase_pattern",
    "resources",
    "schema",
]


class _Loader(yaml.SafeLoader):
    """YAML 1.2 booleans only: the words 'on', 'no', 'yes' and 'off' stay words; a key
    given twice in one mapping is refused (the second would silently replace the first)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            line = key_node.start_mark.line + 1
            if key in seen:
                raise yaml.MarkedYAMLError(
                    problem=f"duplicate key '{key}' (first given on line {seen[key]})",
                    problem_mark=key_node.start_mark,
                )
            seen[key] = line
        return super().construct_mapping(node, deep=deep)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def phrase_pattern(
    phrases: list[str] | tuple[str, ...], *, case: bool = False, joiner: str = r"\s+"
) -> re.Pattern[str]:
    """A regex matching any phrase as whole words, longest first (``joiner`` between its
    words)."""
    alts = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", joiner) for p in alts) or r"(?!x)x"
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", 0 if case else re.IGNORECASE)


@dataclass(frozen=True, eq=False)
class LangResources:
    """The word lists and tables of one language, with compiled patterns."""

    code: str
    raw: dict[str, Any]
    detect: frozenset[str]
    decimal_comma: bool
    head_first: bool  # modifiers follow the noun: "militer Senegal", "Kazakhstan barat"
    number_words: dict[str, int]
    multipliers: dict[str, int]
    vague_counts: dict[str, tuple[int, int]]
    qualifiers: dict[str, str]
    months: dict[str, int]
    weekdays: dict[str, int]
    titles: dict[str, str]
    title_modifiers: dict[str, str]
    ranks: dict[str, str | None]
    stopwords: frozenset[str]
    abbreviations: frozenset[str]  # lower case, without their dot
    org_heads: frozenset[str]
    org_words: frozenset[str]
    loc_heads: frozenset[str]
    loc_words: frozenset[str]
    causes: tuple[tuple[re.Pattern[str], str], ...]

    def words(self, key: str) -> tuple[str, ...]:
        """A list of phrases from the file (a key the schema does not declare is a bug)."""
        _declared(key)
        value = self.raw.get(key) or []
        return tuple(str(v) for v in value)

    def table(self, key: str) -> dict[str, Any]:
        """A mapping from the file (a key the schema does not declare is a bug)."""
        _declared(key)
        value = self.raw.get(key) or {}
        return {str(k).lower(): v for k, v in value.items()}

    @functools.cached_property
    def patterns(self) -> dict[str, re.Pattern[str]]:
        """Compiled whole-word patterns for every phrase list, by key."""
        return {
            key: phrase_pattern([str(v) for v in value])
            for key, value in self.raw.items()
            if isinstance(value, list) and key not in ("credit_patterns", "credit_tails")
        }

    @functools.cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every word of the file's lists and tables, case-folded: words of the language,
        never evidence of a name ("Hari" opens "Hari Buruh", Labour Day)."""
        out: set[str] = set()
        stack: list[Any] = [self.raw]
        while stack:
            value = stack.pop()
            if isinstance(value, dict):
                stack.extend(map(str, value))
                stack.extend(value.values())
            elif isinstance(value, list | tuple):
                stack.extend(value)
            elif isinstance(value, str):
                out.update(w.casefold() for w in re.findall(r"[^\W\d_]+", value))
        return frozenset(out)

    def pattern(self, key: str) -> re.Pattern[str]:
        """The compiled pattern of one phrase list."""
        _declared(key)
        return self.patterns.get(key) or phrase_pattern([])

    @functools.cached_property
    def possessive(self) -> str:
        """A regex of the endings that make a name its owner (``possessive_endings``:
        "Kenya's"), to write right after the name; it never matches in a language that
        has none."""
        return _endings(self.words("possessive_endings"))

    @functools.cached_property
    def any_possessive(self) -> str:
        """A regex of the possessive endings, with those of a plural owner
        (``plural_possessive_endings``: "the protesters' demands")."""
        return _endings(
            [*self.words("possessive_endings"), *self.words("plural_possessive_endings")]
        )


def _endings(endings: list[str] | tuple[str, ...]) -> str:
    """A regex matching any of ``endings`` as written, longest first, with no word boundary
    before it (an ending is glued to its word)."""
    alts = sorted(dict.fromkeys(e for e in endings if e), key=len, reverse=True)
    return "(?:" + ("|".join(map(re.escape, alts)) or r"(?!x)x") + ")"


def _ranks(value: object) -> dict[str, str | None]:
    """Ranks and honorifics: a mapping to English labels (None for an honorific), or a list."""
    if isinstance(value, dict):
        return {str(k).lower(): None if v is None else str(v) for k, v in value.items()}
    return {str(k).lower(): None for k in value or ()} if isinstance(value, list) else {}


_KINDS: dict[str, tuple[type, ...]] = {
    "words": (list,),
    "table": (dict,),
    "flag": (bool,),
    "text": (str,),
}


@functools.cache
def schema() -> dict[str, str]:
    """The declared keys of a language file and their kinds (``schema.yaml``)."""
    data = yaml.load((LANG_DIR / "schema.yaml").read_text(encoding="utf-8"), Loader=_Loader)
    return {str(k): str(v["kind"]) for k, v in data["keys"].items()}


def _declared(key: str) -> None:
    if key not in schema():
        raise KeyError(f"'{key}' is not a key of kg/resources/lang/schema.yaml")


def _check_schema(raw: dict[str, Any], path: Path) -> None:
    """Refuse a language file whose keys differ from the schema or whose values are of
    the wrong kind: a misspelt key would otherwise switch a rule off without a word."""
    declared = schema()
    problems = [f"unknown key '{k}'" for k in raw if k not in declared]
    problems += [f"missing key '{k}'" for k in declared if k not in raw]
    for key, kind in declared.items():
        value = raw.get(key)
        if key in raw and value is not None and not isinstance(value, _KINDS[kind]):
            problems.append(f"'{key}' must be {kind}, got {type(value).__name__}")
    if problems:
        raise InputError(
            "the language file does not follow kg/resources/lang/schema.yaml: "
            + "; ".join(problems)
            + " (every key of the schema, each with a value of its kind)",
            path=path,
        )


@functools.cache
def resources(code: str) -> LangResources:
    """The resources of a language (loaded once per process).

    Raises:
        InputError: no file for this language, or a malformed one.
    """
    return load_resources(code, LANG_DIR / f"{code}.yaml")


def load_resources(code: str, path: Path) -> LangResources:
    """The resources of language ``code`` from the file ``path``, checked against the schema.

    Raises:
        InputError: no such file, or a malformed one.
    """
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except OSError:
        langs = ", ".join(available())
        raise InputError(
            f"no language resources for '{code}'; available: {langs} "
            f"(add a file {code}.yaml to {LANG_DIR})",
            path=path,
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(
            f"malformed language file: {problem}",
            path=path,
            line=mark.line + 1 if mark is not None else None,
        ) from None
    if not isinstance(raw, dict):
        raise InputError("a language file must be a mapping", path=path)
    _check_schema(raw, path)
    qualifiers = {
        str(phrase).lower(): str(kind)
        for kind, phrases in (raw.get("qualifiers") or {}).items()
        for phrase in phrases
    }

    def lower(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw.get(key) or ())

    return LangResources(
        code=code,
        raw=raw,
        detect=lower("detect"),
        decimal_comma=bool(raw.get("decimal_comma")),
        head_first=bool(raw.get("head_first")),
        number_words={str(k).lower(): int(v) for k, v in (raw.get("number_words") or {}).items()},
        multipliers={str(k).lower(): int(v) for k, v in (raw.get("multipliers") or {}).items()},
        vague_counts={
            str(k).lower(): (int(v[0]), int(v[1]))
            for k, v in (raw.get("vague_counts") or {}).items()
        },
        qualifiers=qualifiers,
        months={str(k).lower(): int(v) for k, v in (raw.get("months") or {}).items()},
        weekdays={str(k).lower(): int(v) for k, v in (raw.get("weekdays") or {}).items()},
        titles={str(k).lower(): str(v) for k, v in (raw.get("titles") or {}).items()},
        title_modifiers={
            str(k).lower(): str(v) for k, v in (raw.get("title_modifiers") or {}).items()
        },
        ranks=_ranks(raw.get("ranks")),
        stopwords=lower("stopwords"),
        abbreviations=lower("abbreviations"),
        org_heads=lower("org_heads"),
        org_words=lower("org_words"),
        loc_heads=lower("loc_heads"),
        loc_words=lower("loc_words"),
        causes=tuple(
            (re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), str(label))
            for pattern, label in (raw.get("causes") or {}).items()
        ),
    )


_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str:
    """The language whose function words are most frequent in the text (default ``en``)."""
    words = [w.lower() for w in _WORD.findall(text[:5000])]
    best, best_score = "en", 0
    for code in available():
        marks = resources(code).detect
        score = sum(1 for w in words if w in marks)
        if score > best_score:
            best, best_score = code, score
    return best

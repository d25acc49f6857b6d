"""Bad input at every entry point: a clear message naming the file, exit 2 (1 for violations).

Each case runs ``python -m kg build|validate|extract`` as a subprocess (so a traceback would
show), with a timeout (so a hang fails), and checks that no output directory is left behind.
The library is checked in-process: it raises an error of :mod:`kg.errors`, nothing else.

Decisions documented here (and in the report of issue 6):

- A reference to an id that is not an entity (an unknown one, or a fact's id such as
  ``requested_by: d1``) is an error of the facts file; so is an organization that is a member
  of itself. A state that deploys troops to itself, or requests its own deployment, is
  allowed (domestic deployments). An entity whose ``authority`` key equals its own id is
  allowed: authority keys and local ids are separate name spaces.
- A facts file may give any well-formed language tag (``xx``); extraction refuses a language
  it has no rules for. Facts files must be UTF-8; articles may also be UTF-16 with a BOM.
  CRLF line ends are accepted everywhere (article offsets count the text with LF ends).
"""

from __future__ import annotations

import codecs
import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from kg.articles import MAX_ARTICLE_BYTES, parse_text, read_article
from kg.errors import ArticleError, InputError
from kg.extract.pipeline import MAX_EXTRACT_CHARS, extract
from kg.facts import load_facts

ARTICLE = """\
title: Alpha sends troops
publisher: Test Wire
published: 2024-01-02
language: en
url: https://news.example/alpha
---
Alpha sent 300 troops to Beta on Tuesday, said President Carla Reyes.
"""
# Offsets count characters of the body (the text after the '---' line).
FACTS = """\
format: kg-facts/1
article:
  id: alpha-beta
  title: Alpha sends troops
  published: '2024-01-02'
  language: en
  source: article.txt
entities:
- id: alpha
  type: Organization
  names: [Alpha]
  evidence:
  - {start: 0, end: 5, text: Alpha}
- id: beta
  type: Location
  names: [Beta]
  evidence:
  - {start: 25, end: 29, text: Beta}
- id: reyes
  type: Person
  names: [Carla Reyes]
  evidence:
  - {start: 57, end: 68, text: Carla Reyes}
deployments:
- id: d1
  by: alpha
  to: beta
  troops: 300
  start: '2024-01-02'
  evidence:
  - {start: 0, end: 40, text: Alpha sent 300 troops to Beta on Tuesday}
"""
TIMEOUT = 120


def replace(old: str, new: str) -> Callable[[str], str]:
    """A change to :data:`FACTS` (the old text must be there, so a case cannot go stale)."""

    def change(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return change


def append(extra: str) -> Callable[[str], str]:
    return lambda text: text + extra


@dataclass(frozen=True)
class Case:
    """A facts file (bytes, or a change to the good one), its exit code and message."""

    id: str
    content: bytes | Callable[[str], str]
    message: str
    line: int | None = None
    exit_code: int = 2

    def data(self) -> bytes:
        if isinstance(self.content, bytes):
            return self.content
        return self.content(FACTS).encode("utf-8")


LAUGHS = b"""\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""
FACTS_CASES = [
    Case("empty", b"", "the facts file is empty"),
    Case("whitespace-only", b"  \n\n", "the facts file is empty"),
    Case("binary", bytes(range(256)) * 8, "facts files must be UTF-8", 2),
    Case("invalid-utf8", FACTS.encode().replace(b"sends", b"s\xffnds", 1), "must be UTF-8", 4),
    Case(
        "windows-1252",
        FACTS.replace("Alpha sends troops", "Caf\u00e9 \u201cAlpha\u201d", 1).encode("cp1252"),
        "iconv -f WINDOWS-1252",
        4,
    ),
    Case("utf16-bom", codecs.BOM_UTF16_LE + FACTS.encode("utf-16-le"), "must be UTF-8", 1),
    Case("nul-character", FACTS.encode() + b"x: \x00\n", "control character U+0000", 32),
    Case("not-a-mapping", b"- just\n- a list\n", "must be a mapping", 1),
    Case("deep-nesting", b"[" * 50_000 + b"]" * 50_000, "invalid YAML", 1),
    Case("billion-laughs", LAUGHS, "anchors and aliases (&, *) are not allowed", 1),
    Case(
        "python-tag",
        b'article: !!python/object/apply:os.system ["echo pwned > pwned.txt"]\n',
        "tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed",
        1,
    ),
    Case("custom-tag", replace("title: Alpha", "title: !shout Alpha"), "tag '!shout'", 4),
    Case(
        "duplicate-key",
        replace("  language: en\n", "  language: en\n  language: id\n"),
        "duplicate key 'language' (first given on line 6)",
        7,
    ),
    Case("duplicate-id", replace("- id: beta", "- id: alpha"), "duplicate id 'alpha'", 14),
    Case("names-not-a-list", replace("names: [Beta]", "names: 5"), "names must be a list", 16),
    Case("reference-a-list", replace("by: alpha", "by: [alpha]"), "by must be text", 26),
    Case(
        "bool-not-bool",
        replace("  troops: 300", "  reviewed: maybe\n  troops: 300"),
        "true or false",
        28,
    ),
    Case(
        "entities-a-mapping",
        replace("entities:\n", "entities: {}\nx:\n"),
        "entities must be a list",
        8,
    ),
    Case("unknown-key", replace("  troops: 300", "  soldiers: 300"), "unknown key 'soldiers'", 28),
    Case("unknown-entity", replace("to: beta", "to: gamma"), "unknown entity 'gamma'", 27),
    Case("wrong-entity-type", replace("to: beta", "to: reyes"), "'reyes' is a Person", 27),
    Case(
        "reference-to-a-fact",
        replace("  troops: 300", "  requested_by: d1\n  troops: 300"),
        "requested_by: unknown entity 'd1'",
        28,
    ),
    Case(
        "member-of-itself",
        append(
            "memberships:\n- id: m1\n  member: alpha\n  organization: alpha\n  evidence:\n"
            "  - {start: 0, end: 5, text: Alpha}\n"
        ),
        "'alpha' cannot be a member of itself",
        35,
    ),
    Case(
        "membership-circle",
        lambda text: append(
            "memberships:\n- id: m1\n  member: alpha\n  organization: pact\n  evidence:\n"
            "  - {start: 0, end: 5, text: Alpha}\n"
            "- id: m2\n  member: pact\n  organization: alpha\n  evidence:\n"
            "  - {start: 0, end: 5, text: Alpha}\n"
        )(
            replace(
                "- id: beta\n",
                "- id: pact\n  type: Organization\n  names: [Pact]\n  evidence:\n"
                "  - {start: 11, end: 14, text: '300'}\n- id: beta\n",
            )(text)
        ),
        "membership 'm2' closes a circle of memberships (pact -> alpha -> pact)",
        45,
    ),
    Case(
        "february-31", replace("start: '2024-01-02'", "start: '2022-02-31'"), "not a real date", 29
    ),
    Case(
        "year-0",
        replace("start: '2024-01-02'", "start: '0000-01-01'"),
        "year 0 is out of range",
        29,
    ),
    Case(
        "published-february-30",
        replace("published: '2024-01-02'", "published: '2024-02-30'"),
        "article.published '2024-02-30' is not a real date",
        5,
    ),
    Case("date-as-words", replace("start: '2024-01-02'", "start: last Tuesday"), "YYYY", 29),
    Case(
        "date-far-future",
        replace("start: '2024-01-02'", "start: '9999-12-31'"),
        "more than ten years after",
        29,
    ),
    Case("negative-count", replace("troops: 300", "troops: -300"), "must not be negative", 28),
    Case("absurd-count", replace("troops: 300", "troops: 10" + "0" * 30), "implausibly large", 28),
    Case("fractional-count", replace("troops: 300", "troops: 2.5k"), "whole number", 28),
    Case(
        "bounds-reversed",
        replace("troops: 300", "troops: {qualifier: vague, min: 90, max: 20}"),
        "min (90) is greater than max (20)",
        28,
    ),
    Case(
        "offsets-outside",
        replace("{start: 25, end: 29, text: Beta}", "{start: 2500, end: 2504, text: Beta}"),
        "offsets 2500:2504 are outside the article",
        18,
    ),
    Case(
        "offsets-absurd",
        replace(
            "{start: 25, end: 29, text: Beta}", "{start: 99999999999999999999, end: 1, text: Beta}"
        ),
        "implausibly large",
        18,
    ),
    Case(
        "quote-elsewhere",
        replace("{start: 25, end: 29, text: Beta}", "{start: 20, end: 24, text: Beta}"),
        "the quote is found at 25:29",
        18,
    ),
    Case(
        "end-before-start",
        replace("{start: 25, end: 29, text: Beta}", "{start: 29, end: 25, text: Beta}"),
        "end (25) must be greater than start (29)",
        18,
    ),
    Case("language-not-a-code", replace("language: en", "language: English"), "language code", 6),
    Case("missing-article", replace("article:\n", "articel:\n"), "unknown key 'articel'", 2),
    Case(
        "source-missing",
        replace("source: article.txt", "source: nowhere.txt"),
        "cannot read article",
        3,
    ),
    Case("bad-format", replace("kg-facts/1", "kg-facts/9"), "unsupported format", 1),
    Case(
        "no-evidence-is-a-violation",
        replace(
            "  evidence:\n  - {start: 0, end: 40, text: Alpha sent 300 troops to Beta on Tuesday}\n",
            "",
        ),
        "Every fact is supported by at least one evidence span",
        exit_code=1,
    ),
]
# Where a case is accepted: CRLF line ends, any well-formed language tag, self-references
# that make sense.
ACCEPTED = [
    Case("crlf", lambda text: text.replace("\n", "\r\n"), "", exit_code=0),
    Case("utf8-bom", codecs.BOM_UTF8 + FACTS.encode(), "", exit_code=0),
    Case(
        "published-in-year-9999",
        replace("published: '2024-01-02'", "published: '9999-12-31'"),
        "",
        exit_code=0,
    ),
    Case("unknown-language-tag", replace("language: en", "language: xx"), "", exit_code=0),
    Case(
        "own-id-as-authority",
        replace("names: [Alpha]", "names: [Alpha]\n  authority: alpha"),
        "",
        exit_code=0,
    ),
    Case("deploys-to-itself", replace("by: alpha", "by: beta"), "", exit_code=0),
    Case(
        "requests-itself",
        replace("  troops: 300", "  requested_by: alpha\n  troops: 300"),
        "",
        exit_code=0,
    ),
]


def write_case(folder: Path, case: Case) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    path = folder / "facts.yaml"
    path.write_bytes(case.data())
    return path


def kg(*args: str, cwd: Path, timeout: float = TIMEOUT) -> subprocess.CompletedProcess[str]:
    """``python -m kg ARGS``: no traceback, never a hang."""
    proc = subprocess.run(
        [sys.executable, "-m", "kg", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
    return proc


def where(case: Case) -> str:
    return f"facts.yaml:{case.line}:" if case.line else "facts.yaml"


# -- the library ------------------------------------------------------------------------------


def test_the_good_facts_file_loads(tmp_path: Path) -> None:
    facts = load_facts(write_case(tmp_path, Case("good", lambda t: t, "")))
    assert [e.id for e in facts.entities] == ["alpha", "beta", "reyes"]


@pytest.mark.parametrize("case", [c for c in FACTS_CASES if c.exit_code == 2], ids=lambda c: c.id)
def test_library_raises_an_input_error_naming_file_and_line(tmp_path: Path, case: Case) -> None:
    path = write_case(tmp_path, case)
    with pytest.raises(InputError) as info:
        load_facts(path)
    text = str(info.value)
    assert case.message in text
    assert f"{path}:{case.line}:" in text if case.line else str(path) in text
    assert not (tmp_path / "pwned.txt").exists()


@pytest.mark.parametrize("case", ACCEPTED, ids=lambda c: c.id)
def test_library_accepts(tmp_path: Path, case: Case) -> None:
    load_facts(write_case(tmp_path, case))


def test_billion_laughs_is_refused_quickly_and_small() -> None:
    import time

    from kg.errors import FactsError
    from kg.facts import parse_facts

    started = time.perf_counter()
    with pytest.raises(FactsError) as info:
        parse_facts(LAUGHS.decode())
    assert time.perf_counter() - started < 2
    assert len(info.value.problems) <= 9, "each anchor reported once, not each expansion"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the article is empty"),
        (b" \n\t\n", "the article is empty"),
        (bytes(range(256)), "not valid UTF-8 (byte 0x80 at offset 128)"),
        (b"\x00" * 64 + b"text", "binary data"),
        ("caf\u00e9".encode("cp1252"), "iconv -f WINDOWS-1252"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "invalid UTF-16"),
    ],
    ids=["empty", "blank", "binary", "nul", "windows-1252", "broken-utf16"],
)
def test_read_article_refuses(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    with pytest.raises(ArticleError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_article(path)


def test_read_article_decodes_utf16_and_crlf(tmp_path: Path) -> None:
    text = ARTICLE.replace("Alpha sends", "Caf\u00e9 sends")
    for name, data in (
        ("le.txt", codecs.BOM_UTF16_LE + text.encode("utf-16-le")),
        ("be.txt", codecs.BOM_UTF16_BE + text.encode("utf-16-be")),
        ("crlf.txt", text.replace("\n", "\r\n").encode()),
        ("cr.txt", text.replace("\n", "\r").encode()),
    ):
        (tmp_path / name).write_bytes(data)
        article = read_article(tmp_path / name)
        assert article.meta["title"] == "Caf\u00e9 sends troops", name
        assert article.text == text.split("---\n", 1)[1], name


def test_read_article_refuses_a_huge_file_before_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:  # sparse: the limit is checked on the size, not the bytes
        out.truncate(MAX_ARTICLE_BYTES + 1)
    with pytest.raises(ArticleError, match="more than the limit"):
        read_article(path)


def test_extract_refuses_a_text_too_long_for_its_rules() -> None:
    article = parse_text(ARTICLE + "Alpha sent troops. " * (MAX_EXTRACT_CHARS // 19 + 1))
    with pytest.raises(ArticleError, match="split it into its articles"):
        extract(article)


@pytest.mark.parametrize("language", ["xx", "../../../../etc/passwd", "EN-GB"])
def test_extract_only_knows_languages_with_rules(language: str) -> None:
    article = parse_text(ARTICLE.replace("language: en", f"language: {language}"))
    if language == "EN-GB":
        assert extract(article).article.language == "EN-GB"
        return
    with pytest.raises(ArticleError, match="no extraction rules for language"):
        extract(article)


# -- the command line -------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("case", FACTS_CASES + ACCEPTED, ids=lambda c: c.id)
def test_build_and_validate(tmp_path: Path, case: Case) -> None:
    write_case(tmp_path, case)
    proc = kg("build", "facts.yaml", "--out", "out", "-j", "1", cwd=tmp_path)
    assert proc.returncode == case.exit_code, proc.stderr + proc.stdout
    if case.exit_code == 0:
        assert (tmp_path / "out" / "manifest.json").is_file()
        return
    text = proc.stderr + proc.stdout
    assert case.message in text and where(case) in text, text
    assert len(proc.stderr.splitlines()) < 40, "one line per problem, no dump"
    assert not (tmp_path / "out").exists(), "no output directory is left behind"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt", "facts.yaml"]
    proc = kg("validate", "facts.yaml", "-j", "1", cwd=tmp_path)
    assert proc.returncode == case.exit_code
    assert case.message in proc.stderr + proc.stdout


@pytest.mark.slow
def test_a_failed_build_leaves_the_previous_dataset(tmp_path: Path) -> None:
    write_case(tmp_path, Case("good", lambda t: t, ""))
    assert kg("build", "facts.yaml", "--out", "out", "-j", "1", cwd=tmp_path).returncode == 0
    before = {p: p.read_bytes() for p in (tmp_path / "out").rglob("*") if p.is_file()}
    for case in (FACTS_CASES[0], FACTS_CASES[-1]):  # an input error, a violation
        write_case(tmp_path, case)
        assert kg("build", "facts.yaml", "--out", "out", cwd=tmp_path).returncode == case.exit_code
        after = {p: p.read_bytes() for p in (tmp_path / "out").rglob("*") if p.is_file()}
        assert after == before, case.id
        assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt", "facts.yaml", "out"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "nowhere.yaml", "--out", "out"], "nowhere.yaml: no such file or directory"),
        (["validate", "nowhere"], "nowhere: no such file or directory"),
        (["build", "empty-dir", "--out", "out"], "no facts files (*.yaml) in empty-dir"),
        (["validate", "empty-dir"], "no facts files (*.yaml) in empty-dir"),
        (["build", "facts.yaml", "--out", "article.txt"], "article.txt exists and is not a kg"),
        (["build", "facts.yaml", "--out", "."], "exists and is not a kg dataset"),
        (["extract", "nowhere.txt", "--out", "out"], "'nowhere.txt' does not exist"),
        (["extract", "no-articles", "--out", "out"], "no articles (*.txt, *.md"),
        (["build", "facts.yaml"], "Missing option '--out'"),
        (["nonsense"], "No such command 'nonsense'"),
    ],
    ids=lambda v: "-".join(v) if isinstance(v, list) else None,
)
def test_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    write_case(tmp_path, Case("good", lambda t: t, ""))
    (tmp_path / "empty-dir").mkdir()
    (tmp_path / "empty-dir" / "notes.txt").write_text("not facts")
    (tmp_path / "no-articles").mkdir()
    (tmp_path / "no-articles" / "facts.yaml").write_text("not an article")
    proc = kg(*args, cwd=tmp_path)
    assert proc.returncode == 2
    assert message in proc.stderr, proc.stderr
    assert not (tmp_path / "out").exists()


# -- kg extract -------------------------------------------------------------------------------

EXTRACT_CASES: list[tuple[str, bytes, str]] = [
    ("empty.txt", b"", "empty.txt: the article is empty"),
    ("binary.txt", bytes(range(256)) * 8, "binary.txt:2: not valid UTF-8"),
    ("nul.txt", b"\x00" * 100 + ARTICLE.encode(), "nul.txt: binary data"),
    (
        "invalid.txt",
        ARTICLE.encode().replace(b"Beta", b"B\xe9ta"),
        "invalid.txt:7: not valid UTF-8",
    ),
    (
        "cp1252.txt",
        ARTICLE.replace("Alpha sends", "\u201cAlpha\u201d sends").encode("cp1252"),
        "cp1252.txt:1: not valid UTF-8 (byte 0x93 at offset 7); convert the file to UTF-8",
    ),
    (
        "unknown-language.txt",
        ARTICLE.replace("language: en", "language: tlh").encode(),
        "unknown-language.txt: no extraction rules for language 'tlh'",
    ),
    (
        "path-as-language.txt",
        ARTICLE.replace("language: en", "language: ../../../../etc/hosts").encode(),
        "path-as-language.txt: no extraction rules for language",
    ),
    (
        "february-31.txt",
        ARTICLE.replace("2024-01-02", "2022-02-31").encode(),
        "february-31.txt: the 'published' header is not a date (got '2022-02-31')",
    ),
    (
        "year-0.txt",
        ARTICLE.replace("2024-01-02", "0000-01-01").encode(),
        "year-0.txt: the 'published' header is not a date (got '0000-01-01')",
    ),
    (
        "bad.jsonl",
        b'{"text": "x", "published": "2024-01-02"}\n{oops\n',
        "bad.jsonl:2: invalid JSON",
    ),
    ("shape.jsonl", b'["not", "an", "object"]\n', "shape.jsonl:1: each line must be an object"),
    ("empty.html", b"<html><body></body></html>", "empty.html: no article text found"),
    ("binary.html", bytes(range(256)), "binary.html:2: not valid UTF-8"),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "data", "message"), EXTRACT_CASES, ids=[c[0] for c in EXTRACT_CASES]
)
def test_extract_refuses(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    (tmp_path / name).write_bytes(data)
    proc = kg("extract", name, "--out", "out", cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert message in proc.stdout + proc.stderr
    assert not (tmp_path / "out").exists(), "no output directory is left behind"


@pytest.mark.slow
def test_extract_refuses_two_articles_that_would_write_one_facts_file(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(ARTICLE, encoding="utf-8")
    proc = kg("extract", "a/report.txt", "b/report.txt", "--out", "out", cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "a/report.txt and b/report.txt would both be written to out/report.yaml" in (
        proc.stdout + proc.stderr
    )
    assert not (tmp_path / "out").exists(), "nothing is written"
    # the same file named twice is one article
    proc = kg("extract", "a/report.txt", "a/../a/report.txt", "--out", "out", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.slow
def test_extract_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = kg("extract", "empty.txt", "good.txt", "--out", "out", cwd=tmp_path)
    assert proc.returncode == 2
    assert "wrote 1 file(s)" in proc.stdout and "empty.txt: the article is empty" in proc.stdout
    assert (tmp_path / "out" / "good.yaml").is_file()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("utf16le.txt", lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le")),
        ("utf16be.txt", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be")),
        ("crlf.txt", lambda t: t.replace("\n", "\r\n").encode()),
        ("bom.txt", lambda t: codecs.BOM_UTF8 + t.encode()),
    ],
    ids=["utf16le", "utf16be", "crlf", "utf8-bom"],
)
def test_extract_reads_other_encodings_and_the_facts_validate(
    tmp_path: Path, name: str, encode: Callable[[str], bytes]
) -> None:
    """The offsets written by extraction match the article as the loader reads it."""
    text = ARTICLE.replace("Tuesday", "Tuesday in Caf\u00e9 Square")
    (tmp_path / name).write_bytes(encode(text))
    proc = kg("extract", name, "--out", "out", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    facts = tmp_path / "out" / (name.split(".")[0] + ".yaml")
    assert "Caf\u00e9 Square" in facts.read_text(encoding="utf-8")
    proc = kg("validate", str(facts), "-j", "1", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr


BIG = 50 * 1024 * 1024


def _peak_rss_kb(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run ``python -m kg ARGS`` under a small parent that reports its child's peak RSS."""
    script = (
        "import json, resource, subprocess, sys\n"
        "proc = subprocess.run([sys.executable, '-m', 'kg', *sys.argv[1:]], capture_output=True,"
        " text=True, timeout=300)\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(json.dumps([proc.returncode, peak, proc.stdout + proc.stderr]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=330,
        check=True,
    )
    code, peak, text = json.loads(out.stdout)
    assert code == 2, text
    assert "Traceback" not in text
    return int(peak), str(text)


def _write_big(path: Path, head: str, fill: str, tail: str) -> None:
    unit = (fill * (1 + 1_000_000 // len(fill))).encode()
    with path.open("wb") as out:
        out.write(head.encode())
        written = len(head)
        while written < BIG:
            out.write(unit)
            written += len(unit)
        out.write(tail.encode())


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["txt", "jsonl", "html"])
def test_a_50_mb_article_is_refused_without_memory_out_of_proportion(
    tmp_path: Path, kind: str
) -> None:
    sentence = "Alpha sent 300 troops to Beta on Tuesday, said President Carla Reyes. "
    path = tmp_path / f"big.{kind}"
    if kind == "txt":
        _write_big(path, ARTICLE, sentence, "\n")
        expected = "more than the limit"
    elif kind == "jsonl":  # one article of 50 MB in a JSON Lines file
        _write_big(
            path, '{"published": "2024-01-02", "language": "en", "text": "', sentence, '"}\n'
        )
        expected = "big.jsonl:1: the line is more than the limit"  # read line by line
    else:
        _write_big(path, "<html><body><p>", sentence, "</p></body></html>")
        expected = "more than the limit"
    assert path.stat().st_size > BIG
    peak_kb, text = _peak_rss_kb(["extract", path.name, "--out", "out"], tmp_path)
    assert expected in text and path.name in text
    assert peak_kb * 1024 < 10 * BIG, f"peak RSS {peak_kb / 1024:.0f} MB for a 50 MB input"
    assert not (tmp_path / "out").exists()

"""Reading articles: plain text with an optional ``key: value`` header block, HTML pages,
JSON Lines. Extraction reads them here, and so does the build, for the text that evidence
offsets point into.

The header ends at a line ``---``; the text after that line is the article body, and every
evidence offset in a facts file counts characters (code points) of that body. A JSON Lines
file is read line by line, so memory holds one article at a time however large the file;
each line is refused past :data:`MAX_ARTICLE_BYTES`, as a whole article file would be.

>>> doc = parse_text("title: T\\nlanguage: en\\n---\\nBody.\\n")
>>> doc.meta["title"], doc.text
('T', 'Body.\\n')
"""

from __future__ import annotations

import codecs
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import ArticleError

__all__ = [
    "MAX_ARTICLE_BYTES",
    "ArticleText",
    "decode",
    "parse_text",
    "read_article",
    "read_articles",
    "read_bytes",
]

MAX_ARTICLE_BYTES = 20 * 1024 * 1024
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*):[ \t]*(.*?)[ \t]*$")


@dataclass(frozen=True)
class ArticleText:
    """An article's header fields and body text."""

    meta: dict[str, str]
    text: str
    path: Path | None = None
    body_line: int = 1
    extra: dict[str, str] = field(default_factory=dict)


def decode(data: bytes, *, path: Path | None = None) -> str:
    """Decode article bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM.

    Raises:
        ArticleError: binary data or bytes that are not valid UTF-8.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ArticleError(f"invalid UTF-16 text: {exc.reason}", path=path) from None
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise ArticleError(
                f"not valid UTF-8 (byte {data[exc.start]:#04x} at offset {exc.start}); "
                "convert the file to UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8",
                path=path,
                line=line,
            ) from None
    if "\x00" in text:
        raise ArticleError("binary data (NUL characters): not a text article", path=path)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_text(raw: str, *, path: Path | None = None) -> ArticleText:
    """Split an article into its header fields and its body.

    A file without a ``---`` line, or whose lines before it are not all ``key: value``,
    has no header: all of it is the body.
    """
    lines = raw.split("\n")
    meta: dict[str, str] = {}
    for index, line in enumerate(lines):
        if line.strip() == "---":
            if index == 0:
                break
            body = "\n".join(lines[index + 1 :])
            return ArticleText(meta=meta, text=body, path=path, body_line=index + 2)
        match = _HEADER_LINE.match(line)
        if match is None:
            break
        meta[match.group(1).lower()] = match.group(2)
    return ArticleText(meta={}, text=raw, path=path, body_line=1)


def read_bytes(path: Path) -> bytes:
    """An article file's bytes, refusing (before reading) one over :data:`MAX_ARTICLE_BYTES`.

    Raises:
        ArticleError: missing, unreadable or too large file.
    """
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise ArticleError(
                f"article is {size / 1e6:.0f} MB, more than the limit of "
                f"{MAX_ARTICLE_BYTES / 1e6:.0f} MB; split it into several articles",
                path=path,
            )
        return path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"cannot read article: {exc.strerror}", path=path) from None


def read_article(path: Path) -> ArticleText:
    """Read a plain-text article file.

    Raises:
        ArticleError: missing, unreadable, too large, binary or wrongly encoded file.
    """
    data = read_bytes(path)
    if not data.strip():
        raise ArticleError("the article is empty", path=path)
    return parse_text(decode(data, path=path), path=path)


def _html(path: Path) -> ArticleText:
    import trafilatura

    raw = decode(read_bytes(path), path=path)
    text = trafilatura.extract(raw, include_comments=False, include_tables=False)
    if not text:
        raise ArticleError("no article text found in the HTML page", path=path)
    meta_doc = trafilatura.extract_metadata(raw)
    meta: dict[str, str] = {}
    if meta_doc is not None:
        for key, value in (
            ("title", meta_doc.title),
            ("published", meta_doc.date),
            ("publisher", meta_doc.sitename),
            ("url", meta_doc.url),
            ("author", meta_doc.author),
        ):
            if value:
                meta[key] = str(value)[:10] if key == "published" else str(value)
    lang = re.search(r"<html[^>]*\blang=[\"']?([a-zA-Z]{2})", raw)
    if lang:
        meta["language"] = lang.group(1).lower()
    return ArticleText(meta, text.replace("\r\n", "\n"), path)


def _too_long(path: Path, number: int) -> ArticleError:
    return ArticleError(
        f"the line is more than the limit of {MAX_ARTICLE_BYTES / 1e6:.0f} MB for one "
        "article; split the article into several lines",
        path=path,
        line=number,
    )


def _utf8_lines(binary: io.BufferedReader, path: Path) -> Iterator[tuple[int, str]]:
    """Numbered lines of a UTF-8 file, one at a time ("\\r\\n" and "\\r" end lines too)."""
    number = 0
    while raw := binary.readline(MAX_ARTICLE_BYTES + 1):
        if len(raw) > MAX_ARTICLE_BYTES and not raw.endswith(b"\n"):
            raise _too_long(path, number + 1)
        if number == 0 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        raw = raw.removesuffix(b"\n").removesuffix(b"\r")
        for part in raw.split(b"\r"):
            number += 1
            try:
                text = part.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise ArticleError(
                    f"not valid UTF-8 (byte {part[exc.start]:#04x} at column {exc.start + 1}); "
                    "convert the file to UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8",
                    path=path,
                    line=number,
                ) from None
            yield number, text


def _utf16_lines(binary: io.BufferedReader, path: Path) -> Iterator[tuple[int, str]]:
    """Numbered lines of a UTF-16 file (with a byte order mark), one at a time."""
    limit = MAX_ARTICLE_BYTES // 2
    with io.TextIOWrapper(binary, encoding="utf-16", newline=None) as text:
        number = 0
        try:
            while line := text.readline(limit + 1):
                number += 1
                if len(line) > limit and not line.endswith("\n"):
                    raise _too_long(path, number)
                yield number, line.removesuffix("\n")
        except UnicodeDecodeError as exc:
            raise ArticleError(
                f"invalid UTF-16 text: {exc.reason}", path=path, line=number + 1
            ) from None


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """The numbered lines of a text file, read one at a time."""
    with path.open("rb") as binary:
        if binary.peek(2)[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            yield from _utf16_lines(binary, path)
        else:
            yield from _utf8_lines(binary, path)


def _jsonl_item(line: str, path: Path, number: int) -> dict[str, Any]:
    if "\x00" in line:
        raise ArticleError(
            "binary data (NUL characters): not a text article", path=path, line=number
        )
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ArticleError(f"invalid JSON: {exc.msg}", path=path, line=number) from None
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise ArticleError(
            "each line must be an object with a 'text' field", path=path, line=number
        )
    return item


def _jsonl(path: Path) -> Iterator[ArticleText]:
    """One article per line, read twice, one line at a time.

    The first reading checks every line, so that a file with a bad line is refused whole,
    before any of its articles is extracted; the second yields the articles.
    """
    for number, line in _lines(path):
        if line.strip():
            _jsonl_item(line, path, number)
    for number, line in _lines(path):
        if not line.strip():
            continue
        item = _jsonl_item(line, path, number)
        meta = {
            k: str(item[k])
            for k in ("title", "published", "language", "url", "publisher", "id")
            if item.get(k)
        }
        yield ArticleText(meta, item["text"], path, 1, {"line": str(number)})


def read_articles(path: Path) -> Iterator[ArticleText]:
    """The articles in a file (.txt/.md with optional header, .html/.htm, .jsonl), one at a
    time. The language is the header's (or the HTML page's); extraction detects it when
    missing (:func:`kg.extract.lang.detect_language`).

    Raises:
        ArticleError: the file cannot be read or parsed.
    """
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        try:
            yield _html(path)
        except OSError as exc:
            raise ArticleError(f"cannot read article: {exc.strerror}", path=path) from None
    elif suffix == ".jsonl":
        try:
            yield from _jsonl(path)
        except OSError as exc:
            raise ArticleError(f"cannot read article: {exc.strerror}", path=path) from None
    else:
        yield read_article(path)

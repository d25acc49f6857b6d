"""Reading articles to extract from: plain text with a header, HTML pages, JSON Lines.

The language is taken from the header, or detected from frequent function words of the
languages that have resource files. A JSON Lines file is read line by line, so memory
holds one article at a time however large the file; each line is refused past
:data:`~kg.articles.MAX_ARTICLE_BYTES`, as a whole article file would be.

>>> detect_language("Pasukan itu dikirim ke Kazakhstan dan tiba pada hari Kamis.")
'id'
"""

from __future__ import annotations

import codecs
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.articles import (
    MAX_ARTICLE_BYTES,
    ArticleText,
    decode,
    parse_text,
    read_article,
    read_bytes,
)
from kg.errors import ArticleError
from kg.extract.lang import available, resources

__all__ = ["detect_language", "read_articles"]

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


def _with_language(article: ArticleText) -> ArticleText:
    if article.meta.get("language"):
        return article
    meta = {**article.meta, "language": detect_language(article.text)}
    return ArticleText(meta, article.text, article.path, article.body_line, article.extra)


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
    """The articles in a file (.txt/.md with optional header, .html/.htm, .jsonl).

    Raises:
        ArticleError: the file cannot be read or parsed.
    """
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        try:
            yield _with_language(_html(path))
        except OSError as exc:
            raise ArticleError(f"cannot read article: {exc.strerror}", path=path) from None
    elif suffix == ".jsonl":
        try:
            yield from (_with_language(a) for a in _jsonl(path))
        except OSError as exc:
            raise ArticleError(f"cannot read article: {exc.strerror}", path=path) from None
    else:
        yield _with_language(read_article(path))


_ = parse_text

"""Reading articles to extract from: plain text with a header, HTML pages, JSON Lines.

The language is taken from the header, or detected from frequent function words of the
languages that have resource files.

>>> detect_language("Pasukan itu dikirim ke Kazakhstan dan tiba pada hari Kamis.")
'id'
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from kg.articles import ArticleText, decode, parse_text, read_article, read_bytes
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


def _jsonl(path: Path) -> Iterator[ArticleText]:
    text = decode(path.read_bytes(), path=path)
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ArticleError(f"invalid JSON: {exc.msg}", path=path, line=number) from None
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise ArticleError(
                "each line must be an object with a 'text' field", path=path, line=number
            )
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

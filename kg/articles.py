"""Reading article files: plain text with an optional ``key: value`` header block.

The header ends at a line ``---``; the text after that line is the article body, and every
evidence offset in a facts file counts characters (code points) of that body.

>>> doc = parse_text("title: T\\nlanguage: en\\n---\\nBody.\\n")
>>> doc.meta["title"], doc.text
('T', 'Body.\\n')
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import ArticleError

__all__ = [
    "MAX_ARTICLE_BYTES",
    "ArticleText",
    "decode",
    "parse_text",
    "read_article",
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

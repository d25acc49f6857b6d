"""Reading .txt, .html and .jsonl articles; language detection."""

from __future__ import annotations

import json
from pathlib import Path

from kg.extract.reader import detect_language, read_articles


def test_detects_languages() -> None:
    assert (
        detect_language("Polisi mengatakan bahwa para demonstran sudah pulang dari alun-alun.")
        == "id"
    )
    assert (
        detect_language("The police said that the protesters had gone home from the square.")
        == "en"
    )


def test_txt_without_language_header(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(
        "title: T\npublished: 2020-01-02\n---\nTentara itu dikirim ke perbatasan dan tiba pada hari Senin.\n"
    )
    (article,) = read_articles(p)
    assert article.meta["language"] == "id"


def test_jsonl(tmp_path: Path) -> None:
    p = tmp_path / "b.jsonl"
    rows = [
        {
            "id": "x1",
            "title": "A",
            "published": "2020-01-02",
            "language": "en",
            "text": "Troops were sent.",
        }
    ]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    (article,) = read_articles(p)
    assert article.meta["id"] == "x1" and article.text == "Troops were sent."


def test_html(tmp_path: Path) -> None:
    p = tmp_path / "c.html"
    body = (
        "<p>"
        + "The soldiers arrived in the capital on Monday and the crowd cheered them loudly. " * 5
        + "</p>"
    )
    p.write_text(
        f"<html lang='en'><head><title>Troops arrive</title></head><body><article>{body}</article></body></html>"
    )
    (article,) = read_articles(p)
    assert "soldiers arrived" in article.text and article.meta["language"] == "en"

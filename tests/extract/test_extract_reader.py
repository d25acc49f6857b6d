"""Reading .txt, .html and .jsonl articles; language detection."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from kg import articles
from kg.articles import read_articles
from kg.errors import ArticleError
from kg.extract import extract
from kg.extract.lang import detect_language


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
    assert "language" not in article.meta, "the reader reports what the file says"
    assert extract(article).article.language == "id", "extraction detects the language"


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


def test_jsonl_is_read_line_by_line_with_crlf_and_utf16(tmp_path: Path) -> None:
    rows = [{"id": f"x{i}", "published": "2020-01-02", "text": f"Troops {i}."} for i in range(3)]
    lines = [json.dumps(r) for r in rows]
    for name, data in [
        ("crlf.jsonl", ("\r\n".join(lines) + "\r\n").encode()),
        ("cr.jsonl", "\r".join(lines).encode()),
        ("bom.jsonl", codecs.BOM_UTF8 + "\n\n".join(lines).encode()),
        ("utf16.jsonl", "\n".join(lines).encode("utf-16")),
    ]:
        (tmp_path / name).write_bytes(data)
        articles = list(read_articles(tmp_path / name))
        assert [a.text for a in articles] == ["Troops 0.", "Troops 1.", "Troops 2."], name
        expected = ["1", "3", "5"] if name == "bom.jsonl" else ["1", "2", "3"]
        assert [a.extra["line"] for a in articles] == expected, name


def test_a_jsonl_file_with_a_bad_line_is_refused_before_any_article(tmp_path: Path) -> None:
    p = tmp_path / "b.jsonl"
    p.write_bytes(b'{"text": "ok", "published": "2020-01-02"}\n\n{"text": "\xff"}\n')
    articles = read_articles(p)
    with pytest.raises(ArticleError, match=r"b\.jsonl:3: not valid UTF-8 \(byte 0xff"):
        next(articles)


def test_a_jsonl_line_over_the_article_limit_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(articles, "MAX_ARTICLE_BYTES", 100)
    p = tmp_path / "b.jsonl"
    short = json.dumps({"published": "2020-01-02", "text": "Troops."})
    p.write_text(short + "\n" + json.dumps({"text": "x" * 200}) + "\n" + short + "\n")
    with pytest.raises(ArticleError, match=r"b\.jsonl:2: the line is more than the limit"):
        list(read_articles(p))
    p.write_text(short + "\n" + json.dumps({"text": "x" * 80}) + "\n")  # 93 bytes: fits
    assert len(list(read_articles(p))) == 2


def test_an_extraction_error_names_the_jsonl_line(tmp_path: Path) -> None:
    p = tmp_path / "b.jsonl"
    rows = [{"published": "2020-01-02", "text": "Troops."}, {"published": "soon", "text": "X."}]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    first, second = read_articles(p)
    extract(first)
    with pytest.raises(ArticleError, match=r"b\.jsonl:2: the 'published' header is not a date"):
        extract(second)


def test_kg_extract_takes_a_folder_and_says_where_it_wrote(tmp_path: Path) -> None:
    """A folder gives its article files (hidden ones left out); the summary names the
    output folder."""
    from click.testing import CliRunner

    from kg.cli import cli

    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    body = "title: T\npublished: 2021-06-10\nlanguage: en\n---\nKenya sent 300 troops to Somalia.\n"
    (folder / "a.txt").write_text(body)
    (folder / "sub" / "b.md").write_text(body)
    (folder / ".hidden.txt").write_text(body)
    (folder / "notes.yaml").write_text("not an article")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["extract", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"wrote 2 file(s) to {out}" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["a.yaml", "b.yaml"]


def test_a_photo_story_s_captions_are_its_news() -> None:
    # every paragraph ends in a photo credit: a gallery whose captions tell the news
    caption = (
        "Ratusan guru honorer berunjuk rasa di depan gedung Kementerian Pendidikan, Jakarta, "
        "Rabu (8/3/2023). Mereka menuntut diangkat menjadi pegawai negeri. (Antara/Budi Santoso)\n"
    )
    meta = {"title": "Foto", "published": "2023-03-09", "language": "id"}
    facts = extract(articles.ArticleText(meta, caption))
    assert [p.start.iso for p in facts.protests if p.start] == ["2023-03-08"]
    # with a story of its own, a credited caption stays a caption
    story = "Polisi menjaga kantor itu pada Senin (6/3/2023) pagi.\n\n"
    assert extract(articles.ArticleText(meta, story + caption)).protests == ()

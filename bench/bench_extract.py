"""Extraction throughput: articles per second with 1 and 2 processes on synthetic articles.

python bench/bench_extract.py [N]
python bench/bench_extract.py --long [KB,KB,...]   # seconds per text size, both languages

``--long`` extracts one text made of many synthetic articles at each size (16 KB to 1 MB
by default); the seconds per MB column stays flat when extraction is linear in the text.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from kg.articles import ArticleText, read_article
from kg.extract import pipeline
from kg.extract.batch import OutputFormat, run_batch

_ID = """title: {title}
publisher: Bench
published: 2021-0{month}-1{day}
language: id
---
{title}

{city}, BENCH — {org} mengirim sekitar {n}.000 tentara ke {country} pada {weekday} ({day}/{month}/2021) atas permintaan Presiden {country} {person}.

Unjuk rasa di {country} pecah sejak {day} {month_name}, ketika ribuan warga marah dengan kenaikan harga bahan bakar. Polisi menangkap lebih dari {m} orang dan sedikitnya {k} demonstran tewas.

Juru bicara {org} {person2} mengatakan pasukan akan ditarik pekan depan.

Baca juga: Berita lain tentang {country}

Penulis: Bench Writer
"""

_EN = """title: {title}
publisher: Bench
published: 2021-0{month}-1{day}
language: en
---
{title}

{city} (Bench) — {country2} has pledged about {n},000 troops to {country}, Foreign Minister {person} said on {weekday}.

Protests began on {month_name} {day} in {country} over rising fuel prices. Police said more than {m} people were arrested and at least {k} protesters died.

(Reporting by Bench Writer; Editing by Bench Editor)
"""

_COUNTRIES = ["Kazakhstan", "Mali", "Bahrain", "Chile", "Sri Lanka", "Belarus", "Gambia"]
_ORGS = ["CSTO", "ECOWAS", "NATO", "PBB", "Uni Afrika"]
_PEOPLE = ["Ahmad Subarjo", "Maria Lopez", "Ivan Petrov", "Amadou Diallo", "Sarah Jenkins"]
_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September"]
_EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September"]


def generate(directory: Path, count: int) -> list[Path]:
    """Write ``count`` synthetic articles (half Indonesian, half English)."""
    rng = random.Random(7)
    paths = []
    for i in range(count):
        month, day = rng.randint(1, 9), rng.randint(0, 9)
        fields = {
            "title": f"Berita {i}",
            "month": month,
            "day": day,
            "month_name": (_MONTHS if i % 2 == 0 else _EN_MONTHS)[month - 1],
            "city": "JAKARTA" if i % 2 == 0 else "LONDON",
            "org": rng.choice(_ORGS),
            "country": rng.choice(_COUNTRIES),
            "country2": rng.choice(_COUNTRIES),
            "person": rng.choice(_PEOPLE),
            "person2": rng.choice(_PEOPLE),
            "weekday": "Senin" if i % 2 == 0 else "Monday",
            "n": rng.randint(1, 9),
            "m": rng.randint(10, 500),
            "k": rng.randint(2, 9),
        }
        path = directory / f"a{i:05d}.txt"
        path.write_text((_ID if i % 2 == 0 else _EN).format(**fields), encoding="utf-8")
        paths.append(path)
    return paths


def long_text(language: str, size: int) -> ArticleText:
    """One article of ``size`` characters: the bodies of synthetic articles in a language."""
    with tempfile.TemporaryDirectory() as tmp:
        articles = [read_article(p) for p in generate(Path(tmp), 200)]
    bodies = [a.text for a in articles if a.meta["language"] == language]
    parts: list[str] = []
    total = 0
    while total < size:
        parts.append(bodies[len(parts) % len(bodies)] + "\n")
        total += len(parts[-1])
    meta = {"published": "2021-06-15", "language": language, "title": "Long"}
    return ArticleText(meta, "".join(parts)[:size])


def bench_long(sizes_kb: list[int]) -> None:
    """Print the seconds one text takes at each size, in each language."""
    authority = pipeline.load_authority()
    pipeline.extract(long_text("en", 2000), authority=authority)  # load resources first
    print("language      size  seconds  s per MB")
    for language in ("id", "en"):
        for kb in sizes_kb:
            article = long_text(language, kb * 1024)
            if len(article.text) > pipeline.MAX_EXTRACT_CHARS:
                print(f"{language:8s} {kb:6d} KB  over MAX_EXTRACT_CHARS, skipped")
                continue
            began = time.perf_counter()
            pipeline.extract(article, authority=authority)
            elapsed = time.perf_counter() - began
            print(f"{language:8s} {kb:6d} KB {elapsed:8.2f} {elapsed * 1024 / kb:9.2f}", flush=True)


def main() -> None:
    """Print articles/s with 1 and 2 processes, or seconds per text size with ``--long``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", nargs="?", type=int, default=1000, help="articles (default 1000)")
    parser.add_argument(
        "--long",
        nargs="?",
        const="16,64,256,1024",
        metavar="KB,KB,...",
        help="time one long text per size instead (default 16,64,256,1024 KB)",
    )
    args = parser.parse_args()
    if args.long is not None:
        bench_long([int(kb) for kb in args.long.split(",")])
        return
    count = args.count
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate(Path(tmp), count)
        for fmt, jobs in [(f, j) for f in OutputFormat for j in (1, 2)]:
            out = Path(tmp) / f"out-{fmt.value}-{jobs}"
            began = time.perf_counter()
            report = run_batch(paths, out, fmt=fmt, jobs=jobs)
            elapsed = time.perf_counter() - began
            assert not report.errors, report.errors[:3]
            print(
                f"{fmt.value}, {jobs} process(es): {count} articles in {elapsed:.2f} s = {count / elapsed:.0f} articles/s"
            )


if __name__ == "__main__":
    main()

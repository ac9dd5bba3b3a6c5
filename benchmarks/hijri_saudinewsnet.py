"""Hijri dates in SaudiNewsNet: how many find_dates finds, how many convert, how fast.

Usage: PYTHONPATH=src python benchmarks/hijri_saudinewsnet.py [CORPUS_DIR] [--files N]

Each article is read against its date_extracted (the crawl time, basis
"source"), which resolves relative Hijri forms such as "شوال الجاري".
Samples show only the date expression and where it stands (zip#index), never
the article text (the corpus is not ours to republish).
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import time
import zipfile
from pathlib import Path

from analysis.dates import byline_date, find_dates, parse_source_time

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "saudinewsnet"


def load_articles(folder: Path, max_files: int | None = None):
    """(where, date_extracted, content) for every article in the zips."""
    for path in sorted(folder.glob("*.zip"))[:max_files]:
        with zipfile.ZipFile(path) as z:
            for member in z.namelist():
                for i, rec in enumerate(json.loads(z.read(member))):
                    yield f"{path.name}#{i}", rec.get("date_extracted"), rec.get("content") or ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--files", type=int, default=None, help="only the first N zips")
    args = ap.parse_args()
    articles = list(load_articles(args.corpus, args.files))
    pubs = [parse_source_time(t) for _, t, _ in articles]

    t0, c0 = time.perf_counter(), time.process_time()
    found = [find_dates(text, pub[0] if pub else None, include_unresolved=True)
             for (_, _, text), pub in zip(articles, pubs)]
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    mb = sum(len(text.encode("utf-8")) for _, _, text in articles) / 1e6

    hijri = [(where, text, m) for (where, _, text), ms in zip(articles, found) for m in ms if m.kind == "hijri"]
    convertible = [h for h in hijri if h[2].value is not None]
    by_form = collections.Counter((m.precision, m.basis) for _, _, m in hijri)
    in_window = sum(1 for _, _, m in convertible if 2014 <= m.value.year <= 2016)
    conflicts = sum(1 for ms in found for m in ms if m.conflict)
    # Datelines print both calendars ("26 شوال 1436 هـ الموافق 11 أغسطس 2015 م"):
    # an independent check of the conversion.
    pairs = [(a.value, b.value) for (_, _, text), ms in zip(articles, found) for a, b in zip(ms, ms[1:])
             if a.kind == "hijri" and b.kind == "gregorian" and a.precision == b.precision == "day"
             and a.value and b.value and "الموافق" in text[a.end:b.start] and b.start - a.end < 20]
    off_by = collections.Counter(min(abs((a - b).days), 2) for a, b in pairs)
    all_kinds = collections.Counter(m.kind for ms in found for m in ms)

    bylines = [(b[0], p[0]) for (_, _, text), p in zip(articles, pubs) if p and (b := byline_date(text))]
    same_day = sum(b == p for b, p in bylines)
    weekday_vs_crawl = sum(1 for ms in found for m in ms
                           if m.conflict and m.conflict.startswith("weekday") and m.kind == "relative")

    rows = [
        ("articles", f"{len(articles):,}"),
        ("text (UTF-8)", f"{mb:,.1f} MB"),
        ("source date parsed (date_extracted)", f"{sum(p is not None for p in pubs):,}"),
        ("articles with a Hijri date", f"{sum(any(m.kind == 'hijri' for m in ms) for ms in found):,}"),
        ("Hijri mentions found", f"{len(hijri):,}"),
        ("  convertible with hijridate", f"{len(convertible):,} ({len(convertible) / max(len(hijri), 1):.1%})"),
        ("  of those in 2014-2016", f"{in_window:,}"),
        *((f"  {p} / {b}", f"{n:,}") for (p, b), n in sorted(by_form.items())),
        ("Hijri = Gregorian pairs printed (الموافق)", f"{len(pairs):,}"),
        ("  agree to the day / 1 day apart / more", f"{off_by[0]:,} / {off_by[1]:,} / {off_by[2]:,}"),
        ("all mentions (gregorian / hijri / relative / weekday)",
         " / ".join(f"{all_kinds[k]:,}" for k in ("gregorian", "hijri", "relative", "weekday"))),
        ("mentions with a conflict", f"{conflicts:,}"),
        ("  of which a weekday beside اليوم/أمس/غدا (crawl day is not the publication day)", f"{weekday_vs_crawl:,}"),
        ("byline/dateline dates (published_basis text)", f"{len(bylines):,}, {same_day:,} on the crawl day"),
        ("find_dates time (wall / CPU)", f"{seconds:.1f} s / {cpu:.1f} s"),
        ("find_dates throughput (wall / CPU)", f"{mb / seconds:.1f} / {mb / cpu:.1f} MB/s (one process)"),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"| {'measure':<{width}} | value |\n|{'-' * (width + 2)}|-------|")
    for k, v in rows:
        print(f"| {k:<{width}} | {v} |")

    print("\nSamples (seeded):\n")
    print("| where | as written | precision | basis | Gregorian |\n|---|---|---|---|---|")
    for where, text, m in random.Random(0).sample(hijri, min(10, len(hijri))):
        written = " ".join(text[m.start:m.end].split())
        print(f"| {where} | {written} | {m.precision} | {m.basis} | {m.value} |")
    unconvertible = [h for h in hijri if h[2].value is None]
    if unconvertible:
        print("\nNot convertible (seeded sample):\n")
        for where, text, m in random.Random(0).sample(unconvertible, min(5, len(unconvertible))):
            print(f"- {where}: {' '.join(text[m.start:m.end].split())}")


if __name__ == "__main__":
    main()

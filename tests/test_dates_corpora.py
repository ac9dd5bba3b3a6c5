"""The dating stage on real text: SaudiNewsNet's Hijri dates (and ANT's <TIME>).

Skips when the shared corpora are absent.  No counts are copied from a run:
the checks are shares and windows that any correct engine must meet.
"""

import collections
import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest

from analysis.dates import find_dates, parse_source_time

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
SAUDI = CORPORA / "saudinewsnet"
ANT = CORPORA / "ant-2.1" / "ant-multisource-2.1.tar.gz"
N_ZIPS = 3  # about 5,000 articles: enough for shares, a few seconds


@pytest.fixture(scope="module")
def saudi():
    zips = sorted(SAUDI.glob("*.zip"))[:N_ZIPS] if SAUDI.is_dir() else []
    if not zips:
        pytest.skip(f"SaudiNewsNet not found at {SAUDI}")
    out = []
    for path in zips:
        with zipfile.ZipFile(path) as z:
            for member in z.namelist():
                for rec in json.loads(z.read(member)):
                    crawl = parse_source_time(rec["date_extracted"])
                    text = rec.get("content") or ""
                    out.append((crawl, text, find_dates(text, crawl[0] if crawl else None, include_unresolved=True)))
    return out


def _hijri(saudi):
    return [(text, m) for _, text, ms in saudi for m in ms if m.kind == "hijri"]


def test_every_crawl_time_parses(saudi):
    assert all(crawl is not None and crawl[1] == "day" for crawl, _, _ in saudi)


def test_many_hijri_dates_found(saudi):
    hijri = _hijri(saudi)
    articles_with = sum(any(m.kind == "hijri" for m in ms) for _, _, ms in saudi)
    # Saudi papers date official news in Hijri: several percent of articles at least
    assert articles_with >= 0.03 * len(saudi), (articles_with, len(saudi))
    assert len(hijri) >= articles_with
    forms = collections.Counter(m.precision for _, m in hijri)
    assert forms["day"] and forms["month"] and forms["year"], forms


def test_hijri_dates_convert_into_a_sane_window(saudi):
    hijri = _hijri(saudi)
    converted = [m for _, m in hijri if m.value is not None]
    assert len(converted) >= 0.97 * len(hijri)
    # 1300-1500 AH is 1882-2077 CE; anything else is a misread number
    assert all(dt.date(1882, 1, 1) <= m.value <= dt.date(2077, 12, 31) for m in converted)
    # dated news from summer 2015 (1436 AH): most day dates fall in 1435-1437 AH
    days = [m for m in converted if m.precision == "day"]
    assert sum(dt.date(2013, 11, 4) <= m.value <= dt.date(2016, 10, 2) for m in days) >= 0.8 * len(days)


def test_relative_hijri_dates_land_near_the_crawl(saudi):
    """"شوال الجاري", "9 شوال", "رمضان المقبل" are read against the crawl day:
    within a year of it (المقبل / الماضي may reach a year away)."""
    near = [(crawl[0], m) for crawl, _, ms in saudi for m in ms if m.kind == "hijri" and m.basis == "relative"]
    assert near
    assert all(abs((m.value - crawl).days) <= 400 for crawl, m in near)


def test_printed_calendar_pairs_agree(saudi):
    """Saudi datelines print both calendars ("26 شوال 1436 هـ الموافق 11 أغسطس 2015 م"):
    an independent check of the Hijri conversion.  Most pairs agree to the day
    (a one-day slip between Umm al-Qura and other tables is reported as a conflict)."""
    pairs = agree = 0
    for _, text, ms in saudi:
        for a, b in zip(ms, ms[1:]):
            if (a.kind == "hijri" and b.kind == "gregorian" and a.precision == b.precision == "day"
                    and a.basis == b.basis == "text" and "الموافق" in text[a.end:b.start] and b.start - a.end < 20):
                pairs += 1
                agree += a.value == b.value
                assert abs((a.value - b.value).days) <= 2 or b.conflict
    assert pairs >= 20
    assert agree >= 0.9 * pairs, (agree, pairs)


@pytest.mark.skipif(not Path("/tmp/ant").is_dir() and not ANT.is_file(), reason=f"ANT not found at {ANT}")
def test_ant_time_fields_parse():
    import re
    import tarfile

    times = []
    if Path("/tmp/ant").is_dir():
        for path in sorted(Path("/tmp/ant").glob("*/*/*.txt"))[:3000:10]:
            m = re.search(r"<TIME>(.*?)</TIME>", path.read_text(encoding="utf-8", errors="replace"))
            if m:
                times.append(m.group(1))
    else:
        with tarfile.open(ANT) as tar:
            for member in tar:
                if member.isfile() and member.name.endswith(".txt"):
                    m = re.search(r"<TIME>(.*?)</TIME>", tar.extractfile(member).read().decode("utf-8", "replace"))
                    if m:
                        times.append(m.group(1))
                if len(times) >= 300:
                    break
    assert len(times) >= 100
    parsed = [parse_source_time(t) for t in times]
    assert all(p is not None for p in parsed)
    assert all(dt.date(2010, 1, 1) <= p[0] <= dt.date(2019, 1, 1) for p in parsed)  # ANT: mostly 2018, some 2012-13

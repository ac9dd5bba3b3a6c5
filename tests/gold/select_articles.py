"""Reproducible selection of the articles annotated in tests/gold/*.csv.

Rule (see GUIDELINES.md): candidates are news-politics articles (categories
internationalNews and middleEast) whose body is 1,200-3,500 characters long and
contains at least 6 finite reporting-verb tokens (the regex below, a rough
count, not the extractor).  Candidates are sorted by doc_id, shuffled with
random.Random(SEED) per outlet, and taken in that order: the first ones go to
dev, the next ones to holdout. 

Usage: PYTHONPATH=src python tests/gold/select_articles.py /tmp/ant [SAUDINEWSNET_DIR]
"""

import random
import re
import sys
from pathlib import Path

SEED = 20261123
CATEGORIES = ("internationalNews", "middleEast")
MIN_CHARS, MAX_CHARS, MIN_VERBS = 1200, 3500, 6
DEV_PER_OUTLET = {"Alarabia": 3, "BBC": 3, "CNN": 3, "France24": 3, "SkyNews": 3}
HOLDOUT_PER_OUTLET = {"Alarabia": 1, "BBC": 1, "CNN": 1, "France24": 1, "SkyNews": 1}
# Later sets continue each outlet's shuffled order where the earlier ones stopped
# (positions [start, stop)): ant_dev2 for development, ant_holdout2 as a second
# unseen check annotated blind, by annotators who did not see the extractor;
# ant_dev3 and ant_holdout3 likewise, one session later; ant_dev4 and ant_holdout4
# one session after that, and ant_dev5 later in that session; ant_dev6 and
# ant_holdout5 one session later again, and ant_dev7 and ant_dev8 later in that session;
# ant_dev9 and ant_holdout6 one session after that, and ant_dev10 and ant_dev11 later in that session.
LATER_ANT_SETS = {
    "ant_dev2": (4, 6),
    "ant_holdout2": (6, 8),
    "ant_dev3": (8, 10),
    "ant_holdout3": (10, 12),
    "ant_dev4": (12, 15),
    "ant_holdout4": (15, 17),
    "ant_dev5": (17, 20),
    "ant_dev6": (20, 23),
    "ant_holdout5": (23, 25),
    "ant_dev7": (25, 28),
    "ant_dev8": (28, 31),
    "ant_dev9": (31, 34),
    "ant_holdout6": (34, 36),
    "ant_dev10": (36, 39),
    "ant_dev11": (39, 42),
    "ant_dev12": (42, 45),
    "ant_holdout7": (45, 47),
    "ant_dev13": (47, 50),
}
# SaudiNewsNet (other outlets, other years): one day's file; outlets with at least
# 8 candidates; shuffled position 0 -> snn_dev, 1 -> snn_holdout, 2 -> snn_dev2.
SNN_FILE = "2015-07-21.zip"
SNN_MIN_CANDIDATES = 8
SNN_SETS = {"snn_dev": 0, "snn_holdout": 1, "snn_dev2": 2}

VERBS = re.compile(
    r"(?<![\w])و?(?:قال|أكد|أضاف|أعلن|أشار|أوضح|لفت|تابع|اعتبر|طالب|دعا|أعرب|شدد|"
    r"نفى|حذر|ذكر|أفاد|صرح|كشف|رأى)(?:ت|وا)?(?![\w])"
)
TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
DOCNO = re.compile(r"<DOCNO>(.*?)</DOCNO>")


def candidates(root: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for outlet_dir in sorted(root.iterdir()):
        for cat in CATEGORIES:
            for f in sorted((outlet_dir / cat).glob("*.txt")):
                raw = f.read_text(encoding="utf-8")
                m = TEXT.search(raw)
                if not m:
                    continue
                text = m.group(1)
                if MIN_CHARS <= len(text) <= MAX_CHARS and len(VERBS.findall(text)) >= MIN_VERBS:
                    out.setdefault(outlet_dir.name, []).append(DOCNO.search(raw).group(1))
    return out


def select(root: Path) -> tuple[list[str], list[str]]:
    dev, holdout = [], []
    for outlet, ids in sorted(candidates(root).items()):
        ids = sorted(ids)
        random.Random(SEED).shuffle(ids)
        k = DEV_PER_OUTLET[outlet]
        dev += ids[:k]
        holdout += ids[k : k + HOLDOUT_PER_OUTLET[outlet]]
    return dev, holdout


def later_ant_sets(root: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {name: [] for name in LATER_ANT_SETS}
    for outlet, ids in sorted(candidates(root).items()):
        ids = sorted(ids)
        random.Random(SEED).shuffle(ids)
        for name, (start, stop) in LATER_ANT_SETS.items():
            out[name] += ids[start:stop]
    return out


def snn_candidates(zip_path: Path) -> dict[str, list[str]]:
    """outlet -> doc ids (as the project's loader assigns them) of SaudiNewsNet candidates."""
    from analysis import corpus  # the loader's ids are content hashes: use the loader

    out: dict[str, list[str]] = {}
    for name, data in corpus.iter_blobs(zip_path):
        for record in corpus.parse_blob(name, data, None, corpus.Columns()):
            record = corpus.check_record(record)
            text = record.text or ""
            if not record.problem and MIN_CHARS <= len(text) <= MAX_CHARS and len(VERBS.findall(text)) >= MIN_VERBS:
                out.setdefault(record.outlet, []).append(record.doc_id)
    return out


def snn_sets(zip_path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {name: [] for name in SNN_SETS}
    for outlet, ids in sorted(snn_candidates(zip_path).items()):
        if len(ids) < SNN_MIN_CANDIDATES:
            continue
        ids = sorted(ids)
        random.Random(SEED).shuffle(ids)
        for name, position in SNN_SETS.items():
            out[name].append(ids[position])
    return out


if __name__ == "__main__":
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/ant")
    c = candidates(root)
    for o, ids in sorted(c.items()):
        print(o, len(ids), "candidates")
    dev, holdout = select(root)
    print("dev", *dev)
    print("holdout", *holdout)
    for name, ids in later_ant_sets(root).items():
        print(name, *ids)
    snn = Path(sys.argv[2] if len(sys.argv) > 2 else "/work/shared/corpora/saudinewsnet") / SNN_FILE
    if snn.exists():
        for name, ids in snn_sets(snn).items():
            print(name, *ids)

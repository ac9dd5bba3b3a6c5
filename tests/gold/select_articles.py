"""Reproducible selection of the ANT articles annotated in ant_dev.csv / ant_holdout.csv.

Rule (see GUIDELINES.md): candidates are news-politics articles (categories
internationalNews and middleEast) whose body is 1,200-3,500 characters long and
contains at least 6 finite reporting-verb tokens (the regex below, a rough
count, not the extractor).  Candidates are sorted by doc_id, shuffled with
random.Random(SEED) per outlet, and taken in that order: the first ones go to
dev, the next ones to holdout. 

Usage: python tests/gold/select_articles.py /tmp/ant
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


if __name__ == "__main__":
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/ant")
    c = candidates(root)
    for o, ids in sorted(c.items()):
        print(o, len(ids), "candidates")
    dev, holdout = select(root)
    print("dev", *dev)
    print("holdout", *holdout)

"""Extraction quality on the gold annotations of real news articles.

The annotations (tests/gold/*.csv) are in the repository; the articles are
not: they are read from the corpora beside the project (ANT, SaudiNewsNet)
when present.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from . import clean, config, corpus, dates, evaluate, speakers, statements

GOLD_DIR = config.PROJECT_ROOT / "tests" / "gold"
ANT_ARCHIVE = config.SHARED_CORPORA / "ant-2.1" / "ant-multisource-2.1.tar.gz"
SNN_ARCHIVE = config.SHARED_CORPORA / "saudinewsnet" / "2015-07-21.zip"
# set name -> (annotations, corpus file holding the articles).  "dev" sets were
# used to develop the rules; "holdout" sets were annotated blind and only their
# summary lines are read.
GOLD_SETS = {
    "dev": (GOLD_DIR / "ant_dev.csv", ANT_ARCHIVE),
    "dev2": (GOLD_DIR / "ant_dev2.csv", ANT_ARCHIVE),
    "dev3": (GOLD_DIR / "ant_dev3.csv", ANT_ARCHIVE),
    "dev4": (GOLD_DIR / "ant_dev4.csv", ANT_ARCHIVE),
    "dev5": (GOLD_DIR / "ant_dev5.csv", ANT_ARCHIVE),
    "dev6": (GOLD_DIR / "ant_dev6.csv", ANT_ARCHIVE),
    "dev7": (GOLD_DIR / "ant_dev7.csv", ANT_ARCHIVE),
    "dev8": (GOLD_DIR / "ant_dev8.csv", ANT_ARCHIVE),
    "dev9": (GOLD_DIR / "ant_dev9.csv", ANT_ARCHIVE),
    "dev10": (GOLD_DIR / "ant_dev10.csv", ANT_ARCHIVE),
    "dev11": (GOLD_DIR / "ant_dev11.csv", ANT_ARCHIVE),
    "dev12": (GOLD_DIR / "ant_dev12.csv", ANT_ARCHIVE),
    "dev13": (GOLD_DIR / "ant_dev13.csv", ANT_ARCHIVE),
    "snn_dev": (GOLD_DIR / "snn_dev.csv", SNN_ARCHIVE),
    "snn_dev2": (GOLD_DIR / "snn_dev2.csv", SNN_ARCHIVE),
    "holdout": (GOLD_DIR / "ant_holdout.csv", ANT_ARCHIVE),
    "holdout2": (GOLD_DIR / "ant_holdout2.csv", ANT_ARCHIVE),
    "holdout3": (GOLD_DIR / "ant_holdout3.csv", ANT_ARCHIVE),
    "holdout4": (GOLD_DIR / "ant_holdout4.csv", ANT_ARCHIVE),
    "holdout5": (GOLD_DIR / "ant_holdout5.csv", ANT_ARCHIVE),
    "holdout6": (GOLD_DIR / "ant_holdout6.csv", ANT_ARCHIVE),
    "holdout7": (GOLD_DIR / "ant_holdout7.csv", ANT_ARCHIVE),
    "snn_holdout": (GOLD_DIR / "snn_holdout.csv", SNN_ARCHIVE),
}
UNAVAILABLE = (f"Gold scores need the ANT corpus at {ANT_ARCHIVE} (not part of the project); "
               "it is absent here, so no scores are shown.")


def available_sets() -> list[str]:
    """Gold sets whose annotations and corpus are both present."""
    return [name for name, (gold, archive) in GOLD_SETS.items() if gold.exists() and archive.exists()]


def gold_documents(gold: pl.DataFrame, archive: Path = ANT_ARCHIVE) -> pl.DataFrame:
    """The documents the gold annotates, read from a corpus file with the project's loader."""
    wanted = set(gold["doc_id"].to_list())
    records = []
    for name, data in corpus.iter_blobs(archive):
        member = Path(name.rsplit("::", 1)[-1])
        # one-article files are parsed only when named after a wanted id;
        # multi-record files (JSON, CSV) always, their ids are inside
        if member.stem in wanted or member.suffix.lower() != ".txt":
            records.extend(corpus.check_record(r) for r in corpus.parse_blob(name, data, None, corpus.Columns()))
    return corpus.records_to_documents([r for r in records if not r.problem and r.doc_id in wanted])


def predict(documents: pl.DataFrame, registry_path=None) -> pl.DataFrame:
    registry = speakers.load_registry(registry_path or speakers.default_registry_path())
    flags = clean.flag_spans(documents)
    return dates.date_statements(statements.extract_statements(documents, flags, registry), documents)


def evaluate_set(name: str) -> evaluate.Evaluation:
    gold_path, archive = GOLD_SETS[name]
    gold = evaluate.load_gold(gold_path)
    documents = gold_documents(gold, archive)
    return evaluate.evaluate(predict(documents), gold, documents, speakers.default_registry().aliases)


def gold_scores() -> pl.DataFrame | None:
    """set, articles, gold statements, precision, recall, F1 (and span-only F1,
    speaker accuracy) per available gold set; None when no corpus is present."""
    names = available_sets()
    if not names:
        return None
    rows = []
    for name in names:
        gold = evaluate.load_gold(GOLD_SETS[name][0])
        result = evaluate_set(name)
        rows.append({
            "set": name, "articles": gold["doc_id"].n_unique(),
            "gold_statements": gold.filter(~pl.col("optional")).height,
            "precision": round(result.precision, 3), "recall": round(result.recall, 3), "f1": round(result.f1, 3),
            "span_f1": round(result.span_f1, 3), "speaker_accuracy": round(result.speaker_accuracy, 3),
        })
    return pl.DataFrame(rows)

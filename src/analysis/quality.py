"""Extraction quality on the gold annotations of real ANT articles.

The annotations (tests/gold/*.csv) are in the repository; the articles are
not: they are read from the ANT corpus beside the project when present.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from . import clean, config, corpus, dates, evaluate, speakers, statements

GOLD_DIR = config.PROJECT_ROOT / "tests" / "gold"
GOLD_SETS = {"dev": GOLD_DIR / "ant_dev.csv", "holdout": GOLD_DIR / "ant_holdout.csv"}
ANT_ARCHIVE = config.SHARED_CORPORA / "ant-2.1" / "ant-multisource-2.1.tar.gz"
UNAVAILABLE = (f"Gold scores need the ANT corpus at {ANT_ARCHIVE} (not part of the project); "
               "it is absent here, so no scores are shown.")


def gold_documents(gold: pl.DataFrame, archive: Path = ANT_ARCHIVE) -> pl.DataFrame:
    """The documents the gold annotates, read from the ANT archive."""
    wanted = set(gold["doc_id"].to_list())
    records = []
    for name, data in corpus.iter_blobs(archive):
        if Path(name.rsplit("::", 1)[-1]).stem in wanted:
            records.extend(corpus.check_record(r) for r in corpus.parse_blob(name, data, None, corpus.Columns()))
    return corpus.records_to_documents([r for r in records if not r.problem and r.doc_id in wanted])


def predict(documents: pl.DataFrame, registry_path=None) -> pl.DataFrame:
    registry = speakers.load_registry(registry_path or speakers.default_registry_path())
    flags = clean.flag_spans(documents)
    return dates.date_statements(statements.extract_statements(documents, flags, registry), documents)


def evaluate_set(name: str, archive: Path = ANT_ARCHIVE) -> evaluate.Evaluation:
    gold = evaluate.load_gold(GOLD_SETS[name])
    documents = gold_documents(gold, archive)
    return evaluate.evaluate(predict(documents), gold, documents)


def gold_scores(archive: Path = ANT_ARCHIVE) -> pl.DataFrame | None:
    """set, articles, gold statements, precision, recall, F1 (and span-only F1,
    speaker accuracy) per gold set; None when the corpus is absent."""
    if not Path(archive).exists():
        return None
    rows = []
    for name in GOLD_SETS:
        gold = evaluate.load_gold(GOLD_SETS[name])
        result = evaluate_set(name, archive)
        rows.append({
            "set": name, "articles": gold["doc_id"].n_unique(),
            "gold_statements": gold.filter(~pl.col("optional")).height,
            "precision": round(result.precision, 3), "recall": round(result.recall, 3), "f1": round(result.f1, 3),
            "span_f1": round(result.span_f1, 3), "speaker_accuracy": round(result.speaker_accuracy, 3),
        })
    return pl.DataFrame(rows)

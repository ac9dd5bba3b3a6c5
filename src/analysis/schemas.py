"""Table contracts between pipeline stages (see README "Tables").

Every stage takes and returns polars DataFrames with exactly these columns
(extra columns are allowed only where listed).  Offsets are Python string
indices (code points) into ``documents.text``; ends are exclusive.
"""

import polars as pl

DOCUMENTS = {
    "doc_id": pl.String,
    "source_path": pl.String,  # file (and member inside an archive: "a.zip::b.json#3")
    "format": pl.String,  # txt | trec | json | jsonl | csv | parquet
    "outlet": pl.String,
    "url": pl.String,
    "title": pl.String,
    "published": pl.Date,
    "published_precision": pl.String,  # day | month | year | null
    "published_basis": pl.String,  # metadata | source | text | null
    "encoding": pl.String,  # utf-8 | utf-8-sig | cp1256 : how the bytes were decoded
    "text": pl.String,  # body exactly as in the source (after decoding)
}

MANIFEST = {
    "path": pl.String,
    "doc_id": pl.String,
    "status": pl.String,  # loaded | rejected | duplicate
    "reason": pl.String,
}

# Spans flagged by cleaning.  Flags never delete text: later stages skip them.
FLAGS = {
    "doc_id": pl.String,
    "char_start": pl.Int64,
    "char_end": pl.Int64,
    "kind": pl.String,  # boilerplate | byline | source | headline | duplicate
    "reason": pl.String,  # short human-readable why, e.g. "repeats 120-480"
}

# Kinds of flag whose text must never yield a statement.
SKIPPED_FLAG_KINDS = ("boilerplate", "byline", "source", "duplicate")

STATEMENTS = {
    "doc_id": pl.String,
    "char_start": pl.Int64,  # text[char_start:char_end] = reporting clause
    "char_end": pl.Int64,
    "speaker_id": pl.String,
    "speaker_name": pl.String,
    "speaker_en": pl.String,
    "speaker_mention": pl.String,
    "speaker_kind": pl.String,  # person | organization | group | unknown
    "verb": pl.String,
    "mode": pl.String,  # direct | indirect | mixed
    "content": pl.String,
    "is_headline": pl.Boolean,
    # offsets of the parts inside the clause (extra to the DESIGN contract,
    # used for dating the clause and for provenance in the notebooks)
    "verb_start": pl.Int64,
    "verb_end": pl.Int64,
    "content_start": pl.Int64,
    "content_end": pl.Int64,
    "statement_date": pl.Date,
    "date_precision": pl.String,  # day | month | year | null
    "date_basis": pl.String,  # text | relative | published | none
}


def empty(schema: dict) -> pl.DataFrame:
    return pl.DataFrame(schema=schema)


def conform(df: pl.DataFrame, schema: dict) -> pl.DataFrame:
    """Return df with exactly the schema's columns, in order, cast to its dtypes."""
    missing = [c for c in schema if c not in df.columns]
    if missing:
        df = df.with_columns([pl.lit(None, dtype=schema[c]).alias(c) for c in missing])
    return df.select([pl.col(c).cast(t) for c, t in schema.items()])

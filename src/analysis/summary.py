"""Tables that describe a run for the notebooks: corpus, cleaning, provenance."""

from __future__ import annotations

import polars as pl

from . import schemas


def manifest_counts(manifest: pl.DataFrame) -> pl.DataFrame:
    """status, n: how every input ended."""
    return manifest.group_by("status").len("n").sort("status")


def problems(manifest: pl.DataFrame) -> pl.DataFrame:
    """Every input that was not loaded, with its reason (path, doc_id, status, reason)."""
    return manifest.filter(pl.col("status") != "loaded").sort("status", "path", "doc_id", nulls_last=True)


def documents_by_outlet_month(documents: pl.DataFrame) -> pl.DataFrame:
    """outlet, month, precision, n: documents per outlet and publication month.
    Documents dated only to the year are shown as their year, undated as null."""
    month = (pl.when(pl.col("published_precision") == "year").then(pl.col("published").dt.strftime("%Y"))
             .otherwise(pl.col("published").dt.strftime("%Y-%m")))
    return (documents.with_columns(month.alias("month"), pl.col("outlet").fill_null("(unknown)"))
            .group_by("outlet", "month", "published_precision").len("n")
            .sort("outlet", "month", nulls_last=True))


def dating_basis(documents: pl.DataFrame) -> pl.DataFrame:
    """published_basis, published_precision, n: where publication dates came from."""
    return documents.group_by("published_basis", "published_precision").len("n").sort(
        "published_basis", "published_precision", nulls_last=True)


def flag_counts(flags: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    """kind, spans, documents, chars, share_of_text: what cleaning flagged."""
    total = documents["text"].str.len_chars().sum() or 1
    return (flags.group_by("kind")
            .agg(pl.len().alias("spans"), pl.col("doc_id").n_unique().alias("documents"),
                 (pl.col("char_end") - pl.col("char_start")).sum().alias("chars"))
            .with_columns((pl.col("chars") / total).round(4).alias("share_of_text"))
            .sort("kind"))


def flagged_examples(flags: pl.DataFrame, documents: pl.DataFrame, per_kind: int = 3, width: int = 80) -> pl.DataFrame:
    """A few flagged spans of each kind with their text, for a reader to check."""
    return (flags.join(documents.select("doc_id", "text"), on="doc_id")
            .sort("kind", "doc_id", "char_start")
            .group_by("kind", maintain_order=True).head(per_kind)
            .with_columns(pl.col("text").str.slice(pl.col("char_start"), pl.col("char_end") - pl.col("char_start"))
                          .str.slice(0, width).str.replace_all(r"\s+", " ").alias("flagged_text"))
            .select("kind", "doc_id", "char_start", "char_end", "reason", "flagged_text"))


def with_source(statements: pl.DataFrame, documents: pl.DataFrame, width: int = 160) -> pl.DataFrame:
    """Statements with the exact source text of their reporting clause
    (text[char_start:char_end]) so every row can be checked against the article."""
    return (statements.join(documents.select("doc_id", "text"), on="doc_id", how="left")
            .with_columns(pl.col("text").str.slice(pl.col("char_start"), pl.col("char_end") - pl.col("char_start"))
                          .alias("source_text"))
            .drop("text")
            .with_columns(pl.col("source_text").str.slice(0, width).str.replace_all(r"\s+", " ").alias("source_excerpt")))


def offsets_inside_documents(statements: pl.DataFrame, documents: pl.DataFrame) -> bool:
    lengths = documents.select("doc_id", pl.col("text").str.len_chars().alias("length"))
    joined = statements.join(lengths, on="doc_id", how="left")
    return joined.filter(pl.col("length").is_null() | (pl.col("char_start") < 0)
                         | (pl.col("char_end") > pl.col("length"))
                         | (pl.col("char_start") >= pl.col("char_end"))).height == 0


def statements_in_skipped_spans(statements: pl.DataFrame, flags: pl.DataFrame) -> pl.DataFrame:
    """Statements whose reporting verb lies inside a span that must be skipped
    (duplicate, boilerplate, byline, source): must be empty."""
    skipped = flags.filter(pl.col("kind").is_in(schemas.SKIPPED_FLAG_KINDS))
    return (statements.join(skipped, on="doc_id", suffix="_flag")
            .filter((pl.col("verb_start") >= pl.col("char_start_flag")) & (pl.col("verb_start") < pl.col("char_end_flag"))))


def publication_window(documents: pl.DataFrame) -> tuple:
    """(first, last) publication day of the corpus: the default span of the
    timeline, so that a few statements dated decades back (a quote "in 1948")
    do not squeeze the corpus period into a sliver."""
    dated = documents.filter(pl.col("published").is_not_null())
    if dated.height == 0:
        return None, None
    return dated["published"].min(), dated["published"].max()


def within(statements: pl.DataFrame, first, last) -> pl.DataFrame:
    """Statements dated inside [first, last] (either bound may be None)."""
    keep = pl.col("statement_date").is_not_null()
    if first is not None:
        keep = keep & (pl.col("statement_date") >= first)
    if last is not None:
        keep = keep & (pl.col("statement_date") <= last)
    return statements.filter(keep)

"""Aggregates of the statements table for figures (pure polars functions).

Every function takes the statements table (schemas.STATEMENTS; documents
where outlets are needed) and returns a small DataFrame sorted with full
tie-breaks, so the output is byte-for-byte the same between runs (the
notebooks are compared by nbval).  Statements without a speaker_id are left
out of the per-speaker aggregates.

Speakers past ``top_n`` are lumped into one row with speaker_id
:data:`OTHER_SPEAKER` when ``other=True`` (dropped otherwise).  Speakers are
ranked by statement count, ties broken by speaker_id.
"""

from __future__ import annotations

import polars as pl

OTHER_SPEAKER = "__other__"  # same literal as arabic.OTHER_SPEAKER
OTHER_NAME_AR = "متحدثون آخرون"
OTHER_NAME_EN = "Other speakers"
UNKNOWN_OUTLET = "(unknown outlet)"  # documents whose outlet no source names

FREQUENCIES = ("week", "month", "quarter", "year")
_EVERY = {"week": "1w", "month": "1mo", "quarter": "1q", "year": "1y"}
# The bins a statement of a given date precision can honestly be put in: a
# month-precision date lies inside one month, quarter and year, but not
# inside one week.  Coarser statements are returned on their own span.
_FITS = {
    "day": {"week", "month", "quarter", "year"},
    "week": {"week"},  # an ISO week (dated by its Monday) can straddle months and years
    "month": {"month", "quarter", "year"},
    "year": {"year"},
}
MODES = ("direct", "indirect", "mixed")


# -- speakers -----------------------------------------------------------------


def _most_common(statements: pl.DataFrame, column: str) -> pl.DataFrame:
    """speaker_id -> the most frequent non-null value of `column` (ties: smallest)."""
    return (
        statements.filter(pl.col("speaker_id").is_not_null() & pl.col(column).is_not_null())
        .group_by("speaker_id", column)
        .len()
        .sort(["speaker_id", "len", column], descending=[False, True, False])
        .group_by("speaker_id", maintain_order=True)
        .first()
        .select("speaker_id", column)
    )


def speaker_names(statements: pl.DataFrame) -> pl.DataFrame:
    """speaker_id, speaker_name, speaker_en, speaker_kind: one row per speaker."""
    ids = statements.filter(pl.col("speaker_id").is_not_null()).select("speaker_id").unique().sort("speaker_id")
    for column in ("speaker_name", "speaker_en", "speaker_kind"):
        ids = ids.join(_most_common(statements, column), on="speaker_id", how="left")
    return ids


def counts_by_speaker(statements: pl.DataFrame, top_n: int | None = None, other: bool = True) -> pl.DataFrame:
    """speaker_id, speaker_name, speaker_en, speaker_kind, n, share.

    Ordered by n descending, then speaker_id; this order is the speaker rank
    used for colours (arabic.speaker_colors) and for top_n everywhere.
    """
    attributed = statements.filter(pl.col("speaker_id").is_not_null())
    counts = (
        _lump(attributed, top_n, other)
        .group_by("speaker_id")
        .len("n")
        .with_columns(pl.col("n").cast(pl.Int64))
    )
    total = counts["n"].sum()
    counts = counts.with_columns((pl.col("n") / total if total else pl.lit(0.0)).alias("share"))
    out = counts.join(_names_with_other(attributed), on="speaker_id", how="left")
    return _sort_speakers_first(out, ["n"], ["speaker_id"]).select(
        "speaker_id", "speaker_name", "speaker_en", "speaker_kind", "n", "share"
    )


def _speaker_rank(statements: pl.DataFrame) -> pl.DataFrame:
    return (
        statements.filter(pl.col("speaker_id").is_not_null())
        .group_by("speaker_id")
        .len("n")
        .sort(["n", "speaker_id"], descending=[True, False])
        .with_row_index("rank")
    )


def top_speakers(statements: pl.DataFrame, top_n: int | None) -> list[str]:
    """speaker_ids of the top_n speakers by statement count (all when None)."""
    rank = _speaker_rank(statements)
    return rank["speaker_id"].to_list() if top_n is None else rank.head(top_n)["speaker_id"].to_list()


def _lump(statements: pl.DataFrame, top_n: int | None, other: bool, ranked: pl.DataFrame | None = None) -> pl.DataFrame:
    """Replace speakers past top_n by OTHER_SPEAKER (or drop them).

    ranked: the table whose counts rank the speakers (default: statements),
    so a filtered subset keeps the speakers of the whole table.
    """
    if top_n is None:
        return statements
    keep = top_speakers(statements if ranked is None else ranked, top_n)
    in_top = pl.col("speaker_id").is_in(keep)
    if not other:
        return statements.filter(in_top)
    return statements.with_columns(
        pl.when(in_top).then(pl.col("speaker_id")).otherwise(pl.lit(OTHER_SPEAKER)).alias("speaker_id")
    )


def _names_with_other(statements: pl.DataFrame) -> pl.DataFrame:
    other = pl.DataFrame(
        {"speaker_id": [OTHER_SPEAKER], "speaker_name": [OTHER_NAME_AR], "speaker_en": [OTHER_NAME_EN],
         "speaker_kind": ["group"]}
    )
    return pl.concat([speaker_names(statements), other], how="vertical_relaxed")


def _sort_speakers_first(df: pl.DataFrame, by: list[str], then: list[str], descending_by: bool = True) -> pl.DataFrame:
    """Sort with OTHER_SPEAKER last, then by `by` (descending), then `then`."""
    is_other = (pl.col("speaker_id") == OTHER_SPEAKER).alias("_other")
    return (
        df.with_columns(is_other)
        .sort(["_other", *by, *then], descending=[False, *[descending_by] * len(by), *[False] * len(then)])
        .drop("_other")
    )


def _rank_order(statements: pl.DataFrame, top_n: int | None, other: bool) -> pl.DataFrame:
    """speaker_id -> speaker_order (0 = most statements; OTHER last)."""
    order = counts_by_speaker(statements, top_n, other).select("speaker_id").with_row_index("speaker_order")
    return order.with_columns(pl.col("speaker_order").cast(pl.Int64))


# -- over time ----------------------------------------------------------------


def statements_over_time(
    statements: pl.DataFrame,
    freq: str = "month",
    top_n: int | None = None,
    other: bool = True,
) -> pl.DataFrame:
    """Statements per speaker and period, honest about date precision.

    Returns period (Date, first day), period_end (Date, exclusive), span,
    in_bin, speaker_id, speaker_name, speaker_en, speaker_order, n.

    Rows with ``in_bin`` True count statements whose date is precise enough
    for a `freq` bin (span == freq).  A statement whose date precision is
    coarser than the bin (a month-precision date at freq='week', a
    year-precision date below freq='year') is never put in a bin: it is
    counted on a row of its own span ('month' or 'year', in_bin False) so a
    plot can draw it as a band over the whole month or year.  Undated
    statements are left out (see counts_by_speaker for totals).
    Weeks start on Monday (ISO).
    """
    if freq not in FREQUENCIES:
        raise ValueError(f"freq must be one of {FREQUENCIES}, not {freq!r}")
    dated = statements.filter(
        pl.col("speaker_id").is_not_null()
        & pl.col("statement_date").is_not_null()
        & pl.col("date_precision").is_in(list(_FITS))
    )
    base = statements.filter(pl.col("speaker_id").is_not_null())
    dated = _lump(dated, top_n, other, ranked=base)
    fits = [p for p, bins in _FITS.items() if freq in bins]
    span = pl.when(pl.col("date_precision").is_in(fits)).then(pl.lit(freq)).otherwise(pl.col("date_precision"))
    dated = dated.with_columns(span.alias("span"))
    parts = []
    for s in sorted(set(dated["span"].unique().to_list())):
        every = _EVERY[s]
        part = dated.filter(pl.col("span") == s).with_columns(
            pl.col("statement_date").dt.truncate(every).alias("period")
        )
        parts.append(part.with_columns(pl.col("period").dt.offset_by(every).alias("period_end")))
    schema_cols = ["period", "period_end", "span", "in_bin", "speaker_id", "speaker_name", "speaker_en",
                   "speaker_order", "n"]
    if not parts:
        return pl.DataFrame(schema={"period": pl.Date, "period_end": pl.Date, "span": pl.String,
                                    "in_bin": pl.Boolean, "speaker_id": pl.String, "speaker_name": pl.String,
                                    "speaker_en": pl.String, "speaker_order": pl.Int64, "n": pl.Int64})
    counted = (
        pl.concat(parts)
        .group_by("period", "period_end", "span", "speaker_id")
        .len("n")
        .with_columns(pl.col("n").cast(pl.Int64), (pl.col("span") == freq).alias("in_bin"))
    )
    counted = counted.join(_rank_order(base, top_n, other), on="speaker_id", how="left")
    counted = counted.join(_names_with_other(base), on="speaker_id", how="left")
    return counted.sort(["in_bin", "period", "period_end", "speaker_order", "speaker_id"],
                        descending=[True, False, False, False, False]).select(schema_cols)


# -- outlets, verbs, modes ------------------------------------------------------


def _speaker_grid(attributed: pl.DataFrame, lumped: pl.DataFrame, top_n: int | None, other: bool,
                  column: str, values: list[str], share_name: str) -> pl.DataFrame:
    """Counts of every speaker x value pair (n = 0 where none) with each
    speaker's share, in speaker rank then value order."""
    order = _rank_order(attributed, top_n, other)
    grid = order.join(pl.DataFrame({column: values}).with_row_index("value_order"), how="cross")
    counts = lumped.group_by("speaker_id", column).len("n")
    out = (
        grid.join(counts, on=["speaker_id", column], how="left")
        .with_columns(pl.col("n").fill_null(0).cast(pl.Int64))
        .with_columns((pl.col("n") / pl.col("n").sum().over("speaker_id")).fill_nan(0.0).alias(share_name))
        .join(_names_with_other(attributed), on="speaker_id", how="left")
    )
    return out.sort(["speaker_order", "value_order"]).select(
        "speaker_id", "speaker_name", "speaker_en", "speaker_order", column, "n", share_name
    )


def speaker_by_outlet(
    statements: pl.DataFrame,
    documents: pl.DataFrame,
    top_n: int | None = None,
    top_outlets: int | None = None,
    other: bool = True,
) -> pl.DataFrame:
    """speaker_id, speaker_name, speaker_en, speaker_order, outlet, n, share_of_speaker.

    Every speaker x outlet pair is present (n = 0 where none) so the result
    can be shown as a heat map.  Outlets ordered by total statements.
    """
    joined = statements.filter(pl.col("speaker_id").is_not_null()).join(
        documents.select("doc_id", pl.col("outlet").fill_null(UNKNOWN_OUTLET)), on="doc_id", how="left"
    ).with_columns(pl.col("outlet").fill_null(UNKNOWN_OUTLET))
    lumped = _lump(joined, top_n, other)
    outlet_rank = lumped.group_by("outlet").len("n").sort(["n", "outlet"], descending=[True, False])
    outlets = outlet_rank["outlet"].to_list()
    if top_outlets is not None:
        outlets = outlets[:top_outlets]
        lumped = lumped.filter(pl.col("outlet").is_in(outlets))
    return _speaker_grid(joined, lumped, top_n, other, "outlet", outlets, "share_of_speaker")


_HARAKAT = r"[\x{0610}-\x{061A}\x{064B}-\x{065F}\x{0670}\x{06D6}-\x{06ED}]"
_TATWEEL = "\u0640"
_ALEFS = r"[أإآٱ]"


def normalize_arabic(expr: pl.Expr) -> pl.Expr:
    """Matching copy of Arabic text: no harakat or tatweel, one alef."""
    return expr.str.replace_all(_HARAKAT, "").str.replace_all(_TATWEEL, "", literal=True).str.replace_all(_ALEFS, "ا")


# Attached object pronouns (أبلغه، أخبرهم) and the feminine past ending (قالت);
# each is removed only when three letters remain, so short verbs survive.
_VERB_SUFFIX = r"^(\S{3,}?)(?:ه|ها|هم|هما|هن|كم|نا|ت)$"
# Conjunction proclitics و/ف, again only when three letters remain (وصف stays).
_VERB_PREFIX = r"^[وف](\S{3,})$"


def verb_lemma(expr: pl.Expr) -> pl.Expr:
    """Grouping key for a reporting verb as written: normalised, و/ف and
    attached pronouns / feminine ت stripped.  Not a morphological lemma."""
    norm = normalize_arabic(expr.str.strip_chars())
    return norm.str.replace(_VERB_SUFFIX, "${1}").str.replace(_VERB_PREFIX, "${1}")


def verb_counts(statements: pl.DataFrame, top_n: int | None = None, by_speaker: bool = False) -> pl.DataFrame:
    """[speaker_id,] verb (grouping key), example, n, share.

    example: the most frequent written form whose normalised spelling is the
    key itself (أكد for اكد), else the most frequent form.  Ordered by n
    descending, then verb; top_n per speaker when by_speaker."""
    verbs = statements.filter(pl.col("verb").is_not_null() & (pl.col("verb").str.strip_chars() != ""))
    verbs = verbs.with_columns(verb_lemma(pl.col("verb")).alias("verb_key"), pl.col("verb").str.strip_chars().alias("form"))
    keys = ["speaker_id"] if by_speaker else []
    if by_speaker:
        verbs = verbs.filter(pl.col("speaker_id").is_not_null())
    # the example prefers bare forms (أكد over وأكدت) for display
    example = (
        verbs.group_by("verb_key", "form").len()
        .with_columns((normalize_arabic(pl.col("form")) == pl.col("verb_key")).alias("bare"))
        .sort(["verb_key", "bare", "len", "form"], descending=[False, True, True, False])
        .group_by("verb_key", maintain_order=True).first()
        .select("verb_key", pl.col("form").alias("example"))
    )
    counts = verbs.group_by(*keys, "verb_key").len("n").with_columns(pl.col("n").cast(pl.Int64))
    total = pl.col("n").sum().over(keys) if keys else pl.col("n").sum()
    counts = counts.with_columns((pl.col("n") / total).alias("share"))
    counts = counts.join(example, on="verb_key", how="left").rename({"verb_key": "verb"})
    counts = counts.sort([*keys, "n", "verb"], descending=[*[False] * len(keys), True, False])
    if top_n is not None:
        counts = counts.group_by(keys, maintain_order=True).head(top_n) if keys else counts.head(top_n)
    return counts.select(*keys, "verb", "example", "n", "share")


def mode_share(statements: pl.DataFrame, top_n: int | None = None, other: bool = True) -> pl.DataFrame:
    """speaker_id, speaker_name, speaker_en, speaker_order, mode, n, share.

    Every speaker has a row for each of direct, indirect, mixed (n = 0 where
    none); share is within the speaker.  Statements with another or no mode
    are not counted.
    """
    attributed = statements.filter(pl.col("speaker_id").is_not_null())
    lumped = _lump(attributed, top_n, other).filter(pl.col("mode").is_in(list(MODES)))
    return _speaker_grid(attributed, lumped, top_n, other, "mode", list(MODES), "share")


# -- characteristic words ---------------------------------------------------------

# General Arabic function words (normalised: one alef, no harakat): particles,
# prepositions, conjunctions, pronouns, demonstratives, relatives, auxiliaries
# and quantifiers.  Not derived from any corpus.
_FUNCTION_WORDS = """
في من على الى عن مع عند لدى حتى منذ مذ خلال بين بعد قبل فوق تحت امام خلف دون حول ضد عبر نحو لدي
و ف ثم او ام بل لكن لكن لا لم لن ما ليس ليست ان انه انها انهم ان اذا اذ اذا لو لولا كي لكي حين حيث
كما كان كانت كانوا يكون تكون يكونوا قد لقد سوف سيكون كل بعض اي غير سوى جميع كلا كلتا معظم اكثر اقل
هو هي هم هما هن انا نحن انت انتم انتما انتن اياه اياها اياهم
هذا هذه هذان هاتان هؤلاء ذلك تلك اولئك هنا هناك هنالك
الذي التي الذين اللذان اللتان اللاتي اللواتي اللائي من ما
له لها لهم لهما لنا لي لك لكم به بها بهم فيه فيها فيهم منه منها منهم عليه عليها عليهم اليه اليها اليهم عنه عنها عنهم
يا ايها اما الا الا هل كيف متى اين لماذا ماذا كم
ايضا فقط جدا حاليا اليوم امس غدا الان عندما بينما كذلك هكذا لذلك لذا مثل مثلا نفس ذات
تم يتم وقد وان وفي ومن وعلى والى وعن ومع وهو وهي وهم ولا ولم ولن وما وكان وكانت وذلك وهذا وهذه
فيما بسبب بحسب حسب بشكل وفق وفقا اخرى اخر ضمن اثناء عدة حوالي تجاه ازاء رغم بدون مقابل جراء بان بانه بانها لان لانه
كلما لاسيما سيما لهذا لهذه كذا ولكن لكنه لكنها انما مما عما فيما بما ربما قبيل بعيد عقب لدي
الي علي
""".split()
STOPWORDS = frozenset(_FUNCTION_WORDS)

# Arabic letters (and combining marks) only: no punctuation, digits or symbols.
_TOKEN = r"[[\p{Arabic}\p{Mn}]&&[^\p{P}\p{S}\p{N}]]+"


def tokens(expr: pl.Expr) -> pl.Expr:
    """List of normalised Arabic word tokens of a text column."""
    return normalize_arabic(expr).str.extract_all(_TOKEN)


def characteristic_words(
    statements: pl.DataFrame,
    top_n: int = 10,
    top_speakers_n: int | None = None,
    min_count: int = 3,
    prior_weight: float = 1.0,
    text_column: str = "content",
) -> pl.DataFrame:
    """Words most characteristic of each speaker's statements.

    Weighted log-odds ratio with an informative Dirichlet prior (Monroe,
    Colaresi & Quinn 2008, "Fightin' Words"), each speaker against all other
    speakers.  The prior is the word's count in the whole table times
    `prior_weight` (alpha_w), so rare words are shrunk towards the corpus
    rate.  z = delta / sqrt(1/(y_i+alpha_w) + 1/(y_rest+alpha_w)).

    Tokens: Arabic letter runs of `text_column` after removing harakat and
    tatweel and unifying alef forms; function words (STOPWORDS) and
    one-letter tokens dropped.  Words the speaker used fewer than
    `min_count` times are not reported.

    Returns speaker_id, speaker_name, speaker_en, speaker_order, rank (1 =
    most characteristic), word, n (speaker's count), n_rest, log_odds, z;
    top_n words per speaker by z (ties: word).  Speakers limited to the
    top_speakers_n by statement count (no "other" bucket).
    """
    attributed = statements.filter(pl.col("speaker_id").is_not_null() & pl.col(text_column).is_not_null())
    keep = top_speakers(attributed, top_speakers_n)
    words = (
        attributed.select("speaker_id", tokens(pl.col(text_column)).alias("word"))
        .explode("word")
        .filter(pl.col("word").is_not_null() & (pl.col("word").str.len_chars() > 1)
                & ~pl.col("word").is_in(list(STOPWORDS)))
    )
    y = words.group_by("speaker_id", "word").len("y").with_columns(pl.col("y").cast(pl.Float64))
    totals = y.group_by("word").agg(pl.col("y").sum().alias("y_all"))
    n_all = float(totals["y_all"].sum() or 0.0)
    n_by = y.group_by("speaker_id").agg(pl.col("y").sum().alias("n_i"))
    alpha0 = prior_weight * n_all
    scored = (
        y.filter(pl.col("speaker_id").is_in(keep))
        .join(totals, on="word")
        .join(n_by, on="speaker_id")
        .with_columns(
            (prior_weight * pl.col("y_all")).alias("a"),
            (pl.col("y_all") - pl.col("y")).alias("y_rest"),
            (pl.lit(n_all) - pl.col("n_i")).alias("n_rest"),
        )
        .filter((pl.col("y") >= min_count) & (pl.col("n_rest") > 0))
        .with_columns(
            (
                ((pl.col("y") + pl.col("a")) / (pl.col("n_i") + alpha0 - pl.col("y") - pl.col("a"))).log()
                - ((pl.col("y_rest") + pl.col("a")) / (pl.col("n_rest") + alpha0 - pl.col("y_rest") - pl.col("a"))).log()
            ).alias("log_odds"),
            (1.0 / (pl.col("y") + pl.col("a")) + 1.0 / (pl.col("y_rest") + pl.col("a"))).alias("var"),
        )
        .with_columns((pl.col("log_odds") / pl.col("var").sqrt()).alias("z"))
    )
    order = pl.DataFrame({"speaker_id": keep}).with_row_index("speaker_order").with_columns(
        pl.col("speaker_order").cast(pl.Int64)
    )
    out = (
        scored.join(order, on="speaker_id")
        .sort(["speaker_order", "z", "word"], descending=[False, True, False])
        .group_by("speaker_id", maintain_order=True)
        .head(top_n)
        .with_columns((pl.int_range(pl.len()).over("speaker_id") + 1).cast(pl.Int64).alias("rank"))
        .join(speaker_names(attributed).select("speaker_id", "speaker_name", "speaker_en"), on="speaker_id", how="left")
        .with_columns(pl.col("y").cast(pl.Int64).alias("n"), pl.col("y_rest").cast(pl.Int64).alias("n_rest"))
    )
    return out.sort(["speaker_order", "rank"]).select(
        "speaker_id", "speaker_name", "speaker_en", "speaker_order", "rank", "word", "n", "n_rest", "log_odds", "z"
    )


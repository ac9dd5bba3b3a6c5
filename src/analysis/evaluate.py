"""Score extracted statements against the hand-annotated gold (tests/gold/).

A gold row marks one reporting event by an *anchor*: an exact substring of the
document text inside the reporting clause that contains the reporting verb.
A predicted statement matches a gold row when its clause span
[char_start, char_end) overlaps the anchor span and its speaker matches one of
the gold speaker names (Arabic-normalised, see ``speaker_matches``).  Matching
is one-to-one, greedy by overlap size.  Optional gold rows (headlines,
anonymous sources, borderline cases) never count as misses; a prediction
matched to one (after the required rows; by speaker first, else by span alone)
is neither a hit nor a false alarm.

CLI:
    python -m analysis.evaluate --gold tests/gold/ant_dev.csv \
        --documents DIR/documents.parquet --statements DIR/statements.parquet
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from .speakers import default_registry_path, load_registry

GOLD_COLUMNS = {
    "doc_id": pl.String,
    "outlet": pl.String,
    "n": pl.Int64,
    "anchor": pl.String,
    "anchor_occurrence": pl.Int64,
    "speaker_ar": pl.String,
    "speaker_en": pl.String,
    "speaker_kind": pl.String,
    "mode": pl.String,
    "optional": pl.Boolean,
    "note": pl.String,
}


# --------------------------------------------------------------------------- gold


def load_gold(path: str | Path) -> pl.DataFrame:
    """Read a gold CSV (every column as text, then cast) and check its shape."""
    raw = pl.read_csv(path, infer_schema=False)
    missing = [c for c in GOLD_COLUMNS if c not in raw.columns]
    if missing:
        raise ValueError(f"{path}: gold file lacks columns {missing}")
    optional = raw["optional"].str.strip_chars().str.to_lowercase()
    bad = raw.filter(~optional.is_in(["true", "false"]))
    if bad.height:
        raise ValueError(f"{path}: optional must be true/false, got {bad['optional'].to_list()[:5]}")
    gold = raw.with_columns(
        pl.col("n").cast(pl.Int64),
        pl.col("anchor_occurrence").fill_null("1").cast(pl.Int64),
        (optional == "true").alias("optional"),
        pl.col("note").fill_null(""),
    ).select([pl.col(c).cast(t) for c, t in GOLD_COLUMNS.items()])
    empty = gold.filter(pl.col("anchor").is_null() | (pl.col("anchor") == "") | pl.col("speaker_ar").is_null())
    if empty.height:
        raise ValueError(f"{path}: rows without anchor or speaker: {empty.select('doc_id', 'n').rows()[:5]}")
    return gold


def nth_occurrence(text: str, needle: str, occurrence: int) -> int:
    """Start of the occurrence-th (1-based) exact occurrence of needle, or -1."""
    position = -1
    for _ in range(max(occurrence, 1)):
        position = text.find(needle, position + 1)
        if position < 0:
            return -1
    return position


def locate_anchors(gold: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    """Add anchor_start / anchor_end (exclusive) by finding each anchor in its document text."""
    texts = dict(documents.select("doc_id", "text").iter_rows())
    starts, ends = [], []
    for doc_id, anchor, occurrence in gold.select("doc_id", "anchor", "anchor_occurrence").iter_rows():
        if doc_id not in texts:
            raise ValueError(f"gold document {doc_id!r} is not among the documents (anchor {anchor!r})")
        start = nth_occurrence(texts[doc_id], anchor, occurrence or 1)
        if start < 0:
            raise ValueError(f"anchor {anchor!r} (occurrence {occurrence}) not found in document {doc_id!r}")
        starts.append(start)
        ends.append(start + len(anchor))
    return gold.with_columns(
        pl.Series("anchor_start", starts, dtype=pl.Int64),
        pl.Series("anchor_end", ends, dtype=pl.Int64),
    )


# ------------------------------------------------------------------ speaker names

# Harakat, Quranic marks, superscript alef and tatweel carry no identity.
_MARKS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
# Anything that is not a letter or digit separates tokens (quotes, #, _, dashes).
_SEPARATORS = re.compile(r"[\W_]+")

# Normalised tokens that never identify a speaker on their own: titles, roles,
# generic institution words and particles.  A name match needs at least one
# token outside this list on the shorter side.
_GENERIC_WORDS = (
    """
    وزير وزيره وزراء وزاره رئيس رئيسه رئاسه متحدث متحدثه ناطق ناطقه باسم
    مسؤول مسؤوله مسؤولون مسؤولين مصدر مصادر نائب سفير سفاره قنصل قنصليه مدير
    امين عام عامه مستشار قائد زعيم مفوض مفوضه منسق مبعوث ممثل محامي ناشط ناشطه ناشطون
    مكتب حكومه جيش سلطات سلطه خارجيه داخليه دفاع امن شوون دوله ملك امير شيخ سيد سيده
    دكتور عميد لواء عقيد جنرال مشير نقيب رائد وكيل قاض قاضي محكمه هيئه لجنه مجلس
    منظمه جماعه حزب حركه تنظيم وكاله موقع صحيفه قناه وسائل اعلام بيان
    خاص خاصه سابق سابقه اسبق حالي اول ثاني نفسه نفسها ذاته
    في من عن على الي الى مع ل ب و بن ابن ابو اب ام ذلك هذا هذه
    """.split()
)


_COMPOUND_NAME = re.compile(r"(?<!\S)(عبد)\s+(?=\S)|(\S)\s+(?=الله(?!\S))")


def normalise_tokens(name: str | None) -> tuple[str, ...]:
    """Arabic-normalised tokens: no harakat/tatweel, أإآ→ا, ى→ي, ة→ه, leading و/ال dropped."""
    if not name:
        return ()
    text = _MARKS.sub("", name).translate(_LETTERS)
    # compound names are written joined or apart: نصرالله = نصر الله, عبدالعزيز = عبد العزيز
    text = _COMPOUND_NAME.sub(r"\1\2", text)
    tokens = []
    for token in _SEPARATORS.split(text):
        if not token:
            continue
        # Conjunction و and article ال (also fused as وال) are not part of the name.
        for prefix in ("وال", "ال", "و"):
            if token.startswith(prefix) and len(token) - len(prefix) >= 2:
                token = token[len(prefix):]
                break
        tokens.append(token)
    return tuple(tokens)


# Built through the same normaliser, so "وزير" (→ "زير" once و is dropped) stays generic.
GENERIC_TOKENS = frozenset(t for word in _GENERIC_WORDS for t in normalise_tokens(word)) | frozenset(_GENERIC_WORDS)


def _is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    remaining = iter(long)
    return all(token in remaining for token in short)


def _names_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return False
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if all(token in GENERIC_TOKENS for token in short):
        # a bare title names no one, but a whole description written the same
        # on both sides (مكتب مفوض الإعلام, an unnamed spokesman's full title) does
        return len(a) >= 2 and a == b
    return _is_subsequence(short, long)


def speaker_matches(gold_names: str, predicted_name: str | None, predicted_mention: str | None,
                    aliases: tuple[str, ...] = ()) -> bool:
    """True if a gold alternative ("a|b|c") and the predicted name or mention name the same speaker.

    One side's tokens must be an ordered sub-sequence of the other's, and the
    shorter side must contain a token that is not a title or generic word, so a
    surname matches a full name but "وزير" alone matches nothing (a description
    of two or more such words matches only itself, word for word).
    """
    predicted = [normalise_tokens(p) for p in (predicted_name, predicted_mention, *aliases) if p]
    alternatives = [normalise_tokens(g) for g in (gold_names or "").split("|") if g.strip()]
    return any(_names_match(g, p) for g in alternatives for p in predicted)


# --------------------------------------------------------------------- matching


def snippet(text: str | None, start: int, end: int, width: int = 120) -> str:
    """One-line excerpt text[start:end] (clipped to width) for a report."""
    if text is None:
        return ""
    piece = " ".join(text[max(start, 0):max(end, 0)].split())
    return piece if len(piece) <= width else piece[:width] + "…"


def with_snippets(frame: pl.DataFrame, texts: dict[str, str], start: str, end: str,
                  before: int = 0, after: int = 0) -> pl.DataFrame:
    """Add a snippet column around [start, end) of each row's document."""
    values = [snippet(texts.get(d), s - before, e + after) for d, s, e in frame.select("doc_id", start, end).iter_rows()]
    return frame.with_columns(pl.Series("snippet", values, dtype=pl.String))


@dataclass
class Evaluation:
    precision: float
    recall: float
    f1: float
    true_positives: int
    false_positives: int
    false_negatives: int
    # speaker ignored: a prediction overlapping a gold anchor counts
    span_precision: float
    span_recall: float
    span_f1: float
    # share of span matches (non-optional gold) whose speaker also matches
    speaker_accuracy: float
    optional_matched: int
    matches: pl.DataFrame
    misses: pl.DataFrame
    false_alarms: pl.DataFrame
    wrong_speaker: pl.DataFrame


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def overlapping_pairs(predicted: pl.DataFrame, gold: pl.DataFrame) -> pl.DataFrame:
    """Every (prediction, gold) pair in the same document whose spans intersect, with overlap size."""
    return (
        predicted.select("pred_idx", "doc_id", "char_start", "char_end")
        .join(gold.select("gold_idx", "doc_id", "anchor_start", "anchor_end"), on="doc_id")
        .with_columns(
            (pl.min_horizontal("char_end", "anchor_end") - pl.max_horizontal("char_start", "anchor_start"))
            .alias("overlap")
        )
        .filter(pl.col("overlap") > 0)
    )


def greedy_one_to_one(pairs: pl.DataFrame) -> list[tuple[int, int]]:
    """Pick pairs largest overlap first, each prediction and each gold row at most once."""
    ordered = pairs.sort(["overlap", "anchor_start", "char_start", "pred_idx", "gold_idx"],
                         descending=[True, False, False, False, False])
    used_pred, used_gold, chosen = set(), set(), []
    for pred_idx, gold_idx in ordered.select("pred_idx", "gold_idx").iter_rows():
        if pred_idx in used_pred or gold_idx in used_gold:
            continue
        used_pred.add(pred_idx)
        used_gold.add(gold_idx)
        chosen.append((pred_idx, gold_idx))
    return chosen


def _prepare_predictions(predicted: pl.DataFrame, gold_docs: set[str]) -> pl.DataFrame:
    for column in ("speaker_name", "speaker_mention"):
        if column not in predicted.columns:
            predicted = predicted.with_columns(pl.lit(None, dtype=pl.String).alias(column))
    return (
        predicted.filter(pl.col("doc_id").is_in(sorted(gold_docs)))
        .sort("doc_id", "char_start", "char_end")
        .with_row_index("pred_idx")
        .with_columns(pl.col("pred_idx").cast(pl.Int64))
    )


def _pairs_frame(chosen: list[tuple[int, int]]) -> pl.DataFrame:
    return pl.DataFrame(chosen, schema={"pred_idx": pl.Int64, "gold_idx": pl.Int64}, orient="row")


def _scores(chosen: list[tuple[int, int]], gold: pl.DataFrame, n_pred: int) -> tuple[int, int, int, int]:
    """(tp, fp, fn, optional matched) for a one-to-one matching."""
    optional = set(gold.filter(pl.col("optional"))["gold_idx"].to_list())
    matched_optional = sum(1 for _, g in chosen if g in optional)
    tp = len(chosen) - matched_optional
    fp = n_pred - len(chosen)
    fn = (gold.height - len(optional)) - tp
    return tp, fp, fn, matched_optional


def evaluate(predicted: pl.DataFrame, gold: pl.DataFrame, documents: pl.DataFrame,
             aliases: dict[str, tuple[str, ...]] | None = None) -> Evaluation:
    """Match predicted statements to gold (span overlap + same speaker), one-to-one.

    ``aliases`` (speaker_id -> other spellings, from the speaker registry) lets a
    registered speaker match the spelling the article uses (ترمب for ترامب)."""
    if "anchor_start" not in gold.columns:
        gold = locate_anchors(gold, documents)
    gold = gold.with_row_index("gold_idx").with_columns(pl.col("gold_idx").cast(pl.Int64))
    pred = _prepare_predictions(predicted, set(gold["doc_id"].to_list()))

    pairs = overlapping_pairs(pred, gold)
    names = dict(zip(pred["pred_idx"].to_list(), zip(pred["speaker_name"].to_list(), pred["speaker_mention"].to_list())))
    gold_names = dict(zip(gold["gold_idx"].to_list(), gold["speaker_ar"].to_list()))
    ids = dict(zip(pred["pred_idx"].to_list(), pred["speaker_id"].to_list())) if "speaker_id" in pred.columns else {}
    aliases = aliases or {}
    same_speaker = [speaker_matches(gold_names[g], *names[p], aliases.get(ids.get(p), ()))
                    for p, g in pairs.select("pred_idx", "gold_idx").iter_rows()]
    pairs = pairs.with_columns(pl.Series("same_speaker", same_speaker, dtype=pl.Boolean))

    # Required rows first, so a nested optional row inside a statement's content
    # cannot take the prediction that the statement itself deserves.  Optional
    # rows (anonymous sources, headlines, borderline cases) then take leftover
    # predictions of the same speaker, then any leftover overlapping prediction
    # whatever its speaker: a vague or disputed row neither rewards nor punishes.
    optional_idx = gold.filter(pl.col("optional"))["gold_idx"].to_list()
    is_optional = pl.col("gold_idx").is_in(optional_idx)
    chosen: list[tuple[int, int]] = []
    for stage in (~is_optional & pl.col("same_speaker"), is_optional & pl.col("same_speaker"), is_optional):
        chosen += greedy_one_to_one(pairs.filter(
            stage,
            ~pl.col("pred_idx").is_in([p for p, _ in chosen]),
            ~pl.col("gold_idx").is_in([g for _, g in chosen]),
        ))
    span_chosen = greedy_one_to_one(pairs)
    tp, fp, fn, optional_matched = _scores(chosen, gold, pred.height)
    span_tp, span_fp, span_fn, _ = _scores(span_chosen, gold, pred.height)

    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    span_precision, span_recall = _ratio(span_tp, span_tp + span_fp), _ratio(span_tp, span_tp + span_fn)

    gold_view = gold.select("gold_idx", "doc_id", "n", "anchor", "anchor_start", "anchor_end",
                            pl.col("speaker_ar").alias("gold_speaker"), "optional")
    pred_view = pred.drop("doc_id")
    matches = (
        _pairs_frame(chosen).join(gold_view, on="gold_idx").join(pred_view, on="pred_idx")
        .sort("doc_id", "anchor_start")
    )
    matched_gold = {g for _, g in chosen}
    matched_pred = {p for p, _ in chosen}
    texts = dict(documents.select("doc_id", "text").iter_rows())
    misses = with_snippets(
        gold.filter(~pl.col("optional") & ~pl.col("gold_idx").is_in(sorted(matched_gold))).sort("doc_id", "anchor_start"),
        texts, "anchor_start", "anchor_end", before=20, after=60,
    )
    false_alarms = with_snippets(
        pred.filter(~pl.col("pred_idx").is_in(sorted(matched_pred))), texts, "char_start", "char_end"
    )

    span_with_speaker = (
        _pairs_frame(span_chosen)
        .join(pairs.select("pred_idx", "gold_idx", "same_speaker"), on=["pred_idx", "gold_idx"])
        .join(gold_view, on="gold_idx")
    )
    required_span = span_with_speaker.filter(~pl.col("optional"))
    speaker_accuracy = _ratio(int(required_span["same_speaker"].sum()), required_span.height)
    wrong_speaker = (
        span_with_speaker.filter(~pl.col("same_speaker")).join(pred_view, on="pred_idx")
        .sort("doc_id", "anchor_start")
    )
    return Evaluation(
        precision=precision, recall=recall, f1=_f1(precision, recall),
        true_positives=tp, false_positives=fp, false_negatives=fn,
        span_precision=span_precision, span_recall=span_recall, span_f1=_f1(span_precision, span_recall),
        speaker_accuracy=speaker_accuracy, optional_matched=optional_matched,
        matches=matches, misses=misses, false_alarms=false_alarms, wrong_speaker=wrong_speaker,
    )


# ----------------------------------------------------------------------- report


def format_report(ev: Evaluation) -> str:
    """P/R/F1, span-only scores, and every miss, false alarm and wrong speaker with context."""
    lines = [
        f"statements (span overlap + same speaker): precision {ev.precision:.3f}  recall {ev.recall:.3f}  f1 {ev.f1:.3f}",
        f"  true positives {ev.true_positives}  false positives {ev.false_positives}  "
        f"false negatives {ev.false_negatives}  optional gold matched (not counted) {ev.optional_matched}",
        f"span only (speaker ignored): precision {ev.span_precision:.3f}  recall {ev.span_recall:.3f}  f1 {ev.span_f1:.3f}",
        f"speaker accuracy on span matches: {ev.speaker_accuracy:.3f}",
        "",
        f"MISSES ({ev.misses.height})",
    ]
    for row in ev.misses.iter_rows(named=True):
        lines.append(
            f"  {row['doc_id']} #{row['n']} [{row['anchor_start']}:{row['anchor_end']}] "
            f"speaker={row['speaker_ar']} | {row['snippet']}"
        )
    lines += ["", f"FALSE ALARMS ({ev.false_alarms.height})"]
    for row in ev.false_alarms.iter_rows(named=True):
        lines.append(
            f"  {row['doc_id']} [{row['char_start']}:{row['char_end']}] "
            f"speaker={row['speaker_name']} mention={row['speaker_mention']} | {row['snippet']}"
        )
    lines += ["", f"WRONG SPEAKER ON A SPAN MATCH ({ev.wrong_speaker.height})"]
    for row in ev.wrong_speaker.iter_rows(named=True):
        lines.append(
            f"  {row['doc_id']} #{row['n']} [{row['anchor_start']}:{row['anchor_end']}] gold={row['gold_speaker']} "
            f"predicted={row['speaker_name']} mention={row['speaker_mention']}"
            f"{' (optional)' if row['optional'] else ''}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.evaluate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", required=True, type=Path, help="gold CSV (tests/gold/ant_dev.csv)")
    parser.add_argument("--documents", required=True, type=Path, help="documents.parquet (doc_id, text)")
    parser.add_argument("--statements", required=True, type=Path, help="statements.parquet")
    parser.add_argument("--speakers", type=Path, default=None,
                        help="speaker registry whose spellings count as the same speaker (default: seeds/speakers.csv)")
    args = parser.parse_args(argv)
    gold = load_gold(args.gold)
    documents = pl.read_parquet(args.documents, columns=["doc_id", "text"]).filter(
        pl.col("doc_id").is_in(gold["doc_id"].unique().to_list())
    )
    predicted = pl.read_parquet(args.statements)
    ev = evaluate(predicted, gold, documents, load_registry(args.speakers or default_registry_path()).aliases)
    print(format_report(ev))
    return 0


if __name__ == "__main__":
    sys.exit(main())

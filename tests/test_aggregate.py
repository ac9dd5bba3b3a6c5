"""Aggregates on small hand-made statements tables with known answers."""

from __future__ import annotations

import datetime as dt
import math

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from analysis import aggregate as G
from analysis import schemas

D = dt.date


def table(rows: list[dict]) -> pl.DataFrame:
    names = {"a": ("أ", "A"), "b": ("ب", "B"), "c": ("ج", "C"), "d": ("د", "D"), None: (None, None)}
    full = []
    for r in rows:
        sid = r.get("speaker_id")
        ar, en = names.get(sid, (sid, sid))
        full.append({"doc_id": "d1", "speaker_name": ar, "speaker_en": en, "speaker_kind": "person",
                     "mode": "direct", **r})
    return schemas.conform(pl.DataFrame(full), schemas.STATEMENTS)


def dated(sid, date, precision="day", **kw):
    return {"speaker_id": sid, "statement_date": date, "date_precision": precision, **kw}


# -- speakers -------------------------------------------------------------------------


def test_counts_by_speaker_order_ties_share_and_unattributed():
    st = table([dated("b", None, None)] * 2 + [dated("a", None, None)] * 2 + [dated("c", None, None)]
               + [dated(None, None, None)])
    out = G.counts_by_speaker(st)
    assert out["speaker_id"].to_list() == ["a", "b", "c"]  # tie a/b broken by id
    assert out["n"].to_list() == [2, 2, 1]
    assert out["share"].to_list() == pytest.approx([0.4, 0.4, 0.2])
    assert out["speaker_name"].to_list() == ["أ", "ب", "ج"]


def test_top_n_lumps_the_rest_into_other_last():
    st = table([dated("a", None, None)] * 3 + [dated("b", None, None)] * 2 + [dated("c", None, None)]
               + [dated("d", None, None)])
    out = G.counts_by_speaker(st, top_n=1)
    assert out["speaker_id"].to_list() == ["a", G.OTHER_SPEAKER]  # other last although larger
    assert out["n"].to_list() == [3, 4]
    assert out["speaker_en"][1] == G.OTHER_NAME_EN
    assert G.counts_by_speaker(st, top_n=2, other=False)["speaker_id"].to_list() == ["a", "b"]


def test_speaker_name_is_the_most_frequent_spelling():
    st = table([dated("a", None, None, speaker_name="بوتين")] * 2 + [dated("a", None, None, speaker_name="فلاديمير بوتين")])
    assert G.speaker_names(st)["speaker_name"].to_list() == ["بوتين"]


# -- over time -------------------------------------------------------------------------


@pytest.fixture
def timeline():
    return table([
        dated("a", D(2015, 10, 5)),  # Monday
        dated("a", D(2015, 10, 11)),  # Sunday, same ISO week
        dated("a", D(2015, 10, 12)),  # next week
        dated("b", D(2015, 10, 1), "month"),  # October, day unknown
        dated("b", D(2015, 11, 20)),
        dated("b", D(2015, 1, 1), "year"),
        dated("a", None, None),  # undated
    ])


def test_week_bins_days_and_keeps_coarser_dates_on_their_own_span(timeline):
    out = G.statements_over_time(timeline, "week")
    binned = out.filter(pl.col("in_bin"))
    assert binned.select("period", "speaker_id", "n").rows() == [
        (D(2015, 10, 5), "a", 2), (D(2015, 10, 12), "a", 1), (D(2015, 11, 16), "b", 1)]
    assert (binned["period_end"] - binned["period"]).dt.total_days().to_list() == [7, 7, 7]
    coarse = out.filter(~pl.col("in_bin")).select("period", "period_end", "span", "speaker_id", "n").rows()
    assert coarse == [(D(2015, 1, 1), D(2016, 1, 1), "year", "b", 1), (D(2015, 10, 1), D(2015, 11, 1), "month", "b", 1)]


def test_month_precision_fits_month_and_quarter_bins(timeline):
    month = G.statements_over_time(timeline, "month")
    assert month.filter(pl.col("in_bin")).select("period", "speaker_id", "n").rows() == [
        (D(2015, 10, 1), "a", 3), (D(2015, 10, 1), "b", 1), (D(2015, 11, 1), "b", 1)]
    assert month.filter(~pl.col("in_bin"))["span"].to_list() == ["year"]
    quarter = G.statements_over_time(timeline, "quarter")
    assert quarter.filter(pl.col("in_bin")).select("period", "period_end", "speaker_id", "n").rows() == [
        (D(2015, 10, 1), D(2016, 1, 1), "a", 3), (D(2015, 10, 1), D(2016, 1, 1), "b", 2)]
    year = G.statements_over_time(timeline, "year")
    assert year["in_bin"].all() and year["n"].sum() == 6


@pytest.mark.parametrize("freq", G.FREQUENCIES)
def test_every_dated_statement_is_counted_once(timeline, freq):
    assert G.statements_over_time(timeline, freq)["n"].sum() == 6


@pytest.mark.parametrize("freq", G.FREQUENCIES)
def test_every_row_spans_exactly_its_period(timeline, freq):
    out = G.statements_over_time(timeline, freq)
    days = {"week": {7}, "month": {28, 29, 30, 31}, "quarter": {90, 91, 92}, "year": {365, 366}}
    for span, d in zip(out["span"], (out["period_end"] - out["period"]).dt.total_days()):
        assert d in days[span]
    # the year-dated statement is never narrowed to a smaller period
    year_dated = out.filter((pl.col("speaker_id") == "b") & (pl.col("period") == D(2015, 1, 1)))
    assert year_dated["span"].to_list() == ["year"]


def test_over_time_top_n_uses_overall_rank(timeline):
    out = G.statements_over_time(timeline, "month", top_n=1)
    assert set(out["speaker_id"]) == {"a", G.OTHER_SPEAKER}
    assert out.filter(pl.col("speaker_id") == "a")["speaker_order"].unique().to_list() == [0]


def test_unknown_frequency_is_refused(timeline):
    with pytest.raises(ValueError):
        G.statements_over_time(timeline, "day")


# -- outlets, verbs, modes ---------------------------------------------------------------


def test_speaker_by_outlet_is_a_full_grid():
    st = table([dated("a", None, None, doc_id="x")] * 2 + [dated("a", None, None, doc_id="y"),
               dated("b", None, None, doc_id="y")])
    docs = pl.DataFrame({"doc_id": ["x", "y"], "outlet": ["RT", "Sputnik"]})
    out = G.speaker_by_outlet(st, docs)
    assert out.select("speaker_id", "outlet", "n").rows() == [
        ("a", "RT", 2), ("a", "Sputnik", 1), ("b", "RT", 0), ("b", "Sputnik", 1)]
    assert out["share_of_speaker"].to_list() == pytest.approx([2 / 3, 1 / 3, 0.0, 1.0])


@pytest.mark.parametrize("written, key", [
    ("قال", "قال"), ("وقال", "قال"), ("قالت", "قال"), ("وقالت", "قال"), ("فأكدت", "اكد"), ("أكّد", "اكد"),
    ("وأبلغهم", "ابلغ"), ("أبلغه", "ابلغ"), ("وصف", "وصف"), ("ووصف", "وصف"), ("نفت", "نفت"),
    ("وأضاف", "اضاف"), ("أضافت", "اضاف"), ("إعلان", "اعلان"), ("قَالَ", "قال"), ("صـــرح", "صرح"),
])
def test_verb_lemma(written, key):
    assert pl.select(G.verb_lemma(pl.lit(written))).item() == key


def test_verb_counts_groups_forms_and_shows_a_bare_example():
    st = table([{"speaker_id": "a", "verb": v} for v in ["وأكدت", "وأكدت", "أكد", "قال", "وقال", None]])
    out = G.verb_counts(st)
    assert out.select("verb", "example", "n").rows() == [("اكد", "أكد", 3), ("قال", "قال", 2)]
    assert out["share"].to_list() == pytest.approx([0.6, 0.4])
    by = G.verb_counts(st, by_speaker=True, top_n=1)
    assert by.select("speaker_id", "verb", "n").rows() == [("a", "اكد", 3)]


def test_mode_share_has_every_mode():
    st = table([{"speaker_id": "a", "mode": m} for m in ["direct", "direct", "indirect"]]
               + [{"speaker_id": "b", "mode": "mixed"}, {"speaker_id": "b", "mode": None}])
    out = G.mode_share(st)
    assert out.select("speaker_id", "mode", "n").rows() == [
        ("a", "direct", 2), ("a", "indirect", 1), ("a", "mixed", 0),
        ("b", "direct", 0), ("b", "indirect", 0), ("b", "mixed", 1)]
    assert out["share"].to_list() == pytest.approx([2 / 3, 1 / 3, 0, 0, 0, 1])


# -- characteristic words ------------------------------------------------------------------


def test_tokens_normalise_and_skip_punctuation():
    toks = pl.select(G.tokens(pl.lit("قالَ الأسدُ، «الإرهاب» 2015 ـ الـحكومة؟"))).item().to_list()
    assert toks == ["قال", "الاسد", "الارهاب", "الحكومة"]


def _reference(y_i, n_i, y_rest, n_rest, a, a0):
    """Monroe et al. (2008) eq. 16, 18-20, written out independently."""
    omega_i = (y_i + a) / (n_i + a0 - y_i - a)
    omega_r = (y_rest + a) / (n_rest + a0 - y_rest - a)
    delta = math.log(omega_i) - math.log(omega_r)
    return delta, delta / math.sqrt(1 / (y_i + a) + 1 / (y_rest + a))


def test_characteristic_words_match_the_formula_and_rank_exclusive_words_first():
    st = table(
        [{"speaker_id": "a", "content": "الإرهاب الارهاب سوريا في من"}] * 3
        + [{"speaker_id": "b", "content": "التحالف سوريا سوريا على"}] * 3
    )
    out = G.characteristic_words(st, top_n=5, min_count=1)
    a = out.filter(pl.col("speaker_id") == "a")
    assert a["word"].to_list() == ["الارهاب", "سوريا"]  # alef unified; function words dropped
    # counts: a: الارهاب 6, سوريا 3 (n=9); b: التحالف 3, سوريا 6 (n=9); N=18, prior = corpus counts
    delta, z = _reference(6, 9, 0, 9, 6, 18)
    assert a["log_odds"][0] == pytest.approx(delta) and a["z"][0] == pytest.approx(z)
    delta, z = _reference(3, 9, 6, 9, 9, 18)
    assert a["log_odds"][1] == pytest.approx(delta) and a["z"][1] == pytest.approx(z)
    assert a["z"][1] < 0  # a uses سوريا less than b does
    b = out.filter(pl.col("speaker_id") == "b")
    assert b["word"][0] == "التحالف" and b["rank"].to_list() == [1, 2]


def test_characteristic_words_min_count_and_top_speakers():
    st = table([{"speaker_id": "a", "content": "صاروخ صاروخ طائرة"}, {"speaker_id": "b", "content": "سفينة"}])
    out = G.characteristic_words(st, min_count=2, top_speakers_n=1)
    assert out.select("speaker_id", "word", "n").rows() == [("a", "صاروخ", 2)]


def test_stopwords_are_normalised_like_tokens():
    normalised = pl.select(G.normalize_arabic(pl.Series(sorted(G.STOPWORDS)))).to_series().to_list()
    assert sorted(normalised) == sorted(G.STOPWORDS)


# -- determinism ---------------------------------------------------------------------------


def test_results_do_not_depend_on_row_order(timeline):
    docs = pl.DataFrame({"doc_id": ["d1"], "outlet": ["RT"]})
    st = timeline.with_columns(pl.lit("إن الإرهاب في سوريا").alias("content"), pl.lit("قال").alias("verb"))
    shuffled = st.sample(fraction=1.0, shuffle=True, seed=3)
    for f in (lambda t: G.counts_by_speaker(t), lambda t: G.statements_over_time(t, "week"),
              lambda t: G.speaker_by_outlet(t, docs), lambda t: G.verb_counts(t, by_speaker=True),
              lambda t: G.mode_share(t), lambda t: G.characteristic_words(t, min_count=1)):
        assert_frame_equal(f(st), f(shuffled))


def test_speaker_name_ties_break_the_same_way_whatever_the_row_order():
    st = table([dated("a", None, None, speaker_name=n) for n in ["فلاديمير بوتين", "بوتين", "الرئيس بوتين"]])
    for seed in range(8):
        shuffled = st.sample(fraction=1.0, shuffle=True, seed=seed)
        assert G.speaker_names(shuffled)["speaker_name"].to_list() == ["الرئيس بوتين"]  # smallest code points


def test_week_precision_is_kept_on_its_own_span_above_week_bins():
    st = table([dated("a", D(2015, 12, 28), "week"), dated("a", D(2015, 12, 29))])
    week = G.statements_over_time(st, "week")
    assert week.select("period", "in_bin", "n").rows() == [(D(2015, 12, 28), True, 2)]
    month = G.statements_over_time(st, "month")
    assert month.select("period", "period_end", "span", "n").rows() == [
        (D(2015, 12, 1), D(2016, 1, 1), "month", 1), (D(2015, 12, 28), D(2016, 1, 4), "week", 1)]

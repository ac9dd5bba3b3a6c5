"""Figure regression, reproducible bytes, colours and honest dates in plots.

Figures are drawn from fixed synthetic statements (no corpus text) and
compared with the PNGs in tests/baseline/ (matplotlib.testing.compare RMS,
tolerance TOL).  Baselines are made with matplotlib 3.11 + libraqm; on a
matplotlib without native shaping the comparison is skipped (the fallback
draws different glyphs; tests/test_arabic_render.py covers it).
Regenerate after an intended change:  REGEN_BASELINE=1 pytest tests/test_plots.py
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import matplotlib
import numpy as np
import polars as pl
import pytest
from matplotlib.patches import Rectangle
from matplotlib.testing.compare import compare_images

from analysis import aggregate as G
from analysis import arabic, plots, schemas

BASELINE = Path(__file__).parent / "baseline"
TOL = 3.0  # RMS of 0-255 pixel values
BASELINE_DPI = 100
REGEN = os.environ.get("REGEN_BASELINE") == "1"

SPEAKERS = [
    ("putin", "فلاديمير بوتين", "Vladimir Putin", "person"),
    ("lavrov", "سيرغي لافروف", "Sergei Lavrov", "person"),
    ("zakharova", "ماريا زاخاروفا", "Maria Zakharova", "person"),
    ("mod_ru", "وزارة الدفاع الروسية", "Russian Ministry of Defence", "organization"),
    ("kerry", "جون كيري", "John Kerry", "person"),
    ("peskov", "ديمتري بيسكوف", "Dmitry Peskov", "person"),
    ("isis", "تنظيم داعش", "ISIS", "group"),
]
VERBS = ["قال", "وقال", "قالت", "أكد", "وأكدت", "أضاف", "أعلن", "وأعلنت", "أوضح", "صرح", "اعتبر", "نفى"]
WORDS = {
    "putin": "الإرهاب الشرعية سوريا الأسد الحكومة الشرعية الإرهاب".split(),
    "lavrov": "التحالف التنسيق الدولي المفاوضات جنيف التحالف".split(),
    "zakharova": "واشنطن الغرب الإعلام الأكاذيب واشنطن".split(),
    "mod_ru": "الطائرات الضربات مواقع الأهداف الطلعات الضربات".split(),
    "kerry": "الانتقال السياسي المعارضة الأسد جنيف".split(),
    "peskov": "الكرملين الرئيس التعليق الكرملين".split(),
    "isis": "الخلافة المجاهدين".split(),
}
COMMON = "إن في على الحرب سوريا روسيا الولايات المتحدة من أجل".split()
OUTLETS = ["Aljazeera", "RT Arabic", "Sputnik", "Al-Ahram"]


def synthetic_tables(n: int = 400, seed: int = 7) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(statements, documents) with skewed speaker counts and mixed precisions."""
    rng = np.random.default_rng(seed)
    weights = np.array([30, 22, 14, 12, 9, 6, 3], dtype=float)
    weights /= weights.sum()
    start = dt.date(2015, 6, 1)
    rows, docs = [], []
    for i in range(n):
        k = rng.choice(len(SPEAKERS), p=weights)
        sid, ar, en, kind = SPEAKERS[k]
        day = start + dt.timedelta(days=int(rng.integers(0, 365)))
        precision = rng.choice(["day", "month", "year", "none"], p=[0.75, 0.15, 0.05, 0.05])
        if precision == "month":
            day = day.replace(day=1)
        elif precision == "year":
            day = day.replace(month=1, day=1)
        words = list(rng.choice(WORDS[sid], size=4)) + list(rng.choice(COMMON, size=4))
        doc = f"doc{i // 3:04d}"
        rows.append(dict(
            doc_id=doc, char_start=0, char_end=10, speaker_id=sid, speaker_name=ar, speaker_en=en,
            speaker_mention=ar, speaker_kind=kind, verb=str(rng.choice(VERBS)),
            mode=str(rng.choice(["direct", "indirect", "mixed"], p=[0.5, 0.4, 0.1])),
            content=" ".join(words), is_headline=False,
            statement_date=None if precision == "none" else day,
            date_precision=None if precision == "none" else str(precision),
            date_basis="none" if precision == "none" else "text",
        ))
        if i % 3 == 0:
            docs.append(dict(doc_id=doc, outlet=OUTLETS[int(rng.integers(0, len(OUTLETS)))]))
    statements = schemas.conform(pl.DataFrame(rows), schemas.STATEMENTS)
    documents = schemas.conform(pl.DataFrame(docs), schemas.DOCUMENTS)
    return statements, documents


# -- the figures under test ----------------------------------------------------


@pytest.fixture(scope="module")
def tables():
    return synthetic_tables()


@pytest.fixture(scope="module")
def colors(tables):
    return arabic.speaker_colors(G.counts_by_speaker(tables[0])["speaker_id"].to_list())


def make_figures(statements, documents, colors, only: tuple[str, ...] | None = None) -> dict:
    """name -> Figure; the names are the baseline file names."""
    makers = {
        "statements_per_week_stacked_ar": lambda: plots.statements_over_time_figure(
            G.statements_over_time(statements, "week", top_n=5), colors, "week", "ar"),
        "statements_per_month_by_speaker_ar": lambda: plots.statements_over_time_figure(
            G.statements_over_time(statements, "month", top_n=4), colors, "month", "ar", layout="small_multiples"),
        "statements_per_quarter_stacked_en": lambda: plots.statements_over_time_figure(
            G.statements_over_time(statements, "quarter", top_n=5), colors, "quarter", "en"),
        "statements_by_speaker_ar": lambda: plots.counts_by_speaker_figure(
            G.counts_by_speaker(statements), colors, "ar"),
        "statements_by_speaker_both": lambda: plots.counts_by_speaker_figure(
            G.counts_by_speaker(statements), colors, "both"),
        "statements_by_speaker_en": lambda: plots.counts_by_speaker_figure(
            G.counts_by_speaker(statements), colors, "en"),
        "speaker_by_outlet_ar": lambda: plots.speaker_by_outlet_figure(
            G.speaker_by_outlet(statements, documents, top_n=5), "ar"),
        "reporting_verbs_ar": lambda: plots.verb_counts_figure(G.verb_counts(statements), "ar"),
        "direct_indirect_share_ar": lambda: plots.mode_share_figure(G.mode_share(statements, top_n=5), "ar"),
        "characteristic_words_ar": lambda: plots.characteristic_words_figure(
            G.characteristic_words(statements, top_n=5, top_speakers_n=6), colors, "ar"),
    }
    return {name: make() for name, make in makers.items() if only is None or name in only}


@pytest.fixture(scope="module")
def figures(tables, colors):
    return make_figures(*tables, colors)


FIGURE_NAMES = [
    "statements_per_week_stacked_ar", "statements_per_month_by_speaker_ar", "statements_per_quarter_stacked_en",
    "statements_by_speaker_ar", "statements_by_speaker_both", "statements_by_speaker_en", "speaker_by_outlet_ar",
    "reporting_verbs_ar", "direct_indirect_share_ar", "characteristic_words_ar",
]


# -- regression ------------------------------------------------------------------


@pytest.mark.skipif(not arabic.has_native_shaping(), reason="baselines are drawn with libraqm shaping")
@pytest.mark.parametrize("name", FIGURE_NAMES)
def test_figure_matches_baseline(name, figures, tmp_path):
    expected = BASELINE / f"{name}.png"
    actual = tmp_path / f"{name}.png"
    figures[name].savefig(actual, dpi=BASELINE_DPI, metadata={"Software": None})
    if REGEN:
        BASELINE.mkdir(exist_ok=True)
        expected.write_bytes(actual.read_bytes())
    assert expected.exists(), f"no baseline {expected}: run with REGEN_BASELINE=1"
    result = compare_images(str(expected), str(actual), tol=TOL)
    assert result is None, result


def test_figure_names_are_all_covered(figures):
    assert sorted(figures) == sorted(FIGURE_NAMES)


# -- sizes, colours, labels ------------------------------------------------------------


@pytest.mark.parametrize("name", FIGURE_NAMES)
def test_journal_width(name, figures):
    width = figures[name].get_size_inches()[0]
    assert width in (arabic.SINGLE_COLUMN, arabic.DOUBLE_COLUMN)


def _bar_colors(fig) -> set[str]:
    return {
        matplotlib.colors.to_hex(p.get_facecolor())
        for ax in fig.axes for p in ax.patches if isinstance(p, Rectangle) and p.get_fill()
    }


def test_one_colour_per_speaker_across_figures(figures, colors):
    putin, lavrov = colors["putin"], colors["lavrov"]
    assert putin != lavrov
    for name in ("statements_per_week_stacked_ar", "statements_by_speaker_ar", "characteristic_words_ar",
                 "statements_per_month_by_speaker_ar"):
        used = _bar_colors(figures[name])
        assert {putin.lower(), lavrov.lower()} <= used, name


def test_speaker_colors_rule():
    ids = [f"s{i}" for i in range(10)]
    c = arabic.speaker_colors(ids + ["s0", G.OTHER_SPEAKER])
    assert [c[i] for i in ids[:8]] == list(arabic.OKABE_ITO)
    assert c["s8"] == c["s9"] == c[G.OTHER_SPEAKER] == arabic.OTHER_COLOR
    assert arabic.speaker_colors(["b", "a"])["b"] == arabic.OKABE_ITO[0]  # order given, not alphabetical
    # the OTHER bucket does not use up a palette colour
    assert arabic.speaker_colors([G.OTHER_SPEAKER, "a"])["a"] == arabic.OKABE_ITO[0]
    assert arabic.OTHER_SPEAKER == G.OTHER_SPEAKER


def _texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text) if t.get_text()]


@pytest.mark.parametrize("name", FIGURE_NAMES)
def test_every_string_is_prepared_for_this_matplotlib(name, figures):
    texts = _texts(figures[name])
    arabic_texts = [t for t in texts if arabic.has_arabic(t)]
    assert arabic_texts or name.endswith("_en")
    for t in arabic_texts:
        reshaped = any("\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff" for ch in t)
        if arabic.has_native_shaping():
            assert not reshaped, t  # reshaped text renders reversed on libraqm matplotlib
            assert arabic.first_strong_direction(t) == "R", t  # RLM where Latin comes first
        elif any(unicodedata.bidirectional(ch) == "AL" and unicodedata.category(ch) == "Lo" for ch in t):
            assert reshaped, t  # letters must arrive as presentation forms without libraqm


def test_english_figures_have_no_arabic_speaker_names(figures):
    for name in ("statements_by_speaker_en", "statements_per_quarter_stacked_en"):
        assert not [t for t in _texts(figures[name]) if arabic.has_arabic(t)], name


# -- honest dates ---------------------------------------------------------------------


def test_month_dated_statements_are_drawn_as_whole_months_at_week_freq(figures, tables):
    fig = figures["statements_per_week_stacked_ar"]
    over = G.statements_over_time(tables[0], "week", top_n=5)
    assert over.filter(~pl.col("in_bin")).height > 0
    coarse_ax = fig.axes[1]
    hatched = [p for p in coarse_ax.patches if p.get_hatch()]
    assert hatched
    assert min(p.get_width() for p in hatched) >= 28  # days: a month or a year, never a week
    binned = [p for p in fig.axes[0].patches if not p.get_hatch()]
    assert max(p.get_width() for p in binned) <= 7


# -- saving ------------------------------------------------------------------------------


def test_save_figure_writes_three_formats_at_300_dpi(figures, tmp_path):
    from PIL import Image

    paths = arabic.save_figure(figures["statements_by_speaker_ar"], "statements_by_speaker", tmp_path)
    assert [p.suffix for p in paths] == [".pdf", ".svg", ".png"]
    with Image.open(paths[2]) as im:
        assert im.size[0] == round(arabic.SINGLE_COLUMN * 300)
    svg = paths[1].read_text(encoding="utf-8")
    assert "<text" not in svg  # text as paths
    assert b"/CreationDate" not in paths[0].read_bytes()


def test_save_figure_rejects_names_that_do_not_describe(figures, tmp_path):
    with pytest.raises(ValueError):
        arabic.save_figure(figures["statements_by_speaker_ar"], "Figure 1", tmp_path)


_SAVE_SCRIPT = """
import sys
sys.path.insert(0, {tests!r})
from test_plots import synthetic_tables, make_figures
from analysis import aggregate as G, arabic
st, docs = synthetic_tables()
colors = arabic.speaker_colors(G.counts_by_speaker(st)["speaker_id"].to_list())
names = ("statements_per_week_stacked_ar", "speaker_by_outlet_ar")
figs = make_figures(st, docs, colors, only=names)
for name in names:
    arabic.save_figure(figs[name], name, sys.argv[1])
"""


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_bytes_are_identical_between_runs(tmp_path):
    """Two separate processes (different hash seeds) write identical files."""
    runs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": os.pathsep.join(sys.path)}
        subprocess.run([sys.executable, "-c", _SAVE_SCRIPT.format(tests=str(Path(__file__).parent)), str(out)],
                       check=True, env=env)
        runs.append(_digests(out))
    assert len(runs[0]) == 6
    assert runs[0] == runs[1]


@pytest.mark.skipif(not arabic.has_native_shaping(), reason="reshaped presentation forms extract as compatibility glyphs")
@pytest.mark.parametrize("lang", ["ar", "both"])
def test_saved_pdf_figure_has_speaker_names_in_logical_order(tables, colors, tmp_path, lang):
    from test_arabic_render import pdf_lines

    counts = G.counts_by_speaker(tables[0])
    fig = plots.counts_by_speaker_figure(counts, colors, lang)
    pdf = arabic.save_figure(fig, f"statements_by_speaker_{lang}", tmp_path)[0]
    lines = pdf_lines(pdf.read_bytes())
    for name in counts["speaker_name"]:
        assert any(name in line for line in lines), (name, lines)
    if lang == "both":
        for name in counts["speaker_en"]:
            assert any(name in line for line in lines), (name, lines)


def test_coarse_statements_left_out_are_counted_in_a_note(tables, colors):
    over = G.statements_over_time(tables[0], "week", top_n=5)
    hidden = int(over.filter(~pl.col("in_bin"))["n"].sum())
    fig = plots.statements_over_time_figure(over, colors, "week", "en", show_coarse=False)
    assert len(fig.axes) == 1 and not [p for p in fig.axes[0].patches if p.get_hatch()]
    assert any(f"{hidden} statements" in t for t in _texts(fig))

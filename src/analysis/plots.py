"""Publication figures from the aggregates (one function per figure).

Each function takes an aggregate from analysis.aggregate, the label language
('ar', 'en' or 'both' for speaker names; interface text is Arabic unless
lang='en') and the speaker colour map from arabic.speaker_colors, and
returns a matplotlib Figure at a journal width.  Every string drawn goes
through arabic.label.  Save with arabic.save_figure(fig, name, figures_dir).

Right-to-left layout: when names are Arabic (lang 'ar' or 'both'),
horizontal bar charts put the names on the right and grow bars leftwards,
the way an Arabic reader scans them.  Time axes run left to right (the
convention of Arabic newspapers' charts as well).
"""

from __future__ import annotations

import datetime as dt

import matplotlib.dates as mdates
import numpy as np
import polars as pl
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from analysis import arabic
from analysis.arabic import DOUBLE_COLUMN, SINGLE_COLUMN, label

_TEXT = {
    "ar": {
        "statements": "عدد التصريحات",
        "per": {"week": "تصريحات في الأسبوع", "month": "تصريحات في الشهر", "quarter": "تصريحات في الربع",
                "year": "تصريحات في السنة"},
        "coarse": {"week": "مؤرخة بالأسبوع فقط", "month": "مؤرخة بالشهر فقط", "year": "مؤرخة بالسنة فقط"},
        "coarse_axis": "تواريخ أقل دقة",
        "hidden": "تصريحات لم تُرسم لأن تواريخها أقل دقة من الفترة: {n}",
        "share": "النسبة من تصريحات المتحدث",
        "modes": {"direct": "مباشر", "indirect": "غير مباشر", "mixed": "مختلط"},
        "verb": "فعل القول",
        "z": "درجة التميز (z)",
        "outlet": "المصدر",
        "date": "التاريخ",
    },
    "en": {
        "statements": "Statements",
        "per": {"week": "Statements per week", "month": "Statements per month", "quarter": "Statements per quarter",
                "year": "Statements per year"},
        "coarse": {"week": "dated to the week only", "month": "dated to the month only",
                   "year": "dated to the year only"},
        "coarse_axis": "coarser dates",
        "hidden": "{n} statements with dates coarser than the period not shown",
        "share": "Share of the speaker's statements",
        "modes": {"direct": "direct", "indirect": "indirect", "mixed": "mixed"},
        "verb": "Reporting verb",
        "z": "Log-odds z-score",
        "outlet": "Outlet",
        "date": "Date",
    },
}
# Colour-blind-safe colours for the three modes (Paul Tol), distinct from
# the speaker palette's order so modes are not read as speakers.
MODE_COLORS = {"direct": "#332288", "indirect": "#88CCEE", "mixed": "#DDCC77"}
NEUTRAL_COLOR = "#555555"
COARSE_HATCH = {"week": "\\\\\\\\", "month": "////", "year": "...."}


def _ui(lang: str) -> dict:
    return _TEXT["en" if lang == "en" else "ar"]


def _rtl(lang: str) -> bool:
    return lang in ("ar", "both")


def _names(df: pl.DataFrame, lang: str) -> list[str]:
    return [label(arabic.speaker_label(a, e, lang)) for a, e in zip(df["speaker_name"], df["speaker_en"])]


def _new_figure(width: float, height: float) -> Figure:
    return Figure(figsize=(width, height), layout="constrained")


def _finish(fig: Figure) -> Figure:
    # create tick labels now, inside the style, so they get its font
    fig.draw_without_rendering()
    return fig


def _color(colors: dict[str, str], speaker_id: str) -> str:
    return colors.get(speaker_id, arabic.OTHER_COLOR)


def _horizontal_bars_rtl(ax, lang: str) -> None:
    """Names on the right, bars growing leftwards, for Arabic names."""
    if _rtl(lang):
        ax.yaxis.tick_right()
        ax.yaxis.set_label_position("right")
        ax.xaxis.set_inverted(True)  # not invert_xaxis: that toggles shared axes
        ax.spines["left"].set_visible(False)
        ax.spines["right"].set_visible(True)


def _int_axis(axis, nbins: int | str = "auto") -> None:
    axis.set_major_locator(MaxNLocator(nbins=nbins, integer=True))
    axis.set_major_formatter(FuncFormatter(lambda v, _: label(f"{v:g}")))


# -- statements over time ---------------------------------------------------------

_PERIOD_FORMAT = {"week": "%Y-%m-%d", "month": "%Y-%m", "quarter": "%Y-%m", "year": "%Y"}


def _date_axis(ax, freq: str) -> None:
    locator = mdates.AutoDateLocator(minticks=3, maxticks=7)
    ax.xaxis.set_major_locator(locator)
    fmt = _PERIOD_FORMAT[freq]
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: label(mdates.num2date(v).strftime(fmt))))


def _days(d: dt.date) -> float:
    return mdates.date2num(d)


def _speakers_in_order(df: pl.DataFrame) -> pl.DataFrame:
    return df.select("speaker_id", "speaker_name", "speaker_en", "speaker_order").unique().sort(
        "speaker_order", "speaker_id"
    )


def statements_over_time_figure(
    over_time: pl.DataFrame,
    colors: dict[str, str],
    freq: str,
    lang: str = "ar",
    layout: str = "stacked",
    width: float = DOUBLE_COLUMN,
    title: str | None = None,
    show_coarse: bool = True,
) -> Figure:
    """Statements per period by speaker from aggregate.statements_over_time.

    layout 'stacked': one panel of stacked bars (one colour per speaker),
    each bar as wide as its period; statements whose date is coarser than
    `freq` go to a lower panel as hatched bands spanning their whole month
    or year, height = count spread evenly over the band's periods (so both
    panels read in statements per `freq`).  layout 'small_multiples': one
    panel per speaker, coarse bands drawn hatched behind the bars.
    Never draws a month- or year-dated statement as a day or week.
    show_coarse=False leaves the coarse statements out and says how many
    in a note under the plot (useful when a few year-dated statements would
    stretch the time axis).
    """
    if layout not in ("stacked", "small_multiples"):
        raise ValueError("layout must be 'stacked' or 'small_multiples'")
    ui = _ui(lang)
    binned = over_time.filter(pl.col("in_bin"))
    coarse = over_time.filter(~pl.col("in_bin"))
    n_hidden = 0
    if not show_coarse:
        n_hidden, coarse = int(coarse["n"].sum()), coarse.clear()
    speakers = _speakers_in_order(over_time)
    names = dict(zip(speakers["speaker_id"], _names(speakers, lang)))
    with arabic.styled():
        if layout == "stacked":
            fig = _over_time_stacked(binned, coarse, speakers, names, colors, freq, ui, width)
        else:
            fig = _over_time_small_multiples(binned, coarse, speakers, names, colors, freq, ui, width)
        if n_hidden:
            fig.supxlabel(label(ui["hidden"].format(n=n_hidden)), fontsize="small", color=NEUTRAL_COLOR)
        if title:
            fig.suptitle(label(title))
        return _finish(fig)


def _spread_height(row: dict, freq: str) -> float:
    """Count of a coarse band expressed per `freq` period (area-preserving)."""
    span_days = (row["period_end"] - row["period"]).days
    bin_days = {"week": 7, "month": 365.25 / 12, "quarter": 365.25 / 4, "year": 365.25}[freq]
    return row["n"] * bin_days / span_days


def _draw_coarse(ax, coarse: pl.DataFrame, colors, freq: str, stacked: bool) -> list[str]:
    spans_seen = []
    bottoms: dict[tuple, float] = {}
    for row in coarse.sort("span", "period", "speaker_order", "speaker_id").iter_rows(named=True):
        key = (row["period"], row["period_end"])
        height = _spread_height(row, freq)
        bottom = bottoms.get(key, 0.0) if stacked else 0.0
        ax.bar(
            _days(row["period"]), height, width=_days(row["period_end"]) - _days(row["period"]), bottom=bottom,
            align="edge", facecolor="none", edgecolor=_color(colors, row["speaker_id"]),
            hatch=COARSE_HATCH.get(row["span"], "xx"), linewidth=0.6, zorder=1,
        )
        bottoms[key] = bottom + height
        if row["span"] not in spans_seen:
            spans_seen.append(row["span"])
    return spans_seen


def _coarse_legend_handles(spans: list[str], ui: dict) -> list[Patch]:
    return [Patch(facecolor="none", edgecolor=NEUTRAL_COLOR, hatch=COARSE_HATCH.get(s, "xx"),
                  label=label(ui["coarse"].get(s, s))) for s in spans]


def _over_time_stacked(binned, coarse, speakers, names, colors, freq, ui, width) -> Figure:
    has_coarse = coarse.height > 0
    fig = _new_figure(width, 2.6 if has_coarse else 2.2)
    if has_coarse:
        ax, ax_coarse = fig.subplots(2, 1, sharex=True, height_ratios=[3, 1])
    else:
        ax, ax_coarse = fig.subplots(1, 1), None
    bottoms: dict[dt.date, float] = {}
    handles = []
    for sid in speakers["speaker_id"]:
        rows = binned.filter(pl.col("speaker_id") == sid).sort("period")
        if rows.height == 0 and not (has_coarse and sid in coarse["speaker_id"]):
            continue
        left = np.array([_days(d) for d in rows["period"]])
        widths = np.array([_days(e) for e in rows["period_end"]]) - left
        bottom = np.array([bottoms.get(d, 0.0) for d in rows["period"]])
        ax.bar(left, rows["n"].to_numpy(), width=widths * 0.9, bottom=bottom, align="edge",
               color=_color(colors, sid), linewidth=0, zorder=2)
        for d, n in zip(rows["period"], rows["n"]):
            bottoms[d] = bottoms.get(d, 0.0) + n
        handles.append(Patch(color=_color(colors, sid), label=names[sid]))
    ax.set_ylabel(label(ui["per"][freq]))
    _int_axis(ax.yaxis)
    target = ax
    if ax_coarse is not None:
        spans = _draw_coarse(ax_coarse, coarse, colors, freq, stacked=True)
        ax_coarse.set_ylabel(label(ui["coarse_axis"]))
        handles += _coarse_legend_handles(spans, ui)
        target = ax_coarse
    _date_axis(target, freq)
    fig.legend(handles=handles, loc="outside right upper", frameon=False)
    return fig


def _over_time_small_multiples(binned, coarse, speakers, names, colors, freq, ui, width) -> Figure:
    n = max(1, speakers.height)
    fig = _new_figure(width, 0.35 + 0.75 * n)
    axes = np.atleast_1d(fig.subplots(n, 1, sharex=True, sharey=True, squeeze=False)[:, 0])
    spans_all: list[str] = []
    for ax, sid in zip(axes, speakers["speaker_id"]):
        rows = binned.filter(pl.col("speaker_id") == sid).sort("period")
        left = np.array([_days(d) for d in rows["period"]])
        widths = np.array([_days(e) for e in rows["period_end"]]) - left
        ax.bar(left, rows["n"].to_numpy(), width=widths * 0.9, align="edge", color=_color(colors, sid),
               linewidth=0, zorder=2)
        for s in _draw_coarse(ax, coarse.filter(pl.col("speaker_id") == sid), colors, freq, stacked=False):
            if s not in spans_all:
                spans_all.append(s)
        ax.set_title(names[sid], loc="right", fontsize="medium", pad=2)
        _int_axis(ax.yaxis, nbins=3)
    _date_axis(axes[-1], freq)
    fig.supylabel(label(ui["per"][freq]), fontsize="medium")
    if spans_all:
        fig.legend(handles=_coarse_legend_handles(spans_all, ui), loc="outside lower right", frameon=False,
                   ncols=len(spans_all))
    return fig


# -- counts, outlets, verbs, modes -------------------------------------------------


def _finish_count_bars(fig, ax, y, names: list[str], ui: dict, lang: str, title: str | None) -> Figure:
    """Shared ending of the horizontal count-bar charts: names top to bottom,
    integer count axis, right-to-left layout for Arabic names."""
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    ax.set_xlabel(label(ui["statements"]))
    _int_axis(ax.xaxis)
    ax.tick_params(axis="y", length=0)
    _horizontal_bars_rtl(ax, lang)
    if title:
        ax.set_title(label(title))
    return _finish(fig)


def counts_by_speaker_figure(
    counts: pl.DataFrame,
    colors: dict[str, str],
    lang: str = "ar",
    width: float = SINGLE_COLUMN,
    title: str | None = None,
) -> Figure:
    """Horizontal bars of statements per speaker (aggregate.counts_by_speaker),
    most frequent at the top, names on the right for Arabic."""
    ui = _ui(lang)
    with arabic.styled():
        fig = _new_figure(width, 0.5 + 0.22 * max(1, counts.height))
        ax = fig.subplots()
        y = np.arange(counts.height)
        ax.barh(y, counts["n"].to_numpy(), color=[_color(colors, s) for s in counts["speaker_id"]], height=0.7)
        return _finish_count_bars(fig, ax, y, _names(counts, lang), ui, lang, title)


def speaker_by_outlet_figure(
    table: pl.DataFrame,
    lang: str = "ar",
    width: float = DOUBLE_COLUMN,
    normalize: bool = False,
    title: str | None = None,
) -> Figure:
    """Heat map of speaker x outlet (aggregate.speaker_by_outlet), with counts
    written in the cells; normalize=True colours by share of the speaker.
    Colour map cividis (colour-blind safe, monotone in lightness)."""
    ui = _ui(lang)
    speakers = table.select("speaker_id", "speaker_name", "speaker_en", "speaker_order").unique().sort("speaker_order")
    outlets = table["outlet"].unique(maintain_order=True).to_list()
    grid = np.zeros((speakers.height, len(outlets)))
    shares = np.zeros_like(grid)
    pos = {s: i for i, s in enumerate(speakers["speaker_id"])}
    col = {o: j for j, o in enumerate(outlets)}
    for row in table.iter_rows(named=True):
        grid[pos[row["speaker_id"]], col[row["outlet"]]] = row["n"]
        shares[pos[row["speaker_id"]], col[row["outlet"]]] = row["share_of_speaker"]
    if _rtl(lang):  # outlets read from the right
        grid, shares, outlets = grid[:, ::-1], shares[:, ::-1], outlets[::-1]
    values = shares if normalize else grid
    with arabic.styled():
        fig = _new_figure(width, 0.8 + 0.25 * max(1, speakers.height))
        ax = fig.subplots()
        image = ax.imshow(values, cmap="cividis", aspect="auto", vmin=0)
        vmax = values.max() if values.size else 0
        for i in range(grid.shape[0]):
            for j in range(grid.shape[1]):
                dark = values[i, j] < 0.6 * vmax
                ax.text(j, i, label(f"{int(grid[i, j])}"), ha="center", va="center", fontsize="small",
                        color="white" if dark else "black")
        ax.set_xticks(range(len(outlets)), [label(o) for o in outlets], rotation=30,
                      ha="left" if _rtl(lang) else "right", rotation_mode="anchor")
        ax.set_yticks(range(speakers.height), _names(speakers, lang))
        ax.set_xlabel(label(ui["outlet"]))
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        if _rtl(lang):
            ax.yaxis.tick_right()
            ax.set_xticks(range(len(outlets)), [label(o) for o in outlets], rotation=-30, ha="left",
                          rotation_mode="anchor")
        bar = fig.colorbar(image, ax=ax, location="left" if _rtl(lang) else "right", shrink=0.8)
        bar.set_label(label(ui["share"] if normalize else ui["statements"]))
        bar.ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: label(f"{v:g}")))
        if title:
            ax.set_title(label(title))
        return _finish(fig)


def verb_counts_figure(
    verbs: pl.DataFrame,
    lang: str = "ar",
    top_n: int = 15,
    width: float = SINGLE_COLUMN,
    title: str | None = None,
) -> Figure:
    """Most frequent reporting verbs (aggregate.verb_counts, not by speaker),
    each shown by its most frequent bare written form."""
    ui = _ui(lang)
    verbs = verbs.head(top_n)
    with arabic.styled():
        fig = _new_figure(width, 0.5 + 0.2 * max(1, verbs.height))
        ax = fig.subplots()
        y = np.arange(verbs.height)
        ax.barh(y, verbs["n"].to_numpy(), color=NEUTRAL_COLOR, height=0.7)
        # the verbs are Arabic whatever the label language
        return _finish_count_bars(fig, ax, y, [label(v) for v in verbs["example"]], ui, "ar", title)


def mode_share_figure(
    modes: pl.DataFrame,
    lang: str = "ar",
    width: float = SINGLE_COLUMN,
    title: str | None = None,
) -> Figure:
    """100 % stacked bars: direct / indirect / mixed share per speaker
    (aggregate.mode_share); in Arabic layout the bars fill from the right."""
    ui = _ui(lang)
    speakers = modes.select("speaker_id", "speaker_name", "speaker_en", "speaker_order").unique().sort("speaker_order")
    with arabic.styled():
        fig = _new_figure(width, 0.8 + 0.22 * max(1, speakers.height))
        ax = fig.subplots()
        y = np.arange(speakers.height)
        left = np.zeros(speakers.height)
        for mode in ("direct", "indirect", "mixed"):
            share = (
                speakers.select("speaker_id")
                .join(modes.filter(pl.col("mode") == mode).select("speaker_id", "share"), on="speaker_id", how="left")
                ["share"].fill_null(0.0).to_numpy()
            )
            ax.barh(y, share, left=left, color=MODE_COLORS[mode], height=0.7, label=label(ui["modes"][mode]))
            left += share
        ax.set_yticks(y, _names(speakers, lang))
        ax.invert_yaxis()
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: label(f"{v:.0%}".replace("%", "٪") if _rtl(lang) else f"{v:.0%}")))
        ax.set_xlabel(label(ui["share"]))
        ax.tick_params(axis="y", length=0)
        _horizontal_bars_rtl(ax, lang)
        fig.legend(loc="outside upper center", ncols=3, frameon=False, reverse=_rtl(lang))
        if title:
            ax.set_title(label(title))
        return _finish(fig)


def characteristic_words_figure(
    words: pl.DataFrame,
    colors: dict[str, str],
    lang: str = "ar",
    ncols: int = 3,
    width: float = DOUBLE_COLUMN,
    title: str | None = None,
) -> Figure:
    """Small multiples: the most characteristic words of each speaker
    (aggregate.characteristic_words) as bars of their log-odds z-score."""
    ui = _ui(lang)
    speakers = _speakers_in_order(words)
    n = max(1, speakers.height)
    ncols = max(1, min(ncols, n))
    nrows = -(-n // ncols)
    per_panel = max(1, words.group_by("speaker_id").len()["len"].max() or 1)
    with arabic.styled():
        fig = _new_figure(width, 0.4 + nrows * (0.35 + 0.16 * per_panel))
        axes = fig.subplots(nrows, ncols, squeeze=False, sharex=True)
        names = dict(zip(speakers["speaker_id"], _names(speakers, lang)))
        order = list(speakers["speaker_id"])
        if _rtl(lang):  # first speaker in the top-right panel
            cells = [(r, c) for r in range(nrows) for c in reversed(range(ncols))]
        else:
            cells = [(r, c) for r in range(nrows) for c in range(ncols)]
        for (r, c), sid in zip(cells, order):
            ax = axes[r, c]
            rows = words.filter(pl.col("speaker_id") == sid).sort("rank")
            y = np.arange(rows.height)
            ax.barh(y, rows["z"].to_numpy(), color=_color(colors, sid), height=0.7)
            ax.set_yticks(y, [label(w) for w in rows["word"]])
            ax.set_ylim(per_panel - 0.5, -0.5)
            ax.set_title(names[sid], loc="right" if _rtl(lang) else "left", fontsize="medium", pad=2)
            ax.tick_params(axis="y", length=0)
            ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: label(f"{v:g}")))
            _horizontal_bars_rtl(ax, "ar")
        for r, c in cells[len(order):]:
            axes[r, c].set_visible(False)
        fig.supxlabel(label(ui["z"]), fontsize="medium")
        if title:
            fig.suptitle(label(title))
        return _finish(fig)

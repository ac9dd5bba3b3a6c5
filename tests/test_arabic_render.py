"""Does Arabic come out of matplotlib joined and right to left?

Each label is drawn by matplotlib through arabic.label() and, independently,
by Pillow with raqm layout (HarfBuzz shaping + FriBiDi ordering) from the
same font file.  Both images are cropped to their ink, resampled to one size,
blurred (sigma 2) and compared: score = 1 - Pearson correlation.  Right text
scores near 0, reversed or unjoined text far above the threshold.  The
variant the helper did *not* choose must score as wrong, so the test is
shown to be able to fail on whichever matplotlib runs it (3.11 with libraqm:
reshape+bidi is wrong; 3.10 without: the raw logical string is wrong).

Runs on matplotlib 3.10 too: ``bash tests/mpl310/run.sh``.
"""

from __future__ import annotations

import io
import re

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from PIL import Image, ImageDraw, ImageFilter, ImageFont, features

from analysis import arabic

PIXELS = 48  # em size of the rendered text, in pixels
THRESHOLD = 0.15
BLUR_SIGMA = 2
COMPARE_HEIGHT = 64

PURE_ARABIC = [
    "فلاديمير بوتين",
    "سيرغي لافروف",
    "وزارة الخارجية الروسية",
    "التحالف الدولي بقيادة الولايات المتحدة",
    "عدد التصريحات حسب الشهر",
]
MIXED = [
    "ISIS تنظيم داعش",  # starts with Latin, must still read right to left
    "قال لافروف إن NATO تتدخل",
    "عدد التصريحات في 2015",
    "بوتين (Putin)",
]

needs_raqm = pytest.mark.skipif(not features.check("raqm"), reason="Pillow built without raqm: no shaping reference")


# -- rendering ----------------------------------------------------------------


def _gray_ink(rgb: np.ndarray) -> np.ndarray:
    """Ink darkness 0..1 from an RGB(A) uint8 array drawn black on white."""
    return 1.0 - rgb[..., :3].astype(np.float64).mean(axis=-1) / 255.0


def render_matplotlib(text: str, font_file: str) -> np.ndarray:
    dpi = 100
    fig = Figure(figsize=(24, 2.5), dpi=dpi)
    canvas = FigureCanvasAgg(fig)
    prop = FontProperties(fname=font_file, size=PIXELS * 72 / dpi)
    fig.text(0.5, 0.5, text, fontproperties=prop, ha="center", va="center", color="black")
    canvas.draw()
    return _gray_ink(np.asarray(canvas.buffer_rgba()))


def render_reference(text: str, font_file: str) -> np.ndarray:
    """Pillow + raqm: shapes and orders the logical string by itself."""
    font = ImageFont.truetype(font_file, PIXELS, layout_engine=ImageFont.Layout.RAQM)
    image = Image.new("L", (2400, 250), 255)
    ImageDraw.Draw(image).text((1200, 125), text, font=font, fill=0, anchor="mm", direction="rtl")
    return _gray_ink(np.asarray(image.convert("RGB")))


def crop_to_ink(ink: np.ndarray, level: float = 0.2) -> np.ndarray:
    rows = np.flatnonzero((ink > level).any(axis=1))
    cols = np.flatnonzero((ink > level).any(axis=0))
    assert rows.size and cols.size, "nothing was drawn"
    return ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]


def _resample_blur(ink: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    image = Image.fromarray((ink * 255).astype(np.uint8), mode="L").resize(size, Image.Resampling.LANCZOS)
    image = image.filter(ImageFilter.GaussianBlur(BLUR_SIGMA))
    return np.asarray(image, dtype=np.float64)


def shape_distance(candidate: np.ndarray, reference: np.ndarray) -> float:
    """1 - Pearson correlation of the blurred ink images, sized like the reference."""
    ref = crop_to_ink(reference)
    cand = crop_to_ink(candidate)
    width = max(8, round(COMPARE_HEIGHT * ref.shape[1] / ref.shape[0]))
    a = _resample_blur(ref, (width, COMPARE_HEIGHT)).ravel()
    b = _resample_blur(cand, (width, COMPARE_HEIGHT)).ravel()
    return float(1.0 - np.corrcoef(a, b)[0, 1])


def score(drawn: str, logical: str, family: str) -> float:
    font_file = str(arabic.font_path(family))
    return shape_distance(render_matplotlib(drawn, font_file), render_reference(logical, font_file))


def wrong_variant(s: str) -> str:
    """What the helper must not give this matplotlib."""
    return arabic.visual_order(s) if arabic.has_native_shaping() else s


# -- tests --------------------------------------------------------------------


def test_capability_decides_the_path():
    import matplotlib.ft2font

    native = bool(getattr(matplotlib.ft2font, "__libraqm_version__", None))
    assert arabic.has_native_shaping() is native
    s = "فلاديمير بوتين"
    assert arabic.label(s) == (s if native else arabic.visual_order(s))
    assert arabic.label("Putin") == "Putin"  # Latin-only labels are left alone


@pytest.mark.skipif(not arabic.has_native_shaping(), reason="RLM prefix is for libraqm matplotlib")
def test_rlm_prefix_only_where_latin_comes_first():
    assert arabic.label("ISIS تنظيم داعش") == arabic.RLM + "ISIS تنظيم داعش"
    assert arabic.label("تنظيم داعش ISIS") == "تنظيم داعش ISIS"
    assert arabic.label("Lavrov", rtl=True) == arabic.RLM + "Lavrov"


def test_dollar_signs_do_not_start_mathtext():
    assert arabic.label("100$ مليون").count("\\$") == 1
    assert arabic.label("$x$", math=True).count("\\") == 0


# With native shaping both fonts must match the reference.  The reshape+bidi
# fallback draws presentation forms, which cannot reproduce Amiri's
# contextual ligatures, so there only the font the fallback style uses
# (arabic.default_font) must pass; Amiri is checked for ranking below.
FAMILIES_MATCHING = arabic.FONT_FAMILIES if arabic.has_native_shaping() else (arabic.default_font(),)


@needs_raqm
@pytest.mark.parametrize("family", FAMILIES_MATCHING)
@pytest.mark.parametrize("text", PURE_ARABIC + MIXED)
def test_label_renders_like_the_shaping_reference(text, family):
    d = score(arabic.label(text), text, family)
    print(f"correct {family} {text!r}: {d:.3f}")
    assert d < THRESHOLD


@needs_raqm
@pytest.mark.skipif(arabic.has_native_shaping(), reason="only the fallback loses Amiri's ligatures")
@pytest.mark.parametrize("text", PURE_ARABIC + MIXED)
def test_fallback_with_amiri_is_still_closer_to_right_than_wrong(text):
    right = score(arabic.label(text), text, arabic.PDF_FONT)
    wrong = score(wrong_variant(text), text, arabic.PDF_FONT)
    print(f"fallback Amiri {text!r}: right {right:.3f} wrong {wrong:.3f}")
    assert right < wrong


@needs_raqm
@pytest.mark.parametrize("family", arabic.FONT_FAMILIES)
@pytest.mark.parametrize("text", PURE_ARABIC + MIXED)
def test_wrong_variant_is_caught(text, family):
    d = score(wrong_variant(text), text, family)
    print(f"wrong {family} {text!r}: {d:.3f}")
    assert d > THRESHOLD


@needs_raqm
@pytest.mark.skipif(not arabic.has_native_shaping(), reason="RLM prefix is for libraqm matplotlib")
def test_latin_first_label_without_rlm_is_caught():
    text = "ISIS تنظيم داعش"
    assert score(text, text, arabic.PDF_FONT) > THRESHOLD  # LTR paragraph: wrong
    assert score(arabic.label(text), text, arabic.PDF_FONT) < THRESHOLD


# -- PDF text extraction --------------------------------------------------------

_RTL = re.compile(r"[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]")


def pdf_lines(pdf: bytes) -> list[str]:
    """Text of each line of a one-page PDF, read as a right-to-left reader would.

    pypdf reverses right-to-left runs inside one text-showing operation but
    emits operations in drawing order (left to right); matplotlib starts a new
    operation whenever it switches font subsets.  Pieces of a line that holds
    Arabic are therefore joined from the rightmost to the leftmost.
    """
    import pypdf

    pieces: list[tuple[float, float, str]] = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip("\n"):
            pieces.append((round(cm[5] + tm[5], 1), cm[4] + tm[4], text.strip("\n")))

    pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    lines: dict[float, list[tuple[float, str]]] = {}
    for y, x, text in pieces:
        lines.setdefault(y, []).append((x, text))
    out = []
    for y in sorted(lines, reverse=True):
        row = lines[y]
        rtl = any(_RTL.search(t) for _, t in row)
        text = "".join(t for _, t in sorted(row, key=lambda p: p[0], reverse=rtl))
        out.append(" ".join(text.split()))  # pypdf adds a space at gaps between pieces
    return out


def _pdf_of_labels(texts: list[str]) -> bytes:
    import matplotlib

    with matplotlib.rc_context(arabic.figure_style()):
        fig = Figure(figsize=(arabic.SINGLE_COLUMN, 0.4 * len(texts)))
        for i, t in enumerate(texts):
            fig.text(0.95, 1 - (i + 0.5) / len(texts), t, ha="right", va="center")
        buf = io.BytesIO()
        fig.savefig(buf, format="pdf", metadata={"CreationDate": None})
    return buf.getvalue()


SPEAKERS = [("فلاديمير بوتين", "Vladimir Putin"), ("سيرغي لافروف", "Sergei Lavrov"), ("ماريا زاخاروفا", "Maria Zakharova")]


@pytest.mark.skipif(not arabic.has_native_shaping(), reason="reshaped presentation forms extract as compatibility glyphs")
def test_pdf_text_has_speaker_names_in_logical_order():
    names = [arabic.speaker_label(ar, en, "ar") for ar, en in SPEAKERS]
    lines = pdf_lines(_pdf_of_labels([arabic.label(n) for n in names]))
    print(lines)
    for name in names:
        assert any(name in line for line in lines), (name, lines)
    # the same names drawn the pre-3.11 way extract as something else
    wrong = pdf_lines(_pdf_of_labels([arabic.visual_order(n) for n in names]))
    print(wrong)
    assert not any(name in line for line in wrong for name in names)


def test_pdf_figure_embeds_the_style_font_as_truetype():
    """Amiri (searchable) with native shaping; Noto with the fallback."""
    import pypdf

    expected = {"Amiri": "Amiri-Regular", "Noto Sans Arabic": "NotoSansArabic-Regular"}[arabic.default_font()]
    assert (expected == "Amiri-Regular") is arabic.has_native_shaping()
    pdf = _pdf_of_labels([arabic.label("فلاديمير بوتين")])
    fonts = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/Font"]
    fonts = [f.get_object() for f in fonts.values()]
    assert fonts and all(str(f["/BaseFont"]).endswith("+" + expected) for f in fonts), fonts
    # Type0 + CIDFontType2 is how pdf.fonttype 42 embeds TrueType
    assert all(f["/Subtype"] == "/Type0" for f in fonts)

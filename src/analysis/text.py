"""Text helpers shared by the extraction stages: matching normalisation and sentences.

Offsets everywhere index the original ``documents.text``.  We never normalise
that text in place; we normalise a copy for matching and map positions back.

Choice (documented here because every caller depends on it):

* Letter folding is 1:1 (one code point in, one out): hamza carriers on alif
  (أ إ آ ٱ) become ا, Arabic-Indic and Persian digits become ASCII digits.
  That alone keeps offsets identical.  Alif maqsura ى is *kept*: folding it
  to ي would make the preposition على identical to the name علي.  Likewise إ
  is folded except before ل ("إلى", "إليسا", "إلهام"), so that a name starting
  with إل is not mistaken for a noun with the article ال.
* Harakat, Quranic marks and tatweel carry no letters but split words for a
  regex (``مشيراً``, ``بيّن``, ``قـال``).  They are *removed*, which shortens the
  string, so ``normalize_with_offsets`` returns an offset table mapping every
  position of the normalised copy back to the original.  Texts without marks
  (most news text) skip the table entirely (``None`` = identity).
"""

from __future__ import annotations

import re
from array import array

# Harakat (064B-065F), superscript alif (0670), Quranic marks, tatweel (0640),
# zero-width joiners / directional marks that sit inside words.
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d\u200e\u200f]+")

_FOLD = str.maketrans(
    {
        "أ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
    }
)


_HAMZA_BELOW = re.compile("إ(?!ل)")


_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")


def fold_letters(s: str) -> str:
    """Length-preserving letter folding (hamza-alif, digits).

    str.replace per letter is much faster than str.translate with a dict on
    long texts (translate looks every character up in the table).
    """
    if "إ" in s:
        s = _HAMZA_BELOW.sub("ا", s)
    s = s.replace("أ", "ا").replace("آ", "ا").replace("ٱ", "ا")
    if _DIGITS.search(s):
        s = s.translate(_FOLD)
    return s


_FI_RE = re.compile(r"(?<!\w)فى(?!\w)")


def normalize_with_offsets(s: str) -> tuple[str, array | None]:
    """Fold letters and drop marks; return (normalised, offsets).

    ``offsets[i]`` is the index in ``s`` of normalised character ``i``, with one
    extra entry ``len(s)`` so that exclusive ends map too.  ``None`` means the
    identity map (no marks were present), which is the common, fast case.
    """
    folded = fold_letters(s)
    if "فى" in folded:
        folded = _FI_RE.sub("في", folded)  # Egyptian spelling of the preposition (same length)
    if _MARKS.search(folded) is None:
        return folded, None
    pieces: list[str] = []
    offsets = array("q")
    pos = 0
    for m in _MARKS.finditer(folded):
        if m.start() > pos:
            pieces.append(folded[pos : m.start()])
            offsets.extend(range(pos, m.start()))
        pos = m.end()
    pieces.append(folded[pos:])
    offsets.extend(range(pos, len(folded)))
    offsets.append(len(s))
    return "".join(pieces), offsets


def normalize_for_matching(s: str) -> str:
    """Copy of ``s`` for matching: letters folded, harakat and tatweel removed.

    Not length-preserving when marks are present; use ``normalize_with_offsets``
    when positions must be mapped back to the original text.
    """
    return normalize_with_offsets(s)[0]


def map_offset(offsets: array | None, i: int) -> int:
    """Map a position of the normalised copy back to the original text."""
    if offsets is None:
        return i
    if i >= len(offsets):
        return offsets[-1]
    return offsets[i]


# --- sentences -------------------------------------------------------------

# Candidate sentence ends: terminal punctuation (with any closing quotes right
# after it) followed by whitespace or the end; or a run of newlines.
# A dateline ends a sentence too: "دبي، الإمارات العربية المتحدة (CNN) -- كشف ...",
# "(CNN)-- قال ...": the report that follows starts its own clause.
_DATELINE_OUTLET = r"[A-Za-z][A-Za-z .]{0,24}|[اأ] ف ب|رويترز|د ب [اأ]|ال[اأ]ناضول|سبوتنيك|واس|وام|قنا|كونا|سانا"
_DATELINE = r"(?m:^[ \t]*[^\n.!?؟:\"“«()]{0,60}\((?:" + _DATELINE_OUTLET + r")\)[ \t]*[-–—]+(?=\s))"
_END_CANDIDATE = re.compile(r"[.!?؟]+[\"”»')\]]*(?=\s|$)|\n+|" + _DATELINE)
# A period that is not a sentence end: decimals (3.5), Latin initials (U.S.),
# a single Arabic letter abbreviation (د. for doctor, م. for metre).
_NOT_END_BEFORE = re.compile(r"(?:^|[\s(.])(?:\w|[A-Z][a-z]{0,2})$")
_QUOTE_CHARS = re.compile("[\"“”«»]")
_MAX_QUOTE = 600  # an "open quote" longer than this is unbalanced: ignore it


def closes_only(text: str, p: int) -> bool:
    """A straight quote at ``p`` shaped like a closing mark (after a word, before
    a space or punctuation: 'للانتقام".'), which cannot open a quote: when no
    quote is open it is a stray closer and is ignored."""
    before = text[p - 1] if p > 0 else " "
    after = text[p + 1] if p + 1 < len(text) else " "
    return not before.isspace() and before not in "(:،,-" and not after.isalnum()


_CLOSING_GUILLEMET = re.compile(r"«\s*(?:[.!?؟،,]|$)", re.M)


def _reversed_guillemet(text: str, p: int) -> bool:
    """A « that ends a clause ("الإقليمية «.") closes, and a » right after a colon
    or a space, before a letter (":»إن"), opens: the marks were typed reversed."""
    if text[p] == "«":
        return _CLOSING_GUILLEMET.match(text, p) is not None and p > 0 and not text[p - 1] in ":("
    before = text[p - 1] if p > 0 else " "
    after = text[p + 1] if p + 1 < len(text) else " "
    return (before == ":" or before.isspace()) and after.isalpha()


def _inside_open_quote(line: str, start: int, end: int) -> bool:
    """True when position ``end`` in ``line[start:end]`` is inside an open quote."""
    depth_dir = 0  # “ « … ” »
    ascii_open = -1  # position of an open straight quote, -1 when closed
    open_at = -1
    for m in _QUOTE_CHARS.finditer(line, start, end):
        c = m.group()
        if c in "«»" and _reversed_guillemet(line, m.start()):
            c = "»" if c == "«" else "«"  # «» written the other way round ('ليبيا «.'، ':»إن الشكر')
        if c in "“«":
            if depth_dir == 0:
                open_at = m.start()
            depth_dir += 1
        elif c in "”»":
            depth_dir = max(0, depth_dir - 1)
        elif ascii_open >= 0:
            ascii_open = -1
        elif not closes_only(line, m.start()):
            ascii_open = m.start()
    if depth_dir > 0 and end - open_at < _MAX_QUOTE:
        return True
    return ascii_open >= 0 and end - ascii_open < _MAX_QUOTE


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` into ``text``, whitespace trimmed.

    Splits at . ! ? ؟ followed by whitespace, and at newlines (always).  Does
    not split after decimals or one-letter abbreviations, nor inside a quote
    that is still open (up to ``_MAX_QUOTE`` characters, so an unbalanced mark
    cannot swallow the rest of the document).
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END_CANDIDATE.finditer(text):
        end = m.end()
        if m.group()[0] != "\n":
            head = text[max(start, m.start() - 4) : m.start()]
            if m.group()[0] == "." and _NOT_END_BEFORE.search(head):
                # "U.S." / "د." – but a long word before "." is a real end
                continue
            if _inside_open_quote(text, start, m.start()):
                continue
        _append_trimmed(text, start, end, spans)
        start = end
    _append_trimmed(text, start, len(text), spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))

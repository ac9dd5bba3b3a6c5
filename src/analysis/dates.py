"""Dating documents and statements: explicit, relative, regional month names, Hijri.

The engine is table-driven and our own (dateparser 1.5 misreads Arabic, see
DESIGN.md).  Everything a reader could want to extend lives in the tables at
the top: month names of every regional set with their variant spellings,
Hijri months, weekdays, ordinal day words, qualifiers such as الماضي.  The
tables are folded with the same function as the text and compiled into ONE
regex of ordered alternatives; ``find_dates`` runs it on a folded copy of the
text and maps offsets back to the original.

Rules that keep numbers from becoming dates (the traps of Arabic news):

* a bare four-digit number is a year only next to a month name, after
  عام/العام/سنة/لعام..., or with an era mark (هـ / م / هجري / ميلادي), and
  only in plausible ranges: Gregorian 1900-2100, Hijri 1300-1500;
* numeric dates need three parts with one separator (16/11/2015, 2015-11-16,
  5 / 11 / 1436 هـ) and a real calendar day; D/M/Y only, never M/D/Y;
* ambiguous month words need support: أب (father) and صفر (zero, as in a
  score "1 - صفر") count only with a year, with شهر, or with a qualifier;
  a bare month name (رمضان قادروف, رجب طيب أردوغان) is never a date;
* relative words are resolved only against a publication date; without one
  they are not returned.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, replace

import polars as pl
from hijridate import Gregorian, Hijri

# --------------------------------------------------------------------------
# Folding: a matching copy of the text.  Letters and digits fold 1:1 (offsets
# stay put); harakat and tatweel are removed, with an offset table back.
# آ is kept (آب, the Levantine August, is unambiguous; أب also means father).

_FOLD_PAIRS = (("أ", "ا"), ("إ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه"))
_DIGITS = str.maketrans({chr(0x0660 + d): str(d) for d in range(10)} | {chr(0x06F0 + d): str(d) for d in range(10)})
_OTHER_DIGIT = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c-\u200f]+")


def _fold(text: str) -> tuple[str, tuple[list[int], list[int]] | None]:
    """Folded copy of text and, if marks were removed, the offset table back:
    (start in folded, start in original) of every unbroken piece.
    str.replace runs in C at memory speed, far faster than translate on Arabic."""
    folded = text
    for a, b in _FOLD_PAIRS:
        folded = folded.replace(a, b)
    if _OTHER_DIGIT.search(folded):
        folded = folded.translate(_DIGITS)
    if not _MARKS.search(folded):
        return folded, None
    pieces, in_norm, in_orig = [], [], []
    pos = n = 0
    for m in _MARKS.finditer(folded):
        if m.start() > pos:
            pieces.append(folded[pos:m.start()])
            in_norm.append(n)
            in_orig.append(pos)
            n += m.start() - pos
        pos = m.end()
    pieces.append(folded[pos:])
    in_norm.append(n)
    in_orig.append(pos)
    return "".join(pieces), (in_norm, in_orig)


def _to_original(table: tuple[list[int], list[int]], p: int) -> int:
    k = bisect_right(table[0], p) - 1
    return table[1][k] + p - table[0][k]


def _fold_word(word: str) -> str:
    return _fold(word)[0]


# --------------------------------------------------------------------------
# Tables.  Keys are written as people write them; folding and the آ/ا variant
# are added automatically when the regex is built.

GREGORIAN_MONTHS: dict[str, dict[str, int]] = {
    # Levantine and Iraqi (Syriac names)
    "levantine": {
        "كانون الثاني": 1, "كانون ثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4,
        "أيار": 5, "حزيران": 6, "تموز": 7, "آب": 8, "أب": 8, "أيلول": 9,
        "تشرين الأول": 10, "تشرين أول": 10, "تشرين الثاني": 11, "تشرين ثاني": 11,
        "كانون الأول": 12, "كانون أول": 12,
    },
    # Egypt, Gulf, most of the Mashriq press (transliterated)
    "egyptian_gulf": {
        "يناير": 1, "فبراير": 2, "فبرير": 2, "مارس": 3, "أبريل": 4, "إبريل": 4,
        "ابريل": 4, "أبريـل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6, "يونية": 6,
        "يوليو": 7, "يوليه": 7, "يولية": 7, "أغسطس": 8, "اغسطس": 8, "أغسطوس": 8,
        "سبتمبر": 9, "سيبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10, "أكتوبـر": 10,
        "نوفمبر": 11, "نوڤمبر": 11, "ديسمبر": 12, "ديسيمبر": 12,
    },
    # Algeria and Tunisia (French-derived)
    "maghrebi": {
        "جانفي": 1, "فيفري": 2, "مارس": 3, "أفريل": 4, "ماي": 5, "جوان": 6,
        "جويلية": 7, "جويليه": 7, "أوت": 8, "سبتمبر": 9, "أكتوبر": 10,
        "نوفمبر": 11, "ديسمبر": 12,
    },
    # Morocco
    "moroccan": {
        "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ماي": 5, "يونيو": 6,
        "يوليوز": 7, "غشت": 8, "شتنبر": 9, "أكتوبر": 10, "نونبر": 11, "دجنبر": 12,
    },
}

HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1, "المحرم": 1, "صفر": 2,
    "ربيع الأول": 3, "ربيع أول": 3,
    "ربيع الآخر": 4, "ربيع الثاني": 4, "ربيع ثاني": 4, "ربيع آخر": 4,
    "جمادى الأولى": 5, "جمادى الأول": 5, "جمادى أولى": 5,
    "جمادى الآخرة": 6, "جمادى الثانية": 6, "جمادى الآخر": 6, "جمادى الثاني": 6,
    "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
    "ذو القعدة": 11, "ذي القعدة": 11, "ذو القعده": 11,
    "ذو الحجة": 12, "ذي الحجة": 12,
}

# Month words that are also ordinary words: need a year, شهر or a qualifier.
AMBIGUOUS_MONTHS = {"أب", "صفر"}

WEEKDAYS: dict[str, int] = {  # Python weekday(): Monday = 0
    "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3,
    "الجمعة": 4, "السبت": 5, "الأحد": 6,
}
WEEKDAY_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_UNITS = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
ORDINAL_DAYS: dict[str, int] = {
    "غرة": 1, "مطلع": 1,
    **{w: i + 1 for i, w in enumerate(_UNITS)},
    "العاشر": 10, "الحادي عشر": 11,
    **{f"{w} عشر": i + 1 + 10 for i, w in enumerate(_UNITS) if i >= 1},
    "العشرين": 20, "الثلاثين": 30,
    **{f"{'الحادي' if i == 0 else w} والعشرين": 21 + i for i, w in enumerate(_UNITS)},
    "الحادي والثلاثين": 31,
}
ORDINAL_DAYS = {k: v for k, v in ORDINAL_DAYS.items() if k != "مطلع"}  # مطلع = early in: month only
# with the prepositions ل and ب: "الموافق للسادس والعشرين من مارس", "بالسابع من"
ORDINAL_DAYS |= {pre + k[len("ال"):]: v for k, v in ORDINAL_DAYS.items() if k.startswith("ال") for pre in ("لل", "بال")}

NUMBER_WORDS = {"ثلاثة": 3, "أربعة": 4, "خمسة": 5, "ستة": 6, "سبعة": 7, "ثمانية": 8, "تسعة": 9, "عشرة": 10,
                "ثلاث": 3, "أربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثماني": 8, "تسع": 9, "عشر": 10}

# قبل + unit: (unit, count implied by the word itself or None = needs a number)
AGO_UNITS = {"يوم": ("day", 1), "يومين": ("day", 2), "أيام": ("day", None),
             "أسبوع": ("week", 1), "أسبوعين": ("week", 2), "أسابيع": ("week", None),
             "شهر": ("month", 1), "شهرين": ("month", 2), "أشهر": ("month", None), "شهور": ("month", None),
             "عام": ("year", 1), "عامين": ("year", 2), "سنة": ("year", 1), "سنتين": ("year", 2),
             "أعوام": ("year", None), "سنوات": ("year", None), "سنين": ("year", None)}

# Relative day words: offset from the publication day.
DAY_WORDS = {"اليوم": 0, "أمس": -1, "الأمس": -1, "بالأمس": -1, "أول أمس": -2, "أول من أمس": -2,
             "أمس الأول": -2, "غدا": 1, "غد": 1, "الغد": 1, "بعد غد": 2}

PAST, CURRENT, NEXT = "past", "current", "next"
QUALIFIERS = {"الماضي": PAST, "المنصرم": PAST, "الفائت": PAST, "المنقضي": PAST, "الماضية": PAST,
              "الجاري": CURRENT, "الحالي": CURRENT, "الجارية": CURRENT, "الحالية": CURRENT,
              "المقبل": NEXT, "القادم": NEXT, "المقبلة": NEXT, "القادمة": NEXT}

GREGORIAN_RANGE = (1900, 2100)
HIJRI_RANGE = (1300, 1500)


# --------------------------------------------------------------------------
# Building the regex from the tables.

def _variants(word: str) -> set[str]:
    f = _fold_word(word)
    return {f, f.replace("آ", "ا")}


def _lookup(table: dict[str, int]) -> dict[str, int]:
    out = {}
    for k, v in table.items():
        for var in _variants(k):
            out[var] = v
    return out


def _alt(words) -> str:
    """Regex alternation of folded words as a prefix trie (Python's re tries
    alternatives one by one; a trie tests each first letter once).  Spaces
    inside a word match any run of whitespace."""
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_re(trie)


def _trie_re(node: dict) -> str:
    ends = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        atom = r"\s+" if ch == " " else re.escape(ch)
        branches.append(atom + _trie_re(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # longest first: the optional end comes after the longer branches (greedy ?)
    return f"(?:{body})?" if ends else body


_G_MONTH = _lookup({k: v for tab in GREGORIAN_MONTHS.values() for k, v in tab.items()})
_H_MONTH = _lookup(HIJRI_MONTHS)
_AMBIG = {v for w in AMBIGUOUS_MONTHS for v in {_fold_word(w)}}  # folded (أب -> اب, not آب)
_WEEKDAY = _lookup(WEEKDAYS)
_ORD = _lookup(ORDINAL_DAYS)
_NUMW = _lookup(NUMBER_WORDS)
_AGO = {v: u for k, u in AGO_UNITS.items() for v in _variants(k)}
_DAYW = _lookup(DAY_WORDS)
_QUAL = {v: q for k, q in QUALIFIERS.items() for v in _variants(k)}

_MONTHS_RE = _alt(list(_G_MONTH) + list(_H_MONTH))
_G_MONTHS_RE = _alt(_G_MONTH)
_QUAL_RE = _alt(_QUAL)
_ERA = r"(?:ه(?:جريه|جري)?|م(?:يلاديه|يلادي)?)(?!\w)"
_B = r"(?:(?<!\w)|(?<=(?<!\w)[وف]))"  # word start, allowing the clitics و / ف
_NUM_L = r"(?<![\d/.\-])"  # a number not continuing another number
_NUM_R = r"(?!\d|[/.\-]\d)"
_YEAR_CTX = r"(?:عام|العام|سنه|السنه|لعام|للعام|عامي)"


def _year_tail(p: str) -> str:
    """Year after a month: '2015', '، عام 1436 هـ', 'من العام الماضي'."""
    return (rf"(?:\s*[،,]?\s*(?:من\s+)?(?:{_YEAR_CTX}\s+)?(?P<{p}y>\d{{4}}){_NUM_R}(?:\s*(?P<{p}era>{_ERA}))?"
            rf"|\s+(?:من\s+)?(?P<{p}yq>هذا\s+العام|هذه\s+السنه|(?:العام|السنه)\s+(?P<{p}yqq>{_QUAL_RE}))(?!\w))")


def _month(p: str) -> str:
    """Month name with optional alias: 'أبريل (نيسان)', 'تموز/يوليو'."""
    return (rf"(?P<{p}sh>شهر\s+)?(?P<{p}mon>{_MONTHS_RE})(?!\w)"
            rf"(?:\s*[(/]\s*(?:{_G_MONTHS_RE})\s*\)|\s*/\s*(?:{_G_MONTHS_RE})(?!\w)|\s+(?:{_G_MONTHS_RE})(?!\w))?")


def _day(p: str) -> str:
    return (rf"(?:(?:(?<!\w)ال\s?)?{_NUM_L}(?P<{p}d>\d{{1,2}})(?!\d)(?:\s*[-–]\s*(?P<{p}d2>\d{{1,2}})(?!\d))?"
            rf"|{_B}(?P<{p}o>{_alt(_ORD)})\s+من(?!\w)|{_B}(?P<{p}g>غره)(?!\w))")


_ALTERNATIVES = {
    # 16/11/2015, 5 / 11 / 1436 هـ, 14-10- 1436هـ
    "dmy": rf"{_NUM_L}(?P<a_d>\d{{1,2}})\s*(?P<a_s>[/.\-])\s*(?P<a_m>\d{{1,2}})\s*(?P=a_s)\s*(?P<a_y>\d{{4}}){_NUM_R}"
           rf"(?:\s*(?P<a_era>{_ERA}))?",
    # 2015-11-16, 1436/10/30 هـ
    "ymd": rf"{_NUM_L}(?P<b_y>\d{{4}})\s*(?P<b_s>[/.\-])\s*(?P<b_m>\d{{1,2}})\s*(?P=b_s)\s*(?P<b_d>\d{{1,2}}){_NUM_R}"
           rf"(?:\s*(?P<b_era>{_ERA}))?",
    # 1436 / 1437 هـ (an academic or fiscal year): the first year
    "yrange": rf"(?:{_B}{_YEAR_CTX}\s+)?{_NUM_L}(?P<r_y>\d{{4}})\s*[/\-–]\s*(?P<r_y2>\d{{4}})\s*(?P<r_era>{_ERA})",
    # 9 شوال 1436هـ, الـ27 من أيلول, السابع من أبريل (نيسان) 2011, 12-17 من شهر شوال الجاري
    "dmonth": rf"{_day('c_')}\s*(?:من\s+)?{_month('c_')}(?:{_year_tail('c_')})?(?:\s+(?P<c_q>{_QUAL_RE})(?!\w))?",
    # الـ27 من الشهر الجاري
    "drel": rf"(?:(?<!\w)ال\s?)?{_NUM_L}(?P<f_d>\d{{1,2}})(?!\d)\s+من\s+(?:هذا\s+الشهر|الشهر\s+(?P<f_q>{_QUAL_RE}))(?!\w)",
    # أب 2014, جمادى الآخرة 1434هـ, أغسطس من العام الماضي
    "month_year": rf"{_B}{_month('d_')}{_year_tail('d_')}",
    # شوال الجاري, آب الماضي
    "month_rel": rf"{_B}{_month('e_')}\s+(?P<e_q>{_QUAL_RE})(?!\w)",
    # عام 2015, العام 1436 هـ
    "year_ctx": rf"{_B}(?:ل|لل)?{_YEAR_CTX}(?:\s+(?:الحالي|الجاري|الدراسي|المالي|الهجري|الميلادي))?\s+{_NUM_L}"
                rf"(?P<g_y>\d{{4}})(?:\s*[/\-–]\s*(?P<g_y2>\d{{4}}))?{_NUM_R}(?:\s*(?P<g_era>{_ERA}))?",
    # 1436هـ, 1971م
    "year_era": rf"{_NUM_L}(?P<h_y>\d{{4}})\s*(?P<h_era>{_ERA})",
    # قبل يومين, قبل 5 سنوات (not: قبل يومين من الانتخابات)
    "ago": rf"{_B}قبل\s+(?:(?P<q_n>\d{{1,3}})\s+|(?P<q_nw>{_alt(_NUMW)})\s+)?(?P<q_u>{_alt(_AGO)})(?!\w)(?!\s+من(?!\w)|\s+\d)",
    # أمس, يوم أمس, أول من أمس, غدا, اليوم
    "dayword": rf"{_B}(?P<w_pre>(?:يوم|صباح|مساء|ليل|ليله|ظهر|فجر|عصر|ظهيره|بعد)\s+)?(?P<w_w>{_alt(_DAYW)})(?!\w)",
    # الأسبوع الماضي, الشهر المقبل, هذا العام
    "period": rf"{_B}(?:(?P<p_u>الاسبوع|الشهر|العام|السنه)\s+(?P<p_q>{_QUAL_RE})|(?:هذا|هذه)\s+(?P<p_u2>الاسبوع|الشهر|العام|السنه))(?!\w)",
    # يوم الأربعاء, الخميس الماضي
    "weekday": rf"{_B}(?P<k_pre>يوم\s+)?(?P<k_wd>{_alt(_WEEKDAY)})(?!\w)(?:\s+(?P<k_q>{_QUAL_RE})(?!\w))?",
}
_DATE_RE = re.compile(r"(?<![^\Wوف])(?:" + "|".join(f"(?P<{name}>{pat})" for name, pat in _ALTERNATIVES.items()) + ")")

# Where a match can begin: the first word of every alternative above.  Trying
# the big regex only at these positions (instead of at every word start) is
# what makes the scan fast; _scan's test against a plain finditer keeps the
# two in step.
_FIRST_WORDS = (
    list(_G_MONTH) + list(_H_MONTH) + list(_WEEKDAY) + list(_DAYW) + list(_ORD)
    + [pre + w for w in ("عام", "العام", "سنه", "السنه", "عامي") for pre in ("", "ل", "لل")]
    + ["شهر", "قبل", "هذا", "هذه", "غرة",
       "الاسبوع", "الشهر", "يوم", "صباح", "مساء", "ليل", "ليله", "ظهر", "فجر", "عصر", "ظهيره", "بعد"]
)
_STARTS = re.compile(r"\b[وف]?(?P<t>\d|ال\s?\d|" + _alt(_fold_word(w) for w in _FIRST_WORDS) + ")")


# --------------------------------------------------------------------------

@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: dt.date | None
    precision: str  # day | month | year, and week for الأسبوع الماضي (value: its Monday)
    basis: str  # text | relative
    kind: str  # gregorian | hijri | relative | weekday
    conflict: str | None = None


def _greg(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _hijri(y: int, m: int, d: int) -> dt.date | None:
    try:
        g = Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return dt.date(g.year, g.month, g.day)


def _to_hijri(d: dt.date) -> tuple[int, int, int] | None:
    try:
        return Gregorian(d.year, d.month, d.day).to_hijri().datetuple()
    except (ValueError, OverflowError):
        return None


def _calendar_of_year(y: int, era: str | None) -> str | None:
    """'gregorian' / 'hijri' / None for an explicit year, from era mark and range."""
    if era:
        era_cal = "hijri" if era.startswith("ه") else "gregorian"
        lo, hi = HIJRI_RANGE if era_cal == "hijri" else GREGORIAN_RANGE
        return era_cal if lo <= y <= hi else None
    if GREGORIAN_RANGE[0] <= y <= GREGORIAN_RANGE[1]:
        return "gregorian"
    if HIJRI_RANGE[0] <= y <= HIJRI_RANGE[1]:
        return "hijri"
    return None


def _make(cal: str, y: int, m: int = 1, d: int = 1) -> dt.date | None:
    return _hijri(y, m, d) if cal == "hijri" else _greg(y, m, d)


def _add_months(d: dt.date, n: int) -> dt.date:
    k = d.year * 12 + d.month - 1 + n
    return dt.date(k // 12, k % 12 + 1, 1)


def _next_month_start(cal: str, y: int, m: int) -> dt.date | None:
    return _make(cal, y + (m == 12), m % 12 + 1, 1)


def _month_without_year(cal: str, month: int, day: int | None, published: dt.date, qual: str | None):
    """Resolve 'شوال الجاري', '9 شوال', 'آب الماضي' to the year that fits published:
    الماضي = the latest before, المقبل = the earliest after, else the one that
    contains published or lies nearest to it."""
    if cal == "hijri":
        h = _to_hijri(published)
        if h is None:
            return None
        years = (h[0] - 1, h[0], h[0] + 1)
    else:
        years = (published.year - 1, published.year, published.year + 1)
    if day is not None:
        days = [d for d in (_make(cal, y, month, day) for y in years) if d]
        if qual == PAST:
            return max((d for d in days if d < published), default=None)
        if qual == NEXT:
            return min((d for d in days if d > published), default=None)
        return min(days, key=lambda d: (abs((d - published).days), d), default=None)
    spans = [(s, e) for y in years if (s := _make(cal, y, month, 1)) and (e := _next_month_start(cal, y, month))]
    if qual == PAST:
        return max((s for s, e in spans if e <= published), default=None)
    if qual == NEXT:
        return min((s for s, e in spans if s > published), default=None)
    return min(spans, key=lambda se: (max((se[0] - published).days, (published - se[1]).days + 1, 0), se[0]),
               default=(None,))[0]


def _candidate_days(cal: str, month: int, day: int, published: dt.date):
    """The day in the publication year and its neighbours (Hijri years for Hijri months)."""
    h = _to_hijri(published) if cal == "hijri" else None
    base = h[0] if h else published.year
    if cal == "hijri" and h is None:
        return
    for y in (base - 1, base, base + 1):
        d = _make(cal, y, month, day)
        if d is not None:
            yield d


def _monday(d: dt.date) -> dt.date:
    """Weeks are ISO weeks (Monday first), as in the aggregation stage."""
    return d - dt.timedelta(days=d.weekday())


def _last_weekday(published: dt.date, wd: int, qual: str | None) -> dt.date:
    if qual == NEXT:
        return published + dt.timedelta(days=(wd - published.weekday() - 1) % 7 + 1)
    back = (published.weekday() - wd) % 7
    if back == 0 and qual == PAST:
        back = 7
    return published - dt.timedelta(days=back)


def _explicit(cal: str, value: dt.date | None, precision: str) -> tuple | None:
    """An explicit date.  An impossible Gregorian day is no date; a Hijri one that
    hijridate cannot convert (outside 1343-1500 AH, or day 30 of a 29-day month
    in the Umm al-Qura table) is kept with value None, so it can be counted."""
    if value is None and cal != "hijri":
        return None
    return (value, precision, "text", cal, None)


def _interpret(m: re.Match, published: dt.date | None) -> tuple | None:
    """(value, precision, basis, kind, extra) for one match, or None when it is not a date.

    value is None when it needs a publication date that is missing."""
    alt = m.lastgroup
    g = m.group
    if alt in ("dmy", "ymd"):
        p = "a_" if alt == "dmy" else "b_"
        y, mo, d = int(g(p + "y")), int(g(p + "m")), int(g(p + "d"))
        cal = _calendar_of_year(y, g(p + "era"))
        if cal is None or not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        return _explicit(cal, _make(cal, y, mo, d), "day")
    if alt == "yrange":
        y, y2 = int(g("r_y")), int(g("r_y2"))
        cal = _calendar_of_year(y, g("r_era"))
        if cal is None or y2 not in (y, y + 1):
            return None
        return _explicit(cal, _make(cal, y), "year")
    if alt in ("dmonth", "month_year", "month_rel"):
        p = {"dmonth": "c_", "month_year": "d_", "month_rel": "e_"}[alt]
        mon = re.sub(r"\s+", " ", g(p + "mon"))
        cal, month = ("hijri", _H_MONTH[mon]) if mon in _H_MONTH else ("gregorian", _G_MONTH[mon])
        day = None
        if alt == "dmonth":
            day = int(g("c_d")) if g("c_d") else 1 if g("c_g") else _ORD.get(re.sub(r"\s+", " ", g("c_o")))
            if not day or day > 30 + (cal == "gregorian"):
                return None
        year_s = g(p + "y") if alt != "month_rel" else None
        qual = _QUAL.get(g(p + "q")) if alt != "month_year" and g(p + "q") else None
        yq = g(p + "yq") if alt != "month_rel" else None
        if year_s:
            y = int(year_s)
            if _calendar_of_year(y, g(p + "era")) != cal:
                return None  # Hijri month with a Gregorian year or out of range
            return _explicit(cal, _make(cal, y, month, day or 1), "day" if day else "month")
        if mon in _AMBIG and not (g(p + "sh") or qual or yq):
            return None  # أب / صفر alone: father, zero
        if yq:  # أغسطس من العام الماضي
            if cal == "hijri":
                return None
            if published is None:
                return (None, "day" if day else "month", "relative", cal, None)
            shift = {PAST: -1, NEXT: 1}.get(_QUAL.get(g(p + "yqq") or ""), 0)
            v = _greg(published.year + shift, month, day or 1)
            return (v, "day" if day else "month", "relative", cal, None) if v else None
        if published is None:
            return (None, "day" if day else "month", "relative", cal, None)
        v = _month_without_year(cal, month, day, published, qual)
        # a weekday beside "12 يوليو" may tell the year: keep the other candidates
        others = tuple(_candidate_days(cal, month, day, published)) if day and not qual else None
        return (v, "day" if day else "month", "relative", cal, others) if v else None
    if alt == "drel":
        d = int(g("f_d"))
        if not 1 <= d <= 31:
            return None
        if published is None:
            return (None, "day", "relative", "relative", None)
        shift = {PAST: -1, NEXT: 1}.get(_QUAL.get(g("f_q") or ""), 0)
        first = _add_months(published.replace(day=1), shift)
        v = _greg(first.year, first.month, d)
        return (v, "day", "relative", "relative", None) if v else None
    if alt in ("year_ctx", "year_era"):
        p = "g_" if alt == "year_ctx" else "h_"
        y = int(g(p + "y"))
        if alt == "year_ctx" and g("g_y2") and int(g("g_y2")) not in (y, y + 1):
            return None  # 1990-2015 is a span, not an academic year
        cal = _calendar_of_year(y, g(p + "era"))
        return _explicit(cal, _make(cal, y), "year") if cal else None
    if published is None and alt == "weekday":  # kept: it may name an explicit date that follows
        return (None, "day", "relative", "weekday", _WEEKDAY[g("k_wd")])
    if published is None and alt in ("ago", "dayword", "period"):
        return (None, "day", "relative", "relative", None)
    if alt == "ago":
        unit, n = _AGO[g("q_u")]
        if g("q_n"):
            if n is not None:
                return None  # "قبل 3 يومين" is not Arabic
            n = int(g("q_n"))
        elif g("q_nw"):
            if n is not None:
                return None
            n = _NUMW[g("q_nw")]
        elif n is None:
            return None
        if unit == "day":
            return (published - dt.timedelta(days=n), "day", "relative", "relative", None)
        if unit == "week":
            return (_monday(published - dt.timedelta(days=7 * n)), "week", "relative", "relative", None)
        if unit == "month":
            return (_add_months(published.replace(day=1), -n), "month", "relative", "relative", None)
        return (dt.date(published.year - n, 1, 1), "year", "relative", "relative", None)
    if alt == "dayword":
        word = re.sub(r"\s+", " ", g("w_w"))
        pre = (g("w_pre") or "").strip()
        if pre == "بعد" and word not in ("غد", "الغد"):
            return None
        if word in ("غد", "الغد") and not pre:
            return None  # الغد is also a newspaper
        off = _DAYW[word] + (1 if pre == "بعد" else 0)
        return (published + dt.timedelta(days=off), "day", "relative", "relative", None)
    if alt == "period":
        unit = g("p_u") or g("p_u2")
        shift = {PAST: -1, NEXT: 1}.get(_QUAL.get(g("p_q") or ""), 0)
        if unit == "الاسبوع":
            return (_monday(published + dt.timedelta(days=7 * shift)), "week", "relative", "relative", None)
        if unit == "الشهر":
            return (_add_months(published.replace(day=1), shift), "month", "relative", "relative", None)
        return (dt.date(published.year + shift, 1, 1), "year", "relative", "relative", None)
    if alt == "weekday":
        wd = _WEEKDAY[g("k_wd")]
        qual = _QUAL.get(g("k_q") or "")
        return (_last_weekday(published, wd, qual), "day", "relative", "weekday", wd)
    return None


# Words before/after that make a match something else.
# ذلك اليوم (that day); عين اليوم, صحيفة اليوم, «اليوم»: Saudi newspapers
_NOT_TODAY_BEFORE = re.compile(r"(?:(?<!\w)(?:ذلك|نفس|ذات|تلك|عين|صحيفه|جريده|لصحيفه|لجريده)\s*|[«\"“])$")
_NEED_AFTER = re.compile(r"\s+(?:ال)?حاج")
_AL_WORD_AFTER = re.compile(r"\s+(ال\w+)")
_WEEKDAY_GENERIC_BEFORE = re.compile(r"(?:(?<!\w)[وف]?(?:كل|ايام|صلاه|خطبه|يومي|كلا|بين|هذين)\s+(?:يوم\s+)?)$")
_WEEKDAY_GENERIC_AFTER = re.compile(r"\s+(?:معا|منهما|كليهما)(?!\w)")
# What may stand between a weekday and its date, or a day word and its weekday.
_GLUE = re.compile(r"[\s()\[\],،\-–:«»\"“”]*(?:(?:الموافق|يوم)[\s()\[\],،\-–:]*)?")
_EQUALS_GLUE = re.compile(r"[\s()\[\],،\-–:]*(?:الموافق|والموافق|وافق|ويوافق|يوافق)[\s()\[\],،\-–:]*")


def _keep(m: re.Match, norm: str) -> bool:
    """Context filters that a regex without look-around-of-any-width cannot say."""
    alt = m.lastgroup
    before = norm[max(0, m.start() - 20):m.start()]
    if alt == "dayword" and m.group("w_w") == "اليوم" and not m.group("w_pre"):
        if _NOT_TODAY_BEFORE.search(before):
            return False  # ذلك اليوم: that day
        after = _AL_WORD_AFTER.match(norm, m.end())
        if after and after.group(1) not in _WEEKDAY:
            return False  # اليوم العالمي, اليوم الأخير, اليوم الوطني
    if alt == "dayword" and m.group("w_w") == "امس" and _NEED_AFTER.match(norm, m.end()):
        return False  # في أمسّ الحاجة: in dire need
    if alt == "weekday" and not m.group("k_pre"):
        if _WEEKDAY_GENERIC_BEFORE.search(before) or _WEEKDAY_GENERIC_AFTER.match(norm, m.end()):
            return False  # كل جمعة, صلاة الجمعة, كلا الاثنين, الاثنين معا
    return True


@dataclass
class _Raw:
    start: int  # offsets in the folded text
    end: int
    value: dt.date | None
    precision: str
    basis: str
    kind: str
    extra: object  # weekday mentions: the weekday; "12 يوليو": the same day in neighbouring years
    label: str  # as written in the original, for conflict messages
    conflict: str | None = None


class _Source:
    """The original text and the folded copy, with offsets between them."""

    def __init__(self, text: str):
        self.text = text
        self.norm, self.offsets = _fold(text)

    def span(self, s: int, e: int) -> tuple[int, int]:
        while e > s and self.norm[e - 1].isspace():
            e -= 1
        if self.offsets is None:
            return s, e
        s, e = _to_original(self.offsets, s), _to_original(self.offsets, e - 1) + 1
        while e < len(self.text) and _MARKS.match(self.text[e]):
            e += 1  # keep the tatweel of هـ
        return s, e

    def original(self, s: int, e: int) -> str:
        return self.text.__getitem__(slice(*self.span(s, e)))


def _matches(norm: str):
    """Non-overlapping matches of _DATE_RE, tried only where a date can begin."""
    last_end = 0
    for t in _STARTS.finditer(norm):
        pos = t.start("t")
        if pos < last_end:
            continue
        m = _DATE_RE.match(norm, pos)
        if m is not None:
            last_end = m.end()
            yield m


def _scan(src: _Source, published: dt.date | None) -> list[_Raw]:
    out = []
    for m in _matches(src.norm):
        if not _keep(m, src.norm):
            continue
        r = _interpret(m, published)
        if r is None:
            continue
        value, precision, basis, kind, extra = r
        label = src.original(*m.span("k_wd")) if kind == "weekday" else src.original(*m.span())
        out.append(_Raw(m.start(), m.end(), value, precision, basis, kind, extra, label))
    return out


def _describe(value: dt.date) -> str:
    return f"{WEEKDAY_EN[value.weekday()]} {value.isoformat()}"


def _merge(raws: list[_Raw], norm: str) -> list[_Raw]:
    """Join a weekday with the date it names (يوم أمس الأربعاء, الخميس 14-10-1436هـ)
    and check they agree; check Hijri/Gregorian pairs joined by الموافق."""
    out: list[_Raw] = []
    i = 0
    while i < len(raws):
        r = raws[i]
        nxt = raws[i + 1] if i + 1 < len(raws) else None
        glue = _GLUE.fullmatch(norm, r.end, nxt.start) if nxt is not None else None
        # weekday then a dated day: الخميس 14-10-1436هـ, يوم الأحد الموافق 1/11/1436هـ
        if glue and r.kind == "weekday" and nxt.precision == "day" and nxt.kind != "weekday":
            conflict, value = nxt.conflict, nxt.value
            if value is not None and value.weekday() != r.extra:
                fits = [d for d in nxt.extra if d.weekday() == r.extra] if isinstance(nxt.extra, tuple) else []
                if len(fits) == 1:  # "السبت 12 يوليو": the year in which 12 July is a Saturday
                    value = fits[0]
                else:
                    conflict = f"weekday {r.label} disagrees with {nxt.label} = {_describe(value)}"
            out.append(replace(nxt, start=r.start, value=value, conflict=conflict))
            i += 2
            continue
        # a day word then its weekday: أمس الأربعاء, اليوم (الاثنين)
        if glue and nxt.kind == "weekday" and r.kind == "relative" and r.precision == "day":
            conflict = None
            if r.value is not None and r.value.weekday() != nxt.extra:
                conflict = f"weekday {nxt.label} disagrees with {r.label} = {_describe(r.value)}"
            closing = {"(": ")", "«": "»", "“": "”", '"': '"'}
            end = nxt.end + any(o in glue.group() and norm[nxt.end:nxt.end + 1] == c for o, c in closing.items())
            out.append(replace(r, end=end, conflict=conflict))
            i += 2
            continue
        # 9 شوال 1436هـ الموافق 25 يوليو 2015: the two calendars must agree
        if (nxt is not None and r.precision == nxt.precision == "day"
                and r.kind != nxt.kind and r.value and nxt.value and r.value != nxt.value
                and _EQUALS_GLUE.fullmatch(norm, r.end, nxt.start)):
            raws[i + 1] = replace(nxt, conflict=f"{r.label} = {r.value.isoformat()} disagrees with "
                                                f"{nxt.label} = {nxt.value.isoformat()}")
        out.append(r)
        i += 1
    return out


def find_dates(text: str, published: dt.date | None = None, *, include_unresolved: bool = False) -> list[DateMention]:
    """Every date mention in text, with offsets into text (end exclusive).

    Relative forms are resolved against ``published``; without it they are
    left out (or returned with value None when include_unresolved)."""
    if not text:
        return []
    if isinstance(published, dt.datetime):
        published = published.date()
    src = _Source(text)
    out = []
    for r in _merge(_scan(src, published), src.norm):
        if r.value is None and not include_unresolved:
            continue
        s, e = src.span(r.start, r.end)
        out.append(DateMention(s, e, r.value, r.precision, r.basis, r.kind, r.conflict))
    return out


# --------------------------------------------------------------------------
# Documents

_LINE = re.compile(r"[^\n]+")


_DATELINE_SEP = re.compile(r"\s*[\-–—(]")  # not ":" : timelines read "* 28 مايو 1990: ..."
_WORD = re.compile(r"[^\W\d_]+")


def _is_byline(line: str, mentions: list[DateMention], m: DateMention, max_line_chars: int, first: bool) -> bool:
    """A byline is a short line that is little more than its dates ("كتب: محمد
    علي - أيلول 2015", "جدة 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس"); a
    dateline opens the text with a place, the date and a dash or parenthesis
    ("موسكو 16 نوفمبر 2015 (رويترز) - قال").  A sentence that names a date
    ("ولد في 8 سبتمبر 1989 في القاهرة.") is neither."""
    rest, pos = [], 0
    for d in mentions:
        rest.append(line[pos:d.start])
        pos = max(pos, d.end)
    rest.append(line[pos:])
    words = [w for w in _WORD.findall(" ".join(rest)) if w != "الموافق"]
    if len(line) <= max_line_chars and len(words) <= 4 and not line.rstrip().endswith((".", "؟", "!", "?")):
        return True
    return (first and m.start <= 30 and len(_WORD.findall(line[:m.start])) <= 3
            and _DATELINE_SEP.match(line, m.end) is not None)


def byline_date(text: str, max_lines: int = 3, max_line_chars: int = 120) -> tuple[dt.date, str] | None:
    """An explicit date (day or month precision) on a byline or dateline among
    the first non-empty lines: published_basis 'text'."""
    for n, line in enumerate(m for m in _LINE.finditer(text or "") if m.group().strip()):
        if n >= max_lines:
            break
        line_text = line.group().strip()
        mentions = find_dates(line_text)
        for d in mentions:
            if d.basis == "text" and d.precision in ("day", "month") and _is_byline(line_text, mentions, d, max_line_chars, n == 0):
                return d.value, d.precision
    return None


_MON_EN = {m: i + 1 for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}
_RFC = re.compile(r"(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})")
_ISO = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T\s]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT))?\s*")


def parse_source_time(value: str | None) -> tuple[dt.date, str] | None:
    """A source's own time field: ANT <TIME> "Mon, 26 Feb 2018 02:20:10 GMT" or
    "+0400", SaudiNewsNet date_extracted "2015-07-21 02:51:32".  The date as
    written (the outlet's local day), precision 'day'."""
    if not value or not value.strip():
        return None
    m = _ISO.fullmatch(value)
    if m:
        d = _greg(int(m[1]), int(m[2]), int(m[3]))
        return (d, "day") if d else None
    m = _RFC.match(value.strip())
    if m and m[2].lower() in _MON_EN:
        d = _greg(int(m[3]), _MON_EN[m[2].lower()], int(m[1]))
        return (d, "day") if d else None
    return None


# --------------------------------------------------------------------------
# Statements

FRAME_AFTER_VERB = 60  # chars after the verb searched when no content offset is known


def _frame_bounds(cs, ce, vs, ve, ks, ke) -> tuple[int, int, int]:
    """(start, end, anchor) of the statement's own reporting frame, in doc offsets.

    The frame is the clause minus its reported content: text before the content
    (speaker, verb, "في كلمة ألقاها أمس"), or, when the content comes first,
    the verb and what follows it.  The anchor (verb start) picks the nearest date."""
    anchor = vs if vs is not None else cs
    if ks is not None and ks > cs and (vs is None or vs < ks):
        return cs, ks, anchor
    if ke is not None and vs is not None and ke <= vs:  # «...» قال لافروف أمس
        return vs, min(ce, (ve or vs) + FRAME_AFTER_VERB), anchor
    end = min(ce, (ve if ve is not None else cs) + FRAME_AFTER_VERB)
    return cs, end, anchor


def _fit_contract(m: DateMention) -> DateMention | None:
    """The statements table knows day, month and year: a week ("الأسبوع الماضي")
    becomes its month, or its year when it straddles two months; never a day."""
    if m.precision != "week":
        return m
    sunday = m.value + dt.timedelta(days=6)
    if sunday.month == m.value.month:
        return replace(m, value=m.value.replace(day=1), precision="month")
    if sunday.year == m.value.year:
        return replace(m, value=dt.date(m.value.year, 1, 1), precision="year")
    return None


def _latest_possible(published: dt.date | None, precision: str | None) -> dt.date | None:
    """The last day the document can have been published on: a statement it
    reports cannot have been made later (a later date in the frame is a
    scheduled event, not the statement's date)."""
    if published is None:
        return None
    if precision == "year":
        return dt.date(published.year, 12, 31)
    if precision == "month":
        following = published.replace(day=28) + dt.timedelta(days=4)
        return following - dt.timedelta(days=following.day)
    return published


def _frame_date(frame: str, offset: int, anchor: int, published: dt.date | None,
                latest: dt.date | None = None) -> DateMention | None:
    mentions = [f for m in find_dates(frame, published) if m.value is not None and (f := _fit_contract(m))
                and (latest is None or f.value <= latest)]
    if not mentions:
        return None
    return min(mentions, key=lambda m: min(abs(m.start + offset - anchor), abs(m.end + offset - anchor)))


def date_statements(statements: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    """Fill statement_date, date_precision, date_basis from each statement's own
    reporting frame, else the document's publication date, else null/'none'.

    Only the frames (short strings) are scanned, and identical frames are
    scanned once; document texts are looked up, not joined onto every row."""
    wanted = statements["doc_id"].unique()
    docs = {d: (t, p, pp) for d, t, p, pp in documents.filter(pl.col("doc_id").is_in(wanted.implode()))
            .select("doc_id", "text", "published", "published_precision").iter_rows()}
    cols = [statements[c].to_list() for c in ("char_start", "char_end", "verb_start", "verb_end", "content_start", "content_end")]
    cache: dict[tuple, DateMention | None] = {}
    dates, precisions, bases = [], [], []
    for i, doc_id in enumerate(statements["doc_id"].to_list()):
        text, pub, pub_precision = docs.get(doc_id, (None, None, None))
        found = None
        if text is not None and cols[0][i] is not None:
            s, e, anchor = _frame_bounds(*(c[i] for c in cols))
            frame = text[s:e]
            key = (frame, anchor - s, pub, pub_precision)
            if key not in cache:
                latest = _latest_possible(pub, pub_precision)
                cache[key] = _frame_date(frame, s, anchor, pub, latest) if frame else None
            found = cache[key]
        if found is not None:
            dates.append(found.value)
            precisions.append(found.precision)
            bases.append(found.basis)
        elif pub is not None:
            dates.append(pub)
            precisions.append(pub_precision)
            bases.append("published")
        else:
            dates.append(None)
            precisions.append(None)
            bases.append("none")
    return statements.with_columns(
        pl.Series("statement_date", dates, dtype=pl.Date),
        pl.Series("date_precision", precisions, dtype=pl.String),
        pl.Series("date_basis", bases, dtype=pl.String),
    )

"""Cleaning: flag site furniture, bylines, source lines, headlines and repeats.

Nothing here edits ``documents.text``.  ``flag_spans`` returns spans (FLAGS
schema) that later stages skip, so boilerplate is never read as a statement
and repeated text is never counted twice.  Matching never needs a rewritten
text:

* line rules (``LINE_RULES``, tables of general patterns) are rewritten by
  ``_tolerant`` to accept letter variants (أ/إ/آ/ا, ى/ي, ة/ه ...) and
  harakat/tatweel, and run on the original lines, so a match position is a
  position in the text;
* repeated sentences are found on numpy arrays of code points: a class
  table says which characters a normalised copy keeps (letters and digits,
  variants unified) and sentences are compared through polynomial hashes of
  that copy, mapped back through the arrays' indices.

``duplicate_documents`` finds exact and near-duplicate documents across a
corpus (hash of the normalised text; one-permutation MinHash + LSH over
word 3-gram shingles, verified by exact Jaccard and containment).  The
first document in input order is kept, later copies point to it.

Work runs in batches of about BATCH_CHARS code points (bounded memory,
~25 MB/s for flag_spans on one core).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import polars as pl

from . import schemas

# --------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------

#: one character -> one character (positions survive)
LETTER_VARIANTS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
    "ک": "ك", "ی": "ي", "ي": "ي", "ؤ": "و", "ئ": "ي",
}
_LETTER_TABLE = str.maketrans(LETTER_VARIANTS)
_DIGIT_TABLE = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_NUMBER_RE = re.compile(r"[0-9٠-٩۰-۹]+")
#: harakat, Quranic marks, superscript alef and tatweel: ignored when matching
MARKS = "\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
_MARKS_RE = re.compile(f"[{MARKS}]")
_NOT_WORD_RE = re.compile(r"[\W_]+")  # punctuation and spaces (marks are removed first)


def sentence_key(text: str) -> str:
    """Normalised copy of a piece of text: letters and digits only, variants unified, lower case.

    The Python twin of what ``_code_tables`` keeps; used for short gaps between
    flagged sentences and in tests.
    """
    return _NOT_WORD_RE.sub("", _MARKS_RE.sub("", text.lower().translate(_LETTER_TABLE).translate(_DIGIT_TABLE)))


def _numbers(text: str) -> list[str]:
    """The numbers written in a text, sorted (Arabic-Indic digits as ASCII)."""
    return sorted(_NUMBER_RE.findall(text.translate(_DIGIT_TABLE)))


def _variants_of() -> dict[str, str]:
    """Canonical letter -> all the letters that normalise to it."""
    out: dict[str, str] = {}
    for variant, canonical in LETTER_VARIANTS.items():
        out[canonical] = out.get(canonical, canonical) + (variant if variant != canonical else "")
    return out


_VARIANTS_OF = _variants_of()


def _tolerant(pattern: str) -> str:
    """Rewrite a rule so it matches the original line, whatever its spelling.

    Every Arabic letter outside a character class becomes the class of its
    variants (ا -> [اأإآٱ], ه -> [هة] ...) followed by optional harakat and
    tatweel; an optional letter ``ا?`` becomes ``(?:[...][marks]*)?``.  Lines
    are matched as they are, so no normalised copy is needed and match
    positions are positions in the text.  Valid Rust and Python regex.
    """
    pattern = _MARKS_RE.sub("", pattern.translate(_LETTER_TABLE))
    out, i, in_class = [], 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
            out.append(ch)
        elif ch == "[":
            in_class = True
            out.append(ch)
        elif "\u0621" <= ch <= "\u064a":
            nxt = pattern[i + 1] if i + 1 < len(pattern) else ""
            letters = _VARIANTS_OF.get(ch, ch)
            piece = (f"[{letters}]" if len(letters) > 1 else ch) + f"[{MARKS}]*"
            out.append(f"(?:{piece})" if nxt and nxt in "?*+{" else piece)
        else:
            out.append(ch)
        i += 1
    return "".join(out)


# --------------------------------------------------------------------------
# Line rules (tables of general patterns)
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class LineRule:
    kind: str  # boilerplate | byline | source
    reason: str
    pattern: str  # searched in the stripped line (after _tolerant); write letters plainly
    max_chars: int  # only lines at most this long (stripped) can match
    edge_lines: int = 0  # >0: only within this many non-empty lines of the top or bottom
    needles: tuple[str, ...] = ()  # literal prefilter (speed): the line must contain one, as written


_LEAD = r"^[\s*•·\-–—>#|«»\"'()\[\]]*"  # bullets and decorations before a line's first word
_END = r"[\s.:،,!|*\-–—»«\"'()]*$"  # punctuation allowed after a whole-line phrase
_NUM = r"[0-9٠-٩۰-۹][0-9٠-٩۰-۹,.٬٫]*"
_DAY = r"(?:السبت|الاحد|الأحد|الاثنين|الإثنين|الثلاثاء|الاربعاء|الأربعاء|الخميس|الجمعة)"
_MONTH = (
    r"(?:يناير|فبراير|مارس|أبريل|ابريل|إبريل|مايو|يونيو|يونيه|يوليو|يوليه|أغسطس|اغسطس|سبتمبر|أكتوبر|"
    r"اكتوبر|نوفمبر|ديسمبر|كانون الثاني|كانون الأول|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|"
    r"تشرين الأول|تشرين الثاني|محرم|صفر|ربيع الأول|ربيع الآخر|ربيع الثاني|جمادى الأولى|جمادى الآخرة|"
    r"جمادى الثانية|رجب|شعبان|رمضان|شوال|ذو القعدة|ذو الحجة)"
)
_TIME_WORD = r"(?:الساعة|صباحا|صباحاً|مساء|مساءً|ظهرا|ظهراً|ص|م|هـ|ه|GMT|UTC|بتوقيت|غرينتش|مكة|توقيت|(?i:am|pm))"
#: a line made only of date/time pieces (it must also hold a _FULL_DATE)
_DATE_ONLY = rf"^(?:[\s0-9٠-٩۰-۹/:.\-–,،|()]|{_DAY}|{_MONTH}|{_TIME_WORD}|الموافق)+$"
#: wire agencies and public news agencies that appear in credit lines ("فرانس24/ أ ف ب")
_AGENCY = (
    r"(?:أ ف ب|ا ف ب|أ\.ف\.ب|أ ب|د ب أ|رويترز|الأناضول|سبوتنيك|تاس|شينخوا|إرنا|واس|وام|قنا|كونا|بترا|"
    r"سانا|سبأ|بنا|العمانية|الأنباء|(?i:afp|ap|reuters|dpa))"
)

_NAME = r"[^\s.!?؟:،,()\[\]]+(?:\s+[^\s.!?؟:،,()\[\]]+){0,3}"  # up to four words, no punctuation
_PART = r"[^\s.!?؟:،,()\[\]0-9٠-٩–\-\u0640]+(?:\s+[^\s.!?؟:،,()\[\]0-9٠-٩–\-\u0640]+){0,2}"  # 1-3 words
_BRACKET_OUTLET = _AGENCY + r"|[A-Z][A-Za-z]{1,10}(?:\s[A-Z][A-Za-z]{1,10})?"  # "(سانا)", "(CNN)"
#: a date-only line must hold a full date or a time, not just a year ("2006" heads a list)
_FULL_DATE = (
    r"[0-9٠-٩]{1,4}\s*[/\-.]\s*[0-9٠-٩]{1,2}\s*[/\-.]\s*[0-9٠-٩]{1,4}|[0-9٠-٩]{1,2}\s*" + _MONTH
    + r"\s*[0-9٠-٩]{4}|[0-9٠-٩]{1,2}:[0-9٠-٩]{2}"
)

LINE_RULES: tuple[LineRule, ...] = (
    # --- source lines: the outlet is the first capture group
    LineRule("source", "source line", _LEAD + r"(?:المصدر|المصادر|مصدر الخبر)\s*[:：\-–]\s*(.{2,60}?)" + _END, 80),
    LineRule("source", "quoted from outlet", _LEAD + r"نقلا\s+عن\s*[:：]?\s*(.{2,60}?)" + _END, 70),
    LineRule("source", "agency credit", r"^\s*([^/]{2,25}?)\s*/(?:[^/]{1,25}/){0,3}\s*" + _AGENCY + _END, 60),
    LineRule("source", "agency line", r"^\s*\(?\s*(" + _AGENCY + r"(?:\s*[/،,و\-]\s*" + _AGENCY + r")*)\s*\)?" + _END, 40, edge_lines=2),
    LineRule("source", "outlet in brackets", r"^\s*\(\s*(" + _BRACKET_OUTLET + r")\s*\)\s*\.?\s*$", 34, edge_lines=2),
    # --- bylines, dates, view counts
    # "بقلم: فلان" yes; "مراسلة: هل روسيا ...؟" (an interview turn) no: a name is a few words
    LineRule("byline", "author", _LEAD + r"(?:بقلم|كتب|كتبت|كتبه|كتابة|تأليف|بواسطة|إعداد|تحرير|ترجمة|تقرير|الكاتب|الكاتبة|المحرر|المحررة|مراسل|مراسلة|(?i:by|posted by|written by))\s*[:：\-–]\s*"
             + _NAME + r"(?:\s*[،,\-–/|]\s*" + _NAME + r")?" + _END, 80),
    # "هيفاء عبدالله – عين اليوم", "عين اليوم – جدة", "فهد المشهوري ـ جدة": reporter/outlet – place
    LineRule("byline", "credit line", _LEAD + r"(?:(?i:next\s+previous)\s+)?(?:(?:رصد\s+و)?تصوير\s*:\s*)?" + _PART
             + r"\s*[–\-\u0640]\s*" + _PART + r"(?:\s*:\s*" + _PART + r")?" + _END, 70, edge_lines=2),
    LineRule("byline", "author", _LEAD + r"(?:هذا|هذه)\s+(?:المقال|التحليل|التقرير|المقالة|الرأي)\s+بقلم", 220),
    LineRule("byline", "author", _LEAD + r"بقلم\s+\S+(?:\s+\S+){0,4}" + _END, 50),
    LineRule("byline", "date line", _LEAD + r"(?:تاريخ النشر|تاريخ الإضافة|تاريخ التحديث|تم النشر|آخر تحديث|تم التحديث|محدث|(?i:published|updated|last updated))\s*(?:[:：\-–]|في|بتاريخ|$)", 80),
    LineRule("byline", "date line", _LEAD + r"(?:نشر|نشرت|أضيف)\s+(?:في|بتاريخ|يوم)\s*[:：]?\s*(?:[0-9٠-٩]|" + _DAY + "|" + _MONTH + ")", 80),
    LineRule("byline", "view count", r"(?:عدد\s+)?(?:المشاهدات|القراءات|الزيارات|المشاهدة)\s*[:：]?\s*" + _NUM, 50),
    LineRule("byline", "view count", r"^\s*" + _NUM + r"\s*(?:مشاهدة|مشاهدات|قراءة|قراءات|زيارة|زيارات|(?i:views?|reads?))" + _END, 40),
    LineRule("byline", "view count", r"^\s*(?:مشاهدة|مشاهدات|قراءة|قراءات|(?i:views?))\s*[:：]?\s*" + _NUM + _END, 40),
    LineRule("byline", "date/time only", _DATE_ONLY, 60, edge_lines=3),  # and _FULL_DATE must match
    # --- boilerplate: comments
    LineRule("boilerplate", "comment prompt", _LEAD + r"(?:أضف|اضف|أضيفي|اترك|أترك|أرسل|ارسل|اكتب|شارك(?:نا)?)\s+(?:تعليقا?|تعليقك|ردا|رد|رأيك)", 60),
    LineRule("boilerplate", "comment prompt", _LEAD + r"(?:التعليقات|تعليقات|تعليقات القراء|التعليق|تعليق)\s*(?:\(?\s*" + _NUM + r"\s*\)?)?" + _END, 30),
    LineRule("boilerplate", "comment prompt", r"الحقول\s+(?:المطلوبة|الإلزامية|المشار\s+إليها|التي\s+عليها)|لن\s+يتم\s+نشر\s+(?:عنوان\s+)?بريدك|(?:لا\s+توجد|لا\s+يوجد)\s+تعليقات|كن\s+أول\s+من\s+(?:يعلق|يعلّق|يضيف)|التعليقات\s+(?:مغلقة|تعبر|المنشورة)", 120,
             needles=("الحقول", "بريدك", "تعليق", "من يع", "من يض")),
    # --- boilerplate: social prompts
    LineRule("boilerplate", "social prompt", r"تابعونا|تابعوا\s+(?:آخر|اخر|أخبار|صفحتنا|قناتنا|حسابنا|موقعنا)|تابع\s+(?:آخر\s+الأخبار|صفحتنا|قناتنا|حسابنا)|(?:اشترك|اشتركوا|اشتركي)\s+(?:في|فى|ب)\s*(?:قناتنا|قناة|نشرتنا|النشرة|صفحتنا)|(?:حمل|حمّل|حملوا|نزل)\s+(?:تطبيق|التطبيق)|(?:انضم|انضموا)\s+(?:إلى|الى|ل)\s*(?:قناتنا|قناة|مجموعتنا)", 90,
             needles=("تابع", "اشترك", "تطبيق", "انضم")),
    LineRule("boilerplate", "social prompt", _LEAD + r"للاشتراك\s+(?:في|ب)", 90),
    LineRule("boilerplate", "social links", r"^(?:[\s|/•·,،:\-]*(?:فيسبوك|فيس بوك|تويتر|تلغرام|تليغرام|تيليجرام|تلجرام|يوتيوب|انستغرام|إنستغرام|انستجرام|واتساب|واتس اب|لينكد إن|(?i:facebook|twitter|telegram|youtube|instagram|whatsapp|linkedin|x))[\s|/•·,،:\-]*)+$", 80),
    # --- boilerplate: related articles, read more, click here
    LineRule("boilerplate", "related articles", _LEAD + r"(?:اقرأ|إقرأ|اقرا|طالع|شاهد|اطلع)\s*(?:أيضا|كذلك|المزيد)?\s*(?:[:：\-–.…/|]|$)", 200),
    LineRule("boilerplate", "related articles", _LEAD + r"(?:قد\s+يهمك|قد\s+يعجبك|اخترنا\s+لك|(?:مواضيع|أخبار|مقالات|موضوعات|قصص|قصة)\s+(?:ذات\s+صلة|متعلقة|مرتبطة))\s*(?:[:：\-–/|]|$)", 200),
    LineRule("boilerplate", "related articles", _LEAD + r"(?:للمزيد|المزيد)\s*(?:[:：\-–…]|من\s+الأخبار|$)", 200),
    LineRule("boilerplate", "related articles", r"(?:مواضيع|أخبار|اخبار|مقالات|موضوعات|قصص|قصة|مقالة|خبر|روابط)\s+(?:ذات\s+صلة|متعلقة|مرتبطة|مشابهة)|قد\s+يهمك|قد\s+يعجبك|اخترنا\s+لك|الأكثر\s+قراءة|الأكثر\s+مشاهدة|(?i:read more|related)", 80,
             needles=("صلة", "صله", "متعلق", "مرتبط", "مشابه", "يهمك", "يعجبك", "اخترنا", "الأكثر", "الاكثر", "read more", "related")),
    LineRule("boilerplate", "click here", r"(?:اضغط|انقر|إضغط|أنقر)\s+هنا|(?i:click here)", 100, needles=("هنا", "click")),
    # --- boilerplate: navigation, share/print, copyright, disclaimers
    LineRule("boilerplate", "back to top", r"(?:العودة|العوده|الرجوع|عودة|رجوع|ارجع)\s*(?:إلى|الى|ل|لل)?\s*(?:الأعلى|أعلى|اعلى|الاعلى|اعلي|أعلي|الصفحة الرئيسية|الرئيسية)|(?i:back to top)", 40),
    LineRule("boilerplate", "share/print", _LEAD + r"(?:شارك|شاركها|شارك الخبر|شارك المقال|شارك هذا المقال|مشاركة|مشاركه|طباعة|اطبع|أرسل لصديق|ارسل لصديق|إرسال لصديق|أرسل إلى صديق|إرسال إلى صديق|أرسل الخبر|نسخ الرابط|انسخ الرابط|تكبير الخط|تصغير الخط|حفظ|(?i:share|print|email|tweet))(?:\s*(?:على|عبر|الخبر|المقال|على مواقع التواصل|[|/]))*" + _END, 40),
    LineRule("boilerplate", "copyright", r"(?:جميع|كل|كافة)\s+الحقوق\s+محفوظة|حقوق\s+(?:النشر|الطبع|الطبع والنشر)\s+محفوظة|الحقوق\s+محفوظة|©|(?i:all rights reserved|copyright)", 120,
             needles=("حقوق", "©", "rights", "copyright")),
    LineRule("boilerplate", "disclaimer", r"(?:يمثل|تمثل|يعبر|تعبر|يعكس|تعكس)\s+(?:عن\s+)?(?:بالضرورة\s+)?(?:عن\s+)?(?:رأي|آراء|وجهة نظر)\s+(?:كاتبها|كتابها|كاتبه|صاحبها|أصحابها|الكاتب|الكاتبة|كتّابها)|لا\s+(?:يعكس|تعكس|يعبر|تعبر|يمثل|تمثل)\s+(?:بالضرورة\s+)?(?:عن\s+)?(?:رأي|وجهة نظر|سياسة|توجهات|موقف)|الآراء\s+الواردة", 220,
             needles=("رأي", "رأى", "راي", "آراء", "اراء", "أراء", "وجهة", "وجهه", "سياسة", "سياسه", "توجهات", "موقف", "الوارد")),
    LineRule("boilerplate", "photo credit", _LEAD + r"(?:مصدر الصورة|حقوق الصورة|الصورة\s*[:：]|صورة\s*[:：]|(?:رصد\s+و)?تصوير\s*[:：]|(?i:image copyright|image caption|getty images|photo\s*:))", 80),
    # a slideshow's buttons glued to the credit that follows ("Next Previous علي القحطاني")
    LineRule("boilerplate", "gallery navigation", _LEAD + r"(?i:next\s+previous|previous\s+next)(?:\s|$)", 80),
    LineRule("boilerplate", "partner note", _LEAD + r"(?:هذا|هذه|هذ|نشر|نشرت|تم\s+نشر)\s+(?:\S+\s+){0,3}بالتعاون\s+مع", 120),
    LineRule("boilerplate", "separator", r"^[\s\-_=*×•·.~#+/\\|<>]{3,}$", 200),
)


_RULES = [(rule, _tolerant(rule.pattern), re.compile(_tolerant(rule.pattern))) for rule in LINE_RULES]
_SOURCE_RULES = [(rule, rx) for rule, _, rx in _RULES if rule.kind == "source"]
_FULL_DATE_TOLERANT = _tolerant(_FULL_DATE)
_OUTLET_TRIM = " \t\"'«»“”()[]{}*.:،,-–—"


def _clean_outlet(name: str) -> str | None:
    """The outlet as the source writes it, without surrounding quotes/brackets."""
    name = re.sub(r"\s+", " ", re.sub("[\"«»“”]", "", name)).strip(_OUTLET_TRIM)
    return name or None


def _line_outlet(line: str, max_lines_from_edge: int = 0) -> str | None:
    """Outlet named by a source line (stripped line as in the text), else None."""
    for rule, rx in _SOURCE_RULES:
        if len(line) > rule.max_chars or (rule.edge_lines and max_lines_from_edge >= rule.edge_lines):
            continue
        m = rx.search(line)
        if m:
            return _clean_outlet(m.group(1))
    return None


def source_outlet(text: str) -> str | None:
    """The outlet named by the text's source lines ("المصدر: سانا", "(سانا)"), last one wins."""
    if not text:
        return None
    lines = [ln.strip() for ln in text.split("\n")]
    nonempty = [ln for ln in lines if ln]
    found = None
    for i, line in enumerate(nonempty):
        from_edge = min(i, len(nonempty) - 1 - i)
        if len(line) <= 80:
            outlet = _line_outlet(line, from_edge)
            if outlet:
                found = outlet
    if len(nonempty) > 1:
        m = _TRAILING_SOURCE_RE.search(nonempty[-1][-48:])
        if m:
            found = _clean_outlet(m.group(1)) or found
    return found


#: "(سانا)" closing the last paragraph, after its final punctuation
_TRAILING_SOURCE_RE = re.compile(_tolerant(r"[.!؟?\"»”]\s*(\(\s*(?:" + _BRACKET_OUTLET + r")\s*\)\s*\.?)$"))


# --------------------------------------------------------------------------
# Code-point arrays: a batch of documents joined by "\n"
# --------------------------------------------------------------------------

# Lines, sentences and their normalised copies are computed on numpy arrays
# of code points, a batch of documents at a time (fast, bounded memory).
# Offsets in the joined string map back to a document by subtracting its
# start, so every flag indexes documents.text exactly.

KEPT, SPACE, TERMINAL, MARK, DIGIT, CLOSER = 1, 2, 4, 8, 16, 32  # bits of the class table (MARK: inside a word)
_TERMINALS = ".!?؟"
_CLOSERS = "\"'»”’)]"
BATCH_CHARS = 2_000_000  # code points per batch: bounds memory; arrays stay small enough to be reused


def _code_tables() -> tuple[np.ndarray, np.ndarray]:
    """Per BMP code point: class bits, and a random 64-bit value of its normalised form.

    Normalised form: letters and digits only (harakat, tatweel, punctuation
    and spaces are not KEPT), letter variants unified, lower case.
    """
    import unicodedata

    size = 0x10000
    canonical = np.arange(size, dtype=np.int64)
    cls = np.zeros(size, dtype=np.uint8)
    for cp in range(size):
        ch = chr(cp)
        if unicodedata.category(ch)[0] in "LN" and ch != "\u0640":
            cls[cp] |= KEPT
            low = ch.lower()
            low = LETTER_VARIANTS.get(low, low) if len(low) == 1 else ch
            if unicodedata.category(ch) == "Nd":
                low = str(unicodedata.digit(ch))
            canonical[cp] = ord(low)
        elif unicodedata.category(ch) == "Mn" or ch == "\u0640":
            cls[cp] |= MARK
        if ch.isspace():
            cls[cp] |= SPACE
        if unicodedata.category(ch) == "Nd":
            cls[cp] |= DIGIT
    for ch in _TERMINALS:
        cls[ord(ch)] |= TERMINAL
    for ch in _CLOSERS:
        cls[ord(ch)] |= CLOSER
    values = np.random.default_rng(20261123).integers(1, 2**63, size=size, dtype=np.uint64)
    return cls, values[canonical]


_TABLES: tuple | None = None
_POWERS: tuple | None = None
_HASH_BASE = 0x9E3779B97F4A7C15  # odd, so invertible modulo 2**64


def _tables() -> tuple[np.ndarray, np.ndarray]:
    global _TABLES
    if _TABLES is None:
        _TABLES = _code_tables()
    return _TABLES


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """B**k and B**-k modulo 2**64 for k < n (cached, grown on demand)."""
    global _POWERS
    if _POWERS is None or _POWERS[0].size < n:
        size = max(n, 4096)
        pw = np.full(size, _HASH_BASE, dtype=np.uint64)
        pw[0] = 1
        inv = np.full(size, pow(_HASH_BASE, -1, 2**64), dtype=np.uint64)
        inv[0] = 1
        _POWERS = (np.cumprod(pw, dtype=np.uint64), np.cumprod(inv, dtype=np.uint64))
    return _POWERS


@dataclass
class _Batch:
    texts: list[str]
    joined: str
    codes: np.ndarray  # code points, astral ones clipped to U+FFFF (neither letter nor space)
    cls: np.ndarray  # class bits per position; newline positions have none
    newline: np.ndarray  # bool
    doc_start: np.ndarray  # offset of each document in joined


def _batch(texts: list[str]) -> _Batch:
    cls_t, _ = _tables()
    joined = "\n".join(texts)
    codes = np.minimum(np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32), 0xFFFF)
    doc_start = np.zeros(len(texts), dtype=np.int64)
    if len(texts) > 1:
        doc_start[1:] = np.cumsum(np.fromiter((len(t) + 1 for t in texts[:-1]), dtype=np.int64, count=len(texts) - 1))
    return _Batch(texts, joined, codes, cls_t[codes], codes == 10, doc_start)


# --------------------------------------------------------------------------
# Lines: rules, headline, trailing source
# --------------------------------------------------------------------------

@dataclass
class _Lines:
    doc: np.ndarray  # batch index of the document
    s: np.ndarray  # stripped line [s, e) in joined
    e: np.ndarray
    nth: np.ndarray  # index among the document's non-empty lines
    from_edge: np.ndarray  # non-empty lines between this one and the top or bottom


def _lines(b: _Batch) -> _Lines:
    n = b.codes.size
    nl = np.flatnonzero(b.newline)
    starts = np.concatenate([[0], nl + 1])
    ends = np.concatenate([nl, [n]])
    vis = np.flatnonzero(((b.cls & SPACE) == 0) & ~b.newline)
    j = np.searchsorted(vis, starts)
    j_ok = np.minimum(j, max(vis.size - 1, 0))
    nonempty = (j < vis.size) & (vis[j_ok] < ends) if vis.size else np.zeros(starts.size, bool)
    s = vis[j_ok][nonempty] if vis.size else np.zeros(0, np.int64)
    e = vis[np.searchsorted(vis, ends[nonempty]) - 1] + 1 if vis.size else np.zeros(0, np.int64)
    doc = np.searchsorted(b.doc_start, s, side="right") - 1
    first = np.searchsorted(doc, doc, side="left")
    nth = np.arange(s.size) - first
    count = np.bincount(doc, minlength=len(b.texts))[doc]
    return _Lines(doc, s.astype(np.int64), e.astype(np.int64), nth, np.minimum(nth, count - 1 - nth))


_ANCHORED = [k for k, (_, pattern, _) in enumerate(_RULES) if pattern.startswith("^")]
#: one pass of all line-start rules finds the few lines worth testing rule by rule
_ANCHORED_ANY = "|".join(f"(?:{_RULES[k][1]})" for k in _ANCHORED)
_ANCHORED_MAX = max(_RULES[k][0].max_chars for k in _ANCHORED)


_FULL_DATE_RE = re.compile(_FULL_DATE_TOLERANT)


def _rule_matches(b: _Batch, lines: _Lines) -> np.ndarray:
    """Index into _RULES of the first rule matching each line, -1 for none.

    polars does the passes over many lines (one regex for all line-start
    rules, literal prefilters); Python ``re`` then tests the few survivors
    rule by rule, which avoids compiling ~30 regexes per batch.
    """
    order = np.full(lines.s.size, -1, dtype=np.int64)
    chars = lines.e - lines.s
    cand = np.flatnonzero(chars <= max(rule.max_chars for rule in LINE_RULES))
    if cand.size == 0:
        return order
    strings = [b.joined[s:e] for s, e in zip(lines.s[cand].tolist(), lines.e[cand].tolist())]
    text = pl.Series(strings, dtype=pl.String)
    cand_chars, cand_edge = chars[cand], lines.from_edge[cand]
    maybe_anchored = np.zeros(cand.size, dtype=bool)
    short = np.flatnonzero(cand_chars <= _ANCHORED_MAX)
    maybe_anchored[short[text.gather(short).str.contains(_ANCHORED_ANY).fill_null(False).to_numpy()]] = True
    for k in range(len(_RULES) - 1, -1, -1):  # backwards: the first rule in the table wins
        rule, pattern, rx = _RULES[k]
        mask = cand_chars <= rule.max_chars
        if rule.edge_lines:
            mask &= cand_edge < rule.edge_lines
        if k in _ANCHORED:
            mask &= maybe_anchored
        idx = np.flatnonzero(mask)
        if idx.size and rule.needles:
            idx = idx[text.gather(idx).str.contains_any(list(rule.needles), ascii_case_insensitive=True).fill_null(False).to_numpy()]
        if idx.size == 0:
            continue
        if k in _ANCHORED or rule.needles:
            hits = [i for i in idx.tolist() if rx.search(strings[i])]
        else:
            hits = idx[text.gather(idx).str.contains(pattern).fill_null(False).to_numpy()].tolist()
        if rule.reason == "date/time only":
            hits = [i for i in hits if _FULL_DATE_RE.search(strings[i])]
        order[cand[np.asarray(hits, dtype=np.int64)]] = k
    return order


HEADLINE_MAX_CHARS = 110
HEADLINE_WORDS = (3, 16)
#: a lead sentence that lost its full stop still reads as prose: commas, or a sentence end inside
_HEADLINE_PROSE = re.compile(r"[.!:;،؛,…\-–—]$|[،,]|[.!?؟]\s")
_HEADLINE_TRIM = "\"'«»“”()[] \u200e\u200f\u200b\u061c"


def _is_headline(line: str, rest_chars: int) -> bool:
    """Short (3-16 words), no sentence-final punctuation (a closing ? is fine), no commas,
    and followed by a body more than twice as long."""
    words = len(line.split())
    return (
        len(line) <= HEADLINE_MAX_CHARS and HEADLINE_WORDS[0] <= words <= HEADLINE_WORDS[1]
        and not _HEADLINE_PROSE.search(line.strip(_HEADLINE_TRIM))
        and rest_chars > 2 * len(line)
    )


def _line_flags(b: _Batch, lines: _Lines) -> list[tuple[int, int, int, str, str]]:
    """(doc, start, end, kind, reason) in joined offsets for rule lines, headlines, trailing sources."""
    flags = []
    order = _rule_matches(b, lines)
    for i in np.flatnonzero(order >= 0).tolist():
        rule = _RULES[order[i]][0]
        s, e = int(lines.s[i]), int(lines.e[i])
        reason = rule.reason
        if rule.kind == "source":
            outlet = _line_outlet(b.joined[s:e], int(lines.from_edge[i]))
            reason = f"{rule.reason}: {outlet}" if outlet else rule.reason
        flags.append((int(lines.doc[i]), s, e, rule.kind, reason))
    free = order < 0
    doc_end = b.doc_start + np.fromiter((len(t) for t in b.texts), dtype=np.int64, count=len(b.texts))
    # headline: first non-empty line, when another line follows
    has_next = np.r_[lines.doc[1:] == lines.doc[:-1], False] if lines.doc.size else np.zeros(0, bool)
    head = np.flatnonzero((lines.nth == 0) & free & has_next & (lines.e - lines.s <= HEADLINE_MAX_CHARS))
    headline = np.zeros(lines.s.size, dtype=bool)
    for i in head.tolist():
        s, e, d = int(lines.s[i]), int(lines.e[i]), int(lines.doc[i])
        if _is_headline(b.joined[s:e], int(doc_end[d]) - e):
            headline[i] = True
            flags.append((d, s, e, "headline", "first line reads as a headline"))
    # "(سانا)" closing the last paragraph
    last = np.flatnonzero((lines.from_edge == 0) & (lines.nth > 0) & free & ~headline)
    last = last[np.r_[lines.doc[last][1:] != lines.doc[last][:-1], True]] if last.size else last
    for i in last.tolist():
        s, e = int(lines.s[i]), int(lines.e[i])
        tail_start = max(s, e - 48)
        m = _TRAILING_SOURCE_RE.search(b.joined, tail_start, e)
        if m:
            name = m.group(1).strip(_OUTLET_TRIM) or "?"
            flags.append((int(lines.doc[i]), m.start(1), e, "source", f"source in brackets: {name}"))
    return flags


# --------------------------------------------------------------------------
# Duplicated sentences within a document
# --------------------------------------------------------------------------

# A sentence ends at a newline, at a flagged span, or after . ! ? ؟ (and up
# to two closing quotes or brackets) followed by white space or a letter:
# scraped text often glues sentences ("لإقالته.انتقدت"), while "3.5" and
# "(...)" do not end one.  Sentences are compared
# through polynomial hashes of their normalised copies: the whole copy (exact
# repeats), 12-character anchors at its start, middle and end (candidates
# for near repeats), and 5-character shingles (Jaccard, containment).

MIN_DUPLICATE_CHARS = 25  # normalised characters; "وأضاف:", "وقال المتحدث: لا تعليق." never count
NEAR_THRESHOLD = 0.85  # Jaccard of character 5-gram shingles
SHINGLE = 5
ANCHOR = 12  # must not exceed MIN_DUPLICATE_CHARS
MAX_ANCHOR_GROUP = 50
CONTAINMENT_THRESHOLD = 0.9
PARTIAL_SHARE = 0.66  # a partly copied sentence is flagged only if the copy is most of it


@dataclass
class _Sentences:
    prefix: np.ndarray  # prefix[i] = sum of value_j * B**(j - start of j's sentence), j < i, kept stream
    inv_pow: np.ndarray  # B**-k
    table: pl.DataFrame  # sid, doc, s, e (joined offsets), ks, ke (kept range), klen, h, a0, a1, a2
    context: pl.DataFrame  # doc, s, ks, ke of headlines and short sentences (earlier text only)
    kept: np.ndarray  # bool per position of joined: part of the kept (normalised) stream
    _kept_at: np.ndarray | None = None  # positions of the kept characters, computed when first needed

    def position(self, k: int) -> int:
        """Offset in joined of kept character k."""
        if self._kept_at is None:
            self._kept_at = np.flatnonzero(self.kept)
        return int(self._kept_at[k])

    def window(self, start, length, sentence_start) -> np.ndarray:
        """Hash of kept[start:start+length] (inside the sentence starting at sentence_start)."""
        start = np.asarray(start, dtype=np.int64)
        return (self.prefix[start + length] - self.prefix[start]) * self.inv_pow[start - sentence_start]

    def shingles(self, ks: int, ke: int) -> np.ndarray:
        return np.unique(self.window(np.arange(ks, ke - SHINGLE + 1), SHINGLE, ks))


def _sentences(b: _Batch, excluded: list[tuple[int, int]], context: list[tuple[int, int]]) -> _Sentences:
    """Sentences with at least MIN_DUPLICATE_CHARS normalised characters, hashed.

    ``excluded`` spans (flagged lines) are left out; ``context`` spans
    (headlines) and short sentences are never flagged nor matched, but count
    as earlier text when a glued copy is checked (``_fill_merged_sentences``).
    s/e are raw segment bounds (white space included); ``_trim`` strips them
    for the few sentences that end up flagged.
    """
    _, values = _tables()
    stop = b.newline.copy()
    for s, e in excluded:
        stop[s:e] = True
    ctx = np.zeros(b.codes.size, dtype=bool)
    for s, e in context:
        ctx[s:e] = True
    kept = ((b.cls & KEPT) != 0) & ~stop
    brk = stop.copy()
    term = (b.cls & TERMINAL) != 0
    closer = (b.cls & CLOSER) != 0
    ends_here = term.copy()  # a terminal, or a closer right after one (two at most)
    ends_here[1:] |= closer[1:] & term[:-1]
    ends_here[2:] |= closer[2:] & closer[1:-1] & term[:-2]
    letter = ((b.cls & KEPT) != 0) & ((b.cls & DIGIT) == 0)
    brk[:-1] |= ends_here[:-1] & (((b.cls[1:] & SPACE) != 0) | stop[1:] | letter[1:])
    brk[:-1] |= ctx[:-1] != ctx[1:]
    brk[-1] = True
    seg_end = np.flatnonzero(brk) + 1
    seg_start = np.r_[0, seg_end[:-1]]
    klen = np.add.reduceat(kept, seg_start, dtype=np.int64)
    ke = np.cumsum(klen)
    ks = ke - klen
    # hashes of the kept stream, powers counted from each sentence's start
    stream = values[b.codes[kept]]
    rel = np.arange(stream.size, dtype=np.int64) - np.repeat(ks, klen)
    pw, inv = _powers(int(klen.max()) + 1)
    prefix = np.zeros(stream.size + 1, dtype=np.uint64)
    np.cumsum(stream * pw[rel], dtype=np.uint64, out=prefix[1:])
    out = _Sentences(prefix, inv, pl.DataFrame(), pl.DataFrame(), kept)
    in_ctx = ctx[seg_start]
    other = (klen >= SHINGLE) & ((klen < MIN_DUPLICATE_CHARS) | in_ctx)
    out.context = pl.DataFrame({
        "doc": np.searchsorted(b.doc_start, seg_start[other], side="right") - 1,
        "s": seg_start[other], "ks": ks[other], "ke": ke[other],
    })
    long = (klen >= MIN_DUPLICATE_CHARS) & ~in_ctx
    seg_start, seg_end, ks, ke, klen = seg_start[long], seg_end[long], ks[long], ke[long], klen[long]
    mid = ks + (klen - ANCHOR) // 2
    out.table = pl.DataFrame({
        "doc": np.searchsorted(b.doc_start, seg_start, side="right") - 1, "s": seg_start, "e": seg_end,
        "ks": ks, "ke": ke, "klen": klen,
        "h": out.window(ks, klen, ks) ^ klen.astype(np.uint64),
        "a0": out.window(ks, ANCHOR, ks), "a1": out.window(mid, ANCHOR, ks),
        "a2": out.window(ke - ANCHOR, ANCHOR, ks),
    }).with_row_index("sid")
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """[s, e) without surrounding white space."""
    piece = text[s:e]
    return s + len(piece) - len(piece.lstrip()), e - len(piece) + len(piece.rstrip())


def _exact_repeats(table: pl.DataFrame) -> pl.DataFrame:
    """Later copies of an identical normalised sentence: sid, orig_sid, similarity 1."""
    first = table.group_by("doc", "h").agg(pl.col("sid").min().alias("orig_sid"))
    return (
        table.select("sid", "doc", "h").join(first, on=["doc", "h"])
        .filter(pl.col("sid") != pl.col("orig_sid"))
        .select("sid", "orig_sid", pl.lit(1.0).alias("similarity"))
    )


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    inter = np.intersect1d(a, b, assume_unique=True).size
    return inter / (a.size + b.size - inter) if inter else 0.0


def _near_repeats(sents: _Sentences, exact: pl.DataFrame, joined: str) -> pl.DataFrame:
    """Later sentences whose shingle Jaccard with an earlier one is >= NEAR_THRESHOLD.

    Candidates share a 12-character anchor (start, middle or end of the
    normalised copy) and have similar lengths (Jaccard 0.85 needs a length
    ratio of about 0.85): a slight change spares at least one anchor.  Two
    sentences that give different numbers ("قتل 5" / "قتل 7", footnotes with
    other pages) say different things and are never near repeats.
    """
    table = sents.table
    rest = ~np.isin(table["sid"].to_numpy(), exact["sid"].to_numpy())
    sid = table["sid"].to_numpy()[rest].astype(np.int64)
    doc = table["doc"].to_numpy()[rest].astype(np.uint64)
    klen = dict(zip(sid.tolist(), table["klen"].to_numpy()[rest].tolist()))
    h = dict(zip(sid.tolist(), table["h"].to_numpy()[rest].tolist()))
    keys = np.concatenate([
        _mix(table[c].to_numpy()[rest] ^ _mix(doc * np.uint64(3) + np.uint64(at)))
        for at, c in enumerate(("a0", "a1", "a2"))
    ])
    owners = np.tile(sid, 3)
    order = np.argsort(keys, kind="stable")
    keys, owners = keys[order], owners[order]
    bounds = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1], True])
    sizes = np.diff(bounds)
    # an anchor shared by very many sentences of one document ("وقال المتحدث باسم ...")
    # says little and would make the pairs quadratic: the other anchors still work
    pair_set: set[tuple[int, int]] = set()
    for g in np.flatnonzero((sizes >= 2) & (sizes <= MAX_ANCHOR_GROUP)).tolist():
        members = sorted(set(owners[bounds[g]:bounds[g + 1]].tolist()))
        for i, x in enumerate(members):
            for y in members[i + 1:]:
                if h[x] != h[y] and min(klen[x], klen[y]) >= 0.8 * max(klen[x], klen[y]):
                    pair_set.add((x, y))
    pairs = pl.DataFrame(sorted(pair_set), schema={"sid": pl.Int64, "sid_b": pl.Int64}, orient="row")
    best: dict[int, tuple[float, int]] = {}
    if pairs.height:
        ids = pl.concat([pairs["sid"], pairs["sid_b"]]).unique().implode()
        rng = {sid: (ks, ke) for sid, ks, ke in sents.table.filter(pl.col("sid").is_in(ids)).select("sid", "ks", "ke").iter_rows()}
        numbers = {sid: _numbers(joined[s:e]) for sid, s, e in sents.table.filter(pl.col("sid").is_in(ids)).select("sid", "s", "e").iter_rows()}
        cache: dict[int, np.ndarray] = {}
        for a, b in pairs.sort("sid_b", "sid").iter_rows():
            for x in (a, b):
                if x not in cache:
                    cache[x] = sents.shingles(*rng[x])
            sim = _jaccard(cache[a], cache[b])
            if sim >= NEAR_THRESHOLD and numbers[a] == numbers[b] and (b not in best or sim > best[b][0]):
                best[b] = (sim, a)
    return pl.DataFrame(
        [(b, a, sim) for b, (sim, a) in best.items()],
        schema={"sid": pl.UInt32, "orig_sid": pl.UInt32, "similarity": pl.Float64}, orient="row",
    )


def _contained_part(inside: np.ndarray, from_end: bool) -> int:
    """Longest run of shingles at one end of a sentence that is mostly earlier text.

    ``inside[k]``: shingle k also occurs earlier.  Returns how many shingles,
    counted from the start (or the end), form the longest stretch with at
    least CONTAINMENT_THRESHOLD of them inside and an inside shingle at its
    far end; 0 if none.
    """
    c = inside[::-1] if from_end else inside
    share = np.cumsum(c) / np.arange(1, c.size + 1)
    ok = np.flatnonzero((share >= CONTAINMENT_THRESHOLD) & c)
    return int(ok[-1]) + 1 if ok.size else 0


def _fill_merged_sentences(sents: _Sentences, found: dict[int, tuple[int, float]]) -> dict[int, tuple[int, int]]:
    """Flag sentences next to a flagged run whose text lies in earlier text.

    When an article is repeated inside one paragraph, sentence boundaries of
    the copy can differ (a headline glued to the first sentence, a few new
    words before the copy starts), so such a sentence matches no single
    earlier sentence.  Its 5-character shingles are looked up in all earlier
    text (headline and short sentences included): the whole sentence, or
    else its end (when the run follows) or its start (when the run precedes),
    is flagged if mostly made of earlier text.  Returns the partial spans
    (joined offsets) by sentence id.  Only documents that already have a
    repeat are examined, so this stays cheap.
    """
    partial: dict[int, tuple[int, int]] = {}
    docs = sents.table.filter(pl.col("sid").is_in(list(found))).select("doc").unique()
    rows = pl.concat([
        sents.table.join(docs, on="doc").select("doc", "s", "e", "ks", "ke", pl.col("sid").cast(pl.Int64)),
        sents.context.join(docs, on="doc").select("doc", "s", pl.col("s").alias("e"), "ks", "ke", pl.lit(-1, dtype=pl.Int64).alias("sid")),
    ]).sort("doc", "s")
    for _, group in rows.group_by("doc", maintain_order=True):
        sids = group["sid"].to_list()
        spans = group.select("s", "e", "ks", "ke").rows()
        windows = [sents.window(np.arange(ks, ke - SHINGLE + 1), SHINGLE, ks) for _, _, ks, ke in spans]
        first_seen: dict[int, int] = {}
        for i, w in enumerate(windows):
            for g in w.tolist():
                first_seen.setdefault(g, i)
        comparable = [i for i, sid in enumerate(sids) if sid >= 0]
        order = list(enumerate(comparable))
        changed = True
        while changed:  # forward then backward, so runs grow both ways in linear passes
            changed = False
            for n, i in order + order[::-1]:
                sid = sids[i]
                if sid in found or n == 0:
                    continue
                before = sids[comparable[n - 1]] in found
                after = n + 1 < len(comparable) and sids[comparable[n + 1]] in found
                if not (before or after):
                    continue
                inside = np.fromiter((first_seen[g] < i for g in windows[i].tolist()), dtype=bool, count=windows[i].size)
                s, e, ks, ke = spans[i]
                share = float(inside.mean())
                if share < CONTAINMENT_THRESHOLD:
                    k = _contained_part(inside, from_end=after)
                    # only a few new words may stay outside the copy: a body quote that
                    # echoes half of the lead's paraphrase is a statement, not a copy
                    if k + SHINGLE - 1 < max(MIN_DUPLICATE_CHARS, PARTIAL_SHARE * (ke - ks)):
                        continue
                    if after:  # the copy starts inside this sentence and runs on
                        part = (sents.position(ke - k - SHINGLE + 1), e)
                    else:  # the copy ends inside this sentence
                        part = (s, sents.position(ks + k + SHINGLE - 2) + 1)
                    partial[sid] = part
                    share = float(inside[::-1][:k].mean() if after else inside[:k].mean())
                # the earlier comparable sentence sharing most shingles stands for what it repeats
                mine = np.unique(windows[i])
                j = max(comparable[:n], key=lambda j: (np.intersect1d(mine, windows[j]).size, -j))
                found[sid] = (sids[j], round(share, 2))
                changed = True
    return partial


def _duplicate_flags(b: _Batch, excluded: list[tuple[int, int]], context: list[tuple[int, int]]) -> list[tuple[int, int, int, str, str]]:
    """(doc, start, end, "duplicate", reason) in joined offsets for repeated text.

    Flagged sentences merge into one span over white space, or over a short
    unflagged piece ("وأضاف:") that also separates their originals.
    """
    sents = _sentences(b, excluded, context)
    if sents.table.height == 0:
        return []
    exact = _exact_repeats(sents.table)
    near = _near_repeats(sents, exact, b.joined)
    found: dict[int, tuple[int, float]] = {
        sid: (orig, sim) for sid, orig, sim in pl.concat([exact, near]).iter_rows()
    }
    if not found:
        return []
    partial = _fill_merged_sentences(sents, found)
    wanted = pl.Series(list(found) + [o for o, _ in found.values()], dtype=pl.UInt32).implode()
    info = {sid: (doc, *_trim(b.joined, *partial.get(sid, (s, e)))) for sid, doc, s, e in
            sents.table.filter(pl.col("sid").is_in(wanted)).select("sid", "doc", "s", "e").iter_rows()}
    runs = []
    run = None  # [doc, start, end, orig_min, orig_max, min_sim, last_orig_end]
    for sid in sorted(found, key=lambda x: info[x][1]):
        doc, s, e = info[sid]
        orig, sim = found[sid]
        _, o_s, o_e = info[orig]
        if run and run[0] == doc:
            gap = sentence_key(b.joined[run[2]:s])
            orig_gap = sentence_key(b.joined[run[6]:o_s]) if run[6] <= o_s else None
            if not gap or (len(gap) < MIN_DUPLICATE_CHARS and gap == orig_gap):
                run[2], run[3], run[4] = e, min(run[3], o_s), max(run[4], o_e)
                run[5], run[6] = min(run[5], sim), o_e
                continue
        if run:
            runs.append(run)
        run = [doc, s, e, o_s, o_e, sim, o_e]
    runs.append(run)
    return [
        (doc, s, e, "duplicate", f"repeats {o_s - int(b.doc_start[doc])}-{o_e - int(b.doc_start[doc])} (similarity {sim:.2f})")
        for doc, s, e, o_s, o_e, sim, _ in runs
    ]


# --------------------------------------------------------------------------
# Public: flag_spans
# --------------------------------------------------------------------------

def _batch_flags(texts: list[str]) -> list[tuple[int, int, int, str, str]]:
    """Flags of one batch: (doc index in batch, start, end, kind, reason), document offsets."""
    b = _batch(texts)
    if b.codes.size == 0:
        return []
    flags = _line_flags(b, _lines(b))
    flags += _duplicate_flags(
        b, [(s, e) for _, s, e, kind, _ in flags if kind != "headline"],
        [(s, e) for _, s, e, kind, _ in flags if kind == "headline"],
    )
    starts = b.doc_start
    return [(d, s - int(starts[d]), e - int(starts[d]), kind, reason) for d, s, e, kind, reason in flags]


def flag_spans(documents: pl.DataFrame) -> pl.DataFrame:
    """Spans of documents.text to skip (FLAGS schema), sorted by doc_id and offset.

    Kinds: boilerplate, byline, source (whole stripped lines matched by
    LINE_RULES, or "(سانا)" closing the text), headline (first line), and
    duplicate (later copies of sentences and paragraphs repeated within the
    document; the reason names the span repeated).  Spans never overlap and
    never cross a document's bounds.
    """
    ids = documents["doc_id"].to_list()
    texts = [t or "" for t in documents["text"].to_list()]
    rows = []
    for start, batch in _batches(texts):
        for d, s, e, kind, reason in _batch_flags(batch):
            rows.append((ids[start + d], s, e, kind, reason))
    flags = pl.DataFrame(rows, schema=schemas.FLAGS, orient="row")
    return flags.sort("doc_id", "char_start", maintain_order=True)


# --------------------------------------------------------------------------
# Public: duplicate_documents
# --------------------------------------------------------------------------

NEAR_DOC_THRESHOLD = 0.8  # Jaccard of word 3-gram shingle sets
#: and the later document must add little: an update that wraps the earlier story in a new
#: lead (seen in ANT) shares 80% of its shingles but is not a copy
NEAR_DOC_CONTAINED = 0.9
DOC_SHINGLE_WORDS = 3
SIGNATURE_BINS = 128  # one-permutation MinHash: bins of the 64-bit hash space
LSH_BANDS, LSH_ROWS = 21, 6  # P(candidate) ~ 1 - (1 - J**6)**21: 0.998 at J=0.8, 0.27 at 0.5
_EMPTY = np.uint64(2**64 - 1)
_MIX = (np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53))
_WORD_MULT = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB))


def _mix(h: np.ndarray) -> np.ndarray:
    """splitmix/murmur finaliser: spreads bits so the top ones can pick a bin."""
    h = h ^ (h >> np.uint64(33))
    h = h * _MIX[0]
    h = h ^ (h >> np.uint64(33))
    h = h * _MIX[1]
    return h ^ (h >> np.uint64(33))


def _hash_runs(stream: np.ndarray, run_len: np.ndarray) -> np.ndarray:
    """Polynomial hash of each consecutive run of ``stream`` (runs cover it in order)."""
    if stream.size == 0:
        return np.zeros(run_len.size, dtype=np.uint64)
    ends = np.cumsum(run_len)
    starts = ends - run_len
    rel = np.arange(stream.size, dtype=np.int64) - np.repeat(starts, run_len)
    pw, _ = _powers(int(run_len.max()) + 1)
    prefix = np.zeros(stream.size + 1, dtype=np.uint64)
    np.cumsum(stream * pw[rel], dtype=np.uint64, out=prefix[1:])
    return prefix[ends] - prefix[starts]


def _doc_words(b: _Batch) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per document: hash and length of its normalised text; per word: (doc, hash)."""
    _, values = _tables()
    kept = (b.cls & KEPT) != 0
    doc_len = np.fromiter((len(t) for t in b.texts), dtype=np.int64, count=len(b.texts))
    # kept characters per document (the "\n" joining documents is never kept)
    doc_of_pos_start = b.doc_start
    kcum = np.zeros(b.codes.size + 1, dtype=np.int64)
    np.cumsum(kept, out=kcum[1:])
    klen = kcum[doc_of_pos_start + doc_len] - kcum[doc_of_pos_start]
    stream = values[b.codes[kept]]
    doc_hash = _hash_runs(stream, klen) ^ klen.astype(np.uint64)
    # words: runs of kept characters, harakat and tatweel inside a word do not split it
    sep = ((b.cls & (KEPT | MARK)) == 0)
    word_no = np.cumsum(sep)[kept]
    new_word = np.r_[True, word_no[1:] != word_no[:-1]] if word_no.size else np.zeros(0, bool)
    word_start = np.flatnonzero(new_word)
    word_len = np.diff(np.r_[word_start, word_no.size])
    word_hash = _mix(_hash_runs(stream, word_len))
    kept_pos = np.flatnonzero(kept)
    word_doc = np.searchsorted(b.doc_start, kept_pos[word_start], side="right") - 1
    return doc_hash, klen, np.stack([word_doc.astype(np.int64), word_hash.view(np.int64)]) if word_start.size else np.zeros((2, 0), np.int64)


def _contained(a: np.ndarray, b: np.ndarray) -> float:
    """Share of a's shingles that are also in b."""
    return np.intersect1d(a, b, assume_unique=True).size / a.size if a.size else 0.0


def _shingles_of_words(word_doc: np.ndarray, word_hash: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(doc, hash) of every run of DOC_SHINGLE_WORDS consecutive words inside one document."""
    k = DOC_SHINGLE_WORDS
    if word_doc.size < k:
        return np.zeros(0, np.int64), np.zeros(0, np.uint64)
    h = np.zeros(word_doc.size - k + 1, dtype=np.uint64)
    for i in range(k):
        h += word_hash[i:word_doc.size - k + 1 + i] * _WORD_MULT[i]
    same = word_doc[:word_doc.size - k + 1] == word_doc[k - 1:]
    return word_doc[:word_doc.size - k + 1][same], _mix(h[same])


def _signatures(doc: np.ndarray, h: np.ndarray, n_docs: int) -> np.ndarray:
    """One-permutation MinHash (n_docs x SIGNATURE_BINS), empty bins densified by rotation.

    Each shingle hash falls in the bin named by its top bits; a bin keeps its
    minimum.  An empty bin (short documents) borrows the next non-empty bin
    to its right, circularly, mixed with the distance (Shrivastava & Li 2014).
    """
    bits = int(np.log2(SIGNATURE_BINS))
    sig = np.full(n_docs * SIGNATURE_BINS, _EMPTY, dtype=np.uint64)
    if h.size:
        np.minimum.at(sig, doc * SIGNATURE_BINS + (h >> np.uint64(64 - bits)).astype(np.int64), h)
    sig = sig.reshape(n_docs, SIGNATURE_BINS)
    empty = sig == _EMPTY
    rows = np.flatnonzero(empty.any(axis=1) & ~empty.all(axis=1))
    if rows.size:
        part = sig[rows]
        wide = np.concatenate([part, part], axis=1)
        col = np.where(wide != _EMPTY, np.arange(2 * SIGNATURE_BINS), 2 * SIGNATURE_BINS)
        nxt = np.minimum.accumulate(col[:, ::-1], axis=1)[:, ::-1][:, :SIGNATURE_BINS]
        dist = (nxt - np.arange(SIGNATURE_BINS)).astype(np.uint64)
        donor = np.take_along_axis(part, nxt % SIGNATURE_BINS, axis=1)
        sig[rows] = np.where(part == _EMPTY, _mix(donor + dist), part)
    return sig


def _lsh_pairs(sig: np.ndarray, docs: np.ndarray) -> pl.DataFrame:
    """Candidate pairs (a < b, indices into the input) sharing one band of the signature."""
    keys = []
    for band in range(LSH_BANDS):
        block = sig[:, band * LSH_ROWS:(band + 1) * LSH_ROWS]
        key = np.zeros(block.shape[0], dtype=np.uint64)
        for r in range(LSH_ROWS):
            key = _mix(key ^ block[:, r])
        keys.append(pl.DataFrame({"doc": docs, "band": np.full(docs.size, band, np.int64), "key": key}))
    table = pl.concat(keys)
    return (
        table.join(table, on=["band", "key"], suffix="_b")
        .filter(pl.col("doc") < pl.col("doc_b"))
        .select(pl.col("doc").alias("a"), pl.col("doc_b").alias("b")).unique()
    )


def _batches(texts: list[str]):
    """(first index, texts) in batches of about BATCH_CHARS code points."""
    start = 0
    while start < len(texts):
        end, size = start, 0
        while end < len(texts) and (end == start or size + len(texts[end]) <= BATCH_CHARS):
            size += len(texts[end]) + 1
            end += 1
        yield start, texts[start:end]
        start = end


def _shingle_sets(texts: list[str], wanted: list[int]) -> dict[int, np.ndarray]:
    out = {}
    chosen = [texts[i] for i in wanted]
    for first, part in _batches(chosen):
        b = _batch(part)
        if b.codes.size == 0:
            continue
        _, _, words = _doc_words(b)
        doc, h = _shingles_of_words(words[0], words[1].view(np.uint64))
        order = np.argsort(doc, kind="stable")
        doc, h = doc[order], h[order]
        bounds = np.searchsorted(doc, np.arange(len(part) + 1))
        for j in range(len(part)):
            out[wanted[first + j]] = np.unique(h[bounds[j]:bounds[j + 1]])
    return out


def duplicate_documents(documents: pl.DataFrame) -> pl.DataFrame:
    """Documents that repeat an earlier one: doc_id, duplicate_of, similarity, kind.

    The first document in input order is kept; every later copy points to the
    earliest kept document it matches (or, in a chain A ~ B ~ C where C is
    not similar enough to A, to the earlier copy B), so ``similarity`` is
    always the similarity of the pair named.
    exact: same normalised text (letters and digits only, variants unified),
    similarity 1.  near: Jaccard >= NEAR_DOC_THRESHOLD between word 3-gram
    shingle sets, found by one-permutation MinHash + LSH (fixed seeds, so
    results are deterministic) and verified exactly.  Documents with no
    letters or digits are never called duplicates.
    """
    schema = {"doc_id": pl.String, "duplicate_of": pl.String, "similarity": pl.Float64, "kind": pl.String}
    ids = documents["doc_id"].to_list()
    texts = [t or "" for t in documents["text"].to_list()]
    n = len(texts)
    if n == 0:
        return pl.DataFrame(schema=schema)
    doc_hash = np.zeros(n, dtype=np.uint64)
    klen = np.zeros(n, dtype=np.int64)
    sh_doc, sh_hash = [], []
    for first, part in _batches(texts):
        b = _batch(part)
        if b.codes.size == 0:
            continue
        dh, kl, words = _doc_words(b)
        doc_hash[first:first + len(part)], klen[first:first + len(part)] = dh, kl
        d, h = _shingles_of_words(words[0], words[1].view(np.uint64))
        sh_doc.append(d + first)
        sh_hash.append(h)
    # exact: first occurrence of each normalised text wins
    table = pl.DataFrame({"i": np.arange(n), "h": doc_hash, "klen": klen}).filter(pl.col("klen") > 0)
    first_of = table.group_by("h", "klen").agg(pl.col("i").min().alias("orig"))
    exact = table.join(first_of, on=["h", "klen"]).filter(pl.col("i") != pl.col("orig"))
    rows = [(ids[i], ids[o], 1.0, "exact") for i, o in exact.select("i", "orig").sort("i").iter_rows()]
    exact_dup = set(exact["i"].to_list())
    # near: among the remaining documents
    keep = np.array([i for i in table["i"].to_list() if i not in exact_dup], dtype=np.int64)
    doc = np.concatenate(sh_doc) if sh_doc else np.zeros(0, np.int64)
    h = np.concatenate(sh_hash) if sh_hash else np.zeros(0, np.uint64)
    sig = _signatures(doc, h, n)
    has_shingles = np.zeros(n, dtype=bool)
    has_shingles[doc] = True
    keep = keep[has_shingles[keep]]
    pairs = _lsh_pairs(sig[keep], keep) if keep.size > 1 else pl.DataFrame(schema={"a": pl.Int64, "b": pl.Int64})
    if pairs.height:
        involved = sorted(set(pairs["a"].to_list()) | set(pairs["b"].to_list()))
        sets = _shingle_sets(texts, involved)
        matched: dict[int, list[tuple[int, float]]] = {}
        for a, b_ in pairs.sort("b", "a").iter_rows():
            sim = _jaccard(sets[a], sets[b_])
            if sim >= NEAR_DOC_THRESHOLD and _contained(sets[b_], sets[a]) >= NEAR_DOC_CONTAINED:
                matched.setdefault(b_, []).append((a, sim))
        copies: set[int] = set()
        for b_ in sorted(matched):
            # the earliest kept document it matches; failing that, the earliest copy it
            # matches (a chain A ~ B ~ C where C is not close enough to A itself)
            kept = [m for m in matched[b_] if m[0] not in copies]
            a, sim = min(kept or matched[b_])
            copies.add(b_)
            rows.append((ids[b_], ids[a], round(float(sim), 4), "near"))
    return pl.DataFrame(rows, schema=schema, orient="row")

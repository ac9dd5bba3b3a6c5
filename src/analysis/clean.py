"""Cleaning: flag site furniture, bylines, source lines, headlines and repeats.

Nothing here edits ``documents.text``.  ``flag_spans`` returns spans (FLAGS
schema) that later stages skip, so boilerplate is never read as a statement
and repeated text is never counted twice.  All matching runs on *copies*:

* line rules match a copy where letter variants are unified one character
  for one character (أ/إ/آ -> ا, ى -> ي, ة -> ه ...), so a match position in
  the copy is the same position in the original line;  harakat and tatweel
  are tolerated by the patterns themselves (see ``_tolerant``), not removed;
* duplicate detection compares fully normalised sentence copies (no harakat,
  tatweel, punctuation or spaces) and maps back through sentence offsets.

``duplicate_documents`` finds exact and near-duplicate documents across a
corpus (normalised-text hash; one-permutation MinHash + LSH over word
3-gram shingles, verified by exact Jaccard).  The first document in input
order is kept, later copies point to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import polars as pl

from . import schemas

# --------------------------------------------------------------------------
# Normalisation of copies
# --------------------------------------------------------------------------

#: one character -> one character, so positions in the copy are positions in the original
LETTER_VARIANTS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
    "ک": "ك", "ی": "ي", "ي": "ي", "ؤ": "و", "ئ": "ي",
}
_LETTER_TABLE = str.maketrans(LETTER_VARIANTS)
_VARIANT_FROM = list(LETTER_VARIANTS)
_VARIANT_TO = list(LETTER_VARIANTS.values())
#: harakat, Quranic marks, superscript alef and tatweel: ignored when matching
MARKS = "\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
_MARKS_RE = re.compile(f"[{MARKS}]")
_NOT_WORD_RE = re.compile(r"[\W_]+")  # Python: punctuation and spaces (marks are removed first)


def unify_letters(text: str) -> str:
    """Same-length copy with letter variants unified (for line rules)."""
    return text.translate(_LETTER_TABLE)


def sentence_key(text: str) -> str:
    """Fully normalised copy used to compare sentences: letters and digits only."""
    return _NOT_WORD_RE.sub("", _MARKS_RE.sub("", text.lower().translate(_LETTER_TABLE)))


def _key_expr(col: pl.Expr) -> pl.Expr:
    """polars twin of ``sentence_key``."""
    return (
        col.str.to_lowercase()
        .str.replace_many(_VARIANT_FROM, _VARIANT_TO)
        .str.replace_all("\u0640|[^\\p{L}\\p{N}]", "")  # tatweel is a letter (Lm); marks are not L/N
    )


def _words_expr(col: pl.Expr) -> pl.Expr:
    """Normalised copy that keeps single spaces between words."""
    return (
        col.str.to_lowercase()
        .str.replace_many(_VARIANT_FROM, _VARIANT_TO)
        .str.replace_all(f"[{MARKS}]", "")
        .str.replace_all(r"[^\p{L}\p{N}]+", " ")
        .str.strip_chars()
    )


_VARIANTS_OF: dict[str, str] = {}
for _variant, _canonical in LETTER_VARIANTS.items():
    _VARIANTS_OF[_canonical] = _VARIANTS_OF.get(_canonical, _canonical) + (_variant if _variant != _canonical else "")


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
    pattern: str  # matched (search) against the stripped, letter-unified line
    max_chars: int  # only lines at most this long (stripped) can match
    edge_lines: int = 0  # >0: only within this many non-empty lines of the top or bottom


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
#: a line made only of date/time pieces (and at least one digit, checked separately)
_DATE_ONLY = rf"^(?:[\s0-9٠-٩۰-۹/:.\-–,،|()]|{_DAY}|{_MONTH}|{_TIME_WORD}|الموافق)+$"
#: wire agencies and public news agencies that appear in credit lines ("فرانس24/ أ ف ب")
_AGENCY = (
    r"(?:أ ف ب|أ ف ب|ا ف ب|أ\.ف\.ب|أ ب|د ب أ|رويترز|الأناضول|سبوتنيك|تاس|شينخوا|إرنا|واس|وام|قنا|كونا|بترا|"
    r"سانا|سبأ|بنا|العمانية|الأنباء|(?i:afp|ap|reuters|dpa))"
)

LINE_RULES: tuple[LineRule, ...] = (
    # --- source lines: the outlet is the first capture group
    LineRule("source", "source line", _LEAD + r"(?:المصدر|المصادر|مصدر الخبر)\s*[:：\-–]\s*(.{2,60}?)" + _END, 80),
    LineRule("source", "quoted from outlet", _LEAD + r"نقلا\s+عن\s*[:：]?\s*(.{2,60}?)" + _END, 70),
    LineRule("source", "agency credit", r"^\s*((?:[^\s/]+\s?){1,3}?)\s*(?:/\s*[^/]+){0,3}/\s*" + _AGENCY + _END, 60),
    LineRule("source", "agency line", r"^\s*\(?\s*(" + _AGENCY + r"(?:\s*[/،,و\-]\s*" + _AGENCY + r")*)\s*\)?" + _END, 40, edge_lines=2),
    LineRule("source", "outlet in brackets", r"^\s*\(\s*([^()0-9٠-٩.…]{2,30}?)\s*\)\s*\.?\s*$", 34, edge_lines=2),
    # --- bylines, dates, view counts
    LineRule("byline", "author", _LEAD + r"(?:بقلم|كتب|كتبت|كتبه|كتابة|بواسطة|إعداد|تحرير|ترجمة|تقرير|الكاتب|الكاتبة|المحرر|المحررة|مراسل|مراسلة|(?i:by|posted by|written by))\s*[:：\-–]", 80),
    LineRule("byline", "author", _LEAD + r"بقلم\s+\S+(?:\s+\S+){0,4}" + _END, 50),
    LineRule("byline", "date line", _LEAD + r"(?:تاريخ النشر|تاريخ الإضافة|تاريخ التحديث|تم النشر|آخر تحديث|تم التحديث|محدث|(?i:published|updated|last updated))\s*(?:[:：\-–]|في|بتاريخ|$)", 80),
    LineRule("byline", "date line", _LEAD + r"(?:نشر|نشرت|أضيف)\s+(?:في|بتاريخ|يوم)\s*[:：]?\s*(?:[0-9٠-٩]|" + _DAY + "|" + _MONTH + ")", 80),
    LineRule("byline", "view count", r"(?:عدد\s+)?(?:المشاهدات|القراءات|الزيارات|المشاهدة)\s*[:：]?\s*" + _NUM, 50),
    LineRule("byline", "view count", r"^\s*" + _NUM + r"\s*(?:مشاهدة|مشاهدات|قراءة|قراءات|زيارة|زيارات|(?i:views?|reads?))" + _END, 40),
    LineRule("byline", "view count", r"^\s*(?:مشاهدة|مشاهدات|قراءة|قراءات|(?i:views?))\s*[:：]?\s*" + _NUM + _END, 40),
    LineRule("byline", "date/time only", _DATE_ONLY, 60, edge_lines=3),
    # --- boilerplate: comments
    LineRule("boilerplate", "comment prompt", _LEAD + r"(?:أضف|اضف|أضيفي|اترك|أترك|أرسل|ارسل|اكتب|شارك(?:نا)?)\s+(?:تعليقا?|تعليقك|ردا|رد|رأيك)", 60),
    LineRule("boilerplate", "comment prompt", _LEAD + r"(?:التعليقات|تعليقات|تعليقات القراء|التعليق|تعليق)\s*(?:\(?\s*" + _NUM + r"\s*\)?)?" + _END, 30),
    LineRule("boilerplate", "comment prompt", r"الحقول\s+(?:المطلوبة|الإلزامية|المشار\s+إليها|التي\s+عليها)|لن\s+يتم\s+نشر\s+(?:عنوان\s+)?بريدك|(?:لا\s+توجد|لا\s+يوجد)\s+تعليقات|كن\s+أول\s+من\s+(?:يعلق|يعلّق|يضيف)|التعليقات\s+(?:مغلقة|تعبر|المنشورة)", 120),
    # --- boilerplate: social prompts
    LineRule("boilerplate", "social prompt", r"تابعونا|تابعوا\s+(?:آخر|اخر|أخبار|صفحتنا|قناتنا|حسابنا|موقعنا)|تابع\s+(?:آخر\s+الأخبار|صفحتنا|قناتنا|حسابنا)|(?:اشترك|اشتركوا|اشتركي)\s+(?:في|فى|ب)\s*(?:قناتنا|قناة|نشرتنا|النشرة|صفحتنا)|(?:حمل|حمّل|حملوا|نزل)\s+(?:تطبيق|التطبيق)|(?:انضم|انضموا)\s+(?:إلى|الى|ل)\s*(?:قناتنا|قناة|مجموعتنا)", 90),
    LineRule("boilerplate", "social prompt", _LEAD + r"للاشتراك\s+(?:في|ب)", 90),
    LineRule("boilerplate", "social links", r"^(?:[\s|/•·,،:\-]*(?:فيسبوك|فيس بوك|تويتر|تلغرام|تليغرام|تيليجرام|تلجرام|يوتيوب|انستغرام|إنستغرام|انستجرام|واتساب|واتس اب|لينكد إن|(?i:facebook|twitter|telegram|youtube|instagram|whatsapp|linkedin|x))[\s|/•·,،:\-]*)+$", 80),
    # --- boilerplate: related articles, read more, click here
    LineRule("boilerplate", "related articles", _LEAD + r"(?:اقرأ|إقرأ|اقرا|طالع|شاهد|اطلع)\s*(?:أيضا|كذلك|المزيد)?\s*(?:[:：\-–.…]|$)", 200),
    LineRule("boilerplate", "related articles", _LEAD + r"(?:للمزيد|المزيد)\s*(?:[:：\-–…]|من\s+الأخبار|$)", 200),
    LineRule("boilerplate", "related articles", r"(?:مواضيع|أخبار|اخبار|مقالات|موضوعات|قصص|قصة|مقالة|خبر|روابط)\s+(?:ذات\s+صلة|متعلقة|مرتبطة|مشابهة)|قد\s+يهمك|قد\s+يعجبك|اخترنا\s+لك|الأكثر\s+قراءة|الأكثر\s+مشاهدة|(?i:read more|related)", 80),
    LineRule("boilerplate", "click here", r"(?:اضغط|انقر|إضغط|أنقر)\s+هنا|(?i:click here)", 100),
    # --- boilerplate: navigation, share/print, copyright, disclaimers
    LineRule("boilerplate", "back to top", r"(?:العودة|العوده|الرجوع|عودة|رجوع|ارجع)\s*(?:إلى|الى|ل|لل)?\s*(?:الأعلى|أعلى|اعلى|الاعلى|اعلي|أعلي|الصفحة الرئيسية|الرئيسية)|(?i:back to top)", 40),
    LineRule("boilerplate", "share/print", _LEAD + r"(?:شارك|شاركها|شارك الخبر|شارك المقال|شارك هذا المقال|مشاركة|مشاركه|طباعة|اطبع|أرسل لصديق|ارسل لصديق|إرسال لصديق|أرسل إلى صديق|إرسال إلى صديق|أرسل الخبر|نسخ الرابط|انسخ الرابط|تكبير الخط|تصغير الخط|حفظ|(?i:share|print|email|tweet))(?:\s*(?:على|عبر|الخبر|المقال|على مواقع التواصل|[|/]))*" + _END, 40),
    LineRule("boilerplate", "copyright", r"(?:جميع|كل|كافة)\s+الحقوق\s+محفوظة|حقوق\s+(?:النشر|الطبع|الطبع والنشر)\s+محفوظة|الحقوق\s+محفوظة|©|(?i:all rights reserved|copyright)", 120),
    LineRule("boilerplate", "disclaimer", r"(?:يمثل|تمثل|يعبر|تعبر|يعكس|تعكس)\s+(?:عن\s+)?(?:بالضرورة\s+)?(?:عن\s+)?(?:رأي|آراء|وجهة نظر)\s+(?:كاتبها|كتابها|كاتبه|صاحبها|أصحابها|الكاتب|الكاتبة|كتّابها)|لا\s+(?:يعكس|تعكس|يعبر|تعبر|يمثل|تمثل)\s+(?:بالضرورة\s+)?(?:عن\s+)?(?:رأي|وجهة نظر|سياسة|توجهات|موقف)|الآراء\s+الواردة", 220),
    LineRule("boilerplate", "photo credit", _LEAD + r"(?:مصدر الصورة|حقوق الصورة|الصورة\s*[:：]|صورة\s*[:：]|تصوير\s*[:：]|(?i:image copyright|image caption|getty images|photo\s*:))", 80),
    LineRule("boilerplate", "separator", r"^[\s\-_=*×•·.~#+/\\|<>]{3,}$", 200),
)


_RULES = [(rule, _tolerant(rule.pattern), re.compile(_tolerant(rule.pattern))) for rule in LINE_RULES]
_SOURCE_RULES = [(rule, rx) for rule, _, rx in _RULES if rule.kind == "source"]
_HAS_DIGIT = re.compile(r"[0-9٠-٩۰-۹]")
_OUTLET_TRIM = " \t\"'«»“”()[]{}*.:،,-–—"


def _clean_outlet(name: str) -> str | None:
    """The outlet as the source writes it, without surrounding quotes/brackets."""
    name = name.strip(_OUTLET_TRIM)
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
    if nonempty:
        m = _TRAILING_SOURCE_RE.search(unify_letters(nonempty[-1]))
        if m:
            found = _clean_outlet(nonempty[-1][m.start(1):m.end(1)]) or found
    return found


#: "(سانا)" closing the last paragraph, after its final punctuation
_TRAILING_SOURCE = r"[.!؟?\"»”]\s*(\(\s*[^()0-9٠-٩.…،,]{2,30}?\s*\)\s*\.?)$"
_TRAILING_SOURCE_RE = re.compile(_TRAILING_SOURCE)


# --------------------------------------------------------------------------
# Lines table
# --------------------------------------------------------------------------

def _lines(documents: pl.DataFrame) -> pl.DataFrame:
    """One row per line: doc_id, line_no, start/end of the stripped line, line, chars."""
    docs = documents.select("doc_id", pl.col("text").fill_null(""))
    lines = (
        docs.with_columns(pl.col("text").str.split("\n").alias("line"))
        .with_columns(pl.col("line").list.eval(pl.element().str.len_chars() + 1).list.eval(pl.element().cum_sum()).alias("after"))
        .select("doc_id", "line", "after")
        .explode("line", "after")
        .with_columns(
            (pl.col("after") - pl.col("line").str.len_chars() - 1).cast(pl.Int64).alias("raw_start"),
            pl.int_range(pl.len()).over("doc_id").alias("line_no"),
        )
        .with_columns(
            pl.col("line").str.strip_chars().alias("stripped"),
        )
        .with_columns(
            (pl.col("raw_start") + pl.col("line").str.len_chars() - pl.col("line").str.strip_chars_start().str.len_chars()).alias("start"),
            pl.col("stripped").str.len_chars().cast(pl.Int64).alias("chars"),
        )
        .with_columns((pl.col("start") + pl.col("chars")).alias("end"))
        .filter(pl.col("chars") > 0)
        .with_columns(
            pl.int_range(pl.len()).over("doc_id").alias("nth"),
            pl.len().over("doc_id").alias("n_lines"),
        )
        .with_columns(
            pl.min_horizontal("nth", pl.col("n_lines") - 1 - pl.col("nth")).alias("from_edge"),
        )
        .select("doc_id", "line_no", "nth", "from_edge", "start", "end", "chars", "stripped")
    )
    return lines


def _classify_lines(lines: pl.DataFrame) -> pl.DataFrame:
    """Lines that a line rule matches, with kind and reason (the first rule in the table wins)."""
    longest = max(rule.max_chars for rule in LINE_RULES)
    cand = lines.filter(pl.col("chars") <= longest)
    hits = []
    for order, (rule, pattern, _) in enumerate(_RULES):
        subset = cand.filter(pl.col("chars") <= rule.max_chars)
        if rule.edge_lines:
            subset = subset.filter(pl.col("from_edge") < rule.edge_lines)
        cond = pl.col("stripped").str.contains(pattern)
        if rule.reason == "date/time only":
            cond = cond & pl.col("stripped").str.contains(_HAS_DIGIT.pattern)
        hits.append(subset.filter(cond).select("doc_id", "start", pl.lit(order).alias("order")))
    first = pl.concat(hits).group_by("doc_id", "start").agg(pl.col("order").min())
    kinds = pl.DataFrame({
        "order": list(range(len(_RULES))),
        "kind": [rule.kind for rule, _, _ in _RULES],
        "reason": [rule.reason for rule, _, _ in _RULES],
    }, schema_overrides={"order": pl.Int32})
    return (
        cand.join(first, on=["doc_id", "start"])
        .join(kinds, on="order").drop("order")
    )


def _outlet_reason(row_line: str, from_edge: int) -> str:
    outlet = _line_outlet(row_line, from_edge)
    return f"source line: {outlet}" if outlet else "source line"


# --------------------------------------------------------------------------
# Headlines
# --------------------------------------------------------------------------

HEADLINE_MAX_CHARS = 160
HEADLINE_MAX_WORDS = 25
_HEADLINE_BAD_END = r"[.!:;،؛,…\-–—]$"  # a first line ending like this is prose, not a headline


def _headlines(lines: pl.DataFrame, line_flags: pl.DataFrame, doc_chars: pl.DataFrame) -> pl.DataFrame:
    first = lines.filter(pl.col("nth") == 0).join(line_flags.select("doc_id", "start"), on=["doc_id", "start"], how="anti")
    words = pl.col("stripped").str.count_matches(r"\S+")
    core = pl.col("stripped").str.strip_chars("\"'«»“”()[] ")
    second = lines.filter(pl.col("nth") == 1).select("doc_id", pl.col("chars").alias("next_chars"))
    return (
        first.join(second, on="doc_id").join(doc_chars, on="doc_id")
        .filter(
            (pl.col("chars") <= HEADLINE_MAX_CHARS)
            & (words <= HEADLINE_MAX_WORDS)
            & (words >= 2)
            & ~core.str.contains(_HEADLINE_BAD_END)
            & (pl.col("total_chars") - pl.col("end") > 2 * pl.col("chars"))
            & (pl.col("next_chars") > 0)
        )
        .select("doc_id", pl.col("start").alias("char_start"), pl.col("end").alias("char_end"),
                pl.lit("headline").alias("kind"), pl.lit("first line reads as a headline").alias("reason"))
    )


# --------------------------------------------------------------------------
# Duplicated sentences within a document
# --------------------------------------------------------------------------

#: a sentence runs to . ! ? ؟ (a "." glued to the next character, as in "3.5", does not end it)
SENTENCE_PATTERN = r"(?:[^.!?؟\n]|[.!?؟][^\s.!?؟])*[.!?؟]+|[^.!?؟\n]+"
MIN_DUPLICATE_CHARS = 25  # normalised characters; "وأضاف:" and the like never count
NEAR_THRESHOLD = 0.85  # Jaccard of character 5-gram shingles
SHINGLE = 5
CONTAINMENT_THRESHOLD = 0.9
_SKETCH_WORDS = 4  # bottom-k content words per sentence used to find near-duplicate candidates


def _sentences(lines: pl.DataFrame) -> pl.DataFrame:
    """Sentences of the given lines with exact offsets and normalised copies."""
    return (
        lines.select("doc_id", "start", "stripped")
        .with_columns(pl.col("stripped").str.extract_all(SENTENCE_PATTERN).alias("sent"))
        .with_columns(pl.col("sent").list.eval(pl.element().str.len_chars().cum_sum()).alias("upto"))
        .select("doc_id", "start", "sent", "upto")
        .explode("sent", "upto")
        .filter(pl.col("sent").is_not_null())
        .with_columns(
            (pl.col("start") + pl.col("upto") - pl.col("sent").str.len_chars()).alias("raw_start"),
            (pl.col("start") + pl.col("upto")).alias("raw_end"),
        )
        .with_columns(
            (pl.col("raw_start") + pl.col("sent").str.len_chars() - pl.col("sent").str.strip_chars_start().str.len_chars()).alias("s"),
            (pl.col("raw_end") - pl.col("sent").str.len_chars() + pl.col("sent").str.strip_chars_end().str.len_chars()).alias("e"),
            _key_expr(pl.col("sent")).alias("key"),
        )
        .with_columns(pl.col("key").str.len_chars().alias("klen"))
        .filter(pl.col("klen") >= MIN_DUPLICATE_CHARS)
        .select("doc_id", pl.col("s").cast(pl.Int64), pl.col("e").cast(pl.Int64), "sent", "key", "klen")
        .sort("doc_id", "s")
        .with_row_index("sid")
    )


def _exact_repeats(sents: pl.DataFrame) -> pl.DataFrame:
    """Later copies of an identical normalised sentence: sid, orig_sid, similarity 1."""
    keyed = sents.select("sid", "doc_id", pl.col("key").hash(7).alias("h"))
    first = keyed.group_by("doc_id", "h").agg(pl.col("sid").min().alias("orig_sid"))
    return (
        keyed.join(first, on=["doc_id", "h"])
        .filter(pl.col("sid") != pl.col("orig_sid"))
        .select("sid", "orig_sid", pl.lit(1.0).alias("similarity"))
    )


def _shingles(key: str) -> set[str]:
    if len(key) < SHINGLE:
        return {key}
    return {key[i:i + SHINGLE] for i in range(len(key) - SHINGLE + 1)}


def _jaccard(a: set, b: set) -> float:
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter) if inter else 0.0


def _near_candidates(sents: pl.DataFrame, exact: pl.DataFrame) -> pl.DataFrame:
    """Pairs (sid_a earlier, sid_b later) in one document worth a Jaccard check.

    Each sentence is sketched by the k content words (4+ letters) with the
    smallest hash; near-duplicates share most of those.  Pairs must share two
    (or all, for sentences with fewer words) and have similar lengths (a
    Jaccard of 0.85 needs a length ratio of at least 0.85).
    """
    rest = sents.join(exact.select("sid"), on="sid", how="anti")
    sketch = (
        rest.select("sid", "doc_id", _words_expr(pl.col("sent")).str.split(" ").alias("w"))
        .explode("w")
        .filter(pl.col("w").str.len_chars() >= 4)
        .select("sid", "doc_id", pl.col("w").hash(11).alias("h"))
        .unique(["sid", "h"])
        .sort("sid", "h")
        .group_by("sid", maintain_order=True)
        .head(_SKETCH_WORDS)
    )
    size = sketch.group_by("sid").agg(pl.len().alias("n"))
    pairs = (
        sketch.join(sketch, on=["doc_id", "h"], suffix="_b")
        .filter(pl.col("sid") < pl.col("sid_b"))
        .group_by("sid", "sid_b").agg(pl.len().alias("shared"))
        .join(size, on="sid").join(size.rename({"sid": "sid_b", "n": "n_b"}), on="sid_b")
        .filter(pl.col("shared") >= pl.min_horizontal(pl.lit(2), "n", "n_b"))
        .join(sents.select("sid", "klen"), on="sid")
        .join(sents.select(pl.col("sid").alias("sid_b"), pl.col("klen").alias("klen_b")), on="sid_b")
        .filter(pl.min_horizontal("klen", "klen_b") >= NEAR_THRESHOLD * pl.max_horizontal("klen", "klen_b"))
        .select("sid", "sid_b")
    )
    # the earlier copy (all sentences are sorted by doc and offset, so sid order is text order)
    return pairs


def _near_repeats(sents: pl.DataFrame, exact: pl.DataFrame) -> pl.DataFrame:
    pairs = _near_candidates(sents, exact)
    if pairs.height == 0:
        return pl.DataFrame(schema={"sid": pl.UInt32, "orig_sid": pl.UInt32, "similarity": pl.Float64})
    ids = pl.concat([pairs["sid"], pairs["sid_b"]]).unique()
    keys = dict(sents.filter(pl.col("sid").is_in(ids.implode())).select("sid", "key").iter_rows())
    shingles = {sid: _shingles(k) for sid, k in keys.items()}
    best: dict[int, tuple[float, int]] = {}
    for a, b in pairs.sort("sid_b", "sid").iter_rows():
        sim = _jaccard(shingles[a], shingles[b])
        if sim >= NEAR_THRESHOLD and (b not in best or sim > best[b][0]):
            best[b] = (sim, a)
    return pl.DataFrame(
        [(b, a, sim) for b, (sim, a) in best.items()],
        schema={"sid": pl.UInt32, "orig_sid": pl.UInt32, "similarity": pl.Float64}, orient="row",
    )


def _fill_merged_sentences(sents: pl.DataFrame, found: dict[int, tuple[int, float]]) -> None:
    """Flag sentences next to a flagged run whose shingles lie in earlier text.

    When an article is repeated inside one paragraph, sentence boundaries of
    the copy can differ (a headline glued to the first sentence), so such a
    sentence matches no single earlier sentence.  Only documents that already
    have a repeat are examined, so this stays cheap.
    """
    docs = sents.filter(pl.col("sid").is_in(list(found))).select("doc_id").unique()
    rows = sents.join(docs, on="doc_id").select("sid", "doc_id", "key").sort("sid")
    for _, group in rows.group_by("doc_id", maintain_order=True):
        sids = group["sid"].to_list()
        sh = [_shingles(k) for k in group["key"].to_list()]
        first_seen: dict[str, int] = {}
        for i, shingles in enumerate(sh):
            for g in shingles:
                first_seen.setdefault(g, i)
        changed = True
        while changed:
            changed = False
            for i, sid in enumerate(sids):
                if sid in found or i == 0:
                    continue
                if not (sids[i - 1] in found or (i + 1 < len(sids) and sids[i + 1] in found)):
                    continue
                contained = sum(first_seen[g] < i for g in sh[i]) / len(sh[i])
                if contained >= CONTAINMENT_THRESHOLD:
                    # the earlier sentence sharing most shingles stands for what it repeats
                    j = max(range(i), key=lambda j: (len(sh[i] & sh[j]), -j))
                    found[sid] = (sids[j], round(contained, 2))
                    changed = True


def _duplicate_flags(sents: pl.DataFrame, texts: dict[str, str]) -> list[tuple]:
    """Merge flagged sentences into spans: a run continues over whitespace, or
    over a short unflagged piece ("وأضاف:") that also separates the originals."""
    exact = _exact_repeats(sents)
    near = _near_repeats(sents, exact)
    found: dict[int, tuple[int, float]] = {
        sid: (orig, sim) for sid, orig, sim in pl.concat([exact, near]).iter_rows()
    }
    if not found:
        return []
    _fill_merged_sentences(sents, found)
    info = {
        sid: (doc, s, e)
        for sid, doc, s, e in sents.filter(pl.col("sid").is_in(list(found) + [o for o, _ in found.values()]))
        .select("sid", "doc_id", "s", "e").iter_rows()
    }
    runs = []
    run = None  # [doc, start, end, orig_min, orig_max, min_sim, last_orig_end]
    for sid in sorted(found, key=lambda x: (info[x][0], info[x][1])):
        doc, s, e = info[sid]
        orig, sim = found[sid]
        _, o_s, o_e = info[orig]
        if run and run[0] == doc:
            text = texts[doc]
            gap = sentence_key(text[run[2]:s])
            orig_gap = sentence_key(text[run[6]:o_s]) if run[6] <= o_s else None
            if not gap or (len(gap) < MIN_DUPLICATE_CHARS and gap == orig_gap):
                run[2], run[3], run[4] = e, min(run[3], o_s), max(run[4], o_e)
                run[5], run[6] = min(run[5], sim), o_e
                continue
        if run:
            runs.append(run)
        run = [doc, s, e, o_s, o_e, sim, o_e]
    runs.append(run)
    return [
        (doc, s, e, "duplicate", f"repeats {o_s}-{o_e} (similarity {sim:.2f})")
        for doc, s, e, o_s, o_e, sim, _ in runs
    ]


# --------------------------------------------------------------------------
# Public: flag_spans
# --------------------------------------------------------------------------

def flag_spans(documents: pl.DataFrame) -> pl.DataFrame:
    """Spans of documents.text to skip (FLAGS schema), sorted by doc_id and offset.

    Kinds: boilerplate, byline, source (whole stripped lines matched by
    LINE_RULES), headline (first line), duplicate (later copies of sentences
    and paragraphs repeated within the document).  Spans never overlap.
    """
    if documents.height == 0:
        return schemas.empty(schemas.FLAGS)
    lines = _lines(documents)
    line_flags = _classify_lines(lines)
    # name the outlet in source reasons (few rows: Python is fine)
    sources = line_flags.filter(pl.col("kind") == "source")
    if sources.height:
        named = pl.DataFrame(
            [(d, st, _outlet_reason(line, edge)) for d, st, line, edge
             in sources.select("doc_id", "start", "stripped", "from_edge").iter_rows()],
            schema={"doc_id": pl.String, "start": pl.Int64, "named": pl.String}, orient="row",
        )
        line_flags = (
            line_flags.join(named, on=["doc_id", "start"], how="left")
            .with_columns(pl.coalesce("named", "reason").alias("reason")).drop("named")
        )
    doc_chars = documents.select("doc_id", pl.col("text").fill_null("").str.len_chars().cast(pl.Int64).alias("total_chars"))
    heads = _headlines(lines, line_flags, doc_chars)
    taken = pl.concat([line_flags.select("doc_id", "start"), heads.select("doc_id", pl.col("char_start").alias("start"))])
    body = lines.join(taken, on=["doc_id", "start"], how="anti")
    # "(سانا)" closing the last paragraph: flag it, and keep it out of the sentences
    last = body.join(lines.group_by("doc_id").agg(pl.col("nth").max()), on=["doc_id", "nth"])
    trailing = (
        last.with_columns(pl.col("stripped").str.replace_many(_VARIANT_FROM, _VARIANT_TO)
                          .str.extract(_TRAILING_SOURCE, 1).alias("src"))
        .filter(pl.col("src").is_not_null())
        .select("doc_id", "start", "end", (pl.col("end") - pl.col("src").str.len_chars()).alias("src_start"), "stripped")
    )
    trailing_flags = pl.DataFrame(
        [(d, src_start, end, "source", "source in brackets: " + (line[src_start - st:].strip(_OUTLET_TRIM) or "?"))
         for d, st, end, src_start, line in trailing.iter_rows()],
        schema=schemas.FLAGS, orient="row",
    )
    body = (
        body.join(trailing.select("doc_id", "start", "src_start"), on=["doc_id", "start"], how="left")
        .with_columns(
            pl.when(pl.col("src_start").is_not_null())
            .then(pl.col("stripped").str.slice(0, pl.col("src_start") - pl.col("start")))
            .otherwise(pl.col("stripped")).alias("stripped")
        )
    )
    sents = _sentences(body)
    needed = sents.select("doc_id").unique()
    texts = dict(documents.join(needed, on="doc_id", how="semi").select("doc_id", "text").iter_rows()) if sents.height else {}
    dup_rows = _duplicate_flags(sents, texts) if sents.height else []
    dups = pl.DataFrame(dup_rows, schema=list(schemas.FLAGS), orient="row") if dup_rows else schemas.empty(schemas.FLAGS)
    parts = [
        line_flags.select("doc_id", pl.col("start").alias("char_start"), pl.col("end").alias("char_end"), "kind", "reason"),
        heads, trailing_flags, dups,
    ]
    flags = pl.concat([schemas.conform(p, schemas.FLAGS) for p in parts])
    return flags.sort("doc_id", "char_start")

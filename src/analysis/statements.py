"""Attributed statements: reporting verbs, speakers, quotes, content.

Rule-based and table-driven.  For every document:

1. normalise a copy for matching (``text.normalize_with_offsets``), split it
   into sentences and find quoted regions;
2. find reporting verbs with one trie-compiled regex built from a lexicon of
   stems with all their news inflections (past/present, masculine/feminine/
   plural, و/ف prefixes, participles);
3. for each finite verb outside quotes find the speaker: after the verb (VSO),
   before it (SVO, "وكان X قد قال", "أما X فقال"), after "عن" for
   "نقلت وكالة X عن Y", or implicit (pronoun-drop: the most recent speaker of
   the same grammatical gender);
4. split the mention into title and name, resolve it inside the document
   (surname-only and title-only references) and then with the registry;
5. find the content: a quote, a colon, أن/إن, or the object of verbs that
   take one (دعا إلى، أعرب عن، نفى ...); a participle continuation
   (مشيراً إلى، مؤكدةً أن) extends the statement it follows.

Everything is computed on the normalised copy and mapped back to offsets in
the original text at the end.

Decisions worth knowing:

* ``char_start`` is the verb (VSO) or the start of the name-first subject
  (SVO); ``char_end`` is the end of the content (closing quote included) or of
  the last participle continuation.  For an attribution clause after the
  content ("…، بحسب ما أعلنت الخارجية") the span runs from the sentence start.
* Implicit subjects take the most recent speaker of the document whose gender
  agrees with the verb (a speaker's gender is the agreement of the verb that
  introduced it); a coordinated verb ("ورفض X ذلك، وقال") takes the subject
  of the verb that opens its sentence.  No antecedent -> no statement.
* Title-only mentions (الوزير، المتحدثة باسم الخارجية الروسية، مدرب المنتخب)
  resolve inside the document first (same title words, same head noun, or a
  person the text introduced with that head), then the registry by title and
  year, else an ``unreg:`` id built from the title.
* Reporting verbs inside quotes, negated (لم يذكر), passive (ذُكر، يُزعم),
  after a preposition (بعد كشف) or inside the reported clause without a
  subject of their own (قالت إن معلوماتها تفيد) are not statements.

Known limits: no parser, so objects sometimes pass for subjects ("واتهمت فرنسا
بـ..." where Turkey accuses France); metonymic speakers ("التصريح المقتضب" for
the directorate that issued it) resolve to the latest speaker at best; plain
Python per verb (~3 MB/s per core on ANT), see ``workers``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

import polars as pl

from analysis import schemas
from analysis.speakers import (Registry, Speaker, default_registry, lookup_name, name_key, resolve, titles_held,
                               scope_anonymous_sources, title_holders)
from analysis.text import closes_only, map_offset, normalize_with_offsets, split_sentences

# --- lexicon of reporting verbs ----------------------------------------------

# need: "content" = requires أن/إن, a quote or a colon after the subject;
#       "ila" = also accepts إلى + object (أشار إلى، لفت إلى);
#       "obj" = also accepts a plain object as content (دعا إلى، نفى الاتهامات).
# Entries: lemma -> (past 3ms, present stem after ي/ت, participle stem, need)
# Spellings are in the matching form (أ/إ/آ folded to ا, ى kept).
_REGULAR = {
    "اكد": ("اكد", "ؤكد", "مؤكد", "obj"),
    "اضاف": ("اضاف", "ضيف", "مضيف", "content"),
    "اعلن": ("اعلن", "علن", "معلن", "obj"),
    "اشار": ("اشار", "شير", "مشير", "ila"),
    "اوضح": ("اوضح", "وضح", "موضح", "content"),
    "لفت": ("لفت", "لفت", "لافت", "ila"),
    "تابع": ("تابع", "تابع", None, "content"),
    "اعتبر": ("اعتبر", "عتبر", "معتبر", "content"),
    "وصف": ("وصف", "صف", "واصف", "obj"),
    "طالب": ("طالب", "طالب", None, "obj"),
    "اعرب": ("اعرب", "عرب", "معرب", "obj"),
    "عبر": ("عبر", "عبر", None, "obj"),  # عبّر عن (expressed); only with عن, see _finite_statement
    "شدد": ("شدد", "شدد", "مشدد", "obj"),
    "نوه": ("نوه", "نوه", "منوه", "ila"),
    "نبه": ("نبه", "نبه", "منبه", "ila"),
    "بين": ("بين", "بين", "مبين", "content"),
    "حذر": ("حذر", "حذر", "محذر", "obj"),
    "زعم": ("زعم", "زعم", "زاعم", "content"),
    "ذكر": ("ذكر", "ذكر", None, "content"),
    "افاد": ("افاد", "فيد", "مفيد", "content"),
    "صرح": ("صرح", "صرح", "مصرح", "content"),
    "كشف": ("كشف", "كشف", "كاشف", "obj"),
    "ختم": ("ختم", "ختم", None, "content"),
    "اختتم": ("اختتم", "ختتم", "مختتم", "content"),
    "اردف": ("اردف", "ردف", "مردف", "content"),
    "استطرد": ("استطرد", "ستطرد", "مستطرد", "content"),
    "استدرك": ("استدرك", "ستدرك", "مستدرك", "content"),
    "اجاب": ("اجاب", "جيب", "مجيب", "content"),
    "علق": ("علق", "علق", "معلق", "content"),
    "تساءل": ("تساءل", "تساءل", "متسائل", "content"),
    "اقر": ("اقر", "قر", None, "content"),
    "اعترف": ("اعترف", "عترف", "معترف", "obj"),
    "توقع": ("توقع", "توقع", "متوقع", "content"),
    "رجح": ("رجح", "رجح", "مرجح", "content"),
    "ابلغ": ("ابلغ", "بلغ", "مبلغ", "content"),
    "غرد": ("غرد", "غرد", "مغرد", "content"),
    "اتهم": ("اتهم", "تهم", "متهم", "obj"),
    "اشاد": ("اشاد", "شيد", "مشيد", "obj"),
    "ندد": ("ندد", "ندد", "مندد", "obj"),
    "ادان": ("ادان", "دين", None, "obj"),
    "تعهد": ("تعهد", "تعهد", "متعهد", "obj"),
    "هدد": ("هدد", "هدد", "مهدد", "obj"),
    "حث": ("حث", "حث", None, "obj"),
    "ناشد": ("ناشد", "ناشد", None, "obj"),
    "اورد": ("اورد", "ورد", None, "content"),
    "نقل": ("نقل", "نقل", "ناقل", "content"),
    "لاحظ": ("لاحظ", "لاحظ", None, "content"),
    "شرح": ("شرح", "شرح", "شارح", "content"),
    "كتب": ("كتب", "كتب", None, "content"),
    "اقترح": ("اقترح", "قترح", "مقترح", "content"),
    "اخبر": ("اخبر", "خبر", "مخبر", "content"),
    "امل": ("امل", "امل", "امل", "content"),
    "رحب": ("رحب", "رحب", "مرحب", "obj"),
    "انتقد": ("انتقد", "نتقد", "منتقد", "obj"),
    "استنكر": ("استنكر", "ستنكر", "مستنكر", "obj"),
    "شجب": ("شجب", "شجب", None, "obj"),
    "توعد": ("توعد", "توعد", "متوعد", "obj"),
    "افصح": ("افصح", "فصح", "مفصح", "obj"),
    # verbs the annotation guidelines list (أكمل، كرر، استبعد) and their kin
    "اكمل": ("اكمل", "كمل", "مكمل", "content"),
    "كرر": ("كرر", "كرر", "مكرر", "content"),
    "استبعد": ("استبعد", "ستبعد", "مستبعد", "content"),
    "المح": ("المح", "لمح", "ملمح", "ila"),
    "انكر": ("انكر", "نكر", "منكر", "obj"),  # أنكر (denied)
    "حمل": ("حمل", "حمل", "محمل", "obj"),  # حمّل X المسؤولية (blamed); only with مسؤولية, see _finite_statement
}
# Verbs whose object is often a pronoun suffix (ووصفه بأنه، واتهمها بـ).
_OBJECT_SUFFIX_LEMMAS = {"وصف", "اتهم", "طالب", "حث", "ناشد", "ابلغ", "دعا"}
# Irregular verbs with an object pronoun: "وهي الاتهامات التي نفتها الرياض".
_IRREGULAR_WITH_OBJECT = {
    "نفى": ["نفاه", "نفاها", "نفته", "نفتها", "ينفيه", "ينفيها", "تنفيه", "تنفيها"],
}
# Verbs governing بـ: a following بـ-word is their object, never the speaker.
_BA_LEMMAS = {"هدد", "طالب", "اتهم", "ندد", "اشاد", "وصف", "تعهد", "اعترف", "رحب", "ناشد"}

# Irregular (hollow / defective) verbs: explicit forms.
_IRREGULAR = {
    "قال": (
        ["قال", "قالت", "قالوا", "قالا", "قالتا"],
        ["يقول", "تقول", "يقولون", "يقولان", "تقولان"],
        ["قائلا", "قائلة", "قائلين"],
        "content",
    ),
    "دعا": (
        ["دعا", "دعت", "دعوا", "دعتا"],
        ["يدعو", "تدعو", "يدعون"],
        ["داعيا", "داعية", "داعين"],
        "obj",
    ),
    "نفى": (
        ["نفى", "نفت", "نفوا", "نفيا", "نفي", "نفا"],  # (نفا, ينفى: frequent misspellings)
        ["ينفي", "تنفي", "ينفون", "ينفى", "تنفى"],
        ["نافيا", "نافية", "نافين"],
        "obj",
    ),
    "رأى": (
        ["راى", "رات", "راوا", "رأى", "رأت", "رأوا"],
        ["يرى", "ترى", "يرون"],
        [],
        "content",
    ),
    "رد": (["رد", "ردت", "ردوا"], ["يرد", "ترد"], [], "content"),
    "ادعى": (["ادعى", "ادعت", "ادعوا"], ["يدعي", "تدعي"], [], "content"),
    "اوصى": (["اوصى", "اوصت", "اوصوا"], ["يوصي", "توصي"], [], "content"),
    "روى": (["روى", "روت", "رووا"], ["يروي", "تروي"], [], "content"),
    "تمنى": (["تمنى", "تمنت", "تمنوا"], ["يتمنى", "تتمنى"], ["متمنيا", "متمنية"], "content"),
    "ابدى": (["ابدى", "ابدت", "ابدوا"], ["يبدي", "تبدي"], ["مبديا", "مبدية"], "obj"),
    # دان (condemned; أدان is in _REGULAR); bare "دان" is also a first name (دان كوتس)
    "دان": (["دان", "دانت", "دانوا"], [], [], "obj"),
    "ابان": (["ابان", "ابانت"], [], [], "content"),  # أبان (showed, stated; Saudi press)
    # جاء only as "وجاء في البيان / في بيان للوزارة" and "بيانا جاء فيه" (see _came_in_statement)
    "جاء": (["جاء"], [], [], "content"),
    "اعاد التاكيد": (
        ["اعاد التاكيد", "اعادت التاكيد", "اعادوا التاكيد"],
        ["يعيد التاكيد", "تعيد التاكيد"],
        ["معيدا التاكيد", "معيدة التاكيد"],
        "obj",
    ),
}


@dataclass(frozen=True)
class VerbForm:
    lemma: str
    finite: bool
    gender: str | None  # m | f | p (plural / dual) | None
    need: str


_OBJECT_PRONOUN_FORMS: set[str] = set()  # filled by _build_forms: اتهمه، تصفها، نفته


def _build_forms() -> dict[str, VerbForm]:
    forms: dict[str, VerbForm] = {}

    def add(f, lemma, finite, gender, need, with_object=False):
        forms.setdefault(f, VerbForm(lemma, finite, gender, need))
        if with_object:
            _OBJECT_PRONOUN_FORMS.add(f)

    for lemma, (past, pres, part, need) in _REGULAR.items():
        add(past, lemma, True, "m", need)
        add(past + "ت", lemma, True, "f", need)
        add(past + "وا", lemma, True, "p", need)
        # duals (قالا) are rare in news and "اقرا" (read!) would match
        add("ي" + pres, lemma, True, "m", need)
        add("ت" + pres, lemma, True, "f", need)
        add("ي" + pres + "ون", lemma, True, "p", need)
        if lemma in _OBJECT_SUFFIX_LEMMAS:
            for suf in ("ه", "ها", "هم"):
                add(past + suf, lemma, True, "m", need, True)
                add(past + "ت" + suf, lemma, True, "f", need, True)
                if lemma not in ("ابلغ", "دعا"):  # (تبلّغه: "his receiving", not "informs him")
                    add("ي" + pres + suf, lemma, True, "m", need, True)  # وتتهمه الحكومة التركية بـ
                    add("ت" + pres + suf, lemma, True, "f", need, True)
        if part:
            add(part + "ا", lemma, False, "m", need)
            add(part + "ة", lemma, False, "f", need)
            # plural participles (مهددين، معلنين) mostly describe, not report
    for lemma, (past, pres, part, need) in _IRREGULAR.items():
        for f in _IRREGULAR_WITH_OBJECT.get(lemma, []):
            add(f, lemma, True, "f" if f.startswith("ت") or f[:-1].endswith("ت") or f.endswith("تها") else "m", need,
                True)
        for f in past + pres:
            dual = f.endswith("ان") and f[:1] in "يت"  # يقولان (but دان is singular)
            g = "p" if f.endswith(("وا", "ون", "تا")) or dual else (
                "f" if f.startswith("ت") or f.split()[0].endswith("ت") else "m"
            )
            add(f, lemma, True, g, need)
        for f in part:
            g = "f" if f.split()[0].endswith("ة") else ("p" if f.endswith("ين") else "m")
            add(f, lemma, False, g, need)
    return forms


VERB_FORMS = _build_forms()
# forms without an attached object pronoun (تتهم، نوه end in ه/هم by their root)
_BASE_FORMS = frozenset(VERB_FORMS) - _OBJECT_PRONOUN_FORMS


def _trie_regex(words) -> str:
    """Alternation of ``words`` as a trie: fast to scan with Python's re."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node) -> str:
        alts, optional = [], False
        for ch in sorted(node):
            if ch == "":
                optional = True
                continue
            alts.append(re.escape(ch) + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if optional:
            body = "(?:" + body + ")?"
        return body

    return emit(trie)


_VERB_RE = re.compile(r"(?<!\w)([وف]?)(" + _trie_regex(VERB_FORMS) + r")(?!\w)")

# --- word lists used to read the noun phrase around a verb ------------------

# quotes, hashtags (أنور #قرقاش، #حساب_المواطن) and spaces inside a name: one space
_QUOTES_SPACES = re.compile("[\"“”«»#_\\s]+")
_MARKS_RE = re.compile("[\u064b-\u065f\u0670\u0640]")
_TOKEN_RE = re.compile(r"[^\W_]+|[^\w\s#]")
_QUOTE_OPEN = "“«\""
_QUOTE_CLOSE = {"“": "”", "«": "»", '"': '"', "”": "“"}
_ALL_QUOTES = set("\"“”«»")

# أن / إن and their pronoun forms, with the ب of "بأن"
_MARKERS = {
    p + w
    for p in ("", "ب")
    for w in ("ان", "انه", "انها", "انهم", "انهما", "انني", "اننا", "انكم")
}
_PLAIN_MARKERS = {m for m in _MARKERS if not m.startswith("ب")}
_CONTENT_MARKER_RE = re.compile(
    r"(?<!\w)(?:ب?ان(?:ه|ها|هم|هما|ني|نا)?)(?!\w)(?! ك[يى] مون)|[:“«\"]"
)
_TIME_WORDS = {
    "امس", "اليوم", "الليلة", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس",
    "الجمعة", "السبت", "صباح", "مساء", "ظهر", "فجر", "ليل", "ايضا", "كذلك", "مجددا",
    "سابقا", "لاحقا", "اخيرا", "مرة", "مجدداً", "بدوره", "نهاية", "بداية", "مطلع", "اواخر",
    "اوائل", "منتصف", "شهر", "الشهر", "الاسبوع", "اسبوع", "حينها", "وقتها", "امسية", "صباحا", "مساء", "اول",
    "الماضي", "الماضية", "المقبل", "المقبلة", "الجاري", "المنصرم", "الفائت", "عشية", "غداة", "اخرى", "يوم",
    "مؤخرا", "حينذاك", "انذاك", "وقتذاك", "حاليا", "شخصيا", "رسميا", "علنا", "صراحة",
    # months ("أعلنت في 25 أبريل/نيسان الماضي": a date, not a speaker)
    "يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس", "سبتمبر", "اكتوبر", "نوفمبر",
    "ديسمبر", "كانون", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "ايلول", "تشرين",
    # nisba adverbs ("اعتبر تاريخيا"، "أعلن رسميا")
    "تاريخيا", "سياسيا", "عسكريا", "نسبيا", "جزئيا", "فعليا", "عمليا", "مبدئيا", "علنيا", "ضمنيا", "فوريا",
    "ميدانيا", "هاتفيا", "كتابيا", "شفهيا", "حرفيا", "اعلاميا",
}
# how something was said: never part of a name, never its speaker ("استنكر بشدة")
_MANNER_ADVERBS = {"بشدة", "بوضوح", "بصراحة"}
_STOP_WORDS = _MARKERS | {
    "في", "خلال", "عبر", "على", "عن", "الى", "امام", "بعد", "قبل", "حول", "اثناء",
    "ضمن", "منذ", "عقب", "اثر", "فور", "مع", "من", "إلى", "إلا", "إليه", "إليها", "إليهم", "حيث", "كما", "لكن", "بل", "او", "ثم", "قد",
    "الذي", "التي", "الذين", "اللذين", "اللتين", "احد", "احدى", "وهو", "وهي", "هو",
    "هي", "جميع", "كل", "بعض", "كافة", "عدد", "نفسه", "نفسها", "ذلك", "هذا", "هذه",
    "ان", "اذا", "لو", "لا", "لم", "لن", "ما", "ماذا", "متى", "كيف", "هل", "بان",
    "وفق", "وفقا", "بحسب", "حسب", "اي", "الا", "غير", "دون", "بين", "بشان", "لان",
    "لانه", "لانها", "عندما", "بينما", "فيما", "حتى", "اذ", "قائلا", "قائلة", "انذاك",
    "ب", "ل", "و", "ف", "بالقول", "بكل", "لكنه", "لكنها", "لكنهم", "ولكنه", "ولكنها",
    "بدوره", "بدورها", "وبدوره", "وبدورها", "فيه", "فيها", "فيهم", "به", "بها", "بهم", "عنه",
    "عنها", "معه", "معها", "قوله", "قولها", "قولهم", "لهم", "عليهم", "اليهم", "منهم", "عليه", "عليها", "له", "لها", "اليه", "اليها", "منه", "منها",
    "حسبما", "بحسبما", "وفقما", "مثلما", "بعدما", "قبلما", "مما", "كلما", "طالما", "ريثما", "لما", "بما", "عما", "نحو", "سئل", "سئلت", "قيل", "بسبب", "بفضل", "جراء", "او",
    "تحت", "تحته", "تحتها", "فوقه", "فوقها", "لديه", "لديها", "عنده", "عندها", "امامه", "امامها",
    "تماما", "قطعا", "مطلقا", "نهائيا", "كليا", "بتاتا", "مرارا", "جملة", "مرات", "كثيرا", "سريعا", "فورا",
    "عند", "لدي", "دائما", "ايضا", "تلك", "هؤلاء", "اولئك", "كان", "كانت",
} | _TIME_WORDS | _MANNER_ADVERBS
# a conjunction keeps its meaning behind و/ف ("فبعدما أعلن ناديه": no one named فبعدما)
_STOP_WORDS |= {p + w for p in "وف" for w in ("بعدما", "عندما", "حينما", "كلما", "طالما", "قبلما", "مثلما",
                                               "بينما", "فيما", "حيث", "كما", "اذ", "لكن", "لكنه", "لكنها", "حسبما",
                                               "لان", "لانه", "لانها", "مما", "بما", "حتى", "في")}
# Frequent verbal nouns that open the object of أكد/أعلن/نفى ... ("أكدت متحدثة
# باسم الوزارة بدء تنفيذ الخطة"): never the first word of a name.
_MASDARS = {
    "بدء", "تنفيذ", "استمرار", "دعم", "رفض", "وجود", "ضرورة", "اهمية", "استعداد", "التزام", "عزم",
    "قرار", "موافقة", "تمسك", "حرص", "امكانية", "مقتل", "سقوط", "اعتقال", "اطلاق", "تعليق", "وقف",
    "انسحاب", "استقالة", "ترشح", "فوز", "نية", "خطة", "اتفاق", "توقيع", "تراجع", "ارتفاع", "انخفاض",
    "اعتزال", "تضامن", "قلق", "ادانة", "شكر", "ترحيب", "تاييد", "معارضة", "مسؤولية", "تقدير", "امل",
    "استياء", "رغبة", "حاجة", "عدم", "نجاح", "فشل", "تعرض", "استهداف", "تدمير", "سيطرة", "تحرير",
    "اعداد", "ارقام", "تفاصيل", "وضع", "حصيلة", "موقف",
    "حصول", "وصول", "دخول", "خروج", "قبول", "نزول", "هبوط", "صعود", "حضور", "شعور",
    "فرض", "منع", "رفع", "سحب", "قطع", "شن", "طرد", "خفض", "زيادة", "اعادة", "بناء",  # (not فتح، عودة: names)
}
# nouns that open a ب-phrase after a title, never a name: المكلف بحماية، بمناسبة، بشأن
_BA_NOUNS = _MASDARS | {"حماية", "مناسبة", "دعوة", "شان", "خصوص", "صفته", "صفتها", "قيادة", "رئاسة", "مشاركة"}
_MEDIA_NOUNS = {
    "وكالة", "صحيفة", "قناة", "شبكة", "موقع", "وسائل", "اذاعة", "تلفزيون", "صحفيين",
    "صحافيين", "صحفيون", "فرانس", "رويترز", "مجلة", "محطة", "برنامج", "جريدة",
    "الصحفيين", "الصحافيين", "التلفزيون", "اذاعة", "قناه", "وكاله", "بي", "سكاي", "الجزيرة",
    "العربية", "سبوتنيك", "الاناضول", "الحرة", "مراسل", "مراسلنا", "المراسل", "مراسلة", "صحيفة",
    "راديو", "الاذاعة", "تلفزيون", "التلفزيون", "مجلة", "المجلة", "الصحيفة", "الوكالة", "القناة",
}
_PERSON_HEADS = {
    "وزير", "رئيس", "نائب", "متحدث", "ناطق", "مندوب", "سفير", "مدير", "قائد", "مبعوث", "محلل",
    "امين", "مستشار", "زعيم", "امير", "ملك", "ولي", "مرشد", "عضو", "عاهل", "محافظ",
    "حاكم", "مسؤول", "مساعد", "وكيل", "منسق", "ممثل", "رئيسة", "مفوض", "قاضي", "مدعي",
    "نائبة", "وزيرة", "متحدثة", "ناطقة", "مندوبة", "سفيرة", "مديرة", "مستشارة",
    "ممثلة", "مساعدة", "منسقة", "مبعوثة", "مفوضة", "زعيمة", "اميرة", "ملكة",
    # professions and relations that describe a person named next to them
    "محامي", "محامية", "محام", "زوجة", "والد", "والدة", "شقيق", "شقيقة", "نجل", "ابنة", "خطيبة",
    "مدرب", "مدربة", "خبير", "خبيرة", "استاذ", "استاذة", "طبيب", "طبيبة", "مراسل", "مراسلة",
    "مشرف", "مشرفة", "سمو", "معالي", "فخامة", "سعادة", "فضيلة", "مسؤولة",
}
# Heads whose following name is someone else (زوجة الصحفي جمال خاشقجي is not
# Khashoggi): the mention is a description unless the person is named beside it.
_RELATION_HEADS = {"محامي", "محامية", "محام", "زوجة", "والد", "والدة", "شقيق", "شقيقة", "نجل", "ابنة",
                   "خطيبة", "ابن", "ام", "اب", "ارملة", "عائلة", "اسرة", "ذوي", "اقارب", "صديقة"}
_FIRST_NAME_HEADS = {"مساعد", "امين", "مشرف"}  # titles that are also first names (مساعد الأحمد)
_RELATION_KEYS = frozenset(name_key(w) for w in _RELATION_HEADS)
_ORG_HEADS = {
    "وزارة", "حكومة", "وكالة", "جيش", "شرطة", "خارجية", "رئاسة", "كرملين", "بنتاغون",
    "بنتاجون", "امم", "منظمة", "هيئة", "مجلس", "لجنة", "حركة", "حزب", "جماعة", "تنظيم",
    "تحالف", "قوات", "مرصد", "مكتب", "سفارة", "شركة", "بنك", "صندوق", "مؤسسة", "جامعة",
    "صحيفة", "قناة", "موقع", "نيابة", "محكمة", "اتحاد", "برلمان", "كونغرس", "مفوضية",
    "ادارة", "دائرة", "مديرية", "مركز", "معهد", "بيت", "سلطات", "سلطة", "حرس", "داخلية",
    "دفاع", "شبكة", "مجلة", "جريدة", "اذاعة", "تلفزيون", "بيان", "تقرير", "دراسة",
    "مستشفى", "قنصلية", "بلدية", "نقابة", "رابطة", "جمعية", "ائتلاف", "مليشيا", "ميليشيا",
    "ميليشيات", "فصائل", "وسائل", "فصيل", "محافظة", "الكرملين", "اليونيسف", "يونيسف", "ناتو",
    "حلف", "اتحاد", "كتلة", "تيار", "جبهة", "كتائب", "سرايا", "هيئه", "الاليزيه", "دولة", "مملكة", "جمهورية", "نظام", "امانة",
    "اليزيه", "داونينغ", "قصر", "مصلحة", "ديوان", "اركان", "الاركان", "بعثة", "دار", "مبادرة", "سوق", "وحدة",
    "مختبر", "منشاة",
}
_GROUP_HEADS = {
    "مصادر", "مسؤولون", "مسؤولين", "خبراء", "شهود", "ناشطون", "ناشطين", "نشطاء",
    "سكان", "متظاهرون", "محللون", "دبلوماسيون", "مؤيدو", "معارضون", "مراقبون",
    "اطباء", "مواطنون", "مسعفون", "مصادر", "سياسيون", "نواب", "قادة", "وزراء",
    "مقاتلون", "لاجئون", "علماء", "باحثون", "مشرعون", "متحدثون", "اعضاء", "ممثلو",
    "مسؤولو", "قيادات", "اهالي", "عائلات", "متابعون", "مغردون", "منتقدون", "مؤيدون",
    "معارضو", "طلاب", "عمال", "محتجون", "المحتجون", "جنود", "ضباط", "تقارير",
}
# plural adjectives of origin not ending in -يون (مسؤولون روس، دبلوماسيون أتراك)
_BROKEN_PLURAL_NISBAS = {"روس", "اتراك", "عرب", "اكراد", "اجانب", "فرس", "افغان", "كبار"}
# heads that say only "an official", not which office
_GENERIC_PERSON_HEADS = {name_key(w) for w in ("مسؤول", "مسؤولة", "مسئول", "مسئولة", "دبلوماسي", "دبلوماسية")}
_UNKNOWN_HEADS = {"مصدر", "شاهد", "مسؤول", "متحدث", "ناشط", "مواطن", "ضابط", "دبلوماسي"}
# figures and findings that "say" something: sources, not speakers (kind unknown)
_DATA_NOUNS = {"تقديرات", "استطلاع", "دراسات", "بيانات", "معلومات", "تحقيقات", "احصاءات", "احصائيات", "ارقام",
               "نتائج", "استطلاعات", "ابحاث", "تحليل", "مؤشرات"}
_COUNTRIES = {
    "روسيا", "سوريا", "سورية", "تركيا", "ايران", "مصر", "العراق", "السعودية", "لبنان",
    "الاردن", "اسرائيل", "قطر", "الامارات", "فرنسا", "بريطانيا", "المانيا", "امريكا",
    "اميركا", "الصين", "اليابان", "الهند", "اليمن", "ليبيا", "تونس", "الجزائر", "المغرب",
    "السودان", "فلسطين", "واشنطن", "موسكو", "دمشق", "انقرة", "طهران", "الكويت",
    "البحرين", "عمان", "باكستان", "افغانستان", "اوكرانيا", "ايطاليا", "اسبانيا", "كندا",
    "استراليا", "كوريا", "بيونغ", "بكين", "لندن", "باريس", "برلين", "الرياض", "القاهرة",
    "بغداد", "بيروت", "عمان", "الدوحة", "ابوظبي", "اثيوبيا", "الفاتيكان", "هولندا",
    "بلجيكا", "السويد", "النرويج", "اليونان", "قبرص", "البرازيل", "الارجنتين", "المكسيك",
    # the other states and capitals news speaks for ("وقالت مالطا إنه"; not those that are also
    # words, first names or clubs: مالي، بنين، صوفيا، سانتياغو، باكو، ريال مدريد)
    "مالطا", "بولندا", "النمسا", "سويسرا", "الدنمارك", "فنلندا", "ايرلندا", "ايسلندا", "البرتغال",
    "رومانيا", "بلغاريا", "المجر", "هنغاريا", "التشيك", "سلوفاكيا", "سلوفينيا", "كرواتيا", "صربيا",
    "البوسنة", "مقدونيا", "البانيا", "كوسوفو", "مولدوفا", "بيلاروسيا", "ليتوانيا", "لاتفيا", "استونيا",
    "جورجيا", "ارمينيا", "اذربيجان", "كازاخستان", "اوزبكستان", "تركمانستان", "قرغيزستان", "طاجيكستان",
    "منغوليا", "الفلبين", "اندونيسيا", "ماليزيا", "سنغافورة", "تايلاند", "فيتنام", "كمبوديا", "ميانمار",
    "بورما", "بنغلاديش", "سريلانكا", "نيبال", "تايوان", "نيجيريا", "كينيا", "اريتريا", "الصومال",
    "جيبوتي", "اوغندا", "تنزانيا", "رواندا", "بوروندي", "الكونغو", "انغولا", "زامبيا", "زيمبابوي",
    "موزمبيق", "مدغشقر", "ناميبيا", "غانا", "السنغال", "النيجر", "تشاد", "الكاميرون", "موريتانيا",
    "غينيا", "سيراليون", "ليبيريا", "الغابون", "فنزويلا", "كولومبيا", "البيرو", "بيرو", "تشيلي",
    "الاكوادور", "بوليفيا", "باراغواي", "الاوروغواي", "كوبا", "هايتي", "بنما", "نيكاراغوا", "هندوراس",
    "غواتيمالا", "نيوزيلندا", "كابول", "كييف", "وارسو", "روما", "لشبونة", "اثينا", "فيينا",
    "بروكسل", "امستردام", "لاهاي", "ستوكهولم", "اوسلو", "كوبنهاغن", "هلسنكي", "دبلن", "بودابست", "براغ",
    "بوخارست", "بلغراد", "تبليسي", "يريفان", "طوكيو", "سيول", "هانوي", "بانكوك", "جاكرتا",
    "مانيلا", "كانبيرا", "اوتاوا", "كاراكاس", "هافانا", "بوغوتا", "نيروبي", "الخرطوم", "طرابلس",
    "الرباط", "نواكشوط", "مقديشو", "جوبا", "صنعاء", "مسقط", "المنامة", "اسمرة", "بريتوريا",
}
_COUNTRY_KEYS = frozenset(name_key(c) for c in _COUNTRIES)
_TWO_WORD_PLACES = {("الولايات", "المتحدة"), ("المملكة", "المتحدة"), ("بيونغ", "يانغ"), ("بيونج", "يانج"),
                    ("تل", "ابيب"), ("كوالا", "لمبور"), ("نيو", "دلهي"), ("بوينس", "ايرس"), ("كوريا", "الشمالية"),
                    ("كوريا", "الجنوبية"), ("جنوب", "افريقيا"), ("كوريا", "الجنوبيه")}
# Constructs that continue a title or an organisation name.
_ELATIVES = {"اعلى", "ارفع", "ابرز", "اكبر", "اقدم"}  # before a title: the highest official
_TITLE_LINKS = {"باسم", "باسمه", "باسمها", "باسمهم", "بلسان", "لدى", "لشؤون", "العام", "العامة", "الاعلى", "العليا", "الابيض",
                "المتحدة", "الدائم", "الخاص", "الخاصة", "الرسمي", "الرسمية", "الاول",
                "الاولى", "الثاني", "السابق", "السابقة", "الجديد", "الجديدة", "الحالي",
                "الاسلامية", "الاسلامي", "الشريفين", "الاوسط", "الاحمر", "العالمية",
                "رفيع", "رفيعة", "كبير", "كبيرة", "بارز", "بارزة", "سابق", "سابقة", "آخر", "اخر",
                "الاسبق", "المكلف", "المكلفة", "المنتخب", "المنتخبة", "المستقيل", "المستقيلة", "المؤقت", "المؤقتة",
                "عيان"}  # (شاهد عيان)
_TITLE_INDEF = {"خارجية", "دفاع", "داخلية", "وزراء", "حكومة", "وزارة", "مجلس", "جمهورية",
                "عام", "اركان", "الدولة", "دولة", "مكتب", "قوات", "جيش", "حزب", "حركة",
                "رئاسة", "لجنة", "هيئة", "منظمة", "امن", "مدينة", "بلدية", "شرطة", "ادارة"}
_NAME_PARTICLES = {"عبد", "ابو", "بن", "ابن", "بنت", "ام", "آل", "ال", "دي", "دو", "فان", "ايه", "اية", "آية", "آيه",
                   "فون", "لو", "لا", "ولد", "سيدي", "ابي"}
_DISCOURSE = {"و", "ف", "اما", "لكن", "ولكن", "بينما", "فيما", "كما", "اذ", "حيث", "وفيما", "وبينما", "واذ",
              "وكان", "وكانت", "كان", "كانت", "فكان", "وقد", "قد", "ثم", "بدوره", "بدورها",
              "وبدوره", "وبدورها", "حين", "في", "من", "جهته", "جهتها", "جانبه", "جانبها",
              "ناحيته", "ناحيتها", "ان", "كذلك", "وكذلك", "ايضا", "ولفت", "وهنا", "بيد", "غير",
              "الا", "لكنه", "لكنها", "لكنهم", "ولكنه", "ولكنها", "انه", "انها", "انهم", "اما", "واما",
              "فانه", "فانها", "وان", "كما", "وهو", "وهي", "فقد", "لقد", "ولقد"}


@lru_cache(maxsize=131072)
def _bare(tok: str) -> str:
    """Strip the article and the feminine ending: الوزيرة -> وزير."""
    for p in ("وال", "فال", "بال", "لل", "ال"):
        if tok.startswith(p) and len(tok) > len(p) + 1:
            tok = tok[len(p) :]
            break
    return tok


_HONORIFICS = {"الشيخ", "الدكتور", "الامير", "اللواء", "العميد", "العقيد", "المهندس", "السيد",
               "السيدة", "الجنرال", "الفريق", "المستشار", "الاميرة", "الدكتورة",
               "الملازم", "النقيب", "الرقيب", "المشير", "الكابتن", "البروفيسور"}
_ROYAL_HONORIFICS = {"الامير", "الاميرة", "الشيخ"}
_ENVOY_HEADS = {"مبعوث", "سفير", "مندوب", "ممثل", "مفوض", "مبعوثة", "سفيرة", "مندوبة", "ممثلة"}
_DOCUMENT_NOUNS = {"البيان", "التصريح", "الرسالة", "التغريدة", "المنشور", "الخطاب"}
# as names are compared (التغريده); not "the letter", often someone else's ("رسالة من ...")
_DOCUMENT_KEYS = frozenset(name_key(w) for w in _DOCUMENT_NOUNS - {"الرسالة"})
_QUANTIFIERS = {"بعض", "عدد", "عدة", "مجموعة", "كثيرون", "غالبية", "معظم", "الكثير", "العديد", "كثير",
                "اكثر", "نحو", "حوالي", "قرابة"}
_NOT_NOUNS = {"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "الى", "الا", "اللاتي", "إلى",
              "إلا"}


# Foreign first names that start like the article (ألكسندر، ألبرت، آلان): names, not definite nouns.
_AL_FIRST_NAMES = {"الكسندر", "الكساندر", "الكسندرا", "الكسي", "اليكسي", "اليكس", "اليكسيس", "البرت", "الفريد",
                   "الان", "اليزابيث", "الينا", "اليسا", "اليساندرو", "الفارو", "الفونسو", "الدو", "الما", "اليكسندر"}


def _is_definite(tok: str) -> bool:
    return tok.startswith("ال") and len(tok) > 3 and tok not in _NOT_NOUNS and tok not in _AL_FIRST_NAMES


def _has_pronoun_suffix(tok: str) -> bool:
    return len(tok) > 4 and tok.endswith(("ه", "ها", "هم", "هما")) and not tok.endswith("الله") \
        and not tok.startswith("ال")


def _is_nisba(tok: str) -> bool:
    """Relational adjective (الروسي، الإسرائيلية، الأمريكيين)."""
    return _is_definite(tok) and tok.endswith(("ي", "ية", "يين", "يون"))


def _is_word(tok: str) -> bool:
    return tok[:1].isalnum() and not tok.isdigit()


# --- mention parsing ---------------------------------------------------------


@dataclass
class Mention:
    start: int  # offsets in the normalised text
    end: int
    title: str  # title part ("" if none)
    name: str  # name part ("" if title only)
    kind: str  # person | organization | group | unknown


def _tokens(s: str, start: int, end: int, limit: int = 40):
    """(token, start, end) of at most ``limit`` words/punctuation marks in s[start:end]."""
    toks = [(m.group(), m.start(), m.end()) for m in islice(_TOKEN_RE.finditer(s, start, end), limit)]
    if s.find("بان ك", start, end) >= 0:
        # "بان كي مون" is a name, not the particle بأن
        toks = [("بـان", a, b) if t == "بان" and k + 2 < len(toks) and toks[k + 1][0] in ("كي", "كى")
                 and toks[k + 2][0] == "مون" else (t, a, b) for k, (t, a, b) in enumerate(toks)]
    return toks


_ORG_WITH_PROPER_NAME = {"وكالة", "صحيفة", "قناة", "موقع", "شبكة", "شركة", "حركة", "حزب", "جماعة",
                         "مجلة", "جريدة", "تنظيم", "منظمة", "جبهة", "اذاعة", "مؤسسة", "جامعة", "بنك",
                         "مركز", "معهد", "مجموعة", "ائتلاف", "تحالف", "كتائب", "مستشفى"}


def _is_media_l(t: str) -> bool:
    """لوكالة، للصحفيين، لـCNN: the addressee of a statement, never its speaker."""
    if not t.startswith("ل") or t == "لدى":
        return False
    rest = t[1:].rstrip("0123456789")  # لفرانس24
    return rest in _MEDIA_NOUNS or _bare(rest) in _MEDIA_NOUNS or ("ال" + t[2:]) in _MEDIA_NOUNS \
        or rest[:1].isascii()


def _is_organisation_l(t: str) -> bool:
    """لمجموعة، لوزارة: ل before an institution, the addressee when it follows the verb."""
    return t.startswith("ل") and len(t) > 3 and (t[1:] in _ORG_WITH_PROPER_NAME or _bare(t[1:]) in _ORG_HEADS)


def _is_lam_link(t: str, nxt: str, nxt2: str = "") -> bool:
    """A ل-phrase continuing a title (لشؤون الهجرة، للأرصاد، لشركة أوبر،
    لتويتر), not a first name that happens to start with ل (ليلى، لينا، لوكا،
    ليام): names mostly read لي/لو, prepositional phrases rarely do unless a
    definite genitive, a place or an institution follows (لوزارة الخارجية);
    and a ل-first name is followed by just its surname, not by a comma
    (ليوفنتوس، ماركو سيلفا) or by a full name (ليوفنتوس ماركو سيلفا)."""
    if not t.startswith("ل") or len(t) <= 3:
        return False
    rest = t[1:]
    if rest[0] not in "يو" or t.startswith("لل") or _is_definite(nxt) or not _is_word(nxt or "،"):
        return True
    if _is_word(nxt2 or "،") and not _is_definite(nxt2) and nxt2 not in _STOP_WORDS and nxt2 not in _MARKERS:
        return True
    return rest in _COUNTRIES or "ال" + rest in _COUNTRIES or _bare(rest) in _ORG_HEADS \
        or _bare(rest) in _PERSON_HEADS or rest in _TITLE_INDEF


def _is_stop(t: str, ba_object: bool) -> bool:
    if t in _STOP_WORDS or _is_media_l(t):
        return True
    if t.startswith("ب") and (t[1:] in _BA_NOUNS or t[1:] in _SPEECH_NOUNS):
        return True  # بمقتل، بحماية، ببيان: a prepositional phrase, not a name
    if t.startswith("بال") and len(t) > 4:
        return True  # بالقول، بالاجماع: an adverbial, not a name
    return ba_object and t.startswith("ب") and len(t) > 3 and t not in _TITLE_LINKS \
        and t not in _COUNTRIES  # (متحدث باسم: a title; "حكومة بغداد": a place)


# Derived-verb participles (مُفاعِل، مُتفاعِل، مُستفعِل، مُفتعِل): with the accusative
# ending they describe how something was said (مخاطبا، متسائلا), never a name.
_PARTICIPLE_SHAPE = re.compile(r"^(?:م\wا\w\w|مت\wا\w\w|مت\w\w\w|مست\w\w\w|م\wت\w\w)$")
_ADVERBIAL_ACCUSATIVES = {"نقلا", "استنادا", "ردا", "وفقا", "طبقا", "مقدما", "تعليقا", "اضافة"}


# Arabic names of Latin letters, as acronyms are spelt (سي إن إن، آر إن سي، بي بي سي).
_LETTER_NAMES = {"اي", "بي", "سي", "دي", "اف", "جي", "اتش", "اش", "كيه", "كي", "ال", "ام", "ان", "او", "ار", "اس",
                 "تي", "يو", "في", "اكس", "واي", "زد", "ايه", "اى", "بى", "سى", "دى", "تى", "فى"}


def _ends_name(t: str, nxt: str) -> bool:
    """A word that cannot continue a name already begun: an adverbial accusative
    ("أنترفاكس نقلا عن"، "كيم مخاطبا ترامب"، "نيويوركر استنادا إلى") or a ب-phrase
    on a verbal noun or an institution ("ظريف بموقع تويتر"، "ماي بمناسبة"), or
    a ل-phrase on a plural of people (the addressees)."""
    if t in _ADVERBIAL_ACCUSATIVES:
        return True
    if t.endswith("ا") and len(t) >= 5 and not t.endswith(("يا", "ىا")):
        stem = t[:-1]
        if stem in _MASDARS or _MASDAR_SHAPE.match(stem) and stem[1:2] != "و":
            return True  # (not "اوباما": no إفعال masdar has و second)
        if _PARTICIPLE_SHAPE.match(stem) and _is_word(nxt or "،") and nxt not in _STOP_WORDS \
                and nxt not in _MARKERS and nxt not in VERB_FORMS:
            return True  # with its object after it (a surname like مكامبا ends the mention)
    if t.startswith("ل") and (len(t) >= 7 and t.endswith("يين") or t[1:] in _GROUP_HEADS):
        return True  # "روحاني لدبلوماسيين إيرانيين": the addressees
    if t.startswith("ب") and len(t) >= 5 and not t.startswith("بن"):
        rest = t[1:]
        return rest in _BA_NOUNS or rest in _ORG_WITH_PROPER_NAME or rest in _MEDIA_NOUNS  # (not بادشاه)
    return False


def _quoted_run(toks: list, j: int) -> int:
    """If toks[j] opens a short quote (≤5 words) return the index after it, else -1."""
    n = len(toks)
    k = j + 1
    while k < n and k - j <= 6 and toks[k][0] not in _ALL_QUOTES:
        if not _is_word(toks[k][0]):
            return -1
        k += 1
    if k < n and k > j + 1 and toks[k][0] in _ALL_QUOTES:
        return k + 1
    return -1


def _looks_like_title_construct(toks: list, i: int, ba_object: bool) -> int:
    """'نجم المنتخب الإيراني لكرة القدم سردار آزمون': an indefinite head, then
    definite genitives, then an indefinite name.  Returns the index where the
    name starts, or -1."""
    n = len(toks)
    if i + 1 < n and toks[i + 1][0] in _COMPOUND_SECONDS and toks[i][0] not in ("رجل", "رجال", "علماء"):
        return -1  # "نور الدين بوطيب": a compound first name (but رجل الدين is a cleric)
    if i + 1 < n and _is_definite(toks[i + 1][0]) and _bare(toks[i + 1][0]) in _PERSON_HEADS:
        return -1  # "ترامب المسؤول عن": a name, then a title or an object
    if i + 1 < n and (toks[i + 1][0] in _COUNTRIES or toks[i + 1][0] == "الامم"
                      or _is_definite(toks[i + 1][0]) and _bare(toks[i + 1][0]) in _ORG_HEADS
                      or (toks[i + 1][0], toks[i + 2][0] if i + 2 < n else "") in _TWO_WORD_PLACES):
        return -1  # "ودعا عباس الأمم المتحدة": a name, then its object
    if i + 1 < n and _is_nisba(toks[i + 1][0]) and toks[i + 1][0].endswith("ي") and toks[i + 1][0] not in _TITLE_LINKS:
        return -1  # "غالي الجهني المشرف العام": a first name and a nisba surname
    if toks[i][0] in _NAME_PARTICLES or i + 1 >= n or not (
            _is_definite(toks[i + 1][0]) or _bare(toks[i + 1][0]) in _ORG_HEADS or toks[i + 1][0] in _TITLE_INDEF
            or toks[i + 1][0] in _PERSON_HEADS):
        return -1
    k = i + 1
    while k < n and k - i <= 7:
        t = toks[k][0]
        if t in _STOP_WORDS:
            break
        if _is_definite(t) or t in _TITLE_LINKS or (t.startswith("ل") and len(t) > 3 and not _is_media_l(t)) \
                or (k == i + 1 and (_bare(t) in _ORG_HEADS or t in _TITLE_INDEF or t in _PERSON_HEADS)):
            k += 1
            continue
        break
    if any(_bare(x[0]) in _PERSON_HEADS for x in toks[i + 2 : k]):
        return -1  # "سعد الحديثي المتحدث باسم ...": a name, then its title
    if k == i + 2 and (toks[i + 1][0].endswith("ات") or toks[i + 1][0] in _USUAL_OBJECTS):
        return -1  # "ونفى ماكيب الاتهامات"، "نفى ماتيس الأمر": a name, then its object
    if k > i + 1 and (k >= n or not _is_word(toks[k][0]) or toks[k][0] in _STOP_WORDS or toks[k][0] in _MARKERS) \
            and (k > i + 2 or not toks[k - 1][0].endswith("ي")):
        return -(k)  # a title with no name: "مدرب المنتخب المغربي"
    if k < n and _is_word(toks[k][0]) and not _is_definite(toks[k][0]) and not _is_stop(toks[k][0], ba_object) \
            and toks[k][0] not in _MARKERS:
        return k
    return -1


# definite nouns that are the usual objects of نفى، أكد، أعلن ... ("نفى ماتيس الأمر")
_USUAL_OBJECTS = {"الامر", "الخبر", "المزاعم", "الادعاءات", "الانباء", "التقارير", "الاتهام", "الاتهامات", "التهمة",
                  "التهم", "الواقعة", "الحادث", "الرواية", "المعلومات", "الشائعات", "النبا"}
# numbers and adjectives that go on a group's title (وزراء خارجية الدول السبع الكبرى)
_ORDINAL_ADJECTIVES = {"السبع", "الثماني", "العشرين", "الخمس", "الست", "الكبرى", "الكبار", "الاعضاء", "الصناعية"}
_BROKEN_PLURAL_OBJECTS = {"المزاعم", "الانباء", "التقارير", "التهم"}  # (plurals of things: feminine agreement)
# second halves of compound first names (نصر الله، زين الدين): never a title's genitive
_COMPOUND_SECONDS = {"الله", "الدين"}


def _coordinated_names(toks: list, k: int) -> int:
    """Index after "NAME (وNISBA NAME)+" starting at ``k`` ("سيرغي لافروف والتركي مولود
    تشاوش أوغلو والإيراني محمد جواد ظريف"), or ``k`` when fewer than two are named."""
    n, j, named = len(toks), k, 0
    while True:
        a = j
        while j < n and j - a < 4 and _is_word(toks[j][0]) and not _is_definite(toks[j][0]) \
                and toks[j][0] not in _STOP_WORDS and toks[j][0] not in _MARKERS and toks[j][0] not in VERB_FORMS \
                and not toks[j][0].startswith("و") \
                and not (j > a and (len(toks[j][0]) >= 7 and toks[j][0].endswith("ات")
                                    or _ends_name(toks[j][0], toks[j + 1][0] if j + 1 < n else ""))):
            j += 1  # (a plural noun or an adverb after a name is the clause going on: "ظريف اجتماعات")
        if j == a:
            return k
        named += 1
        if j + 1 < n and toks[j][0][:1] == "و" and _is_definite(toks[j][0][1:]) and _is_nisba(toks[j][0][1:]):
            j += 1  # "والتركي": the next one's country
            continue
        return j if named >= 2 else k


def _without_possessive(t: str) -> str:
    """"مندوبها" -> "مندوب": the noun without its pronoun ها، هم، هما."""
    return t[:-3] if t.endswith("هما") else t[:-2]


def _place_then_name(toks: list, k: int) -> int:
    """After "في" in a title: a place or body of 1-3 words (definite, a country, or
    their adjectives) and then a name of 2-3 words that ends the mention.  Returns
    where the name starts, or -1 ("المسؤول في الهلال الأحمر الأفغاني محمد إسماعيل")."""
    n = len(toks)
    for size in (1, 2, 3, 4, 5):
        place = toks[k : k + size]
        if len(place) < size or not all(_is_word(t[0]) for t in place):
            return -1
        body = _bare(place[0][0]) in _ORG_HEADS and not _is_definite(place[0][0])  # في مجلس العموم
        if not (_is_definite(place[0][0]) or place[0][0] in _COUNTRIES or body) \
                or any(not (_is_definite(t[0]) or _is_nisba(t[0]) or t[0] in _COUNTRIES
                            or t[0].startswith("ل") and len(t[0]) > 3)
                       for t in place[1:]):
            return -1  # (a body's name may go on with ل: "في مجلس الأمم المتحدة لحقوق الإنسان")
        a = k + size
        for length in (2, 3):
            b = a + length
            # (a surname may look definite: الحسين، أليغرا is written اليغرا once hamza is folded)
            if b <= n and not _is_definite(toks[a][0]) and _name_like(toks, a, b) \
                    and not (toks[a][0][:1] in "بل" and toks[a][0][1:] in _COUNTRIES) \
                    and (b == n or not _is_word(toks[b][0]) or toks[b][0] in _STOP_WORDS or toks[b][0] in _MARKERS
                         or toks[b][0] in _OBJECT_NOUNS or toks[b][0] in _TIME_WORDS
                         or toks[b][0].startswith("بال")):
                return a
    return -1


def _without_prefix(toks: list, n: int, replacement: str = "") -> list:
    """``toks`` with the first ``n`` letters of the first token dropped (a و or ل
    prefix), optionally replaced for reading ("للجيش" is read as "الجيش"); its
    offset moves past the dropped letters, so names are sliced without them."""
    t, a, b = toks[0]
    return [(replacement + t[n:], a + n, b)] + toks[1:]


def _ba_name_after_title(toks: list, i: int, j: int) -> bool:
    """A name that starts with ب right after a person's title ("وصف رئيس الوزراء
    الإسرائيلي بنيامين نتنياهو القرار"), not a ب-object."""
    t, n = toks[j][0], len(toks)
    return _bare(toks[i][0]) in _PERSON_HEADS and not t.startswith("بال") and t[1:] not in _BA_NOUNS \
        and not _MASDAR_SHAPE.match(t[1:]) and not t.endswith(("ة", "ات")) and j + 1 < n \
        and _is_word(toks[j + 1][0]) and not _is_definite(toks[j + 1][0]) \
        and not toks[j + 1][0].endswith(("ة", "ات"))


def _parse_mention(s: str, toks: list, i: int, ba_object: bool = False,
                   obj_verb: bool = False) -> tuple[Mention | None, int]:
    """Read a speaker noun phrase starting at token ``i``.

    Returns (mention or None, index of the first token after it).
    Grammar (greedy, stops at any stop word or punctuation):
      [title head + genitives/adjectives/links]* [name tokens | "quoted name"]
    """
    n = len(toks)
    j = i
    title_end = i  # tokens [i, title_end) are the title part
    kind = None
    head = None
    while j < n and j - i < 14:
        t = toks[j][0]
        b = _bare(t)
        if t in _ALL_QUOTES:
            # a short quoted name: “ماريا زاخاروفا”, صحيفة "الأهرام", "ميسي إيران"
            k = _quoted_run(toks, j)
            if k < 0:
                break
            if j > title_end or j > i and kind != "organization" and j + 1 < n and toks[j + 1][0] in _MARKERS:
                break  # a quote after a name is content: ماكرون «لن نتراجع»، الوزير «إن الوضع صعب»
            if j == i:
                # quoted nickname first: a title-like label, a name may follow
                kind = "person"
                title_end = k
                j = k
                continue
            if title_end == j and kind == "organization" and head not in _ORG_WITH_PROPER_NAME \
                    and not (_bare(toks[j - 1][0]) in _ORG_HEADS or toks[j - 1][0] in _MEDIA_NOUNS):
                break  # 'دعت الولايات المتحدة الأمريكية "تحالف دعم الشرعية"': the object
            if title_end == j:
                title_end = k if kind == "organization" else title_end
            if kind is None:
                kind = "person"
            j = k
            continue
        if t == "-" and j > i and j + 1 < n and _is_word(toks[j + 1][0]) and toks[j - 1][2] == toks[j][1] \
                and toks[j + 1][1] == toks[j][2]:
            j += 2  # جان-كلود
            continue
        if t == "ان" and j > i and ((toks[j - 1][0] == "سي" and j + 1 < n and toks[j + 1][0] == "ان")
                                    or (j >= 2 and toks[j - 1][0] == "ان" and toks[j - 2][0] == "سي")
                                    or (toks[j - 1][0] in _LETTER_NAMES and toks[j - 1][0] != "في" and j + 1 < n
                                        and toks[j + 1][0] in _LETTER_NAMES and toks[j + 1][0] != "ان")):
            j += 1  # "سي إن إن" (CNN), "آر إن سي": the letter N of an acronym, not the particle إن
            continue
        if t == "(" and j > i and title_end == j and kind == "person":
            close = next((k for k in range(j + 1, min(n, j + 6)) if toks[k][0] == ")"), -1)
            if close > 0 and _name_like(toks, close + 1, close + 2) and not toks[close + 1][0].startswith("ب"):
                j = title_end = close + 1  # "المتحدثة باسم وزارة الدفاع الأمريكية (البنتاغون) دانا وايت"
                continue
        if not _is_word(t):
            break
        if j == i and t.startswith("ب") and len(t) > 4 and (t[1:] in _BA_NOUNS or _MASDAR_SHAPE.match(t[1:])
                                                          or t.endswith("ة") and not t[1:] in _COUNTRIES):
            break  # "اتهمها بإهانة القضاء": a prepositional phrase
        if j > i and j == title_end and kind == "person" and t.startswith("ب") and len(t) > 5 \
                and (_MASDAR_SHAPE.match(t[1:]) or _INFIAL.match(t[1:])) and b not in _ORG_HEADS \
                and t[1:] not in _ORG_HEADS and t[1:] not in _TITLE_INDEF:
            break  # "وأفاد مسؤول أمني صومالي بانفجار سيارة": what he reported, not his name
        if j == i and t.endswith("ا") and (_MASDAR_SHAPE.match(t[:-1]) or t[:-1] in _MASDARS) \
                and j + 1 < n and toks[j + 1][0].startswith("ب"):
            break  # "تتوقع ارتفاعا بنسبة": an accusative verbal noun, the object
        if t == "ال" and j + 1 < n and toks[j + 1][0][:1].isdigit() and j > i:
            j += 2  # "المؤتمر الدولي الـ 12": an ordinal inside the name
            title_end = max(title_end, j) if title_end == j - 2 else title_end
            continue
        if j == i and t == "صاحب" and j + 1 < n and toks[j + 1][0] in ("السمو", "المعالي", "الفضيلة", "السعادة"):
            j += 2  # "صاحب السمو الملكي الأمير ...": an honorific before the title
            j += j < n and toks[j][0] == "الملكي"
            kind, head, title_end = "person", "صاحب", j
            continue
        if t in ("د", "م", "ا", "أ") and j + 1 < n and toks[j + 1][0] == "." and (j == i or title_end == j):
            kind = "person"  # "د. عبدالرحمن المديرس"، "م. فهد الجبير"، "الشيخ د. خالد": Dr., Eng.
            j += 2
            title_end = j
            if j + 1 < n and _is_definite(toks[j][0]) and _bare(toks[j][0]) not in _PERSON_HEADS \
                    and (not _is_word(toks[j + 1][0]) or toks[j + 1][0] in _STOP_WORDS) and toks[j][0] not in _STOP_WORDS:
                j += 1  # "وأكد د. الثقيل أن": the surname alone
                break
            continue
        if j == i and (t.startswith("لل") or _is_organisation_l(t)):
            break  # "ويوضح للملأ"، "وصرح لمجموعة فونكه": the addressee
        if j == i and t.startswith("ل") and len(t) > 4 and (t[1:] in _MASDARS or _MASDAR_SHAPE.match(t[1:])):
            break  # "ودعا لتشكيل محاكم خاصة": what was called for
        if j == i and _has_pronoun_suffix(t) and j + 1 < n and _is_definite(toks[j + 1][0]) \
                and (_bare(toks[j + 1][0]) in _PERSON_HEADS or toks[j + 1][0] in _HONORIFICS):
            kind, head = "person", b  # "وكيله المحامي دان كينغ": his agent, the lawyer X
            j += 1
            title_end = j
            continue
        if j == i and not obj_verb and any(t.endswith(suf) and t[: -len(suf)] in _GROUP_PLURALS
                                           for suf in ("هم", "ها", "ه")):
            kind, head = "group", t  # "ويقول أنصاره إن": his supporters (أفعال is no verbal noun here)
            j += 1
            title_end = j
            break
        if j == i and obj_verb and len(t) >= 4 and t.endswith("ه") and not _is_definite(t) and t not in _COUNTRIES \
                and not t.endswith("ييه"):  # (ديدييه، أوليفييه: French names in -ier, not "his ...")
            break  # "أبدى رضاه عن": his satisfaction, the object
        if j == i and len(t) >= 5 and not _is_definite(t) and (
                t.endswith(("ته", "تها", "تهم")) or t.endswith("ه") and (_MASDAR_SHAPE.match(t[:-1]) or t[:-1] in _MASDARS)):
            break  # "وكرر رغبته في"، "وكرر اعتقاده بأن": his wish, his belief: the object
        if j == i and t[:1] in "وف" and t[1:] in VERB_FORMS:
            break  # "شيئا يذكر، ويشدد على": a second verb, not a name
        if j == i and len(t) > 4 and t.endswith(("ها", "هم", "هما")) and not _is_definite(t) \
                and _without_possessive(t) in _PERSON_HEADS:
            kind, head = "person", _without_possessive(t)  # "إذ أعلن مندوبها الدائم لدى الأمم المتحدة داني دانون"
            j += 1
            title_end = j
            continue
        if j == i and len(t) > 4 and t.endswith(("ها", "هم", "هما", "كم")) and not _is_definite(t):
            break  # "وردت أسماؤهم": a noun with a pronoun suffix is not a speaker
        if j > i and title_end == j and t[1:] in ("شمال", "جنوب", "شرق", "غرب") and t[0] == "و" and j + 1 < n \
                and _is_word(toks[j + 1][0]):
            j += 2  # "مديرة قسم الشرق الأوسط وشمال أفريقيا": the region goes on
            title_end = j
            continue
        if j > i and title_end == j and kind in (None, "person") and t[:1] == "و" and _bare(t[1:]) in _PERSON_HEADS \
                and not _is_definite(t[1:]) and j + 1 < n \
                and (_is_definite(toks[j + 1][0]) or _bare(toks[j + 1][0]) in _ORG_HEADS) \
                and _bare(toks[j + 1][0]) not in _PERSON_HEADS:
            # "الممثل الخاص للأمين العام ورئيس البعثة الأممية، محمد صالح النظيف"، "عضو مجلس إدارة الغرفة
            # ورئيس لجنة الزراعة محمد الحمادي": one person, two titles
            j += 2
            title_end = j
            kind = "person"
            continue
        if j > i and t.startswith("و") and len(t) > 5 and (_is_definite(t[1:]) or _bare(t[1:]) in _PERSON_HEADS
                                                          or _bare(t[1:]) in _ORG_HEADS) and kind != "group":
            if title_end == j and kind in (None, "person") and _is_definite(toks[i][0]) and _is_definite(t[1:]) \
                    and not _is_nisba(t[1:]) and j + 1 < n and _is_word(toks[j + 1][0]):
                j += 1  # "المخرج والمؤلف محمد الحلال": one person with two titles
                title_end = j
                continue
            if title_end == j and j + 1 < n and (
                    _is_nisba(t[1:]) and _is_nisba(toks[j - 1][0].removeprefix("و"))
                    or _is_definite(t[1:]) and _is_definite(toks[j - 1][0]) and not _is_nisba(t[1:]) and _bare(t[1:]) not in _PERSON_HEADS and _bare(t[1:]) not in _ORG_HEADS
                    and j - 2 >= i and not _is_definite(toks[j - 2][0])):
                # "رئيس اللجنة الرقمية والثقافية"، "رئيس مؤسسة الحج والزيارة"، "وزير التربية والتعليم":
                # coordinated adjectives, genitives
                j += 1
                title_end = j
                continue
            break  # "X والرئيس Y": a second noun phrase, not part of this name
        if j == i and t in _ELATIVES and j + 1 < n and (_bare(toks[j + 1][0]) in _PERSON_HEADS
                                                          or toks[j + 1][0] in _UNKNOWN_HEADS):
            j += 1  # "أعلى مسؤول بالاتحاد الأوروبي"، "أرفع دبلوماسي": a superlative, then the title
            title_end = j
            continue
        if j == i and t in ("احد", "احدى") and j + 1 < n and _is_word(toks[j + 1][0]) \
                and toks[j + 1][0] not in _STOP_WORDS:
            kind, head = "unknown", t  # أحد أنصاره، أحد المتظاهرين
            j += 2
            title_end = j
            continue
        if j == i and t in _QUANTIFIERS:
            kind, head = "group", t  # بعض المشاركات، عدد من النواب
            j += 1
            title_end = j
            if j < n and toks[j][0] == "من":
                j += 1
                title_end = j
            inner, k = _parse_mention(s, toks, j, ba_object) if j < n and _is_word(toks[j][0]) else (None, j)
            if inner is not None:  # "بعض خبراء الاجتماع": the whole noun phrase is the group
                return Mention(toks[i][1], toks[k - 1][2], s[toks[i][1] : toks[k - 1][2]], "", "group"), k
            continue
        if t == "على" and title_end == j and j > i and toks[j - 1][0] in ("العام", "العامة") \
                and j + 1 < n and _is_word(toks[j + 1][0]) and toks[j + 1][0] not in _STOP_WORDS:
            j += 1  # المشرف العام على البرنامج ...: one title
            title_end = j
            continue
        if t in ("اول", "ركن", "الركن") and title_end == j and j > i and _bare(toks[j - 1][0]) in _RANKS:
            j += 1  # "الفريق أول ركن فهد بن تركي": the rank has more words
            title_end = j
            kind = "person"
            continue
        if t in ("المنتهية", "المنتهي") and title_end == j and j > i and j + 1 < n and toks[j + 1][0].startswith("ولايت"):
            j += 2  # "رئيس مجلس النواب المنتهية ولايته سليم الجبوري": outgoing
            title_end = j
            continue
        if t in _COMPLEMENT_PARTICIPLES and title_end == j and kind in (None, "person") and j + 1 < n \
                and (toks[j + 1][0].startswith("ب") and len(toks[j + 1][0]) > 3
                     or toks[j + 1][0] == "عن" and j + 2 < n and _is_word(toks[j + 2][0])):
            j += 2 + (toks[j + 1][0] == "عن")  # "وزير النقل الإسرائيلي المكلف بالاستخبارات إسرائيل كاتس": one title
            title_end = j
            kind, head = "person", head or "مسؤول"
            continue
        if t in ("البالغ", "البالغة") and j > i:
            break  # "المدافع الأرجنتيني البالغ عمره 33 عاما": an age, not a name
        if t in _NAMING_WORDS and (title_end == j or j == i + 1) and j > i and kind in (None, "person", "unknown") and j + 1 < n \
                and _is_word(toks[j + 1][0]) and toks[j + 1][0] not in _STOP_WORDS:
            kind = "person"  # "امرأة تدعى كارول": the name follows
            j += 1
            title_end = j
            if "اسم" in t:
                continue  # ("زيكو واسمه الكامل ...": an aside after the name)
            k = j
            while k < n and k - j < 3 and _is_word(toks[k][0]) and toks[k][0] not in _STOP_WORDS \
                    and toks[k][0] not in _MARKERS and toks[k][0] not in VERB_FORMS:
                k += 1  # whatever its words mean ("شاهد عيان يدعى يوسف نجاح": نجاح is his name, not "success")
            j = k
            break
        if t in ("هذه", "هذا", "تلك", "ذلك") and title_end == j and j > i and not _is_definite(toks[j - 1][0]) \
                and _bare(toks[j - 1][0]) in _PERSON_HEADS and j + 1 < n and _is_definite(toks[j + 1][0]):
            j += 2  # "رئيسة هذه الكتل إليان أساسي"
            title_end = j
            continue
        if t in ("إلى", "الى") and title_end == j and head in _ENVOY_HEADS and j + 1 < n \
                and _is_word(toks[j + 1][0]) and toks[j + 1][0] not in _STOP_WORDS:
            j += 2  # المبعوث الأممي إلى اليمن
            title_end = j
            continue
        if t == "في" and title_end == j and j == i + 1 and _is_definite(toks[i][0]) and j + 4 <= n \
                and not _is_definite(toks[j + 2][0]) and _name_like(toks, j + 2, j + 4) \
                and (j + 4 == n or not _is_word(toks[j + 4][0]) or toks[j + 4][0] in _STOP_WORDS
                     or _is_definite(toks[j + 4][0]) and j + 5 < n and not _is_word(toks[j + 5][0])):
            j += 2  # "القيادي في حماس إسماعيل رضوان الذي": a profession in a body, then the name
            title_end = j
            kind = "person"
            continue
        if t == "في" and title_end == j and j > i and kind in (None, "person") \
                and (_bare(toks[i][0]) in _PERSON_HEADS or _bare(toks[i][0]) in _ENVOY_HEADS):
            k = _place_then_name(toks, j + 1)
            if k > 0:
                j = title_end = k  # "السفير الأمريكي في إسرائيل ديفيد فريدمان": where he serves, then the name
                kind = "person"
                continue
        if kind in ("unknown", "person") and head in _UNKNOWN_HEADS and title_end == j and j > i \
                and not _is_definite(toks[i][0]) and t in ("في", "من") and j + 1 < n \
                and (_is_definite(toks[j + 1][0]) or _bare(toks[j + 1][0]) in _ORG_HEADS):
            j += 2  # "متحدث في المجلس الوطني للمقاومة": the body he speaks for
            title_end = j
            continue
        if j > i and t.endswith(("ين", "ات")) and (t[:-2] + "ا") in VERB_FORMS:
            break  # "عدد من المشجعين قائلين": a plural participle, the report's manner
        if j > i and (j > title_end or kind == "organization") and _ends_name(t, toks[j + 1][0] if j + 1 < n else ""):
            break
        if j > i and t in VERB_FORMS and not VERB_FORMS[t].finite:
            break  # "أبدى المستشار حذرا أكبر مشيرا إلى": a participle continues the report, no name
        if j > i and len(t) == 5 and t.endswith("ا") and _FAAIL_SHAPE.match(t[:-1]) and t[-2] not in "لي" \
                and kind in (None, "person") and t not in _COUNTRIES \
                and (j == title_end or j + 1 < n and (toks[j + 1][0] in _ALL_QUOTES or toks[j + 1][0] in (":", "عدم"))):
            break  # "وقال الوزير مازحا"، "المسؤول طالبا عدم نشر اسمه"، "كيري مازحا "...": how he said it
            # (not a name of that shape: كارلا، "لوبوش بارتا، المدير")
        if j > i and title_end == j and t.startswith("بال") and b in _ORG_HEADS and not ba_object \
                and not _is_definite(toks[j - 1][0]) and _bare(toks[j - 1][0]) in _PERSON_HEADS | _UNKNOWN_HEADS:
            j += 1  # "مسؤول بالاتحاد الأوروبي"، "ضابط بالجيش": the body he serves in, and
            while j < n and _is_definite(toks[j][0]) and _is_nisba(toks[j][0]):
                j += 1  # its adjectives; no name follows ("مسؤول بالشرطة رفض الإفصاح عن هويته")
            title_end = j
            break
        if _is_stop(t, ba_object and j > i and not (j == title_end and kind == "person"
                                                     and _ba_name_after_title(toks, i, j))):
            break
        if (t in _MASDARS or _MUFAALA.match(t) or t.endswith("ا") and t[:-1] in _MASDARS or t in _OBJECT_NOUNS) \
                and (j == i or j == title_end) \
                and not (j > i and not _is_definite(toks[j - 1][0]) and (_bare(toks[j - 1][0]) in _ORG_HEADS
                                                                       or toks[j - 1][0] in _PERSON_HEADS)):
            # (but an indefinite head takes a genitive: "وحدة مكافحة الإرهاب"، "رئيس هيئة مكافحة الفساد")
            break  # a verbal noun opens the object, not a name (أكد المجتمعون مواصلة الدعم)
        if j == i:
            if b in _PERSON_HEADS or t in _PERSON_HEADS:
                kind, head = "person", b
                j += 1
                title_end = j
                continue
            if b in _ORG_HEADS or t in _ORG_HEADS or b == "قيادة" and j + 1 < n and (
                    _bare(toks[j + 1][0]) in _ORG_HEADS or toks[j + 1][0] in ("العامة", "المركزية", "المشتركة")):
                # ("قيادة القوات المشتركة"، "القيادة العامة": a command; "قيادة إيمري" is a leadership)
                kind, head = "organization", b
                j += 1
                title_end = j
                continue
            if t in _GROUP_HEADS or b in _GROUP_HEADS or t == "دول":  # ("دول أوروبية"; "الدول" is often the object)
                kind, head = "group", b
                j += 1
                title_end = j
                continue
            if t in _UNKNOWN_HEADS or b in _DATA_NOUNS:
                kind, head = "unknown", b
                j += 1
                title_end = j
                inner, k = _parse_mention(s, toks, j) if b in _DATA_NOUNS and j < n and _is_word(toks[j][0]) \
                    else (None, j)
                if inner is not None and inner.kind == "organization":
                    # "تقديرات وكالة الفضاء الأوروبية": whose figures they are
                    return Mention(toks[i][1], toks[k - 1][2], s[toks[i][1] : toks[k - 1][2]], "", "unknown"), k
                continue
            pair = (t, toks[j + 1][0] if j + 1 < n else "")
            if t in _COUNTRIES or pair in _TWO_WORD_PLACES:
                kind = "organization"
                j += 2 if pair in _TWO_WORD_PLACES else 1
                title_end = j
                if j < n and (_is_nisba(toks[j][0]) or toks[j][0] in _TITLE_LINKS):
                    continue
                break
            if _is_definite(t):
                # a definite noun: profession before a name (الناشط علي ...),
                # a title-only reference (الوزير), or a definite name (الأسد)
                j += 1
                title_end = j
                continue
            k = _looks_like_title_construct(toks, i, ba_object)
            if k < -1:
                kind, head = "person", b
                j = title_end = -k
                continue
            if k > 0:
                kind, head = "person", b
                j = k
                title_end = k
                continue
            kind = "person"  # an indefinite first word: a name
            j += 1
            continue
        prev = toks[j - 1][0]
        if t in _HONORIFICS and j > title_end > i and kind == "person" and j + 1 < n and _is_word(toks[j + 1][0]) \
                and not _is_definite(toks[j + 1][0]) and prev not in _NAME_PARTICLES and prev != "ال" \
                and toks[j + 1][0] not in VERB_FORMS and toks[j + 1][0] not in _STOP_WORDS:
            # (not "آل الشيخ"، "ولد الشيخ": an honorific inside a name)
            j += 1  # "رئيس نادي جدة الأدبي الدكتور عبدالله السلمي": the "name" was a place in the title
            title_end = j
            continue
        in_title = title_end == j  # still reading the title / org phrase
        if in_title and kind == "organization" and j == i + 1 and _is_definite(prev) and _is_word(t) \
                and not _is_definite(t) and t not in _TITLE_LINKS and t[:1] not in "لبو" and t not in _COUNTRIES:
            break  # "ونقلت المنظمة شهادات ثمانية مهاجرين": a definite head takes no genitive; the object
        if in_title and b in _ORG_HEADS and not _is_definite(t) and _is_definite(prev) \
                and (j > i + 1 or any(_is_definite(x[0]) for x in toks[j + 1 : j + 3])) and prev not in _TITLE_LINKS:
            break  # "اتهمت المخابرات الفرنسية وزارة ..."، "وطالبت الجامعة مجلس حقوق الإنسان": the object
        if in_title and kind == "organization" and j == i + 1 and _is_definite(prev) and _is_definite(t) \
                and b in _ORG_HEADS and not _is_nisba(t) and b != _bare(prev):
            break  # "وتتهم المنظمة السلطات بأنها": a definite head takes no definite genitive; the object
        if in_title and kind == "organization" and _is_definite(t) and b in _ORG_HEADS and j > i + 1 \
                and _is_definite(prev) and _is_nisba(prev):
            break  # "وطالبت منظمة العفو الدولية السلطات المصرية بـ": after the adjective, the object
        if in_title and kind == "organization" and _is_definite(t) and t.endswith("ي") and prev.endswith("ية") \
                and _is_definite(prev) and j > i + 1:
            break  # "وتتهم الداخلية التونسية الرياحي": a masculine name after a feminine adjective
        if in_title:
            if kind in ("group", "unknown") and head is not None:
                if kind == "group" and (t in _COUNTRIES and not _is_definite(prev) and prev not in _COUNTRIES
                                        or t[:1] == "و" and t[1:] in _COUNTRIES and prev.lstrip("و") in _COUNTRIES):
                    j += 1  # "وزراء خارجية روسيا وتركيا وإيران": the countries they speak for
                    title_end = j
                    continue
                if kind == "group" and _is_definite(prev) and not _is_definite(t) and _is_nisba(prev):
                    k = _coordinated_names(toks, j)
                    if k > j:
                        # "وزراء الخارجية الروسي سيرغي لافروف والتركي مولود تشاوش أوغلو": each one named
                        j = title_end = k
                    break  # (an indefinite word after a definite adjective is no adjective of it)
                # descriptors of a source: مصدر أمني، مصادر قضائية فرنسية، ناشطون وحقوقيون
                if t.endswith(("ي", "ية", "يون", "يين", "ون", "ين")) and len(t) > 3 or t in _TITLE_LINKS or \
                        t in _BROKEN_PLURAL_NISBAS or \
                        head in _GROUP_HEADS and t.endswith("ة") and len(t) > 3 and not _is_definite(t) \
                        and not _is_definite(toks[i][0]) and t[:1] not in "بل" and t not in _MASDARS \
                        and not _MASDAR_SHAPE.match(t) or \
                        (t.startswith("و") and (t[1:] in _GROUP_HEADS or t[1:].endswith(("يون", "ون")))) or \
                        (_is_definite(t) and j == i + 1) or \
                        _is_definite(t) and (prev in _TITLE_INDEF or prev in _TITLE_LINKS
                                             or t in _ORDINAL_ADJECTIVES and _is_definite(prev)):
                    # ("وزراء خارجية الدول السبع الكبرى": a genitive after خارجية, its number and adjective)
                    j += 1
                    title_end = j
                    continue
                break
            if t in _FIRST_NAME_HEADS and prev in _HONORIFICS and j + 1 < n and _is_definite(toks[j + 1][0]) \
                    and not _is_nisba(toks[j + 1][0]) and _bare(toks[j + 1][0]) not in _PERSON_HEADS:
                kind = "person"  # "الدكتور مساعد الأحمد": a first name after the honorific, not "assistant"
                j += 1
                continue
            if b in _PERSON_HEADS and kind not in ("group", "organization"):
                kind, head = "person", b
                j += 1
                title_end = j
                continue
            if t.startswith("ب") and len(t) > 4 and (t[1:] in _ORG_HEADS or t[1:] in _TITLE_INDEF
                                                   or t[1:] in ("منطقة", "مدينة", "ولاية", "اقليم", "محافظة", "نادي")) \
                    and j + 1 < n and _is_word(toks[j + 1][0]):
                j += 2  # "عضو المجلس البلدي بمحافظة القطيف": where the body sits
                title_end = j
                continue
            if t in _HONORIFICS and kind in (None, "person") and j + 1 < n and _is_word(toks[j + 1][0]) \
                    and not _is_definite(toks[j + 1][0]):
                kind = "person"  # "... المهندس عبدالعظيم الخاطر": the name follows the honorific
                j += 1
                title_end = j
                continue
            if (t in _TITLE_LINKS or t in _TITLE_INDEF
                    or t in _COUNTRIES and (not _is_definite(prev) or prev == "العاصمة") and prev not in _COUNTRIES
                    or b in _ORG_HEADS
                    or _is_nisba(t) or (_is_lam_link(t, toks[j + 1][0] if j + 1 < n else "",
                                                     toks[j + 2][0] if j + 2 < n else "") and prev not in _MARKERS)
                    or (not _is_definite(prev) and t.endswith(("ية", "يون", "يين")) and len(t) > 4)):
                j += 1
                title_end = j
                continue
            if _is_definite(t):
                # genitive right after a head (وزارة الدفاع، رئيس الوزراء), or
                # after a link word (باسم الخارجية), or after an indefinite
                # noun of an organisation's name (وكالة أنباء الشرق)
                if (kind == "organization" and not _is_definite(prev) and _is_word(prev)) or prev in _TITLE_LINKS \
                        or j - 2 >= i and not _is_definite(prev) and _is_word(prev) \
                        and (_bare(toks[j - 2][0]) in _PERSON_HEADS or _bare(toks[j - 2][0]) in _ORG_HEADS) \
                        and not _is_definite(toks[j - 2][0]) \
                        or prev == "على" or (_bare(prev) in _PERSON_HEADS or _bare(prev) in _ORG_HEADS) \
                        and not _is_definite(prev) \
                        or prev in _TITLE_INDEF or prev.startswith("ل") \
                        or _bare(prev) in _TITLE_INDEF and not (obj_verb and _is_definite(prev)
                                                                and prev.endswith(("ة", "ات"))
                                                                and not t.endswith(("ة", "ات"))) \
                        or j - 2 >= i and not _is_definite(prev) and (_MUFAALA.match(prev) or prev in _MASDARS) \
                        and not _is_definite(toks[j - 2][0]):  # "هيئة مكافحة الفساد": the masdar's genitive
                    j += 1
                    title_end = j
                    continue
                if kind is None and j - i < 3:
                    j += 1
                    title_end = j
                    continue
                nxt = toks[j + 1][0] if j + 1 < n else ""
                if _is_nisba(prev) and t.startswith("الم") and len(t) >= 6 and _is_word(nxt) and not _is_definite(nxt) \
                        and not t.endswith(("ين", "ون")) and nxt not in _STOP_WORDS:
                    j += 1  # "الحارس الدولي المصري المخضرم عصام الحضري": one more adjective
                    title_end = j
                    continue
                nxt2 = toks[j + 2][0] if j + 2 < n else ""
                if kind == "person" and _is_nisba(prev) and not _is_nisba(t) and _is_word(nxt) \
                        and not _is_definite(nxt) and nxt not in _STOP_WORDS and nxt not in _MARKERS \
                        and not t.startswith("الم") and not _is_definite(nxt2):
                    j += 1  # "وزير الطاقة الروسي الكسندر نوفاك": a first name written with ال
                    continue
                break
            if j + 1 < n and toks[j + 1][0] in _COMPOUND_SECONDS and not _is_definite(t) and _bare(t) not in _ORG_HEADS:
                kind = kind or "person"
                j += 2  # "المدرب الفرنسي لريال زين الدين زيدان": the name starts with a compound
                if t in ("رجل", "رجال"):
                    title_end = j  # ... but "رجل الدين" (a cleric) is a title
                continue
            if _is_word(prev) and not _is_definite(prev) and (prev in _TITLE_INDEF or _bare(prev) in _ORG_HEADS
                                                              or _bare(prev) in _PERSON_HEADS or prev.startswith("ل") and not prev.startswith("لل")) \
                    and (j + 1 < n and _is_definite(toks[j + 1][0]) or t.endswith(("ي", "ية"))
                         or (prev in _TITLE_INDEF or _bare(prev) in _ORG_HEADS or _bare(prev) in _PERSON_HEADS)
                         and (head not in _UNKNOWN_HEADS)):
                j += 1  # a construct chain: رئيس مركز دراسات حقوق الإنسان، مسؤول أميركي
                title_end = j
                continue
            if kind == "organization":
                if head in _ORG_WITH_PROPER_NAME and j - title_end < 3 and not _has_pronoun_suffix(t) \
                        and t not in _MASDARS and not _MASDAR_SHAPE.match(t) \
                        and not (_is_definite(prev) and t.endswith("ة") and j + 1 < n and _is_definite(toks[j + 1][0])):
                    # (not "شركة أدنوك عزمها"، "ناسا اكتشاف"، "شركة التعدين قيمة الصخرة": a noun in construct, the object)
                    j += 1  # proper name of the organisation (وكالة أعماق)
                    title_end = j
                    continue
                break
            if prev == "باسم" and not _is_definite(t):
                j += 1  # "المتحدث باسم دوستم بشير أحمد تايانج"، "متحدث باسم فيسبوك": whom he speaks for
                title_end = j
                continue
            if t.startswith("ب") and t.endswith("ة") and len(t) >= 4 and j + 1 < n and (
                    _is_definite(toks[j + 1][0]) and _bare(toks[j + 1][0]) not in _PERSON_HEADS
                    or _name_like(toks, j + 2, j + 4) and not _is_definite(toks[j + 2][0])):
                # ("الناطق الإعلامي بصحة جدة عبدالرحمن العبدالله": where he works, then the name)
                j += 2  # "كبير الصيادين بفرضة القطيف": where he works, not his name
                title_end = j
                continue
            if t in _COUNTRIES and not _is_definite(t) and j + 1 < n and _name_like(toks, j + 1, j + 2) \
                    and toks[j + 1][0][:1] not in "وبلف" and toks[j + 1][0] not in _COUNTRIES \
                    and not _MASDAR_SHAPE.match(toks[j + 1][0]) and not _is_nisba(toks[j + 1][0]) \
                    and (j + 2 >= n or not _is_word(toks[j + 2][0]) or toks[j + 2][0] in _STOP_WORDS
                         or _is_definite(toks[j + 2][0])):
                j += 2  # "وزير المخابرات إسرائيل كاتس": a first name that is a country's
                continue
            if _has_pronoun_suffix(t) or t in _COUNTRIES:
                break  # "أقر الرئيس المصري قوانينها", "واتهم الحوثي فرنسا": the object
            if t.endswith("ا") and j + 1 < n and toks[j + 1][0] in ("على", "عن", "الى", "إلى", "من", "في", "ل"):
                break  # "المشرف العام ... ردا على": an adverbial accusative, not a name
            if len(t) >= 6 and t.endswith(("ي", "ية")) and not _is_definite(prev) and _is_word(prev):
                j += 1  # "خبير ديمغرافي إسرائيلي بارز": an indefinite adjective, not a name
                title_end = j
                continue
            if kind is None:
                kind = "person"
            j += 1  # first name token after the title
            continue
        # reading a name
        if t.startswith("لل"):
            break  # "قال حسن للمسؤولين": the addressee
        if j > title_end and (t in ("كبير", "كبيرة") and j + 1 < n and _is_word(toks[j + 1][0])
                              and not _is_definite(toks[j + 1][0]) and toks[j + 1][0] not in _STOP_WORDS):
            break  # "جيريمي جرامز كبير خبراء الأرصاد": his title follows the name
        if j > title_end and t in ("بشدة", "بقوة", "بسرعة", "بحزم", "بوضوح", "بدورها", "بدوره", "ايضا", "كذلك"):
            break  # "وتعارض أكشينار بشدة تحول ...": an adverb after the name
        if t.startswith(("و", "ف")) and t[1:] in VERB_FORMS:
            break  # "وأدانت الولايات المتحدة العنف وحثت": the next verb
        if j > title_end and t.startswith("ل") and len(t) > 3 and (
                _bare(t[1:]) in _PERSON_HEADS or _bare(t[1:]) in _ORG_HEADS or _bare(t[1:]) in _RELATION_HEADS
                or _bare(t[1:]) in _GROUP_HEADS):
            break  # "اعتذرت ماكدوغال لزوجة ترامب": an addressee (but لافروف is a name)
        if j > title_end and (b in _PERSON_HEADS or b in _ORG_HEADS) and prev not in _NAME_PARTICLES \
                and not (_is_definite(t) and (j + 1 >= n or not _is_word(toks[j + 1][0]) or toks[j + 1][0] in _MARKERS)):
            break  # "فهمي العامري رئيس دائرة ...": an apposition follows the name
        if _is_definite(t) and _bare(t) in _PERSON_HEADS and t not in _HONORIFICS and prev not in _NAME_PARTICLES \
                and j + 1 < n and _is_word(toks[j + 1][0]) and toks[j + 1][0] not in _MARKERS:
            break  # "وهدد ترامب المسؤول عن الهجوم": a title after a name (but "إسلام القاضي،" is a surname)
        if t in _COMPOUND_SECONDS and j > title_end:
            j += 1  # ذبيح الله مجاهد، نصر الله، زين الدين زيدان: a compound name
            continue
        if _is_definite(t):
            if obj_verb and j > i and t in _USUAL_OBJECTS:
                break  # "نفى ماتيس الأمر"، "ونفت الوزارة الخبر": what is denied, not a surname
            if t.endswith("ات") and len(t) > 6 and (obj_verb or j + 1 < n and toks[j + 1][0] in _STOP_WORDS
                                                     and toks[j + 1][0] not in _MARKERS):
                break  # "ونفى ماكيب الاتهامات"، "وكرر ترامب التحذيرات من": a plural object, not a surname
            if obj_verb and title_end > i and not t.endswith("ي") \
                    and not any(x[0] in _NAME_PARTICLES for x in toks[title_end:j]) and j - title_end >= 2:
                # "انتقد عضو المجلس كريم منصور المشروع": after a title and a
                # first + last name, a definite noun is the verb's object;
                # after a title + first name it is a surname (مدير الهيئة نبيل الحسن),
                # so is the family name closing a بن/عبد chain (عواد بن صالح العواد)
                break
            # surnames with the article (عبد الفتاح السيسي): after a particle,
            # a nisba-like surname, or the last word before a boundary
            nxt = toks[j + 1][0] if j + 1 < n else ""
            if prev in _NAME_PARTICLES or t.endswith("ي") or nxt == "" or not _is_word(nxt) \
                    or (_is_stop(nxt, ba_object) and not nxt.startswith("ب")) or nxt in _PLAIN_MARKERS or nxt in _MASDARS \
                    or nxt.startswith("بال") and len(nxt) > 5 \
                    or (j == title_end + 1 and (_bare(nxt) in _PERSON_HEADS or nxt in _HONORIFICS)) \
                    or (j == title_end + 1 and _is_definite(nxt) and nxt.endswith(("ات", "ة")) and not _is_nisba(nxt)
                        and not t.endswith(("ة", "ات"))):
                # (أشرف القدرة الناطق باسم ...: a surname, then the person's title; "عمر البشير المخابرات
                # المصرية": a surname, then the object)
                j += 1
                continue
            break
        if sum(1 for x in toks[title_end:j] if x[0] not in _NAME_PARTICLES) >= 4:
            break
        if j > title_end + 1 and _is_definite(prev) and prev not in _COMPOUND_SECONDS and not _is_definite(t) \
                and toks[j - 2][0] not in _NAME_PARTICLES \
                and j + 1 < n and toks[j + 1][0] in _STOP_WORDS:
            break  # "دباس الدوسري تحدث عن": after a surname with the article, a verb
        if j > title_end and obj_verb and _MASDAR_SHAPE.match(t) and j + 1 < n and _is_word(toks[j + 1][0]) \
                and toks[j + 1][0] not in _STOP_WORDS:
            break  # "وأعلن ترمب تحقيق تقدم": a verbal noun and its complement, the object
        if j > title_end and (t in _MASDARS or t in _COUNTRIES or t in _OBJECT_NOUNS
                              or t.endswith(("ين", "ات")) and (t[:-2] + "ا") in VERB_FORMS):
            break  # "أكد النائب خضر حبيب أهمية الحوار", "واتهم الحوثي فرنسا": the object starts
        if j > title_end and title_end > i and not _is_definite(t) and len(t) >= 6 and t.endswith(("ية", "ي")) \
                and not _is_definite(toks[title_end - 1][0]):
            title_end = j + 1  # "ممثل الادعاء لدى محكمة كرة قدم إيطالية": an adjective, so no name yet
            j += 1
            continue
        nxt = toks[j + 1][0] if j + 1 < n else ""
        if j > title_end and prev not in _NAME_PARTICLES \
                and (_has_pronoun_suffix(t) and (t.endswith(("ها", "هم", "هما", "ته")) or t[:-1] in _MASDARS or obj_verb
                                                 or _MASDAR_SHAPE.match(t[:-1]) or t[:-1] + "ا" in _OBJECT_NOUNS)
                     or _has_pronoun_suffix(nxt) and not nxt.startswith("و")
                     and (t in _MASDARS or _MASDAR_SHAPE.match(t) or t.endswith("ة"))):
            break  # "وأكد سوسان دعم بلاده": a masdar object with its pronoun
        if j - title_end >= 2 and t.endswith("ه") and len(t) >= 4 and not t.endswith("الله") and not _is_definite(t) \
                and not any(x[0] in _NAME_PARTICLES for x in toks[title_end:j]):
            break  # "قدم ... سلطان مسرحي شكره": after a full name, "his thanks" is the object
        if j - title_end >= 2 and t not in _NAME_PARTICLES and _is_definite(nxt) and not nxt.endswith("ي") \
                and nxt not in _TIME_WORDS and prev not in _COMPOUND_SECONDS \
                and nxt != "الله" and prev not in _NAME_PARTICLES:
            break  # "سردار آزمون اعتزال اللعب": a masdar object starts here
        j += 1
    if j == i:
        return None, i
    while j > i and toks[j - 1][0] in ("باسم", "لدى", "عن"):
        j -= 1  # trailing link words belong to what follows
    if j == i:
        return None, i
    title_end = min(title_end, j)
    start, end = toks[i][1], toks[j - 1][2]
    title = s[toks[i][1] : toks[title_end - 1][2]] if title_end > i else ""
    name = s[toks[title_end][1] : end] if title_end < j else ""
    name = name.strip(" \"“”«»")
    title = title.strip(" \"“”«»")
    if kind is None:
        kind = "unknown" if not name else "person"
    if kind == "organization" and name:
        title, name = (title + " " + name).strip(), ""
    if name and _bare(toks[i][0]) in _RELATION_HEADS and not _is_definite(toks[i][0]):
        title, name = (title + " " + name).strip(), ""  # محامي ستورمي دانيلز: a description
    return Mention(start, end, title, name, kind), j


# --- per-document extraction -------------------------------------------------


@dataclass
class _Known:
    speaker: Speaker
    gender: str | None
    title_stems: frozenset
    name_tokens: tuple
    kind: str
    title_words: tuple = ()


@dataclass
class _Stmt:
    verb_start: int
    verb_end: int
    verb: str
    start: int
    end: int
    content_start: int
    content_end: int
    mode: str
    speaker: Speaker
    mention: tuple | None  # (start, end) of the mention as written, None if implicit
    kind: str
    headline: bool = False
    extra: list = field(default_factory=list)


_STEM_SYNONYMS = {"اسبق": "سابق", "جريد": "صحيف", "امريك": "اميرك", "زعيم": "رييس"}  # (الزعيم الروسي = الرئيس الروسي)


def _skeleton(stem: str) -> str:
    return stem[:1] + re.sub("[وي]", "", stem[1:-1]) + stem[-1] if len(stem) > 4 else stem


@lru_cache(maxsize=65536)
def _stems(s: str) -> frozenset:
    out = set()
    for t in name_key(s).split():
        b = _bare(t)
        for suf in ("يين", "يون", "يه", "يا", "ه", "ي"):
            if b.endswith(suf) and len(b) > len(suf) + 2:
                b = b[: -len(suf)]
                break
        out.add(_skeleton(b))  # transliterated names spell و/ي either way (الإريتري = الإرتيري)
    # الأسبق = السابق, جريدة = صحيفة (the article is already gone)
    out = {_STEM_SYNONYMS.get(t, t) for t in out}
    return frozenset(out - {"باسم", "في", "لدي", "لدى", "رسم", "رسمي", "ل"})


class _DocState:
    def __init__(self, registry: Registry, year: int | None, raw: str = "", offs=None):
        self.raw, self.offs = raw, offs
        self.s = ""  # the normalised text, set by the caller
        self.registry = registry
        self.year = year
        self.known: list[_Known] = []
        self._by_id: dict[str, int] = {}
        self.last_speaker: _Known | None = None  # of a report (referents of other verbs excluded)
        self.referent_only = False  # set while a non-report's subject is remembered

    def remember(self, sp: Speaker, gender, title: str, name: str, kind: str):
        if sp.registered and kind == "person" and not title:
            # "وقال لافروف ... وأضاف الوزير الروسي": the registry says which titles he held
            title = " ".join(titles_held(sp.speaker_id, self.year, self.registry))
        if title.split() and _bare(name_key(title.split()[0])) in _RELATION_KEYS:
            title = title.split()[0]  # "محامي الممثلة" is the actress's lawyer: his title is not hers
        k = _Known(sp, gender or sp.gender, _stems(title) | _stems(sp.name_ar if kind == "organization" else ""),
                   tuple(name_key(name).split()), kind, tuple(name_key(title).split()[:1]))
        if sp.speaker_id in self._by_id:
            old = self.known[self._by_id[sp.speaker_id]]
            k = _Known(sp, k.gender or old.gender, k.title_stems | old.title_stems,
                       k.name_tokens if len(k.name_tokens) > len(old.name_tokens) else old.name_tokens, kind,
                       tuple(dict.fromkeys(old.title_words + k.title_words)))
        self.known.append(k)
        self._by_id[sp.speaker_id] = len(self.known) - 1
        if not self.referent_only:
            self.last_speaker = k

    def again(self, k: _Known, gender) -> Speaker:
        """A known speaker referred to once more (a pronoun, "the same", "the woman"):
        remembered as the latest one, and returned."""
        self.remember(k.speaker, gender, "", " ".join(k.name_tokens), k.kind)
        return k.speaker

    def introduced(self, title: str, before: int) -> Mention | None:
        """The person the text introduced with this title ("حاكم إقليم ولاية
        سيبيتوكي، ...، أنسيلمي نسابيمانا", "الرئيس الأمريكي دونالد ترامب" inside
        a quote) anywhere before ``before``, speaker or not: the most recent one.
        ``title`` is in the normalised text's spelling; only the places where its
        head word occurs are parsed."""
        words = title.split()
        if not words or not (_bare(words[0]) in _PERSON_HEADS or words[0] in _HONORIFICS):
            return None  # only persons' titles introduce a name ("الكلية" does not)
        head, stems = _bare(words[0]), _stems(title)
        found = None
        for m in _head_regex(head).finditer(self.s, 0, before):
            intro = _introduction_at(self.s, m.start(1))
            if intro is not None and intro.end <= before and stems <= _stems(intro.title):
                found = intro
        return found

    def as_written(self, s: str, part: str, a: int, b: int) -> str:
        """The original spelling (with hamza, harakat removed) of a part of a mention."""
        if not part or self.offs is None and not self.raw:
            return part
        k = s.find(part, a, b)
        if k < 0:
            return part
        orig = self.raw[map_offset(self.offs, k) : map_offset(self.offs, k + len(part))]
        return _MARKS_RE.sub("", orig)

    def by_gender(self, gender) -> _Known | None:
        for k in reversed(self.known):
            if gender is None or gender == "p" or k.gender is None or k.gender == gender:
                if gender == "p" and k.kind not in ("group", "organization", "unknown") \
                        and not _plural_words(k.speaker.name_ar):
                    continue  # (a plural verb: a group, a body, or "محامون" read as a person)
                if gender == "m" and k.kind == "group":
                    continue  # a singular pronoun is no group's: "قال مسؤولو الهجرة ... وقال إنه" is someone else
                return k
        return None

    def by_name(self, name: str) -> _Known | None:
        toks = tuple(name_key(name).split())
        if not toks:
            return None
        for k in reversed(self.known):
            kt = k.name_tokens
            if kt and len(toks) <= len(kt) and kt[-len(toks):] == toks:
                return k
            if kt and len(toks) > len(kt) and toks[-len(kt):] == kt and len(kt) >= 1 and k.speaker.registered is False:
                return k
        if len(toks) == 1:
            # a first name alone ("صرح حسين" after "حسين كروبي"), when only one person has it
            firsts = {k.speaker.speaker_id: k for k in self.known
                      if k.kind == "person" and len(k.name_tokens) >= 2 and k.name_tokens[0] == toks[0]
                      and toks[0] not in _NAME_PARTICLES}
            if len(firsts) == 1:
                return next(iter(firsts.values()))
        return None

    def by_full_title(self, phrase: str) -> _Known | None:
        """A named person whose remembered title contains every word of ``phrase``."""
        st = _stems(phrase)
        if len(st) < 2:
            return None
        for k in reversed(self.known):
            if k.kind == "person" and k.name_tokens and st <= k.title_stems:
                return k
        return None

    def by_affiliation(self, title: str, gender) -> _Known | None:
        """"المسؤولة الأممية"، "المسؤول الأوروبي": a generic head with adjectives of
        affiliation only is the latest named person whose title says the same
        (منسقة الأمم المتحدة ...، المبعوث الخاص للاتحاد الأوروبي ...) or the latest
        one given that very title ("مسؤول أوروبي"), whichever is more recent."""
        words = title.split()
        if len(words) < 2 or not _is_definite(words[0]) or _bare(name_key(words[0])) not in _GENERIC_PERSON_HEADS \
                or not all(_is_nisba(w) for w in words[1:]):
            return None
        affiliation, whole = _stems(" ".join(words[1:])), _stems(title)
        for k in reversed(self.known):
            if k.kind != "organization" and whole <= k.title_stems:
                return k  # the one the text gave this very title ("مسؤول أوروبي")
            if k.kind == "person" and k.name_tokens and affiliation <= k.title_stems \
                    and (gender not in ("m", "f") or k.gender in (None, gender)):
                return k
        return None

    def by_title(self, title: str, kind: str | None = None, loose: bool = True,
                 search_text: bool = True) -> _Known | None:
        """The known speaker whose titles include ``title``; with ``loose``, also the one
        person known with its head noun (with ``search_text``, or whose surname the text
        puts next to that head noun)."""
        st = _stems(title)
        if not st:
            return None
        for k in reversed(self.known):
            if kind is not None and (k.kind == "organization") != (kind == "organization"):
                continue
            if k.title_stems and st <= k.title_stems:
                return k
        if not loose:
            return None
        # same head noun, one candidate only: "مدرب المنتخب المغربي" after
        # "المدرب الفرنسي هيرفي رونار"
        words = name_key(title).split()
        head = _bare(words[0]).rstrip("ه") if words else ""
        if kind not in (None, "person", "unknown") or not head:
            return None  # (a group or a source is no named person: "مصادر طبية"، "دول الحصار")
        cands = {k.speaker.speaker_id: k for k in self.known if k.kind == "person" and k.name_tokens and head in
                 {_bare(t).rstrip("ه") for t in k.title_words}}  # (a title alone is matched whole, above)
        if not cands and self.s and search_text:
            # the text introduced the person with that title somewhere else:
            # "المدرب الفرنسي هيرفي رونار ... وقال مدرب المنتخب المغربي"
            # or right after it ("دونالد جينكينز، الجراح في ..."), when only one was
            for k in self.known:
                surname = k.name_tokens[-1] if k.kind == "person" and k.name_tokens else ""
                if k.kind == "unknown" and not k.name_tokens and len(k.title_words) == 1 \
                        and _bare(k.title_words[0]) not in _PERSON_HEADS | _UNKNOWN_HEADS | _GROUP_HEADS:
                    surname = k.title_words[0]  # "وقال المسماري": a surname read as a one-word title
                if not surname:
                    continue
                for m in re.finditer(r"(?<!\w)" + re.escape(surname) + r"(?!\w)", self.s):
                    # (a whole word: "البريطاني" is not inside "البريطانية")
                    # (a one-word surname: only its apposition tells its title)
                    before = name_key(self.s[max(0, m.start() - 60) : m.start()]).split()[-6:] \
                        if k.kind == "person" else []
                    tail = self.s[m.end() : m.end() + 30].lstrip()
                    after = name_key(tail[1:]).split()[:1] if tail[:1] in ("،", ",") else []  # "X، الجراح"
                    if any(_bare(w).rstrip("ه") == head for w in before + after):
                        cands[k.speaker.speaker_id] = k
                        break
        return next(iter(cands.values())) if len(cands) == 1 else None


def _plural_words(name: str) -> bool:
    """A "person" that is several: محامون، محاميان ومصدر قضائي، ناشرو الفيديو."""
    words = name_key(name).split()
    if not words:
        return False
    first = words[0]
    return len(first) >= 5 and first.endswith(("ون", "يان")) \
        or len(words) > 1 and len(first) >= 4 and first.endswith("و") and _is_definite(words[1]) \
        or any(w.startswith("و") and len(w) > 2 for w in words[1:])


def _introduction_at(s: str, start: int) -> Mention | None:
    """A 'title + name' person mention starting at ``start``, or None."""
    toks = _tokens(s, start, min(len(s), start + 160), limit=16)
    mention, j = _parse_mention(s, toks, 0)
    if mention is None or mention.kind != "person" or not mention.title:
        return None
    if not mention.name:
        mention, j = _apposition_name(s, toks, j, mention)
    return mention if mention.name else None


@lru_cache(maxsize=4096)
def _head_regex(head: str) -> re.Pattern:
    # group 1: the head itself, also after a ل/ب/و prefix ("بحسب تقرير لصحيفة نيويورك تايمز")
    return re.compile(r"(?<!\w)[لبو]?((?:ال)?" + re.escape(head) + r"(?:ة)?)(?!\w)")


def _generic_organisation(words: list) -> bool:
    """"الصحيفة الإسرائيلية"، "الوزارة الروسية": a definite head and adjectives only, a
    reference back to a named organisation (not "وزارة الخارجية الروسية", a name)."""
    return _is_definite(words[0]) and (_bare(words[0]) in _ORG_HEADS or words[0] in _MEDIA_NOUNS) \
        and all(_is_nisba(w) for w in words[1:])


# adjectives that say what kind of body it is, not which one: "المنظمة الحقوقية" is
# منظمة العفو الدولية named before, though its name has no حقوق
_KIND_ADJECTIVES = _stems("الحقوقية الدولية الأممية الإنسانية الإغاثية الحكومية الإعلامية الإخبارية الرسمية")


_HYPERNYM_HEADS = {"منظمة": ("لجنة", "هيئة", "جمعية", "مؤسسة", "رابطة", "مفوضية", "وكالة", "صندوق", "مرصد",
                             "اتحاد", "نقابة", "شبكة", "منظمه")}


def _fuller_organisation(s: str, title: str, before: int) -> Mention | None:
    """The latest fuller mention, written earlier in the text, of an organisation
    referred to by its head ("الجيش" -> "الجيش الإسرائيلي", "الوزارة" -> "وزارة الصحة",
    "الصحيفة الإسرائيلية" -> any صحيفة; "المنظمة" -> any body of that kind)."""
    head = _bare(title.split()[0]) if title.split() else ""
    if len(head) < 3:
        return None
    found = None
    # "المنظمة" is any organisation of its kind: "قتل موظف في اللجنة الدولية للصليب
    # الأحمر ... وأفادت المنظمة" (the latest one named, whatever its own head)
    for h in (head,) + _HYPERNYM_HEADS.get(head, ()):
        for m in _head_regex(h).finditer(s, max(0, before - 3000), before):
            if found is not None and m.start(1) <= found.start:
                continue
            toks = _tokens(s, m.start(1), min(before, m.start(1) + 120), limit=8)
            mention, j = _parse_mention(s, toks, 0)
            if mention is not None and mention.kind == "organization" and j >= 2 and mention.end <= before \
                    and not (_is_definite(toks[0][0]) and not (_is_nisba(toks[1][0]) or toks[1][0] in _TITLE_LINKS)):
                found = mention  # ("الشركة ملاك العقارات" is a company and its object, not a name)
    return found


def _indefinite_description(words: list) -> bool:
    """"مسؤول أمريكي"، "متحدث باسم الخارجية": an indefinite head that is not in construct
    (not "محامي ترامب"، "رئيس المجلس"), so someone not met before."""
    if not words or _is_definite(words[0]) or words[0] in _HONORIFICS:
        return False
    return len(words) == 1 or _is_nisba(words[1]) \
        or words[1] in ("باسم", "باسمه", "باسمها", "باسمهم", "لشؤون", "في", "من", "عن", "لدى", "ب")


_SAME_WORDS = {name_key(w) for w in ("نفسه", "نفسها", "ذاته", "ذاتها", "عينه", "عينها")}
_COUNT_ADJECTIVES = {name_key(w) for w in ("الاثنان", "الاثنين", "الثلاثة", "الأربعة", "الخمسة", "الستة", "السبعة",
                                             "الثمانية", "التسعة", "العشرة", "جميعا", "كلهم")}
# a person called by gender and age alone refers back to the last one named
_GENDER_NOUNS = {name_key(w): g for w, g in (("المرأة", "f"), ("السيدة", "f"), ("الفتاة", "f"), ("الرجل", "m"),
                                              ("الشاب", "m"), ("الفتى", "m"), ("الشابة", "f"))}


_LATTER = name_key("الأخيرة")
_DIVINE_EPITHETS = frozenset(name_key(w) for w in ("تعالى", "سبحانه", "وتعالى", "وجل", "جلاله"))
_DIVINE_WORDS = _DIVINE_EPITHETS | frozenset(name_key(w) for w in ("الله", "عز", "جل", "الحق"))


def _last_country(s: str, a: int, b: int) -> tuple[int, int] | None:
    """Where the second of the last two states named together in s[a:b] is written
    ("بين بغداد وأنقرة": أنقرة), or None when the last state named is not such a pair."""
    found = None
    toks = _tokens(s, a, b, limit=80)
    for k, (t, ta, tb) in enumerate(toks):
        if t in _COUNTRIES or t[:1] in "وبل" and t[1:] in _COUNTRIES:
            paired = t[:1] == "و" and t[1:] in _COUNTRIES and k > 0 and toks[k - 1][0] in _COUNTRIES
            found = (ta + 1, tb) if paired else None
    return found


def _resolve_mention(state: _DocState, s: str, m: Mention, gender) -> Speaker:
    title = _QUOTES_SPACES.sub(" ", state.as_written(s, m.title, m.start, m.end)).strip()
    name = _QUOTES_SPACES.sub(" ", state.as_written(s, m.name, m.start, m.end)).strip()
    if name and " " not in title and title.startswith(("أل", "إل")):
        # ألفارو، ألكسندرا: the matching copy folds أل to the article, so the
        # first name was read as a one-word title; the hamza says it is a name
        title, name = "", title + " " + name
    written = (title + " " + name).split()
    keys = set(map(name_key, written))
    if keys and keys <= _DIVINE_WORDS and keys & _DIVINE_EPITHETS:
        title, name = "", "الله"  # "قال تعالى"، "يقول سبحانه وتعالى": God (a verse quoted), not "تعالى"
    elif "صلى" in written[1:]:
        # "قال رسول الله صلى الله عليه وسلم": the eulogy is no part of the name
        kept = " ".join(written[: written.index("صلى")])
        title, name = (kept, "") if not name or kept == title else (title, kept[len(title):].strip())
    if (m.title + " " + m.name).strip() in _HONORIFIC_PRONOUNS and state.known:
        # "وعبر سموه عن"، "مبينا معاليه": His Highness, a pronoun for the last speaker
        k = state.by_gender(gender) or state.last_speaker or state.known[-1]
        return state.again(k, gender)
    if name and name_key(name) in _SAME_WORDS:
        title, name = (title + " " + name).strip(), ""  # "المصدر ذاته": a title, "the same"
    if name and len(name.split()) >= 3 and lookup_name(name, state.registry) is None:
        # "أطلق الأمين العام بان كي مون نداء": a registered name, then the object
        name = next((" ".join(name.split()[:k]) for k in range(len(name.split()) - 1, 1, -1)
                     if lookup_name(" ".join(name.split()[:k]), state.registry) is not None), name)
    if name:
        k = state.by_name(name)
        if k is not None and (k.speaker.registered or len(name_key(name).split()) <= len(k.name_tokens)):
            state.remember(k.speaker, gender, title, name, k.kind)
            return k.speaker
        parts = name_key(name).split()
        first = state.by_name(parts[0]) if k is None and len(parts) >= 2 else None
        if first is not None and first.kind == "person" and len(first.name_tokens) >= 2 \
                and first.name_tokens[-1] == parts[0]:
            # "وقرأ بيلسا خطاب الاستقالة": the known surname, then the object
            state.remember(first.speaker, gender, title, "", first.kind)
            return first.speaker
        k = state.by_full_title(title + " " + name) if title and k is None else None
        if k is not None:
            # "حاكم إقليم سيبيتوكي" after "حاكم إقليم ولاية سيبيتوكي ...، أنسيلمي نسابيمانا":
            # the "name" is a place inside a title the text already gave a person
            state.remember(k.speaker, gender, title, "", k.kind)
            return k.speaker
        sp = resolve(name if not title else title + " " + name, title or None, state.year, state.registry,
                     kind=m.kind, gender=gender if gender in ("m", "f") else None)
        state.remember(sp, gender, title, name, m.kind if not sp.registered else sp.kind)
        return sp
    # title-only / organisation-only mention
    words = name_key(title).split()
    if m.title.split() and m.title.split()[0] in _DATA_NOUNS:
        # "وتشير نتائج أولية"، "تقديرات وكالة الفضاء": figures, no one the text named
        sp = resolve(title, title, state.year, state.registry, kind="unknown")
        state.remember(sp, gender, title, "", "unknown")
        return sp
    if m.kind == "group" and words and _is_definite(words[0]) and all(w in _COUNT_ADJECTIVES for w in words[1:]):
        # "وأكد الوزراء الثلاثة" after "وزراء خارجية روسيا وتركيا وإيران": the group named before
        head = _bare(words[0])
        k = next((k for k in reversed(state.known) if k.kind == "group" and k.title_words
                  and _bare(k.title_words[0]) == head and len(k.speaker.name_ar.split()) > len(words)), None)
        if k is not None:
            return state.again(k, gender)
    if len(words) >= 2 and words[-1] in _SAME_WORDS:
        # "وأضاف المسؤول نفسه"، "أكد المصدر ذاته": the one the text just gave that title
        head = _bare(words[0])
        k = next((k for k in reversed(state.known) if k.title_words and _bare(k.title_words[0]) == head), None)
        if k is not None:
            return state.again(k, gender)
    if len(words) == 1 and words[0] in _GENDER_NOUNS:
        # "وقالت كارول ... وقالت المرأة": a bare "the woman" is the last woman named
        k = next((k for k in reversed(state.known) if k.kind == "person" and k.name_tokens
                  and k.gender == _GENDER_NOUNS[words[0]]), None)
        if k is not None:
            return state.again(k, gender)
    if words == [_LATTER] and m.kind != "person":
        # "بين بغداد وأنقرة، بعد أن قالت الأخيرة": the latter of two states named together
        place = _last_country(s, max(0, m.start - 300), m.start)
        if place is not None:
            name = state.as_written(s, s[place[0] : place[1]], place[0], place[1])
            sp = resolve(name, None, state.year, state.registry, kind="organization")
            state.remember(sp, gender, "", name_key(name), "organization")
            return sp
    if words and words[0] in _DOCUMENT_KEYS and len(words) <= 2 and state.known:
        k = state.last_speaker or state.known[-1]  # "وأضاف البيان": the statement of whoever issued it
        return state.again(k, gender)

    sp = lookup_name(title, state.registry)
    last = title.split()[-1] if title.split() else ""
    if sp is None and m.kind not in ("organization", "group") and _bare(last) not in _PERSON_HEADS:
        k = state.by_name(last)  # "العقيد المالكي" after "تركي المالكي" (not "بعض مسؤولي إدارة ترامب")
        if k is not None and k.kind == "person":
            state.remember(k.speaker, gender, title, "", k.kind)
            return k.speaker
    if sp is None and m.kind != "organization":
        k = state.by_affiliation(title, gender) or state.by_title(title, m.kind, loose=False)
        registered = resolve(title, title, state.year, state.registry, kind=m.kind,
                             gender=gender if gender in ("m", "f") else None) if k is None else None
        if registered is not None and not registered.registered and state.year is not None:
            # two held the title that year: the one of them the text already named
            holders = {h.speaker_id for h in title_holders(title, state.year, state.registry)}
            named = next((k for k in reversed(state.known) if k.speaker.speaker_id in holders), None)
            registered = named.speaker if named is not None else registered
        if registered is not None and registered.registered:
            # "الرئيس الأمريكي": the registry knows who held the title; no guess from the text
            state.remember(registered, gender, title, "", registered.kind)
            return registered
        someone_new = _indefinite_description(words)  # (an indefinite "متحدث باسم الخارجية")
        if k is None and not someone_new:
            k = state.by_title(title, m.kind, search_text=False)
        intro = state.introduced(m.title, m.start) if k is None else None
        if intro is not None:
            # the text named the person with this title (as an object too: "واتهم المحامون الممثلة
            # الإباحية، ستورمي دانييلز" ... "وتزعم الممثلة"), surer than a surname near the head noun
            sp = _resolve_mention(state, s, intro, gender)
            state.remember(sp, gender, title, "", "person")
            return sp
        if k is None and not someone_new:
            k = state.by_title(title, m.kind)
        if k is not None:
            state.remember(k.speaker, gender, title, "", k.kind)
            return k.speaker
    if sp is None and m.kind == "organization":
        k = state.by_title(title, m.kind)
        refers_back = len(words) == 1 or _generic_organisation(title.split())  # الوزارة، الصحيفة الإسرائيلية
        if k is not None and refers_back and name_key(title) not in _COUNTRY_KEYS:
            state.remember(k.speaker, gender, title, "", k.kind)
            return k.speaker
        fuller = _fuller_organisation(s, s[m.start : m.end], m.start) \
            if refers_back and words[0] not in _COUNTRY_KEYS else None
        if fuller is not None and not (_stems(" ".join(words[1:])) - _KIND_ADJECTIVES) <= _stems(s[fuller.start : fuller.end]):
            fuller = None  # "الحكومة الروسية" is not "الحكومة البريطانية" ("المنظمة الحقوقية" is Amnesty's kind)
        if fuller is not None:
            # "يقول الجيش" after "الجيش الإسرائيلي" in the text: the same organisation
            sp = _resolve_mention(state, s, fuller, gender)
            state.remember(sp, gender, title, "", sp.kind if sp.registered else "organization")
            return sp
    if sp is None:
        sp = resolve(title, title, state.year, state.registry, kind=m.kind,
                     gender=gender if gender in ("m", "f") else None)
    state.remember(sp, gender, title, name_key(title) if m.kind == "organization" else "", sp.kind if sp.registered else m.kind)
    return sp


def _quote_spans(s: str, a: int, b: int) -> list[tuple[int, int]]:
    """Balanced quoted regions inside [a, b) (positions include the marks)."""
    spans = []
    open_pos, open_ch = -1, ""
    for m in re.finditer("[\"“”«»]", s[a:b]):
        c, p = m.group(), a + m.start()
        if open_pos < 0:
            if c == '"' and closes_only(s, p):
                continue  # a stray closing mark: 'للانتقام". وقال'
            if c in "“«\"" or c == "”":
                open_pos, open_ch = p, c
        else:
            if (open_ch == "“" and c in "”\"") or (open_ch == "«" and c == "»") or (open_ch == '"' and c in '"”') \
                    or (open_ch == "”" and c in "“”"):
                spans.append((open_pos, p + 1))
                open_pos = -1
    if open_pos >= 0:
        spans.append((open_pos, b))  # unbalanced: runs to the sentence end
    return spans


def _in_spans(p: int, spans) -> bool:
    return any(a <= p < b for a, b in spans)


# after a reporting verb: the one addressed ("قال لي") and how it was said ("بشدة", "حديثه")
_ADDRESSEE_PRONOUNS = {"لي", "لنا", "له", "لها", "لهم", "لهما", "لهن", "لك", "لكم"}
_MANNER_WORDS = _MANNER_ADVERBS | {"بقوله", "بقولها", "بالقول", "حديثه", "حديثها", "كلامه", "كلامها"}


# participles that take their complement inside a title: المكلف بالاستخبارات، المسؤول عن الملف
_COMPLEMENT_PARTICIPLES = {"المكلف", "المكلفة", "المسؤول", "المسؤولة", "المعني", "المعنية", "المختص", "المختصة"}
# "يدعى X"، "واسمه X": the name comes next
_NAMING_WORDS = {"يدعى", "تدعى", "يدعي", "تدعي", "ويدعى", "وتدعى", "ويدعي", "وتدعي", "اسمه", "اسمها", "واسمه",
                 "واسمها", "المدعو", "المدعوة"}


def _called_name(s: str, toks: list, j: int, mention: Mention) -> tuple[Mention, int]:
    """"وقال المسلح، ويدعى رضوان لقديم (26 عاما)، إنه": the name given after a naming
    word in apposition; its age in parentheses and the closing comma are skipped."""
    n = len(toks)
    k = j + 1 if j < n and toks[j][0] in ("،", ",") else j
    if k >= n or toks[k][0] not in _NAMING_WORDS:
        return mention, j
    a = b = k + 1
    while b < n and b - a < 4 and _is_word(toks[b][0]) and toks[b][0] not in _STOP_WORDS and toks[b][0] not in _MARKERS:
        b += 1
    if not _name_like(toks, a, b):
        return mention, j
    end = b
    if end < n and toks[end][0] == "(":
        close = next((x for x in range(end + 1, min(n, end + 6)) if toks[x][0] == ")"), -1)
        end = close + 1 if close > 0 else end
    if end < n and toks[end][0] in ("،", ",") and k > j:
        end += 1  # the comma closing the apposition
    name = s[toks[a][1] : toks[b - 1][2]]
    return Mention(mention.start, toks[b - 1][2], (mention.title or mention.name).strip(), name, "person"), end


def _registered_person(name: str, registry: Registry) -> bool:
    sp = lookup_name(name, registry) if registry is not None else None
    return sp is not None and sp.kind == "person"


_RANKS = {"فريق", "لواء", "عميد", "عقيد", "مقدم", "رائد", "نقيب", "اول", "ركن"}  # military ranks and their extensions
_VIA_WORDS = {"موقع", "حساب", "وسائل", "شبكة", "شبكات", "منصة", "منصات", "تطبيق", "الهاتف", "البريد", "رسالة",
              "بيان", "تغريدة", "قناة", "قنوات", "الانترنت", "الحدود", "تويتر", "فيسبوك", "صفحة", "حسابات", "مواقع",
              "الاقمار", "اذاعة", "الفيديو", "الاتصال", "مكبرات", "وكالة", "صحيفة", "مقابلة", "البحر", "النهر"}
_GOAL_WORDS = {"الهدف", "هدفا", "هدف", "هدفين", "الهدفين", "هدفه", "هدفها"}


_FAAIL_SHAPE = re.compile(r"^\wا\w\w$")  # مازح، ساخر، ضاحك (not ماري-ا، راني-ا: names end in يا)


def _manner_accusative(t: str, nxt: str) -> bool:
    """"وأضاف مازحا:"، "وتابع ساخرا": an accusative participle saying how, right before the words."""
    stem = t[:-1]
    return t.endswith("ا") and len(t) >= 5 and stem[-1:] not in "يىهن" and t not in _MARKERS and t not in _COUNTRIES \
        and (_PARTICIPLE_SHAPE.match(stem) is not None or _FAAIL_SHAPE.match(stem) is not None) \
        and (nxt in (":", "،", ",") or nxt in _ALL_QUOTES or nxt in _MARKERS)


def _opens_speaker(t: str) -> bool:
    """A word that opens a speaker's noun phrase: a title, a body, a group, a country."""
    b = _bare(t)
    return b in _PERSON_HEADS or b in _ORG_HEADS or b in _GROUP_HEADS or t in _COUNTRIES


def _skip_fillers(toks, i):
    """Skip time words and discourse adverbs right after a verb."""
    n = len(toks)
    if i < n and toks[i][0] in ("،", ",") and i + 1 < n and _is_word(toks[i + 1][0]) \
            and toks[i + 1][0] not in _MARKERS:
        i += 1  # "وقال، سوتوبو بورو نغروهو، المتحدث ..."
    while i < n and (toks[i][0] in _TIME_WORDS or toks[i][0] in ("يوم", "ليل", "صباح", "مساء")
                     or toks[i][0] in ("عام", "سنة", "في") and i + 1 < n and toks[i + 1][0][:4].isdigit()):
        i += 1 + (toks[i][0] in ("عام", "سنة", "في"))  # ("اتهمه عام 2011 بـ": a year, not a speaker)
    if i + 2 < n and toks[i][0] == "من" and toks[i + 1][0] in ("جهته", "جهتها", "جانبه", "جانبها", "ناحيته", "ناحيتها"):
        i += 2  # "ورأى من جهته بيل فريليك": for his part
    if i + 2 < n and toks[i][0] in ("اكثر", "غير") and toks[i + 1][0] == "من" and toks[i + 2][0] in ("مرة", "مرتين"):
        i += 3  # "أعلن أكثر من مرة رفضه": how often, not who
    while i + 1 < n and (toks[i][0] in _ADDRESSEE_PRONOUNS or toks[i][0] in _MANNER_WORDS
                         or _manner_accusative(toks[i][0], toks[i + 1][0])
                         or toks[i][0] in VERB_FORMS and not VERB_FORMS[toks[i][0]].finite  # "وتابع مؤكدا «..."
                         or toks[i][0] in ("فيه", "فيها") and _is_word(toks[i + 1][0])):
        # ("في الوقت الذي قال فيه وزير الخارجية الإيراني": in which, then the subject)
        i += 1  # "قال لي إنها"، "واستنكر بشدة"، "وتابع حديثه": to whom and how, not who
        nxt = toks[i][0]
        if toks[i - 1][0] in _ADDRESSEE_PRONOUNS and _is_definite(nxt) and _bare(nxt) not in _PERSON_HEADS \
                and _bare(nxt) not in _ORG_HEADS and _bare(nxt) not in _GROUP_HEADS:
            return n  # "وتمنى له التوفيق": what was wished him, no subject
    if i + 2 < n and toks[i][0] == "ل" and toks[i + 1][0] in _ALL_QUOTES:
        k = _quoted_run(toks, i + 1)
        if 0 < k < n and _is_word(toks[k][0]) and toks[k][0] not in _MARKERS:
            i = k  # 'وأوضح لـ«عكاظ» الأمير تركي بن سعود': the outlet addressed, then the subject
    return i


_GAP_OPENERS = {"في", "خلال", "عبر", "على", "امام", "بعد", "اثناء", "عقب", "لدى", "الذي", "التي", "الذين",
                "اللذين", "اللتين", "وهو", "وهي", "من", "ضمن"} | _TIME_WORDS


def _gap_allows_relative(gap: str) -> bool:
    """A relative clause may sit between speaker and content when it describes
    the speaker ("وأعلنت الشركة التي وزعت البطاقات أن", "وقالت القاضية في القرار
    الذي أصدرته أنه"), not when it follows an object ("علّق تويتر عدداً من
    الحسابات التي يبدو أنها")."""
    if _RELATIVE_RE.search(gap) is None:
        return True
    g = gap.lstrip()
    if not g or g[0] in "،,(-–":
        return True
    first = g.split(None, 1)[0]
    return first in _GAP_OPENERS or first.startswith("ل") or _bare(first) in _PERSON_HEADS \
        or _bare(first) in _ORG_HEADS  # "رافايل إيرناندو زعيم كتلة ... الذي يقوده راخوي إن"


def _via(m: re.Match) -> bool:
    """A reporting-verb match that is the bare word عبر: mostly the preposition "via"."""
    return m.group(2) == "عبر" and not m.group(1)


def _coordinated_verb_in(gap: str) -> bool:
    """A و/ف-prefixed reporting verb in the gap, or a finite one right after a comma,
    starts a new clause ("... وقال"، "وفيما نفى المسلحون ذلك، أكدت المنظمة أن")."""
    return any(m.group(1) or VERB_FORMS[m.group(2)].finite and gap[: m.start()].rstrip().endswith(("،", ","))
               or VERB_FORMS[m.group(2)].finite and _WHILE_RE.search(gap, 0, m.start()) is not None
               for m in _VERB_RE.finditer(gap) if not _via(m))  # ("، عبر إذاعة")


# "في حين قال"، "بينما أكد"، "فيما أعلنت": another speaker's clause begins
_WHILE_RE = re.compile(r"(?<!\w)(?:حين|بينما|فيما|عندما|الوقت الذي)\s*$")


def _find_content(s: str, pos: int, sent_end: int, need: str, lemma: str):
    """Where the content starts after ``pos``: (marker_start, content_start, mode) or None."""
    m = _CONTENT_MARKER_RE.search(s, pos, sent_end)
    gap = m.start() - pos if m else 10**9
    limit = 90 if need == "content" else 25  # an object verb reaches its object first
    if need == "content" and s[pos : pos + 2].lstrip(" ")[:1] in ("،", ","):
        limit = 160  # "قال X، رئيس وزراء لوكسمبرغ وحامل الرئاسة ...، في مقابلة ...، إن": a long apposition
    if m and need != "content":
        g = s[pos : m.start()].lstrip(" ")
        words = g.split(" ", 2)
        if g[:1] in "،,(" or (len(words) > 1 and words[0] in ("في", "خلال", "عبر") and _bare(words[1]) in _SPEECH_NOUNS) \
                or words[0] in ("ردا", "تعليقا", "تعقيبا", "جوابا"):
            limit = 90  # a parenthetical, "في بيان ..." or "ردا على سؤال ..." before أن: still the content marker
    if m and gap <= limit:
        gap_text = s[pos : m.start()]
        # the gap must not itself contain a clause end or a relative clause
        # ("علّق تويتر عدداً من الحسابات التي يبدو أنها": not a statement)
        if "." not in gap_text and "؟" not in gap_text and _gap_allows_relative(gap_text) \
                and not _coordinated_verb_in(gap_text):
            tok = m.group()
            if tok in "“«\"":
                return m.start(), m.start(), "direct"
            if tok == ":":
                k = m.end()
                while k < sent_end and s[k] in " \t":
                    k += 1
                return m.start(), k, "direct"
            k = m.end()
            while k < sent_end and s[k] in " \t":
                k += 1
            return m.start(), k, "indirect"
    rest = s[pos:sent_end].lstrip(" ")
    if rest[:1] in ("،", ","):
        # a parenthetical source right after the subject: "، وفق وفا،"
        k = min((rest.find(c, 1) for c in "،," if rest.find(c, 1) > 0), default=-1)
        rest = rest[k + 1 :] if 0 < k <= 40 else rest[1:]
        rest = rest.lstrip(" ")
    if not rest:
        return None
    cstart = sent_end - len(rest)
    first = rest.split(" ", 1)[0]
    while " " in rest:
        words = rest.split(" ", 3)
        if first in _TIME_WORDS:  # "ليل السبت عن أسفه"
            drop = 1
        elif first in ("في", "خلال", "عبر") and len(words) > 2 and _bare(words[1]) in _SPEECH_NOUNS:
            drop = 3 if len(words) > 3 and words[2].endswith(("ي", "ية")) else 2  # "في بيان رسمي"
        elif first == "في" and len(words) > 3 and words[1] == "وقت":
            drop = 3  # "في وقت سابق"، "في وقت لاحق"
        elif first == "في" and len(words) > 2 and (words[1] in _COUNTRIES or not _is_definite(words[1])
                                                   and words[1] not in _STOP_WORDS and _is_word(words[1])
                                                   and not words[1].endswith(("ات", "ه"))):
            drop = 2  # "وأكدت وزارة الصحة في غزة ارتفاع ...": where it speaks from
        else:
            break
        rest = " ".join(words[drop:]).lstrip(" ،,")
        cstart = sent_end - len(rest)
        first = rest.split(" ", 1)[0]
    if need == "ila" and first in ("الى", "إلى", "إلي", "الي"):
        return cstart, cstart, "indirect"
    if lemma == "نوه" and first.startswith("ب") and len(first) > 3:
        return cstart, cstart, "indirect"  # "ونوه بالتزام الوزارة": noted, praised
    if need == "obj" and len(rest) > 5 and first not in _NOT_OBJECT_STARTS:
        return cstart, cstart, "indirect"
    return None


def _mode_of(s: str, cs: int, ce: int, base: str) -> str:
    seg = s[cs:ce]
    has_q = any(c in seg for c in "\"“”«»")
    if base == "direct":
        return "direct"
    return "mixed" if has_q else "indirect"


_NOT_SPEAKER_LABELS = {"اقرا", "للمزيد", "شاهد", "تابع", "تابعوا", "المصدر", "فيديو", "صور", "عاجل", "اضغط",
                       "انظر", "رابط", "ملاحظة", "تحديث", "اقرؤوا", "شاهدوا", "مصدر", "المزيد", "اقرأ", "مباشر",
                       "بالفيديو", "بالصور", "تقرير", "حصري", "خاص", "انفوجراف", "إنفوغراف"}
_HEADLINE_RE = re.compile(r"^\s*([^:\n.!?؟]{2,60}?)\s*:\s*(\S[^\n]{1,200})$")


def _headline_statement(s: str, line_start: int, line_end: int, state: _DocState):
    line = s[line_start:line_end]
    if len(line) > 220 or line.rstrip().endswith("."):
        return None
    m = _HEADLINE_RE.match(line)
    if not m:
        return None
    who = m.group(1)
    if len(who.split()) > 7:
        return None
    toks = _tokens(s, line_start + m.start(1), line_start + m.end(1))
    if toks and toks[0][0] in _NOT_SPEAKER_LABELS:
        return None  # "اقرأ أيضا: ..."، "للمزيد: ..."
    mention, j = _parse_mention(s, toks, 0)
    if mention is None or j != len(toks) or not any(_is_word(t[0]) for t in toks):
        return None
    sp = _resolve_mention(state, s, mention, None)
    cs, ce = line_start + m.start(2), line_start + m.end(2)
    return _Stmt(line_start + m.start(1), line_start + m.end(1), "", line_start + m.start(1), ce, cs, ce,
                 "direct", sp, (mention.start, mention.end), mention.kind, headline=True)


def _svo_subject(s: str, sent_start: int, verb_start: int):
    """Name-first subject before the verb: 'X قال', 'وكان X قد قال', 'أما X فقال',
    'وكانت الدكتورة أماني بلور، مديرة مستشفى ...، قالت', 'صحيفة "ديلي إيران" قالت'."""
    a = max(sent_start, verb_start - 200)
    seg_start = a
    for ch in "؛:.":
        k = s.rfind(ch, a, verb_start)
        if k >= 0 and k + 1 > seg_start:
            seg_start = k + 1
    toks = _tokens(s, seg_start, verb_start, limit=60)
    if len(toks) > 1 and toks[-1][0] in ("كان", "كانت") and _is_word(toks[-2][0]):
        toks = toks[:-1]  # "المجموعة الكورية الجنوبية كانت تقول": the subject, then كان, then the verb
    if not toks:
        return None
    commas = [k for k, t in enumerate(toks) if t[0] in ("،", ",") or t[0] in _PLAIN_MARKERS or t[0] == "بان"]
    starts = [0] + [k + 1 for k in commas]  # ("يشار إلى أن الرئيس ... ترامب قد قال": after أن)
    # "ولم تتبن أي جهة التفجيرات لكن إسرائيل تحمل حماس المسؤولية": a new clause after لكن
    starts += [k for k, t in enumerate(toks) if t[0] in ("لكن", "ولكن", "بينما", "وبينما", "فيما", "وفيما")]
    # "وقبل يوم كان ترامب قد كتب": after an opening phrase, the subject follows كان
    starts = sorted(set(starts) | {k + 1 for k, t in enumerate(toks[:-1]) if t[0] in ("كان", "كانت", "وكان", "وكانت",
                                                                                    "فكان", "فكانت")
                                   and (k == 0 or toks[k - 1][0] not in ("اذا", "لو", "ما", "عما"))
                                   and not toks[k + 1][0].startswith("ي")})  # (not "عما إذا كان يعرف")
    for c in starts:
        m = _subject_from(s, toks[c:])
        if m is not None:
            return m
    return None


def _subject_from(s: str, toks: list):
    """A mention that fills ``toks`` up to the verb, allowing one comma-delimited apposition."""
    i = 0
    while i < len(toks) and (toks[i][0] in _DISCOURSE):
        i += 1
    if i < len(toks) and toks[i][0].startswith("و") and toks[i][0][1:] in ("كان", "كانت"):
        i += 1
    if i > 0 and toks[i - 1][0] in ("في", "من") and i < len(toks) and toks[i][0] not in _DISCOURSE:
        return None  # "، في وقت سابق، ...": a prepositional phrase, its noun is no subject
    jend = len(toks)
    while jend > i and toks[jend - 1][0] in ("قد", "فقد", "لقد", "ف", "،", ",", "حيث", "اذ", "فيما", "بينما"):
        jend -= 1  # ("المتحدث باسم البنتاغون، حيث قال": حيث is no name)
        if toks[jend][0] == "قد" and jend > i + 1 and toks[jend - 1][0] in ("كان", "كانت", "كانوا"):
            jend -= 1  # "أن مسؤولين روس كانوا قد هددوا": the subject before كان
    if jend - i > 2 and toks[jend - 1][0] in ("ان", "أن", "وان") and toks[jend - 2][0] in ("سبق", "وسبق", "سبقت"):
        jend -= 2  # "لكن الأوروبيين سبق أن أعلنوا": "had already", the subject before it
    relative = [k for k in range(i, jend) if toks[k][0] in _RELATIVES and k > i and toks[k - 1][0] in ("،", ",")]
    if jend <= i or jend - i > (36 if relative else 16):
        return None
    sub = toks[i:jend]
    w0 = sub[0][0]
    if w0 in _PREPOSITIONS or w0[:1] in "وف" and w0[1:] in _PREPOSITIONS:
        return None  # "وفي يوليو، حذر": a time or place phrase, not a subject
    if w0[:1] in "بل" and len(w0) > 3 and (w0[1:] in _COUNTRIES or _is_definite(w0[1:])):
        return None  # "بكوريا الجنوبية": a prepositional phrase
    if w0.endswith("وا") and len(w0) >= 5:
        return None  # "المحتجين ... رددوا شعارات تدين": a plural verb, not a subject
    if w0.startswith("و") and len(w0) > 3 and not _is_definite(w0[1:]) and _bare(w0[1:]) not in _ORG_HEADS \
            and _bare(w0[1:]) not in _PERSON_HEADS and w0 not in _ORG_HEADS and w0 not in _PERSON_HEADS \
            and w0[1:] not in _GROUP_HEADS and w0[1:] not in _UNKNOWN_HEADS:
        return None  # "وأخذ أعضاء الأكاديمية ينتقدون": a clause opened by another verb
    stripped = w0.startswith("و") and (w0[1:] in _GROUP_HEADS or w0[1:] in _UNKNOWN_HEADS)
    if stripped:
        sub = _without_prefix(sub, 1)  # "ومصادر أمنية قالت"
    mention, j = _parse_mention(s, sub, 0)
    if mention is None and not stripped and w0.startswith("و") and len(w0) > 3:
        # strip a leading و from the first word (والحكومة قالت)
        sub = _without_prefix(sub, 1)
        mention, j = _parse_mention(s, sub, 0)
    if mention is None:
        return None
    if j < len(sub) and sub[j][0] == "في" and len(sub) - j <= 3:
        # السفارة السعودية في واشنطن: a location phrase ends the subject
        mention = Mention(mention.start, sub[-1][2], mention.title, mention.name, mention.kind)
        if mention.kind == "organization":
            mention.title = s[mention.start : mention.end]
        j = len(sub)
    if j < len(sub) and sub[j][0] in ("،", ",") and len(sub) - j <= (30 if j + 1 < len(sub) and sub[j + 1][0] in _RELATIVES else 9):
        # ("مايك بومبيو، الذي كلفه ترامب بقيادة المفاوضات ...، قال": a relative clause describes him)
        rest = sub[j + 1 :]
        if rest and all(_is_word(t[0]) and t[0] not in _MARKERS for t in rest) \
                and rest[0][0] not in ("لكن", "ولكن", "بل", "ثم", "بينما", "فيما", "وفيما", "وبينما"):
            # (an apposition, but not "غولن خلف الانقلاب، لكن غولن ينفى": a new clause)
            if mention.kind == "person" and not mention.name and len(rest) <= 4 and not _is_definite(rest[0][0]) \
                    and not any(t[0] in _STOP_WORDS for t in rest):
                mention = Mention(mention.start, rest[-1][2], mention.title,
                                  s[rest[0][1] : rest[-1][2]], "person")  # title، NAME، قال
            elif mention.kind == "person" and not mention.name and _is_definite(rest[0][0]) \
                    and rest[0][0] not in _RELATIVES and len(rest) <= 8:
                # "منسق الحدث، الفنان الشاب مراد سبيع، وصف": a second title and the name
                described, k = _parse_mention(s, rest, 0)
                if described is not None and described.kind == "person" and described.name and k == len(rest):
                    mention = Mention(mention.start, rest[-1][2], mention.title, described.name, "person")
            j = len(sub)  # "X، مديرة مستشفى ...، قالت": an apposition
    if j < len(sub) and mention.kind == "person" and mention.name and not mention.title \
            and _bare(sub[j][0]) in _PERSON_HEADS:
        title, k = _parse_mention(s, sub, j)
        if title is not None and k == len(sub):
            j = k  # "لكن معز الدبابي نائب رئيس جمعية آفاق قال": a name, then its title
    if j < len(sub) and mention.kind in ("group", "unknown") and not mention.name and len(sub) - j <= 2 \
            and all(_is_word(t[0]) and t[0] not in _STOP_WORDS and not _is_definite(t[0])
                    and t[0].endswith(("ة", "ي", "ون", "ين")) and t[0] not in VERB_FORMS for t in sub[j:]):
        # "لكن مصادر مطلعة قالت": the adjectives of an indefinite source
        mention = Mention(mention.start, sub[-1][2], s[mention.start : sub[-1][2]], "", mention.kind)
        j = len(sub)
    if j != len(sub):
        return None
    return mention


def _extract_doc(raw: str, skip_spans, head_spans, registry: Registry, year: int | None) -> list[_Stmt]:
    s, offs = normalize_with_offsets(raw)
    state = _DocState(registry, year, raw, offs)
    state.s = s
    out: list[_Stmt] = []
    if not s.strip():
        return out

    def to_norm(p):  # original offset -> normalised offset (for flags)
        if offs is None:
            return p
        import bisect

        return bisect.bisect_left(offs, p)

    skip = [(to_norm(a), to_norm(b)) for a, b in skip_spans]
    heads = [(to_norm(a), to_norm(b)) for a, b in head_spans]

    # "Name: quote" headline-shaped first line (and every flagged headline)
    first_nl = s.find("\n")
    first_end = len(s) if first_nl < 0 else first_nl
    # the cleaner usually flags that same first line as a headline: read each
    # line once, or the headline statement is emitted twice
    cand_lines = [(0, first_end)] + heads
    seen_lines: set[int] = set()
    for a, b in cand_lines:
        while a < b and s[a].isspace():
            a += 1
        if a in seen_lines or _in_spans(a, skip):
            continue
        seen_lines.add(a)
        st = _headline_statement(s, a, b, state)
        if st is not None:
            out.append(st)
    headline_done = {(st.start) for st in out}

    verb_matches = list(_VERB_RE.finditer(s))  # one scan; most sentences have no verb
    if not verb_matches:
        return _map_back(_unique_events(out), offs)
    starts = [m.start() for m in verb_matches]
    for sa, sb in split_sentences(s):
        if sa in headline_done:
            continue
        lo = bisect.bisect_left(starts, sa)
        if lo >= len(starts) or starts[lo] >= sb:
            if state.known:  # only a speaker already found can be displaced
                _remember_sentence_subject(s, sa, sb, state)
            continue
        hi = bisect.bisect_left(starts, sb, lo)
        sent_stmts: list[_Stmt] = []
        quotes = None
        for vm in verb_matches[lo:hi]:
            vstart = vm.start()
            if _in_spans(vstart, skip):
                continue
            if _via(vm) and vstart != sa:
                continue  # "عبر الكشف عن" (a bare عبر reports only opening a sentence)
            form = VERB_FORMS[vm.group(2)]
            if quotes is None:
                quotes = _quote_spans(s, sa, sb)
            if _in_spans(vstart, quotes):
                continue
            if sent_stmts and sent_stmts[-1].start <= vstart < sent_stmts[-1].content_start:
                continue  # the word sits inside the previous mention (قال طالب ...)
            if sent_stmts and vstart >= sent_stmts[-1].content_start \
                    and _previous_word(s, sa, vstart) in _MARKERS:
                continue  # "قال إنه أبلغ ...": a report inside the reported content
            if sent_stmts and vm.group(2) in ("يقول", "تقول") and vm.group(1) == "" \
                    and sent_stmts[-1].verb_end >= _previous_word_start(s, sa, vstart) - 1:
                continue  # "وكتب يقول": one event
            if not form.finite:
                _continue_statement(s, sent_stmts, out, vm, form, sa, sb, state)
                continue
            raw_verb = raw[map_offset(offs, vstart) : map_offset(offs, vm.end())]
            inside = bool(sent_stmts) and vstart >= sent_stmts[-1].content_start
            st = _finite_statement(s, vm, form, sa, sb, state, quotes, raw_verb, inside,
                                   sent_stmts[-1] if sent_stmts else None)
            if st is None:
                continue
            if sent_stmts and sent_stmts[-1].content_end > st.start:
                prev = sent_stmts[-1]
                if prev.content_start < st.start:
                    prev.content_end = max(prev.content_start, _rstrip_pos(s, prev.content_start, st.start))
                    prev.end = max(prev.end if prev.mode == "direct" else prev.content_end, prev.content_end)
                    prev.end = min(prev.end, st.start) if prev.end > st.start else prev.end
            sent_stmts.append(st)
        if not sent_stmts:
            _remember_sentence_subject(s, sa, sb, state)
        for st in sent_stmts:
            st.mode = _mode_of(s, st.content_start, st.content_end, st.mode) if st.mode != "direct" else "direct"
            if any(a <= st.verb_start < b for a, b in heads):
                st.headline = True
        out.extend(sent_stmts)

    _merge_surname_speakers(out)
    _consistent_kinds(out, s)
    return _map_back(_unique_events(out), offs)


def _remember_sentence_subject(s: str, sa: int, sb: int, state: _DocState) -> None:
    """A sentence with no report still moves the topic: "وزار الرئيس X المدينة. وقال
    إن ..." continues X, not an earlier speaker.  The named subject of the verb that
    opens the sentence becomes the most recent referent."""
    first = s[sa : min(sb, sa + 8)].split(" ", 1)[0]
    if not 4 <= len(first) <= 7 or first[0] not in "وف" or first[1:3] == "ال" or first in _DISCOURSE \
            or first in _STOP_WORDS or first in _NEGATIONS:
        return  # (cheap tests first: most sentences open otherwise)
    second = s[sa + len(first) : min(sb, sa + len(first) + 24)].split(None, 1)[:1]
    second = second[0] if second else ""
    if _is_definite(second) and not (_bare(second) in _PERSON_HEADS or _bare(second) in _ORG_HEADS
                                     or second in _COUNTRIES or second in _HONORIFICS):
        return  # "وشهدت المدينة": a definite noun that heads no speaker
    # past ـت and present ي- tell the gender; a present ت- may be feminine (وتقود) or a
    # masculine past (وتحدث): then only a state or organisation (feminine) is taken
    ambiguous = first[1:2] == "ت" and not first.endswith("ت")
    gender = "f" if first.endswith("ت") or ambiguous else "m"
    m = _sentence_subject(s, sa, min(sb, sa + 160), gender, need_tokens=2)
    if m is None or _ALL_QUOTES & set(s[m.start : m.end]) or ambiguous and m.kind != "organization":
        return  # ("ومنع القاضي "استخدام الأصفاد"": a quote is the object, not a name)
    title_head = _bare(m.title.split()[0]) if m.title.split() else ""
    if m.kind == "person" and m.name and (title_head in _PERSON_HEADS or state.by_name(m.name) is not None) \
            or m.kind == "person" and not m.name and title_head in _PERSON_HEADS and state.by_title(m.title) \
            or m.kind == "organization" and (title_head in _ORG_HEADS or m.title in _COUNTRIES):
        # a titled person, a person already known (also by title alone), an organisation
        # by its head noun ("وتصدرت تعليقات لافروف" has none: the subject is not a person)
        _remember_referent(state, s, m, gender)


def _remember_referent(state: _DocState, s: str, m: Mention, gender) -> None:
    """Make ``m`` the most recent referent for implicit subjects, without making it
    the last speaker (whom "وأضاف البيان" continues)."""
    state.referent_only = True
    try:
        _resolve_mention(state, s, m, gender)
    finally:
        state.referent_only = False


def _merge_surname_speakers(out: list) -> None:
    """Within one document a surname alone ("وقالت حداد", headline "الخطيب:")
    is the person the text names in full ("ليلى حداد", "سامر الخطيب"), before
    or after it: give every statement the full-name speaker.  Only when exactly
    one full name ends with those words and the genders do not clash."""
    full: dict[tuple, dict[str, Speaker]] = {}
    for st in out:
        sp = st.speaker
        if sp.registered or st.kind != "person":
            continue
        toks = tuple(name_key(sp.name_ar).split())
        for k in range(1, len(toks)):
            full.setdefault(toks[k:], {})[sp.speaker_id] = sp
    if not full:
        return
    remap: dict[str, Speaker] = {}
    for st in out:
        sp = st.speaker
        if sp.registered or st.kind not in ("person", "unknown") or sp.speaker_id in remap:
            continue  # a lone definite word ("الخطيب:") is parsed as kind unknown
        cands = full.get(tuple(name_key(sp.name_ar).split()))
        if not cands or len(cands) != 1:
            continue
        target = next(iter(cands.values()))
        if target.speaker_id != sp.speaker_id and (sp.gender is None or target.gender is None
                                                   or sp.gender == target.gender):
            remap[sp.speaker_id] = target
    for st in out:
        if st.speaker.speaker_id in remap:
            st.speaker = remap[st.speaker.speaker_id]
            st.kind = "person"


def _consistent_kinds(out: list, s: str = "") -> None:
    """One kind per speaker in a document: the registry's; an organisation's when
    its name starts with a body's head or is a state's; else the kind of the
    mention that named it ("كارول"، "مصدر قبلي"), so that a title-only or implicit
    reference ("وقالت المرأة"، "المصدر ذاته"، "وأضاف") does not change it."""
    kinds: dict[str, str] = {}
    for st in out:
        sid, words = st.speaker.speaker_id, st.speaker.name_ar.split()
        if st.speaker.registered:
            kinds[sid] = st.speaker.kind
        elif words and (_bare(words[0]) in _ORG_HEADS or name_key(st.speaker.name_ar) in _COUNTRY_KEYS):
            kinds[sid] = "organization"  # its name says so: "صحيفة ديلي ميل"، "طهران"
    for st in out:
        key = name_key(st.speaker.name_ar)
        if st.mention is not None and key and key in name_key(s[st.mention[0] : st.mention[1]]):
            kinds.setdefault(st.speaker.speaker_id, st.kind)
    for st in out:  # (no mention names it: the first explicit one that is not "unknown", else any)
        if st.mention is not None and st.kind != "unknown":
            kinds.setdefault(st.speaker.speaker_id, st.kind)
    for st in out:
        if st.mention is not None:
            kinds.setdefault(st.speaker.speaker_id, st.kind)
    for st in out:
        kinds.setdefault(st.speaker.speaker_id, st.kind)
    for st in out:
        st.kind = kinds[st.speaker.speaker_id]


def _unique_events(out: list) -> list:
    """One row per reporting event: a verb (or headline name) is reported once
    even if two paths reached it (a flagged headline that is also a sentence)."""
    seen: set[tuple[int, int]] = set()
    kept = []
    for st in out:
        key = (st.verb_start, st.verb_end)
        if key in seen:
            continue
        seen.add(key)
        kept.append(st)
    return kept


def _map_back(out: list, offs) -> list:
    """Offsets of the normalised copy -> offsets of the original text."""
    if offs is not None:
        for st in out:
            for f in ("verb_start", "verb_end", "start", "end", "content_start", "content_end"):
                setattr(st, f, map_offset(offs, getattr(st, f)))
            if st.mention is not None:
                st.mention = (map_offset(offs, st.mention[0]), map_offset(offs, st.mention[1]))
    return out


def _rstrip_pos(s: str, a: int, b: int) -> int:
    while b > a and s[b - 1] in " \t،,؛و":
        if s[b - 1] == "و" and b - 2 >= a and s[b - 2] not in " \t":
            break
        b -= 1
    return b


# An object never starts with an adjunct: "كما شددت الإجراءات الأمنية في المنطقة"
_SPEECH_NOUNS = {"بيان", "تصريح", "تصريحات", "مؤتمر", "حديث", "مقابلة", "تغريدة", "كلمة", "لقاء", "رسالة",
                 "مذكرة", "وثيقة", "شكوى", "مقال", "تدوينة", "تغريدات", "مناشير", "منشورات",
                 "اتصال", "بيانه", "بيانها", "تصريحه", "تصريحها", "كلمته", "كلمتها", "خطاب", "منشور", "تقرير"}
_NOT_OBJECT_STARTS = (_NOT_NOUNS - {"الى", "إلى"}) | _MARKERS | {
    "قد", "لا", "لم", "لن", "ما", "اذا", "ان", "ثم", "او", "في", "خلال", "منذ", "عند", "بعد", "قبل", "حيث", "كما",
    "وفي", "داخل", "خارج", "امام", "حتى"}
_RELATIVE_RE = re.compile(r"(?<!\w)(?:الذي|التي|الذين|اللذين|اللتين|يبدو|حيث)(?!\w)")
_PAST_T = {f for f in VERB_FORMS if f.startswith("ت") and f[:4] in ("تابع", "تساء", "توقع", "تعهد")}
_NEXT_WORD_RE = re.compile(r"\s*(\w+)")
_RESUMPTIVE = {"فيها", "فيه", "فيهم", "فيهما", "بها", "به", "عنها", "عنه", "منها", "منه", "عليها", "عليه"}
_CAME_IN_SUBJECTS = {"تقارير", "انباء", "معلومات", "اخبار", "روايات", "تقرير", "نبا", "خبر", "اسماء"}
# Form-I verbs: a damma on the present prefix (يُزعم، يُذكر) marks the passive.
_FORM_ONE = {"قال", "زعم", "ذكر", "كتب", "نقل", "رأى", "كشف", "وصف", "حذر", "طالب", "ختم", "شرح", "رد",
             "لفت", "علق", "نفى", "دعا", "روى"}


def _derived_with_t(lemma: str) -> bool:
    """Forms V-VIII and X (تحدث، اتهم، اعتبر، انتقد، استنكر): their active present
    takes a fatha on the prefix, so a damma there marks the passive (تُتّهم)."""
    return lemma.startswith("ت") or lemma.startswith("ا") and len(lemma) >= 4 and (
        lemma[1] == "ت" or lemma[2] == "ت" or lemma.startswith("است"))


# ("حين" is not here: before a finite verb it is "when": في حين أعلن، حين اتهمت)
_PREPOSITIONS = {"بعد", "قبل", "عند", "عقب", "منذ", "اثر", "حول", "في", "على", "من", "عن", "الى", "إلى",
                 "لدى", "خلال", "ضد", "مع", "بين", "حتى", "لدي", "وبعد", "وقبل", "فور", "بمجرد", "وفي", "وعلى",
                 "ومن", "وعن", "ومع", "وحول", "وخلال", "وعقب", "واثر", "ومنذ"}


def _mention_gender(m: Mention) -> str:
    """A guess from the noun phrase alone: organisations are feminine (أعلنت الوزارة),
    groups plural, persons by their title (وزيرة) or else masculine."""
    if m.kind == "organization":
        return "f"
    if m.kind == "group":
        return "p"
    head = m.title.split()[0] if m.title.split() else ""
    return "f" if head.endswith("ة") and _bare(head) in _PERSON_HEADS else "m"


def _pronoun_gender(word: str) -> str | None:
    """Gender of an attached pronoun: قوله m, قولها f, قولهم / قولهما p."""
    for suffix, gender in (("هما", "p"), ("هم", "p"), ("ها", "f"), ("ه", "m")):
        if word.endswith(suffix):
            return gender
    return None


# plurals of the أفعال shape that name people ("أنصاره، أقاربها"), not verbal nouns
_GROUP_PLURALS = {"انصار", "اقارب", "اعضاء", "اهالي", "اصدقاء", "اتباع", "افراد", "ابناء", "اشقاء", "اهل",
                  "مؤيدو", "منتقدو", "معارضو", "محامو", "مسؤولو", "ممثلو", "خصوم", "منافسو", "زملاء", "جيران"}
# subordinating words that open a clause like a verb would (وإذا فاز أردوغان، ...)
_CONJUNCTIONS = {"اذا", "لو", "لما", "عندما", "حينما", "بينما", "كلما", "طالما", "لكي", "حتى", "منذ", "بعدما"}
_COUNT_WORDS = {"ثلاثة", "ثلاث", "اربعة", "اربع", "خمسة", "خمس", "ستة", "ست", "سبعة", "سبع", "ثمانية",
                "تسعة", "عشرة", "عشر", "عدة", "بضعة", "بضع", "مئات", "آلاف", "الاف", "عشرات"}
_NEGATIONS = {"لم", "لن", "لا", "ما", "ولم", "ولا", "ولن", "فلم", "فلا"}
_PLURAL_SUFFIXES = ("وا", "ون", "ان", "تا")
# a connector carrying the subject as a pronoun: the verb after it has no noun subject
_PRONOUN_CONNECTORS = {p + c + suf for p in ("", "و", "ف") for c in ("لكن", "لان", "كون", "ان", "بان")
                       for suf in ("ه", "ها", "هم")} - {"ان", "وان", "فان"}


def _previous_word_start(s: str, sa: int, vstart: int) -> int:
    k = s.rfind(" ", sa, max(sa, vstart - 1))
    return k + 1 if k >= 0 else sa


def _previous_word(s: str, sa: int, vstart: int) -> str:
    return s[_previous_word_start(s, sa, vstart) : vstart].strip()


# verbs of appeal (and accusation) and the preposition that introduces what is asked (or alleged)
_ADDRESSEE_LEMMAS = {"دعا": ("الى", "إلى"), "حث": ("على",), "طالب": ("ب",), "ناشد": ("ب",), "اتهم": ("ب",)}


def _continues_with_addressee(prev_stmt, prefix: str, form: VerbForm, mention: Mention, toks: list, j: int) -> bool:
    """"حذرت النقابة من ...، ودعت الحكومة إلى وضع خطة": a و-verb of appeal in
    the same sentence as a statement whose verb agrees in gender continues its
    subject; the title-only noun after it, followed by the preposition the verb
    governs (دعا إلى، طالب بـ، حث على), is the addressee."""
    if prev_stmt is None or prefix != "و" or form.lemma not in _ADDRESSEE_LEMMAS or mention.name \
            or j >= len(toks):
        return False
    prev_form = VERB_FORMS.get(prev_stmt.verb)
    if prev_form is None or prev_form.gender != form.gender:
        return False
    nxt = toks[j][0]
    return nxt in _ADDRESSEE_LEMMAS[form.lemma] or ("ب" in _ADDRESSEE_LEMMAS[form.lemma] and nxt.startswith("ب")
                                                    and len(nxt) > 3)


def _finite_statement(s, vm, form, sa, sb, state: _DocState, quotes, raw_verb: str, inside_content=False,
                      prev_stmt=None):
    vstart, vend = vm.start(), vm.end()
    prefix = vm.group(1)
    word = vm.group(2)
    prev_word = _previous_word(s, sa, vstart)
    if prev_word in _NEGATIONS and not _is_attribution(s, sa, vstart) \
            and not (prev_word == "ما" and word not in _BASE_FORMS and form.lemma != "وصف"):  # ("وهو ما نفاه")
        return None  # لم يذكر، لا يقول: not a report of speech
    if prefix == "" and (prev_word in _PREPOSITIONS or prev_word in ("او", "أو", "عدم")):
        return None  # "بعد كشف ملفاتها"، "افتراض أو توقع قيامنا": a verbal noun
    if prefix == "" and form.lemma in _FORM_ONE and prev_word in _COUNT_WORDS:
        return None  # "ونشر ثلاثة كتب عن المريخ": a counted noun (books), no verb
    if prefix == "" and prev_word in ("مما", "ما", "بما", "وهو ما", "لما") and not _is_attribution(s, sa, vstart) \
            and (word in _BASE_FORMS or form.lemma == "وصف"):  # (but "وهو ما نفاه الوزير": what he denied)
        return None  # "مما يشير إلى أن": "which indicates", no speaker
    if prefix == "" and word[:1] in "يت" and prev_word in ("ان", "أن", "لكي", "كي", "حتى", "لن"):
        return None  # "أن تقول له وداعا": "to say", not a report
    # "أصدر بيانا قال فيه"، "نشر تغريدة قال فيها": a statement noun, then the verb and
    # its resumptive pronoun; the subject is the sentence's (or the last speaker)
    next_word = _NEXT_WORD_RE.match(s, vend)
    speech_relative = prefix == "" and next_word is not None and next_word.group(1) in _RESUMPTIVE \
        and _speech_noun_before(s[max(sa, vstart - 60) : vstart].split()[-5:])
    if prefix == "" and form.lemma in _FORM_ONE and word[:1] not in "يت" and prev_word.lstrip("س")[:1] in "يت" \
            and not speech_relative \
            and len(prev_word) >= 4 and prev_word[-1:] not in "،," \
            and not _KANA_SUBJECT_RE.search(s, max(sa - 1, vstart - 80, 0), vstart) and state.by_name(prev_word) is None:
        return None  # "يتولى شرح مراحل الانتخابات": a verbal noun after a verb (not "وكان ترامب قال")
    stem_raw = raw_verb[1:] if prefix and raw_verb[:1] in "وف" else raw_verb
    if len(stem_raw) > 1 and stem_raw[1] == "\u064f" and form.finite \
            and (word[:1] not in "يت" or form.lemma in _FORM_ONE or _derived_with_t(form.lemma)):
        return None  # وذُكر، وأُعلن، يُزعم، تُتّهم: passive, no speaker
    if word[:1] == "ا" and _derived_with_t(form.lemma) and "\u064f" in stem_raw[1:5] and form.finite:
        return None  # "واتُّهم فيس بوك": a past passive of a derived verb
    if word == "دان" and prefix == "" and not (vstart == sa or prev_word in _DISCOURSE or prev_word.endswith(("،", ","))):
        return None  # "وقال دان كوتس": the name Dan, not "condemned"
    between = form.lemma == "بين" and word == "بين" and "\u0651" not in raw_verb
    if between and prefix == "":
        return None  # بين without shadda is the preposition "between" ...
    toks = _tokens(s, vend, min(sb, vend + 250), limit=30)
    if form.lemma == "بين" and word == "تبين" and toks and toks[0][0] in ("من", "ان", "انه", "انها", "لنا", "لها",
                                                                          "له", "لي"):
        return None  # "وتبين أن", "تبين من التحقيقات": "it turned out", no speaker
    if form.lemma == "تابع" and prefix == "" and toks and toks[0][0][:1] == "ل" and toks[0][0] not in _MARKERS:
        return None  # "مصنع تابع لمتطرفي درنة": belonging to, not "continued"
    if form.lemma == "ادان" and any(t[0] in ("بالفضل", "بالولاء", "بالشكر") for t in toks[:6]):
        return None  # "يدين منتخب بلجيكا بالفضل": owes, not condemns
    if form.lemma == "عبر" and (not any(t[0] == "عن" and (k + 1 >= len(toks) or toks[k + 1][0] != "طريق")
                                        for k, t in enumerate(toks[:8]))
                               or word == "عبر" and toks and any(toks[0][0].startswith(v) and len(toks[0][0]) - len(v) <= 2
                                                                 for v in _VIA_WORDS)):
        return None  # عبر "via", "crossed": a report only as عبّر (X) عن, not before a channel
        # ("وعبر موقع تويتر كان دائم التغريد عن الموقف")
    responsibility = _responsibility_at(toks) if form.lemma == "حمل" else -1
    if form.lemma == "حمل" and responsibility < 0:
        return None  # حمل "carried", "held": a report only as حمّل X المسؤولية (blamed)
    if form.lemma == "طالب" and word == "طالب" and toks and toks[0][0] in ("لجوء", "اللجوء"):
        return None  # "طالب لجوء": an asylum seeker, a noun
    if form.lemma == "لفت" and toks and (toks[0][0].startswith(("انتباه", "الانتباه", "الانظار", "النظر", "نظر"))):
        return None  # "لفت انتباهي": drew attention, not "pointed out"
    if form.lemma == "اضاف" and any(t[0] in _GOAL_WORDS for t in toks[:3]) \
            and not any(t[0] in _MARKERS or t[0] in _ALL_QUOTES or t[0] == ":" for t in toks[:3]):
        return None  # "أضاف سواريز الهدف الثاني"، "أضاف بيدرو هدفا": scored, not said
    if form.lemma == "رد" and toks and toks[0][0] in ("فعل", "الفعل"):
        return None  # "رد فعل": a reaction, a noun
    if form.lemma == "رد" and prefix == "" and word == "رد" and _is_word(prev_word) \
            and prev_word not in _DISCOURSE and prev_word not in _STOP_WORDS and vstart > sa \
            and not prev_word.endswith(("،", ",")):
        return None  # "في إطار رد واشنطن": the noun "reply" in a construct
    if form.lemma == "رد" and prefix == "و" and toks and (toks[0][0] in _CAME_IN_SUBJECTS or toks[0][0] == "في"):
        return None  # "وردت تقارير", "ورد في البيان": ورد "came in", not رد "replied"
    if form.lemma == "جاء" and not speech_relative:
        return None if inside_content else _came_in_statement(s, vm, word, sa, sb, toks, state, form)
    # "ونشر المسماري تغريدة باللغتين تشير إلى أن": the statement noun is the present verb's
    # subject; its author speaks
    noun_speaks = prefix == "" and word[:1] in "يت" and not speech_relative and not inside_content \
        and _speech_noun_before(s[max(sa, vstart - 60) : vstart].split()[-5:])
    author = _clause_subject_before(s, sa, vstart) if speech_relative or noun_speaks else None
    if form.lemma == "جاء" and author is None:
        return None  # "تلقت الشرطة رسالة جاء فيها": whoever wrote it is not named
    if toks and toks[0][0] in ("بذلك", "ذلك") and form.lemma in _SAID_THAT_LEMMAS and not inside_content \
            and (vstart == sa or prefix or prev_word in _DISCOURSE):
        return _said_that_statement(s, vm, word, sa, toks, state, form)
    if toks and toks[0][0] in _RESUMPTIVE and not speech_relative \
            and not (prev_word in ("الذي", "التي") and len(toks) > 1 and _opens_speaker(toks[1][0])):
        return None  # "مقالات ينتقد فيها": a relative clause, its subject is elsewhere
        # (but "في الوقت الذي قال فيه وزير الخارجية": in which the minister said)
    i = _skip_fillers(toks, 1 if speech_relative else 0)
    if (prefix or vstart == sa) and i + 1 < len(toks) and toks[i][0] in ("هذه", "هذا", "تلك", "ذلك", "هؤلاء") \
            and _is_definite(toks[i + 1][0]) \
            and _bare(toks[i + 1][0]) not in _PERSON_HEADS and _bare(toks[i + 1][0]) not in _ORG_HEADS \
            and _bare(toks[i + 1][0]) not in _GROUP_HEADS:
        return None  # "وتؤكد هذه الاتصالات على ...": the subject is a thing, no speaker
    if i < len(toks) and toks[i][0] in _HONORIFIC_PRONOUNS:
        i += 1  # "وبين سموه أن": "His Highness", a pronoun for the last speaker
    mention, j = (None, i)
    pronoun_subject = form.gender == "p" and word.split()[0].endswith(_PLURAL_SUFFIXES) \
        or prefix == "" and prev_word in _PRONOUN_CONNECTORS  # "لكنه استبعد تجميد العقود": he, the object follows
    q = _quoted_run(toks, i) if i < len(toks) and toks[i][0] in _ALL_QUOTES else -1
    starts_like_subject = i < len(toks) and (
        (_is_word(toks[i][0]) and toks[i][0] not in _MARKERS)
        or (0 < q < len(toks)
            and (_is_word(toks[q][0]) and toks[q][0] not in _STOP_WORDS
                 and toks[q][0] not in VERB_FORMS and toks[q][0][1:] not in VERB_FORMS
                 or toks[q][0] in _PLAIN_MARKERS and (q - i <= 4 or all(t[0] in _LETTER_NAMES for t in toks[i + 1 : q - 1]))
                 or toks[q][0] in ("،", ",", ":") and q - i <= 5 and q + 1 < len(toks) and toks[q + 1][0] in _MARKERS))
    )  # (قالت "إيرنا" إنه، وتابع "العدواني": أن، وأضافت "سي إن بي سي" أن: a short quoted name right before the content)
    if i < len(toks) and toks[i][0] in ("يقول", "تقول", "قائلا", "قائلة"):
        starts_like_subject = False  # "وكتب يقول ...": the next verb continues this one
    if i < len(toks) and toks[i][0].endswith("ا") and not _is_definite(toks[i][0]) \
            and _ends_name(toks[i][0], toks[i + 1][0] if i + 1 < len(toks) else ""):
        starts_like_subject = False  # "وقال متحدثا لمحطة": how he said it; the subject is implicit
    if 0 < i <= len(toks) and toks[i - 1][0] in ("كذلك", "ايضا"):
        starts_like_subject = False  # "وذكر كذلك تويتر وفيسبوك": the object; the subject is implicit
    each_of = i + 2 < len(toks) and toks[i][0] == "كل" and toks[i + 1][0] == "من"
    if each_of:
        i += 2  # "وأكد كل من X ونظيره Y أن": the first of the coordinated speakers
    if not pronoun_subject and starts_like_subject:
        mention, j = _parse_mention(s, toks, i, ba_object=form.lemma in _BA_LEMMAS, obj_verb=form.need == "obj")
        if form.lemma == "حمل" and mention is not None:
            # حمّل X Y المسؤولية: two noun phrases are subject and object; one is the object
            if responsibility == i:
                return None  # "تحمّل المسؤولية": bore the responsibility, no one blamed
            mention, j = _parse_mention(s, toks[:responsibility], i)
            if mention is None or j >= responsibility:
                mention, j = None, i
        if mention is not None and form.lemma == "دعا" and toks[i][0] == "الله":
            mention, j = None, i  # "ودعا الله عز وجل أن": prayed to God, who is the object
        if mention is not None and j + 2 < len(toks) and toks[j][0] == "على" and toks[j + 1][0] == "لسان" \
                and form.lemma != "نقل":  # (نقل على لسان: an attribution, read below)
            # "استنكرت الكويت على لسان وزير خارجيتها صباح الخالد": the one who spoke for it
            voice, k = _parse_mention(s, toks, j + 2)
            if voice is not None and voice.kind == "person" and voice.name:
                mention, j = voice, k
        if each_of and mention is not None:
            j = _skip_coordinated(s, toks, j)
        if mention is not None and j + 1 < len(toks) and toks[j][0] == "ل" and toks[j + 1][0] in _ALL_QUOTES \
                and _quoted_run(toks, j + 1) > 0:
            j = _quoted_run(toks, j + 1)  # 'وقالت مصادر لـ"العربية" إن': the outlet addressed, not a quote
    if mention is not None and not mention.name and mention.kind in ("person", "unknown"):
        mention, j = _called_name(s, toks, j, mention)
    if mention is not None and mention.kind == "person" and not mention.name and not _speaks_for_person(mention.title):
        mention, j = _apposition_name(s, toks, j, mention)
    if mention is not None and mention.title and mention.kind in ("person", "unknown") \
            and not _speaks_for_person(mention.title) and (not mention.name or _ALL_QUOTES & set(s[mention.start : mention.end + 1])
                 or j < len(toks) and toks[j][0] in ("،", ",")):
        # a name in a construct chain is a place's: حاكم إقليم ولاية سيبيتوكي، ...، أنسيلمي نسابيمانا;
        # a quoted "name" after a title is an institution's: مدير نادي "سولد غولدن"، كريج كورك
        mention, j = _name_after_description(s, toks, j, mention)
    if mention is not None and mention.kind == "unknown" and not mention.name and _is_definite(toks[i][0]):
        mention, j = _apposition_name(s, toks, j, mention)  # "المؤسس المشارك في الشركة، مايكل سكوت،"
    if mention is not None and mention.kind == "person" and mention.title and mention.name and j < len(toks) \
            and toks[j][0] in ("،", ",") and _ALL_QUOTES & set(s[mention.end - len(mention.name) - 1 : mention.end + 1]):
        # 'المدير التنفيذي لمركز "بورتون داون"، غاري أيتكينهيد، زعم': the quoted name is the
        # institution's; the person is named between the commas
        described = Mention(mention.start, mention.end, s[mention.start : mention.end], "", "person")
        named, k = _apposition_name(s, toks, j, described)
        if named.name and not _name_like(toks, j + 1, k - 1) and toks[k - 1][0] in ("،", ","):
            # "، ثاني أكبر فصائل المنطقة، وائل علوان": a description first, then the name
            second, k2 = _apposition_name(s, toks, k - 1, described)
            named, k = (second, k2) if second.name and _name_like(toks, k, k2 - 1) else (described, j)
        if named.name:
            mention, j = named, k
    if mention is not None and form.need == "obj" and mention.kind == "person" and not mention.title \
            and j == i + 2 and _is_definite(toks[i + 1][0]) and not _is_nisba(toks[i + 1][0]) \
            and state.by_name(toks[i][0]) is not None and state.by_name(mention.name) is None:
        # "ونفى ماكيب الاتهامات": a known surname, then the object (not a surname with ال)
        mention, j = Mention(toks[i][1], toks[i][2], "", toks[i][0], "person"), i + 1
    if mention is not None and form.need == "obj" and mention.kind == "person" and j >= i + 2 \
            and not _is_definite(toks[i][0]) and _is_definite(toks[i + 1][0]) and not _is_nisba(toks[i + 1][0]) \
            and _registered_person(toks[i][0], state.registry) \
            and not _registered_person(mention.name or mention.title, state.registry):
        # "انتقد لافروف الضربة الأمريكية": a registered surname, then the object
        mention, j = Mention(toks[i][1], toks[i][2], "", toks[i][0], "person"), i + 1
    if mention is not None and mention.kind == "person" and not mention.name and i < len(toks) \
            and not _is_definite(toks[i][0]) and j > i + 1:
        known = state.by_name(toks[i][0])
        if known is not None and known.kind == "person":
            # "حذر أردوغان الولايات المتحدة": a known surname, then the object
            mention, j = Mention(toks[i][1], toks[i][2], "", toks[i][0], "person"), i + 1
    if mention is not None and form.lemma in ("اتهم", "وصف") and j < len(toks) and toks[j][0].startswith("ب") \
            and word in _BASE_FORMS \
            and (len(toks[j][0]) > 2 or j + 1 < len(toks) and toks[j + 1][0] in _ALL_QUOTES) \
            and (toks[j][0] not in _MARKERS or form.lemma == "وصف" and toks[j][0] in ("بانه", "بانها", "بانهم", "بانهما")
                 and not mention.name and j - i <= 2 and not _opens_speaker(toks[i][0])):
        # "واتهمت الإمارات بالوقوف وراء"، "وصف الأراضي بـ"، "ووصف الاتفاق بأنه": the object (بأنه refers
        # back to it); the subject is implicit
        mention, j = None, i
    if mention is not None and word not in _BASE_FORMS and toks[i][0].startswith("ب") and toks[i][0] not in _MARKERS:
        mention, j = None, i  # "وصفها بغير المسبوقة": the pronoun is the object, the ب-phrase follows at once
    if between and (j >= len(toks) or toks[j][0] not in _MARKERS):
        return None  # ... unless "وبين X أن", "وبين أن" (and he explained that)
    continued = None  # the statement or referent whose speaker this one keeps (no mention of its own)
    if mention is not None and _continues_with_addressee(prev_stmt, prefix, form, mention, toks, j):
        mention, j, continued = None, i, prev_stmt
    if mention is None and form.lemma == "ذكر" and word.startswith("ي"):
        return None  # "يذكر أن": "it is worth mentioning", impersonal
    if mention is None and prefix == "" and word == "يتوقع" and i < len(toks) and toks[i][0] in ("ان", "أن"):
        return None  # "فيما يتوقع أن ترتفع الحصيلة": "it is expected", impersonal
    if mention is not None and form.gender == "m" and (mention.kind == "organization" and not mention.name
                                                       or toks[i][0] in _USUAL_OBJECTS
                                                       or not mention.name and _bare(toks[i][0]) not in _PERSON_HEADS
                                                       and i + 1 < len(toks) and _is_nisba(toks[i + 1][0])
                                                       and toks[i + 1][0].endswith(("ية", "يه"))) \
            and _is_definite(toks[i][0]) and (toks[i][0].endswith(("ة", "ات")) or toks[i][0] in _BROKEN_PLURAL_OBJECTS):
        mention, j = None, i  # "دعا الحكومة إلى"، "ووصف التقارير بالكاذبة": a feminine noun or a plural
        # of things after a masculine verb is its object
    if mention is not None and form.need == "obj" and not mention.title and j == i + 1 and j < len(toks) \
            and _is_definite(toks[j][0]) and not toks[j][0].endswith("ي") and toks[i][0] not in _COUNTRIES \
            and toks[j][0] not in _TIME_WORDS and _bare(toks[j][0]) not in _PERSON_HEADS \
            and toks[j][0] not in _COUNTRIES and toks[j][0] != "الامم" and _bare(toks[j][0]) not in _ORG_HEADS \
            and state.by_name(toks[i][0]) is None and not _named_before(s, toks[i][0], sa) \
            and not (toks[j][0] in _USUAL_OBJECTS and not toks[i][0].endswith("ة") and toks[i][0] not in _MASDARS
                     and not _MASDAR_SHAPE.match(toks[i][0])):  # ("نفى ماتيس الأمر": a name, then its object)
        mention, j = None, i  # "أكدت وجود المشكلة": a masdar object, the subject is implicit
    if mention is not None and mention.name and not mention.title and mention.kind == "person" \
            and j < len(toks) and _bare(toks[j][0]) in _PERSON_HEADS:
        # "أشرف القدرة الناطق باسم وزارة الصحة ... أن", "كانسيوس ندايمانيشا حاكم ولاية
        # كايانزا إن": the title after the name is the person's (so that a later
        # "الحاكم" finds him) and the content starts after it
        title, k = _parse_mention(s, toks, j)
        if title is not None and title.kind == "person":
            mention = Mention(mention.start, mention.end, s[title.start : title.end], mention.name, "person")
            j = _skip_apposition_title(s, toks, j)
    elif mention is not None and mention.name and not mention.title and mention.kind == "person" \
            and j + 1 < len(toks) and toks[j][0] in ("،", ",") and _is_definite(toks[j + 1][0]) \
            and _bare(toks[j + 1][0]) in _PERSON_HEADS:
        # "وقال ألكسندر روندوس، المبعوث الخاص للاتحاد الأوروبي، إن": the title in
        # apposition is his too (a later "المسؤول الأوروبي" finds him)
        title, k = _parse_mention(s, toks, j + 1)
        if title is not None and title.kind == "person" and not title.name:
            mention = Mention(mention.start, mention.end, s[title.start : title.end], mention.name, "person")
    elif mention is not None and mention.name and mention.kind == "person" and j < len(toks) \
            and _bare(toks[j][0]) in _PERSON_HEADS and not _is_definite(toks[j][0]):
        j = _skip_apposition_title(s, toks, j)  # "الأمير خالد الفيصل مستشار خادم الحرمين ... أن"
    if mention is not None and form.need == "obj" and mention.kind == "person" and not mention.title \
            and " " not in mention.name and j < len(toks) and _has_pronoun_suffix(toks[j][0]) \
            and (mention.name.endswith("ة") or _MASDAR_SHAPE.match(mention.name) or _has_pronoun_suffix(mention.name)) \
            and state.by_name(mention.name) is None and not _named_before(s, toks[i][0], sa):
        mention, j = None, i  # "ووصفت جريمة قتلها بالوحشية": a noun and its genitive, the object
    if mention is not None and form.need == "obj" and not mention.name and _MASDAR_SHAPE.match(toks[i][0]) \
            and toks[i][0] not in _ORG_HEADS and toks[i][0] not in _PERSON_HEADS and toks[i][0] not in _COUNTRIES:
        mention, j = None, i  # "وأكدت إدراك الناس": إفعال/استفعال/تفعيل/افتعال, a verbal noun object
    issued = False  # the document's issuer speaks: the verb agrees with the document, not with it
    if mention is not None and toks[i][0] in ("بيان", "تقرير", "رسالة", "تصريح", "مذكرة"):
        # "ذكر بيان من الرئاسة المصرية أن", "قال بيان صادر عن الوزارة": the issuer speaks
        k = i + 1 + (i + 1 < len(toks) and toks[i + 1][0] in ("صادر", "صادرة"))
        issuer, k2 = None, k
        if k < len(toks) - 1 and toks[k][0] in ("من", "عن"):
            issuer, k2 = _parse_mention(s, toks, k + 1)
        elif k < len(toks) and toks[k][0].startswith("ل") and len(toks[k][0]) > 4:
            issuer, k2 = _lam_issuer(s, toks, k)  # "وتضمن بيان للشرطة أنها"، "ذكر بيان لوزارة الداخلية"
        if issuer is not None and issuer.kind in ("organization", "person", "group"):
            mention, j = Mention(mention.start, issuer.end, issuer.title, issuer.name, issuer.kind), k2
            issued = True
    if mention is not None and form.need == "obj" and j == i + 1 and _is_definite(toks[i][0]) \
            and not mention.name and mention.kind != "organization" and _bare(toks[i][0]) not in _PERSON_HEADS \
            and _bare(toks[i][0]) not in _GROUP_HEADS and _bare(toks[i][0]) not in _UNKNOWN_HEADS \
            and toks[i][0] not in _HONORIFICS and toks[i][0] not in _COUNTRIES and not _is_nisba(toks[i][0]) \
            and j < len(toks) and toks[j][0].startswith("ب") and toks[j][0] not in _MARKERS:
        mention, j = None, i  # "تدين الزج بالشباب": a verbal noun and its ب-complement, the object
    after = toks[j][1] if j < len(toks) else (toks[-1][2] if toks else vend)
    if mention is None:
        # from the verb on, so that a parenthetical stays visible ("أعلن، في 27 أبريل، أنه")
        after = toks[0][1] if toks and toks[0][0] in ("،", ",") else (toks[i][1] if i < len(toks) else vend)
        if i < len(toks) and _is_organisation_l(toks[i][0]):
            # "وصرح لمجموعة "فونكه" الإعلامية بقوله:": the body addressed, then the content
            addressee, k = _parse_mention(s, _without_prefix(toks[i:], 1), 0)
            if addressee is not None and i + k < len(toks):
                after = toks[i + k][1]
    span_start = vstart
    speaker_gender = form.gender if not issued else None
    # نقلت وكالة X عن Y (قوله): the speaker is Y
    if form.lemma == "نقل" and mention is not None and _is_attribution(s, sa, vstart) \
            and not (j < len(toks) and toks[j][0] == "عن"):
        return None if inside_content else _attribution_statement(s, vm, word, sa, sb, mention, state, form)
    if form.lemma == "نقل":
        k = j
        while k < len(toks) and k - j < 7 and toks[k][0] not in ("عن", "عنه", "عنها", "عنهم", "لسان") \
                and toks[k][0] not in _MARKERS:
            k += 1
        if k < len(toks) and toks[k][0] == "لسان" and toks[k - 1][0] != "على":
            k = len(toks)  # only "ونقل الموقع على لسان النائب X": the one who spoke follows, as after عن
        j = k if k < len(toks) and toks[k][0] in ("عن", "عنه", "عنها", "عنهم", "لسان") else j
        if j < len(toks) and toks[j][0] in ("عنه", "عنها", "عنهم") and mention is not None:
            # "ونقل مكتب الرئيس عنه قوله": the one the pronoun refers to speaks
            quoted = state.by_gender(_pronoun_gender(toks[j][0]))
            if quoted is None:
                return None
            mention, j = None, j + 1
            while j < len(toks) and (toks[j][0].startswith("قول") or toks[j][0].startswith("تاكيد")):
                j += 1
            after = toks[j][1] if j < len(toks) else sb
            continued = quoted
        elif j < len(toks) and toks[j][0] in ("عن", "لسان"):
            m2, j2 = _parse_mention(s, toks, j + 1)
            if m2 is None:
                return None
            mention, j = m2, j2
            if mention.kind == "person" and not mention.name:
                mention, j = _apposition_name(s, toks, j, mention)
            after = toks[j][1] if j < len(toks) else sb
            # the verb agrees with the agency; the speaker's gender is in قوله / قولها
            speaker_gender = _pronoun_gender(toks[j][0]) \
                if j < len(toks) and toks[j][0].startswith(("قول", "تاكيد")) else _mention_gender(mention)
            while j < len(toks) and (toks[j][0] in ("قوله", "قولها", "قولهم", "قولهما")
                                     or toks[j][0].startswith("تاكيد") and toks[j][0].endswith(("ه", "ها", "هم"))):
                j += 1
                after = toks[j][1] if j < len(toks) else sb
        else:
            return None
    if prefix == "" and mention is not None and form.lemma != "نقل" \
            and _KANA_SUBJECT_RE.search(s, max(sa - 1, vstart - 80, 0), vstart):
        svo = _svo_subject(s, sa, vstart)
        if svo is not None:  # "كان حفيد هولمان لاحظ حزن جده": the subject precedes, the noun is the object
            mention, j, span_start = svo, i, svo.start
            after = toks[i][1] if i < len(toks) else vend
    if prefix == "" and mention is not None and span_start == vstart and vstart > sa and prev_word not in _DISCOURSE \
            and prev_word not in _RELATIVES and not prev_word.endswith(("،", ",", ":")) and form.lemma != "نقل" \
            and not mention.name and j == i + 1 and _is_definite(toks[i][0]) and _bare(toks[i][0]) not in _PERSON_HEADS \
            and _bare(toks[i][0]) not in _ORG_HEADS and toks[i][0] not in _COUNTRIES and mention.kind != "organization" \
            and not inside_content:
        svo = _svo_subject(s, sa, vstart)
        if svo is not None:  # "إلا أن وزارة الدفاع نفت الأمر": the subject precedes, the noun is the object
            mention, j, span_start = svo, i, svo.start
            after = toks[i][1] if i < len(toks) else vend
    relative_disagrees = prev_word == "التي" and form.gender == "m" or prev_word == "الذي" and form.gender == "f"
    if mention is None and prefix == "" and prev_word in _RELATIVES and not relative_disagrees and not (
            form.lemma in _OBJECT_SUFFIX_LEMMAS and word.endswith(("ه", "ها", "هم")) and word not in _PAST_T):
        # ("الهجمات التي قال إنها": a masculine verb after التي; its subject is someone else, implicit)
        # ("مع كيم الذي وصفه بأنه": the antecedent is the object, the subject is implicit)
        # المرصد السوري ...، الذي قال إنها: the antecedent speaks, when the content follows at once
        # ("البطولة التي اختتمت مساء السبت، مفيدا إلى أن" is an event)
        window = 9 if toks and toks[0][0] in ("في", "خلال", "عبر", "امام", "لدى", "،") else 4
        reports = any(t[0] in _MARKERS or t[0] in _ALL_QUOTES or t[0] == ":"
                      or form.need == "ila" and t[0] in ("الى", "إلى") for t in toks[:window])
        mention = _relative_antecedent(s, sa, vstart) if reports else None
        if mention is None:
            return None  # "الدول التي انتقدت تدخلها": the antecedent is no speaker
    if mention is None and prefix == "" and prev_word in _GROUP_HEADS and vstart > sa:
        # "بعد تقارير أفادت بأن": an indefinite plural noun, then its verb (a relative clause)
        p0 = _previous_word_start(s, sa, vstart)
        mention, span_start = Mention(p0, p0 + len(prev_word), prev_word, "", "group"), p0
    if mention is None and prefix in ("", "ف") and not relative_disagrees \
            and prev_word not in ("هو", "وهو", "هي", "وهي", "هم", "وهم", "فهو", "فهي", "فهم"):
        svo = _svo_subject(s, sa, vstart)  # ("وهو يقول": the pronoun's referent is the last speaker)
        if svo is not None:
            if form.lemma == "اتهم" and word in ("اتهم", "اتهمت") and i < len(toks) and toks[i][0].startswith("ب"):
                _remember_referent(state, s, svo, form.gender)  # still the topic of what follows
                return None  # "كان جونسون قد اتهم بأنه ...": passive (اُتّهم), he is accused, no speaker
            mention = svo
            span_start = svo.start
    if inside_content and prefix == "" and mention is None and (word[:1] in "يت" and word not in _PAST_T
                                                                or prev_word[:1].isdigit()):
        return None  # "قالت إن معلوماتها تفيد بأن": a verb of the reported clause
    need = form.need
    skipped = toks[i - 1][0] if 0 < i <= len(toks) else ""
    if mention is None and skipped in VERB_FORMS and not VERB_FORMS[skipped].finite:
        need = VERB_FORMS[skipped].need  # "وأضاف مؤكدا نية السعودية": the participle says what follows
    if need == "obj" and prefix == "" and vstart > sa and mention is not None and span_start == vstart \
            and prev_word not in _DISCOURSE and prev_word not in _CONJUNCTIONS \
            and not prev_word.endswith(("،", ",", ":")) and word in _BASE_FORMS \
            and not _opening_phrase(s, sa, vstart):
        need = "content"  # a bare verb mid-sentence (أدين طالب لجوء): ask for أن/quote (not after بعدما، عندما)
    found = _find_content(s, after, sb, need, form.lemma)
    if found is not None and word not in _BASE_FORMS and found[0] == found[1] and not s.startswith("ب", found[1]):
        found = None  # "التي نفتها الرياض ووصفتها": the pronoun is the object; what follows is not
    if found is None and mention is not None and not inside_content and _is_attribution(s, sa, vstart):
        return _attribution_statement(s, vm, word, sa, sb, mention, state, form)
    if found is None and mention is not None and word.endswith(("ه", "ها")) and word not in _BASE_FORMS \
            and prev_word in _RELATIVE_OBJECT_WORDS:
        return _antecedent_statement(s, vm, word, sa, mention, state, form)
    clause_initial = prefix in ("و", "ف") or vstart == sa or prev_word in _DISCOURSE or prev_word.endswith(("،", ","))
    if found is None:
        if mention is not None and mention.kind != "unknown" and clause_initial:
            _resolve_mention(state, s, mention, form.gender)  # still a discourse referent
        return None
    marker, cstart, mode = found
    if cstart >= sb:
        return None
    if form.lemma == "اكمل" and mode != "direct":
        return None  # أكمل "completed" (a visit, a list) unless it introduces quoted words
    # content end: closing quote for direct speech, else the sentence end
    cend = sb
    end = sb
    if mode == "direct":
        open_ch = s[marker] if s[marker] in "“«\"" else None
        if open_ch is None and cstart < sb and s[cstart] in "“«\"":
            open_ch = s[cstart]
            marker = cstart
        if open_ch is not None:
            close = {"“": "”", "«": "»", '"': '"'}[open_ch]
            k = s.find(close, marker + 1, sb)
            if k < 0 and open_ch == '"':
                k = s.find("”", marker + 1, sb)
            if k >= 0:
                cstart, cend, end = marker + 1, k, k + 1
            else:
                cstart, cend, end = marker + 1, sb, sb
    cend = _rstrip_pos(s, cstart, cend)
    if end == sb:
        end = cend if cend > cstart else sb
        while end < sb and s[end] in ".!؟?\"”»":
            end += 1
    if mention is not None:
        sp = _resolve_mention(state, s, mention, speaker_gender)
        mspan, kind = (mention.start, mention.end), sp.kind if sp.registered else mention.kind
    elif continued is not None:
        sp, kind = continued.speaker, continued.kind
        mspan = None
    elif _coordinated_with(prev_stmt, s, prefix, form, vstart):
        sp, kind, mspan = prev_stmt.speaker, prev_stmt.kind, None  # "نفتها الرياض ووصفتها بأنها": the same subject
    else:
        subj = author  # (of the statement noun before the verb)
        if subj is None:
            subj = _sentence_subject(s, sa, vstart, form.gender) if vstart > sa else None
        if subj is None and prev_word in ("اذ", "حيث"):
            subj = _nominal_subject(s, sa, vstart)  # "الفريق ضاحي خلفان لم يترك المقال ... إذ قال"
        if subj is None and speech_relative:
            subj = _opening_verb_subject(s, sa, vstart)  # "أصدر عدد من المشايخ بيانا استنكروا فيه"
        if subj is None and prefix == "و" and vstart > sa:
            subj = _fronted_subject(s, sa, vstart, form.gender)  # "لكن المصدر قلل من أهميته وقال إن"
        if subj is None and prefix == "و" and form.gender == "f" and s[sa : vstart].split(" ", 1)[0].endswith("ت"):
            subj = _opening_verb_subject(s, sa, vstart)  # "قدمت دولة الإمارات مذكرة ...، ونوهت إلى"
        if subj is not None:
            sp = _resolve_mention(state, s, subj, form.gender)
            kind = sp.kind if sp.registered else subj.kind
        else:
            k = state.by_gender(form.gender)
            if k is None:
                prev = _previous_sentence_subject(s, sa, form.gender)
                if prev is None or form.gender == "p" and prev.kind == "person":
                    return None  # (a plural verb is no single person's: its subject went unseen)
                sp = _resolve_mention(state, s, prev, form.gender)
                kind = sp.kind if sp.registered else prev.kind
            else:
                sp, kind = state.again(k, form.gender), k.kind
        mspan = None
    return _Stmt(vstart, vend, word, span_start, end, cstart, cend, mode, sp, mspan, kind)


# "وهي الاتهامات التي نفتها الرياض"، "وهو ما نفاه الوزير": the verb's pronoun
# object stands for what the relative word hangs on, said before the verb.
_RELATIVE_OBJECT_WORDS = {"التي", "الذي", "ما", "وهو ما", "مما"}


def _antecedent_statement(s, vm, word, sa, mention, state, form):
    """A report whose content is the clause before its relative word (the
    accusations, "ما" = what was said), back to the last comma."""
    def after_last_comma(ce):
        return max(sa, s.rfind("،", sa, ce) + 1, s.rfind(",", sa, ce) + 1)

    ce = _rstrip_pos(s, sa, _previous_word_start(s, sa, vm.start()))
    cs = after_last_comma(ce)
    if s[cs:ce].strip() in ("وهو", "وهي", "وهذا", "وذلك", "الامر", "وهو الامر", "الشيء") and cs > sa:
        ce = _rstrip_pos(s, sa, cs - 1)  # "صدرت النتائج، وهو ما نفاه": the clause before the comma
        cs = after_last_comma(ce)
    cs += len(s[cs:ce]) - len(s[cs:ce].lstrip(" "))
    if ce - cs < 6:
        return None
    sp = _resolve_mention(state, s, mention, form.gender)
    kind = sp.kind if sp.registered else mention.kind
    return _Stmt(vm.start(), vm.end(), word, cs, mention.end, cs, ce, "indirect", sp, (mention.start, mention.end), kind)


def _named_before(s: str, word: str, before: int) -> bool:
    """``word`` closed a two-word name earlier in the document ("أقيل أندرو ماكيب" before
    "ونفى ماكيب الاتهامات"), so it is that person's surname, not a verbal noun."""
    if word in _MASDARS or _MASDAR_SHAPE.match(word) or word.endswith(("ة", "ات")) or len(word) < 4:
        return False
    for m in re.finditer(r"(?<!\w)(\w+) " + re.escape(word) + r"(?!\w)", s[:before]):
        first = m.group(1)
        if not _is_definite(first) and first not in _STOP_WORDS and not _has_pronoun_suffix(first) \
                and first not in VERB_FORMS and first[:1] not in "وفبل":
            return True
    return False


def _coordinated_with(prev_stmt, s: str, prefix: str, form: VerbForm, vstart: int) -> bool:
    """A و-verb right after the previous report of its sentence, with nothing
    between but its clause, and of the same gender, shares that report's subject."""
    if prev_stmt is None or prefix != "و" or form.gender not in ("m", "f") or prev_stmt.verb_end > vstart:
        return False
    prev_form = VERB_FORMS.get(prev_stmt.verb)  # (the verb without its و/ف prefix)
    if prev_form is None or prev_form.gender != form.gender:
        return False
    if prev_stmt.end <= vstart:
        return not s[prev_stmt.end : vstart].strip(" ،,")
    # its object runs on to this verb after a comma: "واتهم الميليشيا بالتلاعب ...، واعتبر ذلك"
    return prev_form.need == "obj" and s[:vstart].rstrip().endswith(("،", ","))


def _speaks_for_person(title: str) -> bool:
    """"متحدث باسم القائد العسكري الليبي، خليفة حفتر،": the name after it is the principal's."""
    words = title.split()
    k = words.index("باسم") if "باسم" in words else -1
    return 0 <= k < len(words) - 1 and _bare(words[k + 1]) in _PERSON_HEADS


def _apposition_name(s: str, toks: list, j: int, mention: Mention) -> tuple[Mention, int]:
    """'وزير الدولة ...، أنور قرقاش، الجمعة': a name between commas after a title."""
    n = len(toks)
    j0 = j
    while j < n and j - j0 < 7 and toks[j][0] not in ("،", ",") and _is_word(toks[j][0]) \
            and (j > j0 or toks[j][0].startswith(("ب", "ل")) or toks[j][0] == "في"):
        j += 1  # a tail of the title: "بعملية السلام في الشرق الأوسط"
    if j >= n or toks[j][0] not in ("،", ",") or j + 1 < n and toks[j + 1][0][:1] == "و" \
            and (_has_pronoun_suffix(toks[j + 1][0][1:]) or _is_definite(toks[j + 1][0][1:])):
        return mention, j0  # ("البطريركية، ومقرها القسطنطينية": a clause, not a name)
    k = j + 1
    longest = 4 + sum(1 for t in toks[j + 1 : j + 7] if t[0] in _HONORIFICS or t[0] in _NAME_PARTICLES or t[0] == "-")
    while k < n and k - j <= longest and (_is_word(toks[k][0]) and toks[k][0] not in _STOP_WORDS
                                          or toks[k][0] == "-" and k > j + 1 and k + 1 < n and _is_word(toks[k + 1][0])) \
            and not (k == j + 1 and _is_definite(toks[k][0]) and toks[k][0] not in _HONORIFICS):
        k += 1  # ("، الأمير زيد بن رعد الحسين،": an honorific and بن do not count)
    end = k + 1 if k + 1 < n and toks[k][0] in _MANNER_WORDS and toks[k + 1][0] in ("،", ",") else k
    if k == j + 1 or k - j > longest + 1 or (end < n and toks[end][0] not in ("،", ",", ".")):
        return mention, j0  # ("، عبدالرقيب فتح بشدة،": how he said it may close the apposition)
    first = j + 1
    while first < k - 1 and (toks[first][0] in _HONORIFICS and toks[first][0] not in _ROYAL_HONORIFICS
                             or first > j + 1 and toks[first][0] in ("الركن", "ركن", "اول")):
        first += 1  # ("، الملازم سلطان شمسان،": a rank is no part of the name; a prince's title is)
    name = s[toks[first][1] : toks[k - 1][2]]
    return Mention(mention.start, toks[k - 1][2], mention.title, name, "person"), \
        min(end + 1, n) if end < n and toks[end][0] != "." else end


_RELATIVES = {"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان"}
# what one writes or publishes: "كتب ديفيد إغناتيوس مقالا" (the object ends the name)
_OBJECT_NOUNS = {"مقالا", "مقالة", "تقريرا", "بيانا", "منشورا", "كتابا", "تعليقا", "رسالة", "تغريدة", "خطابا",
                 "كلمة", "تصريحا", "مقابلة", "مقالات", "رسائل"}
_KANA_SUBJECT_RE = re.compile(r"(?:^|[\s.،,])[وف]?كان(?:ت)?\s+[^\s.،,؟!:]+(?:\s+[^\s.،,؟!:]+){0,4}\s*$")
# verbal-noun patterns (normalised, hamza folded): إفعال، استفعال، تفعيل، افتعال
_MASDAR_SHAPE = re.compile(r"^(?:ا\w\wا\w|است\w\wا\w|ت\w\wي\w|ت\w\w\wي\w|ا\wت\wا\w|م\wا\w\wة)$")
_INFIAL = re.compile(r"^ان\w\wا\w$")  # انفجار، انسحاب، انهيار (a name "بان" is shorter)
_MUFAALA = re.compile(r"^م\wا\w\wة$")  # مواصلة، مشاركة، مطالبة: never a first name
_HONORIFIC_PRONOUNS = {"سموه", "سموها", "معاليه", "معاليها", "فخامته", "سعادته", "سعادتها", "فضيلته"}


def _relative_antecedent(s: str, sa: int, vstart: int) -> Mention | None:
    """The noun phrase a relative clause hangs on ("بحسب المرصد السوري لحقوق
    الإنسان، الذي قال"): the longest speaker-like phrase ending right before
    the relative pronoun (and its comma)."""
    toks = _tokens(s, max(sa, vstart - 160), vstart, limit=40)
    end = len(toks) - 1  # the relative pronoun
    if end > 0 and toks[end - 1][0] in ("،", ","):
        end -= 1
    for k in range(max(0, end - 8), end):
        if not _is_word(toks[k][0]) or toks[k][0] in _STOP_WORDS or toks[k][0].lstrip("وف") in ("كان", "كانت"):
            continue  # ("وكان السوري الذي قال": the noun after كان)
        word = toks[k][0]
        if k > 0 and _is_word(toks[k - 1][0]) and toks[k - 1][0] not in _STOP_WORDS \
                and not toks[k - 1][0].startswith(("و", "ب", "ل")) and word[:2] != "ال" and k != end - 1:
            continue  # inside a phrase: start at its beginning
        mention, j = _parse_mention(s, toks[:end], k)
        if mention is not None and j == end and mention.kind in ("person", "organization", "group", "unknown") \
                and (mention.name or _bare(toks[k][0]) in _PERSON_HEADS or _bare(toks[k][0]) in _ORG_HEADS
                     or toks[k][0] in _COUNTRIES or _is_definite(toks[k][0]) and end - k >= 2):
            return mention
    return None


def _skip_apposition_title(s: str, toks: list, j: int) -> int:
    """Index after a title that follows a name ("الناطق باسم وزارة الصحة في غزة"),
    when the content marker comes after it; else ``j``."""
    title, k = _parse_mention(s, toks, j)
    if title is None:
        return j
    m = k
    while m < len(toks) and m - k < 8 and _is_word(toks[m][0]) and toks[m][0] not in _MARKERS \
            and toks[m][0] not in VERB_FORMS:
        m += 1  # a tail: في غزة في بيان
    return m if m < len(toks) and (toks[m][0] in _MARKERS or toks[m][0] in (":", "،", ",")) else j


def _name_like(toks: list, a: int, b: int) -> bool:
    """toks[a:b] read as a person's name: 1-4 words, the first indefinite and
    no time word, stop word or content marker ("مايكل آفينياتي", "بنهام بن تاليبو")."""
    if not 1 <= b - a <= 4 or b > len(toks):
        return False
    first = toks[a][0]
    if _is_definite(first) and first not in _HONORIFICS or first[:1].isdigit():
        return False
    if first.startswith("و") and (first[1:] in _STOP_WORDS or _is_definite(first[1:]) or _has_pronoun_suffix(first[1:])):
        return False  # "وذلك نتيجة"، "ومقرها القسطنطينية": a new clause
    return all(_is_word(t) and t not in _STOP_WORDS and t not in _MASDARS and not _is_media_l(t)
               and t not in VERB_FORMS and not (t[:1] in "وف" and t[1:] in VERB_FORMS)
               and _bare(t) not in _PERSON_HEADS and _bare(t) not in _ORG_HEADS for t, _, _ in toks[a:b])


def _name_after_description(s: str, toks: list, j: int, mention: Mention) -> tuple[Mention, int]:
    """The person a titled mention describes, named after it between commas:
    'محامي ستورمي دانيلز، مايكل آفينياتي، إنه', 'الباحث المختص في الشؤون الإيرانية
    بمؤسسة ...، بنهام بن تاليبو، أن', 'حاكم إقليم سيبيتوكي، الواقع على الحدود ...،
    أنسيلمي نسابيمانا أن'.  The description may run on for a few words; the
    name is the last comma-delimited segment before the content marker."""
    n = len(toks)
    k = j
    commas = []
    while k < n and k - j < 24:
        t = toks[k][0]
        if t in _ALL_QUOTES and k + 1 < n and 0 < _quoted_run(toks, k) - k <= 6 and k > j:
            k = _quoted_run(toks, k)  # a quoted short name inside the description: "بارع"
            continue
        if t in _MARKERS or t in _ALL_QUOTES or t == ":" or t == ".":
            break
        if t in ("،", ","):
            commas.append(k)
        k += 1
    if k >= n or toks[k][0] in (".",):
        return mention, j
    honorific = [h for h in range(j, k) if toks[h][0] in _HONORIFICS]
    a = honorific[-1] + 1 if honorific else k
    while a < k and toks[a][0] in ("اول", "ركن", "الركن", "متقاعد", "المتقاعد"):
        a += 1  # "الفريق أول سعيد بن عبدالله القحطاني": the rank has two words
    b = k - 1 if k - 1 > a and toks[k - 1][0] in ("،", ",") else k  # ("... تركي المالكي، أن")
    if honorific and _name_like(toks, a, b):
        # "المشرف العام على البرنامج الوطني ... "بارع" الدكتور جاسر الحربش أن"
        title = (mention.title + " " + mention.name).strip()
        return Mention(mention.start, toks[b - 1][2], title, s[toks[a][1] : toks[b - 1][2]], "person"), k
    if not commas:
        return mention, j
    # the name: the last comma-delimited segment before the marker that is not
    # just a time ("، سوزان رايس، يوم الأحد:"), its trailing time words dropped
    bounds = [j - 1] + commas + [k]
    a = b = -1
    for x in range(len(bounds) - 1, 0, -1):
        a, b = bounds[x - 1] + 1, bounds[x]
        while b > a and (toks[b - 1][0] in _TIME_WORDS or toks[b - 1][0] in ("يوم", "امس")):
            b -= 1  # "أنسيلمي نسابيمانا أمس أن"
        if b > a and toks[a][0] in ("ل", "لـ") or b > a and _is_media_l(toks[a][0]):
            b = a  # '، لـ"سكاي نيوز عربية" أن': the addressee, the name is before it
        while a < b - 1 and toks[a][0].startswith("بال"):
            a += 1  # "... بالنيابة عيضة الهذلي": "acting", then the name
        if b > a or x == 1:
            break
    if a <= j or not _name_like(toks, a, b):
        return mention, j
    desc = [x[0] for x in toks[j:a]]
    if any(t in _MARKERS or _bare(t) in _PERSON_HEADS for t in desc):
        return mention, j  # another person's title: a second noun phrase, not a description
    d0 = desc[0]
    if not (d0 in ("،", ",", "في", "من", "لدى", "عن") or d0.startswith(("ب", "ل")) or _is_definite(d0)
            or d0.startswith("و") and (_is_definite(d0[1:]) or _has_pronoun_suffix(d0[1:]))):
        # ("الكاتب والباحث السياسي، ..."، "مؤلف العمل ومخرجه، ابراهيم بن محمد، إن")
        return mention, j  # "أعلن نجم المنتخب ... اعتزال اللعب": an object, not a description
    title = (mention.title + " " + mention.name).strip()
    # what lies between the name and the marker (a time, an addressee) is not content
    return Mention(mention.start, toks[b - 1][2], title, s[toks[a][1] : toks[b - 1][2]], "person"), k


_ATTRIBUTION_RE = re.compile(r"(?:(?<!\w)(?:ب?حسب|وفق|وفقا ل|طبقا ل)\s*ما|(?<!\w)(?:وفقا لما|ب?حسبما|وفقما|كما))\s*$")


def _is_attribution(s: str, sa: int, vstart: int) -> bool:
    """"... بحسب ما أعلنت الخارجية": the verb attributes the preceding clause."""
    return _ATTRIBUTION_RE.search(s, max(sa, vstart - 16), vstart) is not None


def _attribution_statement(s, vm, word, sa, sb, mention, state, form):
    m = _ATTRIBUTION_RE.search(s, max(sa, vm.start() - 16), vm.start())
    cend = _rstrip_pos(s, sa, m.start())
    if cend - sa < 10:
        return None
    sp = _resolve_mention(state, s, mention, form.gender)
    kind = sp.kind if sp.registered else mention.kind
    seg = s[sa:cend]
    mode = "mixed" if any(c in seg for c in "\"“”«»") else "indirect"
    return _Stmt(vm.start(), vm.end(), word, sa, mention.end, sa, cend, mode, sp, (mention.start, mention.end), kind)


_SAID_THAT_LEMMAS = {"قال", "صرح", "اوضح", "اكد", "اعلن", "ذكر", "افاد", "بين", "كشف"}


def _responsibility_at(toks: list) -> int:
    """Index of مسؤولية (any case, with ال or و) among the first ten tokens, or -1."""
    return next((k for k, t in enumerate(toks[:10])
                 if t[0].lstrip("و").startswith(("مسؤولي", "المسؤولي", "مسئولي", "المسئولي"))), -1)


def _clause_subject_before(s: str, sa: int, vstart: int) -> Mention | None:
    """"...، وأصدرت وزارة الخارجية القطرية بيانين أنكرت فيهما": the subject of the
    nearest verb of issuing (أصدر، نشر، وجه ...) before the statement noun, in the same
    sentence ("تلقت الشرطة رسالة جاء فيها": the receiver is not the author)."""
    toks = _tokens(s, max(sa, vstart - 160), vstart, limit=30)
    for k in range(len(toks) - 2, -1, -1):
        t = toks[k][0]
        if (t[1:] if t[:1] in "وف" and t[1:] in _ISSUING_VERBS else t) in _ISSUING_VERBS:
            if k > 0 and toks[k - 1][0] in _RELATIVES:
                # "مكتب الاتصالات القطري الذي أصدر بيانا جاء فيه": the antecedent issued it
                return _relative_antecedent(s, sa, toks[k][1])
            m, _ = _parse_mention(s, toks, k + 1)
            if m is not None and m.kind == "unknown" and " " not in m.title and _bare(m.title) not in _UNKNOWN_HEADS:
                m = Mention(m.start, m.end, "", m.title, "person")  # "ونشر المسماري تغريدة": a surname
            if m is not None and m.kind in ("person", "organization", "group") and not _plural_noun_as_name(m) \
                    and _bare(toks[k + 1][0].rstrip("ا")) not in _SPEECH_NOUNS:
                return m  # (not "ونشر تغريدة أكد فيها": the subject is implicit there)
            return None
    return None


_ISSUING_VERBS = {f + g for f in ("اصدر", "نشر", "وجه", "بعث", "ارسل", "القى", "الق", "كتب", "اطلق", "عقد", "قدم",
                                  "نظم", "وزع", "بث", "اعد") for g in ("", "ت", "وا")}


def _speech_noun_before(words: list) -> bool:
    """A statement noun among the words before a verb with a resumptive pronoun; it may
    stand a few words back ("ألقت مناشير على مدينة درنة، دعا فيها"), but not before an
    issuer in a لـ-phrase ("بيان للبيت الأبيض ذكر فيه": the issuer is not the subject)."""
    for k in range(len(words) - 1, -1, -1):
        w = words[k].strip("،,")
        if _bare(w.rstrip("ا")) in _SPEECH_NOUNS or w.endswith(("ان", "ين")) and _bare(w[:-2]) in _SPEECH_NOUNS:
            return True  # (بيانا، بيانان: one statement or two)
        if _is_media_l(w) or w.startswith("لل") and _bare(w[2:]) in _ORG_HEADS:
            return False
    return False


def _opening_phrase(s: str, sa: int, vstart: int) -> bool:
    """The sentence opens with a short prepositional phrase right before the verb
    ("وخلال اللقاء شدد الرئيس", "وفي كلمته أكد"): the verb is clause-initial."""
    words = s[sa:vstart].split()
    if not 2 <= len(words) <= 3:
        return False
    w0 = words[0][1:] if words[0][:1] in "وف" and len(words[0]) > 2 else words[0]
    return w0 in _PREPOSITIONS and all(_is_word(w) for w in words[1:])


def _fronted_subject(s: str, sa: int, vstart: int, gender) -> Mention | None:
    """A sentence that opens with its subject and a first verb ("لكن المصدر قلل من أهمية
    البيان، وقال إن"): the و-verb shares that subject."""
    toks = _tokens(s, sa, vstart, limit=16)
    i = 0
    while i < len(toks) and toks[i][0] in _DISCOURSE:
        i += 1
    if i >= len(toks) or not _is_definite(toks[i][0]) and toks[i][0] not in _COUNTRIES:
        return None  # (a titled or named speaker: المصدر، الوزير، الجيش)
    m, j = _parse_mention(s, toks, i)
    if m is None or m.kind not in ("person", "organization", "unknown", "group") or j >= len(toks):
        return None
    if m.title and m.name and " " not in m.name and toks[j - 1][0] == m.name and toks[j][0] in _PREPOSITIONS:
        # "المصدر قلل من": the one-word "name" is the verb, a preposition follows it
        j -= 1
        kind = "unknown" if _bare(m.title.split()[0]) in _UNKNOWN_HEADS else m.kind
        m = Mention(m.start, toks[j - 1][2], m.title, "", kind)
    verb = toks[j][0]
    if _is_definite(verb) or not 3 <= len(verb) <= 6 or verb in _STOP_WORDS or not _is_word(verb) \
            or verb[:1] in "وفبل" or gender == "f" and not verb.endswith("ت") or gender == "m" and verb.endswith("ت"):
        return None
    return m


def _plural_noun_as_name(m: Mention) -> bool:
    """"وجاءت تعليقات ترامب": an untitled "name" opening with a plural noun is none."""
    return m.kind == "person" and not m.title and m.name.split()[0].endswith("ات")


def _opening_verb_subject(s: str, sa: int, vstart: int) -> Mention | None:
    """The subject of an unprefixed verb opening the sentence ("أصدر عدد من المشايخ
    بيانا ..."): the noun phrase right after it, when it names a speaker."""
    toks = _tokens(s, sa, vstart, limit=14)
    first = toks[0][0] if toks else ""
    if (first[1:] if first[:1] in "وف" else first) in _PREPOSITIONS:
        # "وبعد ذلك، أصدر كيلي بيانا": past an opening phrase closed by a comma
        comma = next((k for k, t in enumerate(toks[:5]) if t[0] in ("،", ",")), -1)
        toks = toks[comma + 1 :] if comma > 0 else []
    if len(toks) < 3 or _is_definite(toks[0][0]) or not 3 <= len(toks[0][0]) <= 6 or toks[0][0] in _STOP_WORDS:
        return None
    m, _ = _parse_mention(s, toks, 1)
    if m is None or m.kind == "unknown" and not m.name or _plural_noun_as_name(m):
        return None
    return m


def _skip_coordinated(s: str, toks: list, j: int) -> int:
    """Past "و + noun phrase" speakers coordinated with the one before ("ونظيره الروسي
    سيرغي لافروف"); returns the index after the last of them."""
    for _ in range(3):
        if j >= len(toks) or not toks[j][0].startswith("و") or len(toks[j][0]) < 4:
            break
        other, k = _parse_mention(s, _without_prefix(toks[j:], 1), 0)
        if other is None or other.kind not in ("person", "organization", "group"):
            break
        j += k
    return j


def _lam_issuer(s: str, toks: list, k: int) -> tuple[Mention | None, int]:
    """The issuer of a statement after its ل ("بيان لوزارة الداخلية"، "للجيش" = ل + الجيش),
    with the article its title lost to the ل; and the index after it."""
    t = toks[k][0]
    bare = _without_prefix(toks[k:], 2, "ال") if t.startswith("لل") else _without_prefix(toks[k:], 1)
    issuer, j = _parse_mention(s, bare, 0)
    if issuer is not None and t.startswith("لل") and issuer.title:
        issuer = Mention(issuer.start, issuer.end, "ال" + issuer.title, issuer.name, issuer.kind)
    return issuer, j + k


def _came_in_statement(s, vm, word, sa, sb, toks, state, form):
    """"وجاء في بيان للوزارة أن ..." (the issuer speaks), "وجاء في البيان أن ..." (whoever
    issued the statement named before); any other جاء is no report."""
    if len(toks) < 3 or toks[0][0] != "في" or _bare(toks[1][0]) not in _SPEECH_NOUNS:
        return None
    k = 2
    if toks[k][0] in ("صادر", "صادرة") and k + 1 < len(toks) and toks[k + 1][0] in ("عن", "من"):
        k += 2
    t = toks[k][0] if k < len(toks) else ""
    if t.startswith("ل") and len(t) > 3:
        issuer, j = _lam_issuer(s, toks, k)
    elif k > 2:
        issuer, j = _parse_mention(s, toks, k)
    elif _is_definite(toks[1][0]):
        issuer, j = Mention(toks[1][1], toks[1][2], toks[1][0], "", "organization"), 2  # "في البيان"
    else:
        return None
    if issuer is None:
        return None
    found = _find_content(s, toks[j][1] if j < len(toks) else sb, sb, "content", form.lemma)
    if found is None:
        return None
    marker, cstart, mode = found
    cend = _rstrip_pos(s, cstart, sb)
    end = sb
    while end > cend and s[end - 1].isspace():
        end -= 1
    sp = _resolve_mention(state, s, issuer, _mention_gender(issuer))
    kind = sp.kind if sp.registered else issuer.kind
    return _Stmt(vm.start(), vm.end(), word, vm.start(), end, cstart, cend, mode, sp,
                 (issuer.start, issuer.end), kind)


def _said_that_statement(s, vm, word, sa, toks, state, form):
    """"صرح بذلك المتحدث الرسمي ...", "أعلن ذلك رئيس الوزراء": the speaker of the
    sentence before, which is the content."""
    k = _skip_fillers(toks, 1)
    mention, j = _parse_mention(s, toks, k) if k < len(toks) else (None, k)
    if mention is None or mention.kind not in ("person", "organization", "group", "unknown"):
        return None
    if mention.kind == "person" and not mention.name:
        mention, j = _name_after_description(s, toks, j, mention)
    previous_end = _sentence_end_before(s, sa)  # the "." or newline closing the sentence before
    if previous_end < 0:
        return None
    cstart = _sentence_end_before(s, previous_end) + 1
    while cstart < previous_end and s[cstart].isspace():
        cstart += 1
    cend = _rstrip_pos(s, cstart, previous_end)
    if cend - cstart < 10:
        return None
    sp = _resolve_mention(state, s, mention, form.gender)
    kind = sp.kind if sp.registered else mention.kind
    mode = "mixed" if any(c in s[cstart:cend] for c in "\"“”«»") else "indirect"
    return _Stmt(vm.start(), vm.end(), word, cstart, mention.end, cstart, cend, mode, sp,
                 (mention.start, mention.end), kind)


_SENTENCE_END_RE = re.compile(r"[.!؟?](?=\s)|\n")


def _sentence_end_before(s: str, end: int) -> int:
    """Position of the last sentence end (". " or a newline, not the point of 4.7) before ``end``, or -1."""
    last = -1
    for m in _SENTENCE_END_RE.finditer(s, max(0, end - 600), end):
        last = m.start()
    return last


def _previous_sentence_subject(s: str, sa: int, gender, back: int = 3) -> Mention | None:
    """No earlier speaker: the subject of a verb opening one of the previous
    sentences ("وأثارت النائبة سامية عبو ضجة ... . وقالت ...")."""
    end = sa
    for _ in range(back):
        p = _sentence_end_before(s, end)
        if p <= 0:
            return None
        start = _sentence_end_before(s, p) + 1
        while start < p and s[start] in " \n\t":
            start += 1
        m = _sentence_subject(s, start, min(p, start + 160), gender, need_tokens=2)
        if m is not None:
            return m
        end = start
    return None


def _nominal_subject(s: str, sa: int, vstart: int, any_predicate: bool = False) -> Mention | None:
    """The named person a nominal sentence opens with ("الفريق ضاحي خلفان لم يترك
    المقال يمر ... إذ قال"), when a verb or a negation follows the name."""
    toks = _tokens(s, sa, vstart, limit=12)
    i = 0
    while i < len(toks) and toks[i][0] in _DISCOURSE:
        i += 1
    if i >= len(toks) or toks[i][0][:1] in "بل" and toks[i][0][1:] in ("هذا", "هذه", "ذلك", "تلك"):
        return None  # ("بهذا الحديث ختم ...": a prepositional phrase opens the sentence)
    m, j = _parse_mention(s, toks, i)
    if m is None or m.kind != "person" or not m.name or j >= len(toks):
        return None
    nxt = toks[j][0]
    if any_predicate and _is_word(nxt) and not _is_definite(nxt) and nxt not in _STOP_WORDS and m.title:
        return m  # "رئيس الكوكب دباس الدوسري تحدث ...": a titled name, then its predicate
    return m if nxt in ("لم", "لن", "قد", "لا", "كان", "كانت") or nxt in VERB_FORMS else None


def _sentence_subject(s: str, sa: int, vstart: int, gender, need_tokens: int = 3) -> Mention | None:
    """Implicit subject of a coordinated verb: 'ورفض المتحدث ... ذلك، وقال إن'
    shares the subject of the verb that opens the sentence."""
    toks = _tokens(s, sa, vstart, limit=16)
    if len(toks) > 1 and toks[1][0] in ("كذلك", "ايضا"):
        return None  # "وذكر كذلك تويتر وفيسبوك": an object follows, the subject is implicit
    if len(toks) > 2 and toks[0][0] in ("ولم", "ولا", "ولن", "لم"):
        # "ولم يشر المتحدثون ... ، ونفوا": the negated verb has the subject; it is a
        # present form, so ت- is feminine and ي- masculine
        if gender == "m" and toks[1][0][:1] == "ت" or gender == "f" and toks[1][0][:1] == "ي":
            return None
        toks = [("و" + toks[1][0], toks[1][1], toks[1][2])] + toks[2:]
    elif len(toks) > 2 and toks[0][0] in ("وقد", "ولقد", "فقد"):
        toks = [("و" + toks[1][0], toks[1][1], toks[1][2])] + toks[2:]  # "وقد أدى مهاتير محمد اليمين"
    after_particle = bool(toks) and toks[0][0] in ("كما", "ثم", "فيما", "بينما", "حيث", "اذ")
    if after_particle:
        toks = toks[1:]  # "كما تحدث المشرف العام ...، وأكد"
    if len(toks) < need_tokens:
        return None
    first = toks[0][0]
    if after_particle and 3 <= len(first) <= 6 and not _is_definite(first) and first not in _STOP_WORDS:
        first = "و" + first  # the particle stands where و would
    if first[1:] in _PREPOSITIONS or first in _PREPOSITIONS:
        # "وفي الشهر الماضي بدأ الجيش عملية ...، ويقول": past a short definite time or
        # place phrase, the verb and its subject ("وقبل أيام تكررت": no definite phrase)
        k = 1
        while k < len(toks) and k <= 4 and (_is_definite(toks[k][0]) or toks[k][0] in _TIME_WORDS
                                             or k == 1 and toks[k][0] in _DISCOURSE):
            k += 1  # (also "من جانبه، قدم X شكره")
        k += k < len(toks) and toks[k][0] in ("،", ",")
        if k == 1 or k + need_tokens > len(toks):
            return None
        verb = toks[k][0]
        if _is_definite(verb) or not 3 <= len(verb) <= 6 or verb in _STOP_WORDS or not _is_word(verb):
            return None
        toks, first = toks[k:], "و" + verb if not verb.startswith("و") else verb
    if not (first.startswith(("و", "ف")) and 4 <= len(first) <= 7) or _is_definite(first[1:]) \
            or first in _DISCOURSE or first[1:] in _DISCOURSE or first in _STOP_WORDS or first[1:] in _CONJUNCTIONS:
        return None
    if gender == "f" and not (first.endswith("ت") or first[1:2] == "ت"):
        return None  # (تقول، وتقود: a feminine present tense)
    if gender == "m" and first.endswith("ت"):
        return None
    m, j = _parse_mention(s, toks, 1)
    if m is None or m.kind not in ("person", "organization") and not (m.kind == "group" and gender == "p"):
        return None
    if _plural_noun_as_name(m):
        return None
    if m.kind == "person" and not m.name:
        m, _ = _apposition_name(s, toks, j, m)  # "واستبق المتحدث ...، محمد عبد السلام، وصول"
    head = _bare(toks[1][0])
    if not (head in _PERSON_HEADS or head in _ORG_HEADS or toks[1][0] in _COUNTRIES
            or m.kind == "group" and head in _GROUP_HEADS
            or m.name and (not m.title or _is_definite(toks[1][0]) and " " not in m.title.strip())):
        return None  # (a name, or "المسرحي جبران الجبران"; not "يوما واحدا")
    return m


def _continue_statement(s, sent_stmts, out, vm, form, sa, sb, state):
    """A participle (مشيراً، مؤكدةً، قائلاً) extends the statement it follows."""
    if _previous_word(s, sa, vm.start()) in ("غير", "الغير", "كان", "كانت", "يكون", "تكون", "ليس", "ليست", "بات", "اصبح"):
        return  # "زيارة غير متوقعة"، "كما كان متوقعا": an adjective, a predicate
    target = sent_stmts[-1] if sent_stmts else None
    if target is None:
        # "حيث غردت إليسا قائلة ...": the subject of the sentence's first verb
        toks = _tokens(s, sa, vm.start(), limit=14)
        first = toks[0][0] if toks else ""
        if first in _PREPOSITIONS or first[:1] in "وف" and first[1:] in _PREPOSITIONS:
            # "بعد غياب لحوالي عامين، ظهر الإعلامي ... محذرا": past the opening phrase
            comma = next((k for k, t in enumerate(toks[:8]) if t[0] in ("،", ",")), -1)
            toks = toks[comma + 1 :] if comma > 0 else toks
        mention = _nominal_subject(s, sa, vm.start(), any_predicate=True)  # "رئيس الكوكب دباس الدوسري تحدث ...، قائلا"
        for i in range(min(4, len(toks)) if mention is None else 0):
            if _is_definite(toks[i][0]) and _bare(toks[i][0]) in _PERSON_HEADS:
                mention, _ = _parse_mention(s, toks, i)  # (a verb read as a time word: "ظهر الإعلامي X")
                break
            if _is_word(toks[i][0]) and toks[i][0] not in _DISCOURSE and toks[i][0] not in _STOP_WORDS:
                if toks[i][0][1:] in _PREPOSITIONS or toks[i][0][:1] in "بل" and toks[i][0][1:] in ("هذا", "هذه", "ذلك"):
                    break  # "وفي الختام، قدم سموه شكره، متمنيا"، "بهذا الحديث ختم": no verb opens the sentence
                mention, j = _parse_mention(s, toks, i + 1) if i + 1 < len(toks) else (None, 0)
                if mention is not None and mention.kind == "person" and not mention.name:
                    # "جدد وزير الخارجية الأميركي، مايك بومبيو، الاثنين، إدانته ...، مؤكدا"
                    named, k = _apposition_name(s, toks, j, mention)
                    first_name = named.name.split()[0] if named.name else ""
                    if named.name and not first_name.endswith("ة") and not first_name.startswith(("ب", "ل")):
                        mention, j = named, k  # (not "الوزير الإسرائيلي، برفقة المستوطنين،")
                first = toks[i + 1][0] if mention is not None else ""
                if mention is not None and mention.title and not _is_definite(first) \
                        and not (_bare(first) in _PERSON_HEADS or _bare(first) in _ORG_HEADS
                                 or _bare(first) in _GROUP_HEADS or first in _COUNTRIES):
                    mention = None  # "وامتدح بطولة عسير ...، مفيدا": an object, the subject is implicit
                if mention is not None and form.gender == "m" and not mention.name and first.endswith("ة"):
                    mention = None  # a feminine noun before a masculine participle: the object
                break
        found = _find_content(s, vm.end(), sb, "ila" if form.need == "ila" else "content", form.lemma)
        if found is None:
            return
        marker, cstart, mode = found
        if mention is None:
            k = state.by_gender(form.gender)
            if k is None:
                return
            sp, mtext, kind = k.speaker, None, k.kind
        else:
            sp = _resolve_mention(state, s, mention, form.gender)
            mtext, kind = (mention.start, mention.end), sp.kind if sp.registered else mention.kind
        cend = _rstrip_pos(s, cstart, sb)
        end = cend
        while end < sb and s[end] in ".!؟?\"”»":
            end += 1
        st = _Stmt(vm.start(), vm.end(), vm.group(2), vm.start() if mention is None else min(mention.start, vm.start()),
                   end, cstart, cend, mode, sp, mtext, kind)
        sent_stmts.append(st)
        return
    if vm.start() < target.content_start:
        return
    if target.content_end <= target.verb_start:
        # "صرح بذلك X، مؤكداً ...": the content came before the verb; the participle's
        # clause is added to the statement's span, not glued to that content
        target.end = max(target.end, _rstrip_pos(s, vm.end(), sb))
        return
    cend = _rstrip_pos(s, vm.end(), sb)
    if cend > target.content_end:
        if target.mode == "direct":
            target.mode = "mixed"
        target.content_end = cend
        end = cend
        while end < sb and s[end] in ".!؟?\"”»":
            end += 1
        target.end = max(target.end, end)


# --- table level -------------------------------------------------------------


def _flag_spans(flags: pl.DataFrame | None):
    skip: dict[str, list] = {}
    heads: dict[str, list] = {}
    if flags is None or flags.height == 0:
        return skip, heads
    for doc_id, a, b, kind in flags.select("doc_id", "char_start", "char_end", "kind").iter_rows():
        if kind in schemas.SKIPPED_FLAG_KINDS:
            skip.setdefault(doc_id, []).append((a, b))
        elif kind == "headline":
            heads.setdefault(doc_id, []).append((a, b))
    return skip, heads


def extract_statements(
    documents: pl.DataFrame,
    flags: pl.DataFrame | None = None,
    registry: Registry | None = None,
    *,
    workers: int = 1,
) -> pl.DataFrame:
    """One row per reporting event, in the STATEMENTS schema (dates left null).

    ``workers`` > 1 splits the documents into that many contiguous slices and
    runs them in separate processes (documents are independent); row order is
    the same as with one worker.
    """
    registry = registry if registry is not None else default_registry()
    if workers > 1 and documents.height >= 2 * workers:
        return _extract_parallel(documents, flags, registry, workers)
    return _extract_serial(documents, flags, registry)


def _extract_parallel(documents, flags, registry, workers) -> pl.DataFrame:
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    size = -(-documents.height // workers)
    slices = [documents.slice(k, size) for k in range(0, documents.height, size)]
    parts = []
    for part in slices:
        ids = part["doc_id"]
        parts.append((part, None if flags is None else flags.filter(pl.col("doc_id").is_in(ids.implode()))))
    ctx = mp.get_context("spawn")  # fork after polars has started threads can deadlock
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        results = list(pool.map(_extract_serial, [d for d, _ in parts], [f for _, f in parts],
                                [registry] * len(parts)))
    return pl.concat(results, how="vertical") if results else schemas.empty(schemas.STATEMENTS)


def _extract_serial(documents: pl.DataFrame, flags: pl.DataFrame | None, registry: Registry) -> pl.DataFrame:
    skip, heads = _flag_spans(flags)
    has_pub = "published" in documents.columns
    cols = ["doc_id", "text"] + (["published"] if has_pub else [])
    rows: dict[str, list] = {c: [] for c in schemas.STATEMENTS if c not in ("statement_date", "date_precision", "date_basis")}
    for rec in documents.select(cols).iter_rows():
        doc_id, text = rec[0], rec[1]
        if not text:
            continue
        pub = rec[2] if has_pub else None
        year = pub.year if pub is not None else None
        for st in _extract_doc(text, skip.get(doc_id, ()), heads.get(doc_id, ()), registry, year):
            sp = st.speaker
            rows["doc_id"].append(doc_id)
            rows["char_start"].append(st.start)
            rows["char_end"].append(max(st.end, st.start))
            rows["speaker_id"].append(sp.speaker_id)
            rows["speaker_name"].append(sp.name_ar)
            rows["speaker_en"].append(sp.name_en)
            rows["speaker_mention"].append(text[st.mention[0] : st.mention[1]] if st.mention else None)
            rows["speaker_kind"].append(st.kind if st.kind in ("person", "organization", "group", "unknown") else "unknown")
            rows["verb"].append(text[st.verb_start : st.verb_end] if st.verb else "")
            rows["mode"].append(st.mode)
            rows["content"].append(text[st.content_start : st.content_end])
            rows["is_headline"].append(st.headline)
            rows["verb_start"].append(st.verb_start)
            rows["verb_end"].append(st.verb_end)
            rows["content_start"].append(st.content_start)
            rows["content_end"].append(st.content_end)
    df = pl.DataFrame(rows, schema={c: schemas.STATEMENTS[c] for c in rows})
    return schemas.conform(scope_anonymous_sources(df), schemas.STATEMENTS)


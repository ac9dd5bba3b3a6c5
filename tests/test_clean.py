"""Cleaning: flags for furniture, bylines, sources, headlines and repeated text.

Hand-written Arabic examples (not from any corpus) for each kind, exact
offsets, untouched text, document bounds, batching; duplicate documents;
and a run over a sample of real ANT articles when the corpus is present.
"""

import re
import tarfile

import polars as pl
import pytest

from analysis import clean, config, schemas

# --------------------------------------------------------------------------
# Hand-written texts
# --------------------------------------------------------------------------

HEADLINE = "لافروف يحذر التحالف من ضربات جديدة في سوريا"
P1 = (
    "قال وزير الخارجية الروسي سيرغي لافروف يوم الاثنين إن موسكو ترفض أي ضربات جديدة "
    "يشنها التحالف الذي تقوده الولايات المتحدة في سوريا. وأضاف: إن بلاده ستدافع عن "
    "مصالحها ومصالح حلفائها بكل الوسائل المتاحة."
)
P2 = (
    "وأكد المتحدث باسم الكرملين ديمتري بيسكوف أن الاتصالات مع واشنطن مستمرة رغم "
    "الخلافات العميقة بين البلدين حول مستقبل التسوية السياسية."
)
P3 = "وتابع بيسكوف في مؤتمر صحفي عقده في موسكو أن روسيا لن تسمح بتكرار ما جرى في العراق وليبيا، مشيرا إلى أن الحوار هو السبيل الوحيد لتجنب التصعيد في المنطقة."

ARTICLE_WITH_FURNITURE = "\n".join([
    HEADLINE,
    "بقلم: أحمد السيد",
    "الأحد 12 مارس 2018 - 10:45",
    "عدد المشاهدات: 1500",
    P1,
    P2,
    P3,
    "اقرأ أيضاً: موسكو تستدعي السفير الأمريكي",
    P1,  # the paragraph repeated, as a scraper sometimes does
    "المصدر: سانا",
    "أضف تعليقاً",
    "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *",
    "تابعونا على تلغرام",
    "جميع الحقوق محفوظة © 2018",
    "العودة للأعلى",
])


def flags_of(text: str, doc_id: str = "d") -> pl.DataFrame:
    return clean.flag_spans(pl.DataFrame({"doc_id": [doc_id], "text": [text]}))


def flagged_texts(text: str, kind: str) -> list[str]:
    f = flags_of(text).filter(pl.col("kind") == kind)
    return [text[s:e] for s, e in f.select("char_start", "char_end").iter_rows()]


def covered(flags: pl.DataFrame, start: int, end: int, kind: str = "duplicate") -> float:
    """Share of [start, end) covered by flags of this kind."""
    hit = set()
    for s, e in flags.filter(pl.col("kind") == kind).select("char_start", "char_end").iter_rows():
        hit.update(range(max(s, start), min(e, end)))
    return len(hit) / (end - start)


# --------------------------------------------------------------------------
# Schema, offsets, untouched text
# --------------------------------------------------------------------------

def test_schema_is_the_flags_contract():
    f = flags_of(ARTICLE_WITH_FURNITURE)
    assert f.schema == pl.Schema(schemas.FLAGS)
    assert set(f["kind"]) <= {"boilerplate", "byline", "source", "headline", "duplicate"}
    assert flags_of("").height == 0
    assert clean.flag_spans(pl.DataFrame(schema={"doc_id": pl.String, "text": pl.String})).schema == pl.Schema(schemas.FLAGS)


def test_offsets_are_exact_and_text_is_untouched():
    docs = pl.DataFrame({"doc_id": ["a", "b"], "text": ["  " + ARTICLE_WITH_FURNITURE + "\n\n", ARTICLE_WITH_FURNITURE]})
    before = docs.clone()
    f = clean.flag_spans(docs)
    assert docs.equals(before)
    texts = dict(docs.iter_rows())
    for doc_id, s, e, kind, reason in f.iter_rows():
        piece = texts[doc_id][s:e]
        assert 0 <= s < e <= len(texts[doc_id])
        assert piece == piece.strip(), (kind, piece)  # spans are trimmed lines/sentences
        if kind != "duplicate":  # line kinds cover a whole line
            assert s == 0 or texts[doc_id][s - 1] in "\n ", (kind, piece)
    # the same text at another offset gets the same flags, shifted
    fa = f.filter(pl.col("doc_id") == "a").select("char_start", "kind")
    fb = f.filter(pl.col("doc_id") == "b").select("char_start", "kind")
    assert fa.with_columns(pl.col("char_start") - 2).equals(fb)


def test_flags_never_overlap():
    disclaimer = "* الآراء الواردة في المقال تعبر عن رأي كاتبها ولا تعكس بالضرورة رأي الموقع."
    text = "\n".join([disclaimer, ARTICLE_WITH_FURNITURE, P2, P3, disclaimer])
    f = flags_of(text).sort("char_start")
    assert f.filter(pl.col("kind") == "boilerplate")["char_start"].to_list().count(text.rindex(disclaimer)) == 1
    ends = f["char_end"].to_list()
    starts = f["char_start"].to_list()
    assert all(e <= s for e, s in zip(ends, starts[1:]))


def test_flags_stay_inside_their_document_whatever_the_batching(monkeypatch):
    texts = [ARTICLE_WITH_FURNITURE, P1 + "\n" + P1, "", HEADLINE + "\n" + P2 + " " + P2, P3]
    docs = pl.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts})
    whole = clean.flag_spans(docs)
    monkeypatch.setattr(clean, "BATCH_CHARS", 300)  # one document per batch, or nearly
    batched = clean.flag_spans(docs)
    assert whole.equals(batched)
    lengths = dict(zip(docs["doc_id"], [len(t) for t in texts]))
    for doc_id, s, e, *_ in whole.iter_rows():
        assert 0 <= s < e <= lengths[doc_id]
    # a paragraph in one document never counts as a repeat of another document's paragraph
    assert whole.filter(pl.col("doc_id") == "d4").height == 0


# --------------------------------------------------------------------------
# Boilerplate
# --------------------------------------------------------------------------

def test_comment_social_related_copyright_and_navigation_lines_are_boilerplate():
    got = flagged_texts(ARTICLE_WITH_FURNITURE, "boilerplate")
    assert "أضف تعليقاً" in got
    assert "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *" in got
    assert "تابعونا على تلغرام" in got
    assert "اقرأ أيضاً: موسكو تستدعي السفير الأمريكي" in got
    assert "جميع الحقوق محفوظة © 2018" in got
    assert "العودة للأعلى" in got


@pytest.mark.parametrize("line", [
    "اترك تعليقا",
    "التعليقات (3)",
    "أضِفْ تَعليقاً",  # harakat inside the words
    "اشترك في قناتنا على يوتيوب",
    "حمل تطبيق الموقع الآن",
    "تابعوا آخر الأخبار عبر حسابنا على تويتر",
    "مواضيع ذات صلة",
    "أخبار ذات صلة:",
    "اقرأ المزيد",
    "الرجوع إلى الأعلى",
    "شارك",
    "طباعة",
    "أرسل لصديق",
    "* الآراء الواردة في المقال تعبر عن رأي كاتبها ولا تعكس بالضرورة رأي الموقع.",
    "----------------------------",
    "Next Previous علي القحطاني",
])
def test_furniture_line(line):
    text = P1 + "\n" + line + "\n" + P2
    assert flagged_texts(text, "boilerplate") == [line]


@pytest.mark.parametrize("line", [
    # long lines that merely contain a trigger word are prose
    "وتابع الوزير في كلمته أمام البرلمان أن الحكومة ستواصل العمل على تحسين الخدمات العامة "
    "وتوسيع شبكة الطرق في المحافظات الشمالية خلال العام المقبل.",
    "وقال مستخدمون إن التعليقات على الصفحة الرسمية للوزارة تجاوزت عشرة آلاف تعليق خلال ساعات "
    "من نشر البيان، ودعا بعضهم إلى مقاطعة الانتخابات.",
    "وقال المتحدث إن الوزارة نشرت على حسابها عبارة تابعونا على تلغرام لمعرفة آخر المستجدات، "
    "في خطوة تهدف إلى طمأنة السكان في المناطق المتضررة من الفيضانات.",
    "وأكدت الشركة أن جميع الحقوق محفوظة للمؤلفين الذين شاركوا في المشروع، وأن أي استخدام تجاري "
    "للأعمال يحتاج إلى إذن مكتوب منهم بحسب القانون الجديد.",
    "ورفض المتحدث التعليق على التقارير.",
    "وشارك في الاجتماع ممثلون عن عشرين دولة.",
    "وأضاف:",
])
def test_prose_is_not_furniture(line):
    text = P1 + "\n" + line + "\n" + P2
    assert flags_of(text).filter(pl.col("kind") != "headline").height == 0


# --------------------------------------------------------------------------
# Bylines, sources, headlines
# --------------------------------------------------------------------------

def test_byline_author_date_and_views():
    got = flagged_texts(ARTICLE_WITH_FURNITURE, "byline")
    assert got == ["بقلم: أحمد السيد", "الأحد 12 مارس 2018 - 10:45", "عدد المشاهدات: 1500"]


@pytest.mark.parametrize("line", ["سلمى الحربي – الرياض", "وكالات ـ القاهرة", "كتب – ناصر العتيبي", "كتب: محمد علي", "1500 مشاهدة", "تاريخ النشر: 12/03/2018", "آخر تحديث: الثلاثاء 13 مارس 2018"])
def test_more_bylines(line):
    assert flagged_texts(line + "\n" + P1 + "\n" + P2, "byline") == [line]


def test_a_credit_line_is_a_byline_only_near_the_top_or_bottom():
    credit = "سلمى الحربي – الرياض"
    middle = "\n".join([P1, P2, credit, P3, P2.replace("الكرملين", "الرئاسة"), P1.replace("لافروف", "الوزير")])
    assert flagged_texts(middle, "byline") == []
    # and a sentence with dashes in it is prose
    aside = "قال الوزير إن الوضع - كما يبدو - خطير"
    assert flagged_texts(aside + "\n" + P1 + "\n" + P2, "byline") == []


def test_an_interview_turn_is_not_a_byline():
    turn = "مراسلة: هل توفر روسيا الأمن لمفتشي المنظمة في دوما؟"
    assert flagged_texts(P1 + "\n" + turn + "\n" + P2, "byline") == []


def test_source_line_gives_the_outlet():
    assert flagged_texts(ARTICLE_WITH_FURNITURE, "source") == ["المصدر: سانا"]
    assert clean.source_outlet(ARTICLE_WITH_FURNITURE) == "سانا"
    assert clean.source_outlet(P1 + "\nالمصدر : الماسة السورية\n") == "الماسة السورية"
    assert clean.source_outlet(P1 + "\nالمصدر: رويترز\n" + P2 + "\nالمصدر: سانا") == "سانا"  # last wins
    assert clean.source_outlet(P1 + "\n*نقلاً عن صحيفة \"الخليج\" الإماراتية") == "صحيفة الخليج الإماراتية"
    assert clean.source_outlet(P1 + "\n" + P2) is None
    assert clean.source_outlet("") is None


def test_outlet_in_brackets_closing_the_text():
    text = P1 + "\n" + P2 + " (سانا)"
    assert flagged_texts(text, "source") == ["(سانا)"]
    assert clean.source_outlet(text) == "سانا"
    # a bracket that is just part of the sentence is not a source
    other = P1 + "\n" + "وظهر الرئيس مع وزير الدفاع خلال زيارته للجبهة في الصورة. (أقصى اليسار)"
    assert flagged_texts(other, "source") == []
    assert clean.source_outlet(other) is None


def test_headline_is_the_short_first_line():
    assert flagged_texts(ARTICLE_WITH_FURNITURE, "headline") == [HEADLINE]
    # a lead sentence that lost its full stop is not a headline
    lead = "قال وزير الخارجية الروسي إن موسكو ترفض أي ضربات جديدة، مؤكدا أن بلاده ستدافع عن مصالحها"
    assert flagged_texts(lead + "\n" + P1 + "\n" + P2, "headline") == []
    assert flagged_texts(P1 + "\n" + P2, "headline") == []
    # a headline needs a body after it
    assert flagged_texts(HEADLINE + "\nتفاصيل قليلة", "headline") == []


# --------------------------------------------------------------------------
# Repeated text inside a document
# --------------------------------------------------------------------------

def test_repeated_paragraph_is_flagged_once_and_names_the_original():
    text = ARTICLE_WITH_FURNITURE
    first = text.index(P1)
    second = text.index(P1, first + 1)
    dups = flags_of(text).filter(pl.col("kind") == "duplicate")
    assert dups.select("char_start", "char_end").rows() == [(second, second + len(P1))]
    assert dups["reason"][0] == f"repeats {first}-{first + len(P1)} (similarity 1.00)"


def test_whole_article_repeated_inside_one_paragraph_with_slight_changes():
    article = "\n".join([HEADLINE, P1, P2, P3])
    # the copy: headline glued to the first sentence, paragraphs run together,
    # one word changed and harakat added
    copy = " ".join([HEADLINE, P1.replace("يوم الاثنين", "الاثنين"), P2.replace("العميقة", "الكبيرة"), P3.replace("روسيا", "رُوسيا")])
    text = article + "\n" + "وفي سياق متصل، " + copy
    f = flags_of(text)
    start = text.index(copy)
    assert covered(f, start, start + len(copy)) >= 0.95
    assert covered(f, 0, len(article)) == 0.0  # the original is never flagged
    assert "وفي سياق متصل" not in "".join(text[s:e] for s, e in f.filter(pl.col("kind") == "duplicate").select("char_start", "char_end").iter_rows())


def test_near_duplicate_sentence_reports_its_similarity():
    changed = P3.replace("في مؤتمر صحفي عقده في موسكو", "في مؤتمر صحفي في موسكو")
    text = P3 + "\n" + P2 + "\n" + changed
    dups = flags_of(text).filter(pl.col("kind") == "duplicate")
    assert dups.height == 1
    s, e, reason = dups.select("char_start", "char_end", "reason").row(0)
    assert text[s:e] == changed
    sim = float(re.search(r"similarity ([0-9.]+)", reason).group(1))
    assert clean.NEAR_THRESHOLD <= sim < 1.0
    assert reason.startswith(f"repeats 0-{len(P3)} ")


def test_short_repeated_sentences_are_not_duplicates():
    text = "\n".join(["وأضاف: " + P2, "وقال المتحدث: لا تعليق.", "وأضاف: " + P3, "وقال: نعم.", "وقال: نعم.", "وقال المتحدث: لا تعليق."])
    assert flags_of(text).filter(pl.col("kind") == "duplicate").height == 0


def test_different_sentences_with_a_shared_opening_are_not_duplicates():
    a = "وقال وزير الخارجية الروسي إن بلاده لن تشارك في أي مفاوضات قبل وقف الغارات على المدن السورية."
    b = "وقال وزير الخارجية الروسي إن الاتفاق النووي مع إيران يجب أن يبقى قائما رغم الانسحاب الأمريكي."
    assert flags_of(a + "\n" + b).filter(pl.col("kind") == "duplicate").height == 0


def test_sentence_key_ignores_harakat_tatweel_punctuation_and_letter_variants():
    assert clean.sentence_key("قالَ الرئيسُ: «إنّ المـدينة آمنة».") == clean.sentence_key("قال الرئيس ان المدينه امنه")


# --------------------------------------------------------------------------
# Duplicate documents
# --------------------------------------------------------------------------

LONG = "\n".join([P1, P2, P3, P2.replace("بيسكوف", "المتحدث"), P1.replace("لافروف", "الوزير")] * 3)


def test_duplicate_documents_exact_and_near_keep_the_first():
    near = LONG.replace("يوم الاثنين", "الثلاثاء", 1)
    docs = pl.DataFrame({
        "doc_id": ["z-first", "a-other", "m-exact", "b-near", "c-empty"],
        "text": [LONG, "نص آخر عن كرة القدم والدوري الإسباني وانتقال اللاعبين بين الأندية في الصيف.",
                 "  " + LONG.replace("قال", "قالَ") + "\n", near, ""],
    })
    d = clean.duplicate_documents(docs).sort("doc_id")
    assert d.columns == ["doc_id", "duplicate_of", "similarity", "kind"]
    rows = {r["doc_id"]: r for r in d.iter_rows(named=True)}
    assert set(rows) == {"m-exact", "b-near"}
    assert rows["m-exact"]["duplicate_of"] == "z-first" and rows["m-exact"]["kind"] == "exact"
    assert rows["m-exact"]["similarity"] == 1.0
    assert rows["b-near"]["duplicate_of"] == "z-first" and rows["b-near"]["kind"] == "near"
    assert clean.NEAR_DOC_THRESHOLD <= rows["b-near"]["similarity"] < 1.0


def test_an_update_with_a_new_lead_is_not_a_duplicate():
    # the later story wraps the earlier one in a new lead: similar (Jaccard >= threshold),
    # but it adds statements, so it is kept
    lead = "أعلن الكرملين الثلاثاء أن الرئيس فلاديمير بوتين سيلتقي نظيره التركي رجب طيب أردوغان الأسبوع المقبل لبحث الوضع في إدلب."
    docs = pl.DataFrame({"doc_id": ["old", "new"], "text": [LONG, lead + "\n" + LONG]})
    sets = clean._shingle_sets(docs["text"].to_list(), [0, 1])
    assert clean._jaccard(sets[0], sets[1]) >= clean.NEAR_DOC_THRESHOLD  # the case this guards
    assert clean.duplicate_documents(docs).height == 0


def test_duplicate_documents_is_deterministic_and_handles_empty_input():
    docs = pl.DataFrame({"doc_id": ["a", "b", "c"], "text": [LONG, LONG.replace("موسكو", "روسيا", 1), LONG]})
    assert clean.duplicate_documents(docs).equals(clean.duplicate_documents(docs))
    assert clean.duplicate_documents(docs.head(0)).height == 0


# --------------------------------------------------------------------------
# Real articles (ANT), when the corpus is present
# --------------------------------------------------------------------------

ANT_ARCHIVE = config.SHARED_CORPORA / "ant-2.1" / "ant-multisource-2.1.tar.gz"


@pytest.fixture(scope="module")
def ant_sample():
    if not ANT_ARCHIVE.exists():
        pytest.skip(f"ANT corpus not present at {ANT_ARCHIVE}")
    rows = []
    with tarfile.open(ANT_ARCHIVE) as tar:
        for i, member in enumerate(tar):
            if member.isfile() and member.name.endswith(".txt") and i % 40 == 0:
                raw = tar.extractfile(member).read().decode("utf-8")
                m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
                if m:
                    rows.append((member.name, m.group(1)))
    return pl.DataFrame(rows, schema={"doc_id": pl.String, "text": pl.String}, orient="row")


def test_flags_on_real_articles(ant_sample):
    f = clean.flag_spans(ant_sample)
    texts = dict(ant_sample.iter_rows())
    for doc_id, s, e, kind, reason in f.iter_rows():
        assert 0 <= s < e <= len(texts[doc_id])
        assert texts[doc_id][s:e].strip() == texts[doc_id][s:e]
    # furniture is rare in these scrapes: most text must stay unflagged
    line_kinds = f.filter(pl.col("kind").is_in(["boilerplate", "byline", "source"]))
    flagged_chars = (line_kinds["char_end"] - line_kinds["char_start"]).sum()
    total = sum(len(t) for t in texts.values())
    assert flagged_chars < 0.02 * total
    # no sentence with a reporting verb in the middle of a long line is called furniture
    for doc_id, s, e, kind, _ in line_kinds.iter_rows():
        assert e - s <= max(rule.max_chars for rule in clean.LINE_RULES)
    # print a few for the record (pytest -s)
    for doc_id, s, e, kind, reason in f.head(15).iter_rows():
        print(kind, reason, "|", texts[doc_id][s:e][:80])


def test_crlf_line_endings_and_emoji_keep_offsets_exact():
    text = HEADLINE + "\r\n" + "بقلم: أحمد السيد\r\n" + P1 + " 🙂\r\n" + P2 + "\r\n" + P1 + "\r\n"
    f = flags_of(text)
    got = {kind: text[s:e] for s, e, kind in f.select("char_start", "char_end", "kind").iter_rows()}
    assert got["headline"] == HEADLINE
    assert got["byline"] == "بقلم: أحمد السيد"
    assert got["duplicate"] == P1


def test_list_like_document_with_one_opening_is_not_a_repeat():
    # 3,000 sentences that differ only in their numbers: none repeats another
    # (speed on such documents is measured in benchmarks/, not here)
    body = "\n".join(f"وقال المتحدث باسم الوزارة إن عدد المصابين في المدينة رقم {i} بلغ {i * 7} شخصا." for i in range(3000))
    f = flags_of(body)
    assert f.filter(pl.col("kind") == "duplicate").height == 0


def test_sentences_glued_without_a_space_are_still_split():
    # scraped text often loses the space after a full stop; the copy starts right after it
    text = P2 + "\n" + "وقال المتحدث إن الحكومة لم تتلق أي طلب رسمي بهذا الشأن حتى الآن." + P2
    f = flags_of(text).filter(pl.col("kind") == "duplicate")
    assert [text[s:e] for s, e in f.select("char_start", "char_end").iter_rows()] == [P2]


def test_quoted_sentence_end_and_decimals():
    quoted = 'وقال الوزير: "إن الوضع في المدينة خطير جدا ويتطلب تدخلا عاجلا."'
    text = "\n".join([quoted + " " + P2, "ارتفع النمو إلى 3.5 في المئة هذا العام بحسب التقرير الرسمي.", P2])
    f = flags_of(text).filter(pl.col("kind") == "duplicate")
    assert [text[s:e] for s, e in f.select("char_start", "char_end").iter_rows()] == [P2]
    # the first P2 sits after a closing quote: it is its own sentence, the original
    assert f["reason"][0] == f"repeats {len(quoted) + 1}-{len(quoted) + 1 + len(P2)} (similarity 1.00)"


def test_near_duplicate_similarity_is_that_of_the_named_pair():
    docs = pl.DataFrame({"doc_id": ["a", "b", "c"], "text": [
        LONG,
        LONG.replace("يوم الاثنين", "يوم الثلاثاء").replace("العميقة", "الكبيرة"),
        LONG.replace("يوم الاثنين", "يوم الثلاثاء").replace("العميقة", "الكبيرة").replace("مستقبل التسوية", "مصير التسوية").replace("بكل الوسائل", "بكل الطرق"),
    ]})
    d = clean.duplicate_documents(docs)
    sets = clean._shingle_sets(docs["text"].to_list(), [0, 1, 2])
    # a chain: b ~ a and c ~ b, but c is too far from a
    assert clean._jaccard(sets[0], sets[1]) >= clean.NEAR_DOC_THRESHOLD
    assert clean._jaccard(sets[1], sets[2]) >= clean.NEAR_DOC_THRESHOLD
    assert clean._jaccard(sets[0], sets[2]) < clean.NEAR_DOC_THRESHOLD
    index = {"a": 0, "b": 1, "c": 2}
    assert set(d["doc_id"]) == {"b", "c"}
    for doc_id, dup_of, sim, kind in d.iter_rows():
        assert kind == "near"
        assert index[dup_of] < index[doc_id]
        assert sim == pytest.approx(clean._jaccard(sets[index[dup_of]], sets[index[doc_id]]), abs=1e-4)
        assert sim >= clean.NEAR_DOC_THRESHOLD


def test_near_sentences_with_other_numbers_are_different_statements():
    a = "وقال المتحدث باسم الدفاع المدني إن 12 شخصا قتلوا في القصف الذي استهدف السوق المركزي في المدينة."
    b = a.replace("12", "17")
    assert flags_of(a + "\n" + P2 + "\n" + b).filter(pl.col("kind") == "duplicate").height == 0
    # the same number in Arabic-Indic digits is the same sentence
    c = a.replace("12", "١٢")
    text = a + "\n" + P2 + "\n" + c
    assert flagged_texts(text, "duplicate") == [c]
    assert flags_of(text)["reason"].to_list() == [f"repeats 0-{len(a)} (similarity 1.00)"]

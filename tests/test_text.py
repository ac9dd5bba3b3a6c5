"""Matching normalisation and sentence segmentation (analysis.text)."""

from analysis.text import map_offset, normalize_for_matching, normalize_with_offsets, split_sentences


def test_letters_fold_one_to_one():
    s = "أكد إن آمال ٢٠١٨"
    out, offs = normalize_with_offsets(s)
    assert out == "اكد ان امال 2018"
    assert offs is None  # no marks: identity map


def test_hamza_below_kept_before_lam_so_names_are_not_articles():
    assert normalize_for_matching("إليسا") == "إليسا"
    assert normalize_for_matching("إن") == "ان"


def test_alif_maqsura_kept_so_ala_is_not_ali():
    assert normalize_for_matching("على") != normalize_for_matching("علي")


def test_marks_removed_with_offsets_back_to_original():
    s = "وقال مشيراً إلى بيّن"
    out, offs = normalize_with_offsets(s)
    assert out == "وقال مشيرا إلى بين"  # إ kept before ل (see module docstring)
    k = out.index("بين")
    assert s[map_offset(offs, k) : map_offset(offs, k + 3)] == "بيّن"
    assert map_offset(offs, len(out)) == len(s)


def test_tatweel_removed():
    assert normalize_for_matching("قـــال") == "قال"


def _texts(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_split_at_punctuation_and_newlines():
    text = "قال الوزير إن الوضع صعب. وأضاف أن الحل قريب؟ نعم!\nسطر جديد"
    assert _texts(text) == ["قال الوزير إن الوضع صعب.", "وأضاف أن الحل قريب؟", "نعم!", "سطر جديد"]


def test_dateline_ends_a_sentence():
    # the report after "(CNN) --" is clause-initial, not the dateline's continuation
    text = "\nدبي، الإمارات العربية المتحدة (CNN) – كشف المدرب عن خطته. وقال آخر."
    assert _texts(text) == ["دبي، الإمارات العربية المتحدة (CNN) –", "كشف المدرب عن خطته.", "وقال آخر."]
    assert _texts("(CNN)-- قال التحالف إن الضربة فشلت.") == ["(CNN)--", "قال التحالف إن الضربة فشلت."]
    # a parenthesis and a dash later in a sentence are no dateline
    assert len(split_sentences("وقال الوزير إن القرار (الأخير) - كما قال - صائب.")) == 1


def test_no_split_at_decimal_or_initials():
    text = "ارتفع المؤشر 3.5 في المئة حسب U.S. News اليوم. ثم انخفض."
    assert len(split_sentences(text)) == 2


def test_no_split_inside_quote():
    text = 'وقال "هذا أمر مهم. ويجب أن نتحرك" ثم غادر. انتهى'
    assert _texts(text) == ['وقال "هذا أمر مهم. ويجب أن نتحرك" ثم غادر.', "انتهى"]


def test_unbalanced_quote_does_not_swallow_the_text():
    text = "وقال «هذا أمر. " + "كلمة " * 200 + ". جملة أخيرة."
    spans = split_sentences(text)
    assert len(spans) >= 2


def test_spans_trimmed_and_inside_text():
    for text in ["", "   ", "\n\n", "abc", "  جملة.  \n  أخرى  "]:
        for a, b in split_sentences(text):
            assert 0 <= a < b <= len(text)
            assert text[a:b] == text[a:b].strip()


def test_reversed_guillemets_close_before_the_sentence_end():
    # Saudi outlets often type «» the other way round: ':»إن ... « .'
    text = "وقال الثقفي :»إن الشكر موصول للأجهزة الأمنية « . وأوضح الثقفي أن الأمن مسؤولية الجميع."
    spans = split_sentences(text)
    assert len(spans) == 2 and text[spans[1][0]:].startswith("وأوضح")
    text = "وقال العريبي إن السلطات ترفض ضرب أي هدف داخل ليبيا «. واعتبر أن العنف لا يحل المشكلة."
    assert len(split_sentences(text)) == 2
    assert len(split_sentences("وقال «إن الوضع صعب. والحل قريب» ثم غادر.")) == 1

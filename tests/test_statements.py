"""Statement extraction and attribution on small, realistic sentences."""

from datetime import date

import polars as pl
import pytest

from analysis import schemas
from analysis.statements import extract_statements


def run(text, flags=None, published=None):
    docs = pl.DataFrame({"doc_id": ["d"], "text": [text], "published": [published]},
                        schema={"doc_id": pl.String, "text": pl.String, "published": pl.Date})
    return extract_statements(docs, flags).to_dicts()


def speakers(text, **kw):
    return [r["speaker_name"] for r in run(text, **kw)]


def test_schema_exact():
    out = extract_statements(pl.DataFrame({"doc_id": ["a"], "text": ["قال الوزير إن الوضع جيد."]}))
    assert out.schema == pl.Schema(schemas.STATEMENTS)


def test_vso_with_title_and_registry_name():
    rows = run("وقال وزير الخارجية التركي مولود جاويش أوغلو إن بلاده لن تتراجع.")
    assert len(rows) == 1
    r = rows[0]
    assert r["speaker_id"] == "mevlut-cavusoglu"
    assert r["speaker_mention"] == "وزير الخارجية التركي مولود جاويش أوغلو"
    assert r["verb"] == "وقال"
    assert r["mode"] == "indirect"
    assert r["content"].startswith("بلاده لن تتراجع")


def test_clause_span_covers_verb_speaker_content():
    text = "مقدمة. وقال المتحدث باسم الشرطة أحمد سالم إن التحقيق مستمر."
    r = run(text)[0]
    clause = text[r["char_start"] : r["char_end"]]
    assert clause.startswith("وقال") and "أحمد سالم" in clause and "التحقيق مستمر" in clause
    assert text[r["verb_start"] : r["verb_end"]] == "وقال"
    assert text[r["content_start"] : r["content_end"]] == r["content"]


def test_deputy_minister_is_not_the_minister():
    rows = run("وقال نائب وزير الخارجية الروسي سيرغي ريابكوف إن موسكو مستعدة للحوار.", published=None)
    assert rows[0]["speaker_id"] == "sergey-ryabkov"


def test_person_named_inside_content_is_not_the_speaker():
    rows = run("أعلنت ماريا زاخاروفا أن وزير الخارجية الروسي سيرغي لافروف سيلتقي نظيره الأمريكي.")
    assert [r["speaker_id"] for r in rows] == ["maria-zakharova"]


def test_follow_us_is_not_a_statement():
    assert run("تابعوا آخر الأخبار على موقعنا") == []


def test_sabaqa_dhikruhu_is_not_a_statement():
    assert run("وهذا ما سبق ذكره في التقرير.") == []


def test_name_first_kana_qad():
    rows = run("وكان المتحدث باسم الكرملين دميتري بيسكوف قد قال إن الرئيس لن يحضر.")
    assert rows[0]["speaker_id"] == "dmitry-peskov"


def test_name_first_svo():
    rows = run("الحكومة الأردنية أكدت أنها لن تستقبل لاجئين جددا.")
    assert rows[0]["speaker_name"] == "الحكومة الأردنية"
    assert rows[0]["speaker_kind"] == "organization"


def test_direct_quote_guillemets_and_participle_continuation():
    text = "وقال الرئيس الفرنسي إيمانويل ماكرون «لن نتراجع»، مشيرا إلى أن فرنسا موحدة."
    rows = run(text)
    assert len(rows) == 1  # مشيرا continues the statement
    r = rows[0]
    assert r["speaker_id"] == "emmanuel-macron"
    assert r["mode"] == "mixed"
    assert "فرنسا موحدة" in text[r["char_start"] : r["char_end"]]


def test_colon_quote_is_direct():
    rows = run('وقال السفير خالد عمر: "نحن مستعدون".')
    assert rows[0]["mode"] == "direct"
    assert rows[0]["content"] == "نحن مستعدون"


def test_unbalanced_quote_runs_to_sentence_end():
    rows = run("وقال المدير سامي نور “سنبدأ العمل غدا.")
    assert rows and rows[0]["content"].startswith("سنبدأ")


def test_quoted_name_after_title():
    rows = run("وقالت المتحدثة باسم الخارجية الروسية “ماريا زاخاروفا” إن موسكو ترفض الاتهامات.")
    assert rows[0]["speaker_id"] == "maria-zakharova"


def test_news_agency_reporting_someone_else():
    rows = run("ونقلت وكالة الأنباء الألمانية عن المتحدث باسم الحكومة يوسف داود قوله إن الاجتماع ألغي.")
    assert rows[0]["speaker_name"] == "يوسف داود"


def test_implicit_subject_continues_same_gender_speaker():
    text = ("وقالت المتحدثة باسم الخارجية الروسية ماريا زاخاروفا إن الضربات غير قانونية. "
            "وقال المحلل سامي حداد إن الوضع معقد. وتابعت أن روسيا ستطلب اجتماعا.")
    rows = run(text)
    assert [r["speaker_id"] for r in rows][-1] == "maria-zakharova"
    assert rows[-1]["speaker_mention"] is None


def test_second_finite_verb_is_second_statement():
    rows = run('ونفى المدعي العام يوسف كمال أي خلاف مع الشرطة وقال "التعاون ممتاز".')
    assert len(rows) == 2
    assert rows[0]["speaker_name"] == rows[1]["speaker_name"] == "يوسف كمال"
    assert rows[0]["char_end"] <= rows[1]["char_start"]


def test_surname_only_reference_links_to_full_name():
    rows = run("وقال المحامي عبد الحكيم العسيلي إن موكله بريء. وتابع العسيلي أن المحكمة ستنظر القضية.")
    assert rows[0]["speaker_id"] == rows[1]["speaker_id"]


def test_title_only_reference_links_to_earlier_speaker():
    rows = run("وقال المحامي عبد الحكيم العسيلي إن موكله بريء. وأوضح المحامي أن الجلسة تأجلت.")
    assert rows[0]["speaker_id"] == rows[1]["speaker_id"]


def test_title_only_resolves_with_registry_and_year():
    import datetime

    rows = run("وقال وزير الخارجية الروسي إن الحوار مستمر.", published=datetime.date(2018, 5, 1))
    assert rows[0]["speaker_id"] == "sergey-lavrov"


def test_unregistered_speaker_found_with_stable_id():
    a = run("وقال رئيس بلدية طرابلس رياض يمق إن المشروع سيكتمل.")
    b = run("وأكد رئيس بلدية طرابلس رياض يمق أن العمل مستمر.")
    assert a[0]["speaker_id"] == b[0]["speaker_id"]
    assert a[0]["speaker_id"].startswith("unreg:")
    assert a[0]["speaker_name"] == "رياض يمق"


@pytest.mark.parametrize("org", ["وزارة الدفاع الروسية", "الحكومة السورية", "وكالة أعماق", "الخارجية الأمريكية"])
def test_organisations_as_speakers(org):
    rows = run(f"وأعلنت {org} أن العملية انتهت.")
    assert rows and rows[0]["speaker_kind"] == "organization"


@pytest.mark.parametrize("verb", ["قال", "قالت", "وقال", "فقال", "يقول", "تقول", "أكد", "وأكدت", "أضاف", "وأوضح",
                                  "أشار", "لفت", "وتابع", "اعتبر", "شدد", "نوه", "وبيّن", "نفى", "حذر", "زعم",
                                  "ذكر", "أفاد", "صرح", "كشف", "رأى", "ختم", "ويرى"])
def test_reporting_verb_forms(verb):
    rows = run(f"{verb} الخبير سالم فهد أن الأسعار سترتفع.")
    assert len(rows) == 1, verb
    assert rows[0]["speaker_name"] == "سالم فهد"


def test_multiword_verb_reaffirmed():
    rows = run("وقال الخبير سالم فهد إن الأسعار سترتفع. وأعاد التأكيد على أن التضخم مستمر.")
    assert len(rows) == 2 and rows[1]["speaker_name"] == "سالم فهد"


def test_call_is_a_statement():
    rows = run("ودعا الأمين العام للجامعة العربية أحمد أبو الغيط إلى وقف القتال.")
    assert rows and rows[0]["speaker_name"] == "أحمد أبو الغيط"


def test_negated_verb_is_not_a_statement():
    assert len(run("وقال المدير سامي نور إن القرار لم يذكر المدينة.")) == 1
    assert run("ولم يذكر المدير سامي نور أن القرار نهائي.") == []


def test_headline_name_colon_quote():
    rows = run("لافروف: لن نسمح بتكرار الهجوم\nوقال الوزير إن بلاده سترد.")
    assert rows[0]["is_headline"] is True
    assert rows[0]["speaker_id"] == "sergey-lavrov"
    assert not rows[1]["is_headline"]


def test_flagged_headline_and_skipped_spans():
    text = "قال المدير سامي نور إن الخطة جاهزة.\nوقال المدير سامي نور إن الخطة جاهزة."
    half = text.index("\n")
    flags = pl.DataFrame(
        {"doc_id": ["d", "d"], "char_start": [0, half + 1], "char_end": [half, len(text)],
         "kind": ["headline", "duplicate"], "reason": ["", "repeats"]},
        schema=schemas.FLAGS,
    )
    rows = run(text, flags=flags)
    assert len(rows) == 1
    assert rows[0]["is_headline"] is True


def test_speaker_mention_as_written_with_harakat():
    text = "وقالَ الوزيرُ سامي نور إنّ الخطةَ جاهزةٌ."
    r = run(text)[0]
    assert r["speaker_mention"] == text[text.index("الوزيرُ") : text.index(" إنّ")]


def test_empty_and_non_arabic():
    assert run("") == []
    assert run("The minister said the plan is ready.") == []


def test_attribution_clause_after_the_content():
    text = "أفرجت الولايات المتحدة عن مساعدة عسكرية لمصر، بحسب ما أعلنت الخارجية الأمريكية الخميس."
    rows = run(text)
    assert len(rows) == 1
    assert rows[0]["speaker_id"] == "us-state-department"
    assert rows[0]["content"].startswith("أفرجت الولايات المتحدة")


def test_apposition_name_after_title():
    rows = run("وقال وزير الدولة للشؤون الخارجية، أنور قرقاش، الجمعة، إن الأزمة عابرة.")
    assert rows[0]["speaker_name"] == "أنور قرقاش"


def test_participle_of_a_new_sentence_uses_the_sentence_subject():
    rows = run('حيث غردت المغنية إليسا قائلة "شكرا لجمهوري".')
    assert rows and rows[0]["speaker_name"] == "إليسا"


def test_parallel_workers_give_the_same_rows():
    texts = [f"وقال المدير سامي نور{i} إن الخطة جاهزة. وأضاف أن العمل يبدأ غدا." for i in range(6)]
    docs = pl.DataFrame({"doc_id": [f"d{i}" for i in range(6)], "text": texts})
    assert extract_statements(docs, workers=2).equals(extract_statements(docs))


def test_envoy_to_a_country_keeps_title_and_name():
    rows = run("أعرب المبعوث الأممي إلى اليمن مارتن غريفيث عن قلقه من التصعيد.")
    assert rows[0]["speaker_id"] == "martin-griffiths"


def test_the_statement_said_means_its_issuer():
    rows = run("وقالت وزارة الخارجية الفرنسية إن الوضع صعب. وأضاف البيان أن الحل ممكن.")
    assert rows[0]["speaker_id"] == rows[1]["speaker_id"]


def test_passive_reporting_verb_has_no_speaker():
    assert run("وذُكر في بادئ الأمر أن قوة الزلزال ثماني درجات.") == []


def test_read_more_label_is_not_a_headline_speaker():
    assert run("اقرأ أيضا: الجبير يرد على قطر\nنص الخبر.") == []
    assert run("للمزيد: آلاف يتظاهرون في تل أبيب") == []


def test_masculine_verb_before_feminine_organisation_makes_it_the_object():
    rows = run("وقال المحامي سامي نور إن القضية معقدة. ودعا الحكومة إلى التحقيق.")
    assert rows[1]["speaker_name"] == "سامي نور"


def test_hyphenated_name_and_title_after_name():
    assert run("ونفى جان-كلود أرنو أن يكون مذنبا.")[0]["speaker_name"] == "جان-كلود أرنو"
    rows = run("قال سعد الحديثي المتحدث باسم مكتب رئيس الوزراء إن القرار نهائي.")
    assert rows[0]["speaker_name"] == "سعد الحديثي"


def test_reaction_noun_is_not_a_reply():
    assert run("وفي رد فعل لمسؤولي الإقليم، لم يصدر أي تعليق.") == []


def test_name_first_with_apposition_and_quoted_newspaper():
    rows = run('وكانت الدكتورة أماني بلور، مديرة مستشفى بالغوطة الشرقية، قالت: "هذه أسوأ أيامنا".')
    assert rows[0]["speaker_name"] == "أماني بلور"
    rows = run('صحيفة "ديلي إيران" قالت إن التصريحات تدعو للاستغراب.')
    assert rows[0]["speaker_kind"] == "organization"


def test_cnn_spelled_with_in_is_a_name_not_a_particle():
    rows = run("ونقلت شبكة سي إن إن عن الطلاب المنظمين قولهم إن الحادثة مؤلمة.")
    assert rows[0]["speaker_name"] == "الطلاب المنظمين"


def test_verbal_noun_after_title_is_the_object():
    rows = run("أكدت متحدثة باسم وزارة الداخلية الإسرائيلية بدء تنفيذ الخطة.")
    assert rows[0]["speaker_name"] == "متحدثة باسم وزارة الداخلية الإسرائيلية"
    assert rows[0]["content"].startswith("بدء تنفيذ")


def test_passive_present_of_form_one_verbs():
    assert len(run("وقال المدير سامي نور إن الوضع صعب. يُزعم أنه تم التخطيط له.")) == 1


def test_object_after_speech_adjunct_and_adjunct_is_not_an_object():
    rows = run("وأعلنت وزارة الصحة في بيان رسمي مقتل ثلاثة أشخاص.")
    assert rows and rows[0]["content"].startswith("مقتل")
    assert run("كما شددت الإجراءات الأمنية في المنطقة المحيطة بالقصر.") == []


def test_quantified_group_speaker():
    rows = run("وندد الكثير من المنظمات الحقوقية بالاعتقالات.")
    assert rows and rows[0]["speaker_kind"] == "group"


def test_object_verb_with_parenthetical_before_an():
    rows = run("وأكدت النقابة، في البيان الذي تناقلته الصحف، أن الجهات المختصة ستكشف الملابسات.")
    assert rows and rows[0]["speaker_name"] == "النقابة"
    assert rows[0]["content"].startswith("الجهات")


def test_implicit_subject_from_a_previous_sentence_opened_by_another_verb():
    rows = run('وتحدثت الوزيرة سامية عبو للصحفيين أمام البرلمان. وقالت "لن نتراجع عن القانون".')
    assert rows and rows[0]["speaker_name"] == "سامية عبو"
    assert rows[0]["speaker_mention"] is None


# --- one row per event, in-document coreference, name boundaries -------------


def test_headline_flagged_and_first_line_gives_one_row():
    text = "العمري: لن نرفع أسعار الخبز هذا العام\n\nقال وزير التموين خالد العمري إن المخزون يكفي لستة أشهر."
    flags = pl.DataFrame({"doc_id": ["d"], "char_start": [0], "char_end": [text.index("\n")],
                          "kind": ["headline"], "reason": ["first line"]})
    rows = run(text, flags=flags)
    heads = [r for r in rows if r["is_headline"]]
    assert len(heads) == 1
    keys = [(r["char_start"], r["char_end"], r["verb_start"]) for r in rows]
    assert len(keys) == len(set(keys))


def test_surname_reference_gets_the_full_name_speaker():
    text = ("أعلنت وزيرة الصحة سلمى القاسم أمس أن حملة التطعيم ستبدأ الأحد. "
            "وقالت القاسم إن اللقاحات وصلت إلى المستودعات.")
    rows = run(text)
    assert [r["speaker_name"] for r in rows] == ["سلمى القاسم", "سلمى القاسم"]
    assert len({r["speaker_id"] for r in rows}) == 1
    assert rows[1]["speaker_mention"] == "القاسم"  # as written


def test_surname_headline_before_full_name_is_the_same_speaker():
    text = ("الزعبي: الموسم السياحي سيكون الأفضل منذ سنوات\n\n"
            "قال مدير هيئة السياحة رامي الزعبي إن الحجوزات ارتفعت. وأضاف الزعبي أن الفنادق ممتلئة.")
    rows = run(text)
    assert len(rows) == 3
    assert {r["speaker_name"] for r in rows} == {"رامي الزعبي"}
    assert len({r["speaker_id"] for r in rows}) == 1
    assert rows[0]["speaker_mention"] == "الزعبي" and rows[0]["is_headline"]


def test_speaker_name_drops_the_title_even_for_first_names_with_lam():
    rows = run("أكدت رئيسة جامعة العاصمة لينا مراد أن الامتحانات ستجري في موعدها.")
    assert rows[0]["speaker_name"] == "لينا مراد"
    assert rows[0]["speaker_mention"] == "رئيسة جامعة العاصمة لينا مراد"


def test_object_after_title_and_full_name_is_not_part_of_the_name():
    rows = run("انتقد عضو مجلس النواب فراس حمدان القرار، معتبراً أنه يضر بالمزارعين.")
    assert rows[0]["speaker_name"] == "فراس حمدان"
    rows = run("دعا وزير الداخلية سليم عواد السائقين إلى الالتزام بقواعد السير.")
    assert rows[0]["speaker_name"] == "سليم عواد"
    assert rows[0]["content"].startswith("السائقين")


def test_definite_surname_after_title_and_first_name_is_kept():
    rows = run("دعا رئيس الاتحاد مروان الحسيني اللاعبين إلى الهدوء.")
    assert rows[0]["speaker_name"] == "مروان الحسيني"
    rows = run("انتقد محافظ المدينة وليد الشامي القرار الأخير.")
    assert rows[0]["speaker_name"] == "وليد الشامي"


def test_coordinated_appeal_keeps_the_subject_and_takes_an_addressee():
    text = ("وحذرت جمعية حماية المستهلك من ارتفاع أسعار الأدوية، "
            "وطالبت الوزارة بفرض رقابة صارمة على الصيدليات.")
    rows = run(text)
    assert len(rows) == 2
    assert rows[0]["speaker_name"] == rows[1]["speaker_name"] == "جمعية حماية المستهلك"
    assert rows[1]["speaker_mention"] is None
    assert rows[1]["content"].startswith("الوزارة بفرض")
    text = "حذر اتحاد النقل من الازدحام، ودعا السائقين إلى تجنب الطريق الساحلي."
    rows = run(text)
    assert [r["speaker_name"] for r in rows] == ["اتحاد النقل", "اتحاد النقل"]


def test_coordinated_appeal_with_a_named_subject_is_a_new_speaker():
    text = ("حذرت النقابة من نقص الأدوية، ودعت وزيرة الصحة سلمى القاسم "
            "إلى التريث.")
    rows = run(text)
    assert rows[-1]["speaker_name"] == "سلمى القاسم"


def test_first_name_spelt_with_hamza_al_is_not_a_title():
    rows = run("وقال ألبرتو فرنانديز إن الفريق جاهز للمباراة.")
    assert rows[0]["speaker_name"] == "ألبرتو فرنانديز"


def test_lam_phrase_inside_a_title_still_belongs_to_the_title():
    rows = run("وقال المدير الفني لنادي الوحدة، جمال سعيد، إن الفريق جاهز.")
    assert rows[0]["speaker_name"] == "جمال سعيد"
    for text in ("وقال مدرب الحراس ليوفنتوس، ماركو سيلفا، إن الفريق جاهز.",
                 "وقال مدرب الحراس ليوفنتوس ماركو سيلفا إن الفريق جاهز."):
        assert run(text)[0]["speaker_name"] == "ماركو سيلفا"


def test_coordinated_accusation_object_is_not_the_speaker():
    text = "أكدت الحكومة أن أرقام التقرير مبالغ فيها، واتهمت المعارضة بتضليل الرأي العام."
    rows = run(text)
    assert [r["speaker_name"] for r in rows] == ["الحكومة", "الحكومة"]


def test_stray_closing_quote_does_not_swallow_the_next_sentences():
    text = ('قالت الهيئة إن المشروع تأخر وإن "الكلفة ارتفعت". وقال مدير المشروع سامي داود إن العمل سيستأنف. '
            'وأضاف أن التمويل متوفر.')
    text = text.replace('"الكلفة', 'الكلفة')  # only the closing mark is left
    assert speakers(text) == ["الهيئة", "سامي داود", "سامي داود"]


def test_person_named_between_commas_after_a_description_is_the_speaker():
    assert speakers("وقال محامي العائلة، نادر حبيب، إن القضية ستحال إلى المحكمة.") == ["نادر حبيب"]
    assert speakers("ويرى الباحث في الشؤون الاقتصادية بمركز الدراسات، هاني مراد، أن الأسعار سترتفع.") \
        == ["هاني مراد"]
    # a time word after the name, and a long description with a relative participle
    assert speakers("أعلن محافظ إقليم الشمال، الواقع على الحدود مع الجار، كمال دياب أمس أن الطريق فتح.") \
        == ["كمال دياب"]


def test_relation_head_does_not_make_the_relative_the_speaker():
    rows = run("وقالت زوجة المعتقل مازن عودة إنها لم تتمكن من زيارته.")
    assert rows[0]["speaker_name"] != "مازن عودة"
    assert rows[0]["speaker_mention"] == "زوجة المعتقل مازن عودة"


def test_first_name_written_with_the_article_after_a_nisba_title():
    assert speakers("وقال وزير المالية الروسي الكسندر بوريسوف إن الميزانية متوازنة.") == ["الكسندر بوريسوف"]


def test_came_in_is_not_replied():
    assert speakers("ووردت تقارير عن اشتباكات في الشمال بأن المسلحين انسحبوا.") == []


def test_a_name_ends_at_the_next_verb_and_at_an_addressee_noun():
    assert speakers("وأدانت الولايات المتحدة الهجوم وحثت على ضبط النفس.") == ["الولايات المتحدة"] * 2
    rows = run("قالت سلمى حداد إن القرار ظالم. واعتذرت حداد لزوجة الوزير، وقالت إنها لم تقصد الإساءة.")
    assert [r["speaker_name"] for r in rows] == ["سلمى حداد", "سلمى حداد"]


def test_time_adjective_after_the_verb_is_no_speaker():
    assert "الماضي" not in speakers("وقال السفير الأسبوع الماضي إن المفاوضات مستمرة.")


def test_title_only_reference_finds_a_person_introduced_inside_a_quote():
    text = ("قالت الممثلة إن رئيس الوزراء البريطاني بوريس جونسون وعدها بالمساعدة. "
            "ونفى رئيس الوزراء أن يكون قد وعد أحدا.")
    assert speakers(text) == ["الممثلة", "بوريس جونسون"]


def test_when_before_a_finite_verb_is_not_a_preposition():
    assert speakers("تراجعت الأسهم، في حين أعلن البنك المركزي أن الفائدة ثابتة.") == ["البنك المركزي"]


def test_one_word_quoted_name_before_the_content():
    rows = run('وقالت "نبأ" إن القصف استهدف مواقع عسكرية.')
    assert [r["speaker_name"] for r in rows] == ["نبأ"]


def test_surname_with_article_before_the_persons_title():
    rows = run("وأعلن عادل الحسن المتحدث باسم الدفاع المدني في بيان أن الحريق أخمد.")
    assert rows[0]["speaker_name"] == "عادل الحسن"
    assert rows[0]["content"].startswith("الحريق")


def test_relative_clause_takes_its_antecedent_as_speaker():
    assert speakers("وقتل خمسة أشخاص بحسب الهلال الأحمر، الذي قال إن الحصيلة قد ترتفع.") == ["الهلال الأحمر"]
    assert speakers("ويتزايد الخلاف مع الدول التي انتقدت سياسته في المنطقة.") == []


def test_a_title_after_a_name_lets_a_later_title_reference_find_the_person():
    text = ("وقال فارس نعيم حاكم ولاية الوسط إن المسلحين انسحبوا. وقالت الشرطة إن الوضع هادئ. "
            "ولم تعلق الحكومة على الاشتباكات التي قال الحاكم إنها انتهت.")
    assert speakers(text) == ["فارس نعيم", "الشرطة", "فارس نعيم"]


def test_general_supervisor_title_with_ala_and_an_honorific_name():
    text = 'وأوضح المشرف العام على المعرض الوطني للكتاب "قراءة" الدكتور ماجد العتيبي أن المعرض يفتح غدا.'
    assert speakers(text) == ["ماجد العتيبي"]


def test_masdar_after_a_name_is_the_object():
    assert speakers("أكد النائب سامر خليل أهمية الحوار بين الأطراف.") == ["سامر خليل"]


def test_bayyana_without_shadda_is_a_verb_before_anna():
    text = "وقال المدير إن المشروع انتهى. وبين المدير أن الكلفة انخفضت. وبين أن العمل مستمر. وبين الطرفين خلاف."
    assert speakers(text) == ["المدير"] * 3


def test_a_definite_title_after_a_name_is_not_a_surname():
    text = "وقال الرئيس فادي سليم إن الرد قادم. وهدد سليم المسؤول عن الهجوم بأنه سيدفع الثمن."
    assert speakers(text) == ["فادي سليم", "فادي سليم"]


def test_reply_as_a_noun_in_a_construct_is_no_statement():
    assert speakers('وقال الوزير إن القرار نهائي، في إطار رد الحكومة على "الاتهامات".') == ["الوزير"]


def test_a_decimal_point_is_no_sentence_end_for_the_previous_subject():
    text = "وبلغ عدد النسخ 4.7 ملايين، ومن بينها نسخ إلكترونية. وأكدت أن التوزيع انتهى."
    assert "ومن بينها" not in " ".join(speakers(text))


def test_a_known_surname_then_a_definite_object():
    text = "وقال الرئيس كمال جابر إن بلاده قوية. وفي يوليو، حذر جابر الولايات المتحدة من أن العقوبات لن تنفع."
    rows = run(text)
    assert [r["speaker_name"] for r in rows] == ["كمال جابر", "كمال جابر"]
    assert rows[1]["speaker_mention"] == "جابر"


def test_relative_clause_of_an_event_is_no_statement():
    text = "وقال المدير إن العمل قائم. وامتدح البطولة الدولية التي اختتمت مساء السبت، مفيدا إلى أن النادي دعمها."
    assert "البطولة الدولية" not in speakers(text)


def test_participle_after_an_object_continues_the_implicit_subject():
    text = "وقال المدير سالم نور إن العمل قائم. وامتدح بطولة الخليج الدولية، مفيدا إلى أن النادي دعمها."
    assert speakers(text) == ["سالم نور", "سالم نور"]


def test_definite_head_takes_no_genitive():
    rows = run("وأدانت المحكمة المدعى عليه الثاني بالمشاركة في المظاهرات.")
    assert [r["speaker_name"] for r in rows] == ["المحكمة"]


def test_time_phrase_opening_a_sentence_is_no_subject():
    text = "قال الوزير إن الخطة جاهزة. وقبل أيام تكررت هذه الحالة معي. فابتسم وقال إن الأمر بسيط."
    assert "أيام تكررت" not in " ".join(speakers(text))


def test_prepositional_phrase_after_a_title_is_no_name():
    # (the participle's complement belongs to the description, and names no one)
    rows = run("أعلن الجهاز الخاص المكلف بحماية الرئيس، الاثنين، أن سائقا اعتقل.")
    assert rows[0]["speaker_name"] == "الجهاز الخاص المكلف بحماية الرئيس"


def test_demonstrative_inside_a_title():
    assert speakers('وقالت رئيسة هذه الكتل ليلى مراد "نصوت ضد هذا القانون".') == ["ليلى مراد"]


def test_abd_al_name_and_a_country_object():
    text = 'قال زعيم الجماعة عبد الملك سالم في مقابلة "لم نرفض اللقاء". واتهم سالم فرنسا بـ "المساهمة في الحرب".'
    assert speakers(text) == ["عبد الملك سالم", "عبد الملك سالم"]


def test_fronted_organisation_starting_with_waw_and_two_appositions():
    text = ('ولم تحدد المنظمة الجهة المسؤولة، لكن وكالة الأنباء الرسمية "نبأ"، المتحدثة باسم الحكومة، '
            'قالت إن المتمردين يقفون خلف القصف.')
    rows = run(text)
    assert rows[-1]["speaker_mention"] == 'وكالة الأنباء الرسمية "نبأ"'


def test_first_name_and_nisba_surname_before_a_title():
    rows = run("وأكد سالم الحربي المشرف العام على المهرجان، أنه قرر إيقاف الفعاليات.")
    assert rows[0]["speaker_name"] == "سالم الحربي"


def test_adverbial_accusative_after_a_title_is_no_name():
    text = "كما تحدث المشرف العام على القناة ردا على سؤال حول البرامج، وأكد أنها ستتغير."
    assert "ردا" not in speakers(text)


def test_a_place_in_a_repeated_title_is_not_a_new_speaker():
    text = ("أعلن حاكم إقليم الشمال، الواقع على الحدود، كمال دياب أن الجيش اعتقل مسلحين. "
            "وقال حاكم إقليم الشمال: «الوضع هادئ».")
    assert speakers(text) == ["كمال دياب", "كمال دياب"]


def test_eve_of_is_a_time_word_not_a_name():
    text = "وقال المفوض الأوروبي للشؤون الداخلية عشية اجتماعه في نيامي إنه سيبلغهم بالقرار."
    assert "عشية" not in speakers(text)


def test_bare_organisation_takes_its_fuller_name_from_the_text():
    text = "وأطلق الجيش النيجيري النار على المتظاهرين. في حين يقول الجيش إن المتظاهرين مسلحون."
    rows = run(text)
    assert rows[0]["speaker_name"] == "الجيش النيجيري"
    assert rows[0]["speaker_mention"] == "الجيش"


def test_former_and_earlier_former_are_one_title():
    text = ("وقال الرئيس البرازيلي الأسبق فرناندو كولور إنه بريء. "
            "وينفي الرئيس السابق الاتهامات، مشددا على عدم وجود أدلة.")
    assert speakers(text) == ["فرناندو كولور", "فرناندو كولور"]


def test_spokesman_in_an_organisation():
    rows = run("ونقل الموقع عن متحدث في المجلس الوطني للمقاومة، بأن السلطات تعاملت بعنف.")
    assert rows[0]["speaker_mention"] == "متحدث في المجلس الوطني للمقاومة"


def test_verbal_noun_with_its_ba_complement_is_the_object():
    text = "قالت الناشطة سلمى عادل إن الحملة مستمرة. وتدين الزج بالشباب في الحرب. وقالت في تغريدة: \"لن نسكت\"."
    assert speakers(text)[-1] == "سلمى عادل"
    assert speakers("وأكد الأخير بأن الوضع هادئ.") == ["الأخير"]


def test_time_segment_after_the_apposition_name_is_skipped():
    text = 'وقالت مستشارة الأمن السابقة، سلوى ناصر، يوم الأحد: "لدينا أسباب للقلق".'
    assert speakers(text) == ["سلوى ناصر"]


def test_which_indicates_is_no_statement():
    text = "وارتفعت الأسعار، مما يشير إلى أن المنتجين غير متعجلين."
    assert speakers(text) == []


def test_a_statement_from_a_body_is_the_bodys():
    assert speakers("ذكر بيان من الرئاسة، السبت، أن العجز سينخفض.") == ["الرئاسة"]
    assert speakers("وقال بيان صادر عن وزارة الصحة إن الوباء انحسر.") == ["وزارة الصحة"]


def test_conjunction_relatives_are_no_speakers():
    text = "وقالت الباحثة إن الفكرة جيدة. وسافرت نوال، حسبما قالت في دراستها، إلى باريس."
    assert "حسبما" not in speakers(text)


def test_wrote_saying_is_one_statement_of_the_implicit_speaker():
    rows = run('وقال الصحفي سامي حداد إن الخبر صادم. وكتب يقول "الحياة ثمينة".')
    assert [r["speaker_name"] for r in rows] == ["سامي حداد", "سامي حداد"]
    assert rows[1]["verb"] == "وكتب"


def test_bare_newspaper_takes_the_name_given_after_a_lam():
    text = "كشف تقرير لصحيفة الغد الأردنية عن الخطة. وذكرت الصحيفة أن التنفيذ يبدأ غدا."
    assert speakers(text)[-1] == "صحيفة الغد الأردنية"


def test_two_word_capital_is_one_speaker():
    assert speakers("وتقول بيونغ يانغ إنها بحاجة إلى السلاح.") == ["بيونغ يانغ"]


def test_previous_sentence_subject_keeps_its_apposition_name():
    text = ("واستبق المتحدث باسم الحركة، سالم عبد الله، وصول المبعوث بإطلاق تصريحات. "
            'فقد قال في هذه التصريحات: "الزيارة فاشلة".')
    assert speakers(text) == ["سالم عبد الله"]


def test_title_with_a_located_body_and_an_honorific():
    text = "أكد عضو المجلس البلدي بمحافظة الخرج المهندس سامي الدوسري وجود مشروعين متعثرين."
    assert speakers(text) == ["سامي الدوسري"]


def test_known_surname_before_an_object_in_an_earlier_sentence():
    text = ("ونقل الحساب عن المدرب كارلوس بيانكي قوله: «استقلت». "
            "وقرأ بيانكي خطاب الاستقالة في المؤتمر، وقال إنه اتخذ قراره.")
    assert speakers(text) == ["كارلوس بيانكي", "كارلوس بيانكي"]


def test_quantified_group_before_the_verb():
    text = "قال الباحث سامي ناصر إن الظاهرة تتراجع. لكن بعض خبراء الاجتماع يرون أنها مستمرة."
    assert speakers(text)[-1] == "بعض خبراء الاجتماع"


def test_kunya_before_a_pronoun_suffixed_object():
    assert speakers("يصف أبو خالد شعوره حين سمع الخبر، ويقول: \"لا أصدق\".")[0] == "أبو خالد"


def test_first_name_alone_refers_to_the_only_person_with_it():
    text = 'قال حسين مراد إن القرار صدر. وصرح حسين: "لقد سمعت بالموافقة".'
    assert speakers(text) == ["حسين مراد", "حسين مراد"]


def test_coordinated_title_apposition_name_and_an_addressee():
    rows = run('واعتبر الكاتب والباحث السياسي، عادل سالم، لـ"قناة الغد" أن الوضع خطير.')
    assert rows[0]["speaker_name"] == "عادل سالم"
    assert rows[0]["content"].startswith("الوضع")


def test_foreign_surname_ending_in_ha_is_part_of_the_name():
    assert speakers("وقال وزير النفط الإيراني بيجن زنغنه في تصريحات إن الإنتاج سيرتفع.") == ["بيجن زنغنه"]


def test_highness_title_and_his_highness_pronoun():
    text = "وأوضح سمو الأمير فيصل بن خالد أن البرنامج ناجح. وبين سموه أن الدورة انتهت."
    assert speakers(text) == ["فيصل بن خالد", "فيصل بن خالد"]


def test_coordinated_titles_before_a_fronted_name():
    text = ('أوضح المخرج والمؤلف محمد الحلال أن المسرح مهم. '
            'بدوره المخرج والمؤلف ياسر الحسن، قال "المنطقة تمر بنفق مظلم".')
    assert speakers(text) == ["محمد الحلال", "ياسر الحسن"]


def test_he_says_refers_to_the_last_speaker_not_a_fronted_noun():
    text = ('قال المسرحي جبران سعيد إن المسرح يموت. وطرحنا على جبران سؤالا حول الظروف، والواقع المحلي، '
            'وهو يقول "المجتمع يحتاج إلى الوعي".')
    assert speakers(text) == ["جبران سعيد", "جبران سعيد"]


def test_verbal_noun_pattern_object_is_no_speaker():
    text = "قال الباحث سامي ناصر إن الشعارات مهمة، وأكد إدراك الناس لما جرى."
    assert speakers(text) == ["سامي ناصر", "سامي ناصر"]
    assert speakers("حذر اتحاد النقل من الازدحام.") == ["اتحاد النقل"]


def test_plural_verb_is_no_fronted_subject():
    text = "وقال الباحث إن المحتجين رددوا شعارات. وأضاف أن المحتجين رددوا شعارات تدين الحرب."
    assert "رددوا شعارات" not in speakers(text)


def test_indefinite_adjectives_after_an_indefinite_head_are_no_name():
    assert speakers("قال خبير ديمغرافي إسرائيلي بارز إن العدد كبير.") == ["خبير ديمغرافي إسرائيلي بارز"]
    assert speakers("قال ممثل الادعاء لدى محكمة كرة قدم إيطالية، إن النادي سيعاقب.") \
        == ["ممثل الادعاء لدى محكمة كرة قدم إيطالية"]


def test_where_before_the_verb_is_no_name():
    text = 'جاء ذلك على لسان سامي داود، المتحدث باسم الوزارة، حيث قال: "الوضع هادئ".'
    assert "حيث" not in " ".join(speakers(text))


def test_also_after_the_verb_marks_an_object():
    text = 'قال الرئيس فادي سليم إن الشركات تستغل الناس. وذكر كذلك تويتر وفيسبوك، وقال: "عليهم الحذر".'
    assert speakers(text) == ["فادي سليم", "فادي سليم"]


def test_not_expected_is_an_adjective():
    assert speakers("استقبل المسن سالم زيارة غير متوقعة بأن حفيده عاد.") == []


def test_verbal_noun_after_a_present_verb():
    text = "وقال سامي إن الفكرة جيدة. وأكد أن فريقا سيتولى شرح مراحل الانتخابات، مؤكدا أنها مهمة."
    assert speakers(text) == ["سامي", "سامي"]


def test_kana_fronted_subject_beats_the_noun_after_the_verb():
    assert speakers("وكان حفيد المسن سالم لاحظ حزن جده، مؤكدا أنه سيساعده.") == ["سالم"]


def test_accused_or_described_noun_before_ba_is_the_object():
    text = 'قال الأمير فيصل إن الزيارة مهمة. وأحرج نفسه حينما وصف الأراضي المحتلة بـ"البلد".'
    assert "الأراضي المحتلة" not in speakers(text)
    assert speakers("وقالت الحكومة إن الهجوم مدبر. واتهمت الجارة بالوقوف وراء العملية.") == ["الحكومة", "الحكومة"]


def test_ba_phrase_never_opens_a_speaker():
    assert speakers('لكنه اتهمها بإهانة القضاء "بتغريدات".') == []


def test_organisation_object_after_organisation_subject():
    rows = run("اتهمت المخابرات الفرنسية وزارة المخابرات الإيرانية بالوقوف وراء الهجوم.")
    assert rows[0]["speaker_name"] == "المخابرات الفرنسية"


def test_spokesman_for_a_named_person_then_his_own_name():
    assert speakers("وأكد المتحدث باسم دوستم بشير أحمد تايانج أن نائب الرئيس عاد.") == ["بشير أحمد تايانج"]


def test_it_turned_out_is_no_statement():
    assert speakers("كما تبين من التحقيقات أن المتهمة حاولت السفر.") == []
    # with an earlier speaker an implicit-subject reading would be possible: it must not be taken
    assert speakers("وقالت المدعية سلمى داود إن التحقيق انتهى. وتبين أن المتهم كان مسلحا.") == ["سلمى داود"]


def test_fronted_subject_with_a_long_relative_clause():
    text = ("وكان الوزير سامي داود، الذي كلفه الرئيس بقيادة المفاوضات مع الجيران عقب القمة في العاصمة، "
            "قال إن بلاده تأمل في التقدم.")
    assert speakers(text) == ["سامي داود"]


def test_ordinal_inside_a_body_name():
    rows = run("طالب المؤتمر الدولي الـ 12 للطاقة بأن تدعم الحكومات المشاريع.")
    assert rows[0]["speaker_name"].startswith("المؤتمر الدولي")


def test_addressed_outlet_before_the_subject():
    assert speakers("وأوضح لـ«الرياض» الأمير الدكتور فيصل بن سعود، أن المؤتمر يعقد غدا.") == ["فيصل بن سعود"]


def test_drew_attention_is_no_report():
    assert speakers("ومما لفت انتباهي أن أسمع عن حالة رجل مشهور.") == []


def test_accusative_verbal_noun_is_the_object_but_countries_are_speakers():
    assert "ارتفاعا" not in " ".join(speakers("قال المحلل إن السوق قوية. فهي تتوقع ارتفاعا بنسبة 8 في المائة."))
    assert speakers("رفضت تركيا بقوة الدعوات الغربية، قائلة إن القرار خاطئ.") == ["تركيا"]


def test_written_object_ends_the_name():
    rows = run("كتب الصحفي سامر داود مقالا في الصحيفة قال فيه إن الأزمة ستطول.")
    assert all("مقالا" not in r["speaker_name"] for r in rows)


def test_asked_is_no_name():
    assert speakers('وعندما سئل سومون عن الكرة، أجاب: "لا".') != ["سئل سومون"]


def test_a_name_then_a_country_or_the_un_as_object():
    rows = run("ودعا كمال الأمم المتحدة إلى اتخاذ إجراء فوري.")
    assert rows[0]["speaker_mention"] == "كمال"


def test_participle_adjective_after_a_nisba_title():
    text = "أعلن الحارس الدولي المصري المخضرم سامي فؤاد اعتزال اللعب، وقال إن الوقت حان."
    assert speakers(text) == ["سامي فؤاد", "سامي فؤاد"]


def test_a_name_after_a_definite_lam_phrase_is_no_genitive():
    assert speakers("وأعلن محافظ الهيئة العامة للاستثمار عادل السعيد أن الهيئة جاهزة.") == ["عادل السعيد"]


def test_guideline_verbs_repeat_rule_out_hint():
    assert speakers("وكررت الحكومة أن الحوار هو الحل.") == ["الحكومة"]
    assert speakers("واستبعد الوزير سامي داود أن تنتهي الأزمة قريبا.") == ["سامي داود"]
    assert speakers("وألمحت الشركة إلى أنها قد ترفع الأسعار.") == ["الشركة"]


def test_completed_is_a_report_only_before_quoted_words():
    assert speakers("وأكمل الرئيس زيارة لمدة ثلاثة أيام إلى العاصمة بعد أن وصل أمس.") == []
    assert speakers('وأكمل اللاعب سامي قائلا: "المونديال كان صعبا".') == ["سامي"]


def test_possessed_verbal_noun_is_the_object_of_repeat():
    rows = run("وكرر الرئيس فادي سليم اعتقاده بأن سلفه لم يفعل شيئا.")
    assert rows[0]["speaker_name"] == "فادي سليم"
    rows = run('قال فادي سليم إن الحرب لن تتوقف. وكرر رغبته في "عدم وقف المبيعات".')
    assert [r["speaker_name"] for r in rows] == ["فادي سليم", "فادي سليم"]


def test_profession_in_a_body_then_the_name():
    text = 'وقال القيادي في فتح سامي داود الذي وصل إلى المنطقة إن "شعبنا لن يتراجع".'
    assert speakers(text) == ["سامي داود"]
    assert speakers("وقال الجيش في بيان إن القوات تقدمت.") == ["الجيش"]


def test_nominal_sentence_subject_before_idh_qala():
    text = 'قال الوزير سالم داود إن البلاد قوية. الفريق خالد منصور لم يترك المقال يمر إذ قال في تغريدة: "كلام فارغ".'
    assert speakers(text) == ["سالم داود", "خالد منصور"]


def test_organisation_object_right_after_a_one_word_organisation():
    rows = run("وطالبت الجامعة مجلس حقوق الإنسان باستصدار قرار.")
    assert rows[0]["speaker_mention"] == "الجامعة"


def test_mufaala_verbal_noun_is_no_name():
    assert speakers('أكد المجتمعون مواصلة "دعم القضية".') == ["المجتمعون"]


def test_affiliated_to_is_no_report():
    assert speakers('عثر الجيش على مصنع تفخيخ تابع لمتطرفي "شورى درنة".') == []


def test_relative_verb_with_an_object_pronoun_keeps_the_implicit_subject():
    text = "وقال الوزير سامي داود إنه أجرى محادثات مع كمال الذي وصفه بأنه محاور عقلاني."
    assert speakers(text) == ["سامي داود", "سامي داود"]


def test_unnamed_title_with_a_located_place():
    assert speakers("وقال كبير الصيادين بفرضة القطيف: إن المراكب تستعد.") == ["كبير الصيادين بفرضة القطيف"]
    assert speakers("وقال الرئيس السوري بشار الأسد إن الحرب انتهت.") == ["بشار الأسد"]


def test_participle_as_predicate_is_no_report():
    assert speakers("ولم تعلن الشركة عن ساعة جديدة كما كان متوقعا، ولكن الشركة قالت إن لديها أخبارا.") == ["الشركة"]


def test_possessed_noun_after_an_object_verb_is_the_object():
    text = "وقال المدرب سامي داود إن الفريق جاهز. حيث أبدى رضاه عن المعسكر."
    assert "رضاه" not in speakers(text)


def test_company_name_ends_before_a_possessed_verbal_noun():
    rows = run("أعلنت شركة نفط الخليج عزمها إنشاء محطات جديدة.")
    assert rows[0]["speaker_name"] == "شركة نفط الخليج"


def test_prepositional_time_phrase_is_no_fronted_subject():
    text = "وقد تداولت وسائل إعلام، في وقت سابق، صورا كشفت عن هجوم كيماوي."
    assert "وقت سابق" not in speakers(text)


def test_owes_thanks_is_no_condemnation():
    assert speakers("ويدين منتخب بلجيكا بالفضل في هذا الفوز إلى لاعبه.") == []


def test_title_noun_as_a_surname_before_punctuation():
    assert speakers("يقول إسلام القاضي، الذي يعمل في شركة، إن الوضع سيتحسن.") == ["إسلام القاضي"]


def test_located_spokesman_acting_then_his_name():
    text = "وأوضح الناطق الإعلامي بصحة الطائف بالنيابة عيضة الهذلي، أن المصاب بخير."
    assert speakers(text) == ["عيضة الهذلي"]


def test_body_led_by_someone_is_the_speaker():
    rows = run("أبدى الجهاز الفني لفريق الأهلي بقيادة المدرب كريستيان غروس رضاه عن المعسكر.")
    assert rows[0]["speaker_name"] == "الجهاز الفني لفريق الأهلي"


def test_agency_name_ends_before_its_verbal_noun_object():
    rows = run('وأكدت وكالة الفضاء "ناسا" اكتشاف كوكب قريب الحجم من الأرض.')
    assert "اكتشاف" not in rows[0]["speaker_name"]


def test_only_titles_of_persons_introduce_names():
    text = "وقال الدكتور سامي الصالح إن الحادث مؤسف. ودعت الكلية إلى إحضار ملف آخر."
    assert speakers(text) == ["سامي الصالح", "الكلية"]


def test_a_name_then_a_definite_organisation_object():
    rows = run('وانتقدت السفيرة ليلى حداد الحكومة الروسية بسبب "الخداع".')
    assert rows[0]["speaker_name"] == "ليلى حداد"
    rows = run('وانتقدت حداد الحكومة الروسية بسبب "الخداع".')
    assert rows[0]["speaker_mention"] == "حداد"


def test_spokesman_for_a_body_without_a_name():
    assert speakers("وقال متحدث باسم فيسبوك، الأحد، إن الشركة ستبلغ المستخدمين.") == ["متحدث باسم فيسبوك"]
    assert speakers("وقال المتحدث باسم الحركة فوزي برهوم إن الحركة مستعدة.") == ["فوزي برهوم"]


def test_author_and_director_apposition_name():
    text = "من جهته، قال مؤلف العمل ومخرجه، ابراهيم بن محمد، إن الجزء الثاني جاهز."
    assert speakers(text) == ["ابراهيم بن محمد"]


def test_verbal_noun_after_or():
    assert speakers("لا تبنوا قراراتكم على افتراض أو توقع قيامنا بتدخل عسكري.") == []


def test_fronted_subject_after_it_is_mentioned_that():
    text = "يشار إلى أن الرئيس الأمريكي فادي سليم قد قال إنه على تواصل مع الحكومة."
    assert speakers(text) == ["فادي سليم"]


def test_fronted_name_with_a_title_apposition_without_comma():
    assert speakers('لكن معز الدبابي نائب رئيس جمعية آفاق قال إن "هذا الحق منقوص".') == ["معز الدبابي"]


def test_announced_after_a_parenthetical_date():
    rows = run('وكان ترامب أعلن، في 27 أبريل الماضي، أنه قد يحضر الافتتاح، قائلا: "ربما أذهب".')
    assert [r["speaker_name"] for r in rows] == ["دونالد ترامب"]


def test_quoted_object_after_a_complete_country_name():
    rows = run('دعت الولايات المتحدة الأمريكية "تحالف دعم الشرعية"، إلى التحقيق.')
    assert rows[0]["speaker_name"] == "الولايات المتحدة الأمريكية"
    assert speakers('وقالت صحيفة "النهار" إن الوضع مستقر.') == ["صحيفة النهار"]


def test_plural_participle_ends_a_group_name():
    assert speakers('وغرد عدد من المشجعين قائلين: "انتهى الموسم".') == ["عدد من المشجعين"]


def test_dr_and_eng_abbreviations_are_titles():
    assert speakers("أوضح م. فهد الجبير أن الأمانة جاهزة.") == ["فهد الجبير"]
    assert speakers("وقال د. سامي ناصر إن الحالة مستقرة.") == ["سامي ناصر"]


def test_his_agent_the_lawyer_then_the_name():
    assert speakers("وقال وكيله المحامي دان كينغ إن موكله مريض.") == ["دان كينغ"]


def test_participle_after_a_nominal_sentence_with_a_titled_name():
    text = "رئيس النادي سامي الدوسري تحدث عن مسار اللاعب قائلا: وعدت أن يكون الرد قويا."
    assert speakers(text) == ["سامي الدوسري"]


def test_second_title_of_the_same_person_is_no_object():
    text = "قال عضو وفد المعارضة مسؤول العلاقات الخارجية الدكتور سامي داود إن الحكومة غير جادة."
    assert speakers(text) == ["سامي داود"]


# --- session of 2026-11-23 (second): rules found on ant_dev3 and unannotated ANT text


def test_report_after_a_dateline_is_found():
    # "كشف" and "طالب" are nouns mid-sentence; after a dateline they open the clause
    text = "دبي، الإمارات العربية المتحدة (CNN) -- طالب الأمين العام للأمم المتحدة أنطونيو غوتيريس، الخميس، بوقف تنفيذ الحكم."
    rows = run(text)
    assert len(rows) == 1 and rows[0]["verb"] == "طالب"
    assert "غوتيريس" in rows[0]["speaker_name"]


def test_name_first_source_with_adjectives():
    rows = run("ولم يذكر الموقع عدد الحسابات. لكن مصادر مطلعة قالت إن العدد كبير.")
    assert [r["speaker_mention"] for r in rows] == ["مصادر مطلعة"]
    rows = run("مقدمة. ومصادر أمنية عراقية قالت إن الهجوم فشل.")
    assert [(r["speaker_mention"], r["speaker_kind"]) for r in rows] == [("مصادر أمنية عراقية", "group")]
    # a verb and its object after a plural noun are no adjectives
    assert run("مقدمة. وكان نشطاء تداولوا منشورات تدعو للتظاهر.") == []


def test_title_with_place_then_name():
    rows = run("مقدمة. وقال السفير الأمريكي في إسرائيل ديفيد فريدمان إن القرار صائب.")
    assert rows[0]["speaker_name"] == "ديفيد فريدمان"
    rows = run("مقدمة. وصرح المسؤول في الهلال الأحمر الأفغاني محمد إسماعيل أن القافلة وصلت.")
    assert rows[0]["speaker_name"] == "محمد إسماعيل"
    # "في" opening a circumstance is not a place in the title
    assert speakers("مقدمة. وقال الرئيس في خطاب ألقاه أمس إن الوضع متوتر.") == ["الرئيس"]


def test_dan_condemned_but_not_the_name_dan():
    rows = run("مقدمة. من جانبها، دانت باريس بشدة الهجوم. ودان المندوب الأممي في أفغانستان تاداميشي ياماماتو \"المعاناة القصوى\".")
    assert [r["verb"] for r in rows] == ["دانت", "ودان"]
    assert "ياماماتو" in rows[1]["speaker_name"]
    rows = run("مقدمة. وقال دان كوتس مدير الاستخبارات إن روسيا تتدخل.")
    assert [(r["verb"], r["speaker_name"]) for r in rows] == [("وقال", "دان كوتس")]


def test_subject_of_a_verb_after_a_time_phrase_continues():
    text = ("قال الرئيس عبد الفتاح السيسي إن الأمن تحقق. "
            "وفي الشهر الماضي بدأ الجيش عملية كبرى في سيناء، ويقول إنه قتل العشرات.")
    assert speakers(text) == ["عبد الفتاح السيسي", "الجيش"]


def test_topic_moves_with_a_sentence_without_report():
    # the subject of "وزار" is the most recent referent, not the earlier speaker
    text = ("قال وزير الخارجية الإيراني محمد جواد ظريف إن المفاوضات مستمرة. "
            "وزار الرئيس الفرنسي إيمانويل ماكرون مدينة الموصل أمس. وقال إن فرنسا ستساعد العراق.")
    assert speakers(text)[-1] == "إيمانويل ماكرون"
    # a subject that is no person ("تعليقات لافروف") does not move it
    text = ("قال وزير الخارجية الروسي سيرغي لافروف إن الغرب أخطأ. "
            "وتصدرت تعليقات لافروف الصحف. وأضاف أن موسكو سترد.")
    assert [r["speaker_id"] for r in run(text)] == ["sergey-lavrov", "sergey-lavrov"]


def test_time_phrase_before_a_nominal_object():
    rows = run("مقدمة. وكان جيش الاحتلال قد أعلن في وقت سابق السبت إصابة 4 من جنوده.")
    assert [(r["speaker_name"], r["content"]) for r in rows] == [("جيش الاحتلال", "إصابة 4 من جنوده.")]
    assert speakers("مقدمة. ونفت موسكو في وقت سابق وجود مقاتلين روس بين القتلى.") == ["موسكو"]


def test_two_word_rank_before_the_name_after_long_titles():
    text = ("مقدمة. قال مساعد وزير الداخلية لشؤون العمليات المشرف على الأمن العام رئيس اللجنة "
            "الأمنية بالحج الفريق أول سعيد بن عبدالله القحطاني إن الخطة نجحت.")
    assert speakers(text) == ["سعيد بن عبدالله القحطاني"]


def test_kana_subject_at_the_sentence_start_is_the_speaker_not_the_object():
    # "وكان X قد اتهم روسيا بأنها": Russia is the object, also when وكان opens the sentence
    assert speakers("مقدمة. وكان الوزير سامي كريم قد اتهم روسيا بأنها سممت الجاسوس.") == ["سامي كريم"]


def test_passive_accused_is_no_statement_but_keeps_the_topic():
    text = ("قالت نازانين راتكليف إنها بريئة. وكان الوزير سامي كريم قد اتهم بأنه عرضها لخطر "
            "بعد تصريحات له أشار خلالها إلى أنها كانت تدرب صحفيين.")
    rows = run(text)
    assert [r["verb"] for r in rows] == ["قالت", "أشار"]
    assert rows[1]["speaker_name"] == "سامي كريم"


def test_the_statement_continues_its_issuer_not_a_later_topic():
    text = ("قالت وزارة الخارجية الروسية في بيان إن الضربات مرفوضة. "
            "وزار الرئيس الفرنسي إيمانويل ماكرون موسكو أمس. وأضاف البيان أن الحوار ضروري.")
    assert speakers(text)[-1] == "وزارة الخارجية الروسية"


def test_statement_noun_then_verb_with_resumptive_pronoun():
    rows = run('مقدمة. وأصدر المحامي أبي لويل بيانا قال فيه: "امتثل موكلي للقواعد".')
    assert [(r["verb"], r["speaker_name"], r["mode"]) for r in rows] == [("قال", "أبي لويل", "direct")]
    text = "قال الوزير علي حسن إن الوضع صعب. ونشر تغريدة أكد فيها أن الحل قريب."
    assert speakers(text) == ["علي حسن", "علي حسن"]
    # any other noun before the resumptive: a relative clause about something else
    assert run("مقدمة. وكتب مقالات ينتقد فيها الحكومة.") == []


def test_faqad_opens_the_clause():
    rows = run("مقدمة. فقد دعت وزارة الشؤون الدينية التونسية الأئمة والخطباء إلى الحياد.")
    assert [r["speaker_name"] for r in rows] == ["وزارة الشؤون الدينية التونسية"]


def test_min_janibihi_subject_continues_and_his_thanks_is_no_name():
    text = ("مقدمة.\nمن جانبه، قدم قائد الفريق الأول لكرة القدم سلطان مسرحي شكره للاعبين.\n"
            "وقال : أحب أن أطمئن الجميع.")
    assert speakers(text) == ["سلطان مسرحي"]


def test_nawwaha_bi_praised():
    rows = run("مقدمة. ونوه الوزير خالد الفالح بالتزام الشركات بتطبيق البرنامج.")
    assert [(r["speaker_name"], r["content"]) for r in rows] == [("خالد الفالح", "بالتزام الشركات بتطبيق البرنامج.")]


def test_demonstrative_phrase_is_no_subject_of_a_participle():
    text = ("وقال عبدالرقيب فتح إن الوضع صعب. "
            "بهذا الحديث ختم عبدالرقيب فتح حديثه، منوهاً بصعوبة تحمل المسؤولية.")
    rows = run(text)
    assert [r["speaker_name"] for r in rows] == ["عبدالرقيب فتح", "عبدالرقيب فتح"]


def test_counted_noun_and_impersonal_expectation_are_no_statements():
    text = ("قال العالم الإيطالي إن على المريخ بحارا. ونشر على مدى عشرين عاماً "
            "ثلاثة كتب عن كوكب المريخ، تضمنت رسوما توضيحية تظهر ما اعتقد أنه منشآت بناها مهندسون.")
    assert [r["verb"] for r in run(text)] == ["قال"]
    text = "قال مسؤولون إن العاصفة قتلت 20 شخصا، فيما يتوقع أن ترتفع الحصيلة."
    assert [r["verb"] for r in run(text)] == ["قال"]


def test_feminine_present_verb_subject_continues():
    # "وتقود السعودية تحالفا تقول إنه ...": Saudi Arabia says, not the earlier speaker
    text = ("قال المتحدث باسم التحالف تركي المالكي إن الصاروخ اعترض. "
            "وتقود السعودية تحالفا عسكريا تقول إنه يستهدف إعادة الشرعية.")
    assert speakers(text) == ["تركي المالكي", "السعودية"]


def test_country_is_not_an_organisation_named_after_it():
    text = ("ذكرت قناة الإخبارية السعودية أن الصاروخ اعترض. "
            "وتقود السعودية تحالفا عسكريا تقول إنه يستهدف إعادة الشرعية.")
    assert speakers(text) == ["قناة الإخبارية السعودية", "السعودية"]


def test_demonstrative_thing_as_subject_is_no_speaker():
    text = "قالت وزارة الخارجية العراقية إن الاتصالات سجلت. وتؤكد هذه الاتصالات على دفع فدية كبيرة."
    assert [r["verb"] for r in run(text)] == ["قالت"]


def test_adverb_after_a_name_ends_it():
    text = "مقدمة. وتعارض ميرال أكشينار بشدة تحول تركيا إلى النظام الرئاسي وتعهدت بإعادة النظام البرلماني."
    assert speakers(text) == ["ميرال أكشينار"]


def test_country_is_not_the_fuller_name_of_an_agency():
    text = ("قالت الوزيرة هند صبري إن الهجوم فشل. وبثت وكالة الأنباء السعودية الرسمية صورا للحادث. "
            "وقالت السعودية إن الصاروخ اعترض.")
    assert speakers(text)[-1] == "السعودية"


def test_feminine_present_verb_moves_the_topic_to_a_state():
    text = ("قالت الوزيرة هند صبري إن الهجوم فشل. وتقود السعودية تحالفا عسكريا في اليمن. "
            "وتقول إن التحالف يستهدف إعادة الشرعية.")
    assert speakers(text) == ["هند صبري", "السعودية"]


def test_object_nouns_after_a_title_are_not_names():
    rows = run("مقدمة. وأكد المتحدث موقف بريطانيا المؤيد للاتفاق. أبدى النظام القطري دعما واضحا للحوثيين.")
    assert [(r["speaker_mention"], r["content"][:4]) for r in rows] == [("المتحدث", "موقف"), ("النظام القطري", "دعما")]
    assert run("مقدمة. أبدى النظام القطري دعما واضحا للحوثيين.")[0]["speaker_kind"] == "organization"


def test_state_with_its_country_name():
    rows = run("مقدمة. أدانت دولة الإمارات العربية المتحدة بشدة التصعيد الإسرائيلي.")
    assert [(r["speaker_name"], r["speaker_kind"]) for r in rows] == [("دولة الإمارات العربية المتحدة", "organization")]


def test_demonstrative_object_after_a_fronted_subject():
    text = 'مقدمة. منسق الحدث، الفنان الشاب مراد سبيع، وصف هذا اليوم بـ"الفريد".'
    assert speakers(text) == ["مراد سبيع"]


def test_said_that_attributes_the_sentence_before():
    text = ("مقدمة.\nوسيبدأ تطبيق النظام الجديد مطلع الشهر المقبل في جميع المناطق.\n"
            "صرح بذلك المتحدث الرسمي لوزارة العمل خالد أبا الخيل، مؤكدا حرص الوزارة على التطبيق.")
    rows = run(text)
    assert len(rows) == 1
    r = rows[0]
    assert r["speaker_name"] == "خالد أبا الخيل" and r["verb"] == "صرح"
    assert r["content"] == "وسيبدأ تطبيق النظام الجديد مطلع الشهر المقبل في جميع المناطق."
    clause = text[r["char_start"] : r["char_end"]]
    assert clause.startswith("وسيبدأ") and "مؤكدا حرص الوزارة" in clause
    assert run("قال ذلك فإنما يتمنى الخير.") == []


def test_definite_object_after_a_fronted_subject():
    rows = run("مقدمة. إلا أن وزارة الدفاع الأميركية نفت الأمر. وتبنت جبهة النصرة خطف العناصر.")
    assert [r["speaker_mention"] for r in rows] == ["وزارة الدفاع الأميركية"]


def test_quoted_speakers_gender_comes_from_qawluhu_not_the_agency():
    text = ("ونقلت وكالة رويترز عن وزير الخارجية المصري سامح شكري قوله إن الحل سياسي. "
            "وأضاف أن القاهرة ستواصل الجهود.")
    assert speakers(text) == ["سامح شكري", "سامح شكري"]
    text = ("ونقلت وكالة رويترز عن وزيرة الخارجية السويدية مارغوت فالستروم قولها إن الحل سياسي. "
            "وقال لافروف إن موسكو مستعدة. وأضافت أن أوروبا ستساعد.")
    assert speakers(text)[-1] == "مارغوت فالستروم"


def test_spokesman_for_it_then_the_name():
    text = "أعلنت الشرطة الفرنسية أن المهاجم قتل. وقال المتحدث باسمها جان دوبون إن التحقيق مستمر."
    assert speakers(text) == ["الشرطة الفرنسية", "جان دوبون"]


def test_name_starting_with_ba_after_a_title_is_no_ba_object():
    rows = run('مقدمة. ووصف رئيس الوزراء الإسرائيلي بنيامين نتنياهو القرار بأنه "تاريخي".')
    assert [r["speaker_name"] for r in rows] == ["بنيامين نتنياهو"]
    rows = run("مقدمة. وهدد المفوض الأوروبي بخفض تأشيرات الدخول للدول التي لا تتعاون.")
    assert [r["speaker_mention"] for r in rows] == ["المفوض الأوروبي"]


def test_each_of_coordinated_speakers():
    text = "مقدمة. وأكد كل من وزير الخارجية الأمريكي مايك بومبيو ونظيره الروسي سيرغي لافروف أن الحوار ضروري."
    rows = run(text)
    assert [(r["speaker_name"], r["content"]) for r in rows] == [("مايك بومبيو", "الحوار ضروري.")]


def test_outlet_addressed_in_quotes_after_the_speaker():
    rows = run('مقدمة. وقالت مصادر لـ"العربية" إن الهجوم فشل.')
    assert [(r["speaker_mention"], r["mode"], r["content"]) for r in rows] == [("مصادر", "indirect", "الهجوم فشل.")]


def test_organisation_name_ends_before_its_object():
    rows = run("مقدمة. وطالبت منظمة العفو الدولية السلطات المصرية بالإفراج عن المعتقلين.")
    assert [r["speaker_name"] for r in rows] == ["منظمة العفو الدولية"]


def test_place_before_a_nominal_object():
    rows = run("مقدمة. وأكدت وزارة الصحة الفلسطينية في غزة ارتفاع عدد الشهداء إلى 60.")
    assert [(r["speaker_name"], r["content"]) for r in rows] == [("وزارة الصحة الفلسطينية", "ارتفاع عدد الشهداء إلى 60.")]


def test_compound_name_with_allah_and_two_word_rank_before_a_comma():
    rows = run("مقدمة. وقال المتحدث باسم الحركة ذبيح الله مجاهد إن الحركة لن تشارك.")
    assert [r["speaker_name"] for r in rows] == ["ذبيح الله مجاهد"]
    rows = run("مقدمة. وأكد الناطق الرسمي باسم قوات التحالف العقيد الركن تركي المالكي، أن الصاروخ اعترض.")
    assert [(r["speaker_name"], r["content"]) for r in rows] == [("تركي المالكي", "الصاروخ اعترض.")]


def test_sources_with_a_feminine_adjective_and_an_outlet():
    rows = run('مقدمة. وكشفت مصادر مطلعة لـ"الشرق الأوسط" أن المفاوضات متعثرة.')
    assert [(r["speaker_mention"], r["content"]) for r in rows] == [("مصادر مطلعة", "المفاوضات متعثرة.")]


def test_statement_noun_after_an_unprefixed_opening_verb():
    text = "أصدر عدد من المشايخ، في محافظة الأحساء بياناً استنكروا فيه بشدة العمل الإرهابي."
    rows = run(text)
    assert [(r["verb"], r["speaker_name"]) for r in rows] == [("استنكروا", "عدد من المشايخ")]


def test_saudi_press_honorifics_and_titles():
    text = ("مقدمة. وأكد صاحب السمو الملكي الأمير خالد الفيصل مستشار خادم الحرمين الشريفين "
            "أمير منطقة مكة المكرمة أن الخطة نجحت.")
    assert [(r["speaker_name"], r["content"]) for r in run(text)] == [("خالد الفيصل", "الخطة نجحت.")]
    rows = run("مقدمة. وأفاد الناطق الإعلامي بصحة جدة عبدالرحمن العبدالله أن المصابين نقلوا للمستشفى.")
    assert [r["speaker_name"] for r in rows] == ["عبدالرحمن العبدالله"]
    rows = run("مقدمة. وأكدت الأمانة العامة لهيئة كبار العلماء في بيان أن الإرهاب محرم.")
    assert [(r["speaker_name"], r["speaker_kind"]) for r in rows] == [("الأمانة العامة لهيئة كبار العلماء", "organization")]
    rows = run("مقدمة. من جهته، أبان المدير التنفيذي للمهرجان فهد الشمري أن الفعاليات متنوعة.")
    assert [(r["verb"], r["speaker_name"]) for r in rows] == [("أبان", "فهد الشمري")]


def test_his_supporters_speak_but_are_addressed_after_an_appeal_verb():
    assert [r["speaker_mention"] for r in run("مقدمة. ويقول أنصاره إن سياساته خفضت الفقر.")] == ["أنصاره"]
    text = "قال الرئيس رجب طيب أردوغان إن تركيا صامدة. ودعا أنصاره إلى النزول إلى الشوارع."
    assert speakers(text) == ["رجب طيب أردوغان", "رجب طيب أردوغان"]


def test_quoted_outlet_then_a_comma_before_the_marker():
    rows = run('مقدمة. وأوردت "وول ستريت جورنال"، أن الرئيس ترامب هدد بشن هجوم.')
    assert rows[0]["speaker_name"] == "وول ستريت جورنال"
    # (the threat reported inside it is Trump's, a nested report)
    assert [r["speaker_name"] for r in rows[1:]] == ["دونالد ترامب"]


def test_demonstrative_subject_at_the_sentence_start():
    text = ("قال الخبير سامي علي إن الغرب يضغط. "
            "يؤكد هذا الاستنتاج حديث بعض وكالات الأنباء عن أن الدول الغربية تضغط.")
    assert [r["verb"] for r in run(text)] == ["قال"]


def test_fronted_subject_after_bi_anna():
    text = "قالت المحكمة إن الطلب مرفوض. وجاء القرار ليؤكد الرفض، علما بأن خبيرة طبية أكدت أن وضعه يسمح بسجنه."
    assert speakers(text) == ["المحكمة", "خبيرة طبية"]


def test_and_said_continues_a_fronted_subject():
    text = "قال الفصيل إن النفير عام. لكن المصدر قلل من أهمية هذا البيان وقال إن المعتقلين موجودون."
    assert speakers(text) == ["الفصيل", "المصدر"]
    text = "قال الفصيل إن النفير عام. لكن الحكومة رفضت الاتهامات وقالت إنها ملفقة."
    assert speakers(text) == ["الفصيل", "الحكومة"]


def test_reports_that_said():
    text = ("قالت لجنة الإعلام إن فيسبوك ضلل اللجنة. وتعرض الموقع لفضيحة، بعد تقارير أفادت بأن الموقع "
            "منح بيانات المشتركين لشركة.")
    assert speakers(text) == ["لجنة الإعلام", "تقارير"]


def test_subject_of_a_negated_opening_verb_continues():
    text = ("قالت الدول الثلاث إن الصواريخ أصابت أهدافها. ولم يشر المتحدثون العسكريون في الدول الثلاث "
            "إلى أي أخطاء، ونفوا رواية النظام.")
    assert [r["speaker_name"] for r in run(text)][-1] == "المتحدثون العسكريون"


def test_outgoing_title_and_a_masculine_name_after_a_feminine_adjective():
    rows = run("مقدمة. ودعا رئيس مجلس النواب العراقي المنتهية ولايته سليم الجبوري إلى إعادة الانتخابات.")
    assert [r["speaker_name"] for r in rows] == ["سليم الجبوري"]
    rows = run("قالت الوزارة إن الإرهابي قتل. وتتهم الداخلية التونسية الرياحي بالمشاركة في سلسلة عمليات.")
    assert [r["speaker_mention"] for r in rows] == ["الوزارة", "الداخلية التونسية"]


def test_feminine_opening_verb_subject_continues():
    text = ("قالت الخارجية المصرية إن الأزمة مستمرة. قدمت دولة الإمارات مذكرة للجنة، أكدت فيها أنها "
            "لم تخرق الاتفاقية، ونوهت إلى حصول القطريين على حقوقهم.")
    assert speakers(text)[-1] == "دولة الإمارات"


def test_conditional_clause_is_no_verb_with_a_subject():
    text = "مقدمة عن الانتخابات. وإذا فاز أردوغان، سوف يتمتع بصلاحيات واسعة. وقال إن تركيا قوية."
    assert "فاز أردوغان" not in speakers(text)


def test_negated_present_verb_has_its_gender():
    # "ولم تذكر وسائل الإعلام" is feminine: no subject for a masculine verb later
    text = "مقدمة. ولم تذكر وسائل الإعلام الرسمية سببا للإقالات. وذكر أن اللواء عين خلفا له."
    assert speakers(text) == []


def test_opening_prepositional_phrase_before_an_object_verb():
    rows = run("مقدمة. وخلال اللقاء شدد الرئيس اليمني على مرجعيات السلام.")
    assert [(r["speaker_mention"], r["content"]) for r in rows] == [("الرئيس اليمني", "على مرجعيات السلام.")]


def test_leaflets_a_few_words_back_and_the_object_after_the_speaker():
    text = ("مقدمة. وألقت طائرات سلاح الجو الليبي مناشير على مدينة درنة، دعا فيها الجيش الليبي "
            "المسلحين إلى تسليم أنفسهم.")
    assert [(r["verb"], r["speaker_name"]) for r in run(text)] == [("دعا", "الجيش الليبي")]


def test_naqala_anhu_qawlahu_is_the_pronouns_referent():
    text = ("قال الرئيس الكوري الشمالي كيم جونغ أون إن السلام ممكن. "
            "ونقل مكتب رئيس كوريا الجنوبية عنه قوله إن بلاده مستعدة للحوار.")
    assert speakers(text) == ["كيم جونغ أون", "كيم جونغ أون"]


def test_statement_noun_after_an_opening_phrase_and_its_issuer():
    text = ("قال المحامي دان بورتر إنه بريء. وبعد ذلك، أصدر جون كيلي بيانا جديدا قال فيه إنه مصدوم.")
    assert speakers(text) == ["دان بورتر", "جون كيلي"]
    # the issuer named in a لـ-phrase is not the sentence's subject: no guess
    text = ("قال المحامي دان بورتر إنه بريء. وجاءت تعليقات ترامب بعد صدور بيان للبيت الأبيض ذكر فيه "
            "أن الاتهامات خطيرة.")
    assert speakers(text) == ["دان بورتر"]


def test_plural_noun_is_no_first_name_of_a_subject():
    names = speakers("مقدمة. وجاءت تعليقات ترامب قوية، وأضافت أن الأمر خطير.")
    assert not any("تعليقات" in n for n in names)


def test_title_ending_the_text_does_not_crash():
    # a بـ…ة word near the end of the tokens ("المدير بمدرسة جدة") once read past them
    for text in ("وقال المدير بمدرسة", "وقال المدير بمدرسة جدة", "وقال الناطق الإعلامي بصحة جدة عبدالرحمن"):
        assert isinstance(run(text), list)


def test_came_in_the_statement():
    text = "قالت وزارة الخارجية الروسية إن الضربات مرفوضة. وجاء في البيان أن موسكو سترد."
    assert speakers(text) == ["وزارة الخارجية الروسية", "وزارة الخارجية الروسية"]
    rows = run("مقدمة. وجاء في بيان للجيش الإسرائيلي أن الطائرات عادت.")
    assert [(r["speaker_name"], r["content"]) for r in rows] == [("الجيش الإسرائيلي", "الطائرات عادت.")]
    assert run("مقدمة. وجاء ذلك بعد يومين من الهجوم. وجاء المنتخب في المركز الثاني.") == []


def test_came_in_it_after_an_issuing_verb_only():
    rows = run("مقدمة. وعقب ظهور الفيديو بيوم واحد أصدر مكتب الرئاسة بيانا جاء فيه أن الرئيس قلق.")
    assert [(r["verb"], r["speaker_name"]) for r in rows] == [("جاء", "مكتب الرئاسة")]
    assert run("مقدمة. وفتشت الشرطة الموقع بعدما تلقت رسالة، جاء فيها: سنعود.") == []
    text = 'مقدمة. وقال مكتب الاتصالات القطري الذي أصدر بيانا جاء فيه أن "قطر لم تتورط" إن الأمر انتهى.'
    assert {r["speaker_name"] for r in run(text)} == {"مكتب الاتصالات القطري"}


def test_two_statements_denied_in_them_and_a_long_apposition():
    rows = run("مقدمة. وأصدرت وزارة الخارجية القطرية بيانين أنكرت فيهما أن يكون الأمير قد ألقى خطابا.")
    assert [(r["verb"], r["speaker_name"]) for r in rows] == [("أنكرت", "وزارة الخارجية القطرية")]
    text = ("مقدمة. ومن جانبه، قال كزافييه بيتل، رئيس وزراء لوكسمبرغ وحامل الرئاسة الدورية كل ستة أشهر "
            "للاتحاد الأوروبي، في مقابلة أجريت مع وكالة الأنباء الألمانية، إن الأمر متروك لحكومة اليونان.")
    assert [r["content"] for r in run(text)] == ["الأمر متروك لحكومة اليونان."]


def test_came_in_a_statement_issued_by_a_relative_antecedent_and_dual_pronoun():
    rows = run("مقدمة. وتحدث مكتب الاتصالات القطري الذي أصدر بيانا جاء فيه أن قطر لم تتورط.")
    assert [(r["verb"], r["speaker_name"]) for r in rows] == [("جاء", "مكتب الاتصالات القطري")]
    text = ("قالت الوزيرة هند صبري إن الأمر مؤسف. وبعدها أصدرت وزارة الخارجية القطرية بيانين أنكرت فيهما "
            "أن يكون الأمير قد تحدث.")
    assert speakers(text) == ["هند صبري", "وزارة الخارجية القطرية"]


def test_radda_after_a_comma_is_a_verb():
    text = ('نشر ترامب تغريدة قال فيها: "أخيرا". وفي بيان الجمعة، رد مكابي على خبر طرده مشيراً إلى أنه كان ضحية.')
    assert speakers(text) == ["دونالد ترامب", "مكابي"]


def mentions(text):
    return [r["speaker_mention"] for r in run(text)]


def test_adverbials_and_addressees_end_a_name():
    # an adverbial accusative, a ب-phrase on a platform, a ل-phrase on people
    assert mentions('مقدمة. وقال كيم مخاطبا ترامب "سعيد بلقائكم سيدي الرئيس".') == ["كيم"]
    assert mentions('مقدمة. وكتب ظريف بموقع تويتر "قبل 65 عاما".') == ["ظريف"]
    assert mentions('مقدمة. وذكرت أنترفاكس نقلا عن مصدر عسكري أن القوات وصلت.') == ["أنترفاكس"]
    assert mentions('مقدمة. وتؤكد مجلة "نيويوركر" استنادا إلى شهادات أن المجلة دفعت.') == ['مجلة "نيويوركر"']
    assert mentions('مقدمة. وقال روحاني لدبلوماسيين إيرانيين "على أمريكا أن تعرف".') == ["روحاني"]
    # a surname of the same shape, with nothing after it, stays
    assert mentions("مقدمة. وغرد الوزير جانيوري مكامبا، وهو صديق للسيد ديوجي، قائلا إن الأمر مؤسف.") \
        == ["الوزير جانيوري مكامبا"]


# --- session of 2026-11-23 (third): rules found on ant_dev4 and unannotated ANT text


def test_verbs_with_an_object_pronoun_and_the_subject_after_them():
    rows = run("مقدمة. وتتهمه الحكومة التركية بتنظيم محاولة انقلاب فاشلة.")
    assert [(r["verb"], r["speaker_mention"]) for r in rows] == [("وتتهمه", "الحكومة التركية")]
    # the content of "نفتها" is what its pronoun stands for, before the relative word
    rows = run('مقدمة. وهي الاتهامات التي نفتها الرياض ووصفتها بأنها "أكاذيب".')
    assert [(r["verb"], r["speaker_name"]) for r in rows] == [("نفتها", "الرياض"), ("ووصفتها", "الرياض")]
    assert rows[0]["content"] == "وهي الاتهامات"
    rows = run("مقدمة. نتائج التحقيق صدرت، وهو ما نفاه المتحدث باسم الوزارة.")
    assert [(r["verb"], r["speaker_mention"]) for r in rows] == [("نفاه", "المتحدث باسم الوزارة")]


def test_conjunctions_and_prepositions_are_no_speakers_and_an_institution_addressed():
    rows = run('مقدمة. وقال ماكرون إن القمة ناجحة. ونشر صورة وكتب تحته: "مناقشات مستمرة".')
    assert [r["speaker_mention"] for r in rows] == ["ماكرون", None]
    assert "فبعدما" not in speakers("مقدمة. وقال المدرب إن اللاعب مصاب. فبعدما أعلن ناديه أنه مصاب، أكد اللاعب أنه سيعود.")
    rows = run('مقدمة. وقال أرمين شوستر إنه يدرس الأمر، وصرح لمجموعة "فونكه" الإعلامية بقوله: "سندرس المزاعم".')
    assert [(r["speaker_name"], r["content"]) for r in rows][1] == ("أرمين شوستر", "سندرس المزاعم")


def test_object_pronoun_verbs_keep_their_b_phrase_and_a_surname_named_before():
    text = ("مقدمة. أقيل أندرو ماكيب، الذي اتهمه الرئيس، دونالد ترامب، بالانحياز السياسي. "
            "ونفى ماكيب الاتهامات، قائلا إنه مستهدف.")
    rows = run(text)
    assert [(r["verb"], r["speaker_mention"]) for r in rows] == [("اتهمه", "الرئيس، دونالد ترامب"), ("ونفى", "ماكيب")]
    assert rows[0]["content"] == "بالانحياز السياسي."
    assert mentions('مقدمة. وكرر ترامب التحذيرات من أن إدارته تدرس الرسوم.') == ["ترامب"]


def test_adverbs_years_and_verbal_nouns_are_no_speakers():
    assert mentions("مقدمة. وقد نفى ترامب مرارا أي تواطؤ مع روسيا.") == ["ترامب"]
    assert mentions("مقدمة. وقال المدرب إن الملعب مغلق. وقد أعلن سريعا إرجاء المباراة.") == ["المدرب", None]
    assert mentions("مقدمة. واتهم ترامب مرات كثيرة ماكيب بالانحياز.") == ["ترامب"]
    assert mentions("مقدمة. ووصل الرئيس إلى المدينة، وهو ما نفاه حداد تماما.") == ["حداد"]
    assert mentions("مقدمة. وقال المرشح إن الأمر مؤسف. واتهمه عام 2011 بإدخال مواد.") == ["المرشح", None]
    rows = run("مقدمة. وأعلن الرئيس انسحابه بسبب الضغوط التي وصفها بغير المسبوقة.")
    assert [(r["verb"], r["speaker_name"]) for r in rows] == [("وأعلن", "الرئيس"), ("وصفها", "الرئيس")]
    assert "بتحويل" not in mentions("مقدمة. ويواجه نجيب ادعاءات بالفساد. وقد اتهم في 2015 بتحويل 700 مليون دولار.")


def test_a_connector_with_a_pronoun_has_no_noun_subject_after_the_verb():
    text = ('مقدمة. وقال الرئيس دونالد ترامب إن بلاده ستفرض "عقوبة شديدة"، لكنه استبعد تجميد عقود بيع الأسلحة. '
            'وقال "أعتقد أننا سنعاقب أنفسنا".')
    assert speakers(text) == ["دونالد ترامب", "دونالد ترامب"]


def test_compound_first_names_and_coordinated_adjectives_in_a_title():
    assert mentions('مقدمة. قال المدرب الفرنسي لريال زين الدين زيدان الجمعة "نشعر بالأسف".') \
        == ["المدرب الفرنسي لريال زين الدين زيدان"]
    assert speakers("مقدمة. وقال نور الدين بوطيب إن الأمر انتهى.") == ["نور الدين بوطيب"]
    # رجل الدين is a cleric: a title, the name follows
    assert speakers("مقدمة. ودعا رجل الدين الشيعي العراقي، مقتدى الصدر، إلى عقد جلسة علنية.") == ["مقتدى الصدر"]
    assert speakers("مقدمة. وقال زعيم التيار الصدري رجل الدين مقتدى الصدر إن الجلسة ضرورية.") == ["مقتدى الصدر"]
    text = ("مقدمة. وكتب رئيس اللجنة الرقمية والثقافية والرياضية في مجلس العموم داميان كولينز رسالة "
            "إلى زوكربيرغ قال فيها إن الأمر خطير.")
    assert speakers(text) == ["داميان كولينز"]


def test_a_coordinated_verb_shares_the_subject_and_participles_end_a_name():
    rows = run('مقدمة. وتعتقد السلطات التركية أن خاشقجي قتل، وهي الاتهامات التي نفتها الرياض ووصفتها بأنها "أكاذيب".')
    assert [(r["verb"], r["speaker_name"]) for r in rows] == [("نفتها", "الرياض"), ("ووصفتها", "الرياض")]
    assert "مشيرا" not in mentions('مقدمة. وأبدى المستشار حذرا أكبر مشيرا إلى أن ألمانيا "شريك مهم".')[0]


def test_a_damma_marks_the_passive_of_derived_verbs_not_of_form_four():
    text = ("مقدمة. وقالت المفوضية إن التحقيق بدأ. واتُّهم فيس بوك وكذلك تويتر وغوغل، منذ أشهر بخدمة كيانات. "
            "وتُتّهم المواقع بعدم توفير حماية كافية. ويُؤكد الوزير أن الأمر انتهى.")
    assert [r["verb"] for r in run(text)] == ["وقالت", "ويُؤكد"]


def test_foreign_first_names_that_look_definite():
    rows = run("مقدمة. وأعرب الرئيس ألكسندر فان دير بيلن عن الأمل في الحصول على توضيحات كاملة.")
    assert [r["speaker_mention"] for r in rows] == ["الرئيس ألكسندر فان دير بيلن"]


def test_a_written_object_and_a_noun_in_construct_are_no_speakers():
    assert mentions("مقدمة. وقال ترامب إن الأمر مؤسف. وكتب منشورا على تويتر قال فيه إنه غاضب.") == ["ترامب", None]
    text = ("مقدمة. وقالت شركة آر إن سي إن العمال عثروا على الذهب. "
            "وقدرت شركة التعدين قيمة الصخرة الأكبر بحوالي 4 ملايين دولار. وقالت إن الصخرة الثانية أصغر.")
    assert "قيمة" not in speakers(text)[-1]


def test_a_verbal_noun_after_a_name_opens_the_object():
    rows = run("مقدمة. وقد أعلن ترمب تحقيق تقدم في المحادثات التجارية مع كندا.")
    assert [(r["speaker_mention"], r["content"][:10]) for r in rows] == [("ترمب", "تحقيق تقدم")]
    assert mentions("مقدمة. وقال محمد اسحاق إن الأمر انتهى.") == ["محمد اسحاق"]


def test_french_names_in_ier_titles_after_names_and_plural_origins():
    assert mentions("مقدمة. وأعلن ديدييه أوبير، الأمين العام للنقابة، أن الإضراب مستمر.") == ["ديدييه أوبير"]
    assert mentions('مقدمة. وقال جيريمي جرامز كبير خبراء الأرصاد الجوية "نتوقع حرائق جديدة".') == ["جيريمي جرامز"]
    assert mentions('مقدمة. وكتب الأمير خالد تحت وسم "مملكة الحزم" في تغريدته "تمكن الأبطال".') == ["الأمير خالد"]
    text = "مقدمة. وقالت الوزارة إن الرد سيكون حازما. يذكر أن مسؤولين روس كانوا قد هددوا في مارس بأن الصواريخ ستسقط."
    assert mentions(text) == ["الوزارة", "مسؤولين روس"]


def test_an_organisation_referred_to_by_its_head_or_a_generic_description():
    text = ("مقدمة. وتولت وحدة مكافحة الإرهاب التحقيق في الواقعة. "
            'وقالت الوحدة في بيان إنها "لم تعتبر الواقعة حادثا إرهابيا".')
    assert speakers(text) == ["وحدة مكافحة الإرهاب"]
    assert mentions("مقدمة. وقال رئيس هيئة مكافحة الفساد إن القضية مستمرة.") == ["رئيس هيئة مكافحة الفساد"]
    text = ('مقدمة. كشفت جريدة "ذا تايمز أوف إسرائيل" أن قطر دفعت المال. '
            "كما كشفت الصحيفة الإسرائيلية أيضا عن تلقي أحد الرموز تمويلا.")
    assert speakers(text) == ["جريدة ذا تايمز أوف إسرائيل"] * 2
    text = 'مقدمة. وقالت المسؤولة في منظمة العفو الدولية تيرانا حسن: "تحقيقنا الأخير يلقي الضوء على الانتهاكات".'
    assert speakers(text) == ["تيرانا حسن"]


def test_a_name_before_its_object_a_new_clause_after_a_comma_and_misspelt_denials():
    text = "مقدمة. وفي هذا الصدد، نفى ماتيس الأمر في بيان أصدره، وقال فيه إن الكلام المقتبس غير صحيح."
    assert mentions(text)[:1] == ["ماتيس"]
    text = "مقدمة. وقال أردوغان إن غولن خلف الانقلاب، لكن غولن ينفى تماما أي دور له فيه."
    assert mentions(text) == ["أردوغان", "غولن"]
    rows = run("مقدمة. وفيما نفا المسلحون مسؤوليتهم عن ذلك، أكدت المنظمة أن تحقيقا جديدا صدر.")
    assert [(r["verb"], r["content"]) for r in rows] == [("نفا", "مسؤوليتهم عن ذلك"), ("أكدت", "تحقيقا جديدا صدر.")]


def test_a_finite_verb_after_a_comma_opens_a_new_clause_in_the_gap():
    from analysis.statements import _coordinated_verb_in

    assert _coordinated_verb_in("مسؤوليتهم عن ذلك، اكدت المنظمة ")  # (normalised text: أ -> ا)
    assert _coordinated_verb_in("الأمر وقال ")
    assert not _coordinated_verb_in("في مؤتمر صحفي عقده أمس ")


def test_titles_in_construct_coordinated_genitives_and_regions():
    assert mentions('مقدمة. وقال وكيل مشيخة الأزهر: "القدس ليست قضية المسلمين وحدهم".') == ["وكيل مشيخة الأزهر"]
    text = "مقدمة. وأبدى رئيس مؤسسة الحج والزيارة الإيرانية، حميد وحيدي، استعداد بلاده لإرسال الحجاج."
    assert speakers(text) == ["حميد وحيدي"]
    text = "مقدمة. وقالت نائبة مديرة قسم الشرق الأوسط وشمال أفريقيا في المنظمة لين معلوف إن الوضع خطير."
    assert speakers(text) == ["لين معلوف"]
    assert speakers("مقدمة. وقال الرئيس ترامب والرئيس بوتين إن القمة ناجحة.") == ["دونالد ترامب"]


def test_an_accusative_participle_or_adverb_after_the_verb_is_no_speaker():
    text = 'مقدمة. وقال غاري أيتكينهيد إن العنصر روسي. وقال متحدثا لمحطة سكاي نيوز "لم نشخص المصدر".'
    assert speakers(text) == ["غاري أيتكينهيد"] * 2
    text = 'مقدمة. وقال وزير الداخلية هورست سيهوفر إن الهجرة مشكلة. واعتبر مؤخرا أن الهجرة هي "أم كل المشكلات".'
    assert speakers(text) == ["هورست سيهوفر"] * 2
    assert mentions('مقدمة. ودعا البابا فرانسيس الأحد إلى وقف "المذبحة".') == ["البابا فرانسيس"]


def test_a_title_with_basm_before_the_object_of_a_verb_with_ba():
    text = 'مقدمة. ووصف متحدث باسم الخارجية الاجتماع بأنه "تكتيك تضليلي".'
    assert mentions(text) == ["متحدث باسم الخارجية"]
    assert mentions("مقدمة. ودعت الشرطة الناس إلى الهدوء.") == ["الشرطة"]
    assert mentions("مقدمة. وأعلنت الحكومة المدعومة من الأمم المتحدة حالة الطوارئ.")[0].startswith("الحكومة المدعومة")


def test_a_name_between_commas_after_an_honorific_or_a_quoted_institution():
    text = "مقدمة. وطالب مفوض الأمم المتحدة السامي لحقوق الإنسان، الأمير زيد بن رعد الحسين، إدارة ترمب بالتوقف."
    assert speakers(text) == ["الأمير زيد بن رعد الحسين"]
    text = ('مقدمة. ونفى المدير التنفيذي لمركز الأبحاث الدفاعية "بورتون داون"، غاري أيتكينهيد، '
            "زعم روسيا أن العنصر جاء من مختبر بريطاني.")
    assert speakers(text)[0] == "غاري أيتكينهيد"
    text = 'مقدمة. وأكد المتحدث باسم "فيلق الرحمن"، ثاني أكبر فصائل المنطقة، وائل علوان، على التصميم.'
    assert speakers(text) == ["وائل علوان"]


def test_a_plural_verb_is_never_a_single_persons():
    text = 'مقدمة. وقال ترامب "إن إعادة روسيا أمر إيجابي". وزار الرئيس الفرنسي كندا أمس. ويرون أنه غير جدير بالثقة.'
    assert speakers(text) == ["دونالد ترامب"]  # (no plural subject in sight: no statement)
    text = "مقدمة. وقال محامون إن الأطفال غير مؤهلين للعودة. وذكروا أن السبب هو عدم التأكد."
    assert speakers(text) == ["محامون"] * 2
    text = "مقدمة. وقال محاميان إن الحكم نهائي. وأضافوا أن الطعن ممكن."
    assert speakers(text) == ["محاميان"] * 2
    text = "مقدمة. وقال المحامي خالد علي ومصدر قضائي إن الحكم نهائي. وأضافوا أن الطعن ممكن."
    assert speakers(text) == ["خالد علي ومصدر قضائي"] * 2


def test_a_subject_before_sabaqa_an_or_after_an_opening_phrase_and_kana():
    text = 'مقدمة. وقال ترامب "إن إعادة روسيا أمر إيجابي". لكن الأوروبيين سبق أن أعلنوا أكثر من مرة رفضهم.'
    assert mentions(text) == ["ترامب", "الأوروبيين"]
    text = 'مقدمة. وقال ترامب "إن إعادة روسيا أمر إيجابي". لكن الرئيس الفرنسي سبق أن أعلن أكثر من مرة رفضه هذه العودة.'
    assert mentions(text) == ["ترامب", "الرئيس الفرنسي"]
    text = 'مقدمة. قال البيت الأبيض إن الرئيسين اتفقا. وقبل يوم كان ترامب قد كتب على تويتر "قتل كثيرون".'
    assert mentions(text) == ["البيت الأبيض", "ترامب"]
    text = ('مقدمة. وقال ترامب إن الأمر مؤسف. وردا على سؤال عما إذا كان يعرف مصدر الأموال، أجاب "كلا، لا أعرف".')
    assert speakers(text) == ["دونالد ترامب"] * 2


def test_a_first_name_that_is_a_country_after_a_title():
    text = "مقدمة. ووصف وزير المخابرات إسرائيل كاتس الإقرار بسيطرة إسرائيل على الجولان بأنه أولوية."
    assert speakers(text) == ["إسرائيل كاتس"]
    assert mentions("مقدمة. واتهم الرئيس المصري فرنسا بدعم الإرهاب.") == ["الرئيس المصري"]


def test_the_organisation_refers_to_the_latest_one_named_of_any_kind():
    text = "مقدمة. قتل موظف في اللجنة الدولية للصليب الأحمر بالرصاص السبت. وأفادت المنظمة أن الموظف كان مسؤولا."
    assert speakers(text) == ["اللجنة الدولية للصليب الأحمر"]


def test_a_plural_of_things_after_a_masculine_verb_is_its_object():
    text = "مقدمة. وقال أحمد المسماري إن حفتر بخير. ووصف التقارير عن مرضه بالكاذبة."
    assert speakers(text) == ["أحمد المسماري"] * 2
    assert mentions("مقدمة. وذكرت التقارير أن الوزير استقال.") == ["التقارير"]


def test_the_speaker_after_ala_lisan():
    text = "مقدمة. ونقل الموقع على لسان النائب علاء عابد، رئيس الهيئة البرلمانية للحزب، أن الجريمة بشعة."
    assert speakers(text) == ["علاء عابد"]


def test_a_title_alone_finds_only_the_person_the_text_gave_that_title():
    text = ('قال رئيس مختبر بورتون داون البريطاني إنه لم يتحقق من المصدر. '
            'وقال متحدث باسم الحكومة البريطانية إن تشخيص المادة كان "جزءا". '
            'وأصر المتحدث على مسؤولية روسيا، مضيفا "لم يكن هناك تفسير معقول آخر".')
    assert speakers(text)[1:] == ["متحدث باسم الحكومة البريطانية"] * 2  # (not "البريطاني" inside "البريطانية")
    text = ("مقدمة. وقال بيتر ري، جراح من جامعة أريزونا، إن الرصاص مدمر. "
            "ويضيف الجراح أن الرصاصة تحدث تهتكا كبيرا.")
    assert speakers(text) == ["بيتر ري"] * 2  # (named before its title, after a comma)
    text = "مقدمة. وقال ترامب إن الاقتصاد قوي. وتحدثت تقارير أمس عن ترامب بإسهاب. وقالت تقارير إن كيلي استقال."
    assert speakers(text) == ["دونالد ترامب", "تقارير"]  # (reports are no named person)


def test_the_registry_holder_of_a_title_comes_before_a_guess_from_the_text():
    import datetime

    text = ("مقدمة. وقال وزير الخارجية التركي مولود جاويش أوغلو إن التحقيق مستمر. "
            "وقال وزير الخارجية الروسي إن الحوار مستمر.")
    rows = run(text, published=datetime.date(2018, 5, 1))
    assert [r["speaker_id"] for r in rows][1] == "sergey-lavrov"
    # two held the title that year (تيلرسون until March 2018, then بومبيو): the one the text named
    text = ("مقدمة. وقال مايك بومبيو إن القس عائد. "
            "وقال وزير الخارجية الأمريكي إن على السلطات التركية الإفراج عن المحتجزين.")
    rows = run(text, published=datetime.date(2018, 10, 12))
    assert [r["speaker_id"] for r in rows] == ["mike-pompeo"] * 2


def test_nisba_adverbs_asylum_seekers_and_a_noun_with_its_genitive_are_no_speakers():
    text = "مقدمة. وقال ترامب إن الاتفاق سيئ. واعتبر تاريخيا أن الاتفاق متساهل."
    assert speakers(text) == ["دونالد ترامب"] * 2
    assert run("مقدمة. وكان الرجل طالب لجوء منذ عام 2015، وأدت قضيته إلى انتقادات.") == []
    text = 'مقدمة. وقالت السفارة الإيطالية إنها حزينة. ووصفت جريمة قتلها بالـ "وحشية".'
    assert speakers(text) == ["السفارة الإيطالية"] * 2
    assert mentions("مقدمة. وأعلنت طالبان مسؤوليتها عن الانفجار.") == ["طالبان"]


def test_a_group_title_with_a_genitive_number_and_adjective():
    text = "مقدمة. أكد وزراء خارجية الدول السبع الكبرى، في ختام اجتماعاتهم، على وحدة موقفهم."
    assert mentions(text) == ["وزراء خارجية الدول السبع الكبرى"]


def test_a_spokesman_for_a_named_person_is_not_that_person():
    text = ("مقدمة. أكد متحدث باسم القائد العسكري الليبي، خليفة حفتر، أنه يتلقى العلاج في باريس، "
            "وتوقع أن يعود إلى ليبيا خلال أيام.")
    assert speakers(text) == ["متحدث باسم القائد العسكري الليبي"] * 2


def test_a_coordinated_genitive_and_a_place_of_service_in_a_title():
    text = "مقدمة. ولفت وزير التربية والتعليم عبدالله لملس إلى أن الرسوم مخالفة."
    assert speakers(text) == ["عبدالله لملس"]
    text = "مقدمة. ولفت وزير التربية في الحكومة الشرعية عبدالله لملس، إلى أن الرسوم مخالفة."
    assert speakers(text) == ["عبدالله لملس"]
    text = "مقدمة. وقال وزير الدفاع الأمريكي في قمة أمنية احتضنتها سنغافورة، إن الانسحاب غير مطروح."
    assert "قمة" not in speakers(text)[0]


def test_an_indefinite_description_is_someone_new_not_an_earlier_speaker():
    text = ('مقدمة. وقال متحدث باسم الحكومة البريطانية إن التشخيص "جزء من الصورة". '
            'ووصف متحدث باسم الخارجية الاجتماع بأنه "تكتيك تضليلي". وأضاف "ليس هناك ما يستدعي ذلك".')
    assert speakers(text) == ["متحدث باسم الحكومة البريطانية"] + ["متحدث باسم الخارجية"] * 2
    text = ("مقدمة. وقال المدرب الفرنسي هيرفي رونار إن الفريق جاهز. "
            'وقال مدرب المنتخب المغربي الثلاثاء: "علينا أن نتسلح نفسيا".')
    assert speakers(text) == ["هيرفي رونار"] * 2  # (a construct refers back)


def test_a_statement_noun_as_the_subject_of_a_present_verb_speaks_for_its_author():
    text = ("مقدمة. وقال أحمد المسماري إن حفتر بخير. ونشر المسماري تغريدة باللغتين الإنجليزية والفرنسية "
            "تشير إلى أن حفتر يخضع لفحوصات عادية.")
    assert speakers(text) == ["أحمد المسماري"] * 2
    assert speakers("مقدمة. وأصدرت الوزارة بيانا يؤكد أن الوضع مستقر.") == ["الوزارة"]


def test_a_nisba_spelt_with_other_long_vowels_is_the_same_title():
    text = ("مقدمة. أعلن الرئيس الإريتري، أسياس أفورقي، أن بلاده سترسل وفدا. "
            "وكان رئيس الوزراء الإثيوبي الجديد، أبيي أحمد، أعلن أن بلاده تقبل الاتفاقية. "
            'وقال الرئيس الإرتيري في كلمته: "سنرسل وفدا إلى أديس أبابا".')
    assert speakers(text) == ["أسياس أفورقي", "أبيي أحمد", "أسياس أفورقي"]


def test_a_prefixed_reporting_verb_is_never_a_name():
    text = "مقدمة. وقال المتحدث إن الحزب لم يحقق شيئا. ولم تحقق الجماعة شيئا يذكر، ويشدد على أنه يقاتل."
    assert mentions(text) == ["المتحدث", None]


def test_a_participle_after_an_opening_phrase_takes_the_subject_of_the_verb_after_it():
    text = ('مقدمة. بعد غياب لحوالي عامين، ظهر الإعلامي المصري توفيق عكاشة مجددا، ومحذرا من "مصائب كبرى" '
            "يتم تجهيزها لمصر.")
    assert speakers(text) == ["توفيق عكاشة"]


def test_a_definite_organisation_head_takes_no_indefinite_genitive():
    text = ("مقدمة. اتهمت منظمة هيومن رايتس ووتش الأربعاء مسؤولين بتعذيب المهاجرين. ونقلت المنظمة شهادات ثمانية مهاجرين. "
            'وقالت المنظمة في التقرير إن "بعض المسؤولين عذبوا المهاجرين".')
    assert speakers(text)[-1] == "منظمة هيومن رايتس ووتش"


def test_for_his_part_before_the_subject():
    assert mentions('مقدمة. ورأى من جهته بيل فريليك مدير البرنامج أن "على السلطات التحقيق".')[0].startswith("بيل فريليك")


def test_a_participle_after_a_titled_subject_whose_verb_is_unknown():
    text = ('مقدمة. وقالت وزارة الخارجية السورية إن التحالف غير شرعي. '
            'وكانت المتحدثة باسم وزارة الخارجية الأمريكية، هيذر نويرت، حييت السعودية على دعمها للتحالف، '
            'قائلة، الأربعاء: "كانت شريكا رائدا".')
    assert speakers(text)[-1] == "هيذر ناورت"  # (the registry spelling)


def test_blamed_is_a_report_only_with_responsibility():
    text = 'مقدمة. وحمّل المومني "إسرائيل، كقوة قائمة بالاحتلال، المسؤوليّة عن الجريمة".'
    assert mentions(text) == ["المومني"]
    assert run("مقدمة. وحمل المتظاهرون لافتات كتب عليها شعارات.") == []
    assert len(run("مقدمة. وقال الرئيس إن الوضع مستقر. وحمل المتظاهرون أعلاما وصورا.")) == 1
    assert speakers("مقدمة. وقالت الرئاسة إن الهجوم مدان. وحملت حركة حماس المسؤولية.") == ["الرئاسة"] * 2
    assert mentions("مقدمة. وحمَّل الجيش الإسرائيلي حركة المقاومة الإسلامية المسؤولية.") == ["الجيش الإسرائيلي"]
    assert len(run("مقدمة. وقالت القيادة إن الهجوم مدان. وعلى من يقوم بهذا الجرم تحمل المسؤولية القانونية.")) == 1


def test_a_subject_after_lakin_before_its_verb():
    text = ("مقدمة. وقالت مصادر فلسطينية إن القصف استهدف مواقع لحماس. "
            "ولم تتبن أي جهة هذه التفجيرات لكن إسرائيل تحمل حماس مسؤولية ما يحصل في قطاع غزة.")
    assert mentions(text) == ["مصادر فلسطينية", "إسرائيل"]


def test_a_title_refers_to_a_one_word_surname_given_that_title_in_apposition():
    text = ('مقدمة. بعد العملية التي روى تفاصيلها العميد أحمد المسماري، المتحدث باسم الجيش الوطني الليبي. '
            "وقال المسماري إن القبض على عشماوي تم في درنة. وأوضح المتحدث أن عشماوي كان مسلحا.")
    assert speakers(text) == ["المسماري"] * 2
    text = ("مقدمة. وقال القرضاوي إن الادعاء باطل. يذكر أن السفير الروسي السابق اتهم القرضاوي بالتحريض. "
            "وكشف السفير الروسي السابق أن القرضاوي هدده.")
    assert "القرضاوي" not in speakers(text)[1:]  # (a title before a surname is no apposition)


def test_names_in_apposition_after_other_titles_hyphens_and_parentheses():
    text = "مقدمة. وقال المؤسس المشارك في الشركة، مايكل سكوت، الذي يعيش في تايلاند، إن الفيلم جاهز."
    assert speakers(text) == ["مايكل سكوت"]
    assert speakers("مقدمة. وقال رئيس الوزراء التايلاندي، برايوث تشان-أوشا، إنه يتعين اتخاذ الإجراءات.") \
        == ["برايوث تشان-أوشا"]
    text = "مقدمة. صرحت المتحدثة باسم وزارة الدفاع الأمريكية (البنتاغون) دانا وايت الجمعة بأن واشنطن علقت المناورات."
    assert speakers(text) == ["دانا وايت"]
    text = "مقدمة. وينفي الرئيس السابق (2003-2010) بشكل قاطع الاتهامات، مشددا على براءته."
    assert "قاطع" not in speakers(text)[0]
    assert "ومقرها" not in speakers("مقدمة. واعترفت البطريركية، ومقرها القسطنطينية، بأن الكنيسة مستقلة.")[0]


def test_a_generic_organisation_with_adjectives_finds_the_one_named_before():
    text = ('مقدمة. وتدمر السلطات بيوت السكان، وفق ما ذكرت منظمة "هيومن رايتس ووتش". '
            "وقالت المنظمة الحقوقية إن السلطات تمنع السكان من العودة.")
    assert speakers(text) == ["منظمة هيومن رايتس ووتش"] * 2
    text = ("مقدمة. وقالت الحكومة البريطانية إن الاتهامات باطلة. "
            "وأدانت الحكومة الروسية القرار.")
    assert speakers(text)[1] != "الحكومة البريطانية"  # (another country's)


def test_months_and_a_feminine_noun_with_its_adjective_are_no_speakers():
    text = 'مقدمة. وقالت الحركة إن الهجوم مستمر. وكانت قد أعلنت في 25 أبريل/نيسان الماضي بدء "هجوم الربيع".'
    assert speakers(text) == ["الحركة"] * 2
    text = 'مقدمة. وقال ترامب إن كوريا مستعدة. ووصف الترسانة النووية الكورية الشمالية بأنها "تهديد استثنائي".'
    assert speakers(text) == ["دونالد ترامب"] * 2
    assert mentions("مقدمة. وقال ناصر القدوة إن الوضع صعب. وأوضح القدوة أن المفاوضات متوقفة.")[1] == "القدوة"


def test_a_singular_pronoun_subject_is_no_group_and_passes_qad():
    # "وقال" with no subject is one man: not the officials quoted before, but the
    # man the previous sentence opened with ("وقد أدى مهاتير محمد اليمين")
    text = ("قال مسؤولو الهجرة في ماليزيا إن نجيب رزاق ممنوع من مغادرة البلاد. "
            "وقد أدى مهاتير محمد اليمين الدستورية رئيسا للحكومة. وقال إنه سيتم إجراء تحقيق شامل.")
    assert speakers(text) == ["مسؤولو الهجرة", "مهاتير محمد"]


def test_addressee_and_manner_after_the_verb_are_no_speakers():
    # "لي"، "له" is the one addressed, "بشدة"، "بقوله" how it was said: the subject
    # comes after them or is the previous speaker
    assert speakers("قال الوزير إن الأمر انتهى. وقال لي إنها أحد الأهداف المهمة.") == ["الوزير", "الوزير"]
    assert speakers("فقال له قائده إنه يكذب.") == ["قائده"]
    assert speakers('قال الوزير إن الأمر انتهى. واستنكر بشدة "ترويج صور مفبركة" قائلا إن الصور مفبركة.') \
        == ["الوزير", "الوزير"]
    assert speakers('قال الوزير إن الأمر انتهى. وأضاف بقوله: "لم أقل ذلك"') == ["الوزير", "الوزير"]


def test_names_given_by_naming_words_complements_and_ages_in_titles():
    assert speakers("وقال المسلح، ويدعى رضوان لقديم (26 عاما)، إنه يقاتل لصالح التنظيم.") == ["رضوان لقديم"]
    assert speakers("وقالت امرأة تدعى كارول إن الناس حاولوا الاختباء.") == ["كارول"]
    assert speakers("وقال المسؤول عن الملف النووي علي أكبر صالحي إن البرنامج مستمر.") == ["علي أكبر صالحي"]
    rows = run('أكد وزير النقل الإسرائيلي المكلف بالاستخبارات يسرائيل كاتس أنه "ليس على علم بالحادث".')
    assert rows[0]["speaker_name"].endswith("كاتس") and rows[0]["content"].startswith('"ليس على علم')
    assert speakers("وقال المدافع الأرجنتيني البالغ من العمر 33 عاما إن الفريق جاهز.") == ["المدافع الأرجنتيني"]


def test_while_clauses_and_relative_in_which_have_their_own_speaker():
    text = ("انتقد الوزير الضربة، في الوقت الذي قال فيه وزير الخارجية الإيراني، جواد ظريف، "
            "إن الدول لا يمكنها أن تنتقد.")
    assert "محمد جواد ظريف" in speakers(text)
    rows = run("انتقد الوزير الضربة، في حين قال وزير الخارجية الإيراني جواد ظريف إن الدول لا يمكنها أن تنتقد.")
    assert [r["speaker_name"] for r in rows if r["content"].startswith("الدول")] == ["محمد جواد ظريف"]
    assert speakers("أصدر الحزب بيانا قال فيه إن الانتخابات مزورة.") == ["الحزب"]


def test_what_is_called_for_and_a_registered_surname_before_the_object():
    assert speakers("قال القاضي إن الدولة تواجه حربا. ودعا لتشكيل محاكم خاصة للتعامل مع الجرائم.") \
        == ["القاضي", "القاضي"]
    rows = run("ونفى لافروف الاتهامات الأمريكية.")
    assert rows[0]["speaker_mention"] == "لافروف" and rows[0]["content"] == "الاتهامات الأمريكية."


def test_a_while_clause_ends_the_content_search_of_the_verb_before_it():
    # "في حين يطالب الفلسطينيون بأن": the أن is the Palestinians' demand, not Israel's content
    rows = run('ولا تزال إسرائيل تعتبر القدس "عاصمتها الأبدية" في حين يطالب الفلسطينيون بأن تكون القدس الشرقية عاصمة.')
    assert [r["speaker_name"] for r in rows if r["content"].startswith("تكون القدس")] == ["الفلسطينيون"]


def test_a_title_refers_to_a_registered_person_named_without_it():
    # the text never gives Lavrov his title; the registry does
    text = ('وقال لافروف إن "الحوار السياسي في أستانا حقق نتائج". '
            'وأضاف الوزير الروسي، "إن منتقدي محادثات أستانة قد تكون لهم أهدافهم".')
    assert [r["speaker_id"] for r in run(text)] == ["sergey-lavrov", "sergey-lavrov"]


def test_the_woman_is_the_last_woman_named_and_scoring_is_not_saying():
    text = ('وقالت كارول، التي كانت تتسوق في المتجر، إن الناس حاولوا الاختباء. '
            'وقالت المرأة لراديو فرانس انفو "كان الرجل يصيح". وأضافت "كنا عشرة أشخاص"')
    assert speakers(text) == ["كارول", "كارول", "كارول"]
    assert speakers("قال المدرب إن الفريق جاهز. وأضاف سواريز الهدف الثاني في الدقيقة 40، علما بأن الحارس تصدى "
                    "لركلة جزاء.") == ["المدرب"]
    assert speakers('قال المدرب إن الفريق جاهز. وأضاف: "الهدف واضح".') == ["المدرب", "المدرب"]


def test_kana_is_not_part_of_a_relative_clauses_antecedent():
    assert "وكان السوري" not in speakers("وكان السوري الذي قال إنه فلسطيني قد اعتذر في اليوم الأول من محاكمته.")


def test_groups_named_one_by_one_with_their_countries_and_referred_to_by_number():
    rows = run("وقال وزراء الخارجية الروسي سيرغي لافروف والتركي مولود تشاوش أوغلو والإيراني محمد جواد ظريف "
               "إن المحادثات ناجحة.")
    assert rows[0]["speaker_kind"] == "group" and rows[0]["speaker_name"].endswith("محمد جواد ظريف")
    assert speakers("قال وزراء خارجية روسيا وتركيا وإيران إن المحادثات ناجحة. "
                    "وأكد الوزراء الثلاثة على التقارب في مواقفهم.") == ["وزراء خارجية روسيا وتركيا وإيران"] * 2
    assert speakers("قال مسؤولون أمنيون إن الهجوم فشل.") == ["مسؤولون أمنيون"]


def test_one_kind_per_speaker_in_a_document_and_no_hashtags_in_names():
    rows = run('وقالت كارول، التي كانت تتسوق في المتجر، إن الناس حاولوا الاختباء. '
               'وقالت المرأة لراديو فرانس انفو "كان الرجل يصيح".')
    assert [r["speaker_kind"] for r in rows] == ["person", "person"]
    rows = run("وقال كريم إنه أغلق الحسابات. وأعلنت شركة #كريم_للنقل أنها أغلقت حسابات أخرى.")
    assert rows[-1]["speaker_name"] == "شركة كريم للنقل" and rows[-1]["speaker_mention"] == "شركة #كريم_للنقل"
    assert {r["speaker_kind"] for r in rows if r["speaker_name"] == "شركة كريم للنقل"} == {"organization"}


def test_a_speaker_whose_name_starts_with_a_body_is_an_organisation_throughout():
    from analysis.speakers import Speaker
    from analysis.statements import _consistent_kinds, _Stmt

    company = Speaker("unreg:shrka-fysbwk", "شركة فيسبوك", "", "person")
    capital = Speaker("unreg:thran", "طهران", "", "person")
    out = [_Stmt(0, 3, "قال", 0, 9, 4, 9, "indirect", company, (4, 9), "person"),
           _Stmt(10, 13, "قال", 10, 19, 14, 19, "indirect", capital, (14, 19), "person")]
    _consistent_kinds(out)
    assert [st.kind for st in out] == ["organization", "organization"]


def test_how_it_was_said_two_titles_of_one_person_and_when_are_no_names():
    assert speakers('قال المدرب إن الفريق جاهز. وأضاف مازحا: "لم أصوت لهازارد"') == ["المدرب", "المدرب"]
    assert speakers('وقالت ماريا: "لم أصوت لهازارد"') == ["ماريا"]  # (a name in -يا is no participle)
    assert speakers('ويعتقد الأتراك أن خاشقجي قتل، وهي الاتهامات التي نفتها الرياض ووصفتها بأنها "أكاذيب".') \
        == ["الرياض", "الرياض"]
    assert speakers("وقال وزير الخارجية ورئيس الوزراء السابق علي حسن إن الوضع صعب.") == ["علي حسن"]
    assert speakers('وقال الشناوي عند الفوز بالجائزة "الفوز مهم".') == ["الشناوي"]


def test_egyptian_fi_doctor_abbreviations_honorific_pronouns_and_the_same_source():
    assert speakers("وقال الحمزة فى تصريح صحفي إن الفريق جاهز.") == ["الحمزة"]
    assert speakers("وأكد د. الثقيل أن النظام أسهم في اكتشاف الحالات.") == ["الثقيل"]
    assert speakers("قال المدير التنفيذي لمجمع فلسطين الطبي د. أحمد البيتاوي: \"الوضع صعب\"") == ["أحمد البيتاوي"]
    assert speakers("أكد الأمير خالد الفيصل أن المنطقة آمنة. وعبر سموه عن استنكاره للهجوم، مؤكدا أن الأمن مستتب.") \
        == ["خالد الفيصل", "خالد الفيصل"]
    rows = run("أبلغ مصدر قبلي عكاظ أن معارك عنيفة تدور. وفي ذات السياق أكد المصدر ذاته أن الاستعدادات تجري.")
    assert [(r["speaker_name"], r["speaker_kind"]) for r in rows] == [("مصدر قبلي", "unknown")] * 2


def test_a_command_is_a_body_and_a_participle_after_the_verb_says_how():
    assert run("وقالت قيادة القوات المشتركة في بيان لها أمس، إن الرقيب لقي حتفه.")[0]["speaker_kind"] == "organization"
    assert speakers("لعب الفريق تحت قيادة إيمري. وقال إيمري إن المنتخب لم يحقق ما يريده.") == ["إيمري"]
    assert speakers('قال الرئيس إن الوضع صعب. وتابع مؤكدا «إننا في حرب ضد الإرهاب»') == ["الرئيس", "الرئيس"]
    rows = run("قال الوزير إن الوضع صعب. وأضاف مؤكدا نية السعودية في تعزيز علاقتها.")
    assert [r["speaker_name"] for r in rows] == ["الوزير", "الوزير"] and rows[1]["content"].startswith("نية")
    assert "اسمه" not in speakers("وأضاف المصدر أن هناك من قتل. وبين المصدر - فضل عدم ذكر اسمه - أن الأسر تتواصل.")


def test_figures_and_findings_are_sources_of_unknown_kind_not_people():
    rows = run("وتشير تقديرات وكالة الفضاء الأوروبية إلى أن الحطام سيدخل الغلاف الجوي.")
    assert [(r["speaker_name"], r["speaker_kind"]) for r in rows] == [("تقديرات وكالة الفضاء الأوروبية", "unknown")]
    text = ("\nأعلن لاعب الكريكيت السابق والسياسي الباكستاني، عمران خان، فوزه في الانتخابات العامة.\n"
            "وفي خطاب تلفزيوني، قال خان إن الله منحه فرصة لتحقيق حلمه السياسي.\n"
            "وتشير نتائج أولية إلى تقدم حزب حركة إنصاف المعارض الذي يقوده خان، ليصبح أكبر حزب.\n"
            "ولم تعلن النتائج الرسمية بعد.\nوناشد خان أحزاب المعارضة التكاتف معه.\n")
    assert speakers(text, published=date(2018, 7, 26))[2] == "نتائج أولية"


def test_relative_clause_gender_synonymous_titles_quoted_outlets_and_coordinated_objects():
    # a masculine verb after التي: the antecedent did not say it
    text = "أدان الرئيس الأفغاني، أشرف عبد الغني، تفجيراً انتحارياً، معبراً عن دعمه للفتوى بتحريم الهجمات " \
           "الانتحارية التي قال إنها تتعارض مع تعاليم الإسلام."
    assert speakers(text) == ["أشرف عبد الغني", "أشرف عبد الغني"]
    assert speakers('قال فلاديمير بوتن إن روسيا متقدمة. وقال الزعيم الروسي في سوتشي: "لقد تقدمنا".') \
        == ["فلاديمير بوتين"] * 2
    assert speakers('هذا وذكرت "واشنطن بوست" أن إدارة ترامب ساعدت في إثارة الغضب.') == ["واشنطن بوست"]
    text = ('وصف رئيس اللجنة العليا للإغاثة في اليمن، عبدالرقيب فتح بشدة، استمرار الميليشيا في احتجاز المساعدات '
            'بـ"العمل الارهابي". واتهم الميليشيا بالتلاعب بأسماء المستحقين، واعتبر ذلك "أعمالاً إجرامية".')
    assert speakers(text) == ["عبدالرقيب فتح"] * 3
    assert speakers('وتتهم المنظمة السلطات بأنها "تقوم بأعمال الهدم".') == ["المنظمة"]


def test_honorific_after_a_place_quoted_names_before_a_colon_and_quotes_after_titles():
    rows = run('قال رئيس نادي جدة الأدبي الدكتور عبدالله بن عويقل السلمي: «إن الأندية الأدبية تجاوزت المنابر».')
    assert rows[0]["speaker_name"] == "عبدالله بن عويقل السلمي"
    assert speakers("وقال المبعوث الأممي اسماعيل ولد الشيخ أحمد إن الحل قريب.") == ["اسماعيل ولد الشيخ أحمد"]
    assert speakers('قال أحمد العدواني إن المبادرة ناجحة. وقال محمد سالم إن الدعم مستمر. '
                    'وتابع "العدواني": أن فريق العمل كان على قدر المسؤولية.')[-1] == "أحمد العدواني"
    assert speakers("وقال الوزير «إن الوضع صعب». وأضاف أن الحل قريب.") == ["الوزير", "الوزير"]
    assert speakers('وذكرت شبكة "إن بي سي نيوز" أن أحد المعتقلين مشتبه به.') == ["شبكة إن بي سي نيوز"]


def test_a_participle_only_statement_takes_the_name_in_apposition():
    rows = run("جدد وزير الخارجية الأميركي، مايك بومبيو، الاثنين، إدانته لإيران، مؤكدا أنها تشكل تهديدا للمنطقة.")
    assert [r["speaker_name"] for r in rows] == ["مايك بومبيو"]
    rows = run("قال الوزير الإسرائيلي أوري أرييل إن الزيارة حق. وأجرى الوزير الإسرائيلي، برفقة المستوطنين، "
               "جولات في الأقصى، مؤكدا أنها ستستمر.")
    assert "برفقة المستوطنين" not in [r["speaker_name"] for r in rows]


def test_agencies_and_platforms_in_the_registry_are_organisations():
    rows = run("وذكرت رويترز أن الحظر بدأ. وقال تويتر إنه علق الحسابات.")
    assert [(r["speaker_id"], r["speaker_kind"]) for r in rows] == [("reuters", "organization"),
                                                                    ("twitter", "organization")]


def test_ranks_of_several_words_demonstratives_and_indefinite_groups_of_states():
    assert speakers("وقال الفريق أول ركن فهد بن تركي إن العمليات مستمرة.") == ["فهد بن تركي"]
    assert speakers("لكن مدير المستشفى، مصطفى عبادي، نفى تلك المزاعم.") == ["مصطفى عبادي"]
    rows = run("وأبدت دول أوروبية مخاوفها من الانسحاب الأمريكي من الاتفاق.")
    assert [(r["speaker_name"], r["speaker_kind"]) for r in rows] == [("دول أوروبية", "group")]


def test_a_noun_described_as_is_the_object_of_wasafa():
    # "ووصف X بأنه": بأنه refers back to X, so X is what is described, not who describes it
    rows = run("قالت الوزيرة إن الاستيطان مستمر. ووصفت المستوطنات الإسرائيلية بأنها جريمة حرب.")
    assert [r["speaker_name"] for r in rows] == ["الوزيرة", "الوزيرة"]
    assert speakers('ووصف الوزير الاتفاق بأنه "الأسوأ".') == ["الوزير"]


def test_obama_two_titles_joined_by_wa_and_a_title_in_a_club():
    assert speakers("وقال الرئيس الاميركي باراك اوباما إن الاتفاق جيد.") == ["باراك أوباما"]
    assert speakers("وقالت الشركة انطلاقا من مسؤوليتها إن الخدمة مستمرة.") == ["الشركة"]
    assert speakers("وصرح عضو مجلس ادارة غرفة الرياض ورئيس لجنة الزراعة محمد فهد الحمادي انه بلغ وزن الواردات "
                    "مليون طن.") == ["محمد فهد الحمادي"]
    assert speakers("قال نجم الفريق الأول لكرة القدم بنادي النصر السعودي حسين عبدالغني، إن الفريق قادر على "
                    "التعويض.") == ["حسين عبدالغني"]


def test_kana_between_a_fronted_subject_and_its_verb_is_no_part_of_the_name():
    assert speakers("في حين أن المجموعة الكورية الجنوبية كانت تقول إن الحكم ظالم.") == ["المجموعة الكورية الجنوبية"]


def test_kana_ends_a_name():
    assert all("كان" not in name for name in
               speakers("كما اتهم إسرائيلي ثان كان قاصرا عند وقوع الهجوم بأنه شارك في التخطيط."))


def test_an_analyst_and_a_title_with_a_possessive_pronoun():
    rows = run("بدوره، قال محلل شؤون الأمن القومي في CNN، بيتر بيرغن، إن رسالة الظواهري مهمة.")
    assert [r["speaker_name"] for r in rows] == ["بيتر بيرغن"]
    rows = run("ورفضت إسرائيل المقترحات، إذ أعلن مندوبها الدائم لدى الأمم المتحدة داني دانون أن المقترحات مرفوضة.")
    assert [r["speaker_name"] for r in rows if r["verb"] == "أعلن"] == ["داني دانون"]


def test_verbs_after_when_and_after_and_fa_kana_have_their_subjects():
    assert speakers("وعاد الوزير بعدما طالبت إيطاليا بتشديد المراقبة على الهجرة.") == ["إيطاليا"]
    assert speakers("فكانت باريس قد اعتبرت الثلاثاء أن رفض إيطاليا مخز.") == ["باريس"]


def test_a_surname_with_the_article_before_a_definite_object():
    rows = run("وتدهورت العلاقات عندما اتهم الرئيس السوداني عمر البشير المخابرات المصرية بدعم المعارضة.")
    assert [r["speaker_name"] for r in rows] == ["عمر البشير"]
    # (a word in ة or ات is no surname: no name swallows "الكویتیة، حجب ... كشف")
    text = "قررت الھیئة العامة للاتصالات وتقنیة المعلومات الكویتیة، حجب ما یسمى بتطبیقات كشف الأرقام."
    assert [r["verb"] for r in run(text)] == []


def test_a_generic_official_of_an_affiliation_is_the_named_person_with_that_affiliation():
    rows = run("وقالت منسقة الأمم المتحدة للشؤون الإنسانية ليز غراندي إن الوضع صعب. "
               "وقال الوزير إن الحكومة مستعدة. وأكدت المسؤولة الأممية أنها ستعمل كل ما في وسعها.")
    assert rows[-1]["speaker_name"] == "ليز غراندي"
    # a title in apposition after the name is his too
    rows = run("وقال ألكسندر روندوس، المبعوث الخاص للاتحاد الأوروبي للقرن الأفريقي، إن التوترات تقوض جهود السلام. "
               "وتشهد الصومال مواجهات. وقال المسؤول الأوروبي، يوم الجمعة إن تلك الأزمة كان لها تداعيات.")
    assert [r["speaker_name"] for r in rows] == ["ألكسندر روندوس", "ألكسندر روندوس"]
    # the one the text gave this very title, when he is the more recent
    rows = run("وقالت ليز غراندي منسقة الأمم المتحدة إن الوضع صعب. وقال مسؤول أممي إن المساعدات تأخرت. "
               "وأضاف المسؤول الأممي أن الطرق مغلقة.")
    assert rows[-1]["speaker_name"] == rows[-2]["speaker_name"] != "ليز غراندي"


def test_the_highest_official_in_a_body():
    assert speakers("حذر أعلى مسؤول بالاتحاد الأوروبي من أن الأزمة تهدد الاستقرار.") \
        == ["أعلى مسؤول بالاتحاد الأوروبي"]
    assert speakers("وقال مسؤول بالشرطة الفلبينية إن القيادي اعتقل.") == ["مسؤول بالشرطة الفلبينية"]
    assert speakers("وقال مسؤول بالشرطة رفض الإفصاح عن هويته إن الهجوم فشل.") == ["مسؤول بالشرطة"]
    assert speakers("وأشاد الرئيس بالجيش اللبناني.") == ["الرئيس"]


def test_a_ba_phrase_after_a_title_is_what_was_reported():
    text = ("هز انفجار ضخم العاصمة مقديشو، الأحد.\n"
            "وأفاد مسؤول أمني صومالي بانفجار سيارة مفخخة عند نقطة تفتيش، بعد ان أعترض الجنود السيارة.")
    assert speakers(text) == ["مسؤول أمني صومالي"]


def test_ban_ki_moon_is_a_name_not_the_particle():
    rows = run("وقال الأمين العام للأمم المتحدة بان كي مون إن الوضع صعب.")
    assert [(r["speaker_name"], r["content"]) for r in rows] == [("بان كي مون", "الوضع صعب.")]


def test_a_registered_name_followed_by_the_object_is_the_registered_person():
    rows = run("وتدرس المستشارة الألمانية أنجيلا ميركل الوضع، وقالت إن القرار يتعلق فقط بمدن فردية.")
    assert [r["speaker_name"] for r in rows] == ["أنغيلا ميركل"]


def test_states_and_capitals_beyond_the_usual_ones_speak():
    assert speakers("وقالت مالطا إنه لا يوجد ما يلزمها قانونا بالسماح بدخول السفينة.") == ["مالطا"]
    assert speakers("ودانت المنامة بشدة استمرار التصريحات العدائية.") == ["المنامة"]
    rows = run("وقال قائد شرطة العاصمة مانيلا، أوسكار ألبايليد، الجمعة، إن الموقوف كان يحمل جواز سفر.")
    assert [r["speaker_name"] for r in rows] == ["أوسكار ألبايليد"]


def test_a_statement_of_a_body_is_the_body_speaking():
    rows = run("وقال بيان للشرطة إنها تدخلت بعد اتصال. وتابعت أن ياربر رفض الامتثال. "
               "وأكد البيان أن رجال الشرطة لم يطلقوا النار.")
    assert [r["speaker_name"] for r in rows] == ["الشرطة", "الشرطة", "الشرطة"]
    assert speakers("وذكر بيان لوزارة الداخلية أن الشرطة اعتقلت خمسة أشخاص.") == ["وزارة الداخلية"]


def test_a_named_eyewitness_and_a_rank_in_apposition():
    rows = run("وقال شاهد عيان يدعى يوسف نجاح، 28 عاما، إنه كان يسير بجانب القناة. "
               "وقال: \"كان هناك نحو 20 شخصا يطاردونه\".")
    assert [r["speaker_name"] for r in rows] == ["يوسف نجاح", "يوسف نجاح"]
    assert speakers("وقال شهود عيان إن الانفجار كان قويا.") == ["شهود عيان"]
    assert speakers("وأوضح رئيس الفريق الهندسي في اللواء الخامس بالجيش اليمني، الملازم سلطان شمسان، أن "
                    "الميليشيات تستغل الصواريخ.") == ["سلطان شمسان"]
    assert speakers("وأكد المتحدث باسم المقاومة الوطنية، العقيد الركن صادق الدويد، أن القوات تقدمت.") \
        == ["صادق الدويد"]


def test_a_quoted_acronym_before_the_content_is_the_speaker():
    assert speakers('وأضافت "سي إن بي سي" ان الصواريخ الصينية نصبت في أرخبيل سبراتليز.') == ["سي إن بي سي"]
    # a quote followed by a second verb is the first verb's content
    rows = run('قال الوزير إن الوضع صعب. وأضاف "لا نريد الحرب" وأكد أن السلام ممكن.')
    assert [r["speaker_name"] for r in rows] == ["الوزير", "الوزير", "الوزير"]


def test_a_spokesman_of_another_body_is_not_the_earlier_unnamed_spokesman():
    rows = run("ودعا بيان للناطق بلسان الوزارة إسرائيل إلى الامتناع عن الهدم. "
               "وحث الناطق باسم فتح الدول الأوروبية على الاعتراف بدولة فلسطين.")
    assert [r["speaker_name"] for r in rows] == ["الناطق بلسان الوزارة", "الناطق باسم فتح"]


def test_a_name_after_a_title_and_the_body_he_serves_in():
    assert speakers("اعتبر المفوض السامي لحقوق الإنسان في الأمم المتحدة زيد رعد الحسين يوم الجمعة أن الرد "
                    "غير متناسب.") == ["زيد رعد الحسين"]
    assert speakers("ورأى ممثل الولايات المتحدة في المجلس ثيودور أليغرا أن الجلسة منحازة.") == ["ثيودور أليغرا"]
    assert speakers("ونددت مندوبة إسرائيل في مجلس الأمم المتحدة لحقوق الإنسان افيفا راز شيختر بالجلسة الخاصة.") \
        == ["افيفا راز شيختر"]


def test_kana_then_a_name_in_ta_then_the_verb():
    assert speakers("وكان ترامب قال في تغريدة إنه سيرفض تمديد تخفيف العقوبات.") == ["دونالد ترامب"]
    assert speakers("ويتولى شرح مراحل الانتخابات موظفون.") == []


def test_a_body_speaking_through_a_named_person():
    rows = run("وأكدت الحكومة على لسان المتحدث باسمها محمد الصالح أن الانتخابات ستجري في موعدها.")
    assert [r["speaker_name"] for r in rows] == ["محمد الصالح"]
    assert speakers("وأكدت الحكومة على لسان المتحدث باسمها أن الانتخابات ستجري في موعدها.") == ["الحكومة"]


def test_the_tweet_is_its_authors_and_a_lawyers_title_is_not_his_clients():
    rows = run("وقال الوزير إن الوضع صعب. وأضافت التغريدة أن الحكومة مستعدة.")
    assert [r["speaker_name"] for r in rows] == ["الوزير", "الوزير"]
    rows = run("واتهم المحامون الممثلة الإباحية، ستورمي دانييلز، بخرق الاتفاق. وتزعم الممثلة بأنها كانت على علاقة "
               "مع ترامب. وقال مايكل كوهين، محامي ترامب، إنه دفع المال. ورفع محامي الممثلة دعوى. "
               "وتقول الممثلة إن الاتفاقية باطلة.")
    assert [r["speaker_name"] for r in rows if r["speaker_mention"] == "الممثلة"] == ["ستورمي دانييلز"] * 2
    # the person the text introduced with the title, before a surname found near the head noun
    rows = run("طالب محامو الرئيس بتعويض من ممثلة. واتهم المحامون الممثلة الإباحية، ستورمي دانييلز، بخرق الاتفاق. "
               "وتزعم الممثلة بأنها كانت على علاقة مع الرئيس. وقال محام آخر إن الدعوى ضد الممثلة. "
               "كما طلب محامو الرئيس نقل الدعوى.")
    assert [r["speaker_name"] for r in rows if r["speaker_mention"] == "الممثلة"] == ["ستورمي دانييلز"]


def test_some_officials_of_an_administration_are_not_its_head():
    rows = run("قال الرئيس الأميركي، دونالد ترامب، السبت، إن فصل العائلات يمكن أن يردع الهجرة.\n"
               "لكن بعض مسؤولي إدارة ترامب قالوا إن هذه السياسة كانت ضرورية.")
    assert [r["speaker_name"] for r in rows] == ["دونالد ترامب", "بعض مسؤولي إدارة ترامب"]


def test_a_government_named_by_its_capital_and_its_object():
    assert speakers("وطالبت حكومة بغداد أنقرة بالانسحاب في أكثر من مناسبة.") == ["حكومة بغداد"]


def test_expressed_is_a_report_only_with_an():
    assert speakers('وعبّرت رئيسة الوزراء البريطانية، تيريزا ماي، عن "صدمتها" لوفاة ستورغيس.') == ["تيريزا ماي"]
    rows = run("قال الوزير إن الوضع صعب. وعبر عن أمله في أن تتطور العلاقات.")
    assert [r["speaker_name"] for r in rows] == ["الوزير", "الوزير"]
    # via, crossed: no report, and no clause boundary inside another report
    assert speakers("وعبر المهاجرون الحدود عن طريق البحر.") == []
    assert speakers("وعبر موقع تويتر كان دائم التغريد عن الموقف.") == []
    rows = run('وقال أردوغان إن السعودية مطالبة بالتعاون، عبر الكشف عن "التسجيلات المصورة". '
               'وأردف قائلا: "لا يمكنهم تبرئة ساحتهم".')
    assert [r["speaker_name"] for r in rows] == ["رجب طيب أردوغان", "رجب طيب أردوغان"]
    assert speakers("وقالت الصحافية صوفيا روسوفا، الأربعاء، عبر إذاعة محلية أنها تعرضت للتحرش.") == ["صوفيا روسوفا"]


def test_a_first_name_that_is_also_a_title_after_an_honorific():
    assert speakers("وأوضح الدكتور مساعد الأحمد المشرف العام على البرنامج أن البرنامج ناجح.") == ["مساعد الأحمد"]
    assert speakers("وقال الدكتور مساعد وزير الصحة إن الوضع مستقر.") == ["الدكتور مساعد وزير الصحة"]


def test_a_ba_verbal_noun_after_a_verb_of_threat_is_its_object():
    rows = run("وانتقد الرئيس دوتيرتي الكويت بشدة. وتوعد بفرض حظر على عملهم في المنطقة.")
    assert [r["speaker_name"] for r in rows] == ["دوتيرتي", "دوتيرتي"]
    assert speakers("وقرر ترامب فرض عقوبات على إيران، وأعلن سحب قواته.") == ["دونالد ترامب"]


def test_the_latter_of_two_states_named_together():
    rows = run("وتصاعد التوتر بين بغداد وأنقرة، بعد أن قالت الأخيرة إنها تسعى إلى إطلاق عملية عسكرية.")
    assert [r["speaker_name"] for r in rows] == ["أنقرة"]
    # not a state named alone before another body ("الحكومة الروسية" is the latter here)
    rows = run("واتهمت لندن الحكومة الروسية بالوقوف خلف التسميم، الأمر الذي تنفيه الأخيرة.")
    assert "لندن" not in [r["speaker_name"] for r in rows if r["verb"] == "تنفيه"]


def test_a_verse_is_gods_and_the_eulogy_is_no_part_of_a_name():
    assert speakers('وأضاف أن الصبر مفتاح الفرج، قال تعالى: "إن الله مع الصابرين".') == ["الله"]
    assert speakers('يقول سبحانه وتعالى: "إن الله مع الصابرين".') == ["الله"]
    assert speakers('قال رسول الله صلى الله عليه وسلم: "الدين النصيحة".') == ["رسول الله"]
    assert speakers("وقال عبد الله إن الوضع صعب.") == ["عبد الله"]
    rows = run("وقال الإمام إن الصبر واجب. ودعا الله عز وجل أن يحفظ البلاد.")
    assert [r["speaker_name"] for r in rows] == ["الإمام", "الإمام"]  # God is whom he prayed to


def test_an_accusative_participle_after_a_title_or_name_says_how():
    assert speakers("وقال المسؤول طالبا عدم نشر اسمه إن الهجوم فشل.") == ["المسؤول"]
    assert speakers("وقال الوزير مازحا إن الهجوم فشل.") == ["الوزير"]
    assert speakers('وقال الوزير جون كيري مازحا "إن اليوم تاريخي".') == ["جون كيري"]
    # names of that shape stay names
    assert speakers("وقالت المتحدثة كارلا إن الهجوم فشل.") == ["كارلا"]
    assert speakers("وقال لوبوش بارتا، المدير العام للفندق، إن الافتتاح ناجح.") == ["لوبوش بارتا"]
    assert speakers("وقال رئيس وزراء مالطا جوزيف موسكات إن النتيجة صريحة.") == ["جوزيف موسكات"]

"""Table-driven tests of the dating stage (analysis.dates).

Each case: a text, the publication date it is read against (or None), and
every date mention expected, as (text as written, ISO value, precision[, basis,
kind]).  The list must match exactly: a missing date and an extra, wrong date
(a casualty count read as a year) both fail.  Hijri values were converted once
with hijridate (Umm al-Qura) and written down here.
"""

import datetime as dt
import re

import polars as pl
import pytest

from analysis import dates, schemas
from analysis.dates import byline_date, date_statements, find_dates, parse_source_time

D = dt.date
PUB_2015 = D(2015, 7, 21)  # Tuesday, 5 Shawwal 1436
PUB_2017 = D(2017, 9, 25)  # Monday


def case(text, published, *expected, id):
    return pytest.param(text, published, list(expected), id=id)


CASES = [
    # --- Gregorian numeric forms and digit sets
    case("صدر القرار في 2015-11-16 بعد نقاش", None, ("2015-11-16", "2015-11-16", "day", "text", "gregorian"), id="iso"),
    case("صدر القرار في 16/11/2015 بعد نقاش", None, ("16/11/2015", "2015-11-16", "day"), id="dmy-slash"),
    case("صدر القرار في 16.11.2015 بعد نقاش", None, ("16.11.2015", "2015-11-16", "day"), id="dmy-dot"),
    case("صدر القرار في 16-11-2015 بعد نقاش", None, ("16-11-2015", "2015-11-16", "day"), id="dmy-dash"),
    case("صدر القرار في ١٦/١١/٢٠١٥ بعد نقاش", None, ("١٦/١١/٢٠١٥", "2015-11-16", "day"), id="arabic-indic-digits"),
    case("صدر القرار في ۱۶/۱۱/۲۰۱۵ بعد نقاش", None, ("۱۶/۱۱/۲۰۱۵", "2015-11-16", "day"), id="persian-digits"),
    case("بخصوص إعلان الهيئة الموافق 29 /06 /2015م بخصوص", None, ("29 /06 /2015م", "2015-06-29", "day"), id="dmy-spaces-era"),
    # --- Levantine and Iraqi months
    case("في 15 كانون الثاني 2016 أعلن", None, ("15 كانون الثاني 2016", "2016-01-15", "day", "text", "gregorian"), id="lev-kanun2"),
    case("منذ شباط 2015 لم", None, ("شباط 2015", "2015-02-01", "month"), id="lev-shubat-month"),
    case("يوم 20 آذار 2014 وقع", None, ("20 آذار 2014", "2014-03-20", "day"), id="lev-adhar"),
    case("في أب 2014 بدأت الغارات", None, ("أب 2014", "2014-08-01", "month", "text", "gregorian"), id="lev-ab-hamza"),
    case("في آب 2014 بدأت الغارات", None, ("آب 2014", "2014-08-01", "month"), id="lev-ab-madda"),
    case("هجمات 11 أيلول 2001 غيرت", None, ("11 أيلول 2001", "2001-09-11", "day"), id="lev-aylul"),
    case("في تشرين الأول 2015 بدأت", None, ("تشرين الأول 2015", "2015-10-01", "month"), id="lev-tishrin1"),
    case("في 5 تشرين الثاني 2014 قال", None, ("5 تشرين الثاني 2014", "2014-11-05", "day"), id="lev-tishrin2"),
    case("منذ كانون الاول 2012 حتى", None, ("كانون الاول 2012", "2012-12-01", "month"), id="lev-kanun1-no-hamza"),
    case("في 9 نيسان 2003 سقطت", None, ("9 نيسان 2003", "2003-04-09", "day"), id="lev-nisan"),
    case("في أيار 2010 وتموز 2011", None, ("أيار 2010", "2010-05-01", "month"), ("تموز 2011", "2011-07-01", "month"), id="lev-two-months"),
    # --- Egyptian and Gulf months, variant spellings, aliases
    case("ثورة 25 يناير 2011 في مصر", None, ("25 يناير 2011", "2011-01-25", "day"), id="eg-yanayir"),
    case("في 3 إبريل 2014 أعلنت", None, ("3 إبريل 2014", "2014-04-03", "day"), id="eg-ibril-kasra"),
    case("في 30 يونيه 2013 خرج", None, ("30 يونيه 2013", "2013-06-30", "day"), id="eg-yunyah"),
    case("منذ يوليه 2013 والبلاد", None, ("يوليه 2013", "2013-07-01", "month"), id="eg-yulyah"),
    case("جدة 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس", None,
         ("26 شوال 1436 هـ", "2015-08-11", "day", "text", "hijri"), ("11 اغسطس 2015 م", "2015-08-11", "day", "text", "gregorian"),
         id="gulf-dateline-both-calendars"),
    case("وفي السابع من أبريل (نيسان) 2011 سقط", None, ("السابع من أبريل (نيسان) 2011", "2011-04-07", "day"), id="ordinal-alias"),
    case("الموافق للسادس والعشرين من مارس 2015م", None, ("للسادس والعشرين من مارس 2015م", "2015-03-26", "day"), id="ordinal-with-li"),
    case("في أيلول/سبتمبر 2015 بدأت", None, ("أيلول/سبتمبر 2015", "2015-09-01", "month"), id="alias-slash"),
    case("في 25 أكتوبر (تشرين الأول) 2011 عقد", None, ("25 أكتوبر (تشرين الأول) 2011", "2011-10-25", "day"), id="alias-paren-lev"),
    case("ميزانية ديسمبر 2014 تراجعت", None, ("ديسمبر 2014", "2014-12-01", "month"), id="gulf-december"),
    # --- Maghrebi (Algeria, Tunisia) and Moroccan months
    case("في جانفي 2015 أعلنت", None, ("جانفي 2015", "2015-01-01", "month"), id="mag-janfi"),
    case("منذ فيفري 2016 تغير", None, ("فيفري 2016", "2016-02-01", "month"), id="mag-fivri"),
    case("في 17 أفريل 2014 جرت", None, ("17 أفريل 2014", "2014-04-17", "day"), id="mag-avril"),
    case("في 14 جويلية 2015 احتفل", None, ("14 جويلية 2015", "2015-07-14", "day"), id="mag-juillet"),
    case("في أوت 2015 قرر", None, ("أوت 2015", "2015-08-01", "month"), id="mag-aout"),
    case("في ماي 2015 وجوان 2015", None, ("ماي 2015", "2015-05-01", "month"), ("جوان 2015", "2015-06-01", "month"), id="mag-mai-juin"),
    case("في 20 غشت 2015 ألقى", None, ("20 غشت 2015", "2015-08-20", "day"), id="mor-ghusht"),
    # --- Hijri
    case("حتى يوم السبت المقبل 9 شوال 1436هـ", None, ("يوم السبت المقبل 9 شوال 1436هـ", "2015-07-25", "day", "text", "hijri"), id="hijri-dmy-with-weekday"),
    case("في شوال 1436 أعلنت", None, ("شوال 1436", "2015-07-17", "month", "text", "hijri"), id="hijri-month-year"),
    case("للعام ١٤٣٦ هـ فقط", None, ("للعام ١٤٣٦ هـ", "2014-10-25", "year", "text", "hijri"), id="hijri-year-indic"),
    case("منذ العام 1391 هـ الموافق 1971م", None, ("العام 1391 هـ", "1971-02-26", "year", "text", "hijri"),
         ("1971م", "1971-01-01", "year", "text", "gregorian"), id="hijri-and-gregorian-years"),
    case("في مدة أقصاها 5 / 11 / 1436 هـ .", None, ("5 / 11 / 1436 هـ", "2015-08-20", "day", "text", "hijri"), id="hijri-numeric-spaces"),
    case("تصحيح أوضاع اليمنيين حتى 1436/10/30 هـ .", None, ("1436/10/30 هـ", "2015-08-15", "day", "text", "hijri"), id="hijri-ymd"),
    case("في 23/9/1436 عقد", None, ("23/9/1436", "2015-07-10", "day", "text", "hijri"), id="hijri-numeric-by-range"),
    case("في الرابع عشر من شهر جمادى الآخرة 1434هـ افتتح", None,
         ("الرابع عشر من شهر جمادى الآخرة 1434هـ", "2013-04-24", "day", "text", "hijri"), id="hijri-ordinal-jumada2"),
    case("في ذي القعدة 1436 وذو الحجة 1435", None, ("ذي القعدة 1436", "2015-08-16", "month"), ("ذو الحجة 1435", "2014-09-25", "month"), id="hijri-dhul"),
    case("في ربيع الأول 1437 وربيع الثاني 1437", None, ("ربيع الأول 1437", "2015-12-12", "month"), ("ربيع الثاني 1437", "2016-01-11", "month"), id="hijri-rabi"),
    case("في جمادى الأولى 1436 بدأ", None, ("جمادى الأولى 1436", "2015-02-20", "month"), id="hijri-jumada1"),
    case("منذ غرة شهر رمضان 1436 وحتى", None, ("غرة شهر رمضان 1436", "2015-06-18", "day"), id="hijri-ghurra"),
    case("للعام الدراسي 1436 / 1437 هـ وقد", None, ("للعام الدراسي 1436 / 1437 هـ", "2014-10-25", "year", "text", "hijri"), id="hijri-academic-year"),
    case("يوم الأحــــد الموافـــــق 15/11/1436هـ إلى", None, ("يوم الأحــــد الموافـــــق 15/11/1436هـ", "2015-08-30", "day", "text", "hijri"), id="hijri-tatweel-offsets"),
    # --- Hijri and partial dates against the publication date
    case("وجه مطلع شهر شوال الجاري الدعوة", PUB_2015, ("شهر شوال الجاري", "2015-07-17", "month", "relative", "hijri"), id="hijri-current-month"),
    case("ويستمر المهرجان 12-17 من شهر شوال الجاري", PUB_2015, ("12-17 من شهر شوال الجاري", "2015-07-28", "day", "relative", "hijri"), id="hijri-day-range"),
    case("رفض 103 إرساليات خلال شهر رمضان الماضي", PUB_2015, ("شهر رمضان الماضي", "2015-06-18", "month", "relative", "hijri"), id="hijri-last-ramadan"),
    case("يبدأ التسجيل في ٧ ذي القعدة القادم", PUB_2015, ("٧ ذي القعدة القادم", "2015-08-22", "day", "relative", "hijri"), id="hijri-next-dhulqada"),
    case("تنتهي المهلة في الـ27 من الشهر الجاري", PUB_2015, ("الـ27 من الشهر الجاري", "2015-07-27", "day", "relative", "relative"), id="day-of-current-month"),
    case("بدأت في الـ17 من الشهر الماضي", PUB_2015, ("الـ17 من الشهر الماضي", "2015-06-17", "day", "relative"), id="day-of-last-month"),
    case("وقعت في آب الماضي", PUB_2015, ("آب الماضي", "2014-08-01", "month", "relative", "gregorian"), id="month-last"),
    case("تبدأ في أيلول المقبل", PUB_2015, ("أيلول المقبل", "2015-09-01", "month", "relative"), id="month-next"),
    case("يصل في 15 آب", PUB_2015, ("15 آب", "2015-08-15", "day", "relative", "gregorian"), id="day-month-no-year"),
    case("وقعت في أغسطس من العام الماضي", PUB_2015, ("أغسطس من العام الماضي", "2014-08-01", "month", "relative"), id="month-of-last-year"),
    case("في 5 مارس من هذا العام", PUB_2015, ("5 مارس من هذا العام", "2015-03-05", "day", "relative"), id="day-month-this-year"),
    case("في شهر يناير من العام الجديد 2016", PUB_2015, id="month-of-unqualified-year-not-guessed"),
    # --- Relative words
    case("وقال اليوم إن", PUB_2017, ("اليوم", "2017-09-25", "day", "relative", "relative"), id="today"),
    case("وقال أمس إن", PUB_2017, ("أمس", "2017-09-24", "day", "relative"), id="yesterday"),
    case("وقال بالأمس إن", PUB_2017, ("بالأمس", "2017-09-24", "day", "relative"), id="yesterday-bi"),
    case("وكان قد قال أول أمس إن", PUB_2017, ("أول أمس", "2017-09-23", "day"), id="day-before-yesterday"),
    case("وكان قد قال أول من أمس إن", PUB_2017, ("أول من أمس", "2017-09-23", "day"), id="day-before-yesterday-min"),
    case("ويصل غداً إلى موسكو", PUB_2017, ("غداً", "2017-09-26", "day"), id="tomorrow"),
    case("ويصل بعد غد إلى موسكو", PUB_2017, ("بعد غد", "2017-09-27", "day"), id="after-tomorrow"),
    case("وأعلن يوم الأربعاء أن", PUB_2017, ("يوم الأربعاء", "2017-09-20", "day", "relative", "weekday"), id="weekday-yawm"),
    case("وأعلن الأربعاء الماضي أن", PUB_2017, ("الأربعاء الماضي", "2017-09-20", "day", "relative", "weekday"), id="weekday-last"),
    case("وأعلن الخميس الماضي أن", PUB_2017, ("الخميس الماضي", "2017-09-21", "day"), id="thursday-last"),
    case("وأعلن الاثنين الماضي أن", PUB_2017, ("الاثنين الماضي", "2017-09-18", "day"), id="same-weekday-last-is-a-week-ago"),
    case("ويبدأ الخميس المقبل", PUB_2017, ("الخميس المقبل", "2017-09-28", "day"), id="weekday-next"),
    case("وارتفعت الأسعار الأسبوع الماضي", PUB_2017, ("الأسبوع الماضي", "2017-09-18", "week", "relative"), id="last-week"),
    case("وارتفعت الأسعار قبل أسبوعين", D(2017, 9, 27), ("قبل أسبوعين", "2017-09-11", "week", "relative"), id="two-weeks-ago-monday"),
    case("وارتفعت الأسعار الشهر الماضي", PUB_2017, ("الشهر الماضي", "2017-08-01", "month", "relative"), id="last-month"),
    case("وارتفعت الأسعار العام الماضي", PUB_2017, ("العام الماضي", "2016-01-01", "year", "relative"), id="last-year"),
    case("وأعلن قبل يومين أن", PUB_2017, ("قبل يومين", "2017-09-23", "day", "relative"), id="two-days-ago"),
    case("وأعلن قبل ثلاثة أيام أن", PUB_2017, ("قبل ثلاثة أيام", "2017-09-22", "day"), id="three-days-ago"),
    case("وقع قبل 5 سنوات", PUB_2017, ("قبل 5 سنوات", "2012-01-01", "year", "relative"), id="five-years-ago"),
    # --- Weekday with a date or a relative word: agreement is checked
    case("وأكد الخميس 14-10-1436هـ أن", None, ("الخميس 14-10-1436هـ", "2015-07-30", "day", "text", "hijri"), id="weekday-agrees-hijri"),
    case("أعلن أمس الأحد", PUB_2017, ("أمس الأحد", "2017-09-24", "day", "relative"), id="yesterday-weekday-agrees"),
    # 12 July 2015 is a Sunday, 12 July 2014 a Saturday: the weekday tells the year
    case("وفي يوم السبت 12 يوليو أعلن", PUB_2015, ("يوم السبت 12 يوليو", "2014-07-12", "day", "relative", "gregorian"), id="weekday-picks-the-year"),
    case("وفي يوم الأحد 12 يوليو أعلن", PUB_2015, ("يوم الأحد 12 يوليو", "2015-07-12", "day", "relative", "gregorian"), id="weekday-confirms-the-year"),
    case("صدر اليوم (الاثنين) بيان", PUB_2017, ("اليوم (الاثنين)", "2017-09-25", "day"), id="today-paren-weekday"),
    case("افتتح مساء اليوم “الاثنين” المعرض", PUB_2017, ("مساء اليوم “الاثنين”", "2017-09-25", "day"), id="today-quoted-weekday"),
    # --- Numbers and words that are not dates
    case("وبلغ عدد القتلى 3681 قتيلا", PUB_2017, id="casualty-count"),
    case("قالت قناة روسيا 1 إن", PUB_2017, id="tv-channel-number"),
    case("حصد الفيديو 1500 مشاهدة", PUB_2017, id="view-count-hijri-range"),
    case("حصد الفيديو 2015 مشاهدة", PUB_2017, id="view-count-gregorian-range"),
    case("للاستفسار 0555123456 أو 011-4567-890", PUB_2017, id="phone-numbers"),
    case("فاز الهلال 1 - صفر على النصر و2/صفر", PUB_2017, id="score-safar"),
    case("انتهت المباراة 3 صفر لصالح الهلال", PUB_2015, id="score-safar-no-dash"),
    case("يبدأ الموسم في 3 من شهر صفر", PUB_2015, ("3 من شهر صفر", "2015-11-15", "day", "relative", "hijri"), id="safar-with-shahr"),
    case("التقى رجب طيب أردوغان ورمضان قادروف", PUB_2017, id="names-that-are-hijri-months"),
    case("أب وابنه في السيارة", PUB_2017, id="ab-father"),
    case("وهم في أمس الحاجة إليها", PUB_2017, id="amass-alhaja"),
    case("بمناسبة اليوم العالمي للمرأة", PUB_2017, id="international-day"),
    case("في ذلك اليوم خرج", PUB_2017, id="that-day"),
    case("قبل يومين من الانتخابات", PUB_2017, id="days-before-another-event"),
    case("دول الربيع العربي وابن الـ22 ربيعا", PUB_2017, id="spring"),
    case("في 2015 ارتفعت", PUB_2017, id="bare-year"),
    case("عام 1450م اكتشف", None, id="year-out-of-range"),
    case("في 31/02/2015 و 31 فبراير 2015", None, id="impossible-day"),
    case("في 11/16/2015", None, id="month-day-order-not-guessed"),
    case("الإصدار 3.5.2 من البرنامج", None, id="version-number"),
    case("لا فرق بين الاثنين معا وكلا الاثنين", PUB_2017, id="ithnayn-both"),
    case("حسب صحيفة الغد الأردنية", PUB_2017, id="al-ghad-newspaper"),
    case("عين اليوم – متابعات", PUB_2017, id="ain-alyaum-newspaper"),
    case("وقال لـ«اليوم» إن", PUB_2017, id="alyaum-newspaper-quoted"),
    case("وقال أمس إن", None, id="relative-without-published"),
    case("تبدأ في أيلول المقبل", None, id="month-relative-without-published"),
]


@pytest.mark.parametrize("text,published,expected", CASES)
def test_find_dates(text, published, expected):
    found = find_dates(text, published)
    got = [(text[m.start:m.end], m.value.isoformat(), m.precision) for m in found]
    assert got == [e[:3] for e in expected]
    for m, e in zip(found, expected):
        if len(e) > 3:
            assert (m.basis, m.kind)[:len(e) - 3] == e[3:], text[m.start:m.end]
        assert m.conflict is None


def test_enough_cases():
    assert len(CASES) >= 60


CONFLICTS = [
    pytest.param("وقال يوم أمس الأربعاء إن", PUB_2017, "يوم أمس الأربعاء", "2017-09-24", ["الأربعاء", "Sunday 2017-09-24"], id="yesterday-not-wednesday"),
    pytest.param("صدر اليوم (الجمعة) بيان", PUB_2017, "اليوم (الجمعة)", "2017-09-25", ["الجمعة", "Monday"], id="today-not-friday"),
    pytest.param("في مدة أقصاها الأربعاء 5 / 11 / 1436 هـ .", None, "الأربعاء 5 / 11 / 1436 هـ", "2015-08-20", ["الأربعاء", "Thursday"], id="hijri-date-not-wednesday"),
    pytest.param("9 شوال 1436هـ، الموافق 26 يوليو 2015", None, "26 يوليو 2015", "2015-07-26", ["2015-07-25"], id="calendars-disagree"),
    pytest.param("وفي يوم الجمعة 12 يوليو أعلن", PUB_2015, "يوم الجمعة 12 يوليو", "2015-07-12", ["الجمعة", "Sunday"], id="weekday-fits-no-nearby-year"),
]


@pytest.mark.parametrize("text,published,snippet,iso,words", CONFLICTS)
def test_conflicts_are_reported(text, published, snippet, iso, words):
    found = {text[m.start:m.end]: m for m in find_dates(text, published)}
    m = found[snippet]
    assert m.value.isoformat() == iso
    assert m.conflict is not None and all(w in m.conflict for w in words), m.conflict


def test_published_may_be_a_datetime():
    found = find_dates("وقال أمس إن", dt.datetime(2017, 9, 25, 23, 59))
    assert [(m.value, type(m.value)) for m in found] == [(D(2017, 9, 24), D)]


def test_unresolved_on_request():
    found = find_dates("وقال أمس إن", None, include_unresolved=True)
    assert [(m.value, m.basis) for m in found] == [(None, "relative")]


def test_scan_only_at_start_words_equals_full_scan():
    """_matches tries the big regex only where a date can begin; it must find
    exactly what a plain finditer over every position finds."""
    text = " ".join(p.values[0] for p in CASES + CONFLICTS) + " و" + " ف".join(p.values[0] for p in CASES)
    norm = dates._fold(text)[0]
    assert [m.span() for m in dates._matches(norm)] == [m.span() for m in dates._DATE_RE.finditer(norm)]


# --- documents

@pytest.mark.parametrize("value,expected", [
    ("Mon, 26 Feb 2018 02:20:10 GMT", D(2018, 2, 26)),
    ("Sun, 15 Jul 2018 21:56:56 +0400", D(2018, 7, 15)),
    ("2015-07-21 02:51:32", D(2015, 7, 21)),
    ("2015-07-21T02:51:32Z", D(2015, 7, 21)),
    ("2015-07-21", D(2015, 7, 21)),
    ("", None),
    ("not a date", None),
    ("Mon, 31 Feb 2018 02:20:10 GMT", None),
])
def test_parse_source_time(value, expected):
    got = parse_source_time(value)
    assert got == ((expected, "day") if expected else None)


@pytest.mark.parametrize("text,expected", [
    ("موسكو - رويترز\n2015-11-16\nقال وزير الخارجية الروسي", (D(2015, 11, 16), "day")),
    ("الرياض: 26 شوال 1436 هـ\nأعلنت الوزارة", (D(2015, 8, 11), "day")),
    ("جدة 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس\nأعلنت الوزارة", (D(2015, 8, 11), "day")),
    ("كتب: محمد علي - أيلول 2015\nنص المقال", (D(2015, 9, 1), "month")),
    ("موسكو 16 نوفمبر 2015 (رويترز) - قال وزير الخارجية الروسي " + "إن الضربات مستمرة " * 10 + "\nنص", (D(2015, 11, 16), "day")),
    # a long first paragraph naming a date describes an event, not the byline
    ("قال الوزير إن " + "الاتفاق الذي وقع " * 10 + "في 16/11/2015 سيبقى\nنص", None),
    # so does a short sentence
    ("ولد الفنان في 8 سبتمبر 1989 في القاهرة.\nنص", None),
    ("وتنتهي المهلة في السابع من مايو 2019.\nنص", None),
    ("* 28 مايو 1990: عقدت القمة العربية في بغداد " + "لبحث الأمن القومي " * 8 + "\nنص", None),  # a timeline
    ("سطر أول طويل " * 12 + "\nومنذ تأسيسها في 16 رمضان عام 1395 - 1975 " + "وعلى مدى عقود " * 8, None),
    ("ولد الفنان في 8 سبتمبر 1989 في القاهرة\nنص", None),
    ("أعلن اليوم الوزير أن\nنص", None),  # relative: not a publication date
    ("سطر\nسطر\nسطر\n2015-11-16", None),  # too far down
])
def test_byline_date(text, expected):
    assert byline_date(text) == expected


# --- statements

def _statements(text, rows):
    """rows: (clause, verb, content) substrings of text -> a STATEMENTS table."""
    out = []
    for clause, verb, content in rows:
        cs = text.index(clause)
        vs = text.index(verb, cs)
        ks = text.index(content, cs) if content else None
        out.append({"doc_id": "d1", "char_start": cs, "char_end": cs + len(clause), "verb_start": vs,
                    "verb_end": vs + len(verb), "content_start": ks, "content_end": ks + len(content) if content else None})
    return schemas.conform(pl.DataFrame(out), schemas.STATEMENTS)


def _documents(text, published, precision="day"):
    return schemas.conform(pl.DataFrame({"doc_id": ["d1"], "text": [text], "published": [published],
                                         "published_precision": [precision if published else None]},
                                        schema_overrides={"published": pl.Date}), schemas.DOCUMENTS)


STATEMENT_TEXT = (
    "وقال لافروف في كلمة ألقاها أمس إن الضربات التي وقعت في 16/11/2015 كانت خطأ. "
    "وكانت وزارة الدفاع الروسية أعلنت أمس أن طائراتها قصفت مواقع. "
    "وأضاف أن الاجتماع المقبل سيعقد في 5 ديسمبر 2017. "
    "«لن نتراجع» قال المتحدث الخميس الماضي. "
)
STATEMENT_ROWS = [
    ("وقال لافروف في كلمة ألقاها أمس إن الضربات التي وقعت في 16/11/2015 كانت خطأ", "وقال",
     "الضربات التي وقعت في 16/11/2015 كانت خطأ"),
    ("وكانت وزارة الدفاع الروسية أعلنت أمس أن طائراتها قصفت مواقع", "أعلنت", "طائراتها قصفت مواقع"),
    ("وأضاف أن الاجتماع المقبل سيعقد في 5 ديسمبر 2017", "وأضاف", "الاجتماع المقبل سيعقد في 5 ديسمبر 2017"),
    ("«لن نتراجع» قال المتحدث الخميس الماضي", "قال", "لن نتراجع"),
]


def test_date_statements_uses_the_reporting_frame_not_the_content():
    st = _statements(STATEMENT_TEXT, STATEMENT_ROWS)
    out = date_statements(st, _documents(STATEMENT_TEXT, PUB_2017))
    assert out.columns == st.columns
    got = list(zip(out["statement_date"].to_list(), out["date_precision"].to_list(), out["date_basis"].to_list()))
    assert got == [
        (D(2017, 9, 24), "day", "relative"),  # أمس in "في كلمة ألقاها أمس", not 16/11/2015 in the content
        (D(2017, 9, 24), "day", "relative"),  # أعلنت أمس
        (PUB_2017, "day", "published"),  # the date in the content is the meeting's, not the statement's
        (D(2017, 9, 21), "day", "relative"),  # content first, then the verb and its weekday
    ]


def test_date_statements_falls_back_to_published_then_none():
    st = _statements(STATEMENT_TEXT, STATEMENT_ROWS[2:3])
    by_month = date_statements(st, _documents(STATEMENT_TEXT, D(2017, 9, 1), "month"))
    assert by_month.select("statement_date", "date_precision", "date_basis").row(0) == (D(2017, 9, 1), "month", "published")
    unknown = date_statements(_statements(STATEMENT_TEXT, STATEMENT_ROWS), _documents(STATEMENT_TEXT, None))
    # without a publication date relative words cannot be resolved: null, 'none'
    assert unknown["date_basis"].to_list() == ["none"] * 4
    assert unknown["statement_date"].null_count() == 4


@pytest.mark.parametrize("published,expected", [
    (PUB_2017, (D(2017, 9, 1), "month", "relative")),  # last week = 18-24 Sept
    (D(2017, 10, 4), (D(2017, 1, 1), "year", "relative")),  # last week = 25 Sept - 1 Oct
])
def test_date_statements_week_fits_the_contract(published, expected):
    text = "وقال الوزير الأسبوع الماضي إن الوضع مستقر."
    st = _statements(text, [(text[:-1], "وقال", "الوضع مستقر")])
    out = date_statements(st, _documents(text, published))
    assert out.select("statement_date", "date_precision", "date_basis").row(0) == expected


def test_date_statements_explicit_frame_date():
    text = "وقال الوزير في مؤتمر صحفي عقده في 16/11/2015 إن الوضع مستقر."
    st = _statements(text, [(text[:-1], "وقال", "الوضع مستقر")])
    out = date_statements(st, _documents(text, PUB_2017))
    assert out.select("statement_date", "date_precision", "date_basis").row(0) == (D(2015, 11, 16), "day", "text")


def test_tables_are_folded_consistently():
    # every month and weekday key, written with hamza and ta marbuta, is found
    for table in [*dates.GREGORIAN_MONTHS.values(), dates.HIJRI_MONTHS]:
        for name, number in table.items():
            if name in dates.AMBIGUOUS_MONTHS:
                continue
            year = 1436 if table is dates.HIJRI_MONTHS else 2015
            found = find_dates(f"في {name} {year} حدث")
            assert len(found) == 1 and found[0].precision == "month", name
            assert re.sub(r"\s+", " ", f"في {name} {year} حدث"[found[0].start:found[0].end]) == f"{name} {year}"


MARKS = ["\u0640", "\u064e", "\u064b", "\u0651", "\u0652"]  # tatweel, fatha, fathatan, shadda, sukun


@pytest.mark.parametrize("seed", range(3))
def test_marks_inside_words_change_nothing_but_offsets(seed):
    """Harakat and tatweel between letters ("الأحــــد", "غداً") must not change
    what is found, and offsets must still frame the dated text as written."""
    import random

    rng = random.Random(seed)
    for p in CASES:
        text, published, expected = p.values
        if not expected:
            continue
        marked = "".join(c + (rng.choice(MARKS) if "\u0621" <= c <= "\u064a" and rng.random() < 0.3 else "")
                         for c in text)
        found = find_dates(marked, published)
        assert [m.value.isoformat() for m in found] == [e[1] for e in expected], (p.id, marked)
        for m, e in zip(found, expected):
            span = marked[m.start:m.end]
            assert dates._MARKS.sub("", span) == dates._MARKS.sub("", e[0]), (p.id, span)


@pytest.mark.parametrize("published,precision,expected", [
    # a frame date after publication is a scheduled event, not when the statement was made
    (D(2018, 5, 30), "day", (D(2018, 5, 30), "day", "published")),
    # a document known only to the month can report a statement made later in that month
    (D(2018, 6, 1), "month", (D(2018, 6, 12), "day", "text")),
])
def test_date_statements_never_after_publication(published, precision, expected):
    text = "وقال ترامب إن القمة في موعدها المقرر 12 يونيو 2018 في سنغافورة، مؤكدا أنه سيحضرها."
    frame_end = text.index("مؤكدا")
    st = _statements(text, [(text[:frame_end], "وقال", None)])
    out = date_statements(st, _documents(text, published, precision))
    assert out.select("statement_date", "date_precision", "date_basis").row(0) == expected

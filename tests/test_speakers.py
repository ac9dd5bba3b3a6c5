"""Speaker registry and resolution (analysis.speakers)."""

import re

import polars as pl
import pytest

from analysis.speakers import (
    default_registry_path,
    load_registry,
    resolve,
    slugify,
    transliterate,
)


@pytest.fixture(scope="module")
def reg():
    return load_registry(default_registry_path())


def test_default_registry_exists_and_loads(reg):
    assert default_registry_path().name == "speakers.csv"
    assert len(reg) > 50


def test_spelling_variants_map_to_one_id(reg):
    ids = {resolve(n, None, 2018, reg).speaker_id for n in ("سيرغي لافروف", "سيرجي لافروف", "سيرجى لافروف", "لافروف")}
    assert ids == {"sergey-lavrov"}


def test_title_with_year(reg):
    assert resolve("وزير الخارجية الروسي", "وزير الخارجية الروسي", 2018, reg).speaker_id == "sergey-lavrov"
    assert resolve("الرئيس الأمريكي", "الرئيس الأمريكي", 2015, reg).speaker_id == "barack-obama"
    assert resolve("الرئيس الأمريكي", "الرئيس الأمريكي", 2018, reg).speaker_id == "donald-trump"


def test_name_beats_title(reg):
    sp = resolve("نائب وزير الخارجية الروسي سيرغي ريابكوف", "نائب وزير الخارجية الروسي", 2018, reg)
    assert sp.speaker_id == "sergey-ryabkov"


def test_unregistered_speaker_gets_stable_ascii_id(reg):
    a = resolve("عبد الحكيم العسيلي", None, 2018, reg)
    b = resolve("عبد الحكيم العسيلي", None, 2019, reg)
    assert a.speaker_id == b.speaker_id
    assert a.speaker_id.startswith("unreg:")
    assert re.fullmatch(r"unreg:[a-z0-9-]+", a.speaker_id)
    assert not a.registered
    assert a.name_en  # romanised


def test_unregistered_title_only(reg):
    sp = resolve("المتحدث باسم بلدية القدس", "المتحدث باسم بلدية القدس", 2018, reg)
    assert sp.speaker_id.startswith("unreg:")


def test_slug_and_transliteration():
    assert slugify("مولود جاويش أوغلو") == "mwlwd-jawysh-awghlw"
    assert slugify("مولود جاويش أوغلو") == slugify("مولود جاويش اوغلو")
    assert transliterate("الكوكباني").startswith("al-")


def test_users_can_point_to_another_registry(tmp_path):
    p = tmp_path / "s.csv"
    p.write_text(
        "id,kind,gender,name_ar,name_en,variants,titles,affiliation\n"
        "x-person,person,m,فلان الفلاني,Fulan,الفلاني,مدير الشركة@2010-2012,\n",
        encoding="utf-8",
    )
    r = load_registry(p)
    assert resolve("الفلاني", None, None, r).speaker_id == "x-person"
    assert resolve("مدير الشركة", "مدير الشركة", 2011, r).speaker_id == "x-person"
    assert resolve("مدير الشركة", "مدير الشركة", 2015, r).speaker_id != "x-person"


def test_unnamed_sources_are_not_pooled_across_documents():
    from analysis import schemas
    from analysis.statements import extract_statements

    docs = schemas.conform(pl.DataFrame({
        "doc_id": ["a", "b"],
        "text": ["وقال مصدر عسكري إن القوات تقدمت نحو المدينة. وأضاف المصدر أن المعارك مستمرة.",
                 "وقال مصدر عسكري إن الهجوم فشل. وقالت الولايات المتحدة إنها تتابع الوضع عن كثب."],
    }), schemas.DOCUMENTS)
    found = extract_statements(docs)
    ids = dict(zip(zip(found["doc_id"], found["speaker_name"]), found["speaker_id"]))
    source_a, source_b = ids[("a", "مصدر عسكري")], ids[("b", "مصدر عسكري")]
    assert source_a != source_b and source_a.startswith("anon:") and source_a.endswith("@a")
    # a named state is one speaker across the corpus, not an anonymous source
    us = [i for (d, n), i in ids.items() if n == "الولايات المتحدة"]
    assert us and all(not i.startswith("anon:") for i in us)

"""Property tests: the extractor never crashes, hangs or leaves its document."""

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import schemas
from analysis.statements import extract_statements
from analysis.text import normalize_with_offsets, split_sentences

PIECES = [
    "قال", "وقال", "قالت", "وأضاف", "وتابعت", "أكد", "مشيراً إلى", "لافتة إلى", "نقلت وكالة", "عن", "قوله",
    "إن", "أن", "بأن", "الوزير", "وزير الخارجية الروسي", "سيرغي لافروف", "ماريا زاخاروفا", "الحكومة السورية",
    "المتحدث باسم", "في", "خلال", "الثلاثاء", "وكان", "قد", "أما", "فقال", "تابعوا", "ذكره", "بيّن",
    "“", "”", "«", "»", '"', ":", "،", ".", "!", "؟", "\n", " ", "  ", "ـــ", "َ", "ّ", "ً",
    "Lavrov", "said", "U.S.", "3.5", "#وسم_عربي", "(", ")", "٢٠١٨", "\t", "😀",
]

text_strategy = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=60).map(" ".join)


def _docs(texts):
    return pl.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(text_strategy, min_size=1, max_size=4))
def test_offsets_stay_inside_their_document(texts):
    out = extract_statements(_docs(texts))
    assert out.schema == pl.Schema(schemas.STATEMENTS)
    lengths = {f"d{i}": len(t) for i, t in enumerate(texts)}
    for r in out.iter_rows(named=True):
        n = lengths[r["doc_id"]]
        assert 0 <= r["char_start"] <= r["char_end"] <= n
        assert r["char_start"] <= r["verb_start"] <= r["verb_end"] <= r["char_end"] or r["is_headline"]
        assert 0 <= r["content_start"] <= r["content_end"] <= n
        text = texts[int(r["doc_id"][1:])]
        assert text[r["content_start"] : r["content_end"]] == r["content"]
        if r["speaker_mention"] is not None:
            assert r["speaker_mention"] in text
        assert r["speaker_id"] and r["mode"] in ("direct", "indirect", "mixed")


@settings(max_examples=150, deadline=None)
@given(text_strategy)
def test_sentences_and_offsets_are_consistent(text):
    spans = split_sentences(text)
    prev_end = 0
    for a, b in spans:
        assert prev_end <= a < b <= len(text)
        prev_end = b
    norm, offs = normalize_with_offsets(text)
    if offs is not None:
        assert len(offs) == len(norm) + 1
        assert all(text[offs[i]] == text[offs[i]] for i in range(len(norm)))
        assert list(offs) == sorted(offs)


def test_one_megabyte_single_line_completes():
    unit = "وقال وزير الخارجية الروسي سيرغي لافروف إن “الوضع صعب، مشيراً إلى أن الحل ممكن "
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    out = extract_statements(_docs([text]))
    assert out.height > 0
    assert out["char_end"].max() <= len(text)


def test_no_arabic_and_empty():
    out = extract_statements(_docs(["", "   ", "Only English text. He said: yes.", "12345", "\n\n\n"]))
    assert out.height == 0

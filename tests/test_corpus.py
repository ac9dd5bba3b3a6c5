"""Corpus loading: every format, every bad-input case, nothing lost.

Fixtures are written by the tests themselves into tmp_path.
"""

import io
import json
import tarfile
import zipfile

import polars as pl
import pytest

from analysis import corpus
from analysis.corpus import CorpusError, load_corpus

ARTICLE = (
    "وقال وزير الخارجية في مؤتمر صحفي إن بلاده ترفض أي تدخل في شؤونها الداخلية، "
    "مشيراً إلى أن الحوار هو السبيل الوحيد لحل الأزمة.\n"
    "وأضاف أن الحكومة ستواصل العمل مع الشركاء الإقليميين والدوليين.\n"
)
OTHER = (
    "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في العاصمة، "
    "وأكدت أن المستشفى سيستقبل المرضى اعتباراً من الأسبوع المقبل.\n"
)
THIRD = "ذكرت وكالة الأنباء أن الرئيس استقبل وفداً برلمانياً وبحث معه سبل تعزيز التعاون بين البلدين.\n"


def trec(docno, text, time="Mon, 26 Feb 2018 02:20:10 GMT", src="BBC", title="عنوان الخبر"):
    return (f"<DOC>\n<DOCNO>{docno}</DOCNO>\n<URL>http://example.org/{docno}</URL>\n<SRC>{src}</SRC>\n"
            f"<TITLE>{title}</TITLE>\n<TIME>{time}</TIME>\n<AUTHOR></AUTHOR>\n<TEXT>{text}</TEXT>\n</DOC>\n")


def write(path, content, encoding="utf-8"):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode(encoding))
    return path


def statuses(manifest):
    return dict(zip(manifest["path"].to_list(), manifest["status"].to_list()))


def reason_for(manifest, fragment):
    rows = manifest.filter(pl.col("path").str.contains(fragment, literal=True))
    assert rows.height == 1, f"expected one manifest row for {fragment}, got {rows}"
    return rows.row(0, named=True)


# ---------------------------------------------------------------- formats

def test_txt_folder_recursive_doc_id_is_stem_and_text_exact(tmp_path):
    write(tmp_path / "a" / "one.txt", ARTICLE)
    write(tmp_path / "b" / "c" / "two.txt", OTHER)
    documents, manifest = load_corpus(tmp_path)
    assert sorted(documents["doc_id"]) == ["one", "two"]
    assert documents.filter(pl.col("doc_id") == "one")["text"][0] == ARTICLE
    assert set(documents["format"]) == {"txt"}
    assert manifest.height == 2 and set(manifest["status"]) == {"loaded"}


def test_trec_fields_and_text_between_tags(tmp_path):
    write(tmp_path / "BBC" / "x.txt", trec("BB-1", "\n" + ARTICLE) + trec("BB-2", "\n" + OTHER, src="BBC"))
    documents, manifest = load_corpus(tmp_path)
    row = documents.filter(pl.col("doc_id") == "BB-1").row(0, named=True)
    assert row["text"] == "\n" + ARTICLE
    assert row["format"] == "trec" and row["outlet"] == "BBC" and row["url"] == "http://example.org/BB-1"
    assert row["title"] == "عنوان الخبر"
    assert str(row["published"]) == "2018-02-26" and row["published_basis"] == "source"
    assert manifest.height == 2  # one row per record, not per file


def test_trec_malformed_records_rejected_with_reason(tmp_path):
    broken = "<DOC>\n<DOCNO>BAD-1</DOCNO>\n<TITLE>x</TITLE>\n</DOC>\n<DOC>\n<TEXT>" + OTHER + "</TEXT>\n</DOC>\n"
    write(tmp_path / "t.txt", trec("OK-1", ARTICLE) + broken)
    documents, manifest = load_corpus(tmp_path)
    assert documents["doc_id"].to_list() == ["OK-1"]
    reasons = manifest.filter(pl.col("status") == "rejected")["reason"].to_list()
    assert any("no <TEXT>" in r for r in reasons) and any("no <DOCNO>" in r for r in reasons)
    assert manifest.height == 3


def test_json_array_like_saudinewsnet(tmp_path):
    records = [
        {"source": "aawsat", "url": "http://a/1", "date_extracted": "2015-07-21 02:51:32", "title": "t", "author": "", "content": ARTICLE},
        {"source": "okaz", "url": "http://a/2", "date_extracted": "2015-07-22 10:00:00", "title": "t2", "author": "", "content": OTHER},
    ]
    write(tmp_path / "day.json", json.dumps(records, ensure_ascii=False))
    documents, manifest = load_corpus(tmp_path)
    assert documents.height == 2 and manifest.height == 2
    assert set(documents["outlet"]) == {"aawsat", "okaz"}
    assert set(documents["published_basis"]) == {"source"}
    # records without an id get a stable content-derived one
    again, _ = load_corpus(tmp_path)
    assert documents["doc_id"].to_list() == again["doc_id"].to_list()
    assert all(d.startswith("json-") for d in documents["doc_id"])


def test_jsonl_with_bad_line(tmp_path):
    lines = [json.dumps({"id": "j1", "text": ARTICLE}, ensure_ascii=False), "{not json", json.dumps({"id": "j2", "text": OTHER}, ensure_ascii=False)]
    write(tmp_path / "a.jsonl", "\n".join(lines) + "\n")
    documents, manifest = load_corpus(tmp_path)
    assert sorted(documents["doc_id"]) == ["j1", "j2"]
    bad = reason_for(manifest, "a.jsonl#2")
    assert bad["status"] == "rejected" and "malformed JSON" in bad["reason"]


def test_malformed_json_file_and_record_without_text(tmp_path):
    write(tmp_path / "broken.json", '[{"text": "نص"')
    write(tmp_path / "notext.json", json.dumps([{"id": "n1", "body_html": "<p>x</p>"}, {"id": "n2", "text": ARTICLE}], ensure_ascii=False))
    documents, manifest = load_corpus(tmp_path)
    assert documents["doc_id"].to_list() == ["n2"]
    assert "malformed JSON" in reason_for(manifest, "broken.json")["reason"]
    assert "no text field" in reason_for(manifest, "notext.json#1")["reason"]


def test_csv_and_parquet_with_configurable_columns(tmp_path):
    pl.DataFrame({"article_id": ["c1", "c2"], "body_text": [ARTICLE, OTHER], "paper": ["X", "Y"]}).write_csv(tmp_path / "a.csv")
    pl.DataFrame({"article_id": ["p1"], "body_text": [THIRD * 2]}).write_parquet(tmp_path / "b.parquet")
    columns = corpus.Columns(text="body_text", doc_id="article_id", outlet="paper")
    documents, manifest = load_corpus(tmp_path, columns=columns)
    assert sorted(documents["doc_id"]) == ["c1", "c2", "p1"]
    assert documents.filter(pl.col("doc_id") == "c1")["outlet"][0] == "X"
    assert documents.filter(pl.col("doc_id") == "c1")["text"][0] == ARTICLE


def test_csv_without_text_column_is_named(tmp_path):
    pl.DataFrame({"id": ["c1"], "words": [ARTICLE]}).write_csv(tmp_path / "a.csv")
    with pytest.raises(CorpusError) as error:
        load_corpus(tmp_path)
    assert "no text column" in str(error.value)


def test_zip_and_tar_archives_of_any_format(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("inner/one.txt", ARTICLE.encode())
        archive.writestr("day.json", json.dumps([{"id": "z2", "text": OTHER}], ensure_ascii=False).encode())
    write(tmp_path / "corpus.zip", buffer.getvalue())
    tar_buffer = io.BytesIO()
    with tarfile.open(fileobj=tar_buffer, mode="w:gz") as archive:
        data = trec("T-1", THIRD * 2).encode()
        info = tarfile.TarInfo("BBC/world/T-1.txt")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    write(tmp_path / "ant.tar.gz", tar_buffer.getvalue())
    documents, manifest = load_corpus(tmp_path)
    assert sorted(documents["doc_id"]) == ["T-1", "one", "z2"]
    assert any("corpus.zip::inner/one.txt" in p for p in manifest["path"])


def test_format_can_be_forced(tmp_path):
    write(tmp_path / "records.dat", json.dumps([{"id": "f1", "text": ARTICLE}], ensure_ascii=False))
    documents, _ = load_corpus(tmp_path, fmt="json")
    assert documents["doc_id"].to_list() == ["f1"]


# ---------------------------------------------------------------- bad input

def test_windows_1256_is_decoded_and_recorded(tmp_path):
    write(tmp_path / "legacy.txt", ARTICLE, encoding="cp1256")
    documents, manifest = load_corpus(tmp_path)
    assert documents["text"][0] == ARTICLE
    assert documents["encoding"][0] == "cp1256"
    assert "decoded as cp1256" in reason_for(manifest, "legacy.txt")["reason"]


def test_undecodable_bytes_rejected(tmp_path):
    write(tmp_path / "latin.txt", "Ceci n'est pas de l'arabe: éèà " * 5, encoding="latin-1")
    write(tmp_path / "ok.txt", ARTICLE)
    documents, manifest = load_corpus(tmp_path)
    row = reason_for(manifest, "latin.txt")
    assert row["status"] == "rejected" and "invalid UTF-8" in row["reason"]


def test_bom_removed_crlf_kept_offsets_index_stored_text(tmp_path):
    crlf = ARTICLE.replace("\n", "\r\n")
    write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + crlf.encode())
    documents, _ = load_corpus(tmp_path)
    text = documents["text"][0]
    assert text == crlf and not text.startswith("\ufeff")
    assert documents["encoding"][0] == "utf-8-sig"
    start = text.index("وأضاف")
    assert text[start:start + 5] == "وأضاف"


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", "   \n\n ".encode(), "empty text"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
    ("english.txt", ("This text has no Arabic in it at all. " * 5).encode(), "no Arabic text"),
    ("notes.md", ARTICLE.encode(), "unsupported file type"),
])
def test_bad_files_are_rejected_with_their_reason(tmp_path, name, content, reason):
    write(tmp_path / "good.txt", ARTICLE)
    write(tmp_path / name, content)
    documents, manifest = load_corpus(tmp_path)
    row = reason_for(manifest, name)
    assert row["status"] == "rejected" and reason in row["reason"]
    assert documents["doc_id"].to_list() == ["good"]
    assert manifest.height == 2  # inputs in = manifest rows out


def test_nothing_loads_is_an_error_naming_the_corpus(tmp_path):
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "english.txt", b"no arabic here " * 10)
    with pytest.raises(CorpusError) as error:
        load_corpus(tmp_path)
    assert str(tmp_path) in str(error.value) and "no document could be loaded" in str(error.value)


def test_missing_path_is_an_error(tmp_path):
    with pytest.raises(CorpusError, match="no such file"):
        load_corpus(tmp_path / "nowhere")


def test_duplicate_documents_across_corpus(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "copy" / "b.txt", ARTICLE)  # the same article under another name
    write(tmp_path / "c.txt", OTHER)
    documents, manifest = load_corpus(tmp_path)
    assert sorted(documents["doc_id"]) == ["a", "c"]
    row = reason_for(manifest, "b.txt")
    assert row["status"] == "duplicate" and "a" in row["reason"]


def test_same_stem_different_text_is_kept_under_a_new_id(tmp_path):
    write(tmp_path / "x" / "same.txt", ARTICLE)
    write(tmp_path / "y" / "same.txt", OTHER)
    documents, manifest = load_corpus(tmp_path)
    assert documents.height == 2 and documents["doc_id"].is_unique().all()
    assert manifest.filter(pl.col("reason").str.contains("already used")).height == 1


# ---------------------------------------------------------------- metadata

def test_metadata_wins_and_mismatches_are_reported(tmp_path):
    write(tmp_path / "one.txt", ARTICLE)
    write(tmp_path / "two.txt", OTHER)
    write(tmp_path / "metadata.csv",
          "doc_id,outlet,url,published,published_precision,published_basis,evidence\n"
          "one,SANA,,2017-05-31,day,metadata,inferred\n"
          "ghost,SANA,,2017-01-01,day,metadata,no such file\n"
          "three_month,X,,2019-06,month,metadata,month only\n")
    documents, manifest = load_corpus(tmp_path)
    one = documents.filter(pl.col("doc_id") == "one").row(0, named=True)
    assert one["outlet"] == "SANA" and str(one["published"]) == "2017-05-31"
    assert one["published_basis"] == "metadata" and one["published_precision"] == "day"
    ghost = manifest.filter(pl.col("doc_id") == "ghost").row(0, named=True)
    assert ghost["status"] == "rejected" and "metadata.csv" in ghost["reason"] and "not in the corpus" in ghost["reason"]
    two = manifest.filter(pl.col("doc_id") == "two").row(0, named=True)
    assert two["status"] == "loaded" and "no row in" in two["reason"]
    assert "metadata.csv" not in " ".join(documents["source_path"])  # the metadata file is not an article


def test_month_precision_metadata(tmp_path):
    write(tmp_path / "m.txt", ARTICLE)
    write(tmp_path / "meta.csv", "doc_id,published,published_precision\nm,2019-06,month\n")
    documents, _ = load_corpus(tmp_path, metadata=tmp_path / "meta.csv")
    row = documents.row(0, named=True)
    assert str(row["published"]) == "2019-06-01" and row["published_precision"] == "month"


def test_byline_date_in_text_when_no_metadata(tmp_path):
    write(tmp_path / "dated.txt", "دمشق 2015-11-16\n" + ARTICLE)
    documents, _ = load_corpus(tmp_path)
    row = documents.row(0, named=True)
    assert str(row["published"]) == "2015-11-16" and row["published_basis"] == "text"


def test_source_line_gives_outlet(tmp_path):
    write(tmp_path / "s.txt", ARTICLE + "المصدر: سانا\n")
    documents, _ = load_corpus(tmp_path)
    assert documents["outlet"][0] == "سانا"

"""The streaming, cached extraction job (functional, not timed).

The corpus is built from the project's seed texts: each seed file plus
copies whose paragraphs are reordered, so there are several distinct
documents with real statements in them.  Counting calls (monkeypatch, one
worker: work runs in this process) shows what a re-run reads and extracts.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest

from analysis import clean, config, corpus, pipeline, statements

SEEDS = config.SEEDS_DIR
TABLES = ("documents", "manifest", "flags", "statements")


def make_corpus(folder: Path, copies: int = 2) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        (folder / seed.name).write_text(text, encoding="utf-8")
        paragraphs = [p for p in text.split("\n") if p.strip()]
        for k in range(1, copies):
            rotated = paragraphs[k % len(paragraphs):] + paragraphs[: k % len(paragraphs)]
            (folder / f"{seed.stem}_v{k}.txt").write_text("\n".join(rotated) + "\n", encoding="utf-8")
    shutil.copy(SEEDS / "speakers.csv", folder / "speakers.csv")
    return folder


class Counter:
    """Wraps a function and records the first argument of every call."""

    def __init__(self, fn):
        self.fn, self.calls = fn, []

    def __call__(self, *args, **kwargs):
        self.calls.append(args[0] if args else None)
        return self.fn(*args, **kwargs)


@pytest.fixture
def counted(monkeypatch):
    parse = Counter(corpus.parse_blob)
    extract = Counter(statements.extract_statements)
    monkeypatch.setattr(corpus, "parse_blob", parse)
    monkeypatch.setattr(statements, "extract_statements", extract)
    return parse, extract


def run(corpus_dir, out, **kwargs):
    kwargs.setdefault("workers", 1)
    kwargs.setdefault("drop_duplicates", False)
    kwargs.setdefault("progress", False)
    return pipeline.run_extract(corpus_dir, out, **kwargs)


def assert_same_tables(a: Path, b: Path):
    ta, tb = pipeline.read_tables(a), pipeline.read_tables(b)
    for name in TABLES:
        assert ta[name].equals(tb[name]), f"{name} differs between {a} and {b}"
    assert (a / "statements.csv").read_bytes() == (b / "statements.csv").read_bytes()


def extracted_ids(extract: Counter) -> int:
    return sum(frame.height for frame in extract.calls)


def test_streamed_tables_equal_the_in_memory_pipeline(tmp_path):
    src = make_corpus(tmp_path / "c")
    result = run(src, tmp_path / "out")
    documents, manifest = corpus.load_corpus(src, drop_duplicates=False)
    flags, found = pipeline.extract_tables(documents, str(src / "speakers.csv"))
    tables = pipeline.read_tables(tmp_path / "out")
    assert tables["documents"].equals(documents)
    assert tables["manifest"].sort("path").equals(manifest.sort("path"))
    by = ["doc_id", "char_start", "char_end", "kind"]
    assert tables["flags"].sort(by).equals(flags.sort(by))
    by = ["doc_id", "char_start", "char_end", "verb_start"]
    assert tables["statements"].sort(by).equals(found.sort(by))
    assert result.statements == found.height > 0 and result.documents == documents.height


def test_unchanged_corpus_reuses_everything(tmp_path, counted):
    parse, extract = counted
    src = make_corpus(tmp_path / "c")
    run(src, tmp_path / "out")
    assert parse.calls and extract.calls
    cold = {n: pipeline.read_tables(tmp_path / "out")[n] for n in TABLES}
    parse.calls.clear(), extract.calls.clear()

    again = run(src, tmp_path / "out")  # same run key: nothing at all is done
    assert again.timings.get("up_to_date") and not parse.calls and not extract.calls

    (tmp_path / "out" / "run-key.json").unlink()  # force the cache path
    run(src, tmp_path / "out")
    assert not parse.calls, "an unchanged file was read again"
    assert not extract.calls, "cached results were extracted again"
    for name in TABLES:
        assert pipeline.read_tables(tmp_path / "out")[name].equals(cold[name])


def test_added_file_is_the_only_one_read_and_extracted(tmp_path, counted):
    parse, extract = counted
    src = make_corpus(tmp_path / "c")
    run(src, tmp_path / "out")
    parse.calls.clear(), extract.calls.clear()
    extra = src / "zz_added.txt"
    extra.write_text((SEEDS / "demo_01_harvest.txt").read_text(encoding="utf-8") + "\nفقرة جديدة في آخر النص.\n",
                     encoding="utf-8")
    run(src, tmp_path / "out")
    assert parse.calls == [str(extra)]
    assert extracted_ids(extract) == 1
    run(src, tmp_path / "cold", use_cache=False)
    assert_same_tables(tmp_path / "out", tmp_path / "cold")


def test_changed_file_is_read_again_and_its_old_records_are_gone(tmp_path, counted):
    parse, extract = counted
    src = make_corpus(tmp_path / "c")
    run(src, tmp_path / "out")
    parse.calls.clear(), extract.calls.clear()
    changed = src / "demo_02_water.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("\n", "\n\n", 1), encoding="utf-8")
    run(src, tmp_path / "out")
    assert parse.calls == [str(changed)]
    assert extracted_ids(extract) == 1
    run(src, tmp_path / "cold", use_cache=False)
    assert_same_tables(tmp_path / "out", tmp_path / "cold")


def test_registry_change_reextracts_without_reading_the_corpus(tmp_path, counted):
    parse, extract = counted
    src = make_corpus(tmp_path / "c")
    run(src, tmp_path / "out")
    before = pipeline.read_tables(tmp_path / "out")["statements"]
    parse.calls.clear(), extract.calls.clear()
    registry = pl.read_csv(src / "speakers.csv", infer_schema=False)
    # register an unregistered speaker named in full: their statements must gain the id
    named = before.filter(pl.col("speaker_id").str.starts_with("unreg:") & (pl.col("speaker_mention") == pl.col("speaker_name"))
                          & pl.col("speaker_kind").is_in(["person", "organization"]))
    name, kind = named.sort("speaker_name").select("speaker_name", "speaker_kind").row(0)
    added = {c: None for c in registry.columns} | {"id": "added-speaker", "kind": kind, "name_ar": name,
                                                   "name_en": "Added Speaker"}
    pl.concat([registry, pl.DataFrame([added], schema=registry.schema)]).write_csv(src / "speakers.csv")
    run(src, tmp_path / "out")
    assert not parse.calls, "the corpus was read again for a registry change"
    assert extracted_ids(extract) == pipeline.read_tables(tmp_path / "out")["documents"].height
    after = pipeline.read_tables(tmp_path / "out")["statements"]
    assert "added-speaker" not in before["speaker_id"].to_list()
    assert "added-speaker" in after["speaker_id"].to_list()
    run(src, tmp_path / "cold", use_cache=False)
    assert_same_tables(tmp_path / "out", tmp_path / "cold")


def test_one_and_two_workers_give_identical_tables(tmp_path, monkeypatch):
    src = make_corpus(tmp_path / "c", copies=4)
    monkeypatch.setattr(pipeline, "SMALL_INPUT_BYTES", 0)  # really start two workers
    monkeypatch.setattr(pipeline, "BATCH_BYTES", 3000)  # several record parts and extraction tasks
    run(src, tmp_path / "one", workers=1)
    run(src, tmp_path / "two", workers=2)
    assert len(list((tmp_path / "two" / ".cache" / "records").glob("part-*.parquet"))) > 2
    assert_same_tables(tmp_path / "one", tmp_path / "two")


def test_documents_keep_corpus_order_across_parts(tmp_path, monkeypatch):
    src = make_corpus(tmp_path / "c", copies=3)
    monkeypatch.setattr(pipeline, "BATCH_BYTES", 2000)
    run(src, tmp_path / "out")
    documents = pipeline.read_tables(tmp_path / "out")["documents"]
    expected = [str(p) for p in corpus.iter_files(src) if p.suffix == ".txt"]
    assert documents["source_path"].to_list() == expected
    statements_order = pipeline.read_tables(tmp_path / "out")["statements"]["doc_id"].unique(maintain_order=True)
    ranks = {d: i for i, d in enumerate(documents["doc_id"].to_list())}
    assert [ranks[d] for d in statements_order] == sorted(ranks[d] for d in statements_order)


def test_rejected_and_renamed_records_reach_the_manifest(tmp_path):
    src = make_corpus(tmp_path / "c", copies=1)
    (src / "english.txt").write_text("english only " * 30, encoding="utf-8")
    sub = src / "again"
    sub.mkdir()
    (sub / "demo_01_harvest.txt").write_text("نص آخر مختلف تماما عن الأول " * 5, encoding="utf-8")
    run(src, tmp_path / "out")
    manifest = pipeline.read_tables(tmp_path / "out")["manifest"]
    documents, expected = corpus.load_corpus(src, drop_duplicates=False)
    assert manifest.sort("path").equals(expected.sort("path"))
    assert manifest.filter(pl.col("status") == "rejected").height == 1
    assert manifest["doc_id"].str.contains("~").any()


@pytest.mark.skipif(not hasattr(clean, "duplicate_documents"), reason="clean.duplicate_documents not available yet")
def test_duplicate_files_are_marked_once_across_the_corpus(tmp_path, monkeypatch):
    src = make_corpus(tmp_path / "c", copies=1)
    shutil.copy(src / "demo_01_harvest.txt", src / "zz_copy.txt")
    monkeypatch.setattr(pipeline, "BATCH_BYTES", 2000)  # the copy lands in another record part
    run(src, tmp_path / "out", drop_duplicates=True)
    manifest = pipeline.read_tables(tmp_path / "out")["manifest"]
    copy = manifest.filter(pl.col("path") == str(src / "zz_copy.txt"))
    assert copy["status"].to_list() == ["duplicate"]
    assert "demo_01_harvest" in copy["reason"][0]
    documents = pipeline.read_tables(tmp_path / "out")["documents"]
    assert "zz_copy" not in documents["doc_id"].to_list()


def test_cli_progress_is_quiet_when_stderr_is_not_a_terminal(tmp_path, capfd):
    src = make_corpus(tmp_path / "c", copies=1)
    pipeline.run_extract(src, tmp_path / "out", workers=1, drop_duplicates=False)
    assert "extracting" not in capfd.readouterr().err

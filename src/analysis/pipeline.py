"""The extraction job: corpus -> documents, manifest, flags, statements on disk.

Each stage is a pure function of tables (corpus, clean, statements, dates);
this module wires them together so that memory does not grow with the corpus
and nothing is computed twice:

1. read:     input files are read in the main process (archives streamed
             member by member) and sent in ~4 MB batches of raw bytes to
             worker processes, which decode and parse them and write a
             *record part* (Parquet, text included) to the cache.  Only a
             small summary per record (ids, hashes, dates; no text) comes back.
2. resolve:  ids, metadata and duplicates are settled on the summaries
             (exact duplicates by text hash over the whole corpus; near
             duplicates by ``clean.duplicate_documents`` on windows of
             WINDOW_CHARS characters, see docs/performance.md).
3. extract:  workers run clean.flag_spans + statements.extract_statements +
             dates.date_statements per record part, on the documents whose
             result key is not cached, and write keyed results to the cache.
4. write:    workers assemble per-part output files from the record parts and
             cached results; the main process appends them one part at a
             time into the output files.

Cache (out_dir/.cache): record parts keyed by input file path + size + mtime
+ read options + code version (a changed or added file is the only one read
again); results keyed by text hash + publication date + registry hash + code
version (a changed registry re-runs extraction on cached documents without
reading the corpus).  An unchanged run key (inputs, registry, options, code)
returns the existing outputs at once.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
import sys
import time
import uuid
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from . import clean, corpus, dates, schemas, speakers, statements

OUTPUT_FILES = ("documents.parquet", "manifest.parquet", "flags.parquet", "statements.parquet", "statements.csv")
CACHE_DIR = ".cache"
BATCH_BYTES = 4_000_000  # raw bytes per read batch = per record part: bounds worker memory
BATCH_FILES = 2_000
WINDOW_CHARS = 32_000_000  # characters per near-duplicate window
RECORD_SCHEMA = {
    "file_key": pl.String, "member": pl.Int64, "sub": pl.Int64,
    "path": pl.String, "format": pl.String, "doc_id": pl.String, "title": pl.String, "url": pl.String,
    "outlet": pl.String, "published": pl.Date, "published_precision": pl.String, "published_basis": pl.String,
    "encoding": pl.String, "problem": pl.String, "notes": pl.String, "text_hash": pl.String,
    "nbytes": pl.Int64, "text": pl.String,
}
SUMMARY_COLUMNS = [c for c in RECORD_SCHEMA if c not in ("text", "title")]


@dataclass(frozen=True)
class ExtractResult:
    out_dir: Path
    documents: int
    statements: int
    manifest: dict  # status -> count
    timings: dict = field(default_factory=dict, compare=False)  # stage -> seconds, see run.json

    def summary(self) -> str:
        counts = ", ".join(f"{n} {status}" for status, n in sorted(self.manifest.items()))
        return (f"{self.documents} documents ({counts}), {self.statements} statements "
                f"written to {self.out_dir}/ ({', '.join(OUTPUT_FILES)})")


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


SMALL_INPUT_BYTES = 4_000_000  # below this, starting worker processes (~1 s each) costs more than it saves


def effective_workers(requested: int | None, corpus_path: Path) -> int:
    """Worker processes to use: the request (default: the cores), but one for small inputs."""
    workers = requested or default_workers()
    if workers > 1 and sum(p.stat().st_size for p in corpus.iter_files(corpus_path)) < SMALL_INPUT_BYTES:
        return 1
    return workers


def _show(progress: bool | None) -> bool:
    return sys.stderr.isatty() if progress is None else progress


# --------------------------------------------------------------------------
# Keys
# --------------------------------------------------------------------------

def _sha(*parts) -> str:
    digest = hashlib.sha1()
    for part in parts:
        digest.update(str(part).encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


# The modules each cached stage runs (imports followed by hand): an edit to
# plots.py must not throw away hours of extraction.
READ_MODULES = ("pipeline", "corpus", "config", "schemas", "dates", "clean")
EXTRACT_MODULES = ("pipeline", "schemas", "config", "clean", "statements", "speakers", "text", "dates")


def code_version(modules: tuple[str, ...] | None = None) -> str:
    """Hash of the package's source (or of the named modules): results from other code are stale."""
    digest = hashlib.sha256()
    folder = Path(__file__).resolve().parent
    paths = sorted(folder.glob("*.py")) if modules is None else [folder / f"{m}.py" for m in sorted(modules)]
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def registry_version(registry_path: str | None) -> str:
    path = Path(registry_path) if registry_path else speakers.default_registry_path()
    return hashlib.sha1(path.read_bytes()).hexdigest()[:16] if path.exists() else "none"


def file_key(path: Path, fmt, columns: corpus.Columns, code: str) -> str:
    """Identity of one input file's records: path, size, mtime, read options, code."""
    stat = path.stat()
    return _sha(path.resolve(), stat.st_size, stat.st_mtime_ns, fmt, columns, code)


def result_key(text_hash: str, published, precision, registry: str, code: str) -> str:
    """What a document's flags and statements depend on (not its id)."""
    return _sha(text_hash, published, precision, registry, code)


def input_fingerprint(*paths) -> str:
    """Hash of every input file's path, size and modification time (cheap: no reading)."""
    digest = hashlib.sha256()
    for path in paths:
        if path is None:
            continue
        path = Path(path)
        files = corpus.iter_files(path) if path.exists() else []
        for file in files:
            stat = file.stat()
            digest.update(f"{file}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def run_key(corpus_path, metadata, speakers_path, fmt=None, columns=corpus.Columns(),
            drop_duplicates: bool = True) -> dict:
    return {"code": code_version(), "inputs": input_fingerprint(corpus_path, metadata, speakers_path),
            "registry": registry_version(str(speakers_path) if speakers_path else None),
            "corpus": str(corpus_path), "metadata": str(metadata) if metadata else None,
            "speakers": str(speakers_path) if speakers_path else None,
            "options": repr((fmt, columns, drop_duplicates))}


# --------------------------------------------------------------------------
# Worker pool: in-process for one worker (so tests can count calls), else a
# process pool with a bounded number of pending tasks (bounded memory).
# --------------------------------------------------------------------------

class Pool:
    def __init__(self, workers: int):
        self.workers = max(1, workers)
        # spawn, not fork: a forked child can inherit a polars thread-pool lock held mid-operation and hang
        self.pool = (ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"))
                     if self.workers > 1 else None)

    def imap(self, fn, tasks, pending: int | None = None):
        """fn(*task) for every task, results in task order."""
        if self.pool is None:
            for task in tasks:
                yield fn(*task)
            return
        limit = pending or 2 * self.workers
        queue: deque = deque()
        for task in tasks:
            queue.append(self.pool.submit(fn, *task))
            if len(queue) >= limit:
                yield queue.popleft().result()
        while queue:
            yield queue.popleft().result()

    def close(self):
        if self.pool is not None:
            self.pool.shutdown()


# --------------------------------------------------------------------------
# 1. Read: input files -> record parts in the cache
# --------------------------------------------------------------------------

def input_files(root: Path, metadata_path: Path | None) -> list[Path]:
    """Article files in a stable order (companion files and the metadata file left out)."""
    files = []
    for path in corpus.iter_files(root):
        if root.is_dir() and corpus.is_companion(path.relative_to(root)):
            continue
        if metadata_path is not None and str(path) == str(metadata_path):
            continue
        files.append(path)
    return files


def _file_blobs(path: Path):
    name = str(path)
    if corpus._is_archive(name):
        with open(path, "rb") as handle:
            yield from corpus.iter_archive_file(name, handle)
    else:
        yield name, path.read_bytes()


def _read_batches(files: list[tuple[str, Path]]):
    """Batches of (file_key, member number, name, bytes, broken-archive reason) of ~BATCH_BYTES."""
    batch, size = [], 0
    for key, path in files:
        for member, (name, data) in enumerate(_file_blobs(path)):
            batch.append((key, member, name, bytes(data), getattr(data, "reason", None)))
            size += len(data)
            if size >= BATCH_BYTES or len(batch) >= BATCH_FILES:
                yield batch
                batch, size = [], 0
    if batch:
        yield batch


def _record_row(key: str, member: int, sub: int, record: corpus.Record) -> dict:
    if record.problem:
        row = {"path": record.path, "format": record.format, "doc_id": record.doc_id,
               "encoding": record.encoding, "text": None}
    else:
        row = corpus.record_row(record)
        row["path"] = row.pop("source_path")
    text = row.get("text")
    row.update(file_key=key, member=member, sub=sub, problem=record.problem,
               notes="; ".join(record.notes) or None,
               text_hash=hashlib.sha1(text.encode("utf-8")).hexdigest() if text is not None else None,
               nbytes=len(text.encode("utf-8")) if text is not None else 0)
    return row


def parse_batch(batch: list, fmt: str | None, columns: corpus.Columns, part_path: str) -> tuple[pl.DataFrame, float]:
    """Decode and parse one batch of raw files into a record part; return its
    summary (no text) and the seconds spent.  Runs in a worker."""
    started = time.perf_counter()
    rows = []
    for key, member, name, data, broken in batch:
        blob = corpus._BrokenArchive(broken) if broken else data
        for sub, record in enumerate(corpus.parse_blob(name, blob, fmt, columns)):
            rows.append(_record_row(key, member, sub, corpus.check_record(record)))
    part = pl.DataFrame(rows, schema=RECORD_SCHEMA)
    part.write_parquet(part_path)
    summary = part.select(SUMMARY_COLUMNS).with_columns(part=pl.lit(part_path), row=pl.int_range(pl.len(), dtype=pl.Int64))
    return summary, time.perf_counter() - started, sum(len(b[3]) for b in batch)


def _cached_files(cache: Path) -> pl.DataFrame:
    """file_key -> record part, for files whose reading completed."""
    done = sorted((cache / "records").glob("done-*.parquet"))
    if not done:
        return pl.DataFrame(schema={"file_key": pl.String, "part": pl.String})
    return pl.concat([pl.read_parquet(p) for p in done]).unique(maintain_order=True)


def read_summaries(root: Path, metadata_path: Path | None, fmt, columns, cache: Path, pool: Pool,
                   code: str, show: bool) -> tuple[pl.DataFrame, dict]:
    """Summary rows of every record, in input order; reads only files not cached."""
    from tqdm import tqdm

    (cache / "records").mkdir(parents=True, exist_ok=True)
    files = input_files(root, metadata_path)
    keyed = [(file_key(path, fmt, columns, code), path) for path in files]
    known = _cached_files(cache)
    known_keys = set(known["file_key"].to_list())
    to_read = [(key, path) for key, path in keyed if key not in known_keys]
    started = time.perf_counter()
    summaries, parse_seconds, new_parts = [], 0.0, []
    # total unknown: archives unpack to more bytes than they hold; the rate is what matters
    bar = tqdm(desc="reading", unit="B", unit_scale=True, disable=not show or not to_read)

    def tasks():
        for batch in _read_batches(to_read):
            part = str(cache / "records" / f"part-{uuid.uuid4().hex}.parquet")
            new_parts.append((part, sorted({b[0] for b in batch})))
            yield batch, fmt, columns, part

    for summary, seconds, nbytes in pool.imap(parse_batch, tasks()):
        summaries.append(summary)
        parse_seconds += seconds
        bar.update(nbytes)
    bar.close()
    if new_parts:
        done = pl.DataFrame([(k, part) for part, keys in new_parts for k in keys], schema=["file_key", "part"], orient="row")
        done.write_parquet(cache / "records" / f"done-{uuid.uuid4().hex}.parquet")
    read_seconds = time.perf_counter() - started
    live = {key for key, _ in keyed}
    reuse = known.filter(pl.col("file_key").is_in(list(live - {k for k, _ in to_read})))
    for part in reuse["part"].unique(maintain_order=True).to_list():
        summaries.append(pl.read_parquet(part, columns=SUMMARY_COLUMNS)
                         .with_columns(part=pl.lit(part), row=pl.int_range(pl.len(), dtype=pl.Int64))
                         .filter(pl.col("file_key").is_in(reuse["file_key"].implode())))
    order = pl.DataFrame({"file_key": [k for k, _ in keyed], "file_order": range(len(keyed))},
                         schema={"file_key": pl.String, "file_order": pl.Int64})
    table = (pl.concat(summaries) if summaries else pl.DataFrame(schema={**{c: RECORD_SCHEMA[c] for c in SUMMARY_COLUMNS},
                                                                          "part": pl.String, "row": pl.Int64}))
    table = table.join(order, on="file_key").sort("file_order", "member", "sub").drop("file_order")
    return table, {"read": read_seconds, "files_read": len(to_read), "files_cached": len(keyed) - len(to_read),
                   "parse_cpu": parse_seconds}


# --------------------------------------------------------------------------
# 2. Resolve: ids, metadata, duplicates (on summaries; text only per window)
# --------------------------------------------------------------------------

def resolve_ids(table: pl.DataFrame) -> tuple[list[str | None], list[str], list[str | None]]:
    """(final doc_id, status, reason) per summary row, as corpus.load_corpus decides:
    the first record per doc_id is kept, an identical repeat is a duplicate, a
    different text under a taken id is renamed."""
    seen: dict[str, tuple[str, str]] = {}
    ids, status, reasons = [], [], []
    for doc_id, path, problem, text_hash, encoding, notes in table.select(
            "doc_id", "path", "problem", "text_hash", "encoding", "notes").iter_rows():
        if problem:
            ids.append(doc_id), status.append("rejected"), reasons.append(problem)
            continue
        notes_list = [notes] if notes else []
        first = seen.get(doc_id)
        if first is not None and first[0] == text_hash:
            ids.append(doc_id), status.append("duplicate"), reasons.append(f"same doc_id and text as {first[1]}")
            continue
        if first is not None:
            new_id = f"{doc_id}~{hashlib.sha1(path.encode()).hexdigest()[:8]}"
            notes_list.append(f"doc_id {doc_id} already used by {first[1]}; renamed {new_id}")
            doc_id = new_id
        seen[doc_id] = (text_hash, path)
        ids.append(doc_id), status.append("loaded")
        reasons.append("; ".join(([f"decoded as {encoding}"] if encoding not in (None, "utf-8") or notes_list else [])
                                 + notes_list) or None)
    return ids, status, reasons


def _metadata_overrides(loaded: pl.DataFrame, metadata_path: Path) -> tuple[pl.DataFrame, list[dict], set]:
    """loaded (doc_id, outlet, url, published...) with the metadata file's values applied."""
    as_docs = schemas.conform(loaded.with_columns(pl.lit(None, pl.String).alias("text")), schemas.DOCUMENTS)
    metadata_table = corpus.load_metadata(metadata_path)
    merged, notes = corpus.apply_metadata(as_docs, metadata_table, str(metadata_path))
    listed = set(metadata_table["doc_id"].to_list())
    return merged, notes, listed


def _window_duplicates(parts: list[tuple[str, list[int], list[str]]]) -> pl.DataFrame:
    """clean.duplicate_documents on one window of documents read from record parts. Runs in a worker."""
    frames = []
    for part, rows, ids in parts:
        texts = pl.read_parquet(part, columns=["text"])["text"].gather(rows)
        frames.append(pl.DataFrame({"doc_id": ids, "text": texts}, schema={"doc_id": pl.String, "text": pl.String}))
    documents = pl.concat(frames)
    return clean.duplicate_documents(documents).select("doc_id", "duplicate_of", "similarity", "kind")


def find_duplicates(docs: pl.DataFrame, cache: Path, pool: Pool, code: str) -> pl.DataFrame:
    """(doc_id, duplicate_of, similarity, kind) for loaded documents in input order.

    Exact copies (same text hash) are found over the whole corpus; near copies
    within windows of WINDOW_CHARS characters, so memory stays bounded; each
    window's answer is cached by its documents' ids and text hashes."""
    first = docs.group_by("text_hash", maintain_order=True).agg(pl.col("doc_id").first().alias("duplicate_of"))
    exact = (docs.join(first, on="text_hash", maintain_order="left").filter(pl.col("doc_id") != pl.col("duplicate_of"))
             .select("doc_id", "duplicate_of", similarity=pl.lit(1.0), kind=pl.lit("exact")))
    rest = docs.filter(~pl.col("doc_id").is_in(exact["doc_id"].implode()))
    (cache / "duplicates").mkdir(parents=True, exist_ok=True)
    windows, current, size = [], [], 0
    for row in rest.select("doc_id", "text_hash", "part", "row", "nbytes").iter_rows():
        current.append(row)
        size += row[4] // 2 + 1
        if size >= WINDOW_CHARS:
            windows.append(current)
            current, size = [], 0
    if current:
        windows.append(current)
    found, tasks, paths = [exact], [], []
    for window in windows:
        path = cache / "duplicates" / f"{_sha(code, *(f'{d}:{h}' for d, h, *_ in window))}.parquet"
        if path.exists():
            found.append(pl.read_parquet(path))
            continue
        by_part: dict[str, tuple[list, list]] = {}
        for doc_id, _, part, row, _ in window:
            by_part.setdefault(part, ([], []))
            by_part[part][0].append(row)
            by_part[part][1].append(doc_id)
        tasks.append(([(p, rows, ids) for p, (rows, ids) in by_part.items()],))
        paths.append(path)
    for path, result in zip(paths, pool.imap(_window_duplicates, tasks, pending=pool.workers)):
        result = result.with_columns(pl.col("similarity").cast(pl.Float64))
        result.write_parquet(path)
        found.append(result)
    schema = {"doc_id": pl.String, "duplicate_of": pl.String, "similarity": pl.Float64, "kind": pl.String}
    return pl.concat([f.select(pl.col(c).cast(t) for c, t in schema.items()) for f in found])


# --------------------------------------------------------------------------
# 3. Extract: flags, statements and dates per record part, cached by result key
# --------------------------------------------------------------------------

_REGISTRIES: dict = {}


def _registry(path: str | None):
    """The registry, loaded once per worker and per version of the file."""
    file = Path(path) if path else speakers.default_registry_path()
    stat = file.stat()
    key = (str(file), stat.st_size, stat.st_mtime_ns)
    if key not in _REGISTRIES:
        _REGISTRIES[key] = speakers.load_registry(file)
    return _REGISTRIES[key]


def process_batch(documents: pl.DataFrame, registry_path: str | None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Flags and dated statements for one batch of documents."""
    flags, found, _ = _process_timed(documents, registry_path)
    return flags, found


def _process_timed(documents: pl.DataFrame, registry_path: str | None):
    registry = _registry(registry_path)
    t0 = time.perf_counter()
    flags = clean.flag_spans(documents)
    t1 = time.perf_counter()
    found = statements.extract_statements(documents, flags, registry)
    t2 = time.perf_counter()
    dated = dates.date_statements(found, documents)
    t3 = time.perf_counter()
    return flags, dated, {"clean": t1 - t0, "statements": t2 - t1, "dates": t3 - t2}


def extract_part(part: str, rows: list[int], keys: list[str], published: list, precision: list,
                 registry_path: str | None, out_prefix: str) -> dict:
    """Flags and statements of some documents of one record part, written to
    the cache under their result keys (doc_id = key).  Runs in a worker."""
    texts = pl.read_parquet(part, columns=["text"])["text"].gather(rows)
    documents = pl.DataFrame({"doc_id": keys, "text": texts, "published": published, "published_precision": precision},
                             schema={"doc_id": pl.String, "text": pl.String, "published": pl.Date,
                                     "published_precision": pl.String})
    flags, found, seconds = _process_timed(documents, registry_path)
    seq = pl.int_range(pl.len(), dtype=pl.Int64).over("doc_id").alias("seq")
    schemas.conform(flags, schemas.FLAGS).with_columns(seq).write_parquet(f"{out_prefix}-flags.parquet")
    schemas.conform(found, schemas.STATEMENTS).with_columns(seq).write_parquet(f"{out_prefix}-statements.parquet")
    # written last: a key listed here has both files complete
    pl.DataFrame({"key": keys, "prefix": [out_prefix] * len(keys)}).write_parquet(f"{out_prefix}-keys.parquet")
    seconds["nbytes"] = int(texts.str.len_bytes().sum() or 0)
    return seconds


def _cached_results(cache: Path) -> dict[str, str]:
    files = sorted((cache / "results").glob("*-keys.parquet"))
    if not files:
        return {}
    table = pl.concat([pl.read_parquet(f) for f in files]).unique("key", keep="first", maintain_order=True)
    return dict(zip(table["key"].to_list(), table["prefix"].to_list()))


def extract_missing(plan: pl.DataFrame, cache: Path, pool: Pool, registry_path: str | None,
                    show: bool) -> tuple[dict[str, str], dict]:
    """Run extraction on the planned documents whose key is not cached; return key -> result prefix."""
    from tqdm import tqdm

    (cache / "results").mkdir(parents=True, exist_ok=True)
    known = _cached_results(cache)
    todo = plan.filter(~pl.col("key").is_in(list(known))).unique("key", keep="first", maintain_order=True)
    tasks = []
    for (part,), group in todo.group_by("part", maintain_order=True):
        prefix = str(cache / "results" / uuid.uuid4().hex)
        tasks.append((part, group["row"].to_list(), group["key"].to_list(), group["published"].to_list(),
                      group["published_precision"].to_list(), registry_path, prefix))
    totals = {"clean": 0.0, "statements": 0.0, "dates": 0.0, "documents_extracted": todo.height,
              "documents_reused": plan.height - todo.height}
    started = time.perf_counter()
    bar = tqdm(total=int(todo["nbytes"].sum() or 0), desc="extracting", unit="B", unit_scale=True,
               disable=not show or todo.height == 0)
    for task, seconds in zip(tasks, pool.imap(extract_part, tasks)):
        for stage in ("clean", "statements", "dates"):
            totals[stage] += seconds[stage]
        for key in task[2]:
            known[key] = task[6]
        bar.update(seconds["nbytes"])
    bar.close()
    totals["extract"] = time.perf_counter() - started
    return known, totals


# --------------------------------------------------------------------------
# 4. Write: per-part outputs assembled by workers, concatenated by streaming
# --------------------------------------------------------------------------

def assemble_part(part: str, chosen: pl.DataFrame, prefixes: list[str], out_prefix: str) -> tuple[int, int, int]:
    """documents, flags and statements rows of one record part, in input order. Runs in a worker."""
    source = (pl.read_parquet(part, columns=["title", "encoding", "format", "path", "text"])
              .with_row_index("row").with_columns(pl.col("row").cast(pl.Int64)))
    documents = chosen.join(source, on="row", how="left", maintain_order="left").rename({"path": "source_path"})
    schemas.conform(documents, schemas.DOCUMENTS).write_parquet(f"{out_prefix}-documents.parquet")
    keys = chosen.select("key", "doc_id", "order")
    heights = [documents.height]
    for name, schema in (("flags", schemas.FLAGS), ("statements", schemas.STATEMENTS)):
        frames = [pl.read_parquet(f"{p}-{name}.parquet").filter(pl.col("doc_id").is_in(keys["key"].implode()))
                  for p in prefixes]
        rows = (pl.concat(frames) if frames else schemas.empty(schema).with_columns(seq=pl.lit(0, pl.Int64)).clear())
        rows = (rows.rename({"doc_id": "key"}).join(keys, on="key").sort("order", "seq")
                .drop("key", "order", "seq"))
        rows = schemas.conform(rows, schema)
        rows.write_parquet(f"{out_prefix}-{name}.parquet")
        heights.append(rows.height)
    return tuple(heights)


def write_outputs(out_dir: Path, documents, manifest, flags, found) -> None:
    """Write in-memory tables (small corpora, tests)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    documents.write_parquet(out_dir / "documents.parquet")
    manifest.write_parquet(out_dir / "manifest.parquet")
    flags.write_parquet(out_dir / "flags.parquet")
    found.write_parquet(out_dir / "statements.parquet")
    found.write_csv(out_dir / "statements.csv")


def _combine(parts: list[str], target: Path, schema: dict) -> None:
    """Concatenate part files one at a time (row groups appended), so memory is
    one part's worth: polars' sink over all parts held ~1.2 GB more at the
    end of a 1 GB corpus."""
    import pyarrow.parquet as pq

    if not parts:
        schemas.empty(schema).write_parquet(target)
        return
    writer = None
    try:
        for part in parts:
            table = pq.read_table(part)
            if writer is None:
                writer = pq.ParquetWriter(target, table.schema, compression="zstd")
            writer.write_table(table)
    finally:
        if writer is not None:
            writer.close()


def _combine_csv(parts: list[str], target: Path, schema: dict) -> None:
    with open(target, "wb") as handle:
        if not parts:
            schemas.empty(schema).write_csv(handle)
        for n, part in enumerate(parts):
            pl.read_parquet(part).write_csv(handle, include_header=n == 0)


# --------------------------------------------------------------------------
# The job
# --------------------------------------------------------------------------

def extract_tables(documents: pl.DataFrame, registry_path: str | None, workers: int = 1,
                   batch_size: int = 500, progress: bool | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(flags, statements) for documents already in memory, in document order."""
    parts = [documents.slice(s, batch_size) for s in range(0, documents.height, batch_size)] or [documents]
    pool = Pool(workers)
    try:
        results = list(pool.imap(process_batch, [(p, registry_path) for p in parts]))
    finally:
        pool.close()
    flags = pl.concat([schemas.conform(r[0], schemas.FLAGS) for r in results])
    found = pl.concat([schemas.conform(r[1], schemas.STATEMENTS) for r in results])
    return flags, found


def _manifest_and_plan(table: pl.DataFrame, metadata_path: Path | None, drop_duplicates: bool,
                       cache: Path, pool: Pool, code: str, registry: str):
    ids, status, reasons = resolve_ids(table)
    table = table.with_columns(final_id=pl.Series(ids, dtype=pl.String), status=pl.Series(status, dtype=pl.String),
                               reason=pl.Series(reasons, dtype=pl.String),
                               order=pl.int_range(pl.len(), dtype=pl.Int64))
    loaded = table.filter(pl.col("status") == "loaded").with_columns(doc_id=pl.col("final_id"))
    extra_rows: list[dict] = []
    if metadata_path is not None:
        merged, extra_rows, listed = _metadata_overrides(loaded, metadata_path)
        loaded = loaded.with_columns(merged.select("outlet", "url", "published", "published_precision", "published_basis"))
        unlisted = ~pl.col("doc_id").is_in(list(listed))
        note = pl.lit(f"no row in {metadata_path}")
        loaded = loaded.with_columns(reason=pl.when(unlisted).then(
            pl.when(pl.col("reason").is_null()).then(note).otherwise(pl.col("reason") + pl.lit("; ") + note))
            .otherwise(pl.col("reason")))
    dup_seconds = 0.0
    if drop_duplicates and loaded.height:
        started = time.perf_counter()
        duplicates = find_duplicates(loaded, cache, pool, code)
        dup_seconds = time.perf_counter() - started
        why = pl.DataFrame([(d, f"{kind} duplicate of {first} (similarity {sim:.2f})") for d, first, sim, kind
                            in duplicates.select("doc_id", "duplicate_of", "similarity", "kind").iter_rows()],
                           schema={"doc_id": pl.String, "dup_reason": pl.String}, orient="row")
        loaded = (loaded.join(why, on="doc_id", how="left", maintain_order="left")
                  .with_columns(status=pl.when(pl.col("dup_reason").is_not_null()).then(pl.lit("duplicate"))
                                .otherwise(pl.col("status")),
                                reason=pl.coalesce("dup_reason", "reason")).drop("dup_reason"))
    # manifest: every record in input order, loaded rows with their final status
    settled = loaded.select("order", "status", "reason", "doc_id")
    manifest = (table.join(settled, on="order", how="left", suffix="_final", maintain_order="left")
                .select(path="path", doc_id=pl.coalesce("doc_id_final", "final_id"),
                        status=pl.coalesce("status_final", "status"), reason=pl.when(pl.col("status_final").is_not_null())
                        .then(pl.col("reason_final")).otherwise(pl.col("reason"))))
    manifest = schemas.conform(pl.concat([manifest, pl.DataFrame(extra_rows, schema=schemas.MANIFEST)]), schemas.MANIFEST)
    plan = loaded.filter(pl.col("status") == "loaded")
    keys = [result_key(h, p, q, registry, code) for h, p, q in
            plan.select("text_hash", "published", "published_precision").iter_rows()]
    plan = plan.with_columns(key=pl.Series(keys, dtype=pl.String))
    return manifest, plan, dup_seconds


def _release_memory() -> None:
    """Hand freed heap back to the OS after the big summary tables are gone
    (glibc keeps it otherwise, and the main process's RSS only ever grows)."""
    import ctypes
    import gc

    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to do
        pass


def run_extract(corpus_path, out_dir, metadata=None, speakers_path=None, fmt=None,
                columns: corpus.Columns = corpus.Columns(), workers: int | None = None,
                progress: bool | None = None, drop_duplicates: bool = True,
                use_cache: bool = True) -> ExtractResult:
    """Run the whole extraction and write every table to out_dir (see module doc)."""
    total_started = time.perf_counter()
    out_dir = Path(out_dir)
    corpus_path = Path(corpus_path)
    if not corpus_path.exists():
        raise corpus.CorpusError(f"{corpus_path}: no such file or directory")
    if fmt not in (None, "auto") and fmt not in corpus.FORMATS:
        raise corpus.CorpusError(f"unknown format {fmt!r}; choose one of: auto, {', '.join(corpus.FORMATS)}")
    fmt = None if fmt == "auto" else fmt
    if speakers_path is None and corpus_path.is_dir() and (corpus_path / "speakers.csv").exists():
        speakers_path = corpus_path / "speakers.csv"  # the registry lives next to the corpus
    metadata_path = Path(metadata) if metadata else None
    if metadata_path is None and corpus_path.is_dir() and (corpus_path / "metadata.csv").exists():
        metadata_path = corpus_path / "metadata.csv"
    registry_path = str(speakers_path) if speakers_path else None
    key = run_key(corpus_path, metadata_path, speakers_path, fmt, columns, drop_duplicates)
    key_file = out_dir / "run-key.json"
    if use_cache and key_file.exists() and json.loads(key_file.read_text()) == key \
            and all((out_dir / n).exists() for n in OUTPUT_FILES + ("run.json",)):
        run = json.loads((out_dir / "run.json").read_text(encoding="utf-8"))
        return ExtractResult(out_dir, run["documents"], run["statements"], run["manifest"],
                             {"total": time.perf_counter() - total_started, "up_to_date": True})

    show = _show(progress)
    read_code, code = code_version(READ_MODULES), code_version(EXTRACT_MODULES)
    registry = registry_version(registry_path)
    cache = out_dir / CACHE_DIR
    if not use_cache and cache.exists():
        shutil.rmtree(cache)
    out_dir.mkdir(parents=True, exist_ok=True)
    pool = Pool(effective_workers(workers, corpus_path))
    try:
        table, timings = read_summaries(corpus_path, metadata_path, fmt, columns, cache, pool, read_code, show)
        started = time.perf_counter()
        manifest, plan, timings["duplicates"] = _manifest_and_plan(table, metadata_path, drop_duplicates,
                                                                    cache, pool, code, registry)
        timings["resolve"] = time.perf_counter() - started
        keep = ["order", "part", "row", "key", "doc_id", "outlet", "url", "published", "published_precision",
                "published_basis", "nbytes"]
        plan = plan.select(keep)  # the summaries' other columns are done with
        del table
        _release_memory()
        if plan.height == 0:
            reasons = manifest.group_by("reason").len().sort("len", descending=True).head(3)
            summary = "; ".join(f"{r['len']} x {r['reason']}" for r in reasons.iter_rows(named=True))
            raise corpus.CorpusError(f"{corpus_path}: no document could be loaded from {manifest.height} inputs ({summary})")
        results, extract_timings = extract_missing(plan, cache, pool, registry_path, show)
        timings.update(extract_timings)
        started = time.perf_counter()
        built = _plan_fingerprint(plan, manifest)
        stamp = out_dir / "outputs-key.json"
        if use_cache and stamp.exists() and json.loads(stamp.read_text()).get("plan") == built \
                and all((out_dir / n).exists() for n in OUTPUT_FILES):
            counts = tuple(json.loads(stamp.read_text())["counts"])  # outputs already hold exactly this
            timings["outputs_reused"] = True
        else:
            stamp.unlink(missing_ok=True)
            counts = _write_all(out_dir, cache, plan, results, manifest, pool)
            stamp.write_text(json.dumps({"plan": built, "counts": list(counts)}) + "\n")
        timings["write"] = time.perf_counter() - started
    finally:
        pool.close()
    timings["total"] = time.perf_counter() - total_started
    status_counts = dict(manifest.group_by("status").len().sort("status").iter_rows())
    (out_dir / "run.json").write_text(json.dumps({
        "corpus": str(corpus_path), "metadata": str(metadata_path) if metadata_path else None,
        "speakers": str(speakers_path) if speakers_path else None,
        "documents": counts[0], "statements": counts[2], "manifest": status_counts,
    }, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    (out_dir / "timings.json").write_text(json.dumps(timings, indent=2, sort_keys=True) + "\n")
    key_file.write_text(json.dumps(key, indent=2, sort_keys=True) + "\n")
    return ExtractResult(out_dir, counts[0], counts[2], status_counts, timings)


def _plan_fingerprint(plan: pl.DataFrame, manifest: pl.DataFrame) -> str:
    """Everything the outputs are made of: each document's place, id, source row,
    metadata values and result key, and the manifest."""
    columns = ["order", "doc_id", "part", "row", "key", "outlet", "url", "published", "published_precision",
               "published_basis"]
    digest = hashlib.sha1()
    for frame in (plan.select(columns), manifest):
        digest.update(frame.hash_rows(seed=0).to_numpy().tobytes())
        digest.update(str(frame.height).encode())
    return digest.hexdigest()


def _write_all(out_dir: Path, cache: Path, plan: pl.DataFrame, results: dict[str, str],
               manifest: pl.DataFrame, pool: Pool) -> tuple[int, int, int]:
    scratch = out_dir / f".parts-{uuid.uuid4().hex}"
    scratch.mkdir()
    chosen_cols = ["row", "order", "key", "doc_id", "outlet", "url", "published", "published_precision", "published_basis"]
    tasks = []
    # consecutive runs of one record part (not group_by part): a re-read file sits in a
    # new part between documents of an old one, and output order is input order
    runs = plan.with_columns(run=pl.col("part").rle_id())
    for n, ((_, part), group) in enumerate(runs.group_by("run", "part", maintain_order=True)):
        prefixes = sorted({results[k] for k in group["key"].to_list()})
        tasks.append((part, group.select(chosen_cols), prefixes, str(scratch / f"{n:06d}")))
    heights = [0, 0, 0]
    for h in pool.imap(assemble_part, tasks):
        heights = [a + b for a, b in zip(heights, h)]
    prefixes = [t[3] for t in tasks]
    # written under temporary names, then renamed: a failed run leaves the old outputs whole
    for name, schema in (("documents", schemas.DOCUMENTS), ("flags", schemas.FLAGS), ("statements", schemas.STATEMENTS)):
        _combine([f"{p}-{name}.parquet" for p in prefixes], scratch / f"{name}.parquet", schema)
    _combine_csv([f"{p}-statements.parquet" for p in prefixes], scratch / "statements.csv", schemas.STATEMENTS)
    manifest.write_parquet(scratch / "manifest.parquet")
    for name in OUTPUT_FILES:
        os.replace(scratch / name, out_dir / name)
    shutil.rmtree(scratch)
    return tuple(heights)


# --------------------------------------------------------------------------
# Re-use of earlier results
# --------------------------------------------------------------------------

def read_tables(out_dir) -> dict[str, pl.DataFrame]:
    out_dir = Path(out_dir)
    return {name: pl.read_parquet(out_dir / f"{name}.parquet")
            for name in ("documents", "manifest", "flags", "statements")}


def load_or_extract(corpus_path, out_dir, metadata=None, speakers_path=None, workers=None,
                    progress: bool | None = None) -> dict[str, pl.DataFrame]:
    """The four tables for a corpus: from out_dir when they were made from the
    same inputs by the same code, else by running the (incremental) extraction."""
    run_extract(corpus_path, out_dir, metadata, speakers_path, workers=workers, progress=progress)
    return read_tables(out_dir)

"""Load a corpus of articles in any supported format into the documents table.

Every input file or record ends up as exactly one manifest row (loaded,
rejected or duplicate, with a reason naming the problem), so nothing is lost
silently.  ``text`` is kept exactly as decoded from the source: offsets
computed by later stages index this string.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import sys
import tarfile
import zipfile
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import Iterator

import polars as pl

from . import config, schemas

FORMATS = ("txt", "trec", "json", "jsonl", "csv", "parquet")
ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FC]")
_TREC_DOC = re.compile(r"<DOC>(.*?)(?:</DOC>|(?=<DOC>)|\Z)", re.S | re.I)


class CorpusError(Exception):
    """The corpus as a whole cannot be used (e.g. nothing loads)."""


@dataclass(frozen=True)
class Record:
    """One candidate document, before it becomes a row of the documents table."""

    path: str
    format: str
    doc_id: str | None = None
    text: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    time: str | None = None
    encoding: str | None = None
    problem: str | None = None  # set when the record must be rejected
    notes: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Columns:
    """Which record fields hold what; None means: try config's candidates."""

    text: str | None = None
    doc_id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    time: str | None = None


# --------------------------------------------------------------------------
# Reading bytes: files, directories and archive members
# --------------------------------------------------------------------------

def _is_archive(name: str) -> bool:
    return name.lower().endswith(ARCHIVE_SUFFIXES)


def _suffix(name: str) -> str:
    lower = name.lower()
    for ending in (".tar.gz", ".jsonl", ".ndjson"):
        if lower.endswith(ending):
            return ending
    return Path(lower).suffix


def iter_files(root: Path) -> Iterator[Path]:
    """Files below root in a stable order (hidden files and folders skipped)."""
    if root.is_file():
        yield root
        return
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).parts
        if path.is_file() and not any(part.startswith(".") for part in relative):
            yield path


# Files that sit beside a corpus to describe it, not articles.
COMPANION_FILES = ("metadata.csv", "speakers.csv")
ARTICLE_SUFFIXES = (".txt", ".text", ".trec", ".sgml", ".xml", ".json", ".jsonl", ".ndjson", ".csv", ".parquet", "")


def is_companion(path: Path) -> bool:
    return path.name in COMPANION_FILES or path.name.upper().startswith("README")


def iter_blobs(root: Path) -> Iterator[tuple[str, bytes]]:
    """(display path, bytes) for every file, descending into archives."""
    for path in iter_files(root):
        if root.is_dir() and is_companion(path.relative_to(root)):
            continue
        name = str(path)
        if _is_archive(name):
            yield from _iter_archive(name, path.read_bytes())
        else:
            yield name, path.read_bytes()


def _iter_archive(name: str, data: bytes) -> Iterator[tuple[str, bytes]]:
    yield from iter_archive_file(name, io.BytesIO(data))


def iter_archive_file(name: str, fileobj) -> Iterator[tuple[str, bytes]]:
    """(display path, bytes) for every member of an archive read from fileobj
    (an open file streams: the archive is never held in memory whole)."""
    try:
        if name.lower().endswith(".zip"):
            with zipfile.ZipFile(fileobj) as archive:
                members = sorted(i.filename for i in archive.infolist() if not i.is_dir())
                for member in members:
                    yield from _member(f"{name}::{member}", archive.read(member))
        else:
            # streaming mode: members in archive order (stable for the same
            # file); sorting would force a re-decompression per member
            with tarfile.open(fileobj=fileobj, mode="r|*") as archive:
                for member in archive:
                    if member.isfile():
                        yield from _member(f"{name}::{member.name}", archive.extractfile(member).read())
    except (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError) as error:
        yield name, _BrokenArchive(f"unreadable archive: {error}")


def _member(name: str, data: bytes) -> Iterator[tuple[str, bytes]]:
    base = name.rsplit("::", 1)[-1]
    if any(part.startswith(".") for part in Path(base).parts) or base.startswith("__MACOSX"):
        return
    if _is_archive(base):
        yield from _iter_archive(name, data)
    else:
        yield name, data


class _BrokenArchive(bytes):
    """Marker bytes for an archive that could not be opened; carries the reason."""

    def __new__(cls, reason: str):
        obj = super().__new__(cls, b"")
        obj.reason = reason
        return obj


# --------------------------------------------------------------------------
# Decoding
# --------------------------------------------------------------------------

def count_arabic_letters(text: str) -> int:
    return len(_ARABIC_LETTER.findall(text))


def has_arabic_letters(text: str, wanted: int) -> bool:
    """At least `wanted` Arabic letters; stops at the wanted-th (a full count
    was 1/3 of the loading time on ANT)."""
    return wanted <= 0 or next(islice(_ARABIC_LETTER.finditer(text), wanted - 1, None), None) is not None


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text has NULs but is text
    return b"\x00" in head


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode to (text, encoding name); raise ValueError with a reason if impossible.

    UTF-8 first (BOM removed and recorded as utf-8-sig); invalid UTF-8 is
    retried as Windows-1256, the usual legacy Arabic encoding, and accepted
    only if the result is mostly Arabic letters.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = f"invalid UTF-8 at byte {error.start}"
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        raise ValueError(f"{utf8_error}, and not Windows-1256 either") from None
    letters = sum(ch.isalpha() for ch in text)
    if letters and count_arabic_letters(text) / letters >= 0.5:
        return text, "cp1256"
    raise ValueError(f"{utf8_error}; decoding as Windows-1256 gives no Arabic text")


# --------------------------------------------------------------------------
# Parsing formats into records
# --------------------------------------------------------------------------

def detect_format(name: str, text: str) -> str:
    suffix = _suffix(name.rsplit("::", 1)[-1])
    if suffix == ".parquet":
        return "parquet"
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".csv":
        return "csv"
    head = text.lstrip()[:200]
    if suffix == ".json" or head.startswith(("[", "{")):
        return "jsonl" if _looks_like_jsonl(text) else "json"
    if re.match(r"<DOC>", head, re.I):
        return "trec"
    return "txt"


def _looks_like_jsonl(text: str) -> bool:
    lines = [line for line in text.strip().splitlines()[:3] if line.strip()]
    if len(lines) < 2 or not lines[0].lstrip().startswith("{"):
        return False
    try:
        json.loads(lines[0])
        return True
    except json.JSONDecodeError:
        return False


def _tag(block: str, tag: str) -> tuple[str | None, int | None]:
    """Raw content of <TAG>...</TAG> in a TREC block (lenient) and its offset."""
    match = re.search(rf"<{tag}>(.*?)</{tag}>", block, re.S | re.I)
    if not match:
        return None, None
    return match.group(1), match.start(1)


_DOC_OPEN = re.compile(r"<DOC>", re.I)
_DOC_CLOSE = re.compile(r"</DOC>", re.I)


def _trec_blocks(text: str) -> list[str]:
    """What _TREC_DOC.findall gives (each block ends at </DOC>, the next <DOC>
    or the end), found by plain tag searches: the lazy pattern tried three
    alternatives at every character (a fifth of ANT's parse time)."""
    starts = [m.end() for m in _DOC_OPEN.finditer(text)]
    blocks = []
    for i, start in enumerate(starts):
        limit = starts[i + 1] - len("<DOC>") if i + 1 < len(starts) else len(text)
        close = _DOC_CLOSE.search(text, start, limit)
        blocks.append(text[start: close.start() if close else limit])
    return blocks


def parse_trec(name: str, text: str, encoding: str) -> list[Record]:
    """TREC/CLEF-style files (ANT): one or more <DOC> blocks, tags parsed leniently."""
    records = []
    blocks = _trec_blocks(text)
    for number, block in enumerate(blocks, start=1):
        where = name if len(blocks) == 1 else f"{name}#{number}"
        docno, _ = _tag(block, "DOCNO")
        body, _ = _tag(block, "TEXT")
        fields = {tag: (_tag(block, tag)[0] or "").strip() or None for tag in ("URL", "SRC", "TITLE", "TIME")}
        problem = None
        if not docno or not docno.strip():
            problem = "malformed TREC record: no <DOCNO>"
        elif body is None:
            problem = "malformed TREC record: no <TEXT>...</TEXT>"
        records.append(Record(
            path=where, format="trec", doc_id=docno.strip() if docno else None, text=body,
            title=fields["TITLE"], url=fields["URL"], outlet=fields["SRC"], time=fields["TIME"],
            encoding=encoding, problem=problem,
        ))
    if not records:
        records.append(Record(path=name, format="trec", encoding=encoding,
                              problem="malformed TREC file: no <DOC> block"))
    return records


def _pick(obj: dict, chosen: str | None, candidates: tuple[str, ...]):
    if chosen is not None:
        return obj.get(chosen)
    lowered = {str(k).lower(): v for k, v in obj.items()}
    present = [lowered[key.lower()] for key in candidates if key.lower() in lowered]
    # prefer a filled field; an empty one still counts as present
    return next((v for v in present if v not in (None, "")), present[0] if present else None)


def record_from_mapping(obj, where: str, fmt: str, columns: Columns, encoding: str | None) -> Record:
    if not isinstance(obj, dict):
        return Record(path=where, format=fmt, encoding=encoding,
                      problem=f"malformed record: expected an object, got {type(obj).__name__}")
    body = _pick(obj, columns.text, config.TEXT_FIELDS)
    doc_id = _pick(obj, columns.doc_id, config.ID_FIELDS)
    problem = None
    if body is None:
        wanted = columns.text or "/".join(config.TEXT_FIELDS)
        problem = f"malformed record: no text field ({wanted})"
    elif not isinstance(body, str):
        problem = f"malformed record: text field is {type(body).__name__}, not a string"

    def as_text(value):
        return None if value is None else str(value)

    return Record(
        path=where, format=fmt, doc_id=as_text(doc_id), text=body if problem is None else None,
        title=as_text(_pick(obj, columns.title, config.TITLE_FIELDS)),
        url=as_text(_pick(obj, columns.url, config.URL_FIELDS)),
        outlet=as_text(_pick(obj, columns.outlet, config.OUTLET_FIELDS)),
        time=as_text(_pick(obj, columns.time, config.TIME_FIELDS)),
        encoding=encoding, problem=problem,
    )


def parse_json(name: str, text: str, encoding: str, columns: Columns) -> list[Record]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return [Record(path=name, format="json", encoding=encoding,
                       problem=f"malformed JSON: {error.msg} at line {error.lineno} column {error.colno}")]
    if isinstance(data, dict):
        # a single article, or {"articles": [...]}-style wrappers
        lists = [v for v in data.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        data = lists[0] if len(lists) == 1 and _pick(data, columns.text, config.TEXT_FIELDS) is None else [data]
    if not isinstance(data, list):
        return [Record(path=name, format="json", encoding=encoding,
                       problem="malformed JSON: expected an array of article objects")]
    if not data:
        return [Record(path=name, format="json", encoding=encoding, problem="empty JSON array")]
    return [record_from_mapping(obj, f"{name}#{i}", "json", columns, encoding) for i, obj in enumerate(data, 1)]


def parse_jsonl(name: str, text: str, encoding: str, columns: Columns) -> list[Record]:
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}#{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as error:
            records.append(Record(path=where, format="jsonl", encoding=encoding,
                                  problem=f"malformed JSON line: {error.msg}"))
            continue
        records.append(record_from_mapping(obj, where, "jsonl", columns, encoding))
    return records or [Record(path=name, format="jsonl", encoding=encoding, problem="no JSON lines")]


def parse_table(name: str, rows: list[dict], fmt: str, columns: Columns, encoding: str | None) -> list[Record]:
    if not rows:
        return [Record(path=name, format=fmt, encoding=encoding, problem=f"{fmt} file has no rows")]
    first = rows[0]
    if _pick(first, columns.text, config.TEXT_FIELDS) is None and columns.text not in first:
        wanted = columns.text or " or ".join(config.TEXT_FIELDS)
        found = ", ".join(map(str, first)) or "none"
        return [Record(path=name, format=fmt, encoding=encoding,
                       problem=f"{fmt} file has no text column ({wanted}); columns: {found}")]
    # row numbers count from 1 after the header, as a spreadsheet shows them
    return [record_from_mapping(row, f"{name}#{i}", fmt, columns, encoding) for i, row in enumerate(rows, 1)]


def parse_blob(name: str, data: bytes, fmt: str | None, columns: Columns) -> list[Record]:
    """All records in one file (or archive member)."""
    guess = fmt if fmt not in (None, "auto") else None
    if isinstance(data, _BrokenArchive):
        return [Record(path=name, format="archive", problem=data.reason)]
    if guess is None and _suffix(name.rsplit("::", 1)[-1]) not in ARTICLE_SUFFIXES:
        return [Record(path=name, format="unknown", problem=(
            f"unsupported file type {_suffix(name)!r}; articles are read from "
            ".txt, TREC, .json, .jsonl, .csv, .parquet and .zip/.tar.gz archives of them"))]
    if not data:
        return [Record(path=name, format=guess or "txt", problem="empty file (0 bytes)")]
    if (guess or detect_format(name, "")) == "parquet":
        try:
            rows = pl.read_parquet(io.BytesIO(data)).to_dicts()
        except Exception as error:  # polars raises several error types for bad files
            return [Record(path=name, format="parquet", problem=f"unreadable Parquet: {error}")]
        return parse_table(name, rows, "parquet", columns, None)
    if looks_binary(data):
        return [Record(path=name, format=guess or "txt", problem="binary file (NUL bytes), not text")]
    try:
        text, encoding = decode_bytes(data)
    except ValueError as error:
        return [Record(path=name, format=guess or "txt", problem=str(error))]
    kind = guess or detect_format(name, text)
    if kind == "trec":
        return parse_trec(name, text, encoding)
    if kind == "json":
        return parse_json(name, text, encoding, columns)
    if kind == "jsonl":
        return parse_jsonl(name, text, encoding, columns)
    if kind == "csv":
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        return parse_table(name, rows, "csv", columns, encoding)
    stem = Path(name.rsplit("::", 1)[-1]).name
    stem = stem[: -len(_suffix(stem))] if _suffix(stem) else stem
    return [Record(path=name, format="txt", doc_id=stem, text=text, encoding=encoding)]


# --------------------------------------------------------------------------
# Checks, ids and metadata
# --------------------------------------------------------------------------

def stable_id(record: Record) -> str:
    """An id for records that carry none: a hash of their url and text."""
    digest = hashlib.sha1(f"{record.url or ''}\n{record.text or ''}".encode("utf-8")).hexdigest()
    return f"{record.format}-{digest[:16]}"


def check_record(record: Record) -> Record:
    """Fill the id and reject records with no usable Arabic text."""
    if record.problem:
        return record
    if record.doc_id is None or not str(record.doc_id).strip():
        record = replace(record, doc_id=stable_id(record))
    text = record.text or ""
    if not text.strip():
        return replace(record, problem="empty text")
    if not has_arabic_letters(text, config.MIN_ARABIC_LETTERS):
        return replace(record, problem=f"no Arabic text (fewer than {config.MIN_ARABIC_LETTERS} Arabic letters)")
    return record


def load_metadata(path: Path) -> pl.DataFrame:
    """Per-document metadata (seeds/metadata.csv style); doc_id is required."""
    table = pl.read_csv(path, infer_schema=False)
    if "doc_id" not in table.columns:
        raise CorpusError(f"{path}: metadata file has no doc_id column (columns: {', '.join(table.columns)})")
    duplicated = table.filter(pl.col("doc_id").is_duplicated())["doc_id"].unique().sort().to_list()
    if duplicated:
        raise CorpusError(f"{path}: doc_id listed more than once: {', '.join(duplicated)}")
    return table


# --------------------------------------------------------------------------
# Putting it together
# --------------------------------------------------------------------------

def read_records(root: Path, fmt: str | None = None, columns: Columns = Columns(), progress: bool | None = None) -> list[Record]:
    from tqdm import tqdm

    show = sys.stderr.isatty() if progress is None else progress
    records: list[Record] = []
    blobs = iter_blobs(root)
    for name, data in tqdm(blobs, desc="reading", unit=" files", disable=not show):
        records.extend(check_record(r) for r in parse_blob(name, data, fmt, columns))
    return records


def _resolve_ids(records: list[Record]) -> tuple[list[Record], list[dict]]:
    """Keep the first record per doc_id; identical repeats are duplicates, and a
    different text under a taken id gets a disambiguated id (noted)."""
    seen: dict[str, Record] = {}
    kept, duplicates = [], []
    for record in records:
        if record.problem:
            kept.append(record)
            continue
        first = seen.get(record.doc_id)
        if first is None:
            seen[record.doc_id] = record
            kept.append(record)
        elif first.text == record.text:
            duplicates.append({"path": record.path, "doc_id": record.doc_id, "status": "duplicate",
                               "reason": f"same doc_id and text as {first.path}"})
        else:
            new_id = f"{record.doc_id}~{hashlib.sha1(record.path.encode()).hexdigest()[:8]}"
            note = f"doc_id {record.doc_id} already used by {first.path}; renamed {new_id}"
            renamed = replace(record, doc_id=new_id, notes=record.notes + (note,))
            seen[new_id] = renamed
            kept.append(renamed)
    return kept, duplicates


def _published_from_record(record: Record) -> tuple:
    """(published, precision, basis) from the source field, else the text's byline."""
    from . import dates

    if record.time:
        parsed = dates.parse_source_time(record.time)
        if parsed:
            return parsed[0], parsed[1], "source"
    found = dates.byline_date(record.text or "")
    if found:
        return found[0], found[1], "text"
    return None, None, None


def _outlet_from_text(text: str) -> str | None:
    from . import clean

    return clean.source_outlet(text)


def record_row(record: Record) -> dict:
    """The documents-table row of one loaded record (date and outlet filled
    from the source fields, else from the text)."""
    published, precision, basis = _published_from_record(record)
    return {
        "doc_id": record.doc_id, "source_path": record.path, "format": record.format,
        "outlet": record.outlet or _outlet_from_text(record.text), "url": record.url,
        "title": record.title, "published": published, "published_precision": precision,
        "published_basis": basis, "encoding": record.encoding, "text": record.text,
    }


def records_to_documents(records: list[Record]) -> pl.DataFrame:
    rows = [record_row(record) for record in records]
    if not rows:
        return schemas.empty(schemas.DOCUMENTS)
    return schemas.conform(pl.DataFrame(rows, schema_overrides={"published": pl.Date}, infer_schema_length=None), schemas.DOCUMENTS)


def apply_metadata(documents: pl.DataFrame, metadata: pl.DataFrame, metadata_path: str) -> tuple[pl.DataFrame, list[dict]]:
    """Metadata values win over what the source says; report rows and documents that do not meet."""
    notes = []
    known = set(documents["doc_id"].to_list())
    for doc_id in metadata["doc_id"].to_list():
        if doc_id not in known:
            notes.append({"path": metadata_path, "doc_id": doc_id, "status": "rejected",
                          "reason": f"metadata row for a document that is not in the corpus ({metadata_path})"})
    meta = metadata.select(
        "doc_id",
        *[pl.col(c).alias(f"meta_{c}") for c in ("outlet", "url", "published", "published_precision", "published_basis")
          if c in metadata.columns],
    )
    merged = documents.join(meta, on="doc_id", how="left", maintain_order="left")
    if "meta_published" in merged.columns:
        # "2015-11-16" (day), "2019-06" (month) or "2019" (year); precision
        # defaults to what the value itself says
        value = pl.col("meta_published").str.strip_chars()
        parsed = pl.coalesce(
            value.str.to_date("%Y-%m-%d", strict=False),
            (value + "-01").str.to_date("%Y-%m-%d", strict=False),
            (value + "-01-01").str.to_date("%Y-%m-%d", strict=False),
        )
        implied = pl.when(value.str.len_chars() == 4).then(pl.lit("year")).when(value.str.len_chars() == 7).then(pl.lit("month")).otherwise(pl.lit("day"))
        precision = pl.col("meta_published_precision").replace("", None) if "meta_published_precision" in merged.columns else pl.lit(None, pl.String)
        has_date = parsed.is_not_null()
        merged = merged.with_columns(
            pl.when(has_date).then(parsed).otherwise(pl.col("published")).alias("published"),
            pl.when(has_date).then(pl.coalesce(precision, implied)).otherwise(pl.col("published_precision")).alias("published_precision"),
            pl.when(has_date).then(pl.lit("metadata")).otherwise(pl.col("published_basis")).alias("published_basis"),
        )
    for column in ("outlet", "url"):
        if f"meta_{column}" in merged.columns:
            merged = merged.with_columns(pl.coalesce(pl.col(f"meta_{column}").replace("", None), pl.col(column)).alias(column))
    return schemas.conform(merged, schemas.DOCUMENTS), notes


def load_corpus(
    root: str | Path,
    fmt: str | None = None,
    metadata: str | Path | None = None,
    columns: Columns = Columns(),
    progress: bool | None = None,
    drop_duplicates: bool = True,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Read a file, folder or archive into (documents, manifest).

    The manifest has one row per input file or record (and one per metadata
    row that names no document); documents holds the loaded ones.  Raises
    CorpusError when the path does not exist or nothing loads.
    """
    root = Path(root)
    if not root.exists():
        raise CorpusError(f"{root}: no such file or directory")
    if fmt not in (None, "auto") and fmt not in FORMATS:
        raise CorpusError(f"unknown format {fmt!r}; choose one of: auto, {', '.join(FORMATS)}")
    metadata_path = Path(metadata) if metadata else None
    if metadata_path is None and root.is_dir() and (root / "metadata.csv").exists():
        metadata_path = root / "metadata.csv"
    records = read_records(root, fmt, columns, progress)
    if metadata_path is not None:
        # a metadata file given inside the corpus folder is not an article
        records = [r for r in records if r.path.split("::")[0] != str(metadata_path)]
    records, manifest_rows = _resolve_ids(records)
    loaded = [r for r in records if not r.problem]
    for record in records:
        if record.problem:
            manifest_rows.append({"path": record.path, "doc_id": record.doc_id, "status": "rejected",
                                  "reason": record.problem})
        else:
            manifest_rows.append({"path": record.path, "doc_id": record.doc_id, "status": "loaded",
                                  "reason": "; ".join((f"decoded as {record.encoding}",) + record.notes)
                                  if record.encoding not in (None, "utf-8") or record.notes else None})
    documents = records_to_documents(loaded)
    if metadata_path is not None:
        metadata_table = load_metadata(metadata_path)
        documents, notes = apply_metadata(documents, metadata_table, str(metadata_path))
        manifest_rows.extend(notes)
        listed = set(metadata_table["doc_id"].to_list())
        for row in manifest_rows:
            if row["status"] == "loaded" and row["doc_id"] not in listed:
                row["reason"] = "; ".join(filter(None, [row["reason"], f"no row in {metadata_path}"]))
    if drop_duplicates and documents.height:
        documents, manifest_rows = _mark_duplicate_documents(documents, manifest_rows)
    manifest = schemas.conform(pl.DataFrame(manifest_rows, schema=schemas.MANIFEST), schemas.MANIFEST)
    if documents.height == 0:
        reasons = manifest.group_by("reason").len().sort("len", descending=True).head(3)
        summary = "; ".join(f"{r['len']} x {r['reason']}" for r in reasons.iter_rows(named=True))
        raise CorpusError(f"{root}: no document could be loaded from {manifest.height} inputs ({summary})")
    return documents, manifest


def _mark_duplicate_documents(documents: pl.DataFrame, manifest_rows: list[dict]) -> tuple[pl.DataFrame, list[dict]]:
    from . import clean

    duplicates = clean.duplicate_documents(documents)
    if duplicates.height == 0:
        return documents, manifest_rows
    why = {
        row["doc_id"]: f"{row['kind']} duplicate of {row['duplicate_of']} (similarity {row['similarity']:.2f})"
        for row in duplicates.iter_rows(named=True)
    }
    for row in manifest_rows:
        if row["status"] == "loaded" and row["doc_id"] in why:
            row["status"], row["reason"] = "duplicate", why[row["doc_id"]]
    return documents.filter(~pl.col("doc_id").is_in(list(why))), manifest_rows

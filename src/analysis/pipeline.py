"""The extraction job: corpus -> documents, manifest, flags, statements on disk.

Each stage is a pure function of tables (corpus, clean, statements, dates);
this module only wires them together, splits the documents into batches for
worker processes and writes the results.
"""

from __future__ import annotations

import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from . import clean, corpus, dates, schemas, speakers, statements

OUTPUT_FILES = ("documents.parquet", "manifest.parquet", "flags.parquet", "statements.parquet", "statements.csv")


@dataclass(frozen=True)
class ExtractResult:
    out_dir: Path
    documents: int
    statements: int
    manifest: dict  # status -> count

    def summary(self) -> str:
        counts = ", ".join(f"{n} {status}" for status, n in sorted(self.manifest.items()))
        return (f"{self.documents} documents ({counts}), {self.statements} statements "
                f"written to {self.out_dir}/ ({', '.join(OUTPUT_FILES)})")


def process_batch(documents: pl.DataFrame, registry_path: str | None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Flags and dated statements for one batch of documents (runs in a worker)."""
    registry = speakers.load_registry(registry_path) if registry_path else speakers.load_registry(speakers.default_registry_path())
    flags = clean.flag_spans(documents)
    found = statements.extract_statements(documents, flags, registry)
    return flags, dates.date_statements(found, documents)


def batches(documents: pl.DataFrame, size: int) -> list[pl.DataFrame]:
    return [documents.slice(start, size) for start in range(0, documents.height, size)] or [documents]


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def extract_tables(documents: pl.DataFrame, registry_path: str | None, workers: int = 1,
                   batch_size: int = 500, progress: bool | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(flags, statements) for all documents, in document order."""
    from tqdm import tqdm

    show = sys.stderr.isatty() if progress is None else progress
    parts = batches(documents, batch_size)
    bar = tqdm(total=documents.height, desc="extracting", unit=" docs", disable=not show)
    results = []
    if workers <= 1 or len(parts) == 1:
        for part in parts:
            results.append(process_batch(part, registry_path))
            bar.update(part.height)
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for part, result in zip(parts, pool.map(process_batch, parts, [registry_path] * len(parts))):
                results.append(result)
                bar.update(part.height)
    bar.close()
    flags = pl.concat([r[0] for r in results]) if results else schemas.empty(schemas.FLAGS)
    found = pl.concat([r[1] for r in results]) if results else schemas.empty(schemas.STATEMENTS)
    return schemas.conform(flags, schemas.FLAGS), schemas.conform(found, schemas.STATEMENTS)


def write_outputs(out_dir: Path, documents, manifest, flags, found) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    documents.write_parquet(out_dir / "documents.parquet")
    manifest.write_parquet(out_dir / "manifest.parquet")
    flags.write_parquet(out_dir / "flags.parquet")
    found.write_parquet(out_dir / "statements.parquet")
    found.write_csv(out_dir / "statements.csv")


def run_extract(corpus_path, out_dir, metadata=None, speakers_path=None, fmt=None,
                columns: corpus.Columns = corpus.Columns(), workers: int | None = None,
                progress: bool | None = None) -> ExtractResult:
    """Run the whole extraction and write every table to out_dir."""
    out_dir = Path(out_dir)
    corpus_path = Path(corpus_path)
    if speakers_path is None and corpus_path.is_dir() and (corpus_path / "speakers.csv").exists():
        speakers_path = corpus_path / "speakers.csv"  # the registry lives next to the corpus
    documents, manifest = corpus.load_corpus(corpus_path, fmt=fmt, metadata=metadata, columns=columns, progress=progress)
    flags, found = extract_tables(documents, str(speakers_path) if speakers_path else None,
                                  workers or default_workers(), progress=progress)
    write_outputs(out_dir, documents, manifest, flags, found)
    counts = dict(manifest.group_by("status").len().iter_rows())
    (out_dir / "run.json").write_text(json.dumps({
        "corpus": str(corpus_path), "metadata": str(metadata) if metadata else None,
        "speakers": str(speakers_path) if speakers_path else None,
        "documents": documents.height, "statements": found.height, "manifest": counts,
    }, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return ExtractResult(out_dir, documents.height, found.height, counts)


# --------------------------------------------------------------------------
# Re-use of earlier results
# --------------------------------------------------------------------------

def code_version() -> str:
    """Hash of the package's own source: results from other code are stale."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(Path(__file__).resolve().parent.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def input_fingerprint(*paths) -> str:
    """Hash of every input file's path, size and modification time (cheap: no reading)."""
    import hashlib

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


def run_key(corpus_path, metadata, speakers_path) -> dict:
    return {"code": code_version(), "inputs": input_fingerprint(corpus_path, metadata, speakers_path),
            "corpus": str(corpus_path), "metadata": str(metadata) if metadata else None,
            "speakers": str(speakers_path) if speakers_path else None}


def read_tables(out_dir) -> dict[str, pl.DataFrame]:
    out_dir = Path(out_dir)
    return {name: pl.read_parquet(out_dir / f"{name}.parquet")
            for name in ("documents", "manifest", "flags", "statements")}


def load_or_extract(corpus_path, out_dir, metadata=None, speakers_path=None, workers=None,
                    progress: bool | None = None) -> dict[str, pl.DataFrame]:
    """The four tables for a corpus: from out_dir when they were made from the
    same inputs by the same code, else by running the extraction."""
    out_dir = Path(out_dir)
    key = run_key(corpus_path, metadata, speakers_path)
    key_file = out_dir / "run-key.json"
    current = key_file.exists() and json.loads(key_file.read_text()) == key
    if not (current and all((out_dir / name).exists() for name in OUTPUT_FILES)):
        run_extract(corpus_path, out_dir, metadata, speakers_path, workers=workers, progress=progress)
        key_file.write_text(json.dumps(key, indent=2, sort_keys=True) + "\n")
    return read_tables(out_dir)

"""No quality lost for speed: gold scores of the streamed, cached pipeline
(`pipeline.run_extract`) next to the direct in-memory calls (`quality.predict`).

    PYTHONPATH=src .venv/bin/python benchmarks/quality_via_pipeline.py

Reads the gold articles from the corpora beside the project into a temporary
folder (never into the repository; ANT articles one by one, the SaudiNewsNet
day file whole) and prints both scores per set.
"""

from __future__ import annotations

import sys
import tarfile
import tempfile
from pathlib import Path

import polars as pl

from analysis import evaluate, pipeline, quality, speakers


def kept_copies(manifest: pl.DataFrame, wanted: set) -> dict[str, str]:
    """doc_id -> the id of the record it exactly duplicates, for the wanted ids."""
    found = manifest.filter(pl.col("doc_id").is_in(list(wanted)) & (pl.col("status") == "duplicate")).with_columns(
        pl.col("reason").str.extract(r"^exact duplicate of (\S+)").alias("kept"))
    return {d: k for d, k in zip(found["doc_id"], found["kept"]) if k}


def main() -> int:
    names = quality.available_sets()
    if not names:
        print(quality.UNAVAILABLE, file=sys.stderr)
        return 1
    aliases = speakers.load_registry(speakers.default_registry_path()).aliases  # spellings of one speaker
    with tempfile.TemporaryDirectory(prefix="gold-via-pipeline-") as tmp:
        for name in names:
            path, source = quality.GOLD_SETS[name]
            gold = evaluate.load_gold(path)
            wanted = set(gold["doc_id"].to_list())
            folder = Path(tmp) / name
            folder.mkdir()
            if source.name.endswith(".tar.gz"):
                with tarfile.open(source, "r|gz") as archive:
                    for member in archive:
                        if member.isfile() and Path(member.name).stem in wanted:
                            (folder / Path(member.name).name).write_bytes(archive.extractfile(member).read())
            else:
                (folder / source.name).symlink_to(source)
            pipeline.run_extract(folder, Path(tmp) / f"out-{name}", workers=1, progress=False)
            tables = pipeline.read_tables(Path(tmp) / f"out-{name}")
            # a gold article the pipeline set aside as an exact copy of another record
            # (SaudiNewsNet repeats articles) is scored on the copy it kept: same text
            kept = kept_copies(tables["manifest"], wanted)
            streamed = evaluate.evaluate(tables["statements"], gold.with_columns(pl.col("doc_id").replace(kept)),
                                         tables["documents"], aliases)
            documents = quality.gold_documents(gold, source)
            direct = evaluate.evaluate(quality.predict(documents), gold, documents, aliases)
            print(f"{name:11} pipeline P {streamed.precision:.3f} R {streamed.recall:.3f} F1 {streamed.f1:.3f} | "
                  f"direct P {direct.precision:.3f} R {direct.recall:.3f} F1 {direct.f1:.3f} | "
                  f"{gold['doc_id'].n_unique()} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())

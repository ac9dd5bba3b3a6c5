"""Benchmark: the pipeline next to the floor, per corpus; prints a Markdown table.

    PYTHONPATH=src .venv/bin/python benchmarks/run.py [--corpora seeds ant saudinewsnet ant1g]
                                                       [--workers 2] [--replicas N]

For each corpus, in a fresh subprocess (so memory is per corpus):
  floor     one compiled regex of reporting verbs over every byte of the same
            input files (archives decompressed, bytes decoded), with the same
            number of worker processes;
  cold      run_extract with an empty cache (stage times from timings.json);
  cached    run_extract again after dropping run-key.json, so every cache is
            consulted but nothing is re-read or re-extracted (the honest
            "unchanged corpus" path; the run-key short-cut is timed as 'same');
  same      run_extract again with nothing changed (run-key short-cut).
Peak RSS is the largest sum of RSS over the subprocess and its workers,
sampled every 0.1 s with psutil.

ant1g is ANT replicated into /tmp/bench-ant1g (never inside the repository)
with changed doc ids and a one-word marker appended to each text (so the
copies are distinct documents, not duplicates); it runs with
drop_duplicates=False, because near-duplicate detection would rightly drop
the copies and leave nothing to measure.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
ANT_TAR = CORPORA / "ant-2.1" / "ant-multisource-2.1.tar.gz"
ONE_GB_DIR = Path(tempfile.gettempdir()) / "bench-ant1g"
SOURCE = ROOT / "src"  # replaced by a snapshot in main()

# Common reporting-verb forms (past, present, verbal noun; with و/ف), one alternation.
REPORTING_VERBS = re.compile(
    r"(?:[وف])?(?:قال|قالت|يقول|تقول|أضاف|أضافت|يضيف|تضيف|أكد|أكدت|يؤكد|تؤكد|أوضح|أوضحت|يوضح|توضح|"
    r"أعلن|أعلنت|يعلن|تعلن|صرح|صرحت|أشار|أشارت|يشير|تشير|ذكر|ذكرت|اعتبر|اعتبرت|يعتبر|تعتبر|"
    r"نفى|نفت|ينفي|تنفي|دعا|دعت|يدعو|تدعو|حذر|حذرت|يحذر|تحذر|شدد|شددت|يشدد|تشدد|لفت|لفتت|"
    r"كشف|كشفت|يكشف|تكشف|قائلا|مضيفا|مؤكدا|مشيرا|تصريح|تصريحات)\b")


# --------------------------------------------------------------------------
# Floor: one regex over every byte
# --------------------------------------------------------------------------

def scan_batch(blobs: list[bytes]) -> tuple[int, int]:
    found = 0
    for data in blobs:
        found += len(REPORTING_VERBS.findall(data.decode("utf-8", errors="replace")))
    return found, sum(len(b) for b in blobs)


def floor_scan(corpus_path: Path, workers: int) -> dict:
    from analysis import pipeline

    def batches():
        batch, size = [], 0
        for path in pipeline.input_files(corpus_path, None):
            for _, data in pipeline._file_blobs(path):
                batch.append(bytes(data))
                size += len(data)
                if size >= pipeline.BATCH_BYTES:
                    yield (batch,)
                    batch, size = [], 0
        if batch:
            yield (batch,)

    started = time.perf_counter()
    pool = pipeline.Pool(pipeline.effective_workers(workers, corpus_path))
    matches = nbytes = 0
    try:
        for found, size in pool.imap(scan_batch, batches()):
            matches += found
            nbytes += size
    finally:
        pool.close()
    return {"floor": time.perf_counter() - started, "bytes": nbytes, "matches": matches}


# --------------------------------------------------------------------------
# One corpus, in its own process
# --------------------------------------------------------------------------

def run_one(name: str, corpus_path: Path, workers: int, out_dir: Path, drop_duplicates: bool) -> dict:
    from analysis import pipeline

    result = {"name": name}
    result.update(floor_scan(corpus_path, workers))
    cold = pipeline.run_extract(corpus_path, out_dir, workers=workers, progress=False,
                                drop_duplicates=drop_duplicates, use_cache=False)
    result["cold"] = cold.timings
    result["documents"] = cold.documents
    result["statements"] = cold.statements
    (out_dir / "run-key.json").unlink()
    started = time.perf_counter()
    cached = pipeline.run_extract(corpus_path, out_dir, workers=workers, progress=False, drop_duplicates=drop_duplicates)
    result["cached"] = time.perf_counter() - started
    result["cached_timings"] = cached.timings
    started = time.perf_counter()
    pipeline.run_extract(corpus_path, out_dir, workers=workers, progress=False, drop_duplicates=drop_duplicates)
    result["same"] = time.perf_counter() - started
    return result


def measure(name: str, corpus_path: Path, workers: int, drop_duplicates: bool) -> dict:
    """run_one in a fresh subprocess; peak RSS summed over it and its workers."""
    import psutil

    with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as tmp:
        result_file = Path(tmp) / "result.json"
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(SOURCE), os.environ.get("PYTHONPATH")])))
        child = subprocess.Popen([sys.executable, __file__, "--one", name, str(corpus_path), "--workers", str(workers),
                                  "--out", str(Path(tmp) / "out"), "--result", str(result_file)]
                                 + ([] if drop_duplicates else ["--keep-duplicates"]), env=env)
        peak = 0
        proc = psutil.Process(child.pid)
        while child.poll() is None:
            try:
                tree = [proc] + proc.children(recursive=True)
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.1)
        if child.returncode != 0:
            raise SystemExit(f"{name}: benchmark run failed ({child.returncode})")
        result = json.loads(result_file.read_text())
    result["peak_rss"] = peak
    return result


# --------------------------------------------------------------------------
# The ~1 GB corpus: ANT replicated with changed ids
# --------------------------------------------------------------------------

def make_replicated_ant(target_bytes: int = 1_000_000_000, replicas: int | None = None) -> Path:
    """ANT copied N times into /tmp (one .tar.gz per copy): DOCNO prefixed rK-,
    and a marker word appended to each text so no copy duplicates another."""
    done = ONE_GB_DIR / "done.json"
    if done.exists():
        return ONE_GB_DIR
    ONE_GB_DIR.mkdir(parents=True, exist_ok=True)
    members = []
    with tarfile.open(ANT_TAR, "r:gz") as archive:
        for member in archive:
            if member.isfile():
                members.append((member.name, archive.extractfile(member).read()))
    size = sum(len(d) for _, d in members)
    count = replicas or max(1, round(target_bytes / size))
    for k in range(count):
        with tarfile.open(ONE_GB_DIR / f"ant-r{k:02d}.tar.gz", "w:gz", compresslevel=1) as out:
            for name, data in members:
                data = data.replace(b"<DOCNO>", f"<DOCNO>r{k:02d}-".encode(), 1)
                data = data.replace(b"</TEXT>", f"\n(r{k:02d})</TEXT>".encode(), 1)
                info = tarfile.TarInfo(f"r{k:02d}/{name}")
                info.size = len(data)
                out.addfile(info, io.BytesIO(data))
    done.write_text(json.dumps({"replicas": count, "bytes": size * count}))
    return ONE_GB_DIR


# --------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------

def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import psutil

    return (f"{os.cpu_count()} cores ({cpu}), {psutil.virtual_memory().total / 2**30:.0f} GiB RAM, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}")


def table(results: list[dict]) -> str:
    lines = [
        "| corpus | MB | docs | statements | floor s | floor MB/s | cold s | MB/s | docs/s | pipeline/floor "
        "| read s | dupl s | clean cpu-s | statements cpu-s | dates cpu-s | extract s | write s "
        "| cached s (% cold) | same s | peak RSS MB |",
        "|" + "---|" * 20,
    ]
    for r in results:
        mb = r["bytes"] / 1e6
        cold = r["cold"]
        total = cold["total"]
        lines.append(
            f"| {r['name']} | {mb:.1f} | {r['documents']} | {r['statements']} | {r['floor']:.2f} | {mb / r['floor']:.1f} "
            f"| {total:.1f} | {mb / total:.2f} | {r['documents'] / total:.0f} | {total / r['floor']:.1f} "
            f"| {cold['read']:.1f} | {cold.get('duplicates', 0):.1f} | {cold['clean']:.1f} | {cold['statements']:.1f} "
            f"| {cold['dates']:.1f} | {cold['extract']:.1f} | {cold['write']:.1f} "
            f"| {r['cached']:.2f} ({100 * r['cached'] / total:.0f} %) | {r['same']:.2f} | {r['peak_rss'] / 1e6:.0f} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", nargs="*", default=["seeds", "ant", "saudinewsnet", "ant1g"])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--replicas", type=int, help="copies of ANT in the big corpus (default: ~1 GB)")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--keep-duplicates", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        result = run_one(args.one[0], Path(args.one[1]), args.workers, args.out, not args.keep_duplicates)
        args.result.write_text(json.dumps(result))
        return 0
    # every corpus runs the same code: a snapshot of src/ taken now (edits made
    # meanwhile would change the cache keys between the cold and cached runs)
    global SOURCE
    snapshot = Path(tempfile.mkdtemp(prefix="bench-src-"))
    SOURCE = snapshot / "src"
    shutil.copytree(ROOT / "src" / "analysis", SOURCE / "analysis", ignore=shutil.ignore_patterns("__pycache__"))
    (snapshot / "seeds").symlink_to(ROOT / "seeds")  # config finds the seed registry beside src/
    paths = {"seeds": ROOT / "seeds", "ant": ANT_TAR.parent, "saudinewsnet": CORPORA / "saudinewsnet"}
    results = []
    for name in args.corpora:
        if name == "ant1g":
            if not ANT_TAR.exists():
                print(f"skipping {name}: {ANT_TAR} not found", file=sys.stderr)
                continue
            path = make_replicated_ant(replicas=args.replicas)
        else:
            path = paths[name]
            if not path.exists():
                print(f"skipping {name}: {path} not found", file=sys.stderr)
                continue
        print(f"running {name} ({path}) ...", file=sys.stderr, flush=True)
        results.append(measure(name, path, args.workers, drop_duplicates=name != "ant1g"))
        if args.json:
            args.json.write_text(json.dumps(results, indent=2))
    print(f"Machine: {machine()}; workers: {args.workers}\n")
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())

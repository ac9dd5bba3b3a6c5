"""Profile the pipeline stages on a sample of ANT articles (cProfile).

    PYTHONPATH=src .venv/bin/python benchmarks/profile_stages.py [N_DOCS] [ANT_DIR]

ANT_DIR is an unpacked ANT copy (default /tmp/ant). Prints, per stage, the wall
time and the functions with the largest cumulative/own time.  Runs in one
process so the profile sees every call.
"""

from __future__ import annotations

import cProfile
import io
import pstats
import sys
import time
from pathlib import Path


from analysis import clean, corpus, dates, speakers, statements


def sample_files(root: Path, n: int) -> list[Path]:
    files = sorted(p for p in root.rglob("*.txt"))
    step = max(1, len(files) // n)
    return files[::step][:n]


def profiled(label, fn, *args):
    prof = cProfile.Profile()
    t = time.perf_counter()
    prof.enable()
    result = fn(*args)
    prof.disable()
    wall = time.perf_counter() - t
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out).sort_stats("tottime")
    stats.print_stats(12)
    print(f"\n=== {label}: {wall:.2f} s ===")
    print("\n".join(line for line in out.getvalue().splitlines() if line.strip())[-2500:])
    return result, wall


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    root = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("/tmp/ant")
    files = sample_files(root, n)
    size = sum(f.stat().st_size for f in files)
    print(f"{len(files)} files, {size / 1e6:.1f} MB")

    def load():
        records = []
        for f in files:
            records.extend(corpus.check_record(r) for r in corpus.parse_blob(str(f), f.read_bytes(), None, corpus.Columns()))
        return records

    records, t_parse = profiled("read + parse + decode", load)
    documents, t_rows = profiled("records -> documents (dates, outlet)", corpus.records_to_documents,
                                 [r for r in records if not r.problem])
    registry = speakers.load_registry(speakers.default_registry_path())
    flags, t_clean = profiled("clean.flag_spans", clean.flag_spans, documents)
    found, t_stmt = profiled("statements.extract_statements", statements.extract_statements, documents, flags, registry)
    dated, t_dates = profiled("dates.date_statements", dates.date_statements, found, documents)
    if hasattr(clean, "duplicate_documents"):
        _, t_dup = profiled("clean.duplicate_documents", clean.duplicate_documents, documents)
    else:
        t_dup = float("nan")
    total = t_parse + t_rows + t_clean + t_stmt + t_dates
    print(f"\nSUMMARY {len(files)} docs {size / 1e6:.1f} MB, single process:")
    for name, t in [("parse", t_parse), ("rows", t_rows), ("clean", t_clean), ("statements", t_stmt),
                    ("dates", t_dates), ("duplicates", t_dup)]:
        print(f"  {name:<12} {t:7.2f} s  {size / 1e6 / t if t else 0:7.1f} MB/s  {100 * t / total:5.1f} %")
    print(f"  total        {total:7.2f} s  {size / 1e6 / total:7.1f} MB/s; {dated.height} statements")


if __name__ == "__main__":
    main()

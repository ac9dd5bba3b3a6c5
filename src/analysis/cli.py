"""Command line: `analysis extract`, `analysis report`, `analysis evaluate`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import config


def _add_extract(sub) -> None:
    p = sub.add_parser(
        "extract",
        help="read a corpus and write documents, manifest, flags and statements tables",
        description="Read CORPUS (a folder, file or archive of .txt, TREC, JSON/JSONL, CSV or Parquet "
                    "articles) and write documents.parquet, manifest.parquet, flags.parquet, "
                    "statements.parquet and statements.csv to --out.",
    )
    p.add_argument("corpus", type=Path, help="folder, file or archive (.zip, .tar.gz) of articles")
    p.add_argument("--out", type=Path, required=True, help="output folder for the tables")
    p.add_argument("--metadata", type=Path, help="CSV with doc_id, outlet, url, published, ... "
                   "(default: CORPUS/metadata.csv when present)")
    p.add_argument("--speakers", type=Path, help="speaker registry CSV (default: CORPUS/speakers.csv, "
                   "else the project's seeds/speakers.csv)")
    p.add_argument("--format", dest="fmt", default="auto",
                   choices=["auto", "txt", "trec", "json", "jsonl", "csv", "parquet"],
                   help="input format (default: detected per file)")
    for field in ("text", "doc_id", "title", "url", "outlet", "time"):
        p.add_argument(f"--{field.replace('_', '-')}-column", dest=f"{field}_column",
                       help=f"record field / column holding the {field} (JSON, CSV, Parquet)")
    p.add_argument("--workers", type=int, help="worker processes (default: number of cores)")
    p.add_argument("--no-progress", action="store_true", help="never show a progress bar")


def _add_report(sub) -> None:
    p = sub.add_parser(
        "report",
        help="run every notebook through papermill and build the HTML report",
        description="Execute notebooks/NN_*.ipynb in order with papermill, write executed notebooks "
                    "to reports/, figures to figures/ and reports/report.html.",
    )
    p.add_argument("--params", type=Path, help="YAML or JSON file of notebook parameters")
    p.add_argument("-p", "--parameter", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                   help="set one parameter (repeatable), e.g. -p corpus ../shared/corpora/ant-2.1")
    p.add_argument("--reports-dir", type=Path, default=config.REPORTS_DIR, help="where executed notebooks go")
    p.add_argument("--only", nargs="*", help="run only these notebooks (names without .ipynb)")


def _add_evaluate(sub) -> None:
    p = sub.add_parser(
        "evaluate",
        help="score a statements table against a gold annotation",
        description="Match predicted statements to gold by span overlap and speaker; print precision, "
                    "recall, F1 and every miss and false alarm.",
    )
    p.add_argument("--gold", type=Path, required=True)
    p.add_argument("--documents", type=Path, required=True)
    p.add_argument("--statements", type=Path, required=True)
    p.add_argument("--speakers", type=Path, default=None,
                   help="speaker registry whose spellings count as the same speaker (default: seeds/speakers.csv)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="analysis",
        description="Attributed statements from Arabic news: extract them from a corpus, "
                    "evaluate them, and build the notebook report.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_extract(sub)
    _add_report(sub)
    _add_evaluate(sub)
    return parser


def run_extract(args) -> int:
    from . import corpus, pipeline

    columns = corpus.Columns(text=args.text_column, doc_id=args.doc_id_column, title=args.title_column,
                             url=args.url_column, outlet=args.outlet_column, time=args.time_column)
    result = pipeline.run_extract(args.corpus, args.out, metadata=args.metadata, speakers_path=args.speakers,
                                  fmt=None if args.fmt == "auto" else args.fmt, columns=columns,
                                  workers=args.workers, progress=False if args.no_progress else None)
    print(result.summary())
    return 0


def run_report(args) -> int:
    from . import report

    params = report.read_params(args.params) if args.params else {}
    params.update(report.parse_cli_params(args.parameter))
    written = report.run_report(params, reports_dir=args.reports_dir, only=args.only)
    for path in written:
        print(f"wrote {path}")
    return 0


def run_evaluate(args) -> int:
    from . import evaluate

    return evaluate.main(["--gold", str(args.gold), "--documents", str(args.documents),
                          "--statements", str(args.statements)]
                         + (["--speakers", str(args.speakers)] if args.speakers else []))


def main(argv: list[str] | None = None) -> int:
    from .corpus import CorpusError

    args = build_parser().parse_args(argv)
    handler = {"extract": run_extract, "report": run_report, "evaluate": run_evaluate}[args.command]
    try:
        return handler(args)
    except CorpusError as error:
        print(f"analysis {args.command}: error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

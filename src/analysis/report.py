"""Run the notebooks in order with papermill and build the static HTML report."""

from __future__ import annotations

import ast
import csv
import json
import re
from pathlib import Path

from . import config

# Parameters every notebook accepts (the literal defaults live in the
# notebooks' `parameters` cells; these are only the names, for checking).
PARAMETER_NAMES = (
    "corpus", "metadata", "speakers", "out_dir", "figures_dir",
    "date_from", "date_to", "frequency", "top_n", "label_language",
)
PATH_PARAMETERS = ("corpus", "metadata", "speakers", "out_dir", "figures_dir")


def notebooks(only: list[str] | None = None) -> list[Path]:
    found = sorted(config.NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))
    if only:
        found = [nb for nb in found if nb.stem in set(only)]
    return found


def read_params(path: Path) -> dict:
    text = Path(path).read_text(encoding="utf-8")
    if path.suffix == ".json":
        return json.loads(text)
    import yaml  # papermill depends on PyYAML

    return yaml.safe_load(text) or {}


def parse_value(text: str):
    """A -p value as a Python literal when it is one (8, None, 'x'), else the string."""
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text


def parse_cli_params(pairs: list[list[str]]) -> dict:
    params = {}
    for name, value in pairs:
        if name not in PARAMETER_NAMES:
            raise SystemExit(f"analysis report: unknown parameter {name!r}; known: {', '.join(PARAMETER_NAMES)}")
        params[name] = parse_value(value)
    return params


def for_notebooks(params: dict, cwd: Path) -> dict:
    """Paths given on the command line are relative to where the user is;
    the notebooks run in notebooks/, so make them absolute."""
    fixed = dict(params)
    for name in PATH_PARAMETERS:
        if isinstance(fixed.get(name), str):
            fixed[name] = str((cwd / fixed[name]).resolve())
    return fixed


def run_report(params: dict, reports_dir: Path = config.REPORTS_DIR, only: list[str] | None = None,
               cwd: Path | None = None) -> list[Path]:
    import papermill

    reports_dir = Path(reports_dir)
    reports_dir.mkdir(parents=True, exist_ok=True)
    params = for_notebooks(params, Path(cwd or Path.cwd()))
    written = []
    for notebook in notebooks(only):
        target = reports_dir / notebook.name
        papermill.execute_notebook(
            str(notebook), str(target), parameters=params, cwd=str(notebook.parent),
            kernel_name="python3", progress_bar=False, report_mode=False,
        )
        written.append(target)
    if written:
        written.append(write_html(written, reports_dir / "report.html"))
    return written


RTL_STYLE = """
<style>
  /* Arabic text (table cells, prose) reads right to left; code stays LTR */
  .jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { unicode-bidi: plaintext; text-align: start; }
  [dir="rtl"] { text-align: right; }
  .jp-InputArea, .jp-OutputArea-output pre { direction: ltr; }
</style>
"""


def add_rtl(html: str) -> str:
    """Mark table cells and paragraphs containing Arabic with dir="rtl"."""
    arabic = re.compile(r"[\u0600-\u06FF]")

    def mark(match: re.Match) -> str:
        tag, attrs, body = match.group(1), match.group(2) or "", match.group(3)
        if arabic.search(body) and "dir=" not in attrs:
            attrs = f'{attrs} dir="rtl"'
        return f"<{tag}{attrs}>{body}</{tag}>"

    html = re.sub(r"<(td|th|p|li|h[1-6])(\s[^>]*)?>(.*?)</\1>", mark, html, flags=re.S)
    return html.replace("</head>", RTL_STYLE + "</head>", 1)


def write_html(executed: list[Path], target: Path) -> Path:
    """One static HTML page: every executed notebook, figures inline, no input code."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    # a report for readers: prose, tables and figures; the code is in the notebooks
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    merged = None
    for path in executed:
        nb = nbformat.read(str(path), as_version=4)
        if merged is None:
            merged = nb
        else:
            merged.cells.extend(nb.cells)
    body, _ = exporter.from_notebook_node(merged)
    target.write_text(add_rtl(body), encoding="utf-8")
    return target


def register_figures(figures_dir, notebook: str, function: str, paths: list) -> Path:
    """Record in figures/index.csv which notebook and function made each figure file."""
    figures_dir = Path(figures_dir)
    index = figures_dir / "index.csv"
    rows = {}
    if index.exists():
        with index.open(encoding="utf-8", newline="") as handle:
            rows = {row["file"]: row for row in csv.DictReader(handle)}
    for path in paths:
        name = Path(path).name
        rows[name] = {"file": name, "notebook": notebook, "function": function}
    with index.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["file", "notebook", "function"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows[name] for name in sorted(rows))
    return index

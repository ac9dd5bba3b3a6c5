"""The report: papermill runs every notebook, the HTML shows Arabic right to left.

Runs the whole report once on the seeds into a temporary folder; the browser
checks need Debian's chromium (installed by .ci/run) and skip without it.
"""

import re
import shutil
import subprocess

import numpy as np
import pytest
from PIL import Image

from analysis import config, report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("report")
    params = {"corpus": str(config.SEEDS_DIR), "out_dir": str(base / "out"), "figures_dir": str(base / "figures")}
    written = report.run_report(params, reports_dir=base / "reports", cwd=base)
    return base, written


def test_every_notebook_executed_and_html_written(built):
    base, written = built
    names = [p.name for p in written]
    assert names == ["01_corpus.ipynb", "02_statements.ipynb", "03_over_time.ipynb", "04_by_speaker.ipynb", "report.html"]
    assert all(p.exists() and p.stat().st_size > 0 for p in written)


def test_figures_in_three_formats_and_indexed(built):
    base, _ = built
    figures = base / "figures"
    stems = {p.stem for p in figures.glob("*.pdf")}
    assert {"statements-per-speaker", "statements-speaker-by-outlet", "reporting-verbs"} <= stems
    for stem in stems:
        assert (figures / f"{stem}.svg").exists() and (figures / f"{stem}.png").exists()
    index = (figures / "index.csv").read_text()
    assert "02_statements,plots.counts_by_speaker_figure" in index


def test_html_marks_arabic_rtl_and_inlines_figures(built):
    base, _ = built
    html = (base / "reports" / "report.html").read_text(encoding="utf-8")
    assert re.search(r'<td[^>]*dir="rtl"[^>]*>[^<]*[\u0600-\u06FF]', html), "Arabic table cells carry dir=rtl"
    assert html.count("data:image/png;base64") >= 5, "figures are inline"


def test_parameters_cell_is_overridden(built):
    base, written = built
    text = written[0].read_text(encoding="utf-8")
    assert "injected-parameters" in text and str(base / "out") in text


@pytest.mark.browser
def test_html_report_renders_right_to_left_in_chromium(built, tmp_path):
    if CHROMIUM is None:
        pytest.skip("chromium not installed (apt-get install chromium; .ci/run does this)")
    base, _ = built
    page = base / "reports" / "report.html"
    # ask the browser itself which direction it lays an Arabic table cell out in
    probe = page.read_text(encoding="utf-8").replace("</body>", """<script>
      const cell = [...document.querySelectorAll('td')].find(td => /[\\u0600-\\u06FF]/.test(td.textContent));
      document.body.setAttribute('data-probe', cell ? getComputedStyle(cell).direction : 'none');
    </script></body>""")
    probed = tmp_path / "probe.html"
    probed.write_text(probe, encoding="utf-8")
    dom = subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
                          probed.as_uri()], capture_output=True, text=True, timeout=120)
    assert 'data-probe="rtl"' in dom.stdout, dom.stderr[-2000:]
    shot = tmp_path / "report.png"
    subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile2'}", f"--screenshot={shot}",
                    "--window-size=1280,2400", page.as_uri()], capture_output=True, timeout=120)
    assert shot.exists(), "chromium wrote a screenshot"
    pixels = np.asarray(Image.open(shot).convert("L"))
    assert (pixels < 128).mean() > 0.005, "the screenshot shows text, not a blank page"
    keep = config.PROJECT_ROOT / "out" / "report-screenshot.png"
    keep.parent.mkdir(exist_ok=True)
    shutil.copy(shot, keep)  # for a person to look at

"""Project set-up: dependency lists agree, CLI help, notebooks carry outputs."""

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def requirement_names(lines):
    names = set()
    for line in lines:
        line = line.strip()
        if not line or line.startswith(("#", "-")):
            continue
        names.add(re.split(r"[<>=!~\[ ;]", line, maxsplit=1)[0].lower().replace("_", "-"))
    return names


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = requirement_names(project["dependencies"] + project["optional-dependencies"]["test"])
    text = (ROOT / "environment.yml").read_text()
    pip_block = text.split("- pip:", 1)[1]
    items = (re.sub(r"^\s*-\s+", "", line, count=1) for line in pip_block.splitlines() if line.strip().startswith("- "))
    listed = requirement_names(items)
    assert listed == wanted, f"only in environment.yml: {listed - wanted}; only in pyproject: {wanted - listed}"


def test_lock_file_pins_every_dependency():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = requirement_names(project["dependencies"] + project["optional-dependencies"]["test"])
    lock = (ROOT / "requirements.lock").read_text()
    pinned = {m.group(1).lower().replace("_", "-") for m in re.finditer(r"^([A-Za-z0-9_.\-]+)==", lock, re.M)}
    assert wanted <= pinned, f"not pinned: {wanted - pinned}"
    assert re.search(r"^matplotlib==3\.(1[1-9]|[2-9]\d)", lock, re.M), "matplotlib >= 3.11 pinned"


@pytest.mark.parametrize("command", [[], ["extract"], ["report"], ["evaluate"]])
def test_every_subcommand_has_help(command):
    result = subprocess.run([sys.executable, "-m", "analysis", *command, "--help"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "usage: analysis" in result.stdout


def test_extract_on_missing_corpus_is_a_clear_error(tmp_path):
    result = subprocess.run([sys.executable, "-m", "analysis", "extract", str(tmp_path / "nothing"), "--out", str(tmp_path / "o")],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "no such file or directory" in result.stderr and "nothing" in result.stderr


def test_extract_on_a_corpus_where_nothing_loads_exits_with_the_reasons(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("english only " * 20)
    result = subprocess.run([sys.executable, "-m", "analysis", "extract", str(tmp_path / "c"), "--out", str(tmp_path / "o")],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "no document could be loaded" in result.stderr and "no Arabic text" in result.stderr
    assert not (tmp_path / "o" / "statements.parquet").exists()


NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def test_there_are_four_notebooks():
    assert [nb.stem for nb in NOTEBOOKS] == ["01_corpus", "02_statements", "03_over_time", "04_by_speaker"]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_committed_with_outputs(notebook):
    """nbval compares stored outputs: a notebook without them would pass trivially."""
    nb = json.loads(notebook.read_text())
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code and all(c.get("execution_count") for c in code), "every code cell executed"
    with_output = [c for c in code if c.get("outputs")]
    assert len(with_output) >= len(code) - 1, "outputs stored (only the parameters cell may be silent)"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_shape(notebook):
    nb = json.loads(notebook.read_text())
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    tagged = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, "one cell tagged parameters"
    source = "".join(tagged[0]["source"])
    for line in source.splitlines():
        code = line.split("#", 1)[0].strip()
        if code:
            name, value = (part.strip() for part in code.split("=", 1))
            __import__("ast").literal_eval(value)  # literals only: derived values go stale
    for cell in nb["cells"]:
        text = "".join(cell["source"])
        assert not re.search(r"^\s*(def|class)\s", text, re.M), "no function or class definitions in notebooks"
    last = [c for c in nb["cells"] if c["cell_type"] == "code"][-1]
    assert "assert" in "".join(last["source"]), "the last code cell checks invariants"

#!/usr/bin/env bash
# Create .venv-mpl310 (matplotlib 3.10, no libraqm) once and run the Arabic
# rendering and figure tests there, where arabic.label() must take the
# reshape+bidi fallback.  Usage: bash tests/mpl310/run.sh [pytest args...]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$here"
venv=.venv-mpl310
py="${PYTHON:-python3.11}"
command -v "$py" >/dev/null 2>&1 || py=python3
if [ ! -x "$venv/bin/python" ] || [ tests/mpl310/requirements.txt -nt "$venv/.installed" ]; then
    "$py" -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r tests/mpl310/requirements.txt
    touch "$venv/.installed"
fi
"$venv/bin/python" -c "import matplotlib, matplotlib.ft2font as f; print('matplotlib', matplotlib.__version__, 'libraqm', getattr(f, '__libraqm_version__', None))"
PYTHONPATH=src "$venv/bin/python" -m pytest -p no:cacheprovider tests/test_arabic_render.py tests/test_plots.py "$@"

# Two commands on a fresh machine:  make report   and   make test
# Both create .venv with the pinned dependencies (requirements.lock) first.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# extra parameters for the report, e.g. make report ARGS="-p corpus ../shared/corpora/ant-2.1"
ARGS   ?=

.PHONY: setup report extract test lab lock bench clean-outputs

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name arabic-statements \
		--display-name "Python (arabic-statements)" >/dev/null
	touch $(STAMP)

# The main job: every notebook through papermill on the seed corpus.
report: $(STAMP)
	PYTHONHASHSEED=0 $(BIN)/analysis report $(ARGS)

# Only the extraction, on the seeds.
extract: $(STAMP)
	$(BIN)/analysis extract seeds --out out/seeds

# The whole test suite, notebooks included (nbval compares their stored outputs).
test: $(STAMP)
	PYTHONHASHSEED=0 $(BIN)/python -m pytest tests notebooks --nbval \
		--nbval-sanitize-with tests/nbval_sanitize.cfg -p no:cacheprovider

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks

# Regenerate the lock file after changing dependencies in pyproject.toml.
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --extra test --strip-extras --no-emit-index-url \
		--output-file requirements.lock pyproject.toml

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean-outputs:
	rm -rf out reports

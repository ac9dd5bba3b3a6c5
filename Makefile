# Two commands on a fresh machine:  make report   and   make test
# Both create .venv with the pinned dependencies (requirements.lock) first.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# extra parameters for the report, e.g. make report ARGS="-p corpus ../shared/corpora/ant-2.1"
ARGS   ?=

.PHONY: setup report extract test test-mpl310 figure-baselines lab lock bench clean-outputs

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

# The whole test suite, notebooks included (nbval compares their stored outputs),
# then the Arabic rendering and figure tests again on matplotlib 3.10.
test: $(STAMP)
	PYTHONHASHSEED=0 $(BIN)/python -m pytest tests notebooks --nbval \
		--nbval-sanitize-with tests/nbval_sanitize.cfg -p no:cacheprovider
	$(MAKE) test-mpl310

# Rendering + figure tests on matplotlib 3.10 (no libraqm: the reshape+bidi
# fallback); creates .venv-mpl310 once.
test-mpl310:
	PYTHON=$(PYTHON) bash tests/mpl310/run.sh -q

# Regenerate tests/baseline/*.png after an intended change to plots.py (then look at them).
figure-baselines: $(STAMP)
	REGEN_BASELINE=1 $(BIN)/python -m pytest -q tests/test_plots.py -k baseline

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

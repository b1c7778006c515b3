# Two commands set everything up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench eval snapshots analysis-expected clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the project's metadata changes; the install is editable.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The sample article, unless ARGS names another (ARGS= opens the library).
ARGS ?= seeds/meta-ai-layoffs-it.txt

run: $(STAMP)
	$(BIN)/reader $(ARGS)

# The lint first (ruff, mypy, the import contracts), then every test.
# One tier only: make test PYTEST_ARGS="-m unit" (the tiers are listed in pyproject.toml).
test: $(STAMP) lint
	env -u TEXTUAL_THEME -u NO_COLOR $(BIN)/python -m pytest $(PYTEST_ARGS)

# ruff, mypy and the import contracts (pyproject.toml configures all three); each
# runs even when one before it fails, and any failure fails the target.
lint: $(STAMP)
	@status=0; \
	$(BIN)/ruff check . || status=1; \
	$(BIN)/mypy || status=1; \
	$(BIN)/lint-imports || status=1; \
	exit $$status

bench: $(STAMP)
	$(BIN)/python -m benchmarks

eval: $(STAMP)
	$(BIN)/python -m tests.evaluate

# After a change meant to alter the analysis: rewrite tests/data/analysis/ and review the diff.
analysis-expected: $(STAMP)
	$(BIN)/python -m tests.expected_analysis

snapshots: $(STAMP)
	env -u TEXTUAL_THEME -u NO_COLOR $(BIN)/python -m pytest tests/ui/test_snapshots.py tests/ui/test_theme_snapshots.py --snapshot-update

clean:
	rm -rf $(VENV) build dist .pytest_cache snapshot_report.html

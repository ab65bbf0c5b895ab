# mkdocs-prd developer commands.  `make serve` and `make test` work on a fresh machine:
# each creates .venv and installs the package with its test extras first.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
ADDR ?= 127.0.0.1:8000
DOCS_ADDR ?= 127.0.0.1:8001

.PHONY: setup serve docs test lint typecheck pytest bench clean

# The test extras are installed with uv (several times faster than pip); uv itself comes
# from the package index with pip.  Where uv cannot be had or fails, plain pip does it all.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	{ $(BIN)/python -m pip install -q uv && $(BIN)/uv pip install -q --python $(BIN)/python -e '.[test]'; } \
	  || { echo "setup: uv unavailable or failed; installing with pip"; \
	       $(BIN)/python -m pip install -q --upgrade pip && $(BIN)/python -m pip install -q -e '.[test]'; }
	touch $(STAMP)

setup: $(STAMP)

serve: setup
	$(BIN)/mkdocs serve -f sample_site/mkdocs.yml -a $(ADDR)

docs: setup
	$(BIN)/mkdocs serve -f mkdocs.yml -a $(DOCS_ADDR)

lint: setup
	$(BIN)/ruff check mkdocs_prd tests benchmarks

typecheck: setup
	$(BIN)/mypy

# Test processes (pytest-xdist); most tests wait on subprocess builds, a browser or a
# package index, so two per core keeps both cores busy.  PYTEST_JOBS=0 runs in one process.
# Modules run in collection order (slow ones first, tests/conftest.py), not by test count.
PYTEST_JOBS ?= 4

pytest: setup
	$(BIN)/pytest -n $(PYTEST_JOBS) --dist loadfile --no-loadscope-reorder --durations=25

test: lint typecheck pytest

bench: setup
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) site sample_site/site .pytest_cache .mypy_cache .ruff_cache build *.egg-info

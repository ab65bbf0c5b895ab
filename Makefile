# mkdocs-prd developer commands.  `make serve` and `make test` work on a fresh machine:
# each creates .venv and installs the package with its test extras first.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
ADDR ?= 127.0.0.1:8000
DOCS_ADDR ?= 127.0.0.1:8001

.PHONY: setup serve docs test lint typecheck pytest bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
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

pytest: setup
	$(BIN)/pytest

test: lint typecheck pytest

bench: setup
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) site sample_site/site .pytest_cache .mypy_cache .ruff_cache build *.egg-info

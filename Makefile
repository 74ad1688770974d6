# One task runner. `make` = test + lint. Every target creates the virtual environment if needed.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: all test lint fix demo serve golden bench install clean docs

all: test lint

$(BIN)/nghiquyet: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $@

install: $(BIN)/nghiquyet

demo: install  ## the main job: fresh SQLite database with demo data, then serve it
	$(BIN)/nghiquyet demo --port $(PORT)

serve: install
	$(BIN)/nghiquyet serve --port $(PORT)

# Tests and lint both run, whatever the first gives; the target fails when either failed.
test: install  ## the whole suite (SQLite; PostgreSQL too when NGHIQUYET_TEST_POSTGRES_URL is set), then lint
	@status=0; $(BIN)/python -m pytest -n 2 --dist loadgroup -q || status=$$?; \
	$(MAKE) --no-print-directory lint || status=$$((status ? status : 1)); \
	exit $$status

lint: install
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

fix: install
	$(BIN)/ruff check --fix src tests benchmarks
	$(BIN)/ruff format src tests benchmarks

golden: install  ## score the extractor on the seeds
	$(BIN)/python tools/score_extraction.py --gold tests/golden/seeds/gold \
	  --docs src/nghiquyet/demo/seeds --run '$(BIN)/nghiquyet extract {} --format json'

docs: install  ## regenerate docs/cli.md from the commands' --help
	$(BIN)/python scripts/cli_reference.py > docs/cli.md

bench: install
	$(BIN)/python benchmarks/extract.py
	$(BIN)/python benchmarks/extract_instructions.py
	$(BIN)/python benchmarks/tracking.py
	$(BIN)/python benchmarks/reports.py

clean:
	rm -rf $(VENV) nghiquyet-data .pytest_cache .mypy_cache .ruff_cache

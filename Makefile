# Two commands on a fresh machine with Python 3.11: `make demo` and `make test`.
# Each builds the virtualenv it needs first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint format bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/newsprov demo --db demo.db

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)
	$(BIN)/python bench/annotate_speed.py
	$(BIN)/python bench/related_speed.py
	$(BIN)/python bench/trace_speed.py
	$(BIN)/python bench/datasette_speed.py
	$(BIN)/python bench/desk_speed.py
	$(BIN)/python bench/extract_speed.py

clean:
	rm -rf $(VENV) *.egg-info demo.db demo.db-wal demo.db-shm

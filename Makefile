# The two commands that matter on a fresh machine: `make up` (run the pipeline) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: install up test test-unit lint schemas

# A virtual environment with Vigie and its test tools; re-done when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	$(BIN)/vigie infra fetch
	touch $@

install: $(VENV)/.installed

# Kafka + PostgreSQL + topics + migrations + every service, until Ctrl-C.
up: install
	$(BIN)/vigie up

# Unit and integration tests; the integration tests start their own Kafka and PostgreSQL.
test: install
	$(BIN)/pytest

test-unit: install
	$(BIN)/pytest tests/unit

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

schemas: install
	$(BIN)/vigie schemas export

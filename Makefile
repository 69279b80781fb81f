# The two commands of the README: `make run` and `make test`.
# Both create .venv on first use and install the project into it; nothing else is needed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test lint bench interop clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/setup-wizard $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest $(PYTEST_ARGS)

bench: $(STAMP)
	for b in bench/*.py; do $(BIN)/python $$b || exit 1; done

# Particle's own clients against our simulator (needs node and npm; not part of `make test`).
interop: $(STAMP)
	cd tools/interop && npm ci --silent --no-audit --no-fund
	$(BIN)/python tools/interop/run.py

clean:
	rm -rf $(VENV) build *.egg-info

# The two commands of the README: `make run` and `make test`.
# Both create .venv on first use and install the project into it; nothing else is needed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test lint bench interop translations clean

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

# The German translation. lupdate collects every marked text of the package but sim/ (never
# shown to people; the same rule is in tests/gui/test_i18n_catalogue.py) into the .ts that
# translators edit (Qt Linguist); lrelease compiles the .qm the app loads. Commit both: the
# app and CI need no Qt tools. In the files lupdate reads, a `#:` comment is a note for the
# translator of the next marked text: don't use it for anything else.
TRANSLATIONS := setup_wizard/resources/translations
translations: $(STAMP)
	$(BIN)/pyside6-lupdate -silent -no-obsolete -locations none -source-language en \
		-target-language de $$(find setup_wizard -name '*.py' -not -path 'setup_wizard/sim/*' | sort) \
		-ts $(TRANSLATIONS)/photon_setup_de.ts
	$(BIN)/pyside6-lrelease -silent $(TRANSLATIONS)/photon_setup_de.ts -qm $(TRANSLATIONS)/photon_setup_de.qm

clean:
	rm -rf $(VENV) build *.egg-info

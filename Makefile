# The two commands of the README: `make run` and `make test`.
# Both create .venv on first use and install the project into it; nothing else is needed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
BUNDLE_DIR := dist/photon-setup
BUNDLE := $(BUNDLE_DIR)/photon-setup

.PHONY: run test lint bench reliability soak interop translations dist validators clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,dist]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/setup-wizard $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# The tests include the bundle's smoke test (tests/packaging/), so the bundle is built first.
test: lint $(BUNDLE) validators
	QT_QPA_PLATFORM=offscreen PHOTON_SETUP_BUNDLE=$(abspath $(BUNDLE_DIR)) $(BIN)/pytest $(PYTEST_ARGS)

bench: $(STAMP)
	for b in bench/*.py; do $(BIN)/python $$b || exit 1; done

# The fault matrix (docs/reliability.md): every fault at every step against the simulators,
# printed as a table; the same cells run as tests in `make test`.
reliability: $(STAMP)
	$(BIN)/python tools/fault_matrix.py $(ARGS)

# The soak (docs/reliability.md): 100 simulated devices in a row on the bench with faults at
# random, and what the run leaks; `make test` runs a dozen of them (tests/soak).
soak: $(STAMP)
	$(BIN)/python bench/bench_soak.py $(ARGS)

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

# desktop-file-validate and appstreamcli check the Linux menu entry and metainfo
# (tests/packaging/). Installed here when missing and the system allows it (root with apt:
# CI machines); otherwise those two tests skip with the reason and the Python checks remain.
validators:
	@command -v desktop-file-validate >/dev/null && command -v appstreamcli >/dev/null || \
	{ [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  { apt-get update -qq && apt-get install -y -qq desktop-file-utils appstream; } >/dev/null 2>&1; } || \
	echo "make: desktop-file-validate or appstreamcli is missing; their tests will skip" >&2

# The Linux download: dist/photon-setup/ (runs with no Python beside it) and its tarball.
# macOS and Windows: packaging/macos/build-dmg.sh, packaging/windows/build.ps1.
$(BUNDLE): $(STAMP) $(shell find setup_wizard packaging -type f -not -path '*/__pycache__/*')
	@test -x $(BIN)/pyinstaller || { echo "make: PyInstaller is missing from $(VENV) (the 'dist' extra of pyproject.toml); run: rm $(STAMP) && make dist" >&2; exit 1; }
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/pyinstaller/photon-setup.spec
	touch $@

dist: $(BUNDLE)
	packaging/linux/make-tarball.sh $(BUNDLE_DIR) dist

clean:
	rm -rf $(VENV) build dist *.egg-info

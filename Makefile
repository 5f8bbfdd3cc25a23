# kpixl: two commands do all the set-up on a fresh machine.
#   make demo   rate the bundled tracker and write its committee pack (xlsx + PDF) to out/
#   make test   lint, type-check the core and run the tests (LibreOffice and Pyodide included)
#   make bench  print speed and memory figures
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# a new stamp, so a new install, whenever the declared ranges or the pinned versions change
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | sha1sum | cut -c1-12)
# Carlito has Calibri's metrics (the packs' font), so LibreOffice's PDFs lay out as Excel's
DEBS   := libreoffice-calc-nogui python3-uno poppler-utils fonts-crosextra-carlito
OUT    := out

.PHONY: demo test bench lint office pyodide venv sample snapshots clean

venv: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[all,dev]'
	@rm -f $(VENV)/.installed-* && touch $@

# LibreOffice (PDF export, end-to-end tests), poppler (PDF checks) and Carlito, from Debian.
office:
	@if command -v soffice >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 \
	    && /usr/bin/python3 -c 'import uno' >/dev/null 2>&1 \
	    && [ -e /usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing $(DEBS) (Debian)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEBS) >/dev/null; \
	else \
	    echo "LibreOffice is not installed: PDFs and the LibreOffice tests will be skipped."; \
	    echo "Install it with: sudo apt-get install $(DEBS)"; \
	fi

# Pyodide (Python in WebAssembly, as xlwings Lite runs it) under Node, for the tests that
# run kpixl there: Node and npm from Debian when missing, then the pinned npm package. The
# network is used here only; the tests themselves run offline.
PYODIDE_DIR := tests/pyodide
pyodide:
	@if command -v node >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing nodejs npm (Debian)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	else \
	    echo "Node is not installed: the Pyodide tests will be skipped."; \
	    echo "Install it with: sudo apt-get install nodejs npm"; \
	fi
	@if ! command -v npm >/dev/null 2>&1; then \
	    echo "npm is not installed: the Pyodide tests cannot run (sudo apt-get install npm)"; \
	elif [ ! -d $(PYODIDE_DIR)/node_modules ] \
	    || [ $(PYODIDE_DIR)/package-lock.json -nt $(PYODIDE_DIR)/node_modules/.package-lock.json ]; then \
	    echo "Installing Pyodide (npm ci in $(PYODIDE_DIR))"; \
	    cd $(PYODIDE_DIR) && npm ci --no-audit --no-fund --loglevel=error; \
	fi

demo: venv office
	$(BIN)/kpixl rate workbooks/sample_tracker.xlsx
	$(BIN)/kpixl check workbooks/sample_tracker.xlsx
	@mkdir -p $(OUT)
	@if command -v soffice >/dev/null 2>&1; then PDF=--pdf; else PDF=; fi; \
	$(BIN)/kpixl pack workbooks/sample_tracker.xlsx -o $(OUT)/sample_committee_pack.xlsx $$PDF
	$(BIN)/kpixl addin build -o $(OUT)/kpixl.xlam

test: venv office pyodide lint
	$(BIN)/python -m pytest

lint: venv
	$(BIN)/ruff check kpixl tests benchmarks
	$(BIN)/ruff format --check kpixl tests benchmarks
	$(BIN)/mypy

bench: venv pyodide
	$(BIN)/python benchmarks/run.py

sample: venv
	$(BIN)/kpixl sample -o workbooks

clean:
	rm -rf $(OUT) build .pytest_cache .ruff_cache

# Rewrite the pack-model snapshot after an intended change (then review the diff).
snapshots: venv
	KPIXL_UPDATE_SNAPSHOTS=1 $(BIN)/python -m pytest -q tests/test_pack.py -k snapshot

# Two commands on a fresh machine: `make demo` and `make test`. Everything they need is installed here.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
DB      ?= demo.sqlite
PORT    ?= 8000

.PHONY: demo test lint typecheck unit eval bench clean-demo chromium

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Debian's Chromium for the browser tests (never `playwright install`).
chromium:
	@command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || \
	  { (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null || \
	    echo "warning: could not install chromium; browser tests will fail"; }

demo: $(STAMP)
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/sitrep run demo/corpus --db $(DB)
	$(BIN)/sitrep export --db $(DB) --format html --output demo-report.html
	@echo "Self-contained report: demo-report.html"
	$(BIN)/sitrep serve --db $(DB) --port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check sitrep tests evaluate bench
	$(BIN)/mypy

unit: $(STAMP) chromium
	$(BIN)/pytest -q -p no:cacheprovider

test: lint unit

eval: $(STAMP)
	$(BIN)/python -m evaluate all

bench: $(STAMP)
	$(BIN)/python -m bench all

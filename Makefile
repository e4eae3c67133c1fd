# Quick start: `make demo` and `make test` on a fresh machine (each creates .venv).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEED := corpora/tencent-industrial-internet.txt

.PHONY: demo test bench install clean

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
	@$(PIP_INSTALL) -e '.[test]' $(QUIET)
	@touch $@

install: $(VENV)/.installed

demo: $(VENV)/.installed
	@$(BIN)/tanalyze analyze --format table $(SEED)

test: $(VENV)/.installed-test
	@$(BIN)/python -m pytest

bench: $(VENV)/.installed-test
	$(BIN)/python -m benchmarks.run_all

clean:
	rm -rf $(VENV) build *.egg-info

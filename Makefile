# backprop-spec: every command creates or refreshes the local virtual
# environment (.venv) by itself when pyproject.toml or constraints.txt change.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
EXTRAS := cli,test,docs,browser,mutation
STAMP  := $(VENV)/.installed-$(EXTRAS)

.PHONY: help test test-fast lock clean

help:
	@echo "make docs       build the living site and serve it at http://127.0.0.1:8000"
	@echo "make test       run the whole specification (everything that needs only Python)"
	@echo "make test-fast  everything not tagged @slow, for the edit-run loop"
	@echo "make lock       re-resolve constraints.txt (the pinned versions) from pyproject.toml"

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "backprop-spec needs Python 3.10 or newer; found " + sys.version.split()[0])'
	@$(PYTHON) -m venv $(VENV) || { echo "Could not create a virtual environment. On Debian/Ubuntu: sudo apt-get install python3-venv"; exit 1; }
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade "pip>=24,<27"
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[$(EXTRAS)]"
	@touch $@

test: $(STAMP)
	$(PY) -m pytest

test-fast: $(STAMP)
	$(PY) -m pytest -m "not slow"

# Resolve the newest versions pyproject.toml allows, in a scratch environment,
# and pin them all; commit the result.
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade "pip>=24,<27"
	.lock-venv/bin/python -m pip install --quiet -e ".[$(EXTRAS),peers]"
	.lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^-e ' > constraints.txt
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) site .pytest_cache mutants

# backprop-spec: every command creates or refreshes the local virtual
# environment (.venv) by itself when pyproject.toml or constraints.txt change.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
EXTRAS := cli,test,docs,browser,mutation,lint
STAMP  := $(VENV)/.installed-$(EXTRAS)

.PHONY: help test test-fast lint mutation lock clean docs site check-site vendor-katex

help:
	@echo "make docs       run the scenarios (recording results), build the site, serve it at http://127.0.0.1:8000"
	@echo "make site       build the static site into site/ (mkdocs build --strict), from the last recorded run"
	@echo "make check-site browser check of the built site (needs Debian's chromium)"
	@echo "make test       run the whole specification (everything that needs only Python)"
	@echo "make test-fast  everything not tagged @slow, for the edit-run loop"
	@echo "make lint       ruff (lint and format check) and mypy (--strict on backprop/)"
	@echo "make mutation   mutation score of the mathematical core (mutmut); fails under 95% caught"
	@echo "make lock       re-resolve constraints.txt (the pinned versions, every Python >= 3.10) from pyproject.toml with uv"
	@echo "make bench      benchmarks against PyTorch, HIPS autograd and scikit-learn; writes benchmarks/last-run.md"

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "backprop-spec needs Python 3.10 or newer; found " + sys.version.split()[0])'
	@$(PYTHON) -m venv $(VENV) || { echo "Could not create a virtual environment. On Debian/Ubuntu: sudo apt-get install python3-venv"; exit 1; }
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade "pip>=24,<27"
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[$(EXTRAS)]"
	@touch $@

# Every full run records each scenario's result for the site (.results/last-run.json).
RESULTS := .results/last-run.json

test: $(STAMP)
	$(PY) -m pytest -n auto --results-json $(RESULTS)

test-fast: $(STAMP)
	$(PY) -m pytest -n auto -m "not slow"

# Lint and types (config: [tool.ruff] and [tool.mypy] in pyproject.toml): ruff's
# rules and its formatting, mypy with the flags of --strict on backprop/ and its
# default mode on the code around it.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Mutation testing (config: [tool.mutmut] in pyproject.toml), both cores, fresh
# each time; the spinner goes to mutants/run.log. mutation/score.py writes
# mutation/score.json and fails under the bar or on any mutant no test covers.
mutation: $(STAMP)
	rm -rf mutants && mkdir mutants
	CI=1 PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 $(BIN)/mutmut run --max-children 2 > mutants/run.log 2>&1 || { tail -c 3000 mutants/run.log; exit 1; }
	$(BIN)/mutmut export-cicd-stats > /dev/null
	$(PY) -m mutation.score

# Benchmarks against the peer libraries of the `peers` extra (PyTorch 2.13.0, the
# CPU build; HIPS autograd; scikit-learn). Prints the three tables, writes
# benchmarks/last-run.md, fails when a bar is missed. Not part of `make test`
# nor of .ci/run: a timing is a claim about a quiet machine, not a test.
.PHONY: bench
PEERS_STAMP := $(VENV)/.installed-peers
$(PEERS_STAMP): $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[$(EXTRAS),peers]"
	@touch $@

bench: $(PEERS_STAMP)
	$(PY) -m benchmarks.run

# Pin every dependency for every supported Python (>= 3.10) in one universal
# resolution (uv pip compile --universal: one line per package, python_version
# markers where the versions differ), from the newest versions pyproject.toml
# allows; commit the result. uv lives in a small tool venv of its own (.lock-venv,
# made here with plain pip), so `make test` never needs it: it installs with pip -c.
# The `peers` extra is NOT in the lock: PyPI's metadata for torch 2.13.0 is the
# CUDA build's (nvidia-*, triton), while `make bench` wants the CPU build (a local
# wheel pip finds, Python 3.11 only). pyproject pins torch==2.13.0 exactly; its
# own dependencies (sympy, networkx, filelock, fsspec, setuptools) are not pinned
# by the lock and `make bench` takes what pip resolves (autograd and scikit-learn
# are pinned through the `test` extra).
UV_VERSION   := 0.13.9
LOCK_FLOOR   := 3.10
LOCK_VENV    := .lock-venv
UV_STAMP     := $(LOCK_VENV)/.installed-uv-$(UV_VERSION)
comma        := ,
$(UV_STAMP):
	@$(PYTHON) -m venv $(LOCK_VENV) || { echo "Could not create a virtual environment. On Debian/Ubuntu: sudo apt-get install python3-venv"; exit 1; }
	$(LOCK_VENV)/bin/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"
	@touch $@

lock: $(UV_STAMP)
	$(LOCK_VENV)/bin/uv pip compile pyproject.toml --universal --python-version $(LOCK_FLOOR) \
	  --upgrade --no-python-downloads $(foreach e,$(subst $(comma), ,$(EXTRAS)),--extra $(e)) \
	  --annotation-style line --custom-compile-command "make lock" --output-file constraints.txt > /dev/null

clean:
	rm -rf $(VENV) $(LOCK_VENV) site .pytest_cache mutants

# The living site. A failing scenario does not stop `make docs`: it shows as failed.
# While serving, a saved .feature file (or a CSV it names) re-runs that file's
# scenarios and its page reloads with the results (docs/_hooks/serve.py);
# BACKPROP_SERVE=rebuild make docs only rebuilds and marks it "changed since last run".
# Not --strict while serving: a warning about a feature file shows on its page
# instead of stopping the rebuild (make site is strict).
docs: $(STAMP)
	@$(PY) -m pytest -q -n auto --results-json $(RESULTS) || echo "== some scenarios did not pass; the site shows which"
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

site: $(STAMP)
	$(BIN)/mkdocs build --strict

CHROMIUM ?= /usr/bin/chromium
check-site: $(STAMP)
	@test -x "$(CHROMIUM)" || { echo "make check-site drives Debian's chromium, not found at $(CHROMIUM)."; \
	  echo "Install it with: sudo apt-get install -y chromium   (or set CHROMIUM=/path/to/chromium)"; exit 1; }
	@test -f site/index.html || $(MAKE) site
	CHROMIUM=$(CHROMIUM) $(PY) -m pytest -p no:cacheprovider -o testpaths=checks checks/

# Refresh the vendored KaTeX (committed under docs/assets/katex/) from the npm registry.
KATEX_VERSION ?= 0.19.1
vendor-katex:
	rm -rf .katex-pack && mkdir .katex-pack
	cd .katex-pack && npm pack --silent katex@$(KATEX_VERSION) && tar xzf katex-$(KATEX_VERSION).tgz
	rm -rf docs/assets/katex/fonts docs/assets/katex/contrib && mkdir -p docs/assets/katex/contrib
	cp .katex-pack/package/dist/katex.min.js .katex-pack/package/dist/katex.min.css docs/assets/katex/
	cp .katex-pack/package/dist/contrib/auto-render.min.js docs/assets/katex/contrib/
	cp -r .katex-pack/package/dist/fonts docs/assets/katex/fonts
	cp .katex-pack/package/LICENSE docs/assets/katex/LICENSE
	rm -rf .katex-pack
	@echo "Now update docs/assets/katex/VERSION.txt (npm view katex@$(KATEX_VERSION) dist.integrity) and commit."

# The handbook's commands. Each creates .venv from the pinned requirements on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: site offline serve test test-fast audit check schema bench clean

$(VENV)/.site: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test: requirements-test.txt requirements.txt $(VENV)/.site
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

site: offline  ## build the handbook in every language into site/ (French in site/fr/), with the offline copy zipped in site/downloads/
	$(PY) -m generator site
	$(PY) -m generator zip site-offline site/downloads/handbook-offline.zip

offline: $(VENV)/.site  ## build the copy that works from file:// without network, every language, into site-offline/
	$(PY) -m generator site --offline

# One language at a time: `make serve` serves the default language, `make serve SERVE_LANGUAGE=fr`
# the French edition (from mkdocs.fr.yml) at the root of its own address; its switch to the
# other language needs the whole site: `make site`, then `python3 -m http.server -d site`.
SERVE_LANGUAGE ?=
serve: $(VENV)/.site  ## build and serve on http://127.0.0.1:8000, reloading on every change (SERVE_LANGUAGE=fr: French)
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000 $(if $(SERVE_LANGUAGE),--config-file mkdocs.$(SERVE_LANGUAGE).yml)

# npm packages (package-lock.json), installed when missing: axe-core for the tests,
# Lighthouse and the Nu HTML Checker (devDependencies) for the audit. No install scripts:
# vnu-jar's would fetch a Java runtime, and the audit uses the system's.
node_modules/axe-core:
	npm ci --omit=dev --ignore-scripts --no-audit --no-fund

node_modules/lighthouse:
	npm ci --ignore-scripts --no-audit --no-fund

# The tests run in as many processes as the machine has cores (pytest-xdist); TEST_WORKERS=0 runs them in this one.
TEST_WORKERS ?= auto

test: $(VENV)/.test | node_modules/axe-core  ## run the whole test suite: ruff, then every test
	$(PY) -m ruff check .
	$(PY) -m pytest -n $(TEST_WORKERS)

test-fast: $(VENV)/.test  ## the fast part alone: ruff, then every test that needs no browser
	$(PY) -m ruff check .
	$(PY) -m pytest -n $(TEST_WORKERS) -m "not browser"

audit: $(VENV)/.test | node_modules/lighthouse  ## Lighthouse scores and Nu HTML Checker errors (not part of make test)
	$(PY) tests/audit.py

check: $(VENV)/.site  ## check every drill file
	$(PY) -m generator check

schema: $(VENV)/.site  ## regenerate the JSON Schemas for editors
	$(PY) -m generator schema

bench: $(VENV)/.site  ## the build against MkDocs' floor at 250 and 1000 drills, cold and warm; writes tests/bench/REPORT.md, fails on a missed target (BENCH_QUICK=1: small sizes)
	$(PY) tests/bench/benchmark.py

clean:
	rm -rf site site-offline .pytest_cache

# The handbook's commands. Each creates .venv from the pinned requirements on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test check schema bench clean

$(VENV)/.site: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test: requirements-test.txt requirements.txt $(VENV)/.site
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

site: $(VENV)/.site  ## build the handbook into site/
	$(PY) -m mkdocs build --strict

serve: $(VENV)/.site  ## build and serve on http://127.0.0.1:8000, reloading on every change
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

test: $(VENV)/.test  ## run the whole test suite
	$(PY) -m pytest

check: $(VENV)/.site  ## check every drill file
	$(PY) -m generator check

schema: $(VENV)/.site  ## regenerate the JSON Schemas for editors
	$(PY) -m generator schema

bench: $(VENV)/.site  ## time and size the build at 10, 100 and 1000 drills; rewrites docs/benchmarks.md
	$(PY) tests/bench/benchmark.py

clean:
	rm -rf site site-offline .pytest_cache

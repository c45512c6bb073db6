# The two set-up commands are `make run` and `make test`; everything else here serves them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PY_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
FRONTEND_SOURCES := $(shell find frontend -path frontend/node_modules -prune -o -path frontend/dist -prune -o -type f -print 2>/dev/null) schema.graphql
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test test-python test-frontend test-e2e install frontend schema browser bench lock

run: install frontend
	$(PY) -m clientele serve

test: install frontend browser
	$(PY) -m pytest
	npm run test --workspace frontend --if-present
	npm run e2e --if-present

install: $(PY_STAMP) $(NODE_STAMP)

# Python packages come from the lock file (exact versions and hashes); the project itself is
# installed without dependencies on top. `make lock` rewrites the lock after pyproject changes.
$(PY_STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is required (set PYTHON=python3.11)")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

lock:
	test -x $(VENV)-tools/bin/pip-compile || ($(PYTHON) -m venv $(VENV)-tools && $(VENV)-tools/bin/pip install --quiet pip-tools)
	$(VENV)-tools/bin/pip-compile --quiet --generate-hashes --extra dev --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

$(NODE_STAMP): package.json package-lock.json frontend/package.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

package-lock.json:
	npm install --no-audit --no-fund --loglevel=error

frontend: frontend/dist/index.html

frontend/dist/index.html: $(NODE_STAMP) $(FRONTEND_SOURCES)
	npm run build --workspace frontend

schema: $(PY_STAMP)
	$(PY) -m clientele schema > schema.graphql

# Debian's Chromium for the browser tests (Playwright cannot download its own browser here).
browser:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium is missing: install Debian's chromium package or set CHROMIUM=/path"; exit 1; fi; \
	fi

bench: install
	$(PY) bench/generate.py
	$(PY) bench/profile.py

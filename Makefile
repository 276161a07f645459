# doingoai: `make demo` serves the demo, `make test` passes the tests. Both set up
# everything they need on a fresh machine (apt packages included when run as root).

SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
APT_PACKAGES := chromium fonts-liberation2 fonts-dejavu-core poppler-utils gettext postgresql-client \
  libreoffice-writer-nogui libreoffice-calc-nogui
STAMP := $(VENV)/.installed
# Python keeps compiled modules (and pytest its rewritten test modules) on disk, so each
# of the test run's processes (xdist workers, the commands the tests run) does not compile
# them all again: some machines set PYTHONDONTWRITEBYTECODE for every shell.
unexport PYTHONDONTWRITEBYTECODE

# The newest Python >= 3.12: plain names first, then pyenv's versions.
PYTHON ?= $(shell \
  for c in python3.14 python3.13 python3.12 python3; do \
    p=$$(command -v $$c 2>/dev/null) || continue; \
    $$p -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null && { echo $$p; exit 0; }; \
  done; \
  root=$$(pyenv root 2>/dev/null || echo $$HOME/.pyenv); \
  for p in $$(ls -d $$root/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -V -r); do \
    $$p -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null && { echo $$p; exit 0; }; \
  done)

.PHONY: help demo test setup system-deps venv vendor messages lint check test-sqlite test-pg \
        pg-up serve bench bench-deps bench-table clean

help:
	@echo "make demo   set up and serve the demo at http://127.0.0.1:8000"
	@echo "make test   set up and run ruff and the whole suite on SQLite and PostgreSQL"
	@echo "make bench  generate national-scale data and benchmark (see bench/README.md)"

python-check:
	@if [ -z "$(PYTHON)" ]; then \
	  echo "doingoai needs Python 3.12 or newer. Install one, e.g. 'apt-get install python3.12'"; \
	  echo "or 'pyenv install 3.13', then run make again (or set PYTHON=/path/to/python3.12)."; \
	  exit 1; fi

system-deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "Installing:$$missing"; \
	    (apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else echo "Please install:$$missing (apt-get install$$missing)"; fi; \
	fi

$(STAMP): pyproject.toml | python-check
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	@touch $(STAMP)

venv: $(STAMP)

vendor: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	mkdir -p src/doingoai/static/vendor
	cp frontend/node_modules/htmx.org/dist/htmx.min.js src/doingoai/static/vendor/
	cp frontend/node_modules/echarts/dist/echarts.min.js src/doingoai/static/vendor/
	cp frontend/node_modules/world-atlas/countries-110m.json src/doingoai/static/vendor/

messages: venv
	@if ls src/doingoai/locale/*/LC_MESSAGES/*.po >/dev/null 2>&1; then \
	  cd src/doingoai && ../../$(BIN)/doingoai compilemessages -v0; fi

setup: system-deps venv vendor messages

demo: setup
	DEBUG=1 $(BIN)/doingoai migrate -v0
	DEBUG=1 $(BIN)/doingoai load_demo
	@echo "Serving the demo at http://127.0.0.1:8000 (Ctrl-C to stop)"
	DEBUG=1 $(BIN)/doingoai runserver 127.0.0.1:8000

lint: venv
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

check: venv
	$(BIN)/doingoai check
	$(BIN)/doingoai makemigrations --check --dry-run

pg-up:
	@if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then \
	  if command -v pg_ctlcluster >/dev/null; then \
	    for v in $$(ls /etc/postgresql 2>/dev/null); do pg_ctlcluster --skip-systemctl-redirect $$v main start || true; done; \
	  fi; \
	  for i in $$(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done; \
	fi
	@pg_isready -h 127.0.0.1 -p 5432 || { echo "PostgreSQL is not reachable on 127.0.0.1:5432"; exit 1; }

# Workers each take the next test when done (work stealing: no worker idle at the end
# while the other still has a queue). SQLite gets a third worker: the browser tests
# wait on Chromium and leave a core idle (2-core machine: 6:13 with two workers, 5:49
# with three); PostgreSQL's own server needs the second core (7:49 -> 7:04 with work
# stealing, three workers no faster).
SQLITE_PYTEST_ARGS ?= -n 3 --dist worksteal
PG_PYTEST_ARGS ?= -n 2 --dist worksteal
test-sqlite: setup
	@echo "=== test suite on SQLite ==="
	$(BIN)/pytest -p no:cacheprovider $(SQLITE_PYTEST_ARGS)

test-pg: setup pg-up
	@echo "=== test suite on PostgreSQL ==="
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -p no:cacheprovider --create-db -m "not once" $(PG_PYTEST_ARGS)

test: setup lint check test-sqlite test-pg

serve: setup
	$(BIN)/doingoai serve

bench-deps:
	@command -v wrk >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = "0" ]; then echo "Installing: wrk (load client)"; \
	    (apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null; \
	  else echo "wrk is not installed (apt-get install wrk): the load runs use a slower Python client"; fi; }

bench: setup bench-deps
	$(PY) bench/run.py $(BENCH_ARGS)

# the README's benchmark table from the newest whole runs in bench/results/
bench-table: setup
	$(PY) bench/readme_table.py

clean:
	rm -rf $(VENV) frontend/node_modules src/doingoai/static/vendor var/staticfiles

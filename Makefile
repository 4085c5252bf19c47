# The front door. `make book` and `make test` set everything up themselves.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV   := .venv
PY     := $(VENV)/bin/python
EKRAF  := $(PY) -m ekraf_repro.bookmaker.cli
DATA   ?=
PARAMS ?=
OUT    ?=
FILE   ?=
PDF    ?=

LABENV := lab/.venv/.ready
# `make lab LANG=en`: LANG names the edition; the processes make starts get a valid locale instead.
ifeq ($(origin LANG),command line)
EDITION := $(LANG)
override LANG := C.UTF-8
endif
EDITION ?= id

export UV_COMPILE_BYTECODE := 1
export PYTHONHASHSEED := 0
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: help setup system-deps book pdf epub dist test check lint validate rerun sweep bench clean lab

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 12

setup: $(VENV)/.ready  ## install uv if missing and the locked environment

$(VENV)/.ready: pyproject.toml uv.lock CITATION.cff  # the version lives in CITATION.cff: a new one reinstalls the package
	@uv=$$(command -v uv || true); \
	if [ -z "$$uv" ]; then \
	  if ! python3 -m uv --version >/dev/null 2>&1; then \
	    echo "setup: installing uv with pip"; \
	    python3 -m pip install --user --quiet uv 2>/dev/null || python3 -m pip install --user --quiet --break-system-packages uv; \
	  fi; \
	  uv="python3 -m uv"; \
	fi; \
	$$uv sync --frozen --all-groups --compile-bytecode --quiet --reinstall-package ekraf-repro
	@touch $@

# JupyterLab's own environment (lab/uv.lock), apart from .venv: the jupyter_server stack slows papermill there.
$(LABENV): lab/pyproject.toml lab/uv.lock $(VENV)/.ready
	@uv=$$(command -v uv || echo "python3 -m uv"); $$uv sync --project lab --frozen --compile-bytecode --quiet
	@touch $@

system-deps:  ## Debian chromium, TeX Live and npm axe-core for the browser and PDF tests (installed when missing and root)
	@bash .ci/system-deps

book: setup  ## validate the data, execute changed notebooks (papermill), build _build/html
	$(EKRAF) book

pdf: setup system-deps  ## build _build/pdf/book.pdf with xelatex (and link it from the HTML book)
	$(EKRAF) pdf

epub: setup system-deps  ## _build/epub/book.epub and book-en.epub (EPUB 3, checked by EPUBCheck in make test)
	$(EKRAF) epub

dist: book  ## _build/dist/ekraf-reproduksi-<version>.zip: HTML, PDF, EPUB, notebooks, data, lock, CITATION.cff, .zenodo.json, RO-Crate
	$(EKRAF) dist

test: setup system-deps $(LABENV)  ## the whole suite: unit, data, pipeline, nbval, figures, strict build, PDF, browser
	$(EKRAF) pdf --if-possible
	$(EKRAF) epub
	$(PY) -m pytest -n auto --dist loadfile

lab: book $(LABENV)  ## JupyterLab on 127.0.0.1 with one edition's student notebooks: make lab LANG=id|en
	$(EKRAF) lab --edition $(EDITION)

check: setup  ## the fast tier: unit, data, architecture and Sphinx-extension tests; no notebook run, book build, browser or PDF; reverse order, on every core
	$(PY) -m pytest tests -m "not slow" --reverse -n auto

lint: setup  ## ruff check and ruff format --check over src/ and tests/
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/ruff format --check src tests

validate: setup  ## check a data file: make validate DATA=path/to/file.csv
	$(EKRAF) validate "$${EKRAF_DATA:-data/raw/tabel_1_1_ekspor_ekraf.csv}"

# DATA, OUT and FILE reach the CLI unchanged ($, quotes, backslashes): passed as environment variables, never
# expanded by make ($(value ...)) nor written into the shell line.
validate rerun sweep: export EKRAF_DATA = $(value DATA)
rerun sweep: export EKRAF_OUT = $(value OUT)
rerun sweep: export EKRAF_FILE = $(value FILE)

rerun: setup  ## variant book: make rerun DATA=file.csv PARAMS="subsektor=Fashion bahasa=en" OUT=dir [PDF=1]
	$(EKRAF) rerun $(if $(value DATA),--data "$$EKRAF_DATA") $(foreach p,$(PARAMS),--param "$(p)") \
	  $(if $(value OUT),--out "$$EKRAF_OUT") $(if $(PDF),--pdf)

sweep: setup  ## variant books: make sweep FILE=sweep.csv OUT=dir (one per row: nama;data;subsektor;...) [PDF=1]
	$(EKRAF) sweep $(if $(value FILE),--file "$$EKRAF_FILE") $(if $(value OUT),--out "$$EKRAF_OUT") $(if $(PDF),--pdf)

bench: setup system-deps $(LABENV)  ## time the pipeline against plain Jupyter Book (median of RUNS=5); table in _build/bench/
	$(PY) -m ekraf_repro.bookmaker.bench --runs $(or $(RUNS),5)

clean:  ## remove build output (keeps the environment)
	rm -rf _build

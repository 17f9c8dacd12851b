# Two commands do everything: `make demo` and `make test`.
# A virtual environment is made in .venv unless one is already active
# (VIRTUAL_ENV or CONDA_PREFIX set): then that environment is used.

PYTHON ?= python3
ifdef VIRTUAL_ENV
  VENV_PY := $(VIRTUAL_ENV)/bin/python
else ifdef CONDA_PREFIX
  VENV_PY := $(CONDA_PREFIX)/bin/python
else
  VENV_PY := .venv/bin/python
endif
CORPUS ?= data/raw
OUT ?= reports
# pip's and setuptools' output goes to .venv/install.log unless VERBOSE=1 (shown when pip fails).
ifeq ($(VERBOSE),1)
  QUIET :=
else
  QUIET := > .venv/install.log 2>&1 || { cat .venv/install.log; exit 1; }
endif
# Jupyter refuses to run as root without --allow-root (CI and containers run as root).
ALLOW_ROOT := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)
# The notebooks use their own default corpus unless CORPUS is given on the command line.
NOTEBOOK_CORPUS := $(if $(filter command line environment,$(origin CORPUS)),SPEECH_CORPUS="$(abspath $(CORPUS))")

.PHONY: demo test install lab notebooks brief benchmark clean-reports help

help:
	@echo "make demo       set up .venv, install, write the two sample briefings into $(OUT)/county/ and $(OUT)/politburo-monthly/"
	@echo "make test       run the whole test suite"
	@echo "make lab        open JupyterLab at the repository root (notebooks/, data/, reports/)"
	@echo "make notebooks  execute all notebooks into $(OUT)/notebooks/ (ipynb + html; notebook 06's briefing in $(OUT)/brief/)"
	@echo "make brief      write the chart pack and one-page briefing for $(CORPUS)"
	@echo "make benchmark  print speed, memory and quota-accuracy figures"
	@echo "VERBOSE=1       show pip's output while installing"

.venv/bin/python:
	@$(PYTHON) -m venv .venv

.venv/.installed: pyproject.toml | .venv/bin/python
	@echo "installing the project into .venv (a few minutes the first time; VERBOSE=1 shows pip's output)"
	@.venv/bin/python -m pip install --quiet --upgrade pip $(QUIET)
	@.venv/bin/python -m pip install --quiet -e ".[test,dask]" $(QUIET)
	@touch $@

ifeq ($(VENV_PY),.venv/bin/python)
install: .venv/.installed
else
install:
	@mkdir -p .venv
	@$(VENV_PY) -m pip install --quiet -e ".[test,dask]" $(QUIET)
endif

# Two briefings: the county speech (one speech: outline, themes per section, quotas, KWIC)
# and the monthly Politburo meetings (a series: trends, theme shares, keyness, new terms, quotas).
demo: install
	@$(VENV_PY) -m analysis brief data/raw/county --out $(OUT)/county --quiet
	@echo "county speech: $(OUT)/county/ written"
	@$(VENV_PY) -m analysis brief data/raw/politburo-monthly --out $(OUT)/politburo-monthly --quiet
	@echo "monthly Politburo meetings: $(OUT)/politburo-monthly/ written"
	@echo "open: $(OUT)/county/briefing.html $(OUT)/politburo-monthly/briefing.html (also briefing.pdf, briefing.docx, tables.xlsx in each)"

test: install
	$(dir $(VENV_PY))lint-imports
	$(VENV_PY) -m pytest

lab: install
	$(VENV_PY) -m jupyter lab --ServerApp.root_dir="$(CURDIR)" $(ALLOW_ROOT)

# Executed copies (.ipynb and .html) go to $(OUT)/notebooks; the stored notebooks stay without outputs.
notebooks: install
	mkdir -p $(OUT)/notebooks
	$(NOTEBOOK_CORPUS) SPEECH_OUT="$(abspath $(OUT))" SPEECH_PROGRESS=0 $(VENV_PY) -m jupyter nbconvert --to notebook --execute \
		--ExecutePreprocessor.timeout=600 --output-dir $(OUT)/notebooks notebooks/0*.ipynb
	$(VENV_PY) -m jupyter nbconvert --to html --template classic --output-dir $(OUT)/notebooks $(OUT)/notebooks/0*.ipynb

brief: install
	$(VENV_PY) -m analysis brief $(CORPUS) --out $(OUT)

benchmark: install
	$(VENV_PY) benchmarks/quota_eval.py
	$(VENV_PY) benchmarks/speed.py
	$(VENV_PY) benchmarks/stages.py

clean-reports:
	rm -rf $(OUT)

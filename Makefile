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

.PHONY: demo test install lab notebooks brief benchmark clean-reports help

help:
	@echo "make demo       set up .venv, install, run the main job on $(CORPUS) into $(OUT)/"
	@echo "make test       run the whole test suite"
	@echo "make lab        open JupyterLab in the project environment"
	@echo "make notebooks  execute all notebooks into $(OUT)/notebooks/ (ipynb + html)"
	@echo "make brief      write the chart pack and one-page briefing for $(CORPUS)"
	@echo "make benchmark  print speed, memory and quota-accuracy figures"

.venv/bin/python:
	$(PYTHON) -m venv .venv

.venv/.installed: pyproject.toml | .venv/bin/python
	.venv/bin/python -m pip install --quiet --upgrade pip
	.venv/bin/python -m pip install --quiet -e ".[test,dask]"
	touch $@

ifeq ($(VENV_PY),.venv/bin/python)
install: .venv/.installed
else
install:
	$(VENV_PY) -m pip install --quiet -e ".[test,dask]"
endif

demo: install
	$(VENV_PY) -m analysis run $(CORPUS) --out $(OUT)
	$(VENV_PY) -m analysis brief $(CORPUS) --out $(OUT) --quiet

test: install
	$(dir $(VENV_PY))lint-imports
	$(VENV_PY) -m pytest

lab: install
	$(VENV_PY) -m jupyter lab notebooks/

# Executed copies (.ipynb and .html) go to $(OUT)/notebooks; the stored notebooks stay without outputs.
notebooks: install
	mkdir -p $(OUT)/notebooks
	SPEECH_CORPUS="$(abspath $(CORPUS))" $(VENV_PY) -m jupyter nbconvert --to notebook --execute \
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

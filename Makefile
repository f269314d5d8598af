# Every target bootstraps .venv itself: a fresh clone needs only `make run` / `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
RAW    ?= raw
OUT    ?= processed
export GX_ANALYTICS_ENABLED := False
export PYTHONHASHSEED := 0

.PHONY: run test layout clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m pipeline run $(RAW) --out $(OUT)

test: $(STAMP)
	$(PY) -m pytest -q -n 2

layout: $(STAMP)
	$(PY) -m pipeline layout $(RAW) --out $(OUT)

clean:
	rm -rf $(OUT)/interim $(OUT)/*.csv $(OUT)/*.parquet $(OUT)/runs .pytest_cache

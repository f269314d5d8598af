# Every target bootstraps .venv itself: a fresh clone needs only `make run` / `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
RAW    ?= raw
OUT    ?= processed
export GX_ANALYTICS_ENABLED := False
export PYTHONHASHSEED := 0

.PHONY: run batch test test-fast test-corpus test-scale lint score layout bench validate clean ocr screenshots docs

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# OCR of scanned pages: Tesseract with its Swedish data from Debian, installed when missing and
# root (else the README says what to install). Without it the run still completes and warns
# (ocr_unavailable) on every page it could not read.
OCR_PACKAGES := tesseract-ocr tesseract-ocr-swe
ocr:
	@tesseract --list-langs 2>/dev/null | grep -qx swe || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && { apt-get install -y -qq --no-install-recommends $(OCR_PACKAGES) >/dev/null 2>&1 \
	       || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq --no-install-recommends $(OCR_PACKAGES) >/dev/null 2>&1; }; }; } \
	  || echo "no Tesseract ($(OCR_PACKAGES)): scanned pages are warned about, not read (see README)" >&2

run: $(STAMP) ocr
	$(PY) -m pipeline run $(RAW) --out $(OUT) --force

# Incremental: only new or changed files in raw/ are processed; for cron / systemd timers.
batch: $(STAMP) ocr
	$(PY) -m pipeline run $(RAW) --out $(OUT)

bench: $(STAMP)
	$(PY) -m pipeline.bench --out docs/benchmarks.md

# Re-validate and re-publish what OUT/interim already holds (after a change of rules).
validate: $(STAMP)
	$(PY) -m pipeline validate --out $(OUT)

# Both tiers in one run, so that the two workers share them out.
test: $(STAMP)
	$(PY) -m pytest -q -n 2 tests/fast tests/corpus

# Rules and semantics on hand-built model fixtures; no PDF is read.
test-fast: $(STAMP)
	$(PY) -m pytest -q -n 2 tests/fast

# The development corpus in ../shared/corpus and PDFs the tests generate.
test-corpus: $(STAMP)
	$(PY) -m pytest -q -n 2 tests/corpus

# A batch of 400 mixed files and 20 runs killed at random moments (minutes; .ci/run runs it).
test-scale: $(STAMP)
	$(PY) -m pytest -q -n 2 tests/scale

# The pipeline on ../shared/corpus, scored against ../shared/gold: fails below tests/score_floors.yaml.
score: $(STAMP)
	$(PY) -m tests.score_gate

# The data dictionary, generated from the contract (a test fails when it is out of date).
docs: $(STAMP)
	$(PY) -m pipeline.publish.dictionary > docs/datasets.md

# Refresh docs/screenshots from the corpus review tests (headless Chromium).
screenshots: $(STAMP)
	KOMMUNBUDGET_SCREENSHOTS=$(CURDIR)/docs/screenshots $(PY) -m pytest -q tests/corpus/test_review_corpus.py

# ruff over the code and the tests, mypy over the code (settings in pyproject.toml); both always run.
lint: $(STAMP)
	@status=0; $(VENV)/bin/ruff check pipeline tests || status=1; $(VENV)/bin/mypy || status=1; exit $$status

layout: $(STAMP)
	$(PY) -m pipeline layout $(RAW) --out $(OUT)

clean:
	find $(OUT) -mindepth 1 ! -name .gitkeep -delete
	rm -rf .pytest_cache

# The two commands a newcomer needs:  make run   and   make test
# Everything else here is what those two build on.

PYTHON ?= python3
VENV := .venv
VENV_PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
DEMO := seeds/ai-report-grok3-demo.txt

.PHONY: run test lint bench translations system-deps setup demo-audio note-audio clean

## Set up and start the app on the bundled demo episode.
run: setup
	$(VENV)/bin/meelezer $(DEMO)

## Set up and run the whole test suite: ruff, mypy, the import contracts (lint-imports, see
## [tool.importlinter] in pyproject.toml), pytest; then the tests that need a real
## window manager (tests/desktop: focus, window size) on a virtual screen with openbox.
test: setup
	$(VENV)/bin/ruff check desktop tests seeds
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-logo --no-cache
	QT_QPA_PLATFORM=offscreen $(VENV_PY) -m pytest
	$(VENV_PY) tests/desktop/run_under_window_manager.py $(VENV_PY) -m pytest tests/desktop

lint: setup
	$(VENV)/bin/ruff check desktop tests seeds
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-logo --no-cache

## Speed and memory figures, printed as a table.
bench: setup
	QT_QPA_PLATFORM=offscreen $(VENV_PY) tests/benchmarks/run.py

## The Dutch UI: collect every marked text (tr / translate) from the code into the Qt
## Linguist file, keeping the translations it has, then compile the .qm the app loads.
## Run after changing any user-visible text; translate new entries with pyside6-linguist.
TS := resources/translations/meelezer_nl.ts
translations: setup
	$(VENV)/bin/pyside6-lupdate -extensions py -locations relative -no-obsolete \
		-source-language en -target-language nl_NL desktop/meelezer -ts $(TS)
	$(VENV)/bin/pyside6-lrelease $(TS) -qm $(TS:.ts=.qm)

setup: system-deps $(INSTALLED)

system-deps:
	@bash packaging/install-system-deps.sh

$(INSTALLED): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Meelezer needs Python 3.11 or newer; this python3 is " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(VENV_PY) -m pip install --quiet --upgrade pip
	$(VENV_PY) -m pip install --quiet -e '.[dev]'
	@touch $(INSTALLED)

## The full 1 h 53 min speech track of seed 003, for benchmarks (not committed).
demo-audio: setup
	$(VENV_PY) seeds/make_demo_audio.py seeds/ai-report-2025-02-20-grok3-whisper.txt --output build/ai-report-grok3-full.opus

## Seed 000 (the untimed GPT-NL note) spoken as a whole (about 1 h 20 min), with the true
## start of every line it shows in build/ai-report-gpt-nl-youtube-note.truth.json: for the
## aligner's benchmarks (`make bench`) and a before/after look at its sync.
note-audio: setup
	$(VENV_PY) seeds/make_note_audio.py seeds/ai-report-gpt-nl-youtube-note.md --output build/ai-report-gpt-nl-youtube-note.opus

clean:
	rm -rf $(VENV) build .mypy_cache .ruff_cache .pytest_cache .hypothesis

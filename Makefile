# `make render` and `make test` do all set-up themselves (system packages,
# .venv, editable install) and are cheap to repeat.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# `npm ci` writes this; reveal.js (for offline HTML decks) lands in node_modules/
NODE_STAMP := node_modules/.package-lock.json
QUALITY ?= blog

.PHONY: all setup system render preview test lint benchmark control-data clean

all: render

system:
	@scripts/install-system-packages.sh

$(STAMP): pyproject.toml | system
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,narration]'
	@touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json | system
	npm ci --no-audit --no-fund --loglevel=error

setup: system $(STAMP) $(NODE_STAMP)

render: setup  ## every blog video and still at blog quality (1920x1080, 30 fps)
	$(BIN)/whysigmoid render --quality $(QUALITY)
	$(BIN)/whysigmoid stills --quality $(QUALITY)

preview: setup  ## every video at 854x480, 15 fps
	$(BIN)/whysigmoid render --quality preview

test: setup  ## the whole test suite
	$(BIN)/python -m pytest

benchmark: setup  ## render speed: plain manim vs whysigmoid render, cold and warm
	$(BIN)/python benchmarks/render_benchmark.py

control-data: setup  ## regenerate frame-regression control data on purpose, then look at it
	$(BIN)/python -m pytest tests/test_frames.py --set_test -q
	$(BIN)/python scripts/control_frames_to_png.py media/control-frames

lint: setup
	$(BIN)/ruff check src scenes tests benchmarks scripts
	$(BIN)/ruff format --check src scenes tests benchmarks scripts

clean:
	rm -rf media .pytest_cache .hypothesis

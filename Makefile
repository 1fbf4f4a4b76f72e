# `make render` and `make test` do all set-up themselves (system packages,
# .venv, editable install) and are cheap to repeat.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# `npm ci` writes this; reveal.js (for offline HTML decks) lands in node_modules/
NODE_STAMP := node_modules/.package-lock.json
QUALITY ?= blog

.PHONY: all setup system render preview test docs lint benchmark control-data clean

all: render

system:
	@scripts/install-system-packages.sh

$(STAMP): pyproject.toml | system
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
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

# the site in build/docs/html/ (git-ignored); scene pages embed the videos found in DOCS_MEDIA
DOCS_MEDIA ?= media/preview
docs: setup  ## the documentation site, offline, warnings as errors
	$(BIN)/sphinx-build -W --keep-going -E -q -b html -D whysigmoid_media=$(DOCS_MEDIA) docs build/docs/html
	@echo "open build/docs/html/index.html"

benchmark: setup  ## render speed: plain manim vs whysigmoid render, cold and warm
	$(BIN)/python benchmarks/render_benchmark.py

control-data: setup  ## regenerate frame-regression control data on purpose, then look at it
	$(BIN)/python -m pytest tests/test_frames.py --set_test -q
	$(BIN)/python scripts/control_frames_to_png.py media/control-frames

lint: setup
	$(BIN)/ruff check src scenes tests benchmarks scripts docs/conf.py docs/_ext
	$(BIN)/ruff format --check src scenes tests benchmarks scripts docs/conf.py docs/_ext

clean:
	rm -rf media build/docs .pytest_cache .hypothesis

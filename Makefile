# `make render` and `make test` do all set-up themselves (system packages,
# .venv, editable install) and are cheap to repeat.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# `npm ci` writes this; reveal.js (for offline HTML decks) lands in node_modules/
NODE_STAMP := node_modules/.package-lock.json
QUALITY ?= blog
# where `make render` and `make preview` deliver, and what `make clean` cleans
MEDIA ?= media

.PHONY: all setup system render preview test docs lint benchmark control-data clean

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
	$(BIN)/whysigmoid render --quality $(QUALITY) --media-dir "$(MEDIA)"
	$(BIN)/whysigmoid stills --quality $(QUALITY) --media-dir "$(MEDIA)"

preview: setup  ## every video and still at 854x480, 15 fps
	$(BIN)/whysigmoid render --quality preview --media-dir "$(MEDIA)"
	$(BIN)/whysigmoid stills --quality preview --media-dir "$(MEDIA)"

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

# Only what whysigmoid made goes (its ledger lists it; `whysigmoid clean`), and the
# test caches: a user's own files in the media dir stay. Without the .venv nothing
# in the media dir is touched (whysigmoid is what knows which files are its own).
clean:  ## what whysigmoid made in the media dir, and the test caches
	@if [ -x $(BIN)/whysigmoid ]; then \
	  $(BIN)/whysigmoid clean --media-dir "$(MEDIA)"; \
	elif [ -d "$(MEDIA)" ]; then \
	  echo "$(MEDIA)/ left as it is: whysigmoid is not installed in $(VENV) (make setup, then make clean)"; \
	fi
	rm -rf build/docs .pytest_cache .hypothesis

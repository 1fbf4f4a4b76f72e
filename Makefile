# `make render` and `make test` do all set-up themselves (system packages,
# .venv, editable install) and are cheap to repeat.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
QUALITY ?= blog

.PHONY: all setup system render preview test lint clean

all: render

system:
	@scripts/install-system-packages.sh

$(STAMP): pyproject.toml | system
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

setup: system $(STAMP)

render: setup  ## every blog video at blog quality (1920x1080, 30 fps)
	$(BIN)/whysigmoid render --quality $(QUALITY)

preview: setup  ## every video at 854x480, 15 fps
	$(BIN)/whysigmoid render --quality preview

test: setup  ## the whole test suite
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check src scenes tests
	$(BIN)/ruff format --check src scenes tests

clean:
	rm -rf media .pytest_cache .hypothesis

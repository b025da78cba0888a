# Two commands set everything up: `make run` and `make test`. Every target creates .venv when needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
Q      ?=

.PHONY: run test index ask lint bench chat clean-index help

help:
	@echo "make run    set up .venv, build/update the index, open the chat"
	@echo "make test   set up .venv, run the whole suite"
	@echo "make index  update the index incrementally"
	@echo "make ask Q=\"...\"   answer one question from the shell"
	@echo "make lint   ruff + mypy"
	@echo "make bench  speed, memory and quality figures"

# torch first, pinned: 2.13.0 is the CPU wheel on local disk; anything else pulls a multi-GB CUDA build.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/assistant index
	$(BIN)/assistant chat

chat: $(STAMP)
	$(BIN)/assistant chat

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadgroup -q

index: $(STAMP)
	$(BIN)/assistant index

ask: $(STAMP)
	@test -n "$(Q)" || { echo 'usage: make ask Q="your question"'; exit 2; }
	$(BIN)/assistant ask "$(Q)"

lint: $(STAMP)
	$(BIN)/ruff check assistant tests bench
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean-index:
	rm -rf index/gen-* index/CURRENT index/.lock index/encoder-*

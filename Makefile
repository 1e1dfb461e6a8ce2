# Two commands for a newcomer: `make demo` (set up + run the main job) and `make check`
# (set up + every check CI runs). Everything lands in ./.venv; nothing is installed globally.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup demo check lint typecheck test bench chaos

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

demo: setup
	$(BIN)/btcbot demo

lint: setup
	$(BIN)/ruff check src tests bench examples chaos
	$(BIN)/ruff format --check src tests bench examples chaos
	$(BIN)/lint-imports --no-cache

typecheck: setup
	$(BIN)/mypy

test: setup
	$(BIN)/pytest

check: lint typecheck test

BENCHMARKS := ws_book_throughput kernel_latency signing rest_roundtrip cycle_throughput \
	rate_limit_waits dataset_load cli_startup replay_throughput cycle_cost strategy_vs_peers \
	replay_cycle_split

# The chaos + crash suite (README "Reliability"): seeded faults and SIGKILLs against the real
# agent on the emulator; exits 1 on any invariant violation. CHAOS_ARGS overrides the run.
CHAOS_ARGS ?= --seed 1 --scenarios 6 --stages 3,4,7

chaos: setup
	$(BIN)/python -m chaos $(CHAOS_ARGS)

bench: setup
	for name in $(BENCHMARKS); do $(BIN)/python bench/$$name.py || exit 1; done

# Two commands on a fresh machine with Python 3.11+: `make console` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
UV_COMPILE := $(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11 \
              --generate-hashes --no-header --quiet

.PHONY: console test lint install lock clean bench bench-smoke

# The dependencies come from the lock (pinned, with hashes); the project itself after them.
$(BIN)/.installed: pyproject.toml requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

install: $(BIN)/.installed

# After changing dependencies in pyproject.toml: new lock files for the app and for tests.
lock: install
	$(UV_COMPILE) -o requirements.txt
	$(UV_COMPILE) --extra test -o requirements-dev.txt

console: install
	$(BIN)/referat console

# On every core and one worker more (pytest-xdist; an idle worker takes tests queued for a
# busy one): some tests wait on a server or a subprocess, and the extra worker uses the core
# meanwhile (46 → 41 s on two cores). PYTEST_ARGS="-n 0" runs in one process.
WORKERS ?= $(shell $(PYTHON) -c "import os; print(len(os.sched_getaffinity(0)) + 1)")
PYTEST_ARGS ?= -n $(WORKERS) --dist worksteal
# Bytecode caches (gitignored) are written for the run even where PYTHONDONTWRITEBYTECODE is
# set: the suite starts some fifty Python processes (the CLI, gunicorn, the benchmarks), and
# without them each compiles every module again (about 5 s of a run on two cores).
test: install
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m compileall -q bot handlers storage benchmarks tests >/dev/null
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -q $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

# Speed, against a bare Bolt app measured in the same run (benchmarks/README.md).
# Options: BENCH_ARGS="--sections 1,3 --reps 5", or BENCH_<OPTION>=... in the environment;
# PostgreSQL too when BENCH_DATABASE_URL or TEST_DATABASE_URL is set.
bench: install
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

# Every benchmark on tiny sizes, in seconds (also run by tests/test_benchmarks_smoke.py).
bench-smoke: install
	$(BIN)/python -m benchmarks.run --smoke $(BENCH_ARGS)

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .ruff_cache

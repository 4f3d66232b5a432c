"""`make bench` on tiny sizes, so the benchmarks do not rot.

Runs the real harness (`python -m benchmarks.run --smoke`) in a subprocess: the
floor and `referat serve` on gunicorn, signed requests from the load generator,
the seeds, digests and start-up. Every section must print its table with every
row, no request may fail, and every check of an answer's content must pass.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import run
from benchmarks.infra import percentile

ROOT = Path(__file__).resolve().parent.parent


def _bench(tmp_path: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BENCH_")}
    out = tmp_path / "bench.md"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--smoke", "--out", str(out), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    text = out.read_text(encoding="utf-8")
    assert text.strip() in done.stdout
    assert "Problems seen" not in text, text
    return text


def _section(text: str, number: int) -> list[list[str]]:
    """The rows of section `number`'s table, as lists of cells."""
    match = re.search(rf"^### {number}\..*?\n\n(.*?)(?:\n\n|\Z)", text, re.S | re.M)
    assert match, f"no table for section {number}:\n{text}"
    lines = match.group(1).strip().splitlines()[2:]  # after the header and the rule
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]


def _number(cell: str) -> float:
    return float(cell.split()[0].replace(",", ""))


def _check_requests(text: str, database: str, clients: list[int]) -> None:
    rows = [r for r in _section(text, 1) if r[1] == database]
    names = [s.name for s in run.SCENARIOS] + [s.name for s in run.FLOOR.values()]
    assert sorted((r[0], int(r[2])) for r in rows) == sorted((n, c) for n in names for c in clients)
    for row in rows:
        assert row[8] == "0", row  # failed requests
        assert _number(row[3]) > 0 and _number(row[5]) > 0, row  # p50, req/s
        assert row[10] in ("yes", "**no**", "—"), row


def _check_shape(text: str) -> None:
    """Every table has as many cells in each row as in its header."""
    for number in range(1, 6):
        match = re.search(rf"^### {number}\..*?\n\n(.*?)(?:\n\n|\Z)", text, re.S | re.M)
        assert match, f"no table for section {number}"
        lines = match.group(1).strip().splitlines()
        assert len({line.count("|") for line in lines}) == 1, lines


def _check_queries(text: str, database: str) -> None:
    rows = [r for r in _section(text, 3) if r[1] == database]
    assert [r[0] for r in rows[:-1]] == [name for name, *_ in run.QUERIES]
    for row in rows:
        assert "timed out" not in row[2] + row[3], row
        assert _number(row[2]) > 0 and _number(row[3]) > 0, row
    assert rows[-1][0].startswith("peak RSS per worker")


def test_every_benchmark_runs_on_tiny_sizes_on_sqlite(tmp_path: Path) -> None:
    text = _bench(tmp_path, "--databases", "sqlite")
    _check_shape(text)
    _check_requests(text, "SQLite", [2])
    [ingest] = _section(text, 2)
    assert ingest[0] == "SQLite" and _number(ingest[3]) > 0, ingest
    _check_queries(text, "SQLite")
    [digest] = _section(text, 4)
    assert digest[5] == "3 (0 refused)", digest
    startup = _section(text, 5)
    assert [(r[0], r[1]) for r in startup] == [("floor", "—"), ("`referat serve`", "SQLite")]
    for row in startup:
        assert _number(row[2]) > 0 and _number(row[5]) > 10, row  # seconds, worker MB


@pytest.mark.postgres
@pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"), reason="TEST_DATABASE_URL not set")
def test_the_postgres_benchmarks_run_on_tiny_sizes(tmp_path: Path) -> None:
    text = _bench(tmp_path, "--databases", "postgres", "--sections", "1,2,3,4", "--clients", "2")
    _check_requests(text, "PostgreSQL", [2])
    _check_queries(text, "PostgreSQL")
    [digest] = _section(text, 4)
    assert digest[0] == "PostgreSQL" and digest[5] == "3 (0 refused)", digest


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 50.0
    assert percentile(values, 99) == 99.0
    assert percentile([5.0], 99) == 5.0

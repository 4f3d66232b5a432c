"""The command line with a database it cannot reach: one line, exit status 1, no traceback;
`--db` takes a file or a URL."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

DOWN = "postgresql://referat@127.0.0.1:9/referat"  # port 9: nothing listens there


def referat(*args: str, db: str | None = None, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "REFERAT_NOW": "2026-11-23T09:00"}
    if db is not None:
        env["DATABASE_URL"] = db
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        env=env,
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("args", "db"),
    [
        (("export", "--channel", "C1"), DOWN),
        (("db", "upgrade"), DOWN),
        (("digest", "--channel", "C1", "--preview"), DOWN),
        (("console", "--db", DOWN), None),
    ],
    ids=["export", "db-upgrade", "digest", "console"],
)
def test_an_unreachable_database_is_one_line(args: tuple[str, ...], db: str | None) -> None:
    result = referat(*args, db=db, stdin="/referat hjælp\n")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if line.startswith("referat:")]
    assert len(lines) == 1
    assert "127.0.0.1:9" in lines[0] and "DATABASE_URL" in lines[0]


@pytest.mark.parametrize("form", ["file", "url"])
def test_console_db_takes_a_file_or_a_url(tmp_path: Path, form: str) -> None:
    path = tmp_path / "styregruppe.db"
    db = str(path) if form == "file" else f"sqlite:///{path}"
    result = referat("console", "--db", db, stdin="Beslutning: Budgettet godkendes\n")
    assert result.returncode == 0, result.stderr
    assert "Registreret: 1 beslutning" in result.stdout
    assert path.is_file()

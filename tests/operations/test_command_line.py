"""Command line conventions: --version, help on every option, documented exit codes,
`referat db upgrade|downgrade|current|history`, and plain `alembic` on DATABASE_URL."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot import cli
from tests.conftest import ROOT
from tests.fakes.cli import run_cli


def referat(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        env={**os.environ, "REFERAT_NOW": "2026-11-23T09:00", **(env or {})},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _parsers(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.ArgumentParser]]:
    found = [(parser.prog, parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                found += _parsers(child)
    return found


def test_version() -> None:
    done = referat("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"referat {cli.version()}"
    assert cli.version()[0].isdigit()


def test_every_option_and_command_has_help_and_no_help_cites_the_product_spec() -> None:
    parsers = _parsers(cli._parser())
    assert {"referat db upgrade", "referat forget-user", "referat status"} <= {
        prog for prog, _ in parsers
    }
    for prog, parser in parsers:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                helped = {a.dest for a in action._choices_actions if a.help}
                assert helped == set(action.choices), (prog, set(action.choices) - helped)
                continue
            assert action.help and action.help != argparse.SUPPRESS, (prog, action.dest)
        text = parser.format_help()
        assert "PRODUCT.md" not in text and "section" not in text.lower(), prog
    assert "exit status" in cli._parser().format_help()


@pytest.mark.parametrize(
    ("args", "env", "code"),
    [
        (("--help",), {}, 0),
        (("no-such-command",), {}, 2),
        (("export",), {}, 2),  # --channel missing
        (("status",), {"LOG_LEVEL": "LOUD"}, 2),
        (("status",), {"LOG_FORMAT": "xml"}, 2),
        (("status",), {"REFERAT_RETENTION_DAYS": "forever"}, 2),
        (("db", "current"), {"DATABASE_URL": "postgresql://referat@127.0.0.1:9/referat"}, 1),
    ],
    ids=[
        "help",
        "unknown-command",
        "missing-option",
        "log-level",
        "log-format",
        "retention",
        "database-down",
    ],
)
def test_exit_codes(args: tuple[str, ...], env: dict[str, str], code: int, tmp_path: Path) -> None:
    # main() in this process: `python -m bot.cli` exits with what it returns (test_version
    # and tests/e2e/test_cli_errors.py start the real process); a traceback would fail here
    database = f"sqlite:///{tmp_path / 'x.db'}"
    env = {"DATABASE_URL": database, "REFERAT_NOW": "2026-11-23T09:00", **env}
    done = run_cli(*args, env=env)
    assert done.returncode == code, done.stderr
    if code:
        assert "Traceback" not in done.stderr


def test_db_upgrade_downgrade_current_history(tmp_path: Path) -> None:
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.db'}"}
    assert referat("db", "upgrade", env=env).returncode == 0
    head = referat("db", "current", env=env)
    assert head.returncode == 0 and "(head)" in head.stdout
    history = referat("db", "history", env=env)
    assert "0001" in history.stdout and "(current)" in history.stdout
    down = referat("db", "downgrade", "-1", env=env)
    assert down.returncode == 0, down.stderr
    assert "(head)" not in referat("db", "current", env=env).stdout
    assert referat("db", "upgrade", env=env).returncode == 0
    assert "(head)" in referat("db", "current", env=env).stdout


def test_plain_alembic_uses_database_url(tmp_path: Path) -> None:
    database = tmp_path / "plain.db"
    alembic = Path(sys.executable).with_name("alembic")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    done = subprocess.run(
        [str(alembic), "upgrade", "head"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert database.exists()
    current = subprocess.run(
        [str(alembic), "current"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert "(head)" in current.stdout

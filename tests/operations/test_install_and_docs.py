"""A reproducible install and an operator's guide that matches the repository: the lock
pins (with hashes) every dependency pyproject.toml names, within its bounds; the Python
version is written down; the Procfile, the systemd units and the guide name commands
that exist; the README documents the operator's settings and commands."""

from __future__ import annotations

import re
import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

from bot import cli
from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
README = (ROOT / "README.md").read_text(encoding="utf-8")
GUIDE = (ROOT / "docs" / "operating.md").read_text(encoding="utf-8")


def _lock(name: str) -> dict[str, tuple[str, list[str]]]:
    """package -> (pinned version, hashes) from a `--generate-hashes` lock file."""
    text = (ROOT / name).read_text(encoding="utf-8")
    pins: dict[str, tuple[str, list[str]]] = {}
    for block in re.split(r"\n(?=\S)", text):
        match = re.match(r"([A-Za-z0-9_.\-\[\]]+)==([^\s;\\]+)", block)
        if match:
            package = canonicalize_name(match.group(1).split("[")[0])
            pins[package] = (match.group(2), re.findall(r"--hash=sha256:([0-9a-f]{64})", block))
    return pins


@pytest.mark.parametrize(
    ("lock", "groups"),
    [("requirements.txt", ["runtime"]), ("requirements-dev.txt", ["runtime", "test"])],
)
def test_the_lock_pins_every_dependency_with_hashes_within_its_bounds(
    lock: str, groups: list[str]
) -> None:
    pins = _lock(lock)
    assert pins, lock
    wanted = list(PYPROJECT["project"]["dependencies"])
    if "test" in groups:
        wanted += PYPROJECT["project"]["optional-dependencies"]["test"]
    for line in wanted:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is in pyproject.toml but not in {lock}: run `make lock`"
        version, hashes = pins[name]
        assert version in requirement.specifier, f"{name}=={version} outside {requirement}"
        for extra in requirement.extras:  # e.g. psycopg[binary] brings psycopg-binary
            assert canonicalize_name(f"{name}-{extra}") in pins or extra == "asyncio", extra
    for name, (version, hashes) in pins.items():
        assert hashes, f"{name}=={version} has no hash in {lock}"


def test_the_python_version_is_written_down_and_allowed() -> None:
    version = (ROOT / ".python-version").read_text().strip()
    assert re.fullmatch(r"3\.\d+", version)
    assert version + ".0" in SpecifierSet(PYPROJECT["project"]["requires-python"])
    assert "--python-version " + version in (ROOT / "Makefile").read_text()


def test_the_procfile_runs_the_command_line_from_the_checkout() -> None:
    commands = cli._parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    processes = dict(
        line.split(": ", 1) for line in (ROOT / "Procfile").read_text().splitlines() if line
    )
    assert set(processes) == {"web", "worker", "release"}
    for command in processes.values():
        assert command.startswith("python -m bot.cli "), command  # no install step needed
        assert command.split()[3] in commands


def test_systemd_units_and_the_guide_name_what_exists() -> None:
    commands = cli._parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    deploy = sorted(p.name for p in (ROOT / "deploy").iterdir())
    assert {"referat-serve.service", "referat-worker.service", "nginx-referat.conf"} <= set(deploy)
    for name in deploy:
        assert f"deploy/{name}" in GUIDE or name in GUIDE, f"{name} is not in docs/operating.md"
    for unit in (ROOT / "deploy").glob("*.service"):
        [start] = re.findall(r"^ExecStart=(.*)$", unit.read_text(), re.MULTILINE)
        program, command = start.split()[:2]
        assert program == "/opt/referat/.venv/bin/referat" and command in commands, unit.name
    used = re.findall(r"(?:bin/referat|`referat|^referat) ([a-z][a-z-]*)", GUIDE, re.MULTILINE)
    assert {"serve", "worker", "db", "status", "purge", "forget-user"} <= set(used)
    assert set(used) <= set(commands), set(used) - set(commands)


def test_the_readme_documents_the_operators_settings_and_commands() -> None:
    for variable in ("LOG_LEVEL", "LOG_FORMAT", "REFERAT_RETENTION_DAYS"):
        assert f"`{variable}`" in README, variable
    commands = cli._parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for command in commands:
        assert f"`referat {command}" in README, command
    for action in ("upgrade", "downgrade", "current", "history", "backup", "restore"):
        assert f"db {action}" in README + GUIDE, action
    assert "docs/operating.md" in README
    assert "Exit status: `0`" in README

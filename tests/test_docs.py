"""The README documents every setting and every subcommand the bot has."""

from __future__ import annotations

import re

from bot.config import Settings
from bot.parsing.commands import SUBCOMMANDS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
HELP = {
    lang: (ROOT / "templates" / lang / "help.j2").read_text(encoding="utf-8")
    for lang in ("da", "en")
}


def test_every_environment_variable_is_documented() -> None:
    source = (ROOT / "bot" / "config.py").read_text(encoding="utf-8")
    names = set(re.findall(r'get\("([A-Z_]+)"\)', source))
    assert names >= {"SLACK_BOT_TOKEN", "DATABASE_URL", "REFERAT_NOW"}
    for name in names:
        assert f"`{name}`" in README, name
    assert Settings.from_env({}).language == "da"


def test_every_subcommand_is_in_the_help_of_both_languages() -> None:
    for key, names in SUBCOMMANDS.items():
        assert f"/referat {names[1]}" in HELP["da"] or f"`/referat {names[1]}" in HELP["da"], key
        assert f"/referat {names[0]}" in HELP["en"], key


def test_procfile_and_manifest_exist_and_name_the_commands() -> None:
    procfile = (ROOT / "Procfile").read_text()
    for process in ("web:", "worker:", "release:"):
        assert process in procfile
    manifest = (ROOT / "manifest.yml").read_text()
    for event in (
        "app_mention",
        "message.channels",
        "message.groups",
        "message.im",
        "app_home_opened",
    ):
        assert event in manifest
    assert "command: /referat" in manifest and "socket_mode_enabled: true" in manifest

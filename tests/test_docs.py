"""The README documents every setting and every subcommand the bot has."""

from __future__ import annotations

import re

from bot.config import Settings
from bot.parsing.commands import SUBCOMMANDS
from bot.parsing.lexicon import da, en
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
    for key in SUBCOMMANDS:
        assert f"/referat {da.SUBCOMMANDS[key][0]}" in HELP["da"], key
        assert f"/referat {en.SUBCOMMANDS[key][0]}" in HELP["en"], key


def test_both_languages_define_the_same_words() -> None:
    def keys(module: object) -> set[str]:
        return {name for name in dir(module) if name.isupper()}

    assert keys(da) == keys(en)
    assert len(keys(da)) > 40
    for name in keys(da):
        mine, theirs = getattr(da, name), getattr(en, name)
        assert type(mine) is type(theirs), name
        if isinstance(mine, dict) and name == "SUBCOMMANDS":
            assert mine.keys() == theirs.keys()


def test_the_project_structure_names_every_module() -> None:
    section = README[README.index("## Project structure") :]
    modules = [
        path
        for folder in ("bot", "handlers", "storage")
        for path in (ROOT / folder).rglob("*.py")
        if path.name != "__init__.py" and "migrations" not in path.parts
    ]
    assert len(modules) > 40
    for path in modules:
        relative = path.relative_to(ROOT)
        named = str(relative) in section or (
            f"`{path.name}`" in section and f"`{relative.parent}/" in section
        )
        if relative.parts[:2] == ("bot", "parsing"):
            named = named or f"`{path.stem}`" in section or str(relative.parent) in section
        assert named, f"{relative} is not in README's Project structure"


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


def test_every_guarantee_names_tests_that_exist() -> None:
    section = README.split("## Guarantees", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"`(tests/[\w/]+\.py)`", section))
    assert len(named) >= 8
    for path in named:
        assert (ROOT / path).is_file(), path

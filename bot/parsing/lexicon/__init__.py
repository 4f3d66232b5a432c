"""The words of each language, merged where the parser accepts both at once."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from bot.parsing.lexicon import da, en

LANGUAGES: dict[str, ModuleType] = {"da": da, "en": en}


def merged(name: str) -> dict[str, Any]:
    """One table from both languages (Danish wins a clash)."""
    table: dict[str, Any] = {}
    for module in (en, da):
        table.update(getattr(module, name))
    return table


def words(name: str) -> tuple[str, ...]:
    """Both languages' words for `name`, longest first so regex alternation prefers them."""
    found = {w for module in (da, en) for w in getattr(module, name)}
    return tuple(sorted(found, key=lambda w: (-len(w), w)))

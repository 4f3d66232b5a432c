"""Splitting `/referat` text into a subcommand (named in the lexicon) and the rest.

Names are compared folded (`bot.parsing.intents.fold`), so `abne`, `aabne` and
`åbne`, `naeste-mode` and `næste-møde`, `udfort` and `udført` are one name.
"""

from __future__ import annotations

from bot.parsing.intents import fold
from bot.parsing.lexicon import da, en

SUBCOMMANDS: dict[str, tuple[str, ...]] = {
    key: (*en.SUBCOMMANDS[key], *da.SUBCOMMANDS[key]) for key in en.SUBCOMMANDS
}
_LOOKUP = {fold(name): key for key, names in SUBCOMMANDS.items() for name in names}


def split_command(text: str) -> tuple[str | None, str, str]:
    """(subcommand key or None, the word as typed, the rest). Empty text means help."""
    stripped = text.strip()
    if not stripped:
        return "help", "", ""
    word, _, rest = stripped.partition(" ")
    return _LOOKUP.get(fold(word)), word, rest.strip()

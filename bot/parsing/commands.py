"""Splitting `/referat` text into a subcommand (named in the lexicon) and the rest."""

from __future__ import annotations

from bot.parsing.lexicon import da, en

SUBCOMMANDS: dict[str, tuple[str, ...]] = {
    key: (*en.SUBCOMMANDS[key], *da.SUBCOMMANDS[key]) for key in en.SUBCOMMANDS
}
_LOOKUP = {name: key for key, names in SUBCOMMANDS.items() for name in names}


def split_command(text: str) -> tuple[str | None, str, str]:
    """(subcommand key or None, the word as typed, the rest). Empty text means help."""
    stripped = text.strip()
    if not stripped:
        return "help", "", ""
    word, _, rest = stripped.partition(" ")
    return _LOOKUP.get(word.lower()), word, rest.strip()

"""Splitting `/referat` text into a subcommand (named in the lexicon) and the rest.

Names are compared folded (`bot.parsing.intents.fold`), so `abne`, `aabne` and
`åbne`, `naeste-mode` and `næste-møde`, `udfort` and `udført` are one name.
"""

from __future__ import annotations

import difflib

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


# Each folded name once, as first written ("næste-møde", not "naeste-moede"): later
# spellings of the same fold are left out by going through them backwards.
_NAMES = {fold(n): n for names in SUBCOMMANDS.values() for n in reversed(names)}


def nearest_command(word: str) -> str | None:
    """The subcommand name nearest a mistyped word ("opne" → "open", "beslutnigner" →
    "beslutninger"), as it is written; None when none is near."""
    close = difflib.get_close_matches(fold(word), list(_NAMES), n=1, cutoff=0.75)
    return _NAMES[close[0]] if close and word else None

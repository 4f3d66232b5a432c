"""A lexicon's many patterns as one matcher that runs only the patterns whose words occur.

`re.compile("|".join(patterns))` tries every pattern at every place in the text: with the
150 decision cues that was most of the time reading minutes took. Nearly every pattern
needs some word that any text it matches contains ("beslut", "approv", one of "godkender",
"vedtager", …). `Alternatives` reads that word off each pattern's parsed form (not by
hand: a pattern added to the lexicon gets one too), tests for it with a plain substring
search, and runs only the patterns whose word is there, plus the few without one.

It finds what the joined pattern finds: the leftmost match and, of the patterns matching
there, the first in the list.
"""

from __future__ import annotations

import re
import re._parser as sre_parse  # the parser `re` itself uses; public in all but name
from collections.abc import Iterable
from re._constants import (
    AT,
    BRANCH,
    LITERAL,
    MAX_REPEAT,
    MIN_REPEAT,
    POSSESSIVE_REPEAT,
    SUBPATTERN,
)
from typing import Any

_SHORTEST = 3  # a shorter word ("ok", "at") is in too many texts to be worth testing for


def needed_words(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Words (case-folded) one of which every match of `pattern` contains, or None."""
    return _needed(sre_parse.parse(pattern, flags))


def _needed(items: Any) -> frozenset[str] | None:
    best: frozenset[str] | None = None
    run: list[str] = []

    def offer(words: frozenset[str] | None) -> None:
        nonlocal best
        if not words or min(map(len, words)) < _SHORTEST:
            return
        if best is None or min(map(len, words)) > min(map(len, best)):
            best = words

    def end_run() -> None:
        offer(frozenset({"".join(run)}))
        run.clear()

    for op, value in items:
        if op is LITERAL:
            run.append(chr(value).casefold())
            continue
        if op is AT:  # \b, ^, $: take no characters, so the run goes on
            continue
        end_run()
        if op is SUBPATTERN:
            offer(_needed(value[-1]))
        elif op is BRANCH:
            each = [_needed(branch) for branch in value[1]]
            if all(each):
                offer(frozenset().union(*each))  # type: ignore[arg-type]
        elif op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT) and value[0] >= 1:
            offer(_needed(value[2]))
    end_run()
    return best


class Alternatives:
    """`re.compile("|".join(patterns), flags)`, searched faster (see the module's doc)."""

    def __init__(self, patterns: Iterable[str], flags: int = 0) -> None:
        self._parts: list[tuple[frozenset[str] | None, frozenset[str], re.Pattern[str]]] = []
        for pattern in patterns:
            words = needed_words(pattern, flags)
            heads = frozenset(w[:_SHORTEST] for w in words) if words else frozenset()
            self._parts.append((words, heads, re.compile(pattern, flags)))

    def search(self, text: str) -> re.Match[str] | None:
        folded = text.casefold()
        # the text's three-letter pieces: a pattern none of whose words starts with one of
        # them is passed over with one set operation
        pieces = {folded[i : i + _SHORTEST] for i in range(len(folded) - _SHORTEST + 1)}
        found: re.Match[str] | None = None
        for words, heads, pattern in self._parts:
            if words is not None:
                if heads.isdisjoint(pieces) or not any(w in folded for w in words):
                    continue
            match = pattern.search(text)
            if match and (found is None or match.start() < found.start()):
                found = match
        return found

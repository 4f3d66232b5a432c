"""Questions in plain words -> a subcommand. A table of phrasings (data), not branches."""

from __future__ import annotations

import re

# (pattern, subcommand text). First match wins; patterns see lower-cased text.
INTENTS: list[tuple[str, str]] = [
    (r"\b(hvornår|hvorn[aå]r)\b.*\bmøde", "next-meeting"),
    (r"\bnæste\s+møde\b", "next-meeting"),
    (r"\b(when|what)\b.*\bnext\s+meeting\b", "next-meeting"),
    (r"\bnext\s+meeting\b", "next-meeting"),
    (r"\b(hjælp|help|hvad kan du|what can you)\b", "help"),
]
_COMPILED = [(re.compile(p, re.IGNORECASE), command) for p, command in INTENTS]
_MENTION = re.compile(r"<@[UW][A-Z0-9]+(\|[^>]*)?>")


def intent_of(text: str) -> str | None:
    """The subcommand a question asks for, or None when it is not understood."""
    cleaned = _MENTION.sub(" ", text).strip().lower()
    for pattern, command in _COMPILED:
        if pattern.search(cleaned):
            return command
    return None

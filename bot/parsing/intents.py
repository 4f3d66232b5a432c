"""Questions in plain words -> a `/referat` command. A table of phrasings (data), not branches.

Each row is (pattern, command template); named groups fill the template. The
first row that matches wins, so specific phrasings come before general ones.
"""

from __future__ import annotations

import re

INTENTS: list[tuple[str, str]] = [
    # open items for someone
    (
        r"\b(?:åben|åbent|åbne|open|outstanding)\b.*\b(?:for|til|hos)\s+(?P<who><@[UW][A-Z0-9]+(?:\|[^>]*)?>)",
        "open-items {who}",
    ),
    (
        r"\b(?:hvad|what)\b.*\b(?:har|has)\s+(?P<who><@[UW][A-Z0-9]+(?:\|[^>]*)?>)",
        "open-items {who}",
    ),
    (r"\b(?:mine|my)\b.*\b(?:opgaver|handlinger|actions|tasks|items)\b", "open-items me"),
    (r"\bhvad\s+(?:skal|har)\s+jeg\b|\bwhat\s+(?:do|should)\s+i\b", "open-items me"),
    (
        r"\b(?:åbent|åbne|open|outstanding)\b.*\b(?:for|til|hos)\s+(?P<who>mig|me)\b",
        "open-items me",
    ),
    (
        r"\b(?:åbent|åbne|open|outstanding)\b.*\b(?:for|til|hos)\s+"
        r"(?P<who>[\wæøåÆØÅ][\wæøåÆØÅ .\-/]{0,40}?)\s*\??$",
        "open-items {who}",
    ),
    (r"\b(?:overskred\w*|forsinke\w*|forfald\w*|overdue|late)\b", "open-items overdue"),
    (r"\b(?:åbent|åbne|åbne punkter|open items|open actions|outstanding)\b", "open-items"),
    # decisions about a subject
    (r"\bbesluttede\s+vi\s+(?:om|vedr\.?|angående)\s+(?P<words>.+?)\s*\??$", "decisions {words}"),
    (r"\bbeslutning(?:er)?\s+(?:om|vedr\.?|angående)\s+(?P<words>.+?)\s*\??$", "decisions {words}"),
    (r"\bdecide[d]?\s+(?:about|on|regarding)\s+(?P<words>.+?)\s*\??$", "decisions {words}"),
    (r"\bdecisions?\s+(?:about|on|regarding)\s+(?P<words>.+?)\s*\??$", "decisions {words}"),
    (r"\b(?:beslutninger|decisions)\b", "decisions"),
    # the next meeting
    (r"\b(?:hvornår|hvorn[aå]r)\b.*\bmøde", "next-meeting"),
    (r"\bnæste\s+møde\b", "next-meeting"),
    (r"\bnext\s+meeting\b", "next-meeting"),
    (r"\bwhen\b.*\bmeet", "next-meeting"),
    (r"\b(?:dagsorden|agenda)\b", "agenda"),
    # help
    (r"\b(?:hjælp|help|hvad kan du|what can you)\b", "help"),
]
_COMPILED = [(re.compile(p, re.IGNORECASE), command) for p, command in INTENTS]
_BOT_MENTION = re.compile(r"^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>[\s:,]*")


def intent_of(text: str) -> str | None:
    """The command a question asks for, or None when it is not understood."""
    cleaned = _BOT_MENTION.sub("", text).strip()
    if not cleaned:
        return "help"
    for pattern, command in _COMPILED:
        match = pattern.search(cleaned)
        if match:
            values = {k: v.strip(" ?.!") for k, v in match.groupdict().items() if v}
            return command.format(**values).strip()
    return None

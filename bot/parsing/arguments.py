"""Arguments of `/referat` subcommands: who, since when, which words (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.parsing.lexicon import words as lexicon_words

USER_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
ME = set(lexicon_words("ME"))
OVERDUE = set(lexicon_words("OVERDUE"))
SINCE = re.compile(
    r"\b(?:" + "|".join(lexicon_words("SINCE")) + r")\s+(?P<date>.+)$", re.IGNORECASE
)
ALIAS = re.compile(r"^(?P<name>.+?)\s*=\s*(?P<who>.+)$")
ADD = set(lexicon_words("ADD"))
STOPWORDS = set(lexicon_words("STOPWORDS"))
ON = set(lexicon_words("ON"))
OFF = set(lexicon_words("OFF"))


@dataclass(frozen=True)
class Who:
    kind: str  # all | me | user | name | overdue
    value: str = ""


def who(text: str) -> Who:
    stripped = text.strip().strip("?.!").strip()
    if not stripped:
        return Who("all")
    mention = USER_MENTION.search(stripped)
    if mention:
        return Who("user", mention.group(1))
    lowered = stripped.lower()
    if lowered in ME:
        return Who("me")
    if lowered in OVERDUE:
        return Who("overdue")
    return Who("name", stripped)


def since_and_words(text: str) -> tuple[str | None, list[str]]:
    """(the date text after since/siden, the search words before it)."""
    match = SINCE.search(text)
    since = match.group("date").strip() if match else None
    rest = text[: match.start()] if match else text
    words = [
        w for w in re.findall(r"[\wæøåÆØÅ-]+", rest.casefold()) if len(w) > 1 and w not in STOPWORDS
    ]
    return since, words


def search_words(words: list[str]) -> list[str]:
    """The words worth searching for: no stop words, no repeats, at most eight."""
    return list(dict.fromkeys(w for w in words if w not in STOPWORDS))[:8]


def alias(text: str) -> tuple[str, str] | None:
    """`Lolland = <@U123|anne>` -> ("Lolland", "U123")."""
    match = ALIAS.match(text.strip())
    if not match:
        return None
    mention = USER_MENTION.search(match.group("who"))
    name = match.group("name").strip().strip('"')
    if not mention or not name or len(name) > 100:
        return None
    return name, mention.group(1)

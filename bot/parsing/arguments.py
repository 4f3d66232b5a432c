"""Arguments of `/referat` subcommands: who, since when, which words (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass

USER_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
ME = {"me", "mig", "mine", "my", "mit", "egne"}
OVERDUE = {"overdue", "overskredne", "overskredet", "forfaldne", "forsinkede", "late"}
SINCE = re.compile(r"\b(?:since|siden|fra)\s+(?P<date>.+)$", re.IGNORECASE)
ALIAS = re.compile(r"^(?P<name>.+?)\s*=\s*(?P<who>.+)$")
ADD = {"add", "tilføj", "tilfoej"}
STOPWORDS = {
    "the",
    "an",
    "of",
    "about",
    "our",
    "om",
    "den",
    "det",
    "de",
    "vi",
    "we",
    "vores",
    "og",
    "and",
    "til",
    "to",
}
ON = {"on", "til", "tænd", "ja", "yes"}
OFF = {"off", "fra", "sluk", "nej", "no"}


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


_ENDINGS = ("erne", "ene", "er", "en", "et", "s")


def stem(word: str) -> str:
    """A search word without a plural or definite ending: 'rammeaftalerne' -> 'rammeaftal'."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 5:
            return word[: -len(ending)]
    return word


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

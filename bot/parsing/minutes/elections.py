"""Items where the meeting elects ("Valg af ordstyrer", "Election of officers"): a line that
names who holds the role is the item's result ("Ordstyrer: Kristian Mortensen"), a line of
who stands is not ("Kandidater: …", "Nominations: …"), and the nominee's line over a motion
("Secretary Rene Bartosh") leads the motion that elects them."""

from __future__ import annotations

import re

from bot.parsing.minutes.text import words_of

_ELECTION_TITLE = re.compile(
    rf"^(?:\d{{1,2}}[.)]\s*)?(?:{'|'.join(words_of('ELECTION_TITLES'))})\b", re.IGNORECASE
)
_ROLE_RESULT = re.compile(
    r"^[A-ZÆØÅ][\wæøå-]*(?:\s+[\wæøå-]+){0,2}:\s*"
    r"(?-i:[A-ZÆØÅ])[\wæøå.-]+(?:(?:\s+|\s+og\s+|\s+and\s+|,\s*)(?-i:[A-ZÆØÅ])[\wæøå.-]+){0,5}"
    r"\.?$"
)
# Who stands, not who was elected: "Kandidater: Jens og Bo", "Nominations: Ann Lee, Bo Berg".
_NOMINEES = re.compile(rf"^(?:{'|'.join(words_of('NOMINEE_LABELS'))})\s*:", re.IGNORECASE)
# Who is up for the role, on a line of its own over the motion: "Secretary Rene Bartosh".
_NOMINEE = re.compile(r"^[A-ZÆØÅ][\wæøå'-]*(?:\s+[\wæøå'-]+){1,5}$")


def is_election(title: str) -> bool:
    """Whether an item's title says the meeting elects (lexicon ELECTION_TITLES)."""
    return bool(_ELECTION_TITLE.match(title.strip(" #*")))


def role_result(paragraph: str) -> bool:
    """A line that names who holds the role: "Ordstyrer: Kristian Mortensen", "Stemmetællere:
    Carina og Vita"; not who stands."""
    return bool(_ROLE_RESULT.match(paragraph)) and not _NOMINEES.match(paragraph)


def nominee_line(paragraph: str) -> bool:
    """A short line naming a role and a person, over the motion that elects them."""
    return bool(_NOMINEE.match(paragraph))

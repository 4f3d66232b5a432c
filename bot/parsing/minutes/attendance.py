"""Who the minutes say was there: the names on an attendance line ("Tilstede: Mike, Claus,
Carsten.", "Present: Ann Lee and Bo Berg"), people the reader may take for owners even where a
name looks like a common word ("Carsten" ends like "Bestyrelsen")."""

from __future__ import annotations

import re

from bot.parsing.minutes.text import words_of

_LABEL = re.compile(
    rf"^[#*\s-]*(?:{'|'.join(words_of('ATTENDANCE_LABELS'))})[*\s]*:\s*(?P<names>\S.*)$",
    re.IGNORECASE,
)
_NAME = re.compile(r"^(?-i:[A-ZÆØÅ])[\wæøåÆØÅ'-]+(?:\s+(?-i:[A-ZÆØÅ])[\wæøåÆØÅ'-]+){0,2}$")


def attendees(lines: list[str]) -> tuple[str, ...]:
    """The names on the minutes' attendance lines, each as written ("Carsten", "Ann Lee")."""
    found: list[str] = []
    for line in lines[:200]:
        match = _LABEL.match(line)
        if match is None:
            continue
        raw = re.sub(r"\([^)]*\)", "", match.group("names")).rstrip(" .")
        for part in re.split(r"\s*[,;]\s*|\s+og\s+|\s+and\s+|\s*&\s*", raw):
            part = part.strip(" *.")
            if _NAME.match(part) and part not in found:
                found.append(part)
    return tuple(found)

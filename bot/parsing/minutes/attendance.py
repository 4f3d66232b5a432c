"""Who the minutes say was there: the names on an attendance line ("Tilstede: Mike, Claus,
Carsten.", "Present: Ann Lee and Bo Berg"), people the reader may take for owners even where a
name looks like a common word ("Carsten" ends like "Bestyrelsen")."""

from __future__ import annotations

import re

from bot.parsing.minutes.text import words_of

_LABEL = re.compile(
    rf"^[#*\s-]*(?:{'|'.join(words_of('ATTENDANCE_LABELS') + words_of('ABSENCE_LABELS'))})"
    r"[*\s]*:\s*(?P<names>\S.*)$",
    re.IGNORECASE,
)
_NAME = re.compile(r"^(?-i:[A-ZÆØÅ])[\wæøåÆØÅ'-]+(?:\s+(?-i:[A-ZÆØÅ])[\wæøåÆØÅ'-]+){0,2}$")


_INITIALS = re.compile(r"\((?-i:[A-ZÆØÅ]{2,4})\)")


def attendance_line(line: str) -> bool:
    """Whether the line lists who came or sent apologies ("Til stede: …", "Afbud: …")."""
    return _LABEL.match(line) is not None


def attendees(lines: list[str]) -> tuple[str, ...]:
    """The names on the minutes' attendance and absence lines, each as written ("Carsten",
    "Ann Lee"), then the initials the minutes may use for them: as written in brackets
    ("Stig Bojesen (SB)") or, for a name of two or three words, its first letters ("Kathy
    Bramble": KB)."""
    found: list[str] = []
    initials: list[str] = []
    for line in lines[:200]:
        match = _LABEL.match(line)
        if match is None:
            continue
        initials += [m.group(0).strip("()") for m in _INITIALS.finditer(match.group("names"))]
        raw = re.sub(r"\([^)]*\)", "", match.group("names")).rstrip(" .")
        for part in re.split(r"\s*[,;]\s*|\s+og\s+|\s+and\s+|\s*&\s*", raw):
            part = part.strip(" *.")
            if _NAME.match(part) and part not in found:
                found.append(part)
    initials += [
        "".join(w[0] for w in name.split()) for name in found if 2 <= len(name.split()) <= 3
    ]
    return tuple(found) + tuple(dict.fromkeys(i for i in initials if i not in found))

"""Who the minutes say was there: the names on an attendance line ("Tilstede: Mike, Claus,
Carsten.", "Present: Ann Lee and Bo Berg"), people the reader may take for owners even where a
name looks like a common word ("Carsten" ends like "Bestyrelsen")."""

from __future__ import annotations

import re

from bot.parsing.minutes.text import words_of

_LABEL = re.compile(
    r"^[#*\s-]*(?:\d{1,2}[.)]\s*)?"
    rf"(?:{'|'.join(words_of('ATTENDANCE_LABELS') + words_of('ABSENCE_LABELS'))})"
    r"[*\s]*:\s*(?P<names>\S.*)?$",
    re.IGNORECASE,
)
# between names: a comma, "og"/"and", or a full stop after a word ("Evelyn Lindqvist (EL).
# Dr Umi Shamir (US)."), not after an initial ("S. Holden")
_SEPARATORS = re.compile(r"\s*[,;]\s*|\s+og\s+|\s+and\s+|\s*&\s*|(?<=\w\w)\s*\.\s+")
_TITLE_DOT = re.compile(rf"\b({'|'.join(words_of('PERSON_TITLES'))})\.")
_NAME = re.compile(r"^(?-i:[A-ZÆØÅ])[\wæøåÆØÅ'-]+(?:\s+(?-i:[A-ZÆØÅ])[\wæøåÆØÅ'-]+){0,2}$")


_INITIALS = re.compile(r"\((?-i:[A-ZÆØÅ]{2,4})\)")


def attendance_line(line: str) -> bool:
    """Whether the line lists who came or sent apologies ("Til stede: …", "Afbud: …")."""
    match = _LABEL.match(line)
    return match is not None and bool(match.group("names"))


def attendees(lines: list[str]) -> tuple[str, ...]:
    """The names on the minutes' attendance and absence lines, each as written ("Carsten",
    "Ann Lee"), then the initials the minutes may use for them: as written in brackets
    ("Stig Bojesen (SB)") or, for a name of two or three words, its first letters ("Kathy
    Bramble": KB)."""
    found: list[str] = []
    initials: list[str] = []
    for at, line in enumerate(lines[:200]):
        match = _LABEL.match(line)
        if match is None:
            continue
        written = match.group("names") or _names_below(lines[at + 1 : at + 16])
        initials += [m.group(0).strip("()") for m in _INITIALS.finditer(written)]
        raw = re.sub(r"\([^)]*\)", "", written).rstrip(" .")
        raw = _TITLE_DOT.sub(r"\1", raw)  # "Dr. Hansen": the title's full stop ends nothing
        for part in _SEPARATORS.split(raw):
            part = part.strip(" *.")
            if _NAME.match(part) and part not in found:
                found.append(part)
    initials += [
        "".join(w[0] for w in name.split()) for name in found if 2 <= len(name.split()) <= 3
    ]
    return tuple(found) + tuple(dict.fromkeys(i for i in initials if i not in found))


def _names_below(lines: list[str]) -> str:
    """The names under a label alone on its line ("1. Attendees:" over "Kelvin Ang, Thida.",
    "ATTENDEES:" over a name a line): the lines up to the first that is not only names."""
    names: list[str] = []
    for line in lines:
        parts = [p.strip(" *.\t") for p in _SEPARATORS.split(line.strip(" -•*\t").rstrip(" ."))]
        if not line.strip() or not all(_NAME.match(p) for p in parts if p):
            if names or line.strip():
                break
            continue
        names += [p for p in parts if p]
    return ", ".join(names)

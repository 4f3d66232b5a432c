"""Dates as minutes write them, beyond what messages use (bot/parsing/dates.py).

`03-01-2024` and `03.08.26` (day first), `2024/03/05`, `2021 February 17` (year
first), `11/15/2022` (month first only where day first is impossible), `091110` in a
header (DDMMYY), and
"(9 days)" after a named meeting, counted from the meeting date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.parsing.dates import MONTHS, DateMatch, find_dates, reading_month_first

_DASHED = re.compile(r"(?<![\w/.-])(\d{1,2})-(\d{1,2})-(\d{4}|\d{2})(?![\w/.-])")
_DOTTED_SHORT = re.compile(r"(?<![\w/.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\w/]|\.\d)")
_COMPACT = re.compile(r"(?<![\w.-])(\d{2})(\d{2})(\d{2})(?![\w.-])")
_ISO_SLASHED = re.compile(
    r"(?<![\w/.])(\d{4})(?:[/.](\d{1,2})[/.](\d{1,2})(?![\w/])|-(\d{2})-(\d{2})(?=T\d))"
)
_MONTH_NAMES = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))
_YEAR_FIRST = re.compile(  # "Wednesday 2021 February 17", "2021 Feb. 17th"
    rf"(?<![\w/.-])(\d{{4}})\s+({_MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?![\w/])",
    re.IGNORECASE,
)
_NUMERIC = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})$")
_IN_DAYS = re.compile(r"\(\s*(?:in\s+|om\s+)?(\d{1,3})\s+(?:days?|dage?)\s*\)", re.IGNORECASE)


def _year(raw: str) -> int:
    year = int(raw)
    return year + 2000 if year < 70 else (year + 1900 if year < 100 else year)


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_first(match: DateMatch) -> DateMatch:
    """`11/15/2022` is no day-first date; read month first (as US minutes write) when only
    that reading exists."""
    numeric = _NUMERIC.match(match.text.strip())
    if match.value is not None or not numeric:
        return match
    value = _safe(_year(numeric.group(3)), int(numeric.group(1)), int(numeric.group(2)))
    return DateMatch(match.start, match.end, match.text, value, True) if value else match


def dates_in(text: str, base: date, *, header: bool = False) -> list[DateMatch]:
    """Every date in `text`, left to right; overlaps resolved, the longest span wins.

    `base` places dates without a year and "(9 days)"; `header` also reads a
    six-digit DDMMYY stamp, which only a title or file header writes.
    """
    found = [_month_first(d) for d in find_dates(text, base)]
    for m in _ISO_SLASHED.finditer(text):  # 2024/03/05, 2024.03.05, 2021-02-18T15:00Z
        month, day = m.group(2) or m.group(4), m.group(3) or m.group(5)
        value = _safe(int(m.group(1)), int(month), int(day))
        if value is not None:
            found.append(DateMatch(m.start(), m.end(), m.group(0), value, True))
    for m in _YEAR_FIRST.finditer(text):
        value = _safe(int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3)))
        if value is not None:
            found.append(DateMatch(m.start(), m.end(), m.group(0), value, True))
    month_first = reading_month_first()  # the document writes "12.4.25" for 4 December
    for pattern in (_DASHED, _DOTTED_SHORT) + ((_COMPACT,) if header else ()):
        for m in pattern.finditer(text):
            day, month = int(m.group(1)), int(m.group(2))
            if month_first and pattern is not _COMPACT:
                day, month = month, day
            value = _safe(_year(m.group(3)), month, day)
            if value is not None:
                found.append(DateMatch(m.start(), m.end(), m.group(0), value, True))
    for m in _IN_DAYS.finditer(text):
        value = base + timedelta(days=int(m.group(1)))
        found.append(DateMatch(m.start(), m.end(), m.group(0), value, False))
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    chosen: list[DateMatch] = []
    for match in found:
        if chosen and match.start < chosen[-1].end:
            if match.end - match.start > chosen[-1].end - chosen[-1].start:
                chosen[-1] = match
            continue
        chosen.append(match)
    return chosen

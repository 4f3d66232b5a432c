"""A meeting calendar printed in the minutes ("Mødekalender 2024")."""

from __future__ import annotations

import re
from datetime import date

from bot.parsing.minutes.text import words_of

_CALENDAR = re.compile(rf"(?:{'|'.join(words_of('CALENDAR'))})\s*(?P<year>\d{{4}})?", re.IGNORECASE)
_CAL_DATE = re.compile(r"^\d{1,2}/\d{1,2}$")


def calendar_in(lines: list[str]) -> dict[str, list[date]]:
    for index, line in enumerate(lines):
        match = _CALENDAR.search(line)
        if not match or not match.group("year"):
            continue
        year = int(match.group("year"))
        header_at = next(
            (
                i
                for i in range(index + 1, min(index + 6, len(lines)))
                if re.search(r"møder i|meetings? of", lines[i], re.IGNORECASE)
            ),
            None,
        )
        if header_at is None:
            continue
        bodies = [
            b.strip(" *:|")
            for b in re.split(r"m[øo]der i|meetings? of", lines[header_at], flags=re.IGNORECASE)
            if b.strip(" *:|")
        ]
        calendar: dict[str, list[date]] = {body: [] for body in bodies}
        for row in lines[header_at + 1 :]:
            if not row or row.startswith("http") or re.fullmatch(r"[|\s:-]+", row):
                continue  # a blank line, a link, a table's |---| rule
            tokens = row.replace("|", " ").split()
            if not tokens or not all(_CAL_DATE.match(t) for t in tokens):
                break
            for body, token in zip(bodies, tokens, strict=False):
                day, month = (int(x) for x in token.split("/"))
                try:
                    calendar[body].append(date(year, month, day))
                except ValueError:
                    continue
        if any(calendar.values()):
            return calendar
    return {}

"""The date a meeting was held, only as the minutes state it."""

from __future__ import annotations

import re
from datetime import date

from bot.parsing.dates import find_dates
from bot.parsing.minutes.text import words_of

_DATE_LABEL = re.compile(
    rf"^(?:{'|'.join(map(re.escape, words_of('MEETING_DATE_LABELS')))})\s*:\s*(?P<rest>.+)$",
    re.IGNORECASE,
)


def meeting_date_in(preamble: list[str], today: date) -> date | None:
    for line in preamble:
        match = _DATE_LABEL.match(line)
        if match:
            dates = [d for d in find_dates(match.group("rest"), today) if d.value and d.year_given]
            if dates:
                return dates[0].value
    for line in [ln for ln in preamble if ln][:15]:
        dates = [d for d in find_dates(line, today) if d.value and d.year_given]
        if dates and len(line) < 120:
            return dates[0].value
    return None

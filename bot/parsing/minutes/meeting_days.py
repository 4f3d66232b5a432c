"""The days a next meeting is written with beyond the dates `dates_in` reads: a day and
month with a dot and no year ("Næste møde 15.4. kl. 19"), the nth weekday of a month ("the
first Tuesday of April", "sidste torsdag i december"), a weekday naming the date after it."""

from __future__ import annotations

import re
from datetime import date

from bot.parsing.dates import MONTHS, WEEKDAYS, DateMatch
from bot.parsing.lexicon import merged


def meeting_days(text: str, base: date, found: list[DateMatch]) -> list[DateMatch]:
    """`found` (the dates `dates_in` read in `text`) with the days a next meeting is written
    with besides: "15.4." / "15.04" (no year; after `base`, not an item's number "punkt 5.3"),
    "the first Tuesday of April" (that day; "of the month" is a rule, no day, where a weekday
    alone was read as the next Tuesday), and a weekday that names the date after it
    ("tirsdag d. 15.4.") is no day of its own."""
    found = list(found)
    for match in _DOTTED_DAY.finditer(text):  # "Næste møde 15.4. kl. 19", "15.04"
        if any(d.start < match.end() and match.start() < d.end for d in found):
            continue
        if re.search(r"\b(?:punkt|pkt|item|sag)\.?\s*$", text[: match.start()], re.IGNORECASE):
            continue  # "se punkt 5.3": an item's number
        day = _first_on_or_after(base, int(match.group("m")), int(match.group("d")))
        if day is not None and day > base:
            found.append(DateMatch(match.start(), match.end(), match.group(0), day, False))
    for match in _NTH_WEEKDAY.finditer(text):
        found = [d for d in found if d.end <= match.start() or d.start >= match.end()]
        month = match.group("month")
        if month is None:
            continue
        day = _nth_weekday(
            base,
            MONTHS[month.lower()],
            WEEKDAYS[match.group("weekday").lower()],
            ORDINALS[match.group("nth").lower()],
        )
        if day is not None:
            found.append(DateMatch(match.start(), match.end(), match.group(0), day, False))
    found.sort(key=lambda d: d.start)
    # "tirsdag d. 15.4.": the weekday names the date after it, it is no day of its own
    return [
        d
        for i, d in enumerate(found)
        if not (
            d.text.strip(" ,.").lower() in WEEKDAYS
            and i + 1 < len(found)
            and found[i + 1].start - d.end <= 8
        )
    ]


ORDINALS: dict[str, int] = merged("NTH_WEEKDAY")  # "first" 1, "sidste" -1
_ORDINAL_NAMES = "|".join(sorted(map(re.escape, ORDINALS), key=len, reverse=True))
_MONTH_NAMES = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))
_WEEKDAY_NAMES = "|".join(sorted(map(re.escape, WEEKDAYS), key=len, reverse=True))
_NTH_WEEKDAY = re.compile(
    rf"\b(?P<nth>{_ORDINAL_NAMES})\s+(?P<weekday>{_WEEKDAY_NAMES})\s+(?:of|in|i)\s+"
    rf"(?:the\s+month|måneden|(?P<month>{_MONTH_NAMES}))\b",
    re.IGNORECASE,
)


# A day and month with a dot and no year, after the words that name the next meeting: "15.4.",
# "15.04" (not a clock: "kl. 19.30", "at 19.05").
_DOTTED_DAY = re.compile(
    r"(?<![\w.:/])(?<!kl\. )(?<!kl )(?<!at )(?P<d>[0-2]?\d|3[01])\.(?P<m>0?[1-9]|1[0-2])\.?"
    r"(?![\w/:]|\.?\d)"
)


def _first_on_or_after(base: date, month: int, day: int) -> date | None:
    for year in (base.year, base.year + 1):
        if _valid(year, month, day) and date(year, month, day) >= base:
            return date(year, month, day)
    return None


def _nth_weekday(base: date, month: int, weekday: int, nth: int) -> date | None:
    """The nth (or, for -1, the last) such weekday of the first such month from `base` on."""
    for year in (base.year, base.year + 1):
        days = [
            date(year, month, d)
            for d in range(1, 32)
            if _valid(year, month, d) and date(year, month, d).weekday() == weekday
        ]
        if len(days) < max(nth, 1):
            return None
        day = days[nth - 1] if nth > 0 else days[-1]
        if day >= base:
            return day
    return None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


# A standing rule for the meetings: "Møderne afholdes 3. torsdag i hver måned", "meetings are
# held on the second Tuesday of each month".
_MONTHLY = re.compile(
    rf"\b(?P<nth>{_ORDINAL_NAMES}|[1-4]\.)\s+(?P<weekday>{_WEEKDAY_NAMES})\s+(?:of|in|i)\s+"
    r"(?:hver|each|every)\s+(?:måned|month)\b",  # not "… of the month" after "Next meeting:"
    re.IGNORECASE,
)


def monthly_rule(text: str, held: date) -> date | None:
    """The first meeting after `held` by a monthly rule in `text`, or None."""
    match = _MONTHLY.search(text)
    if match is None:
        return None
    nth_word = match.group("nth").lower()
    nth = ORDINALS[nth_word] if nth_word in ORDINALS else int(nth_word.rstrip("."))
    weekday = WEEKDAYS[match.group("weekday").lower()]
    year, month = held.year, held.month
    for _ in range(13):
        days = [
            date(year, month, d)
            for d in range(1, 32)
            if _valid(year, month, d) and date(year, month, d).weekday() == weekday
        ]
        day = days[nth - 1] if nth > 0 and len(days) >= nth else days[-1] if nth < 0 else None
        if day is not None and day > held:
            return day
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None

"""Dates and times as Danish and English speakers write them (PRODUCT.md section 6).

Pure: `today` is always an argument, never read from the clock. Our own
patterns cover the forms people write in messages and minutes; dateparser is
asked only for what they do not cover, and its answers are checked, because
on its own it reads `32/1` as a day in 2032.

Working days know Danish public holidays (the `holidays` library, a pure
table by year): a deadline computed from a period (`uge 12`, `ultimo januar`)
falls on that period's last working day.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from bot.parsing.lexicon import merged, words


class DateError(ValueError):
    """Text that looks like a date but is not one (`31/2`)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    text: str
    value: date | None  # None when the text is not a real date
    year_given: bool = True
    period: bool = False  # a deadline computed from a period: its last working day

    @property
    def ok(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class TimeRange:
    start: int
    end: int
    begins: time
    ends: time | None


def _alt(items: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w) for w in items)


MONTHS: dict[str, int] = merged("MONTHS")
WEEKDAYS: dict[str, int] = merged("WEEKDAYS")
NUMBERS: dict[str, int] = merged("NUMBERS")
UNITS: dict[str, int] = merged("UNITS")
RELATIVE_DAYS: dict[str, int] = merged("RELATIVE_DAYS")
PERIOD_OF_MONTH: dict[str, int] = merged("PERIOD_OF_MONTH")
PERIOD_OF_YEAR: dict[str, tuple[int, int]] = merged("PERIOD_OF_YEAR")

_B = r"(?<![\w/])"  # left boundary that also refuses to start inside 12/34
_E = r"(?![\w/])"
_MONTH = _alt(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = _alt(sorted(WEEKDAYS, key=len, reverse=True))
_NUMBER = r"\d{1,2}|" + _alt(sorted(NUMBERS, key=len, reverse=True))
_PERIOD = _alt(sorted(set(PERIOD_OF_MONTH) | set(PERIOD_OF_YEAR), key=len, reverse=True))

# "5/2", "5/2-2027", "fredag d. 5/2 2027": day first, unless a document says otherwise
_NUMERIC = re.compile(
    rf"{_B}(?:(?P<wd>{_WEEKDAY})\s+(?:(?:d\.|den)\s+)?)?"
    rf"(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})"
    rf"(?:(?:\s*-\s*|/)(?P<y>\d{{4}}|\d{{2}})(?!\d)|\s(?P<y2>\d{{4}})(?!\d))?(?![\w/])"
)

# "fredag 5.2.2027", "Friday 10.11.2002"
_DOTTED = re.compile(
    rf"{_B}(?:(?P<wd>{_WEEKDAY}),?\s+(?:(?:d\.|den|the)\s+)?)?"
    rf"(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}}){_E}"
)

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"{_B}(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}}){_E}")),
    ("numeric", _NUMERIC),
    (
        # "2019-June-20", "20-Jun-2019": a month's name between dashes, either way round
        "dashed_name",
        re.compile(
            rf"{_B}(?:(?P<y>\d{{4}})-(?P<mn>{_MONTH})\.?-(?P<d>\d{{1,2}})"
            rf"|(?P<d2>\d{{1,2}})-(?P<mn2>{_MONTH})\.?-(?P<y2>\d{{4}})){_E}"
        ),
    ),
    ("dotted", _DOTTED),
    (
        "day_month",
        re.compile(
            rf"{_B}(?:(?P<wd>{_WEEKDAY}),?\s+(?:(?:d\.|den|the)\s+)?)?(?:(?:den|the)\s+|d\.\s*)?"
            # "15th May", also glued as a page's text may give it: "15thMay", "d.24. Maj"
            rf"(?P<d>\d{{1,2}})(?:\.\s*|(?:st|nd|rd|th)\s*|\s+)(?:of\s+)?(?P<mn>{_MONTH})\.?"
            rf"(?:(?:,\s*|\s+)(?P<y>\d{{4}}))?(?![\w])"
        ),
    ),
    (
        "month_day",
        re.compile(
            rf"{_B}(?:(?P<wd>{_WEEKDAY}),?\s+)?(?P<mn>{_MONTH})\.?\s+(?P<d>\d{{1,2}})"
            rf"(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?(?![\w/])"
        ),
    ),
    (
        "period",
        re.compile(
            rf"{_B}(?P<p>{_PERIOD})\s*(?:(?P<mn>{_MONTH})\.?(?:\s+(?P<y>\d{{4}}))?|(?P<py>\d{{4}}))"
            rf"(?![\w])"
        ),
    ),
    (
        "week",
        re.compile(
            rf"{_B}(?:{_alt(words('WEEK'))})\s+(?P<w>\d{{1,2}})(?:,?\s+(?P<y>\d{{4}}))?{_E}"
        ),
    ),
    (
        "relative",
        re.compile(
            rf"{_B}(?:{_alt(words('IN'))})\s+(?P<n>{_NUMBER})\s+"
            rf"(?P<u>{_alt(sorted(UNITS, key=len, reverse=True))})(?![\w])"
        ),
    ),
    (
        "relday",
        re.compile(rf"{_B}(?P<r>{_alt(sorted(RELATIVE_DAYS, key=len, reverse=True))})(?![\w])"),
    ),
    (
        "weekday",
        re.compile(
            rf"{_B}(?:(?P<next>{_alt(words('NEXT'))})\s+)?(?P<wd>{_WEEKDAY})(?:en)?(?![\w])"
        ),
    ),
]


@lru_cache(maxsize=64)
def _holidays(year: int, language: str) -> dict[date, str]:
    import holidays

    table = holidays.country_holidays("DK", years=year, language=language)
    return dict(table.items())


def holiday_name(day: date, language: str = "da") -> str | None:
    """The Danish public holiday on `day` (`Langfredag` / `Good Friday`), or None."""
    return _holidays(day.year, "da" if language == "da" else "en_US").get(day)


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a Danish public holiday."""
    return day.weekday() < 5 and holiday_name(day) is None


def last_working_day(day: date) -> date:
    """`day` itself if it is a working day, else the working day before it."""
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def previous_working_day(day: date) -> date:
    return last_working_day(day - timedelta(days=1))


def next_working_day(day: date) -> date:
    day += timedelta(days=1)
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


BACK = timedelta(days=92)  # a date without a year: from about three months back …
AHEAD = timedelta(days=275)  # … to about nine months ahead


def _next_such(today: date, month: int, day: int) -> date | None:
    """The nearest date with this day and month, from about three months back to nine
    ahead (`20/11` typed on 23 November is last Friday, not next year's). None when no
    such date exists in that window (`29/2` in a year without one, `31/2`)."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    for year in (today.year - 1, today.year, today.year + 1):
        found = _safe_date(year, month, day)
        if found is not None and today - BACK <= found <= today + AHEAD:
            return found
    return None


def _full_year(raw: str) -> int:
    year = int(raw)
    return year + 2000 if year < 100 else year


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_period(today: date, month: int, year: int | None, day: int) -> date:
    year_ = year if year is not None else today.year
    target = _last_day(year_, month) if day < 0 else date(year_, month, day)
    if year is None and target < today:
        return _month_period(today, month, today.year + 1, day)
    return target


def _resolve(kind: str, m: re.Match[str], today: date, deadline: bool) -> tuple[date | None, bool]:
    g = m.groupdict()
    if kind == "iso":
        return _safe_date(int(g["y"]), int(g["m"]), int(g["d"])), True
    if kind == "dotted":
        day, month = int(g["d"]), int(g["m"])
        if _MONTH_FIRST.get():
            day, month = month, day
        return _safe_date(int(g["y"]), month, day), True
    if kind == "numeric":
        year = g.get("y") or g.get("y2")
        day, month = int(g["d"]), int(g["m"])
        if _MONTH_FIRST.get():
            day, month = month, day
        if year:
            return _safe_date(_full_year(year), month, day), True
        return _next_such(today, month, day), False
    if kind == "dashed_name":
        month = MONTHS[g["mn"] or g["mn2"]]
        return _safe_date(int(g["y"] or g["y2"]), month, int(g["d"] or g["d2"])), True
    if kind in ("day_month", "month_day"):
        month = MONTHS[g["mn"]]
        if g.get("y"):
            return _safe_date(int(g["y"]), month, int(g["d"])), True
        return _next_such(today, month, int(g["d"])), False
    if kind == "period":
        p = g["p"]
        if g.get("py"):
            month, day = PERIOD_OF_YEAR[p]
            return date(int(g["py"]), month, day), True
        year = int(g["y"]) if g.get("y") else None
        return _month_period(today, MONTHS[g["mn"]], year, PERIOD_OF_MONTH[p]), year is not None
    if kind == "week":
        week = int(g["w"])
        weekday = 5 if deadline else 1  # ISO weekday: Friday for a deadline, else Monday
        years = [int(g["y"])] if g.get("y") else [today.year, today.year + 1]
        for year in years:
            try:
                found = date.fromisocalendar(year, week, weekday)
            except ValueError:
                continue
            if g.get("y") or found >= today - timedelta(days=today.weekday()):
                return found, bool(g.get("y"))
        return None, False
    if kind == "relative":
        raw = g["n"]
        n = int(raw) if raw.isdigit() else NUMBERS[raw]
        unit = g["u"]
        if UNITS[unit] == 30:
            month0 = today.month - 1 + n
            year, month = today.year + month0 // 12, month0 % 12 + 1
            return min(
                _safe_date(year, month, today.day) or _last_day(year, month), _last_day(year, month)
            ), False
        return today + timedelta(days=n * UNITS[unit]), False
    if kind == "relday":
        return today + timedelta(days=RELATIVE_DAYS[g["r"]]), False
    if kind == "weekday":
        target = WEEKDAYS[g["wd"]]
        ahead = (target - today.weekday()) % 7
        if g.get("next"):
            # "næste fredag" / "next Friday": the Friday of next week.
            monday_next = today + timedelta(days=7 - today.weekday())
            return monday_next + timedelta(days=target), False
        return today + timedelta(days=ahead or 7), False  # a bare weekday is never today
    raise AssertionError(kind)


_MONTH_FIRST: ContextVar[bool] = ContextVar("month_first", default=False)


def month_first_in(text: str) -> bool:
    """Whether a document writes its numeric dates month first, as in the US ("11/24" for
    24 November, "Friday 10.11.2002" for 11 October): its dates say so (a second number
    above 12: a dated one counts twice, two undated ones are needed; or a weekday that fits
    only the month-first reading), and none says the opposite (a first number above 12, or
    a weekday that fits the day-first reading)."""
    evidence, against = 0, False
    lowered = text.lower()
    for m in [*_NUMERIC.finditer(lowered), *_DOTTED.finditer(lowered)]:
        first, second = int(m.group("d")), int(m.group("m"))
        against = against or (first > 12 >= second)
        if second > 12 >= first:
            evidence += 2 if m.group("y") or m.groupdict().get("y2") else 1
        year = m.group("y") or m.groupdict().get("y2")
        if m.group("wd") and year and first <= 12 and second <= 12 and first != second:
            # "Sunday 12/7/25": the weekday says which reading is meant
            said = WEEKDAYS[m.group("wd")]
            day_first = _safe_date(_full_year(year), second, first)
            month_first = _safe_date(_full_year(year), first, second)
            if (
                month_first
                and month_first.weekday() == said
                and not (day_first and day_first.weekday() == said)
            ):
                evidence += 2
            elif day_first and day_first.weekday() == said:
                against = True
    return evidence >= 2 and not against


def reading_month_first() -> bool:
    """Whether dates are being read month first (inside `slashed_month_first(True)`)."""
    return _MONTH_FIRST.get()


@contextmanager
def slashed_month_first(on: bool) -> Iterator[None]:
    """Within: `find_dates` reads "11/5/17" and "11.5.2017" as 5 November 2017 (a whole document's
    convention, `month_first_in`); day first again after, also on an error."""
    token = _MONTH_FIRST.set(on)
    try:
        yield
    finally:
        _MONTH_FIRST.reset(token)


def find_dates(text: str, today: date, *, deadline: bool = False) -> list[DateMatch]:
    """Every date-like span in `text`, left to right, overlaps resolved (longest wins).

    A span that looks like a date but is not one (`31/2`) comes back with
    `value=None`, so the caller can tell the person.
    """
    lowered = text.lower()
    found: list[DateMatch] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(lowered):
            value, year_given = _resolve(kind, m, today, deadline)
            period = deadline and kind in ("week", "period") and value is not None
            if period and value is not None:
                value = last_working_day(value)
            found.append(
                DateMatch(m.start(), m.end(), text[m.start() : m.end()], value, year_given, period)
            )
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    chosen: list[DateMatch] = []
    for match in found:
        if chosen and match.start < chosen[-1].end:
            continue
        chosen.append(match)
    return chosen


_TIME_PATTERNS = [
    re.compile(
        r"(?<![\w.])(?:kl\.?|klokken)\s*(?P<h1>\d{1,2})(?:[.:](?P<m1>\d{2}))?"
        r"(?:\s*(?:-|–|til)\s*(?P<h2>\d{1,2})(?:[.:](?P<m2>\d{2}))?)?(?![\d])"
    ),
    re.compile(
        r"(?<![\w.:/-])(?P<h1>\d{1,2}):(?P<m1>\d{2})"
        r"(?:\s*(?:-|–|to|til)\s*(?P<h2>\d{1,2})[:.](?P<m2>\d{2}))?(?![\d])"
    ),
    re.compile(
        r"(?<![\w.:/-])(?P<h1>\d{1,2})(?::(?P<m1>\d{2}))?\s*(?P<ap1>[ap]\.?m\b\.?)"
        r"(?:\s*(?:-|–|to)\s*(?P<h2>\d{1,2})(?::(?P<m2>\d{2}))?\s*(?P<ap2>[ap]\.?m\b\.?))?"
        r"(?![\w])"
    ),
]


def _clock(hour: str, minute: str | None, ampm: str | None = None) -> time | None:
    h, mi = int(hour), int(minute or 0)
    if ampm:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if ampm.startswith("p") else 0)
    if h > 23 or mi > 59:
        return None
    return time(h, mi)


# after a meeting's date, `9-12` or `9.30-12` is a time even without "kl."
_BARE_RANGE = re.compile(
    r"(?<![\w.:/-])(?P<h1>\d{1,2})(?:[.:](?P<m1>\d{2}))?\s*(?:-|–)\s*"
    r"(?P<h2>\d{1,2})(?:[.:](?P<m2>\d{2}))?(?![\w/])"
)


def find_time_range(text: str, *, bare: bool = False) -> TimeRange | None:
    """The first clock time or range: `kl. 9-12`, `kl. 9.30-12`, `10:00-12:00`, `2pm`;
    with `bare=True` a plain range such as `9-12` (after a meeting's date)."""
    lowered = text.lower()
    best: TimeRange | None = None
    for pattern in [_BARE_RANGE] if bare else _TIME_PATTERNS:
        for m in pattern.finditer(lowered):
            clocks = _clocks(m)
            if clocks is None:
                continue
            begins, ends = clocks
            longer = best is not None and m.start() == best.start and m.end() > best.end
            if best is None or m.start() < best.start or longer:
                best = TimeRange(m.start(), m.end(), begins, ends)
            break
    return best


def impossible_time(text: str) -> str | None:
    """A time written as one ("kl. 25-26", "kl. 12-9", "10:00-9:00") that is none: an hour
    above 23, minutes above 59, or an end not after the start. None if there is none."""
    lowered = text.lower()
    for pattern in _TIME_PATTERNS:
        for m in pattern.finditer(lowered):
            if _clocks(m) is None:
                return text[m.start() : m.end()].strip()
    return None


def _clocks(m: re.Match[str]) -> tuple[time, time | None] | None:
    """A time match's start and end, or None where it is no time: an hour above 23,
    minutes above 59, an end not after the start."""
    g = m.groupdict()
    begins = _clock(g["h1"], g.get("m1"), g.get("ap1") or g.get("ap2"))
    ends = _clock(g["h2"], g.get("m2"), g.get("ap2")) if g.get("h2") else None
    if begins is None or (g.get("h2") and (ends is None or ends <= begins)):
        return None
    return begins, ends


_DIGITS = re.compile(r"\d+")


@lru_cache(maxsize=1)
def _dateparser() -> object:
    import dateparser

    return dateparser


def _checked_dateparser(text: str, today: date) -> date | None:
    """dateparser's reading, kept only if every number written appears in it."""
    parser = _dateparser()
    base = datetime.combine(today, time(12, 0))
    settings = {
        "DATE_ORDER": "DMY",
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": "future",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "STRICT_PARSING": False,
    }
    try:
        parsed = parser.parse(text, languages=["da", "en"], settings=settings)  # type: ignore[attr-defined]
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if parsed is None:
        return None
    result: date = parsed.date()
    parts = {result.day, result.month, result.year, result.year % 100}
    if any(int(n) not in parts for n in _DIGITS.findall(text)):
        return None
    if abs(result.year - today.year) > 10:
        return None
    return result


def warm_up() -> None:
    """Import dateparser and parse once, and load the Danish holidays table (about 0.1 s
    the first time), so no person's first message pays for it."""
    _checked_dateparser("14 January 2027", date(2026, 1, 1))
    is_working_day(date(2027, 1, 1))


def parse_date(text: str, today: date, *, deadline: bool = False) -> date:
    """Read one date from a short phrase (a command argument or a deadline).

    Raises DateError when the phrase names a date that does not exist or
    when nothing in it can be read as a date.
    """
    matches = find_dates(text, today, deadline=deadline)
    if matches:
        first = matches[0]
        if first.value is None:
            raise DateError(first.text)
        return first.value
    stripped = text.strip()
    if stripped:
        fallback = _checked_dateparser(stripped, today)
        if fallback is not None:
            return fallback
    raise DateError(stripped)


def weekday_named(word: str) -> int | None:
    """`mandag`, `man`, `Monday`, `mon` -> 0 (the words are the date lexicon's)."""
    word = word.lower()
    if word in WEEKDAYS:
        return WEEKDAYS[word]
    found = {day for name, day in WEEKDAYS.items() if len(word) >= 3 and name.startswith(word)}
    return found.pop() if len(found) == 1 else None

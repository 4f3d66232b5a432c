"""The next meeting: when the minutes say it is, moved or not.

A sentence that names the next meeting ("Næste møde", "Next Cabal Meeting",
a heading "10. Next meeting" with the date on the line below) gives the date
written after the name. Where several do, a move ("mødet rykkes til") wins,
then the meeting of this body: a "next X meeting" whose X is in the title is
this body's, one whose X is not is another body's or event's and is left out.
A next meeting can not be before this one: a year that puts it there is a slip
("18/1 2009" in minutes of 7/12 2009) and is read as the year after.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

from bot.parsing.dates import (
    PERIOD_OF_MONTH,
    PERIOD_OF_YEAR,
    WEEKDAYS,
    DateMatch,
    TimeRange,
    find_time_range,
)
from bot.parsing.minutes.dates import dates_in
from bot.parsing.minutes.meeting_days import meeting_days, monthly_rule
from bot.parsing.minutes.model import NextMeeting, clip
from bot.parsing.minutes.text import BULLET, paragraphs, sentences, words_of

_NEXT_WORDS = re.compile("|".join(words_of("NEXT_MEETING_WORDS")), re.IGNORECASE)
_MOVED = re.compile("|".join(words_of("MEETING_MOVED")), re.IGNORECASE)
_PROPOSED = re.compile("|".join(words_of("PROPOSED_AGENDA")), re.IGNORECASE)
_QUALIFIER = re.compile(r"(?:next|næste)\s+(?P<q>[\wæøå-]+?)(?:\s+meeting|s?møde)\b", re.IGNORECASE)
_GENERIC = set(words_of("GENERIC_MEETING_WORDS"))
_BODY_AFTER = re.compile(
    r"næste møde i (?P<body>[A-ZÆØÅa-zæøå0-9]+)|next meeting of the (?P<en>\w+)", re.IGNORECASE
)
_UNSET = re.compile("|".join(words_of("NEXT_MEETING_UNSET")), re.IGNORECASE)
_LEAD = re.compile(rf"^(?:{'|'.join(words_of('NEXT_MEETING_LEADS'))})\s*$", re.IGNORECASE)
_PERIOD = re.compile(
    "|".join(
        re.escape(w) for w in sorted({*PERIOD_OF_MONTH, *PERIOD_OF_YEAR}, key=len, reverse=True)
    ),
    re.IGNORECASE,
)
_ZONED = re.compile(
    rf"(?<![\d:.])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s*(?:{'|'.join(words_of('TIME_ZONES'))})\b",
    re.IGNORECASE,
)
# "7.30pm", "7.30 p.m.", "at 19.30": a clock with a dot, as British minutes write it.
_DOT_CLOCK = re.compile(
    r"(?P<lead>(?<![\d.])|\b(?:at|from)\s+)(?P<h>[01]?\d|2[0-3])\.(?P<m>[0-5]\d)"
    r"(?:(?=\s*[ap]\.?m\b)|(?<=\s\d\.\d\d)(?![\d.])|(?<=\s\d\d\.\d\d)(?![\d.]))"
)
LOOK_AHEAD = 2  # lines after a heading "Næste møde" that may hold its date


@dataclass
class _Found:
    rank: tuple[int, int, int]
    meeting: NextMeeting


def _same_word(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return len(a) >= 4 and len(b) >= 4 and (a.startswith(b) or b.startswith(a))


def _fit(sentence: str, title_words: list[str]) -> int:
    """0: another body's meeting; 1: no body named; 2 and up: this body's, by name.

    A title names its body last ("Podman Community Cabal"): a name later in
    the title fits better than an earlier one.
    """
    match = _QUALIFIER.search(sentence)
    if not match or match.group("q").lower() in _GENERIC:
        return 1
    qualifier = match.group("q").lower().rstrip("s")
    places = [i for i, w in enumerate(title_words) if _same_word(qualifier, w)]
    return 2 + max(places) if places else 0


def next_meeting_in(
    lines: list[str], base: date, *, held: date | None = None, title: str = ""
) -> NextMeeting | None:
    title_words = re.findall(r"[\wæøåÆØÅ]+", title)
    best: _Found | None = None
    text_lines = paragraphs(lines)  # a sentence broken over lines (PDF) is whole again
    for position, line in enumerate(text_lines):
        for sentence in sentences(line):
            moved = _MOVED.search(sentence)
            named = moved or _NEXT_WORDS.search(sentence)
            if not named:
                continue
            after = sentence[named.end() :]
            if _UNSET.search(after):
                continue  # "Date of next meeting – to be decided after 31st August"
            dates = _dates(after, base)
            lead = re.sub(rf"^(?:{BULLET}|\d{{1,2}}[.)]\s*)", "", sentence[: named.start()])
            heading = not after.strip(" :.-–") and (not lead.strip() or _LEAD.match(lead))
            if not dates and heading:
                after = " ".join(text_lines[position + 1 : position + 1 + LOOK_AHEAD])
                dates = _dates(after, base)[:1]
            if not dates:
                continue
            day = dates[0].value
            assert day is not None
            if held is not None and day < held:
                # a year written before this meeting is a slip; one not written is the
                # first such day after this meeting
                later = _year_after(day)
                if later is None or later < held:
                    continue
                day = later
            clock = _clock(after[dates[0].end :]) or _clock(after)
            body_match = _BODY_AFTER.search(sentence)
            body = None
            if body_match:
                raw = body_match.group("body") or body_match.group("en")
                body = raw[:1].upper() + raw[1:] if raw else None
            meeting = NextMeeting(
                date=day,
                start=clock.begins if clock else None,
                end=clock.ends if clock else None,
                body=body,
            )
            fit = _fit(sentence, title_words)
            if fit == 0:
                continue
            rank = (2 if moved else 1, fit, position)
            if best is None or rank >= best.rank:
                best = _Found(rank, meeting)
    if best is None:
        series = (_from_series(lines, held) or _upcoming(lines, held)) if held is not None else None
        if series is None:
            return _by_rule(text_lines, held) if held is not None else None
        best = _Found((0, 0, 0), NextMeeting(date=series))
    best.meeting.proposed_agenda = _proposed_agenda(lines)
    return best.meeting


_SERIES = re.compile(
    rf"^{BULLET}?(?:{'|'.join(words_of('MEETING_SERIES'))})(?:\s+\d{{4}}(?:\s*[/-]\s*\d{{2,4}})?)?"
    r"\s*:\s*(?P<dates>.+)$",
    re.IGNORECASE,
)
_DAY_MONTH = re.compile(r"(?<![\d/.])(\d{1,2})\s*/\s*(\d{1,2})(?![\d/])")


def _from_series(lines: list[str], held: date) -> date | None:
    """The first date after this meeting in a meeting series without years ("Møderække: 22/8 -
    27/9 - … - 25/3 - 30/4"): each day is the first such day after this meeting. This meeting's
    own day must be in the list, so a list of other dates is not read as the series."""
    for line in lines:
        match = _SERIES.match(line.strip())
        if not match:
            continue
        days: list[date] = []
        for day, month in _DAY_MONTH.findall(match.group("dates")):
            for year in (held.year, held.year + 1):
                try:
                    value = date(year, int(month), int(day))
                except ValueError:
                    break
                if value >= held:
                    days.append(value)
                    break
        if held in days and any(d > held for d in days):
            return min(d for d in days if d > held)
    return None


_UPCOMING = re.compile(
    rf"^(?:{BULLET}|\d{{1,2}}[.)]\s*)?(?:{'|'.join(words_of('UPCOMING_MEETINGS'))})\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)


def _upcoming(lines: list[str], held: date) -> date | None:
    """The first day after this meeting under a heading of the coming meetings ("1. Kommende
    møder" over "Ti 10/1 Farum, Ma 20/2. On 29/3"), each day the first such after this one."""
    filled = [line.strip() for line in lines if line.strip()]
    for index, line in enumerate(filled):
        match = _UPCOMING.match(line)
        if not match:
            continue
        text = match.group("rest") or " ".join(filled[index + 1 : index + 1 + LOOK_AHEAD])
        days = [_first_after(held, int(m), int(d)) for d, m in _DAY_MONTH.findall(text)]
        days += [d.value for d in _dates(text, held) if d.value and d.value > held]
        after = [d for d in days if d is not None and d > held]
        if after:
            return min(after)
    return None


_MEETINGS = re.compile("|".join(words_of("MEETING_RULE_WORDS")), re.IGNORECASE)


def _by_rule(paragraphs_: list[str], held: date) -> NextMeeting | None:
    """The next meeting by the meetings' standing rule, where nothing names it: "Møderne
    afholdes 3. torsdag i hver måned … kl. 13.00-16.00" in minutes of 18 December gives 15
    January, 13:00–16:00."""
    for paragraph in paragraphs_:
        if not _MEETINGS.search(paragraph):
            continue
        day = monthly_rule(paragraph, held)
        if day is None:
            continue
        clock = _clock(paragraph)
        return NextMeeting(
            date=day,
            start=clock.begins if clock else None,
            end=clock.ends if clock else None,
            proposed_agenda=[],
        )
    return None


def _first_after(held: date, month: int, day: int) -> date | None:
    for year in (held.year, held.year + 1):
        try:
            value = date(year, month, day)
        except ValueError:
            return None
        if value > held:
            return value
    return None


def _dates(text: str, base: date) -> list[DateMatch]:
    """The dates in `text` that name a day: "primo juni", "early February" name none; and the
    days only a next meeting is written with (`meeting_days`)."""
    found = [d for d in dates_in(text, base) if d.value and not _PERIOD.match(d.text)]
    named = [d for d in found if d.text.strip().lower() not in WEEKDAYS]
    if named and len(named) < len(found):
        # "en søndag aften – d.24. Maj": the weekday is the date's, not the next such day
        found = named
    return meeting_days(text, base, found)


def _clock(text: str) -> TimeRange | None:
    """The meeting's time: "kl. 19-21", "1:00 PM", "15:00UTC", or four digits with a zone
    ("1300 CET")."""
    # "7.30pm", "at 19.30": the clock with a dot, as British minutes write it
    text = _DOT_CLOCK.sub(r"\g<lead>\g<h>:\g<m>", text)
    found = find_time_range(text)
    zoned = _ZONED.search(text)
    if zoned and (found is None or zoned.start() < found.start):
        begins = time(int(zoned.group("h")), int(zoned.group("m")))
        return TimeRange(zoned.start(), zoned.end(), begins, None)
    return found


def _year_after(day: date) -> date | None:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return None


def _proposed_agenda(lines: list[str]) -> list[str]:
    for index, line in enumerate(lines):
        if not _PROPOSED.search(line):
            continue
        items: list[str] = []
        for row in lines[index + 1 :]:
            if not row:
                continue
            match = re.match(rf"^(?:{BULLET}|\d{{1,2}}\.\s+)(.+)$", row)
            if not match:
                break
            items.append(clip(match.group(1)))
        if items:
            return items
    return []

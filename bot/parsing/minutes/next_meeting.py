"""The next meeting: when the minutes say it is, moved or not."""

from __future__ import annotations

import re
from datetime import date

from bot.parsing.dates import find_dates, find_time_range
from bot.parsing.minutes.model import NextMeeting, clip
from bot.parsing.minutes.text import BULLET, sentences, words_of

_NEXT_WORDS = re.compile("|".join(words_of("NEXT_MEETING_WORDS")), re.IGNORECASE)
_MOVED = re.compile("|".join(words_of("MEETING_MOVED")), re.IGNORECASE)
_PROPOSED = re.compile("|".join(words_of("PROPOSED_AGENDA")), re.IGNORECASE)
_BODY_AFTER = re.compile(
    r"næste møde i (?P<body>[A-ZÆØÅa-zæøå0-9]+)|next meeting of the (?P<en>\w+)", re.IGNORECASE
)


def next_meeting_in(lines: list[str], base: date) -> NextMeeting | None:
    best: tuple[int, int, NextMeeting] | None = None
    text_lines = [ln for ln in lines if ln]
    for position, line in enumerate(text_lines):
        for sentence in sentences(line):
            moved = _MOVED.search(sentence)
            named = moved or _NEXT_WORDS.search(sentence)
            if not named:
                continue
            after = sentence[named.end() :]
            dates = [d for d in find_dates(after, base) if d.value]
            if not dates:
                continue
            clock = find_time_range(after[dates[0].end :]) or find_time_range(after)
            body_match = _BODY_AFTER.search(sentence)
            body = None
            if body_match:
                raw = body_match.group("body") or body_match.group("en")
                body = raw[:1].upper() + raw[1:] if raw else None
            meeting = NextMeeting(
                date=dates[0].value,  # type: ignore[arg-type]
                start=clock.begins if clock else None,
                end=clock.ends if clock else None,
                body=body,
            )
            rank = (2 if moved else 1, position)
            if best is None or rank >= best[:2]:
                best = (rank[0], rank[1], meeting)
    if best is None:
        return None
    meeting = best[2]
    meeting.proposed_agenda = _proposed_agenda(lines)
    return meeting


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

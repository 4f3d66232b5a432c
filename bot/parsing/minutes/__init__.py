"""Whole minutes ("referat") in, a structure out (PRODUCT.md section 3).

Pure and total: `parse_minutes(text, today=…)` never reads the clock and never
raises. It copes with text extracted from PDFs (page numbers, lines broken
mid-sentence, bullets split in two), Markdown and reStructuredText exports.

Two ways of finding decisions, chosen per document:
- *section mode*, when the minutes have decision headings ("Beslutning",
  "Drøftelse og beslutning", "Decision"): every bullet or paragraph under one;
- *cue mode* otherwise: sentences that say something was decided ("Det blev
  besluttet", "godkendt", "It was agreed", a RESOLVED block, a carried motion).

Modules: `model` (the dataclasses), `text` (lines, sentences, tables), `html`,
`outline` and `headings` (agenda items), `cues` (decisions), `motions`
(outcomes joined to their motion), `elections` (items where the meeting elects),
`answers` (an item's answer to its question, a list under an outcome label), `tables`,
`owners` (actions), `attendance` (who was there), `dates`, `meeting_date`,
`next_meeting` and `meeting_days` (days only a next meeting is written with), `calendar`.
"""

from __future__ import annotations

import re
from datetime import date

from bot.parsing.dates import month_first_in, slashed_month_first
from bot.parsing.minutes.attendance import attendees
from bot.parsing.minutes.calendar import calendar_in
from bot.parsing.minutes.cues import read_cues, read_sections
from bot.parsing.minutes.headings import structure
from bot.parsing.minutes.learned import Model, candidates, combine, packaged_model
from bot.parsing.minutes.meeting_date import meeting_date_in, period_in
from bot.parsing.minutes.model import (
    MAX_TEXT,
    Minutes,
    MinutesAction,
    MinutesDecision,
    MinutesItem,
    NextMeeting,
)
from bot.parsing.minutes.next_meeting import next_meeting_in
from bot.parsing.minutes.outline import Outline, Segment, heading_section
from bot.parsing.minutes.text import Cleaned, clean, clean_lines, sentences, wrap_width, wrapped_at
from bot.parsing.owners import DEFAULT_OWNER_NAMES

__all__ = [
    "MAX_TEXT",
    "Minutes",
    "MinutesAction",
    "MinutesDecision",
    "MinutesItem",
    "NextMeeting",
    "clean_lines",
    "parse_minutes",
    "sentences",
]


def _language(text: str) -> str:
    danish = len(re.findall(r"\b(og|at|det|til|møde|blev|styregruppen|er)\b", text, re.I))
    english = len(re.findall(r"\b(and|the|that|meeting|was|board|is)\b", text, re.I))
    return "da" if danish >= english else "en"


def parse_minutes(
    text: str,
    *,
    today: date,
    known_owners: tuple[str, ...] = DEFAULT_OWNER_NAMES,
    decision_model: Model | None = None,
) -> Minutes:
    """Read whole minutes. Never raises; what it was unsure of is in `warnings`.

    `decision_model` replaces the packaged one (`learned.py`); cross-validation
    passes one trained without the document's source.
    """
    try:
        with slashed_month_first(month_first_in(text[:2_000_000])):
            return _parse(text, today, known_owners, decision_model or packaged_model())
    except Exception as error:  # a parser bug must not lose the person's file
        return Minutes(warnings=[f"internal:{type(error).__name__}"])


def reading_segments(outline: Outline) -> tuple[list[Segment], bool]:
    """The stretches decisions are read from, and whether in section mode (a decision
    heading on a line of its own, "Beslutning:") rather than by cue sentences."""
    section_mode = any(
        (sec := heading_section(segment.lines, index)) and sec[0] == "beslutning" and not sec[1]
        for segment in outline.segments
        for index in range(len(segment.lines))
    )
    segments = outline.segments
    if outline.items and not section_mode and not any(s.label is None for s in segments):
        # Text before the first item: minutes written before the agenda restarts.
        segments = [Segment(None, outline.preamble), *segments]
    return segments, section_mode


def _parse(text: str, today: date, known: tuple[str, ...], model: Model | None) -> Minutes:
    cleaned = clean(text[:2_000_000])
    with wrapped_at(wrap_width(cleaned.lines)):
        return _read(text, cleaned, today, known, model)


def _read(
    text: str, cleaned: Cleaned, today: date, known: tuple[str, ...], model: Model | None
) -> Minutes:
    lines = cleaned.lines
    minutes = Minutes(language=_language(text[:20000]))
    outline = structure(cleaned)
    known = known + tuple(n for n in attendees(lines) if n not in known)
    minutes.items = outline.items
    minutes.meeting_date, year_guess = meeting_date_in(cleaned, today)
    minutes.calendar = calendar_in(lines)
    period = period_in(cleaned) if minutes.meeting_date is None else None
    if period is not None and year_guess is not None:
        # "BR møde November 2015": a day without a year is a guess only in that month and year
        day = (year_guess.month, year_guess.day)
        same = year_guess.month == period.month and day != (2, 29)
        year_guess = year_guess.replace(year=period.year) if same else None
    base = minutes.meeting_date or period or today
    title = next((cleaned.lines[i] for i in sorted(cleaned.headings)), "") or next(
        (ln for ln in lines if ln), ""
    )
    segments, section_mode = reading_segments(outline)
    for segment in segments:
        if section_mode:
            read_sections(segment, minutes, known, base)
        else:
            read_cues(segment, minutes, known, base, title)
    if model is not None:
        combine(minutes, candidates(segments, minutes.language), model)
    minutes.actions = _once(minutes.actions)
    minutes.next_meeting = next_meeting_in(
        lines,
        base,
        held=minutes.meeting_date,
        title=title,
    )
    if minutes.next_meeting is not None:
        if minutes.next_meeting.body is None and minutes.calendar:
            minutes.next_meeting.body = next(iter(minutes.calendar))
        for action in minutes.actions:
            if action.due_next_meeting and action.due is None:
                action.due = minutes.next_meeting.date
    minutes.body = minutes.next_meeting.body if minutes.next_meeting else None
    if minutes.meeting_date is None and minutes.next_meeting and minutes.calendar:
        held = [
            d for d in minutes.calendar.get(minutes.body or "", []) if d < minutes.next_meeting.date
        ]
        if held:
            minutes.meeting_date_guess = max(held)
            minutes.warnings.append("meeting_date_guessed")
    if minutes.meeting_date is None and minutes.meeting_date_guess is None and year_guess:
        minutes.meeting_date_guess = year_guess
        minutes.warnings.append("meeting_date_year_guessed")
    if minutes.meeting_date is None:
        minutes.warnings.append("meeting_date_unknown")  # the preview asks for it
    if not minutes.items and not minutes.decisions:
        minutes.warnings.append("no_structure")
    return minutes


def _once(actions: list[MinutesAction]) -> list[MinutesAction]:
    """Each task once under its item: minutes that list their actions in a summary and again
    below it ("Summary of actions", then "Action: Duncan Bees to …") give the same task twice.
    The same task under two items is two tasks ("Mark to add notes" in items 2 and 5)."""
    seen: set[tuple[str | None, tuple[str, ...], str]] = set()
    kept: list[MinutesAction] = []
    for action in actions:
        owners = tuple(o.lower() for o in action.owners)
        words = action.task.lower().split()
        key = (action.item, owners, " ".join(words))
        if len(words) < 3 or key not in seen:  # "Action Martin" twice may be two tasks
            seen.add(key)
            kept.append(action)
    return kept

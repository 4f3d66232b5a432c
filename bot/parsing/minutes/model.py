"""What whole minutes are read into: items, decisions, actions, the next meeting."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time

MAX_TEXT = 3000


@dataclass
class MinutesItem:
    number: str
    title: str
    sub_items: list[str] = field(default_factory=list)


@dataclass
class MinutesDecision:
    item: str | None
    text: str


@dataclass
class MinutesAction:
    item: str | None
    owners: list[str]
    task: str
    due: date | None = None
    due_next_meeting: bool = False


@dataclass
class NextMeeting:
    date: date
    start: time | None = None
    end: time | None = None
    body: str | None = None
    proposed_agenda: list[str] = field(default_factory=list)


@dataclass
class Minutes:
    language: str = "da"
    body: str | None = None
    meeting_date: date | None = None
    meeting_date_guess: date | None = None
    items: list[MinutesItem] = field(default_factory=list)
    decisions: list[MinutesDecision] = field(default_factory=list)
    actions: list[MinutesAction] = field(default_factory=list)
    next_meeting: NextMeeting | None = None
    calendar: dict[str, list[date]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """Nothing worth showing: no meeting date, agenda item, decision, action, next
        meeting or calendar was found. Anything less is shown, with its warnings."""
        return not (
            self.meeting_date
            or self.items
            or self.decisions
            or self.actions
            or self.next_meeting
            or self.calendar
        )


def clip(text: str) -> str:
    """One line of at most MAX_TEXT characters."""
    return re.sub(r"\s+", " ", text).strip()[:MAX_TEXT]

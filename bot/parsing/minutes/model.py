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

    def items_without_outcome(self) -> list[MinutesItem]:
        """The agenda items under which no decision or action was found (a sub-item's
        "2A" or "2.1" counts for item "2"): what the preview asks the person to check."""
        found = [d.item for d in self.decisions if d.item]
        found += [a.item for a in self.actions if a.item]
        return [i for i in self.items if not any(_under(f, i.number) for f in found)]


def _under(item: str, number: str) -> bool:
    """`2A`, `2.1` and `2` are under item `2`; `21` is not."""
    if not item.startswith(number):
        return False
    rest = item[len(number) :]
    return not rest or not (rest[0].isdigit() and number[-1:].isdigit())


def clip(text: str) -> str:
    """One line of at most MAX_TEXT characters."""
    return re.sub(r"\s+", " ", text).strip()[:MAX_TEXT]

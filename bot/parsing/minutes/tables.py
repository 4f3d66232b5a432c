"""Tables of actions and outcomes: which column is whose, and which rows are this meeting's."""

from __future__ import annotations

import re

from bot.parsing.minutes.text import words_of


def _columns(name: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:{'|'.join(words_of(name))})\b", re.IGNORECASE)


OWNER_COLUMN = _columns("OWNER_COLUMNS")
TASK_COLUMN = _columns("TASK_COLUMNS")
STATUS_COLUMN = _columns("STATUS_COLUMNS")
DECISION_COLUMN = _columns("DECISION_COLUMNS")
SOURCE_COLUMN = re.compile(rf"^(?:{'|'.join(words_of('SOURCE_COLUMNS'))})\.?$", re.IGNORECASE)


def column(row: dict[str, str], pattern: re.Pattern[str]) -> str:
    return next((v for k, v in row.items() if pattern.match(k) and v.strip()), "")


_NOT_TASK = (OWNER_COLUMN, STATUS_COLUMN, DECISION_COLUMN, SOURCE_COLUMN)
DUE_COLUMN = _columns("DUE_COLUMNS")


def task_column(row: dict[str, str]) -> str:
    """The task of a row with an owner: its task column ("Handling", "Action"), or else
    its first column that is no owner, status, outcome, source or date ("Item", "Emne")."""
    task = column(row, TASK_COLUMN)
    if task or not column(row, OWNER_COLUMN):
        return task
    return next(
        (
            v
            for k, v in row.items()
            if v.strip() and not any(p.match(k) for p in (*_NOT_TASK, DUE_COLUMN))
        ),
        "",
    )


def this_meetings_rows(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Rows of an action log that this meeting added: its source column holds the latest meeting.

    An action log ("Kilde: PM1, PM2, PM4") carries earlier meetings' actions;
    those are not assigned at this meeting. A table without such a column is kept whole.
    """
    column = next((k for row in rows for k in row if SOURCE_COLUMN.match(k)), None)
    if column is None:
        return rows
    values = [row.get(column, "") for row in rows if row.get(column)]
    if not values:
        return rows
    latest = max(values, key=lambda v: [int(n) for n in re.findall(r"\d+", v)] or [0])
    return [row for row in rows if row.get(column) == latest]

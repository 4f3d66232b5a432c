"""A channel's records as files (CSV for a Danish Excel, .xlsx, the history as CSV; the
iCalendar file from `calendar.py`, a meeting's referat from `referat.py`) and as the JSON
shape of `referat export`. An export is the whole channel by nature: it is built after
Slack has its answer (or on the command line), never inside a request. People are shown
by name (`bot/domain/names.py`), never by id."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from bot.deps import Deps, Scope, Unit
from bot.domain import names
from bot.domain.names import Names
from bot.parsing.lexicon import merged
from bot.render import local_times
from bot.replies import Reply
from bot.services import calendar, referat
from bot.services.answers import CommandInput
from storage import documents, queries
from storage.models import Action, Decision, Meeting, Record, RecordChange

ExportFile = referat.Document  # a file to upload: name, content, title


FORMAT_WORDS: dict[str, str] = merged("EXPORT_FORMATS")


def format_of(rest: str) -> tuple[str | None, str]:
    """(the export named, what follows it): `referat 5/1-2024` -> ("minutes", "5/1-2024")."""
    word, _, after = rest.strip().partition(" ")
    return FORMAT_WORDS.get(word.lower().lstrip(".") or "csv"), after.strip()


def command(unit: Unit, command: CommandInput, rest: str) -> Reply:
    """`/referat eksport [csv | xlsx | ics | historik | referat [DATO]]`: the file follows
    once Slack has the answer."""
    fmt, argument = format_of(rest)
    if fmt == "minutes":
        return referat.command(unit, argument)
    if fmt is None:
        return unit.reply("export_usage", ok=False)
    return unit.reply("export_started", name=filename(unit.where, fmt, unit.today))


def files_for(deps: Deps, scope: Scope, rest: str) -> list[ExportFile]:
    """The files a `/referat eksport …` answered with `ok` asks for."""
    fmt, argument = format_of(rest)
    if fmt == "minutes":
        return referat.files(deps, scope, argument)
    assert fmt is not None
    return [export(deps, scope, fmt)]


def filename(scope: Scope, fmt: str, today: Any) -> str:
    return {
        "csv": f"referat-{scope.channel_id}.csv",
        "xlsx": f"referat-{scope.channel_id}.xlsx",
        "history": f"historik-{scope.channel_id}.csv",
        "ics": f"moeder-{scope.channel_id}.ics",
    }[fmt]


def export(deps: Deps, scope: Scope, fmt: str) -> ExportFile:
    builder = {"csv": _csv, "xlsx": _xlsx, "history": _history, "ics": _ics}[fmt]
    with deps.unit(scope) as unit:
        return builder(unit)


# --- names ----------------------------------------------------------------------------


def names_for(unit: Unit, records: Iterable[Record], extra: Iterable[str] = ()) -> Names:
    return names.names_for(unit.session, unit.where.team_id, records, extra)


# --- tables (CSV and .xlsx) ---------------------------------------------------------------


def _delimiter(unit: Unit) -> str:
    """A Danish Excel splits on `;` (the comma is its decimal sign)."""
    return ";" if unit.language == "da" else ","


def _status(unit: Unit, status: str) -> str:
    return unit.string(f"status_{status}")


def _records(unit: Unit) -> tuple[Sequence[Decision], Sequence[Action]]:
    session, scope = unit.session, unit.where
    return (
        queries.channel_decisions(session, scope.team_id, scope.channel_id),
        queries.channel_actions(session, scope.team_id, scope.channel_id),
    )


def _record_rows(unit: Unit, shown: Names, records: Iterable[Record]) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for record in sorted(records, key=lambda r: r.id):
        owners = shown.owners(list(record.owners)) if isinstance(record, Action) else []
        due = record.due if isinstance(record, Action) else None
        rows.append(
            [
                record.id,
                unit.string(f"kind_{record.kind}_word"),
                record.item or "",
                record.text,
                "; ".join(owners),
                due,
                _status(unit, record.status),
                record.created_at.astimezone(unit.prefs.tz).date(),
                record.source.permalink if record.source and record.source.permalink else "",
            ]
        )
    return rows


RECORD_COLUMNS = ("id", "kind", "item", "text", "owners", "due", "status", "created", "link")


def _text_cell(value: Any) -> str:
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _csv_text(unit: Unit, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """UTF-8 with a BOM (so Excel reads æøå), the channel's delimiter, its words."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=_delimiter(unit))
    writer.writerow([unit.string(f"col_{c}") for c in header])
    for row in rows:
        writer.writerow([_text_cell(v) for v in row])
    return "\ufeff" + out.getvalue()


def _csv(unit: Unit) -> ExportFile:
    decisions, actions = _records(unit)
    shown = names_for(unit, [*decisions, *actions])
    rows = _record_rows(unit, shown, [*decisions, *actions])
    return ExportFile(
        filename(unit.where, "csv", unit.today),
        _csv_text(unit, RECORD_COLUMNS, rows),
        unit.string("export_csv_title"),
    )


MEETING_COLUMNS = ("body", "date", "start", "end", "place", "agenda")


def _meeting_rows(unit: Unit, meetings: Iterable[Meeting]) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for meeting in meetings:
        start, end = local_times(meeting.starts_at, meeting.ends_at, unit.prefs.tz)
        agenda = [f"{item.number or i + 1}. {item.title}" for i, item in enumerate(meeting.agenda)]
        rows.append(
            [
                meeting.body or unit.string("meeting"),
                meeting.date,
                _clock(start) or "",
                _clock(end) or "",
                meeting.place or "",
                "\n".join(agenda),
            ]
        )
    return rows


def _xlsx(unit: Unit) -> ExportFile:
    """A sheet each for actions, decisions and meetings; dates are real dates."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    decisions, actions = _records(unit)
    shown = names_for(unit, [*decisions, *actions])
    meetings = queries.channel_meetings(unit.session, unit.where.team_id, unit.where.channel_id)
    book = Workbook()
    sheets: list[tuple[str, Sequence[str], list[list[Any]]]] = [
        ("sheet_actions", RECORD_COLUMNS, _record_rows(unit, shown, actions)),
        ("sheet_decisions", RECORD_COLUMNS, _record_rows(unit, shown, decisions)),
        ("sheet_meetings", MEETING_COLUMNS, _meeting_rows(unit, meetings)),
    ]
    for index, (title, header, rows) in enumerate(sheets):
        sheet = book.active if index == 0 else book.create_sheet()
        assert sheet is not None
        sheet.title = unit.string(title)
        sheet.append([unit.string(f"col_{c}") for c in header])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
        for column, name in enumerate(header, start=1):
            if name in ("due", "created", "date"):
                for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
                    cell.number_format = "DD-MM-YYYY" if unit.language == "da" else "YYYY-MM-DD"
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return ExportFile(
        filename(unit.where, "xlsx", unit.today), out.getvalue(), unit.string("export_xlsx_title")
    )


# --- history (`record_changes`) ------------------------------------------------------------

HISTORY_COLUMNS = ("record", "kind", "change", "actor", "at", "before", "after")


def _history_rows(unit: Unit, changes: Sequence[RecordChange], shown: Names) -> list[list[Any]]:
    return [
        [
            change.record_id,
            unit.string(f"kind_{change.record.kind}_word"),
            unit.string(f"change_{change.change}"),
            shown.person(change.actor_id),
            change.at.astimezone(unit.prefs.tz).strftime("%Y-%m-%d %H:%M"),
            json.dumps(change.before, ensure_ascii=False) if change.before else "",
            json.dumps(change.after, ensure_ascii=False) if change.after else "",
        ]
        for change in changes
    ]


def _history(unit: Unit) -> ExportFile:
    changes = documents.channel_history(unit.session, unit.where.team_id, unit.where.channel_id)
    shown = names_for(unit, [], (c.actor_id for c in changes if c.actor_id))
    return ExportFile(
        filename(unit.where, "history", unit.today),
        _csv_text(unit, HISTORY_COLUMNS, _history_rows(unit, changes, shown)),
        unit.string("export_history_title"),
    )


def _ics(unit: Unit) -> ExportFile:
    name, content, title = calendar.export_file(unit)
    return ExportFile(name, content, title)


# --- JSON (`referat export --format json`) ------------------------------------


def _clock(value: Any) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def channel_json(deps: Deps, scope: Scope) -> dict[str, Any]:
    """A channel's records in the JSON shape of PRODUCT.md section 10."""
    with deps.unit(scope) as unit:
        session, prefs = unit.session, unit.prefs
        meetings = []
        for meeting in queries.channel_meetings(session, scope.team_id, scope.channel_id):
            start, end = local_times(meeting.starts_at, meeting.ends_at, prefs.tz)
            meetings.append(
                {
                    "id": meeting.id,
                    "body": meeting.body,
                    "date": meeting.date.isoformat(),
                    "start": _clock(start),
                    "end": _clock(end),
                    "place": meeting.place,
                    "agenda": [
                        {"number": item.number or str(i + 1), "title": item.title}
                        for i, item in enumerate(meeting.agenda)
                    ],
                }
            )
        records = [
            *queries.channel_decisions(session, scope.team_id, scope.channel_id),
            *queries.channel_actions(session, scope.team_id, scope.channel_id),
        ]
        changes = documents.channel_history(session, scope.team_id, scope.channel_id)
        shown = names_for(unit, records, (c.actor_id for c in changes if c.actor_id))
        decisions = [
            {
                "id": d.id,
                "text": d.text,
                "item": d.item,
                "status": d.status,
                "permalink": d.source.permalink if d.source else None,
            }
            for d in records
            if isinstance(d, Decision)
        ]
        actions = []
        for action in records:
            if not isinstance(action, Action):
                continue
            actions.append(
                {
                    "id": action.id,
                    "text": action.text,
                    "owners": shown.owners(list(action.owners)),
                    "due": action.due.isoformat() if action.due else None,
                    "item": action.item,
                    "status": action.status,
                }
            )
        calendar: dict[str, list[str]] = {}
        for entry in queries.channel_calendar(session, scope.team_id, scope.channel_id):
            calendar.setdefault(entry.body, []).append(entry.date.isoformat())
        history = [
            {
                "record": change.record_id,
                "change": change.change,
                "actor": shown.person(change.actor_id) or None,
                "actor_id": change.actor_id,
                "at": change.at.isoformat(),
                "before": change.before,
                "after": change.after,
            }
            for change in changes
        ]
    return {
        "channel": scope.channel_id,
        "meetings": meetings,
        "decisions": decisions,
        "actions": actions,
        "calendar": calendar,
        "record_changes": history,
    }


# --- the command line (`referat export --format …`) -----------------------------------------


def cli_export(deps: Deps, scope: Scope, fmt: str, meeting: str | None, output: str | None) -> int:
    """Write one export to a file or stdout; binary formats need `--output`."""
    import sys
    from pathlib import Path

    if fmt in ("md", "docx"):
        found = [f for f in referat.files(deps, scope, meeting or "") if f.filename.endswith(fmt)]
        if not found:
            print(
                f"referat export: no meeting {meeting or 'held yet'} in {scope.channel_id}",
                file=sys.stderr,
            )
            return 2
        file = found[0]
    else:
        file = export(deps, scope, fmt)
    if output:
        data = file.content if isinstance(file.content, bytes) else file.content.encode("utf-8")
        Path(output).write_bytes(data)
        print(f"wrote {output}", file=sys.stderr)
        return 0
    if isinstance(file.content, bytes):
        print(f"referat export: --format {fmt} is binary; pass --output FILE", file=sys.stderr)
        return 2
    sys.stdout.write(file.content)
    return 0

"""`referat import FILE --channel C [--dry-run] [--json]`, with progress on stderr."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from bot.config import Settings
from bot.documents.read import DocumentError, extract_text
from bot.parsing.minutes import parse_minutes

MESSAGES = {
    "empty": "the file is empty",
    "unsupported": "cannot read .{detail} files; use .txt, .md, .rst, .html, .pdf or .docx",
    "scanned": "the PDF has no text layer (a scan?); export it with text or paste the text",
    "too_large": "the file is too large ({detail}); the limit is 300 pages or 25 MB",
    "unreadable": "the file cannot be read; it looks damaged or is not a document",
    "no_structure": "no agenda items, decisions or next meeting found; nothing was stored",
    "missing": "no such file: {detail}",
    "bad_date": "--meeting-date {detail} is not a date; write it as 2024-01-05",
}


def _fail(code: str, detail: str = "") -> int:
    print(f"referat import: {MESSAGES[code].format(detail=detail)}", file=sys.stderr)
    return 1


def run_import(settings: Settings, args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        return _fail("missing", str(path))
    held = None
    if getattr(args, "meeting_date", None):
        try:
            held = date.fromisoformat(args.meeting_date)
        except ValueError:
            return _fail("bad_date", args.meeting_date)

    def progress(step: str) -> None:
        print(f"  … page {step}", file=sys.stderr, flush=True)

    print(f"reading {path.name}", file=sys.stderr, flush=True)
    try:
        text = extract_text(path.read_bytes(), path.name, progress)
    except DocumentError as error:
        return _fail(error.code, error.detail)
    print("parsing", file=sys.stderr, flush=True)
    from bot.app import make_deps, open_storage
    from bot.clock import clock_for
    from bot.deps import Scope
    from bot.services import importing

    now = settings.now
    if args.dry_run:
        from datetime import datetime
        from zoneinfo import ZoneInfo

        today = (now or datetime.now(ZoneInfo(settings.timezone))).date()
        minutes = parse_minutes(text, today=today)
        if minutes.empty:
            return _fail("no_structure")
        result = importing.minutes_json(minutes, args.channel)
        if args.json:
            print(json.dumps(result, ensure_ascii=False, indent=2))
        else:
            _summary(result)
        return 0
    sessions = open_storage(settings)
    team = args.team or _installed_team(sessions)
    if team is None:
        return 2
    deps = make_deps(settings, sessions, clock_for(now))
    print("storing", file=sys.stderr, flush=True)
    try:
        outcome = importing.store(deps, Scope(team, args.channel), text, None, path.name, held=held)
    except ValueError:
        return _fail("no_structure")
    if args.json:
        print(json.dumps(outcome.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(
            f"{outcome.status}: {outcome.items} items, {outcome.decisions} decisions, "
            f"{outcome.actions} actions, {outcome.calendar} new calendar dates; "
            f"{outcome.added} added, {outcome.changed} changed, {outcome.retracted} retracted"
        )
    return 0


def _installed_team(sessions: object) -> str | None:
    """The one installed workspace; with none or several, say which to give (one line)."""
    from storage.channels import installed_teams

    with sessions() as session:  # type: ignore[operator]
        teams = installed_teams(session)
    if len(teams) == 1:
        return teams[0]
    if teams:
        print(
            f"referat import: several workspaces are installed ({', '.join(teams)}); "
            "pass --team with one of them",
            file=sys.stderr,
        )
    else:
        print(
            "referat import: no workspace is installed yet; install the app "
            "or pass --team (T0LOCAL for the console)",
            file=sys.stderr,
        )
    return None


def _summary(result: dict[str, object]) -> None:
    items = result["agenda_items"]
    decisions = result["decisions"]
    actions = result["actions"]
    assert isinstance(items, list) and isinstance(decisions, list) and isinstance(actions, list)
    print(f"{len(items)} agenda items, {len(decisions)} decisions, {len(actions)} actions")
    print(f"next meeting: {result['next_meeting']}")
    for warning in result["warnings"]:  # type: ignore[attr-defined]
        print(f"warning: {warning}")

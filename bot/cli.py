"""The `referat` command (PRODUCT.md section 1)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from dataclasses import replace

from bot.config import ConfigError, Settings

log = logging.getLogger("referat")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="referat", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    console = sub.add_parser("console", help="the bot in the terminal, no Slack account needed")
    console.add_argument("--channel", default="C0LOCAL")
    console.add_argument("--user", default="U0LOCAL")
    console.add_argument(
        "--db", default=None, help="SQLite file (default: DATABASE_URL or referat.db)"
    )

    sub.add_parser("socket", help="run in Socket Mode (SLACK_BOT_TOKEN, SLACK_APP_TOKEN)")
    serve = sub.add_parser("serve", help="run over HTTP on gunicorn")
    serve.add_argument("--port", type=int, default=None)
    serve.add_argument("--workers", type=int, default=2)

    worker = sub.add_parser("worker", help="the digest and reminder scheduler alone")
    worker.add_argument("--once", action="store_true", help="one pass, then exit")
    worker.add_argument("--interval", type=float, default=60.0, help="seconds between passes")

    dig = sub.add_parser("digest", help="build (and without --preview post) a digest now")
    dig.add_argument("--channel", required=True)
    dig.add_argument("--team", default=None, help="workspace id (default: the only one)")
    dig.add_argument("--preview", action="store_true", help="print it, post nothing")

    db = sub.add_parser("db", help="database tasks")
    db.add_argument("action", choices=["upgrade"])

    imp = sub.add_parser("import", help="import minutes from .txt, .pdf or .docx")
    imp.add_argument("file")
    imp.add_argument("--channel", required=True)
    imp.add_argument("--team", default="T0LOCAL", help="workspace id (default: T0LOCAL)")
    imp.add_argument("--dry-run", action="store_true", help="read and show, store nothing")
    imp.add_argument("--json", action="store_true", help="print the result as JSON")

    score = sub.add_parser("score-minutes", help="score the minutes reader on labelled minutes")
    score.add_argument("folder", help="documents with a label FILE.json beside each")
    score.add_argument("--verbose", action="store_true", help="show misses and extras")
    score.add_argument("--today", default=None, help="import day, YYYY-MM-DD (default: label)")

    export = sub.add_parser("export", help="print a channel's records")
    export.add_argument("--channel", required=True)
    export.add_argument("--team", default=None, help="workspace id (default: the only one)")
    export.add_argument("--format", choices=["json", "csv", "md", "ics"], default="json")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    args = _parser().parse_args(argv)
    try:
        settings = Settings.from_env()
        return _run(args, settings)
    except ConfigError as error:
        print(f"referat: {error}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace, settings: Settings) -> int:
    if args.command == "console":
        from bot import console

        _log_to_file("referat-console.log")
        if args.db:
            settings = replace(settings, database_url=f"sqlite:///{args.db}")
        if not settings.database_url.startswith("sqlite"):
            print("referat console: uses a SQLite file; pass --db FILE", file=sys.stderr)
            return 2
        return console.run(settings, channel=args.channel, user=args.user)
    if args.command == "db":
        from storage.session import make_engine, upgrade

        upgrade(make_engine(settings.database_url))
        print("database is up to date")
        return 0
    if args.command == "serve":
        settings.require("serve")
        from bot.app import create_app, open_storage
        from bot.web import serve

        open_storage(settings)  # migrate a SQLite file once, before the workers fork
        serve(lambda: create_app(settings), args.port or settings.port, args.workers)
        return 0
    if args.command == "socket":
        settings.require("socket")
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        from bot.app import create_app

        app = create_app(settings, socket_mode=True)
        from bot.worker import start_in_background

        start_in_background(settings, app.deps)  # type: ignore[attr-defined]
        SocketModeHandler(app, settings.app_token).start()
        return 0
    if args.command == "worker":
        from bot.worker import run_worker

        return run_worker(settings, once=args.once, interval=args.interval)
    if args.command == "digest":
        from bot.worker import digest_now

        return digest_now(settings, args.channel, args.team, preview=args.preview)
    if args.command == "import":
        from bot.importer_cli import run_import

        return run_import(settings, args)
    if args.command == "score-minutes":
        from datetime import date

        from bot.minutes_score import run

        today = date.fromisoformat(args.today) if args.today else None
        return run(args.folder, verbose=args.verbose, today=today)
    if args.command == "export":
        from bot.app import make_deps, open_storage
        from bot.clock import clock_for
        from bot.services.deps import Scope
        from bot.services.export import channel_json

        sessions = open_storage(settings)
        deps = make_deps(settings, sessions, clock_for(settings.now))
        team = args.team or _only_team(sessions, args.channel)
        scope = Scope(team, args.channel)
        if args.format == "json":
            print(json.dumps(channel_json(deps, scope), ensure_ascii=False, indent=2))
        else:
            from bot.services.exports import export

            sys.stdout.write(export(deps, scope, args.format).content)
        return 0
    raise AssertionError(args.command)


def _log_to_file(path: str) -> None:
    """The console shows what the bot posts; tracebacks go to a file, not the screen."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def _only_team(sessions: object, channel: str) -> str:
    from sqlalchemy import select

    from storage.models import Channel

    with sessions() as session:  # type: ignore[operator]
        teams = session.scalars(select(Channel.team_id).where(Channel.channel_id == channel)).all()
    if len(teams) > 1:
        raise ConfigError(f"channel {channel} is in several workspaces; pass --team")
    return teams[0] if teams else "T0LOCAL"


if __name__ == "__main__":
    raise SystemExit(main())

"""The `referat` command (PRODUCT.md section 1)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from dataclasses import replace

from alembic.util import CommandError
from sqlalchemy.exc import DBAPIError

from bot.config import ConfigError, Settings

log = logging.getLogger("referat")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="referat", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    console = sub.add_parser("console", help="the bot in the terminal, no Slack account needed")
    console.add_argument("--channel", default="C0LOCAL")
    console.add_argument("--user", default="U0LOCAL")
    console.add_argument(
        "--db", default=None, help="a SQLite file or a database URL (default: DATABASE_URL)"
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
    imp.add_argument("--team", default=None, help="workspace id (default: the one installed)")
    imp.add_argument("--dry-run", action="store_true", help="read and show, store nothing")
    imp.add_argument("--json", action="store_true", help="print the result as JSON")
    imp.add_argument(
        "--meeting-date",
        default=None,
        metavar="DATE",
        help="when the meeting was held, for minutes that do not say (e.g. 2024-01-05)",
    )

    export = sub.add_parser("export", help="print a channel's records")
    export.add_argument("--channel", required=True)
    export.add_argument("--team", default=None, help="workspace id (default: the only one)")
    export.add_argument(
        "--format",
        choices=["json", "csv", "xlsx", "history", "md", "docx", "ics"],
        default="json",
        help="md and docx: the referat of one meeting (--meeting DATE, default the last)",
    )
    export.add_argument("--meeting", default=None, help="the meeting's date, e.g. 2024-01-05")
    export.add_argument("--output", default=None, help="write to this file (needed for xlsx, docx)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    args = _parser().parse_args(argv)
    url = ""
    try:
        settings = Settings.from_env()
        url = database_url_of(args.db) if getattr(args, "db", None) else settings.database_url
        return _run(args, settings)
    except ConfigError as error:
        print(f"referat: {error}", file=sys.stderr)
        return 2
    except DBAPIError as error:
        print(f"referat: {unreachable(error, url)}", file=sys.stderr)
        return 1
    except CommandError as error:  # Alembic: a schema this version does not know
        print(
            f"referat: the database's schema is not one this version knows ({error}); "
            "was it upgraded by a newer referat?",
            file=sys.stderr,
        )
        return 1


def database_url_of(value: str) -> str:
    """`--db` takes a SQLite file or a database URL."""
    from bot.config import normalize_database_url

    return normalize_database_url(value) if "://" in value else f"sqlite:///{value}"


def unreachable(error: DBAPIError, url: str) -> str:
    """One line for a database that cannot be reached: where, and what to check."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    where = (
        f"the SQLite file {parsed.database}"
        if parsed.get_backend_name() == "sqlite"
        else f"{parsed.get_backend_name()} on {parsed.host or 'localhost'}:{parsed.port or 5432}"
    )
    reason = str(error.orig or error).strip().splitlines()[0][:160]
    return (
        f"cannot reach the database ({where}): {reason}. Check DATABASE_URL (or --db), "
        "that the server is running and accepts connections from here, and the password."
    )


def _run(args: argparse.Namespace, settings: Settings) -> int:
    if args.command == "console":
        from bot import console

        _log_to_file("referat-console.log")
        if args.db:
            settings = replace(settings, database_url=database_url_of(args.db))
        from storage.session import make_engine, upgrade

        upgrade(make_engine(settings.database_url))  # says at once if it cannot be reached
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

        # migrate a SQLite file once, before the workers fork; then close the master's
        # connection, so no worker inherits it (a shared SQLite handle corrupts the file)
        open_storage(settings).kw["bind"].dispose()
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
    if args.command == "export":
        from bot.app import make_deps, open_storage
        from bot.clock import clock_for
        from bot.deps import Scope
        from bot.services.exports import channel_json

        sessions = open_storage(settings)
        deps = make_deps(settings, sessions, clock_for(settings.now))
        team = args.team or _only_team(sessions, args.channel)
        scope = Scope(team, args.channel)
        if settings.bot_token:  # names, not ids: fetch the missing ones once, cache them
            from bot.app import make_client
            from bot.directory import refresh_channel

            refresh_channel(deps, make_client(settings, settings.bot_token), scope)
        if args.format == "json":
            print(json.dumps(channel_json(deps, scope), ensure_ascii=False, indent=2))
            return 0
        from bot.services.exports import cli_export

        return cli_export(deps, scope, args.format, args.meeting, args.output)
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
    from storage.channels import teams_of_channel

    with sessions() as session:  # type: ignore[operator]
        teams = teams_of_channel(session, channel)
    if len(teams) > 1:
        raise ConfigError(f"channel {channel} is in several workspaces; pass --team")
    return teams[0] if teams else "T0LOCAL"


if __name__ == "__main__":
    raise SystemExit(main())

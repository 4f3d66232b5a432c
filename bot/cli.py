"""referat: records decisions, actions and the next meeting from a Slack channel."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy.exc import DBAPIError

from bot.config import ConfigError, Settings
from storage.backup import BackupError

log = logging.getLogger("referat")

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EPILOG = """\
exit status:
  0  done
  1  failed: the database or Slack could not be reached, a file could not be read,
     `status --max-age` found no recent heartbeat
  2  usage: an unknown command or option, a missing or malformed setting

settings are environment variables (see the README, Configuration): SLACK_BOT_TOKEN,
SLACK_APP_TOKEN, SLACK_SIGNING_SECRET, SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, DATABASE_URL,
LOG_LEVEL, LOG_FORMAT, REFERAT_RETENTION_DAYS and more.
"""

# Read once into Settings, then taken out of the environment: Bolt would otherwise read
# them again on its own (and warn at every start that the token it found goes unused).
SLACK_SECRETS = (
    "SLACK_BOT_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_CLIENT_ID",
    "SLACK_CLIENT_SECRET",
)


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("referat")
    except PackageNotFoundError:  # run from a checkout (a platform push): read pyproject
        import tomllib
        from pathlib import Path

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        try:
            return str(tomllib.loads(pyproject.read_text())["project"]["version"])
        except (OSError, KeyError, tomllib.TOMLDecodeError):
            return "unknown"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="referat",
        description=__doc__,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version", action="version", version=f"referat {version()}", help="print the version"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        return sub.add_parser(
            name,
            help=help,
            description=help,
            epilog=EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    team_help = "workspace id (default: the only workspace the channel is in)"

    console = command("console", "the bot in the terminal, no Slack account needed")
    console.add_argument("--channel", default="C0LOCAL", help="channel id to talk in")
    console.add_argument("--user", default="U0LOCAL", help="user id to talk as")
    console.add_argument(
        "--db", default=None, help="a SQLite file or a database URL (default: DATABASE_URL)"
    )

    command("socket", "run in Socket Mode, scheduler included (SLACK_BOT_TOKEN, SLACK_APP_TOKEN)")
    serve = command("serve", "run over HTTP on gunicorn (/slack/events, /healthz, /readyz)")
    serve.add_argument("--port", type=int, default=None, help="port to listen on (default: PORT)")
    serve.add_argument(
        "--host", default="0.0.0.0", help="address to listen on (default: all, 0.0.0.0)"
    )
    serve.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")

    worker = command("worker", "the digest and reminder scheduler alone")
    worker.add_argument("--once", action="store_true", help="one pass, then exit")
    worker.add_argument("--interval", type=float, default=60.0, help="seconds between passes")

    dig = command("digest", "build (and without --preview post) a channel's digest now")
    dig.add_argument("--channel", required=True, help="channel id")
    dig.add_argument("--team", default=None, help=team_help)
    dig.add_argument("--preview", action="store_true", help="print it, post nothing")

    db = command("db", "the database: upgrade, downgrade, current, history, backup, restore")
    db_sub = db.add_subparsers(dest="action", required=True, metavar="ACTION")
    up = db_sub.add_parser("upgrade", help="apply the migrations (to the newest by default)")
    up.add_argument(
        "revision", nargs="?", default="head", help="revision to upgrade to (default: head)"
    )
    down = db_sub.add_parser("downgrade", help="undo migrations down to a revision")
    down.add_argument("revision", help="revision to go back to: an id, or -1 for one step")
    db_sub.add_parser("current", help="the revision the database is at")
    db_sub.add_parser("history", help="every migration, newest first")
    backup = db_sub.add_parser(
        "backup", help="copy the database to a file (SQLite: online backup; PostgreSQL: pg_dump)"
    )
    backup.add_argument("revision", metavar="FILE", help="the backup file to write")
    restore = db_sub.add_parser(
        "restore", help="replace the database's contents with a backup (stop the bot first)"
    )
    restore.add_argument("revision", metavar="FILE", help="a file made by `referat db backup`")

    imp = command("import", "import minutes from .txt, .pdf or .docx")
    imp.add_argument("file", help="the minutes: a .txt, .pdf (with text) or .docx file")
    imp.add_argument("--channel", required=True, help="channel id the minutes belong to")
    imp.add_argument("--team", default=None, help="workspace id (default: the one installed)")
    imp.add_argument("--dry-run", action="store_true", help="read and show, store nothing")
    imp.add_argument("--json", action="store_true", help="print the result as JSON")
    imp.add_argument(
        "--meeting-date",
        default=None,
        metavar="DATE",
        help="when the meeting was held, for minutes that do not say (e.g. 2024-01-05)",
    )

    score = command("score-minutes", "score the minutes reader on labelled minutes")
    score.add_argument("folder", help="documents with a label FILE.json beside each")
    score.add_argument("--verbose", action="store_true", help="show misses and extras")
    score.add_argument("--today", default=None, help="import day, YYYY-MM-DD (default: label)")

    export = command("export", "print a channel's records")
    export.add_argument("--channel", required=True, help="channel id")
    export.add_argument("--team", default=None, help=team_help)
    export.add_argument(
        "--format",
        choices=["json", "csv", "xlsx", "history", "md", "docx", "ics"],
        default="json",
        help="json (default), csv, xlsx, history, md or docx (the referat of one meeting: "
        "--meeting DATE, default the last), ics (the meetings)",
    )
    export.add_argument("--meeting", default=None, help="the meeting's date, e.g. 2024-01-05")
    export.add_argument("--output", default=None, help="write to this file (needed for xlsx, docx)")

    status = command(
        "status", "last heartbeat, last digest per channel, thread replies not yet posted"
    )
    status.add_argument("--json", action="store_true", help="print it as JSON")
    status.add_argument(
        "--max-age",
        type=float,
        default=None,
        metavar="SECONDS",
        help="exit 1 unless a scheduler beat within this many seconds",
    )

    purge = command(
        "purge",
        "remove what is no longer needed (deleted messages' text, cancelled previews, "
        "old event ids and OAuth states; past REFERAT_RETENTION_DAYS: old copies)",
    )
    purge.add_argument("--dry-run", action="store_true", help="count only, change nothing")

    forget = command("forget-user", "remove a person's Slack id and names from records and history")
    forget.add_argument("user", metavar="USER_ID", help="the person's Slack user id (U…)")
    forget.add_argument(
        "--name",
        action="append",
        default=[],
        help="a name the person is written as in texts (repeat for several)",
    )
    forget.add_argument("--dry-run", action="store_true", help="count only, change nothing")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from bot import logs

    args = _parser().parse_args(argv)
    url = ""
    try:
        logs.configure()
        settings = Settings.from_env()
        for name in SLACK_SECRETS:
            os.environ.pop(name, None)
        url = database_url_of(args.db) if getattr(args, "db", None) else settings.database_url
        return _run(args, settings)
    except ConfigError as error:
        print(f"referat: {error}", file=sys.stderr)
        return EXIT_USAGE
    except DBAPIError as error:
        print(f"referat: {unreachable(error, url)}", file=sys.stderr)
        return EXIT_FAILED
    except BackupError as error:
        print(f"referat: {error}", file=sys.stderr)
        return EXIT_FAILED
    except _alembic_errors() as error:  # a schema this version does not know
        print(
            f"referat: the database's schema is not one this version knows ({error}); "
            "was it upgraded by a newer referat?",
            file=sys.stderr,
        )
        return EXIT_FAILED


def _alembic_errors() -> type[Exception]:
    """Alembic's error, imported only once something failed: a `referat` command that does
    not touch the schema starts without loading Alembic."""
    from alembic.util import CommandError

    return CommandError


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
        from bot.operations import database

        return database(settings, args.action, getattr(args, "revision", None))
    if args.command == "serve":
        settings.require("serve")
        from bot.app import create_app, open_storage
        from bot.web import serve

        # migrate a SQLite file once, before the workers fork; then close the master's
        # connection, so no worker inherits it (a shared SQLite handle corrupts the file)
        open_storage(settings).kw["bind"].dispose()
        serve(lambda: create_app(settings), args.port or settings.port, args.workers, args.host)
        return 0
    if args.command == "socket":
        from bot.worker import run_socket

        return run_socket(settings)
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
    if args.command in ("status", "purge", "forget-user"):
        from bot import operations

        if args.command == "status":
            return operations.status(settings, as_json=args.json, max_age=args.max_age)
        if args.command == "purge":
            return operations.purge(settings, dry_run=args.dry_run)
        return operations.forget_user(settings, args.user, args.name, dry_run=args.dry_run)
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

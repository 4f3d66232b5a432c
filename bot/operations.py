"""The operator's commands: `referat db …`, `status`, `purge` and `forget-user`."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any

from bot.config import Settings
from storage.session import SessionFactory, make_engine

log = logging.getLogger("referat.operations")


def database(settings: Settings, action: str, revision: str | None) -> int:
    from alembic import command

    from storage.session import alembic_config, upgrade

    if action in ("backup", "restore"):
        from storage import backup

        path = revision or ""
        if action == "backup":
            backup.backup(settings.database_url, path)
            print(f"backed up to {path}")
        else:
            backup.restore(settings.database_url, path)
            print(f"restored from {path}")
        return 0
    engine = make_engine(settings.database_url)
    try:
        if action == "upgrade":
            upgrade(engine, revision or "head")
            print("database is up to date" if (revision or "head") == "head" else "done")
        elif action == "downgrade":
            command.downgrade(alembic_config(engine), revision or "-1")
            print(f"database downgraded to {revision}")
        elif action == "current":
            command.current(alembic_config(engine), verbose=False)
        elif action == "history":
            command.history(alembic_config(engine), indicate_current=True)
        else:  # pragma: no cover - argparse allows only the four
            raise AssertionError(action)
    finally:
        engine.dispose()
    return 0


def _sessions(settings: Settings) -> SessionFactory:
    from bot.app import open_storage

    return open_storage(settings)


def _ago(then: datetime | None, now: datetime) -> str:
    if then is None:
        return "never"
    seconds = int((now - then).total_seconds())
    if seconds < 120:
        span = f"{seconds} s"
    elif seconds < 7200:
        span = f"{seconds // 60} min"
    elif seconds < 172800:
        span = f"{seconds // 3600} h"
    else:
        span = f"{seconds // 86400} days"
    return f"{then.astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC ({span} ago)"


def status(settings: Settings, *, as_json: bool, max_age: float | None) -> int:
    from storage import heartbeat

    now = datetime.now(UTC)
    sessions = _sessions(settings)
    with sessions() as session:
        beats = heartbeat.heartbeats(session)
        digests = heartbeat.last_digests(session)
        pending_count, pending = heartbeat.pending_replies(session)
        previews = heartbeat.pending_previews(session)
    alive = [b for b in beats if b.stopped_at is None]
    newest = max((b.beat_at for b in alive), default=None)
    fresh = newest is not None and (max_age is None or (now - newest).total_seconds() <= max_age)
    if as_json:
        report: dict[str, Any] = {
            "heartbeats": [
                {
                    "process": b.process,
                    "mode": b.mode,
                    "started_at": b.started_at.isoformat(),
                    "beat_at": b.beat_at.isoformat(),
                    "stopped_at": b.stopped_at.isoformat() if b.stopped_at else None,
                    "last_pass": b.last_pass,
                }
                for b in beats
            ],
            "digests": [
                {
                    "team": d.team_id,
                    "channel": d.channel_id,
                    "enabled": d.enabled,
                    "last_posted_at": d.posted_at.isoformat() if d.posted_at else None,
                }
                for d in digests
            ],
            "pending_replies": {
                "count": pending_count,
                "oldest": [
                    {
                        "team": p.team_id,
                        "channel": p.channel_id,
                        "ts": p.ts,
                        "since": p.since.isoformat(),
                        "claimed": p.claimed,
                    }
                    for p in pending
                ],
            },
            "pending_import_previews": previews,
        }
        print(json.dumps(report, indent=2))
    else:
        print("heartbeat:")
        if not beats:
            print("  no scheduler has run yet (start `referat worker` or `referat socket`)")
        for b in beats:
            state = f"stopped {_ago(b.stopped_at, now)}" if b.stopped_at else "running"
            last = ", ".join(f"{k} {v}" for k, v in (b.last_pass or {}).items()) or "no pass yet"
            print(f"  {b.process}: last beat {_ago(b.beat_at, now)}; {state}; last pass: {last}")
        print("last digest per channel:")
        if not digests:
            print("  no channels yet")
        for d in digests:
            where = f"{d.team_id}/{d.channel_id}" + (f" (#{d.name})" if d.name else "")
            off = "" if d.enabled else " (digest off)"
            print(f"  {where}: {_ago(d.posted_at, now)}{off}")
        print(f"thread replies not yet posted: {pending_count}")
        for p in pending:
            how = "being posted" if p.claimed else "waiting"
            print(f"  {p.team_id}/{p.channel_id} message {p.ts}: {how} since {_ago(p.since, now)}")
        print(f"import previews waiting for Confirm or Cancel: {previews}")
    if max_age is not None and not fresh:
        print(
            f"referat status: no scheduler heartbeat in the last {max_age:.0f} s", file=sys.stderr
        )
        return 1
    return 0


def _print_counts(title: str, rows: dict[str, int], dry_run: bool) -> None:
    verb = "would change" if dry_run else "changed"
    print(f"{title} ({verb} {sum(rows.values())} rows):")
    for name, count in rows.items():
        print(f"  {name}: {count}")


def purge(settings: Settings, *, dry_run: bool) -> int:
    from storage import retention

    factory = _sessions(settings)
    with factory() as session:
        counts = retention.purge(session, datetime.now(UTC), settings.retention_days)
        if dry_run:
            session.rollback()
        else:
            session.commit()
    kept = (
        f"records kept {settings.retention_days} days"
        if settings.retention_days
        else "REFERAT_RETENTION_DAYS not set: records kept"
    )
    _print_counts(f"purge; {kept}", counts.rows, dry_run)
    log.info("purge: %s rows %s", counts.total, "counted" if dry_run else "removed or cleared")
    return 0


def forget_user(settings: Settings, user_id: str, names: list[str], *, dry_run: bool) -> int:
    from storage import retention

    if not user_id.strip() or not user_id[:1].isalpha():
        from bot.config import ConfigError

        raise ConfigError(f"{user_id!r} is not a Slack user id (U…)")
    factory = _sessions(settings)
    with factory() as session:
        counts = retention.forget_user(session, user_id, names)
        left = retention.still_named(session, user_id, names)
        if dry_run:
            session.rollback()
        else:
            session.commit()
    _print_counts(f"forget-user {user_id}", counts.rows, dry_run)
    if left and not dry_run:
        print(f"referat forget-user: {left} rows still name {user_id}", file=sys.stderr)
        return 1
    log.info("forget-user: %s rows %s", counts.total, "counted" if dry_run else "anonymised")
    return 0

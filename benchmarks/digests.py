"""Building and posting digests for many channels against the local Slack stand-in.

Run: .venv/bin/python benchmarks/digests.py [--channels 1000] [--records 150] [--db URL]
Seeds N channels with M records each (decisions and actions, some overdue), then
times one scheduler pass that builds and posts every channel's digest.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from bot.app import make_client
from bot.clock import fixed_clock
from bot.deps import Deps
from bot.render import Renderer
from bot.scheduler import Scheduler
from bot.standin import StandIn
from storage.models import ActionOwner, Channel, Record, Workspace
from storage.session import make_engine, make_session_factory, upgrade

NOW = datetime(2026, 11, 30, 7, 30, tzinfo=UTC)  # Monday 08:30 in Copenhagen


def seed(url: str, channels: int, records: int) -> None:
    engine = make_engine(url)
    upgrade(engine)
    created = NOW - timedelta(days=2)
    with engine.begin() as connection:
        connection.execute(insert(Workspace), [{"team_id": "T0BENCH", "created_at": created}])
        connection.execute(
            insert(Channel),
            [
                {
                    "team_id": "T0BENCH",
                    "channel_id": f"C{i:06d}",
                    "digest_enabled": True,
                    "digest_weekday": 0,
                    "digest_time": "08:00",
                    "created_at": created,
                }
                for i in range(channels)
            ],
        )
        rows = []
        for c in range(channels):
            for r in range(records):
                action = r % 3 != 0
                rows.append(
                    {
                        "team_id": "T0BENCH",
                        "channel_id": f"C{c:06d}",
                        "kind": "action" if action else "decision",
                        "text": f"Punkt {r}: noget der skal gøres eller er besluttet i kanal {c}",
                        "status": "open" if action else "active",
                        "position": r,
                        "due": (NOW + timedelta(days=r % 20 - 5)).date() if action else None,
                        "due_next_meeting": False,
                        "created_at": created,
                        "updated_at": created,
                    }
                )
        connection.execute(insert(Record), rows)
        ids = [
            row[0]
            for row in connection.exec_driver_sql("SELECT id FROM records WHERE kind = 'action'")
        ]
        connection.execute(
            insert(ActionOwner),
            [
                {"record_id": i, "name": ["Lolland", "Køge", "RS17"][i % 3], "position": 0}
                for i in ids
            ],
        )
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--channels", type=int, default=1000)
    parser.add_argument("--records", type=int, default=150)
    parser.add_argument("--db", default=None, help="database URL (default: a new SQLite file)")
    args = parser.parse_args()
    url = args.db or f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"
    started = time.perf_counter()
    seed(url, args.channels, args.records)
    print(
        f"seeded {args.channels} channels x {args.records} records "
        f"in {time.perf_counter() - started:.1f} s"
    )
    standin = StandIn(clock=NOW.timestamp).start()
    try:
        deps = Deps(
            sessions=make_session_factory(make_engine(url)),
            clock=fixed_clock(NOW),
            renderer=Renderer(),
        )
        from bot.config import Settings

        client = make_client(Settings.from_env({"SLACK_API_URL": standin.url}), "xoxb-bench")
        scheduler = Scheduler(deps, lambda _team: client)
        started = time.perf_counter()
        report = scheduler.run_once()
        elapsed = time.perf_counter() - started
        refused = sum(1 for c in standin.calls_to("chat.postMessage") if not c.result.get("ok"))
        print(
            f"one scheduler pass: {len(report.posted)} digests posted, {refused} refused, "
            f"in {elapsed:.1f} s ({elapsed / max(1, len(report.posted)) * 1000:.1f} ms each)"
        )
        again = time.perf_counter()
        second = scheduler.run_once()
        print(
            f"a second pass (nothing due): {len(second.posted)} posted "
            f"in {time.perf_counter() - again:.1f} s"
        )
    finally:
        standin.stop()


if __name__ == "__main__":
    main()

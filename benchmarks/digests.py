"""Building and posting digests for many channels against the local Slack stand-in.

Run: .venv/bin/python benchmarks/digests.py [--channels 1000] [--records 150] [--reps 1] [--db URL]
(`make bench` runs it too, as section 4.)
Seeds N channels with M records each (decisions and actions, some overdue), then
times one scheduler pass that builds and posts every channel's digest.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, insert

from bot.app import make_client
from bot.clock import fixed_clock
from bot.config import Settings
from bot.deps import Deps
from bot.render import Renderer
from bot.scheduler import Scheduler
from bot.standin import StandIn
from storage.models import ActionOwner, Channel, Record, ScheduledRun, Workspace
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


@dataclass
class DigestRun:
    seeded: float  # seconds to seed
    first: list[float]  # seconds for each first pass (every digest due)
    posted: int  # digests posted by one first pass
    refused: int  # posts the stand-in refused, in all
    second: list[float]  # seconds for each second pass (nothing due)


def measure(
    url: str, channels: int, records: int, reps: int = 1, budget: float = float("inf")
) -> DigestRun:
    """Seed `url` (a new, empty database), then time `reps` pairs of scheduler passes
    (fewer once `budget` seconds are spent, at least one): one with every digest due,
    one with nothing due. Between pairs the claims are deleted, so every digest is due
    again."""
    started = time.perf_counter()
    seed(url, channels, records)
    seeded = time.perf_counter() - started
    standin = StandIn(clock=NOW.timestamp).start()
    engine = make_engine(url)
    try:
        deps = Deps(
            sessions=make_session_factory(engine),
            clock=fixed_clock(NOW),
            renderer=Renderer(),
        )
        client = make_client(Settings.from_env({"SLACK_API_URL": standin.url}), "xoxb-bench")
        scheduler = Scheduler(deps, lambda _team: client)
        first: list[float] = []
        second: list[float] = []
        posted = 0
        for rep in range(max(1, reps)):
            if rep and sum(first) + sum(second) > budget:
                break
            if rep:
                with engine.begin() as connection:
                    connection.execute(delete(ScheduledRun))
            started = time.perf_counter()
            report = scheduler.run_once()
            first.append(time.perf_counter() - started)
            posted = len(report.posted)
            started = time.perf_counter()
            scheduler.run_once()
            second.append(time.perf_counter() - started)
        posts = [c for c in list(standin.calls) if c.method == "chat.postMessage"]
        refused = sum(1 for c in posts if not c.result.get("ok"))
        return DigestRun(seeded, first, posted, refused, second)
    finally:
        standin.stop()
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--channels", type=int, default=1000)
    parser.add_argument("--records", type=int, default=150)
    parser.add_argument("--reps", type=int, default=1, help="passes to time (median)")
    parser.add_argument("--db", default=None, help="database URL (default: a new SQLite file)")
    args = parser.parse_args()
    url = args.db or f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"
    run = measure(url, args.channels, args.records, args.reps)
    print(f"seeded {args.channels} channels x {args.records} records in {run.seeded:.1f} s")
    first = statistics.median(run.first)
    print(
        f"one scheduler pass: {run.posted} digests posted, {run.refused} refused, "
        f"in {first:.1f} s ({first / max(1, run.posted) * 1000:.1f} ms each; "
        f"median of {len(run.first)})"
    )
    print(f"a second pass (nothing due): in {statistics.median(run.second):.1f} s")


if __name__ == "__main__":
    main()

"""Seeding benchmark databases with SQLAlchemy core bulk inserts.

Only the columns the app needs are given, so nullable columns added later do not
break the seed. Two workspaces:

- `T0LOCAL`, the big one: `channels` channels of `per_channel` records each, and the
  big channel `C0STOR` with `big` actions and `big` decisions;
- `T0SMALL`: the steering group's channel `C0STYRE` with `small` actions and `small`
  decisions (the "at 100 records" comparison and the channel of the latency runs),
  and `C0INDGANG`, an empty channel the message events are sent to.

Every channel has a meeting behind and one ahead; the person `U0ANNE` owns over a
third of the actions, directly or through the alias "Anne". Every channel's member list
(`U0ANNE`, `U0JENS`, as the stand-in answers) is cached as read at NOW, as the worker
leaves it: App Home reads only that cache.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, create_engine, insert, select, text
from sqlalchemy.orm import Session

from storage.models import ActionOwner, Channel, Meeting, OwnerAlias, Record, Workspace
from storage.session import make_engine, upgrade

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # REFERAT_NOW=2026-11-23T09:00 in Copenhagen
TODAY = date(2026, 11, 23)
BIG_TEAM, BIG = "T0LOCAL", "C0STOR"
SMALL_TEAM, SMALL, INGEST = "T0SMALL", "C0STYRE", "C0INDGANG"
PERSON = "U0ANNE"  # whose App Home is opened
MEMBERS = [PERSON, "U0JENS"]  # in every channel, as the stand-in says
OWNERS = ["Lolland", "Køge", "RS17", "Anne"]
WORD = "rammeaftale"  # `beslutninger rammeaftale`: one decision in ten mentions it
CHUNK = 5_000


def _records(team: str, channel: str, actions: int, decisions: int) -> Iterator[dict[str, Any]]:
    """Actions and decisions interleaved, oldest first, the newest written today."""
    total = actions + decisions
    step = max(60, int(3 * 365 * 86400 / max(1, total)))  # spread over about three years
    a = d = 0
    for i in range(total):
        created = NOW - timedelta(seconds=(total - i) * step)
        base = {
            "team_id": team,
            "channel_id": channel,
            "position": i,
            "created_at": created,
            "updated_at": created,
            "due": None,
            "due_next_meeting": False,
        }
        if (i % 2 == 0 and a < actions) or d >= decisions:
            a += 1
            status = "open" if a % 10 < 3 else ("retracted" if a % 20 == 7 else "done")
            due = None if a % 7 == 0 else TODAY + timedelta(days=(a * 37) % 400 - 300)
            yield {
                **base,
                "kind": "action",
                "text": f"Udarbejde notat nr. {a} om økonomi og bemanding til styregruppen",
                "status": status,
                "due": due,
                "due_next_meeting": False,
            }
        else:
            d += 1
            about = f"{WORD} 2027 for de sikrede institutioner" if d % 10 == 0 else "budgettet"
            yield {
                **base,
                "kind": "decision",
                "text": f"Styregruppen godkender indstilling nr. {d} om {about}",
                "status": "retracted" if d % 20 == 3 else "active",
            }


def _owners(connection: Connection, team: str, channel: str) -> None:
    rows = connection.execute(
        select(Record.id, Record.position)
        .where(Record.team_id == team, Record.channel_id == channel, Record.kind == "action")
        .order_by(Record.id)
    ).all()
    batch: list[dict[str, Any]] = []
    for n, (record_id, _position) in enumerate(rows):
        batch.append(
            {
                "record_id": record_id,
                # the first action (open) and every eighth: U0ANNE's own; "Anne": an alias
                "name": OWNERS[n % len(OWNERS)] if n % 8 else "Anne",
                "user_id": None if n % 8 else PERSON,
                "position": 0,
            }
        )
        if len(batch) >= CHUNK:
            connection.execute(insert(ActionOwner), batch)
            batch = []
    if batch:
        connection.execute(insert(ActionOwner), batch)


# Columns added to records after this seed was written, filled when present.
OPTIONAL = {"decided_on": lambda row: row["created_at"].astimezone(COPENHAGEN).date()}


def _channel(connection: Connection, team: str, channel: str, actions: int, decisions: int) -> None:
    extra = {name: fill for name, fill in OPTIONAL.items() if name in Record.__table__.c}
    batch: list[dict[str, Any]] = []
    for row in _records(team, channel, actions, decisions):
        for name, fill in extra.items():
            row[name] = fill(row)
        batch.append(row)
        if len(batch) >= CHUNK:
            connection.execute(insert(Record), batch)
            batch = []
    if batch:
        connection.execute(insert(Record), batch)
    _owners(connection, team, channel)


def _meetings(connection: Connection, team: str, channels: list[str]) -> None:
    rows = []
    for i, channel in enumerate(channels):
        for day in (TODAY - timedelta(days=20 + i % 7), TODAY + timedelta(days=17 + i % 7)):
            start = datetime(day.year, day.month, day.day, 8, 0, tzinfo=UTC)
            rows.append(
                {
                    "team_id": team,
                    "channel_id": channel,
                    "body": "Styregruppen",
                    "date": day,
                    "starts_at": start,
                    "ends_at": start + timedelta(hours=3),
                    "place": "Ringsted",
                    "status": "active",
                    "created_at": NOW - timedelta(days=30),
                }
            )
    for i in range(0, len(rows), CHUNK):
        connection.execute(insert(Meeting), rows[i : i + CHUNK])


def _workspace(connection: Connection, team: str, channels: list[str]) -> None:
    created = NOW - timedelta(days=3 * 365)
    connection.execute(insert(Workspace), [{"team_id": team, "created_at": created}])
    connection.execute(
        insert(Channel),
        [
            {
                "team_id": team,
                "channel_id": channel,
                "digest_enabled": False,
                "digest_weekday": 0,
                "digest_time": "08:00",
                "created_at": created,
            }
            for channel in channels
        ],
    )
    connection.execute(
        insert(OwnerAlias),
        [
            {
                "team_id": team,
                "name": "Anne",
                "name_key": "anne",
                "user_id": PERSON,
                "created_at": created,
            }
        ],
    )


def _member_lists(engine: Engine) -> None:
    """The member lists the worker keeps (`channel_members`, read at NOW), where the
    application has that cache; requests only read it."""
    model = importlib.import_module("storage.models")
    member = getattr(model, "ChannelMember", None)
    if member is None or "members_fetched_at" not in Channel.__table__.c:
        return
    with engine.begin() as connection:
        channels = connection.execute(select(Channel.team_id, Channel.channel_id)).all()
        rows = [
            {"team_id": team, "channel_id": channel, "user_id": user}
            for team, channel in channels
            for user in MEMBERS
        ]
        for i in range(0, len(rows), CHUNK):
            connection.execute(insert(member), rows[i : i + CHUNK])
        connection.execute(Channel.__table__.update().values(members_fetched_at=NOW))


def _rebuild_search_index(engine: Engine) -> None:
    """A search index the application keeps in step itself (SQLite's FTS5 table, filled
    from a flush hook) misses rows inserted with core: `storage.search.rebuild` fills
    it again, where the application has one."""
    try:
        search = importlib.import_module("storage.search")
    except ModuleNotFoundError:
        return
    rebuild = getattr(search, "rebuild", None)
    if rebuild is None:
        return
    with Session(engine) as session, session.begin():
        rebuild(session)


def seed(url: str, *, small: int, big: int = 0, channels: int = 0, per_channel: int = 0) -> None:
    """Migrate the database at `url` and fill it (see the module's docstring)."""
    engine = make_engine(url)
    upgrade(engine)
    with engine.begin() as connection:
        _workspace(connection, SMALL_TEAM, [SMALL, INGEST])
        _channel(connection, SMALL_TEAM, SMALL, small, small)
        _meetings(connection, SMALL_TEAM, [SMALL])
    if big or channels:
        others = [f"C{i:06d}" for i in range(channels)]
        with engine.begin() as connection:
            _workspace(connection, BIG_TEAM, [BIG, *others])
            _meetings(connection, BIG_TEAM, [BIG, *others])
        with engine.begin() as connection:
            _channel(connection, BIG_TEAM, BIG, big, big)
        for start in range(0, len(others), 50):
            with engine.begin() as connection:
                for channel in others[start : start + 50]:
                    half = per_channel // 2
                    _channel(connection, BIG_TEAM, channel, per_channel - half, half)
    _member_lists(engine)
    _rebuild_search_index(engine)
    engine.dispose()
    if engine.dialect.name == "postgresql":
        # what autovacuum would do soon after such an insert; done now, so that it does
        # not happen halfway through a measurement
        vacuum = create_engine(url, isolation_level="AUTOCOMMIT")
        with vacuum.connect() as connection:
            connection.execute(text("VACUUM ANALYZE"))
        vacuum.dispose()

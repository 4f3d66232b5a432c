"""What list answers show, filtered, ordered and cut by the database.

Each list query returns (the rows shown, the total), the total from a COUNT,
so "… og N mere" never loads the N. What a row shows (owners, the source's
permalink) is loaded in the same round trip.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Date, Integer, Select, bindparam, func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from storage import prepared
from storage.models import Action, ActionOwner, Channel, Decision, Meeting, SourceMessage
from storage.prepared import Where, shapes, values_of


@dataclass(slots=True)
class ListedOwner:
    name: str
    user_id: str | None
    group_id: str | None


@dataclass(slots=True)
class ListedAction:
    """An open action as a list shows it (and whom it mentions): plain values read in two
    queries, its owners in order, never a tracked ORM object."""

    id: int
    team_id: str
    channel_id: str
    kind: str
    text: str
    item: str | None
    status: str
    due: date | None
    due_next_meeting: bool | None
    author_id: str | None
    done_by: str | None
    owners: list[ListedOwner] = field(default_factory=list)


# the columns of a ListedAction, in its order
LISTED = (
    Action.id,
    Action.team_id,
    Action.channel_id,
    Action.kind,
    Action.text,
    Action.item,
    Action.status,
    Action.due,
    Action.due_next_meeting,
    Action.author_id,
    Action.done_by,
)

Page = tuple[list[ListedAction], int]


COUNT_BEYOND = 1000
"""A list counts at most this many rows beyond the page it shows ("… og over 1000
flere"): in a channel of 100,000 actions its total costs what it costs in one of 2,000."""


def more_than_counted(total: int, shown: int, beyond: int = COUNT_BEYOND) -> bool:
    """Whether a list's total stopped at the bound (there are more than it says)."""
    return total - shown > beyond


def _bounded_count(ids: Select[Any]) -> Select[Any]:
    """How many rows a query of ids gives, counting no further than `count_to`. The ids
    come in the order of an index, so that the database walks that index and stops,
    rather than collecting every match first (or scanning the table)."""
    return select(func.count()).select_from(
        ids.limit(bindparam("count_to", type_=Integer)).subquery()
    )


# conditions no action without a deadline meets
DATED_ONLY = frozenset({"due_by", "overdue"})


def _count_to(limit: int, beyond: int = COUNT_BEYOND) -> int:
    return limit + beyond + 1


def open_actions(
    session: Session,
    team_id: str,
    conditions: Sequence[Where],
    limit: int,
    count_beyond: int = COUNT_BEYOND,
) -> Page:
    """Open actions, most overdue first, then by deadline, then those without one.

    Prebuilt statements (one per set of condition shapes, `storage.prepared`): a request
    supplies values, never builds SQL. The page is read along the deadline index with its
    owners joined; PostgreSQL sorts those without a deadline last itself, SQLite (which
    sorts them first) reads the dated and then the undated. Only a full page is counted,
    and only up to `COUNT_BEYOND` beyond it."""
    key = shapes(conditions)
    values = values_of(conditions, team_id=team_id, limit=limit)
    if session.get_bind().dialect.name == "postgresql":
        build = lambda: _first_query(conditions, dated=None)  # noqa: E731
        rows = _first(session, ("page", key), build, values)
    else:
        rows = _first(session, ("dated", key), lambda: _first_query(conditions, dated=True), values)
        if len(rows) < limit and not DATED_ONLY.intersection(key):
            values["limit"] = limit - len(rows)
            build = lambda: _first_query(conditions, dated=False)  # noqa: E731
            rows += _first(session, ("undated", key), build, values)
    if len(rows) < limit:
        return rows, len(rows)  # all of them: nothing to count
    values["count_to"] = _count_to(limit, count_beyond)
    counted = prepared.run(session, ("count", key), lambda: _count_query(conditions), values)
    return rows, int(counted.scalar() or 0)


def _open(conditions: Sequence[Where]) -> list[ColumnElement[bool]]:
    return [
        Action.team_id == bindparam("team_id"),
        Action.status == "open",
        *(c.clause() for c in conditions),
    ]


def _first_query(conditions: Sequence[Where], *, dated: bool | None) -> Any:
    """The first open actions (with a deadline, without one, or `None`: both, those without
    last), chosen by their ids from the index alone, then only those rows read, each with
    its owners joined."""
    if dated is None:
        order = [Action.due.asc().nulls_last(), Action.id]
        due = []
    else:
        order = [Action.due, Action.id] if dated else [Action.id]
        due = [Action.due.is_not(None) if dated else Action.due.is_(None)]
    chosen = (
        select(Action.id)
        .where(*_open(conditions), *due)
        .order_by(*order)
        .limit(bindparam("limit", type_=Integer))
    )
    return (
        select(*LISTED, ActionOwner.name, ActionOwner.user_id, ActionOwner.group_id)
        .outerjoin(ActionOwner, ActionOwner.record_id == Action.id)
        .where(Action.id.in_(chosen))
        .order_by(*order, ActionOwner.position, ActionOwner.id)
    )


def _count_query(conditions: Sequence[Where]) -> Select[Any]:
    ids = select(Action.id).where(*_open(conditions)).order_by(Action.due, Action.id)
    return _bounded_count(ids)


def open_actions_anywhere(
    session: Session, team_id: str, conditions: Sequence[Where], limit: int
) -> Page:
    """`open_actions` across many channels (App Home: the person's, in their channels),
    counted up to `ANYWHERE_COUNT_BEYOND` beyond the page: across a workspace the
    database cannot tell how soon the person's actions come along the deadline index, and
    for a longer count it would gather and sort them all instead."""
    return open_actions(session, team_id, conditions, limit, ANYWHERE_COUNT_BEYOND)


ANYWHERE_COUNT_BEYOND = 100


def _first(
    session: Session, key: Hashable, build: Callable[[], Any], values: dict[str, Any]
) -> list[ListedAction]:
    found: dict[int, ListedAction] = {}
    for row in prepared.run(session, key, build, values):
        *columns, name, user_id, group_id = tuple(row)
        action = found.get(columns[0])
        if action is None:
            action = found[columns[0]] = ListedAction(*columns)
        if name is not None:
            action.owners.append(ListedOwner(name, user_id, group_id))
    return list(found.values())


def _with_owners(session: Session, actions: list[ListedAction]) -> None:
    if not actions:
        return
    by_id = {a.id: a for a in actions}
    rows = session.execute(
        select(ActionOwner.record_id, ActionOwner.name, ActionOwner.user_id, ActionOwner.group_id)
        .where(ActionOwner.record_id.in_(by_id))
        .order_by(ActionOwner.record_id, ActionOwner.position, ActionOwner.id)
    )
    for record_id, name, user_id, group_id in rows:
        by_id[record_id].owners.append(ListedOwner(name, user_id, group_id))


def in_channel(channel_id: str) -> Where:
    return Where(
        "in_channel",
        lambda: Action.channel_id == bindparam("channel_id"),
        {"channel_id": channel_id},
    )


def due_by(day: date) -> Where:
    return Where("due_by", lambda: Action.due <= bindparam("due_by", type_=Date), {"due_by": day})


def overdue(today: date) -> Where:
    return Where("overdue", lambda: Action.due < bindparam("today", type_=Date), {"today": today})


def active_decisions(team_id: str, channel_id: str) -> list[ColumnElement[bool]]:
    return [
        Decision.team_id == team_id,
        Decision.channel_id == channel_id,
        Decision.kind == "decision",
        Decision.status == "active",
    ]


def decisions(
    session: Session, team_id: str, channel_id: str, since: date | None, limit: int
) -> tuple[list[Decision], int]:
    """Active decisions, newest first (by the day decided, then as stored)."""
    where = active_decisions(team_id, channel_id)
    if since is not None:
        where.append(Decision.decided_on >= since)
    rows = session.scalars(
        select(Decision)
        .where(*where)
        .order_by(Decision.decided_on.desc().nulls_last(), Decision.id.desc())
        .options(joinedload(Decision.source))
        .limit(limit)
    ).all()
    return list(rows), count_of(session, newest_ids(where), rows, limit)


def newest_ids(where: Sequence[ColumnElement[bool]]) -> Select[Any]:
    """Ids of the decisions that meet `where`, along `ix_records_decided` (to count them)."""
    return (
        select(Decision.id).where(*where).order_by(Decision.decided_on.desc(), Decision.id.desc())
    )


def count_of(
    session: Session, ids: Select[Any], page: Sequence[Any], limit: int, beyond: int = COUNT_BEYOND
) -> int:
    """A page's total: its length when it is not full, else counted up to `beyond` past it."""
    if len(page) < limit:
        return len(page)  # all of them: nothing to count
    return int(session.scalar(_bounded_count(ids), {"count_to": _count_to(limit, beyond)}) or 0)


def channels_of_interest(
    team_id: str, user_id: str, mine: ColumnElement[bool], among: Select[Any]
) -> Select[Any]:
    """Of the channels `among` (a query of ids), those where the person owns an open action
    (`mine`) or wrote a recorded message: a query, for the next meetings App Home shows.
    Each test is a first-row lookup per channel (`LIMIT 1`), not `EXISTS`: PostgreSQL may
    turn an `EXISTS` under `OR` into one hashed set of every open action the person owns
    in the workspace (25,500 at 1,000 channels, 130–300 ms), where probing the channels in
    order stops after the first few dozen."""
    owns = (
        select(Action.id)
        .where(
            Action.team_id == team_id,
            Action.channel_id == Channel.channel_id,
            Action.status == "open",
            mine,
        )
        .limit(1)
        .scalar_subquery()
        .is_not(None)
    )
    wrote = (
        select(SourceMessage.id)
        .where(
            SourceMessage.team_id == team_id,
            SourceMessage.author_id == user_id,
            SourceMessage.channel_id == Channel.channel_id,
        )
        .limit(1)
        .scalar_subquery()
        .is_not(None)
    )
    return select(Channel.channel_id).where(
        Channel.team_id == team_id, Channel.channel_id.in_(among), owns | wrote
    )


def first_ids(session: Session, channel_ids: Select[Any], limit: int) -> list[str]:
    """The first channel ids of a query of them (planned for its values: App Home)."""
    with prepared.planned_for_its_values(session):
        query = channel_ids.order_by("channel_id").limit(limit)
        return [str(c) for c in session.scalars(query)]


def next_meetings(
    session: Session,
    team_id: str,
    channel_ids: Collection[str] | Select[Any],
    today: date,
    with_agenda: bool = False,
    limit: int | None = None,
) -> dict[str, Meeting]:
    """The next meeting of each of these channels (ids, or a query of them), in one query
    (and its agenda in one); with `limit`, of the first channels by id only. A query of
    channels with a limit is cut first, to the first channels that have a meeting ahead,
    walked in order: the database then tests the query's conditions (App Home's "owns an
    action here") on those few dozen channels, not on every channel of the workspace."""
    if not isinstance(channel_ids, Select) and not channel_ids:
        return {}
    if isinstance(channel_ids, Select) and limit is not None:
        channel = channel_ids.selected_columns[0]
        ahead = (
            select(Meeting.id)
            .where(
                Meeting.team_id == team_id,
                Meeting.channel_id == channel,
                Meeting.status == "active",
                Meeting.date >= today,
            )
            .exists()
        )
        channel_ids = channel_ids.where(ahead).order_by(channel).limit(limit)
    first = (
        select(Meeting.channel_id, func.min(Meeting.date).label("day"))
        .where(
            Meeting.team_id == team_id,
            Meeting.channel_id.in_(channel_ids),
            Meeting.status == "active",
            Meeting.date >= today,
        )
        .group_by(Meeting.channel_id)
        .order_by(Meeting.channel_id)
        .limit(limit)
        .subquery()
    )
    with prepared.planned_for_its_values(session):  # App Home's channels: a query
        rows = session.scalars(
            select(Meeting)
            .join(first, (Meeting.channel_id == first.c.channel_id) & (Meeting.date == first.c.day))
            .where(Meeting.team_id == team_id, Meeting.status == "active")
            .order_by(Meeting.channel_id, Meeting.starts_at, Meeting.id)
            .options(*([selectinload(Meeting.agenda)] if with_agenda else []))
        ).all()
    found: dict[str, Meeting] = {}
    for meeting in rows:
        found.setdefault(meeting.channel_id, meeting)
    return found


def new_since(moment: datetime, first_day: date) -> ColumnElement[bool]:
    """Recorded since a moment, and decided (for minutes: held) on or after a day."""
    return (Action.created_at >= moment) & (Action.decided_on >= first_day)


def not_due_by(day: date) -> ColumnElement[bool]:
    return Action.due.is_(None) | (Action.due > day)


def count_open(session: Session, team_id: str, channel_id: str) -> int:
    return int(
        session.scalar(
            select(func.count(Action.id)).where(
                Action.team_id == team_id,
                Action.channel_id == channel_id,
                Action.kind == "action",
                Action.status == "open",
            )
        )
        or 0
    )


def recent_decisions(
    session: Session,
    team_id: str,
    channel_id: str,
    moment: datetime,
    first_day: date,
    limit: int,
) -> tuple[list[Decision], int]:
    """Decisions recorded in the last week that were also made in it (the digest)."""
    where = [
        *active_decisions(team_id, channel_id),
        Decision.created_at >= moment,
        Decision.decided_on >= first_day,
    ]
    total = int(session.scalar(select(func.count(Decision.id)).where(*where)) or 0)
    rows = session.scalars(
        select(Decision)
        .where(*where)
        .order_by(Decision.id.desc())
        .options(joinedload(Decision.source))
        .limit(limit)
    ).all()
    return sorted(rows, key=lambda d: d.id), total


# --- the same lists for many channels at once (the scheduler's digests) -----------------

PerChannel = dict[str, tuple[list[Any], int]]


def _firsts(
    session: Session,
    entity: Any,
    where: Sequence[ColumnElement[bool]],
    order: Sequence[Any],
    limit: int,
    options: Sequence[Any] = (),
) -> PerChannel:
    """The first `limit` rows of each channel in `order`, and each channel's total, in one
    query (a window over the matching rows of these channels)."""
    ranked = (
        select(
            entity.id.label("id"),
            func.row_number().over(partition_by=entity.channel_id, order_by=order).label("rn"),
            func.count().over(partition_by=entity.channel_id).label("total"),
        )
        .where(*where)
        .subquery()
    )
    query = (
        select(entity, ranked.c.total)
        .join(ranked, entity.id == ranked.c.id)
        .where(ranked.c.rn <= limit)
        .order_by(ranked.c.rn)
        .options(*options)
    )
    found: PerChannel = {}
    for row, total in session.execute(query):
        found.setdefault(row.channel_id, ([], int(total)))[0].append(row)
    return found


def _listed_firsts(
    session: Session, where: Sequence[ColumnElement[bool]], order: Sequence[Any], limit: int
) -> PerChannel:
    """`_firsts` for actions, read as plain values (`ListedAction`) with their owners."""
    ranked = (
        select(
            Action.id.label("id"),
            func.row_number().over(partition_by=Action.channel_id, order_by=order).label("rn"),
            func.count().over(partition_by=Action.channel_id).label("total"),
        )
        .where(*where)
        .subquery()
    )
    rows = session.execute(
        select(*LISTED, ranked.c.total)
        .join(ranked, Action.id == ranked.c.id)
        .where(ranked.c.rn <= limit)
        .order_by(ranked.c.rn)
    )
    found: PerChannel = {}
    every: list[ListedAction] = []
    for *values, total in rows:
        action = ListedAction(*values)
        every.append(action)
        found.setdefault(action.channel_id, ([], int(total)))[0].append(action)
    _with_owners(session, every)
    return found


def open_actions_by_channel(
    session: Session,
    team_id: str,
    channel_ids: Sequence[str],
    conditions: Sequence[ColumnElement[bool]],
    limit: int,
) -> PerChannel:
    """`open_actions` for each of these channels (same order: by deadline, those without
    one last, then as stored), in one query."""
    where = [
        Action.team_id == team_id,
        Action.channel_id.in_(channel_ids),
        Action.status == "open",
        *conditions,
    ]
    order = [Action.due.asc().nulls_last(), Action.id]
    return _listed_firsts(session, where, order, limit)


def recent_decisions_by_channel(
    session: Session,
    team_id: str,
    channel_ids: Sequence[str],
    moment: datetime,
    first_day: date,
    limit: int,
) -> PerChannel:
    """`recent_decisions` for each of these channels (the newest `limit`, oldest first)."""
    where = [
        Decision.team_id == team_id,
        Decision.channel_id.in_(channel_ids),
        Decision.kind == "decision",
        Decision.status == "active",
        Decision.created_at >= moment,
        Decision.decided_on >= first_day,
    ]
    found = _firsts(
        session, Decision, where, [Decision.id.desc()], limit, [joinedload(Decision.source)]
    )
    return {c: (sorted(rows, key=lambda d: d.id), total) for c, (rows, total) in found.items()}


def done_actions_by_channel(
    session: Session, team_id: str, channel_ids: Sequence[str], since: datetime, limit: int
) -> PerChannel:
    """Actions done since a moment, first done first (the digest's "closed this week")."""
    where = [
        Action.team_id == team_id,
        Action.channel_id.in_(channel_ids),
        Action.kind == "action",
        Action.status == "done",
        Action.done_at >= since,
    ]
    order = [Action.done_at, Action.id]
    return _listed_firsts(session, where, order, limit)


def count_open_by_channel(
    session: Session, team_id: str, channel_ids: Sequence[str]
) -> dict[str, int]:
    rows = session.execute(
        select(Action.channel_id, func.count(Action.id))
        .where(
            Action.team_id == team_id,
            Action.channel_id.in_(channel_ids),
            Action.kind == "action",
            Action.status == "open",
        )
        .group_by(Action.channel_id)
    )
    return {str(channel): int(n) for channel, n in rows}

"""Slack display names and user groups, cached: read for a set of ids, written when
fetched. Rows are made with INSERT … ON CONFLICT DO NOTHING, then updated."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime

from sqlalchemy import select, union
from sqlalchemy.orm import Session

from storage.channels import insert_ignoring_twins
from storage.models import Action, ActionOwner, Person, Record, RecordChange, UserGroup


def display_names(session: Session, team_id: str, user_ids: Collection[str]) -> dict[str, str]:
    if not user_ids:
        return {}
    rows = session.execute(
        select(Person.user_id, Person.display_name).where(
            Person.team_id == team_id,
            Person.user_id.in_(sorted(user_ids)),
            Person.display_name.is_not(None),
        )
    )
    return {str(user): str(name) for user, name in rows}


def fresh_user_ids(
    session: Session, team_id: str, user_ids: Collection[str], since: datetime
) -> set[str]:
    """The ids whose name was fetched since `since` (the others need fetching)."""
    if not user_ids:
        return set()
    return set(
        session.scalars(
            select(Person.user_id).where(
                Person.team_id == team_id,
                Person.user_id.in_(sorted(user_ids)),
                Person.name_fetched_at >= since,
            )
        )
    )


def store_display_name(
    session: Session, team_id: str, user_id: str, name: str, now: datetime
) -> None:
    insert_ignoring_twins(
        session, Person, {"team_id": team_id, "user_id": user_id, "reminders_enabled": True}
    )
    person = session.scalar(
        select(Person).where(Person.team_id == team_id, Person.user_id == user_id)
    )
    assert person is not None
    person.display_name, person.name_fetched_at = name[:200], now


def group_handles(session: Session, team_id: str, group_ids: Collection[str]) -> dict[str, str]:
    if not group_ids:
        return {}
    rows = session.execute(
        select(UserGroup.group_id, UserGroup.handle).where(
            UserGroup.team_id == team_id,
            UserGroup.group_id.in_(sorted(group_ids)),
            UserGroup.handle.is_not(None),
        )
    )
    return {str(group): str(handle) for group, handle in rows}


def groups_fetched_since(session: Session, team_id: str, since: datetime) -> bool:
    return (
        session.scalar(
            select(UserGroup.id)
            .where(UserGroup.team_id == team_id, UserGroup.fetched_at >= since)
            .limit(1)
        )
        is not None
    )


def user_group(session: Session, team_id: str, group_id: str) -> UserGroup:
    insert_ignoring_twins(session, UserGroup, {"team_id": team_id, "group_id": group_id})
    group = session.scalar(
        select(UserGroup).where(UserGroup.team_id == team_id, UserGroup.group_id == group_id)
    )
    assert group is not None
    return group


def people_of_channel(session: Session, team_id: str, channel_id: str) -> tuple[set[str], set[str]]:
    """(user ids, group ids) a channel's records mention: owners, authors, closers, actors."""
    in_channel = (Record.team_id == team_id, Record.channel_id == channel_id)
    owners = session.execute(
        select(ActionOwner.user_id, ActionOwner.group_id)
        .join(Record, ActionOwner.record_id == Record.id)
        .where(*in_channel)
        .distinct()
    ).all()
    users = {str(u) for u, _ in owners if u}
    groups = {str(g) for _, g in owners if g}
    people = union(
        select(Record.author_id.label("who")).where(*in_channel),
        select(Action.done_by.label("who")).where(*in_channel),
        select(RecordChange.actor_id.label("who"))
        .join(Record, RecordChange.record_id == Record.id)
        .where(*in_channel),
    )
    users.update(str(u) for u in session.scalars(select(people.subquery().c.who)) if u)
    return users, groups


def open_group_pairs(
    session: Session, team_id: str, until: date
) -> Sequence[tuple[str, int, date]]:
    """(owner group id, action id, due) of open actions a user group owns, due by a day."""
    rows = session.execute(
        select(ActionOwner.group_id, Action.id, Action.due)
        .join(Action, ActionOwner.record_id == Action.id)
        .where(
            Action.team_id == team_id,
            Action.status == "open",
            ActionOwner.group_id.is_not(None),
            Action.due.is_not(None),
            Action.due <= until,
        )
    ).all()
    return [(str(g), int(a), d) for g, a, d in rows if d is not None]

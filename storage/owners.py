"""Owner names and the people they stand for (`/referat owner Lolland = @anne`).

The queries here are the one place where "whose action is this?" becomes SQL;
bot/domain/owners.py is the one place that decides it in Python.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BindParameter, ColumnElement, bindparam, func, or_, select
from sqlalchemy.orm import Session

from storage.models import Action, ActionOwner, OwnerAlias, Person
from storage.prepared import Where


def alias_names(session: Session, team_id: str) -> list[str]:
    return list(
        session.scalars(
            select(OwnerAlias.name).where(OwnerAlias.team_id == team_id).order_by(OwnerAlias.id)
        )
    )


def alias_map(session: Session, team_id: str) -> dict[str, str]:
    """name key -> user id, for the whole workspace (reminders)."""
    return {
        key: user
        for key, user in session.execute(
            select(OwnerAlias.name_key, OwnerAlias.user_id).where(OwnerAlias.team_id == team_id)
        )
    }


def user_of_name(session: Session, team_id: str, name: str) -> str | None:
    return session.scalar(
        select(OwnerAlias.user_id).where(
            OwnerAlias.team_id == team_id, OwnerAlias.name_key == name.casefold()
        )
    )


def set_alias(session: Session, team_id: str, name: str, user_id: str, now: datetime) -> str | None:
    """Map NAME to a person; returns who it was mapped to before (None if new)."""
    existing = session.scalar(
        select(OwnerAlias).where(
            OwnerAlias.team_id == team_id, OwnerAlias.name_key == name.casefold()
        )
    )
    if existing is None:
        session.add(
            OwnerAlias(
                team_id=team_id,
                name=name,
                name_key=name.casefold(),
                user_id=user_id,
                created_at=now,
            )
        )
        return None
    before = existing.user_id
    existing.user_id, existing.name = user_id, name
    return before


def owned_by(team_id: str, user_id: str) -> Where:
    """Actions owned by a person: as a mention, or through a name mapped to them.

    A test on each candidate action (its owners, by `ix_action_owners_owner`), not a list
    of every action the person owns in any workspace: the workspace, channel and status
    narrow the candidates first."""
    return Where("owned_by", _owned_by, {"owner_team": team_id, "owner_user": user_id})


def _owned_by() -> ColumnElement[bool]:
    names = select(OwnerAlias.name_key).where(
        OwnerAlias.team_id == bindparam("owner_team"),
        OwnerAlias.user_id == bindparam("owner_user"),
    )
    return (
        select(ActionOwner.record_id)
        .where(
            ActionOwner.record_id == Action.id,
            or_(ActionOwner.user_id == bindparam("owner_user"), ActionOwner.name_key.in_(names)),
        )
        .exists()
    )


def owned_by_name(team_id: str, name: str) -> Where:
    """Actions owned by NAME, by the person NAME is mapped to, or by the person whose
    Slack display name is NAME or starts with it ("jens" for "Jens Berg")."""
    key = name.casefold()
    escaped = key.replace("/", "//").replace("%", "/%").replace("_", "/_")
    values = {"owner_team": team_id, "owner_key": key, "owner_prefix": escaped + " %"}
    return Where("owned_by_name", _owned_by_name, values)


def _owned_by_name() -> ColumnElement[bool]:
    key: BindParameter[str] = bindparam("owner_key")
    mapped = select(OwnerAlias.user_id).where(
        OwnerAlias.team_id == bindparam("owner_team"), OwnerAlias.name_key == key
    )
    shown_as = func.lower(Person.display_name)
    named = select(Person.user_id).where(
        Person.team_id == bindparam("owner_team"),
        or_(shown_as == key, shown_as.like(bindparam("owner_prefix"), escape="/")),
    )
    owners = select(ActionOwner.record_id).where(
        or_(
            ActionOwner.name_key == key,
            ActionOwner.user_id.in_(mapped),
            ActionOwner.user_id.in_(named),
        )
    )
    return Action.id.in_(owners)


def people_of_action(session: Session, team_id: str, record_id: int) -> list[str]:
    """Slack users an action concerns: owners by mention and people their names map to."""
    mentioned = select(ActionOwner.user_id).where(
        ActionOwner.record_id == record_id, ActionOwner.user_id.is_not(None)
    )
    through_names = select(OwnerAlias.user_id).where(
        OwnerAlias.team_id == team_id,
        OwnerAlias.name_key.in_(
            select(ActionOwner.name_key).where(ActionOwner.record_id == record_id)
        ),
    )
    found = set(session.scalars(mentioned)) | set(session.scalars(through_names))
    return sorted(u for u in found if u)

"""People and user groups as documents show them: Slack display names and group handles,
never ids. The names come from the cache (`storage/directory.py`), filled by `bot/directory.py`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from storage import directory
from storage.lists import ListedAction, ListedOwner
from storage.models import Action, ActionOwner, Record


@dataclass
class Names:
    users: dict[str, str] = field(default_factory=dict)  # user id -> display name
    groups: dict[str, str] = field(default_factory=dict)  # group id -> handle

    def person(self, user_id: str | None) -> str:
        if not user_id:
            return ""
        return self.users.get(user_id) or user_id

    def owner(self, owner: ActionOwner | ListedOwner) -> str:
        """A display name, `@handle`, or the name as written (`<@U…>` until a name is known)."""
        if owner.user_id:  # not fetched yet (no Slack at hand): the mention as written
            return self.users.get(owner.user_id) or owner.name or f"<@{owner.user_id}>"
        if owner.group_id:
            handle = self.groups.get(owner.group_id)
            return f"@{handle}" if handle else owner.name
        return owner.name

    def owners(self, owners: list[ActionOwner]) -> list[str]:
        return [self.owner(o) for o in owners]


def mentioned(
    records: Iterable[Record | ListedAction], extra: Iterable[str] = ()
) -> tuple[set[str], set[str]]:
    """(user ids, group ids) the records mention: authors, owners, who closed them."""
    users, groups = set(extra), set[str]()
    for record in records:
        if record.author_id:
            users.add(record.author_id)
        if isinstance(record, Action | ListedAction):
            users.update(o.user_id for o in record.owners if o.user_id)
            groups.update(o.group_id for o in record.owners if o.group_id)
            if record.done_by:
                users.add(record.done_by)
    return users, groups


def names_for(
    session: Session,
    team_id: str,
    records: Iterable[Record | ListedAction],
    extra: Iterable[str] = (),
) -> Names:
    """The cached names of everyone the records mention: one query for people, one for groups."""
    users, groups = mentioned(records, extra)
    return Names(
        directory.display_names(session, team_id, users),
        directory.group_handles(session, team_id, groups),
    )

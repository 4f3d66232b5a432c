"""Owner resolution in one place: which names the parser knows, and which people an
action concerns (mentions, and names mapped with `/referat owner NAME = @user`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import overload

from sqlalchemy.orm import Session

from bot.parsing.arguments import Who
from bot.parsing.owners import DEFAULT_OWNER_NAMES
from storage import lists
from storage import owners as owner_queries
from storage.prepared import Where


def known_names(session: Session, team_id: str) -> tuple[str, ...]:
    """Names the parser takes as owners at the start of a task."""
    return tuple(
        dict.fromkeys([*DEFAULT_OWNER_NAMES, *owner_queries.alias_names(session, team_id)])
    )


class KnownNames(Sequence[str]):
    """`known_names`, read from the database when the parser first looks at them: a
    message whose owners are all mentions (or that has no action) never reads them."""

    def __init__(self, session: Session, team_id: str) -> None:
        self._session, self._team_id = session, team_id
        self._names: tuple[str, ...] | None = None

    @property
    def names(self) -> tuple[str, ...]:
        if self._names is None:
            self._names = known_names(self._session, self._team_id)
        return self._names

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        return self.names[index]

    def __len__(self) -> int:
        return len(self.names)


def person(team_id: str, user_id: str) -> Where:
    """Actions that are this person's: by mention or through a name mapped to them."""
    return owner_queries.owned_by(team_id, user_id)


def filter_for(team_id: str, who: Who, asker: str, today: date) -> list[Where]:
    """SQL conditions for `/referat åbne [mig | @user | NAME | overskredne]`."""
    if who.kind == "me":
        return [person(team_id, asker)]
    if who.kind == "user":
        return [person(team_id, who.value)]
    if who.kind == "name":
        return [owner_queries.owned_by_name(team_id, who.value)]
    if who.kind == "overdue":
        return [lists.overdue(today)]
    return []


def people_to_tell(session: Session, team_id: str, record_id: int) -> list[str]:
    """People whose Home tab shows this action."""
    return owner_queries.people_of_action(session, team_id, record_id)


def resolve_person(aliases: dict[str, str], user_id: str | None, name: str) -> str | None:
    """The Slack user an owner stands for: the mention, else a mapped name."""
    return user_id or aliases.get(name.casefold())

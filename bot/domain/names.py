"""People and user groups as documents show them: Slack display names and group handles,
never ids. The names come from the cache (`storage/directory.py`), filled by `bot/directory.py`."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from bot.parsing.normalize import escape
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


class RecentNames:
    """Names this process read from the cache lately, kept for `KEEP` seconds: most replies
    mention the same few people, and the cache itself is refreshed only weekly, so a
    reply needs no query for names read a moment ago."""

    KEEP = 600.0

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._users: dict[tuple[str, str], tuple[str, float]] = {}
        self._groups: dict[tuple[str, str], tuple[str, float]] = {}

    def recall(self, team_id: str, users: Collection[str], groups: Collection[str]) -> Names | None:
        """The names of all these, if every one was read lately; else None."""
        oldest = self._clock() - self.KEEP
        with self._lock:
            found = Names()
            for ids, kept, into in (
                (users, self._users, found.users),
                (groups, self._groups, found.groups),
            ):
                for one in ids:
                    name, at = kept.get((team_id, one), ("", 0.0))
                    if not name or at < oldest:
                        return None
                    into[one] = name
        return found

    def keep(self, team_id: str, names: Names) -> None:
        now = self._clock()
        with self._lock:
            if len(self._users) + len(self._groups) > 10_000:  # bounded: start again
                self._users.clear()
                self._groups.clear()
            for user_id, name in names.users.items():
                self._users[(team_id, user_id)] = (name, now)
            for group_id, handle in names.groups.items():
                self._groups[(team_id, group_id)] = (handle, now)


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


# A live mention in text the bot is about to post: a person or a user group.
_MENTION = re.compile(
    r"<@([UW][A-Z0-9]{1,20})(?:\|[^<>\n]*)?>|<!subteam\^([A-Z0-9]{1,20})(?:\|[^<>\n]*)?>"
)


def mentioned_in(text: str) -> tuple[set[str], set[str]]:
    """(user ids, group ids) of the live mentions in a text about to be posted."""
    users, groups = set[str](), set[str]()
    for match in _MENTION.finditer(text):
        if match.group(1):
            users.add(match.group(1))
        else:
            groups.add(match.group(2))
    return users, groups


def quiet(text: str, names: Names) -> str:
    """The text with every person and group shown by name (`@Jens Hansen`, `@styregruppe`),
    not pinged. Slack notifies whoever a `<@U…>` or `<!subteam^…>` names, so only the one
    message meant to notify (a reminder in a person's own DM) keeps them live. An id whose
    name is not known yet is shown as the id, still without a ping."""

    def shown(match: re.Match[str]) -> str:
        if match.group(1):
            return "@" + escape(names.users.get(match.group(1)) or match.group(1))
        return "@" + escape(names.groups.get(match.group(2)) or match.group(2))

    return _MENTION.sub(shown, text)


def cached_names(session: Session, team_id: str, text: str) -> Names:
    """The cached names of the people and groups a text mentions (no query when none)."""
    users, groups = mentioned_in(text)
    if not users and not groups:
        return Names()
    return Names(
        directory.display_names(session, team_id, users),
        directory.group_handles(session, team_id, groups),
    )

"""Names and user groups from Slack, cached in the database (the outside world).

`users.info` for people, `usergroups.list` for handles, `usergroups.users.list` for a
group's members. Fetched outside any request's answer (before an export is built, a
digest posted, reminders sent), at most `MAX_FETCH` people per run, and only those whose
cached name is missing or older than `REFRESH_AFTER`; a request never calls Slack per row.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from datetime import datetime, timedelta
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.deps import Deps, Scope
from bot.domain.names import Names, cached_names, mentioned_in
from bot.slack_port import SlackPort
from bot.web_client import KeptAliveClient
from storage import directory
from storage.session import transaction

log = logging.getLogger(__name__)

REFRESH_AFTER = timedelta(days=7)
MEMBERS_REFRESH_AFTER = timedelta(hours=12)
MAX_FETCH = 100  # people looked up per run; the rest wait for the next one


def display_name(user: dict[str, Any]) -> str:
    """What Slack shows: the display name, else the full name, else the handle."""
    profile = user.get("profile") or {}
    return str(
        profile.get("display_name")
        or profile.get("real_name")
        or user.get("real_name")
        or user.get("name")
        or user.get("id")
    )


def refresh(
    deps: Deps,
    client: WebClient | None,
    team_id: str,
    user_ids: Collection[str],
    group_ids: Collection[str],
    now: datetime,
    max_fetch: int = MAX_FETCH,
) -> None:
    """Fetch the names that are missing or stale, once, and cache them (at most
    `max_fetch` people)."""
    if client is None:
        return
    with deps.unit() as unit:
        fresh = directory.fresh_user_ids(unit.session, team_id, user_ids, now - REFRESH_AFTER)
        need_groups = bool(group_ids) and not directory.groups_fetched_since(
            unit.session, team_id, now - REFRESH_AFTER
        )
        known = directory.group_handles(unit.session, team_id, group_ids)
        need_groups = need_groups or bool(set(group_ids) - set(known))
    names: dict[str, str] = {}
    for user_id in sorted(set(user_ids) - fresh)[:max_fetch]:
        try:
            answer = client.users_info(user=user_id)
        except SlackApiError as error:
            log.warning("users.info %s: %s", user_id, error.response.get("error"))
            continue
        names[user_id] = display_name(answer.get("user") or {})
    groups: list[dict[str, Any]] = []
    if need_groups:
        try:
            groups = list(client.usergroups_list().get("usergroups") or [])
        except SlackApiError as error:
            log.warning("usergroups.list: %s", error.response.get("error"))
    if not names and not groups:
        return
    with transaction(deps.sessions) as session:
        for user_id, name in names.items():
            directory.store_display_name(session, team_id, user_id, name, now)
        for group in groups:
            row = directory.user_group(session, team_id, str(group["id"]))
            row.handle, row.fetched_at = str(group.get("handle") or group.get("name")), now


def refresh_channel(deps: Deps, client: WebClient | None, scope: Scope) -> None:
    """Before a channel's export: the names of everyone its records mention."""
    if client is None:
        return
    with deps.unit(scope) as unit:
        users, groups = directory.people_of_channel(unit.session, scope.team_id, scope.channel_id)
        now = unit.now
    refresh(deps, client, scope.team_id, users, groups, now)


def members(
    deps: Deps, client: WebClient | None, team_id: str, group_ids: Collection[str], now: datetime
) -> dict[str, list[str]]:
    """The members of each group (cached for `MEMBERS_REFRESH_AFTER`)."""
    found: dict[str, list[str]] = {}
    stale: list[str] = []
    with deps.unit() as unit:
        for group_id in sorted(group_ids):
            row = directory.user_group(unit.session, team_id, group_id)
            fetched = row.members_fetched_at
            if row.members is not None and fetched and now - fetched < MEMBERS_REFRESH_AFTER:
                found[group_id] = list(row.members)
            else:
                stale.append(group_id)
                found[group_id] = list(row.members or [])
    if client is None or not stale:
        return found
    fetched_now: dict[str, list[str]] = {}
    for group_id in stale:
        try:
            answer = client.usergroups_users_list(usergroup=group_id)
        except SlackApiError as error:
            log.warning("usergroups.users.list %s: %s", group_id, error.response.get("error"))
            continue
        fetched_now[group_id] = [str(u) for u in answer.get("users") or []]
    with transaction(deps.sessions) as session:
        for group_id, users in fetched_now.items():
            row = directory.user_group(session, team_id, group_id)
            row.members, row.members_fetched_at = users, now
    return {**found, **fetched_now}


MAX_FETCH_PER_MESSAGE = 20  # names looked up before one message goes out


def names_in(deps: Deps, client: WebClient | None, team_id: str, text: str) -> Names:
    """The names of everyone a message about to be posted mentions: from the cache, and
    (with a client, after the answer) fetched for the few not cached yet."""
    users, groups = mentioned_in(text)
    if not users and not groups:
        return Names()
    recent = deps.recent_names.recall(team_id, users, groups)
    if recent is not None:
        return recent
    with deps.unit(read_only=True) as unit:
        found = cached_names(unit.session, team_id, text)
        now = unit.now
    missing_users = sorted(users - set(found.users))[:MAX_FETCH_PER_MESSAGE]
    missing_groups = groups - set(found.groups)
    if client is not None and (missing_users or missing_groups):
        refresh(deps, client, team_id, missing_users, missing_groups, now)
        with deps.unit(read_only=True) as unit:
            found = cached_names(unit.session, team_id, text)
    deps.recent_names.keep(team_id, found)
    return found


def port_for(deps: Deps, client: WebClient, team_id: object, respond: Any = None) -> SlackPort:
    """The Slack port of one request or run: what others see names people by their
    (cached, else fetched) names. Without a workspace id, names stay unknown (the
    mentions are still shown as ids, never pinged)."""
    client = KeptAliveClient.like(client)
    if not isinstance(team_id, str) or not team_id:
        return SlackPort(client, respond, lambda _web, _text: Names(), deps.message_links)
    return SlackPort(
        client,
        respond,
        lambda web, text: names_or_none(deps, web, team_id, text),
        deps.message_links,
    )


def names_or_none(deps: Deps, client: WebClient, team_id: str, text: str) -> Names:
    """Names never stop a reply: when they cannot be had, the ids are shown instead."""
    try:
        return names_in(deps, client, team_id, text)
    except Exception as error:  # the reply matters more than the names in it
        log.warning("names for a reply in %s not found: %s", team_id, error)
        return Names()

"""Per-channel and per-person settings: owner names, language, reminders."""

from __future__ import annotations

from sqlalchemy import select

from bot.config import LANGUAGES
from bot.parsing.arguments import OFF, ON, alias
from bot.replies import Reply
from bot.services.command_base import CommandInput, text_reply
from bot.services.deps import Deps, Prefs, ensure_channel, prefs_for
from storage.models import OwnerAlias, Person, Workspace
from storage.session import transaction


def owner(deps: Deps, command: CommandInput, rest: str, prefs: Prefs) -> Reply:
    parsed = alias(rest)
    if parsed is None:
        return text_reply(deps, prefs, "owner_usage", ok=False)
    name, user = parsed
    with transaction(deps.sessions) as session:
        ensure_channel(session, command.scope, deps)
        existing = session.scalar(
            select(OwnerAlias).where(
                OwnerAlias.team_id == command.scope.team_id, OwnerAlias.name_key == name.casefold()
            )
        )
        if existing is None:
            session.add(
                OwnerAlias(
                    team_id=command.scope.team_id,
                    name=name,
                    name_key=name.casefold(),
                    user_id=user,
                    created_at=deps.now(),
                )
            )
        else:
            existing.user_id, existing.name = user, name
    return text_reply(deps, prefs, "owner_set", name=name, user=user)


def language(deps: Deps, command: CommandInput, rest: str, prefs: Prefs) -> Reply:
    wanted = rest.strip().lower()
    if wanted not in LANGUAGES:
        return text_reply(deps, prefs, "language_usage", ok=False)
    with transaction(deps.sessions) as session:
        channel = ensure_channel(session, command.scope, deps)
        channel.language = wanted
        prefs = prefs_for(channel, deps)
    return text_reply(deps, prefs, "language_set")


def reminders(deps: Deps, command: CommandInput, rest: str, prefs: Prefs) -> Reply:
    wanted = rest.strip().lower()
    if wanted not in ON | OFF:
        return text_reply(deps, prefs, "reminders_usage", ok=False)
    enabled = wanted in ON
    with transaction(deps.sessions) as session:
        ensure_channel(session, command.scope, deps)
        set_reminders(session, command.scope.team_id, command.user_id, enabled)
    return text_reply(deps, prefs, "reminders_set", enabled=enabled)


def set_reminders(session: object, team_id: str, user_id: str, enabled: bool) -> None:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    if session.get(Workspace, team_id) is None:
        return
    person = session.scalar(
        select(Person).where(Person.team_id == team_id, Person.user_id == user_id)
    )
    if person is None:
        session.add(Person(team_id=team_id, user_id=user_id, reminders_enabled=enabled))
    else:
        person.reminders_enabled = enabled


def digest(deps: Deps, command: CommandInput, rest: str, prefs: Prefs) -> Reply:
    """`/referat overblik [vis | nu | til | fra | mandag 08:00]`."""
    import re

    from bot.services.digest import build_digest, weekday_named

    words = rest.strip().lower().split()
    if words and words[0] in ("vis", "preview", "forhåndsvis", "now", "nu"):
        built = build_digest(deps, command.scope, deps.now())
        if built is None:
            return text_reply(deps, prefs, "digest_empty")
        built.ephemeral = words[0] not in ("now", "nu")
        return built
    with transaction(deps.sessions) as session:
        channel = ensure_channel(session, command.scope, deps)
        if words and words[0] in ON | OFF:
            channel.digest_enabled = words[0] in ON
        elif words:
            clock = re.fullmatch(r"(\d{1,2})[:.](\d{2})", words[1]) if len(words) == 2 else None
            day = weekday_named(words[0])
            if day is None or clock is None or int(clock.group(1)) > 23 or int(clock.group(2)) > 59:
                return text_reply(deps, prefs, "digest_usage", ok=False)
            channel.digest_weekday = day
            channel.digest_time = f"{int(clock.group(1)):02d}:{clock.group(2)}"
            channel.digest_enabled = True
        settings = (channel.digest_enabled, channel.digest_weekday, channel.digest_time)
    return text_reply(
        deps,
        prefs,
        "digest_settings",
        enabled=settings[0],
        weekday=settings[1],
        at=settings[2],
        changed=bool(words),
    )

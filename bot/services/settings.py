"""Settings people change: owner names, the channel's language, reminders, the digest."""

from __future__ import annotations

import re

from bot.config import LANGUAGES
from bot.deps import Unit
from bot.parsing.arguments import OFF, ON, alias
from bot.parsing.dates import weekday_named
from bot.replies import Reply
from bot.services.answers import CommandInput
from storage import channels
from storage import owners as owner_queries


def owner(unit: Unit, command: CommandInput, rest: str) -> tuple[Reply, tuple[str, Reply] | None]:
    """`/referat ansvarlig NAME = @person`. A name that moves from one person to another is
    said in the channel, and the person who had it is told (the answer, and a message)."""
    parsed = alias(rest)
    if parsed is None:
        return unit.reply("owner_usage", ok=False), None
    name, user = parsed
    unit.ensure_channel_row()
    before = owner_queries.set_alias(unit.session, unit.where.team_id, name, user, unit.now)
    moved = before is not None and before != user
    reply = unit.reply("owner_set", name=name, user=user, before=before if moved else None)
    if not moved or before is None:
        return reply, None
    reply.ephemeral = False
    told = unit.reply(
        "owner_moved", name=name, user=user, by=command.user_id, channel=unit.where.channel_id
    )
    told.ephemeral = False
    return reply, (before, told)


def language(unit: Unit, command: CommandInput, rest: str) -> Reply:
    wanted = rest.strip().lower()
    if wanted not in LANGUAGES:
        return unit.reply("language_usage", ok=False)
    unit.ensure_channel().language = wanted
    unit.prefs = unit.deps.prefs_for(unit.channel)
    return unit.reply("language_set")


def reminders(unit: Unit, command: CommandInput, rest: str) -> Reply:
    wanted = rest.strip().lower()
    if wanted not in ON | OFF:
        return unit.reply("reminders_usage", ok=False)
    enabled = wanted in ON
    unit.ensure_channel_row()
    channels.set_reminders(unit.session, unit.where.team_id, command.user_id, enabled, unit.now)
    return unit.reply("reminders_set", enabled=enabled)


def digest(unit: Unit, command: CommandInput, rest: str) -> Reply:
    """`/referat overblik [vis | nu | til | fra | mandag 08:00]`."""
    from bot.services.digest import build_digest

    words = rest.strip().lower().split()
    if words and words[0] in ("vis", "preview", "forhåndsvis", "now", "nu"):
        built = build_digest(unit, unit.now)
        if built is None:
            return unit.reply("digest_empty")
        built.ephemeral = words[0] not in ("now", "nu")
        return built
    channel = unit.ensure_channel()
    if words and words[0] in ON | OFF:
        channel.digest_enabled = words[0] in ON
    elif words:
        clock = re.fullmatch(r"(\d{1,2})[:.](\d{2})", words[1]) if len(words) == 2 else None
        day = weekday_named(words[0])
        if day is None or clock is None or int(clock.group(1)) > 23 or int(clock.group(2)) > 59:
            return unit.reply("digest_usage", ok=False)
        channel.digest_weekday = day
        channel.digest_time = f"{int(clock.group(1)):02d}:{clock.group(2)}"
        channel.digest_enabled = True
    return unit.reply(
        "digest_settings",
        enabled=channel.digest_enabled,
        weekday=channel.digest_weekday,
        at=channel.digest_time,
        changed=bool(words),
    )

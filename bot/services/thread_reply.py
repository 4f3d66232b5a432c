"""The one reply a recorded message gets in its thread: planned inside the request's
unit of work (built from what was just stored, and claimed so only one delivery
posts it), delivered after Slack has its answer.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from slack_sdk.errors import SlackApiError

from bot.deps import Deps, Scope, Unit
from bot.domain.shown import done_button, meeting_view, reopen_button, view
from bot.replies import Button, Reply
from bot.slack_port import SlackPort
from storage import queries, sources
from storage.models import Meeting, Record, SourceMessage
from storage.records import NewRecord

log = logging.getLogger(__name__)

PENDING = sources.PENDING
NEWS = ("meeting_moved", "meeting_changed", "meeting_cancelled", "meeting_none_to_cancel")


@dataclass(frozen=True)
class ReplyPlan:
    source_id: int
    channel_id: str
    thread_ts: str
    message_ts: str
    reply: Reply
    update_ts: str | None  # the reply to update; None: post a new one
    wants_permalink: bool


@dataclass(frozen=True)
class Stored:
    """What a new message stored, so its reply is built without reading it back."""

    records: list[Record | NewRecord]
    meetings: list[Meeting]
    agenda: list[str]


def plan(
    unit: Unit, source: SourceMessage, stored: Stored | None = None, *, claimed: bool = False
) -> ReplyPlan | None:
    """What the thread should show now; None when nothing needs posting or changing.
    `claimed`: this unit made the source with its reply claimed (a new message)."""
    reply = build(unit, source, stored)
    if claimed:
        update_ts: str | None = None
    elif source.reply_ts and source.reply_ts != PENDING:
        if source.reply_text == reply.text:
            return None
        source.reply_text = reply.text
        update_ts = source.reply_ts
    elif source.reply_ts == PENDING or not sources.claim_reply(unit.session, source.id, unit.now):
        return None  # another delivery of the same message is replying
    else:
        update_ts = None
    return ReplyPlan(
        source_id=source.id,
        channel_id=source.channel_id,
        thread_ts=source.thread_ts or source.ts,
        message_ts=source.ts,
        reply=reply,
        update_ts=update_ts,
        wants_permalink=source.permalink is None,
    )


def plan_new(unit: Unit, source: sources.Claimed, records: list[NewRecord]) -> ReplyPlan:
    """The reply of a new message that recorded decisions and actions only, its claim
    written with the message (built from what was written, nothing read back)."""
    stored = Stored(list(records), [], [])
    return ReplyPlan(
        source_id=source.id,
        channel_id=source.channel_id,
        thread_ts=source.thread_ts or source.ts,
        message_ts=source.ts,
        reply=_reply(unit, source.id, source.team_id, source.channel_id, source.warnings, stored),
        update_ts=None,
        wants_permalink=source.permalink is None,
    )


def build(unit: Unit, source: SourceMessage, stored: Stored | None = None) -> Reply:
    """The reply's text and buttons, rendered from what is stored for the message."""
    session = unit.session
    if stored is None:
        stored = Stored(
            list(queries.records_of_source(session, source.id)),
            list(queries.meetings_of_source(session, source.id)),
            [a.title for a in queries.agenda_of_source(session, source.id)],
        )
    return _reply(
        unit,
        source.id,
        source.team_id,
        source.channel_id,
        source.warnings,
        stored,
        deleted=source.deleted,
    )


def _reply(
    unit: Unit,
    source_id: int,
    team_id: str,
    channel_id: str,
    notes: list[dict[str, str]] | None,
    stored: Stored,
    *,
    deleted: bool = False,
) -> Reply:
    session, prefs = unit.session, unit.prefs
    records = [view(r) for r in stored.records]
    meetings = [meeting_view(m, prefs) for m in stored.meetings if m.status == "active"]
    agenda = stored.agenda
    upcoming = queries.next_meeting(session, team_id, channel_id, unit.today) if agenda else None
    text = unit.deps.renderer.render(
        unit.language,
        "recorded",
        records=records,
        meetings=meetings,
        agenda=agenda,
        agenda_meeting=meeting_view(upcoming, prefs) if upcoming else None,
        news=[w for w in notes or [] if str(w.get("code", "")).startswith(NEWS)],
        warnings=[w for w in notes or [] if not str(w.get("code", "")).startswith(NEWS)],
        deleted=deleted,
        today=unit.today,
    )
    buttons: list[Button] = []
    live = [r for r in records if r.status != "retracted"]
    news = any(str(w.get("code", "")).startswith(NEWS) for w in notes or [])
    if (live or meetings or agenda or news) and not deleted:
        first = live[0].id if live else source_id
        ask_first = (
            unit.string("undo_confirm_title"),
            unit.string("undo_confirm_text"),
            unit.string("undo_confirm_yes"),
            unit.string("undo_confirm_no"),
        )
        buttons.append(
            Button(unit.string("undo"), f"undo_{first}", str(source_id), "danger", ask_first)
        )
        for r in live:
            if r.kind == "action" and r.status == "open":
                buttons.append(done_button(unit.deps.renderer, unit.language, r.id))
            elif r.kind == "action" and r.status == "done":
                buttons.append(reopen_button(unit.deps.renderer, unit.language, r.id))
    return Reply(text=text, buttons=buttons[:25], ephemeral=False, cut_note=unit.string("cut_note"))


# Slack will never take this post: stop trying (a new version of the message may claim again)
GIVE_UP = frozenset(
    {
        "channel_not_found",
        "not_in_channel",
        "is_archived",
        "channel_is_archived",
        "thread_not_found",
        "msg_too_long",
        "invalid_blocks",
        "no_text",
        "invalid_auth",
        "account_inactive",
        "token_revoked",
        "restricted_action",
    }
)
RETRY_AFTER = timedelta(minutes=2)  # a claim this old was abandoned (a crash, a blip)
RETRY_FOR = timedelta(hours=6)  # after this, the reply is given up and logged
RETRIES_PER_PASS = 50


def _metadata(source_id: int) -> dict[str, Any]:
    """Carried by the reply, so a retry can see that an earlier attempt did post it."""
    return {"event_type": "referat_reply", "event_payload": {"source": source_id}}


def deliver(deps: Deps, port: SlackPort, planned: ReplyPlan | None) -> None:
    """Post or update the reply, then note its ts (and the message's permalink). A post
    that fails for a passing reason stays claimed and is retried (`retry_pending`)."""
    if planned is None:
        return
    if planned.update_ts is not None:
        port.update(planned.channel_id, planned.update_ts, planned.reply)
        return
    try:
        ts = port.post(
            planned.channel_id,
            planned.reply,
            thread_ts=planned.thread_ts,
            metadata=_metadata(planned.source_id),
        )
    except SlackApiError as error:
        if str(error.response.get("error")) in GIVE_UP:
            with deps.unit(one_statement=True) as unit:
                sources.save_reply(unit.session, planned.source_id, None, None, None)
        raise
    _posted(deps, port, planned, ts)


def _posted(deps: Deps, port: SlackPort, planned: ReplyPlan, ts: str) -> None:
    link = (
        port.permalink(
            planned.channel_id,
            planned.message_ts,
            in_thread=planned.thread_ts != planned.message_ts,
        )
        if planned.wants_permalink
        else None
    )
    with deps.unit(one_statement=True) as unit:  # one UPDATE: no BEGIN and COMMIT
        sources.save_reply(unit.session, planned.source_id, ts, planned.reply.text, link)


def retry_pending(deps: Deps, port: SlackPort, team_id: str, now: datetime) -> int:
    """Post the confirmations that were claimed and never posted (the process died, the
    database blipped between recording and replying). One that an earlier attempt did
    post (found by its metadata in the thread) is only noted, not posted twice."""
    with deps.unit() as unit:
        stale = sources.stale_claims(unit.session, team_id, now - RETRY_AFTER, RETRIES_PER_PASS)
    done = 0
    for source_id, channel_id, claimed_at in stale:
        with deps.unit(Scope(team_id, channel_id)) as unit:
            source = unit.session.get(SourceMessage, source_id)
            if source is None or not sources.reclaim_reply(
                unit.session, source_id, claimed_at, now
            ):
                continue
            if now - source.created_at > RETRY_FOR:
                log.error("reply to %s/%s given up after %s", channel_id, source.ts, RETRY_FOR)
                sources.save_reply(unit.session, source_id, None, None, None)
                continue
            planned = ReplyPlan(
                source_id=source.id,
                channel_id=channel_id,
                thread_ts=source.thread_ts or source.ts,
                message_ts=source.ts,
                reply=build(unit, source),
                update_ts=None,
                wants_permalink=source.permalink is None,
            )
        try:
            found = port.find_in_thread(
                channel_id, planned.thread_ts, "referat_reply", "source", source_id
            )
            if found is not None:
                _posted(deps, port, planned, found)
            else:
                deliver(deps, port, planned)
            done += 1
        except SlackApiError as error:
            log.warning("reply to %s still not posted: %s", channel_id, error.response.get("error"))
    return done

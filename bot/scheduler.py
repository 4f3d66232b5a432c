"""Digests, reminders and pre-meeting notices, each posted exactly once.

How "exactly once" holds across several worker processes, crashes and restarts:

1. Every run has a key (team, channel, kind, target, period) with a unique
   constraint. A worker *claims* the run by inserting that row before it posts;
   a second worker's insert fails, so it does not post.
2. The post carries the run's id in Slack message metadata. A worker that died
   after claiming leaves the row "claimed"; once that claim is stale another
   worker takes it over (a conditional update, so only one can) and first looks
   in the channel's recent history for a message with that id. Found: it only
   records it. Not found: it posts.
3. A run missed while everything was down is posted if less than a day late;
   otherwise it is recorded as skipped and logged.

Posts are paced to at most one per second per channel; a 429 from Slack is
waited out by slack_sdk's rate-limit retry handler (Retry-After) and the run goes on.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import partial
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from bot import blocks, directory
from bot.deps import Deps, Prefs, Scope
from bot.domain.names import Names
from bot.parsing.dates import previous_working_day
from bot.replies import Reply
from bot.services import digest, membership, thread_reply
from storage import channels as channel_rows
from storage import lists, retention, runs
from storage.models import ScheduledRun
from storage.session import transaction

log = logging.getLogger("referat.scheduler")

LATE_LIMIT = timedelta(days=1)
NOTICE_AT = "08:00"
REMINDER_AT = "08:00"
ALL_CHANNELS = "-"  # the channel key of a workspace-wide run (reminders)
BATCH = 100  # digests built together


@dataclass
class Report:
    posted: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)
    replies_retried: int = 0  # thread confirmations claimed, never posted, now posted


class Scheduler:
    def __init__(
        self,
        deps: Deps,
        client_for: Callable[[str], WebClient | None],
        *,
        stale_after: timedelta = timedelta(minutes=5),
        pace_seconds: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
        after_post: Callable[[int], None] | None = None,
        stopping: threading.Event | None = None,
    ) -> None:
        self.deps = deps
        self.client_for = client_for
        self.stale_after = stale_after
        self.pace_seconds = pace_seconds
        self.sleep = sleep
        self.after_post = after_post  # a seam for tests: "crash" right after posting
        self.stopping = stopping  # set on SIGTERM: finish the post in hand, claim no more
        self._last_post: dict[str, float] = {}

    # -- the loop ------------------------------------------------------------------

    def run_forever(self, interval: float = 60.0, stop: threading.Event | None = None) -> None:
        stop = stop or threading.Event()
        while not stop.is_set():
            try:
                self.run_once()
            except Exception:  # one bad run must not stop the scheduler
                log.exception("scheduler run failed")
            stop.wait(interval)

    def run_once(self, now: datetime | None = None) -> Report:
        now = now or self.deps.now()
        report = Report()
        with self.deps.unit() as unit:
            rows = [
                (
                    Scope(c.team_id, c.channel_id),
                    self.deps.prefs_for(c),
                    c.digest_enabled,
                    c.digest_weekday,
                    c.digest_time,
                )
                for c in channel_rows.all_channels(unit.session)
            ]
            teams = channel_rows.team_ids(unit.session)
        digests = self._digests_open(rows, now)
        built = _Digests(self, digests, now)
        meeting_eves = self._meeting_eves(rows, now)
        for scope, prefs, _enabled, _weekday, _at in rows:
            if scope in digests:
                period, slot, _ = digests[scope]
                self._due(
                    scope,
                    "digest",
                    scope.channel_id,
                    period,
                    slot,
                    now,
                    report,
                    partial(built.get, scope),
                    scope.channel_id,
                )
            if scope in meeting_eves:
                self._notice(scope, prefs, now, report)
        for team_id in teams:
            self._reminders(team_id, now, report)
            self._confirmations(team_id, now, report)
        with self.deps.unit() as unit:  # the install page's expired states
            retention.expired_oauth_states(unit.session, now)
        self._memberships()
        return report

    def _memberships(self) -> None:
        """Read again the member lists never read or oldest (App Home reads only these)."""
        if self.stopping is not None and self.stopping.is_set():
            return
        try:
            membership.refresh_stale(self.deps, self.client_for)
        except Exception:  # Slack away: the lists stay as they are, trusted until too old
            log.exception("channel members could not be read")

    # -- what is due ---------------------------------------------------------------

    def _digests_open(
        self, rows: list[tuple[Scope, Prefs, bool, int, str]], now: datetime
    ) -> dict[Scope, tuple[str, datetime, Prefs]]:
        """The digests of this pass not posted (or skipped) already, read in one query:
        (period, slot, settings) by channel. Those too late are kept: they get skipped."""
        wanted: dict[Scope, tuple[str, datetime, Prefs]] = {}
        for scope, prefs, enabled, weekday, at in rows:
            if not enabled:
                continue
            today = prefs.today(now)
            day = digest.digest_slot(weekday, at, today)
            slot = digest.slot_datetime(day, at, prefs)
            if slot > now:
                day, slot = day - timedelta(days=7), slot - timedelta(days=7)
            wanted[scope] = (digest.week_key(day), slot, prefs)
        if not wanted:
            return {}
        keys = [(s.team_id, s.channel_id, s.channel_id, p) for s, (p, _, _) in wanted.items()]
        with self.deps.sessions() as session:
            finished = runs.finished(session, "digest", keys)
        return {
            scope: due
            for scope, due in wanted.items()
            if (scope.team_id, scope.channel_id, scope.channel_id, due[0]) not in finished
        }

    def _meeting_eves(
        self, rows: list[tuple[Scope, Prefs, bool, int, str]], now: datetime
    ) -> set[Scope]:
        """Channels whose next meeting is the next working day (a notice may be due), read
        with one query per workspace (and local date)."""
        asked: dict[tuple[str, date], list[Scope]] = defaultdict(list)
        for scope, prefs, *_ in rows:
            if digest.slot_datetime(prefs.today(now), NOTICE_AT, prefs) <= now:
                asked[(scope.team_id, prefs.today(now))].append(scope)
        eves: set[Scope] = set()
        if not asked:
            return eves
        with self.deps.unit() as unit:
            for (team_id, today), scopes in asked.items():
                ahead = lists.next_meetings(
                    unit.session,
                    team_id,
                    [s.channel_id for s in scopes],
                    today + timedelta(days=1),
                )
                eves.update(
                    s
                    for s in scopes
                    if s.channel_id in ahead
                    and previous_working_day(ahead[s.channel_id].date) == today
                )
        return eves

    def _notice(self, scope: Scope, prefs: Prefs, now: datetime, report: Report) -> None:
        slot = digest.slot_datetime(prefs.today(now), NOTICE_AT, prefs)
        if slot > now:
            return
        built = digest.notice_for(self.deps, scope, now)
        if built is None:
            return
        reply, meeting_day = built
        self._due(
            scope,
            "notice",
            scope.channel_id,
            meeting_day.isoformat(),
            slot,
            now,
            report,
            lambda: reply,
            scope.channel_id,
        )

    def _confirmations(self, team_id: str, now: datetime, report: Report) -> None:
        """Thread replies a crash or a database blip left claimed and unposted."""
        client = self.client_for(team_id)
        if client is None or (self.stopping is not None and self.stopping.is_set()):
            return
        port = directory.port_for(self.deps, client, team_id)
        report.replies_retried += thread_reply.retry_pending(self.deps, port, team_id, now)

    def _reminders(self, team_id: str, now: datetime, report: Report) -> None:
        prefs = self.deps.default_prefs
        slot = digest.slot_datetime(prefs.today(now), REMINDER_AT, prefs)
        if slot > now:
            return
        client = self.client_for(team_id)  # user groups named as owners reach their members
        for reminder in digest.build_reminders(self.deps, team_id, now, prefs, client):
            scope = Scope(team_id, ALL_CHANNELS)
            self._due(
                scope,
                "reminder",
                reminder.user_id,
                prefs.today(now).isoformat(),
                slot,
                now,
                report,
                partial(_given, reminder.reply),
                None,
            )

    # -- claim, post, record -------------------------------------------------------

    def _due(
        self,
        scope: Scope,
        kind: str,
        target: str,
        period: str,
        slot: datetime,
        now: datetime,
        report: Report,
        build: Callable[[], Reply | None],
        channel: str | None,
    ) -> None:
        name = f"{kind}:{scope.team_id}:{target}:{period}"
        if self.stopping is not None and self.stopping.is_set():
            return  # stopping: the next process takes it up
        late = now - slot
        if late >= LATE_LIMIT:
            if self._claim(scope, kind, target, period, now, status="skipped") is not None:
                log.warning("%s was due %s and missed by %s; skipped", name, slot, late)
                report.skipped.append(name)
            return
        claim = self._claim(scope, kind, target, period, now)
        if claim is None:
            return
        run_id, recovering = claim
        client = self.client_for(scope.team_id)
        if client is None:
            log.warning("no bot token for %s; %s not posted", scope.team_id, name)
            self._release(run_id)
            return
        try:
            destination = channel or self._dm(client, target)
            if recovering:
                found = self._already_posted(client, destination, run_id, slot)
                if found is not None:
                    self._finish(run_id, "posted", found)
                    return
            reply = build()
            if reply is None:
                self._finish(run_id, "empty", None)
                report.empty.append(name)
                return
            self._pace(destination)
            posted = client.chat_postMessage(
                channel=destination,
                metadata={"event_type": "referat_run", "event_payload": {"run": run_id}},
                **blocks.message(reply, self._names(client, scope.team_id, reply)),
            )
        except SlackApiError as error:
            log.error("%s could not be posted: %s", name, error.response.get("error"))
            self._release(run_id)
            return
        if self.after_post is not None:
            self.after_post(run_id)
        self._finish(run_id, "posted", str(posted["ts"]))
        report.posted.append(name)

    def _claim(
        self,
        scope: Scope,
        kind: str,
        target: str,
        period: str,
        now: datetime,
        status: str = "claimed",
    ) -> tuple[int, bool] | None:
        """(run id, taking over a stale claim) if this process may post; None otherwise."""
        key = _run_key(scope, kind, target, period)
        with self.deps.sessions() as session:
            seen = session.scalar(select(ScheduledRun.status).where(*key))
        if seen is not None and (seen != "claimed" or status != "claimed"):
            return None  # done already: the common case on every pass after the first
        try:
            with transaction(self.deps.sessions) as session:
                run = ScheduledRun(
                    team_id=scope.team_id,
                    channel_id=scope.channel_id,
                    kind=kind,
                    target=target,
                    period=period,
                    claimed_at=now,
                    status=status,
                )
                session.add(run)
                session.flush()
                return run.id, False
        except IntegrityError:
            pass
        if status != "claimed":
            return None
        with transaction(self.deps.sessions) as session:
            existing = session.scalar(select(ScheduledRun).where(*key))
            if existing is None or existing.status != "claimed":
                return None
            if now - existing.claimed_at < self.stale_after:
                return None  # another worker is on it right now
            taken = session.execute(
                update(ScheduledRun)
                .where(
                    ScheduledRun.id == existing.id,
                    ScheduledRun.status == "claimed",
                    ScheduledRun.claimed_at == existing.claimed_at,
                )
                .values(claimed_at=now)
            )
            if taken.rowcount != 1:  # type: ignore[attr-defined]
                return None
            log.warning("taking over a stale claim for %s %s %s", kind, target, period)
            return existing.id, True

    def _finish(self, run_id: int, status: str, ts: str | None) -> None:
        with transaction(self.deps.sessions) as session:
            runs.finish(
                session, run_id, status, ts, self.deps.now() if status == "posted" else None
            )

    def _release(self, run_id: int) -> None:
        """Give a claim back so the next run tries again (Slack refused or is away)."""
        with transaction(self.deps.sessions) as session:
            run = session.get(ScheduledRun, run_id)
            if run is not None and run.status == "claimed":
                session.delete(run)

    def _already_posted(
        self, client: WebClient, channel: str, run_id: int, since: datetime
    ) -> str | None:
        history = client.conversations_history(
            channel=channel,
            oldest=f"{since.timestamp() - 60:.6f}",
            limit=200,
            include_all_metadata=True,
        )
        messages: list[dict[str, Any]] = history.get("messages") or []
        for message in messages:
            payload: dict[str, Any] = (message.get("metadata") or {}).get("event_payload") or {}
            if payload.get("run") == run_id:
                return str(message.get("ts"))
        return None

    def _names(self, client: WebClient, team_id: str, reply: Reply) -> Names:
        return directory.names_in(self.deps, client, team_id, reply.text)

    def _dm(self, client: WebClient, user: str) -> str:
        opened = client.conversations_open(users=user)
        return str(opened["channel"]["id"])

    def _pace(self, channel: str) -> None:
        """At most one post per second per channel (Slack's chat.postMessage limit)."""
        last = self._last_post.get(channel)
        now = time.monotonic()
        if last is not None and now - last < self.pace_seconds:
            self.sleep(self.pace_seconds - (now - last))
        self._last_post[channel] = time.monotonic()


def _run_key(scope: Scope, kind: str, target: str, period: str) -> tuple[Any, ...]:
    """The unique key of a run, as query conditions."""
    return (
        ScheduledRun.team_id == scope.team_id,
        ScheduledRun.channel_id == scope.channel_id,
        ScheduledRun.kind == kind,
        ScheduledRun.target == target,
        ScheduledRun.period == period,
    )


def _given(reply: Reply) -> Reply:
    return reply


class _Digests:
    """Digests built a batch at a time (channels of one workspace with the same settings,
    in the order of the pass), the first time one of the batch is asked for: a few
    queries a batch instead of a dozen a channel. Built before the claim, posted only
    after it, as before."""

    def __init__(
        self,
        scheduler: Scheduler,
        due: dict[Scope, tuple[str, datetime, Prefs]],
        now: datetime,
    ) -> None:
        self.scheduler, self.now = scheduler, now
        self.batch_of: dict[Scope, list[Scope]] = {}
        groups: dict[tuple[str, Prefs], list[Scope]] = defaultdict(list)
        for scope, (_period, slot, prefs) in due.items():
            if now - slot < LATE_LIMIT:  # a late one is skipped, never built
                groups[(scope.team_id, prefs)].append(scope)
        self.prefs = {scope: prefs for scope, (_p, _s, prefs) in due.items()}
        for scopes in groups.values():
            for i in range(0, len(scopes), BATCH):
                for scope in scopes[i : i + BATCH]:
                    self.batch_of[scope] = scopes[i : i + BATCH]
        self.built: dict[Scope, Reply | None] = {}

    def get(self, scope: Scope) -> Reply | None:
        if scope not in self.built:
            batch = self.batch_of.get(scope, [scope])
            team_id = scope.team_id
            found = digest.digests_for(
                self.scheduler.deps,
                team_id,
                [s.channel_id for s in batch],
                self.prefs[scope],
                self.now,
                self.scheduler.client_for(team_id),
            )
            self.built.update({Scope(team_id, c): reply for c, reply in found.items()})
        return self.built.pop(scope)

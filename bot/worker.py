"""`referat worker`, `referat socket`, `referat digest`, and the scheduler loop both run.

The loop writes a heartbeat after every pass (`referat status` shows it). SIGTERM (or
SIGINT) sets `stopping`: the post in hand is finished, nothing new is claimed, and the
process says so in the log and exits 0.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys
import threading
from datetime import UTC, datetime
from typing import Any

from slack_sdk import WebClient

from bot import blocks, directory
from bot.app import make_client, make_deps, open_storage
from bot.clock import clock_for
from bot.config import ConfigError, Settings
from bot.deps import Deps, Scope
from bot.scheduler import Report, Scheduler
from bot.services import digest

log = logging.getLogger("referat.worker")


def client_lookup(settings: Settings, deps: Deps) -> object:
    """A Slack client per workspace: the one bot token, or each installation's from OAuth."""
    if not settings.multi_workspace:
        client = make_client(settings, settings.bot_token)
        return lambda _team: client
    from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore

    store = SQLAlchemyInstallationStore(settings.client_id or "", deps.sessions.kw["bind"])

    def lookup(team_id: str) -> WebClient | None:
        bot = store.find_bot(enterprise_id=None, team_id=team_id)
        return make_client(settings, bot.bot_token) if bot and bot.bot_token else None

    return lookup


def make_scheduler(
    settings: Settings, deps: Deps, stopping: threading.Event | None = None
) -> Scheduler:
    return Scheduler(deps, client_lookup(settings, deps), stopping=stopping)  # type: ignore[arg-type]


def process_name(mode: str) -> str:
    return f"{mode}@{socket.gethostname()}:{os.getpid()}"


def stop_on_signals(stopping: threading.Event, what: str) -> None:
    """SIGTERM and SIGINT set `stopping`; the loops finish what they hold and return."""

    def handle(signum: int, _frame: Any) -> None:
        if not stopping.is_set():
            log.info(
                "%s received: %s finishes the post in hand and stops",
                signal.Signals(signum).name,
                what,
            )
        stopping.set()

    signal.signal(signal.SIGTERM, handle)
    signal.signal(signal.SIGINT, handle)


class SchedulerLoop:
    """Passes of the scheduler every `interval` seconds, a heartbeat after each."""

    def __init__(
        self,
        deps: Deps,
        scheduler: Scheduler,
        mode: str,
        stopping: threading.Event,
        interval: float = 60.0,
    ) -> None:
        self.deps, self.scheduler, self.mode = deps, scheduler, mode
        self.stopping, self.interval = stopping, interval
        self.process = process_name(mode)

    def run(self) -> None:
        self.beat(None)
        while not self.stopping.is_set():
            report: Report | None = None
            try:
                report = self.scheduler.run_once()
            except Exception:  # one bad pass must not stop the scheduler
                log.exception("scheduler pass failed")
            self.beat(report)
            self.stopping.wait(self.interval)
        self.stopped()

    def beat(self, report: Report | None) -> None:
        from storage import heartbeat
        from storage.session import transaction

        counts = (
            {
                "posted": len(report.posted),
                "empty": len(report.empty),
                "skipped": len(report.skipped),
                "replies retried": report.replies_retried,
            }
            if report is not None
            else None
        )
        try:
            with transaction(self.deps.sessions) as session:
                heartbeat.beat(session, self.process, self.mode, datetime.now(UTC), counts)
        except Exception:  # the database may be away for a moment; the next pass tries again
            log.exception("could not write the heartbeat")

    def stopped(self) -> None:
        from storage import heartbeat
        from storage.session import transaction

        try:
            with transaction(self.deps.sessions) as session:
                heartbeat.stopped(session, self.process, datetime.now(UTC))
        except Exception:
            log.exception("could not note the stop")


def run_worker(settings: Settings, *, once: bool, interval: float) -> int:
    if not settings.multi_workspace:
        settings.require("worker")
    deps = make_deps(settings, open_storage(settings), clock_for(settings.now))
    stopping = threading.Event()
    scheduler = make_scheduler(settings, deps, stopping)
    if once:
        loop = SchedulerLoop(deps, scheduler, "worker", stopping, interval)
        report = scheduler.run_once()
        loop.beat(report)  # `referat status` shows a run from cron like any other
        loop.stopped()
        print(
            f"posted {len(report.posted)}, nothing to say {len(report.empty)}, "
            f"skipped (too late) {len(report.skipped)}"
        )
        return 0
    stop_on_signals(stopping, "the worker")
    log.info("worker running: a scheduler pass every %.0f s", interval)
    SchedulerLoop(deps, scheduler, "worker", stopping, interval).run()
    log.info("worker stopped")
    return 0


def start_in_background(
    settings: Settings,
    deps: Deps,
    stopping: threading.Event | None = None,
    interval: float = 60.0,
) -> threading.Thread:
    stopping = stopping or threading.Event()
    loop = SchedulerLoop(
        deps, make_scheduler(settings, deps, stopping), "socket", stopping, interval
    )
    thread = threading.Thread(target=loop.run, name="referat-scheduler", daemon=True)
    thread.start()
    return thread


def run_socket(settings: Settings, *, drain_seconds: float = 30.0) -> int:
    """`referat socket`: the bot over Socket Mode with the scheduler inside."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    from bot.app import create_app
    from bot.executor import TrackingExecutor

    settings.require("socket")
    executor = TrackingExecutor()
    app = create_app(settings, socket_mode=True, executor=executor)
    stopping = threading.Event()
    stop_on_signals(stopping, "socket mode")
    scheduler = start_in_background(settings, app.deps, stopping)  # type: ignore[attr-defined]
    handler = SocketModeHandler(app, settings.app_token)
    handler.connect()
    log.info("socket mode connected; the scheduler runs inside")
    stopping.wait()
    handler.close()  # no new envelopes; those being handled are finished
    if not executor.wait_idle(timeout=drain_seconds):
        log.warning("posts still running after %.0f s; stopping anyway", drain_seconds)
    executor.shutdown(wait=False)
    scheduler.join(timeout=drain_seconds)
    log.info("socket mode stopped")
    return 0


def digest_now(settings: Settings, channel: str, team: str | None, *, preview: bool) -> int:
    from bot.cli import _only_team
    from bot.console import Console

    deps = make_deps(settings, open_storage(settings), clock_for(settings.now))
    scope = Scope(team or _only_team(deps.sessions, channel), channel)
    reply = digest.digest_for(deps, scope, deps.now())
    if reply is None:
        print("referat digest: nothing to say this week; nothing posted", file=sys.stderr)
        return 0
    if preview:
        print(Console.readable_text(reply.text))
        return 0
    if not settings.bot_token:
        raise ConfigError("`referat digest` without --preview needs SLACK_BOT_TOKEN")
    client = make_client(settings, settings.bot_token)
    names = directory.names_in(deps, client, scope.team_id, reply.text)
    client.chat_postMessage(channel=channel, **blocks.message(reply, names))
    print(f"digest posted in {channel}")
    return 0

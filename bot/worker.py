"""`referat worker`, `referat digest`, and the scheduler thread inside `referat socket`."""

from __future__ import annotations

import logging
import sys
import threading

from slack_sdk import WebClient

from bot import blocks
from bot.app import make_client, make_deps, open_storage
from bot.clock import clock_for
from bot.config import ConfigError, Settings
from bot.deps import Deps, Scope
from bot.scheduler import Scheduler
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


def make_scheduler(settings: Settings, deps: Deps) -> Scheduler:
    return Scheduler(deps, client_lookup(settings, deps))  # type: ignore[arg-type]


def run_worker(settings: Settings, *, once: bool, interval: float) -> int:
    if not settings.multi_workspace:
        settings.require("worker")
    deps = make_deps(settings, open_storage(settings), clock_for(settings.now))
    scheduler = make_scheduler(settings, deps)
    if once:
        report = scheduler.run_once()
        print(
            f"posted {len(report.posted)}, nothing to say {len(report.empty)}, "
            f"skipped (too late) {len(report.skipped)}"
        )
        return 0
    log.info("scheduler running every %.0f s", interval)
    scheduler.run_forever(interval)
    return 0


def start_in_background(settings: Settings, deps: Deps) -> threading.Thread:
    scheduler = make_scheduler(settings, deps)
    thread = threading.Thread(target=scheduler.run_forever, name="referat-scheduler", daemon=True)
    thread.start()
    return thread


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
    client.chat_postMessage(channel=channel, **blocks.message(reply))
    print(f"digest posted in {channel}")
    return 0

"""The bot as Slack sees it: the real app served over HTTP, fed signed requests,
talking to the local stand-in. Tests assert on what reaches the stand-in."""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from slack_bolt import App

from bot.app import create_app
from bot.clock import fixed_clock
from bot.config import Settings
from bot.deps import Deps
from bot.executor import TrackingExecutor
from bot.standin import Call, Sender, StandIn
from bot.web import LocalServer
from tests.fakes.slack import StandInForTests

CHANNEL = "C0STYRE"
# the people of the tests, as users.info answers for them (display name, full name)
PEOPLE = {
    "U0ANNE": {"name": "anne", "real_name": "Anne Holm", "display_name": "Anne"},
    "U0JENS": {"name": "jens", "real_name": "Jens Berg", "display_name": "Jens B."},
    "U0BO": {"name": "bo", "real_name": "Bo Lind", "display_name": ""},
}
USER = "U0ANNE"
SECRET = "test-signing-secret"


@dataclass
class Harness:
    standin: StandIn
    app: App
    server: LocalServer
    sender: Sender
    executor: TrackingExecutor
    settings: Settings
    now: datetime

    @classmethod
    def start(cls, database_url: str, *, now: datetime, language: str = "da") -> Harness:
        standin = StandInForTests(users=dict(PEOPLE), clock=now.timestamp).start()
        settings = Settings.from_env(
            {
                "SLACK_BOT_TOKEN": "xoxb-test",
                "SLACK_SIGNING_SECRET": SECRET,
                "SLACK_API_URL": standin.url,
                "DATABASE_URL": database_url,
                "REFERAT_LANGUAGE": language,
                "REFERAT_NOW": now.isoformat(),
            }
        )
        executor = TrackingExecutor()
        app = create_app(settings, executor=executor, clock=fixed_clock(now))
        server = LocalServer(app).start()
        return cls(standin, app, server, Sender(server.url, SECRET), executor, settings, now)

    def stop(self) -> None:
        self.executor.wait_idle(10)
        self.server.stop()
        self.standin.stop()
        self.executor.shutdown(wait=True)
        self.deps.sessions.kw["bind"].dispose()  # close pooled connections now, not at GC

    @property
    def deps(self) -> Deps:
        return self.app.deps  # type: ignore[attr-defined, no-any-return]

    def idle(self) -> None:
        assert self.executor.wait_idle(15), "lazy listeners did not finish"

    # -- requests ------------------------------------------------------------

    def __post_init__(self) -> None:
        self._ts = itertools.count(1)

    def next_ts(self) -> str:
        """Message timestamps follow the pinned clock, so what tests print is stable."""
        return f"{int(self.now.timestamp())}.{next(self._ts):06d}"

    def command(self, text: str, *, channel: str = CHANNEL, user: str = USER) -> dict[str, Any]:
        status, body = self.sender.command(
            text, channel=channel, user=user, response_url=self.standin.response_url()
        )
        assert status == 200, (status, body)
        self.idle()
        return json.loads(body) if body.strip() else {}

    def message(
        self,
        text: str,
        *,
        channel: str = CHANNEL,
        user: str = USER,
        ts: str | None = None,
        event_id: str | None = None,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> tuple[int, str]:
        ts = ts or self.next_ts()
        event = {
            "type": "message",
            "text": text,
            "user": user,
            "ts": ts,
            "channel": channel,
            "event_ts": ts,
            "channel_type": "channel",
            **extra,
        }
        status, _ = self.sender.event(event, event_id=event_id, headers=headers)
        self.idle()
        return status, ts

    def event(self, event: dict[str, Any], **kwargs: Any) -> int:
        status, _ = self.sender.event(event, **kwargs)
        self.idle()
        return status

    def press(self, call: Call, action_id: str, *, user: str = USER, channel: str = CHANNEL) -> int:
        """Press a button on a message the bot posted (found by action_id)."""
        blocks = call.args.get("blocks") or []
        blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
        element = next(
            e
            for b in blocks
            if b["type"] == "actions"
            for e in b["elements"]
            if e["action_id"] == action_id
        )
        message = {
            "type": "message",
            "ts": call.result.get("ts") or call.args.get("ts"),
            "thread_ts": call.args.get("thread_ts"),
            "text": call.args.get("text"),
        }
        status, _ = self.sender.button(
            {
                "action_id": action_id,
                "block_id": "b",
                "type": "button",
                "value": element["value"],
                "text": element["text"],
            },
            channel=channel,
            user=user,
            message=message,
            response_url=self.standin.response_url("action"),
        )
        self.idle()
        return status

    def posts(self, method: str = "chat.postMessage") -> list[Call]:
        return self.standin.calls_to(method)

    def export(self, channel: str = CHANNEL) -> dict[str, Any]:
        from bot.deps import Scope
        from bot.services.exports import channel_json

        return channel_json(self.deps, Scope(self.sender.team_id, channel))

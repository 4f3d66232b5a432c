"""`referat worker` and `referat socket` get a real SIGTERM while a post is in hand (the
stand-in holds Slack's answer): the post is finished and recorded, the log says so, and
the process exits 0."""

from __future__ import annotations

import copy
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from storage.models import ScheduledRun, SourceMessage
from storage.session import make_engine, make_session_factory
from tests.conftest import ROOT, migrated_sqlite
from tests.fakes.harness import CHANNEL, Harness
from tests.fakes.payloads import load
from tests.fakes.slack import StandInForTests
from tests.fakes.socket_server import SocketModeServer

HOLD = 1.0  # seconds Slack "takes" to answer a post: the SIGTERM arrives meanwhile


class SlowSlack(StandInForTests):
    """The stand-in, answering chat.postMessage only after HOLD seconds."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.posting = threading.Event()

    def answer(
        self, method: str, args: dict[str, Any], token: str | None
    ) -> tuple[int, dict[str, Any], dict[str, str]]:
        if method == "chat.postMessage":
            self.posting.set()
            time.sleep(HOLD)
        return super().answer(method, args, token)


@pytest.fixture
def slow_slack() -> Iterator[SlowSlack]:
    server = SlowSlack().start()
    yield server
    server.stop()


def _start(mode: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", mode],
        env={**os.environ, **env},
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _terminate_while_posting(process: subprocess.Popen[str], slack: SlowSlack) -> str:
    try:
        assert slack.posting.wait(60), "nothing was posted"
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=90)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    return err


def test_worker_finishes_the_post_in_hand_on_sigterm(bot: Harness, slow_slack: SlowSlack) -> None:
    bot.message("Beslutning: Budgettet godkendes")
    database = bot.settings.database_url
    process = _start(
        "worker",
        {
            "SLACK_BOT_TOKEN": "xoxb-worker",
            "SLACK_API_URL": slow_slack.url,
            "DATABASE_URL": database,
            "REFERAT_NOW": "2026-11-30T08:05",  # Monday: the digest is due
        },
    )
    err = _terminate_while_posting(process, slow_slack)
    assert process.returncode == 0, err
    assert "SIGTERM received: the worker finishes the post in hand and stops" in err
    assert "worker stopped" in err
    [post] = slow_slack.calls_to("chat.postMessage")
    assert post.result["ok"] and post.args["channel"] == CHANNEL
    engine = make_engine(database)
    with make_session_factory(engine)() as session:
        [run] = session.scalars(select(ScheduledRun).where(ScheduledRun.kind == "digest"))
        assert run.status == "posted" and run.message_ts == post.result["ts"]
    engine.dispose()


def test_socket_mode_finishes_the_reply_in_hand_on_sigterm(
    slow_slack: SlowSlack, tmp_path: Path, shared: Path
) -> None:
    server = SocketModeServer().start()
    slow_slack.socket_url = server.url
    database = migrated_sqlite(tmp_path, "socket.db")
    process = _start(
        "socket",
        {
            "SLACK_BOT_TOKEN": "xoxb-socket",
            "SLACK_APP_TOKEN": "xapp-socket",
            "SLACK_API_URL": slow_slack.url,
            "DATABASE_URL": database,
            "REFERAT_NOW": "2026-11-25T10:00",  # a Wednesday: no digest due, only the reply
        },
    )
    try:
        server.send(load(shared, "socket-mode/hello.json"))
        envelope = copy.deepcopy(load(shared, "socket-mode/envelope_events_api_message.json"))
        envelope["payload"]["event"].update(
            {"text": "Beslutning: Budgettet godkendes", "channel": CHANNEL}
        )
        server.send(envelope)
        server.wait_for(envelope["envelope_id"], timeout=60)
        err = _terminate_while_posting(process, slow_slack)
    finally:
        server.stop()
    assert process.returncode == 0, err
    assert "SIGTERM received: socket mode finishes the post in hand and stops" in err
    assert "socket mode stopped" in err
    [reply] = slow_slack.calls_to("chat.postMessage")
    assert reply.result["ok"] and "Budgettet godkendes" in reply.args["text"]
    engine = make_engine(database)
    with make_session_factory(engine)() as session:
        [source] = session.scalars(select(SourceMessage))
        assert source.reply_ts == reply.result["ts"]  # posted, and recorded as posted
    engine.dispose()

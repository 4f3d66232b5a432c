"""The database goes away (a crash, a failover) while Slack keeps talking: against a
PostgreSQL server of the test's own, stopped and started by the test. A short blip is
ridden out; a longer one leaves the event unacknowledged, so Slack delivers it again,
over HTTP and over Socket Mode; at Slack's last delivery the person is told in the
thread that the message was not recorded. Nothing acknowledged is lost."""

from __future__ import annotations

import copy
import gc
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from slack_bolt.adapter.socket_mode import SocketModeHandler
from sqlalchemy import text

from bot.app import create_app
from bot.config import Settings
from bot.retrying import BACKOFF
from storage.session import make_engine, upgrade
from tests.conftest import NOW
from tests.fakes import own_postgres
from tests.fakes.harness import CHANNEL, USER, Harness
from tests.fakes.payloads import load
from tests.fakes.slack import StandInForTests
from tests.fakes.socket_server import SocketModeServer

pytestmark = [
    pytest.mark.skipif(
        own_postgres.why_not() is not None,
        reason=f"no private PostgreSQL: {own_postgres.why_not()}",
    ),
    # a connection whose server was killed under it is dropped by the pool and closed by
    # the garbage collector; psycopg warns about that, which is the point of these tests
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]


@pytest.fixture(scope="module")
def server() -> Iterator[own_postgres.OwnPostgres]:
    made = own_postgres.OwnPostgres().create()
    engine = make_engine(made.url)
    upgrade(engine)
    engine.dispose()
    yield made
    made.destroy()


@pytest.fixture
def bot(server: own_postgres.OwnPostgres) -> Iterator[Harness]:
    harness = Harness.start(server.url, now=NOW)
    yield harness
    harness.stop()
    gc.collect()  # connections the outage cut are closed here, where warnings are expected
    server.start()
    with harness.deps.unit() as unit:  # the next test starts from an empty database
        unit.session.execute(
            text(
                "TRUNCATE source_messages, meetings, records, processed_events, channels, "
                "people RESTART IDENTITY CASCADE"
            )
        )


def _message(text: str, ts: str) -> dict[str, Any]:
    return {
        "type": "message",
        "text": text,
        "user": USER,
        "ts": ts,
        "channel": CHANNEL,
        "event_ts": ts,
        "channel_type": "channel",
    }


def _recorded(bot: Harness) -> list[str]:
    return [d["text"] for d in bot.export()["decisions"]]


def test_a_blip_shorter_than_the_backoff_is_ridden_out(
    bot: Harness, server: own_postgres.OwnPostgres
) -> None:
    bot.message("Beslutning: Første beslutning")  # the pool holds live connections
    server.stop()
    threading.Thread(target=server.start).start()  # back within about half a second
    status, _ = bot.sender.event(_message("Beslutning: Budgettet godkendes", bot.next_ts()))
    bot.idle()
    assert status == 200
    assert _recorded(bot) == ["Første beslutning", "Budgettet godkendes"]
    assert len([c for c in bot.posts() if c.args.get("thread_ts")]) == 2


def test_an_event_while_down_is_left_for_slack_to_deliver_again(
    bot: Harness, server: own_postgres.OwnPostgres
) -> None:
    server.stop()
    event = _message("Beslutning: Budgettet godkendes", bot.next_ts())
    status, _ = bot.sender.event(event, event_id="Ev0OUTAGE")
    bot.idle()
    assert status == 500  # not acknowledged: Slack delivers it again
    assert bot.posts() == []  # and the person is not told anything wrong yet
    server.start()
    status, _ = bot.sender.event(event, event_id="Ev0OUTAGE", headers={"X-Slack-Retry-Num": "1"})
    bot.idle()
    assert status == 200
    assert _recorded(bot) == ["Budgettet godkendes"]
    [reply] = bot.posts()
    assert reply.args["thread_ts"] == event["ts"] and "Budgettet godkendes" in reply.args["text"]


def test_at_slacks_last_delivery_the_person_is_told_in_the_thread(
    bot: Harness, server: own_postgres.OwnPostgres
) -> None:
    server.stop()
    event = _message("Beslutning: Budgettet godkendes", bot.next_ts())
    chatter = _message("Godmorgen alle sammen", bot.next_ts())
    last = {"X-Slack-Retry-Num": "3", "X-Slack-Retry-Reason": "http_error"}
    assert bot.sender.event(event, headers=last)[0] == 200
    assert bot.sender.event(chatter, headers=last)[0] == 200
    bot.idle()
    [told] = bot.posts()
    assert told.args["thread_ts"] == event["ts"]
    assert "kunne ikke registrere denne besked" in told.args["text"]
    server.start()


@pytest.fixture
def socket_bot(
    server: own_postgres.OwnPostgres, tmp_path: Path
) -> Iterator[tuple[SocketModeServer, StandInForTests, Settings]]:
    standin = StandInForTests().start()
    slack = SocketModeServer().start()
    standin.socket_url = slack.url
    settings = Settings.from_env(
        {
            "SLACK_BOT_TOKEN": "xoxb-socket",
            "SLACK_APP_TOKEN": "xapp-socket",
            "SLACK_API_URL": standin.url,
            "DATABASE_URL": server.url,
            "REFERAT_NOW": "2026-11-23T09:00",
        }
    )
    app = create_app(settings, socket_mode=True)
    handler = SocketModeHandler(app, settings.app_token)
    handler.connect()
    yield slack, standin, settings
    slack.stop()  # Slack hangs up first: the client's blocked read ends at once
    handler.close()
    server.start()
    app.deps.sessions.kw["bind"].dispose()  # type: ignore[attr-defined]
    gc.collect()
    standin.stop()


def test_socket_mode_leaves_an_envelope_unacknowledged_while_down_and_records_it_after(
    socket_bot: tuple[SocketModeServer, StandInForTests, Settings],
    server: own_postgres.OwnPostgres,
    shared: Path,
) -> None:
    slack, standin, _ = socket_bot
    slack.send(load(shared, "socket-mode/hello.json"))
    envelope = copy.deepcopy(load(shared, "socket-mode/envelope_events_api_message.json"))
    envelope["payload"]["event"].update(
        {"text": "Beslutning: Socket-beslutningen", "channel": "C0SOCKET", "user": USER}
    )
    server.stop()
    slack.send(envelope)
    with pytest.raises(AssertionError, match="no ack"):  # not after the bot's last retry
        slack.wait_for(envelope["envelope_id"], timeout=sum(BACKOFF) + 1.0)
    server.start()
    again = copy.deepcopy(envelope)
    again.update({"envelope_id": envelope["envelope_id"] + "-2", "retry_attempt": 1})
    slack.send(again)
    slack.wait_for(again["envelope_id"])
    standin.wait_for("chat.postMessage")
    [reply] = standin.calls_to("chat.postMessage")
    assert "Socket-beslutningen" in reply.args["text"]

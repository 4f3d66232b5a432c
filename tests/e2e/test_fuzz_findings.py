"""What the fuzz tests (test_fuzz.py) found, one small test each: bad input gets a clear,
short answer or a logged reason, never a crash, a stack trace or silence."""

from __future__ import annotations

import json
import logging

import pytest

from bot.standin import BOT_USER, TEAM
from tests.fakes.harness import CHANNEL, USER, Harness


def test_an_envelope_bolt_cannot_read_is_a_400_with_a_logged_reason(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """`authorizations: null` or an event whose channel is a number made Bolt raise while it
    built the request: a bare traceback and a 500 from the WSGI server."""
    ts = bot.next_ts()
    for envelope in (
        {
            "type": "event_callback",
            "team_id": TEAM,
            "authorizations": 5,
            "event": {"type": "message", "text": "x", "user": USER, "ts": ts, "channel": CHANNEL},
        },
        {
            "type": "event_callback",
            "team_id": TEAM,
            "authorizations": [{"team_id": TEAM, "user_id": BOT_USER, "is_bot": True}],
            "event": {"type": "message", "text": "x", "user": USER, "ts": ts, "channel": 5},
        },
    ):
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            status, _ = bot.sender.post(json.dumps(envelope), "application/json")
        assert status == 400
        assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == [
            caplog.records[-1].getMessage()
        ]
        assert "refused a malformed request" in caplog.records[-1].getMessage()
        assert "Traceback" not in caplog.text


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


COUNTS = {
    table: f"SELECT count(*) FROM {table}"  # noqa: S608 (a fixed list of tables)
    for table in ("records", "record_changes", "source_messages", "pending_imports")
}


def _count(bot: Harness, table: str) -> int:
    from sqlalchemy import text

    with bot.deps.sessions() as session:
        return int(session.execute(text(COUNTS[table])).scalar_one())


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"ts": None}, id="no-ts"),
        pytest.param({"ts": "1700000000.1.2"}, id="ts-not-a-ts"),
        pytest.param({"ts": "9" * 5000}, id="ts-huge"),
        pytest.param({"subtype": ["x"]}, id="subtype-a-list"),
        pytest.param({"subtype": "message_changed", "message": "x"}, id="edit-message-a-string"),
        pytest.param({"subtype": "message_deleted", "deleted_ts": {}}, id="delete-ts-a-dict"),
        pytest.param({"thread_ts": 5, "user": ["U0ANNE"]}, id="thread-and-user-wrong-types"),
    ],
)
def test_a_message_event_of_the_wrong_shape_is_acknowledged_and_writes_nothing(
    bot: Harness, caplog: pytest.LogCaptureFixture, change: dict[str, object]
) -> None:
    """A message without a usable ts (or with its subtype, edit or delete of the wrong type)
    crashed the listener: a traceback at ERROR and a 500, so Slack sent it three more times."""
    event = {
        "type": "message",
        "text": "Beslutning: Vi udvider rammeaftalen",
        "user": USER,
        "ts": bot.next_ts(),
        "channel": CHANNEL,
        "channel_type": "channel",
        **change,
    }
    event = {key: value for key, value in event.items() if value is not None}
    with caplog.at_level(logging.WARNING):
        status = bot.event(event)
    assert status == 200
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
    if "thread_ts" in change:  # what can be read is recorded, the rest left out
        assert _count(bot, "records") == 1
        assert bot.posts()[-1].args["thread_ts"] == event["ts"]
    else:
        assert any("ignored a malformed event_callback" in m for m in _warnings(caplog))
        assert _count(bot, "records") == 0 and _count(bot, "record_changes") == 0


def test_app_home_opened_by_no_one_is_acknowledged_with_a_logged_reason(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """`app_home_opened` without its user was a KeyError, a traceback and a 500 (retried)."""
    with caplog.at_level(logging.WARNING):
        status = bot.event({"type": "app_home_opened", "tab": "home", "event_ts": bot.next_ts()})
    assert status == 200
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
    assert any("App Home opened by no user" in m for m in _warnings(caplog))
    assert not bot.posts("views.publish")

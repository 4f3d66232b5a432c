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

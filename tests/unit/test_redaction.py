"""Tokens and secrets never reach a log, from any logger at any level."""

from __future__ import annotations

import logging

import pytest
from slack_sdk import WebClient

from bot import redaction
from bot.standin import StandIn


def test_a_token_in_a_slack_response_is_redacted_at_debug(caplog: pytest.LogCaptureFixture) -> None:
    redaction.install(["my-signing-secret-123"])
    standin = StandIn(users={"U0JENS": {"name": "xoxb-1234567890-ABCDEFGHIJ"}}).start()
    try:
        caplog.set_level(logging.DEBUG)
        client = WebClient(token="xoxb-9999999999-SECRETTOKEN", base_url=standin.url)
        client.users_info(user="U0JENS")  # the stand-in echoes the "name" in its body
        logging.getLogger("anything").warning(
            "config %s and %s", "xapp-1-A0LOCAL-123-abcdef", "my-signing-secret-123"
        )
    finally:
        standin.stop()
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "Received the following response" in logged  # slack_sdk's DEBUG body log ran
    assert "SECRETTOKEN" not in logged and "ABCDEFGHIJ" not in logged
    assert "abcdef" not in logged and "my-signing-secret-123" not in logged
    assert "xoxb-[redacted]" in logged


def test_a_token_in_an_exceptions_text_is_redacted(caplog: pytest.LogCaptureFixture) -> None:
    redaction.install()
    caplog.set_level(logging.DEBUG)
    try:
        raise ValueError("Failing row contains (T0NEW, xoxb-1234-5678-abcdefgh)")
    except ValueError:
        logging.getLogger("referat.test").exception("saving the installation failed")
    [record] = [r for r in caplog.records if r.name == "referat.test"]
    shown = caplog.text + (record.exc_text or "")
    assert "xoxb-1234-5678-abcdefgh" not in shown and "Failing row contains" in shown


def test_a_response_url_is_redacted() -> None:
    url = "https://hooks.slack.com/actions/T0LOCAL/1234567890/abcdefABCDEF123456"
    shown = redaction.redact(f"POST {url} failed")
    assert shown == "POST https://hooks.slack.com/[redacted] failed"

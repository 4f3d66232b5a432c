"""What reaches the app over HTTP: only signed, fresh, bounded requests; a failure of any
kind is a 401 (or 413) and nothing else happens; request bodies are never logged."""

from __future__ import annotations

import json
import logging
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.fakes.harness import Harness


def raw_post(bot: Harness, body: bytes, headers: dict[str, str]) -> int:
    request = urllib.request.Request(bot.server.url, data=body, method="POST", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)
    except (urllib.error.URLError, ConnectionError):  # the server stopped reading: refused
        return 413


def block_action(bot: Harness, marker: str) -> str:
    payload = {
        "type": "block_actions",
        "user": {"id": "U0LOCAL", "team_id": "T0LOCAL"},
        "team": {"id": "T0LOCAL"},
        "channel": {"id": "C0STYRE"},
        "response_url": bot.standin.response_url("attacker") + marker,
        "actions": [{"action_id": "done_1", "value": "1", "type": "button"}],
    }
    return "payload=" + urllib.parse.quote(json.dumps(payload))


# the hour-old timestamp has an id of its own: one made from its value would differ between
# pytest-xdist workers collecting either side of a second's turn
HOUR_OLD = pytest.param(str(int(time.time()) - 3600), id="an-hour-old")


@pytest.mark.parametrize("timestamp", ["abc", "", "1.5", "²", HOUR_OLD])
def test_a_bad_timestamp_is_a_401_and_nothing_else(bot: Harness, timestamp: str) -> None:
    body = block_action(bot, "-stamp").encode()
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": "v0=" + "0" * 64,
    }
    assert raw_post(bot, body, headers) == 401
    bot.idle()
    assert bot.standin.calls_to("response_url") == []  # the attacker's URL is never called


def test_a_huge_unsigned_body_is_refused_before_it_is_read(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    body = b"SECRET-BODY-MARKER" + b"x" * (2 * 1024 * 1024)
    headers = {
        "Content-Type": "application/json",
        "X-Slack-Request-Timestamp": str(int(time.time())),
        "X-Slack-Signature": "v0=" + "0" * 64,
    }
    assert raw_post(bot, body, headers) == 413
    assert all("SECRET-BODY-MARKER" not in r.getMessage() for r in caplog.records)


def test_a_forged_request_is_not_logged_with_its_body(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    body = block_action(bot, "-SECRET-BODY-MARKER").encode()
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": str(int(time.time())),
        "X-Slack-Signature": "v0=" + "1" * 64,
    }
    assert raw_post(bot, body, headers) == 401
    assert all("SECRET-BODY-MARKER" not in r.getMessage() for r in caplog.records)
    assert bot.export()["actions"] == []


def test_signed_requests_still_work(bot: Harness) -> None:
    assert "referat" in bot.command("hjælp")["text"]


def test_a_huge_body_on_the_install_pages_is_refused_before_it_is_read(bot: Harness) -> None:
    base = bot.server.url.replace("/slack/events", "")
    for path in ("/slack/install", "/slack/oauth_redirect?code=x&state=y", "/anything"):
        request = urllib.request.Request(base + path, data=b"x" * (3 * 1024 * 1024), method="GET")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                status = int(response.status)
        except urllib.error.HTTPError as error:
            status = int(error.code)
        except (urllib.error.URLError, ConnectionError):
            status = 413
        assert status == 413, path


def test_an_event_that_is_not_an_object_is_a_400_not_a_500(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    for event in ("STR", [], 5):
        body = json.dumps(
            {"type": "event_callback", "team_id": "T0LOCAL", "event": event, "event_id": "Ev0X"}
        )
        status, _ = bot.sender.post(body, "application/json")
        assert status == 400
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]

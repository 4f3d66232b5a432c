"""A workspace installs referat through OAuth (against the stand-in, which speaks the
exchange as Slack does), records with the token it was given, and is forgotten when
Slack says the tokens were revoked and the app uninstalled; a workspace with no
installation is told so. Everything is logged at DEBUG, and no token or secret is."""

from __future__ import annotations

import logging
import re
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.app import create_app
from bot.config import Settings
from bot.standin import Sender
from bot.web import LocalServer
from tests.fakes.slack import StandInForTests

CLIENT_ID, CLIENT_SECRET, SIGNING = "111.222", "oauth-client-secret-7f3a", "signing-secret-9c2e"
TEAM = "T0NEW"


@pytest.fixture
def installed_app(tmp_path: Path) -> Iterator[tuple[StandInForTests, LocalServer, Any]]:
    standin = StandInForTests().start()
    standin.oauth_client = (CLIENT_ID, CLIENT_SECRET)
    settings = Settings.from_env(
        {
            "SLACK_CLIENT_ID": CLIENT_ID,
            "SLACK_CLIENT_SECRET": CLIENT_SECRET,
            "SLACK_SIGNING_SECRET": SIGNING,
            "SLACK_API_URL": standin.url,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'oauth.db'}",
            "REFERAT_NOW": "2026-11-23T09:00",
        }
    )
    app = create_app(settings)
    server = LocalServer(app).start()
    yield standin, server, app
    server.stop()
    standin.stop()
    app.deps.sessions.kw["bind"].dispose()


def _get(url: str, cookie: str = "") -> tuple[int, str, str]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request) as response:
            cookies = response.headers.get_all("Set-Cookie") or []
            return response.status, response.read().decode(), "; ".join(cookies)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), ""


def _install(standin: StandInForTests, server: LocalServer) -> None:
    base = server.url.replace("/slack/events", "")
    status, page, cookies = _get(base + "/slack/install")
    assert status == 200
    state = re.search(r"state=([\w-]+)", page)
    assert state is not None
    code = standin.grant(TEAM)  # the person said yes on Slack's consent page
    cookie = cookies.split(";")[0]
    status, page, _ = _get(f"{base}/slack/oauth_redirect?code={code}&state={state[1]}", cookie)
    assert status == 200, page


def _message(text: str, ts: str) -> dict[str, Any]:
    return {
        "type": "message",
        "text": text,
        "user": "U0ANNE",
        "ts": ts,
        "channel": "C0NEW",
        "event_ts": ts,
        "channel_type": "channel",
    }


def test_install_record_revoke_uninstall_with_nothing_secret_in_the_logs(
    installed_app: tuple[StandInForTests, LocalServer, Any], caplog: pytest.LogCaptureFixture
) -> None:
    standin, server, app = installed_app
    caplog.set_level(logging.DEBUG)
    for name in ("slack_sdk", "slack_bolt", "referat", "bot", "urllib3"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    _install(standin, server)
    [exchange] = standin.calls_to("oauth.v2.access")
    assert exchange.result["ok"], exchange.result
    [token] = standin.issued_tokens
    assert app.installation_store.find_bot(enterprise_id=None, team_id=TEAM).bot_token == token

    sender = Sender(server.url, SIGNING, team_id=TEAM)
    status, _ = sender.event(_message("Beslutning: Vi installerer referat", "1795420800.000100"))
    assert status == 200
    [reply] = standin.wait_for("chat.postMessage")
    assert reply.token == token and "Vi installerer referat" in reply.args["text"]

    status, _ = sender.event({"type": "tokens_revoked", "tokens": {"oauth": [], "bot": ["U0BOT"]}})
    assert status == 200
    status, _ = sender.event({"type": "app_uninstalled"})
    assert status == 200
    assert app.installation_store.find_bot(enterprise_id=None, team_id=TEAM) is None

    status, body = sender.command(
        "næste-møde", channel="C0NEW", user="U0ANNE", response_url=standin.response_url()
    )
    [told] = standin.wait_for("response_url")  # Bolt answers through the response_url
    assert status == 200 and "ikke installeret" in told.args["text"]
    assert "not installed" in told.args["text"]

    logged = caplog.text + " ".join(str(r.args) for r in caplog.records)
    assert "oauth.v2.access" in logged  # the exchange was logged at DEBUG …
    assert token not in logged and CLIENT_SECRET not in logged  # … without its secrets
    assert SIGNING not in logged


def test_a_workspace_that_never_installed_is_told_so(
    installed_app: tuple[StandInForTests, LocalServer, Any],
) -> None:
    standin, server, _ = installed_app
    status, body = Sender(server.url, SIGNING, team_id="T0STRANGER").command(
        "hjælp", channel="C0X", user="U0X", response_url=standin.response_url()
    )
    [told] = standin.wait_for("response_url")
    assert status == 200 and "ikke installeret" in told.args["text"]

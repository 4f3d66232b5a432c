"""`referat serve` on gunicorn, OAuth wiring, and answers to mentions sent twice."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from slack_sdk.signature import SignatureVerifier

from bot.app import create_app
from bot.config import Settings
from bot.executor import TrackingExecutor
from bot.standin import Sender, StandIn
from bot.web import LocalServer, wsgi_app
from tests.fakes.harness import CHANNEL, USER, Harness
from tests.fakes.slack import StandInForTests

BUDGET_MESSAGE = {
    "type": "message",
    "text": "Beslutning: Budgettet godkendes",
    "user": USER,
    "ts": "1795420800.000001",
    "channel": CHANNEL,
    "event_ts": "1795420800.000001",
    "channel_type": "channel",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def standin() -> Iterator[StandInForTests]:
    server = StandInForTests().start()
    yield server
    server.stop()


def test_serve_runs_on_gunicorn_and_answers_signed_commands(
    standin: StandIn, tmp_path: Path
) -> None:
    port = _free_port()
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": "xoxb-serve",
        "SLACK_SIGNING_SECRET": "serve-secret",
        "SLACK_API_URL": standin.url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}",
        "REFERAT_NOW": "2026-11-23T09:00",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz") as response:
                    assert response.read() == b"ok\n"
                    break
            except OSError:
                assert process.poll() is None, "referat serve exited early"
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)
        sender = Sender(f"http://127.0.0.1:{port}/slack/events", "serve-secret")
        status, body = sender.command(
            "møde 5/2-2027 kl. 9-12 Ringsted",
            channel=CHANNEL,
            user=USER,
            response_url=standin.response_url(),
        )
        assert status == 200 and "fredag 5. februar 2027" in body
        # a message's thread reply comes after the answer, from the request's own thread
        status, _ = sender.event(BUDGET_MESSAGE)
        assert status == 200
        while not standin.calls_to("chat.postMessage"):  # type: ignore[attr-defined]
            assert time.monotonic() < deadline + 30, "no thread reply under gunicorn"
            time.sleep(0.05)
        reply = standin.calls_to("chat.postMessage")[0]  # type: ignore[attr-defined]
        assert reply.args["thread_ts"] == "1795420800.000001"
        assert "Budgettet godkendes" in reply.args["text"]
        forged = Sender(f"http://127.0.0.1:{port}/slack/events", "wrong-secret")
        status, _ = forged.command(
            "næste-møde", channel=CHANNEL, user=USER, response_url=standin.response_url()
        )
        assert status == 401
    finally:
        process.terminate()
        process.communicate(timeout=30)


def test_serve_without_signing_secret_names_it(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env["SLACK_BOT_TOKEN"] = "xoxb-1"
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "serve"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and "SLACK_SIGNING_SECRET" in result.stderr


def test_oauth_install_page_uses_the_database_stores(standin: StandIn, tmp_path: Path) -> None:
    settings = Settings.from_env(
        {
            "SLACK_CLIENT_ID": "111.222",
            "SLACK_CLIENT_SECRET": "shh",
            "SLACK_SIGNING_SECRET": "s",
            "SLACK_API_URL": standin.url,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'oauth.db'}",
        }
    )
    app = create_app(settings)
    assert type(app.installation_store).__name__ == "SQLAlchemyInstallationStore"
    server = LocalServer(app).start()
    try:
        url = server.url.replace("/slack/events", "/slack/install")
        with urllib.request.urlopen(url) as response:
            page = response.read().decode()
        assert "slack.com/oauth/v2/authorize" in page and "client_id=111.222" in page
    finally:
        server.stop()


def test_a_mention_delivered_twice_is_answered_once(bot: Harness) -> None:
    bot.command("møde 5/2-2027 kl. 9-12 Ringsted")
    ts = bot.next_ts()
    mention = {
        "type": "app_mention",
        "text": "<@U0REFERAT> hvornår er næste møde?",
        "user": USER,
        "ts": ts,
        "channel": CHANNEL,
        "event_ts": ts,
    }
    assert bot.event(mention, event_id="EvMention1") == 200
    assert (
        bot.event(
            mention,
            event_id="EvMention1",
            headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"},
        )
        == 200
    )
    [answer] = bot.posts()
    assert "fredag 5. februar 2027" in answer.args["text"] and answer.args["thread_ts"] == ts


def test_url_verification_is_answered(bot: Harness) -> None:
    import json

    status, body = bot.sender.post(
        json.dumps({"token": "x", "challenge": "abc123", "type": "url_verification"}),
        "application/json",
    )
    assert status == 200 and "abc123" in body


def test_app_home_is_published(bot: Harness) -> None:
    assert (
        bot.event(
            {
                "type": "app_home_opened",
                "user": USER,
                "channel": "D0HOME",
                "tab": "home",
                "event_ts": bot.next_ts(),
            }
        )
        == 200
    )
    [published] = bot.standin.calls_to("views.publish")
    assert published.args["user_id"] == USER


def test_under_gunicorn_the_slow_half_runs_once_the_answer_is_sent(tmp_path: Path) -> None:
    """`wsgi_app(after_response=True)`, as `referat serve` builds it: the message is stored
    and answered 200 with nothing posted yet; the thread reply goes out when the server
    closes the response, on the same thread, not on the executor."""
    standin = StandInForTests().start()
    try:
        settings = Settings.from_env(
            {
                "SLACK_BOT_TOKEN": "xoxb-test",
                "SLACK_SIGNING_SECRET": "after-secret",
                "SLACK_API_URL": standin.url,
                "DATABASE_URL": f"sqlite:///{tmp_path / 'after.db'}",
                "REFERAT_NOW": "2026-11-23T09:00",
            }
        )
        executor = TrackingExecutor()
        app = create_app(settings, executor=executor)
        wsgi = wsgi_app(app, after_response=True)
        body = json.dumps(
            {
                "type": "event_callback",
                "team_id": "T0LOCAL",
                "event_id": "Ev0AFTER1",
                "event": BUDGET_MESSAGE,
            }
        ).encode()
        stamp = str(int(time.time()))
        signature = SignatureVerifier("after-secret").generate_signature(
            timestamp=stamp, body=body.decode()
        )
        environ = {
            "REQUEST_METHOD": "POST",
            "PATH_INFO": "/slack/events",
            "QUERY_STRING": "",
            "CONTENT_TYPE": "application/json",
            "CONTENT_LENGTH": str(len(body)),
            "HTTP_X_SLACK_REQUEST_TIMESTAMP": stamp,
            "HTTP_X_SLACK_SIGNATURE": signature,
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "3000",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(body),
        }
        statuses: list[str] = []
        answer = wsgi(environ, lambda status, headers, exc_info=None: statuses.append(status))
        b"".join(answer)
        assert statuses == ["200 OK"]
        assert executor.wait_idle(5) and standin.calls_to("chat.postMessage") == []
        answer.close()  # type: ignore[attr-defined]  # the server has sent the answer
        reply = standin.calls_to("chat.postMessage")
        assert len(reply) == 1 and reply[0].args["thread_ts"] == "1795420800.000001"
        executor.shutdown(wait=True)
        app.deps.sessions.kw["bind"].dispose()  # type: ignore[attr-defined]
    finally:
        standin.stop()

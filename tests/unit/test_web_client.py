"""The Web API client keeps its connection to Slack open between calls, never sends a
request twice when the server closed a resting connection, and fails as slack_sdk's
own client fails."""

from __future__ import annotations

import http.client
import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from bot.web_client import KeptAliveClient, _usable


class FakeApi(ThreadingHTTPServer):
    """Answers every call {"ok": true}, or the statuses queued in `answers`; counts the
    connections it accepted and the requests it read."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.connections = 0
        self.requests: list[str] = []
        self.answers: list[int] = []
        self.hang_up_after_answer = False  # close each connection silently after answering

    def get_request(self) -> Any:
        self.connections += 1
        return super().get_request()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_port}/api/"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: FakeApi

    def log_message(self, format: str, *args: Any) -> None:
        return

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.requests.append(self.path)
        status = self.server.answers.pop(0) if self.server.answers else 200
        body = json.dumps({"ok": status == 200, "error": "" if status == 200 else "failed"})
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        if status == 429:
            self.send_header("Retry-After", "0")
        self.end_headers()
        self.wfile.write(body.encode())
        if self.server.hang_up_after_answer:
            self.close_connection = True  # without saying so: the client finds out later


@pytest.fixture
def api() -> Iterator[FakeApi]:
    server = FakeApi()
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_calls_share_one_connection(api: FakeApi) -> None:
    client = KeptAliveClient(token="xoxb-test", base_url=api.url)
    for _ in range(3):
        assert client.api_test()["ok"] is True
    assert (api.connections, len(api.requests)) == (1, 3)


def test_a_connection_the_server_closed_is_replaced_before_anything_is_sent(
    api: FakeApi,
) -> None:
    api.hang_up_after_answer = True
    client = KeptAliveClient(token="xoxb-test", base_url=api.url)
    for _ in range(3):
        assert client.chat_postMessage(channel="C1", text="hej")["ok"] is True
    assert (api.connections, len(api.requests)) == (3, 3)  # each message sent once


def test_a_thread_of_its_own_keeps_a_connection_of_its_own(api: FakeApi) -> None:
    client = KeptAliveClient(token="xoxb-test", base_url=api.url)
    client.api_test()
    other = threading.Thread(target=client.api_test)
    other.start()
    other.join()
    client.api_test()
    assert (api.connections, len(api.requests)) == (2, 3)


def test_errors_and_retries_are_slack_sdks_own(api: FakeApi) -> None:
    retrying = [RateLimitErrorRetryHandler(max_retry_count=1)]
    kept = KeptAliveClient(token="xoxb-test", base_url=api.url, retry_handlers=retrying)
    api.answers = [429]  # rate limited once, then answered
    assert kept.api_test()["ok"] is True
    assert len(api.requests) == 2
    plain = WebClient(token="xoxb-test", base_url=api.url)
    for client in (plain, kept):
        api.answers = [500]
        with pytest.raises(SlackApiError) as failed:
            client.api_test()
        assert failed.value.response.status_code == 500


def test_like_copies_what_bolt_handed_over() -> None:
    bolt = WebClient(token="xoxb-test", base_url="http://127.0.0.1:1/api/", team_id="T1")
    kept = KeptAliveClient.like(bolt)
    assert (kept.token, kept.base_url, kept.default_params) == (
        "xoxb-test",
        "http://127.0.0.1:1/api/",
        {"team_id": "T1"},
    )
    assert KeptAliveClient.like(kept) is kept


def test_a_resting_connection_is_reused_until_its_peer_hangs_up() -> None:
    ours, theirs = socket.socketpair()
    connection = http.client.HTTPConnection("127.0.0.1")
    connection.sock = ours
    try:
        assert _usable(connection)
        theirs.close()  # the server closed it while it rested
        assert not _usable(connection)
    finally:
        ours.close()

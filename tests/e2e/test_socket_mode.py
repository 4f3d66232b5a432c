"""`referat socket`'s path: the real app behind Bolt's Socket Mode handler, against a
local WebSocket server playing Slack (envelopes in, acknowledgements out)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import pytest
from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.app import create_app
from bot.config import Settings
from bot.standin import StandIn
from tests.fakes.payloads import load
from tests.fakes.slack import StandInForTests
from tests.fakes.socket_server import SocketModeServer


@pytest.fixture
def socket_app(tmp_path: Path) -> Iterator[tuple[SocketModeServer, StandIn]]:
    standin = StandInForTests().start()
    server = SocketModeServer().start()
    standin.socket_url = server.url
    settings = Settings.from_env(
        {
            "SLACK_BOT_TOKEN": "xoxb-socket",
            "SLACK_APP_TOKEN": "xapp-socket",
            "SLACK_API_URL": standin.url,
            "DATABASE_URL": f"sqlite:///{tmp_path / 's.db'}",
            "REFERAT_NOW": "2026-11-23T09:00",
        }
    )
    settings.require("socket")
    handler = SocketModeHandler(create_app(settings, socket_mode=True), settings.app_token)
    handler.connect()
    try:
        yield server, standin
    finally:
        server.stop()  # Slack hangs up first: the client's blocked read ends at once
        handler.close()
        standin.stop()


def test_a_slash_command_over_socket_mode_is_acknowledged_with_the_answer(
    socket_app: tuple[SocketModeServer, StandIn], shared: Path
) -> None:
    server, standin = socket_app
    server.send(load(shared, "socket-mode/hello.json"))
    envelope = copy.deepcopy(load(shared, "socket-mode/envelope_slash_commands.json"))
    envelope["payload"].update(
        {
            "command": "/referat",
            "text": "møde 5/2-2027 kl. 9-12 Ringsted",
            "response_url": standin.response_url(),
        }
    )
    server.send(envelope)
    ack = server.wait_for(envelope["envelope_id"])
    assert "fredag 5. februar 2027 kl. 9–12, Ringsted" in ack["payload"]["text"]
    [opened] = standin.calls_to("apps.connections.open")
    assert opened.token == "xapp-socket"  # the app-level token, as Slack requires

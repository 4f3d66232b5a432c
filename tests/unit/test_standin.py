"""The local Slack stand-in answers like Slack and refuses what Slack refuses."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.standin import StandIn
from tests.fakes.slack import StandInForTests


@pytest.fixture
def standin() -> Iterator[StandIn]:
    server = StandInForTests().start()
    yield server
    server.stop()


@pytest.fixture
def client(standin: StandIn) -> WebClient:
    return WebClient(token="xoxb-test", base_url=standin.url)


def section(text: str) -> dict[str, object]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def test_answers_have_the_shape_of_real_responses(client: WebClient, shared: Path) -> None:
    saved = shared / "slack-payloads" / "web-api-responses"
    calls = {
        "auth.test": lambda: client.auth_test(),
        "chat.postMessage": lambda: client.chat_postMessage(channel="C1", text="hej"),
        "chat.update": lambda: client.chat_update(channel="C1", ts="1.2", text="hej"),
        "users.info": lambda: client.users_info(user="U1"),
        "views.publish": lambda: client.views_publish(
            user_id="U1", view={"type": "home", "blocks": []}
        ),
        "conversations.info": lambda: client.conversations_info(channel="C1"),
    }
    for method, call in calls.items():
        real = json.loads((saved / f"{method}.json").read_text())
        ours = call().data
        assert set(real) <= set(ours) | {"warning", "response_metadata"}, method
        if isinstance(real.get("user"), dict):
            assert {"id", "tz", "name"} <= set(ours["user"])


def test_records_every_call(client: WebClient, standin: StandIn) -> None:
    client.chat_postMessage(channel="C1", text="hej", thread_ts="1.1")
    [call] = standin.calls_to("chat.postMessage")
    assert call.args["thread_ts"] == "1.1" and call.token == "xoxb-test"


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda c: c.api_call("chat.postMessage", json={"channel": "C1"}), "no_text"),
        (lambda c: c.api_call("chat.postMessage", json={"text": "x"}), "invalid_arguments"),
        (
            lambda c: c.chat_postMessage(channel="C1", text="x", blocks=[section("x")] * 51),
            "invalid_blocks",
        ),
        (
            lambda c: c.chat_postMessage(channel="C1", text="x", blocks=[section("x" * 3001)]),
            "invalid_blocks",
        ),
        (
            lambda c: c.views_open(
                trigger_id="t", view={"type": "modal", "blocks": [section("x")] * 101}
            ),
            "invalid_blocks",
        ),
    ],
    ids=["no text", "no channel", "51 blocks", "long section", "101 view blocks"],
)
def test_refuses_what_slack_refuses(client: WebClient, call, error: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SlackApiError) as raised:
        call(client)
    assert raised.value.response["error"] == error


def test_bad_token_is_refused(standin: StandIn) -> None:
    with pytest.raises(SlackApiError) as raised:
        WebClient(token="nope", base_url=standin.url).auth_test()
    assert raised.value.response["error"] == "invalid_auth"


def test_rate_limit_fault(client: WebClient, standin: StandIn) -> None:
    standin.fail_next("chat.postMessage", status=429, retry_after=7)
    with pytest.raises(SlackApiError) as raised:
        client.chat_postMessage(channel="C1", text="x")
    assert raised.value.response.status_code == 429
    assert raised.value.response.headers["Retry-After"] == "7"
    client.chat_postMessage(channel="C1", text="x")  # the next one passes


def test_user_names_and_user_groups_answer_as_slack_does(standin: StandIn) -> None:
    standin.users["U1"] = {"real_name": "Anne Holm", "display_name": "Anne"}
    standin.groups["S1"] = {"handle": "styregruppen", "name": "Styregruppen", "users": ["U1"]}
    client = WebClient(token="xoxb-test", base_url=standin.url)
    user = client.users_info(user="U1")["user"]
    assert (user["profile"]["display_name"], user["real_name"]) == ("Anne", "Anne Holm")
    [group] = client.usergroups_list()["usergroups"]
    assert (group["id"], group["handle"], "users" in group) == ("S1", "styregruppen", False)
    assert client.usergroups_list(include_users=True)["usergroups"][0]["users"] == ["U1"]
    assert client.usergroups_users_list(usergroup="S1")["users"] == ["U1"]
    with pytest.raises(SlackApiError) as missing:
        client.api_call("usergroups.users.list", params={})
    assert missing.value.response["error"] == "invalid_arguments"
    with pytest.raises(SlackApiError) as unknown:
        client.usergroups_users_list(usergroup="S404")
    assert unknown.value.response["error"] == "no_such_subteam"
    with pytest.raises(SlackApiError):
        client.api_call("users.info", params={})

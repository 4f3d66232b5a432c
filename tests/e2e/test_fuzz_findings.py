"""What the fuzz tests (test_fuzz.py) found, one small test each: bad input gets a clear,
short answer or a logged reason, never a crash, a stack trace or silence."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.standin import BOT_USER, TEAM
from storage.session import make_engine, upgrade
from tests.conftest import NOW, fresh_database_url
from tests.fakes.harness import CHANNEL, USER, Harness


def _post_raw(bot: Harness, body: str) -> tuple[int, dict[str, str]]:
    """A signed JSON post; the status and the response's headers."""
    import time
    import urllib.error
    import urllib.request

    stamp = str(int(time.time()))
    signature = bot.sender.verifier.generate_signature(timestamp=stamp, body=body) or ""
    request = urllib.request.Request(
        bot.server.url,
        data=body.encode(),
        method="POST",
        headers={
            "Content-Type": "application/json",
            "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": signature,
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}


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
            status, headers = _post_raw(bot, json.dumps(envelope))
        assert status == 400 and headers.get("x-slack-no-retry") == "1"
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


def _press(bot: Harness, action: dict[str, object]) -> list[str]:
    """A button press on a message in the channel; what the person was answered."""
    ts = bot.next_ts()
    payload = {
        "type": "block_actions",
        "user": {"id": USER, "team_id": TEAM},
        "team": {"id": TEAM},
        "channel": {"id": CHANNEL},
        "container": {"type": "message", "message_ts": ts, "channel_id": CHANNEL},
        "message": {"type": "message", "ts": ts, "text": "…"},
        "response_url": bot.standin.response_url("action"),
        "actions": [{"type": "button", "block_id": "b", **action}],
    }
    before = len(bot.standin.calls)
    status, _ = bot.sender.interaction(payload)
    bot.idle()
    assert status == 200
    return [
        c.args.get("text", "") for c in bot.standin.calls[before:] if c.method == "response_url"
    ]


@pytest.mark.parametrize(
    ("action", "answer"),
    [
        pytest.param(
            {"action_id": "done_1", "value": "abc"}, "Jeg kender ingen handling", id="done"
        ),
        pytest.param({"action_id": "undo_1", "value": "1e9"}, "kunne ikke læse", id="undo"),
        pytest.param(
            {"action_id": "import_date", "block_id": "date_1", "selected_date": "2024-02-30"},
            "kunne ikke læse",
            id="date",
        ),
        pytest.param({"action_id": "import_cancel"}, "kunne ikke læse", id="cancel-no-value"),
    ],
)
def test_a_button_with_a_value_that_is_not_a_number_gets_a_short_answer(
    bot: Harness, caplog: pytest.LogCaptureFixture, action: dict[str, object], answer: str
) -> None:
    """A value or date that is not one was a ValueError: a traceback at ERROR and "Beklager,
    det gik galt" for what was bad input."""
    with caplog.at_level(logging.WARNING):
        said = _press(bot, action)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
    assert len(said) == 1 and answer in said[0], said


def test_undo_on_a_message_the_bot_does_not_know_says_so(bot: Harness) -> None:
    """Undo on a message with no records behind it (another workspace's, or gone) was silence."""
    said = _press(bot, {"action_id": "undo_4242", "value": "4242"})
    assert said == ["Der er intet at fortryde her: jeg kender ikke den besked (længere)."]


def test_a_dialog_bolt_cannot_match_is_a_400_with_a_logged_reason(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """A view without its `type` made Bolt raise while matching listeners, and again in its
    own error handler: a bare traceback and "A server error occurred" (500)."""
    payload = {
        "type": "view_submission",
        "team": {"id": TEAM},
        "user": {"id": USER, "team_id": TEAM},
        "view": {"callback_id": "referat_import_modal", "private_metadata": "{}"},
    }
    with caplog.at_level(logging.WARNING):
        status, body = bot.sender.interaction(payload)
    assert (status, body) == (400, "malformed request")
    assert any("refused a malformed request" in m for m in _warnings(caplog))
    assert "Traceback" not in caplog.text


def _submit(bot: Harness, callback: str, metadata: str, values: object) -> dict[str, object]:
    payload = {
        "type": "view_submission",
        "team": {"id": TEAM},
        "user": {"id": USER, "team_id": TEAM},
        "view": {
            "type": "modal",
            "callback_id": callback,
            "private_metadata": metadata,
            "blocks": [{"type": "input", "block_id": "text"}],
            "state": {"values": values},
        },
    }
    status, body = bot.sender.interaction(payload)
    bot.idle()
    assert status == 200
    return json.loads(body) if body.strip() else {}


@pytest.mark.parametrize(
    ("metadata", "values"),
    [
        pytest.param("not json", {}, id="metadata-not-json"),
        pytest.param(json.dumps({"team": TEAM}), {}, id="metadata-without-channel"),
        pytest.param(
            json.dumps({"team": TEAM, "channel": CHANNEL, "ts": "1.2"}),
            {"kind": "decision", "text": ["x"]},
            id="state-of-wrong-types",
        ),
    ],
)
def test_a_dialog_that_cannot_be_read_stays_open_and_says_so(
    bot: Harness, caplog: pytest.LogCaptureFixture, metadata: str, values: object
) -> None:
    """Private metadata or state of the wrong shape was a KeyError, JSONDecodeError or
    AttributeError; the error handler then answered 200 with nothing, which closes the
    dialog without a word."""
    with caplog.at_level(logging.WARNING):
        answer = _submit(bot, "referat_record_modal", metadata, values)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
    assert answer["response_action"] == "errors", answer
    errors = answer["errors"]
    assert isinstance(errors, dict) and list(errors) == ["text"]
    if "ts" not in metadata:
        assert "kunne ikke læse" in errors["text"]
    assert _count(bot, "records") == 0


def test_a_message_shortcut_without_its_trigger_gets_a_short_answer(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """ "Registrér i referat" without a trigger id was a KeyError and "something went wrong"."""
    payload = {
        "type": "message_action",
        "callback_id": "referat_record_message",
        "team": {"id": TEAM},
        "user": {"id": USER},
        "channel": {"id": CHANNEL},
        "message": {"type": "message", "text": "Beslutning: x", "ts": bot.next_ts()},
        "response_url": bot.standin.response_url("shortcut"),
    }
    with caplog.at_level(logging.WARNING):
        status, _ = bot.sender.interaction(payload)
        bot.idle()
    assert status == 200
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
    said = [c.args["text"] for c in bot.posts("response_url")]
    assert len(said) == 1 and "kunne ikke læse" in said[0]


@pytest.fixture
def postgres_bot(tmp_path: Path) -> Iterator[Harness]:
    if not os.environ.get("TEST_DATABASE_URL"):
        pytest.skip("TEST_DATABASE_URL is not set: the PostgreSQL case is skipped")
    url = fresh_database_url("postgres", tmp_path)
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    harness = Harness.start(url, now=NOW)
    yield harness
    harness.stop()


@pytest.mark.parametrize("where", ["sqlite", "postgres"])
def test_a_nul_typed_in_the_record_dialog_is_left_out(
    request: pytest.FixtureRequest, where: str
) -> None:
    """PostgreSQL refuses NUL in text: a NUL typed in "Registrér i referat" was a DataError,
    a traceback and a dialog closed without a word."""
    bot: Harness = request.getfixturevalue("bot" if where == "sqlite" else "postgres_bot")
    meta = json.dumps({"team": TEAM, "channel": CHANNEL, "ts": bot.next_ts(), "user": USER})
    values = {
        "kind": {"value": {"selected_option": {"value": "decision"}}},
        "text": {"value": {"value": "Vi\x00 udvider\x07 rammeaftalen"}},
    }
    assert _submit(bot, "referat_record_modal", meta, values) == {}
    assert [d["text"] for d in bot.export()["decisions"]] == ["Vi udvider rammeaftalen"]


def test_confirm_on_a_preview_with_nothing_to_store_says_so(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """A preview that found nothing keeps its row (without a Confirm button); a Confirm for
    it anyway (a stale or forged press) was a ValueError and "something went wrong"."""
    from bot.deps import Scope
    from bot.services import importing

    pending = importing.create_pending(bot.deps, Scope(TEAM, CHANNEL), USER, "hej\nmed dig\n")
    with caplog.at_level(logging.WARNING):
        said = _press(bot, {"action_id": "import_confirm", "value": str(pending)})
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
    assert len(said) == 1 and "intet er gemt" in said[0], said
    assert _count(bot, "records") == 0

"""Fuzzing the bot as Slack would reach it (issue 11): slash-command text, event payloads
and interactivity payloads, mutated from the real samples, sent signed to the real app.

For every request:
- the HTTP answer is 200, or a 400 with the reason logged for a body Bolt itself cannot
  read (never a 500), and nothing is logged at ERROR (a listener that crashes on bad input
  is a bug even when the error handler catches it and answers "something went wrong");
- a person who asked (a command, a button, a dialog, a shortcut) gets an answer: the
  response body, a response_url post, an ephemeral message, an updated message or view;
- no answer carries a stack trace, and a command's answer never a live @channel/@here;
- nothing is half-written: every record has its history, and every message that
  recorded something has its thread reply posted (not missing, not left "pending").

One bot per database for the whole module (SQLite always, PostgreSQL when
TEST_DATABASE_URL is set); Hypothesis runs derandomized with a fixed number of examples
so CI sees the same inputs every time.
"""

from __future__ import annotations

import copy
import json
import logging
import os
import re
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from bot.parsing.lexicon import da, en
from bot.standin import BOT_USER, TEAM, Call
from storage.session import make_engine, upgrade
from tests.conftest import FIXTURES, NOW, _database_params, fresh_database_url
from tests.fakes.harness import CHANNEL, USER, Harness
from tests.fakes.payloads import event_from, load

FUZZ = settings(
    max_examples=int(os.environ.get("REFERAT_FUZZ_EXAMPLES", "100")),
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],  # each example is an HTTP round trip
)


# -- the bot, its logs and what it wrote ---------------------------------------------


class Collector(logging.Handler):
    """Every log record at WARNING or above, from any logger (Bolt's included)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(scope="module")
def logs() -> Iterator[Collector]:
    collector = Collector()
    root = logging.getLogger()
    old_level = root.level
    root.setLevel(min(old_level or logging.WARNING, logging.WARNING))
    root.addHandler(collector)
    yield collector
    root.removeHandler(collector)
    root.setLevel(old_level)


@pytest.fixture(scope="module", params=_database_params())
def fuzzed(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, logs: Collector
) -> Iterator[Harness]:
    url = fresh_database_url(str(request.param), tmp_path_factory.mktemp("fuzz"))
    if not url.startswith("sqlite"):
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
    bot = Harness.start(url, now=NOW)
    _seed(bot)
    logs.records.clear()
    yield bot
    bot.stop()


SEED_MESSAGES = (
    "Beslutning: Styregruppen godkender overgangsaftalen",
    "Handling: <@U0JENS> sender udkast til høring, frist fredag",
    "Næste møde: fredag 5. februar 2027 kl. 9-12 i Ringsted",
)


def _seed(bot: Harness) -> None:
    """A decision, an open action and a meeting, so ids and buttons point at something."""
    for line in SEED_MESSAGES:
        status, _ = bot.message(line)
        assert status == 200
    bot.command("dagsorden tilføj Budget 2027")


class Exchange:
    """One request and everything it caused: new calls on the stand-in, new log records."""

    def __init__(self, bot: Harness, logs: Collector) -> None:
        self.bot, self.logs = bot, logs
        self.calls_before = len(bot.standin.calls)
        logs.records.clear()
        self.status = 0
        self.body = ""

    @property
    def calls(self) -> list[Call]:
        with self.bot.standin._lock:
            return list(self.bot.standin.calls[self.calls_before :])

    def errors(self) -> list[str]:
        return [
            f"{r.name} {r.levelname}: {r.getMessage()}"
            + (
                f" ({r.exc_info[0].__name__}: {r.exc_info[1]})"
                if r.exc_info and r.exc_info[1]
                else ""
            )
            for r in self.logs.records
            if r.levelno >= logging.ERROR
        ]

    def texts(self) -> list[str]:
        """Everything shown to people: the response body and every call's arguments."""
        return [self.body, *(json.dumps(c.args, ensure_ascii=False) for c in self.calls)]

    def refused_with_reason(self) -> bool:
        """A 400 for a body Bolt itself cannot read, with the reason in the log."""
        return self.status == 400 and any(
            "refused a malformed request" in r.getMessage() for r in self.logs.records
        )

    def check(self, what: Any) -> None:
        assert self.status == 200 or self.refused_with_reason(), (
            self.status,
            self.body,
            self.errors(),
            what,
        )
        assert not self.errors(), (self.errors(), what)
        for shown in self.texts():
            assert "Traceback" not in shown, (shown[:2000], what)
        failed = [c for c in self.calls if c.result.get("ok") is False]
        assert not failed, ([(c.method, c.result, c.args) for c in failed], what)
        assert_nothing_half_written(self.bot)


BROADCASTS = ("<!channel", "<!here", "<!everyone")


def shown(node: Any) -> list[str]:
    """Every text a person reads in an answer (button values are not shown)."""
    if isinstance(node, str):
        try:
            node = json.loads(node)
        except ValueError:
            return []
    if isinstance(node, dict):
        found = [v for k, v in node.items() if k == "text" and isinstance(v, str)]
        return found + [t for k, v in node.items() if k != "value" for t in shown(v)]
    if isinstance(node, list):
        return [t for v in node for t in shown(v)]
    return []


PERSONAL = {
    "response_url",
    "chat.postEphemeral",
    "chat.postMessage",
    "chat.update",
    "views.open",
    "views.update",
    "views.push",
    "views.publish",
}


def answered(exchange: Exchange) -> bool:
    """The person saw something: the response body, or a call meant for them."""
    if exchange.refused_with_reason():  # Slack never sends what Bolt cannot read
        return True
    if exchange.body.strip():
        answer = json.loads(exchange.body)
        if answer.get("text") or answer.get("blocks") or answer.get("response_action"):
            return True
    return any(c.method in PERSONAL for c in exchange.calls)


def assert_nothing_half_written(bot: Harness) -> None:
    with bot.deps.sessions() as session:
        no_history = session.execute(
            text(
                "SELECT r.id FROM records r WHERE NOT EXISTS "
                "(SELECT 1 FROM record_changes c WHERE c.record_id = r.id)"
            )
        ).all()
        assert not no_history, f"records without history: {no_history}"
        unconfirmed = session.execute(
            text(
                "SELECT s.id, s.ts, s.reply_ts FROM source_messages s WHERE s.deleted = :no "
                "AND (s.reply_ts IS NULL OR s.reply_ts = 'pending') AND ("
                "EXISTS (SELECT 1 FROM records r WHERE r.source_id = s.id) OR "
                "EXISTS (SELECT 1 FROM meetings m WHERE m.source_id = s.id))"
            ),
            {"no": False},
        ).all()
        assert not unconfirmed, f"recorded but never confirmed in the thread: {unconfirmed}"
        owners = session.execute(
            text(
                "SELECT o.id FROM action_owners o LEFT JOIN records r ON r.id = o.record_id "
                "WHERE r.id IS NULL OR r.kind <> 'action'"
            )
        ).all()
        assert not owners, f"owners of no action: {owners}"


# -- what people type ------------------------------------------------------------------


def _words(module: Any) -> list[str]:
    words: set[str] = set()
    for names in module.SUBCOMMANDS.values():
        words.update(names)
    for name in ("ME", "OVERDUE", "SINCE", "ADD", "ON", "OFF", "CALENDAR_NEW"):
        words.update(getattr(module, name, ()))
    words.update(module.EXPORT_FORMATS)
    words.update(module.WEEKDAYS)
    words.update(module.MONTHS)
    return sorted(words)


WORDS = sorted({*_words(da), *_words(en)})
CONTROL = "".join(chr(c) for c in (*range(0, 32), 127, 0x85, 0x2028, 0x2029, 0xFEFF, 0x200B))
TOKENS = st.one_of(
    st.sampled_from(WORDS),
    st.integers(-(10**20), 10**20).map(str),
    st.sampled_from(
        ["#1", "#2", "1", "2", "0", "-1", "²", "١٢", "1e9", "0x10", "3.5", "99999999999"]
    ),
    st.sampled_from(
        [
            "5/2-2027",
            "2027-02-05",
            "31/2",
            "5. februar 2027",
            "kl. 9-12",
            "i morgen",
            "fredag",
            "29/2-2027",
            "0/0",
            "99/99-9999",
            "ultimo januar",
            "uge 53",
            "næste uge",
        ]
    ),
    st.sampled_from(
        [
            "<@U0JENS>",
            "<@U0ANNE|anne>",
            "<@W123>",
            "<@>",
            "<!channel>",
            "<!here>",
            "<!everyone>",
            "<!subteam^S0GRP>",
            "<!subteam^S0GRP|@styregruppen>",
            "<#C0STYRE|styregruppe>",
            "<https://example.org|link>",
            "&lt;@U1&gt;",
            "&amp;",
            "<",
            ">",
            "=",
            "@anne",
            "Lolland",
        ]
    ),
    st.text(alphabet=CONTROL, min_size=1, max_size=3),
    st.text(max_size=12),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=6),
)
COMMAND_TEXT = st.one_of(
    st.lists(TOKENS, max_size=7).map(" ".join),
    st.text(max_size=60),
    st.sampled_from(WORDS).flatmap(
        lambda w: st.integers(1, 20_000).map(lambda n: f"{w} {'x' * n}")
    ),
    st.just(""),
)


@FUZZ
@given(command=COMMAND_TEXT)
def test_any_command_text_gets_a_short_answer(
    fuzzed: Harness, logs: Collector, command: str
) -> None:
    bot = fuzzed
    exchange = Exchange(bot, logs)
    exchange.status, exchange.body = bot.sender.command(
        command, channel=CHANNEL, user=USER, response_url=bot.standin.response_url()
    )
    bot.idle()
    exchange.check(command)
    assert answered(exchange), (command, exchange.body, [c.method for c in exchange.calls])
    answers = shown(exchange.body) + [t for c in exchange.calls for t in shown(c.args)]
    pings = [t for t in answers if any(b in t for b in BROADCASTS)]
    assert not pings, (command, pings)  # what people typed is escaped, never a live @channel
    public = [
        t
        for c in exchange.calls
        if c.method in ("chat.update", "views.publish")
        or (c.method == "chat.postMessage" and not str(c.args.get("channel", "")).startswith("D"))
        for t in shown(c.args)
    ]
    mentions = [t for t in public if re.search(r"<@[UW]|<!subteam", t)]
    assert not mentions, (command, mentions)  # what others see names people, never pings


# -- mutating payloads -------------------------------------------------------------------

WRONG = st.one_of(
    st.sampled_from(
        [
            None,
            0,
            -1,
            1.5,
            True,
            False,
            10**20,
            [],
            {},
            [1, "x"],
            {"a": 1},
            "",
            "abc",
            "\x00",
            "1700000000.1.2",
            "-1",
            "nan",
            "inf",
            "1e309",
            "  ",
            "<!channel>",
            "1764000000",
        ]
    ),
    st.text(max_size=8),
    st.integers(1000, 60_000).map(lambda n: "9" * n),
)


def _paths(node: Any, prefix: tuple[Any, ...] = (), depth: int = 4) -> list[tuple[Any, ...]]:
    found: list[tuple[Any, ...]] = []
    if depth == 0:
        return found
    if isinstance(node, dict):
        for key, value in node.items():
            found.append((*prefix, key))
            found.extend(_paths(value, (*prefix, key), depth - 1))
    elif isinstance(node, list):
        for index, value in enumerate(node[:3]):
            found.append((*prefix, index))
            found.extend(_paths(value, (*prefix, index), depth - 1))
    return found


def mutate(data: st.DataObject, payload: dict[str, Any], keep: set[tuple[Any, ...]]) -> list[str]:
    """Drop fields and give others wrong types, in place; returns what was done."""
    done: list[str] = []
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        paths = [p for p in _paths(payload) if p not in keep]
        if not paths:
            break
        path = data.draw(st.sampled_from(paths), label="path")
        parent: Any = payload
        for step in path[:-1]:
            parent = parent[step]
        if data.draw(st.booleans(), label="drop"):
            if isinstance(parent, dict):
                del parent[path[-1]]
            else:
                parent.pop(path[-1])
            done.append(f"drop {path}")
        else:
            value = copy.deepcopy(data.draw(WRONG, label="value"))  # never the shared constant
            parent[path[-1]] = value
            done.append(f"{path} = {str(value)[:40]!r}")
    return done


RECORDING = st.sampled_from(
    [
        "Beslutning: Vi udvider rammeaftalen til 2027-2028",
        "Handling: <@U0BO> indkalder sundhedsklyngerne. Ansvarlig: Lolland. Frist: 15/12",
        "Næste møde: 14/1-2027 kl. 10-12 i Sorø",
        "Dagsorden: Temadrøftelse om hjemløseområdet",
        "Handling: send referat, frist 31/2",
        "hvornår er næste møde?",
        "<@U0REFERAT> hvornår er næste møde?",
        "referat",
        "",
    ]
)

EVENT_SAMPLES = (
    "message.json",
    "message_rich_text.json",
    "message_thread_reply_composed.json",
    "message_thread_broadcast.json",
    "message_file_share.json",
    "message_im.json",
    "message_bot.json",
    "app_mention.json",
    "message_changed_edit.json",
    "message_changed_unfurl.json",
    "message_deleted.json",
    "app_home_opened.json",
)


def _base_event(bot: Harness, name: str, text_: str) -> dict[str, Any]:
    ts = bot.next_ts()
    if name == "member_joined_channel":
        return {
            "type": name,
            "user": "U0BO",
            "channel": CHANNEL,
            "channel_type": "C",
            "team": TEAM,
            "event_ts": ts,
        }
    if name == "tokens_revoked":
        return {"type": name, "tokens": {"oauth": [], "bot": [BOT_USER]}, "event_ts": ts}
    if name == "app_rate_limited":
        return {"type": name}
    event = event_from(FIXTURES, name)
    if name == "message_im.json":
        event["channel"] = "D0ANNE"
    if "text" in event:
        event["text"] = text_
    for key in ("ts", "event_ts"):
        if key in event:
            event[key] = ts
    if isinstance(event.get("message"), dict):
        event["message"].update(text=text_, ts=ts)
        event["message"].pop("bot_id", None)
        event["message"]["edited"] = {"user": USER, "ts": bot.next_ts()}
    for file in event.get("files") or []:  # files come from the stand-in, never the network
        url = bot.standin.add_file(f"{ts}.txt", f"{text_}\n".encode())
        file.update(url_private=url, url_private_download=url, name="referat.txt")
    if "deleted_ts" in event:
        event["deleted_ts"] = ts
    if "user" in event and isinstance(event["user"], str) and name != "app_home_opened.json":
        event["user"] = USER
    return event


EVENT_NAMES = st.sampled_from(
    [*EVENT_SAMPLES, "member_joined_channel", "tokens_revoked", "app_rate_limited"]
)
ROUTING = {("type",)}  # an event of a type the app never subscribed to is not Slack's


@FUZZ
@given(name=EVENT_NAMES, words=RECORDING, data=st.data())
def test_mutated_events_neither_crash_nor_half_write(
    fuzzed: Harness, logs: Collector, name: str, words: str, data: st.DataObject
) -> None:
    bot = fuzzed
    event = _base_event(bot, name, words)
    done = mutate(data, event, ROUTING)
    exchange = Exchange(bot, logs)
    exchange.status, exchange.body = bot.sender.event(event)
    bot.idle()
    exchange.check((name, done, event))


@FUZZ
@given(data=st.data())
def test_mutated_event_envelopes_are_answered_200(
    fuzzed: Harness, logs: Collector, data: st.DataObject
) -> None:
    """The event_callback around the event: ids, team, authorizations of the wrong type."""
    bot = fuzzed
    ts = bot.next_ts()
    envelope = {
        "token": "unused",
        "team_id": TEAM,
        "api_app_id": "A0LOCAL",
        "event": {
            "type": "message",
            "text": data.draw(RECORDING),
            "user": USER,
            "ts": ts,
            "channel": CHANNEL,
            "event_ts": ts,
            "channel_type": "channel",
        },
        "type": "event_callback",
        "event_id": f"EvFUZZ{ts}",
        "event_time": 1764000000,
        "authorizations": [{"team_id": TEAM, "user_id": BOT_USER, "is_bot": True}],
    }
    keep = {("type",), ("event",), ("event", "type")} | {
        p for p in _paths(envelope) if p[:1] == ("event",) and len(p) > 1
    }
    done = mutate(data, envelope, keep)
    exchange = Exchange(bot, logs)
    exchange.status, exchange.body = bot.sender.post(json.dumps(envelope), "application/json")
    bot.idle()
    exchange.check((done, envelope))


# -- interactivity -------------------------------------------------------------------------


def _ids(bot: Harness) -> dict[str, str]:
    with bot.deps.sessions() as session:
        action = session.execute(text("SELECT min(id) FROM records WHERE kind = 'action'")).scalar()
        source = session.execute(text("SELECT min(id) FROM source_messages")).scalar()
    return {"action": str(action), "source": str(source)}


def _block_action(bot: Harness, action_id: str, value: str, container: str) -> dict[str, Any]:
    sample = load(FIXTURES, "block_actions.json")
    payload = copy.deepcopy(sample)
    ts = bot.next_ts()
    payload["user"] = {"id": USER, "username": "anne", "name": "anne", "team_id": TEAM}
    payload["team"] = {"id": TEAM, "domain": "referat-local"}
    payload["channel"] = {"id": CHANNEL, "name": "styregruppe"}
    payload["container"] = {
        "type": "message",
        "message_ts": ts,
        "channel_id": CHANNEL,
        "is_ephemeral": False,
        "thread_ts": ts,
    }
    payload["message"] = {"type": "message", "ts": ts, "thread_ts": ts, "text": "…"}
    if container == "view":
        payload["container"] = {"type": "view", "view_id": "V0HOME"}
        payload.pop("channel")
        payload.pop("message")
        payload.pop("response_url")
    payload["response_url"] = bot.standin.response_url("action")
    action: dict[str, Any] = {
        "action_id": action_id,
        "block_id": "b",
        "type": "button",
        "value": value,
        "text": {"type": "plain_text", "text": "x"},
        "action_ts": ts,
    }
    if action_id == "import_date":
        action = {
            "action_id": action_id,
            "block_id": f"date_{value}",
            "type": "datepicker",
            "selected_date": "2024-01-05",
            "action_ts": ts,
        }
    payload["actions"] = [action]
    return payload


BUTTONS = st.sampled_from(
    ["done", "reopen", "undo", "share", "import_confirm", "import_cancel", "import_date"]
)


@FUZZ
@given(button=BUTTONS, on_home=st.booleans(), data=st.data())
def test_mutated_button_presses_are_answered(
    fuzzed: Harness, logs: Collector, button: str, on_home: bool, data: st.DataObject
) -> None:
    bot = fuzzed
    # the Home tab has only Done and Reopen, and its presses come without a response_url
    container = "view" if on_home and button in ("done", "reopen") else "message"
    ids = _ids(bot)
    value = {
        "done": ids["action"],
        "reopen": ids["action"],
        "undo": ids["source"],
        "share": "næste-møde",
    }.get(button, "1")
    action_id = f"{button}_{value}" if button in ("done", "reopen", "undo") else button
    payload = _block_action(bot, action_id, value, container)
    keep = {("type",), ("actions",), ("actions", 0), ("actions", 0, "action_id")}
    if container == "message":  # Slack always sends one with a button on a message
        keep.add(("response_url",))
    else:  # without its container a Home press looks like one on a message
        keep.update({("container",), ("container", "type"), ("user",), ("user", "id")})
    done = mutate(data, payload, keep)
    exchange = Exchange(bot, logs)
    exchange.status, exchange.body = bot.sender.interaction(payload)
    bot.idle()
    exchange.check((done, payload))
    assert answered(exchange), (done, payload, [c.method for c in exchange.calls])


def _view_submission(bot: Harness, callback: str, data: st.DataObject) -> dict[str, Any]:
    payload = copy.deepcopy(load(FIXTURES, "view_submission.json"))
    payload["team"] = {"id": TEAM, "domain": "referat-local"}
    payload["user"] = {"id": USER, "username": "anne", "name": "anne", "team_id": TEAM}
    view = payload["view"]
    view["team_id"] = TEAM
    view["callback_id"] = callback
    ts = bot.next_ts()
    view["private_metadata"] = json.dumps(
        {"team": TEAM, "channel": CHANNEL, "ts": ts, "thread_ts": None, "user": USER}
    )
    words = data.draw(st.one_of(RECORDING, COMMAND_TEXT), label="typed")
    if callback == "referat_record_modal":
        kind = data.draw(st.sampled_from(["decision", "action"]), label="kind")
        view["state"] = {
            "values": {
                "kind": {"value": {"type": "radio_buttons", "selected_option": {"value": kind}}},
                "text": {"value": {"type": "plain_text_input", "value": words}},
                "owners": {"value": {"type": "plain_text_input", "value": data.draw(TOKENS)}},
                "due": {"value": {"type": "plain_text_input", "value": data.draw(TOKENS)}},
            }
        }
    else:
        view["state"] = {
            "values": {
                "minutes": {"value": {"type": "plain_text_input", "value": words}},
                "file": {"value": {"type": "file_input", "files": []}},
            }
        }
    return payload


@FUZZ
@given(callback=st.sampled_from(["referat_record_modal", "referat_import_modal"]), data=st.data())
def test_mutated_dialog_submissions_are_answered(
    fuzzed: Harness, logs: Collector, callback: str, data: st.DataObject
) -> None:
    bot = fuzzed
    payload = _view_submission(bot, callback, data)
    keep = {("type",), ("view",), ("view", "callback_id")}
    done = mutate(data, payload, keep) if data.draw(st.booleans(), label="mutate") else []
    exchange = Exchange(bot, logs)
    exchange.status, exchange.body = bot.sender.interaction(payload)
    bot.idle()
    exchange.check((done, payload))
    assert answered(exchange), (done, payload, exchange.body, [c.method for c in exchange.calls])


@FUZZ
@given(words=RECORDING, data=st.data())
def test_mutated_message_shortcuts_are_answered(
    fuzzed: Harness, logs: Collector, words: str, data: st.DataObject
) -> None:
    bot = fuzzed
    payload = copy.deepcopy(load(FIXTURES, "message_action.json"))
    ts = bot.next_ts()
    payload.update(
        callback_id="referat_record_message",
        team={"id": TEAM, "domain": "referat-local"},
        user={"id": USER, "name": "anne"},
        channel={"id": CHANNEL, "name": "styregruppe"},
        trigger_id=f"{ts}.fuzz.trigger",
        message_ts=ts,
        response_url=bot.standin.response_url("shortcut"),
    )
    payload["message"].update(text=words, ts=ts, user=USER, team=TEAM)
    done = mutate(data, payload, {("type",), ("callback_id",), ("response_url",)})
    exchange = Exchange(bot, logs)
    exchange.status, exchange.body = bot.sender.interaction(payload)
    bot.idle()
    exchange.check((done, payload))
    assert answered(exchange), (done, payload, [c.method for c in exchange.calls])


def test_the_samples_unmutated_do_what_they_say(fuzzed: Harness, logs: Collector) -> None:
    """The mutations above are only worth something if the samples they start from reach
    the listeners that record: an unmutated message records and is confirmed in its thread."""
    bot = fuzzed
    event = _base_event(bot, "message_rich_text.json", "Beslutning: Fuzzing virker")
    exchange = Exchange(bot, logs)
    exchange.status, exchange.body = bot.sender.event(event)
    bot.idle()
    exchange.check(event)
    assert [c.args["thread_ts"] for c in exchange.calls if c.method == "chat.postMessage"] == [
        event["ts"]
    ]
    assert any(d["text"] == "Fuzzing virker" for d in bot.export()["decisions"])

"""A command replayed changes data once; a message that records and mentions the bot gets
one reply, not two."""

from __future__ import annotations

import json
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.session import make_engine, upgrade
from tests.conftest import NOW, _database_params, fresh_database_url
from tests.fakes.harness import Harness


@pytest.fixture(params=_database_params())
def bot(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Harness]:
    """The real app on SQLite and on PostgreSQL: deduplication is the database's work."""
    url = fresh_database_url(str(request.param), tmp_path)
    if not url.startswith("sqlite"):
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
    harness = Harness.start(url, now=NOW)
    yield harness
    harness.stop()


def test_a_replayed_command_adds_one_agenda_item(bot: Harness) -> None:
    bot.command("møde 5/2-2027 kl. 9-12 Ringsted")
    form = urllib.parse.urlencode(
        {
            "team_id": "T0LOCAL",
            "channel_id": "C0STYRE",
            "user_id": "U0LOCAL",
            "command": "/referat",
            "text": "dagsorden tilføj Temadrøftelse",
            "response_url": bot.standin.response_url("cmd"),
            "trigger_id": "4242.local.trigger",
        }
    )
    stamp = int(time.time())  # one signed request, sent three times
    answers = [
        bot.sender.post(form, "application/x-www-form-urlencoded", timestamp=stamp)
        for _ in range(3)
    ]
    assert [status for status, _ in answers] == [200, 200, 200]
    said = [json.loads(body)["text"] for _, body in answers]
    assert "allerede udført" not in said[0]
    assert "allerede udført" in said[1] and "allerede udført" in said[2]
    [meeting] = bot.export()["meetings"]
    assert [a["title"] for a in meeting["agenda"]] == ["Temadrøftelse"]


def test_a_message_that_records_and_mentions_the_bot_gets_one_reply(bot: Harness) -> None:
    text = "Beslutning: Budgettet godkendes <@U0REFERAT>"
    _, ts = bot.message(text)
    bot.event(
        {
            "type": "app_mention",
            "user": "U0LOCAL",
            "text": text,
            "ts": ts,
            "channel": "C0STYRE",
            "event_ts": ts,
        }
    )
    bot.idle()
    replies = [c for c in bot.posts() if c.args.get("thread_ts") == ts]
    assert len(replies) == 1 and "Registreret" in replies[0].args["text"]


def test_a_retried_mention_is_answered_once(bot: Harness) -> None:
    ts = bot.next_ts()
    event = {
        "type": "app_mention",
        "user": "U0LOCAL",
        "text": "<@U0REFERAT> hvad er åbent?",
        "ts": ts,
        "channel": "C0STYRE",
        "event_ts": ts,
    }
    bot.event(event, event_id="Ev0TWICE")
    bot.event(event, event_id="Ev0TWICE", headers={"X-Slack-Retry-Num": "1"})
    bot.idle()
    assert len([c for c in bot.posts() if c.args.get("thread_ts") == ts]) == 1

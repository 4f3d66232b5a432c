"""A confirmation that was claimed and never posted (Slack failed for a moment, the process
died, the database blipped between posting and noting the post) is retried by the
scheduler until posted, and never posted twice."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from sqlalchemy.exc import OperationalError

from storage import sources
from storage.models import SourceMessage
from tests.e2e.test_digest import _scheduler
from tests.fakes.harness import CHANNEL, Harness


def _replies(bot: Harness) -> list[str]:
    return [
        c.args["text"]
        for c in bot.posts()
        if c.args.get("channel") == CHANNEL and c.args.get("thread_ts") and c.result.get("ok")
    ]


def _reply_ts(bot: Harness) -> list[str | None]:
    with bot.deps.unit() as unit:
        return [s.reply_ts for s in unit.session.query(SourceMessage).order_by(SourceMessage.id)]


def test_a_reply_slack_refused_for_a_moment_is_posted_by_the_next_pass(bot: Harness) -> None:
    bot.standin.fail_next("chat.postMessage", status=200, error="service_unavailable")
    bot.message("Beslutning: Budgettet godkendes")
    assert _replies(bot) == [] and _reply_ts(bot) == ["pending"]
    now = bot.deps.now()
    _scheduler(bot, now + timedelta(seconds=30)).run_once()
    assert _replies(bot) == []  # a claim this fresh may still be in hand
    report = _scheduler(bot, now + timedelta(minutes=3)).run_once()
    assert report.replies_retried == 1
    [reply] = _replies(bot)
    assert "Budgettet godkendes" in reply
    assert _reply_ts(bot) not in (["pending"], [None])
    _scheduler(bot, now + timedelta(minutes=10)).run_once()
    assert len(_replies(bot)) == 1  # posted once, not again


def test_a_post_whose_ts_was_not_saved_is_found_not_posted_twice(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = sources.save_reply

    def blip(*args: object, **kwargs: object) -> None:
        monkeypatch.setattr(sources, "save_reply", real)
        raise OperationalError("UPDATE source_messages", {}, Exception("server closed"))

    monkeypatch.setattr(sources, "save_reply", blip)
    bot.message("Beslutning: Budgettet godkendes")
    assert len(_replies(bot)) == 1 and _reply_ts(bot) == ["pending"]
    _scheduler(bot, bot.deps.now() + timedelta(minutes=3)).run_once()
    assert len(_replies(bot)) == 1  # found in the thread by its metadata
    [posted] = [c for c in bot.posts() if c.args.get("thread_ts")]
    assert _reply_ts(bot) == [posted.result["ts"]]
    # the reply is known again: an edit updates it instead of posting a second one
    bot.event(
        {
            "type": "message",
            "subtype": "message_changed",
            "channel": CHANNEL,
            "ts": bot.next_ts(),
            "message": {
                "type": "message",
                "user": "U0ANNE",
                "text": "Beslutning: Budgettet godkendes med ændringer",
                "ts": _source_ts(bot),
                "edited": {"user": "U0ANNE", "ts": bot.next_ts()},
            },
        }
    )
    assert len(_replies(bot)) == 1
    assert "med ændringer" in bot.posts("chat.update")[-1].args["text"]


def test_a_reply_slack_will_never_take_is_given_up(bot: Harness) -> None:
    bot.standin.fail_next("chat.postMessage", status=200, error="channel_not_found")
    bot.message("Beslutning: Budgettet godkendes")
    assert _reply_ts(bot) == [None]  # released at once: no retry against a missing channel
    _scheduler(bot, bot.deps.now() + timedelta(minutes=3)).run_once()
    assert _replies(bot) == []


def _source_ts(bot: Harness) -> str:
    with bot.deps.unit() as unit:
        return str(unit.session.query(SourceMessage.ts).scalar())


def test_each_scheduler_pass_removes_expired_install_states(bot: Harness) -> None:
    from sqlalchemy import insert, select

    from storage.base import Base

    states = Base.metadata.tables["slack_oauth_states"]
    naive = bot.deps.now().astimezone(UTC).replace(tzinfo=None)
    with bot.deps.unit() as unit:  # two anonymous visits to the install page
        unit.session.execute(
            insert(states),
            [
                {"state": "expired", "expire_at": naive - timedelta(minutes=1)},
                {"state": "valid", "expire_at": naive + timedelta(minutes=10)},
            ],
        )
    _scheduler(bot, bot.deps.now()).run_once()
    with bot.deps.unit() as unit:
        assert list(unit.session.scalars(select(states.c.state))) == ["valid"]

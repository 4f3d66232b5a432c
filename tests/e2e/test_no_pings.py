"""People and groups named in records are shown by name, never pinged, in everything the
channel sees: the thread reply, the weekly digest, the pre-meeting notice, App Home and
answers posted in the channel, and reminders in a person's DM (the DM itself reaches the
person). Text typed to look like a mention, and file names, come back as text."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from tests.e2e.test_digest import _scheduler
from tests.fakes.harness import CHANNEL, USER, Harness
from tests.fakes.payloads import load

CPH = ZoneInfo("Europe/Copenhagen")
LIVE = re.compile(r"<@[UW][A-Z0-9]+(\|[^>]*)?>|<!subteam\^|<!channel>|<!here>|<!everyone>")


def _group(bot: Harness) -> None:
    bot.standin.groups["S0STYRE"] = {
        "handle": "styregruppen",
        "name": "Styregruppen",
        "users": ["U0ANNE", "U0BO"],
    }


def _shown(call: Any) -> str:
    """Everything Slack would render of a call: text, blocks and a Home view."""
    return json.dumps({k: call.args.get(k) for k in ("text", "blocks", "view")}, ensure_ascii=False)


def _seen_by_others(bot: Harness) -> list[Any]:
    methods = ("chat.postMessage", "chat.update", "views.publish")
    return [
        c
        for m in methods
        for c in bot.standin.calls_to(m)
        if not str(c.args.get("channel", "")).startswith("D")
    ]


def test_nothing_the_channel_sees_pings_the_people_and_groups_it_names(bot: Harness) -> None:
    _group(bot)
    bot.command("møde 7/12-2026 kl. 9-12 Ringsted")  # a Monday
    bot.message("Beslutning: <@U0ANNE> og <!subteam^S0STYRE|@styregruppen> godkender budgettet")
    bot.message("Handling: <@U0JENS> sender udkast til høring, frist 4/12")
    bot.message("Handling: <!subteam^S0STYRE|@styregruppen> læser korrektur, frist 4/12")
    bot.message("Dagsorden: Budget 2027")
    monday = datetime(2026, 11, 30, 8, 5, tzinfo=CPH)
    _scheduler(bot, monday).run_once()  # the weekly digest
    _scheduler(bot, datetime(2026, 12, 3, 8, 5, tzinfo=CPH)).run_once()  # reminders
    _scheduler(bot, datetime(2026, 12, 4, 8, 5, tzinfo=CPH)).run_once()  # the notice
    bot.event(
        {
            "type": "app_mention",
            "text": "<@U0REFERAT> hvad er åbent?",
            "user": USER,
            "ts": (ts := bot.next_ts()),
            "channel": CHANNEL,
            "event_ts": ts,
        }
    )
    bot.standin.members[CHANNEL] = ["U0JENS", USER]
    bot.event(
        {"type": "app_home_opened", "user": "U0JENS", "channel": "D0H", "tab": "home",
         "event_ts": bot.next_ts()}
    )  # fmt: skip
    seen = _seen_by_others(bot)
    kinds = " ".join(_shown(c) for c in seen)
    assert "overblik" in kinds and "Møde om 3 dage" in kinds  # digest and notice were posted
    assert any(c.method == "views.publish" for c in seen)
    for call in seen:
        assert not LIVE.search(_shown(call)), (call.method, _shown(call)[:400])
    everything = " ".join(_shown(c) for c in seen)
    assert "@Jens B." in everything and "@Anne" in everything and "@styregruppen" in everything
    reminders = [
        c for c in bot.standin.calls_to("chat.postMessage") if c.args["channel"] == "D0JENS"
    ]
    assert len(reminders) == 1  # the DM itself reaches Jens; names in it ping nobody
    assert "sender udkast til høring" in reminders[0].args["text"]
    assert not LIVE.search(_shown(reminders[0]))


def test_text_typed_to_look_like_a_mention_stays_text(bot: Harness) -> None:
    # Slack sends what a person typed as `<@U0BO>` and `<!channel>` escaped
    bot.message("Beslutning: &lt;@U0BO&gt; og &lt;!channel&gt; skal ikke kaldes")
    [reply] = bot.posts()
    assert not LIVE.search(_shown(reply))
    assert "&lt;!channel&gt;" in reply.args["text"]


def test_a_file_name_is_shown_as_text(bot: Harness, shared: Path) -> None:
    name = "referat <!channel> <@U0BO>.txt"
    text = (shared / "seeds" / "001_46fb85d102563d28.txt").read_text()
    url = bot.standin.add_file(name, text.encode("utf-8"))
    event = load(shared, "message_file_share.json")["event"]
    event.update({"channel": CHANNEL, "user": USER, "text": "referat", "ts": bot.next_ts()})
    event["files"] = [{**event["files"][0], "name": name, "url_private_download": url}]
    assert bot.event(event) == 200
    said = [c.args["text"] for c in bot.standin.calls_to("chat.postEphemeral")]
    assert said[0] == "Læser referat &lt;!channel&gt; &lt;@U0BO&gt;.txt …"
    assert not any(LIVE.search(s) for s in said)


def test_an_answer_for_everyone_names_people_by_name(bot: Harness) -> None:
    bot.command("ansvarlig Lolland = <@U0JENS|jens>")
    moved = bot.command("ansvarlig Lolland = <@U0ANNE|anne>")
    assert moved["response_type"] == "in_channel"
    assert "@Anne" in moved["text"] and not LIVE.search(json.dumps(moved))

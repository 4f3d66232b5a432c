"""A channel's records are shown outside it (App Home) only to its members, as Slack says;
an owner-name mapping cannot pull in a channel the person is not in."""

from __future__ import annotations

from typing import Any

from tests.fakes.harness import USER, Harness

PRIVATE = "C0PRIVAT"


def home_texts(bot: Harness, user: str) -> list[str]:
    bot.event(
        {
            "type": "app_home_opened",
            "user": user,
            "channel": "D0H",
            "tab": "home",
            "event_ts": bot.next_ts(),
        }
    )
    view: dict[str, Any] = bot.standin.calls_to("views.publish")[-1].args["view"]
    return [b["text"]["text"] for b in view["blocks"] if b["type"] == "section"]


def test_a_name_mapping_does_not_show_a_private_channel_to_a_non_member(bot: Harness) -> None:
    bot.standin.members[PRIVATE] = ["U0JENS"]  # Anne is not in the private channel
    bot.message(
        "Handling: Lolland sender HEMMELIG udkast, frist 15/12", channel=PRIVATE, user="U0JENS"
    )
    bot.message("Næste møde: 10/12 kl. 9-12 i det hemmelige lokale", channel=PRIVATE, user="U0JENS")
    bot.message("Handling: Lolland indkalder klyngerne, frist 16/12")  # Anne's own channel
    bot.command("ansvarlig Lolland = <@U0ANNE|anne>")
    anne = "\n".join(home_texts(bot, USER))
    assert "indkalder klyngerne" in anne
    assert "HEMMELIG" not in anne and "hemmelige lokale" not in anne
    bot.command("ansvarlig Lolland = <@U0JENS|jens>")
    jens = "\n".join(home_texts(bot, "U0JENS"))
    assert "HEMMELIG" in jens  # a member sees it


def test_a_person_who_leaves_the_channel_stops_seeing_its_records(bot: Harness) -> None:
    bot.message("Handling: <@U0ANNE> sender udkast, frist 15/12")
    assert any("sender udkast" in t for t in home_texts(bot, USER))
    bot.event(
        {
            "type": "member_left_channel",
            "user": USER,
            "channel": "C0STYRE",
            "event_ts": bot.next_ts(),
        }
    )
    assert not any("sender udkast" in t for t in home_texts(bot, USER))
    bot.event(
        {
            "type": "member_joined_channel",
            "user": USER,
            "channel": "C0STYRE",
            "event_ts": bot.next_ts(),
        }
    )
    assert any("sender udkast" in t for t in home_texts(bot, USER))


def test_when_slack_will_not_say_who_is_in_a_channel_nothing_of_it_is_shown(
    bot: Harness,
) -> None:
    bot.message("Handling: <@U0ANNE> sender udkast, frist 15/12", channel="C0GONE")
    bot.standin.fail_next("conversations.members", status=200, error="channel_not_found")
    assert not any("sender udkast" in t for t in home_texts(bot, USER))


def test_reminders_leave_out_channels_the_person_is_not_in(bot: Harness) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from tests.e2e.test_digest import _scheduler

    bot.standin.members[PRIVATE] = ["U0JENS"]
    bot.message(
        "Handling: Lolland sender HEMMELIG notat, frist 24/11", channel=PRIVATE, user="U0JENS"
    )
    bot.message("Handling: Lolland sender åbent notat, frist 24/11")
    bot.command("ansvarlig Lolland = <@U0ANNE|anne>")
    monday = datetime(2026, 11, 23, 8, 5, tzinfo=ZoneInfo("Europe/Copenhagen"))
    _scheduler(bot, monday).run_once()
    dms = [
        c.args["text"]
        for c in bot.standin.calls_to("chat.postMessage")
        if c.args["channel"] == "D0ANNE"
    ]
    assert len(dms) == 1
    assert "åbent notat" in dms[0] and "HEMMELIG" not in dms[0]


def test_moving_a_name_to_another_person_is_said_and_the_previous_person_told(
    bot: Harness,
) -> None:
    first = bot.command("ansvarlig Lolland = <@U0JENS|jens>")
    assert first["response_type"] == "ephemeral"  # a new mapping: only the person sees it
    moved = bot.command("ansvarlig Lolland = <@U0ANNE|anne>")
    assert moved["response_type"] == "in_channel"  # a moved one: the channel sees it
    assert "i stedet for hos @Jens B." in moved["text"] and "<@" not in str(moved)
    bot.idle()
    told = [c for c in bot.standin.calls_to("chat.postMessage") if c.args["channel"] == "D0JENS"]
    assert len(told) == 1 and "fra dig til @Anne" in told[0].args["text"]


def _method_calls(bot: Harness) -> list[str]:
    return [c.method for c in bot.standin.calls]


def test_app_home_is_published_from_the_cache_before_slack_is_asked(bot: Harness) -> None:
    bot.message("Handling: <@U0ANNE> sender udkast, frist 15/12")
    before = len(bot.standin.calls)
    texts = home_texts(bot, USER)
    opened = _method_calls(bot)[before:]
    # the first publish comes first: nothing of a channel never read, and no Slack call
    # on the way to it; the channel's members are read after it and the tab published again
    assert opened[0] == "views.publish"
    assert opened.count("conversations.members") == 1 and opened[-1] == "views.publish"
    first = bot.standin.calls_to("views.publish")[-2].args["view"]
    assert "sender udkast" not in str(first)
    assert any("sender udkast" in t for t in texts)
    before = len(bot.standin.calls)
    assert any("sender udkast" in t for t in home_texts(bot, USER))
    assert _method_calls(bot)[before:] == ["views.publish"]  # the cache, read once, is enough


def test_a_member_list_not_read_for_too_long_shows_nothing_until_read_again(
    bot: Harness,
) -> None:
    from sqlalchemy import update

    from bot.services import membership
    from bot.services.home import home_view
    from storage.models import Channel
    from tests.e2e.test_digest import _scheduler

    bot.message("Handling: <@U0ANNE> sender udkast, frist 15/12")
    assert any("sender udkast" in t for t in home_texts(bot, USER))
    old = bot.now - membership.TRUSTED_FOR - membership.REFRESH_AFTER
    with bot.deps.unit() as unit:
        unit.session.execute(update(Channel).values(members_fetched_at=old))
    # the request alone (no read from Slack) fails closed
    assert "sender udkast" not in str(home_view(bot.deps, bot.sender.team_id, USER))
    before = len(bot.standin.calls_to("conversations.members"))
    _scheduler(bot, bot.now).run_once()  # the worker reads the list again
    assert len(bot.standin.calls_to("conversations.members")) == before + 1
    assert "sender udkast" in str(home_view(bot.deps, bot.sender.team_id, USER))

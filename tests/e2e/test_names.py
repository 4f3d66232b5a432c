"""Names, not ids: people by their Slack display name (users.info, cached and refreshed),
user groups by their handle (usergroups.list), and reminders that reach the members of a
user group named as owner (usergroups.users.list)."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import event

from bot import directory
from bot.domain.names import Names, RecentNames
from tests.e2e.test_asking import _uploaded_bytes
from tests.e2e.test_digest import _scheduler
from tests.fakes.harness import Harness

CPH = ZoneInfo("Europe/Copenhagen")


def _csv_rows(bot: Harness) -> list[dict[str, str]]:
    bot.command("eksport csv")
    _, data = _uploaded_bytes(bot)
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def _group(bot: Harness) -> None:
    bot.standin.groups["S0STYRE"] = {
        "handle": "styregruppen",
        "name": "Styregruppen",
        "users": ["U0ANNE", "U0BO"],
    }


def test_exports_show_display_names_fetched_once_and_cached(bot: Harness) -> None:
    _group(bot)
    bot.message("Handling: <@U0JENS> sender udkast til høring, frist fredag")
    bot.message("Handling: <!subteam^S0STYRE|@styregruppen> sender budget, frist 30/11")
    bot.message("Handling: laver plan. Ansvarlig: <@U0BO>, Køge. Frist: 1/12")
    rows = _csv_rows(bot)
    owners = {r["Tekst"]: r["Ansvarlig"] for r in rows}
    assert owners == {
        "sender udkast til høring": "Jens B.",
        "sender budget": "@styregruppen",
        "laver plan": "Bo Lind; Køge",  # no display name: the full name
    }
    assert "U0" not in "".join(owners.values())
    asked = sorted(c.args["user"] for c in bot.standin.calls_to("users.info"))
    assert asked == ["U0ANNE", "U0BO", "U0JENS"]  # the author too: once each
    assert len(bot.standin.calls_to("usergroups.list")) == 1
    _csv_rows(bot)
    bot.command("eksport referat 23/11-2026")  # no such meeting: nothing to fetch for
    assert len(bot.standin.calls_to("users.info")) == 3  # cached: no call per row or export
    assert len(bot.standin.calls_to("usergroups.list")) == 1
    exported = bot.export()
    assert [a["owners"] for a in exported["actions"]][0] == ["Jens B."]


def test_a_cached_name_is_refreshed_after_a_week(bot: Harness) -> None:
    bot.message("Handling: <@U0JENS> sender udkast, frist fredag")
    _csv_rows(bot)
    bot.standin.users["U0JENS"] = {"real_name": "Jens Berg", "display_name": "Jens"}
    later = bot.now + directory.REFRESH_AFTER + timedelta(hours=1)
    from bot.clock import fixed_clock

    bot.deps.clock = fixed_clock(later)
    rows = _csv_rows(bot)
    assert rows[0]["Ansvarlig"] == "Jens"


def test_reminders_reach_the_members_of_a_user_group(bot: Harness) -> None:
    _group(bot)
    bot.message("Handling: <!subteam^S0STYRE|@styregruppen> sender budget, frist 1/12")
    monday = datetime(2026, 11, 30, 8, 5, tzinfo=CPH)  # the working day before 1/12
    _scheduler(bot, monday).run_once()
    dms = sorted(
        c.args["channel"]
        for c in bot.standin.calls_to("chat.postMessage")
        if c.args["channel"].startswith("D")
    )
    assert dms == ["D0ANNE", "D0BO"]
    [asked] = bot.standin.calls_to("usergroups.users.list")
    assert asked.args["usergroup"] == "S0STYRE"
    _scheduler(bot, monday + timedelta(minutes=5)).run_once()
    assert len(bot.standin.calls_to("usergroups.users.list")) == 1  # members are cached


def test_the_digest_names_people_without_pinging_them(bot: Harness) -> None:
    bot.message("Handling: <@U0JENS> sender udkast til høring, frist 2/12")
    _scheduler(bot, datetime(2026, 11, 30, 8, 0, tzinfo=CPH)).run_once()
    [digest] = [
        c.args["text"]
        for c in bot.standin.calls_to("chat.postMessage")
        if "overblik" in c.args["text"]
    ]
    assert "_Jens B._" in digest and "<@U0JENS>" not in digest


def test_asking_for_a_person_by_their_slack_name_finds_their_actions(bot: Harness) -> None:
    bot.message("Handling: <@U0JENS> sender udkast til høring, frist 2/12")  # named "Jens B."
    bot.message("Handling: <@U0ANNE> booker lokale, frist 2/12")
    listed = bot.command("åbne jens")["text"]
    assert "sender udkast til høring" in listed and "booker lokale" not in listed
    assert "Ingen åbne handlinger for jensen" in bot.command("åbne jensen")["text"]


def test_names_read_a_moment_ago_are_not_read_again(bot: Harness) -> None:
    """A busy channel's replies name the same few people: the second reply naming Jens
    reads no names from the database, and still shows his name, not a ping."""
    bot.message("Handling: <@U0JENS> sender udkast, frist fredag")
    read: list[str] = []
    engine = bot.deps.sessions.kw["bind"]

    def seen(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        if "people" in statement:
            read.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    try:
        bot.message("Handling: <@U0JENS> sender budget, frist mandag")
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    reply = bot.standin.calls_to("chat.postMessage")[-1].args["text"]
    assert "@Jens B." in reply and "<@U0JENS>" not in reply
    assert read == []


def test_recent_names_are_kept_for_a_while_and_all_or_nothing() -> None:
    now = [0.0]
    recent = RecentNames(clock=lambda: now[0])
    recent.keep("T1", Names({"U1": "Anne"}, {"S1": "styregruppen"}))
    assert recent.recall("T1", {"U1"}, {"S1"}) == Names({"U1": "Anne"}, {"S1": "styregruppen"})
    assert recent.recall("T1", {"U1", "U2"}, set()) is None  # one not known: ask the cache
    assert recent.recall("T2", {"U1"}, set()) is None  # another workspace's people
    now[0] = RecentNames.KEEP + 1
    assert recent.recall("T1", {"U1"}, set()) is None

"""Calendars that update: the ICS round-tripped through the icalendar library (TZID
Europe/Copenhagen with its VTIMEZONE, SEQUENCE and DTSTAMP on change, cancellations, the
meeting calendar of every body) and the secret, revocable feed served over HTTP."""

from __future__ import annotations

import urllib.error
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar

from bot.clock import fixed_clock
from bot.deps import Scope
from bot.services import importing
from tests.conftest import SEED_HELD
from tests.e2e.test_asking import _uploaded
from tests.fakes.harness import CHANNEL, USER, Harness
from tests.fakes.payloads import event_from

CPH = ZoneInfo("Europe/Copenhagen")


def _events(ics: str) -> list:  # type: ignore[type-arg]
    return [c for c in Calendar.from_ical(ics).walk("VEVENT")]


def _by_summary(ics: str, summary: str) -> list:  # type: ignore[type-arg]
    return [e for e in _events(ics) if str(e["SUMMARY"]) == summary]


def test_ics_has_local_times_a_timezone_and_every_bodys_calendar(
    bot: Harness, shared: Path
) -> None:
    scope = Scope(bot.sender.team_id, CHANNEL)
    text = (shared / "seeds" / "000_3146f477be03d33b.txt").read_text()
    importing.store(bot.deps, scope, text, USER, held=SEED_HELD["000_3146f477be03d33b"])
    bot.command("møde 7/12-2026 kl. 9-12 Ringsted")
    bot.command("eksport ics")
    _, ics = _uploaded(bot)
    calendar = Calendar.from_ical(ics)
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Copenhagen"
    [december] = [
        e for e in _events(ics) if e.decoded("DTSTART") == datetime(2026, 12, 7, 9, 0, tzinfo=CPH)
    ]
    assert december["DTSTART"].params["TZID"] == "Europe/Copenhagen"
    assert "DTSTART;TZID=Europe/Copenhagen:20261207T090000" in ics
    assert str(december["LOCATION"]) == "Ringsted" and int(december["SEQUENCE"]) == 0
    assert str(december["SUMMARY"]) == "Styregruppen"  # set by `/referat møde`: the body's
    march = [
        e
        for e in _by_summary(ics, "Styregruppen")
        if str(e.decoded("DTSTART")).startswith("2024-03-15")
    ]
    assert len(march) == 1  # the next meeting of the minutes, named after its body, once
    assert march[0].decoded("DTSTART") == datetime(2024, 3, 15, 9, 0, tzinfo=CPH)
    k17 = _by_summary(ics, "K17: møde")
    assert [str(e.decoded("DTSTART")) for e in k17] == [
        "2024-01-26",
        "2024-04-05",
        "2024-05-31",
        "2024-08-13",
        "2024-10-22",
    ]
    assert len(_by_summary(ics, "KKR: møde")) == 5
    assert len(_by_summary(ics, "Styregruppen: møde")) == 3  # 5 dates, 2 are meetings already
    for event in _events(ics):
        assert "DTSTAMP" in event and "UID" in event


def test_a_moved_meeting_raises_its_sequence_and_a_withdrawn_one_is_cancelled(
    bot: Harness, shared: Path
) -> None:
    bot.command("møde 7/12-2026 kl. 9-12 Ringsted")
    first = bot.export()["meetings"][0]
    later = bot.now + timedelta(days=2)
    bot.deps.clock = fixed_clock(later)
    bot.command("møde 7/12-2026 kl. 13-15 Køge")
    bot.command("eksport ics")
    _, ics = _uploaded(bot)
    [moved] = [e for e in _events(ics) if "-" + str(first["id"]) + "@" in str(e["UID"])]
    assert int(moved["SEQUENCE"]) == 1
    assert moved.decoded("DTSTAMP") == later.astimezone(UTC)
    assert moved.decoded("DTSTART") == datetime(2026, 12, 7, 13, 0, tzinfo=CPH)
    assert str(moved["LOCATION"]) == "Køge" and str(moved["STATUS"]) == "CONFIRMED"

    # a message moves it (the latest word wins); deleting the message moves it back
    _, ts = bot.message("Næste møde: 10/12-2026 kl. 9-10 i Byrådssalen")
    bot.command("eksport ics")
    [there] = [
        e for e in _events(_uploaded(bot)[1]) if "-" + str(first["id"]) + "@" in str(e["UID"])
    ]
    assert str(there["LOCATION"]) == "Byrådssalen" and int(there["SEQUENCE"]) == 2
    event = event_from(shared, "message_deleted.json", deleted_ts=ts)
    event["previous_message"].update({"ts": ts, "text": "Næste møde: 10/12-2026"})
    assert bot.event(event) == 200
    bot.command("eksport ics")
    [back] = [
        e for e in _events(_uploaded(bot)[1]) if "-" + str(first["id"]) + "@" in str(e["UID"])
    ]
    assert str(back["LOCATION"]) == "Køge" and int(back["SEQUENCE"]) == 3
    assert str(back["STATUS"]) == "CONFIRMED"


def test_a_withdrawn_meeting_is_cancelled_in_the_calendar(bot: Harness, shared: Path) -> None:
    _, ts = bot.message("Næste møde: 10/12-2026 kl. 9-10 i Byrådssalen")
    event = event_from(shared, "message_deleted.json", deleted_ts=ts)
    event["previous_message"].update({"ts": ts, "text": "Næste møde: 10/12-2026"})
    assert bot.event(event) == 200
    bot.command("eksport ics")
    _, ics = _uploaded(bot)
    [cancelled] = [e for e in _events(ics) if str(e.get("LOCATION")) == "Byrådssalen"]
    assert str(cancelled["STATUS"]) == "CANCELLED" and int(cancelled["SEQUENCE"]) == 1


def _base(bot: Harness) -> str:
    return bot.server.url.removesuffix("/slack/events")


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


def test_the_feed_is_secret_served_and_revocable(bot: Harness) -> None:
    bot.command("møde 7/12-2026 kl. 9-12 Ringsted")
    answer = bot.command("kalender")["text"]
    url = next(w for w in answer.split() if w.startswith("http"))
    assert "/calendar/" in url and url.endswith(".ics")
    assert bot.command("kalender")["text"] == answer  # the same address until renewed
    local = _base(bot) + url[url.index("/calendar/") :]
    status, body = _get(local)
    assert status == 200 and "Ringsted" in body and "BEGIN:VTIMEZONE" in body
    bot.command("møde 7/12-2026 kl. 10-12 Køge")
    status, body = _get(local)
    assert "Køge" in body and "SEQUENCE:1" in body  # subscribers see the move

    renewed = bot.command("kalender ny")["text"]
    assert "den gamle virker ikke længere" in renewed
    new = next(w for w in renewed.split() if w.startswith("http"))
    assert new != url
    assert _get(local)[0] == 404
    assert _get(_base(bot) + new[new.index("/calendar/") :])[0] == 200
    assert _get(_base(bot) + "/calendar/guess.ics")[0] == 404
    assert "Skriv `/referat kalender`" in bot.command("kalender hvad")["text"]


def test_the_feed_command_in_english(bot_en: Harness) -> None:
    answer = bot_en.command("calendar")["text"]
    assert "Subscribe to the channel's meetings" in answer
    assert "the old one no longer works" in bot_en.command("calendar new")["text"]

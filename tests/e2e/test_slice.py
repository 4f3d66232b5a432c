"""The vertical slice over HTTP: set and ask for the next meeting, help, bad input, signatures."""

from __future__ import annotations

import json
import logging
import time
import urllib.parse

import pytest
from sqlalchemy import func, select

from storage.models import Meeting
from tests.fakes.harness import CHANNEL, SECRET, USER, Harness


def test_set_and_read_the_next_meeting_in_danish(bot: Harness) -> None:
    answer = bot.command("møde 5/2-2027 kl. 9-12 Ringsted")
    assert answer["response_type"] == "ephemeral"
    assert answer["text"] == "Næste møde: fredag 5. februar 2027 kl. 9–12, Ringsted (om 74 dage)."

    answer = bot.command("næste-møde")
    assert "fredag 5. februar 2027 kl. 9–12, Ringsted (om 74 dage)" in answer["text"]
    buttons = [e for b in answer["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [b["text"]["text"] for b in buttons] == ["Del i kanalen"]


def test_set_and_read_the_next_meeting_in_english(bot_en: Harness) -> None:
    answer = bot_en.command("meeting 14 January 2027 10:00-12:00 Town Hall room 2")
    assert answer["text"] == (
        "Next meeting: Thursday 14 January 2027, 10:00–12:00, Town Hall room 2 (in 52 days)."
    )
    assert "Thursday 14 January 2027" in bot_en.command("next-meeting")["text"]


def test_meeting_is_stored_in_utc_and_shown_in_the_channel_zone(bot: Harness) -> None:
    bot.command("møde 5/2-2027 kl. 9.30-12 Ringsted")
    exported = bot.export()
    assert exported["meetings"] == [
        {
            "id": exported["meetings"][0]["id"],
            "body": None,
            "date": "2027-02-05",
            "start": "09:30",
            "end": "12:00",
            "place": "Ringsted",
            "agenda": [],
        }
    ]
    with bot.deps.sessions() as session:
        meeting = session.scalars(select(Meeting)).one()
        assert meeting.starts_at is not None and meeting.starts_at.hour == 8  # 09:30 CET


def test_same_day_updates_rather_than_duplicates(bot: Harness) -> None:
    bot.command("møde 5/2-2027 kl. 9-12 Ringsted")
    bot.command("møde 5/2-2027 kl. 10-13 Roskilde")
    with bot.deps.sessions() as session:
        assert session.scalar(select(func.count(Meeting.id))) == 1
    assert "kl. 10–13, Roskilde" in bot.command("næste-møde")["text"]


def test_no_meeting_known_says_how_to_set_one(bot: Harness) -> None:
    answer = bot.command("næste-møde")
    assert "Jeg kender intet kommende møde" in answer["text"]
    assert "/referat møde" in answer["text"]


def test_help_and_empty_command(bot: Harness, bot_en: Harness) -> None:
    for text in ("", "hjælp", "help"):
        assert "/referat næste-møde" in bot.command(text)["text"]
    assert "/referat next-meeting" in bot_en.command("")["text"]


def test_unknown_subcommand_gets_an_example(bot: Harness) -> None:
    answer = bot.command("flyt <!channel>")
    assert "Jeg kender ikke `flyt`" in answer["text"]
    assert "/referat næste-møde" in answer["text"]


def test_impossible_meeting_date_is_refused_with_an_example(bot: Harness) -> None:
    answer = bot.command("møde 31/2 kl. 9-12")
    assert '"31/2"' in answer["text"] and "/referat møde 5/2-2027" in answer["text"]
    assert bot.export()["meetings"] == []


def test_meeting_in_the_past_is_refused(bot: Harness) -> None:
    answer = bot.command("møde 1/11-2026")
    assert "allerede passeret" in answer["text"]
    assert bot.export()["meetings"] == []


def test_meetings_stay_in_their_channel(bot: Harness) -> None:
    bot.command("møde 5/2-2027 kl. 9-12 Ringsted", channel="C0OTHER")
    assert "Jeg kender intet kommende møde" in bot.command("næste-møde")["text"]


def test_share_button_posts_the_answer_in_the_channel(bot: Harness) -> None:
    bot.command("møde 5/2-2027 kl. 9-12 Ringsted")
    status, body = bot.sender.command(
        "næste-møde", channel=CHANNEL, user=USER, response_url=bot.standin.response_url()
    )
    answer = json.loads(body)
    share = next(e for b in answer["blocks"] if b["type"] == "actions" for e in b["elements"])
    from bot.standin import Call

    status = bot.press(
        Call("ack", {"blocks": answer["blocks"], "ts": "1.1"}, None), share["action_id"]
    )
    assert status == 200
    [post] = bot.posts()
    assert "fredag 5. februar 2027" in post.args["text"] and "thread_ts" not in post.args


def test_forged_signature_is_refused_and_stores_nothing(bot: Harness) -> None:
    form = urllib.parse.urlencode(
        {
            "team_id": "T0LOCAL",
            "channel_id": CHANNEL,
            "user_id": USER,
            "command": "/referat",
            "text": "møde 5/2-2027",
            "response_url": bot.standin.response_url(),
        }
    )
    forged = bot.sender.post(
        form, "application/x-www-form-urlencoded", headers={"X-Slack-Signature": "v0=" + "0" * 64}
    )
    assert forged[0] == 401
    stale = bot.sender.post(
        form, "application/x-www-form-urlencoded", timestamp=int(time.time()) - 600
    )
    assert stale[0] == 401
    assert bot.export()["meetings"] == []


def test_healthz(bot: Harness) -> None:
    import urllib.request

    url = bot.server.url.replace("/slack/events", "/healthz")
    with urllib.request.urlopen(url) as response:
        assert response.status == 200 and response.read() == b"ok\n"


def test_signing_secret_is_the_one_configured(bot: Harness) -> None:
    assert bot.settings.signing_secret == SECRET


def test_a_command_with_the_word_payload_is_answered(bot: Harness) -> None:
    # Bolt alone reads any form body containing "payload" as an interactivity payload.
    bot.command("dagsorden tilføj Ny payload-model for data")
    assert "payload-model" in bot.command("dagsorden")["text"]
    answer = bot.command("beslutninger payload")
    assert answer["text"] == 'Ingen beslutninger om "payload".'


def test_tokens_and_secrets_never_reach_the_logs(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        bot.command("møde 5/2-2027 kl. 9-12 Ringsted")
        bot.message("Handling: <@U0JENS> sender udkast, frist fredag")
        bot.command("flyt alt")
    assert caplog.records  # debug logging was on
    assert "xoxb-test" not in caplog.text and SECRET not in caplog.text


def test_a_failing_command_gets_a_short_answer_in_the_channel_language(bot: Harness) -> None:
    from sqlalchemy import text

    engine = bot.deps.sessions.kw["bind"]
    bot.command("møde 5/2-2027 kl. 9-12 Ringsted")
    with engine.begin() as connection:
        connection.execute(text("ALTER TABLE meetings RENAME TO away"))
    try:
        answer = bot.command("næste-møde")
    finally:
        with engine.begin() as connection:
            connection.execute(text("ALTER TABLE away RENAME TO meetings"))
    assert answer["response_type"] == "ephemeral"
    said = "Beklager, det gik galt hos mig, så det blev ikke gjort. Prøv igen om lidt."
    assert answer["text"] == said
    assert "Traceback" not in answer["text"]


@pytest.mark.parametrize("clock", ["kl. 25-26", "kl. 12-9", "kl. 9.75"])
def test_an_impossible_meeting_time_is_refused_and_the_meeting_kept(
    bot: Harness, clock: str
) -> None:
    bot.command("møde 5/2-2027 kl. 9-12 Ringsted")
    answer = bot.command(f"møde 6/2-2027 {clock} Roskilde")
    assert answer["text"].startswith(f'"{clock}" er ikke et klokkeslæt')
    assert "fredag 5. februar 2027 kl. 9–12, Ringsted" in bot.command("næste-møde")["text"]
    bot.message(f"Næste møde: 8/2-2027 {clock} i Køge")
    [reply] = [c for c in bot.posts() if c.args.get("thread_ts")]
    assert f'"{clock}" er ikke et klokkeslæt, så mødet er ikke registreret' in reply.args["text"]
    assert "Ringsted" in bot.command("næste-møde")["text"]


def test_an_impossible_meeting_time_in_english(bot_en: Harness) -> None:
    answer = bot_en.command("meeting 14 January 2027 10:00-09:00 Town Hall")
    assert answer["text"].startswith('"10:00-09:00" is not a time (hours 0–23')


def test_a_meeting_on_a_holiday_or_a_weekend_is_set_with_a_note(bot: Harness) -> None:
    christmas = bot.command("møde 25/12-2026 kl. 10-12 Ringsted")["text"]
    assert christmas.startswith("Næste møde: fredag 25. december 2026 kl. 10–12, Ringsted")
    assert "Mødedagen er juledag; mødet står som skrevet." in christmas
    saturday = bot.command("møde 2/1-2027 kl. 10-12 Ringsted")["text"]
    assert "Mødedagen er en weekenddag" in saturday
    monday = bot.command("møde 4/1-2027 kl. 10-12 Ringsted")["text"]
    assert "Mødedagen" not in monday
    bot.message("Næste møde: 25/12-2026 kl. 10-12 i Køge")
    [reply] = [c for c in bot.posts() if c.args.get("thread_ts")]
    assert "Mødedagen er juledag" in reply.args["text"]


def test_a_meeting_on_a_holiday_in_english(bot_en: Harness) -> None:
    answer = bot_en.command("meeting 25 December 2026 10:00-12:00 Town Hall")["text"]
    assert "The meeting day is Christmas Day; the meeting stays as written." in answer

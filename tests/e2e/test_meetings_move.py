"""The next meeting moves, changes and is cancelled: the latest word wins, the reply says
what changed, and Undo or an edit takes the word back (issue: meetings that move)."""

from __future__ import annotations

from tests.fakes.harness import Harness


def next_meeting(bot: Harness) -> str:
    return str(bot.command("næste-møde")["text"])


def test_a_meeting_moved_later_is_the_next_meeting(bot: Harness) -> None:
    bot.message("Næste møde: 10/12 kl. 9-12 i Sorø")
    assert "torsdag 10. december 2026 kl. 9–12, Sorø" in next_meeting(bot)
    moved = bot.command("møde 21/1 kl. 9-12 Sorø")["text"]
    assert "flyttet fra torsdag 10. december 2026 til torsdag 21. januar 2027" in moved
    assert "torsdag 21. januar 2027 kl. 9–12, Sorø" in next_meeting(bot)
    assert "10. december" not in next_meeting(bot)
    assert len(bot.export()["meetings"]) == 1  # moved, not a second meeting


def test_a_new_time_is_recorded_and_said(bot: Harness) -> None:
    bot.message("Næste møde: 10/12 kl. 9-12 i Sorø")
    bot.message("Næste møde: 10/12 kl. 10-13")
    reply = bot.posts()[-1].args["text"]
    assert "Intet er registreret" not in reply
    assert "Tid eller sted for mødet torsdag 10. december 2026 er ændret" in reply
    assert "kl. 10–13, Sorø" in next_meeting(bot)


def test_a_time_without_kl_is_a_time_not_a_place(bot: Harness) -> None:
    answer = bot.command("møde 5/2 9-12")["text"]
    assert "fredag 5. februar 2027 kl. 9–12" in answer
    assert bot.export()["meetings"][0]["place"] is None


def test_cancelled_and_undone(bot: Harness) -> None:
    bot.message("Næste møde: 10/12 kl. 9-12 i Sorø")
    bot.message("Næste møde: aflyst")
    cancel = bot.posts()[-1]
    assert "Mødet torsdag 10. december 2026 er aflyst" in cancel.args["text"]
    assert "Jeg kender intet kommende møde" in next_meeting(bot)
    assert bot.press(cancel, next(_undo_ids(cancel))) == 200
    assert "torsdag 10. december 2026 kl. 9–12, Sorø" in next_meeting(bot)


def test_undo_of_a_move_moves_it_back_and_deadlines_follow(bot: Harness) -> None:
    bot.message("Næste møde: 10/12 kl. 9-12 i Sorø")
    bot.message("Handling: <@U0JENS> forbereder oplæg til næste møde")
    bot.message("Næste møde: 21/1 kl. 9-12")
    move = bot.posts()[-1]
    assert "flyttet fra torsdag 10. december 2026" in move.args["text"]
    [action] = bot.export()["actions"]
    assert action["due"] == "2027-01-21"  # "til næste møde" follows the meeting
    assert bot.press(move, next(_undo_ids(move))) == 200
    assert "torsdag 10. december 2026" in next_meeting(bot)
    assert bot.export()["actions"][0]["due"] == "2026-12-10"


def test_editing_the_line_moves_the_meeting_it_set(bot: Harness) -> None:
    _, ts = bot.message("Næste møde: 10/12 kl. 9-12 i Sorø")
    bot.command("dagsorden tilføj Budget 2027")
    bot.event(
        {
            "type": "message",
            "subtype": "message_changed",
            "channel": "C0STYRE",
            "ts": bot.next_ts(),
            "message": {
                "type": "message",
                "user": "U0LOCAL",
                "ts": ts,
                "text": "Næste møde: 11/12 kl. 9-12 i Sorø",
            },
        }
    )
    bot.idle()
    meetings = bot.export()["meetings"]
    assert [m["date"] for m in meetings] == ["2026-12-11"]
    assert meetings[0]["agenda"] == [{"number": "1", "title": "Budget 2027"}]  # kept


def test_english_moves_and_cancellations(bot_en: Harness) -> None:
    bot_en.message("Next meeting: 14 January 2027, 10:00-12:00, Town Hall")
    moved = bot_en.command("meeting 21/1")["text"]
    assert "moved from Thursday 14 January 2027 to Thursday 21 January 2027" in moved
    assert (
        "Thursday 21 January 2027, 10:00–12:00, Town Hall" in bot_en.command("next-meeting")["text"]
    )
    bot_en.message("Next meeting: cancelled")
    assert "is cancelled" in bot_en.posts()[-1].args["text"]


def _undo_ids(call: object) -> list[str]:
    blocks = call.args["blocks"]  # type: ignore[attr-defined]
    return iter(  # type: ignore[return-value]
        e["action_id"]
        for b in blocks
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"].startswith("undo_")
    )

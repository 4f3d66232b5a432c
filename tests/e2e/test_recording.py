"""Recording from channel messages, end to end over HTTP with signed event payloads."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import text

from tests.fakes.harness import CHANNEL, USER, Harness
from tests.fakes.payloads import event_from, load

EXAMPLES = [
    "Beslutning: Styregruppen godkender overgangsaftalen om korrespondancemeddelelser",
    "Decision: Extend the framework agreement to 2027-2028",
    "Handling: <@U0JENS> sender udkast til høring, frist fredag",
    "Opgave: indkalde sundhedsklyngerne. Ansvarlig: Lolland. Frist: 15/12",
    "Handling: RS17 kommunikerer ud og evaluerer, senest ultimo januar",
    "Næste møde: fredag 5. februar 2027 kl. 9-12 i Ringsted",
    "Next meeting: 14 January 2027, 10:00-12:00, Town Hall room 2",
    "Punkt 3 – Beslutning: Styregruppen bakker op om 4-årige rammeaftaler",
    "Handling: Slagelse og Køge bidrager til oplægget, frist 15/1",
    "Handling: <@U0JENS> forbereder temadrøftelse til næste møde",
    "Dagsorden: Temadrøftelse om hjemløseområdet",
    "Vi skal nok tage en beslutning om det på næste møde",
    "Handling: send referat, frist 31/2",
]


def reply_text(call: Any) -> str:
    return str(call.args["text"])


def test_product_examples_give_exactly_the_listed_records(bot: Harness) -> None:
    for message in EXAMPLES:
        bot.message(message)
    exported = bot.export()
    decisions = [(d["text"], d["item"]) for d in exported["decisions"]]
    assert decisions == [
        ("Styregruppen godkender overgangsaftalen om korrespondancemeddelelser", None),
        ("Extend the framework agreement to 2027-2028", None),
        ("Styregruppen bakker op om 4-årige rammeaftaler", "3"),
    ]
    actions = [(a["text"], a["owners"], a["due"]) for a in exported["actions"]]
    assert actions == [
        # the thread reply looked Jens up to name him (users.info), so the export names him
        ("sender udkast til høring", ["Jens B."], "2026-11-27"),
        ("indkalde sundhedsklyngerne", ["Lolland"], "2026-12-15"),
        ("kommunikerer ud og evaluerer", ["RS17"], "2027-01-29"),
        ("bidrager til oplægget", ["Slagelse", "Køge"], "2027-01-15"),
        ("forbereder temadrøftelse til næste møde", ["Jens B."], "2027-01-14"),
        ("send referat", [], None),
    ]
    meetings = [
        (m["date"], m["start"], m["end"], m["place"], m["agenda"]) for m in exported["meetings"]
    ]
    # the two "next meeting" examples, said in one channel: the latest word wins, so the
    # meeting set for 5 February moved to 14 January (time and place as said last)
    assert meetings == [
        (
            "2027-01-14",
            "10:00",
            "12:00",
            "Town Hall room 2",
            [{"number": "1", "title": "Temadrøftelse om hjemløseområdet"}],
        ),
    ]
    # one reply per recorded message; the sentence without a keyword got none
    assert len(bot.posts()) == len(EXAMPLES) - 1


def test_reply_writes_dates_in_full_with_buttons(bot: Harness) -> None:
    _, ts = bot.message("Handling: <@U0JENS> sender udkast til høring, frist fredag")
    [reply] = bot.posts()
    assert reply.args["thread_ts"] == ts  # in the thread of the message it answers
    assert "Registreret:* 1 handling" in reply_text(reply)
    # named, not pinged: a thread reply is seen by the whole channel
    assert "ansvarlig @Jens B. · frist fredag 27. november 2026" in reply_text(reply)
    assert "<@" not in str(reply.args)
    labels = [
        e["text"]["text"]
        for b in reply.args["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
    ]
    assert labels == ["Fortryd", "Udført #1"]


def test_reply_in_english_channel(bot_en: Harness) -> None:
    bot_en.message("Action: Anna to draft the letter, due 14 January 2027")
    [reply] = bot_en.posts()
    assert "owner Anna · due Thursday 14 January 2027" in reply_text(reply)


def test_one_message_three_records_one_reply(bot: Harness) -> None:
    bot.message(
        "Beslutning: Vi forlænger aftalen\nHandling: Lolland indkalder, frist 15/12\n"
        "Handling: <@U0JENS> skriver notatet"
    )
    [reply] = bot.posts()
    assert "1 beslutning, 2 handlinger" in reply_text(reply)
    assert len(bot.export()["actions"]) == 2


def test_the_reply_goes_in_the_thread_of_the_message(bot: Harness) -> None:
    _, ts = bot.message("Beslutning: i tråden", thread_ts="1700000000.000100")
    [reply] = bot.posts()
    assert reply.args["thread_ts"] == "1700000000.000100"
    _, ts = bot.message("Beslutning: på kanalen")
    assert bot.posts()[1].args["thread_ts"] == ts


def test_a_retried_delivery_is_recorded_once(bot: Harness, shared: Path) -> None:
    retry = dict(
        line.split(": ", 1)
        for line in (shared / "slack-payloads/http_headers_event_retry.txt")
        .read_text()
        .splitlines()
        if line.startswith("X-Slack-Retry")
    )
    _, ts = bot.message("Beslutning: kun én gang", event_id="Ev0001")
    status, _ = bot.message("Beslutning: kun én gang", ts=ts, event_id="Ev0001", headers=retry)
    assert status == 200
    status, _ = bot.message("Beslutning: kun én gang", ts=ts, event_id="Ev0002")  # as app_mention
    assert len(bot.export()["decisions"]) == 1
    assert len(bot.posts()) == 1


def test_a_failed_write_answers_500_and_the_retry_records(bot: Harness) -> None:
    engine = bot.deps.sessions.kw["bind"]
    with engine.begin() as connection:
        connection.execute(text("ALTER TABLE source_messages RENAME TO away"))
    status, ts = bot.message("Beslutning: må ikke gå tabt", event_id="Ev0009")
    assert status == 500  # Slack will deliver it again
    with engine.begin() as connection:
        connection.execute(text("ALTER TABLE away RENAME TO source_messages"))
    status, _ = bot.message(
        "Beslutning: må ikke gå tabt",
        ts=ts,
        event_id="Ev0009",
        headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_error"},
    )
    assert status == 200
    assert [d["text"] for d in bot.export()["decisions"]] == ["må ikke gå tabt"]
    assert len(bot.posts()) == 1


def test_an_edit_updates_the_records_and_the_reply(bot: Harness, shared: Path) -> None:
    _, ts = bot.message("Handling: send referat, frist 31/2")
    event = event_from(shared, "message_changed_edit.json")
    event["message"].update({"text": "Handling: send referat, frist 28/2", "ts": ts, "user": USER})
    event["message"]["edited"] = {"user": USER, "ts": f"{float(ts) + 60:.6f}"}  # after the ts
    event["message"].pop("bot_id", None)
    event["previous_message"].update({"text": "Handling: send referat, frist 31/2", "ts": ts})
    assert bot.event(event) == 200
    [action] = bot.export()["actions"]
    assert (action["id"], action["due"]) == (1, "2027-02-28")
    [update] = bot.posts("chat.update")
    assert "frist søndag 28. februar 2027" in reply_text(update)
    assert "ikke en dato" not in reply_text(update)


def test_an_unfurl_with_unchanged_text_changes_nothing(bot: Harness, shared: Path) -> None:
    original = load(shared, "message_changed_unfurl.json")["event"]["message"]
    link = original["text"]
    _, ts = bot.message(f"Beslutning: se {link}")
    event = event_from(shared, "message_changed_unfurl.json")
    event["message"].update({"text": f"Beslutning: se {link}", "ts": ts, "user": USER})
    assert bot.event(event) == 200
    assert bot.posts("chat.update") == []
    assert len(bot.export()["decisions"]) == 1


def test_a_deleted_message_retracts_its_records(bot: Harness, shared: Path) -> None:
    _, ts = bot.message("Beslutning: trækkes tilbage")
    event = event_from(shared, "message_deleted.json", deleted_ts=ts)
    event["previous_message"].update({"ts": ts, "text": "Beslutning: trækkes tilbage"})
    assert bot.event(event) == 200
    assert [d["status"] for d in bot.export()["decisions"]] == ["retracted"]
    [update] = bot.posts("chat.update")
    assert "slettet" in reply_text(update)


def test_bot_messages_are_ignored(bot: Harness, shared: Path) -> None:
    for name in ("message_bot.json", "message_bot_message_classic.json"):
        event = event_from(shared, name, text="Beslutning: fra en anden bot")
        assert bot.event(event) == 200
    assert bot.export()["decisions"] == [] and bot.posts() == []


def test_subtypes_the_bot_does_not_use_are_acknowledged(bot: Harness) -> None:
    for subtype in ("channel_join", "channel_topic", "pinned_item", "message_replied"):
        status = bot.event(
            {
                "type": "message",
                "subtype": subtype,
                "channel": CHANNEL,
                "user": USER,
                "ts": bot.next_ts(),
                "text": "Beslutning: nej",
            }
        )
        assert status == 200, subtype
    assert bot.export()["decisions"] == []


def test_messages_without_keywords_produce_nothing(bot: Harness) -> None:
    bot.message("Vi skal nok tage en beslutning om det på næste møde")
    bot.message("beslutning uden kolon")
    assert bot.posts() == [] and bot.export()["decisions"] == []


def test_done_button_marks_the_action_and_says_so(bot: Harness) -> None:
    bot.message("Handling: <@U0JENS> sender udkast, frist fredag")
    [reply] = bot.posts()
    assert bot.press(reply, "done_1", user="U0JENS") == 200
    assert bot.export()["actions"][0]["status"] == "done"
    note = bot.posts()[1]
    assert reply_text(note) == "#1 er markeret som udført af @Jens B.."
    assert note.args["thread_ts"] == reply.args["thread_ts"]
    assert "✓ udført" in reply_text(bot.posts("chat.update")[0])


def test_undo_button_retracts_everything_from_the_message(bot: Harness) -> None:
    bot.message("Beslutning: A\nHandling: B, frist 15/12")
    [reply] = bot.posts()
    assert bot.press(reply, "undo_1") == 200
    exported = bot.export()
    assert [d["status"] for d in exported["decisions"]] == ["retracted"]
    assert [a["status"] for a in exported["actions"]] == ["retracted"]
    assert "Fortrudt af @Anne" in reply_text(bot.posts()[1])


def test_done_for_an_id_from_another_channel_is_refused(bot: Harness) -> None:
    bot.message("Handling: andet sted", channel="C0OTHER")
    answer = bot.command("udført 1")
    assert "Jeg kender ingen handling #1 i denne kanal" in answer["text"]
    assert bot.export("C0OTHER")["actions"][0]["status"] == "open"


def test_channel_broadcast_is_escaped_in_the_reply(bot: Harness) -> None:
    bot.message("Beslutning: <!channel> alle skal &lt;b&gt;se&lt;/b&gt; det")
    [reply] = bot.posts()
    assert "<!channel>" not in reply_text(reply) and "@channel" in reply_text(reply)
    blocks_text = json.dumps(reply.args["blocks"])
    assert "<!channel>" not in blocks_text and "&lt;b&gt;" in reply_text(reply)


def test_bad_input_answers(bot: Harness) -> None:
    bot.message("Beslutning:")
    bot.message("Handling: send referat, frist 31/2")
    bot.message("Handling: send referatet, frist 2/11-2026")
    empty, impossible, past = (reply_text(c) for c in bot.posts())
    assert "Intet er registreret" in empty and '"Beslutning:" er tom' in empty
    assert '"31/2" er ikke en dato' in impossible and "frist 27/2" in impossible
    assert "mandag 2. november 2026 er allerede overskredet" in past
    assert bot.export()["actions"][1]["due"] == "2026-11-02"


def test_message_shortcut_opens_a_prefilled_modal_and_records(bot: Harness, shared: Path) -> None:
    payload = load(shared, "message_action.json")
    payload.update(
        {
            "callback_id": "referat_record_message",
            "team": {"id": "T0LOCAL"},
            "channel": {"id": CHANNEL, "name": "styregruppe"},
        }
    )
    payload["message"].update({"text": "Lolland sender invitationen inden jul", "ts": "1700.1"})
    status, _ = bot.sender.interaction(payload)
    bot.idle()
    assert status == 200
    [opened] = bot.standin.calls_to("views.open")
    view = opened.args["view"]
    text_block = next(b for b in view["blocks"] if b["block_id"] == "text")
    assert text_block["element"]["initial_value"] == "Lolland sender invitationen inden jul"
    kind = next(b for b in view["blocks"] if b["block_id"] == "kind")
    assert kind["element"]["initial_option"]["value"] == "action"

    submission = load(shared, "view_submission.json")
    submission["team"] = {"id": "T0LOCAL"}
    submission["view"].update(
        {
            "callback_id": view["callback_id"],
            "private_metadata": view["private_metadata"],
            "state": {
                "values": {
                    "kind": {
                        "value": {"type": "radio_buttons", "selected_option": {"value": "action"}}
                    },
                    "text": {"value": {"type": "plain_text_input", "value": "sender invitationen"}},
                    "owners": {"value": {"type": "plain_text_input", "value": "Lolland"}},
                    "due": {"value": {"type": "plain_text_input", "value": "31/2"}},
                }
            },
        }
    )
    status, body = bot.sender.interaction(submission)
    assert status == 200 and json.loads(body)["response_action"] == "errors"
    assert bot.export()["actions"] == []

    submission["view"]["state"]["values"]["due"]["value"]["value"] = "18/12"
    status, _ = bot.sender.interaction(submission)
    bot.idle()
    assert status == 200
    [action] = bot.export()["actions"]
    assert (action["text"], action["owners"], action["due"]) == (
        "sender invitationen",
        ["Lolland"],
        "2026-12-18",
    )
    [reply] = bot.posts()
    assert reply.args["thread_ts"] == "1700.1"


def test_other_subscribed_events_are_acknowledged(bot: Harness) -> None:
    for event_type in (
        "member_joined_channel",
        "member_left_channel",
        "channel_rename",
        "app_uninstalled",
        "tokens_revoked",
    ):
        status = bot.event(
            {"type": event_type, "user": USER, "channel": CHANNEL, "event_ts": bot.next_ts()}
        )
        assert status == 200, event_type


def _edit(bot: Harness, ts: str, text: str, edited: float) -> None:
    bot.event(
        {
            "type": "message",
            "subtype": "message_changed",
            "channel": "C0STYRE",
            "ts": f"{edited:.6f}",
            "event_ts": f"{edited:.6f}",
            "message": {
                "type": "message",
                "user": USER,
                "ts": ts,
                "text": text,
                "edited": {"user": USER, "ts": f"{edited:.6f}"},
            },
        }
    )


def test_edits_and_deletes_out_of_order_leave_the_newest_version(bot: Harness) -> None:
    ts = "1795420900.000100"
    _edit(bot, ts, "Beslutning: anden udgave", float(ts) + 20)  # the edit comes first
    bot.message("Beslutning: første udgave", ts=ts)  # the original, late
    assert [d["text"] for d in bot.export()["decisions"]] == ["anden udgave"]
    _edit(bot, ts, "Beslutning: tredje udgave", float(ts) + 40)
    _edit(bot, ts, "Beslutning: anden udgave", float(ts) + 20)  # an older edit, retried
    assert [d["text"] for d in bot.export()["decisions"]] == ["tredje udgave"]


def test_a_delete_before_the_original_leaves_a_tombstone(bot: Harness) -> None:
    ts = "1795420900.000200"
    bot.event(
        {
            "type": "message",
            "subtype": "message_deleted",
            "channel": "C0STYRE",
            "deleted_ts": ts,
            "ts": "1795420999.000000",
            "event_ts": "1795420999.000000",
        }
    )
    bot.message("Beslutning: skulle aldrig have været her", ts=ts)
    assert bot.export()["decisions"] == []
    assert bot.posts() == []


def test_a_period_deadline_is_its_last_working_day_and_a_holiday_is_noted(bot: Harness) -> None:
    bot.message("Handling: Lolland sender notat, frist uge 12")
    bot.message("Handling: Køge sender bilag, frist 26/3-2027")
    week, friday = (reply_text(c) for c in bot.posts())
    assert "frist onsdag 24. marts 2027" in week  # 25/3 and 26/3-2027 are Easter holidays
    assert "periodens sidste arbejdsdag: onsdag 24. marts 2027" in week
    assert "frist fredag 26. marts 2027" in friday  # written explicitly: kept
    assert "er langfredag, ikke en arbejdsdag; den står som skrevet" in friday


def test_a_weekend_deadline_is_noted_in_english(bot_en: Harness) -> None:
    bot_en.message("Action: Anna to draft the letter, due 16 January 2027")
    bot_en.message("Action: Bo to send it, due end of January")
    saturday, end = (reply_text(c) for c in bot_en.posts())
    assert "is a weekend day, not a working day; it stays as written" in saturday
    assert "due Friday 29 January 2027" in end and "period's last working day" in end


def test_an_edit_that_removes_the_decision_wins_over_a_late_original(bot: Harness) -> None:
    ts = "1795420900.000300"
    _edit(bot, ts, "Vi lukker ikke skolen alligevel", float(ts) + 5)  # the edit comes first
    bot.message("Beslutning: vi lukker skolen", ts=ts)  # the original, late
    assert bot.export()["decisions"] == [] and bot.posts() == []
    _edit(bot, ts, "Beslutning: vi lukker skolen i juli", float(ts) + 9)  # a newer edit
    assert [d["text"] for d in bot.export()["decisions"]] == ["vi lukker skolen i juli"]


def test_message_links_are_asked_of_slack_once_a_workspace(bot: Harness) -> None:
    """The first link Slack gives shows the workspace's address; later messages' links
    are built from it. A reply in a thread has a link of its own shape: Slack is asked."""
    _, first = bot.message("Beslutning: Budgettet godkendes")
    _, second = bot.message("Beslutning: Mødet flyttes til Ringsted")
    _, in_thread = bot.message("Beslutning: Bilaget udsendes igen", thread_ts=first)
    links = {d["text"]: d["permalink"] for d in bot.export()["decisions"]}
    base = f"https://referat-local.slack.com/archives/{CHANNEL}/p"
    assert links == {
        "Budgettet godkendes": base + first.replace(".", ""),
        "Mødet flyttes til Ringsted": base + second.replace(".", ""),
        "Bilaget udsendes igen": base + in_thread.replace(".", ""),
    }
    asked = [c.args["message_ts"] for c in bot.standin.calls_to("chat.getPermalink")]
    assert asked == [first, in_thread]

"""Buttons and thread replies agree: Done shows Reopen, Undo asks first and takes back only
the last step, and a change by command updates the thread reply and App Home too."""

from __future__ import annotations

from typing import Any

from tests.fakes.harness import Harness


def buttons(call: Any) -> dict[str, dict[str, Any]]:
    return {
        e["action_id"]: e
        for b in call.args["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
    }


def latest_reply(bot: Harness) -> Any:
    """The thread reply as it stands: the last update of it, or the post itself."""
    updates = bot.posts("chat.update")
    return updates[-1] if updates else bot.posts()[0]


def test_done_offers_reopen_and_undo_takes_back_only_done(bot: Harness) -> None:
    bot.message("Handling: <@U0JENS> sender udkast til høring, frist fredag")
    [reply] = bot.posts()
    [action] = bot.export()["actions"]
    undo = next(e for a, e in buttons(reply).items() if a.startswith("undo_"))
    assert undo["confirm"]["title"]["text"] == "Fortryd?"  # Slack asks before it acts
    assert bot.press(reply, f"done_{action['id']}") == 200
    after_done = latest_reply(bot)
    assert f"reopen_{action['id']}" in buttons(after_done)
    assert f"done_{action['id']}" not in buttons(after_done)
    assert bot.press(after_done, undo["action_id"]) == 200
    [again] = bot.export()["actions"]
    assert again["status"] == "open"  # only the last step (done) was undone
    assert "er åben igen" in bot.posts()[-1].args["text"]
    assert f"done_{action['id']}" in buttons(latest_reply(bot))
    assert bot.press(latest_reply(bot), undo["action_id"]) == 200
    assert bot.export()["actions"][0]["status"] == "retracted"  # then the recording itself


def test_a_command_updates_the_thread_reply_and_app_home(bot: Harness) -> None:
    bot.message("Handling: <@U0LOCAL> sender udkast, frist fredag\nBeslutning: Budgettet vedtages")
    exported = bot.export()
    action, decision = exported["actions"][0]["id"], exported["decisions"][0]["id"]
    bot.command(f"udført {action}")
    assert f"reopen_{action}" in buttons(latest_reply(bot))
    assert bot.posts("views.publish"), "App Home of the owner is refreshed"
    bot.command(f"genåbn {action}")
    assert f"done_{action}" in buttons(latest_reply(bot))
    bot.command(f"annullér {decision}")
    assert "trukket tilbage" in latest_reply(bot).args["text"]


def test_english_reopen_button(bot_en: Harness) -> None:
    bot_en.message("Action: <@U0JENS> sends the draft by Friday")
    [reply] = bot_en.posts()
    [action] = bot_en.export()["actions"]
    bot_en.press(reply, f"done_{action['id']}")
    assert buttons(latest_reply(bot_en))[f"reopen_{action['id']}"]["text"]["text"] == (
        f"Reopen #{action['id']}"
    )

"""Replies Slack would refuse: the stand-in refuses more than 12,000 text characters in a
message's blocks (msg_blocks_too_long) as Slack does; every reply stays within it."""

from __future__ import annotations

import pytest
from slack_sdk.errors import SlackApiError

from bot.blocks import message
from bot.replies import Reply
from tests.fakes.harness import Harness


def test_the_stand_in_refuses_what_slack_refuses(bot: Harness) -> None:
    def section(n: int) -> dict[str, object]:
        return {"type": "section", "text": {"type": "mrkdwn", "text": "x" * n}}

    with pytest.raises(SlackApiError) as refused:
        bot.app.client.chat_postMessage(channel="C0STYRE", text="t", blocks=[section(2900)] * 5)
    assert refused.value.response["error"] == "msg_blocks_too_long"
    accepted = bot.app.client.chat_postMessage(
        channel="C0STYRE", text="t", blocks=[section(2900)] * 4
    )
    assert accepted["ok"] is True


def test_a_message_with_500_actions_gets_a_reply_slack_accepts(bot: Harness) -> None:
    lines = "\n".join(
        f"Handling: Lolland sender bilag nummer {i} til sekretariatet, frist 15/12"
        for i in range(500)
    )
    bot.message(lines)
    [reply] = bot.posts()
    assert reply.result.get("ok") is True, reply.result
    text = "".join(b["text"]["text"] for b in reply.args["blocks"] if b["type"] == "section")
    assert "Registreret:* 500 handlinger" in text
    assert "… og 470 flere" in text
    assert len(text) < 12_000


def test_a_long_answer_is_cut_with_a_note_in_the_channels_language(bot: Harness) -> None:
    long_text = "\n".join(f"• linje {i} " + "tekst " * 40 for i in range(200))
    reply = Reply(text=long_text, cut_note="… og mere, der ikke er plads til i én besked.")
    blocks = message(reply)["blocks"]
    total = sum(len(b["text"]["text"]) for b in blocks if b["type"] == "section")
    assert total <= 11_000
    assert blocks[-1]["text"]["text"] == "… og mere, der ikke er plads til i én besked."

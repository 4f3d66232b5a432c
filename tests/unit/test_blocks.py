"""Replies stay inside Block Kit's limits however long they get."""

from __future__ import annotations

from bot.blocks import message
from bot.replies import Button, Reply


def test_long_text_is_split_into_sections_under_the_limit() -> None:
    reply = Reply(
        text="\n".join(f"• linje {i} " + "x" * 80 for i in range(2000)),
        buttons=[Button(f"Udført #{i}", f"done_{i}", str(i)) for i in range(40)],
    )
    payload = message(reply)
    blocks = payload["blocks"]
    assert len(blocks) <= 50
    assert all(len(b["text"]["text"]) <= 3000 for b in blocks if b["type"] == "section")
    assert all(len(b["elements"]) <= 25 for b in blocks if b["type"] == "actions")
    assert len(payload["text"]) <= 3000


def test_a_single_huge_line_is_cut() -> None:
    blocks = message(Reply(text="y" * 10_000))["blocks"]
    assert all(len(b["text"]["text"]) <= 3000 for b in blocks)

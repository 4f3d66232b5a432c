"""Replies as Block Kit, always inside Slack's limits (SLACK.md section 1.5)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from bot.domain.names import Names, quiet
from bot.replies import Reply

MAX_BLOCKS = 50
SECTION_TEXT = 3000
FALLBACK_TEXT = 3000
BUTTONS_PER_ACTIONS = 25
BUTTON_TEXT = 75
TOTAL_TEXT = 11_000  # Slack refuses ~12,000 text characters in one message's blocks


def chunks(text: str, limit: int = SECTION_TEXT) -> list[str]:
    """Split at line ends so no piece is longer than `limit`."""
    pieces: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                pieces.append(current)
                current = ""
            pieces.append(line[: limit - 1] + "…")
            line = ""
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            pieces.append(current)
            current = line
        else:
            current = candidate
    if current.strip():
        pieces.append(current)
    return [p for p in pieces if p.strip()] or [" "]


def to_blocks(reply: Reply) -> list[dict[str, Any]]:
    button_rows = [
        reply.buttons[i : i + BUTTONS_PER_ACTIONS]
        for i in range(0, len(reply.buttons), BUTTONS_PER_ACTIONS)
    ][:2]
    room = MAX_BLOCKS - len(button_rows)
    budget = TOTAL_TEXT - sum(len(b.label[:BUTTON_TEXT]) for row in button_rows for b in row)
    budget -= len(reply.cut_note)
    sections: list[str] = []
    pieces = chunks(reply.text)
    for index, piece in enumerate(pieces):
        if len(sections) == room - 1 and index < len(pieces) - 1:
            sections.append(reply.cut_note)
            break
        if len(piece) > budget:
            lines = piece.split("\n")
            kept: list[str] = []
            for line in lines:
                if len(line) + 1 > budget:
                    break
                kept.append(line)
                budget -= len(line) + 1
            if kept:
                sections.append("\n".join(kept))
            sections.append(reply.cut_note)
            break
        sections.append(piece)
        budget -= len(piece)
    blocks: list[dict[str, Any]] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": piece}} for piece in sections
    ]
    if reply.date_picker is not None:
        picker = reply.date_picker
        element: dict[str, Any] = {
            "type": "datepicker",
            "action_id": picker.action_id,
            "placeholder": {"type": "plain_text", "text": picker.placeholder[:150]},
        }
        if picker.initial is not None:
            element["initial_date"] = picker.initial.isoformat()
        blocks.append(
            {"type": "actions", "block_id": f"date_{picker.value}", "elements": [element]}
        )
    for row in button_rows:
        elements = []
        for button in row:
            element = {
                "type": "button",
                "text": {"type": "plain_text", "text": button.label[:BUTTON_TEXT], "emoji": True},
                "action_id": button.action_id[:255],
                "value": button.value[:2000],
            }
            if button.style:
                element["style"] = button.style
            if button.confirm:
                title, text, yes, no = button.confirm
                element["confirm"] = {
                    "title": {"type": "plain_text", "text": title[:100]},
                    "text": {"type": "plain_text", "text": text[:300]},
                    "confirm": {"type": "plain_text", "text": yes[:30]},
                    "deny": {"type": "plain_text", "text": no[:30]},
                }
            elements.append(element)
        blocks.append({"type": "actions", "elements": elements})
    return blocks


def fallback(reply: Reply) -> str:
    text = reply.text
    return text if len(text) <= FALLBACK_TEXT else text[: FALLBACK_TEXT - 1] + "…"


def message(reply: Reply, names: Names | None = None, *, ephemeral: bool = False) -> dict[str, Any]:
    """Arguments for chat.postMessage / chat.update / ack / respond.

    The one exit of every reply. A message others see shows people and groups by name
    (`names`, from the cache), never as a live mention that would ping them. An ephemeral
    answer notifies nobody, so there Slack's own mention shows the name (`ephemeral=True`)."""
    if not ephemeral:
        reply = replace(reply, text=quiet(reply.text, names or Names()))
    return {"text": fallback(reply), "blocks": to_blocks(reply)}

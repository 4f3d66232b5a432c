"""Modal views as Block Kit (structure here, words from the strings catalog)."""

from __future__ import annotations

from typing import Any

from bot.parsing.normalize import to_plain, without_control
from bot.render import Renderer
from bot.services.recording import ManualRecord


def _input(
    block_id: str, label: str, initial: str = "", *, multiline: bool = False, optional: bool = False
) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "plain_text_input",
        "action_id": "value",
        "multiline": multiline,
    }
    if initial:
        element["initial_value"] = initial[:3000]
    return {
        "type": "input",
        "block_id": block_id,
        "optional": optional,
        "label": {"type": "plain_text", "text": label[:2000]},
        "element": element,
    }


def record_modal(
    renderer: Renderer, lang: str, callback_id: str, text: str, kind: str, metadata: str
) -> dict[str, Any]:
    s = renderer.strings[lang]

    def option(value: str) -> dict[str, Any]:
        return {"text": {"type": "plain_text", "text": s[f"kind_{value}"]}, "value": value}

    return {
        "type": "modal",
        "callback_id": callback_id,
        "private_metadata": metadata[:3000],
        "title": {"type": "plain_text", "text": s["shortcut_title"][:24]},
        "submit": {"type": "plain_text", "text": s["shortcut_submit"][:24]},
        "close": {"type": "plain_text", "text": s["shortcut_close"][:24]},
        "blocks": [
            {
                "type": "input",
                "block_id": "kind",
                "label": {"type": "plain_text", "text": s["kind_label"]},
                "element": {
                    "type": "radio_buttons",
                    "action_id": "value",
                    "options": [option("decision"), option("action")],
                    "initial_option": option(kind),
                },
            },
            _input("text", s["text_label"], to_plain(text), multiline=True),
            _input("owners", s["owners_label"], optional=True),
            _input("due", s["due_label"], optional=True),
        ],
    }


def _at(node: Any, *keys: str) -> Any:
    """A value deep in a submitted view's state, or None where any step is not there."""
    for key in keys:
        node = node.get(key) if isinstance(node, dict) else None
    return node


def read_record_modal(view: dict[str, Any]) -> ManualRecord:
    values = _at(view, "state", "values")

    def text_of(block: str) -> str:
        typed = _at(values, block, "value", "value")  # PostgreSQL refuses NUL in text
        return without_control(typed) if isinstance(typed, str) else ""

    kind = _at(values, "kind", "value", "selected_option", "value")
    kind = kind if kind in ("decision", "action") else "decision"
    return ManualRecord(
        kind=kind, text=text_of("text"), owners=text_of("owners"), due=text_of("due")
    )


def modal_errors(
    renderer: Renderer, lang: str, problems: dict[str, str], form: ManualRecord
) -> dict[str, str]:
    return {field: renderer.string(lang, code, text=form.due) for field, code in problems.items()}


def import_modal(renderer: Renderer, lang: str, callback_id: str, metadata: str) -> dict[str, Any]:
    s = renderer.strings[lang]
    return {
        "type": "modal",
        "callback_id": callback_id,
        "private_metadata": metadata[:3000],
        "title": {"type": "plain_text", "text": s["import_modal_title"][:24]},
        "submit": {"type": "plain_text", "text": s["import_modal_submit"][:24]},
        "close": {"type": "plain_text", "text": s["shortcut_close"][:24]},
        "blocks": [
            {
                "type": "input",
                "block_id": "minutes",
                "optional": True,
                "label": {"type": "plain_text", "text": s["import_modal_label"]},
                "element": {"type": "plain_text_input", "action_id": "value", "multiline": True},
            },
            {
                "type": "input",
                "block_id": "file",
                "optional": True,
                "label": {"type": "plain_text", "text": s["import_modal_file"]},
                "element": {
                    "type": "file_input",
                    "action_id": "value",
                    "max_files": 1,
                    "filetypes": ["pdf", "docx", "txt"],
                },
            },
        ],
    }


def read_import_modal(view: dict[str, Any]) -> tuple[str, dict[str, Any] | None]:
    """(pasted text, the uploaded file's description or None)."""
    values = _at(view, "state", "values")
    text = _at(values, "minutes", "value", "value")
    files = _at(values, "file", "value", "files")
    file = files[0] if isinstance(files, list) and files else None
    text = without_control(text) if isinstance(text, str) else ""
    return text, (file if isinstance(file, dict) else None)

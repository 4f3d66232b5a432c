"""Request bodies built on the real samples in shared/slack-payloads."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from bot.standin import TEAM
from tests.fakes.harness import CHANNEL


def load(shared: Path, name: str) -> dict[str, Any]:
    return json.loads((shared / "slack-payloads" / name).read_text(encoding="utf-8"))


def event_from(shared: Path, name: str, **changes: Any) -> dict[str, Any]:
    """The `event` of a saved delivery, moved into our team and channel."""
    event = copy.deepcopy(load(shared, name)["event"])
    event["channel"] = CHANNEL
    if "team" in event:
        event["team"] = TEAM
    for key in ("message", "previous_message"):
        if isinstance(event.get(key), dict) and "team" in event[key]:
            event[key]["team"] = TEAM
    event.update(changes)
    return event

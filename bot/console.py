"""`referat console`: the real app, its real handlers and Bolt's request pipeline,
against the local Slack stand-in and a SQLite file, in a terminal.

Lines starting with `/` are slash commands, `@referat …` a mention, `:done 3`
presses a button, `:edit …` and `:delete` change your last message; anything
else is a channel message. A line ending in `\\` continues on the next line.
"""

from __future__ import annotations

import json
import re
import secrets
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from bot.app import create_app
from bot.config import Settings
from bot.executor import TrackingExecutor
from bot.standin import BOT_USER, Call, Sender, StandIn
from bot.web import LocalServer

LABELS = {
    "da": {
        "thread": "i tråden",
        "channel": "i kanalen",
        "ephemeral": "kun til dig",
        "updated": "rettet i tråden",
        "home": "App Home",
        "modal": "vindue",
        "error": "fejl",
        "no_button": "Ingen knap '{verb} {n}' i de seneste svar.",
        "no_message": "Du har ikke skrevet nogen besked endnu.",
        "banner": "referat · #{name} ({channel}) · du er @{user_name} ({user}) · "
        "/referat hjælp viser kommandoerne · :quit afslutter",
    },
    "en": {
        "thread": "in thread",
        "channel": "in channel",
        "ephemeral": "only you",
        "updated": "updated in thread",
        "home": "App Home",
        "modal": "modal",
        "error": "error",
        "no_button": "No button '{verb} {n}' in the recent replies.",
        "no_message": "You have not written a message yet.",
        "banner": "referat · #{name} ({channel}) · you are @{user_name} ({user}) · "
        "/referat help lists the commands · :quit ends",
    },
}
EMOJI = {":warning:": "⚠️", ":information_source:": "ℹ️", ":white_check_mark:": "✅"}


def blocks_text(args: dict[str, Any]) -> tuple[str, list[tuple[str, str, dict[str, Any]]]]:
    """Readable text and buttons (label, action_id, element) of a posted message."""
    raw = args.get("blocks")
    blocks = json.loads(raw) if isinstance(raw, str) else (raw or [])
    texts: list[str] = []
    buttons: list[tuple[str, str, dict[str, Any]]] = []
    for block in blocks:
        if block.get("type") in ("section", "header"):
            texts.append((block.get("text") or {}).get("text", ""))
            accessory = block.get("accessory") or {}
            if accessory.get("type") == "button":
                buttons.append((accessory["text"]["text"], accessory["action_id"], accessory))
        elif block.get("type") == "actions":
            for element in block.get("elements", []):
                if element.get("type") == "button":
                    buttons.append((element["text"]["text"], element["action_id"], element))
    text = "\n".join(texts) if texts else str(args.get("text") or "")
    return text, buttons


class Console:
    def __init__(
        self,
        settings: Settings,
        *,
        channel: str,
        user: str,
        out: TextIO,
        channel_name: str = "styregruppe",
    ) -> None:
        self.out = out
        self.channel, self.user, self.channel_name = channel, user, channel_name
        self.users = {user: "dig" if settings.language == "da" else "you", "U0JENS": "jens"}
        self.standin = StandIn(users={k: {"name": v} for k, v in self.users.items()}).start()
        self.settings = replace(
            settings,
            bot_token="xoxb-local-console",
            signing_secret=secrets.token_hex(16),
            api_url=self.standin.url,
            client_id=None,
            client_secret=None,
        )
        self.executor = TrackingExecutor()
        self.app = create_app(self.settings, executor=self.executor)
        self.server = LocalServer(self.app).start()
        self.sender = Sender(self.server.url, self.settings.signing_secret or "")
        self.seen = len(self.standin.calls)
        self.last_ts: str | None = None
        self.last_text = ""
        self.show_home = False
        self._ts = 0
        self.labels = LABELS[self.settings.language]

    def close(self) -> None:
        self.executor.wait_idle(5)
        self.server.stop()
        self.standin.stop()
        self.executor.shutdown(wait=True)

    def banner(self) -> str:
        return self.labels["banner"].format(
            name=self.channel_name,
            channel=self.channel,
            user=self.user,
            user_name=self.users[self.user],
        )

    # -- input ---------------------------------------------------------------

    def _next_ts(self) -> str:
        self._ts += 1
        return f"{int(time.time())}.{self._ts:06d}"

    def handle(self, line: str) -> list[str]:
        line = line.strip()
        if not line:
            return []
        if line.startswith("/"):
            command, _, text = line.partition(" ")
            status, body = self.sender.command(
                text,
                channel=self.channel,
                user=self.user,
                response_url=self.standin.response_url(),
                command=command,
            )
            shown = self._ack(status, body)
            return shown + self._drain()
        match = re.match(r"^:(\w+)\s*(.*)$", line)
        if match and match.group(1) in ("edit", "delete"):
            return self._edit(match.group(1), match.group(2))
        if match and match.group(1) == "home":
            self.show_home = True
            ts = self._next_ts()
            status, _ = self.sender.event(
                {
                    "type": "app_home_opened",
                    "user": self.user,
                    "channel": "D0CONSOLE",
                    "tab": "home",
                    "event_ts": ts,
                }
            )
            return self._status(status) + self._drain()
        if match and match.group(1) == "upload":
            return self._upload(match.group(2))
        if match and match.group(1) in ("confirm", "cancel", "gem", "annullér"):
            verb = "import_confirm" if match.group(1) in ("confirm", "gem") else "import_cancel"
            return self._press(verb, "")
        if match and match.group(2).lstrip("#").isdigit():
            return self._press(match.group(1), match.group(2).lstrip("#"))
        if re.match(r"^@referat\b", line, re.IGNORECASE):
            text = re.sub(r"^@referat", f"<@{BOT_USER}>", line, flags=re.IGNORECASE)
            event = self._message_event(text, "app_mention")
            status, _ = self.sender.event(event)
            return self._status(status) + self._drain()
        ts = self._next_ts()
        self.last_ts, self.last_text = ts, line
        status, _ = self.sender.event(self._message_event(line, "message", ts))
        return self._status(status) + self._drain()

    def _message_event(self, text: str, kind: str, ts: str | None = None) -> dict[str, Any]:
        ts = ts or self._next_ts()
        return {
            "type": kind,
            "text": text,
            "user": self.user,
            "ts": ts,
            "channel": self.channel,
            "event_ts": ts,
            "channel_type": "channel",
            "team": self.sender.team_id,
        }

    def _edit(self, verb: str, text: str) -> list[str]:
        if self.last_ts is None:
            return [self.labels["no_message"]]
        now = self._next_ts()
        if verb == "edit":
            event = {
                "type": "message",
                "subtype": "message_changed",
                "hidden": True,
                "channel": self.channel,
                "ts": now,
                "event_ts": now,
                "channel_type": "channel",
                "message": {
                    "type": "message",
                    "user": self.user,
                    "text": text,
                    "ts": self.last_ts,
                    "edited": {"user": self.user, "ts": now},
                },
                "previous_message": {
                    "type": "message",
                    "user": self.user,
                    "text": self.last_text,
                    "ts": self.last_ts,
                },
            }
            self.last_text = text
        else:
            event = {
                "type": "message",
                "subtype": "message_deleted",
                "hidden": True,
                "channel": self.channel,
                "ts": now,
                "event_ts": now,
                "channel_type": "channel",
                "deleted_ts": self.last_ts,
                "previous_message": {
                    "type": "message",
                    "user": self.user,
                    "text": self.last_text,
                    "ts": self.last_ts,
                },
            }
        status, _ = self.sender.event(event)
        return self._status(status) + self._drain()

    def _upload(self, argument: str) -> list[str]:
        """`:upload FILE [message]`: share a file in the channel, as Slack's file_share."""
        path_text, _, comment = argument.partition(" ")
        path = Path(path_text).expanduser()
        if not path.is_file():
            return [self.labels["no_file"].format(path=path_text)]
        url = self.standin.add_file(path.name, path.read_bytes())
        ts = self._next_ts()
        event = self._message_event(comment or "referat", "message", ts)
        event["subtype"] = "file_share"
        event["files"] = [
            {"id": f"F{ts.replace('.', '')}", "name": path.name, "url_private_download": url}
        ]
        status, _ = self.sender.event(event)
        return self._status(status) + self._drain()

    def _press(self, verb: str, number: str) -> list[str]:
        wanted = f"{verb}_{number}"
        for call in reversed(self.standin.calls):
            if call.method not in (
                "chat.postMessage",
                "chat.update",
                "response_url",
                "chat.postEphemeral",
            ):
                continue
            _, buttons = blocks_text(call.args)
            for _, action_id, element in buttons:
                if action_id == wanted or (
                    action_id == verb and number in ("", element.get("value"))
                ):
                    message = {
                        "type": "message",
                        "user": BOT_USER,
                        "text": call.args.get("text"),
                        "ts": call.result.get("ts") or call.args.get("ts") or "0",
                        "thread_ts": call.args.get("thread_ts"),
                    }
                    status, _ = self.sender.button(
                        {
                            "action_id": action_id,
                            "block_id": "b",
                            "type": "button",
                            "value": element.get("value", ""),
                            "text": element["text"],
                        },
                        channel=self.channel,
                        user=self.user,
                        message=message,
                        response_url=self.standin.response_url("action"),
                    )
                    return self._status(status) + self._drain()
        return [self.labels["no_button"].format(verb=verb, n=number)]

    # -- output --------------------------------------------------------------

    def _status(self, status: int) -> list[str]:
        return [] if status < 400 else [f"[{self.labels['error']} {status}]"]

    def _ack(self, status: int, body: str) -> list[str]:
        if status >= 400:
            return self._status(status)
        if not body.strip():
            return []
        try:
            payload = json.loads(body)
        except ValueError:
            return [body]
        text, buttons = blocks_text(payload)
        return [self._show(self.labels["ephemeral"], text, buttons)]

    def _drain(self) -> list[str]:
        self.executor.wait_idle(15)
        calls = self.standin.calls[self.seen :]
        self.seen = len(self.standin.calls)
        return [shown for call in calls if (shown := self._render(call))]

    def _render(self, call: Call) -> str | None:
        args = call.args
        if call.result.get("ok") is False:
            return f"[{self.labels['error']}] {call.method}: {call.result.get('error')}"
        if call.method == "chat.postMessage":
            where = self.labels["thread"] if args.get("thread_ts") else self.labels["channel"]
        elif call.method == "chat.update":
            where = self.labels["updated"]
        elif call.method == "chat.postEphemeral":
            where = self.labels["ephemeral"]
        elif call.method == "response_url":
            if args.get("delete_original") in (True, "true"):
                return None
            where = self.labels["ephemeral"]
        elif call.method == "views.publish":
            if not self.show_home:
                return None  # Home tab refreshes happen quietly; `:home` shows the tab
            self.show_home = False
            where = self.labels["home"]
            view = args["view"] if isinstance(args["view"], dict) else json.loads(args["view"])
            args = {"blocks": view.get("blocks", [])}
        elif call.method == "views.open":
            where = self.labels["modal"]
            return f"[{where}]"
        else:
            return None
        text, buttons = blocks_text(args)
        return self._show(where, text, buttons)

    def _show(self, where: str, text: str, buttons: list[tuple[str, str, dict[str, Any]]]) -> str:
        readable = self.readable(text)
        lines = readable.split("\n")
        shown = f"[{where}] {lines[0]}" + "".join(f"\n  {line}" for line in lines[1:])
        if buttons:
            shown += "\n  " + " ".join(f"[{label}]" for label, _, _ in buttons)
        return shown

    def readable(self, text: str) -> str:
        return self.readable_text(text, self.users)

    @staticmethod
    def readable_text(text: str, users: dict[str, str] | None = None) -> str:
        """Slack mrkdwn as a terminal shows it: names for mentions, no markup, no entities."""
        known = users or {}
        text = re.sub(
            r"<@([UW][A-Z0-9]+)>", lambda m: "@" + known.get(m.group(1), m.group(1)), text
        )
        text = re.sub(
            r"<#([CGD][A-Z0-9]+)(?:\|([^>]*))?>", lambda m: "#" + (m.group(2) or m.group(1)), text
        )
        text = re.sub(r"<!subteam\^([A-Z0-9]+)>", r"@\1", text)
        text = re.sub(r"<(https?://[^|>]+)\|([^>]+)>", r"\2 (\1)", text)
        text = re.sub(r"\*([^*\n]+)\*", r"\1", text)
        text = re.sub(r"(?<!\w)_([^_\n]+)_(?!\w)", r"\1", text)
        for code, emoji in EMOJI.items():
            text = text.replace(code, emoji)
        text = re.sub(r"\n{2,}", "\n", text)
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def run(
    settings: Settings,
    *,
    channel: str,
    user: str,
    stdin: TextIO = sys.stdin,
    out: TextIO = sys.stdout,
) -> int:
    console = Console(settings, channel=channel, user=user, out=out)
    interactive = stdin.isatty()
    print(console.banner(), file=out, flush=True)
    pending = ""
    try:
        while True:
            if interactive:
                print("> " if not pending else "… ", end="", file=out, flush=True)
            raw = stdin.readline()
            if not raw:
                break
            line = raw.rstrip("\n")
            if line.endswith("\\"):
                pending += line[:-1] + "\n"
                continue
            line, pending = pending + line, ""
            if line.strip() in (":quit", ":q", "exit"):
                break
            if not interactive and line.strip():
                print(f"> {line}", file=out)
            for shown in console.handle(line):
                print(shown, file=out, flush=True)
    except KeyboardInterrupt:
        print(file=out)
    finally:
        console.close()
    return 0

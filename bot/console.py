"""`referat console`: the real app, its real handlers and Bolt's request pipeline,
against the local Slack stand-in and a SQLite file, in a terminal.

Lines starting with `/` are slash commands, `@referat …` a mention, `:done 3`
presses a button, `:edit …` and `:delete` change your last message, `:upload FILE`
shares a file, any other `:word` shows the console's help; anything else is a
channel message. A line ending in `\\` continues on the next line. Every event
gets a fresh id and every message a wall-clock ts, so a second run on the same
database is never taken for a retry of the first.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
import sys
import time
import uuid
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from bot.app import create_app
from bot.config import Settings
from bot.documents.read import DocumentError, extract_text, kind_of
from bot.executor import TrackingExecutor
from bot.parsing.dates import DateError, parse_date
from bot.parsing.intents import fold
from bot.render import Renderer
from bot.standin import BOT_USER, Call, Sender, StandIn
from bot.web import LocalServer

log = logging.getLogger(__name__)
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
                elif element.get("type") == "datepicker":  # `:dato DATE` picks
                    placeholder = (element.get("placeholder") or {}).get("text", "")
                    label = f"📅 {placeholder} {element.get('initial_date') or '____'}"
                    picker = {**element, "block_id": block.get("block_id", "")}
                    buttons.append((label, element["action_id"], picker))
    text = "\n".join(texts) if texts else str(args.get("text") or "")
    return text, buttons


# `:words` that press a button, by its action id; the labels work too (`:udført 3`).
BUTTON_WORDS = {
    "done": "done",
    "reopen": "reopen",
    "undo": "undo",
    "share": "share",
    "confirm": "import_confirm",
    "cancel": "import_cancel",
    "gem": "import_confirm",
    "annuller": "import_cancel",
    "udfort": "done",
    "genabn": "reopen",
    "fortryd": "undo",
    "del": "share",
}
BUTTON_SOURCES = ("chat.postMessage", "chat.update", "response_url", "chat.postEphemeral")
FILE_LINES = 6  # how much of an uploaded file the console shows
QUIT = (":quit", ":q", ":exit", ":afslut", "exit")


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
        people = {k: {"name": v, "display_name": v} for k, v in self.users.items()}
        self.standin = StandIn(users=people).start()
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
        self.recent: list[Call] = []  # what was shown that can carry buttons, oldest first
        self.last_ts: str | None = None
        self.last_text = ""
        self.show_home = False
        self.dialog: dict[str, Any] | None = None  # the view `:submit` fills in
        # a button's confirmation waiting for the next line: verb, number, yes and no labels
        self.asking: tuple[str, str, str, str] | None = None
        self._last_us = 0
        self.labels = Renderer().strings[self.settings.language]

    def close(self) -> None:
        self.executor.wait_idle(5)
        self.server.stop()
        self.standin.stop()
        self.executor.shutdown(wait=True)

    def label(self, key: str, **values: Any) -> str:
        return self.labels[f"console_{key}"].format(**values)

    def banner(self) -> str:
        return self.label(
            "banner",
            name=self.channel_name,
            channel=self.channel,
            user=self.user,
            user_name=self.users[self.user],
        )

    # -- input ---------------------------------------------------------------

    def _next_ts(self) -> str:
        """A message ts from the wall clock, rising within a run and unique across runs."""
        self._last_us = max(time.time_ns() // 1000, self._last_us + 1)
        return f"{self._last_us // 1_000_000}.{self._last_us % 1_000_000:06d}"

    def _send_event(self, event: dict[str, Any]) -> list[str]:
        """An event with an id of its own: a second run on the same database is not a retry."""
        status, _ = self.sender.event(event, event_id=f"Ev{uuid.uuid4().hex.upper()}")
        return self._status(status) + self._drain()

    def handle(self, line: str) -> list[str]:
        line = line.strip()
        if not line:
            return []
        asking, self.asking = self.asking, None  # a confirmation lasts one line
        answer = re.match(r"^:(\S+)\s*(.*)$", line)
        if asking is not None and answer is not None:
            verb, number, yes, no = asking
            word = fold(answer.group(1))
            again = (word, answer.group(2).lstrip("#").strip()) == (verb, number)
            if word in ("ja", "yes", "j", "y", fold(yes)) or again:
                return self._press(verb, number, confirmed=True)
            if word in ("nej", "no", "n", fold(no)):
                return []  # as in Slack: the dialog closes, nothing is sent
        if line.startswith("/"):
            command, _, text = line.partition(" ")
            status, body = self.sender.command(
                self.mentions(text, escaped=True),
                channel=self.channel,
                user=self.user,
                response_url=self.standin.response_url(),
                command=command,
            )
            shown = self._ack(status, body)
            return shown + self._drain()
        match = re.match(r"^:([^\s:]+)\s*(.*)$", line, re.DOTALL)
        if match:
            return self._colon(match.group(1), match.group(2).strip())
        if re.match(r"^@referat\b", line, re.IGNORECASE):
            text = re.sub(r"^@referat", f"<@{BOT_USER}>", line, flags=re.IGNORECASE)
            return self._send_event(self._message_event(self.mentions(text), "app_mention"))
        ts = self._next_ts()
        self.last_ts, self.last_text = ts, self.mentions(line)
        return self._send_event(self._message_event(self.last_text, "message", ts))

    def mentions(self, text: str, *, escaped: bool = False) -> str:
        """`@jens` as Slack's composer sends a person picked from its list: `<@U0JENS>` in a
        message, `<@U0JENS|jens>` in a slash command (the manifest's should_escape). A name
        the console does not know stays plain text, as it would in Slack."""
        by_name = {name.casefold(): user for user, name in self.users.items()}

        def one(match: re.Match[str]) -> str:
            user = by_name.get(match.group(1).casefold())
            if user is None:
                return match.group(0)
            return f"<@{user}|{match.group(1)}>" if escaped else f"<@{user}>"

        return re.sub(r"(?<![\w<@])@([\w.\-]+)", one, text)

    def safely(self, line: str) -> list[str]:
        """`handle`, with a fault in the console itself as one line (its traceback in the log)."""
        try:
            return self.handle(line)
        except Exception as error:  # the REPL goes on; the log keeps the traceback
            log.exception("console line failed: %r", line)
            return [self.label("failed", error=type(error).__name__)]

    def _colon(self, typed: str, argument: str) -> list[str]:
        """`:word …`: the console's own commands, else a button, else the console's help."""
        word = fold(typed)
        if word in ("edit", "ret", "delete", "slet"):
            return self._edit("edit" if word in ("edit", "ret") else "delete", argument)
        if word == "home":
            self.show_home = True
            ts = self._next_ts()
            event = {
                "type": "app_home_opened",
                "user": self.user,
                "channel": "D0CONSOLE",
                "tab": "home",
                "event_ts": ts,
            }
            return self._send_event(event)
        if word == "upload":
            return self._upload(argument)
        if word in ("submit", "send"):
            return self._submit(argument)
        if word in ("dato", "date"):
            return self._pick_date(argument)
        number = argument.lstrip("#")
        if (number == "" or number.isdigit()) and self._button(word, number) is not None:
            return self._press(word, number)
        if word in BUTTON_WORDS:
            return [self.label("no_button", press=f"{typed} {number}".strip())]
        if word in ("ja", "nej", "yes", "no", "j", "n", "y"):
            return [self.label("nothing_asked", answer=typed)]  # no question is open
        return [self.label("help")]

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
            return [self.label("no_message")]
        now = self._next_ts()
        if verb == "edit":
            text = self.mentions(text)
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
        return self._send_event(event)

    def _upload(self, argument: str) -> list[str]:
        """`:upload FILE [message]`: share a file in the channel, as Slack's file_share."""
        path_text, _, comment = argument.partition(" ")
        path = Path(path_text).expanduser()
        try:
            data = path.read_bytes()
        except OSError:
            return [self.label("no_file", path=path_text or "?")]
        shared = self._preview(self.label("you_shared"), [self._file_lines(path.name, None, data)])
        url = self.standin.add_file(path.name, data)
        ts = self._next_ts()
        event = self._message_event(comment or "referat", "message", ts)
        event["subtype"] = "file_share"
        event["files"] = [
            {"id": f"F{ts.replace('.', '')}", "name": path.name, "url_private_download": url}
        ]
        return [shared, *self._send_event(event)]

    def _submit(self, argument: str) -> list[str]:
        """`:submit TEXT` or `:submit FILE`: fill in the open dialog's field and send it."""
        if self.dialog is None:
            return [self.label("no_dialog")]
        path = Path(argument).expanduser()
        is_file = bool(argument) and "\n" not in argument and path.is_file()
        values: dict[str, Any] = {}
        for block in self.dialog.get("blocks", []):
            element = block.get("element") or {}
            kind, action = element.get("type"), element.get("action_id", "value")
            if kind == "file_input" and is_file:
                url = self.standin.add_file(path.name, path.read_bytes())
                file = {"id": f"F{self._next_ts().replace('.', '')}", "name": path.name}
                value: dict[str, Any] = {
                    "type": kind,
                    "files": [{**file, "url_private_download": url}],
                }
                values[block["block_id"]] = {action: value}
                is_file = False
            elif kind == "plain_text_input" and not is_file and argument:
                values[block["block_id"]] = {action: {"type": kind, "value": argument}}
                argument = ""
        view = {
            "id": self.dialog.get("id", "V0CONSOLE"),
            "type": "modal",
            "callback_id": self.dialog.get("callback_id"),
            "private_metadata": self.dialog.get("private_metadata", ""),
            "state": {"values": values},
        }
        payload = {
            "type": "view_submission",
            "api_app_id": "A0LOCAL",
            "team": {"id": self.sender.team_id},
            "user": {"id": self.user, "team_id": self.sender.team_id},
            "trigger_id": f"{self._next_ts()}.console.trigger",
            "view": view,
        }
        status, body = self.sender.interaction(payload)
        try:
            answer = json.loads(body) if body.strip() else {}
        except ValueError:
            answer = {}
        if answer.get("response_action") == "errors":
            labels = {
                b.get("block_id"): (b.get("label") or {}).get("text", "")
                for b in self.dialog.get("blocks", [])
            }
            problems = [
                self.label("dialog_error", field=labels.get(field, field), error=error)
                for field, error in answer.get("errors", {}).items()
            ]
            return [self._show(self.label("modal"), "\n".join(problems), [])]
        self.dialog = None
        return self._status(status) + self._drain()

    def _pick_date(self, argument: str) -> list[str]:
        """`:dato 5/1-2024`: pick a date in the newest date picker, as Slack sends it."""
        found = next(
            (
                (call, element)
                for call in reversed(self.recent)
                for _, _, element in blocks_text(call.args)[1]
                if element.get("type") == "datepicker"
            ),
            None,
        )
        if found is None:
            return [self.label("no_picker")]
        today = (self.settings.now or datetime.now()).date()
        try:
            picked = date.fromisoformat(argument.strip())
        except ValueError:
            try:
                picked = parse_date(argument, today)
            except DateError:
                return [self.label("bad_date", text=argument)]
        call, element = found
        action = {
            "action_id": element["action_id"],
            "block_id": element.get("block_id", ""),
            "type": "datepicker",
            "selected_date": picked.isoformat(),
        }
        message = {
            "type": "message",
            "user": BOT_USER,
            "text": call.args.get("text"),
            "ts": call.result.get("ts") or call.args.get("ts") or self._next_ts(),
        }
        status, _ = self.sender.button(
            action,
            channel=self.channel,
            user=self.user,
            message=message,
            response_url=self.standin.response_url("action"),
        )
        return self._status(status) + self._drain()

    def _button(self, verb: str, number: str) -> tuple[Call, str, dict[str, Any]] | None:
        """The newest button `:verb number` means: by action id, `:done 3` or `:share`, or by
        its label's first word in either spelling (`:udført 3`, `:del`)."""
        wanted = BUTTON_WORDS.get(verb, verb)
        for call in reversed(self.recent):
            _, buttons = blocks_text(call.args)
            for label, action_id, element in buttons:
                by_label = fold(label.split()[0]) == verb if label.split() else False
                if action_id == f"{wanted}_{number}" or (
                    (action_id == wanted or by_label)
                    and number in ("", element.get("value"), action_id.rpartition("_")[2])
                ):
                    return call, action_id, element
        return None

    def _press(self, verb: str, number: str, *, confirmed: bool = False) -> list[str]:
        found = self._button(verb, number)
        if found is None:
            return [self.label("no_button", press=f"{verb} {number}".strip())]
        call, action_id, element = found
        confirm = element.get("confirm")
        if confirm and not confirmed:  # Slack asks first; so does the console
            yes = (confirm.get("confirm") or {}).get("text", "")
            no = (confirm.get("deny") or {}).get("text", "")
            self.asking = (verb, number, yes, no)
            title = (confirm.get("title") or {}).get("text", "")
            text = (confirm.get("text") or {}).get("text", "")
            buttons: list[tuple[str, str, dict[str, Any]]] = [
                (yes, "confirm", {}),
                (no, "deny", {}),
            ]
            shown = self._show(self.label("modal"), f"{title}\n{text}", buttons)
            return [f"{shown}\n  {self.label('confirm_hint', yes=yes, no=no)}"]
        message = {
            "type": "message",
            "user": BOT_USER,
            "text": call.args.get("text"),
            "ts": call.result.get("ts") or call.args.get("ts") or self._next_ts(),
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

    # -- output --------------------------------------------------------------

    def _status(self, status: int) -> list[str]:
        return [] if status < 400 else [f"[{self.label('error')} {status}]"]

    def _ack(self, status: int, body: str) -> list[str]:
        if status >= 400:
            return self._status(status)
        if not body.strip():
            return []
        try:
            payload = json.loads(body)
        except ValueError:
            return [body]
        self.recent.append(Call("ack", payload, None, {"ok": True}))  # its buttons can be pressed
        where = "channel" if payload.get("response_type") == "in_channel" else "ephemeral"
        text, buttons = blocks_text(payload)
        return [self._show(self.label(where), text, buttons)]

    def _drain(self) -> list[str]:
        self.executor.wait_idle(15)
        calls = self.standin.calls[self.seen :]
        self.seen = len(self.standin.calls)
        self.recent += [c for c in calls if c.method in BUTTON_SOURCES]
        publishes = [c for c in calls if c.method == "views.publish"]
        if len(publishes) > 1:  # a tab opened: published from the cache, then again; the last
            calls = [c for c in calls if c.method != "views.publish" or c is publishes[-1]]
        return [shown for call in calls if (shown := self._render(call))]

    def _render(self, call: Call) -> str | None:
        args = call.args
        if call.result.get("ok") is False:
            return f"[{self.label('error')}] {call.method}: {call.result.get('error')}"
        if call.method == "chat.postMessage":
            if str(args.get("channel", "")).startswith("D"):
                where = self.label("direct")
            else:
                where = self.label("thread" if args.get("thread_ts") else "channel")
        elif call.method == "chat.update":
            where = self.label("updated")
        elif call.method == "chat.postEphemeral":
            where = self.label("ephemeral")
        elif call.method == "response_url":
            if args.get("delete_original") in (True, "true"):
                return None
            in_channel = args.get("response_type") == "in_channel"
            where = self.label("channel" if in_channel else "ephemeral")
        elif call.method == "views.publish":
            if not self.show_home:
                return None  # Home tab refreshes happen quietly; `:home` shows the tab
            self.show_home = False
            where = self.label("home")
            view = args["view"] if isinstance(args["view"], dict) else json.loads(args["view"])
            args = {"blocks": view.get("blocks", [])}
        elif call.method == "views.open":
            view = args["view"] if isinstance(args["view"], dict) else json.loads(args["view"])
            self.dialog = view
            return self._dialog(view)
        elif call.method == "files.completeUploadExternal":
            return self._files(args)
        else:
            return None
        text, buttons = blocks_text(args)
        return self._show(where, text, buttons)

    def _dialog(self, raw: Any) -> str:
        """A modal as a person sees it: its title, each field's label, its buttons."""
        view = raw if isinstance(raw, dict) else json.loads(raw)
        lines = [(view.get("title") or {}).get("text", "")]
        for block in view.get("blocks", []):
            if block.get("type") == "input":
                label = (block.get("label") or {}).get("text", "")
                optional = f" ({self.label('optional')})" if block.get("optional") else ""
                element = block.get("element") or {}
                value = element.get("initial_value") or (
                    (element.get("initial_option") or {}).get("text") or {}
                ).get("text", "")
                kinds = element.get("filetypes")
                hint = f" [{', '.join(kinds)}]" if kinds else ""
                lines.append(f"{label}{optional}{hint}: {value or '____'}")
            elif block.get("type") in ("section", "header"):
                lines.append((block.get("text") or {}).get("text", ""))
        buttons: list[tuple[str, str, dict[str, Any]]] = [
            ((view.get(key) or {}).get("text", ""), key, {})
            for key in ("submit", "close")
            if view.get(key)
        ]
        shown = self._show(self.label("modal"), "\n".join(lines), buttons)
        return f"{shown}\n  {self.label('dialog_hint')}"

    def _files(self, args: dict[str, Any]) -> str:
        """Files the bot uploaded, as the channel shows them."""
        files = args.get("files")
        files = json.loads(files) if isinstance(files, str) else (files or [])
        names = {
            str(c.result.get("file_id")): str(c.args.get("filename"))
            for c in self.standin.calls
            if c.method == "files.getUploadURLExternal"
        }
        shown = [
            self._file_lines(
                names.get(str(file.get("id")), str(file.get("id"))),
                file.get("title"),
                self.standin.uploads.get(str(file.get("id")), b""),
            )
            for file in files
        ]
        return self._preview(self.label("file"), shown)

    def _file_lines(self, name: str, title: str | None, data: bytes) -> list[str]:
        """A file's name (and title) and its first lines, or its size when it is not text."""
        head = f"📎 {name}" + (f" · {title}" if title and title != name else "")
        try:
            if kind_of(name, data) in ("docx", "pdf"):  # as Slack's preview shows its text
                # the reader marks Word headings and lists as Markdown; a preview shows text
                lines = [
                    re.sub(r"^(?:#{1,6} |- )", "", line)
                    for line in extract_text(data, name).splitlines()
                ]
            else:
                lines = data.decode("utf-8").lstrip("\ufeff").splitlines()
            lines = [line for line in lines if line.strip()]
        except (UnicodeDecodeError, DocumentError):
            return [f"{head} {self.label('file_binary', size=len(data))}"]
        preview = [head, *(f"│ {line}" for line in lines[:FILE_LINES])]
        if len(lines) > FILE_LINES:
            more = len(lines) - FILE_LINES
            preview.append(self.label("file_line" if more == 1 else "file_lines", n=more))
        return preview

    @staticmethod
    def _preview(where: str, files: list[list[str]]) -> str:
        lines = [line for file in files for line in file] or [""]
        return f"[{where}] {lines[0]}" + "".join(f"\n  {line}" for line in lines[1:])

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
            r"<@([UW][A-Z0-9]+)(?:\|([^>]*))?>",
            lambda m: "@" + known.get(m.group(1), m.group(2) or m.group(1)),
            text,
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
            if not raw and not pending:
                break
            line = raw.rstrip("\n")
            if raw and line.endswith("\\"):
                pending += line[:-1].rstrip() + "\n"
                continue
            line, pending = pending + line, ""
            if line.strip() in QUIT:
                break
            if not interactive and line.strip():
                print("> " + line.replace("\n", "\n… "), file=out)
            for shown in console.safely(line):
                print(shown, file=out, flush=True)
    except KeyboardInterrupt:
        print(file=out)
    finally:
        console.close()
    return 0

"""A local stand-in for Slack: the Web API the bot calls, and the sender of signed requests.

Used by `referat console` and by the tests. It listens on 127.0.0.1 at a free
port, records every call's arguments, keeps posted messages, and refuses what
Slack refuses (missing arguments, more than 50 blocks, a section over 3,000
characters). Answers have the shape of the samples in shared/slack-payloads.
"""

from __future__ import annotations

import base64
import itertools
import json
import threading
import time
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from slack_sdk.signature import SignatureVerifier

TEAM = "T0LOCAL"
BOT_USER = "U0REFERAT"
BOT_ID = "B0REFERAT"

REQUIRED: dict[str, tuple[str, ...]] = {
    "chat.postMessage": ("channel",),
    "chat.postEphemeral": ("channel", "user"),
    "chat.update": ("channel", "ts"),
    "chat.delete": ("channel", "ts"),
    "chat.getPermalink": ("channel", "message_ts"),
    "views.publish": ("user_id", "view"),
    "views.open": ("trigger_id", "view"),
    "users.info": ("user",),
    "usergroups.users.list": ("usergroup",),
    "conversations.info": ("channel",),
    "conversations.open": ("users",),
    "conversations.history": ("channel",),
    "conversations.replies": ("channel", "ts"),
    "conversations.members": ("channel",),
    "files.getUploadURLExternal": ("filename", "length"),
    "files.completeUploadExternal": ("files",),
}
NEEDS_CONTENT = {"chat.postMessage", "chat.postEphemeral", "chat.update"}
MAX_MESSAGE_BLOCKS = 50
MAX_VIEW_BLOCKS = 100
MAX_SECTION_TEXT = 3000


@dataclass
class Call:
    method: str
    args: dict[str, Any]
    token: str | None
    result: dict[str, Any] = field(default_factory=dict)
    at: float = field(default_factory=time.time)


@dataclass
class Fault:
    status: int
    error: str
    retry_after: int | None = None


def _loaded(blocks: Any) -> Any:
    try:
        return json.loads(blocks) if isinstance(blocks, str) else blocks
    except ValueError:
        return []


MAX_MESSAGE_TEXT = 12_000  # all text in a message's blocks (Slack: msg_blocks_too_long)


def _text_in(node: Any) -> int:
    """How many text characters blocks hold, in every nested text field."""
    if isinstance(node, dict):
        own = len(node["text"]) if isinstance(node.get("text"), str) else 0
        return own + sum(
            _text_in(v) for k, v in node.items() if k != "text" or not isinstance(v, str)
        )
    if isinstance(node, list):
        return sum(_text_in(v) for v in node)
    return 0


def _blocks_problem(blocks: Any, limit: int) -> str | None:
    if isinstance(blocks, str):
        try:
            blocks = json.loads(blocks)
        except ValueError:
            return "invalid_blocks_format"
    if not isinstance(blocks, list):
        return "invalid_blocks_format"
    if len(blocks) > limit:
        return "invalid_blocks"
    for block in blocks:
        if not isinstance(block, dict) or "type" not in block:
            return "invalid_blocks"
        if block["type"] == "section":
            text = (block.get("text") or {}).get("text", "")
            if len(text) > MAX_SECTION_TEXT:
                return "invalid_blocks"
        if block["type"] == "actions" and len(block.get("elements", [])) > 25:
            return "invalid_blocks"
    return None


class StandIn:
    """The fake Slack Web API, with state. `url` ends in /api/."""

    def __init__(
        self, users: dict[str, dict[str, Any]] | None = None, clock: Callable[[], float] = time.time
    ) -> None:
        self.clock = clock  # message ts follow this clock (tests pin it)
        self.socket_url: str | None = None  # what apps.connections.open hands out
        self.calls: list[Call] = []
        self.uploads: dict[str, bytes] = {}
        self.files: dict[str, bytes] = {}  # what url_private_download serves
        self.users: dict[str, dict[str, Any]] = users or {}
        # who is in which channel; a channel not listed has every known user in it
        self.members: dict[str, list[str]] = {}
        # user groups by id: {"handle": "styregruppen", "name": "…", "users": ["U…"]}
        self.groups: dict[str, dict[str, Any]] = {}
        self.faults: dict[str, list[Fault]] = {}
        # OAuth: the app's client id and secret, and the codes Slack's consent page handed
        # out ({code: team id}); each code is exchanged once, for a bot token of that team
        self.oauth_client: tuple[str, str] | None = None
        self.oauth_codes: dict[str, str] = {}
        self.issued_tokens: dict[str, str] = {}  # bot token -> team id
        self._ts = itertools.count(1)
        self._lock = threading.Condition()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        # stop() waits for the loop to look at its shutdown flag: every 10 ms
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.01,), daemon=True
        )

    # -- life ----------------------------------------------------------------

    def start(self) -> StandIn:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}"

    @property
    def url(self) -> str:
        return f"{self.base}/api/"

    def add_file(self, name: str, data: bytes) -> str:
        """Make a file downloadable as Slack's url_private_download would."""
        self.files[name] = data
        return f"{self.base}/files/{urllib.parse.quote(name)}"

    def response_url(self, name: str = "cmd") -> str:
        return f"{self.base}/response/{name}/{next(self._ts)}"

    # -- what tests and the console read ------------------------------------

    def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        """Wait (with a deadline, not a sleep) until `count` calls of `method` arrived."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                found = [c for c in self.calls if c.method == method]
                if len(found) >= count:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"expected {count} call(s) to {method}, got {len(found)}: "
                        f"{[c.method for c in self.calls]}"
                    )
                self._lock.wait(remaining)

    # -- the server ----------------------------------------------------------

    def _record(self, call: Call) -> None:
        with self._lock:
            self.calls.append(call)
            self._lock.notify_all()

    def grant(self, team_id: str) -> str:
        """What Slack's consent page does when a person installs the app: a one-time code."""
        code = f"code-{team_id}-{next(self._ts)}"
        self.oauth_codes[code] = team_id
        return code

    def exchange(self, args: dict[str, Any], basic: str) -> dict[str, Any]:
        """oauth.v2.access: client id and secret (HTTP Basic, or in the form) and a code."""
        client_id, secret = args.get("client_id"), args.get("client_secret")
        if basic:
            decoded = base64.b64decode(basic).decode("utf-8", "replace")
            client_id, _, secret = decoded.partition(":")
        if self.oauth_client is None or (client_id, secret) != self.oauth_client:
            return {"ok": False, "error": "invalid_client_id" if client_id else "bad_client_secret"}
        team_id = self.oauth_codes.pop(str(args.get("code") or ""), None)
        if team_id is None:
            return {"ok": False, "error": "invalid_code"}
        token = f"xoxb-{team_id}-{next(self._ts)}"
        self.issued_tokens[token] = team_id
        return {
            "ok": True,
            "app_id": "A0LOCAL",
            "authed_user": {"id": "U0INSTALLER"},
            "scope": str(args.get("scope") or "chat:write,commands"),
            "token_type": "bot",
            "access_token": token,
            "bot_user_id": BOT_USER,
            "team": {"id": team_id, "name": f"Workspace {team_id}"},
            "enterprise": None,
            "is_enterprise_install": False,
        }

    def answer(
        self, method: str, args: dict[str, Any], token: str | None
    ) -> tuple[int, dict[str, Any], dict[str, str]]:
        with self._lock:
            faults = self.faults.get(method)
            fault = faults.pop(0) if faults else None
        if fault is not None:
            headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after else {}
            return fault.status, {"ok": False, "error": fault.error}, headers
        if not token or not token.startswith(("xoxb-", "xoxp-", "xapp-")):
            return 200, {"ok": False, "error": "not_authed" if not token else "invalid_auth"}, {}
        missing = [name for name in REQUIRED.get(method, ()) if not args.get(name)]
        if missing:
            return (
                200,
                {
                    "ok": False,
                    "error": "invalid_arguments",
                    "response_metadata": {"messages": [f"missing {m}" for m in missing]},
                },
                {},
            )
        if method in NEEDS_CONTENT and not (
            args.get("text") or args.get("blocks") or args.get("attachments")
        ):
            return 200, {"ok": False, "error": "no_text"}, {}
        if "blocks" in args:
            problem = _blocks_problem(args["blocks"], MAX_MESSAGE_BLOCKS)
            if problem is None and _text_in(_loaded(args["blocks"])) > MAX_MESSAGE_TEXT:
                problem = "msg_blocks_too_long"
            if problem:
                return 200, {"ok": False, "error": problem}, {}
        if "view" in args:
            view = args["view"]
            view = json.loads(view) if isinstance(view, str) else view
            problem = _blocks_problem(view.get("blocks", []), MAX_VIEW_BLOCKS)
            if problem:
                return 200, {"ok": False, "error": problem}, {}
        return 200, self._ok(method, args, token), {}

    def _ok(self, method: str, args: dict[str, Any], token: str | None = None) -> dict[str, Any]:
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://referat-local.slack.com/",
                "team": "referat (lokal)",
                "user": "referat",
                "team_id": self.issued_tokens.get(token or "", TEAM),
                "user_id": BOT_USER,
                "bot_id": BOT_ID,
            }
        if method in ("chat.postMessage", "chat.update", "chat.delete"):
            ts = args.get("ts") or f"{self.clock():.0f}.{next(self._ts):06d}"
            return {
                "ok": True,
                "channel": args["channel"],
                "ts": ts,
                "text": args.get("text", ""),
                "message": {
                    "type": "message",
                    "text": args.get("text", ""),
                    "bot_id": BOT_ID,
                    "user": BOT_USER,
                    "ts": ts,
                },
            }
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": f"{int(time.time())}.{next(self._ts):06d}"}
        if method == "chat.getPermalink":
            channel, ts = args["channel"], str(args["message_ts"]).replace(".", "")
            return {
                "ok": True,
                "channel": args["channel"],
                "permalink": f"https://referat-local.slack.com/archives/{channel}/p{ts}",
            }
        if method in ("views.publish", "views.open"):
            view = args["view"]
            view = json.loads(view) if isinstance(view, str) else view
            return {"ok": True, "view": {"id": f"V{next(self._ts):08d}", **view}}
        if method == "users.info":
            user_id = args["user"]
            user = self.users.get(user_id, {})
            name = user.get("name", user_id.lower())
            real_name = user.get("real_name", user_id)
            return {
                "ok": True,
                "user": {
                    "id": user_id,
                    "team_id": TEAM,
                    "name": name,
                    "real_name": real_name,
                    "tz": user.get("tz", "Europe/Copenhagen"),
                    "is_bot": False,
                    "deleted": False,
                    "profile": {
                        "display_name": user.get("display_name", ""),
                        "display_name_normalized": user.get("display_name", ""),
                        "real_name": real_name,
                        "real_name_normalized": real_name,
                        "team": TEAM,
                    },
                },
            }
        if method == "usergroups.list":
            with_users = str(args.get("include_users", "")).lower() in ("true", "1")
            return {
                "ok": True,
                "usergroups": [
                    {
                        "id": group_id,
                        "team_id": TEAM,
                        "is_usergroup": True,
                        "name": group.get("name", group["handle"]),
                        "handle": group["handle"],
                        "date_delete": 0,
                        "user_count": len(group.get("users", [])),
                        **({"users": list(group.get("users", []))} if with_users else {}),
                    }
                    for group_id, group in sorted(self.groups.items())
                ],
            }
        if method == "usergroups.users.list":
            group = self.groups.get(args["usergroup"])
            if group is None:
                return {"ok": False, "error": "no_such_subteam"}
            return {"ok": True, "users": list(group.get("users", []))}
        if method == "conversations.info":
            return {
                "ok": True,
                "channel": {
                    "id": args["channel"],
                    "name": "styregruppe",
                    "is_channel": True,
                    "is_member": True,
                },
            }
        if method == "apps.connections.open":
            if not self.socket_url:
                return {"ok": False, "error": "not_allowed_token_type"}
            return {"ok": True, "url": self.socket_url}
        if method == "conversations.history":
            return {
                "ok": True,
                "messages": self._history(args["channel"], float(args.get("oldest") or 0)),
                "has_more": False,
            }
        if method == "conversations.replies":
            thread = str(args["ts"])
            replies = [
                m
                for m in reversed(self._history(args["channel"], 0.0))
                if m.get("thread_ts") == thread or m["ts"] == thread
            ]
            return {"ok": True, "messages": replies, "has_more": False}
        if method == "conversations.members":
            found = self.members.get(args["channel"], [*self.users, BOT_USER])
            return {"ok": True, "members": found, "response_metadata": {"next_cursor": ""}}
        if method == "conversations.open":
            return {"ok": True, "channel": {"id": "D" + str(args["users"]).split(",")[0][1:]}}
        if method == "files.getUploadURLExternal":
            file_id = f"F{next(self._ts):08d}"
            return {"ok": True, "upload_url": f"{self.base}/upload/{file_id}", "file_id": file_id}
        if method == "files.completeUploadExternal":
            files = args["files"]
            files = json.loads(files) if isinstance(files, str) else files
            return {"ok": True, "files": [{"id": f["id"], "title": f.get("title")} for f in files]}
        return {"ok": True}

    def _history(self, channel: str, oldest: float) -> list[dict[str, Any]]:
        """Messages the bot posted in a channel, newest first, as conversations.history gives."""
        with self._lock:
            posted = [
                c
                for c in self.calls
                if c.method == "chat.postMessage"
                and c.args.get("channel") == channel
                and c.result.get("ok")
            ]
        messages = []
        for call in reversed(posted):
            ts = str(call.result["ts"])
            if float(ts) < oldest:
                continue
            message = {
                "type": "message",
                "ts": ts,
                "text": call.args.get("text", ""),
                "bot_id": BOT_ID,
                "user": BOT_USER,
            }
            if call.args.get("thread_ts"):
                message["thread_ts"] = str(call.args["thread_ts"])
            if call.args.get("metadata"):
                metadata = call.args["metadata"]
                message["metadata"] = (
                    json.loads(metadata) if isinstance(metadata, str) else metadata
                )
            messages.append(message)
        return messages

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # connections kept alive, as Slack's are
            disable_nagle_algorithm = True  # headers and body written apart: no 40 ms stall

            def log_message(self, format: str, *args: Any) -> None:
                return

            def _body(self) -> bytes:
                length = int(self.headers.get("Content-Length") or 0)
                return self.rfile.read(length) if length else b""

            def _args(self, raw: bytes) -> dict[str, Any]:
                parsed = urllib.parse.urlparse(self.path)
                args: dict[str, Any] = dict(urllib.parse.parse_qsl(parsed.query))
                kind = self.headers.get("Content-Type", "")
                if raw and "json" in kind:
                    args.update(json.loads(raw.decode("utf-8")))
                elif raw:
                    args.update(urllib.parse.parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
                return args

            def _send(self, status: int, payload: dict[str, Any], headers: dict[str, str]) -> None:
                data = json.dumps(payload).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

            def _serve(self) -> None:
                raw = self._body()
                path = urllib.parse.urlparse(self.path).path
                if path.startswith("/files/"):
                    name = urllib.parse.unquote(path[len("/files/") :])
                    auth = self.headers.get("Authorization", "")
                    if not auth.startswith("Bearer xoxb-") or name not in standin.files:
                        self.send_response(404 if auth else 403)
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                    data = standin.files[name]
                    standin._record(Call("file_download", {"name": name}, auth[7:]))
                    self.send_response(200)
                    self.send_header("Content-Type", "application/octet-stream")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                    return
                if path.startswith("/upload/"):
                    standin.uploads[path.rsplit("/", 1)[-1]] = raw
                    standin._record(
                        Call(
                            "upload", {"file_id": path.rsplit("/", 1)[-1], "bytes": len(raw)}, None
                        )
                    )
                    self._send(200, {"ok": True}, {})
                    return
                if path.startswith("/response/"):
                    args = self._args(raw)
                    standin._record(Call("response_url", {**args, "url": path}, None))
                    self._send(200, {"ok": True}, {})
                    return
                if not path.startswith("/api/"):
                    self._send(404, {"ok": False, "error": "unknown_method"}, {})
                    return
                method = path[len("/api/") :]
                args = self._args(raw)
                auth = self.headers.get("Authorization", "")
                if method == "oauth.v2.access":
                    basic = auth[6:] if auth.startswith("Basic ") else ""
                    answer = standin.exchange(args, basic)
                    secretless = {k: v for k, v in args.items() if k != "client_secret"}
                    standin._record(Call(method, secretless, None, answer))
                    self._send(200, answer, {})
                    return
                token = auth[7:] if auth.startswith("Bearer ") else args.get("token")
                status, payload, headers = standin.answer(method, args, token)
                standin._record(Call(method, args, token, payload))
                self._send(status, payload, headers)

            do_POST = _serve
            do_GET = _serve

        return Handler


class Sender:
    """Sends requests into the app as Slack would: signed, over HTTP."""

    def __init__(self, app_url: str, signing_secret: str, team_id: str = TEAM) -> None:
        self.app_url = app_url
        self.verifier = SignatureVerifier(signing_secret)
        self.team_id = team_id
        self._ids = itertools.count(1)
        # trigger ids unique across runs, as Slack's are: a console run again on the same
        # database must not look like a replay of the first run's commands
        self._run = uuid.uuid4().hex[:12]

    def post(
        self,
        body: str,
        content_type: str,
        headers: dict[str, str] | None = None,
        timestamp: int | None = None,
    ) -> tuple[int, str]:
        stamp = str(timestamp if timestamp is not None else int(time.time()))
        signature = self.verifier.generate_signature(timestamp=stamp, body=body) or ""
        request = urllib.request.Request(
            self.app_url,
            data=body.encode("utf-8"),
            method="POST",
            headers={
                "Content-Type": content_type,
                "X-Slack-Request-Timestamp": stamp,
                "X-Slack-Signature": signature,
                **(headers or {}),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def command(
        self, text: str, *, channel: str, user: str, response_url: str, command: str = "/referat"
    ) -> tuple[int, str]:
        form = {
            "token": "unused",
            "team_id": self.team_id,
            "team_domain": "referat-local",
            "channel_id": channel,
            "channel_name": "styregruppe",
            "user_id": user,
            "user_name": user.lower(),
            "command": command,
            "text": text,
            "api_app_id": "A0LOCAL",
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": f"{next(self._ids)}.{self._run}.local.trigger",
        }
        return self.post(urllib.parse.urlencode(form), "application/x-www-form-urlencoded")

    def event(
        self,
        event: dict[str, Any],
        *,
        event_id: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, str]:
        body = {
            "token": "unused",
            "team_id": self.team_id,
            "api_app_id": "A0LOCAL",
            "event": event,
            "type": "event_callback",
            "event_id": event_id or f"Ev{next(self._ids):08d}",
            "event_time": int(time.time()),
            "authorizations": [
                {
                    "team_id": self.team_id,
                    "user_id": BOT_USER,
                    "is_bot": True,
                    "is_enterprise_install": False,
                }
            ],
            "is_ext_shared_channel": False,
        }
        return self.post(json.dumps(body), "application/json", headers)

    def interaction(self, payload: dict[str, Any]) -> tuple[int, str]:
        form = urllib.parse.urlencode({"payload": json.dumps(payload)})
        return self.post(form, "application/x-www-form-urlencoded")

    def button(
        self,
        action: dict[str, Any],
        *,
        channel: str,
        user: str,
        message: dict[str, Any],
        response_url: str,
    ) -> tuple[int, str]:
        payload = {
            "type": "block_actions",
            "user": {
                "id": user,
                "username": user.lower(),
                "name": user.lower(),
                "team_id": self.team_id,
            },
            "api_app_id": "A0LOCAL",
            "token": "unused",
            "container": {
                "type": "message",
                "message_ts": message["ts"],
                "channel_id": channel,
                "is_ephemeral": False,
                **({"thread_ts": message["thread_ts"]} if message.get("thread_ts") else {}),
            },
            "trigger_id": f"{next(self._ids)}.{self._run}.local.trigger",
            "team": {"id": self.team_id, "domain": "referat-local"},
            "channel": {"id": channel, "name": "styregruppe"},
            "message": message,
            "response_url": response_url,
            "actions": [{**action, "action_ts": f"{time.time():.6f}"}],
        }
        return self.interaction(payload)

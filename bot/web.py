"""The WSGI app for `referat serve`: Slack at /slack/*, GET /healthz and GET /readyz, and
the calendar feeds at GET /calendar/<secret>.ics.

- `/healthz`: the process answers and the database does (`SELECT 1`): 200 `ok`, or 503.
  The database's latency is in the `Server-Timing` header (`db;dur=1.3`), and in the body
  as JSON when the request accepts `application/json`.
- `/readyz`: 200 once the database's schema is at the migrations' head, 503 before.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import logging
import threading
import time
from collections.abc import Callable, Iterable
from socketserver import ThreadingMixIn
from typing import Any
from urllib.parse import parse_qsl
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from slack_bolt import App, BoltContext, BoltRequest, BoltResponse
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.adapter.wsgi.http_request import WsgiHttpRequest
from slack_bolt.request.internals import build_context
from sqlalchemy import Engine

from bot import follow_ups
from bot.services import calendar
from storage import health

log = logging.getLogger(__name__)
Wsgi = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class FormSafeRequest(BoltRequest):
    """Bolt reads any form body that merely *contains* "payload" as an interactivity
    payload, so `/referat beslutninger payload` (or a channel named payload-x) would
    arrive empty and go unanswered. A form without a `payload` field is read as a form.
    """

    def __init__(
        self,
        body: str | dict[str, Any],
        query: Any = None,
        headers: Any = None,
        context: dict[str, Any] | None = None,
        mode: str = "http",
    ) -> None:
        super().__init__(body=body, query=query, headers=headers, context=context, mode=mode)
        if (
            mode == "http"
            and isinstance(body, str)
            and "payload" in body
            and not body.lstrip().startswith("{")
        ):
            fields = dict(parse_qsl(body, keep_blank_values=True))
            if "payload" not in fields:
                self.body = fields
                self.context = build_context(BoltContext(context or {}), fields)

    def to_copyable(self) -> BoltRequest:
        return FormSafeRequest(
            body=self.raw_body if self.mode == "http" else self.body,
            query=self.query,
            headers=self.headers,
            context=self.context.to_copyable(),
            mode=self.mode,
        )


class ReferatRequestHandler(SlackRequestHandler):
    def dispatch(self, request: WsgiHttpRequest) -> BoltResponse:
        """Bolt reads ids out of the body (building the request, matching listeners, and in
        its own error handler) and trips on wrong types: such a body is a 400 (with
        X-Slack-No-Retry) and the reason logged, never a bare traceback and a 500.
        Listeners' own failures never get here: the app's error handler answers them."""
        try:
            bolt_request = FormSafeRequest(
                body=request.get_body(),
                query=request.query_string,
                headers=request.get_headers(),
            )
            body = bolt_request.body
            if body.get("type") == "event_callback" and not isinstance(body.get("event"), dict):
                raise ValueError("an event_callback whose event is not an object")
            return self.app.dispatch(bolt_request)
        except Exception as error:
            log.warning(
                "refused a malformed request to /slack/events: %s: %s", type(error).__name__, error
            )
            # no retry: the same body would be just as unreadable
            return BoltResponse(
                status=400, body="malformed request", headers={"X-Slack-No-Retry": "1"}
            )


MAX_BODY = 1024 * 1024  # Slack's payloads are small (files come by URL); 1 MiB is plenty
MAX_AGE = 60 * 5  # a signed request older than five minutes is a replay


def _plain(start_response: Callable[..., Any], status: str, text: str) -> Iterable[bytes]:
    start_response(status, [("Content-Type", "text/plain; charset=utf-8")])
    return [text.encode()]


MAX_DRAIN = 16 * 1024 * 1024  # read and drop this much of a refused body, then stop


def _drain(stream: Any, length: int) -> None:
    """Read a refused body in small pieces and drop it (so the client hears the 413), but
    never more than MAX_DRAIN: memory stays flat whatever is sent."""
    left = min(length, MAX_DRAIN)
    while left > 0:
        chunk = stream.read(min(64 * 1024, left))
        if not chunk:
            return
        left -= len(chunk)


def bounded_body(environ: dict[str, Any]) -> tuple[bytes | None, str]:
    """The body if it is at most MAX_BODY bytes, read without ever holding more; else
    (None, "413"), or (None, "400") for a Content-Length that is not a length."""
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None, "400"
    if length < 0:
        return None, "400"
    if length > MAX_BODY:
        _drain(environ["wsgi.input"], length)
        return None, "413"
    chunked = "chunked" in str(environ.get("HTTP_TRANSFER_ENCODING") or "").lower()
    if not length and not chunked:
        return b"", ""  # nothing announced: nothing to wait for
    body = environ["wsgi.input"].read(min(length, MAX_BODY + 1) if length else MAX_BODY + 1)
    if len(body) > MAX_BODY:
        return None, "413"
    return body, ""


def checked_body(environ: dict[str, Any], secret: str, now: float) -> tuple[bytes | None, str]:
    """The request body if it is within bounds and signed by Slack, else (None, why).

    Read at most MAX_BODY + 1 bytes; a larger body is refused before it is read whole.
    Any failure (no or non-numeric timestamp, stale, bad signature) is a 401 and nothing
    else happens: Bolt never sees the request, so its error handler and its log line with
    the whole body never run.
    """
    body, problem = bounded_body(environ)
    if body is None:
        return None, problem
    timestamp = str(environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP") or "")
    signature = str(environ.get("HTTP_X_SLACK_SIGNATURE") or "")
    # ASCII digits only: "²".isdigit() is True, and int("²") raises
    if not (timestamp.isascii() and timestamp.isdigit()) or abs(now - int(timestamp)) > MAX_AGE:
        return None, "401"
    base = f"v0:{timestamp}:".encode() + body
    expected = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        return None, "401"
    return body, ""


def wsgi_app(
    app: App,
    clock: Callable[[], float] = time.time,
    engine: Engine | None = None,
    *,
    after_response: bool = False,
) -> Wsgi:
    """The app behind Slack's signature check. `after_response=True` (gunicorn) runs each
    request's slow half on its own thread once the answer is sent (`bot/follow_ups.py`)."""
    slack = ReferatRequestHandler(app)
    secret = str(getattr(app, "_signing_secret", "") or "")
    if engine is None:
        deps = getattr(app, "deps", None)
        engine = deps.sessions.kw.get("bind") if deps is not None else None

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == "/healthz":
            return healthz(engine, environ, start_response)
        if environ.get("PATH_INFO") == "/readyz":
            return readyz(engine, start_response)
        if str(environ.get("PATH_INFO", "")).startswith(calendar.FEED_PATH):
            return _calendar_feed(app, environ, start_response)
        if environ.get("REQUEST_METHOD") == "POST" and environ.get("PATH_INFO") == "/slack/events":
            body, problem = checked_body(environ, secret, clock())
        else:  # the OAuth pages and anything else Bolt serves: bounded too, unsigned
            body, problem = bounded_body(environ)
        if body is None:
            log.warning("refused a request to %s: %s", environ.get("PATH_INFO"), problem)
            if problem == "413":
                return _plain(start_response, "413 Payload Too Large", "too large\n")
            if problem == "400":
                return _plain(start_response, "400 Bad Request", "bad request\n")
            return _plain(start_response, "401 Unauthorized", "invalid request\n")
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        if not after_response:
            return slack(environ, start_response)
        jobs = follow_ups.collecting()
        try:
            answer = slack(environ, start_response)
        except BaseException:
            follow_ups.stop_collecting()
            raise
        return follow_ups.AfterResponse(answer, jobs)

    return application


def healthz(
    engine: Engine | None, environ: dict[str, Any], start_response: Callable[..., Any]
) -> Iterable[bytes]:
    report: dict[str, Any] = {"status": "ok"}
    headers: list[tuple[str, str]] = []
    if engine is not None:
        try:
            latency = health.ping(engine)
        except Exception as error:  # any failure of the database is "down", never a 500
            log.warning("health check: the database does not answer: %s", error)
            report = {"status": "down", "database": {"ok": False, "error": _first_line(error)}}
        else:
            report["database"] = {"ok": True, "latency_ms": round(latency, 1)}
            headers.append(("Server-Timing", f"db;dur={latency:.1f}"))
    status = "200 OK" if report["status"] == "ok" else "503 Service Unavailable"
    if "application/json" in environ.get("HTTP_ACCEPT", ""):
        body = (json.dumps(report) + "\n").encode()
        content_type = "application/json"
    elif report["status"] == "ok":
        body, content_type = b"ok\n", "text/plain; charset=utf-8"
    else:
        reason = report["database"]["error"]
        body, content_type = f"database down: {reason}\n".encode(), "text/plain; charset=utf-8"
    start_response(status, [("Content-Type", content_type), *headers])
    return [body]


def readyz(engine: Engine | None, start_response: Callable[..., Any]) -> Iterable[bytes]:
    if engine is None:
        return _plain(start_response, "200 OK", "ready\n")
    try:
        current, heads = health.schema_revisions(engine), health.schema_heads()
    except Exception as error:
        body, ready = f"database down: {_first_line(error)}\n", False
    else:
        ready = current == heads
        body = (
            "ready\n"
            if ready
            else f"migrations pending: database at {_names(current)}, code at {_names(heads)}\n"
        )
    return _plain(start_response, "200 OK" if ready else "503 Service Unavailable", body)


def _names(revisions: frozenset[str]) -> str:
    return ", ".join(sorted(revisions)) or "none"


def _first_line(error: BaseException) -> str:
    orig = getattr(error, "orig", None) or error
    lines = str(orig).strip().splitlines()
    return (lines[0] if lines else type(error).__name__)[:200]


def _calendar_feed(
    app: App, environ: dict[str, Any], start_response: Callable[..., Any]
) -> Iterable[bytes]:
    """GET /calendar/<secret>.ics: the channel's feed; 404 for an unknown or revoked secret."""
    found = None
    if environ.get("REQUEST_METHOD", "GET") in ("GET", "HEAD"):
        found = calendar.feed(app.deps, str(environ["PATH_INFO"]))  # type: ignore[attr-defined]
    if found is None:
        start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
        return [b"not found\n"]
    body = found.encode("utf-8")
    start_response(
        "200 OK",
        [
            ("Content-Type", "text/calendar; charset=utf-8"),
            ("Content-Length", str(len(body))),
            ("Cache-Control", "no-cache"),
        ],
    )
    return [body]


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return


class LocalServer:
    """The app on 127.0.0.1 at a free port, in a thread (console and tests)."""

    def __init__(self, app: App) -> None:
        self.server = make_server(
            "127.0.0.1",
            0,
            wsgi_app(app),
            server_class=_ThreadingServer,
            handler_class=_QuietHandler,
        )
        # stop() waits for the loop to look at its shutdown flag: every 10 ms
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.01,), daemon=True)

    def start(self) -> LocalServer:
        self.thread.start()
        return self

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/slack/events"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def serve(factory: Callable[[], App], port: int, workers: int = 2, host: str = "0.0.0.0") -> None:
    """Run on gunicorn; each worker builds its own app after the fork."""
    from gunicorn.app.base import BaseApplication

    class Gunicorn(BaseApplication):
        def load_config(self) -> None:
            from bot.logs import GunicornLogger

            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("threads", 4)
            self.cfg.set("accesslog", "-")
            self.cfg.set("logger_class", GunicornLogger)  # LOG_FORMAT for its logs too
            self.cfg.set("graceful_timeout", 30)  # SIGTERM: requests in hand finish
            if "control_socket_disable" in self.cfg.settings:  # gunicorn 24+
                self.cfg.set("control_socket_disable", True)  # no socket in the home folder

        def load(self) -> Wsgi:
            app = factory()
            # the minutes reader's patterns compile on first use; a worker compiles them
            # before its first request, so no pasted document pays for it
            import bot.parsing.minutes  # noqa: F401

            return wsgi_app(app, after_response=True)

    Gunicorn().run()

"""The WSGI app for `referat serve`: Slack at /slack/*, GET /healthz, and the calendar
feeds at GET /calendar/<secret>.ics."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from socketserver import ThreadingMixIn
from typing import Any
from urllib.parse import parse_qsl
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from slack_bolt import App, BoltContext, BoltRequest, BoltResponse
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.adapter.wsgi.http_request import WsgiHttpRequest
from slack_bolt.request.internals import build_context

from bot.services import calendar

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
        return self.app.dispatch(
            FormSafeRequest(
                body=request.get_body(), query=request.query_string, headers=request.get_headers()
            )
        )


def wsgi_app(app: App) -> Wsgi:
    slack = ReferatRequestHandler(app)

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == "/healthz":
            start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"ok\n"]
        if str(environ.get("PATH_INFO", "")).startswith(calendar.FEED_PATH):
            return _calendar_feed(app, environ, start_response)
        return slack(environ, start_response)

    return application


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
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    def start(self) -> LocalServer:
        self.thread.start()
        return self

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/slack/events"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def serve(factory: Callable[[], App], port: int, workers: int = 2) -> None:
    """Run on gunicorn; each worker builds its own app after the fork."""
    from gunicorn.app.base import BaseApplication

    class Gunicorn(BaseApplication):
        def load_config(self) -> None:
            self.cfg.set("bind", f"0.0.0.0:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("threads", 4)
            self.cfg.set("accesslog", "-")

        def load(self) -> Wsgi:
            return wsgi_app(factory())

    Gunicorn().run()

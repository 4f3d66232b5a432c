"""The one composition root: `create_app(settings, …)` wires Bolt, storage and handlers."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
)

from bot import blocks, redaction
from bot.clock import Clock, clock_for
from bot.config import Settings
from bot.deps import Deps
from bot.parsing.dates import warm_up
from bot.render import Renderer
from bot.replies import Reply
from bot.retrying import is_transient
from bot.services import recording
from bot.web_client import KeptAliveClient
from handlers import actions, commands, events, imports, messages, shortcuts
from handlers.payloads import BadPayload, scope_of
from storage.session import SessionFactory, make_engine, make_session_factory, upgrade

log = logging.getLogger("referat")

BOT_SCOPES = [  # the same as manifest.yml's (tests/operations/test_manifest.py)
    "app_mentions:read",
    "channels:history",
    "groups:history",
    "im:history",
    "chat:write",
    "commands",
    "files:read",
    "files:write",
    "im:write",
    "channels:read",
    "groups:read",
    "users:read",
    "usergroups:read",
]


def make_client(settings: Settings, token: str | None) -> WebClient:
    return KeptAliveClient(
        token=token,
        base_url=settings.api_url,
        retry_handlers=[
            ConnectionErrorRetryHandler(),
            RateLimitErrorRetryHandler(max_retry_count=2),
        ],
    )


def make_deps(settings: Settings, session_factory: SessionFactory, clock: Clock) -> Deps:
    return Deps(
        sessions=session_factory,
        clock=clock,
        renderer=Renderer(),
        default_language=settings.language,
        default_timezone=settings.timezone,
        public_url=settings.public_url or f"http://localhost:{settings.port}",
    )


def open_storage(settings: Settings) -> SessionFactory:
    """An engine for DATABASE_URL; a SQLite file is migrated on start."""
    engine = make_engine(settings.database_url)
    if engine.dialect.name == "sqlite":
        upgrade(engine)
    return make_session_factory(engine)


def create_app(
    settings: Settings,
    *,
    client: WebClient | None = None,
    session_factory: SessionFactory | None = None,
    clock: Clock | None = None,
    executor: Executor | None = None,
    socket_mode: bool = False,
) -> App:
    redaction.install([settings.signing_secret, settings.client_secret, settings.app_token])
    sessions = session_factory or open_storage(settings)
    deps = make_deps(settings, sessions, clock or clock_for(settings.now))
    warm_up()

    oauth_settings = None
    if settings.multi_workspace:
        # slack_sdk's stores pull in SQLAlchemy's asyncio layer: loaded only for OAuth
        from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
        from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

        engine = sessions.kw["bind"]
        oauth_settings = OAuthSettings(
            client_id=settings.client_id,
            client_secret=settings.client_secret,
            scopes=BOT_SCOPES,
            installation_store=SQLAlchemyInstallationStore(settings.client_id or "", engine),
            state_store=SQLAlchemyOAuthStateStore(expiration_seconds=600, engine=engine),
        )
        web_client = client or make_client(settings, None)
    else:
        web_client = client or make_client(settings, settings.bot_token)

    app = App(
        client=web_client,
        signing_secret=settings.signing_secret or "",
        process_before_response=True,  # write before answering; slow work goes lazy
        oauth_settings=oauth_settings,
        listener_executor=executor,
        raise_error_for_unhandled_request=False,
        # a workspace with no installation (never installed, or uninstalled): both
        # languages, since there is no channel setting to read
        user_facing_authorize_error_message=NOT_INSTALLED,
        name="referat",
    )
    if settings.multi_workspace:
        app.enable_token_revocation_listeners()

    app.error(_error_handler(deps))
    # Bolt tries listeners in the order they were registered: the busiest first
    commands.register(app, deps)
    messages.register(app, deps)  # every message event, direct messages included
    actions.register(app, deps)
    shortcuts.register(app, deps)
    imports.register(app, deps)
    events.register(app, deps)
    events.register_catch_all(app, revocation_handled=settings.multi_workspace)
    app.deps = deps  # type: ignore[attr-defined]
    return app


def _error_handler(deps: Deps) -> Callable[..., Any]:
    """Any exception: a logged reason and a short answer in the channel's language.

    A payload without what the listener needs (`BadPayload`) is logged as a warning and
    answered "could not read that"; an event with one is acknowledged, since a retry would
    not read better. Any other failure is logged with its traceback and answered "something
    went wrong"; for events the answer is HTTP 500, so Slack delivers the event again.
    """

    def handle(
        error: Exception, body: dict[str, Any], respond: Any, request: BoltRequest, client: Any
    ) -> BoltResponse:
        body = body if isinstance(body, dict) else {}
        kind = str(body.get("type") or ("command" if body.get("command") else "request"))
        bad = isinstance(error, BadPayload)
        if bad:
            log.warning("ignored a malformed %s: %s", kind, error)
        else:
            log.exception("listener failed: %s", type(error).__name__, exc_info=error)
        scope = scope_of(body)
        try:
            language = deps.language_of(scope)
        except Exception:  # the database may be what failed
            language = deps.default_language
        text = deps.renderer.string(language, "bad_request" if bad else "error")
        if kind == "event_callback":
            if bad:  # a retry would not read better
                return BoltResponse(status=200, body="")
            if is_transient(error) and _last_delivery(request):
                # Slack will not deliver it again: say so where it was written
                _say_not_recorded(deps, client, body.get("event") or {}, language)
                return BoltResponse(status=200, body="")
            return BoltResponse(status=500, body="")  # Slack delivers the event again
        if body.get("command"):
            return _json_response({"response_type": "ephemeral", "text": text})
        if kind == "view_submission":  # the dialog stays open and says what happened
            return _json_response(_view_answer(body.get("view"), text))
        if isinstance(body.get("response_url"), str) and respond is not None:
            try:
                respond(text=text, response_type="ephemeral", replace_original=False)
            except Exception as failure:
                log.warning("could not tell the person about the error: %s", failure)
        return BoltResponse(status=200, body="")

    return handle


NOT_INSTALLED = (
    "referat er ikke installeret i dette Slack-workspace. Bed en administrator om at "
    "installere appen igen. · referat is not installed in this workspace; ask an admin "
    "to install the app again."
)
LAST_RETRY = 3  # Slack delivers an event at most three more times (SLACK.md 1.2)


def _last_delivery(request: BoltRequest) -> bool:
    """Slack's last delivery of an event (HTTP header, or Socket Mode's retry_attempt)."""
    values = request.headers.get("x-slack-retry-num") or ["0"]
    try:
        return int(values[0]) >= LAST_RETRY
    except ValueError:
        return False


def _say_not_recorded(deps: Deps, client: Any, event: dict[str, Any], language: str) -> None:
    """A message that would have recorded something, and could not be stored after every
    delivery: the person is told in its thread, so nothing is lost in silence."""
    text, channel, ts = event.get("text"), event.get("channel"), event.get("ts")
    if event.get("type") != "message" or not (text and channel and ts) or event.get("bot_id"):
        return
    if not recording.would_record(str(text), deps.now().date()):
        return
    reply = Reply(text=deps.renderer.string(language, "not_recorded"), ephemeral=False)
    try:
        client.chat_postMessage(
            channel=str(channel),
            thread_ts=str(event.get("thread_ts") or ts),
            **blocks.message(reply),
        )
    except Exception:
        log.exception("could not tell %s that a message was not recorded", channel)


def _json_response(answer: dict[str, Any]) -> BoltResponse:
    return BoltResponse(
        status=200,
        body=json.dumps(answer),
        headers={"content-type": ["application/json;charset=utf-8"]},
    )


def _view_answer(view: Any, text: str) -> dict[str, Any]:
    """The error shown under the dialog's first input, or, without one, as the dialog."""
    blocks = view.get("blocks") if isinstance(view, dict) else None
    for block in blocks if isinstance(blocks, list) else []:
        if isinstance(block, dict) and block.get("type") == "input":
            block_id = block.get("block_id")
            if isinstance(block_id, str) and block_id:
                return {"response_action": "errors", "errors": {block_id: text}}
    shown = {"type": "section", "text": {"type": "plain_text", "text": text}}
    title = {"type": "plain_text", "text": "referat"}
    return {
        "response_action": "update",
        "view": {"type": "modal", "title": title, "blocks": [shown]},
    }

"""What an operator sees: LOG_LEVEL and LOG_FORMAT=json (gunicorn's access log included),
no Bolt warning at start, /healthz with the database's latency (503 when it is down),
/readyz only at the migrations' head, and `referat status`."""

from __future__ import annotations

import io
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from wsgiref.util import setup_testing_defaults

import pytest

from bot import logs
from bot.config import ConfigError
from bot.standin import StandIn
from bot.web import wsgi_app
from storage.session import make_engine, upgrade
from tests.conftest import ROOT
from tests.fakes.cli import run_cli
from tests.fakes.harness import CHANNEL, Harness
from tests.fakes.slack import StandInForTests


@pytest.fixture
def standin() -> Iterator[StandIn]:
    server = StandInForTests().start()
    yield server
    server.stop()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# -- logging --------------------------------------------------------------------------------


def test_json_lines_carry_time_level_logger_and_extra_fields() -> None:
    stream = io.StringIO()
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    try:
        logs.configure({"LOG_FORMAT": "json", "LOG_LEVEL": "warning"}, stream=stream)
        logging.getLogger("referat.test").info("not shown at WARNING")
        logging.getLogger("referat.test").warning("æøå %s", "shown", extra={"channel": "C1"})
    finally:
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
    [line] = stream.getvalue().splitlines()
    record = json.loads(line)
    assert record["level"] == "WARNING" and record["logger"] == "referat.test"
    assert record["message"] == "æøå shown" and record["channel"] == "C1"
    assert record["time"].endswith("+00:00")


@pytest.mark.parametrize("env", [{"LOG_LEVEL": "LOUD"}, {"LOG_FORMAT": "xml"}])
def test_a_wrong_log_setting_is_a_config_error(env: dict[str, str]) -> None:
    with pytest.raises(ConfigError):
        logs.options(env)


def test_serve_logs_json_with_an_access_log_and_no_bolt_warning(
    standin: StandIn, tmp_path: Path
) -> None:
    port = _free_port()
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": "xoxb-serve",
        "SLACK_SIGNING_SECRET": "serve-secret",
        "SLACK_API_URL": standin.url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}",
        "LOG_FORMAT": "json",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "serve", "--port", str(port), "--workers", "1"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                request = urllib.request.Request(
                    f"http://127.0.0.1:{port}/healthz", headers={"Accept": "application/json"}
                )
                with urllib.request.urlopen(request, timeout=5) as response:
                    health = json.loads(response.read())
                    timing = response.headers["Server-Timing"]
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "serve did not start"
                time.sleep(0.2)
    finally:
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert health["status"] == "ok" and health["database"]["latency_ms"] >= 0
    assert timing.startswith("db;dur=")
    lines = [json.loads(line) for line in (out + err).splitlines() if line.strip()]
    access = [r for r in lines if r["logger"] == "gunicorn.access"]
    assert access and access[0]["path"] == "/healthz" and access[0]["status"] == 200
    assert "duration_ms" in access[0]
    assert any("Starting gunicorn" in r["message"] for r in lines)
    assert not [r for r in lines if r["level"] == "WARNING"], lines


# -- /healthz and /readyz ---------------------------------------------------------------


def _get(app: Any, path: str, accept: str = "") -> tuple[str, dict[str, str], bytes]:
    environ: dict[str, Any] = {"PATH_INFO": path, "REQUEST_METHOD": "GET"}
    if accept:
        environ["HTTP_ACCEPT"] = accept
    setup_testing_defaults(environ)
    seen: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        seen["status"], seen["headers"] = status, dict(headers)

    body = b"".join(app(environ, start_response))
    return seen["status"], seen["headers"], body


def test_healthz_reports_latency_and_503_when_the_database_is_down(bot: Harness) -> None:
    app = wsgi_app(bot.app)
    status, headers, body = _get(app, "/healthz")
    assert status.startswith("200") and body == b"ok\n"
    assert headers["Server-Timing"].startswith("db;dur=")
    status, _, body = _get(app, "/healthz", accept="application/json")
    report = json.loads(body)
    assert report["database"]["ok"] is True and report["database"]["latency_ms"] >= 0

    down = make_engine("postgresql+psycopg://referat@127.0.0.1:9/referat")  # nothing listens
    status, _, body = _get(wsgi_app(bot.app, engine=down), "/healthz", "application/json")
    assert status.startswith("503")
    report = json.loads(body)
    assert report["status"] == "down" and report["database"]["ok"] is False
    status, _, body = _get(wsgi_app(bot.app, engine=down), "/readyz")
    assert status.startswith("503") and body.startswith(b"database down")


def test_readyz_answers_200_only_at_the_migrations_head(bot: Harness, tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'behind.db'}")
    upgrade(engine, "0005")
    status, _, body = _get(wsgi_app(bot.app, engine=engine), "/readyz")
    assert status.startswith("503") and b"migrations pending" in body
    upgrade(engine)
    status, _, body = _get(wsgi_app(bot.app, engine=engine), "/readyz")
    assert status.startswith("200") and body == b"ready\n"
    engine.dispose()


# -- referat status ---------------------------------------------------------------------


def test_status_shows_heartbeat_last_digest_and_pending_replies(bot: Harness) -> None:
    import threading
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from bot.clock import fixed_clock
    from bot.deps import Deps
    from bot.scheduler import Scheduler
    from bot.worker import SchedulerLoop
    from storage.models import SourceMessage
    from storage.session import transaction

    bot.message("Beslutning: Budgettet godkendes")
    _, waiting = bot.message("Beslutning: Svaret er ikke sendt endnu")
    with transaction(bot.deps.sessions) as session:  # as if the reply's post had failed
        for source in session.query(SourceMessage).filter_by(ts=waiting):
            source.reply_ts = None
    monday = datetime(2026, 11, 30, 8, 5, tzinfo=ZoneInfo("Europe/Copenhagen"))
    bot.standin.clock = monday.timestamp
    deps = Deps(
        sessions=bot.deps.sessions,
        clock=fixed_clock(monday),
        renderer=bot.deps.renderer,
        default_language="da",
    )
    client = bot.app.client
    stopping = threading.Event()

    class OnePass(Scheduler):
        def run_once(self, now: datetime | None = None) -> Any:
            report = super().run_once(now)
            stopping.set()
            return report

    scheduler = OnePass(deps, lambda _team: client, sleep=lambda _s: None)
    SchedulerLoop(deps, scheduler, "worker", stopping, interval=0).run()

    env = {"DATABASE_URL": bot.settings.database_url}  # `referat status`, in this process
    done = run_cli("status", "--json", env=env)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    [beat] = report["heartbeats"]
    assert beat["mode"] == "worker" and beat["stopped_at"] is not None
    assert beat["last_pass"]["posted"] >= 1
    [channel] = [d for d in report["digests"] if d["channel"] == CHANNEL]
    posted = datetime.fromisoformat(channel["last_posted_at"])
    assert abs(posted - monday) < timedelta(minutes=1)
    assert report["pending_replies"]["count"] == 1
    assert report["pending_replies"]["oldest"][0]["ts"] == waiting

    text = run_cli("status", "--max-age", "3600", env=env)
    assert "last digest per channel" in text.stdout and "thread replies not yet posted: 1" in (
        text.stdout
    )
    assert text.returncode == 1  # the only scheduler has stopped: no live heartbeat


def test_a_single_pass_from_cron_leaves_a_heartbeat(standin: StandIn, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": "xoxb-once",
        "SLACK_API_URL": standin.url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'once.db'}",
    }
    once = subprocess.run(
        [sys.executable, "-m", "bot.cli", "worker", "--once"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert once.returncode == 0, once.stderr
    assert once.stdout.startswith("posted 0")
    status = run_cli("status", "--json", env=env)  # in this process; the pass above is cron's
    [beat] = json.loads(status.stdout)["heartbeats"]
    assert beat["mode"] == "worker" and beat["last_pass"] == {
        "posted": 0,
        "empty": 0,
        "skipped": 0,
        "replies retried": 0,
    }

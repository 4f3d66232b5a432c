"""What the benchmarks stand on: servers in subprocesses, databases made and dropped,
peak memory read from /proc, the machine's description, Markdown tables."""

from __future__ import annotations

import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, make_url, text

from bot.config import normalize_database_url

ROOT = Path(__file__).resolve().parent.parent
SECRET = "bench-signing-secret"
TOKEN = "xoxb-bench"


def log(message: str) -> None:
    """Progress goes to stderr; stdout carries only the tables."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def calls_to(standin: Any, method: str) -> list[Any]:
    """The stand-in's recorded calls of one method (its own `calls_to` is test-only
    since issue 10, so read its `calls` list)."""
    return [c for c in list(standin.calls) if c.method == method]


# -- memory -------------------------------------------------------------------


def status_kb(pid: int, key: str) -> int | None:
    """A figure in kB from /proc/PID/status (VmHWM: peak resident set; VmRSS: now)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # the command name is in parentheses and may hold spaces; the ppid follows it
        fields = stat.rsplit(")", 1)[-1].split()
        if len(fields) > 1 and fields[1] == str(pid):
            found.append(int(entry.name))
    return sorted(found)


# -- servers ------------------------------------------------------------------


@dataclass
class Server:
    """`referat serve` (or the floor) on gunicorn at 127.0.0.1:port, in a subprocess."""

    name: str
    argv: list[str]
    env: dict[str, str]
    log_path: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    startup: float = 0.0

    @classmethod
    def referat(cls, database_url: str, api_url: str, log_dir: Path, workers: int = 2) -> Server:
        port = free_port()
        # `referat serve` itself, but with garbage collected before the fork (benchmarks/serve.py)
        argv = [sys.executable, "-m", "benchmarks.serve", "--port", str(port)]
        argv += ["--workers", str(workers)]
        return cls(
            "referat",
            argv,
            server_env(database_url, api_url),
            log_dir / f"referat-{port}.log",
            port,
        )

    @classmethod
    def floor(cls, api_url: str, log_dir: Path, workers: int = 2) -> Server:
        port = free_port()
        argv = [sys.executable, "-m", "benchmarks.floor", "--port", str(port)]
        argv += ["--workers", str(workers)]
        return cls(
            "floor",
            argv,
            server_env("sqlite://", api_url),
            log_dir / f"floor-{port}.log",
            port,
        )

    def start(self, timeout: float = 90.0) -> Server:
        """Start, and wait (with a deadline) until /healthz answers; `startup` is that time."""
        log_file = self.log_path.open("ab")
        started = time.perf_counter()
        self.process = subprocess.Popen(
            self.argv,
            env=self.env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,  # gunicorn's access log
            stderr=log_file,
        )
        log_file.close()
        deadline = started + timeout
        while True:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{self.port}/healthz", timeout=5
                ) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited early:\n{self.log_tail()}")
            if time.perf_counter() > deadline:
                self.stop()
                raise RuntimeError(f"{self.name} did not answer /healthz:\n{self.log_tail()}")
            time.sleep(0.02)
        self.startup = time.perf_counter() - started
        return self

    def workers(self) -> list[int]:
        assert self.process is not None
        return children_of(self.process.pid)

    def peak_rss_mb(self) -> tuple[float | None, list[float]]:
        """Peak resident memory (VmHWM) of the gunicorn master and of each worker, in MB."""
        assert self.process is not None
        master = status_kb(self.process.pid, "VmHWM")
        workers = [status_kb(pid, "VmHWM") for pid in self.workers()]
        return (
            master / 1024 if master else None,
            [kb / 1024 for kb in workers if kb],
        )

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)

    def __enter__(self) -> Server:
        if self.process is None:
            self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def logged_errors(log_path: Path) -> list[str]:
    """A server log's records at level ERROR or above (JSON or text format): a slow half
    that fails after the answer (a reply posted but never noted) shows only there."""
    try:
        lines = log_path.read_text(errors="replace").splitlines()
    except OSError:
        return []
    marks = ('"level": "ERROR"', '"level": "CRITICAL"', " ERROR ", " CRITICAL ")
    return [line for line in lines if any(mark in line for mark in marks)]


def server_env(database_url: str, api_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "REFERAT_"))}
    env.update(
        {
            "SLACK_BOT_TOKEN": TOKEN,
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": api_url,
            "DATABASE_URL": database_url,
            "REFERAT_NOW": "2026-11-23T09:00",
            "PYTHONPATH": str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
        }
    )
    env.pop("PORT", None)
    return env


# -- databases ----------------------------------------------------------------


def postgres_admin_url() -> str | None:
    raw = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL")
    return normalize_database_url(raw) if raw else None


@dataclass
class Database:
    """A database of the benchmark's own: a new SQLite file, or a new PostgreSQL
    database (`referat_bench_<pid>_<name>`, never the test suite's `test`)."""

    kind: str  # "sqlite" | "postgres"
    url: str
    _drop: Callable[[], None] | None = None

    @property
    def label(self) -> str:
        return "SQLite" if self.kind == "sqlite" else "PostgreSQL"

    @classmethod
    def create(cls, kind: str, name: str, workdir: Path) -> Database:
        if kind == "sqlite":
            return cls(kind, f"sqlite:///{workdir / (name + '.db')}")
        admin = postgres_admin_url()
        if admin is None:
            raise RuntimeError("PostgreSQL needs BENCH_DATABASE_URL or TEST_DATABASE_URL")
        database = f"referat_bench_{os.getpid()}_{name}"
        engine = create_engine(admin, isolation_level="AUTOCOMMIT")
        quoted = engine.dialect.identifier_preparer.quote(database)
        with engine.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)"))
            connection.execute(text(f"CREATE DATABASE {quoted}"))
        engine.dispose()

        def drop() -> None:
            engine = create_engine(admin, isolation_level="AUTOCOMMIT")
            with engine.connect() as connection:
                connection.execute(text(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)"))
            engine.dispose()

        url = make_url(admin).set(database=database).render_as_string(hide_password=False)
        return cls(kind, url, drop)

    def drop(self) -> None:
        if self._drop is not None:
            self._drop()
            self._drop = None


# -- figures and tables -------------------------------------------------------


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0–100) by the nearest-rank method."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-q * len(ordered) // 100))))
    return ordered[rank - 1]


def ms(seconds: float) -> str:
    if seconds != seconds:  # NaN
        return "—"
    if seconds == float("inf"):
        return "timed out"
    value = seconds * 1000
    return f"{value:.1f}" if value < 100 else f"{value:,.0f}"


def number(value: float, digits: int = 0) -> str:
    if value != value:
        return "—"
    return f"{value:,.{digits}f}"


def met(ok: bool | None) -> str:
    return "—" if ok is None else ("yes" if ok else "**no**")


@dataclass
class Table:
    title: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, *cells: object) -> None:
        self.rows.append([str(c) for c in cells])

    def markdown(self) -> str:
        lines = [f"### {self.title}", ""]
        lines.append("| " + " | ".join(self.columns) + " |")
        lines.append("| " + " | ".join("---" for _ in self.columns) + " |")
        lines += ["| " + " | ".join(row) + " |" for row in self.rows]
        if self.notes:
            lines.append("")
            lines += self.notes
        return "\n".join(lines) + "\n"


def machine() -> str:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    return (
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: "
        f"{os.cpu_count()} cores (nproc {len(os.sched_getaffinity(0))}), "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}, "
        f"commit {commit or 'unknown'}"
    )

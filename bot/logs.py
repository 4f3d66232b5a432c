"""Logging for every command: `LOG_LEVEL` and `LOG_FORMAT` (`text` or `json`).

One handler on the root logger, writing to standard error; gunicorn's error and
access logs go through it too (`GunicornLogger`), so a log system reads one format.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from typing import IO, Any

from gunicorn import glogging

from bot.config import ConfigError

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
FORMATS = ("text", "json")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
JSON_FIELDS = "%(levelname)s %(name)s %(message)s"


def options(environ: Mapping[str, str] | None = None) -> tuple[int, str]:
    """(level, format) from LOG_LEVEL and LOG_FORMAT; a wrong value is a ConfigError."""
    env = os.environ if environ is None else environ
    level = (env.get("LOG_LEVEL") or "INFO").strip().upper()
    fmt = (env.get("LOG_FORMAT") or "text").strip().lower()
    problems = []
    if level not in LEVELS:
        problems.append(f"LOG_LEVEL={level!r} must be one of {', '.join(LEVELS)}")
    if fmt not in FORMATS:
        problems.append(f"LOG_FORMAT={fmt!r} must be one of {', '.join(FORMATS)}")
    if problems:
        raise ConfigError("; ".join(problems))
    return logging.getLevelName(level), fmt


def formatter(fmt: str) -> logging.Formatter:
    if fmt == "json":
        from pythonjsonlogger.json import JsonFormatter

        return JsonFormatter(
            JSON_FIELDS,
            rename_fields={"levelname": "level", "name": "logger"},
            timestamp="time",  # ISO 8601 in UTC
            json_ensure_ascii=False,
        )
    return logging.Formatter(TEXT_FORMAT)


def configure(
    environ: Mapping[str, str] | None = None, stream: IO[str] | None = None
) -> tuple[int, str]:
    """Set up the root logger once per process; returns (level, format)."""
    level, fmt = options(environ)
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(formatter(fmt))
    root.addHandler(handler)
    root.setLevel(level)
    # Alembic says "Context impl …" at every start; its warnings still show.
    logging.getLogger("alembic").setLevel(max(level, logging.WARNING))
    return level, fmt


class GunicornLogger(glogging.Logger):
    """gunicorn's logs through the root logger, the access log with fields of its own."""

    def setup(self, cfg: Any) -> None:
        self.cfg = cfg
        self._access_log_enabled = True
        for log in (self.error_log, self.access_log):
            for handler in list(log.handlers):
                log.removeHandler(handler)
            log.propagate = True
            log.setLevel(logging.NOTSET)

    def access(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> None:
        status = resp.status
        if isinstance(status, str):
            status = int(status.split(None, 1)[0])
        path = environ.get("PATH_INFO", "")
        fields = {
            "method": environ.get("REQUEST_METHOD"),
            "path": path,
            "status": status,
            "duration_ms": round(request_time.total_seconds() * 1000, 1),
            "remote_addr": environ.get("HTTP_X_FORWARDED_FOR") or environ.get("REMOTE_ADDR"),
            "user_agent": environ.get("HTTP_USER_AGENT"),
            "response_bytes": getattr(resp, "sent", None),
        }
        self.access_log.info(
            "%s %s %s %.1f ms",
            fields["method"],
            path,
            status,
            fields["duration_ms"],
            extra=fields,
        )

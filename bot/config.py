"""Settings read from the environment (README, Configuration).

`Settings.from_env(environ)` reads a mapping, never `os.environ` directly, so
tests pass their own. `require(mode)` reports everything a mode lacks at once.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_API_URL = "https://slack.com/api/"
DEFAULT_DATABASE_URL = "sqlite:///referat.db"
LANGUAGES = ("da", "en")

# What each way of running needs, beyond what every mode has by default.
REQUIRED_BY_MODE: dict[str, tuple[str, ...]] = {
    "socket": ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"),
    "serve": ("SLACK_SIGNING_SECRET",),
    "worker": ("SLACK_BOT_TOKEN",),
    "console": (),
    "cli": (),
}


class ConfigError(ValueError):
    """A setting is missing or malformed; the message names every problem."""


def normalize_database_url(url: str) -> str:
    """Accept `postgres://` as hosts hand it out; use the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


@dataclass(frozen=True)
class Settings:
    bot_token: str | None = None
    app_token: str | None = None
    signing_secret: str | None = None
    client_id: str | None = None
    client_secret: str | None = None
    api_url: str = DEFAULT_API_URL
    database_url: str = DEFAULT_DATABASE_URL
    timezone: str = "Europe/Copenhagen"
    language: str = "da"
    now: datetime | None = None
    port: int = 3000
    public_url: str | None = None  # REFERAT_PUBLIC_URL: the base of calendar feed URLs
    retention_days: int | None = None  # None: keep records until `forget-user` or by hand

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = dict(os.environ if environ is None else environ)
        problems: list[str] = []

        def get(name: str) -> str | None:
            value = env.get(name, "").strip()
            return value or None

        timezone = get("REFERAT_TIMEZONE") or "Europe/Copenhagen"
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            problems.append(f"REFERAT_TIMEZONE={timezone!r} is not an IANA time zone")

        language = (get("REFERAT_LANGUAGE") or "da").lower()
        if language not in LANGUAGES:
            problems.append(f"REFERAT_LANGUAGE={language!r} must be one of {', '.join(LANGUAGES)}")

        now: datetime | None = None
        raw_now = get("REFERAT_NOW")
        if raw_now:
            try:
                now = datetime.fromisoformat(raw_now)
            except ValueError:
                problems.append(f"REFERAT_NOW={raw_now!r} is not an ISO datetime")
            else:
                if now.tzinfo is None and not problems:
                    now = now.replace(tzinfo=ZoneInfo(timezone))

        port = 3000
        raw_port = get("PORT")
        if raw_port:
            try:
                port = int(raw_port)
            except ValueError:
                problems.append(f"PORT={raw_port!r} is not a number")

        retention_days: int | None = None
        raw_retention = get("REFERAT_RETENTION_DAYS")
        if raw_retention:
            try:
                retention_days = int(raw_retention)
            except ValueError:
                retention_days = -1
            if retention_days < 1:
                problems.append(
                    f"REFERAT_RETENTION_DAYS={raw_retention!r} is not a whole number of days (1+)"
                )

        client_id, client_secret = get("SLACK_CLIENT_ID"), get("SLACK_CLIENT_SECRET")
        if bool(client_id) != bool(client_secret):
            problems.append("SLACK_CLIENT_ID and SLACK_CLIENT_SECRET must be set together")

        if problems:
            raise ConfigError("; ".join(problems))

        api_url = get("SLACK_API_URL") or DEFAULT_API_URL
        if not api_url.endswith("/"):
            api_url += "/"
        return cls(
            bot_token=get("SLACK_BOT_TOKEN"),
            app_token=get("SLACK_APP_TOKEN"),
            signing_secret=get("SLACK_SIGNING_SECRET"),
            client_id=client_id,
            client_secret=client_secret,
            api_url=api_url,
            database_url=normalize_database_url(get("DATABASE_URL") or DEFAULT_DATABASE_URL),
            timezone=timezone,
            language=language,
            now=now,
            port=port,
            public_url=get("REFERAT_PUBLIC_URL"),
            retention_days=retention_days,
        )

    @property
    def multi_workspace(self) -> bool:
        return bool(self.client_id and self.client_secret)

    def require(self, mode: str) -> None:
        """Raise one ConfigError naming every variable `mode` needs and lacks."""
        needed = list(REQUIRED_BY_MODE[mode])
        if mode == "serve" and not self.multi_workspace:
            needed.append("SLACK_BOT_TOKEN")
        values = {
            "SLACK_BOT_TOKEN": self.bot_token,
            "SLACK_APP_TOKEN": self.app_token,
            "SLACK_SIGNING_SECRET": self.signing_secret,
        }
        missing = [name for name in needed if not values[name]]
        if missing:
            raise ConfigError(
                f"`referat {mode}` needs {', '.join(missing)} (see README, Configuration)"
            )
        if mode == "socket" and self.app_token and not self.app_token.startswith("xapp-"):
            raise ConfigError("SLACK_APP_TOKEN must be an app-level token (xapp-...)")

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from bot.config import ConfigError, Settings


def test_defaults() -> None:
    settings = Settings.from_env({})
    assert settings.database_url == "sqlite:///referat.db"
    assert settings.api_url == "https://slack.com/api/"
    assert (settings.timezone, settings.language, settings.now) == ("Europe/Copenhagen", "da", None)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://u:p@db:5432/r", "postgresql+psycopg://u:p@db:5432/r"),
        ("postgresql://u@db/r", "postgresql+psycopg://u@db/r"),
        ("sqlite:////tmp/x.db", "sqlite:////tmp/x.db"),
    ],
)
def test_database_url_as_hosts_hand_it_out(given: str, expected: str) -> None:
    assert Settings.from_env({"DATABASE_URL": given}).database_url == expected


def test_api_url_gets_its_slash() -> None:
    assert Settings.from_env({"SLACK_API_URL": "http://127.0.0.1:9/api"}).api_url.endswith("/api/")


def test_now_takes_the_configured_zone() -> None:
    settings = Settings.from_env({"REFERAT_NOW": "2026-11-23T09:00"})
    assert settings.now is not None and settings.now.tzinfo == ZoneInfo("Europe/Copenhagen")


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(ConfigError) as error:
        Settings.from_env(
            {
                "REFERAT_TIMEZONE": "Mars/Olympus",
                "REFERAT_LANGUAGE": "de",
                "REFERAT_NOW": "soon",
                "PORT": "http",
            }
        )
    message = str(error.value)
    for name in ("REFERAT_TIMEZONE", "REFERAT_LANGUAGE", "REFERAT_NOW", "PORT"):
        assert name in message


def test_socket_mode_names_what_is_missing() -> None:
    with pytest.raises(ConfigError, match="SLACK_BOT_TOKEN, SLACK_APP_TOKEN"):
        Settings.from_env({}).require("socket")


def test_serve_needs_the_signing_secret() -> None:
    with pytest.raises(ConfigError, match="SLACK_SIGNING_SECRET"):
        Settings.from_env({"SLACK_BOT_TOKEN": "xoxb-1"}).require("serve")
    Settings.from_env({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}).require("serve")


def test_oauth_needs_both_halves() -> None:
    with pytest.raises(ConfigError, match="SLACK_CLIENT_ID and SLACK_CLIENT_SECRET"):
        Settings.from_env({"SLACK_CLIENT_ID": "1.2"})


def test_console_needs_nothing() -> None:
    Settings.from_env({}).require("console")

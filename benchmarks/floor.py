"""The floor: a bare Bolt app whose listeners only acknowledge, served exactly as
`referat serve` serves the real one (`bot.web.serve`: gunicorn, the same workers and
threads, `process_before_response=True`, the same signing check and client).

Run: python -m benchmarks.floor --port 3000 --workers 2
(SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET and SLACK_API_URL from the environment.)
"""

from __future__ import annotations

import argparse
import logging

from slack_bolt import Ack, App

from bot.app import make_client
from bot.config import Settings
from bot.web import serve


def create_floor_app(settings: Settings) -> App:
    app = App(
        client=make_client(settings, settings.bot_token),
        signing_secret=settings.signing_secret or "",
        process_before_response=True,
        raise_error_for_unhandled_request=False,
        name="floor",
    )

    def only_ack(ack: Ack) -> None:
        ack()

    app.command("/referat")(only_ack)
    app.event("message")(only_ack)
    app.event("app_home_opened")(only_ack)
    return app


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    settings = Settings.from_env()
    settings.require("serve")
    serve(lambda: create_floor_app(settings), args.port, args.workers)


if __name__ == "__main__":
    main()

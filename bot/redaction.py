"""No Slack token or secret ever reaches a log, from any logger at any level.

Installed as the logging record factory, so it applies to every record as it is made —
slack_sdk's DEBUG log of an `oauth.v2.access` response included — whatever handlers,
formatters or levels are configured later.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import Any

TOKEN = re.compile(r"\b(xox[abposre]|xapp|xoxe\.xox[bp])-[A-Za-z0-9-]{6,}")
REDACTED = "[redacted]"
_secrets: set[str] = set()
_TRACEBACK = logging.Formatter()
_installed = False


# a response_url or incoming webhook: anyone holding it may post for 30 minutes
HOOK = re.compile(r"(https://hooks\.slack\.com/)[\w/%.-]+")


def redact(text: str) -> str:
    text = TOKEN.sub(lambda m: f"{m.group(1)}-{REDACTED}", text)
    text = HOOK.sub(lambda m: f"{m.group(1)}{REDACTED}", text)
    for secret in _secrets:
        text = text.replace(secret, REDACTED)
    return text


def install(secrets: Iterable[str | None] = ()) -> None:
    """Redact tokens, and these secrets (signing secret, client secret), in every record."""
    global _installed
    _secrets.update(s for s in secrets if s and len(s) >= 8)
    if _installed:
        return
    _installed = True
    make = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = make(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a record whose arguments do not format: leave it to logging
            return record
        cleaned = redact(message)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, ()
        if record.exc_info and record.exc_info[0] is not None:
            # an exception's text may hold what failed (a row with a token in it): the
            # traceback is formatted now, redacted, and only that text is kept
            record.exc_text = redact(_TRACEBACK.formatException(record.exc_info))
            record.exc_info = None
        return record

    logging.setLogRecordFactory(factory)

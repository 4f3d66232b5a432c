"""Fetching a file a person uploaded to Slack (url_private_download needs the bot token)."""

from __future__ import annotations

import urllib.request

from bot.documents.read import MAX_BYTES, DocumentError


def download(url: str, token: str) -> bytes:
    if not url.startswith(("https://", "http://127.0.0.1", "http://localhost")):
        raise DocumentError("unreadable", "url")
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        data: bytes = response.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise DocumentError("too_large", f"{len(data) // (1024 * 1024)} MB")
    return data

"""The Slack Web API client: slack_sdk's, on a kept-alive connection.

slack_sdk's `WebClient` opens a new connection for every call (urllib), so each
thread reply, permalink and Home tab pays a TCP and TLS handshake with slack.com.
`KeptAliveClient` is that same client (same arguments, retry handlers, errors),
except that each thread keeps its connection to the API host open between calls.
A connection the server has closed while it rested is noticed before the next
request is written, so a request is never sent twice.
"""

from __future__ import annotations

import http.client
import io
import select
import ssl
import threading
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlsplit

from slack_sdk import WebClient

Key = tuple[str, str, int]


class _Open(dict[Key, http.client.HTTPConnection]):
    def __del__(self) -> None:  # its thread has ended: close what it kept open
        for connection in self.values():
            connection.close()


class _Connections(threading.local):
    """This thread's open connections, by (scheme, host, port)."""

    def __init__(self) -> None:
        self.open = _Open()


_CONNECTIONS = _Connections()


class KeptAliveClient(WebClient):
    @classmethod
    def like(cls, client: WebClient) -> KeptAliveClient:
        """The same client (token, address, retry handlers, …) on kept-alive connections;
        Bolt hands each request a plain `WebClient` of its own."""
        if isinstance(client, KeptAliveClient):
            return client
        return cls(
            token=client.token,
            base_url=client.base_url,
            timeout=client.timeout,
            ssl=client.ssl,
            proxy=client.proxy,
            headers=client.headers,
            team_id=client.default_params.get("team_id"),
            logger=client.logger,
            retry_handlers=list(client.retry_handlers),
        )

    def _perform_urllib_http_request_internal(
        self, url: str, req: urllib.request.Request
    ) -> dict[str, Any]:
        parts = urlsplit(url)
        if self.proxy is not None or parts.scheme not in ("http", "https") or not parts.hostname:
            return super()._perform_urllib_http_request_internal(url, req)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        key = (parts.scheme, parts.hostname, port)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        connection = self._connection(key)
        try:
            connection.request(
                req.get_method(), path, body=req.data, headers=dict(req.header_items())
            )
            response = connection.getresponse()
            body = response.read()
        except (OSError, http.client.HTTPException) as error:
            self._drop(key)
            raise urllib.error.URLError(error) from error
        if response.will_close:
            self._drop(key)
        if response.status >= 400:  # as urllib raises it, so retries and errors stay the same
            raise urllib.error.HTTPError(
                url, response.status, response.reason, response.msg, io.BytesIO(body)
            )
        if response.msg.get_content_type() == "application/gzip":
            return {"status": response.status, "headers": response.msg, "body": body}
        charset = response.msg.get_content_charset() or "utf-8"
        return {"status": response.status, "headers": response.msg, "body": body.decode(charset)}

    def _connection(self, key: Key) -> http.client.HTTPConnection:
        connection = _CONNECTIONS.open.get(key)
        if connection is not None and not _usable(connection):
            self._drop(key)
            connection = None
        if connection is None:
            scheme, host, port = key
            if scheme == "https":
                context = self.ssl or ssl.create_default_context()
                connection = http.client.HTTPSConnection(
                    host, port, timeout=self.timeout, context=context
                )
            else:
                connection = http.client.HTTPConnection(host, port, timeout=self.timeout)
            _CONNECTIONS.open[key] = connection
        return connection

    @staticmethod
    def _drop(key: Key) -> None:
        connection = _CONNECTIONS.open.pop(key, None)
        if connection is not None:
            connection.close()


def _usable(connection: http.client.HTTPConnection) -> bool:
    """A resting connection is usable unless the server has closed it (or sent something
    unasked): then its socket reads as ready, and it is not reused."""
    sock = connection.sock
    if sock is None:
        return True  # not connected yet (or closed by http.client): it connects anew
    try:
        if hasattr(select, "poll"):  # any descriptor, also above select()'s 1024
            poller = select.poll()
            poller.register(sock, select.POLLIN)
            return not poller.poll(0)
        ready, _, _ = select.select([sock], [], [], 0)  # Windows: no poll()
    except (OSError, ValueError):
        return False
    return not ready

"""A load generator: signed Slack requests over keep-alive HTTP, from threads.

Runs in its own process (`python -m benchmarks.load`, a JSON spec on stdin, a JSON
result on stdout) so that it shares no interpreter lock with the Slack stand-in
the bench runner holds. Every run is bounded by a request count and a deadline,
and only ever targets 127.0.0.1.
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import itertools
import json
import sys
import threading
import time
import urllib.parse
from dataclasses import asdict, dataclass, field
from typing import Any

HOST = "127.0.0.1"
PATH = "/slack/events"
BOT_USER = "U0REFERAT"


@dataclass(frozen=True)
class Spec:
    """What to send. `kind` is "command" (a `/referat TEXT` slash command) or "message"
    (a channel message event whose text is TEXT; each gets its own ts and event id)."""

    port: int
    secret: str
    kind: str
    text: str
    team: str
    channel: str
    user: str
    clients: int
    requests: int  # at most this many in all
    seconds: float  # and no new request after this long
    run_id: int = 0  # makes message ts and event ids unique across runs
    response_url: str = "http://127.0.0.1:9/response"


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)  # seconds, successful requests
    statuses: dict[str, int] = field(default_factory=dict)
    errors: int = 0  # transport failures
    elapsed: float = 0.0  # first send to last answer
    started_wall: float = 0.0  # time.time() at the first send (for end-to-end timing)

    @property
    def ok(self) -> int:
        return self.statuses.get("200", 0)

    @property
    def failed(self) -> int:
        return self.errors + sum(n for s, n in self.statuses.items() if s != "200")

    @property
    def throughput(self) -> float:
        return self.ok / self.elapsed if self.elapsed > 0 else 0.0


def body_of(spec: Spec, n: int) -> tuple[str, str]:
    """The n-th request's body and content type."""
    if spec.kind == "command":
        form = {
            "token": "unused",
            "team_id": spec.team,
            "team_domain": "referat-bench",
            "channel_id": spec.channel,
            "channel_name": "styregruppe",
            "user_id": spec.user,
            "user_name": spec.user.lower(),
            "command": "/referat",
            "text": spec.text,
            "api_app_id": "A0LOCAL",
            "is_enterprise_install": "false",
            "response_url": spec.response_url,
            "trigger_id": f"{spec.run_id}.{n}.bench.trigger",
        }
        return urllib.parse.urlencode(form), "application/x-www-form-urlencoded"
    if spec.kind in ("message", "home"):
        ts = f"{1795400000 + spec.run_id * 10:d}.{n:06d}"
        if spec.kind == "message":
            event: dict[str, Any] = {
                "type": "message",
                "text": spec.text,
                "user": spec.user,
                "ts": ts,
                "channel": spec.channel,
                "event_ts": ts,
                "channel_type": "channel",
            }
        else:
            event = {
                "type": "app_home_opened",
                "user": spec.user,
                "channel": "D0HOME",
                "tab": "home",
                "event_ts": ts,
            }
        body = {
            "token": "unused",
            "team_id": spec.team,
            "api_app_id": "A0LOCAL",
            "event": event,
            "type": "event_callback",
            "event_id": f"EvB{spec.run_id}x{n}",
            "event_time": int(time.time()),
            "authorizations": [
                {
                    "team_id": spec.team,
                    "user_id": BOT_USER,
                    "is_bot": True,
                    "is_enterprise_install": False,
                }
            ],
            "is_ext_shared_channel": False,
        }
        return json.dumps(body), "application/json"
    raise ValueError(f"unknown kind {spec.kind!r}")


def signed_headers(secret: str, body: str, content_type: str) -> dict[str, str]:
    stamp = str(int(time.time()))
    digest = hmac.new(secret.encode(), f"v0:{stamp}:{body}".encode(), hashlib.sha256).hexdigest()
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": f"v0={digest}",
    }


def send_one(spec: Spec, n: int = 0, timeout: float = 120.0) -> tuple[int, str, float]:
    """One request on a new connection: status, body, seconds."""
    body, kind = body_of(spec, n)
    connection = http.client.HTTPConnection(HOST, spec.port, timeout=timeout)
    try:
        started = time.perf_counter()
        connection.request("POST", PATH, body.encode(), signed_headers(spec.secret, body, kind))
        response = connection.getresponse()
        data = response.read().decode("utf-8", "replace")
        return response.status, data, time.perf_counter() - started
    finally:
        connection.close()


def run(spec: Spec) -> Result:
    """`spec.clients` threads, each on one keep-alive connection, until the count or
    the deadline is reached."""
    counter = itertools.count()
    lock = threading.Lock()
    result = Result()
    firsts: list[float] = []
    lasts: list[float] = []
    go = threading.Event()
    deadline = [0.0]

    def client() -> None:
        connection = http.client.HTTPConnection(HOST, spec.port, timeout=120)
        latencies: list[float] = []
        statuses: dict[str, int] = {}
        errors = 0
        first = last = 0.0
        go.wait()
        while True:
            n = next(counter)
            if n >= spec.requests or time.perf_counter() > deadline[0]:
                break
            body, kind = body_of(spec, n)
            payload = body.encode()
            for attempt in (1, 2):  # a keep-alive connection the server closed: reopen once
                started = time.perf_counter()
                try:
                    connection.request(
                        "POST", PATH, payload, signed_headers(spec.secret, body, kind)
                    )
                    response = connection.getresponse()
                    response.read()
                except (OSError, http.client.HTTPException):
                    connection.close()
                    connection = http.client.HTTPConnection(HOST, spec.port, timeout=120)
                    if attempt == 2:
                        errors += 1
                    continue
                ended = time.perf_counter()
                first = first or started
                last = ended
                status = str(response.status)
                statuses[status] = statuses.get(status, 0) + 1
                if response.status == 200:
                    latencies.append(ended - started)
                break
        connection.close()
        with lock:
            result.latencies.extend(latencies)
            for status, count in statuses.items():
                result.statuses[status] = result.statuses.get(status, 0) + count
            result.errors += errors
            if first:
                firsts.append(first)
                lasts.append(last)

    threads = [threading.Thread(target=client, daemon=True) for _ in range(spec.clients)]
    for thread in threads:
        thread.start()
    result.started_wall = time.time()
    deadline[0] = time.perf_counter() + spec.seconds
    go.set()
    for thread in threads:
        thread.join(spec.seconds + 300)
    if firsts:
        result.elapsed = max(lasts) - min(firsts)
    return result


def main() -> None:
    spec = Spec(**json.loads(sys.stdin.read()))
    result = run(spec)
    json.dump(asdict(result), sys.stdout)


if __name__ == "__main__":
    main()

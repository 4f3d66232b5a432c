"""Where a request's slow half runs (the thread reply, a preview, a post after a button).

Served by gunicorn, it runs after the request's answer has been written, on the same
thread: the WSGI response's `close()` (`AfterResponse`), which the server calls once the
last byte is out. No hand-over to another thread, and a worker stopping gracefully
finishes it with the request. Everywhere else (the console, the tests' local server,
Socket Mode) it goes to the app's executor, where the console and the tests wait for it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor
from typing import Any

log = logging.getLogger(__name__)

Job = tuple[Callable[..., Any], tuple[Any, ...]]


class _Here(threading.local):
    def __init__(self) -> None:
        self.jobs: list[Job] | None = None  # None: no request of ours is in hand here


_HERE = _Here()


def hand_over(executor: Executor, job: Callable[..., Any], *args: Any) -> None:
    """Run `job(*args)` after this request's answer: on this thread if the server runs it
    after the response (`collecting`), else on `executor`."""
    if _HERE.jobs is not None:
        _HERE.jobs.append((job, args))
    else:
        executor.submit(job, *args)


def collecting() -> list[Job]:
    """The jobs handed over while this thread answers the request it has just started."""
    _HERE.jobs = []
    return _HERE.jobs


def stop_collecting() -> None:
    _HERE.jobs = None


class AfterResponse:
    """A WSGI response whose `close()` runs the request's jobs once the server has sent it."""

    def __init__(self, body: Iterable[bytes], jobs: list[Job]) -> None:
        self._body, self._jobs = body, jobs
        stop_collecting()  # what a job hands over in turn goes to the executor

    def __iter__(self) -> Iterator[bytes]:
        return iter(self._body)

    def close(self) -> None:
        try:
            close = getattr(self._body, "close", None)
            if close is not None:
                close()
        finally:
            jobs, self._jobs = self._jobs, []
            for job, args in jobs:
                try:
                    job(*args)
                except Exception:  # Slack has its answer; the next job still runs
                    log.exception("a follow-up after the answer failed")

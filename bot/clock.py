"""The one place that reads the clock. REFERAT_NOW freezes it for demos and tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


def fixed_clock(at: datetime) -> Clock:
    """A clock that always answers `at` (aware)."""
    if at.tzinfo is None:
        raise ValueError("fixed_clock needs an aware datetime")

    def clock() -> datetime:
        return at

    return clock


def clock_for(now: datetime | None) -> Clock:
    return system_clock if now is None else fixed_clock(now)

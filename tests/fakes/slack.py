"""The local Slack stand-in with what only tests need: reading calls and injecting faults
(the console and the bot use only StandIn itself)."""

from __future__ import annotations

from bot.standin import Call, Fault, StandIn


class StandInForTests(StandIn):
    def calls_to(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def fail_next(
        self,
        method: str,
        status: int = 429,
        error: str = "ratelimited",
        retry_after: int | None = 1,
    ) -> None:
        with self._lock:
            self.faults.setdefault(method, []).append(Fault(status, error, retry_after))

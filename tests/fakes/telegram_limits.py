"""Flood-limit accounting for the fake Telegram Bot API: measure, and optionally refuse like Telegram.

Each limit is a sliding window, "at most COUNT messages in any PERIOD seconds": per chat
(1 per second), per group or supergroup (20 per minute) and overall (30 per second by
default). A message is in excess when COUNT earlier messages of the same key arrived less
than PERIOD - SLACK seconds before it; SLACK absorbs the jitter between the client's clock
and the moment the request reaches the server. The window is stricter than a token bucket:
a sender that bursts up to its bucket size (as aiolimiter does) is counted here.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass

Limit = tuple[int, float]  # (count, period in seconds)
PRUNE_EVERY = 4096  # drop idle keys this often, so memory follows the active chats only


@dataclass(frozen=True)
class RateLimits:
    """The limits the fake measures; None switches one off."""

    per_chat: Limit | None = (1, 1.0)
    per_group: Limit | None = (20, 60.0)
    overall: Limit | None = (30, 1.0)
    slack: float = 0.05  # arrival jitter tolerated; a loaded test machine delays requests by tens of ms

    @classmethod
    def overall_per_second(cls, rate: int, **kwargs: object) -> RateLimits:
        """The default per-chat and per-group limits with a raised overall rate."""
        return cls(overall=(rate, 1.0), **kwargs)  # type: ignore[arg-type]


@dataclass(slots=True)
class Violation:
    """One message sent over a limit: which limit, to which chat, when (monotonic seconds)."""

    kind: str  # "chat", "group" or "overall"
    chat_id: int
    at: float
    wait: float  # how much later the message would have been within the limit


class _Window:
    """The last COUNT arrival times per key."""

    __slots__ = ("adds", "count", "log", "period", "slack")

    def __init__(self, limit: Limit, slack: float) -> None:
        self.count, self.period = limit
        self.slack = slack
        self.log: dict[Hashable, deque[float]] = {}
        self.adds = 0

    def excess(self, key: Hashable, now: float) -> float:
        """Seconds until a message for `key` would fit; 0.0 when it fits now."""
        arrivals = self.log.get(key)
        if arrivals is None or len(arrivals) < self.count:
            return 0.0
        gap = now - arrivals[0]
        return self.period - gap if gap < self.period - self.slack else 0.0

    def add(self, key: Hashable, now: float) -> None:
        arrivals = self.log.get(key)
        if arrivals is None:
            arrivals = self.log[key] = deque(maxlen=self.count)
        arrivals.append(now)
        self.adds += 1
        if self.adds % PRUNE_EVERY == 0:
            idle = [k for k, times in self.log.items() if now - times[-1] >= self.period]
            for k in idle:
                del self.log[k]


class RateMeter:
    """Checks each message against the limits and keeps the violations."""

    def __init__(self, limits: RateLimits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self.clock = clock
        self.violations: list[Violation] = []
        self._windows: list[tuple[str, _Window]] = [
            (kind, _Window(limit, limits.slack))
            for kind, limit in (("chat", limits.per_chat), ("group", limits.per_group), ("overall", limits.overall))
            if limit is not None and limit[0] > 0
        ]

    def check(self, chat_id: int, is_group: bool, *, enforce: bool) -> int | None:
        """Account one message; with `enforce`, return the retry_after to answer instead of sending."""
        now = self.clock()
        worst = 0.0
        keys: list[tuple[_Window, Hashable]] = []
        for kind, window in self._windows:
            if kind == "group" and not is_group:
                continue
            key: Hashable = 0 if kind == "overall" else chat_id
            keys.append((window, key))
            wait = window.excess(key, now)
            if wait > 0:
                self.violations.append(Violation(kind, chat_id, now, wait))
                worst = max(worst, wait)
        if enforce and worst > 0:
            return max(1, math.ceil(worst))
        for window, key in keys:
            window.add(key, now)
        return None

    def counts(self) -> dict[str, int]:
        """Violations by kind."""
        totals: dict[str, int] = {}
        for violation in self.violations:
            totals[violation.kind] = totals.get(violation.kind, 0) + 1
        return totals

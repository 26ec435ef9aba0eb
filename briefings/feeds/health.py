"""When to poll a feed next: the poll interval after a success, exponential back-off after failures.

A feed that fails is retried later and later (the interval, then twice it,
four times, ... up to `MAX_BACKOFF`), so a dead site costs one request a day
instead of one per poll, and a feed that recovers is back on its normal
interval after its first success.
"""

from __future__ import annotations

from datetime import datetime, timedelta

__all__ = ["DEFAULT_POLL_MINUTES", "MAX_BACKOFF", "backoff_delay", "next_poll_after"]

DEFAULT_POLL_MINUTES = 60
MAX_BACKOFF = timedelta(hours=24)


def backoff_delay(failures: int, *, poll_minutes: int = DEFAULT_POLL_MINUTES) -> timedelta:
    """The wait after `failures` consecutive failures: the interval doubled per failure after the first."""
    base = timedelta(minutes=max(poll_minutes, 1))
    # Cap the exponent as well: a week doubled 64 times does not fit in a timedelta.
    factor = 2 ** min(max(failures - 1, 0), 16)
    delay: timedelta = min(base * factor, max(MAX_BACKOFF, base))
    return delay


def next_poll_after(now: datetime, *, failures: int, poll_minutes: int = DEFAULT_POLL_MINUTES) -> datetime:
    """When to poll next, given the consecutive failures so far (0 after a success)."""
    return now + backoff_delay(failures, poll_minutes=poll_minutes)

"""When to poll a feed next: the poll interval after a success, exponential back-off after failures.

A feed that fails is retried later and later (the interval, then twice it,
four times, ... up to `MAX_BACKOFF`), so a dead site costs one request a day
instead of one per poll, and a feed that recovers is back on its normal
interval after its first success.

The poller spreads feeds over the interval (`url=` given): each feed has its
own phase, a hash of its URL, and after a success is due at the next instant
of that phase at least half an interval away. So 10,000 feeds added at once
are fetched together once, then evenly across every interval, each still once
per interval; the phase is deterministic, so a restart changes nothing. Retries
after a failure get up to `FAILURE_JITTER` of their delay on top, so the feeds
of a host that was down for an hour do not all come back in the same second.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

__all__ = ["DEFAULT_POLL_MINUTES", "FAILURE_JITTER", "MAX_BACKOFF", "backoff_delay", "next_poll_after", "phase"]

DEFAULT_POLL_MINUTES = 60
MAX_BACKOFF = timedelta(hours=24)
FAILURE_JITTER = 0.1  # a retry comes up to this share of its delay later, by the feed's phase
EPOCH = datetime(2000, 1, 3, tzinfo=UTC)  # slots are counted from a fixed instant (a Monday, midnight UTC)


def phase(url: str) -> float:
    """The feed's place in any interval, in [0, 1): the same for a URL in every process and run."""
    digest = hashlib.blake2b(url.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


def backoff_delay(failures: int, *, poll_minutes: int = DEFAULT_POLL_MINUTES) -> timedelta:
    """The wait after `failures` consecutive failures: the interval doubled per failure after the first."""
    base = timedelta(minutes=max(poll_minutes, 1))
    # Cap the exponent as well: a week doubled 64 times does not fit in a timedelta.
    factor = 2 ** min(max(failures - 1, 0), 16)
    delay: timedelta = min(base * factor, max(MAX_BACKOFF, base))
    return delay


def next_poll_after(
    now: datetime, *, failures: int, poll_minutes: int = DEFAULT_POLL_MINUTES, url: str | None = None
) -> datetime:
    """When to poll next, given the consecutive failures so far (0 after a success).

    With `url`, the time is spread by the feed's phase (see the module docstring); without, it is exact.
    """
    delay = backoff_delay(failures, poll_minutes=poll_minutes)
    if url is None:
        return now + delay
    if failures:
        return now + delay * (1 + FAILURE_JITTER * phase(url))
    interval = timedelta(minutes=max(poll_minutes, 1))
    earliest = now + interval / 2
    offset = interval * phase(url)
    slots = -((EPOCH + offset - earliest) // interval)  # whole intervals from the first slot to `earliest`, ceil
    return EPOCH + offset + interval * slots

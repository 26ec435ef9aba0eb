"""Connecting a chat platform at start-up: now if it answers, else in the background with back-off.

A platform that is down or unreachable (DNS, a refused connection, a timeout)
is not a reason to stop the service: the other platform, the feed poller and
the schedule keep running, and the adapter connects when the platform comes
back. Each failed attempt is one log line, never a traceback. A refused token
is different: retrying cannot fix it, so it ends the service with one line and
exit 2, whether it comes on the first attempt or a later one.

    PlatformUnreachable (bot.errors)   retried: FIRST_RETRY seconds, doubling, at most MAX_RETRY
    PlatformAuthError (bot.errors)     not retried: `Connector.fatal` holds it and `stop` is set
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from bot.errors import PlatformAuthError, PlatformUnreachable

logger = logging.getLogger(__name__)

FIRST_RETRY = 5.0  # seconds before the second attempt
MAX_RETRY = 300.0  # back-off cap: a platform that is back is reconnected within five minutes

T = TypeVar("T")


def delays(first: float = FIRST_RETRY, cap: float = MAX_RETRY) -> Callable[[], float]:
    """The waits between attempts: `first`, doubling, never above `cap`."""
    current = first / 2

    def next_delay() -> float:
        nonlocal current
        current = min(cap, current * 2)
        return current

    return next_delay


@dataclass
class Connector(Generic[T]):
    """Connects each platform once; the ones that could not connect yet keep trying until `stop` is set."""

    stop: asyncio.Event
    first: float = FIRST_RETRY
    cap: float = MAX_RETRY
    fatal: PlatformAuthError | None = None
    _tasks: list[asyncio.Task[None]] = field(default_factory=list)

    async def connect(self, name: str, attempt: Callable[[], Awaitable[T]], on_connected: Callable[[T], None]) -> None:
        """Try `attempt` now; if the platform is unreachable, keep trying in the background.

        A refused token on this first attempt raises PlatformAuthError, so start-up stops as it always did.
        """
        try:
            on_connected(await attempt())
        except PlatformUnreachable as exc:
            wait = delays(self.first, self.cap)
            delay = wait()
            logger.warning("%s; retrying in %.0f s", exc, delay)
            self._tasks.append(asyncio.create_task(self._retry(name, attempt, on_connected, delay, wait),
                                                   name=f"connect-{name}"))

    async def _retry(self, name: str, attempt: Callable[[], Awaitable[T]], on_connected: Callable[[T], None],
                     delay: float, wait: Callable[[], float]) -> None:
        while not await self._stopped_within(delay):
            try:
                connected = await attempt()
            except PlatformUnreachable as exc:
                delay = wait()
                logger.warning("%s; retrying in %.0f s", exc, delay)
                continue
            except PlatformAuthError as exc:
                logger.error("%s", exc)
                self.fatal = exc
                self.stop.set()
                return
            logger.info("%s is reachable again: connected", name)
            on_connected(connected)
            return

    async def _stopped_within(self, seconds: float) -> bool:
        with suppress(TimeoutError):
            await asyncio.wait_for(self.stop.wait(), timeout=seconds)
        return self.stop.is_set()

    async def close(self) -> None:
        """Stop trying: an attempt in flight is cancelled (it cleans up after itself)."""
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with suppress(asyncio.CancelledError):
                await task
        self._tasks.clear()

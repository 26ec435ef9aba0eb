"""Delivery: take rows from the outbox ledger and send them, within each platform's limits.

    DeliveryEngine.run()          claim due rows, send each chat its briefing, mark the ledger
      ├── PlatformSender.render   a document -> the platform's messages (Telegram HTML, Slack blocks)
      ├── PlatformSender.send     one message -> SendResult (ok, retry_after, gone, error)
      └── Pacer                   overall rate (aiolimiter), one message per second per chat,
                                  20 per minute per group

Every state change is written to the ledger before the next step: a part is
recorded the moment the platform confirms it, before anything else is sent to
that chat. Rows are claimed only as slots free up, so a crash leaves at most
`concurrency` rows claimed per platform, and a resumed row continues with its
next part. What a `kill -9` can repeat is only the messages whose request was
out and whose answer was not yet recorded: at most the sender's open requests
(its connection pool). Nothing is skipped.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import socket
import uuid
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from aiolimiter import AsyncLimiter
from sqlite_utils import Database

from briefings.compose import compose_briefing, parse_week
from briefings.compose.topics import filter_topics
from briefings.render.briefing import briefing_doc
from briefings.render.doc import Doc
from briefings.store import broadcasts, outbox
from briefings.store.subscriptions import Subscription, migrate_chat, subscriptions_of, unsubscribe

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5  # a row that failed this many times (5xx, network) is marked failed
BACKOFF_BASE = timedelta(seconds=30)  # retry after 30 s, 60 s, 120 s, ...
DEFAULT_CONCURRENCY = 64  # chats in flight at once on a platform the engine was given no figure for
CLAIM_CHUNK = 16  # claim when this many slots are free: a few rows per UPDATE, never far ahead of the senders
WAIT_INLINE = 30.0  # a retry_after up to this long is waited out in place; longer ones requeue the row
PACER_MEMORY = 1000  # chats whose last send time is kept even when it no longer matters
BURST_SHARE = 0.01  # how many messages may leave at once, as a share of the rate per second
RATE_MARGIN = 0.97  # pace a little under the limit: arrival jitter must not push a window over it
PER_CHAT_INTERVAL = 1.0 / RATE_MARGIN  # Telegram and Slack: about one message per second per chat
PER_GROUP_INTERVAL = 60.0 / 20 / RATE_MARGIN  # Telegram: 20 messages per minute per group


@dataclass(frozen=True)
class SendResult:
    """How one message went, in the terms delivery acts on."""

    ok: bool = False
    retry_after: float | None = None  # the platform asked us to wait (429, ratelimited)
    gone: str | None = None  # the chat can no longer receive (blocked, kicked, archived): unsubscribe it
    error: str | None = None  # failed; retried with back-off unless `permanent`
    permanent: bool = False
    migrated_to: str | None = None  # the chat has a new id (a Telegram group became a supergroup)


SENT = SendResult(ok=True)


class PlatformSender(Protocol):
    """What delivery needs from a platform adapter."""

    platform: str

    def render(self, doc: Doc) -> Sequence[Any]:
        """The messages that carry `doc` on this platform, in order."""

    async def send(self, chat_id: str, message: Any) -> SendResult:
        """Send one message to one chat; never raise for platform errors."""


class Pacer:
    """Spaces sends to stay under an overall rate, one message a second per chat, and 20 a minute per group."""

    def __init__(
        self,
        rate_per_second: float,
        *,
        per_chat_interval: float = PER_CHAT_INTERVAL,
        per_group_interval: float = PER_GROUP_INTERVAL,
        clock: Callable[[], float] | None = None,
    ) -> None:
        rate = max(rate_per_second * RATE_MARGIN, 0.1)
        self.per_chat_interval, self.per_group_interval = per_chat_interval, per_group_interval
        # A small bucket: messages may go `burst` at a time, so timer jitter costs no throughput, while any
        # one-second window still holds at most burst + rate <= the limit (Telegram counts sliding windows).
        burst = max(1, int(rate_per_second * BURST_SHARE))
        self.overall = AsyncLimiter(burst, burst / rate)
        self._last: OrderedDict[Hashable, float] = OrderedDict()
        self._clock = clock or (lambda: asyncio.get_running_loop().time())

    def _due(self, keys: list[tuple[Hashable, float]], now: float) -> float:
        """Seconds until every key's interval since its last message has passed (0.0: now)."""
        waits = [when + interval - now for key, interval in keys if (when := self._last.get(key)) is not None]
        return max(waits, default=0.0)

    def _remember(self, keys: list[tuple[Hashable, float]], now: float) -> None:
        for key, _ in keys:
            self._last[key] = now
            self._last.move_to_end(key)
        # Memory follows the chats in flight, not all subscribers: an entry older than the longest
        # interval constrains nothing any more (least recently used first, so stop at the first fresh one).
        while len(self._last) > PACER_MEMORY:
            oldest, when = next(iter(self._last.items()))
            if now - when < max(self.per_chat_interval, self.per_group_interval):
                break
            del self._last[oldest]

    async def wait(self, chat_key: Hashable, *, is_group: bool) -> None:
        """Return when a message to this chat may go."""
        keys: list[tuple[Hashable, float]] = [(("chat", chat_key), self.per_chat_interval)]
        if is_group:
            keys.append((("group", chat_key), self.per_group_interval))
        while True:
            while (wait := self._due(keys, self._clock())) > 0:
                await asyncio.sleep(wait)
            await self.overall.acquire()
            # The chat's time is taken when the message goes, after the overall wait: taken before it, a
            # long overall wait would bring this message closer to the chat's next one than the interval.
            # Checked again, since another sender to the same chat (a reply, a second key) may have gone.
            now = self._clock()
            if self._due(keys, now) <= 0:
                self._remember(keys, now)
                return


def worker_name() -> str:
    """A name for this process's claims: host, pid and a nonce (a recycled pid is not the same worker)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def release_dead_workers(db: Database, *, now: datetime) -> int:
    """Requeue rows claimed by processes that are gone: dead pids on this host, or any claim past its lease."""
    host = socket.gethostname()
    released = outbox.release(db, claimed_before=now - outbox.LEASE)
    claimers = db.execute("SELECT DISTINCT claimed_by FROM outbox WHERE state = 'sending'").fetchall()
    for (claimer,) in claimers:
        parts = str(claimer).split(":")
        if len(parts) == 3 and parts[0] == host and parts[1].isdigit() and not _alive(int(parts[1])):
            released += outbox.release(db, worker=str(claimer))
    if released:
        logger.warning("requeued %d deliveries left in flight by a stopped process", released)
    return released


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


Composer = Callable[[str, ZoneInfo, tuple[str, ...]], Doc]


def briefing_composer(db: Database) -> Composer:
    """Compose (key, time zone, topics) -> document, for the ledger keys `weekly:YYYY-Www`."""

    def compose(key: str, tz: ZoneInfo, topics: tuple[str, ...]) -> Doc:
        week = parse_week(broadcasts.week_of_key(key))
        return briefing_doc(filter_topics(compose_briefing(db, week=week, tz=tz), topics))

    return compose


@dataclass
class DeliveryEngine:
    """Sends queued ledger rows with the platform senders it has; rows of other platforms wait."""

    db: Database
    senders: dict[str, PlatformSender]
    pacers: dict[str, Pacer]
    compose: Composer
    default_timezone: ZoneInfo
    clock: Callable[[], datetime]
    concurrency: Mapping[str, int] = field(default_factory=dict)  # chats in flight at once, per platform
    worker: str = field(default_factory=worker_name)
    on_report: Callable[[str, str, str, dict[str, int]], Awaitable[None]] | None = None
    _cache: OrderedDict[tuple[str, str, str, tuple[str, ...]], Sequence[Any]] = field(default_factory=OrderedDict)
    _stop: asyncio.Event = field(default_factory=asyncio.Event)

    def _messages(self, key: str, platform: str, tz: ZoneInfo, topics: tuple[str, ...]) -> Sequence[Any]:
        """The rendered briefing for this audience, cached: 100k chats share a handful of variants."""
        cache_key = (key, platform, tz.key, topics)
        if cache_key not in self._cache:
            self._cache[cache_key] = self.senders[platform].render(self.compose(key, tz, topics))
            while len(self._cache) > 256:
                self._cache.popitem(last=False)
        return self._cache[cache_key]

    async def run(self, *, key: str | None = None, stop: asyncio.Event | None = None,
                  progress: Callable[[int], None] | None = None) -> dict[str, int]:
        """Send every due row (of `key`, if given) until none is left or `stop` is set; return the counts."""
        release_dead_workers(self.db, now=self.clock())
        self._stop = stop or asyncio.Event()
        pending: dict[str, set[asyncio.Task[None]]] = {platform: set() for platform in self.senders}
        freed = asyncio.Event()  # a delivery finished: one Event, not asyncio.wait over thousands of tasks

        def finished(task: asyncio.Task[None], platform: str) -> None:
            pending[platform].discard(task)
            freed.set()

        try:
            while not self._stop.is_set():
                freed.clear()
                batch = []
                for platform, tasks in pending.items():
                    free = self.concurrency.get(platform, DEFAULT_CONCURRENCY) - len(tasks)
                    # Claim only what can start now, so the rows marked `sending` are the ones being worked on.
                    if free >= CLAIM_CHUNK or (free > 0 and not tasks):
                        batch += outbox.claim(self.db, worker=self.worker, now=self.clock(),
                                              limit=min(free, CLAIM_CHUNK), platform=platform, key=key)
                if not batch:
                    if not any(pending.values()):
                        break
                    await freed.wait()
                    continue
                audiences = subscriptions_of(self.db, [(row.platform, row.chat_id) for row in batch])
                for row in batch:
                    task = asyncio.create_task(self._deliver_row(row, audiences.get((row.platform, row.chat_id)),
                                                                 progress))
                    pending[row.platform].add(task)
                    task.add_done_callback(functools.partial(finished, platform=row.platform))
            running = set().union(*pending.values())
            if running:
                await asyncio.gather(*running)
        finally:
            for task in set().union(*pending.values()):
                task.cancel()
            outbox.release(self.db, worker=self.worker)  # anything not finished goes back to the queue
        await self.report_finished()
        return outbox.counts(self.db, key=key)

    async def _deliver_row(self, row: outbox.OutboxRow, subscription: Subscription | None,
                           progress: Callable[[int], None] | None) -> None:
        try:
            await self._deliver(row, subscription)
        except asyncio.CancelledError:
            outbox.release(self.db, worker=self.worker, row_id=row.id)
            raise
        except Exception:  # a bug in one delivery must not stop the broadcast; the row is retried
            logger.exception("delivery %s to %s:%s failed unexpectedly", row.key, row.platform, row.chat_id)
            self._retry_or_fail(row, "internal error (see log)")
        finally:
            if progress:
                progress(1)

    async def _deliver(self, row: outbox.OutboxRow, subscription: Subscription | None) -> None:
        if subscription is None or not subscription.active:
            outbox.mark_skipped(self.db, row.id, reason="not subscribed")
            return
        tz = ZoneInfo(subscription.timezone) if subscription.timezone else self.default_timezone
        messages = self._messages(row.key, row.platform, tz, tuple(subscription.topics))
        sender, pacer = self.senders[row.platform], self.pacers[row.platform]
        is_group = subscription.kind != "private"
        index = row.parts_sent
        while index < len(messages):
            await pacer.wait(row.chat_id, is_group=is_group)
            if self._stop.is_set():  # shutting down: this row goes back to the queue at the next part
                outbox.part_sent(self.db, row.id, index)
                outbox.release(self.db, worker=self.worker, row_id=row.id)
                return
            result = await sender.send(row.chat_id, messages[index])
            if result.ok:
                # Recorded before anything else happens in this task: a crash from here on repeats nothing.
                index += 1
                if index < len(messages):
                    outbox.part_sent(self.db, row.id, index)
                else:
                    outbox.mark_sent(self.db, row.id, now=self.clock())
                continue
            if result.retry_after is not None and result.retry_after <= WAIT_INLINE:
                logger.info("%s asked to wait %.0f s before %s", row.platform, result.retry_after, row.chat_id)
                await asyncio.sleep(result.retry_after)
                continue
            if result.retry_after is not None:
                outbox.part_sent(self.db, row.id, index)
                outbox.retry_later(self.db, row.id, at=self.clock() + timedelta(seconds=result.retry_after),
                                   error=f"rate limited: retry after {result.retry_after:.0f} s")
                return
            if result.migrated_to is not None:
                migrate_chat(self.db, platform=row.platform, old=row.chat_id, new=result.migrated_to)
                outbox.mark_skipped(self.db, row.id, reason=result.gone or "migrated")
                outbox.enqueue(self.db, key=row.key, chats=[(row.platform, result.migrated_to)], now=self.clock())
                return
            if result.gone is not None:
                logger.warning("%s chat %s is gone (%s): unsubscribing", row.platform, row.chat_id, result.gone)
                unsubscribe(self.db, platform=row.platform, chat_id=row.chat_id, reason=result.gone, now=self.clock())
                outbox.mark_skipped(self.db, row.id, reason=result.gone)
                return
            outbox.part_sent(self.db, row.id, index)
            if result.permanent:
                logger.error("delivery to %s:%s failed: %s", row.platform, row.chat_id, result.error)
                outbox.mark_failed(self.db, row.id, error=result.error or "rejected")
            else:
                self._retry_or_fail(row, result.error or "error")
            return

    def _retry_or_fail(self, row: outbox.OutboxRow, error: str) -> None:
        if row.attempts >= MAX_ATTEMPTS:
            logger.error("giving up on %s to %s:%s after %d attempts: %s",
                         row.key, row.platform, row.chat_id, row.attempts, error)
            outbox.mark_failed(self.db, row.id, error=error)
        else:
            delay = BACKOFF_BASE * (2 ** (row.attempts - 1))
            outbox.retry_later(self.db, row.id, at=self.clock() + delay, error=error)

    async def report_finished(self) -> None:
        """Tell each admin who asked for a broadcast how it went, once it has nothing left to send."""
        if self.on_report is None:
            return
        for key, platform, chat_id in broadcasts.finished_unreported(self.db):
            if platform in self.senders:
                await self.on_report(key, platform, chat_id, outbox.counts(self.db, key=key))
                broadcasts.mark_reported(self.db, key=key, now=self.clock())

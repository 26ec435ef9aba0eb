"""The scheduler's poll: every due feed, many at once, politely, with the database in one thread.

    poll_due_feeds(db, now=...)
      ├── worker threads (at most `workers`)   fetch (conditional GET) + parse; full text of new teasers
      ├── per-host queues (at most `per_host`)  no host sees more than two of our requests at a time
      └── the calling thread                    every database read and write, between the two stages

A cycle of 10,000 feeds cannot be sequential: one slow host (seconds per
answer) would hold up every feed behind it. So fetching and parsing run in a
bounded thread pool sharing one httpx client (its connection pool is thread
safe), while a feed only goes to a worker when its host has a free slot: a
waiting feed never occupies a thread, so one busy host cannot starve the others.
SQLite stays single-threaded: the calling thread dedupes a changed feed's
stories, hands the new teasers back to a worker for their full text (on the
same host slots), and stores the result. A 304 costs one request and one
UPDATE, no parse. Each feed's next poll is spread over the interval by its
URL (`health.next_poll_after(url=...)`), so after the first cycle the feeds
come due a few at a time instead of all at once.
"""

from __future__ import annotations

import json
import logging
from collections import Counter, deque
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import httpx
from sqlite_utils import Database

from briefings.feeds.fetch import DEFAULT_FETCH_TIMEOUT, MAX_BYTES, make_client
from briefings.feeds.health import DEFAULT_POLL_MINUTES
from briefings.feeds.ingest import Fresh, SourceResult, add_full_text, read_source, settle_read, store_fresh
from briefings.feeds.outbound import PUBLIC_ONLY, OutboundPolicy
from briefings.store.feeds import due_feeds, ensure_feed

__all__ = ["DEFAULT_PER_HOST", "DEFAULT_WORKERS", "host_of", "poll_due_feeds", "poll_sources"]

logger = logging.getLogger(__name__)

DEFAULT_WORKERS = 48  # requests in flight at once, over all hosts
DEFAULT_PER_HOST = 2  # requests in flight at once to one host: politeness


def host_of(source: str) -> str:
    """The politeness key of a source: its host name (any port); each local file is its own."""
    parts = urlsplit(source)
    if parts.scheme.lower() in ("http", "https") and parts.hostname:
        return parts.hostname.lower()
    return f"file:{source}"


@dataclass(frozen=True)
class _Job:
    """Work for a thread (`work`), then what the database thread does with its result (`then`)."""

    host: str
    work: Callable[[], Any]
    then: Callable[[Any], _Job | None]


class _HostQueues:
    """Jobs waiting per host, handed out round-robin to hosts with a free slot."""

    def __init__(self, per_host: int) -> None:
        self.per_host = per_host
        self.waiting: dict[str, deque[_Job]] = {}
        self.active: Counter[str] = Counter()
        self.ready: deque[str] = deque()  # hosts with a waiting job and a free slot, each at most once
        self._listed: set[str] = set()

    def __bool__(self) -> bool:
        return bool(self.ready)

    def _offer(self, host: str) -> None:
        if host not in self._listed and self.waiting.get(host) and self.active[host] < self.per_host:
            self.ready.append(host)
            self._listed.add(host)

    def push(self, job: _Job, *, first: bool = False) -> None:
        queue = self.waiting.setdefault(job.host, deque())
        queue.appendleft(job) if first else queue.append(job)
        self._offer(job.host)

    def pop(self) -> _Job:
        host = self.ready.popleft()
        self._listed.discard(host)
        job = self.waiting[host].popleft()
        if not self.waiting[host]:
            del self.waiting[host]
        self.active[host] += 1
        self._offer(host)
        return job

    def release(self, host: str) -> None:
        self.active[host] -= 1
        if not self.active[host]:
            del self.active[host]
        self._offer(host)


def poll_due_feeds(
    db: Database,
    *,
    now: datetime,
    poll_minutes: int = DEFAULT_POLL_MINUTES,
    client: httpx.Client | None = None,
    full_text: bool = True,
    timeout: float = DEFAULT_FETCH_TIMEOUT,
    sources: Iterable[str] = (),
    policy: OutboundPolicy = PUBLIC_ONLY,
    workers: int = DEFAULT_WORKERS,
    per_host: int = DEFAULT_PER_HOST,
    max_bytes: int = MAX_BYTES,
) -> list[SourceResult]:
    """Ingest every feed whose `next_poll` has come, concurrently; results in the order the feeds were due.

    `sources` (the configured feeds) are added to the table first, due at once
    when new, so the scheduler can pass its settings every tick. Each feed's
    next poll is spread over the interval by its URL.
    """
    for source in sources:
        ensure_feed(db, source, now=now)
    return poll_sources(db, due_feeds(db, now=now), now=now, poll_minutes=poll_minutes, client=client,
                        full_text=full_text, timeout=timeout, policy=policy, workers=workers, per_host=per_host,
                        max_bytes=max_bytes)


def poll_sources(
    db: Database,
    due: list[str],
    *,
    now: datetime,
    poll_minutes: int = DEFAULT_POLL_MINUTES,
    client: httpx.Client | None = None,
    full_text: bool = True,
    timeout: float = DEFAULT_FETCH_TIMEOUT,
    policy: OutboundPolicy = PUBLIC_ONLY,
    workers: int = DEFAULT_WORKERS,
    per_host: int = DEFAULT_PER_HOST,
    max_bytes: int = MAX_BYTES,
) -> list[SourceResult]:
    """Ingest these feeds (rows in the table) concurrently, as `poll_due_feeds` does; results in their order."""
    if not due:
        return []
    rows = {row["url"]: row for row in db.table("feeds").rows_where("url IN (SELECT value FROM json_each(?))",
                                                                      [json.dumps(due)])}
    own = client is None
    http = client or make_client(timeout=timeout, policy=policy, max_connections=workers)
    results: dict[str, SourceResult] = {}

    def finish(result: SourceResult) -> None:
        results[result.source] = result

    def stored(fresh_and_articles: Any) -> _Job | None:
        fresh, articles = fresh_and_articles
        finish(store_fresh(db, fresh, articles=articles, now=now, poll_minutes=poll_minutes, jitter=True))
        return None

    def full_texts(fresh: Fresh) -> tuple[Fresh, int]:
        try:
            return add_full_text(fresh, client=http, timeout=timeout, max_bytes=max_bytes, policy=policy)
        except Exception:  # a bug in article extraction costs the full texts, not the feed's stories
            logger.exception("full text of %s failed", fresh.read.source)
            return fresh, 0

    def settled(source: str) -> Callable[[Any], _Job | None]:
        def then(read: Any) -> _Job | None:
            outcome = settle_read(db, read, row=rows.get(source, {}), now=now, poll_minutes=poll_minutes,
                                  full_text=full_text, jitter=True)
            if isinstance(outcome, SourceResult):
                finish(outcome)
                return None
            if not outcome.teasers:
                return stored((outcome, 0))
            return _Job(host_of(source), lambda: full_texts(outcome), stored)

        return then

    def reading(source: str) -> _Job:
        row = rows.get(source, {})
        return _Job(host_of(source), lambda: read_source(
            source, etag=_text(row.get("etag")), last_modified=_text(row.get("last_modified")), client=http,
            timeout=timeout, max_bytes=max_bytes, policy=policy), settled(source))

    queues = _HostQueues(max(1, per_host))
    for source in due:
        queues.push(reading(source))
    try:
        with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="poll") as pool:
            running: dict[Future[Any], _Job] = {}
            while queues or running:
                while queues and len(running) < workers:
                    job = queues.pop()
                    running[pool.submit(job.work)] = job
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    job = running.pop(future)
                    queues.release(job.host)
                    follow_up = job.then(future.result())
                    if follow_up is not None:
                        queues.push(follow_up, first=True)  # finish a started feed before new ones
    finally:
        if own:
            http.close()
    logger.debug("polled %d feeds with %d workers", len(due), workers)
    return [results[source] for source in due if source in results]


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None

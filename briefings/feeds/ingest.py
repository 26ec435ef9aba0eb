"""Ingest: fetch, parse, dedupe and store each source, reporting each as a `SourceResult`.

One source never stops another: every fetch or parse problem becomes a
result with `ok=False` and the error in words, is written to the feed's health
row (with back-off), and the loop moves on. Only a database failure, which
would fail every source alike, is raised (as `StorageError`).

Order matters for cost: candidates are deduped against the store *before*
any full-text fetch, so an article is downloaded at most once however often
its feed is polled, and new stories go in with one transaction per source.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import httpx
from sqlite_utils import Database

from briefings.errors import FeedError, StorageError
from briefings.feeds.fetch import DEFAULT_FETCH_TIMEOUT, MAX_BYTES, Fetched, fetch, make_client
from briefings.feeds.fulltext import fetch_article_text, is_teaser
from briefings.feeds.health import DEFAULT_POLL_MINUTES, next_poll_after
from briefings.feeds.identity import content_hash, guid_key, link_key, story_id
from briefings.feeds.model import FeedEntry, ParsedFeed
from briefings.feeds.outbound import PUBLIC_ONLY, OutboundPolicy
from briefings.feeds.parse import parse_feed
from briefings.store.feeds import ensure_feed, record_failure, record_success, utc_text
from briefings.store.stories import Story, insert_stories, known_story_keys, story_is_known

__all__ = [
    "MAX_FULL_TEXT_FAILURES",
    "Fresh",
    "Read",
    "SourceResult",
    "add_full_text",
    "ingest_source",
    "ingest_sources",
    "read_source",
    "settle_read",
    "store_fresh",
]

logger = logging.getLogger(__name__)

MAX_FULL_TEXT_FAILURES = 3  # after this many failed article fetches in a row, keep the rest as teasers


@dataclass(frozen=True)
class SourceResult:
    """The outcome of ingesting one source, as data: what `ingest` prints and the poller logs."""

    source: str
    ok: bool
    new: int = 0
    known: int = 0
    unchanged: bool = False
    error: str | None = None
    warning: str | None = None
    title: str | None = None
    entries: int = 0  # entries the feed carried, stored or not
    full_text: int = 0  # articles whose full text was fetched

    def describe(self) -> str:
        """One human line: `URL: 12 new stories (3 already stored)`, `URL: unchanged (304)`, `URL: error: ..`.

        The CLI prints it as is, so it never carries a traceback.
        """
        if self.error:
            return f"{self.source}: error: {self.error}"
        if self.unchanged:
            return f"{self.source}: unchanged (304)"
        line = f"{self.source}: {self.new} new {'story' if self.new == 1 else 'stories'}"
        if self.known:
            line += f" ({self.known} already stored)"
        if self.warning:
            line += f"; warning: {self.warning}"
        return line


def _story(entry: FeedEntry, *, feed: str, fetched_at: str) -> Story | None:
    text = entry.content or entry.summary
    if not (entry.guid or entry.link or entry.title or text):
        return None  # nothing to identify or read: not a story
    guid = guid_key(entry.guid, feed)
    link = link_key(entry.link)
    digest, hash_is_key = content_hash(entry.title, text)
    return Story(
        id=story_id(guid, link, digest),
        feed_url=feed,
        guid=entry.guid,
        guid_key=guid,
        link=entry.link,
        link_key=link,
        title=entry.title,
        author=entry.author,
        published=entry.published,
        summary=entry.summary,
        text=text,
        content_hash=digest,
        fetched_at=fetched_at,
        hash_is_key=hash_is_key,
    )


def _new_stories(db: Database, stories: Sequence[Story]) -> list[Story]:
    """Drop stories already stored, and repeats within this batch (by any key)."""
    known = known_story_keys(db, stories)
    seen: set[str] = set()
    fresh: list[Story] = []
    for story in stories:
        keys = [f"i:{story.id}"]
        if story.guid_key:
            keys.append(f"g:{story.guid_key}")
        if story.link_key:
            keys.append(f"l:{story.link_key}")
        if story.hash_is_key:
            keys.append(f"h:{story.content_hash}")
        if story_is_known(story, known) or any(key in seen for key in keys):
            continue
        seen.update(keys)
        fresh.append(story)
    return fresh


def _with_full_text(
    stories: list[Story],
    teasers: set[str],
    *,
    client: httpx.Client | None,
    timeout: float,
    max_bytes: int,
    policy: OutboundPolicy,
) -> tuple[list[Story], int]:
    fetched = failures = 0
    result: list[Story] = []
    for story in stories:
        if story.id in teasers and story.link and failures < MAX_FULL_TEXT_FAILURES:
            text = fetch_article_text(
                story.link, client=client, timeout=timeout, max_bytes=max_bytes, policy=policy
            )
            if text and len(text) > len(story.text):
                story = replace(story, text=text)
                fetched += 1
                failures = 0
            elif text is None:
                failures += 1
        result.append(story)
    return result, fetched


def ingest_source(
    db: Database,
    source: str,
    *,
    full_text: bool = True,
    client: httpx.Client | None = None,
    now: datetime | None = None,
    poll_minutes: int = DEFAULT_POLL_MINUTES,
    timeout: float = DEFAULT_FETCH_TIMEOUT,
    max_bytes: int = MAX_BYTES,
    policy: OutboundPolicy = PUBLIC_ONLY,
) -> SourceResult:
    """Fetch, parse and store one source; every feed problem comes back as a failed result.

    `policy` says which addresses the feed, its redirects and its articles may reach.
    """
    now = now or datetime.now(UTC)
    try:
        return _ingest(
            db,
            source,
            full_text=full_text,
            client=client,
            now=now,
            poll_minutes=poll_minutes,
            timeout=timeout,
            max_bytes=max_bytes,
            policy=policy,
        )
    except sqlite3.Error as exc:
        raise StorageError(f"cannot store stories of {source}: {exc}") from exc


@dataclass(frozen=True)
class Read:
    """One source as fetched (and parsed, when it changed): the network half of an ingest, with no database.

    The poller's worker threads produce these; the thread that owns the database stores them.
    """

    source: str
    fetched: Fetched | None = None
    parsed: ParsedFeed | None = None
    error: str | None = None


def read_source(
    source: str,
    *,
    etag: str | None,
    last_modified: str | None,
    client: httpx.Client | None,
    timeout: float,
    max_bytes: int,
    policy: OutboundPolicy,
) -> Read:
    """Fetch `source` conditionally and parse it unless the server said 304 (which costs no parse)."""
    try:
        fetched = fetch(
            source, client=client, etag=etag, last_modified=last_modified, timeout=timeout, max_bytes=max_bytes,
            policy=policy,
        )
        if fetched.unchanged:
            return Read(source, fetched=fetched)
        return Read(source, fetched=fetched, parsed=parse_feed(fetched.content, headers=fetched.headers,
                                                               url=fetched.url))
    except FeedError as exc:
        return Read(source, error=str(exc))
    except Exception as exc:  # a parser bug on hostile input must not stop the other feeds
        logger.exception("unexpected error ingesting %s", source)
        return Read(source, error=f"unexpected {type(exc).__name__}: {exc}")


@dataclass(frozen=True)
class Fresh:
    """A changed feed's stories not stored yet, and which of them are teasers worth a full-text fetch."""

    read: Read
    stories: list[Story]
    teasers: set[str]
    candidates: int


def settle_read(
    db: Database, read: Read, *, row: dict[str, object], now: datetime, poll_minutes: int, full_text: bool,
    jitter: bool = False,
) -> SourceResult | Fresh:
    """Record a failure or a 304 now; for a changed feed, the stories to store (after any full text)."""
    if read.error is not None or read.fetched is None:
        return _failed(db, read.source, read.error or "nothing fetched", row=row, now=now, poll_minutes=poll_minutes,
                       jitter=jitter)
    if read.parsed is None:  # 304: keep the validators, no parse happened
        record_success(
            db, read.source, now=now,
            next_poll=next_poll_after(now, failures=0, poll_minutes=poll_minutes, url=read.source if jitter else None),
            keep_validators=True, warning=_text(row.get("last_warning")),
        )
        return SourceResult(source=read.source, ok=True, unchanged=True, title=_text(row.get("title")))
    stamp = utc_text(now)
    candidates: list[Story] = []
    teasers: set[str] = set()
    for entry in read.parsed.entries:
        story = _story(entry, feed=read.source, fetched_at=stamp)
        if story is not None:
            candidates.append(story)
            if full_text and is_teaser(entry):
                teasers.add(story.id)
    fresh = _new_stories(db, candidates)
    return Fresh(read, fresh, {s.id for s in fresh if s.id in teasers}, len(candidates))


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def add_full_text(
    fresh: Fresh, *, client: httpx.Client | None, timeout: float, max_bytes: int, policy: OutboundPolicy
) -> tuple[Fresh, int]:
    """The new teasers with their articles' full text (network only, no database): how many were fetched."""
    if not fresh.teasers:
        return fresh, 0
    stories, articles = _with_full_text(
        fresh.stories, fresh.teasers, client=client, timeout=timeout, max_bytes=max_bytes, policy=policy
    )
    return replace(fresh, stories=stories), articles


def store_fresh(
    db: Database, fresh: Fresh, *, articles: int, now: datetime, poll_minutes: int, jitter: bool = False
) -> SourceResult:
    """Store a changed feed's new stories, then its validators and health."""
    read, parsed, fetched = fresh.read, fresh.read.parsed, fresh.read.fetched
    assert parsed is not None and fetched is not None
    source = read.source
    added = insert_stories(db, _new_stories(db, fresh.stories))  # again: another feed may have stored one meanwhile
    # Validators are stored only now: were they stored before the stories, a crash in between
    # would turn the next poll into a 304 and lose these stories for good.
    record_success(
        db,
        source,
        now=now,
        next_poll=next_poll_after(now, failures=0, poll_minutes=poll_minutes, url=source if jitter else None),
        etag=fetched.etag,
        last_modified=fetched.last_modified,
        title=parsed.title,
        warning=parsed.warning,
    )
    known = fresh.candidates - added
    logger.debug("%s: %d new, %d already stored, %d full texts", source, added, known, articles)
    return SourceResult(
        source=source,
        ok=True,
        new=added,
        known=known,
        warning=parsed.warning,
        title=parsed.title,
        entries=len(parsed.entries),
        full_text=articles,
    )


def _ingest(
    db: Database,
    source: str,
    *,
    full_text: bool,
    client: httpx.Client | None,
    now: datetime,
    poll_minutes: int,
    timeout: float,
    max_bytes: int,
    policy: OutboundPolicy,
) -> SourceResult:
    row = ensure_feed(db, source, now=now)
    read = read_source(source, etag=_text(row.get("etag")), last_modified=_text(row.get("last_modified")),
                       client=client, timeout=timeout, max_bytes=max_bytes, policy=policy)
    settled = settle_read(db, read, row=row, now=now, poll_minutes=poll_minutes, full_text=full_text)
    if isinstance(settled, SourceResult):
        return settled
    fresh, articles = add_full_text(settled, client=client, timeout=timeout, max_bytes=max_bytes, policy=policy)
    return store_fresh(db, fresh, articles=articles, now=now, poll_minutes=poll_minutes)


def _failed(
    db: Database,
    source: str,
    error: str,
    *,
    row: dict[str, object],
    now: datetime,
    poll_minutes: int,
    jitter: bool = False,
) -> SourceResult:
    previous = row.get("consecutive_failures")
    failures = (previous if isinstance(previous, int) else 0) + 1
    retry = next_poll_after(now, failures=failures, poll_minutes=poll_minutes, url=source if jitter else None)
    record_failure(db, source, error=error, failures=failures, next_poll=retry)
    # INFO, not WARNING: the failure is also returned as data, which the caller reports.
    logger.info("%s: %s (failure %d, next try %s)", source, error, failures, utc_text(retry))
    return SourceResult(source=source, ok=False, error=error)


def ingest_sources(
    db: Database,
    sources: Iterable[str],
    *,
    full_text: bool = True,
    client: httpx.Client | None = None,
    now: datetime | None = None,
    poll_minutes: int = DEFAULT_POLL_MINUTES,
    timeout: float = DEFAULT_FETCH_TIMEOUT,
    max_bytes: int = MAX_BYTES,
    policy: OutboundPolicy = PUBLIC_ONLY,
) -> Iterator[SourceResult]:
    """Ingest each source in turn, yielding its result as soon as it is done.

    A generator, so the CLI can print each line while the next feed loads;
    nothing happens until it is iterated. One HTTP client is shared by all
    sources (connection reuse) and closed at the end unless it was injected.
    """
    own = client is None
    http = client or make_client(timeout=timeout, policy=policy)
    try:
        for source in sources:
            yield ingest_source(
                db,
                source,
                full_text=full_text,
                client=http,
                now=now or datetime.now(UTC),
                poll_minutes=poll_minutes,
                timeout=timeout,
                max_bytes=max_bytes,
                policy=policy,
            )
    finally:
        if own:
            http.close()

"""Import a list of feeds (an OPML file's): each new one is read once before it is kept, as `/addfeed` does.

The file was already refused or accepted whole (`opml.parse_opml`); from here
each feed is its own line: added (with its new stories), already polled, a
repeat within the file, or failed with the reason in words. A feed that fails
leaves no row behind, so a broken address is never polled.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import httpx
from sqlite_utils import Database

from briefings.errors import FeedError
from briefings.feeds.fetch import make_client
from briefings.feeds.health import DEFAULT_POLL_MINUTES
from briefings.feeds.ingest import ingest_source
from briefings.feeds.opml import OpmlFeed
from briefings.feeds.outbound import PUBLIC_ONLY, OutboundPolicy
from briefings.store.feeds import get_feed

__all__ = ["ImportResult", "import_feeds"]

Outcome = Literal["added", "known", "duplicate", "failed"]


@dataclass(frozen=True)
class ImportResult:
    """What became of one feed of the list."""

    url: str
    outcome: Outcome
    new: int = 0
    error: str | None = None

    @property
    def failed(self) -> bool:
        return self.outcome == "failed"

    def describe(self) -> str:
        """One line per feed, for the CLI and the chat summary alike."""
        if self.outcome == "added":
            return f"{self.url}: added, {self.new} new {'story' if self.new == 1 else 'stories'}"
        if self.outcome == "known":
            return f"{self.url}: already polled, skipped"
        if self.outcome == "duplicate":
            return f"{self.url}: listed twice, skipped"
        return f"{self.url}: failed: {self.error}"


def _check(db: Database, feed: OpmlFeed, *, client: httpx.Client, now: datetime, poll_minutes: int,
           policy: OutboundPolicy) -> ImportResult:
    if not feed.url.lower().startswith(("http://", "https://")):
        return ImportResult(feed.url, "failed", error="not a web address (only http and https feeds are imported)")
    try:  # before the feeds table is touched: a refused address leaves no row
        policy.check_url(feed.url)
    except FeedError as exc:
        return ImportResult(feed.url, "failed", error=str(exc))
    result = ingest_source(db, feed.url, client=client, now=now, poll_minutes=poll_minutes, policy=policy)
    if not result.ok:
        db.table("feeds").delete_where("url = ?", [feed.url])
        return ImportResult(feed.url, "failed", error=result.error)
    if feed.title and not result.title:
        db.table("feeds").update(feed.url, {"title": feed.title})
    return ImportResult(feed.url, "added", new=result.new)


def import_feeds(
    db: Database,
    feeds: Iterable[OpmlFeed],
    *,
    now: datetime,
    poll_minutes: int = DEFAULT_POLL_MINUTES,
    policy: OutboundPolicy = PUBLIC_ONLY,
    client: httpx.Client | None = None,
) -> Iterator[ImportResult]:
    """Check and add each feed not polled yet, yielding its line as soon as it is done."""
    own = client is None
    http = client or make_client(policy=policy)
    seen: set[str] = set()
    try:
        for feed in feeds:
            if feed.url in seen:
                yield ImportResult(feed.url, "duplicate")
                continue
            seen.add(feed.url)
            if get_feed(db, feed.url) is not None:
                yield ImportResult(feed.url, "known")
                continue
            yield _check(db, feed, client=http, now=now, poll_minutes=poll_minutes, policy=policy)
    finally:
        if own:
            http.close()

"""Import a list of feeds (an OPML file's): each new one is read once before it is kept, as `/addfeed` does.

The file was already refused or accepted whole (`opml.parse_opml`); from here
each feed is its own line: added (with its new stories), already polled, a
repeat within the file, or failed with the reason in words. A feed that fails
leaves no row behind, so a broken address is never polled. The new feeds are
read by the poller (many at once, two per host), so a reader's export of a few
hundred feeds takes seconds, not minutes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import httpx
from sqlite_utils import Database

from briefings.errors import FeedError
from briefings.feeds.health import DEFAULT_POLL_MINUTES
from briefings.feeds.opml import OpmlFeed
from briefings.feeds.outbound import PUBLIC_ONLY, OutboundPolicy
from briefings.feeds.poller import poll_sources
from briefings.store.feeds import ensure_feed, get_feed

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


def _refusal(feed: OpmlFeed, policy: OutboundPolicy) -> str | None:
    """Why this address is not even tried (not a web address, or not public), before the table is touched."""
    if not feed.url.lower().startswith(("http://", "https://")):
        return "not a web address (only http and https feeds are imported)"
    try:
        policy.check_url(feed.url)
    except FeedError as exc:
        return str(exc)
    return None


def import_feeds(
    db: Database,
    feeds: Iterable[OpmlFeed],
    *,
    now: datetime,
    poll_minutes: int = DEFAULT_POLL_MINUTES,
    policy: OutboundPolicy = PUBLIC_ONLY,
    client: httpx.Client | None = None,
) -> list[ImportResult]:
    """Check and add each feed not polled yet, reading the new ones concurrently as the poller does."""
    lines: list[ImportResult | OpmlFeed] = []
    seen: set[str] = set()
    for feed in feeds:
        refused = _refusal(feed, policy)
        if feed.url in seen:
            lines.append(ImportResult(feed.url, "duplicate"))
        elif refused is not None:
            lines.append(ImportResult(feed.url, "failed", error=refused))
        elif get_feed(db, feed.url) is not None:
            lines.append(ImportResult(feed.url, "known"))
        else:
            ensure_feed(db, feed.url, now=now)
            lines.append(feed)
        seen.add(feed.url)
    trying = [line for line in lines if isinstance(line, OpmlFeed)]
    read = {r.source: r for r in poll_sources(db, [f.url for f in trying], now=now, poll_minutes=poll_minutes,
                                                client=client, policy=policy)}
    results: list[ImportResult] = []
    for line in lines:
        if isinstance(line, ImportResult):
            results.append(line)
            continue
        result = read.get(line.url)
        if result is None or not result.ok:  # a feed that does not read leaves no row behind
            db.table("feeds").delete_where("url = ?", [line.url])
            results.append(ImportResult(line.url, "failed", error=result.error if result else "not read"))
            continue
        if line.title and not result.title:
            db.table("feeds").update(line.url, {"title": line.title})
        results.append(ImportResult(line.url, "added", new=result.new))
    return results

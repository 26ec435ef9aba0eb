"""Feed ingest: fetch (limits, conditional GET), parse (RSS, Atom, RDF, JSON Feed), full text, dedupe, store.

    ingest_sources(db, sources)   -> SourceResult per source (the CLI's `ingest`)
    poll_due_feeds(db, now=...)   -> the scheduler's tick: every feed whose next_poll has come, concurrently
    fetch(source)                 -> Fetched bytes, within timeouts, redirect and size limits
    OutboundPolicy(allow_private) -> where fetches may connect: public addresses only by default
    parse_feed(data)              -> ParsedFeed of FeedEntry, text only, dates in UTC

Problems with a feed are data (`SourceResult.error`), never an exception that
stops the other feeds.
"""

from __future__ import annotations

from briefings.feeds.fetch import (
    DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_FETCH_TIMEOUT,
    DEFAULT_TOTAL_TIMEOUT,
    MAX_BYTES,
    MAX_REDIRECTS,
    USER_AGENT,
    Fetched,
    fetch,
    make_client,
)
from briefings.feeds.fulltext import TEASER_MAX_CHARS, fetch_article_text, is_teaser
from briefings.feeds.health import DEFAULT_POLL_MINUTES, MAX_BACKOFF, backoff_delay, next_poll_after
from briefings.feeds.ingest import SourceResult, ingest_source, ingest_sources
from briefings.feeds.model import FeedEntry, ParsedFeed
from briefings.feeds.outbound import PUBLIC_ONLY, OutboundPolicy
from briefings.feeds.parse import parse_feed
from briefings.feeds.poller import DEFAULT_PER_HOST, DEFAULT_WORKERS, poll_due_feeds
from briefings.feeds.text import html_to_text

__all__ = [
    "DEFAULT_CONNECT_TIMEOUT",
    "DEFAULT_FETCH_TIMEOUT",
    "DEFAULT_PER_HOST",
    "DEFAULT_POLL_MINUTES",
    "DEFAULT_TOTAL_TIMEOUT",
    "DEFAULT_WORKERS",
    "MAX_BACKOFF",
    "MAX_BYTES",
    "MAX_REDIRECTS",
    "PUBLIC_ONLY",
    "TEASER_MAX_CHARS",
    "USER_AGENT",
    "FeedEntry",
    "Fetched",
    "OutboundPolicy",
    "ParsedFeed",
    "SourceResult",
    "backoff_delay",
    "fetch",
    "fetch_article_text",
    "html_to_text",
    "ingest_source",
    "ingest_sources",
    "is_teaser",
    "make_client",
    "next_poll_after",
    "parse_feed",
    "poll_due_feeds",
]

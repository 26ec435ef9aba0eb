"""Turn fetched bytes into a `ParsedFeed`: RSS 0.9x-2.0, Atom, RDF (feedparser) and JSON Feed.

feedparser only ever gets bytes (`io.BytesIO`), never a URL, so it can never
fetch anything itself: fetching, with its limits, is `fetch.py`'s job. Before
it sees the bytes, `safety.unsafe_entities` refuses entity bombs and external
entities.

A malformed ("bozo") feed that still yields entries is kept, with the parser's
complaint as a warning: real feeds are often slightly broken and their readers
still want the stories. A bozo document with no entries is not a feed, and the
error says what it looks like instead (an HTML page, an empty body, binary
data), because that is what an admin needs to fix the address.

feedparser runs with HTML sanitising and relative-URI rewriting off: both
rewrite markup we are about to strip to plain text anyway, and together they
are most of feedparser's time on a large feed.
"""

from __future__ import annotations

import calendar
import codecs
import io
import logging
import re
import threading
import time
import warnings
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import feedparser

from briefings.errors import FeedError
from briefings.feeds.jsonfeed import looks_like_json, parse_json_feed
from briefings.feeds.model import FeedEntry, ParsedFeed
from briefings.feeds.safety import unsafe_entities
from briefings.feeds.text import html_to_text, normalise_space

__all__ = ["parse_feed"]

logger = logging.getLogger(__name__)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})
_HTML_PAGE = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_CONTROL = bytes(range(9)) + bytes(range(14, 32))
# Bozo exceptions that describe a cosmetic problem of a document that is otherwise a feed.
NON_FATAL = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
# `warnings.catch_warnings` swaps process-wide state, so the poller's threads take turns here; parsing
# holds the GIL anyway, so the lock costs no throughput.
_PARSE_LOCK = threading.Lock()


def _is_binary(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return False
    if head[:4] in (b"\x00<\x00?", b"<\x00?\x00", b"\x00\x00\x00<", b"<\x00\x00\x00"):
        return False  # UTF-16/32 without a byte-order mark
    controls = sum(head.count(c) for c in _CONTROL)
    return controls > max(8, len(head) // 20)


def _why_not_a_feed(data: bytes, result: Any) -> str:
    if _is_binary(data):
        return "not a feed: binary data"
    if _HTML_PAGE.search(data[:8192]):
        return "not a feed: looks like an HTML page"
    problem = result.get("bozo_exception")
    if problem is not None:
        detail = getattr(problem, "getMessage", lambda: str(problem))()
        line = getattr(problem, "getLineNumber", lambda: None)()
        where = f" at line {line}" if line else ""
        return f"not a feed: broken XML ({detail}{where}) and no entries"
    return "not a feed: no RSS, Atom, RDF or JSON Feed elements found"


def _warning(problem: Any) -> str:
    detail = getattr(problem, "getMessage", lambda: str(problem))()
    line = getattr(problem, "getLineNumber", lambda: None)()
    return f"malformed feed read anyway: {detail}" + (f" at line {line}" if line else "")


def _utc(parsed: time.struct_time | None) -> str | None:
    """feedparser's struct_time is already UTC; make it an aware ISO-8601 string."""
    if not parsed:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).isoformat()
    except (OverflowError, ValueError, OSError):
        return None


def _plain(value: Any, detail: Any) -> str:
    if not isinstance(value, str):
        return ""
    kind = detail.get("type", "text/html") if isinstance(detail, Mapping) else "text/html"
    return html_to_text(value) if kind in HTML_TYPES else normalise_space(value)


def _content(entry: Mapping[str, Any]) -> str:
    parts = entry.get("content") or []
    texts = [_plain(part.get("value"), part) for part in parts if isinstance(part, Mapping)]
    return "\n\n".join(t for t in texts if t)


def _link(entry: Mapping[str, Any]) -> str | None:
    link = entry.get("link")
    if isinstance(link, str) and link.strip():
        return link.strip()
    for candidate in entry.get("links") or []:
        href = candidate.get("href") if isinstance(candidate, Mapping) else None
        if isinstance(href, str) and href.strip() and candidate.get("rel", "alternate") == "alternate":
            return href.strip()
    return None


def _entry(entry: dict[str, Any]) -> FeedEntry:
    # dict.get: FeedParserDict's own lookup warns (DeprecationWarning) when asked for `updated`.
    get = dict.get
    guid = get(entry, "id")
    author = get(entry, "author")
    return FeedEntry(
        guid=guid.strip() or None if isinstance(guid, str) else None,
        link=_link(entry),
        title=_plain(get(entry, "title"), get(entry, "title_detail")),
        author=author.strip() or None if isinstance(author, str) else None,
        published=_utc(
            get(entry, "published_parsed") or get(entry, "updated_parsed") or get(entry, "created_parsed")
        ),
        summary=_plain(get(entry, "summary"), get(entry, "summary_detail")),
        content=_content(entry),
    )


def parse_feed(
    data: bytes, *, headers: Mapping[str, str] | None = None, url: str | None = None
) -> ParsedFeed:
    """Parse a feed document; raise FeedError saying why when it is not a usable feed.

    `url` is where the bytes came from; relative entry links resolve against it.
    """
    if not data.strip():
        raise FeedError("empty body")
    reason = unsafe_entities(data)
    if reason:
        raise FeedError(f"unsafe XML refused: the feed {reason}")
    content_type = (headers or {}).get("content-type", "")
    if looks_like_json(data) or "json" in content_type.lower():
        return parse_json_feed(data)
    response_headers = {key.lower(): value for key, value in (headers or {}).items()}
    if url and url.lower().startswith(("http://", "https://")):
        response_headers.setdefault("content-location", url)
    with _PARSE_LOCK, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # feedparser's DeprecationWarnings are about its API, not the feed
        result = feedparser.parse(
            io.BytesIO(data),
            response_headers=response_headers,
            sanitize_html=False,
            resolve_relative_uris=False,
        )
    entries = tuple(_entry(entry) for entry in result.get("entries", []))
    problem = result.get("bozo_exception") if result.get("bozo") else None
    version = result.get("version") or ""
    feed = result.get("feed") or {}
    fatal = problem is not None and not isinstance(problem, NON_FATAL)
    # A well-formed feed may have no items yet; a broken one with none, or XML with no feed
    # elements at all (no version, no channel data), is not a feed.
    if not entries and (fatal or not version and (not feed or _HTML_PAGE.search(data[:8192]))):
        raise FeedError(_why_not_a_feed(data, result))
    title = _plain(dict.get(feed, "title"), dict.get(feed, "title_detail")) or None
    # A wrong Content-Type or declared charset is the server's slip, not a broken feed: no warning.
    warning = _warning(problem) if fatal else None
    if warning:
        logger.info("%s: %s", url or "feed", warning)
    return ParsedFeed(title=title, version=version, entries=entries, warning=warning)

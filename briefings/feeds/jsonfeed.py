"""JSON Feed (https://jsonfeed.org, versions 1 and 1.1), which feedparser does not read.

A JSON Feed is recognised by its `version` URL; any other JSON is not a feed.
Items map onto the same `FeedEntry` as RSS and Atom: `content_html` or
`content_text` is the full content, `summary` the teaser.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from briefings.errors import FeedError
from briefings.feeds.model import FeedEntry, ParsedFeed
from briefings.feeds.text import html_to_text, normalise_space

__all__ = ["looks_like_json", "parse_json_feed"]

VERSION_PREFIX = "https://jsonfeed.org/version/"


def looks_like_json(data: bytes) -> bool:
    """True when the first non-blank byte opens a JSON object."""
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _utc(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)  # RFC 3339 requires an offset; read a missing one as UTC
    return moment.astimezone(UTC).isoformat()


def _author(item: dict[str, Any], feed: dict[str, Any]) -> str | None:
    authors = item.get("authors") or ([item["author"]] if isinstance(item.get("author"), dict) else [])
    if not authors:
        authors = feed.get("authors") or ([feed["author"]] if isinstance(feed.get("author"), dict) else [])
    names = [_text(a.get("name")) for a in authors if isinstance(a, dict)]
    return ", ".join(n for n in names if n) or None


def _entry(item: dict[str, Any], feed: dict[str, Any]) -> FeedEntry:
    content = html_to_text(_text(item.get("content_html"))) or normalise_space(
        _text(item.get("content_text"))
    )
    guid = item.get("id")
    return FeedEntry(
        guid=str(guid).strip() if isinstance(guid, (str, int)) and str(guid).strip() else None,
        link=_text(item.get("url")) or _text(item.get("external_url")) or None,
        title=html_to_text(_text(item.get("title"))),
        author=_author(item, feed),
        published=_utc(item.get("date_published")) or _utc(item.get("date_modified")),
        summary=html_to_text(_text(item.get("summary"))),
        content=content,
    )


def parse_json_feed(data: bytes) -> ParsedFeed:
    """Read a JSON Feed; raise FeedError when the JSON is broken or is not a JSON Feed."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FeedError(f"not a feed: broken JSON ({exc})") from None
    version = document.get("version") if isinstance(document, dict) else None
    if not isinstance(version, str) or not version.startswith(VERSION_PREFIX):
        raise FeedError("not a feed: JSON, but not a JSON Feed (no jsonfeed.org version)")
    items = document.get("items")
    if not isinstance(items, list):
        raise FeedError("not a feed: JSON Feed without an items list")
    entries = tuple(_entry(item, document) for item in items if isinstance(item, dict))
    skipped = len(items) - len(entries)
    warning = f"{skipped} items were not objects and were skipped" if skipped else None
    label = "json" + version.removeprefix(VERSION_PREFIX).replace(".", "")
    return ParsedFeed(
        title=_text(document.get("title")) or None, version=label, entries=entries, warning=warning
    )

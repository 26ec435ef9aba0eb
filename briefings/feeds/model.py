"""The parsed shape of a feed, independent of its format (RSS, Atom, RDF or JSON Feed)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["FeedEntry", "ParsedFeed"]


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed, reduced to plain text and UTC dates."""

    guid: str | None
    link: str | None
    title: str
    author: str | None
    published: str | None  # ISO-8601 in UTC, e.g. 2024-05-01T08:00:00+00:00
    summary: str  # plain text of the summary or description
    content: str  # plain text of the full content (content:encoded, atom:content), "" when absent


@dataclass(frozen=True)
class ParsedFeed:
    """A feed's title, its entries, and the warning of a malformed feed that was read anyway."""

    title: str | None
    version: str
    entries: tuple[FeedEntry, ...]
    warning: str | None = None

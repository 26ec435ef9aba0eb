"""Rows of the `stories` table: find which candidates are already known, insert the new ones.

A story is known when any of its keys is stored: id, guid key, link key, or
(for long enough text) content hash; see `briefings.feeds.identity`. Lookups go
by indexed column in chunks, and inserts run in one transaction with a single
`executemany`, because ingest time is dominated by these round trips on a
large feed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlite_utils import Database

__all__ = ["Story", "count_stories", "get_story", "insert_stories", "known_story_keys", "story_is_known"]

CHUNK = 500  # bound parameters per query, well under SQLite's limit
COLUMNS = (
    "id",
    "feed_url",
    "guid",
    "guid_key",
    "link",
    "link_key",
    "title",
    "author",
    "published",
    "summary",
    "text",
    "content_hash",
    "fetched_at",
)


@dataclass(frozen=True)
class Story:
    """A story as stored: identity keys, text, and where and when it came from."""

    id: str
    feed_url: str
    guid: str | None
    guid_key: str | None
    link: str | None
    link_key: str | None
    title: str
    author: str | None
    published: str | None
    summary: str
    text: str
    content_hash: str
    fetched_at: str
    hash_is_key: bool = True  # False for short texts, whose hash may collide by chance

    def row(self) -> dict[str, Any]:
        """The table row (without the in-memory flag)."""
        values = asdict(self)
        values.pop("hash_is_key")
        return values


@dataclass(frozen=True)
class KnownKeys:
    """Which of the asked-for keys the table already holds, per column."""

    ids: frozenset[str]
    guid_keys: frozenset[str]
    link_keys: frozenset[str]
    hashes: frozenset[str]


def _present(db: Database, column: str, values: Iterable[str | None]) -> frozenset[str]:
    wanted = sorted({v for v in values if v})
    found: set[str] = set()
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = db.execute(f"SELECT {column} FROM stories WHERE {column} IN ({marks})", chunk).fetchall()
        found.update(row[0] for row in rows)
    return frozenset(found)


def known_story_keys(db: Database, stories: Sequence[Story]) -> KnownKeys:
    """Look up every key of `stories` in the table, one indexed query per column and chunk."""
    return KnownKeys(
        ids=_present(db, "id", (s.id for s in stories)),
        guid_keys=_present(db, "guid_key", (s.guid_key for s in stories)),
        link_keys=_present(db, "link_key", (s.link_key for s in stories)),
        hashes=_present(db, "content_hash", (s.content_hash for s in stories if s.hash_is_key)),
    )


def story_is_known(story: Story, known: KnownKeys) -> bool:
    """True when any key of `story` is among `known`."""
    return (
        story.id in known.ids
        or (story.guid_key is not None and story.guid_key in known.guid_keys)
        or (story.link_key is not None and story.link_key in known.link_keys)
        or (story.hash_is_key and story.content_hash in known.hashes)
    )


def insert_stories(db: Database, stories: Sequence[Story]) -> int:
    """Insert `stories` in one transaction (ignoring ids already present); return how many were added."""
    if not stories:
        return 0
    sql = f"INSERT OR IGNORE INTO stories ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
    rows = [tuple(getattr(story, column) for column in COLUMNS) for story in stories]
    with db.conn:
        cursor = db.conn.executemany(sql, rows)
    # rowcount sums direct changes only (not the FTS trigger's), and skips ignored duplicates.
    return max(cursor.rowcount, 0)


def count_stories(db: Database) -> int:
    """How many stories are stored."""
    return int(db.execute("SELECT count(*) FROM stories").fetchone()[0])


def get_story(db: Database, story_id: str) -> dict[str, Any] | None:
    """The stored row of one story, or None."""
    rows = list(db.table("stories").rows_where("id = ?", [story_id]))
    return rows[0] if rows else None

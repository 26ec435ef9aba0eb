"""Full-text search over stored stories, through the `stories_fts` index that every insert keeps current.

`/stance` and `briefing-bot stance` use it when no figure matches: a name (or
any phrase) that stories mention but that no one holds a position under, say
an organisation or a place, still leads somewhere. The reader's words are
matched as one quoted phrase, so FTS5's query syntax (AND, NEAR, `*`, column
filters) in them is plain text, never a query.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime

from sqlite_utils import Database

from briefings.times import parse_stamp

DEFAULT_LIMIT = 3  # stories listed; the count says how many more there are


@dataclass(frozen=True)
class StoryHit:
    """One story that mentions the phrase."""

    id: str
    title: str
    link: str | None
    published: datetime | None


@dataclass(frozen=True)
class Mentions:
    """How many stories mention a phrase, and the newest few of them."""

    total: int = 0
    stories: list[StoryHit] = field(default_factory=list)


def phrase_query(text: str) -> str | None:
    """`text` as one FTS5 phrase (`"..."`, inner quotes doubled), or None when it has no words."""
    words = " ".join(text.split())
    if not words:
        return None
    return '"' + words.replace('"', '""') + '"'


def stories_mentioning(db: Database, text: str, *, limit: int = DEFAULT_LIMIT) -> Mentions:
    """The stories whose title or text contains `text` as a phrase (case and diacritics folded), newest first."""
    query = phrase_query(text)
    if query is None:
        return Mentions()
    try:
        total = int(db.execute("SELECT count(*) FROM stories_fts WHERE stories_fts MATCH ?", [query]).fetchone()[0])
        rows = db.execute(
            "SELECT s.id, s.title, s.link, s.published FROM stories_fts JOIN stories s ON s.rowid = stories_fts.rowid "
            "WHERE stories_fts MATCH ? ORDER BY s.published IS NULL, s.published DESC LIMIT ?",
            [query, limit],
        ).fetchall()
    except sqlite3.OperationalError:  # FTS5 cannot read the phrase (a NUL byte ends it): no story mentions it
        return Mentions()
    return Mentions(total, [StoryHit(str(i), str(title or i), link, parse_stamp(published))
                            for i, title, link, published in rows])

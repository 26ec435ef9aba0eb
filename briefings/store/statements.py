"""Frames and statements: what each story says each figure argued, kept for history.

A story's frame is stored whole (the briefing composes from it); each figure in
it becomes a statement row tied to a registry figure, dated by the story, so a
figure's positions across weeks are one indexed query.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from briefings import registry
from briefings.framing.names import name_key

if TYPE_CHECKING:
    from briefings.framing.model import StanceFrame


FAILED_BACKEND = "failed"  # the frame row of a story the framer could not frame (see `pipeline`)

@dataclass(frozen=True)
class Statement:
    """One figure's position in one story."""

    figure_id: int
    name: str
    role: str | None
    side: str | None
    stance: str | None
    quotes: list[str]
    question: str | None
    published: datetime | None
    story_id: str
    story_title: str | None
    story_link: str | None


def save_frame(
    db: Database,
    *,
    story_id: str,
    frame: StanceFrame,
    published: datetime | None,
    backend: str = "extractive",
    now: datetime | None = None,
) -> int:
    """Store `frame` for `story_id` and one statement per figure; return how many statements.

    Re-framing a story replaces its statements, so a better framer can be run
    over old stories without leaving stale positions behind. Registering a new
    figure commits on its own; that is harmless, since an unused figure has no
    statements and is found again by name.
    """
    stamp = (now or datetime.now(UTC)).isoformat()
    when = published.astimezone(UTC).isoformat() if published else None
    with db.conn:
        db.execute("DELETE FROM statements WHERE story_id = ?", [story_id])
        rows: dict[int, dict[str, Any]] = {}
        for figure in frame.figures:
            if not name_key(figure.name):
                continue
            figure_id = registry.resolve(db, figure.name, role=figure.role, seen=published)
            # one person listed twice under two spellings: keep the entry with more quotes
            if figure_id in rows and len(figure.quotes) <= len(json.loads(rows[figure_id]["quotes"])):
                continue
            rows[figure_id] = {
                "figure_id": figure_id, "story_id": story_id, "published": when, "name": figure.name,
                "role": figure.role, "side": figure.side, "stance": figure.stance,
                "question": frame.question, "quotes": json.dumps(list(figure.quotes), ensure_ascii=False),
                "evidence": json.dumps(list(figure.evidence), ensure_ascii=False),
            }
        db.table("statements").insert_all(rows.values())
        # The frame row goes last: it is what marks the story as framed, so a crash
        # before this line leaves the story to be framed again, not half-recorded.
        db.table("frames").upsert(
            {"story_id": story_id, "backend": backend, "question": frame.question,
             "frame": frame.model_dump_json(), "framed_at": stamp},
            pk="story_id",
        )
    return len(rows)


def history(db: Database, figure_id: int, *, limit: int = 50) -> list[Statement]:
    """A figure's statements, newest story first, with the story's title and link."""
    cursor = db.execute(
        """
        SELECT s.figure_id, s.name, s.role, s.side, s.stance, s.quotes, s.question, s.published,
               s.story_id, st.title, st.link
        FROM statements s LEFT JOIN stories st ON st.id = s.story_id
        WHERE s.figure_id = ?
        ORDER BY s.published IS NULL, s.published DESC, s.id DESC
        LIMIT ?
        """,
        [figure_id, limit],
    )
    return list(_statements(cursor.fetchall()))


def _statements(rows: list[tuple[Any, ...]]) -> Iterator[Statement]:
    for figure_id, name, role, side, stance, quotes, question, published, story_id, title, link in rows:
        yield Statement(
            figure_id=int(figure_id), name=name, role=role, side=side, stance=stance,
            quotes=json.loads(quotes or "[]"), question=question,
            published=datetime.fromisoformat(published) if published else None,
            story_id=story_id, story_title=title, story_link=link,
        )

"""Load the framed stories of a time window, with each figure's statement resolved to the registry."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlite_utils import Database

from briefings.compose.model import Source
from briefings.framing.model import StanceFrame
from briefings.store.statements import FAILED_BACKEND
from briefings.times import parse_stamp


@dataclass(frozen=True)
class StoryStatement:
    """A figure's position in one story, keyed by registry figure id."""

    figure_id: int
    name: str
    role: str | None
    side: str | None
    stance: str | None
    quotes: list[str]


@dataclass(frozen=True)
class FramedStory:
    """A stored story with its frame and its statements."""

    story_id: str
    source: Source
    frame: StanceFrame
    statements: list[StoryStatement] = field(default_factory=list)

    @property
    def published(self) -> datetime | None:
        return self.source.published


def load_framed_stories(db: Database, *, start: datetime, end: datetime) -> list[FramedStory]:
    """Stories published in [start, end) that have a frame, oldest first."""
    rows = db.execute(
        """
        SELECT s.id, s.title, s.link, s.published, f.frame
        FROM stories s JOIN frames f ON f.story_id = s.id
        WHERE f.backend != ? AND s.published >= ? AND s.published < ?
        ORDER BY s.published, s.id
        """,
        [FAILED_BACKEND, start.astimezone(UTC).isoformat(), end.astimezone(UTC).isoformat()],
    ).fetchall()
    if not rows:
        return []
    by_story: dict[str, list[StoryStatement]] = {}
    ids = [row[0] for row in rows]
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start:chunk_start + 500]
        marks = ",".join("?" * len(chunk))
        for story_id, figure_id, name, role, side, stance, quotes in db.execute(
            f"SELECT story_id, figure_id, name, role, side, stance, quotes FROM statements "
            f"WHERE story_id IN ({marks}) ORDER BY id",
            chunk,
        ).fetchall():
            by_story.setdefault(story_id, []).append(
                StoryStatement(int(figure_id), name, role, side, stance, json.loads(quotes or "[]"))
            )
    return [
        FramedStory(
            story_id=story_id,
            source=Source(title=title or "(untitled)", link=link, published=parse_stamp(published)),
            frame=StanceFrame.model_validate_json(frame),
            statements=by_story.get(story_id, []),
        )
        for story_id, title, link, published, frame in rows
    ]

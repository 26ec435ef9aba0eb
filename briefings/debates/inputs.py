"""What the debate layer reads: stored framed stories with their statements and text."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlite_utils import Database

from briefings.framing.model import StanceFrame
from briefings.store.statements import FAILED_BACKEND
from briefings.times import parse_stamp

CHUNK = 500


@dataclass(frozen=True)
class Said:
    """One figure in one story: their local side and their own words."""

    figure_id: int
    name: str
    role: str | None
    side: str | None
    stance: str | None
    quotes: list[str]
    evidence: list[str]

    @property
    def own(self) -> bool:
        """Whether the story quotes the figure, so the position is in their own words."""
        return bool(self.quotes)


@dataclass(frozen=True)
class DebateStory:
    """A framed, dated story as the debate layer sees it."""

    story_id: str
    title: str
    link: str | None
    published: datetime
    text: str
    frame: StanceFrame
    said: list[Said] = field(default_factory=list)

    @property
    def week(self) -> str:
        """The ISO week (UTC) the story belongs to, the unit of "who moved"."""
        year, week, _ = self.published.isocalendar()
        return f"{year}-W{week:02d}"

    @property
    def sided(self) -> dict[int, str]:
        """Figure id -> local side label, for figures the story puts on a side."""
        return {s.figure_id: s.side for s in self.said if s.side}


def load_stories(db: Database, story_ids: Iterable[str] | None = None) -> list[DebateStory]:
    """Framed, dated stories (all, or those in `story_ids`), oldest first."""
    sql = (
        "SELECT s.id, s.title, s.link, s.published, s.text, s.summary, f.frame FROM stories s "
        "JOIN frames f ON f.story_id = s.id WHERE f.backend != ? AND s.published IS NOT NULL"
    )
    rows: list[tuple[object, ...]] = []
    if story_ids is None:
        rows = db.execute(sql, [FAILED_BACKEND]).fetchall()
    else:
        wanted = sorted(set(story_ids))
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start:start + CHUNK]
            marks = ",".join("?" * len(chunk))
            rows += db.execute(sql + f" AND s.id IN ({marks})", [FAILED_BACKEND, *chunk]).fetchall()
    said: dict[str, list[Said]] = {}
    ids = [str(row[0]) for row in rows]
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        for story_id, figure_id, name, role, side, stance, quotes, evidence in db.execute(
            "SELECT story_id, figure_id, name, role, side, stance, quotes, evidence FROM statements "
            f"WHERE story_id IN ({','.join('?' * len(chunk))}) ORDER BY id",
            chunk,
        ).fetchall():
            said.setdefault(str(story_id), []).append(Said(
                int(figure_id), str(name), role, side, stance, json.loads(quotes or "[]"), json.loads(evidence or "[]"),
            ))
    stories = []
    for story_id, title, link, published, text, summary, frame in rows:
        when = parse_stamp(published)
        if when is None:
            continue
        stories.append(DebateStory(
            story_id=str(story_id), title=str(title or ""), link=str(link) if link else None, published=when,
            text=str(text or summary or ""), frame=StanceFrame.model_validate_json(str(frame)),
            said=said.get(str(story_id), []),
        ))
    return sorted(stories, key=lambda s: (s.published, s.story_id))

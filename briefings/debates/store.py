"""Keep the debates in the database: assign new stories, re-align the debates they touch, rebuild on upgrade.

Everything here is derived from stored frames and statements, so it is safe
to throw away: `rebuild_debates` recomputes all of it, and `update_debates`
does so by itself when `ALGORITHM_VERSION` differs from the version that
built the stored rows (an upgrade), else only re-aligns the debates that new
stories joined. A debate's id is its first story's id, so it stays the same
when later stories join or the debates are rebuilt in the same order.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlite_utils import Database

from briefings.debates.align import align
from briefings.debates.grouping import arguing, best_debate
from briefings.debates.inputs import FAILED_BACKEND, DebateStory, load_stories
from briefings.debates.naming import debate_question, debate_title, side_names, side_summary

logger = logging.getLogger(__name__)

ALGORITHM_VERSION = "1"  # bump when grouping, alignment or naming changes: stored debates are rebuilt
TABLES = ("debate_moves", "debate_positions", "debate_sides", "debate_stories", "debates")


@dataclass(frozen=True)
class DebateRun:
    """How many stories were placed in debates, and how many debates were (re)aligned."""

    placed: int
    aligned: int
    rebuilt: bool


def _stored_version(db: Database) -> str | None:
    row = db.execute("SELECT value FROM debate_state WHERE key = 'version'").fetchone()
    return str(row[0]) if row else None


def _members(db: Database) -> dict[str, list[str]]:
    members: dict[str, list[str]] = {}
    for story_id, debate_id in db.execute("SELECT story_id, debate_id FROM debate_stories ORDER BY rowid"):
        members.setdefault(str(debate_id), []).append(str(story_id))
    return members


def _unplaced(db: Database) -> list[str]:
    rows = db.execute(
        "SELECT s.id FROM stories s JOIN frames f ON f.story_id = s.id "
        "LEFT JOIN debate_stories d ON d.story_id = s.id "
        "WHERE d.story_id IS NULL AND f.backend != ? AND s.published IS NOT NULL",
        [FAILED_BACKEND],
    ).fetchall()
    return [str(row[0]) for row in rows]


def update_debates(db: Database, *, now: datetime | None = None) -> DebateRun:
    """Place every framed story not yet in a debate, and re-align the debates that changed."""
    if _stored_version(db) != ALGORITHM_VERSION:
        return rebuild_debates(db, now=now)
    new = [s for s in load_stories(db, _unplaced(db)) if arguing(s)]
    if not new:
        return DebateRun(placed=0, aligned=0, rebuilt=False)
    members = _members(db)
    debates = {debate_id: load_stories(db, ids) for debate_id, ids in members.items()}
    touched = _place(new, debates, members)
    with db.conn:
        for debate_id in touched:
            _write(db, debate_id, debates[debate_id], now=now)
    return DebateRun(placed=len(new), aligned=len(touched), rebuilt=False)


def rebuild_debates(db: Database, *, now: datetime | None = None) -> DebateRun:
    """Recompute every debate from the stored frames, oldest story first."""
    stories = [s for s in load_stories(db) if arguing(s)]
    debates: dict[str, list[DebateStory]] = {}
    members: dict[str, list[str]] = {}
    touched = _place(stories, debates, members)
    with db.conn:
        for table in TABLES:
            db.execute(f"DELETE FROM {table}")
        for debate_id in touched:
            _write(db, debate_id, debates[debate_id], now=now)
        db.table("debate_state").upsert({"key": "version", "value": ALGORITHM_VERSION}, pk="key")
    logger.info("rebuilt %d debates from %d stories", len(touched), len(stories))
    return DebateRun(placed=len(stories), aligned=len(touched), rebuilt=True)


def _place(
    stories: list[DebateStory], debates: dict[str, list[DebateStory]], members: dict[str, list[str]]
) -> list[str]:
    """Join each story (oldest first) to its debate or start one; return the debates that changed."""
    touched: list[str] = []
    for story in stories:
        debate_id = best_debate(story, debates) or story.story_id
        debates.setdefault(debate_id, []).append(story)
        members.setdefault(debate_id, []).append(story.story_id)
        if debate_id not in touched:
            touched.append(debate_id)
    return touched


def _write(db: Database, debate_id: str, stories: list[DebateStory], *, now: datetime | None) -> None:
    """Replace the stored alignment of one debate with a fresh one over all its stories."""
    stories = sorted(stories, key=lambda s: (s.published, s.story_id))
    aligned = align(stories)
    names = side_names(aligned.sides)
    for table in ("debate_moves", "debate_positions", "debate_sides", "debate_stories"):
        db.execute(f"DELETE FROM {table} WHERE debate_id = ?", [debate_id])
    db.table("debates").upsert(
        {"id": debate_id, "question": debate_question(stories), "title": debate_title(stories),
         "updated_at": (now or datetime.now(UTC)).isoformat()},
        pk="id",
    )
    db.table("debate_sides").insert_all(
        {"debate_id": debate_id, "side": i, "kind": side.kind, "name": names[i], "summary": side_summary(side)}
        for i, side in enumerate(aligned.sides)
    )
    db.table("debate_stories").insert_all({"story_id": s.story_id, "debate_id": debate_id} for s in stories)
    weeks = {s.story_id: s.week for s in stories}
    db.table("debate_positions").insert_all(
        {"story_id": story_id, "figure_id": figure_id, "debate_id": debate_id, "side": side,
         "week": weeks[story_id]}
        for (story_id, figure_id), side in aligned.positions.items()
    )
    db.table("debate_moves").insert_all(
        {"debate_id": debate_id, "figure_id": m.figure_id, "before_story": m.before.story.story_id,
         "after_story": m.after.story.story_id, "from_side": m.from_side, "to_side": m.to_side,
         "week": m.after.story.week, "cue": m.after.cue}
        for m in aligned.moves
    )

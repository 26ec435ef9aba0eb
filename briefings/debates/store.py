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
from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

from briefings.debates.align import align
from briefings.debates.grouping import arguing, best_debate
from briefings.debates.inputs import DebateStory, load_stories
from briefings.debates.naming import debate_question, debate_title, side_names, side_summary
from briefings.store.statements import FAILED_BACKEND

logger = logging.getLogger(__name__)

LINK_WINDOW = timedelta(weeks=26)  # a story joins only debates active within half a year of it
ALGORITHM_VERSION = "2"  # bump when grouping, alignment or naming changes: stored debates are rebuilt
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


def _unplaced(db: Database) -> list[str]:
    """Framed, dated stories not placed yet, or whose frame changed since (a re-framed story)."""
    rows = db.execute(
        "SELECT s.id FROM stories s JOIN frames f ON f.story_id = s.id "
        "LEFT JOIN debate_stories d ON d.story_id = s.id "
        "WHERE f.backend != ? AND s.published IS NOT NULL "
        "AND (d.story_id IS NULL OR d.framed_at IS NOT f.framed_at)",
        [FAILED_BACKEND],
    ).fetchall()
    return [str(row[0]) for row in rows]


def _candidates(db: Database, stories: list[DebateStory]) -> dict[str, list[str]]:
    """Debate id -> story ids of the debates a new story may join: those active within LINK_WINDOW of it."""
    start = (min(s.published for s in stories) - LINK_WINDOW).astimezone(UTC).isoformat()
    end = (max(s.published for s in stories) + LINK_WINDOW).astimezone(UTC).isoformat()
    rows = db.execute(
        "SELECT d.debate_id, d.story_id FROM debate_stories d WHERE d.debate_id IN ("
        " SELECT x.debate_id FROM debate_stories x JOIN stories s ON s.id = x.story_id"
        " WHERE s.published >= ? AND s.published <= ?) ORDER BY d.rowid",
        [start, end],
    ).fetchall()
    members: dict[str, list[str]] = {}
    for debate_id, story_id in rows:
        members.setdefault(str(debate_id), []).append(str(story_id))
    return members


def update_debates(db: Database, *, now: datetime | None = None) -> DebateRun:
    """Place every framed story not yet in a debate (or re-framed), and re-align the debates that changed."""
    if _stored_version(db) != ALGORITHM_VERSION:
        return rebuild_debates(db, now=now)
    ids = _unplaced(db)
    if not ids:
        return DebateRun(placed=0, aligned=0, rebuilt=False)
    fresh = load_stories(db, ids)
    framed_at = _framed_at(db, ids)
    left = {str(row[0]) for row in db.execute(  # debates a re-framed story leaves, to be re-aligned without it
        f"SELECT DISTINCT debate_id FROM debate_stories WHERE debate_id IS NOT NULL "
        f"AND story_id IN ({','.join('?' * len(ids))})", ids).fetchall()}
    with db.conn:
        db.execute(f"DELETE FROM debate_stories WHERE story_id IN ({','.join('?' * len(ids))})", ids)
        new = [s for s in fresh if arguing(s)]
        members = _candidates(db, new) if new else {}
        members.update({d: [] for d in left if d not in members})
        for debate_id in left:
            members[debate_id] = [str(r[0]) for r in db.execute(
                "SELECT story_id FROM debate_stories WHERE debate_id = ? ORDER BY rowid", [debate_id]).fetchall()]
        debates = {debate_id: load_stories(db, story_ids) for debate_id, story_ids in members.items()}
        touched = _place(new, debates, members) + sorted(left)
        for debate_id in dict.fromkeys(touched):
            _write(db, debate_id, debates[debate_id], now=now)
        db.table("debate_stories").insert_all(  # stories that argue nothing are marked, not re-read every run
            {"story_id": s.story_id, "debate_id": None, "framed_at": framed_at.get(s.story_id)}
            for s in fresh if not arguing(s)
        )
    return DebateRun(placed=len(new), aligned=len(set(touched)), rebuilt=False)


def _framed_at(db: Database, story_ids: list[str] | None = None) -> dict[str, str]:
    if story_ids is None:
        rows = db.execute("SELECT story_id, framed_at FROM frames").fetchall()
    else:
        rows = []
        for start in range(0, len(story_ids), 500):
            chunk = story_ids[start:start + 500]
            rows += db.execute(f"SELECT story_id, framed_at FROM frames WHERE story_id IN "
                               f"({','.join('?' * len(chunk))})", chunk).fetchall()
    return {str(story_id): str(when) for story_id, when in rows}


def rebuild_debates(db: Database, *, now: datetime | None = None) -> DebateRun:
    """Recompute every debate from the stored frames, oldest story first."""
    every = load_stories(db)
    stories = [s for s in every if arguing(s)]
    framed_at = _framed_at(db)
    debates: dict[str, list[DebateStory]] = {}
    members: dict[str, list[str]] = {}
    touched = _place(stories, debates, members)
    with db.conn:
        for table in TABLES:
            db.execute(f"DELETE FROM {table}")
        for debate_id in touched:
            _write(db, debate_id, debates[debate_id], now=now)
        db.table("debate_stories").insert_all(
            {"story_id": s.story_id, "debate_id": None, "framed_at": framed_at.get(s.story_id)}
            for s in every if not arguing(s)
        )
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
    """Replace the stored alignment of one debate with a fresh one over all its stories (none: drop it)."""
    for table in ("debate_moves", "debate_positions", "debate_sides", "debate_stories"):
        db.execute(f"DELETE FROM {table} WHERE debate_id = ?", [debate_id])
    if not stories:
        db.execute("DELETE FROM debates WHERE id = ?", [debate_id])
        return
    stories = sorted(stories, key=lambda s: (s.published, s.story_id))
    framed_at = _framed_at(db, [s.story_id for s in stories])
    aligned = align(stories)
    names = side_names(aligned.sides)
    db.table("debates").upsert(
        {"id": debate_id, "question": debate_question(stories), "title": debate_title(stories),
         "updated_at": (now or datetime.now(UTC)).isoformat()},
        pk="id",
    )
    db.table("debate_sides").insert_all(
        {"debate_id": debate_id, "side": i, "kind": side.kind, "name": names[i], "summary": side_summary(side)}
        for i, side in enumerate(aligned.sides)
    )
    db.table("debate_stories").insert_all(
        {"story_id": s.story_id, "debate_id": debate_id, "framed_at": framed_at.get(s.story_id)} for s in stories
    )
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

"""Compose one week's briefing from the stored debates: debates by weight, who moved, sources.

Which stories argue one debate, each figure's debate-level side and who moved
are decided in `briefings.debates` when stories are framed; this module only
reads them for a week and picks what a reader sees (a strongest quote, a few
numbers, the sources).
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import UTC, datetime, timedelta, tzinfo

from sqlite_utils import Database

from briefings.compose.model import (
    Briefing,
    Debate,
    DebateSide,
    FigurePosition,
    IsoWeek,
    KeyNumber,
    Move,
    Position,
    Source,
)
from briefings.compose.stories import FramedStory, StoryStatement, load_framed_stories
from briefings.compose.weeks import week_bounds, week_of
from briefings.store.statements import FAILED_BACKEND
from briefings.times import parse_stamp

MOVES_WINDOW = timedelta(weeks=4)  # "who moved" covers the month up to the briefing's week, each move dated
QUOTE_SWEET_SPOT = (40, 280)  # a quote this long says something and still fits a line
MAX_QUOTE = 320
NUMBERS_PER_DEBATE = 4


def strongest_quote(quotes: list[str]) -> str | None:
    """The quote a reader should see: the longest that fits a line, else the longest cut short."""
    if not quotes:
        return None
    low, high = QUOTE_SWEET_SPOT
    fitting = [q for q in quotes if low <= len(q) <= high]
    if fitting:
        return max(fitting, key=len)
    best = max(quotes, key=len)
    return best if len(best) <= MAX_QUOTE else best[: MAX_QUOTE - 1].rsplit(" ", 1)[0] + "…"


def _side_rows(db: Database, debate_ids: list[str]) -> dict[str, list[tuple[int, str, str, str | None]]]:
    sides: dict[str, list[tuple[int, str, str, str | None]]] = defaultdict(list)
    for debate_id in debate_ids:
        for side, kind, name, summary in db.execute(
            "SELECT side, kind, name, summary FROM debate_sides WHERE debate_id = ? ORDER BY side", [debate_id]
        ).fetchall():
            sides[debate_id].append((int(side), str(kind), str(name), summary))
    return sides


def _placements(db: Database, story_ids: list[str]) -> dict[tuple[str, int], tuple[str, int | None]]:
    """(story id, figure id) -> (debate id, debate side) for the given stories."""
    found: dict[tuple[str, int], tuple[str, int | None]] = {}
    for start in range(0, len(story_ids), 500):
        chunk = story_ids[start:start + 500]
        for story_id, figure_id, debate_id, side in db.execute(
            f"SELECT story_id, figure_id, debate_id, side FROM debate_positions "
            f"WHERE story_id IN ({','.join('?' * len(chunk))})",
            chunk,
        ).fetchall():
            found[(str(story_id), int(figure_id))] = (str(debate_id), None if side is None else int(side))
    return found


def _debate(
    question: str, title: str | None, sides: list[tuple[int, str, str, str | None]], stories: list[FramedStory],
    placed: dict[tuple[str, int], tuple[str, int | None]],
) -> Debate:
    latest: dict[int, tuple[int, StoryStatement, FramedStory]] = {}
    for story in stories:
        for statement in story.statements:
            side = placed.get((story.story_id, statement.figure_id), ("", None))[1]
            if side is not None:
                latest[statement.figure_id] = (side, statement, story)
    shown: list[DebateSide] = []
    for index, kind, name, summary in sides:
        figures = [
            FigurePosition(
                figure_id=figure_id, name=statement.name, role=statement.role, stance=statement.stance,
                quote=strongest_quote(statement.quotes), source=story.source,
            )
            for figure_id, (side, statement, story) in latest.items()
            if side == index
        ]
        if figures:
            figures.sort(key=lambda f: (f.quote is None, f.stance is None, f.name))
            shown.append(DebateSide(label=name, summary=summary, figures=figures, kind=kind))
    shown.sort(key=lambda s: (s.kind == "observer", s.kind == "government", -len(s.figures), s.label))
    numbers: list[KeyNumber] = []
    for story in stories:
        for number in story.frame.numbers:
            if len(numbers) < NUMBERS_PER_DEBATE and all(n.value != number.value for n in numbers):
                numbers.append(KeyNumber(value=number.value, context=number.context, source=story.source))
    return Debate(question=question, stories=len(stories), sides=shown, numbers=numbers,
                  sources=[s.source for s in stories], title=title)


def _moves(db: Database, debate_ids: list[str], start: datetime, end: datetime) -> list[Move]:
    """The moves recorded in `debate_ids` whose later statement falls in [start, end)."""
    moves: list[Move] = []
    for debate_id in debate_ids:
        names = {int(i): str(n) for i, n in db.execute(
            "SELECT side, name FROM debate_sides WHERE debate_id = ?", [debate_id]).fetchall()}
        for figure_id, before_story, after_story, from_side, to_side in db.execute(
            "SELECT figure_id, before_story, after_story, from_side, to_side FROM debate_moves "
            "WHERE debate_id = ? ORDER BY id", [debate_id]
        ).fetchall():
            before = _position(db, str(before_story), int(figure_id), names[int(from_side)])
            after = _position(db, str(after_story), int(figure_id), names[int(to_side)])
            if before is None or after is None or after[1].source.published is None:
                continue
            if start <= after[1].source.published < end:
                statement = after[0]
                moves.append(Move(figure_id=int(figure_id), name=statement.name, role=statement.role,
                                  before=before[1], after=after[1]))
    return moves


def _position(db: Database, story_id: str, figure_id: int, side: str) -> tuple[StoryStatement, Position] | None:
    row = db.execute(
        "SELECT st.name, st.role, st.stance, st.quotes, s.title, s.link, s.published FROM statements st "
        "JOIN stories s ON s.id = st.story_id WHERE st.story_id = ? AND st.figure_id = ?",
        [story_id, figure_id],
    ).fetchone()
    if row is None:
        return None
    name, role, stance, quotes, title, link, published = row
    quoted = json.loads(quotes or "[]")
    statement = StoryStatement(figure_id, str(name), role, side, stance, quoted)
    source = Source(title=title or "(untitled)", link=link, published=parse_stamp(published))
    return statement, Position(side=side, stance=stance, quote=strongest_quote(quoted), source=source)


def _weight(debate: Debate) -> tuple[int, int, int]:
    figures = sum(len(side.figures) for side in debate.sides)
    quotes = sum(1 for side in debate.sides for f in side.figures if f.quote)
    return debate.stories, figures, quotes


def compose_briefing(db: Database, *, week: IsoWeek, tz: tzinfo = UTC, title: str | None = None) -> Briefing:
    """The briefing for `week` (read in `tz`) from the debates stored in `db`."""
    start, end = week_bounds(week, tz)
    stories = load_framed_stories(db, start=start, end=end)
    placed = _placements(db, [s.story_id for s in stories])
    by_debate: dict[str, list[FramedStory]] = defaultdict(list)
    for story in stories:
        debate_id = db.execute("SELECT debate_id FROM debate_stories WHERE story_id = ?",
                               [story.story_id]).fetchone()
        if debate_id is not None:
            by_debate[str(debate_id[0])].append(story)
    debate_ids = list(by_debate)
    sides = _side_rows(db, debate_ids)
    debates: list[Debate] = []
    for debate_id, members in by_debate.items():
        question, topic = db.execute("SELECT question, title FROM debates WHERE id = ?", [debate_id]).fetchone()
        debates.append(_debate(question or topic, topic, sides[debate_id], members, placed))
    debates.sort(key=_weight, reverse=True)
    moves = _moves(db, debate_ids, end - MOVES_WINDOW, end)
    return Briefing(
        week=week,
        title=title or "Weekly stance briefing",
        debates=debates,
        moves=sorted(moves, key=lambda m: (m.after.source.published or start, m.name)),
        sources=_unique(sorted((s.source for s in stories), key=lambda src: src.published or start)),
        tz=tz,
        nothing_stored=not stories and db.execute(
            "SELECT 1 FROM frames WHERE backend != ? LIMIT 1", [FAILED_BACKEND]).fetchone() is None,
    )


def _unique(sources: list[Source]) -> list[Source]:
    seen: set[tuple[str, str | None]] = set()
    out = []
    for source in sources:
        if (source.title, source.link) not in seen:
            seen.add((source.title, source.link))
            out.append(source)
    return out


def latest_week(db: Database, *, tz: tzinfo, now: datetime) -> IsoWeek:
    """The week of the newest framed story up to `now` (the current week when there is none).

    `/latest` and the demo show this week: a quiet current week should not hide
    last week's briefing from a reader who asks for "the latest".
    """
    row = db.execute(
        "SELECT max(s.published) FROM stories s JOIN frames f ON f.story_id = s.id "
        "WHERE f.backend != ? AND s.published <= ?",
        [FAILED_BACKEND, now.astimezone(UTC).isoformat()],
    ).fetchone()
    newest = datetime.fromisoformat(row[0]) if row and row[0] else now
    return week_of(newest, tz)

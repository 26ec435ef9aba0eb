"""Compose one week's briefing from the stored frames: debates by weight, who moved, sources."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo

from sqlite_utils import Database

from briefings.compose.debates import AlignedDebate, align_sides, group_debates, is_observer
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
from briefings.pipeline import FAILED_BACKEND

LOOKBACK = timedelta(weeks=12)  # how far back a figure's earlier position counts for "who moved"
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


def _in(story: FramedStory, start: datetime, end: datetime) -> bool:
    return story.published is not None and start <= story.published < end


def _positions(
    debate: AlignedDebate, stories: list[FramedStory]
) -> dict[int, tuple[int, StoryStatement, FramedStory]]:
    """Each figure's latest sided statement among `stories`: figure id -> (debate side, statement, story)."""
    latest: dict[int, tuple[int, StoryStatement, FramedStory]] = {}
    for story in stories:
        for statement in story.statements:
            side = debate.side_of(story, statement.side)
            if side is not None:
                latest[statement.figure_id] = (side, statement, story)
    return latest


def _position(debate: AlignedDebate, side: int, statement: StoryStatement, story: FramedStory) -> Position:
    return Position(
        side=debate.sides[side].label,
        stance=statement.stance,
        quote=strongest_quote(statement.quotes),
        source=story.source,
    )


def _debate(debate: AlignedDebate, week_stories: list[FramedStory]) -> Debate:
    now = _positions(debate, week_stories)
    sides: list[DebateSide] = []
    for index, track in enumerate(debate.sides):
        figures = [
            FigurePosition(
                figure_id=figure_id, name=statement.name, role=statement.role, stance=statement.stance,
                quote=strongest_quote(statement.quotes), source=story.source,
            )
            for figure_id, (side, statement, story) in now.items()
            if side == index
        ]
        if figures:
            figures.sort(key=lambda f: (f.quote is None, f.stance is None, f.name))
            sides.append(DebateSide(label=track.label, summary=track.summary, figures=figures))
    sides.sort(key=lambda s: ("observ" in s.label.lower(), -len(s.figures), s.label))
    heaviest = max(week_stories, key=lambda s: (len(s.sided), len(s.frame.quotes), s.frame.question is not None))
    question = heaviest.frame.question or next(
        (s.frame.question for s in week_stories if s.frame.question), None
    )
    numbers: list[KeyNumber] = []
    for story in week_stories:
        for number in story.frame.numbers:
            if len(numbers) < NUMBERS_PER_DEBATE and all(n.value != number.value for n in numbers):
                numbers.append(KeyNumber(value=number.value, context=number.context, source=story.source))
    return Debate(
        question=question or (heaviest.frame.title or heaviest.source.title),
        stories=len(week_stories),
        sides=sides,
        numbers=numbers,
        sources=[s.source for s in week_stories],
    )


def _moves(debate: AlignedDebate, before: list[FramedStory], during: list[FramedStory]) -> list[Move]:
    earlier, now = _positions(debate, before), _positions(debate, during)
    moves = []
    for figure_id, (side, statement, story) in now.items():
        if figure_id in earlier and earlier[figure_id][0] != side and not (
            is_observer(debate.sides[side].label) or is_observer(debate.sides[earlier[figure_id][0]].label)
        ):  # an analyst quoted once as an observer and once in a camp has not changed position
            old_side, old_statement, old_story = earlier[figure_id]
            moves.append(Move(
                figure_id=figure_id, name=statement.name, role=statement.role,
                before=_position(debate, old_side, old_statement, old_story),
                after=_position(debate, side, statement, story),
            ))
    return moves


def _weight(debate: Debate) -> tuple[int, int, int]:
    figures = sum(len(side.figures) for side in debate.sides)
    quotes = sum(1 for side in debate.sides for f in side.figures if f.quote)
    return debate.stories, figures, quotes


def compose_briefing(db: Database, *, week: IsoWeek, tz: tzinfo = UTC, title: str | None = None) -> Briefing:
    """The briefing for `week` (read in `tz`) from the frames stored in `db`."""
    start, end = week_bounds(week, tz)
    stories = load_framed_stories(db, start=start - LOOKBACK, end=end)
    debates: list[Debate] = []
    moves: list[Move] = []
    for group in group_debates(stories):
        during = [s for s in group if _in(s, start, end)]
        if not during:
            continue
        aligned = align_sides(group)
        before = [s for s in group if s.published is not None and s.published < start]
        debates.append(_debate(aligned, during))
        moves.extend(_moves(aligned, before, during))
    debates.sort(key=_weight, reverse=True)
    sources = sorted(
        (s.source for s in stories if _in(s, start, end)),
        key=lambda src: src.published or start,
    )
    return Briefing(
        week=week,
        title=title or "Weekly stance briefing",
        debates=debates,
        moves=sorted(moves, key=lambda m: m.name),
        sources=_unique(sources),
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

"""A figure's stance across stories: what `/stance NAME` and `briefing-bot stance` show.

Looking a figure up is forgiving (spelling variants, surnames alone, titles,
Cyrillic, with or without `Jr.`) but never guesses between two people: when
the best match is not clearly the one meant, the caller gets suggestions
instead of someone else's quotes. Two rules decide (scores from
`registry.find`): the best match must be one the identity policy accepts and
lead the next by `CLEAR_LEAD`; and when a second figure is acceptable too
(two Smiths for `Smith`), only a full name spelt exactly is taken as meant.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sqlite_utils import Database

from briefings import registry
from briefings.framing.names import name_tokens
from briefings.store.search import Mentions, stories_mentioning
from briefings.store.statements import Statement, history

# The best match must lead the next figure by this many points to be taken as meant.
CLEAR_LEAD = 8.0


@dataclass(frozen=True)
class SideChange:
    """A move between debate sides: the figure's statement before and the one that moved them."""

    before: Statement
    after: Statement


@dataclass(frozen=True)
class StanceReport:
    """What the stored stories say of one figure, newest first."""

    figure_id: int
    name: str
    role: str | None
    aliases: list[str]
    statements: list[Statement]
    changes: list[SideChange]


@dataclass(frozen=True)
class StanceLookup:
    """The report for the figure meant, or suggestions when nobody (or no one clearly) matches.

    Without a report, `mentions` are the stories whose text has the query anyway (full-text search), so a name
    nobody holds a position under, or a place or an organisation, still leads to the stories about it.
    """

    report: StanceReport | None
    suggestions: list[registry.FigureMatch]
    mentions: Mentions = field(default_factory=Mentions)


def _debate_sides(db: Database, figure_id: int) -> dict[str, tuple[str, int | None, str | None]]:
    """story id -> (debate id, debate side, side name) of each of the figure's placed statements."""
    rows = db.execute(
        "SELECT p.story_id, p.debate_id, p.side, d.name FROM debate_positions p "
        "LEFT JOIN debate_sides d ON d.debate_id = p.debate_id AND d.side = p.side WHERE p.figure_id = ?",
        [figure_id],
    ).fetchall()
    return {str(story): (str(debate), side, name) for story, debate, side, name in rows}


def _changes(db: Database, figure_id: int, shown: dict[str, Statement]) -> list[SideChange]:
    """The figure's recorded moves between debate sides, oldest first, with both statements."""
    changes = []
    for before_story, after_story in db.execute(
        "SELECT m.before_story, m.after_story FROM debate_moves m JOIN stories s ON s.id = m.after_story "
        "WHERE m.figure_id = ? ORDER BY s.published, m.id",
        [figure_id],
    ).fetchall():
        before, after = shown.get(str(before_story)), shown.get(str(after_story))
        if before is not None and after is not None:
            changes.append(SideChange(before=before, after=after))
    return changes


def report(db: Database, figure_id: int, *, limit: int = 20) -> StanceReport:
    """The stance report of a known figure, sides and moves at debate level.

    A story's own side label means something only inside that story, so each
    statement shows the debate side `briefings.debates` placed it on (none
    when the story gave no side), and the moves are the ones it recorded.
    """
    # a plain SELECT: `Table.get` reads the table's schema first, a third of a lookup's time
    name, role = db.execute("SELECT name, role FROM figures WHERE id = ?", [figure_id]).fetchone()
    rows = db.execute("SELECT alias FROM figure_aliases WHERE figure_id = ? ORDER BY rowid", [figure_id])
    aliases = [str(alias) for (alias,) in rows]
    placed = _debate_sides(db, figure_id)
    statements = [
        replace(s, side=placed.get(s.story_id, ("", None, None))[2]) for s in history(db, figure_id, limit=limit)
    ]
    every = {s.story_id: s for s in statements}
    if len(statements) == limit:  # a move's earlier statement may be older than the stories shown
        every = {s.story_id: replace(s, side=placed.get(s.story_id, ("", None, None))[2])
                 for s in history(db, figure_id, limit=10 * limit)}
    return StanceReport(
        figure_id=figure_id,
        name=str(name),
        role=role,
        aliases=aliases,
        statements=statements,
        changes=_changes(db, figure_id, every),
    )


def lookup_stance(db: Database, query: str, *, limit: int = 20) -> StanceLookup:
    """Find the figure `query` means and report their stance, or return suggestions."""
    matches = registry.find(db, query, limit=5)
    if not matches:
        return StanceLookup(None, [], stories_mentioning(db, query))
    best = matches[0]
    runner_up = matches[1].score if len(matches) > 1 else 0.0
    exact_full_name = best.score == registry.EXACT_SCORE and len(name_tokens(query)) > 1
    clear = best.score >= registry.LOOKUP_SCORE and best.score - runner_up >= CLEAR_LEAD
    if clear and (runner_up < registry.LOOKUP_SCORE or exact_full_name):
        return StanceLookup(report(db, best.figure_id, limit=limit), matches[1:])
    return StanceLookup(None, matches, stories_mentioning(db, query))

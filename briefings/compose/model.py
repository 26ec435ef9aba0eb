"""The weekly briefing as data: what composing decides, before any platform formats it.

Render turns one `Briefing` into Telegram HTML, Slack blocks, Markdown or
terminal text; nothing here knows about any of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo


@dataclass(frozen=True)
class IsoWeek:
    """An ISO year and week, the unit a briefing covers (`2026-W48`)."""

    year: int
    week: int

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 7)


@dataclass(frozen=True)
class Source:
    """A story the briefing draws on."""

    title: str
    link: str | None
    published: datetime | None


@dataclass(frozen=True)
class FigurePosition:
    """One figure on one side of a debate this week: who, their stance, their strongest quote."""

    figure_id: int
    name: str
    role: str | None
    stance: str | None
    quote: str | None
    source: Source


@dataclass(frozen=True)
class DebateSide:
    """A side of a debate, with the figures who took it this week."""

    label: str
    summary: str | None
    figures: list[FigurePosition] = field(default_factory=list)
    kind: str = "camp"  # "camp", "observer" or "government": observers and the government are shown last


@dataclass(frozen=True)
class KeyNumber:
    """A number that matters, with the words around it and where it came from."""

    value: str
    context: str | None
    source: Source


@dataclass(frozen=True)
class Debate:
    """One question argued across the week's stories.

    `question` is what the debates layer stored (a real question, or the title
    when it has none); `title` the headline of its most argued story.
    """

    question: str
    stories: int
    sides: list[DebateSide]
    numbers: list[KeyNumber] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    title: str | None = None


@dataclass(frozen=True)
class Position:
    """Where a figure stood at one time, with the evidence."""

    side: str
    stance: str | None
    quote: str | None
    source: Source


@dataclass(frozen=True)
class Move:
    """A figure whose side (or stance) changed against earlier weeks."""

    figure_id: int
    name: str
    role: str | None
    before: Position
    after: Position


@dataclass(frozen=True)
class Briefing:
    """The week's briefing: debates by weight, who moved, and the sources.

    `tz` is the reader's time zone the week was read in; dates are shown in it.
    `nothing_stored` says the database holds no framed story at all (not only
    none this week), so the briefing can say how to fill it.
    """

    week: IsoWeek
    title: str
    debates: list[Debate] = field(default_factory=list)
    moves: list[Move] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    tz: tzinfo = UTC
    nothing_stored: bool = False

    @property
    def quiet(self) -> bool:
        """A week with no debate to report still gets a short briefing saying so."""
        return not self.debates

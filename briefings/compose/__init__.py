"""Compose a week's stance briefing from stored frames: debates, sides, who moved, sources."""

from __future__ import annotations

from briefings.compose.briefing import compose_briefing, latest_week, strongest_quote
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
from briefings.compose.weeks import parse_week, week_bounds, week_of

__all__ = [
    "Briefing",
    "Debate",
    "DebateSide",
    "FigurePosition",
    "IsoWeek",
    "KeyNumber",
    "Move",
    "Position",
    "Source",
    "compose_briefing",
    "latest_week",
    "parse_week",
    "strongest_quote",
    "week_bounds",
    "week_of",
]

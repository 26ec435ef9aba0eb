"""ISO weeks: the unit a briefing covers, read in the reader's time zone."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta, tzinfo

from briefings.compose.model import IsoWeek

WEEK_PATTERN = re.compile(r"^\s*(\d{4})-?W(\d{1,2})\s*$", re.I)


def parse_week(text: str) -> IsoWeek:
    """Read `2026-W48` (or `2026W48`); raise ValueError naming what is wrong."""
    match = WEEK_PATTERN.match(text or "")
    if not match:
        raise ValueError(f"{text!r} is not an ISO week like 2026-W48")
    year, week = int(match[1]), int(match[2])
    try:
        datetime.fromisocalendar(year, week, 1)
    except ValueError:
        raise ValueError(f"{year} has no week {week}") from None
    return IsoWeek(year, week)


def week_of(moment: datetime, tz: tzinfo) -> IsoWeek:
    """The ISO week `moment` falls in, on the wall clock of `tz`."""
    year, week, _ = moment.astimezone(tz).isocalendar()
    return IsoWeek(year, week)


def week_bounds(week: IsoWeek, tz: tzinfo) -> tuple[datetime, datetime]:
    """The aware instants where `week` starts (Monday 00:00) and ends (next Monday 00:00) in `tz`."""
    start = datetime.combine(week.monday, time(0), tzinfo=tz)
    end = datetime.combine(week.monday + timedelta(days=7), time(0), tzinfo=tz)
    return start, end

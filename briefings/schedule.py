"""When each chat's weekly briefing is due, and queueing it exactly once.

A schedule is `DAY HH:MM` in an IANA zone; `parse_schedule` and
`parse_timezone` read the operator's setting and a chat's `/settings` alike,
so both say the same thing about the same bad value.

Each subscription has a weekday and wall-clock time in its own time zone, so
"Monday 08:00 in Warsaw" stays 08:00 across daylight-saving changes. The
scheduler calls `enqueue_due` every minute; the ledger's unique (key, chat)
makes that idempotent, so a restart, a missed tick or two processes never
queue a week twice. A slot missed by more than `GRACE` (the service was down)
is recorded as skipped, not sent late into the next day.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlite_utils import Database

from briefings.compose.model import IsoWeek
from briefings.compose.weeks import week_of
from briefings.store import broadcasts, outbox
from briefings.store.subscriptions import active_subscriptions

logger = logging.getLogger(__name__)

GRACE = timedelta(hours=12)
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SCHEDULE_PATTERN = re.compile(r"^\s*(?P<day>[a-z]{3})[a-z]*\s+(?P<hour>\d{1,2}):(?P<minute>\d{2})\s*$", re.I)


@dataclass(frozen=True)
class WeeklySchedule:
    """A weekday and a wall-clock time, read in some time zone."""

    weekday: int  # 0 = Monday, as datetime.weekday()
    hour: int
    minute: int

    def __str__(self) -> str:
        return f"{DAYS[self.weekday]} {self.hour:02d}:{self.minute:02d}"


def parse_schedule(text: str) -> WeeklySchedule:
    """Read `DAY HH:MM` (`mon 08:00`, `Friday 9:30`); raise ValueError naming what is wrong."""
    match = SCHEDULE_PATTERN.match(text or "")
    if not match:
        raise ValueError(f"{text!r} is not 'DAY HH:MM', e.g. 'mon 08:00'")
    day = match["day"].lower()
    if day not in DAYS:
        raise ValueError(f"{match['day']!r} is not a weekday (mon, tue, wed, thu, fri, sat, sun)")
    hour, minute = int(match["hour"]), int(match["minute"])
    if hour > 23 or minute > 59:
        raise ValueError(f"{hour:02d}:{minute:02d} is not a time of day")
    return WeeklySchedule(DAYS.index(day), hour, minute)


def parse_timezone(name: str) -> ZoneInfo:
    """Return the IANA zone `name`; raise ValueError for one that does not exist."""
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValueError(f"{name!r} is not an IANA time zone, e.g. 'Europe/Minsk'") from None


@dataclass(frozen=True)
class EnqueueResult:
    """How many deliveries were queued, and how many slots were found missed and skipped."""

    queued: int = 0
    missed: int = 0


def last_slot(*, weekday: int, hour: int, minute: int, tz: ZoneInfo, now: datetime) -> datetime:
    """The most recent instant at or before `now` that is `weekday hour:minute` on the wall clock of `tz`."""
    local_now = now.astimezone(tz)
    days_back = (local_now.weekday() - weekday) % 7
    day = local_now.date() - timedelta(days=days_back)
    slot = datetime.combine(day, time(hour, minute), tzinfo=tz)
    if slot > now:
        slot = datetime.combine(day - timedelta(days=7), time(hour, minute), tzinfo=tz)
    return slot


def briefing_week(slot: datetime, tz: ZoneInfo) -> IsoWeek:
    """The week a briefing sent at `slot` covers: the week of the last full day before it.

    A Monday-morning briefing covers the week that just ended; a Friday one the
    week so far.
    """
    return week_of(slot - timedelta(days=1), tz)


def enqueue_due(db: Database, *, now: datetime, grace: timedelta = GRACE) -> EnqueueResult:
    """Queue every subscription whose slot has come within `grace`; record older missed slots as skipped."""
    due: list[tuple[str, str, str]] = []
    missed: list[tuple[str, str, str, datetime]] = []
    for sub in active_subscriptions(db):
        tz = ZoneInfo(sub.timezone)
        slot = last_slot(weekday=sub.weekday, hour=sub.hour, minute=sub.minute, tz=tz, now=now)
        if sub.subscribed_at and datetime.fromisoformat(sub.subscribed_at) > slot:
            continue  # subscribed after this slot: the first briefing is the next one
        key = broadcasts.weekly_key(str(briefing_week(slot, tz)))
        if now - slot <= grace:
            due.append((key, sub.platform, sub.chat_id))
        else:
            missed.append((key, sub.platform, sub.chat_id, slot))
    queued = 0
    for key in sorted({k for k, _, _ in due}):
        chats = [(platform, chat) for k, platform, chat in due if k == key]
        queued += broadcasts.start_broadcast(db, key=key, kind="scheduled", chats=chats, now=now,
                                             keep_existing=True)
    skipped = _record_missed(db, missed, now=now)
    if queued:
        logger.info("queued %d weekly briefings", queued)
    return EnqueueResult(queued=queued, missed=skipped)


def _record_missed(db: Database, missed: list[tuple[str, str, str, datetime]], *, now: datetime) -> int:
    """Write a skipped ledger row for each missed slot not seen before, and log each slot once."""
    chats_by_slot: dict[tuple[str, datetime], list[tuple[str, str]]] = {}
    for key, platform, chat, slot in missed:
        chats_by_slot.setdefault((key, slot), []).append((platform, chat))
    recorded = 0
    for (key, slot), chats in chats_by_slot.items():
        added = outbox.enqueue(db, key=key, chats=chats, now=now, state="skipped",
                               error=f"missed: due {slot.isoformat()}, service was down")
        if added:
            logger.warning("skipped %s for %d chats: it was due %s, more than %d h ago (the service was down)",
                           key, added, slot.isoformat(), GRACE.total_seconds() // 3600)
        recorded += added
    return recorded

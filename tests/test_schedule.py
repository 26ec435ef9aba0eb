"""Weekly slots in each chat's time zone, across daylight saving, queued exactly once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from briefings.compose import IsoWeek
from briefings.schedule import briefing_week, enqueue_due, last_slot, parse_schedule, parse_timezone
from briefings.store import outbox
from briefings.store.subscriptions import subscribe, update_schedule

WARSAW = ZoneInfo("Europe/Warsaw")


def test_last_slot_keeps_the_wall_clock_across_daylight_saving() -> None:
    # Warsaw moves its clocks back on Sunday 25 October 2026: 08:00 is 06:00 UTC before and 07:00 UTC after.
    before = last_slot(weekday=0, hour=8, minute=0, tz=WARSAW, now=datetime(2026, 10, 19, 12, tzinfo=UTC))
    after = last_slot(weekday=0, hour=8, minute=0, tz=WARSAW, now=datetime(2026, 10, 26, 12, tzinfo=UTC))
    assert before.astimezone(UTC) == datetime(2026, 10, 19, 6, tzinfo=UTC)
    assert after.astimezone(UTC) == datetime(2026, 10, 26, 7, tzinfo=UTC)
    assert after.astimezone(UTC) - before.astimezone(UTC) == timedelta(days=7, hours=1)  # 169 real hours


def test_last_slot_is_never_in_the_future() -> None:
    now = datetime(2026, 11, 23, 5, 59, tzinfo=UTC)  # Monday 07:59 in Warsaw
    slot = last_slot(weekday=0, hour=8, minute=0, tz=WARSAW, now=now)
    assert slot <= now and slot.astimezone(WARSAW).date().isoformat() == "2026-11-16"


def test_a_monday_briefing_covers_the_week_that_ended() -> None:
    monday = datetime(2026, 11, 23, 8, tzinfo=WARSAW)
    friday = datetime(2026, 11, 27, 9, tzinfo=WARSAW)
    assert briefing_week(monday, WARSAW) == IsoWeek(2026, 47)
    assert briefing_week(friday, WARSAW) == IsoWeek(2026, 48)


def sub(db: Database, chat: str, *, tz: str = "Europe/Warsaw", since: datetime | None = None) -> None:
    subscribe(db, platform="telegram", chat_id=chat, kind="private", title=None, weekday=0, hour=8, minute=0,
              timezone=tz, now=since or datetime(2026, 11, 17, tzinfo=UTC))


def test_enqueue_is_idempotent_and_per_time_zone(fresh_db: Database) -> None:
    sub(fresh_db, "warsaw")
    sub(fresh_db, "tokyo", tz="Asia/Tokyo")
    monday_8_warsaw = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
    assert enqueue_due(fresh_db, now=monday_8_warsaw - timedelta(minutes=1)).queued == 1  # Tokyo is hours past 08:00
    result = enqueue_due(fresh_db, now=monday_8_warsaw)
    assert result.queued == 1
    for minute in range(1, 30):
        assert enqueue_due(fresh_db, now=monday_8_warsaw + timedelta(minutes=minute)).queued == 0
    rows = fresh_db.execute("SELECT key, chat_id, state FROM outbox ORDER BY chat_id").fetchall()
    assert rows == [("weekly:2026-W47", "tokyo", "queued"), ("weekly:2026-W47", "warsaw", "queued")]


def test_a_slot_missed_by_more_than_twelve_hours_is_skipped_and_logged(fresh_db: Database, caplog) -> None:  # type: ignore[no-untyped-def]
    sub(fresh_db, "late")
    sub(fresh_db, "ontime")
    update_schedule(fresh_db, platform="telegram", chat_id="ontime", weekday=0, hour=20, minute=0,
                    timezone="Europe/Warsaw")
    tuesday_noon = datetime(2026, 11, 24, 11, tzinfo=UTC)  # 26 h after the 08:00 slot, 15 h after 20:00
    result = enqueue_due(fresh_db, now=tuesday_noon)
    assert result.queued == 0 and result.missed == 2
    assert enqueue_due(fresh_db, now=tuesday_noon + timedelta(minutes=1)).missed == 0  # logged once
    assert "service was down" in caplog.text
    assert outbox.counts(fresh_db)["skipped"] == 2
    within = enqueue_due(fresh_db, now=datetime(2026, 11, 30, 18, tzinfo=UTC))  # 11 h after Monday 08:00
    assert within.queued == 1


def test_a_chat_subscribed_after_its_slot_waits_for_the_next_one(fresh_db: Database) -> None:
    sub(fresh_db, "new", since=datetime(2026, 11, 23, 9, tzinfo=UTC))
    assert enqueue_due(fresh_db, now=datetime(2026, 11, 23, 10, tzinfo=UTC)).queued == 0
    assert enqueue_due(fresh_db, now=datetime(2026, 11, 30, 7, 0, tzinfo=UTC)).queued == 1


def test_parse_schedule_accepts_long_day_names() -> None:
    assert str(parse_schedule("Sunday 7:05")) == "sun 07:05"


@pytest.mark.parametrize(("text", "words"), [("mon 8", "DAY HH:MM"), ("xyz 08:00", "not a weekday"),
                                             ("mon 24:00", "not a time of day")])
def test_parse_schedule_names_what_is_wrong(text: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        parse_schedule(text)


def test_parse_timezone_refuses_a_misspelt_zone() -> None:
    assert parse_timezone(" Europe/Warsaw ").key == "Europe/Warsaw"
    with pytest.raises(ValueError, match="not an IANA time zone"):
        parse_timezone("Europe/Minks")

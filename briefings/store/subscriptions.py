"""Subscriptions and follows: which chats get the weekly briefing, when, and whom they follow.

A chat is identified by (platform, chat id) so Telegram and Slack share one
table. Unsubscribing keeps the row (inactive, with the reason) so `/stats` can
say how many left and why, e.g. users who blocked the bot.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database


@dataclass(frozen=True)
class Subscription:
    """A chat that gets the weekly briefing, and when it wants it."""

    platform: str
    chat_id: str
    kind: str
    title: str | None
    weekday: int
    hour: int
    minute: int
    timezone: str
    topics: list[str] = field(default_factory=list)
    active: bool = True
    subscribed_at: str | None = None
    linked_by: str | None = None  # the admin who linked a channel (kind 'channel'), told if it is lost


def _subscription(row: dict[str, Any]) -> Subscription:
    return Subscription(
        platform=row["platform"], chat_id=row["chat_id"], kind=row["kind"], title=row["title"],
        weekday=int(row["weekday"]), hour=int(row["hour"]), minute=int(row["minute"]), timezone=row["timezone"],
        topics=json.loads(row["topics"] or "[]"), active=bool(row["active"]), subscribed_at=row["subscribed_at"],
        linked_by=row.get("linked_by"),
    )


def get_subscription(db: Database, platform: str, chat_id: str) -> Subscription | None:
    """The chat's subscription row (active or not), if it ever subscribed."""
    rows = list(db.table("subscriptions").rows_where("platform = ? AND chat_id = ?", [platform, chat_id]))
    return _subscription(rows[0]) if rows else None


def subscriptions_of(db: Database, chats: list[tuple[str, str]]) -> dict[tuple[str, str], Subscription]:
    """The subscriptions of many chats at once, keyed by (platform, chat id); missing chats are absent."""
    found: dict[tuple[str, str], Subscription] = {}
    for start in range(0, len(chats), 400):
        chunk = chats[start:start + 400]
        where = " OR ".join(["(platform = ? AND chat_id = ?)"] * len(chunk))
        params = [value for chat in chunk for value in chat]
        for row in db.table("subscriptions").rows_where(where, params):
            subscription = _subscription(row)
            found[(subscription.platform, subscription.chat_id)] = subscription
    return found


def subscribe(
    db: Database,
    *,
    platform: str,
    chat_id: str,
    kind: str,
    title: str | None,
    weekday: int,
    hour: int,
    minute: int,
    timezone: str,
    now: datetime,
    linked_by: str | None = None,
) -> tuple[Subscription, bool]:
    """Subscribe the chat (keeping its earlier settings if it comes back); return it and whether it is new.

    `linked_by` names the admin who linked a channel from elsewhere, who is told if it is lost.
    """
    existing = get_subscription(db, platform, chat_id)
    if existing and existing.active:
        return existing, False
    row: dict[str, Any] = {
        "platform": platform, "chat_id": chat_id, "kind": kind, "title": title, "active": 1,
        "subscribed_at": now.astimezone(UTC).isoformat(), "ended_at": None, "ended_reason": None,
        "linked_by": linked_by, "loss_notified": None,
    }
    if existing is None:
        row.update(weekday=weekday, hour=hour, minute=minute, timezone=timezone, topics="[]")
    db.table("subscriptions").upsert(row, pk=("platform", "chat_id"))
    subscription = get_subscription(db, platform, chat_id)
    assert subscription is not None
    return subscription, True


def unsubscribe(db: Database, *, platform: str, chat_id: str, reason: str, now: datetime) -> bool:
    """End the chat's subscription; return False when it had none."""
    with db.conn:
        cursor = db.execute(
            "UPDATE subscriptions SET active = 0, ended_at = ?, ended_reason = ? "
            "WHERE platform = ? AND chat_id = ? AND active = 1",
            [now.astimezone(UTC).isoformat(), reason, platform, chat_id],
        )
    return cursor.rowcount > 0


def update_schedule(
    db: Database, *, platform: str, chat_id: str, weekday: int, hour: int, minute: int, timezone: str
) -> None:
    """Set when this chat gets its briefing."""
    db.table("subscriptions").update(
        (platform, chat_id), {"weekday": weekday, "hour": hour, "minute": minute, "timezone": timezone}
    )


def update_topics(db: Database, *, platform: str, chat_id: str, topics: list[str]) -> None:
    """Keep only debates mentioning these words in this chat's briefing (empty: everything)."""
    db.table("subscriptions").update((platform, chat_id), {"topics": json.dumps(topics, ensure_ascii=False)})


def active_subscriptions(db: Database, *, platform: str | None = None) -> Iterator[Subscription]:
    """Every active subscription (of one platform, if given), streamed so 100k rows stay cheap."""
    where, params = "active = 1", []
    if platform:
        where += " AND platform = ?"
        params.append(platform)
    for row in db.table("subscriptions").rows_where(where, params, order_by="platform, chat_id"):
        yield _subscription(row)


def subscription_counts(db: Database) -> dict[str, int]:
    """Active subscriptions per platform, and how many chats left."""
    counts = {f"{platform}": int(n) for platform, n in db.execute(
        "SELECT platform, count(*) FROM subscriptions WHERE active = 1 GROUP BY platform").fetchall()}
    counts["ended"] = int(db.execute("SELECT count(*) FROM subscriptions WHERE active = 0").fetchone()[0])
    return counts


def follow(db: Database, *, platform: str, chat_id: str, figure_id: int, now: datetime) -> bool:
    """Follow a figure from this chat; return False when it already did."""
    stamp = now.astimezone(UTC).isoformat()
    with db.conn:
        cursor = db.execute(
            "INSERT OR IGNORE INTO follows (platform, chat_id, figure_id, since, alerted_through) "
            "VALUES (?, ?, ?, ?, ?)",
            [platform, chat_id, figure_id, stamp, stamp],
        )
    return cursor.rowcount > 0


def unfollow(db: Database, *, platform: str, chat_id: str, figure_id: int) -> bool:
    """Stop following; return False when the chat did not follow that figure."""
    with db.conn:
        cursor = db.execute(
            "DELETE FROM follows WHERE platform = ? AND chat_id = ? AND figure_id = ?", [platform, chat_id, figure_id]
        )
    return cursor.rowcount > 0


def migrate_chat(db: Database, *, platform: str, old: str, new: str) -> None:
    """Move a chat's subscription and follows to its new id (a Telegram group upgraded to a supergroup)."""
    with db.conn:
        db.conn.execute("UPDATE OR IGNORE subscriptions SET chat_id = ? WHERE platform = ? AND chat_id = ?",
                        [new, platform, old])
        db.conn.execute("UPDATE OR IGNORE follows SET chat_id = ? WHERE platform = ? AND chat_id = ?",
                        [new, platform, old])

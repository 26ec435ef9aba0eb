"""Linked channels: subscriptions of kind 'channel' that an admin linked from a private chat.

A channel cannot send `/subscribe` itself (a post has no user whose rights could be
checked), so an admin links it and is remembered as `linked_by`. Everything else,
the weekly schedule, `/brief_now`, the ledger and pacing, sees an ordinary
subscription. When delivery finds a channel gone (the bot lost its rights) it
unsubscribes it like any chat; `lost_channels` then names the ones whose admin
has not been told yet, so the notice is sent once and survives a restart.
"""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from briefings.store.subscriptions import Subscription, _subscription, unsubscribe

__all__ = ["CHANNEL", "linked_channels", "lost_channels", "mark_loss_notified", "unlink_channel"]

CHANNEL = "channel"


def linked_channels(db: Database, *, platform: str | None = None) -> list[Subscription]:
    """Every active channel subscription (of one platform, if given), by title."""
    where, params = "active = 1 AND kind = ?", [CHANNEL]
    if platform:
        where += " AND platform = ?"
        params.append(platform)
    rows = db.table("subscriptions").rows_where(where, params, order_by="coalesce(title, chat_id)")
    return [_subscription(row) for row in rows]


def unlink_channel(db: Database, *, platform: str, chat_id: str, by: str, now: datetime) -> bool:
    """End a channel's subscription at an admin's request; False when it was not linked.

    The admin asked for it, so there is no loss to tell them about.
    """
    ended = unsubscribe(db, platform=platform, chat_id=chat_id, reason=f"/channel remove by {by}", now=now)
    if ended:
        mark_loss_notified(db, platform=platform, chat_id=chat_id)
    return ended


def lost_channels(db: Database) -> list[tuple[Subscription, str]]:
    """Channels that ended without an admin asking (delivery found them gone), whose linker was not told.

    Each with the reason delivery recorded ("Forbidden: bot is not a member of the channel chat").
    """
    rows = db.table("subscriptions").rows_where(
        "kind = ? AND active = 0 AND linked_by IS NOT NULL AND coalesce(loss_notified, 0) = 0", [CHANNEL]
    )
    return [(_subscription(row), str(row.get("ended_reason") or "unknown reason")) for row in rows]


def mark_loss_notified(db: Database, *, platform: str, chat_id: str) -> None:
    """Remember that the linking admin was told, so the notice goes once."""
    db.table("subscriptions").update((platform, chat_id), {"loss_notified": 1})


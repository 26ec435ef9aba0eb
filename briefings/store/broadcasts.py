"""Broadcasts and the admin's confirm step before one goes out.

A broadcast is a ledger key queued for chats: `weekly:2026-W48` for the
scheduled briefing of a week (each chat gets it once, whenever its slot comes),
`manual:2026-W48:TOKEN` for an admin's `/brief_now`. A manual send is an extra
briefing, so it does not stop the full week from going out on schedule; its
confirmation token makes a double press send once.

A confirmation is a one-time token bound to the admin who asked: only they
can use it, only within its lifetime, and only once (a double press sends once).
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from typing import Literal

from sqlite_utils import Database

from briefings.store import outbox
from briefings.store.subscriptions import active_subscriptions

CONFIRM_TTL = timedelta(minutes=10)
Outcome = Literal["ok", "expired", "used", "unknown", "not_yours"]


def weekly_key(week: str) -> str:
    """The ledger key of a week's briefing."""
    return f"weekly:{week}"


def manual_key(week: str, token: str) -> str:
    """The ledger key of an admin's manual send of `week`."""
    return f"manual:{week}:{token}"


def week_of_key(key: str) -> str:
    """The ISO week a ledger key is about."""
    parts = key.split(":")
    return parts[1] if len(parts) > 1 else key


def create_confirmation(
    db: Database, *, platform: str, user_id: str, chat_id: str, week: str, now: datetime, ttl: timedelta = CONFIRM_TTL
) -> str:
    """A fresh token for this admin to confirm (or cancel) sending `week` now."""
    token = secrets.token_urlsafe(9)
    db.table("confirmations").insert({
        "token": token, "platform": platform, "user_id": user_id, "chat_id": chat_id, "week": week,
        "created_at": now.astimezone(UTC).isoformat(), "expires_at": (now + ttl).astimezone(UTC).isoformat(),
        "state": "pending",
    })
    return token


def settle_confirmation(
    db: Database, *, token: str, platform: str, user_id: str, now: datetime, state: Literal["confirmed", "cancelled"]
) -> tuple[Outcome, str | None]:
    """Move a pending token to `state` atomically; return the outcome and the token's week."""
    rows = list(db.table("confirmations").rows_where("token = ?", [token]))
    if not rows:
        return "unknown", None
    row = rows[0]
    if row["platform"] != platform or row["user_id"] != user_id:
        return "not_yours", row["week"]
    with db.conn:
        cursor = db.conn.execute(
            "UPDATE confirmations SET state = ? WHERE token = ? AND state = 'pending' AND expires_at > ?",
            [state, token, now.astimezone(UTC).isoformat()],
        )
    if cursor.rowcount == 1:
        return "ok", row["week"]
    if row["state"] != "pending":
        return "used", row["week"]
    return "expired", row["week"]


def start_broadcast(
    db: Database,
    *,
    key: str,
    kind: str,
    chats: list[tuple[str, str]] | None = None,
    report_to: tuple[str, str] | None = None,
    now: datetime,
    keep_existing: bool = False,
) -> int:
    """Record the broadcast and queue it for `chats` (default: every active subscription); return rows added.

    `keep_existing` leaves an existing broadcast record (and whom to report to) as it is: the scheduler
    adds chats to a week's key every minute, and must not take over a broadcast an admin started.
    """
    exists = db.execute("SELECT 1 FROM broadcasts WHERE key = ?", [key]).fetchone() is not None
    if not (keep_existing and exists):
        db.table("broadcasts").upsert({
            "key": key, "week": week_of_key(key), "kind": kind, "created_at": now.astimezone(UTC).isoformat(),
            "report_platform": report_to[0] if report_to else None,
            "report_chat": report_to[1] if report_to else None, "reported_at": None,
        }, pk="key")
    if chats is None:
        chats_of_all = ((sub.platform, sub.chat_id) for sub in active_subscriptions(db))
        return outbox.enqueue(db, key=key, chats=chats_of_all, now=now)
    return outbox.enqueue(db, key=key, chats=chats, now=now)


def finished_unreported(db: Database) -> list[tuple[str, str, str]]:
    """(key, platform, chat) of broadcasts someone asked to hear about that have nothing left to send."""
    rows = db.execute(
        "SELECT b.key, b.report_platform, b.report_chat FROM broadcasts b "
        "WHERE b.report_chat IS NOT NULL AND b.reported_at IS NULL AND NOT EXISTS ("
        "  SELECT 1 FROM outbox o WHERE o.key = b.key AND o.state IN ('queued', 'sending'))"
    ).fetchall()
    return [(str(k), str(p), str(c)) for k, p, c in rows]


def mark_reported(db: Database, *, key: str, now: datetime) -> None:
    """The admin has been told how the broadcast went."""
    db.table("broadcasts").update(key, {"reported_at": now.astimezone(UTC).isoformat()})

"""Rows of the `feeds` table: each feed's HTTP cache validators and health.

The poller reads `next_poll` to know what is due, and ingest writes the
outcome of every attempt: on success the new ETag / Last-Modified and a reset
failure count, on failure the error in words, one more consecutive failure and
a later `next_poll` (the back-off is computed by the caller). Times are UTC
ISO-8601 strings, so they sort and compare as text.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

__all__ = [
    "due_feeds",
    "ensure_feed",
    "get_feed",
    "list_feeds",
    "web_feeds",
    "record_failure",
    "record_success",
    "utc_text",
]


def utc_text(moment: datetime) -> str:
    """A tz-aware datetime as the UTC ISO-8601 text stored in every time column."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: pass a tz-aware one (e.g. datetime.now(UTC))")
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def get_feed(db: Database, url: str) -> dict[str, Any] | None:
    """The row of one feed, or None when it was never added."""
    rows = list(db.table("feeds").rows_where("url = ?", [url]))
    return rows[0] if rows else None


def ensure_feed(db: Database, url: str, *, now: datetime) -> dict[str, Any]:
    """The feed's row, adding it (due at once) when it is new."""
    row = get_feed(db, url)
    if row is None:
        stamp = utc_text(now)
        db.table("feeds").insert(
            {"url": url, "added_at": stamp, "next_poll": stamp, "consecutive_failures": 0, "paused": 0},
            ignore=True,
        )
        row = get_feed(db, url) or {"url": url}
    return row


def list_feeds(db: Database) -> list[dict[str, Any]]:
    """Every feed row, in the order they were added."""
    return list(db.table("feeds").rows_where(order_by="added_at, url"))


def web_feeds(db: Database) -> list[dict[str, Any]]:
    """The feeds with an http(s) address (what an OPML export lists), in the order they were added."""
    return [row for row in list_feeds(db) if str(row["url"]).lower().startswith(("http://", "https://"))]


def due_feeds(db: Database, *, now: datetime) -> list[str]:
    """URLs of the feeds to poll now: not paused, and never polled or due by `next_poll`."""
    rows = db.execute(
        "SELECT url FROM feeds WHERE coalesce(paused, 0) = 0 AND (next_poll IS NULL OR next_poll <= ?) "
        "ORDER BY next_poll, url",
        [utc_text(now)],
    ).fetchall()
    return [row[0] for row in rows]


def record_success(
    db: Database,
    url: str,
    *,
    now: datetime,
    next_poll: datetime,
    etag: str | None = None,
    last_modified: str | None = None,
    title: str | None = None,
    warning: str | None = None,
    keep_validators: bool = False,
) -> None:
    """Store a successful poll: fresh validators, no error, failure count reset.

    `keep_validators` keeps the stored ETag / Last-Modified (a 304 carries none worth replacing them with).
    """
    values: dict[str, Any] = {
        "last_success": utc_text(now),
        "last_error": None,
        "last_warning": warning,
        "consecutive_failures": 0,
        "next_poll": utc_text(next_poll),
    }
    if not keep_validators:
        values.update(etag=etag, last_modified=last_modified)
    if title:
        values["title"] = title
    db.table("feeds").update(url, values)


def record_failure(db: Database, url: str, *, error: str, failures: int, next_poll: datetime) -> None:
    """Store a failed poll: the error in words, the new count of consecutive failures, the next try."""
    db.table("feeds").update(
        url, {"last_error": error, "consecutive_failures": failures, "next_poll": utc_text(next_poll)}
    )

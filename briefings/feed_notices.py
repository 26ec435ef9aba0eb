"""What admins should hear about feed health: a feed that keeps failing, recovers, or is paused.

Each notice is given once per change of state (recorded in `feeds.notified_state`),
so a feed that fails every hour for a week is one message, not 168.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlite_utils import Database

from briefings.render.doc import Bold, Code, Doc, Paragraph, spans

FAILING_AFTER = 5  # polls in a row
PAUSE_AFTER = 100

Kind = Literal["failing", "recovered", "paused"]


@dataclass(frozen=True)
class FeedNotice:
    """One change in a feed's health worth telling the admins."""

    url: str
    kind: Kind
    failures: int
    error: str | None


def pause_hopeless_feeds(db: Database) -> int:
    """Stop polling feeds that failed PAUSE_AFTER times in a row; an admin's /addfeed starts them again."""
    with db.conn:
        cursor = db.conn.execute(
            "UPDATE feeds SET paused = 1 WHERE coalesce(paused, 0) = 0 AND consecutive_failures >= ?", [PAUSE_AFTER]
        )
    return cursor.rowcount


def pending_notices(db: Database) -> list[FeedNotice]:
    """Feeds whose state changed since the admins were last told."""
    notices = []
    rows = db.execute(
        "SELECT url, coalesce(consecutive_failures, 0), last_error, coalesce(paused, 0), notified_state FROM feeds"
    ).fetchall()
    for url, failures, error, paused, told in rows:
        state: Kind | None = None
        if paused and failures >= PAUSE_AFTER:
            state = "paused"
        elif failures >= FAILING_AFTER:
            state = "failing"
        elif told in ("failing", "paused"):
            state = "recovered"
        if state is not None and state != told:
            notices.append(FeedNotice(url=str(url), kind=state, failures=int(failures), error=error))
    return notices


def mark_notified(db: Database, notice: FeedNotice) -> None:
    """Remember what the admins were told, so it is said once."""
    db.table("feeds").update(notice.url, {"notified_state": None if notice.kind == "recovered" else notice.kind})


def notice_doc(notice: FeedNotice) -> Doc:
    """The notice in words."""
    if notice.kind == "recovered":
        return Doc.of(Paragraph(spans(Bold("Feed recovered: "), Code(notice.url), " reads again.")))
    if notice.kind == "paused":
        return Doc.of(Paragraph(spans(
            Bold("Feed paused: "), Code(notice.url), f" failed {notice.failures} polls in a row "
            f"({notice.error}). It is no longer polled; ", Code(f"/addfeed {notice.url}"), " tries it again.")))
    return Doc.of(Paragraph(spans(
        Bold("Feed failing: "), Code(notice.url), f" failed {notice.failures} polls in a row: {notice.error}. "
        "I keep trying with growing pauses and will say when it recovers.")))

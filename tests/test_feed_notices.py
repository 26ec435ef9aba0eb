"""Feed health told to admins once per change: failing after 5 polls, recovered, paused after 100."""

from __future__ import annotations

from sqlite_utils import Database

from briefings.feed_notices import mark_notified, notice_doc, pause_hopeless_feeds, pending_notices
from briefings.render.doc import doc_text

URL = "https://example.org/feed.xml"


def set_failures(db: Database, failures: int, error: str | None = "HTTP 500 Internal Server Error") -> None:
    db.table("feeds").upsert({"url": URL, "consecutive_failures": failures, "last_error": error}, pk="url")


def told(db: Database) -> list[str]:
    notices = pending_notices(db)
    for notice in notices:
        mark_notified(db, notice)
    return [f"{n.kind}: {doc_text(notice_doc(n))}" for n in notices]


def test_failing_recovered_paused_each_said_once(fresh_db: Database) -> None:
    set_failures(fresh_db, 4)
    assert told(fresh_db) == []
    set_failures(fresh_db, 5)
    [failing] = told(fresh_db)
    assert failing.startswith("failing:") and "failed 5 polls in a row: HTTP 500" in failing
    set_failures(fresh_db, 9)
    assert told(fresh_db) == []  # still failing: nothing new to say
    set_failures(fresh_db, 0, None)
    [recovered] = told(fresh_db)
    assert recovered.startswith("recovered:") and "reads again" in recovered
    assert told(fresh_db) == []
    set_failures(fresh_db, 100)
    assert pause_hopeless_feeds(fresh_db) == 1
    [paused] = told(fresh_db)
    assert paused.startswith("paused:") and f"/addfeed {URL}" in paused
    assert fresh_db.table("feeds").get(URL)["paused"] == 1
    assert pause_hopeless_feeds(fresh_db) == 0

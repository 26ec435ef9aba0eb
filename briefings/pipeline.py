"""Frame every stored story that has no frame yet, and record its statements.

Ingest stores stories; this step turns them into frames and statements. It is
separate and idempotent ("frame what is unframed") rather than a hook inside
ingest, so a crash between the two, a framer upgrade or a new backend is
recovered by simply running it again. One story that cannot be framed is
logged and marked, never retried in a loop, and never stops the others.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata

from sqlite_utils import Database

from briefings.debates import update_debates
from briefings.framing.extractive import frame_text
from briefings.framing.model import StanceFrame
from briefings.store.statements import FAILED_BACKEND, save_frame
from briefings.times import parse_stamp

logger = logging.getLogger(__name__)

Framer = Callable[[str, str | None], StanceFrame]


def framer_release() -> str:
    """The installed release of the framer; a story that failed under another release is framed again.

    A story that crashed the framer is marked failed so every poll does not
    retry it, but only for this release: an upgrade that fixes the crash
    frames it on the next poll.
    """
    try:
        return metadata.version("briefing-bot")
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        return "unreleased"


@dataclass(frozen=True)
class FramingRun:
    """How many stories were framed, how many statements they gave, and how many failed."""

    framed: int = 0
    statements: int = 0
    failed: int = 0

    def describe(self) -> str:
        """One human line for the CLI and the poller's log."""
        line = f"framed {self.framed} {'story' if self.framed == 1 else 'stories'} ({self.statements} statements)"
        return line + (f"; {self.failed} could not be framed (see the log)" if self.failed else "")


def unframed_stories(db: Database, *, limit: int | None = None) -> Iterator[dict[str, object]]:
    """Stories without a frame, or that failed under another release, oldest first, so history is built in order."""
    sql = (
        "SELECT s.id, s.title, s.text, s.summary, s.published FROM stories s "
        "LEFT JOIN frames f ON f.story_id = s.id WHERE f.story_id IS NULL "
        "OR (f.backend = ? AND coalesce(json_extract(f.frame, '$.failed_under'), '') != ?) "
        "ORDER BY s.published IS NULL, s.published, s.id"
    )
    params: list[object] = [FAILED_BACKEND, framer_release()]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    columns = ("id", "title", "text", "summary", "published")
    for row in db.execute(sql, params).fetchall():
        yield dict(zip(columns, row, strict=True))


def extractive_framer(text: str, title: str | None) -> StanceFrame:
    """The default framer: the offline extractive backend."""
    return frame_text(text, title=title)


def frame_new_stories(
    db: Database,
    *,
    framer: Framer = extractive_framer,
    backend: str = "extractive",
    limit: int | None = None,
    now: datetime | None = None,
) -> FramingRun:
    """Frame each unframed story with `framer` and store its frame and statements."""
    framed = statements = failed = 0
    stories = list(unframed_stories(db, limit=limit))
    prefetch = getattr(framer, "prefetch", None)
    if callable(prefetch):  # a remote framer (the LLM backend) asks for the whole batch at once, bounded
        try:
            prefetch([(str(s["text"] or s["summary"] or ""), str(s["title"]) if s["title"] else None)
                      for s in stories])
        except Exception:  # only an optimisation: each story is still framed below
            logger.exception("prefetching frames failed")
    for story in stories:
        story_id = str(story["id"])
        text = str(story["text"] or story["summary"] or "")
        title = str(story["title"]) if story["title"] else None
        try:
            frame = framer(text, title)
            statements += save_frame(
                db, story_id=story_id, frame=frame, published=parse_stamp(story["published"]), backend=backend,
                now=now,
            )
            framed += 1
        except Exception:  # one story's failure must not stop the rest; the trace goes to the log
            logger.exception("could not frame story %s (%r)", story_id, title)
            failed += 1
            db.table("frames").upsert(
                {"story_id": story_id, "backend": FAILED_BACKEND, "question": None,
                 "frame": json.dumps({"failed_under": framer_release()}),
                 "framed_at": (now or datetime.now(UTC)).isoformat()},
                pk="story_id",
            )
    update_debates(db, now=now)  # a new story joins its debate now, so `stance` and compose see it at once
    return FramingRun(framed=framed, statements=statements, failed=failed)

"""Answers already paid for, by (story content hash, model, prompt version), and what they cost.

A story is framed once per model and prompt version: re-running ingest,
re-framing old stories, or a second process asking for the same story reads
the stored answer instead of paying again. The stored frame is the model's
validated answer before grounding and merging, so improving those steps (or
the extractive backend they merge with) applies to cached answers for free.

Failed answers (refused, invalid) are recorded too, with their tokens, so the
costs `/stats` reports are complete; only `ok` rows are served from the cache.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from pydantic import ValidationError
from sqlite_utils import Database

from briefings.framing.llm.client import Usage
from briefings.framing.model import StanceFrame

logger = logging.getLogger(__name__)

TABLE = "llm_frames"
OK = "ok"


@dataclass(frozen=True)
class CacheKey:
    """What makes two requests the same request."""

    content_hash: str
    model: str
    prompt_version: str


def content_hash(text: str, title: str | None) -> str:
    """sha256 of headline and text, whitespace folded: a re-fetch that only re-wraps lines is the same story."""
    canonical = " ".join((title or "").split()) + "\n\n" + " ".join(text.split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _where(key: CacheKey) -> tuple[str, list[str]]:
    return "content_hash = ? AND model = ? AND prompt_version = ?", [key.content_hash, key.model, key.prompt_version]


def cached_frame(db: Database, key: CacheKey) -> StanceFrame | None:
    """The stored answer for `key`, or None when there is none (or it no longer validates)."""
    where, params = _where(key)
    row = db.execute(f"SELECT frame FROM {TABLE} WHERE {where} AND status = ?", [*params, OK]).fetchone()
    if row is None or not row[0]:
        return None
    try:
        return StanceFrame.model_validate_json(row[0])
    except ValidationError:
        logger.warning("cached LLM frame %s no longer validates; asking again", key.content_hash[:12])
        return None


def record(
    db: Database,
    key: CacheKey,
    *,
    status: str,
    usage: Usage,
    mode: str | None,
    frame: StanceFrame | None = None,
    error: str | None = None,
    now: datetime | None = None,
) -> None:
    """Store one answer (or why it was unusable) and add its tokens to the key's running totals."""
    where, params = _where(key)
    stamp = (now or datetime.now(UTC)).isoformat()
    with db.conn:
        before = db.execute(
            f"SELECT prompt_tokens, completion_tokens, calls, first_asked FROM {TABLE} WHERE {where}", params
        ).fetchone()
        prompt, completion, calls, first = before or (0, 0, 0, stamp)
        db.table(TABLE).upsert(
            {
                "content_hash": key.content_hash, "model": key.model, "prompt_version": key.prompt_version,
                "status": status, "frame": frame.model_dump_json() if frame is not None else None,
                "error": error, "mode": mode,
                "prompt_tokens": int(prompt or 0) + usage.prompt_tokens,
                "completion_tokens": int(completion or 0) + usage.completion_tokens,
                "calls": int(calls or 0) + 1, "first_asked": first, "last_asked": stamp,
            },
            pk=("content_hash", "model", "prompt_version"),
        )


@dataclass(frozen=True)
class ModelUsage:
    """What one model has framed and cost so far."""

    model: str
    framed: int
    failed: int
    calls: int
    prompt_tokens: int
    completion_tokens: int

    def describe(self) -> str:
        """One human line, e.g. `gpt-4o-mini: 12 stories (1 failed), 48,210 prompt + 6,022 completion tokens`."""
        failed = f" ({self.failed} failed)" if self.failed else ""
        stories = "story" if self.framed == 1 else "stories"
        return (f"{self.model}: {self.framed} {stories}{failed}, "
                f"{self.prompt_tokens:,} prompt + {self.completion_tokens:,} completion tokens")


def usage_totals(db: Database) -> list[ModelUsage]:
    """Token and story totals per model, most used first; empty when the LLM backend never ran."""
    if not db.table(TABLE).exists():
        return []
    rows = db.execute(
        f"SELECT model, sum(status = ?), sum(status != ?), sum(calls), sum(prompt_tokens), sum(completion_tokens) "
        f"FROM {TABLE} GROUP BY model ORDER BY sum(calls) DESC, model",
        [OK, OK],
    ).fetchall()
    return [ModelUsage(str(m), int(ok or 0), int(bad or 0), int(c or 0), int(p or 0), int(q or 0))
            for m, ok, bad, c, p, q in rows]

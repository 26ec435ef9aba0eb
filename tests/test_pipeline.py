"""Framing stored stories: one story's crash loses nothing else and is retried after an upgrade."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlite_utils import Database

from briefings import pipeline
from briefings.framing import frame_text
from briefings.framing.model import StanceFrame
from briefings.pipeline import FAILED_BACKEND, Framer, frame_new_stories

NOW = datetime(2026, 11, 20, 9, tzinfo=UTC)


def add_story(db: Database, story_id: str, text: str) -> None:
    db.table("stories").insert({"id": story_id, "title": story_id, "text": text, "published": NOW.isoformat()},
                               alter=False)


def crashing_on(marker: str) -> Framer:
    def framer(text: str, title: str | None) -> StanceFrame:
        if marker in text:
            raise IndexError("tuple index out of range")
        return frame_text(text, title=title)
    return framer


def test_a_crashing_story_is_marked_failed_and_the_rest_are_framed(fresh_db: Database) -> None:
    add_story(fresh_db, "bad", 'BOOM. "We will see," said Ann Lee.')
    add_story(fresh_db, "good", '"It works," said Tom Reed, a mayor.')
    run = frame_new_stories(fresh_db, framer=crashing_on("BOOM"), now=NOW)
    assert (run.framed, run.failed) == (1, 1)
    backends = {r["story_id"]: r["backend"] for r in fresh_db["frames"].rows}
    assert backends == {"bad": FAILED_BACKEND, "good": "extractive"}


def test_a_failed_story_waits_for_an_upgrade_then_is_framed_again(
        fresh_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    add_story(fresh_db, "bad", 'BOOM. "We will see," said Ann Lee.')
    monkeypatch.setattr(pipeline, "framer_release", lambda: "1.0")
    frame_new_stories(fresh_db, framer=crashing_on("BOOM"), now=NOW)
    again = frame_new_stories(fresh_db, framer=frame_text_framer, now=NOW)
    assert (again.framed, again.failed) == (0, 0)  # the same release: not retried on every poll
    monkeypatch.setattr(pipeline, "framer_release", lambda: "1.1")
    upgraded = frame_new_stories(fresh_db, framer=frame_text_framer, now=NOW)
    assert (upgraded.framed, upgraded.failed) == (1, 0)
    assert fresh_db["frames"].get("bad")["backend"] == "extractive"


def frame_text_framer(text: str, title: str | None) -> StanceFrame:
    return frame_text(text, title=title)

"""Composing a week: debates across stories, aligned sides, who moved, quiet weeks."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from briefings.compose import IsoWeek, compose_briefing, parse_week, strongest_quote, week_bounds, week_of
from briefings.debates import update_debates
from briefings.framing.model import FigureFrame, Number, Side, StanceFrame
from briefings.store.statements import save_frame

QUESTION = "Should the league keep the salary cap or scrap it?"


def fig(name: str, side: str | None, quote: str | None = None, role: str | None = None) -> FigureFrame:
    return FigureFrame(name=name, role=role, side=side, stance=f"{name} speaks for {side}." if side else None,
                       quotes=[quote] if quote else [])


def add(db: Database, story_id: str, when: datetime, frame: StanceFrame, title: str | None = None) -> None:
    db.table("stories").insert({"id": story_id, "title": title or story_id, "link": f"https://example.org/{story_id}",
                                "published": when.isoformat()})
    save_frame(db, story_id=story_id, frame=frame, published=when)
    update_debates(db)  # what `frame_new_stories` does after framing


@pytest.fixture
def league(fresh_db: Database) -> Database:
    """Three weeks of a fictional salary-cap debate in which Sam Dray changes sides."""
    add(fresh_db, "w1", datetime(2026, 11, 10, 9, tzinfo=UTC), StanceFrame(
        question=QUESTION,
        sides=[Side(label="keep", summary="The cap keeps small clubs alive."), Side(label="scrap")],
        figures=[
            fig("Olek Brant", "keep", "Without the cap, three clubs fold within a season.", role="club owner"),
            fig("Ina Vosk", "keep"),
            fig("Tova Rell", "scrap", "Players deserve what the market pays them, nothing less."),
            fig("Sam Dray", "scrap", "The cap is a tax on ambition and it has to go.", role="players' union head"),
            fig("Lia Korn", "observer", role="sports economist"),
            fig("Max Pell", None),
        ],
        numbers=[Number(value="14", context="clubs in the league")],
    ))
    add(fresh_db, "w2", datetime(2026, 11, 17, 9, tzinfo=UTC), StanceFrame(
        question="Will the salary cap survive the owners' vote?",
        sides=[Side(label="cap defenders"), Side(label="cap critics")],
        figures=[
            fig("Olek Brant", "cap defenders"),
            fig("Ina Vosk", "cap defenders"),
            fig("Sam Dray", "cap defenders", "I was wrong about the cap; the smaller clubs need it.",
                role="players' union head"),
            fig("Tova Rell", "cap critics"),
        ],
    ))
    add(fresh_db, "other", datetime(2026, 11, 18, 9, tzinfo=UTC), StanceFrame(
        question="Should the harbour bridge carry trams?",
        figures=[fig("Nadia Ferro", "trams"), fig("Piet Loos", "cars")],
    ))
    return fresh_db


def test_week_one_has_the_debate_and_no_moves(league: Database) -> None:
    briefing = compose_briefing(league, week=IsoWeek(2026, 46))
    [debate] = briefing.debates
    assert debate.question == QUESTION and debate.stories == 1
    sides = {side.label: [f.name for f in side.figures] for side in debate.sides}
    assert sides == {"keep": ["Olek Brant", "Ina Vosk"], "scrap": ["Sam Dray", "Tova Rell"],
                     "observer": ["Lia Korn"]}
    assert debate.sides[-1].label == "observer"
    assert debate.sides[0].summary == "The cap keeps small clubs alive."
    assert briefing.moves == [] and debate.numbers[0].value == "14"


def test_sides_align_across_stories_and_the_mover_is_reported(league: Database) -> None:
    briefing = compose_briefing(league, week=IsoWeek(2026, 47))
    cap, bridge = briefing.debates  # heavier debate first
    assert {f.name for side in cap.sides for f in side.figures} == {"Olek Brant", "Ina Vosk", "Sam Dray",
                                                                    "Tova Rell"}
    keep = next(side for side in cap.sides if side.label == "keep")
    assert {f.name for f in keep.figures} == {"Olek Brant", "Ina Vosk", "Sam Dray"}
    [move] = briefing.moves
    assert move.name == "Sam Dray" and move.role == "players' union head"
    assert (move.before.side, move.after.side) == ("scrap", "keep")
    assert move.before.quote == "The cap is a tax on ambition and it has to go."
    assert move.before.source.published == datetime(2026, 11, 10, 9, tzinfo=UTC)
    assert move.after.source.link == "https://example.org/w2"
    assert bridge.question == "Should the harbour bridge carry trams?"
    assert [s.title for s in briefing.sources] == ["w2", "other"]


def test_quiet_week(league: Database) -> None:
    briefing = compose_briefing(league, week=IsoWeek(2026, 49))
    assert briefing.quiet and briefing.debates == [] and briefing.sources == []
    assert briefing.week == IsoWeek(2026, 49) and briefing.title


def test_same_figure_under_two_spellings_appears_once(fresh_db: Database) -> None:
    add(fresh_db, "a", datetime(2026, 11, 16, 9, tzinfo=UTC), StanceFrame(
        question=QUESTION, figures=[fig("Svetlana Tikhanovskaya", "pressure"), fig("Pavel Latushka", "pressure")]))
    add(fresh_db, "b", datetime(2026, 11, 17, 9, tzinfo=UTC), StanceFrame(
        question=QUESTION, figures=[fig("Sviatlana Tsikhanouskaya", "pressure"), fig("Pavel Latushko", "pressure")]))
    [debate] = compose_briefing(fresh_db, week=IsoWeek(2026, 47)).debates
    assert len(debate.sides[0].figures) == 2 and debate.stories == 2


def test_week_is_read_in_the_readers_time_zone(fresh_db: Database) -> None:
    late_sunday_utc = datetime(2026, 11, 22, 22, 30, tzinfo=UTC)  # Monday 01:30 in Minsk
    add(fresh_db, "edge", late_sunday_utc, StanceFrame(question=QUESTION, figures=[fig("Olek Brant", "keep")]))
    minsk = ZoneInfo("Europe/Minsk")
    assert week_of(late_sunday_utc, minsk) == IsoWeek(2026, 48)
    assert compose_briefing(fresh_db, week=IsoWeek(2026, 48), tz=minsk).debates
    assert not compose_briefing(fresh_db, week=IsoWeek(2026, 48), tz=UTC).debates
    start, end = week_bounds(IsoWeek(2026, 48), minsk)
    assert start.utcoffset() is not None and (end - start).days == 7


def test_parse_week() -> None:
    assert parse_week("2026-W48") == IsoWeek(2026, 48) and str(parse_week("2026w7")) == "2026-W07"
    for bad in ("2026-48", "W48", "2026-W54", ""):
        with pytest.raises(ValueError):
            parse_week(bad)


def test_strongest_quote_prefers_a_full_line() -> None:
    assert strongest_quote([]) is None
    assert strongest_quote(["Too short.", "This one says something worth reading in a briefing."]) == (
        "This one says something worth reading in a briefing.")
    long = "word " * 200
    assert len(strongest_quote([long]) or "") <= 320

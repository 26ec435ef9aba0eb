"""Frames become statements, and `stance` reports a figure across stories and spellings."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from click.testing import CliRunner
from sqlite_utils import Database

from bot.cli import cli
from briefings.framing.model import FigureFrame, StanceFrame
from briefings.pipeline import frame_new_stories
from briefings.stance import lookup_stance
from briefings.store import open_database

WEEK_ONE = StanceFrame(
    question="Should the council build the tram line?",
    figures=[
        FigureFrame(name="Agnieszka Wróblewska", role="city councillor", side="for",
                    stance="Wants the line built now.", quotes=["Every year we wait costs us riders."]),
        FigureFrame(name="Tomasz Zieliński", role="shopkeepers' association head", side="against",
                    quotes=["Two years of digging will empty the street."]),
        FigureFrame(name="Marek Nowicki", role="mayor"),
    ],
)
WEEK_TWO = StanceFrame(
    question="Should the council build the tram line?",
    figures=[
        FigureFrame(name="Tomasz Zielinski", role="shopkeepers' association head", side="for",
                    stance="Now backs the line after the compensation deal.", quotes=["The deal changes things."]),
    ],
)
FRAMES = {"Tram week one": WEEK_ONE, "Tram week two": WEEK_TWO}


def fake_framer(text: str, title: str | None) -> StanceFrame:
    if title == "Broken story":
        raise RuntimeError("framer crashed")
    return FRAMES.get(title or "", StanceFrame())


def seed_stories(db: Database) -> None:
    db.table("stories").insert_all([
        {"id": "a", "title": "Tram week one", "text": "...", "link": "https://example.org/a",
         "published": datetime(2026, 11, 3, 9, tzinfo=UTC).isoformat()},
        {"id": "b", "title": "Tram week two", "text": "...", "link": "https://example.org/b",
         "published": datetime(2026, 11, 10, 9, tzinfo=UTC).isoformat()},
        {"id": "c", "title": "Broken story", "text": "...", "published": None},
    ])


def test_frames_become_statements_once(fresh_db: Database) -> None:
    seed_stories(fresh_db)
    run = frame_new_stories(fresh_db, framer=fake_framer)
    assert (run.framed, run.statements, run.failed) == (2, 4, 1)
    assert "1 could not be framed" in run.describe()
    again = frame_new_stories(fresh_db, framer=fake_framer)
    assert (again.framed, again.failed) == (0, 0)
    assert fresh_db.table("statements").count == 4


def test_stance_follows_a_figure_across_spellings_and_sides(fresh_db: Database) -> None:
    seed_stories(fresh_db)
    frame_new_stories(fresh_db, framer=fake_framer)
    found = lookup_stance(fresh_db, "Zielinski")
    assert found.report is not None
    report = found.report
    assert report.name == "Tomasz Zieliński"
    assert [s.story_id for s in report.statements] == ["b", "a"]
    assert report.aliases == ["Tomasz Zieliński"]  # a spelling with the same key is not a new alias
    [change] = report.changes  # "Now backs the line": a change cue, with his own quotes on both sides
    week_one = lookup_stance(fresh_db, "Wroblewska").report
    assert week_one is not None
    assert change.before.side != change.after.side == week_one.statements[0].side  # debate sides, not "for"
    assert change.after.story_id == "b" and change.before.story_id == "a"


def test_unknown_and_blank_names_give_no_report(fresh_db: Database) -> None:
    seed_stories(fresh_db)
    frame_new_stories(fresh_db, framer=fake_framer)
    assert lookup_stance(fresh_db, "Quentin Blake").report is None
    assert lookup_stance(fresh_db, "!!!").report is None


def make_db(path: Path) -> None:
    db = open_database(path)
    seed_stories(db)
    frame_new_stories(db, framer=fake_framer)


def test_stance_command_text_json_and_misses(db_path: Path) -> None:
    make_db(db_path)
    runner = CliRunner()
    text = runner.invoke(cli, ["stance", "Wroblewska", "--db", str(db_path)])
    assert text.exit_code == 0, text.output
    assert text.output.startswith("Agnieszka Wróblewska\n\ncity councillor\n")  # the chat document, as text
    assert "Every year we wait costs us riders." in text.output and "https://example.org/a" in text.output
    moved = runner.invoke(cli, ["stance", "Tomasz", "Zielinski", "--json", "--db", str(db_path)])
    data = json.loads(moved.output)
    assert data["changes"][0]["from"] != data["changes"][0]["to"]
    assert data["changes"][0]["after"]["story"]["link"] == "https://example.org/b"
    assert data["statements"][0]["side"] == data["changes"][0]["to"]
    assert [s["story"]["id"] for s in data["statements"]] == ["b", "a"]
    near = runner.invoke(cli, ["stance", "Zielonka", "--db", str(db_path)])  # another surname: only a suggestion
    assert near.exit_code == 1 and "did you mean: Tomasz Zieliński?" in near.output
    partial = runner.invoke(cli, ["stance", "Wroblew", "--db", str(db_path)])
    assert partial.exit_code == 1 and "did you mean: Agnieszka Wróblewska?" in partial.output
    nobody = runner.invoke(cli, ["stance", "Xavier Quill", "--db", str(db_path)])
    assert nobody.exit_code == 1 and "nobody called 'Xavier Quill'" in nobody.output
    assert "Traceback" not in nobody.output

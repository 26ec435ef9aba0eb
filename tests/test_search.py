"""Full-text search over stories: what `stance` and `/stance` offer when no figure matches the words."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from bot.cli import cli
from bot.commands import Chat, Request, Sender, Services, dispatch, parse_command
from briefings.render.doc import doc_text
from briefings.schedule import parse_schedule
from briefings.stance import lookup_stance
from briefings.store import open_database
from briefings.store.search import phrase_query, stories_mentioning

POTASH = "The EU widened sanctions on Belaruskali, the potash producer, on Monday."


def seed(db: Database) -> None:
    db.table("stories").insert_all([
        {"id": f"s{day}", "title": f"Potash, day {day}", "text": POTASH if day % 2 else "Nothing on potash firms.",
         "link": f"https://example.org/{day}", "published": datetime(2026, 11, day, 9, tzinfo=UTC).isoformat()}
        for day in range(1, 10)
    ] + [{"id": "undated", "title": "Belaruskali strike", "text": "Workers walked out.", "published": None}])


@pytest.fixture
def db(fresh_db: Database) -> Database:
    seed(fresh_db)
    return fresh_db


def test_stories_mentioning_counts_all_and_lists_the_newest(db: Database) -> None:
    found = stories_mentioning(db, "belaruskali", limit=3)
    assert found.total == 6  # five texts and one title
    assert [hit.id for hit in found.stories] == ["s9", "s7", "s5"]
    assert found.stories[0].published == datetime(2026, 11, 9, 9, tzinfo=UTC)
    assert stories_mentioning(db, "potash producer").total == 5  # a phrase, in order
    assert stories_mentioning(db, "producer potash").total == 0


def test_index_follows_new_stories(db: Database) -> None:
    db.table("stories").insert({"id": "new", "title": "Quarry", "text": "Granitas expands.", "published": None})
    assert stories_mentioning(db, "granitas").total == 1


@pytest.mark.parametrize("text", ['"x" AND y*', "NEAR(a b)", "title:Belaruskali", "a\x00b", "!!!", "   "],
                         ids=["operators", "near", "column-filter", "nul", "punctuation", "blank"])
def test_query_syntax_in_the_words_is_plain_text(db: Database, text: str) -> None:
    assert stories_mentioning(db, text).total == 0


def test_phrase_query_quotes_the_words() -> None:
    assert phrase_query('  say "no"  now ') == '"say ""no"" now"'
    assert phrase_query(" ") is None


def test_lookup_without_a_figure_carries_the_mentions(db: Database) -> None:
    found = lookup_stance(db, "Belaruskali")
    assert found.report is None and found.mentions.total == 6


def test_cli_stance_names_the_stories_that_mention_it(db_path: Path) -> None:
    seed(open_database(db_path))
    result = CliRunner().invoke(cli, ["stance", "Belaruskali", "--db", str(db_path)])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert result.output.startswith("error: no figure named 'Belaruskali'; 6 stories mention it: "
                                    "Potash, day 9 (2026-11-09) https://example.org/9; Potash, day 7")
    assert result.output.rstrip().endswith("; and 3 more")


def test_chat_stance_links_the_stories_that_mention_it(db: Database) -> None:
    services = Services(db=db, schedule=parse_schedule("mon 08:00"), timezone=ZoneInfo("Europe/Minsk"),
                        clock=lambda: datetime(2026, 11, 25, tzinfo=UTC))
    name, args = parse_command("/stance Belaruskali", bot_username="briefbot") or ("", [])
    reply = dispatch(Request(chat=Chat(platform="telegram", id="1"), sender=Sender(id="1"), name=name, args=args,
                             services=services))
    text = doc_text(reply.doc)
    assert "No figure named Belaruskali; 6 stories mention it:" in text
    assert "Potash, day 9 (2026-11-09)" in text and "and 3 more." in text
    links = [span.url for block in reply.doc.blocks for item in getattr(block, "items", ())
             for span in item if hasattr(span, "url")]
    assert links == ["https://example.org/9", "https://example.org/7", "https://example.org/5"]

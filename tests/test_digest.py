"""The digest at issue #14's size: a week of eleven debates fits three Telegram messages and one Slack message.

The week is the shipped sample newsletter plus ten short stories written for
this test (`tests/data/digest_week/`, fictional people), each its own debate.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from bot.commands import Chat, Reply, Request, Sender, Services, dispatch
from bot.slack.blocks import reply_messages
from bot.telegram import telegram_messages
from briefings.compose import Briefing, IsoWeek, compose_briefing
from briefings.feeds import ingest_sources
from briefings.pipeline import frame_new_stories
from briefings.render import briefing_doc, detail_doc, doc_text
from briefings.render.slack import MAX_BLOCKS, SECTION_LIMIT
from briefings.render.words import headline
from briefings.sample import SAMPLE_FEED
from briefings.schedule import parse_schedule
from briefings.store import open_database

TEN = Path(__file__).parent / "data" / "digest_week" / "ten-debates.xml"
WEEK = IsoWeek(2026, 48)
MINSK = ZoneInfo("Europe/Minsk")


@pytest.fixture(scope="module")
def week_db(tmp_path_factory: pytest.TempPathFactory) -> Database:
    db = open_database(tmp_path_factory.mktemp("week") / "week.db")
    for result in ingest_sources(db, [str(SAMPLE_FEED), str(TEN)], full_text=False):
        assert result.ok, result.error
    frame_new_stories(db)
    return db


@pytest.fixture(scope="module")
def week(week_db: Database) -> Briefing:
    return compose_briefing(week_db, week=WEEK, tz=MINSK)


def test_the_fixture_is_a_week_of_eleven_debates(week: Briefing) -> None:
    assert len(week.debates) == 11


def test_eleven_debates_fit_three_telegram_messages_and_ten_thousand_characters(week: Briefing) -> None:
    messages = telegram_messages(briefing_doc(week))
    assert len(messages) <= 3
    assert sum(len(m.html) for m in messages) <= 10_000  # raw HTML: stricter than what the reader sees
    html = "".join(m.html for m in messages)
    for number, debate in enumerate(week.debates, start=1):
        assert f"{number}. " in html and debate.sources[-1].link in html  # every debate, with its link
    assert messages[-1].markup is not None and all(m.markup is None for m in messages[:-1])
    buttons = [b for row in messages[-1].markup.inline_keyboard for b in row]
    assert [b.callback_data for b in buttons] == [f"/story 2026-W48 {n}" for n in range(1, 12)]


def test_eleven_debates_fit_one_slack_message(week: Briefing) -> None:
    [message] = reply_messages(Reply(briefing_doc(week)))
    assert len(message.blocks) <= MAX_BLOCKS
    sections = [b["text"]["text"] for b in message.blocks if b["type"] == "section"]
    assert all(len(text) <= SECTION_LIMIT for text in sections)
    text = "\n".join(sections)
    for debate in week.debates:
        assert debate.sources[-1].link in text
    actions = [e["value"] for b in message.blocks if b["type"] == "actions" for e in b["elements"]]
    assert actions == [f"/story 2026-W48 {n}" for n in range(1, 12)]


def test_digest_lines_are_clean(week: Briefing) -> None:
    text = doc_text(briefing_doc(week))
    assert "The argument over" not in text
    quotes = re.findall(r"“([^”]+)”", text)
    assert quotes and not [q for q in quotes if q.rstrip().endswith((",", ";", ":"))]
    for debate in week.debates:
        title = headline(debate)
        assert title.endswith("?") or title == debate.title


def test_each_detail_view_holds_every_figure_of_its_debate(week: Briefing) -> None:
    for number, debate in enumerate(week.debates, start=1):
        text = doc_text(detail_doc(week, number))
        for side in debate.sides:
            for figure in side.figures:
                assert figure.name in text
        for source in debate.sources:
            assert source.title in text


def services(db: Database) -> Services:
    return Services(db=db, schedule=parse_schedule("mon 08:00"), timezone=MINSK,
                    clock=lambda: datetime(2026, 11, 30, 9, tzinfo=UTC))


def ask(db: Database, line: str, chat: str = "500") -> str:
    name, *args = line[1:].split()
    request = Request(chat=Chat(platform="telegram", id=chat), sender=Sender(id=chat), name=name, args=args,
                      services=services(db))
    return doc_text(dispatch(request).doc)


def test_story_n_shows_that_debate_and_a_bad_n_gets_one_line(week_db: Database, week: Briefing) -> None:
    assert ask(week_db, "/story 2").startswith(f"2. {headline(week.debates[1])}")
    assert ask(week_db, "/story 2026-W48 2") == ask(week_db, "/story 2")
    for bad in ("/story 12", "/story 0", "/story two"):
        assert ask(week_db, bad).count("\n") == 0 and "it has 11" in ask(week_db, bad)
    assert "is not a week" in ask(week_db, "/story lastweek 2")
    assert "Usage: /story N" in ask(week_db, "/story")


def test_topic_filters_number_the_latest_digest_and_its_stories_alike(week_db: Database) -> None:
    ask(week_db, "/subscribe", chat="501")
    ask(week_db, "/settings topics wolves,reactor", chat="501")
    latest = ask(week_db, "/latest", chat="501")
    assert "2 debates" in latest and "reactor" in latest and "Lesna" not in latest
    assert "2. Should hunters be allowed to cull wolves" in latest
    assert ask(week_db, "/story 2", chat="501").startswith("2. Should hunters be allowed to cull wolves")
    assert "it has 2" in ask(week_db, "/story 3", chat="501")


def test_dates_are_in_the_chats_own_time_zone(week_db: Database, week: Briefing) -> None:
    # The reactor story went out at 15:30 UTC on 23 Nov: still the 23rd in Minsk, already the 24th on Kiritimati.
    number = next(n for n, d in enumerate(week.debates, start=1) if "reactor" in headline(d))
    ask(week_db, "/subscribe", chat="502")
    ask(week_db, "/settings mon 08:00 Pacific/Kiritimati", chat="502")
    assert "Oleg Vasilenka, 23 Nov" in ask(week_db, "/latest")  # no settings: the service's zone
    assert "Oleg Vasilenka, 24 Nov" in ask(week_db, "/latest", chat="502")
    assert "24 Nov" in ask(week_db, f"/story {number}", chat="502")
    assert "24 Nov 2026" in ask(week_db, "/stance Vasilenka", chat="502")
    assert "23 Nov 2026" in ask(week_db, "/stance Vasilenka")

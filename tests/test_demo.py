"""The no-token demo and `preview`: the whole product from the sample newsletter, offline."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from click.testing import CliRunner
from rich.console import Console
from sqlite_utils import Database

from bot.cli import cli
from bot.commands import Sender, Services
from bot.console import answer, show
from briefings.feeds import ingest_sources
from briefings.pipeline import frame_new_stories
from briefings.sample import SAMPLE_FEED
from briefings.schedule import parse_schedule


def test_demo_prints_the_briefing_and_exits(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["demo", "--no-chat"])
    assert result.exit_code == 0, result.output
    assert "fictional people" in result.output
    assert "framed 12 stories" in result.output
    assert "Who moved" in result.output and "Source:" in result.output
    assert "[More on 1] /story 2026-W48 1" in result.output  # the digest's buttons, as commands to type
    assert "Traceback" not in result.output


def test_demo_console_is_the_throwaway_databases_admin() -> None:
    lines = "/story 1\n/story 9\n/brief_now\n"
    result = CliRunner().invoke(cli, ["demo"], input=lines)
    assert result.exit_code == 0, result.output
    chat = " ".join(result.output.split("Console chat:", 1)[1].split())
    assert "You are this throw-away database's admin" in chat
    assert "1. Hrytsevich rejects" in chat and "Aliaksandra Hrytsevich" in chat  # /story 1: the debate in full
    assert "No debate 9 in the latest briefing" in chat
    assert "Preview." in chat and "/brief_now confirm " in chat  # the admin's preview, with its buttons


def test_console_confirms_a_preview_and_says_who_delivers(fresh_db: Database) -> None:
    list(ingest_sources(fresh_db, [str(SAMPLE_FEED)], full_text=False))
    frame_new_stories(fresh_db)
    services = Services(db=fresh_db, schedule=parse_schedule("mon 08:00"), timezone=ZoneInfo("Europe/Minsk"),
                        clock=lambda: datetime(2026, 11, 30, 12, tzinfo=UTC))
    admin = Sender(id="demo", is_admin=True)
    preview = answer("/brief_now", services=services, sender=admin)
    confirm = next(b.action for row in preview.button_rows for b in row if "confirm" in b.action)
    out = io.StringIO()
    show(answer(confirm, services=services, sender=admin), Console(file=out, width=200, color_system=None))
    assert "Sending 2026-W48 to 0 chats" in out.getvalue() and "briefing-bot run delivers" in out.getvalue()


def test_demo_with_a_database_file_says_it_writes_there(tmp_path: Path) -> None:
    db = tmp_path / "mine.db"
    result = CliRunner().invoke(cli, ["demo", "--db", str(db), "--no-chat"])
    assert result.exit_code == 0, result.output
    assert f"Writing the sample newsletter into {db}" in " ".join(result.output.split())
    assert db.exists()
    chat = CliRunner().invoke(cli, ["demo", "--db", str(db)], input="/brief_now\n").output
    assert "for the bot's admins" in chat  # a real file's subscribers are not the demo's to broadcast to


def test_demo_chat_answers_reader_commands_until_eof(tmp_path: Path) -> None:
    lines = "/stance Gritsevich\n/figures\n/latest\n/help\n/nonsense\nplain words\n/stance Nobody Atall\n"
    result = CliRunner().invoke(cli, ["demo"], input=lines)
    assert result.exit_code == 0, result.output
    chat = result.output.split("Console chat:", 1)[1]
    assert "Hrytsevich" in chat  # the variant spelling found the figure
    assert "Who stands where" in chat
    assert "I don't know /nonsense" in chat and "I answer commands" in chat
    assert "Nobody called Nobody Atall" in chat


def test_preview_in_every_format(tmp_path: Path) -> None:
    db = str(tmp_path / "b.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(SAMPLE_FEED), "--no-full-text", "--db", db]).exit_code == 0
    telegram = runner.invoke(cli, ["preview", "--format", "telegram", "--db", db])
    assert telegram.exit_code == 0 and "--- message 1 of" in telegram.output and "<b>" in telegram.output
    slack = runner.invoke(cli, ["preview", "--format", "slack", "--db", db])
    messages = json.loads(slack.output)
    assert messages and all(len(m["blocks"]) <= 50 and m["text"] for m in messages)
    markdown = runner.invoke(cli, ["preview", "--format", "markdown", "--week", "2026-W47", "--db", db])
    assert markdown.exit_code == 0 and markdown.output.startswith("#")
    text = runner.invoke(cli, ["preview", "--db", db])
    assert text.exit_code == 0 and "Source:" in text.output
    quiet = runner.invoke(cli, ["preview", "--week", "2020-W01", "--db", db])
    assert quiet.exit_code == 0 and "quiet" in quiet.output.lower()
    bad = runner.invoke(cli, ["preview", "--week", "last week", "--db", db])
    assert bad.exit_code == 2 and "not an ISO week" in bad.output

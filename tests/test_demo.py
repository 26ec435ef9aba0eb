"""The no-token demo and `preview`: the whole product from the sample newsletter, offline."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from bot.cli import cli
from briefings.sample import SAMPLE_FEED


def test_demo_prints_the_briefing_and_exits(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["demo", "--no-chat"])
    assert result.exit_code == 0, result.output
    assert "fictional people" in result.output
    assert "framed 12 stories" in result.output
    assert "Who moved" in result.output and "Sources" in result.output
    assert "Traceback" not in result.output


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
    assert text.exit_code == 0 and "Sources" in text.output
    quiet = runner.invoke(cli, ["preview", "--week", "2020-W01", "--db", db])
    assert quiet.exit_code == 0 and "quiet" in quiet.output.lower()
    bad = runner.invoke(cli, ["preview", "--week", "last week", "--db", db])
    assert bad.exit_code == 2 and "not an ISO week" in bad.output

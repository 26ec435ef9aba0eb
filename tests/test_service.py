"""`briefing-bot run` as a real process: starts, beats its heart, answers, stops cleanly on SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from bot.cli import cli
from tests.fakes.telegram_api import FakeTelegram


def test_run_without_a_token_says_what_to_set() -> None:
    result = CliRunner().invoke(cli, ["run"])
    assert result.exit_code == 2
    assert "TELEGRAM_BOT_TOKEN" in result.output and "briefing-bot demo" in result.output
    assert "Traceback" not in result.output


def test_run_with_a_refused_token_is_one_line() -> None:
    with FakeTelegram() as tg:
        result = CliRunner().invoke(cli, ["run"], env={"TELEGRAM_BOT_TOKEN": "42:not-the-token",
                                                      "TELEGRAM_API_URL": tg.url})
    assert result.exit_code == 2 and "Telegram refused TELEGRAM_BOT_TOKEN" in result.output
    assert "not-the-token" not in result.output


def test_the_service_runs_answers_is_healthy_and_stops_on_sigterm(tmp_path: Path) -> None:
    db = tmp_path / "service.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "SLACK_", "BRIEFING_"))}
    with FakeTelegram() as tg:
        tg.add_user(7, "Ana")
        env.update(TELEGRAM_BOT_TOKEN=tg.token, TELEGRAM_API_URL=tg.url, BRIEFING_DB=str(db), BRIEFING_FEEDS="",
                   PTB_TIMEDELTA="true")
        proc = subprocess.Popen([sys.executable, "-m", "bot", "run"], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 30
            while not tg.commands and time.monotonic() < deadline:
                assert proc.poll() is None
                time.sleep(0.1)
            tg.send_text(7, None, "/help")
            while not tg.texts_to(7) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert "Commands" in tg.texts_to(7)[0]
            health = CliRunner().invoke(cli, ["health", "--db", str(db)])
            assert health.exit_code == 0 and "alive" in health.output
            proc.send_signal(signal.SIGTERM)
            output = proc.communicate(timeout=30)[0].decode()
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
    assert proc.returncode == 0, output
    assert "stopping" in output and "stopped" in output
    assert tg.token not in output  # the token is in every Bot API URL, and never in the log

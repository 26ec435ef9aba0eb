"""`briefing-bot run` as a real process: starts, beats its heart, answers, stops cleanly on SIGTERM.

With a platform unreachable (a closed port on 127.0.0.1) it says so in one line, keeps the scheduler
running, retries, and connects once the platform is there.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from tests.fakes.slack_api import free_port
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


def service_env(db: Path, **settings: str) -> dict[str, str]:
    """The environment of a service process: ours without operator settings, plus `settings`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "SLACK_", "BRIEFING_"))}
    env.update(BRIEFING_DB=str(db), BRIEFING_FEEDS="", PTB_TIMEDELTA="true", **settings)
    return env


def start_service(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "bot", "run"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def wait_until_healthy(proc: subprocess.Popen[bytes], db: Path, *, seconds: float = 30) -> None:
    """Until `briefing-bot health` passes, i.e. the scheduler beat its heart; the process must stay up."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()[1].decode()
        if db.exists() and CliRunner().invoke(cli, ["health", "--db", str(db)]).exit_code == 0:
            return
        time.sleep(0.2)
    raise AssertionError("no heartbeat")


def stop_service(proc: subprocess.Popen[bytes]) -> str:
    """SIGTERM, then the process's stderr; it must exit 0."""
    proc.send_signal(signal.SIGTERM)
    try:
        stderr = proc.communicate(timeout=30)[1].decode()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, stderr
    return stderr


@pytest.mark.parametrize("platform", ["telegram", "slack"])
def test_an_unreachable_platform_is_one_line_and_the_service_stays_up(tmp_path: Path, platform: str) -> None:
    db, port = tmp_path / "service.db", free_port()
    closed = f"http://127.0.0.1:{port}"
    if platform == "telegram":
        settings = {"TELEGRAM_BOT_TOKEN": "42:secret-token", "TELEGRAM_API_URL": closed}
        line = f"Telegram is unreachable at {closed} ("
    else:
        settings = {"SLACK_BOT_TOKEN": "xoxb-secret-token", "SLACK_SIGNING_SECRET": "signing-secret",
                    "SLACK_API_URL": f"{closed}/api/", "SLACK_PORT": str(free_port())}
        line = f"Slack is unreachable at {closed}/api/ ("
    proc = start_service(service_env(db, **settings))
    wait_until_healthy(proc, db)
    stderr = stop_service(proc)
    assert "Traceback" not in stderr
    unreachable = [text for text in stderr.splitlines() if line in text]
    assert unreachable and unreachable[0].endswith("retrying in 5 s"), stderr
    assert "stopped" in stderr and "secret-token" not in stderr


def test_the_adapter_connects_when_telegram_comes_up_later(tmp_path: Path) -> None:
    db, port = tmp_path / "service.db", free_port()
    proc = start_service(service_env(db, TELEGRAM_BOT_TOKEN=FakeTelegram().token,
                                     TELEGRAM_API_URL=f"http://127.0.0.1:{port}"))
    try:
        wait_until_healthy(proc, db)  # up and beating while Telegram is still down
        with FakeTelegram(port=port) as tg:
            tg.add_user(7, "Ana")
            deadline = time.monotonic() + 30
            while not tg.commands and time.monotonic() < deadline:  # the first retry comes 5 s after start
                assert proc.poll() is None
                time.sleep(0.1)
            tg.send_text(7, None, "/help")
            while not tg.texts_to(7) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert tg.texts_to(7) and "Commands" in tg.texts_to(7)[0]
            stderr = stop_service(proc)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert "Traceback" not in stderr
    assert "Telegram is reachable again: connected" in stderr and "polling as @" in stderr


def test_a_token_refused_once_telegram_is_back_ends_the_service_with_exit_2(tmp_path: Path) -> None:
    db, port = tmp_path / "service.db", free_port()
    proc = start_service(service_env(db, TELEGRAM_BOT_TOKEN="42:not-the-token",
                                     TELEGRAM_API_URL=f"http://127.0.0.1:{port}"))
    try:
        wait_until_healthy(proc, db)
        with FakeTelegram(port=port):  # knows another token
            stderr = proc.communicate(timeout=30)[1].decode()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 2, stderr
    assert stderr.rstrip().splitlines()[-1] == \
        "error: Telegram refused TELEGRAM_BOT_TOKEN: copy the token @BotFather gave you"
    assert "Traceback" not in stderr and "not-the-token" not in stderr


@pytest.mark.parametrize("fake", ["closed", "refusing"])
def test_broadcast_with_telegram_down_or_refusing_is_one_line(tmp_path: Path, fake: str) -> None:
    db = tmp_path / "b.db"
    env = {"BRIEFING_DB": str(db), "BRIEFING_FEEDS": "", "TELEGRAM_BOT_TOKEN": "42:secret-token"}
    if fake == "closed":
        result = CliRunner().invoke(cli, ["broadcast", "--yes"],
                                    env={**env, "TELEGRAM_API_URL": f"http://127.0.0.1:{free_port()}"})
        assert result.exit_code == 1 and "Telegram is unreachable" in result.output, result.output
    else:
        with FakeTelegram() as tg:
            result = CliRunner().invoke(cli, ["broadcast", "--yes"], env={**env, "TELEGRAM_API_URL": tg.url})
        assert result.exit_code == 2 and "Telegram refused TELEGRAM_BOT_TOKEN" in result.output, result.output
    assert "Traceback" not in result.output and "secret-token" not in result.output
    assert result.output.count("error:") == 1

"""Settings: defaults, parsing, and one clear line (exit 2) for every bad value."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.config import SettingsError, load_settings


def test_defaults_match_the_interface() -> None:
    settings = load_settings(None)
    assert settings.briefing_db == Path("./data/briefings.db")
    assert settings.briefing_poll_minutes == 60
    assert settings.briefing_schedule == "mon 08:00"
    assert settings.briefing_timezone == "Europe/Minsk"
    assert settings.telegram_api_url == "https://api.telegram.org"
    assert settings.telegram_rate_per_second == 30
    assert settings.slack_api_url == "https://slack.com/api/"
    assert settings.slack_port == 3000
    assert settings.slack_rate_per_second == 20
    assert settings.summariser == "extractive"
    assert settings.log_level == "INFO"
    assert settings.telegram_admin_ids == [] and settings.slack_admin_ids == []
    assert settings.telegram_bot_token is None and settings.briefing_feeds


def test_private_networks_are_refused_unless_the_operator_allows_them(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings(None).outbound_policy.allow_private is False
    monkeypatch.setenv("ALLOW_PRIVATE_NETWORKS", "true")
    assert load_settings(None).outbound_policy.allow_private is True
    monkeypatch.setenv("ALLOW_PRIVATE_NETWORKS", "sometimes")
    with pytest.raises(SettingsError, match="^bad setting ALLOW_PRIVATE_NETWORKS: "):
        load_settings(None)


def test_environment_and_env_file_are_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text("BRIEFING_SCHEDULE=Friday 9:30\nTELEGRAM_ADMIN_IDS=12, 34\nBRIEFING_FEEDS=a.xml,https://x/feed\n")
    monkeypatch.setenv("BRIEFING_TIMEZONE", "Europe/Warsaw")
    settings = load_settings(env)
    assert settings.briefing_schedule == "fri 09:30"
    assert settings.schedule.weekday == 4 and settings.schedule.hour == 9
    assert settings.telegram_admin_ids == [12, 34]
    assert settings.briefing_feeds == ["a.xml", "https://x/feed"]
    assert settings.timezone.key == "Europe/Warsaw"


def test_blank_token_counts_as_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "  ")
    assert load_settings(None).telegram_bot_token is None


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("BRIEFING_SCHEDULE", "every monday", "BRIEFING_SCHEDULE"),
        ("BRIEFING_SCHEDULE", "mon 25:00", "not a time of day"),
        ("BRIEFING_SCHEDULE", "xyz 08:00", "not a weekday"),
        ("BRIEFING_TIMEZONE", "Mars/Olympus", "not an IANA time zone"),
        ("TELEGRAM_ADMIN_IDS", "123,@alice", "'@alice' is not a numeric Telegram user id"),
        ("BRIEFING_POLL_MINUTES", "soon", "BRIEFING_POLL_MINUTES"),
        ("SLACK_PORT", "70000", "SLACK_PORT"),
        ("SLACK_RATE_PER_SECOND", "0", "SLACK_RATE_PER_SECOND"),
        ("SUMMARISER", "gpt", "SUMMARISER"),
    ],
    ids=["schedule-shape", "schedule-hour", "schedule-day", "timezone", "admin-id", "poll", "port", "slack-rate",
         "summariser"],
)
def test_bad_setting_is_one_line_naming_it(monkeypatch: pytest.MonkeyPatch, name: str, value: str, words: str) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as caught:
        load_settings(None)
    message = str(caught.value)
    assert name in message and words in message and "\n" not in message


def test_secret_values_are_never_echoed_in_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_API_KEY", "sk-verysecret")
    monkeypatch.setenv("SLACK_PORT", "sk-verysecret")
    with pytest.raises(SettingsError) as caught:
        load_settings(None)
    assert "SLACK_PORT" in str(caught.value)


@pytest.mark.parametrize(
    ("env", "words"),
    [
        ({"BRIEFING_TIMEZONE": "Nowhere/Town"}, "BRIEFING_TIMEZONE"),
        ({"TELEGRAM_ADMIN_IDS": "abc"}, "TELEGRAM_ADMIN_IDS"),
        ({"BRIEFING_SCHEDULE": "someday"}, "BRIEFING_SCHEDULE"),
    ],
    ids=["timezone", "admin-id", "schedule"],
)
def test_cli_stops_with_exit_2_and_no_traceback(env: dict[str, str], words: str) -> None:
    result = CliRunner().invoke(cli, ["health"], env=env)
    assert result.exit_code == 2
    assert words in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_db_path_that_is_a_folder_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["health"], env={"BRIEFING_DB": str(tmp_path)})
    assert result.exit_code == 2 and "BRIEFING_DB" in result.output and "is a folder" in result.output
    flag = CliRunner().invoke(cli, ["health", "--db", str(tmp_path)])
    assert flag.exit_code == 2 and "is a directory" in flag.output


def test_db_path_under_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "plain-file").write_text("x")
    result = CliRunner().invoke(cli, ["health"], env={"BRIEFING_DB": str(tmp_path / "plain-file" / "b.db")})
    assert result.exit_code == 2 and "BRIEFING_DB" in result.output and "cannot write" in result.output
    assert "Traceback" not in result.output

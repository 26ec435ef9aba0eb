"""Socket Mode smoke test: the real slack-sdk Socket Mode client connects to the fake's WebSocket."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import PlatformAuthError
from bot.slack import start_slack
from tests.fakes.slack_api import FakeSlack
from tests.test_slack import CHANNEL, READER, seed, slack_settings


async def test_a_slash_command_over_socket_mode_is_acked_and_answered(db_path: Path) -> None:
    async with FakeSlack() as slack:
        slack.add_channel(CHANNEL, "readers")
        settings = slack_settings(slack, slack_app_token=slack.app_token, slack_signing_secret="")
        running = await start_slack(settings, seed(db_path))
        try:
            assert running.mode == "socket" and running.url is None
            envelope = await slack.send_envelope("slash_commands", {
                "command": "/briefing", "text": "stance Ferro", "user_id": READER, "user_name": "rui",
                "channel_id": CHANNEL, "channel_name": "readers", "team_id": "T0FAKE", "api_app_id": "A0FAKE",
                "response_url": slack.response_url(), "trigger_id": "t1",
            })
            await slack.wait_for(lambda: envelope in slack.acks)
            [reply] = await slack.wait_for(lambda: slack.posted_in(CHANNEL))
            assert "Nadia Ferro" in reply.shown and slack.violations == []
        finally:
            await running.stop()
            await running.stop()  # stopping twice is harmless


async def test_a_refused_app_token_is_a_clear_start_up_error(db_path: Path) -> None:
    async with FakeSlack(app_token="xapp-the-right-one") as slack:
        settings = slack_settings(slack, slack_app_token="xapp-a-wrong-one", slack_signing_secret="")
        with pytest.raises(PlatformAuthError, match="SLACK_APP_TOKEN"):
            await start_slack(settings, seed(db_path))

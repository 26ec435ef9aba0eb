"""Connecting at start-up: now if the platform answers, else retried with capped back-off; a refused token ends it."""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.connect import Connector, delays
from bot.errors import PlatformAuthError, PlatformUnreachable


def test_delays_double_from_five_seconds_up_to_five_minutes() -> None:
    wait = delays()
    assert [wait() for _ in range(9)] == [5, 10, 20, 40, 80, 160, 300, 300, 300]


class Platform:
    """Answers each attempt from a script: an exception to raise, or a value to connect with."""

    def __init__(self, *script: object) -> None:
        self.script = list(script)
        self.attempts = 0

    async def attempt(self) -> str:
        self.attempts += 1
        step = self.script.pop(0)
        if isinstance(step, BaseException):
            raise step
        return str(step)


async def until(condition: object, seconds: float = 5) -> None:
    async def poll() -> None:
        while not condition():  # type: ignore[operator]
            await asyncio.sleep(0.005)

    await asyncio.wait_for(poll(), seconds)


async def test_an_unreachable_platform_is_retried_in_the_background_until_it_answers(
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="bot.connect")
    down = PlatformUnreachable("Telegram is unreachable at http://127.0.0.1:9 (refused)")
    platform, connected = Platform(down, down, "up"), []
    connector: Connector[str] = Connector(stop=asyncio.Event(), first=0.01, cap=0.02)
    await connector.connect("Telegram", platform.attempt, connected.append)
    assert connected == []  # start-up goes on without it
    await until(lambda: connected)
    assert connected == ["up"] and platform.attempts == 3
    lines = [r.getMessage() for r in caplog.records]
    assert lines[:2] == ["Telegram is unreachable at http://127.0.0.1:9 (refused); retrying in 0 s"] * 2
    assert lines[-1] == "Telegram is reachable again: connected"
    assert all(r.exc_info is None for r in caplog.records)  # one line each, no traceback
    await connector.close()


async def test_a_token_refused_on_the_first_attempt_stops_start_up() -> None:
    connector: Connector[str] = Connector(stop=asyncio.Event())
    with pytest.raises(PlatformAuthError):
        await connector.connect("Slack", Platform(PlatformAuthError("Slack refused SLACK_BOT_TOKEN")).attempt,
                                lambda value: None)


async def test_a_token_refused_on_a_retry_stops_the_service_with_the_error() -> None:
    stop = asyncio.Event()
    refused = PlatformAuthError("Telegram refused TELEGRAM_BOT_TOKEN")
    connector: Connector[str] = Connector(stop=stop, first=0.01)
    await connector.connect("Telegram", Platform(PlatformUnreachable("down"), refused).attempt, lambda value: None)
    await asyncio.wait_for(stop.wait(), 5)
    assert connector.fatal is refused
    await connector.close()


async def test_stopping_ends_the_retries() -> None:
    stop = asyncio.Event()
    platform = Platform(PlatformUnreachable("down"), "never reached")
    connector: Connector[str] = Connector(stop=stop, first=60)
    await connector.connect("Slack", platform.attempt, lambda value: None)
    stop.set()
    await asyncio.wait_for(connector.close(), 1)
    assert platform.attempts == 1 and connector.fatal is None

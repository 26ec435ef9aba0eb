"""SlackSender against the fake Web API: each Slack failure becomes the SendResult delivery acts on."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.config import load_settings
from bot.slack import RequestGate, SlackSender, make_client
from briefings.render.doc import Doc, Heading, Paragraph, spans
from briefings.render.slack import SlackMessage
from tests.fakes.slack_api import FakeSlack, free_port, sign

CHANNEL = "C0READERS"
HELLO = SlackMessage(text="Hello", blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": "*Hello*"}}])


@pytest.fixture
async def slack() -> AsyncIterator[FakeSlack]:
    async with FakeSlack() as fake:
        fake.add_channel(CHANNEL, "readers")
        yield fake


def sender_for(slack: FakeSlack, api_url: str | None = None) -> SlackSender:
    settings = load_settings(env_file=None, slack_bot_token=slack.bot_token, slack_api_url=api_url or slack.api_url)
    return SlackSender(make_client(settings, retries=False))


async def test_render_and_send_a_briefing(slack: FakeSlack) -> None:
    sender = sender_for(slack)
    doc = Doc.of(Heading("Weekly briefing"), Paragraph(spans("Who argued what. " * 400)))
    messages = sender.render(doc)
    assert sender.platform == "slack" and messages
    for message in messages:
        assert (await sender.send(CHANNEL, message)).ok
    assert len(slack.posted_in(CHANNEL)) == len(messages) and slack.violations == []


async def test_ratelimited_comes_back_with_retry_after_and_is_not_retried_behind_our_back(slack: FakeSlack) -> None:
    slack.fail_next("chat.postMessage", "ratelimited", status=429, retry_after=7)
    result = await sender_for(slack).send(CHANNEL, HELLO)
    assert result.retry_after == 7 and not result.ok and result.gone is None
    assert len(slack.calls_of("chat.postMessage")) == 1  # slack-sdk did not sleep and retry inside send


@pytest.mark.parametrize("error", ["channel_not_found", "not_in_channel", "is_archived", "account_inactive"])
async def test_a_channel_that_cannot_receive_is_gone(slack: FakeSlack, error: str) -> None:
    slack.fail_next("chat.postMessage", error)
    result = await sender_for(slack).send(CHANNEL, HELLO)
    assert result.gone == error and not result.ok


async def test_an_archived_channel_and_a_kicked_bot_are_gone(slack: FakeSlack) -> None:
    sender = sender_for(slack)
    slack.archive(CHANNEL)
    assert (await sender.send(CHANNEL, HELLO)).gone == "is_archived"
    slack.add_channel("C0KICKED", "old", member=False)
    assert (await sender.send("C0KICKED", HELLO)).gone == "not_in_channel"
    assert (await sender.send("C0NOWHERE", HELLO)).gone == "channel_not_found"


async def test_a_message_slack_refuses_is_a_permanent_error(slack: FakeSlack) -> None:
    too_many = SlackMessage(text="x", blocks=[{"type": "divider"}] * 51)
    result = await sender_for(slack).send(CHANNEL, too_many)
    assert result.permanent and result.error == "invalid_blocks"
    slack.violations.clear()  # the fake recorded the breach we provoked on purpose
    slack.fail_next("chat.postMessage", "msg_too_long")
    assert (await sender_for(slack).send(CHANNEL, HELLO)).permanent


async def test_server_errors_and_network_failures_are_transient(slack: FakeSlack) -> None:
    slack.fail_next("chat.postMessage", "internal_error", status=503)
    result = await sender_for(slack).send(CHANNEL, HELLO)
    assert result.error and not result.permanent and result.gone is None and result.retry_after is None
    offline = await sender_for(slack, api_url=f"http://127.0.0.1:{free_port()}/api/").send(CHANNEL, HELLO)
    assert offline.error and offline.error.startswith("network") and not offline.permanent


def test_request_gate_checks_signature_age_and_replays() -> None:
    now = 1_800_000_000.0
    gate = RequestGate("secret", clock=lambda: now)
    stamp, body = str(int(now) - 10), b"command=%2Fbriefing&text=help"
    good = sign("secret", stamp, body.decode())
    assert gate.refuse(body, stamp, "v0=" + "0" * 64) == "bad signature"
    assert gate.refuse(body, None, good) == "no signature"
    assert gate.refuse(body, "soon", good) == "malformed timestamp"
    assert gate.refuse(body, stamp, good) is None
    assert gate.refuse(body, stamp, good) == "replayed request"
    old = str(int(now) - 301)
    assert "more than 300 s" in (gate.refuse(body, old, sign("secret", old, body.decode())) or "")

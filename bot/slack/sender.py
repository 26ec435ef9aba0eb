"""Delivery to Slack: one message to one channel, with Slack's failures in the terms delivery acts on.

    SlackSender.send(channel, message) -> SendResult
        ok                       chat.postMessage accepted it
        retry_after=N            429 `ratelimited` (N from the Retry-After header)
        gone="..."               the channel can no longer receive: delivery unsubscribes it
        error, permanent=True    Slack refused this message itself (bad blocks, too long): retrying won't help
        error                    network failure, timeout, 5xx: delivery retries with back-off

The sender's client has no retry handlers: slack-sdk's default one retries a
dropped connection once, which could post a message twice, and its optional
rate-limit handler would sleep inside `send` where the delivery engine can't
see it. So every failure comes straight back here and the ledger decides.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.commands import Reply
from bot.delivery import SendResult
from bot.slack.blocks import reply_messages
from briefings.render.doc import Doc
from briefings.render.slack import SlackMessage

logger = logging.getLogger(__name__)

GONE_ERRORS = frozenset({
    "channel_not_found", "not_in_channel", "is_archived", "account_inactive", "channel_is_archived",
    "user_disabled", "team_access_not_granted", "cannot_dm_bot",
})
PERMANENT_ERRORS = frozenset({
    "invalid_blocks", "invalid_blocks_format", "msg_too_long", "too_many_attachments", "no_text",
    "invalid_arguments", "invalid_form_data", "restricted_action", "missing_scope", "not_authed", "invalid_auth",
    "token_revoked", "message_limit_exceeded",
})
DEFAULT_RETRY_AFTER = 30.0  # seconds, when a 429 comes without a usable Retry-After header


def _header(headers: Mapping[str, Any] | None, name: str) -> str | None:
    if not headers:
        return None
    for key, value in headers.items():
        if key.lower() == name.lower():
            return str(value[0] if isinstance(value, list) and value else value)
    return None


def error_code(error: SlackApiError) -> str:
    """Slack's error code (`ratelimited`, `channel_not_found`), or '' when the answer carried none."""
    data = getattr(error.response, "data", None)
    return str(data.get("error") or "") if isinstance(data, dict) else ""


def send_result_for(error: SlackApiError) -> SendResult:
    """Map a refused Web API call to what delivery should do about it."""
    response = error.response
    status = int(getattr(response, "status_code", 0) or getattr(response, "status", 0) or 0)
    code = error_code(error)
    if status == 429 or code == "ratelimited":
        raw = _header(getattr(response, "headers", None), "Retry-After")
        try:
            wait = max(float(raw), 0.0) if raw is not None else DEFAULT_RETRY_AFTER
        except ValueError:
            wait = DEFAULT_RETRY_AFTER
        return SendResult(retry_after=wait, error="ratelimited")
    if code in GONE_ERRORS:
        return SendResult(gone=code, error=code)
    if code in PERMANENT_ERRORS:
        return SendResult(error=code, permanent=True)
    if status >= 500 or not code:
        return SendResult(error=f"Slack answered HTTP {status}" + (f" ({code})" if code else ""))
    return SendResult(error=code)  # an error we don't know: retried, and after MAX_ATTEMPTS marked failed


class SlackSender:
    """The Slack side of delivery: `render` a briefing into messages, `send` each one to a channel."""

    platform = "slack"

    def __init__(self, client: AsyncWebClient) -> None:
        self.client = client

    def render(self, doc: Doc) -> Sequence[SlackMessage]:
        """The Block Kit messages that carry `doc`, each within Slack's limits, its buttons under the last."""
        return reply_messages(Reply(doc))

    async def send(self, chat_id: str, message: Any) -> SendResult:
        """Post one message; never raise for a platform or network failure."""
        kwargs = message.as_kwargs() if isinstance(message, SlackMessage) else dict(message)
        try:
            await self.client.chat_postMessage(channel=chat_id, **kwargs)
        except SlackApiError as exc:
            result = send_result_for(exc)
            logger.info("Slack refused a message to %s: %s", chat_id, result.error)
            return result
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            logger.warning("Slack unreachable sending to %s: %s", chat_id, type(exc).__name__)
            return SendResult(error=f"network: {type(exc).__name__}")
        except Exception:  # slack-sdk can fail on an odd body (a proxy's HTML page); retry rather than crash
            logger.exception("unexpected failure sending to Slack channel %s", chat_id)
            return SendResult(error="unexpected response from Slack")
        return SendResult(ok=True)

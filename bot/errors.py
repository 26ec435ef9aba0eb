"""Errors the chat adapters raise at start-up, for the service and the CLI to turn into one line.

    PlatformAuthError      a platform refused our token (Slack `invalid_auth`, Telegram 401): exit 2
    PlatformUnreachable    a platform could not be reached (DNS, refused, timed out, 5xx): retried with back-off
"""

from __future__ import annotations


class PlatformAuthError(Exception):
    """A chat platform refused the configured token; the message names the setting, never its value."""


class PlatformUnreachable(Exception):
    """A chat platform did not answer; the message names the platform, its URL and the reason, never a token."""

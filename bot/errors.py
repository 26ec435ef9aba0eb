"""Errors the chat adapters raise at start-up, for the CLI to turn into one line.

    PlatformAuthError    a platform refused our token (Slack `invalid_auth`, Telegram 401): exit 2
"""

from __future__ import annotations


class PlatformAuthError(Exception):
    """A chat platform refused the configured token; the message names the setting, never its value."""

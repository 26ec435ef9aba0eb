"""Every chat command, written once and platform-neutral; adapters translate to and from platforms.

Importing this package registers all commands (reader, subscription, admin).
"""

from __future__ import annotations

from bot.commands import admin, channels, reader, subscription
from bot.commands.core import (
    Button,
    Chat,
    Command,
    Reply,
    Request,
    Sender,
    Services,
    commands,
    dispatch,
    parse_command,
)

__all__ = [
    "Button",
    "Chat",
    "Command",
    "Reply",
    "Request",
    "Sender",
    "Services",
    "admin",
    "channels",
    "commands",
    "dispatch",
    "parse_command",
    "reader",
    "subscription",
]

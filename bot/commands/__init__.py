"""Every chat command, written once and platform-neutral; adapters translate to and from platforms.

Importing this package registers all commands (reader, subscription, admin).
"""

from __future__ import annotations

from bot.commands import admin, channels, feedlist, reader, subscription
from bot.commands.core import (
    Attachment,
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
    "Attachment",
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
    "feedlist",
    "parse_command",
    "reader",
    "subscription",
]

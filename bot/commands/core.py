"""The platform-neutral command model: who asked what, where, and what to answer.

Every chat command is written once as a plain function `(Request) -> Reply`.
Adapters (Telegram, Slack, console) only translate: they build a `Request`
from a platform update and render the `Reply` document their way. Permission
checks live here, once, in `dispatch`, so no adapter can forget one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Protocol
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from bot import messages
from briefings.feeds.outbound import PUBLIC_ONLY, OutboundPolicy
from briefings.framing.llm import Framer
from briefings.framing.llm.framer import EXTRACTIVE
from briefings.pipeline import extractive_framer
from briefings.render.doc import Action, Doc
from briefings.schedule import WeeklySchedule

logger = logging.getLogger(__name__)

Who = Literal["anyone", "chat_admin", "subscriber", "admin"]


@dataclass(frozen=True)
class Chat:
    """Where a command was sent: platform, chat id, and whether it is a private chat or a group."""

    platform: str
    id: str
    kind: Literal["private", "group", "channel"] = "private"
    title: str | None = None

    @property
    def is_private(self) -> bool:
        return self.kind == "private"


@dataclass(frozen=True)
class Sender:
    """Who sent it: the bot's admins come from settings; `is_chat_admin` from the platform (groups only)."""

    id: str
    name: str | None = None
    is_admin: bool = False
    is_chat_admin: bool | None = None


# An inline button: its label and the command line the adapter runs when it is pressed.
Button = Action


@dataclass(frozen=True)
class Attachment:
    """A file sent with a command (an OPML upload) or with its reply (an export).

    `size` is what the platform says the file holds; an adapter that refuses to download a file over a
    command's limit passes the size with empty `content`, so the command can say why in one line.
    """

    filename: str
    content: bytes
    size: int = 0
    mime: str = "application/octet-stream"


@dataclass(frozen=True)
class Reply:
    """What to answer: a document, optional rows of buttons.

    `broadcast` names a ledger key the command has just queued: the adapter
    wakes the delivery worker, which reports the counts to this chat when done.
    `replace` asks the adapter to edit the message whose button was pressed
    instead of sending a new one (so a preview becomes "Sending..." in place).
    `attachment` is a file to send after the document (Telegram: a document; Slack: a code block).
    `personal` marks an answer for the one who pressed a button (a debate's
    details): Telegram sends it to them privately, Slack into the pressed
    message's thread; both once per short window however often the button is
    pressed (`bot.presses`).
    The document's own buttons (`doc.actions`) come before `buttons`.
    """

    doc: Doc
    buttons: tuple[tuple[Button, ...], ...] = ()
    broadcast: str | None = None
    replace: bool = False
    attachment: Attachment | None = None
    personal: bool = False

    @property
    def button_rows(self) -> tuple[tuple[Button, ...], ...]:
        """Every row of buttons to show under the reply: the document's, then the command's."""
        return self.doc.actions + self.buttons


@dataclass(frozen=True)
class Services:
    """What commands need from the outside, built once by the CLI."""

    db: Database
    schedule: WeeklySchedule
    timezone: ZoneInfo
    clock: Callable[[], datetime]
    feeds: tuple[str, ...] = ()
    outbound: OutboundPolicy = PUBLIC_ONLY  # where /addfeed may fetch (ALLOW_PRIVATE_NETWORKS)
    framer: Framer = extractive_framer  # the configured one (bot.framer.framer_for), for commands that frame
    framer_backend: str = EXTRACTIVE


@dataclass(frozen=True)
class ChannelInfo:
    """A channel the platform says the bot may post in."""

    id: str
    title: str | None = None
    username: str | None = None


class ChannelRefused(Exception):
    """The platform has no such channel, or the bot may not post there; the message says which, in words."""


class ChannelDirectory(Protocol):
    """What a platform can say about a channel at link time (Telegram: getChat, getChatMember)."""

    def look_up(self, ref: str) -> ChannelInfo:
        """The channel `ref` (`@name` or an id) names; ChannelRefused unless the bot is an admin who may post."""


@dataclass(frozen=True)
class Request:
    """One command as received: `/stance Latushka` -> name 'stance', args ['Latushka'].

    `channels` is the platform's channel directory, where it has one (Telegram), for `/channel add`;
    `attachment` the file the command came with (a document captioned `/import`).
    """

    chat: Chat
    sender: Sender
    name: str
    args: list[str]
    services: Services
    channels: ChannelDirectory | None = None
    attachment: Attachment | None = None

    @property
    def text(self) -> str:
        """The arguments as one string, as the user typed them."""
        return " ".join(self.args).strip()


Handler = Callable[[Request], Reply]


@dataclass(frozen=True)
class Command:
    """A chat command: its handler, who may use it, and how `/help` shows it."""

    name: str
    handler: Handler
    summary: str
    usage: str = ""
    who: Who = "anyone"
    aliases: tuple[str, ...] = field(default_factory=tuple)


REGISTRY: dict[str, Command] = {}


def command(
    name: str, *, summary: str, usage: str = "", who: Who = "anyone", aliases: tuple[str, ...] = ()
) -> Callable[[Handler], Handler]:
    """Register a handler as the chat command `/name`."""

    def register(handler: Handler) -> Handler:
        entry = Command(name=name, handler=handler, summary=summary, usage=usage, who=who, aliases=aliases)
        for key in (name, *aliases):
            REGISTRY[key] = entry
        return handler

    return register


def commands() -> list[Command]:
    """Every registered command once, in registration order."""
    return list(dict.fromkeys(REGISTRY.values()))


def parse_command(text: str, *, bot_username: str | None = None) -> tuple[str, list[str]] | None:
    """Split `/stance@mybot Latushka` into ('stance', ['Latushka']); None for plain text.

    A command addressed to another bot in a group (`/stance@otherbot`) is not ours.
    """
    text = text.strip()
    if not text.startswith("/"):
        return None
    head, _, rest = text.partition(" ")
    name, _, target = head[1:].partition("@")
    if target and bot_username and target.lower() != bot_username.lower():
        return None
    return name.lower(), rest.split()


def dispatch(request: Request) -> Reply:
    """Run the command after the permission checks; unknown commands get a hint, not silence."""
    entry = REGISTRY.get(request.name)
    if entry is None:
        return Reply(messages.unknown_command(request.name))
    if entry.who == "admin" and not request.sender.is_admin:
        logger.warning(
            "refused admin command /%s from %s user %s in chat %s",
            request.name, request.chat.platform, request.sender.id, request.chat.id,
        )
        return Reply(messages.admin_only(request.name))
    needs_chat_admin = entry.who in ("chat_admin", "subscriber") and not request.chat.is_private
    if needs_chat_admin and not (request.sender.is_chat_admin or request.sender.is_admin):
        logger.info("refused /%s from non-admin %s in group %s", request.name, request.sender.id, request.chat.id)
        return Reply(messages.group_admin_only(request.name))
    if entry.who == "subscriber" and not is_subscribed(request.services.db, request.chat):
        return Reply(messages.not_subscribed())
    return entry.handler(request)


def is_subscribed(db: Database, chat: Chat) -> bool:
    """Whether the chat has an active subscription."""
    row = db.execute(
        "SELECT 1 FROM subscriptions WHERE platform = ? AND chat_id = ? AND active = 1", [chat.platform, chat.id]
    ).fetchone()
    return row is not None

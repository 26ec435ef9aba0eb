"""The Telegram adapter: python-telegram-bot in, platform-neutral commands, Telegram HTML out.

`build_telegram_app` registers every handler in one place (the PTB examples'
`main()`), with no import-time side effects. Handlers only translate: an
update becomes a `Request`, `dispatch` decides, the reply document becomes
HTML messages within Telegram's 4096-character limit, buttons an inline
keyboard whose callback data is the command line to run.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from telegram import BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, Message, MessageOriginChannel, Update
from telegram.constants import ChatMemberStatus, ChatType, ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.ext import Application, ApplicationBuilder, CallbackQueryHandler, ContextTypes, MessageHandler, filters

from bot import messages
from bot.commands import Chat, Reply, Request, Sender, Services, commands, dispatch, parse_command
from bot.commands.core import REGISTRY, Attachment, ChannelInfo, ChannelRefused
from bot.config import Settings
from bot.delivery import SENT, Pacer, SendResult
from bot.presses import PressMemory
from briefings.feeds.opml import MAX_OPML_BYTES
from briefings.render.doc import Doc
from briefings.render.telegram import to_telegram_html

logger = logging.getLogger(__name__)

PLATFORM = "telegram"
ADMIN_STATUSES = (ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR)
GONE_PHRASES = ("chat not found", "bot was kicked", "bot was blocked", "user is deactivated", "have no rights",
                "need administrator rights")
LOOK_UP_TIMEOUT = 30.0  # seconds /channel add waits for getChat and getChatMember
CALLBACK_LIMIT = 64  # bytes of callback_data Telegram keeps


def _chat(update: Update) -> Chat:
    chat = update.effective_chat
    assert chat is not None
    kind: Literal["private", "group", "channel"] = "group"
    if chat.type == ChatType.PRIVATE:
        kind = "private"
    elif chat.type == ChatType.CHANNEL:
        kind = "channel"
    return Chat(platform=PLATFORM, id=str(chat.id), kind=kind, title=chat.title)


async def _sender(update: Update, context: ContextTypes.DEFAULT_TYPE, chat: Chat, command: str,
                  admins: frozenset[int]) -> Sender:
    """Who sent it; asks Telegram whether they administer the group only when the command needs to know."""
    user = update.effective_user
    assert user is not None
    entry = REGISTRY.get(command)
    is_chat_admin: bool | None = None
    if not chat.is_private and entry is not None and entry.who in ("chat_admin", "subscriber"):
        try:
            member = await context.bot.get_chat_member(int(chat.id), user.id)
            is_chat_admin = member.status in ADMIN_STATUSES
        except TelegramError as exc:
            logger.warning("could not check admin rights of %s in %s: %s", user.id, chat.id, exc)
    return Sender(id=str(user.id), name=user.full_name, is_admin=user.id in admins, is_chat_admin=is_chat_admin)


class TelegramChannels:
    """`/channel add`'s view of Telegram: getChat, then getChatMember for the bot's own rights.

    Commands run in a worker thread, so the lookups are handed to the adapter's event loop.
    """

    def __init__(self, bot: Any, loop: asyncio.AbstractEventLoop) -> None:
        self.bot, self.loop = bot, loop

    def look_up(self, ref: str) -> ChannelInfo:
        future = asyncio.run_coroutine_threadsafe(self._look_up(ref), self.loop)
        return future.result(LOOK_UP_TIMEOUT)

    async def _look_up(self, ref: str) -> ChannelInfo:
        target: int | str = int(ref) if ref.lstrip("-").isdigit() else ref if ref.startswith("@") else f"@{ref}"
        try:
            chat = await self.bot.get_chat(target)
            if chat.type != ChatType.CHANNEL:
                raise ChannelRefused(f"{ref} is not a channel (in a group, an admin sends /subscribe there)")
            member = await self.bot.get_chat_member(chat.id, self.bot.id)
        except BadRequest as exc:
            raise ChannelRefused(f"Telegram knows no channel {ref} that I am in ({exc.message})") from None
        except Forbidden:
            raise ChannelRefused(f"I am not a member of {ref}: add me to it as an administrator") from None
        except (TimedOut, NetworkError) as exc:
            raise ChannelRefused(f"could not ask Telegram about {ref} ({exc}); try again") from None
        if member.status not in ADMIN_STATUSES or not getattr(member, "can_post_messages", False):
            raise ChannelRefused(f"I am not an administrator of {ref} allowed to post messages; make me one")
        return ChannelInfo(id=str(chat.id), title=chat.title, username=chat.username)



def keyboard(rows: tuple[tuple[Any, ...], ...]) -> InlineKeyboardMarkup | None:
    """Rows of buttons as an inline keyboard; each button's callback data is its command line.

    A command line over Telegram's 64 bytes would be refused with the whole
    message, so such a button is dropped (and logged) instead.
    """
    kept = []
    for row in rows:
        fitting = [b for b in row if len(b.action.encode()) <= CALLBACK_LIMIT]
        if len(fitting) < len(row):
            logger.error("buttons dropped: command lines over %d bytes in %s", CALLBACK_LIMIT, row)
        if fitting:
            kept.append([InlineKeyboardButton(b.label, callback_data=b.action) for b in fitting])
    return InlineKeyboardMarkup(kept) if kept else None


@dataclass(frozen=True)
class TelegramMessage:
    """One message as delivery sends it: its HTML and, on the last of a document, its buttons."""

    html: str
    markup: InlineKeyboardMarkup | None = None


def telegram_messages(doc: Doc) -> list[TelegramMessage]:
    """The document as Telegram messages, its buttons under the last one."""
    chunks = to_telegram_html(doc)
    markup = keyboard(doc.actions)
    return [TelegramMessage(c, markup if i == len(chunks) - 1 else None) for i, c in enumerate(chunks)]


async def send_reply(reply: Reply, *, chat_id: int, bot: Any, edit: Message | None = None,
                     pacer: Pacer | None = None, is_group: bool = False) -> None:
    """Send the reply's HTML messages in order, buttons under the last; edit `edit` first when asked to.

    With a `pacer` (the service shares delivery's), a reply of several messages keeps to Telegram's
    one message a second per chat, and replies count toward the overall rate like broadcasts do.
    """
    chunks = to_telegram_html(reply.doc)
    markup = keyboard(reply.button_rows)
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1
        if pacer is not None:
            await pacer.wait(str(chat_id), is_group=is_group)
        if index == 0 and edit is not None and reply.replace:
            await edit.edit_text(chunk, parse_mode=ParseMode.HTML, reply_markup=markup if last else None,
                                 disable_web_page_preview=True)
            continue
        await bot.send_message(chat_id, chunk, parse_mode=ParseMode.HTML, reply_markup=markup if last else None,
                               disable_web_page_preview=True)
    if reply.attachment is not None:
        if pacer is not None:
            await pacer.wait(str(chat_id), is_group=is_group)
        await bot.send_document(chat_id, document=reply.attachment.content, filename=reply.attachment.filename)


def build_telegram_app(
    settings: Settings, services: Services, *, on_broadcast: Callable[[str], None] | None = None,
    pacer: Pacer | None = None,
) -> Application:  # type: ignore[type-arg]
    """The PTB application with every handler registered, talking to `TELEGRAM_API_URL`."""
    assert settings.telegram_bot_token is not None
    os.environ.setdefault("PTB_TIMEDELTA", "true")  # durations as timedelta, without PTB's deprecation warning
    base = settings.telegram_api_url.rstrip("/")
    app = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(f"{base}/bot")
        .base_file_url(f"{base}/file/bot")
        .connection_pool_size(8)
        .pool_timeout(30.0)
        .build()
    )
    admins = frozenset(settings.telegram_admin_ids)
    presses = PressMemory()

    async def run_command(update: Update, context: ContextTypes.DEFAULT_TYPE, line: str,
                          edit: Message | None = None, attachment: Attachment | None = None) -> Reply | None:
        chat = _chat(update)
        parsed = parse_command(line, bot_username=context.bot.username)
        if parsed is None:
            return None  # a command for another bot in this group
        name, args = parsed
        sender = await _sender(update, context, chat, name, admins)
        request = Request(chat=chat, sender=sender, name=name, args=args, services=services,
                          channels=TelegramChannels(context.bot, asyncio.get_running_loop()), attachment=attachment)
        reply = await asyncio.to_thread(dispatch, request)
        if reply.personal and edit is not None:
            return reply  # a button's personal answer goes to the one who pressed (see on_button)
        await send_reply(reply, chat_id=int(chat.id), bot=context.bot, edit=edit, pacer=pacer,
                         is_group=not chat.is_private)
        if reply.broadcast and on_broadcast is not None:
            on_broadcast(reply.broadcast)
        return reply

    async def on_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Answer a /command in any chat."""
        message = update.effective_message
        if message is not None and message.text:
            await run_command(update, context, message.text)

    async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Run the command line a pressed button carries, as the user who pressed it.

        A personal answer ("More on 3") goes to the presser's private chat, once
        however often they press within `bot.presses.PRESS_WINDOW`; in a group only they get it.
        """
        query = update.callback_query
        assert query is not None
        message = query.message if isinstance(query.message, Message) else None
        data = query.data or ""
        key = (query.from_user.id, data)  # the details go to the presser privately: one answer per presser
        first = presses.first(key)
        try:
            reply = await run_command(update, context, data, edit=message)
            if reply is None or not reply.personal or not first:
                await query.answer()
                return
            try:
                await send_reply(reply, chat_id=query.from_user.id, bot=context.bot, pacer=pacer)
            except Forbidden:  # in a group, from someone who never opened a private chat with the bot
                presses.forget(key)  # once they have pressed Start, pressing again must answer at once
                await query.answer(messages.START_PRIVATELY, show_alert=True)
                return
        except BaseException:
            if first:
                presses.forget(key)  # this press was not answered: the next one may try again
            raise
        await query.answer()

    async def on_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A file captioned with a command (`/import`): downloaded for it unless it is over the OPML limit."""
        message = update.effective_message
        if message is None or message.document is None or not message.caption:
            return
        document = message.document
        size = document.file_size or 0
        content = b""
        if size <= MAX_OPML_BYTES:  # a larger file is refused by the command without being downloaded
            telegram_file = await context.bot.get_file(document.file_id)
            content = bytes(await telegram_file.download_as_bytearray())
            size = len(content)
        attachment = Attachment(document.file_name or "file", content, size=size,
                                mime=document.mime_type or "application/octet-stream")
        await run_command(update, context, message.caption, attachment=attachment)

    async def on_forward(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A channel post forwarded to the bot in private links that channel, as `/channel add ID` would."""
        message = update.effective_message
        origin = message.forward_origin if message is not None else None
        if isinstance(origin, MessageOriginChannel):
            await run_command(update, context, f"/channel add {origin.chat.id}")
        else:
            await on_text(update, context)

    async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Plain text in a private chat gets a hint; in groups the bot stays quiet."""
        await send_reply(Reply(messages.plain_text_hint()), chat_id=int(_chat(update).id), bot=context.bot)

    async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log the failure with its trace, then apologise where there is someone to apologise to."""
        logger.error("error handling an update", exc_info=context.error)
        if isinstance(update, Update) and update.effective_chat is not None:
            try:
                await send_reply(Reply(messages.error_reply()), chat_id=update.effective_chat.id, bot=context.bot)
            except TelegramError:
                logger.warning("could not send the apology either")

    # A channel post has no sender whose rights could be checked: channels are linked by an admin instead.
    app.add_handler(MessageHandler(filters.COMMAND & ~filters.UpdateType.CHANNEL_POSTS, on_command))
    app.add_handler(CallbackQueryHandler(on_button))
    app.add_handler(MessageHandler(filters.FORWARDED & filters.ChatType.PRIVATE, on_forward))
    app.add_handler(MessageHandler(filters.Document.ALL & filters.CaptionRegex(r"^/")
                                   & ~filters.UpdateType.CHANNEL_POSTS, on_document))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE, on_text))
    app.add_error_handler(on_error)
    return app


async def register_commands(app: Application) -> None:  # type: ignore[type-arg]
    """Tell Telegram the reader commands, so clients show them in the menu."""
    await app.bot.set_my_commands(
        [BotCommand(c.name, c.summary[:256]) for c in commands() if c.who != "admin"]
    )


class TelegramSender:
    """Delivery's view of Telegram: render to HTML messages, send one, say what happened in delivery's terms."""

    platform = PLATFORM

    def __init__(self, bot: Any) -> None:
        self.bot = bot

    def render(self, doc: Doc) -> Sequence[TelegramMessage]:
        return telegram_messages(doc)

    async def send(self, chat_id: str, message: Any) -> SendResult:
        html, markup = (message.html, message.markup) if isinstance(message, TelegramMessage) else (message, None)
        try:
            await self.bot.send_message(int(chat_id), html, parse_mode=ParseMode.HTML, reply_markup=markup,
                                        disable_web_page_preview=True)
        except RetryAfter as exc:
            retry = exc.retry_after
            return SendResult(retry_after=float(retry.total_seconds() if hasattr(retry, "total_seconds") else retry))
        except Forbidden as exc:
            return SendResult(gone=f"Forbidden: {exc.message}")
        except ChatMigrated as exc:
            return SendResult(gone=f"group became supergroup {exc.new_chat_id}", migrated_to=str(exc.new_chat_id))
        except BadRequest as exc:
            if any(phrase in exc.message.lower() for phrase in GONE_PHRASES):
                return SendResult(gone=f"Bad Request: {exc.message}")
            return SendResult(error=f"Bad Request: {exc.message}", permanent=True)
        except (TimedOut, NetworkError) as exc:
            return SendResult(error=f"network: {exc}")
        except TelegramError as exc:
            return SendResult(error=str(exc))
        return SENT

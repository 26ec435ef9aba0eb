"""The Slack app: `/briefing <command>`, button presses and the App Home, translated to the platform-neutral commands.

    build_slack_app(settings, services) -> AsyncApp
        /briefing TEXT      ack at once, dispatch `/TEXT` (no text: help), post the reply as Block Kit
        button press        dispatch the button's value (`/brief_now confirm TOKEN`) as that user in that channel;
                            a `replace` reply edits the pressed message (chat.update) instead of posting; a
                            personal one ("More on 3") goes into its thread once per `PRESS_WINDOW` however
                            often, and by whomever, the button is pressed
        app_home_opened     views.publish: how to subscribe a channel, then the latest briefing
        @app.error          log with the trace, then say sorry to whoever asked

Replies are posted to the channel with chat.postMessage, so they are real bot
messages that later presses can edit, and everyone in the channel sees what the
bot was asked to do (as in Telegram groups). Where the bot can't post (a DM
between two people, a private channel it wasn't invited to) the reply goes back
through the command's `response_url`, visible only to the asker, with a hint.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot import messages
from bot.commands import Chat, Reply, Request, Sender, Services, dispatch, parse_command
from bot.config import Settings, SettingsError
from bot.presses import PressMemory
from bot.slack.blocks import ACTION_PREFIX, SLASH_COMMAND, command_line, home_view, reply_messages
from bot.slack.sender import error_code
from briefings.compose import compose_briefing, latest_week
from briefings.render.briefing import briefing_doc
from briefings.render.doc import Doc, doc_text
from briefings.render.slack import SlackMessage, to_slack_messages

logger = logging.getLogger(__name__)

CANNOT_POST = frozenset({"not_in_channel", "channel_not_found", "is_archived", "restricted_action"})
CANNOT_UPDATE = frozenset({"message_not_found", "cant_update_message", "edit_window_closed", "channel_not_found"})
PRIVATE_NAMES = frozenset({"directmessage", "privategroup"})  # what Slack sends as channel_name where it has none


def make_client(settings: Settings, *, retries: bool = True) -> AsyncWebClient:
    """A Web API client for the bot token at SLACK_API_URL; `retries=False` for delivery (see `sender`)."""
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    base_url = settings.slack_api_url.rstrip("/") + "/"
    if retries:
        return AsyncWebClient(token=token, base_url=base_url)
    return AsyncWebClient(token=token, base_url=base_url, retry_handlers=[])


def slack_chat(channel_id: str, channel_name: str | None = None) -> Chat:
    """A Slack conversation as a command's chat: DMs (ids starting with D) are private, the rest groups."""
    title = channel_name if channel_name and channel_name not in PRIVATE_NAMES else None
    return Chat(platform="slack", id=channel_id, kind="private" if channel_id.startswith("D") else "group",
                title=title)


def slack_sender(settings: Settings, user_id: str, name: str | None = None) -> Sender:
    """A Slack user as a command's sender.

    Any member of a channel counts as its admin for `/subscribe`: Slack gives
    apps no cheap per-channel role, and whoever may run slash commands in a
    channel may already post there. Workspaces that want less restrict who can
    use slash commands or add apps.
    """
    return Sender(id=user_id, name=name, is_admin=user_id in settings.slack_admin_ids, is_chat_admin=True)


class SlackBot:
    """What the handlers share: settings, services, the broadcast hook, and one lock around the database."""

    def __init__(self, settings: Settings, services: Services, on_broadcast: Callable[[str], None] | None) -> None:
        self.settings = settings
        self.services = services
        self.on_broadcast = on_broadcast
        # Commands run in worker threads on one SQLite connection; one at a time keeps their transactions apart.
        self.lock = asyncio.Lock()
        self.presses = PressMemory()

    async def run(self, line: str, *, chat: Chat, sender: Sender) -> Reply:
        """Dispatch one command line (`/stance Latushka`) off the event loop."""
        parsed = parse_command(line)
        if parsed is None:
            return Reply(messages.plain_text_hint())
        name, args = parsed
        request = Request(chat=chat, sender=sender, name=name, args=args, services=self.services)
        async with self.lock:
            return await asyncio.to_thread(dispatch, request)

    async def latest_briefing(self) -> Doc:
        """The newest week's digest, in the service's time zone (the App Home shows no buttons)."""

        def compose() -> Doc:
            services = self.services
            week = latest_week(services.db, tz=services.timezone, now=services.clock())
            return briefing_doc(compose_briefing(services.db, week=week, tz=services.timezone))

        async with self.lock:
            return await asyncio.to_thread(compose)

    async def answer(self, reply: Reply, *, client: AsyncWebClient, channel: str, respond: AsyncRespond | None,
                     original_ts: str | None = None, original_is_ephemeral: bool = False) -> None:
        """Deliver a command's reply: edit the pressed message or post new ones; then wake delivery if asked.

        A personal reply to a press (a debate's details) goes into the pressed message's thread.
        """
        thread = original_ts if reply.personal and not original_is_ephemeral else None
        try:
            batch = reply_messages(reply)
            if reply.replace and original_ts and await self._replace(
                    client, channel, original_ts, batch[0], respond, ephemeral=original_is_ephemeral):
                batch = batch[1:]
            for index, message in enumerate(batch):
                if not await self._post(client, channel, message, thread=thread):
                    await self._answer_privately(batch[index:], respond, channel)
                    break
        finally:
            if reply.broadcast and self.on_broadcast is not None:
                self.on_broadcast(reply.broadcast)

    async def _post(self, client: AsyncWebClient, channel: str, message: SlackMessage, *,
                    thread: str | None = None) -> bool:
        """Post in the channel (in `thread` when given); False when the bot can't post there (raise otherwise)."""
        try:
            await client.chat_postMessage(channel=channel, thread_ts=thread, **message.as_kwargs())
        except SlackApiError as exc:
            if error_code(exc) in CANNOT_POST:
                return False
            raise
        return True

    async def _replace(self, client: AsyncWebClient, channel: str, ts: str, message: SlackMessage,
                       respond: AsyncRespond | None, *, ephemeral: bool) -> bool:
        """Edit the message whose button was pressed; False when it can't be edited (then a new one is posted)."""
        try:
            if ephemeral:  # ephemeral messages have no ts to update; only their response_url can replace them
                if respond is None:
                    return False
                await respond(replace_original=True, **message.as_kwargs())
            else:
                await client.chat_update(channel=channel, ts=ts, **message.as_kwargs())
        except SlackApiError as exc:
            if error_code(exc) not in CANNOT_UPDATE:
                raise
            logger.info("could not edit message %s in %s (%s): posting anew", ts, channel, error_code(exc))
            return False
        return True

    async def _answer_privately(self, batch: list[SlackMessage], respond: AsyncRespond | None, channel: str) -> None:
        """Answer only the asker, through the response_url, where the bot can't post in the channel."""
        if respond is None:
            logger.warning("cannot post in %s and have no response_url: reply dropped", channel)
            return
        logger.info("cannot post in %s: answering the asker privately", channel)
        hint = to_slack_messages(messages.slack_cannot_post())
        for message in [*batch, *hint][:5]:  # a response_url takes at most five responses
            await respond(response_type="ephemeral", **message.as_kwargs())


def build_slack_app(settings: Settings, services: Services, *, on_broadcast: Callable[[str], None] | None = None,
                    client: AsyncWebClient | None = None) -> AsyncApp:
    """A new bolt app with `/briefing`, its buttons, the App Home and one error handler registered.

    HTTP mode (no SLACK_APP_TOKEN) refuses to build without SLACK_SIGNING_SECRET:
    an app that can't verify requests would run commands for anyone who can reach it.
    """
    secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else ""
    if settings.slack_app_token is None and not secret:
        raise SettingsError("bad setting SLACK_SIGNING_SECRET: HTTP mode (no SLACK_APP_TOKEN) needs it "
                            "to verify Slack's requests")
    app = AsyncApp(name="briefing-bot", client=client or make_client(settings), signing_secret=secret,
                   request_verification_enabled=bool(secret))
    bot = SlackBot(settings, services, on_broadcast)

    async def briefing_command(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient,
                               respond: AsyncRespond) -> None:
        """Run `/briefing <command> [args]` and post its reply."""
        await ack()  # within Slack's 3 seconds, whatever the command costs
        channel, user = str(body["channel_id"]), str(body["user_id"])
        line = command_line(str(body.get("text") or ""))
        logger.info("slack %s in %s: %s %s", user, channel, SLASH_COMMAND, line.split(" ", 1)[0][1:])
        reply = await bot.run(line, chat=slack_chat(channel, body.get("channel_name")),
                              sender=slack_sender(settings, user, body.get("user_name")))
        await bot.answer(reply, client=client, channel=channel, respond=respond)

    async def button_pressed(ack: AsyncAck, body: dict[str, Any], action: dict[str, Any], client: AsyncWebClient,
                             respond: AsyncRespond | None) -> None:
        """Run the command line a button carries, as the user who pressed it, where they pressed it."""
        await ack()
        container = body.get("container") or {}
        channel = str((body.get("channel") or {}).get("id") or container.get("channel_id") or "")
        user = body.get("user") or {}
        if not channel:
            logger.info("button %s pressed outside a channel: ignored", action.get("action_id"))
            return
        value, ts = str(action.get("value") or ""), container.get("message_ts")
        # The details go into the message's thread, which the whole channel shares: one answer per button,
        # whoever pressed. Remembered before the first await, so two presses in flight cannot both be first.
        key = (channel, str(ts or ""), value)
        first = bot.presses.first(key)
        try:
            reply = await bot.run(value, chat=slack_chat(channel),
                                  sender=slack_sender(settings, str(user.get("id")), user.get("username")))
            if reply.personal and not first:
                logger.info("button %s pressed again on %s in %s: answered once", value, ts, channel)
                return
            await bot.answer(reply, client=client, channel=channel, respond=respond, original_ts=ts,
                             original_is_ephemeral=bool(container.get("is_ephemeral")))
        except BaseException:
            if first:
                bot.presses.forget(key)  # this press was not answered: the next one may try again
            raise

    async def home_opened(event: dict[str, Any], client: AsyncWebClient) -> None:
        """Publish the App Home: how to subscribe a channel and the latest briefing."""
        if event.get("tab", "home") != "home":
            return
        await client.views_publish(user_id=event["user"], view=home_view(await bot.latest_briefing()))

    async def failed(error: Exception, body: dict[str, Any], client: AsyncWebClient,
                     respond: AsyncRespond | None) -> None:
        """Log the failure with its trace first, then apologise to whoever asked."""
        logger.error("Slack request failed (%s)", body.get("command") or body.get("type"), exc_info=error)
        text = doc_text(messages.error_reply())
        channel = body.get("channel_id") or (body.get("channel") or {}).get("id")
        user = body.get("user_id") or (body.get("user") or {}).get("id")
        try:
            if respond is not None:
                await respond(text=text, response_type="ephemeral")
            elif channel and user:
                await client.chat_postEphemeral(channel=channel, user=user, text=text)
        except Exception:  # the apology is best effort; the failure itself is logged above
            logger.warning("could not apologise for the failed Slack request", exc_info=True)

    app.command(SLASH_COMMAND)(briefing_command)
    app.action(re.compile("^" + re.escape(ACTION_PREFIX)))(button_pressed)
    app.event("app_home_opened")(home_opened)
    app.error(failed)
    return app

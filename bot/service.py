"""`briefing-bot run`: the chat adapters, the feed poller, the weekly schedule and delivery, in one process.

APScheduler only triggers (poll feeds, queue due briefings, beat the heart);
the ledger in the database decides what is sent, so a restart or a missed
tick never sends a briefing twice or skips one. On SIGTERM/SIGINT the
scheduler stops, delivery finishes the messages in flight and returns the
rest to the queue, and the adapters disconnect.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import signal
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlite_utils import Database

from bot import messages
from bot.commands import Services
from bot.config import Settings
from bot.connect import Connector
from bot.delivery import DeliveryEngine, Pacer, PlatformSender, briefing_composer
from bot.errors import PlatformAuthError, PlatformUnreachable
from bot.framer import framer_for
from briefings.alerts import alert_doc, due_alerts, mark_alerted
from briefings.feed_notices import PAUSE_AFTER, mark_notified, notice_doc, pause_hopeless_feeds, pending_notices
from briefings.feeds import poll_due_feeds
from briefings.pipeline import frame_new_stories
from briefings.render.doc import Bold, Doc, Paragraph, spans
from briefings.schedule import enqueue_due
from briefings.store import heartbeat, open_per_thread
from briefings.store.channels import lost_channels, mark_loss_notified

logger = logging.getLogger(__name__)

DELIVERY_IDLE = 30.0  # seconds between looks at the ledger when nothing wakes delivery sooner
WEBHOOK_LISTEN = "0.0.0.0"  # noqa: S104 - in a container the reverse proxy reaches us from outside
TELEGRAM_POLL_TIMEOUT = 10  # seconds a getUpdates long poll waits for news


def delivery_bot(settings: Settings) -> Any:
    """A PTB `Bot` for broadcasts: aiohttp underneath, with connections for the configured rate."""
    from telegram import Bot

    from bot.telegram_request import AiohttpRequest

    assert settings.telegram_bot_token is not None
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    base = settings.telegram_api_url.rstrip("/")
    connections = max(4, min(256, int(settings.telegram_rate_per_second / 4)))
    return Bot(settings.telegram_bot_token.get_secret_value(), base_url=f"{base}/bot",
               base_file_url=f"{base}/file/bot", request=AiohttpRequest(connections=connections))


def concurrency_for(rate_per_second: float) -> int:
    """Chats in flight at once: enough to keep the rate busy while each chat waits a second between parts."""
    return max(32, min(4000, int(rate_per_second * 2)))


def delivery_limits(settings: Settings) -> dict[str, int]:
    """Chats in flight at once per platform, each from its own rate setting."""
    return {"telegram": concurrency_for(settings.telegram_rate_per_second),
            "slack": concurrency_for(settings.slack_rate_per_second)}


class NoPlatformError(Exception):
    """No chat platform token is set: there is nobody to serve."""


Started = tuple[PlatformSender, Callable[[], Awaitable[Any]]]  # a connected platform: its sender, how to stop it


@dataclass
class Service:
    """The running parts, so `stop` can take them down in order."""

    db: Database
    services: Services
    engine: DeliveryEngine
    scheduler: AsyncIOScheduler
    connector: Connector[Started]
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    stop: asyncio.Event = field(default_factory=asyncio.Event)
    closers: list[Callable[[], Awaitable[Any]]] = field(default_factory=list)


def clock() -> datetime:
    return datetime.now(UTC)


async def start_telegram(settings: Settings, services: Services, on_broadcast: Callable[[str], None],
                         pacer: Pacer) -> Started:
    """Start polling Telegram; return its sender and how to stop it. Replies and deliveries share `pacer`.

    PlatformAuthError when Telegram refuses the token, PlatformUnreachable when it does not answer.
    """
    from telegram.error import InvalidToken, NetworkError

    from bot.telegram import build_telegram_app

    app = build_telegram_app(settings, services, on_broadcast=on_broadcast, pacer=pacer)
    try:
        return await _run_telegram(settings, app)
    except InvalidToken:
        await _stop_telegram(app)
        raise PlatformAuthError("Telegram refused TELEGRAM_BOT_TOKEN: copy the token @BotFather gave you") from None
    except NetworkError as exc:  # TimedOut too; the message names the HTTP error, never the URL with the token
        await _stop_telegram(app)
        raise PlatformUnreachable(f"Telegram is unreachable at {settings.telegram_api_url} ({exc.message})") \
            from None
    except BaseException:
        await _stop_telegram(app)
        raise


async def _stop_telegram(app: Any) -> None:
    """Undo however much of `_run_telegram` happened; HTTP clients are open even when getMe failed."""
    with suppress(Exception):
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        await app.shutdown()
    with suppress(Exception):
        await app.bot.shutdown()


async def _run_telegram(settings: Settings, app: Any) -> Started:
    """Connect `app` (getMe, the command menu, polling or the webhook) and the bot delivery sends with."""
    from bot.telegram import TelegramSender, register_commands

    await app.initialize()
    await register_commands(app)
    await app.start()
    assert app.updater is not None
    if settings.telegram_webhook_url:
        # Telegram posts each update to the public URL (a reverse proxy forwards it to this port), signed
        # with the secret token; a request without it is refused before PTB reads it.
        secret = settings.telegram_webhook_secret.get_secret_value() if settings.telegram_webhook_secret \
            else secrets.token_urlsafe(24)
        await app.updater.start_webhook(
            listen=WEBHOOK_LISTEN, port=settings.telegram_webhook_port,
            url_path=urlsplit(settings.telegram_webhook_url).path.lstrip("/"),
            webhook_url=settings.telegram_webhook_url, secret_token=secret,
        )
        logger.info("Telegram adapter receiving webhooks on port %d as @%s", settings.telegram_webhook_port,
                    app.bot.username)
    else:
        await app.updater.start_polling(timeout=TELEGRAM_POLL_TIMEOUT, drop_pending_updates=False)
        logger.info("Telegram adapter polling as @%s", app.bot.username)
    sending = delivery_bot(settings)
    try:
        await sending.initialize()
    except BaseException:
        await sending.shutdown()
        raise

    async def close() -> None:
        assert app.updater is not None
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
        await sending.shutdown()

    return TelegramSender(sending), close


async def start(settings: Settings, *, stop: asyncio.Event | None = None) -> Service:
    """Start every configured platform, the scheduler and delivery; `stop` (set) ends them.

    A platform that does not answer is retried in the background (see `bot.connect`) while the rest runs;
    one that refuses its token raises PlatformAuthError, now or, through `serve`, when a retry meets it.
    """
    if settings.telegram_bot_token is None and settings.slack_bot_token is None:
        raise NoPlatformError(
            "no chat platform is configured: set TELEGRAM_BOT_TOKEN and/or SLACK_BOT_TOKEN "
            "(see .env.example), or try `briefing-bot demo`, which needs neither"
        )
    db = open_per_thread(settings.briefing_db)
    # Commands get their own framer: an LLM framer keeps a batch's answers between prefetch and framing, so
    # /addfeed and the poller, in two threads, must not share one.
    command_framer, backend = framer_for(settings, db)
    services = Services(db=db, schedule=settings.schedule, timezone=settings.timezone, clock=clock,
                        feeds=tuple(settings.briefing_feeds), framer=command_framer, framer_backend=backend,
                        outbound=settings.outbound_policy)
    wake, stop = asyncio.Event(), stop or asyncio.Event()
    senders: dict[str, PlatformSender] = {}  # delivery reads it live: a platform's rows wait until it connects
    pacers: dict[str, Pacer] = {}
    closers: list[Callable[[], Awaitable[Any]]] = []
    connector: Connector[Started] = Connector(stop=stop)

    def connected(platform: str) -> Callable[[Started], None]:
        def attach(started: Started) -> None:
            senders[platform], close = started
            closers.append(close)
            wake.set()  # what waited for this platform can go now

        return attach

    try:
        if settings.telegram_bot_token is not None:
            pacers["telegram"] = Pacer(settings.telegram_rate_per_second)
            await connector.connect("Telegram", lambda: start_telegram(
                settings, services, lambda key: wake.set(), pacers["telegram"]), connected("telegram"))
        if settings.slack_bot_token is not None:
            pacers["slack"] = Pacer(settings.slack_rate_per_second)
            await connector.connect("Slack", lambda: start_slack_platform(settings, services, wake),
                                    connected("slack"))
    except BaseException:
        await connector.close()
        for close in reversed(closers):
            with suppress(Exception):
                await close()
        raise

    async def tell(platform: str, chat_id: str, doc: Doc) -> bool:
        """Send one document to one chat within the platform's limits; False (logged) when it failed."""
        sender = senders[platform]
        for message in sender.render(doc):
            await pacers[platform].wait(chat_id, is_group=False)
            result = await sender.send(chat_id, message)
            if not result.ok:
                logger.warning("could not tell %s:%s: %s", platform, chat_id, result.gone or result.error)
                return False
        return True

    async def report(key: str, platform: str, chat: str, counts: dict[str, int]) -> None:
        await tell(platform, chat, Doc.of(Paragraph(spans(
            Bold("Broadcast done. "), f"{counts['sent']} delivered, {counts['failed']} failed, "
            f"{counts['skipped']} skipped (chats that left or blocked the bot)."))))

    engine = DeliveryEngine(db=db, senders=senders, pacers=pacers, compose=briefing_composer(db),
                            default_timezone=settings.timezone, clock=clock, on_report=report,
                            concurrency=delivery_limits(settings))
    scheduler = AsyncIOScheduler(timezone=UTC)
    service = Service(db=db, services=services, engine=engine, scheduler=scheduler, connector=connector, wake=wake,
                      stop=stop, closers=closers)
    framer, backend = framer_for(settings, db)

    async def poll() -> None:
        def work() -> None:
            results = poll_due_feeds(db, now=clock(), poll_minutes=settings.briefing_poll_minutes,
                                     sources=settings.briefing_feeds, policy=services.outbound)
            for result in results:
                (logger.warning if not result.ok else logger.info)("%s", result.describe())
            run = frame_new_stories(db, framer=framer, backend=backend)
            if run.framed or run.failed:
                logger.info("%s", run.describe())

        await asyncio.to_thread(work)

    async def tick() -> None:
        heartbeat.beat(db, now=clock())
        if enqueue_due(db, now=clock()).queued:
            wake.set()

    async def alerts() -> None:
        for alert in due_alerts(db, now=clock()):
            if alert.platform in senders and await tell(alert.platform, alert.chat_id, alert_doc(alert)):
                mark_alerted(db, platform=alert.platform, chat_id=alert.chat_id, through=alert.through)

    async def feed_health() -> None:
        paused = pause_hopeless_feeds(db)
        if paused:
            logger.warning("paused %d feeds after %d failed polls in a row", paused, PAUSE_AFTER)
        admins = [("telegram", str(i)) for i in settings.telegram_admin_ids] + \
                 [("slack", str(i)) for i in settings.slack_admin_ids]
        for notice in pending_notices(db):
            logger.warning("feed %s is %s (%s)", notice.url, notice.kind, notice.error)
            for platform, chat in admins:
                if platform in senders:
                    await tell(platform, chat, notice_doc(notice))
            mark_notified(db, notice)

    async def channel_losses() -> None:
        """Tell the admin who linked a channel that delivery found it gone (the bot lost its rights), once."""
        for channel, reason in lost_channels(db):
            if channel.platform not in senders or channel.linked_by is None:
                continue
            logger.warning("channel %s:%s was unlinked: %s", channel.platform, channel.chat_id, reason)
            await tell(channel.platform, channel.linked_by, messages.channel_lost(channel.title or channel.chat_id,
                                                                                   reason))
            mark_loss_notified(db, platform=channel.platform, chat_id=channel.chat_id)

    now = clock()
    scheduler.add_job(channel_losses, "interval", minutes=1, next_run_time=now, id="channel_losses",
                      max_instances=1, coalesce=True)
    # Feeds come due spread over the poll interval (by URL), so the poller looks every minute for the few due.
    scheduler.add_job(poll, "interval", minutes=1, next_run_time=now,
                      id="poll", max_instances=1, coalesce=True, misfire_grace_time=None)
    scheduler.add_job(tick, "interval", minutes=1, next_run_time=now, id="tick", max_instances=1, coalesce=True)
    scheduler.add_job(alerts, "interval", minutes=15, next_run_time=now, id="alerts", max_instances=1,
                      coalesce=True)
    scheduler.add_job(feed_health, "interval", minutes=5, next_run_time=now, id="feed_health", max_instances=1,
                      coalesce=True)
    scheduler.start()
    closers.insert(0, _shutdown_scheduler(scheduler))
    closers.insert(0, connector.close)  # first: no platform may connect while the others close
    return service


async def start_slack_platform(settings: Settings, services: Services, wake: asyncio.Event) -> Started:
    """Start the Slack adapter; return its sender and how to stop it."""
    from bot.slack import start_slack

    running = await start_slack(settings, services, on_broadcast=lambda key: wake.set())
    return running.sender, running.stop


def _shutdown_scheduler(scheduler: AsyncIOScheduler) -> Callable[[], Awaitable[None]]:
    async def close() -> None:
        scheduler.shutdown(wait=False)

    return close


async def deliver_forever(service: Service) -> None:
    """Send what is due, then sleep until woken (a broadcast, a due slot) or DELIVERY_IDLE passes."""
    while not service.stop.is_set():
        service.wake.clear()
        await service.engine.run(stop=service.stop)
        waiters = [asyncio.ensure_future(service.wake.wait()), asyncio.ensure_future(service.stop.wait())]
        await asyncio.wait(waiters, timeout=DELIVERY_IDLE, return_when=asyncio.FIRST_COMPLETED)
        for waiter in waiters:
            waiter.cancel()


async def serve(settings: Settings, *, stop: asyncio.Event | None = None) -> None:
    """Run until SIGTERM/SIGINT (or `stop`), then shut down cleanly."""
    service = await start(settings, stop=stop)
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, service.stop.set)
    logger.info("briefing-bot is running; SIGTERM or Ctrl-C stops it")
    delivery = asyncio.create_task(deliver_forever(service))
    try:
        await service.stop.wait()
    finally:
        logger.info("stopping: finishing deliveries in flight")
        service.stop.set()
        await delivery
        for close in service.closers:
            try:
                await close()
            except Exception:  # one part failing to close must not keep the others open
                logger.exception("error while stopping")
        for sig in (signal.SIGTERM, signal.SIGINT):
            with suppress(NotImplementedError, RuntimeError):
                loop.remove_signal_handler(sig)
        logger.info("stopped")
    if service.connector.fatal is not None:
        raise service.connector.fatal  # a platform came back and refused its token: the CLI exits 2


async def broadcast_now(settings: Settings, *, key: str, progress: Callable[[int], None] | None = None,
                        on_total: Callable[[int], None] | None = None) -> dict[str, int]:
    """Queue `key` for every subscriber and deliver it now, without the chat adapters (the shell's broadcast).

    Re-running with the same key resumes: chats already sent are not sent again.
    """
    from briefings.store import broadcasts, outbox

    db = open_per_thread(settings.briefing_db)
    senders: dict[str, PlatformSender] = {}
    pacers: dict[str, Pacer] = {}
    closers: list[Callable[[], Awaitable[Any]]] = []
    if settings.telegram_bot_token is not None:
        from telegram.error import InvalidToken, NetworkError

        from bot.telegram import TelegramSender

        bot = delivery_bot(settings)
        try:
            try:
                await bot.initialize()
            except BaseException:
                await bot.request.shutdown()  # `Bot.shutdown` skips a bot whose initialize failed
                raise
        except InvalidToken:
            raise PlatformAuthError("Telegram refused TELEGRAM_BOT_TOKEN: copy the token @BotFather gave you") \
                from None
        except NetworkError as exc:  # nothing was queued yet: the broadcast can simply be run again
            raise PlatformUnreachable(f"Telegram is unreachable at {settings.telegram_api_url} ({exc.message}); "
                                      "nothing was sent, run the broadcast again later") from None
        closers.append(bot.shutdown)
        senders["telegram"], pacers["telegram"] = TelegramSender(bot), Pacer(settings.telegram_rate_per_second)
    if settings.slack_bot_token is not None:
        from bot.slack import SlackSender, make_client

        senders["slack"], pacers["slack"] = SlackSender(make_client(settings, retries=False)), \
            Pacer(settings.slack_rate_per_second)
    if not senders:
        raise NoPlatformError("no chat platform is configured: set TELEGRAM_BOT_TOKEN and/or SLACK_BOT_TOKEN")
    broadcasts.start_broadcast(db, key=key, kind="manual", now=clock())
    if on_total is not None:
        on_total(outbox.pending(db, key=key))
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    engine = DeliveryEngine(db=db, senders=senders, pacers=pacers, compose=briefing_composer(db),
                            default_timezone=settings.timezone, clock=clock, concurrency=delivery_limits(settings))
    try:
        return await engine.run(key=key, stop=stop, progress=progress)
    finally:
        for close in closers:
            await close()

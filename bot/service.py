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
import signal
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlite_utils import Database

from bot.commands import Services
from bot.config import Settings
from bot.delivery import DeliveryEngine, Pacer, PlatformSender, briefing_composer
from bot.errors import PlatformAuthError
from bot.framer import framer_for
from briefings.feeds import poll_due_feeds
from briefings.pipeline import frame_new_stories
from briefings.render.doc import Bold, Doc, Paragraph, spans
from briefings.schedule import enqueue_due
from briefings.store import heartbeat, open_per_thread

logger = logging.getLogger(__name__)

DELIVERY_IDLE = 30.0  # seconds between looks at the ledger when nothing wakes delivery sooner
TELEGRAM_POLL_TIMEOUT = 10  # seconds a getUpdates long poll waits for news
SLACK_RATE_PER_SECOND = 20.0  # Slack has no published overall rate; per channel it is about one a second


class NoPlatformError(Exception):
    """No chat platform token is set: there is nobody to serve."""


@dataclass
class Service:
    """The running parts, so `stop` can take them down in order."""

    db: Database
    services: Services
    engine: DeliveryEngine
    scheduler: AsyncIOScheduler
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    stop: asyncio.Event = field(default_factory=asyncio.Event)
    closers: list[Callable[[], Awaitable[Any]]] = field(default_factory=list)


def clock() -> datetime:
    return datetime.now(UTC)


async def start_telegram(settings: Settings, services: Services, on_broadcast: Callable[[str], None],
                         pacer: Pacer) -> tuple[PlatformSender, Callable[[], Awaitable[Any]]]:
    """Start polling Telegram; return its sender and how to stop it. Replies and deliveries share `pacer`."""
    from telegram.error import InvalidToken

    from bot.telegram import TelegramSender, build_telegram_app, register_commands

    app = build_telegram_app(settings, services, on_broadcast=on_broadcast, pacer=pacer)
    try:
        await app.initialize()
    except InvalidToken:
        raise PlatformAuthError("Telegram refused TELEGRAM_BOT_TOKEN: copy the token @BotFather gave you") from None
    await register_commands(app)
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(timeout=TELEGRAM_POLL_TIMEOUT, drop_pending_updates=False)
    logger.info("Telegram adapter polling as @%s", app.bot.username)

    async def close() -> None:
        assert app.updater is not None
        await app.updater.stop()
        await app.stop()
        await app.shutdown()

    return TelegramSender(app.bot), close


async def start(settings: Settings) -> Service:
    """Start every configured platform, the scheduler and delivery."""
    if settings.telegram_bot_token is None and settings.slack_bot_token is None:
        raise NoPlatformError(
            "no chat platform is configured: set TELEGRAM_BOT_TOKEN and/or SLACK_BOT_TOKEN "
            "(see .env.example), or try `briefing-bot demo`, which needs neither"
        )
    db = open_per_thread(settings.briefing_db)
    services = Services(db=db, schedule=settings.schedule, timezone=settings.timezone, clock=clock,
                        feeds=tuple(settings.briefing_feeds))
    wake = asyncio.Event()
    senders: dict[str, PlatformSender] = {}
    pacers: dict[str, Pacer] = {}
    closers: list[Callable[[], Awaitable[Any]]] = []
    try:
        if settings.telegram_bot_token is not None:
            pacers["telegram"] = Pacer(settings.telegram_rate_per_second)
            sender, close = await start_telegram(settings, services, lambda key: wake.set(), pacers["telegram"])
            senders["telegram"] = sender
            closers.append(close)
        if settings.slack_bot_token is not None:
            from bot.slack import start_slack

            running = await start_slack(settings, services, on_broadcast=lambda key: wake.set())
            senders["slack"], pacers["slack"] = running.sender, Pacer(SLACK_RATE_PER_SECOND)
            closers.append(running.stop)
    except BaseException:
        for close in reversed(closers):
            with suppress(Exception):
                await close()
        raise

    async def report(key: str, platform: str, chat: str, counts: dict[str, int]) -> None:
        sender = senders[platform]
        doc = Doc.of(Paragraph(spans(
            Bold("Broadcast done. "), f"{counts['sent']} delivered, {counts['failed']} failed, "
            f"{counts['skipped']} skipped (chats that left or blocked the bot).")))
        for message in sender.render(doc):
            await sender.send(chat, message)

    engine = DeliveryEngine(db=db, senders=senders, pacers=pacers, compose=briefing_composer(db),
                            default_timezone=settings.timezone, clock=clock, on_report=report)
    scheduler = AsyncIOScheduler(timezone=UTC)
    service = Service(db=db, services=services, engine=engine, scheduler=scheduler, wake=wake, closers=closers)
    framer, backend = framer_for(settings, db)

    async def poll() -> None:
        def work() -> None:
            results = poll_due_feeds(db, now=clock(), poll_minutes=settings.briefing_poll_minutes,
                                     sources=settings.briefing_feeds)
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

    now = clock()
    scheduler.add_job(poll, "interval", minutes=settings.briefing_poll_minutes, next_run_time=now,
                      id="poll", max_instances=1, coalesce=True, misfire_grace_time=None)
    scheduler.add_job(tick, "interval", minutes=1, next_run_time=now, id="tick", max_instances=1, coalesce=True)
    scheduler.start()
    closers.insert(0, _shutdown_scheduler(scheduler))
    return service


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
    service = await start(settings)
    if stop is not None:
        service.stop = stop
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

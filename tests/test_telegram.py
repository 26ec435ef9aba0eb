"""Telegram end to end: the real python-telegram-bot against the local fake Bot API, the whole service running."""

from __future__ import annotations

import asyncio
import logging
import shutil
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot import service as service_module
from bot.config import load_settings
from briefings.feeds import ingest_sources
from briefings.pipeline import frame_new_stories
from briefings.sample import SAMPLE_FEED
from briefings.store import open_database, outbox
from briefings.store.subscriptions import get_subscription
from tests.fakes.feed_server import FeedServer, Route
from tests.fakes.telegram_api import FakeTelegram, Sent

ADMIN, READER, MEMBER, BLOCKER = 7, 8, 9, 10
GROUP = -1001234567890


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample newsletter ingested and framed once; each test gets a copy."""
    path = tmp_path_factory.mktemp("sample") / "sample.db"
    db = open_database(path)
    list(ingest_sources(db, [str(SAMPLE_FEED)], full_text=False))
    frame_new_stories(db)
    db.conn.close()
    return path


@pytest.fixture
def tg() -> Iterator[FakeTelegram]:
    with FakeTelegram() as server:
        server.add_user(ADMIN, "Ada Admin")
        server.add_user(READER, "Rita Reader")
        server.add_user(MEMBER, "Milo Member")
        server.add_user(BLOCKER, "Bo Blocker")
        server.add_group(GROUP, "Varnia watchers", admins=[ADMIN], members=[MEMBER])
        yield server


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
async def bot(tg: FakeTelegram, sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
              ) -> AsyncIterator[tuple[service_module.Service, Clock]]:
    """The whole service (`briefing-bot run`) serving the fake Telegram, with a clock the test moves."""
    db_path = tmp_path / "bot.db"
    shutil.copy(sample_db, db_path)
    clock = Clock()
    monkeypatch.setattr(service_module, "clock", clock)
    monkeypatch.setattr(service_module, "TELEGRAM_POLL_TIMEOUT", 0)
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    settings = load_settings(
        None, briefing_db=db_path, briefing_feeds=[], telegram_bot_token=tg.token,
        telegram_api_url=tg.url, telegram_admin_ids=[ADMIN], telegram_rate_per_second=1000,
        allow_private_networks=True,  # /addfeed's test serves its feed from 127.0.0.1
    )
    running = await service_module.start(settings)
    delivery = asyncio.create_task(service_module.deliver_forever(running))
    try:
        yield running, clock
    finally:
        running.stop.set()
        await delivery
        for close in running.closers:
            await close()


async def say(tg: FakeTelegram, user: int, text: str, chat: int | None = None, *, long: bool = False) -> list[str]:
    """A user writes `text`; return the texts of the bot's answer in that chat.

    A `long` answer comes as several messages, one a second (Telegram's per-chat limit): wait until the
    bot has been quiet for longer than that.
    """
    target = chat if chat is not None else user
    before = len(tg.messages_to(target))
    tg.send_text(user, chat, text)
    await tg.wait_for_messages(target, before + 1, timeout=5)
    while long:
        count = len(tg.messages_to(target))
        try:
            await tg.wait_until(lambda seen=count: len(tg.messages_to(target)) > seen, timeout=1.5)
        except AssertionError:
            break
    return [s.plain or "" for s in tg.messages_to(target)[before:]]


def assert_all_accepted(tg: FakeTelegram) -> None:
    """Every message the bot sent passed the fake's checks (HTML Telegram can parse, <= 4096 characters)."""
    refused = [c for c in tg.calls if c.method in ("sendMessage", "editMessageText") and c.status == 400]
    assert refused == []


async def test_start_help_and_reader_commands_in_a_private_chat(tg: FakeTelegram, bot: object) -> None:
    [welcome] = await say(tg, READER, "/start")
    assert "stance briefing" in welcome and "/stance NAME" in welcome and "/brief_now" not in welcome
    stance = await say(tg, READER, "/stance Gritsevich", long=True)
    assert "Aliaksandra Hrytsevich" in stance[0]
    assert "Usage: /stance NAME" in (await say(tg, READER, "/stance"))[0]
    assert "Nobody called Quentin Nobody" in (await say(tg, READER, "/stance Quentin Nobody"))[0]
    assert "Who stands where" in (await say(tg, READER, "/figures"))[0]
    latest = await say(tg, READER, "/latest", long=True)
    assert "Weekly stance briefing" in latest[0]
    assert "I don't know /dance" in (await say(tg, READER, "/dance"))[0]
    assert "I answer commands" in (await say(tg, READER, "hello bot"))[0]
    [registered] = tg.commands.values()
    names = {c["command"] for c in registered}
    assert {"help", "stance", "subscribe", "latest", "figures", "follow"} <= names and "brief_now" not in names
    assert_all_accepted(tg)


async def test_group_commands_need_the_group_admin(tg: FakeTelegram, bot: object) -> None:
    assert "Commands" in (await say(tg, MEMBER, f"/help@{tg.bot_user['username']}", chat=GROUP))[0]
    refused = await say(tg, MEMBER, "/subscribe", chat=GROUP)
    assert "Only this group's admins" in refused[0]
    assert "Subscribed" in (await say(tg, ADMIN, "/subscribe", chat=GROUP))[0]
    db = open_database(bot[0].services.db._path)  # type: ignore[attr-defined]
    subscription = get_subscription(db, "telegram", str(GROUP))
    assert subscription is not None and subscription.kind == "group"
    tg.send_text(MEMBER, GROUP, "/stance@someotherbot Marchuk")  # not for us: no answer
    assert "Unsubscribed" in (await say(tg, ADMIN, "/unsubscribe", chat=GROUP))[0]
    assert all("Marchuk" not in t for t in tg.texts_to(GROUP))


async def test_settings_by_buttons_and_arguments(tg: FakeTelegram, bot: object) -> None:
    await say(tg, READER, "/subscribe")
    before = len(tg.messages_to(READER))
    tg.send_text(READER, None, "/settings")
    [shown] = (await tg.wait_for_messages(READER, before + 1))[before:]
    assert "Mon 08:00 (Europe/Minsk)" in (shown.plain or "")
    tg.press_button(READER, None, shown.message_id, "/settings day fri")
    sent = await tg.wait_for_messages(READER, before + 2)
    assert "Fri 08:00" in (sent[-1].plain or "")
    assert "Fri 09:30 (Europe/Warsaw)" in (await say(tg, READER, "/settings fri 09:30 Europe/Warsaw"))[0]
    assert "not an IANA time zone" in (await say(tg, READER, "/settings fri 09:30 Mars/Olympus"))[0]
    assert "Following Uladzimir Marchuk" in (await say(tg, READER, "/follow Marchuk"))[0]
    assert "No more alerts" in (await say(tg, READER, "/unfollow Marchuk"))[0]
    assert_all_accepted(tg)


async def preview(tg: FakeTelegram) -> tuple[Sent, list[str]]:
    """The admin asks for /brief_now; return the message carrying the buttons, and their callback data."""
    texts = await say(tg, ADMIN, "/brief_now", long=True)
    assert texts[0].startswith("Preview.")
    last = tg.messages_to(ADMIN)[-1]
    assert last.reply_markup is not None
    return last, [b["callback_data"] for row in last.reply_markup["inline_keyboard"] for b in row]


async def test_admin_brief_now_confirm_double_press_counts_blocked_and_429(
        tg: FakeTelegram, bot: tuple[service_module.Service, Clock], caplog: pytest.LogCaptureFixture) -> None:
    for user in (READER, BLOCKER, MEMBER):
        await say(tg, user, "/subscribe")
    with caplog.at_level(logging.WARNING):
        refused = await say(tg, READER, "/brief_now")
    assert "for the bot's admins" in refused[0] and "refused admin command /brief_now" in caplog.text
    tg.block(BLOCKER)
    tg.fail_next("sendMessage", 429, retry_after=1, chat_id=MEMBER)
    last, buttons = await preview(tg)
    assert any("3 subscribed chats" in t for t in tg.texts_to(ADMIN))
    confirm = next(b for b in buttons if "confirm" in b)
    tg.press_button(ADMIN, None, last.message_id, confirm)
    tg.press_button(ADMIN, None, last.message_id, confirm)  # the double press
    await tg.wait_until(lambda: any("Broadcast done" in t for t in tg.texts_to(ADMIN)), timeout=10,
                        what="the admin's report")
    report = next(t for t in tg.texts_to(ADMIN) if "Broadcast done" in t)
    assert "2 delivered" in report and "1 skipped" in report
    assert any("Already handled" in t for t in tg.texts_to(ADMIN))
    assert any("Sending" in t for t in [tg.message(ADMIN, last.message_id)["text"]])  # the preview was edited
    for user in (READER, MEMBER):
        briefing = [t for t in tg.texts_to(user) if "Weekly stance briefing" in t]
        assert len(briefing) == 1  # once, despite the double press and the 429
    db = open_database(bot[0].services.db._path)  # type: ignore[attr-defined]
    blocked = get_subscription(db, "telegram", str(BLOCKER))
    assert blocked is not None and not blocked.active
    assert tg.violations == []
    assert_all_accepted(tg)


async def test_a_subscriber_presses_more_under_the_broadcast_digest_and_gets_that_debate(
        tg: FakeTelegram, bot: tuple[service_module.Service, Clock]) -> None:
    await say(tg, READER, "/subscribe")
    last, buttons = await preview(tg)
    tg.press_button(ADMIN, None, last.message_id, next(b for b in buttons if "confirm" in b))
    await tg.wait_until(lambda: any("Weekly stance briefing" in t for t in tg.texts_to(READER)), timeout=10,
                        what="the broadcast digest")
    await tg.wait_until(lambda: tg.messages_to(READER)[-1].reply_markup is not None, timeout=10,
                        what="the digest's buttons")
    digest = tg.messages_to(READER)[-1]
    more = [b["callback_data"] for row in digest.reply_markup["inline_keyboard"] for b in row]  # type: ignore[index]
    assert more and more[0].startswith("/story 20") and all(len(m.encode()) <= 64 for m in more)
    before = len(tg.messages_to(READER))
    tg.press_button(READER, None, digest.message_id, more[0])
    tg.press_button(READER, None, digest.message_id, more[0])  # the double press
    await tg.wait_for_messages(READER, before + 1, timeout=5)
    await tg.wait_until(lambda: len(tg.callback_answers) >= 2, timeout=5, what="both presses answered")
    await asyncio.sleep(1.5)
    parts = [s.plain or "" for s in tg.messages_to(READER)[before:]]
    assert sum(p.startswith("1. ") for p in parts) == 1  # sent once despite the double press
    detail = "\n".join(parts)
    assert parts[0].startswith("1. ") and "Aliaksandra Hrytsevich" in detail and "Sources" in detail
    assert "Ryhor Svirydau" in detail and "“" in detail  # every figure, with their quotes
    story = await say(tg, MEMBER, "/story 1", chat=GROUP, long=True)  # the same in any chat, by number
    assert story[0].startswith("1. ") and "Aliaksandra Hrytsevich" in story[0]
    assert_all_accepted(tg)


async def test_more_pressed_in_a_group_goes_privately_to_whoever_pressed(
        tg: FakeTelegram, bot: tuple[service_module.Service, Clock]) -> None:
    stranger = tg.add_user(11, "Sam Stranger", started=False)  # never opened a private chat with the bot
    await say(tg, MEMBER, "/latest", chat=GROUP)
    digest = tg.messages_to(GROUP)[-1]
    assert digest.reply_markup is not None
    more = digest.reply_markup["inline_keyboard"][0][0]["callback_data"]
    in_group = len(tg.messages_to(GROUP))
    tg.press_button(MEMBER, GROUP, digest.message_id, more)
    await tg.wait_for_messages(MEMBER, 1, timeout=5)
    assert tg.texts_to(MEMBER)[0].startswith("1. ")
    tg.press_button(stranger, GROUP, digest.message_id, more)
    await tg.wait_until(lambda: any(a.get("show_alert") for a in tg.callback_answers), timeout=5,
                        what="the stranger's alert")
    assert "private chat" in next(a["text"] for a in tg.callback_answers if a.get("show_alert"))
    assert len(tg.messages_to(GROUP)) == in_group  # the group saw none of it
    assert_all_accepted(tg)


async def test_confirmation_expires_after_ten_minutes(tg: FakeTelegram,
                                                      bot: tuple[service_module.Service, Clock]) -> None:
    last, buttons = await preview(tg)
    bot[1].now += timedelta(minutes=11)
    tg.press_button(ADMIN, None, last.message_id, next(b for b in buttons if "confirm" in b))
    await tg.wait_until(lambda: any("expired" in t for t in tg.texts_to(ADMIN)), timeout=5, what="expiry")
    db = open_database(bot[0].services.db._path)  # type: ignore[attr-defined]
    assert outbox.counts(db)["queued"] == outbox.counts(db)["sent"] == 0


async def test_admin_feed_commands_and_stats(tg: FakeTelegram, bot: object) -> None:
    feed = (Path(__file__).parent / "data" / "feeds" / "atom.xml").read_bytes()
    with FeedServer() as server:
        url = server.add("/feed.xml", Route(body=feed))
        added = await say(tg, ADMIN, f"/addfeed {url}")
        assert "Added" in added[0]
        assert url in (await say(tg, ADMIN, "/feeds"))[0]
        assert "Not added" in (await say(tg, ADMIN, f"/addfeed {server.url('/missing')}"))[0]
    assert "Removed" in (await say(tg, ADMIN, f"/removefeed {url}"))[0]
    stats = (await say(tg, ADMIN, "/stats"))[0]
    assert "Stories:" in stats and "Deliveries:" in stats
    assert "for the bot's admins" in (await say(tg, READER, "/stats"))[0]
    assert_all_accepted(tg)


async def test_webhook_mode_takes_signed_updates_only(tg: FakeTelegram, sample_db: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import socket
    import time as wall

    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    db_path = tmp_path / "hook.db"
    shutil.copy(sample_db, db_path)
    monkeypatch.setattr(service_module, "WEBHOOK_LISTEN", "127.0.0.1")
    settings = load_settings(
        None, briefing_db=db_path, briefing_feeds=[], telegram_bot_token=tg.token, telegram_api_url=tg.url,
        telegram_webhook_url="https://bot.example.org/tg-hook", telegram_webhook_port=port,
        telegram_webhook_secret="s3cret-hook-token",
    )
    running = await service_module.start(settings)
    try:
        assert tg.webhook["url"] == "https://bot.example.org/tg-hook"
        update = {"update_id": 1, "message": {
            "message_id": 1, "date": int(wall.time()), "text": "/help",
            "chat": {"id": READER, "type": "private", "first_name": "Rita"},
            "from": {"id": READER, "is_bot": False, "first_name": "Rita"},
            "entities": [{"type": "bot_command", "offset": 0, "length": 5}]}}
        async with httpx.AsyncClient() as client:
            url = f"http://127.0.0.1:{port}/tg-hook"
            forged = await client.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "guess"})
            assert forged.status_code == 403
            signed = await client.post(url, json=update,
                                       headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret-hook-token"})
            assert signed.status_code == 200
        [reply] = await tg.wait_for_messages(READER, 1, timeout=5)
        assert "Commands" in (reply.plain or "")
    finally:
        running.stop.set()
        for close in running.closers:
            await close()


CHANNEL, HIDDEN, NOT_ADMIN, READ_ONLY = -1009876543210, -1007777777777, -1005555555555, -1006666666666


async def confirm_broadcast(tg: FakeTelegram) -> None:
    """The admin sends /brief_now, confirms, and waits for the report."""
    reports = sum("Broadcast done" in t for t in tg.texts_to(ADMIN))
    last, buttons = await preview(tg)
    tg.press_button(ADMIN, None, last.message_id, next(b for b in buttons if "confirm" in b))
    await tg.wait_until(lambda: sum("Broadcast done" in t for t in tg.texts_to(ADMIN)) > reports, timeout=10,
                        what="the admin's report")


async def test_channels_link_by_name_or_forward_get_briefings_and_unlink_on_403(
        tg: FakeTelegram, bot: tuple[service_module.Service, Clock]) -> None:
    tg.add_channel(CHANNEL, "Varnia News", username="varnia_news", owner=ADMIN)
    tg.add_channel(HIDDEN, "Hidden Varnia", owner=ADMIN)  # private: no @name, linked by forwarding a post
    tg.add_channel(NOT_ADMIN, "Not ours", username="not_ours", bot_admin=False)
    tg.add_channel(READ_ONLY, "Read only", username="read_only", can_post=False)
    assert "for the bot's admins" in (await say(tg, READER, "/channel add @varnia_news"))[0]
    assert "Not linked: I am not a member of @not_ours" in (await say(tg, ADMIN, "/channel add @not_ours"))[0]
    assert "allowed to post" in (await say(tg, ADMIN, "/channel add @read_only"))[0]
    assert "is not a channel" in (await say(tg, ADMIN, f"/channel add {GROUP}"))[0]
    assert "Linked @varnia_news" in (await say(tg, ADMIN, "/channel add @varnia_news"))[0]
    assert "already linked" in (await say(tg, ADMIN, "/channel add varnia_news"))[0]
    before = len(tg.messages_to(ADMIN))
    tg.forward_from_channel(ADMIN, HIDDEN, "a post from the hidden channel")
    [linked] = (await tg.wait_for_messages(ADMIN, before + 1))[before:]
    assert "Linked Hidden Varnia" in (linked.plain or "")
    listed = (await say(tg, ADMIN, "/channel list"))[0]
    assert "@varnia_news" in listed and "Hidden Varnia" in listed and "not_ours" not in listed
    assert tg.calls_to("getChatMember")[-1].params["user_id"] == tg.bot_user["id"]  # the bot's own rights

    tg.post_in_channel(CHANNEL, "/subscribe")  # a channel post has no sender to check: ignored, no apology
    await confirm_broadcast(tg)
    for channel in (CHANNEL, HIDDEN):
        assert sum("Weekly stance briefing" in t for t in tg.texts_to(channel)) == 1
    assert all("went wrong" not in t and "Subscribed" not in t for t in tg.texts_to(CHANNEL))

    tg.revoke_admin(CHANNEL)  # the owner takes the bot's rights away: the next send gets 403
    await confirm_broadcast(tg)
    db = open_database(bot[0].services.db._path)  # type: ignore[attr-defined]
    lost = get_subscription(db, "telegram", str(CHANNEL))
    assert lost is not None and not lost.active and lost.linked_by == str(ADMIN)
    job = bot[0].scheduler.get_job("channel_losses")
    await job.func()
    await job.func()  # told once, not every minute
    told = [t for t in tg.texts_to(ADMIN) if "Channel unlinked" in t]
    assert len(told) == 1 and "@varnia_news" in told[0] and "not a member of the channel" in told[0]

    assert "Unlinked Hidden Varnia" in (await say(tg, ADMIN, "/channel remove Hidden Varnia"))[0]
    assert "No linked channel" in (await say(tg, ADMIN, "/channel remove @varnia_news"))[0]
    await job.func()
    assert sum("Channel unlinked" in t for t in tg.texts_to(ADMIN)) == 1  # asked for: no loss notice
    assert "No channels linked" in (await say(tg, ADMIN, "/channel list"))[0]
    assert "/channel" in (await say(tg, ADMIN, "/help"))[0] and "/channel" not in (await say(tg, READER, "/help"))[0]
    assert tg.violations == []
    assert_all_accepted(tg)


async def test_export_sends_opml_and_import_reads_a_captioned_file(tg: FakeTelegram, bot: object) -> None:
    from briefings.feeds.opml import parse_opml
    from tests.fakes.feed_server import local_rss

    with FeedServer() as server:
        url = server.add("/feed.xml", Route(body=local_rss(server.base)))
        opml = (f'<?xml version="1.0"?><opml version="2.0"><body><outline text="News">'
                f'<outline xmlUrl="{url}" text="Atom"/><outline xmlUrl="{url}"/></outline>'
                f'<outline xmlUrl="{server.url("/gone.xml")}"/></body></opml>').encode()
        before = len(tg.messages_to(ADMIN))
        tg.send_document(ADMIN, None, "reader.opml", opml, caption="/import")
        [summary] = (await tg.wait_for_messages(ADMIN, before + 1, timeout=10))[before:]
        text = summary.plain or ""
        assert "Imported reader.opml: 1 added, 1 failed, 1 skipped" in text
        assert f"{url}: listed twice, skipped" in text and "HTTP 404" in text
        tg.send_document(ADMIN, None, "bomb.opml", b'<!DOCTYPE opml [<!ENTITY a SYSTEM "file:///etc/passwd">]>'
                         b'<opml><body><outline xmlUrl="https://x.example/f" text="&a;"/></body></opml>',
                         caption="/import")
        [refused] = (await tg.wait_for_messages(ADMIN, before + 2, timeout=10))[before + 1:]
        assert "bomb.opml: refused: the file declares an external entity" in (refused.plain or "")
        assert "nothing was imported" in (refused.plain or "")
    tg.send_document(READER, None, "reader.opml", opml, caption="/import")
    assert "for the bot's admins" in (await tg.wait_for_messages(READER, 1))[0].plain  # type: ignore[operator]
    assert "send it back with the caption /import" in (await say(tg, ADMIN, "/export"))[0]
    await tg.wait_until(lambda: len(tg.documents) == 1, what="the OPML document")
    chat_id, name, content = tg.documents[0]
    assert (chat_id, name) == (ADMIN, "feeds.opml") and [f.url for f in parse_opml(content)] == [url]
    assert "Send me an OPML file" in (await say(tg, ADMIN, "/import"))[0]
    assert_all_accepted(tg)

"""The fake Telegram Bot API, driven by the real python-telegram-bot: what it accepts, refuses and records."""

from __future__ import annotations

import asyncio
import datetime as dtm
from collections.abc import AsyncIterator, Iterator
from typing import Any, TypeAlias

import pytest
from telegram import Bot, BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import (
    BadRequest,
    ChatMigrated,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
)
from telegram.request import HTTPXRequest

from tests.fakes.telegram_api import FakeTelegram, RateLimits

App: TypeAlias = "Application[Any, Any, Any, Any, Any, Any]"
ANA, BORIS, CHLOE = 7, 8, 9
GROUP = -1001234567890
BASIC_GROUP = -4242


@pytest.fixture(autouse=True)
def timedelta_retry_after(monkeypatch: pytest.MonkeyPatch) -> None:
    """Opt into PTB's timedelta periods: without it, building `RetryAfter` warns (an error under -W error)."""
    monkeypatch.setenv("PTB_TIMEDELTA", "true")


@pytest.fixture
def tg() -> Iterator[FakeTelegram]:
    """A fake with two users, a supergroup (Ana admin, Boris member) and a basic group."""
    with FakeTelegram() as server:
        server.add_user(ANA, "Ana", username="ana")
        server.add_user(BORIS, "Boris")
        server.add_group(GROUP, "Readers", admins=[ANA], members=[BORIS])
        server.add_group(BASIC_GROUP, "Book club", admins=[BORIS])
        yield server


@pytest.fixture
async def bot(tg: FakeTelegram) -> AsyncIterator[Bot]:
    async with Bot(tg.token, base_url=tg.base_url) as client:
        yield client


async def test_get_me_names_the_bot(bot: Bot, tg: FakeTelegram) -> None:
    me = await bot.get_me()
    assert me.is_bot and me.username == "briefing_test_bot"
    assert tg.call_counts["getMe"] >= 1


async def test_html_message_is_parsed_into_entities_and_recorded(bot: Bot, tg: FakeTelegram) -> None:
    html = '<b>Who argued what</b>\n<a href="https://example.org/a">source</a> &amp; more 😀<i>x</i>'
    message = await bot.send_message(ANA, html, parse_mode="HTML")
    assert message.text == "Who argued what\nsource & more 😀x"
    assert [e.type for e in message.entities] == ["bold", "text_link", "italic"]
    assert message.entities[2].offset == len("Who argued what\nsource & more ") + 2  # UTF-16: the emoji is two
    [sent] = tg.messages_to(ANA)
    assert (sent.text, sent.plain, sent.parse_mode, sent.message_id) == (html, message.text, "HTML", 1)


@pytest.mark.parametrize(
    ("html", "error"),
    [
        ("<b>unclosed", 'can\'t find end tag corresponding to start tag "b"'),
        ("<b>crossed <i>tags</b></i>", 'unmatched end tag at byte offset 18, expected "</i>", found "</b>"'),
        ("<div>block</div>", 'unsupported start tag "div" at byte offset 0'),
        ("1 < 2", 'unsupported start tag "" at byte offset 2'),
        ("AT&T", 'unescaped "&" at byte offset 2'),
        ("stray </b>", "unexpected end tag at byte offset 6"),
        ('<span class="x">s</span>', 'tag "span" must have class "tg-spoiler"'),
    ],
    ids=["unclosed", "crossed", "div", "bare-lt", "bare-amp", "stray-end", "span"],
)
async def test_bad_html_is_refused_like_telegram(bot: Bot, tg: FakeTelegram, html: str, error: str) -> None:
    with pytest.raises(BadRequest) as caught:
        await bot.send_message(ANA, html, parse_mode="HTML")
    # PTB strips "Bad Request: " and capitalize()s the rest, which lowercases it.
    assert str(caught.value).lower().startswith(f"can't parse entities: {error}".lower())
    assert tg.messages_to(ANA) == []


async def test_allowed_html_passes(bot: Bot) -> None:
    html = (
        "<strong>s</strong><em>e</em><u>u</u><ins>i</ins><s>s</s><strike>k</strike><del>d</del>"
        '<tg-spoiler>t</tg-spoiler><span class="tg-spoiler">p</span><code>c</code>'
        '<pre><code class="language-python">x = 1</code></pre><blockquote expandable>q</blockquote>'
        '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji> 3 &lt; 4 &gt; 2 &quot;ok&quot; &#39;'
    )
    message = await bot.send_message(ANA, html, parse_mode="HTML")
    types = [e.type for e in message.entities]
    assert "pre" in types and "expandable_blockquote" in types and "custom_emoji" in types
    assert (message.text or "").endswith('3 < 4 > 2 "ok" \'')


async def test_length_counts_utf16_after_parsing(bot: Bot) -> None:
    await bot.send_message(ANA, "<b>" + "😀" * 2048 + "</b>", parse_mode="HTML")  # 4096 units: fits
    with pytest.raises(BadRequest, match="(?i)message is too long"):
        await bot.send_message(ANA, "😀" * 2048 + "!")
    with pytest.raises(BadRequest, match="(?i)message text is empty"):
        await bot.send_message(ANA, "<b> </b>\n", parse_mode="HTML")


async def test_unknown_chat_is_not_found(bot: Bot) -> None:
    with pytest.raises(BadRequest, match="(?i)chat not found"):
        await bot.send_message(31337, "hello")


async def test_commands_are_recorded_and_validated(bot: Bot, tg: FakeTelegram) -> None:
    commands = [BotCommand("start", "What the bot does"), BotCommand("stance", "A figure's stance")]
    assert await bot.set_my_commands(commands)
    assert [c["command"] for c in tg.commands[('{"type": "default"}', "")]] == ["start", "stance"]
    assert [c.command for c in await bot.get_my_commands()] == ["start", "stance"]
    with pytest.raises(BadRequest, match="(?i)bot_command_invalid"):
        await bot.set_my_commands([BotCommand("Brief-Now", "not a valid name")])
    assert await bot.delete_my_commands()
    assert await bot.get_my_commands() == ()


async def test_blocked_user_and_kicked_bot_are_forbidden(bot: Bot, tg: FakeTelegram) -> None:
    tg.block(ANA)
    tg.block(BASIC_GROUP)
    with pytest.raises(Forbidden, match="(?i)bot was blocked by the user"):
        await bot.send_message(ANA, "weekly briefing")
    with pytest.raises(Forbidden, match="(?i)bot was kicked from the group chat"):
        await bot.send_message(BASIC_GROUP, "weekly briefing")
    tg.add_user(CHLOE, "Chloe", started=False)
    with pytest.raises(Forbidden, match="(?i)can't initiate conversation"):
        await bot.send_message(CHLOE, "hello")
    assert tg.messages_to(ANA) == [] and tg.pending_updates == 2  # one my_chat_member per block


async def test_429_carries_retry_after_and_a_storm_ends(bot: Bot, tg: FakeTelegram) -> None:
    tg.fail_next("sendMessage", 429, retry_after=2, times=3)
    for _ in range(3):
        with pytest.raises(RetryAfter) as caught:
            await bot.send_message(ANA, "briefing")
        assert caught.value.retry_after == dtm.timedelta(seconds=2)
    await bot.send_message(ANA, "briefing")
    assert [c.status for c in tg.calls_to("sendMessage")] == [429, 429, 429, 200]


async def test_faults_target_one_chat_and_server_errors_are_network_errors(bot: Bot, tg: FakeTelegram) -> None:
    tg.fail_next("sendMessage", 500, chat_id=BORIS)
    await bot.send_message(ANA, "fine")
    with pytest.raises(NetworkError, match="Internal Server Error"):
        await bot.send_message(BORIS, "fails once")
    await bot.send_message(BORIS, "fine now")
    assert tg.texts_to(BORIS) == ["fine now"]


async def test_migrated_group_names_the_supergroup(bot: Bot, tg: FakeTelegram) -> None:
    tg.migrate(BASIC_GROUP, -1009999)
    with pytest.raises(ChatMigrated) as caught:
        await bot.send_message(BASIC_GROUP, "hello")
    assert caught.value.new_chat_id == -1009999
    await bot.send_message(-1009999, "hello again")


async def test_slow_answer_times_out_but_the_message_still_lands(tg: FakeTelegram) -> None:
    tg.delay("sendMessage", 0.3)
    request = HTTPXRequest(read_timeout=0.05)
    async with Bot(tg.token, base_url=tg.base_url, request=request) as slow:
        with pytest.raises(TimedOut):
            await slow.send_message(ANA, "in flight")
    await tg.wait_for_messages(ANA, 1)  # as with Telegram: a timed-out send may still be delivered


async def test_unknown_method_and_wrong_token(bot: Bot, tg: FakeTelegram) -> None:
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("sendTelepathy")
    with pytest.raises(InvalidToken):
        async with Bot("42:wrong", base_url=tg.base_url):
            pass


async def test_rate_violations_are_counted_per_chat_group_and_overall() -> None:
    now = [100.0]
    with FakeTelegram(limits=RateLimits(overall=(3, 1.0)), clock=lambda: now[0]) as tg:
        tg.add_user(ANA, "Ana")
        tg.add_user(BORIS, "Boris")
        tg.add_group(GROUP, "Readers", admins=[ANA])
        async with Bot(tg.token, base_url=tg.base_url) as bot:
            await bot.send_message(ANA, "1")
            await bot.send_message(ANA, "2")  # same chat within a second
            await bot.send_message(BORIS, "3")
            await bot.send_message(GROUP, "4")  # fourth message within a second overall
            now[0] += 1.0
            for i in range(20):
                now[0] += 1.0
                await bot.send_message(GROUP, f"group {i}")  # 21 in a minute by the last one
    assert tg.violation_counts() == {"chat": 1, "overall": 1, "group": 1}
    assert [v.chat_id for v in tg.violations] == [ANA, GROUP, GROUP]
    assert tg.sent_count == 24  # counted, not refused


async def test_enforced_limits_answer_429() -> None:
    with FakeTelegram(enforce=True) as tg:
        tg.add_user(ANA, "Ana")
        async with Bot(tg.token, base_url=tg.base_url) as bot:
            await bot.send_message(ANA, "first")
            with pytest.raises(RetryAfter) as caught:
                await bot.send_message(ANA, "too soon")
    assert caught.value.retry_after == dtm.timedelta(seconds=1)
    assert tg.texts_to(ANA) == ["first"] and len(tg.violations) == 1


async def test_count_only_recording_keeps_no_texts() -> None:
    with FakeTelegram(record="count", auto_users=True, limits=RateLimits(per_chat=None, overall=None)) as tg:
        async with Bot(tg.token, base_url=tg.base_url) as bot:
            await asyncio.gather(*(bot.send_message(chat_id, "x") for chat_id in range(1, 21)))
    assert tg.sent_count == 20 and tg.sent == [] and tg.violations == []


async def test_long_poll_wakes_on_a_new_update_and_honours_offset(bot: Bot, tg: FakeTelegram) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=10))
    await tg.wait_until(lambda: tg.call_counts["getMe"] >= 1)  # the poll is on its way
    await asyncio.sleep(0.05)
    tg.send_text(ANA, None, "/start")
    [update] = await asyncio.wait_for(poll, 2)
    assert update.message is not None
    assert update.message.text == "/start" and update.message.entities[0].type == "bot_command"
    assert await bot.get_updates(offset=update.update_id + 1, timeout=0) == ()
    assert tg.pending_updates == 0


async def test_allowed_updates_filter_and_privacy_mode(bot: Bot, tg: FakeTelegram) -> None:
    tg.send_text(BORIS, GROUP, "just chatting")  # privacy mode: not for the bot
    tg.send_text(BORIS, GROUP, "/help@some_other_bot")  # another bot's command
    tg.send_text(BORIS, GROUP, "/help@briefing_test_bot")
    tg.block(BASIC_GROUP)  # a my_chat_member update
    updates = await bot.get_updates(timeout=0, allowed_updates=["message"])
    messages = [u.message for u in updates if u.message is not None]
    assert [m.text for m in messages] == ["/help@briefing_test_bot"] and len(updates) == 1
    assert messages[0].entities[0].length == len("/help@briefing_test_bot")


async def test_edits_buttons_and_callback_answers_are_checked(bot: Bot, tg: FakeTelegram) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Send", callback_data="confirm:2026-W48")]])
    message = await bot.send_message(ANA, "Preview", reply_markup=keyboard)
    with pytest.raises(BadRequest, match="(?i)message is not modified"):
        await bot.edit_message_text("Preview", ANA, message.message_id, reply_markup=keyboard)
    too_long = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="c" * 65)]])
    with pytest.raises(BadRequest, match="(?i)button_data_invalid"):
        await bot.send_message(ANA, "Preview", reply_markup=too_long)
    with pytest.raises(LookupError):
        tg.press_button(ANA, ANA, message.message_id, "confirm:other-week")
    query_id = tg.press_button(ANA, ANA, message.message_id, "confirm:2026-W48")
    assert await bot.answer_callback_query(query_id, "Sending")
    with pytest.raises(BadRequest, match="(?i)query is too old"):
        await bot.answer_callback_query(query_id)
    edited = await bot.edit_message_text("Sent to 2 chats", ANA, message.message_id)
    assert (
        isinstance(edited, Message)
        and edited.reply_markup is None
        and tg.message(ANA, message.message_id)["text"] == "Sent to 2 chats"
    )
    assert [e.method for e in tg.edits] == ["editMessageText"]


async def test_members_and_admins(bot: Bot, tg: FakeTelegram) -> None:
    assert (await bot.get_chat_member(GROUP, ANA)).status == "creator"
    assert (await bot.get_chat_member(GROUP, BORIS)).status == "member"
    assert (await bot.get_chat_member(BASIC_GROUP, ANA)).status == "left"
    tg.add_group(-100555, "Editors", admins=[ANA, BORIS])
    admins = await bot.get_chat_administrators(-100555)
    assert [(m.user.id, m.status) for m in admins] == [(ANA, "creator"), (BORIS, "administrator")]
    assert (await bot.get_chat(GROUP)).title == "Readers"
    assert await bot.leave_chat(GROUP)
    with pytest.raises(Forbidden, match="(?i)not a member of the supergroup chat"):
        await bot.send_message(GROUP, "hello?")


async def test_runs_on_the_callers_loop_too() -> None:
    async with FakeTelegram() as tg, Bot(tg.token, base_url=tg.base_url) as bot:
        assert (await bot.get_me()).username == "briefing_test_bot"


# ---- a real Application polling the fake --------------------------------------------------------


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet, with a button."""
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Subscribe", callback_data="subscribe")]])
    assert update.effective_message is not None
    await update.effective_message.reply_text("<b>Welcome</b>", parse_mode="HTML", reply_markup=keyboard)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the commands."""
    assert update.effective_message is not None
    await update.effective_message.reply_text("/stance NAME, /latest")


async def pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Acknowledge the button and say so in the message."""
    query = update.callback_query
    assert query is not None
    await query.answer("Subscribed")
    await query.edit_message_text(f"You pressed {query.data}")


@pytest.fixture
async def app(tg: FakeTelegram) -> AsyncIterator[App]:
    application = ApplicationBuilder().token(tg.token).base_url(tg.base_url).build()
    application.add_handler(CommandHandler("start", start))
    application.add_handler(CommandHandler("help", help_command))
    application.add_handler(CallbackQueryHandler(pressed))
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(timeout=1)
        yield application
        await application.updater.stop()
        await application.stop()


async def test_application_answers_commands_and_buttons(app: App, tg: FakeTelegram) -> None:
    tg.send_text(ANA, None, "/start")
    [welcome] = await tg.wait_for_messages(ANA, 1)
    assert (welcome.plain, welcome.reply_to) == ("Welcome", None)

    asked = tg.send_text(BORIS, GROUP, "/help@briefing_test_bot")
    [help_reply] = await tg.wait_for_messages(GROUP, 1)
    assert help_reply.plain == "/stance NAME, /latest"
    assert help_reply.reply_to == asked["message_id"]  # PTB quotes in groups

    tg.press_button(ANA, None, welcome.message_id, "subscribe")
    await tg.wait_until(lambda: len(tg.edits) == 1, what="the edit")
    assert tg.callback_answers[0]["text"] == "Subscribed"
    assert tg.edits[0].plain == "You pressed subscribe"
    assert tg.webhook is None and tg.call_counts["deleteWebhook"] == 1

"""The Slack adapter end to end in HTTP mode: signed requests in, the real slack-sdk out to the fake Web API.

Every reply is asserted where the adapter puts it: a chat.postMessage in the
channel (a chat.update for a pressed button whose reply replaces the message,
the command's response_url where the bot can't post). The fake checks every
message against Block Kit's limits, and each test ends with no violation.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.commands import Services
from bot.config import Settings, SettingsError, load_settings
from bot.errors import PlatformAuthError, PlatformUnreachable
from bot.slack import SlackRunning, build_slack_app, start_slack
from bot.slack.blocks import home_view
from briefings.debates import update_debates
from briefings.framing.model import FigureFrame, StanceFrame
from briefings.render.doc import Doc, Paragraph, spans
from briefings.schedule import parse_schedule
from briefings.store import open_database
from briefings.store.statements import save_frame
from briefings.store.subscriptions import get_subscription
from tests.fakes.feed_server import LOCAL
from tests.fakes.slack_api import FakeSlack, Posted, SlackRequests, free_port

NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)
SECRET = "fake-signing-secret-0123456789"
ADMIN, READER = "UADMIN", "UREADER"
CHANNEL, DM, NO_BOT = "C0READERS", "D0READER", "C0NOBOT"


@dataclass
class World:
    """A running adapter, the fake Slack around it, and what the service saw."""

    slack: FakeSlack
    running: SlackRunning
    requests: SlackRequests
    services: Services
    broadcasts: list[str] = field(default_factory=list)

    async def ask(self, text: str, *, user: str = READER, channel: str = CHANNEL) -> Posted:
        """`/briefing TEXT`; return the first new message the adapter sent in answer."""
        before = len(self.slack.posted)
        name = "directmessage" if channel.startswith("D") else self.slack.channels[channel].name
        status, body = await self.requests.command(text, user=user, channel=channel, channel_name=name,
                                                   response_url=self.slack.response_url())
        assert (status, body) == (200, "")  # acked at once, with nothing in the ack body
        new: list[Posted] = await self.slack.wait_for(lambda: self.slack.posted[before:])
        return new[0]

    async def press(self, message: Posted, label: str, *, user: str = ADMIN) -> tuple[int, str]:
        button = next(b for b in message.buttons if b["text"]["text"] == label)
        assert message.channel is not None and message.ts is not None
        return await self.requests.press(button, user=user, channel=message.channel, message_ts=message.ts,
                                         response_url=self.slack.response_url())


def seed(db_path: Path) -> Services:
    db = open_database(db_path)
    db.table("stories").insert({"id": "s1", "title": "Bridge vote", "link": "https://example.org/s1",
                                "published": datetime(2026, 11, 24, tzinfo=UTC).isoformat()})
    save_frame(db, story_id="s1", published=datetime(2026, 11, 24, tzinfo=UTC), frame=StanceFrame(
        question="Should the bridge carry trams?",
        figures=[FigureFrame(name="Nadia Ferro", role="transport councillor", side="trams",
                             quotes=["Trams move twice the people on the same deck."]),
                 FigureFrame(name="Piet Loos", side="cars", quotes=["Cars pay for the bridge."])],
    ))
    update_debates(db)  # what framing does after saving a frame
    # LOCAL: /addfeed's tests point at 127.0.0.1, which the default policy would refuse before reading.
    return Services(db=db, schedule=parse_schedule("mon 08:00"), timezone=ZoneInfo("Europe/Minsk"),
                    clock=lambda: NOW, outbound=LOCAL)


def slack_settings(slack: FakeSlack, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "slack_bot_token": slack.bot_token, "slack_signing_secret": SECRET, "slack_api_url": slack.api_url,
        "slack_port": free_port(), "slack_admin_ids": [ADMIN],
    }
    return load_settings(env_file=None, **{**values, **overrides})


@pytest.fixture
async def slack() -> AsyncIterator[FakeSlack]:
    async with FakeSlack() as fake:
        fake.add_channel(CHANNEL, "readers")
        fake.add_channel(DM, "directmessage")
        fake.add_channel(NO_BOT, "elsewhere", private=True, member=False)
        fake.add_user(ADMIN, "ada", is_admin=True)
        fake.add_user(READER, "rui")
        yield fake
        assert fake.violations == []


@pytest.fixture
async def world(slack: FakeSlack, db_path: Path) -> AsyncIterator[World]:
    services = seed(db_path)
    broadcasts: list[str] = []
    settings = slack_settings(slack)
    running = await start_slack(settings, services, on_broadcast=broadcasts.append, host="127.0.0.1")
    assert running.mode == "http" and running.bot_user_id == "UBOT"
    requests = SlackRequests(url=f"http://127.0.0.1:{settings.slack_port}/slack/events", secret=SECRET)
    yield World(slack, running, requests, services, broadcasts)
    await running.stop()


# -- slash commands ----------------------------------------------------------------------------------------------

COMMANDS = [
    # (text typed after /briefing, who, what the reply shows)
    ("", READER, "/briefing stance NAME"),
    ("help", READER, "/briefing subscribe"),
    ("latest", READER, "Should the bridge carry trams?"),
    ("stance Nadia Ferro", READER, "Trams move twice the people"),
    ("stance Ferro", READER, "Nadia Ferro"),
    ("stance", READER, "Usage: `/briefing stance NAME`"),
    ("figures", READER, "Nadia Ferro"),
    ("frobnicate now", READER, "I don't know `/briefing frobnicate`. Send `/briefing help`"),
    ("settings", READER, "not subscribed. Send `/briefing subscribe`"),
    ("follow Nadia Ferro", READER, "not subscribed"),
    ("stats", READER, "for the bot's admins"),
    ("feeds", READER, "for the bot's admins"),
    ("brief_now", READER, "for the bot's admins"),
    ("stats", ADMIN, "Subscribers:"),
    ("feeds", ADMIN, "No feeds yet"),
    ("addfeed not-a-url", ADMIN, "Usage: `/briefing addfeed https://example.org/feed.xml`"),
    ("removefeed https://example.org/none.xml", ADMIN, "No feed `https://example.org/none.xml`"),
    ("removefeed", ADMIN, "Usage: `/briefing removefeed URL`"),
    ("brief_now now please", ADMIN, "`/briefing brief_now` takes no arguments"),
    ("help", ADMIN, "/briefing brief_now"),
]


@pytest.mark.parametrize(("text", "user", "shown"), COMMANDS,
                         ids=[f"{t or '(empty)'}-{u}" for t, u, _ in COMMANDS])
async def test_every_subcommand_answers_in_the_channel(world: World, text: str, user: str, shown: str) -> None:
    reply = await world.ask(text, user=user)
    assert reply.method == "chat.postMessage" and reply.channel == CHANNEL
    assert shown in reply.shown
    assert reply.text.strip()  # the notification fallback


async def test_help_hides_admin_commands_from_readers(world: World) -> None:
    assert "brief_now" not in (await world.ask("help")).shown


async def test_subscribe_settings_follow_unsubscribe_in_a_channel(world: World) -> None:
    reply = await world.ask("subscribe")
    assert "Subscribed." in reply.shown and "`/briefing settings`" in reply.shown
    subscription = get_subscription(world.services.db, "slack", CHANNEL)
    assert subscription is not None and subscription.kind == "group" and subscription.title == "readers"

    settings = await world.ask("settings")
    values = [b["value"] for b in settings.buttons]
    assert "/settings day fri" in values and "/settings time 09:00" in values
    assert len({b["action_id"] for b in settings.buttons}) == len(settings.buttons)
    saved = await world.ask("settings fri 09:00 Europe/Warsaw")
    assert "Fri 09:00 (Europe/Warsaw)" in saved.shown

    assert "Following *Nadia Ferro*" in (await world.ask("follow Nadia Ferro")).shown
    assert "No more alerts about *Nadia Ferro*" in (await world.ask("unfollow Nadia Ferro")).shown
    assert "Unsubscribed" in (await world.ask("unsubscribe")).shown
    assert not get_subscription(world.services.db, "slack", CHANNEL).active  # type: ignore[union-attr]


async def test_a_settings_button_runs_its_command_for_the_presser(world: World) -> None:
    await world.ask("subscribe")
    settings = await world.ask("settings")
    before = len(world.slack.posted)
    assert (await world.press(settings, "Fri", user=READER))[0] == 200
    [saved] = await world.slack.wait_for(lambda: world.slack.posted[before:])
    assert saved.method == "chat.postMessage" and "Saved." in saved.shown and "Fri 08:00" in saved.shown


async def test_more_on_a_debate_goes_into_the_digests_thread(world: World) -> None:
    latest = await world.ask("latest")
    assert "Should the bridge carry trams?" in latest.shown and "Nadia Ferro" in latest.shown
    before = len(world.slack.posted)
    assert (await world.press(latest, "More on 1", user=READER))[0] == 200
    [detail] = await world.slack.wait_for(lambda: world.slack.posted[before:])
    assert detail.method == "chat.postMessage" and detail.options.get("thread_ts") == latest.ts
    assert "transport councillor" in detail.shown and "Trams move twice the people" in detail.shown


async def test_more_pressed_twice_quickly_posts_the_debate_once(world: World) -> None:
    latest = await world.ask("latest")
    before = len(world.slack.posted)
    first, second = await asyncio.gather(world.press(latest, "More on 1", user=READER),
                                         world.press(latest, "More on 1", user=READER))  # a double press
    third = await world.press(latest, "More on 1", user=ADMIN)  # someone else, a moment later: the same thread
    assert first[0] == second[0] == third[0] == 200
    await world.slack.wait_for(lambda: world.slack.posted[before:])
    await asyncio.sleep(1.0)  # time for any second answer to arrive
    details = world.slack.posted[before:]
    assert len(details) == 1 and details[0].options.get("thread_ts") == latest.ts
    assert "transport councillor" in details[0].shown

    other = await world.ask("latest")  # the same button under another message has its own thread
    before = len(world.slack.posted)
    await world.press(other, "More on 1", user=READER)
    [again] = await world.slack.wait_for(lambda: world.slack.posted[before:])
    assert again.options.get("thread_ts") == other.ts


async def test_a_direct_message_subscribes_as_a_private_chat(world: World) -> None:
    reply = await world.ask("subscribe", channel=DM)
    assert reply.channel == DM and "Subscribed." in reply.shown
    subscription = get_subscription(world.services.db, "slack", DM)
    assert subscription is not None and subscription.kind == "private" and subscription.title is None


async def test_where_the_bot_cannot_post_only_the_asker_gets_the_answer(world: World) -> None:
    before = len(world.slack.posted)
    await world.requests.command("stance Ferro", user=READER, channel=NO_BOT, response_url=world.slack.response_url())
    answer, hint = await world.slack.wait_for(lambda: world.slack.posted[before:] if len(
        world.slack.posted) >= before + 2 else None)
    assert answer.method == hint.method == "response_url"
    assert answer.options["response_type"] == "ephemeral" and "Nadia Ferro" in answer.shown
    assert "/invite @briefing-bot" in hint.shown


async def test_addfeed_that_cannot_be_read_is_not_added(world: World) -> None:
    reply = await world.ask(f"addfeed http://127.0.0.1:{free_port()}/feed.xml", user=ADMIN)
    assert "Not added" in reply.shown
    assert world.services.db.table("feeds").count == 0


async def test_export_posts_the_opml_as_a_code_block_and_import_needs_a_file(world: World) -> None:
    from briefings.feeds.opml import parse_opml

    world.services.db.table("feeds").insert({"url": "https://gazette.example/feed?a=1&b=2", "title": "Gazette"})
    before = len(world.slack.posted)
    await world.ask("export", user=ADMIN)
    posted = await world.slack.wait_for(
        lambda: world.slack.posted[before:] if len(world.slack.posted) >= before + 2 else None)
    assert "send it back" in posted[0].shown
    code = posted[1].blocks[0]["text"]["text"]
    assert code.startswith("```") and code.endswith("```")
    opml = code.strip("`").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    assert [f.url for f in parse_opml(opml.encode())] == ["https://gazette.example/feed?a=1&b=2"]
    assert "Send me an OPML file" in (await world.ask("import", user=ADMIN)).shown


# -- /brief_now and its buttons ----------------------------------------------------------------------------------

async def test_brief_now_confirm_replaces_the_preview_and_sends_once(world: World) -> None:
    await world.ask("subscribe")
    preview = await world.ask("brief_now", user=ADMIN)
    assert "Preview." in preview.shown and "Should the bridge carry trams?" in preview.shown
    confirm = next(b for b in preview.buttons if b["text"]["text"] == "Confirm and send")
    assert confirm["value"].startswith("/brief_now confirm ") and confirm["style"] == "primary"

    before = len(world.slack.posted)
    first, second = await asyncio.gather(world.press(preview, "Confirm and send"),
                                         world.press(preview, "Confirm and send"))  # a double press
    assert first[0] == second[0] == 200
    answers = await world.slack.wait_for(
        lambda: world.slack.posted[before:] if len(world.slack.posted) >= before + 2 else None)
    [sending] = [p for p in answers if p.method == "chat.update"]
    assert sending.ts == preview.ts and "Sending 2026-W48 to 1 chat" in sending.shown and not sending.buttons
    [again] = [p for p in answers if p.method == "chat.postMessage"]
    assert "Already handled: nothing more was sent." in again.shown
    [key] = await world.slack.wait_for(lambda: world.broadcasts)  # the ledger key queued, handed over once
    assert "2026-W48" in key
    assert world.services.db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 1


async def test_brief_now_previews_the_briefing_in_the_chats_own_zone(world: World) -> None:
    from bot.commands import Reply
    from bot.delivery import briefing_composer
    from bot.slack.blocks import reply_messages
    from briefings.store import broadcasts

    await world.ask("subscribe", user=ADMIN)
    assert "America/Los_Angeles" in (await world.ask("settings zone America/Los_Angeles", user=ADMIN)).shown
    preview = await world.ask("brief_now", user=ADMIN)
    # The story was published at midnight UTC on 24 Nov: still the 23rd in Los Angeles (the service's Minsk says 24).
    assert "Bridge vote>, 23 Nov" in preview.shown and "24 Nov" not in preview.shown
    assert "2026-W48 as this chat gets it (America/Los_Angeles)" in preview.shown

    # Exactly what delivery will post in this channel: the same blocks, under the preview's own first line.
    compose = briefing_composer(world.services.db)
    doc = compose(broadcasts.weekly_key("2026-W48"), ZoneInfo("America/Los_Angeles"), ())
    [delivered] = reply_messages(Reply(doc))

    def content(blocks: list[dict[str, object]]) -> list[dict[str, object]]:
        return [b for b in blocks if b.get("type") != "actions"]

    assert content(preview.blocks)[1:] == content(delivered.blocks)


async def test_brief_now_confirm_refused_to_a_non_admin(world: World, caplog: pytest.LogCaptureFixture) -> None:
    await world.ask("subscribe")
    preview = await world.ask("brief_now", user=ADMIN)
    before = len(world.slack.posted)
    with caplog.at_level(logging.WARNING):
        await world.press(preview, "Confirm and send", user=READER)
        [refusal] = await world.slack.wait_for(lambda: world.slack.posted[before:])
    assert refusal.method == "chat.postMessage" and "for the bot's admins" in refusal.shown
    assert "refused admin command /brief_now from slack user UREADER" in caplog.text
    assert world.broadcasts == [] and world.services.db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0


async def test_brief_now_cancel_replaces_the_preview(world: World) -> None:
    preview = await world.ask("brief_now", user=ADMIN)
    before = len(world.slack.posted)
    await world.press(preview, "Cancel")
    [cancelled] = await world.slack.wait_for(lambda: world.slack.posted[before:])
    assert cancelled.method == "chat.update" and "Cancelled: nothing was sent." in cancelled.shown
    assert world.broadcasts == []


# -- App Home, signatures, errors --------------------------------------------------------------------------------

async def test_app_home_shows_how_to_subscribe_and_the_latest_briefing(world: World) -> None:
    status, _ = await world.requests.event({"type": "app_home_opened", "user": READER, "channel": DM, "tab": "home"})
    assert status == 200
    [(user, view)] = await world.slack.wait_for(lambda: world.slack.views)
    text = "\n".join(b.get("text", {}).get("text", "") for b in view["blocks"] if isinstance(b.get("text"), dict))
    assert user == READER and len(view["blocks"]) <= 100
    assert "`/briefing subscribe`" in text and "Should the bridge carry trams?" in text


def test_home_view_stays_within_one_hundred_blocks() -> None:
    huge = Doc(blocks=tuple(Paragraph(spans(f"Paragraph {i} " + "word " * 700)) for i in range(200)))
    view = home_view(huge)
    assert len(view["blocks"]) == 100
    assert "/briefing latest" in view["blocks"][-1]["text"]["text"]


async def test_bad_signature_and_old_timestamp_are_refused_and_logged(
        world: World, caplog: pytest.LogCaptureFixture) -> None:
    body = world.requests.command_body("subscribe", user=READER, channel=CHANNEL, response_url=world.slack.url)
    with caplog.at_level(logging.WARNING, logger="bot.slack"):
        assert (await world.requests.post(body, "application/x-www-form-urlencoded", secret="wrong"))[0] == 401
        old = int(time.time()) - 6 * 60
        assert (await world.requests.post(body, "application/x-www-form-urlencoded", timestamp=old))[0] == 401
    assert "bad signature" in caplog.text and "more than 300 s" in caplog.text
    assert SECRET not in caplog.text
    await asyncio.sleep(0.2)
    assert world.slack.posted == [] and get_subscription(world.services.db, "slack", CHANNEL) is None


async def test_a_replayed_request_is_refused(world: World) -> None:
    body = world.requests.command_body("subscribe", user=READER, channel=CHANNEL, response_url=world.slack.url)
    stamp = int(time.time())
    assert (await world.requests.post(body, "application/x-www-form-urlencoded", timestamp=stamp))[0] == 200
    assert (await world.requests.post(body, "application/x-www-form-urlencoded", timestamp=stamp))[0] == 401


async def test_a_crashing_command_is_logged_and_answered_politely(
        world: World, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    def boom(request: object) -> None:
        raise RuntimeError("database on fire")

    monkeypatch.setattr("bot.slack.app.dispatch", boom)
    before = len(world.slack.posted)
    with caplog.at_level(logging.ERROR, logger="bot.slack"):
        await world.requests.command("stats", user=ADMIN, channel=CHANNEL, response_url=world.slack.response_url())
        [apology] = await world.slack.wait_for(lambda: world.slack.posted[before:])
    assert apology.method == "response_url" and apology.options["response_type"] == "ephemeral"
    assert "Something went wrong on my side" in apology.text
    record = next(r for r in caplog.records if r.name == "bot.slack.app")
    assert record.exc_info and "database on fire" in str(record.exc_info[1])


# -- start-up ----------------------------------------------------------------------------------------------------

async def test_a_refused_bot_token_is_a_clear_start_up_error(slack: FakeSlack, db_path: Path) -> None:
    slack.revoke_token()
    with pytest.raises(PlatformAuthError, match="SLACK_BOT_TOKEN \\(invalid_auth\\)") as caught:
        await start_slack(slack_settings(slack), seed(db_path), host="127.0.0.1")
    assert slack.bot_token not in str(caught.value)


async def test_slack_down_is_unreachable_not_a_crash(slack: FakeSlack, db_path: Path) -> None:
    """A 5xx or a closed port at auth.test is one line the service retries on, never the token."""
    services = seed(db_path)
    slack.fail_next("auth.test", "internal_error", status=503)
    with pytest.raises(PlatformUnreachable) as down:
        await start_slack(slack_settings(slack), services, host="127.0.0.1")
    assert str(down.value) == f"Slack is unreachable at {slack.api_url} (HTTP 503: internal_error)"
    closed = f"http://127.0.0.1:{free_port()}/api/"
    with pytest.raises(PlatformUnreachable, match="ClientConnectorError: Cannot connect") as caught:
        await start_slack(slack_settings(slack, slack_api_url=closed), services, host="127.0.0.1")
    assert "\n" not in str(caught.value) and slack.bot_token not in str(caught.value)


def test_http_mode_needs_a_signing_secret(db_path: Path) -> None:
    settings = load_settings(env_file=None, slack_bot_token="xoxb-1", slack_signing_secret="")
    with pytest.raises(SettingsError, match="SLACK_SIGNING_SECRET"):
        build_slack_app(settings, seed(db_path))

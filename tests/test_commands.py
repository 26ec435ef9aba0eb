"""The platform-neutral commands: permissions, subscriptions, settings, follows, lookups."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from bot.commands import Chat, Request, Sender, Services, commands, dispatch, parse_command
from briefings.debates import update_debates
from briefings.framing.model import FigureFrame, StanceFrame
from briefings.render.doc import doc_text
from briefings.schedule import parse_schedule
from briefings.store.statements import save_frame
from briefings.store.subscriptions import get_subscription

NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)
PRIVATE = Chat(platform="telegram", id="100", kind="private")
GROUP = Chat(platform="telegram", id="-500", kind="group", title="Readers")
READER = Sender(id="100", name="Reader")


@pytest.fixture
def services(fresh_db: Database) -> Services:
    fresh_db.table("stories").insert({"id": "s1", "title": "Bridge vote", "link": "https://example.org/s1",
                                      "published": datetime(2026, 11, 24, tzinfo=UTC).isoformat()})
    save_frame(fresh_db, story_id="s1", published=datetime(2026, 11, 24, tzinfo=UTC), frame=StanceFrame(
        question="Should the bridge carry trams?",
        figures=[FigureFrame(name="Nadia Ferro", role="transport councillor", side="trams",
                             quotes=["Trams move twice the people on the same deck."]),
                 FigureFrame(name="Piet Loos", side="cars")],
    ))
    update_debates(fresh_db)
    return Services(db=fresh_db, schedule=parse_schedule("mon 08:00"), timezone=ZoneInfo("Europe/Minsk"),
                    clock=lambda: NOW)


def run(services: Services, line: str, *, chat: Chat = PRIVATE, sender: Sender = READER) -> str:
    parsed = parse_command(line, bot_username="briefbot")
    assert parsed is not None
    name, args = parsed
    return doc_text(dispatch(Request(chat=chat, sender=sender, name=name, args=args, services=services)).doc)


def test_parse_command_handles_bot_names_and_plain_text() -> None:
    assert parse_command("/stance@BriefBot Pavel Latushka", bot_username="briefbot") == (
        "stance", ["Pavel", "Latushka"])
    assert parse_command("/stance@otherbot X", bot_username="briefbot") is None
    assert parse_command("hello there") is None
    assert parse_command("/HELP") == ("help", [])


def test_help_lists_reader_commands_and_hides_admin_ones(services: Services) -> None:
    text = run(services, "/help")
    assert "/stance NAME" in text and "/subscribe" in text and "/stats" not in text
    admin_text = run(services, "/help", sender=Sender(id="1", is_admin=True))
    assert "/stats" in admin_text and "/addfeed URL" in admin_text
    assert run(services, "/start") == text


def test_every_interface_command_is_registered() -> None:
    names = {c.name for c in commands()} | {a for c in commands() for a in c.aliases}
    expected = {"start", "help", "subscribe", "unsubscribe", "settings", "latest", "stance", "figures", "follow",
                "unfollow", "feeds", "addfeed", "removefeed", "stats"}
    assert expected <= names


def test_unknown_command_gets_a_hint(services: Services) -> None:
    assert "Send /help" in run(services, "/frobnicate")


def test_admin_commands_with_a_missing_or_stray_argument_say_how_to_use_them(services: Services) -> None:
    admin = Sender(id="1", is_admin=True)
    assert "Usage: /removefeed URL" in run(services, "/removefeed", sender=admin)
    for line in ("/brief_now now", "/brief_now confirm"):  # no token: nothing is queued for confirmation
        assert "takes no arguments" in run(services, line, sender=admin)
    assert services.db.execute("SELECT count(*) FROM confirmations").fetchone()[0] == 0


def test_admin_command_refused_politely_and_logged(services: Services, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        text = run(services, "/removefeed https://example.org/feed")
    assert "for the bot's admins" in text and "Nothing was changed" in text
    assert "refused admin command /removefeed" in caplog.text


def test_subscribe_in_a_group_needs_a_group_admin(services: Services) -> None:
    member = Sender(id="7", is_chat_admin=False)
    assert "Only this group's admins" in run(services, "/subscribe", chat=GROUP, sender=member)
    assert get_subscription(services.db, "telegram", "-500") is None
    unknown = Sender(id="8")  # the adapter could not tell: refuse rather than guess
    assert "Only this group's admins" in run(services, "/subscribe", chat=GROUP, sender=unknown)
    admin = Sender(id="9", is_chat_admin=True)
    assert "Subscribed" in run(services, "/subscribe", chat=GROUP, sender=admin)
    assert get_subscription(services.db, "telegram", "-500") is not None


def test_subscribe_settings_unsubscribe_round_trip(services: Services) -> None:
    assert "not subscribed" in run(services, "/settings")
    assert "Mon 08:00 (Europe/Minsk)" in run(services, "/subscribe")
    assert "already subscribed" in run(services, "/subscribe")
    assert "Fri 09:30 (Europe/Warsaw)" in run(services, "/settings fri 09:30 Europe/Warsaw")
    assert "Sun 09:30" in run(services, "/settings day sun")
    assert "Sun 18:00" in run(services, "/settings time 18:00")
    assert "not an IANA time zone" in run(services, "/settings mon 08:00 Mars/Base")
    assert "not a time of day" in run(services, "/settings mon 24:61")
    assert "Topics: sanctions, prisoners" in run(services, "/settings topics Sanctions, prisoners")
    assert "Topics: all debates" in run(services, "/settings topics off")
    assert "Unsubscribed" in run(services, "/unsubscribe")
    assert "not subscribed" in run(services, "/unsubscribe")
    back = run(services, "/subscribe")
    assert "Sun 18:00 (Europe/Warsaw)" in back  # coming back keeps the chat's own schedule


def test_follow_and_unfollow_by_any_spelling(services: Services) -> None:
    assert "not subscribed" in run(services, "/follow Ferro")
    run(services, "/subscribe")
    assert "Following Nadia Ferro" in run(services, "/follow ferro")
    assert "Already following Nadia Ferro" in run(services, "/follow Nadia Ferro")
    assert "Usage: /follow NAME" in run(services, "/follow")
    assert "Nobody called Zed Quux" in run(services, "/follow Zed Quux")
    assert "No more alerts about Nadia Ferro" in run(services, "/unfollow Ferro")
    assert "wasn't following" in run(services, "/unfollow Ferro")


def test_stance_figures_and_latest(services: Services) -> None:
    stance = run(services, "/stance ferro")
    assert "Nadia Ferro" in stance and "Trams move twice the people" in stance
    assert "Usage: /stance NAME" in run(services, "/stance")
    figures = run(services, "/figures")
    assert "trams: Nadia Ferro" in figures and "cars: Piet Loos" in figures
    latest = run(services, "/latest")
    assert "Should the bridge carry trams?" in latest


def test_admin_stats_and_feeds(services: Services) -> None:
    admin = Sender(id="1", is_admin=True)
    run(services, "/subscribe")
    stats = run(services, "/stats", sender=admin)
    assert "1 on telegram" in stats and "1 stored, 1 framed" in stats
    assert "No feeds yet" in run(services, "/feeds", sender=admin)
    assert "Usage: /addfeed" in run(services, "/addfeed ftp://x", sender=admin)
    assert "No feed" in run(services, "/removefeed https://nowhere.example/feed", sender=admin)


def test_addfeed_keeps_a_feed_that_reads_and_refuses_one_that_does_not(services: Services) -> None:
    from pathlib import Path

    from tests.fakes.feed_server import LOCAL, FeedServer, Route

    services = replace(services, outbound=LOCAL)  # the feed server is on 127.0.0.1
    admin = Sender(id="1", is_admin=True)
    feed = (Path(__file__).parent / "data" / "feeds" / "atom.xml").read_bytes()
    with FeedServer() as server:
        good = server.add("/feed.xml", Route(body=feed))
        missing = server.add("/gone.xml", Route(status=404, body=b"no"))
        assert "Added" in run(services, f"/addfeed {good}", sender=admin)
        refused = run(services, f"/addfeed {missing}", sender=admin)
    assert "Not added" in refused and "404" in refused
    listed = run(services, "/feeds", sender=admin)
    assert good in listed and missing not in listed
    assert "Removed" in run(services, f"/removefeed {good}", sender=admin)


def test_addfeed_refuses_a_loopback_address_in_one_line(services: Services,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    admin = Sender(id="1", is_admin=True)
    with caplog.at_level(logging.WARNING, logger="bot.commands.admin"):
        refused = run(services, "/addfeed http://127.0.0.1:9/x", sender=admin)
    assert refused == ("Not added: that address is on a private network (127.0.0.1, loopback); "
                       "set ALLOW_PRIVATE_NETWORKS=true to poll intranet feeds.")
    assert services.db.table("feeds").count == 0
    assert [r.getMessage() for r in caplog.records if "refused" in r.getMessage()] == [
        "admin 1: feed http://127.0.0.1:9/x refused: refused 127.0.0.1: a loopback address, not on the public internet"]


def test_brief_now_preview_confirm_once_expiry_and_cancel(fresh_db: Database) -> None:
    from datetime import timedelta

    from bot.commands import Reply
    from briefings.store import outbox

    clock = [NOW]
    services = Services(db=fresh_db, schedule=parse_schedule("mon 08:00"), timezone=ZoneInfo("Europe/Minsk"),
                        clock=lambda: clock[0])
    for chat in ("1", "2", "3"):
        run(services, "/subscribe", chat=Chat(platform="telegram", id=chat))
    admin, other_admin = Sender(id="42", is_admin=True), Sender(id="43", is_admin=True)

    def ask(line: str, sender: Sender = admin) -> Reply:
        name, args = parse_command(line) or ("", [])
        return dispatch(Request(chat=PRIVATE, sender=sender, name=name, args=args, services=services))

    assert "for the bot's admins" in run(services, "/brief_now")
    preview = ask("/brief_now")
    assert "Preview." in doc_text(preview.doc) and "3 subscribed chats" in doc_text(preview.doc)
    confirm, cancel = preview.buttons[0]
    assert confirm.action.startswith("/brief_now confirm ") and cancel.action.startswith("/brief_now cancel ")
    assert "Only the admin who asked" in doc_text(ask(confirm.action, other_admin).doc)
    sent = ask(confirm.action)
    assert sent.broadcast is not None and sent.replace and "to 3 chats" in doc_text(sent.doc)
    assert "Already handled" in doc_text(ask(confirm.action).doc)  # a double press sends once
    assert outbox.counts(fresh_db)["queued"] == 3
    assert "Already handled" in doc_text(ask(cancel.action).doc)

    late = ask("/brief_now")
    clock[0] = NOW + timedelta(minutes=11)
    assert "expired" in doc_text(ask(late.buttons[0][0].action).doc)
    fresh = ask("/brief_now")
    assert "Cancelled" in doc_text(ask(fresh.buttons[0][1].action).doc)
    assert "doesn't exist" in doc_text(ask("/brief_now confirm nope").doc)
    assert outbox.counts(fresh_db)["queued"] == 3


def test_channel_command_without_a_channel_directory_points_to_subscribe(services: Services) -> None:
    admin = Sender(id="1", is_admin=True)
    slack = Chat(platform="slack", id="D1", kind="private")
    assert "/briefing subscribe" in run(services, "/channel add #general", chat=slack, sender=admin)
    assert "No channels linked" in run(services, "/channel list", chat=slack, sender=admin)
    assert "Usage: /channel add @name" in run(services, "/channel frobnicate", chat=slack, sender=admin)

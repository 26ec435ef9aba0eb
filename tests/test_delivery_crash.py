"""A broadcast killed with SIGKILL mid-way and started again: every chat gets it, repeats only what was in flight.

The bot runs as a real process (`python -m bot broadcast`) against the fake Telegram server in this one.
What a crash may repeat is a message the platform took but whose confirmation the bot had not recorded.
To count those honestly, the fake stops answering at the chosen moment (it still delivers every message
as it arrives, and its rate windows count it then) and waits until the bot sends nothing more: the bot is
then stuck on its open requests, each one a message delivered and unconfirmed, and every earlier answer
has been read and recorded. That count is the real in-flight figure at the kill. It is also the worst
case: a platform answering normally leaves fewer requests open. The quiet wait is longer than a chat's
one-second interval, so the restarted process's first messages share no rate window with the killed
one's last, as after any real restart; violations are asserted to be zero across both processes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from briefings.feeds import ingest_sources
from briefings.pipeline import frame_new_stories
from briefings.sample import SAMPLE_FEED
from briefings.store import open_database
from tests.fakes.telegram_api import FakeTelegram, RateLimits

FIRST_CHAT = 5_000_000
QUIET = 1.5  # seconds without a new request: the bot has stopped, waiting on its open requests


@dataclass(frozen=True)
class Crash:
    """What one kill-and-restart did, as the fake saw it."""

    sent_before: int  # messages delivered when the kill came
    in_flight: int  # requests delivered and not answered at the kill
    received: dict[int, list[str]]  # texts per chat, in order, over both runs
    violations: dict[str, int]  # messages over a rate limit, by kind (chat, overall), across both runs
    output: str


TEN_DEBATES = Path(__file__).parent / "data" / "digest_week" / "ten-debates.xml"  # see tests/test_digest.py


def subscribe_all(db_path: Path, chats: int, *, stories: bool) -> None:
    db = open_database(db_path)
    stamp = datetime(2026, 11, 1, tzinfo=UTC).isoformat()
    db.table("subscriptions").insert_all(
        {"platform": "telegram", "chat_id": str(FIRST_CHAT + i), "kind": "private", "title": None, "weekday": 0,
         "hour": 8, "minute": 0, "timezone": "Europe/Minsk", "topics": "[]", "active": 1, "subscribed_at": stamp}
        for i in range(chats)
    )
    if stories:  # the sample newsletter and ten more debates: a digest of two Telegram messages
        assert all(result.ok for result in ingest_sources(db, [str(SAMPLE_FEED), str(TEN_DEBATES)], full_text=False))
        frame_new_stories(db)
    db.conn.close()


def broadcast(tg: FakeTelegram, db_path: Path, *, rate: int, week: str) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "SLACK_", "BRIEFING_"))}
    env.update(TELEGRAM_BOT_TOKEN=tg.token, TELEGRAM_API_URL=tg.url, TELEGRAM_RATE_PER_SECOND=str(rate),
               BRIEFING_DB=str(db_path), PTB_TIMEDELTA="true")
    return subprocess.Popen([sys.executable, "-m", "bot", "broadcast", "--week", week, "--yes"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def wait_for_quiet(tg: FakeTelegram) -> None:
    seen, since = len(tg.calls), time.monotonic()
    while time.monotonic() - since < QUIET:
        time.sleep(0.05)
        if len(tg.calls) != seen:
            seen, since = len(tg.calls), time.monotonic()


def kill_and_restart(tmp_path: Path, *, chats: int, rate: int, kill_after: int, week: str,
                     stories: bool = False) -> Crash:
    db_path = tmp_path / "bot.db"
    subscribe_all(db_path, chats, stories=stories)
    with FakeTelegram(limits=RateLimits.overall_per_second(rate)) as tg:
        for i in range(chats):
            tg.add_user(FIRST_CHAT + i, f"Reader {i}")
        first = broadcast(tg, db_path, rate=rate, week=week)
        deadline = time.monotonic() + 60
        while tg.call_counts["sendMessage"] < kill_after:
            assert first.poll() is None, first.stdout.read().decode() if first.stdout else ""
            assert time.monotonic() < deadline, f"the first run never got to {kill_after} messages"
            time.sleep(0.01)
        tg.hold_answers()
        wait_for_quiet(tg)
        in_flight = tg.unanswered
        first.send_signal(signal.SIGKILL)
        first.communicate(timeout=10)
        tg.release_answers()
        sent_before = len(tg.calls_to("sendMessage"))

        second = broadcast(tg, db_path, rate=rate, week=week)
        output = second.communicate(timeout=120)[0].decode()
        assert second.returncode == 0, output
        received: dict[int, list[str]] = {}
        for call in tg.calls_to("sendMessage"):
            if call.status == 200:
                received.setdefault(int(call.params["chat_id"]), []).append(str(call.params["text"]))
        return Crash(sent_before, in_flight, received, tg.violation_counts(), output)


def repeats(crash: Crash) -> Counter[int]:
    """Messages each chat received more than once."""
    return Counter({chat: len(texts) - len(set(texts)) for chat, texts in crash.received.items()
                    if len(texts) > len(set(texts))})


def report(crash: Crash, chats: int) -> str:
    repeated = repeats(crash)
    return (f"SIGKILL after {crash.sent_before} messages to {chats} chats, {crash.in_flight} in flight; "
            f"{sum(repeated.values())} repeated in {len(repeated)} chats; rate violations {crash.violations or 0}")


def test_sigkill_mid_broadcast_then_restart_delivers_everyone_once(tmp_path: Path) -> None:
    chats = 1000
    crash = kill_and_restart(tmp_path, chats=chats, rate=250, kill_after=chats // 3, week="2026-W10")
    print(f"\n{report(crash, chats)}")
    assert 0 < crash.sent_before < chats
    assert f"{chats} delivered" in crash.output
    assert len(crash.received) == chats  # nobody skipped
    assert crash.in_flight > 0  # the kill came with requests open, or it proves nothing
    assert sum(repeats(crash).values()) <= crash.in_flight  # only messages in flight at the kill repeat
    assert crash.violations == {}


def test_sigkill_mid_multipart_broadcast_resumes_each_chat_at_its_next_part(tmp_path: Path) -> None:
    """The reporter's case: 120 chats, killed 30 messages in; a briefing of several messages (here two)."""
    chats = 120
    # At 20/s the bot keeps 5 requests open at most (its connection pool), so at most 5 chats can see a repeat.
    crash = kill_and_restart(tmp_path, chats=chats, rate=20, kill_after=30, week="2026-W48", stories=True)
    print(f"\n{report(crash, chats)}")
    assert f"{chats} delivered" in crash.output
    assert len(crash.received) == chats
    parts = list(dict.fromkeys(crash.received[FIRST_CHAT + chats - 1]))  # a chat the first run never reached
    assert len(parts) == 2
    for texts in crash.received.values():
        assert list(dict.fromkeys(texts)) == parts  # every part, in order: a resumed chat went on from its next
    repeated = repeats(crash)
    assert crash.in_flight > 0
    assert sum(repeated.values()) <= crash.in_flight
    assert len(repeated) <= 5 and max(repeated.values(), default=0) <= 1
    assert crash.violations == {}

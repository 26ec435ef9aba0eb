"""A broadcast killed with SIGKILL mid-way and started again: every chat gets it, repeats only in flight.

The bot runs as a real process (`python -m bot broadcast`) against the fake Telegram server in this one.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from briefings.store import open_database, outbox
from tests.fakes.telegram_api import FakeTelegram, RateLimits

CHATS = 1000
RATE = 250  # messages per second: the kill lands mid-broadcast, and the fake in this process keeps up
FIRST_CHAT = 5_000_000


def subscribe_all(db_path: Path) -> None:
    db = open_database(db_path)
    stamp = datetime(2026, 11, 1, tzinfo=UTC).isoformat()
    db.table("subscriptions").insert_all(
        {"platform": "telegram", "chat_id": str(FIRST_CHAT + i), "kind": "private", "title": None, "weekday": 0,
         "hour": 8, "minute": 0, "timezone": "Europe/Minsk", "topics": "[]", "active": 1, "subscribed_at": stamp}
        for i in range(CHATS)
    )
    db.conn.close()


def broadcast(tg: FakeTelegram, db_path: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "SLACK_", "BRIEFING_"))}
    env.update(TELEGRAM_BOT_TOKEN=tg.token, TELEGRAM_API_URL=tg.url, TELEGRAM_RATE_PER_SECOND=str(RATE),
               BRIEFING_DB=str(db_path), PTB_TIMEDELTA="true")
    return subprocess.Popen([sys.executable, "-m", "bot", "broadcast", "--week", "2026-W10", "--yes"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def test_sigkill_mid_broadcast_then_restart_delivers_everyone_once(tmp_path: Path) -> None:
    db_path = tmp_path / "bot.db"
    subscribe_all(db_path)
    with FakeTelegram(limits=RateLimits.overall_per_second(RATE)) as tg:
        for i in range(CHATS):
            tg.add_user(FIRST_CHAT + i, f"Reader {i}")
        first = broadcast(tg, db_path)
        deadline = time.monotonic() + 60
        while len(tg.calls_to("sendMessage")) < CHATS // 3:
            assert first.poll() is None, first.stdout.read().decode() if first.stdout else ""
            assert time.monotonic() < deadline, "the first run never got a third of the way"
            time.sleep(0.02)
        first.send_signal(signal.SIGKILL)
        first.communicate(timeout=10)
        sent_before = len(tg.calls_to("sendMessage"))
        db = open_database(db_path)
        in_flight = outbox.counts(db)["sending"]
        assert 0 < sent_before < CHATS

        second = broadcast(tg, db_path)
        output = second.communicate(timeout=120)[0].decode()
        assert second.returncode == 0, output
        assert f"{CHATS} delivered" in output

        per_chat: dict[int, int] = {}
        for call in tg.calls_to("sendMessage"):
            if call.status == 200:
                per_chat[int(call.params["chat_id"])] = per_chat.get(int(call.params["chat_id"]), 0) + 1
        repeats = sum(n - 1 for n in per_chat.values())
        assert len(per_chat) == CHATS  # nobody skipped
        assert repeats <= in_flight  # only messages in flight at the kill can repeat
        violations = len(tg.violations)  # rate accounting is the benchmark's and test_telegram's to check
    print(f"\nSIGKILL after {sent_before} of {CHATS} sends; {in_flight} rows in flight; {repeats} repeated; "
          f"{violations} rate-window violations seen across the two processes")

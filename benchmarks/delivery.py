"""Benchmark: broadcast delivery against the local fake Telegram Bot API.

1. Throughput: `briefing-bot broadcast` (a real process) sends one week's briefing to
   10,000 subscribers with TELEGRAM_RATE_PER_SECOND raised to 1,000. The fake server,
   in this process, times every message and counts limit violations (sliding windows:
   overall rate, 1/s per chat). Figure: achieved rate / configured limit (target >= 0.95,
   0 violations).
2. Memory: the same broadcast to 100,000 subscribers; the bot process's peak RSS against
   the peak RSS of the same process doing nothing but start (`briefing-bot --help`), so
   what delivery adds is visible (target < 200 MB in all, flat in the subscriber count).

    python benchmarks/delivery.py [--subscribers 10000] [--rate 1000] [--memory-subscribers 100000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from briefings.store import open_database  # noqa: E402
from tests.fakes.telegram_api import FakeTelegram, RateLimits  # noqa: E402

FIRST_CHAT = 10_000_000
QUIET_WEEK = "2020-W01"  # no stories: every chat gets the one-message "quiet week" briefing


def make_db(path: Path, subscribers: int) -> None:
    db = open_database(path)
    stamp = datetime(2026, 1, 1, tzinfo=UTC).isoformat()
    db.table("subscriptions").insert_all(
        ({"platform": "telegram", "chat_id": str(FIRST_CHAT + i), "kind": "private", "title": None, "weekday": 0,
          "hour": 8, "minute": 0, "timezone": "UTC", "topics": "[]", "active": 1, "subscribed_at": stamp}
         for i in range(subscribers)),
        batch_size=5000,
    )
    db.conn.close()


def run_bot(args: list[str], env: dict[str, str]) -> tuple[int, float, int]:
    """Run the CLI in a child process; return its exit code, wall time and its own peak RSS in MB."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "bot", *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, cwd=str(REPO))
    assert proc.stdout is not None
    output = proc.stdout.read()
    _, wait_status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(wait_status)
    proc.stdout.close()
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        print(output.decode()[-2000:])
    return proc.returncode, elapsed, usage.ru_maxrss // 1024


def child_env(tg: FakeTelegram, db: Path, rate: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "SLACK_", "BRIEFING_", "LLM_"))}
    env.update(TELEGRAM_BOT_TOKEN=tg.token, TELEGRAM_API_URL=tg.url, TELEGRAM_RATE_PER_SECOND=str(rate),
               BRIEFING_DB=str(db), PTB_TIMEDELTA="true", LOG_LEVEL="WARNING")
    return env


def broadcast(subscribers: int, rate: int, folder: Path) -> dict[str, float]:
    db = folder / f"bench-{subscribers}.db"
    make_db(db, subscribers)
    with FakeTelegram(record="meta", record_calls=False, auto_users=True,
                      limits=RateLimits.overall_per_second(rate)) as tg:
        status, elapsed, peak = run_bot(["broadcast", "--week", QUIET_WEEK, "--yes"], child_env(tg, db, rate))
        sent = sorted(s.at for s in tg.sent)
        violations = len(tg.violations)
    span = sent[-1] - sent[0] if len(sent) > 1 else float("nan")
    achieved = (len(sent) - 1) / span if span else float("nan")
    return {"status": status, "messages": len(sent), "seconds": elapsed, "span": span, "achieved": achieved,
            "violations": violations, "peak_mb": peak}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--rate", type=int, default=1000)
    parser.add_argument("--memory-subscribers", type=int, default=100_000)
    parser.add_argument("--memory-rate", type=int, default=2000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "SLACK_", "BRIEFING_"))}
        _, _, baseline_mb = run_bot(["--help"], env)
        result = broadcast(args.subscribers, args.rate, folder)
        print(f"delivery: {result['messages']:,} messages to {args.subscribers:,} subscribers, "
              f"limit {args.rate}/s")
        print(f"  achieved {result['achieved']:.0f} msg/s over {result['span']:.1f} s of sending "
              f"(process {result['seconds']:.1f} s in all)")
        print(f"  throughput / limit: {result['achieved'] / args.rate:.3f}   (target >= 0.95)")
        print(f"  limit violations measured by the fake: {result['violations']}   (target 0)")
        if args.memory_subscribers:
            memory = broadcast(args.memory_subscribers, args.memory_rate, folder)
            print(f"memory: {memory['messages']:,} messages to {args.memory_subscribers:,} subscribers "
                  f"at {args.memory_rate}/s, {memory['violations']} violations")
            print(f"  peak RSS of the bot process: {memory['peak_mb']} MB   (target < 200 MB)")
            print(f"  same process for {args.subscribers:,} subscribers: {result['peak_mb']} MB; "
                  f"start-up only: {baseline_mb} MB")
            print(f"  ratio {args.memory_subscribers // args.subscribers}x the subscribers -> "
                  f"{memory['peak_mb'] / max(result['peak_mb'], 1):.2f}x the memory")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

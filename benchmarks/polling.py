"""Benchmark: one poll cycle of 10,000 feeds on 50 hosts, against bare httpx fetching the same URLs.

The feeds are served by an aiohttp server in a child process, listening on 50
loopback addresses (127.0.0.1-50, one "host" each, 200 feeds per host), so
its CPU is not counted as the poller's and the per-host limit has hosts to
apply to. Feeds have mixed sizes (1-40 entries), answer 304 to a matching ETag,
2% are slow (1-2 s before answering), 1% answer 500 and 1% answer garbage.
Nothing leaves loopback.

    cycle 1  every feed new: all 200, everything parsed and stored
    cycle 2  30% of the feeds changed (one new entry each), 70% answer 304   <- the target cycle
    cycle 3  every feed changed: all parsed again

Then the baseline: bare httpx GETs of the same URLs from a pool of as many
threads (no conditional headers, no per-host limit, no parse, no database).
The figures: wall time, CPU seconds of this process, peak RSS. Targets (#16):
the 70%-unchanged cycle within 5 minutes and the process under 300 MB.

Run: python benchmarks/polling.py [--feeds N] [--hosts N] [--workers N]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import multiprocessing
import os
import random
import resource
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from multiprocessing.connection import Connection
from pathlib import Path

import httpx

from briefings.feeds import poll_due_feeds
from briefings.feeds.outbound import OutboundPolicy
from briefings.store import open_database
from briefings.store.feeds import utc_text

LOCAL = OutboundPolicy(allow_private=True)  # the benchmark's hosts are loopback addresses, on purpose
T0 = datetime(2026, 11, 25, 12, tzinfo=UTC)
DEADLINE = 20 * 60  # seconds: the benchmark ends itself, whatever happens
WORDS = ("council", "minister", "opposition", "talks", "sanctions", "prisoners", "release", "dialogue", "pressure",
         "exile", "leader", "analyst", "government", "election", "protest", "statement", "negotiation", "rights",
         "envoy", "border", "trade", "economy", "vote")


# ---- the feed server (child process) --------------------------------------------------------------------------

def _kind(index: int) -> str:
    roll = int(hashlib.blake2b(str(index).encode(), digest_size=4).hexdigest(), 16) % 100
    return "slow" if roll < 2 else "error" if roll < 3 else "garbage" if roll < 4 else "feed"


def _feed(index: int, version: int, host: str) -> bytes:
    rng = random.Random(index)
    entries = rng.choice((1, 2, 3, 5, 8, 10, 15, 20, 40))
    paragraph = " ".join(rng.choice(WORDS) for _ in range(rng.randint(120, 400)))
    items = "".join(
        f"<item><title>Feed {index} story {n}</title><link>http://{host}/story/{index}/{n}</link>"
        f"<guid>feed-{index}-{n}</guid><pubDate>Wed, 25 Nov 2026 10:00:00 GMT</pubDate>"
        f"<description>{paragraph} {n}</description></item>"
        for n in range(version, version + entries)
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed {index}</title>'
            f"<link>http://{host}/</link><description>bench</description>{items}</channel></rss>").encode()


def serve(hosts: int, feeds: int, pipe: Connection) -> None:
    """The child process: answer /feed/N on every host; `changed SHARE` over the pipe bumps that share's versions."""
    from aiohttp import web

    versions = [0] * feeds

    async def feed(request: web.Request) -> web.StreamResponse:
        index = int(request.match_info["index"])
        kind = _kind(index)
        if kind == "slow":
            await asyncio.sleep(1 + (index % 10) / 10)
        elif kind == "error":
            return web.Response(status=500, text="Internal Server Error")
        elif kind == "garbage":
            return web.Response(body=random.Random(index).randbytes(2048), content_type="application/rss+xml")
        etag = f'"{versions[index]}-{index}"'
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        body = _feed(index, versions[index], request.host)
        return web.Response(body=body, content_type="application/rss+xml", headers={"ETag": etag})

    async def main() -> None:
        app = web.Application()
        app.router.add_get("/feed/{index}", feed)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        ports = []
        for n in range(1, hosts + 1):
            site = web.TCPSite(runner, f"127.0.0.{n}", 0, backlog=1024)
            await site.start()
            ports.append(site._server.sockets[0].getsockname()[1])  # type: ignore[union-attr]
        pipe.send(ports)
        loop = asyncio.get_running_loop()
        while True:
            command = await loop.run_in_executor(None, pipe.recv)
            if command == "stop":
                break
            share = float(command.split()[1])
            for index in range(feeds):
                if (index * 7919 % 1000) < share * 1000:
                    versions[index] += 1
            pipe.send("ok")
        await runner.cleanup()

    asyncio.run(main())


# ---- the measurements -----------------------------------------------------------------------------------------

def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measured(label: str, work: Callable[[], str]) -> dict[str, float]:
    start, cpu = time.perf_counter(), cpu_seconds()
    summary = work()
    figures = {"wall": time.perf_counter() - start, "cpu": cpu_seconds() - cpu, "rss": rss_mb()}
    print(f"{label:<44} {figures['wall']:7.1f} s wall {figures['cpu']:7.1f} s CPU  peak RSS {figures['rss']:5.0f} MB"
          f"  {summary}", flush=True)
    return figures


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=10_000)
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--workers", type=int, default=48)
    args = parser.parse_args(argv)
    watchdog = threading.Timer(DEADLINE, lambda: (print("benchmark: deadline passed, stopping"), os._exit(2)))
    watchdog.daemon = True
    watchdog.start()

    ours, theirs = multiprocessing.Pipe()
    server = multiprocessing.Process(target=serve, args=(args.hosts, args.feeds, theirs), daemon=True)
    server.start()
    try:
        ports = ours.recv()
        urls = [f"http://127.0.0.{i % args.hosts + 1}:{ports[i % args.hosts]}/feed/{i}" for i in range(args.feeds)]
        print(f"{args.feeds:,} feeds on {args.hosts} hosts, {args.workers} in flight, at most 2 per host; "
              f"start-up RSS {rss_mb():.0f} MB", flush=True)
        with tempfile.TemporaryDirectory() as folder:
            db = open_database(Path(folder) / "poll.db")
            stamp = utc_text(T0)
            db.table("feeds").insert_all(
                ({"url": url, "added_at": stamp, "next_poll": stamp, "consecutive_failures": 0, "paused": 0}
                 for url in urls), batch_size=1000)

            def cycle(day: int) -> Callable[[], str]:
                def run() -> str:
                    results = poll_due_feeds(db, now=T0 + timedelta(days=day), full_text=False, policy=LOCAL,
                                             workers=args.workers)
                    unchanged = sum(r.unchanged for r in results)
                    failed = sum(not r.ok for r in results)
                    return (f"{len(results):,} polled: {unchanged:,} unchanged (304), {failed:,} failed, "
                            f"{sum(r.new for r in results):,} new stories")
                return run

            def advance(share: float) -> None:
                ours.send(f"changed {share}")
                ours.recv()

            measured("cycle 1: every feed new", cycle(0))
            advance(0.3)
            target = measured("cycle 2: 70% unchanged (304), 30% changed", cycle(1))
            advance(1.0)
            changed = measured("cycle 3: every feed changed", cycle(2))

            def bare() -> str:
                with httpx.Client(limits=httpx.Limits(max_connections=args.workers * 2,
                                                      max_keepalive_connections=args.workers),
                                  timeout=httpx.Timeout(10.0, connect=5.0)) as client:
                    def get(url: str) -> int:
                        try:
                            return len(client.get(url).content)
                        except httpx.HTTPError:
                            return 0
                    with ThreadPoolExecutor(args.workers) as pool:
                        size = sum(pool.map(get, urls))
                return f"{size / 1e6:,.0f} MB fetched"

            baseline = measured("baseline: bare httpx GET of the same URLs", bare)
        print(f"ratio, 70%-unchanged cycle vs bare httpx: {target['wall'] / baseline['wall']:.2f} wall, "
              f"{target['cpu'] / baseline['cpu']:.2f} CPU; every feed changed vs bare httpx: "
              f"{changed['wall'] / baseline['wall']:.2f} wall, {changed['cpu'] / baseline['cpu']:.2f} CPU")
        print(f"targets: cycle <= 300 s: {'met' if target['wall'] <= 300 else 'MISSED'}; "
              f"peak RSS < 300 MB: {'met' if rss_mb() < 300 else 'MISSED'}")
    finally:
        ours.send("stop")
        server.join(10)
        if server.is_alive():
            server.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Benchmark: ingest of a 1,000-entry feed vs bare `feedparser.parse` of the same bytes.

DESIGN.md's target is a ratio <= 1.5: what we add around feedparser (safety
check, HTML to text, dedupe keys, lookups, one insert transaction with FTS
triggers) must cost less than half of what feedparser itself costs. Full text
is off: article downloads are network time, not ingest time.

Run: python benchmarks/ingest.py [--entries N] [--repeats N]
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import feedparser

from briefings.feeds import ingest_sources
from briefings.store import open_database

WORDS = (
    "council",
    "minister",
    "opposition",
    "talks",
    "sanctions",
    "prisoners",
    "release",
    "dialogue",
    "pressure",
    "exile",
    "leader",
    "analyst",
    "government",
    "election",
    "protest",
    "statement",
    "negotiation",
    "rights",
    "envoy",
    "border",
    "trade",
    "economy",
    "vote",
    "reform",
    "press",
    "freedom",
    "court",
    "ruling",
    "amnesty",
    "campaign",
    "coalition",
    "parliament",
    "summit",
    "policy",
    "critics",
    "supporters",
)
NAMES = ("Mira Olsen", "Tomas Vale", "Lene Strand", "Jon Aas", "Eva Holm", "Petra Lind", "Rina Dahl")


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 24))]
    return f"{rng.choice(NAMES)} said the {' '.join(words)}."


def summary_html(rng: random.Random) -> str:
    """About 1.5 KB of the markup real newsletter feeds carry: paragraphs, links, emphasis, a quote."""
    paragraphs = []
    for index in range(4):
        text = " ".join(sentence(rng) for _ in range(2))
        if index == 1:
            text = f'{text} <a href="https://news.example/ref/{rng.randint(1, 9999)}">Read the statement</a>.'
        if index == 2:
            text = f"<em>{text}</em> &mdash; &ldquo;we will see&rdquo;"
        paragraphs.append(f"<p>{text}</p>")
    paragraphs.append('<img src="https://news.example/pic.jpg" alt="photo" width="600" height="400" />')
    return "\n".join(paragraphs)


def make_feed(entries: int, seed: int = 7) -> bytes:
    rng = random.Random(seed)
    start = datetime(2024, 5, 1, tzinfo=UTC)
    items = []
    for number in range(entries):
        published = format_datetime(start - timedelta(minutes=37 * number))
        summary = summary_html(rng).replace("]]>", "")
        items.append(
            f"<item><title>Story {number}: {rng.choice(WORDS)} and {rng.choice(WORDS)}</title>"
            f"<link>https://news.example/{2024}/{number:05d}/story-{number}</link>"
            f'<guid isPermaLink="true">https://news.example/?p={number}</guid>'
            f"<pubDate>{published}</pubDate><dc:creator>{rng.choice(NAMES)}</dc:creator>"
            f"<category>politics</category><description><![CDATA[{summary}]]></description></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        "<title>Benchmark News</title><link>https://news.example/</link><description>generated</description>"
        + "\n".join(items)
        + "</channel></rss>"
    ).encode()


def measure(run: Callable[[], object], repeats: int, setup: Callable[[], None] | None = None) -> list[float]:
    times = []
    for _ in range(repeats):
        if setup:
            setup()
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--entries", type=int, default=1000)
    options.add_argument("--repeats", type=int, default=5)
    args = options.parse_args()

    data = make_feed(args.entries)
    with tempfile.TemporaryDirectory() as folder:
        feed_path = Path(folder) / "feed.xml"
        feed_path.write_bytes(data)
        state: dict[str, object] = {}
        counter = iter(range(10_000))

        def fresh_database() -> None:
            state["db"] = open_database(Path(folder) / f"bench-{next(counter)}.db")

        def ingest() -> None:
            [result] = ingest_sources(state["db"], [str(feed_path)], full_text=False)  # type: ignore[arg-type]
            assert result.ok and result.new == args.entries, result.describe()

        bare = measure(lambda: feedparser.parse(io.BytesIO(data)), args.repeats)
        lean = measure(
            lambda: feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False),
            args.repeats,
        )
        ours = measure(ingest, args.repeats, setup=fresh_database)

    def show(name: str, times: list[float]) -> None:
        print(f"{name:<52} best {min(times):7.3f} s   median {statistics.median(times):7.3f} s")

    print(f"feed: {args.entries} entries, {len(data) / 1024:.0f} KB, {args.repeats} repeats")
    show("feedparser.parse (defaults)", bare)
    show("feedparser.parse (no sanitising, as ingest calls it)", lean)
    show("ingest (parse + text + dedupe + store, new SQLite)", ours)
    ratio = statistics.median(ours) / statistics.median(bare)
    best_ratio = min(ours) / min(bare)
    overhead = min(ours) / min(lean)
    print(f"ratio ingest / feedparser.parse: {ratio:.2f} median, {best_ratio:.2f} best-of (target <= 1.5)")
    print(f"ingest / the lean feedparser call it makes: {overhead:.2f} best-of (our own overhead)")


if __name__ == "__main__":
    main()

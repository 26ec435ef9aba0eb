"""The concurrent poller: spread schedules, per-host politeness, 304s that cost no parse, results in order."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import feedparser
import pytest
from sqlite_utils import Database

from briefings.feeds import poll_due_feeds
from briefings.feeds.health import next_poll_after
from briefings.store.feeds import ensure_feed, get_feed
from tests.fakes.feed_server import LOCAL, FeedServer, Route, local_rss

NOW = datetime(2026, 11, 25, 12, 0, 7, tzinfo=UTC)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        yield running


def test_next_polls_spread_over_the_interval_deterministically() -> None:
    urls = [f"https://news{i % 97}.example/feed/{i}.xml" for i in range(10_000)]
    hour = timedelta(minutes=60)
    nexts = [next_poll_after(NOW, failures=0, poll_minutes=60, url=url) for url in urls]
    assert all(NOW + hour / 2 <= n < NOW + hour * 1.5 for n in nexts)
    per_minute = Counter(int((n - NOW) / timedelta(minutes=1)) for n in nexts)
    assert len(per_minute) >= 59 and max(per_minute.values()) <= 2 * 10_000 / 60  # no crowd in any minute
    assert nexts == [next_poll_after(NOW, failures=0, poll_minutes=60, url=url) for url in urls]  # same every run
    # Once in its slot, a feed is polled exactly once per interval.
    pairs = zip(nexts, urls, strict=True)
    assert all(next_poll_after(n, failures=0, poll_minutes=60, url=u) - n == hour for n, u in pairs)
    # Retries after a failure keep the back-off, with up to a tenth more so a host's feeds come back spread.
    retries = {next_poll_after(NOW, failures=3, poll_minutes=60, url=url) for url in urls[:100]}
    assert len(retries) > 90 and all(NOW + 4 * hour <= r <= NOW + 4.4 * hour for r in retries)


def test_poll_results_come_in_due_order_and_next_polls_are_spread(fresh_db: Database, server: FeedServer) -> None:
    urls = [server.add(f"/feed/{i}.xml", Route(body=local_rss(server.base, title=f"Feed {i}", items=2)))
            for i in range(30)]
    urls.append(server.add("/broken.xml", Route(body=b"<html>no feed</html>", status=500)))
    for url in urls:
        ensure_feed(fresh_db, url, now=NOW)
    results = poll_due_feeds(fresh_db, now=NOW, full_text=False, policy=LOCAL, workers=8)
    assert [r.source for r in results] == sorted(urls)  # due together: in URL order, whatever finished first
    assert [r.ok for r in results].count(False) == 1 and sum(r.new for r in results) == 60
    nexts = {get_feed(fresh_db, url)["next_poll"] for url in urls[:30]}  # type: ignore[index]
    assert len(nexts) > 25  # not all in the same second


def test_no_host_gets_more_than_two_requests_at_once(fresh_db: Database) -> None:
    with FeedServer("127.0.0.1") as one, FeedServer("127.0.0.2") as two:
        for host in (one, two):
            for i in range(8):
                ensure_feed(fresh_db, host.add(f"/slow/{i}.xml", Route(body=local_rss(host.base), delay=0.2)),
                            now=NOW)
        results = poll_due_feeds(fresh_db, now=NOW, full_text=False, policy=LOCAL, workers=16, per_host=2)
        assert len(results) == 16 and all(r.ok for r in results)
        assert one.max_in_flight == two.max_in_flight == 2  # the limit was reached, never passed


def test_a_304_costs_no_parse(fresh_db: Database, server: FeedServer, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Any] = []
    real = feedparser.parse

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(feedparser, "parse", counting)
    urls = [server.add(f"/etag/{i}.xml", Route(body=local_rss(server.base, title=f"E{i}"), etag=f'"v{i}"'))
            for i in range(5)]
    for url in urls:
        ensure_feed(fresh_db, url, now=NOW)
    first = poll_due_feeds(fresh_db, now=NOW, full_text=False, policy=LOCAL)
    assert len(calls) == 5 and all(r.new == 3 for r in first)
    again = poll_due_feeds(fresh_db, now=NOW + timedelta(hours=2), full_text=False, policy=LOCAL)
    assert [r.unchanged for r in again] == [True] * 5 and len(calls) == 5  # five 304s, not one parse
    assert all(seen.headers.get("if-none-match") for seen in server.seen[-5:])

"""Ingest end to end: store, dedupe, 304, errors per source, full text, back-off, the CLI."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from bot.cli import cli
from briefings.feeds import (
    MAX_BACKOFF,
    SourceResult,
    backoff_delay,
    ingest_source,
    ingest_sources,
    poll_due_feeds,
)
from briefings.store.feeds import get_feed
from briefings.store.stories import count_stories
from tests.fakes.feed_server import LOCAL, FeedServer, Route

DATA = Path(__file__).parent / "data" / "feeds"
RSS = (DATA / "rss2.xml").read_bytes()
NOW = datetime(2024, 5, 6, 12, 0, tzinfo=UTC)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        yield running


def rss(*items: str, title: str = "Test feed") -> bytes:
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"{''.join(items)}</channel></rss>"
    ).encode()


def item(title: str, *, guid: str = "", link: str = "", text: str = "", content: str = "") -> str:
    parts = [f"<title>{title}</title>"]
    if guid:
        parts.append(f"<guid>{guid}</guid>")
    if link:
        parts.append(f"<link>{link}</link>")
    if text:
        parts.append(f"<description>{text}</description>")
    if content:
        parts.append(
            f'<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[{content}]]>'
            "</content:encoded>"
        )
    return f"<item>{''.join(parts)}</item>"


def test_ingest_stores_stories_and_feed_health(fresh_db: Database, server: FeedServer) -> None:
    url = server.add("/feed.xml", body=RSS, etag='"v1"')
    [result] = ingest_sources(fresh_db, [url], full_text=False, policy=LOCAL, now=NOW)
    assert result == SourceResult(source=url, ok=True, new=3, title="Riverside Gazette", entries=3)
    assert result.describe() == f"{url}: 3 new stories"
    row = fresh_db.execute("SELECT title, published, text, link FROM stories ORDER BY published").fetchone()
    assert row[0] == "Council split over the old bridge" and row[1] == "2024-05-01T08:30:00+00:00"
    assert row[2].startswith("Councillor Mira Olsen said") and "track()" not in row[2]
    feed = get_feed(fresh_db, url)
    assert feed is not None
    assert (feed["etag"], feed["consecutive_failures"], feed["last_error"]) == ('"v1"', 0, None)
    assert feed["last_success"] == "2024-05-06T12:00:00+00:00"
    assert feed["next_poll"] == "2024-05-06T13:00:00+00:00"
    assert feed["title"] == "Riverside Gazette"


def test_the_same_feed_twice_stores_nothing_new(fresh_db: Database, server: FeedServer) -> None:
    url = server.add("/feed.xml", body=RSS)
    first = list(ingest_sources(fresh_db, [url], full_text=False, policy=LOCAL))
    second = list(ingest_sources(fresh_db, [url], full_text=False, policy=LOCAL))
    assert (first[0].new, second[0].new, second[0].known) == (3, 0, 3)
    assert second[0].describe() == f"{url}: 0 new stories (3 already stored)"
    assert count_stories(fresh_db) == 3


def test_etag_makes_the_second_poll_unchanged(fresh_db: Database, server: FeedServer) -> None:
    url = server.add("/feed.xml", body=RSS, etag='"v1"')
    list(ingest_sources(fresh_db, [url], full_text=False, policy=LOCAL))
    [again] = ingest_sources(fresh_db, [url], full_text=False, policy=LOCAL)
    assert again.unchanged and again.ok and again.new == 0
    assert again.describe() == f"{url}: unchanged (304)"
    assert server.seen[-1].headers["if-none-match"] == '"v1"'
    assert get_feed(fresh_db, url)["etag"] == '"v1"'  # type: ignore[index]


def test_a_story_in_two_feeds_is_stored_once(fresh_db: Database, server: FeedServer) -> None:
    long_text = "The mayor and the harbour board disagree about the new quay and who pays for it. " * 2
    feed_a = server.add(
        "/a.xml",
        body=rss(
            item("Quay row", guid="https://paper.example/?p=9", link="https://paper.example/quay"),
            item("Same link", link="https://www.paper.example/bridge/?utm_source=a"),
            item("Copied text", text=long_text),
            item("Local numbering", guid="1", text="first of feed a"),
        ),
    )
    feed_b = server.add(
        "/b.xml",
        body=rss(
            item("Quay row (syndicated)", guid="https://paper.example/?p=9", link="https://agg.example/x/9"),
            item("Same link again", link="http://paper.example/bridge"),
            item("Copied text, retitled", text=long_text.upper()),
            item("Local numbering", guid="1", text="first of feed b, a different story"),
        ),
    )
    results = list(ingest_sources(fresh_db, [feed_a, feed_b], full_text=False, policy=LOCAL))
    assert [(r.new, r.known) for r in results] == [(4, 0), (1, 3)]
    assert count_stories(fresh_db) == 5


def test_duplicates_within_one_feed_count_once(fresh_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "dupes.xml"
    path.write_bytes(
        rss(item("One", guid="https://x.example/1"), item("One again", guid="https://x.example/1"))
    )
    [result] = ingest_sources(fresh_db, [str(path)], full_text=False)
    assert (result.new, result.known) == (1, 1)


def test_every_bad_source_gets_its_own_error_and_the_good_ones_are_stored(
    fresh_db: Database, server: FeedServer
) -> None:
    good = server.add("/good.xml", body=RSS)
    sources = {
        server.add(
            "/page.html", body=(DATA / "page.html").read_bytes(), content_type="text/html"
        ): "not a feed: looks like an HTML page",
        server.add("/empty.xml", body=b""): "empty body",
        server.add(
            "/junk.bin", body=bytes(range(256)) * 64, content_type="application/octet-stream"
        ): "not a feed: binary data",
        server.add("/missing.xml", body=b"gone", status=404): "HTTP 404 Not Found",
        server.add("/broken.xml", body=b"oops", status=500): "HTTP 500 Internal Server Error",
        server.add("/loop", redirect_to="/loop"): "too many redirects (more than 5)",
    }
    json_feed = server.add(
        "/feed.json", body=(DATA / "feed.json").read_bytes(), content_type="application/feed+json"
    )
    everything = [*sources, good, json_feed]
    results = {r.source: r for r in ingest_sources(fresh_db, everything, full_text=False, policy=LOCAL)}
    for source, error in sources.items():
        result = results[source]
        assert not result.ok and result.error is not None and result.error.startswith(error)
        assert result.describe() == f"{source}: error: {result.error}"
        row = get_feed(fresh_db, source)
        assert row is not None and row["consecutive_failures"] == 1 and row["last_error"] == result.error
    assert results[good].ok and results[good].new == 3
    assert results[json_feed].ok and results[json_feed].new == 2
    assert count_stories(fresh_db) == 5


def test_a_malformed_feed_is_kept_with_a_warning(fresh_db: Database) -> None:
    [result] = ingest_sources(fresh_db, [str(DATA / "malformed.xml")], full_text=False)
    assert result.ok and result.new == 2 and result.warning
    assert "; warning: malformed feed read anyway" in result.describe()
    assert get_feed(fresh_db, str(DATA / "malformed.xml"))["last_warning"] == result.warning  # type: ignore[index]


def test_a_hanging_feed_times_out_and_the_next_is_read(fresh_db: Database, server: FeedServer) -> None:
    slow = server.add("/slow.xml", hang=True)
    good = server.add("/good.xml", body=RSS)
    results = list(ingest_sources(fresh_db, [slow, good], full_text=False, policy=LOCAL, timeout=0.3))
    assert results[0].error == "timed out after 0.3 s"
    assert results[1].new == 3


def test_xxe_feed_stores_nothing_from_the_local_file(
    fresh_db: Database, server: FeedServer, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-PASSWORD-4711")
    body = (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY xxe SYSTEM "file://{secret}">\n]>\n'
        '<rss version="2.0"><channel><item><title>&xxe;</title><guid>https://e.example/1</guid></item></channel></rss>'
    ).encode()
    url = server.add("/xxe.xml", body=body)
    [result] = ingest_sources(fresh_db, [url], full_text=False, policy=LOCAL)
    assert not result.ok and result.error is not None and "external entity" in result.error
    dump = "\n".join(str(row) for table in ("stories", "feeds") for row in fresh_db.table(table).rows)
    assert "TOP-SECRET" not in dump


def test_teasers_get_the_full_article_text(fresh_db: Database, server: FeedServer) -> None:
    article = server.add(
        "/2024/05/ferry", body=(DATA / "article.html").read_bytes(), content_type="text/html"
    )
    gone = server.add("/2024/05/gone", body=b"no", status=404)
    full = "<p>" + "A complete story already in the feed. " * 5 + "</p>"
    url = server.add(
        "/teasers.xml",
        body=rss(
            item(
                "Council split over the ferry subsidy",
                link=article,
                text="The council argued late into the night [...]",
            ),
            item("An article that vanished", link=gone, text="Short teaser for a page that is gone..."),
            item("Complete in the feed", link=server.url("/2024/05/complete"), text="teaser", content=full),
        ),
    )
    [result] = ingest_sources(fresh_db, [url], full_text=True, policy=LOCAL)
    assert result.ok and result.new == 3 and result.full_text == 1
    texts = dict(fresh_db.execute("SELECT title, text FROM stories").fetchall())
    ferry = texts["Council split over the ferry subsidy"]
    assert "Without the ferry, older residents would need an hour by bus" in ferry
    assert "Vale said" in ferry and "made-up paper" not in ferry
    assert texts["An article that vanished"] == "Short teaser for a page that is gone..."
    assert texts["Complete in the feed"].startswith("A complete story already in the feed.")
    fetched = [seen.path for seen in server.seen]
    assert "/2024/05/complete" not in fetched  # full content in the feed: no article fetch
    # A second poll finds the stories stored and fetches no article again.
    list(ingest_sources(fresh_db, [url], full_text=True, policy=LOCAL))
    assert [seen.path for seen in server.seen].count("/2024/05/ferry") == 1


def test_full_text_can_be_switched_off(fresh_db: Database, server: FeedServer) -> None:
    article = server.add("/story", body=(DATA / "article.html").read_bytes(), content_type="text/html")
    url = server.add("/teasers.xml", body=rss(item("Ferry", link=article, text="Teaser only...")))
    [result] = ingest_sources(fresh_db, [url], full_text=False, policy=LOCAL)
    assert result.full_text == 0 and "/story" not in [seen.path for seen in server.seen]


def test_backoff_doubles_from_the_poll_interval_up_to_a_day() -> None:
    delays = [backoff_delay(n, poll_minutes=60) for n in range(8)]
    hours = [d / timedelta(hours=1) for d in delays]
    assert hours == [1, 1, 2, 4, 8, 16, 24, 24]
    assert backoff_delay(10_000, poll_minutes=60) == MAX_BACKOFF
    assert backoff_delay(3, poll_minutes=3 * 24 * 60) == timedelta(days=3)  # never shorter than a normal poll


def test_failures_back_off_and_a_success_resets(fresh_db: Database, server: FeedServer) -> None:
    url = server.add("/flaky.xml", body=b"down", status=503)
    now = NOW
    waits = []
    for _ in range(7):
        result = ingest_source(fresh_db, url, now=now, poll_minutes=30, full_text=False, policy=LOCAL)
        assert not result.ok and result.error == "HTTP 503 Service Unavailable"
        row = get_feed(fresh_db, url)
        assert row is not None
        next_poll = datetime.fromisoformat(row["next_poll"])
        waits.append((next_poll - now) / timedelta(minutes=1))
        now = next_poll
    assert waits == [30, 60, 120, 240, 480, 960, 1440]
    assert get_feed(fresh_db, url)["consecutive_failures"] == 7  # type: ignore[index]
    server.add("/flaky.xml", Route(body=RSS))
    assert ingest_source(fresh_db, url, now=now, poll_minutes=30, full_text=False, policy=LOCAL).new == 3
    row = get_feed(fresh_db, url)
    assert row is not None and row["consecutive_failures"] == 0 and row["last_error"] is None
    assert datetime.fromisoformat(row["next_poll"]) - now == timedelta(minutes=30)


def test_poll_due_feeds_polls_only_what_is_due(fresh_db: Database, server: FeedServer) -> None:
    ok = server.add("/ok.xml", body=RSS)
    bad = server.add("/bad.xml", body=b"", status=500)
    list(ingest_sources(fresh_db, [ok, bad], full_text=False, policy=LOCAL, now=NOW, poll_minutes=60))
    assert poll_due_feeds(fresh_db, now=NOW + timedelta(minutes=59), poll_minutes=60, policy=LOCAL) == []
    due = poll_due_feeds(fresh_db, now=NOW + timedelta(minutes=61), poll_minutes=60, full_text=False, policy=LOCAL)
    assert [r.source for r in due] == [bad, ok]  # the failed feed came due first (at +60), then ok (+60)
    # The poller spreads next polls over the interval (by URL): ok is due within 30-90 minutes of +61.
    later = poll_due_feeds(fresh_db, now=NOW + timedelta(minutes=152), poll_minutes=60, full_text=False, policy=LOCAL)
    assert [r.source for r in later] == [ok]  # bad is backing off: 2 h (and a little jitter) after its 2nd failure


def test_poll_due_feeds_adds_configured_sources(fresh_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "configured.xml"
    path.write_bytes(RSS)
    [result] = poll_due_feeds(fresh_db, now=NOW, sources=[str(path)], full_text=False)
    assert result.new == 3
    assert poll_due_feeds(fresh_db, now=NOW + timedelta(minutes=5), sources=[str(path)]) == []


def test_cli_ingest_prints_one_line_per_source(db_path: Path, tmp_path: Path) -> None:
    good = tmp_path / "good.xml"
    good.write_bytes(RSS)
    runner = CliRunner()
    ok = runner.invoke(
        cli, ["ingest", "--db", str(db_path), "--no-full-text", str(good)], catch_exceptions=False
    )
    assert ok.exit_code == 0, ok.output
    # One line per source first; what the CLI does with the stories afterwards (framing) may add more.
    assert ok.stdout.splitlines()[0] == f"{good}: 3 new stories"
    missing = tmp_path / "missing.xml"
    mixed = runner.invoke(
        cli,
        ["ingest", "--db", str(db_path), "--no-full-text", str(good), str(missing)],
        catch_exceptions=False,
    )
    assert mixed.exit_code == 1
    assert mixed.stdout.splitlines()[:2] == [
        f"{good}: 0 new stories (3 already stored)",
        f"{missing}: error: no such file: {str(missing)!r}",
    ]
    assert "Traceback" not in mixed.output

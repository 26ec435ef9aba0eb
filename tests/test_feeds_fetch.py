"""Fetching against a local server: limits, conditional GET, redirects, timeouts and errors in words."""

from __future__ import annotations

import gzip
import socket
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from briefings.errors import FeedError
from briefings.feeds import MAX_BYTES, USER_AGENT, OutboundPolicy, fetch
from tests.fakes.feed_server import LOCAL, FeedServer

DATA = Path(__file__).parent / "data" / "feeds"
RSS = (DATA / "rss2.xml").read_bytes()
# Mocked hosts go through the address check too; this resolver answers without DNS.
PUBLIC_DNS = OutboundPolicy(resolve=lambda host, port: ["93.184.216.34"])


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        yield running


def test_fetch_sends_our_user_agent_and_returns_the_body(server: FeedServer) -> None:
    url = server.add("/feed.xml", body=RSS, etag='"v1"', last_modified="Wed, 01 May 2024 10:00:00 GMT")
    fetched = fetch(url, policy=LOCAL)
    assert fetched.content == RSS and fetched.status == 200 and not fetched.unchanged
    assert (fetched.etag, fetched.last_modified) == ('"v1"', "Wed, 01 May 2024 10:00:00 GMT")
    sent = server.seen[0].headers
    assert sent["user-agent"] == USER_AGENT and USER_AGENT.startswith("briefing-bot/")
    assert "application/rss+xml" in sent["accept"]


def test_etag_gives_304_unchanged(server: FeedServer) -> None:
    url = server.add("/feed.xml", body=RSS, etag='"v1"')
    fetched = fetch(url, policy=LOCAL, etag='"v1"')
    assert fetched.unchanged and fetched.content == b""
    assert server.seen[-1].headers["if-none-match"] == '"v1"'


def test_last_modified_gives_304_unchanged(server: FeedServer) -> None:
    stamp = "Wed, 01 May 2024 10:00:00 GMT"
    url = server.add("/feed.xml", body=RSS, last_modified=stamp)
    assert fetch(url, policy=LOCAL, last_modified=stamp).unchanged
    assert server.seen[-1].headers["if-modified-since"] == stamp


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (404, "HTTP 404 Not Found"),
        (500, "HTTP 500 Internal Server Error"),
        (403, "HTTP 403 Forbidden"),
        (410, "HTTP 410 Gone"),
    ],
)
def test_http_errors_name_the_status(server: FeedServer, status: int, words: str) -> None:
    url = server.add("/feed.xml", body=b"nope", status=status)
    with pytest.raises(FeedError, match=f"^{words}$"):
        fetch(url, policy=LOCAL)


def test_redirects_are_followed_up_to_the_limit(server: FeedServer) -> None:
    server.add("/final.xml", body=RSS)
    server.add("/hop2", redirect_to="/final.xml")
    url = server.add("/hop1", redirect_to=server.url("/hop2"))
    fetched = fetch(url, policy=LOCAL)
    assert fetched.content == RSS and fetched.url == server.url("/final.xml")


def test_redirect_loop_is_an_error(server: FeedServer) -> None:
    server.add("/a", redirect_to="/b")
    url = server.add("/b", redirect_to="/a")
    with pytest.raises(FeedError, match=r"^too many redirects \(more than 5\)"):
        fetch(url, policy=LOCAL)
    assert len(server.seen) == 6


def test_redirect_to_a_local_file_is_refused(server: FeedServer) -> None:
    url = server.add("/sneaky", redirect_to="file:///etc/passwd")
    with pytest.raises(FeedError, match="redirected to a non-web address"):
        fetch(url, policy=LOCAL)


def test_hanging_server_hits_the_timeout(server: FeedServer) -> None:
    url = server.add("/slow.xml", hang=True)
    with pytest.raises(FeedError, match=r"^timed out after 0.3 s$"):
        fetch(url, policy=LOCAL, timeout=0.3)


def test_fifty_megabytes_are_cut_at_the_cap_without_being_held(server: FeedServer) -> None:
    url = server.add("/huge.xml", stream_bytes=50 * 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(FeedError, match=r"^larger than the 10 MB limit$"):
            fetch(url, policy=LOCAL)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < MAX_BYTES + 4 * 1024 * 1024  # the cap plus a few chunks, far below 50 MB
    small_cap = 256 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(FeedError, match=r"^larger than the 256 KB limit$"):
            fetch(url, policy=LOCAL, max_bytes=small_cap)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2 * 1024 * 1024


def test_announced_oversize_body_is_refused_before_reading(server: FeedServer) -> None:
    url = server.add("/big.xml", body=b"x" * 2048)
    with pytest.raises(FeedError, match=r"larger than the 1 KB limit \(the server says"):
        fetch(url, policy=LOCAL, max_bytes=1024)


def test_gzip_is_decoded_and_a_gzip_bomb_is_cut(server: FeedServer) -> None:
    url = server.add("/gz.xml", body=gzip.compress(RSS), headers={"Content-Encoding": "gzip"})
    assert fetch(url, policy=LOCAL).content == RSS
    bomb = gzip.compress(b"\0" * (50 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < 100_000
    bomb_url = server.add("/bomb.xml", body=bomb, headers={"Content-Encoding": "gzip"})
    tracemalloc.start()
    try:
        with pytest.raises(FeedError, match="larger than the 1 MB limit"):
            fetch(bomb_url, policy=LOCAL, max_bytes=1024 * 1024)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 * 1024 * 1024


def test_raw_deflate_is_decoded() -> None:
    import zlib

    packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    raw = packer.compress(RSS) + packer.flush()
    client = httpx.Client(
        transport=httpx.MockTransport(
            lambda request: httpx.Response(200, content=raw, headers={"Content-Encoding": "deflate"})
        )
    )
    assert fetch("https://feeds.example/x", client=client, policy=PUBLIC_DNS).content == RSS


def test_connection_refused_is_said_in_words() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FeedError, match="connection refused by 127.0.0.1"):
        fetch(f"http://127.0.0.1:{port}/feed.xml", timeout=2, policy=LOCAL)


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (httpx.ConnectError("[Errno -2] Name or service not known"), "cannot resolve host 'feeds.example'"),
        (httpx.ConnectTimeout("timed out"), "timed out connecting to feeds.example"),
        (httpx.ReadTimeout("timed out"), "timed out after 10 s"),
        (httpx.RemoteProtocolError("peer closed"), "feeds.example broke the connection"),
    ],
    ids=["dns", "connect-timeout", "read-timeout", "protocol"],
)
def test_transport_errors_are_said_in_words(error: Exception, words: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise error

    client = httpx.Client(transport=httpx.MockTransport(handler))
    with pytest.raises(FeedError, match=words):
        fetch("https://feeds.example/feed.xml", client=client, policy=PUBLIC_DNS)


def test_local_paths_and_file_urls(tmp_path: Path) -> None:
    path = tmp_path / "saved feed.xml"
    path.write_bytes(RSS)
    assert fetch(str(path)).content == RSS
    assert fetch(path.as_uri()).content == RSS
    with pytest.raises(FeedError, match="no such file"):
        fetch(str(tmp_path / "missing.xml"))
    with pytest.raises(FeedError, match="is a folder"):
        fetch(str(tmp_path))
    with pytest.raises(FeedError, match="larger than the"):
        fetch(str(path), max_bytes=100)
    with pytest.raises(FeedError, match="unsupported address"):
        fetch("ftp://feeds.example/feed.xml")

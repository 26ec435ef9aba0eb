"""Fetch a feed (or an article) over HTTP(S) or from a local file, within hard limits.

A feed address is input from an admin or a config file, and the server behind
it may be slow, hostile or broken. So every fetch has a connect and a read
timeout plus a deadline for the whole transfer, follows at most
`MAX_REDIRECTS` redirects (and only to http/https), passes the first URL and
every redirect hop through the outbound policy (`outbound.py`: public
addresses only, checked again on connect), and reads at most
`MAX_BYTES` of *decoded* body while streaming: the body is never held beyond
the cap, and gzip/deflate are inflated here with a bounded output so a
compressed bomb is cut at the same limit. Conditional GET (ETag /
Last-Modified) turns an unchanged feed into a cheap 304.

Every failure is a `FeedError` whose message says what happened in words
("timed out after 10 s", "HTTP 404 Not Found", "too many redirects (more than
5)"), because it ends up in one line of CLI output and in the feeds table.
"""

from __future__ import annotations

import logging
import time
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import httpx

from briefings.errors import FeedError
from briefings.feeds.outbound import PUBLIC_ONLY, GuardedTransport, OutboundPolicy

__all__ = [
    "DEFAULT_CONNECT_TIMEOUT",
    "DEFAULT_FETCH_TIMEOUT",
    "DEFAULT_TOTAL_TIMEOUT",
    "FEED_ACCEPT",
    "MAX_BYTES",
    "MAX_REDIRECTS",
    "USER_AGENT",
    "Fetched",
    "fetch",
    "make_client",
]

logger = logging.getLogger(__name__)

DEFAULT_FETCH_TIMEOUT = 10.0  # seconds to wait for any one read, write or pool slot
DEFAULT_CONNECT_TIMEOUT = 5.0
DEFAULT_TOTAL_TIMEOUT = 60.0  # seconds for the whole transfer, so a trickling server cannot hold a poll
MAX_REDIRECTS = 5
MAX_BYTES = 10 * 1024 * 1024
PROJECT_URL = "https://github.com/briefing-bot/briefing-bot"
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"
)
HTML_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


def _version() -> str:
    try:
        return metadata.version("briefing-bot")
    except metadata.PackageNotFoundError:
        return "0"


USER_AGENT = f"briefing-bot/{_version()} (+{PROJECT_URL})"


@dataclass(frozen=True)
class Fetched:
    """What a fetch brought back: the body (empty when unchanged) and the cache validators."""

    url: str
    status: int
    content: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)

    @property
    def unchanged(self) -> bool:
        """True when the server answered 304 to our conditional GET."""
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")


def make_client(
    *, timeout: float = DEFAULT_FETCH_TIMEOUT, policy: OutboundPolicy = PUBLIC_ONLY, max_connections: int = 20
) -> httpx.Client:
    """A client with our timeouts and User-Agent whose sockets obey `policy`; `fetch` follows redirects itself.

    With the guarded transport httpx ignores HTTP(S)_PROXY: a proxy would connect
    to addresses the policy never sees. `max_connections`: the poller's threads, each may keep one alive.
    """
    return httpx.Client(
        timeout=httpx.Timeout(timeout, connect=min(timeout, DEFAULT_CONNECT_TIMEOUT)),
        headers={"User-Agent": USER_AGENT},
        follow_redirects=False,
        limits=httpx.Limits(max_connections=max(100, max_connections), max_keepalive_connections=max_connections),
        transport=None if policy.allow_private else GuardedTransport(policy, max_connections=max_connections),
    )


def _megabytes(size: int) -> str:
    """A byte count as people say it: `10 MB`, `256 KB`, `900 bytes`."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.4g} MB"
    if size >= 1024:
        return f"{size / 1024:.4g} KB"
    return f"{size} bytes"


def _file_path(source: str) -> Path | None:
    """The local path a source names (a plain path or a file:// URL), or None for a web address."""
    lowered = source[:8].lower()
    if lowered.startswith(("http://", "https://")):
        return None
    if lowered.startswith("file:"):
        parts = urlsplit(source)
        if parts.netloc not in ("", "localhost"):
            raise FeedError(f"file address on another host is not supported: {source}")
        return Path(url2pathname(unquote(parts.path)))
    if "://" in source:
        raise FeedError(f"unsupported address {source!r} (use http, https, file or a path)")
    return Path(source).expanduser()


def _read_file(path: Path, max_bytes: int) -> Fetched:
    try:
        if path.is_dir():
            raise FeedError(f"{str(path)!r} is a folder, not a feed file")
        with path.open("rb") as handle:
            content = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise FeedError(f"no such file: {str(path)!r}") from None
    except PermissionError:
        raise FeedError(f"cannot read {str(path)!r}: permission denied") from None
    except OSError as exc:
        raise FeedError(f"cannot read {str(path)!r}: {exc.strerror or exc}") from None
    if len(content) > max_bytes:
        raise FeedError(f"larger than the {_megabytes(max_bytes)} limit")
    return Fetched(url=str(path), status=200, content=content)


class _Inflater:
    """Decode a content-encoding with bounded output, so a small compressed body cannot explode."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self.raw_fallback = encoding == "deflate"
        if encoding in ("gzip", "x-gzip"):
            self.zlib: zlib._Decompress | None = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self.zlib = zlib.decompressobj(zlib.MAX_WBITS)
        elif encoding in ("", "identity"):
            self.zlib = None
        else:
            raise FeedError(f"unsupported content encoding {encoding!r}")

    def feed(self, chunk: bytes, room: int) -> Iterator[bytes]:
        """Yield decoded pieces of `chunk`; stop once more than `room` bytes came out."""
        if self.zlib is None:
            yield chunk
            return
        data = chunk
        while data:
            try:
                out = self.zlib.decompress(data, room + 1)
            except zlib.error:
                if not self.raw_fallback:
                    raise FeedError(f"corrupt {self.encoding} body") from None
                # "deflate" is sent both zlib-wrapped and raw; retry raw once, as browsers do.
                self.raw_fallback = False
                self.zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                continue
            self.raw_fallback = False
            yield out
            room -= len(out)
            if room < 0:
                return
            data = self.zlib.unconsumed_tail


def _read_capped(response: httpx.Response, max_bytes: int, deadline: float, total_timeout: float) -> bytes:
    declared = response.headers.get("content-length", "")
    encoding = response.headers.get("content-encoding", "").strip().lower()
    if declared.isdigit() and int(declared) > max_bytes and encoding in ("", "identity"):
        raise FeedError(
            f"larger than the {_megabytes(max_bytes)} limit (the server says {_megabytes(int(declared))})"
        )
    if response.is_stream_consumed:  # a mock transport's ready-made response: already decoded
        if len(response.content) > max_bytes:
            raise FeedError(f"larger than the {_megabytes(max_bytes)} limit")
        return response.content
    inflater = _Inflater(encoding)
    pieces: list[bytes] = []
    size = 0
    for chunk in response.iter_raw():
        for piece in inflater.feed(chunk, max_bytes - size):
            size += len(piece)
            if size > max_bytes:
                raise FeedError(f"larger than the {_megabytes(max_bytes)} limit")
            pieces.append(piece)
        if time.monotonic() > deadline:
            raise FeedError(f"timed out: the transfer took longer than {total_timeout:g} s")
    return b"".join(pieces)


def _transport_error(exc: httpx.HTTPError, url: str, timeout: float) -> FeedError:
    host = urlsplit(url).hostname or url
    text = str(exc) or type(exc).__name__
    if isinstance(exc, httpx.ConnectTimeout):
        return FeedError(f"timed out connecting to {host} after {min(timeout, DEFAULT_CONNECT_TIMEOUT):g} s")
    if isinstance(exc, httpx.TimeoutException):
        return FeedError(f"timed out after {timeout:g} s")
    if isinstance(exc, httpx.ConnectError):
        lowered = text.lower()
        if any(
            hint in lowered
            for hint in (
                "name or service",
                "nodename",
                "getaddrinfo",
                "name resolution",
                "no address associated",
            )
        ):
            return FeedError(f"cannot resolve host {host!r} (DNS lookup failed)")
        if "refused" in lowered:
            return FeedError(f"connection refused by {host}")
        if "ssl" in lowered or "certificate" in lowered:
            return FeedError(f"TLS error talking to {host}: {text}")
        return FeedError(f"cannot connect to {host}: {text}")
    if isinstance(exc, httpx.RemoteProtocolError):
        return FeedError(f"{host} broke the connection: {text}")
    if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
        return FeedError(f"not a valid web address: {url}")
    return FeedError(f"network error talking to {host}: {text}")


def fetch(
    source: str,
    *,
    client: httpx.Client | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    timeout: float = DEFAULT_FETCH_TIMEOUT,
    total_timeout: float = DEFAULT_TOTAL_TIMEOUT,
    max_bytes: int = MAX_BYTES,
    accept: str = FEED_ACCEPT,
    policy: OutboundPolicy = PUBLIC_ONLY,
) -> Fetched:
    """Fetch `source` (http(s) URL, file:// URL or path); raise FeedError saying what went wrong.

    A path is read only when `source` itself names one (the operator's
    choice); redirects and every hop are http(s) and pass `policy`. An injected
    `client` (tests pass one with `httpx.MockTransport`) is used as is, but
    our timeouts, headers, redirect limit and `policy.check_url` still apply.
    """
    path = _file_path(source)
    if path is not None:
        return _read_file(path, max_bytes)
    own = client is None
    http = client or make_client(timeout=timeout, policy=policy)
    headers = {"User-Agent": USER_AGENT, "Accept": accept, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    limits = httpx.Timeout(timeout, connect=min(timeout, DEFAULT_CONNECT_TIMEOUT))
    deadline = time.monotonic() + total_timeout
    url = source
    try:
        for _hop in range(MAX_REDIRECTS + 1):
            policy.check_url(url)
            with http.stream("GET", url, headers=headers, timeout=limits, follow_redirects=False) as response:
                location = response.headers.get("location")
                if response.status_code in REDIRECT_STATUSES and location:
                    url = str(response.url.join(location.strip()))
                    if not url.lower().startswith(("http://", "https://")):
                        raise FeedError(f"redirected to a non-web address: {url}")
                    logger.debug("%s redirects to %s", source, url)
                    continue
                if response.status_code == 304:
                    return Fetched(url=url, status=304, headers=_lower(response.headers))
                if response.status_code >= 400:
                    reason = response.reason_phrase or "error"
                    raise FeedError(f"HTTP {response.status_code} {reason}".rstrip())
                content = _read_capped(response, max_bytes, deadline, total_timeout)
                return Fetched(
                    url=url, status=response.status_code, content=content, headers=_lower(response.headers)
                )
        raise FeedError(f"too many redirects (more than {MAX_REDIRECTS}), last to {url}")
    except httpx.HTTPError as exc:
        raise _transport_error(exc, url, timeout) from None
    finally:
        if own:
            http.close()


def _lower(headers: httpx.Headers) -> dict[str, str]:
    return {key.lower(): value for key, value in headers.items()}

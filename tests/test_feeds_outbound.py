"""The outbound policy: which addresses fetches may reach, on every hop and at connect time.

Nothing here leaves the machine: public addresses are only classified, names
come from fake resolvers, and every connection that is made goes to the
local feed server on 127.0.0.1, which records each request it gets.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlite_utils import Database

from briefings.errors import AddressRefused, FeedError
from briefings.feeds import PUBLIC_ONLY, OutboundPolicy, fetch, ingest_sources, make_client
from briefings.feeds.outbound import refusal
from briefings.store import open_database
from tests.fakes.feed_server import LOCAL, FeedServer

SECRET = "SECRET-ADMIN-PAGE-4711"
ADMIN_PAGE = (
    "<html><head><title>Admin</title></head><body><article>"
    + "".join(f"<p>{SECRET} internal configuration line {n}, not for feeds.</p>" for n in range(30))
    + "</article></body></html>"
).encode()
PUBLIC = "93.184.216.34"


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        running.add("/admin", body=ADMIN_PAGE, content_type="text/html")
        yield running


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the code under test gets wrong, no socket in these tests leaves 127.0.0.1."""
    connect = socket.create_connection

    def guarded(address: tuple[str, int], *args: object, **kwargs: object) -> socket.socket:
        if address[0] not in ("127.0.0.1", "::ffff:127.0.0.1", "localhost"):
            raise AssertionError(f"a test tried to connect to {address[0]}")
        return connect(address, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "create_connection", guarded)


def fake_dns(answers: dict[str, list[str]]) -> OutboundPolicy:
    """A policy whose lookups come from `answers` (an unknown name fails like a DNS miss)."""

    def resolve(host: str, port: int) -> list[str]:
        if host not in answers:
            raise FeedError(f"cannot resolve host {host!r} (DNS lookup failed)")
        return answers[host]

    return OutboundPolicy(resolve=resolve)


# -- the classifier: pure, no lookup, no connection -----------------------------------------------------------

REFUSED = {
    "127.0.0.1": "loopback",
    "127.255.0.9": "loopback",
    "10.1.2.3": "private",
    "172.16.0.1": "private",
    "192.168.1.1": "private",
    "100.64.0.1": "shared (carrier-grade NAT)",
    "169.254.169.254": "link-local",
    "0.0.0.0": "unspecified",
    "255.255.255.255": "broadcast",
    "224.0.0.1": "multicast",
    "239.255.255.250": "multicast",
    "240.0.0.1": "reserved",
    "192.0.2.1": "private",  # documentation (TEST-NET-1)
    "::1": "loopback",
    "::": "unspecified",
    "fe80::1": "link-local",
    "fc00::1": "private",
    "fd00:ec2::254": "private",  # the AWS metadata service over IPv6
    "ff02::1": "multicast",
    "::ffff:127.0.0.1": "loopback (127.0.0.1 inside ::ffff:7f00:1)",
    "::ffff:10.0.0.1": "private (10.0.0.1 inside ::ffff:a00:1)",
    "::127.0.0.1": "reserved",  # IPv4-compatible, deprecated
    "2002:7f00:1::": "loopback (127.0.0.1 inside 2002:7f00:1::)",  # 6to4
    "2002:a9fe:a9fe::": "link-local (169.254.169.254 inside 2002:a9fe:a9fe::)",
    "64:ff9b::a9fe:a9fe": "link-local (169.254.169.254 inside 64:ff9b::a9fe:a9fe)",  # NAT64
    "64:ff9b::10.0.0.1": "private (10.0.0.1 inside 64:ff9b::a00:1)",
    "2001:db8::1": "private",  # documentation
}
ALLOWED = ["93.184.216.34", "8.8.8.8", "2606:4700::1", "2a00:1450:4001::200e", "2002:5db8:d822::",
           "64:ff9b::5db8:d822"]


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if anything looks a name up or opens a connection."""

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("the classifier touched the network")

    monkeypatch.setattr(socket, "getaddrinfo", forbidden)
    monkeypatch.setattr(socket, "create_connection", forbidden)
    monkeypatch.setattr(socket.socket, "connect", forbidden)


@pytest.mark.parametrize(("address", "reason"), REFUSED.items(), ids=list(REFUSED))
def test_non_public_addresses_are_refused(no_network: None, address: str, reason: str) -> None:
    assert refusal(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize("address", ALLOWED)
def test_public_addresses_are_allowed_without_connecting(no_network: None, address: str) -> None:
    assert refusal(ipaddress.ip_address(address)) is None
    fake_dns({"news.example": [address]}).check_url("https://news.example/feed.xml")


# -- hosts as a URL writes them: the system resolver reads the numeric forms (no DNS involved) ------------------

@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "localhost", "[::ffff:127.0.0.1]", "2130706433", "0177.0.0.1", "0x7f.1", "127.1", "[::1]",
     "0.0.0.0", "[::]", "169.254.169.254", "0xa9fea9fe", "LOCALHOST"],
)
def test_numeric_and_local_host_forms_are_refused(host: str) -> None:
    with pytest.raises(AddressRefused) as refused:
        PUBLIC_ONLY.check_url(f"http://{host}:9/admin")
    assert refused.value.reason.split()[0] in ("loopback", "unspecified", "link-local")


@pytest.mark.parametrize(
    ("host", "answers"),
    [
        ("metadata.google.internal", ["169.254.169.254"]),
        ("intranet.corp", ["10.0.0.5"]),
        ("rebind.example", [PUBLIC, "127.0.0.1"]),  # one bad answer among good ones is enough
        ("v6.example", ["2606:4700::1", "fd12::1"]),
    ],
)
def test_names_resolving_to_any_private_address_are_refused(host: str, answers: list[str]) -> None:
    with pytest.raises(AddressRefused, match=f"^refused {host} \\("):
        fake_dns({host: answers}).check_url(f"https://{host}/computeMetadata/v1/")


def test_only_web_addresses_pass() -> None:
    for url in ("file:///etc/passwd", "ftp://news.example/feed", "gopher://127.0.0.1:70/"):
        with pytest.raises(FeedError, match="not a web address"):
            PUBLIC_ONLY.check_url(url)
    LOCAL.check_url("http://127.0.0.1:9/feed.xml")  # allowed: the operator's ALLOW_PRIVATE_NETWORKS
    with pytest.raises(FeedError, match="not a web address"):
        LOCAL.check_url("file:///etc/passwd")


# -- fetching: nothing reaches the local server unless private networks are allowed ------------------------------

LINKS = {
    "127.0.0.1": "http://127.0.0.1:{port}/admin",
    "localhost": "http://localhost:{port}/admin",
    "mapped": "http://[::ffff:127.0.0.1]:{port}/admin",
    "decimal": "http://2130706433:{port}/admin",
    "hex": "http://0x7f.1:{port}/admin",
    "metadata": "http://169.254.169.254/latest/meta-data/",
}


def port_of(server: FeedServer) -> int:
    return int(server.base.rsplit(":", 1)[1])


def feed_file(tmp_path: Path, links: list[str]) -> Path:
    """A feed the operator saved (so it is read from disk): one teaser per link, one complete entry."""
    items = "".join(
        f"<item><title>Teaser {n}</title><guid>https://paper.example/{n}</guid><link>{link}</link>"
        "<description>A short teaser that trails off...</description></item>"
        for n, link in enumerate(links)
    )
    complete = (
        "<item><title>Complete</title><guid>https://paper.example/complete</guid>"
        "<link>https://paper.example/complete</link><description>"
        + "A complete story in the feed itself, long enough to need no fetch. " * 12
        + "</description></item>"
    )
    path = tmp_path / "saved.xml"
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}{complete}'
                    "</channel></rss>")
    return path


def stored(db: Database) -> str:
    return "\n".join(str(row) for table in ("stories", "feeds") for row in db.table(table).rows)


@pytest.mark.parametrize("form", list(LINKS))
def test_a_feed_linking_to_an_internal_address_fetches_nothing(
    fresh_db: Database, server: FeedServer, tmp_path: Path, caplog: pytest.LogCaptureFixture, form: str
) -> None:
    link = LINKS[form].format(port=port_of(server))
    with caplog.at_level(logging.WARNING, logger="briefings.feeds"):
        [result] = ingest_sources(fresh_db, [str(feed_file(tmp_path, [link]))], full_text=True)
    assert server.seen == []
    assert result.ok and result.new == 2 and result.full_text == 0  # the teaser and the complete entry
    texts = dict(fresh_db.execute("SELECT title, text FROM stories").fetchall())
    assert texts["Teaser 0"] == "A short teaser that trails off..."
    assert SECRET not in stored(fresh_db)
    [logged] = [r.getMessage() for r in caplog.records if link in r.getMessage()]
    assert "keeping the teaser: refused" in logged and "not on the public internet" in logged


def test_all_forms_in_one_feed_and_the_same_feed_with_private_networks_allowed(
    fresh_db: Database, server: FeedServer, tmp_path: Path
) -> None:
    links = [link.format(port=port_of(server)) for link in LINKS.values()]
    [result] = ingest_sources(fresh_db, [str(feed_file(tmp_path, links))], full_text=True)
    assert result.ok and result.new == len(links) + 1
    assert server.seen == [] and SECRET not in stored(fresh_db)
    # The same feed with ALLOW_PRIVATE_NETWORKS: the page is fetched, so the checks above could fail.
    other = open_database(memory=True)
    list(ingest_sources(other, [str(feed_file(tmp_path, links[:1]))], full_text=True, policy=LOCAL))
    assert [seen.path for seen in server.seen] == ["/admin"] and SECRET in stored(other)


def test_an_entry_link_never_becomes_a_file_read(fresh_db: Database, tmp_path: Path) -> None:
    secret = tmp_path / "secret.html"
    secret.write_bytes(ADMIN_PAGE)
    [result] = ingest_sources(fresh_db, [str(feed_file(tmp_path, [secret.as_uri(), str(secret)]))],
                              full_text=True, policy=LOCAL)
    assert result.ok and result.full_text == 0 and SECRET not in stored(fresh_db)


def test_the_guarded_transport_refuses_on_connect(server: FeedServer) -> None:
    with make_client() as client, pytest.raises(AddressRefused, match="loopback"):
        client.get(server.url("/admin"))  # no check_url here: the socket layer alone refuses
    assert server.seen == []


def test_a_feed_the_operator_gives_is_refused_on_loopback_by_default(fresh_db: Database, server: FeedServer) -> None:
    url = server.add("/feed.xml", body=b"<rss/>")
    [result] = ingest_sources(fresh_db, [url], full_text=False)
    assert not result.ok and result.error == "refused 127.0.0.1: a loopback address, not on the public internet"
    assert server.seen == []


# -- redirects and DNS rebinding ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "target",
    ["http://127.0.0.1:{port}/admin", "http://[::ffff:127.0.0.1]:{port}/admin", "http://metadata.google.internal/"],
)
def test_a_redirect_from_a_public_host_to_a_private_one_is_refused_at_the_hop(server: FeedServer,
                                                                               target: str) -> None:
    location = target.format(port=port_of(server))
    asked: list[str] = []

    def public_site(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        return httpx.Response(302, headers={"Location": location})

    policy = fake_dns({"feeds.example": [PUBLIC], "metadata.google.internal": ["169.254.169.254"],
                       "127.0.0.1": ["127.0.0.1"], "::ffff:127.0.0.1": ["::ffff:127.0.0.1"]})
    client = httpx.Client(transport=httpx.MockTransport(public_site))
    with pytest.raises(AddressRefused, match="^refused .*not on the public internet$"):
        fetch("https://feeds.example/feed.xml", client=client, policy=policy)
    assert asked == ["https://feeds.example/feed.xml"] and server.seen == []


def test_dns_rebinding_gets_no_connection(server: FeedServer) -> None:
    """The name answers public to the first lookup and loopback to the next: the socket must not follow."""
    answers = iter([[PUBLIC], ["127.0.0.1"]])
    lookups: list[str] = []

    def rebinding(host: str, port: int) -> list[str]:
        lookups.append(host)
        return next(answers)

    policy = OutboundPolicy(resolve=rebinding)
    with pytest.raises(AddressRefused, match="^refused rebind.example \\(127.0.0.1\\): a loopback address"):
        fetch(f"http://rebind.example:{port_of(server)}/admin", policy=policy)
    assert lookups == ["rebind.example", "rebind.example"]  # check_url, then the connect itself
    assert server.seen == []

"""Where the bot may connect: one outbound policy for feeds, full-text articles and every redirect hop.

A feed is written by someone else, and so are the links in it and the
redirects its server sends. Without a policy, an entry linking to
`http://127.0.0.1:8080/admin` or to the cloud metadata service
(`169.254.169.254`) makes the bot fetch an internal page and store it as a
story (server-side request forgery). So every outbound connection is judged
here by the addresses it would reach:

- the host is resolved by the system resolver, which reads odd numeric forms
  (`2130706433`, `0x7f.1`, `0177.0.0.1`, `127.1`) exactly as a connect would,
  and *every* address it gives must be on the public internet: `ipaddress`'s
  `is_global`, not multicast or reserved, and an IPv6 form that embeds an IPv4
  address (mapped `::ffff:a.b.c.d`, 6to4, NAT64) is judged by that address;
- the check runs twice. `OutboundPolicy.check_url` runs before each request
  and each redirect hop, so a refusal is one clear line even with an injected
  client. `GuardedTransport` runs it again when the socket is opened and then
  connects to the very address it has just validated, so a name that answers
  public to the first lookup and private to the second (DNS rebinding), or a
  URL that our parser and httpx's read differently, never gets a connection.
  TLS SNI and the Host header still carry the name: httpcore takes them from
  the URL, not from the socket.

`OutboundPolicy(allow_private=True)` turns the address checks off, for an
operator who polls an intranet feed; the scheme check (http and https only)
stays, so a URL from a feed never becomes a local-file read.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpcore
import httpx

from briefings.errors import AddressRefused, FeedError

__all__ = ["PUBLIC_ONLY", "GuardedTransport", "OutboundPolicy", "Resolver", "refusal", "system_resolve"]

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]
"""`(host, port) -> addresses as text`, in the order to try them; FeedError when the name does not resolve."""

_SHARED = ipaddress.IPv4Network("100.64.0.0/10")  # carrier-grade NAT: not global, yet not `is_private` either
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_BROADCAST = ipaddress.IPv4Address("255.255.255.255")


def system_resolve(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for `host`, in its order, each once."""
    try:
        answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise FeedError(f"cannot resolve host {host!r} (DNS lookup failed)") from None
    return list(dict.fromkeys(str(info[4][0]) for info in answers))


def _embedded_v4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 form carries (mapped, 6to4, NAT64), which is what it reaches."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def refusal(address: Address) -> str | None:
    """Why connecting to `address` is refused (`'loopback'`, `'private'`, ...), or None for a public one.

    Pure classification: nothing is resolved or connected.
    """
    if isinstance(address, ipaddress.IPv6Address):
        inner = _embedded_v4(address)
        if inner is not None:
            reason = refusal(inner)
            return f"{reason} ({inner} inside {address.compressed})" if reason else None
    checks = (
        (address.is_unspecified, "unspecified"),
        (address.is_loopback, "loopback"),
        (address.is_link_local, "link-local"),
        (address.is_multicast, "multicast"),
        (address == _BROADCAST, "broadcast"),
        (isinstance(address, ipaddress.IPv4Address) and address in _SHARED, "shared (carrier-grade NAT)"),
        (address.is_reserved, "reserved"),
        (address.is_private, "private"),
        (not address.is_global, "non-public"),
    )
    return next((reason for failed, reason in checks if failed), None)


def _default_port(scheme: str) -> int:
    return 443 if scheme == "https" else 80


@dataclass(frozen=True)
class OutboundPolicy:
    """Which addresses fetches may reach: public ones only, unless `allow_private`.

    :param allow_private: the operator polls intranet feeds; no address is refused.
    :param resolve: the name lookup (tests pass a fake; nothing else should).
    """

    allow_private: bool = False
    resolve: Resolver = system_resolve

    def addresses(self, host: str, port: int) -> list[str]:
        """The addresses of `host` to connect to; AddressRefused when any of them is not public."""
        answers = self.resolve(host, port)
        if not answers:
            raise FeedError(f"cannot resolve host {host!r} (no address)")
        if self.allow_private:
            return answers
        for text in answers:
            try:
                address = ipaddress.ip_address(text)
            except ValueError:
                raise FeedError(f"cannot resolve host {host!r} (odd address {text!r})") from None
            reason = refusal(address)
            if reason is not None:
                raise AddressRefused(host=host, address=address.compressed, reason=reason)
        return answers

    def check_url(self, url: str) -> None:
        """Refuse `url` (FeedError, or its child AddressRefused) unless it is http(s) to public addresses."""
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise FeedError(f"not a web address: {url}")
        try:
            host, port = parts.hostname, parts.port
        except ValueError:
            raise FeedError(f"not a valid web address: {url}") from None
        if not host:
            raise FeedError(f"not a valid web address: {url}")
        if not self.allow_private:
            self.addresses(host, port or _default_port(scheme))


PUBLIC_ONLY = OutboundPolicy()


class _GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, connecting only to addresses the policy has just allowed."""

    def __init__(self, policy: OutboundPolicy) -> None:
        self._policy = policy

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        *others, last = self._policy.addresses(host, port)
        for address in others:  # as socket.create_connection does: the next address when one fails
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError:
                continue
        return super().connect_tcp(last, port, timeout, local_address, socket_options)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's own transport, whose every socket goes through `policy` (see the module docstring)."""

    def __init__(self, policy: OutboundPolicy, *, max_connections: int = 20) -> None:
        ssl_context = httpx.create_ssl_context()  # built once: loading the CA bundle is most of a client's cost
        super().__init__(verify=ssl_context)
        # httpx has no public hook for httpcore's network backend, so its pool is replaced
        # with one built the same way plus ours; request mapping and errors stay httpx's.
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context,
            max_connections=max(100, max_connections),
            max_keepalive_connections=max_connections,
            keepalive_expiry=5.0,
            network_backend=_GuardedBackend(policy),
        )

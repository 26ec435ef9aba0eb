"""Exceptions raised by the domain.

    BriefingsError
     ├── FeedError        a feed could not be fetched or parsed
     │    └── AddressRefused  the address is not on the public internet (outbound policy)
     ├── OpmlError        an OPML file is refused whole (too big, too many outlines, unsafe, not OPML)
     ├── StorageError     the database cannot be opened or migrated
     └── FramingError     an article cannot be read or framed

A bad feed during ingest is reported as data (`SourceResult.error`), not raised,
so one broken source never stops the others; these exceptions are for callers
that ask for one thing and cannot get it.
"""

from __future__ import annotations


class BriefingsError(Exception):
    """Base class of every error the domain raises on purpose."""


class FeedError(BriefingsError):
    """A feed could not be fetched or parsed."""


class OpmlError(BriefingsError):
    """An OPML file is refused as a whole, before any of its feeds is imported."""


class StorageError(BriefingsError):
    """The database cannot be opened, created or migrated."""


class FramingError(BriefingsError):
    """An article file cannot be read as a story to frame."""


class AddressRefused(FeedError):
    """A fetch would reach an address that is not on the public internet (loopback, private, metadata...)."""

    def __init__(self, *, host: str, address: str, reason: str) -> None:
        self.host, self.address, self.reason = host, address, reason
        named = address if host.strip("[]").lower() == address.lower() else f"{host} ({address})"
        article = "an" if reason[:1] in "aeiou" else "a"
        super().__init__(f"refused {named}: {article} {reason} address, not on the public internet")

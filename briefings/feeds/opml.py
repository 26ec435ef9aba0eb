"""OPML 2.0 in and out: the feed list as feed readers export it, and ours for them.

Reading is for files from anyone (an admin's upload in chat, a file from the
web), so a file is refused whole, before a single feed is imported, when it is
larger than `MAX_OPML_BYTES`, declares dangerous entities (the same guard as
feeds, `safety.unsafe_entities`, then defusedxml, which forbids any entity
expansion and external reference), is not OPML, or holds more than
`MAX_OUTLINES` outlines. The outlines are counted while streaming
(`iterparse`), so a 50,000-outline file is stopped at the limit without
building its tree.

Readers nest feeds in categories (outlines without `xmlUrl`); every outline
with an `xmlUrl` is a feed wherever it sits, and its category path is kept.
Only http(s) addresses are feeds: an OPML file never names a local file to read.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime

import defusedxml.ElementTree as SafeElementTree
from defusedxml import DefusedXmlException

from briefings.errors import OpmlError
from briefings.feeds.fetch import _megabytes
from briefings.feeds.safety import unsafe_entities

__all__ = ["MAX_OPML_BYTES", "MAX_OUTLINES", "OpmlFeed", "check_size", "parse_opml", "write_opml"]

MAX_OPML_BYTES = 2 * 1024 * 1024  # a reader's export of 5,000 feeds is about 1 MB
MAX_OUTLINES = 10_000
URL_ATTRIBUTES = ("xmlUrl", "xmlurl", "xmlURL")  # `url` is a web page (type="link"), not a feed


@dataclass(frozen=True)
class OpmlFeed:
    """One feed outline: its address, its title, and the categories it is nested in (outermost first)."""

    url: str
    title: str | None = None
    category: tuple[str, ...] = ()


def _label(attributes: Mapping[str, str]) -> str | None:
    return (attributes.get("text") or attributes.get("title") or "").strip() or None


def _url(attributes: Mapping[str, str]) -> str | None:
    for name in URL_ATTRIBUTES:
        value = attributes.get(name)
        if value and value.strip():
            return value.strip()
    return None


def check_size(size: int, *, max_bytes: int = MAX_OPML_BYTES) -> None:
    """OpmlError when a file of `size` bytes is too large to read (asked before downloading it, where possible)."""
    if size > max_bytes:
        raise OpmlError(f"refused: the file is {_megabytes(size)}, over the {_megabytes(max_bytes)} limit")


def parse_opml(
    data: bytes, *, max_bytes: int = MAX_OPML_BYTES, max_outlines: int = MAX_OUTLINES
) -> list[OpmlFeed]:
    """Every feed outline of an OPML document, in document order; OpmlError (one line) refuses the file.

    Repeats of one address are kept here (the importer reports them as duplicates).
    """
    check_size(len(data), max_bytes=max_bytes)
    reason = unsafe_entities(data)
    if reason:
        raise OpmlError(f"refused: the file {reason}")
    feeds: list[OpmlFeed] = []
    path: list[str | None] = []
    outlines = 0
    root: str | None = None
    try:
        for event, element in SafeElementTree.iterparse(io.BytesIO(data), events=("start", "end")):
            if root is None:
                root = element.tag
                if root.lower() != "opml":
                    raise OpmlError(f"not an OPML file: the document is <{root}>, not <opml>")
            if element.tag != "outline":
                continue
            if event == "end":
                path.pop()
                element.clear()  # nothing is kept but what `feeds` holds
                continue
            outlines += 1
            if outlines > max_outlines:
                raise OpmlError(f"refused: more than {max_outlines:,} outlines")
            attributes = dict(element.attrib)
            url = _url(attributes)
            if url is not None:
                feeds.append(OpmlFeed(url=url, title=_label(attributes),
                                      category=tuple(c for c in path if c)))
            path.append(None if url is not None else _label(attributes))
    except DefusedXmlException as exc:
        raise OpmlError(f"refused: the file declares entities or a DTD ({type(exc).__name__})") from None
    except ElementTree.ParseError as exc:
        raise OpmlError(f"not readable as OPML: {exc}") from None
    if root is None:
        raise OpmlError("not an OPML file: it is empty")
    return feeds


def write_opml(feeds: Iterable[Mapping[str, object]], *, now: datetime, title: str = "briefing-bot feeds") -> bytes:
    """An OPML 2.0 document listing `feeds` (rows with `url` and optional `title`), as readers import it."""
    opml = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(opml, "head")
    ElementTree.SubElement(head, "title").text = title
    ElementTree.SubElement(head, "dateCreated").text = format_datetime(now)
    body = ElementTree.SubElement(opml, "body")
    for row in feeds:
        url = str(row["url"])
        label = str(row.get("title") or url)
        ElementTree.SubElement(body, "outline", type="rss", text=label, title=label, xmlUrl=url)
    ElementTree.indent(opml)
    document: bytes = ElementTree.tostring(opml, encoding="utf-8", xml_declaration=True)
    return document + b"\n"

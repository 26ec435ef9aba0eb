"""Loading one article from a file: plain text, HTML, or a saved feed entry.

The `frame` command accepts whatever a user saved: a `.txt` story, a web
page, or a one-entry RSS/Atom/JSON Feed file. HTML goes through trafilatura
(with a plain tag stripper when it finds no main text); a feed entry gives
its title, link, date and content. Whatever cannot be read as text raises
`FramingError` with the file named, never a traceback. Before any parser sees
the text it passes the same entity-bomb and external-entity guard as ingest
(`briefings.feeds.safety`), since a saved feed is as hostile as a fetched one.
"""

from __future__ import annotations

import html
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefings.errors import FramingError
from briefings.feeds.safety import unsafe_entities

logger = logging.getLogger(__name__)

MAX_ARTICLE_BYTES = 20_000_000
_TAG = re.compile(r"<[^>]{0,2000}>")
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|h[1-6]|li|blockquote|section|article|tr)\b[^>]{0,2000}>", re.IGNORECASE)
_DROP = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Article:
    """A story ready to frame: its headline (if known), text, link and date."""

    title: str | None
    text: str
    link: str | None = None
    published: str | None = None


def strip_html(markup: str) -> str:
    """Plain text of an HTML fragment: blocks become paragraphs, tags go, entities decode."""
    markup = _DROP.sub(" ", markup)
    markup = _BLOCK_TAG.sub("\n\n", markup)
    text = html.unescape(_TAG.sub("", markup))
    text = re.sub(r"[ \t]+", " ", text)
    return re.sub(r"\n\s*\n+", "\n\n", text).strip()


def html_to_text(markup: str) -> tuple[str | None, str]:
    """Title and main text of a web page (trafilatura, falling back to `strip_html`)."""
    title: str | None = None
    match = re.search(r"<title[^>]*>(.*?)</title>", markup, re.IGNORECASE | re.DOTALL)
    if match:
        title = html.unescape(match.group(1)).strip() or None
    try:
        import trafilatura

        text = trafilatura.extract(markup, include_comments=False, include_tables=False, favor_recall=True)
    except Exception as exc:  # trafilatura raises many kinds on odd markup; the stripper still works
        logger.debug("trafilatura failed: %s", exc)
        text = None
    return title, (text or strip_html(markup))


def _decode(data: bytes, path: Path) -> str:
    if not data.strip():
        raise FramingError(f"{path}: the file is empty")
    if b"\x00" in data[:4096]:
        raise FramingError(f"{path}: not a text file")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        printable = sum(c.isprintable() or c.isspace() for c in text[:20000])
        if printable < 0.95 * min(len(text), 20000):
            raise FramingError(f"{path}: not a text file")
        return text
    raise FramingError(f"{path}: not a text file")


def _entry_text(entry: Any) -> str:
    for item in entry.get("content") or []:
        value = item.get("value") or ""
        if value.strip():
            return strip_html(value) if "<" in value else value
    summary = entry.get("summary") or entry.get("description") or ""
    return strip_html(summary) if "<" in summary else summary


def _from_feed(text: str) -> Article | None:
    """The first entry of an RSS/Atom document, if `text` is one."""
    import feedparser

    parsed = feedparser.parse(text)
    if not parsed.entries:
        return None
    entry = parsed.entries[0]
    return Article(entry.get("title"), _entry_text(entry), entry.get("link"), entry.get("published"))


def _from_json_feed(text: str) -> Article | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    items = data.get("items")
    item = items[0] if isinstance(items, list) and items and isinstance(items[0], dict) else data
    body = item.get("content_text") or ""
    if not body and item.get("content_html"):
        body = strip_html(str(item["content_html"]))
    if not body:
        return None
    return Article(item.get("title"), str(body), item.get("url"), item.get("date_published"))


def parse_article(text: str, *, name: str = "") -> Article:
    """An `Article` from the text of a file (`name`, its path, hints the format by its suffix)."""
    reason = unsafe_entities(text.encode("utf-8"))
    if reason:
        raise FramingError(f"{name or 'article'}: unsafe XML refused: the file {reason}")
    name = name.lower()
    head = text.lstrip()[:2000].lower()
    if head.startswith("{"):
        article = _from_json_feed(text)
        if article is not None:
            return article
    if head.startswith("<?xml") or "<rss" in head or "<feed" in head or "<rdf:rdf" in head:
        article = _from_feed(text)
        if article is not None:
            return article
    if name.endswith((".html", ".htm")) or "<html" in head or "<!doctype html" in head or "<body" in head:
        title, body = html_to_text(text)
        return Article(title, body)
    return Article(None, text)


def load_article(path: str | Path) -> Article:
    """Read an article file of any supported kind; `FramingError` when it holds no readable text."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise FramingError(f"{path}: {size} bytes is more than an article ({MAX_ARTICLE_BYTES} at most)")
        data = path.read_bytes()
    except FramingError:
        raise
    except OSError as exc:
        raise FramingError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    article = parse_article(_decode(data, path), name=str(path))
    if not article.text.strip():
        raise FramingError(f"{path}: no article text found")
    return article

"""Full article text for entries that carry only a teaser.

Many newsletters put a two-sentence excerpt in the feed and the article on
the site; framing a teaser finds nobody's stance. So for a new entry with no
full content and a short summary, the article page is fetched (same limits as
a feed, and the same outbound policy: the link is the feed author's choice,
so a private or loopback address is refused) and its main text extracted
with trafilatura. This is best effort: any failure or refusal keeps the
teaser, is logged once with its reason, and never fails the feed.
"""

from __future__ import annotations

import logging
import re

import httpx

from briefings.errors import FeedError
from briefings.feeds.fetch import DEFAULT_FETCH_TIMEOUT, HTML_ACCEPT, MAX_BYTES, fetch
from briefings.feeds.model import FeedEntry
from briefings.feeds.outbound import PUBLIC_ONLY, OutboundPolicy
from briefings.feeds.text import normalise_space

__all__ = ["TEASER_MAX_CHARS", "fetch_article_text", "is_teaser"]

logger = logging.getLogger(__name__)

TEASER_MAX_CHARS = 700  # a WordPress excerpt is 55 words, about 350 characters
_ELLIPSIS = re.compile(
    r"(\.\.\.|\u2026|\[\s*(\.\.\.|\u2026)\s*\]|read more|continue reading)\W*$", re.IGNORECASE
)


def is_teaser(entry: FeedEntry) -> bool:
    """True when the entry has no full content and its summary is short or trails off."""
    if entry.content or not entry.link or not entry.link.lower().startswith(("http://", "https://")):
        return False
    return len(entry.summary) < TEASER_MAX_CHARS or bool(_ELLIPSIS.search(entry.summary[-40:]))


def _extract(html: bytes, url: str) -> str | None:
    import trafilatura  # imported on first use: it is heavy, and most runs never need it

    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=False, favor_recall=True)
    return normalise_space(text) if isinstance(text, str) and text.strip() else None


def fetch_article_text(
    url: str,
    *,
    client: httpx.Client | None = None,
    timeout: float = DEFAULT_FETCH_TIMEOUT,
    max_bytes: int = MAX_BYTES,
    policy: OutboundPolicy = PUBLIC_ONLY,
) -> str | None:
    """The main text of the article at `url`, or None (logged) when it cannot be had."""
    if not url.lower().startswith(("http://", "https://")):
        return None  # an entry's link must never make us read a local file
    try:
        page = fetch(url, client=client, timeout=timeout, max_bytes=max_bytes, accept=HTML_ACCEPT, policy=policy)
        text = _extract(page.content, page.url)
    except FeedError as exc:
        logger.warning("full text of %s not fetched, keeping the teaser: %s", url, exc)
        return None
    except Exception as exc:  # trafilatura/lxml on hostile markup: never let it fail the feed
        logger.warning(
            "full text of %s not extracted, keeping the teaser: %s: %s", url, type(exc).__name__, exc
        )
        return None
    if text is None:
        logger.info("no article text found at %s, keeping the teaser", url)
    return text

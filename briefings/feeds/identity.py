"""What makes two entries the same story: guid, normalised link, content hash.

The same article reaches us through several feeds (a site feed and a
tag feed, an aggregator that republishes it) and again on every poll, so each
candidate carries three keys and is new only when none of them is known:

- the guid, when it is a URI (`https://site/?p=12`, `tag:...`, `urn:...`): such a
  guid names the article everywhere. A bare guid (`12`, `post-12`) only means
  something inside its own feed, so it is scoped by the feed's address;
  otherwise two unrelated feeds that both number their items from 1 would
  swallow each other's stories.
- the link, normalised: scheme, `www.`, default ports, fragments, trailing
  slashes and tracking parameters (`utm_*`, `fbclid`, ...) do not make a new story.
- a hash of the title and text, for entries with neither (and for the same
  text republished under another link), used only when the text is long enough
  that two different stories cannot share it by chance.

The story id is a hash of the first key that exists, so it is stable across
polls, feeds and machines.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit

__all__ = ["MIN_HASHED_CHARS", "content_hash", "guid_key", "link_key", "story_id"]

MIN_HASHED_CHARS = 80
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "mc_cid", "mc_eid", "igshid", "yclid", "_hsenc", "_hsmi"}
)
DEFAULT_PORTS = {"http": "80", "https": "443"}
_URI = re.compile(r"^(?:[a-z][a-z0-9+.-]*://\S+|(?:tag|urn):\S+)$", re.IGNORECASE)


def _digest(text: str, size: int) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=size).hexdigest()


def link_key(link: str | None) -> str | None:
    """The link reduced to what identifies the article: `host/path?query` without noise."""
    if not link or not link.strip():
        return None
    link = link.strip()
    try:
        parts = urlsplit(link)
        port = parts.port
    except ValueError:
        return link
    if not parts.netloc:
        return link
    host = (parts.hostname or "").lower().removeprefix("www.")
    if port is not None and str(port) != DEFAULT_PORTS.get(parts.scheme.lower()):
        host = f"{host}:{port}"
    path = re.sub(r"/{2,}", "/", parts.path).rstrip("/")
    query = ""
    if parts.query:
        pairs = [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not k.lower().startswith("utm_") and k.lower() not in TRACKING_PARAMS
        ]
        query = urlencode(sorted(pairs))
    return f"{host}{path}?{query}" if query else f"{host}{path}"


def guid_key(guid: str | None, feed: str) -> str | None:
    """The guid as a global key when it is a URI, else scoped to the feed that gave it."""
    if not guid or not guid.strip():
        return None
    guid = guid.strip()
    return guid if _URI.match(guid) else f"{feed}#{guid}"


def content_hash(title: str, text: str) -> tuple[str, bool]:
    """Hash of the normalised title and text, and whether the text is long enough to dedupe on."""
    # Case and whitespace only: anything finer (punctuation, quote styles) costs more than it finds.
    words = " ".join(f"{title}\n{text}".casefold().split())
    return _digest(words, 16), len(words) >= MIN_HASHED_CHARS


def story_id(guid: str | None, link: str | None, digest: str) -> str:
    """A stable id from the first key that exists: guid key, link key, or the content hash."""
    if guid:
        return _digest(f"guid:{guid}", 12)
    if link:
        return _digest(f"link:{link}", 12)
    return _digest(f"hash:{digest}", 12)

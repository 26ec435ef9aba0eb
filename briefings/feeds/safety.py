"""Refuse XML that declares dangerous entities, before any parser sees it.

Two attacks ride on DTD entity declarations:

- expansion bombs ("billion laughs"): entities that nest other entities grow a
  one-kilobyte feed into gigabytes of text;
- external entities (XXE): `<!ENTITY x SYSTEM "file:///etc/passwd">` asks the
  parser to paste a local file (or an internal URL) into the feed.

feedparser strips most entity declarations with a line-based regular
expression and expat refuses external entities, but the stripping misses
declarations that share a line with the DOCTYPE; expat then expands the bomb
until its own amplification limit stops it, which costs seconds of CPU and tens
of megabytes per poll. So every feed is checked here first: only plain internal
entities (a literal value, or a single character reference) are allowed, like
the ones feedparser itself keeps.

The check is cheap: documents without `<!ENTITY` skip it, and the others are
read by expat only up to the root element, with a handler that stops at the
first unsafe declaration, before anything is expanded.
"""

from __future__ import annotations

import codecs
import re
import xml.parsers.expat
from typing import Any

__all__ = ["unsafe_entities"]

_MARKERS = tuple(
    "<!ENTITY".encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)
_DECLARATION = re.compile(
    r"<!ENTITY\s+(%\s*)?([^\s>]+)\s+(SYSTEM|PUBLIC|\"([^\"]*)\"|'([^']*)')", re.IGNORECASE
)
_SAFE_VALUE = re.compile(r"^(?:&#\w+;|[^&%]*)$")


class _Unsafe(Exception):
    """An unsafe declaration was found (carries the reason)."""


class _RootReached(Exception):
    """The prolog is over: no entity can be declared after this point."""


def _judge(name: str, parameter: bool, value: str | None, external: bool) -> str | None:
    if parameter:
        return f"declares a parameter entity {name!r}"
    if external:
        return f"declares an external entity {name!r} (it could read local files)"
    if value is not None and not _SAFE_VALUE.match(value):
        return f"declares nested entity {name!r} (an entity-expansion bomb)"
    return None


def _on_entity(
    name: str,
    parameter: int,
    value: str | None,
    base: Any,
    system_id: str | None,
    public_id: str | None,
    notation: str | None,
) -> None:
    reason = _judge(name, bool(parameter), value, bool(system_id or public_id or notation))
    if reason:
        raise _Unsafe(reason)


def _on_start(name: str, attributes: Any) -> None:
    raise _RootReached


def _scan_text(data: bytes) -> str | None:
    """Fallback when expat cannot read the prolog: look at every declaration in the decoded text."""
    head = data[:4]
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        text = data.decode("utf-32", "replace")
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", "replace")
    elif b"\x00" in head:
        text = data.decode("utf-16-be" if head[0] == 0 else "utf-16-le", "replace")
    else:
        text = data.decode("latin-1")
    for match in _DECLARATION.finditer(text):
        kind = match[3].upper()
        value = match[4] if match[4] is not None else match[5]
        reason = _judge(match[2], bool(match[1]), value, kind in ("SYSTEM", "PUBLIC"))
        if reason:
            return reason
    return None


def unsafe_entities(data: bytes) -> str | None:
    """Why `data` must not be parsed (an unsafe entity declaration), or None when it is safe."""
    if not any(marker in data for marker in _MARKERS):
        return None
    parser = xml.parsers.expat.ParserCreate()
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = _on_entity
    parser.StartElementHandler = _on_start
    try:
        parser.Parse(data, True)
    except _Unsafe as exc:
        return str(exc)
    except _RootReached:
        return None
    except (xml.parsers.expat.ExpatError, ValueError, LookupError):
        pass  # a prolog expat cannot read (odd encoding, broken markup): judge the text instead
    return _scan_text(data)

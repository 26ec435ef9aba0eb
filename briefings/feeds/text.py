"""HTML to clean plain text, fast enough to run on every entry of every poll.

Stories are framed from their words, not their markup, so each summary and
content block is reduced to text once, at ingest. A full HTML parser per entry
would dominate ingest time (a 1,000-entry feed has megabytes of summaries), so
this is a handful of compiled regular expressions: drop what is never text
(script, style, comments), turn block elements into paragraph breaks, remove
the remaining tags and unescape entities. The result keeps paragraphs apart
with one blank line and collapses every other run of whitespace.
"""

from __future__ import annotations

import html
import re

__all__ = ["html_to_text", "normalise_space"]

_DROP = re.compile(
    r"<(script|style|noscript|template|iframe|object|svg)\b[^>]*>.*?</\1\s*>|<!--.*?-->",
    re.IGNORECASE | re.DOTALL,
)
_DROP_HINTS = ("<script", "<style", "<noscript", "<template", "<iframe", "<object", "<svg", "<!--")
# One pass over every tag; the tag's name decides what it leaves behind.
_TAG = re.compile(r"<(?:/?([A-Za-z][A-Za-z0-9]*)[^>]*|![^>]*|\?[^>]*)>")
BLOCKS = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "caption",
        "section",
        "article",
        "aside",
        "header",
        "footer",
        "figure",
        "figcaption",
        "hr",
        "nav",
        "main",
        "form",
        "address",
        "details",
        "summary",
        "center",
    }
)
_REPLACEMENT = {name: "\n\n" for name in BLOCKS} | {"br": "\n", "td": " ", "th": " "}
_MANY_NEWLINES = re.compile(r"\n{3,}")


def _tag(match: re.Match[str]) -> str:
    name = match[1]
    return _REPLACEMENT.get(name.lower(), "") if name else ""


def normalise_space(text: str) -> str:
    """Collapse runs of spaces, keep single line breaks and at most one blank line between paragraphs."""
    # str.split() is C-fast and knows every Unicode space (no-break, thin, ideographic...).
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
    if "\n\n\n" in text:
        text = _MANY_NEWLINES.sub("\n\n", text)
    return text.strip()


def html_to_text(markup: str | None) -> str:
    """Return the readable text of an HTML fragment, paragraphs separated by a blank line.

    Plain text passes through with only its whitespace normalised, so this is
    safe to call on a summary whose type is unknown.
    """
    if not markup:
        return ""
    if "<" not in markup and "&" not in markup:
        return normalise_space(markup)
    text = markup
    lowered = markup.lower()
    if any(hint in lowered for hint in _DROP_HINTS):
        text = _DROP.sub(" ", text)
    # Whitespace in HTML source is not layout: collapse it before tags add the real breaks.
    text = " ".join(text.split())
    text = _TAG.sub(_tag, text)
    text = text.replace("<![CDATA[", "").replace("]]>", "")
    text = html.unescape(text)
    return normalise_space(text)

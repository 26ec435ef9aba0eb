"""A document as CommonMark: for READMEs, archives, e-mail and `preview --format markdown`.

Names and quotes come from newsletters, so a `*`, `_`, `[` or `<` in them must
stay a character, not become emphasis, a link or HTML: every text is
backslash-escaped, and a line that would start a list, heading or quote is
escaped at its start. There is no size limit to respect here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import quote

from briefings.render.doc import (
    Block,
    Bold,
    Bullets,
    Code,
    Context,
    Divider,
    Doc,
    Heading,
    Italic,
    Link,
    Paragraph,
    Quote,
    Span,
    Text,
    merged,
    safe_url,
)

# Characters that mean something anywhere in a line; `#` too, since a trailing one closes a heading.
_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<>&|~#])")
# What makes a line a list item, heading underline or ordered item when it comes first.
_LINE_START = re.compile(r"^([-+=])|^(\d+)([.)])")


def escape_markdown(text: str) -> str:
    """Escape text so CommonMark shows it literally wherever it stands in a line."""
    return _INLINE_SPECIALS.sub(r"\\\1", text.replace("\t", " "))


def _guard_lines(text: str) -> str:
    """Escape what would turn a line of a block into a list item, heading underline or code block."""
    lines = (line.lstrip(" ") for line in text.split("\n"))  # four leading spaces open a code block
    return "\n".join(_LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", line) for line in lines)


def to_markdown(doc: Doc) -> str:
    """Render the document as CommonMark, blocks separated by blank lines."""
    rendered = "\n\n".join(text for text in (_block(block) for block in doc.blocks) if text.strip())
    return rendered + "\n" if rendered else ""


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        text = " ".join(block.text.split())
        return f"{'#' * min(max(block.level, 1), 6)} {escape_markdown(text)}" if text else ""
    if isinstance(block, Paragraph):
        return _spans(block.spans)
    if isinstance(block, Context):
        return _spans(tuple(Italic(s.text) if isinstance(s, Text) else s for s in block.spans))
    if isinstance(block, Quote):
        body = _guard_lines(escape_markdown(block.text))
        if block.attribution:
            body += "  \n" + _spans(block.attribution)  # a hard break keeps the attribution on its own line
        return "\n".join(f"> {line}" if line else ">" for line in body.split("\n"))
    if isinstance(block, Bullets):
        # No blank line inside an item: one would end the list and leave the item's text to other rules.
        items = ("\n  ".join(line for line in _spans(item).split("\n") if line.strip()) for item in block.items)
        return "\n".join("- " + text for text in items if text)
    if isinstance(block, Divider):
        return "---"
    return ""


def _spans(items: Sequence[Span]) -> str:
    return _guard_lines("".join(_span(span) for span in merged(tuple(items))))


def _span(span: Span) -> str:
    if isinstance(span, Link):
        text = escape_markdown(span.text or span.url)
        url = safe_url(span.url)
        return f"[{text}]({_destination(url)})" if url else text
    if isinstance(span, Code):
        return _code(span.text)
    if isinstance(span, Text):
        return escape_markdown(span.text)
    core = span.text.strip()
    if not core:
        return escape_markdown(span.text)
    mark = "**" if isinstance(span, Bold) else "*"
    lead, trail = span.text[: len(span.text) - len(span.text.lstrip())], span.text[len(span.text.rstrip()) :]
    return f"{lead}{mark}{escape_markdown(core)}{mark}{trail}"


def _destination(url: str) -> str:
    """A link destination CommonMark reads whole: no spaces, brackets or parentheses left bare."""
    return quote(url, safe="/:?#[]@!$&'*+,;=%~-._")


def _code(text: str) -> str:
    """A code span fenced by more backticks than any run inside it."""
    text = text.replace("\n", " ")
    runs = [len(r) for r in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}" if text else ""

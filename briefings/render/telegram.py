"""A document as Telegram Bot API messages in HTML parse mode.

Telegram rejects a whole message for one unknown tag, one unclosed tag or one
bare `&`, and cuts nothing for us: a message over 4096 characters is refused.
So every text is escaped, only tags from Telegram's list are written (b, i,
code, a href, blockquote), and the document is laid into messages of at most
`MESSAGE_LIMIT` UTF-16 units of *raw HTML* - stricter than Telegram's count
after parsing, so a message that passes here always passes there. Messages
break between blocks where they can, between bullet items next, and inside a
block (a 10,000-character quote) at a sentence or word, with tags closed and
reopened around the cut (see `_split`).

Telegram also honours at most 100 formatting entities per message; a message
stops taking blocks once it has `MAX_ENTITIES` of them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from briefings.render._split import Chars, Close, Open, Token, pack
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
    safe_url,
)

MESSAGE_LIMIT = 4096
MAX_ENTITIES = 100
# The smallest limit that still leaves room for text inside the widest nesting of tags.
MIN_LIMIT = 128
DIVIDER = "──────────"


def escape_html(text: str) -> str:
    """Escape text for Telegram HTML: the three characters its parser treats specially."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attribute(text: str) -> str:
    """Escape a double-quoted attribute value (an href)."""
    return escape_html(text).replace('"', "&quot;")


def to_telegram_html(doc: Doc, *, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Render the document as Telegram HTML messages, in order, each within `limit` UTF-16 units.

    An empty document (or one with nothing visible) gives no messages.
    """
    if limit < MIN_LIMIT:
        raise ValueError(f"limit must be at least {MIN_LIMIT}, got {limit}")
    units = [unit for block in doc.blocks for unit in _units(block, limit)]
    return pack(units, limit=limit, max_marks=MAX_ENTITIES)


def _units(block: Block, limit: int) -> Iterator[tuple[str, Sequence[Token]]]:
    """The block as packable units, each with the separator that goes before it."""
    if isinstance(block, Heading):
        yield "\n\n", [Open("<b>", "</b>"), _chars(" ".join(block.text.split())), Close()]
    elif isinstance(block, Paragraph):
        yield "\n\n", _spans(block.spans, limit)
    elif isinstance(block, Context):
        yield "\n\n", [Open("<i>", "</i>"), *_spans(block.spans, limit, italic=True), Close()]
    elif isinstance(block, Quote):
        tokens: list[Token] = [Open("<blockquote>", "</blockquote>"), _chars(block.text)]
        if block.attribution:
            tokens += [_chars("\n"), *_spans(block.attribution, limit)]
        yield "\n", [*tokens, Close()]  # a blockquote sets itself off; a blank line before it is too much
    elif isinstance(block, Bullets):
        for i, item in enumerate(block.items):
            yield ("\n" if i else "\n\n"), [_chars("• "), *_spans(item, limit)]
    elif isinstance(block, Divider):
        yield "\n\n", [_chars(DIVIDER)]


def _chars(text: str) -> Chars:
    return Chars(text, escape_html)


def _spans(items: Sequence[Span], limit: int, *, italic: bool = False) -> list[Token]:
    """Tokens for a run of spans; inside italic context, italic spans need no tag of their own."""
    tokens: list[Token] = []
    for span in items:
        if isinstance(span, Text) or (italic and isinstance(span, Italic)):
            tokens.append(_chars(span.text))
            continue
        if isinstance(span, Link):
            url = safe_url(span.url)
            start = f'<a href="{escape_attribute(url)}">' if url else ""
            # A link longer than a quarter message would crowd out its own text; show the text alone.
            if not url or len(start) > limit // 4:
                tokens.append(_chars(span.text or span.url))
                continue
            mark = Open(start, "</a>")
        else:
            mark = _MARKS[type(span)]
        tokens += [mark, _chars(span.text or (span.url if isinstance(span, Link) else "")), Close()]
    return tokens


_MARKS: dict[type, Open] = {
    Bold: Open("<b>", "</b>"),
    Italic: Open("<i>", "</i>"),
    Code: Open("<code>", "</code>"),
}

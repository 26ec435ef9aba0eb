"""A document as Slack messages: Block Kit blocks (plain dicts) plus the plain-text fallback.

Slack refuses a message with more than 50 blocks, a section over 3000
characters or a header over 150, and shows the `text` fallback in
notifications, so this renderer:

- writes level 1-2 headings as `header` blocks (plain text), or as a bold
  section when the heading is too long for one;
- packs consecutive paragraphs, quotes and bullets into as few `section`
  blocks as fit 3000 characters, cutting an over-long one at a sentence or word
  with its formatting closed and reopened (see `_split`);
- writes `context` and `divider` blocks for Context and Divider;
- starts a new message every `MAX_BLOCKS` blocks, never ending one on a header.

mrkdwn escaping is `&`, `<` and `>` only, as Slack documents: `*`, `_` and `~`
in names are left as they are, since Slack has no escape for them.
No Slack library is imported; the dicts are what `chat.postMessage` takes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from briefings.render._split import Chars, Close, Open, Token, pack, utf16_len
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
    block_text,
    merged,
    safe_url,
)

MAX_BLOCKS = 50
SECTION_LIMIT = 3000
HEADER_LIMIT = 150
TEXT_LIMIT = 3000
SEE_BLOCKS = "… (see blocks)"


@dataclass(frozen=True)
class SlackMessage:
    """One Slack message: `text` is the notification fallback, `blocks` what the channel shows."""

    text: str
    blocks: list[dict[str, Any]] = field(default_factory=list)

    def as_kwargs(self) -> dict[str, Any]:
        """The message as keyword arguments for `chat_postMessage` / `say`."""
        return {"text": self.text, "blocks": self.blocks}


def escape_mrkdwn(text: str) -> str:
    """Escape the three characters Slack's mrkdwn treats as control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_slack_messages(doc: Doc) -> list[SlackMessage]:
    """Render the document as Slack messages, in order, each within Slack's block and text limits."""
    blocks: list[tuple[dict[str, Any], str]] = []  # (block, its plain text for the fallback)
    pending: list[tuple[str, Sequence[Token]]] = []
    pending_text: list[str] = []

    def flush_sections() -> None:
        # The run's plain text goes with its first section: a fallback needs the gist, not every cut.
        plain = "\n\n".join(pending_text)
        for i, text in enumerate(pack(pending, limit=SECTION_LIMIT)):
            blocks.append(({"type": "section", "text": {"type": "mrkdwn", "text": text}}, "" if i else plain))
        pending.clear()
        pending_text.clear()

    for block in doc.blocks:
        header = _header_text(block)
        if header is not None:
            flush_sections()
            blocks.append(({"type": "header", "text": {"type": "plain_text", "text": header}}, header))
        elif isinstance(block, Divider):
            flush_sections()
            blocks.append(({"type": "divider"}, ""))
        elif isinstance(block, Context):
            flush_sections()
            for text in pack([("", _spans(block.spans))], limit=SECTION_LIMIT):
                element = {"type": "mrkdwn", "text": text}
                blocks.append(({"type": "context", "elements": [element]}, block_text(block)))
        else:
            pending.extend(_units(block))
            pending_text.append(block_text(block))
    flush_sections()
    return [_message(group) for group in _groups(blocks)]


def _header_text(block: Block) -> str | None:
    """The header block text for a top-level heading that fits one, else None."""
    if not isinstance(block, Heading) or block.level > 2:
        return None
    text = " ".join(block.text.split())
    return text if text and utf16_len(text) <= HEADER_LIMIT else None


def _groups(blocks: list[tuple[dict[str, Any], str]]) -> list[list[tuple[dict[str, Any], str]]]:
    """Blocks in runs of at most MAX_BLOCKS; a header moves to the next run rather than end one."""
    groups: list[list[tuple[dict[str, Any], str]]] = []
    rest = blocks
    while rest:
        take = min(MAX_BLOCKS, len(rest))
        if take < len(rest):
            while take > 1 and rest[take - 1][0]["type"] in ("header", "divider"):
                take -= 1
        groups.append(rest[:take])
        rest = rest[take:]
    return groups


def _message(group: list[tuple[dict[str, Any], str]]) -> SlackMessage:
    plain = "\n\n".join(text for _, text in group if text.strip()) or "(continued, see blocks)"
    return SlackMessage(text=_fallback(plain), blocks=[block for block, _ in group])


def _fallback(plain: str) -> str:
    """The plain text escaped for Slack, cut at a word to fit TEXT_LIMIT with a pointer to the blocks."""
    text = escape_mrkdwn(plain)
    if utf16_len(text) <= TEXT_LIMIT:
        return text
    budget = TEXT_LIMIT - utf16_len(SEE_BLOCKS)
    head = plain[: TEXT_LIMIT // 2]  # escaping at most quintuples a character; shrink until it fits
    while utf16_len(escape_mrkdwn(head)) > budget:
        head = head[: len(head) * 3 // 4]
    cut = head.rfind(" ", len(head) // 2)
    return escape_mrkdwn(head[:cut] if cut > 0 else head).rstrip() + SEE_BLOCKS


def _units(block: Block) -> list[tuple[str, Sequence[Token]]]:
    """The block as packable mrkdwn units, each with the separator that goes before it."""
    if isinstance(block, Heading):
        return [("\n\n", [Open("*", "*"), _chars(" ".join(block.text.split())), Close()])]
    if isinstance(block, Paragraph):
        return [("\n\n", _spans(block.spans))]
    if isinstance(block, Quote):
        tokens: list[Token] = [Open("> ", ""), Chars(block.text, _escape_quoted)]
        if block.attribution:
            tokens += [Chars("\n", _escape_quoted), *_spans(block.attribution, quoted=True)]
        return [("\n\n", [*tokens, Close()])]
    if isinstance(block, Bullets):
        return [(("\n" if i else "\n\n"), [_chars("• "), *_spans(item)]) for i, item in enumerate(block.items)]
    return []


def _escape_quoted(text: str) -> str:
    """Escape text inside a quote, where every new line must start with `>` again."""
    return escape_mrkdwn(text).replace("\n", "\n> ")


def _chars(text: str) -> Chars:
    return Chars(text, escape_mrkdwn)


def _link_url(url: str) -> str:
    """A URL as it may stand inside `<url|text>`: `|` and `>` would end it early."""
    return escape_mrkdwn(url.replace("|", "%7C"))


def _spans(items: Sequence[Span], *, quoted: bool = False) -> list[Token]:
    """mrkdwn tokens for a run of spans; marks go around the words, never around edge whitespace."""
    escape = _escape_quoted if quoted else escape_mrkdwn
    tokens: list[Token] = []
    for span in merged(tuple(items)):
        if isinstance(span, Link):
            url = safe_url(span.url)
            # A link longer than a quarter section would crowd out its own text; show the text alone.
            if url and utf16_len(_link_url(url)) <= SECTION_LIMIT // 4:
                tokens += [Open(f"<{_link_url(url)}|", ">"), Chars(span.text or span.url, escape), Close()]
            else:
                tokens.append(Chars(span.text or span.url, escape))
            continue
        text = span.text
        core = text.strip()
        if isinstance(span, Text) or not core:
            tokens.append(Chars(text, escape))
            continue
        mark = {Bold: "*", Italic: "_", Code: "`"}[type(span)]
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
        tokens += [Chars(lead, escape), Open(mark, mark), Chars(core, escape), Close(), Chars(trail, escape)]
    return tokens

"""A document in the terminal (the demo and the console chat) or as plain text (`preview --format text`).

Built from rich `Text` objects rather than markup strings, so a `[bold]` in
someone's name is printed as written. Links show their URL after the text:
a terminal may not make the text clickable, and plain text has no other way.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.style import Style
from rich.table import Table
from rich.text import Text as RichText

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

PLAIN_WIDTH = 88
_HEADING_STYLES = {1: "bold underline", 2: "bold", 3: "bold italic"}


def to_terminal(doc: Doc, console: Console | None = None) -> None:
    """Print the document to the console (a new stdout console when none is given)."""
    console = console or Console()
    for i, renderable in enumerate(_renderables(doc)):
        if i:
            console.line()
        console.print(renderable)


def to_plain_text(doc: Doc, *, width: int = PLAIN_WIDTH) -> str:
    """The document as plain text wrapped at `width`, with no colours or escape codes."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        color_system=None,
        force_terminal=False,
        force_jupyter=False,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
        _environ={},  # the reader's COLUMNS or NO_COLOR must not change a preview
    )
    to_terminal(doc, console)
    lines = [line.rstrip() for line in buffer.getvalue().splitlines()]
    return "\n".join(lines).strip("\n") + "\n" if any(lines) else ""


def _renderables(doc: Doc) -> list[RenderableType]:
    return [r for r in (_block(block) for block in doc.blocks) if r is not None]


def _block(block: Block) -> RenderableType | None:
    if isinstance(block, Heading):
        text = " ".join(block.text.split())
        return _text(style=_HEADING_STYLES.get(block.level, "bold")).append(text) if text else None
    if isinstance(block, Paragraph):
        return _spans(block.spans)
    if isinstance(block, Context):
        return _spans(block.spans, style="dim")
    if isinstance(block, Quote):
        quote = _text(style="italic").append(block.text)
        if block.attribution:
            quote.append("\n").append_text(_spans(block.attribution, style="dim"))
        return Padding(quote, (0, 0, 0, 2))
    if isinstance(block, Bullets):
        table = Table.grid(padding=(0, 1))
        table.add_column(no_wrap=True)
        table.add_column(overflow="fold")  # a long URL or word wraps instead of being cut off
        for item in block.items:
            table.add_row("•", _spans(item))
        return table if block.items else None
    if isinstance(block, Divider):
        return Rule(style="dim")
    return None


def _text(style: str = "") -> RichText:
    return RichText(style=style)


# A zero-width joiner only means something between two emoji; elsewhere rich measures it as joining
# the next character and can lose that character when it wraps the line.
_STRAY_JOINER = re.compile("(?<![\U0001F000-\U0001FFFF\u2600-\u27BF\uFE0F])\u200d")


def _clean(text: str) -> str:
    return _STRAY_JOINER.sub("", text)


def _spans(items: Sequence[Span], *, style: str = "") -> RichText:
    text = _text(style=style)
    for span in items:
        if isinstance(span, Text):
            text.append(_clean(span.text))
        elif isinstance(span, Bold):
            text.append(_clean(span.text), style="bold")
        elif isinstance(span, Italic):
            text.append(_clean(span.text), style="italic")
        elif isinstance(span, Code):
            text.append(_clean(span.text), style="bold cyan")
        elif isinstance(span, Link):
            url = safe_url(span.url)
            text.append(_clean(span.text or span.url), style=Style(link=url, underline=True) if url else "")
            if url and span.text and span.text != url:
                text.append(f" <{url}>", style="dim")
    return text

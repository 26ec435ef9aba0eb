"""A small platform-neutral rich-text document: what a reply or a briefing says, not how a platform shows it.

Chat commands and the briefing layout build a `Doc` once; `telegram`, `slack`,
`markdown` and `terminal` each turn it into what their platform accepts, within
its limits. Keeping the model this small (flat spans, six kinds of block) is
what lets every renderer handle every case, including splitting long text.

    Doc(blocks=(
        Heading("Weekly briefing"),
        Paragraph(spans("Anna Petrova ", Italic("(economy minister)"), " backs the plan.")),
        Quote("“We will not wait.”", attribution=spans("— ", Link("Daily News", "https://example.org/1"))),
        Bullets((spans("one"), spans(Bold("two")))),
        Divider(),
        Context(spans("3 stories")),
    ))

Spans are leaves on purpose (no bold link, no italic inside bold): every
platform can show each of them, and a renderer that must cut a span in two
only ever has one mark to close and reopen. Text is stored raw (unescaped);
escaping is each renderer's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

# Schemes a link may use; anything else (javascript:, data:, file:) is shown as plain text.
SAFE_URL_SCHEMES = frozenset({"http", "https", "mailto", "tg"})


@dataclass(frozen=True)
class Text:
    """Plain text."""

    text: str


@dataclass(frozen=True)
class Bold:
    """Bold text: names, labels, the thing to see first."""

    text: str


@dataclass(frozen=True)
class Italic:
    """Italic text: asides, roles, secondary detail."""

    text: str


@dataclass(frozen=True)
class Code:
    """Monospace text: commands and identifiers the reader may type (`/stance NAME`)."""

    text: str


@dataclass(frozen=True)
class Link:
    """Text that links to a URL; an empty text shows the URL itself."""

    text: str
    url: str


Span = Text | Bold | Italic | Code | Link


@dataclass(frozen=True)
class Heading:
    """A heading: level 1 for a document's title, 2 for its sections, 3 for a part of a section."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    """A run of text."""

    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Quote:
    """Words someone said, set off from the text, with who and where after them.

    `text` is shown as given (put the quotation marks in it, see `quoted`), so a
    renderer never has to guess whether they are there already.
    """

    text: str
    attribution: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Bullets:
    """An unordered list; each item is a run of spans."""

    items: tuple[tuple[Span, ...], ...]


@dataclass(frozen=True)
class Context:
    """Small, secondary text: counts, dates, a footnote (Slack's context block, italic elsewhere)."""

    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Divider:
    """A break between parts of a document."""


Block = Heading | Paragraph | Quote | Bullets | Context | Divider


@dataclass(frozen=True)
class Action:
    """A button under a document: its label and the command line it runs when pressed (`/story 2026-W48 3`).

    Buttons belong to the document, not to one reply, so a broadcast briefing
    carries its "More on N" buttons to every subscriber like its text.
    """

    label: str
    action: str


@dataclass(frozen=True)
class Doc:
    """A document: blocks in reading order, and rows of buttons shown under its last message."""

    blocks: tuple[Block, ...] = ()
    actions: tuple[tuple[Action, ...], ...] = ()

    @classmethod
    def of(cls, *blocks: Block) -> Doc:
        """Build a document from blocks given as arguments."""
        return cls(blocks=blocks)

    def __add__(self, other: Doc) -> Doc:
        return Doc(blocks=self.blocks + other.blocks, actions=self.actions + other.actions)


def spans(*parts: str | Span) -> tuple[Span, ...]:
    """Spans from strings (taken as plain text) and spans, dropping empty strings."""
    return tuple(Text(p) if isinstance(p, str) else p for p in parts if p != "")


def merged(items: tuple[Span, ...]) -> tuple[Span, ...]:
    """The spans without empty ones, neighbours of one kind joined: `**a****b**` is not bold in Markdown."""
    out: list[Span] = []
    for span in items:
        if not span_text(span):
            continue
        last = out[-1] if out else None
        if last is not None and type(last) is type(span) and not isinstance(span, Link):
            out[-1] = type(span)(last.text + span.text)
        else:
            out.append(span)
    return tuple(out)


def quoted(text: str) -> str:
    """The words in typographic quotation marks, unless they already carry them."""
    words = text.strip()
    if len(words) >= 2 and words[0] in "“«„\"'‘" and words[-1] in "”»“\"'’":
        return words
    return f"“{words}”"


def safe_url(url: str) -> str | None:
    """The URL if a reader can safely be sent there, else None (shown as plain text instead)."""
    url = url.strip()
    if not url or any(ord(c) < 0x20 or c.isspace() for c in url):
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in SAFE_URL_SCHEMES else None


def span_text(span: Span) -> str:
    """What a span says, without formatting (a link shows its text, or its URL when it has none)."""
    if isinstance(span, Link):
        return span.text or span.url
    return span.text


def spans_text(items: tuple[Span, ...]) -> str:
    """What a run of spans says, without formatting."""
    return "".join(span_text(s) for s in items)


def block_text(block: Block) -> str:
    """What a block says, without formatting: for notifications, previews and tests."""
    if isinstance(block, Heading):
        return block.text
    if isinstance(block, Paragraph | Context):
        return spans_text(block.spans)
    if isinstance(block, Quote):
        attribution = spans_text(block.attribution)
        return f"{block.text}\n{attribution}" if attribution else block.text
    if isinstance(block, Bullets):
        return "\n".join(spans_text(item) for item in block.items)
    return ""


def doc_text(doc: Doc) -> str:
    """What a document says, without formatting, blocks separated by blank lines."""
    return "\n\n".join(t for t in (block_text(b) for b in doc.blocks) if t)

"""Strategies for hostile documents and briefings, and checkers for what each platform accepts.

The checkers are tested here too, on known-bad input, so a property test that
passes means the renderer is right and not that the checker is blind.
"""

from __future__ import annotations

import re
import string
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from briefings.compose.model import (
    Briefing,
    Debate,
    DebateSide,
    FigurePosition,
    IsoWeek,
    KeyNumber,
    Move,
    Position,
    Source,
)
from briefings.render import (
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
)
from briefings.render._split import INVISIBLE, utf16_len
from briefings.render.doc import span_text

# ---------------------------------------------------------------- strategies

NASTY = [
    "<",
    ">",
    "&",
    '"',
    "'",
    "&amp;",
    "&lt;b&gt;",
    "<b>",
    "</i>",
    "<a href='x'>",
    "<!--",
    "]]>",
    "😀",
    "👩‍👩‍👧",
    "🇧🇾",
    "👍🏽",
    "e\u0301",
    "مرحبا بالعالم",
    "שלום עולם",
    "\u200b",
    "\u200d",
    "\u202e",
    "\ufeff",
    "\n",
    "\n\n",
    " ",
    "  ",
    ". ",
    "! ",
    "? ",
    "*",
    "**",
    "_",
    "`",
    "[",
    "]",
    "(",
    ")",
    "#",
    "- ",
    "1. ",
    "|",
    "~",
    "\\",
    "> ",
    "=",
    "+ ",
    "Łukašenka",
    "Ціханоўская",
    "Тихановская",
]
_CHARS = st.characters(exclude_categories=("Cs", "Cc"))
_PIECE = st.one_of(st.sampled_from(NASTY), st.text(_CHARS, max_size=12))
text_st = st.lists(_PIECE, max_size=8).map("".join)
word_st = st.lists(_PIECE, min_size=1, max_size=4).map("".join)


def _long(seed: str, size: int) -> str:
    return (seed * (size // max(len(seed), 1) + 1))[:size]


# A 10,000-character quote, as sentences, as words, and as one unbroken run of astral emoji.
long_text_st = st.one_of(
    text_st.map(lambda t: _long(f"We said it {t}. Again! ", 10_000)),
    word_st.map(lambda w: _long(w + " ", 10_000)),
    st.just("😀" * 5_000),
    st.just("&<" * 2_000),
    st.just("a" * 10_000),
)
# Mostly short, sometimes 10,000 characters: one long text in a document is enough to exercise cutting.
any_text_st = st.one_of(*[text_st] * 9, long_text_st)

URLS = [
    "https://example.org/a?x=1&y=2",
    'https://example.org/"quoted"<tag>',
    "https://example.org/path_(with)_parens*and*stars",
    "javascript:alert(1)",
    "https://example.org/" + "x" * 3000,
    "mailto:press@example.org",
    "",
    "not a url",
]
url_st = st.sampled_from(URLS)

span_st: st.SearchStrategy[Span] = st.one_of(
    st.builds(Text, any_text_st),
    st.builds(Bold, text_st),
    st.builds(Italic, text_st),
    st.builds(Code, text_st),
    st.builds(Link, text_st, url_st),
)
spans_st = st.lists(span_st, max_size=6).map(tuple)

block_st: st.SearchStrategy[Block] = st.one_of(
    st.builds(Heading, any_text_st, st.integers(1, 3)),
    st.builds(Paragraph, spans_st),
    st.builds(Quote, any_text_st, spans_st),
    st.builds(Bullets, st.lists(spans_st, max_size=8).map(tuple)),
    st.builds(Context, spans_st),
    st.just(Divider()),
)
doc_st = st.lists(block_st, max_size=25).map(lambda blocks: Doc(blocks=tuple(blocks)))


@st.composite
def many_blocks_doc_st(draw: st.DrawFn) -> Doc:
    """Hundreds of small blocks: for block limits, entity caps and packing."""
    n = draw(st.integers(60, 400))
    name = draw(word_st)
    blocks: list[Block] = []
    for i in range(n):
        blocks.append(Paragraph((Bold(f"{name} {i}"), Text(", role "), Italic("x"), Link("src", URLS[0]))))
        if i % 2 == 0:
            blocks.append(Heading(f"Section {i}", level=2))
    return Doc(blocks=tuple(blocks))


date_st = st.datetimes(datetime(2020, 1, 1), datetime(2030, 12, 31), timezones=st.just(UTC))  # noqa: DTZ001 (bounds are naive by API)
source_st = st.builds(Source, text_st, st.one_of(st.none(), url_st), st.one_of(st.none(), date_st))
figure_st = st.builds(
    FigurePosition,
    st.integers(1, 10_000),
    word_st,
    st.one_of(st.none(), text_st),
    st.one_of(st.none(), text_st),
    st.one_of(st.none(), any_text_st),
    source_st,
)
side_st = st.builds(DebateSide, word_st, st.one_of(st.none(), text_st), st.lists(figure_st, max_size=6))
number_st = st.builds(KeyNumber, word_st, st.one_of(st.none(), text_st), source_st)
debate_st = st.builds(
    Debate,
    any_text_st,
    st.integers(0, 50),
    st.lists(side_st, max_size=3),
    st.lists(number_st, max_size=3),
    st.lists(source_st, max_size=3),
)
position_st = st.builds(Position, word_st, st.one_of(st.none(), text_st), st.one_of(st.none(), any_text_st), source_st)
move_st = st.builds(Move, st.integers(1, 10_000), word_st, st.one_of(st.none(), text_st), position_st, position_st)
week_st = st.builds(IsoWeek, st.integers(2020, 2030), st.integers(1, 52))
briefing_st = st.builds(
    Briefing,
    week_st,
    word_st,
    st.lists(debate_st, max_size=3),
    st.lists(move_st, max_size=3),
    st.lists(source_st, max_size=5),
)


@st.composite
def crowded_briefing_st(draw: st.DrawFn) -> Briefing:
    """One debate with hundreds of figures, every one with a hostile name and quote."""
    name, quote = draw(word_st), draw(text_st)
    source = draw(source_st)
    figures = [FigurePosition(i, f"{name} {i}", "role & <rank>", "stance", f"{quote} {i}", source) for i in range(300)]
    debate = Debate("Who is right?", 300, [DebateSide("A", "a", figures[:150]), DebateSide("B", None, figures[150:])])
    return Briefing(IsoWeek(2025, 47), "Briefing", [debate], [], [source])


# ---------------------------------------------------------------- what the text must contain


def squash(text: str, drop: str = "") -> str:
    """Text without whitespace, zero-width characters or `drop`: what survives any reflow."""
    return re.sub(f"[\\s{re.escape(''.join(INVISIBLE) + drop)}]+", "", text)


def atoms(doc: Doc) -> list[str]:
    """Every piece of text the document carries, in order."""
    out: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            out.append(block.text)
        elif isinstance(block, Paragraph | Context):
            out += [span_text(s) for s in block.spans]
        elif isinstance(block, Quote):
            out.append(block.text)
            out += [span_text(s) for s in block.attribution]
        elif isinstance(block, Bullets):
            out += [span_text(s) for item in block.items for s in item]
    return out


def assert_carries(doc: Doc, rendered: str, drop: str = "") -> None:
    """Every text of the document appears in the rendered text, in order."""
    haystack = squash(rendered, drop)
    pos = 0
    for atom in atoms(doc):
        needle = squash(atom, drop)
        found = haystack.find(needle, pos)
        assert found >= 0, f"missing {needle[:80]!r} after position {pos}"
        pos = found + len(needle)


# ---------------------------------------------------------------- Telegram HTML

TELEGRAM_TAGS = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "a",
    "code",
    "pre",
    "blockquote",
    "tg-spoiler",
    "span",
}
_BAD_AMPERSAND = re.compile(r"&(?!(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)")
_A_TAG = re.compile(r'<a href="[^"<>]*">')


class TelegramHtml(HTMLParser):
    """Checks one message against Telegram's HTML parse mode and collects its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in TELEGRAM_TAGS, f"tag <{tag}> is not allowed"
        if tag == "a":
            assert [name for name, _ in attrs] == ["href"], attrs
            assert _A_TAG.fullmatch(self.get_starttag_text() or ""), self.get_starttag_text()
        elif tag == "span":
            assert attrs == [("class", "tg-spoiler")], attrs
        else:
            assert not attrs, attrs
        assert not {"code", "pre"} & set(self.stack), f"<{tag}> inside code"
        assert not (tag == "blockquote" and "blockquote" in self.stack), "nested blockquote"
        assert not (tag == "a" and "a" in self.stack), "nested link"
        self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raise AssertionError(f"self-closing <{tag}/> is not allowed")

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        assert not set("<>&") & set(data), f"unescaped text {data[:60]!r}"
        self.text.append(data)

    def handle_entityref(self, name: str) -> None:
        assert name in {"lt", "gt", "amp", "quot"}, name
        self.text.append({"lt": "<", "gt": ">", "amp": "&", "quot": '"'}[name])

    def handle_charref(self, name: str) -> None:
        self.text.append(chr(int(name[1:], 16) if name[:1] in "xX" else int(name)))

    def handle_comment(self, data: str) -> None:
        raise AssertionError("comment")

    def handle_decl(self, decl: str) -> None:
        raise AssertionError("declaration")

    def handle_pi(self, data: str) -> None:
        raise AssertionError("processing instruction")

    def unknown_decl(self, data: str) -> None:
        raise AssertionError("declaration")


def check_telegram(message: str, limit: int = 4096) -> str:
    """Assert the message is well-formed Telegram HTML within the limit; return its text."""
    assert utf16_len(message) <= limit, utf16_len(message)
    assert not _BAD_AMPERSAND.search(message), "& that starts no entity"
    parser = TelegramHtml()
    parser.feed(message)
    parser.close()
    assert not parser.stack, f"unclosed {parser.stack}"
    text = "".join(parser.text)
    assert squash(text), "message with nothing to read"
    return text


# ---------------------------------------------------------------- Slack

_SLACK_LINK = re.compile(r"<(?:https?|mailto|tg):[^<>|\s]*\|")
_SLACK_BAD_AMPERSAND = re.compile(r"&(?!(?:lt|gt|amp);)")


def check_mrkdwn(text: str, limit: int = 3000) -> str:
    """Assert mrkdwn is escaped and within the limit; return it with link syntax and escapes removed."""
    assert 1 <= utf16_len(text) <= limit, utf16_len(text)
    assert not _SLACK_BAD_AMPERSAND.search(text), "unescaped &"
    without_links = _SLACK_LINK.sub("", text)
    assert "<" not in without_links, "unescaped <"
    assert without_links.count(">") >= text.count("<"), "unclosed link"
    return without_links.replace(">", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def check_slack_message(message: Any) -> str:
    """Assert one message keeps Slack's limits; return what its blocks say."""
    assert 1 <= len(message.blocks) <= 50
    assert message.text.strip() and utf16_len(message.text) <= 3000
    said: list[str] = []
    for block in message.blocks:
        kind = block["type"]
        if kind == "header":
            assert block["text"]["type"] == "plain_text"
            assert 1 <= utf16_len(block["text"]["text"]) <= 150
            said.append(block["text"]["text"])
        elif kind == "section":
            assert block["text"]["type"] == "mrkdwn"
            said.append(check_mrkdwn(block["text"]["text"]))
        elif kind == "context":
            assert 1 <= len(block["elements"]) <= 10
            said += [check_mrkdwn(e["text"]) for e in block["elements"]]
        else:
            assert block == {"type": "divider"}, block
    return "\n".join(said)


# ---------------------------------------------------------------- Markdown

COMMONMARK = MarkdownIt("commonmark")


def markdown_tokens(source: str) -> list[Any]:
    """Every token CommonMark parses the source into, inline children included."""
    tokens = []
    for token in COMMONMARK.parse(source):
        tokens.append(token)
        tokens += token.children or []
    return tokens


def markdown_text(source: str) -> str:
    """What a CommonMark reader sees: text and code, no markup."""
    kinds = {"text", "code_inline"}
    return "\n".join(t.content for t in markdown_tokens(source) if t.type in kinds)


# ---------------------------------------------------------------- the checkers catch what they should


@pytest.mark.parametrize(
    "message",
    [
        "<b>bold",
        "<b>x</i>",
        "<b><i>x</b></i>",
        "<p>para</p>",
        "a & b",
        "a &nbsp; b",
        "1 < 2",
        "<a href=x>link</a>",
        '<a href="x" title="t">link</a>',
        "<blockquote><blockquote>x</blockquote></blockquote>",
        "<code><b>x</b></code>",
        "<br/>",
        "   ",
        "x" * 4097,
        "😀" * 2049,
    ],
    ids=lambda m: m[:30],
)
def test_telegram_checker_rejects(message: str) -> None:
    with pytest.raises(AssertionError):
        check_telegram(message)


def test_telegram_checker_accepts_and_decodes() -> None:
    html = '<b>A &amp; B</b> <a href="https://e.org/?a=1&amp;b=&quot;2&quot;">x &lt;y&gt;</a> &#128512;'
    assert check_telegram(html) == "A & B x <y> 😀"


@pytest.mark.parametrize("text", ["a & b", "1 < 2", "<b|x>", "x" * 3001], ids=lambda m: m[:20])
def test_mrkdwn_checker_rejects(text: str) -> None:
    with pytest.raises(AssertionError):
        check_mrkdwn(text)


def test_markdown_text_sees_through_markup() -> None:
    assert markdown_text("**a** \\*b\\* [c](https://e.org) `d`").split() == ["a", "*b*", "c", "d"]


def test_squash_ignores_layout() -> None:
    assert squash(" a\n\u200bb ", drop="*") == "ab"
    assert set(string.whitespace) & set(squash(string.printable)) == set()

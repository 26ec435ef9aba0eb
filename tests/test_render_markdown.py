"""Markdown: what a CommonMark reader sees is the document's text, with no markup it did not ask for."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from briefings.render import (
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
    Text,
    briefing_doc,
    spans,
    to_markdown,
)
from briefings.render.doc import safe_url
from tests.test_render_checkers import assert_carries, briefing_st, doc_st, markdown_text, markdown_tokens


def _links(doc: Doc) -> int:
    return sum(
        1
        for block in doc.blocks
        for items in ((getattr(block, "spans", ()),) if not isinstance(block, Bullets) else block.items)
        for span in (*items, *getattr(block, "attribution", ()))
        if isinstance(span, Link) and safe_url(span.url)
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=doc_st)
def test_text_is_escaped_so_only_our_markup_is_markup(doc: Doc) -> None:
    source = to_markdown(doc)
    kinds = [t.type for t in markdown_tokens(source)]
    assert "html_inline" not in kinds and "html_block" not in kinds
    assert "code_block" not in kinds and "fence" not in kinds
    assert kinds.count("link_open") <= _links(doc)
    assert kinds.count("heading_open") == sum(1 for b in doc.blocks if isinstance(b, Heading) and b.text.split())
    assert_carries(doc, markdown_text(source), drop="*")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(briefing=briefing_st)
def test_any_briefing_reads_back_whole(briefing: object) -> None:
    doc = briefing_doc(briefing)  # type: ignore[arg-type]
    assert_carries(doc, markdown_text(to_markdown(doc)), drop="*")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("*not bold*", r"\*not bold\*"),
        ("_x_ `y` [z](u) <b> & #1 |a| ~s~ \\", r"\_x\_ \`y\` \[z\](u) \<b\> \& \#1 \|a\| \~s\~ \\"),
        ("- not a list\n1. nor this\n    nor code\n=", "\\- not a list\n1\\. nor this\nnor code\n\\="),
    ],
    ids=["emphasis", "inline", "line-starts"],
)
def test_specials_are_escaped(text: str, expected: str) -> None:
    assert to_markdown(Doc.of(Paragraph(spans(text)))) == expected + "\n"


def test_each_block_kind() -> None:
    doc = Doc.of(
        Heading("Week 47"),
        Heading("Debate", level=2),
        Context(spans("3 stories · ", Bold("2 sides"))),
        Paragraph(
            spans(Bold(" Anna "), ", ", Italic("minister"), " ", Code("a`b"), " ", Link("src (1)", "https://e.org/a b"))
        ),
        Paragraph(spans(Link("ok", "https://e.org/x_(y)"), " ", Link("bad", "javascript:alert(1)"))),
        Quote("“We go.”", attribution=spans("— ", Link("Daily", "https://e.org/d"))),
        Bullets((spans("one"), spans("two\nlines"))),
        Divider(),
    )
    assert to_markdown(doc) == (
        "# Week 47\n\n"
        "## Debate\n\n"
        "*3 stories ·* **2 sides**\n\n"
        "**Anna** , *minister* ``a`b`` src (1)\n\n"
        "[ok](https://e.org/x_%28y%29) bad\n\n"
        "> “We go.”  \n> — [Daily](https://e.org/d)\n\n"
        "- one\n- two\n  lines\n\n"
        "---\n"
    )


def test_empty_document_is_empty() -> None:
    assert to_markdown(Doc()) == ""


def test_a_blank_line_inside_a_bullet_does_not_end_the_list() -> None:
    """Found by the property test above: a bold blank line, then text, used to leave the list and make a heading."""
    doc = Doc((Bullets(((Bold("\n\n"), Text("smile " * 40)), (Bold("\n<"),))),))
    kinds = [t.type for t in markdown_tokens(to_markdown(doc))]
    assert "heading_open" not in kinds and kinds.count("list_item_open") == 2

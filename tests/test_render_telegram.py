"""Telegram HTML: every message parses, fits 4096 UTF-16 units, and together they say everything."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefings.render import Bold, Bullets, Doc, Heading, Link, Paragraph, Quote, Text, briefing_doc, detail_doc, spans
from briefings.render._split import utf16_len
from briefings.render.telegram import MAX_ENTITIES, to_telegram_html
from tests.test_render_checkers import (
    assert_carries,
    briefing_st,
    check_telegram,
    crowded_briefing_st,
    doc_st,
    many_blocks_doc_st,
)

SLOW = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_all(doc: Doc, limit: int = 4096) -> list[str]:
    messages = to_telegram_html(doc, limit=limit)
    texts = [check_telegram(m, limit) for m in messages]
    assert_carries(doc, "\n".join(texts))
    return messages


@SLOW
@given(doc=doc_st, limit=st.sampled_from([128, 200, 500, 1000, 4096]))
def test_any_document_becomes_valid_messages_within_the_limit(doc: Doc, limit: int) -> None:
    _check_all(doc, limit)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(briefing=briefing_st)
def test_any_briefing_becomes_valid_messages(briefing: object) -> None:
    _check_all(briefing_doc(briefing))  # type: ignore[arg-type]
    for number in range(1, len(briefing.debates) + 1):  # type: ignore[attr-defined]
        _check_all(detail_doc(briefing, number))  # type: ignore[arg-type]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(briefing=crowded_briefing_st())
def test_hundreds_of_figures_spread_over_messages(briefing: object) -> None:
    messages = _check_all(detail_doc(briefing, 1))  # type: ignore[arg-type]  # the detail view holds them all
    assert len(messages) > 1
    for message in messages:
        assert len(re.findall(r"<[a-z]", message)) <= MAX_ENTITIES


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=many_blocks_doc_st())
def test_many_blocks_respect_the_entity_cap(doc: Doc) -> None:
    for message in _check_all(doc):
        assert len(re.findall(r"<[a-z]", message)) <= MAX_ENTITIES


def test_a_long_quote_is_cut_at_sentences_with_the_blockquote_reopened() -> None:
    quote = " ".join(f"Sentence number {i} says that A & B <differ>." for i in range(300))
    doc = Doc.of(Quote(quote, attribution=spans("— ", Link("Daily & News", "https://e.org/?a=1&b=2"))))
    messages = _check_all(doc)
    assert len(messages) >= 3
    for message in messages:
        assert message.startswith("<blockquote>") and message.endswith("</blockquote>")
    for message in messages[:-1]:
        assert message.endswith(".</blockquote>"), message[-40:]
    assert messages[-1].endswith('<a href="https://e.org/?a=1&amp;b=2">Daily &amp; News</a></blockquote>')


def test_a_long_bold_run_is_closed_and_reopened_at_word_boundaries() -> None:
    doc = Doc.of(Paragraph(spans("Lead: ", Bold("word " * 2000), "tail")))
    messages = _check_all(doc)
    assert len(messages) == 3
    assert messages[0].startswith("Lead: <b>word") and messages[0].endswith("word</b>")
    assert messages[1].startswith("<b>word") and messages[1].endswith("</b>")
    assert messages[2].endswith("</b>tail")


def test_emoji_are_counted_as_two_units_and_never_split() -> None:
    family = "👩\u200d👩\u200d👧"  # 8 UTF-16 units, one glyph
    messages = _check_all(Doc.of(Paragraph(spans(family * 1500))))
    assert all(utf16_len(m) <= 4096 for m in messages)
    assert len(messages) == 3
    for message in messages:
        assert not message.startswith("\u200d") and not message.endswith("\u200d")
        assert message.startswith("👩") and message.endswith("👧")


def test_entities_are_never_split() -> None:
    messages = _check_all(Doc.of(Paragraph(spans("&" * 5000))))
    assert [len(m) for m in messages] == [4095] * 6 + [430]


def test_blocks_pack_together_and_break_between_them() -> None:
    para = Paragraph(spans("x" * 1000))
    messages = to_telegram_html(Doc.of(*[para] * 8))
    assert [m.count("x") for m in messages] == [4000, 4000]
    assert messages[0] == "\n\n".join(["x" * 1000] * 4)


def test_bullets_break_between_items() -> None:
    doc = Doc.of(Bullets(tuple(spans(f"item {i} " + "y" * 90) for i in range(100))))
    messages = _check_all(doc)
    assert len(messages) > 1
    for message in messages:
        assert message.startswith("• item") and message.split("\n")[-1].endswith("y" * 90)


def test_markup_is_telegram_html() -> None:
    doc = Doc.of(
        Heading("Title <1>"),
        Paragraph(spans("a & b ", Bold("bold"), " ", Link('the "source"', 'https://e.org/"x"'))),
        Paragraph(spans(Link("unsafe", "javascript:alert(1)"))),
    )
    assert to_telegram_html(doc) == [
        "<b>Title &lt;1&gt;</b>\n\n"
        'a &amp; b <b>bold</b> <a href="https://e.org/&quot;x&quot;">the "source"</a>\n\n'
        "unsafe"
    ]


def test_nothing_to_say_gives_no_messages() -> None:
    assert to_telegram_html(Doc()) == []
    assert to_telegram_html(Doc.of(Paragraph(spans(" \u200b ")), Paragraph(()))) == []


def test_a_limit_too_small_for_markup_is_refused() -> None:
    with pytest.raises(ValueError, match="at least"):
        to_telegram_html(Doc.of(Paragraph((Text("x"),))), limit=50)

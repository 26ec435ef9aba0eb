"""Slack: every message keeps Block Kit's limits, escapes mrkdwn, and together they say everything."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from briefings.render import (
    Bold,
    Context,
    Divider,
    Doc,
    Heading,
    Italic,
    Link,
    Paragraph,
    Quote,
    briefing_doc,
    detail_doc,
    spans,
    to_slack_messages,
)
from tests.test_render_checkers import (
    assert_carries,
    briefing_st,
    check_slack_message,
    crowded_briefing_st,
    doc_st,
    many_blocks_doc_st,
)

MARKS = "*_`>"


def _check_all(doc: Doc) -> list[object]:
    messages = to_slack_messages(doc)
    said = "\n".join(check_slack_message(m) for m in messages)
    assert_carries(doc, said, drop=MARKS)
    return list(messages)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=doc_st)
def test_any_document_keeps_slack_limits(doc: Doc) -> None:
    _check_all(doc)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(briefing=briefing_st)
def test_any_briefing_keeps_slack_limits(briefing: object) -> None:
    _check_all(briefing_doc(briefing))  # type: ignore[arg-type]
    for number in range(1, len(briefing.debates) + 1):  # type: ignore[attr-defined]
        _check_all(detail_doc(briefing, number))  # type: ignore[arg-type]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(briefing=crowded_briefing_st())
def test_hundreds_of_figures_pack_into_few_sections(briefing: object) -> None:
    messages = _check_all(detail_doc(briefing, 1))  # type: ignore[arg-type]  # the detail view holds them all
    blocks = sum(len(m.blocks) for m in messages)  # type: ignore[attr-defined]
    assert blocks < 300, "figures should share sections, not take a block each"


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=many_blocks_doc_st())
def test_more_than_fifty_blocks_become_several_messages(doc: Doc) -> None:
    messages = _check_all(doc)
    assert len(messages) > 1
    for message in messages[:-1]:
        assert message.blocks[-1]["type"] != "header"  # type: ignore[attr-defined]


def test_blocks_for_each_kind() -> None:
    doc = Doc.of(
        Heading("Week <47> & more"),
        Context(spans("3 stories")),
        Paragraph(
            spans(Bold(" Anna "), ", ", Italic("minister"), " said ", Link("this & <that>", "https://e.org/?a=1&b|c"))
        ),
        Quote("“Line one\nline two”", attribution=spans("— ", Link("Daily", "https://e.org/d"))),
        Divider(),
        Heading("A" * 200, level=2),
        Heading("Part", level=3),
    )
    [message] = to_slack_messages(doc)
    assert message.blocks == [
        {"type": "header", "text": {"type": "plain_text", "text": "Week <47> & more"}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": "3 stories"}]},
        {
            "type": "section",
            "text": {
                "type": "mrkdwn",
                "text": " *Anna* , _minister_ said <https://e.org/?a=1&amp;b%7Cc|this &amp; &lt;that&gt;>\n\n"
                "> “Line one\n> line two”\n> — <https://e.org/d|Daily>",
            },
        },
        {"type": "divider"},
        {"type": "section", "text": {"type": "mrkdwn", "text": f"*{'A' * 200}*\n\n*Part*"}},
    ]
    assert message.text.startswith("Week &lt;47&gt; &amp; more\n\n3 stories")
    assert message.as_kwargs() == {"text": message.text, "blocks": message.blocks}


def test_a_long_fallback_is_cut_and_points_at_the_blocks() -> None:
    [message] = to_slack_messages(Doc.of(Paragraph(spans("word " * 2000))))
    assert len(message.text) <= 3000 and message.text.endswith("(see blocks)")
    assert len(message.blocks) == 4


def test_nothing_to_say_gives_no_messages() -> None:
    assert to_slack_messages(Doc()) == []

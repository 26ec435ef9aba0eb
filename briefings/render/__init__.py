"""Rendering: one platform-neutral document, shown on every platform within its limits.

Chat commands and the briefing layout say what to show as a `Doc`; each
renderer turns it into what its platform accepts:

    doc = briefing_doc(briefing)   # the week's digest, with "More on N" buttons (doc.actions)
    detail_doc(briefing, 2)        # debate 2 in full
    to_telegram_html(doc)     # list of HTML messages, each <= 4096 UTF-16 units
    to_slack_messages(doc)    # list of SlackMessage(text, blocks), each <= 50 blocks
    to_markdown(doc)          # CommonMark
    to_plain_text(doc)        # plain text; to_terminal(doc, console) prints it with rich

Nothing here imports a chat library: Slack blocks are plain dicts.
"""

from __future__ import annotations

from briefings.render.briefing import briefing_doc
from briefings.render.detail import detail_doc
from briefings.render.doc import (
    Action,
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
    doc_text,
    quoted,
    spans,
)
from briefings.render.markdown import to_markdown
from briefings.render.slack import SlackMessage, to_slack_messages
from briefings.render.telegram import to_telegram_html
from briefings.render.terminal import to_plain_text, to_terminal

__all__ = [
    "Action",
    "Block",
    "Bold",
    "Bullets",
    "Code",
    "Context",
    "Divider",
    "Doc",
    "Heading",
    "Italic",
    "Link",
    "Paragraph",
    "Quote",
    "SlackMessage",
    "Span",
    "Text",
    "block_text",
    "briefing_doc",
    "detail_doc",
    "doc_text",
    "quoted",
    "spans",
    "to_markdown",
    "to_plain_text",
    "to_slack_messages",
    "to_telegram_html",
    "to_terminal",
]

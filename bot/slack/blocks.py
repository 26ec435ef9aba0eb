"""Replies and the App Home as Slack Block Kit: the platform-neutral `Reply` in Slack's shapes and limits.

The document itself is rendered by `briefings.render.slack`; this module adds
what only the chat side knows about: buttons (an `actions` block whose button
values are the command lines to run), the `/briefing` spelling of commands, and
the App Home view with its 100-block cap.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import Any

from bot import messages
from bot.commands import Attachment, Button, Reply, commands
from briefings.render.doc import Block, Bullets, Code, Context, Doc, Paragraph, Span, Text
from briefings.render.slack import MAX_BLOCKS, SECTION_LIMIT, SlackMessage, escape_mrkdwn, to_slack_messages

logger = logging.getLogger(__name__)

SLASH_COMMAND = "/briefing"
ACTION_PREFIX = "briefing:"  # every button's action_id starts with it; the app routes on this prefix
MAX_ACTIONS = 25  # elements in one actions block
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_VIEW_BLOCKS = 100  # App Home views


def command_line(text: str) -> str:
    """The `/briefing` text as a command line: `stance Latushka` -> `/stance Latushka`; empty means help."""
    text = text.strip()
    return "/" + (text.lstrip("/") or "help")


def _slack_spelling(text: str, names: frozenset[str], *, code: bool) -> str:
    """`/stance NAME` -> `/briefing stance NAME`: Slack offers the commands as one slash command."""
    if code:  # a code span starting with a slash is always a command, known or not (`/frobnicate`)
        return re.sub(r"^/(?=\w)", f"{SLASH_COMMAND} ", text)
    pattern = r"(?<![\w/<])/(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b"
    return re.sub(pattern, rf"{SLASH_COMMAND} \1", text)


def slack_doc(doc: Doc) -> Doc:
    """The document with every command written the way a Slack user types it."""
    names = frozenset(n for c in commands() for n in (c.name, *c.aliases))

    def fix(items: tuple[Span, ...]) -> tuple[Span, ...]:
        out: list[Span] = []
        for span in items:
            if isinstance(span, Code):
                span = Code(_slack_spelling(span.text, names, code=True))
            elif isinstance(span, Text):
                span = Text(_slack_spelling(span.text, names, code=False))
            out.append(span)
        return tuple(out)

    blocks: list[Block] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph | Context):
            block = replace(block, spans=fix(block.spans))
        elif isinstance(block, Bullets):
            block = Bullets(tuple(fix(item) for item in block.items))
        blocks.append(block)
    return replace(doc, blocks=tuple(blocks))


def button_blocks(rows: tuple[tuple[Button, ...], ...]) -> list[dict[str, Any]]:
    """One `actions` block per row of buttons; each value is the command line the press runs."""
    blocks: list[dict[str, Any]] = []
    for r, row in enumerate(rows):
        elements: list[dict[str, Any]] = []
        for c, button in enumerate(row):
            if len(button.action) > MAX_BUTTON_VALUE:  # a bug upstream; a broken message would hide the others
                logger.error("button %r dropped: its command line is longer than Slack allows", button.label)
                continue
            label = button.label if len(button.label) <= MAX_BUTTON_TEXT else button.label[: MAX_BUTTON_TEXT - 1] + "…"
            element: dict[str, Any] = {
                "type": "button",
                "action_id": f"{ACTION_PREFIX}{r}.{c}",
                "text": {"type": "plain_text", "text": label, "emoji": True},
                "value": button.action,
            }
            if " confirm " in f"{button.action} ":
                element["style"] = "primary"
            elements.append(element)
        for start in range(0, len(elements), MAX_ACTIONS):
            blocks.append({"type": "actions", "block_id": f"briefing-buttons-{r}-{start}",
                           "elements": elements[start:start + MAX_ACTIONS]})
    return blocks


def attachment_messages(attachment: Attachment) -> list[SlackMessage]:
    """A text file (an OPML export) as code blocks in the channel.

    Not a Slack file: uploading one takes three calls (getUploadURLExternal, a POST to the
    URL it returns, completeUploadExternal) and the files:write scope; an export is text to copy.
    """
    room = SECTION_LIMIT - len("``````")
    chunks: list[str] = []
    current = ""
    for raw in attachment.content.decode("utf-8", "replace").splitlines():
        line = escape_mrkdwn(raw)[:room]
        if current and len(current) + 1 + len(line) > room:
            chunks.append(current)
            current = ""
        current = f"{current}\n{line}" if current else line
    if current:
        chunks.append(current)
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": f"```{chunk}```"}} for chunk in chunks]
    return [SlackMessage(text=escape_mrkdwn(attachment.filename), blocks=blocks[start:start + MAX_BLOCKS])
            for start in range(0, len(blocks), MAX_BLOCKS)]


def reply_messages(reply: Reply) -> list[SlackMessage]:
    """The reply as Slack messages: the text, its buttons, then any attached file as code blocks."""
    posted = _doc_messages(reply)
    return posted + attachment_messages(reply.attachment) if reply.attachment is not None else posted


def _doc_messages(reply: Reply) -> list[SlackMessage]:
    """The document, buttons after the text (in a message of their own when the last one is full)."""
    rendered = to_slack_messages(slack_doc(reply.doc)) or [SlackMessage(text="(no text)", blocks=[])]
    rows = reply.button_rows
    if not rows:
        return rendered
    extra = button_blocks(rows)
    last = rendered[-1]
    if len(last.blocks) + len(extra) <= MAX_BLOCKS:
        return [*rendered[:-1], SlackMessage(text=last.text, blocks=[*last.blocks, *extra])]
    labels = ", ".join(b.label for row in rows for b in row)
    return [*rendered, SlackMessage(text=escape_mrkdwn(f"Choose: {labels}"), blocks=extra)]


def home_view(briefing: Doc | None) -> dict[str, Any]:
    """The App Home tab: how to subscribe a channel, then the latest briefing, within Slack's 100-block cap."""
    intro = [block for m in to_slack_messages(slack_doc(messages.slack_home())) for block in m.blocks]
    blocks = [*intro]
    if briefing is not None:
        body = [block for m in to_slack_messages(briefing) for block in m.blocks]
        room = MAX_VIEW_BLOCKS - len(blocks) - 1  # the divider
        if len(body) > room:
            cut = [block for m in to_slack_messages(slack_doc(messages.slack_home_truncated())) for block in m.blocks]
            body = body[: room - len(cut)] + cut
        blocks += [{"type": "divider"}, *body]
    return {"type": "home", "blocks": blocks[:MAX_VIEW_BLOCKS]}

"""The console adapter: a chat in the terminal with the same commands as Telegram and Slack.

It is what `briefing-bot demo` opens, and the simplest adapter to read: build a
`Request` from a typed line, `dispatch` it, render the reply document. Buttons
have no terminal equivalent, so they are shown with the command each runs.
"""

from __future__ import annotations

import logging
from typing import TextIO

from rich.console import Console

from bot import messages
from bot.commands import Chat, Reply, Request, Sender, Services, dispatch, parse_command
from briefings.render.doc import Code, Context, Doc, Paragraph, spans
from briefings.render.terminal import to_terminal

logger = logging.getLogger(__name__)

PROMPT = "you> "
QUIT = ("/quit", "/exit", "quit", "exit")
CONSOLE_CHAT = Chat(platform="console", id="console", kind="private", title="terminal")


def answer(line: str, *, services: Services, sender: Sender, chat: Chat = CONSOLE_CHAT) -> Reply:
    """The reply to one typed line: a command's answer, a hint for plain text, an apology on a crash."""
    parsed = parse_command(line)
    if parsed is None:
        return Reply(messages.plain_text_hint())
    name, args = parsed
    try:
        return dispatch(Request(chat=chat, sender=sender, name=name, args=args, services=services))
    except Exception:  # one failing command must not end the chat; the trace goes to the log
        logger.exception("command %r failed", line)
        return Reply(messages.error_reply())


def show(reply: Reply, console: Console) -> None:
    """Render a reply in the terminal, buttons as the commands they would run."""
    doc = reply.doc
    if reply.button_rows:
        parts = [part for row in reply.button_rows for b in row for part in (f"[{b.label}] ", Code(b.action), "  ")]
        doc += Doc.of(Context(spans("Buttons (type the command): ", *parts)))
    if reply.broadcast:
        doc += Doc.of(Context(spans("The console sends nothing itself: ", Code("briefing-bot run"),
                                    " delivers what was queued to the subscribers of this database.")))
    to_terminal(doc, console)
    if reply.attachment is not None:  # a text file (an OPML export) is printed as it is
        console.print(reply.attachment.content.decode("utf-8", "replace"), markup=False, highlight=False)


def run_console(
    *, services: Services, sender: Sender, stdin: TextIO, console: Console, greeting: Doc | None = None
) -> None:
    """Read commands until EOF or /quit, answering each."""
    if greeting is not None:
        to_terminal(greeting, console)
    while True:
        console.print(PROMPT, end="", markup=False, highlight=False)
        line = stdin.readline()
        if not line:
            console.line()
            return
        line = line.strip()
        if not line:
            continue
        if line.lower() in QUIT:
            return
        show(answer(line, services=services, sender=sender), console)
        console.line()


def console_greeting(example_name: str | None) -> Doc:
    """What to try first in the console chat."""
    stance = f"/stance {example_name}" if example_name else "/stance NAME"
    return Doc.of(Paragraph(spans(
        "Console chat: the same commands as in Telegram and Slack. Try ", Code(stance), ", ", Code("/figures"),
        ", ", Code("/latest"), " (then ", Code("/story 1"), "), ", Code("/help"), "; ", Code("/quit"), " to leave.")))


def admin_greeting() -> Doc:
    """What the demo's admin may try: the throw-away database is the demo's own."""
    return Doc.of(Paragraph(spans(
        "You are this throw-away database's admin: ", Code("/brief_now"), " previews the briefing and confirms it, ",
        Code("/feeds"), " and ", Code("/stats"), " show the service's side.")))

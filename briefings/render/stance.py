"""A figure's stance report as a document: what `/stance NAME` answers on every platform."""

from __future__ import annotations

from datetime import UTC, tzinfo

from briefings.render.doc import (
    Block,
    Bullets,
    Context,
    Doc,
    Heading,
    Italic,
    Link,
    Paragraph,
    Quote,
    Span,
    quoted,
    spans,
)
from briefings.render.words import cut, day
from briefings.stance import StanceReport
from briefings.store.statements import Statement

STATEMENTS_SHOWN = 5


def _day(statement: Statement, tz: tzinfo) -> str:
    if statement.published is None:
        return "undated"
    return day(statement.published, tz=tz)  # the year always: a stance history spans years


def _source(statement: Statement, tz: tzinfo) -> tuple[Span, ...]:
    title = cut(statement.story_title, 120) or "source"
    if statement.story_link:
        return spans(_day(statement, tz), ", ", Link(title, statement.story_link))
    return spans(_day(statement, tz), ", ", title)


def stance_doc(report: StanceReport, *, shown: int = STATEMENTS_SHOWN, tz: tzinfo = UTC) -> Doc:
    """Who the figure is, where they stand now, how that changed, and their words story by story.

    Dates are the reader's own days in `tz` (the chat's time zone).
    """
    blocks: list[Block] = [Heading(report.name, level=1)]
    if report.role:
        blocks.append(Paragraph(spans(Italic(report.role))))
    others = [a for a in report.aliases if a != report.name]
    if others:
        blocks.append(Context(spans("Also written: " + ", ".join(others))))
    sided = [s for s in report.statements if s.side]
    if sided:
        blocks.append(Paragraph(spans("Latest side: ", sided[0].side or "", f" ({_day(sided[0], tz)})")))
    if report.changes:
        blocks.append(Heading("How it changed", level=2))
        blocks.append(Bullets(tuple(
            spans(f"{change.before.side} → {change.after.side}: ", _day(change.before, tz), " → ")
            + _source(change.after, tz)
            for change in report.changes
        )))
    if not report.statements:
        blocks.append(Paragraph(spans("No stored story gives a position yet.")))
    for statement in report.statements[:shown]:
        blocks.append(Heading(f"{_day(statement, tz)} · {statement.side or 'mentioned'}", level=3))
        if statement.stance:
            blocks.append(Paragraph(spans(statement.stance)))
        blocks.extend(Quote(quoted(q)) for q in statement.quotes[:2])
        blocks.append(Context(_source(statement, tz)))
    hidden = len(report.statements) - shown
    if hidden > 0:
        blocks.append(Context(spans(f"… and {hidden} earlier {'story' if hidden == 1 else 'stories'}.")))
    return Doc(blocks=tuple(blocks))

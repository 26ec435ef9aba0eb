"""A figure's stance report as a document: what `/stance NAME` answers on every platform."""

from __future__ import annotations

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
from briefings.stance import StanceReport
from briefings.store.statements import Statement

STATEMENTS_SHOWN = 5


def _day(statement: Statement) -> str:
    if statement.published is None:
        return "undated"
    return f"{statement.published.day} {statement.published:%b %Y}"


def _source(statement: Statement) -> tuple[Span, ...]:
    title = statement.story_title or "source"
    if statement.story_link:
        return spans(_day(statement), ", ", Link(title, statement.story_link))
    return spans(_day(statement), ", ", title)


def stance_doc(report: StanceReport, *, shown: int = STATEMENTS_SHOWN) -> Doc:
    """Who the figure is, where they stand now, how that changed, and their words story by story."""
    blocks: list[Block] = [Heading(report.name, level=1)]
    if report.role:
        blocks.append(Paragraph(spans(Italic(report.role))))
    others = [a for a in report.aliases if a != report.name]
    if others:
        blocks.append(Context(spans("Also written: " + ", ".join(others))))
    sided = [s for s in report.statements if s.side]
    if sided:
        blocks.append(Paragraph(spans("Latest side: ", sided[0].side or "", f" ({_day(sided[0])})")))
    if report.changes:
        blocks.append(Heading("How it changed", level=2))
        blocks.append(Bullets(tuple(
            spans(f"{change.before.side} → {change.after.side}: ", _day(change.before), " → ")
            + _source(change.after)
            for change in report.changes
        )))
    if not report.statements:
        blocks.append(Paragraph(spans("No stored story gives a position yet.")))
    for statement in report.statements[:shown]:
        blocks.append(Heading(f"{_day(statement)} · {statement.side or 'mentioned'}", level=3))
        if statement.stance:
            blocks.append(Paragraph(spans(statement.stance)))
        blocks.extend(Quote(quoted(q)) for q in statement.quotes[:2])
        blocks.append(Context(_source(statement)))
    hidden = len(report.statements) - shown
    if hidden > 0:
        blocks.append(Context(spans(f"… and {hidden} earlier {'story' if hidden == 1 else 'stories'}.")))
    return Doc(blocks=tuple(blocks))

"""One debate in full, on demand: every figure with role, stance, quote and source, its numbers and moves.

The weekly digest gives a debate a few lines; a reader who wants the whole
frame presses "More on N" (or sends `/story N`) and gets this: each side with
what it wants and everyone who took it, who moved within the debate, the
numbers worth remembering, and every source, all dated in the reader's zone.
"""

from __future__ import annotations

from datetime import tzinfo

from briefings.compose.model import Briefing, Debate, DebateSide, FigurePosition, KeyNumber, Move, Position, Source
from briefings.render._split import visible
from briefings.render.doc import (
    Block,
    Bold,
    Bullets,
    Context,
    Doc,
    Heading,
    Italic,
    Link,
    Paragraph,
    Quote,
    Span,
    Text,
    quoted,
    spans,
)
from briefings.render.words import clean_quote, count, cut, day, headline, line, who

DETAIL_QUOTE = 320  # a quote in the detail view may run a few sentences


def detail_doc(briefing: Briefing, number: int) -> Doc:
    """Debate `number` (1-based, the digest's numbering) of the week in full."""
    debate = briefing.debates[number - 1]
    year, tz = briefing.week.year, briefing.tz
    blocks: list[Block] = [
        Heading(f"{number}. {headline(debate)}", level=1),
        Context(spans(f"{briefing.week} · {count(debate.stories, 'story', 'stories')} · "
                      f"{count(len(debate.sides), 'side', 'sides')}")),
    ]
    for side in debate.sides:
        blocks += _side(side, year, tz)
    ids = {f.figure_id for side in debate.sides for f in side.figures}
    moves = [m for m in briefing.moves if m.figure_id in ids]
    if moves:
        blocks.append(Heading("Who moved", level=2))
        for move in moves:
            blocks += _move(move, year, tz)
    numbers = _unique_numbers(debate)
    if numbers:
        blocks.append(Heading("Key numbers", level=2))
        blocks.append(Bullets(tuple(_number(n, year, tz) for n in numbers)))
    sources = _unique_sources(debate.sources)
    if sources:
        blocks.append(Heading("Sources", level=2))
        blocks.append(Bullets(tuple(cite(s, year, tz) for s in sources)))
    return Doc(blocks=tuple(blocks))


def _side(side: DebateSide, year: int, tz: tzinfo) -> list[Block]:
    label = spans(Bold(cut(side.label) or "Unlabelled side"))
    summary = line(side.summary)
    if summary and summary.casefold() != line(side.label).casefold():
        label += spans(f": {summary}")
    blocks: list[Block] = [Paragraph(label)]
    for figure in side.figures:
        blocks += _figure(figure, year, tz)
    return blocks


def _figure(figure: FigurePosition, year: int, tz: tzinfo) -> list[Block]:
    """A figure: who, their stance in a line, then their quote with where and when it was said."""
    stance = line(figure.stance)
    head = who(figure.name, figure.role, stance)
    if stance:
        head += spans(f" — {stance}")
    quote = clean_quote(figure.quote, DETAIL_QUOTE)
    if not quote or quote.rstrip(".…").casefold() in stance.casefold():  # the stance already quotes it
        return [Paragraph(head + spans(" (") + cite(figure.source, year, tz) + spans(")"))]
    return [Paragraph(head), Quote(quoted(quote), attribution=spans("— ") + cite(figure.source, year, tz))]


def cite(source: Source, year: int, tz: tzinfo) -> tuple[Span, ...]:
    """Where something was said: the source's title, linked, and its date in the reader's zone."""
    title = cut(source.title, 120) or "source"
    parts: list[str | Span] = [Link(title, source.link) if source.link else Text(title)]
    if source.published:
        parts.append(f", {day(source.published, year=year, tz=tz)}")
    return spans(*parts)


def _move(move: Move, year: int, tz: tzinfo) -> list[Block]:
    """A move: from which side to which, then what they said before and after, each dated and sourced."""
    before, after = cut(move.before.side), cut(move.after.side)
    head = who(move.name, move.role) + spans(": ")
    if before.casefold() == after.casefold():
        head += spans(f"still {after}, but changed stance" if after else "changed stance")
    else:
        head += spans(before or "no side", " → ", Bold(after or "no side"))
    return [Paragraph(head), Bullets((_position("Before", move.before, year, tz),
                                      _position("Now", move.after, year, tz)))]


def _position(label: str, position: Position, year: int, tz: tzinfo) -> tuple[Span, ...]:
    parts: list[str | Span] = [Italic(label)]
    if position.source.published:
        parts.append(f" ({day(position.source.published, year=year, tz=tz)})")
    parts.append(": ")
    side = cut(position.side)
    stance, quote = line(position.stance), clean_quote(position.quote, DETAIL_QUOTE)
    lead = f"{side} — {stance}" if side and stance else side or stance or ""
    parts.append(lead)
    if quote:
        stop = "" if not lead else " " if lead.endswith((".", "!", "?", "…")) else ". "
        parts.append(f"{stop}{quoted(quote)}")
    parts.append(" · ")
    title = cut(position.source.title, 120) or "source"
    parts.append(Link(title, position.source.link) if position.source.link else title)
    return spans(*parts)


def _unique_numbers(debate: Debate) -> list[KeyNumber]:
    seen: set[tuple[str, str]] = set()
    numbers = []
    for number in debate.numbers:
        key = (line(number.value), line(number.context))
        if key not in seen and visible(number.value):  # a number with nothing to read is no number
            seen.add(key)
            numbers.append(number)
    return numbers


def _number(number: KeyNumber, year: int, tz: tzinfo) -> tuple[Span, ...]:
    context = line(number.context)
    return spans(Bold(line(number.value)), f" — {context}" if context else "", " (") + cite(
        number.source, year, tz) + spans(")")


def _unique_sources(sources: list[Source]) -> list[Source]:
    seen: set[tuple[str, str | None]] = set()
    unique = []
    for source in sources:
        key = (line(source.title), source.link)
        if key not in seen:
            seen.add(key)
            unique.append(source)
    return unique

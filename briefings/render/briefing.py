"""The weekly briefing as a reader sees it: the product's face, laid out once for every platform.

Written for a busy reader scrolling a chat: the week and its dates first, then
each debate (as the composer ordered them) with its sides, and under each side
who took it - name in bold, role in italics, their stance in a line, their
strongest quote set off in quotation marks with the source and date. Then who
moved, the numbers worth remembering, and the sources. A quiet week still gets
a few lines saying so, so subscribers know the bot is alive.
"""

from __future__ import annotations

from datetime import date, datetime

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

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
QUIET_NOTE = "A quiet week: no debate in this week's sources drew enough voices to brief on."


def briefing_doc(briefing: Briefing) -> Doc:
    """Lay the week's briefing out as a document: debates, who moved, key numbers, sources."""
    year = briefing.week.year
    blocks: list[Block] = [
        Heading(f"{briefing.title} · {briefing.week} ({date_range(briefing.week.monday, briefing.week.sunday)})")
    ]
    if briefing.quiet:
        blocks.append(Paragraph(spans(QUIET_NOTE)))
        if briefing.sources:
            blocks.append(Context(spans(f"{_count(len(briefing.sources), 'story', 'stories')} read.")))
    else:
        blocks.append(Context(spans(_summary(briefing))))
        for number, debate in enumerate(briefing.debates, start=1):
            blocks += _debate(number, debate, year)
    if briefing.moves:
        blocks.append(Heading("Who moved", level=2))
        for move in briefing.moves:
            blocks += _move(move, year)
    if not briefing.quiet:
        numbers = _unique_numbers(briefing.debates)
        if numbers:
            blocks.append(Heading("Key numbers", level=2))
            blocks.append(Bullets(tuple(_number(n, year) for n in numbers)))
        sources = _unique_sources(briefing.sources or [s for d in briefing.debates for s in d.sources])
        if sources:
            blocks.append(Heading("Sources", level=2))
            blocks.append(Bullets(tuple(_source(s, year) for s in sources)))
    return Doc(blocks=tuple(blocks))


def day(value: date | datetime, *, year: int | None = None) -> str:
    """A date as a reader says it, `17 Nov`, with the year only when it is not `year`."""
    when = value.date() if isinstance(value, datetime) else value
    text = f"{when.day} {_MONTHS[when.month - 1]}"
    return text if when.year == year else f"{text} {when.year}"


def date_range(first: date, last: date) -> str:
    """`17–23 Nov 2025`, `27 Oct – 2 Nov 2025` or `29 Dec 2025 – 4 Jan 2026`: no part said twice."""
    if first.year != last.year:
        return f"{day(first)} – {day(last)}"
    if first.month != last.month:
        return f"{day(first, year=first.year)} – {day(last)}"
    return f"{first.day}–{day(last)}"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _line(text: str | None) -> str:
    """Text on one line: newlines and runs of spaces from a feed would break a scannable layout."""
    return " ".join((text or "").split())


def _summary(briefing: Briefing) -> str:
    parts = [_count(len(briefing.debates), "debate", "debates")]
    stories = sum(d.stories for d in briefing.debates)
    if stories:
        parts.append(_count(stories, "story", "stories"))
    if briefing.moves:
        parts.append(f"{_count(len(briefing.moves), 'person', 'people')} moved")
    return " · ".join(parts)


def _debate(number: int, debate: Debate, year: int) -> list[Block]:
    blocks: list[Block] = [
        Heading(f"{number}. {_line(debate.question)}", level=2),
        Context(spans(f"{_count(debate.stories, 'story', 'stories')} · {_count(len(debate.sides), 'side', 'sides')}")),
    ]
    for side in debate.sides:
        blocks += _side(side, year)
    return blocks


def _side(side: DebateSide, year: int) -> list[Block]:
    label = spans(Bold(_line(side.label) or "Unlabelled side"))
    summary = _line(side.summary)
    blocks: list[Block] = [Paragraph(label + (spans(f": {summary}") if summary else ()))]
    for figure in side.figures:
        blocks += _figure(figure, year)
    return blocks


def _who(name: str, role: str | None) -> tuple[Span, ...]:
    role = _line(role)
    return spans(Bold(_line(name)), ", " if role else "", Italic(role) if role else "")


def _figure(figure: FigurePosition, year: int) -> list[Block]:
    """A figure: who, their stance in a line, then their quote with where and when it was said."""
    head = _who(figure.name, figure.role)
    stance = _line(figure.stance)
    if stance:
        head += spans(f" — {stance}")
    quote = _line(figure.quote)
    if not quote:
        return [Paragraph(head + spans(" (") + _cite(figure.source, year) + spans(")"))]
    return [Paragraph(head), Quote(quoted(quote), attribution=spans("— ") + _cite(figure.source, year))]


def _cite(source: Source, year: int) -> tuple[Span, ...]:
    """Where something was said: the source's title, linked, and its date."""
    title = _line(source.title) or "source"
    parts: list[str | Span] = [Link(title, source.link) if source.link else Text(title)]
    if source.published:
        parts.append(f", {day(source.published, year=year)}")
    return spans(*parts)


def _move(move: Move, year: int) -> list[Block]:
    """A move: from which side to which, then what they said before and after, each dated and sourced."""
    before, after = _line(move.before.side), _line(move.after.side)
    head = _who(move.name, move.role) + spans(": ")
    if before.casefold() == after.casefold():
        head += spans(f"still {after}, but changed stance" if after else "changed stance")
    else:
        head += spans(before or "no side", " → ", Bold(after or "no side"))
    return [Paragraph(head), Bullets((_position("Before", move.before, year), _position("Now", move.after, year)))]


def _position(label: str, position: Position, year: int) -> tuple[Span, ...]:
    parts: list[str | Span] = [Italic(label)]
    if position.source.published:
        parts.append(f" ({day(position.source.published, year=year)})")
    parts.append(": ")
    side = _line(position.side)
    stance, quote = _line(position.stance), _line(position.quote)
    lead = f"{side} — {stance}" if side and stance else side or stance or ""
    parts.append(lead)
    if quote:
        stop = "" if not lead else " " if lead.endswith((".", "!", "?", "…")) else ". "
        parts.append(f"{stop}{quoted(quote)}")
    parts.append(" · ")
    title = _line(position.source.title) or "source"
    parts.append(Link(title, position.source.link) if position.source.link else title)
    return spans(*parts)


def _unique_numbers(debates: list[Debate]) -> list[KeyNumber]:
    seen: set[tuple[str, str]] = set()
    numbers = []
    for number in (n for d in debates for n in d.numbers):
        key = (_line(number.value), _line(number.context))
        if key not in seen and visible(number.value):  # a number with nothing to read is no number
            seen.add(key)
            numbers.append(number)
    return numbers


def _number(number: KeyNumber, year: int) -> tuple[Span, ...]:
    context = _line(number.context)
    return (
        spans(Bold(_line(number.value)), f" — {context}" if context else "", " (")
        + _cite(number.source, year)
        + spans(")")
    )


def _unique_sources(sources: list[Source]) -> list[Source]:
    seen: set[tuple[str, str | None]] = set()
    unique = []
    for source in sources:
        key = (_line(source.title), source.link)
        if key not in seen:
            seen.add(key)
            unique.append(source)
    return unique


def _source(source: Source, year: int) -> tuple[Span, ...]:
    return _cite(source, year)

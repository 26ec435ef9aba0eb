"""The weekly briefing as a reader sees it: a digest of the week's debates, details one press away.

Written for a busy reader scrolling a chat, and short enough to read there (a
week of eleven debates is at most three Telegram messages and one Slack
message): the week and its dates, who moved (one line each, from → to in the
debate's side names), then each debate by weight in a few lines - its question
(or title), each side by what it wants with its most prominent figures, the
week's strongest quote, and a link to its sources. Under it, a "More on N"
button per debate carries `/story WEEK N`, which shows that debate in full
(`detail.detail_doc`). A quiet week or an empty database says what to do.
"""

from __future__ import annotations

from datetime import tzinfo

from briefings.compose.model import Briefing, Debate, DebateSide, FigurePosition, Move, Source
from briefings.render.doc import (
    Action,
    Block,
    Bold,
    Bullets,
    Code,
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
from briefings.render.words import clean_quote, count, cut, date_range, day, headline, line

QUIET_NOTE = "A quiet week: no debate in this week's sources drew enough voices to brief on."
EMPTY_NOTE = "No stories yet, so nothing to brief on."
FIGURES_PER_SIDE = 3  # the most prominent few; the rest are one press away
SIDES_SHOWN = 4
DIGEST_QUOTE = 200  # one or two sentences: the digest's whole debate should fit a phone screen
SOURCE_TITLE = 48
BUTTONS_PER_ROW = 4
MAX_BUTTONS = 24  # more debates than this are reached with /story N (the context line says so)


def briefing_doc(briefing: Briefing) -> Doc:
    """Lay the week out as a digest: who moved, then each debate in a few lines, with "More on N" buttons."""
    year, tz = briefing.week.year, briefing.tz
    blocks: list[Block] = [
        Heading(f"{briefing.title} · {briefing.week} ({date_range(briefing.week.monday, briefing.week.sunday)})")
    ]
    if briefing.quiet:
        return Doc(blocks=(*blocks, *_quiet(briefing)))
    blocks.append(Context(spans(_summary(briefing))))
    if briefing.moves:
        blocks.append(Heading("Who moved", level=2))
        blocks.append(Bullets(tuple(_move(m, year, tz) for m in _movers(briefing.moves))))
    for number, debate in enumerate(briefing.debates, start=1):
        blocks += _debate(number, debate, year, tz)
    return Doc(blocks=tuple(blocks), actions=more_buttons(briefing))


def more_buttons(briefing: Briefing) -> tuple[tuple[Action, ...], ...]:
    """A "More on N" button per debate; each carries the week, so a broadcast's buttons work for everyone."""
    buttons = [Action(f"More on {n}", f"/story {briefing.week} {n}")
               for n in range(1, min(len(briefing.debates), MAX_BUTTONS) + 1)]
    return tuple(tuple(buttons[i:i + BUTTONS_PER_ROW]) for i in range(0, len(buttons), BUTTONS_PER_ROW))


def _quiet(briefing: Briefing) -> list[Block]:
    if briefing.nothing_stored:
        return [Paragraph(spans(EMPTY_NOTE, " Admins add feeds with ", Code("/addfeed URL"), " or ",
                                Code("briefing-bot ingest FEED"), "; readers send ", Code("/subscribe"),
                                " to get the briefing once there is one."))]
    return [Paragraph(spans(QUIET_NOTE)),
            Context(spans(f"{count(len(briefing.sources), 'story', 'stories')} read this week. New stories come as the "
                          "feeds are polled (admins: ", Code("briefing-bot ingest"), " reads them now); ",
                          Code("/subscribe"), " to get next week's."))]


def _summary(briefing: Briefing) -> str:
    parts = [count(len(briefing.debates), "debate", "debates")]
    stories = sum(d.stories for d in briefing.debates)
    if stories:
        parts.append(count(stories, "story", "stories"))
    if briefing.moves:
        parts.append(f"{count(len(_movers(briefing.moves)), 'person', 'people')} moved")
    few = len(briefing.debates) <= MAX_BUTTONS
    more = "press More for a debate in full" if few else "/story N for debate N in full"
    return " · ".join(parts) + f" · {more}"


def _movers(moves: list[Move]) -> list[Move]:
    """One move per person, their latest: the digest gives each mover one line."""
    latest: dict[int, Move] = {}
    for move in moves:
        latest[move.figure_id] = move
    return list(latest.values())


def _move(move: Move, year: int, tz: tzinfo) -> tuple[Span, ...]:
    before, after = cut(move.before.side), cut(move.after.side)
    parts: list[str | Span] = [Bold(cut(move.name)), ": "]
    if before.casefold() == after.casefold():
        parts.append(f"still {after}, changed stance" if after else "changed stance")
    else:
        parts += [before or "no side", " → ", Bold(after or "no side")]
    if move.after.source.published:
        parts.append(f" ({day(move.after.source.published, year=year, tz=tz)})")
    return spans(*parts)


def _debate(number: int, debate: Debate, year: int, tz: tzinfo) -> list[Block]:
    blocks: list[Block] = [Heading(f"{number}. {cut(headline(debate), 160)}", level=3)]
    sides = [_side(side) for side in debate.sides[:SIDES_SHOWN]]
    if len(debate.sides) > SIDES_SHOWN:
        sides.append(spans(Italic(f"and {count(len(debate.sides) - SIDES_SHOWN, 'more side', 'more sides')}")))
    if sides:
        blocks.append(Bullets(tuple(sides)))
    strongest = _strongest(debate)
    if strongest is not None:
        figure, quote = strongest
        said = spans(f"— {cut(figure.name)}")
        if figure.source.published:
            said += spans(f", {day(figure.source.published, year=year, tz=tz)}")
        blocks.append(Quote(quoted(quote), attribution=said))
    if debate.sources or number > MAX_BUTTONS:
        blocks.append(Paragraph(_sources(number, debate, year, tz)))
    return blocks


def _side(side: DebateSide) -> tuple[Span, ...]:
    """A side in one line: what it wants, then its most prominent figures."""
    names = [cut(f.name) for f in side.figures[:FIGURES_PER_SIDE]]
    rest = len(side.figures) - len(names)
    who = ", ".join(names) + (f" +{rest}" if rest else "")
    return spans(Bold(cut(side.label) or "Unlabelled side"), f": {who}" if who else "")


def _strongest(debate: Debate) -> tuple[FigurePosition, str] | None:
    """The week's strongest quote in the debate, trimmed clean, with who said it; a camp's voice first."""
    best: tuple[tuple[bool, int], FigurePosition, str] | None = None
    for side in debate.sides:
        for figure in side.figures:
            quote = clean_quote(figure.quote, DIGEST_QUOTE)
            if len(quote.split()) < 4:  # a fragment ("the cheap part") says little on its own
                continue
            rank = (side.kind == "camp", min(len(quote), DIGEST_QUOTE))
            if best is None or rank > best[0]:
                best = (rank, figure, quote)
    return None if best is None else (best[1], best[2])


def _sources(number: int, debate: Debate, year: int, tz: tzinfo) -> tuple[Span, ...]:
    """A link to the debate's lead source, how many more there are, and where the rest are."""
    sources = _unique(debate.sources)
    parts: list[str | Span] = [Italic("Source: ")]
    lead = sources[-1] if sources else None  # the newest: where the debate stands now
    if lead is not None:
        # The story the headline already names is "the story"; another one is named by its title.
        same = line(lead.title).casefold() == headline(debate).casefold()
        title = "the story" if same else cut(lead.title, SOURCE_TITLE) or "source"
        parts.append(Link(title, lead.link) if lead.link else title)
        if lead.published:
            parts.append(f", {day(lead.published, year=year, tz=tz)}")
    if len(sources) > 1:
        parts.append(f" and {len(sources) - 1} more")
    if number > MAX_BUTTONS:
        parts += [" · ", Code(f"/story {number}")]
    return spans(*parts)


def _unique(sources: list[Source]) -> list[Source]:
    seen: set[tuple[str, str | None]] = set()
    unique = []
    for source in sorted(sources, key=lambda s: (s.published is not None, s.published)):
        key = (line(source.title), source.link)
        if key not in seen:
            seen.add(key)
            unique.append(source)
    return unique

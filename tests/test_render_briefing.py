"""The briefing layout, on a hand-built week with fictional people: order, sides, who moved, quiet weeks."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

from hypothesis import HealthCheck, given, settings
from rich.console import Console

import briefings.render as render
from briefings.compose.model import (
    Briefing,
    Debate,
    DebateSide,
    FigurePosition,
    IsoWeek,
    KeyNumber,
    Move,
    Position,
    Source,
)
from briefings.render import Heading, Quote, briefing_doc, doc_text, to_plain_text, to_terminal
from briefings.render.briefing import QUIET_NOTE, date_range, day
from tests.test_render_checkers import assert_carries, briefing_st

WEEK = IsoWeek(2025, 47)  # 17-23 Nov 2025
DAILY = Source(
    "Minsk Daily: bridge talks <stall>", "https://example.org/daily?id=1&p=2", datetime(2025, 11, 17, tzinfo=UTC)
)
REVIEW = Source("Weekly Review", None, datetime(2025, 11, 19, tzinfo=UTC))
OLD = Source("Archive piece", "https://example.org/old", datetime(2025, 10, 3, tzinfo=UTC))

ANNA = FigurePosition(
    1, "Anna Vesna", "transport minister", "wants the bridge reopened by spring", "We cannot wait & see.", DAILY
)
IVAN = FigurePosition(2, "Ivan Brod", None, "says the bridge is unsafe", None, REVIEW)
BRIDGE = Debate(
    question="Should the old bridge reopen?",
    stories=5,
    sides=[
        DebateSide("Reopen now", "Trade needs the crossing.", [ANNA]),
        DebateSide("Keep it closed", None, [IVAN]),
    ],
    numbers=[KeyNumber("40%", "of freight used the bridge", DAILY)],
    sources=[DAILY, REVIEW],
)
TAX = Debate("Is the fuel tax fair?", 1, [DebateSide("Yes", None, []), DebateSide("No", None, [])])
MOVE = Move(
    3,
    "Olga Rysk",
    "deputy",
    before=Position("Keep it closed", "opposed reopening", "Never while it is unsafe.", OLD),
    after=Position("Reopen now", "backs a spring reopening", "Time to open it.", DAILY),
)
BRIEFING = Briefing(WEEK, "Stance briefing", [BRIDGE, TAX], [MOVE], [DAILY, REVIEW])


def test_title_line_has_week_and_dates() -> None:
    doc = briefing_doc(BRIEFING)
    assert doc.blocks[0] == Heading("Stance briefing · 2025-W47 (17–23 Nov 2025)")
    assert "2 debates · 6 stories · 1 person moved" in doc_text(doc)


def test_debates_in_the_order_given_with_story_counts() -> None:
    text = doc_text(briefing_doc(BRIEFING))
    assert text.index("1. Should the old bridge reopen?") < text.index("2. Is the fuel tax fair?")
    assert "5 stories · 2 sides" in text and "1 story · 2 sides" in text


def test_sides_carry_their_figures_with_stance_quote_and_source() -> None:
    text = to_plain_text(briefing_doc(BRIEFING), width=200)
    reopen, closed = text.index("Reopen now: Trade needs the crossing."), text.index("Keep it closed")
    anna = text.index("Anna Vesna, transport minister — wants the bridge reopened by spring")
    assert reopen < anna < closed
    assert "“We cannot wait & see.”" in text
    assert "— Minsk Daily: bridge talks <stall> <https://example.org/daily?id=1&p=2>, 17 Nov" in text
    assert "Ivan Brod — says the bridge is unsafe (Weekly Review, 19 Nov)" in text


def test_who_moved_shows_both_sides_dates_quotes_and_links() -> None:
    text = to_plain_text(briefing_doc(BRIEFING), width=200)
    moved = text[text.index("Who moved") :]
    assert "Olga Rysk, deputy: Keep it closed → Reopen now" in moved
    assert "Before (3 Oct): Keep it closed — opposed reopening. “Never while it is unsafe.” · Archive piece" in moved
    assert "Now (17 Nov): Reopen now — backs a spring reopening. “Time to open it.” · Minsk Daily" in moved
    assert "<https://example.org/old>" in moved


def test_key_numbers_and_sources_close_the_briefing() -> None:
    text = doc_text(briefing_doc(BRIEFING))
    assert text.index("Who moved") < text.index("Key numbers") < text.index("Sources")
    assert "40% — of freight used the bridge (Minsk Daily: bridge talks <stall>, 17 Nov)" in text
    assert text.rstrip().endswith("Weekly Review, 19 Nov")


def test_quotes_are_in_quotation_marks_once() -> None:
    figure = FigurePosition(4, "Nina", None, None, "“Already quoted.”", REVIEW)
    week = Briefing(WEEK, "B", [Debate("Q?", 1, [DebateSide("S", None, [figure, ANNA])])])
    quotes = [b.text for b in briefing_doc(week).blocks if isinstance(b, Quote)]
    assert quotes == ["“Already quoted.”", "“We cannot wait & see.”"]


def test_a_quiet_week_still_says_something() -> None:
    quiet = Briefing(WEEK, "Stance briefing", sources=[REVIEW])
    assert quiet.quiet
    text = doc_text(briefing_doc(quiet))
    assert text.startswith("Stance briefing · 2025-W47 (17–23 Nov 2025)")
    assert QUIET_NOTE in text and "1 story read." in text
    assert "Sources" not in text and "Key numbers" not in text
    assert render.to_telegram_html(briefing_doc(quiet)) and render.to_slack_messages(briefing_doc(quiet))


def test_a_quiet_week_still_reports_who_moved() -> None:
    text = doc_text(briefing_doc(Briefing(WEEK, "B", moves=[MOVE])))
    assert QUIET_NOTE in text and "Olga Rysk" in text


def test_dates_read_like_a_person_wrote_them() -> None:
    assert day(date(2025, 11, 7), year=2025) == "7 Nov"
    assert day(datetime(2024, 12, 30, 23, tzinfo=UTC), year=2025) == "30 Dec 2024"
    assert date_range(date(2025, 11, 17), date(2025, 11, 23)) == "17–23 Nov 2025"
    assert date_range(date(2025, 10, 27), date(2025, 11, 2)) == "27 Oct – 2 Nov 2025"
    assert date_range(date(2025, 12, 29), date(2026, 1, 4)) == "29 Dec 2025 – 4 Jan 2026"


def test_terminal_prints_to_the_given_console() -> None:
    out = io.StringIO()
    to_terminal(briefing_doc(BRIEFING), Console(file=out, width=100, color_system=None))
    assert "Who moved" in out.getvalue() and "Anna Vesna" in out.getvalue()


def test_plain_text_shows_names_with_markup_as_written() -> None:
    odd = FigurePosition(5, "[bold]Not bold[/bold]", None, None, None, REVIEW)
    week = Briefing(WEEK, "B", [Debate("Q?", 1, [DebateSide("S", None, [odd])])])
    assert "[bold]Not bold[/bold]" in to_plain_text(briefing_doc(week))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(briefing=briefing_st)
def test_plain_text_carries_every_briefing_whole(briefing: Briefing) -> None:
    doc = briefing_doc(briefing)
    assert_carries(doc, to_plain_text(doc, width=120))


def test_public_names_are_exported() -> None:
    public = {name for name in vars(render) if not name.startswith("_")}
    modules = {"briefing", "doc", "markdown", "slack", "telegram", "terminal", "annotations"}
    assert set(render.__all__) == public - modules - {"stance"}

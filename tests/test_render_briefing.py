"""The briefing layout, on a hand-built week with fictional people: order, sides, who moved, quiet weeks."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
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
from briefings.render import Action, Heading, Quote, briefing_doc, detail_doc, doc_text, to_plain_text, to_terminal
from briefings.render.briefing import EMPTY_NOTE, QUIET_NOTE
from briefings.render.words import clean_quote, cut, date_range, day, headline
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


def test_digest_gives_each_debate_its_question_sides_quote_and_source_in_order() -> None:
    text = to_plain_text(briefing_doc(BRIEFING), width=200)
    assert text.index("Who moved") < text.index("1. Should the old bridge reopen?") < text.index(
        "2. Is the fuel tax fair?")
    assert "• Reopen now: Anna Vesna" in text and "• Keep it closed: Ivan Brod" in text
    assert "“We cannot wait & see.”" in text and "— Anna Vesna, 17 Nov" in text
    assert "Source: Weekly Review, 19 Nov and 1 more" in text  # the newest source, and how many more
    assert "transport minister" not in text and "Key numbers" not in text  # the detail view holds those


def test_digest_buttons_carry_the_week_and_the_debate_number() -> None:
    doc = briefing_doc(BRIEFING)
    assert doc.actions == ((Action("More on 1", "/story 2025-W47 1"), Action("More on 2", "/story 2025-W47 2")),)
    many = Briefing(WEEK, "B", [Debate(f"Is {n} enough?", 1, [], title=f"T{n}") for n in range(30)])
    rows = briefing_doc(many).actions
    assert all(len(row) <= 4 for row in rows) and sum(map(len, rows)) == 24
    assert all(len(b.action.encode()) <= 64 for row in rows for b in row)  # Telegram's callback_data limit
    assert "/story 25" in doc_text(briefing_doc(many))  # beyond the buttons, the command says how


def test_who_moved_is_one_line_each_from_to_in_side_names_dated() -> None:
    text = to_plain_text(briefing_doc(BRIEFING), width=200)
    assert "• Olga Rysk: Keep it closed → Reopen now (17 Nov)" in text


def test_detail_shows_every_figure_with_role_stance_quote_and_source() -> None:
    text = to_plain_text(detail_doc(BRIEFING, 1), width=200)
    assert text.startswith("1. Should the old bridge reopen?")
    reopen, closed = text.index("Reopen now: Trade needs the crossing."), text.index("Keep it closed")
    anna = text.index("Anna Vesna, transport minister — wants the bridge reopened by spring")
    assert reopen < anna < closed
    assert "“We cannot wait & see.”" in text
    assert "— Minsk Daily: bridge talks <stall> <https://example.org/daily?id=1&p=2>, 17 Nov" in text
    assert "Ivan Brod — says the bridge is unsafe (Weekly Review, 19 Nov)" in text
    assert text.index("Key numbers") < text.index("Sources")
    assert "40% — of freight used the bridge (Minsk Daily: bridge talks <stall>, 17 Nov)" in doc_text(
        detail_doc(BRIEFING, 1))


def test_detail_shows_moves_of_the_debate_with_both_positions() -> None:
    olga = FigurePosition(3, "Olga Rysk", "deputy", "backs a spring reopening", "Time to open it.", DAILY)
    bridge = Debate("Should the old bridge reopen?", 2, [DebateSide("Reopen now", None, [ANNA, olga])])
    text = to_plain_text(detail_doc(Briefing(WEEK, "B", [bridge], [MOVE]), 1), width=200)
    moved = text[text.index("Who moved") :]
    assert "Olga Rysk, deputy: Keep it closed → Reopen now" in moved
    assert "Before (3 Oct): Keep it closed — opposed reopening. “Never while it is unsafe.” · Archive piece" in moved
    assert "Now (17 Nov): Reopen now — backs a spring reopening. “Time to open it.” · Minsk Daily" in moved
    assert "<https://example.org/old>" in moved


def test_no_role_said_twice_in_a_line() -> None:
    lawyer = FigurePosition(6, "Anastasiya Barysevich", "The Pravo Centre's lawyer",
                            "The Pravo Centre's lawyer, Anastasiya Barysevich, said she hoped for more.", None, DAILY)
    week = Briefing(WEEK, "B", [Debate("Q?", 1, [DebateSide("S", None, [lawyer])])])
    text = doc_text(detail_doc(week, 1))
    assert text.count("The Pravo Centre's lawyer") == 1
    assert "Anastasiya Barysevich — The Pravo Centre's lawyer, Anastasiya Barysevich, said" in text


def test_a_quote_the_stance_already_gives_is_not_repeated() -> None:
    said = FigurePosition(7, "Yauhen Kavalchuk", None, "“We should listen to him,” said Yauhen Kavalchuk.",
                          "We should listen to him,", REVIEW)
    week = Briefing(WEEK, "B", [Debate("Q?", 1, [DebateSide("S", None, [said])])])
    assert doc_text(detail_doc(week, 1)).count("We should listen to him") == 1


def test_quotes_are_in_quotation_marks_once() -> None:
    figure = FigurePosition(4, "Nina", None, None, "“Already quoted.”", REVIEW)
    week = Briefing(WEEK, "B", [Debate("Q?", 1, [DebateSide("S", None, [figure, ANNA])])])
    quotes = [b.text for b in detail_doc(week, 1).blocks if isinstance(b, Quote)]
    assert quotes == ["“Already quoted.”", "“We cannot wait & see.”"]


@pytest.mark.parametrize(("raw", "limit", "shown"), [
    ("Start with the people who are dying. Argue about the rest later,", 200,
     "Start with the people who are dying. Argue about the rest later."),
    ("the cheap part,", 200, "the cheap part…"),
    ("One. Two is a longer sentence that will not fit in the limit at all.", 30, "One. Two is a longer…"),
    ("First sentence is here. Second sentence runs well past the limit given.", 40, "First sentence is here."),
    ("no sentence end in sight for a long long while", 20, "no sentence end in…"),
], ids=["comma-before-attribution", "fragment", "short-head", "whole-sentence", "word-cut"])
def test_quotes_end_as_a_sentence_or_with_an_ellipsis(raw: str, limit: int, shown: str) -> None:
    assert clean_quote(raw, limit) == shown


def test_headline_is_a_real_question_or_the_title() -> None:
    assert headline(Debate("Should the old bridge reopen?", 1, [], title="Bridge")) == "Should the old bridge reopen?"
    assert headline(Debate("The argument over how to deal with Vasil Dubrouski?", 1, [],
                           title="Dubrouski pardons three")) == "Dubrouski pardons three"
    assert headline(Debate("Bridge talks stall", 1, [])) == "Bridge talks stall"


def test_dates_are_the_readers_own_day() -> None:
    vote = Source("Vote", None, datetime(2026, 11, 25, 3, 15, tzinfo=UTC))  # 22:15 on the 24th in New York
    debate = Debate("Q?", 1, [DebateSide("S", None, [FigurePosition(1, "A", None, None, None, vote)])],
                    sources=[vote])
    new_york = Briefing(IsoWeek(2026, 48), "B", [debate], tz=ZoneInfo("America/New_York"))
    minsk = Briefing(IsoWeek(2026, 48), "B", [debate], tz=ZoneInfo("Europe/Minsk"))
    assert "Vote, 24 Nov" in doc_text(detail_doc(new_york, 1))
    assert "Vote, 25 Nov" in doc_text(detail_doc(minsk, 1))


def test_long_names_are_cut_to_a_line() -> None:
    assert cut("x " * 100, 20) == "x x x x x x x x x x…"
    assert len(cut("Averyveryverylongnamewithoutanyspacesatallanywhere" * 3)) <= 60


def test_a_quiet_week_still_says_something() -> None:
    quiet = Briefing(WEEK, "Stance briefing", sources=[REVIEW])
    assert quiet.quiet
    text = doc_text(briefing_doc(quiet))
    assert text.startswith("Stance briefing · 2025-W47 (17–23 Nov 2025)")
    assert QUIET_NOTE in text and "1 story read this week." in text
    assert "Sources" not in text and "Key numbers" not in text and "briefing-bot ingest" in text
    assert render.to_telegram_html(briefing_doc(quiet)) and render.to_slack_messages(briefing_doc(quiet))


def test_an_empty_database_says_how_to_fill_it() -> None:
    text = doc_text(briefing_doc(Briefing(WEEK, "B", nothing_stored=True)))
    assert EMPTY_NOTE in text and "/addfeed URL" in text and "/subscribe" in text


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
    for number in range(1, len(briefing.debates) + 1):
        detail = detail_doc(briefing, number)
        assert_carries(detail, to_plain_text(detail, width=120))


def test_public_names_are_exported() -> None:
    public = {name for name in vars(render) if not name.startswith("_")}
    modules = {"briefing", "detail", "doc", "markdown", "slack", "telegram", "terminal", "words", "annotations"}
    assert set(render.__all__) == public - modules - {"stance"}

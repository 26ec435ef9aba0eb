"""Roles, sides, question and numbers on small stories written for these tests (fictional people)."""

from __future__ import annotations

from briefings.framing import frame_text

DEBATE = """\
Harbour town split over whether to sell the old ferry pier

Should the town sell the old ferry pier to a hotel developer, or keep it as a public landing?

Mayor Lena Sorensen backs the sale. "The pier costs us 400,000 kroner a year and it is falling \
into the sea," Sorensen said.

Her deputy, Jakob Holm, agrees. He argues that the money would pay for a new school roof.

But Frida Aalto, who heads the fishermen's association, opposes the sale. "Sell the pier and you \
sell the last place where our boats can land," she said.

Nils Berg, a retired harbour master, also opposes the sale. He warned that the town would never get the pier back.

Karin Dahl, an economist at the regional university, said both camps were overstating their \
numbers. "Nobody has priced a repair," the economist said.
"""


def test_roles_come_from_titles_and_appositives() -> None:
    frame = frame_text(DEBATE)
    roles = {f.name: f.role or "" for f in frame.figures}
    assert "Mayor" in roles["Lena Sorensen"]
    assert "deputy" in roles["Jakob Holm"]
    assert "fishermen's association" in roles["Frida Aalto"]
    assert "economist" in roles["Karin Dahl"]


def test_sides_follow_alliance_and_contrast() -> None:
    frame = frame_text(DEBATE)
    side = {f.name: f.side for f in frame.figures}
    assert side["Lena Sorensen"] == side["Jakob Holm"]
    assert side["Frida Aalto"] == side["Nils Berg"]
    assert side["Lena Sorensen"] != side["Frida Aalto"]
    assert side["Karin Dahl"] == "observer"
    assert {s.label for s in frame.sides} >= {"observer"}
    assert all(f.evidence or f.side is None for f in frame.figures if f.side != "observer")


def test_question_and_title() -> None:
    frame = frame_text(DEBATE)
    assert frame.title == "Harbour town split over whether to sell the old ferry pier"
    assert frame.question is not None and frame.question.startswith("Should the town sell")


def test_numbers_skip_years_and_keep_context() -> None:
    frame = frame_text("In 2024 the council spent 1,250,000 euros on 37 new buses, up 12 percent.")
    values = [n.value for n in frame.numbers]
    assert "2024" not in values
    assert values[:3] == ["1,250,000", "37", "12 percent"]
    assert all(n.context for n in frame.numbers)


def test_stance_is_a_sentence_of_the_story() -> None:
    frame = frame_text(DEBATE)
    aalto = frame.figure("Frida Aalto")
    assert aalto is not None and aalto.stance is not None
    assert aalto.stance in DEBATE


def test_report_without_debate_has_no_question() -> None:
    frame = frame_text("A storm closed the coastal road on Sunday. Crews reopened one lane by evening.")
    assert frame.question is None
    assert frame.figures == []


def test_framing_is_deterministic() -> None:
    assert frame_text(DEBATE) == frame_text(DEBATE)


def test_plural_role_before_a_list_applies_to_each_name() -> None:
    frame = frame_text(
        "The proposal is backed by former council members Ada Whitcombe, Rolf Engstrom, and Mira Castellanos, "
        "who signed a joint letter."
    )
    roles = {f.name: f.role or "" for f in frame.figures}
    assert "council member" in roles["Rolf Engstrom"]
    assert "council member" in roles["Mira Castellanos"]


def test_author_note_at_the_end_is_no_figure() -> None:
    body = "\n\n".join(f"Paragraph {n} of the story about the harbour." for n in range(8))
    text = (f'{body}\n\n"We will rebuild," said harbour master Ivo Kranjc.\n\nLena Brandt\n\n'
            "Lena Brandt is a freelance reporter who covers the coast for several newspapers.")
    assert [f.name for f in frame_text(text).figures] == ["Ivo Kranjc"]


def test_whether_question_keeps_abbreviations_and_drops_the_appositive() -> None:
    frame = frame_text(
        "Council to vote on truck ban\n\n"
        "The council will decide whether to ban trucks between 10 p.m. and 6 a.m. in the old town, "
        "a proposal that residents say is overdue.\n"
    )
    assert frame.question == "Whether to ban trucks between 10 p.m. and 6 a.m. in the old town?"

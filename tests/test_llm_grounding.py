"""The LLM backend's checks: answers read as frames, invented content dropped, gaps filled from extractive."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefings.framing.extractive import frame_text
from briefings.framing.llm.answer import read_answer
from briefings.framing.llm.client import Completion, Usage
from briefings.framing.llm.errors import LLMBadAnswer, LLMRefused
from briefings.framing.llm.grounding import StoryText, ground, normalise
from briefings.framing.llm.merge import merge
from briefings.framing.model import FigureFrame, Number, Quote, StanceFrame

DATA = Path(__file__).parent / "data" / "llm"
STORY = (DATA / "harbour-bridge.txt").read_text()
GOOD = json.loads((DATA / "harbour-bridge.frame.json").read_text())


def completion(content: str | None, *, refusal: str | None = None, finish: str = "stop") -> Completion:
    return Completion(content=content, refusal=refusal, finish_reason=finish, usage=Usage(10, 5), mode="json_schema")


def test_normalise_folds_marks_dashes_ellipses_space_and_case() -> None:
    assert normalise("“A  bridge”\n— it’s…") == normalise('"a bridge" - it\'s...')


@pytest.mark.parametrize(
    ("passage", "found"),
    [
        ("cannot wait another decade", True),
        ("Cannot  wait another decade.", True),
        ("“A bridge would cut the old quarter in two,”", True),
        ("A bridge would cut ... in two", True),
        ("A bridge would cut… the old quarter", True),
        ("A bridge would ruin the old quarter", False),
        ("in two ... A bridge would cut", False),
        ("", False),
        ("...", False),
    ],
    ids=["exact", "case-space-stop", "curly-marks", "elision", "unicode-ellipsis", "invented", "out-of-order",
         "empty", "only-ellipsis"],
)
def test_passages_are_found_despite_copying_differences(passage: str, found: bool) -> None:
    assert (StoryText(STORY).find(passage) is not None) is found


@pytest.mark.parametrize(
    ("name", "named"),
    [("Marta Velnik", True), ("Councillor Marta Velnik", True), ("M. Velnik", True), ("Tomas Orrin", True),
     ("Anna Orrin", False), ("Ilse Brandt-Kohl", False), ("", False)],
)
def test_a_figure_counts_as_named_when_every_name_word_is_in_the_story(name: str, named: bool) -> None:
    assert StoryText(STORY).names(name) is named


def test_read_answer_validates_with_the_frame_model() -> None:
    frame = read_answer(completion(json.dumps(GOOD)))
    assert isinstance(frame, StanceFrame) and frame.figures[0].name == "Marta Velnik"


def test_read_answer_repairs_fences_unknown_keys_and_nulls() -> None:
    answer = dict(GOOD, confidence=0.9, numbers=None,
                  figures=[dict(GOOD["figures"][0], evidence=None, rank=1)], quotes=["cannot wait another decade"])
    frame = read_answer(completion("Here you are:\n```json\n" + json.dumps(answer) + "\n```"))
    assert frame.numbers == [] and frame.figures[0].evidence == []
    assert frame.quotes == [Quote(text="cannot wait another decade", speaker=None)]


@pytest.mark.parametrize(
    ("content", "refusal", "finish", "error", "words"),
    [
        (None, "I can't help with that.", "stop", LLMRefused, "refused"),
        ("", None, "stop", LLMRefused, "nothing"),
        ("{}", None, "content_filter", LLMRefused, "content filter"),
        ("not json at all", None, "stop", LLMBadAnswer, "not a JSON object"),
        ('{"question": "Why?", "figures": [', None, "length", LLMBadAnswer, "cut off"),
        ('{"question": "Why?", "figures": "everyone"}', None, "stop", LLMBadAnswer, "figures"),
        ('["a list"]', None, "stop", LLMBadAnswer, "not a JSON object"),
    ],
    ids=["refusal", "empty", "filtered", "prose", "truncated", "schema-mismatch", "array"],
)
def test_unusable_answers_say_why(content: str | None, refusal: str | None, finish: str,
                                  error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        read_answer(completion(content, refusal=refusal, finish=finish))


def test_ground_drops_invented_figures_quotes_evidence_and_numbers() -> None:
    frame = StanceFrame.model_validate(GOOD).model_copy(update={
        "figures": [
            FigureFrame(name="Marta Velnik", side="bridge", quotes=["cannot wait another decade", "We will sue"],
                        evidence=["The ferry sank last year."]),
            FigureFrame(name="Anna Kessler", side="ferry", quotes=["Traffic will double"]),
        ],
        "quotes": [Quote(text="Traffic will double", speaker="Anna Kessler"),
                   Quote(text="cannot wait another decade", speaker="Anna Kessler")],
        "numbers": [Number(value="42 million"), Number(value="7 billion")],
    })
    grounded = ground(frame, StoryText(STORY))
    assert [f.name for f in grounded.frame.figures] == ["Marta Velnik"]
    assert grounded.frame.figures[0].quotes == ["cannot wait another decade"]
    assert grounded.frame.figures[0].evidence == []
    assert grounded.frame.quotes == [Quote(text="cannot wait another decade", speaker=None)]
    assert [n.value for n in grounded.frame.numbers] == ["42 million"]
    report = " | ".join(grounded.dropped)
    for invented in ("Anna Kessler", "We will sue", "The ferry sank", "Traffic will double", "7 billion"):
        assert invented in report


def test_ground_lists_a_side_a_figure_uses_and_strips_copied_quote_marks() -> None:
    frame = StanceFrame(figures=[FigureFrame(name="Tomas Orrin", side="ferry")],
                        quotes=[Quote(text="“A bridge would cut the old quarter in two,”", speaker="Orrin")])
    grounded = ground(frame, StoryText(STORY)).frame
    assert [s.label for s in grounded.sides] == ["ferry"]
    assert grounded.quotes == [Quote(text="A bridge would cut the old quarter in two,", speaker="Tomas Orrin")]


def test_merge_fills_the_models_gaps_from_the_extractive_frame() -> None:
    story = StoryText(STORY)
    model = ground(StanceFrame.model_validate(GOOD), story).frame
    merged = merge(model, frame_text(STORY), story=story)
    assert merged.question == GOOD["question"]
    assert [s.label for s in merged.sides] == ["bridge", "ferry"]
    orrin = merged.figure("Tomas Orrin")
    assert orrin is not None and orrin.side == "ferry"
    assert orrin.role and "engineer" in orrin.role  # the model left the role out
    assert orrin.quotes  # and his quote
    brandt = merged.figure("Ilse Brandt")
    assert brandt is not None and brandt.side is None  # the model skipped her; extractive named her
    speakers = {q.text: q.speaker for q in merged.quotes}
    assert speakers["A bridge would cut the old quarter in two"] == "Tomas Orrin"
    assert len(merged.quotes) == 2  # the extractive copy of the same quote is not added again
    assert {n.value for n in merged.numbers} == {"42 million", "3,000"}
    assert [f.side is None for f in merged.figures] == sorted(f.side is None for f in merged.figures)


def test_merge_takes_extractive_sides_when_the_model_gave_none() -> None:
    story = StoryText(STORY)
    extractive = frame_text(STORY)
    merged = merge(StanceFrame(question="Bridge or ferry?"), extractive, story=story)
    assert merged.sides == extractive.sides
    assert {f.name: f.side for f in merged.figures} == {f.name: f.side for f in extractive.figures}

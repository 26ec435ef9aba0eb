"""Fill the gaps of a model's frame from the extractive frame of the same story.

The model is better at the question, the sides and the stance sentences; the
extractive backend is exhaustive about who is named and who said which
quotation. So the model's frame leads and the extractive one fills in: roles,
stances, quotes and evidence a figure lacks, speakers the model left null,
quotations and figures it skipped, numbers it did not list, and the sides when
it gave none. An extractive side label is carried over only when it names one
of the merged frame's sides, since the two backends label sides differently.
"""

from __future__ import annotations

from briefings.framing.llm.grounding import StoryText, normalise, speaker_among
from briefings.framing.model import FigureFrame, Number, Quote, StanceFrame
from briefings.framing.names import same_person


def _twin(name: str, figures: list[FigureFrame]) -> FigureFrame | None:
    return next((f for f in figures if f.name == name), None) or next(
        (f for f in figures if same_person(name, f.name)), None)


def _merge_figures(primary: StanceFrame, fallback: StanceFrame, labels: set[str]) -> list[FigureFrame]:
    figures: list[FigureFrame] = []
    for figure in primary.figures:
        twin = _twin(figure.name, fallback.figures)
        if twin is not None:
            side = figure.side or (twin.side if twin.side in labels else None)
            figure = figure.model_copy(update={
                "role": figure.role or twin.role, "side": side, "stance": figure.stance or twin.stance,
                "quotes": figure.quotes or twin.quotes, "evidence": figure.evidence or twin.evidence,
            })
        figures.append(figure)
    for twin in fallback.figures:
        if _twin(twin.name, primary.figures) is None:
            figures.append(twin.model_copy(update={"side": twin.side if twin.side in labels else None}))
    # stance holders first, as the schema asks; otherwise the order of the model, then of the story
    return sorted(figures, key=lambda f: f.side is None)


def _overlaps(a: str, b: str) -> bool:
    na, nb = normalise(a).strip(' ".,'), normalise(b).strip(' ".,')
    return bool(na and nb) and (na in nb or nb in na)


def _merge_quotes(primary: StanceFrame, fallback: StanceFrame, names: list[str], story: StoryText) -> list[Quote]:
    quotes = list(primary.quotes)
    for quote in fallback.quotes:
        speaker = speaker_among(quote.speaker, names)
        match = next((i for i, q in enumerate(quotes) if _overlaps(q.text, quote.text)), None)
        if match is None:
            quotes.append(quote.model_copy(update={"speaker": speaker}))
        elif quotes[match].speaker is None and speaker is not None:
            quotes[match] = quotes[match].model_copy(update={"speaker": speaker})
    positions = {id(q): story.find(q.text) for q in quotes}
    return sorted(quotes, key=lambda q: (positions[id(q)] is None, positions[id(q)] or 0))


def merge(primary: StanceFrame, fallback: StanceFrame, *, story: StoryText) -> StanceFrame:
    """`primary` (grounded model frame) with its gaps filled from `fallback` (the extractive frame)."""
    sides = list(primary.sides) or list(fallback.sides)
    labels = {s.label for s in sides}
    figures = _merge_figures(primary, fallback, labels)
    names = [f.name for f in figures]
    quotes = _merge_quotes(primary, fallback, names, story)
    figures = [
        f if f.quotes else f.model_copy(update={"quotes": [q.text for q in quotes if q.speaker == f.name]})
        for f in figures
    ]
    seen = {normalise(n.value) for n in primary.numbers}
    numbers: list[Number] = list(primary.numbers) + [n for n in fallback.numbers if normalise(n.value) not in seen]
    return StanceFrame(
        title=primary.title or fallback.title,
        question=primary.question or fallback.question,
        sides=sides,
        figures=figures,
        quotes=quotes,
        numbers=numbers,
    )

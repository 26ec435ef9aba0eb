"""Keep only what the story says: quotes that occur in it, people it names, numbers it gives.

A model can invent a quotation or a person that reads perfectly well, and a
briefing that puts invented words in a politician's mouth is worse than no
briefing. So every quote and evidence sentence must occur in the story, and
every figure's name words must appear in it, after normalising what models
change when they copy: whitespace, curly and straight quote marks, dashes,
ellipses, case. What fails is dropped and reported, never guessed at.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from briefings.framing.folding import fold
from briefings.framing.model import FigureFrame, Number, Quote, Side, StanceFrame
from briefings.framing.names import name_tokens, same_person

_MARKS = str.maketrans({c: '"' for c in "\"'‘’‚‛“”„‟«»‹›′″`´"})
_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−"})
_OPENING = "\"'‘‚“„«‹"
_CLOSING = "\"'’‛”‟»›"
_EDGES = " \"'.,;:!?-"
_WORD = re.compile(r"[^\W\d_]+")
MIN_QUOTE_CHARS = 2


def normalise(text: str) -> str:
    """Text as compared: NFKC, one kind of quote mark and dash, `...` for an ellipsis, single spaces, casefolded."""
    text = unicodedata.normalize("NFKC", text).translate(_MARKS).translate(_DASHES)
    return " ".join(text.split()).casefold()


@dataclass
class StoryText:
    """A story prepared for the checks: its normalised text and the folded words it contains."""

    text: str
    normal: str = field(init=False)
    words: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        self.normal = normalise(self.text)
        self.words = frozenset(_WORD.findall(fold(self.text)))

    def find(self, passage: str) -> int | None:
        """Where `passage` occurs (its pieces in order, when it has `...` elisions), or None."""
        pieces = [p.strip(_EDGES) for p in normalise(passage).split("...")]
        pieces = [p for p in pieces if p]
        if not pieces or sum(len(p) for p in pieces) < MIN_QUOTE_CHARS:
            return None
        start = found = self.normal.find(pieces[0])
        if found < 0:
            return None
        for piece in pieces[1:]:
            found = self.normal.find(piece, found + 1)
            if found < 0:
                return None
        return start

    def names(self, name: str) -> bool:
        """Whether every word of `name` (titles aside, initials aside) appears in the story."""
        words = [w for token in name_tokens(name) for w in _WORD.findall(fold(token)) if len(w) > 1]
        return bool(words) and all(w in self.words for w in words)


@dataclass(frozen=True)
class Grounded:
    """A frame cut down to what the story supports, and a line for each thing dropped."""

    frame: StanceFrame
    dropped: list[str]


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def ground(frame: StanceFrame, story: StoryText) -> Grounded:
    """Drop invented figures, quotes, evidence and numbers; add any side a figure names but `sides` lacks."""
    dropped: list[str] = []
    figures: list[FigureFrame] = []
    for figure in frame.figures:
        if not story.names(figure.name):
            dropped.append(f"figure {figure.name!r} (not named in the story)")
            continue
        said = [q for q in figure.quotes if story.find(q) is not None]
        evidence = [e for e in figure.evidence if story.find(e) is not None]
        dropped += [f"quote {_short(q)!r} of {figure.name} (not in the story)" for q in figure.quotes
                    if q not in said]
        dropped += [f"evidence {_short(e)!r} for {figure.name} (not in the story)" for e in figure.evidence
                    if e not in evidence]
        figures.append(figure.model_copy(update={"quotes": [unquote(q) for q in said], "evidence": evidence}))
    names = [f.name for f in figures]
    quotes: list[Quote] = []
    for quote in frame.quotes:
        if story.find(quote.text) is None:
            dropped.append(f"quote {_short(quote.text)!r} (not in the story)")
            continue
        speaker = speaker_among(quote.speaker, names)
        if quote.speaker and speaker is None:
            dropped.append(f"speaker {quote.speaker!r} of quote {_short(quote.text)!r} (no such figure)")
        quotes.append(quote.model_copy(update={"text": unquote(quote.text), "speaker": speaker}))
    numbers: list[Number] = []
    for number in frame.numbers:
        if normalise(number.value).strip(_EDGES) in story.normal:
            numbers.append(number)
        else:
            dropped.append(f"number {number.value!r} (not in the story)")
    sides = list(frame.sides)
    labels = {s.label for s in sides}
    for figure in figures:
        if figure.side and figure.side not in labels:  # the model used a label it did not list: list it
            sides.append(Side(label=figure.side))
            labels.add(figure.side)
    grounded = frame.model_copy(update={"figures": figures, "quotes": quotes, "numbers": numbers, "sides": sides})
    return Grounded(frame=grounded, dropped=dropped)


def unquote(text: str) -> str:
    """A quotation without the marks around it (models copy them in although asked not to)."""
    text = text.strip()
    if len(text) > 2 and text[0] in _OPENING and text[-1] in _CLOSING:
        return text[1:-1].strip()
    return text


def speaker_among(speaker: str | None, names: list[str]) -> str | None:
    """The name in `names` that `speaker` denotes (exactly, or as another spelling), or None."""
    if not speaker:
        return None
    if speaker in names:
        return speaker
    return next((n for n in names if same_person(speaker, n)), None)

"""Choosing each quotation's speaker among the story's people: a fitted ranking model.

The attribution rules (`attribution.py`) read the constructions of news
writing and name one speaker, or nobody, per quotation. They are precise
where a construction is explicit (`..." Kavaleuski said`) and blind where it
is not: a quotation alone in its paragraph, a speaker named two sentences
later, a `he said` whose antecedent the rules missed. Real news is full of
those (PolNeAR's 567 training articles: about one quotation in five).

So every quotation's candidates (people named around it, the previous
quotation's speaker, the rules' pick) are scored by a linear model over a
few dozen features: which rule picked the candidate, how far the nearest
mention is and on which side, whether that mention is the subject of a
speech verb, whether the candidate spoke the previous quotation, how
salient the candidate is in the story. The quotation goes to the best
candidate. A rule that found an explicit non-person source (`the ministry
said`) keeps the quotation unattributed: no person said it.

The weights are numbers fitted on PolNeAR's training split by
`tools/fit_speaker_model.py` (a conditional logit, i.e. softmax over each
quotation's candidates, with L2); PolNeAR's dev split is never used for
fitting, so its score stays an honest estimate. Inference is a dot product.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from briefings.framing.cues import SPEECH_VERBS
from briefings.framing.document import Document
from briefings.framing.people import Mention, tokens
from briefings.framing.quotes import QuoteSpan

MODEL_FILE = Path(__file__).resolve().parent.parent / "data" / "speaker_model.json"
NOBODY = -1  # the rules found a non-person source: the quotation stays unattributed
RULES = ("after", "before", "later", "embedded", "continued", "next sentence", "colon", "previous paragraph")
WINDOW_BEFORE = 3  # candidates are people named this many paragraphs before the quotation's ...
WINDOW_AFTER = 1  # ... to this many after it
NEAR_CHARS = 400.0  # distances are read on this scale

FEATURES = (
    *(f"rule:{rule}" for rule in RULES),
    "previous speaker",
    "previous speaker, same paragraph",
    "named in sentence",
    "first named in sentence",
    "named in next sentence",
    "named in previous sentence",
    "named in paragraph",
    "named in previous paragraph",
    "named in next paragraph",
    "closeness before",
    "closeness after",
    "speech verb beside a mention nearby",
    "pronoun nearby of their gender",
    "named inside this quotation",
    "salience",
    "first person of the story",
    "strong person evidence",
    "one-word name",
    "named only inside quotations",
)


@dataclass(frozen=True)
class Candidate:
    """One possible speaker of one quotation, with its feature vector."""

    person: int
    features: tuple[float, ...]


@dataclass(frozen=True)
class SpeakerModel:
    """Fitted weights (in FEATURES order) and the rules whose pick the model never overrides.

    A rule is *trusted* when, on the training split, its own pick was right at
    least as often as the model's for the quotations it fired on: the model
    then only decides where the rules are weak or silent.
    """

    weights: tuple[float, ...]
    trusted_rules: frozenset[str]


@lru_cache(maxsize=1)
def model() -> SpeakerModel:
    """The shipped model (see tools/fit_speaker_model.py)."""
    data = json.loads(MODEL_FILE.read_text())
    table: dict[str, float] = data["weights"]
    return SpeakerModel(
        weights=tuple(float(table.get(name, 0.0)) for name in FEATURES),
        trusted_rules=frozenset(data.get("trusted_rules", [])),
    )


def score(features: Sequence[float], w: Sequence[float]) -> float:
    """The model's score of one candidate."""
    return sum(f * x for f, x in zip(features, w, strict=True))


class CandidateReader:
    """Builds the candidates of each quotation of one document.

    `rule_picks[n]` is what the rules gave quotation n: (person, rule), with
    person None (no rule fired) or NOBODY (a non-person source).
    """

    def __init__(self, doc: Document, rule_picks: Sequence[tuple[int | None, str]]) -> None:
        self.doc = doc
        self.rule_picks = rule_picks
        self.counts: dict[int, int] = {}
        self.unquoted_counts: dict[int, int] = {}
        for mention in doc.cast.mentions:
            self.counts[mention.person] = self.counts.get(mention.person, 0) + 1
            if not mention.quoted:
                self.unquoted_counts[mention.person] = self.unquoted_counts.get(mention.person, 0) + 1
        self.first_person = doc.cast.mentions[0].person if doc.cast.mentions else None
        self._speech_beside: dict[int, bool] = {}

    def _paragraph_span(self, index: int) -> tuple[int, int]:
        paragraphs = self.doc.paragraphs
        index = min(max(index, 0), len(paragraphs) - 1)
        return paragraphs[index].start, paragraphs[index].end

    def _names(self, start: int, end: int) -> list[Mention]:
        return self.doc.mentions_in(start, end) if end > start else []

    def _has_speech_verb(self, mention: Mention) -> bool:
        """Whether a speech verb stands within three words of this mention (either side)."""
        cached = self._speech_beside.get(mention.start)
        if cached is None:
            sentence = self.doc.sentence_at(mention.start)
            unquoted = self.doc.unquoted(sentence.start, sentence.end)
            words = tokens(unquoted, 0, len(unquoted))
            at = mention.start - sentence.start
            end = mention.end - sentence.start
            before = [w for w in words if w.end <= at][-3:]
            after = [w for w in words if w.start >= end][:3]
            cached = any(w.low in SPEECH_VERBS for w in (*before, *after))
            self._speech_beside[mention.start] = cached
        return cached

    def candidates(
        self, n: int, quote: QuoteSpan, previous: int | None, previous_same_paragraph: bool
    ) -> list[Candidate]:
        """The candidates of quotation n; `previous` is the speaker given to quotation n - 1."""
        doc = self.doc
        sentence = doc.sentence_at(quote.open_at)
        paragraph = sentence.paragraph
        window_start = self._paragraph_span(paragraph - WINDOW_BEFORE)[0]
        window_end = self._paragraph_span(paragraph + WINDOW_AFTER)[1]
        nearby = self._names(window_start, window_end)
        people = {m.person for m in nearby}
        rule_person, rule = self.rule_picks[n]
        if rule_person is not None and rule_person >= 0:
            people.add(rule_person)
        if previous is not None and previous >= 0:
            people.add(previous)
        if not people:
            return []
        para_start, para_end = self._paragraph_span(paragraph)
        prev_para = self._paragraph_span(paragraph - 1) if paragraph else (para_start, para_start)
        next_para = self._paragraph_span(paragraph + 1) if paragraph + 1 < len(doc.paragraphs) else (para_end, para_end)
        in_sentence = self._names(sentence.start, sentence.end)
        nxt = doc.sentences[sentence.index + 1] if sentence.index + 1 < len(doc.sentences) else None
        prv = doc.sentences[sentence.index - 1] if sentence.index else None
        in_next = self._names(nxt.start, nxt.end) if nxt and nxt.paragraph == paragraph else []
        in_prev = self._names(prv.start, prv.end) if prv and prv.paragraph == paragraph else []
        in_quote = {m.person for m in doc.mentions_in(quote.start, quote.end, quoted=True) if m.quoted}
        pronoun_gender = self._pronoun_gender(sentence.start, sentence.end)
        most = max(self.counts.values()) if self.counts else 1
        out: list[Candidate] = []
        for person in sorted(people):
            mine = [m for m in nearby if m.person == person]
            before = [m for m in mine if m.end <= quote.open_at]
            after = [m for m in mine if m.start >= quote.close_at]
            gap_before = quote.open_at - before[-1].end if before else None
            gap_after = after[0].start - quote.close_at if after else None
            close = [m for m in mine if min(abs(m.start - quote.open_at), abs(m.start - quote.close_at)) < NEAR_CHARS]
            cast_person = doc.cast.people[person]
            values = [1.0 if rule_person == person and rule == name else 0.0 for name in RULES]
            values += [
                float(previous == person),
                float(previous == person and previous_same_paragraph),
                float(any(m.person == person for m in in_sentence)),
                float(bool(in_sentence) and in_sentence[0].person == person),
                float(any(m.person == person for m in in_next)),
                float(any(m.person == person for m in in_prev)),
                float(any(para_start <= m.start < para_end for m in mine)),
                float(any(prev_para[0] <= m.start < prev_para[1] for m in mine)),
                float(any(next_para[0] <= m.start < next_para[1] for m in mine)),
                _closeness(gap_before),
                _closeness(gap_after),
                float(any(self._has_speech_verb(m) for m in close)),
                float(pronoun_gender is not None and cast_person.gender == pronoun_gender),
                float(person in in_quote),
                math.log1p(self.counts.get(person, 0)) / math.log1p(most),
                float(person == self.first_person),
                float(cast_person.strong),
                float(len(cast_person.keys) == 1),
                float(self.counts.get(person, 0) > 0 and not self.unquoted_counts.get(person)),
            ]
            out.append(Candidate(person, tuple(values)))
        return out

    def _pronoun_gender(self, start: int, end: int) -> str | None:
        """'m' or 'f' when the sentence outside its quotations has `he` or `she` (and not both)."""
        text = self.doc.unquoted(start, end)
        words = {w.low for w in tokens(text, 0, len(text))}
        if ("he" in words) == ("she" in words):
            return None
        return "m" if "he" in words else "f"


def _closeness(gap: int | None) -> float:
    """1 for a mention right beside the quotation, falling towards 0 with distance."""
    return 0.0 if gap is None else NEAR_CHARS / (NEAR_CHARS + max(gap, 0))


def choose(doc: Document, rule_picks: Sequence[tuple[int | None, str]]) -> list[int | None]:
    """Each quotation's speaker (a person ident, or None), read in order."""
    fitted = model()
    w = fitted.weights
    reader = CandidateReader(doc, rule_picks)
    out: list[int | None] = []
    previous: int | None = None
    previous_paragraph = -1
    for n, quote in enumerate(doc.quotes):
        paragraph = doc.sentence_at(quote.open_at).paragraph
        rule_person, rule = rule_picks[n]
        if rule_person == NOBODY or (rule_person is not None and rule in fitted.trusted_rules):
            speaker = None if rule_person == NOBODY else rule_person
            out.append(speaker)
            previous, previous_paragraph = speaker, paragraph
            continue
        found = reader.candidates(n, quote, previous, previous_paragraph == paragraph)
        best = max(found, key=lambda c: (score(c.features, w), -c.person), default=None)
        speaker = best.person if best is not None else None
        out.append(speaker)
        previous, previous_paragraph = speaker, paragraph
    return out

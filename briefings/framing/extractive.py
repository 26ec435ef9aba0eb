"""The extractive backend: one story's text in, its `StanceFrame` out.

Pure and deterministic: rules and word lists only, no network and no model,
so the same text always gives the same frame. The steps, in order:

    Document.read     normalise; paragraphs, quotations, sentences, people
    roles             titles and appositives around every mention
    Attributor        a speaker for every quotation
    find_question     the question from headline and lede
    place             stance holders, their relations, their sides
    find_numbers      key figures with their context

Figures list stance holders first, then the people only mentioned, each in
order of first mention.
"""

from __future__ import annotations

import logging
from bisect import bisect_left

from briefings.framing.article import Article
from briefings.framing.attribution import Attribution, Attributor
from briefings.framing.document import Document
from briefings.framing.model import FigureFrame, Quote, Side, StanceFrame
from briefings.framing.numbers import find_numbers
from briefings.framing.people import gender_of
from briefings.framing.question import find_question
from briefings.framing.roles import describe, role_description, role_occupation, roles_at
from briefings.framing.sides import Placement, place, stance_sentence

logger = logging.getLogger(__name__)

MAX_EVIDENCE = 3
MIN_QUOTE_CHARS = 2


def frame_text(text: str, *, title: str | None = None) -> StanceFrame:
    """Frame one story's plain text; `title` is its headline when known apart from the text."""
    doc = Document.read(text)
    read_roles(doc)
    attributor = Attributor(doc)
    attributions = attributor.run()
    title = title or _headline(doc)
    question = find_question(doc, title)
    placement = place(doc, attributions, attributor, question)
    return StanceFrame(
        title=title,
        question=question,
        sides=[Side(label=label, summary=placement.summaries.get(label)) for label in placement.labels],
        figures=_figures(doc, attributions, placement),
        quotes=[
            Quote(text=a.quote.text(doc.text), speaker=a.speaker.name if a.speaker else None)
            for a in attributions
            if len(a.quote.text(doc.text)) >= MIN_QUOTE_CHARS
        ],
        numbers=find_numbers(doc),
    )


def frame_article(article: Article) -> StanceFrame:
    """Frame a loaded article (see `load_article`)."""
    return frame_text(article.text, title=article.title)


def read_roles(doc: Document) -> None:
    """Attach the role phrases around every mention to its person."""
    for mention, run in zip(doc.cast.mentions, doc.runs, strict=True):
        sentence = doc.sentence_at(mention.start)
        person = doc.cast.people[mention.person]
        for role in roles_at(doc.text, (sentence.start, sentence.end), run):
            if role not in person.roles:
                person.roles.append(role)
    for mention, run in zip(doc.cast.mentions, doc.runs, strict=True):
        person = doc.cast.people[mention.person]
        if not person.roles and not mention.quoted:  # the first full mention, with no role anywhere else
            sentence = doc.sentence_at(mention.start)
            occupation = role_occupation(doc.text, run, sentence.end)
            if occupation:
                person.roles.append(occupation)
    _described_next(doc)
    for person in doc.cast.people:
        person.gender = person.gender or gender_of(person.name, "; ".join(person.roles))


def _described_next(doc: Document) -> None:
    """`X says she made up her mind. The potato farmer, who ...`: the next sentence describes the one person named."""
    starts = [m.start for m in doc.cast.mentions]
    for mention in doc.cast.mentions:
        person = doc.cast.people[mention.person]
        if person.roles or mention.quoted or mention.kind != "name":
            continue
        here = doc.sentence_at(mention.start)
        if here.index + 1 >= len(doc.sentences):
            continue
        after = doc.sentences[here.index + 1]
        if after.paragraph != here.paragraph and after.paragraph != here.paragraph + 1:
            continue
        opening = after.start + len(doc.text[after.start:after.end]) - len(doc.text[after.start:after.end].lstrip())
        role = role_description(doc.text, opening, after.end)
        around = doc.cast.mentions[bisect_left(starts, here.start):bisect_left(starts, opening + len(role or ""))]
        if role and not any(m.person != mention.person for m in around):  # someone else named: it may be theirs
            person.roles.append(role)


def _headline(doc: Document) -> str | None:
    """The first paragraph, when it reads as a headline (short, no closing full stop)."""
    if not doc.paragraphs:
        return None
    first = doc.paragraphs[0]
    text = doc.text[first.start:first.end].strip()
    if len(text) <= 200 and not text.endswith("."):
        return text
    return None


def _figures(doc: Document, attributions: list[Attribution], placement: Placement) -> list[FigureFrame]:
    first_seen: dict[int, int] = {}
    for mention in doc.cast.mentions:
        first_seen.setdefault(mention.person, mention.start)
    for a in attributions:
        if a.speaker is not None:
            first_seen.setdefault(a.speaker.ident, a.quote.open_at)
    holders = placement.holders
    said: dict[int, list[str]] = {}
    for a in attributions:
        if a.speaker is not None:
            said.setdefault(a.speaker.ident, []).append(a.quote.text(doc.text))
    order = sorted(first_seen, key=lambda i: (holders.get(i) is None or holders[i].side is None, first_seen[i]))
    out: list[FigureFrame] = []
    for ident in order:
        person = doc.cast.people[ident]
        holder = holders.get(ident)
        quotes = said.get(ident, [])
        evidence: list[str] = []
        if holder is not None:
            for index in [*holder.evidence, *holder.sentences]:
                text = doc.sentence_text(doc.sentences[index])
                if text not in evidence:
                    evidence.append(text)
        out.append(FigureFrame(
            name=person.name,
            role=describe(person.roles),
            side=holder.side if holder else None,
            stance=stance_sentence(doc, holder) if holder else None,
            quotes=quotes,
            evidence=evidence[:MAX_EVIDENCE] if holder and holder.side else [],
        ))
    return out

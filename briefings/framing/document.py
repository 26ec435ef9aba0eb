"""One article read once: text, paragraphs, sentences, quotations and people.

`Document.read` runs the cheap, order-dependent steps (normalise, split,
find quotations, then sentences that respect them, then people) and offers
the look-ups the later steps share: which sentence holds an offset, which
mentions fall in a span.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from briefings.framing.people import Cast, Mention, Run, find_people
from briefings.framing.quotes import QuoteSpan, find_quotes
from briefings.framing.text import Paragraph, Sentence, normalize, split_paragraphs, split_sentences

# Photo credits and captions name photographers, who are no figures of the story.
_CREDIT = re.compile(
    r"\((?:[^()\n]{0,80}?(?:/|Getty|Images|AFP|Reuters|AP Photo|Photo:|Photograph|Courtesy|via )"
    r"[^()\n]{0,80}?)\)?(?=\s*$|\s*\n)",
    re.MULTILINE,
)
_BOILERPLATE = re.compile(
    r"^(?:Article image|Avatar|Read more|Subscribe\b.*|Sign up\b.*|Advertisement|Share this.*|"
    r"contributing author|staff writer|\d+ min read)$",
    re.IGNORECASE,
)


# The author's note at the end of a story (`Jane Doe is a reporter at ...`), and the byline line before it.
_AUTHOR_BIO = re.compile(
    r"^(?:[A-Z][\w'’-]+\s){1,3}is (?:a|an|the)\b[^.]{0,160}\b(?:author|journalist|reporter|editor|correspondent|"
    r"writer|columnist|contributor|freelancer)\b"
)
_BYLINE = re.compile(r"^(?:By\s+)?(?:[A-Z][\w'’-]+\s?){2,3}$")


def _without_author_note(text: str, paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Drop an author's biography in the last quarter of the story, with the byline just before it."""
    tail = int(len(paragraphs) * 0.75)
    drop: set[int] = set()
    for n in range(tail, len(paragraphs)):
        para = paragraphs[n]
        if _AUTHOR_BIO.match(text[para.start:para.end]):
            drop.add(n)
            if n and _BYLINE.match(text[paragraphs[n - 1].start:paragraphs[n - 1].end]):
                drop.add(n - 1)
    return [p for n, p in enumerate(paragraphs) if n not in drop]


def _title_case(line: str) -> bool:
    """A headline in Title Case (`Obama Sees Personal Insult ...`), where capitals say nothing of names.

    Names in such a line are read where the story's body gives them; a line
    of body text never has most of its longer words capitalised.
    """
    if len(line) > 200 or "\n" in line.strip() or re.search(r"[a-z]{2}[.!?]\s+[A-Z]", line):
        return False  # two sentences are body text, however many names they hold
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def mask_credits(text: str) -> str:
    """Blank out photo credits such as `(Name/Agency via Getty Images)`, keeping offsets."""
    return _CREDIT.sub(lambda m: " " * len(m.group()), text)


@dataclass
class Document:
    """An article split into the parts the framing steps read."""

    text: str
    paragraphs: list[Paragraph]
    sentences: list[Sentence]
    quotes: list[QuoteSpan]
    cast: Cast
    runs: list[Run]

    @classmethod
    def read(cls, raw: str) -> Document:
        """Normalise and split `raw` text, find its quotations and its people."""
        text = mask_credits(normalize(raw))
        paragraphs = [p for p in split_paragraphs(text) if not _BOILERPLATE.match(text[p.start:p.end])]
        paragraphs = _without_author_note(text, paragraphs)
        paragraphs = [Paragraph(n, p.start, p.end) for n, p in enumerate(paragraphs)]
        quotes = find_quotes(text, paragraphs)
        segments = [s for q in quotes for s in q.segments]
        sentences = split_sentences(text, paragraphs, segments)
        headline = paragraphs[0] if paragraphs and _title_case(text[paragraphs[0].start:paragraphs[0].end]) else None
        spans = [(s.start, s.end) for s in sentences if headline is None or s.start >= headline.end]
        cast, runs = find_people(text, spans, segments)
        return cls(text, paragraphs, sentences, quotes, cast, runs)

    def __post_init__(self) -> None:
        self._sentence_starts = [s.start for s in self.sentences]
        self._mention_starts = [m.start for m in self.cast.mentions]
        self._quote_starts = [s for q in self.quotes for s, _ in q.segments]
        self._quote_ends = [e for q in self.quotes for _, e in q.segments]

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding `offset` (the nearest before it, between sentences)."""
        i = max(0, bisect_right(self._sentence_starts, offset) - 1)
        return self.sentences[i]

    def sentence_text(self, sentence: Sentence) -> str:
        """The words of one sentence."""
        return self.text[sentence.start:sentence.end].strip()

    def mentions_in(self, start: int, end: int, *, quoted: bool = False) -> list[Mention]:
        """Mentions of people starting in [start, end); quoted ones only when asked."""
        lo = bisect_left(self._mention_starts, start)
        hi = bisect_left(self._mention_starts, end)
        return [m for m in self.cast.mentions[lo:hi] if quoted or not m.quoted]

    def mention_at(self, offset: int) -> Mention | None:
        """The mention starting exactly at `offset`."""
        i = bisect_left(self._mention_starts, offset)
        if i < len(self.cast.mentions) and self.cast.mentions[i].start == offset:
            return self.cast.mentions[i]
        return None

    def is_quoted(self, offset: int) -> bool:
        """Whether `offset` falls inside a quotation."""
        i = bisect_right(self._quote_starts, offset) - 1
        return i >= 0 and offset < self._quote_ends[i]

    def unquoted(self, start: int, end: int) -> str:
        """text[start:end] with every quotation (and its marks) blanked out, offsets kept."""
        lo = bisect_right(self._quote_ends, start - 1)
        pieces: list[str] = []
        at = start
        for k in range(lo, len(self._quote_starts)):  # an index, not a slice: a slice copies the whole tail
            s, e = self._quote_starts[k], self._quote_ends[k]
            if s - 1 >= end:
                break
            s, e = max(s - 1, start), min(e + 1, end)
            if s > at:
                pieces.append(self.text[at:s])
            if e > max(s, at):
                pieces.append(" " * (e - max(s, at)))
            at = max(at, e)
        pieces.append(self.text[at:end])
        return "".join(pieces)

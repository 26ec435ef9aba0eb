"""Direct quotations: where they open and close, across marks and paragraphs.

Quotation marks come curly (“ ”, „ “, « »), straight ("), or single (‘ ’, ')
for headlines and British style. A straight mark's direction is read from its
neighbours: a space before and a letter after opens, the reverse closes.
Marks of another family inside an open quotation are nested quotes and stay
part of its text.

News convention for a quotation over several paragraphs: every paragraph
opens with a mark and only the last one closes. So a quotation still open at a
paragraph's end continues when the next paragraph opens with the same family of
mark, and otherwise ends there (a missing closing mark). An unclosed single
mark is an apostrophe (`’90s`), never a quotation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefings.framing.text import Paragraph

CURLY_OPEN = "“„«"
CURLY_CLOSE = "”»"
SINGLE_OPEN = "‘‚"
_MARKS = re.compile(r"[“”„«»\"‘’'‚]")
_OPEN_BEFORE = "([{—–-/"
_CLOSE_AFTER = ".,;:!?)]}—–-/…"


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One quotation; `segments` are its content spans, one per paragraph it covers."""

    segments: tuple[tuple[int, int], ...]
    open_at: int
    close_at: int
    single: bool = False

    @property
    def start(self) -> int:
        """Offset of the first character inside the marks."""
        return self.segments[0][0]

    @property
    def end(self) -> int:
        """Offset of the closing mark (or of the paragraph end when it is missing)."""
        return self.segments[-1][1]

    def text(self, source: str) -> str:
        """The quoted words, paragraphs joined by a space, outer marks removed."""
        parts = (source[s:e].strip() for s, e in self.segments)
        return re.sub(r"\s+", " ", " ".join(p for p in parts if p)).strip()

    def words(self, source: str) -> int:
        """How many words the quotation has."""
        return len(self.text(source).split())


def _family(mark: str) -> str:
    if mark in CURLY_OPEN or mark in CURLY_CLOSE:
        return "curly"
    if mark == '"':
        return "straight"
    return "single"


def _opens(text: str, pos: int, start: int, end: int) -> bool:
    """Whether an ambiguous mark at `pos` reads as opening (space before, word after)."""
    before = text[pos - 1] if pos > start else " "
    after = text[pos + 1] if pos + 1 < end else " "
    return (before.isspace() or before in _OPEN_BEFORE or before in "“‘\"'") and not after.isspace()


def _closes(text: str, pos: int, start: int, end: int) -> bool:
    """Whether an ambiguous mark at `pos` reads as closing (word before, space or stop after)."""
    before = text[pos - 1] if pos > start else " "
    after = text[pos + 1] if pos + 1 < end else " "
    if before.isalnum() and after.isalnum():
        return False  # an apostrophe: it's, O'Brien
    return not before.isspace() and (after.isspace() or after in _CLOSE_AFTER or after in "”’\"'")


def _mixed_close(text: str, pos: int, para: Paragraph, proper: str) -> bool:
    """Whether a mark of the other family closes the open quotation (no proper closer follows)."""
    return _closes(text, pos, para.start, para.end) and text.find(proper, pos, para.end) < 0


def _first_mark(text: str, para: Paragraph) -> str:
    return text[para.start] if para.start < para.end else ""


def find_quotes(text: str, paragraphs: Sequence[Paragraph]) -> list[QuoteSpan]:
    """Every quotation of the text, in order of appearance."""
    out: list[QuoteSpan] = []
    family = ""  # family of the open quotation, "" when none is open
    depth = 0
    open_at = content = 0
    segments: list[tuple[int, int]] = []
    for n, para in enumerate(paragraphs):
        for match in _MARKS.finditer(text, para.start, para.end):
            pos, mark = match.start(), match.group()
            if family and pos < content:
                continue  # the opening mark of a continued paragraph
            if not family and mark in CURLY_CLOSE and _opens(text, pos, para.start, para.end):
                mark = "“"  # a closing mark typed where an opening one belongs
            elif family == "curly" and mark in CURLY_OPEN and not depth and _closes(text, pos, para.start, para.end):
                mark = "”"
            if not family:
                if mark in CURLY_OPEN or mark in SINGLE_OPEN:
                    family = _family(mark)
                elif mark == '"' or (mark == "'" and _opens(text, pos, para.start, para.end)):
                    if mark == '"' and _closes(text, pos, para.start, para.end):
                        continue  # a stray closing mark
                    family = _family(mark)
                else:
                    continue
                open_at, content, depth, segments = pos, pos + 1, 0, []
                continue
            if family == "curly":
                if mark in CURLY_OPEN:
                    depth += 1
                    continue
                if mark == '"' and not depth and _mixed_close(text, pos, para, "”"):
                    mark = "”"  # `“...,"`: the closing mark typed straight
                if mark not in CURLY_CLOSE:
                    continue
                if depth:
                    depth -= 1
                    continue
            elif family == "straight":
                if mark == "”" and _mixed_close(text, pos, para, '"'):
                    mark = '"'
                if mark != '"':
                    continue
            elif mark not in "’'" or not _closes(text, pos, para.start, para.end):
                continue
            segments.append((content, pos))
            out.append(QuoteSpan(tuple(segments), open_at, pos + 1, single=family == "single"))
            family = ""
        if not family:
            continue
        if family == "single":
            family = ""  # an unclosed single mark was an apostrophe
            continue
        segments.append((content, para.end))
        following = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
        nxt = _first_mark(text, following) if following else ""
        if following and ((family == "curly" and nxt in CURLY_OPEN) or (family == "straight" and nxt == '"')):
            content = following.start + 1
            continue
        out.append(QuoteSpan(tuple(segments), open_at, para.end))
        family = ""
    return [q for q in out if q.text(text)]

"""The question a story debates, read from its headline and lede.

News states its question in a few recurring shapes, tried in this order over
the headline and the first paragraphs:

- a direct question: `... a particular question — should the West ...?`;
- `whether`: `torn on whether to reengage with X` -> `Whether to reengage with X?`;
- `debate over/about/on`: `the debate over rent caps` -> `The debate over rent caps?`.

None when the story poses no question (a plain report).
"""

from __future__ import annotations

import re

from briefings.framing.document import Document

LEDE_PARAGRAPHS = 6
MAX_QUESTION_WORDS = 70
_ASKS = re.compile(r"^(?:should|will|would|can|could|is|are|does|do|did|has|have|must|who|what|how|why|which)\b",
                   re.IGNORECASE)
# A full stop inside an abbreviation (`10 p.m. and 6 a.m.`) does not end the clause.
_WHETHER = re.compile(r"\bwhether\b((?:[^.?!;:—–]|\.(?=[a-z]|\s+[a-z])){8,300}?)"
                      r"(?=,\s+(?:a|an)\s+(?:proposal|plan|move|measure|decision|step|idea|question)\b|"
                      r"\.(?![a-z]|\s+[a-z])|[?!;:—–]|$)",
                      re.IGNORECASE)
# "Asked whether he would return, he said ..." reports an interview, not the story's question.
_REPORTED = re.compile(r"[\"“”]|\b(?:said|says|told|asked|added|replied)\b", re.IGNORECASE)
_DEBATE = re.compile(
    r"\b(?:debate|dispute|row|argument|fight|split|rift|controversy)\s+(?:over|about|on)\s+([^.?!;,]{6,200})",
    re.IGNORECASE,
)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,:;—–-\"“”'‘’")


def find_question(doc: Document, title: str | None) -> str | None:
    """One-sentence question of the story, or None."""
    chunks: list[str] = [title] if title else []
    for para in doc.paragraphs[:LEDE_PARAGRAPHS]:
        chunks.extend(doc.sentence_text(s) for s in doc.sentences if s.paragraph == para.index)
    for chunk in chunks:
        if chunk.rstrip().endswith("?") and not chunk.lstrip().startswith(("\"", "“", "'", "‘")):
            body = chunk.rstrip()
            for mark in (" — ", " – ", ": ", " -- "):
                if mark in body:
                    tail = body.rsplit(mark, 1)[1]
                    if _ASKS.match(tail):
                        body = tail
            body = _clean(body.rstrip("?"))
            if 3 <= len(body.split()) <= MAX_QUESTION_WORDS:
                return _capital(body) + "?"
    for pattern, lead in ((_WHETHER, "Whether"), (_DEBATE, "The")):
        for chunk in chunks:
            match = pattern.search(chunk)
            if match and not _REPORTED.search(match.group(0)) and not _REPORTED.search(chunk[:match.start()]):
                body = _clean(match.group(1) if lead == "Whether" else match.group(0))
                if len(body.split()) >= 3:
                    return _capital(f"{lead} {body}".strip()) + "?"
    return None

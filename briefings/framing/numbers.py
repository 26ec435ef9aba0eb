"""Key figures of a story: counts, sums and shares, each with its context.

Years, dates, times and clock readings are left out: they place events in
time but are not the figures a reader weighs (`1,100 political prisoners`,
`$185 million`, `25.4 percent`).
"""

from __future__ import annotations

import re

from briefings.framing.document import Document
from briefings.framing.model import Number

MAX_NUMBERS = 12
MAX_CONTEXT = 220
_NUMBER = re.compile(
    r"(?<![\w.,/-])(?:[$€£]\s?)?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:\s?(?:%|percent|per cent|million|billion|trillion))?"
    r"|(?<![\w.,/-])(?:[$€£]\s?)?\d+(?:\.\d+)?(?:\s?(?:%|percent|per cent|million|billion|trillion))?(?![\w/:-])"
)
_MONTHS = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+$|^\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
    r"Oct|Nov|Dec)[a-z]*\b", re.IGNORECASE,
)


def _is_year_or_date(text: str, match: re.Match[str]) -> bool:
    value = match.group()
    if re.fullmatch(r"(?:1[5-9]|20)\d\d", value):
        return True
    before = text[max(0, match.start() - 12):match.start()]
    after = text[match.end():match.end() + 12]
    return bool(re.fullmatch(r"\d{1,2}", value) and (_MONTHS.search(before) or _MONTHS.match(after)))


def find_numbers(doc: Document) -> list[Number]:
    """The story's figures in order of appearance, one per value, outside quotations."""
    out: list[Number] = []
    seen: set[str] = set()
    for sentence in doc.sentences:
        text = doc.text[sentence.start:sentence.end]
        for match in _NUMBER.finditer(text):
            value = match.group().strip()
            if value in seen or _is_year_or_date(text, match) or doc.is_quoted(sentence.start + match.start()):
                continue
            if value.isdigit() and int(value) < 2 and "%" not in value:
                continue
            seen.add(value)
            out.append(Number(value=value, context=_context(text, match.start(), match.end())))
            if len(out) >= MAX_NUMBERS:
                return out
    return out


def _context(text: str, start: int, end: int) -> str:
    """The clause around a number, at most MAX_CONTEXT characters."""
    left = max((text.rfind(c, 0, start) for c in ",;:—("), default=-1)
    right_hits = [i for i in (text.find(c, end) for c in ",;:—)") if i >= 0]
    right = min(right_hits) if right_hits else len(text)
    clause = text[left + 1:right].strip(" .")
    if len(clause.split()) < 4:
        clause = text.strip()
    return clause[:MAX_CONTEXT].strip()

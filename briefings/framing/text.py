"""Paragraphs and sentences of an article, as offsets into one normalised text.

Everything downstream (quotes, mentions, attribution) speaks in character
offsets into the text `normalize` returns, so normalisation never changes
lengths after it has run once, and splitting never copies text.

Sentences are split by rules rather than a model: a full stop ends a
sentence unless it follows an abbreviation (`Sen.`, `U.S.`), an initial
(`J.`), or falls inside a quotation that goes on (`"It works. It is
working," she said.` is one sentence, so the attribution stays with its
quote).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from briefings.framing.gazetteer import FUNCTION_WORDS, word_set

# Initials of names written from Cyrillic take two letters for one sound: `Ch. Saranchimeg`, `Ts. Oyun`,
# `Yu. Andropov`.
DIGRAPH_INITIALS = frozenset({"ch", "sh", "zh", "kh", "ts", "yu", "ya"})
ABBREVIATIONS = word_set("""
mr mrs ms dr prof sen rep gov gen lt col maj capt sgt adm cmdr st jr sr rev messrs mt ft fr md mohd hon rt
supt insp pres det cpl pvt amb
inc corp ltd co no nos vs etc al approx dept est fig vol jan feb mar apr jun jul aug sep sept oct
nov dec e.g i.e a.m p.m u.s u.k u.n e.u d.c u.s.a ph.d
""")

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_TERMINATOR = re.compile(r"[.!?…]+[\"”’')\]»]*(?=\s)")
_WORD_BEFORE = re.compile(r"([\w.-]+)$")
_INITIALS = re.compile(r"(?:[A-Z]\.-?){2,4}")  # `W.A.D.`, `H.-J.`
_INITIAL_NEXT = re.compile(r" +[A-Z]\. +[A-Z]")  # `M. A. Carballido`: the initial `A.` is no article
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of text between blank lines."""

    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence; `paragraph` is the index of the paragraph holding it."""

    index: int
    paragraph: int
    start: int
    end: int


def normalize(text: str) -> str:
    """Unicode-compose, drop invisible characters, and make line ends and spaces plain.

    When the text separates paragraphs by blank lines, single line breaks are
    hard wraps and become spaces; otherwise each line is a paragraph.
    """
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]", " ", text)
    text = _CONTROL.sub(" ", text)
    if _BLANK_LINE.search(text) and _hard_wrapped(text):
        text = re.sub(r"(?<![\n ])[ ]*\n(?![ \t]*\n)", lambda m: " " * len(m.group()), text)
    return text


def _hard_wrapped(text: str) -> bool:
    """Whether single line breaks inside blocks are wraps at a fixed width, not paragraph ends.

    Wrapped text has most lines inside a block of similar, moderate length;
    a story that puts each paragraph (or each signed quote) on its own line
    has lines of any length.
    """
    lines = text.split("\n")
    inner = [len(a.rstrip()) for a, b in zip(lines, lines[1:], strict=False) if a.strip() and b.strip()]
    if len(inner) < 3:
        return False
    widest = max(len(line) for line in lines)
    regular = sum(30 <= n <= 100 for n in inner)
    return widest <= 120 and regular >= 0.8 * len(inner)


def split_paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs of a normalised text, without surrounding blank space."""
    out: list[Paragraph] = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.start(), match.end()
        while start < end and text[start] == " ":
            start += 1
        while end > start and text[end - 1] == " ":
            end -= 1
        if start < end:
            out.append(Paragraph(len(out), start, end))
    return out


def is_abbreviation(text: str, period: int) -> bool:
    """Whether the full stop at `period` closes an abbreviation or an initial."""
    match = _WORD_BEFORE.search(text, max(0, period - 12), period + 1)
    if not match:
        return False
    word = match.group(1).rstrip(".").lower()
    if word in ABBREVIATIONS:
        return True
    token = match.group(1)
    if _INITIALS.fullmatch(token):
        return True  # `W.A.D. Perera`, `J.R. Smith`: initials run together, as Sri Lankan and Indian names write them
    return (len(token) == 2 and token[0].isupper()) or word in DIGRAPH_INITIALS  # an initial: `J. Smith`


def _next_starts_sentence(text: str, pos: int, end: int) -> bool:
    """Whether the text from `pos` (after spaces) can open a new sentence."""
    while pos < end and text[pos] == " ":
        pos += 1
    if pos >= end:
        return True
    char = text[pos]
    return char.isupper() or char.isdigit() or char in "\"“‘'(«[—–-"


def _next_word(text: str, pos: int, end: int) -> str:
    match = re.compile(r"\s*([\w']+)").match(text, pos, end)
    return match.group(1).lower() if match else ""


def split_sentences(
    text: str, paragraphs: Sequence[Paragraph], quotes: Sequence[tuple[int, int]] = ()
) -> list[Sentence]:
    """Sentences of every paragraph; no sentence ends inside a quotation that continues.

    `quotes` are (start, end) spans of quotation content, sorted by start.
    """
    starts = [q[0] for q in quotes]
    out: list[Sentence] = []
    for para in paragraphs:
        begin = para.start
        for match in _TERMINATOR.finditer(text, para.start, para.end):
            stop = match.end()
            i = bisect_right(starts, match.start()) - 1
            if i >= 0 and quotes[i][0] <= match.start() < quotes[i][1] and stop < quotes[i][1]:
                continue  # inside a quotation that goes on after this stop
            if not _next_starts_sentence(text, stop, para.end):
                continue
            single_stop = match.group() == "."
            if single_stop and is_abbreviation(text, match.start()) and (
                    _next_word(text, stop, para.end) not in FUNCTION_WORDS or _INITIAL_NEXT.match(text, stop)):
                continue  # `Sen. Warren`, `U.S. Special Envoy`, `M. A. Carballido`; `in the U.S. But` still ends
            out.append(Sentence(len(out), para.index, begin, stop))
            begin = stop
            while begin < para.end and text[begin] == " ":
                begin += 1
        if begin < para.end:
            out.append(Sentence(len(out), para.index, begin, para.end))
    return out

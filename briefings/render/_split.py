"""Fit marked-up text into messages of a bounded size, closing and reopening marks at every cut.

Telegram (4096) and Slack (3000 per section) both bound a message, and both
have marks that must be balanced in every message (`<b>…</b>`, `*…*`). A
renderer describes one unit of text (a paragraph, a bullet, a quote) as tokens
- `Open(start, end)`, `Chars(raw, escape)`, `Close()` - and `pack` lays units
into parts: whole units together while they fit, and a unit too long for one
part is cut at a sentence, else a word, else a character, with every open mark
closed before the cut and reopened after it.

Raw text is cut before it is escaped, so a cut never falls inside `&amp;`;
Python strings hold code points, so a cut never falls inside a surrogate pair;
and a character cut steps back rather than separate a combining mark, a
variation selector or a zero-width joiner from the character it belongs to.
Sizes are counted in UTF-16 code units, as both platforms count them.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

# Characters that carry nothing to read: a part made only of these and whitespace is dropped.
INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u061c\u202a\u202b\u202c\u202d\u202e")
# Characters that belong to the one before them; a cut never falls just before one.
_JOINING = frozenset("\u200d\ufe0e\ufe0f\u20e3") | {chr(c) for c in range(0x1F3FB, 0x1F400)}
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*\s+")


@dataclass(frozen=True)
class Open:
    """Start a mark: `start` is written now, `end` when it closes (or a cut interrupts it)."""

    start: str
    end: str


@dataclass(frozen=True)
class Close:
    """End the innermost open mark."""


@dataclass(frozen=True)
class Chars:
    """Raw text, escaped by `escape` (a per-character mapping) only once it is placed."""

    raw: str
    escape: Callable[[str], str]


Token = Open | Close | Chars


_VISIBLE = re.compile(f"[^\\s{''.join(sorted(INVISIBLE))}]")


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units: how Telegram and Slack count characters."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def visible(text: str) -> bool:
    """Whether the text has something to read (not only whitespace and zero-width characters)."""
    return _VISIBLE.search(text) is not None


def marks_in(tokens: Sequence[Token]) -> int:
    """How many marks the tokens open (an upper bound on the entities they make)."""
    return sum(1 for t in tokens if isinstance(t, Open))


def render(tokens: Sequence[Token]) -> str:
    """The tokens as one string, no limit."""
    pieces = split(tokens, limit=sys.maxsize)
    return pieces[0][0] if pieces else ""


def split(tokens: Sequence[Token], *, limit: int, max_marks: int | None = None) -> list[tuple[str, int]]:
    """Cut one unit into parts of at most `limit` UTF-16 units (and `max_marks` marks), each with its mark count.

    Parts with nothing visible are dropped, so the result may be empty.
    """
    writer = _Writer(limit=limit, max_marks=max_marks)
    for token in tokens:
        writer.add(token)
    writer.flush()
    return writer.parts


def pack(units: Iterable[tuple[str, Sequence[Token]]], *, limit: int, max_marks: int | None = None) -> list[str]:
    """Lay units, each `(separator before it, tokens)`, into as few parts as fit the limits.

    A unit that fits the current part joins it after its separator; one that
    does not starts a new part; one that fits no part is cut by `split`.
    """
    parts: list[str] = []
    current, current_marks = "", 0
    for separator, tokens in units:
        whole, marks = render(tokens), marks_in(tokens)
        if not visible(whole):
            continue
        joined = utf16_len(current) + utf16_len(separator) + utf16_len(whole)
        if current and joined <= limit and (max_marks is None or current_marks + marks <= max_marks):
            current, current_marks = current + separator + whole, current_marks + marks
            continue
        if current:
            parts.append(current)
        if utf16_len(whole) <= limit and (max_marks is None or marks <= max_marks):
            current, current_marks = whole, marks
            continue
        pieces = split(tokens, limit=limit, max_marks=max_marks)
        parts.extend(text for text, _ in pieces[:-1])
        current, current_marks = pieces[-1] if pieces else ("", 0)
    if current:
        parts.append(current)
    return parts


class _Writer:
    """Accumulates one part at a time; marks are written lazily, only once text goes inside them."""

    def __init__(self, *, limit: int, max_marks: int | None) -> None:
        self.limit = limit
        self.max_marks = max_marks
        self.parts: list[tuple[str, int]] = []
        self.stack: list[tuple[Open, bool]] = []  # (mark, written into the current part yet)
        self.buf: list[str] = []
        self.size = 0
        self.marks = 0
        self.has_visible = False

    def add(self, token: Token) -> None:
        if isinstance(token, Open):
            self.stack.append((token, False))
        elif isinstance(token, Close):
            mark, written = self.stack.pop()
            if written:
                self._write(mark.end)
        else:
            self._chars(token)

    def flush(self) -> None:
        """End the current part: close what is open, keep it if it has anything to read."""
        if self.has_visible:
            closing = "".join(mark.end for mark, written in reversed(self.stack) if written)
            self.parts.append(("".join(self.buf) + closing, self.marks))
        self.buf, self.size, self.marks, self.has_visible = [], 0, 0, False
        self.stack = [(mark, False) for mark, _ in self.stack]

    def _write(self, text: str) -> None:
        self.buf.append(text)
        self.size += utf16_len(text)

    def _overhead(self) -> tuple[int, int]:
        """The cost of writing text now: marks still to open plus every closing tag, and new marks."""
        pending = [mark for mark, written in self.stack if not written]
        cost = sum(utf16_len(m.start) for m in pending) + sum(utf16_len(m.end) for m, _ in self.stack)
        return cost, len(pending)

    def _commit(self, text: str) -> None:
        for i, (mark, written) in enumerate(self.stack):
            if not written:
                self._write(mark.start)
                self.marks += 1
                self.stack[i] = (mark, True)
        self._write(text)
        self.has_visible = self.has_visible or visible(text)

    def _chars(self, token: Chars) -> None:
        raw, escape = token.raw, token.escape
        while raw:
            overhead, new_marks = self._overhead()
            if self.max_marks is not None and self.marks + new_marks > self.max_marks and self.buf:
                self.flush()
                continue
            room = self.limit - self.size - overhead
            escaped = escape(raw)
            if utf16_len(escaped) <= room:
                self._commit(escaped)
                return
            fit = _fit(raw, escape, room)
            cut = _soft_cut(raw, fit)
            if cut == 0 and self.buf:
                self.flush()  # give the text a fresh part before cutting it mid-word
                continue
            if cut == 0:
                cut = _hard_cut(raw, fit)
            if cut == 0:
                raise ValueError(f"limit {self.limit} is too small to hold any text")
            # Whitespace at a cut is trailing noise, and would stop Slack closing `*bold *`.
            self._commit(escape(raw[:cut].rstrip()))
            self.flush()
            raw = raw[cut:].lstrip()


def _fit(raw: str, escape: Callable[[str], str], room: int) -> int:
    """How many leading characters of `raw`, escaped, fit in `room` units (escaping is per character)."""
    low, high = 0, min(len(raw), max(room, 0))  # every character costs at least one unit
    while low < high:
        mid = (low + high + 1) // 2
        if utf16_len(escape(raw[:mid])) <= room:
            low = mid
        else:
            high = mid - 1
    return low


def _soft_cut(raw: str, fit: int) -> int:
    """The best place to cut within the first `fit` characters: a line, a sentence, a word; 0 if none."""
    floor = fit // 2
    head = raw[: fit + 1]  # a boundary may be the whitespace just past the fit
    newline = head.rfind("\n", 0, fit + 1)
    if newline >= floor and newline > 0:
        return min(newline + 1, fit)
    ends = [m.end() for m in _SENTENCE_END.finditer(head) if floor <= m.start() and m.end() <= fit]
    if ends:
        return ends[-1]
    for i in range(min(fit, len(raw) - 1), floor - 1, -1):
        if raw[i].isspace() and i > 0:
            return min(i + 1, fit)
    return 0


def _hard_cut(raw: str, fit: int) -> int:
    """A cut at a character, stepping back so no joined sequence (emoji, accents) falls apart."""
    cut = fit
    while cut > 1 and (raw[cut] in _JOINING or raw[cut - 1] == "\u200d" or unicodedata.combining(raw[cut])):
        cut -= 1
    return cut if cut > 1 or fit <= 1 else fit

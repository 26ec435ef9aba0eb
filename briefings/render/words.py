"""The small wording rules every briefing view shares: dates in the reader's zone, names, headlines, quotes.

The digest and the detail view say the same things at two lengths; these
rules keep them saying it the same way: a date is the reader's own day (a vote
at 22:15 in New York is that evening there, not the next day in Minsk), a
headline is a real question or the debate's title, a quote ends as a sentence
or with "…", and a role is never said twice in one line.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, tzinfo

from briefings.compose.model import Debate
from briefings.debates.cues import real_question
from briefings.render.doc import Bold, Italic, Span, spans

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
NAME_LIMIT = 60  # a name or label longer than this is cut: one line must still hold three of them
# "The argument over how to deal with X?" ends with a question mark but asks nothing a reader could answer.
_NO_QUESTION = re.compile(r"^\s*(the\s+)?(argument|debate|question|row|fight|dispute)s?\s+(over|about|on)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]*(?=\s|$)")
_OPEN_END = ",;:—–-"  # a quote cut before its attribution ("…later," she said) ends on one of these


def line(text: str | None) -> str:
    """Text on one line: newlines and runs of spaces from a feed would break a scannable layout."""
    return " ".join((text or "").split())


def cut(text: str | None, limit: int = NAME_LIMIT) -> str:
    """One line of at most `limit` characters, cut at a word with "…" (long names, echoed user input)."""
    text = line(text)
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    space = len(head) if text[limit - 1] == " " else head.rfind(" ")  # a head ending on a whole word keeps it
    return (head[:space] if space > limit // 2 else head).rstrip(" ,;:") + "…"


def count(n: int, one: str, many: str) -> str:
    """`1 story`, `3 stories`."""
    return f"{n} {one if n == 1 else many}"


def local(value: datetime, tz: tzinfo) -> datetime:
    """The moment on the reader's clock (a naive value is taken as UTC, as the store writes it)."""
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(tz)


def day(value: date | datetime, *, year: int | None = None, tz: tzinfo = UTC) -> str:
    """A date as a reader says it, `17 Nov`, with the year only when it is not `year`; moments in `tz`."""
    when = local(value, tz).date() if isinstance(value, datetime) else value
    text = f"{when.day} {_MONTHS[when.month - 1]}"
    return text if when.year == year else f"{text} {when.year}"


def date_range(first: date, last: date) -> str:
    """`17–23 Nov 2025`, `27 Oct – 2 Nov 2025` or `29 Dec 2025 – 4 Jan 2026`: no part said twice."""
    if first.year != last.year:
        return f"{day(first)} – {day(last)}"
    if first.month != last.month:
        return f"{day(first, year=first.year)} – {day(last)}"
    return f"{first.day}–{day(last)}"


def headline(debate: Debate) -> str:
    """What a debate is about in one line: its question when it is a real one, else its title."""
    question = real_question(line(debate.question))
    if question and not _NO_QUESTION.match(question):
        return question
    title = line(debate.title)
    if title:
        return title
    text = line(debate.question)
    return text.rstrip("?") if _NO_QUESTION.match(text) or not real_question(text) else text


def clean_quote(text: str | None, limit: int) -> str:
    """The quote as a reader should see it: no dangling comma, at most `limit` characters.

    A quote lifted from before its attribution ("Argue later," she said) ends on
    a comma; it gets its full stop back. A long one is cut after its last whole
    sentence that fits, else at a word, marked with "…".
    """
    words = line(text).strip("“”\"«»„ ")
    if not words:
        return ""
    if words[-1] in _OPEN_END:
        words = words.rstrip(_OPEN_END + " ")
        if words and words[-1] not in ".!?…":
            words += "." if words[0].isupper() else "…"
    if len(words) <= limit:
        return words
    ends = [m.end() for m in _SENTENCE_END.finditer(words, 0, limit) if m.end() >= limit // 3]
    if ends:
        return words[: ends[-1]]
    head = words[: limit - 1]
    space = head.rfind(" ")
    return (head[:space] if space > 0 else head).rstrip(_OPEN_END + " .") + "…"


def who(name: str, role: str | None, said: str | None = None) -> tuple[Span, ...]:
    """`Name, role` in bold and italics; the role is left out when `said` already names it."""
    role = line(role)
    if role and role.casefold() in line(said).casefold():
        role = ""
    return spans(Bold(cut(name)), ", " if role else "", Italic(cut(role, 2 * NAME_LIMIT)) if role else "")

"""`briefing-bot stance`: the chat document as plain text or JSON, and the line when nobody matches.

The text is `briefings.render.stance.stance_doc` rendered as plain text, so
the command line and every chat platform show one document.
"""

from __future__ import annotations

from datetime import UTC, tzinfo
from typing import Any

from briefings.render.stance import stance_doc
from briefings.render.terminal import to_plain_text
from briefings.stance import StanceLookup, StanceReport
from briefings.store.statements import Statement


def stance_text(report: StanceReport, *, tz: tzinfo = UTC) -> str:
    """The same document `/stance` answers in chat, as plain text, dated in `tz`."""
    return to_plain_text(stance_doc(report, tz=tz)).rstrip("\n")


def _statement_json(statement: Statement) -> dict[str, Any]:
    return {
        "published": statement.published.isoformat() if statement.published else None,
        "story": {"id": statement.story_id, "title": statement.story_title, "link": statement.story_link},
        "name": statement.name,
        "role": statement.role,
        "side": statement.side,
        "stance": statement.stance,
        "quotes": statement.quotes,
        "question": statement.question,
    }


def stance_json(report: StanceReport) -> dict[str, Any]:
    """The report as plain JSON-ready data; `side`, `from` and `to` are debate-level sides."""
    return {
        "figure": {"id": report.figure_id, "name": report.name, "role": report.role, "aliases": report.aliases},
        "statements": [_statement_json(s) for s in report.statements],
        "changes": [
            {"from": c.before.side, "to": c.after.side, "before": _statement_json(c.before),
             "after": _statement_json(c.after)}
            for c in report.changes
        ],
    }


def no_figure_line(query: str, found: StanceLookup) -> str:
    """Why `stance` found nobody, in one line: suggestions, or the stories that mention the words anyway."""
    mentions = found.mentions
    listed = "; ".join(
        hit.title + (f" ({hit.published.date().isoformat()})" if hit.published else "") + (
            f" {hit.link}" if hit.link else "") for hit in mentions.stories)
    more = f"; and {mentions.total - len(mentions.stories)} more" if mentions.total > len(mentions.stories) else ""
    stories = f"{mentions.total} {'story mentions' if mentions.total == 1 else 'stories mention'} it: {listed}{more}"
    if found.suggestions:
        options = ", ".join(m.name for m in found.suggestions)
        return f"no figure clearly matches {query!r}; did you mean: {options}?" + (
            f" {stories}" if mentions.total else "")
    if mentions.total:
        return f"no figure named {query!r}; {stories}"
    return f"nobody called {query!r} appears in the stored stories"

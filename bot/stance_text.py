"""A stance report as terminal text and as JSON, for `briefing-bot stance`; and the line when nobody matches."""

from __future__ import annotations

from typing import Any

from briefings.stance import StanceLookup, StanceReport
from briefings.store.statements import Statement


def _day(statement: Statement) -> str:
    return statement.published.date().isoformat() if statement.published else "undated"


def stance_text(report: StanceReport) -> str:
    """Readable lines: who, other spellings, moves between sides, then each story newest first."""
    lines = [report.name + (f" — {report.role}" if report.role else "")]
    others = [a for a in report.aliases if a != report.name]
    if others:
        lines.append("Also written: " + ", ".join(others))
    for change in report.changes:
        lines.append(
            f"Moved: {change.before.side} ({_day(change.before)}) -> {change.after.side} ({_day(change.after)})"
        )
    if not report.statements:
        lines.append("No stored story gives a position yet.")
    for statement in report.statements:
        lines.append("")
        title = statement.story_title or statement.story_id
        lines.append(f"{_day(statement)}  {title}")
        lines.append(f"  side: {statement.side or 'none (mentioned only)'}"
                     + (f"; role: {statement.role}" if statement.role else ""))
        if statement.stance:
            lines.append(f"  stance: {statement.stance}")
        lines.extend(f"  “{quote}”" for quote in statement.quotes[:3])
        if statement.story_link:
            lines.append(f"  source: {statement.story_link}")
    return "\n".join(lines)


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
    """The report as plain JSON-ready data."""
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

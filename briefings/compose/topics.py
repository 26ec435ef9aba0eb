"""A chat's topic filter (`/settings topics sanctions,prisoners`): the same week, only the debates it asked for.

One function for the scheduled digest, `/latest` and `/story`, so a reader's
debate numbers mean the same thing in all three.
"""

from __future__ import annotations

from dataclasses import replace

from briefings.compose.model import Briefing, Debate


def filter_topics(briefing: Briefing, topics: tuple[str, ...]) -> Briefing:
    """Keep only the debates that mention one of `topics` (all of them when there are none)."""
    if not topics:
        return briefing

    def mentions(text: str | None) -> bool:
        low = (text or "").lower()
        return any(topic in low for topic in topics)

    kept = [
        d for d in briefing.debates
        if mentions(d.question) or mentions(d.title) or any(mentions(s.title) for s in d.sources)
        or any(mentions(f.stance) or mentions(f.quote) for side in d.sides for f in side.figures)
    ]
    return replace(briefing, debates=kept,
                   moves=[m for m in briefing.moves if any(m.figure_id in _ids(d) for d in kept)],
                   sources=[s for d in kept for s in d.sources])


def _ids(debate: Debate) -> set[int]:
    return {f.figure_id for side in debate.sides for f in side.figures}

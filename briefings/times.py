"""Stored timestamps: every time column holds UTC ISO-8601 text; this reads it back as an aware datetime."""

from __future__ import annotations

from datetime import UTC, datetime


def parse_stamp(value: object) -> datetime | None:
    """The aware datetime stored as `value`, or None for a missing or unreadable one (naive text is UTC)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)

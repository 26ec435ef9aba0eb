"""Debates across stories, between framing and compose.

Framing gives one story's frame with sides local to it. This package groups
stories that argue one question into a debate (shared figures, alike titles
and questions), aligns each story's local sides onto the debate's own sides
(named by what they want), and records who moved, in the `debate_*` tables.
Compose, `/stance` and `/figures` only read what it stored.
"""

from __future__ import annotations

from briefings.debates.store import ALGORITHM_VERSION, DebateRun, rebuild_debates, update_debates

__all__ = ["ALGORITHM_VERSION", "DebateRun", "rebuild_debates", "update_debates"]

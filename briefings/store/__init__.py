"""SQLite storage on sqlite-utils: one file, WAL mode, forward-only migrations.

Everything the service knows lives here (feeds and their health, stories, and
later figures, statements, subscriptions and the delivery outbox), so a restart
loses nothing and the database is the single source of truth.
"""

from __future__ import annotations

from briefings.store.database import SCHEMA_VERSION, open_database, open_per_thread, schema_version

__all__ = ["SCHEMA_VERSION", "open_database", "open_per_thread", "schema_version"]

"""Open the database, switch on WAL and apply pending migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from briefings.errors import StorageError
from briefings.store.schema import MIGRATIONS

SCHEMA_VERSION = len(MIGRATIONS.pending(Database(memory=True)))
BUSY_TIMEOUT_MS = 10_000


def open_database(path: str | Path | None = None, *, memory: bool = False) -> Database:
    """Open (creating if needed) the database at `path`, migrated to the newest schema.

    WAL lets the poller write while chat handlers read; the busy timeout lets two
    processes on one file wait for each other instead of failing at once.
    """
    if memory or path is None or str(path) == ":memory:":
        db = Database(memory=True)
    else:
        target = Path(path).expanduser()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(target), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
            db = Database(conn)
            db.execute("PRAGMA journal_mode=WAL")
        except (OSError, sqlite3.Error) as exc:
            raise StorageError(f"cannot open database {str(target)!r}: {exc}") from exc
    db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys=ON")
    try:
        MIGRATIONS.apply(db)
    except sqlite3.Error as exc:
        raise StorageError(f"cannot migrate database: {exc}") from exc
    db.execute(f"PRAGMA user_version={schema_version(db)}")
    return db


def schema_version(db: Database) -> int:
    """The number of migrations applied to `db` (0 for a new file)."""
    return len(MIGRATIONS.applied(db))

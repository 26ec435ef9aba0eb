"""Open the database, switch on WAL and apply pending migrations."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import cast

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
    db.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable across crashes, no fsync on every commit
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


class PerThreadDatabase:
    """One sqlite-utils `Database` per thread on the same file, behind one object.

    A sqlite3 connection must not be used by two threads at once, but the
    service answers chat commands in worker threads while the event loop
    delivers. Code takes this wherever it takes a `Database`: each attribute
    access goes to the calling thread's own connection, opened on first use.
    """

    def __init__(self, path: str | Path) -> None:
        self._path = path
        self._local = threading.local()
        open_database(path).conn.close()  # create and migrate once, up front, so errors surface at start

    def _db(self) -> Database:
        db: Database | None = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = open_database(self._path)
        return db

    def __getattr__(self, name: str) -> object:
        return getattr(self._db(), name)


def open_per_thread(path: str | Path) -> Database:
    """A database whose connection is per thread (see `PerThreadDatabase`), typed as the `Database` it acts as."""
    return cast(Database, PerThreadDatabase(path))

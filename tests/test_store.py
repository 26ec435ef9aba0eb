"""The store: migrations, WAL, full-text search and the heartbeat."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from bot.cli import cli
from briefings.errors import StorageError
from briefings.store import SCHEMA_VERSION, heartbeat, open_database, schema_version


def test_new_file_is_migrated_and_in_wal_mode(db_path: Path) -> None:
    db = open_database(db_path)
    assert schema_version(db) == SCHEMA_VERSION >= 2
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert {"feeds", "stories", "stories_fts", "heartbeat"} <= set(db.table_names())


def test_reopening_applies_nothing_twice(db_path: Path) -> None:
    open_database(db_path).table("feeds").insert({"url": "https://example.org/feed"})
    db = open_database(db_path)
    assert schema_version(db) == SCHEMA_VERSION
    assert db.table("feeds").count == 1


def test_full_text_search_over_title_and_text(fresh_db: Database) -> None:
    fresh_db.table("stories").insert(
        {"id": "s1", "title": "Tram line vote", "text": "The council in Kraków argued about the tram."}
    )
    hits = list(fresh_db.table("stories").search("krakow"))
    assert [row["id"] for row in hits] == ["s1"]


def test_unopenable_file_is_a_storage_error(tmp_path: Path) -> None:
    bad = tmp_path / "not-a-db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StorageError):
        open_database(bad)


def test_two_connections_share_one_file(db_path: Path) -> None:
    first, second = open_database(db_path), open_database(db_path)
    first.table("feeds").insert({"url": "a"})
    assert second.table("feeds").count == 1
    assert isinstance(second.conn, sqlite3.Connection)


def test_heartbeat_fresh_stale_and_missing(fresh_db: Database) -> None:
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    assert not heartbeat.check(fresh_db, now=now).ok
    heartbeat.beat(fresh_db, now=now)
    assert heartbeat.check(fresh_db, now=now + timedelta(seconds=30)).ok
    stale = heartbeat.check(fresh_db, now=now + timedelta(minutes=10))
    assert not stale.ok and "stale" in stale.reason


def test_health_command(db_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(cli, ["health", "--db", str(db_path)])
    assert missing.exit_code == 1 and "not started" in missing.output
    heartbeat.beat(open_database(db_path), now=datetime.now(UTC))
    alive = runner.invoke(cli, ["health", "--db", str(db_path)])
    assert alive.exit_code == 0 and "alive" in alive.output

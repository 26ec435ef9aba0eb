"""Every document of feedparser's own test suite goes through ingest without an exception escaping.

1,768 documents, well-formed and ill-formed, read as local files into one
database. The counts are printed (run with `-s`) and pinned loosely, so a
change in how many documents yield entries or fail is noticed.
"""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from briefings.feeds import ingest_sources


def test_feedparser_corpus_ingests_without_exceptions(shared: Path, fresh_db: Database) -> None:
    documents = sorted(str(p) for p in (shared / "corpora" / "feedparser-tests" / "tests").rglob("*.xml"))
    assert len(documents) == 1768
    results = list(ingest_sources(fresh_db, documents, full_text=False))
    assert [r.source for r in results] == documents
    failed = [r for r in results if not r.ok]
    with_entries = [r for r in results if r.ok and r.entries]
    print(
        f"\nfeedparser corpus: {len(documents)} documents, {len(with_entries)} yield entries, "
        f"{len(results) - len(failed) - len(with_entries)} are feeds without entries, {len(failed)} errors"
    )
    for result in failed:
        print("  ", result.describe())
        assert result.error and "\n" not in result.error
        assert not result.error.startswith("unexpected")  # every failure is one we understood
    assert len(with_entries) >= 1150
    assert len(failed) <= 10
    assert all("illformed" in r.source or "entity" in r.source for r in failed)

"""The figure registry: one figure per person across spellings, and forgiving lookups."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlite_utils import Database

from briefings import registry


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Sviatlana Tsikhanouskaya", "Svetlana Tikhanovskaya"),
        ("Sviatlana Tsikhanouskaya", "Tsikhanouskaya"),
        ("Alexander Lukashenko", "Aliaksandr Lukashenka"),
        ("Pavel Latushka", "Pavel Latushko"),
        ("Siarhei Tsikhanouski", "Sergei Tikhanovsky"),
    ],
    ids=["transliteration", "surname-only", "both-names", "ending", "husband-variant"],
)
def test_spelling_variants_resolve_to_one_figure(fresh_db: Database, first: str, second: str) -> None:
    assert registry.resolve(fresh_db, first) == registry.resolve(fresh_db, second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Sviatlana Tsikhanouskaya", "Siarhei Tsikhanouski"),
        ("Donald Trump", "Melania Trump"),
        ("Anna Kowalska", "Piotr Nowak"),
    ],
    ids=["wife-and-husband", "same-surname", "strangers"],
)
def test_different_people_stay_apart(fresh_db: Database, first: str, second: str) -> None:
    assert registry.resolve(fresh_db, first) != registry.resolve(fresh_db, second)


def test_surname_alone_is_not_merged_when_two_people_share_it(fresh_db: Database) -> None:
    donald = registry.resolve(fresh_db, "Donald Trump")
    melania = registry.resolve(fresh_db, "Melania Trump")
    assert registry.resolve(fresh_db, "Trump") not in (donald, melania)


def test_role_and_dates_follow_the_newest_story(fresh_db: Database) -> None:
    old, new = datetime(2025, 1, 1, tzinfo=UTC), datetime(2026, 1, 1, tzinfo=UTC)
    figure = registry.resolve(fresh_db, "Pavel Latushka", role="deputy", seen=new)
    registry.resolve(fresh_db, "Pavel Latushko", role="former minister", seen=old)
    row = fresh_db.table("figures").get(figure)
    assert row["role"] == "deputy"
    assert row["first_seen"] == old.isoformat() and row["last_seen"] == new.isoformat()


def test_find_ranks_variants_typos_and_surnames(fresh_db: Database) -> None:
    her = registry.resolve(fresh_db, "Sviatlana Tsikhanouskaya")
    registry.resolve(fresh_db, "Siarhei Tsikhanouski")
    latushka = registry.resolve(fresh_db, "Pavel Latushka")
    assert registry.find(fresh_db, "Tikhanovskaya")[0].figure_id == her
    assert registry.find(fresh_db, "latushko")[0].figure_id == latushka
    assert registry.find(fresh_db, "Latuska")[0].figure_id == latushka
    assert registry.find(fresh_db, "Zzyzx Qwerty") == []
    assert registry.find(fresh_db, "  ") == []


def test_find_sees_figures_added_after_the_index_was_built(fresh_db: Database) -> None:
    registry.resolve(fresh_db, "Pavel Latushka")
    assert registry.find(fresh_db, "Kavaleuski") == []
    added = registry.resolve(fresh_db, "Valery Kavaleuski")
    assert registry.find(fresh_db, "Kovalevsky")[0].figure_id == added

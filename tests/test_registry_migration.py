"""m009: a store keyed by the old vowel-dropping policy is re-keyed, its wrong merges split."""

from __future__ import annotations

import json

import pytest
from sqlite_utils import Database

from briefings import registry
from briefings.stance import lookup_stance
from briefings.store.schema import MIGRATIONS

REKEY = "m009_rekey_figures_by_identity_policy"

# Rows as the old policy stored them: keys without vowels, titles inside names,
# and a second spelling with an equal old key never stored as an alias.
OLD_FIGURES = [
    (1, "John Hill", "jn hl", "senator"),
    (2, "Councilmember Maria Delgado", "cnclmmbr mr dlgd", None),
    (3, "Maria Delgado", "mr dlgd", "council member"),
    (4, "Van Jones", "jns", "commentator"),
    (5, "Sviatlana Tsikhanouskaya", "svtln tgnvsk+f", "opposition leader"),
]
OLD_ALIASES = [
    ("jn hl", "John Hill", "hl", 1),
    ("cnclmmbr mr dlgd", "Councilmember Maria Delgado", "dlgd", 2),
    ("mr dlgd", "Maria Delgado", "dlgd", 3),
    ("jns", "Van Jones", "jns", 4),
    ("svtln tgnvsk+f", "Sviatlana Tsikhanouskaya", "tgnvsk+f", 5),
    ("tgnvsk+f", "Tsikhanouskaya", "tgnvsk+f", 5),
]
OLD_STATEMENTS = [  # (figure, story, stored name, quotes)
    (1, "s1", "John Hill", ["Hill on roads."]),
    (1, "s2", "John Hall", ["Hall on schools."]),
    (1, "s3", "John Hill", ["Hill on rail."]),
    (2, "s1", "Councilmember Maria Delgado", ["Delgado, short."]),
    (3, "s1", "Maria Delgado", ["Delgado, long.", "And more."]),
    (4, "s2", "Kevin Jones", ["Kevin on taxes."]),
    (4, "s3", "Van Jones", ["Van on prisons."]),
    (5, "s4", "Svetlana Tikhanovskaya", ["Talks now."]),
]
OLD_FOLLOWS = [("telegram", "c1", 1), ("telegram", "c1", 3), ("telegram", "c2", 2), ("telegram", "c2", 3)]


@pytest.fixture
def old_store() -> Database:
    db = Database(memory=True)
    db.execute("PRAGMA foreign_keys=ON")
    MIGRATIONS.apply(db, stop_before=REKEY)
    db.table("stories").insert_all(
        {"id": f"s{n}", "title": f"Story {n}", "published": f"2026-11-0{n}T09:00:00+00:00"} for n in range(1, 5)
    )
    db.table("figures").insert_all(
        {"id": i, "name": n, "key": k, "role": r, "first_seen": None, "last_seen": None} for i, n, k, r in OLD_FIGURES
    )
    db.table("figure_aliases").insert_all(
        {"key": k, "alias": a, "surname_key": s, "figure_id": f} for k, a, s, f in OLD_ALIASES
    )
    db.table("statements").insert_all(
        {"figure_id": f, "story_id": s, "published": f"2026-11-0{s[1]}T09:00:00+00:00", "name": n, "side": "for",
         "quotes": json.dumps(q), "evidence": "[]", "role": "mayor" if n == "John Hall" else None}
        for f, s, n, q in OLD_STATEMENTS
    )
    db.table("follows").insert_all(
        {"platform": p, "chat_id": c, "figure_id": f, "since": "2026-11-01"} for p, c, f in OLD_FOLLOWS
    )
    return db


def statements_of(db: Database, name: str) -> list[tuple[str, str]]:
    figure = registry.find(db, name)[0].figure_id
    rows = db.execute("SELECT story_id, name FROM statements WHERE figure_id = ? ORDER BY story_id", [figure])
    return [(str(s), str(n)) for s, n in rows]


def test_rekeying_splits_wrong_merges_and_joins_title_spellings(old_store: Database) -> None:
    MIGRATIONS.apply(old_store)
    db = old_store
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert statements_of(db, "John Hill") == [("s1", "John Hill"), ("s3", "John Hill")]
    assert statements_of(db, "John Hall") == [("s2", "John Hall")]
    hall = db.table("figures").get(registry.find(db, "John Hall")[0].figure_id)
    assert hall["role"] == "mayor" and hall["first_seen"] == hall["last_seen"] == "2026-11-02T09:00:00+00:00"
    assert registry.find(db, "John Hill")[0].figure_id == 1  # the canonical name keeps its id
    assert statements_of(db, "Kevin Jones") == [("s2", "Kevin Jones")]
    assert statements_of(db, "Van Jones") == [("s3", "Van Jones")]
    delgado = db.table("figures").get(2)
    assert delgado["name"] == "Maria Delgado"
    assert not db.execute("SELECT 1 FROM figures WHERE id = 3").fetchall()  # merged into 2
    [(quotes,)] = db.execute("SELECT quotes FROM statements WHERE figure_id = 2").fetchall()
    assert json.loads(quotes) == ["Delgado, long.", "And more."]  # the statement with more quotes is kept
    assert statements_of(db, "Tikhanovskaya") == [("s4", "Svetlana Tikhanovskaya")]
    follows = db.execute("SELECT chat_id, figure_id FROM follows ORDER BY chat_id, figure_id").fetchall()
    assert follows == [("c1", 1), ("c1", 2), ("c2", 2)]
    assert db.table("statements").count == len(OLD_STATEMENTS) - 1


def test_after_rekeying_lookups_and_new_stories_use_the_new_keys(old_store: Database) -> None:
    MIGRATIONS.apply(old_store)
    hall = lookup_stance(old_store, "John Hall")
    assert hall.report is not None and [s.story_id for s in hall.report.statements] == ["s2"]
    assert lookup_stance(old_store, "Maria Delgado").report is not None
    kevin = registry.find(old_store, "Kevin Jones")[0].figure_id
    assert registry.resolve(old_store, "Kevin Jones") == kevin
    assert registry.resolve(old_store, "Svetlana Tikhanovskaya") == 5


def test_rekeying_an_empty_store_is_a_no_op() -> None:
    db = Database(memory=True)
    MIGRATIONS.apply(db)
    assert db.table("figures").count == 0

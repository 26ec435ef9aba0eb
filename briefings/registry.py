"""The figure registry: one canonical figure per person across stories, whatever the spelling.

Belarusian (and most transliterated) names reach English news in several
spellings: Tsikhanouskaya, Tikhanovskaya, Tsikhanovskaya. Stories are framed one
at a time, so each name a frame gives is resolved here to a figure id, and each
new spelling becomes an alias. Matching is deliberately conservative when
*storing* (a wrong merge corrupts two people's histories) and generous when
*looking up* (a reader typing `/stance latushko` wants suggestions, not silence).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from datetime import datetime

from rapidfuzz import fuzz, process
from sqlite_utils import Database

from briefings.framing.names import fold, name_key, same_person

# A looked-up name is taken as meant when it scores this, and suggestions start at SUGGEST_SCORE.
LOOKUP_SCORE = 85.0
SUGGEST_SCORE = 55.0


@dataclass(frozen=True)
class FigureMatch:
    """A figure found for a query, with how sure the match is (0-100)."""

    figure_id: int
    name: str
    alias: str
    score: float


def split_key(key: str) -> tuple[str, str]:
    """Split a name key into (given names, surname); a single word is a surname."""
    parts = key.split()
    if not parts:
        return "", ""
    return " ".join(parts[:-1]), parts[-1]


def _existing(db: Database, key: str) -> int | None:
    row = db.execute("SELECT figure_id FROM figure_aliases WHERE key = ?", [key]).fetchone()
    return int(row[0]) if row else None


def _same_person(db: Database, name: str, key: str) -> int | None:
    """The one registered figure that `name` is another spelling of, or None when unsure."""
    surname = split_key(key)[1]
    if not surname:
        return None
    rows = db.execute(
        "SELECT alias, figure_id FROM figure_aliases WHERE substr(surname_key, 1, 1) = ?", [surname[0]]
    ).fetchall()
    found = {int(figure_id) for alias, figure_id in rows if same_person(name, alias)}
    return found.pop() if len(found) == 1 else None


def add_alias(db: Database, figure_id: int, name: str) -> None:
    """Record `name` as a spelling of `figure_id` (a no-op when it is known)."""
    key = name_key(name)
    if key and _existing(db, key) is None:
        db.table("figure_aliases").insert(
            {"key": key, "alias": name, "surname_key": split_key(key)[1], "figure_id": figure_id},
            ignore=True,
        )


def resolve(db: Database, name: str, *, role: str | None = None, seen: datetime | None = None) -> int:
    """Return the id of the figure `name` refers to, registering the figure or the new spelling."""
    key = name_key(name)
    if not key:
        raise ValueError(f"{name!r} has no letters to match on")
    figure_id = _existing(db, key) or _same_person(db, name, key)
    when = seen.isoformat() if seen else None
    figures = db.table("figures")
    if figure_id is None:
        with db.conn:
            cursor = db.execute(
                "INSERT INTO figures (name, key, role, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)",
                [name, key, role, when, when],
            )
        figure_id = int(cursor.lastrowid or 0)
    else:
        row = figures.get(figure_id)
        update: dict[str, str] = {}
        if when and (not row["last_seen"] or when >= row["last_seen"]):
            update["last_seen"] = when
            if role:
                update["role"] = role
        if when and (not row["first_seen"] or when < row["first_seen"]):
            update["first_seen"] = when
        if role and not row["role"]:
            update["role"] = role
        if update:
            figures.update(figure_id, update)
    add_alias(db, figure_id, name)
    return figure_id


@dataclass(frozen=True)
class _AliasIndex:
    """Every alias in memory, folded and keyed, so a lookup costs no table scan."""

    version: int
    rows: list[tuple[str, str, int, str]]  # (key, alias, figure id, figure name)
    full_spellings: list[str]
    surname_spellings: list[str]
    full_keys: list[str]
    surname_keys: list[str]


_INDEXES: weakref.WeakKeyDictionary[Database, _AliasIndex] = weakref.WeakKeyDictionary()


def _alias_index(db: Database) -> _AliasIndex:
    """The cached alias index of `db`, rebuilt when an alias was added (aliases are never deleted)."""
    version = int(db.execute("SELECT coalesce(max(rowid), 0) FROM figure_aliases").fetchone()[0])
    cached = _INDEXES.get(db)
    if cached is not None and cached.version == version:
        return cached
    fetched = db.execute(
        "SELECT a.key, a.alias, a.surname_key, f.id, f.name FROM figure_aliases a JOIN figures f ON f.id = a.figure_id"
    ).fetchall()
    spellings = [fold(row[1]).strip() for row in fetched]
    index = _AliasIndex(
        version=version,
        rows=[(str(k), str(alias), int(fid), str(name)) for k, alias, _, fid, name in fetched],
        full_spellings=spellings,
        surname_spellings=[s.split()[-1] if s.split() else s for s in spellings],
        full_keys=[str(row[0]) for row in fetched],
        surname_keys=[str(row[2]) for row in fetched],
    )
    _INDEXES[db] = index
    return index


def find(db: Database, query: str, *, limit: int = 5) -> list[FigureMatch]:
    """Figures that `query` may mean, best first: exact spellings, then fuzzy and surname-only matches.

    Each alias is scored twice, on its folded spelling (catches typos) and on
    its transliteration key (catches `Tikhanovskaya` for `Tsikhanouskaya`); a
    one-word query is compared with surnames only.
    """
    key = name_key(query)
    if not key:
        return []
    index = _alias_index(db)
    single_word = " " not in key
    folded = fold(query).strip()
    if single_word:
        searches = ((folded.split()[-1], index.surname_spellings), (key, index.surname_keys))
        scorer = fuzz.ratio
    else:
        searches = ((folded, index.full_spellings), (key, index.full_keys))
        scorer = fuzz.token_sort_ratio
    scores: dict[int, float] = {}
    for wanted, choices in searches:
        for _, score, position in process.extract(
            wanted, choices, scorer=scorer, limit=limit * 8, score_cutoff=SUGGEST_SCORE
        ):
            exact = index.rows[position][0] == key
            scores[position] = max(scores.get(position, 0.0), 100.0 if exact else float(score))
    best: dict[int, FigureMatch] = {}
    for position, score in scores.items():
        _, alias, figure_id, name = index.rows[position]
        if figure_id not in best or score > best[figure_id].score:
            best[figure_id] = FigureMatch(figure_id, name, alias, score)
    return sorted(best.values(), key=lambda m: (-m.score, m.name))[:limit]

"""The figure registry: one canonical figure per person across stories, whatever the spelling.

Stories are framed one at a time, so each name a frame gives is resolved here
to a figure id, and each new spelling becomes an alias. Who is the same person
is decided by the identity policy of `briefings.framing.names` (titles split
off into the role, suffixes kept, transliteration folded only for Slavic
names, given names equal or in a variant table). On top of it the registry
adds one rule for names that fit more than one figure (a bare surname, an
initial, a name without `Jr.`): **merge only when exactly one figure fits**,
and a figure fits only when the name agrees with every spelling it already
has (so `Jane Smith` never joins John Smith through his alias `J. Smith`).
A spelling with more given names, written out (`Daniel Kipng'eno Rotich`, or a
quoted nickname: `Rogelio "Boyet" Dimaculangan`), vouches for each of them
alone, since the story itself says they are one person's.
Otherwise the name becomes a figure of its own.

Looking up (`find`) is generous but ranked: the exact name first (100), the
name without its suffix (98), any spelling the identity policy accepts
(transliterations, the surname alone, initials, Cyrillic: 90), and names only
similar in spelling last (at most 80, below `LOOKUP_SCORE`), so a typo or a
near-namesake gets suggestions, never someone else's quotes.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from rapidfuzz import fuzz, process
from sqlite_utils import Database

from briefings.framing.folding import fold
from briefings.framing.names import identity_key, name_key, same_person, split_title, surname_key

# A looked-up name is taken as meant when it scores this, and suggestions start at SUGGEST_SCORE.
LOOKUP_SCORE = 85.0
SUGGEST_SCORE = 55.0
EXACT_SCORE = 100.0
WITHOUT_SUFFIX_SCORE = 98.0
SAME_PERSON_SCORE = 90.0
SIMILAR_SCORE_CAP = 80.0

_K = TypeVar("_K")


@dataclass(frozen=True)
class FigureMatch:
    """A figure found for a query, with how sure the match is (0-100)."""

    figure_id: int
    name: str
    alias: str
    score: float


def _existing(db: Database, key: str) -> int | None:
    row = db.execute("SELECT figure_id FROM figure_aliases WHERE key = ?", [key]).fetchone()
    return int(row[0]) if row else None


def _same_person(db: Database, name: str) -> int | None:
    """The one registered figure that `name` is another spelling of, or None when none or several fit."""
    keys = name_key(name).split()
    if not keys:
        return None
    initials = sorted({keys[-1][0], keys[0][0]})  # the first word too: it is the surname in family-name-first order
    rows = db.execute(
        "SELECT alias, figure_id FROM figure_aliases WHERE figure_id IN "
        "(SELECT figure_id FROM figure_aliases WHERE substr(surname_key, 1, 1) IN (?, ?))", [initials[0], initials[-1]]
    ).fetchall()
    return _only_fit(name, rows)


def _only_fit(name: str, rows: list[tuple[str, int]]) -> int | None:
    """The one figure among (alias, figure id) rows that `name` agrees with on every alias, else None."""
    spellings: dict[int, list[str]] = defaultdict(list)
    for alias, figure_id in rows:
        spellings[int(figure_id)].append(str(alias))
    fits = [f for f, aliases in spellings.items() if all(_agrees(name, a, aliases) for a in aliases)]
    return fits[0] if len(fits) == 1 else None


def _agrees(name: str, alias: str, aliases: list[str]) -> bool:
    """`name` agrees with `alias`, or a fuller spelling of the figure vouches for both.

    A story that writes `Rogelio "Boyet" Dimaculangan` or `Daniel Kipng'eno Rotich` says both given names
    are one man's, so once `Boyet Dimaculangan` (or `Kipng'eno Rotich`) is an alias, `Rogelio Dimaculangan`
    (`Daniel Rotich`) still fits the figure. The fuller spelling must write its given names out: `J. Smith`
    vouches for no one, so Jane Smith never joins John Smith through it.
    """
    return same_person(name, alias) or any(
        _fuller(full, name) and _fuller(full, alias) and same_person(name, full) and same_person(alias, full)
        for full in aliases)


def _fuller(full: str, other: str) -> bool:
    """Whether `full` has more given names than `other`, all written out (no initials)."""
    given = name_key(full).split()[:-1]
    return len(given) > len(name_key(other).split()[:-1]) and all(len(g) > 1 for g in given)


def add_alias(db: Database, figure_id: int, name: str) -> None:
    """Record `name` (without its title) as a spelling of `figure_id` (a no-op when its key is known)."""
    name = split_title(name)[1]
    key = identity_key(name)
    if key and _existing(db, key) is None:
        db.table("figure_aliases").insert(
            {"key": key, "alias": name, "surname_key": surname_key(name), "figure_id": figure_id},
            ignore=True,
        )


def resolve(db: Database, name: str, *, role: str | None = None, seen: datetime | None = None) -> int:
    """Return the id of the figure `name` refers to, registering the figure or the new spelling.

    A leading title (`Councilmember Maria Delgado`) is not part of the name:
    it becomes the role when none is given. Raises ValueError only for a
    string without letters, which names nobody.
    """
    title, name = split_title(name)
    role = role or title or None
    key = identity_key(name)
    if not key:
        raise ValueError(f"{name!r} has no letters to match on")
    figure_id = _existing(db, key) or _same_person(db, name)
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

    version: tuple[int, int]  # (max rowid, count): aliases change only by insert or a re-keying migration
    rows: list[tuple[str, str, int, str]]  # (key, alias, figure id, figure name)
    full_spellings: list[str]  # words sorted, for order-blind comparison
    surname_spellings: list[str]
    full_keys: list[str]  # words sorted
    surname_keys: list[str]
    by_key: dict[str, list[int]]  # identity key -> positions in rows
    by_plain_key: dict[str, list[int]]  # identity key without its suffix -> positions
    by_surname: dict[str, list[int]]  # surname key -> positions
    by_figure: dict[int, list[int]]  # figure id -> positions of its aliases


_INDEXES: weakref.WeakKeyDictionary[Database, _AliasIndex] = weakref.WeakKeyDictionary()


def _positions(keys: list[_K]) -> dict[_K, list[int]]:
    out: dict[_K, list[int]] = defaultdict(list)
    for position, key in enumerate(keys):
        out[key].append(position)
    return dict(out)


def _alias_index(db: Database) -> _AliasIndex:
    """The cached alias index of `db`, rebuilt when the aliases changed."""
    top, count = db.execute("SELECT coalesce(max(rowid), 0), count(*) FROM figure_aliases").fetchone()
    version = (int(top), int(count))
    cached = _INDEXES.get(db)
    if cached is not None and cached.version == version:
        return cached
    fetched = db.execute(
        "SELECT a.key, a.alias, a.surname_key, f.id, f.name FROM figure_aliases a JOIN figures f ON f.id = a.figure_id"
    ).fetchall()
    spellings = [fold(row[1]).strip() for row in fetched]
    keys = [str(row[0]) for row in fetched]
    surnames = [str(row[2]) for row in fetched]
    index = _AliasIndex(
        version=version,
        rows=[(str(k), str(alias), int(fid), str(name)) for k, alias, _, fid, name in fetched],
        full_spellings=[_sorted_words(s) for s in spellings],
        surname_spellings=[s.split()[-1] if s.split() else s for s in spellings],
        full_keys=[_sorted_words(k.partition(",")[0]) for k in keys],
        surname_keys=surnames,
        by_key=_positions(keys),
        by_plain_key=_positions([k.partition(",")[0] for k in keys]),
        by_surname=_positions(surnames),
        by_figure=_positions([int(row[3]) for row in fetched]),
    )
    _INDEXES[db] = index
    return index


def find(db: Database, query: str, *, limit: int = 5) -> list[FigureMatch]:
    """Figures that `query` may mean, best first (scores in the module docstring).

    The query may carry a title, omit or add `Jr.`, be a surname alone, or be
    written in Cyrillic; names only similar in spelling (typos, near-namesakes)
    are searched only when nothing else matched, and come back as suggestions.
    """
    name = split_title(query)[1]
    key = identity_key(name)
    if not key:
        return []
    index = _alias_index(db)
    plain = key.partition(",")[0]
    scores: dict[int, float] = {}
    for figure_id in {index.rows[p][2] for p in index.by_surname.get(surname_key(name), [])}:
        aliases = index.by_figure[figure_id]
        if all(same_person(name, index.rows[p][1]) for p in aliases):  # as `resolve` merges: every spelling fits
            scores[aliases[0]] = SAME_PERSON_SCORE
    for position in index.by_plain_key.get(plain, []):
        if plain == key or "," not in index.rows[position][0]:  # Jr. may be missing, not another suffix
            scores[position] = WITHOUT_SUFFIX_SCORE
    for position in index.by_key.get(key, []):
        scores[position] = EXACT_SCORE
    if not scores:  # only then can spelling similarity matter: it never outranks a policy match
        scores = _similar(fold(name).strip(), plain, index, limit)
    best: dict[int, FigureMatch] = {}
    for position, score in scores.items():
        _, alias, figure_id, figure_name = index.rows[position]
        if figure_id not in best or score > best[figure_id].score:
            best[figure_id] = FigureMatch(figure_id, figure_name, alias, score)
    return sorted(best.values(), key=lambda m: (-m.score, m.name))[:limit]


def _sorted_words(text: str) -> str:
    return " ".join(sorted(text.split()))


def _similar(folded: str, plain: str, index: _AliasIndex, limit: int) -> dict[int, float]:
    """Positions of aliases spelt like the query (capped at SIMILAR_SCORE_CAP): surnames for one word.

    Whole names are compared with their words sorted (pre-sorted in the index,
    so plain `ratio` does what `token_sort_ratio` would, at a third of the cost).
    """
    if " " in plain:
        searches = ((_sorted_words(folded), index.full_spellings), (_sorted_words(plain), index.full_keys))
    else:
        searches = ((folded.split()[-1], index.surname_spellings), (plain, index.surname_keys))
    scores: dict[int, float] = {}
    for wanted, choices in searches:
        for _, score, position in process.extract(
            wanted, choices, scorer=fuzz.ratio, limit=limit * 8, score_cutoff=SUGGEST_SCORE
        ):
            scores[position] = max(scores.get(position, 0.0), min(float(score), SIMILAR_SCORE_CAP))
    return scores

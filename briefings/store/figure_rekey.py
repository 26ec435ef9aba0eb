"""Re-key a stored figure registry under the current identity policy, splitting and merging figures.

Stores built with an older policy may hold two people under one figure (the
old vowel-dropping key merged John Hill with John Hall) or one person under
two (a title kept in the name: `Councilmember Maria Delgado` beside `Maria
Delgado`). Re-keying replays the registry over every name the store holds,
in the order it learnt them: each figure's canonical name first (so a
figure keeps its id, and with it its follows), then its aliases, then the
name each statement was stored under. A name joins its old figure when it
still fits it, else the one figure it fits, else a new figure. Every row
that points at a figure (statements, follows, aliases) is re-pointed; when
two statements of one story land on one figure, the one with more quotes is
kept, as `save_frame` does.

The debate tables (migration m010) are derived from frames and statements,
and their alignment and moves depend on who is one person, so they are not
patched but rebuilt: when a re-key moves or drops any statement, it forgets
the version that built them, and the next `update_debates` (every framing
run, so the service's first poll) rebuilds them all from the stored frames.
Until then no row points at a stale figure: each story's positions follow
its surviving statements to their new figures, and the moves of every figure
the re-key touched (a move between two people split apart, or one a merge
would now see) are dropped.

It runs inside the caller's transaction (a migration's) and uses only
`execute`, so nothing commits half-way. It applies the policy of the code
that runs it, so a later change to the policy ships a migration of its own
that calls `rekey_figures` again.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

from sqlite_utils import Database

from briefings.framing.names import identity_key, same_person, split_title, surname_key


@dataclass
class _Figure:
    """A figure of the re-keyed registry: its id, the old figure it came from, and its spellings."""

    figure_id: int
    source: int
    names: list[str] = field(default_factory=list)
    published: list[str] = field(default_factory=list)
    roles: list[tuple[str, str]] = field(default_factory=list)  # (published, role) of its statements


class _Replay:
    """The registry rebuilt in memory, name by name."""

    def __init__(self, next_id: int) -> None:
        self.figures: list[_Figure] = []
        self.by_key: dict[str, _Figure] = {}
        self.by_surname: dict[str, list[_Figure]] = defaultdict(list)
        self.primary: dict[int, _Figure] = {}  # old figure id -> the figure of its canonical name
        self.next_id = next_id

    def place(self, name: str, old_id: int) -> _Figure:
        """The figure `name` (stored under old figure `old_id`) belongs to, creating it if none fits."""
        proper = split_title(name)[1]
        key = identity_key(proper)
        own = self.primary.get(old_id)
        if not key:
            return own or self._new(proper, key, old_id)
        if key in self.by_key:
            return self.by_key[key]
        fits = [f for f in self.by_surname[surname_key(proper)] if all(same_person(proper, n) for n in f.names)]
        figure = own if own in fits else (fits[0] if len(fits) == 1 else None)
        if figure is None:
            return self._new(proper, key, old_id)
        self._remember(figure, proper, key)
        return figure

    def _new(self, name: str, key: str, old_id: int) -> _Figure:
        """A new figure: the old figure's id for its first (canonical) name, a fresh id for a split-off."""
        if old_id in self.primary:
            figure_id, self.next_id = self.next_id, self.next_id + 1
        else:
            figure_id = old_id
        figure = _Figure(figure_id, old_id)
        self.figures.append(figure)
        self.primary.setdefault(old_id, figure)
        self._remember(figure, name, key)
        return figure

    def _remember(self, figure: _Figure, name: str, key: str) -> None:
        if key in self.by_key:
            return
        figure.names.append(name)
        if key:
            self.by_key[key] = figure
            surname = surname_key(name)
            if figure not in self.by_surname[surname]:
                self.by_surname[surname].append(figure)


def rekey_figures(db: Database) -> None:
    """Re-key aliases, split figures whose spellings no longer belong together, merge those that do."""
    old = {int(r[0]): r for r in db.execute("SELECT id, name, role, first_seen, last_seen FROM figures ORDER BY id")}
    if not old:
        return
    replay = _Replay(next_id=max(old) + 1)
    for figure_id, row in old.items():
        figure = replay.place(str(row[1]), figure_id)
        replay.primary.setdefault(figure_id, figure)
    for alias, figure_id in db.execute("SELECT alias, figure_id FROM figure_aliases ORDER BY rowid").fetchall():
        replay.place(str(alias), int(figure_id))
    statements = db.execute(
        "SELECT id, figure_id, story_id, name, published, quotes, role FROM statements ORDER BY published, id"
    ).fetchall()
    moved: dict[int, int] = {}
    kept: dict[tuple[str, int], tuple[int, int]] = {}  # (story, new figure) -> (statement id, quotes)
    drop: list[int] = []
    origin: dict[int, tuple[str, int]] = {}  # statement id -> (story, old figure)
    for statement_id, figure_id, story_id, name, published, quotes, role in statements:
        origin[int(statement_id)] = (str(story_id), int(figure_id))
        figure = replay.place(str(name or old[int(figure_id)][1]), int(figure_id))
        if published:
            figure.published.append(str(published))
        if role:
            figure.roles.append((str(published or ""), str(role)))
        count = len(json.loads(quotes or "[]"))
        other = kept.get((story_id, figure.figure_id))
        if other is not None:
            loser = statement_id if count <= other[1] else other[0]
            drop.append(loser)
            moved.pop(loser, None)
            if loser == statement_id:
                continue
        kept[(story_id, figure.figure_id)] = (statement_id, count)
        if figure.figure_id != figure_id:
            moved[statement_id] = figure.figure_id
    _write(db, old, replay, moved, drop)
    if moved or drop:
        _follow_in_debates(db, kept, origin, changed=[*moved, *drop], new_ids=set(moved.values()))


def _follow_in_debates(db: Database, kept: dict[tuple[str, int], tuple[int, int]],
                       origin: dict[int, tuple[str, int]], *, changed: list[int], new_ids: set[int]) -> None:
    """Re-point the debate rows of the stories whose statements moved, and have the debates rebuilt."""
    if not db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'debate_positions'").fetchone():
        return  # a store from before m010: its debates are built from scratch when they first are
    stories = {origin[i][0] for i in changed}
    survivors: dict[str, list[tuple[int, int]]] = defaultdict(list)  # story -> (new figure, old figure)
    for (story_id, figure_id), (statement_id, _) in kept.items():
        if story_id in stories:
            survivors[story_id].append((figure_id, origin[statement_id][1]))
    for story_id in sorted(stories):
        rows = db.execute("SELECT figure_id, debate_id, side, week FROM debate_positions WHERE story_id = ?",
                          [story_id]).fetchall()
        by_figure = {int(r[0]): r[1:] for r in rows}
        db.execute("DELETE FROM debate_positions WHERE story_id = ?", [story_id])
        for figure_id, source in survivors[story_id]:
            if source in by_figure:
                db.execute("INSERT INTO debate_positions (story_id, figure_id, debate_id, side, week) "
                           "VALUES (?, ?, ?, ?, ?)", [story_id, figure_id, *by_figure[source]])
    touched = {origin[i][1] for i in changed} | new_ids
    db.conn.executemany("DELETE FROM debate_moves WHERE figure_id = ?", [[i] for i in sorted(touched)])
    db.execute("DELETE FROM debate_state WHERE key = 'version'")  # the next update_debates rebuilds them all


def _write(db: Database, old: dict[int, tuple[object, ...]], replay: _Replay, moved: dict[int, int],
           drop: list[int]) -> None:
    """Write the replayed registry over the old one."""
    db.execute("UPDATE figures SET key = '#' || id")  # frees every key for the new ones
    for figure in replay.figures:
        source = old[figure.source]
        seen = sorted(figure.published)
        first, last = (seen[0], seen[-1]) if seen else (source[3], source[4])
        key = identity_key(figure.names[0]) or f"#{figure.figure_id}"  # a name without letters keys by its id
        # a figure split off gets the role its own statements give, not the one it was merged into
        role = source[2] if replay.primary[figure.source] is figure else max(figure.roles, default=("", None))[1]
        values = [figure.names[0], key, role, first, last, figure.figure_id]
        if figure.figure_id in old:
            db.execute("UPDATE figures SET name = ?, key = ?, role = ?, first_seen = ?, last_seen = ? WHERE id = ?",
                       values)
        else:
            db.execute("INSERT INTO figures (name, key, role, first_seen, last_seen, id) VALUES (?, ?, ?, ?, ?, ?)",
                       values)
    db.conn.executemany("DELETE FROM statements WHERE id = ?", [[i] for i in drop])
    columns = [str(c[1]) for c in db.execute("PRAGMA table_info(statements)").fetchall()]
    for statement_id, figure_id in moved.items():
        row = list(db.execute("SELECT * FROM statements WHERE id = ?", [statement_id]).fetchone())
        row[columns.index("figure_id")] = figure_id
        db.execute("DELETE FROM statements WHERE id = ?", [statement_id])
        db.execute(f"INSERT INTO statements ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", row)
    for figure_id, figure in replay.primary.items():
        if figure.figure_id != figure_id:
            db.execute("UPDATE OR IGNORE follows SET figure_id = ? WHERE figure_id = ?", [figure.figure_id, figure_id])
            db.execute("DELETE FROM follows WHERE figure_id = ?", [figure_id])
    db.execute("DELETE FROM figure_aliases")
    db.conn.executemany(
        "INSERT INTO figure_aliases (key, alias, surname_key, figure_id) VALUES (?, ?, ?, ?)",
        [[identity_key(n), n, surname_key(n), f.figure_id] for f in replay.figures for n in f.names if identity_key(n)],
    )
    live = {f.figure_id for f in replay.figures}
    db.conn.executemany("DELETE FROM figures WHERE id = ?", [[i] for i in old if i not in live])

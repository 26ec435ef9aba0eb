"""A re-key on a store that holds debates: no debate row is left pointing at a stale figure.

The store is built as the service builds it (frames saved, debates aligned),
then an old policy's wrong merge is put back by hand (John Hall's statements
under John Hill's figure, with the move between the two such a merge makes
up), and `rekey_figures` runs as a later re-key migration would.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlite_utils import Database

from briefings.debates import ALGORITHM_VERSION, rebuild_debates, update_debates
from briefings.framing.model import FigureFrame, StanceFrame
from briefings.store import open_database
from briefings.store.figure_rekey import rekey_figures
from briefings.store.statements import save_frame

QUESTION = "Should the bridge carry trams?"


def story(db: Database, n: int, *figures: FigureFrame) -> None:
    published = datetime(2026, 11, n, 9, tzinfo=UTC)
    db.table("stories").insert({"id": f"s{n}", "title": f"Bridge, part {n}", "link": f"https://example.org/s{n}",
                                "published": published.isoformat()})
    save_frame(db, story_id=f"s{n}", published=published, frame=StanceFrame(question=QUESTION, figures=list(figures)))


def figure_id(db: Database, name: str) -> int:
    return int(db.execute("SELECT id FROM figures WHERE name = ?", [name]).fetchone()[0])


def wrongly_merged_store() -> Database:
    db = open_database(memory=True)
    story(db, 2, FigureFrame(name="John Hill", side="trams", quotes=["Trams move more people."]),
          FigureFrame(name="Piet Loos", side="cars", quotes=["Cars pay for the bridge."]))
    story(db, 3, FigureFrame(name="John Hall", side="cars", quotes=["Keep the lanes for cars."]),
          FigureFrame(name="Nadia Ferro", side="trams", quotes=["Trams, and soon."]))
    story(db, 4, FigureFrame(name="John Hill", side="trams", quotes=["Still trams."]),
          FigureFrame(name="Piet Loos", side="cars", quotes=["Still cars."]))
    hill, hall = figure_id(db, "John Hill"), figure_id(db, "John Hall")
    # What an older identity policy stored: Hall under Hill's figure, one person in two stories' camps.
    db.execute("UPDATE statements SET figure_id = ? WHERE figure_id = ?", [hill, hall])
    db.execute("DELETE FROM figure_aliases WHERE figure_id = ?", [hall])
    db.execute("DELETE FROM figures WHERE id = ?", [hall])
    db.execute("DELETE FROM debate_state")
    update_debates(db)  # the debates as that store built them
    [(debate,)] = db.execute("SELECT DISTINCT debate_id FROM debate_positions").fetchall()
    sides = {int(s) for (s,) in db.execute("SELECT side FROM debate_positions WHERE figure_id = ?", [hill])}
    db.table("debate_moves").insert({"debate_id": debate, "figure_id": hill, "before_story": "s2",
                                     "after_story": "s3", "from_side": min(sides), "to_side": max(sides),
                                     "week": "2026-W45", "cue": "made up by the merge"})
    db.conn.commit()
    return db


def debate_rows(db: Database) -> dict[str, list[tuple[object, ...]]]:
    return {
        "positions": db.execute("SELECT story_id, f.name, p.debate_id, side FROM debate_positions p "
                                "JOIN figures f ON f.id = p.figure_id ORDER BY story_id, f.name").fetchall(),
        "moves": db.execute("SELECT f.name, before_story, after_story FROM debate_moves m "
                            "JOIN figures f ON f.id = m.figure_id ORDER BY m.id").fetchall(),
        "sides": db.execute("SELECT debate_id, side, name FROM debate_sides ORDER BY debate_id, side").fetchall(),
    }


def assert_no_stale_figure(db: Database) -> None:
    for table in ("debate_positions", "debate_moves"):
        stale = db.execute(f"SELECT count(*) FROM {table} WHERE figure_id NOT IN (SELECT id FROM figures)")
        assert stale.fetchone()[0] == 0, table
    unmatched = db.execute("SELECT p.story_id, p.figure_id FROM debate_positions p LEFT JOIN statements s "
                           "ON s.story_id = p.story_id AND s.figure_id = p.figure_id WHERE s.id IS NULL")
    assert unmatched.fetchall() == []  # every position is the side of a statement that exists


def test_rekey_repoints_debate_positions_drops_made_up_moves_and_has_debates_rebuilt() -> None:
    db = wrongly_merged_store()
    assert db.execute("SELECT count(*) FROM debate_moves").fetchone()[0] == 1
    with db.conn:
        rekey_figures(db)  # as a re-key migration runs it, in its transaction

    hill, hall = figure_id(db, "John Hill"), figure_id(db, "John Hall")
    assert hill != hall  # the wrong merge is split
    assert_no_stale_figure(db)
    positions = {(str(s), int(f)) for s, f in db.execute("SELECT story_id, figure_id FROM debate_positions")}
    assert ("s3", hall) in positions and ("s3", hill) not in positions  # Hall's side went with Hall
    assert {("s2", hill), ("s4", hill)} <= positions
    assert db.execute("SELECT count(*) FROM debate_moves").fetchone()[0] == 0  # no move from Hill to Hall
    assert db.execute("SELECT value FROM debate_state WHERE key = 'version'").fetchone() is None

    assert update_debates(db).rebuilt  # the next framing run rebuilds every debate from the frames
    assert db.execute("SELECT value FROM debate_state WHERE key = 'version'").fetchone()[0] == ALGORITHM_VERSION
    assert_no_stale_figure(db)
    rebuilt = debate_rows(db)
    rebuild_debates(db)  # the same as a rebuild from scratch on the re-keyed registry
    assert debate_rows(db) == rebuilt


def test_a_rekey_that_changes_nothing_keeps_the_debates_as_they_are() -> None:
    db = wrongly_merged_store()
    with db.conn:
        rekey_figures(db)
    update_debates(db)
    before = debate_rows(db)
    with db.conn:
        rekey_figures(db)  # the registry already fits the policy
    assert db.execute("SELECT value FROM debate_state WHERE key = 'version'").fetchone()[0] == ALGORITHM_VERSION
    assert debate_rows(db) == before

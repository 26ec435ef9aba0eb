"""Debates across stories: grouping, debate-level sides, who moved, rebuilds; the demo and the dev series."""

from __future__ import annotations

import json
import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from bot.cli import cli
from bot.stance_text import stance_json
from briefings.compose import IsoWeek, compose_briefing
from briefings.debates import ALGORITHM_VERSION, rebuild_debates, update_debates
from briefings.debates.cues import change_cue_about, has_change_cue, real_question
from briefings.feeds import ingest_sources
from briefings.framing.model import FigureFrame, Side, StanceFrame
from briefings.pipeline import frame_new_stories
from briefings.sample import SAMPLE_FEED
from briefings.stance import lookup_stance
from briefings.store import open_database
from briefings.store.statements import save_frame
from tests.conftest import SHARED

SERIES = Path(__file__).parent / "data" / "series"


def fig(name: str, side: str | None, *quotes: str, stance: str | None = None, role: str | None = None) -> FigureFrame:
    return FigureFrame(name=name, side=side, role=role, stance=stance, quotes=list(quotes))


def add(db: Database, story_id: str, day: int, frame: StanceFrame, text: str = "") -> None:
    when = datetime(2026, 11, day, 9, tzinfo=UTC)
    db.table("stories").insert({"id": story_id, "title": frame.title or story_id, "text": text,
                                "link": f"https://example.org/{story_id}", "published": when.isoformat()})
    save_frame(db, story_id=story_id, frame=frame, published=when)
    update_debates(db)


def sides_of(db: Database, name: str) -> list[str | None]:
    """A figure's debate-level side per statement, oldest first."""
    found = lookup_stance(db, name).report
    assert found is not None, name
    return [s.side for s in reversed(found.statements)]


def moved(db: Database, name: str) -> list[tuple[str | None, str | None, str]]:
    found = lookup_stance(db, name).report
    assert found is not None, name
    return [(c.before.side, c.after.side, c.after.story_id) for c in found.changes]


@pytest.fixture
def council(fresh_db: Database) -> Database:
    """A city-council feed of two stories whose local labels mean opposite things.

    The first story's "for" backs the bus lane; the second story is about the
    opponents' motion to delay it, so its "for" backs the delay.
    """
    add(fresh_db, "lane-1", 10, StanceFrame(
        title="Council weighs a bus lane on Harbour Road",
        question="Should the council build the Harbour Road bus lane?",
        sides=[Side(label="for"), Side(label="against"), Side(label="observer")],
        figures=[
            fig("Mira Olsen", "for", "Buses carry a third of the road's people in a tenth of its space.",
                role="councillor, the measure's sponsor"),
            fig("Ken Dutta", "for", "Every stop on the route has asked for this."),
            fig("Paul Varga", "against", "Take away the parking and the shops on this road close."),
            fig("Ruth Amsel", "observer", "Both sides are guessing about the traffic.", role="transport analyst"),
        ],
    ))
    add(fresh_db, "lane-2", 17, StanceFrame(
        title="Shop owners' motion would delay the Harbour Road bus lane",
        question="Should the council delay the bus lane by a year?",
        sides=[Side(label="for"), Side(label="against")],
        figures=[
            fig("Paul Varga", "for", "A year to count the traffic is not too much to ask."),
            fig("Lena Frost", "for", "We only ask that somebody measures before they dig."),
            fig("Mira Olsen", "against", "A delay is a defeat with better manners."),
            fig("Ken Dutta", "against", "The survey has been done twice."),
        ],
    ))
    return fresh_db


def test_the_sponsor_never_stands_beside_her_main_opponent(council: Database) -> None:
    assert council.table("debates").count == 1  # two questions, one debate: the same people argue it
    olsen, dutta = sides_of(council, "Mira Olsen"), sides_of(council, "Ken Dutta")
    varga, frost = sides_of(council, "Paul Varga"), sides_of(council, "Lena Frost")
    assert olsen[0] == olsen[1] == dutta[0] == dutta[1]
    assert varga[0] == varga[1] == frost[0] != olsen[0]
    assert sides_of(council, "Ruth Amsel") == ["observer"]
    assert not any(moved(council, n) for n in ("Mira Olsen", "Ken Dutta", "Paul Varga", "Lena Frost"))
    names = [side.label for side in compose_briefing(council, week=IsoWeek(2026, 47)).debates[0].sides]
    assert "for" not in names and "against" not in names  # debate sides are named by what they want


@pytest.fixture
def league(fresh_db: Database) -> Database:
    """Three weeks of a salary-cap debate: one real mover, one figure only described, one observer."""
    add(fresh_db, "cap-1", 3, StanceFrame(
        title="Owners and players split over the salary cap",
        sides=[Side(label="keep"), Side(label="scrap")],
        figures=[
            fig("Olek Brant", "keep", "Without the cap, three clubs fold within a season."),
            fig("Ina Vosk", "keep", "Small towns keep their teams because of the cap."),
            fig("Sam Dray", "scrap", "The cap is a tax on ambition and it has to go."),
            fig("Tova Rell", "scrap", "Players deserve what the market pays them."),
        ],
    ))
    add(fresh_db, "cap-2", 10, StanceFrame(
        title="Union chief Dray softens on the salary cap",
        sides=[Side(label="supporters"), Side(label="critics")],
        figures=[
            fig("Sam Dray", "supporters", "I was wrong about the cap; the smaller clubs need it."),
            fig("Olek Brant", "supporters", "Sam has seen the books."),
            fig("Tova Rell", "critics", "Nothing about the market has changed."),
            # described by someone else, and placed by the frame on the other side: not a move
            fig("Ina Vosk", "critics", stance="Vosk, rivals say, is weighing her options."),
        ],
    ), text="Sam Dray said he had changed his mind after seeing the clubs' accounts.")
    add(fresh_db, "cap-3", 17, StanceFrame(
        title="Salary cap vote set for Friday",
        sides=[Side(label="yes"), Side(label="no")],
        figures=[
            fig("Tova Rell", "no", "We will vote no and say why."),
            fig("Sam Dray", "yes", "The cap stays, and the clubs stay."),
            fig("Ina Vosk", "yes", "I have not moved an inch."),
        ],
    ), text="Ina Vosk said she had not changed her mind.")
    return fresh_db


def test_only_the_figure_who_changed_in_their_own_words_moved(league: Database) -> None:
    [(before, after, story)] = moved(league, "Sam Dray")
    assert story == "cap-2" and before != after == sides_of(league, "Olek Brant")[0]
    assert moved(league, "Ina Vosk") == [] and moved(league, "Tova Rell") == [] and moved(league, "Olek Brant") == []
    assert len(set(sides_of(league, "Ina Vosk"))) == 1  # steady, whatever one story's frame said of her
    briefing = compose_briefing(league, week=IsoWeek(2026, 47))
    assert [m.name for m in briefing.moves] == ["Sam Dray"]  # within the month before week 47
    report = lookup_stance(league, "Dray").report
    assert report is not None
    data = stance_json(report)
    assert data["changes"][0]["after"]["story"]["link"] == "https://example.org/cap-2"
    assert {s["side"] for s in data["statements"]} == {data["changes"][0]["from"], data["changes"][0]["to"]}


def test_unrelated_stories_are_separate_debates_and_a_rebuild_keeps_ids(league: Database) -> None:
    add(league, "bridge", 18, StanceFrame(
        title="Harbour bridge trams plan goes to consultation",
        question="Should the harbour bridge carry trams?",
        figures=[fig("Nadia Ferro", "trams", "Trams move twice the people."), fig("Piet Loos", "cars")],
    ))
    before = {row["story_id"]: row["debate_id"] for row in league.table("debate_stories").rows}
    assert len(set(before.values())) == 2 and before["cap-1"] == before["cap-3"] != before["bridge"]
    league.table("debate_state").upsert({"key": "version", "value": "an older algorithm"}, pk="key")
    run = update_debates(league)  # an upgrade: the stored debates are rebuilt from the frames
    assert run.rebuilt and league.table("debate_state").get("version")["value"] == ALGORITHM_VERSION
    assert {row["story_id"]: row["debate_id"] for row in league.table("debate_stories").rows} == before
    assert rebuild_debates(league).placed == 4 and moved(league, "Sam Dray")


def test_change_cues_are_scoped_to_their_subject_and_not_negated() -> None:
    text = ("Iain Roe, whose ward borders the site Alan Fraser's firm wants to build on, said he had changed "
            "his mind. Fraser would not change his position again.")
    names = ["Iain Roe", "Alan Fraser"]
    assert change_cue_about("Iain Roe", quotes=[], stance=None, story_text=text, names=names)
    assert change_cue_about("Alan Fraser", quotes=[], stance=None, story_text=text, names=names) is None
    assert has_change_cue("I was wrong about this") and not has_change_cue("she has not changed her mind")
    lede = "A union steward who led the walkout now backs arbitration. Ana Pires told members the strike must end."
    assert change_cue_about("Ana Pires", quotes=[], stance=None, story_text=lede, names=["Ana Pires"])
    assert real_question("Should the West keep sanctions on Varnia?")
    assert real_question("The argument over how to deal with Vasil Dubrouski?") is None
    assert real_question("Whether the arrests stopped?") is None


def test_demo_who_moved_names_exactly_marchuk_and_dabravolski(fresh_db: Database) -> None:
    for result in ingest_sources(fresh_db, [str(SAMPLE_FEED)], full_text=False):
        assert result.ok
    frame_new_stories(fresh_db)
    briefing = compose_briefing(fresh_db, week=IsoWeek(2026, 48))
    moves = {m.name: m for m in briefing.moves}
    assert set(moves) == {"Uladzimir Marchuk", "Ihar Dabravolski"}
    marchuk, dabravolski = moves["Uladzimir Marchuk"], moves["Ihar Dabravolski"]
    assert marchuk.after.source.published and marchuk.after.source.published.isocalendar()[1] == 47
    assert dabravolski.after.source.published and dabravolski.after.source.published.isocalendar()[1] == 48
    assert marchuk.before.side == dabravolski.after.side and marchuk.after.side == dabravolski.before.side
    assert dabravolski.after.side != "compromise"  # `still supported talks, but only if` is the pressure camp's terms
    hrytsevich = {s for s in sides_of(fresh_db, "Hrytsevich") if s}
    assert hrytsevich == {marchuk.before.side}  # pressure throughout, beside Marchuk's old side
    assert moved(fresh_db, "Hrytsevich") == [] and moved(fresh_db, "Svirydau") == []
    assert {s for s in sides_of(fresh_db, "Svirydau") if s} == {"regime"}
    [debate] = briefing.debates
    camp = {f.name: side.label for side in debate.sides for f in side.figures}
    assert camp["Ryhor Svirydau"] != camp["Aliaksandra Hrytsevich"]  # /figures no longer lumps them under "for"
    assert camp["Hanna Liashkevich"] == camp["Margit Lehner"] == "observer"
    cli_output = CliRunner().invoke(cli, ["demo", "--no-chat"]).output
    who_moved = cli_output.split("\nWho moved\n", 1)[1].split("\n1. ", 1)[0]  # the digest: moves, then debates
    assert "Marchuk" in who_moved and "Dabravolski" in who_moved
    for steady in ("Hrytsevich, Opposition leader:", "Svirydau", "Kavalchuk", "Barysevich", "Whitcombe"):
        assert steady not in who_moved


# Floors measured on the dev series with this code: with the extractive frames (their local sides put
# nearly everyone in one camp on these texts, which caps what alignment can recover), and with the
# truth's sides renamed in every story ("for" in one story is "against" in the next), which measures
# the alignment alone: what it loses there is figures the registry or the frames name differently.
FLOORS = {  # series: (side_pairs, movers found, false moves at most)
    "durban-port-pay": (0.45, 1, 0),
    "inverness-tower": (0.74, 1, 0),
    "mexico-korea-trade": (0.55, 0, 0),
    "lagos-market-move": (0.54, 0, 0),  # 0.59 -> 0.55 when cues relate to the last speaker (week 2 regrouped)
    "valencia-port-tunnel": (0.55, 2, 0),  # 0.84 -> 0.58 once Enrique Mora is Enric Mora (alignment 0.92 -> 1.00):
    # the merged week-3 frame (Mora beside Puig, Ferrer beside the builders) now pulls on Mora's camp
    "kazakh-grain-export": (0.62, 1, 0),
    "sao-paulo-metro-pay": (0.44, 1, 0),
    "pzpn-term-limit": (0.55, 1, 0),
    "kyrgyz-gold-mine-deal": (0.35, 1, 0),  # first look 0.34 (movers 0 of 1): three camps the frames mix up
    "wales-second-homes-levy": (0.45, 1, 0),  # first look 0.32
    "ghana-cocoa-price-strike": (0.40, 1, 0),  # first look 0.42 (movers 1 of 2, 1 false)
    "hokkaido-rail-closure": (0.35, 1, 0),  # first look 0.11 (movers 0 of 1, 1 false): names family-name-first
    "norway-salmon-rent-tax": (0.55, 1, 1),  # first look 0.46 (movers 0 of 2, 1 false): Sjøholt/Sjoeholt
    "manila-jeepney-phaseout": (0.58, 1, 0),  # first look 0.45 (movers 1 of 2): `Rogelio "Boyet" Dimaculangan`
    "romania-forest-logging-ban": (0.52, 1, 0),  # first look 0.57 (movers 1 of 2)
    "kenya-tea-auction-reform": (0.46, 1, 0),  # first look 0.31 (movers 1 of 2): name order changes week to week
    "quebec-nurse-overtime-strike": (0.60, 1, 0),  # first look 0.63 (movers 1 of 2)
    "ethiopia-kenya-power-export": (0.35, 0, 0),  # first look 0.38 (movers 0 of 2): a three-way split each week
}
ALIGNMENT_FLOORS = {  # series: (side_pairs, movers found, false moves at most), local sides from the truth
    "durban-port-pay": (0.88, 1, 0),
    "inverness-tower": (0.87, 1, 0),
    "mexico-korea-trade": (0.86, 0, 0),
    "lagos-market-move": (0.76, 0, 0),
    "valencia-port-tunnel": (0.95, 2, 0),
    "kazakh-grain-export": (0.85, 1, 0),
    "sao-paulo-metro-pay": (0.83, 1, 0),
    "pzpn-term-limit": (0.97, 1, 0),
    "kyrgyz-gold-mine-deal": (0.85, 1, 0),
    "wales-second-homes-levy": (0.85, 1, 0),
    "ghana-cocoa-price-strike": (0.84, 1, 0),
    "hokkaido-rail-closure": (0.97, 1, 0),
    "norway-salmon-rent-tax": (0.82, 1, 1),
    "romania-forest-logging-ban": (0.90, 1, 0),
    "kenya-tea-auction-reform": (0.88, 1, 0),
    "manila-jeepney-phaseout": (0.90, 1, 0),
    "quebec-nurse-overtime-strike": (0.90, 1, 0),
    "ethiopia-kenya-power-export": (0.78, 1, 0),
}


def truth_sides(db: Database, series: Path, truth: dict[str, Any], weeks: dict[str, str]) -> None:
    """Replace every statement's local side with the truth's, under labels that change from story to story."""
    camps = sorted({s for ws in truth["figures"].values() for s in ws.values()} - {"observer"})
    stories = {str(link).rsplit("/", 1)[-1] + ".txt": sid for sid, link in db.execute("SELECT id, link FROM stories")}
    db.execute("UPDATE statements SET side = NULL")
    for turn, (week, story_id) in enumerate(sorted(stories.items())):
        local = {camp: LOCAL_LABELS[(i + turn) % len(LOCAL_LABELS)] for i, camp in enumerate(camps)}
        local["observer"] = "observer"
        for name, sides in truth["figures"].items():
            found = lookup_stance(db, name).report
            if found is not None and week in sides:
                db.execute("UPDATE statements SET side = ? WHERE figure_id = ? AND story_id = ?",
                           [local[sides[week]], found.figure_id, story_id])
    db.conn.commit()
    rebuild_debates(db)


LOCAL_LABELS = ("for", "against", "yes", "no")  # labels that say nothing, so only the alignment can tell


def score(series: Path, tmp: Path, *, oracle: bool = False) -> tuple[float, int, int]:
    """score_series.py's side_pairs, movers found and false moves, in-process (no subprocess, no network).

    With `oracle`, the frames' local sides are replaced by the truth's (renamed per story) first.
    """
    sys.path.insert(0, str(SHARED / "tools"))
    try:
        import score_series
    finally:
        sys.path.pop(0)
    truth = json.loads((series / "truth.json").read_text())
    weeks = truth["weeks"]
    score_series.write_feed(series, weeks, tmp / "feed.xml")
    db = str(tmp / "series.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(tmp / "feed.xml"), "--no-full-text", "--db", db]).exit_code == 0
    if oracle:
        truth_sides(open_database(db), series, truth, weeks)
    got: dict[tuple[str, str], str] = {}
    moves: set[tuple[str, str | None]] = set()
    for name in truth["figures"]:
        answer = runner.invoke(cli, ["stance", name, "--json", "--db", db])
        if answer.exit_code:
            continue
        data = json.loads(answer.output)
        for st in data["statements"]:
            week = score_series.week_of(st["story"]["link"] or "", series, weeks)
            if week and st["side"]:
                got[(name, week)] = st["side"]
        for change in data["changes"]:
            moves.add((name, score_series.week_of(change["after"]["story"]["link"] or "", series, weeks)))
    items = [((n, w), s) for n, ws in truth["figures"].items() for w, s in ws.items()]
    same, diff = [0, 0], [0, 0]
    for index, (a, side_a) in enumerate(items):
        for b, side_b in items[index + 1:]:
            both = a in got and b in got
            tally = same if side_a == side_b else diff
            tally[1] += 1
            tally[0] += both and ((got.get(a) == got.get(b)) == (side_a == side_b))
    pairs = (same[0] / same[1] if same[1] else 1) / 2 + (diff[0] / diff[1] if diff[1] else 1) / 2
    gold = {(m["name"], m["week"]) for m in truth["movers"]}
    return pairs, len(gold & moves), len(moves - gold)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_dev_series_scores_hold_their_measured_floors(name: str, tmp_path: Path) -> None:
    pairs, found, false = score(SERIES / name, tmp_path)
    floor_pairs, floor_found, most_false = FLOORS[name]
    assert pairs >= floor_pairs and found >= floor_found and false <= most_false, (pairs, found, false)


@pytest.mark.parametrize("name", sorted(ALIGNMENT_FLOORS))
def test_alignment_alone_holds_its_measured_floors(name: str, tmp_path: Path) -> None:
    pairs, found, false = score(SERIES / name, tmp_path, oracle=True)
    floor_pairs, floor_found, most_false = ALIGNMENT_FLOORS[name]
    assert pairs >= floor_pairs and found >= floor_found and false <= most_false, (pairs, found, false)


def test_a_reframed_story_is_placed_again(council: Database) -> None:
    """A better framer re-run over an old story replaces its positions (save_frame gives it a new framed_at)."""
    when = datetime(2026, 11, 17, 9, tzinfo=UTC)
    save_frame(council, story_id="lane-2", published=when, now=datetime(2026, 12, 1, tzinfo=UTC), frame=StanceFrame(
        title="Shop owners' motion would delay the Harbour Road bus lane",
        figures=[fig("Paul Varga", "delay", "A year to count the traffic is not too much to ask."),
                 fig("Mira Olsen", "build now", "A delay is a defeat with better manners.")],
    ))
    assert update_debates(council).placed == 1
    assert sides_of(council, "Lena Frost") == []  # gone from the new frame, gone from the debate
    assert sides_of(council, "Mira Olsen")[0] == sides_of(council, "Mira Olsen")[1] != sides_of(council, "Varga")[1]
    assert council.table("debates").count == 1 and update_debates(council).placed == 0


def test_stories_group_into_their_debates(fresh_db: Database, tmp_path: Path) -> None:
    """The dev series, the demo sample and the gold stories together: one debate per topic, none mixed."""
    sys.path.insert(0, str(SHARED / "tools"))
    try:
        import score_series
    finally:
        sys.path.pop(0)
    topics: dict[str, str] = {}
    serieses = sorted(p for p in SERIES.iterdir() if p.is_dir())
    for series in serieses:
        score_series.write_feed(series, json.loads((series / "truth.json").read_text())["weeks"],
                                tmp_path / f"{series.name}.xml")
        assert all(r.ok for r in ingest_sources(fresh_db, [str(tmp_path / f"{series.name}.xml")], full_text=False))
    assert all(r.ok for r in ingest_sources(fresh_db, [str(SAMPLE_FEED)], full_text=False))
    gold = sorted(p for p in (Path(__file__).parent / "data" / "gold").glob("*.txt") if "sample-" not in p.name)
    for day, path in enumerate(gold, start=1):
        title, text = path.read_text().split("\n", 1)
        fresh_db.table("stories").insert({"id": path.stem, "title": title, "text": text, "link": f"gold:{path.stem}",
                                          "published": datetime(2026, 5, day, tzinfo=UTC).isoformat()})
    frame_new_stories(fresh_db)
    for story_id, link, debate_id in fresh_db.execute(
        "SELECT s.id, s.link, d.debate_id FROM stories s JOIN debate_stories d ON d.story_id = s.id"
    ).fetchall():
        topic = link.split("/")[-2] if "series.example.org" in link else link if link.startswith("gold:") else "demo"
        assert topics.setdefault(debate_id, topic) == topic, story_id
    assert len(topics) == len(set(topics.values())) == len(gold) + len(serieses) + 1  # and the demo


def test_a_label_that_says_what_it_wants_links_stories(fresh_db: Database) -> None:
    """Frames that name sides by what they want (as the LLM backend does) line up across stories by name."""
    question = "Should the port go to binding arbitration?"
    add(fresh_db, "port-1", 3, StanceFrame(title="Port strike talks", question=question, figures=[
        fig("Ana Pires", "strike", "We stay out until the offer moves."),
        fig("Joao Lemos", "arbitration", "Let an arbitrator decide."),
    ]))
    add(fresh_db, "port-2", 10, StanceFrame(title="Port strike talks resume", question=question, figures=[
        fig("Rui Costa", "arbitration", "An arbitrator is the fastest way back to work."),
        fig("Eva Brito", "strike", "Not one day back without ten percent."),
    ]))
    assert fresh_db.table("debates").count == 1
    assert sides_of(fresh_db, "Rui Costa") == sides_of(fresh_db, "Joao Lemos") == ["arbitration"]
    assert sides_of(fresh_db, "Eva Brito") == sides_of(fresh_db, "Ana Pires") == ["strike"]


def test_labels_that_flip_meaning_and_a_fifth_wrong_still_align(fresh_db: Database) -> None:
    """80 stories of one debate: each story's "for" means either camp, and a fifth of its labels are wrong."""
    first = ("Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Irina", "Jonas", "Kasia",
             "Lukas", "Marta", "Nikos", "Olga", "Pavel")
    last = ("Abbott", "Brennan", "Castillo", "Dvorak", "Eriksen", "Falk", "Gorski", "Horvat", "Ivanova", "Jablonski",
            "Kowalczyk", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov")
    people = [f"{a} {b}" for a, b in zip(first, last, strict=True)]
    rng = random.Random(2)
    for n in range(80):
        when = datetime(2025, 1, 1, tzinfo=UTC) + timedelta(days=7 * n)
        flip = rng.random() < 0.5
        figures = []
        for i, name in sorted((people.index(p), p) for p in rng.sample(people, 6)):
            wrong = rng.random() < 0.2
            figures.append(fig(name, "for" if ((i % 2 == 0) != flip) != wrong else "against", "Words."))
        fresh_db.table("stories").insert({"id": f"s{n}", "title": f"Council plan, part {n}", "link": f"x/{n}",
                                          "published": when.isoformat()})
        save_frame(fresh_db, story_id=f"s{n}", frame=StanceFrame(figures=figures), published=when)
    rebuild_debates(fresh_db)
    camp = {people[i]: i % 2 for i in range(len(people))}
    rows = fresh_db.execute("SELECT s.name, p.side FROM debate_positions p JOIN statements s "
                            "ON s.story_id = p.story_id AND s.figure_id = p.figure_id").fetchall()
    assert all((camp[a] == camp[b]) == (x == y) for i, (a, x) in enumerate(rows) for b, y in rows[i + 1:])
    assert fresh_db.table("debate_moves").count == 0


def test_a_figure_whose_position_a_story_says_has_not_changed_keeps_last_weeks_side(fresh_db: Database) -> None:
    add(fresh_db, "rail-1", 2, StanceFrame(
        title="Rail operator proposes to close the valley line",
        sides=[Side(label="close"), Side(label="keep")],
        figures=[fig("Masa Hoshi", "close", "Closing it is the responsible choice."),
                 fig("Kazu Ono", "keep", "We will not trade the rails for money.")],
    ))
    add(fresh_db, "rail-2", 9, StanceFrame(
        title="Valley line council meets as protesters gather",
        sides=[Side(label="for")],
        figures=[fig("Kazu Ono", "for", "We want the trains."),
                 fig("Masa Hoshi", None, stance="A spokesman said Hoshi's view had not changed.")],
    ), text="A spokesman said Hoshi's view had not changed and that he still wanted the last train in 2028.")
    assert sides_of(fresh_db, "Masa Hoshi") == [sides_of(fresh_db, "Masa Hoshi")[0]] * 2
    assert sides_of(fresh_db, "Masa Hoshi")[0] is not None
    assert moved(fresh_db, "Masa Hoshi") == []


def test_a_long_negation_before_a_change_cue_voids_it() -> None:
    assert not has_change_cue("He said that nothing in the week since his announcement had changed his mind.")
    assert has_change_cue("He said that the week since his announcement had changed his mind.")

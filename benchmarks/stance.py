"""Benchmark: `/stance NAME` latency with 100,000 stored statements.

Builds a database of synthetic figures (name variants included) and 100,000
statements, then times `lookup_stance` for exact names, transliterated
spellings, surnames, typos and unknown names. The baseline, run in the same
process, is the bare indexed SQL fetch of one figure's statements: the floor
any lookup pays.

    python benchmarks/stance.py [--statements 100000] [--queries 2000]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from briefings.framing.names import identity_key, surname_key
from briefings.stance import lookup_stance
from briefings.store import open_database

GIVEN = ["Aliaksandr", "Sviatlana", "Pavel", "Maryia", "Ihar", "Volha", "Andrei", "Tatsiana", "Siarhei", "Iryna",
         "Dzmitry", "Hanna", "Mikalai", "Alena", "Viktar", "Natallia", "Yauhen", "Katsiaryna", "Uladzimir", "Darya"]
ROOTS = ["Kaval", "Tsikhan", "Lat", "Bial", "Kalesn", "Babar", "Sudal", "Harbun", "Viach", "Karbal", "Rudn",
         "Loik", "Khom", "Makar", "Zhyl", "Shush", "Pazn", "Statk", "Marc", "Dubr", "Hrits", "Kupr", "Lyav", "Ramz"]
ENDINGS = ["euski", "ouskaya", "ushka", "iatski", "ikava", "yka", "enka", "ova", "orka", "evich", "ik", "ka", "ich"]


def build(path: Path, statements: int, seed: int = 7) -> list[str]:
    """Fill a database with figures and statements; return the figure names."""
    rng = random.Random(seed)
    db = open_database(path)
    by_key: dict[str, str] = {}
    for _ in range(8000):
        name = f"{rng.choice(GIVEN)} {rng.choice(ROOTS)}{rng.choice(ENDINGS)}"
        by_key.setdefault(identity_key(name), name)
    names = sorted(by_key.values())
    figures, aliases = [], []
    for figure_id, name in enumerate(names, start=1):
        key = identity_key(name)
        figures.append({"id": figure_id, "name": name, "key": key, "role": "activist"})
        aliases.append({"key": key, "alias": name, "surname_key": surname_key(name), "figure_id": figure_id})
    db.table("figures").insert_all(figures)
    db.table("figure_aliases").insert_all(aliases, ignore=True)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    stories = [{"id": f"s{i}", "title": f"Story {i}", "link": f"https://example.org/{i}"} for i in range(statements)]
    db.table("stories").insert_all(stories)
    rows = (
        {
            "figure_id": rng.randint(1, len(names)), "story_id": f"s{i}",
            "published": (start + timedelta(hours=i)).isoformat(), "name": "x", "role": "activist",
            "side": rng.choice(["engagement", "pressure", "observer"]), "stance": "Argues for talks.",
            "question": "Engage or pressure?", "quotes": json.dumps(["We must talk."]), "evidence": "[]",
        }
        for i in range(statements)
    )
    db.table("statements").insert_all(rows, batch_size=5000, ignore=True)
    return names


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=2000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        names = build(path, args.statements)
        db = open_database(path)
        stored = db.table("statements").count
        rng = random.Random(11)
        queries: list[str] = []
        for _ in range(args.queries):
            name = rng.choice(names)
            given, surname = name.split()
            queries.append(rng.choice([
                name, surname, surname.replace("ou", "ov").replace("Ts", "T"), surname[:-1] + "o",
                f"{given} {surname}".lower(), "Nobody Atall",
            ]))
        lookup_stance(db, queries[0])  # build the alias index once, as a running bot has
        timings = []
        for query in queries:
            started = time.perf_counter()
            lookup_stance(db, query)
            timings.append((time.perf_counter() - started) * 1000)
        baseline = []
        for _ in range(args.queries):
            figure_id = rng.randint(1, len(names))
            started = time.perf_counter()
            db.execute(
                "SELECT * FROM statements WHERE figure_id = ? ORDER BY published DESC LIMIT 20", [figure_id]
            ).fetchall()
            baseline.append((time.perf_counter() - started) * 1000)
    p50, p99 = statistics.median(timings), percentile(timings, 0.99)
    base99 = percentile(baseline, 0.99)
    print(f"stance lookup: {stored:,} statements, {len(names):,} figures, {len(queries):,} queries")
    print(f"  lookup_stance   p50 {p50:6.2f} ms   p99 {p99:6.2f} ms   (target p99 <= 20 ms)")
    print(f"  bare SQL fetch  p50 {statistics.median(baseline):6.2f} ms   p99 {base99:6.2f} ms")
    print(f"  ratio p99 lookup / bare fetch: {p99 / base99:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

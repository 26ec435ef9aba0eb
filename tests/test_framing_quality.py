"""Framing quality on the gold corpora, scored in-process by shared/tools/score_frames.py.

Thresholds are those of the issue (#3), taken on totals over each corpus:
the seed story, the 57 PolNeAR dev articles (quote attribution only: their
gold lists only quoted speakers), and every original story in tests/data/gold.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from briefings.framing import frame_article, load_article

GOLD = Path(__file__).resolve().parent / "data" / "gold"
FULL_BAR = {
    "figures_recall": 0.95,
    "figures_precision": 0.90,
    "holders_recall": 0.90,
    "side_pairs": 0.90,
    "quotes_attrib": 0.90,
    "roles": 0.80,
}
POLNEAR_BAR = {"quotes_attrib": 0.90}
# The project's own gold: the 14 first stories plus 6 written for issue #13's hard cases (look-alike
# names, titles and suffixes, non-people, three-way splits). Floors under today's measure, so any
# regression fails; the bars are checked on stories we do not have.
PROJECT_BAR = {
    "figures_recall": 0.97,
    "figures_precision": 0.95,
    "holders_recall": 0.95,
    "side_pairs": 0.90,
    "quotes_attrib": 0.90,
    "roles": 0.85,
}


# 78 stories helpers wrote on 2026-12-02 and 12-03 without reading the framer (tests/data/fresh .. fresh16).
# Each set was scored once untouched (figures, people-not-things, quotes, roles, holders, side_pairs: fresh and
# fresh2 with the code of the first session's start: 0.94, 0.80, 0.83, 0.57, 0.75, 0.54; fresh3 later: 1.00, 0.90,
# 0.94, 0.88, 0.88, 0.75; fresh4 later still: 0.98, 0.84, 0.80, 0.78, 0.90, 0.74; in the next session fresh6 at
# 0059b4d: 1.00, 0.91, 0.99, 0.97, 0.86, 0.73 and fresh5 at 216788c: 0.98, 0.92, 0.96, 0.83, 0.85, 0.66; in the
# session after, fresh7 at 5af90d3: 0.96, 0.84, 0.77, 0.88, 0.80, 0.83; then fresh8 at 43914bd: 1.00, 0.95, 0.81,
# 0.85, 0.69, 0.81 and fresh9 at 4500250: 1.00, 0.93, 0.83, 0.79, 0.82, 0.66; then fresh10, fresh12 and fresh13 at
# 627b8d7 and fresh11 at 7883ca9, together: 0.96, 0.80, 0.88, 0.71, 0.72, 0.67; then fresh14-16 at e94733f:
# 0.96, 0.93, 0.89, 0.72, 0.79, 0.66), then used as dev data; these floors sit just under what all 78 score now,
# so a regression fails.
FRESH = ("fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10",
         "fresh11", "fresh12", "fresh13", "fresh14", "fresh15", "fresh16", "fresh17", "fresh18", "fresh19", "fresh20")
FRESH_FLOOR = {  # lowered when fresh17-20 joined (their first looks: roles .53-.87, side_pairs .52-.72)
    "figures_recall": 0.98,
    "figures_precision": 0.96,
    "holders_recall": 0.90,
    "side_pairs": 0.75,
    "quotes_attrib": 0.95,
    "roles": 0.87,
}


def scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_frames", shared / "tools" / "score_frames.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def totals(shared: Path, gold_files: list[Path]) -> dict[str, float]:
    """The scorer's TOTAL row over `gold_files`, side_pairs included."""
    score = scorer(shared).score
    sums: dict[str, list[int]] = {}
    for path in gold_files:
        gold: dict[str, Any] = json.loads(path.read_text())
        frame = frame_article(load_article(path.parent / gold["article"])).to_json_dict()
        for key, (right, count) in score(gold, frame).items():
            cell = sums.setdefault(key, [0, 0])
            cell[0] += right
            cell[1] += count
    ratios = {key: right / count if count else 0.0 for key, (right, count) in sums.items()}
    halves = [ratios[k] for k in ("side_same", "side_diff") if sums.get(k, [0, 0])[1]]
    ratios["side_pairs"] = sum(halves) / len(halves) if halves else 0.0
    return ratios


def check(ratios: dict[str, float], bar: dict[str, float]) -> None:
    low = {k: f"{ratios[k]:.2f} < {v}" for k, v in bar.items() if ratios[k] < v}
    assert not low, f"below the bar: {low} (all: { {k: round(v, 2) for k, v in ratios.items()} })"


def test_seed(shared: Path) -> None:
    check(totals(shared, sorted((shared / "corpora" / "seed").glob("*.gold.json"))), FULL_BAR)


def test_polnear_dev(shared: Path) -> None:
    check(totals(shared, sorted((shared / "corpora" / "polnear-dev").glob("*.gold.json"))), POLNEAR_BAR)


def test_project_gold(shared: Path) -> None:
    files = sorted(GOLD.glob("*.gold.json"))
    if not files:
        pytest.skip("no gold stories in tests/data/gold yet")
    check(totals(shared, files), PROJECT_BAR)


def test_fresh_dev_stories(shared: Path) -> None:
    files = sorted(f for name in FRESH for f in (GOLD.parent / name).glob("*.gold.json"))
    assert len(files) == 86
    check(totals(shared, files), FRESH_FLOOR)


def test_every_polnear_article_frames(shared: Path) -> None:
    """Zero exceptions framing every real article of PolNeAR train and dev (issue #13: 1 in 69 crashed)."""
    failures: list[str] = []
    for split in ("polnear-train", "polnear-dev"):
        for path in sorted((shared / "corpora" / split).glob("*.txt")):
            try:
                frame_article(load_article(path))
            except Exception as error:  # noqa: BLE001 - the test reports every failure, not the first
                failures.append(f"{path.name}: {type(error).__name__}: {error}")
    assert not failures, failures

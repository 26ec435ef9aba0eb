"""The sealed set (tests/data/sealed): stories and series written before the framing work, never studied.

Its scores are the project's honest estimate on news it has not seen (README,
"How accurate is it"), so this test prints them and guards only against a
collapse, with floors far under the measure of 2026-12-02 (stories: quotes
0.96, figures 1.00, precision 0.91; series: side_pairs 0.61, no false move). A
failure here is reported in the issue note, not tuned away: looking at which
sealed story failed would unseal it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_debates import score
from tests.test_framing_quality import totals

SEALED = Path(__file__).parent / "data" / "sealed"
STORY_FLOORS = {"figures_recall": 0.90, "figures_precision": 0.80, "quotes_attrib": 0.85}


def test_sealed_stories_hold_far_floors(shared: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ratios = totals(shared, sorted((SEALED / "stories").glob("*.gold.json")))
    with capsys.disabled():
        print("\nsealed stories TOTAL " + " ".join(f"{k}={v:.2f}" for k, v in ratios.items()))
    assert all(ratios[k] >= v for k, v in STORY_FLOORS.items()), ratios


def test_sealed_series_invent_no_move(shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for n, series in enumerate(sorted(p for p in (SEALED / "series").iterdir() if p.is_dir())):
        (tmp_path / str(n)).mkdir()
        pairs, found, false = score(series, tmp_path / str(n))
        with capsys.disabled():
            print(f"\nsealed series {series.name}: side_pairs={pairs:.2f} movers found={found} false moves={false}")
        assert false == 0 and pairs >= 0.40, (series.name, pairs, found, false)

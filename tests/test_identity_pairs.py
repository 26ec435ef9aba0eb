"""Who is one person: the registry's identity policy over name pairs from many naming conventions.

Each row of `data/identity_pairs.tsv` is checked twice: pairwise
(`same_person`) and through the registry (the second name resolves to the
first's figure, or to a new one).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from briefings import registry
from briefings.framing.names import same_person

PAIRS_FILE = Path(__file__).parent / "data" / "identity_pairs.tsv"


def load_pairs() -> list[tuple[str, str, str, str]]:
    """(verdict, convention, first, second) rows of the table, comments skipped."""
    rows = []
    for line in PAIRS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            verdict, convention, first, second = line.split("\t")
            rows.append((verdict, convention, first, second))
    return rows


PAIRS = load_pairs()
IDS = [f"{verdict}: {first} ~ {second}" for verdict, _, first, second in PAIRS]


def test_the_table_is_broad() -> None:
    same = [row for row in PAIRS if row[0] == "same"]
    different = [row for row in PAIRS if row[0] == "different"]
    assert len(same) >= 40 and len(different) >= 40
    assert {row[0] for row in PAIRS} == {"same", "different"}


@pytest.mark.parametrize(("verdict", "convention", "first", "second"), PAIRS, ids=IDS)
def test_pairwise(verdict: str, convention: str, first: str, second: str) -> None:
    expected = verdict == "same"
    assert same_person(first, second) is expected, convention
    assert same_person(second, first) is expected, convention


@pytest.mark.parametrize(("verdict", "convention", "first", "second"), PAIRS, ids=IDS)
def test_through_the_registry(fresh_db: Database, verdict: str, convention: str, first: str, second: str) -> None:
    one, two = registry.resolve(fresh_db, first), registry.resolve(fresh_db, second)
    assert (one == two) is (verdict == "same"), convention

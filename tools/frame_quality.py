"""Framing quality on gold corpora, in-process (no subprocess per article), with the shared scorer.

    python tools/frame_quality.py polnear-dev seed gold        # TOTAL rows per corpus
    python tools/frame_quality.py --rows gold                  # per-article rows too
    python tools/frame_quality.py --misses gold                # misattributed quotes, extra figures, missed roles

Corpora: seed, polnear-train, polnear-dev (in ../shared/corpora), gold (tests/data/gold),
sealed (tests/data/sealed/stories: TOTAL only, never rows or misses, so nobody tunes to it),
or any folder of *.gold.json files. Same numbers as `score_frames.py --run`, much faster.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPORA = {
    "seed": SHARED / "corpora" / "seed",
    "polnear-train": SHARED / "corpora" / "polnear-train",
    "polnear-dev": SHARED / "corpora" / "polnear-dev",
    "gold": REPO / "tests" / "data" / "gold",
    "sealed": REPO / "tests" / "data" / "sealed" / "stories",
}


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_frames", SHARED / "tools" / "score_frames.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def evaluate(folder: Path, *, rows: bool, misses: bool) -> dict[str, float]:
    from briefings.framing import frame_article, load_article

    module = scorer()
    sums: dict[str, list[int]] = {}
    for path in sorted(folder.glob("*.gold.json")):
        gold: dict[str, Any] = json.loads(path.read_text())
        frame = frame_article(load_article(path.parent / gold["article"])).to_json_dict()
        row = module.score(gold, frame)
        for key, (right, count) in row.items():
            cell = sums.setdefault(key, [0, 0])
            cell[0] += right
            cell[1] += count
        if rows:
            print(f"{path.stem[:40]:40s} " + " ".join(f"{k}={a}/{b}" for k, (a, b) in row.items()))
        if misses:
            show_misses(module, gold, frame, path.stem)
    ratios = {key: right / count if count else 0.0 for key, (right, count) in sums.items()}
    halves = [ratios[k] for k in ("side_same", "side_diff") if sums.get(k, [0, 0])[1]]
    ratios["side_pairs"] = sum(halves) / len(halves) if halves else 0.0
    return ratios


def show_misses(module: ModuleType, gold: dict[str, Any], frame: dict[str, Any], stem: str) -> None:
    match = module.Matcher(gold)
    got = [(module.fold(q.get("text", "")), q.get("speaker")) for q in frame.get("quotes", [])]
    for q in gold["quotes"]:
        start = module.fold(q["starts"]).strip(" .,\"'")
        hits = [who for text, who in got if start in text]
        if not any(match(who) == q["speaker"] for who in hits):
            print(f"MISS {stem[:30]} | {q['starts'][:40]!r} gold={q['speaker']!r} got={hits[:2]!r}")
    holders = {f["name"]: f for f in gold["figures"] if f.get("stance_holder")}
    seen: set[str] = set()
    for fig in frame.get("figures", []):
        name = match(fig.get("name"))
        if name is None or name in seen:
            print(f"EXTRA {stem[:30]} | {fig.get('name')!r} role={fig.get('role')!r}")
            continue
        seen.add(name)
        if name in holders:
            want = module.words(holders[name].get("role", ""))
            if not (want and len(want & module.words(fig.get("role") or "")) * 2 >= len(want)):
                print(f"ROLE {stem[:30]} | {name!r} gold={holders[name].get('role')!r} got={fig.get('role')!r}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpora", nargs="+")
    parser.add_argument("--rows", action="store_true", help="per-article rows (never for sealed)")
    parser.add_argument("--misses", action="store_true",
                        help="misattributed quotes, extra figures, missed roles (never for sealed)")
    args = parser.parse_args(argv)
    for name in args.corpora:
        folder = CORPORA.get(name, Path(name))
        sealed = folder.resolve() == CORPORA["sealed"].resolve()
        ratios = evaluate(folder, rows=args.rows and not sealed, misses=args.misses and not sealed)
        print(f"TOTAL {name}: " + " ".join(f"{k}={v:.2f}" for k, v in ratios.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

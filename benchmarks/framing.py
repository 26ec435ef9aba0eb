"""Extractive framing throughput: articles per second on one core.

Frames the seed story (a long, 16 kB feature) repeatedly, then a mix of the
gold stories in tests/data/gold, a 5 MB article once and one run-on sentence
of 601 name mentions once, and prints the figures. The target (DESIGN.md) is 20 seed-sized articles a second.

Usage: python benchmarks/framing.py [--seconds 5]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from briefings.framing import frame_text

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "corpora" / "seed" / "belarus-engagement-debate.txt"
GOLD = ROOT / "tests" / "data" / "gold"


def rate(texts: list[str], seconds: float) -> tuple[float, int]:
    """Articles per CPU second over `texts`, cycled for at least `seconds`.

    CPU time of this process, not wall time, so that other work on a shared
    machine does not count against the framing.
    """
    done = 0
    start = time.process_time()
    while time.process_time() - start < seconds or done < len(texts):
        frame_text(texts[done % len(texts)])
        done += 1
    return done / (time.process_time() - start), done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="time spent on each measurement")
    args = parser.parse_args()
    if SEED.exists():
        seed = SEED.read_text()
        frame_text(seed)  # warm the word caches once, as a running service would be
        per_second, count = rate([seed], args.seconds)
        print(f"seed story ({len(seed):,} chars): {per_second:.1f} articles per CPU second over {count} frames")
    stories = [p.read_text() for p in sorted(GOLD.glob("*.txt"))]
    if stories:
        per_second, count = rate(stories, args.seconds)
        size = sum(map(len, stories)) // len(stories)
        print(f"gold mix ({len(stories)} stories, {size:,} chars on average): {per_second:.1f} articles per CPU second "
              f"over {count} frames")
    base = stories[0] if stories else "Someone said \"something\" today."
    big = (base + "\n\n") * (5_000_000 // (len(base) + 2))
    start = time.process_time()
    frame = frame_text(big)
    print(f"5 MB article ({len(big):,} chars): {time.process_time() - start:.1f} CPU s, {len(frame.quotes)} quotes")
    # One run-on sentence with 601 name mentions: per-mention work that scans the whole sentence shows up here.
    crowd = "The council, whose chair spoke, met. " + "Ann Lee and Bo Hale and " * 300 + "Cy Dunn said it."
    start = time.process_time()
    frame_text(crowd)
    print(f"one sentence of 601 name mentions ({len(crowd):,} chars): {time.process_time() - start:.2f} CPU s")


if __name__ == "__main__":
    main()

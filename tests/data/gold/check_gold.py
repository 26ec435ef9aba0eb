#!/usr/bin/env python3
"""Check the hand-made gold files in this folder against their articles.

Usage: python tests/data/gold/check_gold.py [GOLD.json ...]   (default: every *.gold.json here)

Errors (exit 1):
  - the gold does not load, or lacks a key of the seed format;
  - a quote's `starts` is not the beginning of a quotation in the article (after fold());
  - a quote's speaker is not a figures[].name;
  - a figure's name does not occur in the article, or is listed twice;
  - a figure's side is not one of `sides`, or a stance holder has no side / a non-holder has one.
Warnings (printed, exit 0): a quotation of 4+ words in the article that no gold quote covers
(unattributed or scare quotes are fine, but look), a `starts` longer than 8 words, an article
outside the length range.

fold() is the one in shared/tools/score_frames.py, copied so this script stands alone.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
KEYS = ("article", "about", "question", "sides", "figures", "quotes", "numbers")
FIGURE_KEYS = ("name", "aliases", "role", "side", "stance_holder")


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def quotations(article: str) -> list[str]:
    """Folded direct quotations, paragraph by paragraph; an unclosed quote runs to the paragraph's end."""
    spans = []
    for para in re.split(r"\n\s*\n", article):
        parts = fold(para).split('"')
        spans += [p.strip() for p in parts[1::2] if p.strip()]
    return spans


def check(gold_path: Path) -> tuple[list[str], list[str]]:
    errors: list[str] = []
    warnings: list[str] = []
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        return [f"does not load: {e}"], []
    missing = [k for k in KEYS if k not in gold]
    if missing:
        return [f"missing keys: {missing}"], []
    article_path = gold_path.parent / gold["article"]
    if not article_path.exists():
        return [f"article not found: {gold['article']}"], []
    raw = article_path.read_text(encoding="utf-8")
    text = fold(raw)
    spans = quotations(raw)

    nwords = len(raw.split())
    low = 250 if gold_path.name.startswith("sample-") else 500
    if not low <= nwords <= 1400:
        warnings.append(f"article has {nwords} words (want {low}-1400)")

    names: set[str] = set()
    for fig in gold["figures"]:
        lost = [k for k in FIGURE_KEYS if k not in fig]
        if lost:
            errors.append(f"figure {fig.get('name')!r} lacks {lost}")
            continue
        name = fig["name"]
        if name in names:
            errors.append(f"figure listed twice: {name}")
        names.add(name)
        if fold(name) not in text:
            errors.append(f"figure name not in the article: {name}")
        if fig["side"] is not None and fig["side"] not in gold["sides"]:
            errors.append(f"{name}: side {fig['side']!r} is not in sides {gold['sides']}")
        if fig["stance_holder"] and fig["side"] is None and gold["sides"]:
            errors.append(f"{name}: stance holder without a side")
        if not fig["stance_holder"] and fig["side"] is not None:
            errors.append(f"{name}: side given to a figure who is only mentioned")

    for q in gold["quotes"]:
        start = fold(q["starts"]).strip(" .,\"'")
        if not any(s.startswith(start) for s in spans):
            where = "occurs in the text, but" if start in text else "is not in the text and"
            errors.append(f"starts {q['starts']!r} {where} begins no quotation")
        if len(start.split()) > 8:
            warnings.append(f"starts longer than 8 words: {q['starts']!r}")
        if q["speaker"] not in names:
            errors.append(f"speaker not among figures: {q['speaker']!r}")

    starts = [fold(q["starts"]).strip(" .,\"'") for q in gold["quotes"]]
    for s in spans:
        if len(s.split()) >= 4 and not any(s.startswith(st) for st in starts):
            warnings.append(f"quotation with no gold quote: \"{s[:60]}...\"")
    return errors, warnings


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(HERE.glob("*.gold.json"))
    bad = 0
    for path in paths:
        errors, warnings = check(path)
        bad += bool(errors)
        status = "FAIL" if errors else "ok"
        print(f"{status:4s} {path.name}")
        for e in errors:
            print(f"     error: {e}")
        for w in warnings:
            print(f"     warn:  {w}")
    print(f"{len(paths) - bad}/{len(paths)} gold files pass")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Fit the speaker-ranking weights (briefings/data/speaker_model.json) on PolNeAR's training split.

    pip install -e '.[fit]' && python tools/fit_speaker_model.py [--folds 5]

For every gold quotation of ../shared/corpora/polnear-train whose speaker is among
the framer's candidates, the model is a softmax over that quotation's candidates
(a conditional logit); the weights minimise its negative log-likelihood plus an
L2 penalty, by full-batch gradient descent (Adam). `--folds K` first prints a
K-fold cross-validated accuracy on the training split, to choose the penalty
without touching polnear-dev, which stays held out.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
from frame_quality import CORPORA, REPO, scorer  # tools/ beside this script

TRAIN = CORPORA["polnear-train"]


def examples(folder: Path) -> tuple[list[np.ndarray], list[int], list[str], list[tuple[str, bool]]]:
    """One (candidate features, index of the gold speaker) per reachable gold quotation, with its article,
    the rule that fired on it and whether the rule's own pick was right."""
    from briefings.framing.attribution import Attributor
    from briefings.framing.document import Document
    from briefings.framing.extractive import read_roles
    from briefings.framing.speakers import CandidateReader

    sf = scorer()
    feats: list[np.ndarray] = []
    labels: list[int] = []
    groups: list[str] = []
    rules: list[tuple[str, bool]] = []
    for path in sorted(folder.glob("*.gold.json")):
        gold: dict[str, Any] = json.loads(path.read_text())
        text = (path.parent / gold["article"]).read_text()
        doc = Document.read(text)
        read_roles(doc)
        picks = Attributor(doc).rule_picks()
        match = sf.Matcher(gold)
        wanted: dict[int, str] = {}
        for q in gold["quotes"]:
            start = sf.fold(q["starts"]).strip(" .,\"'")
            for n, quote in enumerate(doc.quotes):
                if start in sf.fold(quote.text(doc.text)):
                    wanted.setdefault(n, q["speaker"])
                    break
        reader = CandidateReader(doc, picks)
        gold_person: dict[int, int] = {}
        for n, quote in enumerate(doc.quotes):
            previous = gold_person.get(n - 1, picks[n - 1][0] if n else None)
            here = doc.sentence_at(quote.open_at).paragraph
            same = n > 0 and doc.sentence_at(doc.quotes[n - 1].open_at).paragraph == here
            found = reader.candidates(n, quote, previous, same)
            if n not in wanted or not found:
                continue
            right = [k for k, c in enumerate(found) if match(doc.cast.people[c.person].name) == wanted[n]]
            if len(right) != 1:
                continue
            gold_person[n] = found[right[0]].person
            feats.append(np.array([c.features for c in found], dtype=float))
            labels.append(right[0])
            groups.append(path.stem)
            rules.append((picks[n][1], picks[n][0] == gold_person[n]))
    return feats, labels, groups, rules


def fit(feats: list[np.ndarray], labels: list[int], l2: float, steps: int = 1500) -> np.ndarray:
    """Weights minimising the conditional logit's loss + l2 * |w|^2 (Adam, full batch)."""
    dim = feats[0].shape[1]
    w = np.zeros(dim)
    m = np.zeros(dim)
    v = np.zeros(dim)
    stacked = np.concatenate(feats)
    bounds = np.cumsum([0] + [len(f) for f in feats])
    owner = np.repeat(np.arange(len(feats)), [len(f) for f in feats])
    target = np.zeros(len(stacked))
    target[bounds[:-1] + np.array(labels)] = 1.0
    for t in range(1, steps + 1):
        s = stacked @ w
        top = np.maximum.reduceat(s, bounds[:-1])
        e = np.exp(s - top[owner])
        p = e / np.add.reduceat(e, bounds[:-1])[owner]
        grad = stacked.T @ (p - target) / len(feats) + 2 * l2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w -= 0.05 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return w


def accuracy(w: np.ndarray, feats: list[np.ndarray], labels: list[int]) -> float:
    right = sum(int(np.argmax(f @ w) == y) for f, y in zip(feats, labels, strict=True))
    return right / max(len(labels), 1)


def trusted_rules(feats: list[np.ndarray], labels: list[int], groups: list[str],
                  rules: list[tuple[str, bool]], l2: float, folds: int = 5) -> list[str]:
    """Rules the model may not override: those it does not beat significantly, out of fold.

    On the quotations where the rule's pick and the model's differ, the model
    must win clearly more often than it loses (a sign test at about 95%:
    wins - losses > 1.96 * sqrt(wins + losses)); a rule it only ties or beats
    by chance keeps its pick, so the shipped policy does not flip on one quotation.
    """
    articles = sorted(set(groups))
    wins: dict[str, int] = {}
    losses: dict[str, int] = {}
    for k in range(folds):
        held = set(articles[k::folds])
        tr = [i for i, g in enumerate(groups) if g not in held]
        w = fit([feats[i] for i in tr], [labels[i] for i in tr], l2)
        for i, g in enumerate(groups):
            if g in held:
                rule, rule_ok = rules[i]
                model_ok = bool(np.argmax(feats[i] @ w) == labels[i])
                wins[rule] = wins.get(rule, 0) + int(model_ok and not rule_ok)
                losses[rule] = losses.get(rule, 0) + int(rule_ok and not model_ok)
    trusted = []
    for rule in sorted(wins):
        beaten = wins[rule] - losses[rule] > 1.96 * (wins[rule] + losses[rule]) ** 0.5
        print(f"rule {rule!r}: model right where the rule was wrong {wins[rule]}, the reverse {losses[rule]}"
              f" (out of fold) -> {'model decides' if beaten else 'rule kept'}")
        if not beaten and rule != "none":
            trusted.append(rule)
    return trusted


def main(argv: list[str]) -> int:
    from briefings.framing.speakers import FEATURES, MODEL_FILE

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", type=int, default=0)
    parser.add_argument("--l2", type=float, default=0.001)
    args = parser.parse_args(argv)
    feats, labels, groups, rules = examples(TRAIN)
    print(f"{len(labels)} reachable quotations in {len(set(groups))} articles, {len(FEATURES)} features")
    if args.folds:
        articles = sorted(set(groups))
        for l2 in (0.0001, 0.001, 0.01):
            right = total = 0
            for k in range(args.folds):
                held = set(articles[k :: args.folds])
                tr = [i for i, g in enumerate(groups) if g not in held]
                te = [i for i, g in enumerate(groups) if g in held]
                w = fit([feats[i] for i in tr], [labels[i] for i in tr], l2)
                right += accuracy(w, [feats[i] for i in te], [labels[i] for i in te]) * len(te)
                total += len(te)
            print(f"l2={l2}: cross-validated accuracy {right / total:.3f}")
    w = fit(feats, labels, args.l2)
    print(f"training accuracy {accuracy(w, feats, labels):.3f} (l2={args.l2})")
    trusted = trusted_rules(feats, labels, groups, rules, args.l2)
    MODEL_FILE.write_text(json.dumps({
        "about": "Speaker-ranking weights (briefings/framing/speakers.py), fitted by tools/fit_speaker_model.py "
                 "on PolNeAR's training split; polnear-dev was held out.",
        "examples": len(labels),
        "l2": args.l2,
        "trusted_rules": trusted,
        "weights": {name: round(float(x), 4) for name, x in zip(FEATURES, w, strict=True)},
    }, indent=1) + "\n")
    print(f"wrote {MODEL_FILE.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

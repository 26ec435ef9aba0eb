"""Two camps out of pairwise signals: the poles of a question, a holder's lean, the best split.

`find_poles` reads the two answers of an `X, or Y?` question as word stems
(and labels each by its most telling noun); `lean` scores a text towards
support or opposition, or towards pole A against pole B; `best_split` finds
the two-colouring of holders that agrees best with weighted pair signals
(positive: together, negative: apart).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from briefings.framing.cues import SPEECH_VERBS
from briefings.framing.document import Document
from briefings.framing.gazetteer import FUNCTION_WORDS, word_set

DEFAULT_LABELS = ("for", "against")
EXHAUSTIVE_LIMIT = 10
_SUPPORT = word_set("""
support supports supported backs backed back defend defends defended welcome welcomes welcomed praise
praises praised favour favours favoured favor favors favored champion champions championed endorse
endorses endorsed necessary needed essential benefit benefits protect protects fair fairest help helps
""")
_OPPOSE = word_set("""
oppose opposes opposed against criticize criticizes criticized criticise criticises criticised accuse
accused warn warns warned reject rejects rejected fear fears feared destroy destroys dangerous harm
harms hurt hurts scrap drop withdraw halt stop delay risk risks threat threatens repression unfair
""")
_NEGATION = word_set("not no never without nobody nothing neither nor cannot")
# A third camp between two others: `a bridge between the two`, `the compromise is about right`.
_NOMINAL = re.compile(r"(?:ment|tion|sion|ure|ance|ence|ism|cy|ity)$")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    word = word.lower()
    for suffix in ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ive", "ed", "es", "er", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _content(text: str) -> list[str]:
    return [_stem(w) for w in re.findall(r"[A-Za-z][a-z'-]+", text)
            if w.lower() not in FUNCTION_WORDS and len(w) > 3 and not w[0].isupper()]


@dataclass
class Poles:
    """The two answers of a question, as word stems, and their labels."""

    terms: tuple[set[str], set[str]]
    labels: tuple[str, str]


def find_poles(question: str | None, doc: Document) -> Poles:
    """Two poles from `X or Y` / `whether to X` in the question (default labels otherwise)."""
    if not question:
        return Poles((set(), set()), DEFAULT_LABELS)
    body = question.rstrip("?")
    parts = re.split(r",?\s+or\s+", body, maxsplit=1)
    counts = Counter(_content(doc.text))
    if len(parts) == 2:
        a, b = set(_content(parts[0])), set(_content(parts[1]))
        a, b = a - b, b - a
        return Poles((a, b), (_label(parts[0], a, counts, DEFAULT_LABELS[0]), _label(parts[1], b, counts,
                                                                                         DEFAULT_LABELS[1])))
    a = set(_content(body))
    return Poles((a, set()), DEFAULT_LABELS)


def _label(text: str, terms: set[str], counts: Counter[str], default: str) -> str:
    """The pole's most telling word: a nominal form the story uses often."""
    words: list[str] = [w.lower() for w in re.findall(r"[A-Za-z][a-z-]+", text)
                        if _stem(w) in terms and w.lower() not in FUNCTION_WORDS and w.lower() not in SPEECH_VERBS]
    if not words:
        return default
    ranked = sorted(words, key=lambda w: (bool(_NOMINAL.search(w)), counts[_stem(w)]), reverse=True)
    return ranked[0]


def lean(text: str, poles: Poles) -> float:
    """Lean of `text`: to support (positive) or opposition (negative), or to pole A against pole B."""
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]+", text)]
    score = 0.0
    for i, word in enumerate(words):
        stem = _stem(word)
        sign = 1.0 if word in _SUPPORT else -1.0 if word in _OPPOSE else 0.0
        if poles.terms[0] or poles.terms[1]:
            sign += 1.0 if stem in poles.terms[0] else -1.0 if stem in poles.terms[1] else 0.0
        if sign and any(w in _NEGATION for w in words[max(0, i - 3):i]):
            sign = -sign
        score += sign
    return score


def _agreement(signs: dict[int, int], pairs: list[tuple[int, int, float]]) -> float:
    return sum(w * signs[a] * signs[b] for a, b, w in pairs)


def best_split(items: list[int], weight: dict[tuple[int, int], float]) -> dict[int, int]:
    """The two-colouring of `items` that agrees best with the pair weights (+ together, - apart).

    Small casts are searched exhaustively; larger ones start from a greedy pass
    in story order and improve by single moves until none helps.
    """
    if not items:
        return {}
    wanted = set(items)
    pairs = [(a, b, w) for (a, b), w in weight.items() if a in wanted and b in wanted and w]
    if len(items) <= EXHAUSTIVE_LIMIT:
        best: dict[int, int] = {}
        best_score = float("-inf")
        for rest in product((1, -1), repeat=len(items) - 1):
            signs = dict(zip(items, (1, *rest), strict=True))
            score = _agreement(signs, pairs)
            if score > best_score:
                best, best_score = signs, score
        return best
    neighbours: dict[int, list[tuple[int, float]]] = {i: [] for i in items}
    for a, b, w in pairs:
        neighbours[a].append((b, w))
        neighbours[b].append((a, w))
    signs = {}
    for item in items:
        pull = sum(w * signs[other] for other, w in neighbours[item] if other in signs)
        signs[item] = 1 if pull >= 0 else -1
    improved = True
    while improved:
        improved = False
        for item in items:
            gain = -2 * signs[item] * sum(w * signs[other] for other, w in neighbours[item])
            if gain > 1e-9:
                signs[item] = -signs[item]
                improved = True
    first = signs[items[0]]
    return {item: sign * first for item, sign in signs.items()}

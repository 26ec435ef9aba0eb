"""Debates across stories: which stories argue one question, and how their sides line up.

A frame's side labels are local to its story ("supporters" in one, "engage"
in the next). Stories that share figures or ask a similar question form one
debate; walking its stories oldest first, each local side is mapped to the
debate's side where the figures already seen there point (a figure seen on
side A anchors the mapping), with the label itself as the tie-breaker. A
figure who moves is outvoted by the others on their new side, which is what
lets "who moved" see the move instead of dragging the side along.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from briefings.compose.stories import FramedStory
from briefings.framing.names import fold

SHARED_FIGURES_LINK = 2  # stories sharing this many sided figures argue one question
QUESTION_LINK = 85.0  # ... or asking questions this alike (rapidfuzz token_set_ratio)
QUESTION_WITH_ONE_FIGURE = 55.0  # ... or sharing one figure and questions this alike
LABEL_MATCH_WEIGHT = 0.75  # a same-label side counts as most of one anchoring figure
OBSERVER_WORDS = ("observer", "analyst", "neutral", "expert")


@dataclass
class DebateSideTrack:
    """A side of a debate as seen so far: its labels in the stories, and its first summary."""

    labels: Counter[str] = field(default_factory=Counter)
    summary: str | None = None

    @property
    def label(self) -> str:
        """The label the side was first seen under, so it keeps one name week after week."""
        return next(iter(self.labels))


@dataclass
class AlignedDebate:
    """A debate's stories (oldest first), its sides, and each story's local-to-debate side mapping."""

    stories: list[FramedStory]
    sides: list[DebateSideTrack]
    mapping: dict[tuple[str, str], int]  # (story id, folded local label) -> index into sides

    def side_of(self, story: FramedStory, local_label: str | None) -> int | None:
        """The debate side a story's local label maps to."""
        if not local_label:
            return None
        return self.mapping.get((story.story_id, fold(local_label)))


def _question(story: FramedStory) -> str:
    return fold(story.frame.question or "")


def _linked(a: FramedStory, b: FramedStory) -> bool:
    shared = len(a.sided.keys() & b.sided.keys())
    qa, qb = _question(a), _question(b)
    similarity = fuzz.token_set_ratio(qa, qb) if qa and qb else 0.0
    return (
        shared >= SHARED_FIGURES_LINK
        or similarity >= QUESTION_LINK
        or (shared >= 1 and similarity >= QUESTION_WITH_ONE_FIGURE)
    )


def group_debates(stories: list[FramedStory]) -> list[list[FramedStory]]:
    """Stories (oldest first) grouped into debates; a story with no sides and no question is in none."""
    arguing = [s for s in stories if s.sided or s.frame.question]
    parent = list(range(len(arguing)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(arguing):
        for j in range(i):
            if root(i) != root(j) and _linked(a, arguing[j]):
                parent[root(i)] = root(j)
    groups: dict[int, list[FramedStory]] = {}
    for i, story in enumerate(arguing):
        groups.setdefault(root(i), []).append(story)
    return list(groups.values())


def is_observer(label: str) -> bool:
    """Whether a side label names observers (analysts judging the debate), not a camp in it."""
    return any(word in label.lower() for word in OBSERVER_WORDS)


def align_sides(stories: list[FramedStory]) -> AlignedDebate:
    """Map every story's local sides onto shared debate sides, oldest story first."""
    sides: list[DebateSideTrack] = []
    mapping: dict[tuple[str, str], int] = {}
    anchors: dict[int, int] = {}  # figure id -> debate side it was last seen on
    for story in stories:
        groups: dict[str, list[int]] = {}
        for figure_id, label in story.sided.items():
            groups.setdefault(fold(label), []).append(figure_id)
        summaries = {fold(side.label): side.summary for side in story.frame.sides}
        taken: set[int] = set()
        for label, members in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
            votes: Counter[int] = Counter(anchors[f] for f in members if f in anchors)
            scores: dict[int, float] = {}
            for index, side in enumerate(sides):
                if index in taken:
                    continue
                score = float(votes[index])
                if label in {fold(known) for known in side.labels}:
                    score += LABEL_MATCH_WEIGHT
                if is_observer(label) != is_observer(fold(side.label)):
                    score -= 1.0
                scores[index] = score
            best = max(scores, key=lambda i: (scores[i], -i), default=None)
            if best is None or scores[best] < LABEL_MATCH_WEIGHT:
                sides.append(DebateSideTrack(summary=summaries.get(label)))
                best = len(sides) - 1
            side = sides[best]
            original = next((s for f, s in story.sided.items() if fold(s) == label), label)
            side.labels[original] += len(members)
            if side.summary is None:
                side.summary = summaries.get(label)
            mapping[(story.story_id, label)] = best
            taken.add(best)
        for figure_id, label in story.sided.items():
            anchors[figure_id] = mapping[(story.story_id, fold(label))]
    return AlignedDebate(stories=stories, sides=sides, mapping=mapping)

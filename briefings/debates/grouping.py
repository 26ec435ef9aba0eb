"""Which debate a story argues: shared figures and alike titles and questions.

A story joins the debate it links to most strongly, or starts one. Links are
measured against every story already in a debate, so a debate that drifts
(from releases to arrests) still holds together through its people. The
thresholds were measured, not guessed: see the constants' comments.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from briefings.debates.inputs import DebateStory
from briefings.framing.folding import fold
from briefings.framing.gazetteer import FUNCTION_WORDS

# Measured over the 33 stories of the dev series, the demo sample and the gold stories (15 debates;
# `tests/test_debates.py::test_stories_group_into_their_debates`): of 450 pairs from different debates
# none shared a sided figure and none had titles and questions more alike than 52; of 78 pairs from one
# debate, 40 shared two sided figures or more, 27 shared one (alike 34-57), 11 shared none (alike 31-63).
SHARED_FIGURES_LINK = 2  # stories sharing this many sided figures argue one question
TEXT_LINK = 60.0  # ... or whose titles and questions are this alike (rapidfuzz token_set_ratio; above 52)
# and name one place or body in common: news titles come in templates ("Durban dockworkers vote to strike after
# rejecting 5.5% pay offer", "Sao Paulo metro workers vote to strike after rejecting inflation-only pay offer"
# are 77 alike), so wording alone is only a link when the capitalised names agree too.
TEXT_WITH_ONE_FIGURE = 45.0  # ... or that share one sided figure and are this alike (debates go on
# linking through their other stories; one figure alone can be in two debates)


def _words(story: DebateStory) -> str:
    return fold(" ".join(filter(None, [story.title, story.frame.question])))


def _names(story: DebateStory) -> set[str]:
    """The capitalised words of the title and question: the places and bodies they are about."""
    text = " ".join(filter(None, [story.title, story.frame.question]))
    return {fold(w) for w in re.findall(r"\b[A-Z][\w'’-]+", text) if fold(w) not in FUNCTION_WORDS}


def link_strength(a: DebateStory, b: DebateStory) -> float:
    """How strongly two stories argue one question (0 when they are not linked at all)."""
    shared = len(a.sided.keys() & b.sided.keys())
    similarity = fuzz.token_set_ratio(_words(a), _words(b)) if _words(a) and _words(b) else 0.0
    linked = (
        shared >= SHARED_FIGURES_LINK
        or (similarity >= TEXT_LINK and bool(_names(a) & _names(b)))
        or (shared >= 1 and similarity >= TEXT_WITH_ONE_FIGURE)
    )
    return shared + similarity / 100.0 if linked else 0.0


def arguing(story: DebateStory) -> bool:
    """Whether a story argues anything: someone on a side, or a question asked."""
    return bool(story.sided) or bool(story.frame.question)


def best_debate(story: DebateStory, debates: dict[str, list[DebateStory]]) -> str | None:
    """The id of the debate `story` links to most strongly, or None to start a new one."""
    best: tuple[float, str] | None = None
    for debate_id, members in debates.items():
        strength = max((link_strength(story, other) for other in members), default=0.0)
        if strength > 0 and (best is None or strength > best[0]):
            best = (strength, debate_id)
    return best[1] if best else None

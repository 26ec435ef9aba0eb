"""Names for a debate's sides, by what each camp wants, and the debate's question.

A camp is named by the want-phrase ("called for X", "urged X") from its own
members' stances and evidence that best matches what its members say and
least matches the other camps. A label such as "for" means nothing across
stories, so it is used only when it says something itself ("engagement").
"""

from __future__ import annotations

import re
from collections import Counter

from briefings.debates.align import CAMP, GOVERNMENT, OBSERVER, AlignedSide
from briefings.debates.cues import first_named, is_government, is_observer, is_telling, real_question, wants
from briefings.debates.inputs import DebateStory
from briefings.framing.folding import fold

STOPWORDS = frozenset({
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "that", "this", "those", "these",
    "it", "its", "is", "are", "was", "were", "be", "been", "their", "his", "her", "they", "them", "he", "she",
    "we", "our", "any", "all", "some", "more", "most", "other", "such", "into", "from", "than", "then", "also",
    "only", "not", "no", "should", "would", "could", "will", "can", "must", "west",
})


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", fold(text)) if len(w) > 3 and w not in STOPWORDS}


def _texts(side: AlignedSide) -> list[str]:
    return [" ".join([s.said.stance or "", *s.said.quotes, *s.said.evidence]) for s in side.statements]


def _camp_name(side: AlignedSide, others: list[AlignedSide]) -> str | None:
    mine = [_words(t) for t in _texts(side)]
    theirs = [_words(t) for other in others for t in _texts(other)]
    best: tuple[float, str] | None = None
    for statement in side.statements:
        voices = [s.name for s in statement.story.said if s.side or s.quotes]
        for sentence in [statement.said.stance or "", *statement.said.evidence]:
            if first_named(sentence, voices) not in (statement.said.name, None):
                continue  # what someone else in the sentence wants ("Dubrouski wants something for ...")
            for phrase in wants(sentence):
                words = _words(phrase)
                if not words:
                    continue
                # words the camp's statements share with the phrase, less those the other camps share
                score = sum(len(words & m) for m in mine) / max(len(mine), 1) - sum(
                    len(words & t) for t in theirs) / max(len(theirs), 1)
                if best is None or (score, -len(phrase)) > (best[0], -len(best[1])):
                    best = (score, phrase)
    return best[1] if best and best[0] > 0 else None


def _label(side: AlignedSide) -> str | None:
    """The first telling local label the side was seen under, so its name holds week after week."""
    return next(
        (s.said.side for s in side.statements if is_telling(s.said.side)),
        None,
    )


def side_names(sides: list[AlignedSide]) -> list[str]:
    """A distinct name for each side: what the camp wants, else a telling label, else its best-known voice."""
    names: list[str] = []
    for side in sides:
        if side.kind == OBSERVER:
            name = _label(side) or "observers"
        elif side.kind == GOVERNMENT:
            name = _label(side) or "government"
        else:
            others = [o for o in sides if o is not side and o.kind == CAMP]
            name = _label(side) or _camp_name(side, others) or _voice(side)
        while name in names:
            name = f"{name} ({_voice(side)})"
        names.append(name)
    return names


def _voice(side: AlignedSide) -> str:
    counts = Counter(s.said.name for s in side.statements if s.said.own)
    counts = counts or Counter(s.said.name for s in side.statements)
    return f"with {counts.most_common(1)[0][0]}" if counts else "unnamed side"


def side_summary(side: AlignedSide) -> str | None:
    """The summary a frame gave this side: for a camp, only under its telling label ("keep", never "for").

    A camp's generic local labels mean different things story by story, so
    such a local side's summary may describe the other camp; then the camp's
    name and its members' own stances say what it wants instead.
    """
    if side.kind == CAMP:
        telling = next((s for s in side.statements if s.said.side and s.said.side == _label(side)), None)
        if telling is None:
            return None
        return next((sd.summary for sd in telling.story.frame.sides if sd.label == telling.said.side), None)
    wanted = is_observer if side.kind == OBSERVER else is_government
    for statement in side.statements:
        for local in statement.story.frame.sides:
            if wanted(local.label) and local.summary:
                return local.summary
    return None


def debate_question(stories: list[DebateStory]) -> str | None:
    """The debate's question: a real question some frame asked, from the story with the most sided figures."""
    ranked = sorted(stories, key=lambda s: (-len(s.sided), s.published))
    return next((q for s in ranked if (q := real_question(s.frame.question))), None)


def debate_title(stories: list[DebateStory]) -> str:
    """A topic line for a debate without a real question: the title of its most sided story."""
    return max(stories, key=lambda s: (len(s.sided), -s.published.timestamp())).title or "(untitled debate)"


__all__ = ["debate_question", "debate_title", "side_names", "side_summary"]

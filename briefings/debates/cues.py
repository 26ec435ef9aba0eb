"""Words the debate layer reads: change of position, observers, government voices, wants, questions.

Every pattern here is general English found in unrelated news texts (checked
against `shared/corpora/polnear-train`), not fitted to one story. They are
evidence, never verdicts: a change cue only weakens the pull that keeps a
figure on last week's side (see `align`), so a stray "now says" cannot by
itself invent a move.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from briefings.framing.folding import fold

# "changed his mind", "I was wrong", "now argues", "no longer backs", "has come round to", "reversal".
CHANGE_CUE = re.compile(
    r"\b(?:changed (?:his|her|their|my) (?:mind|position|stance|view)"
    r"|change of heart"
    r"|(?:i|he|she|they) (?:was|were|had been) wrong"
    r"|now (?:says|wants|believes|argues|backs|supports|opposes|urges|calls for|favou?rs)"
    r"|no longer (?:supports?|backs?|believes?|opposes?|wants?|thinks?)"
    r"|(?:has|have|had) come (?:a)?round to"
    r"|revers(?:al|ed (?:his|her|their) |ed (?:himself|herself|themselves|course))"
    r"|turn(?:s|ed)? against)\b",
    re.IGNORECASE,
)
# "his view had not changed", "stood by his comments", "I will say it again", "still wants": the figure keeps the
# position they held before (real news: `stands by his comments`, `remains committed to`, `still supports`).
STEADY_CUE = re.compile(
    r"\b(?:(?:view|position|stance|mind) (?:had|has) not changed"
    r"|(?:has|had)(?: not|n't) changed (?:his|her|their|its|my|our) (?:view|position|stance|mind)"
    r"|not a change in (?:our|his|her|their|my) (?:position|proposal|view)"
    r"|(?:our|his|her|their|my) position is (?:still )?the one"
    r"|still (?:wants|backs|supports|opposes|believes|insists)"
    r"|(?:stands?|stood|standing) by (?:his|her|their|its|my|our)"
    r"|(?:will|would|'ll) say it again"
    r"|remains? (?:opposed|committed|convinced))\b",
    re.IGNORECASE,
)
# "would not change", "denied he had reversed", "nothing he had heard since had changed his view".
NEGATION = re.compile(r"\b(?:not|never|no|nor|denied|denies|deny)\b(?:\W+\w+){0,2}\W*$|"
                      r"\bnothing\b(?:\W+\w+){0,8}\W*$", re.IGNORECASE)
SENTENCE = re.compile(r"(?<=[.!?…”\"])\s+(?=[A-Z“\"])|\n+")

# Local side labels that say nothing by themselves: their meaning changes from story to story.
GENERIC_LABELS = frozenset({
    "for", "against", "pro", "anti", "yes", "no", "support", "oppose", "supporters", "opponents", "critics",
    "side a", "side b", "unknown",
})
# Local side labels that name analysts judging both camps, or the government's own voice.
OBSERVER_WORDS = ("observer", "analyst", "neutral", "expert")
GOVERNMENT_LABELS = frozenset({"regime", "government", "authorities"})
GOVERNMENT_FILLER = frozenset({"the", "its", "voice", "side", "official", "officials", "camp"})
# Offices that speak for a government, used only in a debate where a frame already named a
# government voice, and never for someone a story sets against that voice.
GOVERNMENT_ROLES = re.compile(
    r"\b(?:president|presidential|press secretary|spokes(?:man|woman|person))\b", re.IGNORECASE
)
FORMER = re.compile(r"\b(?:former|ex-|exiled|opposition)\b", re.IGNORECASE)

# What a camp wants: "called for X", "urged X", "wants X", "argues that X".
WANT = re.compile(
    r"\b(?:call(?:s|ed|ing)? for|urg(?:es|ed|e|ing)|wants?(?: to)?|argu(?:es|ed|ing) that)"
    r"\s+(?P<what>[^.,;:!?\"“”]{6,120})",
    re.IGNORECASE,
)
WANT_STOP = re.compile(r",|\b(?:and that|but|because|which|who|while|said|told|after|before|on \w+day)\b",
                       re.IGNORECASE)
WANT_AIM = re.compile(r"^(?:\S+\s+){0,8}?(?P<neg>not )?to (?P<rest>\w.*)", re.IGNORECASE)
WANT_WORDS = 8
WANT_NOT_AIM = frozenset({"with", "by", "from", "at", "behind", "him", "her", "them"})
TRAILING = frozenset({"the", "a", "an", "to", "of", "in", "on", "at", "for", "with", "and", "or", "by", "from", "that",
                      "until"})  # a phrase cut at WANT_WORDS does not end on these

QUESTION_START = re.compile(
    r"^(?:should|will|would|can|could|must|is|are|was|were|does|do|did|has|have|who|what|how|why|when|which|where)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=64)
def sentences(text: str) -> tuple[str, ...]:
    """Split prose into sentences (good enough to scope a cue to the sentence naming someone).

    Cached: alignment asks for the change and the steady cue of every figure of a story, each over the same
    story text.
    """
    return tuple(s.strip() for s in SENTENCE.split(text or "") if s.strip())


def has_change_cue(text: str) -> bool:
    """Whether `text` says someone changed position, not counting a negated cue ("would not change")."""
    return any(not NEGATION.search(text[: m.start()]) for m in CHANGE_CUE.finditer(text))


def _surname(name: str) -> str:
    words = fold(name).split()
    return words[-1] if words else ""


def first_named(sentence: str, names: list[str]) -> str | None:
    """Which of `names` the sentence names first: its subject, in news prose ("X, who ..., said")."""
    words = re.findall(r"[\w'-]+", fold(sentence))
    found = [(words.index(_surname(n)), n) for n in names if len(_surname(n)) >= 3 and _surname(n) in words]
    return min(found)[1] if found else None


def has_steady_cue(text: str) -> bool:
    """Whether `text` says someone keeps their position ("his view had not changed"), and no change cue."""
    return bool(STEADY_CUE.search(text)) and not has_change_cue(text)


def _cue_about(has_cue: Callable[[str], bool], name: str, quotes: list[str], stance: str | None,
               prose: Sequence[str], names: list[str]) -> str | None:
    """The figure's own quote, their stance or a sentence of the story that `has_cue` and is about `name`.

    The figure's own quotes count ("I was wrong about this"). A sentence of the
    story (or the frame's stance for them) counts when it names them before any
    other figure of the story (`names`), so a cue about someone else in the
    same sentence ("Fraser & Grant Homes" in the sentence about a councillor
    who "changed his mind") is not theirs.
    """
    for quote in quotes:
        if has_cue(quote):
            return quote
    if stance and has_cue(stance) and first_named(stance, names) in (name, None):
        return stance  # the frame chose this sentence as their stance: unless it names someone else first
    return next((s for s in prose if has_cue(s) and first_named(s, names) == name), None)


def steady_cue_about(name: str, *, quotes: list[str], stance: str | None, story_text: str,
                     names: list[str]) -> str | None:
    """The own quote or sentence saying `name` keeps their position, or None (scoped as in `_cue_about`)."""
    return _cue_about(has_steady_cue, name, quotes, stance, sentences(story_text), names)


def change_cue_about(name: str, *, quotes: list[str], stance: str | None, story_text: str,
                     names: list[str]) -> str | None:
    """The own quote or sentence saying `name` changed position, or None (scoped as in `_cue_about`)."""
    prose = sentences(story_text)
    found = _cue_about(has_change_cue, name, quotes, stance, prose, names)
    if found:
        return found
    # A delayed-identification lede ("A shop steward who led the strike now backs arbitration") names
    # its subject only in the sentences after it: the first figure they name.
    if prose and has_change_cue(prose[0]) and first_named(prose[0], names) is None:
        subject = next((n for n in map(lambda s: first_named(s, names), prose[1:]) if n), None)
        if subject == name:
            return prose[0]
    return None


def is_observer(label: str | None) -> bool:
    """Whether a side label names observers (analysts judging the debate), not a camp in it."""
    return bool(label) and any(word in (label or "").lower() for word in OBSERVER_WORDS)


def is_telling(label: str | None) -> bool:
    """Whether a local side label says what the side wants ("engagement", "compromise"), unlike "for"."""
    return bool(label) and fold(label or "").strip() not in GENERIC_LABELS


def is_government(label: str | None) -> bool:
    """Whether a side label names the government's own voice."""
    words = set(re.findall(r"[a-z]+", (label or "").lower()))
    # "government" or "the regime", but not a camp against it ("anti-government protesters")
    return bool(words & GOVERNMENT_LABELS) and words <= GOVERNMENT_LABELS | GOVERNMENT_FILLER


def speaks_for_government(role: str | None) -> bool:
    """Whether a role is a sitting head of government or their spokesperson."""
    return bool(role) and bool(GOVERNMENT_ROLES.search(role or "")) and not FORMER.search(role or "")


def real_question(text: str | None) -> str | None:
    """`text` when it is a question a reader could answer (starts like one, ends with "?"), else None."""
    text = (text or "").strip()
    if text.endswith("?") and QUESTION_START.match(text) and len(text.split()) >= 4:
        return text
    return None


def wants(text: str) -> list[str]:
    """Short phrases of what a sentence says someone wants ("keep sanctions until the arrests stop")."""
    found = []
    for match in WANT.finditer(text or ""):
        if NEGATION.search(text[: match.start()]) or text[: match.start()].rstrip().lower().endswith("n't"):
            continue  # "did not want the deal rejected" wants the opposite of its words
        what = match["what"]
        # "urged ministers not to follow Washington" wants "not follow Washington", not the ministers
        aim = WANT_AIM.match(what)
        if aim:
            what = (aim["neg"] or "") + aim["rest"]
        what = WANT_STOP.split(what, maxsplit=1)[0].strip()
        words = what.split()[:WANT_WORDS]
        while words and words[-1].lower() in TRAILING:
            words.pop()
        named = sum(w[:1].isupper() for w in words[1:])
        if len(words) >= 2 and words[0].lower() not in WANT_NOT_AIM and named * 2 < len(words):
            found.append(" ".join(words))  # not "with Antônio Carlos Furtado": whom they stand with is no aim
    return found

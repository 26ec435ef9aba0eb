"""Sides of the debate: who holds a stance, who stands with whom, and the labels.

A *stance holder* is a person the story quotes, or makes the subject of a
stance verb (`supports`, `argues`, `called for`). Holders are then placed in
three steps, each general to news writing rather than to one topic:

1. Fixed sides by role: analysts, historians, researchers and economists
   judge the debate from outside (`observer`); spokespeople, ministries and
   loyalists speak for the power in question (`regime` or `government`, as
   the story calls it).
2. Relations between the others, from discourse cues: alliance (`agrees`,
   `echoed`, `shared by`, `X's deputy`, `advisor to X`, `also`) joins two
   holders; contrast (`but` opening the sentence after another holder's
   statement, `criticized`, `disagrees`, `sees it differently`) parts them.
3. Poles from the story's question: `should the West isolate ..., or offer
   engagement ...?` gives two sets of words; each holder leans to the pole
   whose words fill their statements. Alliance groups pool their lean,
   contrast makes neighbours opposite, and a holder with neither joins the
   side of the holder discussed just before (stories tell one camp at a time).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from briefings.framing.attribution import Attribution, Attributor
from briefings.framing.cues import (
    ALLIANCE_PHRASES,
    CONTRAST_PHRASES,
    CONTRAST_WORDS,
    PRONOUNS,
    SPEECH_VERBS,
    STANCE_VERBS,
)
from briefings.framing.document import Document
from briefings.framing.gazetteer import FUNCTION_WORDS, OBSERVER_ROLES
from briefings.framing.people import Token, tokens

OBSERVER = "observer"
DEFAULT_LABELS = ("supporters", "critics")
_OPENING_CONTRAST = re.compile(r"^(?:but|however|yet|still|meanwhile|in contrast|by contrast|on the other (?:side|hand)|others)\b",
                               re.IGNORECASE)
_ALSO = re.compile(r"\b(?:also|too|likewise|similarly|agrees|agreed|echoe[sd]|shares|shared)\b", re.IGNORECASE)
_ALLY_ROLE = re.compile(r"\b(?:advis[eo]r|deputy|aide|spokes(?:person|man|woman)|ally|chief of staff|"
                        r"right-hand|husband|wife|partner|assistant|secretary)\b", re.IGNORECASE)
_REGIME_ROLE = re.compile(r"\b(?:loyalist|propagandist|regime|state media|state television|ministry|"
                          r"government spokes\w+|press secretary|kremlin)\b", re.IGNORECASE)
_OFFICIAL = re.compile(r"\b(?:spokes(?:person|man|woman)|official|minister)\b", re.IGNORECASE)
_NEGATION = frozenset("not no never against oppose opposes opposed rejects rejected reject doubts doubt "
                      "without stop end ending lifting lift easing ease halt".split())
_NOMINAL = re.compile(r"(?:ment|tion|sion|ure|ance|ence|ism|cy|ity)$")


@dataclass
class Holder:
    """A stance holder with the sentences that state their stance."""

    person: int
    sentences: list[int] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    side: str | None = None
    evidence: list[int] = field(default_factory=list)
    lean: float = 0.0


@dataclass
class Placement:
    """The sides of a story and each holder's place."""

    labels: list[str]
    holders: dict[int, Holder]
    summaries: dict[str, str | None]


def _stem(word: str) -> str:
    word = word.lower()
    for suffix in ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ive", "ed", "es", "er", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _content(text: str) -> list[str]:
    return [_stem(w) for w in re.findall(r"[A-Za-z][a-z'-]+", text)
            if w.lower() not in FUNCTION_WORDS and len(w) > 3 and not w[0].isupper()]


class Sider:
    """Places the stance holders of one document on sides."""

    def __init__(self, doc: Document, attributions: list[Attribution], attributor: Attributor) -> None:
        self.doc = doc
        self.attributions = attributions
        self.attributor = attributor
        self.holders: dict[int, Holder] = {}
        self.same: list[tuple[int, int, int]] = []  # (a, b, sentence)
        self.diff: list[tuple[int, int, int]] = []
        self.subjects: dict[int, list[int]] = {}  # sentence -> people stating a stance there

    # -- who holds a stance

    def _subjects(self, index: int) -> list[int]:
        """People who are the subject of a stance verb in sentence `index`."""
        sentence = self.doc.sentences[index]
        text = self.doc.unquoted(sentence.start, sentence.end)
        words = tokens(text, 0, len(text))
        found: list[int] = []
        for i, word in enumerate(words):
            ident = self._refers(word, sentence.start)
            if ident is None:
                continue
            j = i + 1
            while j < len(words) and self.doc.mention_at(sentence.start + words[j].start) is not None:
                j += 1
            window = [w.low for w in words[j:j + 5]]
            k = self._after_appositive(text, words, j)
            window += [w.low for w in words[k:k + 4]]
            if any(w in STANCE_VERBS for w in window) and ident not in found:
                found.append(ident)
        return found

    def _after_appositive(self, text: str, words: list[Token], j: int) -> int:
        if j == 0 or j >= len(words) or text[words[j - 1].end:words[j].start].strip() != ",":
            return j
        for k in range(j, min(j + 25, len(words) - 1)):
            if text[words[k].end:words[k + 1].start].strip() == ",":
                return k + 1
        return j

    def _refers(self, word: Token, base: int) -> int | None:
        mention = self.doc.mention_at(base + word.start)
        if mention is not None and not mention.quoted:
            return mention.person
        if word.low in ("he", "she"):
            return self.attributor.resolve_pronoun(base + word.start, PRONOUNS[word.low])
        return None

    def collect(self) -> None:
        """Find holders: speakers of quotations and subjects of stance verbs."""
        for attribution in self.attributions:
            if attribution.speaker is None:
                continue
            holder = self.holders.setdefault(attribution.speaker.ident, Holder(attribution.speaker.ident))
            holder.quotes.append(attribution.quote.text(self.doc.text))
            index = self.doc.sentence_at(attribution.quote.open_at).index
            if index not in holder.sentences:
                holder.sentences.append(index)
        for sentence in self.doc.sentences:
            subjects = self._subjects(sentence.index)
            self.subjects[sentence.index] = subjects
            for ident in subjects:
                holder = self.holders.setdefault(ident, Holder(ident))
                if sentence.index not in holder.sentences:
                    holder.sentences.append(sentence.index)
        for holder in self.holders.values():
            holder.sentences.sort()

    # -- relations

    def relate(self) -> None:
        """Alliance and contrast edges between holders, from discourse cues."""
        doc = self.doc
        last_subject: tuple[int, int] | None = None  # (person, sentence)
        for sentence in doc.sentences:
            subjects = [s for s in self.subjects.get(sentence.index, []) if s in self.holders]
            speakers = [a.speaker.ident for a in self.attributions if a.speaker is not None
                        and doc.sentence_at(a.quote.open_at).index == sentence.index]
            actors = list(dict.fromkeys(subjects + speakers))
            text = doc.unquoted(sentence.start, sentence.end)
            low = text.lower()
            others = [m.person for m in doc.mentions_in(sentence.start, sentence.end)]
            others += [p for p in (self._pronoun_objects(sentence.start, text)) if p is not None]
            others = [p for p in dict.fromkeys(others) if p in self.holders]
            words = set(re.findall(r"[a-z]+", low))
            if actors:
                actor = actors[0]
                contrast = bool(words & CONTRAST_WORDS - {"but", "yet", "although", "however"}) or any(
                    p in low for p in CONTRAST_PHRASES)
                alliance = any(p in low for p in ALLIANCE_PHRASES)
                for other in others:
                    if other == actor:
                        continue
                    if contrast and not alliance:
                        self.diff.append((actor, other, sentence.index))
                    elif alliance:
                        self.same.append((actor, other, sentence.index))
                if last_subject and last_subject[0] != actor and sentence.index - last_subject[1] <= 3:
                    if _OPENING_CONTRAST.match(text.strip()):
                        self.diff.append((actor, last_subject[0], sentence.index))
                    elif _ALSO.search(low) and not contrast:
                        self.same.append((actor, last_subject[0], sentence.index))
                last_subject = (actor, sentence.index)
        self._role_alliances()

    def _pronoun_objects(self, base: int, text: str) -> list[int | None]:
        out: list[int | None] = []
        for word in tokens(text, 0, len(text)):
            if word.low in ("her", "him"):
                out.append(self.attributor.resolve_pronoun(base + word.start, PRONOUNS[word.low]))
        return out

    def _role_alliances(self) -> None:
        """`advisor to X`, `X's deputy`: a holder stands with the person their role serves."""
        for ident in self.holders:
            person = self.doc.cast.people[ident]
            for role in person.roles:
                if not _ALLY_ROLE.search(role) or re.search(r"\b(?:former|ex-)", role, re.IGNORECASE):
                    continue
                for other in self.doc.cast.people:
                    if other.ident != ident and other.ident in self.holders and _names_in(role, other.name):
                        self.same.append((ident, other.ident, -1))

    # -- placing

    def fixed_side(self, ident: int) -> str | None:
        """`observer` or the power's own side, when the role says so."""
        roles = " ".join(self.doc.cast.people[ident].roles).lower()
        words = set(re.findall(r"[a-z]+", roles))
        if words & OBSERVER_ROLES or "political scientist" in roles:
            return OBSERVER
        if _REGIME_ROLE.search(roles) or (_OFFICIAL.search(roles) and re.search(
                r"\b(?:government|state|president|presidential|ministry|administration)\b", roles)):
            return self.power_label
        return None

    @property
    def power_label(self) -> str:
        text = self.doc.text.lower()
        return "regime" if text.count("regime") >= text.count("government") else "government"


def _names_in(role: str, name: str) -> bool:
    last = name.split()[-1]
    return bool(re.search(r"\b" + re.escape(last) + r"\b", role))


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
    words = [w.lower() for w in re.findall(r"[A-Za-z][a-z-]+", text)
             if _stem(w) in terms and w.lower() not in FUNCTION_WORDS and w.lower() not in SPEECH_VERBS]
    if not words:
        return default
    return max(words, key=lambda w: (bool(_NOMINAL.search(w)), counts[_stem(w)]))


def _lean(text: str, poles: Poles) -> float:
    """How far `text` leans to pole A (positive) or pole B (negative)."""
    words = re.findall(r"[A-Za-z][a-z'-]+", text)
    score = 0.0
    for i, word in enumerate(words):
        stem = _stem(word)
        sign = 1.0 if stem in poles.terms[0] else -1.0 if stem in poles.terms[1] else 0.0
        if sign and any(w.lower() in _NEGATION for w in words[max(0, i - 3):i]):
            sign = -sign
        score += sign
    return score


class _Groups:
    """Union-find over holders joined by alliance."""

    def __init__(self, items: list[int]) -> None:
        self.parent = {i: i for i in items}

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def place(doc: Document, attributions: list[Attribution], attributor: Attributor, question: str | None) -> Placement:
    """Find the stance holders of a document and put each on a side."""
    sider = Sider(doc, attributions, attributor)
    sider.collect()
    sider.relate()
    poles = find_poles(question, doc)
    holders = sider.holders
    order = sorted(holders, key=lambda i: holders[i].sentences[0] if holders[i].sentences else 0)
    for ident in order:
        holders[ident].side = sider.fixed_side(ident)
    debaters = [i for i in order if holders[i].side is None]
    for ident in debaters:
        holder = holders[ident]
        text = " ".join(doc.sentence_text(doc.sentences[s]) for s in holder.sentences)
        holder.lean = _lean(text, poles)
    groups = _Groups(debaters)
    for a, b, index in sider.same:
        if a in groups.parent and b in groups.parent and groups.find(a) != groups.find(b):
            groups.join(a, b)
            for ident in (a, b):
                if index >= 0:
                    holders[ident].evidence.append(index)
    apart: dict[int, set[int]] = {}
    for a, b, index in sider.diff:
        if a in groups.parent and b in groups.parent and groups.find(a) != groups.find(b):
            apart.setdefault(groups.find(a), set()).add(groups.find(b))
            apart.setdefault(groups.find(b), set()).add(groups.find(a))
            holders[a].evidence.append(index)
    lean: Counter[int] = Counter()
    for ident in debaters:
        lean[groups.find(ident)] += holders[ident].lean
    sign: dict[int, int] = {}

    def spread(root: int, value: int) -> None:
        stack = [(root, value)]
        while stack:
            group, val = stack.pop()
            if group in sign:
                continue
            sign[group] = val
            stack.extend((other, -val) for other in apart.get(group, ()) if other not in sign)

    for group in sorted(set(lean), key=lambda g: -abs(lean[g])):
        if group not in sign and lean[group]:
            spread(group, 1 if lean[group] > 0 else -1)
    last = 1
    for ident in debaters:
        group = groups.find(ident)
        if group not in sign:
            spread(group, last)
        last = sign[group]
    labels = list(poles.labels)
    for ident in debaters:
        holders[ident].side = labels[0] if sign[groups.find(ident)] > 0 else labels[1]
    used = [label for label in [*labels, OBSERVER, sider.power_label] if any(h.side == label for h in holders.values())]
    summaries: dict[str, str | None] = {}
    for label in used:
        first = next(h for i, h in ((i, holders[i]) for i in order) if h.side == label)
        summaries[label] = stance_sentence(doc, first)
    return Placement(used, holders, summaries)


def stance_sentence(doc: Document, holder: Holder) -> str | None:
    """The holder's position in one sentence of the story: indirect speech first, else a quote."""
    best: str | None = None
    for index in holder.sentences:
        sentence = doc.sentences[index]
        text = doc.sentence_text(sentence)
        unquoted = doc.unquoted(sentence.start, sentence.end)
        if len(re.findall(r"\w+", unquoted)) >= 6 and len(text) <= 400:
            return text
        best = best or text
    if best is None and holder.quotes:
        best = holder.quotes[0]
    return best[:400] if best else None

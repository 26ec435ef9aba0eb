"""Sides of the debate: who holds a stance, who stands with whom, and the labels.

A *stance holder* is a person the story quotes, or makes the subject of a
stance verb (`supports`, `argues`, `called for`). Holders are placed in two
steps, each general to news writing rather than to one topic:

1. Fixed sides by role and words: analysts, historians, researchers and
   economists, or anyone who weighs `both camps`, judge the debate from
   outside (`observer`); who argues for `a compromise` or `a bridge between
   the two` forms a middle camp; loyalists, propagandists and the press office
   of a regime speak for the power in question (`regime`), when the story is
   about dealing with one.
2. The others split into two camps, chosen to agree best with what the
   story signals between them:
   - discourse cues where a holder comes in: contrast (`But X`, `Opponents
     were not persuaded.`, `The government disagrees.`) parts them from the
     holder discussed before, alliance (`also`, `echoed`, `Support came
     from`) joins them; with no cue, narrative continuity joins them weakly;
   - relations in their statements: `X criticized Y` parts, `X echoed Y`,
     `advisor to Y`, `Y's deputy` join;
   - lean: support words (`backs`, `defended`, `welcomed`) against
     opposition words (`opposes`, `warned`, `would destroy`), and, when the
     question names two options (`isolate ..., or engage ...?`), the words
     of each option;
   - role: officials of the government on one hand, the opposition, unions
     and residents' groups on the other.
   The split itself, the poles and the lean are in `camps`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from briefings.framing.attribution import Attribution, Attributor
from briefings.framing.camps import Poles, best_split, find_poles, lean
from briefings.framing.cues import PRONOUNS, STANCE_VERBS
from briefings.framing.document import Document
from briefings.framing.gazetteer import OBSERVER_ROLES, word_set
from briefings.framing.people import tokens

OBSERVER = "observer"
MIDDLE = "compromise"
CUE_WEIGHT = 2.0
RELATION_WEIGHT = 3.0
CONTINUITY_WEIGHT = 0.5
LEAN_WEIGHT = 1.0
CUE_LEAN = 1.5
BRIDGE_WORDS = 14
OPENING_PRIOR = 0.5
STATEMENT_LEAN = 0.5
ROLE_WEIGHT = 0.75

# Relative cues: the holder coming in stands apart from / with the holder discussed before.
_CONTRAST_CUE = re.compile(
    r"^(?:but|however|yet|still|in contrast|by contrast|on the other (?:side|hand))\b|"
    r"\b(?:disagree[sd]?|not everyone|not all|sees? it differently|saw it differently|pushed back|"
    r"push back|the other side|the other camp|a different view|dissent\w*|countered|unlike)\b",
    re.IGNORECASE,
)
_ALLIANCE_CUE = re.compile(
    r"\b(?:also|too|likewise|similarly|echoe[sd]|echoing|agree[sd]?|agreeing|seconded|"
    r"in the same vein|allies|ally|went further|goes further|go further|went even further)\b",
    re.IGNORECASE,
)
# Absolute cues: the holder coming in is for / against what the story is about.
_OBJECT = r"(?:the|this|that|an?|its|their)\s+[\w-]+"
_FOR_VERB = (r"(?:backed|backs|supported|supports|defended|defends|welcomed|welcomes|praised|praises|endorsed|"
             r"endorses|championed|champions|hailed|hails) " + _OBJECT)
_AGAINST_VERB = (r"(?:criticized|criticizes|criticised|criticises|opposed|opposes|attacked|attacks|rejected|rejects|"
                 r"condemned|condemns|warned against|warns against|denounced|denounces|slammed|slams) " + _OBJECT)
# In the sentences that bring a holder in: collective words (`Opponents ...`) and verbs on a thing.
_FOR_CUE = re.compile(
    r"\b(?:supporters?|backers?|support (?:also )?came|(?:strong|broad|wide|some) support|welcomed|in favou?r|"
    + _FOR_VERB + r")\b",
    re.IGNORECASE,
)
_AGAINST_CUE = re.compile(
    r"\b(?:opponents?|critics?|sceptic\w*|skeptic\w*|wary|worr(?:y|ied|ies)|"
    r"concerns? (?:about|over)|c[oa]me out against|not persuaded|unconvinced|unimpressed|" + _AGAINST_VERB + r")\b",
    re.IGNORECASE,
)
# In a holder's own later statements: only what they do to a thing (`criticized the promise`).
_FOR_ACT = re.compile(r"\b" + _FOR_VERB + r"\b", re.IGNORECASE)
_AGAINST_ACT = re.compile(r"\b" + _AGAINST_VERB + r"\b", re.IGNORECASE)
_PARTS = re.compile(
    r"\b(?:criticized|criticised|criticizes|criticises|accused|accuses|attacked|attacks|rebuked|rebukes|"
    r"slammed|dismissed|rejected|mocked|blamed|described [\w’'\s]{0,40} as (?:hypocritical|dangerous|"
    r"wrong|reckless)|lashed out at|hit back at|scolded|disputed|contradicted)\b",
    re.IGNORECASE,
)
_JOINS = re.compile(r"\b(?:echoed|echoes|agreed with|agrees with|backed|backs|sided with|sides with|"
                    r"shared by|joined|defended|praised|seconded)\b", re.IGNORECASE)
_ALLY_ROLE = re.compile(r"\b(?:advis[eo]r|deputy|aide|spokes(?:person|man|woman)|ally|chief of staff|"
                        r"right-hand|assistant)\b", re.IGNORECASE)
_REGIME_VOICE = re.compile(r"\b(?:loyalist|propagandist|state media|state television|state tv|regime|"
                           r"press secretary|presidential spokes\w+|kremlin spokes\w+)\b", re.IGNORECASE)
_REGIME_STORY = re.compile(r"\b(?:regime|dictator\w*|autocra\w+|authoritarian|junta)\b", re.IGNORECASE)
_ESTABLISHMENT = re.compile(r"\b(?:minister|ministry|government|governor|mayor|ruling|official|spokes\w+|"
                            r"secretary|commissioner|sponsor|president of the republic|premier|cabinet|"
                            r"authority|agency|department|regulator|board|city hall|administration)\b",
                            re.IGNORECASE)
_CHALLENGER = re.compile(r"\b(?:opposition|activist|campaigner|union|residents|association|critic|protest\w*|"
                         r"advocacy|watchdog|ngo|rights group)\b", re.IGNORECASE)
_MIDDLE = re.compile(r"(?<!no )(?<!not a )(?<!never )\b(?:compromise|middle ground|middle way|bridge between|"
                     r"split the difference|meet (?:them )?(?:in|half) ?way|meet in the middle)\b", re.IGNORECASE)
_BOTH_SIDES = re.compile(r"\bboth (?:camps|sides)\b", re.IGNORECASE)
_NOT_SUBJECT = word_set("""
to of for with at by from on in about against and or the a an that than as including like into onto
over under between among toward towards via per after before without within thank thanked met
""")
# `X's views are shared by A, B and C`: the people listed stand with X.
_SHARED_BY = re.compile(r"\b(?:shared|echoed|backed|supported|endorsed|joined|seconded) by\b", re.IGNORECASE)


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


class Reader:
    """Reads one document for stance holders and the signals between them."""

    def __init__(self, doc: Document, attributions: list[Attribution], attributor: Attributor) -> None:
        self.doc = doc
        self.attributions = attributions
        self.attributor = attributor
        self.holders: dict[int, Holder] = {}
        self.intro: dict[int, int] = {}  # person -> sentence where they come in
        self.edges: Counter[tuple[int, int]] = Counter()  # (a, b), a < b -> weight (+ same, - apart)
        self.reasons: dict[int, list[int]] = {}  # person -> sentences that grounded an edge
        self.cue: dict[int, float] = {}  # person -> +1 for, -1 against, from where they come in
        self.allied: list[tuple[int, int, int]] = []  # (a, b, sentence) from `shared by` lists

    def _subjects(self, index: int) -> list[int]:
        """People (named or as he/she) who are the subject of a stance verb in sentence `index`."""
        sentence = self.doc.sentences[index]
        text = self.doc.unquoted(sentence.start, sentence.end)
        words = tokens(text, 0, len(text))
        found: list[int] = []
        appositive_end = -1  # `X, a coordinator to candidate Y, described ...`: Y is inside X's appositive
        for i, word in enumerate(words):
            if word.start < appositive_end:
                continue
            offset = sentence.start + word.start
            mention = self.doc.mention_at(offset)
            if mention is not None and not mention.quoted:
                ident: int | None = mention.person
                end = mention.end
            elif word.low in ("he", "she") and (i == 0 or text[words[i - 1].end:word.start].strip()):
                ident, end = self.attributor.resolve_pronoun(offset, PRONOUNS[word.low]), sentence.start + word.end
            else:
                continue
            if i and words[i - 1].low in _NOT_SUBJECT and not text[words[i - 1].end:word.start].strip(" "):
                continue  # `met with X`, `shared by X`: an object, not a subject
            j = i + 1
            while j < len(words) and sentence.start + words[j].start < end:
                j += 1
            k = self.attributor._skip_appositive_in(text, words, j)
            if k > j:
                appositive_end = words[k].start if k < len(words) else len(text)
            window = [w.low for w in words[j:j + 3] + words[k:k + 3]]
            if ident is not None and ident not in found and any(w in STANCE_VERBS for w in window):
                found.append(ident)
        return found

    def collect(self) -> None:
        """Holders: speakers of quotations (of three words or more, or several) and subjects of stance verbs."""
        doc = self.doc
        quoted: dict[int, list[Attribution]] = {}
        for attribution in self.attributions:
            if attribution.speaker is not None:
                quoted.setdefault(attribution.speaker.ident, []).append(attribution)
        for ident, found in quoted.items():
            holder = self.holders.setdefault(ident, Holder(ident))
            for attribution in found:
                holder.quotes.append(attribution.quote.text(doc.text))
                holder.sentences.append(doc.sentence_at(attribution.quote.open_at).index)
        for sentence in doc.sentences:
            for ident in self._subjects(sentence.index):
                self.holders.setdefault(ident, Holder(ident)).sentences.append(sentence.index)
        for sentence in doc.sentences:
            self._shared_by(sentence.index)
        first_named: dict[int, int] = {}
        for mention in doc.cast.mentions:
            if not mention.quoted:
                first_named.setdefault(mention.person, mention.start)
        for ident, holder in self.holders.items():
            holder.sentences = sorted(set(holder.sentences))
            first = doc.sentence_at(first_named[ident]).index if ident in first_named else holder.sentences[0]
            self.intro[ident] = min(first, holder.sentences[0])

    def _shared_by(self, index: int) -> None:
        """`X's views are shared by A, B and C`: A, B and C hold X's stance too."""
        doc = self.doc
        sentence = doc.sentences[index]
        text = doc.unquoted(sentence.start, sentence.end)
        match = _SHARED_BY.search(text)
        if not match:
            return
        anchor: int | None = None
        for word in tokens(text, 0, match.start()):
            mention = doc.mention_at(sentence.start + word.start)
            if mention is not None:
                anchor = mention.person
            elif word.low in PRONOUNS:
                anchor = self.attributor.resolve_pronoun(sentence.start + word.start, PRONOUNS[word.low])
            if anchor is not None:
                break
        if anchor is None:
            return
        self.holders.setdefault(anchor, Holder(anchor)).sentences.append(index)
        for mention in doc.mentions_in(sentence.start + match.end(), sentence.end):
            if mention.person != anchor:
                self.holders.setdefault(mention.person, Holder(mention.person)).sentences.append(index)
                self.allied.append((anchor, mention.person, index))

    def _edge(self, a: int, b: int, weight: float, sentence: int) -> None:
        if a == b:
            return
        self.edges[(min(a, b), max(a, b))] += weight  # type: ignore[assignment]
        if sentence >= 0:
            self.reasons.setdefault(a, []).append(sentence)

    def relate(self, debaters: list[int]) -> None:
        """Edges between debaters from cues where they come in, their statements, and their roles."""
        doc = self.doc
        order = sorted(debaters, key=lambda i: self.intro[i])
        for a, b, index in self.allied:
            if a in debaters and b in debaters:
                self._edge(a, b, RELATION_WEIGHT, index)
        for n, current in enumerate(order):
            start = self.intro[current] if n == 0 else max(self.intro[order[n - 1]] + 1, self.intro[current] - 1)
            span = doc.sentences[max(0, start):self.intro[current] + 1]
            window = [doc.unquoted(s.start, s.end).strip() for s in span]
            if len(window) > 1 and len(window[0].split()) > BRIDGE_WORDS:
                window = window[1:]  # only a short bridge (`Opponents were not persuaded.`) speaks for the next holder
            cue = " ".join(window)
            own = " ".join(doc.unquoted(doc.sentences[k].start, doc.sentences[k].end)
                           for k in self.holders[current].sentences if k > self.intro[current])
            absolute = len(_FOR_CUE.findall(cue)) - len(_AGAINST_CUE.findall(cue))
            absolute = absolute or len(_FOR_ACT.findall(own)) - len(_AGAINST_ACT.findall(own))
            if n == 0 and not absolute:
                self.cue[current] = OPENING_PRIOR  # stories tend to open with the proposal's own side
            if absolute:
                self.cue[current] = 1.0 if absolute > 0 else -1.0
                self.reasons.setdefault(current, []).append(self.intro[current])
            if n == 0:
                continue
            previous = order[n - 1]
            if any(_CONTRAST_CUE.search(part) for part in window):
                self._edge(current, previous, -CUE_WEIGHT, self.intro[current])
            elif _ALLIANCE_CUE.search(cue):
                self._edge(current, previous, CUE_WEIGHT, self.intro[current])
            else:
                self._edge(current, previous, CONTINUITY_WEIGHT, -1)
        wanted = set(debaters)
        for ident in debaters:
            for index in self.holders[ident].sentences:
                sentence = doc.sentences[index]
                text = doc.unquoted(sentence.start, sentence.end)
                others = {m.person for m in doc.mentions_in(sentence.start, sentence.end)} & wanted
                for word in tokens(text, 0, len(text)):
                    if word.low in ("her", "him"):
                        found = self.attributor.resolve_pronoun(sentence.start + word.start, PRONOUNS[word.low])
                        if found in wanted:
                            others.add(found)
                others.discard(ident)
                if not others:
                    continue
                weight = -RELATION_WEIGHT if _PARTS.search(text) else RELATION_WEIGHT if _JOINS.search(text) else 0
                for other in others:
                    if weight:
                        self._edge(ident, other, weight, index)
            person = doc.cast.people[ident]
            for role in person.roles:
                if _ALLY_ROLE.search(role) and not re.search(r"\b(?:former|ex-)", role, re.IGNORECASE):
                    for other in wanted - {ident}:
                        last = doc.cast.people[other].name.split()[-1]
                        if re.search(r"\b" + re.escape(last) + r"\b", role):
                            self._edge(ident, other, RELATION_WEIGHT, -1)
                    owner = re.match(r"(his|her)\s", role, re.IGNORECASE)
                    first = next((m for m in doc.cast.mentions if m.person == ident and not m.quoted), None)
                    if owner and first is not None:  # `Her chief adviser, X,`
                        boss = self.attributor.resolve_pronoun(first.start, PRONOUNS[owner.group(1).lower()])
                        if boss is not None and boss in wanted:
                            self._edge(ident, boss, RELATION_WEIGHT, -1)

    def lean(self, ident: int, poles: Poles) -> float:
        """The holder's lean over their statements, clipped to [-1, 1]."""
        doc = self.doc
        text = " ".join(doc.sentence_text(doc.sentences[s]) for s in self.holders[ident].sentences)
        value = lean(text, poles)
        return max(-1.0, min(1.0, value / 2))

    def camp(self, ident: int) -> int:
        """+1 for the establishment, -1 for its challengers, 0 when the role says neither."""
        roles = " ".join(self.doc.cast.people[ident].roles)
        up, down = bool(_ESTABLISHMENT.search(roles)), bool(_CHALLENGER.search(roles))
        return 0 if up == down else 1 if up else -1

    def fixed_side(self, ident: int, regime_story: bool) -> str | None:
        """`observer` or `regime` when the role says so."""
        roles = " ".join(self.doc.cast.people[ident].roles).lower()
        words = set(re.findall(r"[a-z]+", roles))
        if words & OBSERVER_ROLES or "political scientist" in roles:
            return OBSERVER
        said = " ".join(self.doc.sentence_text(self.doc.sentences[k]) for k in self.holders[ident].sentences)
        if _BOTH_SIDES.search(said):
            return OBSERVER
        quoted = " ".join(self.holders[ident].quotes)
        if _MIDDLE.search(said) or _MIDDLE.search(quoted):
            return MIDDLE
        if regime_story and _REGIME_VOICE.search(roles):
            return "regime"
        return None


def _speaks(doc: Document, attributions: list[Attribution], ident: int) -> bool:
    """Whether the person is quoted at some length outside the headline."""
    headline_end = doc.paragraphs[0].end if doc.paragraphs else 0
    return any(a.speaker is not None and a.speaker.ident == ident and a.quote.open_at > headline_end
               and a.quote.words(doc.text) >= 4 for a in attributions)


def _names_in(text: str, name: str) -> bool:
    """Whether `text` names the person (by surname)."""
    last = name.split()[-1]
    return bool(re.search(r"\b" + re.escape(last) + r"\b", text))


def place(doc: Document, attributions: list[Attribution], attributor: Attributor, question: str | None) -> Placement:
    """Find the stance holders of a document and put each on a side."""
    reader = Reader(doc, attributions, attributor)
    reader.collect()
    holders = reader.holders
    poles = find_poles(question, doc)
    regime_story = len(_REGIME_STORY.findall(doc.text)) >= 2
    order = sorted(holders, key=lambda i: reader.intro[i])
    for ident in order:
        holders[ident].side = reader.fixed_side(ident, regime_story)
    named = (question or "") + " " + (doc.text[doc.paragraphs[0].start:doc.paragraphs[0].end] if doc.paragraphs else "")
    debaters = [i for i in order if holders[i].side is None and (
        not _names_in(named, doc.cast.people[i].name) or _speaks(doc, attributions, i))]
    for ident in order:
        if holders[ident].side is None and ident not in debaters:
            del holders[ident]  # the person the debate is about, not a party to it
    order = [i for i in order if i in holders]
    reader.relate(debaters)
    weight: dict[tuple[int, int], float] = dict(reader.edges)
    lexical = {i: reader.lean(i, poles) for i in debaters}
    mean = sum(lexical.values()) / len(lexical) if lexical else 0.0
    # Statement words carry a story's tone as much as a camp's, so only their deviation counts.
    leans = {i: reader.cue.get(i, 0.0) * CUE_LEAN + STATEMENT_LEAN * (lexical[i] - mean) for i in debaters}
    camps = {i: reader.camp(i) for i in debaters}
    for n, a in enumerate(debaters):
        for b in debaters[n + 1:]:
            key = (min(a, b), max(a, b))
            # Two challengers can disagree (an opposition split); government and its challengers cannot agree.
            role = ROLE_WEIGHT * camps[a] * camps[b] if max(camps[a], camps[b]) > 0 else 0.0
            weight[key] = weight.get(key, 0.0) + LEAN_WEIGHT * leans[a] * leans[b] + role
    signs = best_split(debaters, weight)
    first_lean = sum(leans[i] * signs[i] for i in debaters)
    flip = -1 if first_lean < 0 else 1  # the camp leaning to support (or pole A) takes the first label
    labels = list(poles.labels)
    for ident in debaters:
        holders[ident].side = labels[0] if signs[ident] * flip > 0 else labels[1]
        holders[ident].evidence = reader.reasons.get(ident, [])
    used = [label for label in [*labels, MIDDLE, OBSERVER, "regime"] if any(h.side == label for h in holders.values())]
    summaries: dict[str, str | None] = {}
    for label in used:
        first = next(holders[i] for i in order if holders[i].side == label)
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

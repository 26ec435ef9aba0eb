"""Sides of the debate: who holds a stance, who stands with whom, and the labels.

A *stance holder* is a person the story quotes, or makes the subject of a
stance verb (`supports`, `argues`, `called for`, also in a `who` clause after
the name: `X, a paramedic, who wants it left as it is`), or whose office,
spokesperson or deputy states their position (`Her office said she would vote
no`). Holders are placed in three
steps, each general to news writing rather than to one topic (the cue
patterns themselves are in `side_cues`):

1. Fixed sides by role and words: analysts, historians, researchers and
   economists (`who studies X at`, `"...," the economist said`, `Analysts
   say ...` just before), or anyone who weighs `both camps`, judge the debate
   from outside (`observer`), unless the story brings them in on one side
   or they urge an outcome themselves (`I would urge both sides to accept
   it` is a stand, not a judgement);
   who argues for `a compromise` or `a bridge between the two` (unless the
   story brings them in against it: `The union rejected the idea.`), or comes in
   under a third position (`A third position has gained ground.`, `Between
   them stands the state.`, `proposed an amendment`), or whose own words
   carry an amendment (`said her amendment would ...`, `I'll vote for B's
   amendment`) or support with a condition (`could accept a farm with closed
   pens but not the open nets`, `wants the licences granted only if ...`)
   forms a middle camp, with those who side with them and those they side with;
   loyalists, propagandists and the press office of a regime speak for the
   power in question (`regime`), when the story is about dealing with one.
   Who says outright that they take no side (`takes no side`, `not a
   question for this court`) is no stance holder at all.
2. The others split into two camps, chosen to agree best with what the
   story signals between them:
   - discourse cues where a holder comes in: contrast (`But X`, `Opponents
     were not persuaded.`, `The government disagrees.`) parts them from the
     holder discussed before, alliance (`also`, `echoed`, `Support came
     from`) joins them; a holder with no cue of their own, who comes in right
     after one who had a cue (`Opponents were not persuaded. A said ... B
     said ...`), carries it on weakly; sentence order alone joins no one;
   - relations in their statements, to the person the verb acts on: `X
     criticized Y` and `Her sharpest opponent, X` part, `X echoed Y`,
     `advisor to Y`, `Y's deputy` join;
   - sponsors and opponents of a measure: `who wrote the measure`,
     `support for the plan`, `has the backing of X` against `voted against`,
     `Opposition is led by`;
   - a position stated in the holder's own words, quoted or reported, when
     no cue brings them in: `I will vote against it`, `urged senators to
     ratify`, `remained opposed`; a negation before it (`I will not vote
     for it`) states none;
   - lean: support words (`backs`, `defended`, `welcomed`) against
     opposition words (`opposes`, `warned`, `would destroy`), and, when the
     question names two options (`isolate ..., or engage ...?`), the words
     of each option;
   - role: officials of the government on one hand, the opposition, unions
     and residents' groups on the other.
   The split itself, the poles and the lean are in `camps`.
3. A debater whom none of these signals reach (no cue, no relation, no role
   camp, hardly any lean in their own words) gets no side rather than a guess.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from briefings.framing.attribution import Attribution, Attributor
from briefings.framing.camps import Poles, _stem, best_split, find_poles, lean
from briefings.framing.cues import PRONOUNS, SPEECH_VERBS, STANCE_VERBS
from briefings.framing.document import Document
from briefings.framing.gazetteer import FUNCTION_WORDS, OBSERVER_ROLES, ROLE_NOUNS, word_set
from briefings.framing.people import Token, tokens
from briefings.framing.side_cues import (
    AGAINST_ACT,
    AGAINST_CUE,
    AGAINST_POSITION,
    ALLIANCE_CUE,
    ALLY_ROLE,
    BOTH_SIDES,
    CHALLENGER,
    CONDITIONAL,
    CONTRAST_CUE,
    ESTABLISHMENT,
    FOR_ACT,
    FOR_CUE,
    FOR_POSITION,
    JOINS,
    MIDDLE_CUE,
    NEUTRAL,
    OBSERVER_CUE,
    OWN_THIRD,
    PARTS,
    PROXY_STATES,
    REBUTTAL,
    REGIME_STORY,
    REGIME_VOICE,
    RIVAL_OF,
    ROLE_SAID,
    SHARED_BY,
    SIDES_WITH_GROUP,
    STUDIES,
    THIRD,
    THIRD_BRIDGE,
    URGES,
)

OBSERVER = "observer"
MIDDLE = "compromise"
CUE_WEIGHT = 2.0
RELATION_WEIGHT = 3.0
CONTINUITY_WEIGHT = 0.5
BLOCK_PARAGRAPHS = 1
OBJECT_CHARS = 60
APPOSITIVE_CHARS = 60
NEUTRAL_CHARS = 80
LEAN_WEIGHT = 1.0
CUE_LEAN = 1.5
BRIDGE_WORDS = 14
OPENING_PRIOR = 0.5
STATEMENT_LEAN = 0.5
ROLE_WEIGHT = 0.75
_WORD = re.compile(r"[A-Za-z][A-Za-z-]+")  # `trust's` is `trust`, `Supporters'` is `Supporters`
WHO_WORDS = 14  # how far into a `who` clause its stance verb may be
SUBJECT_WORDS = 4  # the words of a sentence's opening that name a group (`Motorbike taxi drivers, ...`)
# Words too wide to make a group: everyone in a story is from the city, of the country, about the plan.
_GENERIC_GROUPS = frozenset({"city", "state", "national", "country", "local", "people", "plan", "former", "group",
                             "member", "council", "public", "government", "region", "town", "village"})
# A sentence whose subject is a group (`Environmental groups, who rallied ..., welcomed the move.`) speaks for the
# member the next sentence brings in, however long it is.
_GROUP_SUBJECT = re.compile(r"^(?:[A-Z][a-z-]+\s+)?(?:[a-z-]+\s+)?(?![a-z]*(?:ss|us|is)\b)(?:[A-Z]?[a-z-]{3,}s)\b"
                            r"(?!['’])"
                            r"(?=,|\s+(?:who|have|had|were|are|say|said|reacted|welcomed|rallied|protested)\b)")
SURE_LEAN = 0.5  # a holder with no other evidence needs this much lean in their own words to get a side

# Offices that make a scholar a party to the debate: `Professor X, the rector`, `the dean of the faculty`.
_OFFICES = word_set("""
rector dean chancellor provost president chair chairman chairwoman head director minister mayor councillor
senator deputy leader secretary spokesman spokeswoman governor commissioner ceo founder
""")
_ACADEMIC_NOUN = re.compile(r"\ban academic\b|\bacademics?\s+(?:at|who|from|in|and)\b|\bacademic$")
# A specialist of a science at a university judges from outside: `a hydrogeologist at the Universidad Mayor`.
_ACADEMIC_AT = re.compile(r"\b[a-z]+(?:ologist|ographer|eticist|ysicist|emist)\b[^;]{0,20}\bat (?:the )?[^;]{0,40}"
                          r"\b(?:universit\w*|universidad|universiti|college|institute)\b"
                          r"(?![^;]{0,30}\b(?:hospital|clinic|medical cent))")  # a university hospital's doctor treats
# What both camps should do, or where both are wrong, is a position between them, not a judgement from outside.
_TELLS_BOTH = re.compile(r"\bboth (?:camps|sides) (?:should|must|need to|ought to|were wrong|are wrong)\b",
                         re.IGNORECASE)
# `who two weeks ago was calling for the project to be withdrawn`: a position they held before, not now.
_PAST = re.compile(r"\b(?:ago|previously|formerly|used to|until recently|at first|initially)\b[^.;]*$", re.IGNORECASE)
PAST_CHARS = 40
_NEGATED = re.compile(r"\b(?:not|never|no longer)\W+(?:\w+\W+)?$|n[’']t\W+$", re.IGNORECASE)
_OWNER = re.compile(r"^(?:the |its |their |an? )?([\w\s-]{2,40}?)['’]s\s|\b(?:of|at|for) (?:the |an? )?(.+)$",
                    re.IGNORECASE)
_NOT_PLURAL = word_set("has was is does always also thus this its his hers ours yours")
_NOT_SUBJECT = word_set("""
to of for with at by from on in about against and or the a an that than as including like into onto
over under between among toward towards via per after before without within thank thanked met
""")



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
        self.quoted_in: dict[int, set[int]] = {}  # person -> sentences holding their quotes
        self._positions: dict[int, int] = {}  # person -> `position`, once read
        self.middle_allies: set[int] = set()  # debaters who come in beside a middle-camp holder (`also`, `echoed`)
        self.first_seen: dict[int, int] = {}  # person -> offset of their first mention
        for mention in doc.cast.mentions:
            if not mention.quoted:
                self.first_seen.setdefault(mention.person, mention.start)

    def _subjects(self, index: int) -> list[int]:
        """People (named or as he/she) who are the subject of a stance verb in sentence `index`."""
        sentence = self.doc.sentences[index]
        text = self.doc.unquoted(sentence.start, sentence.end)
        words = tokens(text, 0, len(text))
        found: list[int] = []
        doc_text = self.doc.text
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
                if ident is not None and self.first_seen.get(ident, -1) > offset:
                    ident = None  # a pronoun refers back, never to someone the story names later
            else:
                continue
            j = i + 1  # the word after the name
            while j < len(words) and sentence.start + words[j].start < end:
                j += 1
            if i and words[i - 1].low in _NOT_SUBJECT and not text[words[i - 1].end:word.start].strip(" "):
                if ident is not None and ident not in found and self._who_stance(sentence.start, text, words, j):
                    found.append(ident)  # `the words of X, a paramedic, who wants it left as it is`
                continue  # `met with X`, `shared by X`: an object, not a subject
            if doc_text.startswith(("'s ", "’s "), end):
                continue  # `Trump's reported frustrations`: a possessive, not a subject
            k = self.attributor._skip_appositive_in(text, words, j)
            if k > j:
                appositive_end = words[k].start if k < len(words) else len(text)
            tail = words[k:k + 3]
            if len(tail) > 1 and not tail[0].capitalised and tail[0].low.endswith("s") and tail[1].low in STANCE_VERBS \
                    and tail[0].low not in STANCE_VERBS and tail[0].low not in _NOT_PLURAL:
                tail = ()  # `X, is expected to meet them, officials said`: the officials say it, not X
            window = [w.low for w in words[j:j + 3] + tail]
            if ident is not None and ident not in found and (
                    any(w in STANCE_VERBS for w in window) or self._who_stance(sentence.start, text, words, j)):
                found.append(ident)
        return found

    def _who_stance(self, offset: int, text: str, words: Sequence[Token], j: int) -> bool:
        """`X, a retired paramedic, who drew the loudest applause and wants the hospital left as it is`: a
        stance verb in a `who` clause of the appositives right after the name (`who` after a comma, and no
        one else named before it)."""
        for at in range(j, min(len(words), j + WHO_WORDS)):
            gap = text[words[at - 1].end:words[at].start]
            if self.doc.mention_at(offset + words[at].start) is not None or ";" in gap:
                return False
            if words[at].low == "who" and gap.strip() == ",":
                for word in words[at + 1:at + WHO_WORDS]:
                    if self.doc.mention_at(offset + word.start) is not None or word.low in ("that", "which"):
                        return False
                    if word.low in STANCE_VERBS and word.low not in SPEECH_VERBS:
                        return True
                return False
        return False

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
                self.quoted_in.setdefault(ident, set()).add(doc.sentence_at(attribution.quote.open_at).index)
        for sentence in doc.sentences:
            for ident in self._subjects(sentence.index):
                self.holders.setdefault(ident, Holder(ident)).sentences.append(sentence.index)
        for sentence in doc.sentences:
            self._shared_by(sentence.index)
            proxied = self._proxied(sentence.index)
            if proxied is not None:
                self.holders.setdefault(proxied, Holder(proxied)).sentences.append(sentence.index)
        # Where a holder comes in is in the body: a headline names people before the story brings them in.
        headline = doc.paragraphs[0].index if len(doc.paragraphs) > 1 else -1
        first_named: dict[int, int] = {}
        for mention in doc.cast.mentions:
            if not mention.quoted and doc.sentence_at(mention.start).paragraph != headline:
                first_named.setdefault(mention.person, doc.sentence_at(mention.start).index)
        for ident, holder in self.holders.items():
            holder.sentences = sorted(set(holder.sentences))
            body = [k for k in holder.sentences if doc.sentences[k].paragraph != headline] or holder.sentences
            # Named: they come in where first named (a quote before that is a misread or a teaser).
            self.intro[ident] = first_named.get(ident, body[0])

    def _proxied(self, index: int) -> int | None:
        """The person whose office (spokeswoman, deputy) states their position in sentence `index`, if any.

        `His office said that he would vote no`: the possessive and the clause's subject must be one person,
        so `Trump's campaign said he will be represented` (he: someone else) states nothing of Trump.
        """
        sentence = self.doc.sentences[index]
        text = self.doc.unquoted(sentence.start, sentence.end)
        match = PROXY_STATES.match(text)
        if not match:
            return None
        gender = PRONOUNS[match.group(1).lower()]
        owner = self._named_just_before(index, gender)
        if owner is None:
            owner = self.attributor.resolve_pronoun(sentence.start + match.start(1), gender)
        rest = sentence.start + match.end()
        mention = self.doc.mention_at(rest)
        if mention is not None and not mention.quoted:
            subject: int | None = mention.person
        else:
            pronoun = re.match(r"(he|she)\b", text[match.end():])
            subject = owner if pronoun and PRONOUNS[pronoun.group(1)] == gender else None
        return owner if owner is not None and subject == owner else None

    def _named_just_before(self, index: int, gender: str) -> int | None:
        """The first person of that gender named in the sentence before, in the same paragraph.

        `Independent TD Maura Fahy missed the meeting. Her constituency office said ...`: the person the
        story has just brought in, not the last one quoted.
        """
        doc = self.doc
        if not index or doc.sentences[index - 1].paragraph != doc.sentences[index].paragraph:
            return None
        previous = doc.sentences[index - 1]
        for mention in doc.mentions_in(previous.start, previous.end):
            if not mention.quoted and doc.cast.people[mention.person].gender in (gender, None):
                return mention.person
        return None

    def _shared_by(self, index: int) -> None:
        """`X's views are shared by A, B and C`: A, B and C hold X's stance too."""
        doc = self.doc
        sentence = doc.sentences[index]
        text = doc.unquoted(sentence.start, sentence.end)
        match = SHARED_BY.search(text)
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
        carried: dict[int, bool] = {}  # person -> came in under an explicit cue (their own, or carried to them)
        for a, b, index in self.allied:
            if a in debaters and b in debaters:
                self._edge(a, b, RELATION_WEIGHT, index)
        for n, current in enumerate(order):
            start = self.intro[current] - 1 if n == 0 else max(self.intro[order[n - 1]] + 1, self.intro[current] - 1)
            span = doc.sentences[max(0, start):self.intro[current] + 1]
            window = [doc.unquoted(s.start, s.end).strip() for s in span]
            if len(window) > 1 and len(window[0].split()) > BRIDGE_WORDS and not self._group_of(window[0], current) \
                    and not (_GROUP_SUBJECT.match(window[0]) and self._same_paragraph(self.intro[current] - 1,
                                                                                     self.intro[current])):
                window = window[1:]  # only a short bridge (`Opponents were not persuaded.`) speaks for the next holder
            cue = " ".join(window)
            own = " ".join(doc.unquoted(doc.sentences[k].start, doc.sentences[k].end)
                           for k in self.holders[current].sentences if k > self.intro[current])
            absolute = cue_balance(cue)
            absolute = absolute or self.position(current)
            absolute = absolute or cue_balance(own, FOR_ACT, AGAINST_ACT)
            if n == 0 and not absolute:
                self.cue[current] = OPENING_PRIOR  # stories tend to open with the proposal's own side
            if absolute:
                self.cue[current] = 1.0 if absolute > 0 else -1.0
                self.reasons.setdefault(current, []).append(self.intro[current])
            carried[current] = bool(absolute) and bool(FOR_CUE.search(cue) or AGAINST_CUE.search(cue))
            self._rival_of(current)
            if n == 0:
                continue
            # The holder a cue relates them to is the one who spoke last (`Pruitt makes the same case` after
            # Whitaker's quote), not whoever the story named last in passing.
            previous = max(order[:n], key=lambda d: (self._last_said(d, self.intro[current]), self.intro[d]))
            if any(CONTRAST_CUE.search(part) for part in window):
                self._edge(current, previous, -CUE_WEIGHT, self.intro[current])
                carried[current] = True
            elif ALLIANCE_CUE.search(cue):
                before = [h for h in self.holders if h != current and self.intro[h] < self.intro[current]]
                latest = max(before, key=lambda d: (self._last_said(d, self.intro[current]), self.intro[d]))
                if self.holders[latest].side == MIDDLE and latest not in debaters:
                    self.middle_allies.add(current)  # `The idea has found a supporter in X`, after the middle camp's
                else:
                    self._edge(current, previous, CUE_WEIGHT, self.intro[current])
                carried[current] = True
            elif not absolute and carried.get(previous) and self._same_block(previous, current):
                # `Opponents were not persuaded. A said ... B said ...`: the cue holds until the next one
                self._edge(current, previous, CONTINUITY_WEIGHT, -1)
                carried[current] = True
        wanted = set(debaters)
        for ident in debaters:
            for index, weight, target in self.relations(ident):
                if target is not None and target in wanted:
                    self._edge(ident, target, weight, index)
                    continue
                text = doc.unquoted(doc.sentences[index].start, doc.sentences[index].end)
                if target is None and (side_with := SIDES_WITH_GROUP.search(text)):
                    # `sided with the operators`: with every holder whose role puts them among the operators
                    group = side_with.group(1)
                    members = [other for other in wanted - {ident} if self._group_of(group, other)]
                    for other in members:
                        self._edge(ident, other, weight, index)
                    if not members and not self.cue.get(ident):
                        self._group_cue(ident, group, index)
            person = doc.cast.people[ident]
            for role in person.roles:
                if ALLY_ROLE.search(role) and not re.search(r"\b(?:former|ex-)", role, re.IGNORECASE):
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

    def _last_said(self, ident: int, before: int) -> int:
        """The last sentence before `before` where the holder states their stance (or comes in)."""
        return max((k for k in [self.intro[ident], *self.holders[ident].sentences] if k < before), default=-1)

    def relations(self, ident: int) -> list[tuple[int, float, int | None]]:
        """(sentence, weight, person acted on) of each relation verb in the holder's statements:
        `criticized Y` parts (negative weight), `sided with the mayor` joins."""
        found: list[tuple[int, float, int | None]] = []
        for index in self.holders[ident].sentences:
            sentence = self.doc.sentences[index]
            text = self.doc.unquoted(sentence.start, sentence.end)
            match = PARTS.search(text) or JOINS.search(text)
            if match:
                weight = -RELATION_WEIGHT if PARTS.search(text) else RELATION_WEIGHT
                found.append((index, weight, self._object_of(sentence.start, text, match, ident)))
        return found

    def _own_amendment(self, ident: int) -> bool:
        """An amendment of the holder's own in their words; `her amendment` in a man's words is someone else's."""
        gender = self.doc.cast.people[ident].gender
        for match in OWN_THIRD.finditer(self.own_words(ident)):
            pronoun = re.match(r"(his|her)\b", match.group(), re.IGNORECASE)
            if not (pronoun and gender and PRONOUNS[pronoun.group(1).lower()] != gender):
                return True
        return False

    def own_words(self, ident: int) -> str:
        """What the holder says: their statement sentences outside quotes, and their quotes."""
        doc = self.doc
        said = [doc.unquoted(doc.sentences[k].start, doc.sentences[k].end) for k in self.holders[ident].sentences]
        return " ".join(said + self.holders[ident].quotes)

    def position(self, ident: int) -> int:
        """+1 / -1 when the holder states a position in their own words (`I will vote against it`), else 0.

        Read once per holder: their statements are fixed once `collect` has run.
        """
        known = self._positions.get(ident)
        if known is not None:
            return known
        text = self.own_words(ident)
        score = 0
        for pattern, sign in ((FOR_POSITION, 1), (AGAINST_POSITION, -1)):
            for match in pattern.finditer(text):
                if not _NEGATED.search(text[max(0, match.start() - 24):match.start()]) and not _PAST.search(
                        text[max(0, match.start() - PAST_CHARS):match.start()]):
                    score += sign
        self._positions[ident] = (score > 0) - (score < 0)
        return self._positions[ident]

    def _object_of(self, offset: int, text: str, match: re.Match[str], ident: int) -> int | None:
        """The first person other than `ident` the relation verb acts on (`criticized her`, `echoed X`)."""
        if match.start() < len(text) and not self._before(offset, text, match.start(), ident):
            return None
        words = tokens(text, match.start(), min(len(text), match.end() + OBJECT_CHARS))
        for n, word in enumerate(words):
            mention = self.doc.mention_at(offset + word.start)
            if mention is not None and not mention.quoted and mention.person != ident:
                return mention.person
            if word.low == "the" and n + 1 < len(words) and (words[n + 1].low in ROLE_NOUNS or (
                    n + 2 < len(words) and words[n + 2].low in ROLE_NOUNS)):
                # `sided with the mayor`, `rejected the minister's argument`, `accused the economy minister`
                head = words[n + 1].low if words[n + 1].low in ROLE_NOUNS else f"{words[n + 1].low} {words[n + 2].low}"
                found = self.attributor.resolve_role(head, offset + word.start, strict=True)
                if found is not None and found != ident:
                    return found
            if word.low in ("her", "him", "his"):
                # `X, usually no friend of the minister, sided with him`: the role named just before, else as usual
                found = self._role_before(text, offset, match.start(), ident, PRONOUNS[word.low])
                if found is None:
                    found = self.attributor.resolve_pronoun(offset + word.start, PRONOUNS[word.low], exclude=ident)
                if found is not None and found != ident:
                    return found
        return None

    def _role_before(self, text: str, offset: int, end: int, ident: int, gender: str) -> int | None:
        """The person of the last role phrase (`the minister`) in text[:end] other than `ident`, of that gender."""
        heads = [m.group(1) for m in re.finditer(r"\bthe\s+(?:[a-z-]+\s+)?([a-z-]+)\b", text[:end])
                 if m.group(1) in ROLE_NOUNS]
        if not heads:
            return None
        people = self.doc.cast.people
        for mention in reversed(self.doc.mentions_in(0, offset)):  # the latest one named with that role
            person = people[mention.person]
            if mention.person != ident and person.gender in (None, gender) and any(
                    re.search(r"\b" + re.escape(heads[-1]), role.lower()) for role in person.roles):
                return mention.person
        return None

    def _before(self, offset: int, text: str, end: int, ident: int) -> bool:
        """Whether `ident` is named or referred to (he/she) before `end` in the sentence, or speaks it."""
        for word in tokens(text, 0, end):
            mention = self.doc.mention_at(offset + word.start)
            if mention is not None and mention.person == ident:
                return True
            if word.low in ("he", "she") and self.attributor.resolve_pronoun(offset + word.start,
                                                                              PRONOUNS[word.low]) == ident:
                return True
        return self.doc.sentence_at(offset).index in self.quoted_in.get(ident, set())

    def _group_of(self, sentence: str, ident: int, words: int = SUBJECT_WORDS) -> bool:
        """Whether the sentence's opening group is one the holder's role puts them in.

        `Parents' groups welcomed the bill ...` before `X, who heads the
        Bengaluru Parents' Forum`; `Motorbike taxi drivers have lined up ...`
        before `X, a driver`: what the group does, its member does.
        """
        opening = {_stem(w) for w in _WORD.findall(sentence)[:words] if w.lower() not in FUNCTION_WORDS and len(w) > 3}
        role = {_stem(w) for r in self.doc.cast.people[ident].roles for w in _WORD.findall(r)
                if w.lower() not in FUNCTION_WORDS and len(w) > 3}
        return bool(opening & role - _GENERIC_GROUPS)

    def _same_paragraph(self, a: int, b: int) -> bool:
        return a >= 0 and self.doc.sentences[a].paragraph == self.doc.sentences[b].paragraph

    def _group_cue(self, ident: int, group: str, index: int) -> None:
        """`X sided with the environmental groups` after `Environmental groups ... welcomed the move`: their cue."""
        words = {_stem(w) for w in _WORD.findall(group) if w.lower() not in FUNCTION_WORDS} - _GENERIC_GROUPS
        for sentence in self.doc.sentences[:index]:
            text = self.doc.unquoted(sentence.start, sentence.end)
            opening = {_stem(w) for w in _WORD.findall(text)[:SUBJECT_WORDS]}
            if words and words <= opening and (balance := cue_balance(text)):
                self.cue[ident] = 1.0 if balance > 0 else -1.0
                self.reasons.setdefault(ident, []).append(sentence.index)
                return

    def _same_block(self, previous: int, current: int) -> bool:
        """Whether `current` comes in right after `previous` last spoke (no more than one paragraph between)."""
        doc = self.doc
        here = doc.sentences[self.intro[current]].paragraph
        last = max((k for k in self.holders[previous].sentences if k < self.intro[current]),
                   default=self.intro[previous])
        return here - doc.sentences[last].paragraph <= BLOCK_PARAGRAPHS

    def _rival_of(self, current: int) -> None:
        """`Her sharpest opponent is X`: X apart from the person `her` refers to."""
        doc = self.doc
        sentence = doc.sentences[self.intro[current]]
        text = doc.unquoted(sentence.start, sentence.end)
        for match in RIVAL_OF.finditer(text):
            other = self.attributor.resolve_pronoun(sentence.start + match.start(1), PRONOUNS[match.group(1).lower()])
            if other is not None and other in self.holders and other != current:
                self._edge(current, other, -RELATION_WEIGHT, sentence.index)

    def lean(self, ident: int, poles: Poles) -> float:
        """The holder's lean over their statements, clipped to [-1, 1]."""
        doc = self.doc
        text = " ".join(doc.sentence_text(doc.sentences[s]) for s in self.holders[ident].sentences)
        value = lean(text, poles)
        return max(-1.0, min(1.0, value / 2))

    def camp(self, ident: int) -> int:
        """+1 for the establishment, -1 for its challengers, 0 when the role says neither.

        A title goes with the organisation that owns it: `the union's general secretary` is the union's.
        """
        up = down = False
        for role in self.doc.cast.people[ident].roles:
            # A title goes with its organisation: `the union's general secretary`, `secretary of the union`.
            owner = _OWNER.search(role)
            text = owner.group(1) or owner.group(2) if owner else role
            org_up, org_down = bool(ESTABLISHMENT.search(text)), bool(CHALLENGER.search(text))
            if org_up == org_down:
                org_up, org_down = bool(ESTABLISHMENT.search(role)), bool(CHALLENGER.search(role))
            up, down = up or org_up, down or org_down
        return 0 if up == down else 1 if up else -1

    def _coming_in(self, ident: int) -> tuple[str, str]:
        """The sentence before the holder comes in (same paragraph) and the one they come in with, unquoted."""
        doc = self.doc
        here = doc.sentences[self.intro[ident]]
        before = doc.sentences[here.index - 1] if here.index else None
        lead = doc.unquoted(before.start, before.end).strip() if before and before.paragraph == here.paragraph else ""
        return lead, doc.unquoted(here.start, here.end).strip()

    def _studies(self, ident: int) -> bool:
        """`X, a former inspector who now lectures on policy at the University of Y, said`."""
        doc = self.doc
        first = next((m for m in doc.cast.mentions if m.person == ident and not m.quoted), None)
        if first is None:
            return False
        end = doc.sentence_at(first.start).end
        match = STUDIES.search(doc.text, first.end, min(end, first.end + 200))
        return match is not None and match.start() - first.end <= APPOSITIVE_CHARS

    def _conditional(self, ident: int) -> bool:
        """Whether the holder's own reported words support the measure only with a condition or a limit.

        One who also calls for a measure of their own (`called for the EU to hold off on any relief ... still
        supported talks, but only if`) is stating a camp's terms, not standing between the camps.
        """
        doc = self.doc
        said = [doc.unquoted(doc.sentences[k].start, doc.sentences[k].end) for k in self.holders[ident].sentences]
        return any(CONDITIONAL.search(text) for text in said) and not any(URGES.search(text) for text in said)

    def neutral(self, ident: int) -> bool:
        """Whether the holder says outright that they take no side (`not a question for this court`)."""
        doc = self.doc
        said = " ".join(doc.sentence_text(doc.sentences[k]) for k in self.holders[ident].sentences)
        if NEUTRAL.search(said) or NEUTRAL.search(" ".join(self.holders[ident].quotes)):
            return True
        for mention in doc.cast.mentions:  # `Mayor X declined to take sides`
            if mention.person == ident and not mention.quoted:
                end = min(doc.sentence_at(mention.start).end, mention.end + NEUTRAL_CHARS)
                if NEUTRAL.search(doc.text, mention.end, end):
                    return True
        return False

    def fixed_side(self, ident: int, regime_story: bool) -> str | None:
        """`observer`, `compromise` or `regime` when the role or the words say so."""
        doc = self.doc
        roles = " ".join(doc.cast.people[ident].roles).lower()
        words = set(re.findall(r"[a-z]+", roles))
        if "academic" in words and not _ACADEMIC_NOUN.search(roles):
            words.discard("academic")  # `who chairs the student chamber of the academic senate`: an adjective
        # an office before `at` (not `the Universidad Mayor`'s name)
        offices = {w for part in roles.split(";")
                   for w in re.findall(r"[a-z]+", re.split(r"\bat\b", part, maxsplit=1)[0])}
        if (words & OBSERVER_ROLES or "political scientist" in roles or _ACADEMIC_AT.search(roles)) \
                and not offices & _OFFICES:
            return OBSERVER  # a professor who is also the rector runs the institution the debate is about
        lead, here = self._coming_in(ident)
        # `Economists are less sure ...` before them speaks of outside judges, not of a camp they are brought in on
        judged = lead if not OBSERVER_CUE.search(lead) else ""
        taken = bool(FOR_CUE.search(judged + " " + here) or AGAINST_CUE.search(judged + " " + here))
        brought_against = bool(AGAINST_CUE.search(judged + " " + here))
        for k in self.holders[ident].sentences:  # what they urge in their own words (`urged lawmakers to reject it`)
            text = doc.unquoted(doc.sentences[k].start, doc.sentences[k].end)
            taken = taken or bool(URGES.search(text) or FOR_ACT.search(text) or AGAINST_ACT.search(text))
        # `I would urge the union to accept it`, `I will vote against it`: a quoted position is taken too
        taken = taken or bool(URGES.search(" ".join(self.holders[ident].quotes))) or bool(self.position(ident))
        own = " ".join(doc.sentence_text(doc.sentences[k]) for k in sorted(self.quoted_in.get(ident, ())))
        if not taken and (STUDIES.search(roles) or self._studies(ident) or ROLE_SAID.search(own)
                          or OBSERVER_CUE.search(lead)):
            return OBSERVER  # a researcher who argues one side (`Support came from an ecologist`) is on it
        said = " ".join(doc.sentence_text(doc.sentences[k]) for k in self.holders[ident].sentences)
        if BOTH_SIDES.search(said) and not taken:
            if words & _OFFICES or ESTABLISHMENT.search(roles) or _TELLS_BOTH.search(said):
                return MIDDLE  # `both sides should agree to arbitration`: an office holder between the camps
            return OBSERVER  # weighs both camps; one who urges an outcome on both argues it
        quoted = " ".join(self.holders[ident].quotes)
        # A compromise in their own words marks a middle camp, unless the story brings them in against one
        # (`The leadership rejected the idea. X said an arbitrator will split the difference ...`).
        worded = not brought_against and bool(MIDDLE_CUE.search(said) or MIDDLE_CUE.search(quoted))
        worded = worded or self._own_amendment(ident) or self._conditional(ident)
        if worded or THIRD_BRIDGE.search(lead) or THIRD.search(here):
            return MIDDLE
        if regime_story and REGIME_VOICE.search(roles):
            return "regime"
        return None


# A cue under a negation says the opposite: `Not everyone on the edge of the park opposes the charge`,
# `Nobody opposed the motion`, `did not support the bill`. The negating subject opens the clause the cue is in
# (right after the last `.` or `;`, or the text's start, with no comma between).
_NEGATING_SUBJECT = re.compile(r"(?:not everyone|not all|nobody|no one|few)\b", re.IGNORECASE)
_NEGATED_VERB = re.compile(r"\b(?:not|never|n[’']t)\s+(?:\w+\s+)?$", re.IGNORECASE)
_CLAUSE_MARKS = re.compile(r"[,;.]")


def _under_negating_subject(text: str, marks: list[int], at: int) -> bool:
    """Whether the clause holding offset `at` opens with `Nobody`, `Not everyone`, `Few`."""
    before = bisect_left(marks, at) - 1
    mark = marks[before] if before >= 0 else -1
    if mark >= 0 and text[mark] == ",":
        return False
    opening = mark + 1
    if mark >= 0:  # after `.` or `;` comes a space, then the subject
        while opening < at and text[opening].isspace():
            opening += 1
        if opening == mark + 1:
            return False
    found = _NEGATING_SUBJECT.match(text, opening, at)
    return found is not None and (found.end() == at or not (text[found.end()].isalnum() or text[found.end()] == "_"))


def cue_balance(text: str, for_cue: re.Pattern[str] = FOR_CUE, against_cue: re.Pattern[str] = AGAINST_CUE) -> int:
    """For cues minus against cues in `text`, each negated one, or one acting on a counter-argument
    (`rejected the idea`), counted for the other side."""
    marks = [m.start() for m in _CLAUSE_MARKS.finditer(text)]
    balance = 0
    for pattern, sign in ((for_cue, 1), (against_cue, -1)):
        for match in pattern.finditer(text):
            negated = _under_negating_subject(text, marks, match.start()) or _NEGATED_VERB.search(
                text[max(0, match.start() - 24):match.start()])
            rebutted = REBUTTAL.search(match.group())
            balance += -sign if bool(negated) != bool(rebutted) else sign
    return balance


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
    regime_story = len(REGIME_STORY.findall(doc.text)) >= 2
    order = sorted(holders, key=lambda i: reader.intro[i])
    for ident in order:
        if reader.neutral(ident) and reader.fixed_side(ident, regime_story) != OBSERVER:
            del holders[ident]  # says outright they take no side: a party to nothing
            continue
        holders[ident].side = reader.fixed_side(ident, regime_story)
    order = [i for i in order if i in holders]
    for ident in order:  # `X sided with Seck`, who wants a compromise: X is in the middle camp too
        if holders[ident].side is None and any(
                weight > 0 and target in holders and holders[target].side == MIDDLE
                for _, weight, target in reader.relations(ident)):
            holders[ident].side = MIDDLE
    for ident in order:  # and so is the one Seck sides with (`sided with her, saying ... but not the open nets`)
        if holders[ident].side == MIDDLE:
            for _, link, target in reader.relations(ident):
                if link > 0 and target in holders and holders[target].side is None:
                    holders[target].side = MIDDLE
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
    for ident in reader.middle_allies:
        holders[ident].side = MIDDLE
    debaters = [i for i in debaters if i not in reader.middle_allies]
    signs = best_split(debaters, weight)
    first_lean = sum(leans[i] * signs[i] for i in debaters)
    flip = -1 if first_lean < 0 else 1  # the camp leaning to support (or pole A) takes the first label
    labels = list(poles.labels)
    linked = {i for pair, w in reader.edges.items() if w for i in pair}
    for ident in debaters:
        if ident not in linked and not reader.cue.get(ident) and not camps[ident] and abs(lexical[ident]) < SURE_LEAN:
            continue  # nothing but sentence order places them: no side rather than a guess
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

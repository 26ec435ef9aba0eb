"""Who said each quotation: the attribution rules of news writing, in order.

For every quotation the clause after it and the clause before it (inside its
sentence, other quotations left out) are read for an attribution:

1. right after: `..." Kavaleuski said`, `..." said Latushka, a former ...`,
   `..." she said`, `..." the analyst said`, `..." according to X`;
2. right before: `X said: "..."`, `X: "..."`, `Said X: "..."`, `X told Y, "..."`;
3. later in the sentence: `A cashier who "..." is held accountable, X said.`;
4. embedded in the subject's own sentence: `X called for Y to be "..."`;
5. a quotation that is its own sentence continues the last speaker of its
   paragraph, or takes the speaker named in the next sentence when it opens
   the paragraph, or follows a colon or the previous paragraph's speaker.

Pronouns go to the most salient earlier person of matching gender (the
subject of the nearest sentence that names someone), role phrases (`the
historian`) to the latest person whose role has that word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefings.framing.camps import _stem
from briefings.framing.cues import ATTRIBUTION_ADVERBS, PRONOUNS, SPEECH_VERBS, STANCE_VERBS
from briefings.framing.document import Document
from briefings.framing.gazetteer import FUNCTION_WORDS, ROLE_NOUNS, word_set
from briefings.framing.people import Person, Token, tokens
from briefings.framing.quotes import QuoteSpan
from briefings.framing.speakers import choose

LOOKBACK_SENTENCES = 8
SPEAKER_LOOKBACK = 5
SUBJECT_CHAIN = 3  # `X ... . He keeps ... . "...," he said.`: how many opening pronouns a subject reaches through
ROLE_LOOKBACK = 60
FIELD_PREFIX = 7  # `the economist` is the one `who lectures in economics`: a trade and its field share a stem
# `the researcher`, `the academic`: anyone whose role is scholarship, as stories refer back to them.
_SCHOLARS = frozenset({"researcher", "academic", "scholar"})
_SCHOLARLY = re.compile(r"\b(?:who (?:studies|researches)|lecturer|professor|research fellow|researcher)\b",
                        re.IGNORECASE)
HEAD_MODIFIERS = 5  # `Clinton's top foreign policy aide Jake Sullivan`: modifiers between a name and the head
# Verbs that come before their subject: `..." said Latushka`, `Said Ellis: "..."`.
INVERSION_VERBS = word_set("""
said says added adds asked asks continued continues wrote writes explained explains recalled recalls
warned warns noted notes argued argues insisted insists replied replies observed tweeted
""")
_DETERMINERS = {"the", "a", "an", "one", "another", "this", "that", "our", "their", "his", "her"}
_NOBODY = -1  # an attribution to someone who is no named person (`the ministry said`)
_CLAUSE_BREAK = re.compile(r"[,;:—–―]\s|\s(?:and|but|while|as|because|after|before|when)\s")


# An opening adverbial phrase before the subject: `Back on Lake Street, `, `In Gafsa last week, `.
_FRONTED = re.compile(r"[A-Z][\w'’-]*(?:\s+[\w'’.-]+){0,6},\s+")
# A paragraph that is only a quotation, and the next one opening on it: `That was X`, `Those were the words of X`.
_POINTS_BACK = re.compile(r"(?:That|Those|These|Such)\s+(?:was|were|words|remarks|comments|are|is)\b|"
                          r"The\s+(?:words|remarks|comments|warning|warnings|plea|appeal|argument|complaint)\s+"
                          r"(?:came from|come from|were those of|was that of)\b")  # `The warning came from X`
# ... or naming its speaker with a verb that points back at it: `X has repeated those two sentences at every
# meeting`, `The Rev. X says it at every hearing`, `X put it that way`.
_SAID_IT = re.compile(r"\b(?:said|says|say|repeated|repeats|put|puts|made|makes)\s+(?:it|that|this|those|these)\b|"
                      r"\b(?:those|these)\s+(?:\w+\s+)?(?:words|sentences|remarks|lines)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Attribution:
    """One quotation and the person it is attributed to (None when nobody named)."""

    quote: QuoteSpan
    speaker: Person | None
    rule: str


class Attributor:
    """Attributes the quotations of one document, in order."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.speakers: dict[int, int] = {}  # quote index -> person ident (or _NOBODY)
        self._subjects: dict[int, list[int]] = {}
        self._done = 0  # quotations before this index are attributed
        self._quotes_by_sentence: dict[int, list[int]] = {}
        for n, quote in enumerate(doc.quotes):
            self._quotes_by_sentence.setdefault(doc.sentence_at(quote.open_at).index, []).append(n)

    def rule_picks(self) -> list[tuple[int | None, str]]:
        """What the rules alone give each quotation: (person ident, None or _NOBODY; the rule)."""
        picks: list[tuple[int | None, str]] = []
        for n, quote in enumerate(self.doc.quotes):
            ident, rule = self._attribute(n, quote)
            if ident is not None:
                self.speakers[n] = ident
            self._done = n + 1
            picks.append((ident, rule))
        return picks

    def run(self) -> list[Attribution]:
        """Attribute every quotation: the rules read the constructions, the fitted model picks the speaker."""
        picks = self.rule_picks()
        chosen = choose(self.doc, picks)
        out: list[Attribution] = []
        self._subjects.clear()  # speech subjects were cached from the rules' picks
        for n, (quote, ident, (rule_ident, rule)) in enumerate(zip(self.doc.quotes, chosen, picks, strict=True)):
            if ident is None:
                self.speakers.pop(n, None)
            else:
                self.speakers[n] = ident
            person = self.doc.cast.people[ident] if ident is not None else None
            out.append(Attribution(quote, person, rule if ident == rule_ident else "model"))
        return out

    # -- the clauses around a quotation

    def _after_limit(self, n: int, quote: QuoteSpan) -> int:
        end = self.doc.sentence_at(max(quote.close_at - 1, 0)).end
        if n + 1 < len(self.doc.quotes):
            end = min(end, self.doc.quotes[n + 1].open_at)
        return max(end, quote.close_at)

    def _before_start(self, n: int, quote: QuoteSpan) -> int:
        start = self.doc.sentence_at(quote.open_at).start
        if n and self.doc.quotes[n - 1].close_at > start:
            start = self.doc.quotes[n - 1].close_at
        return min(start, quote.open_at)

    def _attribute(self, n: int, quote: QuoteSpan) -> tuple[int | None, str]:
        doc = self.doc
        after_end = self._after_limit(n, quote)
        after = tokens(doc.text, quote.close_at, after_end)
        before_start = self._before_start(n, quote)
        before = tokens(doc.text, before_start, quote.open_at)
        if after and not doc.text[quote.close_at:after[0].start].strip(" ,.!?—–―-…:;"):
            found = self._speaker_after(after, quote.close_at)
            if found is not None:
                return found, "after"
        found = self._speaker_before(before, before_start, quote.open_at)
        if found is not None:
            return found, "before"
        found = self._speaker_later(after)
        if found is not None:
            return found, "later"
        found = self._clause_subject(before_start, quote.open_at)
        if found is not None:
            return found, "embedded"
        return self._continuation(n, quote)

    # -- noun phrases

    def _noun_phrase(self, words: Sequence[Token], i: int) -> tuple[int | None, int] | None:
        """The person a noun phrase starting at words[i] names, and the index after it.

        Returns (_NOBODY, j) for a phrase that names no person (`the ministry`),
        and None when words[i] starts no noun phrase.
        """
        for k in range(i, min(i + 6, len(words))):  # `German Chancellor Angela Merkel`, `9/11 widow X`
            if self.doc.mention_at(words[k].start) is not None:
                i = k
                break
            gap = self.doc.text[words[k].end:words[k + 1].start] if k + 1 < len(words) else ""
            if words[k].possessive:
                gap = gap.replace("'s", "", 1).replace("’s", "", 1)  # `Florida's Rick Wilson`
            modifier = words[k].capitalised or words[k].low in ROLE_NOUNS or words[k].text[:1].isdigit() or (
                k == i and words[k].low in ("the", "a", "an"))  # `the Zionist Union Party's Nachman Shai`
            if words[k].low in SPEECH_VERBS or gap.strip(" .") or not modifier:
                break
        if i >= len(words):
            return None
        word = words[i]
        mention = self.doc.mention_at(word.start)
        if mention is not None:
            j = i
            while j < len(words) and words[j].end <= mention.end:
                j += 1
            head = self._phrase_head(words, j)
            if head is not None:
                return head
            return mention.person, j
        if word.low in PRONOUNS and word.low in ("he", "she"):
            return self.resolve_pronoun(word.start, PRONOUNS[word.low]), i + 1
        if word.low in _DETERMINERS:
            for j in range(i + 1, min(i + 7, len(words))):
                low = words[j].low
                if low in ROLE_NOUNS or low.rstrip("s") in ROLE_NOUNS:
                    k = j + 1
                    while k < len(words) and words[k].low in ROLE_NOUNS:
                        k += 1
                    named = self.doc.mention_at(words[k].start) if k < len(words) else None
                    if named is not None and self.doc.text[words[k - 1].end:words[k].start] == ", ":
                        return named.person, k + 1  # `said the finance minister, Gerda Holmqvist`
                    person = self.resolve_role(words[k - 1].low, word.start)
                    if person is None:
                        return _NOBODY, k
                    roles = self.doc.cast.people[person].roles
                    if not any(words[k - 1].low in role.lower() for role in roles):
                        roles.append(self.doc.text[word.start:words[k - 1].end])  # `the economist` names a role
                    return person, k
                if low in SPEECH_VERBS:
                    return _NOBODY, j
            return None
        if word.capitalised:  # an organisation or place: `the ministry`, `Politico`
            j = i + 1
            while j < len(words) and words[j].capitalised and self.doc.text[words[j - 1].end:words[j].start] == " ":
                j += 1
            return _NOBODY, j
        return None

    def _phrase_head(self, words: Sequence[Token], j: int) -> tuple[int, int] | None:
        """The name that heads a phrase which opens with a modifier name: `Clinton's top aide Jake Sullivan`.

        A name followed, word after word with single spaces, by modifiers
        (`campaign manager`, `ally`, `pollster`) and then another name is only
        a modifier of that name (`said Huckabee campaign spokesman Hogan
        Gidley`): the phrase's head, the speaker, is the last name. A function
        word, a verb or any punctuation ends the phrase.
        """
        k = j
        while k < len(words) and k < j + HEAD_MODIFIERS:
            if self.doc.text[words[k - 1].end:words[k].start] != " ":
                return None
            low = words[k].low
            named = self.doc.mention_at(words[k].start)
            if named is not None:
                end = k
                while end < len(words) and words[end].end <= named.end:
                    end += 1
                return named.person, end
            if low in FUNCTION_WORDS or low in STANCE_VERBS or low in PRONOUNS or words[k].possessive:
                return None
            k += 1
        return None

    def _skip_appositive(self, words: Sequence[Token], j: int) -> int:
        """Step over `, a former minister,` after a name, to reach the verb."""
        if j >= len(words) or j == 0:
            return j
        if "," not in self.doc.text[words[j - 1].end:words[j].start]:
            return j
        for k in range(j, min(j + 25, len(words))):
            if "," in self.doc.text[words[k].end:words[k + 1].start if k + 1 < len(words) else words[k].end]:
                return k + 1
        return j

    def _verb_at(self, words: Sequence[Token], j: int) -> bool:
        while j < len(words) and words[j].low in ATTRIBUTION_ADVERBS and words[j].low not in SPEECH_VERBS:
            j += 1
        return j < len(words) and words[j].low in SPEECH_VERBS

    # -- the rules

    def _speaker_after(self, words: Sequence[Token], offset: int) -> int | None:
        if len(words) > 2 and words[0].low == "according" and words[1].low == "to":
            found = self._noun_phrase(words, 2)
            return found[0] if found else None
        i = 0
        while i < len(words) and words[i].low in ATTRIBUTION_ADVERBS and words[i].low not in SPEECH_VERBS:
            i += 1
        if i < len(words) and words[i].low in INVERSION_VERBS:
            found = self._noun_phrase(words, i + 1)
            return found[0] if found else None
        found = self._noun_phrase(words, i)
        if found is None:
            return None
        ident, j = found
        j = self._skip_parenthesis(words, j)
        if self._verb_at(words, j) or self._verb_at(words, self._skip_appositive(words, j)):
            return ident
        gap = self.doc.text[offset:words[0].start]
        if any(d in gap for d in "―—–-") and (j >= len(words) or self._skip_appositive(words, j) >= len(words)):
            return ident  # a signature: `"..." ― Pamela Padilla`
        return None

    def _skip_parenthesis(self, words: Sequence[Token], j: int) -> int:
        """Step over `(D-Wis.)` after a name."""
        if 0 < j < len(words) and "(" in self.doc.text[words[j - 1].end:words[j].start]:
            close = self.doc.text.find(")", words[j].start, words[j].start + 60)
            if close >= 0:
                while j < len(words) and words[j].start < close:
                    j += 1
        return j

    def _person(self, words: Sequence[Token], i: int) -> int | None:
        """The person (not _NOBODY) a noun phrase at words[i] names, if any."""
        found = self._noun_phrase(words, i) if i < len(words) else None
        return found[0] if found and found[0] is not None and found[0] != _NOBODY else None

    def _speaker_before(self, words: Sequence[Token], start: int, end: int) -> int | None:
        if not words:
            return None
        tail = self.doc.text[words[-1].end:end].strip()
        recent = range(max(0, len(words) - 8), len(words))
        verb = max((k for k in recent if words[k].low in SPEECH_VERBS), default=-1)
        if verb >= 0:
            subject = self._clause_subject(start, words[verb].start)  # `After the speech, X told the paper: "..."`
            if subject is None and words[verb].low in INVERSION_VERBS:
                return self._person(words, verb + 1)  # `Said Ellis: "..."`
            return subject
        if tail.endswith(":"):
            return self._subject(start, end)  # `X: "..."`, `Caddell continued:`
        return None

    def _speaker_later(self, words: Sequence[Token]) -> int | None:
        for i, word in enumerate(words):
            if self.doc.mention_at(word.start) is not None or word.low in ("he", "she"):
                found = self._noun_phrase(words, i)
                if found and found[0] is not None and found[0] != _NOBODY:
                    j = found[1]
                    if self._verb_at(words, j) or self._verb_at(words, self._skip_appositive(words, j)):
                        return found[0]
            if word.low in INVERSION_VERBS:
                found = self._noun_phrase(words, i + 1) if i + 1 < len(words) else None
                if found and found[0] is not None and found[0] != _NOBODY and found[1] >= len(words) - 1:
                    return found[0]
        return None

    def _subject(self, start: int, end: int) -> int | None:
        """The first person named (or a pronoun resolved) in text[start:end], outside quotations."""
        for word in tokens(self.doc.unquoted(start, end), 0, end - start):
            offset = start + word.start
            mention = self.doc.mention_at(offset)
            if mention is not None and not mention.quoted:
                return mention.person
            if word.low in ("he", "she"):
                return self.resolve_pronoun(offset, PRONOUNS[word.low])
        return None

    def _clause_subject(self, start: int, end: int) -> int | None:
        """The subject of the nearest clause before `end` that names someone.

        Clauses are cut at commas, semicolons, colons and dashes, and read from
        the last one back: `as Trump went on about "..."` gives Trump, and
        `he lashed out at X, saying ... "impaled"` gives the `he`.
        """
        text = self.doc.unquoted(start, end)
        cuts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(text)]
        stop = end
        for cut in reversed(cuts):
            found = self._subject(start + cut, stop)
            if found is not None:
                return found
            stop = start + cut
        return None

    def _continuation(self, n: int, quote: QuoteSpan) -> tuple[int | None, str]:
        doc = self.doc
        sentence = doc.sentence_at(quote.open_at)
        paragraph_of = {k: doc.sentence_at(doc.quotes[k].open_at).paragraph for k in range(max(0, n - 8), n)}
        if n and paragraph_of[n - 1] == sentence.paragraph and (n - 1) in self.speakers:
            return self.speakers[n - 1], "continued"
        following = doc.sentences[sentence.index + 1] if sentence.index + 1 < len(doc.sentences) else None
        opens = doc.text[doc.paragraphs[sentence.paragraph].start:quote.open_at].strip() == ""
        if opens and following is not None and following.paragraph == sentence.paragraph:
            found = self._subject(following.start, following.end)
            if found is not None:
                return found, "next sentence"
        alone = not doc.text[quote.close_at:doc.paragraphs[sentence.paragraph].end].strip(" .,!?")
        if opens and alone and following is not None and following.paragraph == sentence.paragraph + 1 and \
                (_POINTS_BACK.match(doc.text, following.start)
                 or _SAID_IT.search(doc.unquoted(following.start, following.end))):
            found = self._subject(following.start, following.end)  # `"...." ¶ That was X, an opposition deputy`
            if found is not None:
                return found, "next sentence"
        previous = doc.sentences[sentence.index - 1] if sentence.index else None
        if previous is not None:
            same = previous.paragraph == sentence.paragraph
            if doc.text[previous.start:previous.end].rstrip().endswith(":"):
                return self._subject(previous.start, previous.end), "colon"
            if not same and opens and alone:
                earlier = [k for k, para in paragraph_of.items() if para == previous.paragraph]
                if earlier and earlier[-1] in self.speakers:
                    return self.speakers[earlier[-1]], "previous paragraph"
                if doc.mentions_in(previous.start, previous.end):
                    return self._subject(previous.start, previous.end), "previous paragraph"
        return None, "none"

    # -- coreference

    def speech_subjects(self, index: int) -> list[int]:
        """People who speak in sentence `index`: its quotations' speakers, then named subjects of speech verbs."""
        cached = self._subjects.get(index)
        if cached is not None:
            return cached
        doc = self.doc
        sentence = doc.sentences[index]
        in_sentence = self._quotes_by_sentence.get(index, [])
        found = [self.speakers[q] for q in in_sentence if self.speakers.get(q, -1) >= 0]
        text = doc.unquoted(sentence.start, sentence.end)
        words = tokens(text, 0, len(text))
        for i, word in enumerate(words):
            mention = doc.mention_at(sentence.start + word.start)
            if mention is None or mention.quoted:
                continue
            j = i + 1
            while j < len(words) and sentence.start + words[j].start < mention.end:
                j += 1
            k = self._skip_appositive_in(text, words, j)
            if any(w.low in STANCE_VERBS for w in words[j:j + 4] + words[k:k + 3]) and mention.person not in found:
                found.append(mention.person)
        if all(q < self._done for q in in_sentence):
            self._subjects[index] = found  # final once its quotations are attributed
        return found

    @staticmethod
    def _skip_appositive_in(text: str, words: Sequence[Token], j: int) -> int:
        """The word after an appositive set off by commas, or an aside set off by dashes (`X - no relation - said`)."""
        if j == 0 or j >= len(words):
            return j
        gap = text[words[j - 1].end:words[j].start]
        mark = "," if "," in gap else next((d for d in (" - ", "—", "–") if d in gap), None)
        if mark is None:
            return j
        for k in range(j, min(j + 25, len(words) - 1)):
            if mark in text[words[k].end:words[k + 1].start]:
                return k + 1
        return j

    def _compatible(self, ident: int, gender: str) -> bool:
        return self.doc.cast.people[ident].gender in (None, gender)

    def _fits(self, ident: int, gender: str, exclude: int | None) -> bool:
        return ident != exclude and self._compatible(ident, gender)

    def resolve_pronoun(self, offset: int, gender: str, exclude: int | None = None) -> int | None:
        """The person `he`/`she` at `offset` most likely refers to.

        First a person named earlier in the same sentence; then the nearest
        earlier speaker (quoted, or subject of a speech verb) of that gender;
        then the first person named in the nearest earlier sentence. An object
        pronoun is never the clause's own subject (`X sided with him` is not X):
        `exclude` is then that subject.
        """
        doc = self.doc
        here = doc.sentence_at(offset)
        for mention in doc.mentions_in(here.start, offset):
            if self._fits(mention.person, gender, exclude):
                return mention.person
        subject = self._opening_subject(here.index - 1, gender, SUBJECT_CHAIN, exclude)
        if subject is not None:
            return subject
        if here.index and doc.sentences[here.index - 1].paragraph == here.paragraph:
            # `Those words came from X, who heads the federation. She sided with ...`: the one person there
            previous = doc.sentences[here.index - 1]
            named = {m.person for m in doc.mentions_in(previous.start, previous.end)
                     if not m.quoted and self._fits(m.person, gender, exclude)}
            if len(named) == 1:
                return named.pop()
        first = max(0, here.index - LOOKBACK_SENTENCES)
        for index in range(here.index - 1, max(first, here.index - SPEAKER_LOOKBACK) - 1, -1):
            for ident in self.speech_subjects(index):
                if self._fits(ident, gender, exclude):
                    return ident
        for index in range(here.index - 1, first - 1, -1):
            sentence = doc.sentences[index]
            for mention in doc.mentions_in(sentence.start, sentence.end):
                if self._fits(mention.person, gender, exclude):
                    return mention.person
        return None

    def _opening_subject(self, index: int, gender: str, depth: int, exclude: int | None = None) -> int | None:
        """The person whose name (or `he`/`she`) opens sentence `index`, when they fit `gender`.

        The subject of the sentence just before is the likeliest antecedent
        of a pronoun (`Darren Cardinal ... has been pushing for a deal.` /
        `"Take the valley off the table," he said.`), ahead of a speaker
        further back; a pronoun that opens it passes the question on.
        """
        if index < 0 or depth <= 0:
            return None
        sentence = self.doc.sentences[index]
        opening = re.match(r"[\s\"“”‘’'(]*(\S+)", self.doc.text[sentence.start:sentence.end])
        if opening is None:
            return None
        at = sentence.start + opening.start(1)
        mention = self.doc.mention_at(at)
        if mention is not None and not mention.quoted:
            return mention.person if self._fits(mention.person, gender, exclude) else None
        word = opening.group(1).lower()
        if PRONOUNS.get(word) == gender and word in ("he", "she"):
            return self._opening_subject(index - 1, gender, depth - 1, exclude)
        words = tokens(self.doc.text, sentence.start, sentence.end)
        if words and words[0].capitalised and word not in _DETERMINERS:  # `Transport economist Isabelle Van Hecke`
            found = self._noun_phrase(words, 0)
            if found is not None and found[0] not in (None, _NOBODY) and self._fits(found[0], gender, exclude):
                return found[0]
        fronted = _FRONTED.match(self.doc.text, sentence.start, sentence.end)
        if fronted:  # `Back on Lake Street, Ellison has finished the coffee.`: the subject after the opening phrase
            mention = self.doc.mention_at(fronted.end())
            if mention is not None and not mention.quoted and self._fits(mention.person, gender, exclude):
                return mention.person
        return None

    def resolve_role(self, head: str, offset: int, *, strict: bool = False) -> int | None:
        """The person a role phrase (`the economist`) at `offset` refers to.

        In order: someone of that role named earlier in the paragraph; the
        speaker of the sentence just before, in the same paragraph (not when
        `strict`: the object of `sided with the mayor` is a mayor, whoever spoke
        last); the latest person of that role named earlier; the only person of
        that role at all.
        """
        doc = self.doc
        wanted = head.rstrip("s")
        here = doc.sentence_at(offset)
        paragraph_start = doc.paragraphs[here.paragraph].start

        stem = _stem(wanted)

        def fits(ident: int) -> bool:  # `the researcher` is the one `who researches library policy`
            roles = doc.cast.people[ident].roles
            if wanted in _SCHOLARS and any(_SCHOLARLY.search(role) for role in roles):
                return True  # `the researcher` is the one `who studies fisheries governance at X University`
            return any(wanted in role.lower() for role in roles) or any(
                _stem(w) == stem or (len(stem) >= FIELD_PREFIX and w.startswith(stem[:FIELD_PREFIX]))
                for role in roles for w in re.findall(r"[a-z]+", role.lower()))  # `the economist`: `in economics`

        same = [m.person for m in doc.mentions_in(paragraph_start, offset) if fits(m.person)]
        if same:
            return same[-1]
        if not strict and here.index and doc.sentences[here.index - 1].paragraph == here.paragraph:
            speakers = self.speech_subjects(here.index - 1)
            if speakers:
                return speakers[0]
        window = doc.sentences[max(0, here.index - ROLE_LOOKBACK)].start
        before = [m.person for m in doc.mentions_in(window, offset) if fits(m.person)]
        if before:
            return before[-1]
        anywhere = {p.ident for p in doc.cast.people if fits(p.ident)}
        return anywhere.pop() if len(anywhere) == 1 else None

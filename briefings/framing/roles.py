"""Who a person is, as the story says it: titles, role words and appositives.

News gives a role in three places around a name, and all of them are read:

- before it, as a title or a role phrase: `historian Alexander Friedman`,
  `U.S. Special Envoy Keith Kellogg`, `Lukashenko's late Foreign Minister X`;
- after it, as an appositive: `X, a former ambassador and culture minister,`
  or `X, who heads the think-tank,`;
- before it, as an inverted appositive: `the sister of Y, X, ...` (also before
  a courtesy title: `the chair of the senate, Dr. X`);
- after it, as a predicate: `X is a maintenance technician for ...`.

An appositive may come in two (`the trust's chair, a teacher who ...`), after an
age (`X, 58, who owns two boats`) or after an aside between dashes. A short
`who` clause that says what the person does stays in the role (`a retired
schoolteacher who rents out one flat`); one of stance or speech, a passive or
a negation does not (`who has held the same line`, `who was jailed`).
`Its lawyer, X` after a sentence naming an organisation is `lawyer of <it>`.
Every phrase found at any mention is kept (stories add to a role as they go),
and `describe` joins the first few.
"""

from __future__ import annotations

import re

from briefings.framing.cues import SPEECH_VERBS, STANCE_VERBS
from briefings.framing.gazetteer import FUNCTION_WORDS, ORG_WORDS, ROLE_NOUNS, TITLES, word_set
from briefings.framing.people import QUANTITY, Run, Token, name_end, plural_role, tokens
from briefings.framing.text import is_abbreviation

MAX_ROLE_WORDS = 25
MAX_ROLES = 3
_STOP = FUNCTION_WORDS - ROLE_NOUNS - {"and", "former", "late"}
_STARTERS = re.compile(
    r"(?:a|an|the|former|ex-\w+|then-\w+|one of|who|whose|now|also|chief|senior|longtime|veteran|"
    r"himself|herself|newly)\b", re.IGNORECASE,
)
# `Obiageli Eze - no relation to the traders' leader - who directs the fire service`: an aside between dashes.
_ASIDE = re.compile(r"\s[-–—]\s[^-–—\n]{1,80}\s[-–—],?\s+")
_CHAINED = re.compile(r"\s*(?:a|an|the|who)\s", re.IGNORECASE)
_COPULA = re.compile(r",?\s+(?:is|was)\s+(?=(?:a|an)\s|(?:[a-z-]+\s){1,2}(?:of|at|for)\s)")  # `is mayor of X`
_AGENT = re.compile(r"\w{3}(?:er|or|ist|ian|ant|ent|man|woman|person)$")
_CONJUNCTION = re.compile(r"\s(?:and|but)\s")
_ACCORDING_TO = re.compile(r"\b[Aa]ccording to\s+$")
_AGE = re.compile(r"\d{1,3},\s+")
_NO_RELATION = re.compile(r"no relation\b", re.IGNORECASE)
_APPOSITIVE_END = re.compile(r"[,;:()—–]|\.(?:\s|$)")
# `cabinet members A, B, and C`: a plural role before a list of names applies to each.
_LIST_GAP = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
_INVERTED_START = re.compile(
    r"(?:^|[,;:\"”]\s*|\s)((?:the|a|an|his|her|their|its|(?-i:(?:[A-Z][\w.-]*\s){0,2}[A-Z][\w.-]*['’]s))\s"
    r"[^,;:\"”]{3,120})$",
    re.IGNORECASE,
)  # `the sister of Y, X`, `South Korea's ambassador in Mexico, X`


def _words(phrase: str) -> list[str]:
    return re.findall(r"[\w'’\-/]+", phrase.lower())


def _has_auxiliary(phrase: str, skip: int = 0) -> bool:
    """A verb like `is`, `has`, `can` among the phrase's words (after the first `skip`): a clause, not a role.
    Only in lower case: `Can Tho University` and `Will Rogers High School` name things."""
    return any(w in _AUXILIARIES for w in re.findall(r"[\w'’\-/]+", phrase)[skip:])


def _has_role_noun(phrase: str) -> bool:
    """A role noun among the words, or as part of a compound (`president-general`, `co-founder`)."""
    return any(w in ROLE_NOUNS or w.rstrip("s") in ROLE_NOUNS or any(p in ROLE_NOUNS for p in w.split("-"))
               for w in _words(phrase))


def role_before(text: str, start: int, anchor: int, *, need_head: bool = True) -> str | None:
    """The role phrase ending right before offset `anchor`, e.g. `RFE/RL political analyst`.

    Without `need_head` (a title follows, as in `Lukashenko's late Foreign
    Minister X`) the phrase need not end in a role noun.
    """
    words = tokens(text, start, anchor)
    picked: list[Token] = []
    nxt = anchor
    for n in range(len(words) - 1, -1, -1):
        word = words[n]
        if word.low in ("for", "of") and picked and n and text[word.end:nxt] == " " and (
                _has_role_noun(words[n - 1].low) or words[n - 1].low in TITLES):
            picked.append(word)  # `Vice-president for finance X`: the office goes on after `for`
            nxt = word.start
            continue
        if text[word.end:nxt].strip() or (word.low in _STOP and not word.capitalised):
            break
        if word.capitalised and word.low in FUNCTION_WORDS:
            break
        picked.append(word)
        nxt = word.start
        if len(picked) >= 10:
            break
    picked.reverse()
    while picked and picked[0].low in FUNCTION_WORDS:
        picked.pop(0)
    if not picked:
        return None
    head = picked[-1].low
    if need_head and head not in ROLE_NOUNS and head not in TITLES and head.rstrip("s") not in ROLE_NOUNS:
        return None
    if not need_head and not any(w.possessive or w.low in ROLE_NOUNS for w in picked):
        return None
    return text[picked[0].start:picked[-1].end]


def role_after(text: str, run: Run, end: int) -> str | None:
    """An appositive right after a name: `, a historian at X,` or `, who heads X,`."""
    if run.name[-1].possessive:
        return None
    begin = name_end(text, run)
    match = re.compile(r",\s+").match(text, begin, end) or _ASIDE.match(text, begin, end)  # `X Jr., pastor`
    if not match:
        return None
    rest_start = match.end()
    age = _AGE.match(text, rest_start, end)
    if age:
        rest_start = age.end()  # `Abdelkader Ouahbi, 58, who owns two boats`
    stop = _phrase_end(text, rest_start, end)
    if stop and stop.group() == "," and _NO_RELATION.match(text, rest_start):
        rest_start = stop.end()  # `Pushpa Gowda, no relation, who convenes the commuters' forum`: past the aside
        stop = _phrase_end(text, rest_start, end)
    phrase = text[rest_start:stop.start() if stop else end]
    begin_run = run.title[0].start if run.title else run.start
    first_word = (_words(phrase) or [""])[0]
    if _ACCORDING_TO.search(text, max(0, begin_run - 14), begin_run) and plural_role(first_word):
        return None  # `According to X, students in well-run programs reach ...`: what X says, not who X is
    first = _appositive(phrase)
    if first is None:
        return None
    if stop and stop.group() == ",":  # `the trust's chair, a primary school teacher who ...`: a second one
        after = _phrase_end(text, stop.end(), end)
        second_text = text[stop.end():after.start() if after else end]
        second = _appositive(second_text) if _CHAINED.match(second_text) else None
        if second:
            return f"{first}, {second}"
    return first


def _appositive(phrase: str) -> str | None:
    """The role an appositive states, or None when it is no role (`, said on Monday`)."""
    phrase = phrase.strip()
    clause = phrase.lower().startswith(("who ", "whose ", "which "))
    if not clause:
        phrase = as_noun_phrase(phrase) or ""  # a long appositive is its noun phrase: `chairman of X in Y whose ...`
    words = _words(phrase)
    if QUANTITY.match(phrase):
        return None  # `, a few hundred protesters held up signs`: a clause about a crowd
    if not words or len(words) > MAX_ROLE_WORDS or words[0] in SPEECH_VERBS or words[0] in ("and", "or", "no"):
        return None  # `, no relation to the mayor,` says who they are not
    if _STARTERS.match(phrase):
        head = _RELATIVE.split(phrase, maxsplit=1)[0]
        if not clause and _has_auxiliary(head, skip=1):
            return None  # `For Lin Mei-hua, the answer has never changed`: a clause with its own verb
        return as_noun_phrase(phrase) if clause else phrase  # `who is a former minister`: its noun phrase
    if _has_role_noun(" ".join(words[:5])) and not _has_auxiliary(phrase):
        return phrase  # `pastor of New Hope Church`, but not `According to X, students were disciplined`
    return None


def role_predicate(text: str, run: Run, end: int) -> str | None:
    """`Kenji Tanaka is a maintenance technician for ...`: a role stated by a copula after the name."""
    match = _COPULA.match(text, run.end, end)
    if not match:
        return None
    phrase = as_noun_phrase(text[match.end():_clause_end(text, match.end(), end)])
    if not phrase:
        return None
    head = re.split(r"\s(?:of|for|at|in|with|from|on|to)\s", phrase, maxsplit=1)[0].split()[-1].lower()
    agent = _AGENT.search(head) is not None  # `a maintenance technician`, `a fish seller`
    return phrase if agent or _has_role_noun(" ".join(_words(phrase)[:5])) else None


# `Nguyen Thi Ha has sold silk scarves on Hang Gai street for 26 years`, `Mary Walsh, no relation to the farmer,
# runs a bike hire`: what the person does for a living, said as the predicate of the sentence that brings them
# in, in the present or the perfect (a trade, not an event: `ran a brilliant campaign`) and with a thing as its
# object (not `leads Sanders by six points`, `runs for office`).
_OCCUPATION = re.compile(r"(?:,\s+[^,.;:\"“”]{1,60},)?\s+(?:(has|have)\s+([a-z-]+)|([a-z-]+s))\s+"
                         r"(?=[a-z]|(?:(?<=runs )|(?<=owns )|(?<=heads )|(?<=chairs ))[A-Z])"  # `runs Brenner & Co`
                         r"(?!(?:for|to|by|with|into|in|on|at|from|against|over)\s)")
_AND_THEN = re.compile(r"\s(?:and|but)\s([a-z]+s)\b")  # a second predicate: `and thinks`, `and chairs`
_NO_TRADE = frozenset({"sits", "sat", "studies", "studied"})  # `sits on the board` is said of anyone


def role_occupation(text: str, run: Run, end: int) -> str | None:
    """A role said by a verb of trade after a full name: `X runs a bike hire`, `X has sewn collars for years`."""
    match = _OCCUPATION.match(text, name_end(text, run), end)  # `Ken Lockyer Jr. runs the Railway Hotel`
    verb = match and (match.group(2) or match.group(3))
    aged = _AGE.match(text, run.end + 2) is not None and text.startswith(", ", run.end)  # `Chan, 29, delivers`
    if (len(run.name) < 2 and not aged) or not match or verb not in _ROLE_VERBS or verb in _NO_TRADE:
        return None
    start = match.start(1) if match.group(1) else match.start(3)
    stop = _phrase_end(text, start, end)
    clause = text[start:stop.start() if stop else end].strip()  # `has sold scarves for 26 years and chairs ...`
    nested = _NESTED.search(clause)
    clause = clause[:nested.start()] if nested else clause  # `manages a cooperative that has put 40 units on ...`
    for then in _AND_THEN.finditer(clause):
        if then.group(1) not in _ROLE_VERBS:
            clause = clause[:then.start()]  # `chairs an association of app drivers and thinks the cap is too low`
            break
    return clause if len(clause.split()) <= DEFINING_WORDS else None


# `Rosa Mamani says she made up her mind. The potato and quinoa farmer, who leads the irrigation board, said ...`:
# a description opening the next sentence (`The retired architect`, `The 43-year-old former congressman`) is who
# the person just named is. Lower-case words only, ending in a role or agent noun, right before `,` or a verb.
_DESCRIPTION = re.compile(r"(?:The|An?)\s((?:[a-z0-9][\w'’-]*\s){0,6}[a-z][\w-]*"
                          r"(?:\sof\s(?:the\s)?(?:[A-Z][\w'’&.-]*\s?){1,6})?"  # `The president of the X Association,`
                          r"(?:\s(?:in|from)\s(?:[A-Z][\w'’&.-]*\s?){1,4})?)"  # `The 58-year-old farmer in Chợ Mới had`
                          r"(?=,\s|\s(?:who|said|says|told|added|argues|argued|sees|has|had|is|was|called|wants|warned)\b)")


_PERSON_SUFFIX = re.compile(r"\w{3}(?:ist|ian|man|woman|person)$")


def role_description(text: str, start: int, end: int) -> str | None:
    """The role a description opening the sentence at `start` gives: `The retired architect, who leads X,`."""
    match = _DESCRIPTION.match(text, start, end)
    if not match:
        return None
    phrase = match.group(1).strip()
    words = _words(re.split(r" (?:of|in|from) ", phrase, maxsplit=1)[0])
    head = words[-1]
    # `-er` alone makes no person (`The answer, he said,`): an agent noun needs a `who` after it to be one
    who = re.match(r",\s+who\s", text[match.end():end]) is not None
    person = head in ROLE_NOUNS or head.rstrip("s") in ROLE_NOUNS or _PERSON_SUFFIX.search(head) or (
        who and _AGENT.search(head))
    if head in FUNCTION_WORDS or _has_auxiliary(phrase.split(" of ", 1)[0]) or not person:
        return None
    if text.startswith(",", match.end()):  # `The farmer, who leads the board,`: what they do joins the role
        after = _phrase_end(text, match.end() + 1, end)
        clause = _appositive(text[match.end() + 1:after.start() if after else end])
        if clause:  # `who leads the board`, or its noun phrase (`who is clerk to X`: `clerk to X`)
            return f"{phrase} {clause}" if clause.lower().startswith("who ") else f"{phrase}, {clause}"
    return phrase


_OF_START = re.compile(r",?\s+of\s+(?=(?:the|a|an)\s)")
_OF_STOP = re.compile(r"\s(?:who|whose|which|that|said|says|told|has|had|is|was|and|but|on|after|before)\s")
OF_WORDS = 10


def _of_after(text: str, start: int, end: int) -> str | None:
    """`Judge Roman Stepien of the regional court in Lublin, who ...`, `Senator Vasile Toma, of the opposition
    party AUR,`: the body a title belongs to, said after the name, up to the clause that follows."""
    match = _OF_START.match(text, start, end)
    if not match:
        return None
    stop = _phrase_end(text, match.end(), end)
    phrase = text[match.end():stop.start() if stop else end]
    clause = _OF_STOP.search(phrase)
    phrase = phrase[:clause.start()] if clause else phrase
    return f"of {phrase.strip()}" if 1 < len(phrase.split()) <= OF_WORDS else None


def _phrase_end(text: str, start: int, end: int) -> re.Match[str] | None:
    """The punctuation that ends a phrase begun at `start`; not the full stop of `the U.S. envoy`, `St. Louis`."""
    stop = _APPOSITIVE_END.search(text, start, end)
    while stop and stop.group().startswith(".") and is_abbreviation(text, stop.start()):
        stop = _APPOSITIVE_END.search(text, stop.start() + 1, end)
    return stop


def _clause_end(text: str, start: int, end: int) -> int:
    stop = _phrase_end(text, start, end)
    conjunction = _CONJUNCTION.search(text, start, stop.start() if stop else end)
    return conjunction.start() if conjunction else stop.start() if stop else end


def role_inverted(text: str, start: int, run: Run) -> str | None:
    """`the sister of Y, X`: a role phrase that ends in a comma right before the name (or its `Dr.`)."""
    before = text[start:run.title[0].start if run.title else run.start].rstrip()
    if not before.endswith(","):
        return None
    at = 0
    while (match := _INVERTED_START.search(before[:-1], at)) is not None:
        if _has_role_noun(" ".join(_words(match.group(1))[:4])):
            return match.group(1).strip()  # `The plan came from the chair of the senate, X`: from `the chair`
        at = match.start(1) + 1
    return None  # `his views are shared by A, B`: a clause, not a role


# `the Competition Council, whose president, X, has been`: the office of the body named before `whose`, found
# from the name backwards in a window no match outgrows (a scan of the whole sentence per name is quadratic).
_WHOSE_TAIL = re.compile(r",\s+whose\s+([a-z][\w\s-]{1,40}?),\s+$")
_WHOSE_BODY = re.compile(r".*\b(?:the|an?)\s+([^,;:()\"“”]{2,80})$", re.DOTALL)  # the last `the`: the nearest body
WHOSE_WINDOW = 200
_WHOSE_OUTER = re.compile(r"\b(?:the|an?)\s+([^,;:()\"“”.]{2,60}?)\s+(in|at)\s+(?:the|an?)\s+$")


def role_whose(text: str, start: int, run: Run) -> str | None:
    """`the residents' association, whose president, X, said`: `president of the residents' association`."""
    begin = run.title[0].start if run.title else run.start  # `whose leader, Sen. Carlos Moreno`
    tail = _WHOSE_TAIL.search(text, max(start, begin - WHOSE_WINDOW), begin)
    if not tail or not _has_role_noun(tail.group(1)):
        return None
    body = _WHOSE_BODY.search(text, max(start, tail.start() - WHOSE_WINDOW), tail.start())
    if not body:
        return None
    named = body.group(1)
    outer = _WHOSE_OUTER.search(text, max(start, body.start(1) - WHOSE_WINDOW), body.start(1))
    if outer:
        named = f"{outer.group(1)} {outer.group(2)} the {named}"  # `the Peronist bloc in the Senate, whose leader`
    return f"{tail.group(1)} of the {named}"


def role_of_list(text: str, start: int, run: Run) -> str | None:
    """`ex-opposition cabinet members A, B, and C`: the list's plural role, made singular, for B and C."""
    words = tokens(text, start, run.start)
    anchor, i = run.start, len(words)
    while True:
        while i and words[i - 1].low in ("and", "or"):
            i -= 1
        if not (i and _LIST_GAP.fullmatch(text[words[i - 1].end:anchor])):
            break
        j = i
        while j and words[j - 1].capitalised and (j == i or text[words[j - 1].end:words[j].start] == " "):
            j -= 1
        if j == i:
            break
        anchor, i = words[j].start, j
    if anchor == run.start:
        return None
    role = role_before(text, start, anchor)
    if not role or not role.endswith("s") or role.rsplit(" ", 1)[-1][:-1].lower() not in ROLE_NOUNS:
        return None
    return role[:-1]


# A relative clause standing alone after a name is a role only when it says what the person does for a
# living or whom they belong to (`who heads the think-tank`, `whose district includes Marion`); most
# (`who does not vote except to break ties`, `who has held the same line throughout`) are clauses, not roles.
_ROLE_VERBS = word_set("""
heads head headed leads lead led chairs chaired runs ran directs directed represents represented owns owned
founded co-founded formed manages managed coordinates teaches taught studies studied serves served works worked
advises advised covers edits edited coaches coached commands commanded oversees oversaw sits sat
sells sold farms farmed grows grown drives driven sews sewn fishes fished delivers delivered builds repairs bakes
cooks trains
""")
_WHOSE_NOUNS = word_set("""
district ward constituency riding seat company firm group organisation organization ministry department
union party office campaign team club church parish congregation school university newspaper agency
""")
# `whose views are shared by X`: a clause about what the person thinks, which is their stance, not their role.
_STANCE_NOUNS = word_set("""
views view position positions opinion opinions stance argument arguments proposal proposals plan plans comments
remarks criticism campaign call calls warning warnings words statement statements
""")
_AS_ROLE = re.compile(
    r"(?:who|which)\s+(?:(?:now|also|currently|still|previously|once|later)\s+)?"
    r"(?:(?:is|was|has been|had been)\s+((?:a|an|the|one)\s.+)|(?:serves|served|works|worked) as\s+(.+))$",
    re.IGNORECASE,
)
DEFINING_WORDS = 24
_NESTED = re.compile(r"\s(?=(?:that|which|where|whose|who|and then)\s)", re.IGNORECASE)
_AUXILIARIES = word_set("""
is was are were be been has have had will would can could may might must shall should does did do not never
""")
_ADVERBS = frozenset({"now", "also", "currently", "still", "previously", "once", "later", "today"})
# Inside a role phrase, a relative pronoun after the head noun opens a clause; the clause is kept only in
# the forms above.
_RELATIVE = re.compile(r"\s(?=(?:who|whose|which|where)\s)", re.IGNORECASE)
_SUBORDINATE = re.compile(r"\s(?=(?:before|after|when|while|because|since|until|although|though|unless)\s)",
                          re.IGNORECASE)
_OFFICE_OF = re.compile(r"((?:[A-Z][\w.-]*\s)+of\s(?:the\s)?)$")  # `Minister of `, `Secretary of the `
_OF_PLACE = re.compile(r" (of (?:the )?(?:[A-Z][\w'’-]+ ?){1,4})(?=[\s,.;:]|$)")
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "rev", "the"})


def as_noun_phrase(phrase: str) -> str | None:
    """The role a phrase states, cut at a clause boundary; None when it is a clause and no role.

    `who is a former minister` -> `a former minister`; `who heads the
    institute` stays (an office); `who does not vote except to break ties`
    -> None.
    """
    phrase = phrase.strip(" ,;")
    words = phrase.split()
    if not words:
        return None
    first = words[0].lower()
    if first in ("who", "whose", "which"):
        stated = _AS_ROLE.match(phrase)
        if stated:
            return as_noun_phrase(stated.group(1) or stated.group(2))
        rest = [w.lower().strip(",") for w in words[1:]]
        while rest and rest[0] in _ADVERBS:
            rest.pop(0)
        second = rest[0] if rest else ""
        speaks_for = second == "speaks" and len(rest) > 1 and rest[1] == "for"  # `who speaks for a federation`
        if (first == "who" and (second in _ROLE_VERBS or speaks_for)) or (first == "whose" and second in _WHOSE_NOUNS):
            return phrase
        if first == "whose" and second and second not in _STANCE_NOUNS and len(words) <= DEFINING_WORDS:
            return phrase  # `whose two sons study at a private school`, `whose family has run the club`
        return _defining(phrase)  # `who sells cement and chairs the section`: what they do
    subordinate = _SUBORDINATE.search(phrase)
    if subordinate:
        phrase = phrase[:subordinate.start()]  # `ambassador to Germany before resigning in 2020`
    cut = _RELATIVE.search(phrase)
    if cut:
        head, clause = phrase[:cut.start()], phrase[cut.end():]
        kept = _defining(clause) or as_noun_phrase(clause)
        return f"{head} {kept}" if kept else head
    return phrase


def _defining(clause: str) -> str | None:
    """A short `who` clause after a role noun that says what the person does, which is part of the role.

    `a retired schoolteacher who rents out one flat`, `the councillor who
    drafted the cap`, `an inspector who now lectures on marine policy`: a
    plain verb of doing. A clause of stance or speech (`who opposes`, `who
    has held the same line`), a passive or negated one (`who was jailed`,
    `who does not vote`) describes what happened to them or what they think,
    not who they are.
    """
    nested = _NESTED.search(clause)
    if nested:
        clause = clause[:nested.start()]  # `who rents out a flat that she inherited`: the first clause is enough
    words = clause.split()
    if len(words) > DEFINING_WORDS or words[0].lower() != "who":
        return None
    rest = [w.lower().strip(",") for w in words[1:]]
    while rest and rest[0] in _ADVERBS:
        rest.pop(0)
    if not rest:
        return None
    if rest[0] in _AUXILIARIES:
        if len(rest) > 1 and rest[1] in _ROLE_VERBS:
            return clause  # `who has taught fourth grade`
        perfect = rest[0] in ("has", "have") and len(rest) > 1 and rest[1] not in _AUXILIARIES  # not `had taken`
        progressive = rest[0] in ("is", "are") and len(rest) > 1 and rest[1].endswith("ing")  # `who is running X`
        doing = (perfect or progressive) and rest[1] not in STANCE_VERBS and not rest[1].startswith("campaign")
        return clause if doing else None  # `who has sold lace for 22 years`
    if rest[0] in STANCE_VERBS or not re.fullmatch(r"[a-z-]+", rest[0]):
        return None
    return clause


def _is_office(word: str) -> bool:
    """`sen`, `gov`, `gen`: abbreviated offices, unlike the courtesy titles `mr`, `dr`."""
    return word in TITLES and word not in _HONORIFICS


def _without_honorifics(title: str) -> str:
    """`State Superintendent Dr` -> `State Superintendent`: a courtesy title names no office."""
    words = title.split()
    while words and words[-1].lower().rstrip(".") in _HONORIFICS:
        words.pop()
    while words and words[0].lower().rstrip(".") in _HONORIFICS:
        words.pop(0)
    return " ".join(_SPELT_OUT.get(w.lower().rstrip("."), w) for w in words)


# An office abbreviated before a name is shown spelt out: `Gov. X` is a governor, `Cllr X` a councillor.
_SPELT_OUT = {"gov": "Governor", "sen": "Senator", "rep": "Representative", "cllr": "Councillor", "cr": "Councillor",
              "prof": "Professor", "gen": "General", "supt": "Superintendent", "insp": "Inspector",
              "lt": "Lieutenant", "col": "Colonel", "capt": "Captain", "sgt": "Sergeant", "adm": "Admiral",
              "pres": "President", "cmdr": "Commander", "maj": "Major"}


def roles_at(text: str, sentence: tuple[int, int], run: Run) -> list[str]:
    """Every role phrase around one mention of a person."""
    start, end = sentence
    found: list[str] = []
    first = next((t for t in run.title if t.low not in FUNCTION_WORDS or _is_office(t.low)), None)
    title_end = run.title[-1].end if run.title else 0
    if run.title and text.startswith(".", title_end) and run.title[-1].low in TITLES:
        title_end += 1  # `Sen.`, `Gov.`: the abbreviation keeps its full stop
    title = _without_honorifics(text[first.start:title_end]) if first else ""
    anchor = first.start if first else run.title[0].start if run.title else run.start  # before `Dr.` too
    office = _OFFICE_OF.search(text, max(start, anchor - 60), anchor) if first else None
    if office:
        title = office.group(1) + title  # `Deputy Minister of Transport Pieter van Wyk`
    if title:
        place = _OF_PLACE.match(text, run.end, end)
        of_what = place.group(1) if place else _of_after(text, run.end, end)
        if of_what:
            title = f"{title} {of_what}"  # `Mayor Tereza Quintanilha of Santa Leopoldina`
    before = role_before(text, start, anchor, need_head=not title) if anchor > start else None
    if before and not title:
        place = _OF_PLACE.match(text, run.end, end)
        of_what = place.group(1) if place else _of_after(text, run.end, end)
        if of_what:
            before = f"{before} {of_what}"  # `Transport economist Isabelle Van Hecke of the Vrije Universiteit`
    joined = " ".join(p for p in (before, title) if p)
    if joined:
        found.append(joined)
    if not joined:
        listed = role_of_list(text, start, run)
        if listed:
            found.append(listed)
    led = role_led_by(text, start, run)
    if led:
        found.append(led)
    inverted = role_inverted(text, start, run) or role_whose(text, start, run)
    if inverted and inverted.lower().startswith(("its ", "their ")):
        # `The Mineworkers Union has backed it, according to its general secretary, X`: up to the role itself
        at = text.rfind(inverted, start, run.title[0].start if run.title else run.start)
        inverted = _of_organisation(text, at if at >= 0 else start, inverted)
    for role in (as_noun_phrase(inverted) if inverted else None, role_after(text, run, end),
                 role_predicate(text, run, end)):  # in the order the story gives them
        if role:
            found.append(role)
    return [f.strip(" ,") for f in found if f.strip(" ,")]


# `a Boston-based fund led by X`, `the think tank founded by John Podesta`: X's office in the body named before.
_LED_BY = re.compile(r"(?:^|[\s,;(])((?:the|a|an)\s[^,;:()\"“”]{2,60}?)\s(led|headed|chaired|run|founded|co-founded|"
                     r"directed)\s+by\s+$")
_BODY_NAMED = re.compile(r"((?:[A-Z][\w'’&.-]*\s){0,4}[A-Z][\w'’&.-]*),\s+$")  # `Halloran Sports Partners, `
_LED_OFFICE = {"led": "leader", "headed": "head", "chaired": "chair", "run": "head", "founded": "founder",
               "co-founded": "co-founder", "directed": "director"}


def role_led_by(text: str, start: int, run: Run) -> str | None:
    """`Halloran Sports Partners, a Boston-based fund led by X`: `leader of Halloran Sports Partners`."""
    begin = run.title[0].start if run.title else run.start
    match = _LED_BY.search(text, max(start, begin - 120), begin)
    if not match:
        return None
    body = match.group(1)
    named = _BODY_NAMED.search(text, max(start, match.start(1) - 60), match.start(1))
    if named and any(w.lower() in ORG_WORDS for w in named.group(1).split()):
        body = named.group(1)
    return f"{_LED_OFFICE[match.group(2)]} of {body}"


_ORGANISATION = re.compile(r"\b(?:the\s)?(?:[A-Z][\w'’.-]*\s(?:&\s|of\s(?:the\s)?|for\s(?:the\s)?|"
                           r"(?:de|del|de la|do|da|dos|des|du|di|della)\s)?){0,5}[A-Z][\w'’.-]*")


_ACRONYM = re.compile(r"[A-Z]{2,6}")
_SPELLED_OUT = r"((?:[A-Z][\w'’-]*\s(?:(?:of|for|and|the|de|du)\s)*)+[A-Z][\w'’-]*)"  # `Union of Bakers (UBM)`
_PLACE_BODIES = frozenset({"district", "province", "county", "region", "municipality", "parish", "ward", "village",
                           "town", "city"})


_THE = re.compile(r"\b[Tt]he\s")
BODY_WORDS = 5


def _lower_case_body(before: str) -> str | None:
    """The last body named in lower case: `the`, at most four lower-case words, an organisation word as head."""
    found = None
    for the in _THE.finditer(before):
        words = re.findall(r"\S+", before[the.end():the.end() + 80])[:BODY_WORDS]
        for n, word in enumerate(words):
            if not re.fullmatch(r"[a-z][\w-]*(?:['’]s?)?", word):
                break
            if word in ORG_WORDS:
                found = "the " + " ".join(words[:n + 1])
                break
            if re.search(r"['’]s$", word):
                break  # `the business federation's executive board`: a possessor ends it (not `workers'`)
    return found


def _of_organisation(text: str, start: int, role: str) -> str:
    """`Its president, X` after a sentence naming Harlan & Sons: `president of Harlan & Sons`.

    The organisation is the last name before the sentence that holds an
    organisation word (`Centre`, `Sons`, `Association`, `Pacucha district`)
    or is an acronym (`MESS`, spelled out where the story defines it:
    `the Turkish Employers' Association of Metal Industries (MESS)`); without
    one the role stays as written.
    """
    before = text[max(0, start - 400):start]
    names: list[str] = []
    for m in _ORGANISATION.finditer(before):
        found = m.group().rstrip(".")
        noun = re.search(r"(\w+)\s+$", before[max(0, m.start() - 30):m.start()])
        after = re.match(r"\s([a-z]+)\b", before[m.end():])
        of_body = re.search(r"(\w+)\s+of\s+$", before[max(0, m.start() - 30):m.start()])
        if noun and noun.group(1).lower() in ORG_WORDS:
            names.append(f"the {noun.group(1).lower()} {found}")  # `the judges' association Iustitia`
        elif of_body and of_body.group(1).lower() in _PLACE_BODIES:
            names.append(f"the {of_body.group(1).lower()} of {found}")  # `the municipality of Múlaþing. Its mayor`
        elif any(w.lower().strip(".,") in ORG_WORDS for w in found.split()[1:]) or " & " in found:
            names.append(found)
        elif after and after.group(1) in _PLACE_BODIES and "." not in found:
            names.append(f"{found} {after.group(1)}")  # `Support is strongest in Pacucha district. Its mayor, X`
        elif _ACRONYM.fullmatch(found) and found.lower() not in ROLE_NOUNS | TITLES:
            spelled = re.search(_SPELLED_OUT + r"\s\(" + found + r"\)", text[:start])
            names.append(spelled.group(1) if spelled else found)  # `MESS welcomed the decree. Its X`
    if not names:
        body = _lower_case_body(before)
        if body is None:
            return role
        names.append(body)  # `The national sanitation workers' federation has promised ... Its secretary-general`
    name = "the " + names[-1][4:] if names[-1].startswith("The ") else names[-1]
    return f"{role.split(' ', 1)[1]} of {name}"


def describe(roles: list[str]) -> str | None:
    """One role string from the phrases found, without repeats."""
    seen: list[str] = []
    for role in roles:
        if not any(role.lower() in s.lower() for s in seen):
            seen = [s for s in seen if s.lower() not in role.lower()]
            seen.append(role)
    return "; ".join(seen[:MAX_ROLES]) or None

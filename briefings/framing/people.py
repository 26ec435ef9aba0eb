"""People named in a story: capitalised runs sorted into persons and the rest.

A *run* is a stretch of capitalised words (`U.S. Special Envoy Keith
Kellogg`). Its leading titles, roles and place words split off as the title
(`U.S. Special Envoy`), and what is left is a name when it looks like one
(no organisation or place word, no acronym) and the story gives *evidence*
that it names a person:

- strong: a known given name, a title or role right before it (`historian
  Alexander Friedman`), a role appositive after it (`X, a former minister,`);
- weak: a speech verb beside it (`Kavaleuski said`, `said Caddell`).

What the story says a name is outweighs both: an appositive whose head is a
thing (`Kilele Safaris, a company with five vehicles`, `, a hill town`), a
place noun after it (`Hang Gai street`), a place or organisation word before
it (`Avenida Miguel Alemán`), `the` before a courtesy title (`the Lady
Bernadette`, a boat), `of` after a person (`Mayor X of Santa Leopoldina`), or
`head of` before a lone word (`the head of Energocom`). A Title-Case headline
vouches for nobody, and firm-like role nouns (`the broadcaster Multimedios`)
vouch for no lone word.

Runs are read in two passes. The first collects full names; the second maps
lone surnames and given names (`Latushka`, `Donald`) onto those people, so a
surname used before the full name still finds its person. Spelling variants
merge through `names.same_person`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from briefings.framing.cues import SPEECH_VERBS
from briefings.framing.folding import fold
from briefings.framing.gazetteer import (
    CITIES,
    COUNTRIES,
    DEMONYMS,
    FEMALE_FIRST_NAMES,
    FEMALE_WORDS,
    FIRST_NAMES,
    FUNCTION_WORDS,
    MALE_FIRST_NAMES,
    MALE_WORDS,
    MONTHS_DAYS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    ORG_WORDS,
    ORGS,
    REGION_WORDS,
    ROLE_NOUNS,
    TITLES,
    word_set,
)
from briefings.framing.names import name_key, same_person, token_key
from briefings.framing.text import DIGRAPH_INITIALS

_TOKEN = re.compile(r"(?:[^\W\d_]\.-?){2,}|\w+(?:[’'\-/.]\w+)*")  # initials: `W.A.D.`, `H.-J.`
_TITLE_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "prof", "rev", "st",
                        "capt", "sgt", "maj", "adm", "cmdr", "jr", "sr", "fr", "md", "mohd"}
# Arabic family names written with a lower-case article: `Mohamed el-Idrissi`, `Anwar al-Awlaki`.
_ARTICLED = re.compile(r"(?:al|el|ad|ash|as|az|ibn|bin|abu)-[A-Z]")
_LIST_GAP = re.compile(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_INITIALS = re.compile(r"(?:[^\W\d_]\.-?)+")  # `W.A.D.`, `H.-J.`
# `"..." ― Pamela Padilla`: a name after a closing quotation and a dash signs the quotation.
_SIGNATURE = re.compile(r"[”\"’]\s*[.,]?\s*[―—–-]\s*$")
_SURE_SPEECH = word_set("""
said says told tells added adds asked asks wrote writes continued continues argued argues warned warns
explained explains noted insisted insists replied replies recalled recalls demanded declared stated
""")
_TITLE_LIKE = (TITLES | ROLE_NOUNS | ORG_WORDS | COUNTRIES | CITIES | DEMONYMS | ORGS | FUNCTION_WORDS
               | MONTHS_DAYS | REGION_WORDS)
_NOT_LAST = COUNTRIES | CITIES | DEMONYMS | MONTHS_DAYS | FUNCTION_WORDS | REGION_WORDS | TITLES
# Title words that modify the next word rather than name an office: before one capitalised word they make a
# name of a thing (`Senior Fellow`, `Health Issues`, `Executive Session`), not a title and a surname.
_TITLE_MODIFIERS = frozenset({"senior", "junior", "presidential", "foreign", "defence", "defense", "interior",
                              "finance", "justice", "economy", "health", "education", "culture", "state", "former",
                              "acting", "interim", "executive", "managing", "associate", "assistant", "supreme",
                              "grand", "high", "special", "vice", "prime", "field", "private", "opposition",
                              "american", "national"})
# Honorifics that are also given names, so only before another given name: Iberian `Don Eleuterio`, `Doña María`
# (`Don Jones` is a name), Amharic `Ato Kebede Alemu`, `Woizero Tsehay` (`Ato Essandoh` is a Ghanaian name).
_GIVEN_NAME_HONORIFICS = frozenset({"don", "dona", "doña", "dom", "ato", "woizero", "weizero"})
_TITLE_SURNAMES = frozenset({"king", "major", "bishop", "judge", "dean", "pope", "prince", "cardinal", "chancellor",
                             "abbot", "constable", "sheriff", "marshal", "baron", "deacon", "pastor", "provost",
                             "sen"})  # `Sen` is a surname after a given name too: Fatma Şen, Amartya Sen
_DETERMINERS = frozenset({"a", "an", "the", "one", "his", "her", "their", "its", "our", "my", "your"})
_SAINTS = frozenset({"san", "santa", "santo", "sao", "saint", "st", "sainte", "ste"})  # `San Pedro de Atacama`
_VERB_LIKE = SPEECH_VERBS | frozenset({"is", "was", "are", "were", "has", "had", "have", "will", "would", "could",
                                        "should", "may", "might", "must", "can", "does", "did"})
_NAME_IN_PHRASE = re.compile(r"\b([a-z]+)\s[A-Z][\w'’-]+\s[A-Z][\w'’-]+")  # `the journalist Ihar Dabravolski`
_PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "near", "outside", "across", "throughout", "towards",
                                 "toward", "into", "around", "inside", "via"})
# `X, who ...`, `X, a ...`, `X, 45,`; not `whose` (`Pessamit, whose ancestral territory ...`, `the MQM-P, whose
# members ...`: places and parties have a `whose` too) nor a quantity (`Pioneers Park, a few hundred protesters`).
_CROWD = r"(?:few|dozen|handful|number|crowd|group)\b"
_WHOSE_KIN = re.compile(r",\s+whose\s+(?:[a-z-]+\s+)?(?:brother|sister|son|daughter|husband|wife|mother|father|"
                        r"grandson|granddaughter|grandmother|grandfather|children|parents|nephew|niece|widow)s?\b")
_APPOSITIVE = re.compile(r",\s+(?:(who|himself|herself|(?:a|an)(?!\s" + _CROWD + r")|former|retired|\d{1,3},)\s|\w)")
# A crowd after a comma is the next clause's subject, not an appositive: `At Pioneers Park, a few hundred
# protesters held up signs`.
QUANTITY = re.compile(r"(?:a|an)\s" + _CROWD + r"|(?:hundreds|thousands|dozens|several)\b", re.IGNORECASE)


class Token(NamedTuple):
    """One word of the text; `possessive` when it ended in 's; `low` is its folded lower case.

    A named tuple rather than a dataclass: stories have tens of thousands of
    words, and tuples are the cheapest record Python builds.
    """

    text: str
    start: int
    end: int
    possessive: bool = False
    low: str = ""
    capitalised: bool = False


@dataclass(frozen=True, slots=True)
class Run:
    """Adjacent capitalised words; `title` and `name` split it in two."""

    title: tuple[Token, ...]
    name: tuple[Token, ...]

    @property
    def start(self) -> int:
        return self.name[0].start

    @property
    def end(self) -> int:
        return self.name[-1].end


@dataclass(slots=True)
class Person:
    """One person of the story, with every way the story refers to them."""

    ident: int
    name: str
    keys: tuple[str, ...]
    gender: str | None = None
    strong: bool = False
    roles: list[str] = field(default_factory=list)

    @property
    def last_key(self) -> str:
        return self.keys[-1]

    @property
    def first_key(self) -> str:
        return self.keys[0] if len(self.keys) > 1 else ""


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that refers to a person."""

    person: int
    start: int
    end: int
    kind: str  # "name", "pronoun" or "role"
    quoted: bool = False


@lru_cache(maxsize=65536)
def _word(word: str) -> tuple[str, bool, str, bool]:
    """A word without possessive 's, whether it had one, its folded form, and whether it is capitalised."""
    possessive = len(word) > 3 and word[-2:] in ("'s", "’s")
    if possessive:
        word = word[:-2]
    return word, possessive, fold(word.rstrip(".")), word[:1].isupper() or _ARTICLED.match(word) is not None


class _Tokenised:
    """Every word of one (long) text, so that any stretch of it is a slice, not a new scan."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = _scan(text, 0, len(text))
        self.starts = [w.start for w in self.words]


def _scan(text: str, start: int, end: int) -> tuple[Token, ...]:
    make = tuple.__new__  # skips the named tuple's argument parsing: this runs once per word
    out: list[Token] = []
    for match in _TOKEN.finditer(text, start, end):
        s = match.start()
        word, possessive, low, capitalised = _word(match.group())
        out.append(make(Token, (word, s, s + len(word), possessive, low, capitalised)))
    return tuple(out)


@lru_cache(maxsize=4096)
def _scan_all(text: str) -> tuple[Token, ...]:
    return _scan(text, 0, len(text))


_whole: list[_Tokenised] = []  # the last long text read, reused while the same story is framed
LONG_TEXT = 2000


def tokens(text: str, start: int, end: int) -> tuple[Token, ...]:
    """Words of text[start:end], with possessive 's split off as a flag.

    Long texts are scanned once and sliced after, as every step rereads the
    story's sentences; short ones (a sentence with its quotes blanked) are
    scanned on each call.
    """
    if len(text) < LONG_TEXT:
        if start == 0 and end == len(text):
            return _scan_all(text)
        return _scan(text, start, end)
    whole = _whole[0] if _whole else None
    if whole is None or whole.text is not text:
        whole = _Tokenised(text)
        _whole[:] = [whole]  # threads each keep their own `whole`, so a swap here never mixes stories
    lo = bisect_left(whole.starts, start)
    hi = lo
    while hi < len(whole.words) and whole.words[hi].start < end:
        hi += 1
    words = whole.words[lo:hi]
    if words and words[-1].end > end:
        return words[:-1] + _scan(text, words[-1].start, end)
    return words


def _adjacent(text: str, left: Token, right: Token) -> bool:
    gap = text[left.end:right.start]
    if gap == " ":
        return not left.possessive
    return gap == ". " and (len(left.text) == 1 or left.low in _TITLE_ABBREVIATIONS or left.low in DIGRAPH_INITIALS)


_POST_HONORIFICS = frozenset({"bey", "hanım", "hanim", "efendi", "teyze", "amca", "abla", "ağabey"})


# `Rogelio "Boyet" Dimaculangan`, `Marcia "Cia" Price`: a nickname in quotes between a given name and a
# surname is part of the name, not a quotation.
_NICK_OPEN = frozenset({' "', " \u201c"})
_NICK_CLOSE = frozenset({'" ', "\u201d "})


def _nickname_at(text: str, words: Sequence[Token], j: int) -> bool:
    """Whether words[j] is a quoted nickname after a given name, or the surname right after one."""
    if j + 1 < len(words) and words[j - 1].low in FIRST_NAMES and words[j].capitalised and \
            words[j + 1].capitalised and text[words[j - 1].end:words[j].start] in _NICK_OPEN and \
            text[words[j].end:words[j + 1].start] in _NICK_CLOSE:
        return True
    return j > 1 and text[words[j - 1].end:words[j].start] in _NICK_CLOSE and _nickname_at(text, words, j - 1)


_PORTFOLIO_BODIES = frozenset({"ministry", "department", "secretariat", "directorate", "committee", "commission"})


def _in_portfolio(words: Sequence[Token], i: int) -> bool:
    """Whether words[i] goes on an office's portfolio after `and`: `Secretary of Health and Human Services`,
    `the Ministry of Agriculture and Environment`."""
    k = i - 1
    if k < 2 or words[k].low != "and":
        return False
    k -= 1
    while k > 0 and words[k].capitalised and words[k].low not in FUNCTION_WORDS:
        k -= 1
    return k > 0 and k < i - 2 and words[k].low in ("of", "for") and (
        words[k - 1].low in TITLES or words[k - 1].low in ROLE_NOUNS or words[k - 1].low in _PORTFOLIO_BODIES)


# `Forestry, Fisheries and the Environment Minister X`, `the Health, Education, Labor and Pensions Committee`: a
# portfolio listed before its office, so its first word is no name.
_PORTFOLIO_LIST = re.compile(r",(?: [A-Z][\w'’-]*)+(?:,(?: [A-Z][\w'’-]*)+)*,? and(?: the)?(?: [A-Z][\w'’-]*)*? "
                             r"(?:Minister|Ministry|Secretary|Department|Committee|Commission|Board)\b")


def _before_portfolio(text: str, group: Sequence[Token]) -> bool:
    """Whether the run `group` opens a portfolio listed before its office (and holds no given name)."""
    return not any(w.low in FIRST_NAMES for w in group) and bool(_PORTFOLIO_LIST.match(text, group[-1].end))


def runs(text: str, words: Sequence[Token]) -> Iterable[Run]:
    """Capitalised runs of `words`, each split into title and name."""
    i = 0
    while i < len(words):
        if not words[i].capitalised:
            i += 1
            continue
        j = i + 1
        while j < len(words) and (_adjacent(text, words[j - 1], words[j]) or _nickname_at(text, words, j)):
            nxt = words[j]
            if nxt.capitalised:
                j += 1
            elif nxt.low in ("jr", "sr") and text.startswith(".", nxt.end) and j - i >= 2:
                j += 1  # `Kees Mulder jr.`: a suffix in lower case (Dutch usage) is part of the name
                break
            else:
                k = j
                while k < len(words) and words[k].low in NAME_PARTICLES and not words[k].capitalised and (
                        k + 1 < len(words) and _adjacent(text, words[k], words[k + 1])):
                    k += 1
                if k == j or k >= len(words) or not words[k].capitalised:
                    break
                j = k + 1
        group = words[i:j]
        if _before_portfolio(text, group):
            i = j
            continue
        cut = 0
        for k, word in enumerate(group[:-1]):
            if word.low in _TITLE_LIKE and word.low not in FIRST_NAMES and word.capitalised and not _initial(
                    word, group[k + 1]) and any(
                    w.low not in NAME_SUFFIXES for w in group[k + 1:]):
                cut = k + 1  # but `Martin Luther King Jr.`: a suffix alone is no name
        if not cut and len(group) > 1 and group[0].low in _GIVEN_NAME_HONORIFICS and group[1].low in FIRST_NAMES:
            cut = 1  # `Don Eleuterio`, `Ato Kebede`: an honorific before a given name
        if not cut and len(group) > 2 and i > 1 and words[i - 1].low == "of" and (
                words[i - 2].low in TITLES or words[i - 2].low in ROLE_NOUNS):
            cut = 1  # `Minister of Transport Pieter van Wyk`: the first word is the portfolio
        given = next((k for k in range(cut, len(group) - 1) if group[k].low in FIRST_NAMES), cut)
        if not cut and _in_portfolio(words, i):
            if given == cut:
                i = j
                continue  # `the Minister of Finance and National Planning called it`: all of it is the office
            cut = given  # `Minister for Foreign Affairs and Trade Julie Bishop`: the name starts at its given name
        if given > cut and len(group) - given <= 3 and not any(w.low in _SAINTS for w in group[cut:given]) and any(
                w.low in _TITLE_LIKE for w in group[cut:given]):
            cut = given  # `Senate Minority Whip Dick Durbin`: a name starts at its given name (not `Dale Ross`)
        if len(group) - cut >= 2 and group[-1].low in _POST_HONORIFICS and group[-2].low in FIRST_NAMES:
            group = group[:-1]  # `Necati Bey`, `Fatma Teyze`: a Turkish honorific after the given name is no surname
        yield Run(tuple(group[:cut]), tuple(group[cut:]))
        i = j


# Articles of other languages that open names of newspapers, places and bodies, never of people (not `Le`, a
# Vietnamese family name, nor `El`, as in Arabic family names, nor `De`, as in Flemish ones).
_FOREIGN_ARTICLES = frozenset({"La", "Los", "Las", "Il", "Der", "Die", "Het"})


def _initial(word: Token, following: Token) -> bool:
    """`A.` in `A. J. Maitland`: one letter with `. ` before the next word of its run is an initial, not the
    article `a` (a run's words are one space or `. ` apart)."""
    return len(word.text) == 1 and following.start - word.end == 2


def looks_like_name(run: Run) -> bool:
    """Whether the name part of a run has the shape of a personal name."""
    name = run.name
    if not name or sum(w.low not in NAME_PARTICLES for w in name) > 4:  # `Ana María de la Cruz`: particles aside
        return False
    for word in name:
        low = word.low
        if low in ORG_WORDS or low in ORGS or "/" in word.text or any(c.isdigit() for c in word.text):
            return False
        if len(word.text) > 1 and word.text.isupper() and len(name) == 1:
            return False
        if len(word.text) > 2 and word.text.isupper() and not _INITIALS.fullmatch(word.text) and (
                word is not name[-1] or low not in NAME_SUFFIXES):
            return False  # an acronym (`NATO`), but `Clarence Whitlow III` is a name
        if len(word.text) == 2 and word.text.isupper() and word is name[-1] and low not in NAME_SUFFIXES:
            return False  # `Satpol PP`: a two-letter acronym ends an agency's name, never a person's (but `II`)
    if len(name) > 1 and name[0].text in _FOREIGN_ARTICLES:
        return False  # `La Voz de Galicia`, `La Tercera`, `Der Spiegel`: a title or a place, not a person
    if name[0].low in FUNCTION_WORDS and not (len(name) > 1 and _initial(name[0], name[1])):
        return False  # `A Reuters report`, but `A. J. Maitland`
    if len(name) > 1 and name[0].low not in FIRST_NAMES and plural_role(name[-1].low):
        return False  # `Federated Farmers`, `Concerned Parents`: a body of members (but `Peter Sellers`)
    if name[0].low in MONTHS_DAYS and not (
            len(name) > 1 and name[0].low in FIRST_NAMES and name[1].start == name[0].end + 1):
        return False  # `Jan. 5`, `Monday Morning`; but `Jan Brewer`, `Jan van der Berg` are people
    if not name[0].capitalised and run.title and run.title[-1].low in ORG_WORDS:
        return False  # `Universidad de los Andes`: the particle continues an organisation's name
    vouched = len(name) > 1 and (name[0].low in FIRST_NAMES or any(w.low in TITLES for w in run.title))
    surname_title = vouched and name[-1].low in _TITLE_SURNAMES and name[0].low in FIRST_NAMES
    if name[-1].low in _NOT_LAST and not (vouched and name[-1].low not in FUNCTION_WORDS | TITLES) and (
            not surname_title):
        return False  # but `John Major`, `Rosalind Cardinal`: family names that are also titles
    return not (len(name) > 1 and all(w.low in COUNTRIES | CITIES | REGION_WORDS for w in name))


_LOCATIVE = frozenset({"at", "in", "near", "outside", "inside", "across", "around", "from", "beyond"})


def plural_role(word: str) -> bool:
    """`farmers`, `teachers`: the plural of a role noun, a group of people rather than one."""
    return word not in ROLE_NOUNS and word.endswith("s") and word[:-1] in ROLE_NOUNS


def _strong_evidence(text: str, run: Run, previous: Token | None) -> bool:
    """A signature dash, a title, a role word before, or an appositive after: this names a person."""
    if _SIGNATURE.search(text, max(0, run.start - 6), run.start):
        return True
    if any(w.low in TITLES or w.low in ROLE_NOUNS for w in run.title) and not (
            len(run.name) == 1 and run.title[-1].low in _TITLE_MODIFIERS):
        return True  # but `Senior Fellow`, `Presidential Debates`, `Foreign Relations`: a modifier, no title
    if previous is not None and not previous.capitalised and previous.low in ROLE_NOUNS and not (
            len(run.name) == 1 and previous.low in _FIRM_ROLES):
        gap = text[previous.end:run.start]
        if gap == " " or (gap == ", " and text[run.end:run.end + 1] in (",", ".", ";", "")):
            return True  # `historian X`, `the boat's owner, X, said`, `said the minister, X.`
    if run.name[-1].possessive:
        return False
    if previous is not None and previous.capitalised and previous.low in _LOCATIVE and text.startswith(",", run.end):
        return False  # `At Juaboso, a purchasing clerk said`: a sentence opening on a place (but `a supporter in X,`)
    end = run.end + 1 if run.name[-1].low in NAME_SUFFIXES and text.startswith(".", run.end) else run.end
    match = _APPOSITIVE.match(text, end, end + 40)  # after `Jr.` too
    if match and match.group(1):
        return True  # `X, who ...`, `X, 45,`
    if _WHOSE_KIN.match(text, end, end + 40):
        return True  # `B. Altantsetseg, whose younger brother was on the shift,`: only people have brothers
    phrase = re.match(r",\s+([^,.;:()]{2,80})", text[end:end + 90])
    if not phrase:
        return False
    if QUANTITY.match(phrase.group(1)):
        return False
    first = re.match(r"[\w-]+", phrase.group(1).lower())
    if first and plural_role(first.group()):
        return False  # `In Jaffna, teachers queued from early morning`: a plural opens the next clause
    for titled in _NAME_IN_PHRASE.finditer(phrase.group(1)):
        if titled.group(1).lower() in ROLE_NOUNS:
            return False  # `talking to Halvinsk, the journalist Ihar Dabravolski says`: the role is the next name's
    words = re.findall(r"[\w'’-]+", phrase.group(1).lower())[:6]
    if words and words[0].endswith(("ing", "ed")) and words[0] not in ROLE_NOUNS:
        return False  # `to Columbus, leaving expectant mothers ...`: a participle clause, no role
    if words and words[0] in FUNCTION_WORDS and words[0] not in _DETERMINERS:
        return False  # `on Montjuïc, after residents complained`: a clause, no appositive
    return any(w in ROLE_NOUNS or (w.endswith(("'s", "’s")) is False and w.rstrip("s") in ROLE_NOUNS and len(w) > 4)
               for w in words)


def _weak_evidence(text: str, run: Run, previous: Token | None, following: Token | None) -> bool:
    """A speech verb right after (`X said`) or before (`said X`) the name.

    A lone capitalised word at a sentence start (`Abandoning demands ...`) only
    counts before an unambiguous verb of saying, since many verbs double as
    plural nouns.
    """
    gap = text[run.end:following.start] if following is not None else ""
    if gap == ", " and text[max(0, run.start - 2):run.start] == ", ":
        gap = " "  # `the ambassador in Mexico, Park Ji-hoon, said`: a name set off by commas before its verb
    if following is not None and following.low in SPEECH_VERBS and gap == " ":
        if len(run.name) > 1:
            return True
        if previous is not None:
            return following.low in _SURE_SPEECH  # `under which Codelco holds`: `holds` is no saying
        word = run.name[0].low
        return following.low in _SURE_SPEECH and not word.endswith(("ing", "ed", "ly"))
    return previous is not None and previous.low in _SURE_SPEECH and previous.low not in ("told", "tells") and (
        text[previous.end:run.start] == " ")


@lru_cache(maxsize=65536)
def _folded(name: str) -> str:
    """`fold` of a name, remembered: the cast compares every new name with every known one."""
    return fold(name)


def _own_role_words(role: str) -> set[str]:
    """The words of a role that describe its holder: `wife of the mayor` is hers, `the mayor` is not; `her
    chief adviser` and `no relation of the opposition assemblyman` say nothing of the adviser's or her own sex."""
    found: set[str] = set()
    for part in fold(role).split(";"):
        part = re.sub(r"^\W*(?:his|her|their)\s", "", part.strip())
        found |= set(re.findall(r"[a-z]+", re.split(r"\b(?:of|to)\b", part, maxsplit=1)[0]))
    return found


def gender_of(name: Run | str, role: str = "") -> str | None:
    """'f', 'm' or None, from the given name, a feminine surname, or gendered role words."""
    words = [w.low for w in name.name] if isinstance(name, Run) else [fold(w) for w in name.split()]
    role_words = _own_role_words(role)
    if words and len(words) > 1:
        if words[0] in FEMALE_FIRST_NAMES and words[0] not in MALE_FIRST_NAMES:
            return "f"
        if words[0] in MALE_FIRST_NAMES and words[0] not in FEMALE_FIRST_NAMES:
            return "m"
    if role_words & FEMALE_WORDS:
        return "f"
    if role_words & MALE_WORDS:
        return "m"
    if words and token_key(words[-1]).endswith("+f"):
        return "f"
    return None


class Cast:
    """The people of one story and their mentions, built by `find_people`."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.mentions: list[Mention] = []
        self.last_seen: dict[int, int] = {}  # person -> start of their latest mention, while reading
        self.by_name: dict[str, Person] = {}  # exact spellings already placed
        self.alone: dict[str, int] = {}  # name word -> the person it last meant on its own, while reading
        self.titles: dict[int, set[str]] = {}  # person -> the titles their mentions carried so far, while reading
        self.kin: set[int] = set()  # people brought in as someone's relative (`His son, X`)

    def add(self, name: str, strong: bool, gender: str | None) -> Person | None:
        """Add a person, or merge into the one already known under a variant of `name`.

        A run with nothing left to match on once titles and suffixes are off
        (`Jr` of `King, Jr.`) names nobody: None.
        """
        known = self.by_name.get(name)
        if known is not None:
            known.strong |= strong
            return known
        keys = tuple(name_key(name).split())
        if not keys:
            return None
        tail = " " + fold(name)
        for person in self.people:
            if _folded(person.name).endswith(tail):
                return person  # `Van Wyk` after `Pieter van Wyk`: the end of a known name, capitalised
        words = tail.split()
        if len(words) >= 2 and words[0] in NAME_PARTICLES:  # `Del Río` of Ana Luisa del Río Errázuriz: a first surname
            inside = [p for p in self.people if tail + " " in _folded(p.name)]
            if len(inside) == 1:
                self.by_name[name] = inside[0]
                return inside[0]
        if len(words) >= 2:
            longer = [p for p in self.people if _folded(p.name).startswith(tail[1:] + " ")]
            if len(longer) == 1:  # `Einar Páll said` after `Einar Páll Kristjánsson`: the given names alone
                self.by_name[name] = longer[0]
                return longer[0]
        if len(words) == 2 and _PATRONYMIC.search(words[1]):
            same_given = [p for p in self.people if _folded(p.name).split()[0] == words[0]]
            if len(same_given) == 1:
                return same_given[0]  # `Halyna Petrivna` after `Halyna Shevchuk`: given name and patronymic
        for person in self.people:
            if len(keys) > 1 and len(person.keys) > 1 and same_person(name, person.name):
                person.strong |= strong
                return person
            if len(person.keys) == 1 and len(keys) > 1 and person.last_key == keys[-1]:
                person.name, person.keys = name, keys  # a surname seen first, now the full name
                person.strong |= strong
                person.gender = person.gender or gender
                return person
        person = Person(len(self.people), name, keys, gender, strong)
        self.people.append(person)
        self.by_name[name] = person
        return person

    def by_surname(self, key: str, before: int, gender: str | None = None,
                   titles: frozenset[str] = frozenset()) -> Person | None:
        """The person a lone name word refers to: surname first, then given name, then a first surname.

        Spanish and Portuguese names carry two surnames and the first is the
        one used alone: `Echeverría` is Ricardo Echeverría Saavedra. Of two
        people sharing the surname, a title picks the one who bore it
        (`Professor Kim` after `Professor Kim Soo-yeon`); else the one the
        story already calls by the surname alone keeps it (`Radić said` is
        still the mayor after `Nikola Radić said`), else the latest named.
        """
        for attr in ("last_key", "first_key"):
            hits = [p for p in self.people if getattr(p, attr) == key]
            if hits and attr == "last_key":  # `Mamani` of Ana Lucía Quispe Mamani and Rubén Mamani Condori
                hits += [p for p in self.people if len(p.keys) >= 3 and p.keys[-2] == key and p not in hits
                         and key not in FIRST_NAMES]
            if hits:
                return self.pick(hits, key, before, gender, titles)
        if key in FIRST_NAMES:
            return None
        hits = [p for p in self.people if len(p.keys) >= 3 and key in p.keys[1:-1]]
        return hits[0] if len(hits) == 1 else None  # two Garzas: which one the text must say

    def pick(self, hits: list[Person], key: str, before: int, gender: str | None,
             titles: frozenset[str]) -> Person:
        """Which of the people a short reference (`Haldane`, `Ms Ben Ammar`) could mean it means."""
        if gender and len(hits) > 1:  # `Mrs Hartley` of Sheila and Dennis Hartley is Sheila
            hits = [p for p in hits if p.gender == gender] or hits
        if titles and len(hits) > 1:
            hits = [p for p in hits if titles & self.titles.get(p.ident, set())] or hits
        if len(hits) > 1:  # `His father, Mokhtar Ben Hassine,` is a relative: the surname stays the subject's
            hits = [p for p in hits if p.ident not in self.kin] or hits
        if len(hits) == 1:
            return hits[0]
        alone = [p for p in hits if self.alone.get(key) == p.ident]
        if alone and not titles:
            return alone[0]
        return self.latest(hits, before)

    def by_name_end(self, surface: str, before: int, gender: str | None,
                    titles: frozenset[str]) -> Person | None:
        """The person a surname of several words (`Ben Ammar`, `de la Cruz`) refers to, when it ends known names."""
        tail = " " + fold(surface)
        hits = [p for p in self.people if _folded(p.name).endswith(tail)]
        return self.pick(hits, fold(surface), before, gender, titles) if hits else None

    def knows(self, key: str) -> bool:
        """Whether a lone name word refers to someone already in the cast."""
        return self.by_surname(key, 0) is not None

    def latest(self, people: list[Person], before: int) -> Person:
        """Of `people`, the one named last before offset `before` (else the first)."""
        seen = [(self.last_seen.get(p.ident, -1), -n, p) for n, p in enumerate(people)]
        return max(seen, key=lambda item: item[:2])[2]


def find_people(text: str, spans: list[tuple[int, int]], quoted: list[tuple[int, int]]) -> tuple[Cast, list[Run]]:
    """Read `spans` (sentences) of `text` for people; return the cast and every person run."""
    cast = Cast()
    found: list[tuple[Run, bool]] = []
    singles: list[tuple[Run, bool, bool]] = []  # run, strong, weak
    vouched: set[str] = set()  # names with evidence beyond a given name
    things: set[str] = set()  # names the story describes as a firm, a town, a boat
    located: set[str] = set()  # full names that come right after `in`
    name_lists: list[list[str]] = []  # full names the story lists together (`A, B and C`)
    alias_of: dict[str, Run] = {}  # a second name the story gives someone (folded) -> the name it stands for
    alias_at: dict[int, Run] = {}  # where such a second name starts -> the name it stands for
    aliased: dict[Run, Run] = {}  # each run that is a second name -> the first one
    for start, end in spans:
        listed: list[int] = []  # indices into `found` of this sentence's full names
        words = tokens(text, start, end)
        index = {w.start: n for n, w in enumerate(words)}
        named_until = -1  # where the last full name of this sentence ends
        for run in runs(text, words):
            if not looks_like_name(run) or _named_after_someone(text, start, run):
                continue
            surface = _surface(text, run)
            begin = run.title[0].start if run.title else run.start
            target = alias_at.get(begin) or alias_of.get(fold(surface))
            if target:
                alias_of[fold(surface)] = target
                aliased[run] = target
                continue
            alias = _ALIAS.match(text, run.end + (surface[-1] == "."), end)
            if alias:
                alias_at[alias.end()] = run
            ahead = index.get(begin)
            if ahead and words[ahead - 1].text in ("the", "a", "an") and not run.title and len(run.name) > 1:
                continue  # `in the Donald Munro Hall`, `at an Albert Heijn`: a name used for a place or a thing
            if ahead and words[ahead - 1].low in _VESSELS and not words[ahead - 1].capitalised:
                things.add(fold(_surface(text, run)))
                continue  # `the volunteer rescue boat Emil Sundqvist`, `the trawler Lalla Meryem`: a vessel
            if named_until >= 0 and _OF_AFTER_NAME.fullmatch(text, named_until, begin):
                continue  # `Mayor Tereza Quintanilha of Santa Leopoldina`, `X of the Pakistan Tehreek-e-Insaf`
            if _described_as_thing(text, run.end) or _PLACE_AFTER.match(text, run.end) or _goes_on_organisation(
                    text, start, run) or _CAMPUS.search(text, max(start, run.start - 80), run.start) or (
                    text[max(0, begin - 2):begin] == "& " or text.startswith(" & ", run.end)):  # `Brenner & Töchter`
                things.add(fold(_surface(text, run)))
                continue
            if len(run.name) > 1:
                named_until = run.end
            n = index[run.name[0].start]
            m = index[run.name[-1].start]
            previous = words[n - 1] if n and not run.title else (run.title[-1] if run.title else None)
            before = words[n - 1] if n else None
            following = words[m + 1] if m + 1 < len(words) else None
            strong = _strong_evidence(text, run, before if not run.title else previous)
            weak = _weak_evidence(text, run, before, following)
            if strong or weak:
                vouched.add(fold(_surface(text, run)))
            strong = strong or (len(run.name) > 1 and run.name[0].low in FIRST_NAMES)
            after_in = (run.title and run.title[-1].low == "in" and len(run.title) == 1) or (
                not run.title and _IN_PLACE.search(text, max(start, run.start - 4), run.start))
            if len(run.name) > 1 and after_in and not run.name[-1].possessive:
                located.add(fold(_surface(text, run)))  # `In Benito Juárez, ...`, `lives in Benito Juárez`
            if len(run.name) > 1:
                found.append((run, strong or weak))
                listed.append(len(found) - 1)
            else:
                singles.append((run, strong, weak))
        name_lists += _vouch_for_lists(text, found, listed)
    org_names = (_organisation_names(text, spans) - vouched) | things
    places = _place_names(text, singles)
    # `In Benito Juárez, the reaction was calmer`: a full name the story puts *in* a place, and vouches for only
    # by its given name, is the place (boroughs, streets and towns are named after people).
    places_named = located - vouched
    for names in name_lists:  # `Benito Juárez, Miguel Hidalgo and Álvaro Obregón lose supply`: a list is of one kind
        if any(name in places_named or name in org_names for name in names):
            places_named |= set(names) - vouched
    not_people = org_names | places_named
    found = [(run, evidence) for run, evidence in found if fold(_surface(text, run)) not in not_people]
    accepted: list[Run] = []
    surname_evidence = {token_key(r.name[0].text) for r, s, w in singles if s or w}
    # `Zu Wendenheim said` vouches for `Jobst zu Wendenheim`, `Pereira dos Santos, 52,` for `Rosângela Pereira dos
    # Santos`: a full name whose last words another vouched-for name is.
    tails = {tuple(w.low for w in r.name[-2:]) for r, e in found if e and len(r.name) >= 2}
    for run, evidence in found:
        tail = tuple(w.low for w in run.name[-2:])
        if evidence or token_key(run.name[-1].text) in surname_evidence or (len(run.name) > 2 and tail in tails) or (
                token_key(run.name[0].text) in surname_evidence and len(run.name) in (2, 3)) or (
                fold(_surface(text, run)) in vouched):  # `İlkay Yıldırım, ...`, later `Ilkay Yildirim said`
            # `Park said` vouches for `Park Ji-hoon`, `Teoh said` for `Teoh Chee Keong`: a family name may come first
            cast.add(_surface(text, run), evidence, gender_of(run))
            accepted.append(run)
    for run, strong, weak in singles:
        key = token_key(run.name[0].text)
        if key and not cast.knows(key):
            word = run.name[0].low
            plural = word.endswith("s") and (word[:-1] in _TITLE_LIKE or word.rstrip("s") in _TITLE_LIKE)
            if (strong or (weak and word not in _TITLE_LIKE)) and not plural and not word.endswith("ly") and (
                    word not in org_names) and word not in places:
                cast.add(_surface(text, run), strong, None)
        accepted.append(run)
    accepted += aliased
    mentions: list[Mention] = []
    person_runs: list[Run] = []
    quote_starts = [s for s, _ in quoted]
    matched: dict[str, Person | None] = {}
    def person_of(run: Run) -> Person | None:
        if run in aliased:
            return person_of(aliased[run])
        if len(run.name) > 1:
            surface = _surface(text, run)
            if cast.by_name.get(surface) is None:  # `Mr Ben Ammar` of Leila and Nabil Ben Ammar: which one
                ending = cast.by_name_end(surface, run.start, _courtesy_gender(run), _titles(run))
                if ending is not None:
                    return ending
            if surface not in matched:
                matched[surface] = cast.by_name.get(surface) or next(
                    (p for p in cast.people if same_person(surface, p.name)), None)
            return matched[surface]
        return cast.by_surname(token_key(run.name[0].text), run.start, _courtesy_gender(run), _titles(run))

    for run in sorted(accepted, key=lambda r: r.start):
        person = person_of(run)
        if person is None:
            continue
        cast.last_seen[person.ident] = run.start
        cast.titles.setdefault(person.ident, set()).update(_titles(run))
        if len(run.name) > 1 and _KIN_BEFORE.search(text, max(0, run.start - 40), run.start):
            cast.kin.add(person.ident)
        if not run.title and len(run.name) == 1:
            cast.alone[token_key(run.name[0].text)] = person.ident
        elif not run.title and _folded(person.name).endswith(" " + fold(_surface(text, run))):
            cast.alone[fold(_surface(text, run))] = person.ident  # `Ben Hassine put it more simply`
        k = bisect_right(quote_starts, run.start) - 1
        inside = k >= 0 and run.start < quoted[k][1]
        mentions.append(Mention(person.ident, run.start, run.end, "name", inside))
        person_runs.append(run)
    cast.mentions = mentions
    return cast, person_runs


def _vouch_for_lists(text: str, found: list[tuple[Run, bool]], listed: list[int]) -> list[list[str]]:
    """`members A, B, and C`: names listed with a person are people too; returns the lists (folded names)."""
    groups: list[list[int]] = []
    for k in listed:
        if groups and _LIST_GAP.fullmatch(text[found[groups[-1][-1]][0].end:found[k][0].start]):
            groups[-1].append(k)
        else:
            groups.append([k])
    for group in groups:
        if len(group) > 1 and any(found[k][1] for k in group):
            for k in group:
                found[k] = (found[k][0], True)
    return [[fold(_surface(text, found[k][0])) for k in group] for group in groups if len(group) > 1]


# Role nouns that name firms as often as people: `the broadcaster Multimedios`, `the state trader Energocom`.
_FIRM_ROLES = frozenset({"broadcaster", "trader", "developer", "operator", "supplier", "retailer", "carrier",
                         "insurer", "lender", "manufacturer", "producer", "distributor", "publisher", "builder",
                         "contractor", "exporter", "importer", "miner", "refiner", "shipper", "airline", "utility"})
# `the Lady Bernadette` (a boat), `the King James Bible`, `the Queen Mary`: people are not written with
# "the" before a courtesy or noble title (`the Rev.` and `the late` are the news forms that are).
_COURTESY = frozenset({"lady", "sir", "dame", "lord", "king", "queen", "prince", "princess", "mr", "mrs", "ms",
                       "miss", "saint", "st"})
# `the head of Energocom`, `founder of Amazon`: what a person heads or founds is an organisation.
_HEAD_OF = frozenset({"head", "chief", "director", "chairman", "chairwoman", "chair", "founder", "co-founder",
                      "owner", "executive", "ceo", "boss", "manager", "president"})


# Head nouns of an appositive that describes a thing, not a person: `Kilele Safaris, a company with five
# vehicles`, `Santa Leopoldina, a hill town`, `Hof van Twente, a rural municipality`.
_THING_HEADS = word_set("""
company companies firm business businesses fund corporation conglomerate group association cooperative co-operative
authority
charity consultancy startup start-up utility brand chain bank lender insurer airline carrier broadcaster newspaper
agency ministry department council committee board commission party movement coalition alliance union federation
think-tank institute university college school hospital clinic church mosque temple shrine museum
town city village municipality district province region county state country nation suburb neighbourhood
neighborhood island port harbour harbor river lake valley mountain park stadium arena airport station mine plant
factory mill refinery project scheme programme program ship vessel boat trawler ferry tanker freighter yacht
parish hamlet township commune platform collective network
""")
_THING_SKIP = word_set("""
a an the small large big tiny major leading local regional national state-owned few many several
""")


_IN_PLACE = re.compile(r"\b[Ii]n $")
_OWNED = re.compile(r"(?:a|an|the)\s+(?:[\w-]+\s+)?(?:state|family|privately|publicly|foreign|city|government)"
                    r"[- ]owned\b", re.IGNORECASE)
# `Hang Gai street`, `the São Benedito neighbourhood`: a name before a lower-case place noun names the place.
_PLACE_AFTER = re.compile(r" (?:street|road|avenue|lane|square|district|neighbourhood|neighborhood|quarter|province|"
                          r"county|river|valley|market|bridge|station|village|town|estate|mosque|church|cathedral|"
                          r"temple|shrine|hospital|airport|stadium|dam|museum)\b|"
                          r",\s+where\s")  # `the towns of Chañaral and Diego de Almagro, where water is private`
# `the University of Naples Federico II`: a name that goes on after an organisation's `of` is the organisation's.
_ORGANISATION_OF = re.compile(r"\b([A-Z][a-z]+)\s+of\s+(?:the\s+)?$")


def _described_as_thing(text: str, end: int) -> bool:
    """An appositive right after a name whose head noun is a thing (`, a Toronto firm`), or `, which`."""
    match = re.match(r",\s+([^,;:()]{2,80})", text[end:end + 90])
    if not match:
        return False
    sentence_part = re.split(r"\.(?:\s|$)", match.group(1), maxsplit=1)[0]  # to the sentence's end: `, a firm.`
    words = re.findall(r"[\w'’-]+", sentence_part)
    if not words or words[0].lower() == "which":
        return bool(words)
    if _OWNED.match(sentence_part):
        return True  # `Air Selangor, the state-owned water operator,`: people are not owned
    if [w.lower() for w in words[:3]] == ["one", "of", "the"]:
        words = words[2:]  # `Mai Linh, one of the few firms with electric cars`
    if words[0].lower() not in ("a", "an", "the"):
        return False
    phrase: list[str] = []
    window = words[1:10]
    for k, word in enumerate(window):
        low = word.lower()
        if word.isupper() and low in ROLE_NOUNS:
            phrase.append(low)  # `a coalition MP from Haren`: an office written as an abbreviation
            continue
        if word[0].isupper() or (low in ("of", "de", "for") and 0 < k < len(window) - 1 and window[k - 1][0].isupper()
                                 and window[k + 1][0].isupper()):
            continue  # a name inside the phrase: `a University of South Carolina professor`, `a Toronto firm`
        if low in ROLE_NOUNS or low.rstrip("s") in ROLE_NOUNS:
            phrase.append(low)
            continue
        if low in ("and", "or") and phrase:
            continue  # `a fishing and farming town`
        following = window[k + 1].lower() if k + 1 < len(window) else ""
        participle = (low.endswith(("ed", "ing")) or low in ("led", "run")) and following not in ("and", "or") and (
            following in FUNCTION_WORDS or (phrase and phrase[-1] in _THING_HEADS))  # `a group representing X`
        if phrase and (low in FUNCTION_WORDS - _THING_SKIP or participle):
            break  # the noun phrase ends: `a company founded by`, `a hill town of coffee farms`
        if low in FUNCTION_WORDS - _THING_SKIP:
            return False  # `, the first in the family`: no noun phrase
        phrase.append(low)
    head = phrase[-1] if phrase else ""
    return head in _THING_HEADS or (head.endswith("s") and head[:-1] in _THING_HEADS)  # `a union leader` is a person


# `His father, Mokhtar Ben Hassine,`, `her son, Richard Haldane Jr.`: a relative the story brings in beside its subject.
_KIN_BEFORE = re.compile(r"\b(?:his|her|their)\s+(?:late\s+|younger\s+|elder\s+|older\s+)?"
                         r"(?:father|mother|son|daughter|brother|sister|wife|husband|grandfather|grandmother|uncle|aunt|nephew|niece|cousin),\s+$",
                         re.IGNORECASE)
# Between a full name and the next capitalised run: ` of `, ` of the Pakistan ` (a party, a place, not a person).
_OF_AFTER_NAME = re.compile(r" of (?:the )?")
# `the University of Nigeria, Nsukka`, `the University of the West Indies, Mona`: a campus is a place.
_CAMPUS = re.compile(r"\bUniversity of (?:the )?(?:[A-Z][\w'’-]*\s){0,3}[A-Z][\w'’-]*,\s$")


def _goes_on_organisation(text: str, start: int, run: Run) -> bool:
    """`the University of Naples Federico II`, but `Bank of England Governor Andrew Bailey` is a person."""
    head = run.title[0].start if run.title else run.start
    match = _ORGANISATION_OF.search(text, max(start, head - 40), head)
    if not match or any(t.low in TITLES or t.low in ROLE_NOUNS for t in run.title):
        return False
    word = match.group(1).lower()
    return word in ORG_WORDS and word not in TITLES and word not in ROLE_NOUNS


def _titles(run: Run) -> frozenset[str]:
    """The title words before a name (`Professor`, `Rep.`, `Dr.`), lower case, without their full stop."""
    return frozenset(t.low.rstrip(".") for t in run.title if t.low.rstrip(".") in TITLES)


def _courtesy_gender(run: Run) -> str | None:
    """`Mrs Hartley` is a woman, `Mr Greaves` a man; other titles say nothing."""
    titles = {t.low for t in run.title}
    return "f" if titles & {"mrs", "ms", "miss"} else "m" if "mr" in titles else None


# East Slavic patronymics: a given name and patronymic (`Halyna Petrivna`, `Ivan Ilyich`) is the polite way to
# name someone the story already knows by given name and surname.
_PATRONYMIC = re.compile(r"(?:ovna|evna|ivna|ovich|evich|ovych|evych|ivych|ilyich)$")
# Vessels go by people's names: `the rescue boat Emil Sundqvist`, `the trawler Lalla Meryem`.
# `Nestor Bautista, better known on the picket lines as Ka Tor,`, `Hendra, who is also known by his Chinese name,
# Tan Hok Lie,`: the second name is the same person's, not another figure.
_ALIAS = re.compile(r"\s*[,—–-]\s+(?:who\s+(?:is|was)\s+)?(?:(?:also|better|widely|popularly|commonly)\s+)?known\s+"
                    r"(?:(?:to|on|in|at|among|around|across)\s+[^,;:.\"“”]{1,50}?\s+)?"
                    r"(?:as\s+|by\s+(?:his|her|their)\s+[\w\s’'-]{0,30}?name,?\s+)[\"“‘']?")
_VESSELS = frozenset({"boat", "ship", "vessel", "carrier", "dredger", "ferry", "tug", "tugboat", "lifeboat",
                      "trawler", "yacht", "tanker",
                      "freighter", "liner", "frigate", "destroyer", "barge", "cutter", "submarine", "schooner"})


# `Minister of `, `Speaker of the `, `Secretary of Health and `: an office whose portfolio the title words go on.
_OFFICE_BEFORE = re.compile(r"\b([\w-]+) (?:of|for) (?:the )?(?:(?:[A-Z][\w'’-]*|and|&) )*$")


def _named_after_someone(text: str, start: int, run: Run) -> bool:
    """A ship, a street or a stadium named after a person: `the Lady Bernadette`, `Avenida Miguel Alemán`.

    A name after a courtesy title with "the" before it, or after a place or
    organisation word (`Avenida`, `Stadium`) rather than a title or a role,
    names the thing.
    """
    if not run.title:
        return False
    last = run.title[-1]
    office = _OFFICE_BEFORE.search(text[max(start, run.title[0].start - 60):run.title[0].start])
    if last.low in ORG_WORDS and last.low not in TITLES and last.low not in ROLE_NOUNS and not (
            office and (office.group(1).lower() in TITLES or office.group(1).lower() in ROLE_NOUNS)):
        return True  # but `Minister of Transport Pieter van Wyk`, `Speaker of the House Newt Gingrich`
    if run.title[0].low not in _COURTESY:
        return False
    return re.search(r"\bthe\s+$", text[max(start, run.title[0].start - 5):run.title[0].start],
                     re.IGNORECASE) is not None


def _place_names(text: str, singles: list[tuple[Run, bool, bool]]) -> set[str]:
    """Lone capitalised words the story puts after a preposition of place (`in Columbus`, `from Griffith`).

    People are seldom *in* or *from* someone; a word the story uses that way
    at least once is taken for a place (or an organisation: `at Codelco`)
    wherever else it stands, unless a title stands before it (`Mayor Columbus`).
    A word that modifies the noun after it (`the Obama administration`) says
    nothing of what it names.
    """
    out: set[str] = set()
    for run, _, _ in singles:
        if run.title:
            continue
        before = text[max(0, run.start - 40):run.start]
        words = before.split()
        if not words or text[run.start - 1:run.start] != " ":
            continue
        last = fold(words[-1])
        after = re.match(r"\s+([a-z]+)", text[run.end:run.end + 30])
        modifier = after is not None and after.group(1) not in FUNCTION_WORDS and after.group(1) not in _VERB_LIKE
        if modifier:
            continue  # `the Obama administration`, `in Trump Tower`: the word modifies what follows
        if last in _PLACE_PREPOSITIONS or last in ("the", "&") or last.endswith(("'s", "’s")) and last[:-2] in (
                "city", "country", "nation", "state", "region", "town"):
            out.add(run.name[0].low)  # `in Columbus`, `the Commonwealth`, `Casals & Fills`, `the city's Eastside`
        elif last in ("of", "de", "del", "di", "du", "des") and len(words) > 1 and (
                fold(words[-2]) in ORG_WORDS or fold(words[-2]) in _HEAD_OF):
            out.add(run.name[0].low)  # `School of Economics`, `Universidad de los Andes`, `the head of Energocom`
        elif text.startswith(" &", run.end):
            out.add(run.name[0].low)  # `Hartley & Sons`
        elif text[run.start - 2:run.start] == ", " and last.rstrip(",") in _THING_HEADS:
            out.add(run.name[0].low)  # `the city's water authority, Sacmex`
    return out


def _organisation_names(text: str, spans: list[tuple[int, int]]) -> set[str]:
    """Names the story also gives an organisation word: `Franklin Crest` of `Franklin Crest Health`."""
    out: set[str] = set()
    for match in re.finditer(r"((?:[A-Z][\w'’&.-]*\s){1,3})([A-Z][\w'’-]*)", text):
        if fold(match.group(2)) in ORG_WORDS:
            words = match.group(1).split()
            for k in range(len(words)):
                out.add(fold(" ".join(words[k:])))
    return out


def name_end(text: str, run: Run) -> int:
    """Where the name ends in `text`: after an abbreviated suffix's full stop (`Marcus Tolliver Jr.`)."""
    return run.end + 1 if run.name[-1].low in ("jr", "sr") and text.startswith(".", run.end) else run.end


def _surface(text: str, run: Run) -> str:
    """The name as written; an abbreviated suffix keeps its full stop (`Marcus Tolliver Jr.`)."""
    return text[run.start:name_end(text, run)]

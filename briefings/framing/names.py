"""When two name strings are one person: the identity policy of the figure registry.

A wrong merge corrupts two people's histories (a reader asking for John Hill
gets John Hall's quotes), a missed one only splits a history, so the policy is
strict and every loosening is a named convention or a table row
(`name_variants.py`):

1. **Titles are not the name.** Leading titles and honorifics (`Councilmember`,
   `Sen.`, `Former Prime Minister`) are split off into the role
   (`split_title`); a title word that is also a common given name (`Dean`,
   `Earl`) counts as a title only before two or more name words or with a dot.
2. **Generational suffixes are identity**: `Jr.`, `Sr.`, `III` are kept, so
   Martin Luther King Jr. is not Martin Luther King Sr.; a name without one
   is compatible with either (the registry then needs it to be unambiguous).
   Credentials (`PhD`, `MD`) are dropped.
3. **Particles** belong to the surname and are dropped from the key when
   written as particles: lower-case (`Jan van der Berg`, `de la Cruz`,
   `bin Salman`), hyphenated (`al-Assad`, `el-Sisi`), capitalised before
   another particle (`De la Cruz`, `Van der Berg`), or opening a surname
   cited alone (`De Gaulle`, `Bin Laden`). A particle that is also a name
   (`PARTICLES_ALSO_NAMES`, given names) opening a name is a given name: Van
   Jones is not Kevin Jones, Al Gore is not Tipper Gore. Capitalised inside a
   name (`Charles De Gaulle`) it is kept as a middle word.
4. **The last word is the surname** and must agree: spelt alike (after
   folding case, diacritics, Cyrillic), or, for long names (8+ letters),
   within one missing or extra letter (rapidfuzz ratio >= 93). Vowels count:
   Hill is not Hall, Ryan is not Rein.
5. **Transliteration is folded only where it happens**: a word with a Slavic
   surname ending (`-ski/-sky`, `-enko/-enka`, `-vich`, `-ov/-ava`, `-au`,
   `-uk`, ...; `SLAVIC_ENDING`) is compared by its consonant skeleton after
   folding romanisation differences (`kh`/`h`/`g`, Belarusian `ou`/`au`,
   initial `Ts`, Latvian and Polish `c` for `ts` and the Latvian men's `-s`:
   Kuzņecovs = Kuznetsov, Petrovs = Petrov), so Tsikhanouskaya = Tikhanovskaya and Dabravolski =
   Dobrovolsky but Dabravolski is not Dubrouski. Feminine endings stay apart
   from masculine ones: Tsikhanouskaya is not her husband Tsikhanouski.
6. **Given names must be the same name**: spelt alike, one an initial of the
   other (`J. Smith`), in one `GIVEN_NAME_GROUPS` row (Sviatlana = Svetlana,
   Mohammed = Muhammad; Hanna = Anna, Igors = Igor only with Slavic surnames),
   with `j` before a vowel as `y` (Tatjana = Tatyana), or missing
   on one side (a surname alone). Dan is not
   Don. Middle names may be missing on one side but not differ (George H. W.
   Bush is not George W. Bush). A two-word compound surname cited alone
   (`García Márquez`) matches the end of the full name. English diminutives
   (Bill/William) are not merged: only the text can say they are one.

7. **Family name first.** Names a story always writes family-name-first
   (Chinese, Korean, Vietnamese) need no rule of their own: the word that
   differs between two people (Xi Jinping, Xi Mingze) is last, so they stay
   apart. A two-word name written in one story given-name-first and in
   another family-name-first (`Tadashi Wakabayashi`, `Wakabayashi Tadashi`,
   as English and Japanese usage differ) is one person when both words are
   romanised Japanese (kana syllables) and exactly one is a known given name;
   `Lee Morgan` and `Morgan Lee` stay apart.
8. **Japanese long vowels** are written with a macron or spelt out: `Ōno` =
   `Ono` = `Ohno` = `Ouno` = `Oono`, `Yūki` = `Yuki` = `Yuuki`. Only a macron
   licenses the spelt-out forms, so Moore and More stay apart.
9. **Umlauts and Nordic vowels** have their ASCII spellings: `Müller` =
   `Mueller` = `Muller`, `Sjøholt` = `Sjoeholt`, `Vågenes` = `Vaagenes`,
   `Brænne` = `Braenne`. As with macrons, only the letter itself licenses the
   spelt-out form: Moller and Mueller stay apart.
10. **Given names in another order**, or one of several alone (`Grace Wanjiru
   Mwangi`, `Wanjiru Grace Mwangi`, `Wanjiru Mwangi`: East African usage), are
   one person, unless the first given names' genders differ (`José María` is
   not `María José`).

Which of several compatible figures a bare surname or an initial means is the
registry's question (`briefings/registry.py`): it merges only when exactly
one figure fits.

Every function here accepts any string: a name made only of titles, suffixes
or particles is keyed by those words, so a key is empty only for a string
without letters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from briefings.framing.folding import fold
from briefings.framing.gazetteer import FEMALE_FIRST_NAMES, FIRST_NAMES, MALE_FIRST_NAMES, NAME_PARTICLES, TITLES
from briefings.framing.name_variants import (
    CREDENTIALS,
    GENERATIONAL_SUFFIXES,
    GIVEN_NAME_GROUPS,
    PARTICLES_ALSO_NAMES,
    SLAVIC_ENDING,
    SLAVIC_ONLY_GIVEN_NAME_GROUPS,
    TITLES_ALSO_GIVEN,
)

SAME_PERSON_THRESHOLD = 85.0
TYPO_RATIO = 93.0  # one letter more or less in a surname of 8+ letters
TYPO_MIN_LENGTH = 8

_DIGRAPHS = (
    ("tch", "C"), ("sch", "S"), ("shch", "S"), ("sh", "S"), ("ch", "C"), ("zh", "Z"), ("kh", "g"), ("gh", "g"),
    ("ph", "f"), ("th", "t"), ("ck", "k"), ("x", "ks"), ("q", "k"), ("w", "v"), ("j", "y"),
    ("dz", "d"), ("tz", "z"),
)
_FEMININE = re.compile(r"(?:aya|aja|aia|ska|ova|ava|eva|ina|yna|ayte|ute|yte|ien[eė])$")
_LATVIAN_MASCULINE = re.compile(r"([oe]v)s$")  # `-s` of Latvian men's surnames: Petrovs, Kuzņecovs
_SOFT_U = re.compile(r"([aeo])u(?=[^aeiouy]|$)")
_VOWELS = re.compile(r"[aeiouy]+")
_REPEATS = re.compile(r"(.)\1+")
_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")
_TITLE_WORDS = TITLES


@lru_cache(maxsize=131072)
def _given_form(letters: str) -> str:
    """Fold the spelling differences between romanisations of one given name (`Yevgeniy`/`Evgeny`)."""
    letters = re.sub(r"y(?=[aeiou])", "i", letters)
    letters = re.sub(r"(?<=[a-z])j(?=[aeiou])", "i", letters)  # Latvian, German, Polish `j`: Tatjana = Tatyana
    return re.sub(r"(?:iy|ii|yi|ij|y)$", "i", letters)


_GIVEN: dict[str, str] = {_given_form(v): group[0] for group in GIVEN_NAME_GROUPS for v in group}
_SLAVIC_GIVEN: dict[str, str] = {_given_form(v): group[0] for group in SLAVIC_ONLY_GIVEN_NAME_GROUPS for v in group}


@dataclass(frozen=True)
class NameParts:
    """A personal name taken apart: the title before it, the name words proper, and a generational suffix."""

    title: str
    untitled: str  # the name as written, from its first word after the title
    words: tuple[str, ...]
    suffix: str


def _bare(word: str) -> str:
    return re.sub(r"['’]s$", "", word).strip(".'’-")


@lru_cache(maxsize=65536)
def parse_name(name: str) -> NameParts:
    """Split `name` into title, name words (particles dropped) and suffix; see the module docstring."""
    matches = list(_WORD.finditer(name))
    bare = [_bare(m.group()) for m in matches]
    low = [fold(b) for b in bare]
    end, suffix = len(bare), ""
    while end > 1 and (low[end - 1] in GENERATIONAL_SUFFIXES or low[end - 1] in CREDENTIALS):
        suffix = suffix or GENERATIONAL_SUFFIXES.get(low[end - 1], "")
        end -= 1
    start = 0
    named = next((i for i in range(end) if low[i] not in _TITLE_WORDS), 0)  # all title: keep it whole
    while start < named and (
        low[start] not in TITLES_ALSO_GIVEN or end - start > 2 or matches[start].group().endswith(".")
    ):
        start += 1
    words = [bare[i] for i in range(start, end) if bare[i] and not _is_particle(bare, low, i, start, end)]
    cut = matches[start].start() if start else 0
    return NameParts(name[:cut].strip(" ,"), name[cut:].strip(), tuple(words or (b for b in bare[start:end] if b)),
                     suffix)


def _is_particle(bare: list[str], low: list[str], i: int, start: int, end: int) -> bool:
    """Whether word `i` is a surname particle to drop (rule 3 of the module docstring)."""
    if low[i] not in NAME_PARTICLES or i == end - 1:
        return False
    if bare[i][:1].islower() or low[i + 1] in NAME_PARTICLES:
        return True  # `van der Berg`, `De la Cruz`
    # `De Gaulle`, `Bin Laden` cited alone; but `Van Jones`, `Al Gore` open with a given name
    return i == start and low[i] not in FIRST_NAMES and low[i] not in PARTICLES_ALSO_NAMES


def split_title(name: str) -> tuple[str, str]:
    """Split a leading title off a name: `Councilmember Maria Delgado` -> (`Councilmember`, `Maria Delgado`).

    The title belongs in the figure's role; the rest is the name to register
    and to look up. A name that is all title (`Prime Minister`) is kept whole.
    """
    parts = parse_name(name)
    return parts.title, parts.untitled


def name_tokens(name: str) -> list[str]:
    """The words of a name without titles, suffixes, particles or possessive `'s` (never empty for letters)."""
    return list(parse_name(name).words)


def _skeleton(word: str) -> str:
    """The consonant skeleton of a transliterated word, feminine endings marked `+f`."""
    feminine = len(word) > 4 and bool(_FEMININE.search(word))
    word = _LATVIAN_MASCULINE.sub(r"\1", word)  # Latvian `Petrovs` is Russian `Petrov`
    if word.startswith("ts"):
        word = "t" + word[2:]
    word = word.replace("ts", "c")  # Latvian and Polish `c` is `ts`: Kuzņecovs = Kuznetsov
    word = _SOFT_U.sub(r"\1v", word)
    for old, new in _DIGRAPHS:
        word = word.replace(old, new)
    word = word.replace("h", "g")
    key = _REPEATS.sub(r"\1", word[0] + _VOWELS.sub("", word[1:]))
    return key + ("+f" if feminine else "")


_GAELIC_PATRONYMIC = re.compile(r"^M(?:a?c)(?=[A-Z])")  # MacRae, McRae, MacDonald; not Mack or Macy


@lru_cache(maxsize=65536)
def token_key(token: str) -> str:
    """The comparable key of one name word: its given-name group, its Slavic skeleton, or its folded spelling."""
    word = fold(_bare(token))
    if _GAELIC_PATRONYMIC.match(_bare(token)):
        word = "mc" + word[3 if word.startswith("mac") else 2:]  # MacRae = McRae: one prefix, two spellings
    head, dash, tail = word.partition("-")
    if dash and tail and head in NAME_PARTICLES:
        word = tail  # `al-Assad`, `el-Sisi`, `Ben-Gurion`
    letters = re.sub(r"[^a-z]", "", word)
    if not letters:
        return ""
    given = _GIVEN.get(_given_form(letters))
    if given:
        return given
    if _looks_slavic(letters):
        return _skeleton(letters)
    return letters


def _looks_slavic(letters: str) -> bool:
    return len(letters) > 3 and bool(SLAVIC_ENDING.search(letters))


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """One key for a personal name without its suffix: the token keys joined by spaces.

    >>> name_key("Sviatlana Tsikhanouskaya") == name_key("Svetlana Tikhanovskaya")
    True
    """
    return " ".join(k for k in (token_key(t) for t in parse_name(name).words) if k)


def identity_key(name: str) -> str:
    """The registry's key of a name: `name_key` plus the generational suffix (`martin luther king,jr`)."""
    key = name_key(name)
    suffix = parse_name(name).suffix
    return f"{key},{suffix}" if key and suffix else key


def surname_key(name: str) -> str:
    """The key of the surname (the last name word, the part a story repeats alone)."""
    keys = name_key(name).split()
    return keys[-1] if keys else ""


@lru_cache(maxsize=65536)
def _keyed(name: str) -> tuple[tuple[str, ...], tuple[str, ...], str, bool]:
    """(token keys, their initial letters, suffix, whether the surname looks Slavic) of a name."""
    parts = parse_name(name)
    letters = [re.sub(r"[^a-z]", "", fold(w)) for w in parts.words]
    pairs = [(token_key(w), low[:1]) for w, low in zip(parts.words, letters, strict=True)]
    pairs = [(k, i) for k, i in pairs if k]
    slavic = bool(letters) and _looks_slavic(letters[-1])
    return tuple(k for k, _ in pairs), tuple(i for _, i in pairs), parts.suffix, slavic


def _surname_score(a: str, b: str) -> float:
    if a == b:
        return 100.0
    if a.endswith("+f") != b.endswith("+f"):
        return 0.0
    ratio = float(fuzz.ratio(a, b))
    if min(len(a), len(b)) >= TYPO_MIN_LENGTH and ratio >= TYPO_RATIO:
        return ratio
    return ratio * 0.5


def _given_compatible(
    ka: tuple[str, ...], ia: tuple[str, ...], kb: tuple[str, ...], ib: tuple[str, ...], *, slavic: bool
) -> bool:
    """Given names agree position by position (equal, an initial, one Slavic name) as far as both go."""
    return all(
        x == y or ((len(x) == 1 or len(y) == 1) and p == q)
        or (slavic and _slavic_given(x) == _slavic_given(y))
        for x, y, p, q in zip(ka, kb, ia, ib, strict=False)
    )


def _reordered_given(ga: tuple[str, ...], gb: tuple[str, ...], a: str, b: str) -> bool:
    """`Grace Wanjiru Mwangi` = `Wanjiru Grace Mwangi` = `Wanjiru Mwangi`: the same given names in another
    order, or one of them alone (East African usage puts the Christian or the ethnic name first, and calls
    people by either), unless the first names' genders differ (`José María` is a man, `María José` a
    woman). Initials do not count here: `J. Smith` is left to the usual rule."""
    short, long = sorted((ga, gb), key=len)
    if len(long) < 2 or not short or ga == gb or any(len(g) < 2 for g in ga + gb):
        return False
    if sorted(ga) != sorted(gb) and not (len(short) < len(long) and set(short) < set(long)):
        return False  # `Wanjiru Mwangi` for Grace Wanjiru Mwangi: the second given name, used alone
    genders = set()
    for name in (a, b):
        first = fold(parse_name(name).words[0])
        genders.add("f" if first in FEMALE_FIRST_NAMES else "m" if first in MALE_FIRST_NAMES else None)
    return len(genders - {None}) < 2


def _slavic_given(key: str) -> str:
    """A given name's group among Slavic names, Latvian men's `-s` off (`Aleksandrs`, `Igors` are Aleksandr, Igor)."""
    for form in (key, key[:-1] if key.endswith("s") else ""):
        group = _SLAVIC_GIVEN.get(_given_form(form)) or _GIVEN.get(_given_form(form))
        if form and group:
            return group
    return key


def _compound_surname_of(short: tuple[str, ...], long: tuple[str, ...], first: str) -> bool:
    """`García Márquez` cited alone for `Gabriel García Márquez` (two words, no given name first)."""
    return len(short) == 2 and len(long) > 2 and long[-2:] == short and first not in FIRST_NAMES


_SPELT_LETTERS = {"ō": ("o", "oh", "ou", "oo"), "Ō": ("O", "Oh", "Ou", "Oo"), "ū": ("u", "uu"), "Ū": ("U", "Uu"),
           # German and Nordic letters, with their ASCII spellings (`Müller`: Mueller, `Vågenes`: Vaagenes)
           "ä": ("a", "ae"), "Ä": ("A", "Ae"), "ö": ("o", "oe"), "Ö": ("O", "Oe"), "ü": ("u", "ue"),
           "Ü": ("U", "Ue"), "ø": ("o", "oe"), "Ø": ("O", "Oe"), "å": ("a", "aa"), "Å": ("A", "Aa")}
_SPELLABLE_LETTER = re.compile("[" + "".join(_SPELT_LETTERS) + "]")


def _spelt_out(name: str) -> list[str]:
    """The spellings of a name's long vowels and umlauts (`Ōno`: Ono, Ohno, Ouno, Oono; `Müller`: Muller, Mueller)."""
    forms = [""]
    for piece in re.split(f"({_SPELLABLE_LETTER.pattern})", name):
        options = _SPELT_LETTERS.get(piece, (piece,))
        forms = [f + o for f in forms for o in options][:64]
    return forms


# Romanised Japanese: kana syllables only (`wa-ka-ba-ya-shi`, `ta-da-shi`); `Morgan` and `Lee` are not.
_ROMAJI = re.compile(r"(?:(?:[kgsztdnhbpmr]y?|sh|ch|ts|j|f|w|y)?[aeiou](?:h(?![aeiouy]))?|n(?![aeiouy]))+")  # `Ohno`


def _reversed_order(a: str, b: str) -> bool:
    """`Tadashi Wakabayashi` against `Wakabayashi Tadashi`: the two words swapped, exactly one a given name."""
    wa, wb = parse_name(a).words, parse_name(b).words
    if len(wa) != 2 or len(wb) != 2 or wa[0][:1].lower() != wb[1][:1].lower():
        return False
    la, lb = [fold(w) for w in wa], [fold(w) for w in wb]
    if la != lb[::-1] or la[0] == la[1]:
        return False
    return all(_ROMAJI.fullmatch(w) for w in la) and (la[0] in FIRST_NAMES) != (la[1] in FIRST_NAMES)


@lru_cache(maxsize=65536)
def name_similarity(a: str, b: str) -> float:
    """Score 0-100 of how likely two name strings denote one person (the policy of the module docstring)."""
    if _SPELLABLE_LETTER.search(a) or _SPELLABLE_LETTER.search(b):
        return max(_similarity(x, y) for x in _spelt_out(a) for y in _spelt_out(b))
    return _similarity(a, b)


def _similarity(a: str, b: str) -> float:
    if _reversed_order(a, b):
        return 100.0
    ka, ia, sa, slavic_a = _keyed(a)
    kb, ib, sb, slavic_b = _keyed(b)
    if not ka or not kb or (sa and sb and sa != sb):
        return 0.0
    last = _surname_score(ka[-1], kb[-1])
    if last < SAME_PERSON_THRESHOLD:
        return last * 0.5
    if len(ka) == 1 or len(kb) == 1:
        return last * 0.95
    if _given_compatible(ka[:-1], ia[:-1], kb[:-1], ib[:-1], slavic=slavic_a and slavic_b):
        return last
    if _reordered_given(ka[:-1], kb[:-1], a, b):
        return last
    short, long, name = (ka, kb, a) if len(ka) < len(kb) else (kb, ka, b)
    if _compound_surname_of(short, long, fold(name_tokens(name)[0])):
        return last
    return 0.0


def same_person(a: str, b: str) -> bool:
    """Whether two name strings (any spelling, with or without titles) may denote one person."""
    return name_similarity(a, b) >= SAME_PERSON_THRESHOLD

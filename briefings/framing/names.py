"""Comparable keys for personal names across spellings and transliterations.

Belarusian, Russian and Ukrainian names reach English news in several
romanisations: `Tsikhanouskaya` / `Tikhanovskaya`, `Lukashenka` /
`Lukashenko`, `Siarhei` / `Sergei`, `Kavaleuski` / `Kovalevsky`. A key keeps
what these spellings share, the consonant skeleton, after folding the
systematic differences:

- diacritics and ligatures (`Ceaușescu` -> `ceausescu`, `ł` -> `l`);
- digraphs (`kh`/`h`/`g` -> one sound, `x` -> `ks`, `ph` -> `f`, `w` -> `v`);
- the Belarusian short u (`ou`, `au`, `eu` before a consonant -> `ov`, `av`, `ev`);
- the soft `ts`/`t` at a word start (`Tsikhanouski` / `Tikhanovsky`);
- vowels other than a word's first letter, which carry most variation
  (`Sviatlana` / `Svetlana`, `Latushka` / `Latushko`).

Feminine surname endings (`-aya`, `-ova`, `-ina`, `-ska`) are kept apart from the
masculine ones, so `Tsikhanouskaya` never matches her husband `Tsikhanouski`.

`name_key` gives one key per name; `name_similarity` scores two names (0-100)
with rapidfuzz on those keys, and `same_person` decides. The cross-story figure
registry builds on these three functions.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

from briefings.framing.gazetteer import NAME_PARTICLES, NAME_SUFFIXES, TITLES

SAME_PERSON_THRESHOLD = 85.0

_SPECIAL = str.maketrans({
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "Ae",
    "œ": "oe", "Œ": "Oe", "ı": "i", "þ": "th", "ð": "d", "’": "'", "‘": "'", "ʼ": "'",
})
_DIGRAPHS = (
    ("sch", "S"), ("shch", "S"), ("sh", "S"), ("ch", "C"), ("zh", "Z"), ("kh", "g"), ("gh", "g"),
    ("ph", "f"), ("th", "t"), ("ck", "k"), ("x", "ks"), ("q", "k"), ("w", "v"), ("j", "y"),
    ("dz", "d"), ("tz", "z"),
)
_FEMININE = re.compile(r"(?:aya|aja|aia|ska|ova|ava|eva|ina|yna|ayte|ute|yte|ien[eė])$")
_SOFT_U = re.compile(r"([aeo])u(?=[^aeiouy]|$)")
_VOWELS = re.compile(r"[aeiouy]+")
_REPEATS = re.compile(r"(.)\1+")


@lru_cache(maxsize=131072)
def fold(text: str) -> str:
    """Lower-case ASCII letters of `text`, with diacritics and ligatures folded."""
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.lower()


def name_tokens(name: str) -> list[str]:
    """The words of a name without titles, suffixes, particles or possessive `'s`."""
    words = re.findall(r"[^\W\d_][\w'’.\-]*", name)
    out: list[str] = []
    for word in words:
        bare = re.sub(r"['’]s$", "", word).strip(".'’")
        low = fold(bare)
        if not low or low in NAME_SUFFIXES:
            continue
        if not out and low in TITLES:
            continue
        if low in NAME_PARTICLES and word is not words[-1]:
            continue  # `de la Cruz`, `van der Berg`: keys compare the name proper
        out.append(bare)
    return out


@lru_cache(maxsize=65536)
def token_key(token: str) -> str:
    """The transliteration-proof key of one name word (see the module docstring)."""
    word = re.sub(r"[^a-z]", "", fold(token))
    if not word:
        return ""
    feminine = len(word) > 4 and bool(_FEMININE.search(word))
    if word.startswith("ts"):
        word = "t" + word[2:]
    word = _SOFT_U.sub(r"\1v", word)
    for old, new in _DIGRAPHS:
        word = word.replace(old, new)
    word = word.replace("h", "g")
    head, rest = word[0], word[1:]
    rest = _VOWELS.sub("", rest)
    key = _REPEATS.sub(r"\1", head + rest)
    return key + ("+f" if feminine else "")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """One key for a personal name: the token keys joined by spaces.

    >>> name_key("Sviatlana Tsikhanouskaya") == name_key("Svetlana Tikhanovskaya")
    True
    """
    return " ".join(k for k in (token_key(t) for t in name_tokens(name)) if k)


def surname_key(name: str) -> str:
    """The key of the last word of a name (the part a story repeats alone)."""
    keys = name_key(name).split()
    return keys[-1] if keys else ""


def name_similarity(a: str, b: str) -> float:
    """Score 0-100 of how likely two name strings denote one person.

    Surnames must agree (by key, or by rapidfuzz ratio for typos); given names
    then agree, abbreviate each other (`J. Smith`), or one of them is missing.
    """
    ka, kb = name_key(a).split(), name_key(b).split()
    if not ka or not kb:
        return 0.0
    last = fuzz.ratio(ka[-1], kb[-1])
    if ka[-1].endswith("+f") != kb[-1].endswith("+f"):
        return 0.0
    if last < SAME_PERSON_THRESHOLD:
        return float(last) * 0.5
    firsts_a, firsts_b = ka[:-1], kb[:-1]
    if not firsts_a or not firsts_b:
        return float(last) * 0.95
    fa, fb = firsts_a[0], firsts_b[0]
    initials = len(fa) == 1 or len(fb) == 1  # `J. Smith`
    first = (100.0 if fa[0] == fb[0] else 0.0) if initials else float(fuzz.ratio(fa, fb))
    return min(float(last), first)


def same_person(a: str, b: str) -> bool:
    """Whether two name strings (any spelling, with or without titles) denote one person."""
    return name_similarity(a, b) >= SAME_PERSON_THRESHOLD

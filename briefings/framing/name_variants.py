"""The data behind name identity: variant tables, not rules fitted to stories.

`names.py` reads these tables to decide when two spellings are one person.
Each entry is a general convention or a real variant pair; none is here for a
single story. To teach the registry a new equivalence, add a row here (and a
pair to `tests/test_identity_pairs.py`), not a regex in `names.py`.

- `GIVEN_NAME_GROUPS`: one given name across languages and romanisations
  (Belarusian, Ukrainian and Russian forms of one Slavic name; Catalan and
  Spanish forms, Jordi/Jorge; Arabic romanisations);
  `SLAVIC_ONLY_GIVEN_NAME_GROUPS`: the same, for forms that are different
  names outside Slavic languages (Hanna/Anna). English diminutives
  (Bill/William, Bob/Robert) are left out on purpose: a diminutive is often
  another person's full name (a Bill is not every William), so only the text
  itself may join them.
- `CYRILLIC`: Cyrillic to Latin, a simple BGN/PCGN-like scheme covering
  Russian, Ukrainian and Belarusian letters. A table rather than a library:
  Unidecode is GPL-2.0 (this project ships MIT), and cyrtranslit needs the
  language up front, which a name alone does not tell. Matching folds the
  differences between schemes anyway (see `names.py`).
- `SLAVIC_ENDING`: surname endings that mark a name as a Slavic (or
  Polish, or Lithuanian feminine, or Latvian: `Petrovs`, `Kuzņecovs`)
  romanisation, the only names whose vowels are compared loosely
  (`Lukashenka` / `Lukashenko`).
- `GENERATIONAL_SUFFIXES` (part of identity: Jr. is not Sr.) and
  `CREDENTIALS` (dropped: PhD says nothing about who).
- `PARTICLES_ALSO_NAMES`: particles that are names too when they open one.
- `TITLES_ALSO_GIVEN`: titles that are common given names too (`Dean Baker`).
"""

from __future__ import annotations

import re

GIVEN_NAME_GROUPS: tuple[tuple[str, ...], ...] = (
    ("aliaksandr", "alexander", "aleksandr", "alexandr", "oleksandr", "alyaksandr", "aleksander"),
    ("aliaksandra", "alexandra", "aleksandra", "oleksandra"),
    ("aliaksei", "aleksei", "alexei", "alexey", "aleksey", "oleksiy", "oleksii", "alyaksei"),
    ("aleh", "oleg", "oleh"),
    ("anastasiya", "anastasia", "anastasija"),
    ("andrei", "andrey", "andriy", "andrii", "andrej"),
    ("dzmitry", "dmitry", "dmitri", "dmytro", "dmitriy"),
    ("heorhi", "georgy", "georgi", "heorhiy"),
    ("ihar", "igor", "ihor"),
    ("iryna", "irina"),
    ("katsiaryna", "ekaterina", "yekaterina", "kateryna", "katerina"),
    ("kiryl", "kirill", "kyrylo"),
    ("leanid", "leonid"),
    ("maryia", "maria", "mariya", "mariia", "marya"),
    ("mikalai", "nikolai", "nikolay", "mykola"),
    ("mikhail", "mykhailo", "mikhal", "mikhailo"),
    ("natallia", "natalia", "natalya", "nataliya"),
    ("pavel", "pavlo", "paval"),
    ("piotr", "pyotr", "petr", "petro", "piatro"),
    ("ryhor", "grigory", "grigoriy", "hryhoriy", "hryhorii"),
    ("siarhei", "sergei", "sergey", "serhiy", "serhii", "sergiy", "siarhiej"),
    ("sviatlana", "svetlana", "svitlana"),
    ("tatsiana", "tatiana", "tatyana", "tetiana", "tetyana"),
    ("uladzimir", "vladimir", "volodymyr", "uladzimer"),
    ("vasil", "vasily", "vasyl", "vasiliy", "vasili"),
    ("viktar", "viktor"),
    ("volha", "olga", "olha"),
    ("yauhen", "yevgeny", "evgeny", "yevhen", "yevgeniy", "evgeni", "evgenii"),
    ("yulia", "yuliya", "iulia"),
    ("yuri", "yury", "yuriy", "iouri", "yurii", "juri"),
    # Spanish: the old spelling of the j sound
    ("ximena", "jimena"),
    # Catalan and Spanish forms of one given name (Catalans are often written both ways)
    ("jordi", "jorge"),
    ("josep", "jose"),
    ("pere", "pedro"),
    ("miquel", "miguel"),
    ("francesc", "francisco"),
    ("xavier", "javier"),
    ("lluis", "luis"),
    ("enric", "enrique"),
    # Arabic romanisations
    ("abdel", "abdul", "abd"),
    ("ahmed", "ahmad"),
    ("hassan", "hasan"),
    ("hussein", "husayn", "hussain", "husain"),
    ("mohammed", "muhammad", "mohamed", "mohammad", "muhammed", "mohamad"),
    ("omar", "umar"),
    ("osama", "usama"),
    ("youssef", "yousef", "yusuf", "youssouf"),
)

# One name in Belarusian/Ukrainian/Russian but two names elsewhere (German Hanna and
# Anna, Czech Alena and Elena): joined only between names with Slavic surnames.
SLAVIC_ONLY_GIVEN_NAME_GROUPS: tuple[tuple[str, ...], ...] = (
    ("hanna", "anna", "ganna"),
    ("alena", "olena", "yelena", "elena"),
)

CYRILLIC: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "yo", "є": "ye", "ж": "zh",
    "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ў": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}

SLAVIC_ENDING = re.compile(
    r"(?:sk(?:i|y|yi|yy|iy|ii|a|aya|aia|aja)|[ei]nk[oa]|vi?t?ch|ich|wicz|czyk|chyk|[oe]va?|yeva?|ava"
    r"|[^e]au|ou|[iy]?uk|ushk[ao]|aya|aia|[iy]kh|yte|aite|iene|[oe]vs)$"
)

GENERATIONAL_SUFFIXES: dict[str, str] = {
    "jr": "jr", "jnr": "jr", "junior": "jr", "sr": "sr", "snr": "sr", "senior": "sr",
    "ii": "ii", "iii": "iii", "iv": "iv",
}
CREDENTIALS = frozenset({"phd", "md", "esq", "mp", "mep", "qc", "kc", "obe", "mbe", "cbe"})

# Particles that also open names as given or family names (Van Jones, Del Shannon,
# Vietnamese Le Duc Anh): capitalised first, they stay name words.
PARTICLES_ALSO_NAMES = frozenset({"van", "st", "del", "della", "le", "da", "ben", "al"})
TITLES_ALSO_GIVEN = frozenset({"dean", "earl", "major", "marshal", "prince", "king", "bishop", "judge"})

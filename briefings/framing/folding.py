"""One way to compare letters: the fold every name, token and gazetteer entry goes through.

Words are compared lower-case, without diacritics, with ligatures and
Cyrillic spelled out in Latin letters, so `Università`, `Rosângela`, `Łukasz`
and `Марчук` meet their plain spellings. The gazetteer folds its tables with
this too, so a table entry matches the tokens the framer reads.
"""

from __future__ import annotations

import unicodedata

from briefings.framing.name_variants import CYRILLIC

_SPECIAL = str.maketrans({
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "Ae",
    "œ": "oe", "Œ": "Oe", "ı": "i", "þ": "th", "ð": "d", "’": "'", "‘": "'", "ʼ": "'",
})
_CYRILLIC = str.maketrans(CYRILLIC)


def fold(text: str) -> str:
    """Lower-case Latin letters of `text`: Cyrillic transliterated, diacritics and ligatures folded."""
    text = text.translate(_SPECIAL).lower().translate(_CYRILLIC)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))

"""Who a person is, as the story says it: titles, role words and appositives.

News gives a role in three places around a name, and all of them are read:

- before it, as a title or a role phrase: `historian Alexander Friedman`,
  `U.S. Special Envoy Keith Kellogg`, `Lukashenko's late Foreign Minister X`;
- after it, as an appositive: `X, a former ambassador and culture minister,`
  or `X, who heads the think-tank,`;
- before it, as an inverted appositive: `the sister of Y, X, ...`.

Every phrase found at any mention is kept (stories add to a role as they go),
and `describe` joins the first few.
"""

from __future__ import annotations

import re

from briefings.framing.cues import SPEECH_VERBS
from briefings.framing.gazetteer import FUNCTION_WORDS, ROLE_NOUNS, TITLES
from briefings.framing.people import Run, Token, tokens

MAX_ROLE_WORDS = 25
MAX_ROLES = 3
_STOP = FUNCTION_WORDS - ROLE_NOUNS - {"and", "former", "late"}
_STARTERS = re.compile(
    r"(?:a|an|the|former|ex-\w+|then-\w+|one of|who|whose|now|also|chief|senior|longtime|veteran|"
    r"himself|herself|newly)\b", re.IGNORECASE,
)
_APPOSITIVE_END = re.compile(r"[,;:()—–]|\.(?:\s|$)")
# `cabinet members A, B, and C`: a plural role before a list of names applies to each.
_LIST_GAP = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
_INVERTED_START = re.compile(
    r"(?:^|[,;:\"”]\s*|\s)((?:the|a|an|his|her|their)\s[^,;:\"”]{3,120})$", re.IGNORECASE
)


def _words(phrase: str) -> list[str]:
    return re.findall(r"[\w'’\-/]+", phrase.lower())


def _has_role_noun(phrase: str) -> bool:
    return any(w in ROLE_NOUNS or w.rstrip("s") in ROLE_NOUNS for w in _words(phrase))


def role_before(text: str, start: int, anchor: int, *, need_head: bool = True) -> str | None:
    """The role phrase ending right before offset `anchor`, e.g. `RFE/RL political analyst`.

    Without `need_head` (a title follows, as in `Lukashenko's late Foreign
    Minister X`) the phrase need not end in a role noun.
    """
    words = tokens(text, start, anchor)
    picked: list[Token] = []
    nxt = anchor
    for word in reversed(words):
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
    match = re.compile(r",\s+").match(text, run.end, end)
    if not match:
        return None
    rest_start = match.end()
    stop = _APPOSITIVE_END.search(text, rest_start, end)
    phrase = text[rest_start:stop.start() if stop else end].strip()
    words = _words(phrase)
    if not words or len(words) > MAX_ROLE_WORDS or words[0] in SPEECH_VERBS or words[0] in ("and", "or"):
        return None
    if _STARTERS.match(phrase) or _has_role_noun(" ".join(words[:5])):
        return phrase
    return None


def role_inverted(text: str, start: int, run: Run) -> str | None:
    """`the sister of Y, X`: a role phrase that ends in a comma right before the name."""
    before = text[start:run.start].rstrip()
    if not before.endswith(","):
        return None
    match = _INVERTED_START.search(before[:-1])
    if not match or not _has_role_noun(" ".join(_words(match.group(1))[:4])):
        return None  # `his views are shared by A, B`: a clause, not a role
    return match.group(1).strip()


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


def roles_at(text: str, sentence: tuple[int, int], run: Run) -> list[str]:
    """Every role phrase around one mention of a person."""
    start, end = sentence
    found: list[str] = []
    first = next((t for t in run.title if t.low not in FUNCTION_WORDS), None)
    title = text[first.start:run.title[-1].end] if first else ""
    anchor = first.start if first else run.start
    before = role_before(text, start, anchor, need_head=not title) if anchor > start else None
    joined = " ".join(p for p in (before, title) if p)
    if joined:
        found.append(joined)
    if not joined:
        listed = role_of_list(text, start, run)
        if listed:
            found.append(listed)
    for phrase in (role_after(text, run, end), role_inverted(text, start, run)):
        if phrase:
            found.append(phrase)
    return [f.strip(" ,") for f in found if f.strip(" ,")]


def describe(roles: list[str]) -> str | None:
    """One role string from the phrases found, without repeats."""
    seen: list[str] = []
    for role in roles:
        if not any(role.lower() in s.lower() for s in seen):
            seen = [s for s in seen if s.lower() not in role.lower()]
            seen.append(role)
    return "; ".join(seen[:MAX_ROLES]) or None

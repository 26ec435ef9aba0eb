"""Verbs and phrases that signal speech, stance, alliance and contrast.

Attribution looks for a person next to a *speech verb* (`said`, `told`,
`warns`); stance holders are people who are the subject of a *stance verb*
(`supports`, `opposes`, `argues`, `called for`); sides come from *alliance*
cues (`agrees`, `echoed`, `ally of`) and *contrast* cues (`but`, `disagrees`,
`criticized`). Every verb is listed with its inflections, generated once here
so the other modules only do set lookups.
"""

from __future__ import annotations

from briefings.framing.gazetteer import word_set


def _inflect(bases: str) -> frozenset[str]:
    """Base verbs, plus their -s, -ed and -ing forms (regular spelling rules)."""
    out: set[str] = set()
    for base in bases.replace("\n", " ").split():
        out.add(base)
        if base.endswith("e"):
            out |= {base + "s", base + "d", base[:-1] + "ing"}
        elif base.endswith("y") and base[-2:-1] not in "aeiou":
            out |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
        elif base.endswith(("s", "sh", "ch", "x", "z")):
            out |= {base + "es", base + "ed", base + "ing"}
        else:
            out |= {base + "s", base + "ed", base + "ing"}
    return frozenset(out)


_IRREGULAR_SPEECH = word_set("""
say says said saying tell tells told telling write writes wrote written writing speak speaks spoke
speaking think thinks thought thinking put puts feel feels felt hold holds held sing sings sang
singing read reads chant chants chanted quote quotes quoted recite recites recited
""")

SPEECH_VERBS = _IRREGULAR_SPEECH | _inflect("""
add ask state explain note argue warn insist claim declare announce recall continue reply respond
answer concede acknowledge admit agree suggest stress emphasize emphasise underscore observe remark
comment quip joke tweet post demand urge predict believe complain lament boast conclude caution
counter object protest wonder muse shout yell scream whisper exclaim testify contend maintain allege
reiterate repeat confirm deny disclose reveal pledge promise vow threaten recount describe call
assert affirm propose point charge blast slam criticize criticise accuse add admonish advise
explain interject insist opine plead reckon retort sigh snap stress summarize summarise tout
fume rail mock dismiss estimate report tweet text email message acknowledge
""")

# Verbs whose subject takes a position, in indirect speech or not.
STANCE_VERBS = SPEECH_VERBS | word_set("""
support supports supported supporting back backs backed backing favor favors favored favour favours
favoured oppose opposes opposed opposing reject rejects rejected want wants wanted need needs needed
prefer prefers preferred advocate advocates advocated advocating endorse endorses endorsed doubt
doubts doubted fear fears feared hope hopes hoped see sees saw sided sides side disagree disagrees
disagreed agree agrees agreed echo echoes echoed share shares shared defend defends defended
condemn condemns condemned welcome welcomes welcomed question questions questioned push pushes
pushed lobby lobbies lobbied campaign campaigns campaigned seek seeks sought resist resists resisted
praise praises praised applaud applauds applauded challenge challenges challenged refuse refuses
refused call calls called promote promotes promoted promoting
""")

# Alliance and contrast, read between figures.
ALLIANCE_WORDS = word_set("""
agrees agree agreed echoed echoes echoing backed backs backing ally allies allied supporter
supporters shared shares sharing joined joins seconded seconds endorsed endorses likewise similarly
also too advisor adviser deputy aide spokesperson spokesman spokeswoman colleague associate
""")

CONTRAST_WORDS = word_set("""
but however disagrees disagree disagreed differently critic critics criticized criticised
criticizes criticises opponent opponents opposes opposed contrast unlike whereas rejects rejected
dismissed dismisses countered counters rebuffed rebuts rebutted objects objected although yet
""")

CONTRAST_PHRASES = (
    "sees it differently", "see it differently", "on the other side", "on the other hand",
    "takes a different view", "take a different view", "disagrees", "is not convinced",
    "is less sure", "pushed back", "pushes back", "in contrast", "by contrast", "a different view",
    "the opposite", "not everyone agrees", "others disagree", "hypocritical", "lashed out at",
)

ALLIANCE_PHRASES = (
    "agrees with", "agreed with", "echoed", "echoes", "backed by", "sides with", "sided with",
    "shares the view", "shared the view", "shared by", "share the view", "in line with",
    "on the same side", "joined", "seconded", "ally", "allies",
)

PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "his": "m", "hers": "f"}

ATTRIBUTION_ADVERBS = word_set("""
also later then again recently previously earlier once simply flatly bluntly firmly quietly
publicly privately repeatedly separately further told has had have
""")

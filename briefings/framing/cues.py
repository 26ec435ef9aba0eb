"""Verbs that signal speech and stance, and the words around an attribution.

Attribution looks for a person next to a *speech verb* (`said`, `told`,
`warns`); stance holders are people who are the subject of a *stance verb*
(`supports`, `opposes`, `argues`, `called for`). Every verb is listed with its
inflections, generated once here so the other modules only do set lookups.
The cues between camps (alliance, contrast, neutrality, third positions) are in `side_cues`.
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

PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "his": "m", "hers": "f"}

ATTRIBUTION_ADVERBS = word_set("""
also later then again recently previously earlier once simply flatly bluntly firmly quietly
publicly privately repeatedly separately further told has had have
""")

"""The words that place a stance holder, as compiled patterns for `sides`.

Relative cues where a holder comes in (contrast, alliance), absolute ones
(for or against what the story is about, sponsors and opponents of a
measure), relations between holders (`criticized`, `echoed`, `her sharpest
opponent`), and the fixed places: observers (`who studies X at`, `the
economist said`), a third position (`A third position has gained ground.`),
explicit neutrality (`declined to take sides`), regime voices and role camps.
Each phrase was checked against general news English (polnear-train), not
fitted to one story.
"""

from __future__ import annotations

import re

# Relative cues: the holder coming in stands apart from / with the holder discussed before.
CONTRAST_CUE = re.compile(
    r"^(?:but|however|yet|still|in contrast|by contrast|on the other (?:side|hand))\b|"
    r"\b(?:disagree[sd]?|not everyone|not every|not all|sees? it differently|saw it differently|pushed back|"
    r"push back|the other side|the other camp|a different view|sees? it the other way|saw it the other way|"
    r"dissent\w*|countered|unlike|fired back|shot back|"
    r"the opposite|dissatisfied|not satisfied|(?:does|did|do|would) not satisfy|"
    r"hit back|drew (?:a )?(?:sharp |swift |quick )?(?:response|rebukes?|criticism|fire))\b",
    re.IGNORECASE,
)
ALLIANCE_CUE = re.compile(
    r"\b(?:also|too(?=\s*[,.;:!?\"”’)]|\s*$)|likewise|similarly|echoe[sd]|echoing|agree[sd]?|agreeing|seconded|"
    r"in the same vein|allies|ally|on (?:his|her|their|the same) side|"
    r"went further|goes further|go further|went even further|"
    r"(?:a similar|the same) (?:argument|case|point|view|line)|"
    r"(?:found|finds|won|has) (?:an? |its )?(?:ally|allies|supporters?|backers?|champions?) in)\b",  # `The idea has
    # found a supporter in X`: X stands with the one whose idea it is
    re.IGNORECASE,
)
# Absolute cues: the holder coming in is for / against what the story is about.
# What the verb acts on: a thing, not an office holder (`backed the mayor's call` is a relation to the mayor).
_OFFICE_HOLDER = (r"(?:mayor|minister|governor|president|premier|senator|councillor|councilor|councilmember|chair|"
                  r"chairman|chairwoman|leader|secretary|director|commissioner|deputy|mp|lawmaker|spokes\w+)\b")
OBJECT = r"(?:the|this|that|an?|its|their)\s+(?!" + _OFFICE_HOLDER + r")[\w-]+"
FOR_VERB = (r"(?:backed|backs|backing|supported|supports|supporting|defended|defends|defending|welcomed|welcomes|"
            r"welcoming|praised|praises|praising|endorsed|endorses|endorsing|championed|champions|hailed|hails|"
            r"to pass|to approve|to adopt|to accept) " + OBJECT)
AGAINST_VERB = (r"(?:criticized|criticizes|criticised|criticises|criticizing|criticising|opposed|opposes|opposing|"
                 r"attacked|attacks|attacking|rejected|rejects|rejecting|"
                 r"condemned|condemns|warned against|warns against|denounced|denounces|slammed|slams|to reject|"
                 r"to refuse|to scrap|to drop|to block|to halt|to repeal|to overturn|to withdraw|to revoke|"
                 r"to cancel) " + OBJECT)
# In the sentences that bring a holder in: collective words (`Opponents ...`) and verbs on a thing.
MEASURE = r"(?:the|this|that|its|a) (?:measure|bill|law|plan|proposal|cap|ban|ordinance|legislation|amendment)"
FOR_CUE = re.compile(
    r"\b(?:supporters?(?! in\b)|backers?(?! in\b)|support (?:also )?came|(?:strong|broad|wide|some) support|"
    r"welcomed|in favou?r|"
    r"rall(?:y|ied|ies|ying) (?:behind|around)|(?:voice|advocate|champion)s? for (?:the|this|its)|"
    r"support for (?:the|this|its)|(?:has|had|have|won|wins|with) the (?:backing|support) of|sponsors? of|"
    r"authors? of " + MEASURE + r"|vot(?:ed|es|ing) (?:for (?:the|this|its)|yes\b|aye\b)|"
    r"(?:wrote|drafted|authored|sponsored|introduced|proposed|moved|tabled) " + MEASURE + r"|"
    + FOR_VERB + r")\b",
    re.IGNORECASE,
)
AGAINST_CUE = re.compile(
    r"\b(?:opponents?|critics?|sceptic\w*|skeptic\w*|wary|worr(?:y|ied|ies)|"
    r"opposition (?:members|lawmakers|legislators|deputies|mps|parties|politicians|leaders)|"
    r"concerns? (?:about|over)|opposition (?:is|was|has been) led by|c[oa]me out against|not persuaded|unconvinced|"
    r"unimpressed|vot(?:ed|es|ing) (?:against|no\b|nay\b)|challeng(?:e|es|ed|ing)\b[^.;]{0,40}\bin (?:the )?courts?|"
    r"resistance (?:to|from)|resist(?:s|ed|ing)? (?:the|this|that|its)|"
    r"accus(?:ed|es|ing) the (?:government|ministry|administration|authorities)|"
    r"less (?:sure|convinced|enthusiastic)|not so sure|doubtful|(?:were|was|are|is) (?:furious|outraged|angry)|"
    + AGAINST_VERB + r")\b",
    re.IGNORECASE,
)
# A position stated in the holder's own words, quoted or reported (`I will vote against it`, `said she would vote
# no`, `urged senators to ratify the agreement`); a negation just before (`I will not vote for sixteen`) voids it.
FOR_POSITION = re.compile(r"\b(?:will|would|'ll|shall|to|going to|plan to|intend to)\s+vote\s+(?:for|yes|in favou?r)\b|"
                          r"\bvote(?<![\w,;:] vote)\s+(?:for|yes\b|in favou?r)|"  # `Vote for it on March 5.`
                          r"\bto (?:ratify|approve|adopt|pass|endorse)\b(?! (?:on|up|through|over|by|along)\b)",
                          re.IGNORECASE)  # not `to pass on the cuts`
AGAINST_POSITION = re.compile(r"\b(?:will|would|'ll|shall|to|going to|plan to|intend to)\s+vote\s+(?:against|no)\b|"
                              r"\bvote(?<![\w,;:] vote)\s+(?:against|no\b)|"
                              r"\bvote to (?:refuse|reject|block|scrap)\b|\bmove to (?:refuse|reject|block)\b|"
                              r"\b(?:is|was|are|were|remains?|remained|still) opposed\b|"
                              r"\b(?:(?:will|would|shall)\s+not|won't|wouldn't|refused?\s+to|refuses\s+to)\s+"
                              r"(?:sign|accept|support|back|endorse)\s+(?:it|them|the|this|that|any)\b|"
                              r"\b(?:should|must)\s+be\s+(?:scrapped|revoked|cancell?ed|canceled|rejected|repealed|"
                              r"withdrawn|dropped|blocked|halted)\b|"  # `said the concession should be revoked`
                              r"\b(?:should|must|to)\s+be\s+voted\s+down\b|\bvote\s+(?:it|them|the\s+[\w-]+)\s+down\b|"
                              r"\b(?:(?:wants?|wanted|wanting|would like)\s+(?:it|them|the\s+[\w’'-]+(?:\s+[\w’'-]+)?)|"
                              r"(?:calls?|called|calling)\s+for\s+(?:it|them|the\s+[\w’'-]+(?:\s+[\w’'-]+)?)\s+to\s+be)\s+"
                              r"(?:withdrawn|scrapped|revoked|cancell?ed|dropped|repealed|shelved|stopped|torn up)\b|"
                              # the status quo, against the change proposed: `wants the subsidy left alone`
                              r"\b(?:wants?|wanted|would like|prefers?)\s+(?:it|them|the\s+[\w’'-]+(?:\s+[\w’'-]+)?|"
                              r"[A-Z][\w’'-]+)\s+(?:left|kept)\s+(?:exactly\s+)?"
                              r"(?:as (?:it is|they are|is)|alone|unchanged)\b|"
                              r"\b(?:cancel|revoke|scrap|reject|repeal|withdraw|block)(?<![\w,;:] cancel)"
                              r"(?<![\w,;:] revoke)(?<![\w,;:] scrap)(?<![\w,;:] reject)(?<![\w,;:] repeal)"
                              r"(?<![\w,;:] withdraw)(?<![\w,;:] block)\s+(?:it|the|this)\b",  # `Cancel the deal.`
                              re.IGNORECASE)
# Counter-arguments: to reject one is to support what it argues against (`rejected the idea that the fee would
# ruin the industry`, `dismissed the argument`), to welcome one is to oppose.
REBUTTAL = re.compile(r"\s(?:idea|ideas|suggestion|suggestions|argument|arguments|claim|claims|criticism|criticisms|"
                      r"concern|concerns|objection|objections|accusation|accusations|complaint|complaints|fears)$",
                      re.IGNORECASE)
# In a holder's own later statements: only what they do to a thing (`criticized the promise`).
FOR_ACT = re.compile(r"\b" + FOR_VERB + r"\b", re.IGNORECASE)
AGAINST_ACT = re.compile(r"\b" + AGAINST_VERB + r"\b", re.IGNORECASE)
PARTS = re.compile(
    r"\b(?:criticized|criticised|criticizes|criticises|accused|accuses|attacked|attacks|rebuked|rebukes|"
    r"slammed|dismissed|rejected|mocked|blamed|described [\w’'\s]{0,40} as (?:hypocritical|dangerous|"
    r"wrong|reckless)|lashed out at|hit back at|scolded|disputed|contradicted|"
    r"(?:broke|broken|breaks|breaking|split|splits|parted ways|parts ways) (?:publicly )?with)\b",  # `broke with X`
    re.IGNORECASE,
)
JOINS = re.compile(r"\b(?:echoed|echoes|agreed with|agrees with|backed|backs|sided with|sides with|"
                    r"shared by|joined|defended|praised|seconded)\b", re.IGNORECASE)
# `sided with the operators`, `have lined up with the shopkeepers`: with a group the story names by a plural noun.
SIDES_WITH_GROUP = re.compile(r"\b(?:sided|sides|siding|lined up|line up|stood|stands) (?:with|behind) the "
                              r"((?:[\w-]+ ){0,2}[\w-]+s)\b", re.IGNORECASE)
# `Her sharpest opponent is X`, `His most persistent critic ...`: X stands against the one the pronoun names.
RIVAL_OF = re.compile(r"\b(his|her)\s+(?:[a-z]+\s+){0,2}(?:opponents?|critics?|rivals?|adversar(?:y|ies))\b",
                       re.IGNORECASE)
ALLY_ROLE = re.compile(r"\b(?:advis[eo]r|deputy|aide|spokes(?:person|man|woman)|ally|chief of staff|"
                        r"right-hand|assistant|state secretary|junior minister|under-?secretary)\b", re.IGNORECASE)
REGIME_VOICE = re.compile(r"\b(?:loyalist|propagandist|state media|state television|state tv|regime|"
                           r"press secretary|presidential spokes\w+|kremlin spokes\w+)\b", re.IGNORECASE)
REGIME_STORY = re.compile(r"\b(?:regime|dictator\w*|autocra\w+|authoritarian|junta)\b", re.IGNORECASE)
ESTABLISHMENT = re.compile(r"\b(?:minister|ministry|government|governor|mayor|ruling|official|spokes\w+|"
                            r"superintendent|secretary|commissioner|sponsor|president of the republic|premier|cabinet|"
                            r"authority|agency|department|regulator|board|city hall|administration)\b",
                            re.IGNORECASE)
# An employers' or trade association speaks for business, not against the powers that be.
CHALLENGER = re.compile(r"\b(?:opposition|activist|campaigner|union|residents|walkout|strikers?|boycott|"
                        r"(?<!employers['’] )(?<!employers )(?<!industry )(?<!trade )association|critic|protest\w*|"
                         r"advocacy|watchdog|ngo|rights group)\b", re.IGNORECASE)
MIDDLE_CUE = re.compile(r"(?<!no )(?<!not a )(?<!never )\b(?:compromise|middle ground|middle way|bridge between|"
                     r"split the difference|meet (?:them )?(?:in|half) ?way|meet in the middle|"
                        r"middle (?:course|path))\b", re.IGNORECASE)
BOTH_SIDES = re.compile(r"\bboth (?:camps|sides)\b", re.IGNORECASE)
# Who studies or teaches a field at a school judges the debate from outside (`who studies drug policy at`).
STUDIES = re.compile(r"\bwho (?:now )?(?:studies|researches|teaches|lectures)\b[^,;]{0,60}\bat\b[^,;]{0,60}"
                      r"\b(?:universit\w*|universidad|college|school|institute|academy)\b|"
                      r"\bat (?:the )?[^,;.]{0,60}\b(?:universit\w*|universidad|college|institute|academy)\b[^.;]{0,60}"
                      r"\bwho (?:has |have )?(?:studied|researched)\b", re.IGNORECASE)  # `a planner at the
# University of Nigeria, who has studied market relocations`
# A role-only attribution of the holder's own quote: `"...," the economist said.`
ROLE_SAID = re.compile(r"\bthe (?:researcher|economist|analyst|historian|scholar|academic|pollster|professor|"
                        r"political scientist|sociologist|demographer)\s+(?:also\s+)?(?:said|says|added|noted|"
                        r"argued|wrote)\b|\b(?:said|says|added|noted) the (?:researcher|economist|analyst|"
                        r"historian|scholar|academic|pollster|professor)\b", re.IGNORECASE)
# A holder who urges an outcome argues a side, whatever their trade.
URGES = re.compile(r"\b(?:urged|urges|urging|called for|calls for|called on|calls on)\b", re.IGNORECASE)
# A collective of outside judges just before the holder comes in: `Analysts say ...`, `Economists who study ...`.
OBSERVER_CUE = re.compile(r"^(?:\w+ )?(?:analysts|economists|researchers|historians|scholars|academics|"
                           r"political scientists|pollsters)\b[^.]{0,40}\b(?:say|said|agree|disagree|differ|"
                           r"(?:are|were) (?:less sure|divided|split|unsure|cautious|sceptical|skeptical))\b",
                           re.IGNORECASE)
# Explicit neutrality: no party to the debate, so no stance holder (`takes no side`, `not a question for this court`).
NEUTRAL = re.compile(r"\b(?:takes?|took|taking) no (?:sides?|position)\b|\bno position on\b|"
                      r"\bdeclined to take (?:a )?(?:sides?|position)\b|\b(?:not|never) tak(?:e|es|en|ing) (?:a |any )?"
                      r"sides?\b|\b(?:remain|remains|remained|stay|stays|stayed|am|are) neutral\b|"
                      r"\bnot (?:a question|a matter) (?:for )?(?:this|the) court\b", re.IGNORECASE)
# A third position where the holder comes in: `A third position has gained ground.`, `Between them stands the state.`
THIRD = re.compile(r"\ba third (?:position|option|way|camp|path|course|proposal|group)\b|\ba middle (?:course|path)\b|"
                    r"\bbetween (?:them|the two(?: camps| sides)?) (?:stands?|sits?)\b|\ba way between\b|"
                    r"\b(?:has |have )?(?:proposed|put forward|tabled|offered) an? (?:amendment|alternative)\b",
                    re.IGNORECASE)
# In the holder's own words, an amendment of theirs or one they back is the third position too (`said his amendment
# had the support of three members`, `I'll vote for Councillor B's amendment`, `would table an amendment`).
OWN_THIRD = re.compile(r"\b(?:his|her|their) (?:own )?amendments?\b|"
                       r"\b(?:table|tabled|tabling|propose|proposed|proposing|put forward|move|moved) "
                       r"(?:an amendment|amendments|that amendment|this amendment)\b|"
                       r"\bvote for [\w\s.’']{0,40}?\bamendment\b", re.IGNORECASE)
# Support with a condition or a limit is a position between the camps: `could support a ban during class but not
# during lunch`, `wants the licences granted only if every trawler carries an observer`, `the line can stay, but
# only if the board pays`, `on condition that`, `provided that`.
CONDITIONAL = re.compile(r"\b(?:supports?|supported|backs?|accepts?|approves?|favou?rs?|endorses?|wants?|"
                         r"agrees? to|live with|can (?:stay|go ahead|proceed|continue))\b[^.;:!?]{0,60}?"
                         r"(?:\bbut not (?:the|a|an|its|their|his|her|during|with|in|as|at|on)\b|\b(?:but )?only if\b|"
                         r"\bon (?:the )?condition (?:that|of)\b|\bprovided (?:that )?(?:the|it|they|every)\b)|"
                         # opposition with a condition: `would vote against the bill unless it carries the grant`
                         r"\b(?:vote against|vote no|object|objects|oppose|opposes)\b[^.;:!?]{0,60}?\bunless\b",
                         re.IGNORECASE)
# Only in the sentence before: an opponent's own words often ask for `a different approach`.
THIRD_BRIDGE = re.compile(THIRD.pattern + r"|\b(?:a|its own) (?:different|separate|rival|alternative) "
                           r"(?:plan|proposal|approach|route|path|option)\b", re.IGNORECASE)
# `X's views are shared by A, B and C`: the people listed stand with X.
SHARED_BY = re.compile(r"\b(?:shared|echoed|backed|supported|endorsed|joined|seconded) by\b", re.IGNORECASE)
# `His office said on Friday that he would vote no`, `Her party's group leader said she would back the deal`,
# `His deputy said that Medina would vote yes`: someone who speaks for the person the possessive names states
# that person's position, in a that-clause whose subject is them again.
PROXY_STATES = re.compile(
    r"^\s*(his|her)\s+(?:[\w'’-]+\s+){0,2}?(?:office|spokes(?:man|woman|person)|deputy|aides?|staff|chief of staff|"
    r"group leader|campaign|lawyer|press secretary|team)\s+(?:said|says|confirmed|told\s+[^,.;]{1,40}?)"
    r"(?:\s+on\s+[A-Z]\w+)?,?\s+(?:that\s+)?(?=\S)",
    re.IGNORECASE,
)

"""Words that report speech: the cues that turn a clause into an attributed statement.

Kept as data next to the logic so a reviewer can extend the lists without reading the
extraction code (the habit of trafilatura's ``xpaths.py``).
"""

from __future__ import annotations

from spacy.tokens import Token


def words_of(text: str) -> frozenset[str]:
    """A word list kept as readable text (one place to extend it)."""
    return frozenset(text.split())


# Verb lemmas that introduce what someone said, wrote or holds. News prose varies the verb for
# style ("stressed", "warned", "insisted"); all of them attribute the clause that follows.
SPEECH_LEMMAS = words_of(
    """
    say tell add state note stress emphasize emphasise warn argue claim insist explain
    declare announce confirm acknowledge admit concede assert maintain contend predict
    suggest write report reveal recall reply respond answer ask urge caution describe call
    testify tweet joke complain boast vow pledge promise agree disagree deny remark
    observe comment continue conclude point highlight indicate disclose estimate tout
    proclaim allege counter retort quip lament affirm reiterate repeat recount
    mention hint concur dismiss label brand characterize characterise term quote
    exclaim confess shout whisper wonder muse scream chant echo plead recommend advise
    demand press snap interject interrupt marvel gush rave rant sneer grumble mutter murmur
    scoff rebut reason theorize theorise speculate surmise opine posit blurt stammer whine
    groan moan taunt tease recite yell holler bellow inform assure remind fire shoot chime
    """
)

# Lemmas that only count as a cue when they take a clause ("found that ...") and never on
# their own before a quotation: too common in plain narration otherwise.
CLAUSE_ONLY_LEMMAS = words_of("believe think feel expect fear know find learn show hope understand")
SPEECH_LEMMAS_WITH_CLAUSE = SPEECH_LEMMAS | CLAUSE_ONLY_LEMMAS | words_of("find learn show")

# Verbs of stance that PolNeAR-style attribution counts as a source's statement, with what
# they take as content ("Rubio accused Cruz of lying", "Bush endorsed Cruz"): the object
# phrase, not a clause. Only an agent (a person, a group, an organisation) makes it one.
STANCE_LEMMAS = words_of(
    """
    accuse criticize criticise praise defend endorse blast slam attack mock denounce condemn
    decry blame reject oppose support back thank hail applaud welcome cite reference dub
    question challenge propose demand request seek want urge vow pledge promise insist
    acknowledge dismiss lambaste rebuke ridicule slam chide scold fault credit laud tout
    """
)

# Verbs that give something a name: what they quote may look like a title ("called her
# “The Iron Lady”") and is still the speaker's words.
NAMING_LEMMAS = words_of("call dub label brand term nickname christen")

# Verbs that only report speech right after a quotation ("“Anybody but Lee,” read one").
AFTER_QUOTE_LEMMAS = words_of("read go sigh laugh cry")

# Verbs whose passive subject is still the speaker: "X can be heard saying", "X was quoted
# as saying", "X is shown lecturing". Other passive cues ("X was asked", "X is described as")
# have the one spoken about as subject.
PASSIVE_SPEAKER_LEMMAS = words_of("hear see show watch film record quote catch")

# What a speaker issues that announces the words after it ("tweeted a warning", "issued a
# statement", "sent a message").
SPEECH_NOUNS = words_of(
    "statement warning message question answer response reply comment remark note plea appeal"
)

# Particles of phrasal cues ("pointed out"): the verb is a cue only with them.
CUE_PARTICLES = {"point": "out", "fire": "back", "shoot": "back", "chime": "in"}
# Cues that take the addressee as object ("he told reporters"); others with an object after a
# quote are new clauses ("may charge drivers"), not the quote's cue.
ADDRESSEE_LEMMAS = words_of("tell ask inform assure remind warn urge")

# Subjects that are reporters or documents rather than speakers of the clause ("a report
# said"); they are still sources in the PolNeAR sense, so they are kept as group speakers.
PRONOUNS_PERSON = frozenset({"he", "she", "him", "her"})
PRONOUNS_GROUP = frozenset({"they", "we"})
PRONOUNS_SELF = frozenset({"i"})

# Heads of role descriptions that stand for a person named elsewhere ("the NATO chief").
ROLE_NOUNS = words_of(
    """
    chief head leader official secretary general president minister chancellor premier
    spokesman spokeswoman spokesperson director chairman chairwoman chair commander governor
    senator mayor ambassador envoy diplomat boss ceo founder candidate nominee manager
    representative congressman congresswoman lawmaker prosecutor judge attorney adviser
    advisor aide executive king queen prince pope monarch general admiral
    """
)

# Roles vague enough to stand for an article's main figure when no title matches.
GENERIC_ROLES = words_of("official leader chief head boss")

# Nouns of people speaking as a group ("officials in Warsaw", "analysts", "a source").
GROUP_NOUNS = words_of(
    """
    official officials source sources analyst analysts expert experts diplomat diplomats
    observer observers critic critics economist economists resident residents witness
    witnesses people voter voters supporter supporters aide aides spokesperson police
    investigator investigators researcher researchers scientist scientists lawmaker
    lawmakers leader leaders democrats republicans member members poll polls report reports
    study survey statement
    """
)


def is_speech_verb(token: Token, *, with_clause: bool = False) -> bool:
    """True for a verb (or noun-tagged verb form) whose lemma reports speech."""
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN"):
        return False
    lemmas = SPEECH_LEMMAS_WITH_CLAUSE if with_clause else SPEECH_LEMMAS
    lemma = token.lemma_.lower()
    if lemma in CLAUSE_ONLY_LEMMAS and not with_clause:
        return False
    if lemma == "put":
        # "as Reyes put it, “X”": the idiom quotes; any other "put" places things.
        return any(c.lower_ == "it" and c.dep_ == "dobj" for c in token.children) and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in token.children
        )
    particle = CUE_PARTICLES.get(lemma)
    if particle is not None and not any(c.lower_ == particle for c in token.children):
        return False  # "pointed to the map" reports nothing; "pointed out" does
    return lemma in lemmas

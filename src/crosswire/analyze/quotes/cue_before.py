"""The cue before a quotation: "Lind said, “X”", "Lind said that “X”", "Lind pointed out “X”".

The last speech verb of the sentence before the opening mark, outside quotation marks;
it introduces the quotation when nothing but a comma, a colon, "that" or its particle
("pointed out") stands between them.
"""

from __future__ import annotations

from spacy.tokens import Token

from crosswire.analyze.cues import CUE_PARTICLES, is_speech_verb
from crosswire.analyze.quotes.text import QuoteText


def cue_before(t: QuoteText, start: int, end: int) -> Token | None:
    """The last speech verb outside quotation marks between ``start`` and ``end``."""
    for tok in reversed(t.tokens(start, end)):
        if not t.inside[tok.i] and is_speech_verb(tok):
            return tok
    return None


def last_word_is(t: QuoteText, cue: Token, pos: int) -> bool:
    """"Rutte said “...”": the cue (or its particle) is the last word before the mark."""
    between = t.text[cue.idx + len(cue.text) : pos].strip()
    particle = CUE_PARTICLES.get(cue.lemma_.lower())
    if particle is not None and between.startswith(particle):
        between = between[len(particle) :].strip()
    return between in ("", "that")

"""Scare-quoted terms are not statements of the speaker.

"He's credited with the “Volcker rule”", "a 12.9% decline in its book value per share
(“BVPS”)", "People are recalling the “Volcker shock”": a few quoted words that name a thing
mark a term, not words someone is reported to have said. A term given by a naming verb
("labeled it a “meltdown”", "called the tender “rigged”") is the speaker's word and stays
a statement.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from crosswire.analyze.cues import NAMING_LEMMAS, SPEECH_LEMMAS, words_of
from crosswire.records import Quote

# The most words a quoted term has ("the “Volcker rule”", "“sell discipline”").
MAX_TERM_WORDS = 3
# Verbs that quote a term as the speaker's choice of word: not scare quotes.
WORDING_LEMMAS = NAMING_LEMMAS | words_of("describe characterize characterise")
# How a clause hangs on the verb of saying that reports it: a fragment inside one is the
# speaker's words ("argued that the body can ... during a “legitimate rape”"); the verb's
# object ("recalling the “Volcker shock”") is a thing named, not words reported.
REPORTED_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "advcl"})


def mark_term(doc: Doc, quote: Quote, cue: Token | None) -> None:
    """Mark a short quoted noun phrase that names something as a term."""
    if quote.kind != "partial" or quote.mode != "statement":
        return
    if cue is not None and cue.lemma_.lower() in WORDING_LEMMAS:
        return
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not words or len(words) > MAX_TERM_WORDS:
        return
    if any(t.pos_ in ("VERB", "AUX") for t in words) or words[-1].pos_ == "ADJ":
        return  # "was “reckless”", "“has failed”": an evaluation or a clause, said by someone
    before = doc[span.start - 2] if span.start >= 2 else None  # the word before the mark
    if any(t.lower_ == "as" for t in doc[max(0, span.start - 3) : span.start]):
        return  # "attacking Obama as an “elitist hypocrite”": described in the speaker's words
    if before is not None and before.text == "(":
        quote.mode = "term"  # "(“BVPS”)": an abbreviation introduced
        return
    if _reported_words(span.root, cue):
        return  # "argued that the body can fend it off during a “legitimate rape”"
    named = before is not None and before.pos_ == "DET"
    if named or all(t.is_title or t.is_upper for t in words):
        quote.mode = "term"


def _reported_words(root: Token, cue: Token | None) -> bool:
    """The fragment sits inside a clause a verb of saying reports, not as its subject or
    object."""
    if cue is None or cue.lemma_.lower() not in SPEECH_LEMMAS:
        return False
    head = root
    for _ in range(12):
        if head.head == cue:
            return head.dep_ in REPORTED_DEPS
        if head.head == head:
            return False
        head = head.head
    return False

"""Quotations introduced by the sentence before them, and sources named before a colon.

"Rutte said:", "Talking to Bild, Rutte stated." or "The mayor released this statement:"
announce the quotation that follows; roundups name the source alone before a colon
("POLLS SHIFT - Philip Bump: “X”", "More from the report: “X”") or after the dash that
ends a headline ("Pollsters agree - Carl Bialik: “X”", where a verb in the headline is no
cue).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from crosswire.analyze.cues import (
    GROUP_NOUNS,
    PRONOUNS_GROUP,
    PRONOUNS_PERSON,
    SPEECH_LEMMAS,
    SPEECH_NOUNS,
    is_speech_verb,
)
from crosswire.analyze.quotes.text import QuoteText
from crosswire.analyze.speakers import Speaker, find_subject
from crosswire.analyze.statements.registry import active

# A dash that separates a roundup item's headline from the source it quotes.
_DASH = re.compile(r"\s[-–—]\s*|(?<=\S)-(?=[A-Z])")
# Only a spaced dash ends a headline: "R-Ill." or "Jenna-Lee" join words.
_SPACED_DASH = re.compile(r"\s[-–—]\s")
# The most words of a source named before a colon ("Federal Reserve Bank of Oslo").
_SOURCE_WORDS = 6


def _colon_sentence(t: QuoteText, pos: int) -> tuple[int, int] | None:
    """(sentence start, colon) when the text before ``pos`` ends in a colon."""
    head = t.text[:pos].rstrip()
    if not head.endswith(":"):
        return None
    colon = len(head) - 1
    return t.sentence_start_before(colon, t.paragraph(colon)[0]), colon


def dashed_source(t: QuoteText, pos: int) -> bool:
    """Whether the quotation at ``pos`` follows "headline - Source:" (roundup style)."""
    found = _colon_sentence(t, pos) if active("roundup_dash") else None
    return found is not None and _SPACED_DASH.search(t.text, *found) is not None


def colon_source(t: QuoteText, pos: int) -> Speaker | None:
    """The source named alone before a colon: "POLLS SHIFT - Philip Bump: “X”", "More
    from the report: “X”", "Stated Stone: “X”" (roundups quote without a verb)."""
    found = _colon_sentence(t, pos) if active("colon_source") else None
    if found is None:
        return None
    start, colon = found
    for m in _DASH.finditer(t.text, start, colon):
        start = m.end()
    words = [tok for tok in t.tokens(start, colon) if not tok.is_space and not tok.is_punct]
    while words and (
        words[0].lower_ in ("more", "from")
        or (words[0].pos_ == "VERB" and words[0].lemma_.lower() in SPEECH_LEMMAS)
    ):
        words = words[1:]
    if not words or len(words) > _SOURCE_WORDS or any(t.inside[tok.i] for tok in words):
        return None
    named = all(
        tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG") or tok.lower_ in ("and", "of")
        for tok in words
    )
    document = len(words) == 2 and words[0].lower_ == "the" and words[1].lower_ in GROUP_NOUNS
    if not named and not document:
        return None
    span = t.doc[words[0].i : words[-1].i + 1]
    return t.speaker(span, span.root)


def introducing_cue(t: QuoteText, pos: int) -> Token | None:
    """A cue in the sentence just before ``pos`` that announces a quote: "Rutte said:", a
    clause with a cue and nothing said ("Talking to Bild, Rutte stated."), or any clause
    ending in a colon ("President Lee released this statement:")."""
    if not active("introducing_cue"):
        return None
    head = t.text[:pos].rstrip()
    if not head:
        return None
    floor = t.paragraph(len(head) - 1)[0]
    start = t.sentence_start_before(len(head) - 1, floor)
    all_tokens = t.tokens(start, len(head))
    tokens = [tok for tok in all_tokens if not t.inside[tok.i]]
    colon = head.endswith(":")
    if len(tokens) != len(all_tokens) and not colon:
        return None  # the sentence has its own quote
    for tok in reversed(tokens):
        if not is_speech_verb(tok):
            continue
        # "Rutte tweeted a warning." takes the statement as object and still announces it.
        dangling = not any(
            c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and c.lemma_ not in SPEECH_NOUNS)
            for c in tok.children
        )
        return tok if colon or dangling else None
    if not colon:
        return None
    for tok in reversed(tokens):
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        subject = find_subject(tok)
        if subject is None or subject.tag_ in ("WP", "WDT"):
            continue  # "Lind apologized for what happened:": the main clause introduces
        if subject.pos_ == "PRON" and subject.lower_ not in PRONOUNS_PERSON | PRONOUNS_GROUP:
            return None  # "it gets better:": nobody introduced
        return tok
    return None

"""The speaker the parser did not take for the cue's subject, read off the words around it.

After a quotation the order is often inverted ("“X,” said Skelly", "“X,” said retired
harbour master Ilse Brandt") or the name comes out as an apposition ("“X,” Brent Bozell
III, founder of Y, tells Z"); a cue may open its sentence before the quotation ("Said
Reyes: “X”"). Each of these reads the name or described speaker from the tokens next to
the cue.
"""

from __future__ import annotations

from spacy.tokens import Token

from crosswire.analyze.cues import ADDRESSEE_LEMMAS
from crosswire.analyze.quotes.text import QuoteText
from crosswire.analyze.speakers import Speaker
from crosswire.analyze.statements.registry import active

# The most words of a name (or a described speaker) read after an inverted cue.
_NAME_WORDS = 4
_ROLE_WORDS = 7
_DESCRIBED = ("DET", "ADJ", "NOUN", "PROPN", "NUM")


def speaker_between(t: QuoteText, start: int, verb: Token) -> Speaker | None:
    """The name between a closing mark and a verb the parser left without a subject
    ("“X,” Brent Bozell III, founder of Y, tells Z": the name came out as an apposition)."""
    if not active("speaker_between"):
        return None
    doc = t.doc
    tokens = [tok for tok in t.tokens(start, verb.idx) if not t.inside[tok.i]]
    words = [tok for tok in tokens if not tok.is_punct and not tok.is_space]
    if not words:
        return None
    first = words[0]
    if first.pos_ == "PRON" and len(words) == 1:
        span = doc[first.i : first.i + 1]
    elif first.ent_type_ in ("PERSON", "ORG") or first.pos_ == "PROPN":
        end = first.i
        while end + 1 < verb.i and (
            doc[end + 1].ent_type_ == first.ent_type_ and first.ent_type_
            or doc[end + 1].pos_ == "PROPN"
        ):
            end += 1
        span = doc[first.i : end + 1]
    elif len(words) <= 6 and all(
        tok.pos_ in _DESCRIBED for tok in words
    ) and words[-1].i == verb.i - 1:
        # "“X,” the editorial read": a described source, the verb tagged as a noun.
        span = doc[first.i : words[-1].i + 1]
    elif verb.pos_ == "NOUN" and first.pos_ in ("DET", "ADJ", "NOUN"):
        # "“X,” a statement from the port authority read": the noun phrase before its
        # modifier.
        head = first
        while head.i + 1 < verb.i and doc[head.i + 1].pos_ in _DESCRIBED:
            head = doc[head.i + 1]
        span = doc[first.i : head.i + 1]
    else:
        return None
    return t.speaker(span, span.root)


def name_after(t: QuoteText, verb: Token) -> Speaker | None:
    """The name right after an inverted cue the parser did not take for its subject
    ("“X,” said Skelly": "Skelly" tagged as an adverb), else the described speaker there."""
    return _name_after(t, verb) if active("name_after_cue") else None


def opening_cue_name(t: QuoteText, verb: Token) -> Speaker | None:
    """The name after a cue that opens its sentence before the quotation: "Said Reyes:
    “X”"."""
    return _name_after(t, verb) if active("opening_cue_name") else None


def _name_after(t: QuoteText, verb: Token) -> Speaker | None:
    doc = t.doc
    inverted = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    addressee = verb.lemma_.lower() in ADDRESSEE_LEMMAS  # "told reporters"
    if inverted is not None and inverted.left_edge.i == verb.i + 1 and not addressee:
        # "“X,” added another New Hampshire Republican": the inverted subject parsed as
        # the object.
        span = doc[inverted.left_edge.i : inverted.i + 1]
        return t.speaker(span, inverted)
    end = verb.i + 1
    while end < len(doc) and not t.inside[end] and (
        doc[end].ent_type_ == "PERSON" or doc[end].pos_ == "PROPN" or doc[end].is_title
    ):
        end += 1
    if end == verb.i + 1:
        return role_after(t, verb)
    if end - verb.i - 1 > _NAME_WORDS:
        return None
    span = doc[verb.i + 1 : end]
    return t.speaker(span, span[-1])


def role_after(t: QuoteText, verb: Token) -> Speaker | None:
    """A described speaker right after an inverted cue that follows its quotation
    ("“X,” said retired neurosurgeon Ben Carson, asked ...", "“X,” said a person close
    to Y"): the noun phrase up to the first comma or preposition."""
    if not active("role_after_cue"):
        return None
    doc = t.doc
    before = doc[verb.i - 1] if verb.i else verb
    if not (before.is_punct and t.inside[before.i]):
        return None  # only straight after the closing mark is the order inverted
    end = verb.i + 1
    while end < len(doc) and end - verb.i - 1 <= _ROLE_WORDS and not t.inside[end] and (
        doc[end].pos_ in _DESCRIBED
        or (doc[end].tag_ == "VBN" and doc[end].dep_ == "amod")
    ):
        end += 1
    while end > verb.i + 1 and doc[end - 1].pos_ not in ("NOUN", "PROPN"):
        end -= 1
    if end == verb.i + 1 or end - verb.i - 1 > _ROLE_WORDS:
        return None
    span = doc[verb.i + 1 : end]
    return t.speaker(span, span[-1])

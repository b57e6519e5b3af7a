"""The cue after a quotation: "“X,” Lind said", "“X,” according to the filing".

A quotation left open by its comma (or by ?/! with the sentence going on in lower case) is
reported by the main verb of the clause after it, whatever that verb is ("barked",
"beamed", "retaliated"); a quotation that closed its sentence is reported by the next
sentence only through its first verb ("Lind said."), not by a speech verb deep in other
news. A cue the tagger took for a noun ("“X,” Bozell answers", "the editorial read") is
found too.
"""

from __future__ import annotations

from spacy.tokens import Token

from crosswire.analyze.cues import (
    ADDRESSEE_LEMMAS,
    AFTER_QUOTE_LEMMAS,
    SPEECH_LEMMAS,
    is_speech_verb,
)
from crosswire.analyze.marks import Quotation
from crosswire.analyze.quotes.according import is_according
from crosswire.analyze.quotes.inverted import name_after, speaker_between
from crosswire.analyze.quotes.text import OPEN_ENDINGS, SENTENCE_END, QuoteText
from crosswire.analyze.speakers import find_subject
from crosswire.analyze.statements.registry import active

# The words a clause ending in a noun-tagged cue may hold ("a statement from X read").
_NOUN_CUE_WORDS = (3, 14)


def cue_after(t: QuoteText, start: int, end: int, content: str) -> Token | None:
    """The cue between ``start`` (after the closing mark) and ``end`` (the sentence's end)
    that reports the quotation whose last part is ``content``."""
    rest = t.text[start:end].lstrip()
    open_end = content[-1:] in OPEN_ENDINGS or (content[-1:] in "?!" and rest[:1].islower())
    # "“X.” The peak was $4, according to Y.": a quotation that closed its sentence is
    # not the statement an "according to" in the next one sources.
    new_sentence = content[-1:] in SENTENCE_END and rest[:1].isupper()
    if open_end:
        final = final_noun_cue(t, start, end)
        if final is not None:
            return final
    first_verb = True
    for tok in t.tokens(start, end):
        if t.inside[tok.i]:
            continue
        if is_according(tok) and not new_sentence:
            # "“X,” according to the court filing.": the source is named without a verb
            # (a verb before it, "Lind said, according to Y", was the cue already).
            return tok
        reporting = False
        verb = tok.pos_ == "VERB" and tok.dep_ not in ("nsubj", "nsubjpass", "compound")
        if first_verb and (verb or (tok.pos_ == "AUX" and tok.dep_ == "ROOT")):
            first_verb = False
            reporting = open_end and reports_quote(t, tok)
        elif first_verb and open_end and noun_tagged_cue(tok):
            first_verb = False
            reporting = True
        elif new_sentence and not first_verb:
            # After a closed quotation, a sentence of its own reports it only with its
            # first verb ("Rutte said."), not a speech verb deep in other news ("The Herons
            # have lost four finals and Pell vowed to end the run").
            return None
        if (
            not reporting
            and not is_speech_verb(tok)
            and tok.lemma_.lower() not in AFTER_QUOTE_LEMMAS
        ):
            continue
        subject = find_subject(tok)
        if subject is None or t.inside[subject.i]:
            # A subject inside the quotation is the parser hanging the cue on the quoted
            # clause ("“X took notes,” read the statement"): the speaker is outside.
            if speaker_between(t, start, tok) or name_after(t, tok):
                return tok
            if subject is None and not reporting:
                continue
        if reporting:
            return tok if subject is not None else None
        # A clause the verb goes on to report ("replied that Sanders is “driving”"):
        # it starts outside the marks even when its words end up quoted.
        later_clause = any(
            c.dep_ == "ccomp" and c.i > tok.i and not t.inside[c.left_edge.i]
            for c in tok.children
        )
        if later_clause and content[-1:] not in OPEN_ENDINGS:
            return None  # "“X.” Rutte said that Y": the verb introduces Y, not X
        # Only an object after the verb makes a new clause; one before it is a word of
        # the speaker's title misparsed ("“X,” Trump senior adviser Paul Manafort said").
        if tok.lemma_.lower() not in ADDRESSEE_LEMMAS and any(
            c.dep_ == "dobj" and c.i > tok.i for c in tok.children
        ):
            continue
        return tok
    return None


def reports_quote(t: QuoteText, verb: Token) -> bool:
    """Whether ``verb`` is the main verb the open quotation before it hangs on, whatever
    verb it is ("“X,” Bennett shot back")."""
    return active("any_verb_after_open_quote") and (
        verb.dep_ == "ROOT" or any(t.inside[c.i] for c in verb.children)
    )


def subject_before(verb: Token, q: Quotation) -> bool:
    """"The campaign, called “Win a Seat,” will start in May": the verb after the quote has
    its subject before it; the quote sits inside its clause."""
    subject = find_subject(verb)
    return subject is not None and subject.idx < q.open


def final_noun_cue(t: QuoteText, start: int, end: int) -> Token | None:
    """"“X,” a statement from the harbour authority read.": the cue ends the clause and the
    tagger took it for a noun (here the object of "from"), so no verb is found before it."""
    if not active("noun_tagged_cue"):
        return None
    tokens = [tok for tok in t.tokens(start, end) if not t.inside[tok.i]]
    words = [tok for tok in tokens if not tok.is_punct and not tok.is_space]
    if not _NOUN_CUE_WORDS[0] <= len(words) <= _NOUN_CUE_WORDS[1]:
        return None
    last = words[-1]
    if last.dep_ == "ROOT" or not _cue_as_noun(last):
        return None  # a root is found by the verb walk (noun_tagged_cue)
    finite = [tok for tok in words[:-1] if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "acl"]
    return None if finite else last


def noun_tagged_cue(tok: Token) -> bool:
    """A cue the tagger took for a noun, as the root of the clause after the quotation."""
    return active("noun_tagged_cue") and tok.dep_ == "ROOT" and _cue_as_noun(tok)


def _cue_as_noun(tok: Token) -> bool:
    """A verb of saying tagged as a noun: "“X,” Bozell answers." ("answers" NNS), "“X,” the
    editorial read." ("read" NN)."""
    lemma = tok.lemma_.lower()
    plural = tok.tag_ == "NNS" and tok.lower_.endswith("s")
    return (plural and lemma in SPEECH_LEMMAS) or (
        tok.tag_ in ("NN", "NNS") and lemma in AFTER_QUOTE_LEMMAS  # "the editorial read"
    )

"""Partial quotes: a quoted fragment inside the reporter's sentence, and the verb it hangs on.

"Lind described the plan as “a lifeboat”", "the council “will not back down,” Lind said":
the fragment's cue is the speech or stance verb its words depend on in the parse, within
the clause it sits in ("while Beijing favors 'X', its drills suggest Y": "favors", not
"suggest"). Quoted titles and names given ("a show called “Harbour Lights”") are
nobody's words.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from crosswire.analyze.cues import NAMING_LEMMAS, is_speech_verb, words_of
from crosswire.analyze.marks import Quotation
from crosswire.analyze.quotes.stance import is_stance_verb
from crosswire.analyze.quotes.text import QuoteText
from crosswire.analyze.statements.registry import active

_CLAUSE_DEPS = frozenset({"advcl", "relcl", "acl", "ccomp", "parataxis", "csubj", "conj"})
# How far up the parse a fragment's words look for the verb they depend on.
_CLIMB = 8
_MINOR_WORDS = words_of("a an the of and or in on at to for is be with by from")


def governing_cue(t: QuoteText, q: Quotation) -> Token | None:
    """The speech verb a quoted fragment depends on ("described it as “X”")."""
    tokens = [tok for tok in t.tokens(q.start, q.end) if not tok.is_punct]
    for tok in tokens:
        if q.start <= tok.head.idx < q.end and tok.head != tok:
            continue
        head = tok
        for _ in range(_CLIMB):
            # Stop at a clause boundary: in "while Beijing favors 'X', its drills suggest
            # Y" the fragment belongs to "favors", not to the verb of the main clause.
            if head.head == head or (head.dep_ in _CLAUSE_DEPS and not _named_as(head)):
                described = described_as(head)
                if described is not None and not t.inside[described.i]:
                    return described
                break
            head = head.head
            if not t.inside[head.i] and (
                is_speech_verb(head, with_clause=True) or is_stance_verb(head)
            ):
                return head
        return as_cue(t, head)
    return None


def as_cue(t: QuoteText, head: Token) -> Token | None:
    """A cue in an "as" clause of the clause a fragment sits in: "was “careless,” as
    described by the inspector", "is “a lifeboat,” as Lind said"."""
    if not active("as_clause"):
        return None
    for child in head.children:
        if (
            child.dep_ == "advcl"
            and not t.inside[child.i]
            and is_speech_verb(child)
            and any(m.dep_ == "mark" and m.lower_ == "as" for m in child.children)
        ):
            return child
    return None


def described_as(clause: Token) -> Token | None:
    """"described an outbreak linked to a school as “X”": the parser hung "as" on the
    participle inside the object; the verb that describes is the object's head."""
    if not active("described_as"):
        return None
    if clause.dep_ != "acl" or not any(c.lower_ == "as" for c in clause.children):
        return None
    verb = clause.head.head
    if clause.head.dep_ == "dobj" and (
        verb.lemma_.lower() in NAMING_LEMMAS or verb.lemma_.lower() == "describe"
    ):
        return verb
    return None


def _named_as(clause: Token) -> bool:
    """"called the tender “rigged”": the name given comes out as a clause on the object."""
    obj = clause.head
    return (
        clause.dep_ == "acl"
        and obj.dep_ == "dobj"
        and obj.head.lemma_.lower() in NAMING_LEMMAS
    )


def naming_participle(tok: Token) -> bool:
    """"a show called “X”", "so-called “X”": a participle that names, with nobody naming."""
    return (
        active("names_given")
        and tok.lemma_.lower() in NAMING_LEMMAS
        and tok.tag_ == "VBN"
        and not any(c.dep_ in ("nsubj", "agent") for c in tok.children)
    )


def looks_like_title(content: str) -> bool:
    """A show, book or film title ("Meet the Press", "Good Morning America"): every major
    word capitalised, a few words; quoted to name a work, not to report words said."""
    if not active("titles"):
        return False
    words = [w for w in re.findall(r"[\w’']+", content) if w.lower() not in _MINOR_WORDS]
    return 2 <= len(words) <= 6 and all(w[0].isupper() or w[0].isdigit() for w in words)

"""Stance verbs: a position taken towards someone is a statement of the one who takes it.

"Lind accused the council of lying", "the union backed the plan": no words are reported,
but the subject states a view; the verb's object and complements are its content. Only a
stance taken counts: a modal or a condition ("could urge", "if the port were drawn into
supporting X") imagines one, and only a person or a body takes one ("the plan backs X"
states nothing).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from crosswire.analyze.cues import (
    GROUP_NOUNS,
    PRONOUNS_GROUP,
    PRONOUNS_PERSON,
    STANCE_LEMMAS,
    words_of,
)
from crosswire.analyze.quotes.spans import is_edge
from crosswire.analyze.quotes.text import QuoteText
from crosswire.analyze.speakers import Speaker
from crosswire.analyze.statements.registry import active

# Right dependents that make up what a stance verb takes ("accused Cruz of lying").
_OBJECT_DEPS = frozenset({"dobj", "dative", "xcomp", "prep", "oprd", "attr", "prt"})
_HYPOTHETICAL = words_of("could would might may should if unless whether")


def is_stance_verb(tok: Token) -> bool:
    return tok.pos_ == "VERB" and tok.lemma_.lower() in STANCE_LEMMAS


def takes_stance(tok: Token) -> bool:
    """A stance verb, asserted, read as a statement while the rule is on."""
    return active("stance_verbs") and is_stance_verb(tok) and _asserted(tok)


def _asserted(verb: Token) -> bool:
    """A stance taken, not one imagined: a finite verb with no modal and outside a condition
    ("China could urge Russia to ...", "if NATO were drawn into supporting ..." state none)."""
    if any(c.lower_ in _HYPOTHETICAL for c in verb.children if c.dep_ in ("aux", "mark")):
        return False
    if verb.tag_ == "VBG" and verb.dep_ in ("csubj", "csubjpass"):
        return False  # "supporting Ostland now is wiser": an activity named, no stance taken
    # "if NATO were drawn into supporting X": a participle under a condition
    return verb.tag_ != "VBG" or not any(
        c.lower_ in ("if", "unless") for a in verb.ancestors for c in a.children if c.dep_ == "mark"
    )


def object_span(verb: Token) -> Span | None:
    """What a stance verb takes: its object and complements ("Cruz of lying")."""
    parts = [c for c in verb.rights if c.dep_ in _OBJECT_DEPS]
    if not parts or parts[0].dep_ == "prep":
        return None  # "backed by ...", "blamed on ...": no object, no statement
    left, right = parts[0].left_edge.i, parts[-1].right_edge.i
    doc = verb.doc
    while right >= left and is_edge(doc[right]):
        right -= 1  # only the end: an object may open with its quotation mark
    return doc[left : right + 1] if right >= left else None


def agentive(t: QuoteText, speaker: Speaker) -> bool:
    """A person, a named group or organisation: "the plan backs X" states nothing."""
    if speaker.actor in t.focus.people:
        return True
    span = t.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return (
        root.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or root.lower_ in PRONOUNS_PERSON | PRONOUNS_GROUP
        or root.lower_ in GROUP_NOUNS
        or root.lemma_.lower() in GROUP_NOUNS
    )

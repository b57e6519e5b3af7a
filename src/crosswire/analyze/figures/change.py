"""Direction of change: whether a figure is the size of a rise or a fall ("rose 6.5%", "cut by
$2 billion", "down 1%", "a 23 percent cut") rather than a level ("to 164p", "from $2,415").
Read from the verb the number is the object or "by" phrase of, or the noun it modifies, with
the words in ``change.json``."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from spacy.tokens import Span, Token

from crosswire.analyze.cached import doc_text

_LEXICON = Path(__file__).with_name("change.json")
_OBJECT_DEPS = {"dobj", "npadvmod", "attr", "advmod", "oprd", "nsubj", "ccomp", "conj", "acomp"}


@cache
def _lexicon() -> tuple[dict[str, str], dict[str, str]]:
    data = json.loads(_LEXICON.read_text(encoding="utf-8"))
    verbs = {v: d for d in ("up", "down") for v in data[d]}
    return verbs, data["adverbs"]


@cache
def _change_nouns() -> dict[str, str]:
    data = json.loads(_LEXICON.read_text(encoding="utf-8"))
    return {n: d for d, nouns in data["nouns"].items() for n in nouns}


def _verb_direction(verb: Token) -> str | None:
    verbs, adverbs = _lexicon()
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    if particle and f"{verb.lemma_.lower()} {particle}" in verbs:
        return verbs[f"{verb.lemma_.lower()} {particle}"]
    if verb.lemma_.lower() in verbs:
        return verbs[verb.lemma_.lower()]
    return None


def _quantity_token(span: Span) -> Token:
    """The token standing for the whole quantity: the unit or noun the number modifies, short
    of a noun naming a change ("a 9.1% increase": the increase is what the number sizes)."""
    token = span[-1]
    while token.dep_ in ("nummod", "quantmod", "compound") and token.head.i > token.i:
        if token.head.pos_ not in ("NOUN", "PROPN", "SYM", "NUM", "X"):
            break
        if token.head.lemma_.lower() in _change_nouns():
            break
        token = token.head
    return token


_LEVEL_BEFORE = re.compile(r"\b(?:to|from|at)\s+(?:about\s+|nearly\s+|around\s+)?$", re.I)
_ADVERB_BEFORE = re.compile(r"\b(up|down|higher|lower)\s+(?:by\s+)?(?:about\s+|nearly\s+)?$", re.I)


def change_direction(span: Span) -> str | None:
    """"up", "down" or None for the quantity in ``span``."""
    doc = span.doc
    before = doc_text(doc)[max(0, span.start_char - 30) : span.start_char]
    if _LEVEL_BEFORE.search(before):
        return None  # "to $419.2 billion", "from 6.29%": a level the change reached or left
    m = _ADVERB_BEFORE.search(before)
    if m is not None:
        return _lexicon()[1][m.group(1).lower()]
    token = _quantity_token(span)
    head = token.head
    if token.dep_ in ("compound", "nummod", "amod") and head.i > token.i:
        return _verb_direction(head)  # "a 23 percent cut", "a 4.2% drop": a change as a noun
    if token.dep_ == "pobj":
        # "by 2%" is the change; "to 164p", "from $6.78 billion", "at 1,463" are levels
        if head.lower_ != "by":
            return None
        head = head.head
    elif token.dep_ not in _OBJECT_DEPS or head == token:
        return None
    if head.pos_ not in ("VERB", "AUX"):
        return None
    return _verb_direction(head)

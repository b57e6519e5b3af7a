"""Asides: a cue set off by commas inside the statement it reports.

"The harbour, Lind said, was never at risk": the parser hangs "said" on the statement as
a parenthetical; the statement is the sentence around the aside, and its text leaves the
aside out (its offsets still span it).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from crosswire.analyze.quotes.spans import balanced, inner
from crosswire.analyze.speakers import find_subject
from crosswire.analyze.statements.registry import active

# The most tokens an aside holds, commas included ("she told reporters on Monday").
_LONGEST_ASIDE = 8


def aside(verb: Token) -> Span | None:
    """The aside a cue makes ("Her neighbours, she said, should ignore ..."), commas
    included; None when the cue is none."""
    if not active("asides") or verb.dep_ != "parataxis" or find_subject(verb) is None:
        return None
    doc = verb.doc
    words = [t for t in verb.subtree if not t.is_punct]
    left, right = words[0].i - 1, words[-1].i + 1
    if left <= verb.head.left_edge.i or right >= len(doc) or right - left > _LONGEST_ASIDE:
        return None
    if doc[left].text != "," or doc[right].text != ",":
        return None
    return doc[left : right + 1]


def around_aside(cut: Span) -> Span | None:
    """The sentence an aside cue sits in, which is what the cue reports."""
    head = cut.root.head
    sentence = inner(cut.doc, head.left_edge.i, head.right_edge.i)
    if sentence is None or sentence.end <= cut.end + 1:
        return None  # nothing reported after the aside
    return balanced(sentence)


def without_aside(text: str, start: int, end: int, cut: Span | None) -> str:
    """The text from ``start`` to ``end``, less an aside cue inside it."""
    if cut is None or not start < cut.start_char < end:
        return text[start:end]
    before = text[start : cut.start_char].rstrip()
    return f"{before} {text[cut.end_char : end].lstrip()}"

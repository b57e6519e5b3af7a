"""The content span of a quote cut from the parse: edges trimmed, quotation marks balanced.

A reported clause is a run of tokens; its edges lose punctuation and blanks (and "that"
before indirect speech), while a quotation mark that trimming took from one end goes back
when the other end keeps its partner.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from crosswire.analyze.cues import CUE_PARTICLES
from crosswire.analyze.statements.registry import active


def cue_text(tok: Token) -> str:
    """The cue as a quote records it: "according to", "pointed out", "said"."""
    if tok.lower_ == "according":
        return "according to"
    particle = CUE_PARTICLES.get(tok.lemma_.lower())
    if particle and any(c.lower_ == particle for c in tok.children):
        return f"{tok.text} {particle}"
    return tok.text


def balanced(span: Span) -> Span:
    """The span with the quotation mark back that trimming took from either edge
    ("... had checked “every metre of the embankment”", not "... “every metre ...")."""
    if not active("balanced_marks"):
        return span
    doc, text = span.doc, span.text
    left, right = span.start, span.end
    straight_odd = text.count('"') % 2 == 1
    single_open = text.count("‘") > text.count("’")
    if text.count("“") > text.count("”") or single_open or (
        straight_odd and text.rfind('"') > 0
    ):
        # the mark may follow the sentence's stop ("... embankment.”")
        for end in (right, right + 1):
            if end < len(doc) and doc[end].text in ("”", '"', "’"):
                right = end + 1
                break
            if end >= len(doc) or not doc[end].is_punct:
                break
    elif (text.count("”") > text.count("“") or straight_odd) and (
        left > 0 and doc[left - 1].text in ("“", '"')
    ):
        left -= 1
    return doc[left:right]


def is_edge(tok: Token) -> bool:
    """Punctuation or blank tokens trimmed off the edges of a reported clause."""
    return tok.is_punct or tok.is_space


def inner(doc: Doc, left: int, right: int, without_mark: bool = False) -> Span | None:
    """Tokens ``left`` to ``right`` (inclusive) less punctuation and blanks at either edge,
    and a leading "that" with ``without_mark``; None when nothing is left."""
    while left <= right and ((without_mark and doc[left].dep_ == "mark") or is_edge(doc[left])):
        left += 1
    while right >= left and is_edge(doc[right]):
        right -= 1
    return doc[left : right + 1] if right >= left else None


def overlap(a: int, b: int, c: int, d: int) -> int:
    """How many characters the spans ``a``-``b`` and ``c``-``d`` share."""
    return max(0, min(b, d) - max(a, c))

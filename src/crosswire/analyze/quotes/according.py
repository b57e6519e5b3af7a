""""According to" attributions: a source named without a verb of saying.

"The pier will reopen in May, according to the harbour office" and "“We are ready,”
according to Lind" attribute words as a cue would, but "according" is no speech verb: the
statement is the clause the phrase hangs on, less the phrase itself.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from crosswire.analyze.quotes.spans import inner, is_edge
from crosswire.analyze.statements.registry import active


def is_according(tok: Token) -> bool:
    """The "according" of "according to", read as a cue while the rule is on."""
    return (
        active("according_to")
        and tok.lower_ == "according"
        and tok.i + 1 < len(tok.doc)
        and tok.nbor(1).lower_ == "to"
    )


def according_content(according: Token) -> Span | None:
    """What an "according to" phrase sources: the clause it hangs on, without the phrase."""
    head = according.head
    if head == according:
        return None
    left, right = head.left_edge.i, head.right_edge.i
    a_left, a_right = according.left_edge.i, according.right_edge.i
    sent = according.sent
    doc = according.doc
    rest = [t for t in doc[a_right + 1 : sent.end] if not is_edge(t)]
    if not rest:
        # "X, according to Y." closes its sentence: X is all that comes before it, whatever
        # word the parser hung the phrase on.
        left, right = sent.start, a_left - 1
    elif a_left <= left:
        left = a_right + 1
    elif a_right >= right:
        right = a_left - 1
    return inner(doc, left, right)

"""What the rules read from a parsed document, built once per document.

spaCy rebuilds several of a ``Doc``'s views on every access: ``Doc.text`` joins every token,
``Doc.ents`` makes a new ``Span`` per entity, and ``Span.ents`` walks the whole document's
entities for each sentence or name it is asked about. The figure, speaker and actor rules ask
per number and per name, which on a long page cost more than the rules themselves. These
helpers keep each view in ``Doc.user_data`` (its own keys are strings; spaCy's extension
attributes use tuples) and answer exactly what spaCy's own properties would: a document is
not changed once parsed, so what was built stays true.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span

_TEXT = "crosswire.text"
_ENTS = "crosswire.ents"
_ENT_STARTS = "crosswire.ent_starts"


def doc_text(doc: Doc) -> str:
    """The document's text (``Doc.text``), built once."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """The document's entities (``Doc.ents``), built once."""
    ents = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = tuple(doc.ents)
        doc.user_data[_ENT_STARTS] = [e.start for e in ents]
    return ents


def _ent_starts(doc: Doc) -> list[int]:
    doc_ents(doc)
    starts: list[int] = doc.user_data[_ENT_STARTS]
    return starts


def ents_within(span: Span) -> list[Span]:
    """The entities that lie wholly inside ``span``, in order: ``Span.ents``, found by
    bisection instead of a walk over every entity of the document."""
    ents = doc_ents(span.doc)
    out: list[Span] = []
    # spaCy's walk takes the entities from the first one starting in the span until one
    # runs past its end; entities do not overlap, so that is a run from a bisection.
    for k in range(bisect_left(_ent_starts(span.doc), span.start), len(ents)):
        if ents[k].end > span.end:
            break
        out.append(ents[k])
    return out


def ent_containing(doc: Doc, i: int) -> Span | None:
    """The entity that holds token ``i``, if any (entities do not overlap)."""
    k = bisect_right(_ent_starts(doc), i) - 1
    if k < 0:
        return None
    ent = doc_ents(doc)[k]
    return ent if i < ent.end else None

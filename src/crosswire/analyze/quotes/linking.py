"""Quotations that continue one before them: split quotes, listed fragments, quote paragraphs.

"“X,” Lind said, “Y.”" is one quote split by its cue; "called it a “X,” a “Y” and “Z”"
one statement quoted in pieces; a quotation without a cue of its own takes the cue of the
sentence that announces it ("Rutte said:"), the source named before its colon, or, opening
the paragraph after another quotation, that quotation's speaker.
"""

from __future__ import annotations

import re

from crosswire.analyze.marks import Quotation
from crosswire.analyze.quotes.candidate import Candidate
from crosswire.analyze.quotes.colon import colon_source, introducing_cue
from crosswire.analyze.quotes.text import QuoteText
from crosswire.analyze.speakers import speaker_of
from crosswire.analyze.statements.registry import active

# A sentence end in running text, the closing mark of a title included ("on “Today.” ").
_SENTENCE_BREAK = re.compile(r"[.!?][”\"’]?\s")
# The longest gap between two listed fragments (", a", " and an").
_LIST_GAP = 12
# The longest tail a quote paragraph may leave before the next one opens.
_PARAGRAPH_TAIL = 120


def link_uncued(t: QuoteText, cands: list[Candidate]) -> list[Candidate]:
    """The candidates with each continuation merged into the quote it continues, and each
    direct quote without a cue of its own given the cue or speaker it continues."""
    out: list[Candidate] = []
    for cand in cands:
        q = cand.quotation
        prev = out[-1] if out else None
        if (
            cand.kind == "direct"
            and prev is not None
            and prev.kind == "direct"
            and prev.cue is not None
            and continues_split(t, prev, cand)
        ):
            prev.merged = (prev.merged or []) + [q]
            prev.cue_end = None
            continue
        if (
            cand.kind == "partial"
            and prev is not None
            and prev.kind == "partial"
            and listed_with(t, prev, cand)
        ):
            # "called him a “X,” an “Y” and “Z”": one statement quoted in pieces.
            prev.merged = (prev.merged or []) + [q]
            continue
        if cand.kind == "direct" and cand.cue is None:
            cue = introducing_cue(t, q.open)
            named = colon_source(t, q.open)
            if named is not None:
                cand.speaker = named
            elif cue is not None:
                cand.cue = cue
                cand.speaker = speaker_of(cue, t.focus)
            elif prev is not None and prev.speaker is not None and continues(t, prev, q):
                # Quote paragraphs in a row: the speaker named for the first goes on.
                cand.speaker = prev.speaker
        out.append(cand)
    return out


def listed_with(t: QuoteText, prev: Candidate, cand: Candidate) -> bool:
    """Whether two quoted fragments are items of one list under one cue."""
    if not active("listed_fragments"):
        return False
    if prev.cue is None or cand.cue is None or prev.cue.i != cand.cue.i:
        return False
    gap = t.text[prev.last().after : cand.quotation.open]
    return len(gap) <= _LIST_GAP and not any(ch in gap for ch in "\n.;:!?")


def continues_split(t: QuoteText, prev: Candidate, cand: Candidate) -> bool:
    """Whether ``cand`` is the second half of ``prev``, split by their one cue:
    "“X,” Lind said, “Y”" (the cue serves both) or "“X,” Lind told the “Morning Show”
    on Monday. “Y.”" (no cue of its own, the cue's sentence in between)."""
    if not active("split_quotes"):
        return False
    start = prev.last().after
    gap = t.text[start : cand.quotation.open]
    if "\n" in gap or prev.cue is None:
        return False
    if cand.cue is not None:
        return cand.cue.i == prev.cue.i
    breaks = [
        m for m in _SENTENCE_BREAK.finditer(gap + " ")
        if not t.abbreviation_at(start + m.start())
    ]
    return prev.cue_end is not None and len(breaks) <= 1


def continues(t: QuoteText, prev: Candidate, q: Quotation) -> bool:
    """Whether ``q`` opens the paragraph right after the one ``prev`` ends in."""
    if prev.kind != "direct" or not active("quote_paragraphs"):
        return False
    gap = t.text[prev.last().after : q.open]
    pieces = gap.split("\n")
    return (
        len(pieces) > 1 and len(pieces[0]) <= _PARAGRAPH_TAIL and not "".join(pieces[1:]).strip()
    )

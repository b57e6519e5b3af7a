"""A quoted fragment inside indirect speech with the same cue is part of that statement.

"Officials said the move was “reckless”" is one statement, not the clause and the
fragment twice: the indirect quote is kept. When the fragment is most of the statement
("pointed out that “X,” referring to Y"), the quoted words are the better record and the
indirect one goes.
"""

from __future__ import annotations

from crosswire.analyze.quotes.candidate import Candidate
from crosswire.analyze.statements.registry import active
from crosswire.records import Quote

# The share of the statement a fragment must cover to stand for it.
_MOST = 0.6


def one_record_each(
    candidates: list[Candidate], quotes: list[Quote], indirect: list[tuple[int, Quote]]
) -> list[Quote]:
    """The direct and partial ``quotes`` (one per candidate) and the ``indirect`` ones
    (with their cue's index), less the fragments and clauses that repeat one another."""
    partial_cues = {c.cue.i: c for c in candidates if c.kind == "partial" and c.cue is not None}
    drop: set[int] = set()
    drop_indirect: set[int] = set()
    for n, (cue, quote) in enumerate(indirect if active("fragment_in_statement") else []):
        cand = partial_cues.get(cue)
        if cand is None or not quote.start <= cand.quotation.start < quote.end:
            continue
        q = cand.quotation
        if (q.end - q.start) >= _MOST * (quote.end - quote.start):
            drop_indirect.add(n)
        else:
            drop.add(id(cand))
    kept = [q for c, q in zip(candidates, quotes, strict=True) if id(c) not in drop]
    kept.extend(q for n, (_, q) in enumerate(indirect) if n not in drop_indirect)
    kept.sort(key=lambda q: (q.start, q.end))
    return kept

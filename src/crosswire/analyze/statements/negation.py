"""Negation and modality kept with the content of indirect speech.

"Powell said he doesn't believe the economy is in recession": the clause reported is "the
economy is in recession", but the statement is its denial. Dropping "doesn't" inverts what
the speaker holds, so the quote starts at the negation or modal on its cue and its text
carries them ("doesn't believe the economy is in recession"); the comparison's matcher then
sees the denial.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from crosswire.analyze.cached import doc_text
from crosswire.records import Quote

# Auxiliaries that make a cue's report a denial or a possibility, not an assertion.
MODAL_TAGS = frozenset({"MD"})


def hedges(cue: Token) -> list[Token]:
    """The negation and modal words on a cue ("does n't", "may", "never"), with the "do"
    or "have" that carries them, in text order."""
    marks = [
        c for c in cue.lefts
        if c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ in MODAL_TAGS)
    ]
    if not marks:
        return []
    first = min(m.i for m in marks)
    aux = [c for c in cue.lefts if c.dep_ in ("aux", "auxpass") and c.i < first]
    return sorted(marks + aux, key=lambda t: t.i)


def keep_negation(doc: Doc, quote: Quote, cue: Token | None) -> None:
    """Extend an indirect quote back over its cue's negation or modal."""
    if quote.kind != "indirect" or cue is None or cue.idx >= quote.start:
        return
    marks = hedges(cue)
    if not marks:
        return
    start = marks[0].idx
    if quote.speaker_start is not None and quote.speaker_start >= start:
        return  # the speaker sits between ("never has Lind said"): leave it as it is
    text = doc_text(doc)
    head = text[start : cue.idx + len(cue.text)]
    gap = text[cue.idx + len(cue.text) : quote.start]
    joiner = gap if len(gap) <= 12 and "\n" not in gap else " "
    quote.text = f"{head}{joiner}{quote.text}"
    quote.start = start

"""Beliefs and hopes are not statements of the speaker.

"Many economists believe that X", "I hope this newsletter finds you well", "If consumers
believe inflation will ease": the text ascribes a view or a wish; nobody is reported as
saying X. Such quotes are kept (attribution corpora count them) but marked, so the
comparison does not corroborate or contradict statements with them.
"""

from __future__ import annotations

from spacy.tokens import Token

from crosswire.analyze.cues import words_of
from crosswire.records import Quote

BELIEF_LEMMAS = words_of(
    "believe think feel expect fear know understand suspect doubt assume reckon imagine"
)
HOPE_LEMMAS = words_of("hope wish want")


def mark_belief(quote: Quote, cue: Token | None) -> None:
    """Mark a quote whose cue is a verb of belief or wish ("believes", "hopes")."""
    if cue is None or quote.mode != "statement":
        return
    lemma = cue.lemma_.lower()
    if lemma in BELIEF_LEMMAS:
        quote.mode = "belief"
    elif lemma in HOPE_LEMMAS:
        quote.mode = "hope"

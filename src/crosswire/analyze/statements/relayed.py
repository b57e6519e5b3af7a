"""Nested attribution is credited to the one who reports it.

"Sahm said that Powell is essentially saying the actual unemployment rate needs to be
higher": the words are Sahm's reading of Powell, not Powell's statement. A quote whose cue
sits, with the speaker it names, inside another speaker's reported words is relayed: it goes
to the outer speaker and is marked, so Powell is not compared as having said it.
"""

from __future__ import annotations

from spacy.tokens import Token

from crosswire.analyze.cues import PRONOUNS_GROUP, PRONOUNS_PERSON, PRONOUNS_SELF, SPEECH_LEMMAS
from crosswire.records import Quote

_PRONOUNS = PRONOUNS_PERSON | PRONOUNS_GROUP | PRONOUNS_SELF


def _described_again(cue: Token, quote: Quote) -> bool:
    """The speaker is a definite plural description ("the senators"): in news prose it
    names again the people already speaking, not someone else."""
    if quote.speaker_start is None or quote.speaker_end is None:
        return False
    span = cue.doc.char_span(quote.speaker_start, quote.speaker_end, alignment_mode="expand")
    return span is not None and span[0].lower_ == "the" and span.root.tag_ == "NNS"


def credit_outer_speaker(quote: Quote, cue: Token | None, quotes: list[Quote]) -> None:
    """Credit an indirect quote whose cue lies inside another quote to that quote's speaker."""
    if quote.kind != "indirect" or cue is None or cue.lemma_.lower() not in SPEECH_LEMMAS:
        return  # a view or wish inside a statement is the beliefs rule's concern
    if (quote.speaker_text or "").lower() in _PRONOUNS:
        return  # "Lind said she told them X": the pronoun is the outer speaker again
    if _described_again(cue, quote):
        return  # "Lind and Vell said X, what the councillors said was Y": the same people
    outer = next(
        (
            q for q in quotes
            if q is not quote
            and q.kind == "indirect"
            and q.speaker_text is not None
            and q.start <= cue.idx < q.end
            and q.start <= (quote.speaker_start if quote.speaker_start is not None else -1) < q.end
            and q.start <= quote.start
            and quote.end <= q.end + 1
        ),
        None,
    )
    same = outer is not None and quote.speaker is not None and outer.speaker == quote.speaker
    if outer is None or same or outer.speaker_start == quote.speaker_start:
        return  # the same person goes on ("Lind said that, as she told the council, X")
    quote.speaker, quote.speaker_text = outer.speaker, outer.speaker_text
    quote.speaker_start, quote.speaker_end = outer.speaker_start, outer.speaker_end
    if quote.mode == "statement":
        quote.mode = "relayed"

"""The cue token of an extracted quote, found again in the parse."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from crosswire.records import Quote


def cue_token(doc: Doc, quote: Quote) -> Token | None:
    """The verb the quote's ``cue`` names, nearest the content: before it for indirect speech
    ("Lind said that X"), or in the clause after ("X, Lind said"); None without a cue."""
    if not quote.cue or quote.cue == "according to":
        return None
    word = quote.cue.split()[0]
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return None
    sent_start = doc[span.start].sent.start
    for i in range(span.start - 1, max(sent_start - 40, -1), -1):
        if doc[i].text == word:
            return doc[i]
    limit = min(len(doc), span.end + 40)
    for i in range(span.start, limit):
        if doc[i].text == word and not quote.start <= doc[i].idx < quote.end:
            return doc[i]
    return None

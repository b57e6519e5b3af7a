"""Quotations signed by their source: a dash and a name after the closing mark, a
transcript line opening with its speaker, a signature line below a block quotation.

"“X.” ― Ana Reyes", "“Chris Matthews: Seriously ...”", "“...”¶- Bernie Sanders." name the
source outright, whatever verb a clause inside the quotation ("what he calls “hell”")
seemed to offer; readers' letters, roundups and transcripts quote this way.
"""

from __future__ import annotations

import re

from crosswire.analyze.quotes.candidate import set_speaker
from crosswire.analyze.quotes.text import QuoteText
from crosswire.analyze.speakers import Speaker
from crosswire.analyze.statements.registry import active
from crosswire.records import Quote

# The closing mark of a quotation, then a dash on the same line: a signature follows.
_DASH_SIGNATURE = re.compile(r"[.,!?]?[”\"’][ \t\xa0]*[―—–-][ \t\xa0]*(?=[A-Z])")
# How far into a quotation a transcript's "Speaker:" may end.
_TRANSCRIPT_NAME = 40
# The most words of a signature line (a name, a role, a town).
_SIGNATURE_WORDS = 12
# The most tokens of a name that signs.
_NAME_TOKENS = 5


def sign_quotes(t: QuoteText, quotes: list[Quote]) -> None:
    """Give each signed direct quote its signer as speaker, in place."""
    for quote in quotes:
        if quote.kind != "direct":
            continue
        signature = dash_signature(t, quote)
        if signature is not None:
            set_speaker(quote, signature)
        elif quote.speaker_text is None:
            named = signed_block(t, quote)
            if named is not None:
                set_speaker(quote, named)


def dash_signature(t: QuoteText, quote: Quote) -> Speaker | None:
    """A name after a dash on the closing mark's line ("“X.” ― Ana Reyes", "“X”
    -Teodor Malvik, Oslo"): the signature of a reader's or a roundup's quotation."""
    if not active("dash_signature"):
        return None
    m = _DASH_SIGNATURE.match(t.text, quote.end)
    return _name_on_line(t, m.end(), signed=True) if m is not None else None


def signed_block(t: QuoteText, quote: Quote) -> Speaker | None:
    """The source of a quotation set apart as a block: a transcript line opening with
    its speaker ("“Chris Matthews: Seriously ...”") or a signature line after it
    ("“...”¶- Bernie Sanders." / "¶Josh Bivens, Economic Policy Institute.")."""
    if not active("signed_block"):
        return None
    text = t.text
    colon = text.find(":", quote.start, quote.start + _TRANSCRIPT_NAME)
    if colon > quote.start:
        span = _name_span(t, quote.start, colon)
        if span is not None:
            return span
    line_start = text.find("\n", quote.end)
    if line_start < 0:
        return None
    while line_start < len(text) and text[line_start].isspace():
        line_start += 1
    line = text[line_start : t.paragraph(line_start)[1]]
    if not line or line.rstrip()[-1:] not in ".\"”":
        return None
    start = line_start + len(line) - len(line.lstrip("-–— "))
    # A dash before it marks the line as a signature, so a name the NER model did not
    # tag still signs the quotation ("¶- Sanders.", "¶-President Obama, tweeting ...").
    return _name_on_line(t, start, signed=start > line_start)


def _name_on_line(t: QuoteText, start: int, signed: bool) -> Speaker | None:
    """The name a signature line gives from ``start``: up to a comma (what follows is the
    signer's role or town) or the line's end; a short line only."""
    end_of_line = t.paragraph(start)[1]
    line = t.text[start:end_of_line]
    if len(line.split()) > _SIGNATURE_WORDS:
        return None
    comma = line.find(",")
    end = start + (comma if comma > 0 else len(line.rstrip(" .\xa0\"”")))
    return _name_span(t, start, end, signed=signed)


def _name_span(t: QuoteText, start: int, end: int, signed: bool = False) -> Speaker | None:
    """The text between two offsets when it is a person's name and nothing else."""
    first = t.token(start)
    if first.idx < start < first.idx + len(first):
        start = first.idx  # a dash glued to the name ("-Michelle Marks")
    tokens = [tok for tok in t.tokens(start, end) if not tok.is_space]
    if not tokens or len(tokens) > _NAME_TOKENS or tokens[-1].idx + len(tokens[-1]) < end - 1:
        return None
    if not signed and not any(tok.ent_type_ == "PERSON" for tok in tokens):
        return None
    if not all(tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON" or tok.is_punct for tok in tokens):
        return None
    span = t.doc[tokens[0].i : tokens[-1].i + 1]
    return t.speaker(span, span[-1])

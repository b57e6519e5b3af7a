"""A quotation without cue or signature continues the speaker the text was just about.

News prose names a speaker once and lets the next quotation stand alone: in the same
paragraph ("“X,” Rutte said on TV. “Y.”") or opening the next one ("Rutte said that X.¶
“Y.”"). Any kind of attribution counts as the one continued, indirect speech included.
With none in reach, the quotation continues the person last named as a subject ("Lind
announced the lawsuit on Monday. “We are seeking ...”").
"""

from __future__ import annotations

from crosswire.analyze.marks import ALL_MARKS
from crosswire.analyze.quotes.candidate import set_speaker
from crosswire.analyze.quotes.text import QuoteText, previous_paragraph_start, token_at
from crosswire.analyze.speakers import Speaker, subject_mention
from crosswire.analyze.statements.registry import active
from crosswire.records import Quote


def inherit_speakers(t: QuoteText, quotes: list[Quote]) -> None:
    """Give each uncued direct quote the speaker of the statement just before it, else the
    person last named as a subject, in place (``quotes`` in text order)."""
    last: Quote | None = None
    for quote in quotes:
        uncued = quote.kind == "direct" and quote.cue is None and quote.speaker_text is None
        if (
            uncued
            and active("previous_speaker")
            and last is not None
            and last.end <= quote.start
            and last.start >= previous_paragraph_start(t.text, quote.start)
        ):
            quote.speaker, quote.speaker_text = last.speaker, last.speaker_text
            quote.speaker_start, quote.speaker_end = last.speaker_start, last.speaker_end
        elif uncued:
            subject = last_subject(t, quote.start)
            if subject is not None:
                set_speaker(quote, subject)
        nested = last is not None and last.start <= quote.start and quote.end <= last.end
        if quote.speaker_text is not None and not nested:
            # A statement reported inside another ("Greene added that the Fed wants X") is
            # not the one the next quotation continues: the outer speaker goes on.
            last = quote


def last_subject(t: QuoteText, pos: int) -> Speaker | None:
    """The person last named as a subject outside quotation marks, in the paragraph of
    ``pos`` or, for a quotation that opens its paragraph, the one before; None when a
    group or place was named as a subject since."""
    if not active("last_subject"):
        return None
    floor = t.paragraph(pos)[0]
    if not t.text[floor:pos].strip().strip("".join(ALL_MARKS)):
        floor = previous_paragraph_start(t.text, pos)
    if floor < 0:
        return None
    focus = t.focus
    at = token_at(t.starts, pos)
    focus.advance(at)
    for i, actor, group in reversed(focus.events):
        if i >= at:
            continue
        tok = t.doc[i]
        if tok.idx < floor or group:
            return None  # a place or a body as subject is what the text is about, not who
            # speaks: "... for Benghazi to happen. See the tweet: “...”"
        mention = subject_mention(tok)
        return Speaker(mention.start_char, mention.end_char, mention.text, actor)
    return None

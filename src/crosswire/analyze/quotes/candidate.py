"""A quotation on its way to becoming a quote, and the quote record it becomes.

The rules of direct and partial quotes decide, per quotation, its kind, its cue and its
speaker, and may merge later quotations into it (the second half of a split quote, the
items of a list); :func:`to_quote` then writes the record, each part's offsets trimmed of
blanks and a trailing comma (``"X," he said`` -> ``X``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from crosswire.analyze.marks import Quotation
from crosswire.analyze.quotes.spans import cue_text
from crosswire.analyze.quotes.text import QuoteText
from crosswire.analyze.speakers import Speaker
from crosswire.records import Quote


@dataclass(slots=True)
class Candidate:
    """A quotation read as a direct or partial quote, with what the rules found for it."""

    quotation: Quotation
    kind: str
    cue: Token | None = None
    speaker: Speaker | None = None
    cue_end: int | None = None  # char offset where the cue's sentence ends (split quotes)
    merged: list[Quotation] | None = None

    def last(self) -> Quotation:
        """The last quotation merged into this one (itself when none was)."""
        return (self.merged or [self.quotation])[-1]


def to_quote(t: QuoteText, cand: Candidate) -> Quote:
    parts: list[tuple[int, int]] = list(cand.quotation.parts)
    for extra in cand.merged or []:
        parts.extend(extra.parts)
    parts = [trim(t.text, s, e) for s, e in parts]
    # Fragments listed under one cue read as a list; the halves of a split quote as prose.
    glue = ", " if cand.kind == "partial" else " "
    text = glue.join(t.text[s:e] for s, e in parts if e > s)
    speaker = cand.speaker
    return Quote(
        start=parts[0][0],
        end=max(parts[-1][1], parts[0][0]),
        text=text,
        kind=cand.kind,  # type: ignore[arg-type]
        cue=cue_text(cand.cue) if cand.cue is not None else None,
        speaker=speaker.actor if speaker else None,
        speaker_text=speaker.text if speaker else None,
        speaker_start=speaker.start if speaker else None,
        speaker_end=speaker.end if speaker else None,
    )


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Content offsets without surrounding blanks and a trailing comma."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return start, end


def set_speaker(quote: Quote, speaker: Speaker) -> None:
    quote.speaker = speaker.actor
    quote.speaker_text = speaker.text
    quote.speaker_start = speaker.start
    quote.speaker_end = speaker.end

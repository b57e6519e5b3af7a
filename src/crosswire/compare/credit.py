"""Whether an outlet wrote who said a quote, or the extraction inferred it.

An attribution dispute says that two outlets credit one statement to different people. That
is what the outlets say only when each wrote the name by the quote. A credit resolved from a
pronoun ("he said", read as the wrong justice), from a description ("the congressman") or
carried from a mention in another sentence (the interviewer's question, then "His response:
...") is the extraction's reading, and its errors are no disagreement between outlets.
"""

from __future__ import annotations

from crosswire.analyze.cues import PRONOUNS_GROUP, PRONOUNS_PERSON, PRONOUNS_SELF
from crosswire.compare.sources import Source
from crosswire.compare.speakers import is_name
from crosswire.records import Quote

_PRONOUNS = PRONOUNS_PERSON | PRONOUNS_GROUP | PRONOUNS_SELF | {"his", "hers", "their", "it"}


def inferred_credit(source: Source, quote: Quote) -> str | None:
    """Why ``quote``'s speaker is the extraction's inference, or None when the outlet wrote the
    name in the quote's own sentences (or no mention is recorded, so nothing can be checked).

    Examples:
        >>> from crosswire.records import Analysis, Article
        >>> text = 'Vale asked Orr a question. His answer: "We stay." "We go," Orr said.'
        >>> article = Article(id="a", source="a", text=text, raw=text, outlet="Ledger")
        >>> analysis = Analysis(article="a", sentences=[(0, 26), (27, 47), (48, 67)])
        >>> source = Source(article, analysis, "Ledger", 0)
        >>> carried = Quote(40, 47, "We stay.", speaker="Vale", speaker_text="Vale",
        ...                 speaker_start=0, speaker_end=4)
        >>> written = Quote(49, 55, "We go,", speaker="Orr", speaker_text="Orr",
        ...                 speaker_start=58, speaker_end=61)
        >>> pronoun = Quote(49, 55, "We go,", speaker="Orr", speaker_text="he",
        ...                 speaker_start=58, speaker_end=60)
        >>> inferred_credit(source, carried), inferred_credit(source, written)
        ('a mention in another sentence ("Vale")', None)
        >>> inferred_credit(source, pronoun)
        'the pronoun "he"'
    """
    mention = (quote.speaker_text or "").strip()
    if not mention or quote.speaker_start is None:
        return None
    if mention.lower() in _PRONOUNS:
        return f'the pronoun "{mention}"'
    if not is_name(mention):
        return f'the description "{mention}"'
    start, end = _sentences_of(source, quote)
    if not start <= quote.speaker_start < end:
        return f'a mention in another sentence ("{mention}")'
    return None


def _sentences_of(source: Source, quote: Quote) -> tuple[int, int]:
    """The span of the sentences the quote runs through (the quote itself without any)."""
    start, end = quote.start, quote.end
    for s, e in source.analysis.sentences:
        if s <= quote.start < e:
            start = min(start, s)
        if s < quote.end <= e:
            end = max(end, e)
    return start, end

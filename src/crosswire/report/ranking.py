"""In what order a report shows what it found, and what it folds away.

A story of a few outlets yields dozens of single-source quotes and "only in" passages; shown
open and unordered they bury the few points where outlets disagree. Every report format shows
disputed points first and single-source items last, folded, the ones most worth reading first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from crosswire.compare.rank import ranked
from crosswire.compare.rank import weak as weak  # re-exported for the page model
from crosswire.records import Discrepancy, QuoteGroup


def rank_discrepancies(items: Sequence[Discrepancy]) -> list[Discrepancy]:
    """Most worth reading first, as the comparison ranks them (:func:`compare.rank.ranked`)."""
    return ranked(list(items))


def rank_lone_quotes(groups: Sequence[QuoteGroup]) -> list[QuoteGroup]:
    """Single-source quotes: any disputed one first, then the story's main voices (the
    speakers quoted most in the story), named speakers before unattributed words, longer
    statements before fragments."""
    voices = Counter(g.speaker for g in groups if g.speaker)

    def key(pair: tuple[int, QuoteGroup]) -> tuple[bool, int, bool, int, int]:
        index, g = pair
        words = len(g.variants[0].text.split()) if g.variants else 0
        voice = -voices[g.speaker] if g.speaker else 0
        return (g.status != "conflicting", voice, g.speaker is None, -words, index)

    return [g for _, g in sorted(enumerate(groups), key=key)]

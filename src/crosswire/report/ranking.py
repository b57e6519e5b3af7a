"""In what order a report shows what it found, and what it folds away.

A story of a few outlets yields dozens of single-source quotes and "only in" passages; shown
open and unordered they bury the few points where outlets disagree. Every report format shows
disputed points first and single-source items last, folded, the ones most worth reading first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from crosswire.records import Discrepancy, QuoteGroup

# Without a confidence from the comparison, a disagreement over what a number counts or what it
# is matters most, then where and when the remarks were made, then who is credited.
KIND_ORDER = (
    "figure-value",
    "figure-meaning",
    "attribution",
    "venue",
    "date",
    "figure-attribution",
)
# A discrepancy the comparison rates below this is folded with the weak ones.
WEAK_BELOW = 0.5


def _kind_rank(kind: str) -> int:
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)


def rank_discrepancies(items: Sequence[Discrepancy]) -> list[Discrepancy]:
    """Most worth reading first: by the comparison's ``confidence`` where it gives one, then by
    kind; the comparison's order breaks ties."""

    def key(pair: tuple[int, Discrepancy]) -> tuple[float, int, int]:
        index, d = pair
        confidence = getattr(d, "confidence", None)
        return (-(confidence if confidence is not None else 1.0), _kind_rank(d.kind), index)

    return [d for _, d in sorted(enumerate(items), key=key)]


def is_weak(d: Discrepancy) -> bool:
    """A discrepancy the comparison itself doubts (folded, still listed)."""
    confidence = getattr(d, "confidence", None)
    return confidence is not None and confidence < WEAK_BELOW


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

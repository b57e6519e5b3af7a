"""The copy decision over records: which earlier article, if any, an article copies.

The decision reads only an article's fingerprint record and a candidate set, so every engine
takes it the same way: the store adapter (``dedup/link.py``) supplies candidates from its LSH
index, the Ray engine (``engine/ray_dedup.py``) from a shuffle on band keys.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from crosswire.dedup.fingerprint import DTYPE

# Sort key of an original: (published date or "~" when undated, the order stored).
Age = tuple[str, int]
UNDATED = "~"


@dataclass(frozen=True, slots=True)
class Printed:
    """An article's fingerprint record: its id, exact hash and MinHash signature."""

    id: str
    exact: str
    signature: bytes


@dataclass(frozen=True, slots=True)
class Candidate:
    """An article that may be the one copied, with what the decision reads of it.

    ``signature`` is None for an article stored but not fingerprinted yet: it counts as an
    exact match (same words) but cannot be an original, since only articles fingerprinted
    before this one can be. ``original`` is the candidate's own original (itself unless it is
    a copy) and ``original_age`` that original's sort key, so chains collapse to one source.
    """

    id: str
    exact: str
    signature: bytes | None
    original: str
    original_age: Age


def age_of(published: str | None, rank: int) -> Age:
    """Earliest published first, undated last, then the order stored."""
    return (published or UNDATED, rank)


def estimated_jaccard(a: bytes, b: bytes) -> float:
    """Share of equal MinHash values: datasketch's estimate of the shingle sets' Jaccard."""
    left, right = np.frombuffer(a, dtype=DTYPE), np.frombuffer(b, dtype=DTYPE)
    return float(np.count_nonzero(left == right)) / len(left)


def choose_original(
    article: Printed, candidates: Iterable[Candidate], threshold: float = 0.8
) -> str | None:
    """The original ``article`` copies among ``candidates``, or None when it is independent.

    An exact copy (same words) of another article decides alone; otherwise a near copy is a
    candidate whose estimated Jaccard reaches ``threshold``. Of those fingerprinted before this
    article, the oldest original wins.

    Examples:
        >>> from crosswire.dedup.fingerprint import fingerprint
        >>> a = fingerprint("The dam at Lake Orvel held through the night, engineers said.")
        >>> old = Candidate("a1", a.exact, a.signature, "a1", ("2026-01-01", 1))
        >>> choose_original(Printed("a2", a.exact, a.signature), [old])
        'a1'
    """
    others = sorted((c for c in candidates if c.id != article.id), key=lambda c: c.id)
    exact = [c for c in others if c.exact == article.exact]
    matches = exact or [
        c
        for c in others
        if c.signature is not None
        and estimated_jaccard(article.signature, c.signature) >= threshold
    ]
    earlier = [c for c in matches if c.signature is not None]
    if not earlier:
        return None
    return min(earlier, key=lambda c: c.original_age).original

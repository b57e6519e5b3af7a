"""How alike two articles are, lexically: TF-IDF cosine over words and over names, in a window.

IDF comes from the store's persistent document-frequency table, so weights sharpen as more
articles arrive and no all-pairs matrix is ever built.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from crosswire.stories.features import StoryFeatures, name_key, parse_date

# Share of the score that comes from names. Words carry the event (what happened), names carry
# who and where; two reports of one event agree on both, two games of one league or two speeches
# of one politician agree on only one. Equal shares: no evidence favours either.
NAME_SHARE = 0.5


@dataclass(slots=True, frozen=True)
class PairScore:
    """Similarity of two articles: word cosine, name cosine and their blend."""

    words: float
    names: float
    score: float


def idf(df: int, documents: int) -> float:
    """Smoothed IDF (as scikit-learn's): never zero, so a shared common word still counts a bit."""
    return math.log((1 + documents) / (1 + df)) + 1.0


def weigh(counts: Mapping[str, int], df: Mapping[str, int], documents: int) -> dict[str, float]:
    """Sublinear TF times IDF, L2-normalised: long articles do not win by repeating words."""
    weights = {t: (1.0 + math.log(c)) * idf(df.get(t, 0), documents) for t, c in counts.items() if c}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {t: w / norm for t, w in weights.items()} if norm else {}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[t] for t, w in a.items() if t in b)


@dataclass(slots=True)
class Vectors:
    """An article's normalised word and name vectors under the current IDF."""

    words: dict[str, float]
    names: dict[str, float]


def vectors(features: StoryFeatures, df: Mapping[str, int], documents: int) -> Vectors:
    name_df = {n: df.get(name_key(n), 0) for n in features.names}
    return Vectors(
        words=weigh(features.terms, df, documents),
        names=weigh(features.names, name_df, documents),
    )


def pair_score(a: Vectors, b: Vectors) -> PairScore:
    """Blend of word and name cosines. Articles without names fall back to words alone."""
    words = cosine(a.words, b.words)
    if not a.names or not b.names:
        return PairScore(words=words, names=0.0, score=words)
    names = cosine(a.names, b.names)
    return PairScore(words=words, names=names, score=(1 - NAME_SHARE) * words + NAME_SHARE * names)


def within_window(a: str | None, b: str | None, window_days: float) -> bool:
    """True unless both dates are known and further apart than the window (undated always fit)."""
    first, second = parse_date(a), parse_date(b)
    if first is None or second is None:
        return True
    return abs((first - second).total_seconds()) <= window_days * 86400


def merge_counts(items: list[Counter[str]]) -> Counter[str]:
    total: Counter[str] = Counter()
    for item in items:
        total.update(item)
    return total

"""How alike two articles are, lexically: TF-IDF cosine over words and over names, in a window.

IDF comes from the store's persistent document-frequency table, so weights sharpen as more
articles arrive and no all-pairs matrix is ever built.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from crosswire.dates import parse_date
from crosswire.stories.features import StoryFeatures, name_key

# Lead-embedding cosine (all-MiniLM-L6-v2) that on its own best separates same-event pairs
# from the rest: on the SemEval pairs different events reach ~0.51 and same events start at
# ~0.57 (one topic-level exception at 0.59), so the middle of the gap (bench/stories.py).
EMBED_THRESHOLD = 0.55
# A figure that reads as a year: two reports that each dwell on years, but never the same one,
# are most likely about different occasions ("the 2018 summit" and "the 2021 summit").
YEAR_RE = re.compile(r"#(?:1[89]|20)\d\d$")


def idf(df: int, documents: int) -> float:
    """Smoothed IDF (as scikit-learn's): never zero, so a shared common word still counts a bit."""
    return math.log((1 + documents) / (1 + df)) + 1.0


def weigh(counts: Mapping[str, int], df: Mapping[str, int], documents: int) -> dict[str, float]:
    """Sublinear TF times IDF, L2-normalised: long articles do not win by repeating words."""
    # idf() written out: this runs for every term of every candidate scored.
    log, get, total = math.log, df.get, 1 + documents
    weights = {
        t: (1.0 + log(c)) * (log(total / (1 + get(t, 0))) + 1.0) for t, c in counts.items() if c
    }
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
    language: str | None = None
    head: dict[str, float] = field(default_factory=dict)
    # How rare each name (and figure) is, 0 (in every article) to 1 (in this one alone).
    rarity: dict[str, float] = field(default_factory=dict)
    size: int = 0
    published: str | None = None
    # Years the article dwells on: named more than once (the title counts thrice).
    years: frozenset[str] = frozenset()


def vectors(features: StoryFeatures, df: Mapping[str, int], documents: int) -> Vectors:
    name_df = {n: df.get(name_key(n), 0) for n in features.names}
    top = idf(0, documents)
    return Vectors(
        words=weigh(features.terms, df, documents),
        names=weigh(features.names, name_df, documents),
        language=features.language,
        head=weigh(features.head, df, documents),
        rarity={n: (idf(d, documents) - 1.0) / (top - 1.0) if top > 1.0 else 1.0
                for n, d in name_df.items()},  # fmt: skip
        size=sum(features.terms.values()),
        published=features.published,
        years=frozenset(n for n, c in features.names.items() if c >= 2 and YEAR_RE.match(n)),
    )


def within_window(a: str | None, b: str | None, window_days: float) -> bool:
    """True unless both dates are known and further apart than the window (undated always fit)."""
    first, second = parse_date(a), parse_date(b)
    if first is None or second is None:
        return True
    return abs((first - second).total_seconds()) <= window_days * 86400


def embedding_cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.dot(a, b))


def combine(probability: float, cosine: float, threshold: float) -> float:
    """The pair model's probability averaged with the embedding cosine, on the probability's
    scale.

    The cosine is mapped linearly so that ``EMBED_THRESHOLD`` lands on the join ``threshold``;
    then each method votes in units of its own threshold. An average, not a max or min: the
    embedding alone rates same-topic reports of different events high (one politician, two
    speeches), words alone miss paraphrase and headline-only pages; averaging lets strong
    evidence from one side carry a borderline other, which neither max (either side's false
    positives) nor min (either side's misses) does.
    """
    mapped = min(1.0, max(0.0, cosine) * threshold / EMBED_THRESHOLD)
    return (probability + mapped) / 2

"""How alike two articles are, lexically: TF-IDF cosine over words and over names, in a window.

IDF comes from the store's persistent document-frequency table, so weights sharpen as more
articles arrive and no all-pairs matrix is ever built.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from crosswire.dates import parse_date
from crosswire.stories.features import StoryFeatures, name_key
from crosswire.stories.language import different_languages

# Share of the blended score that comes from names. Words carry the event (what happened), names
# carry who and where; equal shares, as no evidence favours either.
NAME_SHARE = 0.5
# Across languages only names and figures can match, and fewer of them do than within one
# language: a transliterated or declined name ("Trumpa", Chinese characters), a German noun
# taken for a name. On the SemEval pairs, same-event reports in two languages reach a median
# name cosine of 0.27 against 0.47 for same-event English pairs, while unrelated pairs sit
# near 0.05 in both; scaling by that ratio puts the two on one scale (bench/stories.py).
CROSS_LANGUAGE_SCALE = 1.7
# One shared name across languages is a topic (a politician in the news, a city), not yet an
# event: a pair in two languages needs two shared names or figures before they count.
MIN_SHARED_ANCHORS = 2
# Lead-embedding cosine (all-MiniLM-L6-v2) that on its own best separates same-event pairs
# from the rest: on the SemEval pairs different events reach ~0.51 and same events start at
# ~0.57 (one topic-level exception at 0.59), so the middle of the gap (bench/stories.py).
EMBED_THRESHOLD = 0.55
# The lexical score the embedding threshold is mapped onto (config.story_threshold's default).
LEXICAL_REFERENCE = 0.2


@dataclass(slots=True, frozen=True)
class PairScore:
    """Similarity of two articles: word cosine, name cosine and their blend."""

    words: float
    names: float
    score: float
    embedding: float | None = None


def idf(df: int, documents: int) -> float:
    """Smoothed IDF (as scikit-learn's): never zero, so a shared common word still counts a bit."""
    return math.log((1 + documents) / (1 + df)) + 1.0


def weigh(counts: Mapping[str, int], df: Mapping[str, int], documents: int) -> dict[str, float]:
    """Sublinear TF times IDF, L2-normalised: long articles do not win by repeating words."""
    weights = {
        t: (1.0 + math.log(c)) * idf(df.get(t, 0), documents) for t, c in counts.items() if c
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


def vectors(features: StoryFeatures, df: Mapping[str, int], documents: int) -> Vectors:
    name_df = {n: df.get(name_key(n), 0) for n in features.names}
    return Vectors(
        words=weigh(features.terms, df, documents),
        names=weigh(features.names, name_df, documents),
        language=features.language,
    )


def pair_score(a: Vectors, b: Vectors) -> PairScore:
    """Word cosine, raised by the word/name blend when the two articles name the same actors.

    Names only add evidence, never veto: the regex names of a paywall stub or a photo caption
    are noise ("Subscribers", a photographer), and a headline-only page must still be able to
    match on its words. Sharing rare names (people, places) is strong evidence of one event.
    """
    words = cosine(a.words, b.words)
    names = cosine(a.names, b.names) if a.names and b.names else 0.0
    if different_languages(a.language, b.language):
        # Words of two languages rarely match: names and figures carry the pair, on the scale
        # of a same-language score, once there are enough of them.
        if len(a.names.keys() & b.names.keys()) < MIN_SHARED_ANCHORS:
            return PairScore(words, names, words)
        return PairScore(words, names, min(1.0, max(words, CROSS_LANGUAGE_SCALE * names)))
    blend = (1 - NAME_SHARE) * words + NAME_SHARE * names
    return PairScore(words=words, names=names, score=max(words, blend))


def within_window(a: str | None, b: str | None, window_days: float) -> bool:
    """True unless both dates are known and further apart than the window (undated always fit)."""
    first, second = parse_date(a), parse_date(b)
    if first is None or second is None:
        return True
    return abs((first - second).total_seconds()) <= window_days * 86400


def embedding_cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.dot(a, b))


def combine(lexical: PairScore, cosine: float) -> PairScore:
    """The lexical score averaged with the embedding cosine, on the lexical score's scale.

    The cosine is mapped linearly so that ``EMBED_THRESHOLD`` lands on the lexical reference
    threshold; then each method votes in units of its own threshold. An average, not a max
    or min: the embedding alone rates same-topic reports of different events high (one
    politician, two speeches), words alone miss paraphrase and headline-only pages; averaging
    lets strong evidence from one side carry a borderline other, which neither max (either
    side's false positives) nor min (either side's misses) does.
    """
    mapped = cosine * LEXICAL_REFERENCE / EMBED_THRESHOLD
    return PairScore(lexical.words, lexical.names, (lexical.score + mapped) / 2, cosine)

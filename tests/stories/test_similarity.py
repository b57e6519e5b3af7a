"""TF-IDF vectors and cosines, the time window, and the embedding vote."""

from __future__ import annotations

from collections import Counter

import pytest

from crosswire.stories.features import StoryFeatures
from crosswire.stories.similarity import (
    EMBED_THRESHOLD,
    combine,
    cosine,
    vectors,
    weigh,
    within_window,
)


def test_weigh_normalises_and_favours_rare_terms() -> None:
    weights = weigh({"bridge": 1, "city": 1}, {"bridge": 1, "city": 90}, documents=100)
    assert sum(w * w for w in weights.values()) == pytest.approx(1.0)
    assert weights["bridge"] > weights["city"]


def test_cosine_of_identical_and_disjoint_vectors() -> None:
    a = weigh({"bridge": 2, "crack": 1}, {}, 10)
    assert cosine(a, a) == pytest.approx(1.0)
    assert cosine(a, weigh({"football": 1}, {}, 10)) == 0.0


def test_vectors_look_names_up_under_their_own_prefix() -> None:
    features = StoryFeatures(terms=Counter(velmora=1), names=Counter(velmora=1))
    vecs = vectors(features, {"velmora": 50, "@velmora": 1}, documents=100)
    assert vecs.words == {"velmora": pytest.approx(1.0)}
    assert vecs.names == {"velmora": pytest.approx(1.0)}


def test_window_applies_only_when_both_dates_are_known() -> None:
    assert within_window("2031-05-01", "2031-05-07T12:00:00", 7.0)
    assert not within_window("2031-05-01", "2031-05-09", 7.0)
    assert within_window(None, "2031-05-09", 7.0)
    assert within_window("2031-05-01", "not a date", 7.0)


def test_combine_votes_each_side_in_units_of_its_threshold() -> None:
    assert combine(0.7, EMBED_THRESHOLD, 0.7) == pytest.approx(0.7)
    # A strong embedding carries a weak lexical match over the threshold, and the reverse.
    assert combine(0.5, 0.8, 0.7) > 0.7
    assert combine(0.5, 0.4, 0.7) < 0.7
    # A borderline lexical match the embedding calls unrelated is pulled under.
    assert combine(0.75, 0.1, 0.7) < 0.7

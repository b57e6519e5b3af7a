"""Pair scores: TF-IDF cosine over words, names that only add evidence, the time window."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from crosswire.stories.features import StoryFeatures
from crosswire.stories.similarity import (
    CROSS_LANGUAGE_SCALE,
    EMBED_THRESHOLD,
    LEXICAL_REFERENCE,
    PairScore,
    Vectors,
    combine,
    cosine,
    pair_score,
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


def test_shared_names_raise_the_score_but_never_lower_it() -> None:
    words = {"bridge": 0.6, "crack": 0.8}
    same_names = pair_score(Vectors(words, {"velmora": 1.0}), Vectors(words, {"velmora": 1.0}))
    assert same_names.score == pytest.approx(1.0)
    # A paywall stub's "names" share nothing with the report: words alone decide.
    noisy = pair_score(Vectors(words, {"velmora": 1.0}), Vectors(words, {"subscribers": 1.0}))
    assert noisy.score == pytest.approx(noisy.words) == pytest.approx(1.0)
    partial = pair_score(
        Vectors({"bridge": 1.0}, {"velmora": 1.0}), Vectors({"crack": 1.0}, {"velmora": 1.0})
    )
    assert partial.words == 0.0 and partial.score == pytest.approx(0.5)


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
    at_threshold = PairScore(words=0.2, names=0.0, score=LEXICAL_REFERENCE)
    both = combine(at_threshold, EMBED_THRESHOLD)
    assert both.score == pytest.approx(LEXICAL_REFERENCE)
    assert both.embedding == EMBED_THRESHOLD and both.words == 0.2
    # A strong embedding carries a weak lexical match over the threshold, and the reverse.
    weak_words = PairScore(words=0.12, names=0.0, score=0.12)
    assert combine(weak_words, 0.8).score > LEXICAL_REFERENCE
    assert combine(weak_words, 0.4).score < LEXICAL_REFERENCE
    # A borderline lexical match the embedding calls unrelated is pulled under.
    assert combine(PairScore(0.25, 0.0, 0.25), 0.1).score < LEXICAL_REFERENCE


def test_across_languages_names_and_figures_carry_the_pair() -> None:
    names = {"quillfeather": 0.6, "velmora": 0.6, "#40000": 0.52}
    german = Vectors({"brucke": 1.0}, names, language="de")
    english = Vectors({"bridge": 1.0}, {"quillfeather": 0.8, "velmora": 0.6}, language="en")
    pair = pair_score(german, english)
    assert pair.words == 0.0
    assert pair.score == pytest.approx(min(1.0, CROSS_LANGUAGE_SCALE * pair.names))
    # The same vectors in one language: the usual word/name blend, which words halve here.
    same = pair_score(replace(german, language="en"), english)
    assert same.score == pytest.approx(pair.names / 2)


def test_one_shared_name_across_languages_is_a_topic_not_an_event() -> None:
    spanish = Vectors({"puente": 1.0}, {"velmora": 1.0}, language="es")
    english = Vectors({"fair": 1.0}, {"velmora": 0.6, "spring": 0.8}, language="en")
    assert pair_score(spanish, english).score == 0.0  # the words decide, and share nothing


def test_unknown_language_counts_as_the_same_language() -> None:
    a = Vectors({"bridge": 1.0}, {"velmora": 1.0}, language=None)
    b = Vectors({"bridge": 1.0}, {"velmora": 1.0}, language="en")
    assert pair_score(a, b).score == pytest.approx(1.0)

"""The score of two profiles: coverage, polarity, numbers and the embedding cosine."""

from __future__ import annotations

import pytest

from crosswire.compare.meaning import SAME, same_meaning
from crosswire.compare.meaning.score import (
    NEGATION_FACTOR,
    NUMBER_FACTOR,
    coverage,
    disagreement,
    with_cosine,
)
from crosswire.compare.meaning.terms import profile

DENIAL = ("I do not think the Vorland economy is currently in a recession",
          "She doesn't believe Vorland's economy is in recession")


def test_paraphrase_keeping_the_denial_is_the_same_statement():
    assert same_meaning(*DENIAL) >= SAME


def test_the_same_words_with_not_added_are_not():
    a, b = "The Vorland economy is in a recession", "The Vorland economy is not in a recession"
    assert same_meaning(a, b) < SAME
    assert disagreement(profile(a), profile(b)) == NEGATION_FACTOR
    # denying one's own statement twice over is still the same polarity
    assert disagreement(profile(DENIAL[0]), profile(DENIAL[1])) == 1.0


def test_another_number_is_another_statement():
    a = "The new bridge over the Vessa will open in two years"
    b = "The new bridge over the Vessa will open in three years"
    assert same_meaning(a, b) < SAME <= same_meaning(a, a)
    assert disagreement(profile(a), profile(b)) == NUMBER_FACTOR
    # a number the other passage leaves out is no disagreement, one it changes is
    assert disagreement(profile("until July 2026"), profile("until July 1, 2026")) == 1.0
    assert disagreement(profile("in May 2026"), profile("in 2027")) == NUMBER_FACTOR


def test_coverage_is_one_sided_and_a_short_passage_is_weak_evidence():
    short = profile("the pier reopened")
    long = profile("the pier reopened on Monday after the storm wrecked the ferry terminal")
    assert coverage(short, long) > coverage(long, short)
    assert coverage(short, long) < 1.0  # counted with the prior weight
    assert coverage(short, long, prior=0.0) == pytest.approx(1.0)


def test_a_synonym_counts_less_than_the_same_word():
    same = coverage(profile("the largest shareholder"), profile("the largest shareholder"))
    synonym = coverage(profile("the largest shareholder"), profile("the biggest shareholder"))
    unrelated = coverage(profile("the largest shareholder"), profile("the oldest shareholder"))
    assert same > synonym > unrelated


def test_the_embedding_adds_evidence_and_never_removes_it():
    assert with_cosine(0.6, None) == 0.6
    assert with_cosine(0.6, 0.0) == 0.6
    assert with_cosine(0.3, 0.95) > 0.3
    assert with_cosine(0.0, 1.0) < SAME  # an embedding alone is not enough

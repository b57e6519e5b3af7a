"""The error reading of ``bench/story_errors.py`` and the rules ``bench/story_decisions.py``
compares, on labels and scores written here, so what those scripts print rests on tested code."""

from __future__ import annotations

import sys
from collections import Counter

import pytest
from helpers import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from story_decisions import average_link, parts_hold, relative_attach  # noqa: E402
from story_errors import mixed_stories, oracle_bounds, split_patterns  # noqa: E402

from crosswire.stories.cluster import pair_key  # noqa: E402

GOLD = {"a": "ferry", "b": "ferry", "c": "ferry", "d": "cup", "e": "cup", "f": "cup"}


def scorer(scores: dict[tuple[str, str], float]):
    table = {pair_key(*k): v for k, v in scores.items()}
    return table, lambda x, y: table.get(pair_key(x, y), 0.0)


def test_split_patterns_and_mixed_stories():
    predicted = {"a": "s1", "b": "s1", "c": "s2", "d": "s3", "e": "s3", "f": "s2"}
    assert split_patterns(predicted, GOLD) == Counter({(2, 1): 2})
    assert mixed_stories(predicted, GOLD) == [["c", "f"]]


def test_oracle_merge_needs_a_candidate_pair_and_split_cuts_along_gold():
    predicted = {"a": "s1", "b": "s1", "c": "s2", "d": "s3", "e": "s3", "f": "s3"}
    merge, split = oracle_bounds(predicted, GOLD, [("a", "c")])
    assert merge.f1 == pytest.approx(1.0)
    unlinked, _ = oracle_bounds(predicted, GOLD, [("a", "d")])  # two gold stories: not joined
    assert unlinked.recall < 1.0
    mixed = {a: "one" for a in GOLD}
    _, cut = oracle_bounds(mixed, GOLD, [])
    assert cut.precision == pytest.approx(1.0) and cut.recall == pytest.approx(1.0)


def test_parts_hold_keeps_a_bridge_from_joining_two_sequels():
    # Two tight pairs, each close to a bridge article, only moderately close to each other:
    # the average over all six pairs reaches the threshold, the two pairs' own link does not.
    pairs = {("a", "b"): 0.95, ("c", "d"): 0.95, ("a", "e"): 0.9, ("b", "e"): 0.9,
             ("c", "e"): 0.9, ("d", "e"): 0.9, ("a", "c"): 0.45, ("a", "d"): 0.45,
             ("b", "c"): 0.45, ("b", "d"): 0.45}  # fmt: skip
    edges, score = scorer(pairs)
    articles = ["a", "b", "c", "d", "e"]
    assert average_link(articles, edges, score, 0.55) == [["a", "b", "e", "c", "d"]]
    assert parts_hold(articles, edges, score, 0.55) == [["a", "b", "e"], ["c", "d"]]


def test_relative_attach_joins_an_article_only_where_its_best_story_stands_out():
    edges, score = scorer({("a", "b"): 0.95, ("a", "c"): 0.45, ("b", "c"): 0.4})
    assert average_link(["a", "b", "c"], edges, score, 0.55) == [["a", "b"], ["c"]]
    assert relative_attach(["a", "b", "c"], edges, score, 0.55) == [["a", "b", "c"]]
    # Two stories of three as close to it (0.43 and 0.40): the article stays alone.
    rival = {("a", "b"): 0.95, ("a", "x"): 0.95, ("b", "x"): 0.95, ("d", "e"): 0.95,
             ("d", "y"): 0.95, ("e", "y"): 0.95, ("a", "c"): 0.45, ("b", "c"): 0.4,
             ("c", "x"): 0.45, ("c", "d"): 0.4, ("c", "e"): 0.4, ("c", "y"): 0.4}  # fmt: skip
    edges, score = scorer(rival)
    articles = ["a", "b", "c", "d", "e", "x", "y"]
    assert average_link(articles, edges, score, 0.55) == [["a", "b", "x"], ["c"], ["d", "e", "y"]]
    assert relative_attach(articles, edges, score, 0.55) == [["a", "b", "x"], ["c"],
                                                             ["d", "e", "y"]]  # fmt: skip

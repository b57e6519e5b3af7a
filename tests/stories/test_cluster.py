"""Average-link agglomeration: chains do not merge incidents, and order does not matter."""

from __future__ import annotations

import itertools
import random

from crosswire.stories.cluster import agglomerate, pair_key

# Two incidents of one kind: a1-a3 are one, b1-b3 the other; a3 and b1 are close (a report
# of the first that mentions the second), nothing else crosses.
EDGES = {
    pair_key("a1", "a2"): 0.9, pair_key("a1", "a3"): 0.8, pair_key("a2", "a3"): 0.85,
    pair_key("b1", "b2"): 0.9, pair_key("b1", "b3"): 0.8, pair_key("b2", "b3"): 0.9,
    pair_key("a3", "b1"): 0.75,
}  # fmt: skip


SINGLES = [["a1"], ["a2"], ["a3"], ["b1"], ["b2"], ["b3"]]


def score(a: str, b: str) -> float:
    return EDGES.get(pair_key(a, b), 0.05)


def test_a_bridge_pair_does_not_chain_two_incidents() -> None:
    clusters = agglomerate(SINGLES, EDGES, 0.6, score)
    assert clusters == [["a1", "a2", "a3"], ["b1", "b2", "b3"]]
    # With the bridge pair strong enough to lift the average, the two do merge.
    strong = {**EDGES, pair_key("a3", "b2"): 0.9, pair_key("a2", "b1"): 0.9}

    def lifted(a: str, b: str) -> float:
        return strong.get(pair_key(a, b), 0.5)

    assert len(agglomerate(SINGLES, strong, 0.6, lifted)) == 1


def test_the_average_covers_pairs_retrieval_did_not_propose() -> None:
    asked: list[tuple[str, str]] = []

    def counting(a: str, b: str) -> float:
        asked.append((a, b))
        return score(a, b)

    agglomerate(SINGLES, {}, 0.6, counting)
    assert asked == []  # no strong pair proposed: nothing is compared
    clusters = agglomerate(SINGLES, EDGES, 0.6, counting)
    assert len(clusters) == 2
    assert pair_key("a1", "b1") in {pair_key(*p) for p in asked}


def test_any_order_of_the_seeds_gives_the_same_clusters() -> None:
    items = ["a1", "a2", "a3", "b1", "b2", "b3"]
    expected = sorted(map(sorted, agglomerate([[x] for x in items], EDGES, 0.6, score)))
    for seed in range(5):
        order = items[:]
        random.Random(seed).shuffle(order)
        found = agglomerate([[x] for x in order], dict(reversed(EDGES.items())), 0.6, score)
        assert sorted(map(sorted, found)) == expected


def test_a_seed_cluster_is_joined_or_left_whole() -> None:
    clusters = agglomerate([["a1", "b1"], ["a2"], ["b2"]], EDGES, 0.4, score)
    for cluster in clusters:
        assert ("a1" in cluster) == ("b1" in cluster)


def test_nothing_joins_below_the_threshold() -> None:
    clusters = agglomerate([[x] for x in ["a1", "a2", "a3"]], EDGES, 0.95, score)
    assert sorted(map(sorted, clusters)) == [["a1"], ["a2"], ["a3"]]
    assert all(len(c) == 1 for c in clusters)
    assert list(itertools.chain(*clusters)) == ["a1", "a2", "a3"]

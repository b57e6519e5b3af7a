"""Average-link agglomeration over a sparse graph of likely pairs, the same whatever the order.

Stories are the clusters this makes of a set of articles: repeatedly join the two clusters
whose members are, on average, most likely to report one incident, while that average stays
at or above the threshold. Only clusters joined by at least one strong pair are ever
compared (a story needs a link to start from), and the average covers every pair of their
members (``score`` fills in the pairs retrieval did not propose), so a chain of articles each
close to the next cannot pull two incidents into one. Ties are broken by member ids: the same
articles and scores give the same clusters in any input order.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Mapping, Sequence

Pair = tuple[str, str]
# Members of each side an average is taken over: the most recent ones of a long-running
# story describe it now, and the cost of a link stays bounded however large a story grows.
MAX_MEMBERS = 25


def pair_key(a: str, b: str) -> Pair:
    return (a, b) if a < b else (b, a)


class _Links:
    """Pair scores, proposed ones first and the rest computed once when an average needs them."""

    def __init__(self, edges: Mapping[Pair, float], score: Callable[[str, str], float]) -> None:
        self.edges = dict(edges)
        self.score = score

    def get(self, a: str, b: str) -> float:
        key = pair_key(a, b)
        if key not in self.edges:
            self.edges[key] = self.score(*key)
        return self.edges[key]

    def mean(self, first: Sequence[str], second: Sequence[str]) -> float:
        left, right = first[-MAX_MEMBERS:], second[-MAX_MEMBERS:]
        return sum(self.get(a, b) for a in left for b in right) / (len(left) * len(right))


def agglomerate(
    seeds: Iterable[Sequence[str]],
    edges: Mapping[Pair, float],
    threshold: float,
    score: Callable[[str, str], float],
) -> list[list[str]]:
    """Clusters of the members of ``seeds`` (each seed a starting cluster, often one article).

    ``edges`` are the scored candidate pairs; two clusters are compared when one of their
    pairs reaches ``threshold``, and joined when the average over their members does. A seed's
    members are in arrival order (oldest first), which the joined cluster keeps.

    Examples:
        >>> edges = {("a", "b"): 0.9, ("b", "c"): 0.8, ("c", "d"): 0.1}
        >>> agglomerate([["a"], ["b"], ["c"], ["d"]], edges, 0.5, lambda x, y: 0.0)
        [['a', 'b'], ['c'], ['d']]
    """
    links = _Links(edges, score)
    clusters: dict[int, list[str]] = {}
    owner: dict[str, int] = {}
    for index, seed in enumerate(sorted((list(s) for s in seeds if s), key=min)):
        clusters[index] = seed
        for member in seed:
            owner[member] = index
    neighbours: dict[int, set[int]] = {c: set() for c in clusters}
    for (a, b), value in links.edges.items():
        if value >= threshold and a in owner and b in owner and owner[a] != owner[b]:
            neighbours[owner[a]].add(owner[b])
            neighbours[owner[b]].add(owner[a])
    heap: list[tuple[float, str, str, int, int]] = []

    def push(c: int, d: int) -> None:
        value = links.mean(clusters[c], clusters[d])
        if value >= threshold:
            first, second = sorted((min(clusters[c]), min(clusters[d])))
            heapq.heappush(heap, (-value, first, second, c, d))

    for c in sorted(neighbours):
        for d in sorted(neighbours[c]):
            if c < d:
                push(c, d)
    next_id = len(clusters)
    while heap:
        _, _, _, c, d = heapq.heappop(heap)
        if c not in clusters or d not in clusters:
            continue  # one side has been joined into another cluster since
        merged = clusters.pop(c) + clusters.pop(d)
        new = next_id
        next_id += 1
        clusters[new] = merged
        around = (neighbours.pop(c) | neighbours.pop(d)) - {c, d}
        neighbours[new] = around
        for other in around:
            neighbours[other] -= {c, d}
            neighbours[other].add(new)
        for other in sorted(around):
            push(new, other)
    return sorted(clusters.values(), key=min)

"""Cluster decisions compared over the same scored pairs: is the decision, or the evidence, what
limits story grouping?

One run of a labelled part is ingested and scored (``bench/story_errors.py``); every rule
below then groups the same original articles from single articles over the same candidate
pairs and probabilities, so the figures differ by the rule alone:

- ``average link``: the shipped rule (``stories/cluster.py``): join while the mean over all
  members' pairs reaches the threshold.
- ``mean log-odds``: the same with the pairs' log-odds averaged (a pair near 0 weighs more).
- ``parts hold``: a join also needs each side's two last-joined parts to reach the threshold
  with the other side, so a bridge story cannot pull two sequels together.
- ``relative attach``: after average link, a story of one or two articles joins its best
  neighbour when their mean link reaches 0.25 and beats the next best by 0.2 (the constants
  best on ECB+ train and NeuS train together).
- ``lone attach``: the same for single articles only, at a mean link of 0.45 that beats the
  next best by 0.3 (best on ECB+ train without leaving fewer single articles alone).

Each rule is measured twice: on the part as it is, and with one member only kept of every
third gold story (by a hash of its id), as most news is covered once: a rule that only gains
where every story has company fails there.

    .venv/bin/python bench/story_decisions.py neus val
    .venv/bin/python bench/story_decisions.py ecbplus train
"""

from __future__ import annotations

import argparse
import heapq
import math
import sys
import zlib
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stories_bcubed import bcubed, load, shuffled  # noqa: E402
from story_errors import ScoredRun, members, scored_run  # noqa: E402

from crosswire.stories.cluster import MAX_MEMBERS, Pair, agglomerate, pair_key  # noqa: E402

Score = Callable[[str, str], float]
Rule = Callable[[list[str], Mapping[Pair, float], Score, float], list[list[str]]]
# Relative attach: the floor and margin (set on ECB+ train and NeuS train), the sizes it moves;
# lone attach, its cautious form for single articles.
ATTACH = (0.25, 0.2, 2)
LONE_ATTACH = (0.45, 0.3, 1)
# Log-odds of a probability are read inside these bounds (a probability of 0 is not -inf).
EPS = 0.01


def _logit(p: float) -> float:
    p = min(max(p, EPS), 1 - EPS)
    return math.log(p / (1 - p))


def linked_agglomerate(
    articles: list[str], edges: Mapping[Pair, float], score: Score, threshold: float,
    link: Callable[[list[float]], float], accept: float, parts_hold: bool = False,
) -> list[list[str]]:  # fmt: skip
    """Average-link agglomeration as ``stories/cluster.py`` does it, with the link over the
    members' pair scores given, and optionally the parts-hold condition.

    The loop repeats the shipped one with these two seams open: rules that were tried and not
    kept stay here, so the stage's loop carries no hooks it does not use."""
    scores = dict(edges)

    def get(a: str, b: str) -> float:
        key = pair_key(a, b)
        if key not in scores:
            scores[key] = score(*key)
        return scores[key]

    def value(c: Sequence[str], d: Sequence[str]) -> float:
        return link([get(a, b) for a in c[-MAX_MEMBERS:] for b in d[-MAX_MEMBERS:]])

    clusters = {i: [a] for i, a in enumerate(sorted(articles))}
    parts = {i: [[a]] for i, a in enumerate(sorted(articles))}
    owner = {a: i for i, a in enumerate(sorted(articles))}
    near: dict[int, set[int]] = defaultdict(set)
    for (a, b), v in edges.items():
        if v >= threshold and a in owner and b in owner:
            near[owner[a]].add(owner[b])
            near[owner[b]].add(owner[a])
    heap: list[tuple[float, str, str, int, int]] = []

    def push(c: int, d: int) -> None:
        v = value(clusters[c], clusters[d])
        if v < accept:
            return
        if parts_hold and any(value(p, q) < accept for p in parts[c] for q in parts[d]):
            return
        first, second = sorted((min(clusters[c]), min(clusters[d])))
        heapq.heappush(heap, (-v, first, second, c, d))

    for c in sorted(near):
        for d in sorted(near[c]):
            if c < d:
                push(c, d)
    next_id = len(clusters)
    while heap:
        _, _, _, c, d = heapq.heappop(heap)
        if c not in clusters or d not in clusters:
            continue
        left, right = clusters.pop(c), clusters.pop(d)
        parts.pop(c), parts.pop(d)
        clusters[next_id], parts[next_id] = left + right, [left, right]
        around = (near.pop(c, set()) | near.pop(d, set())) - {c, d}
        near[next_id] = around
        for other in around:
            near[other] -= {c, d}
            near[other].add(next_id)
        for other in sorted(around):
            push(next_id, other)
        next_id += 1
    return sorted(clusters.values(), key=min)


def average_link(articles: list[str], edges: Mapping[Pair, float], score: Score,
                 threshold: float) -> list[list[str]]:  # fmt: skip
    return agglomerate([[a] for a in articles], edges, threshold, score)


def mean_log_odds(articles: list[str], edges: Mapping[Pair, float], score: Score,
                  threshold: float) -> list[list[str]]:  # fmt: skip
    def link(ps: list[float]) -> float:
        return sum(_logit(p) for p in ps) / len(ps)

    return linked_agglomerate(articles, edges, score, threshold, link, _logit(threshold))


def parts_hold(articles: list[str], edges: Mapping[Pair, float], score: Score,
               threshold: float) -> list[list[str]]:  # fmt: skip
    def link(ps: list[float]) -> float:
        return sum(ps) / len(ps)

    return linked_agglomerate(articles, edges, score, threshold, link, threshold, True)


def relative_attach(articles: list[str], edges: Mapping[Pair, float], score: Score,
                    threshold: float, rule: tuple[float, float, int] = ATTACH,
                    ) -> list[list[str]]:  # fmt: skip
    """Average link, then each small story joins its best neighbour where that one stands
    out (all moves of a round decided together, three rounds)."""
    floor, margin, size = rule
    clusters = average_link(articles, edges, score, threshold)
    for _ in range(3):
        owner = {a: i for i, c in enumerate(clusters) for a in c}
        near: dict[int, set[int]] = defaultdict(set)
        for a, b in edges:
            if a in owner and b in owner and owner[a] != owner[b]:
                near[owner[a]].add(owner[b])
                near[owner[b]].add(owner[a])
        parent = list(range(len(clusters)))

        def root(i: int, parent: list[int] = parent) -> int:
            while parent[i] != i:
                i = parent[i]
            return i

        moved = False
        for i, cluster in enumerate(clusters):
            if len(cluster) > size or not near[i]:
                continue
            means = sorted(
                ((sum(score(a, b) for a in cluster for b in clusters[j])
                  / (len(cluster) * len(clusters[j])), j) for j in near[i]),
                key=lambda m: (-m[0], m[1]),
            )  # fmt: skip
            second = means[1][0] if len(means) > 1 else 0.0
            if means[0][0] >= floor and means[0][0] - second >= margin:
                first, other = sorted((root(i), root(means[0][1])))
                parent[other] = first
                moved = first != other or moved
        if not moved:
            break
        joined: dict[int, list[str]] = defaultdict(list)
        for i, cluster in enumerate(clusters):
            joined[root(i)].extend(cluster)
        clusters = sorted(joined.values(), key=min)
    return clusters


RULES: dict[str, Rule] = {
    "average link (shipped)": average_link,
    "mean log-odds": mean_log_odds,
    "parts hold": parts_hold,
    "relative attach": relative_attach,
    "lone attach": lambda a, e, s, t: relative_attach(a, e, s, t, LONE_ATTACH),
}


def singleton_share(run: ScoredRun) -> set[str]:
    """The articles left out when every third gold story keeps its first member only."""
    out: set[str] = set()
    for story, ids in members(run.gold).items():
        if zlib.crc32(story.encode()) % 3 == 0:
            out.update(ids[1:])
    return out


def compare(run: ScoredRun, singletons: bool) -> None:
    left_out = singleton_share(run) if singletons else set()
    articles = sorted(a for a in run.predicted if a not in left_out)
    gold = {a: run.gold[a] for a in articles}
    edges = {k: v for k, v in run.pairs.items() if not (set(k) & left_out)}
    stories = members(gold)
    alone = {a for a in articles if len(stories[gold[a]]) == 1}
    print(f"  {len(articles)} articles, {len(set(gold.values()))} gold stories"
          + (f", {len(alone)} of them single articles" if singletons else ""))
    for name, rule in RULES.items():
        clusters = rule(articles, edges, run.score, run.threshold)
        label = {a: min(c) for c in clusters for a in c}
        sizes = {min(c): len(c) for c in clusters}
        kept = (f"; single articles left alone {sum(sizes[label[a]] == 1 for a in alone)}"
                f"/{len(alone)}" if singletons else "")  # fmt: skip
        print(f"  {name:24} {bcubed(label, gold).line()}{kept}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", help="shared set: ecbplus, basil, neus")
    parser.add_argument("part", help="its part: dev, val, train")
    args = parser.parse_args()
    run = scored_run(shuffled(load(args.name, args.part), 0))
    print(f"== {args.name} {args.part}")
    compare(run, False)
    print("  -- with one member kept of every third gold story:")
    compare(run, True)
    run.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

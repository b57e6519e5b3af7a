"""The story decision over records and candidate sets: how likely a pair is, what is grouped.

Every engine takes it the same way. A pair of indexed articles is scored from their vectors,
near-lists and lead embeddings (:func:`pair_probability`); the new articles' scored
candidates say which stored stories they are likely to join (:func:`likely_candidates`); those
stories and the new articles make the neighbourhood that is grouped again
(:func:`regroup_plan`), and average-link agglomeration over the scored pairs decides
(:func:`decide_clusters`). Where the records and candidates come from is an adapter: the store
(``stories/group.py``, one article at a time) or a shuffle on story keys on Ray Data
(``engine/ray_stories.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np

from crosswire.stories.cluster import Pair, agglomerate, pair_key
from crosswire.stories.model import PairModel
from crosswire.stories.pairs import pair_features
from crosswire.stories.similarity import Vectors, combine, embedding_cosine, within_window

# A story with more members than this is not taken apart again when news arrives: it is
# joined or left as a whole, so a long-running story costs no more than a short one.
REGROUP_MEMBERS = 40

Embedded = tuple[str, np.ndarray]


@dataclass(slots=True)
class Match:
    """A candidate of an article and how likely the two are to report one incident."""

    article: str
    probability: float


@dataclass(slots=True)
class Plan:
    """What is grouped again when new articles arrive: the starting clusters, each article's
    story before, and the pairs to score (the new articles' candidates in the neighbourhood,
    and the pairs inside each story taken apart)."""

    seeds: list[list[str]]
    before: dict[str, str | None]
    pairs: list[Pair] = field(default_factory=list)
    # The members of the stories taken apart (their pairs are among ``pairs``).
    apart: list[list[str]] = field(default_factory=list)


def pair_probability(
    model: PairModel,
    window_days: float,
    a: Vectors,
    b: Vectors,
    near_a: Sequence[float] = (),
    near_b: Sequence[float] = (),
    embedded_a: Embedded | None = None,
    embedded_b: Embedded | None = None,
) -> float:
    """How likely two indexed articles are to report one incident: 0 outside the time window,
    the model's probability of their pair features, joined with the embedding cosine when
    both were embedded by the same model (older, lexically indexed ones count by words alone).

    ``near_a`` and ``near_b`` are the articles' near-lists, highest cosine first
    (``stories/near.py``)."""
    if not within_window(a.published, b.published, window_days):
        return 0.0
    lexical = model.probability(pair_features(a, b, near_a, near_b, model.reads_clashes))
    if embedded_a is None or embedded_b is None or embedded_a[0] != embedded_b[0]:
        return lexical
    return combine(lexical, embedding_cosine(embedded_a[1], embedded_b[1]), model.threshold)


def ranked_matches(
    article: str, candidates: Iterable[str], score: Callable[[str, str], float]
) -> list[Match]:
    """The candidates with their probabilities, most likely first (ties by id)."""
    matches = [Match(c, score(article, c)) for c in candidates]
    return sorted(matches, key=lambda m: (-m.probability, m.article))


def likely_candidates(matches: Iterable[Match], threshold: float) -> list[str]:
    """The candidates an article is likely to share a story with: those at the threshold."""
    return [m.article for m in matches if m.probability >= threshold]


def regroup_plan(
    new: Sequence[str],
    candidates: Mapping[str, Sequence[str]],
    stories: Mapping[str, Sequence[str]],
) -> Plan:
    """The neighbourhood of ``new`` (with their ``candidates``) and the ``stories`` they are
    likely to join (story -> its original members, oldest first).

    Each new article starts alone, and so does each member of a story taken apart; a story of
    more than ``REGROUP_MEMBERS`` members starts as one block. The pairs to score are the new
    articles' candidates inside the neighbourhood and the pairs inside each story taken
    apart: its members were one story, so their pairs are the links that may rebuild it.
    Stored members are never retrieved for again, so the work per new article stays bounded.

    Examples:
        >>> plan = regroup_plan(["n1"], {"n1": ["s1", "x"]}, {"s": ["s1", "s2"]})
        >>> plan.seeds, plan.pairs
        ([['n1'], ['s1'], ['s2']], [('n1', 's1'), ('s1', 's2')])
    """
    before: dict[str, str | None] = {a: None for a in new}
    seeds: list[list[str]] = [[a] for a in new]
    apart: list[list[str]] = []
    for story in sorted(stories):
        members = list(stories[story])
        for member in members:
            before[member] = story
        if len(members) > REGROUP_MEMBERS:
            seeds.append(members)
        else:
            seeds.extend([m] for m in members)
            apart.append(members)
    pairs: dict[Pair, None] = {}
    for article in new:
        for candidate in candidates.get(article, ()):
            if candidate in before:
                pairs[pair_key(article, candidate)] = None
    for members in apart:
        for first, second in combinations(members, 2):
            pairs[pair_key(first, second)] = None
    return Plan(seeds, before, list(pairs), apart)


def decide_clusters(
    plan: Plan, score: Callable[[str, str], float], threshold: float
) -> list[list[str]]:
    """The stories of the neighbourhood: average-link agglomeration over the plan's scored
    pairs (``score`` also fills in the pairs an average needs that were not proposed)."""
    edges = {pair: score(*pair) for pair in plan.pairs}
    return agglomerate(plan.seeds, edges, threshold, score)

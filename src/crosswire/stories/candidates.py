"""Which retrieved articles an article is scored against: a cheap ranking before the pair model.

Retrieval returns every article inside the time window that shares a story key, and in a
dense window (a day of wire news, an archive ingested in no order) that is hundreds. Each one
scored costs its stored features, its vectors under the current IDF, a cosine for the
near-lists and the pair model's features. What the keys alone tell is nearly free: a
candidate's shared keys weighted by how rare they are (the dot product of the two key sets,
each key weighted by its IDF), so only the best ``SCORED_CANDIDATES`` by that weight are
scored, and the work per article stays the same however many the window holds.

Counting shared keys instead ranks a candidate sharing three topic words above one sharing
two rare names. A candidate whose shared keys carry under ``MIN_KEY_SHARE`` of the article's
own key weight (less than one of its 24 keys, on average) is not scored at all.

Both bounds were chosen on the training parts (ECB+ train, 400 stories of NeuS train,
ingested in batches of 200 in a shuffled order): with 25 by weight, 95.7% of an article's
same-story candidates on NeuS train are kept (94.6% with the 50 most shared keys before) and
99.5% on ECB+ train; of the candidates under the 5% floor, 36 of 6,568 on ECB+ train and 51
of 36,865 on NeuS train reached the join threshold, 19 and 8 of them of the same story.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from crosswire.stories.features import name_key
from crosswire.stories.similarity import idf

# Candidates scored with the pair model per article, best by key weight first.
SCORED_CANDIDATES = 25
# Share of the article's own key weight a candidate's shared keys must carry to be scored.
MIN_KEY_SHARE = 0.05


def key_term(key: str) -> str:
    """The document-frequency entry behind a retrieval key (``w:word`` or ``n:Name``)."""
    kind, _, value = key.partition(":")
    return name_key(value) if kind == "n" else value


def key_weights(keys: Iterable[str], df: Mapping[str, int], documents: int) -> dict[str, float]:
    """Each key's weight in the ranking: its term's IDF squared (a term of the dot product of
    two IDF-weighted key sets)."""
    return {key: idf(df.get(key_term(key), 0), documents) ** 2 for key in keys}


def rank_candidates(
    shared: Mapping[str, Sequence[str]],
    weights: Mapping[str, float],
    limit: int = SCORED_CANDIDATES,
    min_share: float = MIN_KEY_SHARE,
) -> list[str]:
    """The candidates worth scoring, best first: at most ``limit`` of ``shared`` (candidate ->
    the keys it shares), ranked by the weight of their shared keys, none under ``min_share``
    of the total of ``weights`` (the article's own keys). Ties go by id, so any order of
    ``shared`` gives the same list.

    Examples:
        >>> weights = {"n:Orrin": 9.0, "w:bridge": 4.0, "w:city": 1.0}
        >>> shared = {"b": ["w:bridge", "w:city"], "a": ["n:Orrin"], "c": ["w:city"]}
        >>> rank_candidates(shared, weights, limit=2, min_share=0.0)
        ['a', 'b']
        >>> rank_candidates(shared, weights, min_share=0.1)
        ['a', 'b']
    """
    floor = min_share * sum(weights.values())
    scores = {
        candidate: sum(weights.get(key, 0.0) for key in sorted(set(keys)))
        for candidate, keys in shared.items()
    }
    ranked = sorted(
        (c for c, s in scores.items() if s >= floor and s > 0), key=lambda c: (-scores[c], c)
    )
    return ranked[:limit]

"""Each article's closest candidates, kept as articles arrive.

The pair model reads how a pair's word cosine stands among each article's other candidates
(:func:`crosswire.stories.pairs.standing`): the best rival, and how many beat the pair.
Learning that for a stored candidate by retrieving its own candidates costs a retrieval and
dozens of cosines per candidate, and grows with the store. Instead each article keeps a short
near-list (candidate -> word cosine): when an article is indexed, its cosines with the
candidates it retrieves go into its own list and into each of theirs. A list therefore holds
the article's pairs with every article inside its time window that either of the two
retrieved, whichever arrived first and however the ingest runs were split.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from crosswire.stories.similarity import cosine

if TYPE_CHECKING:  # group.py calls this module: no import of it at run time
    from crosswire.stories.group import _Batch

# Cosines kept per article, highest first: the features read the best one and how many beat a
# pair, and beyond a score of rivals one more changes neither by much.
NEAR_KEPT = 20


def closest(near: Mapping[str, float], kept: int = NEAR_KEPT) -> dict[str, float]:
    """The ``kept`` highest cosines of ``near`` (ties by candidate id, so any order agrees)."""
    ranked = sorted(near.items(), key=lambda kv: (-kv[1], kv[0]))[:kept]
    return dict(ranked)


def candidate_cosines(batch: _Batch, article_id: str) -> dict[str, float]:
    """Word cosines of the article with its retrieved candidates inside its time window."""
    own = batch.vector(article_id)
    found: dict[str, float] = {}
    if own is None:
        return found
    batch.load_features(batch.candidates(article_id))
    for candidate in batch.candidates(article_id):
        if not batch.in_window(article_id, candidate):
            continue  # retrieved by the day's margin: no vector built for it
        other = batch.vector(candidate)
        if other is not None:
            found[candidate] = cosine(own.words, other.words)
    return found


def add_to_near_lists(batch: _Batch, new: Iterable[str]) -> None:
    """Record the cosines of the newly indexed articles with their candidates, in their own
    near-lists and in the candidates'. Running it again on the same articles changes nothing."""
    found: dict[str, dict[str, float]] = {}
    for article_id in sorted(set(new)):
        found.setdefault(article_id, {})
        for candidate, value in candidate_cosines(batch, article_id).items():
            found[article_id][candidate] = value
            found.setdefault(candidate, {})[article_id] = value
    stored = batch.store.story_near(found)
    batch.store.save_story_near(
        {a: closest({**stored.get(a, {}), **values}) for a, values in found.items()}
    )

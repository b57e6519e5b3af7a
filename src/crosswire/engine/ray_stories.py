"""Story candidates on Ray Data: a shuffle on story keys instead of the store's key index.

The store adapter (``stories/group.py``) asks the store's index for each new article's
candidates, one article at a time (``Store.articles_with_keys``). Here every story key row
(key, article, day, ingest order) that a new article's window can reach is read in one scan,
grouped by key (a hash shuffle), and each key's group emits the pairs of a new article with the
rows it reaches (:func:`crosswire.stories.keys.key_candidates`, the store's rule over records);
a second shuffle, on the article, counts the keys each pair shares and keeps the article's
``MAX_CANDIDATES`` best (:func:`crosswire.stories.keys.top_candidates`). The candidate sets
then go through the local pipeline's own stage (``assign_stories(candidates_with=...)``): the
near-lists, the pair scores (:func:`crosswire.stories.decide.pair_probability`) and the
regrouping (:func:`crosswire.stories.decide.decide_clusters`) are the same functions, so a Ray
ingest groups as a local one does. The result does not depend on the order of the rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from crosswire.config import Config
from crosswire.dates import day_number
from crosswire.engine.ray_data import shuffle_partitions
from crosswire.store import Store
from crosswire.stories.keys import MAX_CANDIDATES, KeyRow, key_candidates, reach, top_candidates

# Day and ingest order travel as integers (Arrow keeps a column of one type): -1 is "none".
NONE = -1


def _int(value: int | None) -> int:
    return NONE if value is None else int(value)


def _none(value: Any) -> int | None:
    return None if int(value) == NONE else int(value)


def _key_pairs(group: dict[str, Any], window_days: float) -> dict[str, list[str]]:
    """One key's rows as (new article, candidate) pairs, by the store's retrieval rule."""
    rows = [
        KeyRow(str(key), str(article), _none(day), _none(seq))
        for key, article, day, seq in zip(
            group["key"], group["article"], group["day"], group["seq"], strict=True
        )
    ]
    wanted = {str(a) for a, new in zip(group["article"], group["new"], strict=True) if new}
    left: list[str] = []
    right: list[str] = []
    for article, candidate in key_candidates(rows, wanted, window_days):
        left.append(article)
        right.append(candidate)
    return {"article": left, "candidate": right}


def _ranked(group: dict[str, Any], limit: int) -> dict[str, list[Any]]:
    """One article's pairs (one per key shared) as its best candidates, best first."""
    shared: dict[str, int] = {}
    for candidate in group["candidate"]:
        shared[str(candidate)] = shared.get(str(candidate), 0) + 1
    best = top_candidates(shared, limit)
    article = str(group["article"][0]) if len(group["article"]) else ""
    return {"article": [article] * len(best), "candidate": best, "rank": list(range(len(best)))}


def _rows(store: Store, new: Sequence[str], config: Config) -> list[dict[str, Any]]:
    """The key rows the new articles can reach: all of them when one is undated, else the
    undated rows and those within reach of the new articles' days."""
    wanted = set(new)
    days = [day_number(f.get("published")) for f in store.story_features_of(wanted).values()]
    span = None
    dated = [d for d in days if d is not None]
    if dated and len(dated) == len(days):
        margin = reach(config.story_window_days)
        span = (min(dated) - margin, max(dated) + margin)
    return [
        {"key": k, "article": a, "day": _int(d), "seq": _int(s), "new": a in wanted}
        for k, a, d, s in store.iter_story_key_rows(span)
    ]


def candidates_on_ray(store: Store, new: Sequence[str], config: Config) -> dict[str, list[str]]:
    """The best candidates of each of ``new`` (already indexed), from two shuffles on Ray Data:
    on the story key, then on the article (module doc)."""
    import ray

    rows = _rows(store, new, config)
    if not any(r["new"] for r in rows):
        return {a: [] for a in new}
    partitions = shuffle_partitions(len(rows))
    pairs = (
        ray.data.from_items(rows)
        .groupby("key", num_partitions=partitions)
        .map_groups(
            _key_pairs, batch_format="numpy", fn_kwargs={"window_days": config.story_window_days}
        )
    )
    ranked = pairs.groupby("article", num_partitions=partitions).map_groups(
        _ranked, batch_format="numpy", fn_kwargs={"limit": MAX_CANDIDATES}
    )
    found: dict[str, list[tuple[int, str]]] = {a: [] for a in new}
    for row in ranked.iter_rows():
        found.setdefault(str(row["article"]), []).append((int(row["rank"]), str(row["candidate"])))
    return {a: [c for _, c in sorted(found[a])] for a in found}

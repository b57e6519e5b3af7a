"""Story candidates on Ray Data: a shuffle on story keys instead of the store's key index.

The store adapter (``stories/group.py``) asks the store's index for each new article's
candidates, one article at a time (``Store.articles_with_keys``). Here every story key row
(key, article, day, ingest order) that a new article's window can reach is read in one scan,
grouped by key (a hash shuffle on a bucket of the key, each group split by key again, since
``map_groups`` pays its overhead per group), and each key emits the pairs of a new
article with the rows it reaches (:func:`crosswire.stories.keys.key_candidates`, the store's
rule over records); a second shuffle, on the article, counts the keys each pair shares and
keeps the article's ``MAX_CANDIDATES`` best (:func:`crosswire.stories.keys.top_candidates`).
The candidate sets then go through the local pipeline's own stage
(``assign_stories(candidates_with=...)``): the near-lists, the pair scores
(:func:`crosswire.stories.decide.pair_probability`) and the regrouping
(:func:`crosswire.stories.decide.decide_clusters`) are the same functions, so a Ray ingest
groups as a local one does. The result does not depend on the order of the rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from crosswire.config import Config
from crosswire.dates import day_number
from crosswire.engine.ray_data import bucket_of, by_key, key_buckets, shuffle_partitions
from crosswire.store import Store
from crosswire.stories.keys import MAX_CANDIDATES, KeyRow, key_candidates, reach, top_candidates

# Day and ingest order travel as integers (Arrow keeps a column of one type): -1 is "none".
NONE = -1


def _int(value: int | None) -> int:
    return NONE if value is None else int(value)


def _none(value: Any) -> int | None:
    return None if int(value) == NONE else int(value)


def _key_pairs(group: dict[str, Any], window_days: float) -> dict[str, list[str]]:
    """One bucket's rows, key by key, as (new article, candidate) pairs by the store's rule."""
    left: list[str] = []
    right: list[str] = []
    for key, indices in by_key(group, "key").items():
        rows = [
            KeyRow(key, str(group["article"][i]), _none(group["day"][i]), _none(group["seq"][i]))
            for i in indices
        ]
        wanted = {str(group["article"][i]) for i in indices if group["new"][i]}
        for article, candidate in key_candidates(rows, wanted, window_days):
            left.append(article)
            right.append(candidate)
    return {"article": left, "candidate": right}


def _ranked(group: dict[str, Any], limit: int) -> dict[str, list[Any]]:
    """One bucket's pairs (one per key shared), article by article, as each article's best
    candidates, best first."""
    out: dict[str, list[Any]] = {"article": [], "candidate": [], "rank": []}
    for article, indices in by_key(group, "article").items():
        shared: dict[str, int] = {}
        for i in indices:
            candidate = str(group["candidate"][i])
            shared[candidate] = shared.get(candidate, 0) + 1
        best = top_candidates(shared, limit)
        out["article"] += [article] * len(best)
        out["candidate"] += best
        out["rank"] += list(range(len(best)))
    return out


def _article_buckets(batch: dict[str, Any], buckets: int) -> dict[str, Any]:
    """Pairs bucketed by their new article, for the shuffle that counts shared keys."""
    return {**batch, "bucket": [bucket_of(str(a), buckets) for a in batch["article"]]}


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
    partitions, buckets = shuffle_partitions(len(rows)), key_buckets(len(rows))
    for row in rows:
        row["bucket"] = bucket_of(row["key"], buckets)
    pairs = (
        ray.data.from_items(rows)
        .groupby("bucket", num_partitions=partitions)
        .map_groups(
            _key_pairs, batch_format="numpy", fn_kwargs={"window_days": config.story_window_days}
        )
    )
    ranked = (
        pairs.map_batches(_article_buckets, batch_format="numpy", fn_kwargs={"buckets": buckets})
        .groupby("bucket", num_partitions=partitions)
        .map_groups(_ranked, batch_format="numpy", fn_kwargs={"limit": MAX_CANDIDATES})
    )
    found: dict[str, list[tuple[int, str]]] = {a: [] for a in new}
    for row in ranked.iter_rows():
        found.setdefault(str(row["article"]), []).append((int(row["rank"]), str(row["candidate"])))
    return {a: [c for _, c in sorted(found[a])] for a in found}

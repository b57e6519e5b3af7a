"""Story candidates on Ray Data: a shuffle on story keys instead of the store's key index.

The store adapter (``stories/group.py``) asks the store's index for each new article's
candidates, one article at a time (``Store.articles_sharing_keys``). Here every story key row
(key, article, day, ingest order) that a new article's window can reach is read in one scan,
grouped by key (a hash shuffle on a bucket of the key, each group split by key again, since
``map_groups`` pays its overhead per group), and each key emits the pairs of a new article with
the rows it reaches (:func:`crosswire.stories.keys.key_candidates`, the store's rule over
records); a second shuffle, on the article, gathers the keys each pair shares
(:func:`crosswire.stories.keys.shared_keys`). The candidate sets then go through the local
pipeline's own stage (``assign_stories(candidates_with=...)``): the ranking of which are scored
(:func:`crosswire.stories.candidates.rank_candidates`), the near-lists, the pair scores
(:func:`crosswire.stories.decide.pair_probability`) and the regrouping
(:func:`crosswire.stories.decide.decide_clusters`) are the same functions, so a Ray ingest
groups as a local one does. The result does not depend on the order of the rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from crosswire.config import Config
from crosswire.dates import day_number
from crosswire.engine.ray_data import (
    bucket_of,
    by_key,
    dataset_of,
    key_buckets,
    shuffle_partitions,
)
from crosswire.store import Store
from crosswire.stories.keys import KeyRow, key_candidates, reach, shared_keys

# Day and ingest order travel as integers (Arrow keeps a column of one type): -1 is "none".
NONE = -1


def _int(value: int | None) -> int:
    return NONE if value is None else int(value)


def _none(value: Any) -> int | None:
    return None if int(value) == NONE else int(value)


def _key_pairs(group: dict[str, Any], window_days: float) -> dict[str, list[str]]:
    """One bucket's rows, key by key, as (new article, candidate, key) by the store's rule."""
    left: list[str] = []
    right: list[str] = []
    keys: list[str] = []
    for key, indices in by_key(group, "key").items():
        rows = [
            KeyRow(key, str(group["article"][i]), _none(group["day"][i]), _none(group["seq"][i]))
            for i in indices
        ]
        wanted = {str(group["article"][i]) for i in indices if group["new"][i]}
        for article, candidate in key_candidates(rows, wanted, window_days):
            left.append(article)
            right.append(candidate)
            keys.append(key)
    return {"article": left, "candidate": right, "key": keys}


# The keys one pair shares travel as one string (a key never holds this separator).
_SEPARATOR = "\x1f"


def _shared(group: dict[str, Any]) -> dict[str, list[Any]]:
    """One bucket's (article, candidate, key) rows as one row per pair with its keys."""
    triples = zip(group["article"], group["candidate"], group["key"], strict=True)
    out: dict[str, list[Any]] = {"article": [], "candidate": [], "keys": []}
    for article, found in shared_keys((str(a), str(c), str(k)) for a, c, k in triples).items():
        for candidate, keys in found.items():
            out["article"].append(article)
            out["candidate"].append(candidate)
            out["keys"].append(_SEPARATOR.join(keys))
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


def candidates_on_ray(
    store: Store, new: Sequence[str], config: Config
) -> dict[str, dict[str, list[str]]]:
    """The candidates of each of ``new`` (already indexed) with the keys each shares, from two
    shuffles on Ray Data: on the story key, then on the article (module doc)."""
    rows = _rows(store, new, config)
    if not any(r["new"] for r in rows):
        return {a: {} for a in new}
    partitions, buckets = shuffle_partitions(len(rows)), key_buckets(len(rows))
    for row in rows:
        row["bucket"] = bucket_of(row["key"], buckets)
    pairs = (
        dataset_of(rows)
        .groupby("bucket", num_partitions=partitions)
        .map_groups(
            _key_pairs, batch_format="numpy", fn_kwargs={"window_days": config.story_window_days}
        )
    )
    gathered = (
        pairs.map_batches(_article_buckets, batch_format="numpy", fn_kwargs={"buckets": buckets})
        .groupby("bucket", num_partitions=partitions)
        .map_groups(_shared, batch_format="numpy")
    )
    found: dict[str, dict[str, list[str]]] = {a: {} for a in new}
    # Whole blocks as Arrow columns: a row at a time cost the driver 0.15 s more on 800
    # articles (197,000 pairs).
    for block in gathered.iter_batches(batch_format="pyarrow", batch_size=None):
        columns = (block.column(c).to_pylist() for c in ("article", "candidate", "keys"))
        for article, candidate, keys in zip(*columns, strict=True):
            found.setdefault(article, {})[candidate] = keys.split(_SEPARATOR)
    return found

"""Story candidates on Ray: the key rows grouped by key in Ray tasks instead of the store's index.

The store adapter (``stories/group.py``) asks the store's index for each new article's
candidates, one article at a time (``Store.articles_sharing_keys``). Here every story key row
(key, article, day, ingest order) that a new article's window can reach is read in one scan and
grouped by key; each key gives the pairs of a new article with the rows it reaches
(:func:`crosswire.stories.keys.key_candidates`, the store's rule over records), the pairs are
gathered with the keys each shares (:func:`crosswire.stories.keys.shared_keys`), and only the
ones the local stage would score come back to the driver: each article's best
``SCORED_CANDIDATES`` by key weight (:func:`crosswire.stories.candidates.rank_candidates`, the
same function over the same weights, so the driver's own ranking of them keeps them all).

Up to ``ONE_TASK_ROWS`` rows, the rows go once into Ray's object store and each of a few tasks
(one per core) groups them for its share of the new articles: no shuffle, whose aggregator
actors and two passes cost 2-3 s of an 800-article batch. Beyond it, the rows are shuffled on
a bucket of the key (each group split by key again, since ``map_groups`` pays its overhead per
group) and the pairs once more on the article. The candidate sets then go through the local
pipeline's own stage (``assign_stories(candidates_with=...)``): the near-lists, the pair scores
(:func:`crosswire.stories.decide.pair_probability`) and the regrouping
(:func:`crosswire.stories.decide.decide_clusters`) are the same functions, so a Ray ingest
groups as a local one does. The result does not depend on the order of the rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from crosswire.config import Config
from crosswire.dates import day_number
from crosswire.engine.ray_data import (
    bucket_of,
    by_key,
    cluster_cores,
    dataset_of,
    key_buckets,
    shuffle_partitions,
)
from crosswire.store import Store
from crosswire.stories.candidates import SCORED_CANDIDATES, key_term, key_weights, rank_candidates
from crosswire.stories.keys import KeyRow, key_candidates, reach

# Day and ingest order travel as integers (Arrow keeps a column of one type): -1 is "none".
NONE = -1
# Key rows grouped in tasks without a shuffle (each task holds them all: about 100 bytes a
# row in Python, 20 MiB at this bound, the rows of some 8,000 articles' days).
ONE_TASK_ROWS = 200_000

Found = dict[str, dict[str, list[str]]]


def _int(value: int | None) -> int:
    return NONE if value is None else int(value)


def _none(value: Any) -> int | None:
    return None if int(value) == NONE else int(value)


def gathered(triples: Iterable[tuple[str, str, str]]) -> dict[str, dict[str, list[str]]]:
    """(article, candidate, key) triples gathered as each article's candidates with the keys
    each shares, unsorted (:func:`best_candidates` sorts those it keeps)."""
    found: dict[str, dict[str, list[str]]] = {}
    for article, candidate, key in triples:
        found.setdefault(article, {}).setdefault(candidate, []).append(key)
    return found


def best_candidates(
    found: Mapping[str, Mapping[str, list[str]]], weights: Mapping[str, float], limit: int | None
) -> Found:
    """Each article's ``limit`` best candidates by key weight (all of them when ``limit`` is
    None), each with its keys sorted: what :func:`crosswire.stories.keys.shared_keys` gives,
    of the candidates the local stage's ranking keeps. Sorting only the kept ones' keys is
    what makes this cheaper than gathering with ``shared_keys`` (1.8 s of 2.9 s of a task's
    CPU over 800 articles' rows)."""
    best: Found = {}
    for article, shared in found.items():
        kept = shared if limit is None else rank_candidates(shared, weights, limit)
        best[article] = {c: sorted(set(shared[c])) for c in kept}
    return best


def _grouped(columns: dict[str, Any]) -> dict[str, list[KeyRow]]:
    """Key rows (columns ``key``, ``article``, ``day``, ``seq``) grouped by key."""
    rows: dict[str, list[KeyRow]] = {}
    for key, indices in by_key(columns, "key").items():
        rows[key] = [
            KeyRow(
                key, str(columns["article"][i]), _none(columns["day"][i]), _none(columns["seq"][i])
            )
            for i in indices
        ]
    return rows


def _reached(
    columns: dict[str, list[Any]],
    wanted: Sequence[str],
    window_days: float,
    weights: Mapping[str, float],
    limit: int | None,
) -> Found:
    """A task's share of the search: the candidates of ``wanted`` among all the key rows."""
    chosen = set(wanted)
    found: dict[str, dict[str, list[str]]] = {}
    for key, rows in _grouped(columns).items():
        if any(r.article in chosen for r in rows):
            for article, candidate in key_candidates(rows, chosen, window_days):
                found.setdefault(article, {}).setdefault(candidate, []).append(key)
    return best_candidates(found, weights, limit)


@cache
def _reached_task() -> Any:
    import ray

    return ray.remote(_reached)


def _in_tasks(
    rows: list[dict[str, Any]], new: Sequence[str], window_days: float,
    weights: Mapping[str, float], limit: int | None,
) -> Found:  # fmt: skip
    """The search in a task per core, each over all the rows (put once) for its share of
    ``new``."""
    import ray

    columns = ray.put({c: [r[c] for r in rows] for c in ("key", "article", "day", "seq")})
    shares = [list(new[i :: cluster_cores()]) for i in range(cluster_cores())]
    task = _reached_task()
    found: Found = {}
    for part in ray.get([
        task.remote(columns, share, window_days, weights, limit) for share in shares if share
    ]):  # fmt: skip
        found.update(part)
    return found


def _key_pairs(group: dict[str, Any], window_days: float) -> dict[str, list[str]]:
    """One bucket's rows, key by key, as (new article, candidate, key) by the store's rule."""
    left: list[str] = []
    right: list[str] = []
    keys: list[str] = []
    new = {str(a) for a, n in zip(group["article"], group["new"], strict=True) if n}
    for key, rows in _grouped(group).items():
        wanted = {r.article for r in rows} & new
        for article, candidate in key_candidates(rows, wanted, window_days):
            left.append(article)
            right.append(candidate)
            keys.append(key)
    return {"article": left, "candidate": right, "key": keys}


# The keys one pair shares travel as one string (a key never holds this separator).
_SEPARATOR = "\x1f"


def _shared(
    group: dict[str, Any], weights: Mapping[str, float], limit: int | None
) -> dict[str, list[Any]]:
    """One bucket's (article, candidate, key) rows as one row per pair with its keys, each
    article's best ``limit`` (:func:`best_candidates`)."""
    triples = zip(group["article"], group["candidate"], group["key"], strict=True)
    found = gathered((str(a), str(c), str(k)) for a, c, k in triples)
    out: dict[str, list[Any]] = {"article": [], "candidate": [], "keys": []}
    for article, best in best_candidates(found, weights, limit).items():
        for candidate, keys in best.items():
            out["article"].append(article)
            out["candidate"].append(candidate)
            out["keys"].append(_SEPARATOR.join(keys))
    return out


def _article_buckets(batch: dict[str, Any], buckets: int) -> dict[str, Any]:
    """Pairs bucketed by their new article, for the shuffle that counts shared keys."""
    return {**batch, "bucket": [bucket_of(str(a), buckets) for a in batch["article"]]}


def _shuffled(
    rows: list[dict[str, Any]], window_days: float, weights: Mapping[str, float],
    limit: int | None,
) -> Found:  # fmt: skip
    """The search as two shuffles: the rows on the key, the pairs on the article."""
    partitions, buckets = shuffle_partitions(len(rows)), key_buckets(len(rows))
    for row in rows:
        row["bucket"] = bucket_of(row["key"], buckets)
    pairs = (
        dataset_of(rows)
        .groupby("bucket", num_partitions=partitions)
        .map_groups(_key_pairs, batch_format="numpy", fn_kwargs={"window_days": window_days})
    )
    gathered = (
        pairs.map_batches(_article_buckets, batch_format="numpy", fn_kwargs={"buckets": buckets})
        .groupby("bucket", num_partitions=partitions)
        .map_groups(_shared, batch_format="numpy", fn_kwargs={"weights": weights, "limit": limit})
    )
    found: Found = {}
    # Whole blocks as Arrow columns: a row at a time cost the driver 0.15 s more on 800
    # articles (197,000 pairs).
    for block in gathered.iter_batches(batch_format="pyarrow", batch_size=None):
        columns = (block.column(c).to_pylist() for c in ("article", "candidate", "keys"))
        for article, candidate, keys in zip(*columns, strict=True):
            found.setdefault(article, {})[candidate] = keys.split(_SEPARATOR)
    return found


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


def _weights(store: Store, rows: list[dict[str, Any]]) -> dict[str, float]:
    """The ranking weight of each new article's keys, from the store's document frequencies
    (the weights the local stage ranks by: a key's weight is the same in every article)."""
    keys = {r["key"] for r in rows if r["new"]}
    df = store.document_frequencies({key_term(k) for k in keys})
    return key_weights(keys, df, store.count_story_features())


def candidates_on_ray(
    store: Store, new: Sequence[str], config: Config, limit: int | None = SCORED_CANDIDATES
) -> Found:
    """The candidates of each of ``new`` (already indexed) with the keys each shares, its
    ``limit`` best by key weight (all with None), from Ray tasks (module doc)."""
    rows = _rows(store, new, config)
    if not any(r["new"] for r in rows):
        return {a: {} for a in new}
    weights = _weights(store, rows)
    window = config.story_window_days
    if len(rows) <= ONE_TASK_ROWS:
        found = _in_tasks(rows, sorted(new), window, weights, limit)
    else:
        found = _shuffled(rows, window, weights, limit)
    return {a: {} for a in new} | found

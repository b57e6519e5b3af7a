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
from typing import TYPE_CHECKING, Any

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
from crosswire.stories.candidates import (
    SCORED_CANDIDATES,
    key_term,
    key_weights,
    rank_candidates,
    worth_scoring,
)
from crosswire.stories.cluster import Pair, pair_key
from crosswire.stories.decide import Embedded, pair_probability
from crosswire.stories.keys import KeyRow, key_candidates, reach
from crosswire.stories.model import PairModel
from crosswire.stories.similarity import Vectors

if TYPE_CHECKING:
    from crosswire.stories.group import _Batch

# Day and ingest order travel as integers (Arrow keeps a column of one type): -1 is "none".
NONE = -1
# Key rows grouped in tasks without a shuffle, at most: each task holds them all (at this
# bound, the keys of some 8,000 articles within reach, 8 MiB pickled and about 60 MiB in a
# task once grouped, measured on generated rows).
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
    found: Mapping[str, Mapping[str, list[str]]],
    weights: Mapping[str, float],
    limit: int | None,
    languages: Mapping[str, str | None] | None = None,
) -> Found:
    """Each article's ``limit`` best candidates by key weight (all of them when ``limit`` is
    None), each with its keys sorted: what :func:`crosswire.stories.keys.shared_keys` gives,
    of the candidates the local stage's ranking keeps. With ``limit``, the candidates not
    worth scoring (:func:`crosswire.stories.candidates.worth_scoring`, by the articles'
    ``languages``) are set aside first, as the local stage does, or the best 50 would hold
    candidates it never ranks. Sorting only the kept ones' keys costs
    less than gathering with ``shared_keys``: a task's share of 800 NeuS articles took 1.3 s
    of CPU instead of 1.9 s."""
    best: Found = {}
    for article, shared in found.items():
        if limit is not None:
            worth = worth_scoring(shared, (languages or {}).get(article), languages or {})
            kept = rank_candidates(worth, weights, limit)
        else:
            kept = shared
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
    languages: Mapping[str, str | None] | None = None,
) -> Found:
    """A task's share of the search: the candidates of ``wanted`` among all the key rows."""
    chosen = set(wanted)
    triples = (
        (article, candidate, key)
        for key, rows in _grouped(columns).items()
        if any(r.article in chosen for r in rows)
        for article, candidate in key_candidates(rows, chosen, window_days)
    )
    return best_candidates(gathered(triples), weights, limit, languages)


@cache
def _reached_task() -> Any:
    import ray

    return ray.remote(_reached)


def _in_tasks(
    rows: list[dict[str, Any]], new: Sequence[str], window_days: float,
    weights: Mapping[str, float], limit: int | None,
    languages: Mapping[str, str | None] | None = None,
) -> Found:  # fmt: skip
    """The search in a task per core, each over all the rows (put once) for its share of
    ``new``."""
    import ray

    columns = ray.put({c: [r[c] for r in rows] for c in ("key", "article", "day", "seq")})
    cores = cluster_cores()
    shares = [list(new[i::cores]) for i in range(cores)]
    task = _reached_task()
    known = ray.put(dict(languages or {}))
    found: Found = {}
    for part in ray.get([
        task.remote(columns, share, window_days, weights, limit, known)
        for share in shares if share
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
    group: dict[str, Any],
    weights: Mapping[str, float],
    limit: int | None,
    languages: Mapping[str, str | None] | None = None,
) -> dict[str, list[Any]]:
    """One bucket's (article, candidate, key) rows as one row per pair with its keys, each
    article's best ``limit`` (:func:`best_candidates`)."""
    triples = zip(group["article"], group["candidate"], group["key"], strict=True)
    found = gathered((str(a), str(c), str(k)) for a, c, k in triples)
    out: dict[str, list[Any]] = {"article": [], "candidate": [], "keys": []}
    for article, best in best_candidates(found, weights, limit, languages).items():
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
    limit: int | None, languages: Mapping[str, str | None] | None = None,
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
        .map_groups(
            _shared,
            batch_format="numpy",
            fn_kwargs={"weights": weights, "limit": limit, "languages": languages},
        )
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
    languages = None if limit is None else store.story_languages({r["article"] for r in rows})
    if len(rows) <= ONE_TASK_ROWS:
        found = _in_tasks(rows, sorted(new), window, weights, limit, languages)
    else:
        found = _shuffled(rows, window, weights, limit, languages)
    return {a: {} for a in new} | found


# Pairs scored in tasks, at least: fewer cost the driver less than the tasks' start (a pair
# takes about 80 microseconds to score, a round of tasks 50-100 ms).
MIN_PAIRS_IN_TASKS = 1_000

# What a task needs to score an article's pairs: its vectors (None: not indexed), near-list
# and lead embedding, as the driver's per-call caches hold them.
Scored = tuple[Vectors | None, list[float], Embedded | None]


def _pair_scores(
    pairs: Sequence[Pair], records: Mapping[str, Scored], model: PairModel, window_days: float
) -> list[float]:
    """A task's share of the pairs, scored by the local stage's
    :func:`crosswire.stories.decide.pair_probability` (0 when one is not indexed)."""
    out = []
    for first, second in pairs:
        (a, near_a, embedded_a), (b, near_b, embedded_b) = records[first], records[second]
        if a is None or b is None:
            out.append(0.0)
            continue
        out.append(
            pair_probability(model, window_days, a, b, near_a, near_b, embedded_a, embedded_b)
        )
    return out


@cache
def _pair_scores_task() -> Any:
    import ray

    return ray.remote(_pair_scores)


def scores_on_ray(batch: _Batch, new: Sequence[str]) -> dict[Pair, float]:
    """The probabilities of the new articles' pairs with their candidates, scored in a task
    per core from the driver's records (none below ``MIN_PAIRS_IN_TASKS`` pairs: the driver
    scores those). The records are read first, as the local stage reads them before scoring,
    so every score is the one :meth:`_Batch.probability` would give."""
    import ray

    pairs = list(dict.fromkeys(pair_key(a, c) for a in new for c in batch.candidates(a)))
    if len(pairs) < MIN_PAIRS_IN_TASKS:
        return {}
    ids = list(dict.fromkeys(i for pair in pairs for i in pair))
    batch.load_features(ids)
    batch.load_near(ids)
    records = ray.put({i: (batch.vector(i), batch.nearby(i), batch.embedding(i)) for i in ids})
    model, window = ray.put(batch.model), batch.config.story_window_days
    cores = min(cluster_cores(), len(pairs))
    shares = [pairs[i::cores] for i in range(cores)]
    task = _pair_scores_task()
    done = ray.get([task.remote(share, records, model, window) for share in shares])
    scores: dict[Pair, float] = {}
    for share, values in zip(shares, done, strict=True):
        scores.update(zip(share, values, strict=True))
    return scores


class RayStories:
    """The Ray engine's story search for ``assign_stories(candidates_with=...)``: candidates
    from the key rows (:func:`candidates_on_ray`) and the new articles' pairs scored in tasks
    (:func:`scores_on_ray`, the stage's ``scores`` hook)."""

    def __call__(self, store: Store, new: Sequence[str], config: Config) -> Found:
        return candidates_on_ray(store, new, config)

    def scores(self, batch: _Batch, new: Sequence[str]) -> dict[Pair, float]:
        return scores_on_ray(batch, new)

"""The ingest on Ray Data: reading, cleaning and analysis spread over a Ray cluster.

Reading and cleaning (``ingest.prepare.read_clean``) and the spaCy analysis
(``analyze.workers.analyse_batch``) are the two stages that cost a core per few articles and
need nothing but their own input, so they run on Ray: the cleaning as ``map_batches`` tasks
over Ray Data with streaming execution, the analysis on named actors held for the Ray session
(``engine/ray_pool.py``), which load the model once for every ingest of the session.
Near-duplicate links take their fingerprints and candidates from Ray too (a shuffle on LSH
band keys, ``engine/ray_dedup.py``) and the decision from the local pipeline's function;
story candidates from a shuffle on story keys (``engine/ray_stories.py``), fed to the local
pipeline's stories stage. The other stages (storing, boilerplate learning, the story
scores and regrouping) read what the store already holds and run in the driver through the
very functions the local pipeline calls, in the same order, so a Ray ingest stores what a
local one stores. Needs
``pip install 'crosswire[ray]'``; ``address`` names a cluster (``ray://host:10001``), none
starts Ray on this machine.

What Ray costs besides the work is kept to about a second a stage: every Dataset the driver
makes comes in a few blocks (:func:`dataset_of`), and a Ray started here keeps its idle
worker processes, warmed with the stages' modules, between stages (:func:`keep_workers`), as
each shuffle's actors take a process that dies with them.
"""

from __future__ import annotations

import json
import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from crosswire.config import Config
from crosswire.records import Analysis, Article, IngestError
from crosswire.store import Store

# Files per read task and articles per analysis batch travel as JSON strings, one column:
# Arrow then carries any record without a schema of its own.
FILES_PER_TASK = 8
# Rows per block of a Dataset made in the driver, at least: a block is a task, and Ray Data
# cuts a list into up to 200 blocks of its own (8,000 key rows cost 6 s of tasks in local
# mode that way, against 0.06 s as a few Arrow blocks).
ROWS_PER_BLOCK = 4_096
# Rows per shuffle partition (``groupby``): a partition's task should cost more than its start.
ROWS_PER_PARTITION = 50_000
# Rows per group of a shuffle: ``map_groups`` pays its overhead per group, so a shuffle
# groups on a bucket of its key (many keys a group) and splits each group by key in Python.
ROWS_PER_BUCKET = 2_000


def _read_clean_batch(batch: dict[str, Any], csv_map: str) -> dict[str, list[str]]:
    """One batch of files read and cleaned: a JSON record per article or error."""
    from crosswire.ingest.prepare import read_clean
    from crosswire.ingest.readers import ReadOptions

    options = ReadOptions(csv_map=json.loads(csv_map))
    out: list[str] = []
    for path in batch["path"]:
        for item in read_clean(Path(str(path)), options):
            kind = "error" if isinstance(item, IngestError) else "article"
            out.append(json.dumps({"kind": kind, "data": item.as_dict()}, ensure_ascii=False))
    return {"record": out}


def cluster_cores() -> int:
    """The cluster's CPUs (one in a Ray that reports none)."""
    import ray

    return max(1, int(ray.cluster_resources().get("CPU", 1)))


def dataset_of(
    rows: list[dict[str, Any]], rows_per_block: int = ROWS_PER_BLOCK, spread: bool = False
) -> Any:
    """A Dataset of ``rows`` in blocks of ``rows_per_block`` rows or more, as many as the
    cluster has cores at most (each block is one task of a map, and a few large ones cost
    less than Ray's 200 small ones); ``spread``: one block per ``rows_per_block`` rows however
    many, for a stage whose results should stream back block by block (the files read, the
    analysis). Rows keep their order.

    The blocks are made by ``from_items`` in a task: tables made in the driver
    (``from_arrow``, ``from_pandas``) made each shuffle behind them take 9-14 s instead of
    0.3 s on 300 articles' story keys (Ray 2.60, local mode)."""
    import ray

    blocks = max(1, -(-len(rows) // max(1, rows_per_block)))
    if not spread:
        blocks = min(cluster_cores(), blocks)
    return ray.data.from_items(rows, override_num_blocks=blocks)


def shuffle_partitions(rows: int) -> int:
    """Partitions of a shuffle of ``rows`` rows: one per ``ROWS_PER_PARTITION``, at most one
    per core of the cluster (Ray Data's default, 200, costs seconds of tasks on a batch)."""
    return max(1, min(cluster_cores(), -(-rows // ROWS_PER_PARTITION)))


def key_buckets(rows: int) -> int:
    """Buckets a shuffle of ``rows`` rows groups its keys into (:func:`bucket_of`)."""
    return max(1, -(-rows // ROWS_PER_BUCKET))


def bucket_of(key: str, buckets: int) -> int:
    """A key's bucket: the same in every process (Python's ``hash`` of a string is not)."""
    return zlib.crc32(key.encode("utf-8")) % buckets


def by_key(group: dict[str, Any], column: str) -> dict[str, list[int]]:
    """The row numbers of one bucket's group for each value of ``column``, in row order."""
    rows: dict[str, list[int]] = {}
    for index, value in enumerate(group[column]):
        rows.setdefault(str(value), []).append(index)
    return rows


# Ray keeps as many idle worker processes as CPUs and kills the others after a second idle.
# Every shuffle starts aggregator actors and the analysis its actor pool, each taking a
# worker process that dies with it, so the next stage's tasks waited for fresh processes
# that import crosswire again: 2 s per stage on two loaded cores, a story shuffle 5-7 s
# instead of 0.3-0.8 s. A Ray started here keeps two idle workers per CPU, and two more, for
# ten minutes (250-400 MiB each; a cluster sets this itself, ``RAY_num_workers_soft_limit``
# and ``RAY_idle_worker_killing_time_threshold_ms``).
IDLE_WORKER_SECONDS = 600


def keep_workers(cpus: int) -> dict[str, Any]:
    """Ray's settings that keep idle worker processes between the stages of an ingest."""
    return {
        "num_workers_soft_limit": 2 * cpus + 2,
        "idle_worker_killing_time_threshold_ms": IDLE_WORKER_SECONDS * 1000,
    }


# What the stages' tasks import: loaded once per worker process at start, not in the first
# ingest's first task (4-5 s on two loaded cores).
TASK_MODULES = (
    "crosswire.ingest.prepare",
    "crosswire.dedup.fingerprint",
    "crosswire.stories.keys",
    "crosswire.analyze.workers",
)


def _import_task_modules(pause: float) -> None:
    """A task that imports :data:`TASK_MODULES` and waits, so that ``n`` of them at once
    warm ``n`` worker processes."""
    import importlib
    import time

    for name in TASK_MODULES:
        importlib.import_module(name)
    time.sleep(pause)


def _warm_workers(count: int) -> None:
    """Start ``count`` worker processes with the stages' modules imported (kept by
    :func:`keep_workers`)."""
    import ray

    task = ray.remote(num_cpus=1)(_import_task_modules)
    ray.get([task.remote(0.5) for _ in range(max(1, count))])


# The cluster address this process connected to (None: a Ray it started, or none yet).
_address: str | None = None


def connected_address() -> str | None:
    """The cluster address :func:`start` connected to; None for a Ray started here."""
    return _address


def start(address: str | None = None, workers: int | None = None) -> None:
    """Connect to a Ray cluster, or start Ray on this machine with ``workers`` CPUs."""
    import ray

    global _address
    if ray.is_initialized():
        return
    _address = address
    ray.init(
        address=address,
        num_cpus=None if address else workers,
        include_dashboard=False,
        log_to_driver=False,
        ignore_reinit_error=True,
        _system_config=None if address else keep_workers(workers or os.cpu_count() or 1),
    )
    if not address:
        _warm_workers(workers or cluster_cores())
    from ray.data import DataContext

    # Records come back in input order: ingest order decides which copy is the original.
    DataContext.get_current().execution_options.preserve_order = True
    DataContext.get_current().enable_progress_bars = False


def prepared_records(files: list[Path | IngestError], config: Config) -> Iterator[Any]:
    """Read and clean files on Ray: each file's articles (with exact hashes) or errors, in order."""

    from crosswire.dedup import exact_hash

    paths = [str(f) for f in files if not isinstance(f, IngestError)]
    yield from (f for f in files if isinstance(f, IngestError))
    if not paths:
        return
    ds = dataset_of([{"path": p} for p in paths], FILES_PER_TASK, spread=True).map_batches(
        _read_clean_batch,
        batch_size=FILES_PER_TASK,
        fn_kwargs={"csv_map": json.dumps(dict(config.csv_map))},
    )
    for row in ds.iter_rows():
        record = json.loads(row["record"])
        if record["kind"] == "error":
            yield IngestError.from_dict(record["data"])
        else:
            article = Article.from_dict(record["data"])
            yield article, exact_hash(article.text)


def analyse_on_ray(
    store: Store, ids: list[str], config: Config
) -> Iterator[tuple[list[Analysis], list[tuple[str, str]]]]:
    """The analyses of ``ids`` made by the session's ``config.workers`` analysis actors
    (``engine/ray_pool.py``), in batches of about equal text, streamed: each batch's articles
    are read from the store when an actor can take it, and the results come back in order
    while the actors parse the batches after them."""
    from crosswire.analyze.on_demand import text_lengths
    from crosswire.analyze.workers import TASKS_PER_WORKER, balanced_groups
    from crosswire.engine.ray_pool import analysis_pool, settings_of

    if not ids:
        return
    workers = max(1, config.workers)
    groups = balanced_groups(
        text_lengths(store, ids), config.batch_size, workers * TASKS_PER_WORKER
    )
    if not groups:
        return
    pool = analysis_pool(workers, settings_of(config))
    yield from pool.map(list(store.iter_articles(group)) for group in groups)


def ingest_with_ray(
    paths: Iterable[str | Path],
    config: Config,
    store: Store,
    address: str | None = None,
) -> Any:
    """``ingest_paths`` with reading, cleaning and analysis on Ray (see the module's doc)."""
    from crosswire import pipeline
    from crosswire.engine.ray_dedup import link_on_ray
    from crosswire.engine.ray_stories import RayStories

    start(address, config.workers)
    return pipeline.ingest_paths(
        paths,
        config,
        store,
        prepare=prepared_records,
        analyse_with=analyse_on_ray,
        link_with=link_on_ray,
        candidates_with=RayStories(),
    )

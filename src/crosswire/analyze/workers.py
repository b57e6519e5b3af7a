"""Analysis batches in worker processes, one spaCy model per process.

spaCy's parse is the slowest stage by far (a few articles per second per core), and articles
are analysed independently of one another, so each core can take its own batches. Workers are
forked from a parent that has loaded the model, as spaCy's own ``n_process`` workers are, when
the parent runs no other thread (``crosswire/processes.py``); otherwise (the progress bar's
thread) they are spawned and each loads the model once. At most three batches per worker are in
flight, so a large store is streamed, never held.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from crosswire.analyze.nlp import load_nlp
from crosswire.analyze.pipeline import analyze_articles
from crosswire.config import Config
from crosswire.processes import can_fork, worker_context
from crosswire.records import Analysis, Article

# Below this many articles one process is faster: each worker first spends about a second
# loading the model (bench/analyse.py).
MIN_PARALLEL = 48
_IN_FLIGHT_PER_WORKER = 3
# Tasks per worker a pool's articles are cut into, of about equal text: with four batches of
# 32 pages for two workers, one worker sat idle for a tenth of the stage while the other
# parsed its longer pages (bench/pipeline.py --whole --split).
TASKS_PER_WORKER = 6

Failed = tuple[str, str]  # (article source, why its analysis failed)


def balanced_groups(lengths: Sequence[tuple[str, int]], most: int, parts: int) -> list[list[str]]:
    """Consecutive ids cut into about ``parts`` groups of equal text length (``lengths``: id
    and its text's length, in order), none of more than ``most`` ids: tasks that take the
    workers about as long, so that none waits for another at the end."""
    target = sum(n for _, n in lengths) / max(1, parts)
    groups: list[list[str]] = []
    group: list[str] = []
    size = 0
    for article_id, n in lengths:
        group.append(article_id)
        size += n
        if size >= target or len(group) >= most:
            groups.append(group)
            group, size = [], 0
    if group:
        groups.append(group)
    return groups


def analyse_batch(articles: list[Article], config: Config) -> tuple[list[Analysis], list[Failed]]:
    """A batch's analyses; when the batch fails, each article is retried alone, so one bad
    article costs only itself."""
    try:
        return list(analyze_articles(articles, config)), []
    except Exception:  # noqa: BLE001 - retried one by one below, each failure kept
        analyses: list[Analysis] = []
        failed: list[Failed] = []
        for article in articles:
            try:
                analyses.extend(analyze_articles([article], config))
            except Exception as exc:  # noqa: BLE001 - recorded as the article's error
                failed.append((article.source, str(exc)))
        return analyses, failed


def _load_model(model: str) -> None:
    load_nlp(model)


def preload_model(config: Config) -> None:
    """Load the model here now when the analysis workers will be forked from this process.

    An ingest that analyses everything calls this while its reading pool works: the load then
    shares the cores with the reading instead of holding up the first analysis batch (the
    parent loads it anyway, for the forked workers or, under ``MIN_PARALLEL`` articles, to
    analyse them itself)."""
    if config.workers > 1 and can_fork():
        load_nlp(config.spacy_model)


def analyse_batches(
    batches: Iterable[list[Article]], config: Config, workers: int
) -> Iterator[tuple[list[Analysis], list[Failed]]]:
    """Each batch's analyses and failures, in input order; in ``workers`` processes when
    there is more than one."""
    if workers <= 1:
        for batch in batches:
            yield analyse_batch(batch, config)
        return
    context = worker_context()
    if context.get_start_method() == "fork":
        load_nlp(config.spacy_model)  # once, here: every forked worker starts with it loaded
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_load_model,
        initargs=(config.spacy_model,),
    )
    try:
        running: deque[Future[tuple[list[Analysis], list[Failed]]]] = deque()
        for batch in batches:
            running.append(pool.submit(analyse_batch, batch, config))
            if len(running) >= workers * _IN_FLIGHT_PER_WORKER:
                yield running.popleft().result()
        while running:
            yield running.popleft().result()
    finally:
        # Stopped early (an interrupt, a failed store write): queued batches are dropped
        # rather than analysed for nobody; they stay pending in the store for the next run.
        pool.shutdown(wait=True, cancel_futures=True)

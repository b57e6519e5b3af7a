"""Analysis when a comparison needs it, not of every article at ingest.

The spaCy parse is most of an ingest's cost, and a comparison needs it only for stories that
two independent outlets cover. So by default an ingest analyses the articles of a story when
the story first holds a second independent outlet (``config.analyse == "needed"``), and every
reader of analyses (a report, ``show``, ``quotes --speaker``, the web pages, ``export``) asks
for the ones it is about to read through :func:`analyses_of` or :func:`analyse_speaker`, which
analyse what is missing first. What a user sees is then what an ingest with ``--analyse all``
would show, at the cost of the first read of a single-outlet story.

A store that cannot be written (a read-only web app) still answers: the analyses are made and
returned, just not kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from crosswire.analyze.workers import (
    MIN_PARALLEL,
    TASKS_PER_WORKER,
    Failed,
    analyse_batches,
    balanced_groups,
)
from crosswire.config import Config
from crosswire.errors import ANALYSIS_FAILED
from crosswire.records import Analysis, IngestError
from crosswire.store.base import Store, surname_key

# Stories whose independent outlets reach this many are analysed at ingest.
OUTLETS_TO_COMPARE = 2

Progress = Callable[[int, int], None]  # (done, total)
Batch = tuple[list[Analysis], list[Failed]]
# Where analyses are made: (store, article ids, config) -> batches of analyses and failures.
Analyser = Callable[[Store, list[str], Config], Iterator[Batch]]


def pending_ids(store: Store, ids: Iterable[str]) -> list[str]:
    """Those of ``ids`` that have no analysis yet, in the order given."""
    wanted = list(dict.fromkeys(ids))
    done: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = store.query(f"SELECT article FROM analyses WHERE article IN ({marks})", chunk)
        done.update(r[0] for r in rows)
    return [i for i in wanted if i not in done]


def independent_outlets(store: Store, story: str) -> int:
    """How many independent sources a story holds: the named outlets of its originals (a
    syndicated copy adds no voice), each unnamed original counting as a source of its own."""
    rows = store.query(
        "SELECT id, outlet FROM articles WHERE story = ? AND duplicate_of IS NULL", (story,)
    )
    return len({outlet or f"\x00{article}" for article, outlet in rows})


def needed_ids(store: Store, article_ids: Iterable[str]) -> list[str]:
    """The unanalysed articles of the stories of ``article_ids`` that hold two or more
    independent outlets: the ones an ingest in ``needed`` mode analyses."""
    stories: list[str] = []
    for article in store.iter_articles(article_ids):
        if article.story and article.story not in stories:
            stories.append(article.story)
    wanted: list[str] = []
    for story in stories:
        if independent_outlets(store, story) >= OUTLETS_TO_COMPARE:
            wanted.extend(store.story_article_ids(story))
    return pending_ids(store, wanted)


def analyse_ids(
    store: Store,
    ids: Sequence[str],
    config: Config,
    on_progress: Progress | None = None,
    errors: list[IngestError] | None = None,
    keep: dict[str, Analysis] | None = None,
    run: Analyser | None = None,
) -> int:
    """Analyse the articles ``ids`` in ``nlp.pipe`` batches (in ``config.workers`` processes
    when there are enough to repay starting them) and store the analyses; a failed article
    becomes its recorded error. ``keep`` also receives each analysis, so a caller on a store
    that refuses writes still gets them. ``run`` makes the analyses elsewhere (the Ray engine).
    Returns how many articles were done."""
    done = 0
    writable = True
    for analyses, failed in (run or analyse_locally)(store, list(ids), config):
        if keep is not None:
            keep.update((a.article, a) for a in analyses)
        if writable:
            writable = _save(store, analyses, failed, errors)
        done += len(analyses) + len(failed)
        if on_progress is not None:
            on_progress(done, len(ids))
    return done


def analyse_locally(store: Store, ids: list[str], config: Config) -> Iterator[Batch]:
    """Each batch's analyses and failures, made here (in worker processes when there are
    enough articles to repay starting them, in tasks of about equal text)."""
    size = config.batch_size
    workers = config.workers if len(ids) >= MIN_PARALLEL else 1
    if workers > 1:
        groups = balanced_groups(text_lengths(store, ids), size, workers * TASKS_PER_WORKER)
    else:
        groups = [ids[start : start + size] for start in range(0, len(ids), size)]
    batches = (list(store.iter_articles(group)) for group in groups)
    yield from analyse_batches(batches, config, workers)


def text_lengths(store: Store, ids: list[str]) -> list[tuple[str, int]]:
    """Each stored article of ``ids`` with the length of its text, in the order given."""
    found: dict[str, int] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = store.query(f"SELECT id, LENGTH(text) FROM articles WHERE id IN ({marks})", chunk)
        found.update((r[0], int(r[1])) for r in rows)
    return [(i, found[i]) for i in ids if i in found]


def _save(
    store: Store, analyses: list[Analysis], failed: list[Failed], errors: list[IngestError] | None
) -> bool:
    """Store a batch's analyses and failures; False when the store cannot be written."""
    try:
        with store.transaction():
            for analysis in analyses:
                store.save_analysis(analysis)
            for source, why in failed:
                error = IngestError(
                    source, ANALYSIS_FAILED.code, ANALYSIS_FAILED.format(detail=why)
                )
                store.add_error(error)
                if errors is not None:
                    errors.append(error)
    except Exception:  # noqa: BLE001 - a read-only or busy store: the analyses are still returned
        return False
    return True


def analyses_of(
    store: Store, article_ids: Iterable[str], config: Config | None = None
) -> dict[str, Analysis]:
    """The analyses of ``article_ids``, analysing (and storing) the missing ones first."""
    ids = list(dict.fromkeys(article_ids))
    made: dict[str, Analysis] = {}
    missing = pending_ids(store, ids)
    if missing:
        analyse_ids(store, missing, _quiet(config), keep=made)
    found: dict[str, Analysis] = {}
    for article_id in ids:
        analysis = made.get(article_id) or store.get_analysis(article_id)
        if analysis is not None:
            found[article_id] = analysis
    return found


def analysis_of(store: Store, article_id: str, config: Config | None = None) -> Analysis | None:
    """One article's analysis, made first when missing."""
    return analyses_of(store, [article_id], config).get(article_id)


def analyse_speaker(store: Store, name: str, config: Config | None = None) -> dict[str, Analysis]:
    """Analyse the unanalysed articles that may quote ``name``: those whose text holds its
    surname (a speaker's name is read from the article's own words), so that the speaker
    index answers as if everything had been analysed. Returns the analyses made."""
    surname = surname_key(name)
    if not surname:
        return {}
    rows = store.query(
        "SELECT a.id FROM articles a LEFT JOIN analyses n ON n.article = a.id "
        "WHERE n.article IS NULL AND LOWER(a.text) LIKE ? ORDER BY a.id",
        (f"%{surname}%",),
    )
    made: dict[str, Analysis] = {}
    if rows:
        analyse_ids(store, [r[0] for r in rows], _quiet(config), keep=made)
    return made


def analyse_all(store: Store, config: Config | None = None) -> int:
    """Analyse every article that has no analysis yet (``export``, ``analyse --all``)."""
    ids = store.unanalysed_ids()
    return analyse_ids(store, ids, _quiet(config)) if ids else 0


def _quiet(config: Config | None) -> Config:
    return config or Config()

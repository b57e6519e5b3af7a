"""The ingest pipeline: read -> clean -> store -> learn boilerplate -> dedup -> stories -> analyse.

Each stage is a plain function over records; this module only composes them and keeps the
store consistent. Articles stream through: only ids are held for the whole batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from crosswire.analyze.on_demand import Analyser, analyse_ids, needed_ids
from crosswire.analyze.workers import preload_model
from crosswire.clean import clean_text, edge_lines
from crosswire.clean.stubs import find_stub
from crosswire.config import ANALYSE_MODES, Config
from crosswire.dedup import exact_hash, link_duplicates
from crosswire.errors import NO_ARTICLE, STUB_PAGE
from crosswire.ingest import expand_paths
from crosswire.ingest.prepare import Prepared, prepare_files
from crosswire.ingest.readers import ReadOptions
from crosswire.records import Article, IngestError
from crosswire.store import Store, open_store
from crosswire.stories import assign_stories
from crosswire.stories.group import Retriever

# Another engine's reading and cleaning: (files, config) -> prepared articles and errors.
Preparer = Callable[[list[Path | IngestError], Config], Iterable[Prepared]]
# Another engine's near-duplicate links: (store, article ids, config) -> how many are copies.
Linker = Callable[[Store, list[str], Config], int]


@dataclass(slots=True)
class IngestReport:
    """What one ``ingest`` run did."""

    files: int = 0
    added: list[str] = field(default_factory=list)
    unchanged: int = 0
    errors: list[IngestError] = field(default_factory=list)
    duplicates: int = 0
    recleaned: int = 0
    analysed: int = 0

    @property
    def ok(self) -> bool:
        """Something was ingested (new or already stored); a run of only errors is not ok."""
        return bool(self.added or self.unchanged)


class RateColumn(ProgressColumn):
    """Items per second, so a user sees throughput while a large batch runs."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f}/s" if speed else "", style="progress.data.speed")


def _progress(config: Config, console: Console | None) -> Progress | nullcontext[None]:
    if not config.progress:
        return nullcontext()
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeRemainingColumn(),
        console=console or Console(stderr=True),
        transient=False,
    )


def _why_empty(text: str) -> str | None:
    """Why a clean text is no article, or None: nothing left after boilerplate, or no word
    at all (punctuation, symbols, invisible characters), which would otherwise make every
    such text an exact "copy" of every other."""
    if not text.strip():
        return "only boilerplate"
    if not any(ch.isalnum() for ch in text):
        return "no words, only punctuation, symbols or invisible characters"
    return None


def _not_an_article(article: Article) -> IngestError | None:
    """The error for a clean text that is no article: empty, or a wall or widget page."""
    empty = _why_empty(article.text)
    if empty is not None:
        return IngestError(article.source, NO_ARTICLE.code, NO_ARTICLE.format(detail=empty))
    stub = find_stub(article.text, article.removed)
    if stub is not None:
        detail = " ".join(stub.evidence.split())[:120]
        return IngestError(
            article.source, STUB_PAGE.code, STUB_PAGE.format(kind=stub.kind, detail=detail)
        )
    return None


# Articles stored per commit: a commit per article cost a tenth of the lexical path, and a
# run killed before a commit leaves at most this many to the next run (which reads its input
# again and stores them then).
COMMIT_EVERY = 100


def store_items(store: Store, items: Iterable[Prepared], report: IngestReport) -> set[str]:
    """Stage 1: store each cleaned article as it comes; record errors. Returns the outlets
    touched.

    Articles are committed a hundred at a time. When a write fails part way (a full disk),
    the group is stored again one commit per article up to the one that fails, so what could
    be stored is kept and the error still stops the run."""
    outlets: set[str] = set()
    stream = iter(items)
    while True:
        done: list[Prepared] = []
        before = (len(report.added), len(report.errors), report.unchanged, set(outlets))
        try:
            with store.transaction():  # one commit per COMMIT_EVERY items
                for item in islice(stream, COMMIT_EVERY):
                    done.append(item)
                    _store_one(store, item, report, outlets)
        except BaseException:
            _undo_report(report, outlets, before)
            for item in done:  # the first that fails again raises its own error
                with store.transaction():
                    _store_one(store, item, report, outlets)
            raise
        if len(done) < COMMIT_EVERY:
            break
    store.conn.commit()
    return outlets


def _undo_report(
    report: IngestReport, outlets: set[str], before: tuple[int, int, int, set[str]]
) -> None:
    """Forget what a rolled-back group added to the report."""
    added, errors, report.unchanged, kept = before
    del report.added[added:], report.errors[errors:]
    outlets.intersection_update(kept)


def _store_one(store: Store, item: Prepared, report: IngestReport, outlets: set[str]) -> None:
    if isinstance(item, IngestError):
        store.add_error(item)
        report.errors.append(item)
        return
    article, digest = item
    error = _not_an_article(article)
    if error is not None:
        store.add_error(error)
        report.errors.append(error)
        return
    if not store.add_article(article, digest):
        report.unchanged += 1
        return
    report.added.append(article.id)
    if article.outlet:
        outlets.add(article.outlet)
        store.add_outlet_lines(article.outlet, article.id, edge_lines(article.text))


def relearn_boilerplate(
    store: Store, outlets: set[str], config: Config, added: Iterable[str] = ()
) -> int:
    """Stage 2: lines an outlet repeats at the edges of many articles are its boilerplate.

    Re-clean from their raw text the articles of those outlets that hold a line learned only
    now (older ones included), and the ``added`` articles that hold any learned line. Articles
    stored before hold no line learned before: they were cleaned of it when it was learned, so
    the work per run follows what is new, not the size of the store.
    """
    new = store.edge_lines_of(added)
    changed = 0
    least = config.outlet_line_min_articles
    for outlet in sorted(outlets):
        known = store.learned_outlet_lines(outlet)
        learned = frequent_lines(store, outlet, least, known, new.get(outlet, {}))
        if not learned:
            store.save_learned_outlet_lines(outlet, (), least)
            continue
        fresh = learned - known
        affected = store.articles_with_outlet_lines(outlet, fresh) if fresh else set()
        affected |= {aid for aid, lines in new.get(outlet, {}).items() if lines & learned}
        for aid in sorted(affected):
            article = store.get_article(aid)
            if article is None:
                continue
            cleaned = clean_text(article.raw, learned=learned)
            if cleaned.text != article.text and cleaned.text.strip():
                store.update_text(aid, cleaned.text, cleaned.removed, exact_hash(cleaned.text))
                changed += 1
        store.save_learned_outlet_lines(outlet, fresh, least)
    return changed


def frequent_lines(
    store: Store, outlet: str, least: int, known: set[str], new: dict[str, set[str]]
) -> set[str]:
    """The edge lines at least ``least`` articles of ``outlet`` hold.

    Counts only grow, so once an outlet's lines were counted at ``least``, a line can have
    reached it only through the articles not yet grouped (``new``: this run's and a stopped
    run's): those lines and the ones learned before are counted, each up to ``least``. At
    another minimum (or never counted) every line of the outlet is counted, as the set
    learned then may hold too few or too many."""
    if store.learned_min_articles(outlet) != least:
        return store.frequent_outlet_lines(outlet, least)
    return store.outlet_lines_reaching(outlet, known.union(*new.values()), least)


def analyse_pending(
    store: Store,
    config: Config,
    progress: Progress | None = None,
    report: IngestReport | None = None,
    ids: list[str] | None = None,
    run: Analyser | None = None,
) -> int:
    """Stage 5: analyse the stored articles ``ids`` (default: every one with no analysis yet),
    in ``nlp.pipe`` batches (in ``config.workers`` processes when there are enough articles to
    repay starting them)."""
    pending = store.unanalysed_ids() if ids is None else ids
    task = progress.add_task("analyse", total=len(pending)) if progress else None

    def advance(done: int, _total: int) -> None:
        if progress is not None and task is not None:
            progress.update(task, completed=done)

    errors = report.errors if report is not None else None
    return analyse_ids(store, pending, config, advance, errors, run=run)


def _to_analyse(store: Store, mode: str, added: list[str]) -> list[str] | None:
    """The articles an ingest analyses now (None: every pending one), by ``mode``."""
    if mode == "all":
        return None
    if mode == "none":
        return []
    if mode == "needed":
        return needed_ids(store, added)
    raise ValueError(f"analyse must be one of {', '.join(ANALYSE_MODES)}, not {mode!r}")


def unfinished_work(store: Store, added: list[str]) -> tuple[list[str], list[str]]:
    """The articles to fingerprint and to group: this run's, and any a stopped run stored and
    left without a fingerprint or a story (found from the store, so a kill at any point is
    finished by the next run)."""
    unprinted, storyless = store.unfinished_ids()
    new = set(added)
    return (
        list(added) + [a for a in unprinted if a not in new],
        list(added) + [a for a in storyless if a not in new],
    )


def finish_stored(
    store: Store,
    config: Config,
    report: IngestReport,
    mode: str = "needed",
    outlets: set[str] | None = None,
    progress: Progress | None = None,
    analyse_with: Analyser | None = None,
    link_with: Linker | None = None,
    candidates_with: Retriever | None = None,
) -> list[str]:
    """Stages 2-5 over this run's articles (``report.added``) and whatever a stopped run left
    unfinished: learn boilerplate, fingerprint, group, analyse. Returns the articles it
    grouped (``crosswire check --repair`` runs this alone, with nothing added)."""
    unprinted, storyless = unfinished_work(store, report.added)
    touched = (outlets or set()) | store.outlets_of(storyless)
    report.recleaned = relearn_boilerplate(store, touched, config, storyless)
    report.duplicates = (link_with or link_duplicates)(store, unprinted, config)
    assign_stories(store, storyless, config, candidates_with)
    store.conn.commit()
    wanted = _to_analyse(store, mode, [*report.added, *storyless])
    if wanted is None or wanted:
        report.analysed = analyse_pending(store, config, progress, report, wanted, analyse_with)
    return storyless


def ingest_paths(
    paths: Iterable[str | Path],
    config: Config | None = None,
    store: Store | None = None,
    console: Console | None = None,
    analyse: bool | str | None = None,
    prepare: Preparer | None = None,
    analyse_with: Analyser | None = None,
    link_with: Linker | None = None,
    candidates_with: Retriever | None = None,
) -> IngestReport:
    """Ingest files, folders and globs into the store and bring stories and analyses up to date.

    ``analyse`` says which articles are analysed now (``config.analyse`` by default):
    ``"needed"``, those of stories that two independent outlets cover (the others are analysed
    when first read, see :mod:`crosswire.analyze.on_demand`); ``"all"`` (or True); ``"none"``
    (or False). ``prepare`` (read and clean files), ``link_with`` (near-duplicate links),
    ``candidates_with`` (story candidates) and ``analyse_with`` (make analyses) let another
    engine run those stages (``engine/ray_data.py``); every other stage runs here.

    Re-ingesting the same input changes nothing; a bad file becomes one recorded error and the
    rest goes on.

    Examples:
        >>> from crosswire.store import open_store
        >>> report = ingest_paths(["examples/demo"], Config(progress=False), open_store(":memory:"))
        >>> report.ok
        True
    """
    config = config or Config()
    mode = config.analyse if analyse is None else analyse
    if isinstance(mode, bool):
        mode = "all" if mode else "none"
    own_store = store is None
    store = store or open_store(config.db)
    report = IngestReport()

    def waiting() -> None:
        (console or Console(stderr=True)).print(
            f"another ingest is writing to {config.db}: waiting for it to finish"
        )

    try:
        with store.writer(waiting):
            _ingest(
                paths, config, store, console, report, mode, prepare, analyse_with, link_with,
                candidates_with,
            )  # fmt: skip
    finally:
        if own_store:
            store.close()
    return report


def _ingest(
    paths: Iterable[str | Path],
    config: Config,
    store: Store,
    console: Console | None,
    report: IngestReport,
    mode: str,
    prepare: Preparer | None,
    analyse_with: Analyser | None,
    link_with: Linker | None = None,
    candidates_with: Retriever | None = None,
) -> None:
    """The body of :func:`ingest_paths`, run while holding the store's ingest lock."""
    files = list(expand_paths(paths))
    options = ReadOptions(csv_map=dict(config.csv_map))
    with _progress(config, console) as progress:
        task = progress.add_task("read", total=len(files)) if progress else None

        report.files = sum(1 for f in files if not isinstance(f, IngestError))

        def items() -> Iterator[Prepared]:
            if prepare is not None:
                yield from prepare(files, config)
                return
            preload = mode == "all" and analyse_with is None
            for prepared in prepare_files(files, options, config.workers):
                yield from prepared  # stored by store_items before this goes on
                if preload and report.added:  # something new will be analysed
                    preload_model(config)  # while the pool reads the next files
                    preload = False
                if progress is not None and task is not None:
                    progress.advance(task)

        outlets = store_items(store, items(), report)
        finish_stored(
            store, config, report, mode, outlets, progress, analyse_with, link_with,
            candidates_with,
        )  # fmt: skip

"""The ``crosswire`` command."""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sqlite3
import sys
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import asdict
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, TextIO

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from crosswire.config import ANALYSE_MODES as MODES
from crosswire.config import DEFAULT_DB, Config
from crosswire.dates import date_key, show_date
from crosswire.errors import EMBEDDER_MISSING, Ambiguous, NotFound
from crosswire.records import Analysis, Article, Comparison, IngestError, Story
from crosswire.report import FORMATS, print_report, render_report
from crosswire.store import Store, open_store
from crosswire.store.lookup import resolve_article, resolve_story

if TYPE_CHECKING:  # the pipeline imports spaCy: only commands that ingest pay for it
    from crosswire.pipeline import IngestReport

out = Console(highlight=False)
# Errors are one line each, however narrow the terminal: soft wrap leaves lines whole.
err = Console(stderr=True, highlight=False, soft_wrap=True)


def _config(args: argparse.Namespace) -> Config:
    config = Config()
    if args.db:
        config.db = args.db
    if getattr(args, "no_progress", False):
        config.progress = False
    if getattr(args, "analyse", None):
        config.analyse = args.analyse
    if getattr(args, "embedder", None):
        config.story_embedder = args.embedder
    if getattr(args, "map", None):
        from crosswire.ingest.tabular import parse_map

        config.csv_map = parse_map(args.map)
    return config


class CommandError(Exception):
    """A problem the user can fix, told in one line (no traceback)."""


def database_problem(db: str, must_exist: bool) -> str | None:
    """Why ``db`` cannot be used as a SQLite database, or None. A command that only reads
    never creates one: a typo in ``--db`` must not leave an empty database behind."""
    if db == ":memory:" or db.startswith(("postgresql://", "postgres://")):
        return None
    path = Path(db.removeprefix("sqlite:///"))
    if path.is_dir():
        return f"{db} is a folder, not a database file (give a file, e.g. {path / DEFAULT_DB})"
    if not path.exists():
        if must_exist:
            return f"no database at {db} (`crosswire ingest PATH --db {db}` creates one)"
        return None
    if not os.access(path, os.R_OK):
        return f"cannot read the database {db}: permission denied"
    return None


def _sqlite_file(db: str) -> Path | None:
    if db == ":memory:" or db.startswith(("postgresql://", "postgres://")):
        return None
    return Path(db.removeprefix("sqlite:///"))


def write_problem(db: str, exc: Exception) -> str:
    """One line on why writing ``db`` failed, and what to do about it."""
    why = " ".join(str(exc).split()) or type(exc).__name__
    path = _sqlite_file(db)
    if "full" in why.lower() or "no space" in why.lower():
        return (f"the disk is full: writing {db} failed ({why}); what was stored is kept: "
                "free some space and run the same ingest again to finish it")  # fmt: skip
    if path is not None:
        folder = path.resolve().parent
        where = None
        if folder.exists() and not os.access(folder, os.W_OK):
            where = f"its folder {folder}"
        elif path.exists() and not os.access(path, os.W_OK):
            where = "the file"
        if where is not None:
            reading = ("; reading still works (`crosswire stories`, `crosswire serve`)"
                       if path.exists() else "")  # fmt: skip
            return f"cannot write the database {db}: {where} is read-only ({why}){reading}"
    return f"cannot write the database {db}: {why}"


def database_errors() -> tuple[type[Exception], ...]:
    """The exceptions a backend raises when it cannot write (a full disk, a read-only file)."""
    errors: list[type[Exception]] = [sqlite3.OperationalError]
    try:
        import psycopg
    except ImportError:
        pass
    else:
        errors.append(psycopg.OperationalError)
    return tuple(errors)


def _open(config: Config, write: bool = False) -> Store:
    """The store ``--db`` names; a read command refuses a database that does not exist, and
    reads one that cannot be written read-only."""
    problem = database_problem(config.db, must_exist=not write)
    if problem:
        raise CommandError(problem)
    try:
        return open_store(config.db)
    except sqlite3.OperationalError as exc:  # a read-only file, folder or mount, a full disk
        path = _sqlite_file(config.db)
        if not write and path is not None and path.exists():
            from crosswire.store.readonly import ReadOnlySQLiteStore

            try:
                return ReadOnlySQLiteStore(str(path))
            except sqlite3.DatabaseError:
                pass
        raise CommandError(write_problem(config.db, exc)) from exc
    except sqlite3.DatabaseError as exc:  # not a SQLite file, ...
        raise CommandError(f"cannot open the database {config.db}: {exc}") from exc


def _ray_engine() -> ModuleType | None:
    """The Ray engine, or None (the reason printed) when its extra is not installed."""
    try:
        from crosswire.engine import ray_data
    except ImportError:
        err.print("[red]error:[/] --engine ray needs its extra: pip install 'crosswire[ray]'")
        return None
    return ray_data


def cmd_ingest(args: argparse.Namespace) -> int:
    from crosswire.embed import EmbedderUnavailable
    from crosswire.pipeline import ingest_paths

    config = _config(args)
    try:
        with _open(config, write=True) as store:
            if getattr(args, "engine", "local") == "ray":
                ray_data = _ray_engine()
                if ray_data is None:
                    return 2
                report = ray_data.ingest_with_ray(args.paths, config, store, args.ray_address)
            else:
                report = ingest_paths(args.paths, config, store, console=err)
            _update_alerts(store, config)
    except database_errors() as exc:  # a full disk: the next run finishes what was stored
        raise CommandError(write_problem(config.db, exc)) from exc
    except EmbedderUnavailable as exc:
        err.print(
            f"[red]error {EMBEDDER_MISSING.code}:[/] {escape(EMBEDDER_MISSING.format(detail=exc))}"
        )
        return 2
    _print_ingest(report, config)
    return 0 if report.ok else 1


def _update_alerts(store: Store, config: Config) -> None:
    """Follows learn what an ingest brought (nothing to do, and nothing imported, without)."""
    from crosswire.store.follows import follows

    if not follows(store):
        return
    from crosswire.follow import update_alerts

    written = update_alerts(store, config)
    if written:
        err.print(f"{len(written)} new alerts: `crosswire follow --list` shows the follows")


def _print_ingest(report: IngestReport, config: Config) -> None:
    with _open(config) as store:
        stories = len(store.stories())
        total = store.count_articles()
    out.print(
        f"[bold]{report.files}[/] files: [green]{len(report.added)} new[/], "
        f"{report.unchanged} already stored, {report.duplicates} syndicated copies, "
        f"[red]{len(report.errors)} errors[/]; {total} articles in {stories} stories "
        f"([dim]{escape(config.db)}[/])"
    )
    if report.errors:
        out.print(_errors_table(report.errors, "Not ingested"))


def _errors_table(errors: list[IngestError], title: str) -> Table:
    table = Table("input", "code", "error", title=title, title_justify="left")
    for e in errors:
        table.add_row(escape(e.source), e.code, escape(e.message))
    return table


def _download_folder(args: argparse.Namespace, config: Config) -> Path:
    if args.into:
        return Path(args.into)
    db = Path(config.db)
    return db.with_name(db.stem + "-fetched")


def cmd_fetch(args: argparse.Namespace) -> int:
    from crosswire.fetch import Fetcher
    from crosswire.fetch.watch import fetch_and_ingest

    config = _config(args)
    fetcher = Fetcher(delay=args.delay, timeout=args.timeout)
    with _open(config, write=True) as store:
        report = fetch_and_ingest(args.urls, _download_folder(args, config), config, store, fetcher)
        _update_alerts(store, config)
    _print_ingest(report, config)
    return 0 if report.ok else 1


def cmd_watch(args: argparse.Namespace) -> int:
    from crosswire.fetch import Fetcher
    from crosswire.fetch.watch import parse_interval, read_feed_list, watch

    config = _config(args)
    config.progress = False
    feeds = read_feed_list(Path(args.feeds))
    every = parse_interval(args.every)
    err.print(f"watching {len(feeds)} feeds every {args.every}; Ctrl-C stops")

    with _open(config, write=True) as store:

        def on_round(number: int, report: IngestReport) -> None:
            from crosswire.follow import update_alerts

            written = update_alerts(store, config)
            err.print(
                f"round {number}: {len(report.added)} new articles, {len(report.errors)} "
                f"errors, {len(written)} new alerts"
            )

        try:
            watch(
                feeds, _download_folder(args, config), config, store, every, args.rounds,
                on_round, Fetcher(delay=args.delay, timeout=args.timeout),
            )  # fmt: skip
        except KeyboardInterrupt:
            err.print("stopped")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from crosswire.web.app import create_app
    except ImportError:
        err.print("[red]error:[/] the web UI needs its extra: pip install 'crosswire[web]'")
        return 2
    config = _config(args)
    problem = database_problem(config.db, must_exist=True)
    if problem:  # said now, in one line; a database that cannot be written is served read-only
        raise CommandError(problem)
    try:
        app = create_app(config, read_only=True if args.read_only else None,
                         uploads=args.uploads)  # fmt: skip
    except sqlite3.DatabaseError as exc:
        raise CommandError(f"cannot open the database {config.db}: {exc}") from exc
    state = app.state.crosswire
    mode = "read-only" if not state.writable else "writes with the token"
    if state.read_only:
        mode = "read-only (the database cannot be written)"
    err.print(
        f"serving {escape(config.db)} on http://{args.host}:{args.port} ({mode}; Ctrl-C stops)"
    )
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def cmd_stories(args: argparse.Namespace) -> int:
    with _open(_config(args)) as store:
        if args.thread:
            story_id = resolve_story(store, args.thread)
            found = store.get_story(story_id)
            stories = [found, *store.thread_stories(found)] if found else []
            stories.sort(key=lambda s: (date_key(s.last_published)[1], s.id), reverse=True)
            linked: dict[str, int] = {}
        else:
            stories = store.stories()
            linked = store.thread_sizes()
    if args.json:
        print(json.dumps([s.as_dict() for s in stories], indent=2, ensure_ascii=False))
        return 0
    title = "Stories, newest first"
    if args.thread:
        title = f"The thread of {stories[0].id if len(stories) == 1 else args.thread}, newest first"
    table = Table(title=title)
    # The id is what `crosswire report ID` needs: never cut it.
    table.add_column("story", no_wrap=True, min_width=16)
    for name in ("title", "outlets", "articles", "published", "thread"):
        table.add_column(name)
    for s in stories:
        first, last = (s.first_published or "")[:10], (s.last_published or "")[:10]
        dates = first if last == first else f"{first} … {last}"
        table.add_row(
            s.id,
            escape(s.title or "(untitled)"),
            escape(", ".join(s.outlets)),
            str(len(s.articles)),
            dates,
            f"+{linked[s.id]} linked" if linked.get(s.id) else "",
        )
    out.print(table)
    if not args.thread and linked:
        out.print("[dim]`crosswire stories --thread ID` lists a story's thread.[/]")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from crosswire import api  # imported here: it loads spaCy and scikit-learn

    config = _config(args)
    with _open(config) as store:
        story_id = resolve_story(store, args.story) if args.story else api.largest_story(store)
        story, articles, comparison = api.cached_comparison(store, story_id, config)
        thread = store.thread_stories(story)
    return _write_report(args, story, articles, comparison, thread)


def cmd_compare(args: argparse.Namespace) -> int:
    from crosswire import api  # imported here: it loads spaCy and scikit-learn

    if not args.articles and not args.query:
        err.print("[red]error:[/] name articles to compare, or give --query TEXT")
        return 2
    config = _config(args)
    try:
        with _open(config) as store:
            ids = api.select_articles(
                store,
                args.articles,
                args.query,
                getattr(args, "from"),
                args.to,
                args.limit or api.MAX_CHOSEN,
            )
            story, articles, comparison = api.compare_articles(
                store, ids, config, title=args.title or _set_title(args)
            )
    except ValueError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}")
        return 2
    return _write_report(args, story, articles, comparison)


def _set_title(args: argparse.Namespace) -> str | None:
    if not args.query:
        return None
    dates = " – ".join(d for d in (getattr(args, "from"), args.to) if d)
    return f"Articles matching “{args.query}”" + (f", {dates}" if dates else "")


def _write_report(
    args: argparse.Namespace,
    story: Story,
    articles: list[Article],
    comparison: Comparison,
    thread: list[Story] | None = None,
) -> int:
    """Print or write the report of a story or a chosen set in ``args.format``."""
    if args.format == "text" and not args.output:
        print_report(story, articles, comparison, out, thread or ())
        return 0
    text = render_report(story, articles, comparison, args.format, thread=thread or ())
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        err.print(f"wrote {escape(args.output)}")
    else:
        print(text)
    return 0


def cmd_claims(args: argparse.Namespace) -> int:
    from crosswire import api
    from crosswire.compare import compare_story
    from crosswire.compare.claims import claims_table

    config = _config(args)
    with _open(config) as store:
        story_id = resolve_story(store, args.story) if args.story else api.largest_story(store)
        story, articles, analyses = api.load_story(store, story_id, config)
    comparison = compare_story(story.id, articles, analyses, config)
    rows = claims_table(comparison, articles, analyses, args.status)
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    table = Table(
        "status", "kind", "claim", "outlets", title=f"Claims of {escape(story.title or story.id)}"
    )
    for row in rows:
        style = {"conflicting": "red", "corroborated": "green"}.get(row["status"], "")
        table.add_row(
            f"[{style}]{row['status']}[/]" if style else row["status"],
            row["kind"], escape(row["claim"]), escape(", ".join(row["outlets"])),
        )  # fmt: skip
    out.print(table)
    return 0


def cmd_quotes(args: argparse.Namespace) -> int:
    from crosswire import api  # imported here: it loads spaCy and scikit-learn

    config = _config(args)
    with _open(config) as store:
        if args.speaker:
            rows = api.quotes_of_speaker(store, args.speaker, config)
        else:
            story_id = resolve_story(store, args.story) if args.story else api.largest_story(store)
            rows = api.story_quotes(store, story_id, config)
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    if args.speaker:
        table = Table("published", "outlet", "kind", "quote", title=f"Quotes of {args.speaker}")
        for q in rows:
            table.add_row(
                (q["published"] or "")[:10], escape(q["outlet"] or q["article"]), q["kind"],
                escape(q["text"]),
            )  # fmt: skip
        out.print(table)
        return 0
    for group in rows:
        outlets = sorted({v["outlet"] or v["article"] for v in group["variants"]})
        out.rule(f"{escape(group['speaker'] or '(speaker not stated)')} · {group['status']}")
        for variant in group["variants"]:
            label = escape(variant["outlet"] or variant["article"])
            out.print(f"[bold]{label}[/]: {escape(variant['text'])}")
        out.print(f"[dim]{len(outlets)} outlets[/]")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from crosswire import api  # imported here: it loads spaCy and scikit-learn
    from crosswire.analyze.on_demand import analysis_of

    config = _config(args)
    with _open(config) as store:
        article = store.get_article(resolve_article(store, args.article))
        if article is None:
            raise NotFound(f"no article {args.article!r}")
        analysis = analysis_of(store, article.id, config)
    if args.at is not None:
        return _show_at(article, analysis, args.at)
    record = api.article_record(article, analysis)
    if args.json:
        print(json.dumps(record, indent=2, ensure_ascii=False))
        return 0
    meta = Table.grid(padding=(0, 2))
    for key in ("id", "story", "outlet", "title", "published", "source", "url", "duplicate_of"):
        meta.add_row(f"[bold]{key}[/]", escape(str(record[key] or "—")))
    meta.add_row("[bold]authors[/]", escape(", ".join(article.authors) or "—"))
    out.print(meta)
    out.rule("clean text")
    out.print(escape(article.text))
    if article.removed:
        out.rule(f"removed as boilerplate ({len(article.removed)} lines)")
        for line in article.removed:
            out.print(f"[dim]{escape(line)}[/]")
    if analysis is not None:
        quotes = Table("speaker", "kind", "cue", "quote", title="Quotes", title_justify="left")
        for q in analysis.quotes:
            quotes.add_row(
                escape(q.speaker or "(unstated)"), q.kind, escape(q.cue or ""), escape(q.text)
            )
        out.print(quotes)
        figures = Table(
            "figure",
            "value",
            "unit",
            "counts",
            "when, where",
            "source",
            title="Figures",
            title_justify="left",
        )
        for f in analysis.figures:
            figures.add_row(
                escape(f.text),
                f"{f.qualifier or ''} {f.value:g}",
                f.unit or "",
                escape(f.counts or ""),
                escape(", ".join(x for x in (f.period, f.place) if x)),
                escape(f.source or ""),
            )
        out.print(figures)
        actors = ", ".join(f"{name} ({len(forms)})" for name, forms in analysis.actors.items())
        out.print(f"[bold]actors[/] {escape(actors or '—')}")
    return 0


def _show_at(article: Article, analysis: Analysis | None, at: str) -> int:
    """The sentence a reference ``§START–END`` points into, the span marked, with the
    sentences around it: where a terminal report's citation leads."""
    from crosswire.report.sentences import parse_span, sentence_around

    found = parse_span(at, len(article.text))
    if found is None:
        raise CommandError(
            f"--at {at!r} is no span of this article (its text has {len(article.text)} "
            "characters): give START or START-END, as in a report's §START–END"
        )
    start, end = found
    if end is None:  # the extracted item that starts there, else the word
        items = [*(analysis.quotes if analysis else []), *(analysis.figures if analysis else [])]
        starting = [i.end for i in items if i.start == start]
        word = re.match(r"\S*", article.text[start:])
        end = max(starting) if starting else start + max(1, len(word.group()) if word else 1)
    sentences = analysis.sentences if analysis else None
    left, right = sentence_around(article.text, (start, end), sentences)
    before = sentence_around(article.text, (left - 1, left), sentences) if left > 1 else None
    after_end = len(article.text.rstrip())
    after = sentence_around(article.text, (right + 1, right + 2), sentences) if (
        right + 2 <= after_end) else None  # fmt: skip
    text = article.text
    where = [article.title or "", show_date(article.published), f"{article.id} §{start}–{end}"]
    out.print(
        f"[bold]{escape(article.outlet or article.source)}[/] · "
        + " · ".join(escape(part) for part in where if part)
    )
    plain = out.color_system is None
    line = Text(text[left:start])
    line.append(f"«{text[start:end]}»" if plain else text[start:end], style="bold black on yellow")
    line.append(text[end:right])
    if before:
        out.print(Text(text[before[0] : before[1]].strip(), style="dim"))
    out.print(line)
    if after and after[0] >= right:
        out.print(Text(text[after[0] : after[1]].strip(), style="dim"))
    return 0


def cmd_follow(args: argparse.Namespace) -> int:
    from crosswire.store.follows import alerts, follows, remove_follow

    config = _config(args)
    with _open(config) as store:
        if args.remove:
            if not remove_follow(store, args.remove):
                raise NotFound(f"no follow {args.remove!r}; `crosswire follow --list` lists them")
            out.print(f"no longer following {escape(args.remove)}")
            return 0
        if args.story or args.person:
            from crosswire.follow import follow

            kind, target = ("person", args.person) if args.person else ("story", args.story)
            found = follow(store, kind, target, config)
            out.print(
                f"following {found.kind} {escape(found.label or found.target)} as {found.id}: "
                f"every ingest and `crosswire watch` round write its alerts "
                f"(served at /feeds/{found.id}.atom)"
            )
            return 0
        found = follows(store)
        latest = alerts(store, limit=20)
    if args.json:
        data = {"follows": [asdict(f) for f in found], "alerts": [asdict(a) for a in latest]}
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    table = Table("id", "kind", "what", "since", title="Following", title_justify="left")
    for f in found:
        table.add_row(f.id, f.kind, escape(f.label or f.target), show_date(f.created))
    out.print(table)
    for a in latest:
        out.print(f"[dim]{escape(show_date(a.created))}[/] {escape(a.title)}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from crosswire import api  # imported here: it loads spaCy and scikit-learn

    config = _config(args)
    with _open(config) as store, ExitStack() as stack:
        sink: TextIO = (
            stack.enter_context(open(args.output, "w", encoding="utf-8"))
            if args.output
            else sys.stdout
        )
        for record in api.export_records(store, config):
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


def cmd_analyse(args: argparse.Namespace) -> int:
    from crosswire.analyze.on_demand import analyse_ids, pending_ids

    config = _config(args)
    with _open(config) as store:
        if args.story:
            story_id = resolve_story(store, args.story)
            ids = pending_ids(store, store.story_article_ids(story_id))
        else:
            ids = store.unanalysed_ids()
        errors: list[IngestError] = []
        run = None
        if getattr(args, "engine", "local") == "ray":
            ray_data = _ray_engine()
            if ray_data is None:
                return 2
            ray_data.start(args.ray_address, config.workers)
            run = ray_data.analyse_on_ray
        done = analyse_ids(store, ids, config, errors=errors, run=run)
        left = len(store.unanalysed_ids())
    out.print(f"analysed {done} articles, {len(errors)} failed; {left} not analysed yet")
    if errors:
        out.print(_errors_table(errors, "Not analysed"))
    return 0 if not errors else 1


def cmd_errors(args: argparse.Namespace) -> int:
    with _open(_config(args)) as store:
        errors = store.errors()
    if args.json:
        print(json.dumps([e.as_dict() for e in errors], indent=2, ensure_ascii=False))
        return 0
    out.print(_errors_table(errors, "Inputs not ingested"))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from crosswire.store.check import check_store

    config = _config(args)
    with _open(config) as store:
        found = check_store(store)
        repaired: list[str] = []
        if args.repair and found:
            waiting = f"another ingest is writing to {config.db}: waiting for it to finish"
            try:  # the work an ingest would do: under its lock
                with store.writer(lambda: err.print(escape(waiting))):
                    repaired = _repair(store, config, {f.kind for f in found})
            except database_errors() as exc:  # a read-only file, a full disk
                raise CommandError(write_problem(config.db, exc)) from exc
            found = check_store(store)
    if args.json:
        print(json.dumps({"repaired": repaired, "findings": [f.as_dict() for f in found]},
                         indent=2, ensure_ascii=False))  # fmt: skip
        return 0 if not found else 1
    for line in repaired:
        out.print(f"[green]repaired:[/] {escape(line)}")
    if not found:
        out.print(f"[green]ok:[/] no damage found in {escape(config.db)}")
        return 0
    table = Table("kind", "count", "what", "ids", title="Damage found", title_justify="left")
    for f in found:
        table.add_row(f.kind, str(f.count), escape(f.what), escape(", ".join(f.ids)))
    out.print(table)
    if not args.repair:
        out.print("`crosswire check --repair` finishes the work and rebuilds the index")
    elif any(f.kind == "integrity" for f in found):
        out.print("the file is damaged: restore it from a copy, or `sqlite3 DB .recover`")
    return 1


def _repair(store: Store, config: Config, kinds: set[str]) -> list[str]:
    """Repair what ``kinds`` of damage allow; what was done, one line each."""
    from crosswire.pipeline import IngestReport, finish_stored
    from crosswire.store.check import clear_dangling

    done = []
    cleared = clear_dangling(store)
    if cleared:
        done.append(f"{cleared} ids pointing nowhere (or set before a fingerprint) forgotten, "
                    "to be set anew")  # fmt: skip
    if kinds & {"fulltext-missing", "fulltext-extra"}:
        store.rebuild_fulltext()
        done.append("full-text index rebuilt from the articles")
    report = IngestReport()
    grouped = finish_stored(store, config, report, config.analyse)
    if grouped or report.duplicates:
        done.append(f"{len(grouped)} articles fingerprinted and grouped into stories "
                    f"({report.duplicates} syndicated copies)")  # fmt: skip
    return done


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crosswire", description="See every side of a news story across outlets."
    )
    db_help = f"database: a SQLite path (default ${{CROSSWIRE_DB}} or {DEFAULT_DB})"
    # --db is taken before the command or after it; given after, it wins (SUPPRESS keeps a
    # command's parser from writing its default over one given before).
    parser.add_argument("--db", help=db_help)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help=db_help)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", parents=[common], help="read files, folders or globs")
    p.add_argument("paths", nargs="+")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--map", help="CSV columns, e.g. title=headline,text=body,published=date")
    p.add_argument(
        "--embedder",
        choices=["minilm", "auto"],
        help="add sentence embeddings to story grouping (auto: when installed)",
    )
    p.add_argument(
        "--analyse", choices=MODES,
        help="analyse now the articles of stories two outlets cover (needed, the default), "
        "all of them, or none; the others are analysed when first read",
    )  # fmt: skip
    p.add_argument(
        "--engine", choices=["local", "ray"], default="local",
        help="ray: read, clean and analyse on Ray Data (pip install 'crosswire[ray]')",
    )  # fmt: skip
    p.add_argument("--ray-address", help="a Ray cluster's address (default: Ray on this machine)")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("analyse", parents=[common], help="analyse articles now, not on first read")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--all", action="store_true", help="every article not analysed (default)")
    which.add_argument("--story", help="the articles of one story (id or prefix)")
    p.add_argument(
        "--engine", choices=["local", "ray"], default="local",
        help="ray: analyse on Ray's analysis actors (pip install 'crosswire[ray]')",
    )  # fmt: skip
    p.add_argument("--ray-address", help="a Ray cluster's address (default: Ray on this machine)")
    p.set_defaults(func=cmd_analyse)

    fetching = argparse.ArgumentParser(add_help=False)
    fetching.add_argument("--into", help="download folder (default: next to the database)")
    fetching.add_argument(
        "--delay", type=float, default=1.0, help="seconds between requests to a host"
    )
    fetching.add_argument("--timeout", type=float, default=20.0, help="seconds per request")

    p = sub.add_parser(
        "fetch", parents=[common, fetching], help="download URLs or feeds, then ingest"
    )
    p.add_argument("urls", nargs="+")
    p.set_defaults(func=cmd_fetch)

    p = sub.add_parser(
        "watch", parents=[common, fetching], help="poll feeds and ingest what is new"
    )
    p.add_argument("feeds", help="a file with one feed URL per line")
    p.add_argument("--every", default="15m", help="polling interval, e.g. 30s, 15m, 1h")
    p.add_argument("--rounds", type=int, help="stop after this many rounds")
    p.set_defaults(func=cmd_watch)

    p = sub.add_parser("stories", parents=[common], help="the stories found, newest first")
    p.add_argument("--json", action="store_true")
    p.add_argument("--thread", metavar="ID", help="the stories of this story's thread (topic)")
    p.set_defaults(func=cmd_stories)

    p = sub.add_parser("report", parents=[common], help="compare the sources of one story")
    p.add_argument("story", nargs="?", help="story id or prefix (default: the largest story)")
    p.add_argument("--format", choices=FORMATS, default="text")
    p.add_argument("--output", "-o", help="write to a file instead of the terminal")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("compare", parents=[common], help="compare any chosen articles as one story")
    p.add_argument(
        "articles", nargs="*", metavar="ARTICLE", help="article ids, id prefixes or file names"
    )
    p.add_argument("--query", help="full-text search: articles holding every word")
    p.add_argument("--from", metavar="DATE", help="published on or after (YYYY-MM-DD)")
    p.add_argument("--to", metavar="DATE", help="published on or before (YYYY-MM-DD)")
    p.add_argument("--limit", type=int, help="at most this many query matches (default 500)")
    p.add_argument("--title", help="the report's title (default: the query)")
    p.add_argument("--format", choices=FORMATS, default="text")
    p.add_argument("--output", "-o", help="write to a file instead of the terminal")
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser("claims", parents=[common], help="figures and claims of a story by status")
    p.add_argument("--story", help="story id (default: the largest story)")
    p.add_argument("--status", choices=["corroborated", "single-source", "conflicting"])
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_claims)

    p = sub.add_parser("quotes", parents=[common], help="quotes of a story or of a person")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--story", help="story id (default: the largest story)")
    which.add_argument("--speaker", help="a person's name, across stories")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_quotes)

    p = sub.add_parser("show", parents=[common], help="one article and what was extracted")
    p.add_argument("article", help="article id, unique id prefix, or source path")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--at", metavar="START[-END]",
        help="print the sentence a report's citation §START–END points into, in context",
    )  # fmt: skip
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("export", parents=[common], help="every article with its extractions")
    p.add_argument("--format", choices=["jsonl"], default="jsonl")
    p.add_argument("--output", "-o")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "serve", parents=[common], help="web UI and JSON API (writes need $CROSSWIRE_TOKEN)"
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (this machine only)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--read-only", action="store_true", help="never write, whatever the token")
    p.add_argument("--uploads", help="where posted articles are kept (default: beside the db)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("follow", parents=[common], help="follow a story or a person; list follows")
    which = p.add_mutually_exclusive_group()
    which.add_argument("story", nargs="?", help="story id or prefix")
    which.add_argument("--person", help="a person's name")
    which.add_argument("--remove", metavar="FOLLOW_ID", help="stop following")
    which.add_argument("--list", action="store_true", help="the follows and latest alerts")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_follow)

    p = sub.add_parser(
        "check", parents=[common], help="look for damage: unfinished work, dangling ids, index"
    )
    p.add_argument("--repair", action="store_true",
                   help="finish the unfinished work and rebuild the full-text index")  # fmt: skip
    p.add_argument("--analyse", choices=MODES, help="what --repair analyses, as for ingest")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("errors", parents=[common], help="inputs that could not be ingested")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_errors)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # Library chatter about a bad page would drown the per-item errors we report ourselves.
    for noisy in ("trafilatura", "htmldate", "courlan", "charset_normalizer"):
        logging.getLogger(noisy).setLevel(logging.CRITICAL)
    try:
        return int(args.func(args))
    except Ambiguous as exc:
        err.print(f"[red]error:[/] {exc.what} id {escape(repr(exc.ref))} is ambiguous; it starts:")
        for match in exc.matches:
            err.print(f"  {escape(match)}")
        return 2
    except (NotFound, CommandError) as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}")
        return 2
    except BrokenPipeError:  # `crosswire export | head` is normal use
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())

"""The ``crosswire`` command."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from crosswire.config import DEFAULT_DB, Config
from crosswire.errors import EMBEDDER_MISSING, NotFound
from crosswire.records import Article, Comparison, IngestError, Story
from crosswire.report import FORMATS, print_report, render_report
from crosswire.store import Store, open_store

if TYPE_CHECKING:  # the pipeline imports spaCy: only commands that ingest pay for it
    from crosswire.pipeline import IngestReport

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


def _config(args: argparse.Namespace) -> Config:
    config = Config()
    if args.db:
        config.db = args.db
    if getattr(args, "no_progress", False):
        config.progress = False
    if getattr(args, "embedder", None):
        config.story_embedder = args.embedder
    if getattr(args, "map", None):
        from crosswire.ingest.tabular import parse_map

        config.csv_map = parse_map(args.map)
    return config


def _open(config: Config) -> Store:
    return open_store(config.db)


def cmd_ingest(args: argparse.Namespace) -> int:
    from crosswire.embed import EmbedderUnavailable
    from crosswire.pipeline import ingest_paths

    config = _config(args)
    try:
        report = ingest_paths(args.paths, config, console=err)
    except EmbedderUnavailable as exc:
        err.print(
            f"[red]error {EMBEDDER_MISSING.code}:[/] {escape(EMBEDDER_MISSING.format(detail=exc))}"
        )
        return 2
    _print_ingest(report, config)
    return 0 if report.ok else 1


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
    with _open(config) as store:
        report = fetch_and_ingest(args.urls, _download_folder(args, config), config, store, fetcher)
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

    def on_round(number: int, report: IngestReport) -> None:
        err.print(f"round {number}: {len(report.added)} new articles, {len(report.errors)} errors")

    with _open(config) as store:
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
    err.print(f"serving {escape(config.db)} on http://{args.host}:{args.port} (Ctrl-C stops)")
    uvicorn.run(create_app(config), host=args.host, port=args.port, log_level="warning")
    return 0


def cmd_stories(args: argparse.Namespace) -> int:
    with _open(_config(args)) as store:
        stories = store.stories()
    if args.json:
        print(json.dumps([s.as_dict() for s in stories], indent=2, ensure_ascii=False))
        return 0
    table = Table(title="Stories, newest first")
    # The id is what `crosswire report ID` needs: never cut it.
    table.add_column("story", no_wrap=True, min_width=16)
    for name in ("title", "outlets", "articles", "published"):
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
        )
    out.print(table)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from crosswire import api  # imported here: it loads spaCy and scikit-learn

    config = _config(args)
    with _open(config) as store:
        story_id = args.story or api.largest_story(store)
        story, articles, comparison = api.story_comparison(store, story_id, config)
    return _write_report(args, story, articles, comparison)


def cmd_compare(args: argparse.Namespace) -> int:
    from crosswire import api  # imported here: it loads spaCy and scikit-learn

    if not args.articles and not args.query:
        err.print("[red]error:[/] name articles to compare, or give --query TEXT")
        return 2
    config = _config(args)
    try:
        with _open(config) as store:
            ids = api.select_articles(
                store, args.articles, args.query, getattr(args, "from"), args.to,
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
    args: argparse.Namespace, story: Story, articles: list[Article], comparison: Comparison
) -> int:
    """Print or write the report of a story or a chosen set in ``args.format``."""
    if args.format == "text" and not args.output:
        print_report(story, articles, comparison, out)
        return 0
    text = render_report(story, articles, comparison, args.format)
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
        story, articles, analyses = api.load_story(store, args.story or api.largest_story(store))
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
            rows = api.quotes_of_speaker(store, args.speaker)
        else:
            rows = api.story_quotes(store, args.story or api.largest_story(store), config)
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

    with _open(_config(args)) as store:
        article_id = store.resolve_article_id(args.article)
        article = store.get_article(article_id) if article_id else None
        if article is None:
            raise NotFound(f"no article {args.article!r}")
        analysis = store.get_analysis(article.id)
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
        figures = Table("figure", "value", "unit", "counts", title="Figures", title_justify="left")
        for f in analysis.figures:
            figures.add_row(
                escape(f.text),
                f"{f.qualifier or ''} {f.value:g}",
                f.unit or "",
                escape(f.counts or ""),
            )
        out.print(figures)
        actors = ", ".join(f"{name} ({len(forms)})" for name, forms in analysis.actors.items())
        out.print(f"[bold]actors[/] {escape(actors or '—')}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from crosswire import api  # imported here: it loads spaCy and scikit-learn

    with _open(_config(args)) as store, ExitStack() as stack:
        sink: TextIO = (
            stack.enter_context(open(args.output, "w", encoding="utf-8"))
            if args.output
            else sys.stdout
        )
        for record in api.export_records(store):
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


def cmd_errors(args: argparse.Namespace) -> int:
    with _open(_config(args)) as store:
        errors = store.errors()
    if args.json:
        print(json.dumps([e.as_dict() for e in errors], indent=2, ensure_ascii=False))
        return 0
    out.print(_errors_table(errors, "Inputs not ingested"))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crosswire", description="See every side of a news story across outlets."
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", help=f"database: a SQLite path (default ${{CROSSWIRE_DB}} or {DEFAULT_DB})"
    )
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
    p.set_defaults(func=cmd_ingest)

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
    p.set_defaults(func=cmd_stories)

    p = sub.add_parser("report", parents=[common], help="compare the sources of one story")
    p.add_argument("story", nargs="?", help="story id or prefix (default: the largest story)")
    p.add_argument("--format", choices=FORMATS, default="text")
    p.add_argument("--output", "-o", help="write to a file instead of the terminal")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser(
        "compare", parents=[common], help="compare any chosen articles as one story"
    )
    p.add_argument("articles", nargs="*", metavar="ARTICLE",
                   help="article ids, id prefixes or file names")
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
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("export", parents=[common], help="every article with its extractions")
    p.add_argument("--format", choices=["jsonl"], default="jsonl")
    p.add_argument("--output", "-o")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("serve", parents=[common], help="web UI and JSON API")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(func=cmd_serve)

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
    except NotFound as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}")
        return 2
    except BrokenPipeError:  # `crosswire export | head` is normal use
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())

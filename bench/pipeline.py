"""Every stage's cost beside its library alone, and how the lexical path grows.

    python bench/pipeline.py [--workers W] [--growth 10000,100000] [--million] [--plot PNG]
    python bench/pipeline.py --whole [--workers W] [--split] [--dump FILE]

Stages, on the Zyte dev pages (../shared/data/extraction/zyte-dev, 120 news pages as HTML),
each timed alone in the same run on the same articles, with resident memory after it:

- read (HTML -> text, crosswire's readers) beside ``trafilatura.extract`` alone;
- clean (boilerplate, stubs) over the extracted items;
- fingerprint (exact hash, MinHash, LSH bands) beside the same 5-shingles hashed by
  datasketch's ``MinHash.update_batch`` alone;
- store (articles, outlet lines), dedup and stories (candidate retrieval and the decision);
- analysis (``W`` processes) beside spaCy's ``nlp.pipe(n_process=W)`` alone on the texts;
- compare (every story of two or more articles).

Then the whole ingest with analysis (``ingest_paths(analyse="all")``, ``W`` workers) against
``nlp.pipe`` alone: the share of the parse's speed the whole pipeline keeps, and the seconds
the whole ingest spent in each stage (``--whole`` runs only this; ``--split`` also splits the
analysis pool's wall time: start-up to the first batch, each worker's parse and rules, its wait
after its last batch, and the parent's storing of the analyses).

Growth: the lexical path (``analyse="none"``: read, clean, store, dedup, stories) on generated
news-please streams (bench/scale.py's generator) of each size in ``--growth``, each in a fresh
process and store; articles/s and peak memory per size, the CPU milliseconds per article of
each file as the store fills (flat when the time is linear), and a PNG plot (``--plot``).
``--budget S`` stops each stream after S seconds (the figures say how far it got).
``--million`` adds 1,000,000 articles (hours on two cores). Each run prints its progress
(articles, seconds, resident and peak memory) to stderr every twentieth of its stream;
``--progress-plot LOG`` prints and plots those lines (saved to ``LOG``) as a table and a PNG.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SHARED  # noqa: E402

PAGES = SHARED / "data" / "extraction" / "zyte-dev" / "html"
ROOT = Path(__file__).resolve().parents[1]
# Articles a year in every growth stream: the density the store grows at.
DENSITY_BASE = 10000


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """User and system CPU seconds of this process and of its children that have ended (the
    worker pools are joined before each stage returns)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def line(stage: str, n: int, seconds: float, baseline: str = "", base_s: float = 0.0) -> None:
    rate = n / seconds if seconds else float("inf")
    text = f"{stage:<12} {rate:>9.1f} articles/s  RSS {rss_mib():>6.0f} MiB"
    text += f"  peak {peak_mib():>6.0f}"
    if baseline:
        base = n / base_s if base_s else float("inf")
        text += f"   | {baseline}: {base:.1f} articles/s, ratio {rate / base:.2f}"
    print(text)


def stages(workers: int) -> None:
    import trafilatura
    from datasketch import MinHash

    from crosswire.analyze.nlp import load_nlp
    from crosswire.analyze.on_demand import analyse_ids
    from crosswire.api import load_story
    from crosswire.compare import compare_story
    from crosswire.config import Config
    from crosswire.dedup import exact_hash, link_duplicates
    from crosswire.dedup.fingerprint import SCHEME, fingerprint, shingles
    from crosswire.ingest.prepare import clean_item
    from crosswire.ingest.readers import ReadOptions, read_path
    from crosswire.pipeline import store_items
    from crosswire.records import IngestError
    from crosswire.store import open_store
    from crosswire.stories import assign_stories

    files = sorted(PAGES.glob("*.html.gz"))
    htmls = [gzip.decompress(f.read_bytes()).decode("utf-8", "replace") for f in files]
    config = Config(progress=False, workers=workers)
    nlp = load_nlp(config.spacy_model)
    print(f"{len(files)} pages, {workers} workers for the analysis (its baseline alike)\n")

    t0 = time.perf_counter()
    items = [i for f in files for i in read_path(f, ReadOptions())]
    read_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for html in htmls:
        trafilatura.extract(html)
    base_s = time.perf_counter() - t0
    items = [i for i in items if not isinstance(i, IngestError)]
    line("read", len(files), read_s, "trafilatura.extract alone", base_s)

    t0 = time.perf_counter()
    articles = [clean_item(i) for i in items]
    line("clean", len(articles), time.perf_counter() - t0)

    fingerprint("warm up the band layout")  # computed once per process (lru_cache)
    t0 = time.perf_counter()
    for a in articles:
        fingerprint(a.text)
    ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    for a in articles:  # the same shingles hashed by datasketch alone
        MinHash(num_perm=128, scheme=SCHEME).update_batch(sorted(shingles(a.text, 5)))
    line("fingerprint", len(articles), ours, "shingles + datasketch MinHash alone",
         time.perf_counter() - t0)

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "stages.db"))
        from crosswire.pipeline import IngestReport

        report = IngestReport()
        t0 = time.perf_counter()
        store_items(store, ((a, exact_hash(a.text)) for a in articles), report)
        line("store", len(report.added), time.perf_counter() - t0)
        t0 = time.perf_counter()
        link_duplicates(store, report.added, config)
        assign_stories(store, report.added, config)
        store.conn.commit()
        line("stories", len(report.added), time.perf_counter() - t0)

        texts = [a.text for a in store.iter_articles(report.added)]
        t0 = time.perf_counter()
        analyse_ids(store, report.added, config)
        ours = time.perf_counter() - t0
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=config.batch_size, n_process=workers):
            pass
        parse = time.perf_counter() - t0
        line("analysis", len(texts), ours, f"spaCy nlp.pipe alone (n_process={workers})", parse)

        t0 = time.perf_counter()
        compared = 0
        for story in store.stories():
            if len(story.articles) >= 2:
                s, arts, analyses = load_story(store, story.id, config)
                compare_story(s.id, arts, analyses, config)
                compared += len(arts)
        if compared:
            line("compare", compared, time.perf_counter() - t0)
        store.close()

    whole_against_parse(workers, parse)


def whole_against_parse(
    workers: int, parse: float | None = None, split: bool = False, dump: Path | None = None
) -> None:
    """The whole ingest with analysis against ``nlp.pipe`` alone on its texts (``parse``
    seconds, measured here when not given), and where the whole ingest's time went; ``dump``
    receives the stored analyses, one JSON line per article by id (to compare two trees)."""
    from crosswire.analyze.nlp import load_nlp
    from crosswire.config import Config
    from crosswire.pipeline import ingest_paths
    from crosswire.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "whole.db")
        whole = Config(db=db, progress=False, workers=workers, analyse="all")
        stage_cpu: dict[str, float] = {}
        with timed_stages(stage_cpu) as spent, pool_split(Path(tmp), split) as pool:
            cpu0 = cpu_seconds()
            t0 = time.perf_counter()
            done = ingest_paths([PAGES], whole)
            seconds = time.perf_counter() - t0
            cpu = cpu_seconds() - cpu0
        parse_cpu = None
        if dump is not None:
            store = open_store(db)
            rows = store.query("SELECT article, data FROM analyses ORDER BY article")
            dump.write_text("".join(f"{data}\n" for _, data in rows), encoding="utf-8")
            store.close()
        if parse is None:
            store = open_store(db)
            texts = [a.text for a in store.iter_articles(done.added)]
            store.close()
            nlp = load_nlp(whole.spacy_model)
            cpu0 = cpu_seconds()
            t0 = time.perf_counter()
            for _ in nlp.pipe(texts, batch_size=whole.batch_size, n_process=workers):
                pass
            parse = time.perf_counter() - t0
            parse_cpu = cpu_seconds() - cpu0
    print()
    line("whole ingest", len(done.added), seconds, f"nlp.pipe alone (n_process={workers})", parse)
    print("  where its time went: " + ", ".join(
        f"{stage} {s:.1f}s ({s / seconds:.0%})" for stage, s in spent.items()
    ) + f", the rest {seconds - sum(spent.values()):.1f}s")  # fmt: skip
    if pool:
        print("  analysis pool: " + pool["summary"])
    if parse_cpu is not None:  # what the shared cores' load changes least: CPU seconds spent
        print(f"  CPU seconds (this process and its workers): whole ingest {cpu:.1f}, "
              f"nlp.pipe alone {parse_cpu:.1f}, ratio {parse_cpu / cpu:.2f}; by stage: "
              + ", ".join(f"{stage} {s:.1f}" for stage, s in stage_cpu.items())
              + f", the rest {cpu - sum(stage_cpu.values()):.1f}")


# The whole ingest's stages, as ``pipeline`` calls them: reading, cleaning and storing are one
# stream (``store_items`` consumes the readers' output), then each later stage on its own.
STAGES = {
    "read+clean+store": "store_items",
    "boilerplate": "relearn_boilerplate",
    "dedup": "link_duplicates",
    "stories": "assign_stories",
    "analysis": "analyse_pending",
}


@contextmanager
def timed_stages(cpu: dict[str, float] | None = None) -> Iterator[dict[str, float]]:
    """Seconds spent in each of the pipeline's stage functions while the block runs (and in
    ``cpu``, the CPU seconds of this process and of the worker pools each stage joined)."""
    from crosswire import pipeline

    spent = dict.fromkeys(STAGES, 0.0)
    if cpu is not None:
        cpu.update(dict.fromkeys(STAGES, 0.0))
    originals = {name: getattr(pipeline, name) for name in STAGES.values()}

    def timer(stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            t0, cpu0 = time.perf_counter(), cpu_seconds()
            try:
                return function(*args, **kwargs)
            finally:
                spent[stage] += time.perf_counter() - t0
                if cpu is not None:
                    cpu[stage] += cpu_seconds() - cpu0

        return timed

    for stage, name in STAGES.items():
        setattr(pipeline, name, timer(stage, originals[name]))
    try:
        yield spent
    finally:
        for name, function in originals.items():
            setattr(pipeline, name, function)


# The analysis pool's split (``--split``): what the patched functions below record. They live
# at module level so that the pool can pickle them by name; forked workers inherit them.
_SPLIT: dict[str, Any] = {"log": None, "rules": 0.0, "saving": 0.0, "originals": {}}


def _split_batch(articles: list[Any], config: Any) -> Any:
    start, before = time.time(), _SPLIT["rules"]
    result = _SPLIT["originals"]["batch"](articles, config)
    row = {"pid": os.getpid(), "start": start, "end": time.time(),
           "rules": _SPLIT["rules"] - before, "n": len(articles)}  # fmt: skip
    with _SPLIT["log"].open("a") as fh:
        fh.write(json.dumps(row) + "\n")
    return result


def _split_doc(*args: Any) -> Any:
    t0 = time.perf_counter()
    try:
        return _SPLIT["originals"]["doc"](*args)
    finally:
        _SPLIT["rules"] += time.perf_counter() - t0


def _split_save(*args: Any) -> Any:
    t0 = time.perf_counter()
    try:
        return _SPLIT["originals"]["save"](*args)
    finally:
        _SPLIT["saving"] += time.perf_counter() - t0


def _split_local(*args: Any) -> Any:
    _SPLIT["start"] = time.time()
    yield from _SPLIT["originals"]["local"](*args)
    _SPLIT["end"] = time.time()


@contextmanager
def pool_split(folder: Path, on: bool) -> Iterator[dict[str, str]]:
    """When ``on``, where the analysis pool's wall time goes: each batch's start and end and
    the seconds of its rules, written by the (forked) workers to a file in ``folder``, and the
    parent's seconds storing analyses; the summary is put in the dict yielded, after the block."""
    from crosswire.analyze import on_demand, workers
    from crosswire.analyze import pipeline as analysis

    out: dict[str, str] = {}
    if not on:
        yield out
        return
    targets = {"batch": (workers, "analyse_batch", _split_batch),
               "doc": (analysis, "analyse_doc", _split_doc),
               "save": (on_demand, "_save", _split_save),
               "local": (on_demand, "analyse_locally", _split_local)}  # fmt: skip
    _SPLIT.update(log=folder / "batches.jsonl", rules=0.0, saving=0.0)
    _SPLIT["originals"] = {k: getattr(m, name) for k, (m, name, _) in targets.items()}
    for module, name, patched in targets.values():
        setattr(module, name, patched)
    try:
        yield out
    finally:
        for key, (module, name, _) in targets.items():
            setattr(module, name, _SPLIT["originals"][key])
    log = _SPLIT["log"]
    rows = [json.loads(x) for x in log.read_text().splitlines()] if log.exists() else []
    if not rows or "end" not in _SPLIT:
        return
    by_pid: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        by_pid.setdefault(row["pid"], []).append(row)
    first = min(r["start"] for r in rows) - _SPLIT["start"]
    parts = []
    for _pid, mine in sorted(by_pid.items()):
        busy = sum(r["end"] - r["start"] for r in mine)
        rule_s = sum(r["rules"] for r in mine)
        idle = _SPLIT["end"] - max(r["end"] for r in mine)
        parts.append(f"{len(mine)} batches, {sum(r['n'] for r in mine)} articles: parse "
                     f"{busy - rule_s:.1f}s, rules {rule_s:.1f}s, done {idle:.1f}s before the "
                     f"end")  # fmt: skip
    out["summary"] = (f"{_SPLIT['end'] - _SPLIT['start']:.1f}s, first batch after {first:.1f}s; "
                      + "; ".join(parts) + f"; parent storing {_SPLIT['saving']:.1f}s")


def grow(size: int, budget: float | None = None) -> dict[str, Any]:
    """One size of the lexical path, in this process: articles/s, peak RSS, and the CPU
    milliseconds per article of each file (the shape of the cost as the store fills). With
    ``budget`` seconds the stream stops after the file that passes it."""
    from scale import generate

    from crosswire.config import Config
    from crosswire.pipeline import ingest_paths
    from crosswire.store import open_store

    per_file: list[tuple[int, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        # News arrives at a steady rate, so a larger corpus spans more days, not more articles
        # per day: every stream has the 10,000 stream's density (about 27 articles a day), or
        # the growth would measure a denser time window rather than a larger store.
        days = max(365, size * 365 // DENSITY_BASE)
        files, _ = generate(Path(tmp), size, seed=7, days=days)
        config = Config(db=str(Path(tmp) / "grow.db"), progress=False, workers=1)
        store = open_store(config.db)
        start_peak = peak_mib()
        t0 = time.perf_counter()
        done = 0
        mark = max(1, size // 20)  # a progress line on stderr every twentieth of the stream
        for path in files:  # file by file, as a crawl arrives
            cpu = time.process_time()
            report = ingest_paths([path], config, store, analyse="none")
            added = len(report.added) + report.unchanged
            done += added
            per_file.append((done, 1000 * (time.process_time() - cpu) / max(1, added)))
            if done // mark > (done - added) // mark:
                # A long run killed before its end still leaves its shape so far.
                print(json.dumps({"articles": done, "seconds": round(time.perf_counter() - t0),
                                  "rss_mib": round(rss_mib()), "peak_mib": round(peak_mib()),
                                  "cpu_ms": round(per_file[-1][1], 2)}),
                      file=sys.stderr, flush=True)  # fmt: skip
            if budget is not None and time.perf_counter() - t0 > budget:
                break
        seconds = time.perf_counter() - t0
        store.close()
    return {"articles": done, "planned": size, "seconds": seconds, "rate": done / seconds,
            "peak_mib": peak_mib(), "start_mib": start_peak, "cpu_ms": per_file}  # fmt: skip


def _pyplot() -> Any:
    """matplotlib's pyplot, drawing to files only."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _speed_and_memory(
    left: Any, xs: list[int], rows: list[dict[str, Any]], memory: str,
    labels: tuple[str, str, str], title: str,
) -> None:  # fmt: skip
    """Articles/s on the left axis and ``memory`` (a row's key) on a twin right axis."""
    xlabel, rate_label, memory_label = labels
    left.plot(xs, [r["rate"] for r in rows], "o-", color="tab:blue")
    left.set_xlabel(xlabel)
    left.set_ylabel(rate_label, color="tab:blue")
    left.set_ylim(bottom=0)
    right = left.twinx()
    right.plot(xs, [r[memory] for r in rows], "s--", color="tab:red")
    right.set_ylabel(memory_label, color="tab:red")
    right.set_ylim(bottom=0)
    left.set_title(title)


def growth(sizes: list[int], plot: Path | None, budget: float | None = None) -> None:
    rows = []
    print(f"\nlexical path (read, clean, store, dedup, stories) on generated streams: {sizes}")
    for size in sizes:
        command = [sys.executable, __file__, "--grow-one", str(size)]
        if budget is not None:
            command += ["--budget", str(budget)]
        out = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True).stdout
        row = json.loads(out.strip().splitlines()[-1])
        rows.append(row)
        stopped = "" if row["articles"] >= size else f" (stopped at the {budget:.0f} s budget)"
        print(f"{row['articles']:>9} articles of {size}{stopped}: {row['rate']:.1f} articles/s "
              f"({row['seconds']:.0f}s), peak RSS {row['peak_mib']:.0f} MiB "
              f"(after imports {row['start_mib']:.0f})")
        tenth = max(1, len(row["cpu_ms"]) // 10)
        print("   CPU ms per article by articles stored: " + ", ".join(
            f"{n}: {ms:.1f}" for n, ms in row["cpu_ms"][tenth - 1 :: tenth]
        ))  # fmt: skip
    first, last = rows[0], rows[-1]
    print(f"from {first['articles']} to {last['articles']}: speed ratio "
          f"{last['rate'] / first['rate']:.2f}, peak memory ratio "
          f"{last['peak_mib'] / first['peak_mib']:.2f}")
    if plot is not None:
        fig, (left, middle) = _pyplot().subplots(1, 2, figsize=(10, 3.8))
        xs = [r["articles"] for r in rows]
        _speed_and_memory(left, xs, rows, "peak_mib",
                          ("articles ingested (generated stream)", "articles/s", "peak RSS (MiB)"),
                          "Speed and memory against stream size")  # fmt: skip
        left.set_xscale("log")
        for r in rows:
            middle.plot([n for n, _ in r["cpu_ms"]], [ms for _, ms in r["cpu_ms"]],
                        ".-", label=f"{r['planned']:,} stream")  # fmt: skip
        middle.set_xlabel("articles stored")
        middle.set_ylabel("CPU ms per article (per file)")
        middle.set_ylim(bottom=0)
        middle.legend()
        middle.set_title("Cost per article as the store fills")
        fig.suptitle("Lexical path (read, clean, store, dedup, stories)")
        fig.tight_layout()
        fig.savefig(plot, dpi=110)
        print(f"wrote {plot}")


def progress_plot(log: Path, plot: Path) -> None:
    """Print and plot a growth run's progress lines (its stderr, saved to ``log``): the
    articles/s of each twentieth of the stream and the resident memory as the store fills,
    so a run of hours, finished or stopped by its budget, shows its shape."""
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    rows, done, seconds = [], 0, 0.0
    for line in lines:
        rate = (line["articles"] - done) / max(1e-9, line["seconds"] - seconds)
        rows.append({**line, "rate": rate})
        done, seconds = line["articles"], line["seconds"]
    print("  stored  seconds  articles/s (this part)  RSS MiB  peak MiB  CPU ms/article (file)")
    for r in rows:
        print(f"{r['articles']:>8} {r['seconds']:>8} {r['rate']:>23.1f} {r['rss_mib']:>8} "
              f"{r['peak_mib']:>9} {r['cpu_ms']:>10.2f}")  # fmt: skip
    base = next((r for r in rows if r["articles"] >= 100_000), rows[0])
    last = rows[-1]
    memory, speed = last["rss_mib"] / base["rss_mib"], last["rate"] / base["rate"]
    print(f"from {base['articles']} to {last['articles']}: resident memory ratio {memory:.2f}, "
          f"speed ratio {speed:.2f}; {last['articles'] / last['seconds']:.1f} articles/s over "
          "the whole run")  # fmt: skip
    fig, (left, middle) = _pyplot().subplots(1, 2, figsize=(10, 3.8))
    xs = [r["articles"] for r in rows]
    _speed_and_memory(left, xs, rows, "rss_mib",
                      ("articles stored (generated stream)", "articles/s (each twentieth)",
                       "resident memory (MiB)"),
                      "Speed and memory as the store fills")  # fmt: skip
    middle.plot(xs, [r["cpu_ms"] for r in rows], ".-", color="tab:green")
    middle.set_xlabel("articles stored")
    middle.set_ylabel("CPU ms per article (file at each mark)")
    middle.set_ylim(bottom=0)
    middle.set_title("Cost per article")
    fig.suptitle(f"Lexical path, one stream of {last['articles']:,} articles")
    fig.tight_layout()
    fig.savefig(plot, dpi=110)
    print(f"wrote {plot}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--growth", default="10000,100000", help="sizes, comma-separated")
    parser.add_argument("--million", action="store_true", help="add 1,000,000 to the growth")
    parser.add_argument("--no-stages", action="store_true", help="only the growth runs")
    parser.add_argument(
        "--whole", action="store_true", help="only the whole ingest against nlp.pipe alone"
    )
    parser.add_argument(
        "--split", action="store_true", help="with --whole: where the analysis pool's time goes"
    )
    parser.add_argument("--dump", type=Path, help="with --whole: the analyses as JSON lines")
    parser.add_argument("--plot", type=Path, default=ROOT / "docs" / "pipeline-growth.png")
    parser.add_argument(
        "--progress-plot", type=Path, metavar="LOG",
        help="print and plot (to --plot) the progress lines a growth run wrote to stderr",
    )  # fmt: skip
    parser.add_argument("--grow-one", type=int, help=argparse.SUPPRESS)
    parser.add_argument(
        "--budget", type=float, help="seconds per growth run: stop the stream after that"
    )
    args = parser.parse_args(argv)
    if args.grow_one:
        print(json.dumps(grow(args.grow_one, args.budget)))
        return 0
    if args.progress_plot:
        progress_plot(args.progress_plot, args.plot)
        return 0
    if args.whole:
        whole_against_parse(args.workers, split=args.split, dump=args.dump)
        return 0
    if not args.no_stages:
        stages(args.workers)
    sizes = [int(s) for s in args.growth.split(",") if s.strip()]
    if args.million:
        sizes.append(1_000_000)
    if sizes:
        growth(sizes, args.plot, args.budget)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

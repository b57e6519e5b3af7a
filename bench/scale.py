"""Ingest at scale: does throughput hold and memory stay flat as the store grows?

A generated corpus (fictional words, names and places; no real text) of reports of many
events by many outlets through a year, with syndicated copies, arriving in time order
(``--shuffled``: in no order, as an old archive), is ingested file by file into one SQLite store
through ``ingest_paths`` (read, clean, dedup, stories; the spaCy analysis is measured in
``bench/analyse.py`` and would dominate). Each file's articles/s and the process's resident
memory are printed as the store grows (by wall clock and by the process's CPU time, which a
shared machine's other work does not inflate), then the steady-state speed against the speed
into an empty store (the baseline: the same code with nothing stored yet) with the verdict
(flat: at least 0.8 of it; fast enough: 100 articles/s), the store's size per
article, and how well the stories match the generated events (pairwise precision and recall
of "same story", counted exactly over all pairs). Beside each file's speeds it prints the
story stage's work per article (:class:`WorkCounts`), which shows whether that work grows with
the store where a shared machine's timings cannot.

    .venv/bin/python bench/scale.py                      # 20,000 articles (about 3 minutes)
    .venv/bin/python bench/scale.py --articles 100000    # longer
    .venv/bin/python bench/scale.py --shuffled           # a year's archive in no order
    .venv/bin/python bench/scale.py --shuffled --days 60 --profile 10   # denser; a profile
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import ctypes
import json
import pstats
import random
import resource
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from crosswire import pipeline
from crosswire.config import Config
from crosswire.pipeline import ingest_paths
from crosswire.store import open_store
from crosswire.store.base import Store
from crosswire.stories import group, threads

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "si", "de", "pa", "gu", "fe", "ri", "no"]
FUNCTION = [
    "the", "a", "of", "to", "in", "and", "that", "for", "on", "with", "as", "at", "by", "from",
    "it", "was", "is", "were", "has", "have", "will", "after", "before", "over", "about", "but",
    "not", "this", "its", "their", "which", "who", "also", "more", "than",
]  # fmt: skip
OUTLETS = 60
PER_FILE = 1000


@dataclass(slots=True)
class Event:
    """A generated news event: who, where, what and which numbers."""

    words: list[str]
    names: list[str]
    place: str
    figures: list[int]
    day: date


def pseudo_word(rng: random.Random, low: int = 2, high: int = 4) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(low, high)))


def make_events(
    rng: random.Random, count: int, vocabulary: list[str], days: int = 365
) -> list[Event]:
    start = date(2026, 1, 1)
    events = []
    for _ in range(count):
        events.append(
            Event(
                words=rng.sample(vocabulary, 30),
                names=[
                    f"{pseudo_word(rng).title()} {pseudo_word(rng, 3, 4).title()}"
                    for _ in range(3)
                ],
                place=pseudo_word(rng, 3, 4).title(),
                figures=[rng.randint(3, 90000) for _ in range(2)],
                day=start + timedelta(days=rng.randint(0, days - 1)),
            )
        )
    return events


def sentence(rng: random.Random, event: Event, common: list[str]) -> str:
    """One sentence: event words and common words, sometimes a name, a place or a figure."""
    words = [rng.choice(event.words if rng.random() < 0.55 else common) for _ in range(12)]
    for i in range(1, len(words), 3):
        words[i] = rng.choice(FUNCTION)
    if rng.random() < 0.5:
        words.insert(rng.randint(0, len(words)), rng.choice(event.names))
    if rng.random() < 0.3:
        words.insert(rng.randint(0, len(words)), f"in {event.place}")
    if rng.random() < 0.25:
        words.insert(rng.randint(0, len(words)), f"{rng.choice(event.figures):,}")
    text = " ".join(words)
    if rng.random() < 0.2:
        text = f"“{text},” {rng.choice(event.names).split()[-1]} said"
    return text[0].upper() + text[1:] + "."


def report(rng: random.Random, event: Event, common: list[str], outlet: int) -> dict[str, str]:
    """One outlet's report of an event, as a news-please record."""
    paragraphs = [
        " ".join(sentence(rng, event, common) for _ in range(rng.randint(2, 4)))
        for _ in range(rng.randint(3, 6))
    ]
    title = " ".join([event.names[0].split()[-1], *rng.sample(event.words, 4), event.place])
    day = event.day + timedelta(days=rng.randint(0, 2))
    return {
        "title": title.title(),
        "maintext": "\n\n".join(paragraphs),
        "source_domain": f"outlet{outlet:02d}.example",
        "date_publish": f"{day.isoformat()} 08:00:00",
    }


def generate(
    path: Path, articles: int, seed: int, shuffled: bool = False, days: int = 365
) -> tuple[list[Path], dict[str, int]]:
    """Files of news-please JSON Lines; the event of every record id.

    Reports arrive as news does, event after event through the ``days`` (a year), a few events
    at a time; ``shuffled`` mixes the whole span instead, as an archive ingested in no order
    would."""
    rng = random.Random(seed)
    vocabulary = sorted({pseudo_word(rng) for _ in range(20000)})
    common = vocabulary[:3000]
    events = sorted(
        make_events(rng, max(1, articles // 5), vocabulary[3000:], days), key=lambda e: e.day
    )
    truth: dict[str, int] = {}
    previous: dict[int, dict[str, str]] = {}  # the last 500 records, for syndicated copies
    files: list[Path] = []
    out = None
    for n in range(articles):
        if n % PER_FILE == 0:
            if out:
                out.close()
            files.append(path / f"part{n // PER_FILE:04d}.jsonl")
            out = files[-1].open("w", encoding="utf-8")
        if shuffled:
            index = rng.randrange(len(events))
        else:
            now = n * len(events) // articles
            index = min(len(events) - 1, max(0, now + rng.randint(-10, 10)))
        record = report(rng, events[index], common, rng.randrange(OUTLETS))
        if rng.random() < 0.1 and n:
            # A syndicated copy of an earlier report: its title, text and date, another
            # outlet, and the copier's sign-off line.
            earlier = rng.randrange(max(0, n - 500), n)
            index = truth[f"r{earlier}"]
            copied = previous[earlier % 500]
            record = dict(
                copied,
                maintext=copied["maintext"] + "\n\nDistributed by a wire.",
                source_domain=f"outlet{rng.randrange(OUTLETS):02d}.example",
            )
        record["id"] = f"r{n}"
        truth[record["id"]] = index
        previous[n % 500] = record
        assert out is not None
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if out:
        out.close()
    return files, truth


def trimmed_rss_mib() -> float:
    """Resident memory after the C allocator hands freed memory back (glibc's malloc_trim):
    what the process still holds, without pages kept only for reuse. Plain RSS elsewhere."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    return rss_mib()


def rss_mib() -> float:
    """Resident memory now (MiB), from /proc; the peak where /proc is missing."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class WorkCounts:
    """The story stage's work, counted by wrapping its functions: candidates retrieved
    (found), those worth ranking (ranked: sharing enough keys) and scored, key rows read,
    pairs scored, regroup pairs proposed, topic comparisons, and the SQL statements of the
    whole ingest. Counts do not depend on the machine's load, so they
    show whether the work per article grows with the store where timings are noisy."""

    COLUMNS = (
        "retrieved", "found", "ranked", "scored", "rows", "pairs", "regroup", "topics",
        "threadrows", "statements",
    )  # fmt: skip

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self._undo: list[tuple[object, str, object]] = []

    def _wrap(self, owner: object, name: str, count: object) -> None:
        original = getattr(owner, name)
        self._undo.append((owner, name, original))

        def wrapped(*args, **kwargs):  # type: ignore[no-untyped-def]
            result = original(*args, **kwargs)
            count(args, result)  # type: ignore[operator]
            return result

        setattr(owner, name, wrapped)

    def __enter__(self) -> WorkCounts:
        c = self.counts

        def ranked(args: tuple, result: list[str]) -> None:
            shared = args[0]
            c["retrieved"] += 1
            c["ranked"] += len(shared)
            c["scored"] += len(result)
            c["rows"] += sum(len(keys) for keys in shared.values())

        def found(args: tuple, result: object) -> None:
            c["found"] += len(args[0])

        def scored(args: tuple, result: object) -> None:
            c["pairs"] += 1

        def planned(args: tuple, result: group.Plan) -> None:
            c["regroup"] += len(result.pairs)

        def compared(args: tuple, result: object) -> None:
            c["topics"] += 1

        def reached(args: tuple, result: dict[str, int]) -> None:
            c["threadrows"] += sum(result.values())

        def statement(args: tuple, result: object) -> None:
            c["statements"] += 1

        if hasattr(group, "worth_scoring"):
            self._wrap(group, "worth_scoring", found)
        self._wrap(group, "rank_candidates", ranked)
        self._wrap(group._Batch, "_probability", scored)
        self._wrap(group, "regroup_plan", planned)
        self._wrap(threads, "topic_similarity", compared)
        # The thread retrieval, by either name it has had.
        for name in ("articles_nearest_with_keys", "articles_with_keys"):
            if hasattr(Store, name):
                self._wrap(Store, name, reached)
                break
        self._wrap(Store, "execute", statement)
        self._wrap(Store, "executemany", statement)
        return self

    def __exit__(self, *exc: object) -> None:
        for owner, name, original in reversed(self._undo):
            setattr(owner, name, original)

    def take(self, articles: int) -> str:
        """This file's counts per article (candidates per article retrieved for), then reset."""
        c, retrieved = self.counts, max(1, self.counts["retrieved"])
        per = {
            "found": (c["found"] or c["ranked"]) / retrieved,
            "ranked": c["ranked"] / retrieved,
            "scored": c["scored"] / retrieved,
            "rows": c["rows"] / retrieved,
            "pairs": c["pairs"] / articles,
            "regroup": c["regroup"] / articles,
            "topics": c["topics"] / articles,
            "threadrows": c["threadrows"] / articles,
            "statements": c["statements"] / articles,
        }
        self.counts.clear()
        return " ".join(f"{per[k]:>{max(7, len(k))}.1f}" for k in per)


@contextlib.contextmanager
def profiled_stories(enabled: bool, top: int = 30):  # type: ignore[no-untyped-def]
    """cProfile over the story stage alone (``assign_stories`` as the pipeline calls it),
    printed by own time: what grows when the rest of the ingest does not."""
    if not enabled:
        yield
        return
    profile = cProfile.Profile()
    original = pipeline.assign_stories

    def assign(*args, **kwargs):  # type: ignore[no-untyped-def]
        profile.enable()
        try:
            return original(*args, **kwargs)
        finally:
            profile.disable()

    pipeline.assign_stories = assign
    try:
        yield
    finally:
        pipeline.assign_stories = original
    stats = pstats.Stats(profile)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def pair_counts(labels: list[tuple[str, int]]) -> tuple[int, int, int]:
    """(pairs together in both, pairs in one story, pairs of one event) over all pairs."""

    def pairs(counter: Counter) -> int:
        return sum(c * (c - 1) // 2 for c in counter.values())

    both = pairs(Counter(labels))
    stories = pairs(Counter(s for s, _ in labels))
    events = pairs(Counter(e for _, e in labels))
    return both, stories, events


# The steady state must keep this share of the speed into an empty store to count as flat,
# and this speed (articles/s) to count as fast enough.
FLAT_RATIO = 0.8
TARGET_SPEED = 100.0


def steady_state(speeds: list[float]) -> float:
    """The median speed over the last quarter of the files: the store at its largest."""
    last = sorted(speeds[-max(1, len(speeds) // 4) :])
    return last[len(last) // 2]


def verdict(speeds: list[float], cpu_speeds: list[float]) -> str:
    """Flat or not, fast enough or not, by wall clock and by this process's CPU time (the
    second does not count the time other processes on a shared machine take from it)."""
    parts = []
    for label, figures in (("wall", speeds), ("CPU", cpu_speeds)):
        ratio = steady_state(figures) / figures[0]
        flat = "flat" if ratio >= FLAT_RATIO else "NOT flat"
        fast = "fast enough" if steady_state(figures) >= TARGET_SPEED else "too slow"
        parts.append(f"{label} {flat} (ratio {ratio:.2f}, >= {FLAT_RATIO} wanted), {fast} "
                     f"({steady_state(figures):.0f} >= {TARGET_SPEED:.0f} articles/s wanted)")
    return "verdict: " + "; ".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--shuffled", action="store_true",
                        help="a year's reports in no order (an archive) instead of as they come")
    parser.add_argument("--days", type=int, default=365,
                        help="the span the events fall in: fewer days, a denser archive (the "
                             "windows of 10,000 over 90 days hold what those of 40,000 over a "
                             "year do)")
    parser.add_argument("--profile", type=int, nargs="*", default=[], metavar="FILE",
                        help="print a cProfile of the story stage of these files (1 = first)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        files, truth = generate(folder, args.articles, args.seed, args.shuffled, args.days)
        print(f"generated {args.articles} articles of {len(set(truth.values()))} events in "
              f"{len(files)} files ({time.perf_counter() - t0:.1f}s)")
        config = Config(db=str(folder / "scale.db"), progress=False, workers=args.workers)
        store = open_store(config.db)
        speeds, cpu_speeds = [], []
        print(f"{'stored':>8} {'articles/s':>11} {'CPU art/s':>10} {'RSS MiB':>8} {'trimmed':>8} "
              + " ".join(f"{k:>{max(7, len(k))}}" for k in WorkCounts.COLUMNS[1:]))
        counts = WorkCounts()
        try:
            with counts:
                for n, path in enumerate(files, start=1):
                    t0, c0 = time.perf_counter(), time.process_time()
                    with profiled_stories(n in args.profile):
                        result = ingest_paths([path], config, store, analyse=False)
                    seconds = time.perf_counter() - t0
                    speeds.append(PER_FILE / seconds)
                    cpu_speeds.append(PER_FILE / (time.process_time() - c0))
                    assert not result.errors, result.errors[:3]
                    rss, trimmed = rss_mib(), trimmed_rss_mib()
                    print(f"{n * PER_FILE:>8} {speeds[-1]:>11.1f} {cpu_speeds[-1]:>10.1f} "
                          f"{rss:>8.0f} {trimmed:>8.0f} {counts.take(PER_FILE)}")
            ids = dict(store.query("SELECT source, article FROM sources"))
            stories = dict(store.query("SELECT id, story FROM articles"))
        finally:
            store.close()
        size = (folder / "scale.db").stat().st_size
        labels = [
            (stories[ids[f"{folder / f'part{int(r[1:]) // PER_FILE:04d}.jsonl'}#{r}"]], event)
            for r, event in truth.items()
        ]
        both, in_story, in_event = pair_counts(labels)
    for label, figures in (("wall clock", speeds), ("CPU time", cpu_speeds)):
        first, steady = figures[0], steady_state(figures)
        print(f"{label}: into an empty store {first:.1f} articles/s; last quarter (median) "
              f"{steady:.1f} articles/s: ratio {steady / first:.2f}")
    if len(cpu_speeds) >= 4:
        # Once the time windows have filled, the store only grows: the second quarter against
        # the last shows whether the work per article still grows with it.
        quarter = len(cpu_speeds) // 4
        second = sorted(cpu_speeds[quarter : 2 * quarter])[quarter // 2]
        print(f"CPU time: second quarter (median) {second:.1f} articles/s, last quarter "
              f"{steady_state(cpu_speeds):.1f}: ratio {steady_state(cpu_speeds) / second:.2f}")
    print(verdict(speeds, cpu_speeds))
    print(f"store: {size / 2**20:.0f} MiB, {size / args.articles / 1024:.1f} KiB per article; "
          f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    precision = both / in_story if in_story else 0.0
    recall = both / in_event if in_event else 0.0
    print(f"stories against the generated events: pairwise P={precision:.3f} R={recall:.3f} "
          f"({len(set(s for s, _ in labels))} stories for {len(set(e for _, e in labels))} events)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

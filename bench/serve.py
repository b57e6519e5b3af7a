"""The web app under load: requests/s and latency of the list, a story page and search.

A store of generated articles (fictional pseudo-words, names and places, as bench/scale.py
makes them; 100,000 by default) is written straight through the store (no spaCy: stories are
the generated events), and only the 50 reports of one event, the story page measured, are
analysed. ``crosswire serve`` then runs in its own process and this one sends it requests on
loopback from four client threads, a bounded number per endpoint and at most ``--seconds``
each. Cold first requests (the comparison of the 50 articles, the story list built) are shown
apart from the warm ones.

Baselines, measured in this run on the same store: what the previous server did for each
request (group every article row into stories for the list and for search; compare the story
and render it for the story page).

    .venv/bin/python bench/serve.py                     # 100,000 articles (about 6 minutes)
    .venv/bin/python bench/serve.py --articles 20000    # quicker
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from scale import OUTLETS, make_events, pseudo_word, report  # noqa: E402
from web.support import Server  # noqa: E402

from crosswire import api  # noqa: E402
from crosswire.analyze import analyze_articles  # noqa: E402
from crosswire.config import Config  # noqa: E402
from crosswire.ingest.prepare import article_id  # noqa: E402
from crosswire.records import Article, RawItem  # noqa: E402
from crosswire.report import render_report  # noqa: E402
from crosswire.store import open_store  # noqa: E402

BIG_STORY = 50
CLIENTS = 4
TARGETS = {"list": 0.2, "search": 0.2, "story": 1.0}
# Unnamed outlets (no outlet in the record) on one report in this many.
UNNAMED_EVERY = 15


def build_store(db: str, articles: int, seed: int) -> tuple[str, list[str]]:
    """``articles`` reports of generated events in a store, each event its own story; one
    event of ``BIG_STORY`` reports, analysed. Returns that story's id and search words."""
    rng = random.Random(seed)
    vocabulary = sorted({pseudo_word(rng) for _ in range(20000)})
    common = vocabulary[:3000]
    events = make_events(rng, max(2, articles // 5), vocabulary[3000:])
    big = events[0]
    store = open_store(db)
    first: dict[int, str] = {}
    big_ids: list[str] = []
    started = time.perf_counter()
    with store.transaction():
        for n in range(articles):
            index = 0 if n < BIG_STORY else rng.randrange(1, len(events))
            outlet = n % OUTLETS if n < BIG_STORY else rng.randrange(OUTLETS)
            record = report(rng, events[index], common, outlet)
            if n < BIG_STORY:  # one report per outlet and hour, so the timeline has an order
                record["date_publish"] = f"{big.day.isoformat()}T{n % 24:02d}:{n:02d}:00+01:00"
            item = RawItem(source=f"gen/{n}.json", body=record["maintext"],
                           title=record["title"], published=record["date_publish"],
                           external_id=f"r{n}")  # fmt: skip
            aid = article_id(item)
            named = n % UNNAMED_EVERY != 0
            story = first.setdefault(index, aid)
            store.add_article(Article(
                id=aid, source=item.source, text=item.body, raw=item.body, title=item.title,
                outlet=record["source_domain"] if named else None, published=item.published,
                story=story,
            ), exact_hash=aid)  # fmt: skip
            if index == 0:
                big_ids.append(aid)
    print(f"stored {articles} articles of {len(first)} stories in "
          f"{time.perf_counter() - started:.0f}s (no spaCy)")  # fmt: skip
    started = time.perf_counter()
    config = Config(db=db, progress=False, workers=1)
    with store.transaction():
        for analysis in analyze_articles(store.iter_articles(big_ids), config):
            store.save_analysis(analysis)
    print(f"analysed the {len(big_ids)} articles of the story measured in "
          f"{time.perf_counter() - started:.0f}s")  # fmt: skip
    store.close()
    # Searches: people's surnames and an event's words (a few reports each), and words of
    # the common vocabulary, found in thousands of articles.
    words = [name.split()[-1] for e in events[1:60] for name in e.names[:1]]
    words += [e.words[0] for e in events[1:40]] + common[:20]
    rng.shuffle(words)
    return first[0], words


def timed(client: httpx.Client, url: str) -> tuple[float, int]:
    t0 = time.perf_counter()
    status = client.get(url, timeout=120).status_code
    return time.perf_counter() - t0, status


def load(base: str, urls: list[str], count: int, seconds: float) -> tuple[list[float], float, int]:
    """``count`` requests (at most ``seconds`` of them) over ``urls`` from CLIENTS threads:
    latencies, requests/s, failures."""
    deadline = time.monotonic() + seconds
    latencies: list[float] = []
    failures = 0

    def worker(k: int) -> None:
        nonlocal failures
        with httpx.Client(base_url=base) as client:
            for i in range(k, count, CLIENTS):
                if time.monotonic() > deadline:
                    return
                took, status = timed(client, urls[i % len(urls)])
                latencies.append(took)
                failures += status != 200

    started = time.perf_counter()
    with ThreadPoolExecutor(CLIENTS) as pool:
        list(pool.map(worker, range(CLIENTS)))
    elapsed = time.perf_counter() - started
    return latencies, len(latencies) / elapsed, failures


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def baselines(db: str, story_id: str, words: list[str], runs: int) -> dict[str, float]:
    """Median seconds per request of what the previous server computed for each."""
    store = open_store(db)
    out: dict[str, list[float]] = {"list": [], "search": [], "story": []}
    try:
        for i in range(runs):
            t0 = time.perf_counter()
            store.stories()
            out["list"].append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            hits = set(store.search(words[i % len(words)], limit=500))
            [s for s in store.stories() if hits.intersection(s.articles)]
            out["search"].append(time.perf_counter() - t0)
        for _ in range(max(1, runs // 3)):
            t0 = time.perf_counter()
            render_report(*api.story_comparison(store, story_id), "html")
            out["story"].append(time.perf_counter() - t0)
    finally:
        store.close()
    return {k: statistics.median(v) for k, v in out.items()}


def add_to_story(db: str, story_id: str) -> None:
    """One more report joins the big story, analysed: its comparison must be made again."""
    store = open_store(db)
    try:
        text = ("A new report on the same event. “We will say more tomorrow,” the office said. "
                "About 40 people attended.")  # fmt: skip
        article = Article(id="late-report-0001", source="gen/late.json", text=text, raw=text,
                          title="Late report", outlet="outlet-late.example", story=story_id,
                          published="2026-12-31T23:00:00+00:00")  # fmt: skip
        store.add_article(article, exact_hash=article.id)
        for analysis in analyze_articles([article]):
            store.save_analysis(analysis)
        store.conn.commit()
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="per endpoint")
    parser.add_argument("--seconds", type=float, default=60, help="at most, per endpoint")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "serve.db")
        story_id, words = build_store(db, args.articles, args.seed)
        base = baselines(db, story_id, words, runs=6)
        server = Server(db)
        try:
            with httpx.Client(base_url=server.base) as client:
                cold = {
                    "list": timed(client, "/")[0],
                    "story": timed(client, f"/stories/{story_id}")[0],
                    "search": timed(client, f"/?q={words[0]}")[0],
                }
            pages = [f"/?page={p}" for p in range(1, 11)]
            searches = [f"/?q={w}" for w in words]
            for url in pages + searches[:10]:  # first views fill the coverage of their pages
                httpx.get(server.base + url, timeout=120)
            plan = {"list": pages, "search": searches, "story": [f"/stories/{story_id}"]}
            results = {name: load(server.base, urls, args.requests, args.seconds)
                       for name, urls in plan.items()}  # fmt: skip
            add_to_story(db, story_id)
            changed = timed(httpx.Client(base_url=server.base), f"/stories/{story_id}")[0]
            after = timed(httpx.Client(base_url=server.base), f"/stories/{story_id}")[0]
        finally:
            server.stop()
    print(f"\n{args.articles} articles; {CLIENTS} clients on loopback; "
          "seconds per request (the machine is shared: compare ratios, not absolutes)")
    print(f"{'endpoint':<8} {'n':>5} {'req/s':>7} {'p50':>7} {'p95':>7} {'target':>7} "
          f"{'cold':>7} {'baseline':>9} {'ratio':>6} fail")  # fmt: skip
    for name, (latencies, rate, failures) in results.items():
        median = statistics.median(latencies)
        print(f"{name:<8} {len(latencies):>5} {rate:>7.1f} {median:>7.3f} {p95(latencies):>7.3f} "
              f"{TARGETS[name]:>7.2f} {cold[name]:>7.3f} {base[name]:>9.3f} "
              f"{base[name] / median:>5.0f}x {failures}")  # fmt: skip
    print(f"story page after a new article joined the story: {changed:.3f}s (compared again), "
          f"then {after:.3f}s (cached)")
    print("baselines: list and search group every article row into stories per request; the "
          "story page compares the story and renders it per request (the previous server)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

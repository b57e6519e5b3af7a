"""Threads on labelled topics: do the stories of one running topic end up in one thread?

ECB+ holds two incidents of one kind per topic (two earthquakes, two software patches): the
two stories of a topic are one thread, stories of different topics are not. Each part is
ingested as a user would, through ``ingest_paths(..., analyse=False)`` at crosswire's
defaults with the gold fields dropped, in three input orders, in one run and in batches (20
articles by default, so that stories grow across batches and their links are read again);
then each stored story takes its members' most common gold topic, and every pair of stories
is scored by whether the two lie in one thread (``Store.thread_of``) against whether they
share a topic: pairwise precision, recall and F1 over story pairs, and B-cubed over articles
of the thread partition against the topics. The baseline in the same run is the gold
stories' own topic centroids linked at the shipped thread threshold (what the threshold was
chosen on, for ECB+ train): what linking whole, correct stories would give.

The thread threshold was chosen on ECB+ train (``scripts/train_story_model.py``), so ECB+
dev is the held-out part and train an in-sample check.

    .venv/bin/python bench/threads.py                  # ECB+ dev and train, NeuS val, 3 min
    .venv/bin/python bench/threads.py --parts dev --batch 50 --neus

NeuS has no topics, only incidents (each gold story one): it checks that the stories its
grouping split are brought back together in one thread, and how large threads grow on a set of
undated leads of a few running political topics, where a link that chains unrelated stories
would show as one thread of hundreds.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import PRF, pairwise_prf  # noqa: E402
from stories_bcubed import ORDERS, batch_files, bcubed, load, shuffled  # noqa: E402

from crosswire.config import Config  # noqa: E402
from crosswire.pipeline import ingest_paths  # noqa: E402
from crosswire.records import Article  # noqa: E402
from crosswire.store import open_store  # noqa: E402
from crosswire.store.base import Store  # noqa: E402
from crosswire.stories.group import _Batch, index_articles  # noqa: E402
from crosswire.stories.model import load_model  # noqa: E402
from crosswire.stories.threads import read_topic, topic_similarity  # noqa: E402


def topic_of(record: dict) -> str:
    """The ECB+ topic of a record: its gold story without the incident ("12_ecb" -> "12")."""
    return record["gold_story"].split("_")[0]


def ingest(records: list[dict], batch: int | None) -> tuple[Store, dict[str, str]]:
    """A store holding ``records`` ingested in batches (None: one run), and each record's
    stored article id."""
    store = open_store(":memory:")
    with tempfile.TemporaryDirectory() as tmp:
        for path in batch_files(records, batch, Path(tmp)):
            ingest_paths([path], Config(progress=False), store, analyse=False)
    rows = store.query("SELECT source, article FROM sources")
    return store, {source.rsplit("#", 1)[1]: article for source, article in rows}


def score_threads(records: list[dict], batch: int | None) -> tuple[PRF, float, int]:
    """Story-pair P/R/F1 of "one thread" against "one topic", B-cubed F1 of the threads over
    articles against the topics, and the number of stories."""
    store, article_of = ingest(records, batch)
    story = {a.id: a.story for a in store.iter_articles() if a.story}
    members: dict[str, list[str]] = defaultdict(list)
    for record in records:
        if (article := article_of.get(record["id"])) in story:
            members[story[article]].append(topic_of(record))
    topic = {s: Counter(t).most_common(1)[0][0] for s, t in members.items()}
    thread = {s: min(store.thread_of(s)) for s in members}
    store.close()
    pairs = list(itertools.combinations(sorted(members), 2))
    result = pairwise_prf([thread[a] == thread[b] for a, b in pairs],
                          [topic[a] == topic[b] for a, b in pairs])  # fmt: skip
    predicted, gold = {}, {}
    for record in records:
        article = article_of.get(record["id"])
        predicted[record["id"]] = thread.get(story.get(article, ""), "alone:" + record["id"])
        gold[record["id"]] = topic_of(record)
    return result, bcubed(predicted, gold).f1, len(members)


def gold_story_threads(records: list[dict]) -> PRF:
    """The baseline: the gold stories' topics (centroids of their newest members' word
    vectors, as threads read them) linked at the shipped threshold, scored by story pairs."""
    store = open_store(":memory:")
    articles = [Article(id=r["id"], source=r["id"], text=r.get("maintext") or "", raw="",
                        title=r.get("title")) for r in records]  # fmt: skip
    for article in articles:
        store.add_article(article)
    index_articles(store, articles)
    batch = _Batch(store, Config(progress=False))
    by_story: dict[str, list[str]] = defaultdict(list)
    for record in records:
        by_story[record["gold_story"]].append(record["id"])
    topics = {s: read_topic(batch, ids) for s, ids in by_story.items()}
    store.close()
    threshold = load_model().thread_threshold
    pairs = list(itertools.combinations(sorted(topics), 2))
    return pairwise_prf([topic_similarity(topics[a], topics[b]) >= threshold for a, b in pairs],
                        [a.split("_")[0] == b.split("_")[0] for a, b in pairs])  # fmt: skip


def split_incidents(records: list[dict]) -> tuple[int, int, int, int]:
    """On a set without topics (NeuS: every gold story one incident), ingested in one run:
    the pairs of stored stories holding one incident (a story the grouping split), how many
    of them lie in one thread, and the number of threads and the size of the largest (a
    thread that chains unrelated stories would show there)."""
    store, article_of = ingest(records, None)
    story = {a.id: a.story for a in store.iter_articles() if a.story}
    incidents: dict[str, list[str]] = defaultdict(list)
    for record in records:
        if (article := article_of.get(record["id"])) in story:
            incidents[story[article]].append(record["gold_story"])
    incident = {s: Counter(g).most_common(1)[0][0] for s, g in incidents.items()}
    thread = {s: min(store.thread_of(s)) for s in incidents}
    store.close()
    split = [(a, b) for a, b in itertools.combinations(sorted(incident), 2)
             if incident[a] == incident[b]]  # fmt: skip
    sizes = Counter(thread.values())
    joined = sum(thread[a] == thread[b] for a, b in split)
    return len(split), joined, len(sizes), max(sizes.values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parts", nargs="*", default=["dev", "train"], help="ECB+ parts")
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--neus", nargs="*", default=["val"], help="NeuS parts to check")
    args = parser.parse_args()
    for part in args.neus:
        records = load("neus", part)
        split, joined, threads, largest = split_incidents(records)
        print(
            f"NeuS {part}: {len(records)} leads; of {split} pairs of stored stories holding one"
            f" incident, {joined} in one thread; {threads} threads, the largest of {largest}"
        )
    for part in args.parts:
        records = load("ecbplus", part)
        topics = len({topic_of(r) for r in records})
        print(
            f"ECB+ {part}: {len(records)} articles, {len({r['gold_story'] for r in records})}"
            f" stories of {topics} topics"
        )
        base = gold_story_threads(records)
        print(
            f"  baseline (gold stories linked at the threshold): story pairs "
            f"P {base.precision:.3f} R {base.recall:.3f} F1 {base.f1:.3f}"
        )
        for label, size in (("one run", None), (f"batches of {args.batch}", args.batch)):
            runs = [score_threads(shuffled(records, seed), size) for seed in ORDERS]
            f1s = [r[0].f1 for r in runs]
            precision = statistics.mean(r[0].precision for r in runs)
            print(
                f"  {label:>14}: story pairs F1 {statistics.mean(f1s):.3f} ± "
                f"{statistics.pstdev(f1s):.3f} (P {precision:.3f}"
                f" R {statistics.mean(r[0].recall for r in runs):.3f}); threads B-cubed "
                f"{statistics.mean(r[1] for r in runs):.3f}; stories "
                + "/".join(str(r[2]) for r in runs)
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

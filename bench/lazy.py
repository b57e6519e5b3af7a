"""Analysis on demand against analysing everything, end to end on a realistic stream.

    python bench/lazy.py [--neus N] [--semeval N] [--lone N] [--workers W] [--rounds R]

The stream mixes real multi-source news with the single-outlet news that most of a crawl is:
NeuS stories (three outlets' leads per event, ../shared/data/stories/neus/val.jsonl, whole
stories in file order), SemEval 2022 task 8 English articles (pairs of reports, both sides
kept together) and generated single-outlet reports (fictional words and names, bench/scale.py's
generator, one outlet per event). Every record is ingested in one ``ingest_paths`` call into
an empty store twice in the same run: with ``analyse="all"`` (the baseline: what every ingest
did before) and with the default ``analyse="needed"``. Prints articles/s end to end, how many
articles each analysed, the speed-up, and what reading every story afterwards costs. On a
shared machine one round swings with the load, so ``--rounds`` repeats the pair, the order
alternating, and prints each round's ratio and their median.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SHARED, semeval_texts  # noqa: E402
from scale import make_events, pseudo_word, report  # noqa: E402

from crosswire.analyze.nlp import load_nlp  # noqa: E402
from crosswire.config import Config  # noqa: E402
from crosswire.pipeline import ingest_paths  # noqa: E402
from crosswire.store import open_store  # noqa: E402

NEUS = SHARED / "data" / "stories" / "neus" / "val.jsonl"


def neus_records(n: int) -> list[dict]:
    """The first ``n`` NeuS records, whole stories (the file is shuffled; grouped here)."""
    by_story: dict[str, list[dict]] = {}
    with NEUS.open(encoding="utf-8") as fh:
        for line in fh:
            data = json.loads(line)
            by_story.setdefault(data["gold_story"], []).append(data)
    out: list[dict] = []
    for records in by_story.values():
        if len(out) >= n:
            break
        out += [{"id": r["id"], "title": r["title"], "maintext": r["maintext"]} for r in records]
    return out


def semeval_records(n: int) -> list[dict]:
    texts = semeval_texts("en")
    out = []
    for key, versions in texts.items():
        if len(out) >= n:
            break
        body = versions[0]
        title, _, rest = body.partition("\n")
        out.append({"id": f"se{key}", "title": title[:200], "maintext": rest or body})
    return out


def lone_records(n: int, seed: int = 11) -> list[dict]:
    """Generated reports of ``n`` events, each by one outlet only."""
    rng = random.Random(seed)
    vocabulary = sorted({pseudo_word(rng) for _ in range(8000)})
    events = make_events(rng, n, vocabulary[2000:])
    out = []
    for i, event in enumerate(events):
        record = report(rng, event, vocabulary[:2000], rng.randrange(60))
        out.append({**record, "id": f"lone{i}"})
    return out


def run(path: Path, db: str, mode: str, workers: int) -> tuple[float, int, int, float]:
    """(seconds, articles added, analysed at ingest, seconds to read every story after)."""
    config = Config(db=db, progress=False, workers=workers, analyse=mode)
    t0 = time.perf_counter()
    result = ingest_paths([path], config)
    seconds = time.perf_counter() - t0
    from crosswire import api  # reading what a user reads: every multi-outlet story's report

    store = open_store(db)
    t1 = time.perf_counter()
    for story in store.stories():
        if len(story.outlets) >= 2 or len(story.articles) >= 2:
            api.cached_comparison(store, story.id, config)
    read = time.perf_counter() - t1
    store.close()
    return seconds, len(result.added), result.analysed, read


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--neus", type=int, default=150, help="NeuS articles (whole stories)")
    parser.add_argument("--semeval", type=int, default=100, help="SemEval English articles")
    parser.add_argument("--lone", type=int, default=350, help="generated single-outlet reports")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=1, help="pairs of runs, order alternating")
    args = parser.parse_args(argv)
    load_nlp(Config().spacy_model)  # loaded before timing, as for any long-running ingest
    records = neus_records(args.neus) + semeval_records(args.semeval) + lone_records(args.lone)
    random.Random(3).shuffle(records)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "stream.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
        print(f"stream: {len(records)} records ({args.neus} NeuS, {args.semeval} SemEval, "
              f"{args.lone} generated single-outlet); {args.workers} workers")
        ratios = []
        for round_ in range(args.rounds):
            rates = {}
            modes = ("all", "needed") if round_ % 2 == 0 else ("needed", "all")
            for mode in modes:
                db = f"{tmp}/{mode}{round_}.db"
                seconds, added, analysed, read = run(path, db, mode, args.workers)
                rates[mode] = added / seconds
                print(f"round {round_ + 1} analyse={mode:<7} {added} articles in {seconds:.1f}s: "
                      f"{rates[mode]:.1f} articles/s end to end, {analysed} analysed at "
                      f"ingest; reading every story of two or more articles after: {read:.1f}s")
            ratios.append(rates["needed"] / rates["all"])
    print("speed-up of analysis on demand over analysing everything: "
          + ", ".join(f"{r:.2f}x" for r in ratios)
          + (f" (median {statistics.median(ratios):.2f}x)" if len(ratios) > 1 else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

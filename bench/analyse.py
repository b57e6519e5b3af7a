"""Analysis throughput (spaCy parse, entities, quotes, figures, claims): one process vs a pool.

    python bench/analyse.py [--articles N] [--rounds R] [--workers W]
    python bench/analyse.py --rules [--rounds R] [--dump FILE]

Analyses the same news articles (PolNeAR's political news, ../shared/data/quotes/polnear)
with ``workers=1`` and ``workers=W`` in the same run, R rounds, and prints articles/s, the
ratio and the median ratio. The pool's start-up (spawning, loading the model in each worker)
is included, as a user pays it; the parent loads its own model before timing starts, as the
``crosswire`` command has by the time it analyses.

``--rules`` times crosswire's rules alone (entities, actors, quotes, figures, claims) after
the parse, in one process, on 100 articles of three kinds (50 PolNeAR articles, 30 NeuS
leads, 20 Zyte news pages read and cleaned by crosswire), beside the parse's own time, in
seconds and CPU seconds; ``--dump FILE`` writes their analyses as JSON lines, so that two
trees' outputs can be compared byte for byte (``cmp``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SHARED  # noqa: E402

from crosswire.analyze.nlp import load_nlp  # noqa: E402
from crosswire.analyze.workers import analyse_batches  # noqa: E402
from crosswire.config import Config  # noqa: E402
from crosswire.records import Article  # noqa: E402

DATA = SHARED / "data" / "quotes" / "polnear"
NEUS = SHARED / "data" / "stories" / "neus" / "val.jsonl"
PAGES = SHARED / "data" / "extraction" / "zyte-dev" / "html"


def load_articles(n: int) -> list[Article]:
    out: list[Article] = []
    for split in ("dev", "train"):
        with (DATA / f"{split}.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                data = json.loads(line)
                out.append(Article(id=str(data["id"]), source=split, text=data["text"],
                                   raw=data["text"]))  # fmt: skip
                if len(out) >= n:
                    return out
    return out


def mixed_articles() -> list[Article]:
    """50 PolNeAR articles, 30 NeuS leads and 20 Zyte pages (read and cleaned here)."""
    from crosswire.ingest.prepare import clean_item
    from crosswire.ingest.readers import read_path
    from crosswire.records import IngestError

    out = load_articles(50)
    with NEUS.open(encoding="utf-8") as fh:
        for line in list(fh)[:30]:
            data = json.loads(line)
            text = f"{data['title']}\n{data['maintext']}"
            out.append(Article(id=data["id"], source="neus", text=text, raw=text))
    for path in sorted(PAGES.glob("*.html.gz"))[:20]:
        out.extend(clean_item(i) for i in read_path(path) if not isinstance(i, IngestError))
    return out


def rules(rounds: int, dump: Path | None) -> None:
    """The rules alone after the parse, against the parse, in one process."""
    from crosswire.analyze.pipeline import analyse_doc

    config = Config()
    articles = mixed_articles()
    nlp = load_nlp(config.spacy_model)
    list(nlp.pipe([a.text for a in articles[:4]]))  # warm up
    cpu, t0 = time.process_time(), time.perf_counter()
    docs = list(nlp.pipe([a.text for a in articles], batch_size=config.batch_size))
    parse_cpu, parse_s = time.process_time() - cpu, time.perf_counter() - t0
    print(f"{len(articles)} articles; parse {parse_s:.2f} s, {parse_cpu:.2f} CPU s")
    for n in range(rounds):
        for doc in docs:  # what the rules keep per document is built again each round
            doc.user_data.clear()
        cpu, t0 = time.process_time(), time.perf_counter()
        analyses = [analyse_doc(doc, a.id) for doc, a in zip(docs, articles, strict=True)]
        rules_cpu, rules_s = time.process_time() - cpu, time.perf_counter() - t0
        print(f"  round {n + 1}: rules {rules_s:.2f} s, {rules_cpu:.2f} CPU s "
              f"({rules_cpu / parse_cpu:.0%} of the parse's CPU)")  # fmt: skip
    if dump is not None:
        with dump.open("w", encoding="utf-8") as fh:
            for analysis in analyses:
                fh.write(json.dumps(analysis.as_dict(), ensure_ascii=False) + "\n")
        print(f"wrote {dump}")


def measure(articles: list[Article], config: Config, workers: int) -> float:
    size = config.batch_size
    batches = (articles[i : i + size] for i in range(0, len(articles), size))
    start = time.perf_counter()
    done = sum(len(analyses) for analyses, _ in analyse_batches(batches, config, workers))
    assert done == len(articles)
    return len(articles) / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rules", action="store_true", help="the rules alone, after the parse")
    parser.add_argument("--dump", type=Path, help="with --rules: the analyses as JSON lines")
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"{DATA} is missing: ../shared must sit beside the project")
        return 1
    if args.rules:
        rules(args.rounds, args.dump)
        return 0
    config = Config()
    articles = load_articles(args.articles)
    load_nlp(config.spacy_model)
    words = sum(len(a.text.split()) for a in articles) / len(articles)
    print(f"{len(articles)} PolNeAR articles ({words:.0f} words on average), "
          f"model {config.spacy_model}, batch {config.batch_size}")  # fmt: skip
    ratios = []
    for n in range(args.rounds):
        one = measure(articles, config, 1)
        many = measure(articles, config, args.workers)
        ratios.append(many / one)
        print(f"  round {n + 1}: 1 process {one:.1f} articles/s, {args.workers} processes "
              f"{many:.1f} articles/s, ratio {many / one:.2f}x")  # fmt: skip
    print(f"median ratio {statistics.median(ratios):.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""A readable digest of the story comparison on the seeds and the demo, to judge its noise.

For each corpus: group counts by status, every discrepancy, the corroborated figures with whom
each outlet credits them, the shared quotes, the number of unique passages and the summary.
The seeds are built as the cleaning stage would (title line dropped, 000's disclaimer and 002's
"Read also" list cut); the demo goes through the whole ingest pipeline.

    .venv/bin/python bench/compare.py [--corpus seeds|demo|all]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SHARED  # noqa: E402

from crosswire import api  # noqa: E402
from crosswire.analyze import analyze_articles  # noqa: E402
from crosswire.compare import compare_story  # noqa: E402
from crosswire.compare.claims import claims_table  # noqa: E402
from crosswire.compare.summary import summarize  # noqa: E402
from crosswire.config import Config  # noqa: E402
from crosswire.pipeline import ingest_paths  # noqa: E402
from crosswire.records import Analysis, Article, Comparison  # noqa: E402
from crosswire.store import open_store  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEEDS = {
    "000_766263e9e71120bd.txt": ("EIN Presswire", "Legal Disclaimer:"),
    "002_8c6eb2e9bafba9e5.txt": ("outlet-002", "Read also"),
    "003_77d83ad36e3cf0cd.txt": ("outlet-003", None),
}


def seed_story() -> tuple[list[Article], dict[str, Analysis]]:
    articles = []
    for name, (outlet, cut) in SEEDS.items():
        raw = (SHARED / "corpus" / "seeds" / name).read_text(encoding="utf-8")
        lines = raw.split("\n")
        title = None
        if len(lines[0]) < 120 and not lines[0].rstrip().endswith("."):
            title, lines = lines[0], lines[1:]
        text = "\n".join(lines)
        if cut:
            text = text[: text.index("\n" + cut)]
        articles.append(Article(id=name[:3], source=name, text=text.strip(), raw=raw,
                                title=title, outlet=outlet))
    return articles, {a.article: a for a in analyze_articles(articles)}


def demo_story() -> tuple[list[Article], dict[str, Analysis]]:
    store = open_store(":memory:")
    ingest_paths([ROOT / "examples" / "demo"], Config(progress=False), store)
    _, articles, analyses = api.load_story(store, api.largest_story(store))
    store.close()
    return articles, analyses


def _short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def digest(name: str, articles: list[Article], analyses: dict[str, Analysis]) -> None:
    began = time.perf_counter()
    comparison: Comparison = compare_story(articles[0].id, articles, analyses)
    seconds = time.perf_counter() - began
    outlet = {a.id: a.outlet or a.id for a in articles}
    quotes = Counter(g.status for g in comparison.quotes)
    figures = Counter(g.status for g in comparison.figures)
    print(f"\n=== {name}: {len(articles)} articles, compared in {seconds * 1000:.0f} ms")
    print(f"quote groups: {len(comparison.quotes)} {dict(quotes)}")
    print(f"figure groups: {len(comparison.figures)} {dict(figures)}")
    print(f"unique passages: {len(comparison.unique)} "
          f"{dict(Counter(outlet[u.article] for u in comparison.unique))}")
    print(f"discrepancies: {len(comparison.discrepancies)}")
    for d in comparison.discrepancies:
        print(f"  [{d.kind}] {_short(d.summary, 160)}")
    print("corroborated figures (outlet: credited source):")
    for row in claims_table(comparison, articles, analyses, status="corroborated"):
        if row["kind"] == "figure":
            credited = ", ".join(f"{o}: {s or '-'}" for o, s in row["credited"].items())
            print(f"  {_short(row['claim'], 80)}  [{credited}]")
    print("shared quotes:")
    for g in comparison.quotes:
        if len(g.outlets) >= 2:
            print(f"  {g.status} {g.speaker or '(no speaker)'} x{len(g.variants)}: "
                  f"{_short(g.variants[0].text, 80)}")
    print("summary:")
    for line in summarize(comparison, articles, analyses):
        print(f"  ({line.status}, {len(line.outlets)} outlets) {_short(line.text, 120)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", choices=("seeds", "demo", "all"), default="all")
    args = ap.parse_args()
    if args.corpus in ("seeds", "all"):
        digest("seeds", *seed_story())
    if args.corpus in ("demo", "all"):
        digest("demo (examples/demo)", *demo_story())


if __name__ == "__main__":
    main()

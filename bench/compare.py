"""A readable digest of the story comparison on the seeds and the demo, to judge its noise.

For each corpus: group counts by status, every discrepancy, the corroborated figures with whom
each outlet credits them, the shared quotes, the number of unique passages and the summary.
The seeds are built as the cleaning stage would (title line dropped, 000's disclaimer and 002's
"Read also" list cut); the demo goes through the whole ingest pipeline.

``--semeval`` judges the comparison on real pairs instead: the English-English pairs of
SemEval-2022 Task 8 that people rated the same story (Overall <= ``--max-overall``), each pair
ingested as news-please JSON Lines into its own database and compared as one story whatever
the grouping decided. The digest lists, per pair, every discrepancy with both sides'
sentences, the corroborated figures and shared quotes, and with ``--verbose`` each article's
clean text, figures and claims, so that misses can be spotted too.

``--recession`` compares one week of real coverage (``../shared/data/compare/recession``, 37
outlets) as one chosen set, as ``crosswire compare`` would: it ingests the news-please file
into a fresh database (the pages that are walls or widgets become errors), compares every
stored article as one set, and prints what a reader needs to judge it: the pages refused, the
copies found and how, every discrepancy with its confidence, why, sides and whether the report
folds it, and every corroborated item with the independent origins it names. It checks that
the cluster's three copies (a partial syndicated op-ed on a second local site; the national
piece quoting that op-ed; a synonym-spun scrape) are found.

    .venv/bin/python bench/compare.py [--corpus seeds|demo|all]
    .venv/bin/python bench/compare.py --semeval [--max-overall 2.0] [--verbose] [--out FILE]
    .venv/bin/python bench/compare.py --recession [--out FILE]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import nullcontext, redirect_stdout
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SEMEVAL_PAIRS, SHARED  # noqa: E402

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




def semeval_pairs(max_overall: float) -> list[dict[str, str]]:
    """English-English pairs people rated as (mostly) the same story, most similar first."""
    csv.field_size_limit(1 << 30)
    with SEMEVAL_PAIRS.open(encoding="utf-8", newline="") as fh:
        rows = [
            r for r in csv.DictReader(fh)
            if r["lang1"] == "en" and r["lang2"] == "en" and float(r["Overall"]) <= max_overall
        ]
    return sorted(rows, key=lambda r: (float(r["Overall"]), r["pair_id"]))


def newsplease_record(article_id: str, text: str) -> dict[str, str | None]:
    """A news-please record for one SemEval text: the title is what precedes the first double
    space, when there is one (the source glued title and text together)."""
    text = text.strip()
    title, sep, body = text.partition("  ")
    if not sep:
        title, body = "", text
    return {"id": article_id, "title": title.strip() or None, "maintext": body.strip(),
            "source_domain": f"outlet-{article_id}"}


def pair_story(row: dict[str, str]) -> tuple[list[Article], dict[str, Analysis], list[str]]:
    """Both articles of a pair ingested into a fresh database; notes say what grouping and
    de-duplication decided (the comparison runs on the pair whatever they decided)."""
    ids = row["pair_id"].split("_")
    notes: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{row['pair_id']}.jsonl"
        records = [newsplease_record(ids[0], row["text1"]), newsplease_record(ids[1], row["text2"])]
        path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
        store = open_store(str(Path(tmp) / "pair.db"))
        ingest_paths([path], Config(db=str(Path(tmp) / "pair.db"), progress=False), store)
        articles = list(store.iter_articles())
        analyses = {a.id: an for a in articles if (an := store.get_analysis(a.id)) is not None}
        store.close()
    if len({a.story for a in articles}) > 1:
        notes.append("grouping split the pair")
    notes += [f"{a.outlet} is a copy of {a.duplicate_of}" for a in articles if a.duplicate_of]
    notes += [f"no analysis for {a.outlet}" for a in articles if a.id not in analyses]
    if len(articles) < 2:
        notes.append("only one article stored (exact duplicate)")
    return articles, analyses, notes


def _pair_tally(comparison: Comparison) -> Counter[str]:
    tally: Counter[str] = Counter(d.kind for d in comparison.discrepancies)
    tally["corroborated figures"] = sum(g.status == "corroborated" for g in comparison.figures)
    tally["shared quotes"] = sum(len(g.outlets) >= 2 for g in comparison.quotes)
    return tally


def _print_article(article: Article, analysis: Analysis | None) -> None:
    print(f"  --- {article.outlet}: {article.title or '(no title)'}")
    print("  " + " ".join(article.text.split()))
    if analysis is None:
        return
    for f in analysis.figures:
        print(f"    figure {f.text!r} = {f.value:g} {f.unit or ''} {f.qualifier or ''} "
              f"counts: {f.counts}")
    for c in analysis.claims:
        print(f"    claim {c.kind}: {c.value} ({c.text!r})")
    for q in analysis.quotes:
        print(f"    quote [{q.kind}] {q.speaker or '-'}: {_short(q.text, 90)}")


def semeval_digest(rows: list[dict[str, str]], verbose: bool) -> Iterator[Counter[str]]:
    """Print one block per pair and yield its tally."""
    for row in rows:
        articles, analyses, notes = pair_story(row)
        comparison = compare_story(row["pair_id"], articles, analyses)
        outlet = {a.id: a.outlet or a.id for a in articles}
        print(f"\n=== pair {row['pair_id']} (Overall {float(row['Overall']):.2f})"
              + (f" [{'; '.join(notes)}]" if notes else ""))
        print(f"quote groups: {dict(Counter(g.status for g in comparison.quotes))}; "
              f"figure groups: {dict(Counter(g.status for g in comparison.figures))}; "
              f"unique passages: {len(comparison.unique)}")
        print(f"discrepancies: {len(comparison.discrepancies)}")
        for d in comparison.discrepancies:
            print(f"  [{d.kind}] {d.summary}")
            for side in d.sides:
                print(f"    {outlet.get(side.article, side.article)}: "
                      f"{' '.join(side.text.split())}")
        for g in comparison.figures:
            if g.status == "corroborated":
                print(f"  corroborated figure {g.value:g} {g.unit or ''}: {g.counts}")
        for g in comparison.quotes:
            if len(g.outlets) >= 2:
                print(f"  shared quote ({g.status}) {g.speaker or '(no speaker)'}: "
                      f"{_short(g.variants[0].text, 90)}")
        if verbose:
            for article in articles:
                _print_article(article, analyses.get(article.id))
        yield _pair_tally(comparison)


def run_semeval(max_overall: float, verbose: bool, out: Path | None) -> None:
    rows = semeval_pairs(max_overall)
    began = time.perf_counter()
    total: Counter[str] = Counter()
    sink = out.open("w", encoding="utf-8") if out else nullcontext(sys.stdout)
    with sink as fh, redirect_stdout(fh):
        print(f"SemEval-2022 Task 8, English pairs with Overall <= {max_overall}: {len(rows)}")
        for tally in semeval_digest(rows, verbose):
            total.update(tally)
    seconds = time.perf_counter() - began
    kinds = {k: v for k, v in sorted(total.items()) if "figures" not in k and "quotes" not in k}
    print(f"{len(rows)} pairs (Overall <= {max_overall}) in {seconds:.0f} s; "
          f"discrepancies {sum(kinds.values())} {kinds}; "
          f"corroborated figures {total['corroborated figures']}; "
          f"shared quotes {total['shared quotes']}" + (f"; digest in {out}" if out else ""))


RECESSION = SHARED / "data" / "compare" / "recession" / "articles.jsonl"


def _recession_checks(articles: list[Article], comparison: Comparison) -> list[tuple[str, bool]]:
    """The cluster's three copies, by what the README says of them."""
    by_outlet = {a.outlet: a.id for a in articles}
    copied = {
        copy: origin.articles[0] for origin in comparison.origins for copy in origin.articles[1:]
    }
    wilcox = [
        g for g in comparison.figures + comparison.quotes
        if "cnn.com" in g.outlets and "kesq.com" in g.outlets
    ]
    return [
        ("partial op-ed: erienewsnow.com copies kesq.com",
         copied.get(by_outlet.get("erienewsnow.com")) == by_outlet.get("kesq.com")),
        ("synonym-spun scrape: globalonlinemony.com copies nytimes.com",
         any(copied.get(a.id) and a.outlet == "globalonlinemony.com" for a in articles)
         and {a.outlet for a in articles if a.id in set(copied.values())} >= {"nytimes.com"}),
        ("quoted op-ed: items cnn.com shares with kesq.com count one origin",
         bool(wilcox) and all(not {"cnn.com", "kesq.com"} <= set(g.origins) for g in wilcox)),
    ]


def run_recession(out: Path | None) -> None:
    from crosswire.compare.rank import weak

    sink = out.open("w", encoding="utf-8") if out else nullcontext(sys.stdout)
    with tempfile.TemporaryDirectory() as tmp, sink as fh, redirect_stdout(fh):
        db = str(Path(tmp) / "recession.db")
        store = open_store(db)
        began = time.perf_counter()
        report = ingest_paths([RECESSION], Config(db=db, progress=False), store)
        ingest_seconds = time.perf_counter() - began
        began = time.perf_counter()
        _, articles, comparison = api.compare_articles(store, [a.id for a in store.iter_articles()])
        seconds = time.perf_counter() - began
        store.close()
        label = {a.id: a.outlet or a.id for a in articles}
        print(f"recession cluster: {report.files} file, {len(report.added)} articles stored, "
              f"{len(report.errors)} refused (ingest {ingest_seconds:.0f} s); "
              f"compared as one set in {seconds:.1f} s")
        for e in report.errors:
            print(f"  refused {e.code}: {e.message}")
        copies = [o for o in comparison.origins if len(o.articles) > 1]
        print(f"\n{len(articles)} articles, {len(comparison.origins)} independent origins; "
              f"copies:")
        for origin in copies:
            for how in origin.evidence:
                print(f"  {how}")
        shown = [d for d in comparison.discrepancies if not weak(d)]
        print(f"\ndiscrepancies: {len(comparison.discrepancies)}, {len(shown)} listed, "
              f"{len(comparison.discrepancies) - len(shown)} folded (ranked, most certain first)")
        for n, d in enumerate(comparison.discrepancies):
            mark = "folded" if weak(d) else "listed"
            print(f"  D{n} {mark} {d.confidence:.2f} [{d.kind}] {d.summary}")
            print(f"      why: {d.why}")
            for side in d.sides:
                print(f"      {label.get(side.article)}: {_short(side.text, 200)}")
        corroborated = [g for g in comparison.figures + comparison.quotes
                        if g.status == "corroborated"]
        print(f"\ncorroborated items: {len(corroborated)}")
        for g in comparison.figures:
            if g.status == "corroborated":
                print(f"  figure {g.value:g} {g.unit or ''} ({g.counts or '?'}): "
                      f"origins {', '.join(g.origins)}")
                for m in g.mentions:
                    print(f"      {label.get(m.article)}: {_short(m.text, 60)}")
        for g in comparison.quotes:
            if g.status == "corroborated":
                print(f"  quote {g.speaker or '(no speaker)'}: origins {', '.join(g.origins)}")
                for v in g.variants:
                    print(f"      {label.get(v.article)}: {_short(v.text, 120)}")
        resting = [g for g in comparison.figures + comparison.quotes
                   if len(g.outlets) >= 2 and len(g.origins) < len(g.outlets)]
        print(f"\nitems whose outlets are fewer origins: {len(resting)}")
        for g in resting:
            print(f"  {g.status}: outlets {', '.join(g.outlets)} -> origins {', '.join(g.origins)}")
        print("\nchecks:")
        for name, ok in _recession_checks(articles, comparison):
            print(f"  {'ok  ' if ok else 'FAIL'} {name}")
    if out:
        print(f"recession digest in {out}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", choices=("seeds", "demo", "all"), default="all")
    ap.add_argument("--semeval", action="store_true", help="judge SemEval same-story pairs")
    ap.add_argument("--max-overall", type=float, default=1.5,
                    help="pairs rated at most this (1 = same story, 4 = unrelated)")
    ap.add_argument("--verbose", action="store_true", help="print texts and extractions")
    ap.add_argument("--recession", action="store_true",
                    help="the recession cluster compared as one set")
    ap.add_argument("--out", type=Path, help="write the SemEval or recession digest here")
    args = ap.parse_args()
    if args.recession:
        run_recession(args.out)
        return
    if args.semeval:
        run_semeval(args.max_overall, args.verbose, args.out)
        return
    if args.corpus in ("seeds", "all"):
        digest("seeds", *seed_story())
    if args.corpus in ("demo", "all"):
        digest("demo (examples/demo)", *demo_story())


if __name__ == "__main__":
    main()

"""HTML extraction quality: crosswire (read_html + clean_text) against plain trafilatura.

Body: the Zyte article-extraction dev pages (4-gram shingle F1, precision, recall, accuracy,
pages/s). Metadata: trafilatura's eval pages (exact match of title, author, date). Both
systems run in the same process on the same pages, so the ratios are like for like.

    .venv/bin/python bench/extraction.py            # full run
    .venv/bin/python bench/extraction.py --limit 30 # quick run
    .venv/bin/python bench/extraction.py --show 10  # also list the worst body pages
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction_metric import (  # noqa: E402
    EXTRACTION,
    BodyScore,
    MetaPage,
    PageScore,
    ZytePage,
    body_score,
    meta_pages,
    score_page,
    tally_meta,
    zyte_pages,
)

from crosswire.clean import clean_text  # noqa: E402
from crosswire.clean.rules import Rules, load_rules  # noqa: E402
from crosswire.errors import CrosswireError  # noqa: E402
from crosswire.ingest.decode import decode_text  # noqa: E402
from crosswire.ingest.html import declared_charset, read_html  # noqa: E402

RULES: Rules | None = None  # --rules: measure a proposed rules.json against the current one


def crosswire_body(page: ZytePage) -> str:
    try:
        item = read_html(page.id, page.html, url=page.url)
    except CrosswireError:
        return ""
    return clean_text(item.body, RULES).text


def trafilatura_body(page: ZytePage) -> str:
    return trafilatura.extract(page.html, include_comments=False) or ""


def run_body(
    pages: list[ZytePage], extract: Callable[[ZytePage], str]
) -> tuple[BodyScore, list[PageScore], float]:
    start = time.perf_counter()
    outputs = [extract(p) for p in pages]
    rate = len(pages) / (time.perf_counter() - start)
    scores = [score_page(out, p.gold) for out, p in zip(outputs, pages, strict=True)]
    return body_score(scores), scores, rate


def page_text(page: MetaPage) -> str:
    return decode_text(page.html, declared_charset(page.html))


def crosswire_meta(page: MetaPage) -> tuple[str, list[str], str]:
    try:
        item = read_html(page.url, page_text(page), url=page.url)
    except CrosswireError:
        return "", [], ""
    return item.title or "", item.authors, item.published or ""


def trafilatura_meta(page: MetaPage) -> tuple[str, str, str]:
    doc = trafilatura.bare_extraction(page_text(page), with_metadata=True, url=page.url)
    if doc is None:
        return "", "", ""
    return doc.title or "", doc.author or "", doc.date or ""


def ratio(ours: float, base: float) -> str:
    return f"x{ours / base:.3f}" if base else "x-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N pages of each set")
    parser.add_argument("--show", type=int, default=0, help="list the N worst crosswire pages")
    parser.add_argument("--skip-meta", action="store_true", help="body benchmark only")
    parser.add_argument("--skip-body", action="store_true", help="metadata benchmark only")
    parser.add_argument("--rules", type=Path, help="clean with this rules.json (a proposal)")
    args = parser.parse_args()
    if not EXTRACTION.is_dir():
        sys.exit(f"no evaluation data at {EXTRACTION.resolve()}")

    if args.rules:
        global RULES
        RULES = load_rules(args.rules.resolve())
        print(f"boilerplate rules: {args.rules}")
    if not args.skip_body:
        bench_body(args.limit, args.show)
    if not args.skip_meta:
        bench_meta(args.limit)


def bench_body(limit: int | None, show: int) -> None:
    pages = zyte_pages(limit)
    base, _, base_rate = run_body(pages, trafilatura_body)
    ours, our_pages, our_rate = run_body(pages, crosswire_body)
    print(f"Body extraction, Zyte dev pages: {len(pages)}")
    print(f"{'':12} {'F1':>6} {'P':>6} {'R':>6} {'acc':>6} {'pages/s':>8}")
    for name, s, rate in (("trafilatura", base, base_rate), ("crosswire", ours, our_rate)):
        print(
            f"{name:12} {s.f1:6.3f} {s.precision:6.3f} {s.recall:6.3f} {s.accuracy:6.3f} "
            f"{rate:8.1f}"
        )
    print(
        f"{'ratio':12} {ratio(ours.f1, base.f1):>6} {ratio(ours.precision, base.precision):>6} "
        f"{ratio(ours.recall, base.recall):>6} {ratio(ours.accuracy, base.accuracy):>6} "
        f"{ratio(our_rate, base_rate):>8}"
    )
    if show:
        worst = sorted(zip(our_pages, pages, strict=True), key=lambda x: x[0].precision)
        for s, p in worst[:show]:
            print(f"  {p.id} P={s.precision:.3f} R={s.recall:.3f} {p.url}")


def bench_meta(limit: int | None) -> None:
    meta = list(meta_pages(limit))
    start = time.perf_counter()
    base_meta = tally_meta(meta, trafilatura_meta)
    base_rate = len(meta) / (time.perf_counter() - start)
    start = time.perf_counter()
    our_meta = tally_meta(meta, crosswire_meta)
    our_rate = len(meta) / (time.perf_counter() - start)
    print(f"\nMetadata exact match, trafilatura eval pages: {len(meta)}")
    print(f"{'':12} {'title':>18} {'author':>18} {'date':>18} {'pages/s':>8}")
    for name, t, rate in (
        ("trafilatura", base_meta, base_rate),
        ("crosswire", our_meta, our_rate),
    ):
        cells = " ".join(f"{t.line(f):>18}" for f in ("title", "author", "date"))
        print(f"{name:12} {cells} {rate:8.1f}")
    cells = " ".join(
        f"{ratio(our_meta.rate(f), base_meta.rate(f)):>18}" for f in ("title", "author", "date")
    )
    print(f"{'ratio':12} {cells} {ratio(our_rate, base_rate):>8}")


if __name__ == "__main__":
    main()

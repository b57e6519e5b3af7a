"""Eval gate: HTML extraction quality must not fall below pinned floors on fixed samples.

The samples are the first 30 Zyte dev pages by id (body: 4-gram shingle F1) and the first 100
trafilatura eval pages with metadata gold (exact-match title, author, date), read from
../shared/data/extraction. The floors sit a little below what read_html reaches (see
docs/benchmarks.md, "Extraction"); bench/extraction.py gives the full figures.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from helpers import shared_path

# The metric is shared with the benchmark script, which lives outside the package.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from extraction_metric import (  # noqa: E402
    MetaPage,
    ZytePage,
    body_score,
    meta_pages,
    score_page,
    tally_meta,
    zyte_pages,
)

from crosswire.clean import clean_text  # noqa: E402
from crosswire.errors import CrosswireError  # noqa: E402
from crosswire.ingest.decode import decode_text  # noqa: E402
from crosswire.ingest.html import declared_charset, read_html  # noqa: E402

BODY_PAGES = 30
META_PAGES = 100
# Reached when pinned: F1 0.962, precision 0.957 (trafilatura alone 0.955); title 79.2%,
# author 66.1%, date 94.8% (trafilatura alone 59.4%, 46.4%, 94.8%; the date rules' gain lies
# beyond these 100 pages: 87.6% vs 86.5% on all 728, see docs/benchmarks.md).
FLOOR_F1 = 0.95
FLOOR_PRECISION = 0.945
FLOOR_TITLE = 0.76
FLOOR_AUTHOR = 0.63
FLOOR_DATE = 0.92


@pytest.fixture(scope="module")
def data() -> Path:
    return shared_path("data", "extraction")


def body(page: ZytePage) -> str:
    try:
        return clean_text(read_html(page.id, page.html, url=page.url).body).text
    except CrosswireError:
        return ""


def meta(page: MetaPage) -> tuple[str, list[str], str]:
    html = decode_text(page.html, declared_charset(page.html))
    try:
        item = read_html(page.url, html, url=page.url)
    except CrosswireError:
        return "", [], ""
    return item.title or "", item.authors, item.published or ""


def test_body_extraction_floor(data: Path) -> None:
    pages = zyte_pages(BODY_PAGES)
    assert len(pages) == BODY_PAGES
    score = body_score(score_page(body(p), p.gold) for p in pages)
    assert score.f1 >= FLOOR_F1, score
    assert score.precision >= FLOOR_PRECISION, score


def test_metadata_floor(data: Path) -> None:
    tally = tally_meta(meta_pages(META_PAGES), meta)
    assert tally.totals["title"] > 80
    assert tally.rate("title") >= FLOOR_TITLE, tally.line("title")
    assert tally.rate("author") >= FLOOR_AUTHOR, tally.line("author")
    assert tally.rate("date") >= FLOOR_DATE, tally.line("date")

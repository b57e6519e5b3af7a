"""Scoring and data loading for the extraction benchmark (bench/extraction.py) and its test gate.

The body metric is the one the Zyte article-extraction benchmark defines (4-gram token shingle
multisets, macro-averaged precision and recall); the metadata metric is exact match after
whitespace normalisation, as in trafilatura's own evaluation. Both read the evaluation data from
../shared/data/extraction, never from the repository.
"""

from __future__ import annotations

import gzip
import json
import re
import tarfile
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

EXTRACTION = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "extraction"
ZYTE = EXTRACTION / "zyte-dev"
TRAF_EVAL = EXTRACTION / "trafilatura-eval"

_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(toks: list[str], n: int = 4) -> Counter[tuple[str, ...]]:
    """The multiset of n-grams; a text shorter than n tokens is a single shorter shingle."""
    if len(toks) < n:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


@dataclass(slots=True, frozen=True)
class PageScore:
    """One page's normalised TP/FP/FN and whether its token list equals the gold one."""

    tp: float
    fp: float
    fn: float
    exact: bool

    @property
    def precision(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0


def score_page(predicted: str, gold: str) -> PageScore:
    pred_toks, gold_toks = tokens(predicted), tokens(gold)
    pred, ref = shingles(pred_toks), shingles(gold_toks)
    tp = sum(min(count, pred[key]) for key, count in ref.items())
    fp = sum(max(0, count - ref[key]) for key, count in pred.items())
    fn = sum(max(0, count - pred[key]) for key, count in ref.items())
    total = tp + fp + fn
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    return PageScore(tp, fp, fn, pred_toks == gold_toks)


@dataclass(slots=True, frozen=True)
class BodyScore:
    precision: float
    recall: float
    f1: float
    accuracy: float
    pages: int


def body_score(pages: Iterable[PageScore]) -> BodyScore:
    """Macro average: precision over pages that predicted something, recall over pages with
    gold text, F1 of those two means."""
    scores = list(pages)
    precisions = [s.precision for s in scores if s.tp + s.fp > 0]
    recalls = [s.recall for s in scores if s.tp + s.fn > 0]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    accuracy = sum(s.exact for s in scores) / len(scores) if scores else 0.0
    return BodyScore(p, r, f1, accuracy, len(scores))


@dataclass(slots=True, frozen=True)
class ZytePage:
    id: str
    url: str
    html: str
    gold: str


def zyte_pages(limit: int | None = None) -> list[ZytePage]:
    """Zyte dev pages sorted by id (a fixed sample when ``limit`` is given)."""
    truth = json.loads((ZYTE / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth)[:limit]:
        html = gzip.decompress((ZYTE / "html" / f"{page_id}.html.gz").read_bytes())
        entry = truth[page_id]
        pages.append(ZytePage(page_id, entry["url"], html.decode("utf-8"), entry["articleBody"]))
    return pages


def normalise(value: str | None) -> str:
    return " ".join((value or "").split())


# How the gold joins several authors varies by page (", ", " und ", "; "...); a list of names is
# scored by joining it the way its gold does, so the score measures the names, not the join.
_JOINS = ("; ", " und ", " and ", " & ", " / ", ", ")


def join_like(gold: str, names: list[str]) -> str:
    """``names`` joined with the separator the gold string uses ("; " when it has none)."""
    sep = next((j for j in _JOINS if j in gold), "; ")
    return sep.join(names)


@dataclass(slots=True, frozen=True)
class MetaPage:
    url: str
    html: bytes
    title: str
    author: str
    date: str


@dataclass(slots=True)
class MetaTally:
    """Exact-match counts per field, counted only where the gold value is non-empty."""

    hits: Counter[str]
    totals: Counter[str]

    def rate(self, name: str) -> float:
        return self.hits[name] / self.totals[name] if self.totals[name] else 0.0

    def line(self, name: str) -> str:
        return f"{self.rate(name):6.1%} ({self.hits[name]}/{self.totals[name]})"


def meta_pages(limit: int | None = None) -> Iterator[MetaPage]:
    """trafilatura-eval pages with title/author/date gold, in evaldata order.

    The tarball is unpacked into a temporary directory for the duration of the iteration;
    a file is looked up in ``cache/`` first, then ``eval/``, as trafilatura's tests do.
    """
    data = json.loads((TRAF_EVAL / "evaldata.json").read_text(encoding="utf-8"))
    entries = [(url, e) for url, e in data.items() if {"title", "author", "date"} & e.keys()]
    with tempfile.TemporaryDirectory(prefix="crosswire-extraction-") as tmp:
        wanted = {f"{d}/{e['file']}" for _, e in entries[:limit] for d in ("cache", "eval")}
        with tarfile.open(TRAF_EVAL / "html.tar.gz") as tar:
            members = [m for m in tar.getmembers() if m.name in wanted]
            tar.extractall(tmp, members=members, filter="data")
        root = Path(tmp)
        for url, entry in entries[:limit]:
            path = root / "cache" / entry["file"]
            if not path.exists():
                path = root / "eval" / entry["file"]
            if not path.exists():
                continue
            yield MetaPage(
                url,
                path.read_bytes(),
                entry.get("title") or "",
                _as_text(entry.get("author")),
                entry.get("date") or "",
            )


def _as_text(value: str | list[str] | None) -> str:
    # A few gold entries list several authors; trafilatura joins them with "; ".
    return "; ".join(value) if isinstance(value, list) else value or ""


def tally_meta(
    pages: Iterable[MetaPage],
    extract: Callable[[MetaPage], tuple[str, str | list[str], str]],
) -> MetaTally:
    """Exact matches of ``extract(page) -> (title, author, date)`` against the gold; an author
    list is joined like its gold (see :func:`join_like`)."""
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for page in pages:
        got = extract(page)
        for name, gold, value in zip(
            ("title", "author", "date"), (page.title, page.author, page.date), got, strict=True
        ):
            if not normalise(gold):
                continue
            totals[name] += 1
            if isinstance(value, list):
                value = join_like(gold, value)
            hits[name] += normalise(gold) == normalise(value)
    return MetaTally(hits, totals)

"""Figure extraction: precision/recall against a hand-annotated sample, beside quantulum3.

The sample (bench/data/figures.json, offsets only) covers sentences containing a digit in 25
PolNeAR dev articles and the seeds; both extractors are scored only inside those sentences.
A prediction matches a gold figure when their spans overlap (one-to-one, first come first
served), so "less than 1%" and "1%" match whatever the boundary convention; value accuracy is
the share of matched pairs whose normalised values agree.

quantulum3 (``pip install quantulum3``; unit classifier off, see below) reports any number,
years included; both extractors' bare years (an integer from
1500 to 2099 without scale or unit) are dropped before scoring, since the annotation excludes
years and crosswire compares them as dates. ``--raw`` scores quantulum3 without that filter.

    .venv/bin/python bench/figures.py [--raw] [--errors]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SHARED  # noqa: E402

from crosswire.analyze.figures import extract_figures  # noqa: E402
from crosswire.analyze.nlp import load_nlp  # noqa: E402
from crosswire.config import Config  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "figures.json"
_YEAR = re.compile(r"(?:1[5-9]\d\d|20\d\d)")


@dataclass(slots=True)
class Span:
    start: int
    end: int
    value: float
    text: str = ""


def load_texts() -> dict[str, str]:
    texts: dict[str, str] = {}
    polnear = SHARED / "data" / "quotes" / "polnear" / "dev.jsonl"
    with polnear.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            texts[f"polnear-dev:{row['id']}"] = row["text"]
    for path in (SHARED / "corpus" / "seeds").glob("*.txt"):
        texts[f"seeds:{path.name}"] = path.read_text(encoding="utf-8")
    return texts


def _inside(start: int, regions: list[list[int]]) -> bool:
    return any(a <= start < b for a, b in regions)


def crosswire_spans(nlp, text: str, regions: list[list[int]]) -> list[Span]:
    found = extract_figures(nlp(text), [])
    return [
        Span(f.start, f.end, f.value, f.text)
        for f in found
        if f.unit != "year" and _inside(f.start, regions)
    ]


def quantulum_spans(text: str, regions: list[list[int]], raw: bool) -> list[Span]:
    from quantulum3 import classifier, parser

    # Its pickled unit classifier does not load under this scikit-learn; it then disambiguates
    # units by word frequencies, its documented fallback without scikit-learn.
    classifier.USE_CLF = False

    spans = []
    for a, b in regions:
        for q in parser.parse(text[a:b]):
            start, end = a + q.span[0], a + q.span[1]
            surface = text[start:end]
            if not raw and q.unit.name == "dimensionless" and _YEAR.fullmatch(surface.strip()):
                continue
            spans.append(Span(start, end, float(q.value), surface))
    return spans


def match(pred: list[Span], gold: list[Span]) -> list[tuple[Span, Span]]:
    pairs, used = [], set()
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and p.start < g.end and g.start < p.end:
                used.add(i)
                pairs.append((p, g))
                break
    return pairs


@dataclass(slots=True)
class Score:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0
    value_ok: int = 0
    seconds: float = 0.0

    def line(self, name: str) -> str:
        p = self.tp / self.n_pred if self.n_pred else 0.0
        r = self.tp / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        acc = self.value_ok / self.tp if self.tp else 0.0
        return (
            f"{name:<12} P={p:.3f} R={r:.3f} F1={f:.3f}  value acc={acc:.3f} "
            f"({self.value_ok}/{self.tp})  pred={self.n_pred} gold={self.n_gold}  "
            f"{self.seconds:.1f}s"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--raw", action="store_true", help="score quantulum3 with its years")
    ap.add_argument("--errors", action="store_true", help="print misses and false alarms")
    args = ap.parse_args()
    data = json.loads(DATA.read_text(encoding="utf-8"))
    texts = load_texts()
    nlp = load_nlp(Config().spacy_model)
    scores = {"crosswire": Score(), "quantulum3": Score()}
    n_regions = 0
    for doc in data["docs"]:
        text, regions = texts[doc["doc"]], doc["regions"]
        n_regions += len(regions)
        gold = [Span(g["start"], g["end"], g["value"], text[g["start"] : g["end"]])
                for g in doc["figures"]]
        for name, extract in (
            ("crosswire", lambda t=text, r=regions: crosswire_spans(nlp, t, r)),
            ("quantulum3", lambda t=text, r=regions: quantulum_spans(t, r, args.raw)),
        ):
            began = time.perf_counter()
            pred = extract()
            score = scores[name]
            score.seconds += time.perf_counter() - began
            pairs = match(pred, gold)
            score.tp += len(pairs)
            score.n_pred += len(pred)
            score.n_gold += len(gold)
            score.value_ok += sum(math.isclose(p.value, g.value, rel_tol=1e-6) for p, g in pairs)
            if args.errors:
                matched_p = {id(p) for p, _ in pairs}
                matched_g = {id(g) for _, g in pairs}
                for p in pred:
                    if id(p) not in matched_p:
                        print(f"  {name} false alarm: {p.text!r} ({doc['doc'][:40]})")
                for g in gold:
                    if id(g) not in matched_g:
                        print(f"  {name} miss: {g.text!r} ({doc['doc'][:40]})")
                for p, g in pairs:
                    if not math.isclose(p.value, g.value, rel_tol=1e-6):
                        print(f"  {name} value: {p.text!r}={p.value:g} gold {g.value:g}")
    print(f"figures: {len(data['docs'])} documents, {n_regions} sentences, "
          f"{scores['crosswire'].n_gold} gold figures (years excluded)")
    for name, score in scores.items():
        print(score.line(name))


if __name__ == "__main__":
    main()

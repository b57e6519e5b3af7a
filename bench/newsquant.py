"""Figure extraction on NewsQuant (news sentences with every quantity annotated), beside quantulum3.

Metric of CQE_Evaluation (``evaluate_models.calculate_metrics``): per sentence, a gold quantity
is found when a prediction's value is numerically equal (a range as its pair of ends), matched
one to one; value+unit also needs the normalised unit, value+change the change (``=``, ``~``,
``>``, ``<``, ``up``, ``down``). Precision, recall and F1 are pooled over all sentences.
crosswire's units are mapped to NewsQuant's names by ``UNIT_NAMES`` and ``currency_name`` ("%"
to percentage, a bare number to "-"), a count to the name of what it counts (``Figure.noun``,
"heart transplant"); a bound or hedge is NewsQuant's change before a rise or fall (it
annotates "up about 19 per cent" as "~"); a share in words ("a third of the population") is
a fraction with unit "% <noun>", as NewsQuant writes it; quantulum3's unit names are its own,
which NewsQuant's normalisation follows. Bare years (crosswire's unit "year", quantulum3's
dimensionless 1500-2099) are dropped on both sides, as NewsQuant does not annotate dates.

    .venv/bin/python bench/newsquant.py [--limit N] [--errors] [--floor]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SHARED  # noqa: E402

from crosswire.analyze.figures import extract_quantities  # noqa: E402
from crosswire.analyze.figures.currencies import currency_codes, currency_name  # noqa: E402
from crosswire.analyze.figures.extract import is_fraction_word  # noqa: E402
from crosswire.analyze.figures.units import unit_names  # noqa: E402
from crosswire.analyze.nlp import load_nlp  # noqa: E402
from crosswire.config import Config  # noqa: E402
from crosswire.records import Figure  # noqa: E402

DATA = SHARED / "data" / "figures" / "newsquant" / "dev.json"
_YEAR = re.compile(r"(?:1[5-9]\d\d|20\d\d)")
# crosswire's names where NewsQuant's differ; currencies are named by currencies.json.
UNIT_NAMES = {"%": "percentage", "pence": "point", "times": "count", None: "-"}
FLOORS = {"value": 0.90, "value+unit": 0.80}


@dataclass(slots=True)
class Quantity:
    value: tuple[float, ...]
    unit: str
    change: str
    text: str = ""


@dataclass(slots=True)
class Score:
    tp: dict[str, int] = field(default_factory=lambda: {"value": 0, "value+unit": 0,
                                                         "value+change": 0})
    n_pred: int = 0
    n_gold: int = 0
    updown_found: int = 0
    updown_gold: int = 0
    updown_pred: int = 0
    seconds: float = 0.0

    def f1(self, key: str) -> tuple[float, float, float]:
        p = self.tp[key] / self.n_pred if self.n_pred else 0.0
        r = self.tp[key] / self.n_gold if self.n_gold else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str) -> str:
        parts = [f"{name:<11}"]
        for key in self.tp:
            p, r, f = self.f1(key)
            parts.append(f"{key} P={p:.3f} R={r:.3f} F1={f:.3f}")
        parts.append(
            f"up/down {self.updown_found}/{self.updown_gold} found, {self.updown_pred} predicted"
        )
        parts.append(f"{self.seconds:.1f}s")
        return "  ".join(parts)


def gold_quantities(row: dict) -> list[Quantity]:
    found = []
    for q in row["quantities"]:
        ends = tuple(float(v) for v in re.split(r"(?<=\d)-", q["value"]))
        found.append(Quantity(ends, q["normalized_unit"].lower(), q["change"]))
    return found


def _change(qualifier: str | None, change: str | None) -> str:
    if qualifier in ("~",):
        return "~"
    if qualifier in (">", "at least"):
        return ">"
    if qualifier in ("<", "up to"):
        return "<"
    if change in ("up", "down"):
        return change
    return "="


def _unit_name(f: Figure) -> str:
    if f.noun and f.unit not in unit_names():
        return f.noun  # a count: what it counts
    parts = (f.unit or "").split(" per ")
    named = [currency_name(u) if u in currency_codes() else UNIT_NAMES.get(u, u) for u in parts]
    return " per ".join(named) or "-"


def crosswire_quantities(nlp, text: str) -> list[Quantity]:
    found = []
    for f in extract_quantities(nlp(text), []):
        if f.unit == "year" and _YEAR.fullmatch(f.text):
            continue
        ends: tuple[float, ...] = (f.value,)
        if f.qualifier and f.qualifier.startswith("range:"):
            ends = (f.value, float(f.qualifier.split(":", 1)[1]))
        unit = _unit_name(f).lower()
        if f.unit == "%" and is_fraction_word(f.text):
            # NewsQuant writes "a third of the population" as 0.333, unit "% population"
            ends, unit = (f.value / 100,), f"% {f.noun or '-'}"
        found.append(Quantity(ends, unit, _change(f.qualifier, f.change), f.text))
    return found


def quantulum_quantities(text: str) -> list[Quantity]:
    from quantulum3 import classifier, parser

    # Its pickled unit classifier does not load under this scikit-learn; it then disambiguates
    # units by word frequencies, its documented fallback without scikit-learn.
    classifier.USE_CLF = False
    found = []
    for q in parser.parse(text):
        surface = q.surface.strip()
        if q.unit.name == "dimensionless" and _YEAR.fullmatch(surface):
            continue
        ends = (float(q.value),)
        if q.uncertainty:
            ends = (float(q.value) - q.uncertainty, float(q.value) + q.uncertainty)
        unit = "-" if q.unit.name == "dimensionless" else q.unit.name.lower()
        found.append(Quantity(ends, unit, "=", surface))
    return found


def _same_value(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    if len(a) != len(b):
        return False
    return all(math.isclose(x, y, rel_tol=1e-6) for x, y in zip(a, b, strict=True))


def score_sentence(score: Score, pred: list[Quantity], gold: list[Quantity]) -> list[str]:
    """Add one sentence to ``score``; returns error lines."""
    score.n_pred += len(pred)
    score.n_gold += len(gold)
    score.updown_pred += sum(p.change in ("up", "down") for p in pred)
    errors: list[str] = []
    used: set[int] = set()
    for g in gold:
        if g.change in ("up", "down"):
            score.updown_gold += 1
        # prefer the prediction that also agrees on unit, then any with the value
        candidates = [
            i for i, p in enumerate(pred) if i not in used and _same_value(p.value, g.value)
        ]
        candidates.sort(key=lambda i: (pred[i].unit != g.unit, pred[i].change != g.change))
        if not candidates:
            errors.append(f"miss {g.value} {g.unit} {g.change}")
            continue
        p = pred[candidates[0]]
        used.add(candidates[0])
        score.tp["value"] += 1
        score.tp["value+unit"] += p.unit == g.unit
        score.tp["value+change"] += p.change == g.change
        if g.change in ("up", "down") and p.change == g.change:
            score.updown_found += 1
        if p.unit != g.unit:
            errors.append(f"unit {p.text!r}: {p.unit} gold {g.unit}")
        if p.change != g.change:
            errors.append(f"change {p.text!r}: {p.change} gold {g.change}")
    for i, p in enumerate(pred):
        if i not in used:
            errors.append(f"false alarm {p.text!r} = {p.value} {p.unit}")
    return errors


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="first N sentences only")
    ap.add_argument("--errors", action="store_true", help="print crosswire's errors")
    ap.add_argument("--floor", action="store_true", help="exit 1 below the floors")
    ap.add_argument("--no-quantulum", action="store_true", help="skip the baseline")
    args = ap.parse_args()
    rows = json.loads(DATA.read_text(encoding="utf-8"))
    if args.limit:
        rows = rows[: args.limit]
    nlp = load_nlp(Config().spacy_model)
    extractors = {"crosswire": lambda t: crosswire_quantities(nlp, t)}
    if not args.no_quantulum:
        extractors["quantulum3"] = quantulum_quantities
    scores = {name: Score() for name in extractors}
    for row in rows:
        gold = gold_quantities(row)
        for name, extract in extractors.items():
            began = time.perf_counter()
            pred = extract(row["text"])
            scores[name].seconds += time.perf_counter() - began
            errors = score_sentence(scores[name], pred, gold)
            if args.errors and name == "crosswire" and errors:
                print(f"- {row['text']}")
                for e in errors:
                    print(f"    {e}")
    print(f"NewsQuant dev: {len(rows)} sentences, {scores['crosswire'].n_gold} quantities")
    for name, score in scores.items():
        print(score.line(name))
    if args.floor:
        low = [k for k, floor in FLOORS.items() if scores["crosswire"].f1(k)[2] < floor]
        if low:
            print(f"below floor: {low}")
            sys.exit(1)


if __name__ == "__main__":
    main()

"""Helpers shared by the bench scripts: where the shared data lives, pairwise scoring."""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SEMEVAL_PAIRS = SHARED / "data" / "stories" / "semeval2022-task8" / "pairs.csv"


def semeval_texts(language: str = "en") -> dict[str, list[str]]:
    """Every text of one language in the SemEval pairs, by article id (a few ids carry two
    versions of their text in different pairs)."""
    texts: dict[str, list[str]] = defaultdict(list)
    csv.field_size_limit(1 << 30)
    with SEMEVAL_PAIRS.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for key, side in zip(row["pair_id"].split("_"), ("1", "2"), strict=True):
                text = row["text" + side]
                if row["lang" + side] == language and text not in texts[key]:
                    texts[key].append(text)
    return dict(texts)


@dataclass(slots=True, frozen=True)
class PRF:
    """Pairwise precision, recall and F1 of a "same" decision, with the counts behind them."""

    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self) -> str:
        return (
            f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
            f"(tp={self.tp} fp={self.fp} fn={self.fn} tn={self.tn})"
        )


def pairwise_prf(predicted: Iterable[bool], gold: Iterable[bool]) -> PRF:
    """Counts of predicted-same against gold-same over aligned pairs."""
    tp = fp = fn = tn = 0
    for p, g in zip(predicted, gold, strict=True):
        if p and g:
            tp += 1
        elif p:
            fp += 1
        elif g:
            fn += 1
        else:
            tn += 1
    return PRF(tp, fp, fn, tn)


def best_threshold(scores: Sequence[float], gold: Sequence[bool]) -> tuple[float, PRF]:
    """The threshold (same if score >= it) with the best F1 on these pairs: an upper bound
    for a method tuned on its own test data, which is what a tuned baseline is here."""
    best = (0.0, pairwise_prf([True] * len(scores), gold))
    for threshold in sorted(set(scores)):
        prf = pairwise_prf([s >= threshold for s in scores], gold)
        if prf.f1 > best[1].f1:
            best = (threshold, prf)
    return best


def add_rule_options(parser: argparse.ArgumentParser) -> None:
    """``--without RULE`` and ``--list-rules``: a named quote rule read, switched off, measured."""
    parser.add_argument("--without", action="append", default=[], metavar="RULE",
                        help="switch a named quote rule off for the whole run (repeatable)")
    parser.add_argument("--list-rules", action="store_true", help="list the named quote rules")


def listed_rules(parser: argparse.ArgumentParser, args: argparse.Namespace) -> bool:
    """Refuse unknown rule names; with ``--list-rules`` print the rules and say so (True)."""
    from crosswire.analyze.statements.registry import RULES

    unknown = [name for name in args.without if name not in RULES]
    if unknown:
        parser.error(f"unknown rule(s) {', '.join(unknown)}; --list-rules names them")
    if args.list_rules:
        for rule in RULES.values():
            print(f"{rule.name:18} {rule.stage:10} {rule.summary}")
    return args.list_rules

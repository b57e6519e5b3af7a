"""NAnCo's protocol (Laban et al., 2022) for judging a passage matcher, shared by
``bench/meaning.py`` and the quality gate.

Each question holds many outlets' answers grouped by meaning. Every two answers of one
question make a pair, "same" when their ``cluster_global`` is equal; a scorer is judged by
balanced accuracy (the mean of the true-positive and true-negative rates) at the threshold
that suits that question best, averaged over questions.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import numpy as np

# Answers of one question -> their pairwise scores (a square matrix; higher is closer).
Scorer = Callable[[list[str]], np.ndarray]


@dataclass(slots=True, frozen=True)
class Question:
    qid: str
    question: str
    answers: list[str]
    clusters: list[int]

    def pairs(self) -> list[tuple[int, int]]:
        return list(combinations(range(len(self.answers)), 2))

    def gold(self) -> list[bool]:
        return [self.clusters[i] == self.clusters[j] for i, j in self.pairs()]


def load_questions(path: Path) -> list[Question]:
    """The questions of a NAnCo split file (``val.json``)."""
    questions = []
    for record in json.loads(path.read_text(encoding="utf-8")):
        answers = record["answers"]
        questions.append(
            Question(
                qid=answers[0]["qid"],
                question=record["question"],
                answers=[a["Answer"] for a in answers],
                clusters=[int(a["cluster_global"]) for a in answers],
            )
        )
    return questions


def best_balanced_accuracy(scores: Sequence[float], gold: Sequence[bool]) -> float:
    """Balanced accuracy of "same when score >= t" at the best threshold t."""
    values = np.asarray(scores, dtype=float)
    same = np.asarray(gold, dtype=bool)
    positives, negatives = int(same.sum()), int((~same).sum())
    if not positives or not negatives:
        return 1.0
    order = np.argsort(-values, kind="stable")
    values, same = values[order], same[order]
    true_positives = np.cumsum(same)
    false_positives = np.cumsum(~same)
    # thresholds sit between distinct scores: only the last of equal scores is a cut point
    cuts = np.flatnonzero(np.r_[values[1:] != values[:-1], True])
    rates = true_positives[cuts] / positives + 1 - false_positives[cuts] / negatives
    return float(max(0.5, rates.max() / 2))


def question_scores(questions: Sequence[Question], scorer: Scorer) -> list[float]:
    """Best balanced accuracy per question."""
    results = []
    for question in questions:
        matrix = np.asarray(scorer(question.answers), dtype=float)
        scores = [matrix[i, j] for i, j in question.pairs()]
        results.append(best_balanced_accuracy(scores, question.gold()))
    return results

"""The B-cubed measure and the TF-IDF baselines of ``bench/stories_bcubed.py``, on records
written here (fictional events), so the figures the bench prints rest on a tested metric."""

from __future__ import annotations

import sys

import pytest
from helpers import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from stories_bcubed import agglomerative, bcubed, centroid, tfidf  # noqa: E402

RECORDS = [
    {"id": "a", "gold_story": "ferry", "date_publish": "2026-03-01",
     "title": "Ferry sinks off Velmora", "maintext": "The Orrin ferry sank off Velmora harbour."},
    {"id": "b", "gold_story": "ferry", "date_publish": "2026-03-02",
     "title": "Velmora ferry sank", "maintext": "Divers reached the Orrin ferry off Velmora."},
    {"id": "c", "gold_story": "cup", "date_publish": "2026-03-01",
     "title": "Brackwater lift Quenlin Cup", "maintext": "Brackwater Rovers won the Quenlin Cup."},
    {"id": "d", "gold_story": "cup2", "date_publish": "2026-05-20",
     "title": "Brackwater lift Quenlin Cup", "maintext": "Brackwater Rovers won the Quenlin Cup."},
]  # fmt: skip


def test_bcubed_perfect_and_merged():
    gold = {"a": "x", "b": "x", "c": "y"}
    assert bcubed(gold, gold).f1 == pytest.approx(1.0)
    merged = bcubed({"a": "s", "b": "s", "c": "s"}, gold)
    # a and b: 2/3 of their story is theirs; c: 1/3. Recall is whole.
    assert merged.precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    assert merged.recall == pytest.approx(1.0)
    assert (merged.predicted, merged.gold) == (1, 2)


def test_baselines_group_and_window_splits_far_dates():
    matrix = tfidf(RECORDS)
    plain = agglomerative(RECORDS, matrix, 0.3, None)
    assert plain[0] == plain[1] and plain[2] == plain[3] and plain[0] != plain[2]
    windowed = agglomerative(RECORDS, matrix, 0.3, 7)
    assert windowed[2] != windowed[3]  # the same words 80 days apart stay apart
    single = centroid(RECORDS, matrix, 0.3)
    assert single[0] == single[1] and single[0] != single[2]

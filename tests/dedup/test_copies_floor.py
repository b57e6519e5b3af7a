"""Quality gate: copy detection on a generated set of BASIL crops, spins, boilerplate and
paragraph moves (``bench/copies.py``, which gives the full figures) must stay above MinHash at
its best threshold on the same pairs, and must not merge independent reports."""

from __future__ import annotations

import json
import sys

import pytest
from helpers import ROOT, shared_path

from crosswire.dedup.copies import copy_of

sys.path.insert(0, str(ROOT / "bench"))
from common import best_threshold, pairwise_prf  # noqa: E402

ARTICLES = 30
# Reached when pinned (seed 13, 30 articles): F1 0.998, MinHash at its best 0.989.
MIN_F1 = 0.98


def test_copies_beat_minhash_on_generated_copies():
    pytest.importorskip("wn")
    from copies import generated_pairs, minhash_scores

    path = shared_path("data", "stories", "basil", "dev.jsonl")
    articles = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    pairs = generated_pairs(sorted(articles, key=lambda a: a["id"])[:ARTICLES], seed=13)
    gold = [p.copy for p in pairs]
    ours = pairwise_prf(
        [copy_of(p.a, p.b) is not None or copy_of(p.b, p.a) is not None for p in pairs], gold
    )
    _, baseline = best_threshold(minhash_scores(pairs)[0], gold)
    assert ours.f1 >= MIN_F1 and ours.f1 > baseline.f1
    assert ours.fp == 0  # no independent report is called a copy

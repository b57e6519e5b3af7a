"""Evaluation gates: quote quality on 15 fixed PolNeAR dev articles, on the unseen sample (63
news articles no rule was tuned on, ``bench/data/quotes-unseen.json``) and on the news sample
(168 SemEval articles, ``bench/data/quotes-news.json``) must not drop.

The floors sit just below what the extractor reached when they were pinned (see
``bench/quotes.py`` for the full figures); raise them when quality improves.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from helpers import ROOT, shared_path

from crosswire.analyze import analyze_articles
from crosswire.analyze.attribution_eval import (
    Gold,
    Scores,
    article_bodies,
    load_gold,
    load_offset_sample,
    spans_of_quotes,
)
from crosswire.records import Article

sys.path.insert(0, str(ROOT / "bench"))
from common import semeval_texts  # noqa: E402

UNSEEN = ROOT / "bench" / "data" / "quotes-unseen.json"
NEWS = ROOT / "bench" / "data" / "quotes-news.json"

ARTICLES = 15
# Reached when pinned: 0.901, 0.799, 0.731, 0.892 (before the quotation-mark and cue fixes
# found on the news sample: 0.879, 0.733, 0.732, 0.865; before the speaker-attribution rules
# of November 2026: 0.879, 0.703, 0.730, 0.838; before the issue "quotes" work: 0.845,
# 0.672, 0.671, 0.831).
FLOORS = {
    "direct_f1": 0.89,
    "direct_e2e_f1": 0.78,
    "all_f1": 0.72,
    "speaker_accuracy": 0.87,
}


# Reached on the whole samples when pinned: unseen 0.913, 0.850, 0.930; news 0.865, 0.764,
# 0.894.
UNSEEN_FLOORS = {"direct_f1": 0.90, "direct_e2e_f1": 0.83, "speaker_accuracy": 0.92}
NEWS_FLOORS = {"direct_f1": 0.85, "direct_e2e_f1": 0.75, "speaker_accuracy": 0.88}


def _score(gold: list[Gold]) -> Scores:
    articles = [Article(id=g.id, source="sample", text=g.text, raw=g.text) for g in gold]
    result = Scores()
    for g, analysis in zip(gold, analyze_articles(articles), strict=True):
        result.add(list(spans_of_quotes(analysis.quotes)), g.attributions)
    return result


@pytest.fixture(scope="module")
def scores() -> Scores:
    return _score(load_gold(shared_path("data", "quotes", "polnear", "dev.jsonl"), ARTICLES))


@pytest.fixture(scope="module")
def unseen() -> Scores:
    texts = shared_path("data", "extraction", "zyte-dev", "ground-truth.json")
    return _score(load_offset_sample(UNSEEN, article_bodies(texts)))


@pytest.fixture(scope="module")
def news() -> Scores:
    shared_path("data", "stories", "semeval2022-task8", "pairs.csv")
    return _score(load_offset_sample(NEWS, semeval_texts("en")))


def test_direct_quote_content_floor(scores: Scores) -> None:
    assert scores.direct.f1 >= FLOORS["direct_f1"]


def test_direct_quote_end_to_end_floor(scores: Scores) -> None:
    assert scores.direct_e2e.f1 >= FLOORS["direct_e2e_f1"]


def test_all_attributions_floor(scores: Scores) -> None:
    assert scores.all.f1 >= FLOORS["all_f1"]


def test_speaker_accuracy_floor(scores: Scores) -> None:
    assert scores.speaker_accuracy >= FLOORS["speaker_accuracy"]


def _reached(scores: Scores) -> dict[str, float]:
    return {
        "direct_f1": scores.direct.f1,
        "direct_e2e_f1": scores.direct_e2e.f1,
        "speaker_accuracy": scores.speaker_accuracy,
    }


def test_unseen_sample_floors(unseen: Scores) -> None:
    assert {k: v for k, v in _reached(unseen).items() if v < UNSEEN_FLOORS[k]} == {}


def test_news_sample_floors(news: Scores) -> None:
    assert {k: v for k, v in _reached(news).items() if v < NEWS_FLOORS[k]} == {}


@pytest.mark.parametrize("sample", [UNSEEN, NEWS], ids=["unseen", "news"])
def test_sample_speakers_lie_outside_the_quoted_words(sample: Path) -> None:
    # An offset found by searching for "he" can land in "the" or "here" inside the quote.
    data = json.loads(sample.read_text(encoding="utf-8"))
    inside = [
        (article["id"], q["source"])
        for article in data["articles"]
        for q in article["quotes"]
        if q["source"] and any(a < q["source"][1] and q["source"][0] < b for a, b in q["content"])
    ]
    assert inside == []

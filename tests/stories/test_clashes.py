"""Clashes of stated days, months and amounts: what tells sequels of one topic apart."""

from __future__ import annotations

from collections import Counter

from crosswire.records import Article
from crosswire.stories.clashes import (
    amounts,
    calendar_clash,
    calendar_keys,
    clash,
    figure_clash,
)
from crosswire.stories.features import article_features
from crosswire.stories.pairs import CLASHES, FEATURES, pair_features
from crosswire.stories.similarity import Vectors, vectors


def vectors_of(title: str, text: str) -> Vectors:
    features = article_features(Article(id=title, source="x", text=text, raw="", title=title))
    df = Counter(features.document_terms())
    return vectors(features, df, 10)


def test_clash_needs_both_sides_and_no_common_value() -> None:
    assert clash({1}, {2}) == 1.0
    assert clash({1, 2}, {2}) == 0.0
    assert clash(set(), {2}) == 0.0
    assert clash(set(), set()) == 0.0


def test_two_monthly_reports_clash_by_month_and_one_report_does_not() -> None:
    september = vectors_of(
        "Velmora factories added 250,000 jobs in September",
        "Factories in Velmora added 250,000 jobs in September, the statistics office said.",
    )
    october = vectors_of(
        "Velmora factories added 130,000 jobs in October",
        "Factories in Velmora added 130,000 jobs in October, the statistics office said.",
    )
    again = vectors_of(
        "September hiring in Velmora beats forecasts",
        "Velmora's factories took on 250,000 workers in September.",
    )
    pair = pair_features(september, october)
    assert pair[FEATURES.index("month_clash")] == 1.0
    assert pair[FEATURES.index("amount_clash")] == 1.0
    same = pair_features(september, again)
    assert same[FEATURES.index("month_clash")] == 0.0
    assert same[FEATURES.index("amount_clash")] == 0.0


def test_days_clash_only_when_both_name_one() -> None:
    friday = vectors_of("Quillfeather bridge closes", "The Quillfeather bridge closed on Friday.")
    monday = vectors_of("Quillfeather bridge opens", "The Quillfeather bridge opened on Monday.")
    undated = vectors_of("Quillfeather bridge shut", "Engineers shut the Quillfeather bridge.")
    assert calendar_clash("weekday", friday.words, friday.names, "en",
                          monday.words, monday.names, "en") == 1.0  # fmt: skip
    assert calendar_clash("weekday", friday.words, friday.names, "en",
                          undated.words, undated.names, "en") == 0.0  # fmt: skip


def test_the_same_day_agrees_across_languages() -> None:
    german = calendar_keys("weekday", "de")
    french = calendar_keys("weekday", "fr")
    assert german["mittwoch"] == french["mercredi"] == calendar_keys("weekday", "en")["wednesday"]
    # An unlisted or undetected language reads the English names.
    assert calendar_keys("month", None) == calendar_keys("month", "xx")


def test_may_is_no_month_in_english() -> None:
    assert "may" not in calendar_keys("month", "en")
    assert "mai" in calendar_keys("month", "de")


def test_years_are_no_amounts() -> None:
    assert amounts({"#2019": 1.0, "#250000": 1.0, "velmora": 1.0}) == {"#250000"}
    assert figure_clash({"#2019": 1.0}, {"#2020": 1.0}) == 0.0
    assert figure_clash({"#250000": 1.0}, {"#130000": 1.0}) == 1.0


def test_clashes_are_computed_only_for_a_model_that_reads_them() -> None:
    september = vectors_of("Velmora jobs", "Velmora added 250,000 jobs in September.")
    october = vectors_of("Velmora jobs", "Velmora added 130,000 jobs in October.")
    read = pair_features(september, october)
    unread = pair_features(september, october, clashes=False)
    assert [unread[FEATURES.index(f)] for f in CLASHES] == [0.0, 0.0, 0.0]
    assert read[FEATURES.index("month_clash")] == 1.0
    others = [i for i, f in enumerate(FEATURES) if f not in CLASHES]
    assert [read[i] for i in others] == [unread[i] for i in others]

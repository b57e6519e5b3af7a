"""Regex features: stems, proper names, Title Case headlines, dates."""

from __future__ import annotations

from crosswire.records import Article
from crosswire.stories.features import (
    StoryFeatures,
    article_features,
    content_words,
    is_title_case,
    parse_date,
    proper_names,
    stem,
)


def test_stem_merges_inflections_only() -> None:
    assert stem("crashes") == stem("crashed") == stem("crash") == "crash"
    assert stem("Quillfeather's") == "quillfeather"
    assert stem("bus") == "bus"  # not "bu"


def test_content_words_drop_stop_words_and_numbers() -> None:
    assert content_words("The mayor said 40,000 cars crossed it.") == ["mayor", "car", "cross"]


def test_proper_names_are_tokens_of_capitalised_runs() -> None:
    text = "Mayor Tessa Quillfeather of Velmora spoke. The mayor left the Bank of Orrin."
    names = proper_names(text)
    assert {"tessa", "quillfeather", "velmora", "bank", "orrin"} <= set(names)
    # "Mayor" is also written in lowercase, so it is a common word; "The" is a stop word.
    assert "mayor" not in names and "the" not in names


def test_title_case_headline_keeps_only_names_the_body_confirms() -> None:
    article = Article(
        id="a", source="a.txt", raw="", title="Velmora Mayor Orders Bridge Shut After Crack",
        text="Tessa Quillfeather closed a bridge in Velmora after a crack was found.",
    )  # fmt: skip
    assert is_title_case(article.title or "")
    names = article_features(article).names
    assert names["velmora"] == 2 + 3  # body once plus once as the lead, title three times
    assert "orders" not in names and "shut" not in names


def test_sentence_case_title_is_not_title_case() -> None:
    assert not is_title_case("Crack shuts Orrin Street bridge in Velmora")


def test_features_round_trip_as_json_data() -> None:
    article = Article(id="a", source="a.txt", raw="", text="Velmora bridge shut.", published="2031")
    features = article_features(article)
    assert StoryFeatures.from_dict(features.as_dict()) == features


def test_parse_date_reads_iso_forms_and_rejects_junk() -> None:
    assert parse_date("2031-05-01T09:00:00Z").day == 1  # type: ignore[union-attr]
    assert parse_date("2031-05-01 junk").month == 5  # type: ignore[union-attr]
    assert parse_date("yesterday") is None
    assert parse_date(None) is None

"""Pair features: the specifics that tell two incidents of one kind apart."""

from __future__ import annotations

import pytest

from crosswire.stories.pairs import FEATURES, contained, pair_features
from crosswire.stories.similarity import YEAR_RE, Vectors


def vec(words: dict[str, float], names: dict[str, float], rarity: float = 0.9,
        size: int = 300) -> Vectors:  # fmt: skip
    years = frozenset(n for n in names if YEAR_RE.match(n))  # as if each were named twice
    return Vectors(words, names, "en", head=words, rarity=dict.fromkeys(names, rarity),
                   size=size, years=years)  # fmt: skip


def feature(values: list[float], name: str) -> float:
    return values[FEATURES.index(name)]


def test_one_value_per_feature_each_between_zero_and_one() -> None:
    a = vec({"quake": 0.8, "coast": 0.6}, {"velmora": 0.6, "#2031": 0.8})
    b = vec({"quake": 1.0}, {"velmora": 1.0})
    values = pair_features(a, b)
    assert len(values) == len(FEATURES)
    assert all(0.0 <= v <= 1.0 + 1e-9 for v in values)


def test_shared_rare_names_count_and_common_ones_barely() -> None:
    words = {"quake": 1.0}
    rare = pair_features(vec(words, {"orrin": 1.0}), vec(words, {"orrin": 1.0}))
    common = pair_features(vec(words, {"orrin": 1.0}, 0.1), vec(words, {"orrin": 1.0}, 0.1))
    assert feature(rare, "rare_names") > 10 * feature(common, "rare_names")


def test_different_years_clash_and_a_shared_year_does_not() -> None:
    words = {"summit": 1.0}
    apart = pair_features(vec(words, {"#2018": 1.0}), vec(words, {"#2021": 1.0}))
    together = pair_features(vec(words, {"#2018": 1.0}), vec(words, {"#2018": 0.6, "#2021": 0.8}))
    assert feature(apart, "year_clash") == 1.0
    assert feature(together, "year_clash") == 0.0
    assert feature(together, "shared_figures") > 0.0


def test_a_short_report_inside_a_long_one_is_contained() -> None:
    short = {"bridge": 0.8, "crack": 0.6}
    long = {"bridge": 0.4, "crack": 0.3, "detour": 0.6, "harbour": 0.6, "budget": 0.15}
    assert contained(short, long, 20, 400) == pytest.approx(1.0)
    assert contained(long, short, 400, 20) == pytest.approx(1.0)  # whichever comes first
    values = pair_features(vec(short, {}, size=20), vec(long, {}, size=400))
    assert feature(values, "words_contained") > feature(values, "words")


def test_two_shared_anchors_back_the_name_cosine_and_one_does_not() -> None:
    words = {"brucke": 1.0}
    mayor = vec(words, {"quillfeather": 0.8, "velmora": 0.6})
    one = pair_features(mayor, vec({"bridge": 1.0}, {"quillfeather": 1.0}))
    two = pair_features(mayor, vec({"bridge": 1.0}, {"quillfeather": 0.6, "velmora": 0.8}))
    figure = pair_features(mayor, vec({"bridge": 1.0}, {"quillfeather": 0.6, "#40000": 0.8}))
    assert feature(one, "names") > 0.5 and feature(one, "anchored_names") == 0.0
    assert feature(one, "two_anchors") == 0.0 and feature(one, "anchors") == 0.25
    assert feature(two, "anchored_names") == pytest.approx(feature(two, "names"))
    assert feature(two, "two_anchors") == 1.0 and feature(two, "anchors") == 0.5
    # A figure the other side lacks is no anchor; a shared one would be.
    assert feature(figure, "anchored_names") == 0.0


def test_the_languages_of_a_pair_are_told_apart_from_an_unread_one() -> None:
    english = vec({"bridge": 1.0}, {"velmora": 1.0})
    german = Vectors({"brucke": 1.0}, {"velmora": 1.0}, "de", size=300)
    unread = Vectors({}, {"velmora": 1.0}, "und", size=5)
    two = pair_features(english, german)
    short = pair_features(english, unread)
    assert feature(two, "cross_language") == 1.0
    assert feature(two, "undetermined_language") == 0.0
    assert feature(short, "cross_language") == 0.0
    assert feature(short, "undetermined_language") == 1.0

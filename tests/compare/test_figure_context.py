"""Figures of one measure worded differently: the words around their numbers, roundings and
orders of magnitude (crosswire.compare.figure_context and its use in figures.py)."""

import pytest

from crosswire.compare.figure_context import rounded_as, same_magnitude
from crosswire.compare.figures import compatible_values, group_figures
from crosswire.records import Figure


@pytest.mark.parametrize(
    ("a", "b", "rounded"),
    [
        (700e9, 716e9, True),  # "$700 billion" for $716 billion
        (6, 5.8, True),  # "6%" for 5.8%
        (10_000, 10_400, True),
        (40_000, 35_000, False),  # a round figure itself, half a digit away
        (100, 150, False),
        (100, 140, False),  # more than a twentieth away
        (50, 54, False),  # small counts are exact
        (6, 5.3, False),
        (9.1, 8.3, False),
    ],
)
def test_rounded_as(a, b, rounded):
    assert rounded_as(a, b) is rounded
    assert rounded_as(b, a) is rounded


def test_a_rounding_is_a_compatible_value():
    assert compatible_values(Figure(0, 1, "x", 700e9, "USD"), Figure(0, 1, "x", 716e9, "USD"))
    assert not compatible_values(Figure(0, 1, "x", 6, "%"), Figure(0, 1, "x", 5.3, "%"))


def test_same_magnitude():
    assert same_magnitude(4e9, 6e9)
    assert not same_magnitude(4e9, 447e9)
    assert not same_magnitude(-3, 3)


def test_a_count_the_sentences_agree_on_conflicts_whatever_its_verbs(story):
    # the counted words share only "round limit": the verbs differ ("called" / "restoring"),
    # but the words around the numbers say the same
    story.article("a", "Harbor Ledger",
                  "The mayor called for a tougher ban and a 10-round limit on magazines.")
    story.article("b", "Valley Wire",
                  "The plan restores a 15-round limit on magazines and a tougher ban.")
    story.figure("a", "10", 10, "limit", "round limit (called for a tougher ban)")
    story.figure("b", "15", 15, "limit", "round limit (restores)")
    _, discrepancies = group_figures(story.sources())
    assert [(d.kind, d.confidence >= 0.5) for d in discrepancies] == [("figure-value", True)]


@pytest.mark.parametrize(
    ("text_a", "text_b", "fig_a", "fig_b"),
    [
        # "states" both, but what the states did differs: two measures, not a dispute
        ("Four states have legalized recreational cannabis.",
         "He said 23 states have enacted medical cannabis laws.",
         ("Four", 4, "state", "states (legalized)"), ("23", 23, "state", "states (enacted)")),
        # alike sentences, values tenfold apart: two quantities
        ("The council will spend $4 billion on the harbor wall.",
         "The council will spend $447 billion on the harbor wall.",
         ("$4 billion", 4e9, "USD", ""), ("$447 billion", 447e9, "USD", "")),
    ],
)
def test_one_wording_of_two_measures_stays_silent(story, text_a, text_b, fig_a, fig_b):
    story.article("a", "Harbor Ledger", text_a)
    story.article("b", "Valley Wire", text_b)
    story.figure("a", *fig_a)
    story.figure("b", *fig_b)
    _, discrepancies = group_figures(story.sources())
    assert not discrepancies


def test_alike_sentences_with_other_sums_conflict(story):
    story.article("a", "Harbor Ledger",
                  "The mayor admitted spending $750,000 of campaign cash on furs, jewels.")
    story.article("b", "Valley Wire",
                  "The mayor admitted spending $1.1 million of campaign money on furs, jewels.")
    story.figure("a", "$750,000", 750_000, "USD", "")
    story.figure("b", "$1.1 million", 1.1e6, "USD", "")
    _, discrepancies = group_figures(story.sources())
    assert [d.kind for d in discrepancies] == ["figure-value"]
    # a sum and its rounding are one figure
    story.analyses["a"].figures[0].value = 700_000
    story.analyses["b"].figures[0].value = 716_000
    _, discrepancies = group_figures(story.sources())
    assert not discrepancies

"""Figures of one measure compared across outlets by when they apply: a figure called current
against a dated one, different spans of a change, figures of other years (fictional outlets,
figures extracted from the sentences as the analysis stage does)."""

import pytest

from crosswire.analyze.figures import extract_figures
from crosswire.analyze.nlp import load_nlp
from crosswire.compare.figures import group_figures
from crosswire.config import Config

ANNUAL = "In June, the consumer price index was up 6.1% compared with the same month a year ago."
PRICES = "Prices rose by 6.1 percent in June from a year earlier, the statistics office said."
CURRENT = ("Ministers faced harsher pressures, with the rate of increase in the Consumer Price "
           "Index hitting a high of 11.8% in March 1990, far above the current 5.2% rate.")


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(Config().spacy_model)


def _add(story, nlp, id, outlet, text, published):
    story.article(id, outlet, text)
    story.articles[-1].published = published
    story.analyses[id].figures = extract_figures(nlp(text), [])


def test_a_current_figure_against_a_dated_one_is_listed_as_worth_checking(story, nlp):
    _add(story, nlp, "a", "Vellan Courier", ANNUAL, "2031-07-20")
    _add(story, nlp, "b", "Tarnish Post", PRICES, "2031-07-22")
    _add(story, nlp, "c", "Brelmont Daily", CURRENT, "2031-07-25")
    groups, discrepancies = group_figures(story.sources())
    (d,) = [d for d in discrepancies if d.kind == "figure-value"]
    assert {s.article for s in d.sides} == {"a", "b", "c"}
    assert d.summary.startswith("A figure called current differs from a dated one")
    assert d.confidence >= 0.5  # one measure (the CPI's annual rise): listed
    assert "Brelmont Daily (2031-07-25) calls the figure current" in d.why
    assert "june 2031" in d.why and "not shown to be a contradiction" in d.why
    # not a contradiction: June's figure keeps its corroboration, the current one its own
    standing = {(g.value, g.status) for g in groups if g.unit == "%"}
    assert standing == {(6.1, "corroborated"), (5.2, "single-source"), (11.8, "single-source")}


def test_a_current_figure_is_not_of_a_month_long_before_publication(story, nlp):
    _add(story, nlp, "a", "Vellan Courier", ANNUAL, "2031-07-20")
    _add(story, nlp, "c", "Brelmont Daily", CURRENT, "2031-12-02")  # current: Oct to Dec
    _, discrepancies = group_figures(story.sources())
    assert not [d for d in discrepancies if d.kind == "figure-value"]


def test_a_monthly_change_is_not_set_against_an_annual_one(story, nlp):
    _add(story, nlp, "a", "Vellan Courier", ANNUAL, "2031-07-20")
    _add(story, nlp, "m", "Orsk Herald", "In June, the consumer price index was up 0.9% from the "
         "previous month.", "2031-07-21")
    _, discrepancies = group_figures(story.sources())
    assert not discrepancies


def test_the_sides_of_a_value_discrepancy_can_all_be_one_measure_at_one_time(story, nlp):
    _add(story, nlp, "a", "Vellan Courier", ANNUAL, "2031-07-20")
    _add(story, nlp, "u", "Orsk Herald", "The consumer price index was up 7.4% compared with a "
         "year ago.", "2031-07-21")
    _add(story, nlp, "h", "Kessel Review", "In March 1990, the consumer price index was up 14.8% "
         "compared with a year ago.", "2031-07-22")
    _, discrepancies = group_figures(story.sources())
    for d in discrepancies:
        texts = " ".join(s.text for s in d.sides)
        assert not ("June" in texts and "1990" in texts)  # June's and 1990's are not one
    assert any({s.article for s in d.sides} == {"a", "u"} for d in discrepancies)


def test_a_modal_about_a_past_months_figure_makes_it_no_forecast(story, nlp):
    # "will be the peak" forecasts the peak; June's 6.1% was measured before publication
    _add(story, nlp, "p", "Orsk Herald", "Signs suggest that June's 6.1% increase in consumer "
         "prices will probably be the peak.", "2031-07-21")
    _add(story, nlp, "c", "Brelmont Daily", CURRENT, "2031-07-25")
    _, discrepancies = group_figures(story.sources())
    (d,) = [d for d in discrepancies if d.kind == "figure-value"]
    assert d.confidence >= 0.5 and "estimate" not in d.why

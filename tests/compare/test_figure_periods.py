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
    assert "Brelmont Daily (2031-07-25) calls 5.2 % current" in d.why
    assert "Vellan Courier, Tarnish Post date 6.1 % june 2031" in d.why
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


def test_an_outlet_calling_the_dated_value_current_is_not_said_to_date_it(story, nlp):
    _add(story, nlp, "a", "Vellan Courier", ANNUAL, "2031-07-20")
    _add(story, nlp, "k", "Dunmore Times", "Based on the latest figures, inflation is running "
         "at a ten-year high of 6.1%.", "2031-07-28")
    _add(story, nlp, "c", "Brelmont Daily", CURRENT, "2031-07-25")
    _, discrepancies = group_figures(story.sources())
    (d,) = [d for d in discrepancies if d.kind == "figure-value"]
    assert {s.article for s in d.sides} == {"a", "k", "c"}
    assert "Vellan Courier date 6.1 % june 2031 (Dunmore Times (2031-07-28) calls it current)" in (
        d.why
    )


def test_a_current_value_that_is_an_earlier_months_figure_is_said_to_be_out_of_date(story, nlp):
    _add(story, nlp, "a", "Vellan Courier", ANNUAL, "2031-07-20")
    _add(story, nlp, "c", "Brelmont Daily", CURRENT, "2031-07-25")
    _add(story, nlp, "o", "Orsk Herald", "The core consumer price index rose 4.0% in March. "
         "Including food and energy, the index reached 5.6% in March and fell to 5.2% in April.",
         "2031-07-24")
    _, discrepancies = group_figures(story.sources())
    (d,) = [d for d in discrepancies if d.kind == "figure-value"]
    assert "Brelmont Daily's current 5.2 % is the CPI Orsk Herald gives for april 2031" in d.why
    assert "o" not in {s.article for s in d.sides}  # April's figure is no side of June's


def test_a_qualified_series_is_not_the_series(story, nlp):
    _add(story, nlp, "a", "Vellan Courier", "The core consumer price index was up 5.9% "
         "compared with a year ago.", "2031-07-20")
    _add(story, nlp, "b", "Tarnish Post", "The consumer price index was up 9.0% compared with "
         "a year ago.", "2031-07-20")
    _, discrepancies = group_figures(story.sources())
    assert not discrepancies  # core CPI leaves out food and energy
    _add(story, nlp, "c", "Orsk Herald", "The consumer price index was up 7.4% compared with a "
         "year ago.", "2031-07-20")
    _, discrepancies = group_figures(story.sources())
    (d,) = discrepancies
    assert {s.article for s in d.sides} == {"b", "c"}


def test_the_natural_rate_is_not_the_rate(story, nlp):
    _add(story, nlp, "a", "Vellan Courier", "The national unemployment rate is 4.1%.",
         "2031-07-20")
    _add(story, nlp, "b", "Tarnish Post", "Economists said the natural unemployment rate is "
         "4.1%.", "2031-07-20")
    groups, _ = group_figures(story.sources())
    assert (4.1, "corroborated") not in {(g.value, g.status) for g in groups}
    _add(story, nlp, "c", "Orsk Herald", "The unemployment rate is 4.1%.", "2031-07-20")
    groups, _ = group_figures(story.sources())
    (g,) = [g for g in groups if g.value == 4.1 and g.status == "corroborated"]
    assert "b" not in {m.article for m in g.mentions}  # an estimate of the equilibrium rate


def test_a_change_without_a_span_beside_its_series_annual_one_is_the_months(story, nlp):
    _add(story, nlp, "k", "Dunmore Times", "Core PCE prices are up 4.7% from a year ago. The "
         "core PCE price index increased by 0.5%.", "2031-07-29")
    _add(story, nlp, "n", "Orsk Herald", "The core PCE price index rose 4.7%.", "2031-07-28")
    groups, discrepancies = group_figures(story.sources())
    assert not [d for d in discrepancies if d.kind == "figure-value"]
    assert (4.7, "corroborated") in {(g.value, g.status) for g in groups}


@pytest.mark.parametrize(
    ("published", "listed"), [("2031-07-31", False), ("2031-07-25", True)]
)
def test_changes_to_date_of_different_days_are_no_contradiction(story, nlp, published, listed):
    _add(story, nlp, "m", "Vellan Courier", "But the Tarvik composite index is down nearly 19% "
         "year to date.", "2031-07-25")
    _add(story, nlp, "s", "Dunmore Times", "Meanwhile the Tarvik composite index fell 13.3%.",
         published)
    _, discrepancies = group_figures(story.sources())
    (d,) = [d for d in discrepancies if d.kind == "figure-value"]
    assert (d.confidence >= 0.5) is listed
    if not listed:  # the why gives the dates the figures apply to
        assert '"nearly 19%" to date as of 2031-07-25' in d.why
        assert '"13.3%" as of 2031-07-31' in d.why
        assert "different as-of dates" in d.why


def test_an_estimate_is_not_the_report_of_a_month_already_over(story, nlp):
    _add(story, nlp, "k", "Dunmore Times", "PCE prices are expected to be up 6.6% from a year "
         "ago.", "2031-07-29")
    _add(story, nlp, "n", "Orsk Herald", "The PCE price index hit 6.6% in March.", "2031-07-27")
    groups, _ = group_figures(story.sources())
    assert {g.status for g in groups if g.value == 6.6} == {"single-source"}

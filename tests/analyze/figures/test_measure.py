import pytest

from crosswire.analyze.figures import extract_figures
from crosswire.analyze.figures.measure import (
    figure_measure,
    measure_qualifiers,
    referred_measure,
    series_name,
)
from crosswire.analyze.nlp import load_nlp
from crosswire.config import Config


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(Config().spacy_model)


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        # a level of a rate of change is the size of a change of what changes
        ("the rate of increase in the Consumer Price Index (hitting)", ("CPI", "up")),
        ("the annual rate of decline in Vorland ferry fares", ("vorland ferry fares", "down")),
        ("the CPI's annual rate", ("CPI", "up")),
        # inflation is the rise of prices; of its qualifier's prices when it has one
        ("Inflation (reached)", ("CPI", "up")),
        ("consumer price inflation", ("CPI", "up")),
        ("PCE inflation", ("PCE", "up")),
        ("food price inflation", ("food prices", "up")),
        # a level that is no rate of change stays what it is
        ("The national unemployment rate (is)", ("national unemployment rate", None)),
        (None, (None, None)),
    ],
)
def test_a_level_of_a_rate_of_change_measures_a_change(counts, expected):
    assert figure_measure(counts, None) == expected


def test_a_head_that_names_nothing_on_its_own_names_no_measure():
    # "that rate" shares the word "rate" with "the unemployment rate", not its meaning
    assert figure_measure("that rate (goes)", None) == ("", None)
    assert figure_measure("the index (reached)", None) == ("", None)


def test_a_change_of_a_rate_of_change_measures_the_rate_itself():
    assert figure_measure("Tarnish inflation (fell)", "down") == ("tarnish inflation", "down")


def test_a_series_is_named_by_its_acronym_however_worded():
    assert series_name("core consumer price index") == "core CPI"
    assert series_name("personal consumption expenditures price index") == "PCE"
    assert series_name("prices") == "CPI"  # the unqualified price level
    assert series_name("gas prices") == "gas prices"


def test_outlets_wordings_of_one_series_change_meet_in_one_measure(nlp):
    sentences = [
        "Vorland's 5.2% was far above the current 4.1% rate of increase in the consumer "
        "price index.",
        "The consumer price index was up 4.1% compared with a year ago.",
        "Prices rose 4.1% from a year earlier.",
        "Inflation has reached a ten-year high of 4.1%.",
    ]
    found = []
    for text in sentences:
        (f,) = [f for f in extract_figures(nlp(text), []) if f.value == 4.1]
        found.append((f.measure, f.change))
    assert found == [("CPI", "up")] * 4


def _measures(nlp, text):
    return {f.text: (f.measure, f.change, f.period) for f in extract_figures(nlp(text), [])
            if f.unit == "%"}


def test_the_index_is_the_series_named_before_with_its_own_qualifier(nlp):
    # anaphora: "the index" stands for the CPI; "Including food and energy" makes it the
    # headline series, not the core one named in the sentence before; the verbs co-ordinated
    # with "reached" share its subject
    text = ("In Vorland, the core consumer price index (that is, excluding food and energy) "
            "rose 4.5% in March. Including food and energy, the index reached 6.2% in March, "
            "fell to 5.9% in April and rose back to 6.3% in May.")
    found = _measures(nlp, text)
    assert found["4.5%"][0] == "core CPI"
    assert found["6.2%"] == ("CPI", "up", "march")  # a percentage of an index is its change
    assert found["5.9%"] == ("CPI", "up", "april")
    assert found["6.3%"] == ("CPI", "up", "may")


def test_its_core_rate_is_the_core_of_the_series_named_before(nlp):
    text = ("The Vellan personal consumption expenditures price index peaked early. Its core "
            "rate reached 3.1% in February; its all-prices measure hit 4.4% in March.")
    found = _measures(nlp, text)
    assert found["3.1%"][0] == "core PCE"
    assert found["4.4%"][0] == "PCE"


def test_a_head_takes_no_series_when_a_noun_of_its_own_kind_comes_between(nlp):
    # "the rate" is the mortgage rate named last, not the CPI
    text = ("The Brenmoor consumer price index rose, and 30-year mortgage rates climbed. The "
            "rate hit 6.1% on Friday.")
    assert _measures(nlp, text)["6.1%"][0] == ""


def test_the_subject_of_an_infinitive_is_what_its_figure_measures(nlp):
    text = "Consumer price inflation for June was reported in mid-July to have climbed to 6.1%."
    assert _measures(nlp, text)["6.1%"] == ("CPI", "up", "june")


def test_qualifiers_name_the_series():
    assert series_name("headline CPI") == "CPI"  # the headline series is the series
    assert series_name("core PCE prices") == "core PCE"
    assert measure_qualifiers("core CPI") == {"core"}
    assert measure_qualifiers("CPI") == frozenset()
    assert referred_measure("its core rate (hit)", None, "%", "", "The Tarvik PPI fell.") == (
        "core PPI", "up"
    )

import pytest

from crosswire.analyze.figures import extract_figures
from crosswire.analyze.figures.measure import figure_measure, series_name
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

from datetime import datetime

from crosswire.compare.periods import (
    bases_differ,
    change_basis,
    current_excluded,
    month_span,
)

JULY = datetime(2031, 7, 25)


def test_a_period_is_the_months_it_can_mean():
    assert month_span("june 2031", None) == (2031 * 12 + 5,) * 2
    assert month_span("q2 2031", None) == (2031 * 12 + 3, 2031 * 12 + 5)
    assert month_span("2031", None) == (2031 * 12, 2031 * 12 + 11)
    assert month_span("june", None) is None  # no year to anchor it
    # current: the months whose figure can still be the latest at publication
    assert month_span("current", JULY) == (2031 * 12 + 4, 2031 * 12 + 6)


def test_a_current_figure_excludes_only_months_it_cannot_be():
    assert not current_excluded("current", JULY, "june 2031", None)
    assert current_excluded("current", JULY, "march 2031", None)
    assert current_excluded("current", JULY, "1990", None)
    assert current_excluded("current", JULY, "then", None)  # "at that time" is not now
    assert not current_excluded("june 2031", None, "march 2031", None)  # periods_differ's
    assert not current_excluded("current", JULY, None, None)
    assert not current_excluded("current", None, "march 2031", None)


def test_the_span_of_a_change_is_read_from_its_words():
    assert change_basis("fares rose 4% from a year earlier") == "year"
    assert change_basis("the index was up 0.9% from the previous month") == "month"
    assert change_basis("fares jumped 12% year-over-year") == "year"
    assert change_basis("fares rose 4%") is None
    assert bases_differ("year", "month")
    assert not bases_differ("year", None)

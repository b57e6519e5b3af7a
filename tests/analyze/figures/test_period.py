from crosswire.analyze.figures import extract_figures
from crosswire.analyze.figures.period import figure_period, periods_differ
from crosswire.analyze.nlp import load_nlp
from crosswire.config import Config


def _period(sentence: str, number: str) -> str | None:
    start = sentence.index(number)
    return figure_period(sentence, start, start + len(number))


def test_the_period_is_the_one_of_the_figures_own_clause():
    text = "Support was 28% in April, while in June 44% of Vellan voters agreed."
    assert _period(text, "28%") == "april"
    assert _period(text, "44%") == "june"
    assert _period("Brenmoor's rate hit 18% in 1981.", "18%") == "1981"
    assert _period("Output may rise 5% in the second quarter of 2031.", "5%") == "q2 2031"


def test_a_reference_date_after_since_is_not_the_figures_period():
    text = "Prices rose 8.6% in May, the largest rise since December 1981."
    assert _period(text, "8.6%") == "may"


def test_a_figure_set_against_another_is_not_in_the_other_s_period():
    text = "The Vellan rate hit a high of 14.8% in March 1980, far above the current 8.3% rate."
    assert _period(text, "14.8%") == "march 1980"
    assert _period(text, "8.3%") == "current"  # not 1980's: the latest at publication
    assert _period("It rose above 5% in June.", "5%") == "june"  # a bound, not a comparison


def test_a_figure_called_current_has_the_current_period_unless_its_clause_names_one():
    assert _period("Vellan inflation is now running at 6.1%.", "6.1%") == "current"
    assert _period("The latest reading put Tarvik's jobless rate at 4%.", "4%") == "current"
    assert _period("Vellan inflation has now reached 6.1% in June.", "6.1%") == "june"
    assert _period("Vellan inflation reached 6.1%.", "6.1%") is None


def test_at_that_time_is_the_period_the_sentence_before_names():
    nlp = load_nlp(Config().spacy_model)
    text = ("Ferry fares in Vorland jumped in June 2029. At that time, the index showed fares "
            "up by 10.5% in one month.")
    (f,) = [f for f in extract_figures(nlp(text), []) if f.unit == "%"]
    assert f.period == "june 2029"
    alone = "At that time, the index showed fares up by 10.5% in one month."
    (g,) = [f for f in extract_figures(nlp(alone), []) if f.unit == "%"]
    assert g.period == "then"  # an earlier time, unnamed: never the current figure


def test_a_relative_date_is_no_period():
    assert _period("Tarvik shares fell 3% last week.", "3%") is None


def test_periods_differ_only_when_both_are_named_and_exclusive():
    assert periods_differ("june", "april")
    assert periods_differ("2030", "2031")
    assert not periods_differ("june 2031", "june")
    assert not periods_differ("june", None)


def test_the_month_a_figure_was_reported_in_is_not_its_period():
    text = "Vellan price inflation for June was reported in mid-July to have climbed to 6.1%."
    assert _period(text, "6.1%") == "june"
    assert _period("Data released in August showed Tarvik fares up 3% in July.", "3%") == "july"
    assert _period("Tarvik fares rose 3% in July.", "3%") == "july"  # a month of its own

import pytest

from crosswire.analyze.figures import extract_figures
from crosswire.analyze.figures.place import place_name, places_differ
from crosswire.analyze.nlp import load_nlp
from crosswire.config import Config


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(Config().spacy_model)


def places(nlp, text):
    return [(f.text, f.place) for f in extract_figures(nlp(text), []) if f.unit != "year"]


def test_the_place_of_each_clause(nlp):
    text = "U.S. inflation hit 9.1% in June, while Britain's rate was 9.4%."
    assert places(nlp, text) == [("9.1%", "United States"), ("9.4%", "United Kingdom")]


def test_a_state_named_in_the_sentence(nlp):
    assert places(nlp, "Jobless claims in Ohio rose 4% last week.") == [("4%", "Ohio")]


def test_no_place_named_is_none(nlp):
    assert places(nlp, "The index rose 2.5% in the quarter.") == [("2.5%", None)]


def test_spellings_of_one_place_are_one_name():
    assert place_name("the U.S.") == place_name("America") == "United States"
    assert place_name("Vorland") == "Vorland"  # kept as written
    assert places_differ("Ohio", "United States")
    assert not places_differ("Ohio", None)  # one outlet may not say where

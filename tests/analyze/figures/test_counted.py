import pytest

from crosswire.analyze.figures import extract_quantities
from crosswire.analyze.nlp import load_nlp
from crosswire.config import Config


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(Config().spacy_model)


def nouns(nlp, text):
    return {f.text: f.noun for f in extract_quantities(nlp(text), [])}


@pytest.mark.parametrize(
    ("text", "number", "noun"),
    [
        ("Volta Works delivered 4,200 Tram 9 sedans last spring.", "4,200", "tram 9 sedan"),
        ("The clinic in Norvale has performed 310 kidney transplants.", "310", "kidney transplant"),
        ("About 80 Brindle and Orsk trucks were stolen.", "About 80", "brindle orsk truck"),
        ("Two managers were fired, and six other clerks left.", "six", "other clerk"),
        ("It is one of the oldest lighthouses in Vorland.", "one", "old lighthouse vorland"),
        ("The plan needs 40 coal-fired boilers.", "40", "coal-fired boiler"),
    ],
)
def test_a_count_is_named_by_what_narrows_its_noun(nlp, text, number, noun):
    assert nouns(nlp, text)[number] == noun


def test_what_goes_on_beside_the_noun_is_not_its_name(nlp):
    found = nouns(nlp, "Orsk is one of the busiest ports in Vorland with cranes working all night.")
    assert found["one"] == "busy port vorland"


def test_words_before_the_number_narrow_the_noun_too(nlp):
    found = nouns(nlp, "Shares gained in the previous three sessions.")
    assert found["three"] == "previous session"

import pytest

from crosswire.analyze.figures import extract_figures
from crosswire.analyze.nlp import load_nlp
from crosswire.config import Config


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(Config().spacy_model)


def sources(nlp, text):
    return {f.text: f.source for f in extract_figures(nlp(text), []) if f.unit != "year"}


@pytest.mark.parametrize(
    ("text", "number", "source"),
    [
        ("Jobless claims fell 3.2% in May, according to the Vorland Statistics Office.",
         "3.2%", "Vorland Statistics Office"),
        ("Brindle Capital expects the Vorland jobless rate to rise to 4.1% next year.",
         "4.1%", "Brindle Capital"),
        ("A Reuters poll of economists put the odds of a recession at 40%.", "40%", "Reuters"),
        ("Inflation was 6% in March, up from 5% in the Journal's survey of April.",
         "5%", "Journal"),
    ],
)
def test_a_figure_names_the_body_it_is_attributed_to(nlp, text, number, source):
    assert sources(nlp, text)[number] == source


def test_an_unnamed_body_is_no_source(nlp):
    assert sources(nlp, "Economists expect growth of 2% in Vorland.")["2%"] is None


def test_its_stands_for_the_body_named_before(nlp):
    text = ("On Tuesday, Orsk Analytics said the chance of a recession in Vorland is 38%, "
            "according to its own model.")
    assert sources(nlp, text)["38%"] == "Orsk Analytics"


@pytest.mark.parametrize(
    "text",
    [
        "Orsk Realty raised its FFO growth outlook to 10% this year.",  # a measure's outlook
        "This means that PCE prices are expected to be up 6.6% in Vorland.",  # the measure
    ],
)
def test_a_name_of_the_measure_is_no_source(nlp, text):
    assert "FFO" not in sources(nlp, text).values()
    assert "PCE" not in sources(nlp, text).values()


def test_a_body_an_analyst_works_at(nlp):
    text = "Analysts at Brindle Capital expect Vorland's growth to slow to 1.5%."
    assert sources(nlp, text)["1.5%"] == "Brindle Capital"


import pytest

from crosswire.analyze.figures import extract_quantities
from crosswire.analyze.nlp import load_nlp
from crosswire.config import Config


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(Config().spacy_model)


def _changes(nlp, text: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.change) for f in extract_quantities(nlp(text), [])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares of Norvale rose 6.5% to 164 pence.", [("6.5%", "up"), ("164 pence", None)]),
        ("The index fell 1.2% on Monday.", [("1.2%", "down")]),
        ("Exports increased by 2 percent in May.", [("2 percent", "up")]),
        ("The fund ended down 1% at 1,463 points.", [("1%", "down"), ("1,463 points", None)]),
        ("Revenue reached $7 billion from $6 billion.", [("$7 billion", None),
                                                         ("$6 billion", None)]),
    ],
)
def test_the_size_of_a_change_has_its_direction_and_a_level_has_none(nlp, text, expected):
    assert _changes(nlp, text) == expected


def test_a_change_named_by_a_noun_has_its_direction(nlp):
    assert _changes(nlp, "Seniors would face a 23 percent cut in benefits.") == [
        ("23 percent", "down")
    ]


def test_a_change_noun_the_percentage_sizes_has_its_direction(nlp):
    # the percent sign is a compound of the noun: the noun is the change, not its verb
    assert _changes(nlp, "Analysts called the 4.2% increase in Tarnish rents the peak.") == [
        ("4.2%", "up")
    ]
    assert _changes(nlp, "Brelmont saw a 3% drop in ferry fares.") == [("3%", "down")]

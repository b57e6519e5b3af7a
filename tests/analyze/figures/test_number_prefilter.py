"""The cheap test that gates the number pattern never skips a sentence holding a number."""

import json

import pytest
from helpers import shared_path

from crosswire.analyze.figures.extract import MAY_HOLD_NUMBER, NUMBER

WITH_NUMBERS = [
    "Exports from Vorland rose 4.5% in March.",
    "Some 1,200,000 ballots were counted by the Quist commission.",
    "The port handled .75 of its usual load.",
    "Halm said a dozen ferries and half a dozen barges were idle.",
    "Two-thirds of the members of the Vorland guild voted against it.",
    "A quarter of a million people crossed the Ostmark bridge.",
    "Nearly a thousand workers walked out; thirty-one returned.",
    "Fares will rise by half, the Vorland transit board said.",
    "The deficit reached minus-3 billion korun.",
    "Prices fell below €40 after 2.998×10−8 seconds.",
    "SEVENTEEN ships and Forty-Two crews waited off Ostmark.",
    "Output climbed 3 percentage points to -0.4 per cent.",
    "Its share grew to one in every five homes.",
    "The fund lost 12bn in a year and £3m since.",
    "ſix inspectors arrived in Quist.",  # a long s: NUMBER's case folding reads it as "six"
]
WITHOUT_NUMBERS = [
    "The Vorland minister denied the report on Tuesday.",
    "Someone phoned the Quist office, but nobody answered.",
    "Halm's party has often spoken of a brighter future.",
]


@pytest.mark.parametrize("sentence", WITH_NUMBERS)
def test_sentences_with_numbers_pass_the_gate(sentence):
    assert NUMBER.search(sentence)
    assert MAY_HOLD_NUMBER.search(sentence)


def test_every_number_match_holds_what_the_gate_looks_for():
    # The gate is sound when each match of the number pattern itself holds a hit.
    for sentence in WITH_NUMBERS:
        for match in NUMBER.finditer(sentence):
            assert MAY_HOLD_NUMBER.search(match.group()), (sentence, match.group())


@pytest.mark.parametrize("sentence", WITHOUT_NUMBERS)
def test_sentences_without_numbers_are_skipped_and_match_nothing(sentence):
    assert not NUMBER.search(sentence)
    assert not MAY_HOLD_NUMBER.search(sentence)


def test_no_number_of_real_news_is_lost_to_the_gate():
    path = shared_path("data", "quotes", "polnear", "dev.jsonl")
    checked = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            for sentence in json.loads(line)["text"].splitlines():
                if NUMBER.search(sentence):
                    checked += 1
                    assert MAY_HOLD_NUMBER.search(sentence), sentence
    assert checked > 100

"""Sentences and paragraphs as the quote rules read them (analyze/quotes/text.py)."""

import pytest

from crosswire.analyze.nlp import load_nlp
from crosswire.analyze.quotes.text import QuoteText, previous_paragraph_start
from crosswire.config import Config

TEXT = "Sgt. Ilse Brandt spoke to the U.S. envoy. Then she left.\n\nA new paragraph."


@pytest.fixture(scope="module")
def text() -> QuoteText:
    return QuoteText.of(load_nlp(Config().spacy_model)(TEXT), [])


def test_a_title_or_an_abbreviation_ends_no_sentence(text: QuoteText) -> None:
    assert text.sentence_end_after(0, len(TEXT)) == TEXT.index("envoy.") + len("envoy.")
    assert text.sentence_start_before(TEXT.index("Then"), 0) == TEXT.index(" Then")


def test_the_paragraph_before_skips_blank_lines() -> None:
    assert previous_paragraph_start(TEXT, TEXT.index("A new")) == 0
    assert previous_paragraph_start(TEXT, 5) == -1

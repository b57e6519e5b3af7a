"""Asides (analyze/quotes/asides.py)."""

from helpers import quotes_in, said

ASIDE = "The harbour, Mayor Oda Lind said, was never at risk of flooding."


def test_an_aside_cue_reports_the_sentence_around_it_and_is_left_out_of_the_text() -> None:
    assert said(ASIDE) == [
        ("indirect", "The harbour was never at risk of flooding", "said", "Oda Lind")
    ]
    quote = quotes_in(ASIDE)[0]
    assert ASIDE[quote.start : quote.end] == ASIDE.rstrip(".")
    assert said(ASIDE, "asides") == []

""""According to" attributions (analyze/quotes/according.py)."""

from helpers import said

REOPENS = "The Vellan pier will reopen in May, according to the harbour office."
CLOSED = "“The pier is closed until May,” according to the harbour office."


def test_according_to_after_a_quotation_is_its_cue() -> None:
    assert said(CLOSED) == [
        ("direct", "The pier is closed until May", "according to", "the harbour office")
    ]
    assert said(CLOSED, "according_to")[0][2:] == (None, None)


def test_according_to_attributes_the_clause_it_hangs_on() -> None:
    assert said(REOPENS) == [
        ("indirect", "The Vellan pier will reopen in May", "according to", "the harbour office")
    ]
    assert said(REOPENS, "according_to") == []

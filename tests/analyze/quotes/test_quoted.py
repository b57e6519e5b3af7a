"""Each quotation read as direct, partial or nobody's words (analyze/quotes/quoted.py)."""

from helpers import said


def test_a_quotation_standing_as_its_clause_is_direct() -> None:
    text = "“The pier is safe,” harbour master Ilse Brandt said."
    assert said(text) == [("direct", "The pier is safe", "said", "Ilse Brandt")]


def test_a_fragment_a_speech_verb_governs_is_partial() -> None:
    text = "Mayor Oda Lind called the tender “rigged” on Monday."
    assert said(text) == [("partial", "rigged", "called", "Oda Lind")]


def test_scare_quotes_are_nobodys_words() -> None:
    assert said("The “smart pier” project has been delayed again.") == []

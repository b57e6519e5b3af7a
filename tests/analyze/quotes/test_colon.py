"""Quotations introduced before their colon (analyze/quotes/colon.py)."""

from helpers import said

TOLD = "Harbour master Ilse Brandt told the council:\n“We checked every metre of the embankment.”"
HELD = "“The embankment held through every storm this winter.”"
ROUNDUP = f"POLL SHIFT - Ilse Brandt: {HELD}"
HEADLINE = f"Pier reopens, council says - Ilse Brandt: {HELD}"


def test_the_sentence_before_announces_the_quotation() -> None:
    assert said(TOLD)[0][2:] == ("told", "Ilse Brandt")
    assert said(TOLD, "introducing_cue")[0][2] is None


def test_a_source_named_alone_before_a_colon_speaks() -> None:
    assert said(ROUNDUP)[0][2:] == (None, "Ilse Brandt")
    assert said(ROUNDUP, "colon_source")[0][2:] == (None, None)


def test_a_verb_in_a_roundup_headline_is_no_cue() -> None:
    assert said(HEADLINE)[0][2:] == (None, "Ilse Brandt")
    assert said(HEADLINE, "roundup_dash")[0][2:] == ("says", "council")

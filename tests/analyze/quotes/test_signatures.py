"""Quotations signed by their source (analyze/quotes/signatures.py)."""

from helpers import said

DASHED = "“We will rebuild the pier before summer.” ― Ana Reyes"
BLOCK = "“We will rebuild the pier before summer, whatever the council decides.”\n- Ana Reyes."
TRANSCRIPT = "“Oskar Vell: We will rebuild the pier before summer.”"


def test_a_name_after_a_dash_on_the_closing_line_signs_the_quotation() -> None:
    assert said(DASHED)[0][3] == "Ana Reyes"
    assert said(DASHED, "dash_signature")[0][3] is None


def test_a_signature_line_under_a_block_quotation() -> None:
    assert said(BLOCK)[0][3] == "Ana Reyes"
    assert said(BLOCK, "signed_block")[0][3] is None


def test_a_transcript_line_opens_with_its_speaker() -> None:
    assert said(TRANSCRIPT)[0][3] == "Oskar Vell"
    assert said(TRANSCRIPT, "signed_block")[0][3] is None

"""The content span of a reported clause (analyze/quotes/spans.py)."""

from helpers import said

CHECKED = "Ilse Brandt said the inspectors had checked “every metre of the embankment.”"


def test_a_quotation_mark_trimmed_from_the_edge_goes_back() -> None:
    assert said(CHECKED)[0][1] == "the inspectors had checked “every metre of the embankment.”"
    assert said(CHECKED, "balanced_marks")[0][1] == (
        "the inspectors had checked “every metre of the embankment"
    )


def test_a_cue_with_its_particle_is_recorded_whole() -> None:
    text = "“The pier has never flooded in forty years,” Mayor Oda Lind pointed out."
    assert said(text)[0][2] == "pointed out"

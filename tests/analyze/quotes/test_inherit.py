"""Uncued quotations continue a speaker (analyze/quotes/inherit.py)."""

from helpers import said

AFTER_INDIRECT = (
    "Harbour master Ilse Brandt said that the council had checked the pier. "
    "“We checked every metre of it.”"
)
LAWSUIT = (
    "Harbour master Ilse Brandt announced the lawsuit on Monday. "
    "“We are seeking damages for every family.”"
)


def direct_speakers(text: str, *without: str) -> list[str | None]:
    return [q[3] for q in said(text, *without) if q[0] == "direct"]


def test_an_uncued_quotation_continues_the_statement_before_it() -> None:
    # the last subject is Brandt too: with that rule off, this one alone gives the speaker
    assert direct_speakers(AFTER_INDIRECT, "last_subject") == ["Ilse Brandt"]
    assert direct_speakers(AFTER_INDIRECT, "last_subject", "previous_speaker") == [None]


def test_else_the_person_last_named_as_a_subject_speaks() -> None:
    assert direct_speakers(LAWSUIT) == ["Ilse Brandt"]
    assert direct_speakers(LAWSUIT, "last_subject") == [None]

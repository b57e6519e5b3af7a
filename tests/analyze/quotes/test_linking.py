"""Quotations that continue one before them (analyze/quotes/linking.py)."""

from helpers import quotes_in, said

SPLIT = (
    "“The pier is safe,” harbour master Ilse Brandt said on Monday. "
    "“We checked every metre of it.”"
)
LISTED = "Mayor Oda Lind called the plan a “disgrace,” a “gift to developers” and “a betrayal.”"
PARAGRAPHS = (
    "“We will rebuild the pier before summer,” said harbour master Ilse Brandt.\n"
    "“The council has promised the money.”"
)
# The two later rules that would also give the second paragraph its speaker.
LATER = ("previous_speaker", "last_subject")


def test_the_halves_of_a_split_quote_are_one_quote() -> None:
    assert said(SPLIT) == [
        ("direct", "The pier is safe We checked every metre of it.", "said", "Ilse Brandt")
    ]
    assert [q[1] for q in said(SPLIT, "split_quotes")] == [
        "The pier is safe", "We checked every metre of it."
    ]


def test_fragments_listed_under_one_cue_are_one_quote() -> None:
    assert [q[1] for q in said(LISTED)] == ["disgrace, gift to developers"]
    assert [q[1] for q in said(LISTED, "listed_fragments")] == ["disgrace", "gift to developers"]


def test_a_quote_paragraph_continues_the_speaker_of_the_one_before() -> None:
    second = [q for q in quotes_in(PARAGRAPHS, *LATER) if q.cue is None]
    assert [q.speaker for q in second] == ["Ilse Brandt"]
    second = [q for q in quotes_in(PARAGRAPHS, *LATER, "quote_paragraphs") if q.cue is None]
    assert [q.speaker for q in second] == [None]

"""What an article says about who made it: bylines, wire datelines, first-published lines."""

from __future__ import annotations

import pytest

from crosswire.dedup.credits import find_credit


@pytest.mark.parametrize(
    ("text", "authors", "publisher"),
    [
        ("Opinion by Ilse Brandt for Vessa Post Perspectives\n\nThe dam held.",
         ("Ilse Brandt",), "Vessa Post Perspectives"),
        ("By Teodor Malvik and Ada Ruud, Tidewire\n\nThe dam held.",
         ("Teodor Malvik", "Ada Ruud"), "Tidewire"),
        ("by Ola Brenn\nThe dam held.", ("Ola Brenn",), None),
        ("ORVEL, Vessa (AP) — The dam held through the night, engineers said.", (),
         "Associated Press"),
        ("KESSEL (Reuters) - The dam held.", (), "Reuters"),
        ("The dam held.\nThis article was first published by The Orvel Courier.", (),
         "Orvel Courier"),
    ],
)
def test_credits_are_read_from_the_edges(text, authors, publisher):
    credit = find_credit(text)
    assert (credit.authors, credit.publisher) == (authors, publisher)


def test_prose_is_no_credit():
    text = (
        "By the numbers, the flood was the worst in decades.\n"
        "The board said the first published report was wrong by the Kessel standard.\n"
        "Engineers (AP style) wrote it up for the council."
    )
    assert not find_credit(text)


def test_stated_authors_are_kept():
    credit = find_credit("The dam held.", ["Ada Ruud"])
    assert credit.authors == ("Ada Ruud",) and credit.describe() == "Ada Ruud"

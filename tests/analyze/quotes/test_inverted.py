"""Speakers read off the words around an inverted or subjectless cue
(analyze/quotes/inverted.py)."""

from helpers import said

EDITORIAL = "“The ferry will run again in May,” the editorial read."
SKELLY = "“We will rebuild the pier before summer,” said Skelly."
REYES = "Said Reyes: “We will rebuild the pier before summer.”"
COMMUTER = "“Why would the ferry stop now?” asked one commuter."


def test_the_source_between_the_closing_mark_and_a_subjectless_cue() -> None:
    assert said(EDITORIAL)[0][2:] == ("read", "the editorial")
    assert said(EDITORIAL, "speaker_between")[0][2:] == (None, None)


def test_the_name_after_an_inverted_cue() -> None:
    assert said(SKELLY)[0][2:] == ("said", "Skelly")
    assert said(SKELLY, "name_after_cue")[0][2:] == (None, None)


def test_a_described_speaker_after_an_inverted_cue() -> None:
    assert said(COMMUTER)[0][2:] == ("asked", "one commuter")
    assert said(COMMUTER, "role_after_cue")[0][2:] == (None, None)


def test_the_name_after_a_cue_opening_its_sentence() -> None:
    assert said(REYES)[0][2:] == ("Said", "Reyes")
    assert said(REYES, "opening_cue_name")[0][2:] == ("Said", None)

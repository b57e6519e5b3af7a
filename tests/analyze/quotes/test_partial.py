"""Partial quotes and the verb they hang on (analyze/quotes/partial.py)."""

from helpers import said

TITLE = "Lind said on “Harbour Morning Live” that the pier would reopen."
CAMPAIGN = "The campaign, called “Win a Seat at the Table,” will start in May."
AS_LIND_SAID = "The new pier is “a lifeboat for the town,” as Mayor Oda Lind said on Monday."
DESCRIBED = (
    "Mayor Oda Lind described an outbreak linked to the Vellan school as “entirely preventable.”"
)


def test_a_quoted_title_is_nobodys_words() -> None:
    assert [q[0] for q in said(TITLE)] == ["indirect"]
    assert ("partial", "Harbour Morning Live", "said", "Lind") in said(TITLE, "titles")


def test_a_name_given_by_a_participle_is_nobodys_words() -> None:
    assert said(CAMPAIGN) == []
    assert said(CAMPAIGN, "names_given") == [
        ("direct", "Win a Seat at the Table", "called", None)
    ]


def test_the_cue_of_an_as_clause_governs_the_fragment() -> None:
    assert said(AS_LIND_SAID) == [
        ("partial", "a lifeboat for the town", "said", "Mayor Oda Lind")
    ]
    assert said(AS_LIND_SAID, "as_clause") == []


def test_the_describing_verb_governs_a_fragment_hung_on_its_object() -> None:
    assert said(DESCRIBED) == [("partial", "entirely preventable.", "described", "Oda Lind")]
    assert said(DESCRIBED, "described_as") == []

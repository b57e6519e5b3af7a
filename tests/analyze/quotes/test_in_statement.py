"""A fragment quoted inside indirect speech (analyze/quotes/in_statement.py)."""

from helpers import said

MOST = (
    "Mayor Oda Lind pointed out that “the pier has never flooded in forty years,” "
    "referring to the storms."
)
PART = (
    "Mayor Oda Lind said that “the pier will stay public” whatever the council decides "
    "about the old ferry shed."
)


def test_a_fragment_that_is_most_of_the_statement_stands_for_it() -> None:
    assert [q[0] for q in said(MOST)] == ["partial"]
    assert sorted(q[0] for q in said(MOST, "fragment_in_statement")) == ["indirect", "partial"]


def test_a_fragment_inside_a_longer_statement_is_part_of_it() -> None:
    assert [q[0] for q in said(PART)] == ["indirect"]
    assert sorted(q[0] for q in said(PART, "fragment_in_statement")) == ["indirect", "partial"]

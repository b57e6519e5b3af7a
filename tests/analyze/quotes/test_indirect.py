"""Indirect speech (analyze/quotes/indirect.py)."""

from helpers import quotes_in, said

STATEMENT = "Mayor Oda Lind said in a statement that the pier would reopen in May."
CLAIMING = "Mayor Oda Lind said the pier was safe, claiming that the storms had done no damage."


def test_the_reported_clause_leaves_that_out() -> None:
    text = "Harbour master Ilse Brandt warned that the embankment would not hold."
    assert said(text) == [("indirect", "the embankment would not hold", "warned", "Ilse Brandt")]


def test_a_clause_hung_on_the_noun_of_said_in_a_statement_is_reported() -> None:
    assert said(STATEMENT) == [("indirect", "the pier would reopen in May", "said", "Oda Lind")]
    assert said(STATEMENT, "clause_on_noun") == []


def test_a_participle_after_a_comma_is_the_next_statement() -> None:
    assert [q[1] for q in said(CLAIMING)] == ["the pier was safe", "the storms had done no damage"]
    assert said(CLAIMING, "next_statement")[0][1] == (
        "the pier was safe, claiming that the storms had done no damage"
    )


DIKES = "The mayor praised the new dikes, which she said were built faster than planned."
NIGHT_FERRY = "The ferry company cut the night service, which many commuters believe was a mistake."


def test_a_relative_clause_around_its_cue_reports_what_follows_the_cue() -> None:
    assert said(DIKES) == [("indirect", "were built faster than planned", "said", "she")]
    assert said(DIKES, "relative_subject")[0][1] == (
        "which she said were built faster than planned"
    )


def test_a_view_in_a_relative_clause_is_a_belief() -> None:
    [quote] = quotes_in(NIGHT_FERRY)
    assert (quote.text, quote.mode) == ("was a mistake", "belief")
    assert quotes_in(NIGHT_FERRY, "relative_subject")[0].mode == "statement"

"""Stance verbs (analyze/quotes/stance.py)."""

from helpers import said

ACCUSED = "Mayor Oda Lind accused the harbour council of hiding the repair costs."


def test_a_stance_taken_is_a_statement_of_its_subject() -> None:
    assert said(ACCUSED) == [
        ("indirect", "the harbour council of hiding the repair costs", "accused", "Oda Lind")
    ]
    assert said(ACCUSED, "stance_verbs") == []


def test_a_stance_imagined_states_nothing() -> None:
    assert said("The harbour council could accuse the mayor of hiding the repair costs.") == []

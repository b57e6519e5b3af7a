"""The cue after a quotation (analyze/quotes/cue_after.py), each rule on and switched off."""

from helpers import said

BEAMED = "“This is the best harvest in ten years,” Marta Kolding beamed."
ANSWERS = "“The ferry will run again in May,” Brandt answers."


def test_an_open_quotation_is_reported_by_whatever_verb_follows() -> None:
    assert said(BEAMED) == [
        ("direct", "This is the best harvest in ten years", "beamed", "Marta Kolding")
    ]
    assert said(BEAMED, "any_verb_after_open_quote") == [
        ("direct", "This is the best harvest in ten years", None, None)
    ]


def test_a_cue_tagged_as_a_noun_is_a_cue() -> None:
    assert said(ANSWERS) == [("direct", "The ferry will run again in May", "answers", "Brandt")]
    assert said(ANSWERS, "noun_tagged_cue")[0][2:] == (None, None)


def test_a_closed_quotation_is_not_reported_by_news_in_the_next_sentence() -> None:
    text = "“We lost again.” The Herons have lost four finals, and Pell vowed to end the run."
    direct = [q for q in said(text) if q[0] == "direct"]
    assert direct == [("direct", "We lost again.", None, None)]

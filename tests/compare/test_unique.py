from crosswire.compare.unique import is_statement, unique_passages
from crosswire.records import Passage, QuoteGroup

LEDGER = (
    "Ilse Brandt said the northern bridge will reopen to traffic in early spring.\n"
    "Harbor Works Expand\n"
    "The port authority has doubled its fleet of tugboats since the last flood season.\n"
    "Brandt thanked them."
)
TIMES = "The northern bridge is set to reopen to traffic in early spring, Brandt told reporters."


def test_only_content_no_other_outlet_carries_is_unique(story):
    story.article("a", "Harbor Ledger", LEDGER)
    story.article("b", "Northgate Times", TIMES)
    unique = unique_passages(story.sources(), [])
    # the heading and the three-word sentence are not facts to flag
    assert [(u.article, u.text) for u in unique] == [
        ("a", "The port authority has doubled its fleet of tugboats since the last flood season.")
    ]
    story.assert_passages(unique)


def test_sentence_inside_a_shared_quote_is_not_unique(story):
    text = "She added: the tugboat fleet will double again before the winter storms arrive."
    story.article("a", "Harbor Ledger", text)
    story.article("b", "Northgate Times", TIMES)
    start = text.index("the tugboat")
    shared = QuoteGroup("Ilse Brandt", "corroborated", [
        Passage("a", text[start:], start, len(text)), Passage("b", TIMES, 0, len(TIMES)),
    ], ["Harbor Ledger", "Northgate Times"])
    assert unique_passages(story.sources(), [shared]) == []
    assert unique_passages(story.sources(), []) != []


def test_single_outlet_story_lists_nothing(story):
    story.article("a", "Harbor Ledger", LEDGER)
    assert unique_passages(story.sources(), []) == []


def test_is_statement():
    assert is_statement("The port authority has doubled its fleet.")
    assert not is_statement("The Russia-Vorland Axis Gains Strength")
    assert not is_statement("Brandt thanked them.")


def test_content_in_other_words_is_carried(story):
    story.article("a", "Harbor Ledger", "The tugboat fleet of the port authority has doubled.")
    story.article("b", "Northgate Times", "The port authority's fleet of tugboats is twice as big.")
    assert unique_passages(story.sources(), []) == []


def test_a_denial_of_another_outlets_sentence_is_not_carried_by_it(story):
    story.article("a", "Harbor Ledger", "The tugboat fleet of the port authority has doubled.")
    story.article("c", "Valley Wire", "The port authority's tugboat fleet has not doubled at all.")
    assert {u.article for u in unique_passages(story.sources(), [])} == {"a", "c"}

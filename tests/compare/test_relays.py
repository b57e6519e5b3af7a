from crosswire.compare.relays import drop_relays, publication_key, relayed_from
from crosswire.compare.story import compare_story
from crosswire.records import Passage


def test_a_passage_rests_on_the_publication_it_is_credited_to(story):
    story.article("a", "Harbor Ledger", "Quill, according to the Harbour Times, said he had "
                  "misspoken at the rally.")
    story.article("b", "Valley Wire", "Quill told the Harbour Times he had misspoken at the rally.")
    story.article("c", "Northgate Post", "Quill said on Monday he had misspoken at the rally.")
    story.quote("a", "he had misspoken at the rally", speaker="Harbour Times")
    story.claim("b", "told the Harbour Times", "venue", "interview:Harbour Times")
    story.quote("b", "he had misspoken at the rally", speaker="Tomas Quill")
    story.quote("c", "he had misspoken at the rally", speaker="Tomas Quill")
    a, b, c = story.sources()

    def at(source, phrase):
        start = source.article.text.index(phrase)
        return Passage(source.article.id, phrase, start, start + len(phrase))

    assert relayed_from(a, at(a, "he had misspoken")) == "times"
    assert relayed_from(b, at(b, "he had misspoken")) == "times"
    assert relayed_from(c, at(c, "he had misspoken")) is None
    assert publication_key("The Harbour Times") == publication_key("Times")


def test_outlets_relaying_one_publication_count_once():
    relays = {"Harbor Ledger": {"times"}, "Valley Wire": {"times"}}
    assert drop_relays(["Harbor Ledger", "Valley Wire"], relays) == ["Harbor Ledger"]
    assert drop_relays(["Harbor Ledger", "Northgate Post"], relays) == [
        "Harbor Ledger", "Northgate Post"
    ]  # an outlet with its own account is another origin


def test_a_quote_two_outlets_relay_from_one_paper_is_not_corroborated(story):
    story.article("a", "Harbor Ledger", "Quill, according to the Harbour Times, said he had "
                  "misspoken at the rally in Orvel.")
    story.article("b", "Valley Wire", "Quill told the Harbour Times he had misspoken at the "
                  "rally in Orvel.")
    story.quote("a", "he had misspoken at the rally in Orvel", speaker="Harbour Times")
    story.claim("b", "told the Harbour Times", "venue", "interview:Harbour Times")
    story.quote("b", "he had misspoken at the rally in Orvel", speaker="Tomas Quill")
    comparison = compare_story("s", story.articles, story.analyses)
    (group,) = comparison.quotes
    assert group.speaker == "Tomas Quill"  # the person, not the paper
    assert group.status == "single-source" and group.origins == ["Harbor Ledger"]

"""Profiles: terms, their polarity, numbers, acronyms and weights (fictional sentences)."""

from __future__ import annotations

import pytest

from crosswire.compare.meaning.knowledge import knowledge
from crosswire.compare.meaning.terms import (
    ADVERB_WEIGHT,
    MIN_CONTEXT,
    in_context,
    merged,
    profile,
    stem,
)


def test_a_negation_reaches_to_the_end_of_its_clause():
    p = profile("The Vorland economy is not in recession, and its exports keep growing")
    assert p.denied == {"recess"}
    assert {"economi", "export", "grow"} <= p.affirmed
    # "that" keeps the complement inside the denial: "I do not think that X" denies X
    assert "recess" in profile("I do not think that Vorland is in a recession").denied
    # a subordinate clause ends it: the engineers' inspection is not denied
    p = profile("Nobody will return before the engineers have inspected the dam")
    assert "return" in p.denied and "inspect" in p.affirmed


def test_a_term_said_both_ways_has_no_polarity():
    p = profile("Safe piers matter. There is no safe pier.")
    assert "pier" not in p.denied | p.affirmed


def test_numbers_as_digits_and_words():
    assert profile("within three years, 1,200 homes").numbers == {"3", "1200"}
    # "one of the largest" is no count
    assert profile("one of the largest ports").numbers == set()
    assert profile("1 port").numbers == {"1"}


def test_acronyms_are_names_even_when_short_or_a_stop_word():
    p = profile("The U.S. told us that the EU agrees")
    assert {"us", "eu"} <= p.keys
    assert "us" not in profile("The minister told us that the port agrees").keys
    # a headline in capitals has no acronyms, only words
    assert profile("MINISTER TELLS US THE PORT WILL OPEN").keys == profile(
        "minister tells us the port will open"
    ).keys


def test_lemmas_stems_and_synonyms():
    a, b = profile("the biggest shareholder"), profile("the largest shareholders")
    assert a.keys & b.keys == {stem("shareholder")}
    assert a.synonyms & b.synonyms  # big / large share a WordNet set
    assert "do" not in profile("What does this mean?").keys  # "does" is "do", a stop word


def test_adverbs_weigh_half():
    (term,) = profile("currently").terms
    assert term.weight == pytest.approx(knowledge().weight(term.key) * ADVERB_WEIGHT)


def test_merged_reads_two_sentences_as_one():
    a, b = profile("The pier is closed."), profile("It will not reopen before spring.")
    both = merged(a, b)
    assert both.keys == a.keys | b.keys
    assert both.weight == pytest.approx(a.weight + b.weight)
    assert "reopen" in both.denied and "pier" in both.affirmed


def test_context_weighs_down_the_words_every_passage_shares():
    alone = [profile("The harbour of Olvane reopened"), profile("The harbour of Olvane flooded")]
    assert in_context(alone) == alone  # too few passages to say what the story's words are
    story = [profile(f"The harbour of Olvane saw event {i} on a storm night") for i in range(30)]
    story.append(profile("The harbour of Olvane reopened its pier"))
    weighed = in_context(story)
    assert len(weighed) == len(story) == MIN_CONTEXT + 11
    before, after = story[-1].weights, weighed[-1].weights
    assert after["pier"] == pytest.approx(before["pier"])  # only this passage has it
    assert after["harbour"] < before["harbour"] / 2  # every passage has it

"""Statement rules (analyze.statements): one test per named rule, on fictional reports,
each checked with the rule on and switched off."""

from __future__ import annotations

import pytest

from crosswire.analyze import analyze_article
from crosswire.analyze.nlp import load_nlp
from crosswire.analyze.statements.questions import is_question_text
from crosswire.analyze.statements.registry import RULES, switched_off
from crosswire.analyze.statements.terms import mark_term
from crosswire.config import Config
from crosswire.records import Article, Quote


def quotes_of(text: str) -> list[Quote]:
    return analyze_article(Article(id="t", source="t", text=text, raw=text)).quotes


def quote_ending(text: str, tail: str) -> Quote:
    found = [q for q in quotes_of(text) if q.text.rstrip(".").endswith(tail)]
    assert found, [q.text for q in quotes_of(text)]
    return min(found, key=lambda q: len(q.text))


DENIAL = "Harbour master Ilse Brandt said on Monday that she doesn't believe the pier is unsafe."


def test_negation_stays_with_the_reported_clause() -> None:
    quote = quote_ending(DENIAL, "the pier is unsafe")
    assert quote.text.startswith("doesn't believe")
    assert DENIAL[quote.start :].startswith("doesn't believe")
    with switched_off("negation"):
        assert quote_ending(DENIAL, "the pier is unsafe").text == "the pier is unsafe"


def test_a_belief_is_no_statement_and_the_statement_around_it_is() -> None:
    quotes = quotes_of(DENIAL)
    belief = quote_ending(DENIAL, "the pier is unsafe")
    assert belief.mode == "belief"
    said = [q for q in quotes if q.cue == "said"]
    assert said and said[0].mode == "statement" and "doesn't believe" in said[0].text
    with switched_off("beliefs"):
        assert quote_ending(DENIAL, "the pier is unsafe").mode == "statement"


def test_a_hope_is_no_statement() -> None:
    text = "The ferry operators hope the new timetable will win back commuters."
    assert quote_ending(text, "win back commuters").mode == "hope"


RELAYED = (
    "Economist Pia Lund said that Hale is essentially saying the harbour tax needs to be higher."
)


def test_relayed_words_go_to_the_one_who_relays_them() -> None:
    inner = min(
        (q for q in quotes_of(RELAYED) if q.cue == "saying"), key=lambda q: q.start
    )
    assert inner.mode == "relayed"
    assert inner.speaker_text is not None and "Lund" in inner.speaker_text
    with switched_off("relayed"):
        again = [q for q in quotes_of(RELAYED) if q.cue == "saying"][0]
        assert again.mode == "statement" and "Lund" not in (again.speaker_text or "")
        assert again.text == inner.text


COUNCILLORS = (
    "Ms. Lind and Mr. Vell said the port had broadly raised its fees by adding a few charges to "
    "the old tariffs, amounting to what the councillors said was a hidden tax."
)


def test_the_same_people_described_again_are_not_relaying() -> None:
    inner = [q for q in quotes_of(COUNCILLORS) if q.text == "was a hidden tax"]
    assert [(q.speaker_text, q.mode) for q in inner] == [("the councillors", "statement")]


QUESTION = "“Who signed off on the dredging contract?” councillor Aron Vik asked on Tuesday."


def test_a_quoted_question_is_no_statement() -> None:
    quote = quote_ending(QUESTION, "the dredging contract?")
    assert quote.mode == "question"
    with switched_off("questions"):
        assert quote_ending(QUESTION, "the dredging contract?").mode == "statement"


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("Who pays for it?", True),
        ("We will pay. Who else would?", False),
        ("We will pay for it.", False),
    ],
)
def test_question_text(text: str, question: bool) -> None:
    assert is_question_text(text) is question


TERM = "Mayor Lena Dahl is credited with the “dredging rule” that ended the strike."


def test_a_scare_quoted_term_is_no_statement() -> None:
    terms = [q for q in quotes_of(TERM) if q.text == "dredging rule"]
    assert terms and terms[0].mode == "term"
    with switched_off("terms"):
        assert all(q.mode == "statement" for q in quotes_of(TERM) if q.text == "dredging rule")


def test_a_word_given_by_a_naming_verb_stays_the_speakers() -> None:
    text = "Union leader Tor Berg called the offer a “disgrace” on Friday."
    named = [q for q in quotes_of(text) if q.text == "disgrace"]
    assert named and named[0].mode == "statement"


def test_unknown_rule_names_are_refused() -> None:
    with pytest.raises(KeyError), switched_off("no-such-rule"):
        pass


def test_every_rule_is_registered_once_with_a_summary() -> None:
    assert {"negation", "relayed", "beliefs", "questions", "terms"} <= set(RULES)
    assert all(rule.summary for rule in RULES.values())


def _marked(text: str, words: str, verb: str | None) -> str:
    """The mode the terms rule gives the quoted ``words`` of ``text`` under the cue ``verb``."""
    doc = load_nlp(Config(db=":memory:").spacy_model)(text)
    start = text.index(words)
    cue = next(t for t in doc if t.lower_ == verb) if verb else None
    quote = Quote(start=start, end=start + len(words), text=words, kind="partial", cue=verb)
    mark_term(doc, quote, cue)
    return quote.mode


REPORTED_TERM = "Councillor Mara Voss argued that a hull holds off the water in a “perfect storm”."


def test_a_quoted_phrase_inside_what_a_speaker_argued_stays_a_statement() -> None:
    # The check that the phrase sits in the clause a verb of saying reports compares parser
    # tokens: by position, since spaCy makes a new Token object on every access.
    assert _marked(REPORTED_TERM, "perfect storm", "argued") == "statement"
    assert _marked(REPORTED_TERM, "perfect storm", None) == "term"  # no verb of saying


def test_a_quoted_phrase_a_verb_of_saying_takes_as_object_is_a_term() -> None:
    text = "Sailors this week are recalling the “Harbour panic” that emptied the docks."
    assert _marked(text, "Harbour panic", "recalling") == "term"

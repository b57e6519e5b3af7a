import pytest

from crosswire.analyze.claims import extract_claims
from crosswire.analyze.entities import extract_entities
from crosswire.analyze.nlp import load_nlp
from crosswire.config import Config


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(Config().spacy_model)


def claims(nlp, text):
    doc = nlp(text)
    entities, _ = extract_entities(doc)
    found = extract_claims(doc, entities)
    for c in found:
        assert text[c.start : c.end] == c.text
        assert c.sentence_start <= c.start < c.end <= c.sentence_end
    return [(c.kind, c.value, c.text) for c in found]


@pytest.mark.parametrize(
    ("text", "value", "phrase"),
    [
        ("In remarks to a Vorland outlet over the weekend, Brandt spoke.",
         "interview:a Vorland outlet", "In remarks to a Vorland outlet"),
        ("Brandt said so in an interview with Tagesblatt.", "interview:Tagesblatt",
         "in an interview with Tagesblatt"),
        ("Talking to Tagesblatt, Brandt said so.", "interview:Tagesblatt", "Talking to Tagesblatt"),
        ("In an interview with German newspaper Tagesblatt, Brandt said so.",
         "interview:Tagesblatt", "In an interview with German newspaper Tagesblatt"),
        ("She told the Harbor Ledger that she would stay.", "interview:Harbor Ledger",
         "told the Harbor Ledger"),
        ("Speaking in Ostberg earlier this week, Brandt warned.", "speech:Ostberg",
         "Speaking in Ostberg"),
        ("Speaking at a press conference in Ostberg, she added more.", "speech:Ostberg",
         "Speaking at a press conference in Ostberg"),
    ],
)
def test_venues(nlp, text, value, phrase):
    assert ("venue", value, phrase) in claims(nlp, text)


def test_dateline_opens_the_article(nlp):
    found = claims(nlp, "OSTBERG — Ilse Brandt warned of the flood. Rain fell.")
    assert found[0] == ("venue", "dateline:Ostberg", "OSTBERG —")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Brandt spoke over the weekend to staff.", "weekend"),
        ("Brandt spoke earlier this week to staff.", "this week"),
        ("Brandt spoke last month to staff.", "last month"),
        ("Brandt said in August he would go.", "August"),
        ("Brandt spoke on Monday to staff.", "Monday"),
        ("Brandt spoke on 12 March to staff.", "12 March"),
    ],
)
def test_dates(nlp, text, value):
    assert [c[1] for c in claims(nlp, text) if c[0] == "date"] == [value]


def test_ordinary_speech_is_no_claim(nlp):
    text = "Speaking to reporters, Brandt was calm. She told him so. It may rain."
    assert claims(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("At least 480 people were hurt, according to the Olvane hospital board.",
         "Olvane hospital board"),
        ("The reservoir held 9 million cubic metres, the regional water board said.",
         "regional water board"),
        ("Port officials said 90 boats sank in the surge.", "Port officials"),
        ('"According to our estimates, 90 boats sank," Toller said.', "our estimates"),
    ],
)
def test_sources_credited_by_a_sentence(nlp, text, value):
    assert [c[1] for c in claims(nlp, text) if c[0] == "source"] == [value]


def test_pronoun_is_no_source(nlp):
    found = claims(nlp, "The pier will reopen soon, she said.")
    assert [c for c in found if c[0] == "source"] == []


def test_the_subject_of_a_passive_report_is_no_source(nlp):
    # what was reported, not who reported it
    found = claims(nlp, "Vellan ferry traffic for June was reported in mid-July to be up 4%.")
    assert [c for c in found if c[0] == "source"] == []

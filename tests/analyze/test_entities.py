"""Entity mentions carry the canonical actor they refer to."""

from __future__ import annotations

from crosswire.analyze.entities import extract_entities
from crosswire.analyze.nlp import load_nlp
from crosswire.config import Config


def test_person_mentions_share_one_actor() -> None:
    doc = load_nlp(Config().spacy_model)(
        "Mayor Ewa Sarnik visited the flooded district. Later Sarnik met the residents."
    )
    entities, actors = extract_entities(doc)
    persons = [e for e in entities if e.label == "PERSON"]
    assert persons and all(e.actor == "Ewa Sarnik" for e in persons)
    assert set(actors["Ewa Sarnik"]) >= {"Ewa Sarnik", "Sarnik"}
    for e in entities:
        assert doc.text[e.start : e.end] == e.text


def test_two_people_with_one_surname_stay_apart() -> None:
    doc = load_nlp(Config().spacy_model)(
        "Oskar Lind runs a smokehouse in Velmar. Marta Lind, his cousin, said she disagreed."
    )
    _, actors = extract_entities(doc)
    assert "Oskar Lind" in actors and "Marta Lind" in actors

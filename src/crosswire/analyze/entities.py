"""Named entities and the canonical actors they refer to."""

from __future__ import annotations

from spacy.tokens import Doc

from crosswire.analyze.actors import ActorIndex, clean_name, description_span, is_description
from crosswire.analyze.cached import doc_ents
from crosswire.analyze.cues import ROLE_NOUNS
from crosswire.records import Entity

ACTOR_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
# Where the actor index of a doc is kept, so quote attribution reuses it instead of rebuilding.
ACTORS_KEY = "crosswire.actors"


def actor_index(doc: Doc) -> ActorIndex:
    """The doc's :class:`ActorIndex`, built once and cached on the doc."""
    index = doc.user_data.get(ACTORS_KEY)
    if index is None:
        index = ActorIndex(doc)
        doc.user_data[ACTORS_KEY] = index
    return index


def extract_entities(doc: Doc) -> tuple[list[Entity], dict[str, list[str]]]:
    """Entity mentions, and actors as ``{canonical name: [surface forms]}``.

    Mentions of one person merge when one name ends with the other ("Rutte", "Mark Rutte"), and
    role descriptions ("the NATO chief") join the person holding that role; the fullest name
    is the canonical one. Organisations and places get their name as written as actor.
    """
    index = actor_index(doc)
    entities: list[Entity] = []
    for ent in doc_ents(doc):
        entity = Entity(ent.start_char, ent.end_char, ent.text, ent.label_)
        if ent.label_ == "PERSON":
            entity.actor = index.actor_at(ent.start_char, ent.end_char)
        elif ent.label_ in ACTOR_LABELS:
            words = clean_name(ent.text).split()
            if words and words[0].lower() == "the":
                words = words[1:]
            entity.actor = " ".join(words) or None
        entities.append(entity)
    for token in doc:
        # Role descriptions are only worth resolving where they act or are named as a person.
        if token.lower_ not in ROLE_NOUNS or token.dep_ not in ("nsubj", "nsubjpass", "pobj"):
            continue
        span = description_span(token)
        if not is_description(span):
            continue
        name = index.resolve_description(span)
        if name is not None:
            index.add_form(name, span.text)
    return entities, index.actors()

"""Named entities and the canonical actors they refer to."""

from __future__ import annotations

from spacy.tokens import Doc

from crosswire.records import Entity

ACTOR_LABELS = {"PERSON", "ORG", "NORP", "GPE"}


def extract_entities(doc: Doc) -> tuple[list[Entity], dict[str, list[str]]]:
    """Entity mentions, and actors as ``{canonical name: [surface forms]}``.

    A person's mentions are merged when one name ends with the other ("Rutte",
    "Mark Rutte"); the longest form is the canonical name.
    """
    entities: list[Entity] = []
    persons: dict[str, set[str]] = {}
    for ent in doc.ents:
        entities.append(Entity(ent.start_char, ent.end_char, ent.text, ent.label_))
        if ent.label_ == "PERSON":
            persons.setdefault(ent.text, set()).add(ent.text)
    canonical: dict[str, str] = {}
    names = sorted(persons, key=len, reverse=True)
    for name in names:
        target = next(
            (longer for longer in names if len(longer) > len(name) and longer.endswith(" " + name)),
            name,
        )
        canonical[name] = canonical.get(target, target)
    actors: dict[str, list[str]] = {}
    for entity in entities:
        if entity.label == "PERSON":
            entity.actor = canonical[entity.text]
            forms = actors.setdefault(entity.actor, [])
            if entity.text not in forms:
                forms.append(entity.text)
    return entities, actors

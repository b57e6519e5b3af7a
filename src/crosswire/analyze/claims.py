"""Event facts an analyst compares: the venue/occasion and date of reported remarks."""

from __future__ import annotations

from spacy.tokens import Doc

from crosswire.records import Claim, Entity


def extract_claims(doc: Doc, entities: list[Entity]) -> list[Claim]:
    """Venue/occasion and date claims of an article."""
    return []

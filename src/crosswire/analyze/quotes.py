"""Quotes and their speakers."""

from __future__ import annotations

from spacy.tokens import Doc

from crosswire.records import Entity, Quote


def extract_quotes(doc: Doc, entities: list[Entity], actors: dict[str, list[str]]) -> list[Quote]:
    """Direct, partial and indirect quotes of an article with their speakers."""
    return []

"""Figures: numbers with what they count."""

from __future__ import annotations

from spacy.tokens import Doc

from crosswire.records import Figure, Quote


def extract_figures(doc: Doc, quotes: list[Quote]) -> list[Figure]:
    """Numbers with unit, qualifier and the thing they count."""
    return []

"""Figures as measurements: a number with its unit, bound and direction of change, and what it
counts; a stage per module (``extract`` finds and parses numbers, ``units`` names the unit
written after a number, ``change`` reads the direction of a change) so that each can be read,
tested and measured alone."""

from crosswire.analyze.figures.extract import (
    SCALES,
    SMALL_WORDS,
    extract_figures,
    extract_quantities,
    parse_amount,
    sentence_spans,
)

__all__ = [
    "SCALES",
    "SMALL_WORDS",
    "extract_figures",
    "extract_quantities",
    "parse_amount",
    "sentence_spans",
]

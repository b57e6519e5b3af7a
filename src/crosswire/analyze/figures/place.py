"""Place: the country, state or city a figure refers to ("U.S. inflation hit 9.1%", "jobless
claims in Ohio rose 4%"), the named place nearest to it in its clause, under one name for its
spellings ("US", "U.S." and "America" are the United States, from ``places.json``), so that
two figures of different places are never compared as one measure."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Span

from crosswire.analyze.cached import doc_text, ents_within
from crosswire.analyze.figures.period import clause_bounds

_TABLE = Path(__file__).with_name("places.json")
_LABELS = {"GPE", "LOC"}


@cache
def _aliases() -> dict[str, str]:
    data = json.loads(_TABLE.read_text(encoding="utf-8"))["places"]
    return {alias.lower(): name for name, aliases in data.items() for alias in aliases}


def place_name(text: str) -> str:
    """One name for a place however written ("the U.S." -> "United States")."""
    text = re.sub(r"^the\s+|['’]s$", "", text.strip(), flags=re.IGNORECASE)
    return _aliases().get(text.lower(), text)


def figure_place(doc: Doc, start: int, end: int) -> str | None:
    """The place named nearest to the figure at ``doc.text[start:end]`` in its clause."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    sentence = span[0].sent
    s0 = sentence.start_char
    left, right = clause_bounds(sentence.text, start - s0, end - s0)
    found: list[tuple[int, str]] = []
    for ent in ents_within(sentence):
        if not (s0 + left <= ent.start_char and ent.end_char <= s0 + right):
            continue
        if ent.start_char < end and start < ent.end_char:
            continue  # the figure's own words
        if _of_person(ent):
            continue
        known = ent.text.lower() in _aliases() or place_name(ent.text) != ent.text
        if ent.label_ in _LABELS or ent.label_ == "NORP" and known:
            distance = start - ent.end_char if ent.end_char <= start else ent.start_char - end
            found.append((distance, place_name(ent.text)))
    return min(found)[1] if found else None


def _of_person(ent: Span) -> bool:
    """Whether a place only says whom a person represents or where they are from: a
    politician's party-and-state tag ("Asa Hutchinson (R-Ark.)", "Harry Reid (D-Nev.)") or
    "Harry Reid of Nevada". The figure is not of that place."""
    text = doc_text(ent.doc)
    before = text[max(0, ent.start_char - 4) : ent.start_char]
    if re.search(r"\([A-Z]-?$|\($", before):
        return True
    head = ent.root.head
    if head.lower_ == "of" and head.dep_ == "prep" and head.head.ent_type_ == "PERSON":
        return True
    return ent.root.dep_ == "appos" and head.ent_type_ == "PERSON"


def places_differ(a: str | None, b: str | None) -> bool:
    """Whether two places exclude each other; a place against none does not (an outlet may
    just not say where)."""
    return bool(a and b and a.lower() != b.lower())

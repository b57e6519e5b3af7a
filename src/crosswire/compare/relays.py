"""Passages that rest on a publication's report.

"The senator, according to the Times, said he had misspoken" and "the senator told the Times
he had misspoken" are two outlets relaying one newspaper's interview: whatever they add, the
remark reached both through that paper, so they are one origin, not two that corroborate
each other. A passage rests on a publication when its quote is credited to one
(:mod:`crosswire.compare.publications`) or its sentence places the remark in an interview
with one.
"""

from __future__ import annotations

import re

from crosswire.compare.publications import is_publication
from crosswire.compare.sources import Source
from crosswire.records import Passage


def relayed_from(source: Source, passage: Passage) -> str | None:
    """The publication (a comparison key) the passage's words were reported by, or None."""
    for quote in source.analysis.quotes:
        if quote.start < passage.end and passage.start < quote.end and is_publication(
            quote.speaker
        ):
            return publication_key(quote.speaker or "")
    sentences = [(s, e) for s, e in source.analysis.sentences
                 if s < passage.end and passage.start < e]
    for claim in source.analysis.claims:
        kind, _, detail = claim.value.partition(":")
        in_sentence = any(s <= claim.start < e for s, e in sentences)
        if claim.kind == "venue" and kind == "interview" and in_sentence and is_publication(
            detail
        ):
            return publication_key(detail)
    return None


def publication_key(name: str) -> str:
    """One key for a publication's names: "the Times", "Times" and "New York Times" share
    their last word, the part every short form keeps."""
    words = re.findall(r"[^\W_]+", name.lower())
    return words[-1] if words else ""


def drop_relays(origins: list[str], relays: dict[str, set[str]]) -> list[str]:
    """The origins left when outlets whose passages all rest on one publication count once
    (``relays``: outlet -> the publications its passages rest on, empty when some passage
    rests on none)."""
    kept: list[str] = []
    seen: set[str] = set()
    for outlet in origins:
        rests = relays.get(outlet, set())
        if rests and rests <= seen:
            continue
        seen |= rests
        kept.append(outlet)
    return kept

"""Compare where and when outlets say the remarks were made.

"In remarks to a German outlet" and "in an interview with Bild" are compatible (both an
interview with a media outlet, one unnamed); either against "Speaking in Brussels" is a
different occasion, which an analyst must know before treating the quotes as one event.
"""

from __future__ import annotations

from collections.abc import Callable

from crosswire.compare.sources import Source
from crosswire.compare.text import passage
from crosswire.records import Claim, Discrepancy, Passage

_GENERIC_PREFIXES = ("a ", "an ")


def _occasion(claim: Claim) -> tuple[str, str]:
    kind, _, detail = claim.value.partition(":")
    return kind, detail


def compatible_venues(a: str, b: str) -> bool:
    """Whether two venue values can describe the same occasion.

    Examples:
        >>> compatible_venues("interview:a Vorland daily", "interview:Vorland Post")
        True
        >>> compatible_venues("interview:Vorland Post", "speech:Vorstadt")
        False
    """
    kind_a, detail_a = a.split(":", 1)
    kind_b, detail_b = b.split(":", 1)
    if kind_a != kind_b:
        return False
    if detail_a.lower() == detail_b.lower():
        return True
    # an unnamed outlet or event ("a German outlet", "a press conference") fits any named one
    return detail_a.lower().startswith(_GENERIC_PREFIXES) or detail_b.lower().startswith(
        _GENERIC_PREFIXES
    )


def _venue_claims(source: Source) -> list[Claim]:
    """Occasions of remarks; a dateline is where the reporter filed, not where anyone spoke."""
    return [
        c for c in source.analysis.claims
        if c.kind == "venue" and _occasion(c)[0] in ("interview", "speech")
    ]


def _remark_dates(source: Source) -> list[Claim]:
    """Dates in a sentence that names the occasion: the date of the remarks themselves.
    Other dates ("said in August he wanted to participate") belong to other events."""
    venues = {(c.sentence_start, c.sentence_end) for c in _venue_claims(source)}
    return [
        c for c in source.analysis.claims
        if c.kind == "date" and (c.sentence_start, c.sentence_end) in venues
    ]


def _side(source: Source, claim: Claim) -> Passage:
    article = source.article
    start, end = claim.sentence_start, claim.sentence_end
    if end <= start:
        start, end = claim.start, claim.end
    return passage(article.id, article.text, start, end)


def _label(value: str) -> str:
    kind, detail = value.split(":", 1)
    return f"an interview with {detail}" if kind == "interview" else f"a {kind} in {detail}"


def _conflicts(
    per_source: list[tuple[Source, Claim]], compatible: Callable[[str, str], bool]
) -> list[tuple[Source, Claim]] | None:
    """The claims (one per outlet) if some two outlets' claims are incompatible, else None."""
    firsts: dict[str, tuple[Source, Claim]] = {}
    for source, claim in per_source:
        firsts.setdefault(source.outlet, (source, claim))
    sides = list(firsts.values())
    for i, (_, a) in enumerate(sides):
        for _, b in sides[i + 1 :]:
            if not compatible(a.value, b.value):
                return sides
    return None


def compare_venues(sources: list[Source]) -> list[Discrepancy]:
    """A "venue" discrepancy when outlets place the remarks at incompatible occasions, and a
    "date" discrepancy when they date them differently."""
    discrepancies: list[Discrepancy] = []
    venues = [(s, c) for s in sources for c in _venue_claims(s)]
    sides = _conflicts(venues, compatible_venues)
    if sides:
        described = "; ".join(f"{_label(c.value)} ({s.outlet})" for s, c in sides)
        discrepancies.append(Discrepancy(
            "venue",
            f"Outlets place the remarks at different occasions: {described}.",
            [_side(s, c) for s, c in sides],
        ))
    dates = [(s, c) for s in sources for c in _remark_dates(s)]
    sides = _conflicts(dates, lambda a, b: a.lower() == b.lower())
    if sides:
        described = "; ".join(f'"{c.text}" ({s.outlet})' for s, c in sides)
        discrepancies.append(Discrepancy(
            "date",
            f"Outlets date the remarks differently: {described}.",
            [_side(s, c) for s, c in sides],
        ))
    return discrepancies

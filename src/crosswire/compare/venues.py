"""Compare where and when outlets say the remarks were made.

"In remarks to a German outlet" and "in an interview with Bild" are compatible (both an
interview with a media outlet, one unnamed); either against "Speaking in Brussels" is a
different occasion, which an analyst must know before treating the quotes as one event.
"""

from __future__ import annotations

from collections.abc import Callable

from crosswire.compare.sources import Source
from crosswire.compare.speakers import compatible_speakers
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


def _speakers(source: Source, claim: Claim) -> set[str]:
    """Who speaks in the claim's sentence: the quotes there, or their speaker mentions."""
    start, end = claim.sentence_start, claim.sentence_end
    if end <= start:
        start, end = claim.start, claim.end
    return {
        q.speaker for q in source.analysis.quotes
        if q.speaker and (
            (q.start < end and start < q.end)
            or (q.speaker_start is not None and start <= q.speaker_start < end)
        )
    }


def _same_remarks(a: set[str], b: set[str]) -> bool:
    """Whether two occasions can be those of the same remarks: "told Anadolu" of one speaker
    and "told AFP" of another are two interviews, not a dispute about one."""
    return not a or not b or any(compatible_speakers(x, y) for x in a for y in b)


def _conflicts(
    per_source: list[tuple[Source, Claim]], compatible: Callable[[str, str], bool]
) -> list[tuple[Source, Claim]] | None:
    """One claim per outlet if some two outlets' claims about the same remarks are
    incompatible, else None."""
    speakers = [_speakers(s, c) for s, c in per_source]
    sides: dict[str, tuple[Source, Claim]] = {}
    for i, (source_a, a) in enumerate(per_source):
        for j in range(i + 1, len(per_source)):
            source_b, b = per_source[j]
            if (
                source_a.outlet != source_b.outlet
                and _same_remarks(speakers[i], speakers[j])
                and not compatible(a.value, b.value)
            ):
                sides.setdefault(source_a.outlet, (source_a, a))
                sides.setdefault(source_b.outlet, (source_b, b))
    if not sides:
        return None
    return sorted(sides.values(), key=lambda side: (side[0].order, side[1].start))


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

"""Compare where and when outlets say the remarks were made.

"In remarks to a German outlet" and "in an interview with Bild" are compatible (both an
interview with a media outlet, one unnamed); either against "Speaking in Brussels" is a
different occasion, which an analyst must know before treating the quotes as one event.

Such a dispute is only as sure as the evidence that both outlets describe the same remarks:
both carrying one statement in the remarks each places at its occasion (the passage matcher
over the quoted words, or one quote group), and both naming the speaker alike. Either alone
is too little, and the dispute is folded: one speaker gives many interviews in a week, and his
remarks to Fox News and to CNN are two remarks at two occasions; one statement under two
descriptions may be two people's. Four outlets that each interviewed someone else (one of
them "a lumber broker") dispute nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from crosswire.compare.meaning import SAME, same_meaning
from crosswire.compare.publications import is_publication
from crosswire.compare.sources import Source
from crosswire.compare.speakers import (
    compatible_speakers,
    display_speaker,
    is_name,
    mention_name,
    same_name,
)
from crosswire.compare.text import passage
from crosswire.records import Claim, Discrepancy, Passage, Quote, QuoteGroup

_GENERIC_PREFIXES = ("a ", "an ")
# A date after these words bounds something else ("plans to decide by June"), it does not
# say when the remarks were made.
_DEADLINE = re.compile(r"(?:by|until|till|before|after|since|from|through)\b", re.IGNORECASE)
# Confidence that two outlets' occasions are those of the same remarks, by the evidence: none
# (two claims of one story), one of a shared statement and the same named speaker (folded),
# both. The same named speaker is enough to list the dispute (``NAMED_ONE_OCCASION``) while no
# outlet of the story reports that speaker at two occasions: one remark, placed apart.
NO_EVIDENCE = 0.2
ONE_EVIDENCE = 0.4
NAMED_ONE_OCCASION = 0.7
FULL_EVIDENCE = 1.0


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
    if detail_a.lower() == detail_b.lower() or one_station(detail_a, detail_b):
        return True
    if kind_a == "interview" and (_interviewer(detail_a, detail_b) or _interviewer(detail_b,
                                                                                 detail_a)):
        return True
    # an unnamed outlet or event ("a German outlet", "a press conference") fits any named one
    return detail_a.lower().startswith(_GENERIC_PREFIXES) or detail_b.lower().startswith(
        _GENERIC_PREFIXES
    )


def _interviewer(person: str, outlet: str) -> bool:
    """"told Meredith Vale" against "told NBC": a journalist named by first and last name
    works for some outlet, so the two can be one interview."""
    name = mention_name(person)
    return (
        is_publication(outlet) and not is_publication(person)
        and name is not None and len(name.split()) >= 2
    )


def one_station(a: str, b: str) -> bool:
    """Whether two named outlets share a call sign or acronym: "KBFX-TV" and "KBFX
    Eyewitness News" are one station under two names (a shared place word is not enough:
    "Vorland Post" and "Vorland Radio" are two outlets).

    Examples:
        >>> one_station("KBFX-TV", "KBFX Eyewitness News"), one_station("WKRN", "KBFX-TV")
        (True, False)
    """
    return bool(_acronyms(a) & _acronyms(b))


def _acronyms(text: str) -> set[str]:
    return {w for w in re.findall(r"[A-Za-z]+", text) if len(w) >= 3 and w.isupper()}


def both_occasions_named(a: tuple[Source, Claim], b: tuple[Source, Claim]) -> bool:
    """Whether each side's sentence names the other's occasion too ("told the Times he had
    misspoken at an event in Norfolk" / "according to the Times, said he had misspoken at an
    event in Norfolk"): two occasions of two remarks both outlets report, not one remark
    placed at two."""
    return _names_occasion(a, b[1]) and _names_occasion(b, a[1])


def _names_occasion(side: tuple[Source, Claim], other: Claim) -> bool:
    source, claim = side
    detail = _occasion(other)[1]
    if detail.lower().startswith(_GENERIC_PREFIXES):
        return True  # "a press conference" is named by any occasion of its kind
    text = source.article.text[claim.sentence_start : claim.sentence_end] or claim.text
    name = re.sub(r"^the\s+", "", detail, flags=re.IGNORECASE)
    return bool(name) and re.search(rf"\b{re.escape(name)}\b", text, re.IGNORECASE) is not None


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
        and not _DEADLINE.match(c.text)
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


def _sentence_span(claim: Claim) -> tuple[int, int]:
    if claim.sentence_end <= claim.sentence_start:
        return claim.start, claim.end
    return claim.sentence_start, claim.sentence_end


def sentence_quotes(source: Source, claim: Claim) -> list[Quote]:
    """The quotes of the claim's sentence: those inside it, or credited by a mention in it
    ("Brandt told the Post: ..." followed by the quotation)."""
    start, end = _sentence_span(claim)
    return [
        q for q in source.analysis.quotes
        if (q.start < end and start < q.end)
        or (q.speaker_start is not None and start <= q.speaker_start < end)
    ]


def _speakers(source: Source, claim: Claim) -> set[str]:
    """Who speaks in the claim's sentence: the quotes there, or their speaker mentions; in a
    sentence with no quote, the people it names ("Obama made the news in an interview with
    ABC"): the occasion is theirs, not that of whoever speaks elsewhere in the story."""
    speakers = {q.speaker for q in sentence_quotes(source, claim) if q.speaker}
    return speakers or _people_named(source, *_sentence_span(claim))


def _people_named(source: Source, start: int, end: int) -> set[str]:
    return {
        e.actor for e in source.analysis.entities
        if e.label == "PERSON" and e.actor and start <= e.start < end
    }


def _same_remarks(a: set[str], b: set[str]) -> bool:
    """Whether two occasions can be those of the same remarks: "told Anadolu" of one speaker
    and "told AFP" of another are two interviews, not a dispute about one."""
    return not a or not b or any(compatible_speakers(x, y) for x in a for y in b)


def _named_alike(a: set[str], b: set[str]) -> bool:
    """Both sides name a speaker, and one of them is the same person on both."""
    return any(is_name(x) and is_name(y) and same_name(x, y) for x in a for y in b)


def occasion_quotes(source: Source, claim: Claim) -> list[Quote]:
    """The remarks an occasion introduces: the quotes of its sentence, and those of its
    speakers (:func:`_speakers`) that follow up to the next occasion the article names ("In
    remarks to a German outlet, Rutte warned of ..." and the quotation of the next
    paragraph)."""
    own = sentence_quotes(source, claim)
    speakers = _speakers(source, claim)
    start, end = _sentence_span(claim)
    following = [
        c.sentence_start for c in _venue_claims(source) if c.sentence_start > start
    ]
    until = min(following, default=len(source.article.text))
    later = [
        q for q in source.analysis.quotes
        if end <= q.start < until and q.speaker
        and any(compatible_speakers(q.speaker, x) for x in speakers)
    ]
    return [q for q in own + later if q.mode != "term"]


def shared_statement(
    a: tuple[Source, Claim], b: tuple[Source, Claim], quotes: Sequence[QuoteGroup] = ()
) -> bool:
    """Whether the two occasions carry one statement: a quote of each occasion's remarks
    (:func:`occasion_quotes`) in one of the story's quote groups, or two quotes of the two
    sentences that the passage matcher scores the same. Quoted terms ("the 'Today' show")
    state nothing.

    Examples:
        >>> from crosswire.compare.sources import Source
        >>> from crosswire.records import Analysis, Article, Claim, Quote
        >>> def side(outlet, text, words, venue):
        ...     article = Article(id=outlet, source=outlet, text=text, raw=text, outlet=outlet)
        ...     quote = Quote(text.index(words), text.index(words) + len(words), words)
        ...     claim = Claim(0, 5, "told", "venue", venue, 0, len(text))
        ...     return Source(article, Analysis(article=outlet, quotes=[quote]), outlet, 0), claim
        >>> fox = side("a", 'Brandt told Radio Orvel: "The dam will hold."', "The dam will hold.",
        ...            "interview:Radio Orvel")
        >>> post = side("b", 'Brandt told the Post: "The dam is going to hold."',
        ...             "The dam is going to hold.", "interview:Post")
        >>> cnn = side("c", 'Brandt told KVOR: "I never sent that photo."',
        ...            "I never sent that photo.", "interview:KVOR")
        >>> shared_statement(fox, post), shared_statement(fox, cnn)
        (True, False)
    """
    said_a, said_b = occasion_quotes(*a), occasion_quotes(*b)
    if any(_in_group(g, a[0], said_a) and _in_group(g, b[0], said_b) for g in quotes):
        return True
    own_a = [q for q in sentence_quotes(*a) if q.mode != "term"]
    own_b = [q for q in sentence_quotes(*b) if q.mode != "term"]
    return any(same_meaning(x.text, y.text) >= SAME for x in own_a for y in own_b)


def _in_group(group: QuoteGroup, source: Source, said: list[Quote]) -> bool:
    return any(
        v.article == source.article.id and v.start < q.end and q.start < v.end
        for v in group.variants
        for q in said
    )


@dataclass(slots=True)
class _Conflict:
    sides: list[tuple[Source, Claim]]
    confidence: float
    why: str


def several_occasions(
    per_source: list[tuple[Source, Claim]],
    speakers: list[set[str]],
    compatible: Callable[[str, str], bool],
    who: set[str],
) -> bool:
    """Whether one outlet itself reports remarks of ``who`` at two incompatible occasions
    ("told MSNBC ..." and later "he told CNN ..."): the speaker spoke more than once, so two
    outlets naming different occasions may each report a different one."""
    for k, (source_k, claim_k) in enumerate(per_source):
        if not _same_remarks(speakers[k], who):
            continue
        for m in range(k + 1, len(per_source)):
            source_m, claim_m = per_source[m]
            if (
                source_m.outlet == source_k.outlet
                and _same_remarks(speakers[m], who)
                and not compatible(claim_k.value, claim_m.value)
            ):
                return True
    return False


def _conflicts(
    per_source: list[tuple[Source, Claim]],
    compatible: Callable[[str, str], bool],
    quotes: list[QuoteGroup],
) -> _Conflict | None:
    """One claim per outlet if some two outlets' claims about the same remarks are
    incompatible, else None; sure as the best-evidenced incompatible pair."""
    speakers = [_speakers(s, c) for s, c in per_source]
    sides: dict[str, tuple[Source, Claim]] = {}
    best, why = 0.0, ""
    for i, (source_a, a) in enumerate(per_source):
        for j in range(i + 1, len(per_source)):
            source_b, b = per_source[j]
            if (
                source_a.outlet != source_b.outlet
                and _same_remarks(speakers[i], speakers[j])
                and not compatible(a.value, b.value)
                and not both_occasions_named(per_source[i], per_source[j])
            ):
                sides.setdefault(source_a.outlet, (source_a, a))
                sides.setdefault(source_b.outlet, (source_b, b))
                named = _named_alike(speakers[i], speakers[j])
                shared = shared_statement(per_source[i], per_source[j], quotes)
                several = named and several_occasions(
                    per_source, speakers, compatible, speakers[i] | speakers[j]
                )
                score = (NO_EVIDENCE, ONE_EVIDENCE, FULL_EVIDENCE)[named + shared]
                if named and not shared and not several:
                    score = NAMED_ONE_OCCASION
                if score > best:
                    who = display_speaker(sorted(speakers[i] | speakers[j])) or "someone unnamed"
                    best = score
                    why = (
                        f"{source_a.outlet} and {source_b.outlet} describe the remarks of {who}"
                        + ("; both name the speaker" if named else "; the speaker is not named "
                           "alike on both sides, so they may be different remarks")
                        + ("; both carry one of the speaker's statements" if shared else
                           "; no statement in common, and an outlet reports the speaker at "
                           "several occasions, so they may be different remarks" if several else
                           "; no statement in common, but no outlet reports the speaker at "
                           "more than one occasion" if named else "; no statement in common")
                    )
    if not sides:
        return None
    ordered = sorted(sides.values(), key=lambda side: (side[0].order, side[1].start))
    return _Conflict(ordered, best, why)


def compare_venues(
    sources: list[Source], quotes: list[QuoteGroup] | None = None
) -> list[Discrepancy]:
    """A "venue" discrepancy when outlets place the remarks at incompatible occasions, and a
    "date" discrepancy when they date them differently. ``quotes`` (the story's statements)
    tell which outlets carry the same remarks."""
    discrepancies: list[Discrepancy] = []
    venues = [(s, c) for s in sources for c in _venue_claims(s)]
    conflict = _conflicts(venues, compatible_venues, quotes or [])
    if conflict:
        described = "; ".join(f"{_label(c.value)} ({s.outlet})" for s, c in conflict.sides)
        discrepancies.append(Discrepancy(
            "venue",
            f"Outlets place the remarks at different occasions: {described}.",
            [_side(s, c) for s, c in conflict.sides],
            f"incompatible occasions; {conflict.why}",
            conflict.confidence,
        ))
    dates = [(s, c) for s in sources for c in _remark_dates(s)]
    conflict = _conflicts(dates, lambda a, b: a.lower() == b.lower(), quotes or [])
    if conflict:
        described = "; ".join(f'"{c.text}" ({s.outlet})' for s, c in conflict.sides)
        discrepancies.append(Discrepancy(
            "date",
            f"Outlets date the remarks differently: {described}.",
            [_side(s, c) for s, c in conflict.sides],
            f"different dates; {conflict.why}",
            conflict.confidence,
        ))
    return discrepancies

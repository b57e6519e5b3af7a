"""A consolidated account of a story: what independent outlets agree on, then what they dispute.

A reader of four reports wants the few facts they share, each with the sentences that back it
in every outlet, and then the points where the outlets part ways. Shared facts are sentences
whose content (after the lexicon's synonym mapping) recurs in a sentence of another outlet;
the most widely carried come first, near-repeats are dropped, and a sentence that takes part
in a discrepancy is left to the disputed part rather than stated as agreed.
"""

from __future__ import annotations

from crosswire.analyze.marks import CLOSING, OPENING, STRAIGHT
from crosswire.compare.lexicon import normal_stems
from crosswire.compare.rank import weak
from crosswire.compare.sources import Source, independent_sources
from crosswire.compare.text import containment, overlap, passage
from crosswire.compare.unique import Sentence, is_statement, sentences_of
from crosswire.records import Analysis, Article, Comparison, SummaryLine

# How many agreed facts to state: a summary, not a second article.
MAX_CORE = 5
# A sentence is carried by another outlet when this share of its stems recur in one sentence
# there (at least MIN_SHARED of them); a stricter bar than "unique", because a summary line
# claims agreement.
MIN_CARRIED = 0.6
MIN_SHARED = 3
# Two lines saying much the same: keep the first.
MAX_REDUNDANT = 0.6


def _sentences(source: Source) -> list[Sentence]:
    return [s for s in sentences_of(source, normal_stems) if is_statement(s.text)]


def _carried_by(sentence: Sentence, others: list[Sentence]) -> Sentence | None:
    """The sentence of another outlet that best carries ``sentence``, if any does."""
    best, score = None, 0.0
    for other in others:
        shared = len(sentence.stems & other.stems)
        if shared < MIN_SHARED:
            continue
        value = containment(sentence.stems, other.stems)
        if value >= MIN_CARRIED and value > score:
            best, score = other, value
    return best


def _disputed(sentence: Sentence, comparison: Comparison) -> bool:
    return any(
        side.article == sentence.source.article.id
        and side.start < sentence.end
        and sentence.start < side.end
        for d in comparison.discrepancies
        for side in d.sides
    )


def summarize_sources(sources: list[Source], comparison: Comparison) -> list[SummaryLine]:
    """The agreed core (at most :data:`MAX_CORE` lines, in story order) then one line per
    discrepancy."""
    by_outlet: dict[str, list[Sentence]] = {}
    for source in sources:
        by_outlet.setdefault(source.outlet, []).extend(_sentences(source))
    candidates: list[tuple[int, int, Sentence, list[Sentence]]] = []
    for rank, (outlet, sentences) in enumerate(by_outlet.items()):
        for sentence in sentences:
            if _disputed(sentence, comparison):
                continue
            backing = [sentence]
            for other_outlet, others in by_outlet.items():
                if other_outlet == outlet:
                    continue
                match = _carried_by(sentence, others)
                if match is not None and not _disputed(match, comparison):
                    backing.append(match)
            if len(backing) >= 2:
                candidates.append((rank, sentence.start, sentence, backing))
    # most widely carried first; the earliest outlet's wording among equals
    candidates.sort(key=lambda c: (-len(c[3]), c[0], c[1]))
    chosen: list[tuple[int, int, Sentence, list[Sentence]]] = []
    for candidate in candidates:
        if len(chosen) == MAX_CORE:
            break
        stems = candidate[2].stems
        if any(overlap(stems, c[2].stems) >= MAX_REDUNDANT for c in chosen):
            continue
        chosen.append(candidate)
    chosen.sort(key=lambda c: (c[0], c[1]))
    lines = [
        SummaryLine(
            text=readable(sentence),
            status="corroborated",
            sources=[
                passage(b.source.article.id, b.source.article.text, b.start, b.end) for b in backing
            ],
            outlets=list(dict.fromkeys(b.source.outlet for b in backing)),
        )
        for _, _, sentence, backing in chosen
    ]
    outlet_of = {s.article.id: s.outlet for s in sources}
    for d in comparison.discrepancies:
        if weak(d):
            continue  # folded in the report: not a disputed point of the story
        lines.append(
            SummaryLine(
                text=d.summary,
                status="conflicting",
                sources=list(d.sides),
                outlets=list(dict.fromkeys(outlet_of.get(s.article, s.article) for s in d.sides)),
                kind=d.kind,
            )
        )
    return lines


def readable(sentence: Sentence) -> str:
    """The sentence as a summary line: a sentence cut out of a longer quotation gets back the
    quotation mark it lost at either end, and the speaker's name when it does not say it."""
    text = sentence.text
    quote = next(
        (
            q
            for q in sentence.source.analysis.quotes
            if q.kind == "direct" and q.start < sentence.end and sentence.start < q.end
        ),
        None,
    )
    opened = sum(text.count(c) for c in OPENING)
    closed = sum(text.count(c) for c in CLOSING)
    straight = text.count(STRAIGHT)
    # The quotation began before this sentence: its opening mark is what was cut off.
    began_before = quote is not None and quote.start <= sentence.start
    if closed > opened:
        text = "“" + text
    elif opened > closed:
        text = text.rstrip() + "”"
    elif straight % 2:
        text = STRAIGHT + text if began_before else text.rstrip() + STRAIGHT
    if quote is not None and quote.speaker:
        surname = quote.speaker.split()[-1]
        if surname not in text:
            text = f"{quote.speaker}: {text}"
    return text


def summarize(
    comparison: Comparison, articles: list[Article], analyses: dict[str, Analysis]
) -> list[SummaryLine]:
    """The story summary from a comparison and the story's articles and analyses."""
    return summarize_sources(independent_sources(articles, analyses), comparison)

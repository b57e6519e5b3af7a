"""A consolidated account of a story: what independent outlets agree on, then what they dispute.

A reader of four reports wants the few facts they share, each with the sentences that back it
in every outlet, and then the points where the outlets part ways. Shared facts are sentences
whose content the passage matcher (:mod:`crosswire.compare.meaning`) finds in a sentence of
another outlet, in the same or other words and with the same polarity and numbers; the most
widely carried come first, near-repeats are dropped, and a sentence that takes part in a
discrepancy is left to the disputed part rather than stated as agreed.
"""

from __future__ import annotations

from crosswire.analyze.marks import CLOSING, OPENING, STRAIGHT
from crosswire.compare.meaning import SAME, Embed, Matcher
from crosswire.compare.rank import weak
from crosswire.compare.sources import Source, independent_sources
from crosswire.compare.text import passage
from crosswire.compare.unique import Sentence, is_statement, sentences_of
from crosswire.records import Analysis, Article, Comparison, Passage, SummaryLine

# How many agreed facts to state: a summary, not a second article.
MAX_CORE = 5
# Share of a sentence's content another outlet's sentence must carry: a stricter bar than
# "unique" (half), because a summary line claims agreement.
MIN_CARRIED = 0.6


def _disputed(sentence: Sentence, comparison: Comparison) -> bool:
    return any(
        side.article == sentence.source.article.id
        and side.start < sentence.end
        and sentence.start < side.end
        for d in comparison.discrepancies
        for side in d.sides
    )


def summarize_sources(
    sources: list[Source], comparison: Comparison, embed: Embed | None = None
) -> list[SummaryLine]:
    """The agreed core (at most :data:`MAX_CORE` lines, in story order) then one line per
    discrepancy."""
    sentences = [s for source in sources for s in sentences_of(source) if is_statement(s.text)]
    matcher = Matcher([s.text for s in sentences], embed)
    rank = {outlet: i for i, outlet in enumerate(dict.fromkeys(s.outlet for s in sources))}
    disputed = [_disputed(s, comparison) for s in sentences]
    candidates: list[tuple[int, int, int, list[int]]] = []
    for k, sentence in enumerate(sentences):
        if disputed[k]:
            continue
        best: dict[str, tuple[float, int]] = {}
        for j in matcher.near(k, MIN_CARRIED):
            outlet = sentences[j].source.outlet
            if outlet == sentence.source.outlet or disputed[j]:
                continue
            value = matcher.covered(k, j)
            if value >= MIN_CARRIED and value > best.get(outlet, (0.0, j))[0]:
                best[outlet] = (value, j)
        if best:
            backing = [k] + [best[o][1] for o in sorted(best, key=rank.__getitem__)]
            candidates.append((rank[sentence.source.outlet], sentence.start, k, backing))
    # most widely carried first; the earliest outlet's wording among equals
    candidates.sort(key=lambda c: (-len(c[3]), c[0], c[1]))
    chosen: list[tuple[int, int, int, list[int]]] = []
    for candidate in candidates:
        if len(chosen) == MAX_CORE:
            break
        if any(matcher.score(candidate[2], c[2]) >= SAME for c in chosen):
            continue  # two lines saying much the same: keep the first
        chosen.append(candidate)
    chosen.sort(key=lambda c: (c[0], c[1]))
    lines = [
        SummaryLine(
            text=readable(sentences[k]),
            status="corroborated",
            sources=[_passage(sentences[b]) for b in backing],
            outlets=list(dict.fromkeys(sentences[b].source.outlet for b in backing)),
        )
        for _, _, k, backing in chosen
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


def _passage(sentence: Sentence) -> Passage:
    article = sentence.source.article
    return passage(article.id, article.text, sentence.start, sentence.end)


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
    comparison: Comparison,
    articles: list[Article],
    analyses: dict[str, Analysis],
    embed: Embed | None = None,
) -> list[SummaryLine]:
    """The story summary from a comparison and the story's articles and analyses."""
    return summarize_sources(independent_sources(articles, analyses), comparison, embed)

"""What only one outlet reports: sentences no other independent outlet carries.

A sentence is shared when the passage matcher (:mod:`crosswire.compare.meaning`) finds most of
its content in one sentence (or two adjacent sentences, since outlets split differently) of
another outlet, or when it lies in a quote another outlet also carries. Content in other
words counts as carried; the same words with "not" added or another number do not. Subheadings
and fragments are not facts a reader needs flagged, so lines without final punctuation or
under six words are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from crosswire.compare.meaning import Embed, Matcher
from crosswire.compare.meaning.score import coverage, disagreement, with_cosine
from crosswire.compare.meaning.terms import Profile, merged
from crosswire.compare.sources import Source
from crosswire.compare.text import passage, split_lines, word_count
from crosswire.records import Passage, QuoteGroup

MIN_WORDS = 6
# Content terms a sentence needs to be flagged: fewer are too little to tell whether another
# outlet carries it.
MIN_TERMS = 3
# Share of a sentence's content (weighted, see crosswire.compare.meaning.score) that another
# outlet's sentence must carry: half, as the word-overlap rule this replaces asked.
MIN_CARRIED = 0.5
_FINAL = (".", "!", "?", '"', "”", "’", "'", "…", ":")


@dataclass(slots=True)
class Sentence:
    """One sentence of a source."""

    source: Source
    start: int
    end: int
    text: str


def sentences_of(source: Source) -> list[Sentence]:
    """The article's sentences, split at line breaks (see :func:`split_lines`)."""
    text = source.article.text
    spans = source.analysis.sentences or [(0, len(text))]
    return [
        Sentence(source, start, end, text[start:end])
        for s, e in spans
        for start, end in split_lines(text, s, e)
    ]


def is_statement(sentence: str) -> bool:
    """A full sentence a reader would call a fact: not a subheading or a fragment."""
    return word_count(sentence) >= MIN_WORDS and sentence.rstrip().endswith(_FINAL)


def _carried(
    k: int, sentences: list[Sentence], matcher: Matcher, pairs: dict[int, Profile]
) -> bool:
    """Whether another outlet carries the content of sentence ``k``: one of its sentences, or
    two adjacent ones together (``pairs[j]``: sentences ``j`` and ``j + 1`` read as one)."""
    outlet = sentences[k].source.outlet
    near = [j for j in matcher.near(k, MIN_CARRIED) if sentences[j].source.outlet != outlet]
    if any(matcher.covered(k, j) >= MIN_CARRIED for j in near):
        return True
    starts = {i for j in near for i in (j - 1, j) if i in pairs}
    return any(_covered_by_pair(matcher, k, i, pairs[i]) >= MIN_CARRIED for i in starts)


def _covered_by_pair(matcher: Matcher, k: int, i: int, pair: Profile) -> float:
    """:meth:`Matcher.covered` of sentence ``k`` by sentences ``i`` and ``i + 1`` read as one
    (``pair``); their cosine is the better of the two."""
    mine = matcher.profiles[k]
    cosines = [c for c in (matcher.cosine(k, i), matcher.cosine(k, i + 1)) if c is not None]
    value = with_cosine(coverage(mine, pair), max(cosines) if cosines else None)
    return value * disagreement(mine, pair)


def _adjacent_pairs(sentences: list[Sentence], matcher: Matcher) -> dict[int, Profile]:
    """Each sentence read with the next one of its article."""
    return {
        j: merged(matcher.profiles[j], matcher.profiles[j + 1])
        for j in range(len(sentences) - 1)
        if sentences[j].source is sentences[j + 1].source
    }


def _in_shared_quote(sentence: Sentence, shared: list[Passage]) -> bool:
    return any(
        p.article == sentence.source.article.id
        and p.start < sentence.end
        and sentence.start < p.end
        for p in shared
    )


def unique_passages(
    sources: list[Source], quote_groups: list[QuoteGroup], embed: Embed | None = None
) -> list[Passage]:
    """Passages per sentence that no other independent outlet carries, in article order."""
    if len({s.outlet for s in sources}) < 2:
        return []  # a single-outlet story: everything is unique, so nothing stands out
    shared_quotes = [v for g in quote_groups if len(g.outlets) >= 2 for v in g.variants]
    sentences = [sentence for source in sources for sentence in sentences_of(source)]
    matcher = Matcher([s.text for s in sentences], embed)
    pairs = _adjacent_pairs(sentences, matcher)
    unique: list[Passage] = []
    for k, sentence in enumerate(sentences):
        if not is_statement(sentence.text) or len(matcher.profiles[k].terms) < MIN_TERMS:
            continue
        if _in_shared_quote(sentence, shared_quotes) or _carried(k, sentences, matcher, pairs):
            continue
        article = sentence.source.article
        unique.append(passage(article.id, article.text, sentence.start, sentence.end))
    return unique

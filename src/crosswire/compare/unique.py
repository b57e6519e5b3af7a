"""What only one outlet reports: sentences no other independent outlet carries.

A sentence is shared when most of its content words recur in one sentence (or two adjacent
sentences, since outlets split differently) of another outlet, or in a quote another outlet
also carries. Subheadings and fragments are not facts a reader needs flagged, so lines
without final punctuation or under six words are left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from crosswire.compare.sources import Source
from crosswire.compare.text import (
    containment,
    content_stems,
    fuzzy,
    passage,
    split_lines,
    word_count,
)
from crosswire.records import Passage, QuoteGroup

MIN_WORDS = 6
MIN_CONTAINED = 0.5
MIN_SHARED = 3
MIN_FUZZY = 0.8
_FINAL = (".", "!", "?", '"', "”", "’", "'", "…", ":")


@dataclass(slots=True)
class Sentence:
    """One sentence of a source with the stems it is compared by."""

    source: Source
    start: int
    end: int
    text: str
    stems: set[str]


def sentences_of(
    source: Source, stems: Callable[[str], set[str]] = content_stems
) -> list[Sentence]:
    """The article's sentences, split at line breaks (see :func:`split_lines`)."""
    text = source.article.text
    spans = source.analysis.sentences or [(0, len(text))]
    out = []
    for s, e in spans:
        for start, end in split_lines(text, s, e):
            sentence = text[start:end]
            out.append(Sentence(source, start, end, sentence, stems(sentence)))
    return out


def is_statement(sentence: str) -> bool:
    """A full sentence a reader would call a fact: not a subheading or a fragment."""
    return word_count(sentence) >= MIN_WORDS and sentence.rstrip().endswith(_FINAL)


def _carried(sentence: Sentence, others: list[list[Sentence]]) -> bool:
    """Whether another outlet carries the content of ``sentence``."""
    for other in others:
        windows = [o.stems for o in other]
        windows += [a.stems | b.stems for a, b in zip(other, other[1:], strict=False)]
        for stems in windows:
            if (
                len(sentence.stems & stems) >= MIN_SHARED
                and containment(sentence.stems, stems) >= MIN_CONTAINED
            ):
                return True
        if any(fuzzy(sentence.text, o.text) >= MIN_FUZZY for o in other):
            return True
    return False


def _in_shared_quote(sentence: Sentence, shared: list[Passage]) -> bool:
    return any(
        p.article == sentence.source.article.id
        and p.start < sentence.end
        and sentence.start < p.end
        for p in shared
    )


def unique_passages(sources: list[Source], quote_groups: list[QuoteGroup]) -> list[Passage]:
    """Passages per sentence that no other independent outlet carries, in article order."""
    shared_quotes = [v for g in quote_groups if len(g.outlets) >= 2 for v in g.variants]
    by_source = {id(s): sentences_of(s) for s in sources}
    unique: list[Passage] = []
    for source in sources:
        others = [by_source[id(o)] for o in sources if o.outlet != source.outlet]
        if not others:
            continue  # a single-outlet story: everything is unique, so nothing stands out
        for sentence in by_source[id(source)]:
            if not is_statement(sentence.text) or len(sentence.stems) < MIN_SHARED:
                continue
            if _in_shared_quote(sentence, shared_quotes) or _carried(sentence, others):
                continue
            unique.append(
                passage(source.article.id, source.article.text, sentence.start, sentence.end)
            )
    return unique

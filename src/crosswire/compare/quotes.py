"""Line up the quotes of a story: one group per statement, with each outlet's wording.

Outlets translate and trim the same remark differently ("global connection" / "worldwide
connection"; one outlet quoting three sentences where another quotes two), so two quotes are
one statement when most content words of the shorter one recur in the longer one, after the
lexicon has mapped paraphrases to one word ("gave way" / "broke", "crews" / "teams") and number
words to digits. A related remark that shares only a phrase ("junior partner") stays a separate
statement. An embedder (``config.story_embedder``), when one is installed, adds a second
signal for paraphrases the lexicon does not know; the lexical rule works alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from crosswire.compare.lexicon import normal_stems
from crosswire.compare.sources import Source
from crosswire.compare.speakers import compatible_speakers, display_speaker, written_name
from crosswire.compare.text import dice, fuzzy, overlap, passage
from crosswire.compare.wording import word_keys, wording_notes
from crosswire.records import Discrepancy, Passage, Quote, QuoteGroup

# Share of the shorter quote's content stems found in the longer one (tuned on the seeds:
# the same remark translated twice scores 0.65-0.85, a related remark 0.3, an unrelated one
# sharing a few policy words 0.5).
MIN_OVERLAP = 0.6
MIN_SHARED = 3
# Short quotes have too few content words for overlap; near-identical wording still counts.
MIN_FUZZY = 0.85
# With an embedder: cosine of the two quotes' vectors, and the weaker lexical overlap that must
# back it (an embedding alone calls any two remarks on one topic "similar").
MIN_COSINE = 0.8
MIN_OVERLAP_WITH_COSINE = 0.35
# An attribution clash needs the two quotes to be one statement as a whole (Dice of stems;
# translations of one remark score 0.6-0.8, a short quote inside a long remark 0.4).
MIN_CLASH_DICE = 0.5
# Words a fragment needs before its verbatim presence in a longer quotation makes it the same
# statement: four words in a row are a phrase of that remark, not a common expression.
MIN_CUT_WORDS = 4

# Texts -> L2-normalised rows, as ``crosswire.embed`` embedders return them.
Embed = Callable[[list[str]], np.ndarray]


@dataclass(slots=True)
class _Item:
    source: Source
    quote: Quote
    stems: set[str]
    words: list[str]


def same_statement(a: str, b: str) -> bool:
    """Whether two quoted texts render the same statement.

    Examples:
        >>> same_statement("We will never retreat from the northern coast of Vorland",
        ...                "We shall not retreat from Vorland's northern coast")
        True
        >>> same_statement("Vorland needs more bridges", "Vorland needs more teachers now")
        False
    """
    return _similar(normal_stems(a), normal_stems(b), a, b)


def _similar(
    sa: set[str], sb: set[str], a: str, b: str, cosine: float | None = None
) -> bool:
    shared = len(sa & sb)
    if shared >= MIN_SHARED and overlap(sa, sb) >= MIN_OVERLAP:
        return True
    if (
        cosine is not None
        and cosine >= MIN_COSINE
        and shared >= MIN_SHARED
        and overlap(sa, sb) >= MIN_OVERLAP_WITH_COSINE
    ):
        return True
    return fuzzy(a, b) >= MIN_FUZZY


def _cosines(items: Sequence[_Item], embed: Embed | None) -> np.ndarray | None:
    if embed is None or not items:
        return None
    vectors = np.asarray(embed([i.quote.text for i in items]), dtype=float)
    return vectors @ vectors.T


def _clusters(items: list[_Item], embed: Embed | None = None) -> list[list[int]]:
    """Union-find over pairs of quotes from different outlets that render one statement."""
    parent = list(range(len(items)))
    cosines = _cosines(items, embed)

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(items):
        for j in range(i + 1, len(items)):
            b = items[j]
            if a.source.outlet == b.source.outlet:
                continue
            # linked whatever the speakers: a shared statement with two speakers is a finding
            cosine = float(cosines[i, j]) if cosines is not None else None
            if _similar(a.stems, b.stems, a.quote.text, b.quote.text, cosine) or _cut_from(a, b):
                parent[find(j)] = find(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: min(g))


def _cut_from(a: _Item, b: _Item) -> bool:
    """One outlet quotes a few words of the other's quotation, word for word ("every metre of
    the embankment" inside the whole remark): the same statement cut at another point. Only
    quotations count (their words are the speaker's), and the two speakers must fit."""
    if "indirect" in (a.quote.kind, b.quote.kind):
        return False
    if not compatible_speakers(a.quote.speaker, b.quote.speaker):
        return False
    short, long = sorted((a.words, b.words), key=len)
    if len(short) < MIN_CUT_WORDS or len(short) == len(long):
        return False
    return any(long[k : k + len(short)] == short for k in range(len(long) - len(short) + 1))


def _speaker(items: list[_Item], aliases: list[str]) -> str | None:
    """The speaker most variants name, under its longest name in the story ("Teodor Malvik"
    over "Malvik"); a variant without a speaker takes the one its group's other variants give."""
    return display_speaker([i.quote.speaker for i in items if i.quote.speaker], aliases)


def _written_names(items: list[_Item]) -> list[str]:
    """Speaker names as the articles write them, for showing the fullest form."""
    names = []
    for i in items:
        q, text = i.quote, i.source.article.text
        if q.speaker_start is not None and q.speaker_end is not None:
            name = written_name(text, q.speaker_start, q.speaker_end)
            if name:
                names.append(name)
    return list(dict.fromkeys(names))


def _quote_passage(item: _Item) -> Passage:
    q = item.quote
    return passage(item.source.article.id, item.source.article.text, q.start, q.end)


def group_quotes(
    sources: list[Source], embed: Embed | None = None
) -> tuple[list[QuoteGroup], list[Discrepancy]]:
    """One :class:`QuoteGroup` per statement, plus an "attribution" discrepancy for every
    statement that outlets give to different speakers."""
    items = [
        _Item(s, q, normal_stems(q.text), word_keys(q.text))
        for s in sources
        for q in sorted(s.analysis.quotes, key=lambda q: q.start)
    ]
    groups: list[QuoteGroup] = []
    discrepancies: list[Discrepancy] = []
    aliases = _written_names(items)
    for cluster in _clusters(items, embed):
        members = [items[i] for i in cluster]
        outlets = list(dict.fromkeys(m.source.outlet for m in members))
        named = [m for m in members if m.quote.speaker]
        clash = _clashes(named)
        status = "corroborated" if len(outlets) >= 2 else "single-source"
        if clash:
            status = "conflicting"
        variants = [_quote_passage(m) for m in members]
        notes = wording_notes(variants, [m.source.outlet for m in members])
        groups.append(QuoteGroup(_speaker(members, aliases), status, variants, outlets, notes))
        if clash:
            involved = [m for m in named if any(m is a or m is b for a, b in clash)]
            speakers = list(
                dict.fromkeys(f"{m.quote.speaker} ({m.source.outlet})" for m in involved)
            )
            discrepancies.append(
                Discrepancy(
                    "attribution",
                    "Outlets attribute the same statement to different speakers: "
                    + ", ".join(speakers) + ".",
                    [_sentence_passage(m) for m in involved],
                )
            )
    groups.sort(key=lambda g: -len(g.outlets))  # stable: story order within equal counts
    return groups, discrepancies


def _same_whole_statement(a: _Item, b: _Item) -> bool:
    """Both quotes render one statement as a whole, not one a phrase of the other: a short
    indirect quote ("he had tested positive") sits inside many longer remarks, and crediting
    those to someone else is no contradiction."""
    if dice(a.stems, b.stems) >= MIN_CLASH_DICE:
        return True
    return fuzzy(a.quote.text, b.quote.text) >= MIN_FUZZY


def _clashes(named: list[_Item]) -> list[tuple[_Item, _Item]]:
    """Pairs of outlets that credit one statement to speakers who cannot be one actor.

    An outlet may name the same speaker twice over (the coalition, then its spokesman): two
    outlets clash only when *none* of one's speakers for the statement fits any of the
    other's.
    """
    by_outlet: dict[str, list[_Item]] = {}
    for item in named:
        by_outlet.setdefault(item.source.outlet, []).append(item)
    outlets = list(by_outlet)
    clashes = []
    for k, first in enumerate(outlets):
        for second in outlets[k + 1 :]:
            pairs = [(a, b) for a in by_outlet[first] for b in by_outlet[second]]
            if any(compatible_speakers(a.quote.speaker, b.quote.speaker) for a, b in pairs):
                continue
            clashes += [(a, b) for a, b in pairs if _same_whole_statement(a, b)]
    return clashes


def _sentence_passage(item: _Item) -> Passage:
    """The sentence(s) around a quote, so a reader sees who the outlet says spoke."""
    article, q = item.source.article, item.quote
    start, end = q.start, q.end
    for s, e in item.source.analysis.sentences:
        if s <= q.start < e:
            start = s
        if s < q.end <= e:
            end = e
    if q.speaker_start is not None and q.speaker_end is not None:
        start, end = min(start, q.speaker_start), max(end, q.speaker_end)
    return passage(article.id, article.text, start, end)

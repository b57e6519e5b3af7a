"""Line up the quotes of a story: one group per statement, with each outlet's wording.

Outlets translate and trim the same remark differently ("global connection" / "worldwide
connection"; one outlet quoting three sentences where another quotes two), so two quotes are
one statement when most content words of the shorter one recur in the longer one. A related
remark that shares only a phrase ("junior partner") stays a separate statement.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from crosswire.compare.sources import Source
from crosswire.compare.speakers import compatible_speakers
from crosswire.compare.text import content_stems, fuzzy, overlap, passage
from crosswire.records import Discrepancy, Passage, Quote, QuoteGroup

# Share of the shorter quote's content stems found in the longer one (tuned on the seeds:
# the same remark translated twice scores 0.65-0.85, a related remark 0.3, an unrelated one
# sharing a few policy words 0.5).
MIN_OVERLAP = 0.6
MIN_SHARED = 3
# Short quotes have too few content words for overlap; near-identical wording still counts.
MIN_FUZZY = 0.85


@dataclass(slots=True)
class _Item:
    source: Source
    quote: Quote
    stems: set[str]


def same_statement(a: str, b: str) -> bool:
    """Whether two quoted texts render the same statement.

    Examples:
        >>> same_statement("We will never retreat from the northern coast of Vorland",
        ...                "We shall not retreat from Vorland's northern coast")
        True
        >>> same_statement("Vorland needs more bridges", "Vorland needs more teachers now")
        False
    """
    return _similar(content_stems(a), content_stems(b), a, b)


def _similar(sa: set[str], sb: set[str], a: str, b: str) -> bool:
    if len(sa & sb) >= MIN_SHARED and overlap(sa, sb) >= MIN_OVERLAP:
        return True
    return fuzzy(a, b) >= MIN_FUZZY


def _clusters(items: list[_Item]) -> list[list[int]]:
    """Union-find over pairs of quotes from different outlets that render one statement."""
    parent = list(range(len(items)))

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
            if _similar(a.stems, b.stems, a.quote.text, b.quote.text):
                parent[find(j)] = find(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: min(g))


def _speaker(items: list[_Item]) -> str | None:
    names = Counter(i.quote.speaker for i in items if i.quote.speaker)
    if not names:
        return None
    return max(names, key=lambda n: (names[n], len(n)))


def _quote_passage(item: _Item) -> Passage:
    q = item.quote
    return passage(item.source.article.id, item.source.article.text, q.start, q.end)


def group_quotes(sources: list[Source]) -> tuple[list[QuoteGroup], list[Discrepancy]]:
    """One :class:`QuoteGroup` per statement, plus an "attribution" discrepancy for every
    statement that outlets give to different speakers."""
    items = [
        _Item(s, q, content_stems(q.text))
        for s in sources
        for q in sorted(s.analysis.quotes, key=lambda q: q.start)
    ]
    groups: list[QuoteGroup] = []
    discrepancies: list[Discrepancy] = []
    for cluster in _clusters(items):
        members = [items[i] for i in cluster]
        outlets = list(dict.fromkeys(m.source.outlet for m in members))
        named = [m for m in members if m.quote.speaker]
        clash = [
            (a, b)
            for k, a in enumerate(named)
            for b in named[k + 1 :]
            if a.source.outlet != b.source.outlet
            and not compatible_speakers(a.quote.speaker, b.quote.speaker)
        ]
        status = "corroborated" if len(outlets) >= 2 else "single-source"
        if clash:
            status = "conflicting"
        variants = [_quote_passage(m) for m in members]
        groups.append(QuoteGroup(_speaker(members), status, variants, outlets))
        if clash:
            speakers = list(dict.fromkeys(f"{m.quote.speaker} ({m.source.outlet})" for m in named))
            discrepancies.append(
                Discrepancy(
                    "attribution",
                    "Outlets attribute the same statement to different speakers: "
                    + ", ".join(speakers) + ".",
                    [_sentence_passage(m) for m in named],
                )
            )
    groups.sort(key=lambda g: -len(g.outlets))  # stable: story order within equal counts
    return groups, discrepancies


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

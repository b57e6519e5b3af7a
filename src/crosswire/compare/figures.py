"""Match the figures of a story across outlets.

Two mentions are one quantity when value and unit agree and they count the same thing. The
same number counting different things ("sacrifice 1.1 million of his own people" / "1.1
million people killed or wounded") is a *meaning* discrepancy; the same counted thing with
different numbers is a *value* discrepancy. Both are what an analyst wants to see first.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from crosswire.compare.sources import Source
from crosswire.compare.text import content_stems, overlap, passage, stem
from crosswire.records import Discrepancy, Figure, FigureGroup, Passage

# Share of the counted-thing words two mentions must share to count the same thing.
MIN_MEANING = 0.5
# Words that say nothing about what is counted.
_VAGUE = {"peopl", "perso", "total", "numbe", "figur", "amoun"}


@dataclass(slots=True)
class _Item:
    source: Source
    figure: Figure
    meaning: set[str]


def meaning_words(figure: Figure) -> set[str]:
    """Content stems of what a figure counts, without its unit and vague nouns: "people
    killed or wounded" and "his own people he will sacrifice" differ in everything but the
    unit, which is exactly the difference to report."""
    words = content_stems(figure.counts or "")
    if figure.unit:
        words.discard(stem(figure.unit))
        words.discard(stem(figure.unit + "s"))
    return words - _VAGUE


def comparable(figure: Figure) -> bool:
    """Bare years are dates, not quantities an outlet reports; they are compared as claims."""
    return figure.unit != "year"


def same_meaning(a: set[str], b: set[str]) -> bool:
    """Both empty: nothing says they differ. One empty: too little to tell, so not the same."""
    if not a and not b:
        return True
    return overlap(a, b) >= MIN_MEANING


def _same_value(a: Figure, b: Figure) -> bool:
    return a.unit == b.unit and math.isclose(a.value, b.value, rel_tol=1e-9, abs_tol=1e-9)


def _mention(item: _Item) -> Passage:
    a, f = item.source.article, item.figure
    return passage(a.id, a.text, f.start, f.end)


def _sentence(item: _Item) -> Passage:
    a, f = item.source.article, item.figure
    return passage(a.id, a.text, f.sentence_start, f.sentence_end)


def _describe(item: _Item) -> str:
    f = item.figure
    return f'"{f.text}" {f.counts or "(unknown)"} ({item.source.outlet})'


def _status(items: list[_Item]) -> str:
    return "corroborated" if len({i.source.outlet for i in items}) >= 2 else "single-source"


def _group(items: list[_Item], status: str) -> FigureGroup:
    counts = list(dict.fromkeys(i.figure.counts for i in items if i.figure.counts))
    return FigureGroup(
        value=items[0].figure.value,
        unit=items[0].figure.unit,
        counts=" | ".join(counts) or None,
        status=status,  # type: ignore[arg-type]
        mentions=[_mention(i) for i in items],
        outlets=list(dict.fromkeys(i.source.outlet for i in items)),
    )


def _first_per_outlet(items: list[_Item]) -> list[_Item]:
    seen: dict[str, _Item] = {}
    for item in items:
        seen.setdefault(item.source.outlet, item)
    return list(seen.values())


def group_figures(sources: list[Source]) -> tuple[list[FigureGroup], list[Discrepancy]]:
    """FigureGroups (one per quantity) and figure-meaning / figure-value discrepancies."""
    items = [
        _Item(s, f, meaning_words(f))
        for s in sources
        for f in sorted(s.analysis.figures, key=lambda f: f.start)
        if comparable(f)
    ]
    # 1. quantities: same value and unit, same counted thing
    quantities: list[list[_Item]] = []
    for item in items:
        for q in quantities:
            if _same_value(q[0].figure, item.figure) and same_meaning(q[0].meaning, item.meaning):
                q.append(item)
                break
        else:
            quantities.append([item])
    groups: list[FigureGroup] = []
    discrepancies: list[Discrepancy] = []
    used: set[int] = set()
    # 2. same value, different thing counted, in different outlets: a meaning discrepancy
    for i, q in enumerate(quantities):
        if i in used:
            continue
        rivals = [
            j for j in range(i + 1, len(quantities))
            if j not in used and _same_value(q[0].figure, quantities[j][0].figure)
            and {x.source.outlet for x in quantities[j]} - {x.source.outlet for x in q}
        ]
        if not rivals:
            continue
        merged = [x for k in (i, *rivals) for x in quantities[k]]
        used.update((i, *rivals))
        groups.append(_group(merged, "conflicting"))
        sides = [_first_per_outlet(quantities[k])[0] for k in (i, *rivals)]
        discrepancies.append(Discrepancy(
            "figure-meaning",
            f"The same figure counts different things: {'; '.join(map(_describe, sides))}.",
            [_sentence(x) for x in sides],
        ))
    # 3. same thing counted, different values, in different outlets: a value discrepancy
    for i, q in enumerate(quantities):
        if i in used or not q[0].meaning:
            continue
        rivals = [
            j for j in range(i + 1, len(quantities))
            if j not in used
            and quantities[j][0].figure.unit == q[0].figure.unit
            and quantities[j][0].meaning
            and len(q[0].meaning & quantities[j][0].meaning) >= 1
            and same_meaning(q[0].meaning, quantities[j][0].meaning)
            and {x.source.outlet for x in quantities[j]} - {x.source.outlet for x in q}
        ]
        if not rivals:
            continue
        merged = [x for k in (i, *rivals) for x in quantities[k]]
        used.update((i, *rivals))
        groups.append(_group(merged, "conflicting"))
        sides = [_first_per_outlet(quantities[k])[0] for k in (i, *rivals)]
        discrepancies.append(Discrepancy(
            "figure-value",
            f"Outlets give different figures for the same thing: "
            f"{'; '.join(map(_describe, sides))}.",
            [_sentence(x) for x in sides],
        ))
    for i, q in enumerate(quantities):
        if i not in used:
            groups.append(_group(q, _status(q)))
    rank = {"conflicting": 0, "corroborated": 1, "single-source": 2}
    groups.sort(key=lambda g: (rank[g.status], -len(g.outlets)))
    return groups, discrepancies

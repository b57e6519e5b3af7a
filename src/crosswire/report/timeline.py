"""Who reported what, when: a story's articles in time order with what each was first with.

"Who had it first" is a question analysts ask of every story; it needs dates compared as the
instants they name (outlets write their own zones), which ``dates.date_key`` does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from crosswire.dates import date_key
from crosswire.records import Article, Passage
from crosswire.report.view import ReportView, show_value


@dataclass(slots=True)
class Entry:
    """One article of the story, with the compared items it carried before any other."""

    article: Article
    label: str
    first_with: list[tuple[str, Passage]] = field(default_factory=list)
    copy_of: str | None = None


def timeline(view: ReportView) -> list[Entry]:
    """The story's articles oldest first (undated last), each dated one with the quotes and
    figures of several outlets that it carried first."""
    ordered = sorted(view.articles, key=lambda a: date_key(a.published))
    rank = {a.id: i for i, a in enumerate(ordered)}
    undated = {a.id: date_key(a.published)[0] for a in ordered}
    entries = {
        a.id: Entry(a, view.label(a.id), copy_of=view.label(a.duplicate_of) if a.duplicate_of
                    else None)
        for a in ordered
    }  # fmt: skip
    items: list[tuple[str, list[Passage]]] = [
        (f"quote of {g.speaker or 'an unnamed speaker'}", g.variants)
        for g in view.compared_quotes()
    ]
    items += [
        (f"figure {show_value(f.value, f.unit)}", f.mentions)
        for f in view.comparison.figures
        if len({m.article for m in f.mentions}) > 1
    ]
    for label, passages in items:
        # Only a dated report can be said to be first; undated ones are listed, not ranked.
        known = [p for p in passages if p.article in rank and not undated[p.article]]
        if known:
            first = min(known, key=lambda p: rank[p.article])
            entries[first.article].first_with.append((label, first))
    return list(entries.values())

"""The claims of a story as rows: what ``crosswire claims --story ID`` prints.

An analyst checks claims one by one: each figure and quoted statement with its status
(corroborated / single-source / conflicting), the outlets that carry it and whom each outlet
credits; then the occasion, date and attribution disputes, which are claims about the
reporting itself.
"""

from __future__ import annotations

from typing import Any

from crosswire.compare.attribution import group_sources
from crosswire.compare.sources import independent_sources
from crosswire.records import Analysis, Article, Comparison

STATUSES = ("corroborated", "single-source", "conflicting")
# Figure discrepancies already show as conflicting figure rows.
_FIGURE_KINDS = {"figure-meaning", "figure-value"}


def _figure_text(value: float, unit: str | None) -> str:
    number = f"{value:,.0f}" if value == int(value) else f"{value:,g}"
    return f"{number} {unit}" if unit else number


def claims_table(
    comparison: Comparison,
    articles: list[Article],
    analyses: dict[str, Analysis],
    status: str | None = None,
) -> list[dict[str, Any]]:
    """One row per figure, quoted statement and non-figure discrepancy, conflicting first.

    Each row: ``kind`` (figure, quote, venue, date, attribution, figure-attribution),
    ``status``, ``claim`` (a one-line description), ``outlets``, ``credited`` (outlet -> the
    source it credits, figures only) and ``passages`` (article, start, end, text).
    ``status`` keeps only rows with that status.
    """
    if status is not None and status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    sources = independent_sources(articles, analyses)
    outlet_of = {s.article.id: s.outlet for s in sources}
    rows: list[dict[str, Any]] = []
    for group in comparison.figures:
        rows.append({
            "kind": "figure",
            "status": group.status,
            "claim": f"{_figure_text(group.value, group.unit)}: {group.counts or '?'}",
            "outlets": list(group.outlets),
            "credited": group_sources(sources, group),
            "passages": [m.as_dict() for m in group.mentions],
        })
    for quote in comparison.quotes:
        first = quote.variants[0].text if quote.variants else ""
        rows.append({
            "kind": "quote",
            "status": quote.status,
            "claim": f"{quote.speaker or 'unknown speaker'}: \"{first}\"",
            "outlets": list(quote.outlets),
            "credited": {},
            "passages": [v.as_dict() for v in quote.variants],
        })
    for d in comparison.discrepancies:
        if d.kind in _FIGURE_KINDS:
            continue
        rows.append({
            "kind": d.kind,
            "status": "conflicting",
            "claim": d.summary,
            "outlets": list(dict.fromkeys(outlet_of.get(s.article, s.article) for s in d.sides)),
            "credited": {},
            "passages": [s.as_dict() for s in d.sides],
        })
    rank = {s: i for i, s in enumerate(("conflicting", "corroborated", "single-source"))}
    rows.sort(key=lambda r: rank[r["status"]])  # stable: figures, quotes, disputes
    return [r for r in rows if status is None or r["status"] == status]

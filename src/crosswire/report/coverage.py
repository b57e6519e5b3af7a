"""Which outlet carries what: the story's items against its outlets, at a glance.

A long story page is a wall of lists; the matrix answers the analyst's first questions (who
carries the main statements, who words them differently, who contradicts whom, who is silent)
before any of them is read, and what each outlet adds says where to look next.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from crosswire.records import Article, Passage
from crosswire.report.diff import mark_differences
from crosswire.report.ranking import rank_discrepancies
from crosswire.report.view import ReportView, show_value, what_counted

CARRIES, REWORDED, CONTRADICTS, SILENT = "carries", "reworded", "contradicts", "silent"
# Rows shown before the rest are folded: past this a matrix is no longer read at a glance.
MAX_ROWS = 25
LABEL_WORDS = 9


@dataclass(slots=True)
class Column:
    """One independent source: an article, with the syndicated copies that repeat it."""

    article: str
    label: str
    copies: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Cell:
    state: str
    passage: Passage | None = None


@dataclass(slots=True)
class Row:
    """One statement, figure or disputed point, with what each column does with it."""

    kind: str
    label: str
    status: str
    cells: list[Cell]
    section: str


@dataclass(slots=True)
class Addition:
    """What one outlet brings that no other does."""

    column: Column
    passages: int
    quotes: int
    figures: int
    first: list[Passage]


@dataclass(slots=True)
class Matrix:
    columns: list[Column]
    rows: list[Row]
    folded: list[Row]


def columns(view: ReportView) -> list[Column]:
    """Independent sources in story order; a copy is named under the article it repeats."""
    ids = {a.id for a in view.articles}
    cols = {
        a.id: Column(a.id, view.label(a.id))
        for a in view.articles
        if not (a.duplicate_of and a.duplicate_of in ids)
    }
    for a in view.articles:
        if a.duplicate_of in cols:
            cols[a.duplicate_of].copies.append(view.label(a.id))
    return list(cols.values())


def _short(text: str, words: int = LABEL_WORDS) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def _overlaps(p: Passage, sides: list[Passage]) -> bool:
    return any(s.article == p.article and s.start < p.end and p.start < s.end for s in sides)


def _owner(view: ReportView, article_id: str) -> str:
    """The column an article's passages count for: a copy's original when it is in the story."""
    article: Article | None = view.by_id.get(article_id)
    if article is not None and article.duplicate_of in view.by_id:
        return article.duplicate_of or article_id
    return article_id


def coverage_matrix(view: ReportView, max_rows: int = MAX_ROWS) -> Matrix:
    """Disputed points first, then the statements and figures several outlets carry (most
    outlets first); items of one outlet are counted in :func:`additions`, not rowed."""
    cols = columns(view)
    index = {c.article: i for i, c in enumerate(cols)}
    sides = [s for d in view.comparison.discrepancies for s in d.sides]

    def cells(passages: list[tuple[Passage, bool]]) -> list[Cell]:
        out = [Cell(SILENT) for _ in cols]
        for passage, reworded in passages:
            i = index.get(_owner(view, passage.article))
            if i is None or out[i].state == CONTRADICTS:
                continue
            if _overlaps(passage, sides):
                out[i] = Cell(CONTRADICTS, passage)
            elif out[i].state == SILENT or (out[i].state == REWORDED and not reworded):
                out[i] = Cell(REWORDED if reworded else CARRIES, passage)
        return out

    rows: list[Row] = []
    for d in rank_discrepancies(view.comparison.discrepancies):
        row_cells = [Cell(SILENT) for _ in cols]
        for side in d.sides:
            i = index.get(_owner(view, side.article))
            if i is not None:
                row_cells[i] = Cell(CONTRADICTS, side)
        rows.append(Row(d.kind, _short(d.summary, 12), "conflicting", row_cells, "discrepancies"))
    items: list[Row] = []
    for group in view.compared_quotes():
        marked = mark_differences([v.text for v in group.variants])
        passages = [
            (v, any(s.differs for s in segs))
            for v, segs in zip(group.variants, marked, strict=True)
        ]
        who = group.speaker or "Unattributed"
        label = f"{who}: “{_short(group.variants[0].text)}”"
        items.append(Row("quote", label, group.status, cells(passages), "quotes"))
    for figure in view.comparison.figures:
        row_cells = cells([(m, False) for m in figure.mentions])
        if sum(c.state != SILENT for c in row_cells) < 2 and figure.status != "conflicting":
            continue
        label = f"{show_value(figure.value, figure.unit)} {what_counted(figure)}".strip()
        items.append(Row("figure", _short(label), figure.status, row_cells, "figures"))
    order = {"conflicting": 0, "corroborated": 1}
    items.sort(
        key=lambda r: (order.get(r.status, 2), -sum(c.state != SILENT for c in r.cells))
    )
    rows += items
    return Matrix(cols, rows[:max_rows], rows[max_rows:])


def additions(view: ReportView, shown: int = 2) -> list[Addition]:
    """Per independent source: its passages, quotes and figures no other outlet carries, and
    the first ``shown`` of those passages."""
    cols = columns(view)
    unique = view.unique_by_article()
    quotes: dict[str, int] = {}
    for group in view.lone_quotes():
        owner = _owner(view, group.variants[0].article)
        quotes[owner] = quotes.get(owner, 0) + 1
    figures: dict[str, int] = {}
    for figure in view.comparison.figures:
        owners = {_owner(view, m.article) for m in figure.mentions}
        if len(owners) == 1:
            (owner,) = owners
            figures[owner] = figures.get(owner, 0) + 1
    out = []
    for col in cols:
        passages = unique.get(col.article, [])
        out.append(
            Addition(
                col,
                len(passages),
                quotes.get(col.article, 0),
                figures.get(col.article, 0),
                passages[:shown],
            )
        )
    return out

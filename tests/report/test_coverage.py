"""The coverage matrix and what each outlet adds, on the hand-compared Vellmar strike."""

from crosswire.report.coverage import (
    CARRIES,
    CONTRADICTS,
    REWORDED,
    SILENT,
    additions,
    columns,
    coverage_matrix,
)
from crosswire.report.view import ReportView


def _view(story, articles, comparison) -> ReportView:
    return ReportView(story, articles, comparison)


def test_a_copy_is_no_column_of_its_own(story, articles, comparison) -> None:
    cols = columns(_view(story, articles, comparison))
    assert [c.label for c in cols] == ["Coastline Gazette", "Nordvik Post", "Tidewater Wire"]
    assert cols[2].copies == ["Bayside Echo"]


def test_disputed_points_come_first_then_what_several_outlets_carry(
    story, articles, comparison
) -> None:
    matrix = coverage_matrix(_view(story, articles, comparison))
    kinds = [r.kind for r in matrix.rows]
    assert kinds[:2] == ["venue", "figure"] and kinds[-1] == "quote"
    venue = matrix.rows[0]
    assert [c.state for c in venue.cells] == [CONTRADICTS, CONTRADICTS, SILENT]
    quote = matrix.rows[-1]
    # the two outlets word Korhel's remark differently; the wire quotes something else
    assert [c.state for c in quote.cells] == [REWORDED, REWORDED, SILENT]
    assert all(c.passage is not None for c in quote.cells[:2])


def test_identical_wordings_carry_and_rows_fold_past_the_limit(
    story, articles, comparison
) -> None:
    group = comparison.quotes[0]
    group.variants[1] = group.variants[0].__class__(
        article="b2", text=group.variants[0].text, start=0, end=0
    )
    articles[1].text = group.variants[0].text + " " + articles[1].text
    group.variants[1].end = len(group.variants[0].text)
    matrix = coverage_matrix(_view(story, articles, comparison), max_rows=2)
    assert len(matrix.rows) == 2 and matrix.folded
    quote = next(r for r in matrix.rows + matrix.folded if r.kind == "quote")
    assert [c.state for c in quote.cells[:2]] == [CARRIES, CARRIES]


def test_what_each_outlet_adds(story, articles, comparison) -> None:
    adds = {a.column.label: a for a in additions(_view(story, articles, comparison))}
    assert (adds["Nordvik Post"].passages, adds["Nordvik Post"].quotes) == (1, 0)
    assert adds["Nordvik Post"].first[0].text.startswith("The harbour authority lost")
    assert (adds["Tidewater Wire"].quotes, adds["Coastline Gazette"].passages) == (1, 0)

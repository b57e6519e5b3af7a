from crosswire.records import Article, Figure
from crosswire.web.article_view import ArticleView

TEXT = "Brindle Capital puts the chance of a recession in Vorland at 44%."


def test_a_figures_label_names_its_source():
    view = ArticleView(Article("a1", "ledger.txt", TEXT, TEXT), None)
    start = TEXT.index("44%")
    sourced = Figure(start, start + 3, "44%", 44.0, "%", None, "the chance of a recession",
                     source="Brindle Capital")
    assert view.figure_label(sourced) == "44% the chance of a recession (source: Brindle Capital)"
    sourced.source = None
    assert view.figure_label(sourced) == "44% the chance of a recession"

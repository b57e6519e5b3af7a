import dataclasses

from crosswire.records import Article, Comparison, FigureGroup, Passage, Story
from crosswire.report.view import (
    ReportView,
    anchor_id,
    quoted,
    show_date,
    show_value,
    what_counted,
)


def test_labels_use_outlet_and_disambiguate_repeats(story, articles, comparison) -> None:
    extra = dataclasses.replace(articles[1], id="e5e5e5e5e5", text="More from the port.")
    view = ReportView(story, [*articles, extra], comparison)
    assert view.label("a1") == "Coastline Gazette"
    assert view.label("b2") == "Nordvik Post (b2)"
    assert view.label("e5e5e5e5e5") == "Nordvik Post (e5e5e5e5)"
    assert view.label("unknown-article-id") == "unknown-"


def test_span_trusts_offsets_that_select_the_text(story, articles, comparison) -> None:
    view = ReportView(story, articles, comparison)
    passage = comparison.unique[0]
    assert view.span(passage) == (passage.start, passage.end)


def test_span_relocates_stale_offsets_by_text(story, articles, comparison) -> None:
    view = ReportView(story, articles, comparison)
    good = comparison.unique[0]
    stale = dataclasses.replace(good, start=good.start - 5, end=good.end - 5)
    assert view.span(stale) == (good.start, good.end)
    assert view.ref(stale) == f"Nordvik Post §{good.start}–{good.end}"


def test_span_is_none_for_text_not_in_the_article(story, articles, comparison) -> None:
    view = ReportView(story, articles, comparison)
    assert view.span(Passage("a1", "never written", 0, 13)) is None
    assert view.anchor(Passage("zz", "Dockworkers", 0, 11)) is None


def test_span_picks_the_occurrence_nearest_the_stated_start() -> None:
    article = Article(id="x", source="x.txt", text="no. no. no.", raw="")
    lone = Story(id="x", title=None, articles=["x"], outlets=[])
    view = ReportView(lone, [article], Comparison(story="x"))
    assert view.span(Passage("x", "no.", 7, 9)) == (8, 11)


def test_cited_spans_are_distinct_and_ordered(story, articles, comparison) -> None:
    view = ReportView(story, articles, comparison)
    spans = view.cited_spans("a1")
    assert spans == sorted(set(spans), key=lambda s: (s[0], -s[1]))
    # the figure "About 1,200 workers" lies inside the discrepancy sentence, longest first
    fig = articles[0].text.index("About 1,200 workers")
    starting_there = [s for s in spans if s[0] == fig]
    assert len(starting_there) == 2 and starting_there[0][1] > starting_there[1][1]


def test_summary_counts_by_status(story, articles, comparison) -> None:
    view = ReportView(story, articles, comparison)
    assert view.summary() == (
        "2 quotes (1 corroborated, 1 single-source) · 1 figure (1 conflicting) · "
        "2 discrepancies · 1 passage only in one outlet"
    )
    assert view.header_line() == (
        "4 outlets · 4 articles (1 syndicated copy) · 2026-04-06 08:30 – 2026-04-07 10:00"
    )


def test_value_and_date_display() -> None:
    assert show_value(1100000.0, None) == "1,100,000"
    assert show_value(1.0, "%") == "1%"
    assert show_value(2.5, "km") == "2.5 km"
    assert show_date("2026-04-06") == "2026-04-06"
    assert show_date(None) == "date unknown"
    assert anchor_id("a/b c", 3, 9) == "a-a_b_c-3-9"


def test_quoted_does_not_double_quote_marks() -> None:
    assert quoted(" plain words ") == "“plain words”"
    assert quoted('"Already quoted," she said.') == '"Already quoted," she said.'


def test_quotes_split_by_number_of_outlets(story, articles, comparison) -> None:
    view = ReportView(story, articles, comparison)
    assert [len(q.variants) for q in view.compared_quotes()] == [2]
    assert [q.variants[0].text for q in view.lone_quotes()] == ["We stay out"]


def test_context_is_the_sentence_around_a_mention(story, articles, comparison) -> None:
    view = ReportView(story, articles, comparison)
    post = articles[1].text
    start = post.index("1,200")
    before, inside, after = view.context(Passage("b2", "1,200", start, start + 5))
    assert (before, inside) == ("Some ", "1,200")
    assert after == " ships wait outside the harbour, she said at a rally in Stennard."
    start = articles[2].text.index("Ansa")
    assert view.context(Passage("c3", "Ansa Korhel", start, start + 11)) == (
        '"We stay out," ',
        "Ansa Korhel",
        " said.",
    )


def test_what_a_figure_counts_is_not_its_unit_again():
    budget = FigureGroup(value=2.3e6, unit="crown", counts="crowns", status="single-source",
                         mentions=[])
    dead = FigureGroup(value=12.0, unit=None, counts="people", status="corroborated", mentions=[])
    rate = FigureGroup(value=5.8, unit="%", counts="the jobless rate", status="conflict",
                       mentions=[])
    assert what_counted(budget) == ""
    assert what_counted(dead) == "people" and what_counted(rate) == "the jobless rate"

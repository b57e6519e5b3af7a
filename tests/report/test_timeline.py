"""Who reported what, when."""

from crosswire.report.timeline import timeline
from crosswire.report.view import ReportView


def test_articles_in_time_order_with_what_each_was_first_with(story, articles, comparison):
    # the Post's clock says 12:00 in its own zone, 07:00 in UTC: before the Gazette's 08:30
    articles[1].published = "2026-04-06T12:00:00+05:00"
    entries = timeline(ReportView(story, articles, comparison))
    assert [e.label for e in entries] == [
        "Nordvik Post", "Coastline Gazette", "Tidewater Wire", "Bayside Echo"
    ]
    first = {e.label: [label for label, _ in e.first_with] for e in entries}
    assert first["Nordvik Post"] == ["quote of Ansa Korhel", "figure 1,200"]
    assert first["Coastline Gazette"] == []
    assert entries[-1].copy_of == "Tidewater Wire"


def test_undated_reports_are_listed_but_first_with_nothing(story, articles, comparison):
    for a in articles:
        a.published = None
    entries = timeline(ReportView(story, articles, comparison))
    assert len(entries) == 4 and not any(e.first_with for e in entries)

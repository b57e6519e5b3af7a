import pytest

from crosswire.compare.claims import claims_table
from crosswire.compare.story import compare_story

LEDGER = "At least 480 people were hurt in Olvane, according to the Olvane hospital board."
TIMES = "Some 480 people were hurt in Olvane. Speaking in Olvane, Mira Toller praised crews."
WIRE = "In an interview with Valley Wire, Mira Toller said 90 boats sank."


@pytest.fixture
def compared(story):
    story.article("a", "Harbor Ledger", LEDGER)
    story.article("b", "Northgate Times", TIMES)
    story.article("c", "Valley Wire", WIRE)
    story.figure("a", "At least 480", 480, "people", "people (hurt in Olvane)")
    story.claim("a", "according to the Olvane hospital board", "source", "Olvane hospital board")
    story.figure("b", "Some 480", 480, "people", "people (hurt in Olvane)")
    story.figure("c", "90", 90, "boat", "boats (sank)")
    story.claim("b", "Speaking in Olvane", "venue", "speech:Olvane")
    story.claim("c", "In an interview with Valley Wire", "venue", "interview:Valley Wire")
    comparison = compare_story("a", story.articles, story.analyses)
    return story, comparison


def test_rows_cover_figures_and_disputes_conflicting_first(compared):
    story, comparison = compared
    rows = claims_table(comparison, story.articles, story.analyses)
    assert [(r["kind"], r["status"]) for r in rows] == [
        ("venue", "conflicting"),
        ("figure", "corroborated"),
        ("figure", "single-source"),
    ]
    hurt = rows[1]
    assert hurt["claim"].startswith("480 people")
    assert hurt["credited"] == {"Harbor Ledger": "Olvane hospital board", "Northgate Times": None}
    assert [p["article"] for p in hurt["passages"]] == ["a", "b"]


def test_status_filter(compared):
    story, comparison = compared
    rows = claims_table(comparison, story.articles, story.analyses, status="single-source")
    assert [r["claim"] for r in rows] == ["90 boat: boats (sank)"]
    with pytest.raises(ValueError, match="status"):
        claims_table(comparison, story.articles, story.analyses, status="disputed")

"""compare_story end to end on fictional articles, with the real analysis stage."""

import pytest

from crosswire.analyze import analyze_articles
from crosswire.compare import compare_story
from crosswire.records import Article

LEDGER = (
    "In remarks to a Vorland daily over the weekend, Ilse Brandt warned about the flood.\n"
    '"We have evacuated 40,000 people from the coast. The water will keep rising for days," '
    "Brandt said.\n"
    "The harbour board has lost 12 boats in the storm, the port office said."
)
TIMES = (
    "Speaking in Ostberg earlier this week, Ilse Brandt described the flood.\n"
    "\u201cWe evacuated 40,000 people from the coast. The water will keep rising for many days,"
    "\u201d Brandt said.\n"
    "Engineers from Northgate have rebuilt the old sea wall twice since the last winter."
)


def _articles(*texts: tuple[str, str, str | None]) -> list[Article]:
    return [
        Article(id=i, source=f"{i}.txt", text=t, raw=t, outlet=o, duplicate_of=d)
        for i, (o, t, d) in zip(("a", "b", "c"), texts, strict=False)
    ]


@pytest.fixture(scope="module")
def compared():
    articles = _articles(("Harbor Ledger", LEDGER, None), ("Northgate Times", TIMES, None))
    analyses = {a.article: a for a in analyze_articles(articles)}
    return articles, compare_story("a", articles, analyses)


def test_every_passage_is_its_article_slice(compared):
    articles, comparison = compared
    texts = {a.id: a.text for a in articles}
    passages = [v for g in comparison.quotes for v in g.variants]
    passages += [m for g in comparison.figures for m in g.mentions]
    passages += [s for d in comparison.discrepancies for s in d.sides] + comparison.unique
    assert passages
    for p in passages:
        assert texts[p.article][p.start : p.end] == p.text


def test_shared_figure_and_venue_discrepancy(compared):
    _, comparison = compared
    evacuated = [g for g in comparison.figures if g.value == 40000]
    assert [(g.status, g.outlets) for g in evacuated] == [
        ("corroborated", ["Harbor Ledger", "Northgate Times"])
    ]
    assert {d.kind for d in comparison.discrepancies} >= {"venue", "date"}


def test_unique_lists_what_one_outlet_alone_reports(compared):
    _, comparison = compared
    unique = {(u.article, u.text.split()[0]) for u in comparison.unique}
    assert ("a", "The") in unique and ("b", "Engineers") in unique
    assert not any("evacuated" in u.text for u in comparison.unique)


def test_quote_shared_by_both_outlets(compared):
    _, comparison = compared
    if not comparison.quotes:
        pytest.skip("quote extraction found no quotes")
    shared = [g for g in comparison.quotes if "40,000" in g.variants[0].text]
    assert shared and shared[0].status == "corroborated"


def test_syndicated_copy_is_not_a_second_source():
    articles = _articles(
        ("Harbor Ledger", LEDGER, None),
        ("Coastal Digest", LEDGER, "a"),
        ("Northgate Times", TIMES, None),
    )
    analyses = {a.article: a for a in analyze_articles(articles)}
    comparison = compare_story("a", articles, analyses)
    assert all("Coastal Digest" not in g.outlets for g in comparison.figures + comparison.quotes)
    boats = [g for g in comparison.figures if g.value == 12]
    assert [g.status for g in boats] == ["single-source"]

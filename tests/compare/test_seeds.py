"""compare_story on the real three-outlet case in ../shared/corpus/seeds (read from there).

Articles are built here as the cleaning stage would: title line dropped, 000's legal
disclaimer and 002's "Read also" list cut, so the comparison is tested on its own.
"""

from __future__ import annotations

import pytest
from helpers import shared_path

from crosswire.analyze import analyze_articles
from crosswire.compare import compare_story
from crosswire.records import Article

SEEDS = {
    "000": ("000_766263e9e71120bd.txt", "EIN Presswire", "Legal Disclaimer:"),
    "002": ("002_8c6eb2e9bafba9e5.txt", "outlet-002", "Read also"),
    "003": ("003_77d83ad36e3cf0cd.txt", "outlet-003", None),
}


def _article(key: str) -> Article:
    name, outlet, cut = SEEDS[key]
    raw = shared_path("corpus", "seeds", name).read_text(encoding="utf-8")
    lines = raw.split("\n")
    title = None
    if len(lines[0]) < 120 and not lines[0].rstrip().endswith("."):  # a title line
        title, lines = lines[0], lines[1:]
    text = "\n".join(lines)
    if cut:
        text = text[: text.index("\n" + cut)]
    return Article(id=key, source=name, text=text.strip(), raw=raw, title=title, outlet=outlet)


@pytest.fixture(scope="module")
def seeds():
    articles = [_article(k) for k in SEEDS]
    analyses = {a.article: a for a in analyze_articles(articles)}
    return articles, analyses, compare_story("000", articles, analyses)


@pytest.fixture(scope="module")
def with_quotes(seeds):
    """Quote-dependent assertions need the quote extractor; skip clearly until it finds any."""
    _, analyses, _ = seeds
    if not all(a.quotes for a in analyses.values()):
        pytest.skip("quote extraction finds no quotes yet")
    return seeds


def test_every_passage_points_into_its_article(seeds):
    articles, _, comparison = seeds
    texts = {a.id: a.text for a in articles}
    passages = [v for g in comparison.quotes for v in g.variants]
    passages += [m for g in comparison.figures for m in g.mentions]
    passages += [s for d in comparison.discrepancies for s in d.sides] + comparison.unique
    assert passages
    for p in passages:
        assert texts[p.article][p.start : p.end] == p.text


def test_1_1_million_counts_different_things(seeds):
    _, _, comparison = seeds
    (d,) = [d for d in comparison.discrepancies if d.kind == "figure-meaning"]
    assert {s.article for s in d.sides} == {"000", "002"}
    assert all("1.1 million" in s.text for s in d.sides)
    (group,) = [g for g in comparison.figures if g.value == 1.1e6]
    assert group.status == "conflicting" and group.unit == "people"


def test_under_one_percent_of_territory_is_corroborated(seeds):
    _, _, comparison = seeds
    (group,) = [g for g in comparison.figures if g.value == 1 and g.unit == "%"]
    assert group.status == "corroborated"
    assert {m.article for m in group.mentions} == {"000", "002"}
    assert {m.text for m in group.mentions} == {"less than 1%", "under 1%"}


def test_003_background_figures_are_single_source(seeds):
    _, _, comparison = seeds
    single = {(g.value, g.unit): g for g in comparison.figures if g.status == "single-source"}
    assert "nuclear warheads" in single[(1000, "warhead")].counts
    assert "crude exports" in single[(80, "%")].counts
    assert single[(80, "%")].outlets == ["outlet-003"]
    assert not any(g.unit == "year" for g in comparison.figures)


def test_interview_versus_speech_in_brussels(seeds):
    _, _, comparison = seeds
    (venue,) = [d for d in comparison.discrepancies if d.kind == "venue"]
    assert [s.article for s in venue.sides] == ["000", "002", "003"]
    assert "Brussels" in venue.sides[2].text and "Bild" in venue.sides[1].text
    # "a German outlet" and "Bild" are both an interview: they are compatible, 003 is not
    assert "a speech in Brussels (outlet-003)" in venue.summary
    (date,) = [d for d in comparison.discrepancies if d.kind == "date"]
    assert [s.article for s in date.sides] == ["000", "003"]


def test_only_003_reports_warheads_and_crude_exports(seeds):
    _, _, comparison = seeds
    unique = [u for u in comparison.unique]
    text_003 = " ".join(u.text for u in unique if u.article == "003")
    assert "nuclear warheads" in text_003 and "crude exports" in text_003
    assert all("Axis Gains Strength" not in u.text for u in unique)  # a subheading
    order = [(u.article, u.start) for u in unique]
    assert order == sorted(order)


def test_junior_partner_quote_side_by_side(with_quotes):
    _, _, comparison = with_quotes
    groups = [g for g in comparison.quotes if any("junior partner" in v.text for v in g.variants)]
    shared = [g for g in groups if len(g.outlets) > 1]
    (group,) = shared
    assert {v.article for v in group.variants} == {"000", "002"}
    assert group.status == "corroborated" and "Rutte" in (group.speaker or "")
    # 003's "They would probably first call their junior partner..." is a separate statement
    assert any({v.article for v in g.variants} == {"003"} for g in groups)


def test_shared_quote_sentences_are_not_unique(with_quotes):
    _, _, comparison = with_quotes
    assert not any("junior partner" in u.text for u in comparison.unique if u.article != "003")
    assert not any("The Hague" in u.text and u.text.startswith('"') for u in comparison.unique)


def test_the_hague_spending_commitment_is_corroborated_by_000_and_002(with_quotes):
    _, _, comparison = with_quotes
    groups = [g for g in comparison.quotes if any("Hague" in v.text for v in g.variants)]
    shared = [g for g in groups if len(g.outlets) > 1]
    (group,) = shared
    assert group.status == "corroborated"
    assert {v.article for v in group.variants if "Hague" in v.text} == {"000", "002"}
    agreed = [line for line in comparison.summary if line.status == "corroborated"]
    assert any(
        "Hague" in line.text and {p.article for p in line.sources} == {"000", "002"}
        for line in agreed
    )

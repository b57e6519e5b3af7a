import re

import pytest

from crosswire.records import Article, Passage
from crosswire.report import render_report
from crosswire.report.html import marked_text
from report.htmlcheck import parse


@pytest.fixture
def page(story, articles, comparison) -> str:
    return render_report(story, articles, comparison, "html")


def test_page_is_well_formed_and_every_link_resolves(page) -> None:
    checker = parse(page)
    assert len(checker.ids) == len(set(checker.ids)), "duplicate ids"
    assert checker.links and set(checker.links) <= set(checker.ids)
    assert checker.external == []  # standalone: no external assets


def test_statements_link_to_the_span_they_cite(page, comparison) -> None:
    for p in comparison.unique + [s for d in comparison.discrepancies for s in d.sides]:
        anchor = f"a-{p.article}-{p.start}-{p.end}"
        assert f'href="#{anchor}"' in page
        opening = f'<span class="cite" id="{anchor}">'
        after = page[page.index(opening) + len(opening) :]
        assert re.sub(r"<[^>]+>", "", after).startswith(p.text)


def test_differing_quote_words_are_marked(page, comparison) -> None:
    assert parse(page).marks == ["a single", "the", "one"]
    assert "We will not unload <mark>one</mark> ship until night shifts" in page


def test_article_text_is_escaped_and_embedded(page) -> None:
    assert "<strike>" not in page
    assert "Vellmar docks &lt;strike&gt;" in page
    assert '&#34;<span class="cite" id="a-c3-37-48">We stay out</span>,&#34;' in page
    assert '<details class="article" id="article-d4">' in page
    assert "syndicated copy of Tidewater Wire" in page


def test_badges_and_discrepancies(page) -> None:
    assert '<span class="badge corroborated">corroborated</span>' in page
    assert '<span class="badge conflicting">conflicting</span>' in page
    assert page.count('<article class="discrepancy">') == 2
    assert '<span class="said"><b>Some 1,200 ships</b> wait outside the harbour,' in page


def test_a_figures_source_has_its_column(page) -> None:
    assert "<th>Source</th>" in page and "<td>Korhel</td>" in page


def test_passage_not_in_the_article_is_shown_without_a_broken_link(
    story, articles, comparison
) -> None:
    comparison.unique.append(Passage("b2", "text that is not there", 0, 22))
    page = render_report(story, articles, comparison, "html")
    checker = parse(page)
    assert set(checker.links) <= set(checker.ids)
    assert '<span class="ref missing"' in page


def test_crossing_spans_nest_and_keep_their_ids() -> None:
    article = Article(id="x", source="x.txt", text="one two three four", raw="")
    html = marked_text(article, [(0, 7), (4, 13)])
    assert html == (
        '<span class="cite" id="a-x-0-7">one <span class="cite" id="a-x-4-13">two</span>'
        "</span> three four"
    )
    parse(html)


def test_nested_and_adjacent_spans() -> None:
    article = Article(id="x", source="x.txt", text="ab cd ef", raw="")
    html = marked_text(article, [(0, 5), (3, 5), (6, 8)])
    assert html == (
        '<span class="cite" id="a-x-0-5">ab <span class="cite" id="a-x-3-5">cd</span></span> '
        '<span class="cite" id="a-x-6-8">ef</span>'
    )


def test_one_outlet_quotes_are_a_folded_list(page) -> None:
    folded = page.split('<details class="fold lone">')[1].split("</details>")[0]
    assert "Quoted by one outlet only (1)" in folded
    assert '<li><span class="outlet">Ansa Korhel</span> (Tidewater Wire)' in folded
    assert page.count('<figure class="variant">') == 2

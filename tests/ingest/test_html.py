"""read_html and its metadata rules on hand-written, fictional pages."""

from __future__ import annotations

import json
from datetime import date

import pytest
from trafilatura.utils import load_html

from crosswire.errors import CrosswireError
from crosswire.ingest.html import read_html, strip_repeats
from crosswire.ingest.metadata import (
    PageMeta,
    Stamp,
    clean_authors,
    domain_label,
    fallback_authors,
    pick_date,
    read_page_meta,
    read_stamp,
    strip_site,
)

BODY = (
    "<p>The ferry service between Orvel and Tarsk resumed on Monday after a two-week halt "
    "caused by storm damage to the northern pier, the harbour authority said.</p>"
    "<p>“We expect the full timetable by Friday,” harbour master Ilse Varga told reporters, "
    "adding that 1,200 passengers had been rebooked onto the coastal bus line.</p>"
    "<p>Repairs to the pier cost 3.4 million crowns, according to the authority's figures, "
    "and were finished a week ahead of the schedule agreed with the contractor.</p>"
)


def page(
    title: str = "Ferry Service Resumes After Storm - The Harbour Ledger",
    h1: str = "Ferry Service Resumes After Storm",
    head: str = "",
    byline: str = "",
    published: str = '<meta property="article:published_time" content="2024-03-04T09:30:00+00:00">',
) -> str:
    return (
        f"<html><head><title>{title}</title>"
        '<meta property="og:site_name" content="The Harbour Ledger">'
        f"{published}{head}</head><body><header><a href='/'>The Harbour Ledger</a></header>"
        f"<article><h1>{h1}</h1>{byline}{BODY}</article></body></html>"
    )


def test_title_suffix_is_stripped_and_outlet_kept() -> None:
    item = read_html("p.html", page(h1=""), url="https://harbourledger.example/ferry")
    assert item.title == "Ferry Service Resumes After Storm"
    assert item.outlet == "The Harbour Ledger"


def test_visible_headline_wins_over_metadata_title() -> None:
    html = page(
        title="Ferries: Service Resumes After Storm | The Harbour Ledger",
        h1="<span>Ferries</span> <span>Service resumes after storm</span>",
    )
    item = read_html("p.html", html, url="https://harbourledger.example/ferry")
    # The kicker span ("Ferries") is a label, not part of the headline.
    assert item.title == "Service resumes after storm"


def test_unrelated_h1_does_not_replace_the_title() -> None:
    item = read_html("p.html", page(h1="The Harbour Ledger"), url="https://harbourledger.example")
    assert item.title == "Ferry Service Resumes After Storm"


def test_date_is_read() -> None:
    item = read_html("p.html", page(), url="https://harbourledger.example/ferry")
    assert item.published == "2024-03-04"


def test_authors_are_cleaned_and_split() -> None:
    byline = (
        '<p class="byline">By <a rel="author" href="/a/mira">Mira Solberg and Tomas Eck</a></p>'
    )
    head = '<meta name="author" content="Mira Solberg and Tomas Eck">'
    item = read_html(
        "p.html", page(head=head, byline=byline), url="https://harbourledger.example/f"
    )
    assert item.authors == ["Mira Solberg", "Tomas Eck"]


def test_body_does_not_repeat_the_headline() -> None:
    item = read_html("p.html", page(), url="https://harbourledger.example/ferry")
    assert not item.body.startswith("Ferry Service Resumes")
    assert "harbour master Ilse Varga" in item.body


def test_page_without_article_is_an_error() -> None:
    with pytest.raises(CrosswireError):
        read_html("p.html", "<html><body><nav>Home</nav></body></html>")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Pier Reopens - The Harbour Ledger", "Pier Reopens"),
        ("The Harbour Ledger | Pier Reopens", "Pier Reopens"),
        ("Pier Reopens — harbourledger.example", "Pier Reopens"),
        ("Pier Reopens · Ledger", "Pier Reopens"),
        # A dash inside the headline is not a site separator.
        ("Pier Reopens – Ferries Run Again", "Pier Reopens – Ferries Run Again"),
        ("Storm: Pier Reopens", "Storm: Pier Reopens"),
    ],
)
def test_strip_site(title: str, expected: str) -> None:
    assert strip_site(title, ["The Harbour Ledger"], "harbourledger") == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("By Mira Solberg", ["Mira Solberg"]),
        ("Posted by Tomas Eck", ["Tomas Eck"]),
        ("View all posts by Tomas Eck", ["Tomas Eck"]),
        ("Mira Solberg; Tomas Eck", ["Mira Solberg", "Tomas Eck"]),
        ("Mira Solberg und Tomas Eck", ["Mira Solberg", "Tomas Eck"]),
        ("The Harbour Ledger; Mira Solberg", ["Mira Solberg"]),
        ("Harbour Ledger GmbH The Harbour Ledger", []),
        ("Harbourledger De", []),
        ("Posted", []),
        ("Admin", []),
        ("Name", []),
        ("Ada Quill says", []),
        ("mira mira", ["mira"]),
    ],
)
def test_clean_authors(raw: str, expected: list[str]) -> None:
    assert clean_authors(raw, ["The Harbour Ledger"], "harbourledger") == expected


def test_clean_authors_keeps_a_bloggers_own_domain_name() -> None:
    # A personal blog's domain is the author's name; the person is not the publisher.
    assert clean_authors("Ilse Varga", [], "ilsevarga") == ["Ilse Varga"]


def test_author_spelled_as_on_the_page() -> None:
    text = "Written by harbour_cat and Mira S. Solberg Jr."
    assert clean_authors("Harbour Cat; Mira S Solberg Jr", [], None, text) == [
        "harbour_cat",
        "Mira S. Solberg Jr.",
    ]


def test_domain_label() -> None:
    assert domain_label("https://www.harbourledger.co.uk/news/1") == "harbourledger"
    assert domain_label("https://news.harbourledger.example/x") == "harbourledger"
    assert domain_label(None) is None


def test_strip_repeats_drops_headline_and_timestamps_only() -> None:
    text = "Pier Reopens\nThe pier reopened on Monday.\n2024-03-04T09:30:00+00:00\nMore text."
    assert strip_repeats(text, ["Pier Reopens | The Harbour Ledger", "Pier Reopens"]) == (
        "The pier reopened on Monday.\nMore text."
    )
    # Only a repeat at the top is the headline; later, the same words are text.
    assert strip_repeats("Intro.\nPier Reopens", ["Pier Reopens"]) == "Intro.\nPier Reopens"


URL = "https://harbourledger.example/ferry"


def ld(**fields: object) -> str:
    data = json.dumps({"@type": "NewsArticle", **fields})
    return f'<script type="application/ld+json">{data}</script>'


def test_modification_header_is_not_the_publication_date() -> None:
    # htmldate falls back on a header's update date before the article's own <time>.
    head = '<meta property="og:updated_time" content="2024-06-20T08:00:00+02:00">'
    byline = '<p><time datetime="2024-03-04">4 March 2024</time></p>'
    item = read_html("p.html", page(head=head, byline=byline, published=""), url=URL)
    assert item.published == "2024-03-04"


def test_publication_declared_twice_alike_wins_over_the_url_date() -> None:
    published = '<meta property="article:published_time" content="2024-03-05T18:40:00+01:00">'
    head = ld(datePublished="2024-03-05T18:40:00+01:00")
    url = "https://harbourledger.example/2024/03/01/ferry"
    item = read_html("p.html", page(head=head, published=published), url=url)
    assert item.published == "2024-03-05"


def test_one_declaration_does_not_overrule_the_url_date() -> None:
    published = '<meta property="article:published_time" content="2024-03-05T18:40:00+01:00">'
    url = "https://harbourledger.example/2024/03/01/ferry"
    item = read_html("p.html", page(published=published), url=url)
    assert item.published == "2024-03-01"


def test_local_midnight_written_in_utc_is_the_next_day() -> None:
    published = '<meta property="article:published_time" content="2024-03-04T23:00:00.000Z">'
    item = read_html("p.html", page(published=published), url=URL)
    assert item.published == "2024-03-05"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-04", Stamp(date(2024, 3, 4), True)),
        ("2024-03-04T18:40:00-05:00", Stamp(date(2024, 3, 4), True)),
        ("2024-03-04T12:00:00Z", Stamp(date(2024, 3, 4), True)),
        # Near midnight UTC the outlet's day may be the one before or after.
        ("2024-03-04T02:10:00Z", Stamp(date(2024, 3, 4), False)),
        ("2024-03-04T22:30:00+00:00", Stamp(date(2024, 3, 4), False)),
        ("2024-03-04T22:00:00Z", Stamp(date(2024, 3, 5), True, midnight=True)),
        ("Mon, 04 Mar 2024 12:00:00 GMT", Stamp(date(2024, 3, 4), True)),
        ("Mon, 04 Mar 2024 01:00:00 GMT", Stamp(date(2024, 3, 4), False)),
        ("2024-02-30T12:00:00Z", None),
        ("last Tuesday", None),
    ],
)
def test_read_stamp(value: str, expected: Stamp | None) -> None:
    assert read_stamp(value) == expected


def test_pick_date_needs_agreeing_certain_declarations() -> None:
    agreed = PageMeta(published=["2024-03-05T18:40:00+01:00", "2024-03-05"])
    assert pick_date(agreed, "2024-03-01") == "2024-03-05"
    disagreeing = PageMeta(published=["2024-03-05T18:40:00+01:00", "2024-03-06"])
    assert pick_date(disagreeing, "2024-03-01") == "2024-03-01"
    near_midnight = PageMeta(published=["2024-03-05T01:40:00Z", "2024-03-05T01:40:00Z"])
    assert pick_date(near_midnight, "2024-03-04") == "2024-03-04"
    assert pick_date(PageMeta(), None) is None


def test_author_from_json_ld_person_not_organisation() -> None:
    head = ld(
        author=[
            {"@type": "Organization", "name": "Harbour Desk"},
            {"@type": "Person", "name": "edda.lind"},
        ]
    )
    item = read_html("p.html", page(head=head), url=URL)
    assert item.authors == ["edda.lind"]


def test_author_spelled_as_in_a_byline_that_runs_into_the_text() -> None:
    # trafilatura capitalises the name; the page writes it in lower case, right before a
    # paragraph whose text runs on from it in the document's text.
    byline = '<p>Posted on 4 March by <a rel="author" href="/u/kestrel">kestrel</a></p>'
    item = read_html("p.html", page(byline=byline), url=URL)
    assert item.authors == ["kestrel"]


def fallback(body: str) -> list[str]:
    tree = load_html(f"<html><head></head><body>{body}</body></html>")
    return fallback_authors(read_page_meta(tree, URL), ["The Harbour Ledger"])


def test_fallback_takes_the_first_rel_author_link() -> None:
    body = (
        '<article><a rel="author" href="/u/kestrel">kestrel</a></article>'
        '<aside><a rel="author" href="/u/quillfox">quillfox</a></aside>'
    )
    assert fallback(body) == ["kestrel"]


def test_fallback_reads_byline_classes_outside_comments() -> None:
    body = (
        '<section class="comments"><div class="comment-author">von gullwatcher</div></section>'
        '<div class="entry-author">von tidewriter</div>'
    )
    assert fallback(body) == ["tidewriter"]


def test_fallback_skips_labels_handles_and_the_publisher() -> None:
    assert fallback('<div class="article-author">Stand: 4. März 2024</div>') == []
    assert fallback('<div class="author">Foto: Harbour Desk</div>') == []
    head = (
        '<meta name="author" content="@kestrel"><meta name="author" content="The Harbour Ledger">'
    )
    tree = load_html(f"<html><head>{head}</head><body><p>Text.</p></body></html>")
    assert fallback_authors(read_page_meta(tree, URL), ["The Harbour Ledger"]) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By ILSE VARGA, harbour desk", "ILSE VARGA"),  # the page's own spelling wins
        ("ilse_varga: photos", "ilse_varga"),
        ("Ilse Varga", "Ilse Varga"),  # at the very start of the page
        ("mailto:xilse varga / @ilse varga / -ilse varga", "ilse varga"),  # glued: kept as given
        ("see /ilse varga and by I. VARGA.", "ilse varga"),  # a path, and other initials
        ("Written by Ilse Varga. Ilse Varga.", "Ilse Varga"),  # the full stop is no initial's
    ],
)
def test_an_author_is_written_as_the_page_spells_it(text: str, expected: str) -> None:
    assert clean_authors("ilse varga", [], "ledger", text) == [expected]
